"""A station's data directory opened by an operator: key file, encrypted store, who is working.

``Station.init`` makes a new station; ``Station.open`` logs an operator in; the services in
``app.services`` take an open :class:`Station`.
"""

from __future__ import annotations

import logging
import re
import uuid
from dataclasses import dataclass, field
from datetime import date

from app import backup as backups
from app import labels, textcheck
from app.casenumber import DEVICE_NO
from app.clock import Clock, check_plausible
from app.config import KdfParams, Paths
from app.errors import (
    DiskFull,
    OperatorDisabled,
    PermissionDenied,
    SchemaTooNew,
    StationExists,
    StationNotFound,
    StoreCorrupt,
    StoreError,
    StoreUnreadable,
    UnknownOperator,
    ValidationError,
    WeakPassword,
)
from app.events import OperatorAdded, OperatorChanged, Rekeyed, SettingsChanged
from app.journal import FIRST_DEVICE, StationEventType
from app.keys import RECOVERY_SLOT, KeyFile, new_data_key, new_recovery_code, normalize_recovery_code
from app.models import Operator, Role
from app.seqmark import SequenceMark
from app.store import journal as journal_store
from app.store import migrations
from app.store import operators as op_store
from app.store.db import Database, diagnose
from app.store.hold import HOLDS
from app.workdays import WorkCalendar, station_calendar

log = logging.getLogger(__name__)

STATION_CODE = re.compile(r"^[1-6][0-9]{11}$")
LOGIN = re.compile(r"^[A-Za-z0-9_.-]{2,32}$")
MIN_PASSWORD = 8
DEVICE_NAME_MAX = 20


def check_device_no(device_no: str) -> str:
    """A device number as given at ``init``: two digits, "00".."99"."""
    device_no = device_no.strip()
    if not DEVICE_NO.fullmatch(device_no):
        problem = {"field": "device_no", "problem": "bad_device_no"}
        raise ValidationError("bad device number", problems=[problem], **problem)
    return device_no


def check_device_name(name: str) -> str:
    """What the counter calls a device (printed as the 窗口 of its documents); empty: not named."""
    name = name.strip()
    textcheck.require_clean_fields({"device_name": name})
    if len(name) > DEVICE_NAME_MAX:
        problem = {"field": "device_name", "problem": "too_long", "length": len(name), "limit": DEVICE_NAME_MAX}
        raise ValidationError("device name too long", problems=[problem])
    return name


def check_password(password: str) -> None:
    if len(password) < MIN_PASSWORD:
        raise WeakPassword(min_length=MIN_PASSWORD)


def check_login(login: str) -> str:
    login = login.strip()
    if not LOGIN.match(login):
        raise ValidationError("bad login", field="login", problem="bad_format")
    return login


