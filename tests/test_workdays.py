"""Tests of app.workdays: national + TAR regional working days, deadlines, the regional-days file."""

from __future__ import annotations

import json
import logging
import os
from datetime import date, datetime, timedelta
from pathlib import Path

import chinese_calendar
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app import textcheck
from app.workdays import (
    FORMAT,
    CalendarFileError,
    DueState,
    RegionalDay,
    WorkCalendar,
    default_calendar,
    default_regional_days,
    default_regional_days_path,
    dump_regional_days,
    load_regional_days,
    prefecture_of,
    statutory_holidays,
)

LHASA = "540100"
SHIGATSE = "540200"
PREFECTURES = ["540100", "540200", "540300", "540400", "540500", "540600", "542500"]

# Years chinesecalendar certainly does not cover, for the fallback (the law's holidays on Monday to Friday).
FAR_FUTURE = 2090
FAR_PAST = 2001

NATIONAL = WorkCalendar([], None)


def days_range(first: date, last: date) -> list[date]:
    return [first + timedelta(days=i) for i in range((last - first).days + 1)]


def national_is_workday(d: date) -> bool:
    return bool(chinese_calendar.is_workday(d))


# --------------------------------------------------------------------------- prefecture_of


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("540102001001", "540100"),
        ("540102", "540100"),
        ("540102001", "540100"),
        ("542521200201", "542500"),
        ("540100", "540100"),
        (" 540202100200 ", "540200"),
    ],
)
def test_prefecture_of(code: str, expected: str) -> None:
    assert prefecture_of(code) == expected


@pytest.mark.parametrize("code", ["", "5401", "54010", "5401020010", "54010200100a", "540102001001001"])
def test_prefecture_of_rejects_bad_codes(code: str) -> None:
    with pytest.raises(ValueError):
        prefecture_of(code)


# --------------------------------------------------------------------------- national calendar


def test_national_day_2025_is_off_and_sunday_before_is_make_up() -> None:
    for d in days_range(date(2025, 10, 1), date(2025, 10, 8)):
        assert not NATIONAL.is_workday(d), d
    assert date(2025, 9, 28).weekday() == 6
    assert NATIONAL.is_workday(date(2025, 9, 28))
    assert NATIONAL.is_workday(date(2025, 10, 11))  # Saturday make-up day
    assert NATIONAL.is_workday(date(2025, 10, 9))
    assert not NATIONAL.is_workday(date(2025, 10, 12))


def test_spring_festival_2026() -> None:
    for d in days_range(date(2026, 2, 15), date(2026, 2, 23)):
        assert not NATIONAL.is_workday(d), d
    assert NATIONAL.is_workday(date(2026, 2, 14))  # Saturday make-up day
    assert NATIONAL.is_workday(date(2026, 2, 28))  # Saturday make-up day
    assert NATIONAL.is_workday(date(2026, 2, 13))


def test_datetime_is_treated_as_its_date() -> None:
    assert not NATIONAL.is_workday(datetime(2025, 10, 1, 9, 30))
    assert NATIONAL.is_workday(datetime(2025, 9, 28, 23, 59))


def test_non_dates_are_rejected() -> None:
    with pytest.raises(TypeError):
        NATIONAL.is_workday("2025-10-01")  # type: ignore[arg-type]


# --------------------------------------------------------------------------- regional days


def test_shipped_losar_day_is_off_in_tar_but_a_national_workday() -> None:
    monday = date(2025, 3, 3)
    assert monday.weekday() == 0
    assert national_is_workday(monday)
    for prefecture in [None, *PREFECTURES]:
        cal = default_calendar(prefecture)
        assert not cal.is_workday(monday), prefecture
        rd = cal.regional_day(monday)
        assert rd is not None and rd.name_zh == "藏历新年"


def test_shipped_file_covers_losar_2024_to_2027() -> None:
    days = default_regional_days()
    cal = default_calendar(LHASA)
    for year in (2024, 2025, 2026, 2027):
        losar = [
            rd for rd in days if rd.day.year == year and rd.name_zh == "藏历新年" and rd.kind == "holiday"
        ]
        assert len(losar) >= 5, year
        assert all(not cal.is_workday(rd.day) for rd in losar)
    # The file matters: some Losar day is a working day for the national calendar.
    assert any(
        rd.name_zh == "藏历新年"
        and rd.kind == "holiday"
        and rd.day.year <= 2026
        and national_is_workday(rd.day)
        for rd in days
    )
    assert any(rd.prefectures for rd in days), "at least one prefecture-specific entry"
    assert any(rd.kind == "workday" for rd in days), "at least one regional make-up working day"
    assert default_regional_days_path().is_file()
    assert default_regional_days_path().parts[-3:] == ("resources", "calendars", "regional_days.json")


