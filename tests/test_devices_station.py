"""A station's devices on the station's side: the device's number and name (init, status, the 窗口 of
printed documents), case numbers made offline on several devices, the migration of stores made
before devices, and ``bianmin verify`` over this device's chain and the other devices' chains."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from app import backup as backups
from app import casenumber
from app import labels as app_labels
from app.clock import CHINA_TZ, FixedClock
from app.config import Paths
from app.errors import CaseNumbersExhausted, ValidationError
from app.journal import ChainBreak, Event, check_chain, event_hash
from app.keys import KeyFile
from app.logs import DIGITS_MARK, redact
from app.messages import describe
from app.models import HandlingMode
from app.services import cases, catalogue
from app.services.verify import verify
from app.station import Station
from app.store import journal as journal_store
from app.store import migrations
from app.store import peers as peer_store
from app.store.db import Database
from printing import print_document
from tests.conftest import ADMIN_PASSWORD, FAST_KDF, STATION_CODE
from tests.helpers import applicant, request

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).parent / "fixtures"
OLD_PASSWORD = "old-station-2026"
EVENT_COLUMNS = "seq, event_id, station, case_no, type, at, operator, device, payload, prev_hash, hash"


def make_device(home: Path, device_no: str, clock: FixedClock, name: str = "") -> Station:
    station, _recovery = Station.init(
        Paths(home), station_code=STATION_CODE, station_name="工卡镇便民服务中心", admin_login="admin",
        admin_password=ADMIN_PASSWORD, kdf=FAST_KDF, clock=clock, device_no=device_no, device_name=name)
    catalogue.import_sample(station)
    return station


def take(station: Station, n: int, seq: int = 17, **kw: Any) -> list[str]:
    """``n`` cases taken in, each for a different applicant; their numbers."""
    return [cases.submit(station, request(station, applicant=applicant(seq=seq + i), **kw)).case_no
            for i in range(n)]


def pdf_text(pdf: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout


# -- the device's number and name ------------------------------------------------------------------
@pytest.mark.parametrize("bad", ["2", "100", "0a", "", " 1", "٠٢"])
def test_a_device_number_is_two_digits(tmp_path: Path, clock: FixedClock, bad: str) -> None:
    with pytest.raises(ValidationError) as refused:
        Station.init(Paths(tmp_path / "s"), station_code=STATION_CODE, station_name="工卡镇", admin_login="admin",
                     admin_password=ADMIN_PASSWORD, kdf=FAST_KDF, clock=clock, device_no=bad)
    assert refused.value.details["problems"] == [{"field": "device_no", "problem": "bad_device_no"}]
    assert "两位数字" in describe(refused.value)
    assert not (tmp_path / "s" / "keys.json").exists()  # refused before anything was made


TS = """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS><TS version="2.1" language="bo_CN"><context><name>Labels</name>
<message><source>{n}号窗口</source><translation>སྒེའུ་ཁུང་ཨང་{n}</translation></message>
</context></TS>
"""


def test_the_window_of_a_case_is_its_device_and_is_printed(tmp_path: Path, clock: FixedClock,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    # the Tibetan of the unnamed device's window, as the translations file will hold it
    (tmp_path / "bo.ts").write_text(TS, "utf-8")
    monkeypatch.setattr(app_labels, "translations_file", lambda: tmp_path / "bo.ts")
    station = make_device(tmp_path / "s", "02", clock)
    try:
        assert (station.device_no, station.device_name, station.window_name) == ("02", "", "02号窗口")
        first = cases.submit(station, request(station))
        assert casenumber.device_of(first.case_no) == "02" and first.window == "02号窗口"
        assert station.db.scalar("SELECT origin FROM cases WHERE case_no = ?", (first.case_no,)) == "02"
        received = journal_store.case_events(station.db, first.case_no)[0]
        assert received.device == "02" and received.payload["window"] == "02号窗口"
        for lang in ("zh", "bo"):  # a device nobody named still prints its window
            pdf = tmp_path / f"receipt-{lang}.pdf"
            print_document(station, "receipt", first.case_no, paper="a4", lang=lang, out=pdf)
            text = pdf_text(pdf)
            assert "02号窗口" in text and ("སྒེའུ་ཁུང་ཨང་02" in text) == (lang == "bo")
        # named later by an administrator: the next case (not the first) carries the name
        station.set_device_name("  综合受理窗口 ")
        assert station.device_name == station.window_name == "综合受理窗口"
        named = cases.submit(station, request(station, applicant=applicant(seq=18)))
        assert named.window == "综合受理窗口"
        assert cases.get_case(station, first.case_no).window == "02号窗口"
        pdf = tmp_path / "named.pdf"
        print_document(station, "receipt", named.case_no, paper="80mm", lang="zh", out=pdf)
        assert "综合受理窗口" in pdf_text(pdf)
        told = cases.submit(station, request(station, applicant=applicant(seq=19), window="3号窗口"))
        assert told.window == "3号窗口"  # a window the clerk gives stands
        with pytest.raises(ValidationError):
            station.set_device_name("窗" * 21)
        assert verify(station).ok
    finally:
        station.close()


# -- case numbers ------------------------------------------------------------------------------------
def test_three_devices_number_the_same_day_offline_without_a_duplicate(tmp_path: Path, clock: FixedClock) -> None:
    devices = [make_device(tmp_path / f"d{no}", no, clock) for no in ("00", "01", "02")]
    try:
        numbers: dict[str, list[str]] = {d.device_no: [] for d in devices}
        for round_no in range(25):  # interleaved, as three windows work through one morning
            for i, device in enumerate(devices):
                clock.current += timedelta(seconds=7)
                numbers[device.device_no] += take(device, 1, seq=100 + round_no * 3 + i)
        every = [n for ns in numbers.values() for n in ns]
        assert len(every) == 75 and len(set(every)) == 75
        # the logs keep case numbers (and only those of the digit runs) as they are
        assert all(redact(f"case {n} saved") == f"case {n} saved" for n in every)
        assert redact("5401271000002026111899999 54012710000020261118") == f"5401271000002026111899999 {DIGITS_MARK}"
        day = clock.today().strftime("%Y%m%d")
        for device_no, issued in numbers.items():
            parts = [casenumber.parse(n) for n in issued]
            assert all(p is not None and (p.station, p.day, p.device) == (STATION_CODE, day, device_no)
                       for p in parts)
            assert [p.seq for p in parts if p is not None] == list(range(1, 26))
        # each is found on its device by the whole number and by its last digits
        for device in devices:
            for number in numbers[device.device_no][::6]:
                assert [c.case_no for c in cases.search_cases(device, number)] == [number]
                assert number in {c.case_no for c in cases.search_cases(device, number[-5:])}
    finally:
        for d in devices:
            d.close()


def test_999_numbers_a_device_a_day_then_a_clear_refusal(tmp_path: Path, clock: FixedClock) -> None:
    station = make_device(tmp_path / "s", "01", clock)
    try:
        day = clock.today().strftime("%Y%m%d")
        with station.db.transaction():  # as if 998 cases had been taken in today
            station.db.execute("INSERT INTO case_counters (day, last_seq, reserved) VALUES (?, 998, 998)", (day,))
        last = take(station, 1)[0]
        assert last == f"{STATION_CODE}{day}01999"
        cases_before = station.db.scalar("SELECT count(*) FROM cases")
        events_before = journal_store.count(station.db)
        with pytest.raises(CaseNumbersExhausted) as refused:
            take(station, 1, seq=30)
        assert refused.value.details == {"day": day, "device": "01"}
        text = describe(refused.value)
        assert "999" in text and "01号设备" in text and "另一个窗口" in text
        # nothing of the refused case was kept, and the day's counter did not move past 999
        assert station.db.scalar("SELECT count(*) FROM cases") == cases_before
        assert journal_store.count(station.db) == events_before
        assert station.db.one("SELECT last_seq FROM case_counters WHERE day = ?", (day,))[0] == 999
        # the next day numbering starts again at 001
        clock.current += timedelta(days=1)
        assert take(station, 1, seq=31)[0] == f"{STATION_CODE}{clock.today():%Y%m%d}01001"
        assert verify(station).ok
    finally:
        station.close()


# -- migration -------------------------------------------------------------------------------------
def _read_before_opening(paths: Paths, password: str) -> tuple[int, list[tuple[Any, ...]], list[tuple[str, str]]]:
    """(schema, every event row, (case number, day) of every case) of a store, read without migrating it."""
    keyfile = KeyFile.load(paths.keyfile)
    keys = keyfile.unlock(keyfile.operator_slot_id("admin"), password).data_keys
    db = Database(paths.database, keys[max(keys)], check="none")
    try:
        events = [tuple(r) for r in db.all(f"SELECT {EVENT_COLUMNS} FROM events ORDER BY seq")]
        numbers = [(r[0], r[1]) for r in db.all("SELECT case_no, created_day FROM cases ORDER BY case_no")]
        return migrations.current_version(db), events, numbers
    finally:
        db.close()


@pytest.mark.parametrize(("fixture", "schema"), [("station-0.1-schema3", 3), ("station-0.1-schema1", 1)])
def test_a_station_made_before_devices_migrates_to_device_00(tmp_path: Path, fixture: str, schema: int) -> None:
    home = tmp_path / "station"
    shutil.copytree(FIXTURES / fixture, home, ignore=shutil.ignore_patterns("README.md", "*.txt"))
    paths = Paths(home)
    found_schema, old_events, old_cases = _read_before_opening(paths, OLD_PASSWORD)
    assert found_schema == schema and old_events and len(old_cases) >= 11
    last_day = max(day for _, day in old_cases)
    clock = FixedClock(datetime.strptime(last_day, "%Y%m%d").replace(hour=16, tzinfo=CHINA_TZ))
    station = Station.open(paths, "admin", OLD_PASSWORD, kdf=FAST_KDF, clock=clock, check="quick")
    try:
        assert migrations.current_version(station.db) == migrations.LATEST
        made = [b for b in backups.list_backups(paths) if "pre-migration" in b.name]
        assert len(made) == 1 and backups.read_manifest(made[0])["schema"] == schema  # taken before migrating
        assert station.device_no == "00" and station.window_name == "00号窗口"
        # the history is device 00's, every event and hash as it was, and the chain still verifies
        now = [tuple(r) for r in station.db.all(f"SELECT {EVENT_COLUMNS} FROM events ORDER BY seq")]
        assert now[:len(old_events)] == old_events
        assert check_chain(journal_store.iter_events(station.db)) is None
        assert station.db.all("SELECT DISTINCT origin FROM cases") == [("00",)]
        # every old case is found by its number and by its last digits
        for number, _day in old_cases:
            assert cases.get_case(station, number, log_access=False).case_no == number
            assert [c.case_no for c in cases.search_cases(station, number)] == [number]
            assert number in {c.case_no for c in cases.search_cases(station, number[-6:])}
            assert casenumber.device_of(number) == "00"
        # a new case continues the last day's counter in the new format, as device 00
        last_seq = max(int(n[-5:]) for n, day in old_cases if day == last_day)
        new = cases.submit(station, request(station, applicant=applicant(seq=77)))
        assert new.case_no == casenumber.make(STATION_CODE, last_day, "00", last_seq + 1)
        assert new.case_no not in {n for n, _ in old_cases} and new.window == "00号窗口"
        assert journal_store.case_events(station.db, new.case_no)[0].device == "00"
        report = verify(station)
        assert report.ok, report.as_dict()
        assert [(c.chain, c.own, c.chain_break) for c in report.chains] == [("00", True, None)]
    finally:
        station.close()


# -- verify: this device's chain and the others' ---------------------------------------------------------
def _copy_as_peer(source: Station, target: Station, skip: set[int]) -> int:
    """Another device's events as the sync leaves them here (``peer_events``), but for the positions
    in ``skip`` (not arrived yet)."""
    events = [e for e in journal_store.iter_events(source.db) if e.seq not in skip]
    with target.db.transaction():
        for e in events:
            assert peer_store.insert(target.db, source.device_no, e, "2026-11-18T10:30:00.000+08:00", "hub")
    return len(events)


def _cli(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("BIANMIN_")}
    env.update(BIANMIN_HOME=str(home), BIANMIN_PASSWORD=ADMIN_PASSWORD, BIANMIN_USER="admin")
    return subprocess.run([sys.executable, "-m", "bianmin", *args], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=300, stdin=subprocess.DEVNULL)


def test_verify_checks_every_chain_held_here_and_names_the_broken_one(tmp_path: Path, clock: FixedClock) -> None:
    here = make_device(tmp_path / "here", "00", clock)
    window1 = make_device(tmp_path / "w1", "01", clock)
    laptop = make_device(tmp_path / "laptop", "05", clock)
    try:
        take(here, 2)
        take(window1, 3, seq=40, mode=HandlingMode.in_person)
        take(laptop, 2, seq=60)
        held = _copy_as_peer(window1, here, skip={4})  # one event of window 1 has not arrived yet
        _copy_as_peer(laptop, here, skip=set())
        report = verify(here)
        assert report.ok, report.as_dict()
        by_chain = {c.chain: c for c in report.chains}
        assert list(by_chain) == ["00", "01", "05"] and by_chain["00"].own and not by_chain["01"].own
        assert by_chain["01"].events == held and by_chain["01"].missing == 1
        assert by_chain["00"].events == report.events == journal_store.count(here.db) - 1  # this check's own event
        # window 1's second case: its applicant's name changed, as someone with the store's key could
        # (dropping the guard first)
        seq = here.db.all("SELECT seq FROM peer_events WHERE chain = '01' AND type = 'case.received' "
                          "ORDER BY seq")[1][0]
        with here.db.transaction():
            here.db.execute("DROP TRIGGER peer_events_no_update")
            here.db.execute("UPDATE peer_events SET payload = replace(payload, '扎西顿珠', '扎西顿') "
                            "WHERE chain = '01' AND seq = ?", (seq,))
        report = verify(here)
        assert not report.ok and report.chain_break is None
        assert [(c.chain, c.chain_break) for c in report.broken_chains] == [("01", ChainBreak(seq, "hash_mismatch"))]
        assert report.as_dict()["chains"][1]["chain_break"] == {"seq": seq, "reason": "hash_mismatch"}
        # the laptop's chain: an event rewritten whole (its own hash made again) no longer links to the next
        row = here.db.one(f"SELECT {EVENT_COLUMNS} FROM peer_events WHERE chain = '05' AND seq = 2")
        ev = Event(seq=row[0], event_id=row[1], station=row[2], case_no=row[3], type=row[4], at=row[5],
                   operator=row[6], device=row[7], payload={**json.loads(row[8]), "note": "x"}, prev_hash=row[9])
        with here.db.transaction():
            here.db.execute("UPDATE peer_events SET payload = ?, hash = ? WHERE chain = '05' AND seq = 2",
                            (json.dumps(ev.payload, ensure_ascii=False, sort_keys=True),
                             event_hash(ev.prev_hash, ev.body())))
        report = verify(here)
        assert [(c.chain, c.chain_break) for c in report.broken_chains] == \
            [("01", ChainBreak(seq, "hash_mismatch")), ("05", ChainBreak(3, "prev_mismatch"))]
    finally:
        for s in (here, window1, laptop):
            s.close()
    # the command line says it chain by chain
    proc = _cli(tmp_path / "here", "verify")
    assert proc.returncode == 1, proc.stderr
    assert "本机（00号设备）的日志" in proc.stdout and "哈希链完好" in proc.stdout
    assert "01号设备的日志：已收到" in proc.stdout and "另有 1 条尚未收到" in proc.stdout
    assert f"在第 {seq} 条事件处断开：内容与哈希不符" in proc.stdout
    assert "05号设备的日志" in proc.stdout and "在第 3 条事件处断开：与前一条事件接不上" in proc.stdout
    assert "校验通过" not in proc.stdout


def test_command_line_init_with_a_device_and_status(tmp_path: Path) -> None:
    home = tmp_path / "station"
    init = ["init", "--station-code", STATION_CODE, "--station-name", "工卡镇便民服务中心", "--admin", "admin",
            "--no-sample-catalogue"]
    refused = _cli(home, *init, "--device", "7")
    assert refused.returncode == 1 and "两位数字" in refused.stderr and not home.joinpath("keys.json").exists()
    made = _cli(home, *init, "--device", "03", "--device-name", "综合受理窗口", "--json")
    assert made.returncode == 0, made.stderr
    assert json.loads(made.stdout)["device"] == {"no": "03", "name": "综合受理窗口", "window": "综合受理窗口"}
    status = _cli(home, "status")
    assert status.returncode == 0 and "本机：03号设备，综合受理窗口" in status.stdout, status.stderr
    renamed = _cli(home, "device", "--name", "", "--json")
    assert json.loads(renamed.stdout) == {"no": "03", "name": "", "window": "03号窗口"}, renamed.stderr
