"""Preview and print a case's document from the window, without database work on the GUI thread.

The worker renders the document on all three papers at once (tens of milliseconds each) and reads
the remembered printer and paper; the preview then switches paper without waiting. After a
successful print the worker journals it and remembers the printer and paper.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from app.services import cases, settings
from app.station import Station
from ui.print_preview import PAPER_NAMES, PrintPreviewDialog
from ui.session import Session


def _render_all(station: Station, kind: str, case_no: str) -> tuple[dict[str, bytes], str, str]:
    import printing

    current = settings.load(station)
    pdfs = {paper: printing.render_for(station, kind, case_no, paper=paper)[0] for paper in PAPER_NAMES}
    return pdfs, current.printer, current.paper


def _printed(station: Station, kind: str, case_no: str, printer: str, paper: str) -> settings.StationSettings:
    cases.record_print(station, case_no, kind, paper)
    current = settings.load(station)
    if (printer, paper) != (current.printer, current.paper):
        current.printer, current.paper = printer, paper
        settings.save(station, current)
    return current


def _dialog(rendered: tuple[dict[str, bytes], str, str], on_printed: Callable[[str, str], None], kind: str,
            case_no: str, parent: QWidget | None) -> PrintPreviewDialog:
    pdfs, printer, paper = rendered
    return PrintPreviewDialog(lambda p: pdfs[p], on_printed, printer=printer, paper=paper,
                              title=f"{kind}-{case_no}", parent=parent)


def preview_here(station: Station, kind: str, case_no: str, parent: QWidget | None = None) -> PrintPreviewDialog:
    """The same preview built on the calling thread, for a script or a test that has a station and
    no window (the window uses :func:`show_document`)."""
    return _dialog(_render_all(station, kind, case_no),
                   lambda printer, paper: _printed(station, kind, case_no, printer, paper), kind, case_no, parent)


def show_document(session: Session, kind: str, case_no: str, parent: QWidget | None = None,
                  shown: Callable[[PrintPreviewDialog], None] | None = None,
                  printed: Callable[[], None] | None = None) -> None:
    """Open the print preview of ``kind`` for ``case_no`` once it is rendered (non-modal)."""

    def open_dialog(result: tuple[dict[str, bytes], str, str]) -> None:
        def on_printed(printer_name: str, paper_name: str) -> None:
            def remembered(new: settings.StationSettings) -> None:
                session.apply_settings(new)
                session.data_changed.emit(case_no)
                if printed is not None:
                    printed()

            session.run(lambda st: _printed(st, kind, case_no, printer_name, paper_name), remembered)

        dialog = _dialog(result, on_printed, kind, case_no, parent)
        dialog.open()
        if shown is not None:
            shown(dialog)

    session.run(lambda st: _render_all(st, kind, case_no), open_dialog)
