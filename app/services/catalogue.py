"""The catalogue (事项实施清单): import, versions, search and reading one item."""

from __future__ import annotations

import hashlib
import itertools
import json
import logging
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any

import jsonschema

from app import textcheck
from app.config import resources_dir
from app.errors import CatalogueFileError, ItemNotFound, ValidationError
from app.events import CatalogueActivated, CatalogueImported
from app.journal import StationEventType
from app.models import Bundle, CatalogueVersion, Material, SearchHit, ServiceItem, Text
from app.station import Station
from app.store import catalogue as store
from app.textsearch import classify, match_expression, normalize

log = logging.getLogger(__name__)

MAX_FILE_BYTES = 32 * 1024 * 1024  # refused before it is read
PLATFORM = "platform"  # a version the platform published (through sync)
LOCAL = "local"  # a version an administrator imported from a file
# Bounds on the shape, checked before the schema (whose checks cost more on a huge or deep document).
# Every text's and list's own bound is in docs/catalogue.schema.json (maxLength, maxItems).
MAX_DEPTH = 16  # a catalogue nests 6 deep ($.items[0].materials[0].name.zh)
MAX_LIST = 10_000  # any list; the schema's own bounds are lower
MAX_VALUES = 2_000_000  # values in one document: a large region's catalogue has a few hundred thousand
MAX_PROBLEMS = 100  # listed at most; a file with more has them listed after the first are fixed
# The fields whose texts may hold line breaks (long texts); every other text is one line.
MULTILINE = frozenset({"conditions", "description", "notes", "legal_basis", "fee", "commitment"})

# Problem codes of this module beyond the schema's validators (sentences: app.messages.PROBLEMS).
TOO_LONG = "too_long"
TOO_MANY = "too_many"
TOO_DEEP = "too_deep"
CONTROL_CHARACTER = "control_character"
BIDI_CONTROL = "bidi_control"
LONE_SURROGATE = "lone_surrogate"


def schema_path() -> Path:
    return Path(__file__).resolve().parents[2] / "docs" / "catalogue.schema.json"


def sample_catalogue_path() -> Path:
    return resources_dir() / "catalogue" / "sample_catalogue.json"


@lru_cache(maxsize=1)
def _validator() -> jsonschema.Draft202012Validator:
    schema = json.loads(schema_path().read_text("utf-8"))
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())


@lru_cache(maxsize=1)
def _longest_text() -> int:
    """The schema's largest ``maxLength``: a longer text is refused by its length, unread."""
    longest, stack = 0, [json.loads(schema_path().read_text("utf-8"))]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            longest = max(longest, int(node.get("maxLength", 0)))
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)
    return longest


def _location(path: Any) -> str:
    out = "$"
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        elif textcheck.is_clean(str(part)) and len(str(part)) <= 64:
            out += f".{part}"
        else:  # a key that is no text of ours: written escaped and cut, never as it came
            out += f"[{json.dumps(str(part)[:64])}]"
    return out


def text_problem(text: str, *, multiline: bool = False) -> tuple[str, str] | None:
    """(problem code, ``U+XXXX``) of the first character a catalogue text may not hold; None when
    it is clean. Which characters are refused is :mod:`app.textcheck`'s rule, the same as for
    what people type (C0/C1 controls, a line break only where ``multiline``, bidi embeddings,
    overrides and isolates, lone surrogates, noncharacters); the code says which kind, for a
    message that tells the file's author what to fix."""
    bad = textcheck.find_bad(text, multiline=multiline)
    if bad is None:
        return None
    cp = ord(text[bad.index])
    if 0xD800 <= cp <= 0xDFFF:
        return LONE_SURROGATE, bad.code_point  # the file was written by a broken encoder
    if 0x202A <= cp <= 0x202E or 0x2066 <= cp <= 0x2069:
        return BIDI_CONTROL, bad.code_point
    return CONTROL_CHARACTER, bad.code_point


