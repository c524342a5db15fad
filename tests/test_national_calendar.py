"""The national calendar after chinesecalendar's last year (issue 16, point 16).

chinesecalendar 1.11 knows the State Council's arrangements up to 2026. For a year no official
calendar covers, the station counts the statutory holidays that follow from the law (the
``holidays`` package) and marks that year provisional; the platform publishes the national
calendar (``bianmin-national-days/1``) with ``bianmin-hub publish-calendar``, the station keeps it
in its data directory and it beats both. A hostile file is refused, and nothing stored changes.
"""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import holidays
import pytest

from app.station import Station
from app.store import outbox
from app.workdays import (
    FORMAT,
    NATIONAL_FILE,
    NATIONAL_FORMAT,
    REGIONAL_FILE,
    CalendarFileError,
    WorkCalendar,
    YearSource,
    load_national_days,
    station_calendar,
    statutory_holidays,
    store_calendar_document,
    year_to_warn_about,
)
from hub import cli as hub_cli
from hub import db as hub_db
from sync import engine, protocol
from tests.hubproc import Hub, module_hub

STATION = "540127100000"
hub = module_hub("calendar")


def days(first: date, last: date) -> list[date]:
    return [first + timedelta(days=n) for n in range((last - first).days + 1)]


def national_2027(**change: Any) -> dict[str, Any]:
    """A national calendar for 2027 as the State Council might arrange it (invented for the test):
    the Spring Festival from 除夕 to 初七, Sunday 31 January a make-up working day, no 端午."""
    spring = [{"date": d.isoformat(), "kind": "holiday", "name": {"zh": "春节", "bo": "ལོ་གསར།"}}
              for d in days(date(2027, 2, 5), date(2027, 2, 12))]
    doc: dict[str, Any] = {
        "format": NATIONAL_FORMAT,
        "years": [2027],
        "days": [{"date": "2027-01-01", "kind": "holiday", "name": {"zh": "元旦", "bo": "ཕྱི་ལོ་གསར་པ།"}},
                 *spring,
                 {"date": "2027-01-31", "kind": "workday", "name": {"zh": "春节调休上班", "bo": "ལོ་གསར་ལས་ཀ"}}],
        "sources": "国务院办公厅关于2027年部分节假日安排的通知（测试用）",
    }
    doc.update(change)
    return doc


# -- the law's rule for a year without an official calendar --------------------------------------
def test_2027_counts_the_statutory_holidays_and_is_provisional() -> None:
    cal = WorkCalendar([], None)
    assert cal.year_source(2026) is YearSource.PACKAGE and not cal.is_provisional(date(2026, 12, 31))
    assert cal.year_source(2027) is YearSource.STATUTORY and cal.is_provisional(date(2027, 1, 4))
    # The library knows the lunar dates; the law (as amended in 2024) gives 13 days a year.
    law = holidays.China(years=2027, observed=False, language="zh_CN")
    assert len(law) == 13
    assert law.get(date(2027, 2, 5)) == "农历除夕"
    spring = [d for d, name in law.items() if name in ("农历除夕", "春节")]
    assert sorted(spring) == days(date(2027, 2, 5), date(2027, 2, 8))  # 除夕 to 初三
    # 初一 and 初二 fall on Saturday and Sunday: made up on the next working days (article 6).
    off = set(statutory_holidays(2027))
    assert set(days(date(2027, 2, 5), date(2027, 2, 10))) <= off
    for d in days(date(2027, 2, 5), date(2027, 2, 10)):
        assert not cal.is_workday(d), d
    assert cal.is_workday(date(2027, 2, 4)) and cal.is_workday(date(2027, 2, 11))
    # A deadline across the Spring Festival is later than Monday to Friday would make it.
    assert cal.add_working_days(date(2027, 2, 4), 1) == date(2027, 2, 11)
    assert not cal.is_workday(date(2027, 10, 1)) and not cal.is_workday(date(2027, 5, 3))
    # No make-up working day is guessed: every Saturday and Sunday of 2027 stays a day off.
    assert not any(cal.is_workday(d) for d in days(date(2027, 1, 1), date(2027, 12, 31)) if d.weekday() >= 5)
    # A due date counted across a provisional year is provisional.
    assert cal.span_is_provisional(date(2026, 12, 20), date(2027, 1, 5))
    assert not cal.span_is_provisional(date(2026, 11, 1), date(2026, 12, 31))
    assert not cal.span_is_provisional(date(2026, 12, 31), date(2026, 12, 31))


