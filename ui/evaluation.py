"""好差评: the citizen-facing evaluation screen.

A separate top-level window, full screen on a second monitor when there is one (turned towards
the citizen), else a normal window on the first. It speaks to the citizen in both languages at
once, whatever the clerk's interface language: Tibetan first where the station's language is
Tibetan, else Chinese first; a large face on each choice serves citizens who do not read. It shows
the case number and the item's name (Chinese and Tibetan, from the catalogue), nothing else of the
case. After a rating the thank-you stays on the citizen's screen until the next rating starts or
``THANKS_MS`` has passed; keys do not snap it away. Five large choices (keys 1–5), the offline indicators (办事效率,
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
import re
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QCloseEvent,
    QColor,
    QGuiApplication,
    QIcon,
    QKeyEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
    QPixmap,
    QScreen,
)
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QButtonGroup,
    QCheckBox,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.messages import QT_TRANSLATE_NOOP
from app.services import cases
from app.services import catalogue as catalogue_service
from app.station import Station
from ui.errors import message_for
from ui.i18n import Retranslating, translate_in
from ui.labels import source_text
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


# How far each face smiles (1) or frowns (-1), keys 1–5.
SMILE = {"very_satisfied": 1.0, "satisfied": 0.55, "basically_satisfied": 0.15, "dissatisfied": -0.5,
         "very_dissatisfied": -1.0}


def case_title(station: Station, case_no: str) -> dict[str, str]:
    """Runs on the worker: the names of the case's items in Chinese and Tibetan (the catalogue's
    names; Chinese where an item has no Tibetan), and nothing personal."""
    case = cases.get_case(station, case_no, log_access=False)
    zh, bo = [], []
    for i in case.items:
        zh.append(i.name)
        try:
            name = catalogue_service.get_item(station, i.item_code, i.item_version).name
        except Exception:  # an item missing from the catalogue: its Chinese name still shows
            log.info("evaluation: item %s not in the catalogue", i.item_code)
            bo.append(i.name)
            continue
        bo.append(name.bo or name.zh or i.name)
    return {"zh": "、".join(zh), "bo": " ".join(bo)}


def draw_face(painter: QPainter, rect: QRectF, level: str, colour: QColor) -> None:
    """A face for ``level``: a circle, two eyes, a mouth from a wide smile to a deep frown."""
    side = min(rect.width(), rect.height())
    box = QRectF(0, 0, side, side)
    box.moveCenter(rect.center())
    pen = QPen(colour, max(1.5, side / 16))
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    inner = box.adjusted(pen.widthF(), pen.widthF(), -pen.widthF(), -pen.widthF())
    painter.drawEllipse(inner)
    c, r = inner.center(), inner.width() / 2
    painter.setBrush(colour)
    for dx in (-0.35, 0.35):
        painter.drawEllipse(QPointF(c.x() + dx * r, c.y() - 0.25 * r), r * 0.09, r * 0.09)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    smile = SMILE.get(level, 0.0)
    y = c.y() + 0.35 * r - smile * 0.1 * r
    mouth = QPainterPath(QPointF(c.x() - 0.45 * r, y))
    mouth.quadTo(QPointF(c.x(), y + smile * 0.45 * r), QPointF(c.x() + 0.45 * r, y))
    painter.drawPath(mouth)
    painter.restore()


def face_icon(level: str, size: int = 96) -> QIcon:
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    draw_face(painter, QRectF(0, 0, size, size), level, QColor(COLOURS[level]))
    painter.end()
    return QIcon(pixmap)


class Face(QWidget):
    """A large face, three lines of text high at any font scale."""

    def __init__(self, level: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.level = level
        self.colour = QColor(COLOURS[level])
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)

    def sizeHint(self) -> QSize:  # Qt's name
        side = self.fontMetrics().height() * 3
        return QSize(side, side)

    def minimumSizeHint(self) -> QSize:  # Qt's name
        return self.sizeHint()

    def paintEvent(self, event: QPaintEvent) -> None:  # Qt's name
        painter = QPainter(self)
        draw_face(painter, QRectF(self.rect()), self.level, self.colour)
        painter.end()

    def changeEvent(self, event: QEvent) -> None:  # Qt's name
        if event.type() == QEvent.Type.FontChange:
            self.updateGeometry()
        super().changeEvent(event)


class ChoiceButton(QPushButton):
    """One of the five large choices: a face, its key and its name in both languages. The words
    are labels inside the button (they wrap; the button's own text is only for screen readers)."""

    def __init__(self, n: int, level: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.level = level
        self.colour = COLOURS[level]
        self.face = Face(level)
        self.number = QLabel(str(n))
        self.number.setProperty("heading", "2")
        self.words = [QLabel(), QLabel()]
        layout = QVBoxLayout(self)
        layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)
        layout.addWidget(self.face, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(self.number)
        for lab in (self.number, *self.words):
            lab.setAlignment(Qt.AlignmentFlag.AlignCenter)
            lab.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        for lab in self.words:
            lab.setWordWrap(True)
            lab.setProperty("heading", "2")
            layout.addWidget(lab)
        self.toggled.connect(self._colour)
        self._colour(False)

    def set_words(self, first: str, second: str) -> None:
        self.words[0].setText(first)
        self.words[1].setText(second)
        self.words[1].setVisible(bool(second) and second != first)
        self.setAccessibleName(f"{self.number.text()} {first} {second}")

    def _colour(self, checked: bool) -> None:
        ink = "white" if checked else self.colour
        for lab in (self.number, *self.words):
            lab.setStyleSheet(f"color: {ink}; background: transparent")
        self.face.colour = QColor(ink)
        self.face.update()

    def sizeHint(self) -> QSize:  # Qt's name
        layout = self.layout()
        return layout.totalSizeHint() if layout is not None else super().sizeHint()

    def minimumSizeHint(self) -> QSize:  # Qt's name
        layout = self.layout()
        return layout.totalMinimumSize() if layout is not None else super().minimumSizeHint()


def _no_mnemonic(text: str) -> str:
    """A text without its mnemonic ("其他意见(&O)：" → "其他意见："): one mnemonic per label."""
    for pattern in ("(&", "（&"):
        at = text.find(pattern)
        if at >= 0 and text.find(")", at) == at + 3:
            return text[:at] + text[at + 4:]
    return text.replace("&", "")


class EvaluationWindow(Retranslating, QWidget):
    finished = Signal(str, object)  # case_no, level (None: skipped)
    closed = Signal()  # the window went away (after the thank-you, a skip, a lock)

    THANKS_MS = 20_000  # the thank-you stays this long unless the next rating starts first

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
        self._items: dict[str, str] = {}

        # -- the question ------------------------------------------------------------------------
        self.title = QLabel()
        self.title.setProperty("heading", "2")
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.title.setWordWrap(True)
        self.subject = QLabel()
        self.subject.setObjectName("evaluationSubject")
        self.subject.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.subject.setWordWrap(True)

        self.choices = QButtonGroup(self)
        self.choices.setExclusive(True)
        row = QHBoxLayout()
        self.choice_buttons: dict[str, ChoiceButton] = {}
        for n, code in enumerate(LEVELS, 1):
            b = ChoiceButton(n, code)
            b.setObjectName(f"level_{code}")
            b.setCheckable(True)
            b.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
            b.setStyleSheet(
                f"QPushButton {{ border: 2px solid {COLOURS[code]}; border-radius: 10px;"
                f" padding: 0.3em; font-weight: bold; background: white }}"
                f" QPushButton:checked {{ background: {COLOURS[code]}; border: 5px solid black }}")
            self.choices.addButton(b, n)
            self.choice_buttons[code] = b
            row.addWidget(b)
        self.choices.idClicked.connect(lambda n: self.choose(LEVELS[n - 1]))

        # -- the indicators ----------------------------------------------------------------------
        self.indicator_box = QGroupBox()
        grid = QGridLayout(self.indicator_box)
        self.indicator_title = QLabel()  # a label, not the box's title: two languages wrap
        self.indicator_title.setWordWrap(True)
        self.indicator_title.setProperty("heading", "2")
        grid.addWidget(self.indicator_title, 0, 0, 1, len(LEVELS) + 1)
        self.indicator_labels: dict[str, QLabel] = {}
        self.indicator_groups: dict[str, QButtonGroup] = {}
        self.indicator_buttons: dict[str, dict[str, QPushButton]] = {}
        for r, key in enumerate(INDICATORS, 1):
            lab = QLabel()
            lab.setWordWrap(True)
            self.indicator_labels[key] = lab
            grid.addWidget(lab, r, 0)
            group = QButtonGroup(self)
            group.setExclusive(True)
            self.indicator_groups[key] = group
            self.indicator_buttons[key] = {}
            for c, code in enumerate(LEVELS, 1):
                button = QPushButton()
                button.setObjectName(f"{key}_{code}")
                button.setCheckable(True)
                button.setIcon(face_icon(code))
                button.setStyleSheet(f"QPushButton:checked {{ color: white; background: {COLOURS[code]} }}")
                group.addButton(button, c)
                self.indicator_buttons[key][code] = button
                grid.addWidget(button, r, c)
            group.idClicked.connect(lambda n, k=key: self._indicator(k, LEVELS[n - 1]))
            if r == 1:
                lab.setBuddy(self.indicator_buttons[key][LEVELS[0]])

        # -- the reasons -------------------------------------------------------------------------
        self.reasons_box = QGroupBox()
        self.reasons_box.setObjectName("reasons")
        self.reasons_box.setStyleSheet("QCheckBox::indicator { width: 1em; height: 1em }")
        self.reasons_grid = QGridLayout(self.reasons_box)
        self.reasons_title = QLabel()
        self.reasons_title.setWordWrap(True)
        self.reasons_title.setProperty("heading", "2")
        self.reason_checks: dict[str, QCheckBox] = {}
        for code in REASONS:
            check = QCheckBox()
            check.setObjectName(f"reason_{code}")
            self.reason_checks[code] = check
        self.other_label = QLabel()
        self.other_label.setWordWrap(True)
        self.other = QLineEdit()
        self.other.setObjectName("reasonText")
        self.other.setMaxLength(500)
        self.other_label.setBuddy(self.other)
        self._reason_columns = 0
        self._place_reasons(2)
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

        # The question scrolls when it is taller than the screen (200 %, two languages); the
        # skip / submit bar below it never does.
        content = QWidget()
        content_layout = QVBoxLayout(content)
        content_layout.addWidget(self.title)
        content_layout.addLayout(row, 3)  # the faces right under the question, before what is rated
        content_layout.addWidget(self.subject)
        content_layout.addWidget(self.indicator_box)
        content_layout.addWidget(self.reasons_box)
        content_layout.addWidget(self.message)
        self.scroll_area = QScrollArea()
        self.scroll_area.setObjectName("evaluationContent")
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll_area.setWidget(content)
        ask = QWidget()
        ask_layout = QVBoxLayout(ask)
        ask_layout.setContentsMargins(0, 0, 0, 0)
        ask_layout.addWidget(self.scroll_area, 1)
        ask_layout.addLayout(buttons)

        # -- thank you ---------------------------------------------------------------------------
        self.thanks = QWidget()
        self.thanks.setObjectName("thanks")
        self.thanks_face = Face("very_satisfied")
        self.thanks_text = QLabel()
        self.thanks_text.setObjectName("thanksText")
        self.thanks_text.setProperty("size", "big")
        self.thanks_text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.thanks_text.setWordWrap(True)
        thanks_layout = QVBoxLayout(self.thanks)
        thanks_layout.addStretch(1)
        thanks_layout.addWidget(self.thanks_face, 0, Qt.AlignmentFlag.AlignHCenter)
        thanks_layout.addWidget(self.thanks_text)
        thanks_layout.addStretch(1)

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


    # -- texts: both languages at once ------------------------------------------------------------
    def languages(self) -> tuple[str, str]:
        """The order the citizen reads in: Tibetan first where the station's language is Tibetan."""
        return ("bo", "zh") if self.session.settings.language == "bo" else ("zh", "bo")

    def both(self, source: str, sep: str = "\n", context: str = "EvaluationWindow") -> str:
        """``source`` in both languages, in the station's order (once when they are the same)."""
        first, second = (translate_in(lang, context, source) for lang in self.languages())
        if second == first:
            return first
        key = re.search(r" \((?:Enter|Esc)\)$", first)
        if key and second.endswith(key.group(0)):  # the key once, at the end: "མཆོང་བ། · 跳过 (Esc)"
            first = first[:key.start()]
        return f"{first}{sep}{_no_mnemonic(second)}"

    def level_names(self, code: str) -> tuple[str, str]:
        source = source_text(code, "Evaluation")
        first, second = (translate_in(lang, "Labels", source) for lang in self.languages())
        return first, second

    def retranslate(self) -> None:
        self.setWindowTitle(self.both(QT_TRANSLATE_NOOP("EvaluationWindow", "请您评价"), " · "))
        self.title.setText(self.both(QT_TRANSLATE_NOOP("EvaluationWindow", "请您对本次服务进行评价")))
        for n, code in enumerate(LEVELS, 1):
            first, second = self.level_names(code)
            self.choice_buttons[code].set_words(first, second)
            key_hint = QT_TRANSLATE_NOOP("EvaluationWindow", "按数字键 {n}")
            self.choice_buttons[code].setToolTip(self.both(key_hint).format(n=n))
        self.indicator_box.setTitle("")
        self.indicator_title.setText(self.both(QT_TRANSLATE_NOOP("EvaluationWindow", "分项评价"), " · "))
        names = {"efficiency": QT_TRANSLATE_NOOP("EvaluationWindow", "办事效率"),
                 "service": QT_TRANSLATE_NOOP("EvaluationWindow", "服务水平"),
                 "attitude": QT_TRANSLATE_NOOP("EvaluationWindow", "服务态度")}
        for key, lab in self.indicator_labels.items():
            lab.setText(self.both(names[key]))
            for n, (code, b) in enumerate(self.indicator_buttons[key].items(), 1):
                # The same face and number as the large choice above; the words on hover and
                # for screen readers (five two-language names do not fit a row at 200 %).
                b.setText(str(n))
                words = "\n".join(dict.fromkeys(self.level_names(code)))
                b.setToolTip(words)
                b.setAccessibleName(words)
        self.reasons_box.setTitle("")
        self.reasons_title.setText(self.both(
            QT_TRANSLATE_NOOP("EvaluationWindow", "请告诉我们不满意的原因（至少选一项或填写）")))
        texts = {
            "slow": QT_TRANSLATE_NOOP("EvaluationWindow", "办事效率低，超时办结"),
            "many_trips": QT_TRANSLATE_NOOP("EvaluationWindow", "多次跑腿，一次性告知不到位"),
            "materials": QT_TRANSLATE_NOOP("EvaluationWindow", "要求的材料过多或重复提交"),
            "unclear": QT_TRANSLATE_NOOP("EvaluationWindow", "办事指南不清楚，咨询答复不准确"),
            "attitude": QT_TRANSLATE_NOOP("EvaluationWindow", "服务态度差"),
            "wait": QT_TRANSLATE_NOOP("EvaluationWindow", "等候时间过长"),
            "fees": QT_TRANSLATE_NOOP("EvaluationWindow", "收费不规范"),
            "facilities": QT_TRANSLATE_NOOP("EvaluationWindow", "办事环境和设施不便"),
        }
        for code, check in self.reason_checks.items():
            check.setText(self.both(texts[code]))
        self.other_label.setText(self.both(QT_TRANSLATE_NOOP("EvaluationWindow", "其他意见(&O)："), "  "))
        self.submit_button.setText(self.both(QT_TRANSLATE_NOOP("EvaluationWindow", "提交评价 (Enter)"), " · "))
        self.skip_button.setText(self.both(QT_TRANSLATE_NOOP("EvaluationWindow", "跳过 (Esc)"), " · "))
        self.thanks_text.setText(self.both(
            QT_TRANSLATE_NOOP("EvaluationWindow", "谢谢您的评价！\n我们会继续改进服务。")))
        self._show_subject()
        self._size_icons()
        self._place_reasons(2 if self.session.settings.font_scale <= 125 else 1)

    def _place_reasons(self, columns: int) -> None:
        """The reasons in two columns, or one at a large font scale (a check box does not wrap)."""
        if columns == self._reason_columns:
            return
        self._reason_columns = columns
        grid = self.reasons_grid
        for w in (self.reasons_title, *self.reason_checks.values(), self.other_label, self.other):
            grid.removeWidget(w)
        grid.addWidget(self.reasons_title, 0, 0, 1, columns)
        for n, check in enumerate(self.reason_checks.values()):
            grid.addWidget(check, 1 + n // columns, n % columns)
        rows = 1 + (len(REASONS) + columns - 1) // columns
        grid.addWidget(self.other_label, rows, 0, 1, columns)
        grid.addWidget(self.other, rows + 1, 0, 1, columns)

    def _size_icons(self) -> None:
        side = self.fontMetrics().height() * 2
        for buttons in self.indicator_buttons.values():
            for b in buttons.values():
                b.setIconSize(QSize(side, side))

    def changeEvent(self, event: QEvent) -> None:  # Qt's name
        if event.type() == QEvent.Type.FontChange:
            self._size_icons()
        super().changeEvent(event)

    def _show_subject(self, items: dict[str, str] | None = None) -> None:
        if items is not None:
            self._items = items
        if not self.case_no:
            self.subject.clear()
            return
        source = QT_TRANSLATE_NOOP("EvaluationWindow", "办件编号 {case}\n{items}")
        heads = [translate_in(lang, "EvaluationWindow", source).format(case="", items="").strip()
                 for lang in self.languages()]
        lines = [" · ".join(dict.fromkeys(heads)) + f"  {self.case_no}"]
        names = [self._items.get(lang, "") for lang in self.languages()]
        lines += [name for name in dict.fromkeys(names) if name]
        self.subject.setText("\n".join(lines))

    # -- asking ---------------------------------------------------------------------------------
    def ask(self, case_no: str) -> None:
        """Show the question for ``case_no`` (on the citizen's monitor when there is one)."""
        self._reset()
        self.case_no = case_no
        self._items = {}
        self.retranslate()  # the station's language may have changed since the last rating
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
                # One screen: the citizen's turn, nearly all of it (the question scrolls inside).
                area = screen.availableGeometry()
                self.resize(area.width() * 19 // 20, area.height() * 19 // 20)
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
        if bad:  # the citizen sees the reasons come, even when the question scrolls
            QTimer.singleShot(50, self.scroll_area, lambda: self.scroll_area.ensureWidgetVisible(self.reasons_title))

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
            self.message.setText(self.both(QT_TRANSLATE_NOOP("EvaluationWindow", "请先选择一项评价（按数字键 1–5）")))
            return
        reasons = self.reasons()
        if self.level in BAD and not reasons:
            self.reasons_box.show()
            self.message.setText(self.both(
                QT_TRANSLATE_NOOP("EvaluationWindow", "请选择或填写不满意的原因，帮助我们改进")))
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
            return  # the thank-you stays for the citizen: a second Enter does not snap it away
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
        self._items = {}
        super().hideEvent(event)
        self.closed.emit()
