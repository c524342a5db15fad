"""Names for people of the core's codes (statuses, decisions, modes, documents, ...): one table.

Every name is Chinese source text marked with ``QT_TRANSLATE_NOOP("Labels", ...)`` so that lupdate
collects it, once, into ``resources/translations/bianmin_bo.ts`` under the context "Labels". The
marker here is a plain identity function: this module imports no Qt, so the window
(``ui/labels.py``, through Qt's translators), the command lines (Chinese) and the printed documents
(Chinese and Tibetan, through :func:`tibetan`) all read the same table.

Tibetan without Qt: :func:`tibetan` reads the translations of the context "Labels" from the .ts
file itself (XML), once per process. The built program ships the .ts next to the .qm for it.
"""

from __future__ import annotations

import logging
import xml.etree.ElementTree as ET
from enum import Enum
from functools import cache
from pathlib import Path

from app.config import resources_dir
from app.messages import QT_TRANSLATE_NOOP

log = logging.getLogger(__name__)

CONTEXT = "Labels"


LABELS: dict[str, dict[str, str]] = {
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
        "revoked": QT_TRANSLATE_NOOP("Labels", "已撤销受理"),
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
    "AuthorisationKind": {  # Authorisation.kind (代办)
        "written": QT_TRANSLATE_NOOP("Labels", "书面授权委托书"),
        "notarised": QT_TRANSLATE_NOOP("Labels", "公证委托书"),
        "statutory": QT_TRANSLATE_NOOP("Labels", "法定代理（监护人）"),
        "village_certified": QT_TRANSLATE_NOOP("Labels", "村（居）委会证明"),
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
        "not_applicable": QT_TRANSLATE_NOOP("Labels", "无此情形"),
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
    "DeviceRole": {  # sync.protocol.DeviceRole: what a device of the station is
        "window": QT_TRANSLATE_NOOP("Labels", "窗口电脑"),
        "laptop": QT_TRANSLATE_NOOP("Labels", "工作队笔记本电脑"),
        "relay": QT_TRANSLATE_NOOP("Labels", "中心中继"),
    },
    "AmendField": {  # app.services.cases.AMENDABLE: the details of a case that may be put right (更正)
        "applicant.name": QT_TRANSLATE_NOOP("Labels", "申请人姓名"),
        "applicant.name_bo": QT_TRANSLATE_NOOP("Labels", "申请人藏文姓名"),
        "applicant.id_number": QT_TRANSLATE_NOOP("Labels", "申请人证件号码"),
        "applicant.phone": QT_TRANSLATE_NOOP("Labels", "申请人电话"),
        "applicant.address": QT_TRANSLATE_NOOP("Labels", "申请人住址"),
        "agent.name": QT_TRANSLATE_NOOP("Labels", "代办人姓名"),
        "agent.id_number": QT_TRANSLATE_NOOP("Labels", "代办人证件号码"),
        "agent.phone": QT_TRANSLATE_NOOP("Labels", "代办人电话"),
        "delivery.address": QT_TRANSLATE_NOOP("Labels", "送达地址"),
        "delivery.phone": QT_TRANSLATE_NOOP("Labels", "送达电话"),
    },
    "SpecialGroup": {  # app.models.SpecialGroup: applicants served first (优先办、陪同办、绿色通道)
        "elderly": QT_TRANSLATE_NOOP("Labels", "老年人"),
        "disabled": QT_TRANSLATE_NOOP("Labels", "残疾人"),
        "military": QT_TRANSLATE_NOOP("Labels", "军人军属及优抚对象"),
        "pregnant": QT_TRANSLATE_NOOP("Labels", "孕妇"),
        "seriously_ill": QT_TRANSLATE_NOOP("Labels", "重病患者"),
        "hardship": QT_TRANSLATE_NOOP("Labels", "困难群众"),
    },
    "CommitmentResult": {  # app.models.CommitmentResult: what the check after approval found
        "fulfilled": QT_TRANSLATE_NOOP("Labels", "已履行承诺"),
        "breached": QT_TRANSLATE_NOOP("Labels", "违反承诺（承诺不实）"),
    },
    "ConsultAnswer": {  # app.models.ConsultAnswer: how a consultation was answered
        "answered": QT_TRANSLATE_NOOP("Labels", "当场解答"),
        "checklist": QT_TRANSLATE_NOOP("Labels", "告知办理条件和材料清单"),
        "referred": QT_TRANSLATE_NOOP("Labels", "引导至其他部门或窗口"),
        "online": QT_TRANSLATE_NOOP("Labels", "指导网上、掌上办理"),
        "callback": QT_TRANSLATE_NOOP("Labels", "约定回复"),
        "other": QT_TRANSLATE_NOOP("Labels", "其他"),
    },
    "NoticeKind": {  # app.services.notices: what a notice is about
        "message": QT_TRANSLATE_NOOP("Labels", "平台通知"),
        "status_not_applied": QT_TRANSLATE_NOOP("Labels", "平台的办件状态未能写入办件"),
        "catalogue_refused": QT_TRANSLATE_NOOP("Labels", "平台发布的事项目录未采用"),
        "calendar_refused": QT_TRANSLATE_NOOP("Labels", "平台发布的工作日历未采用"),
        "update_not_applied": QT_TRANSLATE_NOOP("Labels", "平台的一条更新未能处理"),
        "peer_events_refused": QT_TRANSLATE_NOOP("Labels", "本站其他设备的记录被拒收"),
    },
    "Device": {  # a device of the station (app.station): the name of one nobody named, {n} its number
        "default_name": QT_TRANSLATE_NOOP("Labels", "{n}号窗口"),
    },
    "ChainBreak": {  # app.journal.ChainBreak.reason, app.services.verify: why a device's journal does not verify
        "prev_mismatch": QT_TRANSLATE_NOOP("Labels", "与前一条事件接不上"),
        "hash_mismatch": QT_TRANSLATE_NOOP("Labels", "内容与哈希不符（可能被改动）"),
        "gap": QT_TRANSLATE_NOOP("Labels", "缺少事件"),
        "foreign_event": QT_TRANSLATE_NOOP("Labels", "混入了其他设备或其他服务站的事件"),
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
    "RevisitResult": {  # app.models.RevisitResult: what the citizen said when asked again after a 差评's rectification
        "satisfied": QT_TRANSLATE_NOOP("Labels", "满意"),
        "basically_satisfied": QT_TRANSLATE_NOOP("Labels", "基本满意"),
        "dissatisfied": QT_TRANSLATE_NOOP("Labels", "仍不满意"),
    },
    "RevisitMethod": {  # app.models.RevisitMethod: how the citizen was asked again (差评回访)
        "phone": QT_TRANSLATE_NOOP("Labels", "电话回访"),
        "visit": QT_TRANSLATE_NOOP("Labels", "上门回访"),
        "window": QT_TRANSLATE_NOOP("Labels", "来窗口时回访"),
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
        "revocation": QT_TRANSLATE_NOOP("Labels", "撤销受理决定通知书"),
    },
    "ItemType": {
        "licensing": QT_TRANSLATE_NOOP("Labels", "行政许可"),
        "confirmation": QT_TRANSLATE_NOOP("Labels", "行政确认"),
        "payment": QT_TRANSLATE_NOOP("Labels", "行政给付"),
        "reward": QT_TRANSLATE_NOOP("Labels", "行政奖励"),
        "ruling": QT_TRANSLATE_NOOP("Labels", "行政裁决"),
        "other_power": QT_TRANSLATE_NOOP("Labels", "其他行政权力"),
        "public_service": QT_TRANSLATE_NOOP("Labels", "公共服务"),
    },
    "Figure": {  # app.reports.Figures: a report's figures (docs/reports.md defines each)
        "taken_in": QT_TRANSLATE_NOOP("Labels", "收件数"),
        "counted": QT_TRANSLATE_NOOP("Labels", "计入办件数"),
        "instant": QT_TRANSLATE_NOOP("Labels", "即办件"),
        "one_trip": QT_TRANSLATE_NOOP("Labels", "最多跑一次"),
        "concluded": QT_TRANSLATE_NOOP("Labels", "办结数"),
        "on_time": QT_TRANSLATE_NOOP("Labels", "按时办结"),
        "overdue_now": QT_TRANSLATE_NOOP("Labels", "当前超期"),
        "rated": QT_TRANSLATE_NOOP("Labels", "评价数"),
        "bad": QT_TRANSLATE_NOOP("Labels", "差评数"),
        "bad_open": QT_TRANSLATE_NOOP("Labels", "差评未回访"),
        "bad_rectified": QT_TRANSLATE_NOOP("Labels", "差评已整改"),
        "bad_revisited": QT_TRANSLATE_NOOP("Labels", "差评已回访"),
        "assisted": QT_TRANSLATE_NOOP("Labels", "帮办"),
        "proxy": QT_TRANSLATE_NOOP("Labels", "代办"),
        "home_visit": QT_TRANSLATE_NOOP("Labels", "上门服务"),
        "work_team": QT_TRANSLATE_NOOP("Labels", "驻村工作队代办"),
        "cross_region": QT_TRANSLATE_NOOP("Labels", "跨域通办"),
        "special": QT_TRANSLATE_NOOP("Labels", "特殊群体"),
        "consultations": QT_TRANSLATE_NOOP("Labels", "咨询"),
        "instant_rate": QT_TRANSLATE_NOOP("Labels", "即办率"),
        "one_trip_rate": QT_TRANSLATE_NOOP("Labels", "最多跑一次率"),
        "on_time_rate": QT_TRANSLATE_NOOP("Labels", "按时办结率"),
        "satisfaction_rate": QT_TRANSLATE_NOOP("Labels", "满意率"),
    },
    "Dimension": {  # app.reports.Dimension
        "item": QT_TRANSLATE_NOOP("Labels", "按事项"),
        "operator": QT_TRANSLATE_NOOP("Labels", "按经办人"),
        "device": QT_TRANSLATE_NOOP("Labels", "按窗口"),
        "mode": QT_TRANSLATE_NOOP("Labels", "按办理方式"),
    },
    "Paper": {  # printing.Paper
        "a4": QT_TRANSLATE_NOOP("Labels", "A4 纸"),
        "a5": QT_TRANSLATE_NOOP("Labels", "A5 纸"),
        "80mm": QT_TRANSLATE_NOOP("Labels", "80 毫米热敏小票"),
    },
    "EventType": {  # app.journal.EventType: a case's history, the refused records of sync
        "case.received": QT_TRANSLATE_NOOP("Labels", "收件"),
        "case.accepted": QT_TRANSLATE_NOOP("Labels", "受理决定"),
        "case.refused": QT_TRANSLATE_NOOP("Labels", "不予受理决定"),
        "case.correction_requested": QT_TRANSLATE_NOOP("Labels", "一次性告知补正"),
        "case.correction_resumed": QT_TRANSLATE_NOOP("Labels", "补正后重新受理"),
        "case.material_supplied": QT_TRANSLATE_NOOP("Labels", "补交容缺材料"),
        "case.in_progress": QT_TRANSLATE_NOOP("Labels", "开始办理"),
        "case.special_procedure_started": QT_TRANSLATE_NOOP("Labels", "特别程序开始"),
        "case.special_procedure_ended": QT_TRANSLATE_NOOP("Labels", "特别程序结束"),
        "case.concluded": QT_TRANSLATE_NOOP("Labels", "办结"),
        "case.delivered": QT_TRANSLATE_NOOP("Labels", "送达"),
        "case.withdrawn": QT_TRANSLATE_NOOP("Labels", "撤回"),
        "case.acceptance_revoked": QT_TRANSLATE_NOOP("Labels", "撤销受理决定"),
        "case.trip": QT_TRANSLATE_NOOP("Labels", "申请人到窗口"),
        "case.printed": QT_TRANSLATE_NOOP("Labels", "打印文书"),
        "case.reprinted": QT_TRANSLATE_NOOP("Labels", "补打文书"),
        "case.evaluated": QT_TRANSLATE_NOOP("Labels", "好差评"),
        "case.platform_status": QT_TRANSLATE_NOOP("Labels", "平台状态更新"),
        "case.posted": QT_TRANSLATE_NOOP("Labels", "材料寄出"),
        "case.attachment_added": QT_TRANSLATE_NOOP("Labels", "添加扫描件"),
        "case.conflict_resolved": QT_TRANSLATE_NOOP("Labels", "处理冲突"),
        "case.amended": QT_TRANSLATE_NOOP("Labels", "更正"),
        "case.commitment_checked": QT_TRANSLATE_NOOP("Labels", "告知承诺核查"),
        "case.dues_recounted": QT_TRANSLATE_NOOP("Labels", "按新日历重算期限"),
        "case.rectified": QT_TRANSLATE_NOOP("Labels", "差评整改"),
        "case.revisited": QT_TRANSLATE_NOOP("Labels", "差评回访"),
    },
    "Rejection": {  # sync.protocol.Rejection: why the platform refused one record
        "bad_hash": QT_TRANSLATE_NOOP("Labels", "内容与日志哈希不符（可能被改动）"),
        "malformed": QT_TRANSLATE_NOOP("Labels", "格式不对"),
        "wrong_station": QT_TRANSLATE_NOOP("Labels", "不属于本服务站"),
        "conflict": QT_TRANSLATE_NOOP("Labels", "与平台已有记录冲突"),
        "foreign_case": QT_TRANSLATE_NOOP("Labels", "该办件属于其他服务站"),
        "bad_text": QT_TRANSLATE_NOOP("Labels", "含有不允许的控制字符"),
        "foreign_case_no": QT_TRANSLATE_NOOP("Labels", "办件编号不属于本服务站"),
        "seq_taken": QT_TRANSLATE_NOOP("Labels", "平台在该序号上已有另一条记录（可能恢复过旧备份）"),
        "broken_chain": QT_TRANSLATE_NOOP("Labels", "与平台已收到的日志接不上（哈希链断开）"),
        "duplicate_case_no": QT_TRANSLATE_NOOP("Labels", "平台已有该办件编号的另一次受理"),
        "wrong_device": QT_TRANSLATE_NOOP("Labels", "记录属于本站另一台设备，不能由本机发送"),
        "foreign_device": QT_TRANSLATE_NOOP("Labels", "办件编号中的设备号不是受理它的设备"),
    },
    "LinkState": {  # sync.status.LinkState: the status bar's words (the dashboard says more: LinkAdvice)
        "not_enrolled": QT_TRANSLATE_NOOP("Labels", "未登记到平台，记录只保存在本机"),
        "never_synced": QT_TRANSLATE_NOOP("Labels", "尚未与平台同步"),
        "online": QT_TRANSLATE_NOOP("Labels", "在线"),
        "offline": QT_TRANSLATE_NOOP("Labels", "离线：记录已保存在本机，联网后自动发送"),
        "refused": QT_TRANSLATE_NOOP("Labels", "平台拒绝本站，记录暂不发送（办法见工作台）"),
        "protocol_error": QT_TRANSLATE_NOOP("Labels", "平台应答有误，记录暂不发送（办法见工作台）"),
        "failed": QT_TRANSLATE_NOOP("Labels", "同步未完成，稍后自动重试"),
    },
    "LinkAdvice": {  # sync.status.LinkState: the whole sentence (dashboard, status bar's tooltip)
        "not_enrolled": QT_TRANSLATE_NOOP(
            "Labels", "本站尚未登记到平台，记录都保存在本机。请管理员在“设置”中用平台给的登记码登记。"),
        "never_synced": QT_TRANSLATE_NOOP(
            "Labels", "本站已登记，正在等待第一次与平台同步。记录都保存在本机。"),
        "online": QT_TRANSLATE_NOOP("Labels", "与平台连接正常，记录会自动上报。"),
        "offline": QT_TRANSLATE_NOOP(
            "Labels", "现在连不上平台（离线）。办件照常受理，所有记录都安全保存在这台电脑上，"
                      "网络恢复后会自动发送到平台，不需要重新录入。"),
        "refused": QT_TRANSLATE_NOOP(
            "Labels", "平台拒绝了本站的请求。记录都保存在本机，但暂时不会发送。请联系县级信息化人员。"),
        "protocol_error": QT_TRANSLATE_NOOP(
            "Labels", "平台的应答不符合协议，记录都保存在本机，暂时不会发送。请联系县级信息化人员，"
                      "并告诉他们平台地址。"),
        "failed": QT_TRANSLATE_NOOP(
            "Labels", "上次同步没有完成。记录都保存在本机，程序会自动重试；如果一直如此，请联系县级信息化人员。"),
    },
    "RefusalAdvice": {  # why the platform refused the station itself (the hub's error codes), and what to do
        "reenrol": QT_TRANSLATE_NOOP(
            "Labels", "平台不再认可本机的登记（可能已被注销，或本机恢复过备份）。记录都保存在本机，但不会发送。"
                      "请管理员向平台管理员索取新的登记码，在“设置”中重新登记。"),
        "stale": QT_TRANSLATE_NOOP(
            "Labels", "本机的日期或时间与平台相差太多，平台拒绝了请求。记录都保存在本机。"
                      "请把电脑的日期和时间改正确，然后点“立即同步”。"),
        "upgrade": QT_TRANSLATE_NOOP(
            "Labels", "平台不接受这个版本的便民服务台。记录都保存在本机。请安装新版本后再同步。"),
        "tls": QT_TRANSLATE_NOOP(
            "Labels", "无法确认平台的安全证书，没有发送任何记录。记录都保存在本机。"
                      "请联系县级信息化人员检查平台地址和证书。"),
    },
    "ItemLevel": {  # the catalogue's item.level: where an item is decided
        "village": QT_TRANSLATE_NOOP("Labels", "村（居）级"),
        "township": QT_TRANSLATE_NOOP("Labels", "乡（镇）级"),
        "county": QT_TRANSLATE_NOOP("Labels", "县级"),
    },
    "CrossRegion": {  # the catalogue's item.cross_region (通办)
        "none": QT_TRANSLATE_NOOP("Labels", "本地办理"),
        "county": QT_TRANSLATE_NOOP("Labels", "县内通办"),
        "region": QT_TRANSLATE_NOOP("Labels", "全区通办"),
        "national": QT_TRANSLATE_NOOP("Labels", "跨省通办"),
    },
    "GuideField": {  # app.guide.GuideField: the titles of a guide's facts, on screen and printed
        "code": QT_TRANSLATE_NOOP("Labels", "事项编码"),
        "type": QT_TRANSLATE_NOOP("Labels", "事项类型"),
        "handling": QT_TRANSLATE_NOOP("Labels", "办理类型"),
        "level": QT_TRANSLATE_NOOP("Labels", "办理层级"),
        "description": QT_TRANSLATE_NOOP("Labels", "简介"),
        "items": QT_TRANSLATE_NOOP("Labels", "包含的事项"),
        "applicants": QT_TRANSLATE_NOOP("Labels", "申请对象"),
        "conditions": QT_TRANSLATE_NOOP("Labels", "申请条件"),
        "time": QT_TRANSLATE_NOOP("Labels", "办理时限"),
        "legal_time": QT_TRANSLATE_NOOP("Labels", "法定时限"),
        "promised_time": QT_TRANSLATE_NOOP("Labels", "承诺时限"),
        "department": QT_TRANSLATE_NOOP("Labels", "办理部门"),
        "where": QT_TRANSLATE_NOOP("Labels", "受理地点"),
        "fee": QT_TRANSLATE_NOOP("Labels", "收费"),
        "result": QT_TRANSLATE_NOOP("Labels", "办理结果"),
        "delivery": QT_TRANSLATE_NOOP("Labels", "送达方式"),
        "scope": QT_TRANSLATE_NOOP("Labels", "通办范围"),
        "commitment": QT_TRANSLATE_NOOP("Labels", "告知承诺"),
        "phone": QT_TRANSLATE_NOOP("Labels", "咨询电话"),
        "legal_basis": QT_TRANSLATE_NOOP("Labels", "设定依据"),
        "notes": QT_TRANSLATE_NOOP("Labels", "备注"),
        "materials": QT_TRANSLATE_NOOP("Labels", "所需材料"),
    },
    "GuideValue": {  # app.guide: the values of a guide's facts that are not catalogue text
        "instant": QT_TRANSLATE_NOOP("Labels", "即办件：材料齐全当场办结"),
        "days": QT_TRANSLATE_NOOP("Labels", "{n} 个工作日"),
        "free": QT_TRANSLATE_NOOP("Labels", "不收费"),
        "fee_basis": QT_TRANSLATE_NOOP("Labels", "（依据：{basis}）"),
        "commitment_allowed": QT_TRANSLATE_NOOP("Labels", "可以告知承诺方式办理"),
    },
    "GuideMaterial": {  # app.guide.MaterialMark and the counts of a guide's material
        "originals": QT_TRANSLATE_NOOP("Labels", "原件 {n} 份"),
        "copies": QT_TRANSLATE_NOOP("Labels", "复印件 {n} 份"),
        "electronic": QT_TRANSLATE_NOOP("Labels", "电子材料"),
        "required": QT_TRANSLATE_NOOP("Labels", "必要"),
        "optional": QT_TRANSLATE_NOOP("Labels", "非必要"),
        "deferrable": QT_TRANSLATE_NOOP("Labels", "可容缺"),
        "e_licence": QT_TRANSLATE_NOOP("Labels", "可用电子证照：{name}"),
        "for_items": QT_TRANSLATE_NOOP("Labels", "用于：{names}"),
    },
}

# Enum classes whose table goes by another name.
KIND_OF_CLASS = {"Kind": "Document"}


def code_and_kind(value: Enum | str, kind: str | None = None) -> tuple[str, str]:
    """The code of an enum member (or a code as given) and the table it is named in; an enum's
    table is its class's name unless ``kind`` says otherwise."""
    if isinstance(value, Enum):
        kind = kind or KIND_OF_CLASS.get(type(value).__name__, type(value).__name__)
        value = str(value.value)
    return value, kind or ""


def has_label(value: Enum | str, kind: str | None = None) -> bool:
    """Whether the code has a name for people in the table."""
    code, kind = code_and_kind(value, kind)
    return code in LABELS.get(kind, {})


def source_text(value: Enum | str, kind: str | None = None) -> str:
    """The Chinese name of a code (the source text of its translation); the code when it has none."""
    code, kind = code_and_kind(value, kind)
    return LABELS.get(kind, {}).get(code, code)


def zh(value: Enum | str, kind: str | None = None, **fmt: object) -> str:
    """The Chinese name, its {placeholders} filled: what the command lines print."""
    text = source_text(value, kind)
    return text.format(**fmt) if fmt else text


def default_device_name(device_no: str) -> str:
    """The Chinese name of a device nobody named: "NN号窗口" (Device.default_name): at the station, at the
    hub and on the command lines."""
    return zh("default_name", "Device", n=device_no)


def default_device_number(window: str) -> str | None:
    """The device number NN when ``window`` (a case's 窗口 as stored) is the default name of device NN
    ("02号窗口", stored in Chinese, said in the reader's language), else None."""
    number = window[:2]
    if number.isdigit() and len(number) == 2 and window == default_device_name(number):
        return number
    return None


def zh_table(kind: str) -> dict[str, str]:
    """code -> Chinese name of one table, in its order."""
    return dict(LABELS[kind])


def codes(kind: str) -> list[str]:
    return list(LABELS[kind])


# -- the Tibetan of the context "Labels", without Qt ----------------------------------------------
def translations_file() -> Path:
    return resources_dir() / "translations" / "bianmin_bo.ts"


@cache
def _tibetan_table(path: Path) -> dict[str, str]:
    """source -> Tibetan of every finished translation in the context "Labels" of a .ts file."""
    out: dict[str, str] = {}
    try:
        root = ET.parse(path).getroot()
    except (OSError, ET.ParseError) as exc:
        log.warning("Tibetan labels not readable from %s: %s", path, exc)
        return out
    for context in root.iter("context"):
        if context.findtext("name") != CONTEXT:
            continue
        for message in context.iter("message"):
            source, translation = message.findtext("source"), message.find("translation")
            if not source or translation is None or not translation.text:
                continue
            if translation.get("type") in ("unfinished", "vanished", "obsolete"):
                continue
            out[source] = translation.text
    return out


def tibetan(source: str, path: Path | None = None) -> str | None:
    """The Tibetan of a name of the table (its Chinese source text); None when it has none yet."""
    return _tibetan_table(path or translations_file()).get(source)


def in_language(value: Enum | str, kind: str | None, lang: str, **fmt: object) -> str:
    """The name in ``lang`` ("zh" or "bo"), its {placeholders} filled; the Chinese when the Tibetan
    is missing."""
    source = source_text(value, kind)
    text = (tibetan(source) or source) if lang == "bo" else source
    return text.format(**fmt) if fmt else text
