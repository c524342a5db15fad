"""``make run`` as a person sees it: ``bianmin --demo`` and ``bianmin`` from the venv, first and warm.

    .venv/bin/python bench/first_run.py [--runs 5] [--skip-cold]

Measured from the process's start to the moment a window is mapped and visible on an X display
(Xvfb, started here when there is no DISPLAY; polled with xdotool every 10 ms):

* first run (a fresh data directory): start to the first window (the splash that says what is
  being prepared) and start to the login window, while the demo station is built;
* warm ``bianmin --demo`` (the demo station exists, its hub is started beside the window): start
  to the login window;
* warm ``bianmin`` (a station exists, no demo): start to the login window.

"Warm" means the same command ran once before (files in the page cache). The login window is the
one titled exactly 便民服务台; the splash is found by its own title (正在准备演示服务站…). Figures are printed, never
asserted. Target (issue 13): warm start to the login window under 2 s on the development machine.
Needs: xvfb, xdotool (apt-get install xvfb xdotool).
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
from pathlib import Path

from desktop import display, fail, make_station, missing_tools, watch

ROOT = Path(__file__).resolve().parent.parent
BIANMIN = ROOT / ".venv" / "bin" / "bianmin"
LOGIN_TITLE = "^便民服务台$"  # the main window
SPLASH_TITLE = "准备"  # the splash: 正在准备演示服务站… (xdotool does not match its whole title)


def start_once(argv: list[str], env: dict[str, str], timeout: float = 120.0) -> tuple[float, float]:
    """Seconds from start until the first window of the program and until its login window (the
    window closes properly on SIGTERM, the demo hub with it)."""
    (first, login), _ = watch(argv, env, [SPLASH_TITLE, LOGIN_TITLE], timeout, stop_wait=15.0)
    return first or login, login


def series(argv: list[str], env: dict[str, str], runs: int) -> list[float]:
    start_once(argv, env)  # caches warm
    return [start_once(argv, env)[1] for _ in range(runs)]


def line(name: str, times: list[float]) -> str:
    return f"{name:<34} median {statistics.median(times):.2f} s, worst {max(times):.2f} s"


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--skip-cold", action="store_true", help="no first run with a fresh data directory")
    args = parser.parse_args()
    if not BIANMIN.exists():
        return fail(f"{BIANMIN} is missing: run `make venv` first")
    if problem := missing_tools():
        return fail(problem)
    base = {k: v for k, v in os.environ.items() if not k.startswith("QT_") and k != "BIANMIN_HOME"}
    with display(base, "1366x768") as env, tempfile.TemporaryDirectory(prefix="bianmin-first-run-") as tmp:
        demo_env = {**env, "BIANMIN_HOME": str(Path(tmp) / "demo")}
        if args.skip_cold:
            start_once([str(BIANMIN), "--demo"], demo_env)  # the demo station is made, not measured
        else:
            first, login = start_once([str(BIANMIN), "--demo"], demo_env)
            print(f"first run, bianmin --demo:         first window {first:.2f} s, "
                  f"login window {login:.2f} s (demo station built meanwhile)")
        demo = series([str(BIANMIN), "--demo"], demo_env, args.runs)
        print(line("warm bianmin --demo, to login:", demo))
        home = Path(tmp) / "station"
        make_station(BIANMIN, home, env, "bench-first-2026")
        plain = series([str(BIANMIN)], {**env, "BIANMIN_HOME": str(home)}, args.runs)
        print(line("warm bianmin, to login:", plain))
        print(f"({args.runs} runs each, display {env['DISPLAY']}; target: warm start to login < 2 s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
