"""Store benchmark: search latency, one acceptance, encryption cost and memory on generated cases.

    .venv/bin/python bench/store.py [--cases N] [--ratio-cases M] [--queries Q] [--keep DIR] [--json-out FILE]

Prints figures with their targets next to them; it never asserts.  Targets (from the issue):
search p95 <= 30 ms (by name, ID suffix, case number, pinyin initials), one acceptance through the
service layer median <= 20 ms, encrypted / plain SQLite time <= 1.5.  Peak memory and file sizes
are reported without a target.

The stations are made with a cheap Argon2id setting: unlocking a key slot is not what is measured.
"""

from __future__ import annotations

import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO_ROOT))

import argparse  # noqa: E402
import math  # noqa: E402
import os  # noqa: E402
import platform  # noqa: E402
import random  # noqa: E402
import resource  # noqa: E402
import shutil  # noqa: E402
import statistics  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
from collections.abc import Iterator  # noqa: E402
from contextlib import contextmanager  # noqa: E402
from dataclasses import dataclass, field  # noqa: E402
from typing import Any  # noqa: E402

from pypinyin import Style, lazy_pinyin  # noqa: E402

from app import station as station_module  # noqa: E402
from app.config import KdfParams, Paths  # noqa: E402
from app.services import cases, catalogue  # noqa: E402
from app.station import Station  # noqa: E402
from app.store.db import Database  # noqa: E402
from bench.common import emit, err  # noqa: E402
from bianmin.demo import cases as demo  # noqa: E402

SEARCH_TARGET_MS = 30.0
ACCEPT_TARGET_MS = 20.0
RATIO_TARGET = 1.5
CHEAP_KDF = KdfParams(time_cost=1, memory_kib=8192, parallelism=1)
GEN_SEED = 2026
QUERY_SEED = 4711
BATCH = 500
PROGRESS_EVERY = 20_000
LIMIT = 50
ACCEPTANCES = 200
RATIO_PASSES = 3
PLAIN_HEADER = b"SQLite format 3\x00"

# Query kinds, and whether the sampled case should be among the (newest 50) results.
KINDS: list[tuple[str, str]] = [
    ("name", "applicant name (Chinese)"),
    ("id_last4", "ID number, last 4"),
    ("id_last6", "ID number, last 6"),
    ("case_no", "case number, full"),
    ("case_no_last5", "case number, last 5 (device and sequence)"),
    ("initials", "pinyin initials of the name"),
]


def ms(ns: int | float) -> float:
    return ns / 1e6


def percentile(values: list[float], p: float) -> float:
    """Nearest-rank percentile (p in 0..100)."""
    ordered = sorted(values)
    rank = max(1, math.ceil(p / 100 * len(ordered)))
    return ordered[rank - 1]


def mark(value: float, target: float) -> str:
    return "ok" if value <= target else "OVER TARGET"


# -- stations --------------------------------------------------------------------------------
@contextmanager
def plain_database() -> Iterator[None]:
    """Within this block ``Station.init`` opens its store without a key: a plain SQLite file."""
    original = station_module.Database

    def plain(path: Path, key: bytes | None, **kwargs: Any) -> Database:
        return Database(path, None, **kwargs)

    station_module.Database = plain  # type: ignore[assignment,misc]
    try:
        yield
    finally:
        station_module.Database = original  # type: ignore[misc]


def make_station(home: Path, *, encrypted: bool = True) -> Station:
    def init() -> Station:
        station, _recovery = Station.init(
            Paths(home), station_code=demo.DEMO_STATION_CODE, station_name=demo.DEMO_STATION_NAME,
            admin_login="bench", admin_password="bench-password", kdf=CHEAP_KDF,
        )
        return station

    if encrypted:
        station = init()
    else:
        with plain_database():
            station = init()
    catalogue.import_sample(station)
    return station


def header_is_plain(path: Path) -> bool:
    with open(path, "rb") as fh:
        return fh.read(16) == PLAIN_HEADER


