"""Logs rotate and hold nothing personal; a crash writes a report without personal data and the
clerk sees a plain message while the window keeps running."""

from __future__ import annotations

import logging
import os
import re
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import app
from app import crash, logs
from app.config import Paths

ROOT = Path(__file__).resolve().parent.parent
ID18 = "11010519491231002X"
ID15 = "110105491231002"
PHONE = "13812345678"
CASE_NO = "5401271000002026111800012"  # station code + date + sequence (app.services.cases)
STATION_CODE = "540127100000"
NAME = "卓玛"


@pytest.fixture(autouse=True)
def restored() -> Iterator[None]:
    """Every test leaves the root logger and the exception hooks as it found them."""
    root = logging.getLogger()
    level, handlers = root.level, list(root.handlers)
    hooks = sys.excepthook, threading.excepthook
    yield
    logs.shutdown()
    sys.excepthook, threading.excepthook = hooks
    assert root.handlers == handlers and root.level == level


def _text(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def _mode(path: Path) -> int:
    return path.stat().st_mode & 0o777


# --------------------------------------------------------------------------- the log file


def test_the_log_rotates_and_is_owner_only(paths: Paths) -> None:
    logfile = logs.setup(paths, console=False, max_bytes=4000, backups=2)
    assert logfile == paths.logs / "bianmin.log"
    log = logging.getLogger("app.test")
    for n in range(200):
        log.info("line %d %s", n, "x" * 80)
    assert (paths.logs / "bianmin.log.1").exists() and (paths.logs / "bianmin.log.2").exists()
    assert not (paths.logs / "bianmin.log.3").exists()
    assert all(p.stat().st_size <= 4000 for p in paths.logs.glob("bianmin.log*"))
    assert "line 199 " in _text(logfile)
    if os.name == "posix":
        assert _mode(paths.logs) == 0o700
        assert {_mode(p) for p in paths.logs.glob("bianmin.log*")} == {0o600}


def test_setup_twice_does_not_double_the_handlers(paths: Paths, capsys: pytest.CaptureFixture[str]) -> None:
    root = logging.getLogger()
    before = len(root.handlers)
    for verbose in (False, True, False):
        logfile = logs.setup(paths, verbose=verbose)
    assert logfile is not None
    assert len(root.handlers) == before + 2 and root.level == logging.INFO
    logging.getLogger("app.test").warning("once %s", CASE_NO)
    logging.getLogger("app.test").debug("not in the file, not on stderr")
    assert _text(logfile).count("once ") == 1
    err = capsys.readouterr().err
    assert err == f"WARNING app.test: once {CASE_NO}\n"
    logs.shutdown()
    assert len(root.handlers) == before


def test_ids_and_phones_are_redacted_case_numbers_stay(paths: Paths, capsys: pytest.CaptureFixture[str]) -> None:
    logfile = logs.setup(paths)
    assert logfile is not None
    log = logging.getLogger("app.test")
    log.warning("case %s of station %s: id %s, old id %s, phone %s, +86 138 1234 5678, id 110105 19491231 002x",
                CASE_NO, STATION_CODE, ID18, ID15, PHONE)
    log.info("card %s", "6222021234567890123")
    text, err = _text(logfile), capsys.readouterr().err
    for out in (text, err):
        assert CASE_NO in out and STATION_CODE in out
        assert ID18 not in out and ID15 not in out and PHONE not in out and "1234 5678" not in out
        assert out.count(logs.ID_MARK) == 3 and out.count(logs.PHONE_MARK) == 2
    assert "card <digits>" in text


def test_a_traceback_is_redacted(paths: Paths) -> None:
    logfile = logs.setup(paths, console=False)
    assert logfile is not None

    def check_applicant() -> None:
        raise ValueError(f"bad id {ID18} phone {PHONE}")

    try:
        check_applicant()
    except ValueError:
        logging.getLogger("app.test").exception("check failed for case %s", CASE_NO)
    logging.getLogger("app.test").info("and a stack", stack_info=True)
    text = _text(logfile)
    assert f"check failed for case {CASE_NO}" in text
    assert "in check_applicant" in text and "ValueError: bad id <id-no> phone <phone>" in text
    assert ID18 not in text and PHONE not in text
    assert "Stack (most recent call last)" in text


def test_an_unwritable_log_directory_falls_back_to_stderr(tmp_path: Path,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    paths = Paths(tmp_path / "station")
    paths.home.mkdir()
    paths.logs.write_text("not a directory")  # what a read-only or broken medium looks like, also to root
    assert logs.setup(paths) is None
    logging.getLogger("app.test").error("still logged, id %s", ID18)
    err = capsys.readouterr().err
    assert "log directory not writable" in err and "still logged, id <id-no>" in err


# --------------------------------------------------------------------------- crash reports

CRASHING = f"""
import logging, sys
sys.path.insert(0, {str(ROOT)!r})
from pathlib import Path
from app import crash, logs
from app.config import Paths
paths = Paths(Path(sys.argv[1]))
logs.setup(paths)
crash.install(paths)
logging.getLogger("app.test").info("case %s received", {CASE_NO!r})
def submit_for_applicant():
    raise ValueError("{NAME} {ID18} refused")
submit_for_applicant()
"""


def test_an_uncaught_exception_writes_a_report_without_personal_data(paths: Paths) -> None:
    proc = subprocess.run([sys.executable, "-c", CRASHING, str(paths.home)], capture_output=True, text=True,
                          timeout=60)
    assert proc.returncode == 1
    reports = list(paths.logs.glob("crash-*.txt"))
    assert len(reports) == 1
    report = reports[0]
    assert re.fullmatch(r"crash-\d{8}-\d{6}-\d+\.txt", report.name)
    text = _text(report)
    line = CRASHING.splitlines().index('    raise ValueError("卓玛 11010519491231002X refused")') + 1
    assert "exception: builtins.ValueError" in text
    assert f"<string>:{line} in submit_for_applicant" in text
    assert f"<string>:{line + 1} in <module>" in text
    assert f"program: bianmin {app.__version__}" in text and "python: 3." in text
    assert f"case {CASE_NO} received" in text  # the log's tail
    for out in (text, proc.stderr, _text(paths.logs / "bianmin.log")):
        assert NAME not in out and ID18 not in out and "refused" not in out
    assert f"crash report: {report}" in proc.stderr
    if os.name == "posix":
        assert _mode(report) == 0o600


def test_an_exception_in_a_thread_writes_a_report_and_calls_back(paths: Paths) -> None:
    logs.setup(paths, console=False)
    seen: list[Path | None] = []
    hooks = sys.excepthook, threading.excepthook
    uninstall = crash.install(paths, seen.append)

    def sync_round() -> None:
        raise OSError(28, f"No space left for {NAME}")

    worker = threading.Thread(target=sync_round, name="sync-worker")
    worker.start()
    worker.join()
    uninstall()
    assert (sys.excepthook, threading.excepthook) == hooks
    assert len(seen) == 1 and seen[0] is not None and seen[0].exists()
    text = _text(seen[0])
    assert "exception: builtins.OSError errno=ENOSPC" in text and "thread: sync-worker" in text
    assert "in sync_round" in text and NAME not in text
    assert "uncaught builtins.OSError errno=ENOSPC in thread sync-worker" in _text(paths.logs / "bianmin.log")


def test_chained_exceptions_are_listed_without_messages(paths: Paths) -> None:
    try:
        try:
            {}[NAME]
        except KeyError as exc:
            raise RuntimeError(f"lookup of {NAME} failed") from exc
    except RuntimeError as exc:
        report = crash.write_report(paths, type(exc), exc, exc.__traceback__)
    text = _text(report)
    assert "builtins.RuntimeError" in text and "builtins.KeyError" in text and NAME not in text


def test_keyboard_interrupt_goes_to_the_previous_hook(paths: Paths) -> None:
    got: list[Any] = []
    sys.excepthook = lambda *args: got.append(args[0])
    uninstall = crash.install(paths)
    sys.excepthook(KeyboardInterrupt, KeyboardInterrupt(), None)
    uninstall()
    assert got == [KeyboardInterrupt] and not paths.logs.exists()


def test_no_report_when_the_disk_refuses_but_the_clerk_is_still_told(tmp_path: Path) -> None:
    paths = Paths(tmp_path / "station")
    paths.home.mkdir()
    paths.logs.write_text("not a directory")
    seen: list[Path | None] = []
    assert crash.handle(paths, ZeroDivisionError(), on_crash=seen.append) is None
    assert seen == [None]


def test_a_crash_storm_keeps_only_the_newest_reports(paths: Paths) -> None:
    for _ in range(crash.KEEP_REPORTS + 5):
        crash.write_report(paths, ZeroDivisionError, ZeroDivisionError(), None)
    assert len(list(paths.logs.glob("crash-*.txt"))) == crash.KEEP_REPORTS


# --------------------------------------------------------------------------- the window


@pytest.mark.qt_no_exception_capture
def test_a_crash_in_a_slot_shows_one_plain_message_and_the_window_goes_on(qtbot: Any, paths: Paths) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    from ui import crash as ui_crash

    def boxes() -> list[QMessageBox]:
        return [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]

    def boom() -> None:
        raise ValueError(f"{NAME} {ID18}")

    notice = ui_crash.install(None, paths)
    try:
        QTimer.singleShot(0, boom)
        qtbot.waitUntil(lambda: len(boxes()) == 1, timeout=5000)
        reports = list(paths.logs.glob("crash-*.txt"))
        assert len(reports) == 1
        box = boxes()[0]
        assert str(reports[0]) in box.text() and "程序出了问题" in box.text()
        for _ in range(5):  # a storm while the message is open: reports, but no second message
            QTimer.singleShot(0, boom)
        qtbot.waitUntil(lambda: len(list(paths.logs.glob("crash-*.txt"))) == 6, timeout=5000)
        qtbot.wait(50)
        assert len(boxes()) == 1 and notice.shown == 1
        box.button(QMessageBox.StandardButton.Ok).click()
        qtbot.waitUntil(lambda: not boxes() and notice.box is None, timeout=5000)

        worker = threading.Thread(target=boom, name="worker")  # from another thread: on the GUI thread
        worker.start()
        worker.join()
        qtbot.waitUntil(lambda: len(boxes()) == 1, timeout=5000)
        assert notice.shown == 2
        boxes()[0].button(QMessageBox.StandardButton.Ok).click()
        qtbot.waitUntil(lambda: not boxes(), timeout=5000)

        ticks: list[int] = []
        QTimer.singleShot(0, lambda: ticks.append(1))  # the program still runs
        qtbot.waitUntil(lambda: ticks == [1], timeout=5000)
    finally:
        notice.uninstall()
        notice.deleteLater()
    for report in paths.logs.glob("crash-*.txt"):
        assert NAME not in _text(report) and ID18 not in _text(report)
