"""Papers and the building blocks every document is made of (ReportLab platypus)."""

from __future__ import annotations

import io
import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from reportlab.graphics.barcode.code128 import Code128
from reportlab.graphics.barcode.qr import QrCode
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, A5
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from app.errors import MissingGlyphs
from app.textcheck import strip_unprintable
from printing import fonts

log = logging.getLogger(__name__)


class Paper(StrEnum):
    a4 = "a4"
    a5 = "a5"
    roll80 = "80mm"


@dataclass(frozen=True)
class PaperSpec:
    width: float
    height: float | None  # None: a continuous roll, as long as the content
    margin: float
    size: float  # body font size in points
    qr: float  # side of the QR code

    @property
    def frame_width(self) -> float:
        # platypus frames keep 6 pt of padding on each side
        return self.width - 2 * self.margin - 12


SPECS: dict[Paper, PaperSpec] = {
    Paper.a4: PaperSpec(A4[0], A4[1], 16 * mm, 10, 26 * mm),
    Paper.a5: PaperSpec(A5[0], A5[1], 9 * mm, 7.8, 20 * mm),
    Paper.roll80: PaperSpec(80 * mm, None, 4 * mm, 8, 30 * mm),
}


class TibetanParagraph(Paragraph):
    """A shaped paragraph whose text stays extractable and searchable.

    Shaped Tibetan stacks are glyphs that map back to several characters, which text extraction
    loses; the paragraph is wrapped in a marked-content span carrying its text as /ActualText.
    """

    def __init__(self, text: str, style: ParagraphStyle, actual: str) -> None:
        super().__init__(text, style)
        self._actual = actual

    def draw(self) -> None:
        hex_text = ("\ufeff" + self._actual).encode("utf-16-be").hex().upper()
        self.canv._code.append(f"/Span <</ActualText <{hex_text}>>> BDC")
        super().draw()
        self.canv._code.append("EMC")


def printable(text: str) -> str:
    """``text`` as it can be printed: tabs become spaces, line ends newlines, and characters that
    are no text (controls, bidi overrides: textcheck) are left out. Intake refuses them; a text
    stored before it did must still print, not fail as a glyph no font has."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    clean = strip_unprintable(text)
    if clean != text:
        log.warning("%d control characters left out of a printed text", len(text) - len(clean))
    return clean


TSHEG = "\u0f0b"
RUN = 6  # syllables between the break points put into a long Tibetan run


def tibetan_break_points(text: str, run: int = RUN) -> str:
    """Break points in long runs of Tibetan without a space: ReportLab wraps a line only at spaces,
    and a word too long for the line is cut between two characters, inside a syllable, where the
    shaped stacks come apart (empty boxes on paper). A space after every ``RUN``-th tsheg of a run
    longer than that gives it places to wrap at a syllable's end (the printed text gets a small gap
    there; what the PDF says its text is stays as written: ``TibetanParagraph``'s ActualText). A
    narrow cell (a table's column head) takes ``run=1``: a place to wrap after every syllable."""
    out = []
    for token in re.split(r"(\s+)", text):
        if token.count(TSHEG) <= run or token.isspace():
            out.append(token)
            continue
        syllables = token.split(TSHEG)
        parts = [TSHEG.join(syllables[i:i + run]) for i in range(0, len(syllables), run)]
        out.append((TSHEG + " ").join(parts))
    return "".join(out)


# Every table names a bundled font: a table's default (Helvetica) is never embedded.
_FONT = ("FONT", (0, 0), (-1, -1), fonts.LATIN, 8)
_TIGHT = [("TOPPADDING", (0, 0), (-1, -1), 1.5), ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5), _FONT]


