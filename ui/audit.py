"""A layout and language audit of what a window shows now (``tests/test_layout_audit.py``,
``make screenshots`` prints it too).

For one top-level widget as it is on the screen, :func:`audit` returns every problem a clerk
would see:

- ``clipped``: a widget's text (or placeholder, group title, header, menu row, list row) does not
  fit the rectangle Qt draws it in. Measured with the widget's own font for the text it shows,
  laid out the way Qt lays it out (fallback fonts included, so a Tibetan stack such as བསྒྲུབས་
  needs the Tibetan font's line height, not the Latin font's);
- ``outside``: a widget lies (partly) outside its parent's visible rectangle and no scroll area can
  bring it in; a top-level window larger than the screen; a step's navigation or a dialog's
  buttons inside a scroll area (they must show without scrolling);
- ``sideways``: a horizontal scroll range on a page, a form or a list;
- ``language``: text that is not in the interface language: English words (OK, Cancel), raw
  codes (``deferral_notice``), and in Tibetan a text of the translation catalogue shown in
  Chinese, or a Chinese-only button, title, header, placeholder or menu row;
- ``overlap``: two widgets of one layout on top of each other.

Values people typed or the store holds (names, item names, numbers) are data, not interface text:
the language check leaves line edits' texts and list cells alone.

No store access, no files written; only Qt.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from PySide6 import QtGui
from PySide6.QtCore import QRect, QRectF, Qt
from PySide6.QtGui import QFontMetricsF, QTextDocument
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLayout,
    QLineEdit,
    QListView,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QScrollBar,
    QSplitterHandle,
    QStyle,
    QStyleOptionButton,
    QStyleOptionComboBox,
    QStyleOptionFrame,
    QStyleOptionGroupBox,
    QTableView,
    QTextEdit,
    QToolButton,
    QTreeView,
    QWidget,
)

from app.config import resources_dir

# Widgets that are a step's navigation or a form's main actions: they show without scrolling.
PRIMARY_NAMES = frozenset({"next", "back", "discardIntake"})
TOLERANCE = 1.0  # px: rounding of fractional metrics

_TIBETAN = re.compile(r"[\u0f00-\u0fff]")
_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_CODE = re.compile(r"\b[a-z]+(?:_[a-z0-9]+)+\b")
_KEYS = re.compile(r"\b(?:Ctrl|Alt|Shift|Meta|Esc|Enter|Return|Tab|Del|Delete|Backspace|Home|End|PgUp|PgDn)\b"
                   r"(?:\+\S+)?|\bF\d{1,2}\b")
_WORD = re.compile(r"[A-Za-z]{2,}")
# Data that looks like Latin words: codes with digits or dashes (540000-XZGF-0003, E2RFQYD5), long
# capital codes (a verification code AZSNNGVB), paths.
_PATHS = re.compile(r"(?:~|[A-Za-z]:)?(?:[/\\][\w.\-]+)+")
_DATA_TOKENS = re.compile(r"[A-Za-z0-9]*\d[A-Za-z0-9]*|[A-Z0-9]+(?:-[A-Z0-9]+)+|\b[A-Z]{6,}\b|" + _PATHS.pattern)
# Widgets whose text is data by design: the language button names the other language in itself.
DATA_WIDGETS = frozenset({"languageButton"})
# Latin words that are not English interface text: units, formats, paper sizes, scripts' names.
ALLOWED_WORDS = frozenset({"PDF", "ID", "mm", "USB", "QR", "PC", "IP", "URL", "OCR", "EMS", "SMS", "Noto", "Sans",
                           "Serif", "Tibetan", "http", "https", "localhost", "bmbak", "json", "xlsx", "csv",
                           "Qt", "PySide", "Python", "SQLCipher", "HarfBuzz"})
# Windows that show both languages at once by design (the citizen's rating window): Chinese there is
# not a missed translation (English and raw codes still are).
BILINGUAL_WINDOWS = frozenset({"evaluation"})


@dataclass(frozen=True)
class Problem:
    kind: str  # clipped, outside, sideways, language, overlap
    widget: str  # what and where (class, object name, a bit of its text)
    detail: str

    def __str__(self) -> str:
        return f"{self.kind}: {self.widget}: {self.detail}"


# -- helpers ----------------------------------------------------------------------------------------

def _shown(text: str) -> str:
    """A text as a label or button shows it: mnemonics gone (``&&`` is a literal ampersand)."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def describe(widget: QWidget, text: str = "") -> str:
    name = widget.objectName()
    out = type(widget).__name__ + (f"#{name}" if name and not name.startswith("qt_") else "")
    parent = widget.parentWidget()
    trail: list[str] = []
    while parent is not None and len(trail) < 2:
        pn = parent.objectName()
        if pn and not pn.startswith("qt_"):
            trail.append(f"{type(parent).__name__}#{pn}")
        parent = parent.parentWidget()
    if trail:
        out += " in " + " < ".join(trail)
    text = text or _text_of(widget)
    if text:
        short = " ".join(text.split())
        out += f" «{short[:40]}{'…' if len(short) > 40 else ''}»"
    return out


