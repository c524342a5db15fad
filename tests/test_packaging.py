"""What ships beside the built program: the Linux desktop entry, the icons, the installer, and
the build stamp the About box and ``--version`` read. (CI builds the program itself and runs its
self-test: ``make dist-check``.)"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from app.buildinfo import build_info

ROOT = Path(__file__).resolve().parent.parent
LINUX = ROOT / "packaging" / "linux"
SIZES = (16, 24, 32, 48, 64, 128, 256)


def test_desktop_entry_is_valid_and_names_the_program() -> None:
    entry = LINUX / "bianmin.desktop"
    proc = subprocess.run(["desktop-file-validate", str(entry)], capture_output=True, text=True)
    assert proc.returncode == 0 and proc.stdout.strip() == "", proc.stdout + proc.stderr
    fields = dict(line.split("=", 1) for line in entry.read_text("utf-8").splitlines() if "=" in line)
    assert fields["Exec"] == "/opt/bianmin/bianmin" and fields["Icon"] == "bianmin"
    assert fields["Terminal"] == "false" and fields["StartupWMClass"] == "bianmin"
    assert fields["Name"] == "便民服务台" and fields["Name[bo]"]


def test_icons_exist_in_every_size_and_the_window_uses_them(qapp: Any) -> None:
    from PySide6.QtGui import QImage

    from ui.main import program_icon

    for size in SIZES:
        image = QImage(str(ROOT / "resources" / "icons" / f"bianmin-{size}.png"))
        assert (image.width(), image.height()) == (size, size)
    assert (ROOT / "resources" / "icons" / "bianmin.ico").stat().st_size > 0
    assert {s.width() for s in program_icon().availableSizes()} == set(SIZES)


def _fake_build(where: Path, version: str) -> Path:
    """A one-folder build as build.spec lays it out, with a program that only answers the self-test."""
    folder = where / "bianmin"
    (folder / "_internal").mkdir(parents=True)
    (folder / "_internal" / "version").write_text(version)
    program = folder / "bianmin"
    program.write_text(f'#!/bin/sh\necho "self-test of {version}: $*"\n')
    program.chmod(0o755)
    shutil.copy2(LINUX / "install.sh", folder / "install.sh")
    shutil.copy2(LINUX / "bianmin.desktop", folder / "bianmin.desktop")
    shutil.copytree(ROOT / "resources" / "icons", folder / "icons")
    return folder


def test_installer_installs_then_upgrades_keeping_the_previous_program(tmp_path: Path) -> None:
    root = tmp_path / "root"
    env = {"DESTDIR": str(root), "PATH": "/usr/bin:/bin"}
    for version in ("0.1.0", "0.2.0"):
        folder = _fake_build(tmp_path / version, version)
        proc = subprocess.run(["sh", str(folder / "install.sh")], env=env, capture_output=True, text=True)
        assert proc.returncode == 0, proc.stderr
        assert f"self-test of {version}: --self-test" in proc.stdout  # the installer ends with the self-test
    assert (root / "opt/bianmin/_internal/version").read_text() == "0.2.0"
    assert (root / "opt/bianmin.previous/_internal/version").read_text() == "0.1.0"
    assert not (root / "opt/bianmin.new").exists()
    assert (root / "usr/local/bin/bianmin").readlink() == Path("/opt/bianmin/bianmin")
    desktop = (root / "usr/share/applications/bianmin.desktop").read_text("utf-8")
    assert "Exec=/opt/bianmin/bianmin" in desktop
    for size in SIZES:
        assert (root / f"usr/share/icons/hicolor/{size}x{size}/apps/bianmin.png").is_file()


def test_installer_refuses_to_run_outside_a_build(tmp_path: Path) -> None:
    lone = tmp_path / "lone"
    lone.mkdir()
    shutil.copy2(LINUX / "install.sh", lone / "install.sh")
    proc = subprocess.run(["sh", str(lone / "install.sh")], env={"DESTDIR": str(tmp_path / "root"),
                                                                   "PATH": "/usr/bin:/bin"},
                          capture_output=True, text=True)
    assert proc.returncode == 2 and "找不到 bianmin 程序" in proc.stderr
    assert not (tmp_path / "root").exists()


def test_build_stamp_is_read_and_a_source_run_says_so(tmp_path: Path) -> None:
    stamp = tmp_path / "build.json"
    stamp.write_text(json.dumps({"version": "0.1.0", "built_at": "2026-11-22T09:30:00+08:00", "commit": "abc1234"}))
    info = build_info(stamp)
    assert info.built_at == "2026-11-22T09:30:00+08:00"
    assert info.line() == "bianmin 0.1.0, built 2026-11-22T09:30:00+08:00 (abc1234)"
    source = build_info(tmp_path / "missing.json")
    assert source.built_at is None and source.line() == "bianmin 0.1.0, source"
    stamp.write_text("{not json")
    assert build_info(stamp).built_at is None  # a damaged stamp does not stop the program


def test_version_option_prints_the_build_line(capsys: pytest.CaptureFixture[str]) -> None:
    from bianmin.cli import main

    with pytest.raises(SystemExit) as done:
        main(["--version"])
    assert done.value.code == 0
    assert capsys.readouterr().out.strip() == build_info().line()
