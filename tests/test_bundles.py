"""Offline bundles end to end: a work team's laptop, a township centre and the reference hub on loopback.

The laptop exports its unsent work; the centre checks and forwards the bundle (it cannot read it);
the hub takes it in under the laptop's station, exactly once, whoever sends it again and however.
"""

from __future__ import annotations

import io
import json
import random
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PIL import Image

from app.clock import FixedClock
from app.config import Paths
from app.errors import (
    BundleAckInvalid,
    BundleAlreadyDelivered,
    BundleForeignRegion,
    BundleNotABundle,
    BundleNothingToExport,
    BundleTampered,
    BundleTruncated,
    BundleUnknownSigner,
    LinkDown,
)
from app.messages import describe
from app.services import attachments, cases, catalogue
from app.station import Station
from app.store import attachments as att_store
from app.store import operators as meta
from app.store import outbox
from sync import bundle_format, bundles, engine, protocol
from sync.client import HubClient
from tests.conftest import ADMIN_PASSWORD, FAST_KDF
from tests.helpers import applicant, request
from tests.hubproc import Hub

CENTRE_CODE = "540127200000"
# The work team's cases: an applicant nobody at the centre has, so that any trace of them shows.
NAME = "格桑拉姆"
BIRTH = date(1979, 7, 23)


@pytest.fixture
def laptop(station: Station, hub: Hub) -> Station:
    """The work team's laptop (the conftest station), enrolled while it had a link."""
    engine.enrol(station, hub.url, hub.quick_code(station.station_code))
    return station


@pytest.fixture
def centre(tmp_path: Path, clock: FixedClock, hub: Hub) -> Iterator[Station]:
    st, _recovery = Station.init(Paths(tmp_path / "centre"), station_code=CENTRE_CODE, station_name="县政务服务中心",
                                 admin_login="admin", admin_password=ADMIN_PASSWORD, kdf=FAST_KDF, clock=clock)
    catalogue.import_sample(st)
    engine.enrol(st, hub.url, hub.quick_code(CENTRE_CODE))
    yield st
    st.close()


def scan(seed: int, side: int = 800) -> bytes:
    rnd = random.Random(seed)
    buf = io.BytesIO()
    Image.frombytes("RGB", (side, side), rnd.randbytes(side * side * 3)).save(buf, "JPEG", quality=90)
    return buf.getvalue()


def field_work(st: Station, n_cases: int = 3, n_scans: int = 2) -> list[str]:
    """Cases taken in a village without a link, with scans (each scan bigger than a bundle chunk)."""
    made = []
    for i in range(n_cases):
        person = applicant(name=NAME, birth=BIRTH, seq=31 + i)
        made.append(cases.submit(st, request(st, applicant=person)).case_no)
    for i in range(n_scans):
        m = cases.get_case(st, made[i % n_cases], log_access=False).materials[0]
        attachments.add_bytes(st, made[i % n_cases], m.item_code, m.material_code, scan(i), f"户口簿-{i}.jpg")
    return made


def secrets_of(st: Station, case_nos: list[str]) -> list[bytes]:
    """Personal data of the laptop's cases, as bytes to look for."""
    out = {NAME.encode()}
    for case_no in case_nos:
        case = cases.get_case(st, case_no, log_access=False)
        out |= {case.applicant.id_number.encode(), case.applicant.phone.encode()}
    return sorted(out)


def hub_cases(hub: Hub) -> list[dict[str, Any]]:
    return list(json.loads(hub.run_cli("cases", "--json").stdout))


def hub_events(hub: Hub, table: Any = None) -> int:
    """Rows the hub holds (journal events unless another table is named), read from its database."""
    from sqlalchemy import func, select
    from sqlalchemy.orm import Session

    from hub import db as hub_db

    engine_ = hub_db.make_engine(hub.db_url)
    try:
        with Session(engine_) as session:
            return int(session.scalar(select(func.count()).select_from(table or hub_db.StoredEvent)) or 0)
    finally:
        engine_.dispose()


def hub_attachments(hub: Hub, station: str) -> set[str]:
    from sqlalchemy import select
    from sqlalchemy.orm import Session

    from hub import db as hub_db

    engine_ = hub_db.make_engine(hub.db_url)
    try:
        with Session(engine_) as session:
            return set(session.scalars(select(hub_db.AttachmentUpload.sha256).where(
                hub_db.AttachmentUpload.station == station, hub_db.AttachmentUpload.completed_at.is_not(None))))
    finally:
        engine_.dispose()


