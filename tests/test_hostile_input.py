"""Text that is no text (issue 12, point 9), and output paths that are no files (point 11).

Control characters, bidi overrides and the like are refused wherever a clerk types (or a file
brings) text into a case, with a sentence saying so; what was stored before the check is shown
escaped on the terminal and still prints. ``print --out`` writes only regular files and asks
before replacing one.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from app.errors import ValidationError
from app.messages import describe
from app.models import (
    CrossRegion,
    Decision,
    Delivery,
    DeliveryMethod,
    HandlingMode,
    IntakeRequest,
    Refusal,
)
from app.services import cases
from app.station import Station
from app.textcheck import find_bad, is_clean, visible
from printing import render_for
from tests.conftest import ADMIN_PASSWORD
from tests.helpers import RESIDENCE_PROOF, missing, request

ROOT = Path(__file__).resolve().parent.parent

ESC, NUL, RLO, LRI, CSI8 = "\x1b", "\x00", "\u202e", "\u2066", "\x9b"


# -- the checker ---------------------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "扎西顿珠", "བཀྲ་ཤིས་དོན་གྲུབ", "𠮷顿珠", "Zoe\u0308", "葛\U000E0100", "क्\u200dष", "می\u200cخواهم", "O'Brien-Smith",
    "\u200fسلام", "\ue000",
])
def test_real_names_of_every_script_are_text(text: str) -> None:
    assert is_clean(text) and visible(text) == text


@pytest.mark.parametrize("text,code", [
    ("a\x00b", "U+0000"), ("a\x1b[2Jb", "U+001B"), ("a\x7fb", "U+007F"), ("a\x85b", "U+0085"), ("a\x9bb", "U+009B"),
    ("ab\u202e", "U+202E"), ("\u202ax", "U+202A"), ("\u2066x\u2069", "U+2066"), ("a\nb", "U+000A"),
    ("a\rb", "U+000D"), ("a\u2028b", "U+2028"), ("a\ud800b", "U+D800"), ("a\ufdd0b", "U+FDD0"), ("a\uffffb", "U+FFFF"),
    ("a\U0001fffeb", "U+1FFFE"), ("a\ufeffb", "U+FEFF"), ("a\tb", "U+0009"),
])
def test_controls_and_overrides_are_not(text: str, code: str) -> None:
    bad = find_bad(text)
    assert bad is not None and bad.code_point == code
    shown = visible(text)
    assert is_clean(shown) and "\\" in shown


def test_newlines_only_where_a_field_has_lines() -> None:
    assert is_clean("第一行\n第二行", multiline=True)
    assert not is_clean("第一行\r\n第二行", multiline=True)
    assert not is_clean("第一行\n\x1b", multiline=True)


# -- intake ----------------------------------------------------------------------------------------
Setter = Callable[[IntakeRequest, str], None]


def _set_applicant_name(r: IntakeRequest, t: str) -> None:
    r.applicant.name = "扎西" + t + "顿珠"


FIELDS: list[tuple[str, Setter, str]] = [
    ("applicant.name", _set_applicant_name, ESC),
    ("applicant.name", _set_applicant_name, NUL),
    ("applicant.name", _set_applicant_name, RLO),
    ("applicant.name", _set_applicant_name, "\n"),
    ("applicant.name_bo", lambda r, t: setattr(r.applicant, "name_bo", "བཀྲ་ཤིས" + t), ESC),
    ("applicant.address.village", lambda r, t: setattr(r.applicant.address, "village", "帮堆" + t + "村"), LRI),
    ("applicant.address.detail", lambda r, t: setattr(r.applicant.address, "detail", t + "12号"), CSI8),
    ("delivery.address", lambda r, t: setattr(r.delivery, "address", "拉萨市" + t), NUL),
    ("delivery.recipient", lambda r, t: setattr(r.delivery, "recipient", "卓玛" + t), ESC),
    ("window", lambda r, t: setattr(r, "window", "1号" + t), ESC),
    ("note", lambda r, t: setattr(r, "note", "备注\n" + t), ESC),
    ("note", lambda r, t: setattr(r, "note", t + "abc"), RLO),
]


@pytest.mark.parametrize("field,setter,bad", FIELDS, ids=[f"{f}-U+{ord(b):04X}" for f, _s, b in FIELDS])
def test_intake_refuses_control_characters_in_every_typed_field(station: Station, field: str, setter: Setter,
                                                                bad: str) -> None:
    req = request(station)
    setter(req, bad)
    with pytest.raises(ValidationError) as caught:
        cases.submit(station, req)
    problems = caught.value.details["problems"]
    assert {"field": field, "problem": "control_characters", "detail": f"U+{ord(bad):04X}"} in problems
    text = describe(caught.value)
    assert "控制字符" in text and f"U+{ord(bad):04X}" in text
    assert cases.count_cases(station) == 0


def test_agent_refusal_commitment_material_and_cross_region_texts(station: Station) -> None:
    proxy = request(station, mode=HandlingMode.proxy)
    assert proxy.agent is not None
    proxy.agent.name = "次仁" + ESC
    proxy.agent.authorisation.scope = "代为申请" + RLO
    with pytest.raises(ValidationError) as caught:
        cases.submit(station, proxy)
    fields = {p["field"] for p in caught.value.details["problems"]}
    assert {"agent.name", "agent.authorisation.scope"} <= fields

    refusal = request(station, Decision.refuse, refusal=Refusal(
        reason="不属于本机关职权\n" + ESC, review_authority="县人民政府", court="县人民法院" + NUL))
    with pytest.raises(ValidationError) as caught:
        cases.submit(station, refusal)
    fields = {p["field"] for p in caught.value.details["problems"]}
    assert fields == {"refusal.reason", "refusal.court"}

    promise = request(station, Decision.commitment, items=[RESIDENCE_PROOF], commitment_text="本人承诺" + RLO)
    with pytest.raises(ValidationError) as caught:
        cases.submit(station, promise)
    assert [p["field"] for p in caught.value.details["problems"]] == ["commitment_text"]

    notice = request(station, Decision.correction_notice, except_={"M-BANK-CARD": missing()},
                     correction_due=station.today().replace(day=28))
    notice.materials[-1].note = "缺" + ESC
    with pytest.raises(ValidationError) as caught:
        cases.submit(station, notice)
    assert [p["field"] for p in caught.value.details["problems"]][-1].endswith(".note")

    cross = request(station, cross_region=CrossRegion(intake_site="", handling_site="540102000000",
                                                      handling_site_name="城关区" + ESC))
    with pytest.raises(ValidationError) as caught:
        cases.submit(station, cross)
    assert [p["field"] for p in caught.value.details["problems"]] == ["cross_region.handling_site_name"]
    assert cases.count_cases(station) == 0


def test_text_of_every_script_and_lines_in_notes_are_taken_in(station: Station) -> None:
    req = request(station, note="第一行\n第二行，क्\u200dष")
    req.applicant.name = "𠮷顿珠"
    req.applicant.name_bo = "བཀྲ་ཤིས་དོན་གྲུབ"
    case = cases.submit(station, req)
    assert case.applicant.name == "𠮷顿珠" and case.applicant.name_bo == "བཀྲ་ཤིས་དོན་གྲུབ"
    refused = cases.submit(station, request(station, Decision.refuse, refusal=Refusal(
        reason="申请事项不属于本机关职权范围。\n请向县自然资源局申请。", review_authority="县人民政府",
        court="县人民法院")))
    assert refused.refusal is not None and "\n" in refused.refusal.reason


def test_the_window_shows_the_problem_at_the_field(station: Station) -> None:
    req = request(station)
    req.applicant.name = "扎西" + ESC
    problems = cases.people_problems(req.applicant, req.mode, req.agent, station.today())
    assert problems == [{"field": "applicant.name", "problem": "control_characters", "detail": "U+001B"}]


def test_after_intake_texts_are_checked_too_but_the_platforms_word_is_kept(station: Station) -> None:
    case = cases.submit(station, request(station))
    with pytest.raises(ValidationError):
        cases.withdraw(station, case.case_no, "申请人撤回" + ESC)
    with pytest.raises(ValidationError):
        cases.record_trip(station, case.case_no, "补交" + NUL)
    with pytest.raises(ValidationError):
        cases.evaluate(station, case.case_no, "dissatisfied", reasons=["等待" + RLO])
    cases.set_status(station, case.case_no, cases.CaseStatus.in_progress, note="平台" + ESC, source="platform")
    cases.set_status(station, case.case_no, cases.CaseStatus.concluded, outcome=cases.Outcome.approved)
    with pytest.raises(ValidationError):
        cases.deliver(station, case.case_no, method=DeliveryMethod.counter, recipient="扎西" + ESC)
    assert cases.get_case(station, case.case_no).status is cases.CaseStatus.concluded


# -- text stored before the check ------------------------------------------------------------------
STORED_NAME = "扎西" + ESC + "[2J" + RLO + "顿珠"


def _stored_before_the_check(station: Station) -> str:
    """A case whose applicant's name holds an ESC and an RLO, as an older program let in."""
    case = cases.submit(station, request(station))
    with station.db.transaction():
        station.db.execute("UPDATE cases SET applicant_name = ?, applicant = json_set(applicant, '$.name', ?) "
                           "WHERE case_no = ?", (STORED_NAME, STORED_NAME, case.case_no))
    assert cases.get_case(station, case.case_no).applicant.name == STORED_NAME
    return case.case_no


