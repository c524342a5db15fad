"""好差评: the citizen-facing evaluation screen (placeholder until it is built)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from ui.session import Session


class EvaluationWindow(QWidget):
    finished = Signal(str, object)  # case_no, level (None: skipped)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.label = QLabel()
        QVBoxLayout(self).addWidget(self.label)
        self.label.setText(self.tr("请您评价"))

    def ask(self, case_no: str) -> None:
        self.show()
