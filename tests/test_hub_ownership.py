"""No station can touch another's work at the hub, and what the hub keeps stays one story per station.

A real ``bianmin-hub serve`` process, real HTTP, real signatures (the helpers of ``test_hub``):

* a case number belongs to the station whose code it starts with: another station's pushes under
  it are refused per event (``foreign_case_no``), and the owner's own intake still goes through;
* a station's events form one hash chain at the hub: a second event at a position the hub holds
  (``seq_taken``) or one that does not link to its neighbours (``broken_chain``) is refused;
* one intake per case number: a second ``case.received`` under a number the hub holds is refused
  (``duplicate_case_no``) and the first stays as it was;
* text with control characters (NUL, ESC, C1, bidi overrides, lone surrogates) is refused per
  event (``bad_text``) and the rest of the batch is stored; the platform's own publishing
  commands refuse such text too;
* the database password never appears in anything the hub prints.
"""

from __future__ import annotations

import dataclasses
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from app.journal import EventType, event_hash
from hub import db as hub_db
from hub.local import ROOT, _env, free_port
from sync import protocol
from tests.hubproc import Hub, module_hub, start_hub
from tests.test_hub import Device, case_no, chain, enrol, hub_cases, pull, push, received, send, signed

SAMPLE_CATALOGUE = ROOT / "resources" / "catalogue" / "sample_catalogue.json"


hub = module_hub("hub")


def outcome(results: list[dict[str, Any]]) -> list[tuple[str, str | None]]:
    return [(r["status"], r["reason"]) for r in results]


