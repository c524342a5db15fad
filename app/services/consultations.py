"""咨询 (首问负责): a question answered at the window that did not become a case, recorded in two keys
— the item (a catalogue code, or "" for another matter) and how it was answered
(``models.ConsultAnswer``) — journaled (``station.consultation``) and counted in the figures. A
name and phone are kept only when the citizen agrees (``consent``); without it, none is taken."""

from __future__ import annotations

import logging
from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from app.errors import ItemNotFound, ValidationError
from app.events import Consultation
from app.identity import phone_problem
from app.journal import StationEventType
from app.models import ConsultAnswer
from app.services import catalogue
from app.station import Station
from app.textcheck import find_bad

log = logging.getLogger(__name__)

NOTE_MAX = 500
NAME_MAX = 100


@dataclass(frozen=True)
class ConsultationCount:
    since: date
    total: int
    by_answer: dict[str, int] = field(default_factory=dict)
    by_item: dict[str, int] = field(default_factory=dict)  # "" for another matter


def record(station: Station, item_code: str, answer: ConsultAnswer | str, *, consent: bool = False,
           name: str = "", phone: str = "", note: str = "") -> int:
    """Record one consultation; returns its number. Refused (ValidationError) for an unknown item or
    answer, or a name or phone given without the citizen's consent."""
    problems: list[dict[str, str]] = []
    item_code, name, phone, note = item_code.strip(), name.strip(), phone.strip(), note.strip()
    if item_code:
        try:
            catalogue.get_item(station, item_code)
        except ItemNotFound:
            problems.append({"field": "item", "problem": "unknown"})
    if answer not in set(ConsultAnswer):
        problems.append({"field": "answer", "problem": "unknown"})
    if (name or phone) and not consent:
        problems.append({"field": "consent", "problem": "consent_required"})
    if phone and phone_problem(phone):
        problems.append({"field": "phone", "problem": "bad_phone"})
    for key, value, limit, lines in (("name", name, NAME_MAX, False), ("note", note, NOTE_MAX, True)):
        if len(value) > limit:
            problems.append({"field": key, "problem": "too_long", "length": str(len(value)), "limit": str(limit)})
        elif find_bad(value, multiline=lines):
            problems.append({"field": key, "problem": "control_characters"})
    if problems:
        raise ValidationError("consultation", problems=problems)
    stamp = station.clock.stamp()
    answer_code = ConsultAnswer(answer).value
    with station.db.transaction():
        station.journal(StationEventType.consultation, None, Consultation(
            item=item_code, answer=answer_code, consent=consent, name=name or None, phone=phone or None,
            note=note or None).encode())
        station.db.execute(
            "INSERT INTO consultations (at, day, item_code, answer, operator, consent, name, phone, note) "
            "VALUES (?,?,?,?,?,?,?,?,?)",
            (stamp, station.today().isoformat(), item_code, answer_code, station.operator.login, int(consent),
             name if consent else "", phone if consent else "", note))
        number = int(station.db.scalar("SELECT last_insert_rowid()", default=0))
    log.info("consultation recorded (%s, %s)", item_code or "other", answer_code)
    return number


def count(station: Station, since: date, until: date | None = None) -> ConsultationCount:
    """The consultations recorded from ``since`` to ``until`` (both included; today when not given)."""
    last = (until or station.today()).isoformat()
    rows = station.db.all("SELECT item_code, answer FROM consultations WHERE day >= ? AND day <= ?",
                          (since.isoformat(), last))
    return ConsultationCount(since=since, total=len(rows), by_answer=dict(Counter(str(r[1]) for r in rows)),
                             by_item=dict(Counter(str(r[0]) for r in rows)))
