"""Preview and print from the window, without database work on the GUI thread.

The worker renders the PDF on all three papers at once (tens of milliseconds each) and reads the
remembered printer and paper; the preview then switches paper without waiting. After a
successful print the worker remembers the printer and paper (and journals the print, for a
case's document). A case's documents go through :func:`show_document`; any other PDF (the
guide) through :func:`show_pdfs`.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from app.services import cases, settings
from app.station import Station
from ui.print_preview import PAPER_NAMES, PrintPreviewDialog
from ui.session import Session

Rendered = tuple[dict[str, bytes], str, str]  # PDF per paper, remembered printer, remembered paper


def render_papers(station: Station, render: Callable[[str], bytes]) -> Rendered:
    """``render(paper)`` on every paper, with the station's remembered printer and paper."""
    current = settings.load(station)
    return {paper: render(paper) for paper in PAPER_NAMES}, current.printer, current.paper


def remember_printer(station: Station, printer: str, paper: str) -> settings.StationSettings:
    current = settings.load(station)
    if (printer, paper) != (current.printer, current.paper):
        current.printer, current.paper = printer, paper
        settings.save(station, current)
    return current


def _render_case(station: Station, kind: str, case_no: str) -> Rendered:
    import printing

    return render_papers(station, lambda paper: printing.render_for(station, kind, case_no, paper=paper)[0])


def _case_printed(station: Station, kind: str, case_no: str, printer: str, paper: str) -> settings.StationSettings:
    cases.record_print(station, case_no, kind, paper)
    return remember_printer(station, printer, paper)


def _dialog(rendered: Rendered, on_printed: Callable[[str, str], None], title: str,
            parent: QWidget | None) -> PrintPreviewDialog:
    pdfs, printer, paper = rendered
    return PrintPreviewDialog(lambda p: pdfs[p], on_printed, printer=printer, paper=paper, title=title,
                              parent=parent)


def preview_here(station: Station, kind: str, case_no: str, parent: QWidget | None = None) -> PrintPreviewDialog:
    """A case document's preview built on the calling thread, for a script or a test that has a
    station and no window (the window uses :func:`show_document`)."""
    return _dialog(_render_case(station, kind, case_no),
                   lambda printer, paper: _case_printed(station, kind, case_no, printer, paper),
                   f"{kind}-{case_no}", parent)


def show_pdfs(session: Session, render: Callable[[Station], Rendered], title: str, parent: QWidget | None = None,
              *, after_print: Callable[[Station, str, str], settings.StationSettings] = remember_printer,
              shown: Callable[[PrintPreviewDialog, Rendered], None] | None = None,
              printed: Callable[[], None] | None = None,
              on_error: Callable[[Exception], None] | None = None) -> None:
    """Render on the worker, then open the preview (non-modal). After a print, ``after_print``
    runs on the worker (by default it remembers the printer and paper)."""

    def open_dialog(rendered: Rendered) -> None:
        def on_printed(printer_name: str, paper_name: str) -> None:
            def remembered(new: settings.StationSettings) -> None:
                session.apply_settings(new)
                if printed is not None:
                    printed()

            session.run(lambda st: after_print(st, printer_name, paper_name), remembered)

        dialog = _dialog(rendered, on_printed, title, parent)
        dialog.open()
        if shown is not None:
            shown(dialog, rendered)

    session.run(render, open_dialog, on_error=on_error)


def show_document(session: Session, kind: str, case_no: str, parent: QWidget | None = None,
                  shown: Callable[[PrintPreviewDialog], None] | None = None,
                  printed: Callable[[], None] | None = None) -> None:
    """Open the print preview of ``kind`` for ``case_no`` once it is rendered; a print is journaled."""

    def after_printed() -> None:
        session.data_changed.emit(case_no)
        if printed is not None:
            printed()

    show_pdfs(session, lambda st: _render_case(st, kind, case_no), f"{kind}-{case_no}", parent,
              after_print=lambda st, printer, paper: _case_printed(st, kind, case_no, printer, paper),
              shown=(lambda dialog, _rendered: shown(dialog)) if shown is not None else None,
              printed=after_printed)