def push_escaped(hub: Hub, dev: Device, wire: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """A push whose JSON escapes every non-ASCII character (so that it can carry a lone surrogate)."""
    body = json.dumps({"version": protocol.VERSION, "station": dev.station, "events": wire}).encode("ascii")
    r = send(signed(hub, "POST", protocol.EVENTS, dev, body, {"Content-Type": "application/json"}))
    assert r.status_code == 200, r.text
    return list(r.json()["results"])


def held_events(hub: Hub, station: str) -> list[tuple[int, str]]:
    """(seq, event id) of every event the hub holds for ``station``, read from its database."""
    from sqlalchemy import select
    from sqlalchemy.orm import Session

    engine = hub_db.make_engine(hub.db_url)
    try:
        with Session(engine) as session:
            return [(s, e) for s, e in session.execute(
                select(hub_db.StoredEvent.seq, hub_db.StoredEvent.event_id)
                .where(hub_db.StoredEvent.station == station).order_by(hub_db.StoredEvent.seq))]
    finally:
        engine.dispose()


# -- case numbers belong to their station ------------------------------------------------------
def test_a_station_cannot_push_under_another_stations_case_numbers(hub: Hub) -> None:
    a, b = enrol(hub, "540127100101"), enrol(hub, "540127100102")
    own, theirs, later = case_no(a.station, 1), case_no(b.station, 1), case_no(a.station, 2)
    events = chain(a, [(own, EventType.received, received(own, "扎西")),
                       (theirs, EventType.received, received(theirs, "冒名")),
                       (theirs, EventType.concluded, {"outcome": "denied"}),
                       (later, EventType.received, received(later, "次仁"))])
    # Refused one by one; A's own events around them are stored.
    assert outcome(push(hub, a, events)) == [
        ("stored", None), ("rejected", "foreign_case_no"), ("rejected", "foreign_case_no"), ("stored", None)]
    assert [c["case_no"] for c in hub_cases(hub, a.station)] == [own, later]
    # B's own intake under its own number goes through, and the case is B's alone.
    (b_intake,) = chain(b, [(theirs, EventType.received, received(theirs, "卓玛"))])
    assert outcome(push(hub, b, [b_intake])) == [("stored", None)]
    (case,) = hub_cases(hub, b.station)
    assert (case["case_no"], case["station"], case["applicant_name"], case["status"]) == (
        theirs, b.station, "卓玛", "received")
    # The platform's status for B's case goes to B, not to A.
    proc = hub.run_cli("set-status", theirs, "in_progress")
    assert proc.returncode == 0, proc.stderr
    assert [u["case_no"] for u in pull(hub, b)["updates"] if u["kind"] == protocol.CASE_STATUS] == [theirs]
    assert not [u for u in pull(hub, a)["updates"] if u["kind"] == protocol.CASE_STATUS]


def test_a_case_number_that_names_no_station_is_refused(hub: Hub) -> None:
    dev = enrol(hub, "540127100103")
    events = chain(dev, [("54012710010", EventType.received, received("x")),  # too short to name a station
                         ("ABCDEFGHIJKL20261118000001", EventType.received, received("x")),
                         (case_no(dev.station, 1), EventType.received, received("x"))])
    assert outcome(push(hub, dev, events)) == [
        ("rejected", "foreign_case_no"), ("rejected", "foreign_case_no"), ("stored", None)]


# -- one chain per station ---------------------------------------------------------------------
def test_a_second_event_at_a_held_position_is_refused(hub: Hub) -> None:
    """A station restored from an older backup makes new events at positions the hub already holds."""
    dev = enrol(hub, "540127100104")
    c1, c2, c3 = (case_no(dev.station, n) for n in (1, 2, 3))
    first = chain(dev, [(c1, EventType.received, received(c1)), (c1, EventType.accepted, {}),
                        (c2, EventType.received, received(c2))])
    assert outcome(push(hub, dev, first)) == [("stored", None)] * 3
    # The restored journal ends at seq 1 and goes on from there with other events.
    restored = Device(station=dev.station, key=dev.key, prev=first[0].hash, seq=1)
    forked = chain(restored, [(c1, EventType.in_progress, {}), (c3, EventType.received, received(c3)),
                              (c3, EventType.accepted, {})])
    results = push(hub, dev, forked)
    assert outcome(results) == [("rejected", "seq_taken"), ("rejected", "seq_taken"), ("rejected", "broken_chain")]
    # The hub still holds exactly one event per position: the first ones.
    assert held_events(hub, dev.station) == [(e.seq, e.event_id) for e in first]
    assert [c["case_no"] for c in hub_cases(hub, dev.station)] == [c1, c2]
    assert hub_cases(hub, dev.station)[0]["status"] == "accepted"
    # The genuine journal goes on as before.
    (nxt,) = chain(dev, [(c2, EventType.accepted, {})])
    assert outcome(push(hub, dev, [nxt])) == [("stored", None)]


def test_an_event_must_link_to_the_events_the_hub_holds_around_it(hub: Hub) -> None:
    dev = enrol(hub, "540127100105")
    c = case_no(dev.station, 1)
    e1, e2, e3, e4 = chain(dev, [(c, EventType.received, received(c)), (c, EventType.accepted, {}),
                                 (c, EventType.in_progress, {}), (c, EventType.concluded, {"outcome": "approved"})])
    # Out of order and with a gap is fine: the hub checks the links it can see.
    assert outcome(push(hub, dev, [e1, e3])) == [("stored", None), ("stored", None)]
    # A well-hashed event at seq 2 that is not the one e3 follows: refused (e3 names another predecessor).
    stranger = dataclasses.replace(e2, event_id="not-" + e2.event_id, payload={"note": "another past"})
    stranger = dataclasses.replace(stranger, hash=event_hash(stranger.prev_hash, stranger.body()))
    # A well-hashed event at seq 4 that does not follow e3.
    detached = dataclasses.replace(e4, event_id="not-" + e4.event_id, prev_hash="ab" * 32)
    detached = dataclasses.replace(detached, hash=event_hash(detached.prev_hash, detached.body()))
    # The first event of a journal follows nothing.
    again = dataclasses.replace(e1, event_id="not-" + e1.event_id, seq=5, prev_hash=e4.hash)
    again = dataclasses.replace(again, hash=event_hash(again.prev_hash, again.body()))
    assert outcome(push(hub, dev, [stranger, detached])) == [
        ("rejected", "broken_chain"), ("rejected", "broken_chain")]
    assert outcome(push(hub, dev, [e2, e4, again])) == [("stored", None), ("stored", None),
                                                        ("rejected", "duplicate_case_no")]
    assert held_events(hub, dev.station) == [(e.seq, e.event_id) for e in (e1, e2, e3, e4)]
    genesis = dataclasses.replace(e1, event_id="genesis-again", seq=1)
    genesis = dataclasses.replace(genesis, hash=event_hash(genesis.prev_hash, genesis.body()))
    assert outcome(push(hub, dev, [genesis])) == [("rejected", "seq_taken")]


# -- one intake per case number ----------------------------------------------------------------
def test_a_second_intake_under_one_case_number_is_refused(hub: Hub) -> None:
    """A clock set back plus a restore hands the same number out twice: the hub keeps the first intake."""
    dev = enrol(hub, "540127100106")
    c, d = case_no(dev.station, 1), case_no(dev.station, 2)
    first = chain(dev, [(c, EventType.received, received(c, "扎西顿珠", ("居住证明出具",))),
                        (c, EventType.accepted, {})])
    assert outcome(push(hub, dev, first)) == [("stored", None)] * 2
    second = chain(dev, [(c, EventType.received, received(c, "次仁卓玛", ("最低生活保障申请",))),
                         (d, EventType.received, received(d, "格桑")),
                         (d, EventType.received, received(d, "白玛"))])  # twice in one batch, too
    assert outcome(push(hub, dev, second)) == [
        ("rejected", "duplicate_case_no"), ("stored", None), ("rejected", "duplicate_case_no")]
    first_case, other = hub_cases(hub, dev.station)
    assert (first_case["applicant_name"], first_case["items"], first_case["status"]) == (
        "扎西顿珠", ["居住证明出具"], "accepted")
    assert other["applicant_name"] == "格桑"
    # The same intake again is still a harmless duplicate.
    assert outcome(push(hub, dev, first)) == [("duplicate", None)] * 2


# -- control characters ------------------------------------------------------------------------
BAD_TEXT = ["before\x00after", "\x1b[31mred", "\u202eevil", "c1\x85", "iso\u2066late\u2069", "del\x7f"]


def test_text_with_control_characters_is_refused_alone(hub: Hub) -> None:
    dev = enrol(hub, "540127100107")
    specs: list[tuple[str | None, str, dict[str, Any]]] = []
    for n, bad in enumerate(BAD_TEXT, start=1):
        c = case_no(dev.station, n)
        payload = received(c, "扎西")
        payload["applicant"]["address"] = {"lines": ["拉萨市", bad]}  # deep inside the payload
        specs.append((c, EventType.received, payload))
    good = case_no(dev.station, 50)
    specs.append((good, EventType.received, {**received(good, "卓玛"), "note": "第一行\n第二行\t（附注）\r\n"}))
    specs.append((None, "station.note", {"bad\x00key": "a key is text too"}))
    events = chain(dev, specs)
    wire = [protocol.event_to_wire(e) for e in events]
    bad_operator = chain(dev, [(case_no(dev.station, 60), EventType.received, received("y"))])[0]
    bad_operator = dataclasses.replace(bad_operator, operator="clerk\x1b")
    bad_operator = dataclasses.replace(bad_operator, hash=event_hash(bad_operator.prev_hash, bad_operator.body()))
    # A lone surrogate cannot even be hashed: the hub refuses it for its text, before the hash.
    surrogate = {**protocol.event_to_wire(bad_operator), "event_id": "lone-surrogate", "payload": {"x": "\ud800"}}
    tail = chain(dev, [(good, EventType.accepted, {})])[0]
    results = push_escaped(hub, dev, [*wire, protocol.event_to_wire(bad_operator), surrogate,
                                      protocol.event_to_wire(tail)])
    assert outcome(results) == [("rejected", "bad_text")] * len(BAD_TEXT) + [
        ("stored", None), ("rejected", "bad_text"), ("rejected", "bad_text"), ("rejected", "bad_text"),
        ("stored", None)]
    (case,) = hub_cases(hub, dev.station)
    assert (case["case_no"], case["applicant_name"], case["status"]) == (good, "卓玛", "accepted")
    # And the station's next push is answered as usual (nothing was kept that breaks the database).
    (more,) = chain(dev, [(good, EventType.in_progress, {})])
    assert outcome(push(hub, dev, [more])) == [("stored", None)]


def test_the_platform_publishes_no_control_characters(hub: Hub, tmp_path: Path) -> None:
    dev = enrol(hub, "540127100108")
    c = case_no(dev.station, 1)
    push(hub, dev, chain(dev, [(c, EventType.received, received(c))]))
    before = pull(hub, dev)["updates"]
    doc = json.loads(SAMPLE_CATALOGUE.read_text("utf-8"))
    doc["items"][0]["name"]["zh"] = "居住证明\x00出具"
    bad_catalogue = tmp_path / "catalogue.json"
    bad_catalogue.write_text(json.dumps(doc, ensure_ascii=False), "utf-8")
    bad_calendar = tmp_path / "calendar.json"
    bad_calendar.write_text(json.dumps({"region": "540000", "days": [{"date": "2026-12-01", "kind": "holiday",
                                                                       "name": "\u202e日假"}]}), "utf-8")
    for args in (["publish-catalogue", str(bad_catalogue)], ["publish-calendar", str(bad_calendar)],
                 ["set-status", c, "in_progress", "--note", "请\x1b[2J来取件"],
                 ["set-status", c, "in_progress", "--platform-no", "XZ\x07-1"]):
        proc = hub.run_cli(*args)
        assert proc.returncode == 1, (args, proc.stdout, proc.stderr)
        assert "控制字符" in proc.stderr, proc.stderr
    assert pull(hub, dev)["updates"] == before
    assert hub_cases(hub, dev.station)[0]["status"] == "received"


def test_a_deeply_nested_file_is_refused_clearly_by_the_platform(hub: Hub, tmp_path: Path) -> None:
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 100_000 + "]" * 100_000, "utf-8")
    proc = hub.run_cli("publish-catalogue", str(deep))
    assert proc.returncode == 1 and "不是有效的 JSON" in proc.stderr and "Traceback" not in proc.stderr, proc.stderr


