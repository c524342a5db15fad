"""The service guide (办事指南) of a catalogue item or bundle, printed as a PDF.

The guide itself is ``app/guide.py`` (read from the active catalogue on the worker thread; its facts
in the order and under the titles every guide uses); :func:`render` prints it with the bundled fonts
(Tibetan shaped, every font embedded). The names of codes and titles come from ``app/labels.py``
with the window's Tibetan; only the printed sheet's own words are here. Nothing personal is in a
guide and nothing is written to disk here.
"""

from __future__ import annotations

import logging

from reportlab.lib.styles import ParagraphStyle

from app.guide import (
    BUNDLE,
    ITEM,
    Element,
    Fact,
    Guide,
    GuideField,
    GuideMaterial,
    ItemGuide,
    Name,
    Part,
    Word,
    bundle_guide,
    elements,
    facts,
    guide_for,
    item_guide,
    material_amount,
    material_need,
    material_remarks,
    time_facts,
)
from app.models import Text
from printing.labels import bilingual, code_label
from printing.layout import Paper, Sheet

log = logging.getLogger(__name__)

# The guide's model lives in app/guide.py; these names are kept here for the callers of before.
__all__ = ["BUNDLE", "ITEM", "Guide", "GuideMaterial", "ItemGuide", "bundle_guide", "guide_for", "item_guide",
           "render", "word"]

# The printed sheet's own words: (Chinese, Tibetan). The Tibetan is a careful first version to be
# reviewed by the regional office, like printing/labels.py.
LABELS: dict[str, tuple[str, str]] = {
    "guide": ("办事指南", "ལས་དོན་སྒྲུབ་ཐབས་ཀྱི་ལམ་སྟོན།"),
    "bundle_guide": ("“一件事”办事指南", "“ལས་དོན་གཅིག”སྒྲུབ་ཐབས་ཀྱི་ལམ་སྟོན།"),
    "no": ("序号", "ཨང་།"),
    "material": ("材料名称", "ཡིག་ཆའི་མིང་།"),
    "amount": ("原件/复印件", "མ་ཡིག/འདྲ་བཤུས།"),
    "need": ("要求", "བླང་བྱ།"),
    "remark": ("备注", "མཆན།"),
    "footer": ("请带齐以上材料办理，材料不齐的，窗口将一次性告知需要补正的全部内容。",
               "གོང་གི་ཡིག་ཆ་ཚང་མ་ཁྱེར་ནས་ཞུ་རོགས། ཡིག་ཆ་མ་ཚང་ན་ཁ་སྐོང་དགོས་པ་ཚང་མ་ཐེངས་གཅིག་ལ་བརྡ་ཁྱབ་བྱེད།"),
    "version": ("事项清单版本 {version}", "ལས་དོན་ཐོ་གཞུང་པར་གཞི་ {version}"),
    # the titles of the further elements (app.guide.GuideElement)
    "steps": ("办理流程", "ལས་སྒྲུབ་བྱ་རིམ།"),
    "visits": ("到现场次数", "ས་ཐོག་ཏུ་ཡོང་དགོས་པའི་ཐེངས་གྲངས།"),
    "appointment": ("预约办理", "སྔོན་འགོག་ལས་སྒྲུབ།"),
    "hours": ("办理时间", "ལས་སྒྲུབ་དུས་ཚོད།"),
    "commitment_content": ("承诺内容", "ཁས་ལེན་གྱི་ནང་དོན།"),
    "commitment_liability": ("违诺责任", "ཁས་ལེན་ལས་འགལ་བའི་འགན།"),
    "commitment_check": ("核查方式", "ཞིབ་བཤེར་བྱེད་ཐབས།"),
    "entrusted": ("委托受理站点", "བཅོལ་འཇུག་ཐོག་ལེན་པའི་ས་ཚིགས།"),
    "sample_forms": ("样表", "དཔེ་ཤོག"),
    "mistakes": ("常见错误", "རྒྱུན་མཐོང་ནོར་འཁྲུལ།"),
    "supervision": ("监督投诉", "ལྟ་སྐུལ་དང་སྐྱོན་བརྗོད།"),
    # the words of their values (app.guide.Word)
    "w_visits": ("{n} 次", "ཐེངས་ {n}"),
    "w_no_visit": ("不用到现场（全程网上办理）", "ས་ཐོག་ཏུ་ཡོང་མི་དགོས། (དྲ་ཐོག་ནས་ཆ་ཚང་སྒྲུབ་ཆོག)"),
    "w_appointment": ("可以预约", "སྔོན་འགོག་བྱེད་ཆོག"),
    "w_no_appointment": ("无需预约，直接到窗口办理", "སྔོན་འགོག་མི་དགོས། སྒེའུ་ཁུང་དུ་ཐད་ཀར་ཡོང་ནས་སྒྲུབ་ཆོག"),
    "w_check_days": ("批准后 {n} 个工作日内核查", "ཆོག་མཆན་ཐོབ་རྗེས་ལས་ཉིན་ {n} ནང་ཞིབ་བཤེར་བྱེད།"),
}


