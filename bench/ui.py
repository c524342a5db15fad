"""Window benchmark: start-up, login, the case list and its search on a large station, memory.

    .venv/bin/python bench/ui.py [--cases N] [--cache DIR] [--fresh] [--json-out FILE]

Figures and targets: a fresh process to the login screen <= 1.5 s, login to the dashboard
<= 0.5 s, opening the case list with 200,000 cases <= 0.5 s, a search in it <= 100 ms, and peak
memory with 200,000 cases <= 300 MB (ru_maxrss of the process that shows the window). Offscreen
platform. Prints a table of figure / measured / target; it never asserts.

Generating 200,000 cases through the real services takes minutes, so the generated station is
kept in a cache directory keyed by its parameters (``--fresh`` makes it again). The station
uses a cheap Argon2id setting: unlocking a key slot is not what is measured.
"""

from __future__ import annotations

import sys
import time

_T0 = time.perf_counter()  # the child's own start (the parent measures from spawning it)

from pathlib import Path  # noqa: E402

REPO_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO_ROOT))

import argparse  # noqa: E402
import json  # noqa: E402
import os  # noqa: E402
import resource  # noqa: E402
import statistics  # noqa: E402
import subprocess  # noqa: E402
from typing import Any  # noqa: E402

from bench.common import LOGIN, PASSWORD, cache_root, emit, kdf, prepare_station  # noqa: E402

GEN_SEED = 2026
BATCH = 500
CACHE_VERSION = 2  # 2: case numbers carry the device, at most 900 generated cases a day
TARGETS = {
    "startup_s": 1.5,
    "login_s": 0.5,
    "open_list_s": 0.5,
    "search_ms": 100.0,
    "peak_rss_mb": 300.0,
}


# -- the station (generated once, then cached: bench.common) --------------------------------------
def station_home(cache: Path, n: int) -> Path:
    return cache / f"cases{n}-seed{GEN_SEED}-batch{BATCH}-v{CACHE_VERSION}"


# -- the window, in a child process ------------------------------------------------------------
def _window(home: Path) -> tuple[Any, Any, Any]:
    """QApplication, session and main window on the station at ``home`` (login screen shown)."""
    from PySide6.QtWidgets import QApplication

    from app.config import Paths
    from ui.i18n import Appearance
    from ui.session import Session
    from ui.window import MainWindow

    app = QApplication.instance() or QApplication(["bianmin-bench"])
    appearance = Appearance(app)  # type: ignore[arg-type]
    session = Session(Paths(home), kdf=kdf())
    window = MainWindow(session, appearance)
    window.show()
    return app, session, window


class Waiter:
    """Waits on the event loop (no busy loop: the worker's results wake it) until a condition holds."""

    def __init__(self, app: Any) -> None:
        from PySide6.QtCore import QTimer

        self.app = app
        self.tick = QTimer()
        self.tick.setInterval(20)

    def until(self, cond: Any, timeout: float = 120.0) -> float:
        """Seconds it took; raises TimeoutError."""
        from PySide6.QtCore import QEventLoop

        t0 = time.perf_counter()
        self.tick.start()
        try:
            while not cond():
                if time.perf_counter() - t0 > timeout:
                    raise TimeoutError("condition not met")
                self.app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)
        finally:
            self.tick.stop()
        return time.perf_counter() - t0


def phase_startup(home: Path) -> dict[str, Any]:
    app, _session, window = _window(home)
    waiter = Waiter(app)
    waiter.until(lambda: window.login_page.isVisible() and window.login_page.login_edit.isVisible())
    return {"child_s": time.perf_counter() - _T0}