def file_sizes(home: Path) -> dict[str, int]:
    out: dict[str, int] = {}
    for suffix in ("", "-wal", "-shm"):
        p = home / f"station.db{suffix}"
        if p.exists():
            out[p.name] = p.stat().st_size
    return out


def mb(n: int | float) -> float:
    return n / (1024 * 1024)


# -- generation ------------------------------------------------------------------------------
def generate(station: Station, n: int, label: str) -> dict[str, Any]:
    start = time.perf_counter_ns()
    next_report = [PROGRESS_EVERY]

    def progress(made: int) -> None:
        if made >= next_report[0] or made == n:
            elapsed = (time.perf_counter_ns() - start) / 1e9
            err(f"  [{label}] generated {made}/{n} in {elapsed:.1f} s ({elapsed * 1000 / made:.2f} ms/case)")
            while next_report[0] <= made:
                next_report[0] += PROGRESS_EVERY

    result = demo.generate(station, n, seed=GEN_SEED, batch=BATCH, advance=False, progress=progress)
    seconds = (time.perf_counter_ns() - start) / 1e9
    return {
        "cases": n, "created": result.created, "failed": result.failed, "seconds": round(seconds, 2),
        "ms_per_case": round(seconds * 1000 / max(1, n), 3), "cases_per_s": round(n / seconds, 1),
        "by_status": dict(sorted(result.by_status.items())),
    }


# -- queries ---------------------------------------------------------------------------------
@dataclass
class Query:
    kind: str
    text: str
    case_no: str


@dataclass
class KindStats:
    times_ms: list[float] = field(default_factory=list)
    hits: list[int] = field(default_factory=list)
    found: int = 0


def initials(name: str) -> str:
    return "".join(lazy_pinyin(name, style=Style.FIRST_LETTER, errors="ignore")).lower()


def build_queries(station: Station, per_kind: int, seed: int) -> list[Query]:
    """Queries made from cases really in the store (sampled at random, reproducibly)."""
    rng = random.Random(seed)
    top = int(station.db.scalar("SELECT max(id) FROM cases", default=0))
    ids = rng.sample(range(1, top + 1), min(per_kind, top))
    rows: list[tuple[str, str, str]] = []
    for case_id in ids:
        row = station.db.one("SELECT case_no, applicant_name, applicant_id_no FROM cases WHERE id = ?", (case_id,))
        if row is not None:
            rows.append((row[0], row[1], row[2]))
    queries: list[Query] = []
    for case_no, name, id_no in rows:
        queries.extend([
            Query("name", name, case_no),
            Query("id_last4", id_no[-4:], case_no),
            Query("id_last6", id_no[-6:], case_no),
            Query("case_no", case_no, case_no),
            Query("case_no_last5", case_no[-5:], case_no),
        ])
        code = initials(name)
        if code:
            queries.append(Query("initials", code, case_no))
    return queries


def run_query(station: Station, q: Query) -> tuple[float, int, bool]:
    t0 = time.perf_counter_ns()
    results = cases.search_cases(station, q.text, limit=LIMIT)
    elapsed = ms(time.perf_counter_ns() - t0)
    return elapsed, len(results), any(r.case_no == q.case_no for r in results)


def search_latency(station: Station, queries: list[Query], warmup: int) -> dict[str, KindStats]:
    rng = random.Random(QUERY_SEED + 1)
    for q in rng.sample(queries, min(warmup, len(queries))):
        run_query(station, q)
    stats: dict[str, KindStats] = {k: KindStats() for k, _ in KINDS}
    order = list(queries)
    rng.shuffle(order)  # kinds interleaved, as a counter would type them
    for q in order:
        elapsed, hits, found = run_query(station, q)
        s = stats[q.kind]
        s.times_ms.append(elapsed)
        s.hits.append(hits)
        s.found += found
    return stats


def timed_pass(station: Station, queries: list[Query]) -> tuple[float, list[int]]:
    counts: list[int] = []
    t0 = time.perf_counter_ns()
    for q in queries:
        counts.append(len(cases.search_cases(station, q.text, limit=LIMIT)))
    return ms(time.perf_counter_ns() - t0), counts


