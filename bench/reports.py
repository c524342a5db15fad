"""Reports benchmark: a month's report and its charts on a large station, the dashboard's figures
beside it, and the window's memory with the report page open.

    .venv/bin/python bench/reports.py [--cases N] [--cache DIR] [--fresh] [--json-out FILE]

Targets (issue 17): a month's report and its charts on a station of 200,000 cases <= 1 s; the
dashboard's figures stay <= 100 ms; the window's memory stays within its figure without the report
page + 50 MB. Prints a table of figure / measured / target; it never asserts.

The station is made through the real services (cases concluded, delivered and rated, 差评 followed
up; a year of days), which takes many minutes, so it is kept in a cache directory keyed by its
parameters (``--fresh`` makes it again). The window runs offscreen in a child process.
"""

from __future__ import annotations

import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO_ROOT))

import argparse  # noqa: E402
import json  # noqa: E402
import os  # noqa: E402
import resource  # noqa: E402
import statistics  # noqa: E402
import subprocess  # noqa: E402
import time  # noqa: E402
from typing import Any  # noqa: E402

from bench.common import LOGIN, PASSWORD, cache_root, emit, err, kdf, mark, prepare_station  # noqa: E402

GEN_SEED = 2027
BATCH = 500
DAYS = 365
CACHE_VERSION = 2  # 2: migration 6 with its indexes of the reports
TARGETS = {"month_report_ms": 1000.0, "dashboard_ms": 100.0, "page_memory_mb": 50.0}


def station_home(cache: Path, n: int) -> Path:
    return cache / f"cases{n}-seed{GEN_SEED}-days{DAYS}-v{CACHE_VERSION}"


def _open(home: Path) -> Any:
    from app.config import Paths
    from app.station import Station

    return Station.open(Paths(home), LOGIN, PASSWORD, kdf=kdf())


def _timed(fn: Any, repeat: int) -> tuple[list[float], Any]:
    out, result = [], None
    for _ in range(repeat):
        t0 = time.perf_counter()
        result = fn()
        out.append((time.perf_counter() - t0) * 1000)
    return out, result


