"""A separate station process that syncs with its hub, to be killed mid-sync (used by test_sync_faults).

    python tests/sync_worker.py STATION_HOME loop          # engine.run_once over and over, until killed
    python tests/sync_worker.py STATION_HOME until-synced  # until a round succeeds with nothing left to do

The station must already be enrolled (its hub URL, usually a fault proxy's, is in the store). Each
round prints one JSON line: ``{"round", "ok", "error", "pushed", "duplicates", "pulled", "applied",
"waiting", "peers"}``. ``until-synced`` exits 0 once in sync, 3 when it gave up after ``MAX_ROUNDS``.
``BIANMIN_TEST_PEER_PAGE`` (a number) asks the hub for the other devices' events that many at a time;
``BIANMIN_TEST_DIE_AT_PAGE`` (N) kills the process with SIGKILL while it takes the N-th page of them:
the page fetched and written into the store, its transaction not yet committed.
"""

from __future__ import annotations

import json
import os
import signal
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app.config import Paths
from app.journal import Event
from app.station import Station
from sync import engine
from tests.conftest import ADMIN_PASSWORD, FAST_KDF

MAX_ROUNDS = 60
TIMEOUT = (5.0, 30.0)  # connect, read: the slow link is slow, not dead


def _die_at_page(n: int) -> None:
    take = engine._take
    pages = 0

    def taking(station: Station, events: list[Event]) -> Any:
        nonlocal pages
        pages += 1
        taken = take(station, events)
        if pages == n:
            os.kill(os.getpid(), signal.SIGKILL)
        return taken

    engine._take = taking


def main() -> int:
    home, mode = Path(sys.argv[1]), sys.argv[2]
    if mode not in ("loop", "until-synced"):
        sys.stderr.write(f"unknown mode {mode}\n")
        return 2
    if os.environ.get("BIANMIN_TEST_PEER_PAGE"):
        engine.PEER_PAGE = int(os.environ["BIANMIN_TEST_PEER_PAGE"])
    if os.environ.get("BIANMIN_TEST_DIE_AT_PAGE"):
        _die_at_page(int(os.environ["BIANMIN_TEST_DIE_AT_PAGE"]))
    station = Station.open(Paths(home), "admin", ADMIN_PASSWORD, kdf=FAST_KDF, check="none")
    client = engine.client_for(station)
    client.timeout = TIMEOUT
    rounds = 0
    while True:
        rounds += 1
        report = engine.run_once(station, client)
        state = engine.status(station)
        line = {"round": rounds, "ok": report.ok, "error": report.error, "pushed": report.pushed,
                "duplicates": report.duplicates, "pulled": report.pulled, "applied": report.applied,
                "waiting": state["waiting"], "peers": report.peers_taken}
        sys.stdout.write(json.dumps(line) + "\n")
        sys.stdout.flush()
        if mode == "until-synced":
            if report.ok and state["waiting"] == 0 and state["deferred_updates"] == 0:
                station.close()
                return 0
            if rounds >= MAX_ROUNDS:
                station.close()
                return 3
        if not report.ok:
            time.sleep(0.05)  # a failed round is tried again at once, as "sync now" would


if __name__ == "__main__":
    raise SystemExit(main())
