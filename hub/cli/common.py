"""What every ``bianmin-hub`` command uses: output, the database, reading and publishing files."""

from __future__ import annotations

import json
import secrets
import sys
from pathlib import Path
from typing import Any

from sqlalchemy import Engine
from sqlalchemy.orm import Session

from hub import db
from sync import protocol

ENV_DB = "BIANMIN_HUB_DB"
CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
CODE_LENGTH = 10


class CliError(Exception):
    """A problem to tell the person at the shell; exit status 1."""


def out(text: str = "") -> None:
    sys.stdout.write(text + "\n")


def err(text: str) -> None:
    sys.stderr.write(text + "\n")


def engine(url: str) -> Engine:
    """The database, ready for the commands (``db.ready``: a new SQLite file is set up, an older
    schema refused with the command to run)."""
    made = db.make_engine(url)
    try:
        db.ready(made)
    except Exception:
        made.dispose()
        raise
    return made


def new_enrol_code() -> str:
    """A fresh one-time code for people to type: 10 Crockford base32 characters, shown as XXXXX-XXXXX."""
    raw = "".join(secrets.choice(CROCKFORD) for _ in range(CODE_LENGTH))
    return f"{raw[:5]}-{raw[5:]}"


def read_json(path: str) -> Any:
    try:
        text = Path(path).read_text("utf-8")
    except OSError as exc:
        raise CliError(f"无法读取文件 {path}：{exc.strerror or exc}") from exc
    except UnicodeDecodeError as exc:
        raise CliError(f"文件 {path} 不是 UTF-8 文本") from exc
    try:
        return json.loads(text)
    except (ValueError, RecursionError) as exc:
        raise CliError(f"文件 {path} 不是有效的 JSON：{exc}") from exc


def refuse_control_text(value: Any, what: str) -> None:
    """Nothing the platform publishes may hold control characters (``protocol.has_control_text``)."""
    if protocol.has_control_text(value):
        raise CliError(f"{what}含有控制字符（如 NUL、ESC 或改变文字方向的字符），未发布")


def publish(hub: Engine, kind: str, body: dict[str, Any], station: str | None = None,
            case_no: str | None = None) -> int:
    with Session(hub) as session:
        row = db.Update(station=station, kind=kind, case_no=case_no,
                        body=json.dumps(body, ensure_ascii=False), created_at=db.utcnow())
        session.add(row)
        session.commit()
        return row.id
