"""The Tibetan translation covers every text of the window, and the compiled .qm is current."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
TS = ROOT / "resources" / "translations" / "bianmin_bo.ts"
QM = ROOT / "resources" / "translations" / "bianmin_bo.qm"
BIN = Path(sys.executable).parent
PLACEHOLDER = re.compile(r"\{[a-z_]*\}|%\d")


def _messages(ts: Path) -> list[tuple[str, str, ET.Element]]:
    root = ET.parse(ts).getroot()
    return [(ctx.findtext("name") or "", m.findtext("source") or "", m.find("translation"))  # type: ignore[misc]
            for ctx in root.iter("context") for m in ctx.iter("message")]


@pytest.fixture(scope="module")
def fresh_ts(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The committed .ts brought up to date with the sources, as `make translations` would."""
    out = tmp_path_factory.mktemp("ts") / "bianmin_bo.ts"
    shutil.copy(TS, out)
    subprocess.run([str(BIN / "pyside6-lupdate"), "-extensions", "py", "-no-obsolete", "-locations", "none",
                    "-source-language", "zh_CN", "-target-language", "bo_CN", "ui", "app/messages.py", "app/labels.py",
                    "-ts", str(out)], cwd=ROOT, check=True, capture_output=True, timeout=120)
    return out


def test_every_text_of_the_window_has_a_tibetan_translation(fresh_ts: Path) -> None:
    untranslated = [f"{ctx}: {src}" for ctx, src, tr in _messages(fresh_ts)
                    if tr is None or tr.get("type") in ("unfinished", "vanished", "obsolete") or not (tr.text or "")]
    assert untranslated == [], f"{len(untranslated)} texts without Tibetan (run make translations):\n" + \
        "\n".join(untranslated[:40])


def test_translations_keep_placeholders_and_are_tibetan() -> None:
    problems = []
    for ctx, src, tr in _messages(TS):
        text = (tr.text or "") if tr is not None else ""
        if not text:
            continue
        if sorted(PLACEHOLDER.findall(src)) != sorted(PLACEHOLDER.findall(text)):
            problems.append(f"{ctx}: {src} -> {text}")
        if re.search(r"[\u4e00-\u9fff]", src) and not re.search(r"[\u0f00-\u0fff]", text):
            problems.append(f"{ctx}: {src} -> {text} (no Tibetan)")
    assert problems == []


def test_the_compiled_qm_is_the_current_ts(tmp_path: Path) -> None:
    out = tmp_path / "bo.qm"
    subprocess.run([str(BIN / "pyside6-lrelease"), "-silent", str(TS), "-qm", str(out)], check=True, timeout=60)
    assert out.read_bytes() == QM.read_bytes(), "run make translations"
