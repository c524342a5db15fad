"""The words printed on the counter's documents, in Chinese and Tibetan.

Documents are the product's sentences, so they live here and not in the core: their titles, field
names and notices. The names of codes (modes, relations, authorisation kinds, material forms,
delivery methods, outcomes, ...) are not here: :func:`code_label` takes them from the one table,
``app/labels.py``, with the Tibetan the window shows. The Tibetan here is a careful first version
and must be reviewed by the regional office before real use.
"""

from __future__ import annotations

from enum import Enum

from app import labels as codes

LABELS: dict[str, tuple[str, str]] = {
    # titles
    "receipt": ("受理凭证", "ཁས་ལེན་ལག་ཁྱེར།"),
    "correction": ("一次性告知书（补正材料通知书）", "ཐེངས་གཅིག་ལ་བརྡ་ཁྱབ་ཡི་གེ། （ཡིག་ཆ་ཁ་སྐོང་བརྡ་ཁྱབ།）"),
    "refusal": ("不予受理通知书", "ལེན་མི་ཆོག་པའི་བརྡ་ཁྱབ།"),
    "deferral": ("容缺受理通知书", "ཡིག་ཆ་རྗེས་སྤྲོད་ཀྱིས་ལེན་པའི་བརྡ་ཁྱབ།"),
    "deferral_pledge": ("容缺补交承诺书", "ཡིག་ཆ་རྗེས་སྤྲོད་ཁས་ལེན་ཡི་གེ།"),
    "commitment": ("告知承诺书", "བརྡ་ཁྱབ་ཁས་ལེན་ཡི་གེ།"),
    "authorisation": ("授权委托书", "དབང་སྤྲོད་བཅོལ་འཇུག་ཡི་གེ།"),
    "collection": ("办理结果领取（送达）单", "གྲུབ་འབྲས་ལེན་པ་དང་སྤྲོད་པའི་ཐོ་འཛིན།"),
    # fields
    "case_no": ("办件编号", "ལས་དོན་ཨང་རྟགས།"),
    "verification_code": ("核验码", "ཞིབ་བཤེར་ཨང་གྲངས།"),
    "station": ("受理单位", "ལེན་མཁན་ལས་ཁུངས།"),
    "window": ("窗口", "སྒེའུ་ཁུང་།"),
    "clerk": ("受理人", "ལེན་མཁན།"),
    "received_at": ("收件时间", "ཡིག་ཆ་ལེན་པའི་དུས་ཚོད།"),
    "applicant": ("申请人", "ཞུ་སྐུལ་བ།"),
    "id_number": ("证件号码", "ལག་ཁྱེར་ཨང་གྲངས།"),
    "phone": ("联系电话", "འབྲེལ་གཏུག་ཁ་པར།"),
    "address": ("住址", "སྡོད་གནས།"),
    "agent": ("代办人", "ཚབ་བྱེད་མི་སྣ།"),
    "relation": ("与申请人关系", "ཞུ་སྐུལ་བ་དང་འབྲེལ་བ།"),
    "agent_phone": ("代办人电话", "ཚབ་བྱེད་མི་སྣའི་ཁ་པར།"),
    "authorisation_given": ("授权委托", "དབང་སྤྲོད་བཅོལ་འཛིན།"),
    "auth_scope": ("范围：{scope}", "ཁྱབ་ཁོངས། {scope}"),
    "auth_until": ("有效期至 {until}", "ནུས་ལྡན་དུས་མཚམས། {until}"),
    "auth_ref": ("编号 {ref}", "ཨང་གྲངས། {ref}"),
    "mode": ("办理方式", "ལས་སྒྲུབ་ཐབས།"),
    "items": ("申请事项", "ཞུ་བའི་ལས་དོན།"),
    "materials": ("已收材料", "ལེན་ཟིན་པའི་ཡིག་ཆ།"),
    "material": ("材料名称", "ཡིག་ཆའི་མིང་།"),
    "form": ("原件/复印件", "མ་ཡིག/འདྲ་བཤུས།"),
    "count": ("份数", "གྲངས།"),
    "deferred": ("容缺后补材料", "རྗེས་སྤྲོད་ཡིག་ཆ།"),
    "due_date": ("补交期限", "རྗེས་སྤྲོད་དུས་ཚད།"),
    "missing": ("需补正的材料", "ཁ་སྐོང་དགོས་པའི་ཡིག་ཆ།"),
    "legal_days": ("法定办结时限", "ཁྲིམས་ལྡན་དུས་ཚད།"),
    "promised_days": ("承诺办结时限", "ཁས་ལེན་དུས་ཚད།"),
    "promised_due": ("承诺办结日期", "ཁས་ལེན་ལྟར་མཇུག་སྒྲིལ་བའི་ཚེས་གྲངས།"),
    "working_days": ("个工作日", "ལས་ཉིན།"),
    "instant": ("即办件，当场办结", "འཕྲལ་སྒྲུབ།"),
    "delivery": ("结果送达方式", "གྲུབ་འབྲས་སྤྲོད་ཐབས།"),
    "progress": ("进度查询", "ལས་རིམ་འཚོལ་ཞིབ།"),
    "sign_applicant": ("申请人（代办人）签字", "ཞུ་སྐུལ་བ（ཚབ་བྱེད་མི་སྣ）ཡི་མིང་རྟགས།"),
    "sign_clerk": ("受理人签字", "ལེན་མཁན་གྱི་མིང་རྟགས།"),
    "seal": ("（受理单位印章）", "（ལས་ཁུངས་ཀྱི་ཐམ་ག）"),
    "date": ("日期", "ཚེས་གྲངས།"),
    "copy_mark": ("副本", "འདྲ་བཤུས།"),
    "print_no": ("第 {n} 次打印", "ཐེངས་ {n} པར་བསྐྲུན།"),
    "reason": ("不予受理理由", "ལེན་མི་ཆོག་པའི་རྒྱུ་མཚན།"),
    "legal_basis": ("依据", "གཞི་རྩ།"),
    "competent_authority": ("可向以下机关申请", "གཤམ་གྱི་ལས་ཁུངས་ལ་ཞུ་ཆོག"),
    "remedies": ("救济途径", "ཐབས་ལམ།"),
    "commitment_text": ("申请人承诺", "ཞུ་སྐུལ་བའི་ཁས་ལེན།"),
    "conditions": ("告知的条件和要求", "བརྡ་ཁྱབ་བྱས་པའི་ཆ་རྐྱེན་དང་བླང་བྱ།"),
    "principal": ("委托人", "བཅོལ་མཁན།"),
    "trustee": ("受托人", "བཅོལ་ཡུལ།"),
    "scope": ("委托事项和权限", "བཅོལ་བའི་ལས་དོན་དང་དབང་ཚད།"),
    "term": ("委托期限", "བཅོལ་བའི་དུས་ཚད།"),
    "result": ("办理结果", "ལས་སྒྲུབ་གྲུབ་འབྲས།"),
    "recipient": ("领取人", "ལེན་མཁན།"),
    "tracking_no": ("邮件号", "སྦྲག་རྫས་ཨང་།"),
    "delivered_at": ("送达时间", "སྤྲོད་པའི་དུས་ཚོད།"),
    "archive_copy": ("存档联", "ཡིག་ཚགས་ཉར་ཚགས།"),
    "issued_on": ("出具日期", "ཡི་གེ་བཏོན་པའི་ཚེས་གྲངས།"),
    "handler": ("经办人", "ལས་སྒྲུབ་མཁན།"),
    "receipt_date": ("签收日期", "ལག་ཏུ་ལེན་པའི་ཚེས་གྲངས།"),
    "applicant_copy": ("申请人联", "ཞུ་སྐུལ་བའི་ཆ།"),
    # values
}

