"""Crash reports: what the county's IT officer needs to find a bug, and nothing of the applicants.

``install(paths)`` makes every uncaught exception (main thread or any other) write a report
``<data dir>/logs/crash-YYYYmmdd-HHMMSS-<pid>.txt`` (owner-only), log one ERROR line naming it, and
call ``on_crash(report)`` (the window shows the clerk a plain message there). ``handle()`` does
the same for an exception a caller caught itself (the command line's last resort).

A report holds the program and Python versions, the platform, the time, the exception's *type*
(with the error code of the core's own errors and the errno name of OS errors), the traceback as
file names, line numbers and function names only, the same for chained exceptions, and the last
lines of ``bianmin.log`` (already redacted by :mod:`app.logs`, and redacted again here).

It never holds the exception's message, source lines or local values: a message may quote what
was typed at the counter (``ValueError: invalid literal … '卓玛'``), and the redaction of
:mod:`app.logs` recognises ID and phone numbers but not names or addresses. The type and the
place where it was raised are almost always enough to find the bug; the message can be had by
reproducing with ``bianmin -v``, which prints the full traceback to the terminal only.
"""

from __future__ import annotations

import errno
import logging
import os
import platform
import sys
import threading
import traceback
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from types import TracebackType

from app.buildinfo import build_info
from app.config import Paths
from app.logs import LOG_NAME, redact

log = logging.getLogger(__name__)

REPORT_PREFIX = "crash-"
KEEP_REPORTS = 30  # the newest; a crash storm must not fill the disk
TAIL_LINES = 50
_TAIL_BYTES = 64 * 1024
_ROOT = Path(__file__).resolve().parent.parent  # the source tree (or the bundle's folder)

OnCrash = Callable[[Path | None], None]


def _where(filename: str) -> str:
    """A frame's file, without the folders above the program or the library (no user names)."""
    path = Path(filename)
    try:
        return path.resolve().relative_to(_ROOT).as_posix()
    except (ValueError, OSError):
        pass
    parts = path.parts
    for anchor in ("site-packages", "dist-packages"):
        if anchor in parts:
            return "/".join(parts[parts.index(anchor) + 1:])
    return path.name


def _frames(tb: TracebackType | None) -> list[str]:
    return [f"  {_where(f.filename)}:{f.lineno} in {f.name}" for f in traceback.extract_tb(tb)]


def describe(exc_type: type[BaseException], exc: BaseException | None) -> str:
    """``module.Type``, with ``code=`` of a core error or ``errno=`` of an OS error: never the message."""
    name = f"{exc_type.__module__}.{exc_type.__qualname__}"
    code = getattr(exc, "code", None) if exc is not None else None
    if isinstance(exc, OSError) and isinstance(exc.errno, int):
        name += f" errno={errno.errorcode.get(exc.errno, exc.errno)}"
    elif isinstance(code, str):
        name += f" code={code}"
    return name


def _chained(exc: BaseException | None) -> BaseException | None:
    """The exception this one was raised from, or while handling (as Python's own traceback shows)."""
    if exc is None:
        return None
    return exc.__cause__ or (None if exc.__suppress_context__ else exc.__context__)


def frames_text(exc: BaseException) -> str:
    """The exception's traceback, and those of the exceptions chained to it, without any message."""
    lines: list[str] = []
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if lines:
            lines.append("which was raised while handling / directly caused by:")
        lines.append(describe(type(current), current))
        lines.append("traceback (most recent call last):")
        lines.extend(_frames(current.__traceback__) or ["  (no frames)"])
        current = _chained(current)
    return "\n".join(lines)


def _log_tail(directory: Path) -> list[str]:
    try:
        with open(directory / LOG_NAME, "rb") as f:
            f.seek(0, os.SEEK_END)
            f.seek(max(0, f.tell() - _TAIL_BYTES))
            data = f.read()
    except OSError:
        return []
    lines = data.decode("utf-8", "replace").splitlines()
    return [redact(line) for line in lines[-TAIL_LINES:]]


def report_text(exc_type: type[BaseException], exc: BaseException | None, tb: TracebackType | None,
                directory: Path, now: datetime, thread: str) -> str:
    lines = [
        "Bianmin Counter crash report",
        f"program: {build_info().line()}",  # version, and build date and commit of a built program
        f"python: {platform.python_version()} ({platform.python_implementation()})",
        f"platform: {platform.platform()}",
        f"time: {now.isoformat(timespec='seconds')}",
        f"process: {os.getpid()}",
        f"thread: {thread}",
        f"exception: {describe(exc_type, exc)}",
        "(the exception's message is left out on purpose: it may quote what was typed at the counter)",
        "",
        "traceback (most recent call last):",
        *(_frames(tb) or ["  (no frames)"]),
    ]
    chained = _chained(exc)
    if chained is not None:
        lines += ["", "which was raised while handling / directly caused by:", frames_text(chained)]
    tail = _log_tail(directory)
    lines += ["", f"last {len(tail)} lines of {LOG_NAME}:", *tail, ""]
    return "\n".join(lines)


