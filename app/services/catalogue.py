"""The catalogue (事项实施清单): import, versions, search and reading one item."""

from __future__ import annotations

import hashlib
import json
import logging
from functools import lru_cache
from pathlib import Path
from typing import Any

import jsonschema

from app.config import resources_dir
from app.errors import CatalogueFileError, ItemNotFound, ValidationError
from app.models import Bundle, CatalogueVersion, Material, SearchHit, ServiceItem, Text
from app.station import Station
from app.store import catalogue as store
from app.textsearch import classify, match_expression, normalize

log = logging.getLogger(__name__)

MAX_FILE_BYTES = 32 * 1024 * 1024


def schema_path() -> Path:
    return Path(__file__).resolve().parents[2] / "docs" / "catalogue.schema.json"


def sample_catalogue_path() -> Path:
    return resources_dir() / "catalogue" / "sample_catalogue.json"


@lru_cache(maxsize=1)
def _validator() -> jsonschema.Draft202012Validator:
    schema = json.loads(schema_path().read_text("utf-8"))
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())


def _location(path: Any) -> str:
    out = "$"
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else f".{part}"
    return out


def validate_document(doc: Any) -> list[dict[str, str]]:
    """Every problem in a catalogue document, each with its location; empty when it is good."""
    problems = [
        {"where": _location(e.absolute_path), "problem": e.validator, "detail": e.message[:300]}
        for e in sorted(_validator().iter_errors(doc), key=lambda e: list(map(str, e.absolute_path)))
    ]
    if problems or not isinstance(doc, dict):
        return problems
    return _semantic_problems(doc)


def _semantic_problems(doc: dict[str, Any]) -> list[dict[str, str]]:
    problems: list[dict[str, str]] = []

    def add(where: str, problem: str, detail: str) -> None:
        problems.append({"where": where, "problem": problem, "detail": detail})

    codes: dict[str, int] = {}
    material_names: dict[str, tuple[str, str]] = {}
    kinds: dict[str, set[str]] = {}
    for i, item in enumerate(doc["items"]):
        where = f"$.items[{i}]"
        if item["code"] in codes:
            add(f"{where}.code", "duplicate", f"item code {item['code']} already at items[{codes[item['code']]}]")
        codes[item["code"]] = i
        kinds[item["code"]] = set(item["applicants"]["kinds"])
        if item["promised_days"] > item["legal_days"]:
            add(f"{where}.promised_days", "exceeds_legal", "promised_days is greater than legal_days")
        if item["handling"] == "instant" and item["promised_days"] != 0:
            add(f"{where}.promised_days", "instant_with_days", "an instant item has promised_days 0")
        seen: set[str] = set()
        for j, m in enumerate(item["materials"]):
            mwhere = f"{where}.materials[{j}]"
            if m["code"] in seen:
                add(f"{mwhere}.code", "duplicate", f"material code {m['code']} twice in one item")
            seen.add(m["code"])
            if m["originals"] + m["copies"] == 0 and m["form"] == "paper":
                add(mwhere, "no_copies", "a paper material wants at least one original or copy")
            known = material_names.get(m["code"])
            if known is not None and known[0] != m["name"]["zh"]:
                add(f"{mwhere}.name.zh", "inconsistent_material",
                    f"material {m['code']} is named '{known[0]}' at {known[1]}")
            else:
                material_names.setdefault(m["code"], (m["name"]["zh"], mwhere))
    bundle_codes: set[str] = set()
    for i, b in enumerate(doc.get("bundles", [])):
        where = f"$.bundles[{i}]"
        if b["code"] in bundle_codes or b["code"] in codes:
            add(f"{where}.code", "duplicate", f"bundle code {b['code']} is already used")
        bundle_codes.add(b["code"])
        for j, code in enumerate(b["items"]):
            if code not in codes:
                add(f"{where}.items[{j}]", "unknown_item", f"no item with code {code}")
        common = set.intersection(*(kinds.get(c, set()) for c in b["items"])) if b["items"] else set()
        if not common:
            add(f"{where}.items", "no_common_applicant", "the items have no applicant kind in common")
    return problems


