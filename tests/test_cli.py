"""The command line as an administrator uses it, on real files, in separate processes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
PASSWORD = "Station-Admin-2026"


def run(home: Path, *args: str, password: str | None = PASSWORD, extra_env: dict[str, str] | None = None,
        check: bool = True) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("BIANMIN_")}
    env["BIANMIN_HOME"] = str(home)
    if password is not None:
        env["BIANMIN_PASSWORD"] = password
    env.update(extra_env or {})
    proc = subprocess.run([sys.executable, "-m", "bianmin", *args], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=300, stdin=subprocess.DEVNULL)
    if check:
        assert proc.returncode == 0, proc.stderr + proc.stdout
    return proc


def as_json(proc: subprocess.CompletedProcess[str]) -> Any:
    return json.loads(proc.stdout)


@pytest.fixture(scope="module")
def demo_home(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    home = tmp_path_factory.mktemp("cli") / "station"
    out = run(home, "init", "--station-code", "540127100000", "--station-name", "工卡镇便民服务中心", "--admin",
              "admin", "--json")
    recovery = as_json(out)["recovery_code"]
    run(home, "demo", "--cases", "120")
    return home, recovery


def test_init_prints_recovery_code_once_and_demo_fills_the_store(demo_home: tuple[Path, str]) -> None:
    home, recovery = demo_home
    assert len(recovery.replace("-", "")) == 24
    listed = as_json(run(home, "case", "list", "--json", "--limit", "500"))
    assert len(listed) >= 110
    assert all("*" in row["id_masked"] for row in listed)
    assert recovery not in "".join(p.read_text("utf-8", errors="replace") for p in home.rglob("*") if p.is_file())


def test_status_verify_and_case_show(demo_home: tuple[Path, str]) -> None:
    home, _ = demo_home
    status = as_json(run(home, "status", "--json"))
    assert status["station_code"] == "540127100000" and status["cases"] >= 110
    assert as_json(run(home, "verify", "--json"))["ok"] is True
    first = as_json(run(home, "case", "list", "--json", "--limit", "1"))[0]["case_no"]
    shown = as_json(run(home, "case", "show", first, "--json"))
    assert shown["case"]["case_no"] == first
    assert shown["journal"][0]["type"] == "case.received"
    human = run(home, "case", "show", first).stdout
    assert "办件编号" in human and first in human


def test_catalogue_commands(demo_home: tuple[Path, str], tmp_path: Path) -> None:
    home, _ = demo_home
    hits = as_json(run(home, "catalogue", "search", "zdshbz", "--json"))
    assert hits and hits[0]["code"] == "540000-XZGF-0003"
    shown = as_json(run(home, "catalogue", "show", "540000-XZGF-0003", "--json"))
    assert shown["materials"] and shown["version"] == "2026.11"
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "bianmin-catalogue/1", "version": "x", "items": [{}]}', "utf-8")
    proc = run(home, "catalogue", "import", str(bad), check=False)
    assert proc.returncode == 1
    assert "未导入任何内容" in proc.stderr and "$.items[0]" in proc.stderr
    assert len(as_json(run(home, "catalogue", "versions", "--json"))) == 1


def test_wrong_password_is_a_clear_message(demo_home: tuple[Path, str]) -> None:
    home, _ = demo_home
    proc = run(home, "status", password="not-the-password", check=False)
    assert proc.returncode == 1
    assert "密码错误" in proc.stderr and "Traceback" not in proc.stderr
    proc = run(home, "status", password=None, check=False)
    assert proc.returncode == 2 and "BIANMIN_PASSWORD" in proc.stderr
    run(home, "operator", "unlock", "admin")


def test_operators_recover_rekey_backup_restore(tmp_path: Path) -> None:
    home = tmp_path / "s"
    recovery = as_json(run(home, "init", "--station-code", "540127100000", "--station-name", "站", "--admin", "admin",
                           "--no-sample-catalogue", "--json"))["recovery_code"]
    run(home, "operator", "add", "zhuoma", "--name", "卓玛", extra_env={"BIANMIN_NEW_PASSWORD": "Clerk-Pass-01"})
    ops = as_json(run(home, "operator", "list", "--json"))
    assert {o["login"]: o["role"] for o in ops} == {"admin": "admin", "zhuoma": "clerk"}
    proc = run(home, "operator", "add", "x", "--user", "zhuoma", password="Clerk-Pass-01",
               extra_env={"BIANMIN_NEW_PASSWORD": "whatever-123"}, check=False)
    assert proc.returncode == 1 and "管理员" in proc.stderr
    backup = tmp_path / "station.bmbak"
    run(home, "backup", str(backup))
    run(home, "rekey")
    run(home, "status", "--user", "zhuoma", password="Clerk-Pass-01")
    # The admin forgets the password; the recovery code sets a new one.
    run(home, "recover", "--user", "admin", password=None,
        extra_env={"BIANMIN_RECOVERY_CODE": recovery, "BIANMIN_NEW_PASSWORD": "New-Admin-Pass-1"})
    run(home, "status", password="New-Admin-Pass-1")
    # Restore the backup taken before the rekey (with the passwords of that time).
    run(home, "restore", str(backup))
    run(home, "verify", password=PASSWORD)
    garbage = tmp_path / "garbage.bmbak"
    garbage.write_bytes(b"not a backup at all")
    proc = run(home, "restore", str(garbage), check=False)
    assert proc.returncode == 1 and "备份文件无法使用" in proc.stderr


def test_no_station_yet_is_a_clear_message(tmp_path: Path) -> None:
    proc = run(tmp_path / "nothing", "status", check=False)
    assert proc.returncode == 1 and "bianmin init" in proc.stderr


def _needles(home: Path) -> list[str]:
    """Names, ID numbers and item names that the demo put into the store (read through the program)."""
    listed = as_json(run(home, "case", "list", "--json", "--limit", "500"))
    needles: set[str] = set()
    for row in listed[:60]:
        case = as_json(run(home, "case", "show", row["case_no"], "--json"))["case"] if len(needles) < 40 else None
        if case:
            needles.update({case["applicant"]["name"], case["applicant"]["id_number"], case["applicant"]["phone"]})
            if case["applicant"].get("name_bo"):
                needles.add(case["applicant"]["name_bo"])
            if case["agent"]:
                needles.update({case["agent"]["name"], case["agent"]["id_number"]})
        needles.update(i for i in row["items"].split("、") if i)
    return sorted(n for n in needles if n and len(n.encode("utf-8")) >= 6)


def test_nothing_personal_is_on_disk_in_clear(demo_home: tuple[Path, str]) -> None:
    home, _ = demo_home
    run(home, "backup", str(home / "backups" / "manual.bmbak"))
    needles = _needles(home)
    assert len(needles) >= 20
    files = [p for p in home.rglob("*") if p.is_file()]
    assert any(p.name.endswith("-wal") or p.name == "station.db" for p in files)
    for path in files:
        data = path.read_bytes()
        for needle in needles:
            assert needle.encode("utf-8") not in data, f"{needle!r} in clear in {path.name}"


def test_print_command_and_station_language(demo_home: tuple[Path, str], tmp_path: Path) -> None:
    home, _ = demo_home
    case_no = as_json(run(home, "case", "list", "--json", "--limit", "1"))[0]["case_no"]
    first = tmp_path / "r1.pdf"
    out = run(home, "print", "receipt", case_no, "--paper", "80mm", "--out", str(first)).stdout
    assert "副本" not in out and first.read_bytes().startswith(b"%PDF")
    assert oct(first.stat().st_mode & 0o777) == "0o600"
    run(home, "settings", "set", "language", "bo")
    assert as_json(run(home, "settings", "show", "--json"))["language"] == "bo"
    second = tmp_path / "r2.pdf"
    out = run(home, "print", "receipt", case_no, "--paper", "a5", "--out", str(second)).stdout
    assert "第 2 次打印" in out
    text = subprocess.run(["pdftotext", str(second), "-"], capture_output=True, text=True).stdout
    assert "ཁས་ལེན་ལག་ཁྱེར།" in text and "副本" in text
    bad = run(home, "settings", "set", "paper", "a6", check=False)
    assert bad.returncode == 1 and "paper" in bad.stderr
    run(home, "settings", "set", "language", "zh")
    journal = as_json(run(home, "case", "show", case_no, "--json"))["journal"]
    assert [e["type"] for e in journal].count("case.reprinted") == 1
