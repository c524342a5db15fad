"""Names of the core's codes (statuses, decisions, modes, ...) for people, through Qt translation.

The core returns enums; the window shows ``label(value)``. Every name is marked for lupdate with
QT_TRANSLATE_NOOP under the context "Labels", so the Tibetan file translates them once for all
screens.
"""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

_LABELS: dict[str, dict[str, str]] = {
    "CaseStatus": {
        "received": QT_TRANSLATE_NOOP("Labels", "已收件"),
        "accepted": QT_TRANSLATE_NOOP("Labels", "已受理"),
        "refused": QT_TRANSLATE_NOOP("Labels", "不予受理"),
        "correction_requested": QT_TRANSLATE_NOOP("Labels", "待补正"),
        "in_progress": QT_TRANSLATE_NOOP("Labels", "办理中"),
        "special_procedure": QT_TRANSLATE_NOOP("Labels", "特别程序"),
        "concluded": QT_TRANSLATE_NOOP("Labels", "已办结"),
        "delivered": QT_TRANSLATE_NOOP("Labels", "已送达"),
        "withdrawn": QT_TRANSLATE_NOOP("Labels", "已撤回"),
    },
    "Decision": {
        "accept": QT_TRANSLATE_NOOP("Labels", "受理"),
        "deferred_material": QT_TRANSLATE_NOOP("Labels", "容缺受理"),
        "commitment": QT_TRANSLATE_NOOP("Labels", "告知承诺"),
        "correction_notice": QT_TRANSLATE_NOOP("Labels", "一次性告知（补正）"),
        "refuse": QT_TRANSLATE_NOOP("Labels", "不予受理"),
    },
    "HandlingMode": {
        "in_person": QT_TRANSLATE_NOOP("Labels", "本人办理"),
        "assisted": QT_TRANSLATE_NOOP("Labels", "帮办"),
        "proxy": QT_TRANSLATE_NOOP("Labels", "代办"),
        "home_visit": QT_TRANSLATE_NOOP("Labels", "上门服务"),
    },
    "AgentRelation": {
        "family": QT_TRANSLATE_NOOP("Labels", "亲属"),
        "village_cadre": QT_TRANSLATE_NOOP("Labels", "村干部"),
        "work_team": QT_TRANSLATE_NOOP("Labels", "驻村工作队"),
        "agency_clerk": QT_TRANSLATE_NOOP("Labels", "帮办代办员"),
        "other": QT_TRANSLATE_NOOP("Labels", "其他"),
    },
    "PartyKind": {
        "person": QT_TRANSLATE_NOOP("Labels", "个人"),
        "organisation": QT_TRANSLATE_NOOP("Labels", "单位"),
    },
    "MaterialState": {
        "received": QT_TRANSLATE_NOOP("Labels", "已收"),
        "e_licence": QT_TRANSLATE_NOOP("Labels", "电子证照"),
        "deferred": QT_TRANSLATE_NOOP("Labels", "容缺（后补）"),
        "missing": QT_TRANSLATE_NOOP("Labels", "缺少"),
        "committed": QT_TRANSLATE_NOOP("Labels", "承诺代替"),
    },
    "MaterialForm": {
        "original": QT_TRANSLATE_NOOP("Labels", "原件"),
        "copy": QT_TRANSLATE_NOOP("Labels", "复印件"),
    },
    "DeliveryMethod": {
        "counter": QT_TRANSLATE_NOOP("Labels", "窗口领取"),
        "post": QT_TRANSLATE_NOOP("Labels", "邮寄送达"),
        "electronic": QT_TRANSLATE_NOOP("Labels", "电子送达"),
    },
    "Outcome": {
        "approved": QT_TRANSLATE_NOOP("Labels", "准予"),
        "denied": QT_TRANSLATE_NOOP("Labels", "不予准予"),
    },
    "Role": {
        "clerk": QT_TRANSLATE_NOOP("Labels", "窗口人员"),
        "admin": QT_TRANSLATE_NOOP("Labels", "管理员"),
    },
    "Handling": {
        "instant": QT_TRANSLATE_NOOP("Labels", "即办件"),
        "promised": QT_TRANSLATE_NOOP("Labels", "承诺件"),
    },
    "DueState": {
        "ok": QT_TRANSLATE_NOOP("Labels", "正常"),
        "due_soon": QT_TRANSLATE_NOOP("Labels", "即将到期"),
        "overdue": QT_TRANSLATE_NOOP("Labels", "已超期"),
    },
    "Evaluation": {
        "very_satisfied": QT_TRANSLATE_NOOP("Labels", "非常满意"),
        "satisfied": QT_TRANSLATE_NOOP("Labels", "满意"),
        "basically_satisfied": QT_TRANSLATE_NOOP("Labels", "基本满意"),
        "dissatisfied": QT_TRANSLATE_NOOP("Labels", "不满意"),
        "very_dissatisfied": QT_TRANSLATE_NOOP("Labels", "非常不满意"),
    },
    "IdType": {
        "resident_id": QT_TRANSLATE_NOOP("Labels", "居民身份证"),
        "passport": QT_TRANSLATE_NOOP("Labels", "护照"),
        "hk_macau_permit": QT_TRANSLATE_NOOP("Labels", "港澳居民来往内地通行证"),
        "taiwan_permit": QT_TRANSLATE_NOOP("Labels", "台湾居民来往大陆通行证"),
        "residence_permit_hmt": QT_TRANSLATE_NOOP("Labels", "港澳台居民居住证"),
        "foreign_permanent": QT_TRANSLATE_NOOP("Labels", "外国人永久居留身份证"),
        "military": QT_TRANSLATE_NOOP("Labels", "军官证"),
        "other": QT_TRANSLATE_NOOP("Labels", "其他证件"),
        "uscc": QT_TRANSLATE_NOOP("Labels", "统一社会信用代码"),
    },
    "Document": {  # printing.Kind
        "receipt": QT_TRANSLATE_NOOP("Labels", "受理凭证"),
        "correction": QT_TRANSLATE_NOOP("Labels", "一次性告知书"),
        "refusal": QT_TRANSLATE_NOOP("Labels", "不予受理通知书"),
        "deferral": QT_TRANSLATE_NOOP("Labels", "容缺受理通知书"),
        "commitment": QT_TRANSLATE_NOOP("Labels", "告知承诺书"),
        "authorisation": QT_TRANSLATE_NOOP("Labels", "授权委托书"),
        "collection": QT_TRANSLATE_NOOP("Labels", "结果领取单"),
    },
}


def label(value: Enum | str, kind: str | None = None) -> str:
    """The translated name of an enum member (``kind`` is taken from its class) or of a code."""
    if isinstance(value, Enum):
        kind = kind or type(value).__name__
        value = str(value.value)
    text = _LABELS.get(kind or "", {}).get(value)
    return QCoreApplication.translate("Labels", text) if text else value


def choices(kind: str) -> list[tuple[str, str]]:
    """(code, translated name) pairs in their order, for combo boxes."""
    return [(code, QCoreApplication.translate("Labels", text)) for code, text in _LABELS[kind].items()]
