"""The sync engine: push unsent journal events, pull updates and the other devices' events, and keep
the clerk informed.

A round: the centre's relay (when one is set: take this device's updates → take the others' →
push own → the device list) → push → attachments → pull updates and peers (only when the relay did
not answer) → their scans → the device list (when due) → push again. When the relay answered and
this device has nothing to send and no scan to fetch, the window's scheduled round stops there:
the relay is the centre's one poller of the region (``region_needed``; once an hour, or after a
failed regional round, the round still goes on and pulls from the region, to check the link).

Push: this device's events in journal order, in batches; each is answered stored / duplicate (both:
sent) or rejected (quarantined with its reason, never blocking the rest). A batch whose answer
never arrives is simply sent again: the hub keeps one copy of each event id.
Pull: from an opaque cursor; each page is applied in one transaction together with the new
cursor. A case status for a case with unsent local events is set aside and applied after the
local work has reached the hub.
Peers: the station's events that its other devices wrote (``GET /v1/peers``), from the feed number
of the last one taken; each page is taken (``cases.sharing.take_peer_events``: stored, checked,
the touched cases projected) in one transaction together with the new feed number, so a crash
between the two loses nothing and takes nothing twice (taking an event again is no change anyway).
Scans: those of the cases other devices took in or continued, fetched whole once the hub holds them
(``sync.attachments.fetch_peer_scans``).
Devices: the station's devices as the hub lists them (``GET /v1/devices``), kept for the status
display and for sealing a laptop's bundles. Read from the relay every round it answers (the centre's
network is free); from the regional hub only when the digest its updates page gives
(``protocol.roster_version``) differs from the kept list's (a device enrolled, renamed or revoked),
when the round took events of a device the list does not name or names as not heard from yet, when
the kept list was never read, is older than ``DEVICES_EVERY`` (when each was last heard from) or was
read at a time the station's clock now places in the future: the list is 2 KB a round on a 512
kbit/s link otherwise.
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
import logging
from dataclasses import dataclass, field, replace
from typing import Any

from app import textcheck
from app.errors import (
    BianminError,
    CaseNotFound,
    CatalogueFileError,
    HubProtocolError,
    HubRefused,
    InvalidTransition,
    NotEnrolled,
    StoreError,
    SyncError,
    ValidationError,
)
from app.journal import Event, chain_of
from app.models import CaseStatus, Outcome
from app.services import cases, catalogue
from app.station import Station
from app.store import journal as journal_store
from app.store import outbox
from sync import attachments, bundle_documents, protocol
from sync import state as sync_state
from sync.client import HubClient
from sync.status import DeviceStatus, SyncStatus, link_state

log = logging.getLogger(__name__)

BATCH = protocol.MAX_BATCH  # fewer round trips on a slow link; the hub accepts this many


@dataclass
class SyncReport:
    pushed: int = 0
    duplicates: int = 0
    rejected: int = 0
    pulled: int = 0
    applied: int = 0
    deferred: int = 0
    uploaded: int = 0  # attachments whose content reached the hub (and checked out) this round
    upload_bytes_resent: int = 0  # attachment bytes sent again after a cut link (at most a chunk per cut)
    upload_failed: int = 0  # attachments the hub refused this round (they start again next round)
    peers_taken: int = 0  # other devices' events new to this device this round
    peers_known: int = 0  # other devices' events it held already (a page taken again)
    peers_refused: int = 0  # other devices' events refused (a notice says why)
    scans_fetched: int = 0  # scans of other devices' cases fetched this round
    scans_waiting: int = 0  # scans of other devices' cases the hub does not hold complete yet
    scans_failed: int = 0  # scans the hub answered with other content (asked for again next round)
    relay_pushed: int = 0  # own events new to the centre's relay this round
    relay_scans: int = 0  # own scans sent to the centre's relay this round
    relay_error: str | None = None  # why the relay exchange failed (None: it went through, or no relay)
    relayed: bool = False  # the centre's relay answered throughout this round
    regional: bool = True  # the round went on to the regional hub (False: the relay brought everything)
    peer_devices: set[str] = field(default_factory=set)  # the devices whose events this round took
    devices_version: str | None = None  # the device list's digest the regional hub gave with its updates
    error: str | None = None
    details: dict[str, Any] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return self.error is None


# -- enrolment -------------------------------------------------------------------------------
def device_name(station: Station) -> str:
    """What this device is called at the hub: the station's name for it, by default "NN号窗口"."""
    return station.window_name


