"""Limits counted again when the calendar arrives: a case accepted while next year had only the law's
holidays (暂定) gets the official holidays and make-up working days once the platform publishes
them, journaled (``case.dues_recounted``) so that every device and the replay agree."""

from __future__ import annotations

import json
from datetime import date, datetime

from app.clock import CHINA_TZ, FixedClock
from app.journal import EventType
from app.models import Decision
from app.services import cases
from app.services.cases.replay import replay_case
from app.station import Station
from app.workdays import store_calendar_document
from tests.helpers import DIBAO, request
from tests.test_national_calendar import national_2027


def test_open_cases_are_counted_again_with_the_published_calendar(station: Station) -> None:
    assert isinstance(station.clock, FixedClock)
    station.clock = FixedClock(datetime(2027, 1, 20, 10, 0, tzinfo=CHINA_TZ))  # 2027 has no official calendar yet
    assert station.calendar.is_provisional(date(2027, 2, 11))
    case = cases.submit(station, request(station, Decision.accept, items=[DIBAO]))
    assert case.promised_due is not None and case.legal_due is not None
    before = (case.legal_due, case.promised_due)
    assert cases.recount_dues(station) == []  # the same calendar: nothing to do, nothing journaled

    # The State Council's arrangement (invented for the test) makes 10–12 February holidays too.
    store_calendar_document(station.paths.home, national_2027())
    assert not station.calendar.is_provisional(date(2027, 2, 11))
    assert cases.recount_dues(station) == [case.case_no]
    after = cases.get_case(station, case.case_no)
    assert (after.legal_due, after.promised_due) != before
    last = cases.case_journal(station, case.case_no)[-1]
    assert last.type == EventType.dues_recounted and last.payload["reason"] == "calendar"
    assert last.payload["promised_due"] == after.promised_due.isoformat()
    replayed = replay_case(cases.case_journal(station, case.case_no), station.calendar)
    assert (replayed.legal_due, replayed.promised_due) == (after.legal_due, after.promised_due)
    assert cases.recount_dues(station) == []  # once
    assert json.dumps(last.payload)  # (a plain payload)
