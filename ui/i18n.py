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
from pathlib import Path

from PySide6.QtCore import QEvent, QLocale, QTranslator
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from app.config import resources_dir

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
        super().changeEvent(event)  # type: ignore[misc]


class Appearance:
    """Owns the app's translator and font; one per QApplication."""

    def __init__(self, app: QApplication) -> None:
        self.app = app
        self.language = "zh"
        self.scale = 100
        self.families = _register_fonts()
        self._translator: QTranslator | None = None
        self.set_scale(100)

    def set_language(self, language: str) -> bool:
        """Switch the interface language; False (and Chinese) when the translation is missing."""
        if language == self.language:
            return True
        if self._translator is not None:
            self.app.removeTranslator(self._translator)
            self._translator = None
        ok = True
        if language == "bo":
            translator = QTranslator(self.app)
            ok = translator.load(str(translations_dir() / "bianmin_bo.qm"))
            if ok:
                self.app.installTranslator(translator)
                self._translator = translator
            else:
                log.warning("Tibetan translation not found")
        self.language = language if ok else "zh"
        QLocale.setDefault(QLocale(QLocale.Language.Tibetan if self.language == "bo" else QLocale.Language.Chinese,
                                   QLocale.Country.China))
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
        self.app.setStyleSheet(style_sheet(self.point_size()))

    def point_size(self, factor: float = 1.0) -> float:
        """A point size relative to the scaled base, for headings and the evaluation screen."""
        return BASE_POINT_SIZE * self.scale / 100 * factor


def style_sheet(pt: float) -> str:
    return (f"* {{ font-size: {pt:.1f}pt; }}\n"
            f"*[heading=\"1\"] {{ font-size: {pt * 1.6:.1f}pt; font-weight: bold; }}\n"
            f"*[heading=\"2\"] {{ font-size: {pt * 1.25:.1f}pt; font-weight: bold; }}\n"
            f"*[size=\"big\"] {{ font-size: {pt * 1.8:.1f}pt; }}\n"
            f"*[size=\"small\"] {{ font-size: {pt * 0.85:.1f}pt; }}\n")


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
