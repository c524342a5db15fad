"""Printing benchmark: the first receipt of a process (with font loading) and warm receipts, per paper.

    .venv/bin/python bench/printing.py [--warm N] [--lang zh|bo|both] [--first-runs R] [--json-out FILE]

Prints figures with their targets next to them; it never asserts.  Targets (from the issue): the first
receipt of a process, font loading included, <= 500 ms; warm receipts median <= 50 ms; per paper size.

The first receipt is measured in a fresh process per paper and language (fonts are registered once per
process): the child opens the station (not timed, as the counter has it open when the clerk prints), then
times ``import printing``, ``fonts.fontset()`` and the first ``render_for`` up to the PDF bytes.  Each
is run ``--first-runs`` times in a new process; the median decides, every run is shown.

Warm receipts are rendered in this process with ``printing.render_for`` (render only, nothing written or
journaled), after one untimed warm-up per paper and language, cycling through the station's cases.
The other six document kinds are timed warm on A4 for information.

The throw-away station uses a cheap Argon2id setting: unlocking a key slot is not what is measured.
"""

from __future__ import annotations

import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO_ROOT))

import argparse  # noqa: E402
import json  # noqa: E402
import math  # noqa: E402
import os  # noqa: E402
import platform  # noqa: E402
import random  # noqa: E402
import resource  # noqa: E402
import shutil  # noqa: E402
import statistics  # noqa: E402
import subprocess  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
from collections.abc import Callable  # noqa: E402
from typing import Any  # noqa: E402

# Only app/ here: printing (and with it ReportLab) must stay unimported until the child times it.
from app.config import KdfParams, Paths  # noqa: E402
from app.models import Case, CaseStatus, Decision, IntakeRequest, MaterialState, Outcome  # noqa: E402
from app.services import cases, catalogue  # noqa: E402
from app.station import Station  # noqa: E402
from bench.common import emit  # noqa: E402
from bianmin.demo import cases as demo  # noqa: E402

FIRST_TARGET_MS = 500.0
WARM_TARGET_MS = 50.0
PAPERS = ("a4", "a5", "80mm")
OTHER_KINDS = ("correction", "refusal", "deferral", "commitment", "authorisation", "collection")
CHEAP_KDF = KdfParams(time_cost=1, memory_kib=8192, parallelism=1)
LOGIN = "bench"
PASSWORD = "bench-password"
GEN_SEED = 2026
EXTRA_SEED = 4711
DEMO_CASES = 48
HEAVY_MODULES = ("printing", "reportlab", "fontTools", "uharfbuzz")
RECEIPT_DECISIONS = (Decision.accept, Decision.deferred_material, Decision.commitment)


def ms(ns: int | float) -> float:
    return ns / 1e6


def percentile(values: list[float], p: float) -> float:
    """Nearest-rank percentile (p in 0..100)."""
    ordered = sorted(values)
    rank = max(1, math.ceil(p / 100 * len(ordered)))
    return ordered[rank - 1]


def mark(value: float, target: float) -> str:
    return "ok" if value <= target else "OVER TARGET"


def maxrss_mb(who: int = resource.RUSAGE_SELF) -> float:
    return resource.getrusage(who).ru_maxrss / 1024  # KiB on Linux


# -- the child: the first receipt of a fresh process ------------------------------------------
def _time_font_parts(fonts: Any) -> dict[str, float]:
    """Wrap the font loading steps fontset() calls (in this child only) to split its time.

    ``ttfont:NAME=FILE``: ReportLab parsing a font file to register NAME (TTFont); ``cmap:NAME``: taking
    the font's coverage from that parse.
    """
    parts: dict[str, float] = {}
    real_ttfont, real_cmap = fonts.TTFont, fonts._cmap

    def timed(prefix: str, fn: Callable[..., Any], label: Callable[..., str]) -> Callable[..., Any]:
        def wrapper(*a: Any) -> Any:
            t = time.perf_counter_ns()
            try:
                return fn(*a)
            finally:
                key = f"{prefix}:{label(*a)}"
                parts[key] = round(parts.get(key, 0.0) + ms(time.perf_counter_ns() - t), 1)
        return wrapper

    fonts.TTFont = timed("ttfont", real_ttfont, lambda name, path: f"{name}={Path(path).name}")
    fonts._cmap = timed("cmap", real_cmap, lambda path: Path(path).name)
    return parts


