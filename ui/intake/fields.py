"""Small pieces the intake steps share: the step base, inline problem labels, date fields."""

from __future__ import annotations

import re
from datetime import date

from PySide6.QtCore import QCoreApplication, QEvent, Signal
from PySide6.QtWidgets import QLabel, QLineEdit, QScrollArea, QWidget

from app.messages import PROBLEMS
from ui.i18n import Retranslating

PROBLEM_STYLE = "color: #c62828"
HINT_STYLE = "color: #546e7a"
OK_STYLE = "color: #2e7d32"


def problem_text(problem: dict[str, str]) -> str:
    """One problem of a ValidationError in the window's language (the same table the core uses)."""
    code = problem.get("problem", "")
    return QCoreApplication.translate("Problems", PROBLEMS.get(code, code))


def heading(widget: QWidget, level: str = "1") -> QWidget:
    """A title sized by the application's style sheet (``ui/i18n.py``), so the font scale holds."""
    widget.setProperty("heading", level)
    return widget


def small(widget: QWidget) -> QWidget:
    widget.setProperty("size", "small")
    return widget


class ProblemLabel(QLabel):
    """The red line under a field: empty (hidden) or what is wrong with the field."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setStyleSheet(PROBLEM_STYLE)
        self.hide()

    def show_text(self, text: str) -> None:
        self.setText(text)
        self.setVisible(bool(text))

    def clear_text(self) -> None:
        self.show_text("")


_DATE_FORMS = (
    re.compile(r"(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?"),
    re.compile(r"(\d{4})(\d{2})(\d{2})"),
)


def parse_date(text: str) -> date | None:
    """``2026-11-25``, ``2026/11/25``, ``2026.11.25``, ``2026年11月25日`` or ``20261125``; None when empty.

    Raises ValueError when the text is not a date.
    """
    text = text.strip()
    if not text:
        return None
    for form in _DATE_FORMS:
        m = form.fullmatch(text)
        if m:
            return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    raise ValueError(text)


class DateField(QLineEdit):
    """A date typed as digits (keyboard first); ``value()`` raises ValueError when it is no date."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPlaceholderText("2026-12-31")

    def value(self) -> date | None:
        return parse_date(self.text())

    def set_value(self, value: date | None) -> None:
        self.setText(value.isoformat() if value else "")


class Step(Retranslating, QWidget):
    """One step of the flow. ``changed`` fires on every input change (the page re-checks decisions)."""

    changed = Signal()

    def changeEvent(self, event: QEvent) -> None:  # Qt's name (LanguageChange: Retranslating)
        if event.type() == QEvent.Type.FontChange:
            self.fonts_changed()
        super().changeEvent(event)

    def fonts_changed(self) -> None:
        """Re-derive heading fonts from the widget's font."""

    def title(self) -> str:
        return ""

    def bring_into_view(self, widget: QWidget) -> None:
        """Scroll the page's content area (the intake page scrolls its steps) to show ``widget``."""
        parent = self.parentWidget()
        while parent is not None and not isinstance(parent, QScrollArea):
            parent = parent.parentWidget()
        if parent is not None:
            parent.ensureWidgetVisible(widget)

    def first_field(self) -> QWidget | None:
        return None

    def enter(self) -> None:
        """The step is shown: focus lands in its first field."""
        widget = self.first_field()
        if widget is not None:
            widget.setFocus()

    def check(self) -> bool:
        """Before going forward: show what is wrong inline; True when the step may be left."""
        return True

    def show_problems(self, problems: list[dict[str, str]]) -> list[dict[str, str]]:
        """Show the core's problems that belong here; returns those it could not place."""
        return problems

    def reset(self) -> None:
        """Forget every value (a new intake, or logout)."""
