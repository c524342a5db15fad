"""Revoking an overdue 容缺 acceptance (issue 16, point 5): the deferral notice and the applicant's
pledge say an acceptance is revoked when a deferred material is not supplied in time; an
administrator can now do it, with a reason, journaled (``case.acceptance_revoked``), the case
closed, its notice printed, and the event accepted and projected by a real hub."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
import requests

from app.clock import FixedClock
from app.errors import DecisionNotAllowed, InvalidTransition, PermissionDenied, ValidationError
from app.journal import EventType
from app.models import CaseStatus, Decision, MaterialForm, Role
from app.services import cases
from app.station import Station
from printing import print_document
from sync import engine
from tests.helpers import deferred, request
from tests.hubproc import Hub
from tests.test_devices_sync import _cli_env


def _deferred_case(station: Station) -> str:
    return cases.submit(station, request(station, Decision.deferred_material,
                                         except_={"M-INCOME-STATEMENT": deferred(date(2026, 11, 20))})).case_no


def _after_due(station: Station) -> None:
    assert isinstance(station.clock, FixedClock)
    station.clock.advance(days=5)  # Monday 23 November: the material was due on Friday 20th


def test_an_administrator_revokes_an_overdue_deferred_acceptance_and_prints_the_notice(
        station: Station, tmp_path: Path) -> None:
    case_no = _deferred_case(station)
    with pytest.raises(DecisionNotAllowed) as info:  # not overdue yet
        cases.revoke_acceptance(station, case_no, "逾期未补交")
    assert info.value.details["reason"] == "nothing_overdue"
    _after_due(station)
    assert [m.material_code for m in cases.overdue_deferred(station, cases.get_case(station, case_no))] == \
        ["M-INCOME-STATEMENT"]
    with pytest.raises(ValidationError):
        cases.revoke_acceptance(station, case_no, "  ")
    case = cases.revoke_acceptance(station, case_no, "逾期未补交家庭收入说明，经电话告知仍未补交")
    assert case.status is CaseStatus.revoked
    last = cases.case_journal(station, case_no)[-1]
    assert last.type == EventType.revoked and last.payload["note"].startswith("逾期未补交")
    assert last.payload["from"] == "accepted" and last.payload["to"] == "revoked"
    with pytest.raises(InvalidTransition):  # closed: nothing follows
        cases.set_status(station, case_no, CaseStatus.in_progress)
    with pytest.raises(InvalidTransition):
        cases.supply_material(station, case_no, "540000-XZGF-0003", "M-INCOME-STATEMENT", form=MaterialForm.original)

    for lang in ("zh", "bo"):
        pdf = tmp_path / f"revocation-{lang}.pdf"
        print_document(station, "revocation", case_no, paper="a4", lang=lang, out=pdf)
        text = " ".join(subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                                       check=True).stdout.split())
        assert "撤销受理决定通知书" in text and "经电话告知仍未补交" in text
        assert "家庭收入及财产情况说明" in text and "2026年11月20日" in text  # the material and its due date
        assert "2026年11月18日" in text and "2026年11月23日" in text  # accepted on, revoked (issued) on
        assert "行政复议" in text and "签收日期" in text
        if lang == "bo":
            assert "ལེན་པའི་ཐག་གཅོད་མེད་པར་བཟོ་བའི་བརྡ་ཁྱབ།" in text


def test_a_clerk_may_not_revoke(station: Station) -> None:
    from tests.conftest import FAST_KDF

    admin = station
    admin.add_operator("zhuoma", "卓玛", Role.clerk, "clerk-pass-2026")
    case_no = _deferred_case(admin)
    clock = admin.clock
    assert isinstance(clock, FixedClock)
    clock.advance(days=5)
    clerk = Station.open(admin.paths, "zhuoma", "clerk-pass-2026", kdf=FAST_KDF, clock=clock)
    try:
        assert clerk.operator.role is Role.clerk
        with pytest.raises(PermissionDenied):
            cases.revoke_acceptance(clerk, case_no, "逾期未补交")
        assert cases.get_case(clerk, case_no).status is CaseStatus.accepted
    finally:
        clerk.close()


def test_the_revocation_reaches_the_platform_and_the_command_line_does_it(station: Station, hub: Hub) -> None:
    engine.enrol(station, hub.url, hub.quick_code(station.station_code))
    case_no = _deferred_case(station)
    assert engine.run_once(station).ok
    _after_due(station)
    env = _cli_env(station)
    done = subprocess.run([sys.executable, "-m", "bianmin", "case", "revoke", case_no, "--reason", "逾期未补交"],
                          capture_output=True, text=True, timeout=120, env=env, stdin=subprocess.DEVNULL)
    # The child's clock is the machine's (today is later than the due date too).
    assert done.returncode == 0, done.stderr
    assert "已撤销" in done.stdout and "bianmin print revocation" in done.stdout
    station.db.close()
    again = Station.open(station.paths, "admin", env["BIANMIN_PASSWORD"], kdf=station.kdf, clock=station.clock)
    try:
        assert cases.get_case(again, case_no).status is CaseStatus.revoked
        report = engine.run_once(again)
        assert report.ok and report.rejected == 0, report
        listed = hub.run_cli("cases", "--station", again.station_code, "--json", check=True)
        at_hub = {c["case_no"]: c for c in json.loads(listed.stdout)}
        assert at_hub[case_no]["status"] == "revoked"
    finally:
        again.close()
    assert requests  # (the hub answered over real HTTP through the engine)
