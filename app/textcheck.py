"""Is a text fit to be kept? One check for everything a person types or a file brings.

A clerk's keyboard, a pasted cell from a spreadsheet or a catalogue file can carry characters
that are no text at all: C0/C1 control characters (NUL, ESC and the terminal sequences it
starts, DEL), bidirectional overrides, embeddings and isolates that make a name read backwards on
screen (U+202A–U+202E, U+2066–U+2069: "Trojan Source"), lone surrogates, noncharacters, and line
or paragraph separators. Stored, they cannot be printed (no font has a glyph for ESC), they rewrite
the terminal that lists them, and they make two different names look the same.

:func:`text_problem` says whether a text is acceptable; :func:`require_clean_fields` checks a set of
fields and raises :class:`~app.errors.ValidationError` with the problem code
:data:`BAD_CHARACTERS` (its sentence is in ``app/messages.py``, ``PROBLEMS``); :func:`visible`
writes a stored text for a terminal or a log with every such character escaped (``\\x1b``,
``\\u202e``), for texts stored before the check existed.

Everything a script needs stays: Chinese (every extension, also code points newer than this
Python's Unicode tables), Tibetan with its combining vowel signs and subjoined letters, combining
marks and variation selectors (CJK ideographic variation sequences), ZWJ/ZWNJ (U+200D/U+200C,
needed by Indic scripts and emoji sequences), left-to-right/right-to-left marks (U+200E/U+200F,
U+061C, which reorder nothing by themselves), private-use characters (some offices map rare
characters of names there; printing says when no font has one).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from app.errors import ValidationError

log = logging.getLogger(__name__)

__all__ = [
    "BAD_CHARACTERS",
    "BadCharacter",
    "find_bad",
    "is_clean",
    "problems_of",
    "require_clean_fields",
    "strip_unprintable",
    "text_problem",
    "visible",
]

#: The problem code of a text with a refused character (``app.messages.PROBLEMS``).
BAD_CHARACTERS = "control_characters"

# Explicit bidirectional formatting: embeddings and overrides, and the isolates of Unicode 6.3.
_BIDI_CONTROLS = frozenset(range(0x202A, 0x202F)) | frozenset(range(0x2066, 0x206A))
# Deprecated format characters (symmetric swapping, Arabic shaping, digit shapes): no use in text.
_DEPRECATED_FORMAT = frozenset(range(0x206A, 0x2070))
# Interlinear annotation anchors: markup, not text a person types.
_ANNOTATION = frozenset({0xFFF9, 0xFFFA, 0xFFFB})
# Line and paragraph separators: a field that may hold lines uses the newline.
_SEPARATORS = frozenset({0x2028, 0x2029})
# A byte-order mark inside a text (a file's BOM is gone once the file is decoded).
_BOM = 0xFEFF


def _is_noncharacter(cp: int) -> bool:
    return 0xFDD0 <= cp <= 0xFDEF or (cp & 0xFFFE) == 0xFFFE


def _refused(cp: int, multiline: bool) -> bool:
    if cp < 0x20 or 0x7F <= cp <= 0x9F:  # C0, DEL, C1
        return not (multiline and cp == 0x0A)
    if cp < 0x2028:
        return False  # the common case: nothing below U+2028 but the controls is refused
    return (
        cp in _BIDI_CONTROLS
        or cp in _SEPARATORS
        or cp in _DEPRECATED_FORMAT
        or 0xD800 <= cp <= 0xDFFF  # lone surrogates (a str can hold them; UTF-8 cannot)
        or cp in _ANNOTATION
        or cp == _BOM
        or _is_noncharacter(cp)
    )


@dataclass(frozen=True)
class BadCharacter:
    """The first refused character of a text: where (0-based) and which (``U+001B``)."""

    index: int
    code_point: str


def find_bad(text: str, *, multiline: bool = False) -> BadCharacter | None:
    """The first refused character of ``text``, or None when every character may be kept.

    ``multiline`` allows the newline (U+000A) and nothing else more: for notes and reasons, the
    fields that are typed in a box of several lines. Carriage returns are refused there too; the
    window's text boxes give ``\\n``.
    """
    for i, ch in enumerate(text):
        cp = ord(ch)
        if _refused(cp, multiline):
            return BadCharacter(i, f"U+{cp:04X}")
    return None


def is_clean(text: str, *, multiline: bool = False) -> bool:
    """True when ``text`` has no refused character (see :func:`find_bad`)."""
    return find_bad(text, multiline=multiline) is None


def text_problem(text: str, *, multiline: bool = False) -> str | None:
    """:data:`BAD_CHARACTERS` when ``text`` has a refused character, else None."""
    return None if is_clean(text, multiline=multiline) else BAD_CHARACTERS


def problems_of(fields: Mapping[str, str | None] | Iterable[tuple[str, str | None]], *,
                multiline: Iterable[str] = ()) -> list[dict[str, str]]:
    """The problems of several fields, in the shape of ``ValidationError.details['problems']``.

    ``fields`` maps a field's name (``applicant.name``) to its text; None and non-strings are
    skipped (other checks judge them). Fields named in ``multiline`` may hold newlines. Each
    problem names the first refused character as its ``detail`` (``U+001B``), never the text.
    """
    lines = set(multiline)
    pairs = fields.items() if isinstance(fields, Mapping) else fields
    out: list[dict[str, str]] = []
    for name, value in pairs:
        if not isinstance(value, str):
            continue
        bad = find_bad(value, multiline=name in lines)
        if bad is not None:
            out.append({"field": name, "problem": BAD_CHARACTERS, "detail": bad.code_point})
    return out


def require_clean_fields(fields: Mapping[str, str | None] | Iterable[tuple[str, str | None]], *,
                         multiline: Iterable[str] = ()) -> None:
    """Raise :class:`ValidationError` (problem :data:`BAD_CHARACTERS`) when a field has a
    refused character; see :func:`problems_of`."""
    problems = problems_of(fields, multiline=multiline)
    if problems:
        log.info("refused text with control characters in %s", ", ".join(p["field"] for p in problems))
        raise ValidationError("text with control characters", problems=problems)


_NAMED_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape(ch: str) -> str:
    if ch in _NAMED_ESCAPES:
        return _NAMED_ESCAPES[ch]
    cp = ord(ch)
    if cp <= 0xFF:
        return f"\\x{cp:02x}"
    if cp <= 0xFFFF:
        return f"\\u{cp:04x}"
    return f"\\U{cp:08x}"


def visible(text: str, *, multiline: bool = False) -> str:
    """``text`` with every refused character written as an escape (``\\x1b``, ``\\u202e``).

    For a terminal or a log: a text stored before the check existed can then neither move the
    cursor, change colours nor reverse what follows it. A backslash is left as it is.
    """
    if is_clean(text, multiline=multiline):
        return text
    return "".join(_escape(ch) if _refused(ord(ch), multiline) else ch for ch in text)


def strip_unprintable(text: str) -> str:
    """``text`` without the refused characters (newlines kept): for a printed document of data
    stored before the check existed, where an escape would be read as part of a name."""
    if is_clean(text, multiline=True):
        return text
    return "".join(ch for ch in text if not _refused(ord(ch), True))