def enrol(station: Station, url: str, code: str, ca_bundle: str | None = None,
          role: protocol.DeviceRole = protocol.DeviceRole.window) -> dict[str, Any]:
    """Make the device key, enrol it as this device (``station.device_no``) with the hub's one-time
    code, and remember the hub. From then on requests are signed as ``<station>.<device>`` (as the
    bare station code when the hub answered without a device number: a hub from before devices)."""
    station.require_admin()
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    # The key is kept before asking, so that retrying after a lost answer presents the same key.
    pending = sync_state.load(station.db).pending_device_key
    if pending:
        key = Ed25519PrivateKey.from_private_bytes(protocol.unb64(pending))
    else:
        key = protocol.new_device_key()
        with station.db.transaction():
            kept = sync_state.load(station.db)
            sync_state.save(station.db, replace(kept, pending_device_key=protocol.b64(protocol.private_bytes(key))))
    client = HubClient(url, station.station_code, ca_bundle=ca_bundle, clock=station.clock.now)
    device = station.device_no
    answer = client.enrol(code, station.station_name, protocol.public_bytes(key), device=device,
                          device_name=device_name(station), role=role.value,
                          box_key=bundle_documents.box_public(protocol.private_bytes(key)))
    answered = answer.get("device")
    if answered is not None and answered != device:
        # The hub enrolled the key as another device: this device's events would all be refused.
        raise HubProtocolError("the hub enrolled another device number", asked=device, answered=str(answered)[:8])
    certificate = answer.get("certificate")
    enrolment = sync_state.Enrolment(
        hub_url=url.rstrip("/"),
        device_key=protocol.b64(protocol.private_bytes(key)),
        hub_signing_key=str(answer.get("hub_signing_key", "")),
        hub_box_key=str(answer.get("hub_box_key", "")),
        # The hub's certificate of the device key (offline bundles carry it); older hubs send none.
        certificate=json.dumps(certificate, ensure_ascii=False) if isinstance(certificate, dict) else "",
        region=str(answer.get("region") or ""),
        ca_bundle=ca_bundle or "",
        enrolled_at=station.clock.stamp(),
        device=answered or "",
    )
    with station.db.transaction():
        kept = sync_state.load(station.db)
        sync_state.save(station.db, replace(kept, enrolment=enrolment, pending_device_key="",
                                            clock_offset=client.clock_offset))
        station.journal("station.enrolled", None, {"hub": url.rstrip("/")})
    return answer


def set_hub_url(station: Station, url: str) -> None:
    """The hub moved (a new address for the same platform): the device key stays."""
    station.require_admin()
    if not sync_state.load(station.db).enrolled:
        raise NotEnrolled()
    with station.db.transaction():
        kept = sync_state.load(station.db)
        sync_state.save(station.db, replace(kept, enrolment=replace(kept.enrolment, hub_url=url.rstrip("/"))))
        station.journal("station.hub_moved", None, {"hub": url.rstrip("/")})


def _keep_clock_offset(station: Station, client: HubClient) -> None:
    """Remember what the hub's answers taught about the station's clock (inside a transaction)."""
    kept = sync_state.load(station.db)
    sync_state.save(station.db, replace(kept, clock_offset=client.clock_offset))


def clock_offset(station: Station) -> dt.timedelta:
    """The hub's clock minus the station's as last learned (zero when never learned)."""
    return sync_state.load(station.db).clock_offset


def client_for(station: Station) -> HubClient:
    """A client for the station's hub, signing at the station's time corrected by the offset last
    learned: a station whose clock is off by hours or days signs right from its first request."""
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    kept = sync_state.load(station.db)
    enrolment = kept.enrolment
    if not enrolment.hub_url or not enrolment.device_key:
        raise NotEnrolled()
    client = HubClient(enrolment.hub_url, station.station_code,
                       Ed25519PrivateKey.from_private_bytes(protocol.unb64(enrolment.device_key)),
                       key_id=enrolment.key_id(station.station_code), ca_bundle=enrolment.ca_bundle or None,
                       clock=station.clock.now)
    client.clock_offset = kept.clock_offset
    return client


