"""One table of labels for every code shown to a person (issue 14, point 6): ``app/labels.py``.

The window (``ui/labels.py``, through Qt's translators), the station's command line, the hub's
command line and the printed documents name a code with the same Chinese, and the printed documents
with the window's Tibetan. Before, ``received`` read 已收件 in the window but 已接收 in the hub's
command line, and 办理部门 had one Tibetan word on screen and another on the printed guide.
"""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from enum import Enum
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.orm import Session

from app import labels
from app.guide import GuideField
from app.identity import IdType
from app.journal import EventType
from app.models import (
    AgentRelation,
    CaseStatus,
    Decision,
    DeliveryMethod,
    Handling,
    HandlingMode,
    ItemType,
    MaterialForm,
    MaterialState,
    Outcome,
    PartyKind,
    Role,
)
from app.services import cases
from app.station import Station
from app.workdays import DueState
from printing.documents import Kind
from printing.layout import Paper
from sync.protocol import Rejection
from sync.status import LinkState
from tests.helpers import DIBAO, request

ROOT = Path(__file__).resolve().parent.parent

SHOWN: tuple[type[Enum], ...] = (
    CaseStatus, Decision, HandlingMode, AgentRelation, PartyKind, MaterialState, MaterialForm, DeliveryMethod,
    Outcome, Role, Handling, ItemType, DueState, IdType, EventType, Kind, Paper, Rejection, LinkState, GuideField,
)
AUTHORISATION_KINDS = ("written", "notarised", "statutory", "village_certified")  # Authorisation.kind
TIBETAN = re.compile(r"[\u0f00-\u0fff]")
HAN = re.compile(r"[\u4e00-\u9fff]")


def pdf_text(data: bytes) -> str:
    return subprocess.run(["pdftotext", "-", "-"], input=data, capture_output=True, check=True).stdout.decode()


def flat(text: str) -> str:
    """Text without white space: a printed cell may wrap anywhere."""
    return re.sub(r"\s+", "", text)


def window_tibetan(qapp: Any, source: str) -> str:
    """What the window shows for a name of the table with the Tibetan translation installed."""
    from PySide6.QtCore import QCoreApplication, QTranslator

    from ui.i18n import translations_dir

    translator = QTranslator()
    assert translator.load(str(translations_dir() / "bianmin_bo.qm"))
    QCoreApplication.installTranslator(translator)
    try:
        return QCoreApplication.translate(labels.CONTEXT, source)
    finally:
        QCoreApplication.removeTranslator(translator)


@pytest.mark.parametrize("member", [m for enum in SHOWN for m in enum], ids=lambda m: f"{type(m).__name__}.{m.name}")
def test_every_code_shown_to_a_person_has_one_name(member: Enum) -> None:
    assert labels.has_label(member), f"{type(member).__name__}.{member.name} has no name in app/labels.py"
    assert HAN.search(labels.source_text(member))


def test_the_table_is_the_one_lupdate_reads_and_the_ts_knows() -> None:
    """Every name is one marked source text of the context "Labels" (none built at run time)."""
    tree = ast.parse(Path(labels.__file__).read_text("utf-8"))
    marked = {call.args[1].value for call in ast.walk(tree)
              if isinstance(call, ast.Call) and isinstance(call.func, ast.Name) and call.func.id == "QT_TRANSLATE_NOOP"
              and isinstance(call.args[0], ast.Constant) and call.args[0].value == "Labels"
              and isinstance(call.args[1], ast.Constant)}
    names = {text for table in labels.LABELS.values() for text in table.values()}
    assert names == marked
    assert all(labels.has_label(kind, "AuthorisationKind") for kind in AUTHORISATION_KINDS)
    assert labels.tibetan("已收件") and TIBETAN.search(labels.tibetan("已收件") or "")


def test_received_reads_the_same_in_the_window_and_both_command_lines(qapp: Any, tmp_path: Path) -> None:
    from bianmin.cli import common as station_cli
    from hub import db
    from ui.labels import label

    assert label(CaseStatus.received) == "已收件"
    assert station_cli.STATUS_ZH["received"] == "已收件"

    url = f"sqlite:///{tmp_path / 'hub.db'}"

    def hub_cli(*args: str) -> str:  # the real command, in a process of its own (it sets up logging)
        proc = subprocess.run([sys.executable, "-m", "hub.cli", "--db", url, *args], cwd=ROOT, capture_output=True,
                              text=True, timeout=120)
        assert proc.returncode == 0, proc.stderr
        return proc.stdout

    hub_cli("db", "upgrade")
    engine = db.make_engine(url)
    try:
        with Session(engine) as session:
            session.add(db.Case(case_no="54012710000020261118000001", station="540127100000", status="received",
                                items='["最低生活保障申请"]', applicant_name="扎西", updated_at=db.utcnow()))
            session.commit()
    finally:
        engine.dispose()
    listed = hub_cli("cases")
    assert "已收件" in listed and "已接收" not in listed, listed


def test_the_printed_receipt_names_codes_as_the_window_does(qapp: Any, station: Station) -> None:
    from printing import render_for
    from ui.labels import label

    case_no = cases.submit(station, request(station, mode=HandlingMode.proxy)).case_no
    zh_text = flat(pdf_text(render_for(station, "receipt", case_no, paper="a4", lang="zh")[0]))
    bo_text = flat(pdf_text(render_for(station, "receipt", case_no, paper="a4", lang="bo")[0]))
    for code, kind in ((HandlingMode.proxy, None), (AgentRelation.work_team, None), ("written", "AuthorisationKind")):
        chinese = label(code, kind)
        assert chinese == labels.source_text(code, kind)
        assert flat(chinese) in zh_text, chinese
        tibetan = window_tibetan(qapp, chinese)
        assert TIBETAN.search(tibetan), (chinese, tibetan)
        assert flat(tibetan) in bo_text, (chinese, tibetan)


def test_department_has_the_same_tibetan_on_screen_and_on_the_printed_guide(qapp: Any, station: Station) -> None:
    from app.guide import guide_for
    from printing import guide as printed_guide
    from ui.labels import label

    assert label(GuideField.department) == "办理部门"
    on_screen = window_tibetan(qapp, "办理部门")
    assert TIBETAN.search(on_screen), f"办理部门 has no Tibetan in the context Labels: {on_screen}"
    assert labels.tibetan("办理部门") == on_screen  # what the documents read without Qt
    printed = flat(pdf_text(printed_guide.render(guide_for(station, "item", DIBAO), Paper.a4, "bo")))
    assert flat(on_screen) in printed
    assert "ལས་སྒྲུབ་ལས་ཁུངས" not in printed  # the printed guide's own word of before
