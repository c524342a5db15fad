"""Step 3: the materials checklist. Each material: received (original/copy, how many), electronic
licence (grade A–D), deferred (due date; only when the catalogue allows), missing (what is missing,
for the one-time notice), covered by the written commitment, or, for a situational (non-required)
material, 无此情形 (it does not apply to this applicant: no notice asks for it). A material nobody
has touched yet reads 未选 (submitted, it counts as missing when required and as 无此情形 when
situational), so it is never mistaken for one marked 缺少 on purpose. Scans are picked here and
added to the case after submit.

Keyboard: Tab goes row by row (state, then the state's own fields, then 扫描件). The states come
in one order for every material (``STATE_ORDER``; what a material cannot be is greyed and skipped
by ↑/↓), and each has a letter (``STATE_KEYS``): the same physical key on a Latin keyboard and on
the national-standard Tibetan layout (GB/T 22034, xkb ``cn(tib)``), where it gives the Tibetan
letter shown beside it; a non-editable combo box gets no input method, so a Chinese IME does not
take the key. Alt+A marks every untouched material as received (never one the clerk has chosen);
Ctrl+Z takes such a bulk change back (Ctrl+Shift+Z / Ctrl+Y again); Ctrl+O picks scans for the
row that has the focus.
"""

from __future__ import annotations

from datetime import date
from itertools import pairwise
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut, QStandardItemModel, QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.models import HandlingMode, LicenceGrade, MaterialEntry, MaterialForm, MaterialState
from app.services.cases import ChecklistLine, due_date_problem, material_required
from ui.intake.draft import Chosen
from ui.intake.fields import HINT_STYLE, DateField, ProblemLabel, Step, problem_text
from ui.labels import choices, label
from ui.session import Session

# One order of the states for every material (what a material cannot be is shown greyed).
STATE_ORDER = (MaterialState.received, MaterialState.e_licence, MaterialState.deferred, MaterialState.missing,
               MaterialState.committed, MaterialState.not_applicable)
# The key of each state: the Latin letter (pinyin of 收, 电, 容, 缺, 承, 无) and the Tibetan letter the
# same key gives on the national-standard Tibetan layout.
STATE_KEYS: dict[MaterialState, tuple[str, str]] = {
    MaterialState.received: ("S", "ས"),
    MaterialState.e_licence: ("D", "ད"),
    MaterialState.deferred: ("R", "ར"),
    MaterialState.missing: ("Q", "ཅ"),
    MaterialState.committed: ("C", "ཀ"),
    MaterialState.not_applicable: ("W", "ཆ"),
}
UNTOUCHED = ""  # the combo box's data of 未选
_PAGES: tuple[MaterialState | None, ...] = (None, *STATE_ORDER)


def state_for_key(event: QKeyEvent) -> MaterialState | None:
    """The state whose key this is (Latin key code, or the character on a Tibetan layout)."""
    mods = event.modifiers() & ~(Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.KeypadModifier)
    if mods != Qt.KeyboardModifier.NoModifier:
        return None
    text = event.text()
    for state, (latin, tibetan) in STATE_KEYS.items():
        if event.key() == getattr(Qt.Key, f"Key_{latin}") or text.upper() == latin or text == tibetan:
            return state
    return None


def showing_tibetan() -> bool:
    return QLocale().language() == QLocale.Language.Tibetan


class StateCombo(QComboBox):
    """The state of one material: ↑/↓ in the one order, or the state's letter."""

    letter = Signal(object)  # the MaterialState whose key was pressed

    def keyPressEvent(self, event: QKeyEvent) -> None:  # Qt's name
        state = state_for_key(event)
        if state is None:
            super().keyPressEvent(event)
            return
        event.accept()
        self.letter.emit(state)


