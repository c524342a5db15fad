"""The station's settings (kept in the encrypted store, changed from the window or the command line)."""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import TYPE_CHECKING

from app.errors import ValidationError
from app.events import SettingsChanged
from app.journal import StationEventType
from app.store import operators as op_store

if TYPE_CHECKING:
    from app.station import Station

PAPERS = ("a4", "a5", "80mm")
LANGUAGES = ("zh", "bo")
CORRECTION_DAYS_MAX = 60
RECTIFY_DAYS_MAX = 30


@dataclass
class StationSettings:
    language: str = "zh"  # zh: Chinese documents and window; bo: Tibetan–Chinese bilingual
    printer: str = ""  # the printer's system name; empty: the system default
    paper: str = "a4"
    idle_lock_minutes: int = 5
    font_scale: int = 100  # percent, 100–200
    correction_days: int = 5  # working days a 一次性告知 gives to supply the missing materials (1–60)
    rectify_days: int = 5  # working days a 差评 gives the station to rectify before its revisit (1–30)


def load(station: Station) -> StationSettings:
    current = StationSettings()
    for f in fields(StationSettings):
        raw = op_store.get_meta(station.db, f"settings.{f.name}")
        if raw is not None:
            setattr(current, f.name, int(raw) if f.type in (int, "int") else raw)
    return current


def save(station: Station, new: StationSettings) -> StationSettings:
    problems = []
    if new.paper not in PAPERS:
        problems.append({"field": "paper", "problem": "unknown"})
    if new.language not in LANGUAGES:
        problems.append({"field": "language", "problem": "unknown"})
    if not 1 <= int(new.idle_lock_minutes) <= 120:
        problems.append({"field": "idle_lock_minutes", "problem": "out_of_range"})
    if not 100 <= int(new.font_scale) <= 200:
        problems.append({"field": "font_scale", "problem": "out_of_range"})
    if not 1 <= int(new.correction_days) <= CORRECTION_DAYS_MAX:
        problems.append({"field": "correction_days", "problem": "out_of_range"})
    if not 1 <= int(new.rectify_days) <= RECTIFY_DAYS_MAX:
        problems.append({"field": "rectify_days", "problem": "out_of_range"})
    if problems:
        raise ValidationError("settings", problems=problems)
    with station.db.transaction():
        for f in fields(StationSettings):
            op_store.set_meta(station.db, f"settings.{f.name}", str(getattr(new, f.name)))
        station.journal(StationEventType.settings_changed, None,
                        SettingsChanged(values={f.name: getattr(new, f.name) for f in fields(new)}).encode())
    return new


def save_interface(station: Station, language: str, font_scale: int) -> StationSettings:
    """The interface language and font scale: any operator may change them (the rest is for
    administrators)."""
    current = load(station)
    current.language, current.font_scale = language, int(font_scale)
    return save(station, current)
