"""受理: the step-by-step intake flow (placeholder until the flow is built)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from ui.page import Page
from ui.session import Session


class IntakePage(Page):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.label = QLabel()
        QVBoxLayout(self).addWidget(self.label)
        self.retranslate()

    def retranslate(self) -> None:
        self.label.setText(self.tr("受理"))

    def start(self, case_no: str | None = None) -> None:
        """Begin a new intake (the page's own state is kept while the counter is locked)."""
