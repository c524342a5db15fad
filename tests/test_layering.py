"""Arrows point inward (DESIGN.md §3, docs/architecture.md).

The rules are import-linter's contracts in ``pyproject.toml`` (``lint-imports``, also in ``make
test``): they read every import, those inside functions too. A second line, at run time: app, sync
and printing import without Qt; app and printing without HTTP.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_the_import_contracts_hold() -> None:
    """bianmin > ui > printing | sync > app; the hub apart; Qt only in ui; HTTP only in sync and hub."""
    linter = Path(sys.executable).parent / "lint-imports"
    command = str(linter) if linter.exists() else shutil.which("lint-imports")
    assert command, "import-linter is not installed (pip install -e '.[test]')"
    proc = subprocess.run([command], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stdout + proc.stderr


SCRIPT = """
import importlib, pkgutil, sys
for pkg in ("app", "printing"):
    mod = importlib.import_module(pkg)
    for info in pkgutil.walk_packages(mod.__path__, pkg + "."):
        if not info.name.endswith("__main__"):
            importlib.import_module(info.name)
bad = sorted(m for m in sys.modules if m.split(".")[0] in ("PySide6", "shiboken6", "PyQt5", "PyQt6"))
http = sorted(m for m in sys.modules if m.split(".")[0] in ("requests", "httpx", "urllib3", "aiohttp"))
print("QT", bad)
print("HTTP", http)
"""


def test_core_packages_import_without_qt_or_http() -> None:
    proc = subprocess.run([sys.executable, "-c", SCRIPT], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    lines = dict(line.split(" ", 1) for line in proc.stdout.strip().splitlines())
    assert lines["QT"] == "[]"
    assert lines["HTTP"] == "[]"  # only sync/ and hub/ speak HTTP


def test_sync_imports_without_qt() -> None:
    script = ("import importlib, pkgutil, sys, sync\n"
              "for info in pkgutil.walk_packages(sync.__path__, 'sync.'):\n"
              "    importlib.import_module(info.name)\n"
              "print(sorted(m for m in sys.modules if m.startswith('PySide6')))")
    proc = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "[]"


def test_no_print_in_library_code() -> None:
    offenders = []
    for pkg in ("app", "sync", "printing", "hub", "bianmin"):
        for path in (ROOT / pkg).rglob("*.py"):
            for n, line in enumerate(path.read_text("utf-8").splitlines(), 1):
                if line.lstrip().startswith("print("):
                    offenders.append(f"{path.relative_to(ROOT)}:{n}")
    assert offenders == []
