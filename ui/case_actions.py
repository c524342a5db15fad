"""What can be done with a case in its state, and the small dialog of each action.

:func:`available_actions` follows the core's ``TRANSITIONS`` and the case's materials, so a page
never offers what the core would refuse. Each dialog runs its service on the worker
(``session.run``); a refusal of the core stays in the dialog as a sentence (``message_for``), and a
success emits ``completed(case)`` and closes the dialog.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QSpinBox,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from app.casefacts import Facts
from app.errors import ValidationError
from app.identity import mask_phone
from app.journal import Event, EventType
from app.messages import PROBLEMS
from app.models import (
    Authorisation,
    Case,
    CaseConflict,
    CaseStatus,
    ConflictAction,
    DeliveryMethod,
    MaterialEntry,
    MaterialForm,
    MaterialState,
    Outcome,
    RevisitMethod,
    RevisitResult,
)
from app.services import cases
from app.station import Station
from ui.devices import Device, Devices, local_time
from ui.errors import message_for
from ui.i18n import Retranslating
from ui.labels import choices, label
from ui.page import fit_to_screen, scrolling
from ui.session import Session

log = logging.getLogger(__name__)

CORRECTION = "correction"  # corrections received: accepted again
SUPPLY = "supply"  # a deferred material handed in
CONCLUDE = "conclude"
DELIVER = "deliver"  # delivered, or collected at the counter
WITHDRAW = "withdraw"
AMEND = "amend"  # 更正: a submitted case's details put right (a clerk on the day of intake, an administrator after)
CHECK = "check"  # 告知承诺核查: the check after approval of a case decided on the written commitment
SCANS = "scans"  # 扫描件: view the case's scans, add one to a material, import a scanner folder
REVOKE = "revoke"  # 撤销受理决定: a 容缺 acceptance whose deferred material is overdue (an administrator)
PRINT = "print"
EVALUATE = "evaluate"  # 好差评 on the citizen's screen; after a rating, a 追评 (kept beside it, never in its place)
RECTIFY = "rectify"  # 差评整改: what the station put right after a bad rating
REVISIT = "revisit"  # 差评回访: the citizen asked again after the rectification; ends the work item
RESOLVE = "resolve"  # 处理冲突: which of two devices' actions that cannot both stand is kept
ACTIONS = (CORRECTION, SUPPLY, CONCLUDE, DELIVER, WITHDRAW, REVOKE, AMEND, CHECK, SCANS, PRINT, EVALUATE,
           RECTIFY, REVISIT, RESOLVE)
# While a case is in conflict its status is not settled: nothing changes it until a clerk resolves.
_STATUS_ACTIONS = (CORRECTION, CONCLUDE, DELIVER, WITHDRAW, REVOKE)

# The printing module's kinds and the names ui.labels gives them.
_ENDED = (CaseStatus.refused, CaseStatus.withdrawn, CaseStatus.revoked)


def documents_for(case: Case, events: Sequence[Event]) -> list[str]:
    """The documents that fit the case (printing kinds), in the order of the counter's work."""
    types = {e.type for e in events}
    out: list[str] = []
    if case.accepted_at is not None:
        out.append("receipt")
    if EventType.correction_requested in types or case.status is CaseStatus.correction_requested:
        out.append("correction")
    if case.status is CaseStatus.refused:
        out.append("refusal")
    if any(m.due_date is not None for m in case.materials) and case.accepted_at is not None:
        out.append("deferral")
    if case.decision.value == "commitment":
        out.append("commitment")
    if case.agent is not None:
        out.append("authorisation")
    if case.status in (CaseStatus.concluded, CaseStatus.delivered):
        out.append("collection")
    if case.status is CaseStatus.revoked:
        out.append("revocation")
    return out


def rated(events: Sequence[Event]) -> bool:
    """Whether the citizen has rated the case (a skip is no rating): a rating now is a 追评."""
    return any(e.type == EventType.evaluated and not e.payload.get("skipped") for e in events)