# -- push ------------------------------------------------------------------------------------
def push(station: Station, client: HubClient, report: SyncReport) -> None:
    while True:
        batch = outbox.pending(station.db, BATCH)
        if not batch:
            return
        answer = client.send_events([protocol.WireEvent.of(ev) for ev in batch])
        by_id = {r.event_id: r for r in answer.results}
        stamp = station.clock.stamp()
        answered = 0
        with station.db.transaction():
            for ev in batch:
                r = by_id.get(ev.event_id)
                if r is None:
                    continue
                answered += 1
                if r.status is not protocol.PushStatus.rejected:
                    outbox.mark(station.db, ev.seq, outbox.SENT, None, stamp)
                    report.pushed += r.status is protocol.PushStatus.stored
                    report.duplicates += r.status is protocol.PushStatus.duplicate
                else:
                    outbox.mark(station.db, ev.seq, outbox.QUARANTINED, str(r.reason or "rejected"), stamp)
                    report.rejected += 1
        if answered < len(batch):
            raise HubProtocolError("hub answered part of the batch", answered=answered, sent=len(batch))


# -- pull ------------------------------------------------------------------------------------
def _apply_case_status(station: Station, update: dict[str, Any], report: SyncReport, retry: bool,
                       local_upto: int) -> None:
    body = update.get("body") or {}
    status = protocol.CaseStatusBody.from_wire(body, update.get("case_no"))
    case_no = status.case_no
    # Local work = events the clerk made before this pull; applying platform statuses makes events too.
    if outbox.pending_for_case(station.db, case_no, local_upto):
        # Never overwrite unsent local work: apply once the station's own events have gone.
        outbox.defer_update(station.db, update, station.clock.stamp(), "unsent_local_work")
        report.deferred += 1
        return
    try:
        to = CaseStatus(status.status)
        outcome = Outcome(status.outcome) if status.outcome else None
        current = cases.get_case(station, case_no, log_access=False).status
        if current is to:
            report.applied += 1
        elif to is CaseStatus.accepted and current is CaseStatus.correction_requested:
            cases.resume_after_correction(station, case_no, [], trip=False, source="platform")
            report.applied += 1
        else:
            cases.set_status(station, case_no, to, outcome=outcome, note=status.note or "", source="platform",
                             platform_no=status.platform_no or "")
            report.applied += 1
    except (CaseNotFound, InvalidTransition, ValidationError, ValueError) as exc:
        # Recorded for a person to see, never retried in a loop.
        code = exc.code if isinstance(exc, BianminError) else "bad_status"
        outbox.add_notice(station.db, f"status-{update['id']}", station.clock.stamp(),
                          {"kind": "status_not_applied", "case_no": case_no, "reason": code, "update": body})
        log.warning("platform status for a case not applied: %s", code)
    if retry:
        outbox.drop_deferred(station.db, str(update["id"]))


@dataclass(frozen=True)
class _CatalogueCheck:
    """What a catalogue update came to, found before the page's transaction: no write lock is
    held while a document from the platform is weighed."""

    version: str  # as it may be shown and stored (escaped when it is no clean text)
    here: bool = False  # that version is in the store already: nothing to do
    sha256: str = ""  # a good document: import it
    problems: tuple[dict[str, Any], ...] = ()  # refused: a notice says why


NOTICE_PROBLEMS = 5  # a notice names the first few problems, never the texts themselves


def _shown(value: Any, limit: int = 64) -> str:
    """A value from the platform as a notice or a log may hold it: a string, cut, every character
    that is no text escaped (a lone surrogate cannot even be stored)."""
    return textcheck.visible(str(value)[:limit])


def _check_catalogue(station: Station, update: dict[str, Any], known: set[str]) -> _CatalogueCheck:
    body = update.get("body")
    version = body.get("version") if isinstance(body, dict) else None
    shown = _shown(version if version is not None else "", 40)
    if isinstance(version, str) and version in known:
        return _CatalogueCheck(shown, here=True)
    try:
        sha256 = catalogue.check_document(body)
    except ValidationError as exc:
        problems = tuple({k: (v[:120] if isinstance(v, str) else v) for k, v in p.items()}
                         for p in exc.details.get("problems", [])[:NOTICE_PROBLEMS])
        log.warning("catalogue %s from the platform refused: %s", shown,
                    ", ".join(f"{p.get('where')} {p.get('problem')}" for p in problems))
        return _CatalogueCheck(shown, problems=problems or ({"where": "$", "problem": exc.code},))
    except Exception as exc:  # a boundary: a check that fails on the platform's data must not stop sync
        log.warning("catalogue %s from the platform could not be checked: %s", shown, type(exc).__name__)
        return _CatalogueCheck(shown, problems=({"where": "$", "problem": type(exc).__name__},))
    known.add(str(version))
    return _CatalogueCheck(shown, sha256=sha256)


