"""Several processes on one station: restore and rekey hold it alone, the key file counts every
failed login and loses no administrator's change, numbers are never issued twice (issue 12)."""

from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from app import backup as backups
from app.config import KdfParams, Paths
from app.errors import (
    AccountLocked,
    OperatorDisabled,
    StationHeld,
    StoreCorrupt,
    StoreReplaced,
    StoreUnreadable,
    UnknownOperator,
    WrongPassword,
)
from app.keys import MAX_FAILURES, KeyFile
from app.messages import describe
from app.models import Role
from app.services import cases
from app.station import Station
from tests.conftest import ADMIN_PASSWORD, FAST_KDF
from tests.helpers import request

ROOT = Path(__file__).resolve().parent.parent
WORKER = Path(__file__).with_name("hold_worker.py")


def worker(paths: Paths, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, str(WORKER), str(paths.home), *args], cwd=ROOT, text=True,
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def cli(paths: Paths, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("BIANMIN_")}
    env.update(BIANMIN_HOME=str(paths.home), BIANMIN_PASSWORD=ADMIN_PASSWORD)
    return subprocess.run([sys.executable, "-m", "bianmin", *args, "-u", "admin"], cwd=ROOT, env=env, text=True,
                          capture_output=True, timeout=300, stdin=subprocess.DEVNULL)


def wait_for(proc: subprocess.Popen[str], word: str) -> list[str]:
    lines = []
    assert proc.stdout is not None
    while True:
        line = proc.stdout.readline()
        assert line, f"worker ended before {word!r}: {proc.stderr.read() if proc.stderr else ''}"
        lines.append(line.strip())
        if line.strip() == word:
            return lines


def test_restore_refuses_while_a_window_takes_cases_in_and_every_confirmed_case_stays(
        station: Station, tmp_path: Path) -> None:
    cases.submit(station, request(station))
    bak = backups.write(station, tmp_path / "morning.bmbak")
    station.close()
    w = worker(station.paths, "intake")
    wait_for(w, "open")
    assert w.stdout is not None
    confirmed = [w.stdout.readline().strip() for _ in range(5)]  # the counter is busy
    restore = cli(station.paths, "restore", str(bak))
    assert restore.returncode == 1, restore.stdout + restore.stderr
    assert "正被另一个便民服务台程序使用" in restore.stderr and "Traceback" not in restore.stderr
    more, _err = w.communicate("", timeout=120)
    confirmed += [line for line in more.splitlines() if line.startswith("5401")]
    assert json.loads(more.splitlines()[-1]) == {"errors": []}
    st = Station.open(station.paths, "admin", ADMIN_PASSWORD, kdf=FAST_KDF)
    stored = {c.case_no for c in cases.list_cases(st, limit=10_000)}
    st.close()
    assert set(confirmed) <= stored and len(confirmed) >= 5
    # With the window closed the same restore goes through.
    assert cli(station.paths, "restore", str(bak)).returncode == 0


def test_a_store_replaced_under_an_open_connection_takes_no_more_writes(station: Station, tmp_path: Path) -> None:
    cases.submit(station, request(station))
    bak = backups.write(station, tmp_path / "b.bmbak")
    # An older program (or a hand) replaces the file without the station's lock.
    other = tmp_path / "other.db"
    shutil.copy2(station.paths.database, other)
    os.replace(other, station.paths.database)
    with pytest.raises(StoreReplaced):
        cases.submit(station, request(station))
    assert bak.exists()


def test_opening_waits_for_a_restore_then_says_so(station: Station) -> None:
    paths = station.paths
    station.close()
    w = worker(paths, "exclusive")
    try:
        wait_for(w, "held")
        with pytest.raises(StationHeld) as info:
            Station.open(paths, "admin", ADMIN_PASSWORD, kdf=FAST_KDF)
        assert "正在恢复备份或更换数据密钥" in describe(info.value)
    finally:
        w.communicate("", timeout=60)
    Station.open(paths, "admin", ADMIN_PASSWORD, kdf=FAST_KDF).close()


