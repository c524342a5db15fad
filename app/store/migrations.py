"""Numbered schema migrations.  ``PRAGMA user_version`` holds the number applied last.

A migration never edits an earlier one; a new change is a new number.  The caller takes a
backup before any migration runs (see ``app.station``).
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from app.errors import SchemaTooNew
from app.store import facts
from app.store.db import Database
from app.textsearch import FTS_TOKENIZER

log = logging.getLogger(__name__)

_V1 = f"""
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);

CREATE TABLE operators (
    id INTEGER PRIMARY KEY,
    login TEXT NOT NULL UNIQUE COLLATE NOCASE,
    display_name TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('clerk', 'admin')),
    active INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL
);

CREATE TABLE catalogue_versions (
    version TEXT PRIMARY KEY,
    region TEXT NOT NULL,
    title TEXT NOT NULL,
    published TEXT NOT NULL,
    imported_at TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    active INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE items (
    code TEXT NOT NULL,
    version TEXT NOT NULL REFERENCES catalogue_versions(version),
    name_zh TEXT NOT NULL,
    name_bo TEXT,
    type TEXT NOT NULL,
    handling TEXT NOT NULL,
    legal_days INTEGER NOT NULL,
    promised_days INTEGER NOT NULL,
    body TEXT NOT NULL,
    PRIMARY KEY (code, version)
);

CREATE TABLE bundles (
    code TEXT NOT NULL,
    version TEXT NOT NULL REFERENCES catalogue_versions(version),
    name_zh TEXT NOT NULL,
    name_bo TEXT,
    body TEXT NOT NULL,
    PRIMARY KEY (code, version)
);

CREATE VIRTUAL TABLE catalogue_fts USING fts5(
    kind UNINDEXED, code UNINDEXED, version UNINDEXED, name, pinyin, num, rev,
    tokenize = "{FTS_TOKENIZER}", prefix = '1 2 3'
);

CREATE TABLE case_counters (day TEXT PRIMARY KEY, last_seq INTEGER NOT NULL, reserved INTEGER NOT NULL DEFAULT 0);

CREATE TABLE cases (
    id INTEGER PRIMARY KEY,
    case_no TEXT NOT NULL UNIQUE,
    station_code TEXT NOT NULL,
    status TEXT NOT NULL,
    decision TEXT NOT NULL,
    outcome TEXT,
    mode TEXT NOT NULL,
    bundle_code TEXT,
    applicant_kind TEXT NOT NULL,
    applicant_name TEXT NOT NULL,
    applicant_id_type TEXT NOT NULL,
    applicant_id_no TEXT NOT NULL,
    applicant_phone TEXT NOT NULL DEFAULT '',
    applicant TEXT NOT NULL,
    agent TEXT,
    delivery TEXT NOT NULL,
    refusal TEXT,
    cross_region TEXT,
    correction_due TEXT,
    created_at TEXT NOT NULL,
    created_day TEXT NOT NULL,
    accepted_at TEXT,
    clock_start TEXT,
    legal_due TEXT,
    promised_due TEXT,
    verification_code TEXT NOT NULL DEFAULT '',
    platform_no TEXT NOT NULL DEFAULT '',
    window TEXT NOT NULL DEFAULT '',
    operator TEXT NOT NULL,
    trips INTEGER NOT NULL DEFAULT 1,
    updated_at TEXT NOT NULL
);
CREATE INDEX cases_status ON cases(status, promised_due);
CREATE INDEX cases_day ON cases(created_day);
CREATE INDEX cases_id_no ON cases(applicant_id_no);

CREATE TABLE case_items (
    case_id INTEGER NOT NULL REFERENCES cases(id),
    item_code TEXT NOT NULL,
    item_version TEXT NOT NULL,
    name TEXT NOT NULL,
    legal_days INTEGER NOT NULL,
    promised_days INTEGER NOT NULL,
    instant INTEGER NOT NULL,
    PRIMARY KEY (case_id, item_code)
);
CREATE INDEX case_items_item ON case_items(item_code);

CREATE TABLE case_materials (
    case_id INTEGER NOT NULL REFERENCES cases(id),
    item_code TEXT NOT NULL,
    material_code TEXT NOT NULL,
    state TEXT NOT NULL,
    form TEXT,
    count INTEGER NOT NULL DEFAULT 0,
    licence_type TEXT,
    licence_grade TEXT,
    due_date TEXT,
    note TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (case_id, item_code, material_code)
);
CREATE INDEX case_materials_due ON case_materials(state, due_date);

CREATE TABLE trips (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES cases(id),
    at TEXT NOT NULL,
    purpose TEXT NOT NULL,
    operator TEXT NOT NULL
);
CREATE INDEX trips_case ON trips(case_id);

CREATE VIRTUAL TABLE case_fts USING fts5(
    name, pinyin, num, rev, content = '', contentless_delete = 1,
    tokenize = "{FTS_TOKENIZER}", prefix = '1 2 3'
);

CREATE TABLE events (
    seq INTEGER PRIMARY KEY,
    event_id TEXT NOT NULL UNIQUE,
    station TEXT NOT NULL,
    case_no TEXT,
    type TEXT NOT NULL,
    at TEXT NOT NULL,
    operator TEXT NOT NULL,
    device TEXT NOT NULL,
    payload TEXT NOT NULL,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL
);
CREATE INDEX events_case ON events(case_no);
CREATE TRIGGER events_no_update BEFORE UPDATE ON events
BEGIN SELECT RAISE(ABORT, 'journal events are immutable'); END;
CREATE TRIGGER events_no_delete BEFORE DELETE ON events
BEGIN SELECT RAISE(ABORT, 'journal events are immutable'); END;

CREATE TABLE access_log (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    operator TEXT NOT NULL,
    action TEXT NOT NULL,
    case_no TEXT,
    detail TEXT NOT NULL DEFAULT ''
);
"""


_V2 = """
CREATE TABLE sync_events (
    seq INTEGER PRIMARY KEY REFERENCES events(seq),
    state TEXT NOT NULL CHECK (state IN ('sent', 'quarantined')),
    reason TEXT,
    attempts INTEGER NOT NULL DEFAULT 1,
    updated_at TEXT NOT NULL
);
CREATE INDEX sync_events_state ON sync_events(state);

CREATE TABLE sync_pending_updates (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    case_no TEXT,
    body TEXT NOT NULL,
    received_at TEXT NOT NULL,
    reason TEXT NOT NULL
);

CREATE TABLE notices (
    id TEXT PRIMARY KEY,
    received_at TEXT NOT NULL,
    body TEXT NOT NULL,
    read_at TEXT
);
"""


_V3 = """
CREATE TABLE attachments (
    sha256 TEXT PRIMARY KEY,
    mime TEXT NOT NULL,
    size INTEGER NOT NULL,
    width INTEGER,
    height INTEGER,
    created_at TEXT NOT NULL,
    data BLOB NOT NULL
);

CREATE TABLE case_attachments (
    case_no TEXT NOT NULL REFERENCES cases(case_no),
    item_code TEXT NOT NULL,
    material_code TEXT NOT NULL,
    sha256 TEXT NOT NULL REFERENCES attachments(sha256),
    name TEXT NOT NULL,
    added_at TEXT NOT NULL,
    operator TEXT NOT NULL,
    PRIMARY KEY (case_no, sha256)
);
CREATE INDEX case_attachments_sha256 ON case_attachments(sha256);

CREATE TABLE attachment_uploads (
    sha256 TEXT PRIMARY KEY REFERENCES attachments(sha256),
    "offset" INTEGER NOT NULL DEFAULT 0,
    sent INTEGER NOT NULL DEFAULT 0,
    upload_url TEXT,
    state TEXT NOT NULL CHECK (state IN ('pending', 'done')),
    updated_at TEXT NOT NULL
);
CREATE INDEX attachment_uploads_state ON attachment_uploads(state);
"""


_V4 = """
CREATE TABLE peer_events (
    chain TEXT NOT NULL,
    seq INTEGER NOT NULL,
    event_id TEXT NOT NULL UNIQUE,
    station TEXT NOT NULL,
    case_no TEXT,
    type TEXT NOT NULL,
    at TEXT NOT NULL,
    operator TEXT NOT NULL,
    device TEXT NOT NULL,
    payload TEXT NOT NULL,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL UNIQUE,
    received_at TEXT NOT NULL,
    source TEXT NOT NULL,
    PRIMARY KEY (chain, seq)
);
CREATE INDEX peer_events_case ON peer_events(case_no);
CREATE TRIGGER peer_events_no_update BEFORE UPDATE ON peer_events
BEGIN SELECT RAISE(ABORT, 'journal events are immutable'); END;
CREATE TRIGGER peer_events_no_delete BEFORE DELETE ON peer_events
BEGIN SELECT RAISE(ABORT, 'journal events are immutable'); END;

ALTER TABLE cases ADD COLUMN origin TEXT NOT NULL DEFAULT '00';
ALTER TABLE cases ADD COLUMN conflict TEXT;
CREATE INDEX cases_conflict ON cases(conflict) WHERE conflict IS NOT NULL;

CREATE TABLE peer_cases_waiting (case_no TEXT PRIMARY KEY, since TEXT NOT NULL);

INSERT OR IGNORE INTO meta (key, value) VALUES ('device_no', '00');
"""


def _v1(db: Database) -> None:
    for statement in _split(_V1):
        db.execute(statement)


def _split(script: str) -> list[str]:
    """Split a script on ';' at line ends, keeping trigger bodies whole."""
    out: list[str] = []
    buf: list[str] = []
    depth = 0
    for line in script.splitlines():
        if not line.strip():
            continue
        buf.append(line)
        upper = line.strip().upper()
        if upper.startswith("BEGIN") or " BEGIN " in f" {upper} ":
            depth += 1
        if upper.startswith("END;") or upper.endswith(" END;"):
            depth -= 1
        if line.rstrip().endswith(";") and depth == 0:
            out.append("\n".join(buf))
            buf = []
    if buf:
        out.append("\n".join(buf))
    return out


def _v2(db: Database) -> None:
    """Sync: which journal events reached the hub, updates waiting for local work, notices."""
    for statement in _split(_V2):
        db.execute(statement)


def _v3(db: Database) -> None:
    """Attachments: scanned materials (content-addressed, inside the encrypted store) and their uploads."""
    for statement in _split(_V3):
        db.execute(statement)


def _v4(db: Database) -> None:
    """Devices: this store's journal (``events``) is its own device's chain, unchanged (a store made
    before devices existed becomes device "00", every hash as it was); the other devices' chains of
    the station, as far as they reached here, go to ``peer_events``; a case records the device that
    took it in (``origin``) and its open conflict (``conflict``, JSON, ``app.merge``)."""
    for statement in _split(_V4):
        db.execute(statement)


def _v5(db: Database) -> None:
    """特殊群体: the groups a case's applicant belongs to (comma-separated ``SpecialGroup`` codes, "" for
    none), chosen at intake and shown on the dashboard's queue; an index of the applicant's ID number,
    for the intake's warnings of a person's earlier cases; the consultations (咨询) recorded; where
    each catalogue version came from."""
    db.execute("ALTER TABLE cases ADD COLUMN special_groups TEXT NOT NULL DEFAULT ''")
    # The intake's warnings look a person up by ID number (an open case of the same item, another name).
    db.execute("CREATE INDEX cases_applicant_id ON cases(applicant_id_no)")
    # 咨询: questions answered at the window that did not become a case (app.services.consultations).
    db.execute("CREATE TABLE consultations (id INTEGER PRIMARY KEY, at TEXT NOT NULL, day TEXT NOT NULL, "
               "item_code TEXT NOT NULL, answer TEXT NOT NULL, operator TEXT NOT NULL, consent INTEGER NOT NULL, "
               "name TEXT NOT NULL DEFAULT '', phone TEXT NOT NULL DEFAULT '', note TEXT NOT NULL DEFAULT '')")
    db.execute("CREATE INDEX consultations_day ON consultations(day)")
    # Where a catalogue version came from: "platform" (published, through sync) or "local" (a file an
    # administrator imported); a local one never replaces the platform's without an explicit choice.
    db.execute("ALTER TABLE catalogue_versions ADD COLUMN source TEXT NOT NULL DEFAULT 'platform'")


_V6 = """
CREATE TABLE case_facts (
    case_no TEXT PRIMARY KEY,
    concluded_at TEXT, rating TEXT, rated_at TEXT, rating_key TEXT NOT NULL DEFAULT '',
    ratings INTEGER NOT NULL DEFAULT 0, bad TEXT, bad_at TEXT, bad_key TEXT NOT NULL DEFAULT '',
    rectify_due TEXT, rectified_at TEXT, rectified_key TEXT NOT NULL DEFAULT '', rectified_by TEXT NOT NULL DEFAULT '',
    rectify_note TEXT NOT NULL DEFAULT '', revisited_at TEXT, revisited_key TEXT NOT NULL DEFAULT '',
    revisited_by TEXT NOT NULL DEFAULT '',
    revisit_result TEXT NOT NULL DEFAULT '', revisit_method TEXT NOT NULL DEFAULT '',
    revisit_note TEXT NOT NULL DEFAULT ''
);
CREATE INDEX case_facts_concluded ON case_facts(concluded_at) WHERE concluded_at IS NOT NULL;
CREATE INDEX case_facts_rated ON case_facts(rated_at) WHERE rated_at IS NOT NULL;
CREATE INDEX case_facts_bad ON case_facts(bad_at) WHERE bad IS NOT NULL;
CREATE INDEX case_facts_bad_open ON case_facts(rectify_due) WHERE bad IS NOT NULL AND revisited_at IS NULL;
CREATE INDEX events_evaluated ON events(at) WHERE type = 'case.evaluated';
CREATE INDEX peer_events_evaluated ON peer_events(at) WHERE type = 'case.evaluated';
CREATE INDEX cases_no_due ON cases(case_no, status, promised_due)
"""


def _v6(db: Database) -> None:
    """Reports and the 好差评 loop: each case's report facts (``app.casefacts``: when it was concluded,
    its rating, its 差评 work item), folded from the events already held; from here on every stored
    event is folded as it comes (``app.store.facts.note``). Indexes for the ratings' export and the
    reports' on-time trend (case number, status and promised date, read without the case's row); the
    other windows' consultations, which are counted with this window's from here on."""
    for statement in _split(_V6):
        db.execute(statement)
    facts.rebuild(db)
    # the other windows' consultations held so far, counted with this one's from here on
    db.execute(
        "INSERT INTO consultations (at, day, item_code, answer, operator, consent, name, phone, note) "
        "SELECT at, substr(at, 1, 10), coalesce(json_extract(payload, '$.item'), ''), "
        "coalesce(json_extract(payload, '$.answer'), ''), operator, coalesce(json_extract(payload, '$.consent'), 0), "
        "coalesce(json_extract(payload, '$.name'), ''), coalesce(json_extract(payload, '$.phone'), ''), "
        "coalesce(json_extract(payload, '$.note'), '') FROM peer_events WHERE type = 'station.consultation'")


_V7 = """
DROP INDEX case_facts_concluded;
DROP INDEX case_facts_rated;
DROP INDEX case_facts_bad;
CREATE INDEX case_facts_concluded ON case_facts(concluded_at, case_no) WHERE concluded_at IS NOT NULL;
CREATE INDEX case_facts_rated ON case_facts(rated_at, case_no, rating) WHERE rated_at IS NOT NULL;
CREATE INDEX case_facts_bad ON case_facts(bad_at, case_no) WHERE bad IS NOT NULL
"""


def _v7(db: Database) -> None:
    """The facts' day indexes carry the case number (and the rating): a report's cases of a period, its
    twelve months' on-time trend and the dashboard's charts are read from the indexes alone, not from
    each fact's row (half the trend's time on a station of 200,000 cases, ``bench/reports.py``)."""
    for statement in _split(_V7):
        db.execute(statement)


MIGRATIONS: list[Callable[[Database], None]] = [_v1, _v2, _v3, _v4, _v5, _v6, _v7]
LATEST = len(MIGRATIONS)


def current_version(db: Database) -> int:
    return int(db.scalar("PRAGMA user_version", default=0))


def refuse_newer(db: Database) -> None:
    """A store from a newer program (a rollback to an older build) is refused, never opened."""
    found = current_version(db)
    if found > LATEST:
        raise SchemaTooNew(f"schema {found} is newer than {LATEST}", found=found, known=LATEST)


def pending(db: Database) -> list[int]:
    return list(range(current_version(db) + 1, LATEST + 1))


def migrate(db: Database) -> list[int]:
    """Apply every pending migration, each in its own transaction; returns their numbers."""
    done: list[int] = []
    for number in pending(db):
        log.info("applying schema migration %d", number)
        with db.transaction():
            MIGRATIONS[number - 1](db)
            db.execute(f"PRAGMA user_version = {number}")
        done.append(number)
    return done
