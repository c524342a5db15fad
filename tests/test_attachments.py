"""Attachments: real scans and photos into a real encrypted station, then resumable uploads to a real hub."""

from __future__ import annotations

import hashlib
import io
import json
import os
import random
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import requests
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image, ImageDraw
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from app.errors import (
    AttachmentCorrupt,
    AttachmentNotFound,
    AttachmentTooLarge,
    AttachmentUnsupported,
    CaseNotFound,
    LinkDown,
    ValidationError,
)
from app.messages import describe
from app.services import attachments, cases
from app.station import Station
from app.store import attachments as att_store
from app.store import migrations
from app.store import operators as meta
from hub import attachments as hub_attachments
from hub import db as hub_db
from sync import attachments as uploads
from sync import engine, protocol
from sync.client import HubClient
from tests.conftest import reopen
from tests.helpers import request
from tests.hubproc import Hub, start_hub

KiB = 1024


# -- real files ---------------------------------------------------------------------------------
def noise_image(width: int, height: int, seed: int = 1, mode: str = "RGB") -> Image.Image:
    """Incompressible content: a JPEG of it stays large (several upload chunks)."""
    rnd = random.Random(seed)
    channels = len(mode)
    return Image.frombytes(mode, (width, height), rnd.randbytes(width * height * channels))


def document_image(width: int = 2480, height: int = 3508, seal: bool = True) -> Image.Image:
    """An A4 page at 300 dpi: lines of text and, optionally, a red seal."""
    page = Image.new("RGB", (width, height), "white")
    draw = ImageDraw.Draw(page)
    for y in range(150, height - 150, 45):
        draw.text((120, y), "Applicant statement, page 1 -- 0123456789 " * 4, fill=(30, 30, 30))
    if seal:
        draw.ellipse((width - 700, height - 700, width - 200, height - 200), outline=(210, 20, 20), width=12)
    return page


def save_jpeg(image: Image.Image, path: Path, **kw: Any) -> Path:
    image.save(path, "JPEG", quality=kw.pop("quality", 92), **kw)
    return path


def save_png(image: Image.Image, path: Path) -> Path:
    image.save(path, "PNG")
    return path


def make_pdf(path: Path, pages: int = 2) -> Path:
    c = canvas.Canvas(str(path), pagesize=A4)
    for n in range(pages):
        c.drawString(72, 760, f"Household register extract, page {n + 1}")
        c.rect(72, 500, 300, 200)
        c.showPage()
    c.save()
    return path


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@pytest.fixture
def case_no(station: Station) -> str:
    return cases.submit(station, request(station)).case_no


def material(station: Station, case_no: str, n: int = 0) -> tuple[str, str]:
    m = cases.get_case(station, case_no, log_access=False).materials[n]
    return m.item_code, m.material_code


def added_events(station: Station, case_no: str) -> list[dict[str, Any]]:
    return [e.payload for e in cases.case_journal(station, case_no) if e.type == attachments.EVENT_TYPE]


