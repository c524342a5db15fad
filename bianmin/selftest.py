"""``bianmin --self-test``: what a county IT officer runs after installing the program.

In a temporary directory, never the station's own data: make a throw-away station (real
SQLCipher, real Argon2), import the bundled sample catalogue and search it, accept a case through
the real services, print its receipt in Chinese and in Tibetan, enrol with a stand-in platform
started on loopback (``sync.loopback``) and sync over real HTTP, verify the journal, and remove
everything. The window's part (Qt reads the receipt back, ``ui.selftest``) is passed in by the
command line (``bianmin.cli.window``) as an extra step. ``sync`` and ``printing`` are imported
inside the steps, so that a build missing one of them fails that step and names what is missing.

Every step reports a code, whether it worked, how long it took and details made of codes and
numbers only (no personal data: the self-test's applicant is invented anyway).
"""

from __future__ import annotations

import logging
import random
import secrets
import shutil
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from app.config import Paths

log = logging.getLogger(__name__)

STATION_CODE = "540127100000"  # a real township code of the sample region; the station is thrown away


@dataclass
class Step:
    code: str  # station, catalogue, case, receipt, sync, journal, cleanup (and the entry point's own)
    ok: bool
    seconds: float = 0.0
    detail: dict[str, Any] = field(default_factory=dict)
    error: str = ""  # the exception's type, or a code


@dataclass
class Context:
    """What the steps share; an extra step reads ``receipts`` and ``case_no``."""

    root: Path
    station: Any = None  # app.station.Station
    case_no: str = ""
    receipts: dict[str, Path] = field(default_factory=dict)
    hub: Any = None  # sync.loopback.LoopbackHub


StepFn = Callable[[Context], dict[str, Any]]


def _station(ctx: Context) -> dict[str, Any]:
    from app.station import Station

    paths = Paths(ctx.root / "station")
    password = secrets.token_urlsafe(12)
    station, _recovery = Station.init(paths, station_code=STATION_CODE, station_name="自检服务站",
                                      admin_login="selftest", admin_password=password)
    station.close()
    ctx.station = Station.open(paths, "selftest", password, check="quick")  # logging in unwraps the key again
    head = paths.database.read_bytes()[:16]
    if head.startswith(b"SQLite format 3"):
        raise AssertionError("store_not_encrypted")
    return {"encrypted": True}


def _catalogue(ctx: Context) -> dict[str, Any]:
    from app.services import catalogue

    version = catalogue.import_sample(ctx.station)
    hits = {q: len(catalogue.search(ctx.station, q, limit=5)) for q in ("户口", "hukou", "hk")}
    if not all(hits.values()):
        raise AssertionError("search_found_nothing")
    return {"items": version.items, "bundles": version.bundles, "hits": sum(hits.values())}


def _case(ctx: Context) -> dict[str, Any]:
    from app.models import (
        Decision,
        Delivery,
        DeliveryMethod,
        HandlingMode,
        IntakeRequest,
        MaterialEntry,
        MaterialForm,
        MaterialState,
    )
    from app.services import cases, catalogue
    from bianmin.demo.cases import person

    station = ctx.station
    item = next(i for i in catalogue.list_items(station) if not i.instant)
    entries = [MaterialEntry(line.item_code, line.material.code, MaterialState.received, form=MaterialForm.copy,
                             count=max(1, line.material.copies))
               for line in cases.checklist(station, [item.code], None)]
    applicant = person(random.Random(7), station.station_code, station.today())
    offered = catalogue.delivery_offered([item])
    request = IntakeRequest(applicant=applicant, mode=HandlingMode.assisted, decision=Decision.accept,
                            item_codes=[item.code], materials=entries, window="自检",
                            delivery=Delivery(method=DeliveryMethod(offered[0])))
    case = cases.submit(station, request)
    ctx.case_no = case.case_no
    return {"case_no": case.case_no, "status": case.status.value, "item": item.code}


