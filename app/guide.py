"""The service guide (办事指南) of a catalogue item or bundle, as data: one model for every guide.

:func:`guide_for` reads what a citizen needs to know from the active catalogue; :func:`facts`,
:func:`material_amount`, :func:`material_need` and :func:`material_remarks` say which facts a guide
states, in which order, under which title (a :class:`GuideField`, named in ``app/labels.py``) and
with which value (catalogue text, data, or codes named in ``app/labels.py``). The window's two
guides (``ui/guide.py``, ``ui/intake/guide_view.py``) and the printed guide (``printing/guide.py``)
render these same facts, each in its own layout; nothing here is a sentence.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import StrEnum
from typing import Any

from app.labels import has_label
from app.models import Bundle, Handling, Material, ServiceItem, Text
from app.services import catalogue
from app.station import Station

ITEM = "item"
BUNDLE = "bundle"


class GuideField(StrEnum):
    """The title of one fact of a guide (its name for people: ``app/labels.py``, "GuideField")."""

    code = "code"
    type = "type"
    handling = "handling"
    level = "level"
    description = "description"
    items = "items"
    applicants = "applicants"
    conditions = "conditions"
    time = "time"
    legal_time = "legal_time"
    promised_time = "promised_time"
    department = "department"
    where = "where"
    fee = "fee"
    result = "result"
    delivery = "delivery"
    scope = "scope"
    commitment = "commitment"
    phone = "phone"
    legal_basis = "legal_basis"
    notes = "notes"
    materials = "materials"


@dataclass(frozen=True)
class Name:
    """A code's name for people from ``app/labels.py`` (table ``kind``), with its {placeholders}."""

    kind: str
    code: str
    fmt: tuple[tuple[str, str], ...] = ()

    @property
    def args(self) -> dict[str, str]:
        return dict(self.fmt)


def name(kind: str, code: str, **fmt: object) -> Name:
    return Name(kind, code, tuple((k, str(v)) for k, v in fmt.items()))


# A part of a fact's value: catalogue text (Chinese, maybe Tibetan), data shown as it is, or a name.
Part = Text | str | Name


@dataclass(frozen=True)
class Fact:
    """One line of a guide: its title and its value, the parts joined by ``sep``."""

    field: GuideField
    parts: tuple[Part, ...]
    sep: str = ""


# -- the guide as data -----------------------------------------------------------------------
@dataclass(frozen=True)
class GuideMaterial:
    name: Text
    form: str  # paper, electronic, either
    originals: int
    copies: int
    required: bool
    deferrable: bool
    e_licence_type: str
    notes: str
    for_items: tuple[str, ...] = ()  # in a bundle: the items (Chinese names) that want it


@dataclass(frozen=True)
class ItemGuide:
    code: str
    name: Text
    type: str
    level: str
    instant: bool
    legal_days: int
    promised_days: int
    commitment_allowed: bool
    department: Text
    applicants: Text
    conditions: Text
    legal_basis: str
    fee_charged: bool
    fee_standard: str
    fee_basis: str
    result: Text
    delivery: tuple[str, ...]
    cross_region: str
    consult_phone: str
    notes: Text
    materials: tuple[GuideMaterial, ...]


@dataclass(frozen=True)
class Guide:
    kind: str  # ITEM or BUNDLE
    code: str
    version: str
    name: Text
    description: Text  # a bundle's description; empty for an item
    items: tuple[ItemGuide, ...]  # one for an item; the bundle's items
    materials: tuple[GuideMaterial, ...]  # for a bundle: its materials merged, each once
    station_name: str = ""

    @property
    def instant(self) -> bool:
        return all(i.instant for i in self.items)


def material(m: Material, for_items: tuple[str, ...] = ()) -> GuideMaterial:
    return GuideMaterial(name=m.name, form=m.form, originals=m.originals, copies=m.copies, required=m.required,
                         deferrable=m.deferrable, e_licence_type=m.e_licence_type or "", notes=m.notes,
                         for_items=for_items)


def _body_text(body: dict[str, Any], key: str) -> Text:
    value = body.get(key)
    if isinstance(value, dict):
        return Text.of({k: str(v) for k, v in value.items() if k in ("zh", "bo")})
    return Text(str(value or ""))


def item_guide(item: ServiceItem) -> ItemGuide:
    body = item.body
    fee = body.get("fee") or {}
    result = body.get("result") or {}
    return ItemGuide(
        code=item.code, name=item.name, type=item.type.value, level=item.level, instant=item.instant,
        legal_days=item.legal_days, promised_days=item.promised_days, commitment_allowed=item.commitment_allowed,
        department=item.department, applicants=_body_text(body.get("applicants") or {}, "description"),
        conditions=_body_text(body, "conditions"), legal_basis=str(body.get("legal_basis") or ""),
        fee_charged=bool(fee.get("charged")), fee_standard=str(fee.get("standard") or ""),
        fee_basis=str(fee.get("basis") or ""), result=_body_text(result, "name"),
        delivery=tuple(str(d) for d in body.get("delivery") or ("counter",)),
        cross_region=str(body.get("cross_region") or "none"), consult_phone=str(body.get("consult_phone") or ""),
        notes=_body_text(body, "notes"), materials=tuple(material(m) for m in item.materials),
    )


