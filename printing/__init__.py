"""The counter's documents as PDFs (ReportLab). Imports app/, never Qt."""

from __future__ import annotations

from pathlib import Path

from app.keys import write_private_file
from app.reports import Period
from app.services import cases, reports, settings
from app.station import Station
from printing import monthly
from printing.context import context_for
from printing.documents import Kind, render
from printing.layout import Paper
from printing.monthly import MonthlyInput


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


def monthly_input(station: Station, period: Period) -> MonthlyInput:
    """The figures of ``period`` with the names the sheet prints (an administrator's, as the report)."""
    result = reports.report(station, period)
    return MonthlyInput(station_name=station.station_name, report=result.report, names=result.names,
                        tibetan_names=result.tibetan_items)


def render_monthly(station: Station, period: Period, lang: str | None = None) -> bytes:
    """The monthly sheet (月度统计表) as PDF bytes; nothing is written."""
    return monthly.render(monthly_input(station, period), lang or station_language(station))


def print_monthly(station: Station, period: Period, *, lang: str | None, out: Path) -> None:
    """Write the monthly sheet to ``out`` (owner-only). It names the clerks, no citizen."""
    write_private_file(out, render_monthly(station, period, lang))
    station.log_access("print", None, f"monthly:{period.key}")


__all__ = ["Kind", "Paper", "print_document", "print_monthly", "render", "render_for", "render_monthly",
           "station_language"]
