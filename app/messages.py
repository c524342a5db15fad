"""Chinese sentences for people, keyed by error and problem codes: one table for the command line
and the window.

Each sentence is marked with ``QT_TRANSLATE_NOOP(context, text)`` so that Qt's ``lupdate`` collects
it into the Tibetan translation; the marker here is a plain identity function (the core never imports
Qt). The window passes Qt's ``QCoreApplication.translate`` to :func:`describe`; the command line
uses the Chinese as written.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from app.errors import BianminError

Translate = Callable[[str, str], str]


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # the name lupdate looks for
    """Mark ``text`` for translation under ``context`` and give it back unchanged: the one marker of
    the project (these sentences, ``app/labels.py``, ``ui/``). PySide6's own returns ``object`` in its
    stub, so a table of marked texts would not type as ``str``; lupdate matches the name, not the
    import, so importing this one under its own name keeps every text in the .ts."""
    return text


def _as_is(context: str, text: str) -> str:
    return text


ERRORS: dict[str, str] = {
    "station.not_found": QT_TRANSLATE_NOOP("Errors", "此目录下还没有服务站数据（{home}）。请先运行 bianmin init 建立服务站。"),
    "station.exists": QT_TRANSLATE_NOOP("Errors", "此目录已有服务站数据（{home}），不能重复初始化。"),
    "auth.wrong_password": QT_TRANSLATE_NOOP("Errors", "密码错误。再错 {remaining} 次将锁定 5 分钟。"),
    "auth.locked": QT_TRANSLATE_NOOP("Errors", "该账号因多次输错密码已被锁定，请 5 分钟后再试，或请管理员解锁。"),
    "auth.unknown_operator": QT_TRANSLATE_NOOP("Errors", "没有这个操作员账号。"),
    "auth.disabled": QT_TRANSLATE_NOOP("Errors", "该操作员账号已停用，请联系管理员。"),
    "auth.permission_denied": QT_TRANSLATE_NOOP("Errors", "此操作需要管理员权限。"),
    "auth.weak_password": QT_TRANSLATE_NOOP("Errors", "密码太短，至少需要 {min_length} 个字符。"),
    "auth.wrong_recovery_code": QT_TRANSLATE_NOOP("Errors", "恢复码不正确。请核对初始化时打印的恢复码。"),
    "store.corrupt": QT_TRANSLATE_NOOP("Errors", "数据库文件已损坏或无法读取，已停止以免丢失数据。最近的备份：{backup}。可用 bianmin restore 恢复。"),
    "store.disk_full": QT_TRANSLATE_NOOP("Errors", "磁盘空间已满，本次操作已撤销，已保存的数据没有丢失。请清理磁盘后重试。"),
    "store.write_failed": QT_TRANSLATE_NOOP("Errors", "写入磁盘失败（磁盘已满或出错），本次操作已撤销，已保存的数据没有丢失。请检查磁盘后重试。"),
    "store.busy": QT_TRANSLATE_NOOP("Errors", "数据库正被另一程序使用，请稍后再试。"),
    "store.unreadable": QT_TRANSLATE_NOOP("Errors", "数据库无法用本机的密钥文件打开（密钥文件与数据库不配套，或另一程序刚更换了数据密钥）。数据没有改动，不需要恢复备份。请退出后重新登录；仍不行请联系县级信息化人员。"),
    "store.in_use": QT_TRANSLATE_NOOP("Errors", "服务站的数据正被另一个便民服务台程序使用（受理窗口、同步或另一个命令）。为免丢失办件，本次没有恢复备份或更换密钥，数据没有改动。请先关闭其他便民服务台程序后再试。"),
    "store.held": QT_TRANSLATE_NOOP("Errors", "服务站正在恢复备份或更换数据密钥，暂时不能打开。请稍候再试。"),
    "store.replaced": QT_TRANSLATE_NOOP("Errors", "服务站的数据已被恢复或更换，本程序不能再写入，刚才的操作没有保存。请关闭程序后重新登录。"),
    "store.migration": QT_TRANSLATE_NOOP("Errors", "数据库升级失败，已保留升级前的备份。"),
    "store.too_new": QT_TRANSLATE_NOOP("Errors", "数据由较新版本的便民服务台保存，这个旧版本不能打开，数据没有改动。请安装新版本；要退回旧版本，请恢复升级前的备份。"),
    "store.backup": QT_TRANSLATE_NOOP("Errors", "备份文件无法使用：{path}。"),
    "store": QT_TRANSLATE_NOOP("Errors", "数据库操作失败。"),
    "validation": QT_TRANSLATE_NOOP("Errors", "输入有误："),
    "validation.id": QT_TRANSLATE_NOOP("Errors", "证件号码有误："),
    "catalogue.file": QT_TRANSLATE_NOOP("Errors", "事项清单文件有问题，未导入任何内容："),
    "case.not_found": QT_TRANSLATE_NOOP("Errors", "找不到办件 {case_no}。"),
    "catalogue.item_not_found": QT_TRANSLATE_NOOP("Errors", "找不到事项 {code}。"),
    "case.decision_not_allowed": QT_TRANSLATE_NOOP("Errors", "不能作出此决定：{reason_text}"),
    "case.invalid_transition": QT_TRANSLATE_NOOP("Errors", "办件当前状态（{current}）下不能执行此操作。"),
    "case.numbers_exhausted": QT_TRANSLATE_NOOP("Errors", "本机（{device}号设备）今天（{day}）的 999 个办件编号已经用完，本件没有受理，已保存的数据没有改动。请到本服务站的另一个窗口受理，或明天再受理。"),
    "journal.broken": QT_TRANSLATE_NOOP("Errors", "办件日志校验失败。"),
    "journal.event_malformed": QT_TRANSLATE_NOOP("Errors", "办件日志中有一条记录的内容无法读取（{payload}）。"),
    "clock.implausible": QT_TRANSLATE_NOOP("Errors", "这台电脑的日期看起来不对（现在显示为 {today}）。为免办件日期和期限出错，本次没有受理，已保存的数据没有改动。请把电脑的日期和时间改正后再试。"),
    "print.missing_glyphs": QT_TRANSLATE_NOOP("Errors", "文档中有字库里没有的字符：{chars}。请核对录入的内容，或联系县级信息化人员补充字库。"),
    "catalogue.empty": QT_TRANSLATE_NOOP("Errors", "尚未导入事项清单。"),
    "sync.not_enrolled": QT_TRANSLATE_NOOP("Errors", "本服务站尚未在平台登记，请先运行 bianmin enrol 平台地址 登记码。"),
    "sync.link_down": QT_TRANSLATE_NOOP("Errors", "连不上平台（网络中断或平台暂时不可用），数据都已保存在本机，联网后再同步。"),
    "sync.refused": QT_TRANSLATE_NOOP("Errors", "平台拒绝了请求（{reason}）。登记码可能已用过或过期，请向平台管理员索取新的登记码。"),
    "sync.protocol": QT_TRANSLATE_NOOP("Errors", "平台的应答不符合协议，请联系县级信息化人员。"),
    "attachment": QT_TRANSLATE_NOOP("Errors", "文件 {name} 无法作为扫描材料导入。"),
    "attachment.too_large": QT_TRANSLATE_NOOP("Errors", "文件 {name} 超过导入上限（{limit_text}），未导入。请降低扫描分辨率或分页扫描后再导入。"),
    "attachment.unsupported": QT_TRANSLATE_NOOP("Errors", "文件 {name} 不是可导入的格式，未导入。只能导入 JPEG、PNG 图片或 PDF 文件（按文件内容判断，与扩展名无关）。"),
    "attachment.corrupt": QT_TRANSLATE_NOOP("Errors", "文件 {name} 已损坏或不完整，无法读取，未导入。请重新扫描或拍照后再导入。"),
    "attachment.not_found": QT_TRANSLATE_NOOP("Errors", "找不到这份扫描材料。"),
    "bundle": QT_TRANSLATE_NOOP("Errors", "离线包 {path} 无法处理。"),
    "bundle.unreadable": QT_TRANSLATE_NOOP("Errors", "无法读取文件 {path}（{reason}）。"),
    "bundle.not_a_bundle": QT_TRANSLATE_NOOP("Errors", "文件 {path} 不是离线包。未导入任何内容。"),
    "bundle.unsupported_version": QT_TRANSLATE_NOOP("Errors", "离线包 {path} 的格式版本（{version}）本程序不支持。未导入任何内容。请升级便民服务台后再导入。"),
    "bundle.tampered": QT_TRANSLATE_NOOP("Errors", "离线包 {path} 校验失败：内容被改动或已损坏。未导入任何内容。请让工作队用原电脑重新导出。"),
    "bundle.truncated": QT_TRANSLATE_NOOP("Errors", "离线包 {path} 不完整（文件被截断，可能没有复制完）。未导入任何内容。请从原电脑重新复制或重新导出。"),
    "bundle.unknown_signer": QT_TRANSLATE_NOOP("Errors", "离线包 {path} 的签名无法确认：不是平台为服务站 {station} 登记的设备签发的。未导入任何内容。"),
    "bundle.foreign_region": QT_TRANSLATE_NOOP("Errors", "离线包 {path} 来自其他区域（{region}）平台登记的设备，本区域平台不能接收。未导入任何内容。"),
    "bundle.already_delivered": QT_TRANSLATE_NOOP("Errors", "离线包 {bundle} 已于 {delivered_at} 送达平台（服务站 {station} 的数据），不再重复导入。平台回执：{ack}"),
    "bundle.empty": QT_TRANSLATE_NOOP("Errors", "没有需要导出的数据：本机的办件日志和扫描材料都已送达平台。"),
    "bundle.no_certificate": QT_TRANSLATE_NOOP("Errors", "本机还没有平台签发的设备证书，无法处理离线包。请在有网络时运行一次 bianmin sync 后再试。"),
    "bundle.bad_ack": QT_TRANSLATE_NOOP("Errors", "回执文件 {path} 无效：不是平台签发的回执，或不是本机离线包的回执，或与本机的办件日志不符。没有作任何标记。"),
    "desktop.libraries_missing": QT_TRANSLATE_NOOP("Errors", "这台电脑缺少打开柜台窗口所需的系统组件，请由管理员安装：sudo apt-get install {packages}（见 README「What the desktop needs」）。命令行现在就可以使用：bianmin --help"),
}

PROBLEMS: dict[str, str] = {
    "empty": QT_TRANSLATE_NOOP("Problems", "不能为空"),
    "bad_length": QT_TRANSLATE_NOOP("Problems", "位数不对"),
    "bad_characters": QT_TRANSLATE_NOOP("Problems", "含有不允许的字符"),
    "bad_checksum": QT_TRANSLATE_NOOP("Problems", "校验位不对（可能有数字录错）"),
    "bad_birth_date": QT_TRANSLATE_NOOP("Problems", "出生日期无效"),
    "future_birth_date": QT_TRANSLATE_NOOP("Problems", "出生日期晚于今天"),
    "bad_region": QT_TRANSLATE_NOOP("Problems", "地区码无效"),
    "bad_format": QT_TRANSLATE_NOOP("Problems", "格式不对"),
    "unknown": QT_TRANSLATE_NOOP("Problems", "未知的取值"),
    "required_for_proxy": QT_TRANSLATE_NOOP("Problems", "代办必须登记代办人"),
    "expired": QT_TRANSLATE_NOOP("Problems", "授权已过期"),
    "not_in_checklist": QT_TRANSLATE_NOOP("Problems", "不在该事项的材料清单中"),
    "count_missing": QT_TRANSLATE_NOOP("Problems", "收到的份数至少为 1"),
    "no_e_licence_for_material": QT_TRANSLATE_NOOP("Problems", "该材料没有可替代的电子证照"),
    "licence_grade_missing": QT_TRANSLATE_NOOP("Problems", "请选择电子证照的可信等级（A–D）"),
    "not_deferrable": QT_TRANSLATE_NOOP("Problems", "该材料不可容缺"),
    "consent_required": QT_TRANSLATE_NOOP("Problems", "群众同意后才能记下姓名和电话"),
    "not_applicable_required": QT_TRANSLATE_NOOP("Problems", "必要材料不能选“无此情形”"),
    "due_date_missing": QT_TRANSLATE_NOOP("Problems", "容缺材料须有补交期限"),
    "due_date_not_in_future": QT_TRANSLATE_NOOP("Problems", "补交期限须晚于今天"),
    "required_for_post": QT_TRANSLATE_NOOP("Problems", "邮寄送达须填写地址"),
    "same_as_intake": QT_TRANSLATE_NOOP("Problems", "办理地不能与受理地相同"),
    "applicant_kind_not_allowed": QT_TRANSLATE_NOOP("Problems", "该事项不受理此类申请人"),
    "not_offered": QT_TRANSLATE_NOOP("Problems", "该事项不提供此送达方式"),
    "exists": QT_TRANSLATE_NOOP("Problems", "已存在"),
    "last_admin": QT_TRANSLATE_NOOP("Problems", "不能停用最后一名管理员"),
    "not_found": QT_TRANSLATE_NOOP("Problems", "文件不存在"),
    "not_json": QT_TRANSLATE_NOOP("Problems", "不是有效的 JSON"),
    "not_utf8": QT_TRANSLATE_NOOP("Problems", "不是 UTF-8 编码"),
    "too_large": QT_TRANSLATE_NOOP("Problems", "文件过大"),
    "required": QT_TRANSLATE_NOOP("Problems", "必填"),
    "out_of_range": QT_TRANSLATE_NOOP("Problems", "超出允许范围"),
    "control_characters": QT_TRANSLATE_NOOP("Problems", "含有控制字符或看不见的文字方向符，不能保存。请删除后重新输入，不要从其他文件粘贴"),
    "bad_phone": QT_TRANSLATE_NOOP("Problems", "不是有效的电话号码：手机号为 11 位，固定电话须带区号，境外号码以“+国家代码”开头"),
    "due_date_too_far": QT_TRANSLATE_NOOP("Problems", "期限太远，不能超过一年"),
    "too_long": QT_TRANSLATE_NOOP("Problems", "太长：{length} 个字符，最多 {limit} 个"),
    "too_many": QT_TRANSLATE_NOOP("Problems", "太多：{length} 个，最多 {limit} 个"),
    "too_deep": QT_TRANSLATE_NOOP("Problems", "嵌套层数过多（超过 {limit} 层），不是事项清单"),
    "control_character": QT_TRANSLATE_NOOP("Problems", "含有控制字符（看不见的字符，常由复制粘贴带入），请在文件中删除"),
    "bidi_control": QT_TRANSLATE_NOOP("Problems", "含有改变文字方向的控制符（会使显示的文字与实际内容不符），请在文件中删除"),
    "bad_device_no": QT_TRANSLATE_NOOP("Problems", "设备编号须为两位数字（00 到 99），例如 01；同一服务站的每台电脑用不同的编号"),
    "no_conflict": QT_TRANSLATE_NOOP("Problems", "该办件没有待处理的冲突（可能已由其他窗口处理）"),
    "not_in_conflict": QT_TRANSLATE_NOOP("Problems", "所选操作不是该办件冲突中的一项"),
    "lone_surrogate": QT_TRANSLATE_NOOP("Problems", "含有无效的 Unicode 字符（孤立的代理码位），文件的编码有误，请从原始资料重新导出"),
}

DECISION_REASONS: dict[str, str] = {
    "required_material_missing": QT_TRANSLATE_NOOP("DecisionReasons", "必要材料缺少：{materials}（可出具一次性告知书，或将可容缺材料登记为容缺）"),
    "deferred_needs_deferral_decision": QT_TRANSLATE_NOOP("DecisionReasons", "有容缺材料，应选择“容缺受理”"),
    "committed_needs_commitment_decision": QT_TRANSLATE_NOOP("DecisionReasons", "有以承诺代替的材料，应选择“告知承诺”"),
    "nothing_deferred": QT_TRANSLATE_NOOP("DecisionReasons", "容缺受理须至少有一项容缺材料"),
    "commitment_not_allowed": QT_TRANSLATE_NOOP("DecisionReasons", "事项 {items} 不适用告知承诺"),
    "nothing_missing": QT_TRANSLATE_NOOP("DecisionReasons", "材料齐全，无需一次性告知"),
    "nothing_overdue": QT_TRANSLATE_NOOP("DecisionReasons", "没有逾期未补交的容缺材料，不能撤销受理决定"),
    "no_bad_rating": QT_TRANSLATE_NOOP("DecisionReasons", "该办件没有差评，无需整改或回访"),
    "bad_rating_closed": QT_TRANSLATE_NOOP("DecisionReasons", "该办件的差评已回访，整改回访已结束"),
    "already_rectified": QT_TRANSLATE_NOOP("DecisionReasons", "该办件的差评已记录整改（可能已由其他窗口记录），请进行回访"),
    "not_rectified": QT_TRANSLATE_NOOP("DecisionReasons", "差评尚未整改，请先记录整改情况再回访"),
    "refusal_reason_missing": QT_TRANSLATE_NOOP("DecisionReasons", "不予受理须写明理由"),
    "refusal_remedies_missing": QT_TRANSLATE_NOOP("DecisionReasons", "不予受理须写明行政复议机关和人民法院"),
}


FALLBACK = QT_TRANSLATE_NOOP("Errors", "操作失败（{code}）")


class _Default(dict[str, Any]):
    def __missing__(self, key: str) -> str:
        return "—"


def describe(exc: BianminError, translate: Translate = _as_is) -> str:
    """One sentence (plus problem lines) for a clerk or an administrator, through ``translate``."""
    details = _Default({k: (", ".join(map(str, v)) if isinstance(v, list) and k != "problems" else v)
                        for k, v in exc.details.items()})
    if exc.code == "case.decision_not_allowed":
        reason = str(exc.details.get("reason", ""))
        details["reason_text"] = translate("DecisionReasons", DECISION_REASONS.get(reason, reason)).format_map(details)
    template = ERRORS.get(exc.code, ERRORS.get(exc.code.split(".")[0], FALLBACK))
    text = translate("Errors", template).format_map(_Default({**details, "code": exc.code}))
    lines = [text]
    problems = exc.details.get("problems", []) or []
    if not problems and exc.details.get("problem"):  # one problem, given as the error's own field and problem
        problems = [{k: v for k, v in exc.details.items() if k != "problems"}]
    for p in problems:
        if isinstance(p, dict):
            where = p.get("field") or p.get("where", "")
            if p.get("entry"):  # the catalogue item or bundle the problem lies in
                where = f"{where}（{p['entry']}）"
            problem: str = p.get("problem", "")
            what = translate("Problems", PROBLEMS.get(problem, problem)).format_map(_Default(p))
            extra = p.get("detail", "")
            lines.append(f"  - {where}：{what}" + (f"（{extra}）" if extra else ""))
        else:
            lines.append(f"  - {p}")
    return "\n".join(lines)