def bundle_guide(station: Station, bundle: Bundle) -> Guide:
    items = [catalogue.get_item(station, code, bundle.version) for code in bundle.item_codes]
    names = {i.code: i.name.zh for i in items}
    materials = tuple(material(m, tuple(names.get(c, c) for c in codes))
                      for m, codes in catalogue.bundle_materials(station, bundle))
    return Guide(kind=BUNDLE, code=bundle.code, version=bundle.version, name=bundle.name,
                 description=_body_text(bundle.body, "description"), items=tuple(item_guide(i) for i in items),
                 materials=materials)


def guide_for(station: Station, kind: str, code: str) -> Guide:
    """The guide of an item or bundle of the active catalogue (raises ItemNotFound)."""
    if kind == BUNDLE:
        guide = bundle_guide(station, catalogue.get_bundle(station, code))
    else:
        item = catalogue.get_item(station, code)
        one = item_guide(item)
        guide = Guide(kind=ITEM, code=item.code, version=item.version, name=item.name, description=Text(""),
                      items=(one,), materials=one.materials)
    return replace(guide, station_name=station.station_name)


# -- the facts of a guide, in order ----------------------------------------------------------
def _coded(kind: str, code: str) -> Part:
    """A catalogue code named in the table, or the code itself when the table does not know it."""
    return name(kind, code) if has_label(code, kind) else code


def time_facts(i: ItemGuide) -> list[Fact]:
    """An instant item's time limit, or the legal and the promised one."""
    if i.instant:
        return [Fact(GuideField.time, (name("GuideValue", "instant"),))]
    return [Fact(GuideField.legal_time, (name("GuideValue", "days", n=i.legal_days),)),
            Fact(GuideField.promised_time, (name("GuideValue", "days", n=i.promised_days),))]


def facts(i: ItemGuide, where: str = "") -> list[Fact]:
    """What a guide says of one item, in the order every guide says it (``where``: the station)."""
    out = [Fact(GuideField.type, (_coded("ItemType", i.type),)),
           Fact(GuideField.handling, (name("Handling", (Handling.instant if i.instant else Handling.promised).value),))]
    if has_label(i.level, "ItemLevel"):
        out.append(Fact(GuideField.level, (name("ItemLevel", i.level),)))
    if i.applicants.zh:
        out.append(Fact(GuideField.applicants, (i.applicants,)))
    if i.conditions.zh:
        out.append(Fact(GuideField.conditions, (i.conditions,)))
    out += time_facts(i)
    out.append(Fact(GuideField.department, (i.department,)))
    if where:
        out.append(Fact(GuideField.where, (where,)))
    if not i.fee_charged:
        out.append(Fact(GuideField.fee, (name("GuideValue", "free"),)))
    else:
        fee: tuple[Part, ...] = (i.fee_standard,)
        if i.fee_basis:
            fee += (name("GuideValue", "fee_basis", basis=i.fee_basis),)
        out.append(Fact(GuideField.fee, fee))
    if i.result.zh:
        out.append(Fact(GuideField.result, (i.result,)))
    out.append(Fact(GuideField.delivery, tuple(_coded("DeliveryMethod", d) for d in i.delivery), "、"))
    if has_label(i.cross_region, "CrossRegion"):
        out.append(Fact(GuideField.scope, (name("CrossRegion", i.cross_region),)))
    if i.commitment_allowed:
        out.append(Fact(GuideField.commitment, (name("GuideValue", "commitment_allowed"),)))
    if i.consult_phone:
        out.append(Fact(GuideField.phone, (i.consult_phone,)))
    if i.legal_basis:
        out.append(Fact(GuideField.legal_basis, (i.legal_basis,)))
    if i.notes.zh:
        out.append(Fact(GuideField.notes, (i.notes,)))
    return out


def material_amount(m: GuideMaterial) -> list[Name]:
    """How many originals and copies (or: an electronic material)."""
    out = []
    if m.originals:
        out.append(name("GuideMaterial", "originals", n=m.originals))
    if m.copies:
        out.append(name("GuideMaterial", "copies", n=m.copies))
    if not out and m.form == "electronic":
        out.append(name("GuideMaterial", "electronic"))
    return out


def material_need(m: GuideMaterial) -> list[Name]:
    """Whether it must be brought, and whether it may come later (容缺)."""
    out = [name("GuideMaterial", "required" if m.required else "optional")]
    if m.deferrable:
        out.append(name("GuideMaterial", "deferrable"))
    return out


def material_remarks(m: GuideMaterial) -> list[Part]:
    """Its notes, the electronic licence that may stand for it, the items of a bundle that want it."""
    out: list[Part] = [m.notes] if m.notes else []
    if m.e_licence_type:
        out.append(name("GuideMaterial", "e_licence", name=m.e_licence_type))
    if m.for_items:
        out.append(name("GuideMaterial", "for_items", names="、".join(m.for_items)))
    return out