# Sentences of the notices, with {placeholders}.
SENTENCES: dict[str, tuple[str, str]] = {
    "receipt_note": (
        "您的申请已受理。请妥善保管本凭证，凭办件编号或扫描二维码查询办理进度，领取结果时请出示本凭证。",
        "ཁྱེད་ཀྱི་ཞུ་ཡིག་ལེན་ཟིན། ལག་ཁྱེར་འདི་ལེགས་པར་ཉར་ཚགས་གནང་རོགས།"
        " ལས་དོན་ཨང་རྟགས་སམ་གཉིས་རྩེགས་ཨང་རྟགས་བཤར་ནས་ལས་སྒྲུབ་ཀྱི་འཕེལ་རིམ་འཚོལ་ཞིབ་བྱེད་ཆོག "
        "གྲུབ་འབྲས་ལེན་སྐབས་ལག་ཁྱེར་འདི་སྟོན་རོགས།",
    ),
    "correction_note": (
        "您申请的事项材料不齐全或不符合法定形式。根据首问负责、一次性告知的规定，现将需要补正的全部材料一次告知如下。"
        "请于 {due} 前补齐，补齐后即予受理，办理时限自补齐之日起重新计算。",
        "ཁྱེད་ཀྱིས་ཞུ་བའི་ལས་དོན་གྱི་ཡིག་ཆ་ཆ་མ་ཚང་བའམ་ཁྲིམས་ལྡན་རྣམ་པ་དང་མི་མཐུན།"
        " ཐོག་མར་འདྲི་བར་འགན་འཁུར་དང་ཐེངས་གཅིག་ལ་བརྡ་ཁྱབ་བྱེད་པའི་གཏན་འབེབས་ལྟར།"
        " ཁ་སྐོང་དགོས་པའི་ཡིག་ཆ་ཡོངས་རྫོགས་ཐེངས་གཅིག་ལ་གཤམ་གསལ་ལྟར་བརྡ་ཁྱབ་བྱེད།"
        " {due} སྔོན་ལ་ཁ་སྐོང་ཆ་ཚང་གནང་རོགས། ཁ་སྐོང་ཚང་རྗེས་འཕྲལ་མར་ལེན་རྒྱུ་དང་།"
        " ལས་སྒྲུབ་དུས་ཚད་ནི་ཁ་སྐོང་ཚང་བའི་ཉིན་ནས་བཟུང་བསྐྱར་དུ་རྩིས་རྒྱུ་ཡིན།",
    ),
    "refusal_note": (
        "经审查，您的申请不予受理，理由如下。",
        "ཞིབ་བཤེར་བྱས་རྗེས་ཁྱེད་ཀྱི་ཞུ་ཡིག་ལེན་མི་ཆོག་པའི་རྒྱུ་མཚན་གཤམ་གསལ།",
    ),
    "refusal_remedies": (
        "如不服本决定，可自收到本通知书之日起 {review_days} 日内向 {review_authority} 申请行政复议，"
        "或者自收到本通知书之日起 {litigation_months} 个月内向 {court} 提起行政诉讼。",
        "ཐག་གཅོད་འདི་ལ་ཡིད་མ་ཆེས་ན། བརྡ་ཁྱབ་ཡི་གེ་འདི་ལག་ཏུ་འབྱོར་བའི་ཉིན་ནས་བཟུང་ཉིན་ "
        "{review_days} ནང་ {review_authority} ལ་སྲིད་འཛིན་བསྐྱར་ཞིབ་ཞུ་ཆོག "
        "ཡང་ན་བརྡ་ཁྱབ་ཡི་གེ་འདི་ལག་ཏུ་འབྱོར་བའི་ཉིན་ནས་བཟུང་ཟླ་བ་ "
        "{litigation_months} ནང་ {court} ལ་སྲིད་འཛིན་གཏུག་གཏམ་སྤེལ་ཆོག",
    ),
    "deferral_note": (
        "您申请的事项主要申请材料齐全，次要材料欠缺，现予容缺受理。请于下列期限前补交容缺材料；"
        "逾期未补交的，已作出的受理决定将予撤销，由此产生的后果由申请人承担。",
        "ཁྱེད་ཀྱིས་ཞུ་བའི་ལས་དོན་གྱི་ཞུ་ཡིག་གཙོ་བོ་ཆ་ཚང་ཡོད་ཀྱང་ཕལ་བའི་ཡིག་ཆ་མ་ཚང་བས།"
        " ད་ལྟ་ཡིག་ཆ་རྗེས་སྤྲོད་ཀྱི་ཐོག་ནས་ལེན་པ་ཡིན། གཤམ་གསལ་དུས་ཚད་སྔོན་ལ་ཡིག་ཆ་རྗེས་སྤྲོད་གནང་རོགས།"
        " དུས་ཚད་ལས་བརྒལ་ནས་རྗེས་སྤྲོད་མ་བྱས་ན། ལེན་པའི་ཐག་གཅོད་མེད་པར་བཟོ་རྒྱུ་ཡིན་ལ།"
        " དེ་ལས་བྱུང་བའི་མཇུག་འབྲས་ཞུ་སྐུལ་བས་འགན་འཁུར་དགོས།",
    ),
    "deferral_pledge": (
        "本人承诺在上述期限内补交所列全部材料，并对所提交材料的真实性负责。逾期未补交的，同意撤销受理决定。",
        "ངས་གོང་གསལ་དུས་ཚད་ནང་ཐོ་ལ་བཀོད་པའི་ཡིག་ཆ་ཡོངས་རྫོགས་རྗེས་སྤྲོད་བྱེད་རྒྱུ་དང་།"
        " སྤྲོད་པའི་ཡིག་ཆ་བདེན་མིན་ལ་འགན་འཁུར་རྒྱུ་ཁས་ལེན། དུས་ཚད་ལས་བརྒལ་ནས་རྗེས་སྤྲོད་མ་བྱས་ན།"
        " ལེན་པའི་ཐག་གཅོད་མེད་པར་བཟོ་བར་མོས་མཐུན་ཡོད།",
    ),
    "commitment_note": (
        "行政机关已一次性告知申请人办理该事项的条件和要求。申请人承诺已经符合告知的条件和要求，"
        "愿意承担不实承诺的法律责任。承诺不实的，行政机关将依法撤销相关决定，并记入信用记录。",
        "སྲིད་འཛིན་ལས་ཁུངས་ཀྱིས་ལས་དོན་འདི་སྒྲུབ་པའི་ཆ་རྐྱེན་དང་བླང་བྱ་ཞུ་སྐུལ་བར་ཐེངས་གཅིག་ལ་བརྡ་ཁྱབ་བྱས་ཟིན།"
        " ཞུ་སྐུལ་བས་བརྡ་ཁྱབ་བྱས་པའི་ཆ་རྐྱེན་དང་བླང་བྱ་ཚང་ཡོད་པར་ཁས་ལེན་བྱས་ཤིང་།"
        " ཁས་ལེན་བདེན་མིན་གྱི་ཁྲིམས་ཀྱི་འགན་འཁུར་རྒྱུར་མོས་མཐུན་ཡོད།"
        " ཁས་ལེན་བདེན་མིན་ཚེ། སྲིད་འཛིན་ལས་ཁུངས་ཀྱིས་ཁྲིམས་ལྟར་འབྲེལ་ཡོད་ཐག་གཅོད་མེད་པར་བཟོ་རྒྱུ་དང་།"
        " ཡིད་རྟོན་ཟིན་ཐོར་འགོད་རྒྱུ་ཡིན།",
    ),
    "authorisation_note": (
        "委托人现委托受托人代为办理下列事项，受托人在委托权限内所作的行为，委托人均予承认。",
        "བཅོལ་མཁན་གྱིས་གཤམ་གྱི་ལས་དོན་སྒྲུབ་པར་བཅོལ་ཡུལ་ལ་བཅོལ་བ་ཡིན།"
        " བཅོལ་ཡུལ་གྱིས་བཅོལ་བའི་དབང་ཚད་ཀྱི་ཁྱབ་ཁོངས་ནང་བྱས་པའི་བྱ་སྤྱོད་ཚང་མ་བཅོལ་མཁན་གྱིས་ངོས་ལེན་བྱེད།",
    ),
    "collection_note": (
        "本人已收到上述办理结果。",
        "ངས་གོང་གསལ་ལས་སྒྲུབ་གྲུབ་འབྲས་ལེན་ཟིན།",
    ),
}