# -- no secret in any line the hub prints ------------------------------------------------------
SECRET = "S3cret-Pw_42"


def _hub_cli(*args: str, cwd: Path, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "hub.cli", *args], cwd=cwd, env=_env(), capture_output=True,
                          text=True, timeout=timeout)


@pytest.mark.parametrize("url", [
    "sqlite://hub:{secret}@/{dir}/hub.db",  # SQLite takes no credentials: refused, and said so
    "postgresql://hub:{secret}@127.0.0.1:{port}/hub",  # no driver, or nobody listening there
    "postgresql://hub:{secret}@127.0.0.1:not-a-port/hub",  # not even a URL
])
def test_the_database_password_is_never_printed(tmp_path: Path, url: str) -> None:
    url = url.format(secret=SECRET, dir=tmp_path, port=free_port())
    for args in (["--db", url, "cases"], ["--db", url, "serve", "--port", str(free_port())]):
        proc = _hub_cli(*args, cwd=tmp_path)
        output = proc.stdout + proc.stderr
        assert proc.returncode == 1, output
        assert SECRET not in output, output
        assert "数据库" in proc.stderr and "Traceback" not in output, output
    # The environment variable is read the same way.
    proc = subprocess.run([sys.executable, "-m", "hub.cli", "cases"], cwd=tmp_path, capture_output=True, text=True,
                          env={**_env(), "BIANMIN_HUB_DB": url}, timeout=60)
    assert proc.returncode == 1 and SECRET not in proc.stdout + proc.stderr