def phase_core(home: Path, repeat: int) -> dict[str, Any]:
    """The report, the sheet and the dashboard's figures in this process (no window)."""
    from app.reports import Period
    from app.services import dashboard
    from app.services import reports as station_reports
    from printing import render_monthly

    station = _open(home)
    try:
        today = station.today()
        last = today.replace(day=1) - __import__("datetime").timedelta(days=1)
        month = Period.month(last.year, last.month)  # the last whole month
        report_ms, result = _timed(lambda: station_reports.report(station, month), repeat)
        year = Period(today.replace(year=today.year - 1) + __import__("datetime").timedelta(days=1), today)
        year_ms, year_result = _timed(lambda: station_reports.report(station, year), max(1, repeat // 3))
        sheet_ms, pdf = _timed(lambda: render_monthly(station, month, "zh"), max(1, repeat // 3))
        # the dashboard as the window reads it: its lists (the open 差评 among them), then its rates, then
        # its charts, each a task of its own
        overview_ms, overview = _timed(lambda: dashboard.overview(station, with_rates=False), repeat)
        rates_ms, _ = _timed(lambda: dashboard.rates_of(station), repeat)
        trend_ms, _ = _timed(lambda: dashboard.trend(station), repeat)
        total = int(station.db.scalar("SELECT count(*) FROM cases", default=0))
    finally:
        station.close()
    return {
        "station_cases": total, "month": month.key, "month_taken_in": result.report.total.taken_in,
        "month_concluded": result.report.total.concluded, "month_rated": result.report.total.rated,
        "month_report_ms": report_ms, "year_report_ms": year_ms, "year_taken_in": year_result.report.total.taken_in,
        "sheet_ms": sheet_ms, "sheet_bytes": len(pdf), "overview_ms": overview_ms, "rates_ms": rates_ms,
        "trend_ms": trend_ms, "bad_open": overview.bad_ratings.total,
    }


def phase_window(home: Path) -> dict[str, Any]:
    """The window offscreen: logged in, the report page opened (this month), then last month chosen
    and shown with its charts; the memory before and after."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from bench.ui import Waiter, _window

    _app, session, window = _window(home)
    until = Waiter(_app).until  # on the event loop, as the window waits: no busy loop taking the GIL

    until(lambda: window.login_page.isVisible())
    window.login_page.login_edit.setText(LOGIN)
    window.login_page.password_edit.setText(PASSWORD)
    window.login_page.submit()
    until(lambda: window.work is not None and window.stack.currentWidget() is window.pages["dashboard"]
          and window.pages["dashboard"].isVisible())
    checked: list[bool] = []  # the daily integrity check reads every page on its own thread: let it end
    session._checker.submit(lambda: None, lambda _r, _e: checked.append(True))
    until(lambda: bool(checked), 600)
    until(lambda: session._pending == 0, 600)  # the dashboard's figures and charts
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    page = window.open_reports()
    opened = until(lambda: page.isVisible() and page.loaded, 120)
    after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    # last month, a whole month of cases: counted and drawn as the clerk asks for it
    today = session.station.today()  # type: ignore[union-attr]
    last = today.replace(day=1) - __import__("datetime").timedelta(days=1)
    again = time.perf_counter()
    page.set_period("month", f"{last:%Y-%m}")
    until(lambda: page.loaded and page.period().start == last.replace(day=1), 120)
    refresh_s = time.perf_counter() - again
    return {"window_rss_before_mb": round(before, 1), "window_rss_after_mb": round(after, 1),
            "page_open_ms": round(opened * 1000, 1), "page_refresh_ms": round(refresh_s * 1000, 1)}


def _child(phase: str, home: Path, extra: list[str]) -> dict[str, Any]:
    proc = subprocess.run([sys.executable, __file__, "--phase", phase, "--home", str(home), *extra],
                          capture_output=True, text=True, timeout=3600)
    if proc.returncode != 0:
        err(proc.stderr[-4000:])
        raise SystemExit(f"the {phase} phase failed")
    return dict(json.loads(proc.stdout.strip().splitlines()[-1]))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cases", type=int, default=200_000, help="cases in the station (default 200000)")
    ap.add_argument("--cache", type=Path, help="where generated stations are kept")
    ap.add_argument("--fresh", action="store_true", help="generate the station again")
    ap.add_argument("--prepare-only", action="store_true", help="only make the cached station")
    ap.add_argument("--no-window", action="store_true", help="leave out the window's phase")
    ap.add_argument("--repeat", type=int, default=9, help="runs of each timed step (default 9; the median counts)")
    ap.add_argument("--json-out", type=Path, help="also write the figures as JSON")
    ap.add_argument("--phase", choices=("core", "window"), help=argparse.SUPPRESS)
    ap.add_argument("--home", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)

    if args.phase:  # a child: one JSON line on stdout
        result = phase_core(args.home, args.repeat) if args.phase == "core" else phase_window(args.home)
        print(json.dumps(result), flush=True)
        os._exit(0)

    home = station_home(cache_root(args.cache, "reports"), args.cases)
    print(f"Bianmin reports benchmark: {args.cases} cases, {os.cpu_count()} CPUs, "
          f"load {[round(x, 2) for x in os.getloadavg()]}")
    gen = prepare_station(home, args.cases, args.fresh, seed=GEN_SEED, batch=BATCH, steps=20, days_back=DAYS)
    print(f"station {home} ({'cached' if gen['cached'] else 'generated'}; generation took {gen['generation_s']} s)")
    if args.prepare_only:
        return 0
    core = _child("core", home, ["--repeat", str(args.repeat)])
    figures: dict[str, Any] = {"cases": args.cases, **core}
    med = statistics.median
    rows = [
        (f"a month's report ({core['month']}: {core['month_taken_in']} taken in, {core['month_concluded']} "
         "concluded), median", med(core["month_report_ms"]), "ms", TARGETS["month_report_ms"]),
        ("the dashboard's lists (open 差评 among them), median", med(core["overview_ms"]), "ms",
         TARGETS["dashboard_ms"]),
        ("the dashboard's rates (its second task), median", med(core["rates_ms"]), "ms", TARGETS["dashboard_ms"]),
        ("the dashboard's charts (its third task), median", med(core["trend_ms"]), "ms", TARGETS["dashboard_ms"]),
    ]
    if not args.no_window:
        window = _child("window", home, [])
        figures.update(window)
        rows.insert(1, ("the report page: last month counted and its charts drawn", window["page_refresh_ms"],
                        "ms", TARGETS["month_report_ms"]))
        rows.append(("window memory added by the report page", window["window_rss_after_mb"]
                     - window["window_rss_before_mb"], "MB", TARGETS["page_memory_mb"]))
    width = max(len(r[0]) for r in rows)
    print(f"\n{'figure':<{width}}  {'measured':>10}  {'target':>10}")
    for name, value, unit, target in rows:
        print(f"{name:<{width}}  {value:>7.1f} {unit:<2}  {'<= ' + format(target, 'g'):>7} {unit:<2}  "
              f"{mark(value <= target)}")
    print("\nmore figures (no targets):")
    print(f"  station: {core['station_cases']} cases; month's report each run: "
          f"{', '.join(f'{x:.0f}' for x in core['month_report_ms'])} ms")
    print(f"  a year's report ({core['year_taken_in']} cases taken in): median {med(core['year_report_ms']):.0f} ms")
    print(f"  the monthly sheet (PDF with its charts, {core['sheet_bytes'] // 1024} KB): "
          f"median {med(core['sheet_ms']):.0f} ms")
    print(f"  the dashboard's lists each run: {', '.join(f'{x:.0f}' for x in core['overview_ms'])} ms "
          f"({core['bad_open']} 差评 open)")
    if "page_refresh_ms" in figures:
        print(f"  the report page opened (this month): {figures['page_open_ms']} ms; window peak memory "
              f"{figures['window_rss_before_mb']} MB before, {figures['window_rss_after_mb']} MB after")
    emit(figures, args.json_out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