def test_rekey_refuses_while_another_process_has_the_station_open(station: Station) -> None:
    paths = station.paths
    station.close()
    w = worker(paths, "open")
    wait_for(w, "open")
    proc = cli(paths, "rekey")
    assert proc.returncode == 1 and "正被另一个便民服务台程序使用" in proc.stderr, proc.stderr
    out, err = w.communicate("go\n", timeout=120)
    assert out.splitlines()[-1].startswith("5401"), out + err  # the open window still works
    assert cli(paths, "rekey").returncode == 0
    Station.open(paths, "admin", ADMIN_PASSWORD, kdf=FAST_KDF).close()


def test_rekey_refuses_with_a_second_connection_in_the_same_process(station: Station) -> None:
    companion = station.companion()
    try:
        with pytest.raises(Exception) as info:
            station.rekey()
        assert getattr(info.value, "code", "") == "store.in_use"
    finally:
        companion.close()
    station.rekey()
    assert len(cases.list_cases(station)) == 0


def test_a_key_that_does_not_fit_is_not_called_damage(station: Station) -> None:
    cases.submit(station, request(station))
    backups.take(station, "daily")
    before = station.paths.keyfile.read_bytes()
    station.rekey()
    station.close()
    # The key file of before the rekey, put back by hand: no key opens the store, yet no page is damaged.
    station.paths.keyfile.write_bytes(before)
    with pytest.raises(StoreUnreadable) as info:
        Station.open(station.paths, "admin", ADMIN_PASSWORD, kdf=FAST_KDF)
    text = describe(info.value)
    assert "restore" not in text and "不需要恢复备份" in text


def test_a_damaged_first_page_is_damage(station: Station) -> None:
    cases.submit(station, request(station))
    backups.take(station, "daily")
    station.close()
    db = station.paths.database
    data = bytearray(db.read_bytes())
    for off in range(200, 400):
        data[off] ^= 0xFF
    db.write_bytes(bytes(data))
    with pytest.raises(StoreCorrupt) as info:
        Station.open(station.paths, "admin", ADMIN_PASSWORD, kdf=FAST_KDF, check="quick")
    assert info.value.details.get("backup")
    assert "bianmin restore" in describe(info.value)


# -- the key file ---------------------------------------------------------------------------------

SLOW_KDF = KdfParams(time_cost=2, memory_kib=32 * 1024, parallelism=1)  # the guesses overlap the edits


def _guessers(paths: Paths, logins: list[str], n: int) -> list[subprocess.Popen[str]]:
    return [worker(paths, "guess", login, str(n)) for login in logins]


def _answers(procs: list[subprocess.Popen[str]]) -> list[dict[str, object]]:
    out = []
    for p in procs:
        stdout, stderr = p.communicate(timeout=300)
        assert p.returncode == 0, stderr
        out += [json.loads(line) for line in stdout.splitlines()]
    return out


def test_failed_logins_never_undo_an_administrators_changes(station: Station) -> None:
    station.kdf = SLOW_KDF
    guessed = [f"guess{i}" for i in range(3)]
    for login in guessed:
        station.add_operator(login, login, Role.clerk, "guess-pass-2026")
    station.add_operator("pema", "白玛", Role.clerk, "old-pass-2026")
    station.kdf = FAST_KDF
    procs = _guessers(station.paths, guessed, MAX_FAILURES - 1)
    (station.paths.home.parent / "go").touch()
    added = []
    for i in range(6):
        station.add_operator(f"new{i}", f"新{i}", Role.clerk, f"new-pass-{i:04d}")
        added.append(f"new{i}")
    station.change_password("pema", "new-pass-2026")
    answers = _answers(procs)
    assert all(a == {"code": "auth.wrong_password", "remaining": a["remaining"]} for a in answers)
    keyfile = KeyFile.load(station.paths.keyfile)
    for login in guessed:  # every failure counted
        assert keyfile.lock_state(keyfile.operator_slot_id(login))[0] == MAX_FAILURES - 1
    for i, login in enumerate(added):
        Station.open(station.paths, login, f"new-pass-{i:04d}", kdf=FAST_KDF).close()
    Station.open(station.paths, "pema", "new-pass-2026", kdf=FAST_KDF).close()
    with pytest.raises(WrongPassword):
        Station.open(station.paths, "pema", "old-pass-2026", kdf=FAST_KDF)