def available_actions(case: Case, events: Sequence[Event], *, revocable: bool = False,
                      amendable: bool = False, facts: Facts | None = None) -> list[str]:
    """The actions that fit the case's state now (the core's transitions decide). ``revocable``: a
    deferred material is overdue and the operator is an administrator (``cases.revoke_acceptance``);
    ``amendable``: the operator may put the case's details right (``cases.may_amend``); ``facts``: the
    case's report facts (``cases.facts_of``), whose open 差评 work item offers 整改, then 回访."""
    allowed = cases.TRANSITIONS.get(case.status, set())
    out: list[str] = []
    if case.status is CaseStatus.correction_requested and CaseStatus.accepted in allowed:
        out.append(CORRECTION)
    if case.status not in _ENDED and case.status is not CaseStatus.correction_requested and any(
            m.state is MaterialState.deferred for m in case.materials):
        out.append(SUPPLY)
    if CaseStatus.concluded in allowed:
        out.append(CONCLUDE)
    if CaseStatus.delivered in allowed:
        out.append(DELIVER)
    if CaseStatus.withdrawn in allowed:
        out.append(WITHDRAW)
    if revocable and CaseStatus.revoked in allowed:
        out.append(REVOKE)
    if amendable:
        out.append(AMEND)
    if case.decision.value == "commitment" and case.status not in _ENDED:
        out.append(CHECK)
    out.append(SCANS)
    if documents_for(case, events):
        out.append(PRINT)
    out.append(EVALUATE)  # after a rating too: a later one is recorded as a 追评
    if facts is not None and facts.bad_open:
        out.append(REVISIT if facts.rectified_at is not None else RECTIFY)
    if conflict_of(case) is not None:
        out = [a for a in out if a not in _STATUS_ACTIONS]
        out.append(RESOLVE)
    return out


def conflict_of(case: Case) -> CaseConflict | None:
    """The case's open conflict, None when there is none."""
    return case.conflict if case.conflict is not None and case.conflict.actions else None


def authorisation_text(auth: Authorisation) -> str:
    """授权方式、范围、有效期、编号 in one line (the summary, the case page, the 领取 dialog)."""
    parts = [label(auth.kind, "AuthorisationKind")]
    if auth.scope:
        parts.append(QCoreApplication.translate("AuthorisationText", "范围：{scope}").format(scope=auth.scope))
    parts.append(QCoreApplication.translate("AuthorisationText", "有效期至 {until}").format(
        until=auth.valid_until.isoformat() if auth.valid_until else
        QCoreApplication.translate("AuthorisationText", "未写明")))
    if auth.document_ref:
        parts.append(QCoreApplication.translate("AuthorisationText", "编号 {ref}").format(ref=auth.document_ref))
    return "；".join(parts)


def default_recipient(case: Case) -> str:
    """Who collects at the counter unless the clerk says otherwise: the recipient given at intake,
    and in 代办 mode the agent (an intake before issue 13 gave the applicant's name there)."""
    recipient = case.delivery.recipient.strip()
    if case.agent is not None and recipient in ("", case.applicant.name):
        return case.agent.name
    return recipient or case.applicant.name


