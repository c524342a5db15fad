"""同源发布 (issue 16, point 14): importing a catalogue file is for administrators; a version imported
here is marked as local and never replaces the version the platform published without an explicit
choice (journaled); the search follows the version in use."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from app.errors import PermissionDenied
from app.journal import StationEventType
from app.models import Role
from app.services import catalogue
from app.station import Station
from app.store import journal as journal_store
from tests.conftest import FAST_KDF


def _document(version: str, name: str) -> dict:
    doc = json.loads(catalogue.sample_catalogue_path().read_text("utf-8"))
    doc["version"] = version
    doc["items"][0]["name"]["zh"] = name
    return doc


def _file(tmp_path: Path, doc: dict) -> Path:
    path = tmp_path / f"{doc['version']}.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return path


def test_a_local_import_does_not_replace_the_platforms_version_without_a_choice(
        station: Station, tmp_path: Path) -> None:
    sample = next(v for v in catalogue.versions(station) if v.active)
    assert sample.source == "local"  # the sample a station starts with was imported here
    published = _document("2026.12-platform", "平台发布的事项名称")
    catalogue.import_document(station, published, hashlib.sha256(b"p").hexdigest())  # through sync
    in_use = next(v for v in catalogue.versions(station) if v.active)
    assert (in_use.version, in_use.source) == ("2026.12-platform", "platform")

    local = catalogue.import_file(station, _file(tmp_path, _document("2026.12-local", "本地改过的事项名称")))
    assert local.source == "local" and not local.active
    assert next(v for v in catalogue.versions(station) if v.active).version == "2026.12-platform"
    code = published["items"][0]["code"]
    assert catalogue.get_item(station, code).name.zh == "平台发布的事项名称"
    assert [h.code for h in catalogue.search(station, "平台发布的事项名称")] == [code]
    assert catalogue.search(station, "本地改过的事项名称") == []

    chosen = catalogue.activate_version(station, "2026.12-local")  # the explicit choice
    assert chosen.active and chosen.source == "local"
    assert catalogue.get_item(station, code).name.zh == "本地改过的事项名称"
    assert [h.code for h in catalogue.search(station, "本地改过的事项名称")] == [code]
    assert catalogue.search(station, "平台发布的事项名称") == []
    last = list(journal_store.iter_events(station.db))[-1]
    assert last.type == StationEventType.catalogue_activated
    assert last.payload == {"version": "2026.12-local", "source": "local"}

    # A second local import over a local version in use is put in use (nothing of the platform's is set aside);
    # a newer platform version is put in use when it arrives.
    newer = catalogue.import_file(station, _file(tmp_path, _document("2026.12-local2", "第二次本地导入")))
    assert newer.active
    catalogue.import_document(station, _document("2027.01-platform", "平台新版"), hashlib.sha256(b"q").hexdigest())
    assert next(v for v in catalogue.versions(station) if v.active).version == "2027.01-platform"
    forced = catalogue.import_file(station, _file(tmp_path, _document("2027.01-local", "强制使用")), activate=True)
    assert forced.active


def test_only_an_administrator_imports_or_chooses_a_catalogue(station: Station, tmp_path: Path) -> None:
    station.add_operator("zhuoma", "卓玛", Role.clerk, "clerk-pass-2026")
    clerk = Station.open(station.paths, "zhuoma", "clerk-pass-2026", kdf=FAST_KDF, clock=station.clock)
    try:
        with pytest.raises(PermissionDenied):
            catalogue.import_file(clerk, _file(tmp_path, _document("2026.12-clerk", "窗口人员导入")))
        with pytest.raises(PermissionDenied):
            catalogue.activate_version(clerk, next(v for v in catalogue.versions(clerk)).version)
        assert [v.version for v in catalogue.versions(clerk)] == [next(iter(catalogue.versions(clerk))).version]
    finally:
        clerk.close()
