"""The guide of a chosen item or bundle, for the clerk to read to the citizen (办事指南)."""

from __future__ import annotations

from html import escape
from typing import Any

from PySide6.QtWidgets import QTextBrowser, QWidget

from app.models import Material, ServiceItem
from ui.i18n import Retranslating
from ui.intake.draft import Chosen
from ui.labels import label


def _text(value: Any) -> str:
    """A catalogue text ({"zh", "bo"} or a plain string), Chinese with the Tibetan beneath."""
    if isinstance(value, dict):
        zh, bo = escape(str(value.get("zh", ""))), escape(str(value.get("bo") or ""))
        return zh + (f"<br/><span>{bo}</span>" if bo else "")
    return escape(str(value or ""))


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
        parts = [f"<h3>{_text({'zh': chosen.name.zh, 'bo': chosen.name.bo})}</h3>"]
        if chosen.bundle is not None:
            parts.append(f"<p>{escape(self.tr('一件事一次办'))} · {escape(chosen.code)}</p>")
            parts.append(f"<p>{_text(chosen.bundle.body.get('description'))}</p>")
            for item in chosen.items:
                parts.append(f"<h4>{escape(item.code)} {_text({'zh': item.name.zh, 'bo': item.name.bo})}</h4>")
                parts.append(self._item_facts(item))
            parts.append(f"<h4>{escape(self.tr('所需材料（一套）'))}</h4>")
            parts.append(self._materials([ln.material for ln in chosen.lines], chosen))
        else:
            item = chosen.items[0]
            parts.append(f"<p>{escape(item.code)}</p>")
            parts.append(self._item_facts(item))
            parts.append(f"<h4>{escape(self.tr('所需材料'))}</h4>")
            parts.append(self._materials(list(item.materials), chosen))
        self.setHtml("".join(parts))

    def _item_facts(self, item: ServiceItem) -> str:
        body = item.body
        rows: list[tuple[str, str]] = []
        rows.append((self.tr("办理类型"), escape(label(item.handling))))
        if item.instant:
            rows.append((self.tr("办理时限"), escape(self.tr("即办件：材料齐全当场办结"))))
        else:
            rows.append((self.tr("法定时限"), escape(self.tr("{n} 个工作日").format(n=item.legal_days))))
            rows.append((self.tr("承诺时限"), escape(self.tr("{n} 个工作日").format(n=item.promised_days))))
        rows.append((self.tr("办理部门"), _text({"zh": item.department.zh, "bo": item.department.bo})))
        applicants = body.get("applicants", {})
        if applicants.get("description"):
            rows.append((self.tr("申请对象"), _text(applicants["description"])))
        if body.get("conditions"):
            rows.append((self.tr("申请条件"), _text(body["conditions"])))
        fee = body.get("fee") or {}
        rows.append((self.tr("收费"), escape(self.tr("按规定收费") if fee.get("charged") else self.tr("不收费"))))
        delivery = "、".join(label(str(m), "DeliveryMethod") for m in body.get("delivery", ["counter"]))
        rows.append((self.tr("送达方式"), escape(delivery)))
        if item.commitment_allowed:
            rows.append((self.tr("告知承诺"), escape(self.tr("可以告知承诺方式办理"))))
        if body.get("result"):
            rows.append((self.tr("办理结果"), _text(body["result"].get("name"))))
        if body.get("consult_phone"):
            rows.append((self.tr("咨询电话"), escape(str(body["consult_phone"]))))
        if body.get("legal_basis"):
            rows.append((self.tr("设定依据"), escape(str(body["legal_basis"]))))
        if body.get("notes"):
            rows.append((self.tr("备注"), _text(body["notes"])))
        cells = "".join(f"<tr><th align='left' valign='top'>{escape(k)}</th><td>{v}</td></tr>" for k, v in rows)
        return f"<table cellspacing='4'>{cells}</table>"

    def _materials(self, materials: list[Material], chosen: Chosen) -> str:
        rows = []
        for n, m in enumerate(materials, start=1):
            marks = [self.tr("必要") if m.required else self.tr("非必要")]
            if m.deferrable:
                marks.append(self.tr("可容缺"))
            if m.e_licence_type:
                marks.append(self.tr("可用电子证照"))
            counts = []
            if m.originals:
                counts.append(self.tr("原件 {n} 份").format(n=m.originals))
            if m.copies:
                counts.append(self.tr("复印件 {n} 份").format(n=m.copies))
            wanted = chosen.wanted_by.get(m.code, ())
            for_items = self.tr("（用于 {items}）").format(items="、".join(wanted)) if chosen.bundle and wanted else ""
            rows.append(
                f"<li><b>{n}. {_text({'zh': m.name.zh, 'bo': m.name.bo})}</b>"
                f" — {escape('，'.join(counts))} [{escape('、'.join(marks))}]{escape(for_items)}"
                + (f"<br/>{escape(m.notes)}" if m.notes else "") + "</li>")
        return f"<ul>{''.join(rows)}</ul>" if rows else f"<p>{escape(self.tr('无需材料'))}</p>"
