"""Interface language and font scale, switchable while the window runs.

Chinese is the source language; Tibetan comes from ``resources/translations/bianmin_bo.qm``
(compiled from the Qt Linguist file ``bianmin_bo.ts`` by ``make translations``). Installing or
removing the translator sends every widget a LanguageChange event: each page re-sets its texts in
``retranslate()``, called from ``changeEvent``.

The bundled fonts are registered with Qt so Tibetan is shaped (HarfBuzz, Noto Serif Tibetan) and
rare Han characters show, whatever the machine has installed.
"""

from __future__ import annotations

import logging
import math
from functools import cache
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QLibraryInfo,
    QLocale,
    QObject,
    QTranslator,
)
from PySide6.QtGui import QFont, QFontDatabase, QFontMetricsF
from PySide6.QtWidgets import QApplication

from app.config import resources_dir
from app.messages import QT_TRANSLATE_NOOP

log = logging.getLogger(__name__)

LANGUAGES = ("zh", "bo")
BASE_POINT_SIZE = 11.0
_FONT_FILES = ("NotoSans-Regular.ttf", "NotoSans-Bold.ttf", "DroidSansFallbackFull.ttf", "BianminRareHan.ttf",
               "NotoSerifTibetan-Regular.ttf", "NotoSerifTibetan-Bold.ttf")


def translations_dir() -> Path:
    return resources_dir() / "translations"


class Retranslating:
    """Mixin for a widget (put it before the Qt class): its ``retranslate()`` runs on every
    LanguageChange, the event Qt sends each widget when a translator is installed or removed."""

    def retranslate(self) -> None:
        """Set every visible text again."""

    def changeEvent(self, event: QEvent) -> None:  # Qt's name
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)  # type: ignore[misc]  # the Qt class after this mixin has it; the checker sees object


# The Tibetan translator installed on the application now (at most one), whichever Appearance did it.
_TIBETAN_INSTALLED: list[QTranslator] = []


class Appearance:
    """Owns the app's translator and font; one per QApplication."""

    def __init__(self, app: QApplication) -> None:
        self.app = app
        self.language = "zh"
        self.scale = 100
        self.families = _register_fonts()
        self._translator: QTranslator | None = None
        # A new Appearance starts in Chinese: a Tibetan translator an earlier one installed on this
        # application (a window closed in Tibetan) comes off.
        for stale in _TIBETAN_INSTALLED:
            app.removeTranslator(stale)
        _TIBETAN_INSTALLED.clear()
        install_qt_translations(app)  # standard buttons and dialogs in Chinese (Tibetan: bianmin_bo.qm)
        self.set_scale(100)

    def set_language(self, language: str) -> bool:
        """Switch the interface language; False (and Chinese) when the translation is missing."""
        if language == self.language:
            return True
        if self._translator is not None:
            self.app.removeTranslator(self._translator)
            if self._translator in _TIBETAN_INSTALLED:
                _TIBETAN_INSTALLED.remove(self._translator)
            self._translator = None
        ok = True
        if language == "bo":
            translator = QTranslator(self.app)
            ok = translator.load(str(translations_dir() / "bianmin_bo.qm"))
            if ok:
                self.app.installTranslator(translator)
                self._translator = translator
                _TIBETAN_INSTALLED.append(translator)
            else:
                log.warning("Tibetan translation not found")
        self.language = language if ok else "zh"
        QLocale.setDefault(QLocale(QLocale.Language.Tibetan if self.language == "bo" else QLocale.Language.Chinese,
                                   QLocale.Country.China))
        # Qt posts LanguageChange to each top-level window; deliver them now, so every page reads
        # the new language when this returns (not at some later turn of the event loop).
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)
        return ok

    def set_scale(self, percent: int) -> None:
        """Font scale 100–200 % (适老化) for every widget at once.

        The size goes in through the application's style sheet: Qt then polishes every widget
        again and layouts recompute their sizes (``QApplication.setFont`` alone leaves widgets
        that have a style sheet, and cached size hints, behind). Larger text is asked for by a
        property, never by a fixed size: ``heading`` "1" (page titles) or "2" (section titles),
        ``size`` "big" (the citizen's evaluation buttons) or "small" (notes)."""
        self.scale = max(100, min(200, int(percent)))
        font = QFont()
        font.setFamilies(self.families)
        font.setPointSizeF(self.point_size())
        self.app.setFont(font)
        self.app.setStyleSheet(style_sheet(self.point_size(), self.families))

    def point_size(self, factor: float = 1.0) -> float:
        """A point size relative to the scaled base, for headings and the evaluation screen."""
        return BASE_POINT_SIZE * self.scale / 100 * factor


