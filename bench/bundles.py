"""Offline bundle benchmark: export on a laptop, import at a centre, forward to a real hub; time and memory.

    .venv/bin/python bench/bundles.py [--events 10000] [--attachments 500] [--attachment-kb 300]
                                      [--small 0.1] [--seed 2026] [--json-out FILE]

A throw-away laptop station (cheap Argon2id, sample catalogue) gets demo cases until its journal
holds about ``--events`` events, and ``--attachments`` scan-like JPEGs of about ``--attachment-kb``
KB each as stored (noise pages recompressed by the station on import). A centre station and a real
hub process on loopback complete the picture; both stations are enrolled.

Memory "flat, not growing with the bundle" is shown by measuring twice: first a small bundle (the
``--small`` fraction of the events and attachments, made when the laptop holds only that much),
then the full one (everything unsent: the small bundle's contents again plus the rest). Export and
import each run in a fresh process (``multiprocessing`` spawn), so each peak is that operation's own:

* peak RSS (``VmHWM``) of the process, and what it was before the operation started (imports,
  the open store with its 32 MiB page cache);
* peak of Python's own allocations during the operation (``tracemalloc``);
* the hub's peak RSS (``VmHWM`` of the hub process) after taking in each bundle.

Target: the full bundle's peaks within 25 % (or 32 MB) of the small bundle's. The script never asserts.
"""

from __future__ import annotations

import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO_ROOT))

import argparse  # noqa: E402
import io  # noqa: E402
import json  # noqa: E402
import multiprocessing  # noqa: E402
import platform  # noqa: E402
import random  # noqa: E402
import shutil  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
from typing import Any  # noqa: E402

from PIL import Image  # noqa: E402

from app.config import KdfParams, Paths  # noqa: E402
from app.services import attachments as attachment_service  # noqa: E402
from app.services import catalogue  # noqa: E402
from app.station import Station  # noqa: E402
from app.store import cases as case_store  # noqa: E402
from bench.common import err  # noqa: E402
from bianmin.demo import cases as demo  # noqa: E402
from sync import engine  # noqa: E402
from tests.hubproc import start_hub  # noqa: E402

CHEAP_KDF = KdfParams(time_cost=1, memory_kib=8192, parallelism=1)
PASSWORD = "bench-password"
CENTRE_CODE = "540127200000"
EVENTS_PER_CASE_GUESS = 2.2
FLAT_RATIO = 1.25
FLAT_SLACK_MB = 32.0


def proc_status(pid: int | str = "self") -> dict[str, float]:
    """VmRSS and VmHWM (peak RSS) of a process, MB (Linux)."""
    out: dict[str, float] = {}
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            key, _, value = line.partition(":")
            if key in ("VmRSS", "VmHWM"):
                out[key] = int(value.split()[0]) / 1024
    except OSError:
        pass
    return out


# -- the laptop's work ----------------------------------------------------------------------------
def event_count(station: Station) -> int:
    return int(station.db.scalar("SELECT count(*) FROM events", default=0))


def fill_cases(station: Station, target_events: int, seed: int) -> None:
    rounds = 0
    while event_count(station) < target_events:
        n = max(1, int((target_events - event_count(station)) / EVENTS_PER_CASE_GUESS))
        demo.generate(station, n, seed=seed + rounds, batch=500, advance=False)
        rounds += 1


def scan_like_jpeg(rng: random.Random, side: int) -> bytes:
    w, h = side, int(side * 1.414)
    noise = Image.frombytes("RGB", (w, h), rng.randbytes(w * h * 3))
    img = Image.blend(Image.new("RGB", (w, h), (236, 232, 220)), noise, 0.55)
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=95)
    return buf.getvalue()


class Scans:
    """Scan-like JPEGs whose stored (recompressed) size is about ``target`` bytes."""

    def __init__(self, target: int, seed: int) -> None:
        self.target, self.rng, self.side = target, random.Random(seed), 600

    def next(self) -> bytes:
        raw = b""
        for _ in range(8):
            raw = scan_like_jpeg(self.rng, self.side)
            stored = len(attachment_service.prepare(raw, "scan.jpg").data)
            if abs(stored - self.target) <= 0.03 * self.target:
                break
            self.side = max(64, min(attachment_service.MAX_SIDE, int(self.side * (self.target / stored) ** 0.5)))
        return raw


