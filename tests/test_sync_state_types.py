"""The station's sync state as one typed definition (issue 14, point 5).

``sync/state.py`` is the only place the ``sync.*`` meta keys are named; an existing station's
meta (written the way the station has always written it) loads into the typed state and saves
back identically; a round writes the same values in the same formats as before; ``engine.status``
is a :class:`sync.status.SyncStatus`, and ``bianmin sync status --json`` prints the same keys.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import socket
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

from app.station import Station
from app.store import operators as meta
from sync import engine, protocol
from sync import state as sync_state
from sync.status import LinkState, SyncStatus
from tests.conftest import ADMIN_PASSWORD

ROOT = Path(__file__).resolve().parent.parent

# Every key the station has kept its link in, as the code before this module wrote them.
OLD_KEYS = ("sync.hub_url", "sync.device_key", "sync.hub_signing_key", "sync.hub_box_key", "sync.certificate",
            "sync.region", "sync.ca_bundle", "sync.enrolled_at", "sync.pending_device_key", "sync.cursor",
            "sync.clock_offset", "sync.last_attempt", "sync.last_success", "sync.last_error",
            "sync.last_error_reason", "sync.failures")

# The keys devices added (issue 15): the device number the hub enrolled, the peers feed's cursor, the
# station's devices as the hub last listed them. A station from before has none of them.
DEVICE_KEYS = ("sync.device", "sync.peer_cursor", "sync.devices")
# The centre's relay (issue 15): its address, how far this device exchanged with it, its last exchange.
RELAY_KEYS = ("sync.relay_url", "sync.relay_pushed", "sync.relay_cursor", "sync.relay_feed", "sync.relay_scans",
              "sync.relay_last_attempt", "sync.relay_last_success", "sync.relay_last_error")

# The fields of ``engine.status`` in the order ``bianmin sync status --json`` has always printed them,
# then the station's devices and the centre's relay (issue 15).
STATUS_KEYS = ["state", "enrolled", "hub_url", "waiting", "sent", "quarantined", "deferred_updates", "last_attempt",
               "last_success", "last_error", "last_error_reason", "failures", "notices", "attachments_waiting",
               "devices", "devices_read", "relay_url", "relay_last_success", "relay_last_error"]


def _closed_port() -> str:
    """A loopback address nothing listens on: every request is refused at once (link down)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return f"http://127.0.0.1:{s.getsockname()[1]}"


def _old_station_meta() -> dict[str, str]:
    """A station enrolled and synced by the earlier code: its values, in its formats."""
    certificate = {"format": "bianmin-cert-1", "body": {"station": "540127100000", "region": "拉萨市林周县"},
                   "signature": "c2lnbmF0dXJl"}
    return {
        "sync.hub_url": "https://hub.example.cn/bianmin",
        "sync.device_key": protocol.b64(protocol.private_bytes(protocol.new_device_key())),
        "sync.hub_signing_key": "aHViLXNpZ25pbmcta2V5LTMyLWJ5dGVzLWxvbmctLS0=",
        "sync.hub_box_key": "aHViLWJveC1rZXktMzItYnl0ZXMtbG9uZy0tLS0tLS0=",
        "sync.certificate": json.dumps(certificate, ensure_ascii=False),
        "sync.region": "拉萨市林周县",
        "sync.ca_bundle": "/etc/bianmin/hub-ca.pem",
        "sync.enrolled_at": "2026-03-02T09:14:07+08:00",
        "sync.pending_device_key": "",
        "sync.cursor": "g2wAAAABaAJkAAV1cGRhdGVhMGo=",
        "sync.clock_offset": "-3600.250",
        "sync.last_attempt": "2026-11-18T09:55:00+08:00",
        "sync.last_success": "2026-11-17T16:40:12+08:00",
        "sync.last_error": "sync.refused",
        "sync.last_error_reason": "bad_signature",
        "sync.failures": "3",
    }


def _sync_meta(station: Station) -> dict[str, str]:
    return {k: v for k, v in meta.all_meta(station.db).items() if k.startswith("sync.")}


def test_the_state_module_names_every_key_the_station_has_kept() -> None:
    assert set(sync_state.META_KEYS) == set(OLD_KEYS) | set(DEVICE_KEYS) | set(RELAY_KEYS)


