"""The dashboard's reads (app/services/dashboard.py): the same answers as the core's row-by-row
functions, by index ranges."""

from __future__ import annotations

from collections import Counter
from datetime import date, datetime, time, timedelta
from typing import Any

import pytest

from app.clock import CHINA_TZ, FixedClock
from app.models import CaseStatus, Decision, Outcome
from app.services import cases, catalogue, dashboard
from app.station import Station
from app.store import dashboard as store
from tests.helpers import DIBAO, NEWBORN_BUNDLE, all_received, applicant, deferred, missing, request


def at(station: Station, day: date) -> None:
    clock = station.clock
    assert isinstance(clock, FixedClock)
    clock.current = datetime.combine(day, time(10, 0), CHINA_TZ)


def promised_items(station: Station) -> list[str]:
    return [i.code for i in catalogue.list_items(station)
            if not i.instant and "person" in i.body["applicants"]["kinds"] and "counter" in i.body["delivery"]]


@pytest.fixture
def spread(station: Station) -> Station:
    """Cases taken in over six weeks with items of different promised days, some deferred, some closed."""
    items = promised_items(station)
    assert len(items) >= 5
    today = station.today()
    for n in range(42):
        day = today - timedelta(days=n)
        at(station, day)
        code = items[n % len(items)]
        req = request(station, items=[code])
        if code == DIBAO and n % 2:
            req = request(station, Decision.deferred_material,
                          except_={"M-BANK-CARD": deferred(day + timedelta(days=3 + n % 9))})
        case = cases.submit(station, req)
        if n % 7 == 3:
            cases.withdraw(station, case.case_no, "申请人撤回")
        elif n % 11 == 5:
            cases.set_status(station, case.case_no, CaseStatus.in_progress, source="platform")
        elif n % 13 == 6:
            cases.set_status(station, case.case_no, CaseStatus.concluded, outcome=Outcome.approved)
    at(station, today)
    return station


def test_lists_match_due_report_on_many_days(spread: Station) -> None:
    station = spread
    start = station.today()
    compared = 0
    for n in range(0, 40, 2):  # weekdays, weekends, and the days around them
        at(station, start + timedelta(days=n))
        report = cases.due_report(station)
        ov = dashboard.overview(station, limit=1000)
        assert sorted(e.case_no for e in ov.due_soon.entries) == sorted(report["due_soon"])
        assert sorted(e.case_no for e in ov.overdue.entries) == sorted(report["overdue"])
        assert ov.due_soon.total == len(report["due_soon"]) and ov.overdue.total == len(report["overdue"])
        assert Counter(e.case_no for e in ov.deferred_due_soon.entries) == Counter(report["deferred_due_soon"])
        assert Counter(e.case_no for e in ov.deferred_overdue.entries) == Counter(report["deferred_overdue"])
        compared += len(report["due_soon"]) + len(report["overdue"]) + len(report["deferred_overdue"])
        for e in ov.due_soon.entries:
            assert e.due is not None and ov.today <= e.due < ov.due_soon_until
        for e in ov.overdue.entries:
            assert e.due is not None and e.due < ov.today
    assert compared > 50  # the comparison saw cases in every list


def test_lists_are_limited_with_their_totals_soonest_first(spread: Station) -> None:
    at(spread, spread.today() + timedelta(days=40))
    ov = dashboard.overview(spread, limit=3)
    assert ov.overdue.total > 3 and len(ov.overdue.entries) == 3 and ov.overdue.more == ov.overdue.total - 3
    dues = [e.due for e in ov.overdue.entries]
    assert dues == sorted(dues)  # type: ignore[type-var]
    full = dashboard.overview(spread, limit=1000)
    assert [e.case_no for e in ov.overdue.entries] == [e.case_no for e in full.overdue.entries][:3]


def test_deferred_count_stops_at_the_cap(spread: Station) -> None:
    at(spread, spread.today() + timedelta(days=40))
    rows, total = store.deferred_range(spread.db, None, spread.today().isoformat(), 1000)
    assert total == len(rows) >= 2
    rows, capped = store.deferred_range(spread.db, None, spread.today().isoformat(), 1, cap=1)
    assert capped == 1 and len(rows) == 1


def test_today_corrections_and_material_names(station: Station) -> None:
    fix = cases.submit(station, request(station, Decision.correction_notice,
                                        except_={"M-FAMILY-CHECK-AUTH": missing()},
                                        correction_due=date(2026, 11, 27))).case_no
    plain = cases.submit(station, request(station)).case_no
    bundle = cases.submit(station, _bundle_request(station)).case_no
    ov = dashboard.overview(station)
    assert [e.case_no for e in ov.today_cases.entries] == [bundle, plain, fix]  # newest first
    assert [e.case_no for e in ov.corrections.entries] == [fix]
    assert ov.corrections.entries[0].due == date(2026, 11, 27)
    assert ov.today_cases.entries[1].items == "最低生活保障申请（农村低保）"
    at(station, date(2026, 12, 31))
    late = dashboard.overview(station).deferred_overdue.entries
    assert [(e.case_no, e.material) for e in late] == [(bundle, "近期一寸免冠彩色照片")]  # filed under the bundle


def _bundle_request(station: Station) -> object:
    from app.models import HandlingMode, IntakeRequest

    materials = all_received(station, [], NEWBORN_BUNDLE, {"M-PHOTO-1IN": deferred(date(2026, 11, 30))})
    return IntakeRequest(applicant=applicant(), mode=HandlingMode.in_person, decision=Decision.deferred_material,
                         bundle_code=NEWBORN_BUNDLE, materials=materials)


def test_rates_count_as_the_core_does(spread: Station) -> None:
    ov = dashboard.overview(spread)
    core = cases.rates(spread)
    # Every case of the fixture is within the dashboard's window (the last 30 days) but for 12.
    old = int(spread.db.scalar("SELECT count(*) FROM cases WHERE created_day < ? AND status NOT IN "
                               "('refused', 'withdrawn')", (ov.rates.since.strftime("%Y%m%d"),), default=0))
    assert old > 0
    assert ov.rates.cases == core["cases"] - old
    assert 0 < ov.rates.at_most_one_trip <= ov.rates.cases
    since = ov.rates.since.strftime("%Y%m%d")
    assert store.rates_since(spread.db, "00000000")[:3] == (core["cases"], core["at_most_one_trip"], core["instant"])
    assert store.rates_since(spread.db, since)[0] == ov.rates.cases


def test_no_dashboard_read_walks_the_whole_cases_table(spread: Station) -> None:
    """Every read of the dashboard answers from an index: none walks the cases table row by row
    (the conflicts' list once did, ordered by id: 0.4 s on 200,000 cases; bench/reports.py)."""
    walks: list[str] = []
    db = spread.db
    originals = {name: getattr(db, name) for name in ("all", "one", "scalar")}

    def planned(name: str) -> Any:
        def run(sql: str, params: Any = (), *a: Any, **k: Any) -> Any:
            plan = [str(r[-1]) for r in db.conn.execute("EXPLAIN QUERY PLAN " + sql, params).fetchall()]
            walks.extend(f"{p}: {sql[:80]}" for p in plan
                         if p.startswith("SCAN") and "INDEX" not in p and ("cases" in p or p == "SCAN c"))
            return originals[name](sql, params, *a, **k)
        return run

    for name in originals:
        setattr(db, name, planned(name))
    try:
        dashboard.overview(spread)
    finally:
        for name, fn in originals.items():
            setattr(db, name, fn)
    assert walks == []
