"""The SQLCipher connection: keying, pragmas, integrity check and transactions.

``key=None`` opens a plain SQLite file with the same code; only the benchmark does that, to
measure what the encryption costs.
"""

from __future__ import annotations

import errno
import logging
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import sqlcipher3

from app.errors import DiskFull, StoreBusy, StoreCorrupt, StoreError, StoreReplaced, StoreUnreadable, WriteFailed
from app.store.hold import HOLDS

log = logging.getLogger(__name__)

_DB_ERRORS: tuple[type[Exception], ...] = (sqlcipher3.Error,)


def translate(exc: BaseException) -> StoreError:
    """Turn a driver or OS error into the typed error the rest of the program understands."""
    text = str(exc).lower()
    if isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG):
        return DiskFull(str(exc))
    if "database or disk is full" in text or ("disk i/o error" in text and "full" in text):
        return DiskFull(str(exc))
    if "file is not a database" in text:
        # A wrong key and a damaged first page look alike here: only diagnose() can tell.
        return StoreUnreadable(str(exc))
    if "malformed" in text or "corrupt" in text:
        return StoreCorrupt(str(exc))
    if "database is locked" in text or "busy" in text:
        return StoreBusy(str(exc))
    if "disk i/o error" in text:
        return WriteFailed(str(exc))
    return StoreError(str(exc))


