"""An offline bundle's upload belongs to the station that forwards it, and a bundle is taken in only
under its own id: real stations (SQLCipher), a real hub process, real bundles.

Another enrolled station can neither see, append to nor reset a centre's upload (it is answered as
if there were none: 404 ``not_found``); a valid bundle uploaded under another bundle's id is refused
(422 ``bundle_id_mismatch``) and the real bundle is still delivered, with its own acknowledgement.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.clock import FixedClock
from app.config import Paths
from app.errors import HubRefused
from app.services import cases, catalogue
from app.station import Station
from app.store import outbox
from hub import db as hub_db
from sync import bundles, engine, protocol
from sync.client import HubClient
from tests.conftest import ADMIN_PASSWORD, FAST_KDF
from tests.helpers import applicant, request
from tests.hubproc import Hub

CENTRE = "540127200000"
THIEF = "540127300000"
JSON = {"Content-Type": "application/json"}
OCTETS = "application/offset+octet-stream"


@pytest.fixture
def laptop(station: Station, hub: Hub) -> Station:
    engine.enrol(station, hub.url, hub.quick_code(station.station_code))
    for i in range(3):
        cases.submit(station, request(station, applicant=applicant(seq=41 + i)))
    return station


@pytest.fixture
def centre(tmp_path: Path, clock: FixedClock, hub: Hub) -> Iterator[Station]:
    st, _recovery = Station.init(Paths(tmp_path / "centre"), station_code=CENTRE, station_name="县政务服务中心",
                                 admin_login="admin", admin_password=ADMIN_PASSWORD, kdf=FAST_KDF, clock=clock)
    catalogue.import_sample(st)
    engine.enrol(st, hub.url, hub.quick_code(CENTRE))
    yield st
    st.close()


@pytest.fixture
def thief(hub: Hub) -> HubClient:
    """Another enrolled station, speaking the protocol by hand."""
    key = protocol.new_device_key()
    client = HubClient(hub.url, THIEF, key)
    client.enrol(hub.quick_code(THIEF), "另一站", protocol.public_bytes(key))
    return client


def declare(client: HubClient, bundle_id: str, data: bytes) -> dict[str, Any]:
    body = json.dumps({"bundle_id": bundle_id, "size": len(data), "sha256": hashlib.sha256(data).hexdigest()})
    return client._send("POST", protocol.BUNDLES, body=body.encode(), headers=JSON)


def append(client: HubClient, bundle_id: str, offset: int, chunk: bytes) -> dict[str, Any]:
    return client._send("PATCH", f"{protocol.BUNDLES}/{bundle_id}", body=chunk,
                        headers={"Content-Type": OCTETS, "Upload-Offset": str(offset)})


def refused(call: Any, *args: Any) -> tuple[int, str]:
    with pytest.raises(HubRefused) as info:
        call(*args)
    return int(info.value.details.get("status") or 0), str(info.value.details.get("reason"))


def held_events(hub: Hub) -> int:
    from sqlalchemy import func

    eng = hub_db.make_engine(hub.db_url)
    try:
        with Session(eng) as session:
            return int(session.scalar(select(func.count()).select_from(hub_db.StoredEvent)) or 0)
    finally:
        eng.dispose()


def test_an_upload_belongs_to_the_station_that_started_it(laptop: Station, centre: Station, thief: HubClient,
                                                          hub: Hub, tmp_path: Path) -> None:
    exported = bundles.export_bundle(laptop, tmp_path / "work.bmb")
    raw = Path(exported.path).read_bytes()
    bid = exported.bundle_id
    mine = engine.client_for(centre)
    assert declare(mine, bid, raw)["offset"] == 0
    half = len(raw) // 2
    assert append(mine, bid, 0, raw[:half])["offset"] == half

    # Another station learns nothing of it and cannot add to it: as if there were no such upload.
    assert refused(thief._send, "GET", f"{protocol.BUNDLES}/{bid}") == (404, "not_found")
    assert refused(append, thief, bid, half, raw[half:]) == (404, "not_found")
    assert refused(append, thief, bid, 0, b"junk") == (404, "not_found")
    # Declaring the same id with another file makes the thief an upload of its own; the centre's stays.
    theirs = declare(thief, bid, b"x" * 100)
    assert (theirs["offset"], theirs["size"], theirs["complete"]) == (0, 100, False)
    assert mine._send("GET", f"{protocol.BUNDLES}/{bid}")["offset"] == half
    # And the same file under the same id: still its own upload, from zero.
    assert declare(thief, bid, raw)["offset"] == 0

    # The centre finishes from where it stood and the bundle is taken in once.
    result = bundles.import_bundle(centre, exported.path)
    assert result.resumed_from == half and result.stored == exported.events
    assert held_events(hub) == exported.events
    # The thief's own upload of the same bytes is answered "taken in already", nothing twice.
    answer = declare(thief, bid, raw)
    assert answer["complete"] and answer["already"] and answer["ack"]["bundle_id"] == bid
    assert held_events(hub) == exported.events


def test_a_bundle_uploaded_under_another_id_is_refused_and_the_real_one_still_delivers(
        laptop: Station, centre: Station, thief: HubClient, hub: Hub, tmp_path: Path) -> None:
    first = bundles.export_bundle(laptop, tmp_path / "first.bmb")
    second = bundles.export_bundle(laptop, tmp_path / "second.bmb")  # the same work, another bundle
    assert first.bundle_id != second.bundle_id
    raw = Path(first.path).read_bytes()
    # A valid bundle, sent under the other's id.
    declare(thief, second.bundle_id, raw)
    assert refused(append, thief, second.bundle_id, 0, raw) == (422, "bundle_id_mismatch")
    assert held_events(hub) == 0  # nothing of it was taken in
    assert refused(thief._send, "GET", f"{protocol.BUNDLES}/{second.bundle_id}") == (404, "not_found")

    # The real bundle is delivered, with an acknowledgement of its own id.
    result = bundles.import_bundle(centre, second.path)
    assert result.stored == second.events
    ack = json.loads(Path(result.ack_path).read_text("utf-8"))
    assert (ack["bundle_id"], ack["station"], ack["uploaded_by"]) == (second.bundle_id, laptop.station_code, CENTRE)
    # The first one, under its own id, is a harmless second copy.
    again = bundles.import_bundle(centre, first.path)
    assert (again.stored, again.duplicate) == (0, first.events)
    assert outbox.pending_count(laptop.db) == outbox.last_seq(laptop.db)  # the laptop learns it by ack or sync


def test_a_hub_that_took_a_bundle_in_under_a_wrong_id_lets_the_real_one_through(
        laptop: Station, centre: Station, hub: Hub, tmp_path: Path) -> None:
    """A hub of an older version may hold another bundle's acknowledgement under a bundle's id: the
    real bundle is taken in rather than answered "already" with an acknowledgement that is not its own."""
    first = bundles.export_bundle(laptop, tmp_path / "first.bmb")
    second = bundles.export_bundle(laptop, tmp_path / "second.bmb")
    bundles.import_bundle(centre, first.path)
    eng = hub_db.make_engine(hub.db_url)
    try:
        with Session(eng) as session:
            row = session.get(hub_db.BundleUpload, first.bundle_id)
            assert row is not None and row.ack
            session.add(hub_db.BundleUpload(bundle_id=second.bundle_id, uploader=THIEF, station=row.station,
                                            size=row.size, sha256=row.sha256, offset=row.offset,
                                            created_at=row.created_at, updated_at=row.updated_at,
                                            ingested_at=row.ingested_at, ack=row.ack))
            session.commit()
    finally:
        eng.dispose()
    result = bundles.import_bundle(centre, second.path)
    assert json.loads(Path(result.ack_path).read_text("utf-8"))["bundle_id"] == second.bundle_id
    assert result.duplicate == second.events