def test_the_year_ahead_is_warned_about_from_december() -> None:
    cal = WorkCalendar([], None)
    assert year_to_warn_about(cal, date(2026, 11, 30)) is None
    assert year_to_warn_about(cal, date(2026, 12, 1)) == 2027
    assert year_to_warn_about(cal, date(2027, 3, 1)) == 2027  # still none: this year itself
    published = station_with(national_2027())
    assert year_to_warn_about(published, date(2026, 12, 3)) is None
    assert year_to_warn_about(published, date(2027, 12, 3)) == 2028


# -- the published national calendar ---------------------------------------------------------------
def station_with(*docs: Any, home: Path | None = None) -> WorkCalendar:
    import tempfile

    home = home or Path(tempfile.mkdtemp(prefix="calendar-"))
    for doc in docs:
        store_calendar_document(home, doc)
    return station_calendar(home, STATION)


def test_a_published_national_calendar_beats_the_statutory_rule(tmp_path: Path) -> None:
    before = station_calendar(tmp_path, STATION)
    assert not before.is_workday(date(2027, 1, 31)) and not before.is_workday(date(2027, 6, 9))  # 端午 by the law
    assert before.is_provisional(date(2027, 6, 9))

    stored = store_calendar_document(tmp_path, national_2027())
    assert (stored.format, stored.years) == (NATIONAL_FORMAT, (2027,))
    assert json.loads((tmp_path / NATIONAL_FILE).read_text("utf-8"))["format"] == NATIONAL_FORMAT
    cal = station_calendar(tmp_path, STATION)  # read again at once: the file changed
    assert cal.year_source(2027) is YearSource.PUBLISHED and not cal.is_provisional(date(2027, 6, 9))
    assert not cal.is_workday(date(2027, 2, 5)) and not cal.is_workday(date(2027, 2, 12))
    assert cal.is_workday(date(2027, 1, 31))  # the make-up working day, a Sunday
    assert cal.is_workday(date(2027, 6, 9))  # this (invented) arrangement lists no 端午: a plain Wednesday
    assert cal.add_working_days(date(2027, 1, 29), 1) == date(2027, 1, 31)
    # Regional days still come on top (Losar 2027 in the shipped file), and 2026 is chinesecalendar's.
    assert cal.regional_day(date(2027, 2, 13)) is not None and not cal.is_workday(date(2027, 2, 13))
    assert cal.year_source(2026) is YearSource.PACKAGE


def test_a_national_calendar_beats_chinesecalendar_and_years_are_merged(tmp_path: Path) -> None:
    doc_2026 = {"format": NATIONAL_FORMAT, "years": [2026],
                "days": [{"date": "2026-03-02", "kind": "holiday", "name": {"zh": "测试假日", "bo": "ཚོད་ལྟ།"}}]}
    cal = station_with(national_2027(), doc_2026, home=tmp_path)
    assert cal.year_source(2026) is YearSource.PUBLISHED and cal.year_source(2027) is YearSource.PUBLISHED
    assert not cal.is_workday(date(2026, 3, 2))
    assert cal.is_workday(date(2026, 2, 17))  # chinesecalendar's Spring Festival: not in this calendar
    assert cal.is_workday(date(2027, 1, 31))  # 2027 kept when 2026 came
    # A year published again is replaced whole.
    again = national_2027(days=[{"date": "2027-01-01", "kind": "holiday", "name": {"zh": "元旦", "bo": "ཕྱི་ལོ།"}}])
    cal = station_with(again, home=tmp_path)
    assert not cal.is_workday(date(2027, 1, 31)) and cal.is_workday(date(2027, 6, 9))
    assert load_national_days(tmp_path / NATIONAL_FILE).years == {2026, 2027}