def _text_of(widget: QWidget) -> str:
    if isinstance(widget, QLabel | QAbstractButton):
        return _shown(widget.text())
    if isinstance(widget, QLineEdit):
        return widget.text() or widget.placeholderText()
    if isinstance(widget, QGroupBox):
        return widget.title()
    if isinstance(widget, QComboBox):
        return widget.currentText()
    return ""


def _line_height(fm: QFontMetricsF, text: str) -> float:
    """The height of one line of ``text`` as Qt lays it out (the tallest font it uses) and of its ink."""
    if not text:
        return fm.height()
    return max(fm.height(), fm.boundingRect(text).height(), fm.tightBoundingRect(text).height())


def _text_size(fm: QFontMetricsF, text: str, width: float | None = None) -> tuple[float, float]:
    """Width and height of ``text`` (lines and word wrap as QLabel does)."""
    flags = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
    if width is not None:
        flags |= int(Qt.TextFlag.TextWordWrap)
    rect = fm.boundingRect(QRectF(0, 0, width if width is not None else 1e6, 1e6), flags, text)
    height = rect.height()
    if "\n" not in text and width is None:
        height = max(height, fm.tightBoundingRect(text).height())
    return rect.width(), height


def _internal(widget: QWidget) -> bool:
    """Part of a compound widget (a spin box's line edit, a scroll area's bars, a combo's popup)."""
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QComboBox | QAbstractSpinBox | QLineEdit | QHeaderView | QMenu):
            return True
        if isinstance(parent, QAbstractItemView) and not isinstance(widget, QHeaderView):
            return True  # editors and index widgets: the view's own business
        parent = parent.parentWidget()
    return isinstance(widget, QScrollBar | QSplitterHandle) or widget.objectName().startswith("qt_scrollarea")


def _visible_widgets(top: QWidget) -> list[QWidget]:
    return [w for w in top.findChildren(QWidget) if w.isVisible() and w.window() is top]


# -- text fit ---------------------------------------------------------------------------------------

def _fits(need_w: float, need_h: float, rect: QRect | QRectF) -> bool:
    return need_w <= rect.width() + TOLERANCE and need_h <= rect.height() + TOLERANCE


def _clip(widget: QWidget, text: str, need_w: float, need_h: float, rect: QRect | QRectF) -> Problem:
    return Problem("clipped", describe(widget, text),
                   f"needs {need_w:.0f}×{need_h:.0f}, has {rect.width():.0f}×{rect.height():.0f}")


def _label_fit(label: QLabel) -> Problem | None:
    text = label.text()
    if not text or (label.pixmap() is not None and not label.pixmap().isNull()):
        return None
    m = label.margin()
    cr = label.contentsRect().adjusted(m, m, -m, -m)
    rich = label.textFormat() == Qt.TextFormat.RichText or (
        label.textFormat() == Qt.TextFormat.AutoText and QtGui.Qt.mightBeRichText(text))
    if rich:
        doc = QTextDocument()
        doc.setDefaultFont(label.font())
        doc.setDocumentMargin(0)
        doc.setHtml(text)
        if label.wordWrap():
            doc.setTextWidth(cr.width())
            need_w, need_h = min(doc.idealWidth(), cr.width()), doc.size().height()
        else:
            need_w, need_h = doc.idealWidth(), doc.size().height()
        shown = doc.toPlainText()
    else:
        shown = _shown(text) if label.buddy() is not None else text
        fm = QFontMetricsF(label.font())
        need_w, need_h = _text_size(fm, shown, cr.width() if label.wordWrap() else None)
    if not _fits(need_w, need_h, cr):
        return _clip(label, shown, need_w, need_h, cr)
    return None


