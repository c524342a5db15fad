"""Every command's arguments: the parser of ``bianmin`` (built only when a command is given)."""

from __future__ import annotations

import argparse

from app.buildinfo import build_info
from app.config import PASSWORD_ENV
from bianmin.cli.cases import cmd_case, cmd_demo, cmd_print
from bianmin.cli.catalogue import cmd_catalogue
from bianmin.cli.common import USER_ENV, top_flags
from bianmin.cli.consult import cmd_consult
from bianmin.cli.link import cmd_bundle, cmd_enrol, cmd_sync
from bianmin.cli.notices import cmd_notices
from bianmin.cli.ratings import add_parser as add_ratings_parser
from bianmin.cli.report import add_parser as add_report_parser
from bianmin.cli.settings import cmd_settings
from bianmin.cli.station import (
    cmd_backup,
    cmd_device,
    cmd_init,
    cmd_operator,
    cmd_recover,
    cmd_rekey,
    cmd_restore,
    cmd_status,
    cmd_verify,
)


def _common(p: argparse.ArgumentParser, json_flag: bool = False) -> None:
    p.add_argument("--user", "-u", help=f"operator login (or {USER_ENV})")
    p.add_argument("--password-file", help=f"file whose first line is the password (or {PASSWORD_ENV})")
    if json_flag:
        p.add_argument("--json", action="store_true", help="machine-readable output")



