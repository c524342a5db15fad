"""``bianmin ratings``: the 差评 work list on the command line, its rectification and revisit, and the
station's 差评整改期限 (``bianmin settings set rectify_days N``)."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date

import pytest

from app.services import cases
from app.station import Station
from tests.conftest import ADMIN_PASSWORD
from tests.helpers import request

Run = Callable[..., tuple[int, str, str]]  # the command line's arguments -> (exit code, stdout, stderr)


def entries(out: str) -> dict[str, list[str]]:
    """The listed work items: case number -> the words of its second line (level, 整改期限, state)."""
    lines = out.splitlines()[1:]
    return {first.split()[0]: second.split() for first, second in zip(lines[::2], lines[1::2], strict=True)}


@pytest.fixture
def cli(station: Station, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> Run:
    from bianmin import cli as bianmin_cli

    monkeypatch.setenv("BIANMIN_HOME", str(station.paths.home))
    monkeypatch.setenv("BIANMIN_PASSWORD", ADMIN_PASSWORD)
    monkeypatch.setenv("BIANMIN_USER", "admin")

    def run(*args: str) -> tuple[int, str, str]:
        code = bianmin_cli.main(list(args))
        got = capsys.readouterr()
        return code, got.out, got.err

    return run


def test_the_work_list_its_rectification_and_revisit(station: Station, cli: Run,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    run = cli
    first = cases.submit(station, request(station)).case_no
    cases.evaluate(station, first, "dissatisfied", reasons=["slow"])
    second = cases.submit(station, request(station)).case_no
    cases.evaluate(station, second, "very_dissatisfied", reasons=["attitude"])
    good = cases.submit(station, request(station)).case_no
    cases.evaluate(station, good, "satisfied")
    due = cases.facts_of(station, first).rectify_due
    assert due is not None
    station.close()
    monkeypatch.setattr(Station, "today", lambda self: date.fromisoformat(due))

    code, out, err = run("ratings")
    assert code == 0, err
    assert out.splitlines()[0] == "差评待整改回访 2 件"
    assert f"{first}  扎西顿珠  " in out and good not in out
    assert entries(out) == {first: ["不满意", "整改期限", due, "待整改"],
                            second: ["非常不满意", "整改期限", due, "待整改"]}

    code, out, err = run("ratings", "--json")
    assert code == 0, err
    listed = json.loads(out)
    assert listed["total"] == 2
    levels = {r["case_no"]: (r["level"], r["rectify_due"], r["overdue"]) for r in listed["ratings"]}
    assert levels == {first: ("dissatisfied", due, False), second: ("very_dissatisfied", due, False)}

    # the day after the due date, a 差评 not rectified is overdue
    monkeypatch.setattr(Station, "today", lambda self: date.fromisoformat("2026-12-31"))
    code, out, _ = run("ratings")
    assert code == 0 and entries(out)[first][-1] == "已超期未整改"

    # refusals in the clerk's words
    code, _, err = run("ratings", "revisit", first, "--result", "satisfied", "--method", "phone")
    assert code == 1 and "差评尚未整改，请先记录整改情况再回访" in err
    code, _, err = run("ratings", "rectify", first, "--note", "  ")
    assert code == 1 and "不能为空" in err
    code, _, err = run("ratings", "rectify", good, "--note", "整改")
    assert code == 1 and "该办件没有差评" in err
    code, _, err = run("ratings", "rectify", "5401271000000000000", "--note", "整改")
    assert code == 1 and "找不到办件" in err

    code, out, err = run("ratings", "rectify", first, "--note", "已对窗口人员进行业务培训")
    assert code == 0, err
    assert f"已记录办件 {first} 的差评整改" in out
    code, _, err = run("ratings", "rectify", first, "--note", "再次整改")
    assert code == 1 and "已记录整改" in err
    code, out, _ = run("ratings")
    assert code == 0 and entries(out)[first][-1] == "已整改，待回访"  # rectified: no longer overdue
    assert entries(out)[second][-1] == "已超期未整改"

    code, out, err = run("ratings", "revisit", first, "--result", "basically_satisfied", "--method", "window",
                         "--note", "申请人来窗口时表示认可")
    assert code == 0, err
    assert "基本满意（来窗口时回访）" in out
    code, _, err = run("ratings", "revisit", first, "--result", "satisfied", "--method", "phone")
    assert code == 1 and "已回访" in err

    code, out, _ = run("ratings")
    assert code == 0 and out.splitlines()[0] == "差评待整改回访 1 件" and list(entries(out)) == [second]
    code, out, _ = run("ratings", "list", "--all", "--json")
    assert code == 0
    every = {r["case_no"]: r for r in json.loads(out)["ratings"]}
    assert set(every) == {first, second}
    assert (every[first]["revisit_result"], every[first]["revisit_method"]) == ("basically_satisfied", "window")
    assert every[first]["rectify_note"] == "已对窗口人员进行业务培训" and every[second]["revisited_at"] is None
    code, out, _ = run("ratings", "--all")
    assert code == 0 and out.splitlines()[0] == "差评 2 件" and "已回访：基本满意（来窗口时回访）" in out

    with pytest.raises(SystemExit):  # not a result the core knows: argparse says which ones are
        run("ratings", "revisit", second, "--result", "happy", "--method", "phone")


def test_settings_set_rectify_days(station: Station, cli: Run) -> None:
    run = cli
    station.close()
    code, out, err = run("settings", "set", "rectify_days", "8")
    assert code == 0, err
    code, out, _ = run("settings", "show", "--json")
    assert code == 0 and json.loads(out)["rectify_days"] == 8
    code, _, err = run("settings", "set", "rectify_days", "31")
    assert code == 1 and "rectify_days" in err and "超出允许范围" in err