def _button_fit(button: QAbstractButton) -> Problem | None:
    text = _shown(button.text())
    if not text or isinstance(button, QToolButton):
        return None
    opt = QStyleOptionButton()
    opt.initFrom(button)
    opt.text = button.text()
    opt.icon = button.icon()
    opt.iconSize = button.iconSize()
    style = button.style()
    if isinstance(button, QCheckBox):
        rect = style.subElementRect(QStyle.SubElement.SE_CheckBoxContents, opt, button)
    elif isinstance(button, QRadioButton):
        rect = style.subElementRect(QStyle.SubElement.SE_RadioButtonContents, opt, button)
    elif isinstance(button, QPushButton):
        if button.menu() is not None:
            opt.features |= QStyleOptionButton.ButtonFeature.HasMenu
        rect = style.subElementRect(QStyle.SubElement.SE_PushButtonContents, opt, button)
        if button.menu() is not None:
            rect.setWidth(rect.width() - style.pixelMetric(QStyle.PixelMetric.PM_MenuButtonIndicator, opt, button))
        rect = rect.intersected(button.rect())
    else:
        rect = button.contentsRect()
    fm = QFontMetricsF(button.font())
    need_w, need_h = _text_size(fm, text)
    if not button.icon().isNull():
        need_w += button.iconSize().width() + 4
    if not _fits(need_w, need_h, rect):
        return _clip(button, text, need_w, need_h, rect)
    return None


def _line_edit_fit(edit: QLineEdit) -> Problem | None:
    opt = QStyleOptionFrame()
    opt.initFrom(edit)
    frame = edit.style().pixelMetric(QStyle.PixelMetric.PM_DefaultFrameWidth, opt, edit)
    opt.lineWidth = frame if edit.hasFrame() else 0
    rect = edit.style().subElementRect(QStyle.SubElement.SE_LineEditContents, opt, edit)
    margins = edit.textMargins()
    rect = rect.adjusted(margins.left(), margins.top(), -margins.right(), -margins.bottom())
    fm = QFontMetricsF(edit.font())
    placeholder = not edit.text() and bool(edit.placeholderText())
    text = edit.placeholderText() if placeholder else edit.displayText()
    need_h = _line_height(fm, text)
    need_w = fm.horizontalAdvance(text) + 4 if placeholder else 0.0  # typed text scrolls; a placeholder is cut
    if not _fits(need_w, need_h, rect):
        return _clip(edit, text, need_w, need_h, rect)
    return None


def _combo_fit(combo: QComboBox) -> Problem | None:
    if combo.isEditable():
        return None  # its line edit is checked as a line edit
    text = combo.currentText()
    opt = QStyleOptionComboBox()
    opt.initFrom(combo)
    opt.currentText = text
    opt.editable = False
    rect = combo.style().subControlRect(QStyle.ComplexControl.CC_ComboBox, opt,
                                        QStyle.SubControl.SC_ComboBoxEditField, combo)
    fm = QFontMetricsF(combo.font())
    need_w, need_h = fm.horizontalAdvance(text), _line_height(fm, text)
    if not _fits(need_w, need_h, rect):
        return _clip(combo, text, need_w, need_h, rect)
    return None


def _group_fit(box: QGroupBox) -> Problem | None:
    title = _shown(box.title())
    if not title:
        return None
    opt = QStyleOptionGroupBox()
    opt.initFrom(box)
    opt.text = box.title()
    opt.lineWidth = 1
    opt.subControls = QStyle.SubControl.SC_GroupBoxFrame | QStyle.SubControl.SC_GroupBoxLabel
    opt.textAlignment = box.alignment()
    rect = box.style().subControlRect(QStyle.ComplexControl.CC_GroupBox, opt, QStyle.SubControl.SC_GroupBoxLabel, box)
    rect = rect.intersected(box.rect())
    fm = QFontMetricsF(box.font())
    need_w, need_h = fm.boundingRect(title).width(), _line_height(fm, title)  # as the style measures it
    if not _fits(need_w, need_h, rect):
        return _clip(box, title, need_w, need_h, rect)
    return None