def child_first(paper: str, lang: str, home: Path, case_no: str) -> int:
    """Print one JSON line: the times of the first receipt of this process."""
    t = time.perf_counter_ns()
    station = Station.open(Paths(home), LOGIN, PASSWORD, kdf=CHEAP_KDF, check="none")
    open_ms = ms(time.perf_counter_ns() - t)
    preloaded = [m for m in HEAVY_MODULES if m in sys.modules]
    try:
        t0 = time.perf_counter_ns()
        import printing
        import printing.fonts

        t1 = time.perf_counter_ns()
        parts = _time_font_parts(printing.fonts)
        printing.fonts.fontset()
        t2 = time.perf_counter_ns()
        data, _copy = printing.render_for(station, "receipt", case_no, paper=paper, lang=lang)
        t3 = time.perf_counter_ns()
        again, _copy = printing.render_for(station, "receipt", case_no, paper=paper, lang=lang)
        t4 = time.perf_counter_ns()
    finally:
        station.close()
    print(json.dumps({
        "paper": paper, "lang": lang, "case_no": case_no, "preloaded": preloaded, "open_station_ms": open_ms,
        "import_ms": ms(t1 - t0), "fontset_ms": ms(t2 - t1), "render_ms": ms(t3 - t2), "total_ms": ms(t3 - t0),
        "second_render_ms": ms(t4 - t3), "fontset_parts_ms": parts, "pdf_bytes": len(data),
        "second_pdf_bytes": len(again),
        "is_pdf": data.startswith(b"%PDF"), "maxrss_mb": maxrss_mb(),
    }))
    return 0


def run_child(paper: str, lang: str, home: Path, case_no: str) -> dict[str, Any]:
    cmd = [sys.executable, str(Path(__file__).resolve()), "--child-first", paper, lang, str(home), case_no]
    t = time.perf_counter_ns()
    proc = subprocess.run(cmd, capture_output=True, text=True, cwd=REPO_ROOT)
    wall = ms(time.perf_counter_ns() - t)
    if proc.returncode != 0:
        return {"paper": paper, "lang": lang, "error": (proc.stderr.strip().splitlines() or ["?"])[-1],
                "process_wall_ms": wall}
    out = json.loads(proc.stdout.strip().splitlines()[-1])
    out["process_wall_ms"] = wall
    return out


# -- the throw-away station -------------------------------------------------------------------
def make_station(home: Path) -> Station:
    station, _recovery = Station.init(
        Paths(home), station_code=demo.DEMO_STATION_CODE, station_name=demo.DEMO_STATION_NAME,
        admin_login=LOGIN, admin_password=PASSWORD, kdf=CHEAP_KDF,
    )
    catalogue.import_sample(station)
    return station


def has_state(case: Case, state: MaterialState) -> bool:
    return any(m.state is state for m in case.materials)


# Which cases each document kind is printed for (the receipt: accepted cases, both tables wanted).
SUITS: dict[str, Callable[[Case], bool]] = {
    "receipt": lambda c: c.decision in RECEIPT_DECISIONS,
    "correction": lambda c: c.decision is Decision.correction_notice,
    "refusal": lambda c: c.decision is Decision.refuse,
    "deferral": lambda c: has_state(c, MaterialState.deferred),
    "commitment": lambda c: c.decision is Decision.commitment,
    "authorisation": lambda c: c.agent is not None,
    "collection": lambda c: c.outcome is not None,
}


def submit_like(station: Station, rng: random.Random, want: Callable[[IntakeRequest], bool],
                tries: int = 2000) -> Case | None:
    """The first realistic request (demo.make_request) that ``want`` accepts, submitted."""
    items = [i for i in catalogue.list_items(station) if "person" in i.body.get("applicants", {}).get("kinds", [])]
    bundles = [b.code for b in catalogue.list_bundles(station)]
    for _ in range(tries):
        req = demo.make_request(rng, station, items, bundles, station.today())
        if want(req):
            return cases.submit(station, req)
    return None


