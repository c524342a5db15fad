"""办件详情: one case's facts, its journal as a timeline, and the actions that fit its state.

Everything is read in one task on the worker (:func:`load_case`); opening a case from the list
goes through ``cases.get_case`` and so into the access log, a reload after an action does not.
The actions come from ``ui.case_actions.available_actions`` (the core's transitions), so a button
is shown only when the core would accept it.

A case taken on another device of the station is continued like one taken here: the page says
which device took it and which device did each step. A case in conflict (two devices did what
cannot both stand) shows a panel naming both actions, and 处理冲突 instead of the status changes.

A case the citizen rated 差评 shows its work item (差评整改回访: the level, the 整改期限 — overdue
while not rectified past it —, the rectification and the revisit) and offers 差评整改, then 差评回访;
好差评 stays offered after a rating, as 追评 (kept beside the first rating, never in its place).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.casefacts import Facts
from app.identity import IdType, mask_id, mask_phone
from app.journal import Event, EventType, chain_of
from app.models import Case, CaseStatus, DeliveryMethod
from app.services import cases, catalogue
from app.station import Station
from ui import case_actions
from ui.case_actions import (
    ActionDialog,
    action_text,
    authorisation_text,
    available_actions,
    conflict_of,
    documents_for,
    make_dialog,
    rated,
)
from ui.devices import Device, Devices, read_devices, window_text
from ui.documents import show_document
from ui.errors import message_for
from ui.labels import label
from ui.page import FlowLayout, Page
from ui.scans import ScansDialog
from ui.session import Session

log = logging.getLogger(__name__)


@dataclass
class CaseView:
    """All the page shows of one case, read together on the worker."""

    case: Case
    events: list[Event]
    material_names: dict[str, str] = field(default_factory=dict)
    due_state: str | None = None
    # Of an open case's due dates, those in a year with no official national calendar (暂定).
    provisional_dues: frozenset[date] = frozenset()
    actions: list[str] = field(default_factory=list)
    documents: list[str] = field(default_factory=list)
    devices: Devices = field(default_factory=lambda: Devices(this=Device(number="")))
    facts: Facts | None = None  # the case's rating and 差评 work item (``cases.facts_of``)
    today: date | None = None  # the station's day when read: a 整改期限 before it is overdue
    rated: bool = False  # the citizen rated the case: 好差评 now records a 追评


def load_case(station: Station, case_no: str, log_access: bool = True) -> CaseView:
    case = cases.get_case(station, case_no, log_access=log_access)
    events = cases.case_journal(station, case_no)
    names: dict[str, str] = {}
    for item in case.items:
        try:
            for m in catalogue.get_item(station, item.item_code, item.item_version).materials:
                names.setdefault(m.code, m.name.zh)
        except Exception as exc:  # a name is a nicety: the code still says which material
            log.info("no material names for an item: %s", type(exc).__name__)
    due_state = None
    provisional: frozenset[date] = frozenset()
    if case.promised_due and case.status in cases.OPEN_STATUSES:
        cal = station.calendar
        due_state = cal.due_state(case.promised_due, station.today()).value
        provisional = frozenset(d for d in (case.promised_due, case.legal_due) if d and cal.is_provisional(d))
    facts = cases.facts_of(station, case_no)
    return CaseView(case=case, events=events, material_names=names, due_state=due_state,
                    provisional_dues=provisional,
                    actions=available_actions(case, events, revocable=station.is_admin and bool(
                        cases.overdue_deferred(station, case)), amendable=cases.may_amend(station, case),
                        facts=facts),
                    documents=documents_for(case, events),
                    devices=read_devices(station), facts=facts, today=station.today(), rated=rated(events))


def _masked(number: str, id_type: str) -> str:
    try:
        return mask_id(number, IdType.uscc if id_type == IdType.uscc.value else id_type)
    except ValueError:
        return mask_id(number, IdType.other)


def _when(stamp: str) -> str:
    return stamp[:16].replace("T", " ")


def _day(d: date | datetime | None) -> str:
    if d is None:
        return ""
    if isinstance(d, datetime):
        return _when(d.isoformat())
    return d.isoformat()


class CaseDetailPage(Page):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.case_no: str | None = None
        self.view: CaseView | None = None
        self.dialog: ActionDialog | None = None
        self.scans_dialog: ScansDialog | None = None  # 扫描件 of the case (view, add, scanner folder)
        self._loading = 0

        self.back_button = QPushButton()
        self.back_button.clicked.connect(lambda: self.navigate.emit("cases"))
        self.heading = QLabel()
        self.heading.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status_line = QLabel()
        self.status_line.setWordWrap(True)
        self.message = QLabel()
        self.message.setWordWrap(True)
        top = FlowLayout()  # the back button goes under a long heading rather than past the edge
        top.addWidget(self.heading)
        top.addWidget(self.back_button)

        # a conflict: two devices did what cannot both stand (shown only then; words, not colour alone)
        self.conflict_box = QFrame()
        self.conflict_box.setObjectName("conflictPanel")
        self.conflict_box.setFrameShape(QFrame.Shape.StyledPanel)
        self.conflict_box.setStyleSheet("#conflictPanel { border: 3px solid #c62828; background: #fff4f4; }"
                                        " #conflictPanel QLabel { color: #1f1f1f; }")
        self.conflict_heading = QLabel()
        self.conflict_heading.setProperty("heading", "2")
        self.conflict_heading.setWordWrap(True)
        self.conflict_text = QLabel()
        self.conflict_text.setWordWrap(True)
        self.conflict_actions = QLabel()
        self.conflict_actions.setWordWrap(True)
        self.conflict_actions.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        conflict_layout = QVBoxLayout(self.conflict_box)
        conflict_layout.addWidget(self.conflict_heading)
        conflict_layout.addWidget(self.conflict_text)
        conflict_layout.addWidget(self.conflict_actions)
        self.conflict_row = FlowLayout()
        conflict_layout.addLayout(self.conflict_row)
        self.conflict_box.hide()

        # facts
        self.facts_box = QGroupBox()
        self.facts = QFormLayout(self.facts_box)
        self.facts.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.fact_labels: dict[str, QLabel] = {}
        self.fact_values: dict[str, QLabel] = {}
        for key in ("applicant", "groups", "agent", "authorisation", "mode", "items", "decision", "received",
                    "accepted", "due", "outcome", "delivery", "platform", "verification"):
            name, value = QLabel(), QLabel()
            name.setWordWrap(True)
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.fact_labels[key], self.fact_values[key] = name, value
            self.facts.addRow(name, value)
        # the 差评 work item (差评整改回访): shown only for a case rated 差评
        self.rating_box = QGroupBox()
        self.rating_box.setObjectName("badRating")
        self.rating_text = QLabel()
        self.rating_text.setObjectName("badRatingText")
        self.rating_text.setWordWrap(True)
        self.rating_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        QVBoxLayout(self.rating_box).addWidget(self.rating_text)
        self.rating_box.hide()
        self.materials_box = QGroupBox()
        self.materials = QTableWidget(0, 3)
        self.materials.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.materials.verticalHeader().setVisible(False)
        self.materials.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        # Name and state share the width and wrap (a Tibetan state with its form and count is long at
        # 200 %); the due date keeps its own. The table never scrolls sideways.
        self.materials.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.materials.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.materials.setWordWrap(True)
        self.materials.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        QVBoxLayout(self.materials_box).addWidget(self.materials)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.addWidget(self.facts_box)
        left_layout.addWidget(self.rating_box)
        left_layout.addWidget(self.materials_box, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(left)

        # timeline
        self.timeline_box = QGroupBox()
        self.timeline = QListWidget()
        self.timeline.setWordWrap(True)
        self.timeline.setAlternatingRowColors(True)
        QVBoxLayout(self.timeline_box).addWidget(self.timeline)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(scroll)
        splitter.addWidget(self.timeline_box)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)

        # actions
        self.buttons: dict[str, QPushButton] = {}
        actions_row = FlowLayout()  # the actions wrap onto a second line rather than run past the edge
        for action in case_actions.ACTIONS:
            button = QPushButton()
            button.clicked.connect(lambda _=False, a=action: self.start_action(a))
            button.hide()
            self.buttons[action] = button
            (self.conflict_row if action == case_actions.RESOLVE else actions_row).addWidget(button)
        self.print_menu = QMenu(self)
        self.buttons[case_actions.PRINT].setMenu(self.print_menu)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.status_line)
        layout.addWidget(self.message)
        layout.addWidget(self.conflict_box)
        layout.addWidget(splitter, 1)
        layout.addLayout(actions_row)
        self.message.hide()
        session.data_changed.connect(self._data_changed)
        self.retranslate()

    # -- texts ----------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.back_button.setText(self.tr("返回办件查询(&B)"))
        self.facts_box.setTitle(self.tr("办件信息"))
        self.materials_box.setTitle(self.tr("申请材料"))
        self.timeline_box.setTitle(self.tr("办理经过"))
        self.rating_box.setTitle(self.tr("差评整改回访"))
        names = {
            "applicant": self.tr("申请人"), "agent": self.tr("代办人"), "authorisation": self.tr("授权委托"),
            "mode": self.tr("办理方式"), "groups": self.tr("特殊群体"),
            "items": self.tr("事项"), "decision": self.tr("受理决定"), "received": self.tr("收件时间"),
            "accepted": self.tr("受理时间"), "due": self.tr("办结期限"), "outcome": self.tr("办理结果"),
            "delivery": self.tr("送达"), "platform": self.tr("平台办件编号"), "verification": self.tr("核验码"),
        }
        for key, lab in self.fact_labels.items():
            lab.setText(names[key] + self.tr("："))
        self.materials.setHorizontalHeaderLabels([self.tr("材料"), self.tr("情况"), self.tr("补交期限")])
        texts = {
            case_actions.CORRECTION: self.tr("补正材料已收到(&R)"),
            case_actions.SUPPLY: self.tr("补交容缺材料(&S)"),
            case_actions.CONCLUDE: self.tr("办结(&C)"),
            case_actions.DELIVER: self.tr("送达 / 领取(&D)"),
            case_actions.WITHDRAW: self.tr("撤回(&W)"),
            case_actions.REVOKE: self.tr("撤销受理(&V)…"),
            case_actions.AMEND: self.tr("更正(&G)…"),
            case_actions.SCANS: self.tr("扫描件(&F)…"),
            case_actions.CHECK: self.tr("承诺核查(&H)…"),
            case_actions.PRINT: self.tr("打印 / 补打(&P)"),
            case_actions.EVALUATE: self.tr("好差评(&E)"),
            case_actions.RECTIFY: self.tr("差评整改(&Z)…"),
            case_actions.REVISIT: self.tr("差评回访(&U)…"),
            case_actions.RESOLVE: self.tr("处理冲突(&X)…"),
        }
        for action, button in self.buttons.items():
            button.setText(texts[action])
        self.conflict_heading.setText(self.tr("⚠ 冲突：此办件的处理有冲突，需要处理"))
        self.conflict_text.setText(self.tr("两台设备分别对此办件作了不能同时成立的处理。在处理冲突之前，办件暂按最后一项显示，"
                                           "不能办结、送达或撤回。请核实后点“处理冲突”，选择保留哪一项。"))
        self._scale_heading()
        self._show()

    def _scale_heading(self) -> None:
        """A page title: its size comes from the application style sheet (follows the font scale)."""
        self.heading.setProperty("heading", "2")

    def changeEvent(self, event: QEvent) -> None:  # Qt's name
        if event.type() == QEvent.Type.FontChange:
            self._scale_heading()
        super().changeEvent(event)

    # -- loading --------------------------------------------------------------------------------
    def show_case(self, case_no: str) -> None:
        """Open ``case_no`` (this goes to the access log)."""
        self.case_no = case_no
        self.view = None
        self._show()
        self._load(log_access=True)

    def refresh(self) -> None:
        if self.case_no and self.session.station is not None:
            self._load(log_access=False)

    def clear(self) -> None:
        if self.dialog is not None:
            self.dialog.reject()
            self.dialog = None
        self.case_no = None
        self.view = None
        self._show()

    @property
    def loading(self) -> bool:
        return self._loading > 0

    def _load(self, log_access: bool) -> None:
        case_no = self.case_no
        if case_no is None:
            return
        self._loading += 1

        def loaded(view: CaseView) -> None:
            self._loading -= 1
            if view.case.case_no == self.case_no:
                self.view = view
                self.message.hide()
                self._show()

        def failed(exc: Exception) -> None:
            self._loading -= 1
            if case_no == self.case_no:
                self.message.setText(message_for(exc))
                self.message.show()

        self.session.run(lambda st: load_case(st, case_no, log_access), loaded, on_error=failed)

    def _data_changed(self, case_no: str) -> None:
        if self.isVisible() and self.case_no and case_no in ("", self.case_no) and not self.loading:
            self._load(log_access=False)

    # -- showing --------------------------------------------------------------------------------
    def _show(self) -> None:
        view = self.view
        if view is None:
            self.heading.setText(self.tr("办件 {case_no}").format(case_no=self.case_no) if self.case_no
                                 else self.tr("办件详情"))
            self.status_line.setText(self.tr("正在读取…") if self.case_no else "")
            for value in self.fact_values.values():
                value.clear()
            self.materials.setRowCount(0)
            self.timeline.clear()
            for button in self.buttons.values():
                button.hide()
            self.conflict_box.hide()
            self.rating_box.hide()
            return
        c = view.case
        self.heading.setText(self.tr("办件 {case_no}").format(case_no=c.case_no))
        status = label(c.status)
        if view.due_state in ("due_soon", "overdue"):
            status = self.tr("{status}（{due}）").format(status=status, due=label(view.due_state, "DueState"))
        conflict = conflict_of(c)
        if conflict is not None:
            status = self.tr("{status}（有冲突，待处理）").format(status=status)
        self.status_line.setText(self.tr("状态：{status}    窗口：{window}    受理人：{operator}").format(
            status=status, window=window_text(c.window, c.origin) or "—", operator=c.operator)
            + "    " + self.tr("受理设备：{device}").format(device=self.origin_text(view)))
        self.conflict_box.setVisible(conflict is not None)
        if conflict is not None:
            self.conflict_actions.setText("\n".join(f"• {action_text(a, view.devices)}" for a in conflict.actions))
        self._show_facts(view)
        self._show_materials(view)
        self._show_timeline(view)
        self._show_rating(view)
        for action, button in self.buttons.items():
            button.setVisible(action in view.actions)
        # After a rating the citizen's screen records a 追评 (the first rating stays the case's).
        self.buttons[case_actions.EVALUATE].setText(self.tr("追评(&E)") if view.rated else self.tr("好差评(&E)"))
        self.print_menu.clear()
        for kind in view.documents:
            act = self.print_menu.addAction(label(kind, "Document"))  # printing.Kind, named in ui/labels.py
            act.triggered.connect(lambda _=False, k=kind: self.print_document(k))

    def origin_text(self, view: CaseView) -> str:
        """Which device took the case in: "本机", or the other device's name."""
        return view.devices.origin_text(view.case.origin)

    def _show_facts(self, view: CaseView) -> None:
        c = view.case
        a = c.applicant
        phone = f"  {mask_phone(a.phone)}" if a.phone else ""
        values: dict[str, str] = {
            "applicant": f"{a.name}{'  ' + a.name_bo if a.name_bo else ''}  "
                         f"{label(a.id_type, 'IdType')} {_masked(a.id_number, a.id_type)}{phone}",
            "groups": self.tr("{groups}（优先办理）").format(groups="、".join(label(g) for g in c.special_groups))
                      if c.special_groups else "",
            "agent": "",
            "authorisation": "",
            "mode": label(c.mode),
            "items": "\n".join(f"{i.name}（{i.item_code}）" for i in c.items),
            "decision": label(c.decision),
            "received": _day(c.created_at),
            "accepted": _day(c.accepted_at),
            "due": "",
            "outcome": label(c.outcome) if c.outcome else "",
            "delivery": self._delivery_text(view),
            "platform": c.platform_no,
            "verification": c.verification_code,
        }
        if c.agent is not None:
            values["agent"] = self.tr("{name}  {id}（{relation}）").format(
                name=c.agent.name, id=_masked(c.agent.id_number, c.agent.id_type), relation=label(c.agent.relation))
            if c.agent.phone:
                values["agent"] += f"  {mask_phone(c.agent.phone)}"
            values["authorisation"] = authorisation_text(c.agent.authorisation)
        due_tip = ""
        if c.promised_due:
            def due(d: date | None) -> str:
                return self.tr("{due}（暂定）").format(due=_day(d)) if d in view.provisional_dues else _day(d)

            values["due"] = self.tr("承诺 {promised}，法定 {legal}").format(
                promised=due(c.promised_due), legal=due(c.legal_due))
            if view.provisional_dues:
                due_tip = self.tr("{year} 年尚无官方的全国节假日安排：标“暂定”的期限暂按法定节假日计算"
                                  "（不含调休上班），平台发布全国日历后可能变动。").format(
                    year=min(view.provisional_dues).year)
            if view.due_state in ("due_soon", "overdue"):
                values["due"] += "  " + label(view.due_state, "DueState")
        elif c.correction_due and c.status is CaseStatus.correction_requested:
            values["due"] = self.tr("补正期限 {due}").format(due=_day(c.correction_due))
        for key, value in values.items():
            self.fact_values[key].setText(value)
            visible = bool(value)
            self.fact_values[key].setVisible(visible)
            self.fact_labels[key].setVisible(visible)
        due_value = self.fact_values["due"]
        due_value.setToolTip(due_tip)
        due_value.setStyleSheet({"due_soon": "background: #fff3b0; color: #1f1f1f;",
                                 "overdue": "background: #ffc9c9; color: #1f1f1f;"}.get(view.due_state or "", ""))

    def rating_lines(self, view: CaseView) -> list[str]:
        """The case's 差评 work item in words (nothing when the case has no 差评)."""
        f = view.facts
        if f is None or f.bad is None:
            return []
        lines = [self.tr("差评：{level}（{at}）").format(level=label(f.bad, "Evaluation"), at=_when(f.bad_at or ""))]
        if f.rectify_due:
            due = self.tr("整改期限：{due}").format(due=f.rectify_due)
            if self.work_item_overdue(view):
                due += self.tr("（已超期，尚未整改）")
            lines.append(due)
        if f.rectified_at is None:
            lines.append(self.tr("整改：尚未整改"))
        else:
            lines.append(self.tr("整改：{note}（{operator}，{at}）").format(
                note=f.rectify_note, operator=f.rectified_by, at=_when(f.rectified_at)))
        if f.revisited_at is None:
            lines.append(self.tr("回访：待回访") if f.rectified_at is not None else self.tr("回访：整改后回访"))
        else:
            note = self.tr("，{note}").format(note=f.revisit_note) if f.revisit_note else ""
            lines.append(self.tr("回访：{result}（{method}）{note}（{operator}，{at}）").format(
                result=label(f.revisit_result, "RevisitResult"), method=label(f.revisit_method, "RevisitMethod"),
                note=note, operator=f.revisited_by, at=_when(f.revisited_at)))
        return lines

    @staticmethod
    def work_item_overdue(view: CaseView) -> bool:
        """A 差评 not yet rectified whose 整改期限 has passed."""
        f = view.facts
        return (f is not None and f.bad_open and f.rectified_at is None and f.rectify_due is not None
                and view.today is not None and f.rectify_due < view.today.isoformat())

    def _show_rating(self, view: CaseView) -> None:
        lines = self.rating_lines(view)
        self.rating_box.setVisible(bool(lines))
        self.rating_text.setText("\n".join(lines))
        self.rating_text.setStyleSheet("background: #ffc9c9; color: #1f1f1f;" if self.work_item_overdue(view) else "")

    def _delivery_text(self, view: CaseView) -> str:
        c = view.case
        done = next((e for e in reversed(view.events) if e.type == EventType.delivered), None)
        if done is None:
            text = label(c.delivery.method)
            if c.delivery.method is DeliveryMethod.post and c.delivery.address:
                text += self.tr("（{address}）").format(address=c.delivery.address)
            return text
        p = done.payload
        method = label(str(p.get("method", "")), "DeliveryMethod")
        if p.get("method") == DeliveryMethod.counter.value:
            return self.tr("{method}，领取人 {who}，{at}").format(method=method, who=p.get("recipient", ""),
                                                             at=_when(done.at))
        if p.get("method") == DeliveryMethod.post.value:
            return self.tr("{method}，运单号 {no}，{at}").format(method=method, no=p.get("tracking_no", ""),
                                                            at=_when(done.at))
        return self.tr("{method}，{at}").format(method=method, at=_when(done.at))

    def _show_materials(self, view: CaseView) -> None:
        mats = view.case.materials
        self.materials.setRowCount(len(mats))
        for row, m in enumerate(mats):
            state = label(m.state)
            if m.form is not None and m.count:
                state = self.tr("{state}（{form} {count} 份）").format(state=state, form=label(m.form), count=m.count)
            cells = (view.material_names.get(m.material_code, m.material_code), state, _day(m.due_date))
            for col, text in enumerate(cells):
                self.materials.setItem(row, col, QTableWidgetItem(text))
        self.materials.resizeRowsToContents()

    def _show_timeline(self, view: CaseView) -> None:
        self.timeline.clear()
        for ev in view.events:
            chain = chain_of(ev.device)
            if view.devices.is_this(chain) or not view.devices.this.number:
                text = self.tr("{at}  {what}（{operator}）").format(at=_when(ev.at), what=self.describe(ev, view),
                                                                  operator=ev.operator)
            else:  # another device of the station did it: which one
                text = self.tr("{at}  {what}（{operator}，{device}）").format(
                    at=_when(ev.at), what=self.describe(ev, view), operator=ev.operator,
                    device=view.devices.origin_text(chain))
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, ev.type)
            self.timeline.addItem(item)
        self.timeline.scrollToBottom()

    def timeline_texts(self) -> list[str]:
        return [self.timeline.item(i).text() for i in range(self.timeline.count())]

    def describe(self, ev: Event, view: CaseView) -> str:
        """One readable line of what an event did."""
        p: dict[str, Any] = ev.payload
        names = view.material_names

        def mats(codes: list[Any]) -> str:
            return "、".join(names.get(str(c), str(c)) for c in codes)

        t = ev.type
        src = self.tr("（平台）") if p.get("source") == "platform" else ""
        if t == EventType.received:
            return self.tr("收件：{name}，{mode}").format(
                name=(p.get("applicant") or {}).get("name", ""), mode=label(str(p.get("mode", "")), "HandlingMode"))
        if t == EventType.accepted:
            text = self.tr("受理（{decision}）").format(decision=label(str(p.get("decision", "")), "Decision"))
            if p.get("promised_due"):
                text += self.tr("，承诺办结 {due}").format(due=p["promised_due"])
            deferred = [d.get("material") for d in p.get("deferred") or []]
            if deferred:
                text += self.tr("，容缺后补：{materials}").format(materials=mats(deferred))
            return text
        if t == EventType.refused:
            return self.tr("不予受理：{reason}").format(reason=(p.get("refusal") or {}).get("reason", "")
                                                   or p.get("note", ""))
        if t == EventType.correction_requested:
            text = self.tr("一次性告知补正{src}").format(src=src)
            if p.get("missing"):
                text += self.tr("，缺少：{materials}").format(materials=mats(p["missing"]))
            if p.get("due"):
                text += self.tr("，补正期限 {due}").format(due=p["due"])
            return text
        if t == EventType.correction_resumed:
            supplied = [m.get("material_code") for m in p.get("supplied") or []]
            return self.tr("补正材料已收到：{materials}，重新受理，承诺办结 {due}").format(
                materials=mats(supplied) or "—", due=p.get("promised_due", ""))
        if t == EventType.material_supplied:
            text = self.tr("补交材料：{material}").format(material=mats([p.get("material", "")]))
            return text + (self.tr("（逾期）") if p.get("late") else "")
        if t == EventType.in_progress:
            return self.tr("开始办理{src}").format(src=src)
        if t == EventType.special_started:
            return self.tr("特别程序开始{src}：{note}").format(src=src, note=p.get("note", "") or "—")
        if t == EventType.special_ended:
            return self.tr("特别程序结束，时限顺延 {days} 个工作日").format(days=p.get("extended_by", 0))
        if t == EventType.concluded:
            text = self.tr("办结：{outcome}{src}").format(outcome=label(str(p.get("outcome", "")), "Outcome"), src=src)
            if p.get("instant"):
                text += self.tr("（即办）")
            return text + (self.tr("，{note}").format(note=p["note"]) if p.get("note") else "")
        if t == EventType.delivered:
            method = label(str(p.get("method", "")), "DeliveryMethod")
            if p.get("recipient"):
                return self.tr("送达：{method}，领取人 {who}").format(method=method, who=p["recipient"])
            if p.get("tracking_no"):
                return self.tr("送达：{method}，运单号 {no}").format(method=method, no=p["tracking_no"])
            return self.tr("送达：{method}").format(method=method)
        if t == EventType.withdrawn:
            return self.tr("撤回：{reason}").format(reason=p.get("note", "") or "—")
        if t == EventType.amended:
            fields = "、".join(label(str(c.get("field", "")), "AmendField") for c in p.get("changes") or []
                              if isinstance(c, dict))
            return self.tr("更正{fields}：{reason}").format(fields=fields, reason=p.get("reason", "") or "—")
        if t == EventType.commitment_checked:
            return self.tr("告知承诺核查：{result}{note}").format(
                result=label(str(p.get("result", "")), "CommitmentResult"),
                note=self.tr("，{note}").format(note=p["note"]) if p.get("note") else "")
        if t == EventType.revoked:
            return self.tr("撤销受理决定：{reason}").format(reason=p.get("note", "") or "—")
        if t == EventType.trip:
            return self.tr("申请人到窗口（{purpose}）").format(purpose=p.get("purpose", ""))
        if t in (EventType.printed, EventType.reprinted):
            kind = label(str(p.get("kind", "")), "Document")
            if t == EventType.printed:
                return self.tr("打印{kind}").format(kind=kind)
            return self.tr("补打{kind}（副本 {copy}）").format(kind=kind, copy=p.get("copy", ""))
        if t == EventType.evaluated:
            if p.get("follow_up"):  # a rating after the case's first (追评): kept beside it
                if p.get("skipped") or not p.get("level"):
                    return self.tr("好差评（追评）：未评价")
                return self.tr("好差评（追评）：{level}").format(level=label(str(p["level"]), "Evaluation"))
            if p.get("skipped") or not p.get("level"):
                return self.tr("好差评：未评价")
            return self.tr("好差评：{level}").format(level=label(str(p["level"]), "Evaluation"))
        if t == EventType.rectified:
            return self.tr("差评整改：{note}").format(note=p.get("note", "") or "—")
        if t == EventType.revisited:
            return self.tr("差评回访：{result}（{method}）{note}").format(
                result=label(str(p.get("result", "")), "RevisitResult"),
                method=label(str(p.get("method", "")), "RevisitMethod"),
                note=self.tr("，{note}").format(note=p["note"]) if p.get("note") else "")
        if t == EventType.posted:
            return self.tr("材料已寄出（政务专递），运单号 {no}").format(no=p.get("tracking_no", ""))
        if t == EventType.conflict_resolved:
            kept = next((e for e in view.events if e.hash == p.get("keep")), None)
            what = self.describe(kept, view) if kept is not None and kept.type != t else "—"
            text = self.tr("处理冲突：保留“{what}”，状态 {status}").format(
                what=what, status=label(str(p.get("status", "")), "CaseStatus"))
            return text + (self.tr("，{note}").format(note=p["note"]) if p.get("note") else "")
        if t == EventType.platform_status:
            return self.tr("平台状态：{status}").format(status=label(str(p.get("status", "")), "CaseStatus"))
        return label(t, "EventType")

    # -- actions --------------------------------------------------------------------------------
    def start_action(self, action: str) -> None:
        view = self.view
        if view is None or action not in view.actions:
            return
        case_no = view.case.case_no
        if action == case_actions.EVALUATE:
            self.evaluate.emit(case_no)
            return
        if action == case_actions.PRINT:
            button = self.buttons[case_actions.PRINT]
            self.print_menu.popup(button.mapToGlobal(button.rect().bottomLeft()))
            return
        if action == case_actions.SCANS:
            scans = ScansDialog(self.session, view.case, view.material_names, self)
            scans.changed.connect(lambda: self._changed(case_no))
            scans.finished.connect(lambda _r: setattr(self, "scans_dialog", None))
            self.scans_dialog = scans
            scans.open()
            return
        dialog = make_dialog(action, self.session, view.case, view.material_names, self, devices=view.devices)
        dialog.completed.connect(lambda _case: self._changed(case_no))
        dialog.finished.connect(lambda _r: self._dialog_closed(dialog))
        self.dialog = dialog
        dialog.open()

    def _dialog_closed(self, dialog: ActionDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
        dialog.deleteLater()

    def _changed(self, case_no: str) -> None:
        if case_no == self.case_no:
            self._load(log_access=False)
        self.session.data_changed.emit(case_no)

    def print_document(self, kind: str) -> None:
        view = self.view
        if view is None or kind not in view.documents:
            return
        show_document(self.session, kind, view.case.case_no, self)
