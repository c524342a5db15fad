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
NO_TEXT = Text("")


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
class Channel:
    """A way to complain or report (监督投诉方式): its name and where to reach it."""

    channel: Text
    contact: str


@dataclass(frozen=True)
class SampleForm:
    """A filled-in sample form (样表, 示范文本) the counter keeps: its name and a note; no file."""

    name: Text
    note: Text


@dataclass(frozen=True)
class Commitment:
    """An item's 告知承诺: what the applicant commits to, the liability for a false or broken
    commitment, and the check after approval (核查; ``check_days`` working days, 0: not said)."""

    content: Text
    liability: Text
    check: Text
    check_days: int = 0


@dataclass(frozen=True)
class Entrusted:
    """A station entrusted to take the item in (委托受理): its 12-digit code and name."""

    code: str
    name: Text


# The regional 12345 hotline (政务服务便民热线, "一号归集"): every guide names it, whether or not the
# catalogue lists it among an item's channels.
HOTLINE = Channel(Text("12345政务服务便民热线", "12345 སྲིད་དོན་ཞབས་ཞུ་མང་ཕན་ཁ་པར་ཐད་ཀར།"), "12345")


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
    # The elements of issue 16 point 15, all optional in the catalogue (empty when not given).
    steps: tuple[Text, ...] = ()  # 办理流程
    visits: int | None = None  # 到现场次数
    appointment: bool | None = None  # 是否支持预约 (None: not said)
    appointment_how: Text = NO_TEXT
    place: Text = NO_TEXT  # 办理地点 (at the station)
    hours: Text = NO_TEXT  # 办理时间
    supervision: tuple[Channel, ...] = ()  # 监督投诉方式 as the catalogue lists them
    sample_forms: tuple[SampleForm, ...] = ()  # 样表
    mistakes: tuple[Text, ...] = ()  # 常见错误
    commitment: Commitment | None = None  # 告知承诺 terms (only on an item that allows it)
    entrusted: tuple[Entrusted, ...] = ()  # 委托受理 stations


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


def _texts(value: Any) -> tuple[Text, ...]:
    return tuple(_body_text({"t": v}, "t") for v in value or () if v)


def commitment_terms(body: dict[str, Any]) -> Commitment | None:
    """The 告知承诺 terms of an item's catalogue body; None when the catalogue gives none."""
    terms = body.get("commitment")
    if not isinstance(terms, dict):
        return None
    return Commitment(content=_body_text(terms, "content"), liability=_body_text(terms, "liability"),
                      check=_body_text(terms, "check"), check_days=int(terms.get("check_days") or 0))


def item_guide(item: ServiceItem) -> ItemGuide:
    body = item.body
    appointment = body.get("appointment") or {}
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
        steps=_texts(body.get("steps")), visits=body.get("visits"),
        appointment=appointment.get("supported"), appointment_how=_body_text(appointment, "how"),
        place=_body_text(body, "place"),
        hours=_body_text(body, "hours"),
        supervision=tuple(Channel(_body_text(c, "channel"), str(c.get("contact", "")))
                          for c in body.get("supervision") or ()),
        sample_forms=tuple(SampleForm(_body_text(f, "name"), _body_text(f, "note"))
                           for f in body.get("sample_forms") or ()),
        mistakes=_texts(body.get("mistakes")),
        commitment=commitment_terms(body) if item.commitment_allowed else None,
        entrusted=tuple(Entrusted(str(e.get("code", "")), _body_text(e, "name")) for e in body.get("entrusted") or ()),
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
    if where and i.place.zh:
        out.append(Fact(GuideField.where, (where, i.place), "　"))
    elif where or i.place.zh:
        out.append(Fact(GuideField.where, (where or i.place,)))
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


# -- the further elements of a guide (issue 16 point 15) ---------------------------------------
class GuideElement(StrEnum):
    """The title of one further element of a guide, a list of lines. Each renderer names it in its
    own words (the printed sheet: ``printing/guide.py``, the window: ``ui/intake/guide_view.py``)."""

    steps = "steps"  # 办理流程
    visits = "visits"  # 到现场次数
    appointment = "appointment"  # 预约办理
    hours = "hours"  # 办理时间
    commitment_content = "commitment_content"  # 承诺内容
    commitment_liability = "commitment_liability"  # 违诺责任
    commitment_check = "commitment_check"  # 核查方式
    entrusted = "entrusted"  # 委托受理
    sample_forms = "sample_forms"  # 样表
    mistakes = "mistakes"  # 常见错误
    supervision = "supervision"  # 监督投诉


@dataclass(frozen=True)
class Word:
    """A value that is a word of the guide, not catalogue text (``key`` with its {placeholders});
    each renderer has the words: ``visits`` {n}, ``no_visit``, ``appointment``, ``no_appointment``,
    ``check_days`` {n}."""

    key: str
    n: int = 0


# A line of an element: its parts joined (catalogue text, data, or a word).
Line = tuple[Text | str | Word, ...]


@dataclass(frozen=True)
class Element:
    field: GuideElement
    lines: tuple[Line, ...]
    numbered: bool = False  # the lines are steps in order


def supervision(i: ItemGuide) -> tuple[Channel, ...]:
    """The item's channels, and the 12345 hotline when the catalogue does not name it."""
    if any(HOTLINE.contact in c.contact for c in i.supervision):
        return i.supervision
    return (*i.supervision, HOTLINE)


def elements(i: ItemGuide) -> list[Element]:
    """The further elements a guide states of one item, in order; the 12345 hotline always."""
    out: list[Element] = []
    if i.steps:
        out.append(Element(GuideElement.steps, tuple((s,) for s in i.steps), numbered=True))
    if i.visits is not None:
        out.append(Element(GuideElement.visits, ((Word("visits", i.visits) if i.visits else Word("no_visit"),),)))
    if i.appointment is not None:
        line: Line = (Word("appointment" if i.appointment else "no_appointment"),)
        if i.appointment and i.appointment_how.zh:
            line += (i.appointment_how,)
        out.append(Element(GuideElement.appointment, (line,)))
    if i.hours.zh:
        out.append(Element(GuideElement.hours, ((i.hours,),)))
    if i.commitment is not None:
        c = i.commitment
        out.append(Element(GuideElement.commitment_content, ((c.content,),)))
        out.append(Element(GuideElement.commitment_liability, ((c.liability,),)))
        check: Line = (c.check,) + ((Word("check_days", c.check_days),) if c.check_days else ())
        out.append(Element(GuideElement.commitment_check, (check,)))
    if i.entrusted:
        out.append(Element(GuideElement.entrusted, tuple((e.name, e.code) for e in i.entrusted)))
    if i.sample_forms:
        out.append(Element(GuideElement.sample_forms,
                           tuple((f.name, f.note) if f.note.zh else (f.name,) for f in i.sample_forms)))
    if i.mistakes:
        out.append(Element(GuideElement.mistakes, tuple((m,) for m in i.mistakes)))
    out.append(Element(GuideElement.supervision, tuple((c.channel, c.contact) for c in supervision(i))))
    return out
