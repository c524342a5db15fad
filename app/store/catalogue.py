"""SQL of the catalogue: versions, items, bundles and their full-text index."""

from __future__ import annotations

import json
from typing import Any

from app.models import Bundle, CatalogueVersion, ServiceItem, Text
from app.store.db import Database
from app.textsearch import document


def version_exists(db: Database, version: str) -> bool:
    return db.one("SELECT 1 FROM catalogue_versions WHERE version = ?", (version,)) is not None


def insert_version(
    db: Database, *, version: str, region: str, title: str, published: str, imported_at: str, sha256: str,
    source: str = "platform", active: bool = True,
) -> None:
    """A new version; ``active``: it becomes the one in use (the index is emptied for its items)."""
    if active:
        db.execute("UPDATE catalogue_versions SET active = 0 WHERE active = 1")
        # The index covers the active version only.
        db.execute("DELETE FROM catalogue_fts")
    db.execute(
        "INSERT INTO catalogue_versions (version, region, title, published, imported_at, sha256, active, source) "
        "VALUES (?,?,?,?,?,?,?,?)",
        (version, region, title, published, imported_at, sha256, int(active), source),
    )


def activate(db: Database, version: str) -> None:
    """Make ``version`` the one in use, its items and bundles the search index."""
    db.execute("UPDATE catalogue_versions SET active = (version = ?)", (version,))
    db.execute("DELETE FROM catalogue_fts")
    for code, name_zh, name_bo in db.all("SELECT code, name_zh, name_bo FROM items WHERE version = ?", (version,)):
        _index(db, "item", code, version, {"zh": name_zh, "bo": name_bo or ""}, [])
    for code, name_zh, name_bo in db.all("SELECT code, name_zh, name_bo FROM bundles WHERE version = ?", (version,)):
        _index(db, "bundle", code, version, {"zh": name_zh, "bo": name_bo or ""}, [])


def source_of(db: Database, version: str) -> str | None:
    value = db.scalar("SELECT source FROM catalogue_versions WHERE version = ?", (version,))
    return None if value is None else str(value)


def _index(db: Database, kind: str, code: str, version: str, name: dict[str, str], extra: list[str]) -> None:
    doc = document([name.get("zh"), name.get("bo"), *extra], [code])
    db.execute(
        "INSERT INTO catalogue_fts (kind, code, version, name, pinyin, num, rev) VALUES (?,?,?,?,?,?,?)",
        (kind, code, version, doc.name, doc.pinyin, doc.num, doc.rev),
    )


def insert_item(db: Database, version: str, item: dict[str, Any], index: bool = True) -> None:
    db.execute(
        "INSERT INTO items (code, version, name_zh, name_bo, type, handling, legal_days, promised_days, body) "
        "VALUES (?,?,?,?,?,?,?,?,?)",
        (
            item["code"],
            version,
            item["name"]["zh"],
            item["name"].get("bo"),
            item["type"],
            item["handling"],
            item["legal_days"],
            item["promised_days"],
            json.dumps(item, ensure_ascii=False, sort_keys=True),
        ),
    )
    if index:
        _index(db, "item", item["code"], version, item["name"], [])


def insert_bundle(db: Database, version: str, bundle: dict[str, Any], index: bool = True) -> None:
    db.execute(
        "INSERT INTO bundles (code, version, name_zh, name_bo, body) VALUES (?,?,?,?,?)",
        (bundle["code"], version, bundle["name"]["zh"], bundle["name"].get("bo"),
         json.dumps(bundle, ensure_ascii=False, sort_keys=True)),
    )
    if index:
        _index(db, "bundle", bundle["code"], version, bundle["name"], [])


def active_version(db: Database) -> str | None:
    value = db.scalar("SELECT version FROM catalogue_versions WHERE active = 1")
    return None if value is None else str(value)


def versions(db: Database) -> list[CatalogueVersion]:
    rows = db.all(
        "SELECT v.version, v.region, v.title, v.published, v.imported_at, v.active, v.source, "
        "(SELECT count(*) FROM items i WHERE i.version = v.version), "
        "(SELECT count(*) FROM bundles b WHERE b.version = v.version) "
        "FROM catalogue_versions v ORDER BY v.imported_at"
    )
    return [
        CatalogueVersion(version=r[0], region=r[1], title=r[2], published=r[3], imported_at=r[4],
                         active=bool(r[5]), source=r[6], items=r[7], bundles=r[8])
        for r in rows
    ]


def get_item(db: Database, code: str, version: str | None = None) -> ServiceItem | None:
    if version is None:
        version = active_version(db)
    row = db.one("SELECT body, version FROM items WHERE code = ? AND version = ?", (code, version))
    if row is None:
        return None
    return ServiceItem.from_json(json.loads(row[0]), row[1])


def get_bundle(db: Database, code: str, version: str | None = None) -> Bundle | None:
    if version is None:
        version = active_version(db)
    row = db.one("SELECT body, version FROM bundles WHERE code = ? AND version = ?", (code, version))
    if row is None:
        return None
    body = json.loads(row[0])
    return Bundle(code=body["code"], version=row[1], name=Text.of(body["name"]),
                  item_codes=tuple(body["items"]), body=body)


def list_items(db: Database, version: str | None = None) -> list[ServiceItem]:
    if version is None:
        version = active_version(db)
    rows = db.all("SELECT body, version FROM items WHERE version = ? ORDER BY code", (version,))
    return [ServiceItem.from_json(json.loads(r[0]), r[1]) for r in rows]


def list_bundles(db: Database, version: str | None = None) -> list[Bundle]:
    if version is None:
        version = active_version(db)
    rows = db.all("SELECT code FROM bundles WHERE version = ? ORDER BY code", (version,))
    return [b for b in (get_bundle(db, r[0], version) for r in rows) if b is not None]


def search(db: Database, match: str, limit: int) -> list[tuple[str, str, str, float]]:
    """(kind, code, version, bm25 rank) of index rows matching an FTS5 expression."""
    rows = db.all(
        "SELECT kind, code, version, bm25(catalogue_fts, 10.0, 4.0, 8.0, 1.0) AS rank "
        "FROM catalogue_fts WHERE catalogue_fts MATCH ? ORDER BY rank LIMIT ?",
        (match, limit),
    )
    return [(r[0], r[1], r[2], float(r[3])) for r in rows]