class ActionDialog(Retranslating, QDialog):
    """The frame of every action: a form, an inline error line, 确定 / 取消 (window-modal)."""

    completed = Signal(object)  # the Case after the change

    def __init__(self, session: Session, case: Case, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.case = case
        self.form = QFormLayout()
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)  # labels above fields when narrow
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #b00020;")
        self.error_label.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.cancel_button = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        body = QWidget()  # scrolls when the screen is too low for it (200 %, Tibetan); the buttons stay
        column = QVBoxLayout(body)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.intro)
        column.addLayout(self.form)
        column.addWidget(self.error_label)
        column.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(scrolling(body), 1)
        layout.addWidget(self.buttons)
        self.setModal(True)
        self._busy = False


    def showEvent(self, event: QShowEvent) -> None:  # Qt's name
        super().showEvent(event)
        fit_to_screen(self)

    def retranslate(self) -> None:
        """Set the texts again (each dialog sets its own)."""

    def _frame_texts(self) -> None:
        # Written out (not through _t) so that lupdate sees them under ActionDialog.
        self.ok_button.setText(QCoreApplication.translate("ActionDialog", "确定(&K)"))
        self.cancel_button.setText(QCoreApplication.translate("ActionDialog", "取消"))

    def work(self) -> Callable[[Station], Case] | None:
        """The service call for what is filled in, or None (after saying why) when it is incomplete."""
        raise NotImplementedError

    def show_problem(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.show()

    def submit(self) -> None:
        if self._busy:
            return
        self.error_label.hide()
        fn = self.work()
        if fn is None:
            return
        self._busy = True
        self.ok_button.setEnabled(False)
        self.session.run(fn, self._done, on_error=self._failed)

    def _done(self, case: Case) -> None:
        self._busy = False
        self.ok_button.setEnabled(True)
        self.completed.emit(case)
        self.accept()

    def _failed(self, exc: Exception) -> None:
        self._busy = False
        self.ok_button.setEnabled(True)
        self.show_problem(message_for(exc))


class CorrectionDialog(ActionDialog):
    """补正材料已收到: the missing materials handed in; the case is accepted again."""

    def __init__(self, session: Session, case: Case, names: dict[str, str], parent: QWidget | None = None) -> None:
        super().__init__(session, case, parent)
        self.rows: list[tuple[MaterialEntry, QCheckBox, QSpinBox]] = []
        for m in case.materials:
            if m.state is not MaterialState.missing:
                continue
            check = QCheckBox(names.get(m.material_code, m.material_code))
            check.setChecked(True)
            count = QSpinBox()
            count.setRange(1, 99)
            self.form.addRow(check, count)
            self.rows.append((m, check, count))
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("补正材料已收到"))
        self.intro.setText(self.tr("勾选已收到的补正材料。收齐后重新受理，办理时限重新计算。"))
        for _m, _check, count in self.rows:
            count.setSuffix(self.tr(" 份"))
        self._frame_texts()

    def work(self) -> Callable[[Station], Case] | None:
        supplied = [MaterialEntry(m.item_code, m.material_code, MaterialState.received, form=MaterialForm.original,
                                  count=count.value()) for m, check, count in self.rows if check.isChecked()]
        if not supplied:
            self.show_problem(self.tr("请至少勾选一份已收到的材料。"))
            return None
        case_no = self.case.case_no
        return lambda st: cases.resume_after_correction(st, case_no, supplied)


class SupplyDialog(ActionDialog):
    """容缺材料补交: one deferred material handed in."""

    def __init__(self, session: Session, case: Case, names: dict[str, str], parent: QWidget | None = None) -> None:
        super().__init__(session, case, parent)
        self.material_combo = QComboBox()
        for m in case.materials:
            if m.state is MaterialState.deferred:
                due = f"（{m.due_date.isoformat()}）" if m.due_date else ""
                self.material_combo.addItem(names.get(m.material_code, m.material_code) + due,
                                            (m.item_code, m.material_code))
        self.form_combo = QComboBox()
        self.count_spin = QSpinBox()
        self.count_spin.setRange(1, 99)
        self.material_label = QLabel()
        self.material_label.setBuddy(self.material_combo)
        self.form_label = QLabel()
        self.form_label.setBuddy(self.form_combo)
        self.count_label = QLabel()
        self.count_label.setBuddy(self.count_spin)
        self.form.addRow(self.material_label, self.material_combo)
        self.form.addRow(self.form_label, self.form_combo)
        self.form.addRow(self.count_label, self.count_spin)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("补交容缺材料"))
        self.intro.setText(self.tr("申请人补交了容缺受理时后补的材料。"))
        self.material_label.setText(self.tr("材料(&M)："))
        self.form_label.setText(self.tr("形式(&F)："))
        self.count_label.setText(self.tr("份数(&N)："))
        current = self.form_combo.currentData()
        self.form_combo.clear()
        for code, name in choices("MaterialForm"):
            self.form_combo.addItem(name, code)
        self.form_combo.setCurrentIndex(max(0, self.form_combo.findData(current)))
        self._frame_texts()

    def work(self) -> Callable[[Station], Case] | None:
        key = self.material_combo.currentData()
        if not key:
            self.show_problem(self.tr("没有待补交的材料。"))
            return None
        item_code, material_code = key
        form, count, case_no = MaterialForm(self.form_combo.currentData()), self.count_spin.value(), self.case.case_no
        return lambda st: cases.supply_material(st, case_no, item_code, material_code, form=form, count=count)


