"""登记咨询: a question answered at the window that did not become a case (首问负责), in two keys —
the item and how it was answered; a name and phone only when the citizen agrees."""

from __future__ import annotations

import logging

from PySide6.QtCore import Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.models import ConsultAnswer, ServiceItem
from app.services import catalogue, consultations
from ui.errors import message_for
from ui.i18n import Retranslating
from ui.labels import label
from ui.page import fit_to_screen, scrolling
from ui.session import Session

log = logging.getLogger(__name__)


class ConsultDialog(Retranslating, QDialog):
    recorded = Signal(int)  # the consultation's number

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.item = QComboBox()
        self.item.setObjectName("consultItem")
        self.item_label = QLabel()
        self.item_label.setBuddy(self.item)
        self.answer = QComboBox()
        self.answer.setObjectName("consultAnswer")
        self.answer_label = QLabel()
        self.answer_label.setBuddy(self.answer)
        self.consent = QCheckBox()
        self.consent.setObjectName("consultConsent")
        self.name = QLineEdit()
        self.name_label = QLabel()
        self.name_label.setBuddy(self.name)
        self.phone = QLineEdit()
        self.phone_label = QLabel()
        self.phone_label.setBuddy(self.phone)
        self.note = QLineEdit()
        self.note_label = QLabel()
        self.note_label.setBuddy(self.note)
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #b00020;")
        self.error_label.hide()
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.addRow(self.item_label, self.item)
        form.addRow(self.answer_label, self.answer)
        form.addRow(self.note_label, self.note)
        form.addRow(self.consent)
        form.addRow(self.name_label, self.name)
        form.addRow(self.phone_label, self.phone)
        body = QWidget()
        column = QVBoxLayout(body)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.intro)
        column.addLayout(form)
        column.addWidget(self.error_label)
        column.addStretch(1)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.cancel_button = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(scrolling(body), 1)
        layout.addWidget(self.buttons)
        self.setModal(True)
        self.items: list[ServiceItem] = []
        self.consent.toggled.connect(self._consent_changed)
        self._consent_changed(False)
        self.retranslate()
        session.run(catalogue.list_items, self._got_items,
                    on_error=lambda exc: log.info("items not read: %s", type(exc).__name__))

    def showEvent(self, event: QShowEvent) -> None:  # Qt's name
        super().showEvent(event)
        fit_to_screen(self)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("登记咨询"))
        self.intro.setText(self.tr("群众来咨询而没有提出申请的，登记咨询的事项和答复方式（计入统计）。"
                                   "姓名和电话只在群众同意时记录。"))
        self.item_label.setText(self.tr("咨询事项(&I)："))
        self.answer_label.setText(self.tr("答复方式(&A)："))
        self.note_label.setText(self.tr("备注(&N)："))
        self.consent.setText(self.tr("群众同意留下姓名和电话(&C)"))
        self.name_label.setText(self.tr("姓名："))
        self.phone_label.setText(self.tr("电话："))
        self.ok_button.setText(self.tr("登记(&K)"))
        self.cancel_button.setText(self.tr("取消"))
        answer = self.answer.currentData()
        self.answer.clear()
        for a in ConsultAnswer:
            self.answer.addItem(label(a), a.value)
        self.answer.setCurrentIndex(max(0, self.answer.findData(answer)))
        self._fill_items()

    def _got_items(self, items: list[ServiceItem]) -> None:
        self.items = list(items)
        self._fill_items()

    def _fill_items(self) -> None:
        current = self.item.currentData()
        self.item.clear()
        self.item.addItem(self.tr("其他事项（目录之外）"), "")
        for i in self.items:
            self.item.addItem(f"{i.name.zh}（{i.code}）", i.code)
        self.item.setCurrentIndex(max(0, self.item.findData(current)))

    def _consent_changed(self, on: bool) -> None:
        for w in (self.name, self.phone, self.name_label, self.phone_label):
            w.setEnabled(on)
        if not on:
            self.name.clear()
            self.phone.clear()

    def submit(self) -> None:
        self.error_label.hide()
        item = str(self.item.currentData() or "")
        answer = str(self.answer.currentData() or ConsultAnswer.answered.value)
        consent, name, phone, note = self.consent.isChecked(), self.name.text(), self.phone.text(), self.note.text()
        self.ok_button.setEnabled(False)
        self.session.run(lambda st: consultations.record(st, item, answer, consent=consent, name=name, phone=phone,
                                                         note=note),
                         self._done, on_error=self._failed)

    def _done(self, number: int) -> None:
        self.ok_button.setEnabled(True)
        self.recorded.emit(number)
        self.accept()

    def _failed(self, exc: Exception) -> None:
        self.ok_button.setEnabled(True)
        self.error_label.setText(message_for(exc))
        self.error_label.show()
