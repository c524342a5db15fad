"""Step 4: the counter's decision. Beside each decision the core's verdict for the materials as
they stand (``cases.decide``, run on the worker whenever an input changes): allowed, or the
reason it is not. Going on with a decision the core refuses is refused here, with that reason.

Keyboard: Alt+A/D/C/T/R pick a decision (↑/↓ move among them); the fields of the picked decision
follow in Tab order.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QButtonGroup,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from app.errors import DecisionNotAllowed
from app.models import Decision, Refusal
from ui.errors import message_for
from ui.intake import draft
from ui.intake.draft import Chosen
from ui.intake.fields import HINT_STYLE, OK_STYLE, PROBLEM_STYLE, DateField, ProblemLabel, Step, problem_text
from ui.labels import label
from ui.session import Session

MNEMONICS = {
    Decision.accept: "A",
    Decision.deferred_material: "D",
    Decision.commitment: "C",
    Decision.correction_notice: "T",
    Decision.refuse: "R",
}


def _text_edit() -> QPlainTextEdit:
    edit = QPlainTextEdit()
    edit.setTabChangesFocus(True)  # Tab goes on to the next field, as everywhere in the flow
    return edit


def _fit_lines(edit: QPlainTextEdit, lines: int = 4) -> None:
    """About ``lines`` lines high in the current font (re-done when the font scale changes)."""
    margins = edit.contentsMargins()
    edit.setMaximumHeight(edit.fontMetrics().lineSpacing() * lines + margins.top() + margins.bottom()
                          + 2 * int(edit.document().documentMargin()) + 2)


class DecisionStep(Step):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.chosen: Chosen | None = None
        self.allowed: dict[Decision, DecisionNotAllowed | None] = {}
        self.picked = False  # the clerk chose a decision (no more suggestions)
        self.default_correction_due: date | None = None  # the station's default (worker-read), filled in

        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet(HINT_STYLE)
        self.group = QButtonGroup(self)
        self.radios: dict[Decision, QRadioButton] = {}
        self.verdicts: dict[Decision, QLabel] = {}
        choice_box = QGroupBox()
        self.choice_box = choice_box
        grid = QGridLayout(choice_box)
        grid.setColumnStretch(1, 1)
        for n, decision in enumerate(Decision):
            radio = QRadioButton()
            radio.setObjectName(f"decision:{decision.value}")
            verdict = QLabel()
            verdict.setWordWrap(True)
            verdict.setObjectName(f"verdict:{decision.value}")
            self.group.addButton(radio, n)
            self.radios[decision] = radio
            self.verdicts[decision] = verdict
            grid.addWidget(radio, n, 0)
            grid.addWidget(verdict, n, 1)
        self.group.idClicked.connect(self._clicked)

        self.correction_box = QGroupBox()
        form = QFormLayout(self.correction_box)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)  # labels above fields when narrow
        self.correction_due = DateField()
        self.correction_due.setObjectName("correctionDue")
        self.correction_due_label = QLabel()
        self.correction_due_label.setBuddy(self.correction_due)
        form.addRow(self.correction_due_label, self.correction_due)

        self.commitment_box = QGroupBox()
        form = QFormLayout(self.commitment_box)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)  # labels above fields when narrow
        self.commitment_text = _text_edit()
        self.commitment_text.setObjectName("commitmentText")
        self.commitment_label = QLabel()
        self.commitment_label.setBuddy(self.commitment_text)
        form.addRow(self.commitment_label, self.commitment_text)

        self.refusal_box = QGroupBox()
        form = QFormLayout(self.refusal_box)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)  # labels above fields when narrow
        self.reason = _text_edit()
        self.reason.setObjectName("refusalReason")
        self.legal_basis = QLineEdit()
        self.legal_basis.setObjectName("refusalLegalBasis")
        self.competent = QLineEdit()
        self.competent.setObjectName("refusalCompetent")
        self.review = QLineEdit()
        self.review.setObjectName("refusalReview")
        self.court = QLineEdit()
        self.court.setObjectName("refusalCourt")
        self.refusal_labels: list[QLabel] = []
        for widget in (self.reason, self.legal_basis, self.competent, self.review, self.court):
            lab = QLabel()
            lab.setBuddy(widget)
            self.refusal_labels.append(lab)
            form.addRow(lab, widget)

        self.problem = ProblemLabel()
        self.problem.setObjectName("decisionProblem")
        for edit in (self.correction_due, self.legal_basis, self.competent, self.review, self.court):
            edit.textChanged.connect(self._edited)
        for text_edit in (self.commitment_text, self.reason):
            text_edit.textChanged.connect(self._edited)

        inner = QWidget()
        column = QVBoxLayout(inner)
        column.addWidget(self.hint)
        column.addWidget(choice_box)
        column.addWidget(self.problem)
        column.addWidget(self.correction_box)
        column.addWidget(self.commitment_box)
        column.addWidget(self.refusal_box)
        column.addStretch(1)
        layout = QVBoxLayout(self)  # the intake page scrolls the step (its navigation stays in view)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(inner)
        self._show_fields()
        self.fonts_changed()
        self.retranslate()

    def fonts_changed(self) -> None:
        for edit in (self.commitment_text, self.reason):
            _fit_lines(edit)

    # -- texts --------------------------------------------------------------------------------
    def title(self) -> str:
        return self.tr("决定")

    def retranslate(self) -> None:
        for decision, radio in self.radios.items():
            radio.setText(f"{label(decision)}(&{MNEMONICS[decision]})")
        self.choice_box.setTitle(self.tr("受理决定"))
        self.correction_box.setTitle(self.tr("一次性告知"))
        self.correction_due_label.setText(self.tr("补正期限(&U)"))
        self.correction_due.setPlaceholderText(self.tr("必填，如 {example}").format(example="2026-12-31"))
        self.commitment_box.setTitle(self.tr("告知承诺"))
        self.commitment_label.setText(self.tr("承诺内容(&M)"))
        self.refusal_box.setTitle(self.tr("不予受理"))
        texts = (self.tr("理由(&E)"), self.tr("法律依据(&L)"), self.tr("可向何机关申请(&P)"),
                 self.tr("行政复议机关(&V)"), self.tr("人民法院(&O)"))
        for lab, text in zip(self.refusal_labels, texts, strict=True):
            lab.setText(text)
        self.review.setPlaceholderText(self.tr("如：××县人民政府"))
        self.court.setPlaceholderText(self.tr("如：××县人民法院"))
        self._show_hint()
        self._show_verdicts()

    def _show_hint(self) -> None:
        if self.chosen is not None and self.chosen.instant:
            self.hint.setText(self.tr("即办件：受理（含告知承诺）后当场办结。右侧显示每种决定是否可行及原因。"))
        else:
            self.hint.setText(self.tr("右侧显示按当前材料每种决定是否可行；不可行的写明原因。"))

    def _show_verdicts(self) -> None:
        for decision, verdict in self.verdicts.items():
            if decision not in self.allowed:
                verdict.setText(self.tr("正在核对…") if self.chosen else "")
                verdict.setStyleSheet(HINT_STYLE)
                continue
            exc = self.allowed[decision]
            if exc is None:
                verdict.setText(self.tr("可以"))
                verdict.setStyleSheet(OK_STYLE)
            else:
                verdict.setText(message_for(self.named(exc)))
                verdict.setStyleSheet(PROBLEM_STYLE)
            self.radios[decision].setToolTip(verdict.text())

    def first_field(self) -> QWidget:
        checked = self.group.checkedButton()
        return checked if checked is not None else self.radios[Decision.accept]

    # -- values -------------------------------------------------------------------------------
    def set_chosen(self, chosen: Chosen | None) -> None:
        self.chosen = chosen
        self.allowed = {}
        self.picked = False
        self._uncheck()
        self.problem.clear_text()
        self._show_hint()
        self._show_verdicts()
        self._show_fields()

    def _uncheck(self) -> None:
        self.group.setExclusive(False)
        for radio in self.radios.values():
            radio.setChecked(False)
        self.group.setExclusive(True)

    def decision(self) -> Decision | None:
        checked = self.group.checkedButton()
        for decision, radio in self.radios.items():
            if radio is checked:
                return decision
        return None

    def refusal(self) -> Refusal:
        return Refusal(reason=self.reason.toPlainText().strip(), legal_basis=self.legal_basis.text().strip(),
                       competent_authority=self.competent.text().strip(), review_authority=self.review.text().strip(),
                       court=self.court.text().strip())

    def correction_due_date(self) -> date | None:
        try:
            return self.correction_due.value()
        except ValueError:
            return None

    def set_default_correction_due(self, due: date) -> None:
        """The station's default due date of a 一次性告知 for an intake begun today: filled in while the
        field is empty (the clerk may change it)."""
        self.default_correction_due = due
        if not self.correction_due.text().strip():
            self.correction_due.blockSignals(True)  # not the clerk's edit: no re-check of the decisions
            self.correction_due.set_value(due)
            self.correction_due.blockSignals(False)

    def commitment(self) -> str:
        return self.commitment_text.toPlainText().strip()

    def show_allowed(self, allowed: dict[Decision, DecisionNotAllowed | None]) -> None:
        """The core's verdicts; while the clerk has not picked, the first workable one is preselected."""
        self.allowed = allowed
        if not self.picked:
            suggestion = draft.suggested(allowed)
            if suggestion is not None:
                self.radios[suggestion].setChecked(True)
                self._show_fields()
        current = self.decision()
        if current is not None and allowed.get(current) is None:
            self.problem.clear_text()
        self._show_verdicts()

    def _clicked(self, _id: int) -> None:
        self.picked = True
        self.problem.clear_text()
        self._show_fields()
        for box in (self.correction_box, self.commitment_box, self.refusal_box):
            if box.isVisible():
                QTimer.singleShot(0, lambda b=box: self.bring_into_view(b))
        self.changed.emit()

    def _edited(self) -> None:
        self.problem.clear_text()
        self.changed.emit()

    def _show_fields(self) -> None:
        decision = self.decision()
        self.correction_box.setVisible(decision is Decision.correction_notice)
        self.commitment_box.setVisible(decision is Decision.commitment)
        self.refusal_box.setVisible(decision is Decision.refuse)

    # -- the flow -----------------------------------------------------------------------------
    def check(self) -> bool:
        decision = self.decision()
        if decision is None:
            self.problem.show_text(self.tr("请选择受理决定"))
            self.radios[Decision.accept].setFocus()
            return False
        if decision is Decision.correction_notice and not self.correction_due.text().strip():
            self.problem.show_text(self.tr("请填写补正期限：一次性告知书须写明补齐材料的期限。"))
            self.correction_due.setFocus()
            return False
        try:
            self.correction_due.value()
        except ValueError:
            bad = problem_text({"problem": "bad_format"})
            self.problem.show_text(self.tr("补正期限：{problem}").format(problem=bad))
            self.correction_due.setFocus()
            return False
        exc = self.allowed.get(decision)
        if exc is not None:
            self.refuse_with(exc)
            return False
        return True

    def named(self, exc: DecisionNotAllowed) -> DecisionNotAllowed:
        """The core names materials and items by code; the clerk reads their names."""
        if self.chosen is None:
            return exc
        names = {ln.material.code: ln.material.name.zh for ln in self.chosen.lines}
        names.update({i.code: i.name.zh for i in self.chosen.items})
        details = dict(exc.details)
        for key in ("materials", "items"):
            if isinstance(details.get(key), list):
                details[key] = [names.get(str(code), str(code)) for code in details[key]]
        return DecisionNotAllowed(str(exc), **details)

    def refuse_with(self, exc: DecisionNotAllowed) -> None:
        """Show why the core will not make this decision, and put the focus where it can be mended."""
        self.problem.show_text(message_for(self.named(exc)))
        reason = exc.details.get("reason")
        if reason in ("refusal_reason_missing",):
            self.reason.setFocus()
        elif reason == "refusal_remedies_missing":
            (self.review if not self.review.text().strip() else self.court).setFocus()
        else:
            self.first_field().setFocus()

    def show_problems(self, problems: list[dict[str, str]]) -> list[dict[str, str]]:
        mine = [p for p in problems if draft.step_of(p.get("field", "")) == draft.DECISION]
        if mine:
            self.problem.show_text("\n".join(problem_text(p) for p in mine))
        return [p for p in problems if p not in mine]

    def reset(self) -> None:
        for edit in (self.correction_due, self.legal_basis, self.competent, self.review, self.court):
            edit.clear()
        self.commitment_text.clear()
        self.reason.clear()
        self.default_correction_due = None  # read again for the next intake (another day, or changed)
        self.set_chosen(None)