class ConcludeDialog(ActionDialog):
    """办结: the outcome (准予 / 不予准予) and a note."""

    def __init__(self, session: Session, case: Case, parent: QWidget | None = None) -> None:
        super().__init__(session, case, parent)
        self.outcome_group = QButtonGroup(self)
        self.outcome_buttons: dict[str, QRadioButton] = {}
        self.outcome_label = QLabel()
        box = QVBoxLayout()
        for code, _name in choices("Outcome"):
            button = QRadioButton()
            self.outcome_group.addButton(button)
            self.outcome_buttons[code] = button
            box.addWidget(button)
        self.outcome_buttons[Outcome.approved.value].setChecked(True)
        self.note_edit = QLineEdit()
        self.note_label = QLabel()
        self.note_label.setBuddy(self.note_edit)
        self.form.addRow(self.outcome_label, box)
        self.form.addRow(self.note_label, self.note_edit)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("办结"))
        self.intro.setText(self.tr("记录办理结果。办结后可以送达或通知申请人领取。"))
        self.outcome_label.setText(self.tr("办理结果："))
        keys = {Outcome.approved.value: self.tr("准予(&A)"), Outcome.denied.value: self.tr("不予准予(&N)")}
        for code, button in self.outcome_buttons.items():
            button.setText(keys.get(code, label(code, "Outcome")))
        self.note_label.setText(self.tr("说明(&E)："))
        self._frame_texts()

    def outcome(self) -> Outcome:
        for code, button in self.outcome_buttons.items():
            if button.isChecked():
                return Outcome(code)
        return Outcome.approved

    def work(self) -> Callable[[Station], Case] | None:
        outcome, note, case_no = self.outcome(), self.note_edit.text().strip(), self.case.case_no
        return lambda st: cases.set_status(st, case_no, CaseStatus.concluded, outcome=outcome, note=note)


class DeliverDialog(ActionDialog):
    """送达 / 领取: how the result went, and who collected it at the counter."""

    def __init__(self, session: Session, case: Case, parent: QWidget | None = None) -> None:
        super().__init__(session, case, parent)
        self.method_combo = QComboBox()
        self.recipient_edit = QLineEdit(default_recipient(case))
        self.recipient_id_edit = QLineEdit()
        self.tracking_edit = QLineEdit()
        self.method_label = QLabel()
        self.recipient_label = QLabel()
        self.recipient_id_label = QLabel()
        self.tracking_label = QLabel()
        for lab, w in ((self.method_label, self.method_combo), (self.recipient_label, self.recipient_edit),
                       (self.recipient_id_label, self.recipient_id_edit), (self.tracking_label, self.tracking_edit)):
            lab.setBuddy(w)
            self.form.addRow(lab, w)
        self.retranslate()
        self.method_combo.setCurrentIndex(max(0, self.method_combo.findData(case.delivery.method.value)))
        self.method_combo.currentIndexChanged.connect(lambda _i: self._method_changed())
        self._method_changed()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("送达 / 领取"))
        intro = self.tr("窗口领取时记下领取人；邮寄时记下运单号。")
        agent = self.case.agent
        if agent is not None:  # 代办: the agent collects by default; the authorisation to check is here
            intro += "\n" + self.tr("代办：代办人 {name}{phone}，{authorisation}。"
                                     "请核对代办人身份证件和授权委托。").format(
                name=agent.name, phone=f"（{mask_phone(agent.phone)}）" if agent.phone else "",
                authorisation=authorisation_text(agent.authorisation))
        self.intro.setText(intro)
        self.method_label.setText(self.tr("送达方式(&M)："))
        self.recipient_label.setText(self.tr("领取人(&R)："))
        self.recipient_id_label.setText(self.tr("领取人证件号码(&I)："))
        self.tracking_label.setText(self.tr("运单号(&T)："))
        current = self.method_combo.currentData()
        self.method_combo.blockSignals(True)
        self.method_combo.clear()
        for code, name in choices("DeliveryMethod"):
            self.method_combo.addItem(name, code)
        self.method_combo.setCurrentIndex(max(0, self.method_combo.findData(current)))
        self.method_combo.blockSignals(False)
        self._frame_texts()

    def method(self) -> DeliveryMethod:
        return DeliveryMethod(self.method_combo.currentData() or DeliveryMethod.counter.value)

    def _method_changed(self) -> None:
        counter = self.method() is DeliveryMethod.counter
        post = self.method() is DeliveryMethod.post
        for w in (self.recipient_edit, self.recipient_id_edit, self.recipient_label, self.recipient_id_label):
            w.setEnabled(counter)
        self.tracking_edit.setEnabled(post)
        self.tracking_label.setEnabled(post)

    def work(self) -> Callable[[Station], Case] | None:
        method = self.method()
        recipient = self.recipient_edit.text().strip() if method is DeliveryMethod.counter else ""
        recipient_id = self.recipient_id_edit.text().strip() if method is DeliveryMethod.counter else ""
        tracking = self.tracking_edit.text().strip() if method is DeliveryMethod.post else ""
        if method is DeliveryMethod.counter and not recipient:
            self.show_problem(self.tr("请填写领取人。"))
            self.recipient_edit.setFocus()
            return None
        if method is DeliveryMethod.post and not tracking:
            self.show_problem(self.tr("请填写运单号。"))
            self.tracking_edit.setFocus()
            return None
        case_no = self.case.case_no
        return lambda st: cases.deliver(st, case_no, method=method, recipient=recipient, recipient_id=recipient_id,
                                        tracking_no=tracking)


