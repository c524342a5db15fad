"""The relay's database: the hub's own schema (``hub.models``, made by its migrations) in an SQLCipher
file, so that the hub's code stores, numbers and serves the events as it does at the region.

It holds one station (the relay's): its row (the peer feed's counter), its devices as upstream last
listed them (the cache the windows' signatures are checked against), the events the windows pushed
and those of the laptops mirrored from upstream, and a few ``hub_meta`` rows of the relay's own
(``relay.*``: the upstream feed number mirrored up to, the laptop chains it covers, when the device
list was last read)."""

from __future__ import annotations

import datetime as dt
import json
import logging
import secrets

from sqlalchemy import URL, Engine, select
from sqlalchemy.orm import Session

from hub import db
from hub.relay.state import RelayConfig, RelayDir
from hub.routes.peers import FEED_ID
from sync import protocol

log = logging.getLogger(__name__)

UPSTREAM_AFTER = "relay.upstream_after"  # the upstream feed number of the last laptop event mirrored
UPSTREAM_CHAINS = "relay.upstream_chains"  # the laptop chains that number covers ("80,81")
DEVICES_AT = "relay.devices_at"  # when the device list was last read from upstream (ISO 8601, UTC)
UPSTREAM_OK_AT = "relay.upstream_ok_at"  # when upstream last answered
UPDATES_CURSOR = "relay.updates_cursor"  # upstream's cursor after the last page of updates kept


def database_url(directory: RelayDir) -> str:
    """``sqlite+pysqlcipher`` (SQLAlchemy's SQLCipher dialect, the ``sqlcipher3`` module) with the
    directory's raw 256-bit key (``x'…'``: no key derivation on each connection)."""
    url = URL.create("sqlite+pysqlcipher", username="", password=f"x'{directory.database_key()}'",
                     database=str(directory.database))
    return url.render_as_string(hide_password=False)


def open_database(directory: RelayDir) -> Engine:
    """The relay's database, at the newest schema (made when new)."""
    engine = db.make_engine(database_url(directory))
    try:
        db.upgrade(engine)
    except Exception:
        engine.dispose()
        raise
    return engine


def get_meta(session: Session, key: str) -> str:
    row = session.get(db.HubMeta, key)
    return row.value if row is not None else ""


def set_meta(session: Session, key: str, value: str) -> None:
    row = session.get(db.HubMeta, key)
    if row is None:
        session.add(db.HubMeta(key=key, value=value))
    else:
        row.value = value


def ensure_station(engine: Engine, config: RelayConfig, public_key: str) -> None:
    """The station's row (its feed counter), the relay's own device and the id of its feed, when new (a
    relay set up anew numbers its feed from 1 again under another id: the windows see it and exchange
    everything again)."""
    with Session(engine) as session:
        if not get_meta(session, FEED_ID):
            set_meta(session, FEED_ID, secrets.token_hex(8))
        if session.get(db.Station, config.station) is None:
            moment = db.utcnow()
            session.add(db.Station(code=config.station, name="", public_key=public_key, enrolled_at=moment, feed=0))
            session.flush()
            session.add(db.Device(station=config.station, device=config.device, name="中心中继",
                                  role=protocol.DeviceRole.relay.value, public_key=public_key, enrolled_at=moment))
        session.commit()


def _moment(text: str | None) -> dt.datetime | None:
    if not text:
        return None
    try:
        value = dt.datetime.fromisoformat(text)
    except ValueError:
        return None
    return value if value.tzinfo is not None else value.replace(tzinfo=dt.UTC)


def cache_devices(session: Session, station: str, listed: protocol.DeviceList) -> None:
    """Upstream's device list into the cache: names, roles, public and box keys and revocations as
    listed (a revocation is never taken back here: upstream never takes one back either). The windows
    read the list from the relay as from upstream, down to its digest (``protocol.roster_version``)."""
    if listed.station != station:
        raise ValueError("upstream listed the devices of another station")
    for info in listed.devices:
        row = session.get(db.Device, (station, info.device))
        revoked = _moment(info.revoked_at)
        seen = _moment(info.last_seen_at)
        if row is None:
            if info.public_key is None:
                continue  # a key the relay cannot check a signature against
            session.add(db.Device(station=station, device=info.device, name=info.name, role=info.role,
                                  public_key=info.public_key, box_key=info.box_key,
                                  enrolled_at=_moment(info.enrolled_at) or db.utcnow(),
                                  revoked_at=revoked, last_seen_at=seen))
            continue
        row.name, row.role = info.name, info.role
        if info.public_key is not None:
            row.public_key = info.public_key
        if info.box_key is not None:
            row.box_key = info.box_key
        row.enrolled_at = _moment(info.enrolled_at) or row.enrolled_at
        row.revoked_at = row.revoked_at or revoked
        if seen is not None and (row.last_seen_at is None or seen > row.last_seen_at):
            row.last_seen_at = seen


def keep_updates(session: Session, station: str, updates: list[protocol.Update], cursor: str) -> int:
    """A page of upstream's updates, under upstream's own ids (a window's cursor then means the same
    here and there), and the cursor after it; an id held already is passed over. Returns the new ones."""
    new = 0
    for update in updates:
        if session.get(db.Update, int(update.id)) is not None:
            continue
        session.add(db.Update(id=int(update.id), station=station, device=update.to, kind=update.kind.value,
                              case_no=update.case_no, body=json.dumps(update.body, ensure_ascii=False),
                              created_at=db.utcnow()))
        new += 1
    set_meta(session, UPDATES_CURSOR, cursor)
    return new


def laptop_chains(session: Session, station: str) -> list[str]:
    """The chains the relay mirrors from upstream: the station's laptops (revoked ones too: their
    bundles may still come)."""
    return list(session.scalars(select(db.Device.device).where(
        db.Device.station == station, db.Device.role == protocol.DeviceRole.laptop.value).order_by(db.Device.device)))