def _shape_problems(doc: Any) -> tuple[list[dict[str, Any]], bool]:
    """Depth, size and characters of every text and key, walked without recursion; a document
    too deep or too big is refused at the first sign (True: look no further), before anything
    costlier looks at it."""
    problems: list[dict[str, Any]] = []
    stack: list[tuple[Any, tuple[str | int, ...], bool]] = [(doc, (), False)]
    for seen in itertools.count(1):
        if not stack or len(problems) >= MAX_PROBLEMS:
            break
        if seen > MAX_VALUES:
            return [{"where": "$", "problem": TOO_MANY, "length": seen, "limit": MAX_VALUES}], True
        value, path, multiline = stack.pop()
        if len(path) > MAX_DEPTH:
            return [{"where": _location(path[:MAX_DEPTH]), "problem": TOO_DEEP, "limit": MAX_DEPTH}], True
        if isinstance(value, str):
            # A text longer than any bound is refused by the schema for its length, without reading it.
            found = text_problem(value, multiline=multiline) if len(value) <= _longest_text() else None
            if found:
                problems.append({"where": _location(path), "problem": found[0], "detail": found[1]})
        elif isinstance(value, dict):
            for key, child in reversed(list(value.items())):
                found = text_problem(key) if len(key) <= _longest_text() else None
                if found:
                    problems.append({"where": _location((*path, key)), "problem": found[0], "detail": found[1]})
                stack.append((child, (*path, key), multiline or key in MULTILINE))
        elif isinstance(value, list):
            if len(value) > MAX_LIST:
                return [{"where": _location(path), "problem": TOO_MANY, "length": len(value), "limit": MAX_LIST}], True
            stack.extend((child, (*path, n), multiline) for n, child in reversed(list(enumerate(value))))
    return problems, False


def _schema_problem(e: jsonschema.ValidationError) -> dict[str, Any]:
    where = _location(e.absolute_path)
    if e.validator == "maxLength" and isinstance(e.instance, str):
        return {"where": where, "problem": TOO_LONG, "length": len(e.instance), "limit": e.validator_value}
    if e.validator == "maxItems" and isinstance(e.instance, list):
        return {"where": where, "problem": TOO_MANY, "length": len(e.instance), "limit": e.validator_value}
    return {"where": where, "problem": str(e.validator), "detail": e.message[:300]}


def _entry_code(doc: Any, where: str) -> str | None:
    """The code of the item or bundle a problem lies in (``$.items[3]…``), to name it; None when
    the problem lies elsewhere or the entry has no usable code."""
    for key in ("items", "bundles"):
        prefix = f"$.{key}["
        if not where.startswith(prefix) or not isinstance(doc, dict) or not isinstance(doc.get(key), list):
            continue
        index = where[len(prefix):].split("]", 1)[0]
        entries = doc[key]
        if not index.isdigit() or int(index) >= len(entries) or not isinstance(entries[int(index)], dict):
            return None
        code = entries[int(index)].get("code")
        if isinstance(code, str) and len(code) <= 64 and textcheck.is_clean(code):
            return code
    return None


def validate_document(doc: Any) -> list[dict[str, Any]]:
    """Every problem in a catalogue document, each with its location and the code of the item or
    bundle it lies in (``entry``); empty when it is good. The station's import and sync and the
    hub's publish call this one function: one set of bounds.

    Cheap checks first: the shape (depth, sizes) and every text's characters, walked once; then
    the schema with its bounds on every text and list (``maxLength``, ``maxItems``: a length is
    known without reading the text); only a document that passes both gets the further rules.
    """
    problems, hopeless = _shape_problems(doc)
    if hopeless:
        return problems
    if len(problems) < MAX_PROBLEMS:
        errors = itertools.islice(_validator().iter_errors(doc), MAX_PROBLEMS - len(problems))
        problems += [_schema_problem(e) for e in sorted(errors, key=lambda e: list(map(str, e.absolute_path)))]
    if not problems and isinstance(doc, dict):
        problems = _semantic_problems(doc)
    for p in problems:
        code = _entry_code(doc, str(p["where"]))
        if code:
            p["entry"] = code
    return problems


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
        if "commitment" in item and not item["commitment_allowed"]:
            # The letter prints an item's commitment only when the counter may accept on one: terms
            # on an item that does not allow 告知承诺 are a mistake of the file, not a note.
            add(f"{where}.commitment", "commitment_not_allowed",
                "commitment terms on an item whose commitment_allowed is false")
        stations: set[str] = set()
        for j, s in enumerate(item.get("entrusted", [])):
            if s["code"] in stations:
                add(f"{where}.entrusted[{j}].code", "duplicate", f"station {s['code']} is entrusted twice")
            stations.add(s["code"])
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
    return parse_document(raw, str(path)), raw


