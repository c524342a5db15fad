"""Printing on a PC without a printer, and 保存为 PDF from the preview (issue 13, point 10).

The printers the preview offers come from ``QPrinterInfo.availablePrinters()``; the machine that
runs the suite may have a cups-pdf queue, so these tests give the preview its printer list (none,
or one that CUPS does not have) and the station a remembered printer that does not exist.
"""

from __future__ import annotations

import stat
import subprocess
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from app.journal import EventType
from app.models import Decision
from app.services import cases, settings
from app.station import Station
from tests.helpers import deferred, request
from tests.uikit import close_window, open_window, wait_idle

GONE = "Bianmin-NoSuchPrinter"


@pytest.fixture
def case_no(station: Station) -> str:
    req = request(station, Decision.deferred_material, except_={"M-INCOME-STATEMENT": deferred(date(2026, 11, 25))})
    case_no = cases.submit(station, req).case_no
    current = settings.load(station)
    current.printer = GONE  # remembered from a printer that is no longer there
    settings.save(station, current)
    return case_no


def journal_length(qtbot: Any, window: Any, case_no: str) -> int:
    box: list[int] = []
    window.session.run(lambda st: len(cases.case_journal(st, case_no)), box.append)
    qtbot.waitUntil(lambda: bool(box), timeout=10_000)
    return box[0]


def pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, check=True, text=True).stdout


def test_no_printer_set_up_is_said_and_pdf_is_offered(qapp: Any, station: Station, case_no: str) -> None:
    from ui.documents import preview_here

    dialog = preview_here(station, "receipt", case_no, printers=[])
    try:
        assert dialog.save_button.isVisible() or not dialog.isVisible()
        assert dialog.save_button.isEnabled() and "PDF" in dialog.save_button.text()
        assert not dialog.print_button.isEnabled()  # nothing to print on
        assert dialog.save_button.isDefault()
        assert "没有设置打印机" in dialog.notice.text()

        assert not dialog.do_print()  # Enter, a shortcut, or a script: still no "not responding"
        said = dialog.problem.text()
        assert "没有设置打印机" in said and "保存为 PDF" in said and "没有响应" not in said
        assert not cases.case_journal(station, case_no)[-1].type.startswith("case.print")
    finally:
        dialog.close()


def test_a_printer_that_is_not_there_is_named_not_called_silent(qapp: Any, station: Station, case_no: str) -> None:
    from ui.documents import preview_here

    dialog = preview_here(station, "receipt", case_no, printers=[("Bianmin-Unplugged", "柜台打印机")])
    try:
        assert GONE in dialog.notice.text()  # the remembered printer is gone: said, not silently swapped
        dialog.printers.setCurrentIndex(dialog.printers.findData("Bianmin-Unplugged"))
        assert dialog.print_button.isEnabled()
        assert not dialog.do_print()
        said = dialog.problem.text()
        assert "Bianmin-Unplugged" in said and "保存为 PDF" in said and "没有响应" not in said
    finally:
        dialog.close()


def test_save_as_pdf_writes_a_real_pdf_owner_only_and_journals_it(qapp: Any, station: Station, case_no: str,
                                                                 tmp_path: Path) -> None:
    from ui.documents import preview_here

    dialog = preview_here(station, "deferral", case_no, printers=[])
    try:
        dialog.papers.setCurrentIndex(dialog.papers.findData("a5"))
        out = tmp_path / "U盘" / "容缺受理通知书"  # no suffix typed: .pdf is added
        out.parent.mkdir()
        assert dialog.save_pdf(out)
        saved = out.with_name(out.name + ".pdf")
        assert saved.is_file() and stat.S_IMODE(saved.stat().st_mode) == 0o600
        assert saved.read_bytes().startswith(b"%PDF")
        assert case_no in pdf_text(saved)
        assert str(saved) in dialog.notice.text()
        events = [e for e in cases.case_journal(station, case_no) if e.type == EventType.printed]
        assert [(e.payload["kind"], e.payload["paper"]) for e in events] == [("deferral", "a5")]
        exports = station.db.execute("SELECT detail FROM access_log WHERE action = 'export' AND case_no = ?",
                                     (case_no,)).fetchall()
        assert [tuple(r) for r in exports] == [(f"deferral:{saved.name}",)]
    finally:
        dialog.close()


def test_save_as_pdf_from_the_window_runs_on_the_worker_and_shows_in_the_history(
        qtbot: Any, station: Station, case_no: str, tmp_path: Path) -> None:
    from ui.documents import show_document

    window = open_window(qtbot, station)
    try:
        window.show_case(case_no)
        box: list[Any] = []
        show_document(window.session, "receipt", case_no, window, shown=box.append)
        qtbot.waitUntil(lambda: bool(box), timeout=10_000)
        dialog = box[0]
        assert dialog.save_button.isEnabled()  # always offered, whatever printers this machine has
        target = tmp_path / "receipt.pdf"
        with qtbot.waitSignal(window.session.data_changed, timeout=10_000):
            assert dialog.save_pdf(target)
        wait_idle(qtbot, window.session)
        assert case_no in pdf_text(target) and stat.S_IMODE(target.stat().st_mode) == 0o600
        assert str(target) in dialog.notice.text(), dialog.problem.text()
        page = window.case_detail
        qtbot.waitUntil(lambda: any("打印受理凭证" in t for t in page.timeline_texts()), timeout=10_000)

        # A place that cannot be written (its folder is a file): said in the dialog, nothing journaled.
        before = journal_length(qtbot, window, case_no)
        (tmp_path / "not-a-folder").write_bytes(b"x")
        dialog.save_pdf(tmp_path / "not-a-folder" / "receipt.pdf")
        qtbot.waitUntil(lambda: bool(dialog.problem.text()), timeout=10_000)
        assert "读写文件失败" in dialog.problem.text() and "已保存的数据没有丢失" in dialog.problem.text()
        wait_idle(qtbot, window.session)
        assert journal_length(qtbot, window, case_no) == before
        dialog.close()
    finally:
        close_window(window)
