"""Power cuts and full disks: committed cases survive, half-written ones leave no trace."""

from __future__ import annotations

import json
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

from app.services import cases
from app.services.verify import verify
from app.station import Station
from tests.conftest import ADMIN_PASSWORD, FAST_KDF

WORKER = Path(__file__).with_name("crash_worker.py")


def _worker(home: Path, mode: str) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, str(WORKER), str(home), mode], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)


def test_sigkill_in_the_middle_of_writes_loses_no_committed_case(station: Station) -> None:
    home = station.paths.home
    station.close()
    for round_ in range(3):
        proc = _worker(home, "loop")
        assert proc.stdout is not None
        reported: list[str] = []
        deadline = time.monotonic() + 60
        target = 15 + 10 * round_
        while len(reported) < target and time.monotonic() < deadline:
            line = proc.stdout.readline()
            if not line:
                break
            reported.append(line.strip())
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
        assert len(reported) == target, proc.stderr.read() if proc.stderr else ""
        st = Station.open(station.paths, "admin", ADMIN_PASSWORD, kdf=FAST_KDF)
        stored = {c.case_no for c in cases.list_cases(st, limit=100000)}
        assert set(reported) <= stored
        assert verify(st).ok
        numbers = sorted(stored)
        assert len(numbers) == len(set(numbers))
        st.close()


def _tmpfs_available() -> bool:
    if not shutil.which("unshare"):
        return False
    probe = subprocess.run(["unshare", "-m", "sh", "-c", "mount -t tmpfs -o size=1m tmpfs /mnt"],
                           capture_output=True)
    return probe.returncode == 0


def _disk_full_run(station: Station, tmp_path: Path) -> dict[str, object]:
    """Run the worker against a real tiny file system (tmpfs in a private mount namespace)."""
    home = station.paths.home
    station.close()
    size_kib = sum(f.stat().st_size for f in home.rglob("*") if f.is_file()) // 1024 + 4096
    mnt = tmp_path / "small-disk"
    mnt.mkdir()
    script = (f'mount -t tmpfs -o size={size_kib}k tmpfs "{mnt}" && cp -a "{home}" "{mnt}/station" && '
              f'"{sys.executable}" "{WORKER}" "{mnt}/station" enospc')
    proc = subprocess.run(["unshare", "-m", "sh", "-c", script], capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    return dict(json.loads(proc.stdout.strip().splitlines()[-1]))


def _rlimit_run(station: Station) -> dict[str, object]:
    """Run the worker with a file-size limit that refuses the writes past it."""
    home = station.paths.home
    station.close()
    proc = subprocess.run([sys.executable, str(WORKER), str(home), "rlimit"], capture_output=True, text=True,
                          timeout=300)
    assert proc.returncode == 0, proc.stderr
    return dict(json.loads(proc.stdout.strip().splitlines()[-1]))


def _assert_rolled_back(result: dict[str, object]) -> None:
    assert result["rows_after_failure"] == 5  # the big transaction left nothing behind
    assert result["rows_after_reopen"] == 6  # and the counter works again once there is room
    assert result["verify_ok"] is True


def test_full_disk_rolls_back_the_transaction_and_keeps_what_was_stored(station: Station, tmp_path: Path) -> None:
    if _tmpfs_available():
        result = _disk_full_run(station, tmp_path)
        assert result["outcome"] == "store.disk_full"
    else:  # no mount namespaces here: a file-size limit refuses the writes instead
        result = _rlimit_run(station)
        assert result["outcome"] in ("store.disk_full", "store.write_failed")
    _assert_rolled_back(result)


def test_file_size_limit_rolls_back_too(station: Station) -> None:
    result = _rlimit_run(station)
    assert result["outcome"] in ("store.disk_full", "store.write_failed")
    _assert_rolled_back(result)