def _cli(station: Station, *args: str, stdin: int | None = subprocess.DEVNULL) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("BIANMIN_")}
    env.update(BIANMIN_HOME=str(station.paths.home), BIANMIN_USER="admin", BIANMIN_PASSWORD=ADMIN_PASSWORD)
    return subprocess.run([sys.executable, "-m", "bianmin", *args], cwd=ROOT, env=env, capture_output=True, text=True,
                          stdin=stdin, timeout=300)


def test_the_terminal_gets_stored_control_characters_escaped(station: Station) -> None:
    case_no = _stored_before_the_check(station)
    station.close()
    for args in (["case", "list"], ["case", "search", case_no], ["case", "show", case_no],
                 ["case", "list", "--json"], ["case", "show", case_no, "--json"]):
        proc = _cli(station, *args)
        assert proc.returncode == 0, proc.stderr
        assert ESC not in proc.stdout and RLO not in proc.stdout, args
        if "--json" not in args:
            assert "扎西\\x1b[2J\\u202e顿珠" in proc.stdout, (args, proc.stdout)
    listed = json.loads(_cli(station, "case", "list", "--json").stdout)
    assert listed[0]["applicant_name"] == STORED_NAME  # the JSON still says exactly what is stored


def test_a_stored_control_character_does_not_stop_printing(station: Station) -> None:
    case_no = _stored_before_the_check(station)
    data, _copy = render_for(station, "receipt", case_no, paper="a4", lang="zh")
    text = subprocess.run(["pdftotext", "-", "-"], input=data, capture_output=True, check=True).stdout.decode()
    assert "扎西[2J顿珠" in text.replace(" ", "")