def test_shipped_lhasa_shoton_2026_only_in_lhasa() -> None:
    shoton = date(2026, 8, 12)
    assert national_is_workday(shoton)
    assert not default_calendar(LHASA).is_workday(shoton)
    assert not default_calendar("540102001001").is_workday(shoton)
    assert default_calendar(SHIGATSE).is_workday(shoton)
    assert default_calendar(None).is_workday(shoton)


def test_regional_make_up_workday_on_a_saturday() -> None:
    make_up = date(2026, 3, 7)
    assert make_up.weekday() == 5
    cal = WorkCalendar([RegionalDay(make_up, "藏历新年调休上班", "ལས་ཉིན་", frozenset(), "workday")], LHASA)
    assert cal.is_workday(make_up)
    assert not NATIONAL.is_workday(make_up)


def test_prefecture_specific_day_applies_only_to_that_prefecture() -> None:
    d = date(2025, 7, 15)  # an ordinary Tuesday
    ongkor = RegionalDay(d, "望果节", "འོང་སྐོར་", frozenset({"540500"}), "holiday")
    assert not WorkCalendar([ongkor], "540500").is_workday(d)
    assert not WorkCalendar([ongkor], "540521200200").is_workday(d)
    for other in [p for p in PREFECTURES if p != "540500"]:
        assert WorkCalendar([ongkor], other).is_workday(d), other
    assert WorkCalendar([ongkor], None).is_workday(d)


def test_prefecture_entry_beats_region_wide_entry() -> None:
    d = date(2025, 7, 15)
    region_off = RegionalDay(d, "区域假日", "ཉིན་", frozenset(), "holiday")
    lhasa_works = RegionalDay(d, "拉萨上班", "ཉིན་", frozenset({LHASA}), "workday")
    for order in ([region_off, lhasa_works], [lhasa_works, region_off]):
        assert WorkCalendar(order, LHASA).is_workday(d)
        assert not WorkCalendar(order, SHIGATSE).is_workday(d)
        assert WorkCalendar(order, LHASA).regional_day(d) == lhasa_works


def test_conflicting_regional_days_are_rejected() -> None:
    d = date(2025, 7, 15)
    a = RegionalDay(d, "甲", "ཀ", frozenset(), "holiday")
    b = RegionalDay(d, "乙", "ཁ", frozenset(), "workday")
    with pytest.raises(ValueError, match="conflicting"):
        WorkCalendar([a, b], LHASA)


def test_station_edits_override_everything() -> None:
    losar = date(2025, 3, 3)
    cal = default_calendar(
        LHASA, extra_workdays={losar, date(2025, 10, 1)}, extra_holidays={date(2025, 9, 28)}
    )
    assert cal.is_workday(losar)
    assert cal.is_workday(date(2025, 10, 1))
    assert not cal.is_workday(date(2025, 9, 28))
    assert cal.is_workday(date(2025, 9, 29))


def test_station_edits_cannot_contradict_each_other() -> None:
    with pytest.raises(ValueError):
        WorkCalendar([], LHASA, extra_holidays={date(2025, 5, 6)}, extra_workdays={date(2025, 5, 6)})


def test_regional_day_validation() -> None:
    with pytest.raises(ValueError):
        RegionalDay(date(2025, 1, 1), "x", "y", frozenset(), "vacation")
    with pytest.raises(ValueError):
        RegionalDay(date(2025, 1, 1), "x", "y", frozenset({"5401"}), "holiday")
    with pytest.raises(ValueError):
        RegionalDay(date(2025, 1, 1), "x", "y", frozenset({"540000"}), "holiday")
    with pytest.raises(TypeError):
        RegionalDay(date(2025, 1, 1), "x", "y", "540100", "holiday")  # type: ignore[arg-type]
    rd = RegionalDay(datetime(2025, 1, 1, 8), "x", "y", {"540100"}, "holiday")  # type: ignore[arg-type]
    assert rd.day == date(2025, 1, 1) and type(rd.day) is date
    assert rd.prefectures == frozenset({"540100"})
    assert rd.applies_to(LHASA) and not rd.applies_to(SHIGATSE) and not rd.applies_to(None)


