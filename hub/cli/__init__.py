"""``bianmin-hub``: run the reference hub and act as the regional platform from a shell.

    bianmin-hub [--db URL] db upgrade          # make or upgrade the database's schema
    bianmin-hub db current
    bianmin-hub [--db URL] serve --port 8470
    bianmin-hub enrol-code 540127100000 [--device 01]
    bianmin-hub devices list [--station 540127100000] [--json]
    bianmin-hub devices revoke 540127100000 01
    bianmin-hub publish-catalogue catalogue.json
    bianmin-hub publish-calendar regional_days.json    # or national_days_2027.json
    bianmin-hub set-status 54012710000020261118000001 concluded --outcome approved
    bianmin-hub cases --station 540127100000 --json
    bianmin-hub report 2026-11 [--station 540127100000 ...] [--json] [--out report.xlsx]
    bianmin-hub region [540000]
    bianmin-hub relay --upstream URL --station 540127100000 --code CODE --name NAME [--dir DIR] [--port 8770]
    bianmin-hub bundles --json

The database comes from ``--db`` (given before the subcommand), else ``BIANMIN_HUB_DB``, else
``sqlite:///bianmin-hub.db`` in the current directory. A new SQLite database is set up by any
command; a PostgreSQL one, and any database of an older hub, by ``db upgrade`` (``serve --upgrade``
does it before serving). The hub serves only a database at the newest schema revision.

The commands by group: ``schema`` (serve, db), ``regional`` (enrol-code, publish-*, region),
``devices`` (devices list/revoke), ``relay`` (the centre's relay: ``hub.relay``), ``cases``
(set-status, cases, bundles), ``reports`` (report: ``hub.reports``); ``parser`` puts them together;
``common`` is what they share.
"""

from __future__ import annotations

from hub.cli.common import CliError, new_enrol_code, publish
from hub.cli.parser import build_parser, main

_publish = publish  # the name some tests publish through

__all__ = ["CliError", "build_parser", "main", "new_enrol_code", "publish"]
