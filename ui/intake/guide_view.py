"""The guide of a chosen item or bundle, for the clerk to read to the citizen (办事指南).

The facts, their order, titles and words are the one guide model (``app/guide.py``, names from
``app/labels.py``); the functions here turn them into HTML for both on-screen guides (this view at
the intake and the consulting window's ``ui/guide.py``), each in its own layout.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QTextBrowser, QWidget

from app.guide import (
    Element,
    Fact,
    GuideElement,
    GuideField,
    GuideMaterial,
    Name,
    Part,
    Word,
    elements,
    facts,
    item_guide,
    material,
    material_amount,
    material_need,
    material_remarks,
)
from app.models import ServiceItem, Text
from ui.i18n import Retranslating
from ui.intake.draft import Chosen
from ui.labels import label


# -- the guide's facts as HTML, for both on-screen guides ------------------------------------
def text_html(t: Text, tibetan: bool = True) -> str:
    """A catalogue text, Chinese with the Tibetan beneath (when asked for and different)."""
    out = escape(t.zh)
    if tibetan and t.bo and t.bo != t.zh:
        out += f"<br/><span>{escape(t.bo)}</span>"
    return out


def part_html(part: Part, tibetan: bool = True) -> str:
    if isinstance(part, Name):
        return escape(label(part.code, part.kind, **part.args))
    if isinstance(part, Text):
        return text_html(part, tibetan)
    return escape(part)


def title(field: GuideField) -> str:
    return escape(label(field, "GuideField"))


def value_html(fact: Fact, tibetan: bool = True) -> str:
    return escape(fact.sep).join(part_html(p, tibetan) for p in fact.parts)


# The words of the further elements (app.guide.GuideElement, app.guide.Word), in the context "GuideView".
def element_title(field: GuideElement) -> str:
    titles = {
        GuideElement.steps: QCoreApplication.translate("GuideView", "办理流程"),
        GuideElement.visits: QCoreApplication.translate("GuideView", "到现场次数"),
        GuideElement.appointment: QCoreApplication.translate("GuideView", "预约办理"),
        GuideElement.hours: QCoreApplication.translate("GuideView", "办理时间"),
        GuideElement.commitment_content: QCoreApplication.translate("GuideView", "承诺内容"),
        GuideElement.commitment_liability: QCoreApplication.translate("GuideView", "违诺责任"),
        GuideElement.commitment_check: QCoreApplication.translate("GuideView", "核查方式"),
        GuideElement.entrusted: QCoreApplication.translate("GuideView", "委托受理站点"),
        GuideElement.sample_forms: QCoreApplication.translate("GuideView", "样表"),
        GuideElement.mistakes: QCoreApplication.translate("GuideView", "常见错误"),
        GuideElement.supervision: QCoreApplication.translate("GuideView", "监督投诉"),
    }
    return escape(titles[field])


def word_text(w: Word) -> str:
    if w.key == "visits":
        return QCoreApplication.translate("GuideView", "{n} 次").format(n=w.n)
    if w.key == "no_visit":
        return QCoreApplication.translate("GuideView", "不用到现场（全程网上办理）")
    if w.key == "appointment":
        return QCoreApplication.translate("GuideView", "可以预约")
    if w.key == "no_appointment":
        return QCoreApplication.translate("GuideView", "无需预约，直接到窗口办理")
    return QCoreApplication.translate("GuideView", "批准后 {n} 个工作日内核查").format(n=w.n)


def element_html(e: Element, tibetan: bool = True) -> str:
    """An element's lines as HTML: one line each (steps numbered), a word in the window's language."""
    lines = ["　".join(escape(word_text(p)) if isinstance(p, Word) else part_html(p, tibetan) for p in line)
             for line in e.lines]
    if e.numbered:
        return "<br/>".join(f"{n}. {line}" for n, line in enumerate(lines, 1))
    return "<br/>".join(lines)


def material_html(m: GuideMaterial, tibetan: bool = True) -> str:
    """How many, the marks and the remarks of one material, in one line after its name."""
    amount = "，".join(part_html(p) for p in material_amount(m))
    marks = "、".join(part_html(p) for p in material_need(m))
    remarks = "；".join(part_html(p, tibetan) for p in material_remarks(m))
    return (f"{amount} " if amount else "") + f"[{marks}]" + (f"<br/>{remarks}" if remarks else "")


class GuideView(Retranslating, QTextBrowser):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.chosen: Chosen | None = None
        self.retranslate()

    def retranslate(self) -> None:
        self.setPlaceholderText(self.tr("选择事项后，这里显示办事指南：申请条件、所需材料、办理时限和办理部门。"))
        self.show_chosen(self.chosen)

    def show_chosen(self, chosen: Chosen | None) -> None:
        self.chosen = chosen
        if chosen is None:
            self.clear()
            return
        parts = [f"<h3>{text_html(chosen.name)}</h3>"]
        if chosen.bundle is not None:
            parts.append(f"<p>{escape(self.tr('一件事一次办'))} · {escape(chosen.code)}</p>")
            description = chosen.bundle.body.get("description")
            if isinstance(description, dict):
                parts.append(f"<p>{text_html(Text.of(description))}</p>")
            elif description:
                parts.append(f"<p>{escape(str(description))}</p>")
            for item in chosen.items:
                parts.append(f"<h4>{escape(item.code)} {text_html(item.name)}</h4>")
                parts.append(self._item_facts(item))
            parts.append(f"<h4>{escape(self.tr('所需材料（一套）'))}</h4>")
            names = {i.code: i.name.zh for i in chosen.items}
            parts.append(self._materials([
                material(ln.material, tuple(names.get(c, c) for c in chosen.wanted_by.get(ln.material.code, ())))
                for ln in chosen.lines]))
        else:
            item = chosen.items[0]
            parts.append(f"<p>{escape(item.code)}</p>")
            parts.append(self._item_facts(item))
            parts.append(f"<h4>{title(GuideField.materials)}</h4>")
            parts.append(self._materials([material(m) for m in item.materials]))
        self.setHtml("".join(parts))

    def _item_facts(self, item: ServiceItem) -> str:
        guide = item_guide(item)
        cells = "".join(f"<tr><th align='left' valign='top'>{title(f.field)}</th><td>{value_html(f)}</td></tr>"
                        for f in facts(guide))
        cells += "".join(f"<tr><th align='left' valign='top'>{element_title(e.field)}</th>"
                         f"<td>{element_html(e)}</td></tr>" for e in elements(guide))
        return f"<table cellspacing='4'>{cells}</table>"

    def _materials(self, materials: list[GuideMaterial]) -> str:
        rows = [f"<li><b>{n}. {text_html(m.name)}</b> — {material_html(m)}</li>"
                for n, m in enumerate(materials, start=1)]
        return f"<ul>{''.join(rows)}</ul>" if rows else f"<p>{escape(self.tr('无需材料'))}</p>"
