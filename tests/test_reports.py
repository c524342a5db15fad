"""Reports (issue 17 point 1): every figure of a period's report, in total and per item, operator,
device and mode, against a hand count of generated data made from the cases' own pages and journals
(not from the report's code), as docs/reports.md defines each figure."""

from __future__ import annotations

import random
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

import pytest

from app.clock import CHINA_TZ, FixedClock
from app.errors import PermissionDenied, ValidationError
from app.journal import EventType
from app.models import AgentRelation, Case, CaseStatus, CrossRegion, HandlingMode, Role
from app.reports import Dimension, Figures, Period
from app.services import cases, consultations, dashboard
from app.services import reports as station_reports
from app.station import Station
from bianmin.demo import cases as demo
from tests.conftest import FAST_KDF
from tests.helpers import DIBAO, other_device_with, request

GOOD = ("very_satisfied", "satisfied", "basically_satisfied")
LEVELS = (*GOOD, "dissatisfied", "very_dissatisfied")


def _at(day: date, hour: int = 11) -> datetime:
    return datetime.combine(day, time(hour, 0), CHINA_TZ)


def _rate_cases(station: Station, clock: FixedClock, seed: int) -> None:
    """Ratings (some skipped, some 追评), 差评 rectified and revisited, on days after each case."""
    rng = random.Random(seed)
    end = clock.current
    numbers = [str(r[0]) for r in station.db.all("SELECT case_no FROM cases ORDER BY id")]
    for n in numbers:
        case = cases.get_case(station, n, log_access=False)
        if case.status is CaseStatus.refused or rng.random() < 0.3:
            continue
        clock.current = min(end, _at(case.created_at.date() + timedelta(days=rng.randint(0, 20)), 15))
        if rng.random() < 0.1:
            cases.evaluate(station, n, None)
        level = rng.choice(LEVELS)
        cases.evaluate(station, n, level, reasons=["slow"] if level not in GOOD else None)
        if rng.random() < 0.2:  # a 追评
            later = rng.choice(LEVELS)
            cases.evaluate(station, n, later, reasons=["attitude"] if later not in GOOD else None)
        facts = cases.facts_of(station, n)
        if facts.bad is not None and rng.random() < 0.7:
            cases.rectify(station, n, "整改")
            if rng.random() < 0.6:
                cases.revisit(station, n, rng.choice(["satisfied", "basically_satisfied", "dissatisfied"]),
                              "phone", "")
    clock.current = end


def _consult(station: Station, clock: FixedClock, days: list[date]) -> None:
    end = clock.current
    for i, day in enumerate(days):
        clock.current = _at(day, 10)
        consultations.record(station, DIBAO if i % 3 else "", "answered")
    clock.current = end


@pytest.fixture
def busy(station: Station, clock: FixedClock) -> Station:
    """About 180 demo cases over two months (every decision, mode and step), some of a special group,
    across regions or by the 驻村工作队, rated and their 差评 followed up, and consultations."""
    demo.generate(station, 160, seed=17, days_back=60)
    start = clock.current.date()
    # cases the demo does not make: 驻村工作队 as agent, special groups, a cross-region case
    for i, extra in enumerate([
        {"mode": HandlingMode.proxy, "agent_relation": AgentRelation.work_team},
        {"special_groups": ["elderly", "disabled"]},
        {"mode": HandlingMode.home_visit, "special_groups": ["seriously_ill"]},
        {"mode": HandlingMode.assisted, "cross_region": True},
    ] * 3):
        clock.current = _at(start - timedelta(days=3 * i), 9)
        req = request(station, mode=extra.get("mode", HandlingMode.in_person))
        if "agent_relation" in extra:
            req.agent.relation = extra["agent_relation"]  # type: ignore[union-attr]
        if "cross_region" in extra:
            req.cross_region = CrossRegion(intake_site="", handling_site="540102000000",
                                           handling_site_name="拉萨市城关区")
        if "special_groups" in extra:
            req.special_groups = extra["special_groups"]  # type: ignore[assignment]
        n = cases.submit(station, req).case_no
        if i % 2 == 0:  # concluded some days later: late or on time
            clock.current = _at(start - timedelta(days=3 * i) + timedelta(days=4 + 9 * (i % 4 == 0)), 10)
            cases.set_status(station, n, CaseStatus.in_progress)
            cases.set_status(station, n, CaseStatus.concluded, outcome=cases.Outcome.approved)
    clock.current = _at(start)
    _rate_cases(station, clock, seed=5)
    _consult(station, clock, [start - timedelta(days=d) for d in (0, 1, 5, 12, 33, 34, 50)])
    return station