# Tibetan with the deepest stacks and the tallest vowel signs a form holds (names, places, items).
TALL_SAMPLES = ("བསྒྲུབས་ སྒྲོལ་མ", "སྐྱེ་ཀྲྀ་རྒྱུད་ཧཱུྃ་ཕྱོགས་", "扎西顿珠 Ag")
TIBETAN_FAMILY = "Noto Serif Tibetan"


@cache
def _line_height(pt: float, families: tuple[str, ...]) -> int:
    return line_height(pt, list(families))


def row_height(font: QFont) -> int:
    """A table row for ``font``: the tallest script's line and a little air."""
    return _line_height(round(font.pointSizeF(), 1), tuple(QApplication.font().families())) + 6


def line_height(pt: float, families: list[str] | None = None) -> int:
    """The height of one line of text at ``pt`` points in the tallest script on the screen.

    Qt lays out a line with the ascent and descent of every font it uses, so a Tibetan name in a
    Chinese field needs the Tibetan font's line, about twice the Latin one; and the ink of deep
    stacks (བསྒྲུབས་) goes further than the Latin font's descent. Measured, never guessed: the
    app's font (with its fallbacks) and the Tibetan font alone, their line height and the ink of
    ``TALL_SAMPLES``."""
    fonts = []
    for names in (families or [], [TIBETAN_FAMILY]):
        font = QFont()
        if names:
            font.setFamilies(names)
        font.setPointSizeF(pt)
        fonts.append(font)
    tallest = 0.0
    for font in fonts:
        fm = QFontMetricsF(font)
        tallest = max(tallest, fm.height())
        for sample in TALL_SAMPLES:
            tallest = max(tallest, fm.boundingRect(sample).height(), fm.tightBoundingRect(sample).height())
    return math.ceil(tallest)


def style_sheet(pt: float, families: list[str] | None = None) -> str:
    """The application's style sheet at base size ``pt``: font sizes by property, and the heights
    of every one-line input, button, menu row and table row from the real line height of the
    tallest script (``line_height``), so a Tibetan stack is never cut at any scale."""
    line = line_height(pt, families)
    big = line_height(pt * 1.8, families)
    base = QFontMetricsF(_font(pt, families)).height()
    menu_pad = max(2, math.ceil((line - base) / 2) + 2)  # a menu row is the Latin line plus its padding
    tick = max(14, round(base * 0.85))  # a check box's or radio button's box grows with the text (13 px at 200 %)
    return (f"* {{ font-size: {pt:.1f}pt; }}\n"
            f"*[heading=\"1\"] {{ font-size: {pt * 1.6:.1f}pt; font-weight: bold; }}\n"
            f"*[heading=\"2\"] {{ font-size: {pt * 1.25:.1f}pt; font-weight: bold; }}\n"
            f"*[size=\"big\"] {{ font-size: {pt * 1.8:.1f}pt; }}\n"
            f"*[size=\"small\"] {{ font-size: {pt * 0.85:.1f}pt; }}\n"
            f"QLineEdit, QComboBox, QAbstractSpinBox, QPushButton, QCheckBox, QRadioButton "
            f"{{ min-height: {line}px; }}\n"
            f"QPushButton[size=\"big\"] {{ min-height: {big}px; }}\n"
            f"QCheckBox::indicator, QRadioButton::indicator {{ width: {tick}px; height: {tick}px; }}\n"
            f"QMenu::item {{ padding: {menu_pad}px 24px {menu_pad}px 24px; }}\n"
            f"QComboBox {{ combobox-popup: 0; }}\n"  # the list (not menu) popup, whose rows follow the next rule
            f"QComboBox QAbstractItemView::item {{ min-height: {line}px; }}\n"
            "")  # table rows: ui.page.fit_rows (a qproperty on QHeaderView here makes Qt crash at times)


def _font(pt: float, families: list[str] | None) -> QFont:
    font = QFont()
    if families:
        font.setFamilies(families)
    font.setPointSizeF(pt)
    return font