# -- acceptance ------------------------------------------------------------------------------
def acceptances(station: Station, n: int, seed: int) -> dict[str, Any]:
    """``n`` single ``cases.submit`` calls, each its own transaction, as at the counter."""
    rng = random.Random(seed)
    items = [i for i in catalogue.list_items(station) if "person" in i.body.get("applicants", {}).get("kinds", [])]
    bundles = [b.code for b in catalogue.list_bundles(station)]
    times: list[float] = []
    decisions: dict[str, int] = {}
    failed = 0
    for _ in range(n):
        req = demo.make_request(rng, station, items, bundles, station.today())
        decisions[req.decision.value] = decisions.get(req.decision.value, 0) + 1
        t0 = time.perf_counter_ns()
        try:
            cases.submit(station, req)
        except Exception as exc:  # a benchmark reports, it does not stop
            failed += 1
            err(f"  acceptance failed: {exc!r}")
            continue
        times.append(ms(time.perf_counter_ns() - t0))
    return {
        "n": n, "failed": failed, "median_ms": round(statistics.median(times), 2) if times else None,
        "p95_ms": round(percentile(times, 95), 2) if times else None,
        "max_ms": round(max(times), 2) if times else None, "decisions": dict(sorted(decisions.items())),
    }


# -- encrypted / plain -----------------------------------------------------------------------
def ratio_workload(work: Path, n: int, per_kind: int) -> dict[str, Any]:
    enc = make_station(work / "ratio-encrypted", encrypted=True)
    plain = make_station(work / "ratio-plain", encrypted=False)
    out: dict[str, Any] = {"cases": n, "queries_per_kind": per_kind}
    try:
        out["plain_header_is_plain"] = header_is_plain(plain.paths.database)
        out["encrypted_header_is_plain"] = header_is_plain(enc.paths.database)
        gen_enc = generate(enc, n, "ratio encrypted")
        gen_plain = generate(plain, n, "ratio plain")
        out["generation"] = {"encrypted_s": gen_enc["seconds"], "plain_s": gen_plain["seconds"],
                             "ratio": round(gen_enc["seconds"] / gen_plain["seconds"], 3)}
        sql = "SELECT case_no, applicant_name, applicant_id_no FROM cases ORDER BY id"
        same = [st.db.all(sql) for st in (enc, plain)]
        out["identical_cases"] = same[0] == same[1]
        queries = build_queries(enc, per_kind, QUERY_SEED + 2)
        out["queries"] = len(queries)
        # One untimed pass each to warm the caches, then alternating timed passes; the median pass counts.
        timed_pass(enc, queries)
        timed_pass(plain, queries)
        enc_ms: list[float] = []
        plain_ms: list[float] = []
        counts: dict[str, list[int]] = {}
        for _ in range(RATIO_PASSES):
            t, counts["enc"] = timed_pass(enc, queries)
            enc_ms.append(t)
            t, counts["plain"] = timed_pass(plain, queries)
            plain_ms.append(t)
        out["identical_results"] = counts["enc"] == counts["plain"]
        e, p = statistics.median(enc_ms), statistics.median(plain_ms)
        out["search"] = {"passes": RATIO_PASSES, "encrypted_ms": round(e, 1), "plain_ms": round(p, 1),
                         "encrypted_ms_per_query": round(e / len(queries), 3),
                         "plain_ms_per_query": round(p / len(queries), 3), "ratio": round(e / p, 3)}
    finally:
        enc.close()
        plain.close()
    out["files"] = {"encrypted": file_sizes(enc.paths.home), "plain": file_sizes(plain.paths.home)}
    return out


