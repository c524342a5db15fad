"""The service guide (办事指南) of a catalogue item or bundle, as data and as a printed PDF.

:func:`guide_for` reads what a citizen needs to know from the active catalogue (on the worker
thread); :func:`render` prints it with the bundled fonts (Tibetan shaped, every font embedded).
Nothing personal is in a guide and nothing is written to disk here.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace
from typing import Any

from reportlab.lib.styles import ParagraphStyle

from app.models import Bundle, Material, ServiceItem, Text
from app.services import catalogue
from app.station import Station
from printing.labels import LABELS as DOC_LABELS
from printing.labels import label as doc_label
from printing.layout import Paper, Sheet

log = logging.getLogger(__name__)

ITEM = "item"
BUNDLE = "bundle"

# Words of the guide that the other documents do not use: (Chinese, Tibetan). The Tibetan is a
# careful first version to be reviewed by the regional office, like printing/labels.py.
LABELS: dict[str, tuple[str, str]] = {
    "guide": ("办事指南", "ལས་དོན་སྒྲུབ་ཐབས་ཀྱི་ལམ་སྟོན།"),
    "bundle_guide": ("“一件事”办事指南", "“ལས་དོན་གཅིག”སྒྲུབ་ཐབས་ཀྱི་ལམ་སྟོན།"),
    "code": ("事项编码", "ལས་དོན་ཨང་རྟགས།"),
    "type": ("事项类型", "ལས་དོན་གྱི་རིགས།"),
    "department": ("办理部门", "ལས་སྒྲུབ་ལས་ཁུངས།"),
    "where": ("受理地点", "ཞུ་ཡིག་ལེན་ས།"),
    "level": ("办理层级", "ལས་སྒྲུབ་རིམ་པ།"),
    "applicants": ("申请对象", "ཞུ་ཆོག་པའི་མི་སྣ།"),
    "conditions": ("办理条件", "ལས་སྒྲུབ་ཆ་རྐྱེན།"),
    "legal_basis": ("设定依据", "ཁྲིམས་ཀྱི་གཞི་རྩ།"),
    "time": ("办理时限", "ལས་སྒྲུབ་དུས་ཚད།"),
    "fee": ("收费", "འཐུས་འབབ།"),
    "free": ("不收费", "འཐུས་མི་དགོས།"),
    "result": ("办理结果", "ལས་སྒྲུབ་གྲུབ་འབྲས།"),
    "delivery": ("结果送达", "གྲུབ་འབྲས་སྤྲོད་ཐབས།"),
    "scope": ("通办范围", "ས་ཁུལ་བརྒལ་ནས་སྒྲུབ་ཆོག་པའི་ཁྱབ་ཁོངས།"),
    "commitment": ("告知承诺", "བརྡ་ཁྱབ་ཁས་ལེན།"),
    "commitment.yes": ("可以告知承诺方式办理", "བརྡ་ཁྱབ་ཁས་ལེན་གྱི་ཐབས་ལམ་ནས་སྒྲུབ་ཆོག"),
    "commitment.no": ("不适用", "མི་འཚམ།"),
    "phone": ("咨询电话", "འདྲི་རྩད་ཁ་པར།"),
    "notes": ("说明", "གསལ་བཤད།"),
    "description": ("简介", "ངོ་སྤྲོད།"),
    "items": ("包含的事项", "ཚུད་པའི་ལས་དོན།"),
    "materials": ("申请材料", "ཞུ་ཡིག་གི་ཡིག་ཆ།"),
    "no": ("序号", "ཨང་།"),
    "material": ("材料名称", "ཡིག་ཆའི་མིང་།"),
    "amount": ("原件/复印件", "མ་ཡིག/འདྲ་བཤུས།"),
    "need": ("要求", "བླང་བྱ།"),
    "remark": ("备注", "མཆན།"),
    "required": ("必须提供", "ངེས་པར་དུ་སྤྲོད་དགོས།"),
    "optional": ("视情况提供", "གནས་ཚུལ་ལ་གཞིགས་ནས་སྤྲོད།"),
    "deferrable": ("可容缺后补", "རྗེས་སྤྲོད་ཆོག"),
    "originals": ("原件{n}份", "མ་ཡིག་ {n}"),
    "copies": ("复印件{n}份", "འདྲ་བཤུས་ {n}"),
    "electronic": ("电子材料", "གློག་རྡུལ་ཡིག་ཆ།"),
    "e_licence": ("可用电子证照：{name}", "གློག་རྡུལ་ལག་ཁྱེར་བེད་སྤྱོད་ཆོག：{name}"),
    "for_items": ("用于：{names}", "སྤྱོད་ཡུལ：{names}"),
    "instant_time": ("即办件，材料齐全当场办结", "འཕྲལ་སྒྲུབ། ཡིག་ཆ་ཚང་ན་ས་ཐོག་ཏུ་མཇུག་སྒྲིལ།"),
    "promised_time": ("法定{legal}个工作日，承诺{promised}个工作日办结",
                      "ཁྲིམས་ལྡན་ལས་ཉིན་ {legal}，ཁས་ལེན་ལས་ཉིན་ {promised} ནང་མཇུག་སྒྲིལ།"),
    "footer": ("请带齐以上材料办理，材料不齐的，窗口将一次性告知需要补正的全部内容。",
               "གོང་གི་ཡིག་ཆ་ཚང་མ་ཁྱེར་ནས་ཞུ་རོགས། ཡིག་ཆ་མ་ཚང་ན་ཁ་སྐོང་དགོས་པ་ཚང་མ་ཐེངས་གཅིག་ལ་བརྡ་ཁྱབ་བྱེད།"),
    "version": ("事项清单版本 {version}", "ལས་དོན་ཐོ་གཞུང་པར་གཞི་ {version}"),
    "type.licensing": ("行政许可", "སྲིད་འཛིན་ཆོག་མཆན།"),
    "type.confirmation": ("行政确认", "སྲིད་འཛིན་ཁག་ཐེག"),
    "type.payment": ("行政给付", "སྲིད་འཛིན་སྤྲོད་ལེན།"),
    "type.reward": ("行政奖励", "སྲིད་འཛིན་བྱ་དགའ།"),
    "type.ruling": ("行政裁决", "སྲིད་འཛིན་ཐག་གཅོད།"),
    "type.other_power": ("其他行政权力", "སྲིད་འཛིན་དབང་ཆ་གཞན།"),
    "type.public_service": ("公共服务", "སྤྱི་པའི་ཞབས་ཞུ།"),
    "level.village": ("村（居）级", "གྲོང་ཚོའི་རིམ་པ།"),
    "level.township": ("乡（镇）级", "ཤང་གྲོང་རྡལ་གྱི་རིམ་པ།"),
    "level.county": ("县级", "རྫོང་གི་རིམ་པ།"),
    "scope.none": ("本地办理", "ས་གནས་འདིར་སྒྲུབ།"),
    "scope.county": ("县内通办", "རྫོང་ནང་གང་སར་སྒྲུབ་ཆོག"),
    "scope.region": ("全区通办", "ལྗོངས་ཡོངས་སུ་སྒྲུབ་ཆོག"),
    "scope.national": ("跨省通办", "ཞིང་ཆེན་བརྒལ་ནས་སྒྲུབ་ཆོག"),
}


def word(key: str, lang: str, **fmt: object) -> str:
    """Chinese, or Tibetan then Chinese when the station prints bilingual documents."""
    zh, bo = LABELS[key]
    zh, bo = zh.format(**fmt), bo.format(**fmt)
    return zh if lang == "zh" else f"{bo} {zh}"


def _text(t: Text, lang: str) -> str:
    if lang == "bo" and t.bo and t.bo != t.zh:
        return f"{t.bo}\n{t.zh}"
    return t.zh


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


def _material(m: Material, for_items: tuple[str, ...] = ()) -> GuideMaterial:
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
        notes=_body_text(body, "notes"), materials=tuple(_material(m) for m in item.materials),
    )


def bundle_guide(station: Station, bundle: Bundle) -> Guide:
    items = [catalogue.get_item(station, code, bundle.version) for code in bundle.item_codes]
    names = {i.code: i.name.zh for i in items}
    materials = tuple(_material(m, tuple(names.get(c, c) for c in codes))
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


# -- the printed guide -----------------------------------------------------------------------
def _time(i: ItemGuide, lang: str) -> str:
    if i.instant:
        return word("instant_time", lang)
    return word("promised_time", lang, legal=i.legal_days, promised=i.promised_days)


def _fee(i: ItemGuide, lang: str) -> str:
    if not i.fee_charged:
        return word("free", lang)
    return i.fee_standard + (f"（{i.fee_basis}）" if i.fee_basis else "")


def _amount(m: GuideMaterial, lang: str) -> str:
    parts = []
    if m.originals:
        parts.append(word("originals", lang, n=m.originals))
    if m.copies:
        parts.append(word("copies", lang, n=m.copies))
    if not parts and m.form == "electronic":
        parts.append(word("electronic", lang))
    return "，".join(parts) or "—"


def _need(m: GuideMaterial, lang: str) -> str:
    need = word("required" if m.required else "optional", lang)
    if m.deferrable:
        need += "；" + word("deferrable", lang)
    return need


def _remark(m: GuideMaterial, lang: str) -> str:
    parts = [m.notes] if m.notes else []
    if m.e_licence_type:
        parts.append(word("e_licence", lang, name=m.e_licence_type))
    if m.for_items:
        parts.append(word("for_items", lang, names="、".join(m.for_items)))
    return "；".join(parts)


def _item_rows(i: ItemGuide, lang: str, station_name: str) -> list[tuple[str, str]]:
    delivery = "、".join(doc_label(f"delivery.{d}", lang) if f"delivery.{d}" in DOC_LABELS else d for d in i.delivery)
    rows = [
        (word("code", lang), i.code),
        (word("type", lang), word(f"type.{i.type}", lang) if f"type.{i.type}" in LABELS else i.type),
        (word("department", lang), _text(i.department, lang)),
    ]
    if station_name:
        rows.append((word("where", lang), station_name))
    if f"level.{i.level}" in LABELS:
        rows.append((word("level", lang), word(f"level.{i.level}", lang)))
    rows += [
        (word("applicants", lang), _text(i.applicants, lang)),
        (word("conditions", lang), _text(i.conditions, lang)),
        (word("time", lang), _time(i, lang)),
        (word("fee", lang), _fee(i, lang)),
        (word("result", lang), _text(i.result, lang)),
        (word("delivery", lang), delivery),
    ]
    if f"scope.{i.cross_region}" in LABELS:
        rows.append((word("scope", lang), word(f"scope.{i.cross_region}", lang)))
    rows.append((word("commitment", lang), word("commitment.yes" if i.commitment_allowed else "commitment.no", lang)))
    if i.legal_basis:
        rows.append((word("legal_basis", lang), i.legal_basis))
    if i.consult_phone:
        rows.append((word("phone", lang), i.consult_phone))
    if i.notes.zh:
        rows.append((word("notes", lang), _text(i.notes, lang)))
    return rows


def _materials(sheet: Sheet, materials: tuple[GuideMaterial, ...], lang: str) -> None:
    sheet.para(word("materials", lang))
    rows = [[str(n), _text(m.name, lang), _amount(m, lang), _need(m, lang), _remark(m, lang)]
            for n, m in enumerate(materials, 1)]
    sheet.grid([word("no", lang), word("material", lang), word("amount", lang), word("need", lang),
                word("remark", lang)], rows, [0.07, 0.27, 0.18, 0.16, 0.32])


def render(guide: Guide, paper: Paper = Paper.a4, lang: str = "zh") -> bytes:
    """The guide as PDF bytes (never written to disk here)."""
    sheet = Sheet(paper)
    if guide.station_name:
        sheet.para(guide.station_name, small=True)
    sheet.title(word("bundle_guide" if guide.kind == BUNDLE else "guide", lang))
    sheet.title(guide.name.zh)
    if guide.name.bo:
        size = sheet.spec.size * 1.2
        centred = ParagraphStyle("guide-bo", parent=sheet.body, fontSize=size, leading=size * 1.6, alignment=1)
        sheet.flow.append(sheet.p(guide.name.bo, centred))
    sheet.space(0.5)
    if guide.kind == BUNDLE:
        rows = [(word("code", lang), guide.code)]
        if guide.description.zh:
            rows.append((word("description", lang), _text(guide.description, lang)))
        if guide.station_name:
            rows.append((word("where", lang), guide.station_name))
        rows.append((word("items", lang), "\n".join(f"{i.name.zh}（{_time(i, lang)}）" for i in guide.items)))
        sheet.fields(rows)
        sheet.space(0.5)
        _materials(sheet, guide.materials, lang)
        for i in guide.items:
            sheet.new_page()
            sheet.title(i.name.zh)
            sheet.fields(_item_rows(i, lang, ""))
    else:
        item = guide.items[0]
        sheet.fields(_item_rows(item, lang, guide.station_name))
        sheet.space(0.5)
        _materials(sheet, guide.materials, lang)
    sheet.space(0.5)
    sheet.para(word("footer", lang))
    sheet.para(word("version", lang, version=guide.version), small=True)
    return sheet.render(title=f"{LABELS['guide'][0]} {guide.name.zh}", subject="guide")