def word(key: str, lang: str, **fmt: object) -> str:
    """Chinese, or Tibetan then Chinese when the station prints bilingual documents."""
    zh, bo = LABELS[key]
    return bilingual(zh.format(**fmt), bo.format(**fmt), lang)


def _text(t: Text, lang: str) -> str:
    if lang == "bo" and t.bo and t.bo != t.zh:
        return f"{t.bo}\n{t.zh}"
    return t.zh


def _title(field: GuideField, lang: str) -> str:
    return code_label(field, "GuideField", lang)


def _part(part: Part, lang: str) -> str:
    if isinstance(part, Name):
        return code_label(part.code, part.kind, lang, **part.args)
    if isinstance(part, Text):
        return _text(part, lang)
    return part


def _value(fact: Fact, lang: str) -> str:
    return fact.sep.join(_part(p, lang) for p in fact.parts)


def _time(i: ItemGuide, lang: str) -> str:
    timed = time_facts(i)
    if len(timed) == 1:
        return _value(timed[0], lang)
    return "，".join(f"{_title(f.field, lang)} {_value(f, lang)}" for f in timed)


def _element(e: Element, lang: str) -> str:
    """An element's lines, one a line (steps numbered); a word in the sheet's words."""
    lines = []
    sep = "\n" if lang == "bo" else "　"  # a bilingual part is already two lines
    for n, line in enumerate(e.lines, 1):
        text = sep.join(word(f"w_{p.key}", lang, n=p.n) if isinstance(p, Word) else _part(p, lang) for p in line)
        lines.append(f"{n}. {text}" if e.numbered else text)
    return "\n".join(lines)


def _item_rows(i: ItemGuide, lang: str, station_name: str) -> list[tuple[str, str]]:
    return ([(_title(GuideField.code, lang), i.code)]
            + [(_title(f.field, lang), _value(f, lang)) for f in facts(i, station_name)]
            + [(word(e.field.value, lang), _element(e, lang)) for e in elements(i)])


def _materials(sheet: Sheet, materials: tuple[GuideMaterial, ...], lang: str) -> None:
    sheet.para(_title(GuideField.materials, lang))
    rows = [[str(n), _text(m.name, lang),
             "，".join(_part(p, lang) for p in material_amount(m)) or "—",
             "；".join(_part(p, lang) for p in material_need(m)),
             "；".join(_part(p, lang) for p in material_remarks(m))]
            for n, m in enumerate(materials, 1)]
    sheet.grid([word("no", lang), word("material", lang), word("amount", lang), word("need", lang),
                word("remark", lang)], rows, [0.07, 0.27, 0.18, 0.16, 0.32])


# -- the printed guide -----------------------------------------------------------------------
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
        rows = [(_title(GuideField.code, lang), guide.code)]
        if guide.description.zh:
            rows.append((_title(GuideField.description, lang), _text(guide.description, lang)))
        if guide.station_name:
            rows.append((_title(GuideField.where, lang), guide.station_name))
        items = "\n".join(f"{i.name.zh}（{_time(i, lang)}）" for i in guide.items)
        rows.append((_title(GuideField.items, lang), items))
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
