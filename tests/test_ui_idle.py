"""The idle lock (issue 13, point 1): activity anywhere in the program keeps the counter open, no
activity locks it, and a dialog open at lock time comes back after the unlock as it was.

Time is a fake clock handed to the window's watcher; ``check()`` is what its one-second timer runs,
so nothing here waits for minutes or depends on timing.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication

from app.models import CaseStatus
from app.services import cases
from app.station import Station
from tests.conftest import ADMIN_PASSWORD
from tests.helpers import request
from tests.uikit import close_window, open_window, wait_idle
from ui import case_actions


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


def fake_time(window: Any) -> FakeClock:
    clock = FakeClock()
    window.idle.clock = clock
    window.idle.reset()
    return clock


def wheel(widget: Any) -> None:
    centre = QPointF(widget.rect().center())
    event = QWheelEvent(centre, QPointF(widget.mapToGlobal(centre)), QPoint(), QPoint(0, -120),
                        Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(widget, event)


def unlock(qtbot: Any, window: Any) -> None:
    window.login_page.password_edit.setText(ADMIN_PASSWORD)
    window.login_page.submit()
    qtbot.waitUntil(lambda: not window.session.is_locked and window.screens.currentWidget() is window.work,
                    timeout=15_000)
    wait_idle(qtbot, window.session)


def test_activity_anywhere_keeps_the_counter_open_and_no_activity_locks_it(qtbot: Any, station: Station) -> None:
    case_no = cases.submit(station, request(station)).case_no
    window = open_window(qtbot, station)
    try:
        session = window.session
        assert window.idle.seconds == 5 * 60
        clock = fake_time(window)
        window.go("cases")
        page = window.pages["cases"]
        wait_idle(qtbot, session)
        window.ask_evaluation(case_no)
        ev = window.evaluation
        qtbot.waitUntil(ev.isVisible, timeout=5000)

        # Twenty minutes of work, a minute between touches: keys in the counter window, the mouse,
        # the wheel on the list, the citizen pressing on the rating window.
        touches = [
            lambda: qtbot.keyClicks(page.search_edit, "za"),
            lambda: qtbot.mouseClick(page.reset_button, Qt.MouseButton.LeftButton),
            lambda: wheel(page.table.viewport()),
            lambda: qtbot.mouseMove(ev.title),
            lambda: qtbot.mouseClick(ev.choice_buttons["satisfied"], Qt.MouseButton.LeftButton),
        ]
        for minute in range(20):
            clock.advance(60)
            touches[minute % len(touches)]()
            window.idle.check()
            assert not session.is_locked, f"locked after {minute + 1} minutes of work"

        # Then nobody touches anything: a little less than the idle time keeps it open, the idle
        # time locks it, the citizen's window included.
        clock.advance(5 * 60 - 1)
        window.idle.check()
        assert not session.is_locked
        clock.advance(1)
        window.idle.check()
        assert session.is_locked
        assert window.screens.currentWidget() is window.login_page
        assert not ev.isVisible()
    finally:
        close_window(window)


def test_a_dialog_open_at_lock_time_comes_back_after_the_unlock_as_it_was(qtbot: Any, station: Station) -> None:
    case_no = cases.submit(station, request(station)).case_no
    window = open_window(qtbot, station)
    try:
        session = window.session
        clock = fake_time(window)
        window.show_case(case_no)
        detail = window.case_detail
        qtbot.waitUntil(lambda: detail.view is not None and case_actions.CONCLUDE in detail.view.actions,
                        timeout=10_000)
        detail.start_action(case_actions.CONCLUDE)
        dialog = detail.dialog
        assert isinstance(dialog, case_actions.ConcludeDialog)
        qtbot.waitUntil(dialog.isVisible, timeout=5000)
        qtbot.mouseClick(dialog.outcome_buttons["denied"], Qt.MouseButton.LeftButton)
        dialog.note_edit.setFocus()
        dialog.note_edit.insert("材料不全，已电话告知")

        clock.advance(5 * 60)  # the clerk turns to the citizen and types nothing more
        window.idle.check()
        assert session.is_locked
        assert not dialog.isVisible()  # nothing of the case stays on the screen
        assert window.screens.currentWidget() is window.login_page

        unlock(qtbot, window)
        qtbot.waitUntil(dialog.isVisible, timeout=5000)
        assert detail.dialog is dialog
        assert dialog.note_edit.text() == "材料不全，已电话告知"
        assert dialog.outcome_buttons["denied"].isChecked()

        # The action goes through as the clerk meant it before the lock.
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: detail.dialog is None, timeout=10_000)  # accepted, then deleted
        wait_idle(qtbot, session)
        box: list[Any] = []
        session.run(lambda st: cases.get_case(st, case_no, log_access=False), box.append)
        qtbot.waitUntil(lambda: bool(box), timeout=10_000)
        assert box[0].status is CaseStatus.concluded
        assert box[0].outcome is not None and box[0].outcome.value == "denied"
    finally:
        close_window(window)


def test_a_dialog_hidden_by_the_lock_is_closed_when_the_operator_logs_out(qtbot: Any, station: Station) -> None:
    case_no = cases.submit(station, request(station)).case_no
    window = open_window(qtbot, station)
    try:
        window.show_case(case_no)
        detail = window.case_detail
        qtbot.waitUntil(lambda: detail.view is not None and case_actions.CONCLUDE in detail.view.actions,
                        timeout=10_000)
        detail.start_action(case_actions.CONCLUDE)
        dialog = detail.dialog
        qtbot.waitUntil(dialog.isVisible, timeout=5000)
        window.session.lock()
        assert not dialog.isVisible()
        window.session.logout()
        wait_idle(qtbot, window.session)
        qtbot.waitUntil(lambda: detail.dialog is None, timeout=5000)  # rejected: finished, then deleted
        window.login_page.login_edit.setText("admin")
        window.login_page.password_edit.setText(ADMIN_PASSWORD)
        window.login_page.submit()
        qtbot.waitUntil(lambda: window.screens.currentWidget() is window.work, timeout=15_000)
        wait_idle(qtbot, window.session)
        assert not any(w.isVisible() for w in window.findChildren(case_actions.ActionDialog))
    finally:
        close_window(window)
