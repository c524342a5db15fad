"""Preview, print and save as PDF from the window, without database work on the GUI thread.

The worker renders the PDF on all three papers at once (tens of milliseconds each) and reads the
remembered printer and paper; the preview then switches paper without waiting. After a
successful print the worker remembers the printer and paper (and journals the print, for a
case's document). 保存为 PDF writes the file where the clerk chose, owner-only, on the worker; a
case's document saved so is journaled as an export like any print (``printing.print_document``).
A case's documents go through :func:`show_document`; any other PDF (the guide) through
:func:`show_pdfs`.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QWidget

from app.keys import write_private_file
from app.services import cases, settings
from app.station import Station
from ui.labels import label
from ui.print_preview import PAPERS, Finished, Printers, PrintPreviewDialog
from ui.session import Session

log = logging.getLogger(__name__)

Rendered = tuple[dict[str, bytes], str, str]  # PDF per paper, remembered printer, remembered paper


def render_papers(station: Station, render: Callable[[str], bytes]) -> Rendered:
    """``render(paper)`` on every paper, with the station's remembered printer and paper."""
    current = settings.load(station)
    return {paper: render(paper) for paper in PAPERS}, current.printer, current.paper


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


def _case_saved(station: Station, kind: str, case_no: str, path: Path, paper: str) -> None:
    """Render, write ``path`` owner-only, journal the print and log the export (as ``bianmin print --out``)."""
    import printing

    printing.print_document(station, kind, case_no, paper=paper, lang=None, out=path)
    log.info("case document %s saved as PDF (%s)", kind, paper)


def _file_name(kind: str, case_no: str) -> str:
    return f"{label(kind, 'Document')}-{case_no}.pdf"


def _dialog(rendered: Rendered, on_printed: Callable[[str, str], object], title: str,
            parent: QWidget | None, *, on_save: Callable[[Path, str, Finished], None] | None = None,
            printers: Printers | None = None, file_name: str = "") -> PrintPreviewDialog:
    pdfs, printer, paper = rendered
    return PrintPreviewDialog(lambda p: pdfs[p], on_printed, printer=printer, paper=paper, title=title,
                              parent=parent, on_save=on_save, printers=printers, file_name=file_name)


def preview_here(station: Station, kind: str, case_no: str, parent: QWidget | None = None, *,
                 printers: Printers | None = None) -> PrintPreviewDialog:
    """A case document's preview built on the calling thread, for a script or a test that has a
    station and no window (the window uses :func:`show_document`). ``printers``: the printers to
    offer (by default those of this computer)."""

    def save(path: Path, paper: str, finished: Finished) -> None:
        try:
            _case_saved(station, kind, case_no, path, paper)
        except Exception as exc:  # the dialog says what happened
            finished(exc)
        else:
            finished(None)

    return _dialog(_render_case(station, kind, case_no),
                   lambda printer, paper: _case_printed(station, kind, case_no, printer, paper),
                   f"{kind}-{case_no}", parent, on_save=save, printers=printers,
                   file_name=_file_name(kind, case_no))


def _write_pdf(pdfs: dict[str, bytes], path: Path, paper: str) -> None:
    write_private_file(path, pdfs[paper])
    log.info("document saved as PDF (%s)", paper)


def show_pdfs(session: Session, render: Callable[[Station], Rendered], title: str, parent: QWidget | None = None,
              *, after_print: Callable[[Station, str, str], settings.StationSettings] = remember_printer,
              shown: Callable[[PrintPreviewDialog, Rendered], None] | None = None,
              printed: Callable[[], None] | None = None,
              on_error: Callable[[Exception], None] | None = None,
              save: Callable[[Station, Path, str], None] | None = None, file_name: str = "") -> None:
    """Render on the worker, then open the preview (non-modal). After a print, ``after_print``
    runs on the worker (by default it remembers the printer and paper). 保存为 PDF runs ``save(station,
    path, paper)`` on the worker (by default it writes the rendered bytes owner-only); ``printed``
    is called after a print and after a save."""

    def open_dialog(rendered: Rendered) -> None:
        def on_printed(printer_name: str, paper_name: str) -> None:
            def remembered(new: settings.StationSettings) -> None:
                session.apply_settings(new)
                if printed is not None:
                    printed()

            session.run(lambda st: after_print(st, printer_name, paper_name), remembered)

        def on_save(path: Path, paper_name: str, finished: Finished) -> None:
            def saved(_result: object) -> None:
                finished(None)
                if printed is not None:
                    printed()

            def write(st: Station) -> None:
                if save is not None:
                    save(st, path, paper_name)
                else:
                    _write_pdf(rendered[0], path, paper_name)

            session.run(write, saved, on_error=finished)

        dialog = _dialog(rendered, on_printed, title, parent, on_save=on_save, file_name=file_name)
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
              printed=after_printed, save=lambda st, path, paper: _case_saved(st, kind, case_no, path, paper),
              file_name=_file_name(kind, case_no))