def build_parser() -> argparse.ArgumentParser:
    from app.models import CaseStatus, Role

    parser = argparse.ArgumentParser(prog="bianmin", description="便民服务台 Bianmin Counter")
    parser.add_argument("--version", action="version", version=build_info().line())
    top_flags(parser)
    sub = parser.add_subparsers(dest="command")

    p = sub.add_parser("init", help="set up a new station")
    p.add_argument("--station-code", required=True, help="12-digit administrative division code")
    p.add_argument("--station-name", required=True)
    p.add_argument("--admin", required=True, help="login of the first administrator")
    p.add_argument("--admin-name", default="")
    p.add_argument("--device", default="00", metavar="NN",
                   help="this PC's number within the station, two digits (default 00: the first or only one)")
    p.add_argument("--device-name", default="", metavar="NAME",
                   help="what the counter calls this PC, printed as the 窗口 of its documents (default: NN号窗口)")
    p.add_argument("--no-sample-catalogue", action="store_true")
    p.add_argument("--password-file")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_init)

    p = sub.add_parser("operator", help="operators and roles")
    osub = p.add_subparsers(dest="op_command", required=True)
    q = osub.add_parser("add")
    q.add_argument("login")
    q.add_argument("--name", default="")
    q.add_argument("--role", choices=[r.value for r in Role], default=Role.clerk.value)
    q.add_argument("--new-password-file")
    _common(q)
    q = osub.add_parser("list")
    _common(q, json_flag=True)
    for name in ("disable", "unlock"):
        q = osub.add_parser(name)
        q.add_argument("login")
        _common(q)
    q = osub.add_parser("passwd")
    q.add_argument("login", nargs="?")
    q.add_argument("--new-password-file")
    _common(q)
    p.set_defaults(func=cmd_operator)

    p = sub.add_parser("recover", help="set a new password with the recovery code")
    p.add_argument("--code-file")
    p.add_argument("--new-password-file")
    _common(p)
    p.set_defaults(func=cmd_recover)

    p = sub.add_parser("rekey", help="rotate the data key")
    _common(p)
    p.set_defaults(func=cmd_rekey)

    p = sub.add_parser("catalogue", help="the service item catalogue")
    csub = p.add_subparsers(dest="cat_command", required=True)
    q = csub.add_parser("import", help="an administrator imports a catalogue file (marked as local; put in use "
                                       "over a version the platform published only with --activate)")
    q.add_argument("file")
    q.add_argument("--activate", action="store_true", default=None,
                   help="put it in use even over the platform's version")
    _common(q)
    q = csub.add_parser("activate", help="an administrator chooses the version in use")
    q.add_argument("version")
    _common(q)
    q = csub.add_parser("search")
    q.add_argument("query")
    q.add_argument("--limit", type=int, default=20)
    _common(q, json_flag=True)
    q = csub.add_parser("show")
    q.add_argument("code")
    q.add_argument("--version", dest="version", default=None)
    _common(q, json_flag=True)
    for name in ("list", "versions"):
        q = csub.add_parser(name)
        _common(q, json_flag=True)
    p.set_defaults(func=cmd_catalogue)

    p = sub.add_parser("demo", help="make realistic demo cases through the real services")
    p.add_argument("--cases", type=int, default=50)
    p.add_argument("--seed", type=int, default=2026)
    _common(p, json_flag=True)
    p.set_defaults(func=cmd_demo)

    p = sub.add_parser("case", help="cases")
    ksub = p.add_subparsers(dest="case_command", required=True)
    q = ksub.add_parser("list")
    q.add_argument("--status", choices=[s.value for s in CaseStatus])
    q.add_argument("--day", help="YYYY-MM-DD")
    q.add_argument("--item")
    q.add_argument("--limit", type=int, default=50)
    _common(q, json_flag=True)
    q = ksub.add_parser("search")
    q.add_argument("query")
    q.add_argument("--limit", type=int, default=50)
    _common(q, json_flag=True)
    q = ksub.add_parser("show")
    q.add_argument("case_no")
    _common(q, json_flag=True)
    q = ksub.add_parser("amend", help="更正: put right a submitted case's details with a reason (a clerk on the day "
                                      "of intake, an administrator after); FIELD is one of "
                                      "applicant.name|name_bo|id_number|phone|address, agent.name|id_number|phone, "
                                      "delivery.address|phone")
    q.add_argument("case_no")
    q.add_argument("--set", action="append", required=True, metavar="FIELD=VALUE", dest="changes")
    q.add_argument("--reason", required=True)
    _common(q)
    q = ksub.add_parser("check", help="告知承诺核查: record the check after approval of a commitment case")
    q.add_argument("case_no")
    q.add_argument("--result", required=True, choices=["fulfilled", "breached"])
    q.add_argument("--note", default="")
    _common(q)
    q = ksub.add_parser("revoke", help="撤销受理决定: revoke a 容缺 acceptance whose deferred material is overdue "
                                       "(an administrator)")
    q.add_argument("case_no")
    q.add_argument("--reason", required=True)
    _common(q)
    p.set_defaults(func=cmd_case)

    p = sub.add_parser("print", help="a document of a case as PDF")
    p.add_argument("kind", choices=["receipt", "correction", "refusal", "deferral", "commitment", "authorisation",
                                    "collection", "revocation"])
    p.add_argument("case_no")
    p.add_argument("--paper", choices=["a4", "a5", "80mm"], default="a4")
    p.add_argument("--lang", choices=["zh", "bo"], default=None, help="default: the station's language")
    p.add_argument("--out", required=True, help="PDF file to write")
    p.add_argument("--force", "--overwrite", action="store_true", help="replace an existing file without asking")
    _common(p)
    p.set_defaults(func=cmd_print)

    p = sub.add_parser("settings", help="station settings: language (zh|bo), printer, paper, idle lock, font scale")
    ssub = p.add_subparsers(dest="settings_command", required=True)
    q = ssub.add_parser("show")
    _common(q, json_flag=True)
    q = ssub.add_parser("set")
    q.add_argument("key")
    q.add_argument("value")
    _common(q)
    p.set_defaults(func=cmd_settings)

    p = sub.add_parser("enrol", help="enrol this device of the station with the regional platform (one-time code "
                                     "made for this device: bianmin-hub enrol-code STATION --device NN)")
    p.add_argument("url")
    p.add_argument("code")
    p.add_argument("--ca-bundle", help="PEM file of the regional CA, instead of the system's")
    p.add_argument("--role", choices=["window", "laptop"], default="window",
                   help="what this device is: a window of the centre (default) or a work team's laptop")
    _common(p)
    p.set_defaults(func=cmd_enrol)

    p = sub.add_parser("sync", help="sync with the regional platform")
    p.add_argument("--once", action="store_true", help="one round now (the default)")
    p.add_argument("--watch", action="store_true", help="keep syncing: every 5 minutes, backoff while the link is down")
    p.add_argument("--json", action="store_true")
    p.set_defaults(sync_command="once")
    ysub = p.add_subparsers(dest="sync_command")
    q = ysub.add_parser("status")
    _common(q, json_flag=True)
    q = ysub.add_parser("relay", help="exchange with the centre's relay on the centre's network (bianmin-hub relay)")
    q.add_argument("url", nargs="?", help="the relay's address, e.g. http://192.168.1.20:8770")
    q.add_argument("--off", action="store_true", help="no relay: exchange with the regional platform alone")
    _common(q)
    q = ysub.add_parser("retry", help="send quarantined events again after the cause was fixed")
    q.add_argument("seq", nargs="*")
    _common(q, json_flag=True)
    _common(p)
    p.set_defaults(func=cmd_sync)

    p = sub.add_parser("bundle", help="offline bundles: carry unsent work to a place with a link")
    bsub = p.add_subparsers(dest="bundle_command", required=True)
    q = bsub.add_parser("export", help="write unsent events and scans into FILE (encrypted for the platform, signed)")
    q.add_argument("file")
    q.add_argument("--since", type=int, default=None, metavar="SEQ",
                   help="every journal event after SEQ (sent or not), instead of the unsent ones")
    _common(q, json_flag=True)
    q = bsub.add_parser("show", help="check a bundle and say whose work it carries")
    q.add_argument("file")
    _common(q, json_flag=True)
    q = bsub.add_parser("import", help="check a bundle and forward it to the platform (resumes when interrupted)")
    q.add_argument("file")
    q.add_argument("--ack", default=None, metavar="PATH", help="where to write the platform's ack (FILE.ack)")
    _common(q, json_flag=True)
    q = bsub.add_parser("ack", help="mark what the platform's ack says it received as sent")
    q.add_argument("file")
    _common(q, json_flag=True)
    q = bsub.add_parser("list", help="bundles exported or forwarded here")
    _common(q, json_flag=True)
    p.set_defaults(func=cmd_bundle)

    p = sub.add_parser("verify", help="check the store and the journal's hash chain")
    _common(p, json_flag=True)
    p.set_defaults(func=cmd_verify)

    p = sub.add_parser("backup", help="write an encrypted backup")
    p.add_argument("file")
    _common(p)
    p.set_defaults(func=cmd_backup)

    p = sub.add_parser("restore", help="restore an encrypted backup")
    p.add_argument("file")
    p.add_argument("--recovery", action="store_true", help="open the backup with its recovery code")
    _common(p)
    p.set_defaults(func=cmd_restore)

    p = sub.add_parser("status", help="station summary")
    _common(p, json_flag=True)
    p.set_defaults(func=cmd_status)

    from app.models import ConsultAnswer

    p = sub.add_parser("consult", help="咨询: record a question answered at the window that did not become a case, "
                                       "or count them")
    csub = p.add_subparsers(dest="consult_command", required=True)
    q = csub.add_parser("record")
    q.add_argument("item", help="the catalogue item's code, or - for another matter")
    q.add_argument("--answer", required=True, choices=[a.value for a in ConsultAnswer])
    q.add_argument("--consent", action="store_true", help="the citizen agrees to leave a name and phone")
    q.add_argument("--name")
    q.add_argument("--phone")
    q.add_argument("--note")
    _common(q)
    q = csub.add_parser("count")
    q.add_argument("--since", help="YYYY-MM-DD (default: today)")
    _common(q, json_flag=True)
    p.set_defaults(func=cmd_consult)

    add_report_parser(sub, _common)

    p = sub.add_parser("notices", help="the platform's notices and what sync set aside for a person; "
                                       "read ID… | --all marks them read (an administrator)")
    nsub = p.add_subparsers(dest="notices_command")
    q = nsub.add_parser("list", help="the unread notices (--all: every one)")
    q.add_argument("--all", action="store_true")
    _common(q, json_flag=True)
    q = nsub.add_parser("read", help="mark notices read (an administrator)")
    q.add_argument("ids", nargs="*")
    q.add_argument("--all", action="store_true", help="every unread notice")
    _common(q)
    p.add_argument("--all", action="store_true", help="every notice, read ones too")
    _common(p, json_flag=True)
    p.set_defaults(func=cmd_notices, notices_command="list", ids=[])

    p = sub.add_parser("device", help="this PC as a device of the station: its number and name")
    p.add_argument("--name", help="give this PC a name (an administrator; \"\" for none: NN号窗口)")
    _common(p, json_flag=True)
    p.set_defaults(func=cmd_device)

    add_ratings_parser(sub, _common)
    return parser

