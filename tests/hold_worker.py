"""A separate process that has a station open while another one restores, rekeys or logs in
(used by test_concurrency).

    hold_worker.py HOME intake          take cases in until stdin closes; print each confirmed number
    hold_worker.py HOME open            open the station, say "open", wait for a line, take one case in
    hold_worker.py HOME guess LOGIN N   wait for the file HOME/../go, then N wrong passwords for LOGIN
    hold_worker.py HOME exclusive       hold the store alone until stdin closes
"""

from __future__ import annotations

import json
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app.config import Paths
from app.errors import BianminError
from app.services import cases
from app.station import Station
from app.store.hold import HOLDS
from tests.conftest import ADMIN_PASSWORD, FAST_KDF
from tests.helpers import request


def say(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def intake(paths: Paths) -> int:
    station = Station.open(paths, "admin", ADMIN_PASSWORD, kdf=FAST_KDF)
    stop = threading.Event()
    threading.Thread(target=lambda: (sys.stdin.read(), stop.set()), daemon=True).start()
    say("open")
    errors: list[str] = []
    while not stop.is_set():
        try:
            case = cases.submit(station, request(station))
        except BianminError as exc:  # told, so never counted as confirmed
            errors.append(exc.code)
            time.sleep(0.05)
            continue
        say(case.case_no)
    station.close()
    say(json.dumps({"errors": sorted(set(errors))}))
    return 0


def hold_open(paths: Paths) -> int:
    station = Station.open(paths, "admin", ADMIN_PASSWORD, kdf=FAST_KDF)
    say("open")
    sys.stdin.readline()
    try:
        say(cases.submit(station, request(station)).case_no)
    except BianminError as exc:
        say(f"error {exc.code}")
    station.close()
    return 0


def guess(paths: Paths, login: str, n: int) -> int:
    go = paths.home.parent / "go"
    while not go.exists():
        time.sleep(0.005)
    for i in range(n):
        try:
            Station.open(paths, login, f"wrong-guess-{i}", kdf=FAST_KDF).close()
            say("opened")
        except BianminError as exc:
            say(json.dumps({"code": exc.code, "remaining": exc.details.get("remaining")}))
    return 0


def exclusive(paths: Paths) -> int:
    with HOLDS.exclusive(paths.database):
        say("held")
        sys.stdin.read()
    return 0


def main() -> int:
    paths, mode = Paths(Path(sys.argv[1])), sys.argv[2]
    if mode == "intake":
        return intake(paths)
    if mode == "open":
        return hold_open(paths)
    if mode == "guess":
        return guess(paths, sys.argv[3], int(sys.argv[4]))
    return exclusive(paths)


if __name__ == "__main__":
    raise SystemExit(main())