@cache  # once per process: each call added the same files to Qt's font database again (tests make many Appearances)
def _register_fonts() -> list[str]:
    families: list[str] = []
    for name in _FONT_FILES:
        path = resources_dir() / "fonts" / name
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id < 0:
            log.warning("font not loaded: %s", name)
            continue
        for family in QFontDatabase.applicationFontFamilies(font_id):
            if family not in families:
                families.append(family)
    return families


# -- Qt's own texts ---------------------------------------------------------------------------------
# Standard buttons (OK, Yes/No, Cancel, …), message boxes, Qt's file dialog and the edit menus of
# text fields speak through Qt's translations. Chinese is Qt's own qtbase_zh_CN.qm (PySide6 carries
# it; the program for station PCs too, build.spec). Qt has no Tibetan: the texts below are the ones
# Qt 6.11 looks up for those dialogs, under the contexts it uses (recorded from a QMessageBox, a
# QDialogButtonBox, a non-native QFileDialog and a text field's menu), marked so that lupdate keeps
# them in bianmin_bo.ts, where they get their Tibetan. A few texts of Qt 6.11 that qtbase_zh_CN.qm
# (made for older Qt) lacks get their Chinese from QT_ZH_GAPS.
QT_CATALOGUE = "qtbase_zh_CN"
QT_TEXTS: dict[str, tuple[str, ...]] = {
    "QPlatformTheme": (
        QT_TRANSLATE_NOOP("QPlatformTheme", "OK"), QT_TRANSLATE_NOOP("QPlatformTheme", "Cancel"),
        QT_TRANSLATE_NOOP("QPlatformTheme", "&Yes"), QT_TRANSLATE_NOOP("QPlatformTheme", "&No"),
        QT_TRANSLATE_NOOP("QPlatformTheme", "Yes to &All"), QT_TRANSLATE_NOOP("QPlatformTheme", "N&o to All"),
        QT_TRANSLATE_NOOP("QPlatformTheme", "Save"), QT_TRANSLATE_NOOP("QPlatformTheme", "Save All"),
        QT_TRANSLATE_NOOP("QPlatformTheme", "Open"), QT_TRANSLATE_NOOP("QPlatformTheme", "Close"),
        QT_TRANSLATE_NOOP("QPlatformTheme", "Discard"), QT_TRANSLATE_NOOP("QPlatformTheme", "Apply"),
        QT_TRANSLATE_NOOP("QPlatformTheme", "Reset"), QT_TRANSLATE_NOOP("QPlatformTheme", "Restore Defaults"),
        QT_TRANSLATE_NOOP("QPlatformTheme", "Help"), QT_TRANSLATE_NOOP("QPlatformTheme", "Abort"),
        QT_TRANSLATE_NOOP("QPlatformTheme", "Retry"), QT_TRANSLATE_NOOP("QPlatformTheme", "Ignore"),
    ),
    # Under a GNOME-like desktop (the gtk3 platform theme) a few buttons are named here instead.
    "QGnomeTheme": (
        QT_TRANSLATE_NOOP("QGnomeTheme", "&OK"), QT_TRANSLATE_NOOP("QGnomeTheme", "&Cancel"),
        QT_TRANSLATE_NOOP("QGnomeTheme", "&Save"), QT_TRANSLATE_NOOP("QGnomeTheme", "&Close"),
        QT_TRANSLATE_NOOP("QGnomeTheme", "Close without Saving"),
    ),
    "QDialogButtonBox": (QT_TRANSLATE_NOOP("QDialogButtonBox", "OK"),),
    "QMessageBox": (
        QT_TRANSLATE_NOOP("QMessageBox", "Show Details..."), QT_TRANSLATE_NOOP("QMessageBox", "Hide Details..."),
    ),
    "QFileDialog": (
        QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"), QT_TRANSLATE_NOOP("QFileDialog", "File &name:"),
        QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"), QT_TRANSLATE_NOOP("QFileDialog", "Directory:"),
        QT_TRANSLATE_NOOP("QFileDialog", "&Open"), QT_TRANSLATE_NOOP("QFileDialog", "&Save"),
        QT_TRANSLATE_NOOP("QFileDialog", "&Choose"), QT_TRANSLATE_NOOP("QFileDialog", "Open"),
        QT_TRANSLATE_NOOP("QFileDialog", "Save As"), QT_TRANSLATE_NOOP("QFileDialog", "Find Directory"),
        QT_TRANSLATE_NOOP("QFileDialog", "All Files (*)"), QT_TRANSLATE_NOOP("QFileDialog", "All files (*)"),
        QT_TRANSLATE_NOOP("QFileDialog", "Directories"), QT_TRANSLATE_NOOP("QFileDialog", "Files"),
        QT_TRANSLATE_NOOP("QFileDialog", "Back"), QT_TRANSLATE_NOOP("QFileDialog", "Forward"),
        QT_TRANSLATE_NOOP("QFileDialog", "Go back"), QT_TRANSLATE_NOOP("QFileDialog", "Go forward"),
        QT_TRANSLATE_NOOP("QFileDialog", "Parent Directory"),
        QT_TRANSLATE_NOOP("QFileDialog", "Go to the parent directory"),
        QT_TRANSLATE_NOOP("QFileDialog", "Create New Folder"), QT_TRANSLATE_NOOP("QFileDialog", "Create a New Folder"),
        QT_TRANSLATE_NOOP("QFileDialog", "New Folder"), QT_TRANSLATE_NOOP("QFileDialog", "&New Folder"),
        QT_TRANSLATE_NOOP("QFileDialog", "List View"), QT_TRANSLATE_NOOP("QFileDialog", "Detail View"),
        QT_TRANSLATE_NOOP("QFileDialog", "Change to list view mode"),
        QT_TRANSLATE_NOOP("QFileDialog", "Change to detail view mode"),
        QT_TRANSLATE_NOOP("QFileDialog", "Sidebar"), QT_TRANSLATE_NOOP("QFileDialog", "List of places and bookmarks"),
        QT_TRANSLATE_NOOP("QFileDialog", "Recent Places"), QT_TRANSLATE_NOOP("QFileDialog", "My Computer"),
        QT_TRANSLATE_NOOP("QFileDialog", "Show "), QT_TRANSLATE_NOOP("QFileDialog", "Show &hidden files"),
        QT_TRANSLATE_NOOP("QFileDialog", "&Rename"), QT_TRANSLATE_NOOP("QFileDialog", "&Delete"),
        QT_TRANSLATE_NOOP("QFileDialog", "Delete"), QT_TRANSLATE_NOOP("QFileDialog", "Remove"),
        QT_TRANSLATE_NOOP("QFileDialog", "Alt+Left"), QT_TRANSLATE_NOOP("QFileDialog", "Alt+Right"),
        QT_TRANSLATE_NOOP("QFileDialog", "Alt+Up"),
        QT_TRANSLATE_NOOP("QFileDialog", "%1 already exists.\nDo you want to replace it?"),
        QT_TRANSLATE_NOOP("QFileDialog", "%1\nFile not found.\nPlease verify the correct file name was given."),
        QT_TRANSLATE_NOOP("QFileDialog",
                          "%1\nDirectory not found.\nPlease verify the correct directory name was given."),
        QT_TRANSLATE_NOOP("QFileDialog", "Are you sure you want to delete '%1'?"),
        QT_TRANSLATE_NOOP("QFileDialog", "'%1' is write protected.\nDo you want to delete it anyway?"),
        QT_TRANSLATE_NOOP("QFileDialog", "Could not delete directory."),
    ),
    "QFileSystemModel": (
        QT_TRANSLATE_NOOP("QFileSystemModel", "Name"), QT_TRANSLATE_NOOP("QFileSystemModel", "Size"),
        QT_TRANSLATE_NOOP("QFileSystemModel", "Type"), QT_TRANSLATE_NOOP("QFileSystemModel", "Kind"),
        QT_TRANSLATE_NOOP("QFileSystemModel", "Date Modified"), QT_TRANSLATE_NOOP("QFileSystemModel", "Computer"),
        QT_TRANSLATE_NOOP("QFileSystemModel", "My Computer"), QT_TRANSLATE_NOOP("QFileSystemModel", "Invalid filename"),
        QT_TRANSLATE_NOOP("QFileSystemModel", "<b>The name \"%1\" cannot be used.</b><p>Try using another name, "
                                              "with fewer characters or no punctuation marks."),
    ),
    # The type column of the file dialog (Qt 6 asks with a disambiguation, "All other platforms",
    # for some; a translation without one answers those too).
    "QAbstractFileIconProvider": (
        QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "Drive"),
        QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "Folder"),
        QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "File"),
        QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "Shortcut"),
        QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "Unknown"),
    ),
    # The right-click menus of text fields and spin boxes.
    "QLineEdit": (
        QT_TRANSLATE_NOOP("QLineEdit", "&Undo"), QT_TRANSLATE_NOOP("QLineEdit", "&Redo"),
        QT_TRANSLATE_NOOP("QLineEdit", "Cu&t"), QT_TRANSLATE_NOOP("QLineEdit", "&Copy"),
        QT_TRANSLATE_NOOP("QLineEdit", "&Paste"), QT_TRANSLATE_NOOP("QLineEdit", "Delete"),
        QT_TRANSLATE_NOOP("QLineEdit", "Select All"),
    ),
    "QWidgetTextControl": (
        QT_TRANSLATE_NOOP("QWidgetTextControl", "&Undo"), QT_TRANSLATE_NOOP("QWidgetTextControl", "&Redo"),
        QT_TRANSLATE_NOOP("QWidgetTextControl", "Cu&t"), QT_TRANSLATE_NOOP("QWidgetTextControl", "&Copy"),
        QT_TRANSLATE_NOOP("QWidgetTextControl", "&Paste"), QT_TRANSLATE_NOOP("QWidgetTextControl", "Delete"),
        QT_TRANSLATE_NOOP("QWidgetTextControl", "Select All"),
        QT_TRANSLATE_NOOP("QWidgetTextControl", "Copy &Link Location"),
    ),
    "QAbstractSpinBox": (
        QT_TRANSLATE_NOOP("QAbstractSpinBox", "&Select All"), QT_TRANSLATE_NOOP("QAbstractSpinBox", "&Step up"),
        QT_TRANSLATE_NOOP("QAbstractSpinBox", "Step &down"),
    ),
}
QT_ZH_GAPS: dict[tuple[str, str], str] = {
    ("QFileDialog", "&Look in:"): "查找范围(&L)：",
    ("QFileDialog", "Files of &type:"): "文件类型(&T)：",
    ("QAbstractFileIconProvider", "Drive"): "驱动器",
    ("QAbstractFileIconProvider", "Folder"): "文件夹",
    ("QAbstractFileIconProvider", "File"): "文件",
    ("QAbstractFileIconProvider", "Shortcut"): "快捷方式",
    ("QAbstractFileIconProvider", "Unknown"): "未知",
}


