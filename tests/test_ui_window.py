"""The window as a whole: login, lock, demo mode's login hint."""

from __future__ import annotations

from typing import Any

from app.station import Station
from tests.uikit import close_window, open_window


def test_login_opens_the_dashboard_and_wrong_password_says_so(qtbot: Any, station: Station) -> None:
    window = open_window(qtbot, station)
    try:
        assert window.session.station.operator.login == "admin"
        assert window.stack.currentWidget() is window.pages["dashboard"]
    finally:
        close_window(window)