# --------------------------------------------------------------------------- deadlines


def test_add_working_days_examples() -> None:
    assert NATIONAL.add_working_days(date(2025, 9, 30), 0) == date(2025, 9, 30)
    assert NATIONAL.add_working_days(date(2025, 10, 3), 0) == date(2025, 10, 3)  # even on a holiday
    assert NATIONAL.add_working_days(date(2025, 9, 30), 1) == date(2025, 10, 9)
    assert NATIONAL.add_working_days(date(2025, 9, 26), 1) == date(2025, 9, 28)  # Sunday make-up day
    assert NATIONAL.add_working_days(date(2025, 9, 26), 3) == date(2025, 9, 30)
    assert NATIONAL.add_working_days(date(2025, 9, 26), 4) == date(2025, 10, 9)
    # Losar pushes a Lhasa deadline past the national one.
    assert NATIONAL.add_working_days(date(2025, 2, 27), 1) == date(2025, 2, 28)
    assert default_calendar(LHASA).add_working_days(date(2025, 2, 27), 1) == date(2025, 3, 7)
    with pytest.raises(ValueError):
        NATIONAL.add_working_days(date(2025, 1, 1), -1)


def test_working_days_between_examples() -> None:
    assert NATIONAL.working_days_between(date(2025, 9, 30), date(2025, 10, 9)) == 1
    assert NATIONAL.working_days_between(date(2025, 10, 9), date(2025, 9, 30)) == -1
    assert NATIONAL.working_days_between(date(2025, 9, 26), date(2025, 9, 30)) == 3
    assert NATIONAL.working_days_between(date(2025, 10, 1), date(2025, 10, 8)) == 0
    assert NATIONAL.working_days_between(date(2025, 6, 3), date(2025, 6, 3)) == 0


def test_due_state_edges() -> None:
    due = date(2025, 10, 9)
    cal = NATIONAL
    assert cal.due_state(due, date(2025, 10, 10)) is DueState.OVERDUE
    assert cal.due_state(due, due) is DueState.DUE_SOON
    assert cal.due_state(due, date(2025, 9, 30)) is DueState.DUE_SOON  # 1 working day before
    assert cal.due_state(due, date(2025, 9, 29)) is DueState.DUE_SOON  # 2 working days before
    assert cal.due_state(due, date(2025, 9, 28)) is DueState.OK  # 3 working days before
    assert cal.due_state(due, date(2025, 9, 28), warn_days=3) is DueState.DUE_SOON
    assert cal.due_state(due, date(2025, 9, 30), warn_days=0) is DueState.OK
    assert cal.due_state(due, due, warn_days=0) is DueState.DUE_SOON
    # Due on a holiday with no working day in between: due soon.
    assert cal.due_state(date(2025, 10, 5), date(2025, 9, 30), warn_days=0) is DueState.DUE_SOON
    assert cal.due_state(date(2025, 10, 5), date(2025, 10, 6), warn_days=0) is DueState.OVERDUE
    with pytest.raises(ValueError):
        cal.due_state(due, due, warn_days=-1)
    assert {s.value for s in DueState} == {"ok", "due_soon", "overdue"}
    assert DueState("due_soon") is DueState.DUE_SOON


# --------------------------------------------------------------------------- fallback


def test_fallback_outside_chinesecalendar_years(caplog: pytest.LogCaptureFixture) -> None:
    for year in (FAR_FUTURE, FAR_PAST):
        with pytest.raises(NotImplementedError):
            chinese_calendar.is_workday(date(year, 6, 1))
    special = date(FAR_FUTURE, 1, 2)  # a regional holiday on a weekday in a year without national data
    while special.weekday() >= 5:
        special += timedelta(days=1)
    cal = WorkCalendar([RegionalDay(special, "测试", "ཚོད་", frozenset(), "holiday")], LHASA)
    with caplog.at_level(logging.INFO, logger="app.workdays"):
        for year in (FAR_FUTURE, FAR_PAST):
            for d in days_range(date(year, 1, 1), date(year, 3, 31)):
                expected = d.weekday() < 5 and d != special and d not in statutory_holidays(year)
                assert cal.is_workday(d) is expected, d
        assert cal.add_working_days(date(FAR_FUTURE, 1, 1), 0) == date(FAR_FUTURE, 1, 1)
    notes = [r for r in caplog.records if r.levelno == logging.INFO and r.name == "app.workdays"]
    assert len(notes) == 1
    assert str(FAR_FUTURE) in notes[0].getMessage()


