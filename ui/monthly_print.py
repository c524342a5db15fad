"""The monthly sheet (月度统计表, ``printing.render_monthly``) in the print preview: rendered on the
worker, A4 only (the paper choice is shown, fixed). Printing it or saving it as a PDF is written in
the access log (it names the clerks, no citizen), as ``bianmin report --sheet`` does."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from app.reports import Period
from app.services import settings
from app.station import Station
from ui.documents import Rendered, show_pdfs
from ui.print_preview import PAPERS, PrintPreviewDialog
from ui.session import Session

log = logging.getLogger(__name__)


def _render(station: Station, period: Period) -> Rendered:
    import printing

    pdf = printing.render_monthly(station, period)
    current = settings.load(station)
    return dict.fromkeys(PAPERS, pdf), current.printer, "a4"


def _printed(station: Station, period: Period, printer: str) -> settings.StationSettings:
    """After a print: the access log, and the printer remembered (the case documents' paper stays)."""
    station.log_access("print", None, f"monthly:{period.key}")
    current = settings.load(station)
    if printer != current.printer:
        current.printer = printer
        settings.save(station, current)
    return current


def _saved(station: Station, period: Period, path: Path) -> None:
    import printing

    printing.print_monthly(station, period, lang=None, out=path)
    log.info("monthly sheet %s saved as PDF", period.key)


def _fixed_paper(dialog: PrintPreviewDialog) -> None:
    dialog.papers.setEnabled(False)
    dialog.papers.setToolTip(QCoreApplication.translate("MonthlyPrint", "月度统计表只有 A4 纸一种"))


def show_monthly(session: Session, period: Period, parent: QWidget | None = None) -> None:
    """Render the sheet of ``period`` on the worker, then open the preview (errors: the usual message)."""
    show_pdfs(session, lambda st: _render(st, period), f"monthly-{period.key}", parent,
              after_print=lambda st, printer, _paper: _printed(st, period, printer),
              shown=lambda dialog, _rendered: _fixed_paper(dialog),
              save=lambda st, path, _paper: _saved(st, period, path),
              file_name=QCoreApplication.translate("MonthlyPrint", "月度统计表-{period}.pdf").format(
                  period=period.key.replace("..", "-")))