def build_station(home: Path) -> dict[str, Any]:
    """~50 demo cases, a Tibetan-named receipt with both tables, and a case for every document kind."""
    t0 = time.perf_counter()
    station = make_station(home)
    try:
        result = demo.generate(station, DEMO_CASES, seed=GEN_SEED, advance=True)
        rng = random.Random(EXTRA_SEED)
        # The receipt the first-receipt children print: a Tibetan name, received and deferred materials.
        tibetan = submit_like(station, rng, lambda r: (
            r.decision is Decision.deferred_material and bool(r.applicant.name_bo)
            and any(m.state in (MaterialState.received, MaterialState.e_licence) for m in r.materials)))
        if tibetan is None:
            raise RuntimeError("no Tibetan deferred-material request in 2000 tries")
        summaries = cases.list_cases(station, limit=1000)
        all_cases = [cases.get_case(station, s.case_no, log_access=False) for s in summaries]
        extra = 0
        wanted_decisions = {"correction": Decision.correction_notice, "refusal": Decision.refuse,
                            "commitment": Decision.commitment}
        for kind, decision in wanted_decisions.items():
            if not any(SUITS[kind](c) for c in all_cases):
                made = submit_like(station, rng, lambda r, d=decision: r.decision is d)
                if made is not None:
                    all_cases.append(made)
                    extra += 1
        if not any(SUITS["authorisation"](c) for c in all_cases):
            made = submit_like(station, rng, lambda r: r.agent is not None)
            if made is not None:
                all_cases.append(made)
                extra += 1
        if not any(SUITS["collection"](c) for c in all_cases):
            made = submit_like(station, rng, lambda r: r.decision is Decision.accept)
            if made is not None:
                cases.set_status(station, made.case_no, CaseStatus.in_progress, source="platform")
                concluded = cases.set_status(station, made.case_no, CaseStatus.concluded,
                                             outcome=Outcome.approved, source="platform")
                all_cases.append(concluded)
                extra += 1
        by_kind: dict[str, list[str]] = {k: [c.case_no for c in all_cases if f(c)] for k, f in SUITS.items()}
        # The Tibetan receipt first, then receipts with both tables, then the rest.
        both = [c.case_no for c in all_cases if SUITS["receipt"](c) and has_state(c, MaterialState.deferred)
                and has_state(c, MaterialState.received)]
        receipts = [tibetan.case_no] + [n for n in both if n != tibetan.case_no]
        receipts += [n for n in by_kind["receipt"] if n not in receipts]
        by_kind["receipt"] = receipts
        by_status: dict[str, int] = {}
        for c in all_cases:
            by_status[c.status.value] = by_status.get(c.status.value, 0) + 1
        return {
            "seconds": round(time.perf_counter() - t0, 2), "cases": len(all_cases), "demo_created": result.created,
            "demo_failed": result.failed, "extra": extra, "by_status": dict(sorted(by_status.items())),
            "tibetan_case": tibetan.case_no, "tibetan_name": f"{tibetan.applicant.name} / {tibetan.applicant.name_bo}",
            "receipts_with_both_tables": len(both), "by_kind": by_kind,
            "tibetan_named": sum(1 for c in all_cases if c.applicant.name_bo),
        }
    finally:
        station.close()


