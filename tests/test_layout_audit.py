"""The layout and language audit (``ui/audit.py``) of every screen and dialog of the window, in
Chinese and Tibetan, at 100 % and 200 %, in a 1366×768 window, with long Chinese and Tibetan text
typed into the fields: the scenes of ``make screenshots`` (``ui/screenshots.py``: login, dashboard,
case list, a case with each action's dialog, the print menu and preview, every intake step, the
citizen's rating window, guide, operators, settings, the lock page).

It prints a table screen × language × scale with every problem and fails when there is one."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from ui import audit

RUNS = [("zh", 100), ("zh", 200), ("bo", 100), ("bo", 200)]


def test_every_screen_fits_and_speaks_the_interface_language(qapp: Any, tmp_path: Path) -> None:
    from ui import screenshots

    class Auditor(screenshots.Shooter):
        def shot(self, name: str, widget: QWidget | None = None) -> None:
            self.check(name, widget)  # no picture, only the audit

    shooter = screenshots.run(Auditor, tmp_path, RUNS, cases=20)
    report = audit.table(shooter.audits)
    print(report)
    screens = {name for name, _language, _scale in shooter.audits}
    assert {"login", "dashboard", "cases", "case", "case-withdraw", "case-print-menu", "print-preview",
            "intake-2-applicant", "intake-5-delivery", "evaluation", "lock", "settings"} <= screens
    assert {(language, scale) for _name, language, scale in shooter.audits} == set(RUNS)
    problems = sum(len(p) for p in shooter.audits.values())
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
    edit.setFixedHeight(edit.fontMetrics().height() + 6)  # as tall as the Latin font asks: the stacks are cut
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
