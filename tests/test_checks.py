"""Checks that used to be too loose (issue 12, point 10): foreigners' permanent residence IDs,
phones, due dates, and a computer whose date cannot be right."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from app.clock import CHINA_TZ, FixedClock
from app.errors import ClockImplausible, InvalidId, ValidationError
from app.identity import IdProblem, IdType, check_id, check_phone, phone_problem
from app.messages import describe
from app.models import Decision, Party, PartyKind
from app.services import cases
from app.station import Station
from tests.helpers import DIBAO, deferred, missing, request

TODAY = date(2026, 11, 18)


def _gb11643(body17: str) -> str:
    """The GB 11643 (ISO 7064 MOD 11-2) check character, computed here independently."""
    weights = [2 ** (17 - i) % 11 for i in range(17)]
    return "10X98765432"[sum(int(c) * w for c, w in zip(body17, weights, strict=True)) % 11]


def _icao(text: str) -> str:
    """The check digit of machine-readable travel documents (ICAO 9303), computed here independently."""
    values = [int(c) if c.isdigit() else "ABCDEFGHIJKLMNOPQRSTUVWXYZ".index(c) + 10 for c in text]
    return str(sum(v * (7, 3, 1)[i % 3] for i, v in enumerate(values)) % 10)


def foreign_new(birth: str = "19800517", province: str = "54", nation: str = "840", seq: str = "123") -> str:
    body = f"9{province}{nation}{birth}{seq}"
    return body + _gb11643(body)


def foreign_old(birth: str = "800517", nation: str = "USA", place: str = "5401", seq: str = "3") -> str:
    body = f"{nation}{place}{birth}{seq}"
    return body + _icao(body)


# -- foreign permanent residence IDs ---------------------------------------------------------
def test_new_permanent_residence_id_is_checked_like_a_resident_id() -> None:
    good = check_id(IdType.foreign_permanent, foreign_new(), today=TODAY)
    assert good.ok and good.birth_date == date(1980, 5, 17) and good.sex == "M"
    wrong_digit = foreign_new()[:-1] + ("0" if foreign_new()[-1] != "0" else "1")
    assert check_id(IdType.foreign_permanent, wrong_digit, today=TODAY).problem is IdProblem.bad_checksum
    assert check_id(IdType.foreign_permanent, foreign_new("19800545"), today=TODAY).problem is IdProblem.bad_birth_date
    assert check_id(IdType.foreign_permanent, foreign_new("19801317"), today=TODAY).problem is IdProblem.bad_birth_date
    next_year = foreign_new(f"{TODAY.year + 1}0101")
    assert check_id(IdType.foreign_permanent, next_year, today=TODAY).problem is IdProblem.future_birth_date
    assert check_id(IdType.foreign_permanent, foreign_new(province="99"), today=TODAY).problem is IdProblem.bad_region
    x_digit = next(n for s in range(1000) if (n := foreign_new(seq=f"{s:03d}")).endswith("X"))
    assert check_id(IdType.foreign_permanent, x_digit.lower(), today=TODAY).ok


def test_old_permanent_residence_id_has_a_check_digit_and_a_real_birth_date() -> None:
    good = check_id(IdType.foreign_permanent, foreign_old(), today=TODAY)
    assert good.ok and good.birth_date == date(1980, 5, 17)
    assert check_id(IdType.foreign_permanent, foreign_old().lower(), today=TODAY).ok
    wrong_digit = foreign_old()[:-1] + str((int(foreign_old()[-1]) + 1) % 10)
    assert check_id(IdType.foreign_permanent, wrong_digit, today=TODAY).problem is IdProblem.bad_checksum
    assert check_id(IdType.foreign_permanent, foreign_old("800545"), today=TODAY).problem is IdProblem.bad_birth_date
    assert check_id(IdType.foreign_permanent, foreign_old("810229"), today=TODAY).problem is IdProblem.bad_birth_date
    assert check_id(IdType.foreign_permanent, foreign_old(place="9901"), today=TODAY).problem is IdProblem.bad_region
    # Two-digit years: this century unless that is still to come.
    assert check_id(IdType.foreign_permanent, foreign_old("270101"), today=TODAY).birth_date == date(1927, 1, 1)
    assert check_id(IdType.foreign_permanent, foreign_old("150101"), today=TODAY).birth_date == date(2015, 1, 1)


def test_intake_refuses_a_permanent_residence_id_with_a_wrong_check_digit(station: Station) -> None:
    number = foreign_new()
    wrong = number[:-1] + ("0" if number[-1] != "0" else "1")
    person = Party(kind=PartyKind.person, name="Anna Müller", id_type="foreign_permanent", id_number=wrong,
                   phone="+49 30 901820")
    with pytest.raises(InvalidId) as caught:
        cases.submit(station, request(station, applicant=person))
    assert caught.value.details["problems"] == [{"field": "applicant.id_number", "problem": "bad_checksum"}]
    person.id_number = number
    case = cases.submit(station, request(station, applicant=person))
    assert case.applicant.id_number == number and case.applicant.phone == "+49 30 901820"


# -- phones ----------------------------------------------------------------------------------
@pytest.mark.parametrize("phone", [
    "00000000000", "0891-0000000", "08910000000", "0891-0123456", "13800000000", "138 0000 0000",
    "0000-1234567", "0123-4567890", "+86 0891 6321234", "+1 000 000 0000", "+999 12345678", "+", "++8613812345678",
    "13812345678 ext", "+86 138 0000 0000",
])
def test_phones_that_are_no_numbers_are_refused(phone: str) -> None:
    assert phone_problem(phone) == "bad_phone"
    assert not check_phone(phone)


@pytest.mark.parametrize("phone", [
    "13908901234", "0891-6321234", "(0891) 6321234", "010-62345678", "+86 138 1234 5678", "0086 13812345678",
    "+86 891 6321234", "+977 984-1234567", "+1 415 555 2671", "+44 20 7946 0958", "0044 20 7946 0958",
    "＋９７７ ９８４１２３４５６７",
])
def test_mainland_and_international_phones_are_accepted(phone: str) -> None:
    assert phone_problem(phone) is None


def test_intake_says_which_phone_is_wrong(station: Station) -> None:
    req = request(station)
    req.applicant.phone = "00000000000"
    with pytest.raises(ValidationError) as caught:
        cases.submit(station, req)
    assert {"field": "applicant.phone", "problem": "bad_phone"} in caught.value.details["problems"]
    assert "境外号码" in describe(caught.value)
    assert cases.count_cases(station) == 0


# -- due dates -------------------------------------------------------------------------------
def test_deferral_due_far_in_the_future_is_refused(station: Station) -> None:
    today = station.today()
    for due, problem in ((date(9999, 12, 31), "due_date_too_far"), (today + timedelta(days=400), "due_date_too_far"),
                         (today, "due_date_not_in_future"), (date(1999, 1, 1), "due_date_not_in_future")):
        req = request(station, Decision.deferred_material, except_={"M-BANK-CARD": deferred(due)})
        with pytest.raises(ValidationError) as caught:
            cases.submit(station, req)
        assert caught.value.details["problems"] == [
            {"field": f"materials.{DIBAO}.M-BANK-CARD", "problem": problem}], due
    assert cases.count_cases(station) == 0
    req = request(station, Decision.deferred_material, except_={"M-BANK-CARD": deferred(today + timedelta(days=30))})
    assert cases.submit(station, req).decision is Decision.deferred_material


def test_correction_due_must_be_after_today_and_within_a_year(station: Station) -> None:
    today = station.today()
    for due, problem in ((date(1999, 1, 1), "due_date_not_in_future"), (today, "due_date_not_in_future"),
                         (date(9999, 12, 31), "due_date_too_far")):
        req = request(station, Decision.correction_notice, except_={"M-BANK-CARD": missing()}, correction_due=due)
        with pytest.raises(ValidationError) as caught:
            cases.submit(station, req)
        assert caught.value.details["problems"] == [{"field": "correction_due", "problem": problem}]
        assert "补交期限" in describe(caught.value) or "期限太远" in describe(caught.value)
    assert cases.count_cases(station) == 0
    req = request(station, Decision.correction_notice, except_={"M-BANK-CARD": missing()},
                  correction_due=today + timedelta(days=15))
    assert cases.submit(station, req).correction_due == today + timedelta(days=15)


# -- the computer's date ---------------------------------------------------------------------
@pytest.mark.parametrize("wrong", [datetime(1970, 1, 1, 8, 0), datetime(2099, 11, 18, 10, 0),
                                   datetime(2009, 6, 1, 9, 0)])
def test_a_case_dated_by_a_wrong_computer_clock_is_refused(station: Station, clock: FixedClock,
                                                           wrong: datetime) -> None:
    req = request(station)
    clock.current = wrong.replace(tzinfo=CHINA_TZ)
    with pytest.raises(ClockImplausible) as caught:
        cases.submit(station, req)
    text = describe(caught.value)
    assert "这台电脑的日期看起来不对" in text and wrong.date().isoformat() in text
    assert cases.count_cases(station) == 0
    clock.current = datetime(2026, 11, 18, 10, 0, tzinfo=CHINA_TZ)
    assert cases.submit(station, req).case_no.startswith("54012710000020261118")


def test_a_right_clock_is_not_refused_after_months_without_cases(station: Station, clock: FixedClock) -> None:
    clock.current = datetime(2028, 3, 1, 10, 0, tzinfo=CHINA_TZ)  # 15 months after the station was set up
    assert cases.submit(station, request(station)).case_no.startswith("54012710000020280301")
    clock.current = datetime(2026, 9, 1, 10, 0, tzinfo=CHINA_TZ)  # a few months back: demo data, tests
    assert cases.submit(station, request(station)).case_no.startswith("54012710000020260901")