def _sample_queries(session: Any, waiter: Waiter, n: int) -> list[tuple[str, str, str]]:
    """(kind, text, case_no) made from cases really in the store, spread over it."""
    from pypinyin import Style, lazy_pinyin

    from app.services import cases

    out: list[Any] = []

    def pick(st: Any) -> list[Any]:
        total = cases.count_cases(st)
        found = []
        for k in range(n):
            cursor = max(2, int(total * (k + 0.5) / n))
            page = cases.find_cases(st, limit=1, cursor=cursor)
            if page.rows:
                found.append(cases.get_case(st, page.rows[0].case_no, log_access=False))
        return found

    session.run(pick, out.append)
    waiter.until(lambda: bool(out))
    queries: list[tuple[str, str, str]] = []
    for case in out[0]:
        a = case.applicant
        initials = "".join(lazy_pinyin(a.name, style=Style.FIRST_LETTER, errors="ignore")).lower()
        queries += [("name", a.name, case.case_no), ("pinyin initials", initials, case.case_no),
                    ("ID last 6", a.id_number[-6:], case.case_no), ("case number", case.case_no, case.case_no),
                    ("phone", a.phone, case.case_no), ("case no. first 16", case.case_no[:16], case.case_no),
                    ("ID first 8", a.id_number[:8], case.case_no)]
        if a.name_bo:
            queries.append(("Tibetan name", a.name_bo, case.case_no))
    return queries


