"""The reference regional hub: the HTTP side of the station protocol (``sync.protocol``, version 1).

Stations enrol once with a one-time code, then push their case journal (signed, possibly gzip'd,
idempotent per event) and pull updates (case status from the platform, catalogues, calendars,
notices) with an opaque cursor. Every fault in a request is answered with a JSON ``{"error": code}``
and a 4xx status; nothing a client sends leads to a 500.

``create_app`` puts the service together: the routes, one module per resource (``hub.routes``),
what they depend on (``hub.dependencies``: database, signed requests), the refusals
(``hub.errors``), the OpenAPI document (``hub.schemas``, from the protocol's types), the events
the hub holds (``hub.journal``) and its picture of the cases (``hub.projection``).
"""

from __future__ import annotations

from fastapi import FastAPI
from starlette.middleware.gzip import GZipMiddleware

from hub import db
from hub.dependencies import MAX_BODY
from hub.errors import install_error_handlers
from hub.projection import STATUS_BY_TYPE
from hub.routes import attachments, bundles, devices, enrol, events, peers, time, updates
from hub.routes.updates import decode_cursor, encode_cursor
from hub.schemas import openapi
from sync import protocol

__all__ = ["STATUS_BY_TYPE", "create_app", "decode_cursor", "encode_cursor"]


def create_app(db_url: str = db.DEFAULT_URL) -> FastAPI:
    engine = db.make_engine(db_url)
    db.require_current(engine)  # the schema is made by `bianmin-hub db upgrade`, never by a worker
    db.ensure_hub_keys(engine)

    app = FastAPI(title="Bianmin regional hub", version=protocol.VERSION, max_body_size=MAX_BODY,
                  description="Reference hub of the Bianmin station protocol: enrolment, journal push, "
                              "update pull, devices and their shared events. See docs/sync-protocol.md.")
    app.state.engine = engine
    # Answers (a result per pushed event, pages of updates) travel compressed on a slow link.
    app.add_middleware(GZipMiddleware, minimum_size=1000)
    install_error_handlers(app)
    app.openapi = lambda: openapi(app)  # type: ignore[method-assign]
    for module in (time, enrol, events, updates, devices, peers, attachments, bundles):
        app.include_router(module.router)
    return app
