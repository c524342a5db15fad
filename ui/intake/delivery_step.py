"""Step 5: how the result reaches the citizen (counter, post with address, electronic), and the
whole intake once more before it is submitted (Ctrl+Enter or Alt+N: 提交).
"""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.models import Delivery, DeliveryMethod
from ui.intake.draft import Chosen
from ui.intake.fields import HINT_STYLE, ProblemLabel, Step, problem_text
from ui.labels import label
from ui.session import Session


class DeliveryStep(Step):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.box = QGroupBox()
        form = QFormLayout(self.box)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)  # labels above fields when narrow
        self.method = QComboBox()
        self.method.setObjectName("deliveryMethod")
        self.address = QLineEdit()
        self.address.setObjectName("deliveryAddress")
        self.recipient = QLineEdit()
        self.recipient.setObjectName("deliveryRecipient")
        self.phone = QLineEdit()
        self.phone.setObjectName("deliveryPhone")
        self.labels: list[QLabel] = []
        self.problems: dict[str, ProblemLabel] = {}
        for field, widget in (("delivery.method", self.method), ("delivery.address", self.address),
                              ("delivery.recipient", self.recipient), ("delivery.phone", self.phone)):
            lab = QLabel()
            lab.setBuddy(widget)
            self.labels.append(lab)
            problem = ProblemLabel()
            self.problems[field] = problem
            holder = QWidget()
            inner = QVBoxLayout(holder)
            inner.setContentsMargins(0, 0, 0, 0)
            inner.addWidget(widget)
            inner.addWidget(problem)
            form.addRow(lab, holder)
        self.method.currentIndexChanged.connect(self._method_changed)
        for edit in (self.address, self.recipient, self.phone):
            edit.textChanged.connect(self._edited)
        self.summary_label = QLabel()
        self.summary = QTextBrowser()
        self.summary.setObjectName("intakeSummary")
        self.summary_label.setBuddy(self.summary)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet(HINT_STYLE)
        self.general = ProblemLabel()
        self.general.setObjectName("submitProblem")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.box)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.summary, 1)
        layout.addWidget(self.general)
        layout.addWidget(self.hint)
        self._methods: list[str] = [DeliveryMethod.counter.value]
        self._prefilled: dict[QLineEdit, str] = {}  # what prefill() put in each field
        self.retranslate()

    def title(self) -> str:
        return self.tr("送达与提交")

    def retranslate(self) -> None:
        self.box.setTitle(self.tr("结果送达"))
        for lab, text in zip(self.labels, (self.tr("送达方式(&M)"), self.tr("邮寄地址(&D)"), self.tr("收件人(&R)"),
                                           self.tr("收件电话(&P)")), strict=True):
            lab.setText(text)
        self.summary_label.setText(self.tr("核对(&K)：提交前请向群众复述一遍"))
        self.hint.setText(self.tr("核对无误后按 Ctrl+回车 或 Alt+N 提交；提交后打印凭证或通知书。"))
        self.set_methods(self._methods)

    def first_field(self) -> QWidget:
        return self.method

    def set_methods(self, methods: list[str]) -> None:
        self._methods = methods
        current = self.method.currentData()
        self.method.blockSignals(True)
        self.method.clear()
        for code in methods:
            self.method.addItem(label(code, "DeliveryMethod"), code)
        self.method.setCurrentIndex(max(0, self.method.findData(current)))
        self.method.blockSignals(False)
        self._method_changed()

    def set_chosen(self, chosen: Chosen | None) -> None:
        self.set_methods(chosen.delivery_methods if chosen else [DeliveryMethod.counter.value])

    def prefill(self, address: str, recipient: str, phone: str) -> None:
        """The applicant's values (the agent's in 代办 mode) where the clerk has typed nothing: a field
        still holding what an earlier prefill put there follows (代办 chosen or dropped since)."""
        for edit, value in ((self.address, address), (self.recipient, recipient), (self.phone, phone)):
            text = edit.text().strip()
            if not text or text == self._prefilled.get(edit):
                edit.setText(value)
                self._prefilled[edit] = value

    def _method_changed(self) -> None:
        self.address.setEnabled(self.delivery_method() is DeliveryMethod.post)
        self.problems["delivery.method"].clear_text()
        self.changed.emit()

    def _edited(self) -> None:
        for problem in self.problems.values():
            problem.clear_text()
        self.changed.emit()

    def delivery_method(self) -> DeliveryMethod:
        return DeliveryMethod(str(self.method.currentData() or DeliveryMethod.counter.value))

    def delivery(self) -> Delivery:
        method = self.delivery_method()
        return Delivery(method=method, address=self.address.text().strip() if method is DeliveryMethod.post else "",
                        recipient=self.recipient.text().strip(), phone=self.phone.text().strip())

    def show_summary(self, rows: list[tuple[str, str]]) -> None:
        cells = "".join(f"<tr><th align='left' valign='top'>{escape(k)}</th><td>{escape(v)}</td></tr>"
                        for k, v in rows)
        self.summary.setHtml(f"<table cellspacing='4'>{cells}</table>")

    def check(self) -> bool:
        if self.delivery_method() is DeliveryMethod.post and not self.address.text().strip():
            self.problems["delivery.address"].show_text(problem_text({"problem": "required_for_post"}))
            self.address.setFocus()
            return False
        return True

    def show_problems(self, problems: list[dict[str, str]]) -> list[dict[str, str]]:
        left = []
        for p in problems:
            target = self.problems.get(p.get("field", ""))
            if target is None:
                left.append(p)
            else:
                target.show_text(problem_text(p))
        return left

    def show_general(self, text: str) -> None:
        self.general.show_text(text)

    def reset(self) -> None:
        for edit in (self.address, self.recipient, self.phone):
            edit.clear()
        self._prefilled.clear()
        for problem in self.problems.values():
            problem.clear_text()
        self.general.clear_text()
        self.summary.clear()
        self.set_chosen(None)