def test_the_regional_format_is_still_read(tmp_path: Path) -> None:
    doc = {"format": FORMAT, "region": "540000", "sources": "测试",
           "days": [{"date": "2027-03-03", "kind": "holiday", "name": {"zh": "测试", "bo": "ཚོད་ལྟ།"},
                     "prefectures": []}]}
    stored = store_calendar_document(tmp_path, doc)
    assert stored.format == FORMAT and (tmp_path / REGIONAL_FILE).exists() and not (tmp_path / NATIONAL_FILE).exists()
    cal = station_calendar(tmp_path, STATION)
    assert not cal.is_workday(date(2027, 3, 3)) and cal.is_provisional(date(2027, 3, 3))


def _set_day(n: int, **values: Any) -> dict[str, Any]:
    doc = national_2027()
    doc["days"][n] = {**doc["days"][n], **values}
    return doc


# (document, words of the problem)
HOSTILE: dict[str, tuple[Any, list[str]]] = {
    "not_an_object": (["2027-02-05"], ["expected an object"]),
    "no_format": ({"years": [2027], "days": []}, ["format: expected one of"]),
    "unknown_format": (national_2027(format="bianmin-national-days/9"), ["format"]),
    "no_years": ({k: v for k, v in national_2027().items() if k != "years"}, ["years: missing"]),
    "year_a_boolean": (national_2027(years=[True]), ["years[0]"]),
    "year_far_off": (national_2027(years=[2027, 3000]), ["years[1]", "3000"]),
    "day_outside_its_years": (national_2027(years=[2028]), ["days[0].date", "2028 has no holiday"]),
    "not_a_date": (_set_day(0, date="2027-02-30"), ["days[0].date"]),
    "weekday_make_up_day": (_set_day(-1, date="2027-02-22"), ["days[9]", "weekday"]),
    "duplicate_date": (_set_day(2, date="2027-02-05"), ["days[2].date", "already in days[1]"]),
    "unknown_kind": (_set_day(0, kind="half_day"), ["days[0].kind"]),
    "bidi_name": (_set_day(0, name={"zh": "元\u202e旦", "bo": "ཕྱི་ལོ།"}), ["days[0].name.zh", "U+202E"]),
    "control_name": (_set_day(0, name={"zh": "元旦\x1b[2J", "bo": "ཕྱི་ལོ།"}), ["days[0].name.zh", "U+001B"]),
    "huge_name": (_set_day(0, name={"zh": "元" * 100_000, "bo": "ཕྱི་ལོ།"}), ["days[0].name.zh", "too long"]),
    "no_tibetan_name": (_set_day(0, name={"zh": "元旦"}), ["days[0].name.bo: missing"]),
    "too_many_days": (national_2027(days=[{"date": "2027-01-01"}] * 1000), ["days: 1000 entries"]),
    "unknown_key": (national_2027(stations=["all"]), ["'stations': unknown key"]),
    "sources_with_control": (national_2027(sources="通知\x07"), ["sources", "U+0007"]),
}


@pytest.mark.parametrize("case", list(HOSTILE))
def test_a_hostile_national_calendar_is_refused_and_nothing_changes(tmp_path: Path, case: str) -> None:
    doc, words = HOSTILE[case]
    store_calendar_document(tmp_path, national_2027())  # what the station had
    kept = (tmp_path / NATIONAL_FILE).read_bytes()
    with pytest.raises(CalendarFileError) as caught:
        store_calendar_document(tmp_path, doc)
    text = "\n".join(caught.value.problems)
    for word in words:
        assert word in text, (word, text[:2000])
    assert len(str(caught.value)) < 5_000  # the problems name the place, they do not echo the text
    assert caught.value.code == "calendar.file"
    assert (tmp_path / NATIONAL_FILE).read_bytes() == kept
    assert sorted(p.name for p in tmp_path.iterdir()) == [NATIONAL_FILE]  # no temporary file left behind
    assert station_calendar(tmp_path, STATION).is_workday(date(2027, 1, 31))