def parse_document(raw: bytes, path: str = "") -> dict[str, Any]:
    """A catalogue document from the bytes of a file, checked; raises CatalogueFileError listing
    every problem. Hostile bytes (nesting deeper than a parser goes, a number of a million digits)
    are refused like any other fault."""
    if len(raw) > MAX_FILE_BYTES:
        raise CatalogueFileError("file too large", path=path,
                                 problems=[{"where": "$", "problem": "too_large", "detail": str(len(raw))}])
    try:
        doc = json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        raise CatalogueFileError("not UTF-8", path=path, problems=[
            {"where": f"byte {exc.start}", "problem": "not_utf8", "detail": exc.reason}]) from exc
    except json.JSONDecodeError as exc:
        raise CatalogueFileError("not JSON", path=path, problems=[
            {"where": f"line {exc.lineno} column {exc.colno}", "problem": "not_json", "detail": exc.msg}]) from exc
    except RecursionError as exc:
        raise CatalogueFileError("nested too deep", path=path, problems=[
            {"where": "$", "problem": TOO_DEEP, "limit": MAX_DEPTH}]) from exc
    except ValueError as exc:  # e.g. an integer longer than Python converts
        raise CatalogueFileError("not JSON", path=path, problems=[
            {"where": "$", "problem": "not_json", "detail": str(exc)[:120]}]) from exc
    problems = validate_document(doc)
    if problems:
        raise CatalogueFileError("catalogue has problems", path=path, problems=problems)
    return doc


def import_file(station: Station, path: Path, *, activate: bool | None = None) -> CatalogueVersion:
    """An administrator imports a catalogue version from a file; all of it or (on any problem)
    nothing. It is marked as local (``source``); it is put in use when the version in use is local
    too (or there is none), and over a version the platform published only when ``activate`` says so
    (同源发布: the station does not diverge from the platform silently)."""
    station.require_admin()
    doc, raw = load_file(path)
    return import_document(station, doc, hashlib.sha256(raw).hexdigest(), checked=True, source=LOCAL,
                           activate=activate)


def check_document(doc: Any) -> str:
    """The SHA-256 of a good catalogue document (of its canonical JSON); raises CatalogueFileError
    listing every problem. No store is touched: call it before taking the write lock."""
    problems = validate_document(doc)
    if problems:
        raise CatalogueFileError("catalogue has problems", problems=problems)
    return hashlib.sha256(json.dumps(doc, ensure_ascii=False, sort_keys=True).encode()).hexdigest()


def import_document(station: Station, doc: dict[str, Any], sha256: str, *, checked: bool = False,
                    source: str = PLATFORM, activate: bool | None = None) -> CatalogueVersion:
    """Import a catalogue version in one transaction. ``checked``: the document passed
    :func:`validate_document` (or :func:`check_document`) already, outside the transaction.
    ``source``: PLATFORM (through sync: always put in use) or LOCAL (see :func:`import_file`)."""
    if not checked:
        problems = validate_document(doc)
        if problems:
            raise CatalogueFileError("catalogue has problems", problems=problems)
    version = doc["version"]
    db = station.db
    if store.version_exists(db, version):
        raise ValidationError("catalogue version exists", field="version", problem="exists", version=version,
                              detail=version)
    current = store.active_version(db)
    in_use = current is None or source == PLATFORM or store.source_of(db, current) == LOCAL
    if activate is not None and source == LOCAL:
        in_use = activate
    with db.transaction():
        store.insert_version(db, version=version, region=doc["region"], title=doc["title"],
                             published=doc["published"], imported_at=station.clock.stamp(), sha256=sha256,
                             source=source, active=in_use)
        for item in doc["items"]:
            store.insert_item(db, version, item, index=in_use)
        for bundle in doc.get("bundles", []):
            store.insert_bundle(db, version, bundle, index=in_use)
        station.journal(StationEventType.catalogue_imported, None, CatalogueImported(
            version=version, sha256=sha256, items=len(doc["items"]), bundles=len(doc.get("bundles", []))).encode())
    log.info("catalogue version %s imported", version)
    return next(v for v in store.versions(db) if v.version == version)


def versions(station: Station) -> list[CatalogueVersion]:
    return store.versions(station.db)


def activate_version(station: Station, version: str) -> CatalogueVersion:
    """An administrator's explicit choice of the version in use (journaled)."""
    station.require_admin()
    db = station.db
    source = store.source_of(db, version)
    if source is None:
        raise ValidationError("no such catalogue version", field="version", problem="unknown", version=version)
    with db.transaction():
        store.activate(db, version)
        station.journal(StationEventType.catalogue_activated, None,
                        CatalogueActivated(version=version, source=source).encode())
    log.info("catalogue version %s put in use", version)
    return next(v for v in store.versions(db) if v.version == version)


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


def delivery_offered(items: Iterable[ServiceItem]) -> list[str]:
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