# -- the hand count --------------------------------------------------------------------------------------
@dataclass
class Hand:
    case: Case
    events: list[Any]

    def first(self, type_: str, keep: Callable[[dict[str, Any]], bool] = lambda p: True) -> Any:
        return next((e for e in self.events if e.type == type_ and keep(e.payload)), None)

    def day(self, ev: Any) -> date | None:
        return None if ev is None else date.fromisoformat(ev.at[:10])


def _hands(station: Station) -> list[Hand]:
    out = []
    for (n,) in station.db.all("SELECT case_no FROM cases"):
        out.append(Hand(cases.get_case(station, n, log_access=False), cases.case_journal(station, n)))
    return out


def _hand_figures(hands: list[Hand], period: Period, today: date,
                  keep: Callable[[Hand], bool] = lambda h: True) -> dict[str, Any]:
    """The figures counted by hand, case by case, as docs/reports.md says."""
    f: dict[str, Any] = defaultdict(int)
    f["decisions"] = defaultdict(int)
    f["ratings"] = defaultdict(int)
    for h in hands:
        if not keep(h):
            continue
        c = h.case
        if period.start <= c.created_at.date() <= period.end:
            f["taken_in"] += 1
            f["decisions"][c.decision.value] += 1
            if c.status not in (CaseStatus.refused, CaseStatus.withdrawn, CaseStatus.revoked):
                f["counted"] += 1
                f["instant"] += all(i.instant for i in c.items)
                f["one_trip"] += c.trips <= 1
            f["assisted"] += c.mode is HandlingMode.assisted
            f["proxy"] += c.mode is HandlingMode.proxy
            f["home_visit"] += c.mode is HandlingMode.home_visit
            f["work_team"] += c.agent is not None and c.agent.relation is AgentRelation.work_team
            f["cross_region"] += c.cross_region is not None
            f["special"] += bool(c.special_groups)
            f["overdue_now"] += c.status in (CaseStatus.accepted, CaseStatus.in_progress,
                                             CaseStatus.special_procedure) and \
                c.promised_due is not None and c.promised_due < today
        done = h.day(h.first(EventType.concluded))
        if done is not None and period.start <= done <= period.end and \
                c.status in (CaseStatus.concluded, CaseStatus.delivered):
            f["concluded"] += 1
            f["on_time"] += c.promised_due is None or done <= c.promised_due
        rating = h.first(EventType.evaluated, lambda p: bool(p.get("level")) and not p.get("follow_up"))
        if rating is not None and period.start <= h.day(rating) <= period.end:  # type: ignore[operator]
            f["rated"] += 1
            f["ratings"][rating.payload["level"]] += 1
        bad = h.first(EventType.evaluated, lambda p: p.get("level") in ("dissatisfied", "very_dissatisfied"))
        if bad is not None and period.start <= h.day(bad) <= period.end:  # type: ignore[operator]
            revisited = h.first(EventType.revisited) is not None
            f["bad"] += 1
            f["bad_open"] += not revisited
            f["bad_rectified"] += h.first(EventType.rectified) is not None
            f["bad_revisited"] += revisited
    return f


def _compare(got: Figures, hand: dict[str, Any], consults: int) -> None:
    for name in ("taken_in", "counted", "instant", "one_trip", "concluded", "on_time", "overdue_now", "rated",
                 "bad", "bad_open", "bad_rectified", "bad_revisited", "assisted", "proxy", "home_visit",
                 "work_team", "cross_region", "special"):
        assert getattr(got, name) == hand[name], name
    assert {k: v for k, v in got.decisions.items() if v} == dict(hand["decisions"])
    assert {k: v for k, v in got.ratings.items() if v} == dict(hand["ratings"])
    assert got.consultations == consults
    assert got.instant_rate == (hand["instant"] / hand["counted"] if hand["counted"] else None)
    assert got.one_trip_rate == (hand["one_trip"] / hand["counted"] if hand["counted"] else None)
    assert got.on_time_rate == (hand["on_time"] / hand["concluded"] if hand["concluded"] else None)
    good = sum(hand["ratings"][g] for g in GOOD)
    assert got.satisfaction_rate == (good / hand["rated"] if hand["rated"] else None)


def _consults_in(station: Station, period: Period, item: str | None = None, operator: str | None = None) -> int:
    rows = station.db.all("SELECT day, item_code, operator FROM consultations")
    return sum(1 for day, it, op in rows
               if period.start <= date.fromisoformat(day) <= period.end
               and (item is None or it == item) and (operator is None or op == operator))