def _check_catalogues(station: Station, updates: list[Any]) -> dict[int, _CatalogueCheck]:
    """Every catalogue of a page weighed (bounds, characters, schema, rules) outside any
    transaction; keyed by the update's place in the page."""
    known = {v.version for v in catalogue.versions(station)}
    return {n: _check_catalogue(station, update, known) for n, update in enumerate(updates)
            if isinstance(update, dict) and update.get("kind") == protocol.CATALOGUE}


def _apply(station: Station, update: dict[str, Any], report: SyncReport, local_upto: int,
           check: _CatalogueCheck | None) -> None:
    kind = update.get("kind")
    body = update.get("body") or {}
    if kind == protocol.CASE_STATUS:
        _apply_case_status(station, update, report, retry=False, local_upto=local_upto)
    elif kind == protocol.CATALOGUE:
        notice = {"kind": "catalogue_refused", "version": check.version if check else "",
                  "reason": CatalogueFileError.code, "problems": list(check.problems) if check else []}
        if check is not None and check.sha256:
            try:
                catalogue.import_document(station, body, check.sha256, checked=True)
            except ValidationError as exc:  # that version arrived meanwhile (a file import)
                notice.update(reason=exc.code, problems=[])
                check = None
        if check is None or check.problems:
            outbox.add_notice(station.db, f"catalogue-{_shown(update.get('id'))}", station.clock.stamp(), notice)
        report.applied += 1
    elif kind == protocol.CALENDAR:
        _apply_calendar(station, update, report)
    else:
        outbox.add_notice(station.db, str(update.get("id")), station.clock.stamp(), body)
        report.applied += 1


def _apply_calendar(station: Station, update: dict[str, Any], report: SyncReport) -> None:
    """A ``calendar`` update: the regional days or a national calendar (``app.workdays``), checked
    strictly and kept in the data directory; one the station cannot use becomes a
    ``calendar_refused`` notice (its format, the first problems with their places) and changes
    nothing."""
    from app.workdays import CalendarFileError, store_calendar_document

    body = update.get("body")
    try:
        stored = store_calendar_document(station.paths.home, body)
    except CalendarFileError as exc:
        fmt = body.get("format") if isinstance(body, dict) else None
        problems = [_shown(p, 160) for p in exc.problems[:NOTICE_PROBLEMS]]
        log.warning("calendar from the platform refused: %s", "; ".join(problems))
        outbox.add_notice(station.db, f"calendar-{_shown(update.get('id'))}", station.clock.stamp(),
                          {"kind": "calendar_refused", "format": _shown(fmt if fmt is not None else "", 40),
                           "reason": CalendarFileError.code, "problems": problems})
    else:
        log.info("calendar from the platform kept: %s %s", stored.format, list(stored.years))
        # Open cases' limits counted again with it (journaled per case whose dates change).
        cases.recount_dues(station)
    report.applied += 1


def _apply_or_notice(station: Station, update: Any, report: SyncReport, local_upto: int,
                     check: _CatalogueCheck | None) -> None:
    """One update in its own savepoint. Whatever the platform sent, an update the station cannot
    apply becomes a notice for a person and never holds the cursor back; only the store's own
    failures (a full disk, a damaged file) stop the page, to be pulled again."""
    try:
        with station.db.transaction():
            if not isinstance(update, dict):
                raise TypeError("update is not an object")
            _apply(station, update, report, local_upto, check)
    except StoreError:
        raise
    except Exception as exc:  # a boundary: the platform's data, whatever it holds
        kind = _shown(update.get("kind") if isinstance(update, dict) else "", 32)
        ident = _shown(update.get("id") if isinstance(update, dict) else "")
        log.warning("update %s (%s) from the platform not applied: %s", ident, kind, type(exc).__name__)
        outbox.add_notice(station.db, f"update-{ident}", station.clock.stamp(),
                          {"kind": "update_not_applied", "update_kind": kind, "reason": type(exc).__name__})


def retry_deferred(station: Station, report: SyncReport) -> None:
    """The platform's statuses set aside for unsent local work, tried again (after a push to the
    region: before it, the work is still unsent and each would only be set aside again)."""
    local_upto = outbox.last_seq(station.db)
    for update in outbox.deferred_updates(station.db):
        with station.db.transaction():
            _apply_case_status(station, update, report, retry=True, local_upto=local_upto)


