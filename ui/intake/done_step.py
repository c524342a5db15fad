"""After submit: the case number and status, the documents that fit the decision (print preview),
the citizen's evaluation, and a new intake.

Keyboard: Alt+P prints the first document (the receipt or the notice), Alt+D the second, Alt+W the
authorisation; Alt+E asks the citizen to evaluate; Alt+V opens the case; Alt+N starts a new intake.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.models import Case
from ui.errors import message_for
from ui.intake import draft
from ui.intake.draft import AttachResult
from ui.intake.fields import HINT_STYLE, OK_STYLE, ProblemLabel, Step, heading, small
from ui.labels import label

_MNEMONICS = ("P", "D", "W")


class DoneStep(Step):
    print_requested = Signal(str)  # a printing.Kind value
    evaluate_requested = Signal()
    open_requested = Signal()
    new_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.case: Case | None = None
        self.kinds: list[str] = []
        self.heading = QLabel()
        self.heading.setObjectName("doneHeading")
        self.heading.setWordWrap(True)
        heading(self.heading, "2")
        self.details = QLabel()
        self.details.setWordWrap(True)
        self.scans = QLabel()
        self.scans.setWordWrap(True)
        self.scan_problem = ProblemLabel()
        self.print_buttons: list[QPushButton] = []
        for n in range(len(_MNEMONICS)):
            button = QPushButton()
            button.setObjectName(f"print{n}")
            button.clicked.connect(lambda _=False, i=n: self._print(i))
            self.print_buttons.append(button)
        self.evaluate_button = QPushButton()
        self.evaluate_button.setObjectName("evaluate")
        self.evaluate_button.clicked.connect(self.evaluate_requested)
        self.open_button = QPushButton()
        self.open_button.clicked.connect(self.open_requested)
        self.new_button = QPushButton()
        self.new_button.setObjectName("newIntake")
        self.new_button.clicked.connect(self.new_requested)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet(HINT_STYLE)
        prints = QVBoxLayout()  # one under the other: long names (Tibetan, 200 %) never widen the window
        for button in self.print_buttons:
            prints.addWidget(button, 0, Qt.AlignmentFlag.AlignLeft)
        after = QHBoxLayout()
        for button in (self.evaluate_button, self.open_button, self.new_button):
            after.addWidget(button)
        after.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.details)
        layout.addLayout(prints)
        layout.addWidget(self.scans)
        layout.addWidget(self.scan_problem)
        layout.addLayout(after)
        layout.addWidget(self.hint)
        layout.addStretch(1)
        small(self.hint)
        self.retranslate()

    def title(self) -> str:
        return self.tr("完成")

    def _doc_name(self, kind: str) -> str:
        names = {
            "receipt": self.tr("受理凭证"),
            "correction": self.tr("一次性告知书"),
            "refusal": self.tr("不予受理通知书"),
            "deferral": self.tr("容缺受理通知书"),
            "commitment": self.tr("告知承诺书"),
            "authorisation": self.tr("授权委托书"),
        }
        return names.get(kind, kind)

    def retranslate(self) -> None:
        for n, button in enumerate(self.print_buttons):
            if n < len(self.kinds):
                button.setText(self.tr("打印{name}(&{key})").format(name=self._doc_name(self.kinds[n]),
                                                                  key=_MNEMONICS[n]))
            button.setVisible(n < len(self.kinds))
        self.evaluate_button.setText(self.tr("请群众评价(&E)"))
        self.open_button.setText(self.tr("查看办件(&V)"))
        self.new_button.setText(self.tr("新的受理(&N)"))
        self.hint.setText(self.tr("打印后请群众签字；评价界面在群众一侧的屏幕上打开。Ctrl+N 也可开始新的受理。"))
        case = self.case
        if case is None:
            self.heading.clear()
            self.details.clear()
            return
        self.heading.setText(self.tr("已提交：办件编号 {case_no}").format(case_no=case.case_no))
        lines = [self.tr("决定：{decision}　状态：{status}").format(decision=label(case.decision),
                                                              status=label(case.status))]
        if draft.concluded_on_the_spot(case):
            lines.append(self.tr("即办件，已当场办结。"))
        elif case.promised_due:
            lines.append(self.tr("承诺办结日期：{due}").format(due=case.promised_due.isoformat()))
        if case.correction_due:
            lines.append(self.tr("补正期限：{due}").format(due=case.correction_due.isoformat()))
        lines.append(self.tr("核验码：{code}").format(code=case.verification_code))
        self.details.setText("\n".join(lines))

    def first_field(self) -> QWidget:
        return self.print_buttons[0] if self.kinds else self.new_button

    def show_case(self, case: Case) -> None:
        self.case = case
        self.kinds = draft.documents_for(case)[: len(_MNEMONICS)]
        self.scans.clear()
        self.scan_problem.clear_text()
        self.retranslate()

    def scans_pending(self, n: int) -> None:
        self.scans.setStyleSheet(HINT_STYLE)
        self.scans.setText(self.tr("正在存入 {n} 份扫描件…").format(n=n))

    def scans_done(self, result: AttachResult) -> None:
        self.scans.setStyleSheet(OK_STYLE)
        self.scans.setText(self.tr("已存入 {n} 份扫描件。").format(n=result.added))
        if result.failed:
            self.scan_problem.show_text("\n".join(message_for(exc) for _name, exc in result.failed))

    def _print(self, index: int) -> None:
        if index < len(self.kinds):
            self.print_requested.emit(self.kinds[index])

    def reset(self) -> None:
        self.case = None
        self.kinds = []
        self.scans.clear()
        self.scan_problem.clear_text()
        self.retranslate()