def store_dump(st: Station) -> bytes:
    """Every value of every table of a station's store, decrypted (what SQLCipher hides from the disk)."""
    parts: list[bytes] = []
    tables = [r[0] for r in st.db.all("SELECT name FROM sqlite_master WHERE type = 'table'")]
    for table in tables:
        try:
            rows = st.db.all(f'SELECT * FROM "{table}"')
        except Exception:  # FTS shadow tables and the like
            continue
        for row in rows:
            for value in row:
                parts.append(value if isinstance(value, bytes) else str(value).encode())
    return b"\n".join(parts)


# -- the whole path ------------------------------------------------------------------------------
def test_export_import_and_sync_deliver_exactly_once(laptop: Station, centre: Station, hub: Hub,
                                                     tmp_path: Path) -> None:
    made = field_work(laptop)
    journal = outbox.last_seq(laptop.db)
    waiting = outbox.pending_count(laptop.db)
    assert waiting == journal  # nothing of the laptop reached the hub yet
    stick = tmp_path / "stick"
    stick.mkdir()
    exported = bundles.export_bundle(laptop, stick / "work-team.bmb")
    assert (exported.events, exported.cases, exported.attachments) == (waiting, 3, 2)
    # Exporting marks nothing as delivered.
    assert outbox.pending_count(laptop.db) == waiting and att_store.pending_upload_count(laptop.db) == 2
    raw = (stick / "work-team.bmb").read_bytes()
    for secret in secrets_of(laptop, made):
        assert secret not in raw  # nobody on the way reads it

    # The centre sees whose work it is, without reading it.
    summary = bundles.inspect(centre, exported.path)
    assert (summary.station, summary.station_name) == (laptop.station_code, "工卡镇便民服务中心")
    assert (summary.events, summary.cases, summary.attachments) == (waiting, 3, 2)
    assert summary.size == len(raw) and summary.state is None

    before_centre_journal = outbox.last_seq(centre.db)
    result = bundles.import_bundle(centre, exported.path)
    assert (result.stored, result.duplicate, result.rejected, result.attachments) == (waiting, 0, 0, 2)
    assert Path(result.ack_path) == stick / "work-team.bmb.ack" and Path(result.ack_path).exists()
    at_hub = {c["case_no"]: c for c in hub_cases(hub)}
    assert set(at_hub) == set(made)
    assert all(at_hub[n]["station"] == laptop.station_code and at_hub[n]["status"] == "accepted" for n in made)
    assert hub_events(hub) == waiting
    assert len(hub_attachments(hub, laptop.station_code)) == 2 and not hub_attachments(hub, CENTRE_CODE)
    # Forwarding wrote nothing into the centre's journal, and the centre holds none of it in clear.
    assert outbox.last_seq(centre.db) == before_centre_journal
    dump = store_dump(centre)
    for secret in secrets_of(laptop, made):
        assert secret not in dump
    for file in (tmp_path / "centre").rglob("*"):
        if file.is_file():
            assert NAME.encode() not in file.read_bytes()
    assert [r["bundle_id"] for r in bundles.imports(centre)] == [exported.bundle_id]

    # The same bundle again: refused as already delivered, and the hub holds the same.
    with pytest.raises(BundleAlreadyDelivered) as info:
        bundles.import_bundle(centre, exported.path)
    assert "已于" in describe(info.value) and laptop.station_code in describe(info.value)
    assert hub_events(hub) == waiting and len(hub_cases(hub)) == 3

    # The laptop syncs directly later: the hub answers "duplicate" to everything; nothing is added.
    report = engine.run_once(laptop)
    assert report.ok, report
    assert (report.pushed, report.duplicates, report.uploaded) == (0, waiting, 2)
    assert hub_events(hub) == waiting and len(hub_cases(hub)) == 3
    # The ack still applies (nothing left to mark), and the laptop has nothing to offer.
    ack = bundles.apply_ack(laptop, result.ack_path)
    assert (ack.marked_sent, ack.waiting) == (0, 0)
    with pytest.raises(BundleNothingToExport):
        bundles.export_bundle(laptop, stick / "again.bmb")


