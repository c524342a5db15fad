"""Catalogue import (all or nothing, every problem named) and ranked search."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.errors import CatalogueFileError, ValidationError
from app.services import catalogue
from app.station import Station


def _sample() -> dict[str, object]:
    return json.loads(catalogue.sample_catalogue_path().read_text("utf-8"))


def test_sample_catalogue_imports_with_items_and_bundles(station: Station) -> None:
    [version] = catalogue.versions(station)
    assert version.version == "2026.11" and version.active
    assert version.items >= 30 and version.bundles >= 3
    item = catalogue.get_item(station, "540000-XZGF-0003")
    assert item.name.bo and item.legal_days >= item.promised_days
    assert any(m.deferrable for m in item.materials)


def test_malformed_file_reports_every_problem_and_imports_nothing(station: Station, tmp_path: Path) -> None:
    doc = _sample()
    doc["version"] = "2027.02"
    items = doc["items"]
    assert isinstance(items, list)
    del items[0]["name"]
    items[1]["legal_days"] = "thirty"
    items[2]["type"] = "licence"
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), "utf-8")
    with pytest.raises(CatalogueFileError) as info:
        catalogue.import_file(station, path)
    where = {p["where"] for p in info.value.details["problems"]}
    assert {"$.items[0]", "$.items[1].legal_days", "$.items[2].type"} <= where
    assert [v.version for v in catalogue.versions(station)] == ["2026.11"]


def test_semantic_problems_are_found_too(station: Station, tmp_path: Path) -> None:
    doc = _sample()
    doc["version"] = "2027.03"
    items = doc["items"]
    bundles = doc["bundles"]
    assert isinstance(items, list) and isinstance(bundles, list)
    items[3]["promised_days"] = items[3]["legal_days"] + 1
    items[4]["code"] = items[5]["code"]
    bundles[0]["items"][0] = "NO-SUCH-ITEM"
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), "utf-8")
    with pytest.raises(CatalogueFileError) as info:
        catalogue.import_file(station, path)
    problems = {(p["where"], p["problem"]) for p in info.value.details["problems"]}
    assert ("$.items[3].promised_days", "exceeds_legal") in problems
    assert ("$.items[5].code", "duplicate") in problems
    assert ("$.bundles[0].items[0]", "unknown_item") in problems


@pytest.mark.parametrize("content, problem", [
    (b"{\"format\": ", "not_json"),
    (b"\xff\xfe\x00garbage", "not_utf8"),
])
def test_unreadable_files_are_named(station: Station, tmp_path: Path, content: bytes, problem: str) -> None:
    path = tmp_path / "x.json"
    path.write_bytes(content)
    with pytest.raises(CatalogueFileError) as info:
        catalogue.import_file(station, path)
    assert info.value.details["problems"][0]["problem"] == problem


def test_same_version_twice_is_refused(station: Station) -> None:
    with pytest.raises(ValidationError):
        catalogue.import_sample(station)


@pytest.mark.parametrize("query, expected", [
    ("低保", "540000-XZGF-0003"),
    ("最低生活", "540000-XZGF-0003"),
    ("dibao", "540000-XZGF-0003"),
    ("zdshbz", "540000-XZGF-0003"),
    ("540000-XZGF-0003", "540000-XZGF-0003"),
    ("xzgf-0003", "540000-XZGF-0003"),
    ("残疾人证", "540000-XQR-0002"),
    ("gljt", "540000-XZGF-0007"),
    ("高龄", "540000-XZGF-0007"),
    ("新生儿", "540000-YJS-0001"),
])
def test_search_finds_the_item_first(station: Station, query: str, expected: str) -> None:
    hits = catalogue.search(station, query)
    if expected == "540000-XQR-0002":  # either 残疾人证 item (new or renewal) is right first
        assert hits[0].code in ("540000-XZQR-0002", "540000-XZQR-0003")
    else:
        assert hits[0].code == expected, [h.code for h in hits]


def test_search_in_tibetan(station: Station) -> None:
    item = catalogue.get_item(station, "540000-XZGF-0003")
    assert item.name.bo
    syllables = item.name.bo.split("་")[:3]
    hits = catalogue.search(station, "་".join(syllables))
    assert "540000-XZGF-0003" in [h.code for h in hits[:5]]


def test_search_with_nothing_searchable(station: Station) -> None:
    assert catalogue.search(station, "   ") == []
    assert catalogue.search(station, "！？") == []
    assert catalogue.search(station, '"*()') == []


def test_bundle_materials_merge(station: Station) -> None:
    bundle = catalogue.get_bundle(station, "540000-YJS-0001")
    merged = catalogue.bundle_materials(station, bundle)
    id_card = [items for m, items in merged if m.code == "M-ID-CARD"]
    assert len(id_card) == 1 and len(id_card[0]) >= 2