# -- print --out ---------------------------------------------------------------------------------
@pytest.fixture
def printable_case(station: Station) -> tuple[Station, str]:
    case = cases.submit(station, request(station, delivery=Delivery()))
    station.close()
    return station, case.case_no


def test_print_refuses_a_path_that_is_not_a_regular_file(printable_case: tuple[Station, str],
                                                         tmp_path: Path) -> None:
    station, case_no = printable_case
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    folder = tmp_path / "folder.pdf"
    folder.mkdir()
    link = tmp_path / "link.pdf"
    link.symlink_to("/dev/null")
    for target in ("/dev/null", str(fifo), str(folder), str(link)):
        proc = _cli(station, "print", "receipt", case_no, "--out", target, "--force")
        assert proc.returncode == 2, proc.stderr
        assert "不是普通文件" in proc.stderr
    assert Path("/dev/null").is_char_device() and fifo.is_fifo() and folder.is_dir() and link.is_symlink()


def test_print_asks_before_replacing_a_file(printable_case: tuple[Station, str], tmp_path: Path) -> None:
    station, case_no = printable_case
    out = tmp_path / "receipt.pdf"
    out.write_text("keep me")
    proc = _cli(station, "print", "receipt", case_no, "--out", str(out))
    assert proc.returncode == 2 and "--force" in proc.stderr
    assert out.read_text() == "keep me"

    for answer, replaced in (("n\n", False), ("y\n", True)):
        controller, terminal = os.openpty()
        try:
            os.write(controller, answer.encode())
            proc = _cli(station, "print", "receipt", case_no, "--out", str(out), stdin=terminal)
        finally:
            os.close(controller)
            os.close(terminal)
        assert "已存在" in proc.stdout, proc.stdout + proc.stderr
        assert (out.read_bytes()[:5] == b"%PDF-") is replaced, proc.stderr
        assert proc.returncode == (0 if replaced else 2)

    out.write_text("replace me")
    proc = _cli(station, "print", "receipt", case_no, "--out", str(out), "--force")
    assert proc.returncode == 0 and out.read_bytes()[:5] == b"%PDF-"
    fresh = tmp_path / "new.pdf"
    assert _cli(station, "print", "receipt", case_no, "--out", str(fresh)).returncode == 0
    assert fresh.read_bytes()[:5] == b"%PDF-"


def test_station_setup_and_operators_refuse_control_characters_and_a_wrong_year(tmp_path: Path) -> None:
    from datetime import datetime

    from app.clock import CHINA_TZ, FixedClock
    from app.config import Paths
    from app.errors import ClockImplausible, ValidationError
    from app.models import Role
    from app.station import Station
    from tests.conftest import ADMIN_PASSWORD, FAST_KDF, STATION_CODE

    def init(home: str, name: str, year: int) -> Station:
        return Station.init(Paths(tmp_path / home), station_code=STATION_CODE, station_name=name,
                            admin_login="admin", admin_password=ADMIN_PASSWORD, kdf=FAST_KDF,
                            clock=FixedClock(datetime(year, 11, 18, 10, 0, tzinfo=CHINA_TZ)))[0]

    with pytest.raises(ValidationError):
        init("a", "工卡镇\x1b[2J便民服务中心", 2026)
    with pytest.raises(ClockImplausible):
        init("b", "工卡镇便民服务中心", 2099)
    with pytest.raises(ClockImplausible):
        init("c", "工卡镇便民服务中心", 1970)
    assert not (tmp_path / "b" / "station.db").exists()
    station = init("d", "工卡镇便民服务中心", 2026)
    with pytest.raises(ValidationError):
        station.add_operator("zhuoma", "卓玛\u202e", Role.clerk, "clerk-pass-01")
    assert [o.login for o in station.operators()] == ["admin"]
    station.close()