def test_the_ack_stops_the_laptop_offering_what_the_hub_has(laptop: Station, centre: Station, hub: Hub,
                                                            tmp_path: Path) -> None:
    field_work(laptop, n_cases=2, n_scans=1)
    exported = bundles.export_bundle(laptop, tmp_path / "a.bmb")
    result = bundles.import_bundle(centre, exported.path, ack_path=tmp_path / "receipt.ack")
    assert Path(result.ack_path) == tmp_path / "receipt.ack"
    # More work after the export: the ack covers only what the bundle carried.
    later = cases.submit(laptop, request(laptop, applicant=applicant(name=NAME, birth=BIRTH, seq=77))).case_no
    later_events = len(cases.case_journal(laptop, later))
    ack = bundles.apply_ack(laptop, result.ack_path)
    assert ack.marked_sent == exported.events and ack.attachments_done == 1 and ack.waiting == later_events
    assert att_store.pending_upload_count(laptop.db) == 0
    assert bundles.apply_ack(laptop, result.ack_path).marked_sent == 0  # twice is harmless
    # Only the later work is offered, by sync and by the next bundle.
    second = bundles.export_bundle(laptop, tmp_path / "b.bmb")
    assert (second.events, second.attachments, second.first_seq) == (later_events, 0, exported.last_seq + 1)
    report = engine.run_once(laptop)
    assert (report.pushed, report.duplicates, report.uploaded) == (later_events, 0, 0)
    # --since: everything after a point, sent or not (the hub answers duplicate to what it has).
    again = bundles.export_bundle(laptop, tmp_path / "c.bmb", since=0)
    assert again.events == outbox.last_seq(laptop.db) and again.attachments == 1
    third = bundles.import_bundle(centre, again.path)
    assert third.stored == 0 and third.duplicate == again.events


def test_forged_acks_are_refused(laptop: Station, centre: Station, tmp_path: Path) -> None:
    field_work(laptop, n_cases=1, n_scans=0)
    result = bundles.import_bundle(centre, bundles.export_bundle(laptop, tmp_path / "a.bmb").path)
    doc = json.loads(Path(result.ack_path).read_text("utf-8"))
    forged = tmp_path / "forged.ack"
    forged.write_text(json.dumps({**doc, "ranges": [[1, 99, doc["ranges"][0][2]]]}), "utf-8")
    with pytest.raises(BundleAckInvalid) as info:
        bundles.apply_ack(laptop, forged)
    assert info.value.details["reason"] == "signature" and "回执文件" in describe(info.value)
    with pytest.raises(BundleAckInvalid) as info:  # a genuine ack, for another station
        bundles.apply_ack(centre, result.ack_path)
    assert info.value.details["reason"] == "other_station"
    assert outbox.pending_count(laptop.db) == outbox.last_seq(laptop.db)


# -- refusals ------------------------------------------------------------------------------------
def _state(centre: Station, hub: Hub) -> tuple[Any, ...]:
    from hub import db as hub_db

    return (bundles.imports(centre), outbox.last_seq(centre.db), meta.all_meta(centre.db), hub_events(hub),
            *(hub_events(hub, table) for table in (hub_db.Case, hub_db.AttachmentUpload, hub_db.BundleUpload)))


