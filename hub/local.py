"""A reference hub process on loopback: ``start_hub(workdir)``.

The tests start one for each end-to-end test; the window's demo mode (``make run``) starts one
beside the demo station so that sync works out of the box::

    hub = start_hub(tmp_path)
    try:
        code = hub.enrol_code("540127100000")
        ...
    finally:
        hub.stop()

Its database is SQLite in the working directory unless ``db_url`` names another (the tests run the
same hubs on PostgreSQL: ``tests/hubproc.py``). The hub upgrades its database's schema before it
serves (``serve --upgrade``): it owns that database, and a demo hub made by an older program
carries on.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import socket
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import requests
from sqlalchemy.orm import Session

ROOT = Path(__file__).resolve().parent.parent
STARTUP_TIMEOUT = 20.0
log = logging.getLogger(__name__)


def port_is_free(port: int, host: str = "127.0.0.1") -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        try:
            s.bind((host, port))
        except OSError:
            return False
        return True


def _die_with_parent() -> None:
    """In the child: a hub started by a window or a test goes when its parent goes (Linux)."""
    if sys.platform.startswith("linux"):
        import ctypes
        import signal

        try:
            ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
        except OSError:
            pass


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT), env.get("PYTHONPATH", "")) if p)
    env.pop("BIANMIN_HUB_DB", None)
    return env


@dataclass
class Hub:
    url: str
    db_url: str
    port: int
    workdir: Path
    process: subprocess.Popen[bytes] | None = field(default=None, repr=False)

    def run_cli(self, *args: str, check: bool = False, timeout: float = 60) -> subprocess.CompletedProcess[str]:
        """``bianmin-hub --db <this hub's db> *args`` in a child process, output captured as text."""
        return subprocess.run([sys.executable, "-m", "hub.cli", "--db", self.db_url, *args], cwd=self.workdir,
                              env=_env(), capture_output=True, text=True, timeout=timeout, check=check)

    def enrol_code(self, station: str, *extra: str) -> str:
        """A fresh one-time enrolment code for ``station`` (the last line ``enrol-code`` prints)."""
        proc = self.run_cli("enrol-code", station, *extra, check=True)
        return proc.stdout.strip().splitlines()[-1]

    def quick_code(self, station: str, ttl: dt.timedelta = dt.timedelta(hours=72), device: str | None = None) -> str:
        """Like ``enrol_code`` but written straight into the hub's database (no child process: faster);
        for ``device`` (None: 00)."""
        from hub import cli, db

        code = cli.new_enrol_code()
        engine = db.make_engine(self.db_url)
        try:
            with Session(engine) as session:
                session.add(db.EnrolCode(code=code.replace("-", ""), station_code=station, device=device,
                                         expires_at=db.utcnow() + ttl))
                session.commit()
        finally:
            engine.dispose()
        return code

    def log(self) -> str:
        path = self.workdir / "hub.log"
        return path.read_text("utf-8", errors="replace") if path.exists() else ""

    def stop(self) -> None:
        _end(self.process)
        self.process = None


def _end(process: subprocess.Popen[bytes] | None) -> None:
    """Terminate a child, killing it when it does not go within 10 s."""
    if process is None:
        return
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=10)


@dataclass
class Relay:
    """A centre's relay (``bianmin-hub relay``) as a process on loopback, for tests and benches: its
    directory, its port, and the options every run gets (``options``, e.g. a quicker mirror)."""

    directory: Path
    port: int
    options: tuple[str, ...] = ()
    process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def log_path(self) -> Path:
        return self.directory.parent / f"{self.directory.name}.log"

    def log(self) -> str:
        return self.log_path.read_text("utf-8", errors="replace") if self.log_path.exists() else ""

    def start(self, *first_run: str, timeout: float = 30) -> Relay:
        """Start it (the first run's arguments, or none: the directory holds the rest) and wait until it
        answers; raises RuntimeError with its log when it exits or does not answer."""
        with open(self.log_path, "ab") as out:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "hub.cli", "relay", "--dir", str(self.directory), "--host", "127.0.0.1",
                 "--port", str(self.port), *self.options, *first_run],
                env=_env(), stdout=out, stderr=subprocess.STDOUT, preexec_fn=_die_with_parent)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"relay exited with {self.process.returncode}:\n{self.log()}")
            try:
                if requests.get(f"{self.url}/v1/health", timeout=1).ok:
                    return self
            except requests.RequestException:
                pass
            time.sleep(0.1)
        raise RuntimeError(f"relay did not answer:\n{self.log()}")

    def kill(self) -> None:
        """SIGKILL, as a power cut would."""
        if self.process is not None:
            self.process.kill()
            self.process.wait(timeout=10)
            self.process = None

    def stop(self) -> None:
        _end(self.process)
        self.process = None


def start_hub(tmp_path: Path, host: str = "127.0.0.1", port: int | None = None, db_url: str | None = None) -> Hub:
    """Start ``python -m hub.cli serve --upgrade`` on loopback, working in ``tmp_path``, with its
    database at ``db_url`` (default: ``hub.db`` in ``tmp_path``): on ``port`` when it is given and
    free, else on a free port."""
    tmp_path.mkdir(parents=True, exist_ok=True)
    db_url = db_url or f"sqlite:///{tmp_path / 'hub.db'}"
    last_error: Exception | None = None
    wanted = port if port and port_is_free(port, host) else None
    for _ in range(3):  # the free port may be taken between choosing it and the hub binding it
        port, wanted = wanted or free_port(), None
        hub = Hub(url=f"http://{host}:{port}", db_url=db_url, port=port, workdir=tmp_path)
        with open(tmp_path / "hub.log", "ab") as log:
            hub.process = subprocess.Popen(
                [sys.executable, "-m", "hub.cli", "--db", db_url, "serve", "--upgrade", "--host", host,
                 "--port", str(port)],
                cwd=tmp_path, env=_env(), stdout=log, stderr=subprocess.STDOUT, preexec_fn=_die_with_parent,
            )
        deadline = time.monotonic() + STARTUP_TIMEOUT
        while time.monotonic() < deadline:
            if hub.process.poll() is not None:
                last_error = RuntimeError(f"hub exited with {hub.process.returncode}:\n{hub.log()}")
                break
            try:
                if requests.get(f"{hub.url}/v1/health", timeout=1).ok and hub.process.poll() is None:
                    return hub  # ours: a hub that could not bind the port would have exited
            except requests.RequestException as exc:
                last_error = exc
            time.sleep(0.1)
        else:
            hub.stop()
            raise RuntimeError(f"hub did not answer within {STARTUP_TIMEOUT} s: {last_error}\n{hub.log()}")
        hub.stop()
    raise RuntimeError(f"hub failed to start: {last_error}")
