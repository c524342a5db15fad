"""Tests of app.identity (document number validation and masking)."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from stdnum.cn import ric, uscc

from app.identity import (
    IdCheck,
    IdProblem,
    IdType,
    check_id,
    check_phone,
    is_cn_passport,
    make_resident_id,
    mask_id,
    mask_phone,
    normalize_number,
    upgrade_15_to_18,
)

TODAY = date(2024, 6, 1)

# Real Tibet county-level codes: Lhasa Chengguan, Doilungdêqên, Lhünzhub, Samzhubzê, Karuo, Bayi,
# Nêdong, Seni, Burang, and the pre-2014 Shigatse city code.
TIBET_REGIONS = ["540102", "540103", "540121", "540202", "540302", "540402", "540502", "540602",
                 "542521", "542301"]

regions = st.sampled_from(TIBET_REGIONS)
births = st.dates(min_value=date(1900, 1, 1), max_value=TODAY)
seqs = st.integers(min_value=0, max_value=999)


def fix_check(body17: str) -> str:
    return body17 + ric.calc_check_digit(body17 + "0")


def gb11643_check_digit(body17: str) -> str:
    """Independent textbook implementation of the GB 11643 (ISO 7064 MOD 11-2) check digit."""
    weights = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
    return "10X98765432"[sum(int(c) * w for c, w in zip(body17, weights, strict=True)) % 11]


# --------------------------------------------------------------------------- resident ids


def test_make_resident_id_example() -> None:
    number = make_resident_id("540102", date(1990, 1, 1), 123)
    assert number == "540102199001011233"
    assert ric.is_valid(number)
    result = check_id(IdType.resident_id, number, today=TODAY)
    assert result == IdCheck(
        ok=True,
        id_type=IdType.resident_id,
        normalized=number,
        problem=None,
        birth_date=date(1990, 1, 1),
        sex="M",
        region_code="540102",
    )


@settings(max_examples=200, deadline=None)
@given(regions, births, seqs)
def test_generated_tibet_numbers_validate(region: str, birth: date, seq: int) -> None:
    number = make_resident_id(region, birth, seq)
    assert len(number) == 18
    assert number[-1] == gb11643_check_digit(number[:17])
    result = check_id(IdType.resident_id, number, today=TODAY)
    assert result.ok, result
    assert result.problem is None
    assert result.birth_date == birth
    assert result.region_code == region
    assert result.sex == ("M" if seq % 2 else "F")
    # Accepted whatever the string form of the type.
    assert check_id("resident_id", number, today=TODAY).ok


@settings(max_examples=200, deadline=None)
@given(regions, births, seqs, st.data())
def test_every_single_character_change_fails(region: str, birth: date, seq: int, data: st.DataObject) -> None:
    number = make_resident_id(region, birth, seq)
    pos = data.draw(st.integers(min_value=0, max_value=17), label="pos")
    new = data.draw(st.sampled_from("0123456789X").filter(lambda c: c != number[pos]), label="char")
    changed = number[:pos] + new + number[pos + 1:]
    result = check_id(IdType.resident_id, changed, today=TODAY)
    assert not result.ok
    assert result.problem is not None


@settings(max_examples=100, deadline=None)
@given(regions, births, seqs, st.data())
def test_deleting_or_inserting_a_character_fails(
    region: str, birth: date, seq: int, data: st.DataObject
) -> None:
    number = make_resident_id(region, birth, seq)
    pos = data.draw(st.integers(min_value=0, max_value=17))
    deleted = number[:pos] + number[pos + 1:]
    inserted = number[:pos] + data.draw(st.sampled_from("0123456789")) + number[pos:]
    assert check_id(IdType.resident_id, deleted, today=TODAY).problem is IdProblem.bad_length
    assert check_id(IdType.resident_id, inserted, today=TODAY).problem is IdProblem.bad_length


@pytest.mark.parametrize(
    "number",
    ["540102199001011234", "540102199001011230", "110105194912310021", "360426199101010070"],
)
def test_known_bad_checksums(number: str) -> None:
    result = check_id(IdType.resident_id, number, today=TODAY)
    assert not result.ok
    assert result.problem is IdProblem.bad_checksum
    assert result.birth_date is None


def test_known_good_numbers() -> None:
    # Sample from the stdnum documentation and GB 11643 textbook example.
    assert check_id(IdType.resident_id, "360426199101010071", today=TODAY).ok
    result = check_id(IdType.resident_id, "11010519491231002X", today=TODAY)
    assert result.ok
    assert result.sex == "F"
    assert result.birth_date == date(1949, 12, 31)


def test_lowercase_x_check_digit_accepted() -> None:
    result = check_id(IdType.resident_id, "11010519491231002x", today=TODAY)
    assert result.ok
    assert result.normalized == "11010519491231002X"


def test_x_check_digit_generated() -> None:
    # Find an order code whose check digit is X and make sure it round-trips in lower case.
    candidates = (make_resident_id("540102", date(1985, 5, 5), seq) for seq in range(1000))
    number = next(n for n in candidates if n.endswith("X"))
    assert check_id(IdType.resident_id, number.lower(), today=TODAY).ok


def test_full_width_input_normalised() -> None:
    number = make_resident_id("540102", date(1990, 1, 1), 123)
    full_width = "".join(chr(ord(c) + 0xFEE0) for c in number)
    assert full_width.startswith("５４０１")
    result = check_id(IdType.resident_id, full_width, today=TODAY)
    assert result.ok
    assert result.normalized == number
    assert normalize_number("５４０１ ０２－１９９０\u3000ｘ") == "5401021990X"


def test_spaces_and_hyphens_stripped() -> None:
    number = make_resident_id("540102", date(1990, 1, 1), 123)
    spaced = f" {number[:6]} {number[6:14]}-{number[14:]} "
    result = check_id(IdType.resident_id, spaced, today=TODAY)
    assert result.ok
    assert result.normalized == number


def test_future_birth_date() -> None:
    number = make_resident_id("540102", date(2024, 6, 2), 1)
    assert check_id(IdType.resident_id, number, today=TODAY).problem is IdProblem.future_birth_date
    # Born today is fine.
    assert check_id(IdType.resident_id, make_resident_id("540102", TODAY, 1), today=TODAY).ok
    # Without `today`, the system date is used.
    assert check_id(IdType.resident_id, make_resident_id("540102", date(9000, 1, 1), 1)).problem is (
        IdProblem.future_birth_date
    )


@pytest.mark.parametrize("birth8", ["19900230", "19901301", "19900001", "19900100", "18991231"])
def test_bad_birth_date(birth8: str) -> None:
    number = fix_check("540102" + birth8 + "123")
    result = check_id(IdType.resident_id, number, today=TODAY)
    assert result.problem is IdProblem.bad_birth_date


@pytest.mark.parametrize("region", ["000000", "990101", "810000", "830000", "701234"])
def test_bad_region(region: str) -> None:
    number = make_resident_id(region, date(1990, 1, 1), 123)
    assert check_id(IdType.resident_id, number, today=TODAY).problem is IdProblem.bad_region


def test_county_code_newer_than_birth_date_accepted() -> None:
    # stdnum 2.x only accepts 540202 (Samzhubzê, created 2014) for people born from 2014 on, but
    # people born earlier who got their number there carry it.
    number = make_resident_id("540202", date(1985, 3, 3), 42)
    result = check_id(IdType.resident_id, number, today=TODAY)
    assert result.ok
    assert result.region_code == "540202"


@pytest.mark.parametrize(
    ("number", "problem"),
    [
        ("", IdProblem.empty),
        ("   ", IdProblem.empty),
        (" - ", IdProblem.empty),
        ("5401021990", IdProblem.bad_length),
        ("5401021990010112345", IdProblem.bad_length),
        ("54010219900101123A", IdProblem.bad_characters),
        ("5401021990O1011233", IdProblem.bad_characters),
        ("540102199X01011233", IdProblem.bad_format),
        ("54010290010X123", IdProblem.bad_format),
        ("٥٤٠١٠٢١٩٩٠٠١٠١١٢٣٣", IdProblem.bad_characters),  # Arabic-Indic digits are not accepted
    ],
)
def test_resident_problems(number: str, problem: IdProblem) -> None:
    result = check_id(IdType.resident_id, number, today=TODAY)
    assert not result.ok
    assert result.problem is problem
    assert result.birth_date is None and result.sex is None and result.region_code is None


def test_none_and_non_str_do_not_raise() -> None:
    assert check_id(IdType.resident_id, None).problem is IdProblem.empty  # type: ignore[arg-type]
    assert check_id(IdType.resident_id, 5401).problem is IdProblem.bad_characters  # type: ignore[arg-type]


def test_unknown_id_type_raises() -> None:
    with pytest.raises(ValueError):
        check_id("drivers_licence", "123456")
    with pytest.raises(ValueError):
        mask_id("123456", "drivers_licence")
    assert check_id(" Passport ", "E12345678").ok


# --------------------------------------------------------------------------- legacy 15 digits


def test_legacy_15_digit_number() -> None:
    legacy = "540102800101123"
    result = check_id(IdType.resident_id, legacy, today=TODAY)
    assert result.ok
    assert result.normalized == legacy
    assert result.birth_date == date(1980, 1, 1)
    assert result.sex == "M"
    assert result.region_code == "540102"
    upgraded = upgrade_15_to_18(legacy)
    assert upgraded == "540102198001011239"
    assert upgraded[-1] == gb11643_check_digit(upgraded[:17])
    # (stdnum 2.x itself rejects this number: its table has 540102 only from 1983 on.)
    assert check_id(IdType.resident_id, upgraded, today=TODAY).ok
    assert check_id(IdType.resident_id, upgraded, today=TODAY).birth_date == date(1980, 1, 1)


@settings(max_examples=200, deadline=None)
@given(regions, st.dates(min_value=date(1900, 1, 1), max_value=date(1999, 12, 31)), seqs)
def test_legacy_upgrade_property(region: str, birth: date, seq: int) -> None:
    legacy = f"{region}{birth:%y%m%d}{seq:03d}"
    result = check_id(IdType.resident_id, legacy, today=TODAY)
    assert result.ok, result
    assert result.birth_date == birth
    upgraded = upgrade_15_to_18(legacy)
    assert upgraded == make_resident_id(region, birth, seq)
    check18 = check_id(IdType.resident_id, upgraded, today=TODAY)
    assert check18.ok
    assert check18.birth_date == result.birth_date
    assert check18.sex == result.sex


def test_legacy_bad_date_and_bad_input() -> None:
    assert check_id(IdType.resident_id, "540102800230123", today=TODAY).problem is IdProblem.bad_birth_date
    assert check_id(IdType.resident_id, "990102800101123", today=TODAY).problem is IdProblem.bad_region
    with pytest.raises(ValueError):
        upgrade_15_to_18("54010280010112")
    with pytest.raises(ValueError):
        upgrade_15_to_18("54010280010112X")
    assert upgrade_15_to_18("５４０１０２ ８００１０１ １２３") == "540102198001011239"


def test_make_resident_id_rejects_bad_arguments() -> None:
    with pytest.raises(ValueError):
        make_resident_id("5401", date(1990, 1, 1), 1)
    with pytest.raises(ValueError):
        make_resident_id("54010A", date(1990, 1, 1), 1)
    with pytest.raises(ValueError):
        make_resident_id("540102", date(1990, 1, 1), 1000)
    with pytest.raises(ValueError):
        make_resident_id("540102", date(1990, 1, 1), -1)


# --------------------------------------------------------------------------- other documents


def test_hmt_residence_permit() -> None:
    for prefix in ("810000", "820000", "830000"):
        number = make_resident_id(prefix, date(1995, 7, 1), 24)
        result = check_id(IdType.residence_permit_hmt, number, today=TODAY)
        assert result.ok, result
        assert result.birth_date == date(1995, 7, 1)
        assert result.sex == "F"
        assert result.region_code == prefix
    good = make_resident_id("830000", date(1995, 7, 1), 24)
    bad_check = good[:-1] + ("0" if good[-1] != "0" else "1")
    assert check_id(IdType.residence_permit_hmt, bad_check, today=TODAY).problem is IdProblem.bad_checksum
    mainland = make_resident_id("540102", date(1995, 7, 1), 24)
    assert check_id(IdType.residence_permit_hmt, mainland, today=TODAY).problem is IdProblem.bad_region
    future = make_resident_id("810000", date(2030, 1, 1), 1)
    assert check_id(IdType.residence_permit_hmt, future, today=TODAY).problem is IdProblem.future_birth_date
    assert check_id(IdType.residence_permit_hmt, "8100001995", today=TODAY).problem is IdProblem.bad_length


def test_uscc() -> None:
    assert uscc.is_valid("91110000600037341L")
    result = check_id(IdType.uscc, "91110000600037341l")
    assert result.ok
    assert result.normalized == "91110000600037341L"
    assert result.region_code == "110000"
    assert result.birth_date is None and result.sex is None
    assert check_id("uscc", "9111 0000 6000 3734 1L").ok
    assert check_id(IdType.uscc, "91110000600037341M").problem is IdProblem.bad_checksum
    assert check_id(IdType.uscc, "91110000600037342L").problem is IdProblem.bad_checksum
    assert check_id(IdType.uscc, "A1110000600037341L").problem is IdProblem.bad_format
    assert check_id(IdType.uscc, "9111000060003734IL").problem is IdProblem.bad_format  # I not allowed
    assert check_id(IdType.uscc, "9111000060003734").problem is IdProblem.bad_length
    assert check_id(IdType.uscc, "91110000600037341*").problem is IdProblem.bad_characters


@pytest.mark.parametrize(
    ("id_type", "number", "problem"),
    [
        (IdType.passport, "E12345678", None),
        (IdType.passport, "G12345678", None),
        (IdType.passport, "EA1234567", None),
        (IdType.passport, "ej1234567", None),
        (IdType.passport, "123456789", None),  # foreign passport
        (IdType.passport, "X1234", None),
        (IdType.passport, "AB12345678901234C", None),
        (IdType.passport, "X123", IdProblem.bad_length),
        (IdType.passport, "AB12345678901234CD", IdProblem.bad_length),
        (IdType.passport, "E1234/5678", IdProblem.bad_characters),
        (IdType.hk_macau_permit, "H12345678", None),
        (IdType.hk_macau_permit, "M1234567890", None),
        (IdType.hk_macau_permit, "h 1234 5678", None),
        (IdType.hk_macau_permit, "H1234567", IdProblem.bad_length),
        (IdType.hk_macau_permit, "H123456789", IdProblem.bad_length),
        (IdType.hk_macau_permit, "X12345678", IdProblem.bad_format),
        (IdType.hk_macau_permit, "H1234567A", IdProblem.bad_format),
        (IdType.taiwan_permit, "12345678", None),
        (IdType.taiwan_permit, "1234567890", None),
        (IdType.taiwan_permit, "12345678B0", None),
        (IdType.taiwan_permit, "1234567", IdProblem.bad_length),
        (IdType.taiwan_permit, "123456789", IdProblem.bad_length),
        (IdType.taiwan_permit, "1234567A", IdProblem.bad_format),
        (IdType.foreign_permanent, "US1234567890123", IdProblem.bad_format),
        (IdType.foreign_permanent, "854840196001011234", IdProblem.bad_format),
        (IdType.foreign_permanent, "USA12345678901", IdProblem.bad_length),
        (IdType.military, "南字第123456号", None),
        (IdType.military, "ZZ2020(01)", None),
        (IdType.military, "12345", IdProblem.bad_length),
        (IdType.military, "1" * 21, IdProblem.bad_length),
        (IdType.military, "南字第12#456号", IdProblem.bad_characters),
        (IdType.other, "任意证件 No.5", None),
        (IdType.other, "x" * 65, IdProblem.bad_length),
        (IdType.other, "abc\x00def", IdProblem.bad_characters),
    ],
)
def test_document_formats(id_type: IdType, number: str, problem: IdProblem | None) -> None:
    result = check_id(id_type, number)
    assert result.id_type is id_type
    assert result.problem is problem
    assert result.ok is (problem is None)
    assert result.birth_date is None and result.sex is None


@pytest.mark.parametrize("id_type", list(IdType))
def test_empty_for_every_type(id_type: IdType) -> None:
    result = check_id(id_type, " \u3000")
    assert result == IdCheck(ok=False, id_type=id_type, normalized="", problem=IdProblem.empty)


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(list(IdType)), st.text(max_size=30))
def test_check_id_never_raises(id_type: IdType, text: str) -> None:
    result = check_id(id_type, text, today=TODAY)
    assert isinstance(result, IdCheck)
    assert result.ok is (result.problem is None)


def test_is_cn_passport() -> None:
    assert is_cn_passport("E12345678")
    assert is_cn_passport("ea1234567")
    assert is_cn_passport("G 1234 5678")
    assert not is_cn_passport("123456789")
    assert not is_cn_passport("E1234567")


# --------------------------------------------------------------------------- masks


def test_mask_id() -> None:
    assert mask_id("540102199001011234") == "5401**********1234"
    assert mask_id("5401 0219 9001 0112 34") == "5401**********1234"
    assert mask_id("540102800101123") == "5401********123"
    assert mask_id("11010519491231002x") == "1101**********002X"
    assert mask_id("E12345678", IdType.passport) == "E1*****78"
    assert mask_id("H12345678", "hk_macau_permit") == "H1*****78"
    assert mask_id("810000199507010241", IdType.residence_permit_hmt) == "8100**********0241"
    assert mask_id("ABCDE", IdType.passport) == "AB*DE"
    assert mask_id("ABCD", IdType.other) == "***D"
    assert mask_id("AB", IdType.other) == "*B"
    assert mask_id("A", IdType.other) == "*"
    assert mask_id("", IdType.other) == ""
    # A malformed resident id still gets masked with the generic rule.
    assert mask_id("5401021990") == "54******90"
    # USCC is not personal data.
    assert mask_id("91110000600037341L", IdType.uscc) == "91110000600037341L"
    assert mask_id("91110000600037341L", "uscc") == "91110000600037341L"
    assert mask_id("91110000600037341L") == "9111**********341L"


@given(st.text(max_size=40), st.sampled_from([t for t in IdType if t is not IdType.uscc]))
def test_mask_keeps_length_and_hides_most(text: str, id_type: IdType) -> None:
    masked = mask_id(text, id_type)
    normalized = normalize_number(text)
    assert len(masked) == len(normalized)
    if normalized:
        assert masked.count("*") >= max(1, len(normalized) - 8)


def test_mask_phone() -> None:
    assert mask_phone("13812345678") == "138****5678"
    assert mask_phone("138 1234 5678") == "138****5678"
    assert mask_phone("0891-6321234") == "089****1234"
    assert mask_phone("6321234") == "632**34"
    assert mask_phone("089163212345") == "089*******45"
    assert mask_phone("12345") == "****5"
    assert mask_phone("") == ""


# --------------------------------------------------------------------------- phones


@pytest.mark.parametrize(
    "phone",
    [
        "13812345678",
        "19912345678",
        "138 1234 5678",
        "138-1234-5678",
        "+86 138 1234 5678",
        "１３８１２３４５６７８",
        "0891-6321234",
        "08916321234",
        "0891 6321234",
        "(0891)6321234",
        "010-12345678",
        "01012345678",
        "0891-63212345",
    ],
)
def test_valid_phones(phone: str) -> None:
    assert check_phone(phone)


@pytest.mark.parametrize(
    "phone",
    [
        "",
        "12812345678",  # 12x is not a mobile prefix
        "1381234567",
        "138123456789",
        "6321234",  # no area code
        "891-6321234",  # area code must start with 0
        "0891-632123",
        "08-6321234",
        "08912-6321234",
        "0891-632123456",
        "1381234567a",
        "+86 0891 6321234",
    ],
)
def test_invalid_phones(phone: str) -> None:
    assert not check_phone(phone)
