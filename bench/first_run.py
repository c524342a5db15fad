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
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIANMIN = ROOT / ".venv" / "bin" / "bianmin"
LOGIN_TITLE = "^便民服务台$"  # the main window
SPLASH_TITLE = "准备"  # the splash: 正在准备演示服务站… (xdotool does not match its whole title)


def visible(title: str, env: dict[str, str]) -> bool:
    proc = subprocess.run(["xdotool", "search", "--onlyvisible", "--name", title], env=env,
                          capture_output=True, text=True)
    return proc.returncode == 0 and bool(proc.stdout.strip())


def start_once(argv: list[str], env: dict[str, str], timeout: float = 120.0) -> tuple[float, float]:
    """Seconds from start until the first window of the program and until its login window."""
    started = time.perf_counter()
    first = login = 0.0
    errors = tempfile.TemporaryFile()
    proc = subprocess.Popen(argv, env=env, stdout=subprocess.DEVNULL, stderr=errors)
    try:
        while time.perf_counter() - started < timeout:
            if not first and visible(SPLASH_TITLE, env):
                first = time.perf_counter() - started
            if visible(LOGIN_TITLE, env):
                login = time.perf_counter() - started
                return first or login, login
            if proc.poll() is not None:
                errors.seek(0)
                raise RuntimeError(f"{argv[0]} exited with {proc.returncode} before showing its window:\n"
                                   + errors.read().decode(errors="replace")[-2000:])
            time.sleep(0.01)
        raise RuntimeError(f"no login window within {timeout} s")
    finally:
        proc.send_signal(signal.SIGTERM)  # the window closes properly, the demo hub with it
        try:
            proc.wait(15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def make_station(home: Path, env: dict[str, str]) -> None:
    password = home.parent / "password"
    password.write_text("bench-first-2026\n")
    subprocess.run([str(BIANMIN), "init", "--station-code", "540127100000", "--station-name", "工卡镇便民服务中心",
                    "--admin", "admin", "--password-file", str(password)], env={**env, "BIANMIN_HOME": str(home)},
                   check=True, stdout=subprocess.DEVNULL)


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
        print(f"{BIANMIN} is missing: run `make venv` first", file=sys.stderr)
        return 2
    for tool in ("xdotool", "Xvfb"):
        if not shutil.which(tool):
            print(f"{tool} is missing: apt-get install xvfb xdotool", file=sys.stderr)
            return 2
    env = {k: v for k, v in os.environ.items() if not k.startswith("QT_") and k != "BIANMIN_HOME"}
    xvfb = None
    if not env.get("DISPLAY"):  # an Xvfb of our own, on the first free display it finds
        read, write = os.pipe()
        xvfb = subprocess.Popen(["Xvfb", "-displayfd", str(write), "-screen", "0", "1366x768x24",
                                 "-nolisten", "tcp", "-noreset"], pass_fds=(write,), stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL)
        os.close(write)
        with os.fdopen(read) as answer:
            env["DISPLAY"] = ":" + answer.readline().strip()
    try:
        with tempfile.TemporaryDirectory(prefix="bianmin-first-run-") as tmp:
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
            make_station(home, env)
            plain = series([str(BIANMIN)], {**env, "BIANMIN_HOME": str(home)}, args.runs)
            print(line("warm bianmin, to login:", plain))
            print(f"({args.runs} runs each, display {env['DISPLAY']}; target: warm start to login < 2 s)")
    finally:
        if xvfb is not None:
            xvfb.terminate()
            xvfb.wait()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
