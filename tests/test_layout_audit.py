"""The layout and language audit (``ui/audit.py``) of every screen and dialog of the window, in
Chinese and Tibetan, at 100 % and 200 %, in a 1366×768 window, with long Chinese and Tibetan text
typed into the fields: the scenes of ``make screenshots`` (``ui/screenshots.py``: login, dashboard,
case list, a case with each action's dialog, the print menu and preview, every intake step, the
citizen's rating window, guide, operators, settings, the lock page).

It prints a table screen × language × scale with every problem and fails when there is one."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from ui import audit

RUNS = "zh:100,zh:200,bo:100,bo:200"
# A station's screen: the offscreen platform with one 1366×768 screen (dialogs fit themselves to it).
SCREEN = {"screens": [{"name": "station", "x": 0, "y": 0, "width": 1366, "height": 768,
                       "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}


def test_every_screen_fits_and_speaks_the_interface_language(tmp_path: Path) -> None:
    """The scenes run in a process of their own (its own QApplication on a 1366×768 screen)."""
    config = tmp_path / "screen.json"
    config.write_text(json.dumps(SCREEN), encoding="utf-8")
    out = tmp_path / "audit.json"
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={config}"}
    done = subprocess.run([sys.executable, "-m", "bianmin.screenshots", "--audit", str(out), "--runs", RUNS,
                           "--cases", "20"], env=env, capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    found = json.loads(out.read_text(encoding="utf-8"))
    results: dict[tuple[str, str, int], list[audit.Problem]] = {
        (name, language, scale): [] for name, language, scale in found["screens"]}
    for p in found["problems"]:
        results[(p["screen"], p["language"], p["scale"])].append(audit.Problem(p["kind"], p["widget"], p["detail"]))
    report = audit.table(results)
    print(report)
    screens = {name for name, _language, _scale in results}
    assert {"login", "dashboard", "cases", "case", "case-withdraw", "case-print-menu", "print-preview",
            "intake-2-applicant", "intake-5-delivery", "evaluation", "lock", "settings"} <= screens
    assert {f"{language}:{scale}" for _name, language, scale in results} == set(RUNS.split(","))
    problems = sum(len(p) for p in results.values())
    assert problems == 0, f"{problems} layout or language problems:\n{report}"


# -- the audit sees what it must see (small widgets built here) ----------------------------------------

@pytest.fixture
def appearance(qapp: Any) -> Any:
    from ui.i18n import Appearance

    look = Appearance(qapp)
    yield look
    look.set_language("zh")
    look.set_scale(100)


def _window(*widgets: QWidget) -> QWidget:
    top = QWidget()
    layout = QVBoxLayout(top)
    for w in widgets:
        layout.addWidget(w)
    top.resize(600, 400)
    top.show()
    return top


def test_the_audit_sees_a_tibetan_stack_cut_in_a_line_edit(qtbot: Any, appearance: Any) -> None:
    edit = QLineEdit("བསྒྲུབས་ སྒྲོལ་མ")
    # as tall as the Latin font asks (the application's style sheet would make it taller): the stacks are cut
    edit.setStyleSheet(f"QLineEdit {{ min-height: 0px; max-height: {edit.fontMetrics().height() + 6}px; }}")
    top = _window(edit)
    qtbot.addWidget(top)
    problems = audit.text_problems(top)
    assert [p.kind for p in problems] == ["clipped"] and "QLineEdit" in problems[0].widget


def test_the_audit_sees_english_raw_codes_and_untranslated_chinese(qtbot: Any, appearance: Any) -> None:
    top = _window(QPushButton("OK"), QPushButton("deferral_notice"), QPushButton("下一步(&N)"), QLabel("扎西顿珠"))
    qtbot.addWidget(top)
    zh = audit.language_problems(top, "zh")
    assert [p.detail.split(" (")[0] for p in zh] == ["English", "a raw code"]
    bo = audit.language_problems(top, "bo")
    assert len(bo) == 3 and "Chinese where Tibetan is expected" in bo[2].detail  # a name is data: not flagged


def test_the_audit_sees_a_widget_outside_its_window_and_overlaps(qtbot: Any, appearance: Any) -> None:
    wide = QPushButton("很长的按钮" * 30)
    top = _window(wide)
    qtbot.addWidget(top)
    top.resize(300, 200)
    qtbot.wait(10)
    kinds = {p.kind for p in audit.audit(top, "zh")}
    assert "outside" in kinds
    a, b = QLabel("甲"), QLabel("乙")
    pair = _window(a, b)
    qtbot.addWidget(pair)
    b.move(a.pos())  # as a layout that lost control would leave them
    assert any(p.kind == "overlap" for p in audit.overlap_problems(pair))


@pytest.mark.parametrize("scale", [100, 200])
def test_check_boxes_and_radio_buttons_grow_with_the_text(qtbot: Any, appearance: Any, scale: int) -> None:
    """At 200 % a check box's box and a radio button's circle stayed 13 px beside text three times as
    tall: hard to see and to hit for the older clerks the scale is for."""
    from PySide6.QtWidgets import QCheckBox, QRadioButton, QStyle, QStyleOptionButton

    appearance.set_scale(scale)
    box, radio = QCheckBox("已收"), QRadioButton("办件清单")
    top = _window(box, radio)
    qtbot.addWidget(top)
    for button, element in ((box, QStyle.SubElement.SE_CheckBoxIndicator),
                            (radio, QStyle.SubElement.SE_RadioButtonIndicator)):
        option = QStyleOptionButton()
        button.initStyleOption(option)
        indicator = button.style().subElementRect(element, option, button)
        assert indicator.height() >= 0.75 * button.fontMetrics().height(), (scale, type(button).__name__, indicator)