def test_the_started_hub_names_its_database_without_the_password(tmp_path: Path) -> None:
    """The start line and every log line go through the same redaction (the URL's password is ***)."""
    from hub.db import redact_url

    assert redact_url(f"postgresql+psycopg://hub:{SECRET}@db.example:5432/hub") == \
        "postgresql+psycopg://hub:***@db.example:5432/hub"
    assert SECRET not in redact_url(f"postgresql://hub:{SECRET}@db:notaport/hub")
    assert redact_url("sqlite:////srv/hub.db") == "sqlite:////srv/hub.db"
    h = start_hub(tmp_path / "hub")
    try:
        assert f"（数据库 {h.db_url}）" in h.log()
    finally:
        h.stop()


# -- what the station makes of it ----------------------------------------------------------------
def test_a_restored_station_sees_its_new_events_refused_not_merged(station: Any, hub: Hub, tmp_path: Path) -> None:
    """A station restored from an older backup journals new events at positions the hub holds: they
    are quarantined with their reason for a person to see, the hub keeps what it had, nothing merges."""
    from app import backup
    from app.services import cases
    from app.station import Station
    from sync import engine
    from tests.conftest import ADMIN_PASSWORD, FAST_KDF
    from tests.helpers import request

    engine.enrol(station, hub.url, hub.quick_code(station.station_code))
    kept = cases.submit(station, request(station)).case_no
    saved = backup.write(station, tmp_path / "before.bmbak")
    later = [cases.submit(station, request(station)).case_no for _ in range(2)]
    assert engine.run_once(station).ok
    held = held_events(hub, station.station_code)
    paths, clock = station.paths, station.clock
    station.close()
    backup.restore(paths, saved, ADMIN_PASSWORD, login="admin")
    restored = Station.open(paths, "admin", ADMIN_PASSWORD, kdf=FAST_KDF, clock=clock)
    try:
        new = cases.submit(restored, request(restored)).case_no
        assert new not in later
        report = engine.run_once(restored)
        assert report.ok and report.rejected > 0
        state = engine.status(restored)
        reasons = {q["reason"] for q in state["quarantined"]}
        assert reasons <= {"seq_taken", "broken_chain"} and "seq_taken" in reasons
        assert new in {q["case_no"] for q in state["quarantined"]}
        assert held_events(hub, station.station_code) == held  # one event per position, the first ones
        assert [c["case_no"] for c in hub_cases(hub, station.station_code)] == sorted([kept, *later])
    finally:
        restored.close()