def test_no_warning_inside_supported_years(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.INFO, logger="app.workdays"):
        WorkCalendar([], None).working_days_between(date(2024, 1, 1), date(2025, 12, 31))
    assert not [r for r in caplog.records if r.name == "app.workdays"]


# --------------------------------------------------------------------------- properties

DATES = st.dates(min_value=date(FAR_PAST, 6, 1), max_value=date(2028, 6, 30))
SUPPORTED_DATES = st.dates(min_value=date(2004, 1, 1), max_value=date(2026, 12, 31))
NS = st.integers(min_value=0, max_value=120)
PREFS = st.sampled_from([None, *PREFECTURES])
EDIT_DATES = st.sets(st.dates(min_value=date(2024, 1, 1), max_value=date(2026, 12, 31)), max_size=40)

PROPERTY_SETTINGS = settings(deadline=None, max_examples=150, suppress_health_check=[HealthCheck.too_slow])


@st.composite
def calendars(draw: st.DrawFn) -> WorkCalendar:
    """The shipped regional days, a prefecture, and random (non-contradictory) station edits."""
    holidays = draw(EDIT_DATES)
    workdays = draw(EDIT_DATES) - holidays
    return default_calendar(draw(PREFS), extra_holidays=holidays, extra_workdays=workdays)


@PROPERTY_SETTINGS
@given(calendars(), DATES, st.integers(min_value=1, max_value=120))
def test_deadline_is_a_later_working_day(cal: WorkCalendar, start: date, n: int) -> None:
    due = cal.add_working_days(start, n)
    assert due > start
    assert cal.is_workday(due)
    assert cal.working_days_between(start, due) == n
    # No working day is skipped: the day before the deadline still lacks one working day.
    assert cal.working_days_between(start, due - timedelta(days=1)) == n - 1


@PROPERTY_SETTINGS
@given(calendars(), DATES, NS)
def test_deadline_is_monotone_in_n(cal: WorkCalendar, start: date, n: int) -> None:
    assert cal.add_working_days(start, n) < cal.add_working_days(start, n + 1)
    assert cal.add_working_days(start, n) >= start


@PROPERTY_SETTINGS
@given(calendars(), DATES, NS, NS)
def test_adding_n_then_m_equals_adding_n_plus_m(cal: WorkCalendar, start: date, n: int, m: int) -> None:
    assert cal.add_working_days(cal.add_working_days(start, n), m) == cal.add_working_days(start, n + m)


@PROPERTY_SETTINGS
@given(calendars(), DATES, DATES, DATES)
def test_working_days_between_is_additive_and_antisymmetric(
    cal: WorkCalendar, a: date, b: date, c: date
) -> None:
    assert cal.working_days_between(a, a) == 0
    assert cal.working_days_between(a, b) == -cal.working_days_between(b, a)
    assert cal.working_days_between(a, b) + cal.working_days_between(b, c) == cal.working_days_between(a, c)


@PROPERTY_SETTINGS
@given(SUPPORTED_DATES)
def test_no_regional_data_means_the_national_calendar(d: date) -> None:
    assert NATIONAL.is_workday(d) == national_is_workday(d)


@PROPERTY_SETTINGS
@given(st.dates(min_value=date(2030, 1, 1), max_value=date(2099, 12, 31)))
def test_fallback_is_monday_to_friday_less_the_statutory_holidays(d: date) -> None:
    assert NATIONAL.is_workday(d) == (d.weekday() < 5 and d not in statutory_holidays(d.year))
    assert NATIONAL.is_provisional(d)


@PROPERTY_SETTINGS
@given(calendars(), DATES, st.integers(min_value=-30, max_value=60), st.integers(min_value=0, max_value=5))
def test_due_state_matches_its_definition(cal: WorkCalendar, due: date, offset: int, warn: int) -> None:
    today = due - timedelta(days=offset)
    state = cal.due_state(due, today, warn)
    if today > due:
        assert state is DueState.OVERDUE
    elif cal.working_days_between(today, due) <= warn:
        assert state is DueState.DUE_SOON
    else:
        assert state is DueState.OK
    # A case due n working days after acceptance is never "ok" on its due date.
    assert cal.due_state(cal.add_working_days(today, warn), today, warn) is DueState.DUE_SOON


