"""The guide of a chosen item or bundle, for the clerk to read to the citizen (办事指南).

The facts, their order, titles and words are the one guide model (``app/guide.py``, names from
``app/labels.py``); the functions here turn them into HTML for both on-screen guides (this view at
the intake and the consulting window's ``ui/guide.py``), each in its own layout.
"""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import QTextBrowser, QWidget

from app.guide import (
    Fact,
    GuideField,
    GuideMaterial,
    Name,
    Part,
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
        cells = "".join(f"<tr><th align='left' valign='top'>{title(f.field)}</th><td>{value_html(f)}</td></tr>"
                        for f in facts(item_guide(item)))
        return f"<table cellspacing='4'>{cells}</table>"

    def _materials(self, materials: list[GuideMaterial]) -> str:
        rows = [f"<li><b>{n}. {text_html(m.name)}</b> — {material_html(m)}</li>"
                for n, m in enumerate(materials, start=1)]
        return f"<ul>{''.join(rows)}</ul>" if rows else f"<p>{escape(self.tr('无需材料'))}</p>"
