"""The window's part of ``bianmin --self-test``: Qt, its PDF module, the bundled fonts and the
Tibetan translation load on this machine, and the receipt the core printed reads back.

Runs on Qt's offscreen platform, so an IT officer can run the self-test from a terminal or over
SSH; whether the desktop's own platform plugin starts is seen by opening the window. The command
line (``bianmin.selftest``) runs it as an extra step and passes its context in (:class:`Receipts`).
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any, Protocol

from PySide6.QtCore import QSize
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from ui.i18n import Appearance
from ui.print_preview import PdfInMemory

log = logging.getLogger(__name__)


class Receipts(Protocol):
    """What the window's step reads of the self-test's context: the receipt it printed of a case."""

    case_no: str
    receipts: dict[str, Path]  # language -> PDF file


def _application() -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    return QApplication(["bianmin", "-platform", "offscreen"])


def _inked(image: QImage, step: int = 7) -> int:
    """How many sampled pixels are not white: a page rendered blank has none."""
    pixels = (image.pixel(x, y) for y in range(0, image.height(), step) for x in range(0, image.width(), step))
    return sum(1 for p in pixels if (p >> 24) & 0xFF and (p & 0xFFFFFF) != 0xFFFFFF)  # drawn, not white


def window_step(ctx: Receipts) -> dict[str, Any]:
    app = _application()
    appearance = Appearance(app)
    if not appearance.set_language("bo"):
        raise AssertionError("tibetan_translation_missing")
    appearance.set_language("zh")
    detail: dict[str, Any] = {"fonts": len(appearance.families), "platform": app.platformName()}
    for lang, path in ctx.receipts.items():
        pdf = PdfInMemory(path.read_bytes())
        text = pdf.document.getAllText(0).text()
        if ctx.case_no not in text.replace(" ", ""):
            raise AssertionError(f"receipt_{lang}_case_no_unreadable")
        size = pdf.document.pagePointSize(0).toSize()
        image = pdf.document.render(0, QSize(size.width(), size.height()))
        if image.isNull() or _inked(image) < 50:
            raise AssertionError(f"receipt_{lang}_renders_blank")
        detail[f"{lang}_pages"] = pdf.document.pageCount()
        pdf.document.close()
    return detail