def diagnose(path: Path, key: bytes) -> StoreError:
    """Why ``key`` does not open ``path``: :class:`StoreCorrupt` when some pages fail their
    authentication and others pass (the file is damaged), :class:`StoreUnreadable` when every page
    fails alike (the key is not this store's: nothing is damaged)."""
    try:
        conn = sqlcipher3.connect(str(path), check_same_thread=False)
    except _DB_ERRORS as exc:
        return translate(exc)
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
        bad = [str(r[0]) for r in conn.execute("PRAGMA cipher_integrity_check").fetchall()]
        page_size = int(conn.execute("PRAGMA cipher_page_size").fetchone()[0])
    except _DB_ERRORS as exc:
        return translate(exc)
    finally:
        conn.close()
    pages = -(-path.stat().st_size // page_size)
    if bad and len(bad) < pages:
        return StoreCorrupt("integrity check failed", problems=bad[:20])
    return StoreUnreadable("no key opens the store")


class Database:
    """One connection with explicit, nestable transactions (savepoints inside).

    While open it holds the store shared (:mod:`app.store.hold`), and it remembers which file it
    opened: a transaction refuses to start once the path names another file.
    """

    def __init__(self, path: Path, key: bytes | None, *, check: str = "quick") -> None:
        self.path = path
        self.encrypted = key is not None
        self._depth = 0
        self.closed = False
        _create_private(path)
        HOLDS.acquire(path)
        self._identity = _identity(path)
        try:
            try:
                self.conn: Any = self._connect(key, alone=False)
            except _DB_ERRORS as exc:
                if "disk i/o error" not in str(exc).lower():
                    raise
                # No room for the shared-memory file (a full disk): read the store holding it
                # alone, which keeps the WAL index in memory, so that it can still be read
                # (verify, case lists) while nothing can be written anyway.
                log.warning("store opened alone: no room for its shared-memory file")
                self.conn = self._connect(key, alone=True)
            self.conn.execute("PRAGMA journal_mode = WAL").fetchone()
            self.conn.execute("PRAGMA synchronous = FULL")
            self.conn.execute("PRAGMA foreign_keys = ON")
            self.conn.execute("PRAGMA temp_store = MEMORY")
            # 32 MiB of decrypted pages: with a small cache every miss pays for decryption again.
            self.conn.execute("PRAGMA cache_size = -32000")
            if check != "none":
                self.check(full=check == "full")
        except _DB_ERRORS as exc:
            self._close_quietly()
            raise translate(exc) from exc
        except BaseException:
            self._close_quietly()
            raise

    def _connect(self, key: bytes | None, *, alone: bool) -> Any:
        # Without a key the same library opens a plain SQLite file (same SQLite version).
        conn = sqlcipher3.connect(str(self.path), isolation_level=None, check_same_thread=False)
        try:
            conn.execute("PRAGMA cipher_log_level = NONE")
            if key is not None:
                conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
            conn.execute("PRAGMA busy_timeout = 5000")
            if alone:
                conn.execute("PRAGMA locking_mode = EXCLUSIVE")
            # Reading the schema is the first access that decrypts a page: a wrong key or a
            # damaged file fails here.
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except BaseException:
            conn.close()
            raise
        return conn

    def check(self, full: bool = False) -> None:
        pragma = "integrity_check" if full else "quick_check"
        try:
            rows = [r[0] for r in self.conn.execute(f"PRAGMA {pragma}").fetchall()]
        except _DB_ERRORS as exc:
            raise translate(exc) from exc
        if rows != ["ok"]:
            raise StoreCorrupt("integrity check failed", problems=rows[:20])
        if self.encrypted and full:
            bad = self.execute("PRAGMA cipher_integrity_check").fetchall()
            if bad:
                raise StoreCorrupt("page authentication failed", problems=[r[0] for r in bad[:20]])

    def _close_quietly(self) -> None:
        self.closed = True
        try:
            conn = getattr(self, "conn", None)
            if conn is not None:
                conn.close()
        except Exception:
            pass
        HOLDS.release(self.path)

    def close(self) -> None:
        if self.closed:
            return
        self.closed = True
        try:
            if self.replaced() is None:
                self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        except _DB_ERRORS as exc:
            log.warning("checkpoint at close failed: %s", exc)
        finally:
            self.conn.close()
            HOLDS.release(self.path)

    def replaced(self) -> str | None:
        """None while the path still names the file this connection opened; else why not."""
        now = _identity(self.path)
        if now is None:
            return "missing"
        return None if now == self._identity else "replaced"

    # -- statements ------------------------------------------------------------------------
    def execute(self, sql: str, params: Any = ()) -> Any:
        try:
            return self.conn.execute(sql, params)
        except _DB_ERRORS as exc:
            raise translate(exc) from exc

    def executemany(self, sql: str, rows: Any) -> Any:
        try:
            return self.conn.executemany(sql, rows)
        except _DB_ERRORS as exc:
            raise translate(exc) from exc

    def one(self, sql: str, params: Any = ()) -> Any:
        return self.execute(sql, params).fetchone()

    def all(self, sql: str, params: Any = ()) -> list[Any]:
        return list(self.execute(sql, params).fetchall())

    def scalar(self, sql: str, params: Any = (), default: Any = None) -> Any:
        row = self.one(sql, params)
        return default if row is None or row[0] is None else row[0]

    @property
    def in_transaction(self) -> bool:
        return self._depth > 0

    @contextmanager
    def transaction(self) -> Iterator[Database]:
        """``BEGIN IMMEDIATE`` at the outermost level, a savepoint inside; rolls back on error."""
        outer = self._depth == 0
        name = f"sp{self._depth}"
        try:
            self.conn.execute("BEGIN IMMEDIATE" if outer else f"SAVEPOINT {name}")
        except _DB_ERRORS as exc:
            raise translate(exc) from exc
        if outer and (why := self.replaced()) is not None:
            # Someone replaced the store without its lock: what this connection would write now
            # would land in a file nobody reads again, so nothing is written.
            self.conn.execute("ROLLBACK")
            log.error("store file %s under an open connection; refusing to write", why)
            raise StoreReplaced(why)
        self._depth += 1
        try:
            yield self
        except BaseException:
            self._depth -= 1
            try:
                if outer:
                    self.conn.execute("ROLLBACK")
                else:
                    self.conn.execute(f"ROLLBACK TO {name}")
                    self.conn.execute(f"RELEASE {name}")
            except _DB_ERRORS as exc:  # the rollback itself failed: the connection is unusable
                log.error("rollback failed: %s", exc)
            raise
        self._depth -= 1
        try:
            self.conn.execute("COMMIT" if outer else f"RELEASE {name}")
        except _DB_ERRORS as exc:
            if outer:
                try:
                    self.conn.execute("ROLLBACK")
                except _DB_ERRORS:
                    log.error("rollback after failed commit failed")
            raise translate(exc) from exc


def _identity(path: Path) -> tuple[int, int] | None:
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return None
    return st.st_dev, st.st_ino


def _create_private(path: Path) -> None:
    """Make a new store file owner-only before SQLite creates it (its -wal and -shm files take the
    same mode), and take group and other access away from a store an older program made."""
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        for f in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
            try:
                if os.stat(f).st_mode & 0o077:
                    os.chmod(f, 0o600)
            except FileNotFoundError:
                continue
            except OSError as exc:
                log.warning("could not make the store owner-only: %s", exc.strerror)
        return
    except OSError as exc:
        raise translate(exc) from exc
    os.close(fd)
