"""Identity document numbers: normalisation, validation and masking.

Everything here is pure and offline.  Results are codes (:class:`IdType`, :class:`IdProblem`) that the
window turns into sentences for people; nothing in this module builds a sentence, and log records
never contain a full document number (only masked ones).

Resident identity card numbers (GB 11643) and unified social credit codes (GB 32100) are checked with
``python-stdnum`` (``stdnum.cn.ric`` and ``stdnum.cn.uscc``).  Two things about ``stdnum.cn.ric`` matter:

* it only accepts 18-digit numbers; legacy 15-digit numbers are rejected with ``InvalidLength``, so
  they are upgraded here (:func:`upgrade_15_to_18`) and the upgraded number is validated;
* it raises ``InvalidComponent`` both for an impossible birth date and for a region code that its
  bundled table does not know *in the birth year* (python-stdnum 2.x checks the years a county code
  was in use, e.g. 540102 Chengguan District only from 1983, 540202 Samzhubze only from 2014).  Real
  cards carry the code of the place where the number was issued, which is often newer than the birth
  date, and the table lags behind new codes, so an unknown county is accepted here as long as the
  province prefix is valid; only an unknown province prefix is :attr:`IdProblem.bad_region`.

Foreign permanent residence ID cards (外国人永久居留身份证) come in two forms, both checked here:

* since December 2023, 18 digits like a resident id (National Immigration Administration, "新版外国人
  永久居留身份证机读信息规则"): ``9``, the province of issue (2 digits), the nationality (3 digits),
  the birth date ``YYYYMMDD``, an order number (3 digits, odd for men) and the GB 11643 check digit;
* the 2004/2017 cards, 15 characters: the nationality (3 letters, ISO 3166-1 alpha-3), the place of
  issue (4 digits, starting with a province code), the birth date ``YYMMDD``, an order digit and a
  check digit computed as in machine-readable travel documents (ICAO 9303: weights 7, 3, 1, letters
  A=10 … Z=35, modulo 10) over the first 14 characters.

Phone numbers (:func:`phone_problem`): mainland mobiles and fixed lines by the national numbering
plan, written by hand (it changes rarely and must not refuse a real number after years offline);
numbers abroad in international form (``+`` or ``00`` and the country code) with ``phonenumbers``.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from stdnum.cn import ric, uscc
from stdnum.exceptions import (
    InvalidChecksum,
    InvalidComponent,
    InvalidFormat,
    InvalidLength,
    ValidationError,
)

log = logging.getLogger(__name__)

__all__ = [
    "IdCheck",
    "IdProblem",
    "IdType",
    "check_id",
    "check_phone",
    "is_cn_passport",
    "make_resident_id",
    "mask_id",
    "mask_phone",
    "normalize_number",
    "phone_problem",
    "upgrade_15_to_18",
]


class IdType(StrEnum):
    """Kinds of identity documents accepted at the counter."""

    resident_id = "resident_id"  # 居民身份证 (GB 11643), 18 digits or legacy 15 digits
    passport = "passport"  # 中国护照 or foreign passport
    hk_macau_permit = "hk_macau_permit"  # 港澳居民来往内地通行证
    taiwan_permit = "taiwan_permit"  # 台湾居民来往大陆通行证
    residence_permit_hmt = "residence_permit_hmt"  # 港澳台居民居住证
    foreign_permanent = "foreign_permanent"  # 外国人永久居留身份证
    military = "military"  # 军官证 (format check only)
    other = "other"
    uscc = "uscc"  # 统一社会信用代码 (GB 32100), organisations


class IdProblem(StrEnum):
    """Why a number was rejected."""

    empty = "empty"
    bad_length = "bad_length"
    bad_characters = "bad_characters"
    bad_checksum = "bad_checksum"
    bad_birth_date = "bad_birth_date"
    bad_region = "bad_region"
    bad_format = "bad_format"
    future_birth_date = "future_birth_date"


@dataclass(frozen=True)
class IdCheck:
    """Result of :func:`check_id`.

    ``normalized`` is the cleaned number (no spaces/hyphens, upper case, ASCII).  ``birth_date``,
    ``sex`` (``"M"``/``"F"``) and ``region_code`` (first 6 digits) are filled for resident ids and
    HK/Macau/Taiwan residence permits when the number is valid; ``region_code`` of a USCC is the
    registration region (characters 3-8).
    """

    ok: bool
    id_type: IdType
    normalized: str
    problem: IdProblem | None
    birth_date: date | None = None
    sex: str | None = None
    region_code: str | None = None


# --------------------------------------------------------------------------- normalisation

# Full-width ASCII variants (U+FF01..U+FF5E) -> ASCII, ideographic space -> space.
_FULLWIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}
_FULLWIDTH[0x3000] = 0x20
# Separators removed from numbers: white space and the usual hyphen/dash look-alikes.
_SEPARATORS = re.compile(r"[\s\-\u00ad\u2010-\u2015\u2212\u30fc\ufe63]+")

# Province-level codes (GB/T 2260) that appear on mainland resident identity cards.
_MAINLAND_PROVINCES = frozenset(
    {
        "11", "12", "13", "14", "15",
        "21", "22", "23",
        "31", "32", "33", "34", "35", "36", "37",
        "41", "42", "43", "44", "45", "46",
        "50", "51", "52", "53", "54",
        "61", "62", "63", "64", "65",
    }
)  # fmt: skip
_HMT_PERMIT_PREFIXES = ("810000", "820000", "830000")
_EARLIEST_BIRTH_YEAR = 1900

_RE_RESIDENT_CHARS = re.compile(r"[0-9X]+", re.ASCII)
_RE_ALNUM = re.compile(r"[0-9A-Z]+", re.ASCII)
_RE_DIGITS = re.compile(r"[0-9]+", re.ASCII)
_RE_CN_PASSPORT = re.compile(r"[EG][0-9]{8}|E[A-Z][0-9]{7}", re.ASCII)
_RE_HK_MACAU = re.compile(r"[HM][0-9]{8}(?:[0-9]{2})?", re.ASCII)
_RE_TAIWAN = re.compile(r"[0-9]{8}|[0-9A-Z]{10}", re.ASCII)
_RE_FOREIGN_OLD = re.compile(r"[A-Z]{3}[0-9]{12}", re.ASCII)
_RE_FOREIGN_NEW = re.compile(r"9[0-9]{16}[0-9X]", re.ASCII)
_MILITARY_EXTRA_CHARS = frozenset("()/.·")
_OTHER_MAX_LENGTH = 64


def normalize_number(number: str) -> str:
    """Clean a document number as typed or scanned.

    Full-width digits and letters become ASCII, spaces and hyphens are removed, letters are upper
    cased.  Nothing is validated.
    """
    return _SEPARATORS.sub("", number.translate(_FULLWIDTH)).upper()


def _coerce_type(id_type: IdType | str) -> IdType:
    if isinstance(id_type, IdType):
        return id_type
    try:
        return IdType(str(id_type).strip().lower())
    except ValueError:
        raise ValueError(f"unknown id_type: {id_type!r}") from None


def _fail(id_type: IdType, normalized: str, problem: IdProblem) -> IdCheck:
    log.debug("id check failed: type=%s problem=%s number=%s", id_type, problem,
              _mask_generic(normalized))
    return IdCheck(ok=False, id_type=id_type, normalized=normalized, problem=problem)


# --------------------------------------------------------------------------- public API


def check_id(id_type: IdType | str, number: str, today: date | None = None) -> IdCheck:
    """Normalise and validate ``number`` as a document of kind ``id_type``.

    Never raises for bad input: the result has ``ok=False`` and a :class:`IdProblem`.  Raises
    :class:`ValueError` only for an unknown ``id_type`` string.  ``today`` (default: the system date)
    is used to reject birth dates in the future.
    """
    kind = _coerce_type(id_type)
    if number is None:
        return _fail(kind, "", IdProblem.empty)
    if not isinstance(number, str):
        return _fail(kind, "", IdProblem.bad_characters)
    normalized = normalize_number(number)
    if not normalized:
        return _fail(kind, "", IdProblem.empty)
    if today is None:
        today = date.today()

    if kind is IdType.resident_id:
        return _check_resident(normalized, today)
    if kind is IdType.residence_permit_hmt:
        return _check_hmt_residence_permit(normalized, today)
    if kind is IdType.uscc:
        return _check_uscc(normalized)
    if kind is IdType.passport:
        return _check_simple(kind, normalized, _RE_ALNUM, 5, 17, None)
    if kind is IdType.hk_macau_permit:
        return _check_simple(kind, normalized, _RE_ALNUM, 9, 11, _RE_HK_MACAU, lengths={9, 11})
    if kind is IdType.taiwan_permit:
        return _check_simple(kind, normalized, _RE_ALNUM, 8, 10, _RE_TAIWAN, lengths={8, 10})
    if kind is IdType.foreign_permanent:
        return _check_foreign_permanent(normalized, today)
    if kind is IdType.military:
        return _check_military(normalized)
    return _check_other(normalized)


def is_cn_passport(number: str) -> bool:
    """True when ``number`` has the format of a PRC passport (E/G + 8 digits or E + letter + 7 digits)."""
    return bool(_RE_CN_PASSPORT.fullmatch(normalize_number(number)))


def upgrade_15_to_18(number: str) -> str:
    """Convert a legacy 15-digit resident id to the 18-digit form.

    The century "19" is inserted before the two-digit birth year and the GB 11643 check digit is
    appended.  Raises :class:`ValueError` when ``number`` is not 15 digits (after normalisation); the
    birth date is not checked here (use :func:`check_id`).
    """
    normalized = normalize_number(number)
    if len(normalized) != 15 or not _RE_DIGITS.fullmatch(normalized):
        raise ValueError("a legacy resident id has 15 digits")
    body = normalized[:6] + "19" + normalized[6:]
    # stdnum's calc_check_digit expects the number *with* a check digit position and ignores it.
    return body + ric.calc_check_digit(body + "0")


def make_resident_id(region6: str, birth: date, seq3: int) -> str:
    """Build a valid 18-digit resident id (demo data and tests).

    ``seq3`` is the 3-digit order code (0-999); odd means male, even female.
    """
    if len(region6) != 6 or not _RE_DIGITS.fullmatch(region6):
        raise ValueError("region6 must be 6 digits")
    if not 0 <= seq3 <= 999:
        raise ValueError("seq3 must be between 0 and 999")
    if not 1000 <= birth.year <= 9999:
        raise ValueError("birth year must have 4 digits")
    body = f"{region6}{birth:%Y%m%d}{seq3:03d}"
    return body + ric.calc_check_digit(body + "0")


def mask_id(number: str, id_type: IdType | str = IdType.resident_id) -> str:
    """Mask a document number for lists and receipts.

    Resident ids: 18 digits keep the first 4 and last 4, 15 digits the first 4 and last 3 (the same
    rule applies to 18-digit HK/Macau/Taiwan residence permits).  Other documents keep the first 2 and
    last 2; numbers of 4 characters or fewer keep only the last one.  A USCC identifies an
    organisation, not a person, and is returned unchanged.
    """
    kind = _coerce_type(id_type)
    if kind is IdType.uscc:
        return number
    normalized = normalize_number(number)
    n = len(normalized)
    if kind in (IdType.resident_id, IdType.residence_permit_hmt):
        if n == 18:
            return normalized[:4] + "*" * 10 + normalized[-4:]
        if n == 15 and kind is IdType.resident_id:
            return normalized[:4] + "*" * 8 + normalized[-3:]
    return _mask_generic(normalized)


def mask_phone(phone: str) -> str:
    """Mask a phone number: 11 digits keep the first 3 and last 4, other lengths the first 3 and last 2.

    Numbers of 5 characters or fewer keep only the last one.
    """
    normalized = _normalize_phone(phone)
    n = len(normalized)
    if n == 11:
        return normalized[:3] + "****" + normalized[-4:]
    if n <= 5:
        return _mask_keep_last(normalized)
    return normalized[:3] + "*" * (n - 5) + normalized[-2:]


_RE_MOBILE = re.compile(r"1[3-9][0-9]{9}", re.ASCII)
# Area codes of the national numbering plan: 010 (Beijing), 020-029, and 0 + three digits from 3xx
# to 9xx (0891 Lhasa). Local numbers have 7 or 8 digits and never start with 0.
_RE_AREA = re.compile(r"0(?:10|2[0-9]|[3-9][0-9]{2})", re.ASCII)
_RE_LOCAL = re.compile(r"[1-9][0-9]{6,7}", re.ASCII)
_RE_PHONE_SPLIT = re.compile(r"[\s\-\u2010-\u2015\u2212().]+")
BAD_PHONE = "bad_phone"


def _mainland_phone_ok(parts: list[str]) -> bool:
    """A mainland mobile or fixed line, written as digits (``parts``: the groups as typed)."""
    digits = "".join(parts)
    if not _RE_DIGITS.fullmatch(digits):
        return False
    if _RE_MOBILE.fullmatch(digits):
        return digits[3:] != "0" * 8  # 138 0000 0000 and the like are placeholders, not numbers
    if len(parts) >= 2 and parts[0].startswith("0"):
        # Area code written apart from the local number: check both parts as written.
        return bool(_RE_AREA.fullmatch(parts[0]) and _RE_LOCAL.fullmatch("".join(parts[1:])))
    area = _RE_AREA.match(digits)  # the plan's area codes are prefix-free: 0891 is never 089 + 1…
    return area is not None and _RE_LOCAL.fullmatch(digits[area.end():]) is not None


def _international_ok(digits: str) -> bool:
    """``+`` and a number abroad, checked against the numbering plans ``phonenumbers`` knows."""
    import phonenumbers  # only here: the window's start does not need it

    try:
        number = phonenumbers.parse("+" + digits, None)
    except phonenumbers.NumberParseException:
        return False
    return phonenumbers.is_valid_number(number)


def phone_problem(phone: str) -> str | None:
    """None for a number people can be called on, else :data:`BAD_PHONE`.

    * mainland mobiles: 1[3-9] and 9 more digits, the last 8 not all zeros;
    * fixed lines with their area code (``0891-6321234``, ``(0891)6321234``, ``010 12345678``): an
      area code of the numbering plan and a local number of 7-8 digits not starting with 0;
    * either of these after ``+86`` or ``0086`` (without the area code's 0);
    * numbers abroad in international form, ``+`` or ``00`` and the country code
      (``+977 984 1234567``), valid by ``phonenumbers``' data.

    Spaces, hyphens, dots and parentheses are tolerated; full-width digits are accepted.
    """
    if not isinstance(phone, str):
        return BAD_PHONE
    text = phone.translate(_FULLWIDTH).strip()
    international = text.startswith("+")
    parts = [p for p in _RE_PHONE_SPLIT.split(text[1:] if international else text) if p]
    digits = "".join(parts)
    if not digits or not _RE_DIGITS.fullmatch(digits):
        return BAD_PHONE
    if not international and digits.startswith("00"):
        international, digits = True, digits[2:]
        parts = [digits]
    if not international:
        return None if _mainland_phone_ok(parts) else BAD_PHONE
    if digits.startswith("86"):
        national = digits[2:]
        if national.startswith("0"):
            return BAD_PHONE  # +86 0891 …: the area code's 0 is not dialled from abroad
        candidate = national if _RE_MOBILE.fullmatch(national) else "0" + national
        return None if _mainland_phone_ok([candidate]) else BAD_PHONE
    return None if _international_ok(digits) else BAD_PHONE


def check_phone(phone: str) -> bool:
    """True when :func:`phone_problem` finds nothing wrong with ``phone``."""
    return phone_problem(phone) is None


# --------------------------------------------------------------------------- helpers


def _normalize_phone(phone: str) -> str:
    text = phone.translate(_FULLWIDTH)
    return "".join(p for p in _RE_PHONE_SPLIT.split(text) if p)


def _mask_keep_last(text: str) -> str:
    if len(text) <= 1:
        return "*" * len(text)
    return "*" * (len(text) - 1) + text[-1]


def _mask_generic(text: str) -> str:
    n = len(text)
    if n <= 4:
        return _mask_keep_last(text)
    return text[:2] + "*" * (n - 4) + text[-2:]


def _sex(order_digit: str) -> str:
    return "M" if int(order_digit) % 2 == 1 else "F"


def _check_birth(id_type: IdType, normalized: str, number18: str, today: date) -> IdCheck | date:
    """Birth date of an 18-digit number or the failed check."""
    try:
        born = ric.get_birth_date(number18)
    except (InvalidComponent, ValueError):
        return _fail(id_type, normalized, IdProblem.bad_birth_date)
    if born.year < _EARLIEST_BIRTH_YEAR:
        return _fail(id_type, normalized, IdProblem.bad_birth_date)
    if born > today:
        return _fail(id_type, normalized, IdProblem.future_birth_date)
    return born


def _check_resident(normalized: str, today: date) -> IdCheck:
    kind = IdType.resident_id
    if not _RE_RESIDENT_CHARS.fullmatch(normalized):
        return _fail(kind, normalized, IdProblem.bad_characters)
    if len(normalized) == 15:
        if not _RE_DIGITS.fullmatch(normalized):
            return _fail(kind, normalized, IdProblem.bad_format)
        number18 = upgrade_15_to_18(normalized)
        order_digit = normalized[14]
    elif len(normalized) == 18:
        number18 = normalized
        order_digit = normalized[16]
    else:
        return _fail(kind, normalized, IdProblem.bad_length)

    try:
        ric.validate(number18)
    except InvalidLength:
        return _fail(kind, normalized, IdProblem.bad_length)
    except InvalidFormat:
        return _fail(kind, normalized, IdProblem.bad_format)
    except InvalidChecksum:
        return _fail(kind, normalized, IdProblem.bad_checksum)
    except InvalidComponent:
        # Either the birth date or the place; the place is judged below by province only.
        pass
    except (ValidationError, ValueError, KeyError, IndexError) as exc:  # its message may quote the number
        log.warning("unexpected stdnum failure on resident id %s: %s", _mask_generic(normalized), type(exc).__name__)
        return _fail(kind, normalized, IdProblem.bad_format)

    born = _check_birth(kind, normalized, number18, today)
    if isinstance(born, IdCheck):
        return born
    if normalized[:2] not in _MAINLAND_PROVINCES:
        return _fail(kind, normalized, IdProblem.bad_region)
    return IdCheck(
        ok=True,
        id_type=kind,
        normalized=normalized,
        problem=None,
        birth_date=born,
        sex=_sex(order_digit),
        region_code=normalized[:6],
    )


def _check_hmt_residence_permit(normalized: str, today: date) -> IdCheck:
    # stdnum.cn.ric does not know 830000 (Taiwan residents) and its table lookup is meaningless for
    # these fixed prefixes, so the GB 11643 check digit and the birth date are checked directly.
    kind = IdType.residence_permit_hmt
    if not _RE_RESIDENT_CHARS.fullmatch(normalized):
        return _fail(kind, normalized, IdProblem.bad_characters)
    if len(normalized) != 18:
        return _fail(kind, normalized, IdProblem.bad_length)
    if not _RE_DIGITS.fullmatch(normalized[:17]):
        return _fail(kind, normalized, IdProblem.bad_format)
    if normalized[-1] != ric.calc_check_digit(normalized):
        return _fail(kind, normalized, IdProblem.bad_checksum)
    if not normalized.startswith(_HMT_PERMIT_PREFIXES):
        return _fail(kind, normalized, IdProblem.bad_region)
    born = _check_birth(kind, normalized, normalized, today)
    if isinstance(born, IdCheck):
        return born
    return IdCheck(
        ok=True,
        id_type=kind,
        normalized=normalized,
        problem=None,
        birth_date=born,
        sex=_sex(normalized[16]),
        region_code=normalized[:6],
    )


def _check_uscc(normalized: str) -> IdCheck:
    kind = IdType.uscc
    if not _RE_ALNUM.fullmatch(normalized):
        return _fail(kind, normalized, IdProblem.bad_characters)
    try:
        uscc.validate(normalized)
    except InvalidLength:
        return _fail(kind, normalized, IdProblem.bad_length)
    except InvalidFormat:
        return _fail(kind, normalized, IdProblem.bad_format)
    except InvalidChecksum:
        return _fail(kind, normalized, IdProblem.bad_checksum)
    except (ValidationError, ValueError):
        return _fail(kind, normalized, IdProblem.bad_format)
    return IdCheck(ok=True, id_type=kind, normalized=normalized, problem=None, region_code=normalized[2:8])


def _check_simple(
    kind: IdType,
    normalized: str,
    charset: re.Pattern[str],
    min_len: int,
    max_len: int,
    pattern: re.Pattern[str] | None,
    lengths: set[int] | None = None,
) -> IdCheck:
    if not charset.fullmatch(normalized):
        return _fail(kind, normalized, IdProblem.bad_characters)
    n = len(normalized)
    if not min_len <= n <= max_len or (lengths is not None and n not in lengths):
        return _fail(kind, normalized, IdProblem.bad_length)
    if pattern is not None and not pattern.fullmatch(normalized):
        return _fail(kind, normalized, IdProblem.bad_format)
    return IdCheck(ok=True, id_type=kind, normalized=normalized, problem=None)


_ICAO_WEIGHTS = (7, 3, 1)


def _icao_check_digit(text: str) -> str:
    """The check digit of machine-readable travel documents (ICAO 9303) over ``text``."""
    total = 0
    for i, ch in enumerate(text):
        value = int(ch) if ch.isdigit() else ord(ch) - ord("A") + 10
        total += value * _ICAO_WEIGHTS[i % 3]
    return str(total % 10)


def _yymmdd(text: str, today: date) -> date | None:
    """A two-digit-year birth date: this century when that is not in the future, else the last."""
    for century in (2000, 1900):
        try:
            born = date(century + int(text[:2]), int(text[2:4]), int(text[4:6]))
        except ValueError:
            continue
        if born <= today:
            return born
    return None


def _check_foreign_permanent(normalized: str, today: date) -> IdCheck:
    kind = IdType.foreign_permanent
    if not _RE_ALNUM.fullmatch(normalized):
        return _fail(kind, normalized, IdProblem.bad_characters)
    if len(normalized) not in (15, 18):
        return _fail(kind, normalized, IdProblem.bad_length)
    if len(normalized) == 18:
        if not _RE_FOREIGN_NEW.fullmatch(normalized):
            return _fail(kind, normalized, IdProblem.bad_format)
        if normalized[-1] != ric.calc_check_digit(normalized):
            return _fail(kind, normalized, IdProblem.bad_checksum)
        if normalized[1:3] not in _MAINLAND_PROVINCES:
            return _fail(kind, normalized, IdProblem.bad_region)
        try:
            born = date(int(normalized[6:10]), int(normalized[10:12]), int(normalized[12:14]))
        except ValueError:
            return _fail(kind, normalized, IdProblem.bad_birth_date)
        if born.year < _EARLIEST_BIRTH_YEAR:
            return _fail(kind, normalized, IdProblem.bad_birth_date)
        if born > today:
            return _fail(kind, normalized, IdProblem.future_birth_date)
        return IdCheck(ok=True, id_type=kind, normalized=normalized, problem=None, birth_date=born,
                       sex=_sex(normalized[16]), region_code=normalized[1:3])
    if not _RE_FOREIGN_OLD.fullmatch(normalized):
        return _fail(kind, normalized, IdProblem.bad_format)
    if normalized[-1] != _icao_check_digit(normalized[:14]):
        return _fail(kind, normalized, IdProblem.bad_checksum)
    if normalized[3:5] not in _MAINLAND_PROVINCES:
        return _fail(kind, normalized, IdProblem.bad_region)
    birth = _yymmdd(normalized[7:13], today)
    if birth is None:
        return _fail(kind, normalized, IdProblem.bad_birth_date)
    return IdCheck(ok=True, id_type=kind, normalized=normalized, problem=None, birth_date=birth,
                   sex=_sex(normalized[13]), region_code=normalized[3:5])


def _check_military(normalized: str) -> IdCheck:
    # Officer certificates are free text such as "南字第123456号": letters (incl. CJK) and digits.
    kind = IdType.military
    if not all(ch.isalnum() or ch in _MILITARY_EXTRA_CHARS for ch in normalized):
        return _fail(kind, normalized, IdProblem.bad_characters)
    if not 6 <= len(normalized) <= 20:
        return _fail(kind, normalized, IdProblem.bad_length)
    return IdCheck(ok=True, id_type=kind, normalized=normalized, problem=None)


def _check_other(normalized: str) -> IdCheck:
    kind = IdType.other
    if not normalized.isprintable():
        return _fail(kind, normalized, IdProblem.bad_characters)
    if len(normalized) > _OTHER_MAX_LENGTH:
        return _fail(kind, normalized, IdProblem.bad_length)
    return IdCheck(ok=True, id_type=kind, normalized=normalized, problem=None)