def test_an_old_stations_meta_loads_typed_and_saves_back_identically(station: Station) -> None:
    old = _old_station_meta()
    with station.db.transaction():
        for key, value in old.items():
            meta.set_meta(station.db, key, value)  # the raw strings, as the earlier code wrote them
    before = meta.all_meta(station.db)

    kept = sync_state.load(station.db)
    assert kept.enrolled and kept.enrolment.hub_url == "https://hub.example.cn/bianmin"
    assert kept.enrolment.region == "拉萨市林周县" and kept.enrolment.ca_bundle == "/etc/bianmin/hub-ca.pem"
    assert kept.enrolment.certificate_document() == json.loads(old["sync.certificate"])
    assert kept.cursor == old["sync.cursor"] and kept.pending_device_key == ""
    assert kept.clock_offset == -dt.timedelta(seconds=3600.25)
    assert (kept.last.attempt, kept.last.success, kept.last.error, kept.last.error_reason, kept.last.failures) == (
        "2026-11-18T09:55:00+08:00", "2026-11-17T16:40:12+08:00", "sync.refused", "bad_signature", 3)
    # Enrolled before devices: no device number, so it signs with the bare station code (device 00 at the hub).
    assert kept.enrolment.device == "" and kept.enrolment.key_id("540127100000") == "540127100000"
    assert kept.peer_cursor == 0 and kept.devices == sync_state.Roster()
    stored = sync_state.to_meta(kept)
    assert {k: stored[k] for k in OLD_KEYS} == old
    assert {k: stored[k] for k in DEVICE_KEYS} == {"sync.device": "", "sync.peer_cursor": "0", "sync.devices": ""}

    with station.db.transaction():
        sync_state.save(station.db, kept)
    assert meta.all_meta(station.db) == before  # nothing rewritten, nothing added

    # The same state saved into a station that never synced writes the very same strings.
    with station.db.transaction():
        for key in old:
            meta.set_meta(station.db, key, "")
        sync_state.save(station.db, kept)
    assert _sync_meta(station) == old
    assert engine.clock_offset(station) == -dt.timedelta(seconds=3600.25)


def test_a_station_that_never_enrolled_reads_empty_and_writes_nothing(station: Station) -> None:
    before = meta.all_meta(station.db)
    kept = sync_state.load(station.db)
    assert kept == sync_state.SyncState() and not kept.enrolled and kept.enrolment.certificate_document() is None
    with station.db.transaction():
        sync_state.save(station.db, kept)
    assert meta.all_meta(station.db) == before


def test_a_round_writes_the_values_in_the_formats_of_before(station: Station) -> None:
    """Kept in the earlier code's formats: an older program (or a downgrade) reads them as it did."""
    old = _old_station_meta()
    old.update({"sync.hub_url": _closed_port(), "sync.ca_bundle": "", "sync.last_error": "",
                "sync.last_error_reason": "", "sync.failures": "0"})
    with station.db.transaction():
        for key, value in old.items():
            meta.set_meta(station.db, key, value)
    for failures in ("1", "2"):
        report = engine.run_once(station)
        assert report.error == "sync.link_down"
        got = _sync_meta(station)
        assert got["sync.failures"] == failures and got["sync.last_error"] == "sync.link_down"
        assert got["sync.last_attempt"] == station.clock.stamp()
        assert got["sync.last_success"] == old["sync.last_success"]
        assert got["sync.clock_offset"] == "-3600.250" and got["sync.cursor"] == old["sync.cursor"]
        assert {k: got[k] for k in old if k.startswith(("sync.hub", "sync.device", "sync.cert", "sync.region"))} == \
            {k: old[k] for k in old if k.startswith(("sync.hub", "sync.device", "sync.cert", "sync.region"))}



def test_the_status_is_typed_and_still_read_by_name(station: Station) -> None:
    with station.db.transaction():
        for key, value in {**_old_station_meta(), "sync.hub_url": _closed_port(), "sync.ca_bundle": ""}.items():
            meta.set_meta(station.db, key, value)
    engine.run_once(station)
    engine.run_once(station)
    status = engine.status(station)
    assert isinstance(status, SyncStatus)
    assert status.state is LinkState.offline and status.failures == 5 and status.last_error == "sync.link_down"
    assert status["failures"] == 5 and status.get("state") == LinkState.offline  # read by name as before
    assert list(status.as_dict()) == STATUS_KEYS == list(status)
    # Never listed by a hub: this device alone, device 00 of a station made before devices.
    assert [(d.device, d.this, d.last_seen_at) for d in status.devices] == [("00", True, "")]


