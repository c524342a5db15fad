"""Cases (办件): intake and decision at the counter, and everything that happens after.

Every change writes its journal event in the same transaction as the change itself.

One module per use case, each importing only the ones below it (no cycle):
- ``rules``: the statuses and which follows which, checklist lines, the decision rules, the text checks;
- ``rows``: a case's stored rows and the models they stand for, the row of a case by its number;
- ``queries``: one case, its journal and trips, search and lists, due cases and rates (reads only);
- ``intake``: the checks of an application, the counter's decision, the case number (:func:`submit`);
- ``status``: status changes, materials supplied, corrections, delivery, withdrawal;
- ``visits``: trips, posted materials, prints;
- ``evaluation``: the citizen's rating (好差评);
- ``replay``: a case's state from its journal events alone;
- ``sharing``: the other devices' events of the station taken in, cases projected from all their
  events, conflicts listed and resolved.

Callers use the package: ``from app.services import cases; cases.submit(...)``.
"""

from __future__ import annotations

from app.models import CaseStatus, Outcome
from app.services.cases.amend import amend, may_amend
from app.services.cases.evaluation import (
    EVALUATION_LEVELS,
    BadRating,
    bad_ratings,
    evaluate,
    facts_of,
    rating_of,
    rectify,
    revisit,
)
from app.services.cases.intake import check_clock, default_correction_due, people_problems, submit
from app.services.cases.people import EarlierCase, PersonCheck, check_person
from app.services.cases.queries import (
    CaseListPage,
    case_journal,
    count_cases,
    due_report,
    find_cases,
    get_case,
    list_cases,
    rates,
    search_cases,
    trips,
)
from app.services.cases.rows import AMENDABLE
from app.services.cases.rules import (
    AUTHORISATION_LETTER,
    AUTHORISATION_LETTER_NAME,
    MAX_DUE_AHEAD,
    MULTILINE_FIELDS,
    OPEN_STATUSES,
    TRANSITIONS,
    ChecklistLine,
    Problems,
    checklist,
    decide,
    due_date_problem,
    is_authorisation_letter,
    material_required,
)
from app.services.cases.sharing import TakeResult, conflicted, project_case, resolve_conflict, take_peer_events
from app.services.cases.status import (
    check_commitment,
    deliver,
    overdue_deferred,
    recount_dues,
    resume_after_correction,
    revoke_acceptance,
    set_status,
    supply_material,
    withdraw,
)
from app.services.cases.visits import print_count, record_posting, record_print, record_trip

__all__ = [
    "AMENDABLE",
    "AUTHORISATION_LETTER",
    "AUTHORISATION_LETTER_NAME",
    "EVALUATION_LEVELS",
    "MAX_DUE_AHEAD",
    "MULTILINE_FIELDS",
    "OPEN_STATUSES",
    "TRANSITIONS",
    "BadRating",
    "CaseListPage",
    "CaseStatus",
    "ChecklistLine",
    "EarlierCase",
    "Outcome",
    "PersonCheck",
    "Problems",
    "TakeResult",
    "amend",
    "bad_ratings",
    "case_journal",
    "check_clock",
    "check_commitment",
    "check_person",
    "checklist",
    "conflicted",
    "count_cases",
    "decide",
    "default_correction_due",
    "deliver",
    "due_date_problem",
    "due_report",
    "evaluate",
    "facts_of",
    "find_cases",
    "get_case",
    "is_authorisation_letter",
    "list_cases",
    "material_required",
    "may_amend",
    "overdue_deferred",
    "people_problems",
    "print_count",
    "project_case",
    "rates",
    "rating_of",
    "record_posting",
    "record_print",
    "record_trip",
    "recount_dues",
    "rectify",
    "resolve_conflict",
    "resume_after_correction",
    "revisit",
    "revoke_acceptance",
    "search_cases",
    "set_status",
    "submit",
    "supply_material",
    "take_peer_events",
    "trips",
    "withdraw",
]