def load_file(path: Path) -> tuple[dict[str, Any], bytes]:
    """Read and check a catalogue file; raises CatalogueFileError listing every problem."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise CatalogueFileError("file too large", path=str(path),
                                     problems=[{"where": "$", "problem": "too_large", "detail": str(size)}])
        raw = path.read_bytes()
    except FileNotFoundError:
        raise CatalogueFileError("no such file", path=str(path),
                                 problems=[{"where": "$", "problem": "not_found", "detail": str(path)}]) from None
    except OSError as exc:
        raise CatalogueFileError("unreadable", path=str(path),
                                 problems=[{"where": "$", "problem": "unreadable", "detail": str(exc)}]) from exc
    try:
        doc = json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        raise CatalogueFileError("not UTF-8", path=str(path), problems=[
            {"where": f"byte {exc.start}", "problem": "not_utf8", "detail": exc.reason}]) from exc
    except json.JSONDecodeError as exc:
        raise CatalogueFileError("not JSON", path=str(path), problems=[
            {"where": f"line {exc.lineno} column {exc.colno}", "problem": "not_json", "detail": exc.msg}]) from exc
    problems = validate_document(doc)
    if problems:
        raise CatalogueFileError("catalogue has problems", path=str(path), problems=problems)
    return doc, raw


def import_file(station: Station, path: Path) -> CatalogueVersion:
    """Import a catalogue version; all of it or (on any problem) nothing."""
    doc, raw = load_file(path)
    return import_document(station, doc, hashlib.sha256(raw).hexdigest())


def import_document(station: Station, doc: dict[str, Any], sha256: str) -> CatalogueVersion:
    problems = validate_document(doc)
    if problems:
        raise CatalogueFileError("catalogue has problems", problems=problems)
    version = doc["version"]
    db = station.db
    if store.version_exists(db, version):
        raise ValidationError("catalogue version exists", field="version", problem="exists", version=version)
    with db.transaction():
        store.insert_version(db, version=version, region=doc["region"], title=doc["title"],
                             published=doc["published"], imported_at=station.clock.stamp(), sha256=sha256)
        for item in doc["items"]:
            store.insert_item(db, version, item)
        for bundle in doc.get("bundles", []):
            store.insert_bundle(db, version, bundle)
        station.journal("catalogue.imported", None, {"version": version, "sha256": sha256,
                                                      "items": len(doc["items"]),
                                                      "bundles": len(doc.get("bundles", []))})
    log.info("catalogue version %s imported", version)
    return next(v for v in store.versions(db) if v.version == version)


def versions(station: Station) -> list[CatalogueVersion]:
    return store.versions(station.db)


def get_item(station: Station, code: str, version: str | None = None) -> ServiceItem:
    item = store.get_item(station.db, code, version)
    if item is None:
        raise ItemNotFound(code=code, version=version)
    return item


def get_bundle(station: Station, code: str, version: str | None = None) -> Bundle:
    bundle = store.get_bundle(station.db, code, version)
    if bundle is None:
        raise ItemNotFound(code=code, version=version)
    return bundle


def list_items(station: Station) -> list[ServiceItem]:
    return store.list_items(station.db)


def delivery_offered(items: list[ServiceItem]) -> list[str]:
    """The delivery methods every item offers, in the catalogue's order (at the counter when an
    item names none)."""
    offered: list[str] | None = None
    for item in items:
        methods = [str(m) for m in item.body.get("delivery", ["counter"])]
        offered = methods if offered is None else [m for m in offered if m in methods]
    return offered or ["counter"]


def list_bundles(station: Station) -> list[Bundle]:
    return store.list_bundles(station.db)


def bundle_materials(station: Station, bundle: Bundle) -> list[tuple[Material, list[str]]]:
    """One set of materials for a bundle: each material once, with the items that want it."""
    merged: dict[str, tuple[Material, list[str]]] = {}
    for code in bundle.item_codes:
        item = get_item(station, code, bundle.version)
        for m in item.materials:
            if m.code in merged:
                known, items = merged[m.code]
                # The strictest wish wins: required if any item requires it, the most originals.
                merged[m.code] = (Material(
                    code=m.code, name=known.name, form=known.form,
                    originals=max(known.originals, m.originals), copies=max(known.copies, m.copies),
                    required=known.required or m.required, deferrable=known.deferrable and m.deferrable,
                    e_licence_type=known.e_licence_type or m.e_licence_type, notes=known.notes,
                ), [*items, code])
            else:
                merged[m.code] = (m, [code])
    return list(merged.values())


def search(station: Station, query: str, limit: int = 20) -> list[SearchHit]:
    """Items and bundles of the active version, best first.

    Ranking: exact code, then names that start with the query, then the FTS5 bm25 rank.
    """
    q = normalize(query)
    match = match_expression(query)
    if match is None:
        return []
    rows = store.search(station.db, match, limit * 3)
    hits: list[SearchHit] = []
    kind_of_query = classify(query)
    for kind, code, version, rank in rows:
        if kind == "item":
            item = store.get_item(station.db, code, version)
            name = item.name if item else Text(code)
        else:
            bundle = store.get_bundle(station.db, code, version)
            name = bundle.name if bundle else Text(code)
        score = -rank
        if code.lower() == q:
            score += 1000
        elif code.lower().startswith(q):
            score += 500
        if name.zh.startswith(query.strip()) or (name.bo and name.bo.startswith(query.strip())):
            score += 200
        if kind_of_query.value == "latin" and kind == "bundle":
            score += 0.5
        hits.append(SearchHit(kind=kind, code=code, version=version, name=name, score=score))
    hits.sort(key=lambda h: (-h.score, h.code))
    return hits[:limit]


def import_sample(station: Station) -> CatalogueVersion:
    return import_file(station, sample_catalogue_path())