class MaterialRow:
    """The widgets of one checklist line."""

    def __init__(self, line: ChecklistLine, allow_commitment: bool, default_due: date | None) -> None:
        m = line.material
        self.line = line
        self.files: list[Path] = []
        self.name = QLabel()
        self.name.setWordWrap(True)
        self.state = StateCombo()
        self.state.setObjectName(f"state:{m.code}")
        self.name.setBuddy(self.state)
        allowed = {MaterialState.received, MaterialState.missing}
        if m.e_licence_type:
            allowed.add(MaterialState.e_licence)
        if m.deferrable:
            allowed.add(MaterialState.deferred)
        if allow_commitment:
            allowed.add(MaterialState.committed)
        self._allowed = allowed  # and 无此情形 while the material is not required (the mode may change that)
        self.required = material_required(line, HandlingMode.in_person)
        self.states = self._states()  # what this material may be, in the one order

        self.details = QStackedWidget()
        untouched = QWidget()
        received = QWidget()
        self.form = QComboBox()
        self.form.setObjectName(f"form:{m.code}")
        self.count = QSpinBox()
        self.count.setObjectName(f"count:{m.code}")
        self.count.setRange(1, 99)
        self.count_label = QLabel()
        self.count_label.setBuddy(self.count)
        box = QHBoxLayout(received)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.form)
        box.addWidget(self.count_label)
        box.addWidget(self.count)
        box.addStretch(1)
        licence = QWidget()
        self.grade = QComboBox()
        self.grade.setObjectName(f"grade:{m.code}")
        self.grade_label = QLabel()
        self.grade_label.setBuddy(self.grade)
        box = QHBoxLayout(licence)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.grade_label)
        box.addWidget(self.grade)
        box.addStretch(1)
        deferred = QWidget()
        self.due = DateField()
        self.due.setObjectName(f"due:{m.code}")
        self.due.set_value(default_due)
        self.due_label = QLabel()
        self.due_label.setBuddy(self.due)
        box = QHBoxLayout(deferred)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.due_label)
        box.addWidget(self.due, 1)
        missing = QWidget()
        self.note = QLineEdit()
        self.note.setObjectName(f"note:{m.code}")
        box = QHBoxLayout(missing)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.note)
        self.committed = QLabel()
        self.committed.setWordWrap(True)
        self.not_applicable = QLabel()
        self.not_applicable.setWordWrap(True)
        for page in (untouched, received, licence, deferred, missing, self.committed, self.not_applicable):
            self.details.addWidget(page)
        self.scan = QPushButton()
        self.scan.setObjectName(f"scan:{m.code}")
        self.problem = ProblemLabel()
        self.rule = QFrame()
        self.rule.setFrameShape(QFrame.Shape.HLine)
        self.rule.setFrameShadow(QFrame.Shadow.Sunken)
        self._why_not: dict[MaterialState, str] = {}
        self.state.currentIndexChanged.connect(self._state_changed)
        self.state.letter.connect(self.pick)

    def _states(self) -> list[MaterialState]:
        allowed = self._allowed | ({MaterialState.not_applicable} if not self.required else set())
        return [s for s in STATE_ORDER if s in allowed]

    @property
    def key(self) -> tuple[str, str]:
        return self.line.item_code, self.line.material.code

    def widgets(self) -> list[QWidget]:
        return [self.state, self.form, self.count, self.grade, self.due, self.note, self.scan]

    def retranslate(self, step: MaterialsStep) -> None:
        m = self.line.material
        required = self.required = material_required(self.line, step.mode)
        self.states = self._states()
        marks = [QCoreApplication.translate("MaterialsStep", "必要") if required
                 else QCoreApplication.translate("MaterialsStep", "非必要")]
        if m.deferrable:
            marks.append(QCoreApplication.translate("MaterialsStep", "可容缺"))
        wants = []
        if m.originals:
            wants.append(QCoreApplication.translate("MaterialsStep", "原件 {n}").format(n=m.originals))
        if m.copies:
            wants.append(QCoreApplication.translate("MaterialsStep", "复印件 {n}").format(n=m.copies))
        self.name.setText(f"<b>{m.name.zh}</b>" + (f" {m.name.bo}" if m.name.bo else "")
                          + f"<br/>{'、'.join(marks)}" + (f" · {'，'.join(wants)}" if wants else ""))
        self.name.setToolTip(m.notes)
        self._why_not = {
            MaterialState.e_licence: QCoreApplication.translate("MaterialsStep", "本材料没有可替代的电子证照"),
            MaterialState.deferred: QCoreApplication.translate("MaterialsStep", "本材料不可容缺"),
            MaterialState.committed: QCoreApplication.translate("MaterialsStep", "本事项不适用告知承诺"),
            MaterialState.not_applicable: QCoreApplication.translate("MaterialsStep", "必要材料不能选“无此情形”"),
        }
        current = self.chosen_state()
        tibetan = showing_tibetan()
        self.state.blockSignals(True)
        self.state.clear()
        self.state.addItem(QCoreApplication.translate("MaterialsStep", "未选"), UNTOUCHED)
        for s in STATE_ORDER:
            latin, tib = STATE_KEYS[s]
            key = f"{latin} {tib}" if tibetan else latin
            text = QCoreApplication.translate("MaterialsStep", "{state}　{key}").format(state=label(s), key=key)
            self.state.addItem(text, s.value)
        model = self.state.model()
        assert isinstance(model, QStandardItemModel)
        untouched_item = model.item(0)
        untouched_item.setEnabled(False)  # where a row starts; ↑/↓ never come back to it
        untouched_item.setToolTip(
            QCoreApplication.translate("MaterialsStep", "尚未选择：提交时按缺少处理") if required
            else QCoreApplication.translate("MaterialsStep", "尚未选择：非必要材料按“无此情形”处理，不列入告知书"))
        for n, s in enumerate(STATE_ORDER, start=1):
            if s not in self.states:
                model.item(n).setEnabled(False)
                model.item(n).setToolTip(self._why_not.get(s, ""))
        self.state.setCurrentIndex(self._index(current))
        self.state.blockSignals(False)
        form = self.form.currentData()
        self.form.clear()
        for code, text in choices("MaterialForm"):
            self.form.addItem(text, code)
        default_form = MaterialForm.original.value if m.originals or not m.copies else MaterialForm.copy.value
        self.form.setCurrentIndex(max(0, self.form.findData(form or default_form)))
        if self.count.value() == 1 and not form:
            self.count.setValue(max(1, m.originals if default_form == MaterialForm.original.value else m.copies))
        self.count_label.setText(QCoreApplication.translate("MaterialsStep", "份数"))
        grade = self.grade.currentData()
        self.grade.clear()
        self.grade.addItem(QCoreApplication.translate("MaterialsStep", "请选择"), "")
        for g in LicenceGrade:
            self.grade.addItem(QCoreApplication.translate("MaterialsStep", "{grade} 级").format(grade=g.value), g.value)
        self.grade.setCurrentIndex(max(0, self.grade.findData(grade or "")))
        self.grade_label.setText(QCoreApplication.translate("MaterialsStep", "可信等级"))
        self.grade.setToolTip(m.e_licence_type or "")
        self.due_label.setText(QCoreApplication.translate("MaterialsStep", "补交期限"))
        self.note.setPlaceholderText(
            QCoreApplication.translate("MaterialsStep", "缺什么、要补正什么（写入一次性告知书）"))
        self.committed.setText(QCoreApplication.translate("MaterialsStep", "以申请人书面承诺代替"))
        self.not_applicable.setText(QCoreApplication.translate("MaterialsStep", "申请人无此情形，不需要这份材料"))
        scans = (QCoreApplication.translate("MaterialsStep", "扫描件（{n}）…").format(n=len(self.files)) if self.files
                 else QCoreApplication.translate("MaterialsStep", "扫描件…"))
        self.scan.setText(scans)
        self.details.setCurrentIndex(_PAGES.index(current))

    @staticmethod
    def _index(state: MaterialState | None) -> int:
        return _PAGES.index(state)

    def chosen_state(self) -> MaterialState | None:
        """What the clerk chose; None while the row is untouched (未选)."""
        data = self.state.currentData()
        return MaterialState(str(data)) if data else None

    def value_state(self) -> MaterialState:
        """The state the core gets: an untouched row is a missing material when it is required, and
        无此情形 when it is situational (a notice lists it only when the clerk marks it 缺少)."""
        return self.chosen_state() or (MaterialState.missing if self.required else MaterialState.not_applicable)

    def set_state(self, state: MaterialState | None) -> None:
        if state is None or state in self.states:
            self.state.setCurrentIndex(self._index(state))

    def pick(self, state: MaterialState) -> None:
        """The state's letter was pressed: that state, or why this material cannot be it."""
        if state in self.states:
            self.set_state(state)
            self.problem.clear_text()
        else:
            self.problem.show_text(self._why_not.get(state, ""))

    def _state_changed(self) -> None:
        self.details.setCurrentIndex(_PAGES.index(self.chosen_state()))
        self.problem.clear_text()

    def entry(self) -> MaterialEntry:
        m = self.line.material
        state = self.value_state()
        e = MaterialEntry(item_code=self.line.item_code, material_code=m.code, state=state)
        if state is MaterialState.received:
            e.form = MaterialForm(str(self.form.currentData()))
            e.count = self.count.value()
        elif state is MaterialState.e_licence:
            e.licence_type = m.e_licence_type
            grade = str(self.grade.currentData() or "")
            e.licence_grade = LicenceGrade(grade) if grade else None
        elif state is MaterialState.deferred:
            try:
                e.due_date = self.due.value()
            except ValueError:
                e.due_date = None
        elif state is MaterialState.missing and self.chosen_state() is not None:
            e.note = self.note.text().strip()
        return e

    def local_problem(self, today: date) -> str | None:
        """The core's problem code for this row as it stands, checked before submit."""
        state = self.value_state()
        if state is MaterialState.not_applicable and self.required:
            return "not_applicable_required"  # chosen while situational; the mode (代办) made it required
        if state is MaterialState.e_licence and not self.grade.currentData():
            return "licence_grade_missing"
        if state is MaterialState.deferred:
            try:
                due = self.due.value()
            except ValueError:
                return "bad_format"
            if due is None:
                return "due_date_missing"
            return due_date_problem(due, today)
        return None


