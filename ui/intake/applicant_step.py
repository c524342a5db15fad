"""Step 2: the applicant, the handling mode and, for 代办, the agent and the authorisation.

ID numbers and phones are checked with the core's checks (``app.identity``) when a field is left
and before going on; the core's own problems after submit land next to the same fields.
"""

from __future__ import annotations

from itertools import pairwise

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.identity import IdType
from app.models import (
    Address,
    Agent,
    AgentRelation,
    Authorisation,
    HandlingMode,
    Party,
    PartyKind,
    SpecialGroup,
)
from app.services import cases
from ui.case_actions import authorisation_text
from ui.intake.fields import HINT_STYLE, DateField, ProblemLabel, Step, problem_text
from ui.labels import choices, label
from ui.session import Session

AUTHORISATION_KINDS = ("written", "notarised", "statutory", "village_certified")


class _Row:
    """A field with its label and the red problem line under it."""

    def __init__(self, form: QFormLayout, widget: QWidget) -> None:
        self.label = QLabel()
        self.widget = widget
        self.label.setBuddy(widget)
        self.problem = ProblemLabel()
        box = QWidget()
        inner = QVBoxLayout(box)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.setSpacing(2)
        inner.addWidget(widget)
        inner.addWidget(self.problem)
        form.addRow(self.label, box)


