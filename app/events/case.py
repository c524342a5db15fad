"""The payloads of case events (``app.journal.EventType``), as today's program writes them.

A status change after intake has one shape for every type it can take (``StatusChanged``); the
types also written at intake (concluded, correction requested, refused) or by their own step
(delivered) have a second shape, told apart by the keys ``from`` and ``to``. Nested records
(applicant, items, materials, refusal) stay the JSON objects the journal holds."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from app.events.base import Payload, optional, stored_as
from app.journal import EventType

JSONObject = dict[str, Any]


class Received(Payload):
    """An application taken in at the counter (the intake; its decision is the next event)."""

    TYPES = (EventType.received,)
    applicant: JSONObject
    agent: JSONObject | None
    mode: str
    bundle: str | None
    items: list[JSONObject]
    materials: list[JSONObject]
    delivery: JSONObject
    cross_region: JSONObject | None
    window: str
    note: str
    special_groups: list[str] | None = optional()  # 特殊群体 (``models.SpecialGroup``), when any


class Accepted(Payload):
    """The counter's acceptance (受理), with the clock's start and the due dates."""

    TYPES = (EventType.accepted,)
    decision: str
    clock_start: str
    legal_due: str | None
    promised_due: str | None
    commitment: str | None
    deferred: list[JSONObject]


class Refused(Payload):
    """The counter's refusal at intake (不予受理), with the written reasons and remedies."""

    TYPES = (EventType.refused,)
    refusal: JSONObject | None


class CorrectionRequested(Payload):
    """Corrections asked for at intake (一次性告知): the missing materials and the due date."""

    TYPES = (EventType.correction_requested,)
    missing: list[str]
    due: str | None
    source: str


class CorrectionResumed(Payload):
    """Corrections arrived: accepted again, the clock restarts (``source`` since the hub's echo fix)."""

    TYPES = (EventType.correction_resumed,)
    supplied: list[JSONObject]
    clock_start: str
    legal_due: str
    promised_due: str
    trip: bool
    source: str | None = optional()


class MaterialSupplied(Payload):
    """A deferred or missing material handed in after intake."""

    TYPES = (EventType.material_supplied,)
    item: str
    material: str
    form: str
    count: int
    was: str
    late: bool
    trip: bool


class ConcludedAtIntake(Payload):
    """An instant item (即办件) concluded at the counter, in the intake's transaction."""

    TYPES = (EventType.concluded,)
    outcome: str
    instant: bool


class StatusChanged(Payload):
    """A status change after intake, from the counter or from the platform (``source``);
    ``extended_by``: working days a special procedure added to the limits, and the limits it led to."""

    TYPES = (
        EventType.in_progress, EventType.special_started, EventType.special_ended, EventType.concluded,
        EventType.correction_requested, EventType.withdrawn, EventType.refused, EventType.delivered,
        EventType.revoked,
    )
    from_: str = stored_as("from")
    to: str = stored_as("to")
    note: str = stored_as("note")
    source: str = stored_as("source")
    extended_by: int | None = optional()
    outcome: str | None = optional()
    platform_no: str | None = optional()
    # the limits as the special procedure left them (older events
    # hold ``extended_by`` only, and a replay counts the dates again on its calendar)
    legal_due: str | None = optional()
    promised_due: str | None = optional()

    @classmethod
    def fits(cls, payload: Mapping[str, Any]) -> bool:
        return "from" in payload and "to" in payload


class Delivered(Payload):
    """The result handed over at the counter, posted, or sent electronically."""

    TYPES = (EventType.delivered,)
    method: str
    recipient: str
    recipient_id: str
    tracking_no: str


class Trip(Payload):
    """The applicant came to the counter for this case (最多跑一次 counts them)."""

    TYPES = (EventType.trip,)
    purpose: str


class Posted(Payload):
    """Paper materials of a cross-region case sent on by post (政务专递)."""

    TYPES = (EventType.posted,)
    tracking_no: str


class Printed(Payload):
    """A document printed (``copy`` 0) or printed again (``copy`` 1, 2, …: a reprint)."""

    TYPES = (EventType.printed, EventType.reprinted)
    kind: str
    paper: str
    copy: int


class Evaluated(Payload):
    """好差评: a five-level rating, or skipped (``level`` null). ``follow_up``: given after the case's
    rating (追评), kept beside it and never in its place; ``rectify_due``: a 差评's date for its
    rectification (整改), counted in working days from the station's setting when it was given."""

    TYPES = (EventType.evaluated,)
    level: str | None
    skipped: bool
    indicators: dict[str, Any]
    reasons: list[Any]
    follow_up: bool | None = optional()
    rectify_due: str | None = optional()


class Rectified(Payload):
    """差评整改: what the station put right after a bad rating (the case's 差评 work item)."""

    TYPES = (EventType.rectified,)
    note: str


class Revisited(Payload):
    """差评回访: the citizen asked again after the rectification; ``result`` a ``models.RevisitResult``,
    ``method`` a ``models.RevisitMethod``. The work item ends with it."""

    TYPES = (EventType.revisited,)
    result: str
    method: str
    note: str


class PlatformStatus(Payload):
    """The platform's status of a case (a type the window can show; no program version writes it)."""

    TYPES = (EventType.platform_status,)
    status: str | None = optional()


class AttachmentAdded(Payload):
    """A scan or photo attached to one of the case's materials (content by its SHA-256)."""

    TYPES = (EventType.attachment_added,)
    sha256: str
    mime: str
    size: int
    material: str
    item: str
    name: str


class ConflictResolved(Payload):
    """Two devices acted on the case while apart and the actions cannot both stand (``app.merge``): a
    clerk kept one (``keep``, an event hash) and set the others aside (``set_aside``); ``status`` is the
    case's status from here on (and ``outcome`` when it is concluded)."""

    TYPES = (EventType.conflict_resolved,)
    keep: str
    set_aside: list[str]
    status: str
    note: str
    outcome: str | None = optional()


class CommitmentChecked(Payload):
    """告知承诺核查: the check after approval of a case decided on the applicant's written commitment
    found it fulfilled or breached (``models.CommitmentResult``); a breach reaches the platform (and
    from there the credit platform) with this event."""

    TYPES = (EventType.commitment_checked,)
    result: str
    note: str


class DuesRecounted(Payload):
    """The case's limits counted again with the working-day calendar as it now stands (a national or
    regional calendar arrived after they were counted, e.g. with the law's holidays only, 暂定)."""

    TYPES = (EventType.dues_recounted,)
    legal_due: str
    promised_due: str
    reason: str


class Amended(Payload):
    """更正: details of a submitted case put right (a typo in a name, a number, a phone, an address),
    with the reason; ``changes`` lists each field (``cases.AMENDABLE``) with its old and new value, so
    the old value stays in the journal."""

    TYPES = (EventType.amended,)
    changes: list[Any]
    reason: str


# Types with two shapes list the status change first: it fits only payloads with "from" and "to".
CASE_PAYLOADS: tuple[type[Payload], ...] = (
    StatusChanged, Received, Accepted, Refused, CorrectionRequested, CorrectionResumed, MaterialSupplied,
    ConcludedAtIntake, Delivered, Trip, Posted, Printed, Evaluated, PlatformStatus, AttachmentAdded,
    ConflictResolved, Amended, CommitmentChecked, DuesRecounted, Rectified, Revisited,
)
