"""Names of the core's codes (statuses, decisions, modes, ...) for people, through Qt translation.

The core returns enums; the window shows ``label(value)``. The names are the one table of
``app/labels.py`` (Chinese source texts marked for lupdate under the context "Labels", shared with
the command lines and the printed documents); here they are translated with Qt's translators, so the
Tibetan file translates them once for all screens.
"""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import QCoreApplication

from app import labels as table
from sync.status import REENROL_REASONS


def label(value: Enum | str, kind: str | None = None, **fmt: object) -> str:
    """The translated name of an enum member (``kind`` is taken from its class) or of a code, its
    {placeholders} filled; the code itself when it has no name."""
    code, kind = table.code_and_kind(value, kind)
    text = table.LABELS.get(kind, {}).get(code)
    if not text:
        return code
    translated = QCoreApplication.translate(table.CONTEXT, text)
    return translated.format(**fmt) if fmt else translated


def has_label(value: Enum | str, kind: str | None = None) -> bool:
    """Whether ``value`` has a name for people in the table (else :func:`label` shows the code)."""
    return table.has_label(value, kind)


def choices(kind: str) -> list[tuple[str, str]]:
    """(code, translated name) pairs in their order, for combo boxes."""
    return [(code, QCoreApplication.translate(table.CONTEXT, text)) for code, text in table.LABELS[kind].items()]


def source_text(code: str, kind: str) -> str:
    """The Chinese name of a code, untranslated: for a screen that shows both languages at once
    (``ui.i18n.translate_in(language, "Labels", source_text(...))``); the code when it has none."""
    return table.source_text(code, kind)


def link_advice(state: Enum | str, reason: str = "") -> str:
    """The whole sentence for the link's state (a ``sync.status.LinkState``): what it means for the
    clerk's work and what to do; a refusal says what to do for its reason (the hub's error code)."""
    if str(state) == "refused":
        key = ("reenrol" if reason in REENROL_REASONS else "upgrade" if reason == "unsupported_version"
               else reason if reason in ("stale", "tls") else "")
        if key:
            return label(key, "RefusalAdvice")
    return label(state, "LinkAdvice")