# --------------------------------------------------------------------------- the file


def write_json(path: Path, doc: object) -> Path:
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return path


def good_entry(day: str = "2025-03-03", **changes: object) -> dict[str, object]:
    entry: dict[str, object] = {
        "date": day,
        "kind": "holiday",
        "name": {"zh": "藏历新年", "bo": "བོད་ལོ་གསར་"},
        "prefectures": [],
    }
    entry.update(changes)
    return entry


def test_malformed_file_reports_every_problem_with_its_location(tmp_path: Path) -> None:
    doc = {
        "format": "bianmin-regional-days/0",
        "region": "540000",
        "sources": "test",
        "days": [
            good_entry("2025-03-03"),  # 0: fine
            good_entry("2025-13-01"),  # 1: not a date
            good_entry("2025-03-05", kind="vacation"),  # 2
            good_entry("2025-03-06", name={"zh": "藏历新年"}),  # 3: bo missing
            good_entry("2025-03-07", prefectures=["5401", "530100", LHASA, LHASA]),  # 4
            "2025-03-08",  # 5: not an object
            {
                "date": "2025-03-09",
                "kind": "holiday",
                "name": {"zh": "x", "bo": "y"},
                "prefecture": [LHASA],
            },  # 6
            good_entry("2025-03-03"),  # 7: duplicate of 0
            good_entry("2025-03-10", date=20250310),  # 8
            good_entry("2025-08-12", prefectures=[LHASA]),  # 9: fine
            good_entry("2025-08-12", prefectures=[SHIGATSE, LHASA], kind="workday"),  # 10: overlaps 9
        ],
    }
    path = write_json(tmp_path / "bad.json", doc)
    with pytest.raises(CalendarFileError) as info:
        load_regional_days(path)
    err = info.value
    assert isinstance(err, ValueError)
    assert err.path == path
    expected_locations = [
        "format:",
        "days[1].date:",
        "days[2].kind:",
        "days[3].name.bo:",
        "days[4].prefectures[0]:",
        "days[4].prefectures[1]:",
        "days[4].prefectures[3]:",
        "days[5]:",
        "days[6].prefecture:",
        "days[6].prefectures:",
        "days[7]:",
        "days[8].date:",
        "days[10]:",
    ]
    for location in expected_locations:
        assert any(p.startswith(location) for p in err.problems), (location, err.problems)
    assert len(err.problems) == len(expected_locations), err.problems
    assert not any(p.startswith(("days[0]", "days[9]")) for p in err.problems)
    assert "days[1].date: not a date" in " ".join(err.problems)
    assert "days[7]" in str(err) and str(path) in str(err)
    assert err.code == "calendar.file"


def test_malformed_top_level(tmp_path: Path) -> None:
    path = write_json(tmp_path / "a.json", {"region": "5400", "days": {}, "sources": 3, "extra": 1})
    with pytest.raises(CalendarFileError) as info:
        load_regional_days(path)
    problems = info.value.problems
    for location in ("extra:", "format:", "region:", "sources:", "days:"):
        assert any(p.startswith(location) for p in problems), (location, problems)
    assert len(problems) == 5

    path = write_json(tmp_path / "b.json", [1, 2])
    with pytest.raises(CalendarFileError, match="top level"):
        load_regional_days(path)


def test_unreadable_files(tmp_path: Path) -> None:
    with pytest.raises(CalendarFileError, match="not found"):
        load_regional_days(tmp_path / "missing.json")
    broken = tmp_path / "broken.json"
    broken.write_text('{"format": "bianmin-regional-days/1",\n  "days": [,]}', encoding="utf-8")
    with pytest.raises(CalendarFileError) as info:
        load_regional_days(broken)
    assert info.value.problems == [info.value.problems[0]]
    assert "line 2 column" in info.value.problems[0]
    binary = tmp_path / "binary.json"
    binary.write_bytes(b"\xff\xfe\x00garbage")
    with pytest.raises(CalendarFileError, match="UTF-8"):
        load_regional_days(binary)


def test_comment_keys_are_allowed(tmp_path: Path) -> None:
    doc = {"format": FORMAT, "region": "540000", "_comment": "edit me", "days": [good_entry(_note="x")]}
    days = load_regional_days(write_json(tmp_path / "c.json", doc))
    assert days == [RegionalDay(date(2025, 3, 3), "藏历新年", "བོད་ལོ་གསར་", frozenset(), "holiday")]