def _create(directory: Path, stamp: str) -> tuple[Path, int]:
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    for n in range(1, 1000):
        suffix = "" if n == 1 else f"-{n}"
        path = directory / f"{REPORT_PREFIX}{stamp}-{os.getpid()}{suffix}.txt"
        try:
            return path, os.open(path, flags, 0o600)
        except FileExistsError:
            continue
    raise FileExistsError(errno.EEXIST, "too many crash reports in one second")


def _prune(directory: Path) -> None:
    reports = sorted(directory.glob(f"{REPORT_PREFIX}*.txt"), key=lambda p: p.stat().st_mtime_ns)
    for old in reports[:-KEEP_REPORTS]:
        try:
            old.unlink()
        except OSError:
            pass


def write_report(paths_or_dir: Paths | Path, exc_type: type[BaseException], exc: BaseException | None,
                 tb: TracebackType | None, *, thread: str | None = None, now: datetime | None = None) -> Path:
    """Write a crash report in the logs directory (or the given directory); return its path.

    Raises OSError when it cannot be written. Keeps the newest ``KEEP_REPORTS`` reports.
    """
    directory = paths_or_dir.logs if isinstance(paths_or_dir, Paths) else Path(paths_or_dir)
    now = now or datetime.now().astimezone()
    text = report_text(exc_type, exc, tb, directory, now, thread or threading.current_thread().name)
    directory.mkdir(parents=True, exist_ok=True, mode=0o700)
    path, fd = _create(directory, now.strftime("%Y%m%d-%H%M%S"))
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        f.write(text)
    try:
        _prune(directory)
    except OSError:
        pass
    return path


def handle(paths_or_dir: Paths | Path, exc: BaseException, thread: str | None = None,
           on_crash: OnCrash | None = None) -> Path | None:
    """Report an unexpected exception: write the report, log it, call ``on_crash``. Never raises."""
    exc_type, tb = type(exc), exc.__traceback__
    report: Path | None = None
    try:
        report = write_report(paths_or_dir, exc_type, exc, tb, thread=thread)
    except Exception as problem:  # a full disk must not turn one crash into two
        log.error("crash report not written (%s)", type(problem).__name__)
    try:
        frames = traceback.extract_tb(tb)
        at = f"{_where(frames[-1].filename)}:{frames[-1].lineno} in {frames[-1].name}" if frames else "?"
        log.error("uncaught %s in thread %s at %s; crash report: %s", describe(exc_type, exc),
                  thread or threading.current_thread().name, at, report or "none")
        if log.isEnabledFor(logging.DEBUG):  # -v: the whole traceback, on the terminal only
            log.debug("the uncaught exception", exc_info=(exc_type, exc, tb))
        if on_crash is not None:
            on_crash(report)
    except Exception as problem:
        log.error("crash handling failed (%s)", type(problem).__name__)
    return report


def install(paths: Paths | Path, on_crash: OnCrash | None = None) -> Callable[[], None]:
    """Report uncaught exceptions of every thread; return a function that puts the old hooks back.

    KeyboardInterrupt (and SystemExit in a thread) goes on to the hook that was there before.
    """
    previous_sys, previous_thread = sys.excepthook, threading.excepthook

    def sys_hook(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            previous_sys(exc_type, exc, tb)
            return
        if exc.__traceback__ is None:
            exc = exc.with_traceback(tb)
        handle(paths, exc, threading.current_thread().name, on_crash)

    def thread_hook(args: threading.ExceptHookArgs) -> None:
        if args.exc_value is None or issubclass(args.exc_type, (KeyboardInterrupt, SystemExit)):
            previous_thread(args)
            return
        exc = args.exc_value
        if exc.__traceback__ is None:
            exc = exc.with_traceback(args.exc_traceback)
        handle(paths, exc, args.thread.name if args.thread is not None else "?", on_crash)

    sys.excepthook, threading.excepthook = sys_hook, thread_hook

    def uninstall() -> None:
        if sys.excepthook is sys_hook:
            sys.excepthook = previous_sys
        if threading.excepthook is thread_hook:
            threading.excepthook = previous_thread

    return uninstall
