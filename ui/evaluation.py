"""好差评: the citizen-facing evaluation screen.

A separate top-level window, full screen on a second monitor when there is one (turned towards
the citizen), else a normal window on the first. It shows the case number and the item's name,
nothing else of the case. Five large choices (keys 1–5), the offline indicators (办事效率,
服务水平, 服务态度; the overall one is the large choice), and the reasons, which a bad rating
(不满意, 非常不满意) must have: standard reasons to tick and free text. "跳过" records a skipped
evaluation (level None); asking again later records a new evaluation.

What is recorded (``cases.evaluate`` on the worker, journal event ``case.evaluated``):
``level`` (a code of ``cases.EVALUATION_LEVELS`` or None), ``indicators``
``{"overall", "efficiency", "service", "attitude"}`` → level codes, and ``reasons``: the codes of
:data:`REASONS` ticked, then the free text as ``"other:<text>"``.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QGuiApplication, QKeyEvent, QScreen
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QButtonGroup,
    QCheckBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.services import cases
from app.station import Station
from ui.errors import message_for
from ui.i18n import Retranslating
from ui.labels import label
from ui.session import Session

log = logging.getLogger(__name__)

LEVELS: tuple[str, ...] = cases.EVALUATION_LEVELS  # very_satisfied … very_dissatisfied, keys 1–5
BAD = frozenset(LEVELS[3:])
INDICATORS = ("efficiency", "service", "attitude")  # "overall" is the large choice
# Standard reasons of a bad rating (the 好差评 差评 categories), as codes for the platform.
REASONS = ("slow", "many_trips", "materials", "unclear", "attitude", "wait", "fees", "facilities")
COLOURS = {
    "very_satisfied": "#1b5e20", "satisfied": "#2e7d32", "basically_satisfied": "#8d6e00",
    "dissatisfied": "#bf360c", "very_dissatisfied": "#b71c1c",
}


def choose_screen(screens: Sequence[QScreen], counter: QScreen | None) -> tuple[QScreen | None, bool]:
    """(screen, full screen?): another monitor than the counter's, full screen; else the first, windowed."""
    others = [s for s in screens if s is not counter]
    if counter is not None and others:
        return others[0], True
    if len(screens) > 1 and counter is None:
        return screens[1], True
    return (screens[0] if screens else None), False


def case_title(station: Station, case_no: str) -> str:
    """Runs on the worker: the names of the case's items, and nothing personal."""
    case = cases.get_case(station, case_no, log_access=False)
    return "、".join(i.name for i in case.items)