# -- warm renders in this process -------------------------------------------------------------
def warm_series(station: Station, kind: str, case_nos: list[str], paper: str, lang: str, n: int) -> dict[str, Any]:
    import printing

    printing.render_for(station, kind, case_nos[0], paper=paper, lang=lang)  # untimed warm-up
    times: list[float] = []
    sizes: list[int] = []
    for i in range(n):
        case_no = case_nos[i % len(case_nos)]
        t = time.perf_counter_ns()
        data, _copy = printing.render_for(station, kind, case_no, paper=paper, lang=lang)
        times.append(ms(time.perf_counter_ns() - t))
        sizes.append(len(data))
    return {
        "n": n, "distinct_cases": min(n, len(case_nos)), "median_ms": round(statistics.median(times), 2),
        "p95_ms": round(percentile(times, 95), 2), "max_ms": round(max(times), 2), "min_ms": round(min(times), 2),
        "pdf_kib_median": round(statistics.median(sizes) / 1024, 1), "pdf_kib_max": round(max(sizes) / 1024, 1),
    }


def context_share(station: Station, case_nos: list[str], n: int) -> float:
    """Median time of gathering one case from the store (printing.context_for), part of every render."""
    from printing.context import context_for

    times = []
    for i in range(n):
        t = time.perf_counter_ns()
        context_for(station, case_nos[i % len(case_nos)])
        times.append(ms(time.perf_counter_ns() - t))
    return round(statistics.median(times), 2)