# -- import ---------------------------------------------------------------------------------
def test_a_new_store_has_the_attachment_tables_of_schema_3(station: Station) -> None:
    assert migrations.LATEST >= 3 and migrations.current_version(station.db) == migrations.LATEST
    tables = {r[0] for r in station.db.all("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert {"attachments", "case_attachments", "attachment_uploads"} <= tables


def test_photo_is_downscaled_recompressed_and_journalled(station: Station, case_no: str, tmp_path: Path) -> None:
    item, mat = material(station, case_no)
    src = save_jpeg(noise_image(6000, 4500), tmp_path / "户口簿.jpg")
    info = attachments.add_file(station, case_no, item, mat, src)
    assert info.mime == attachments.JPEG
    assert (info.width, info.height) == (2000, 1500)
    assert info.size < src.stat().st_size / 5
    assert (info.case_no, info.item_code, info.material_code, info.name) == (case_no, item, mat, "户口簿.jpg")
    stored = attachments.read(station, info.sha256, case_no)
    assert sha(stored) == info.sha256 and len(stored) == info.size
    with Image.open(io.BytesIO(stored)) as im:
        assert im.format == "JPEG" and im.size == (2000, 1500) and not im.getexif()
    (event,) = added_events(station, case_no)
    assert event == {"sha256": info.sha256, "mime": "image/jpeg", "size": info.size, "material": mat, "item": item,
                     "name": "户口簿.jpg"}
    assert attachments.list_for_case(station, case_no) == [info]


def test_orientation_applied_and_metadata_dropped(station: Station, case_no: str, tmp_path: Path) -> None:
    item, mat = material(station, case_no)
    photo = document_image(3000, 2000, seal=False)  # a page photographed sideways
    exif = photo.getexif()
    exif[0x0112] = 6  # rotate 90° clockwise to view
    exif[0x010F] = "PhoneMaker"
    src = save_jpeg(photo, tmp_path / "sideways.jpg", exif=exif.tobytes())
    info = attachments.add_file(station, case_no, item, mat, src)
    assert (info.width, info.height) == (1333, 2000)
    with Image.open(io.BytesIO(attachments.read(station, info.sha256))) as im:
        assert not im.getexif()  # no orientation left to apply twice, no maker, no GPS
        assert im.mode == "L"  # grey text on white: stored as greyscale


def test_colour_kept_for_a_seal_and_grey_pages_become_grey(station: Station, case_no: str, tmp_path: Path) -> None:
    item, mat = material(station, case_no)
    sealed = attachments.add_file(station, case_no, item, mat, save_jpeg(document_image(), tmp_path / "a.jpg"))
    plain = attachments.add_file(station, case_no, item, mat,
                                 save_png(document_image(seal=False), tmp_path / "b.png"))
    with Image.open(io.BytesIO(attachments.read(station, sealed.sha256))) as im:
        assert im.mode == "RGB" and max(im.size) == 2000
    # A PNG scan of a page (antialiased text: many tones) becomes a JPEG, in grey.
    assert plain.mime == attachments.JPEG
    with Image.open(io.BytesIO(attachments.read(station, plain.sha256))) as im:
        assert im.mode == "L" and im.size == (1414, 2000)


def test_line_art_png_stays_png(station: Station, case_no: str, tmp_path: Path) -> None:
    item, mat = material(station, case_no)
    page = Image.new("1", (2480, 3508), 1)
    draw = ImageDraw.Draw(page)
    for y in range(200, 3300, 60):
        draw.line((150, y, 2300, y), fill=0, width=3)
    small = page.crop((0, 0, 1200, 1600))
    kept = attachments.add_file(station, case_no, item, mat, save_png(small, tmp_path / "form.png"))
    assert kept.mime == attachments.PNG and (kept.width, kept.height) == (1200, 1600)
    with Image.open(io.BytesIO(attachments.read(station, kept.sha256))) as im:
        assert im.mode == "1"  # black and white: one bit per pixel
    big = attachments.add_file(station, case_no, item, mat, save_png(page, tmp_path / "form300dpi.png"))
    assert big.mime == attachments.PNG and max(big.width or 0, big.height or 0) == 2000
    with Image.open(io.BytesIO(attachments.read(station, big.sha256))) as im:
        colours = im.getcolors(256)
        assert colours is not None and len(colours) <= attachments.LINE_ART_COLOURS


def test_pdf_kept_byte_for_byte(station: Station, case_no: str, tmp_path: Path) -> None:
    item, mat = material(station, case_no)
    src = make_pdf(tmp_path / "register.pdf")
    info = attachments.add_file(station, case_no, item, mat, src)
    assert info.mime == attachments.PDF and info.width is None
    assert info.sha256 == sha(src.read_bytes())
    assert attachments.read(station, info.sha256) == src.read_bytes()


def test_same_content_stored_once(station: Station, case_no: str, tmp_path: Path) -> None:
    item, mat = material(station, case_no)
    item2, mat2 = material(station, case_no, 1)
    src = save_jpeg(noise_image(800, 600), tmp_path / "id-card.jpg")
    copy = tmp_path / "copy-of-id.jpeg"
    copy.write_bytes(src.read_bytes())
    first = attachments.add_file(station, case_no, item, mat, src)
    again = attachments.add_file(station, case_no, item2, mat2, copy)
    assert again.sha256 == first.sha256 and again.already_attached and not first.already_attached
    assert again.name == "id-card.jpg"  # the case keeps the first link
    other_case = cases.submit(station, request(station)).case_no
    there = attachments.add_file(station, other_case, item, mat, copy)
    assert there.sha256 == first.sha256 and not there.already_attached
    assert att_store.count_content(station.db) == 1
    assert len(added_events(station, case_no)) == 1 and len(added_events(station, other_case)) == 1
    assert att_store.pending_upload_count(station.db) == 1


def test_type_comes_from_content_not_name(station: Station, case_no: str, tmp_path: Path) -> None:
    item, mat = material(station, case_no)
    fake = tmp_path / "身份证.jpg"
    fake.write_text("this is a text file, not a photo\n", "utf-8")
    with pytest.raises(AttachmentUnsupported) as info:
        attachments.add_file(station, case_no, item, mat, fake)
    assert info.value.details["name"] == "身份证.jpg"
    text = describe(info.value)
    assert "身份证.jpg" in text and "JPEG" in text and "扩展名" in text
    exe = tmp_path / "scan.pdf"
    exe.write_bytes(b"MZ\x90\x00" + bytes(2000))
    with pytest.raises(AttachmentUnsupported):
        attachments.add_file(station, case_no, item, mat, exe)
    empty = tmp_path / "empty.png"
    empty.write_bytes(b"")
    with pytest.raises(AttachmentUnsupported):
        attachments.add_file(station, case_no, item, mat, empty)
    # A real JPEG under a PDF's name is a JPEG.
    misnamed = save_jpeg(noise_image(300, 200), tmp_path / "really-a-photo.pdf")
    assert attachments.add_file(station, case_no, item, mat, misnamed).mime == attachments.JPEG
    assert len(added_events(station, case_no)) == 1


def test_damaged_files_are_corrupt(station: Station, case_no: str, tmp_path: Path) -> None:
    item, mat = material(station, case_no)
    good = save_jpeg(noise_image(1200, 900), tmp_path / "good.jpg").read_bytes()
    truncated = tmp_path / "truncated.jpg"
    truncated.write_bytes(good[: len(good) // 2])
    with pytest.raises(AttachmentCorrupt) as info:
        attachments.add_file(station, case_no, item, mat, truncated)
    assert "truncated.jpg" in describe(info.value) and "损坏" in describe(info.value)
    png = bytearray(save_png(noise_image(200, 100), tmp_path / "x.png").read_bytes())
    png[60] ^= 0xFF  # inside the image data: its CRC no longer matches
    bad_png = tmp_path / "bad.png"
    bad_png.write_bytes(bytes(png))
    with pytest.raises(AttachmentCorrupt):
        attachments.add_file(station, case_no, item, mat, bad_png)
    pdf = make_pdf(tmp_path / "p.pdf").read_bytes()
    cut_pdf = tmp_path / "cut.pdf"
    cut_pdf.write_bytes(pdf[: len(pdf) - 1500])
    with pytest.raises(AttachmentCorrupt):
        attachments.add_file(station, case_no, item, mat, cut_pdf)
    assert added_events(station, case_no) == [] and att_store.count_content(station.db) == 0


def test_oversized_files_refused_with_a_clear_message(station: Station, case_no: str, tmp_path: Path) -> None:
    item, mat = material(station, case_no)
    big = tmp_path / "scan-600dpi.jpg"
    with big.open("wb") as fh:  # sparse: 31 MiB on paper, nothing to write
        fh.write(b"\xff\xd8\xff\xe0")
        fh.truncate(31 * attachments.MIB)
    with pytest.raises(AttachmentTooLarge) as info:
        attachments.add_file(station, case_no, item, mat, big)
    assert info.value.details["reason"] == "file_size"
    text = describe(info.value)
    assert "scan-600dpi.jpg" in text and "30 MB" in text
    big_pdf = tmp_path / "big.pdf"
    big_pdf.write_bytes(b"%PDF-1.7\n" + os.urandom(21 * attachments.MIB) + b"\n%%EOF\n")
    with pytest.raises(AttachmentTooLarge) as info:
        attachments.add_file(station, case_no, item, mat, big_pdf)
    assert info.value.details["reason"] == "pdf_size"
    huge = save_png(Image.new("L", (10000, 9000), 255), tmp_path / "huge.png")
    with pytest.raises(AttachmentTooLarge) as info:
        attachments.add_file(station, case_no, item, mat, huge)
    assert info.value.details["reason"] == "pixels"
    assert added_events(station, case_no) == [] and att_store.count_content(station.db) == 0


def test_case_and_material_checked(station: Station, case_no: str, tmp_path: Path) -> None:
    item, mat = material(station, case_no)
    src = save_jpeg(noise_image(300, 200), tmp_path / "a.jpg")
    with pytest.raises(ValidationError):
        attachments.add_file(station, case_no, item, "no-such-material", src)
    with pytest.raises(CaseNotFound):
        attachments.add_file(station, "540127100000202611189999", item, mat, src)
    with pytest.raises(ValidationError):
        attachments.add_file(station, case_no, item, mat, tmp_path / "missing.jpg")
    info = attachments.add_file(station, case_no, item, mat, src)
    other = cases.submit(station, request(station)).case_no
    with pytest.raises(AttachmentNotFound):
        attachments.read(station, info.sha256, other)
    with pytest.raises(AttachmentNotFound):
        attachments.read(station, "0" * 64)


def test_scanner_folder(station: Station, case_no: str, tmp_path: Path) -> None:
    item, mat = material(station, case_no)
    folder = tmp_path / "scans"
    folder.mkdir()
    save_jpeg(noise_image(400, 300, seed=10), folder / "scan10.jpg")
    save_jpeg(noise_image(400, 300, seed=2), folder / "scan2.jpg")
    save_png(document_image(1240, 1754, seal=False), folder / "scan1.png")
    make_pdf(folder / "scan3.pdf")
    (folder / "scan4.jpg").write_bytes(b"not an image")
    (folder / "notes.txt").write_text("call back tomorrow", "utf-8")
    (folder / "Thumbs.db").write_bytes(b"\x00" * 100)
    (folder / ".scanner-state").write_bytes(b"\x00")
    (folder / "subdir").mkdir()
    seen: list[str] = []
    results = attachments.add_folder(station, case_no, item, mat, folder, progress=lambda n, total, name: seen.append(
        name))
    assert [r.name for r in results] == ["notes.txt", "scan1.png", "scan2.jpg", "scan3.pdf", "scan4.jpg", "scan10.jpg"]
    assert seen == [r.name for r in results]
    refused = {r.name: r.error.code for r in results if r.error is not None}
    assert refused == {"notes.txt": "attachment.unsupported", "scan4.jpg": "attachment.unsupported"}
    assert [i.name for i in attachments.list_for_case(station, case_no)] == ["scan1.png", "scan2.jpg", "scan3.pdf",
                                                                            "scan10.jpg"]
    with pytest.raises(ValidationError):
        attachments.add_folder(station, case_no, item, mat, tmp_path / "no-such-folder")
    assert all(not r.removed for r in results) and (folder / "scan1.png").exists()  # kept unless asked


def test_a_folder_import_removes_the_originals_it_took_in_and_keeps_the_rest(
        station: Station, case_no: str, tmp_path: Path) -> None:
    """Issue 16, point 13: the scanner folder is emptied of what was safely stored, ready for the next
    applicant (and holding no personal data); a refused file, a link and what was not asked stay."""
    item, mat = material(station, case_no)
    folder = tmp_path / "scans"
    folder.mkdir()
    save_jpeg(noise_image(400, 300, seed=3), folder / "scan1.jpg")
    make_pdf(folder / "scan2.pdf")
    (folder / "scan3.jpg").write_bytes(b"not an image")
    outside = save_jpeg(noise_image(300, 200, seed=4), tmp_path / "elsewhere.jpg")
    (folder / "scan4.jpg").symlink_to(outside)
    results = attachments.add_folder(station, case_no, item, mat, folder, remove_originals=True)
    removed = {r.name: r.removed for r in results}
    assert removed == {"scan1.jpg": True, "scan2.pdf": True, "scan3.jpg": False, "scan4.jpg": False}
    assert sorted(p.name for p in folder.iterdir()) == ["scan3.jpg", "scan4.jpg"]
    assert outside.exists()
    stored = attachments.list_for_case(station, case_no)
    assert {i.name for i in stored} >= {"scan1.jpg", "scan2.pdf"}
    for info in stored:  # what was removed from the folder reads back from the store
        assert len(attachments.read(station, info.sha256, case_no)) == info.size


def test_encrypted_at_rest(station: Station, case_no: str, tmp_path: Path) -> None:
    item, mat = material(station, case_no)
    outside = tmp_path / "outside"
    outside.mkdir()
    src = save_jpeg(noise_image(1600, 1200, seed=7), outside / "photo.jpg")
    pdf = make_pdf(outside / "doc.pdf")
    info = attachments.add_file(station, case_no, item, mat, src)
    pdf_info = attachments.add_file(station, case_no, item, mat, pdf)
    stored = attachments.read(station, info.sha256)
    needles = [stored[len(stored) // 2: len(stored) // 2 + 48], stored[-4096:-4048],
               pdf.read_bytes()[200:248], bytes.fromhex(info.sha256)]

    def files_containing(root: Path, needle: bytes) -> list[str]:
        return [str(p) for p in root.rglob("*") if p.is_file() and needle in p.read_bytes()]

    # The search works: the bytes are plainly in a clear copy.
    clear = outside / "clear.bin"
    clear.write_bytes(stored)
    assert files_containing(outside, needles[0]) == [str(clear)]
    home = station.paths.home
    assert (home / "station.db-wal").exists()  # the WAL holds the new pages right now
    for needle in needles:
        assert files_containing(home, needle) == []
    station = reopen(station)  # checkpointed, a pre-migration backup or not: still nothing in clear
    for needle in needles:
        assert files_containing(home, needle) == []
    assert attachments.read(station, pdf_info.sha256) == pdf.read_bytes()
    station.close()


def test_read_checks_the_hash_and_logs_the_access(station: Station, case_no: str, tmp_path: Path) -> None:
    item, mat = material(station, case_no)
    info = attachments.add_file(station, case_no, item, mat, save_jpeg(noise_image(300, 200), tmp_path / "a.jpg"))
    before = station.db.scalar("SELECT count(*) FROM access_log WHERE action = 'open'")
    attachments.read(station, info.sha256, case_no)
    row = station.db.one("SELECT action, case_no, detail FROM access_log ORDER BY id DESC LIMIT 1")
    assert row == ("open", case_no, f"attachment {info.sha256}")
    assert station.db.scalar("SELECT count(*) FROM access_log WHERE action = 'open'") == before + 1
    station.db.execute("UPDATE attachments SET data = ? WHERE sha256 = ?", (b"\xff\xd8\xff tampered", info.sha256))
    with pytest.raises(AttachmentCorrupt):
        attachments.read(station, info.sha256)


# -- upload to a real hub ----------------------------------------------------------------------
@pytest.fixture
def hub(tmp_path: Path) -> Iterator[Hub]:
    h = start_hub(tmp_path / "hub")
    yield h
    h.stop()
    assert "Traceback" not in h.log() and "ERROR" not in h.log()


def enrolled(station: Station, hub: Hub) -> None:
    engine.enrol(station, hub.url, hub.quick_code(station.station_code))


def hub_content(hub: Hub, station: str, digest: str) -> bytes | None:
    eng = hub_db.make_engine(hub.db_url)
    try:
        return hub_attachments.stored_content(eng, station, digest)
    finally:
        eng.dispose()


def hub_chunks(hub: Hub, digest: str) -> int:
    from sqlalchemy import func, select
    from sqlalchemy.orm import Session

    eng = hub_db.make_engine(hub.db_url)
    try:
        with Session(eng) as session:
            return int(session.scalar(select(func.count()).select_from(hub_db.AttachmentChunk)
                                      .where(hub_db.AttachmentChunk.sha256 == digest)) or 0)
    finally:
        eng.dispose()


def intercept(client: HubClient, on_patch: Callable[[int, Callable[[], dict[str, Any]]], dict[str, Any]]) -> None:
    """Route the client's PATCHes through ``on_patch(n, send)`` (n counts from 1)."""
    real = client._send
    count = 0

    def send(method: str, path: str, **kw: Any) -> dict[str, Any]:
        nonlocal count
        if method != "PATCH":
            return real(method, path, **kw)
        count += 1
        return on_patch(count, lambda: real(method, path, **kw))

    client._send = send  # type: ignore[method-assign]


def test_upload_after_push_and_the_hub_checks_the_hash(station: Station, hub: Hub, case_no: str,
                                                       tmp_path: Path) -> None:
    enrolled(station, hub)
    item, mat = material(station, case_no)
    photo = attachments.add_file(station, case_no, item, mat, save_jpeg(noise_image(1600, 1200), tmp_path / "p.jpg"))
    pdf = attachments.add_file(station, case_no, item, mat, make_pdf(tmp_path / "d.pdf"))
    assert uploads.pending_count(station) == 2
    report = engine.run_once(station)
    assert report.ok, report
    assert (report.uploaded, report.upload_bytes_resent, report.upload_failed) == (2, 0, 0)
    assert photo.size > uploads.CHUNK  # it really went in several chunks
    for info in (photo, pdf):
        at_hub = hub_content(hub, station.station_code, info.sha256)
        assert at_hub is not None and sha(at_hub) == info.sha256
        assert att_store.upload_state(station.db, info.sha256)["state"] == "done"  # type: ignore[index]
    assert hub_chunks(hub, photo.sha256) == 0
    assert uploads.pending_count(station) == 0
    # The hub knows which case the content belongs to, from the pushed event.
    status = engine.client_for(station)._send("GET", f"{uploads.BASE}/{photo.sha256}")
    assert status["complete"] is True and status["cases"] == [case_no]
    again = engine.run_once(station)
    assert again.ok and again.uploaded == 0


def test_no_upload_before_the_event_reached_the_hub(station: Station, hub: Hub, case_no: str,
                                                    tmp_path: Path) -> None:
    enrolled(station, hub)
    item, mat = material(station, case_no)
    info = attachments.add_file(station, case_no, item, mat, save_jpeg(noise_image(300, 200), tmp_path / "a.jpg"))
    report = engine.SyncReport()
    uploads.upload_pending(station, engine.client_for(station), report)  # nothing pushed yet
    assert report.uploaded == 0 and hub_content(hub, station.station_code, info.sha256) is None
    assert engine.run_once(station).uploaded == 1


@pytest.mark.parametrize("cut", ["request_lost", "answer_lost"])
def test_a_cut_link_costs_at_most_the_chunk_in_flight(station: Station, hub: Hub, case_no: str, tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch, cut: str) -> None:
    monkeypatch.setattr(uploads, "CHUNK", 64 * KiB)
    enrolled(station, hub)
    item, mat = material(station, case_no)
    info = attachments.add_file(station, case_no, item, mat, save_jpeg(noise_image(1200, 900), tmp_path / "p.jpg"))
    assert info.size > 8 * uploads.CHUNK
    client = engine.client_for(station)

    def flaky(n: int, send: Callable[[], dict[str, Any]]) -> dict[str, Any]:
        if n == 5:
            if cut == "answer_lost":
                send()  # the hub has the chunk, the station never hears so
            raise LinkDown("link cut")
        return send()

    intercept(client, flaky)
    report = engine.run_once(station, client)
    assert report.error == LinkDown.code and report.uploaded == 0
    state = att_store.upload_state(station.db, info.sha256)
    assert state is not None and state["offset"] == 4 * uploads.CHUNK and state["state"] == "pending"
    assert engine.status(station)["last_error"] == LinkDown.code

    report = engine.run_once(station)
    assert report.ok and report.uploaded == 1
    assert report.upload_bytes_resent == (uploads.CHUNK if cut == "request_lost" else 0)
    at_hub = hub_content(hub, station.station_code, info.sha256)
    assert at_hub is not None and sha(at_hub) == info.sha256


def test_an_offset_conflict_resumes_from_the_hubs_offset(station: Station, hub: Hub, case_no: str,
                                                          tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(uploads, "CHUNK", 64 * KiB)
    enrolled(station, hub)
    item, mat = material(station, case_no)
    info = attachments.add_file(station, case_no, item, mat, save_jpeg(noise_image(1200, 900), tmp_path / "p.jpg"))
    content = attachments.read(station, info.sha256)
    client = engine.client_for(station)
    # The hub already has three chunks, from a round whose answers were all lost...
    url, _ = uploads.create(client, info.sha256, info.size, info.mime)
    for at in range(0, 3 * uploads.CHUNK, uploads.CHUNK):
        uploads.patch(client, url, at, content[at:at + uploads.CHUNK], info.size)
    real = client._send
    calls: list[str] = []

    def stale(method: str, path: str, **kw: Any) -> dict[str, Any]:
        calls.append(method)
        answer = real(method, path, **kw)
        return {**answer, "offset": 0} if method == "POST" else answer  # ...and says it has nothing

    client._send = stale  # type: ignore[method-assign]
    report = engine.run_once(station, client)
    assert report.ok and report.uploaded == 1, report
    chunks = -(-info.size // uploads.CHUNK)
    assert calls.count("PATCH") == 1 + (chunks - 3)  # one refused with 409, then the rest from the hub's offset
    assert report.upload_bytes_resent == 0
    assert sha(hub_content(hub, station.station_code, info.sha256) or b"") == info.sha256


def test_upload_resumes_after_the_hub_restarts(station: Station, hub: Hub, case_no: str, tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(uploads, "CHUNK", 64 * KiB)
    enrolled(station, hub)
    item, mat = material(station, case_no)
    info = attachments.add_file(station, case_no, item, mat, save_jpeg(noise_image(1200, 900), tmp_path / "p.jpg"))
    client = engine.client_for(station)

    def stop_midway(n: int, send: Callable[[], dict[str, Any]]) -> dict[str, Any]:
        if n == 6:
            hub.stop()  # the hub goes away with this chunk in flight
        return send()

    intercept(client, stop_midway)
    report = engine.run_once(station, client)
    assert report.error == LinkDown.code
    assert hub_chunks(hub, info.sha256) == 5  # the partial upload is kept in the hub's database

    again = start_hub(Path(hub.workdir))  # same database, another port
    try:
        with station.db.transaction():
            meta.set_meta(station.db, "sync.hub_url", again.url)
        report = engine.run_once(station)
        assert report.ok, report
        assert report.uploaded == 1 and report.upload_bytes_resent <= uploads.CHUNK
        at_hub = hub_content(again, station.station_code, info.sha256)
        assert at_hub is not None and sha(at_hub) == info.sha256
    finally:
        again.stop()
    assert "Traceback" not in again.log()


def test_content_damaged_on_the_way_is_refused_and_sent_again(station: Station, hub: Hub, case_no: str,
                                                              tmp_path: Path) -> None:
    enrolled(station, hub)
    item, mat = material(station, case_no)
    info = attachments.add_file(station, case_no, item, mat, save_jpeg(noise_image(900, 700), tmp_path / "p.jpg"))
    client = engine.client_for(station)
    real = client._send

    def garble(method: str, path: str, **kw: Any) -> dict[str, Any]:
        if method == "PATCH" and kw.get("body"):
            kw["body"] = bytes([kw["body"][0] ^ 0xFF]) + kw["body"][1:]
        return real(method, path, **kw)

    client._send = garble  # type: ignore[method-assign]
    report = engine.run_once(station, client)
    assert report.ok and report.upload_failed == 1 and report.uploaded == 0
    assert hub_content(hub, station.station_code, info.sha256) is None
    state = att_store.upload_state(station.db, info.sha256)
    assert state is not None and (state["offset"], state["state"], state["upload_url"]) == (0, "pending", None)
    report = engine.run_once(station)
    assert report.ok and report.uploaded == 1
    assert sha(hub_content(hub, station.station_code, info.sha256) or b"") == info.sha256


# -- the hub's API, request by request -------------------------------------------------------------
HTTP = requests.Session()


@pytest.fixture(scope="module")
def api_hub(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Hub]:
    h = start_hub(tmp_path_factory.mktemp("api-hub"))
    try:
        yield h
    finally:
        h.stop()
    assert "Traceback" not in h.log() and "ERROR" not in h.log()


class Device:
    def __init__(self, hub: Hub, station: str) -> None:
        self.hub, self.station = hub, station
        self.key = Ed25519PrivateKey.generate()
        r = HTTP.post(hub.url + protocol.ENROL, timeout=10, json={
            "code": hub.quick_code(station), "station_code": station, "station_name": "测试站",
            "public_key": protocol.b64(protocol.public_bytes(self.key))})
        assert r.status_code == 200, r.text

    def send(self, method: str, path: str, body: bytes = b"", headers: dict[str, str] | None = None,
             sign: bool = True) -> requests.Response:
        prepared = requests.Request(method, self.hub.url + path, data=body or None, headers=headers or {}).prepare()
        if sign:
            protocol.sign_request(prepared, body, self.station, self.key)
        return HTTP.send(prepared, timeout=30)

    def create(self, digest: str, size: int, mime: str = "image/jpeg") -> requests.Response:
        return self.send("POST", uploads.BASE, json.dumps({"sha256": digest, "size": size, "mime": mime}).encode(),
                         {"Content-Type": "application/json"})

    def patch(self, digest: str, offset: int | str, chunk: bytes,
              content_type: str = uploads.OCTETS) -> requests.Response:
        return self.send("PATCH", f"{uploads.BASE}/{digest}", chunk,
                         {"Content-Type": content_type, "Upload-Offset": str(offset)})


def test_hub_upload_api(api_hub: Hub) -> None:
    dev = Device(api_hub, "540127100001")
    content = os.urandom(300 * KiB)
    digest = sha(content)
    r = dev.create(digest, len(content))
    assert r.status_code == 201, r.text
    assert r.json()["upload"] == f"{uploads.BASE}/{digest}" and r.json()["offset"] == 0
    assert r.headers["Location"] == f"{uploads.BASE}/{digest}"
    r = dev.patch(digest, 0, content[:100 * KiB])
    assert r.status_code == 200 and r.json() == {"offset": 100 * KiB, "size": len(content), "complete": False}
    # A chunk at the wrong offset: 409 and where the hub stands.
    r = dev.patch(digest, 0, content[:100 * KiB])
    assert r.status_code == 409 and r.json()["error"] == "offset_mismatch"
    assert r.json()["detail"]["offset"] == 100 * KiB and r.headers["Upload-Offset"] == str(100 * KiB)
    r = dev.send("HEAD", f"{uploads.BASE}/{digest}")
    assert r.status_code == 200 and r.headers["Upload-Offset"] == str(100 * KiB) and r.content == b""
    r = dev.send("GET", f"{uploads.BASE}/{digest}")
    assert r.status_code == 200 and r.json()["offset"] == 100 * KiB and r.json()["complete"] is False
    # Creating it again resumes it.
    r = dev.create(digest, len(content))
    assert r.status_code == 200 and r.json()["offset"] == 100 * KiB
    # Another station sees nothing of it.
    other = Device(api_hub, "540127100002")
    assert other.send("GET", f"{uploads.BASE}/{digest}").status_code == 404
    assert other.patch(digest, 100 * KiB, content[100 * KiB:]).status_code == 404
    r = dev.patch(digest, 100 * KiB, content[100 * KiB:] + b"x")
    assert r.status_code == 413 and r.json()["error"] == "too_large"
    r = dev.patch(digest, 100 * KiB, content[100 * KiB:])
    assert r.status_code == 200 and r.json()["complete"] is True
    assert hub_content(api_hub, dev.station, digest) == content
    r = dev.create(digest, len(content))
    assert r.status_code == 200 and r.json()["complete"] is True and r.json()["offset"] == len(content)
    assert dev.create(digest, len(content) + 1).json()["error"] == "size_mismatch"
    assert dev.patch(digest, 0, b"abc").status_code == 409


def test_hub_discards_content_that_does_not_match_its_hash(api_hub: Hub) -> None:
    dev = Device(api_hub, "540127100003")
    declared = os.urandom(80 * KiB)
    sent = bytearray(declared)
    sent[-1] ^= 0x01  # one bit differs
    digest = sha(declared)
    assert dev.create(digest, len(declared), "application/pdf").status_code == 201
    assert dev.patch(digest, 0, bytes(sent[:50 * KiB])).status_code == 200
    r = dev.patch(digest, 50 * KiB, bytes(sent[50 * KiB:]))
    assert r.status_code == 422 and r.json()["error"] == "hash_mismatch"
    assert dev.send("GET", f"{uploads.BASE}/{digest}").status_code == 404
    assert hub_content(api_hub, dev.station, digest) is None and hub_chunks(api_hub, digest) == 0
    # The right bytes afterwards are welcome.
    assert dev.create(digest, len(declared), "application/pdf").json()["offset"] == 0
    assert dev.patch(digest, 0, declared).json()["complete"] is True


@pytest.mark.parametrize(("method", "path", "body", "headers", "status", "error"), [
    ("POST", "", b"not json", {"Content-Type": "application/json"}, 422, "malformed"),
    ("POST", "", b"[1, 2]", {"Content-Type": "application/json"}, 422, "malformed"),
    ("POST", "", json.dumps({"sha256": "AB" * 32, "size": 10, "mime": "image/jpeg"}).encode(), {}, 422, "malformed"),
    ("POST", "", json.dumps({"sha256": "ab" * 32, "size": 0, "mime": "image/jpeg"}).encode(), {}, 422, "malformed"),
    ("POST", "", json.dumps({"sha256": "ab" * 32, "size": "10", "mime": "image/jpeg"}).encode(), {}, 422,
     "malformed"),
    ("POST", "", json.dumps({"sha256": "ab" * 32, "size": True, "mime": "image/jpeg"}).encode(), {}, 422,
     "malformed"),
    ("POST", "", json.dumps({"sha256": "ab" * 32, "size": 10, "mime": "text/html"}).encode(), {}, 422,
     "unsupported_type"),
    ("POST", "", json.dumps({"sha256": "ab" * 32, "size": 10**12, "mime": "image/png"}).encode(), {}, 413,
     "too_large"),
    ("GET", "/not-a-hash", b"", {}, 422, "malformed"),
    ("GET", "/" + "ab" * 32, b"", {}, 404, "not_found"),
    ("PATCH", "/" + "ab" * 32, b"x", {"Content-Type": uploads.OCTETS, "Upload-Offset": "0"}, 404, "not_found"),
    ("PATCH", "/" + "cd" * 32, b"x", {"Content-Type": uploads.OCTETS}, 400, "malformed"),
    ("PATCH", "/" + "cd" * 32, b"x", {"Content-Type": uploads.OCTETS, "Upload-Offset": "-1"}, 400, "malformed"),
    ("PATCH", "/" + "cd" * 32, b"x", {"Content-Type": uploads.OCTETS, "Upload-Offset": "9" * 40}, 400, "malformed"),
    ("PATCH", "/" + "cd" * 32, b"x", {"Content-Type": "text/plain", "Upload-Offset": "0"}, 415,
     "unsupported_media_type"),
    ("PATCH", "/" + "cd" * 32, b"x" * (4 * 1024 * 1024 + 1), {"Content-Type": uploads.OCTETS, "Upload-Offset": "0"},
     413, "too_large"),
    ("DELETE", "/" + "cd" * 32, b"", {}, 405, "method_not_allowed"),
])
def test_hub_bad_requests_are_4xx(api_hub: Hub, method: str, path: str, body: bytes, headers: dict[str, str],
                                  status: int, error: str) -> None:
    dev = Device(api_hub, "540127100004")
    r = dev.send(method, uploads.BASE + path, body, headers)
    assert (r.status_code, r.json()["error"]) == (status, error), r.text


def test_hub_refuses_unsigned_and_forged(api_hub: Hub) -> None:
    dev = Device(api_hub, "540127100005")
    digest = "ab" * 32
    assert dev.send("GET", f"{uploads.BASE}/{digest}", sign=False).json()["error"] == "unsigned"
    body = json.dumps({"sha256": digest, "size": 10, "mime": "image/png"}).encode()
    prepared = requests.Request("POST", api_hub.url + uploads.BASE, data=body).prepare()
    protocol.sign_request(prepared, body, dev.station, Ed25519PrivateKey.generate())
    r = HTTP.send(prepared, timeout=10)
    assert r.status_code == 401 and r.json()["error"] == "bad_signature"


def test_openapi_documents_the_upload_calls(api_hub: Hub) -> None:
    doc = HTTP.get(api_hub.url + "/openapi.json", timeout=10).json()
    assert set(doc["paths"][uploads.BASE]) == {"post"}
    assert set(doc["paths"][f"{uploads.BASE}/{{sha256}}"]) == {"get", "head", "patch"}
    patch = doc["paths"][f"{uploads.BASE}/{{sha256}}"]["patch"]
    assert uploads.OCTETS in patch["requestBody"]["content"]
    assert any(p["name"] == "Upload-Offset" and p["in"] == "header" for p in patch["parameters"])
    assert patch["security"] == [{"stationSignature": []}]
    for name in ("UploadOut", "OffsetOut", "ErrorOut"):
        assert name in doc["components"]["schemas"]
    schemathesis = pytest.importorskip("schemathesis")
    for operation in schemathesis.openapi.from_dict(doc).get_all_operations():
        operation.ok()  # every operation of the document resolves (raises otherwise)


PRINTABLE = "0123456789abcdefxyz+-.;/= "


@settings(max_examples=60, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
@given(
    method=st.sampled_from(["POST", "GET", "HEAD", "PATCH", "PUT"]),
    tail=st.one_of(st.just(""), st.just("/" + "ef" * 32), st.text(alphabet="abcdef0123456789%./-_", max_size=80)
                   .map(lambda t: "/" + t)),
    body=st.one_of(st.binary(max_size=300), st.builds(
        lambda d: json.dumps(d).encode(),
        st.dictionaries(st.sampled_from(["sha256", "size", "mime", "x"]),
                        st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False),
                                  st.text(max_size=70), st.just("ef" * 32), st.just("image/png")), max_size=4))),
    offset=st.one_of(st.none(), st.from_regex(r"[0-9a-z+\-. ]{0,25}", fullmatch=True).map(str.strip)),
    content_type=st.sampled_from([uploads.OCTETS, "application/json", "text/plain", ""]),
)
def test_no_request_makes_the_hub_fail(api_hub: Hub, method: str, tail: str, body: bytes, offset: str | None,
                                       content_type: str) -> None:
    dev = _fuzz_device(api_hub)
    headers = {"Content-Type": content_type} if content_type else {}
    if offset is not None:
        headers["Upload-Offset"] = offset
    r = dev.send(method, uploads.BASE + tail, body, headers)
    assert r.status_code < 500, r.text


_DEVICES: dict[str, Device] = {}


def _fuzz_device(hub: Hub) -> Device:
    if hub.url not in _DEVICES:
        _DEVICES[hub.url] = Device(hub, "540127100009")
        _DEVICES[hub.url].create("ef" * 32, 100, "image/png")
    return _DEVICES[hub.url]


def test_a_file_name_with_control_characters_is_kept_visible_not_raw(station: Station, case_no: str,
                                                                     tmp_path: Path) -> None:
    item, mat = material(station, case_no)
    src = save_png(document_image(800, 600), tmp_path / "户口簿\x1b[31m\u202e.png")
    info = attachments.add_file(station, case_no, item, mat, src)
    assert info.name == "户口簿\\x1b[31m\\u202e.png"
    (event,) = added_events(station, case_no)
    assert event["name"] == info.name
