"""Tokens for full-text search inside the encrypted store (SQLite FTS5, unicode61 tokenizer).

The index is fed words this module makes, and queries are built by the same rules, so that
Chinese, full pinyin, pinyin initials, Tibetan, codes and numbers all match as a clerk expects:

* Chinese (and rare characters such as 䶮 or 𠮷): every suffix of a run of Han characters is a
  token, so a prefix query on the run finds any substring ("顿珠" finds 扎西顿珠).
* Pinyin: the same suffixes, spelled in full pinyin and in initials ("dunzhu", "dz").
* Tibetan: syllables (split at the tsheg) are tokens; a query is a phrase of syllables whose last
  one may be partial.
* Numbers (case numbers, ID numbers, phone numbers): the whole token, and reversed, so that the
  last digits find it too.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from enum import StrEnum

# unicode61 with combining marks kept inside tokens (Tibetan vowel signs and subjoined letters).
FTS_TOKENIZER = "unicode61 remove_diacritics 0 categories 'L* N* Co Mn Mc'"

_HAN = (
    "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
    "\U00020000-\U0002a6df\U0002a700-\U0002ebef\U00030000-\U0003134f"
)
_HAN_RUN = re.compile(f"[{_HAN}]+")
_TIBETAN_RUN = re.compile(r"[\u0f00-\u0fff]+")
_TIBETAN_SYLLABLE = re.compile(r"[\u0f40-\u0fbc\u0f3e\u0f3f]+")
_ALNUM_RUN = re.compile(r"[0-9A-Za-z]+")
_MAX_SUFFIXES = 24


class QueryKind(StrEnum):
    han = "han"
    tibetan = "tibetan"
    latin = "latin"
    number = "number"
    empty = "empty"


def normalize(text: str) -> str:
    """NFKC (full-width digits and letters become ASCII), lower case, trimmed."""
    return unicodedata.normalize("NFKC", text).strip().lower()


def _suffixes(seq: list[str], joiner: str = "") -> list[str]:
    n = len(seq)
    return [joiner.join(seq[i:]) for i in range(min(n, _MAX_SUFFIXES))]


def han_tokens(text: str) -> list[str]:
    out: list[str] = []
    for run in _HAN_RUN.findall(text):
        out.extend(_suffixes(list(run)))
    return out


def pinyin_tokens(text: str) -> list[str]:
    out: list[str] = []
    runs = _HAN_RUN.findall(text)
    if not runs:
        return out
    # pypinyin loads its dictionaries on import (a noticeable part of the window's start): only
    # when there is Han text to index.
    from pypinyin import Style, lazy_pinyin

    for run in runs:
        full = lazy_pinyin(run, style=Style.NORMAL, errors="ignore")
        initials = [p[0] for p in full if p]
        out.extend(_suffixes(full))
        out.extend(_suffixes(initials))
    return out


def tibetan_syllables(text: str) -> list[str]:
    out: list[str] = []
    for run in _TIBETAN_RUN.findall(text):
        out.extend(_TIBETAN_SYLLABLE.findall(run))
    return out


def latin_tokens(text: str) -> list[str]:
    return [t.lower() for t in _ALNUM_RUN.findall(normalize(text))]


def number_tokens(*values: str | None) -> tuple[list[str], list[str]]:
    """(tokens, reversed tokens) of codes and numbers, for prefix and suffix search."""
    fwd: list[str] = []
    rev: list[str] = []
    for v in values:
        if not v:
            continue
        for t in latin_tokens(v):
            fwd.append(t)
            rev.append(t[::-1])
    return fwd, rev


@dataclass(frozen=True)
class Document:
    """The text of one indexed record, column by column."""

    name: str
    pinyin: str
    num: str
    rev: str


def document(names: list[str | None], numbers: list[str | None]) -> Document:
    text = " ".join(n for n in names if n)
    words = han_tokens(text) + tibetan_syllables(text) + latin_tokens(_HAN_RUN.sub(" ", text))
    fwd, rev = number_tokens(*numbers)
    return Document(name=" ".join(words), pinyin=" ".join(pinyin_tokens(text)), num=" ".join(fwd), rev=" ".join(rev))


def classify(query: str) -> QueryKind:
    q = normalize(query)
    if not q:
        return QueryKind.empty
    if _HAN_RUN.search(q):
        return QueryKind.han
    if _TIBETAN_RUN.search(q):
        return QueryKind.tibetan
    stripped = re.sub(r"[\s\-]", "", q)
    if stripped.isdigit() or (stripped[:-1].isdigit() and stripped.endswith("x") and len(stripped) > 1):
        return QueryKind.number
    if _ALNUM_RUN.search(q):
        return QueryKind.latin
    return QueryKind.empty


def _quote(token: str) -> str:
    return '"' + token.replace('"', '""') + '"'


def match_expression(query: str) -> str | None:
    """An FTS5 MATCH expression for ``query`` over the columns name, pinyin, num and rev.

    Several words must all match (AND).  Returns ``None`` when nothing searchable is left.
    """
    q = normalize(query)
    parts: list[str] = []
    for word in q.split():
        kind = classify(word)
        if kind is QueryKind.han:
            runs = _HAN_RUN.findall(word)
            parts.extend(f"name:{_quote(r)}*" for r in runs)
            rest = _HAN_RUN.sub(" ", word)
            parts.extend(f"(name:{_quote(t)}* OR num:{_quote(t)}*)" for t in latin_tokens(rest))
        elif kind is QueryKind.tibetan:
            syllables = tibetan_syllables(word)
            if syllables:
                parts.append(f"name:{_quote(' '.join(syllables))}*")
        elif kind is QueryKind.number:
            digits = re.sub(r"[\s\-]", "", word)
            parts.append(f"(num:{_quote(digits)}* OR rev:{_quote(digits[::-1])}*)")
        elif kind is QueryKind.latin:
            for t in latin_tokens(word):
                qt = _quote(t)
                parts.append(f"(pinyin:{qt}* OR name:{qt}* OR num:{qt}* OR rev:{_quote(t[::-1])}*)")
    if not parts:
        return None
    return " AND ".join(parts)
