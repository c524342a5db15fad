"""The schedule of sync rounds: interval when well, capped backoff with jitter when down."""

from __future__ import annotations

import random

from app.errors import LinkDown
from sync.backoff import Backoff
from sync.engine import SyncReport
from sync.scheduler import SyncScheduler


class Link:
    def __init__(self) -> None:
        self.up = True
        self.rounds = 0
        self.probes = 0

    def run(self) -> SyncReport:
        self.rounds += 1
        return SyncReport() if self.up else SyncReport(error=LinkDown.code)

    def probe(self) -> None:
        self.probes += 1
        if not self.up:
            raise LinkDown("down")


def test_backoff_grows_with_jitter_and_is_capped() -> None:
    b = Backoff(base=5, cap=600, rng=random.Random(1))
    assert b.delay(0) == 0
    firsts = [b.delay(1) for _ in range(50)]
    assert all(2.5 <= d <= 5 for d in firsts) and len(set(firsts)) > 40
    assert all(300 <= b.delay(20) <= 600 for _ in range(50))
    assert max(b.delay(n) for n in range(1, 40)) <= 600


def test_down_link_probes_before_full_rounds_and_recovers() -> None:
    t = [0.0]
    link = Link()
    s = SyncScheduler(run=link.run, probe=link.probe, interval=300, backoff=Backoff(base=5, cap=60,
                      rng=random.Random(2)), now=lambda: t[0])
    assert s.step() is not None and s.failures == 0 and link.rounds == 1
    assert s.step() is None  # not due for 300 s
    t[0] += 300
    link.up = False
    assert s.step().error == LinkDown.code and s.failures == 1  # type: ignore[union-attr]
    for _ in range(10):  # while down: only probes, no full rounds, waits capped at 60 s
        wait = s.seconds_to_next()
        assert 0 < wait <= 60
        t[0] += wait
        s.step()
    assert link.rounds == 2 and link.probes == 10
    link.up = True
    t[0] += s.seconds_to_next()
    report = s.step()
    assert report is not None and report.ok and s.failures == 0 and link.rounds == 3
    assert s.seconds_to_next() == 300


def test_sync_now_ignores_the_schedule() -> None:
    t = [0.0]
    link = Link()
    s = SyncScheduler(run=link.run, probe=link.probe, now=lambda: t[0])
    s.step()
    assert s.step() is None
    assert s.sync_now().ok and link.rounds == 2


def test_while_the_centres_relay_answers_rounds_come_every_half_minute_and_sync_now_is_the_persons_round() -> None:
    """A window whose relay answered shares on the centre's network every 30 s (the round itself goes on
    to the region only every 5 minutes: ``engine.run_once(scheduled=True)``); without a relay, every 300 s.
    "Sync now" runs the round a person asks for (``run_now``: at once to the region too)."""
    t = [0.0]
    relayed = [True]
    asked: list[str] = []

    def scheduled() -> SyncReport:
        asked.append("scheduled")
        return SyncReport(relayed=relayed[0])

    def person() -> SyncReport:
        asked.append("now")
        return SyncReport(relayed=relayed[0])

    s = SyncScheduler(run=scheduled, run_now=person, probe=lambda: None, now=lambda: t[0])
    assert s.step() is not None and s.seconds_to_next() == 30
    t[0] += 30
    assert s.step() is not None and s.seconds_to_next() == 30
    relayed[0] = False
    t[0] += 30
    assert s.step() is not None and s.seconds_to_next() == 300
    assert s.sync_now().ok
    assert asked == ["scheduled", "scheduled", "scheduled", "now"]