class ApplicantStep(Step):
    open_case = Signal(str)  # the clerk opens an earlier case the warning names

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.rows: dict[str, _Row] = {}
        self.item_codes: tuple[str, ...] = ()  # the items chosen in step 1 (for the duplicate warning)
        self.person: cases.PersonCheck | None = None  # the station's records of the ID number given
        self._person_asked = ""  # the ID number and name last looked up
        self._filled = False  # the form was filled from the station's records of the person

        self.applicant_box = QGroupBox()
        form = QFormLayout(self.applicant_box)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)  # labels above fields when narrow
        self.name = self._line(form, "applicant.name")
        self.name_bo = self._line(form, "applicant.name_bo")
        self.id_type = self._combo(form, "applicant.id_type")
        self.id_number = self._line(form, "applicant.id_number")
        self.phone = self._line(form, "applicant.phone")
        self.village = self._line(form, "applicant.address.village")
        self.address = self._line(form, "applicant.address.detail")
        self.mode = self._combo(form, "mode")

        self.agent_box = QGroupBox()
        agent_form = QFormLayout(self.agent_box)
        agent_form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)  # labels above fields when narrow
        self.agent_name = self._line(agent_form, "agent.name")
        self.agent_id_type = self._combo(agent_form, "agent.id_type")
        self.agent_id_number = self._line(agent_form, "agent.id_number")
        self.relation = self._combo(agent_form, "agent.relation")
        self.agent_phone = self._line(agent_form, "agent.phone")
        self.auth_kind = self._combo(agent_form, "agent.authorisation.kind")
        self.auth_scope = self._line(agent_form, "agent.authorisation.scope")
        self.auth_until = DateField()
        self._add(agent_form, "agent.authorisation.valid_until", self.auth_until)
        self.auth_ref = self._line(agent_form, "agent.authorisation.document_ref")
        self.agent_box.hide()

        # 特殊群体: the applicant is served first (优先办、陪同办、绿色通道); shown on the dashboard's queue.
        # Made after the agent's fields: Tab goes from 办理方式 to them first.
        self.groups_box = QGroupBox()
        self.groups_box.setObjectName("specialGroups")
        groups_flow = QGridLayout(self.groups_box)
        self.group_checks: dict[SpecialGroup, QCheckBox] = {}
        for n, group in enumerate(SpecialGroup):
            check = QCheckBox()
            check.setObjectName(f"group:{group.value}")
            check.toggled.connect(lambda _on: self.changed.emit())
            self.group_checks[group] = check
            groups_flow.addWidget(check, n // 2, n % 2)

        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet(HINT_STYLE)
        self.general = ProblemLabel()

        # What this station's records say of the ID number: a warning (never a block) and the earlier case.
        self.person_box = QGroupBox()
        self.person_box.setObjectName("personCheck")
        self.person_text = QLabel()
        self.person_text.setWordWrap(True)
        self.person_text.setStyleSheet("color: #8a4b00;")
        self.person_open = QPushButton()
        self.person_open.setObjectName("openEarlierCase")
        self.person_open.clicked.connect(self._open_earlier)
        person_column = QVBoxLayout(self.person_box)
        person_column.addWidget(self.person_text)
        person_column.addWidget(self.person_open)
        self.person_box.hide()

        inner = QWidget()
        column = QVBoxLayout(inner)
        column.addWidget(self.hint)
        column.addWidget(self.applicant_box)
        column.addWidget(self.person_box)
        column.addWidget(self.groups_box)
        column.addWidget(self.agent_box)
        column.addWidget(self.general)
        column.addStretch(1)
        layout = QVBoxLayout(self)  # the intake page scrolls the step (its navigation stays in view)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(inner)

        self.mode.currentIndexChanged.connect(self._mode_changed)
        for edit, field in ((self.id_number, "applicant.id_number"), (self.phone, "applicant.phone"),
                            (self.agent_id_number, "agent.id_number"), (self.agent_phone, "agent.phone")):
            edit.editingFinished.connect(lambda f=field: self._check_field(f))
        # Tab order: the applicant's fields, 办理方式, the agent's (when 代办), then the special groups.
        chain: list[QWidget] = [self.mode, self.agent_name, self.agent_id_type, self.agent_id_number, self.relation,
                                self.agent_phone, self.auth_kind, self.auth_scope, self.auth_until, self.auth_ref,
                                *self.group_checks.values()]
        for a, b in pairwise(chain):
            QWidget.setTabOrder(a, b)
        self.id_number.editingFinished.connect(self.look_up_person)
        self.name.editingFinished.connect(self.look_up_person)
        self.retranslate()

    # -- building -----------------------------------------------------------------------------
    def _add(self, form: QFormLayout, field: str, widget: QWidget) -> None:
        self.rows[field] = _Row(form, widget)
        if isinstance(widget, QLineEdit):
            widget.textChanged.connect(lambda _t, f=field: self._edited(f))
        elif isinstance(widget, QComboBox):
            widget.currentIndexChanged.connect(lambda _i, f=field: self._edited(f))

    def _line(self, form: QFormLayout, field: str) -> QLineEdit:
        edit = QLineEdit()
        edit.setObjectName(field)
        self._add(form, field, edit)
        return edit

    def _combo(self, form: QFormLayout, field: str) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(field)
        self._add(form, field, combo)
        return combo

    def _edited(self, field: str) -> None:
        self.rows[field].problem.clear_text()
        self.changed.emit()

    @staticmethod
    def _fill(combo: QComboBox, pairs: list[tuple[str, str]]) -> None:
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        for code, text in pairs:
            combo.addItem(text, code)
        index = combo.findData(current)
        combo.setCurrentIndex(index if index >= 0 else 0)
        combo.blockSignals(False)

    # -- texts --------------------------------------------------------------------------------
    def title(self) -> str:
        return self.tr("申请人")

    def retranslate(self) -> None:
        texts = {
            "applicant.name": self.tr("姓名或单位名称(&A)"),
            "applicant.name_bo": self.tr("藏文姓名(&T)"),
            "applicant.id_type": self.tr("证件类型(&I)"),
            "applicant.id_number": self.tr("证件号码(&D)"),
            "applicant.phone": self.tr("联系电话(&P)"),
            "applicant.address.village": self.tr("村（居）(&V)"),
            "applicant.address.detail": self.tr("详细地址(&E)"),
            "mode": self.tr("办理方式(&M)"),
            "agent.name": self.tr("代办人姓名(&G)"),
            "agent.id_type": self.tr("代办人证件类型(&Y)"),
            "agent.id_number": self.tr("代办人证件号码(&U)"),
            "agent.relation": self.tr("与申请人关系(&L)"),
            "agent.phone": self.tr("代办人电话(&H)"),
            "agent.authorisation.kind": self.tr("授权方式(&K)"),
            "agent.authorisation.scope": self.tr("授权范围(&O)"),
            "agent.authorisation.valid_until": self.tr("授权有效期至(&W)"),
            "agent.authorisation.document_ref": self.tr("委托书编号(&C)"),
        }
        for field, text in texts.items():
            self.rows[field].label.setText(text)
        self.applicant_box.setTitle(self.tr("申请人"))
        self.agent_box.setTitle(self.tr("代办人与授权委托"))
        self.groups_box.setTitle(self.tr("特殊群体（优先办理，可多选）"))
        self.person_box.setTitle(self.tr("本站记录"))
        self.person_open.setText(self.tr("打开该办件(&J)"))
        self._show_person()
        for group, check in self.group_checks.items():
            check.setText(label(group))
        self.hint.setText(self.tr("证件号码和电话离开输入框时即核对。选“代办”时须登记代办人和授权委托。"))
        self.name_bo.setPlaceholderText(self.tr("选填"))
        self.auth_until.setPlaceholderText(self.tr("选填，如 {example}").format(
            example=QDate.currentDate().addYears(1).toString("yyyy-MM-dd")))
        self.auth_scope.setPlaceholderText(self.tr("如：代为申请、领取结果"))
        id_types = choices("IdType")
        self._fill(self.id_type, id_types)
        self._fill(self.agent_id_type, [(c, t) for c, t in id_types if c != IdType.uscc.value])
        self._fill(self.mode, choices("HandlingMode"))
        self._fill(self.relation, choices("AgentRelation"))
        self._fill(self.auth_kind, [(k, label(k, "AuthorisationKind")) for k in AUTHORISATION_KINDS])

    def first_field(self) -> QWidget:
        return self.name

    # -- values -------------------------------------------------------------------------------
    def handling_mode(self) -> HandlingMode:
        return HandlingMode(str(self.mode.currentData() or HandlingMode.in_person.value))

    def _mode_changed(self) -> None:
        self.agent_box.setVisible(self.handling_mode() is HandlingMode.proxy)

    def party(self) -> Party:
        id_type = str(self.id_type.currentData())
        kind = PartyKind.organisation if id_type == IdType.uscc.value else PartyKind.person
        return Party(kind=kind, name=self.name.text().strip(), id_type=id_type, id_number=self.id_number.text().strip(),
                     name_bo=self.name_bo.text().strip(), phone=self.phone.text().strip(),
                     address=Address(village=self.village.text().strip(), detail=self.address.text().strip()))

    def agent(self) -> Agent | None:
        if self.handling_mode() is not HandlingMode.proxy:
            return None
        try:
            until = self.auth_until.value()
        except ValueError:
            until = None
        return Agent(name=self.agent_name.text().strip(), id_type=str(self.agent_id_type.currentData()),
                     id_number=self.agent_id_number.text().strip(),
                     relation=AgentRelation(str(self.relation.currentData())), phone=self.agent_phone.text().strip(),
                     authorisation=Authorisation(kind=str(self.auth_kind.currentData()),
                                                 scope=self.auth_scope.text().strip(), valid_until=until,
                                                 document_ref=self.auth_ref.text().strip()))

    def address_text(self) -> str:
        return "".join(p for p in (self.village.text().strip(), self.address.text().strip()) if p)

    # -- the station's records of the person --------------------------------------------------------
    def set_items(self, item_codes: list[str]) -> None:
        """The items chosen in step 1: an open case of one of them is what the warning looks for."""
        self.item_codes = tuple(item_codes)
        self._person_asked = ""

    def _asking(self) -> str:
        """What a look-up is asked with (ID number, name, items): an answer to other fields is stale."""
        return f"{self.id_number.text().strip()}|{self.name.text().strip()}|{','.join(self.item_codes)}"

    def look_up_person(self) -> None:
        """On leaving the ID number (or the name): this station's records of the person, on the worker."""
        number = self.id_number.text().strip()
        asked = self._asking()
        if not number or asked == self._person_asked:
            return
        self._person_asked = asked
        name, items = self.name.text().strip(), self.item_codes
        self.session.run(lambda st: cases.check_person(st, number, name, items),
                         lambda found: self._person_found(asked, found))

    def _person_found(self, asked: str, found: cases.PersonCheck) -> None:
        if asked != self._person_asked:
            return  # the fields changed since: a newer answer follows
        self.person = found
        known = found.known
        if known is not None and not self.name.text().strip():
            # A known person: their details from the latest case, to check (empty fields only).
            for edit, value in ((self.name, known.name), (self.name_bo, known.name_bo), (self.phone, known.phone),
                                (self.village, known.address.village), (self.address, known.address.detail)):
                if not edit.text().strip() and value:
                    edit.setText(value)
            self.person = cases.PersonCheck(open_same_item=found.open_same_item, other_names=(), known=known)
            self._person_asked = self._asking()  # the name filled in is not a new question
            self._filled = True
        else:
            self._filled = False
        self._show_person()

    def _show_person(self) -> None:
        found = self.person
        lines: list[str] = []
        if found is not None and self._filled:
            lines.append(self.tr("已按本站记录填入此人的信息，请与证件核对。"))
        if found is not None:
            for earlier in found.open_same_item[:3]:
                lines.append(self.tr("此人已有同一事项的办件在办：{case}（{status}，{day}）。请确认不是重复申请。").format(
                    case=earlier.case_no, status=label(earlier.status), day=earlier.created_at.strftime("%Y-%m-%d")))
            if found.other_names:
                lines.append(self.tr("该证件号码在本站曾以“{names}”的姓名办理，请核对证件。").format(
                    names="、".join(found.other_names[:3])))
        self.person_text.setText("\n".join(lines))
        self.person_open.setVisible(bool(found and found.open_same_item))
        self.person_box.setVisible(bool(lines))

    def _open_earlier(self) -> None:
        if self.person is not None and self.person.open_same_item:
            self.open_case.emit(self.person.open_same_item[0].case_no)

    def special_groups(self) -> list[SpecialGroup]:
        return [g for g, check in self.group_checks.items() if check.isChecked()]

    def summary(self) -> list[tuple[str, str]]:
        party = self.party()
        rows = [(self.tr("申请人"), party.name + (f"（{party.name_bo}）" if party.name_bo else "")),
                (self.tr("证件"), f"{label(party.id_type, 'IdType')} {party.id_number}"),
                (self.tr("办理方式"), label(self.handling_mode()))]
        if self.special_groups():
            rows.append((self.tr("特殊群体"), "、".join(label(g) for g in self.special_groups())))
        agent = self.agent()
        if agent is not None:
            rows.append((self.tr("代办人"), f"{agent.name} {agent.id_number}（{label(agent.relation)}）"))
            rows.append((self.tr("代办人电话"), agent.phone or "—"))
            rows.append((self.tr("授权委托"), authorisation_text(agent.authorisation)))
        return rows

    # -- checks -------------------------------------------------------------------------------
    def _problems(self) -> list[dict[str, str]]:
        problems = cases.people_problems(self.party(), self.handling_mode(), self.agent(), self.session.clock.today())
        if self.handling_mode() is HandlingMode.proxy:
            try:
                self.auth_until.value()
            except ValueError:
                problems.append({"field": "agent.authorisation.valid_until", "problem": "bad_format"})
        return problems

    def _check_field(self, field: str) -> None:
        """On leaving an ID or phone field: its own problem only (an empty field waits for Next)."""
        widget = self.rows[field].widget
        if isinstance(widget, QLineEdit) and not widget.text().strip():
            return
        for p in self._problems():
            if p["field"] == field:
                self.rows[field].problem.show_text(problem_text(p))

    def check(self) -> bool:
        problems = self._problems()
        for row in self.rows.values():
            row.problem.clear_text()
        left = self.show_problems(problems)
        if left:
            self.general.show_text("\n".join(problem_text(p) for p in left))
        return not problems

    def show_problems(self, problems: list[dict[str, str]]) -> list[dict[str, str]]:
        left: list[dict[str, str]] = []
        first: QWidget | None = None
        for p in problems:
            where = p.get("field", "")
            if where == "agent":
                where = "agent.name"
            row = self.rows.get(where)
            if row is None:
                if where.startswith(("applicant", "agent")):
                    self.general.show_text(problem_text(p))
                    continue
                left.append(p)
                continue
            row.problem.show_text(problem_text(p))
            first = first or row.widget
        if first is not None:
            first.setFocus()
        return left

    def reset(self) -> None:
        for field, row in self.rows.items():
            row.problem.clear_text()
            if isinstance(row.widget, QLineEdit):
                row.widget.clear()
            elif isinstance(row.widget, QComboBox) and field != "mode":
                row.widget.setCurrentIndex(0)
        self.mode.setCurrentIndex(0)
        for check in self.group_checks.values():
            check.setChecked(False)
        self.person = None
        self._person_asked = ""
        self._filled = False
        self._show_person()
        self.general.clear_text()