# -- through the platform --------------------------------------------------------------------------
def _queue_at_hub(hub: Hub, doc: Any) -> int:
    """An update as a hub without the check holds it (an older hub, another region's platform)."""
    hub_engine = hub_db.make_engine(hub.db_url)
    try:
        return hub_cli._publish(hub_engine, protocol.CALENDAR, doc)
    finally:
        hub_engine.dispose()


def test_the_platform_publishes_the_national_calendar_to_the_station(hub: Hub, station: Station,
                                                                     tmp_path: Path) -> None:
    engine.enrol(station, hub.url, hub.enrol_code(station.station_code))
    assert engine.run_once(station).ok
    assert station.calendar.is_provisional(date(2027, 6, 9)) and not station.calendar.is_workday(date(2027, 6, 9))

    # The platform refuses to publish a hostile file: nothing is queued.
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(_set_day(-1, date="2027-02-22"), ensure_ascii=False), "utf-8")
    proc = hub.run_cli("publish-calendar", str(bad))
    assert proc.returncode == 1 and "未发布" in proc.stderr and "days[9]" in proc.stderr, proc.stderr
    assert engine.run_once(station).pulled == 0

    good = tmp_path / "national_days_2027.json"
    good.write_text(json.dumps(national_2027(), ensure_ascii=False), "utf-8")
    proc = hub.run_cli("publish-calendar", str(good))
    assert proc.returncode == 0 and "全国节假日安排（2027 年" in proc.stdout, proc.stderr
    report = engine.run_once(station)
    assert report.ok and report.pulled == 1, report
    cal = station.calendar
    assert cal.year_source(2027) is YearSource.PUBLISHED
    assert cal.is_workday(date(2027, 1, 31)) and cal.is_workday(date(2027, 6, 9))
    kept = (station.paths.home / NATIONAL_FILE).read_bytes()

    # A hostile calendar that reached the station anyway becomes a notice; nothing changes.
    _queue_at_hub(hub, national_2027(years=[2027], days=[{"date": "2027-02-22", "kind": "workday",
                                                          "name": {"zh": "上\u202e班", "bo": "ལས།"}}]))
    _queue_at_hub(hub, "not a calendar")
    report = engine.run_once(station)
    assert report.ok and report.pulled == 2, report
    notices = [n["body"] for n in outbox.notices(station.db) if n["body"].get("kind") == "calendar_refused"]
    assert len(notices) == 2
    assert notices[0]["format"] == NATIONAL_FORMAT and notices[0]["reason"] == "calendar.file"
    assert any("U+202E" in p for p in notices[0]["problems"])
    assert "\u202e" not in json.dumps(notices, ensure_ascii=False)
    assert (station.paths.home / NATIONAL_FILE).read_bytes() == kept
    assert station.calendar.is_workday(date(2027, 1, 31))


# -- the command line -----------------------------------------------------------------------------
@pytest.mark.parametrize(("today", "published", "warned"), [
    (date(2026, 12, 3), False, 2027),
    (date(2026, 11, 30), False, None),
    (date(2026, 12, 3), True, None),
])
def test_status_warns_about_the_year_ahead(station: Station, monkeypatch: pytest.MonkeyPatch,
                                           capsys: pytest.CaptureFixture[str], today: date, published: bool,
                                           warned: int | None) -> None:
    from bianmin import cli
    from tests.conftest import ADMIN_PASSWORD

    home = station.paths.home
    station.close()
    if published:
        store_calendar_document(home, national_2027())
    monkeypatch.setenv("BIANMIN_HOME", str(home))
    monkeypatch.setenv("BIANMIN_PASSWORD", ADMIN_PASSWORD)
    monkeypatch.setattr(Station, "today", lambda self: today)
    assert cli.main(["status", "-u", "admin", "--json"]) == 0
    info = json.loads(capsys.readouterr().out)
    assert info["calendar"]["provisional_year"] == warned
    assert info["calendar"]["years"]["2027"] == ("published" if published else "statutory")
    assert cli.main(["status", "-u", "admin"]) == 0
    text = capsys.readouterr().out
    assert ("尚无 2027 年的全国节假日安排" in text) is (warned is not None), text