class WithdrawDialog(ActionDialog):
    """撤回: the applicant withdraws the application; the reason is required."""

    def __init__(self, session: Session, case: Case, parent: QWidget | None = None) -> None:
        super().__init__(session, case, parent)
        self.reason_edit = QLineEdit()
        self.reason_label = QLabel()
        self.reason_label.setBuddy(self.reason_edit)
        self.form.addRow(self.reason_label, self.reason_edit)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("撤回申请"))
        self.intro.setText(self.tr("申请人撤回申请后，办件结束，不能再办理。"))
        self.reason_label.setText(self.tr("撤回原因(&W)："))
        self.reason_edit.setPlaceholderText(self.tr("例如：申请人主动撤回"))
        self._frame_texts()

    def reason(self, missing: str) -> str | None:
        """The reason typed, or None after saying ``missing`` (the focus goes to the field)."""
        reason = self.reason_edit.text().strip()
        if not reason:
            self.show_problem(missing)
            self.reason_edit.setFocus()
            return None
        return reason

    def work(self) -> Callable[[Station], Case] | None:
        reason = self.reason(self.tr("请填写撤回原因。"))
        if reason is None:
            return None
        case_no = self.case.case_no
        return lambda st: cases.withdraw(st, case_no, reason)


class AmendDialog(ActionDialog):
    """更正: the case's details as stored, to put a typo right; only what changed is sent, with the
    reason (the old values stay in the journal; later prints show the new ones, marked as copies)."""

    def __init__(self, session: Session, case: Case, parent: QWidget | None = None) -> None:
        super().__init__(session, case, parent)
        a, ag, d = case.applicant, case.agent, case.delivery
        values: dict[str, str] = {
            "applicant.name": a.name, "applicant.name_bo": a.name_bo, "applicant.id_number": a.id_number,
            "applicant.phone": a.phone, "applicant.address": a.address.detail,
        }
        if ag is not None:
            values.update({"agent.name": ag.name, "agent.id_number": ag.id_number, "agent.phone": ag.phone})
        values.update({"delivery.address": d.address, "delivery.phone": d.phone})
        self.before = values
        self.edits: dict[str, QLineEdit] = {}
        self.labels: dict[str, QLabel] = {}
        for field, value in values.items():
            edit = QLineEdit(value)
            edit.setObjectName(f"amend:{field}")
            lab = QLabel()
            lab.setBuddy(edit)
            self.edits[field], self.labels[field] = edit, lab
            self.form.addRow(lab, edit)
        self.reason_edit = QLineEdit()
        self.reason_edit.setObjectName("amend:reason")
        self.reason_label = QLabel()
        self.reason_label.setBuddy(self.reason_edit)
        self.form.addRow(self.reason_label, self.reason_edit)
        self.retranslate()

    def field_names(self) -> dict[str, str]:
        names = {field: label(field, "AmendField") for field in cases.AMENDABLE}
        return {**names, "reason": self.tr("更正原因"), "changes": self.tr("更正")}

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("更正办件信息"))
        self.intro.setText(self.tr("改正录入错误。原值保留在办理记录中；此后打印的文书显示更正后的信息，并标为副本。"))
        names = self.field_names()
        for field, lab in self.labels.items():
            lab.setText(names[field] + self.tr("："))
        self.reason_label.setText(self.tr("更正原因(&Y)："))
        self.reason_edit.setPlaceholderText(self.tr("例如：姓名录入错字"))
        self._frame_texts()

    def changes(self) -> dict[str, str]:
        return {f: e.text().strip() for f, e in self.edits.items() if e.text().strip() != self.before[f]}

    def work(self) -> Callable[[Station], Case] | None:
        changes = self.changes()
        if not changes:
            self.show_problem(self.tr("没有改动。"))
            return None
        reason = self.reason_edit.text().strip()
        if not reason:
            self.show_problem(self.tr("请填写更正原因。"))
            self.reason_edit.setFocus()
            return None
        case_no = self.case.case_no
        return lambda st: cases.amend(st, case_no, changes, reason)

    def _failed(self, exc: Exception) -> None:
        problems = exc.details.get("problems") if isinstance(exc, ValidationError) else None
        if not isinstance(problems, list) or not problems:
            super()._failed(exc)
            return
        self._busy = False
        self.ok_button.setEnabled(True)
        names = self.field_names()
        self.show_problem("\n".join(
            f"{names.get(str(p.get('field')), str(p.get('field')))}："
            f"{QCoreApplication.translate('Problems', PROBLEMS.get(str(p.get('problem')), str(p.get('problem'))))}"
            for p in problems))
        first = self.edits.get(str(problems[0].get("field")))
        if first is not None:
            first.setFocus()