def _view_fit(view: QAbstractItemView, limit: int = 40) -> list[Problem]:
    """Rows of a list or table: every visible row as tall as its text (lists: as wide too)."""
    model = view.model()
    if model is None:
        return []
    out: list[Problem] = []
    viewport = view.viewport().rect()
    columns = view.horizontalHeader().count() if isinstance(view, QTableView) else 1
    hidden = view.isColumnHidden if isinstance(view, QTableView) else (lambda _c: False)
    for row in range(min(model.rowCount(view.rootIndex()), 500)):
        for col in range(columns):
            if hidden(col):
                continue
            index = model.index(row, col, view.rootIndex())
            rect = view.visualRect(index)
            if not rect.isValid() or not rect.intersects(viewport):
                continue
            text = index.data(Qt.ItemDataRole.DisplayRole)
            if text is None or str(text) == "":
                continue
            text = str(text)
            font = index.data(Qt.ItemDataRole.FontRole) or view.font()
            fm = QFontMetricsF(font)
            cell = QRectF(rect).adjusted(2, 0, -2, 0)
            if isinstance(view, QListView):
                # lists wrap when asked to and are as wide as their viewport: the whole text shows
                need_w, need_h = _text_size(fm, text, cell.width() if view.wordWrap() else None)
            else:  # table cells elide by design (the column can be widened): only the height counts
                wraps = isinstance(view, (QTableView, QTreeView)) and view.wordWrap()  # the views that can wrap
                need_w, need_h = 0.0, (_text_size(fm, text, cell.width())[1] if wraps else _line_height(fm, text))
            if not _fits(need_w, need_h, cell):
                out.append(Problem("clipped", describe(view, text), f"row {row} needs {need_w:.0f}×{need_h:.0f}, "
                                                                    f"has {cell.width():.0f}×{cell.height():.0f}"))
            if len(out) >= limit:
                return out
    return out


def _header_fit(header: QHeaderView) -> list[Problem]:
    model = header.model()
    if model is None or header.orientation() != Qt.Orientation.Horizontal:
        return []
    out: list[Problem] = []
    fm = QFontMetricsF(header.font())
    margin = header.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header)
    for section in range(header.count()):
        if header.isSectionHidden(section):
            continue
        text = model.headerData(section, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
        if not text:
            continue
        text = str(text)
        need_w = fm.horizontalAdvance(text) + 2 * margin
        if header.isSortIndicatorShown() and header.sortIndicatorSection() == section:
            need_w += header.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMarkSize, None, header) + margin
        need_h = _line_height(fm, text)
        has = QRectF(0, 0, header.sectionSize(section), header.height())
        if not _fits(need_w, need_h, has):
            out.append(Problem("clipped", describe(header, text),
                               f"header needs {need_w:.0f}×{need_h:.0f}, has {has.width():.0f}×{has.height():.0f}"))
    return out


def _menu_fit(menu: QMenu) -> list[Problem]:
    out: list[Problem] = []
    fm = QFontMetricsF(menu.font())
    rows: list[QRect] = []
    for action in menu.actions():
        if action.isSeparator() or not action.isVisible():
            continue
        rect = menu.actionGeometry(action)
        text = _shown(action.text())
        need_h = _line_height(fm, text)
        if need_h > rect.height() + TOLERANCE:
            out.append(Problem("clipped", describe(menu, text),
                               f"menu row needs {need_h:.0f} px, has {rect.height()}"))
        rows.append(rect)
    return out


def text_problems(top: QWidget) -> list[Problem]:
    out: list[Problem] = []
    for w in [top, *_visible_widgets(top)]:
        if isinstance(w, QLineEdit) and not _internal_of_view(w):
            p = _line_edit_fit(w)
        elif _internal(w):
            continue
        elif isinstance(w, QLabel):
            p = _label_fit(w)
        elif isinstance(w, QAbstractButton):
            p = _button_fit(w)
        elif isinstance(w, QComboBox):
            p = _combo_fit(w)
        elif isinstance(w, QGroupBox):
            p = _group_fit(w)
        elif isinstance(w, QMenu):
            out += _menu_fit(w)
            continue
        elif isinstance(w, QAbstractItemView):
            out += _view_fit(w)
            if isinstance(w, QTableView):
                out += _header_fit(w.horizontalHeader()) if w.horizontalHeader().isVisible() else []
            continue
        else:
            continue
        if p is not None:
            out.append(p)
    return out


def _internal_of_view(widget: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QAbstractItemView):
            return True
        parent = parent.parentWidget()
    return False


# -- placement --------------------------------------------------------------------------------------

def _scroll_area_of_viewport(widget: QWidget) -> QAbstractScrollArea | None:
    parent = widget.parentWidget()
    if isinstance(parent, QAbstractScrollArea) and parent.viewport() is widget:
        return parent
    return None