class EvaluationWindow(Retranslating, QWidget):
    finished = Signal(str, object)  # case_no, level (None: skipped)

    THANKS_MS = 4000  # the thank-you screen closes itself after this

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setWindowFlag(Qt.WindowType.Window, True)
        self.setObjectName("evaluation")
        self.case_no = ""
        self.level: str | None = None
        self.indicators: dict[str, str | None] = {}
        self._touched: set[str] = set()
        self._sending = False
        self.full_screen = False

        # -- the question ------------------------------------------------------------------------
        self.title = QLabel()
        self.title.setProperty("heading", "1")
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.title.setWordWrap(True)
        self.subject = QLabel()
        self.subject.setObjectName("evaluationSubject")
        self.subject.setProperty("heading", "2")
        self.subject.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.subject.setWordWrap(True)

        self.choices = QButtonGroup(self)
        self.choices.setExclusive(True)
        self.choice_buttons: dict[str, QPushButton] = {}
        row = QHBoxLayout()
        for n, code in enumerate(LEVELS, 1):
            b = QPushButton()
            b.setObjectName(f"level_{code}")
            b.setProperty("size", "big")  # scales with the window's font (ui/i18n.py)
            b.setCheckable(True)
            b.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
            b.setStyleSheet(
                f"QPushButton {{ color: {COLOURS[code]}; border: 2px solid {COLOURS[code]}; border-radius: 10px;"
                f" padding: 1em 0.5em; font-weight: bold; background: white }}"
                f" QPushButton:checked {{ color: white; background: {COLOURS[code]}; border: 5px solid black }}")
            self.choices.addButton(b, n)
            self.choice_buttons[code] = b
            row.addWidget(b)
        self.choices.idClicked.connect(lambda n: self.choose(LEVELS[n - 1]))

        # -- the indicators ----------------------------------------------------------------------
        self.indicator_box = QGroupBox()
        grid = QGridLayout(self.indicator_box)
        self.indicator_labels: dict[str, QLabel] = {}
        self.indicator_groups: dict[str, QButtonGroup] = {}
        self.indicator_buttons: dict[str, dict[str, QPushButton]] = {}
        for r, key in enumerate(INDICATORS):
            lab = QLabel()
            self.indicator_labels[key] = lab
            grid.addWidget(lab, r, 0)
            group = QButtonGroup(self)
            group.setExclusive(True)
            self.indicator_groups[key] = group
            self.indicator_buttons[key] = {}
            for c, code in enumerate(LEVELS, 1):
                b = QPushButton()
                b.setObjectName(f"{key}_{code}")
                b.setCheckable(True)
                b.setStyleSheet(f"QPushButton:checked {{ color: white; background: {COLOURS[code]} }}")
                group.addButton(b, c)
                self.indicator_buttons[key][code] = b
                grid.addWidget(b, r, c)
            group.idClicked.connect(lambda n, k=key: self._indicator(k, LEVELS[n - 1]))
            if r == 0:
                lab.setBuddy(self.indicator_buttons[key][LEVELS[0]])

        # -- the reasons -------------------------------------------------------------------------
        self.reasons_box = QGroupBox()
        self.reasons_box.setObjectName("reasons")
        self.reasons_box.setStyleSheet("QCheckBox::indicator { width: 1em; height: 1em }")
        reasons = QGridLayout(self.reasons_box)
        self.reason_checks: dict[str, QCheckBox] = {}
        for n, code in enumerate(REASONS):
            check = QCheckBox()
            check.setObjectName(f"reason_{code}")
            self.reason_checks[code] = check
            reasons.addWidget(check, n // 2, n % 2)
        self.other_label = QLabel()
        self.other = QLineEdit()
        self.other.setObjectName("reasonText")
        self.other.setMaxLength(500)
        self.other_label.setBuddy(self.other)
        reasons.addWidget(self.other_label, (len(REASONS) + 1) // 2, 0, 1, 2)
        reasons.addWidget(self.other, (len(REASONS) + 1) // 2 + 1, 0, 1, 2)
        self.reasons_box.hide()

        self.message = QLabel()
        self.message.setObjectName("evaluationMessage")
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setProperty("heading", "2")
        self.message.setStyleSheet("color: #c62828")

        self.submit_button = QPushButton()
        self.submit_button.setObjectName("submitEvaluation")
        self.submit_button.setProperty("heading", "2")
        self.submit_button.setStyleSheet("padding: 0.4em 1.5em")
        self.submit_button.clicked.connect(self.submit)
        self.skip_button = QPushButton()
        self.skip_button.setObjectName("skipEvaluation")
        self.skip_button.setStyleSheet("padding: 0.4em 1.5em")
        self.skip_button.clicked.connect(self.skip)
        buttons = QHBoxLayout()
        buttons.addWidget(self.skip_button)
        buttons.addStretch(1)
        buttons.addWidget(self.submit_button)

        ask = QWidget()
        ask_layout = QVBoxLayout(ask)
        ask_layout.addWidget(self.title)
        ask_layout.addWidget(self.subject)
        ask_layout.addLayout(row, 3)
        ask_layout.addWidget(self.indicator_box)
        ask_layout.addWidget(self.reasons_box)
        ask_layout.addWidget(self.message)
        ask_layout.addLayout(buttons)

        # -- thank you ---------------------------------------------------------------------------
        self.thanks = QLabel()
        self.thanks.setObjectName("thanks")
        self.thanks.setProperty("size", "big")
        self.thanks.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.thanks.setWordWrap(True)

        self.pages = QStackedWidget()
        self.ask_page = ask
        self.pages.addWidget(ask)
        self.pages.addWidget(self.thanks)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)

        self.close_timer = QTimer(self)
        self.close_timer.setSingleShot(True)
        self.close_timer.timeout.connect(self.hide)

        self.retranslate()


    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("请您评价"))
        self.title.setText(self.tr("请您对本次服务进行评价"))
        for n, code in enumerate(LEVELS, 1):
            self.choice_buttons[code].setText(f"{n}\n{label(code, 'Evaluation')}")
            self.choice_buttons[code].setToolTip(self.tr("按数字键 {n}").format(n=n))
        self.indicator_box.setTitle(self.tr("分项评价"))
        names = {"efficiency": self.tr("办事效率"), "service": self.tr("服务水平"), "attitude": self.tr("服务态度")}
        for key, lab in self.indicator_labels.items():
            lab.setText(names[key])
            for code, b in self.indicator_buttons[key].items():
                b.setText(label(code, "Evaluation"))
        self.reasons_box.setTitle(self.tr("请告诉我们不满意的原因（至少选一项或填写）"))
        texts = {
            "slow": self.tr("办事效率低，超时办结"),
            "many_trips": self.tr("多次跑腿，一次性告知不到位"),
            "materials": self.tr("要求的材料过多或重复提交"),
            "unclear": self.tr("办事指南不清楚，咨询答复不准确"),
            "attitude": self.tr("服务态度差"),
            "wait": self.tr("等候时间过长"),
            "fees": self.tr("收费不规范"),
            "facilities": self.tr("办事环境和设施不便"),
        }
        for code, check in self.reason_checks.items():
            check.setText(texts[code])
        self.other_label.setText(self.tr("其他意见(&O)："))
        self.submit_button.setText(self.tr("提交评价 (Enter)"))
        self.skip_button.setText(self.tr("跳过 (Esc)"))
        self.thanks.setText(self.tr("谢谢您的评价！\n我们会继续改进服务。"))
        self._show_subject()

    def _show_subject(self, items: str = "") -> None:
        self._items = items or getattr(self, "_items", "")
        if not self.case_no:
            self.subject.clear()
            return
        self.subject.setText(self.tr("办件编号 {case}\n{items}").format(case=self.case_no, items=self._items))

    # -- asking ---------------------------------------------------------------------------------
    def ask(self, case_no: str) -> None:
        """Show the question for ``case_no`` (on the citizen's monitor when there is one)."""
        self._reset()
        self.case_no = case_no
        self._items = ""
        self._show_subject()
        self.session.run(lambda st: case_title(st, case_no),
                         lambda items: self._show_subject(items) if self.case_no == case_no else None,
                         on_error=lambda exc: log.info("evaluation: case title not read: %s", type(exc).__name__))
        self._place()
        self.raise_()
        self.activateWindow()
        self.choice_buttons[LEVELS[0]].setFocus()

    def _counter_screen(self) -> QScreen | None:
        for w in QApplication.topLevelWidgets():
            if w is not self and w.isVisible() and w.isWindow():
                return w.screen()
        return QGuiApplication.primaryScreen()

    def _place(self) -> None:
        screen, full = choose_screen(QGuiApplication.screens(), self._counter_screen())
        self.full_screen = full
        if screen is not None:
            self.setScreen(screen)
        if full and screen is not None:
            self.setGeometry(screen.geometry())
            self.showFullScreen()
        else:
            if screen is not None:
                area = screen.availableGeometry()
                self.resize(min(area.width(), max(self.sizeHint().width(), area.width() * 3 // 4)),
                            min(area.height(), max(self.sizeHint().height(), area.height() * 3 // 4)))
                self.move(area.center() - self.rect().center())
            self.showNormal()

    def _reset(self) -> None:
        self.close_timer.stop()
        self.level = None
        self.indicators = dict.fromkeys(INDICATORS)
        self._touched = set()
        self._sending = False
        for group in (self.choices, *self.indicator_groups.values()):
            group.setExclusive(False)
            for b in group.buttons():
                b.setChecked(False)
            group.setExclusive(True)
        for check in self.reason_checks.values():
            check.setChecked(False)
        self.other.clear()
        self.reasons_box.hide()
        self.message.clear()
        self.pages.setCurrentWidget(self.ask_page)

    def choose(self, level: str) -> None:
        """The large choice (overall); untouched indicators take the same level."""
        self.level = level
        self.choice_buttons[level].setChecked(True)
        for key in INDICATORS:
            if key not in self._touched:
                self._set_indicator(key, level)
        self.message.clear()
        self._reasons_needed()

    def _indicator(self, key: str, level: str) -> None:
        self._touched.add(key)
        self._set_indicator(key, level)
        self._reasons_needed()

    def _set_indicator(self, key: str, level: str) -> None:
        self.indicators[key] = level
        self.indicator_buttons[key][level].setChecked(True)

    def _reasons_needed(self) -> None:
        bad = self.level in BAD or any(v in BAD for v in self.indicators.values())
        self.reasons_box.setVisible(bad)

    def reasons(self) -> list[str]:
        out = [code for code, check in self.reason_checks.items() if check.isChecked()]
        text = " ".join(self.other.text().split())
        if text:
            out.append(f"other:{text}")
        return out

    # -- recording ------------------------------------------------------------------------------
    def submit(self) -> None:
        if self._sending or not self.case_no:
            return
        if self.level is None:
            self.message.setText(self.tr("请先选择一项评价（按数字键 1–5）"))
            return
        reasons = self.reasons()
        if self.level in BAD and not reasons:
            self.reasons_box.show()
            self.message.setText(self.tr("请选择或填写不满意的原因，帮助我们改进"))
            return
        indicators = {"overall": self.level, **{k: v or self.level for k, v in self.indicators.items()}}
        self._record(self.level, indicators, reasons)

    def skip(self) -> None:
        if self._sending or not self.case_no:
            return
        self._record(None, {}, [])

    def _record(self, level: str | None, indicators: dict[str, str], reasons: list[str]) -> None:
        case_no = self.case_no
        self._sending = True
        self.message.clear()

        def done(_: Any) -> None:
            self._sending = False
            self.finished.emit(case_no, level)
            self.session.data_changed.emit(case_no)
            if level is None:
                self.hide()
                return
            self.pages.setCurrentWidget(self.thanks)
            self.close_timer.start(self.THANKS_MS)

        def refused(error: Exception) -> None:
            self._sending = False
            self.message.setText(message_for(error))

        self.session.run(lambda st: cases.evaluate(st, case_no, level, indicators or None, reasons or None),
                         done, on_error=refused)

    # -- keyboard -------------------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:  # Qt's name
        if self.pages.currentWidget() is self.thanks:
            self.hide()
            return
        key = event.key()
        if Qt.Key.Key_1.value <= key <= Qt.Key.Key_5.value:
            self.choose(LEVELS[key - Qt.Key.Key_1.value])
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            focused = self.focusWidget()
            if isinstance(focused, QAbstractButton) and focused not in self.choice_buttons.values() \
                    and focused is not self.submit_button and not isinstance(focused, QCheckBox):
                focused.click()  # an indicator or "skip" with the focus: Enter presses it
                return
            self.submit()
            return
        if key == Qt.Key.Key_Escape:
            self.skip()
            return
        super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:  # Qt's name
        # Closing the window records nothing: the clerk can ask again.
        self.close_timer.stop()
        super().closeEvent(event)

    def hideEvent(self, event: Any) -> None:  # Qt's name
        self.close_timer.stop()
        self.case_no = ""
        self._items = ""
        super().hideEvent(event)
