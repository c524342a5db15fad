"""What the start-up benchmarks share: an X display of their own, a station made with ``init``, and
a program started and watched until its windows are mapped and visible (xdotool, every 10 ms).

Used by ``bench/startup.py`` (the built program) and ``bench/first_run.py`` (``make run``).
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path


def missing_tools() -> str | None:
    """The sentence to print when xdotool or Xvfb is not installed, else None."""
    for tool in ("xdotool", "Xvfb"):
        if not shutil.which(tool):
            return f"{tool} is missing: apt-get install xvfb xdotool"
    return None


@contextmanager
def display(env: dict[str, str], size: str) -> Iterator[dict[str, str]]:
    """``env`` with a DISPLAY: the caller's, or an Xvfb of our own (``size`` like 1366x768) on the
    first free display it finds, stopped at the end."""
    if env.get("DISPLAY"):
        yield env
        return
    read, write = os.pipe()
    xvfb = subprocess.Popen(["Xvfb", "-displayfd", str(write), "-screen", "0", f"{size}x24",
                             "-nolisten", "tcp", "-noreset"], pass_fds=(write,), stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    os.close(write)
    with os.fdopen(read) as answer:
        number = answer.readline().strip()
    try:
        yield {**env, "DISPLAY": ":" + number}
    finally:
        xvfb.terminate()
        xvfb.wait()


def make_station(program: Path, home: Path, env: dict[str, str], password: str) -> None:
    """A real station in ``home``, made with the program's own ``init``."""
    secret = home.parent / "password"
    secret.write_text(password + "\n")
    subprocess.run([str(program), "init", "--station-code", "540127100000", "--station-name", "工卡镇便民服务中心",
                    "--admin", "admin", "--password-file", str(secret)], env={**env, "BIANMIN_HOME": str(home)},
                   check=True, stdout=subprocess.DEVNULL)


def visible(title: str, env: dict[str, str]) -> bool:
    proc = subprocess.run(["xdotool", "search", "--onlyvisible", "--name", title], env=env,
                          capture_output=True, text=True)
    return proc.returncode == 0 and bool(proc.stdout.strip())


def watch(argv: list[str], env: dict[str, str], titles: list[str], timeout: float,
          at_last: Callable[[int], object] | None = None, stop_wait: float = 10.0) -> tuple[list[float], object]:
    """Start ``argv`` and poll until a window of each title has been visible; the last title ends
    the watch. Returns the seconds from start at which each title was first seen (0.0 for one not
    seen before the last) and what ``at_last(pid)`` returned then (e.g. the peak memory). The
    program is then stopped with SIGTERM (its windows close properly), killed after ``stop_wait``."""
    started = time.perf_counter()
    seen = [0.0] * len(titles)
    errors = tempfile.TemporaryFile()
    proc = subprocess.Popen(argv, env=env, stdout=subprocess.DEVNULL, stderr=errors)
    try:
        while time.perf_counter() - started < timeout:
            for i, title in enumerate(titles):
                if not seen[i] and visible(title, env):
                    seen[i] = time.perf_counter() - started
            if seen[-1]:
                return seen, at_last(proc.pid) if at_last else None
            if proc.poll() is not None:
                errors.seek(0)
                raise RuntimeError(f"{argv[0]} exited with {proc.returncode} before showing its window:\n"
                                   + errors.read().decode(errors="replace")[-2000:])
            time.sleep(0.01)
        raise RuntimeError(f"no window titled {titles[-1]!r} within {timeout} s")
    finally:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(stop_wait)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def fail(message: str) -> int:
    print(message, file=sys.stderr)
    return 2
