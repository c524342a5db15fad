"""The program's log: stderr for the terminal, a rotating file in the data directory, nothing personal.

``setup()`` is called once by the entry point (command line, window); ``shutdown()`` takes its
handlers off the root logger again (tests, and a command line run in-process). Calling ``setup()``
again replaces the handlers it made before, so they are never doubled.

The file is ``<data dir>/logs/bianmin.log`` (owner-only, 1 MiB, five older files kept as
``bianmin.log.1`` … ``.5``). When the directory cannot be made or written (read-only medium, full
disk), the program goes on with stderr alone.

What may be logged: codes, case numbers, station codes, counts, sizes, hash prefixes, type names.
Never names, addresses, ID or phone numbers, or anything else of an applicant's. Names cannot be
recognised reliably, so that is a rule for the code that logs; :class:`Redact`, on every handler,
is the safety net for numbers: resident ID numbers (18 digits or 17 and X, the old 15 digits, also
written 6-8-4 with spaces or dashes), mobile numbers (1[3-9] and 9 digits, with or without +86 and
separators) and any other run of 11 or more digits become ``<id-no>``, ``<phone>``, ``<digits>``;
case numbers (station code, date, sequence: 25 digits) and 12-digit station codes stay, the log
needs them. Redaction covers the message with its arguments, exception tracebacks and stack info.
"""

from __future__ import annotations

import logging
import os
import re
import sys
from io import TextIOWrapper
from logging.handlers import RotatingFileHandler
from pathlib import Path
from typing import TextIO

from app.config import Paths

LOG_NAME = "bianmin.log"
MAX_BYTES = 1024 * 1024
BACKUPS = 5
CONSOLE_FORMAT = "%(levelname)s %(name)s: %(message)s"
FILE_FORMAT = "%(asctime)s.%(msecs)03d %(process)d %(threadName)s %(levelname)s %(name)s: %(message)s"
FILE_DATE_FORMAT = "%Y-%m-%d %H:%M:%S"

ID_MARK = "<id-no>"
PHONE_MARK = "<phone>"
DIGITS_MARK = "<digits>"

# Resident ID written in groups: 6 (place) 8 (birth date) 4 (order and check).
_SPACED_ID = re.compile(r"(?<!\d)\d{6}[ \-]\d{8}[ \-]\d{3}[\dXx](?![\dA-Za-z])")
# Mobile written in groups: 3 4 4, optionally after +86 / 86.
_SPACED_PHONE = re.compile(r"(?<!\d)(?:\+?86[ \-]?)?1[3-9]\d[ \-]\d{4}[ \-]\d{4}(?!\d)")
# Any other long run of digits (an X may end a resident ID).
_LONG_RUN = re.compile(r"(?<!\d)\d{11,}[Xx]?(?!\d)")
# What stays: a case number (app.casenumber: station code + YYYYMMDD + 2-digit device + 3-digit
# sequence, 25 digits; the numbers from before devices, station code + YYYYMMDD + 5-digit sequence,
# have the same shape: the last five digits match either) and a station code (app.station.STATION_CODE).
_CASE_NO = re.compile(r"[1-6]\d{11}(?:19|20)\d\d(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{5}")
_STATION_CODE = re.compile(r"[1-6]\d{11}")
_PHONE = re.compile(r"(?:86)?1[3-9]\d{9}")


def _classify(match: re.Match[str]) -> str:
    run = match.group()
    if _CASE_NO.fullmatch(run) or _STATION_CODE.fullmatch(run):
        return run
    if len(run) in (15, 18) and run[:-1].isdigit():
        return ID_MARK
    if _PHONE.fullmatch(run):
        return PHONE_MARK
    return DIGITS_MARK


def redact(text: str) -> str:
    """The text with ID numbers, phone numbers and other long digit runs replaced by marks."""
    text = _SPACED_ID.sub(ID_MARK, text)
    text = _SPACED_PHONE.sub(PHONE_MARK, text)
    return _LONG_RUN.sub(_classify, text)


_EXCEPTION_FORMATTER = logging.Formatter()


