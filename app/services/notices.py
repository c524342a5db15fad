"""Notices for the station's people: the platform's own (a ``notice`` update: a title and a text
from the regional office) and what the station's sync set aside for a person to see (a platform
status that could not be written to its case, a catalogue or a calendar refused, an update not
applied, other devices' events refused). The dashboard and ``bianmin notices`` list them; an
administrator marks them read (logged in the access log, the notice kept).

Core code: a notice comes back as its kind (a code with one label, ``app/labels.py`` ``NoticeKind``)
and its data; the platform's words are data and shown as they came.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Any

from app.station import Station
from app.store import journal as journal_store
from app.store import outbox

log = logging.getLogger(__name__)

MESSAGE = "message"  # the platform's own notice: its title and text
# The kinds the station's sync makes (``sync.engine``); a notice of another kind is shown by its code.
KINDS = (MESSAGE, "status_not_applied", "catalogue_refused", "calendar_refused", "update_not_applied",
         "peer_events_refused")
TEXT_MAX = 2000  # a platform text is shown up to this many characters


def _text(value: Any, limit: int = TEXT_MAX) -> str:
    return value[:limit] if isinstance(value, str) else ""


@dataclass(frozen=True)
class Notice:
    id: str
    received_at: str
    kind: str  # one of KINDS (or an unknown code, shown as it is)
    title: str = ""  # the platform's own notice: its title and text (data, as they came)
    text: str = ""
    details: dict[str, Any] = field(default_factory=dict)  # the station's notices: case_no, version, reason, ...
    read_at: str | None = None

    @property
    def unread(self) -> bool:
        return self.read_at is None


def _notice(row: dict[str, Any]) -> Notice:
    body = row["body"] if isinstance(row["body"], dict) else {}
    kind = body.get("kind")
    if isinstance(kind, str) and kind in KINDS and kind != MESSAGE:
        return Notice(id=row["id"], received_at=row["received_at"], kind=kind,
                      details={k: v for k, v in body.items() if k != "kind"}, read_at=row["read_at"])
    # The platform's own notice (or one of a kind this version does not know): its words, as they came.
    title, text = _text(body.get("title"), 200), _text(body.get("text"))
    if not title and not text:
        text = _text("; ".join(f"{k}: {v}" for k, v in body.items() if isinstance(v, str | int)))
    return Notice(id=row["id"], received_at=row["received_at"], kind=MESSAGE, title=title, text=text,
                  read_at=row["read_at"])


def list_notices(station: Station, *, unread_only: bool = False) -> list[Notice]:
    """The notices, newest first."""
    return [_notice(r) for r in outbox.notices(station.db, unread_only=unread_only)]


def unread_count(station: Station) -> int:
    return len(outbox.notices(station.db, unread_only=True))


def mark_read(station: Station, ids: list[str] | None = None) -> list[str]:
    """An administrator marks notices read (None: every unread one); returns the ids marked. Each is
    logged in the access log; the notices stay."""
    station.require_admin()
    with station.db.transaction():
        marked = outbox.mark_notices_read(station.db, ids, station.clock.stamp())
        for notice_id in marked:
            journal_store.log_access(station.db, at=station.clock.stamp(), operator=station.operator.login,
                                     action="notice_read", case_no=None, detail=notice_id[:200])
    log.info("%d notices marked read", len(marked))
    return marked
