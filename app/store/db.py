"""The SQLCipher connection: keying, pragmas, integrity check and transactions.

``key=None`` opens a plain SQLite file with the same code; only the benchmark does that, to
measure what the encryption costs.
"""

from __future__ import annotations

import errno
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import sqlcipher3

from app.errors import DiskFull, StoreBusy, StoreCorrupt, StoreError, WriteFailed

log = logging.getLogger(__name__)

_DB_ERRORS: tuple[type[Exception], ...] = (sqlcipher3.Error,)


def translate(exc: BaseException) -> StoreError:
    """Turn a driver or OS error into the typed error the rest of the program understands."""
    text = str(exc).lower()
    if isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG):
        return DiskFull(str(exc))
    if "database or disk is full" in text or ("disk i/o error" in text and "full" in text):
        return DiskFull(str(exc))
    if "file is not a database" in text or "malformed" in text or "corrupt" in text:
        return StoreCorrupt(str(exc))
    if "database is locked" in text or "busy" in text:
        return StoreBusy(str(exc))
    if "disk i/o error" in text:
        return WriteFailed(str(exc))
    return StoreError(str(exc))


class Database:
    """One connection with explicit, nestable transactions (savepoints inside)."""

    def __init__(self, path: Path, key: bytes | None, *, check: str = "quick") -> None:
        self.path = path
        self.encrypted = key is not None
        self._depth = 0
        self.closed = False
        try:
            # Without a key the same library opens a plain SQLite file (same SQLite version).
            self.conn: Any = sqlcipher3.connect(str(path), isolation_level=None, check_same_thread=False)
            self.conn.execute("PRAGMA cipher_log_level = NONE")
            if key is not None:
                self.conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
            self.conn.execute("PRAGMA busy_timeout = 5000")
            # Reading the schema is the first access that decrypts a page: a wrong key or a
            # damaged file fails here.
            self.conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
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
        try:
            self.conn.close()
        except Exception:
            pass

    def close(self) -> None:
        if self.closed:
            return
        self.closed = True
        try:
            self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        except _DB_ERRORS as exc:
            log.warning("checkpoint at close failed: %s", exc)
        self.conn.close()

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