def label(key: str, lang: str, **fmt: object) -> str:
    """Chinese, or Tibetan followed by Chinese (bilingual) when the station's language is Tibetan."""
    zh, bo = LABELS[key]
    return bilingual(zh.format(**fmt), bo.format(**fmt), lang)


def bilingual(zh: str, bo: str | None, lang: str) -> str:
    """Chinese, or Tibetan followed by Chinese when the station's language is Tibetan (the Chinese
    alone when there is no Tibetan)."""
    return zh if lang == "zh" or not bo else f"{bo} {zh}"


def code_label(value: Enum | str, kind: str | None, lang: str, **fmt: object) -> str:
    """The name of a code from ``app/labels.py``, printed like :func:`label` (the window's Tibetan);
    the code itself when the table has no name for it."""
    if not codes.has_label(value, kind):
        return codes.code_and_kind(value, kind)[0]
    bo = codes.tibetan(codes.source_text(value, kind))
    return bilingual(codes.zh(value, kind, **fmt), bo.format(**fmt) if bo and fmt else bo, lang)


def sentence(key: str, lang: str, **fmt: object) -> list[str]:
    zh, bo = SENTENCES[key]
    zh, bo = zh.format(**fmt), bo.format(**fmt)
    return [zh] if lang == "zh" else [bo, zh]
