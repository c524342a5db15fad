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
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

from desktop import display, fail, make_station, missing_tools, watch

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


def start_once(argv: list[str], title: str, env: dict[str, str], timeout: float = 30.0) -> tuple[float, int]:
    """Seconds from start until the window is visible, and the peak memory then."""
    def peak(pid: int) -> int:
        time.sleep(0.3)  # the login page settles
        return vm(pid, "VmHWM")

    (seconds,), memory = watch(argv, env, [title], timeout, at_last=peak)
    assert isinstance(memory, int)
    return seconds, memory


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--program", type=Path, default=ROOT / "dist" / "bianmin" / "bianmin")
    args = parser.parse_args()
    if not args.program.exists():
        return fail(f"{args.program} is missing: run `make dist` first")
    if problem := missing_tools():
        return fail(problem)
    bare = build_bare()
    base = {k: v for k, v in os.environ.items() if not k.startswith("QT_")}
    with display(base, "1600x1000") as env, tempfile.TemporaryDirectory(prefix="bianmin-bench-") as tmp:
        home = Path(tmp) / "station"
        make_station(args.program, home, env, "bench-start-2026")
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
        display_name = env["DISPLAY"]
    size = folder_size(args.program.parent)
    median, bare_median = statistics.median(counter), statistics.median(bare_times)
    print(f"build: {args.program.parent} ({args.runs} runs each, display {display_name})")
    print(f"start to login window: median {median:.2f} s, worst {max(counter):.2f} s (target <= 1.5 s)")
    print(f"bare PySide6 window:   median {bare_median:.2f} s, worst {max(bare_times):.2f} s")
    print(f"ratio to bare window:  {median / bare_median:.2f} x (target <= 2)")
    print(f"size on disk:          {size / 2**20:.0f} MB (target <= 250 MB); bare window "
          f"{folder_size(bare.parent) / 2**20:.0f} MB")
    print(f"peak memory at login:  {max(peaks) / 2**20:.0f} MB (bare window {max(bare_peaks) / 2**20:.0f} MB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