# -- main ------------------------------------------------------------------------------------
def environment() -> dict[str, Any]:
    import importlib.metadata as md

    return {
        "python": platform.python_version(), "platform": platform.platform(), "cpus": os.cpu_count(),
        "reportlab": md.version("reportlab"), "uharfbuzz": md.version("uharfbuzz"),
        "loadavg_start": [round(x, 2) for x in os.getloadavg()],
    }


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--warm", type=int, default=50, help="warm receipts per paper and language (default 50)")
    ap.add_argument("--lang", choices=("zh", "bo", "both"), default="both", help="document language (default both)")
    ap.add_argument("--first-runs", type=int, default=3,
                    help="fresh processes per paper and language for the first receipt (default 3)")
    ap.add_argument("--json-out", type=Path, metavar="FILE", help="also write the JSON figures to FILE")
    ap.add_argument("--child-first", nargs=4, metavar=("PAPER", "LANG", "STATION_DIR", "CASE_NO"),
                    help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.warm < 1 or args.first_runs < 1:
        ap.error("--warm and --first-runs must be positive")
    return args


def section(title: str) -> None:
    print(f"\n== {title}", flush=True)


def summarise_first(good: list[dict[str, Any]], failed: int) -> dict[str, Any]:
    def med(field: str) -> float:
        return round(statistics.median(r[field] for r in good), 1)

    return {
        "runs": len(good), "failed": failed, "total_ms": med("total_ms"),
        "total_ms_runs": [round(r["total_ms"], 1) for r in good],
        "total_ms_max": round(max(r["total_ms"] for r in good), 1),
        "import_ms": med("import_ms"), "fontset_ms": med("fontset_ms"), "render_ms": med("render_ms"),
        "second_render_ms": med("second_render_ms"), "open_station_ms": med("open_station_ms"),
        "process_wall_ms": med("process_wall_ms"), "child_maxrss_mb": med("maxrss_mb"),
        "pdf_kib": round(good[0]["pdf_bytes"] / 1024, 1), "is_pdf": all(r["is_pdf"] for r in good),
        "preloaded": sorted({m for r in good for m in r["preloaded"]}),
        "fontset_parts_ms": {k: round(statistics.median(r["fontset_parts_ms"].get(k, 0.0) for r in good), 1)
                             for k in good[0]["fontset_parts_ms"]},
    }


def first_receipts(home: Path, case_no: str, langs: list[str], runs: int) -> dict[str, Any]:
    combos = [(paper, lang) for paper in PAPERS for lang in langs]
    # Round-robin, so that the first (coldest) process is not always the same paper's.
    results: dict[tuple[str, str], list[dict[str, Any]]] = {c: [] for c in combos}
    for _ in range(runs):
        for paper, lang in combos:
            results[(paper, lang)].append(run_child(paper, lang, home, case_no))
    out: dict[str, Any] = {}
    for paper, lang in combos:
        failed = [r for r in results[(paper, lang)] if "error" in r]
        good = [r for r in results[(paper, lang)] if "error" not in r]
        key = f"{paper}/{lang}"
        if not good:
            out[key] = {"error": failed[0]["error"]}
            print(f"first receipt {paper} {lang}: FAILED  {failed[0]['error']}")
            continue
        fig = out[key] = summarise_first(good, len(failed))
        total = fig["total_ms"]
        runs_txt = "/".join(f"{v:.0f}" for v in fig["total_ms_runs"])
        print(f"first receipt {paper} {lang}: {total:.0f} ms (target <= {FIRST_TARGET_MS:.0f} ms) "
              f"{mark(total, FIRST_TARGET_MS)}  | import printing {fig['import_ms']:.0f} ms, fontset() "
              f"{fig['fontset_ms']:.0f} ms, first render {fig['render_ms']:.0f} ms; runs {runs_txt} ms; "
              f"second render {fig['second_render_ms']:.0f} ms; PDF {fig['pdf_kib']:.0f} KiB"
              + (f"; {len(failed)} run(s) failed: {failed[0]['error']}" if failed else "")
              + (f"; ALREADY IMPORTED: {fig['preloaded']}" if fig["preloaded"] else ""))
    split = [f["fontset_parts_ms"] for f in out.values() if f.get("fontset_parts_ms")]
    if split:
        parts = {k: statistics.median(p.get(k, 0.0) for p in split) for k in split[0]}
        top = sorted(parts, key=lambda k: -parts[k])[:4]
        ttf = sum(v for k, v in parts.items() if k.startswith("ttfont:"))
        cmap = sum(v for k, v in parts.items() if k.startswith("cmap:"))
        print(f"fontset() split (median over the children): ReportLab TTFont parsing {ttf:.0f} ms, "
              f"coverage {cmap:.0f} ms; largest: " + ", ".join(f"{k} {parts[k]:.0f} ms" for k in top))
    return out


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if args.child_first:
        paper, lang, home, case_no = args.child_first
        return child_first(paper, lang, Path(home), case_no)

    langs = ["zh", "bo"] if args.lang == "both" else [args.lang]
    work = Path(tempfile.mkdtemp(prefix="bianmin-bench-print-"))
    home = work / "station"
    figures: dict[str, Any] = {"env": environment(), "args": {
        "warm": args.warm, "langs": langs, "first_runs": args.first_runs, "papers": list(PAPERS),
        "demo_cases": DEMO_CASES, "seed": GEN_SEED}}
    env = figures["env"]
    print(f"Bianmin printing benchmark  python {env['python']}  ReportLab {env['reportlab']}  "
          f"uharfbuzz {env['uharfbuzz']}  {env['cpus']} CPUs  load {env['loadavg_start']}")
    print(f"Station in {home} (temporary); Argon2id t={CHEAP_KDF.time_cost}, m={CHEAP_KDF.memory_kib // 1024} MiB: "
          f"unlocking is not measured here.")
    try:
        section(f"Throw-away station: sample catalogue, {DEMO_CASES} demo cases + a Tibetan-named receipt")
        st = build_station(home)
        figures["station"] = {k: v for k, v in st.items() if k != "by_kind"}
        figures["station"]["cases_per_kind"] = {k: len(v) for k, v in st["by_kind"].items()}
        print(f"made in {st['seconds']:.1f} s: {st['cases']} cases ({st['demo_created']} demo, {st['demo_failed']} "
              f"failed, {st['extra']} extra for missing kinds), by status {st['by_status']}")
        print(f"Tibetan-named applicants: {st['tibetan_named']}; receipts with received and deferred tables: "
              f"{st['receipts_with_both_tables']}; first-receipt case {st['tibetan_case']} ({st['tibetan_name']})")
        print("cases per document kind: " + ", ".join(f"{k} {len(v)}" for k, v in st["by_kind"].items()))

        section(f"First receipt of a fresh process (import printing + fontset() + first render_for), "
                f"median of {args.first_runs} processes")
        print("The child opens the station untimed, then times from before `import printing` to the PDF bytes.")
        first = first_receipts(home, st["tibetan_case"], langs, args.first_runs)
        figures["first_receipt"] = first
        firsts = [f["total_ms"] for f in first.values() if "total_ms" in f]
        if firsts:
            worst = max(firsts)
            figures["first_receipt_worst_ms"] = worst
            print(f"first receipt worst: {worst:.0f} ms (target <= {FIRST_TARGET_MS:.0f} ms) "
                  f"{mark(worst, FIRST_TARGET_MS)}")
        figures["children_maxrss_mb"] = round(maxrss_mb(resource.RUSAGE_CHILDREN), 1)

        station = Station.open(Paths(home), LOGIN, PASSWORD, kdf=CHEAP_KDF, check="none")
        try:
            receipts = st["by_kind"]["receipt"]
            section(f"Warm receipts: printing.render_for, {args.warm} per paper and language over "
                    f"{min(args.warm, len(receipts))} different cases, after one untimed warm-up")
            t = time.perf_counter_ns()
            import printing
            import printing.fonts

            printing.fonts.fontset()
            print(f"(this process: import printing + fontset() {ms(time.perf_counter_ns() - t):.0f} ms, untimed "
                  f"for the warm figures)")
            warm: dict[str, Any] = {}
            for paper in PAPERS:
                for lang in langs:
                    w = warm_series(station, "receipt", receipts, paper, lang, args.warm)
                    warm[f"{paper}/{lang}"] = w
                    print(f"warm receipt {paper} {lang} median: {w['median_ms']:.1f} ms (target <= "
                          f"{WARM_TARGET_MS:.0f} ms) {mark(w['median_ms'], WARM_TARGET_MS)}  | p95 "
                          f"{w['p95_ms']:.1f} ms, max {w['max_ms']:.1f} ms, min {w['min_ms']:.1f} ms; PDF median "
                          f"{w['pdf_kib_median']:.0f} KiB, max {w['pdf_kib_max']:.0f} KiB")
            figures["warm_receipt"] = warm
            worst_warm = max(w["median_ms"] for w in warm.values())
            figures["warm_receipt_worst_median_ms"] = worst_warm
            print(f"warm receipt worst median: {worst_warm:.1f} ms (target <= {WARM_TARGET_MS:.0f} ms) "
                  f"{mark(worst_warm, WARM_TARGET_MS)}")
            ctx_ms = context_share(station, receipts, args.warm)
            figures["context_for_median_ms"] = ctx_ms
            print(f"  of which gathering the case (printing.context_for) median: {ctx_ms:.1f} ms")

            section(f"Other document kinds, warm, A4 (informational): {args.warm} renders each")
            others: dict[str, Any] = {}
            for kind in OTHER_KINDS:
                nos = st["by_kind"][kind]
                if not nos:
                    print(f"{kind}: no suitable case in the station")
                    continue
                for lang in langs:
                    w = warm_series(station, kind, nos, "a4", lang, args.warm)
                    others[f"{kind}/{lang}"] = w
                    print(f"{kind} a4 {lang} median: {w['median_ms']:.1f} ms  | p95 {w['p95_ms']:.1f} ms, max "
                          f"{w['max_ms']:.1f} ms; {w['distinct_cases']} cases; PDF median {w['pdf_kib_median']:.0f} "
                          f"KiB")
            figures["other_kinds_a4"] = others
            journaled = sum(cases.print_count(station, n, k) for k, nos in st["by_kind"].items() for n in nos)
            figures["prints_journaled"] = journaled
            print(f"prints journaled by this benchmark: {journaled} (render only)")
        finally:
            station.close()

        section("Memory")
        peak = maxrss_mb()
        figures["peak_rss_mb"] = round(peak, 1)
        figures["loadavg_end"] = [round(x, 2) for x in os.getloadavg()]
        print(f"peak memory (ru_maxrss) this process: {peak:.0f} MB; largest first-receipt child: "
              f"{figures['children_maxrss_mb']:.0f} MB")
        print(f"load average at end: {figures['loadavg_end']} (other work on the machine skews the timings)")
    finally:
        shutil.rmtree(work, ignore_errors=True)

    emit(figures, args.json_out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
