"""A full disk, for real (issue 12, point 11): one clean message, no logging tracebacks, and
``bianmin verify`` still checks the store.

The station is copied into a tiny tmpfs in a private mount namespace (util-linux ``unshare``, as
in test_crash.py), the rest of the file system is filled, and the command line runs there as
a clerk would run it.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from app.services import cases
from app.station import Station
from tests.conftest import ADMIN_PASSWORD
from tests.helpers import request

ROOT = Path(__file__).resolve().parent.parent

# Runs inside the namespace: fill the small disk, then run the command line and report.
DRIVER = r"""
import json, os, subprocess, sys
home, root, commands = sys.argv[1], sys.argv[2], json.loads(sys.argv[3])
filler = os.path.join(os.path.dirname(home), "filler")
fd = os.open(filler, os.O_WRONLY | os.O_CREAT)
for block in (65536, 512, 1):
    try:
        while os.write(fd, b"\0" * block):
            pass
    except OSError:
        pass
os.close(fd)
env = {k: v for k, v in os.environ.items() if not k.startswith("BIANMIN_")}
env.update(BIANMIN_HOME=home, BIANMIN_USER="admin", BIANMIN_PASSWORD=sys.argv[4])
out = []
for args in commands:
    proc = subprocess.run([sys.executable, "-m", "bianmin", *args], cwd=root, env=env, capture_output=True,
                          text=True, stdin=subprocess.DEVNULL, timeout=240)
    out.append({"args": args, "rc": proc.returncode, "stdout": proc.stdout, "stderr": proc.stderr})
free = os.statvfs(home)
out.append({"free": free.f_bavail * free.f_frsize})
print(json.dumps(out))
"""


def _namespaces() -> bool:
    if not shutil.which("unshare"):
        return False
    probe = subprocess.run(["unshare", "-m", "sh", "-c", "mount -t tmpfs -o size=1m tmpfs /mnt"],
                           capture_output=True)
    return probe.returncode == 0


needs_namespaces = pytest.mark.skipif(not _namespaces(), reason="no mount namespaces (unshare -m) here")


def run_on_full_disk(station: Station, tmp_path: Path, commands: list[list[str]]) -> list[dict[str, object]]:
    home = station.paths.home
    station.close()
    size_kib = sum(f.stat().st_size for f in home.rglob("*") if f.is_file()) // 1024 + 2048
    mnt = tmp_path / "small-disk"
    mnt.mkdir()
    script = (f'mount -t tmpfs -o size={size_kib}k tmpfs "{mnt}" && cp -a "{home}" "{mnt}/station" && '
              f'"{sys.executable}" -c "$DRIVER" "{mnt}/station" "{ROOT}" \'{json.dumps(commands)}\' '
              f'"{ADMIN_PASSWORD}"')
    proc = subprocess.run(["unshare", "-m", "sh", "-c", script], capture_output=True, text=True, timeout=600,
                          env={"DRIVER": DRIVER, "PATH": "/usr/bin:/bin:/usr/sbin:/sbin"})
    assert proc.returncode == 0, proc.stderr
    results: list[dict[str, object]] = json.loads(proc.stdout.strip().splitlines()[-1])
    assert results[-1]["free"] == 0  # the disk really was full
    return results[:-1]


@pytest.fixture
def busy_station(station: Station) -> Station:
    for _ in range(3):
        cases.submit(station, request(station))
    station.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return station


@needs_namespaces
def test_a_full_disk_gives_one_clean_message(busy_station: Station, tmp_path: Path) -> None:
    results = run_on_full_disk(busy_station, tmp_path, [["demo", "--cases", "3"]])
    demo = results[0]
    stderr = str(demo["stderr"])
    assert demo["rc"] != 0
    assert "磁盘空间已满" in stderr or "写入磁盘失败" in stderr, stderr
    assert "Traceback" not in stderr and "Logging error" not in stderr, stderr
    assert len(stderr.strip().splitlines()) <= 3, stderr


@needs_namespaces
def test_verify_runs_read_only_on_a_full_disk(busy_station: Station, tmp_path: Path) -> None:
    results = run_on_full_disk(busy_station, tmp_path, [["verify"], ["verify", "--json"], ["case", "list"]])
    human, machine, listing = results
    assert human["rc"] == 0, human
    assert "校验通过" in str(human["stdout"])
    assert "Traceback" not in str(human["stderr"]) and "Logging error" not in str(human["stderr"]), human["stderr"]
    report = json.loads(str(machine["stdout"]))
    assert report["ok"] is True and report["cases"] == 3
    assert listing["rc"] == 0 and str(listing["stdout"]).count("5401271000002026") == 3, listing
    assert "Traceback" not in str(listing["stderr"]), listing["stderr"]