class CommitmentCheckDialog(ActionDialog):
    """告知承诺核查: what the check after approval found (a breach says what was found)."""

    def __init__(self, session: Session, case: Case, parent: QWidget | None = None) -> None:
        super().__init__(session, case, parent)
        self.result_combo = QComboBox()
        self.result_combo.setObjectName("checkResult")
        self.result_label = QLabel()
        self.result_label.setBuddy(self.result_combo)
        self.note_edit = QLineEdit()
        self.note_edit.setObjectName("checkNote")
        self.note_label = QLabel()
        self.note_label.setBuddy(self.note_edit)
        self.form.addRow(self.result_label, self.result_combo)
        self.form.addRow(self.note_label, self.note_edit)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("告知承诺核查"))
        self.intro.setText(self.tr("按告知承诺书写明的核查方式核实后，记录申请人是否履行承诺。违反承诺的记录会上报平台。"))
        self.result_label.setText(self.tr("核查结果(&R)："))
        self.note_label.setText(self.tr("核查情况(&N)："))
        self.note_edit.setPlaceholderText(self.tr("违反承诺时必填：核查发现的情况"))
        current = self.result_combo.currentData()
        self.result_combo.clear()
        for code, text in choices("CommitmentResult"):
            self.result_combo.addItem(text, code)
        self.result_combo.setCurrentIndex(max(0, self.result_combo.findData(current)))
        self._frame_texts()

    def work(self) -> Callable[[Station], Case] | None:
        result = str(self.result_combo.currentData() or "")
        note = self.note_edit.text().strip()
        if result == "breached" and not note:
            self.show_problem(self.tr("违反承诺时请写明核查发现的情况。"))
            self.note_edit.setFocus()
            return None
        case_no = self.case.case_no
        return lambda st: cases.check_commitment(st, case_no, result, note)


class RevokeDialog(WithdrawDialog):
    """撤销受理决定: an administrator revokes a 容缺 acceptance whose deferred material was not
    supplied by its due date; the reason is required (the withdrawal's form), the notice printed after."""

    def __init__(self, session: Session, case: Case, names: dict[str, str], parent: QWidget | None = None) -> None:
        today = session.clock.today()
        self.overdue = [m for m in case.materials
                        if m.state is MaterialState.deferred and m.due_date is not None and m.due_date < today]
        super().__init__(session, case, parent)
        self.materials_label = QLabel("\n".join(
            f"• {names.get(m.material_code, m.material_code)}（{m.due_date.isoformat() if m.due_date else ''}）"
            for m in self.overdue))
        self.materials_label.setWordWrap(True)
        self.form.insertRow(0, self.materials_label)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("撤销受理决定"))
        self.intro.setText(self.tr("下列容缺材料已过补交期限仍未补交。撤销后办件结束，请打印撤销受理决定通知书交申请人。"))
        self.reason_label.setText(self.tr("撤销理由(&Y)："))
        self.reason_edit.setPlaceholderText(self.tr("例如：逾期未补交容缺材料，经电话告知仍未补交"))
        self._frame_texts()

    def work(self) -> Callable[[Station], Case] | None:
        reason = self.reason(self.tr("请填写撤销理由。"))
        if reason is None:
            return None
        case_no = self.case.case_no
        return lambda st: cases.revoke_acceptance(st, case_no, reason)