def test_damaged_and_forged_bundles_are_refused_and_change_nothing(laptop: Station, centre: Station, hub: Hub,
                                                                   tmp_path: Path) -> None:
    field_work(laptop, n_cases=2, n_scans=1)
    good = Path(bundles.export_bundle(laptop, tmp_path / "good.bmb").path)
    raw = good.read_bytes()
    before = _state(centre, hub)

    def refused(data: bytes, name: str) -> Any:
        path = tmp_path / name
        path.write_bytes(data)
        with pytest.raises(Exception) as info:
            bundles.import_bundle(centre, path)
        assert _state(centre, hub) == before
        assert not (tmp_path / f"{name}.ack").exists()
        return info.value

    # One flipped byte: in an encrypted chunk, in the clear header, in the signature.
    header_len = int.from_bytes(raw[16:20], "big")
    for at in (20 + header_len // 2, len(raw) - 30, len(raw) // 2):
        flipped = bytearray(raw)
        flipped[at] ^= 0x01
        exc = refused(bytes(flipped), f"flipped-{at}.bmb")
        # A changed signature is one the certified key did not make: "unknown signer" says that too.
        assert isinstance(exc, BundleTampered | BundleUnknownSigner), (at, exc)
    assert isinstance(exc, BundleTampered)  # a byte of an encrypted chunk
    assert "校验失败" in describe(exc) and "未导入任何内容" in describe(exc)
    # Truncated: a copy that did not finish, anywhere.
    for cut in (len(raw) - 1, len(raw) // 2, 30, 10):
        exc = refused(raw[:cut], f"cut-{cut}.bmb")
        assert isinstance(exc, BundleTruncated), (cut, exc)
    assert "不完整" in describe(exc)
    # Not a bundle at all.
    assert isinstance(refused(b"%PDF-1.7 hello", "not.bmb"), BundleNotABundle)

    # Signed by a key the platform never certified, with the laptop's certificate in the header.
    stranger = protocol.new_device_key()
    with open(tmp_path / "stranger.bmb", "wb") as out:
        header = {k: v for k, v in _header(raw).items() if k not in ("format", "key")}
        box_key = protocol.unb64(meta.get_meta(laptop.db, "sync.hub_box_key") or "")
        writer = bundle_format.BundleWriter(out, header=header, device_key=stranger, hub_box_key=box_key)
        writer.add_events([{"seq": 1}])
        writer.finish()
    exc = refused((tmp_path / "stranger.bmb").read_bytes(), "stranger.bmb")
    assert isinstance(exc, BundleUnknownSigner) and "签名无法确认" in describe(exc)
    # A device certified by a hub of another region.
    foreign_hub = protocol.new_device_key()
    cert = bundle_format.make_certificate(foreign_hub, station="530102100000", station_name="外区站",
                                          device_key=protocol.b64(protocol.public_bytes(stranger)), region="530000",
                                          issued_at="2026-11-01T00:00:00+08:00")
    with open(tmp_path / "foreign.bmb", "wb") as out:
        writer = bundle_format.BundleWriter(out, header={**header, "station": "530102100000", "certificate": cert,
                                                         "device_key": cert["device_key"]},
                                            device_key=stranger, hub_box_key=protocol.unb64(
                                                meta.get_meta(laptop.db, "sync.hub_box_key") or ""))
        writer.add_events([{"seq": 1}])
        writer.finish()
    exc = refused((tmp_path / "foreign.bmb").read_bytes(), "foreign.bmb")
    assert isinstance(exc, BundleForeignRegion) and "530000" in describe(exc)

    # The good one still goes through.
    assert bundles.import_bundle(centre, good).stored == outbox.last_seq(laptop.db)


def _header(raw: bytes) -> dict[str, Any]:
    length = int.from_bytes(raw[16:20], "big")
    return dict(json.loads(raw[20:20 + length]))


def test_the_hub_checks_for_itself(laptop: Station, centre: Station, hub: Hub, tmp_path: Path) -> None:
    """A centre that skipped its checks (or a modified one) cannot get a damaged bundle taken in either."""
    field_work(laptop, n_cases=1, n_scans=1)
    raw = bytearray(Path(bundles.export_bundle(laptop, tmp_path / "a.bmb").path).read_bytes())
    raw[len(raw) // 2] ^= 0x40
    client = engine.client_for(centre)
    import hashlib

    bundle_id = _header(bytes(raw))["bundle_id"]
    body = json.dumps({"bundle_id": bundle_id, "size": len(raw), "sha256": hashlib.sha256(raw).hexdigest()}).encode()
    client._send("POST", protocol.BUNDLES, body=body, headers={"Content-Type": "application/json"})
    from app.errors import HubRefused

    with pytest.raises(HubRefused) as info:
        client._send("PATCH", f"{protocol.BUNDLES}/{bundle_id}", body=bytes(raw),
                     headers={"Content-Type": "application/offset+octet-stream", "Upload-Offset": "0"})
    assert info.value.details["reason"] in ("bundle_tampered", "bundle_unknown_signer")
    assert hub_events(hub) == 0 and not hub_attachments(hub, laptop.station_code)


# -- streaming and resuming ----------------------------------------------------------------------
class CutAfter(HubClient):
    """The centre's link goes down after ``patches`` bundle chunks."""

    def __init__(self, base: HubClient, patches: int) -> None:
        super().__init__(base.base_url, base.station_code, base.key)
        self.left = patches
        self.sent_patches = 0

    def _send(self, method: str, path: str, **kw: Any) -> dict[str, Any]:
        if method == "PATCH" and path.startswith(protocol.BUNDLES):
            if self.left == 0:
                raise LinkDown("cut")
            self.left -= 1
            self.sent_patches += 1
        return super()._send(method, path, **kw)


def test_an_interrupted_import_resumes_where_the_hub_stands(laptop: Station, centre: Station, hub: Hub,
                                                            tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(bundles, "UPLOAD_CHUNK", 64 * 1024)
    field_work(laptop, n_cases=2, n_scans=3)
    exported = bundles.export_bundle(laptop, tmp_path / "big.bmb")
    assert exported.size > 6 * bundles.UPLOAD_CHUNK
    seen: list[tuple[int, int]] = []
    with pytest.raises(LinkDown):
        bundles.import_bundle(centre, exported.path, client=CutAfter(engine.client_for(centre), 3),
                              progress=lambda at, size: seen.append((at, size)))
    assert seen[-1] == (3 * bundles.UPLOAD_CHUNK, exported.size)
    summary = bundles.inspect(centre, exported.path)
    assert (summary.state, summary.offset) == ("uploading", 3 * bundles.UPLOAD_CHUNK)
    assert hub_events(hub) == 0  # nothing is taken in before the whole bundle checked out
    client = CutAfter(engine.client_for(centre), 10_000)
    result = bundles.import_bundle(centre, exported.path, client=client)
    assert result.resumed_from == 3 * bundles.UPLOAD_CHUNK
    assert result.bytes_sent == exported.size - 3 * bundles.UPLOAD_CHUNK  # nothing sent twice
    assert result.stored == exported.events and result.attachments == 3
    assert hub_events(hub) == exported.events


class LoseAnswer(CutAfter):
    """After ``patches`` bundle chunks the hub takes one more, and the link goes down before its answer arrives."""

    def _send(self, method: str, path: str, **kw: Any) -> dict[str, Any]:
        if method == "PATCH" and path.startswith(protocol.BUNDLES) and self.left == 0:
            HubClient._send(self, method, path, **kw)
            raise LinkDown("answer lost")
        return super()._send(method, path, **kw)


SMALL_CHUNK = 64 * 1024


@pytest.fixture
def big_bundle(laptop: Station, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> bundles.ExportResult:
    """The laptop's work in a bundle of many upload chunks (``SMALL_CHUNK`` each)."""
    monkeypatch.setattr(bundles, "UPLOAD_CHUNK", SMALL_CHUNK)
    field_work(laptop, n_cases=2, n_scans=3)
    return bundles.export_bundle(laptop, tmp_path / "big.bmb")


def test_a_lost_answer_resumes_at_the_hubs_offset(big_bundle: bundles.ExportResult, centre: Station,
                                                  hub: Hub) -> None:
    """The station's shared upload (``sync.upload``): the centre kept only what the hub confirmed, the
    hub has one chunk more; the next import starts where the hub stands and sends nothing twice."""
    with pytest.raises(LinkDown):
        bundles.import_bundle(centre, big_bundle.path, client=LoseAnswer(engine.client_for(centre), 2))
    assert bundles.inspect(centre, big_bundle.path).offset == 2 * SMALL_CHUNK  # confirmed before the cut
    result = bundles.import_bundle(centre, big_bundle.path)
    assert result.resumed_from == 3 * SMALL_CHUNK  # where the hub stands
    assert result.bytes_sent == big_bundle.size - 3 * SMALL_CHUNK
    assert result.stored == big_bundle.events and hub_events(hub) == big_bundle.events


def test_an_offset_conflict_resumes_a_bundle_from_the_hubs_offset(big_bundle: bundles.ExportResult,
                                                                  centre: Station, hub: Hub) -> None:
    """A hub that says it has nothing (a stale answer) while it has three chunks refuses the first
    chunk with 409; the import goes on from the hub's offset, as an attachment's upload does."""
    with pytest.raises(LinkDown):
        bundles.import_bundle(centre, big_bundle.path, client=CutAfter(engine.client_for(centre), 3))
    client = engine.client_for(centre)
    real = client._send
    calls: list[str] = []

    def stale(method: str, path: str, **kw: Any) -> dict[str, Any]:
        calls.append(method)
        answer = real(method, path, **kw)
        return {**answer, "offset": 0} if method == "POST" else answer

    client._send = stale  # type: ignore[method-assign]
    result = bundles.import_bundle(centre, big_bundle.path, client=client)
    chunks = -(-big_bundle.size // SMALL_CHUNK)
    assert calls.count("PATCH") == 1 + (chunks - 3)  # one refused with 409, then the rest from the hub's offset
    assert calls.count("GET") == 1
    assert result.bytes_sent == big_bundle.size - 3 * SMALL_CHUNK
    assert result.stored == big_bundle.events and hub_events(hub) == big_bundle.events


def test_export_streams_chunk_by_chunk(laptop: Station, tmp_path: Path) -> None:
    """Events go in pages and attachments in pieces: no chunk is bigger than a piece or a page."""
    field_work(laptop, n_cases=2, n_scans=2)
    path = Path(bundles.export_bundle(laptop, tmp_path / "a.bmb").path)
    sizes = []
    with open(path, "rb") as stream:
        header = bundle_format.read_header(stream)
        for _index, _last, ct in bundle_format._frames(stream, header, {}):
            sizes.append(len(ct))
    assert len(sizes) >= 4 and max(sizes) <= bundle_format.ATTACHMENT_PIECE + 1024


def test_a_station_enrolled_before_certificates_fetches_one(laptop: Station, tmp_path: Path) -> None:
    with laptop.db.transaction():
        meta.set_meta(laptop.db, "sync.certificate", "")
    field_work(laptop, n_cases=1, n_scans=0)
    exported = bundles.export_bundle(laptop, tmp_path / "a.bmb")
    cert = json.loads(meta.get_meta(laptop.db, "sync.certificate") or "{}")
    assert cert["station"] == laptop.station_code and cert["region"] == "540000"
    assert exported.events > 0


# -- the command line ----------------------------------------------------------------------------
def test_bundle_commands(laptop: Station, centre: Station, hub: Hub, tmp_path: Path,
                         monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    from bianmin import cli

    field_work(laptop, n_cases=2, n_scans=1)
    monkeypatch.setenv("BIANMIN_PASSWORD", ADMIN_PASSWORD)
    monkeypatch.setenv("BIANMIN_USER", "admin")

    def run(home: Path, *args: str) -> tuple[int, str, str]:
        monkeypatch.setenv("BIANMIN_HOME", str(home))
        code = cli.main(list(args))
        out = capsys.readouterr()
        return code, out.out, out.err

    laptop_home, centre_home = laptop.paths.home, centre.paths.home
    file = tmp_path / "work.bmb"
    code, out, err = run(laptop_home, "bundle", "export", str(file), "--json")
    assert code == 0, err
    exported = json.loads(out)
    assert exported["cases"] == 2 and exported["attachments"] == 1
    code, out, _ = run(centre_home, "bundle", "show", str(file))
    assert code == 0 and laptop.station_code in out and "办件 2 件" in out
    code, out, err = run(centre_home, "bundle", "import", str(file))
    assert code == 0, err
    assert "已转交平台" in out and str(file) + ".ack" in out
    code, out, err = run(centre_home, "bundle", "import", str(file))
    assert code == 1 and "已于" in err and "不再重复导入" in err
    code, out, err = run(laptop_home, "bundle", "ack", str(file) + ".ack", "--json")
    assert code == 0, err
    assert json.loads(out)["marked_sent"] == exported["events"] and json.loads(out)["waiting"] == 0
    code, out, err = run(laptop_home, "bundle", "export", str(tmp_path / "again.bmb"))
    assert code == 1 and "没有需要导出的数据" in err
    bad = tmp_path / "bad.bmb"
    bad.write_bytes(file.read_bytes()[:-100])
    code, out, err = run(centre_home, "bundle", "import", str(bad))
    assert code == 1 and "不完整" in err
    code, out, err = run(centre_home, "bundle", "list", "--json")
    assert code == 0 and [r["bundle_id"] for r in json.loads(out)["imported"]] == [exported["bundle_id"]]
