"""The bundled fonts: registration with ReportLab, font runs per character, coverage.

Text is cut into runs that one font can draw: Tibetan in Noto Serif Tibetan (shaped by HarfBuzz),
everything else in Droid Sans Fallback, and rare Han characters it lacks in BianminRareHan.
A character no bundled font has is reported (:func:`missing`), never dropped.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.pdfbase.ttfonts import TTFont

from app.config import resources_dir

log = logging.getLogger(__name__)

LATIN = "BianminLatin"
LATIN_BOLD = "BianminLatin-Bold"
HAN = "BianminHan"
HAN_BOLD = HAN  # Droid has no bold face; headings are set larger instead of parsing the font twice
RARE = "BianminRareHan"
TIBETAN = "BianminTibetan"
TIBETAN_BOLD = "BianminTibetan-Bold"

_FILES = {
    LATIN: "NotoSans-Regular.ttf",
    LATIN_BOLD: "NotoSans-Bold.ttf",
    HAN: "DroidSansFallbackFull.ttf",
    RARE: "BianminRareHan.ttf",
    TIBETAN: "NotoSerifTibetan-Regular.ttf",
    TIBETAN_BOLD: "NotoSerifTibetan-Bold.ttf",
}
# Characters that are layout, not glyphs: never reported as missing.
_INVISIBLE = {"\n", "\r", "\t", "\u200b", "\u200c", "\u200d", "\ufeff"}


def fonts_dir() -> Path:
    return resources_dir() / "fonts"


@dataclass(frozen=True)
class FontSet:
    latin: frozenset[int]
    han: frozenset[int]
    rare: frozenset[int]
    tibetan: frozenset[int]

    def font_for(self, ch: str, bold: bool = False) -> str | None:
        cp = ord(ch)
        if 0x0F00 <= cp <= 0x0FFF:
            return (TIBETAN_BOLD if bold else TIBETAN) if cp in self.tibetan else None
        if cp < 0x2E80 and cp in self.latin:
            return LATIN_BOLD if bold else LATIN
        if cp in self.han:
            return HAN_BOLD if bold else HAN
        if cp in self.rare:
            return RARE
        if cp in self.tibetan:
            return TIBETAN_BOLD if bold else TIBETAN
        return None


def _cmap(name: str) -> frozenset[int]:
    """The characters of a registered font, from ReportLab's own parse of it (no second read)."""
    return frozenset(pdfmetrics.getFont(name).face.charToGlyph)


_reportlab_to_unicode = ttfonts.makeToUnicodeCMap


def _utf16_hex(cp: int) -> str:
    return chr(cp).encode("utf-16-be").hex().upper()


def _to_unicode_cmap(fontname: str, subset: list[int]) -> str:
    """ReportLab's ToUnicode CMap, with characters beyond U+FFFF written as UTF-16 surrogate pairs.

    ReportLab writes ``<%04X>``, which turns 𠮷 (U+20BB7) into a five-digit code that readers
    take for another character; text extraction and search then lose rare names.
    """
    text = _reportlab_to_unicode(fontname, [cp if cp <= 0xFFFF else 0 for cp in subset])
    lines = text.split("\n")
    for i, cp in enumerate(subset):
        if cp > 0xFFFF:
            lines = [f"<{i:02X}> <{_utf16_hex(cp)}>" if line == f"<{i:02X}> <0000>" else line for line in lines]
    return "\n".join(lines)


@lru_cache(maxsize=1)
def fontset() -> FontSet:
    """Register the bundled fonts with ReportLab (once per process) and return their coverage."""
    ttfonts.makeToUnicodeCMap = _to_unicode_cmap  # see _to_unicode_cmap
    d = fonts_dir()
    for name, filename in _FILES.items():
        pdfmetrics.registerFont(TTFont(name, str(d / filename)))
    pdfmetrics.registerFontFamily(LATIN, normal=LATIN, bold=LATIN_BOLD, italic=LATIN, boldItalic=LATIN_BOLD)
    pdfmetrics.registerFontFamily(HAN, normal=HAN, bold=HAN_BOLD, italic=HAN, boldItalic=HAN_BOLD)
    pdfmetrics.registerFontFamily(TIBETAN, normal=TIBETAN, bold=TIBETAN_BOLD, italic=TIBETAN,
                                  boldItalic=TIBETAN_BOLD)
    return FontSet(latin=_cmap(LATIN), han=_cmap(HAN), rare=_cmap(RARE), tibetan=_cmap(TIBETAN))


def missing(text: str) -> list[str]:
    """Characters of ``text`` that no bundled font can draw, each once, in order."""
    fs = fontset()
    seen: dict[str, None] = {}
    for ch in text:
        if ch not in _INVISIBLE and not ch.isspace() and fs.font_for(ch) is None:
            seen.setdefault(ch, None)
    return list(seen)


def runs(text: str, bold: bool = False) -> list[tuple[str, str]]:
    """``text`` cut into (font name, text) runs; spaces join the run they stand in."""
    fs = fontset()
    out: list[tuple[str, str]] = []
    plain = LATIN_BOLD if bold else LATIN
    for ch in text:
        font: str | None
        if ch.isspace():  # a space stays in its run, unless that font has no space (the rare-Han subset)
            font = out[-1][0] if out and out[-1][0] != RARE else plain
        else:
            font = fs.font_for(ch, bold)
        if font is None:
            raise ValueError(f"no bundled font has U+{ord(ch):04X}")
        if out and out[-1][0] == font:
            out[-1] = (font, out[-1][1] + ch)
        else:
            out.append((font, ch))
    return out


def has_tibetan(text: str) -> bool:
    return any("\u0f00" <= ch <= "\u0fff" for ch in text)


def separate_scripts(text: str) -> str:
    """A space wherever the font changes inside a word (ReportLab shapes a word with one font)."""
    fs = fontset()
    out: list[str] = []
    prev: str | None = None
    for ch in text:
        if ch.isspace():
            prev = None
        else:
            font = fs.font_for(ch)
            if prev is not None and font != prev:
                out.append(" ")
            prev = font
        out.append(ch)
    return "".join(out)


def markup(text: str, bold: bool = False) -> str:
    """Paragraph markup that draws ``text`` with the right font for every run."""
    return "".join(f'<font name="{font}">{escape(part)}</font>' for font, part in runs(text, bold))