def action_title(action: ConflictAction, devices: Devices) -> str:
    """What an action of a conflict did, and on which device."""
    return QCoreApplication.translate("ConflictText", "{what}（{device}）").format(
        what=label(action.type, "EventType"), device=devices.origin_text(action.device))


def action_details(action: ConflictAction) -> str:
    """The status an action of a conflict led to, when and who."""
    status = label(action.status)
    if action.outcome:
        status = QCoreApplication.translate("ConflictText", "{status}（{outcome}）").format(
            status=status, outcome=label(action.outcome, "Outcome"))
    return QCoreApplication.translate("ConflictText", "状态：{status}；时间：{at}；操作员：{operator}").format(
        status=status, at=local_time(action.at), operator=action.operator)


def action_text(action: ConflictAction, devices: Devices) -> str:
    """An action of a conflict in one line (a title, then its details)."""
    return QCoreApplication.translate("ConflictText", "{title}：{details}").format(
        title=action_title(action, devices), details=action_details(action))


class ResolveDialog(ActionDialog):
    """处理冲突: two devices did what cannot both stand; the clerk says which action stands, and why."""

    def __init__(self, session: Session, case: Case, devices: Devices, parent: QWidget | None = None) -> None:
        super().__init__(session, case, parent)
        self.devices = devices
        conflict = conflict_of(case)
        self.choices: list[ConflictAction] = list(conflict.actions) if conflict is not None else []
        self.keep_group = QButtonGroup(self)
        self.keep_buttons: list[QRadioButton] = []
        self.keep_details: list[QLabel] = []
        self.keep_label = QLabel()
        box = QVBoxLayout()
        for _action in self.choices:
            button = QRadioButton()
            details = QLabel()  # under its button, wrapped: a long Tibetan line at 200 % stays whole
            details.setWordWrap(True)
            details.setContentsMargins(button.style().pixelMetric(QStyle.PixelMetric.PM_ExclusiveIndicatorWidth)
                                       + 8, 0, 0, 0)
            self.keep_group.addButton(button)
            self.keep_buttons.append(button)
            self.keep_details.append(details)
            box.addWidget(button)
            box.addWidget(details)
        self.note_edit = QLineEdit()
        self.note_label = QLabel()
        self.note_label.setBuddy(self.note_edit)
        self.form.addRow(self.keep_label, box)
        self.form.addRow(self.note_label, self.note_edit)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("处理冲突"))
        self.intro.setText(self.tr("下面的处理是在不同设备上分别作出的，不能同时成立。请向申请人或经办人核实后，"
                                   "选择保留的一项；其余的作废（仍留在办理经过中）。"))
        self.keep_label.setText(self.tr("保留："))
        for action, button, details in zip(self.choices, self.keep_buttons, self.keep_details, strict=True):
            button.setText(action_title(action, self.devices))
            details.setText(action_details(action))
        self.note_label.setText(self.tr("处理说明(&E)："))
        self._frame_texts()

    def kept(self) -> ConflictAction | None:
        for action, button in zip(self.choices, self.keep_buttons, strict=True):
            if button.isChecked():
                return action
        return None

    def work(self) -> Callable[[Station], Case] | None:
        kept = self.kept()
        if kept is None:
            self.show_problem(self.tr("请选择保留哪一项处理。"))
            return None
        note = self.note_edit.text().strip()
        if not note:
            self.show_problem(self.tr("请填写处理说明。"))
            self.note_edit.setFocus()
            return None
        keep, case_no = kept.hash, self.case.case_no
        return lambda st: cases.resolve_conflict(st, case_no, keep, note)


def _rectify(st: Station, case_no: str, note: str) -> Case:
    cases.rectify(st, case_no, note)
    return cases.get_case(st, case_no, log_access=False)


def _revisit(st: Station, case_no: str, result: str, method: str, note: str) -> Case:
    cases.revisit(st, case_no, result, method, note)
    return cases.get_case(st, case_no, log_access=False)


