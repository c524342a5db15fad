"""The counter's documents as PDFs (ReportLab). Imports app/, never Qt."""

from __future__ import annotations

from pathlib import Path

from app.keys import write_private_file
from app.services import cases, settings
from app.station import Station
from printing.context import context_for
from printing.documents import Kind, render
from printing.layout import Paper


def station_language(station: Station) -> str:
    """``zh``, or ``bo`` for stations whose documents are Tibetan–Chinese bilingual."""
    return settings.load(station).language


def render_for(
    station: Station, kind: str, case_no: str, *, paper: str = "a4", lang: str | None = None,
) -> tuple[bytes, int]:
    """(PDF bytes, copy number) of a document; nothing is written or journaled."""
    ctx = context_for(station, case_no)
    copy_no = cases.print_count(station, case_no, kind)
    data = render(Kind(kind), ctx, Paper(paper), lang or station_language(station), copy_no)
    return data, copy_no


def print_document(station: Station, kind: str, case_no: str, *, paper: str, lang: str | None, out: Path) -> int:
    """Render, write ``out`` (owner-only), then journal the print; returns the copy number."""
    data, copy_no = render_for(station, kind, case_no, paper=paper, lang=lang)
    write_private_file(out, data)
    cases.record_print(station, case_no, kind, paper)
    station.log_access("export", case_no, f"{kind}:{out.name}")
    return copy_no


__all__ = ["Kind", "Paper", "print_document", "render", "render_for", "station_language"]
