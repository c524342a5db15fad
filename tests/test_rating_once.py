"""One rating per case (issue 17, point 4, its first part): a second rating on the same case is kept as
a follow-up (追评) beside the first, never in its place, so a 差评 cannot be overwritten by a later
好评; a skip after a rating records nothing."""

from __future__ import annotations

from app.journal import EventType
from app.services import cases
from app.services.cases.replay import replay_case
from app.station import Station
from tests.helpers import request


def test_a_second_rating_is_a_follow_up_and_never_replaces_a_bad_one(station: Station) -> None:
    case_no = cases.submit(station, request(station)).case_no
    assert cases.rating_of(station, case_no) is None
    assert cases.evaluate(station, case_no, None) is False  # skipped: not a rating
    assert cases.rating_of(station, case_no) is None
    assert cases.evaluate(station, case_no, "dissatisfied", reasons=["办事效率低"]) is False
    assert cases.rating_of(station, case_no) == "dissatisfied"
    assert cases.evaluate(station, case_no, "very_satisfied") is True  # 追评
    assert cases.rating_of(station, case_no) == "dissatisfied"  # the 差评 stays the case's rating
    rated = [e for e in cases.case_journal(station, case_no) if e.type == EventType.evaluated]
    assert [(e.payload.get("level"), e.payload.get("follow_up")) for e in rated] == [
        (None, None), ("dissatisfied", None), ("very_satisfied", True)]
    assert cases.evaluate(station, case_no, None) is True  # a skip after a rating: nothing recorded
    assert len([e for e in cases.case_journal(station, case_no) if e.type == EventType.evaluated]) == 3
    replay_case(cases.case_journal(station, case_no), station.calendar)  # the follow-up replays
