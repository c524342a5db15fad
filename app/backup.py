"""Backups of a station: one file holding the encrypted store and the key file that opens it.

A backup is a ZIP (stored, not compressed: the contents are ciphertext) with ``manifest.json``,
``keys.json`` and ``station.db``.  The database inside stays encrypted with the data key of the
time; the key file inside opens it with the passwords and recovery code of that time.  Nothing in
a backup is readable without them.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import shutil
import tempfile
import zipfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

import sqlcipher3

from app.config import Paths
from app.errors import BackupError, DiskFull, StoreCorrupt
from app.keys import RECOVERY_SLOT, KeyFile
from app.store import migrations
from app.store.db import Database
from app.store.hold import HOLDS

if TYPE_CHECKING:
    from app.station import Station

log = logging.getLogger(__name__)

FORMAT = "bianmin-backup/1"
KEEP = 20


def list_backups(paths: Paths) -> list[Path]:
    if not paths.backups.exists():
        return []
    return sorted(p for p in paths.backups.glob("*.bmbak") if p.is_file())


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def write(station: Station, dest: Path, reason: str = "manual") -> Path:
    """Write a backup of the open station to ``dest`` (atomically)."""
    dest = dest.expanduser()
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmpdir = Path(tempfile.mkdtemp(prefix=".bianmin-backup-", dir=dest.parent))
    try:
        copy = tmpdir / "station.db"
        target = sqlcipher3.connect(str(copy))
        try:
            target.execute(f"PRAGMA key = \"x'{station.data_key.hex()}'\"")
            station.db.conn.backup(target)
        finally:
            target.close()
        manifest: dict[str, Any] = {
            "format": FORMAT,
            "station_code": station.station_code,
            "created_at": station.clock.stamp(),
            "reason": reason,
            "schema": migrations.current_version(station.db),
            "sha256": _sha256(copy),
        }
        part = dest.with_name(f".{dest.name}.part")
        with zipfile.ZipFile(part, "w", compression=zipfile.ZIP_STORED) as zf:
            zf.writestr("manifest.json", json.dumps(manifest, indent=1))
            zf.writestr("keys.json", station.keyfile.to_bytes())
            zf.write(copy, "station.db")
        with part.open("rb") as fh:
            os.fsync(fh.fileno())
        os.chmod(part, 0o600)
        os.replace(part, dest)
    except OSError as exc:
        raise DiskFull(str(exc)) if exc.errno == 28 else BackupError(str(exc)) from exc
    except sqlcipher3.Error as exc:
        raise BackupError(str(exc)) from exc
    finally:
        shutil.rmtree(tmpdir, ignore_errors=True)
    log.info("backup written (%s)", reason)
    return dest


def take(station: Station, reason: str) -> Path:
    """An automatic backup into the station's backups folder; keeps the newest ``KEEP``."""
    stamp = station.clock.now().strftime("%Y%m%d-%H%M%S-%f")
    path = write(station, station.paths.backups / f"{stamp}-{reason}.bmbak", reason)
    for old in list_backups(station.paths)[:-KEEP]:
        with contextlib.suppress(OSError):
            old.unlink()
    return path


def read_manifest(src: Path) -> dict[str, Any]:
    try:
        with zipfile.ZipFile(src) as zf:
            manifest = json.loads(zf.read("manifest.json"))
    except (OSError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise BackupError("not a backup file", path=str(src)) from exc
    if manifest.get("format") != FORMAT:
        raise BackupError("unknown backup format", path=str(src))
    return dict(manifest)


def restore(paths: Paths, src: Path, secret: str, *, login: str | None = None) -> dict[str, Any]:
    """Replace the station's store and key file with a backup's.

    ``secret`` is the password of ``login`` at the time of the backup, or (``login=None``) the
    recovery code of that time.  The backup is checked completely before anything is replaced,
    and the current state is itself kept as a backup first.  The station is held alone while its
    files are replaced: with the store open in any other process (the window, its sync, another
    command) the restore refuses (StationInUse) and changes nothing, since that process would go
    on writing cases into a file that is no longer the store.
    """
    manifest = read_manifest(src)
    paths.ensure()
    work = Path(tempfile.mkdtemp(prefix=".bianmin-restore-", dir=paths.home))
    try:
        with zipfile.ZipFile(src) as zf:
            zf.extract("station.db", work)
            keys_raw = zf.read("keys.json")
        db_copy = work / "station.db"
        if _sha256(db_copy) != manifest.get("sha256"):
            raise BackupError("backup damaged: checksum mismatch", path=str(src))
        keyfile = KeyFile(work / "keys.json", json.loads(keys_raw))
        slot = RECOVERY_SLOT if login is None else keyfile.operator_slot_id(login)
        unlocked = keyfile.unlock(slot, secret, count_failures=False)
        _epoch, key = unlocked.newest()
        restored = Database(db_copy, key, check="full")
        # Numbers handed out since this backup are known only to the sequence mark beside the
        # store: forget the backup's reservations so that numbering resumes after the mark.
        with restored.transaction():
            restored.execute("UPDATE case_counters SET reserved = 0")
        restored.close()
        with HOLDS.exclusive(paths.database):
            if paths.database.exists():
                _keep_current(paths)
            for suffix in ("-wal", "-shm"):
                with contextlib.suppress(FileNotFoundError):
                    Path(str(paths.database) + suffix).unlink()
            os.replace(db_copy, paths.database)
            current = KeyFile(paths.keyfile, {})
            with current.edit(reload=False):
                current.data = json.loads(keys_raw)
    except (zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise BackupError("backup damaged", path=str(src)) from exc
    except OSError as exc:
        raise DiskFull(str(exc)) if exc.errno == 28 else BackupError(str(exc)) from exc
    finally:
        shutil.rmtree(work, ignore_errors=True)
    log.info("backup restored")
    return manifest


def _keep_current(paths: Paths) -> None:
    """Copy the current (possibly damaged) store and key file aside before a restore."""
    stamp = f"{len(list(paths.backups.glob('*.before-restore'))):04d}"
    aside = paths.backups / f"{stamp}.before-restore"
    aside.mkdir(parents=True, exist_ok=True)
    for f in (paths.database, Path(str(paths.database) + "-wal"), paths.keyfile):
        if f.exists():
            try:
                shutil.copy2(f, aside / f.name)
            except OSError as exc:
                raise StoreCorrupt("could not keep the current store before restoring") from exc
