"""The window's print path: preview from memory, printing through QPrinter to a real CUPS queue."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from app.journal import EventType
from app.models import Decision
from app.services import cases, settings
from app.station import Station
from tests.helpers import deferred, request

QUEUE = "BianminTestPDF"


def _cups_running() -> bool:
    return subprocess.run(["lpstat", "-r"], capture_output=True, text=True).stdout.strip().startswith(
        "scheduler is running")


@pytest.fixture(scope="module")
def cups_queue() -> Iterator[str]:
    """A cups-pdf print queue on the machine's own CUPS (started here when it is not running)."""
    for tool in ("cupsd", "lpadmin", "lpstat"):
        if shutil.which(tool) is None and not Path(f"/usr/sbin/{tool}").exists():
            raise RuntimeError("the print test needs CUPS (Debian: cups printer-driver-cups-pdf)")
    if not _cups_running():
        subprocess.run(["/usr/sbin/cupsd"], check=True)
        for _ in range(50):
            if _cups_running():
                break
            time.sleep(0.1)
    ppd = "/usr/share/ppd/cups-pdf/CUPS-PDF_noopt.ppd"
    subprocess.run(["lpadmin", "-p", QUEUE, "-E", "-v", "cups-pdf:/", "-P", ppd], check=True, capture_output=True)
    yield QUEUE
    subprocess.run(["lpadmin", "-x", QUEUE], capture_output=True)


def _outputs(case_no: str) -> set[Path]:
    """cups-pdf names its output after the job title, which holds the case number."""
    dirs = [Path.home() / "PDF", Path("/root/PDF"), Path("/var/spool/cups-pdf/ANONYMOUS")]
    return {p for d in dirs if d.exists() for p in d.glob(f"*{case_no}*.pdf")}


@pytest.fixture
def case_no(station: Station) -> str:
    req = request(station, Decision.deferred_material, except_={"M-INCOME-STATEMENT": deferred(date(2026, 11, 25))})
    return cases.submit(station, req).case_no


def test_preview_shows_the_document_from_memory(qapp: object, station: Station, case_no: str) -> None:
    from ui.documents import preview_here

    before = {p for p in Path(os.environ.get("TMPDIR", "/tmp")).glob("*.pdf")}
    dialog = preview_here(station, "receipt", case_no)
    doc = dialog.view.document()
    assert doc.pageCount() == 1
    a4_width = doc.pagePointSize(0).width()
    dialog.papers.setCurrentIndex(dialog.papers.findData("80mm"))
    roll = dialog.view.document()
    assert round(roll.pagePointSize(0).width()) == 227 and a4_width > 590
    after = {p for p in Path(os.environ.get("TMPDIR", "/tmp")).glob("*.pdf")}
    assert after == before  # nothing written to disk for the preview
    dialog.close()


def test_printing_to_a_cups_queue_reaches_the_printer(qapp: object, station: Station, case_no: str,
                                                       cups_queue: str, tmp_path: Path) -> None:
    from ui.documents import preview_here

    for old in _outputs(case_no):
        old.unlink()
    dialog = preview_here(station, "receipt", case_no)
    dialog.printers.addItem(cups_queue, cups_queue)  # the queue was added after Qt listed printers
    dialog.printers.setCurrentIndex(dialog.printers.findData(cups_queue))
    dialog.papers.setCurrentIndex(dialog.papers.findData("a5"))
    assert dialog.do_print()
    deadline = time.monotonic() + 60
    info = ""
    out: Path | None = None
    while time.monotonic() < deadline:  # until the job's PDF is complete
        time.sleep(0.5)
        found = sorted(_outputs(case_no))
        if found:
            out = found[-1]
            done = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True)
            if done.returncode == 0:
                info = done.stdout
                break
    assert out is not None and info, "the CUPS job left no output"
    assert re.search(r"^Pages:\s+1$", info, re.M) and "(A5)" in info, info  # one A5 page
    subprocess.run(["pdftoppm", "-r", "200", "-png", str(out), str(tmp_path / "job")], check=True)
    decoded = subprocess.run(["zbarimg", "--raw", "-q", "-Sdisable", "-Sqrcode.enable",
                              str(next(tmp_path.glob("job*.png")))], capture_output=True, text=True).stdout.split()
    assert decoded == [case_no]
    types = [e.type for e in cases.case_journal(station, case_no)]
    assert types.count(EventType.printed) == 1
    remembered = settings.load(station)
    assert (remembered.printer, remembered.paper) == (cups_queue, "a5")
    out.unlink()