def pull(station: Station, client: HubClient, report: SyncReport, *, retry: bool = True) -> None:
    """The platform's updates for this device, page by page (the statuses set aside first, unless
    ``retry`` is False: the relay exchange pulls before this round's push to the region)."""
    local_upto = outbox.last_seq(station.db)
    if retry:
        retry_deferred(station, report)
    while True:
        cursor = sync_state.load(station.db).cursor
        page = client.pull(cursor or None)
        updates = page["updates"]
        checks = _check_catalogues(station, updates)  # the heavy part, before the write lock
        with station.db.transaction():
            for n, update in enumerate(updates):
                _apply_or_notice(station, update, report, local_upto, checks.get(n))
            kept = sync_state.load(station.db)
            sync_state.save(station.db, replace(kept, cursor=page["cursor"]))
        report.pulled += len(updates)
        if isinstance(page.get("devices"), str):
            report.devices_version = page["devices"]
        if not page.get("more") or not updates:
            return


# -- the other devices' events ----------------------------------------------------------------
PEER_SOURCE = "hub"  # where this device took them from (``peer_events.source``)
RELAY_SOURCE = "relay"
PEER_PAGE = protocol.MAX_PEER_PAGE  # events asked for at once (tests ask for fewer, to see many pages)
PEER_NOTICES = 20  # a page's refused events named in its notice, at most


def _absent(exc: HubRefused) -> bool:
    """The hub has no such route: a hub from before devices (its station has one device)."""
    return exc.details.get("status") == 404 and exc.details.get("reason") == "not_found"


def _event(wire: protocol.WireEvent) -> Event:
    return Event(seq=wire.seq, event_id=wire.event_id, station=wire.station, case_no=wire.case_no, type=wire.type,
                 at=wire.at, operator=wire.operator, device=wire.device, payload=wire.payload,
                 prev_hash=wire.prev_hash, hash=wire.hash)


def _take(station: Station, events: list[Event], source: str = PEER_SOURCE) -> Any:
    from app.services.cases import sharing

    return sharing.take_peer_events(station, events, source)


def _peer_cursor(kept: sync_state.SyncState, via_relay: bool) -> int:
    return kept.relay.cursor if via_relay else kept.peer_cursor


def _with_peer_cursor(kept: sync_state.SyncState, via_relay: bool, after: int) -> sync_state.SyncState:
    """The state with the feed number moved on to ``after``, never back: another round of this store
    (the window's and a terminal's) may have taken further."""
    if via_relay:
        return replace(kept, relay=replace(kept.relay, cursor=max(kept.relay.cursor, after)))
    return replace(kept, peer_cursor=max(kept.peer_cursor, after))


def pull_peers(station: Station, client: HubClient, report: SyncReport, *, via_relay: bool = False) -> None:
    """Take the other devices' events page by page (from the regional hub's feed, or with
    ``via_relay`` from the centre's relay's, each with its own feed number). A page and the feed
    number after it are kept in one transaction: a crash or a cut link before its commit leaves the
    page to be fetched again, after it nothing to fetch twice. What the store refuses (a bad hash, a
    broken link, another station's event) becomes a notice and holds nothing back."""
    source = RELAY_SOURCE if via_relay else PEER_SOURCE
    while True:
        after = _peer_cursor(sync_state.load(station.db), via_relay)
        try:
            page = client.peers(after, PEER_PAGE)
        except HubRefused as exc:
            if _absent(exc):
                log.info("the hub serves no peers feed (a hub from before devices)")
                return
            raise
        if via_relay and _relay_made_anew(station, page.feed):
            continue  # its numbers start again: from 0, and this device's own events go to it again
        if page.after < after:
            raise HubProtocolError("the hub's peer feed went back", cursor=after, answered=page.after)
        events = [_event(e) for e in page.events]
        with station.db.transaction():
            taken = None if not events else _take(station, events, source) if via_relay else _take(station, events)
            if taken is not None and taken.refused:
                notice = f"relay-peers-{after}-{page.after}" if via_relay else f"peers-{after}-{page.after}"
                outbox.add_notice(station.db, notice, station.clock.stamp(), {
                    "kind": "peer_events_refused", "count": len(taken.refused),
                    "events": [{"event": _shown(ref), "reason": _shown(why, 40)}
                               for ref, why in taken.refused[:PEER_NOTICES]]})
            sync_state.save(station.db, _with_peer_cursor(sync_state.load(station.db), via_relay, page.after))
        report.peer_devices.update(chain_of(e.device) for e in events)
        if taken is not None:
            report.peers_taken += taken.taken
            report.peers_known += taken.known
            report.peers_refused += len(taken.refused)
            if taken.refused:
                log.warning("%d events of other devices refused: %s", len(taken.refused),
                            ", ".join(sorted({_shown(why, 40) for _ref, why in taken.refused})))
        if not page.more or page.after == after:
            return