@dataclass
class Station:
    paths: Paths
    keyfile: KeyFile
    db: Database
    operator: Operator
    clock: Clock = field(default_factory=Clock)
    kdf: KdfParams = field(default_factory=KdfParams)
    epoch: int = 1
    _data_key: bytes = field(default=b"", repr=False)
    _seq: SequenceMark | None = field(default=None, repr=False)

    # -- facts ----------------------------------------------------------------------------------
    @property
    def station_code(self) -> str:
        return self.keyfile.station_code

    @property
    def station_name(self) -> str:
        return op_store.get_meta(self.db, "station_name", "") or ""

    @property
    def device_id(self) -> str:
        """The random id the store was made with (before devices had numbers, events carried it)."""
        return op_store.get_meta(self.db, "device_id", "") or ""

    @property
    def device_no(self) -> str:
        """This device's number within the station ("00".."99"); the chain its events form."""
        return op_store.get_meta(self.db, "device_no", FIRST_DEVICE) or FIRST_DEVICE

    @property
    def device_name(self) -> str:
        """What the counter calls this device (the 窗口 of printed documents); empty: not named."""
        return op_store.get_meta(self.db, "device_name", "") or ""

    @property
    def window_name(self) -> str:
        """The 窗口 of this device's cases and documents: its name, or "NN号窗口" when it has none."""
        return self.device_name or labels.default_device_name(self.device_no)

    def set_device_name(self, name: str) -> str:
        """Name this device (an administrator; empty: back to "NN号窗口"); journaled as a setting."""
        self.require_admin()
        name = check_device_name(name)
        with self.db.transaction():
            op_store.set_meta(self.db, "device_name", name)
            self.journal(StationEventType.settings_changed, None,
                         SettingsChanged(values={"device_name": name}).encode())
        return name

    @property
    def is_admin(self) -> bool:
        return self.operator.role is Role.admin

    def require_admin(self) -> None:
        if not self.is_admin:
            raise PermissionDenied(required="admin")

    @property
    def calendar(self) -> WorkCalendar:
        """The station's working days (``app.workdays.station_calendar``: the calendars the platform
        published into the data directory, read again when they change)."""
        return station_calendar(self.paths.home, self.station_code)

    @property
    def sequence_mark(self) -> SequenceMark:
        if self._seq is None:
            self._seq = SequenceMark(self.paths.sequence_mark)
        return self._seq

    def today(self) -> date:
        return self.clock.today()

    def journal(self, type: str, case_no: str | None, payload: dict[str, object]) -> journal_store.Event:
        return journal_store.append(
            self.db, station=self.station_code, device=self.device_no, operator=self.operator.login,
            type=type, at=self.clock.stamp(), case_no=case_no, payload=payload,
        )

    def log_access(self, action: str, case_no: str | None, detail: str = "") -> None:
        with self.db.transaction():
            journal_store.log_access(self.db, at=self.clock.stamp(), operator=self.operator.login,
                                     action=action, case_no=case_no, detail=detail)

    def close(self) -> None:
        self.db.close()

    def reauthenticate(self, password: str) -> None:
        """The logged-in operator's password again (the lock screen). Wrong ones count toward the
        lockout exactly as at login; raises WrongPassword or AccountLocked."""
        self.keyfile.unlock(self.keyfile.operator_slot_id(self.operator.login), password)

    def companion(self) -> Station:
        """A second connection to the same store as the same operator, for another thread (the
        window syncs on its own thread so that a slow link never holds up the clerk's work).
        Writers take turns through SQLite's lock (every transaction is BEGIN IMMEDIATE)."""
        db = Database(self.paths.database, self._data_key, check="none")
        return Station(paths=self.paths, keyfile=self.keyfile, db=db, operator=self.operator, clock=self.clock,
                       kdf=self.kdf, epoch=self.epoch, _data_key=self._data_key)

    def daily_check(self) -> None:
        """SQLite's quick_check once a day (seconds on a large store: the window runs it off the GUI
        thread after login)."""
        self._daily_check()

    # -- creation -------------------------------------------------------------------------------
    @classmethod
    def init(
        cls, paths: Paths, *, station_code: str, station_name: str, admin_login: str, admin_password: str,
        admin_name: str = "", kdf: KdfParams | None = None, clock: Clock | None = None,
        device_no: str = FIRST_DEVICE, device_name: str = "",
    ) -> tuple[Station, str]:
        """Make a new station; returns it (the admin logged in) and the recovery code, shown once."""
        kdf = kdf or KdfParams()
        clock = clock or Clock()
        if not STATION_CODE.match(station_code):
            raise ValidationError("bad station code", field="station_code", problem="bad_format")
        if not station_name.strip():
            raise ValidationError("empty station name", field="station_name", problem="empty")
        admin_login = check_login(admin_login)
        device_no = check_device_no(device_no)
        device_name = check_device_name(device_name)
        check_password(admin_password)
        textcheck.require_clean_fields({"station_name": station_name, "display_name": admin_name})
        check_plausible(clock.today())
        if paths.keyfile.exists() or paths.database.exists():
            raise StationExists(home=str(paths.home))
        paths.ensure()
        data_key = new_data_key()
        recovery = new_recovery_code()
        keyfile = KeyFile.create(paths.keyfile, station_code)
        keyfile.put_slot(keyfile.operator_slot_id(admin_login), "operator", admin_password, {1: data_key}, kdf)
        keyfile.put_slot(RECOVERY_SLOT, "recovery", normalize_recovery_code(recovery), {1: data_key}, kdf)
        try:
            db = Database(paths.database, data_key)
            migrations.migrate(db)
            now = clock.stamp()
            with db.transaction():
                op_store.set_meta(db, "station_code", station_code)
                op_store.set_meta(db, "station_name", station_name.strip())
                op_store.set_meta(db, "device_id", str(uuid.uuid4()))
                op_store.set_meta(db, "device_no", device_no)
                if device_name:
                    op_store.set_meta(db, "device_name", device_name)
                op_store.set_meta(db, "created_at", now)
                op_store.insert_operator(db, login=admin_login, display_name=admin_name or admin_login,
                                         role=Role.admin.value, created_at=now)
            keyfile.save()
        except OSError as exc:
            raise DiskFull(str(exc)) if exc.errno == 28 else StoreError(str(exc)) from exc
        operator = _operator(db, admin_login, keyfile)
        log.info("station initialised")
        return cls(paths=paths, keyfile=keyfile, db=db, operator=operator, clock=clock, kdf=kdf,
                   epoch=1, _data_key=data_key), recovery

    # -- opening --------------------------------------------------------------------------------
    @classmethod
    def open(
        cls, paths: Paths, login: str, password: str, *, kdf: KdfParams | None = None,
        clock: Clock | None = None, check: str = "daily",
    ) -> Station:
        """Log in. ``check``: "daily" runs SQLite's quick_check at the first login of a day (it reads
        every page: seconds on a large store), "quick" at every login, "none" leaves it to the caller."""
        keyfile = _load_keyfile(paths)
        unlocked = keyfile.unlock(keyfile.operator_slot_id(login), password)
        db, epoch, key = _open_db(paths, unlocked.data_keys, "quick" if check == "quick" else "none")
        operator = _operator(db, login, keyfile)
        station = cls(paths=paths, keyfile=keyfile, db=db, operator=operator, clock=clock or Clock(),
                      kdf=kdf or KdfParams(), epoch=epoch, _data_key=key)
        if check == "daily":
            station._daily_check()
        station._migrate_if_needed()
        station._finish_rekey_if_interrupted()
        return station

    @classmethod
    def recover(
        cls, paths: Paths, recovery_code: str, login: str, new_password: str, *,
        kdf: KdfParams | None = None, clock: Clock | None = None,
    ) -> Station:
        """Set a new password for ``login`` with the recovery code printed at setup."""
        check_password(new_password)
        keyfile = _load_keyfile(paths)
        unlocked = keyfile.unlock(RECOVERY_SLOT, recovery_code)
        db, epoch, key = _open_db(paths, unlocked.data_keys, "quick")
        row = op_store.get_operator(db, login)
        if row is None:
            db.close()
            raise UnknownOperator()
        if not row["active"]:
            # The recovery code is for a forgotten password; an operator an administrator
            # disabled stays disabled until an administrator says otherwise.
            db.close()
            raise OperatorDisabled()
        kdf = kdf or KdfParams()
        slot = keyfile.make_slot(keyfile.operator_slot_id(login), "operator", new_password, unlocked.data_keys, kdf)
        with keyfile.edit():
            keyfile.set_slot(slot)
        operator = _operator(db, login, keyfile)
        station = cls(paths=paths, keyfile=keyfile, db=db, operator=operator, clock=clock or Clock(),
                      kdf=kdf, epoch=epoch, _data_key=key)
        with db.transaction():
            station.journal(StationEventType.recovered, None, OperatorChanged(login=login).encode())
        return station

    def _daily_check(self) -> None:
        today = self.today().isoformat()
        if op_store.get_meta(self.db, "last_quick_check") == today:
            return
        try:
            self.db.check(full=False)
        except StoreCorrupt as exc:
            self.db.close()
            raise StoreCorrupt(str(exc), backup=_last_backup(self.paths), **exc.details) from exc
        with self.db.transaction():
            op_store.set_meta(self.db, "last_quick_check", today)

    def _migrate_if_needed(self) -> None:
        if not migrations.pending(self.db):
            return
        target = backups.take(self, reason="pre-migration")
        log.info("backup before migration written to %s", target.name)
        migrations.migrate(self.db)

    def _finish_rekey_if_interrupted(self) -> None:
        # A rekey cut short leaves two keys; keep the one the store actually opened with.
        if len(self.keyfile.epochs) > 1:
            with self.keyfile.edit():
                self.keyfile.drop_epochs_except(self.epoch)

    # -- operators ------------------------------------------------------------------------------
    def _reload_keys(self) -> KeyFile:
        """The key file as it is on disk now (another login may have counted a failure)."""
        self.keyfile = KeyFile.load(self.paths.keyfile)
        return self.keyfile

    def operators(self) -> list[Operator]:
        keyfile = self._reload_keys()
        return [_to_operator(r, keyfile) for r in op_store.list_operators(self.db)]

    def add_operator(self, login: str, display_name: str, role: Role, password: str) -> Operator:
        self.require_admin()
        self._reload_keys()
        login = check_login(login)
        check_password(password)
        textcheck.require_clean_fields({"display_name": display_name})
        if op_store.get_operator(self.db, login) is not None:
            raise ValidationError("login taken", field="login", problem="exists")
        keys = {self.epoch: self._data_key}
        slot = self.keyfile.make_slot(self.keyfile.operator_slot_id(login), "operator", password, keys, self.kdf)
        with self.db.transaction():
            op_store.insert_operator(self.db, login=login, display_name=display_name or login, role=role.value,
                                     created_at=self.clock.stamp())
            self.journal(StationEventType.operator_added, None, OperatorAdded(login=login, role=role.value).encode())
            with self.keyfile.edit():
                self.keyfile.set_slot(slot)
        return _operator(self.db, login, self.keyfile)

    def disable_operator(self, login: str) -> None:
        self.require_admin()
        self._reload_keys()
        row = op_store.get_operator(self.db, login)
        if row is None:
            raise UnknownOperator()
        if row["role"] == Role.admin.value and row["active"] and op_store.count_active_admins(self.db) <= 1:
            raise ValidationError("last administrator", field="login", problem="last_admin")
        with self.db.transaction():
            op_store.set_active(self.db, login, False)
            self.journal(StationEventType.operator_disabled, None, OperatorChanged(login=login).encode())
        with self.keyfile.edit():
            self.keyfile.remove_slot(self.keyfile.operator_slot_id(login))

    def unlock_operator(self, login: str) -> None:
        self.require_admin()
        self._reload_keys()
        if op_store.get_operator(self.db, login) is None:
            raise UnknownOperator()
        with self.keyfile.edit():
            self.keyfile.reset_lock(self.keyfile.operator_slot_id(login))
        with self.db.transaction():
            self.journal(StationEventType.operator_unlocked, None, OperatorChanged(login=login).encode())

    def change_password(self, login: str, new_password: str, old_password: str | None = None) -> None:
        """Own password (with the old one), or anyone's when an administrator does it."""
        check_password(new_password)
        self._reload_keys()
        row = op_store.get_operator(self.db, login)
        if row is None:
            raise UnknownOperator()
        if login.lower() == self.operator.login.lower():
            if old_password is not None:
                self.keyfile.unlock(self.keyfile.operator_slot_id(login), old_password)
        else:
            self.require_admin()
        slot = self.keyfile.make_slot(self.keyfile.operator_slot_id(login), "operator", new_password,
                                      {self.epoch: self._data_key}, self.kdf)
        with self.keyfile.edit():
            self.keyfile.set_slot(slot)
        with self.db.transaction():
            self.journal(StationEventType.password_changed, None, OperatorChanged(login=login).encode())

    # -- key rotation ---------------------------------------------------------------------------
    def rekey(self) -> None:
        """Re-encrypt the store under a new data key, sealed for every operator and recovery.

        Crash-safe: the key file holds both keys until the store has been re-encrypted.  Holds the
        store alone: refuses (StationInUse) while any other connection, in this process or
        another, has it open, since that connection would go on reading and writing pages under
        the old key.
        """
        self.require_admin()
        self._reload_keys()
        with HOLDS.exclusive(self.paths.database, own=1):
            backups.take(self, reason="pre-rekey")
            new_key = new_data_key()
            with self.keyfile.edit():
                new_epoch = max(self.keyfile.epochs) + 1
                self.keyfile.add_epoch(new_epoch, new_key)
            self.db.execute(f"PRAGMA rekey = \"x'{new_key.hex()}'\"")
            self.epoch, self._data_key = new_epoch, new_key
            with self.keyfile.edit():
                self.keyfile.drop_epochs_except(new_epoch)
            with self.db.transaction():
                self.journal(StationEventType.rekeyed, None, Rekeyed(epoch=new_epoch).encode())
        log.info("data key rotated to epoch %d", new_epoch)

    @property
    def data_key(self) -> bytes:
        return self._data_key