def placement_problems(top: QWidget, screen: tuple[int, int]) -> list[Problem]:
    out: list[Problem] = []
    if top.width() > screen[0] or top.height() > screen[1]:
        out.append(Problem("outside", describe(top), f"the window is {top.width()}×{top.height()}, "
                                                     f"the screen {screen[0]}×{screen[1]}"))
    for w in _visible_widgets(top):
        if _internal(w):
            continue
        if isinstance(w, QAbstractScrollArea) and not isinstance(w, QTextEdit | QPlainTextEdit):
            bar = w.horizontalScrollBar()
            if bar.maximum() > 0:
                out.append(Problem("sideways", describe(w), f"scrolls {bar.maximum()} px sideways"))
        rect = QRect(w.mapTo(top, w.rect().topLeft()), w.size())
        child: QWidget = w
        parent = w.parentWidget()
        while parent is not None and child is not top:
            area = _scroll_area_of_viewport(parent)
            if area is not None:
                if _is_primary(w):
                    out.append(Problem("outside", describe(w), f"a primary action inside a scroll area "
                                                               f"({describe(area)}): it scrolls away"))
                break  # the scroll area brings it in (sideways ranges are reported above)
            visible = QRect(parent.mapTo(top, parent.rect().topLeft()), parent.size())
            if not visible.adjusted(-1, -1, 1, 1).contains(rect):
                out.append(Problem("outside", describe(w), f"{_r(rect)} reaches outside {describe(parent, ' ')} "
                                                           f"{_r(visible)}"))
                break
            child, parent = parent, parent.parentWidget()
    return out


def _r(rect: QRect) -> str:
    return f"({rect.x()},{rect.y()} {rect.width()}×{rect.height()})"


def _is_primary(widget: QWidget) -> bool:
    if widget.objectName() in PRIMARY_NAMES or bool(widget.property("primary")):
        return True
    if isinstance(widget, QPushButton) and isinstance(widget.parentWidget(), QDialogButtonBox):
        return True
    return False


# -- overlap ----------------------------------------------------------------------------------------

def _layout_widgets(widget: QWidget) -> list[QWidget]:
    """The child widgets that ``widget``'s layouts place. Asked of the layouts (QObjects) with
    ``indexOf``, never through ``itemAt``: a Python wrapper of a QLayoutItem outlives the item, and
    PySide later hands it out for another object at the same address (a crash)."""
    layouts = [lay for lay in widget.findChildren(QLayout) if lay.parentWidget() is widget]
    if not layouts:
        return []
    kids = [k for k in widget.children() if isinstance(k, QWidget)]
    return [k for k in kids if any(lay.indexOf(k) >= 0 for lay in layouts)]


def overlap_problems(top: QWidget) -> list[Problem]:
    out: list[Problem] = []
    for parent in [top, *_visible_widgets(top)]:
        if _internal(parent):
            continue
        kids = [k for k in _layout_widgets(parent) if k.isVisible() and not k.isWindow()]
        for i, a in enumerate(kids):
            for b in kids[i + 1:]:
                both = a.geometry().intersected(b.geometry())
                if both.width() > 1 and both.height() > 1:
                    out.append(Problem("overlap", describe(a), f"lies on {describe(b)} "
                                                               f"({both.width()}×{both.height()} px)"))
    return out


# -- language ---------------------------------------------------------------------------------------

@cache
def _catalogue() -> tuple[frozenset[str], tuple[re.Pattern[str], ...]]:
    """The Chinese sources of the Tibetan catalogue: exact texts and, for texts with {placeholders},
    patterns (a text shown in Chinese in Tibetan mode that matches one was not translated)."""
    path = resources_dir() / "translations" / "bianmin_bo.ts"
    exact: set[str] = set()
    patterns: list[re.Pattern[str]] = []
    try:
        root = ET.parse(path).getroot()
    except (OSError, ET.ParseError):
        return frozenset(), ()
    for message in root.iter("message"):
        source = message.findtext("source") or ""
        shown = _shown(source).strip()
        if not _HAN.search(shown):
            continue
        if "{" in shown:
            parts = re.split(r"\{[a-z_0-9]*\}", shown)
            if sum(len(p) for p in parts) >= 2:
                patterns.append(re.compile("^" + "(.+?)".join(re.escape(p) for p in parts) + "$", re.S))
        else:
            exact.add(shown)
    return frozenset(exact), tuple(patterns)


def _untranslated(text: str) -> bool:
    exact, patterns = _catalogue()
    text = text.strip()
    return text in exact or any(p.match(text) for p in patterns)