def add_attachments(station: Station, scans: Scans, start: int, n: int) -> int:
    """Attach ``n`` scans to cases spread over the journal; their stored bytes."""
    rows = station.db.all("SELECT id, case_no FROM cases ORDER BY id")
    total = 0
    for i in range(start, start + n):
        case_id, case_no = rows[(i * 7919) % len(rows)]
        material = case_store.get_materials(station.db, case_id)[0]
        info = attachment_service.add_bytes(station, case_no, material["item_code"], material["material_code"],
                                            scans.next(), f"scan-{i + 1:04d}.jpg")
        total += info.size
    return total


# -- measured operations, each in a fresh process ---------------------------------------------------
def _measured(kind: str, home: str, file: str, out: Any) -> None:
    import tracemalloc

    from sync import bundles

    station = Station.open(Paths(Path(home)), "bench", PASSWORD, check="none")
    try:
        before = proc_status()
        tracemalloc.start()
        t0 = time.perf_counter()
        if kind == "export":
            result: Any = bundles.export_bundle(station, Path(file))
            info = {"events": result.events, "attachments": result.attachments, "size": result.size}
        else:
            imported = bundles.import_bundle(station, Path(file))
            info = {"stored": imported.stored, "duplicate": imported.duplicate, "attachments": imported.attachments,
                    "bytes_sent": imported.bytes_sent}
        seconds = time.perf_counter() - t0
        _current, traced_peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        after = proc_status()
    finally:
        station.close()
    out.put({"seconds": seconds, "rss_before_mb": before.get("VmRSS", 0.0), "peak_rss_mb": after.get("VmHWM", 0.0),
             "traced_peak_mb": traced_peak / 1024 / 1024, **info})


def measured(kind: str, home: Path, file: Path) -> dict[str, Any]:
    ctx = multiprocessing.get_context("spawn")
    queue = ctx.Queue()
    proc = ctx.Process(target=_measured, args=(kind, str(home), str(file), queue))
    proc.start()
    result = queue.get(timeout=3600)
    proc.join(60)
    return dict(result)


def run(args: argparse.Namespace, work: Path) -> dict[str, Any]:
    figures: dict[str, Any] = {"python": platform.python_version(), "machine": platform.machine(),
                               "events_target": args.events, "attachments": args.attachments,
                               "attachment_kb": args.attachment_kb}
    hub = start_hub(work / "hub")
    try:
        laptop, _ = Station.init(Paths(work / "laptop"), station_code=demo.DEMO_STATION_CODE,
                                 station_name=demo.DEMO_STATION_NAME, admin_login="bench", admin_password=PASSWORD,
                                 kdf=CHEAP_KDF)
        catalogue.import_sample(laptop)
        centre, _ = Station.init(Paths(work / "centre"), station_code=CENTRE_CODE, station_name="县政务服务中心",
                                 admin_login="bench", admin_password=PASSWORD, kdf=CHEAP_KDF)
        engine.enrol(laptop, hub.url, hub.quick_code(laptop.station_code))
        engine.enrol(centre, hub.url, hub.quick_code(CENTRE_CODE))
        centre.close()
        scans = Scans(args.attachment_kb * 1000, args.seed)
        small_events = max(1, int(args.events * args.small))
        small_atts = max(1, int(args.attachments * args.small))
        runs: dict[str, Any] = {}
        made = 0
        for label, n_events, n_atts in (("small", small_events, small_atts), ("full", args.events, args.attachments)):
            t0 = time.perf_counter()
            fill_cases(laptop, n_events, args.seed)
            stored_bytes = add_attachments(laptop, scans, made, n_atts - made)
            made = n_atts
            err(f"[{label}] laptop holds {event_count(laptop)} events, {made} attachments "
                f"(+{stored_bytes / 1e6:.1f} MB stored) — made in {time.perf_counter() - t0:.0f} s")
            file = work / f"{label}.bmb"
            exported = measured("export", laptop.paths.home, file)
            err(f"[{label}] export: {exported['seconds']:.1f} s, {exported['size'] / 1e6:.1f} MB")
            imported = measured("import", work / "centre", file)
            err(f"[{label}] import: {imported['seconds']:.1f} s")
            runs[label] = {"export": exported, "import": imported, "hub_peak_rss_mb": proc_status(
                hub.process.pid if hub.process else 0).get("VmHWM", 0.0)}
        laptop.close()
        figures["runs"] = runs
        if "Traceback" in hub.log():
            figures["hub_errors"] = hub.log()[-2000:]
    finally:
        hub.stop()
    return figures


