"""好差评 loop (issue 17 point 4): one rating per case (a later one is a 追评 and never replaces a 差评),
the 差评 work list with its rectification due date, the rectification, the revisit; each step an
event, and the facts the same on every device of the station."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from app.errors import DecisionNotAllowed, ValidationError
from app.journal import EventType
from app.services import cases, settings
from app.station import Station
from app.store import facts as facts_store
from app.store import migrations
from tests.helpers import other_device_with, request

REASONS = ["slow"]


def _ratings(station: Station, case_no: str) -> list[dict[str, object]]:
    return [e.payload for e in cases.case_journal(station, case_no) if e.type == EventType.evaluated]


def test_the_first_rating_stays_the_cases_and_a_later_one_is_a_follow_up(station: Station) -> None:
    case_no = cases.submit(station, request(station)).case_no
    assert cases.rating_of(station, case_no) is None
    assert cases.evaluate(station, case_no, None) is False  # a skip is no rating
    assert cases.rating_of(station, case_no) is None
    assert cases.evaluate(station, case_no, "dissatisfied", reasons=REASONS) is False
    assert cases.evaluate(station, case_no, "very_satisfied") is True  # 追评: it does not wash the 差评 away
    assert cases.evaluate(station, case_no, None) is True
    assert cases.rating_of(station, case_no) == "dissatisfied"
    _skip0, first, later, skip = _ratings(station, case_no)
    assert first["level"] == "dissatisfied" and not first.get("follow_up")
    assert later["level"] == "very_satisfied" and later["follow_up"] is True
    assert skip["skipped"] is True and skip["follow_up"] is True
    f = cases.facts_of(station, case_no)
    assert (f.rating, f.ratings, f.bad) == ("dissatisfied", 2, "dissatisfied")


def test_a_bad_follow_up_opens_a_work_item_with_the_stations_rectification_days(station: Station) -> None:
    s = settings.load(station)
    s.rectify_days = 3
    settings.save(station, s)
    case_no = cases.submit(station, request(station)).case_no
    cases.evaluate(station, case_no, "satisfied")
    assert cases.bad_ratings(station)[1] == 0
    cases.evaluate(station, case_no, "very_dissatisfied", reasons=REASONS)
    [item], total = cases.bad_ratings(station)
    assert total == 1 and item.case_no == case_no and item.facts.bad == "very_dissatisfied"
    assert item.facts.rating == "satisfied"  # the case's rating is still its first
    assert item.due == station.calendar.add_working_days(station.today(), 3)
    assert item.applicant_name and item.items
    with pytest.raises(ValidationError):
        s.rectify_days = 0
        settings.save(station, s)


def test_the_loop_runs_to_a_revisit_in_order_and_once(station: Station) -> None:
    good = cases.submit(station, request(station)).case_no
    cases.evaluate(station, good, "satisfied")
    with pytest.raises(DecisionNotAllowed):
        cases.rectify(station, good, "没有差评")
    case_no = cases.submit(station, request(station)).case_no
    cases.evaluate(station, case_no, "dissatisfied", reasons=REASONS)
    with pytest.raises(DecisionNotAllowed, match="not_rectified"):
        cases.revisit(station, case_no, "satisfied", "phone", "")
    with pytest.raises(ValidationError):
        cases.rectify(station, case_no, "   ")
    with pytest.raises(ValidationError):
        cases.rectify(station, case_no, "整改\x00")
    f = cases.rectify(station, case_no, "已对窗口人员进行业务培训，缩短等候时间")
    assert f.rectified_at is not None and f.rectified_by == station.operator.login
    with pytest.raises(DecisionNotAllowed, match="already_rectified"):
        cases.rectify(station, case_no, "再次整改")
    assert cases.bad_ratings(station)[1] == 1  # rectified, not yet revisited: still open
    with pytest.raises(ValidationError):
        cases.revisit(station, case_no, "happy", "phone", "")
    with pytest.raises(ValidationError):
        cases.revisit(station, case_no, "satisfied", "letter", "")
    f = cases.revisit(station, case_no, "basically_satisfied", "phone", "电话回访，申请人表示认可")
    assert (f.revisit_result, f.revisit_method) == ("basically_satisfied", "phone")
    assert cases.bad_ratings(station) == ([], 0)
    assert [b.case_no for b in cases.bad_ratings(station, open_only=False)[0]] == [case_no]
    with pytest.raises(DecisionNotAllowed, match="bad_rating_closed"):
        cases.revisit(station, case_no, "satisfied", "phone", "")
    types = [e.type for e in cases.case_journal(station, case_no)]
    assert types[-3:] == [EventType.evaluated, EventType.rectified, EventType.revisited]


def test_the_work_list_is_soonest_due_first_and_flags_overdue(station: Station) -> None:
    first = cases.submit(station, request(station)).case_no
    cases.evaluate(station, first, "dissatisfied", reasons=REASONS)
    station.clock.current += timedelta(days=10)  # type: ignore[attr-defined]
    second = cases.submit(station, request(station)).case_no
    cases.evaluate(station, second, "very_dissatisfied", reasons=REASONS)
    items, total = cases.bad_ratings(station)
    assert [b.case_no for b in items] == [first, second] and total == 2
    today = station.today()
    assert items[0].overdue(today) and not items[1].overdue(today)


def test_another_device_sees_the_same_rating_and_work_item(station: Station, tmp_path: Path) -> None:
    case_no = cases.submit(station, request(station)).case_no
    cases.evaluate(station, case_no, "dissatisfied", reasons=REASONS)
    cases.rectify(station, case_no, "已整改")
    with other_device_with(station, tmp_path) as other:
        theirs = cases.facts_of(other, case_no)
        assert theirs == cases.facts_of(station, case_no)
        # the other window revisits it; its event is a 追评-free step of the same work item
        cases.revisit(other, case_no, "satisfied", "visit", "上门回访")
        assert cases.bad_ratings(other)[1] == 0
        # and a later rating there is a follow-up of the rating made here
        assert cases.evaluate(other, case_no, "satisfied") is True
        assert cases.rating_of(other, case_no) == "dissatisfied"


def test_the_facts_fold_again_from_the_journal_alike_and_the_migration_brings_them(station: Station) -> None:
    a = cases.submit(station, request(station)).case_no
    cases.evaluate(station, a, "very_dissatisfied", reasons=REASONS)
    cases.rectify(station, a, "整改")
    b = cases.submit(station, request(station)).case_no
    cases.set_status(station, b, cases.CaseStatus.in_progress)
    cases.set_status(station, b, cases.CaseStatus.concluded, outcome=cases.Outcome.approved)
    cases.evaluate(station, b, "satisfied")
    kept = {n: facts_store.get(station.db, n) for n in (a, b)}
    assert kept[b] is not None and kept[b].concluded_at is not None and kept[b].rating == "satisfied"
    # a store from before this version: the table comes with migration 6, folded from the events held
    db = station.db
    db.execute("DROP TABLE case_facts")
    db.execute("DROP INDEX events_evaluated")
    db.execute("DROP INDEX peer_events_evaluated")
    db.execute("DROP INDEX cases_no_due")
    db.execute("PRAGMA user_version = 5")
    assert migrations.migrate(db) == [6, 7]
    assert {n: facts_store.get(db, n) for n in (a, b)} == kept
