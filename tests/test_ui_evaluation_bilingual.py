"""The citizen's rating window (issue 13, point 7): both languages at once whatever the clerk's
interface language (Tibetan first where the station's language is Tibetan), a large face on each
choice, the item's Tibetan name from the catalogue, and a thank-you that stays on the screen."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from app.services import cases
from app.station import Station
from tests.helpers import request
from tests.uikit import close_window, open_window, wait_idle
from ui.evaluation import LEVELS, Face

HAN = re.compile(r"[\u4e00-\u9fff]")
TIBETAN = re.compile(r"[\u0f00-\u0fff]")
SCRIPT = {"zh": HAN, "bo": TIBETAN}
DIBAO_ZH = "最低生活保障申请（农村低保）"
DIBAO_BO = "འཚོ་བའི་འགྲོ་སོང་དམའ་ཤོས་ཀྱི་འགན་ལེན་ཞུ་འཕྲིན་（གྲོང་གསེབ）།"


def words(widget: QWidget) -> list[str]:
    """The texts of the visible labels inside ``widget``, top to bottom."""
    labels = [lab for lab in widget.findChildren(QLabel) if lab.isVisible() and lab.text()]
    return [lab.text() for lab in sorted(labels, key=lambda lab: lab.mapTo(widget, lab.rect().topLeft()).y())]


def in_order(text: str, first: str) -> bool:
    """Both scripts in ``text``, the station's (``first``) before the other."""
    second = "zh" if first == "bo" else "bo"
    a, b = SCRIPT[first].search(text), SCRIPT[second].search(text)
    return a is not None and b is not None and a.start() < b.start()


@pytest.mark.parametrize(("station_language", "interface"), [("zh", "zh"), ("zh", "bo"), ("bo", "zh"), ("bo", "bo")])
def test_the_rating_window_speaks_both_languages_station_language_first(
        qtbot: Any, station: Station, station_language: str, interface: str) -> None:
    case_no = cases.submit(station, request(station)).case_no
    window = open_window(qtbot, station)
    ev = window.evaluation
    try:
        window.session.apply_settings(replace(window.session.settings, language=station_language))
        window.appearance.set_language(interface)  # the clerk's own choice of interface language
        window.ask_evaluation(case_no)
        qtbot.waitUntil(lambda: ev.isVisible() and DIBAO_ZH in ev.subject.text(), timeout=10_000)
        wait_idle(qtbot, window.session)

        subject = ev.subject.text()
        assert case_no in subject and DIBAO_ZH in subject and DIBAO_BO in subject
        assert in_order(subject, station_language)
        assert "扎西" not in subject  # nothing personal on the citizen's screen
        assert in_order(ev.title.text(), station_language)

        line = ev.fontMetrics().height()
        for code in LEVELS:
            button = ev.choice_buttons[code]
            shown = "\n".join(words(button))
            assert in_order(shown, station_language), (code, shown)
            face = button.findChild(Face)
            assert face is not None and face.isVisible()
            assert face.height() >= 3 * line and face.width() >= 3 * line  # large, at any scale

        for key, lab in ev.indicator_labels.items():
            assert in_order(lab.text(), station_language), key
        for code, button in ev.indicator_buttons["service"].items():
            assert button.text() == str(LEVELS.index(code) + 1)  # the large choice's number, and its face
            assert not button.icon().isNull()
            assert in_order(button.toolTip(), station_language), code  # the words on hover
        qtbot.keyClick(ev, Qt.Key.Key_5)  # a bad rating asks for reasons, in both languages
        assert ev.reasons_box.isVisible()
        assert in_order(ev.reasons_title.text(), station_language)
        for code, check in ev.reason_checks.items():
            assert in_order(check.text(), station_language), code
        assert in_order(ev.submit_button.text(), station_language)
    finally:
        close_window(window)


def test_the_thank_you_stays_on_the_citizens_screen(qtbot: Any, station: Station) -> None:
    case_no = cases.submit(station, request(station)).case_no
    other = cases.submit(station, request(station)).case_no
    window = open_window(qtbot, station)
    ev = window.evaluation
    try:
        window.ask_evaluation(case_no)
        qtbot.waitUntil(ev.isVisible, timeout=5000)
        qtbot.keyClick(ev, Qt.Key.Key_1)
        with qtbot.waitSignal(ev.finished, timeout=10_000):
            qtbot.keyClick(ev, Qt.Key.Key_Return)
        assert ev.pages.currentWidget() is ev.thanks
        assert ev.close_timer.isActive() and ev.close_timer.interval() >= 10_000  # a sensible time
        thanks = "\n".join(words(ev.thanks))
        assert HAN.search(thanks) and TIBETAN.search(thanks)
        assert ev.thanks.findChild(Face) is not None

        # The citizen presses Enter again, or Esc: the thank-you does not snap away.
        for key in (Qt.Key.Key_Return, Qt.Key.Key_Escape, Qt.Key.Key_2):
            qtbot.keyClick(ev, key)
        wait_idle(qtbot, window.session)
        assert ev.isVisible() and ev.pages.currentWidget() is ev.thanks

        # The next rating replaces it with a fresh question.
        window.ask_evaluation(other)
        qtbot.waitUntil(lambda: other in ev.subject.text(), timeout=5000)
        assert ev.pages.currentWidget() is ev.ask_page
        assert not any(b.isChecked() for b in ev.choice_buttons.values())
    finally:
        close_window(window)