class FillUntouched(QUndoCommand):
    """Alt+A: the untouched rows become received; undone, those still received are untouched again."""

    def __init__(self, rows: list[MaterialRow], text: str) -> None:
        super().__init__(text)
        self.rows = rows

    def redo(self) -> None:  # Qt's name
        for row in self.rows:
            if row.chosen_state() is None:
                row.set_state(MaterialState.received)

    def undo(self) -> None:  # Qt's name
        for row in self.rows:
            if row.chosen_state() is MaterialState.received:  # a row changed by hand since stays
                row.set_state(None)


class MaterialsStep(Step):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.rows: list[MaterialRow] = []
        self.chosen: Chosen | None = None
        self.mode = HandlingMode.in_person
        self.undo_stack = QUndoStack(self)
        self.overview = QLabel()
        self.overview.setWordWrap(True)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet(HINT_STYLE)
        self.all_received = QPushButton()
        self.all_received.setObjectName("allReceived")
        self.all_received.clicked.connect(self.mark_rest_received)
        top = QHBoxLayout()
        top.addWidget(self.overview, 1)
        top.addWidget(self.all_received)
        self.grid_holder = QWidget()
        self.grid = QGridLayout(self.grid_holder)
        self.grid.setColumnStretch(0, 3)
        self.grid.setColumnStretch(2, 2)
        holder = QWidget()
        column = QVBoxLayout(holder)
        column.addWidget(self.grid_holder)
        column.addStretch(1)
        layout = QVBoxLayout(self)  # the intake page scrolls the step (its navigation stays in view)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.hint)
        layout.addLayout(top)
        layout.addWidget(holder, 1)
        self.attach_shortcut = QShortcut(QKeySequence("Ctrl+O"), self)
        self.attach_shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.attach_shortcut.activated.connect(self._attach_focused)
        for keys, slot in (("Ctrl+Z", self.undo_stack.undo), ("Ctrl+Shift+Z", self.undo_stack.redo),
                           ("Ctrl+Y", self.undo_stack.redo)):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
        self.retranslate()

    def title(self) -> str:
        return self.tr("材料")

    def retranslate(self) -> None:
        tibetan = showing_tibetan()
        keys = "　".join(f"{latin}{'/' + tib if tibetan else ''} {label(s)}" for s, (latin, tib) in STATE_KEYS.items())
        self.hint.setText(self.tr("逐项登记收到的材料：Tab 逐项移动，↑↓ 或字母键改状态（{keys}）；"
                                  "Alt+A 未选的全部已收，Ctrl+Z 撤销；Ctrl+O 为当前材料添加扫描件"
                                  "（提交后存入办件）。缺少的材料可写明缺什么，用于一次性告知书。").format(keys=keys))
        self.all_received.setText(self.tr("未选的全部已收(&A)"))
        self.all_received.setToolTip(self.tr("只填未选的材料，已标为缺少等的不变；Ctrl+Z 撤销"))
        for row in self.rows:
            row.retranslate(self)
        self._overview()

    def first_field(self) -> QWidget | None:
        return self.rows[0].state if self.rows else self.all_received

    # -- the checklist ------------------------------------------------------------------------
    def set_mode(self, mode: HandlingMode) -> None:
        """The handling mode (代办 makes the catalogue's 授权委托书 required)."""
        if mode is not self.mode:
            self.mode = mode
            for row in self.rows:
                row.retranslate(self)
            self._overview()

    def set_chosen(self, chosen: Chosen | None) -> None:
        """A (new) item or bundle: a fresh checklist; nothing of the old one is kept."""
        self.chosen = chosen
        self.undo_stack.clear()
        for row in self.rows:
            for w in (row.name, row.details, row.scan, row.problem, row.state, row.rule):
                w.setParent(None)
                w.deleteLater()
        self.rows = []
        if chosen is None:
            self._overview()
            return
        for n, line in enumerate(chosen.lines):
            row = MaterialRow(line, chosen.commitment_allowed, chosen.default_due)
            r = 3 * n
            self.grid.addWidget(row.name, r, 0)
            self.grid.addWidget(row.state, r, 1, Qt.AlignmentFlag.AlignTop)
            self.grid.addWidget(row.details, r, 2, Qt.AlignmentFlag.AlignTop)
            self.grid.addWidget(row.scan, r, 3, Qt.AlignmentFlag.AlignTop)
            self.grid.addWidget(row.problem, r + 1, 0, 1, 4)
            self.grid.addWidget(row.rule, r + 2, 0, 1, 4)
            row.scan.clicked.connect(lambda _=False, rw=row: self.attach(rw))
            for field in (row.state, row.form, row.count, row.grade):
                signal = field.valueChanged if isinstance(field, QSpinBox) else field.currentIndexChanged
                signal.connect(self._edited)
            row.due.textChanged.connect(self._edited)
            row.note.textChanged.connect(self._edited)
            self.rows.append(row)
            row.retranslate(self)
        order = [w for row in self.rows for w in row.widgets()]
        for a, b in pairwise(order):
            QWidget.setTabOrder(a, b)
        self._overview()

    def _edited(self) -> None:
        self._overview()
        self.changed.emit()

    def _overview(self) -> None:
        if not self.rows:
            self.overview.setText(self.tr("请先选择事项"))
            return
        counts: dict[MaterialState | None, int] = {s: 0 for s in (None, *MaterialState)}
        for row in self.rows:
            counts[row.chosen_state()] += 1
        required_missing = sum(1 for row in self.rows
                               if material_required(row.line, self.mode) and row.value_state() is MaterialState.missing)
        self.overview.setText(self.tr("共 {n} 项：未选 {untouched}，已收 {received}，电子证照 {licence}，"
                                      "容缺 {deferred}，缺少 {missing}，承诺代替 {committed}，无此情形 {none}；"
                                      "必要材料缺少 {required}（未选的必要材料按缺少，非必要材料按无此情形）").format(
            n=len(self.rows), untouched=counts[None], received=counts[MaterialState.received],
            licence=counts[MaterialState.e_licence], deferred=counts[MaterialState.deferred],
            missing=counts[MaterialState.missing], required=required_missing,
            committed=counts[MaterialState.committed], none=counts[MaterialState.not_applicable]))

    def mark_rest_received(self) -> None:
        """Alt+A: every untouched material received (one step for Ctrl+Z); a chosen state is kept."""
        untouched = [row for row in self.rows if row.chosen_state() is None]
        if untouched:
            self.undo_stack.push(FillUntouched(untouched, self.tr("未选的全部已收")))
        if self.rows:
            self.rows[0].state.setFocus()

    def entries(self) -> list[MaterialEntry]:
        return [row.entry() for row in self.rows]

    def files(self) -> dict[tuple[str, str], list[Path]]:
        return {row.key: list(row.files) for row in self.rows if row.files}

    # -- scans --------------------------------------------------------------------------------
    def _attach_focused(self) -> None:
        focus = self.focusWidget()
        for row in self.rows:
            if focus is not None and any(w is focus or w.isAncestorOf(focus) for w in row.widgets()):
                self.attach(row)
                return
        if self.rows:
            self.attach(self.rows[0])

    def attach(self, row: MaterialRow) -> None:
        names, _filter = QFileDialog.getOpenFileNames(
            self, self.tr("选择“{name}”的扫描件").format(name=row.line.material.name.zh), "",
            self.tr("扫描件 (*.jpg *.jpeg *.png *.pdf);;所有文件 (*)"))
        if names:
            row.files.extend(Path(n) for n in names)
            row.retranslate(self)
            self.changed.emit()
        row.scan.setFocus()

    # -- the flow -----------------------------------------------------------------------------
    def check(self) -> bool:
        today = self.session.clock.today()
        first: QWidget | None = None
        for row in self.rows:
            problem = row.local_problem(today)
            if problem:
                row.problem.show_text(problem_text({"problem": problem}))
                first = first or row.state
            else:
                row.problem.clear_text()
        if first is not None:
            first.setFocus()
        return first is None

    def show_problems(self, problems: list[dict[str, str]]) -> list[dict[str, str]]:
        left = []
        first: QWidget | None = None
        by_key = {f"materials.{row.key[0]}.{row.key[1]}": row for row in self.rows}
        for p in problems:
            where = p.get("field", "")
            row = by_key.get(where)
            if row is None and where.startswith("materials[") and where.endswith("]"):
                index = int(where[len("materials["):-1])
                row = self.rows[index] if 0 <= index < len(self.rows) else None
            if row is None:
                left.append(p)
                continue
            row.problem.show_text(problem_text(p))
            first = first or row.state
        if first is not None:
            first.setFocus()
        return left

    def summary(self) -> list[tuple[str, str]]:
        out = []
        for row in self.rows:
            e = row.entry()
            text = label(e.state) if row.chosen_state() is not None else self.tr("未选（按缺少）")
            if e.state is MaterialState.received and e.form:
                text += f"（{label(e.form)} × {e.count}）"
            elif e.state is MaterialState.e_licence and e.licence_grade:
                text += f"（{e.licence_grade.value}）"
            elif e.state is MaterialState.deferred and e.due_date:
                text += self.tr("（{due} 前补交）").format(due=e.due_date.isoformat())
            if row.files:
                text += self.tr("，扫描件 {n} 份").format(n=len(row.files))
            out.append((row.line.material.name.zh, text))
        return out

    def reset(self) -> None:
        self.set_chosen(None)