class _Table(QTranslator):
    """A translator from a small table (Qt's Chinese texts missing from qtbase_zh_CN.qm)."""

    def __init__(self, table: dict[tuple[str, str], str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._table = table

    def translate(self, context: str, source: str, disambiguation: str | None = None,  # Qt's name
                  n: int = -1) -> str | None:
        # None is Qt's null string: "not here, ask the next translator" (an empty string would be
        # taken as the translation).
        return self._table.get((context, source))

    def isEmpty(self) -> bool:  # Qt's name
        return False


_KEPT_TRANSLATORS: list[QTranslator] = []


def install_qt_translations(app: QCoreApplication) -> bool:
    """Qt's own texts in Chinese, once per application (the Tibetan comes with bianmin_bo.qm,
    installed later and so asked first); False when Qt's catalogue is missing."""
    if app.property("bianminQtTexts"):
        return True
    app.setProperty("bianminQtTexts", True)
    qt = QTranslator(app)
    found = qt.load(QT_CATALOGUE, QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    if found:
        app.installTranslator(qt)
    else:
        log.warning("Qt's Chinese translation (%s) not found: standard buttons stay in English", QT_CATALOGUE)
    table = _Table(QT_ZH_GAPS, app)
    app.installTranslator(table)  # after Qt's own: asked before it
    # A Python subclass answers Qt's calls only while its Python object lives: kept for the
    # application's life (collected, Qt would call into freed memory: a crash in a later translate).
    _KEPT_TRANSLATORS.extend((qt, table))
    return found


_tibetan: QTranslator | None = None


def translate_in(language: str, context: str, source: str) -> str:
    """``source`` (Chinese) in ``language`` whatever the interface language is, for screens that
    show both languages at once (the citizen's rating window); the Chinese when Tibetan is missing."""
    global _tibetan
    if language != "bo":
        return source
    if _tibetan is None:
        translator = QTranslator()
        if not translator.load(str(translations_dir() / "bianmin_bo.qm")):
            log.warning("Tibetan translation not found")
        _tibetan = translator
    return _tibetan.translate(context, source) or source
