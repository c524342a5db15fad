"""A separate process that writes cases until it is killed or the disk fills (used by test_crash)."""

from __future__ import annotations

import json
import os
import resource
import signal
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app.config import Paths
from app.errors import BianminError
from app.services import cases
from app.services.verify import verify
from app.station import Station
from tests.conftest import ADMIN_PASSWORD, FAST_KDF
from tests.helpers import request


def _count(station: Station) -> int:
    return int(station.db.scalar("SELECT count(*) FROM cases"))


def loop(station: Station) -> int:
    while True:
        case = cases.submit(station, request(station))
        sys.stdout.write(case.case_no + "\n")
        sys.stdout.flush()


def disk_full(station: Station, how: str) -> int:
    """Commit 5 cases, leave almost no room, then try one transaction far larger than the room."""
    for _ in range(5):
        cases.submit(station, request(station))
    station.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    filler = station.paths.home.parent / "filler"
    if how == "rlimit":
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        limit = os.path.getsize(station.paths.database) + 64 * 1024
        _soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, hard))
    else:  # a real ENOSPC: fill the small file system but for 64 KiB
        free = os.statvfs(filler.parent).f_bavail * os.statvfs(filler.parent).f_frsize
        with filler.open("wb") as fh:
            fh.write(b"\0" * max(0, free - 64 * 1024))
    outcome = "no_error"
    try:
        with station.db.transaction():
            for _ in range(400):
                cases.submit(station, request(station))
    except BianminError as exc:
        outcome = exc.code
    rows_after_failure = _count(station)
    if how == "rlimit":
        resource.setrlimit(resource.RLIMIT_FSIZE, (hard, hard))
    else:
        filler.unlink()
    station.close()
    again = Station.open(station.paths, "admin", ADMIN_PASSWORD, kdf=FAST_KDF)
    cases.submit(again, request(again))  # the counter works again once there is room
    result = {"outcome": outcome, "rows_after_failure": rows_after_failure, "rows_after_reopen": _count(again),
              "verify_ok": verify(again).ok}
    again.close()
    sys.stdout.write(json.dumps(result) + "\n")
    return 0


def main() -> int:
    home, mode = Path(sys.argv[1]), sys.argv[2]
    station = Station.open(Paths(home), "admin", ADMIN_PASSWORD, kdf=FAST_KDF)
    if mode == "loop":
        return loop(station)
    return disk_full(station, mode)


if __name__ == "__main__":
    raise SystemExit(main())