def _load_keyfile(paths: Paths) -> KeyFile:
    try:
        keyfile = KeyFile.load(paths.keyfile)
    except FileNotFoundError:
        raise StationNotFound(home=str(paths.home)) from None
    if not paths.database.exists():
        raise StoreCorrupt("database file missing", backup=_last_backup(paths))
    return keyfile


def _last_backup(paths: Paths) -> str | None:
    found = backups.list_backups(paths)
    return str(found[-1]) if found else None


def _open_db(paths: Paths, keys: dict[int, bytes], check: str) -> tuple[Database, int, bytes]:
    """Open with the newest key that works (an interrupted rekey leaves two)."""
    last: StoreError | None = None
    for epoch in sorted(keys, reverse=True):
        try:
            db = Database(paths.database, keys[epoch], check=check)
        except StoreUnreadable as exc:
            # A wrong key and a damaged first page look alike; the pages tell them apart.
            last = diagnose(paths.database, keys[epoch])
            if isinstance(last, StoreUnreadable):
                last = exc
            continue
        except StoreCorrupt as exc:
            last = exc
            continue
        try:
            migrations.refuse_newer(db)
        except SchemaTooNew:
            db.close()
            raise
        return db, epoch, keys[epoch]
    assert last is not None
    if isinstance(last, StoreCorrupt):
        raise StoreCorrupt(str(last), backup=_last_backup(paths), **last.details) from last
    raise last


def _to_operator(row: dict[str, object], keyfile: KeyFile) -> Operator:
    failed, until = keyfile.lock_state(keyfile.operator_slot_id(str(row["login"])))
    return Operator(login=str(row["login"]), display_name=str(row["display_name"]), role=Role(str(row["role"])),
                    active=bool(row["active"]), created_at=str(row["created_at"]), failed_attempts=failed,
                    locked_until=until)


def _operator(db: Database, login: str, keyfile: KeyFile) -> Operator:
    row = op_store.get_operator(db, login)
    if row is None:
        db.close()
        raise UnknownOperator()
    if not row["active"]:
        db.close()
        raise OperatorDisabled()
    return _to_operator(row, keyfile)