def test_parallel_wrong_passwords_lock_the_account(station: Station) -> None:
    station.kdf = SLOW_KDF
    station.add_operator("dawa", "达瓦", Role.clerk, "dawa-pass-2026")
    procs = _guessers(station.paths, ["dawa"] * 12, 1)
    time.sleep(1.0)  # every guesser is waiting at the start line
    (station.paths.home.parent / "go").touch()
    answers = _answers(procs)
    wrong = [a for a in answers if a["code"] == "auth.wrong_password"]
    assert len(wrong) <= MAX_FAILURES - 1
    assert sorted(int(str(a["remaining"])) for a in wrong) == list(range(MAX_FAILURES - len(wrong), MAX_FAILURES))
    assert sum(a["code"] == "auth.locked" for a in answers) == 12 - len(wrong)
    with pytest.raises(AccountLocked):
        Station.open(station.paths, "dawa", "dawa-pass-2026", kdf=FAST_KDF)


def test_an_unknown_login_is_answered_like_a_wrong_password(station: Station) -> None:
    station.add_operator("norbu", "诺布", Role.clerk, "norbu-pass-2026")
    answers = {}
    for login in ("norbu", "nobody"):
        seen = []
        for _ in range(MAX_FAILURES - 1):
            with pytest.raises(WrongPassword) as info:
                Station.open(station.paths, login, "not-the-password", kdf=FAST_KDF)
            seen.append((info.value.code, describe(info.value)))
        with pytest.raises(AccountLocked) as locked:
            Station.open(station.paths, login, "not-the-password", kdf=FAST_KDF)
        seen.append((locked.value.code, describe(locked.value)))
        answers[login] = seen
    assert answers["norbu"] == answers["nobody"]


def test_the_recovery_code_does_not_enable_a_disabled_operator(new_station: tuple[Station, str]) -> None:
    station, recovery = new_station
    station.add_operator("lhamo", "拉姆", Role.clerk, "lhamo-pass-2026")
    station.disable_operator("lhamo")
    paths = station.paths
    station.close()
    with pytest.raises(OperatorDisabled):
        Station.recover(paths, recovery, "lhamo", "taken-over-2026", kdf=FAST_KDF)
    with pytest.raises(UnknownOperator):
        Station.open(paths, "lhamo", "taken-over-2026", kdf=FAST_KDF)
    admin = Station.open(paths, "admin", ADMIN_PASSWORD, kdf=FAST_KDF)
    assert not next(o for o in admin.operators() if o.login == "lhamo").active
    admin.close()


def test_the_store_and_its_journal_files_are_owner_only(station: Station) -> None:
    cases.submit(station, request(station))
    for f in (station.paths.database, Path(f"{station.paths.database}-wal"), station.paths.keyfile):
        assert stat.S_IMODE(f.stat().st_mode) == 0o600, f
    station.close()
    os.chmod(station.paths.database, 0o644)  # made by an older program
    Station.open(station.paths, "admin", ADMIN_PASSWORD, kdf=FAST_KDF).close()
    assert stat.S_IMODE(station.paths.database.stat().st_mode) == 0o600


# -- case numbers ---------------------------------------------------------------------------------

def test_a_clock_set_back_and_a_restore_never_issue_a_number_twice(station: Station, tmp_path: Path) -> None:
    clock = station.clock
    issued = [cases.submit(station, request(station)).case_no for _ in range(2)]
    bak = backups.write(station, tmp_path / "d1.bmbak")
    issued += [cases.submit(station, request(station)).case_no for _ in range(2)]
    clock.advance(days=1)  # type: ignore[attr-defined]
    issued += [cases.submit(station, request(station)).case_no for _ in range(2)]
    paths = station.paths
    station.close()
    backups.restore(paths, bak, ADMIN_PASSWORD, login="admin")
    clock.advance(days=-1)  # type: ignore[attr-defined]
    again = Station.open(paths, "admin", ADMIN_PASSWORD, kdf=FAST_KDF, clock=clock)
    later = [cases.submit(again, request(again)).case_no for _ in range(3)]
    again.close()
    assert not set(later) & set(issued), (issued, later)
    assert all(no[12:20] == issued[0][12:20] for no in later)