def _relay_made_anew(station: Station, feed: str | None) -> bool:
    """Whether the relay's feed is another than the one this device's relay numbers are of (its
    database was made anew: a PC set up again, a directory lost): then both numbers start from 0
    and True. The first id told is kept as it is."""
    if not feed:
        return False
    kept = sync_state.load(station.db)
    if kept.relay.feed == feed:
        return False
    anew = bool(kept.relay.feed)
    with station.db.transaction():
        kept = sync_state.load(station.db)
        link = replace(kept.relay, feed=feed, cursor=0, pushed=0, scans=0) if anew else replace(kept.relay, feed=feed)
        sync_state.save(station.db, replace(kept, relay=link))
    if anew:
        log.warning("the centre's relay was set up anew: exchanging everything with it again")
    return anew


def refresh_devices(station: Station, client: HubClient) -> None:
    """The station's devices as the hub lists them now, kept for the status display."""
    try:
        listed = client.devices()
    except HubRefused as exc:
        if _absent(exc):
            return
        raise
    roster = sync_state.Roster(devices=tuple(sorted((sync_state.KnownDevice.of(d) for d in listed.devices),
                                                    key=lambda d: d.device)),
                               checked_at=station.clock.stamp(), version=protocol.roster_version(listed.devices))
    with station.db.transaction():
        kept = sync_state.load(station.db)
        sync_state.save(station.db, replace(kept, devices=roster))


DEVICES_EVERY = dt.timedelta(minutes=10)  # the regional hub's device list is read again after this


def devices_due(station: Station, report: SyncReport) -> bool:
    """Whether this round reads the device list from the regional hub (see the module's text)."""
    roster = sync_state.load(station.db).devices
    if not roster.checked_at:
        return True
    if report.devices_version is not None and report.devices_version != roster.version:
        return True  # a device enrolled, renamed or revoked since the list was read
    for device in report.peer_devices:
        known = roster.get(device)
        if known is None or not known.last_seen_at:  # enrolled since, or first heard from since
            return True
    return _older(station, roster.checked_at, DEVICES_EVERY)


def _older(station: Station, stamp: str, than: dt.timedelta) -> bool:
    """Whether the station's ``stamp`` lies ``than`` or more before the station's clock now, or ahead of
    it (the clock was put back since), or cannot be read."""
    try:
        then = dt.datetime.fromisoformat(stamp)
        now = station.clock.now()
        age = now - (then if then.tzinfo else then.replace(tzinfo=now.tzinfo))
    except (ValueError, TypeError):
        return True
    return age < dt.timedelta(0) or age >= than


# -- the centre's relay -----------------------------------------------------------------------
RELAY_TIMEOUT = (3.0, 30.0)  # connect, read: the relay is on the centre's own network


def set_relay(station: Station, url: str | None) -> None:
    """Exchange with the centre's relay at ``url`` from the next round on (None: no relay). Both of
    its feed numbers start again from the beginning: a relay set anew (or made anew on its PC)
    gets this device's events again and gives the others' again, each taken once."""
    station.require_admin()
    if not sync_state.load(station.db).enrolled:
        raise NotEnrolled()
    with station.db.transaction():
        kept = sync_state.load(station.db)
        sync_state.save(station.db, replace(kept, relay=sync_state.RelayLink(url=(url or "").rstrip("/"))))
    log.info("the centre's relay set to %s", url or "none")


def relay_client(station: Station) -> HubClient | None:
    """A client for the centre's relay, signing with this device's key as for the regional hub
    (None when no relay is set)."""
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    kept = sync_state.load(station.db)
    enrolment = kept.enrolment
    if not kept.relay.url or not enrolment.device_key:
        return None
    client = HubClient(kept.relay.url, station.station_code,
                       Ed25519PrivateKey.from_private_bytes(protocol.unb64(enrolment.device_key)),
                       key_id=enrolment.key_id(station.station_code), timeout=RELAY_TIMEOUT, clock=station.clock.now)
    client.clock_offset = kept.clock_offset
    return client


