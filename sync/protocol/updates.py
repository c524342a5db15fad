"""Pulling updates: a page of them, and the body of each kind."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Annotated, Any

from sync.protocol.base import Malformed, Spec


class UpdateKind(StrEnum):
    """What a pulled update carries (its ``body``)."""

    case_status = "case_status"  # ``CaseStatusBody``: a department's status of a case
    catalogue = "catalogue"  # ``CatalogueBody``: a whole catalogue document
    calendar = "calendar"  # ``CalendarBody``: the regional days file or a national calendar
    notice = "notice"  # ``NoticeBody``: anything for the clerk to read


# The names these values had before they were enums (equal to the strings on the wire).
CASE_STATUS, CATALOGUE, CALENDAR, NOTICE = (UpdateKind.case_status, UpdateKind.catalogue, UpdateKind.calendar,
                                            UpdateKind.notice)


@dataclass(frozen=True)
class Update:
    """One update a pull hands out; ``body`` is read by its kind (``CaseStatusBody``, …)."""

    id: str
    kind: UpdateKind
    case_no: str | None
    body: dict[str, Any]
    to: Annotated[str | None, Spec("the device it is addressed to, told only to the centre's relay (which hands "
                                   "it to that device alone); absent: every device of the station",
                                   pattern=r"^[0-9]{2}$")] = None

    def to_wire(self) -> dict[str, Any]:
        doc = {"id": self.id, "kind": self.kind.value, "case_no": self.case_no, "body": self.body}
        if self.to is not None:
            doc["to"] = self.to
        return doc

    @classmethod
    def from_wire(cls, raw: Any) -> Update:
        """One update as a relay keeps it (the station reads each update's parts as it applies it)."""
        if not isinstance(raw, dict):
            raise Malformed("an update is an object")
        uid, kind, case_no, body, to = (raw.get(k) for k in ("id", "kind", "case_no", "body", "to"))
        if not isinstance(uid, str) or not uid.isascii() or not uid.isdigit() or len(uid) > 18:
            raise Malformed("id: digits")
        if not isinstance(kind, str) or kind not in UpdateKind.__members__.values():
            raise Malformed("kind: unknown")
        if case_no is not None and not isinstance(case_no, str):
            raise Malformed("case_no: text")
        if not isinstance(body, dict):
            raise Malformed("body: an object")
        if to is not None and not (isinstance(to, str) and len(to) == 2 and to.isascii() and to.isdigit()):
            raise Malformed("to: two digits")
        return cls(id=uid, kind=UpdateKind(kind), case_no=case_no, body=body, to=to)

    def case_status(self) -> CaseStatusBody:
        return CaseStatusBody.from_wire(self.body, self.case_no)


@dataclass(frozen=True)
class UpdatePage:
    """``GET /v1/updates``: the updates after a cursor, the cursor after them, and whether more wait."""

    updates: tuple[Update, ...]
    cursor: Annotated[str, Spec("opaque; pass it back to get what came after")]
    more: bool
    devices: Annotated[str | None, Spec("the digest of the station's device list (``roster_version``): a device "
                                        "reads the list again when it changed; absent from hubs before it",
                                        max_length=64)] = None

    def to_wire(self) -> dict[str, Any]:
        doc: dict[str, Any] = {"updates": [u.to_wire() for u in self.updates], "cursor": self.cursor,
                               "more": self.more}
        if self.devices is not None:
            doc["devices"] = self.devices
        return doc

    @staticmethod
    def check_wire(doc: Mapping[str, Any]) -> None:
        """A page as the station reads it: a list of updates (each weighed alone, as it is applied)
        and a cursor."""
        if not isinstance(doc.get("updates"), list) or not isinstance(doc.get("cursor"), str):
            raise Malformed("pull answer without updates or cursor")
        if doc.get("devices") is not None and not isinstance(doc.get("devices"), str):
            raise Malformed("devices: text")


@dataclass(frozen=True)
class CaseStatusBody:
    """``case_status``: a department's status of a case (``status`` a ``CaseStatus``, ``outcome`` an
    ``Outcome`` when concluded); read as tolerantly as stations always read it (absent texts are "")."""

    case_no: str
    status: str
    outcome: str | None = None
    note: str | None = ""
    platform_no: str | None = ""

    def to_wire(self) -> dict[str, Any]:
        return {"case_no": self.case_no, "status": self.status, "outcome": self.outcome, "note": self.note,
                "platform_no": self.platform_no}

    @classmethod
    def from_wire(cls, body: Any, case_no: Any = None) -> CaseStatusBody:
        """``case_no``: the update's own, for a body without one."""
        outcome = body.get("outcome")
        return cls(case_no=str(body.get("case_no") or case_no or ""), status=str(body.get("status")),
                   outcome=str(outcome) if outcome else None, note=str(body.get("note") or ""),
                   platform_no=str(body.get("platform_no") or ""))


@dataclass(frozen=True)
class CatalogueBody:
    """``catalogue``: a whole catalogue document (``docs/catalogue.md``; ``app.services.catalogue`` checks it)."""

    document: dict[str, Any]

    def to_wire(self) -> dict[str, Any]:
        return self.document


@dataclass(frozen=True)
class CalendarBody:
    """``calendar``: the regional days file (``bianmin-regional-days/1``, as
    ``resources/calendars/regional_days.json``) or a national calendar (``bianmin-national-days/1``);
    ``app.workdays.check_calendar_document`` checks either."""

    document: dict[str, Any]

    @property
    def region(self) -> str:
        return str(self.document.get("region", "540000"))

    @property
    def sources(self) -> str:
        return str(self.document.get("sources", ""))

    def to_wire(self) -> dict[str, Any]:
        return self.document


@dataclass(frozen=True)
class NoticeBody:
    """``notice``: anything for the clerk to read, kept as it came."""

    document: dict[str, Any]

    def to_wire(self) -> dict[str, Any]:
        return self.document