def report(figures: dict[str, Any]) -> None:
    runs = figures["runs"]
    print(f"Offline bundles — python {figures['python']} on {figures['machine']}")
    for label in ("small", "full"):
        ex, im = runs[label]["export"], runs[label]["import"]
        size_mb = ex["size"] / 1e6
        print(f"\n{label} bundle: {ex['events']} events, {ex['attachments']} attachments, {size_mb:.1f} MB")
        print(f"  export  {ex['seconds']:6.1f} s  ({size_mb / ex['seconds']:.1f} MB/s)   peak RSS "
              f"{ex['peak_rss_mb']:.0f} MB (before {ex['rss_before_mb']:.0f} MB)   Python allocations peak "
              f"{ex['traced_peak_mb']:.1f} MB")
        print(f"  import  {im['seconds']:6.1f} s  ({size_mb / im['seconds']:.1f} MB/s, check + forward + hub intake)"
              f"   peak RSS {im['peak_rss_mb']:.0f} MB (before {im['rss_before_mb']:.0f} MB)   Python allocations "
              f"peak {im['traced_peak_mb']:.1f} MB")
        print(f"          hub: {im['stored']} events new, {im['duplicate']} already had, "
              f"{im['attachments']} attachments; hub process peak RSS so far {runs[label]['hub_peak_rss_mb']:.0f} MB")
    small, full = runs["small"], runs["full"]
    growth = full["export"]["size"] / max(1, small["export"]["size"])
    print(f"\nmemory flat (full bundle is {growth:.1f}x the small one; target: peaks within "
          f"{(FLAT_RATIO - 1) * 100:.0f} % or {FLAT_SLACK_MB:.0f} MB):")
    for what, a, b in (
        ("export peak RSS", small["export"]["peak_rss_mb"], full["export"]["peak_rss_mb"]),
        ("export Python allocations", small["export"]["traced_peak_mb"], full["export"]["traced_peak_mb"]),
        ("import peak RSS", small["import"]["peak_rss_mb"], full["import"]["peak_rss_mb"]),
        ("import Python allocations", small["import"]["traced_peak_mb"], full["import"]["traced_peak_mb"]),
        ("hub peak RSS", small["hub_peak_rss_mb"], full["hub_peak_rss_mb"]),
    ):
        ok = b <= max(a * FLAT_RATIO, a + FLAT_SLACK_MB)
        print(f"  {what:<26} {a:7.1f} MB -> {b:7.1f} MB   {'ok' if ok else 'MISSES TARGET'}")
    if figures.get("hub_errors"):
        print("\nthe hub logged errors:\n" + figures["hub_errors"])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--events", type=int, default=10_000)
    parser.add_argument("--attachments", type=int, default=500)
    parser.add_argument("--attachment-kb", type=int, default=300)
    parser.add_argument("--small", type=float, default=0.1, help="fraction for the small bundle")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--json-out")
    parser.add_argument("--keep", action="store_true", help="keep the working directory")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="bianmin-bench-bundles-"))
    try:
        figures = run(args, work)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
        else:
            err(f"kept {work}")
    report(figures)
    if args.json_out:
        Path(args.json_out).write_text(json.dumps(figures, indent=2), "utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
