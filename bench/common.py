"""What the benchmark scripts share: their messages, their marks, the JSON line they end with, and
the generated station they measure (made once, then kept in a cache directory).

Imported as ``bench.common`` once the script has put the repository on ``sys.path``.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
import time
from pathlib import Path
from typing import Any


def err(message: str) -> None:
    """Progress and trouble, on standard error (standard output holds the figures)."""
    print(message, file=sys.stderr, flush=True)


def mark(ok: bool) -> str:
    return "ok" if ok else "MISSES TARGET"


def kb(n: float) -> str:
    return f"{n / 1000:.1f} KB"


def emit(figures: dict[str, Any], json_out: Path | None) -> None:
    """The figures as one JSON line after the text, and into ``json_out`` when given."""
    line = json.dumps(figures, ensure_ascii=False, sort_keys=True)
    print("\n" + line)
    if json_out:
        json_out.write_text(line + "\n", "utf-8")


# -- a generated station, made once and kept in a cache directory ---------------------------------
LOGIN = "bench"
PASSWORD = "bench-password"


def kdf() -> Any:
    """A cheap key derivation: the benchmarks time the counter, not Argon2."""
    from app.config import KdfParams

    return KdfParams(time_cost=1, memory_kib=8192, parallelism=1)


def cache_root(arg: Path | None, bench: str) -> Path:
    """Where ``bench``'s generated stations are kept (``--cache``, else the user's cache directory)."""
    if arg is not None:
        return arg
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "bianmin-bench" / bench


def prepare_station(home: Path, n: int, fresh: bool, *, seed: int, batch: int, steps: int,
                    **generate: Any) -> dict[str, Any]:
    """Make (or reuse) a station at ``home`` with ``n`` demo cases (``bianmin.demo.cases.generate``
    with ``seed``, ``batch`` and ``generate``), progress shown ``steps`` times; returns whether it was
    cached and what its generation cost. A generation that did not finish is made again."""
    from app.config import Paths
    from app.services import catalogue
    from app.station import Station
    from bianmin.demo import cases as demo

    done_mark = home / "bench-complete"
    if fresh and home.exists():
        shutil.rmtree(home)
    if done_mark.exists():
        return {"cached": True, **json.loads(done_mark.read_text())}
    if home.exists():
        shutil.rmtree(home)
    home.parent.mkdir(parents=True, exist_ok=True)
    station, _recovery = Station.init(Paths(home), station_code=demo.DEMO_STATION_CODE,
                                      station_name=demo.DEMO_STATION_NAME, admin_login=LOGIN,
                                      admin_password=PASSWORD, kdf=kdf())
    try:
        catalogue.import_sample(station)
        t0 = time.perf_counter()
        step = max(batch, n // steps)
        shown = [step]

        def progress(made: int) -> None:
            if made >= shown[0] or made == n:
                err(f"  generated {made}/{n} in {time.perf_counter() - t0:.0f} s")
                shown[0] += step

        demo.generate(station, n, seed=seed, batch=batch, progress=progress, **generate)
        seconds = time.perf_counter() - t0
    finally:
        station.close()
    info = {"generation_s": round(seconds, 1), "cases": n}
    done_mark.write_text(json.dumps(info))
    return {"cached": False, **info}