def test_shipped_file_round_trips(tmp_path: Path) -> None:
    shipped = load_regional_days(default_regional_days_path())
    sources = json.loads(default_regional_days_path().read_text(encoding="utf-8"))["sources"]
    assert "approximate" in sources.lower()
    target = tmp_path / "regional_days.json"
    dump_regional_days(shipped, target, sources=sources)
    assert load_regional_days(target) == sorted(
        shipped, key=lambda rd: (rd.day, sorted(rd.prefectures), rd.kind)
    )
    assert target.read_bytes() == default_regional_days_path().read_bytes()


REGIONAL_DAYS = st.builds(
    RegionalDay,
    day=st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 12, 31)),
    name_zh=st.text(min_size=1, max_size=8).filter(str.strip).filter(textcheck.is_clean),
    name_bo=st.text(alphabet="ཀཁགངཅཆཇཉཏཐདནཔཕབམ་།", min_size=1, max_size=8),
    prefectures=st.frozensets(st.sampled_from(PREFECTURES), max_size=3),
    kind=st.sampled_from(["holiday", "workday"]),
)


@settings(deadline=None, max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(REGIONAL_DAYS, max_size=15, unique_by=lambda rd: rd.day))
def test_dump_load_round_trip(tmp_path: Path, days: list[RegionalDay]) -> None:
    target = tmp_path / "round.json"
    dump_regional_days(days, target, sources="测试")
    assert sorted(load_regional_days(target), key=lambda rd: rd.day) == sorted(days, key=lambda rd: rd.day)
    assert sorted(os.listdir(tmp_path)) == ["round.json"]


def test_dump_refuses_an_invalid_calendar_and_keeps_the_old_file(tmp_path: Path) -> None:
    target = tmp_path / "regional_days.json"
    good = [RegionalDay(date(2025, 3, 3), "藏历新年", "བོད་ལོ་གསར་")]
    dump_regional_days(good, target)
    before = target.read_bytes()
    clash = [*good, RegionalDay(date(2025, 3, 3), "上班", "ལས་", frozenset(), "workday")]
    with pytest.raises(CalendarFileError) as info:
        dump_regional_days(clash, target)
    assert any(p.startswith("days[1]:") for p in info.value.problems)
    assert target.read_bytes() == before
    assert sorted(os.listdir(tmp_path)) == ["regional_days.json"]


def test_dump_keeps_permissions_and_is_readable_text(tmp_path: Path) -> None:
    target = tmp_path / "regional_days.json"
    dump_regional_days([RegionalDay(date(2026, 8, 12), "雪顿节", "ཞོ་སྟོན་", frozenset({LHASA}))], target)
    text = target.read_text(encoding="utf-8")
    assert "雪顿节" in text and "ཞོ་སྟོན་" in text  # not \\u-escaped
    doc = json.loads(text)
    assert doc["format"] == FORMAT and doc["region"] == "540000"
    assert doc["days"] == [
        {
            "date": "2026-08-12",
            "kind": "holiday",
            "name": {"zh": "雪顿节", "bo": "ཞོ་སྟོན་"},
            "prefectures": [LHASA],
        }
    ]
    if os.name == "posix":
        assert target.stat().st_mode & 0o777 == 0o644
        target.chmod(0o640)
        dump_regional_days([], target)
        assert target.stat().st_mode & 0o777 == 0o640


def test_national_data_last_year_is_known() -> None:
    from app.workdays import national_data_last_year

    last = national_data_last_year()
    assert last >= 2025
    assert _national_is_workday_known(date(last, 6, 1))


def _national_is_workday_known(d: date) -> bool:
    from app.workdays import _national_is_workday

    return _national_is_workday(d) is not None


def test_a_regional_day_named_with_control_characters_is_refused(tmp_path: Path) -> None:
    doc = {"format": FORMAT, "region": "540000",
           "days": [good_entry(name={"zh": "藏历\x1b[2J新年", "bo": "བོད་ལོ་གསར་"}),
                    good_entry("2025-03-04", name={"zh": "藏历新年", "bo": "བོད་\u202eལོ་"})]}
    with pytest.raises(CalendarFileError) as info:
        load_regional_days(write_json(tmp_path / "ctl.json", doc))
    text = "\n".join(info.value.problems)
    assert "days[0].name.zh" in text and "U+001B" in text and "days[1].name.bo" in text and "U+202E" in text