class Redact(logging.Filter):
    """Rewrites a record in place, before any handler formats it, with :func:`redact` applied.

    The message is formatted with its arguments here (so ``"%s", person`` cannot slip through),
    the traceback is formatted and redacted into ``exc_text`` and ``exc_info`` is dropped, so no
    handler after this one sees the raw exception either.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # bad arguments: logging would print them raw on stderr
            message = f"log message not formatted (bad arguments): {record.msg!s}"
        record.msg, record.args = redact(message), None
        if record.exc_info and not record.exc_text:
            record.exc_text = _EXCEPTION_FORMATTER.formatException(record.exc_info)
        record.exc_info = None
        if record.exc_text:
            record.exc_text = redact(record.exc_text)
        if record.stack_info:
            record.stack_info = redact(record.stack_info)
        return True


class QuietErrors:
    """A handler that says nothing when it cannot write.

    ``logging.Handler.handleError`` prints a traceback on stderr for every record a handler fails
    to write: on a full disk each log line of a command became a dozen lines around the one
    sentence meant for the person. Here a failed record is counted (``failures``) and dropped;
    the handler tries again with the next record (the disk may have room by then).
    """

    failures = 0

    def handleError(self, record: logging.LogRecord) -> None:
        self.failures += 1


class QuietStreamHandler(QuietErrors, logging.StreamHandler[TextIO]):
    """stderr, quiet when stderr itself cannot be written (a closed pipe, a full disk behind it)."""


class PrivateRotatingFileHandler(QuietErrors, RotatingFileHandler):
    """A rotating file handler whose files are created owner-only (0600), quiet when it cannot write."""

    def _open(self) -> TextIOWrapper:
        flags = os.O_WRONLY | os.O_CREAT | os.O_APPEND | getattr(os, "O_BINARY", 0)
        fd = os.open(self.baseFilename, flags, 0o600)
        try:
            os.chmod(self.baseFilename, 0o600)  # a file left by an older version or another umask
        except OSError:
            pass
        return os.fdopen(fd, "a", encoding=self.encoding, errors=self.errors)


# Set on every handler setup() adds: the root level before setup, restored by shutdown().
_MARK = "_bianmin_previous_level"


def _ours(handler: logging.Handler) -> bool:
    return hasattr(handler, _MARK)


def _private_dir(paths: Paths) -> Path:
    for d in (paths.home, paths.logs):
        if not d.is_dir():
            d.mkdir(parents=True, exist_ok=True, mode=0o700)
    try:
        os.chmod(paths.logs, 0o700)
    except OSError:  # not ours to change; whether it can be written is found out next
        pass
    return paths.logs


def setup(paths: Paths | None, verbose: bool = False, console: bool = True, *,
          max_bytes: int = MAX_BYTES, backups: int = BACKUPS) -> Path | None:
    """Configure the root logger; return the log file, or None when there is none.

    stderr gets WARNING and above (DEBUG with ``verbose``) in the short format; with ``paths``,
    ``paths.logs / bianmin.log`` gets INFO and above with a timestamp. Handlers made by an earlier
    call are removed first. Never raises for a log directory that cannot be written.
    """
    shutdown()
    root = logging.getLogger()
    original_level = root.level
    redactor = Redact()
    handlers: list[logging.Handler] = []
    if console and sys.stderr is not None:  # no stderr at all under pythonw / a windowed build
        stream = QuietStreamHandler(sys.stderr)
        stream.setLevel(logging.DEBUG if verbose else logging.WARNING)
        stream.setFormatter(logging.Formatter(CONSOLE_FORMAT))
        handlers.append(stream)
    logfile: Path | None = None
    problem: OSError | None = None
    if paths is not None:
        try:
            target = _private_dir(paths) / LOG_NAME
            file_handler = PrivateRotatingFileHandler(target, maxBytes=max_bytes, backupCount=backups,
                                                      encoding="utf-8")
        except OSError as exc:
            problem = exc
        else:
            file_handler.setLevel(logging.INFO)  # DEBUG (-v) goes to the terminal, never to the file
            file_handler.setFormatter(logging.Formatter(FILE_FORMAT, FILE_DATE_FORMAT))
            handlers.append(file_handler)
            logfile = target
    if not handlers:  # keep logging's last resort from printing unredacted records on stderr
        handlers.append(logging.NullHandler(logging.WARNING))
    for handler in handlers:
        handler.addFilter(redactor)
        setattr(handler, _MARK, original_level)
        root.addHandler(handler)
    root.setLevel(min(h.level for h in handlers))
    if problem is not None:
        logging.getLogger(__name__).warning("log directory not writable (%s); logging to stderr only",
                                            problem.strerror or type(problem).__name__)
    return logfile


def shutdown() -> int | None:
    """Remove and close the handlers setup() added; return the root level they replaced, if any."""
    root = logging.getLogger()
    previous: int | None = None
    for handler in [h for h in root.handlers if _ours(h)]:
        previous = getattr(handler, _MARK)
        root.removeHandler(handler)
        try:
            handler.close()
        except (OSError, ValueError):  # what is still buffered cannot be written (a full disk)
            pass
    if previous is not None:
        root.setLevel(previous)
    return previous