class Sheet:
    """Collects the flowables of one document and checks every character has a font."""

    def __init__(self, paper: Paper) -> None:
        self.paper = paper
        self.spec = SPECS[paper]
        fonts.fontset()
        s = self.spec.size
        self.body = ParagraphStyle("body", fontName=fonts.HAN, fontSize=s, leading=s * 1.4)
        self.small = ParagraphStyle("small", parent=self.body, fontSize=s * 0.85, leading=s * 1.35)
        self.title_style = ParagraphStyle("title", parent=self.body, fontSize=s * 1.6, leading=s * 2.2,
                                          alignment=1, spaceAfter=s * 0.6)
        self.right = ParagraphStyle("right", parent=self.small, alignment=2)
        self.flow: list[Flowable] = []
        self._missing: dict[str, None] = {}

    # -- text --------------------------------------------------------------------------------
    def p(self, text: str, style: ParagraphStyle | None = None, bold: bool = False, run: int = RUN) -> Paragraph:
        text = printable(text)
        for ch in fonts.missing(text):
            self._missing.setdefault(ch, None)
        if self._missing:
            return Paragraph("", style or self.body)
        style = style or self.body
        if fonts.has_tibetan(text):
            # Only Tibetan needs HarfBuzz; ReportLab shapes a word with one font, so a Tibetan
            # paragraph gets a space wherever a word would change font.
            style = ParagraphStyle(f"{style.name}-shaped", parent=style, shaping=1)
            shaped = tibetan_break_points(fonts.separate_scripts(text), run)
            return TibetanParagraph(fonts.markup(shaped, bold).replace("\n", "<br/>"),
                                    style, actual=text.replace("\n", " "))
        return Paragraph(fonts.markup(text, bold).replace("\n", "<br/>"), style)

    def title(self, text: str) -> None:
        self.flow.append(self.p(text, self.title_style, bold=True))

    def para(self, text: str, small: bool = False, heading: bool = False) -> None:
        """A paragraph; a ``heading`` goes to the next page with what follows it, never alone."""
        para = self.p(text, self.small if small else self.body)
        if heading:
            para.keepWithNext = True
        self.flow.append(para)

    def space(self, factor: float = 1.0) -> None:
        self.flow.append(Spacer(1, self.spec.size * factor))

    def new_page(self) -> None:
        """A new page; on the roll, a dashed cut line instead."""
        if self.paper is Paper.roll80:
            self.flow.append(self.p("- - - - - - - - - - - - - - - - - - - -", self.small))
        else:
            self.flow.append(PageBreak())

    def mark(self, text: str) -> None:
        """A notice in the top corner (e.g. a reprint's copy mark)."""
        self.flow.append(self.p(text, self.right, bold=True))

    # -- tables ------------------------------------------------------------------------------
    def fields(self, rows: Sequence[tuple[str, str]]) -> None:
        """Label / value rows; on the 80 mm roll the label stands above its value."""
        if self.paper is Paper.roll80:
            for label, value in rows:
                self.flow.append(self.p(f"{label}：", self.small))
                self.flow.append(self.p(value or "—"))
            return
        w = self.spec.frame_width
        data = [[self.p(label, self.small), self.p(value or "—")] for label, value in rows]
        table = Table(data, colWidths=[w * 0.28, w * 0.72])
        table.setStyle(TableStyle([
            ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("BACKGROUND", (0, 0), (0, -1), colors.Color(0.94, 0.94, 0.94)),
            *_TIGHT,
        ]))
        self.flow.append(table)

    def grid(self, header: Sequence[str], rows: Sequence[Sequence[str]], widths: Sequence[float]) -> None:
        if self.paper is Paper.roll80:
            for row in rows:
                self.flow.append(self.p("· " + "  ".join(v for v in row if v), self.small))
            return
        w = self.spec.frame_width
        data = [[self.p(h, self.small, bold=True, run=1) for h in header]]  # narrow heads: wrap at any syllable
        data += [[self.p(v, self.small) for v in row] for row in rows]
        table = Table(data, colWidths=[w * f for f in widths], repeatRows=1)
        table.setStyle(TableStyle([
            ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("BACKGROUND", (0, 0), (-1, 0), colors.Color(0.94, 0.94, 0.94)),
            *_TIGHT,
        ]))
        self.flow.append(table)

    # -- codes and signatures ----------------------------------------------------------------
    def codes(self, case_no: str, caption: str) -> None:
        """QR code and Code 128 barcode of the case number, with the number in words beside them.

        Both are ReportLab flowables drawing on the canvas directly (no graphics state that would
        pull in the unembedded Helvetica).
        """
        side = self.spec.qr
        qr = QrCode(case_no, width=side, height=side, qrLevel="M")
        bar_width = min(self.spec.frame_width, 70 * mm) if self.paper is Paper.roll80 else self.spec.frame_width * 0.55
        probe = Code128(case_no, barWidth=1, barHeight=side * 0.45, humanReadable=False, quiet=False)
        bar = Code128(case_no, barWidth=bar_width / probe.width, barHeight=side * 0.45, humanReadable=False,
                      quiet=False)
        if self.paper is Paper.roll80:
            self.flow.extend([qr, bar, self.p(caption, self.small)])
            return
        left = Table([[bar], [self.p(caption, self.small)]], colWidths=[bar_width + 4])
        left.setStyle(TableStyle([_FONT]))
        table = Table([[left, qr]], colWidths=[self.spec.frame_width - side - 4, side + 4])
        table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("ALIGN", (1, 0), (1, 0), "RIGHT"), _FONT]))
        self.flow.append(table)

    def signatures(self, cells: Sequence[str], seal: str | None = None, tall: bool = False) -> None:
        """A row of places to sign (on the roll: one under another); ``tall``: room for a fingerprint
        (按手印) as well as a name."""
        rows = [[self.p(f"{c}：", self.small)] for c in cells]
        if self.paper is Paper.roll80:
            for row in rows:
                self.flow.extend([row[0], Spacer(1, self.spec.size * (4.5 if tall else 2.2))])
            if seal:
                self.flow.append(self.p(seal, self.small))
            return
        w = self.spec.frame_width
        data: list[list[Flowable | str]] = [[self.p(f"{c}：", self.small) for c in cells]]
        heights = [self.spec.size * (6.0 if tall else 3.0)]
        if seal:  # the seal goes under the clerk's signature, on the same sheet
            data.append(["" for _ in cells[:-1]] + [self.p(seal, self.right)])
            heights.append(self.spec.size * 1.5)
        table = Table(data, colWidths=[w / len(cells)] * len(cells), rowHeights=heights)
        table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), _FONT]))
        self.flow.append(table)

    # -- output ------------------------------------------------------------------------------
    def render(self, title: str, subject: str) -> bytes:
        if self._missing:
            raise MissingGlyphs(chars=[f"U+{ord(c):04X}" for c in self._missing])
        spec = self.spec
        height = spec.height
        if height is None:  # the roll is as long as its content
            height = 2 * spec.margin + sum(f.wrap(spec.frame_width, 10_000)[1] for f in self.flow) + 12 * mm
        buf = io.BytesIO()
        doc = SimpleDocTemplate(buf, pagesize=(spec.width, height), leftMargin=spec.margin,
                                rightMargin=spec.margin, topMargin=spec.margin, bottomMargin=spec.margin,
                                title=title, subject=subject, author="Bianmin Counter", creator="Bianmin Counter",
                                initialFontName=fonts.LATIN)
        doc.build(list(self.flow))
        return buf.getvalue()