def _language_of(text: str, language: str, interface: bool, data_words: frozenset[str]) -> str | None:
    """Why ``text`` is not in ``language`` (None when it is)."""
    if not text.strip():
        return None
    plain = re.sub(r"<[^>]+>", " ", text)
    for word in data_words:
        plain = plain.replace(word, " ")
    plain = _PATHS.sub(" ", plain)  # a data directory is data
    codes = _CODE.findall(plain)
    if codes:
        return f"a raw code ({codes[0]})"
    stripped = _DATA_TOKENS.sub(" ", _KEYS.sub(" ", plain))
    english = [w for w in _WORD.findall(stripped) if w not in ALLOWED_WORDS]
    if english:
        return f"English ({' '.join(english[:3])})"
    if language == "bo" and _HAN.search(plain) and not _TIBETAN.search(plain):
        if _untranslated(_shown(plain)):
            return "Chinese where Tibetan is expected (the catalogue has it)"
        if interface:
            return "Chinese where Tibetan is expected"
    return None


def language_problems(top: QWidget, language: str, data_words: Iterable[str] = ()) -> list[Problem]:
    data = frozenset(w for w in data_words if w)
    out: list[Problem] = []
    if top.objectName() in BILINGUAL_WINDOWS:
        language = "zh"  # both languages are shown: only English and raw codes are wrong here

    def check(widget: QWidget, text: str, interface: bool, what: str = "") -> None:
        why = _language_of(text, language, interface, data)
        if why:
            out.append(Problem("language", describe(widget, text), (what + ": " if what else "") + why))

    check(top, top.windowTitle(), True, "window title")
    for w in _visible_widgets(top):
        if w.objectName() in DATA_WIDGETS:
            continue
        if isinstance(w, QLineEdit):
            if not w.text() and w.placeholderText():
                check(w, w.placeholderText(), True, "placeholder")
            continue
        if _internal(w) and not isinstance(w, QMenu | QHeaderView):
            continue
        if isinstance(w, QLabel):
            check(w, w.text(), bool(w.buddy()))
        elif isinstance(w, QAbstractButton):
            check(w, w.text(), True)
        elif isinstance(w, QGroupBox):
            check(w, w.title(), True)
        elif isinstance(w, QComboBox) and not w.isEditable():
            check(w, w.currentText(), False)
        elif isinstance(w, QMenu):
            for action in w.actions():
                if not action.isSeparator() and action.isVisible():
                    check(w, action.text(), True, "menu")
        elif isinstance(w, QHeaderView) and w.model() is not None:
            for section in range(w.count()):
                text = w.model().headerData(section, w.orientation(), Qt.ItemDataRole.DisplayRole)
                if text and w.orientation() == Qt.Orientation.Horizontal:
                    check(w, str(text), True, "header")
    return out


# -- all of it --------------------------------------------------------------------------------------

def audit(top: QWidget, language: str, screen: tuple[int, int] = (1366, 768),
          data_words: Iterable[str] = ()) -> list[Problem]:
    """Every problem of ``top`` (a window, a dialog, a menu) as it is shown now."""
    problems = (text_problems(top) + placement_problems(top, screen) + overlap_problems(top)
                + language_problems(top, language, data_words))
    return list(dict.fromkeys(problems))  # each once, in the order found


def table(results: dict[tuple[str, str, int], list[Problem]]) -> str:
    """Screen × language × scale: how many problems of each kind, then each problem."""
    kinds = ("clipped", "outside", "sideways", "language", "overlap")
    lines = [f"{'screen':<28} {'lang':<4} {'scale':>5} " + " ".join(f"{k:>8}" for k in kinds) + f" {'total':>6}"]
    for (screen, language, scale), problems in results.items():
        counts = [sum(1 for p in problems if p.kind == k) for k in kinds]
        lines.append(f"{screen:<28} {language:<4} {scale:>5} " + " ".join(f"{c:>8}" for c in counts)
                     + f" {len(problems):>6}")
    total = sum(len(p) for p in results.values())
    lines.append(f"{'all':<28} {'':<4} {'':>5} " + " ".join(
        f"{sum(1 for ps in results.values() for p in ps if p.kind == k):>8}" for k in kinds) + f" {total:>6}")
    for (screen, language, scale), problems in results.items():
        for p in problems:
            lines.append(f"  {screen} {language} {scale}%: {p}")
    return "\n".join(lines)
