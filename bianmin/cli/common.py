"""What every command shares: the output (text and JSON), the password and the operator's login,
opening the station, and the Chinese words the command line shows for codes."""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from pathlib import Path
from typing import Any

from app.config import PASSWORD_ENV, Paths
from app.labels import zh_table
from app.textcheck import is_clean

USER_ENV = "BIANMIN_USER"
NEW_PASSWORD_ENV = "BIANMIN_NEW_PASSWORD"
RECOVERY_ENV = "BIANMIN_RECOVERY_CODE"

# The names of codes: the one table of app/labels.py, in the window's Chinese.
STATUS_ZH = zh_table("CaseStatus")
MODE_ZH = zh_table("HandlingMode")
MATERIAL_ZH = zh_table("MaterialState")
RELATION_ZH = zh_table("AgentRelation")
SYNC_ERRORS = {
    "sync.link_down": "连不上平台（网络中断或平台暂时不可用）",
    "sync.refused": "平台拒绝了请求（登记失效或时间相差太大）",
    "sync.protocol": "平台的应答不符合协议",
    "sync.not_enrolled": "本服务站尚未在平台登记（bianmin enrol）",
    "sync": "同步出错",
}
# A case on time (or without a time limit) says nothing in the list.
DUE_ZH: dict[str | None, str] = {code: "" if code == "ok" else name for code, name in zh_table("DueState").items()}
DUE_ZH[None] = ""


def top_flags(parser: argparse.ArgumentParser) -> argparse.ArgumentParser:
    parser.add_argument("--self-test", action="store_true",
                        help="check this installation in a temporary directory (the station's data is not touched)")
    parser.add_argument("--verbose", "-v", action="store_true")
    parser.add_argument("--demo", action="store_true",
                        help="with no command: open the window, setting up a demo station if there is none")
    return parser


class CliError(Exception):
    """A usage problem of the command line itself (exit code 2)."""


def out(text: str = "") -> None:
    sys.stdout.write(text + "\n")


def _json_escape(ch: str) -> str:
    cp = ord(ch)
    if cp > 0xFFFF:  # JSON writes characters beyond the BMP as a surrogate pair
        cp -= 0x10000
        return f"\\u{0xD800 + (cp >> 10):04x}\\u{0xDC00 + (cp & 0x3FF):04x}"
    return f"\\u{cp:04x}"


def emit_json(data: Any) -> None:
    """JSON on stdout; characters that would act on a terminal (C1 controls, bidi overrides, lone
    surrogates: json leaves them raw with ensure_ascii=False) are written as \\u escapes."""
    from app.models import to_jsonable

    text = json.dumps(to_jsonable(data), ensure_ascii=False, indent=2)
    if not is_clean(text, multiline=True):
        text = "".join(ch if is_clean(ch, multiline=True) else _json_escape(ch) for ch in text)
    sys.stdout.write(text + "\n")


# -- secrets ---------------------------------------------------------------------------------
def read_secret_file(path: str) -> str:
    try:
        return Path(path).read_text("utf-8").splitlines()[0].strip()
    except (OSError, IndexError, UnicodeDecodeError) as exc:
        raise CliError(f"无法读取密码文件 {path}") from exc


def _secret(args: argparse.Namespace, file_flag: str, env: str, what: str, prompt: str, confirm: bool) -> str:
    """A password from its file flag, else its environment variable, else the terminal (asked twice
    when ``confirm``)."""
    path = getattr(args, file_flag, None)
    if path:
        return read_secret_file(path)
    value = os.environ.get(env)
    if value:
        return value
    if not sys.stdin.isatty():
        option = "--" + file_flag.replace("_", "-")
        raise CliError(f"需要{what}：请在终端输入，或设置 {env}，或使用 {option}")
    first = getpass.getpass(prompt)
    if confirm and getpass.getpass("再输入一次：") != first:
        raise CliError("两次输入的密码不一致")
    return first


def ask_password(args: argparse.Namespace, prompt: str = "密码：") -> str:
    return _secret(args, "password_file", PASSWORD_ENV, "密码", prompt, confirm=False)


def ask_new_password(args: argparse.Namespace, prompt: str = "新密码：") -> str:
    return _secret(args, "new_password_file", NEW_PASSWORD_ENV, "新密码", prompt, confirm=True)


def station_file(paths: Paths) -> Path:
    return paths.home / "station.json"


def _default_login(paths: Paths) -> str | None:
    try:
        return str(json.loads(station_file(paths).read_text("utf-8")).get("default_login") or "") or None
    except (OSError, ValueError):
        return None


def operator_login(args: argparse.Namespace, paths: Paths) -> str:
    login = args.user or os.environ.get(USER_ENV) or _default_login(paths)
    if login:
        return str(login)
    if sys.stdin.isatty():
        return input("操作员账号：").strip()
    raise CliError(f"请用 --user 或 {USER_ENV} 指定操作员账号")


def open_station(args: argparse.Namespace, check: str = "quick") -> Any:
    from app.errors import StationNotFound
    from app.station import Station

    paths = Paths.default()
    if not paths.keyfile.exists():
        raise StationNotFound(home=str(paths.home))
    return Station.open(paths, operator_login(args, paths), ask_password(args), check=check)