def test_the_device_roster_and_device_number_round_trip(station: Station) -> None:
    roster = sync_state.Roster(devices=(
        sync_state.KnownDevice("00", "1号窗口", "window", "2026-11-01T02:00:00Z", "", "2026-11-18T01:59:00Z"),
        sync_state.KnownDevice("02", "二号窗口\u202e", "window", "2026-11-02T02:00:00Z", "2026-11-10T02:00:00Z", ""),
        sync_state.KnownDevice("80", "工作队", "laptop", "2026-11-03T02:00:00Z"),
    ), checked_at="2026-11-18T10:00:00+08:00")
    with station.db.transaction():
        kept = sync_state.load(station.db)
        sync_state.save(station.db, replace(kept, peer_cursor=41, devices=roster, enrolment=replace(
            kept.enrolment, device_key="a2V5", device="00")))
    again = sync_state.load(station.db)
    assert again.devices == roster and again.peer_cursor == 41
    assert again.enrolment.key_id(station.station_code) == f"{station.station_code}.00"
    status = engine.status(station)
    assert [(d.device, d.this, d.revoked) for d in status.devices] == [("00", True, False), ("02", False, True),
                                                                         ("80", False, False)]
    assert status.devices[0].last_seen_at == "2026-11-18T01:59:00Z" and status.devices_read == roster.checked_at
    assert status.as_dict()["devices"][2] == {"device": "80", "name": "工作队", "role": "laptop", "this": False,
                                              "last_seen_at": "", "revoked_at": ""}
    # A damaged value reads as no list (read again at the next round), never as an error.
    with station.db.transaction():
        meta.set_meta(station.db, "sync.devices", "{not json")
        meta.set_meta(station.db, "sync.peer_cursor", "-3")
    damaged = sync_state.load(station.db)
    assert damaged.devices == sync_state.Roster() and damaged.peer_cursor == 0


def test_no_sync_meta_key_is_named_outside_the_state_module() -> None:
    """The keys' strings appear in sync/state.py only (tests may name them to write old stations)."""
    keys = re.compile("|".join(re.escape(f'"{k}"') + "|" + re.escape(f"'{k}'") for k in OLD_KEYS))
    calls = re.compile(r"""(get_meta|set_meta)\([^)]*["']sync\.""")
    found = []
    for package in ("app", "sync", "ui", "printing", "hub", "bench"):
        for path in sorted((ROOT / package).rglob("*.py")):
            if path == ROOT / "sync" / "state.py":
                continue
            text = path.read_text("utf-8")
            found += [f"{path.relative_to(ROOT)}: {m.group(0)}" for m in (*keys.finditer(text), *calls.finditer(text))]
    assert found == []


def test_sync_status_json_prints_the_same_keys_and_values(station: Station) -> None:
    old = _old_station_meta()
    with station.db.transaction():
        for key, value in old.items():
            meta.set_meta(station.db, key, value)
    home = station.paths.home
    station.close()
    env = {k: v for k, v in os.environ.items() if not k.startswith("BIANMIN_")}
    env.update(BIANMIN_HOME=str(home), BIANMIN_PASSWORD=ADMIN_PASSWORD, BIANMIN_USER="admin")
    proc = subprocess.run([sys.executable, "-m", "bianmin", "sync", "status", "--json"], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=300, stdin=subprocess.DEVNULL)
    assert proc.returncode == 0, proc.stderr
    printed = json.loads(proc.stdout)
    assert list(printed) == STATUS_KEYS
    assert printed == {  # waiting: the sample catalogue's import, one journal event
        "state": "refused", "enrolled": True, "hub_url": "https://hub.example.cn/bianmin", "waiting": 1, "sent": 0,
        "quarantined": [], "deferred_updates": 0, "last_attempt": "2026-11-18T09:55:00+08:00",
        "last_success": "2026-11-17T16:40:12+08:00", "last_error": "sync.refused",
        "last_error_reason": "bad_signature", "failures": 3, "notices": 0, "attachments_waiting": 0,
        "devices": [{"device": "00", "name": "", "role": "window", "this": True, "last_seen_at": "",
                     "revoked_at": ""}],
        "devices_read": "", "relay_url": "", "relay_last_success": "", "relay_last_error": "",
    }