def _receipt(ctx: Context) -> dict[str, Any]:
    from printing import print_document

    sizes = {}
    for lang in ("zh", "bo"):
        out = ctx.root / f"receipt-{lang}.pdf"
        print_document(ctx.station, "receipt", ctx.case_no, paper="a4", lang=lang, out=out)
        data = out.read_bytes()
        if not data.startswith(b"%PDF-") or b"%%EOF" not in data[-64:]:
            raise AssertionError(f"receipt_{lang}_not_a_pdf")
        if b"/FontFile2" not in data:  # the bundled fonts are embedded, or the receipt prints boxes
            raise AssertionError(f"receipt_{lang}_fonts_not_embedded")
        ctx.receipts[lang] = out
        sizes[lang] = len(data)
    return {"bytes": sizes}


def _sync(ctx: Context) -> dict[str, Any]:
    from app.models import CaseStatus
    from app.services import cases
    from sync import engine
    from sync.loopback import LoopbackHub
    from sync.status import LinkState

    station = ctx.station
    ctx.hub = LoopbackHub().start()
    engine.enrol(station, ctx.hub.url, ctx.hub.code)
    report = engine.run_once(station)
    if not report.ok:
        raise AssertionError(f"sync_{report.error}")
    got = ctx.hub.received
    if got.rejected or report.rejected:
        raise AssertionError("events_rejected")
    if got.chain_breaks:
        raise AssertionError("chain_broken_at_hub")
    link = engine.status(station)  # the sync.status.SyncStatus the window and `bianmin sync status` show
    if link.state is not LinkState.online:
        raise AssertionError(f"sync_state_{link.state}")
    if link.waiting:
        raise AssertionError("events_left_unsent")
    status = cases.get_case(station, ctx.case_no, log_access=False).status
    if status is not CaseStatus(ctx.hub.status_update):  # the platform's status came back and applied
        raise AssertionError("platform_status_not_applied")
    return {"pushed": report.pushed, "pulled": report.pulled, "signed_requests": got.signed_requests,
            "status": status.value}


def _journal(ctx: Context) -> dict[str, Any]:
    from app.services.verify import verify
    from app.store import journal as journal_store

    events = journal_store.count(ctx.station.db)
    at_hub = len(ctx.hub.received.events) if ctx.hub else 0
    if at_hub != events:
        raise AssertionError("hub_lacks_events")
    report = verify(ctx.station)
    if not report.ok:
        raise AssertionError("journal_broken")
    return {"events": report.events}


STEPS: tuple[tuple[str, StepFn], ...] = (
    ("station", _station), ("catalogue", _catalogue), ("case", _case), ("receipt", _receipt),
    ("sync", _sync), ("journal", _journal),
)


def _timed(code: str, fn: StepFn, ctx: Context) -> Step:
    started = time.perf_counter()
    try:
        detail = fn(ctx)
        return Step(code, True, time.perf_counter() - started, detail)
    except AssertionError as exc:
        return Step(code, False, time.perf_counter() - started, error=str(exc))
    except ImportError as exc:  # a part missing from the build: name it for whoever made the build
        log.exception("self-test step %s failed", code)
        return Step(code, False, time.perf_counter() - started, error=f"{type(exc).__name__}: {exc}"[:200])
    except Exception as exc:  # the self-test reports every fault rather than stopping at it
        log.exception("self-test step %s failed", code)
        return Step(code, False, time.perf_counter() - started, error=type(exc).__name__)


def _cleanup(ctx: Context) -> dict[str, Any]:
    if ctx.hub is not None:
        ctx.hub.stop()
    if ctx.station is not None:
        ctx.station.close()
    shutil.rmtree(ctx.root)
    if ctx.root.exists():
        raise AssertionError("files_left_behind")
    return {}


def run(extra: Sequence[tuple[str, StepFn]] = (), report: Callable[[Step], None] | None = None,
        parent: Path | None = None) -> list[Step]:
    """Every step in order; a step after a failed one is not run (it would fail for the same
    reason). ``extra`` steps run after the receipt; cleanup always runs."""
    ctx = Context(Path(tempfile.mkdtemp(prefix="bianmin-selftest-", dir=parent)))
    steps: list[Step] = []
    plan = list(STEPS)
    at = next(i for i, (code, _) in enumerate(plan) if code == "receipt") + 1
    plan[at:at] = list(extra)
    for code, fn in plan:
        step = _timed(code, fn, ctx) if all(s.ok for s in steps) else Step(code, False, error="skipped")
        steps.append(step)
        if report:
            report(step)
    final = _timed("cleanup", _cleanup, ctx)
    steps.append(final)
    if report:
        report(final)
    return steps
