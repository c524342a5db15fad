"""Start-up of the built program (``make dist``): start to login window, size on disk, memory.

    python bench/startup.py [--runs 7] [--program dist/bianmin/bianmin]

Measured as a person sees it: the program is started on an X display (Xvfb, started here when
there is no DISPLAY) and the clock stops when its window is mapped and visible (polled with
xdotool every 10 ms); peak memory is the process's VmHWM at that moment. A bare PySide6 window,
built by PyInstaller the same way (one folder, stripped), is measured in the same run for
comparison. The station opened is a real one made with the built program's own ``init``.

Targets (issue 7): start to login ≤ 1.5 s and ≤ 2 × the bare window; build ≤ 250 MB.
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
BENCH = ROOT / "build" / "bench-startup"
BARE = '''
import sys
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow
app = QApplication(sys.argv)
window = QMainWindow()
window.setWindowTitle("bare-window")
window.setCentralWidget(QLabel("bare"))
window.resize(1024, 700)
window.show()
sys.exit(app.exec())
'''


def folder_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def build_bare() -> Path:
    program = BENCH / "dist" / "bare-window" / "bare-window"
    if program.exists():
        return program
    BENCH.mkdir(parents=True, exist_ok=True)
    script = BENCH / "bare-window.py"
    script.write_text(BARE)
    subprocess.run([str(ROOT / ".venv" / "bin" / "pyinstaller"), "--noconfirm", "--onedir", "--strip",
                    "--log-level", "WARN", "--name", "bare-window", "--distpath", str(BENCH / "dist"),
                    "--workpath", str(BENCH / "work"), "--specpath", str(BENCH), str(script)], check=True)
    return program


def vm(pid: int, field: str) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) * 1024
    return 0


def visible(title: str, env: dict[str, str]) -> bool:
    proc = subprocess.run(["xdotool", "search", "--onlyvisible", "--name", title], env=env,
                          capture_output=True, text=True)
    return proc.returncode == 0 and bool(proc.stdout.strip())


def start_once(argv: list[str], title: str, env: dict[str, str], timeout: float = 30.0) -> tuple[float, int]:
    """Seconds from start until the window is visible, and the peak memory then."""
    started = time.perf_counter()
    errors = tempfile.TemporaryFile()
    proc = subprocess.Popen(argv, env=env, stdout=subprocess.DEVNULL, stderr=errors)
    try:
        while time.perf_counter() - started < timeout:
            if visible(title, env):
                seconds = time.perf_counter() - started
                time.sleep(0.3)  # the login page settles
                return seconds, vm(proc.pid, "VmHWM")
            if proc.poll() is not None:
                errors.seek(0)
                raise RuntimeError(f"{argv[0]} exited with {proc.returncode} before showing a window:\n"
                                   + errors.read().decode(errors="replace")[-2000:])
            time.sleep(0.01)
        raise RuntimeError(f"no window titled {title!r} within {timeout} s")
    finally:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def make_station(program: Path, home: Path, env: dict[str, str]) -> None:
    password = home.parent / "password"
    password.write_text("bench-start-2026\n")
    subprocess.run([str(program), "init", "--station-code", "540127100000", "--station-name", "工卡镇便民服务中心",
                    "--admin", "admin", "--password-file", str(password)], env={**env, "BIANMIN_HOME": str(home)},
                   check=True, stdout=subprocess.DEVNULL)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--program", type=Path, default=ROOT / "dist" / "bianmin" / "bianmin")
    args = parser.parse_args()
    if not args.program.exists():
        print(f"{args.program} is missing: run `make dist` first", file=sys.stderr)
        return 2
    for tool in ("xdotool", "Xvfb"):
        if not shutil.which(tool):
            print(f"{tool} is missing: apt-get install xvfb xdotool", file=sys.stderr)
            return 2
    bare = build_bare()
    env = {k: v for k, v in os.environ.items() if not k.startswith("QT_")}
    xvfb = None
    if not env.get("DISPLAY"):  # an Xvfb of our own, on the first free display it finds
        read, write = os.pipe()
        xvfb = subprocess.Popen(["Xvfb", "-displayfd", str(write), "-screen", "0", "1600x1000x24",
                                 "-nolisten", "tcp", "-noreset"], pass_fds=(write,), stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL)
        os.close(write)
        with os.fdopen(read) as answer:
            env["DISPLAY"] = ":" + answer.readline().strip()
    try:
        with tempfile.TemporaryDirectory(prefix="bianmin-bench-") as tmp:
            home = Path(tmp) / "station"
            make_station(args.program, home, env)
            counter_env = {**env, "BIANMIN_HOME": str(home)}
            start_once([str(args.program)], "便民服务台", counter_env)  # first start: caches warm
            start_once([str(bare)], "bare-window", env)
            counter, bare_times, peaks, bare_peaks = [], [], [], []
            for _ in range(args.runs):  # interleaved, so that both see the same machine
                seconds, peak = start_once([str(args.program)], "便民服务台", counter_env)
                counter.append(seconds)
                peaks.append(peak)
                seconds, peak = start_once([str(bare)], "bare-window", env)
                bare_times.append(seconds)
                bare_peaks.append(peak)
    finally:
        if xvfb is not None:
            xvfb.terminate()
            xvfb.wait()
    size = folder_size(args.program.parent)
    median, bare_median = statistics.median(counter), statistics.median(bare_times)
    print(f"build: {args.program.parent} ({args.runs} runs each, display {env['DISPLAY']})")
    print(f"start to login window: median {median:.2f} s, worst {max(counter):.2f} s (target <= 1.5 s)")
    print(f"bare PySide6 window:   median {bare_median:.2f} s, worst {max(bare_times):.2f} s")
    print(f"ratio to bare window:  {median / bare_median:.2f} x (target <= 2)")
    print(f"size on disk:          {size / 2**20:.0f} MB (target <= 250 MB); bare window "
          f"{folder_size(bare.parent) / 2**20:.0f} MB")
    print(f"peak memory at login:  {max(peaks) / 2**20:.0f} MB (bare window {max(bare_peaks) / 2**20:.0f} MB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