def push_relay(station: Station, client: HubClient, report: SyncReport) -> None:
    """This device's own events the relay has not acknowledged yet, in journal order (whether or not
    the regional hub has them: the relay is a copy beside it). An event the relay refuses is
    logged and passed over; the regional hub's verdict alone quarantines."""
    while True:
        after = sync_state.load(station.db).relay.pushed
        batch = list(itertools.islice(journal_store.iter_events(station.db, after_seq=after), BATCH))
        if not batch:
            return
        answer = client.send_events([protocol.WireEvent.of(ev) for ev in batch])
        by_id = {r.event_id: r for r in answer.results}
        answered = [ev for ev in batch if ev.event_id in by_id]
        refused = [by_id[ev.event_id] for ev in answered if by_id[ev.event_id].status is protocol.PushStatus.rejected]
        if refused:
            log.warning("the relay refused %d of this device's events: %s", len(refused),
                        ", ".join(sorted({str(r.reason) for r in refused})))
        report.relay_pushed += sum(1 for ev in answered if by_id[ev.event_id].status is protocol.PushStatus.stored)
        if len(answered) < len(batch):
            raise HubProtocolError("relay answered part of the batch", answered=len(answered), sent=len(batch))
        with station.db.transaction():
            kept = sync_state.load(station.db)
            sync_state.save(station.db, replace(kept, relay=replace(kept.relay,
                                                                    pushed=max(kept.relay.pushed, batch[-1].seq))))


def relay_exchange(station: Station, report: SyncReport) -> bool:
    """Push this device's own events to the centre's relay, then take the others' from it. True when
    the relay answered throughout (the round then takes no peers from the regional hub); False when
    no relay is set or it could not be reached (the round goes to the regional hub as before)."""
    client = relay_client(station)
    if client is None:
        return False
    error: str | None = None
    try:
        # The platform's updates for this device first (what they make is pushed next), as the relay
        # mirrored them under the platform's own ids: the same cursor serves here and at the regional
        # hub, so nothing is missed or taken twice.
        pull(station, client, report, retry=False)
        pull_peers(station, client, report, via_relay=True)  # (first: it finds a relay set up anew)
        # This device's scans before the events that name them: a window that takes such an event
        # finds its scan at the relay too, and fetches it there rather than across the regional link.
        attachments.push_relay_scans(station, client, report)
        push_relay(station, client, report)
        attachments.fetch_peer_scans(station, client, report)
        # The station's devices as the relay last read them from the region: names and keys for the
        # window (and for reading a laptop's bundle) even when this window never reached the region.
        refresh_devices(station, client)
    except SyncError as exc:
        error = exc.code
        log.info("the centre's relay not reached (%s): peers from the regional hub this round", exc.code)
    with station.db.transaction():
        kept = sync_state.load(station.db)
        sync_state.save(station.db, replace(kept, relay=kept.relay.after(station.clock.stamp(), error)))
    report.relay_error = error
    report.relayed = error is None
    return error is None


def probe(station: Station) -> dict[str, Any]:
    """The scheduler's probe while rounds fail: the centre's relay when one is set and answers (a round
    then shares the windows' work on the centre's network), else the regional hub."""
    relay = relay_client(station)
    if relay is not None:
        try:
            return relay.time()
        except SyncError:
            pass
    return client_for(station).time()


