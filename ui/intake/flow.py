"""受理: the step-by-step intake flow, entirely from the keyboard.

    1 找事项 → 2 申请人 → 3 材料 → 4 决定 → 5 送达与提交 → 完成 (打印, 评价, 新的受理)

Keyboard: Alt+→ or Ctrl+Enter go on (on step 5: submit), Alt+← goes back, Alt+N/Alt+B are the
buttons' mnemonics, Alt+Q drops the intake. Focus lands in the first field of every step.

The page keeps what was typed while the counter is locked (the window only hides it) and drops
everything in ``clear()`` (logout). ``start()`` begins a new intake only when none is under way
or the last one was submitted; ``start_new()`` (新受理, Ctrl+N) begins an empty one and offers a
draft left behind explicitly (继续上一位 / 放弃并新建).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from html import escape

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.errors import DecisionNotAllowed, ValidationError
from app.models import Case, Decision, IntakeRequest
from app.services import cases
from ui.documents import show_document
from ui.errors import message_for
from ui.intake import draft
from ui.intake.applicant_step import ApplicantStep
from ui.intake.decision_step import DecisionStep
from ui.intake.delivery_step import DeliveryStep
from ui.intake.done_step import DoneStep
from ui.intake.draft import DECISION, DELIVERY, DONE, FIND, MATERIALS, Chosen
from ui.intake.fields import HINT_STYLE, Step, heading
from ui.intake.find_step import FindStep
from ui.intake.materials_step import MaterialsStep
from ui.labels import label
from ui.page import Page, scrolling
from ui.print_preview import PrintPreviewDialog
from ui.session import Session

log = logging.getLogger(__name__)

DECIDE_DEBOUNCE_MS = 120


class IntakePage(Page):
    scrolls_itself = True  # the steps scroll, the navigation bar does not
    # The first step keeps the name the tests and the screenshots know it by. It hides QWidget.find
    # (a static lookup of a widget by its native window id, which nothing calls on a page): the
    # stubs rightly call that an incompatible override, and the name is kept on purpose.
    find: FindStep  # type: ignore[assignment]

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.case: Case | None = None  # the submitted case (the flow is finished)
        self.dirty = False  # something was typed or chosen since the last new intake
        self.submitting = False
        self.preview: PrintPreviewDialog | None = None
        self.draft_box: QMessageBox | None = None  # 继续上一位 / 放弃并新建, while it is asked
        self._eval_gen = 0
        self._eval_waiters: list[Callable[[], None]] = []

        self.heading = QLabel()
        self.heading.setObjectName("intakeHeading")
        heading(self.heading)
        self.progress = QLabel()
        self.progress.setObjectName("intakeProgress")
        self.progress.setWordWrap(True)
        self.find = FindStep(session)
        self.applicant = ApplicantStep(session)
        self.applicant.open_case.connect(self.open_case.emit)  # an earlier case the warning names
        self.materials = MaterialsStep(session)
        self.decision = DecisionStep(session)
        self.delivery = DeliveryStep(session)
        self.done = DoneStep()
        self.steps: list[Step] = [self.find, self.applicant, self.materials, self.decision, self.delivery,
                                  self.done]
        self.stack = QStackedWidget()
        for step in self.steps:
            self.stack.addWidget(step)
            step.changed.connect(self._changed)

        self.discard_button = QPushButton()
        self.discard_button.setObjectName("discardIntake")
        self.back_button = QPushButton()
        self.back_button.setObjectName("back")
        self.next_button = QPushButton()
        self.next_button.setObjectName("next")
        self.discard_button.clicked.connect(self.discard)
        self.back_button.clicked.connect(self.go_back)
        self.next_button.clicked.connect(self.go_next)
        self.keys_hint = QLabel()
        self.keys_hint.setWordWrap(True)
        self.keys_hint.setStyleSheet(HINT_STYLE)
        self.nav = QWidget()
        bar = QHBoxLayout(self.nav)
        bar.setContentsMargins(0, 0, 0, 0)
        bar.addWidget(self.discard_button)
        bar.addStretch(1)
        bar.addWidget(self.back_button)
        bar.addWidget(self.next_button)

        # The heading, the progress and the step scroll (at 200 % and in Tibetan a step needs more
        # room than the screen has); the navigation bar stays under them, always in view.
        content = QWidget()
        column = QVBoxLayout(content)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.heading)
        column.addWidget(self.progress)
        column.addWidget(self.keys_hint)  # here it may wrap; in the bar it took the step's room at 200 %
        column.addWidget(self.stack, 1)
        self.content_area = scrolling(content)
        app = QApplication.instance()
        if isinstance(app, QApplication):  # the field with the keyboard is always in view, however it got it
            app.focusChanged.connect(self._follow_focus)
        layout = QVBoxLayout(self)
        layout.addWidget(self.content_area, 1)
        layout.addWidget(self.nav)

        for keys, slot in (("Alt+Right", self.go_next), ("Ctrl+Return", self.go_next), ("Ctrl+Enter", self.go_next),
                           ("Alt+Left", self.go_back)):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)

        self._decide_timer = QTimer(self)
        self._decide_timer.setSingleShot(True)
        self._decide_timer.setInterval(DECIDE_DEBOUNCE_MS)
        self._decide_timer.timeout.connect(lambda: self._evaluate())

        self.find.chosen_changed.connect(self._chosen_changed)
        self.find.proceed.connect(self.go_next)
        self.done.print_requested.connect(self.print_document)
        self.done.evaluate_requested.connect(self._ask_evaluation)
        self.done.open_requested.connect(lambda: self.case and self.open_case.emit(self.case.case_no))
        self.done.new_requested.connect(self.new_intake)
        self.retranslate()
        self._show_step(FIND, focus=False)

    # -- texts --------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.heading.setText(self.tr("受理"))
        self.discard_button.setText(self.tr("放弃本次受理(&Q)"))
        self.back_button.setText(self.tr("上一步(&B)"))
        self.back_button.setToolTip(self.tr("Alt+← 回到上一步，已填的内容都保留"))
        self._show_progress()

    def _show_progress(self) -> None:
        index = self.stack.currentIndex()
        parts = []
        for n, step in enumerate(self.steps[:DONE]):
            text = escape(f"{n + 1} {step.title()}")
            parts.append(f"<b><u>{text}</u></b>" if n == index else text)
        if index == DONE:
            parts.append(f"<b><u>{escape(self.done.title())}</u></b>")
        self.progress.setText(" › ".join(parts))
        if index == DELIVERY:
            self.next_button.setText(self.tr("提交(&N)"))
            self.keys_hint.setText(self.tr("Alt+← 上一步　Ctrl+回车 提交"))
        else:
            self.next_button.setText(self.tr("下一步(&N)"))
            self.keys_hint.setText(self.tr("Alt+← 上一步　Alt+→ 或 Ctrl+回车 下一步"))
        self.next_button.setToolTip(self.keys_hint.text())

    # -- the page's life ----------------------------------------------------------------------
    def start(self, case_no: str | None = None) -> None:
        """The page is opened: a new intake unless one is under way (kept across a lock)."""
        if self.case is not None or not self.dirty:
            self.new_intake()
        else:
            self._focus_current()

    def start_new(self) -> None:
        """新受理 (Ctrl+N): an empty intake. A draft left behind is never resumed silently (new typing
        would land in the last citizen's fields): the clerk is asked 继续上一位 / 放弃并新建."""
        if self.case is not None or not self.dirty:
            self.new_intake()
            return
        if self.draft_box is not None:
            self.draft_box.raise_()
            self.draft_box.activateWindow()
            return
        who = self.applicant.party().name or (self.find.chosen.name.zh if self.find.chosen else "")
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("新受理"),
                          self.tr("上一位群众的受理还没有提交（{who}）。继续办理上一位，还是放弃它并新建空白受理？")
                          .format(who=who or self.tr("未填姓名")), QMessageBox.StandardButton.NoButton, self)
        keep = box.addButton(self.tr("继续上一位(&C)"), QMessageBox.ButtonRole.RejectRole)
        drop = box.addButton(self.tr("放弃并新建(&N)"), QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(keep)  # Enter or Esc: nothing is lost
        box.setEscapeButton(keep)
        box.setWindowModality(Qt.WindowModality.WindowModal)
        box.finished.connect(lambda _r: self._draft_answered(box, box.clickedButton() is drop))
        self.draft_box = box
        box.open()
        box.activateWindow()  # the keys go to the question, not to the draft's fields behind it
        keep.setFocus()

    def _draft_answered(self, box: QMessageBox, drop: bool) -> None:
        if self.draft_box is box:
            self.draft_box = None
        box.deleteLater()
        self.window().activateWindow()
        if drop:
            self.new_intake()
        else:
            self._focus_current()

    def refresh(self) -> None:
        """Nothing to load: the flow loads what it needs as the clerk goes."""

    def clear(self) -> None:
        """Logout: every personal value goes, and any open preview with it."""
        if self.draft_box is not None:
            box, self.draft_box = self.draft_box, None
            box.finished.disconnect()
            box.close()
            box.deleteLater()
        self._close_preview()
        self._reset()
        self._show_step(FIND, focus=False)

    def new_intake(self) -> None:
        self._close_preview()
        self._reset()
        self._show_step(FIND)

    def _reset(self) -> None:
        self._decide_timer.stop()
        self._eval_gen += 1
        self._eval_waiters = []
        self.submitting = False
        self.case = None
        for step in self.steps:
            step.reset()
        self.dirty = False
        self._update_nav()

    def discard(self) -> None:
        if self.dirty:
            buttons = QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
            answer = QMessageBox.question(self, self.tr("放弃本次受理"),
                                          self.tr("已填写的内容将全部清除，确定放弃吗？"),
                                          buttons, QMessageBox.StandardButton.No)
            if answer != QMessageBox.StandardButton.Yes:
                return
        self.new_intake()

    def _close_preview(self) -> None:
        if self.preview is not None:
            self.preview.close()
            self.preview.deleteLater()
            self.preview = None

    # -- moving between steps -----------------------------------------------------------------
    def current(self) -> int:
        return self.stack.currentIndex()

    def _show_step(self, index: int, focus: bool = True) -> None:
        for n, step in enumerate(self.steps):  # the page as tall as the step shown, not as the tallest step
            policy = QSizePolicy.Policy.Preferred if n == index else QSizePolicy.Policy.Ignored
            step.setSizePolicy(policy, policy)
        self.stack.setCurrentIndex(index)
        self._show_progress()
        self._update_nav()
        if index == DECISION:
            self._evaluate(then=self._focus_decision)
        elif index == DELIVERY:
            party = self.applicant.party()
            agent = self.applicant.agent()  # 代办: the result goes to the agent, unless the clerk says otherwise
            self.delivery.prefill(self.applicant.address_text(), agent.name if agent else party.name,
                                  agent.phone if agent else party.phone)
            self._show_summary()
        if focus:
            self.steps[index].enter()

    def _follow_focus(self, _old: QWidget | None, new: QWidget | None) -> None:
        content = self.content_area.widget()
        if new is not None and content is not None and content.isAncestorOf(new):
            self.content_area.ensureWidgetVisible(new)

    def _focus_current(self) -> None:
        self.steps[self.current()].enter()

    def _focus_decision(self) -> None:
        focus = self.focusWidget()
        if self.current() == DECISION and (focus is None or focus in self.decision.radios.values()):
            self.decision.enter()

    def _update_nav(self) -> None:
        index = self.current()
        self.nav.setVisible(index != DONE)
        self.back_button.setEnabled(index > FIND and not self.submitting)
        self.next_button.setEnabled(not self.submitting)

    def go_back(self) -> None:
        index = self.current()
        if self.submitting or index in (FIND, DONE):
            return
        self._show_step(index - 1)

    def go_next(self) -> None:
        index = self.current()
        if self.submitting or index == DONE:
            return
        if index == FIND and self.find.loading:  # Enter typed while the item loads: go on once it is there
            self.session.run(lambda st: None, lambda _r: self.go_next())
            return
        if index in (MATERIALS, DECISION) and self._decide_timer.isActive():
            self._evaluate(then=self.go_next)
            return
        step = self.steps[index]
        if not step.check():
            return
        if index == DELIVERY:
            self.submit()
            return
        self._show_step(index + 1)

    # -- decisions, on the worker -------------------------------------------------------------
    def _changed(self) -> None:
        self.dirty = True
        sender = self.sender()
        if sender is self.applicant:
            mode = self.applicant.handling_mode()
            if mode is not self.materials.mode:  # 代办 makes the catalogue's 授权委托书 required
                self.materials.set_mode(mode)
                self._decide_timer.start()
        if sender in (self.materials, self.decision):
            self._decide_timer.start()
        if sender is self.delivery and self.current() == DELIVERY:
            self._show_summary()

    def _chosen_changed(self, chosen: Chosen | None) -> None:
        self.applicant.set_items(list(chosen.item_codes) if chosen is not None else [])
        self.materials.set_chosen(chosen)
        self.decision.set_chosen(chosen)
        if chosen is not None and self.decision.default_correction_due is None:
            self.session.run(cases.default_correction_due, self.decision.set_default_correction_due)
        self.delivery.set_chosen(chosen)
        self._decide_timer.start()

    def _evaluate(self, then: Callable[[], None] | None = None) -> None:
        """``cases.decide`` for every decision with the inputs as they stand; ``then()`` after."""
        self._decide_timer.stop()
        chosen = self.find.chosen
        if then is not None:
            self._eval_waiters.append(then)
        if chosen is None:
            self._run_waiters()
            return
        self._eval_gen += 1
        gen = self._eval_gen
        entries = self.materials.entries()
        refusal = self.decision.refusal()
        mode = self.applicant.handling_mode()
        self.session.run(lambda _st: draft.allowed_decisions(chosen, entries, refusal, mode),
                         lambda allowed: self._evaluated(gen, allowed))

    def _evaluated(self, gen: int, allowed: dict[Decision, DecisionNotAllowed | None]) -> None:
        if gen != self._eval_gen:
            return  # inputs changed since; a newer answer follows
        self.decision.show_allowed(allowed)
        self._run_waiters()

    def _run_waiters(self) -> None:
        waiters, self._eval_waiters = self._eval_waiters, []
        for then in waiters:
            then()

    # -- submit -------------------------------------------------------------------------------
    def request(self) -> IntakeRequest:
        chosen = self.find.chosen
        decision = self.decision.decision()
        if chosen is None or decision is None:
            raise RuntimeError("intake incomplete")
        return IntakeRequest(
            applicant=self.applicant.party(), mode=self.applicant.handling_mode(), decision=decision,
            item_codes=chosen.item_codes, bundle_code=chosen.bundle_code, agent=self.applicant.agent(),
            materials=self.materials.entries(), delivery=self.delivery.delivery(),
            refusal=self.decision.refusal() if decision is Decision.refuse else None,
            correction_due=self.decision.correction_due_date() if decision is Decision.correction_notice else None,
            commitment_text=self.decision.commitment() if decision is Decision.commitment else "",
            special_groups=self.applicant.special_groups(),
        )

    def submit(self) -> None:
        try:
            req = self.request()
        except RuntimeError:
            self._show_step(FIND if self.find.chosen is None else DECISION)
            self.steps[self.current()].check()
            return
        self.submitting = True
        self._update_nav()
        self.delivery.show_general("")
        self.session.run(lambda st: cases.submit(st, req), self._submitted, on_error=self._submit_failed)

    def _submitted(self, case: Case) -> None:
        self.submitting = False
        self.case = case
        files = self.materials.files()
        log.info("intake submitted: case %s (%s)", case.case_no, case.decision.value)
        self.done.show_case(case)
        self._show_step(DONE)
        self.session.data_changed.emit(case.case_no)
        if files:
            self.done.scans_pending(sum(len(v) for v in files.values()))
            case_no = case.case_no
            self.session.run(lambda st: draft.add_attachments(st, case_no, files),
                             lambda result: self._scans_added(case_no, result))

    def _scans_added(self, case_no: str, result: draft.AttachResult) -> None:
        if self.case is not None and self.case.case_no == case_no:
            self.done.scans_done(result)
        self.session.data_changed.emit(case_no)

    def _submit_failed(self, exc: Exception) -> None:
        """Nothing was stored: the clerk is taken to the field the core complains about."""
        self.submitting = False
        self._update_nav()
        if isinstance(exc, DecisionNotAllowed):
            self._show_step(DECISION)
            self.decision.refuse_with(exc)
            return
        if isinstance(exc, ValidationError):
            problems = [p for p in exc.details.get("problems", []) or [] if isinstance(p, dict)]
            target = min((draft.step_of(p.get("field", "")) for p in problems), default=DELIVERY)
            if target != self.current():
                self._show_step(target, focus=False)
            left = problems
            for step in self.steps[:DONE]:
                left = step.show_problems(left)  # the target step focuses its first field in question
            self.delivery.show_general(message_for(exc) if left or target == DELIVERY else "")
            self._focus_problem(target)
            return
        self.delivery.show_general(message_for(exc))

    def _focus_problem(self, index: int) -> None:
        focus = self.focusWidget()
        if focus is None or not self.steps[index].isAncestorOf(focus):
            self.steps[index].enter()

    # -- after submit -------------------------------------------------------------------------
    def print_document(self, kind: str) -> None:
        if self.case is None:
            return
        self._close_preview()
        show_document(self.session, kind, self.case.case_no, self, shown=self._preview_shown)

    def _preview_shown(self, dialog: PrintPreviewDialog) -> None:
        self.preview = dialog
        dialog.finished.connect(self._preview_closed)

    def _preview_closed(self) -> None:
        """Back on the page with the keyboard where it was (the next document, the evaluation)."""
        if self.current() == DONE and self.isVisible():
            self.window().activateWindow()
            focus = self.done.focusWidget()
            (focus if focus is not None else self.done.first_field()).setFocus()

    def _ask_evaluation(self) -> None:
        if self.case is not None:
            self.evaluate.emit(self.case.case_no)

    # -- the summary before submit ------------------------------------------------------------
    def _show_summary(self) -> None:
        chosen = self.find.chosen
        rows: list[tuple[str, str]] = []
        if chosen is not None:
            rows.append((self.tr("事项"), "；".join(f"{i.code} {i.name.zh}" for i in chosen.items)))
            if chosen.bundle is not None:
                rows.insert(0, (self.tr("一件事"), chosen.name.zh))
        rows += self.applicant.summary()
        rows += self.materials.summary()
        decision = self.decision.decision()
        if decision is not None:
            rows.append((self.tr("决定"), label(decision)))
            if decision is Decision.refuse:
                rows.append((self.tr("不予受理理由"), self.decision.refusal().reason))
            elif decision is Decision.correction_notice and self.decision.correction_due_date():
                rows.append((self.tr("补正期限"), str(self.decision.correction_due_date())))
        d = self.delivery.delivery()
        rows.append((self.tr("送达"), label(d.method) + (f"　{d.address}" if d.address else "")))
        self.delivery.show_summary(rows)
