"""``serve`` and ``db upgrade`` / ``db current``: the hub's service and its database's schema."""

from __future__ import annotations

import argparse
import sys

from hub import db
from hub.cli.common import out


def cmd_serve(args: argparse.Namespace) -> int:
    import uvicorn

    from hub.app import create_app

    # The schema is settled here, once, before the app (and any worker) starts: create_app only checks it.
    engine = db.make_engine(args.db)
    try:
        if args.upgrade:
            report_upgrade(*db.upgrade(engine))
        else:
            db.ready(engine)
    finally:
        engine.dispose()
    app = create_app(args.db)
    out(f"便民服务枢纽已启动：http://{args.host}:{args.port}（数据库 {db.redact_url(args.db)}）")
    sys.stdout.flush()
    # Uvicorn's own lines go through the root logger's handler too, so that they are redacted alike.
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning", log_config=None)
    return 0


def report_upgrade(before: db.SchemaStatus, after: db.SchemaStatus) -> None:
    if before.is_current:
        out(f"数据库结构已是最新版本 {after.revision}，无需升级")
    elif before.state is db.SchemaState.empty:
        out(f"已建立数据库结构（版本 {after.revision}）")
    else:
        out(f"数据库结构已从{f'版本 {before.revision}' if before.revision else '较早枢纽的结构'}升级到版本 "
            f"{after.revision}")


def cmd_db_upgrade(args: argparse.Namespace) -> int:
    engine = db.make_engine(args.db)
    try:
        report_upgrade(*db.upgrade(engine))
    finally:
        engine.dispose()
    return 0


def cmd_db_current(args: argparse.Namespace) -> int:
    """The revision on the first line (``none`` when there is none), what it means on the second;
    exit status 0 only when the schema is current."""
    from hub import migrations

    engine = db.make_engine(args.db)
    try:
        status = migrations.status(engine)
    finally:
        engine.dispose()
    out(status.revision or "none")
    out(migrations.describe(status))
    return 0 if status.is_current else 1
