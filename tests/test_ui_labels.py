"""Every code shown to a person has a name from one table, ui/labels.py (issue 13, point 9).

The reprint menu showed ``deferral_notice``, ``refusal_notice``…; the case history "打印receipt";
the refused-records list "case.accepted". Every enum of the core that reaches the screen is walked
here, and the menus and lists that showed codes are opened.
"""

from __future__ import annotations

import re
from datetime import date
from enum import Enum
from typing import Any

import pytest

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
from tests.helpers import deferred, request
from tests.uikit import close_window, open_window, wait_idle

SHOWN: tuple[type[Enum], ...] = (
    CaseStatus, Decision, HandlingMode, AgentRelation, PartyKind, MaterialState, MaterialForm, DeliveryMethod,
    Outcome, Role, Handling, ItemType, DueState, IdType, EventType, Kind, Paper, Rejection, LinkState,
)
CODE = re.compile(r"[a-z]+_[a-z_]+|\b[a-z]{3,}\b|case\.")  # what a code looks like (snake_case, a bare word)
TIBETAN = re.compile(r"[\u0f00-\u0fff]")


def members() -> list[Enum]:
    return [m for enum in SHOWN for m in enum]


@pytest.mark.parametrize("member", members(), ids=lambda m: f"{type(m).__name__}.{m.name}")
def test_every_code_shown_to_a_person_has_a_name(qapp: Any, member: Enum) -> None:
    from ui.labels import has_label, label

    assert has_label(member), f"{type(member).__name__}.{member.name} has no name in ui/labels.py"
    name = label(member)
    assert name and name != str(member.value)
    assert not CODE.search(name), name


def test_every_rating_and_link_sentence_has_a_name(qapp: Any) -> None:
    from ui.labels import has_label, label, link_advice

    for level in cases.EVALUATION_LEVELS:
        assert has_label(level, "Evaluation") and not CODE.search(label(level, "Evaluation"))
    for state in LinkState:
        assert has_label(state, "LinkAdvice")
        said = link_advice(state)
        assert said != label(state) and not CODE.search(said), said
    for reason in ("bad_signature", "unknown_station", "stale", "tls", "unsupported_version", "replayed", ""):
        said = link_advice(LinkState.refused, reason)
        assert said and not CODE.search(said), (reason, said)


def test_the_refused_records_list_names_the_record_and_the_reason(qtbot: Any) -> None:
    from ui.sync_panel import QuarantineDialog
    from ui.tasks import TaskRunner

    refused = [{"seq": 7, "case_no": "540127100000202601050001", "type": "case.accepted", "reason": "bad_hash"},
               {"seq": 8, "case_no": None, "type": "case.reprinted", "reason": "seq_taken"}]
    runner = TaskRunner()
    try:
        from sync.status import LinkState, SyncStatus

        status = SyncStatus(state=LinkState.refused, enrolled=True, hub_url="http://hub", waiting=2, sent=0,
                            quarantined=refused, deferred_updates=0, last_attempt="", last_success="",
                            last_error="", last_error_reason="", failures=0, notices=0, attachments_waiting=0)
        dialog = QuarantineDialog(runner, lambda: status, lambda _seqs: 0)
        qtbot.addWidget(dialog)
        qtbot.waitUntil(lambda: dialog.table.rowCount() == 2, timeout=5000)
        cells = [dialog.table.item(r, c).text() for r in range(2) for c in (2, 3)]
        assert cells[0] == "受理决定" and cells[2] == "补打文书"
        assert all(cell and not CODE.search(cell) for cell in cells), cells
    finally:
        runner.stop()


def _menu_texts(page: Any) -> list[str]:
    return [a.text() for a in page.print_menu.actions()]


def test_the_reprint_menu_and_the_history_name_documents_in_the_interface_language(
        qtbot: Any, station: Station) -> None:
    from ui.labels import label

    req = request(station, Decision.deferred_material, except_={"M-INCOME-STATEMENT": deferred(date(2026, 11, 25))})
    case_no = cases.submit(station, req).case_no
    cases.record_print(station, case_no, "receipt", "a4")
    cases.record_print(station, case_no, "deferral", "a4")
    cases.record_print(station, case_no, "deferral", "a4")  # a reprint
    window = open_window(qtbot, station)
    try:
        window.show_case(case_no)
        page = window.case_detail
        qtbot.waitUntil(lambda: page.view is not None, timeout=10_000)
        wait_idle(qtbot, window.session)
        kinds = list(page.view.documents)
        assert {"receipt", "deferral"} <= set(kinds)
        texts = _menu_texts(page)
        assert texts == [label(Kind(k)) for k in kinds]
        assert "受理凭证" in texts and "容缺受理通知书" in texts
        for text in texts:
            assert not CODE.search(text), texts
        history = page.timeline_texts()
        assert any("  打印受理凭证（" in t for t in history), history
        assert any("  补打容缺受理通知书（副本 1）" in t for t in history), history
        for text in history:
            assert not re.search(r"[a-z]+_[a-z_]+|case\.", text), text

        window.toggle_language()  # Tibetan: the menu follows without reopening the case
        qtbot.waitUntil(lambda: all(TIBETAN.search(t) for t in _menu_texts(page)), timeout=5000)
        for text in _menu_texts(page):
            assert not CODE.search(text) and not re.search(r"[\u4e00-\u9fff]", text), text
    finally:
        close_window(window)
