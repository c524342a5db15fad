"""``bianmin --self-test`` and the stand-in platform it syncs with (``sync.loopback``).

The built program runs the same self-test in CI (``make dist-check``)."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

import pytest

from app.errors import HubRefused
from app.journal import GENESIS, event_hash
from bianmin import selftest
from bianmin.cli import main
from sync import protocol
from sync.client import HubClient
from sync.loopback import LoopbackHub

STEPS = ["station", "catalogue", "case", "receipt", "window", "sync", "journal", "cleanup"]


@pytest.fixture
def scratch(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Temporary files go here, and the station's own data directory is somewhere else."""
    temp = tmp_path / "tmp"
    temp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    monkeypatch.setenv("BIANMIN_HOME", str(tmp_path / "home"))
    return temp


def test_self_test_passes_and_leaves_nothing_behind(qapp: Any, scratch: Path, capsys: pytest.CaptureFixture[str],
                                                    tmp_path: Path) -> None:
    assert main(["--self-test", "--verbose"]) == 0
    out = capsys.readouterr().out
    assert out.count("[通过]") == len(STEPS), out
    assert "自检通过" in out
    assert '"status": "in_progress"' in out  # the platform's status came back over HTTP and applied
    assert list(scratch.iterdir()) == []  # the throw-away station, receipts and all are gone
    assert not (tmp_path / "home").exists()  # the station's own data directory was never touched


def test_a_failed_step_stops_the_rest_and_still_cleans_up(scratch: Path) -> None:
    seen: list[selftest.Step] = []

    def broken(ctx: selftest.Context) -> dict[str, Any]:
        assert ctx.receipts and ctx.case_no  # runs after the receipt, with what it made
        raise RuntimeError("the window's libraries are broken")

    steps = selftest.run([("window", broken)], report=seen.append)
    assert [s.code for s in steps] == STEPS == [s.code for s in seen]
    by_code = {s.code: s for s in steps}
    assert [by_code[c].ok for c in ("station", "catalogue", "case", "receipt")] == [True] * 4
    assert not by_code["window"].ok and by_code["window"].error == "RuntimeError"
    assert by_code["sync"].error == by_code["journal"].error == "skipped"
    assert by_code["cleanup"].ok
    assert list(scratch.iterdir()) == []


def test_cli_says_which_step_failed(scratch: Path, capsys: pytest.CaptureFixture[str],
                                    monkeypatch: pytest.MonkeyPatch) -> None:
    def no_catalogue(ctx: selftest.Context) -> dict[str, Any]:
        raise AssertionError("search_found_nothing")

    monkeypatch.setattr(selftest, "STEPS", tuple((c, no_catalogue if c == "catalogue" else f)
                                                 for c, f in selftest.STEPS))
    assert main(["--self-test"]) == 1
    out = capsys.readouterr().out
    assert "[失败] 导入并检索示例事项清单" in out and "search_found_nothing" in out
    assert "[未运行] 通过业务服务受理一件办件" in out
    assert "自检未通过" in out
    assert list(scratch.iterdir()) == []


def _events(station: str, n: int) -> list[dict[str, Any]]:
    out, prev = [], GENESIS
    for seq in range(1, n + 1):
        body = {"seq": seq, "event_id": f"{station}-{seq}", "station": station, "case_no": None,
                "type": "station.verified", "at": "2026-11-22T10:00:00+08:00", "operator": "selftest",
                "device": "d1", "payload": {"ok": True}}
        h = event_hash(prev, body)
        out.append({**body, "prev_hash": prev, "hash": h})
        prev = h
    return out


def test_loopback_platform_checks_signatures_hashes_and_chain() -> None:
    code = "540127100000"
    key = protocol.new_device_key()
    with LoopbackHub() as hub:
        client = HubClient(hub.url, code, key)
        with pytest.raises(HubRefused):
            client.enrol("wrong-code", "自检服务站", protocol.public_bytes(key))
        client.enrol(hub.code, "自检服务站", protocol.public_bytes(key))
        events = _events(code, 3)
        assert [r["status"] for r in client.push(events[:2])] == ["stored", "stored"]
        assert [r["status"] for r in client.push(events[:2])] == ["duplicate", "duplicate"]
        forged = {**events[2], "payload": {"ok": False}}  # altered after it was hashed
        assert client.push([forged])[0] == {"event_id": forged["event_id"], "seq": 3, "status": "rejected",
                                            "reason": "bad_hash"}
        assert hub.received.chain_breaks == 0
        # a stranger's key signs for this station: refused, nothing stored
        stranger = HubClient(hub.url, code, protocol.new_device_key())
        with pytest.raises(HubRefused) as refused:
            stranger.push([events[2]])
        assert refused.value.details.get("reason") == "bad_signature"
        assert len(hub.received.events) == 2
        # an event that does not follow the last one received is noticed
        gap = _events(code, 5)[4]
        assert client.push([gap])[0]["status"] == "stored"
        assert hub.received.chain_breaks == 1
