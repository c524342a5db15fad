"""设置 (placeholder until the page is built)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from ui.page import Page
from ui.session import Session


class SettingsPage(Page):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.label = QLabel()
        QVBoxLayout(self).addWidget(self.label)
        self.retranslate()

    def retranslate(self) -> None:
        self.label.setText(self.tr("设置"))