# -- one round -------------------------------------------------------------------------------
def run_once(station: Station, client: HubClient | None = None, *, scheduled: bool = False) -> SyncReport:
    """Push everything unsent, then pull the platform's updates and the other devices' events; the
    outcome is recorded for the status display.

    ``scheduled``: the window's own round (every 30 s while the centre's relay answers). Its relay
    exchange goes through every time; it goes on to the regional hub only when ``region_needed`` says
    so and ``SEND_EVERY`` after the last regional round (the region sees as many rounds as from a PC
    without a relay, whatever the centre's network carries meanwhile). A round a person asks for (the
    default) is the whole round, at once: the relay, then the regional hub (its peer feed skipped when
    the relay brought it)."""
    report = SyncReport()
    stamp = station.clock.stamp()
    try:
        client = client or client_for(station)
        # The centre's relay first: the other windows' work arrives even while the regional link is down.
        relayed = relay_exchange(station, report)
        sending, checking = region_needed(station) if relayed and scheduled else (True, True)
        if relayed and scheduled and not _older(station, sync_state.load(station.db).last.attempt, SEND_EVERY):
            sending = checking = False
        if not (sending or checking):
            report.regional = False
            return report
        push(station, client, report)
        attachments.upload_pending(station, client, report)
        if not relayed or checking:  # (the relay brought the updates; a round that checks the link asks too)
            pull(station, client, report)
        else:  # what the relay brought and was set aside for the work just sent
            retry_deferred(station, report)
        if not relayed:
            pull_peers(station, client, report)
        attachments.fetch_peer_scans(station, client, report)
        if devices_due(station, report):
            refresh_devices(station, client)
        # Statuses applied by the pull made local events; send them now rather than next time.
        push(station, client, report)
    except SyncError as exc:
        report.error = exc.code
        report.details = {k: v for k, v in exc.details.items() if isinstance(v, str | int)}
    with station.db.transaction():
        if client is not None:  # what the hub's answers said of the station's clock, for the next round
            _keep_clock_offset(station, client)
        kept = sync_state.load(station.db)
        last = kept.last.after(stamp, report.error, str(report.details.get("reason", "")))
        sync_state.save(station.db, replace(kept, last=last))
    return report


REGION_EVERY = dt.timedelta(hours=1)  # a window with a relay and nothing to send asks the region this often
SEND_EVERY = dt.timedelta(minutes=5)  # a scheduled round through the relay goes on to the region at most so often


def region_needed(station: Station) -> tuple[bool, bool]:
    """For a round whose relay exchange went through, whether it goes on to the regional hub:
    (sending, checking). Sending: this device has events or scans to send or lacks scans of other
    devices' cases (the region serves them). Checking: its last regional round failed or never went
    through, or went through ``REGION_EVERY`` ago (so that its status, its clock's offset and the
    platform's record of when it last heard from the device stay true). Neither: the relay brought
    everything there is, and the regional link is left alone."""
    from app.services.cases import sharing

    last = sync_state.load(station.db).last
    sending = bool(outbox.pending_count(station.db) or attachments.pending_count(station)
                   or sharing.attachments_missing(station))
    checking = bool(last.error or not last.success or _older(station, last.success, REGION_EVERY))
    return sending, checking


def status(station: Station) -> SyncStatus:
    """What the clerk sees: enrolled or not, the link's state, waiting, failed and why."""
    db = station.db
    kept = sync_state.load(db)
    last = kept.last
    return SyncStatus(
        state=link_state(kept.enrolled, last.success, last.error),
        enrolled=kept.enrolled,
        hub_url=kept.enrolment.hub_url,
        waiting=outbox.pending_count(db),
        sent=outbox.sent_count(db),
        quarantined=outbox.quarantined(db),
        deferred_updates=len(outbox.deferred_updates(db)),
        last_attempt=last.attempt,
        last_success=last.success,
        last_error=last.error,
        last_error_reason=last.error_reason,
        failures=last.failures,
        notices=len(outbox.notices(db, unread_only=True)),
        attachments_waiting=attachments.pending_count(station),
        devices=devices(station, kept),
        devices_read=kept.devices.checked_at,
        relay_url=kept.relay.url,
        relay_last_success=kept.relay.last_success,
        relay_last_error=kept.relay.last_error,
    )


def devices(station: Station, kept: sync_state.SyncState | None = None) -> tuple[DeviceStatus, ...]:
    """This device (its number and name from the store), then the station's others as the hub last
    listed them."""
    kept = kept or sync_state.load(station.db)
    me = station.device_no
    listed = kept.devices.get(me)
    mine = DeviceStatus(device=me, name=station.device_name or (listed.name if listed else ""),
                        role=listed.role if listed else protocol.DeviceRole.window.value, this=True,
                        last_seen_at=listed.last_seen_at if listed else "",
                        revoked_at=listed.revoked_at if listed else "")
    others = (DeviceStatus(device=d.device, name=d.name, role=d.role, this=False, last_seen_at=d.last_seen_at,
                           revoked_at=d.revoked_at) for d in kept.devices.devices if d.device != me)
    return (mine, *others)


def retry_quarantined(station: Station, seqs: list[int] | None = None) -> int:
    with station.db.transaction():
        return outbox.release(station.db, seqs)