def test_every_refusal_has_a_sentence_for_the_clerk() -> None:
    from ui.labels import has_label

    assert [r.value for r in protocol.Rejection if not has_label(r)] == []


def test_a_database_of_an_older_hub_gets_the_new_indexes(tmp_path: Path) -> None:
    """An older hub kept positions unchecked: where it holds two events at one position the unique
    index cannot be made; the hub says so and works on (its pushes check positions themselves)."""
    import datetime as dt

    from sqlalchemy import text
    from sqlalchemy.orm import Session

    url = f"sqlite:///{tmp_path / 'hub.db'}"
    engine = hub_db.make_engine(url)
    hub_db.create_all(engine)
    with engine.begin() as conn:  # the older hub's index, and a position held twice
        conn.execute(text("DROP INDEX ux_events_station_chain_seq"))
        conn.execute(text("DROP INDEX ix_events_case_no"))
        conn.execute(text("DROP INDEX ix_events_station_type_at"))
        conn.execute(text("CREATE INDEX ix_events_station_seq ON events (station, seq)"))
    with Session(engine) as session:
        for n in (1, 2):
            session.add(hub_db.StoredEvent(station="540127100000", event_id=f"e{n}", seq=1, feed=n, case_no=None,
                                           type="station.note", at="", operator="", device="", payload="{}",
                                           prev_hash="0" * 64, hash=f"{n}" * 64, received_at=dt.datetime.now(dt.UTC)))
        session.commit()
    engine.dispose()

    def indexes() -> set[str]:
        from sqlalchemy import inspect

        eng = hub_db.make_engine(url)
        try:
            return {ix["name"] for ix in inspect(eng).get_indexes("events")}
        finally:
            eng.dispose()

    proc = _hub_cli("--db", url, "cases", cwd=tmp_path)
    assert proc.returncode == 0 and "ux_events_station_chain_seq" in proc.stderr and "two events" in proc.stderr
    assert indexes() == {"ix_events_station_seq", "ix_events_case_no", "ux_events_station_feed",
                         "ix_events_station_type_at"}
    with hub_db.make_engine(url).begin() as conn:
        conn.execute(text("DELETE FROM events WHERE event_id = 'e2'"))
    proc = _hub_cli("--db", url, "cases", cwd=tmp_path)
    assert proc.returncode == 0 and proc.stderr == ""
    assert indexes() == {"ix_events_station_seq", "ix_events_case_no", "ux_events_station_feed",
                         "ix_events_station_type_at", "ux_events_station_chain_seq"}
