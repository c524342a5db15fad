"""Who has a station's store open: a shared hold for every connection, an exclusive one for what
replaces or re-encrypts the store.

Every :class:`~app.store.db.Database` holds the store's lock file (``station.db.lock``) shared for
as long as it is open; a process holds it once however many connections it has (the window and its
sync companion).  A restore, which replaces the file, and a rekey, which re-encrypts it in place,
first take the lock exclusively and refuse (:class:`~app.errors.StationInUse`) while any other
process has the store open, so that nobody keeps writing into a file that is no longer the store
(the case would be confirmed, its receipt printed, and the case gone) or reads pages under a key
that changed.  While a restore or rekey holds it, opening the store waits a moment and then refuses
(:class:`~app.errors.StationHeld`).

The locks are ``flock`` locks on POSIX (released by the kernel when a process dies, however it
dies) and ``LockFileEx`` on Windows, through portalocker.
"""

from __future__ import annotations

import logging
import os
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO

import portalocker

from app.errors import StationHeld, StationInUse, WriteFailed

log = logging.getLogger(__name__)

# How long opening the store waits for a restore or rekey to finish before refusing.
WAIT_SECONDS = 3.0
_POLL = 0.05


def lock_path(database: Path) -> Path:
    return database.with_name(database.name + ".lock")


@dataclass
class _Hold:
    fh: IO[bytes]
    holders: int = 0


class _Holds:
    """The shared holds of this process, one per store, counted."""

    def __init__(self) -> None:
        self._mutex = threading.RLock()  # a restore opens its copy while holding the store
        self._holds: dict[str, _Hold] = {}

    def acquire(self, database: Path) -> None:
        key = _key(database)
        with self._mutex:
            hold = self._holds.get(key)
            if hold is None:
                fh = _open(lock_path(database))
                try:
                    _lock_waiting(fh, portalocker.LockFlags.SHARED)
                except BaseException:
                    fh.close()
                    raise
                hold = self._holds[key] = _Hold(fh)
            hold.holders += 1

    def release(self, database: Path) -> None:
        key = _key(database)
        with self._mutex:
            hold = self._holds.get(key)
            if hold is None:
                return
            hold.holders -= 1
            if hold.holders <= 0:
                del self._holds[key]
                _close(hold.fh)

    def holders(self, database: Path) -> int:
        with self._mutex:
            hold = self._holds.get(_key(database))
            return 0 if hold is None else hold.holders

    @contextmanager
    def exclusive(self, database: Path, *, own: int = 0) -> Iterator[None]:
        """Hold the store alone.  ``own`` is how many of this process's connections belong to the
        caller (a rekey runs on its own open connection); any other connection, in this process
        or another, makes it refuse with :class:`StationInUse`."""
        key = _key(database)
        with self._mutex:
            hold = self._holds.get(key)
            mine = 0 if hold is None else hold.holders
            if mine > own:
                raise StationInUse(holders="this_process")
            if hold is not None:
                # Give up our shared hold, then ask for the exclusive one without waiting: a
                # shared hold of anyone else means another process has the store open.
                portalocker.unlock(hold.fh)
                fh = hold.fh
            else:
                fh = _open(lock_path(database))
            try:
                try:
                    portalocker.lock(fh, portalocker.LockFlags.EXCLUSIVE | portalocker.LockFlags.NON_BLOCKING)
                except portalocker.exceptions.LockException:
                    raise StationInUse(holders="other_process") from None
                try:
                    yield
                finally:
                    portalocker.unlock(fh)
            finally:
                if hold is not None:
                    # Back to sharing (waiting for whoever took it exclusively meanwhile).
                    portalocker.lock(fh, portalocker.LockFlags.SHARED)
                else:
                    _close(fh)


def _key(database: Path) -> str:
    return os.path.normcase(os.path.abspath(database))


def _open(path: Path) -> IO[bytes]:
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    except OSError as exc:
        raise WriteFailed(f"cannot open the lock file: {exc.strerror}") from exc
    return os.fdopen(fd, "r+b")


def _close(fh: IO[bytes]) -> None:
    try:
        portalocker.unlock(fh)
    except (OSError, portalocker.exceptions.LockException):
        log.debug("unlock at close failed")
    fh.close()


def _lock_waiting(fh: IO[bytes], flags: portalocker.LockFlags) -> None:
    deadline = time.monotonic() + WAIT_SECONDS
    while True:
        try:
            portalocker.lock(fh, flags | portalocker.LockFlags.NON_BLOCKING)
            return
        except portalocker.exceptions.LockException:
            if time.monotonic() >= deadline:
                raise StationHeld() from None
            time.sleep(_POLL)


HOLDS = _Holds()