def phase_session(home: Path, queries_per_kind: int) -> dict[str, Any]:
    from app.models import CaseStatus

    app, session, window = _window(home)
    waiter = Waiter(app)
    out: dict[str, Any] = {}
    waiter.until(lambda: window.login_page.isVisible())
    out["startup_in_process_s"] = time.perf_counter() - _T0

    # login -> dashboard
    window.login_page.login_edit.setText(LOGIN)
    window.login_page.password_edit.setText(PASSWORD)
    dashboard = window.pages["dashboard"]
    t0 = time.perf_counter()
    window.login_page.submit()
    waiter.until(lambda: window.screens.currentWidget() is window.work and window.stack.currentWidget() is dashboard
                 and dashboard.isVisible())
    out["login_s"] = time.perf_counter() - t0
    waiter.until(lambda: session._pending == 0)
    out["login_idle_s"] = time.perf_counter() - t0  # the dashboard's figures too (and the daily check, if due)

    # the case list
    page = window.pages["cases"]
    model = page.model

    def first_page() -> bool:
        return model.rowCount() > 0 and not model.loading

    t0 = time.perf_counter()
    window.go("cases")
    waiter.until(first_page)
    out["open_list_s"] = time.perf_counter() - t0
    waiter.until(lambda: model.total is not None)
    out["open_list_count_s"] = time.perf_counter() - t0
    out["list_total"] = model.total
    out["rows_after_open"] = model.rowCount()
    waiter.until(lambda: session._pending == 0)
    window.go("dashboard")
    waiter.until(lambda: session._pending == 0)
    t0 = time.perf_counter()
    window.go("cases")
    waiter.until(first_page)
    out["open_list_again_s"] = time.perf_counter() - t0
    waiter.until(lambda: session._pending == 0)

    # scrolling: the next pages
    fetches = []
    for _ in range(3):
        before = model.rowCount()
        t0 = time.perf_counter()
        page.table.scrollToBottom()
        waiter.until(lambda b=before: model.rowCount() > b and not model.loading)
        fetches.append((time.perf_counter() - t0) * 1000)
    out["fetch_more_ms"] = [round(x, 1) for x in fetches]
    out["rows_after_scrolling"] = model.rowCount()
    waiter.until(lambda: session._pending == 0)

    # searches: as Enter does (no pause), until the first page is shown
    queries = _sample_queries(session, waiter, queries_per_kind)
    by_kind: dict[str, list[float]] = {}
    by_kind_count: dict[str, list[float]] = {}
    found = 0
    for kind, text, case_no in queries:
        page.search_edit.blockSignals(True)
        page.search_edit.setText(text)
        page.search_edit.blockSignals(False)
        t0 = time.perf_counter()
        page.search_now()
        waiter.until(lambda: not model.loading)
        by_kind.setdefault(kind, []).append((time.perf_counter() - t0) * 1000)
        waiter.until(lambda: model.total is not None)
        by_kind_count.setdefault(kind, []).append((time.perf_counter() - t0) * 1000)
        found += any(model.case_no(r) == case_no for r in range(model.rowCount()))
        waiter.until(lambda: session._pending == 0)
    out["search_ms"] = {k: {"n": len(v), "median": round(statistics.median(v), 1), "max": round(max(v), 1),
                            "with_count_median": round(statistics.median(by_kind_count[k]), 1),
                            "with_count_max": round(max(by_kind_count[k]), 1)} for k, v in by_kind.items()}
    every = [x for v in by_kind.values() for x in v]
    out["search_all_ms"] = {"n": len(every), "median": round(statistics.median(every), 1),
                            "p95": round(sorted(every)[max(0, int(len(every) * 0.95) - 1)], 1),
                            "max": round(max(every), 1)}
    out["search_found"] = f"{found}/{len(queries)}"

    # a search with a status filter, and one typed (the pause before searching included)
    page.search_edit.blockSignals(True)
    page.search_edit.setText("扎西")
    page.search_edit.blockSignals(False)
    page.status_combo.blockSignals(True)
    page.status_combo.setCurrentIndex(page.status_combo.findData(CaseStatus.correction_requested.value))
    page.status_combo.blockSignals(False)
    t0 = time.perf_counter()
    page.search_now()
    waiter.until(lambda: not model.loading)
    out["search_filtered_ms"] = round((time.perf_counter() - t0) * 1000, 1)
    waiter.until(lambda: session._pending == 0)
    page.reset_filters()
    waiter.until(lambda: session._pending == 0)
    t0 = time.perf_counter()
    page.search_edit.setText(queries[0][1])
    waiter.until(lambda: model.query.text == queries[0][1] and not model.loading)
    out["search_typed_ms"] = round((time.perf_counter() - t0) * 1000, 1)
    waiter.until(lambda: session._pending == 0)

    # opening a case from the list
    detail = window.pages["case"]
    case_no = model.case_no(0)
    t0 = time.perf_counter()
    page.open_case.emit(case_no)
    waiter.until(lambda: detail.view is not None and detail.view.case.case_no == case_no)
    out["open_case_ms"] = round((time.perf_counter() - t0) * 1000, 1)
    waiter.until(lambda: session._pending == 0)

    out["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    return out


def _child(phase: str, home: Path, extra: list[str]) -> tuple[dict[str, Any], float]:
    """Run a phase in a fresh process: (its JSON, seconds from spawning it to its answer)."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    t0 = time.perf_counter()
    proc = subprocess.Popen([sys.executable, str(Path(__file__).resolve()), "--phase", phase, "--home", str(home),
                             *extra], stdout=subprocess.PIPE, env=env, text=True)
    assert proc.stdout is not None
    line = proc.stdout.readline()
    elapsed = time.perf_counter() - t0
    proc.wait(timeout=120)
    if not line:
        raise RuntimeError(f"phase {phase} gave no answer (exit {proc.returncode})")
    return json.loads(line), elapsed


def daily_check(home: Path) -> float:
    """The once-a-day quick_check the window runs after login; done here so it is not measured twice."""
    from app.config import Paths
    from app.station import Station

    st = Station.open(Paths(home), LOGIN, PASSWORD, kdf=kdf(),
                      check="none")
    try:
        t0 = time.perf_counter()
        st.daily_check()
        return time.perf_counter() - t0
    finally:
        st.close()


def mark(value: float, target: float) -> str:
    return "ok" if value <= target else "OVER"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cases", type=int, default=200_000, help="cases in the station (default 200000)")
    ap.add_argument("--cache", type=Path, help="where generated stations are kept (default ~/.cache/bianmin-bench/ui)")
    ap.add_argument("--fresh", action="store_true", help="generate the station again")
    ap.add_argument("--prepare-only", action="store_true", help="only make the cached station")
    ap.add_argument("--queries", type=int, default=8, help="sampled cases per search kind (default 8)")
    ap.add_argument("--starts", type=int, default=3, help="fresh processes timed to the login screen (default 3)")
    ap.add_argument("--json-out", type=Path, help="also write the figures as JSON")
    ap.add_argument("--phase", choices=("startup", "session"), help=argparse.SUPPRESS)
    ap.add_argument("--home", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)

    if args.phase:  # a child: one JSON line on stdout, then leave at once
        result = phase_startup(args.home) if args.phase == "startup" else phase_session(args.home, args.queries)
        print(json.dumps(result), flush=True)
        os._exit(0)

    home = station_home(cache_root(args.cache, "ui"), args.cases)
    print(f"Bianmin window benchmark: {args.cases} cases, offscreen, {os.cpu_count()} CPUs, "
          f"load {[round(x, 2) for x in os.getloadavg()]}")
    gen = prepare_station(home, args.cases, args.fresh, seed=GEN_SEED, batch=BATCH, steps=10, advance=False)
    print(f"station {home} ({'cached' if gen['cached'] else 'generated'}; generation took {gen['generation_s']} s)")
    if args.prepare_only:
        return 0
    check_s = daily_check(home)
    print(f"daily quick_check (the window runs it on the worker after the first login of a day): {check_s:.2f} s")

    starts = [_child("startup", home, [])[1] for _ in range(args.starts)]
    session, _ = _child("session", home, ["--queries", str(args.queries)])
    figures = {"cases": args.cases, "startup_s": starts, "daily_check_s": round(check_s, 2), **session}

    rows = [
        (f"start to login screen (fresh process, median of {len(starts)})", statistics.median(starts), "s",
         TARGETS["startup_s"]),
        ("login to dashboard shown", session["login_s"], "s", TARGETS["login_s"]),
        (f"open the case list ({session['list_total']} cases, first page)", session["open_list_s"], "s",
         TARGETS["open_list_s"]),
        ("search in it, first page shown (median of all)", session["search_all_ms"]["median"], "ms",
         TARGETS["search_ms"]),
        ("search in it, worst", session["search_all_ms"]["max"], "ms", TARGETS["search_ms"]),
        ("peak memory (ru_maxrss of the window process)", session["peak_rss_mb"], "MB", TARGETS["peak_rss_mb"]),
    ]
    width = max(len(r[0]) for r in rows)
    print(f"\n{'figure':<{width}}  {'measured':>10}  {'target':>10}")
    for name, value, unit, target in rows:
        fmt = ".2f" if unit == "s" else ".1f" if unit == "ms" else ".0f"
        print(f"{name:<{width}}  {format(value, fmt):>7} {unit:<2}  {'<= ' + format(target, 'g'):>7} {unit:<2}  "
              f"{mark(value, target)}")
    print("\nmore figures (no targets):")
    print(f"  start to login screen, each fresh process: {', '.join(f'{s:.2f} s' for s in starts)}")
    print(f"  login until the dashboard's figures are in: {session['login_idle_s']:.2f} s")
    print(f"  open the case list until the total is shown: {session['open_list_count_s']:.2f} s; "
          f"opened again: {session['open_list_again_s']:.2f} s; rows loaded: {session['rows_after_open']}")
    print(f"  next page on scrolling: {session['fetch_more_ms']} ms (rows then {session['rows_after_scrolling']})")
    for kind, v in session["search_ms"].items():
        print(f"  search {kind:<16} median {v['median']:>6.1f} ms  max {v['max']:>6.1f} ms  "
              f"(with the total: median {v['with_count_median']:.1f} ms, max {v['with_count_max']:.1f} ms)")
    print(f"  search p95 {session['search_all_ms']['p95']} ms over {session['search_all_ms']['n']} searches; "
          f"the sampled case among the rows: {session['search_found']}")
    print(f"  search '扎西' + status filter: {session['search_filtered_ms']} ms; typed search incl. the "
          f"pause before searching: {session['search_typed_ms']} ms")
    print(f"  open a case from the list: {session['open_case_ms']} ms")
    emit(figures, args.json_out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