# -- main ------------------------------------------------------------------------------------
def environment() -> dict[str, Any]:
    import sqlcipher3

    conn = sqlcipher3.connect(":memory:")
    try:
        cipher = conn.execute("PRAGMA cipher_version").fetchone()
        sqlite = conn.execute("SELECT sqlite_version()").fetchone()[0]
    finally:
        conn.close()
    return {
        "python": platform.python_version(), "platform": platform.platform(), "cpus": os.cpu_count(),
        "sqlite": sqlite, "sqlcipher": cipher[0] if cipher else None,
        "loadavg_start": [round(x, 2) for x in os.getloadavg()],
    }


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cases", type=int, default=200_000, help="cases in the main store (default 200000)")
    ap.add_argument("--ratio-cases", type=int, default=20_000,
                    help="cases in each of the encrypted and plain stores (default 20000)")
    ap.add_argument("--queries", type=int, default=300, help="queries per kind (default 300)")
    ap.add_argument("--keep", type=Path, metavar="DIR", help="make the stores in DIR and keep them")
    ap.add_argument("--json-out", type=Path, metavar="FILE", help="also write the JSON figures to FILE")
    args = ap.parse_args(argv)
    if args.cases < 1 or args.ratio_cases < 1 or args.queries < 1:
        ap.error("--cases, --ratio-cases and --queries must be positive")
    return args


