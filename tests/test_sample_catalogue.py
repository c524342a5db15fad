"""Checks for the sample catalogue: JSON Schema plus the importer's consistency rules."""

import json
import re
from collections import defaultdict
from pathlib import Path

import jsonschema
import pytest

ROOT = Path(__file__).resolve().parent.parent
CATALOGUE_PATH = ROOT / "resources" / "catalogue" / "sample_catalogue.json"
SCHEMA_PATH = ROOT / "docs" / "catalogue.schema.json"

TIBETAN = re.compile(r"[\u0F00-\u0FFF]")
HAN = re.compile(r"[\u3400-\u9FFF]")
ITEM_CODE = re.compile(r"^540000-(XZXK|XZQR|XZGF|XZJL|XZCJ|QTXZ|GGFW)-[0-9]{4}$")
TYPE_CODES = {
    "licensing": "XZXK", "confirmation": "XZQR", "payment": "XZGF", "reward": "XZJL",
    "ruling": "XZCJ", "other_power": "QTXZ", "public_service": "GGFW",
}
E_LICENCES = {
    "M-ID-CARD": "居民身份证电子证照",
    "M-HOUSEHOLD-REG": "居民户口簿电子证照",
    "M-MARRIAGE-CERT": "结婚证电子证照",
    "M-DISABILITY-CERT": "残疾人证电子证照",
    "M-SSC": "社会保障卡电子证照",
}


@pytest.fixture(scope="module")
def catalogue():
    with CATALOGUE_PATH.open(encoding="utf-8") as f:
        return json.load(f)


@pytest.fixture(scope="module")
def items(catalogue):
    return catalogue["items"]


@pytest.fixture(scope="module")
def items_by_code(items):
    return {item["code"]: item for item in items}


def iter_texts(node, path="$"):
    """Yield (path, text) for every {"zh": ..., "bo": ...} object in the document."""
    if isinstance(node, dict):
        if "zh" in node:
            yield path, node
        for key, value in node.items():
            yield from iter_texts(value, f"{path}.{key}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from iter_texts(value, f"{path}[{i}]")


def test_file_is_utf8_json_with_readable_chinese():
    raw = CATALOGUE_PATH.read_bytes().decode("utf-8")
    assert "\\u" not in raw, "written with ensure_ascii=False"
    assert raw.startswith('{\n  "format"'), "indent 2"


def test_validates_against_schema(catalogue):
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(
        schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)
    errors = sorted(validator.iter_errors(catalogue), key=lambda e: list(e.absolute_path))
    assert not errors, "\n".join(f"{list(e.absolute_path)}: {e.message}" for e in errors)


def test_header(catalogue):
    assert catalogue["format"] == "bianmin-catalogue/1"
    assert catalogue["version"] == "2026.11"
    assert catalogue["region"] == "540000"
    assert catalogue["published"] == "2026-11-01"
    assert "西藏自治区" in catalogue["title"]


def test_counts(catalogue):
    assert len(catalogue["items"]) >= 30
    assert len(catalogue.get("bundles", [])) >= 3


def test_item_codes_unique_and_follow_scheme(items):
    codes = [item["code"] for item in items]
    assert len(codes) == len(set(codes))
    for item in items:
        match = ITEM_CODE.match(item["code"])
        assert match, item["code"]
        assert match.group(1) == TYPE_CODES[item["type"]], item["code"]


def test_time_limits(items):
    for item in items:
        assert item["promised_days"] <= item["legal_days"], item["code"]
        if item["handling"] == "instant":
            assert item["promised_days"] == 0, item["code"]
        else:
            assert item["promised_days"] > 0, item["code"]


def test_every_text_has_tibetan(catalogue):
    texts = list(iter_texts(catalogue))
    assert texts
    for path, text in texts:
        bo = text.get("bo")
        assert bo, f"{path} has no bo text"
        assert TIBETAN.search(bo), f"{path}: bo has no Tibetan script: {bo!r}"
        assert not HAN.search(bo), f"{path}: bo contains Chinese characters: {bo!r}"
        assert "་" in bo, f"{path}: bo has no tsheg: {bo!r}"


def test_required_texts_are_bilingual(items):
    for item in items:
        texts = [item["name"], item["department"], item["conditions"],
                 item["applicants"]["description"], item["result"]["name"]]
        texts += [material["name"] for material in item["materials"]]
        for text in texts:
            assert text["zh"] and TIBETAN.search(text.get("bo", "")), (item["code"], text)


def test_materials_present(items):
    for item in items:
        materials = item["materials"]
        assert materials, f"{item['code']} has no materials"
        if len(materials) == 1:
            assert materials[0]["code"] == "M-ID-CARD", item["code"]
            assert item["handling"] == "instant", item["code"]
            assert item["result"]["type"] == "certificate", item["code"]


def test_material_codes_unique_within_item(items):
    for item in items:
        codes = [material["code"] for material in item["materials"]]
        assert len(codes) == len(set(codes)), item["code"]


def test_same_material_code_same_name(items):
    names = defaultdict(set)
    licences = defaultdict(set)
    for item in items:
        for material in item["materials"]:
            names[material["code"]].add((material["name"]["zh"], material["name"].get("bo")))
            licences[material["code"]].add(material.get("e_licence_type"))
    for code, seen in names.items():
        assert len({zh for zh, _ in seen}) == 1, f"{code}: {seen}"
        assert len(seen) == 1, f"{code}: Tibetan name differs: {seen}"
    for code, seen in licences.items():
        assert len(seen) == 1, f"{code}: e_licence_type differs: {seen}"


def test_key_materials(items):
    for item in items:
        for material in item["materials"]:
            if material["code"] in E_LICENCES:
                assert material["e_licence_type"] == E_LICENCES[material["code"]], item["code"]
            if material["code"] == "M-ID-CARD":
                assert not material["deferrable"], item["code"]
            assert material["originals"] + material["copies"] > 0 or not material["required"], (
                item["code"], material["code"])


def test_fees(items):
    charged = [item for item in items if item["fee"]["charged"]]
    assert len(charged) <= 2
    for item in charged:
        assert item["fee"].get("standard") and item["fee"].get("basis"), item["code"]


def test_commitment_items_exist(items):
    assert sum(item["commitment_allowed"] for item in items) >= 2


def test_bundles(catalogue, items_by_code):
    bundles = catalogue["bundles"]
    codes = [bundle["code"] for bundle in bundles]
    assert len(codes) == len(set(codes))
    assert not set(codes) & set(items_by_code)
    for bundle in bundles:
        assert len(bundle["items"]) >= 2, bundle["code"]
        assert len(bundle["items"]) == len(set(bundle["items"])), bundle["code"]
        for code in bundle["items"]:
            assert code in items_by_code, f"{bundle['code']}: unknown item {code}"


def test_bundles_do_not_mix_organisation_only_with_person_only(catalogue, items_by_code):
    for bundle in catalogue["bundles"]:
        kinds = [set(items_by_code[code]["applicants"]["kinds"]) for code in bundle["items"]]
        if {"organisation"} in kinds:
            assert {"person"} not in kinds, bundle["code"]


def test_bundle_items_share_materials(catalogue, items_by_code):
    for bundle in catalogue["bundles"]:
        material_sets = [{m["code"] for m in items_by_code[code]["materials"]} for code in bundle["items"]]
        shared = set.intersection(*material_sets)
        assert shared, f"{bundle['code']}: items share no material code"