class RectifyDialog(ActionDialog):
    """差评整改: what the station put right after the citizen's bad rating (required)."""

    def __init__(self, session: Session, case: Case, parent: QWidget | None = None) -> None:
        super().__init__(session, case, parent)
        self.note_edit = QLineEdit()
        self.note_edit.setObjectName("rectifyNote")
        self.note_label = QLabel()
        self.note_label.setBuddy(self.note_edit)
        self.form.addRow(self.note_label, self.note_edit)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("差评整改"))
        self.intro.setText(self.tr("申请人对此办件给了差评。记录针对差评原因所做的整改，整改后再回访申请人。"
                                   "整改记录会上报平台。"))
        self.note_label.setText(self.tr("整改情况(&N)："))
        self.note_edit.setPlaceholderText(self.tr("例如：已对窗口人员进行业务培训，缩短等候时间"))
        self._frame_texts()

    def work(self) -> Callable[[Station], Case] | None:
        note = self.note_edit.text().strip()
        if not note:
            self.show_problem(self.tr("请填写整改情况。"))
            self.note_edit.setFocus()
            return None
        case_no = self.case.case_no
        return lambda st: _rectify(st, case_no, note)


class RevisitDialog(ActionDialog):
    """差评回访: the citizen asked again after the rectification: the result, how, and a note."""

    def __init__(self, session: Session, case: Case, parent: QWidget | None = None) -> None:
        super().__init__(session, case, parent)
        self.result_combo = QComboBox()
        self.result_combo.setObjectName("revisitResult")
        self.result_label = QLabel()
        self.result_label.setBuddy(self.result_combo)
        self.method_combo = QComboBox()
        self.method_combo.setObjectName("revisitMethod")
        self.method_label = QLabel()
        self.method_label.setBuddy(self.method_combo)
        self.note_edit = QLineEdit()
        self.note_edit.setObjectName("revisitNote")
        self.note_label = QLabel()
        self.note_label.setBuddy(self.note_edit)
        self.form.addRow(self.result_label, self.result_combo)
        self.form.addRow(self.method_label, self.method_combo)
        self.form.addRow(self.note_label, self.note_edit)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("差评回访"))
        self.intro.setText(self.tr("整改后再次询问申请人的意见。回访后差评的整改回访结束，回访结果会上报平台。"))
        self.result_label.setText(self.tr("回访结果(&R)："))
        self.method_label.setText(self.tr("回访方式(&M)："))
        self.note_label.setText(self.tr("说明(&N)："))
        self.note_edit.setPlaceholderText(self.tr("可不填：申请人的意见"))
        for combo, kind in ((self.result_combo, "RevisitResult"), (self.method_combo, "RevisitMethod")):
            current = combo.currentData()
            combo.clear()
            for code, text in choices(kind):
                combo.addItem(text, code)
            combo.setCurrentIndex(max(0, combo.findData(current)))
        self._frame_texts()

    def work(self) -> Callable[[Station], Case] | None:
        result = RevisitResult(self.result_combo.currentData() or RevisitResult.satisfied.value).value
        method = RevisitMethod(self.method_combo.currentData() or RevisitMethod.phone.value).value
        note, case_no = self.note_edit.text().strip(), self.case.case_no
        return lambda st: _revisit(st, case_no, result, method, note)


def make_dialog(action: str, session: Session, case: Case, names: dict[str, str],
                parent: QWidget | None = None, devices: Devices | None = None) -> ActionDialog:
    """The dialog of ``action`` (one of CORRECTION, SUPPLY, CONCLUDE, DELIVER, WITHDRAW, REVOKE, AMEND,
    CHECK, RECTIFY, REVISIT, RESOLVE)."""
    builders: dict[str, Any] = {
        CORRECTION: lambda: CorrectionDialog(session, case, names, parent),
        SUPPLY: lambda: SupplyDialog(session, case, names, parent),
        CONCLUDE: lambda: ConcludeDialog(session, case, parent),
        DELIVER: lambda: DeliverDialog(session, case, parent),
        WITHDRAW: lambda: WithdrawDialog(session, case, parent),
        REVOKE: lambda: RevokeDialog(session, case, names, parent),
        AMEND: lambda: AmendDialog(session, case, parent),
        CHECK: lambda: CommitmentCheckDialog(session, case, parent),
        RECTIFY: lambda: RectifyDialog(session, case, parent),
        REVISIT: lambda: RevisitDialog(session, case, parent),
        RESOLVE: lambda: ResolveDialog(session, case, devices or Devices(this=Device(number="")), parent),
    }
    return builders[action]()