@pytest.mark.parametrize("which", ["month", "span", "day"])
def test_every_figure_matches_a_hand_count(busy: Station, which: str) -> None:
    today = busy.today()
    period = {"month": Period.month(today.year, today.month - 1),
              "span": Period(today - timedelta(days=40), today - timedelta(days=5)),
              "day": Period.day(today - timedelta(days=12))}[which]
    got = station_reports.report(busy, period).report
    hands = _hands(busy)
    hand = _hand_figures(hands, period, today)
    assert hand["taken_in"] > 0
    assert which == "day" or (hand["concluded"] and hand["rated"] and hand["bad"] and hand["overdue_now"])
    _compare(got.total, hand, _consults_in(busy, period))
    # per item (a bundle case counts under each of its items), operator, device and mode
    for dim, key_of in ((Dimension.item, lambda h: {i.item_code for i in h.case.items}),
                        (Dimension.operator, lambda h: {h.case.operator}),
                        (Dimension.device, lambda h: {h.case.origin}),
                        (Dimension.mode, lambda h: {h.case.mode.value})):
        lines = got.lines(dim)
        assert lines, dim
        for line in lines:
            hand_line = _hand_figures(hands, period, today, keep=lambda h, k=line.key, f=key_of: k in f(h))
            consults = (_consults_in(busy, period, item=line.key) if dim is Dimension.item else
                        _consults_in(busy, period, operator=line.key) if dim is Dimension.operator else 0)
            _compare(line.figures, hand_line, consults)
    # per day: taken in and concluded
    assert sum(t for _d, t, _c in got.per_day) == got.total.taken_in
    assert sum(c for _d, _t, c in got.per_day) == got.total.concluded
    assert len(got.per_day) == (period.end - period.start).days + 1


def test_the_monthly_trend_agrees_with_each_months_report(busy: Station) -> None:
    today = busy.today()
    got = station_reports.report(busy, Period.month(today.year, today.month)).report
    assert len(got.per_month) == 12 and got.per_month[-1][0] == f"{today:%Y-%m}"
    for month, concluded, on_time in got.per_month[-3:]:
        one = station_reports.report(busy, Period.parse(month)).report.total
        assert (concluded, on_time) == (one.concluded, one.on_time), month
    assert sum(c for _m, c, _o in got.per_month) > 0


def test_the_dashboards_charts_agree_with_the_report_of_their_days(busy: Station) -> None:
    """The dashboard counts its charts from the indexes alone; they say what the report says."""
    for days in (14, 30, 45):
        trend = dashboard.trend(busy, days)
        got = station_reports.report(busy, Period(trend.since, trend.today)).report
        assert trend.per_day == got.per_day, days
        assert trend.ratings == got.total.ratings, days
        assert trend.rated == got.total.rated > 0 and sum(t for _d, t, _c in trend.per_day) > 0


def test_a_report_names_its_lines_and_is_for_administrators(busy: Station) -> None:
    today = busy.today()
    out = station_reports.report(busy, Period(today - timedelta(days=60), today))
    data = out.as_json()
    items = {line["key"]: line["name"] for line in data["by"]["item"]}  # type: ignore[index]
    assert items[DIBAO] == "最低生活保障申请（农村低保）"
    assert {line["name"] for line in data["by"]["device"]} == {busy.window_name}  # type: ignore[index]
    assert data["total"]["taken_in"] == out.report.total.taken_in  # type: ignore[index]
    busy.add_operator("zhuoma", "卓玛", Role.clerk, "clerk-pass-2026")
    clerk = Station.open(busy.paths, "zhuoma", "clerk-pass-2026", kdf=FAST_KDF, clock=busy.clock)
    try:
        with pytest.raises(PermissionDenied):
            station_reports.report(clerk, Period.day(today))
    finally:
        clerk.close()


def test_periods_are_parsed_and_bounded() -> None:
    assert Period.parse("2026-11") == Period(date(2026, 11, 1), date(2026, 11, 30))
    assert Period.parse("2026-02-03") == Period.day(date(2026, 2, 3))
    assert Period.parse("2026-01-01..2026-03-31").days[-1] == date(2026, 3, 31)
    for bad in ("2026-13", "yesterday", "2026-05-01..2026-04-01", "2020-01-01..2026-01-01", ""):
        with pytest.raises(ValidationError):
            Period.parse(bad)


def test_another_devices_cases_count_under_their_device(station: Station, tmp_path: Path) -> None:
    n = cases.submit(station, request(station)).case_no
    cases.evaluate(station, n, "very_dissatisfied", reasons=["slow"])
    consultations.record(station, DIBAO, "answered")
    with other_device_with(station, tmp_path) as other:
        consultations.record(other, "", "checklist")
        mine = cases.submit(other, request(other, mode=HandlingMode.assisted)).case_no
        out = station_reports.report(other, Period.day(other.today()))
        by_device = {line.key: line.figures for line in out.report.lines(Dimension.device)}
        assert by_device["00"].taken_in == 1 and by_device["00"].bad == 1
        assert by_device["02"].taken_in == 1 and by_device["02"].assisted == 1
        assert out.names["device"]["02"] == other.window_name
        # both windows' consultations: this one's and the one taken from device 00
        assert out.report.total.consultations == 2
        assert consultations.count(other, other.today()).total == 2
        assert mine