def section(title: str) -> None:
    print(f"\n== {title}", flush=True)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)
        work = args.keep
    else:
        work = Path(tempfile.mkdtemp(prefix="bianmin-bench-"))

    figures: dict[str, Any] = {"env": environment(), "args": {
        "cases": args.cases, "ratio_cases": args.ratio_cases, "queries_per_kind": args.queries, "batch": BATCH,
        "seed": GEN_SEED, "limit": LIMIT}}
    env = figures["env"]
    print(f"Bianmin store benchmark  python {env['python']}  SQLite {env['sqlite']}  "
          f"SQLCipher {env['sqlcipher']}  {env['cpus']} CPUs  load {env['loadavg_start']}")
    print(f"Stores in {work}{' (kept)' if args.keep else ' (temporary)'}")
    print(f"Key slots use a cheap Argon2id (t={CHEAP_KDF.time_cost}, m={CHEAP_KDF.memory_kib // 1024} MiB, "
          f"p={CHEAP_KDF.parallelism}): unlocking is not measured here.")
    try:
        # 1. the main store
        section(f"Main store: {args.cases} generated cases (encrypted)")
        t0 = time.perf_counter()
        station = make_station(work / "main")
        figures["env"]["cache_size"] = station.db.scalar("PRAGMA cache_size")
        figures["env"]["page_size"] = station.db.scalar("PRAGMA page_size")
        print(f"station + sample catalogue: {time.perf_counter() - t0:.2f} s  (page_size "
              f"{figures['env']['page_size']}, cache_size {figures['env']['cache_size']}; negative = KiB)")
        try:
            gen = generate(station, args.cases, "main")
            figures["generation"] = gen
            print(f"generation: {gen['seconds']:.1f} s, {gen['ms_per_case']:.2f} ms/case, "
                  f"{gen['cases_per_s']:.0f} cases/s (demo.generate, batch={BATCH}, advance=False)")
            print(f"  created {gen['created']}, failed {gen['failed']}, by status {gen['by_status']}")
            figures["rss_after_generation_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)

            # 2. search latency
            section(f"Search latency: cases.search_cases(limit={LIMIT}), {args.queries} queries per kind")
            queries = build_queries(station, args.queries, QUERY_SEED)
            stats = search_latency(station, queries, warmup=20)
            figures["search"] = {}
            print("20 warm-up queries untimed; 'found' = the sampled case is among the results (newest first)")
            for kind, label in KINDS:
                s = stats[kind]
                if not s.times_ms:
                    print(f"search {kind}: no queries")
                    continue
                n = len(s.times_ms)
                p50, p95, top = statistics.median(s.times_ms), percentile(s.times_ms, 95), max(s.times_ms)
                avg_hits = statistics.fmean(s.hits)
                capped = sum(1 for h in s.hits if h >= LIMIT) / n
                figures["search"][kind] = {
                    "n": n, "p50_ms": round(p50, 2), "p95_ms": round(p95, 2), "max_ms": round(top, 2),
                    "avg_hits": round(avg_hits, 1), "at_limit": round(capped, 3), "found": round(s.found / n, 3),
                    "example": next(q.text for q in queries if q.kind == kind),
                }
                print(f"search {kind} p95: {p95:.1f} ms (target <= {SEARCH_TARGET_MS:.0f} ms) "
                      f"{mark(p95, SEARCH_TARGET_MS)}"
                      f"  | p50 {p50:.1f} ms, max {top:.1f} ms, avg hits {avg_hits:.1f} ({capped:.0%} at the "
                      f"limit of {LIMIT}), found {s.found}/{n} = {s.found / n:.0%}  [{label}]")
            worst = max(percentile(s.times_ms, 95) for s in stats.values() if s.times_ms)
            figures["search_worst_p95_ms"] = round(worst, 2)
            print(f"search worst p95: {worst:.1f} ms (target <= {SEARCH_TARGET_MS:.0f} ms) "
                  f"{mark(worst, SEARCH_TARGET_MS)}")

            # 3. one acceptance
            section(f"One acceptance: {ACCEPTANCES} single cases.submit calls, each its own transaction")
            acc = acceptances(station, ACCEPTANCES, QUERY_SEED + 3)
            figures["acceptance"] = acc
            if acc["median_ms"] is not None:
                print(f"acceptance median: {acc['median_ms']:.1f} ms (target <= {ACCEPT_TARGET_MS:.0f} ms) "
                      f"{mark(acc['median_ms'], ACCEPT_TARGET_MS)}  | p95 {acc['p95_ms']:.1f} ms, "
                      f"max {acc['max_ms']:.1f} ms, failed {acc['failed']}, decisions {acc['decisions']}")
            else:
                print(f"acceptance: every one of {ACCEPTANCES} submits failed")
        finally:
            station.close()
        figures["files_main"] = file_sizes(station.paths.home)

        # 4. encrypted / plain
        section(f"Encrypted / plain SQLite: {args.ratio_cases} cases each (same seed, batch {BATCH}) "
                f"+ the same query set")
        ratio = ratio_workload(work, args.ratio_cases, args.queries)
        figures["ratio"] = ratio
        print(f"file headers: plain store plain={ratio['plain_header_is_plain']}, "
              f"encrypted store plain={ratio['encrypted_header_is_plain']}; identical cases: "
              f"{ratio['identical_cases']}; identical result counts: {ratio['identical_results']}")
        g = ratio["generation"]
        print(f"generation ratio: {g['ratio']:.2f} (target <= {RATIO_TARGET}) {mark(g['ratio'], RATIO_TARGET)}"
              f"  | encrypted {g['encrypted_s']:.1f} s, plain {g['plain_s']:.1f} s")
        s = ratio["search"]
        print(f"search ratio: {s['ratio']:.2f} (target <= {RATIO_TARGET}) {mark(s['ratio'], RATIO_TARGET)}"
              f"  | {ratio['queries']} queries, median of {s['passes']} passes: encrypted {s['encrypted_ms']:.0f} ms "
              f"({s['encrypted_ms_per_query']:.2f} ms/query), plain {s['plain_ms']:.0f} ms "
              f"({s['plain_ms_per_query']:.2f} ms/query)")

        # 5. memory and files
        section("Memory and files")
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        figures["peak_rss_mb"] = round(peak, 1)
        figures["loadavg_end"] = [round(x, 2) for x in os.getloadavg()]
        print(f"peak memory (ru_maxrss, whole run): {peak:.0f} MB  | after main generation "
              f"{figures['rss_after_generation_mb']:.0f} MB")
        for label, sizes in (("main", figures["files_main"]), ("ratio encrypted", ratio["files"]["encrypted"]),
                             ("ratio plain", ratio["files"]["plain"])):
            parts = ", ".join(f"{name} {mb(size):.1f} MB" for name, size in sizes.items())
            print(f"files {label}: {parts}")
        main_db = figures["files_main"].get("station.db", 0)
        print(f"  main store: {main_db / args.cases / 1024:.2f} KiB per case (after WAL checkpoint at close)")
        print(f"load average at end: {figures['loadavg_end']} (other work on the machine skews the timings)")
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)

    emit(figures, args.json_out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
