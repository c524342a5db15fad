"""The HTTP service in relay mode: the hub's own routes for what a window exchanges with the relay
(``/v1/time``, ``/v1/health``, ``POST /v1/events``, ``GET /v1/peers``, ``GET /v1/devices``,
``GET /v1/updates``, and ``/v1/attachments``: the windows' scans, uploaded by the window that took
them and fetched by the others), on the relay's database; every other path is answered 404
``not_on_relay`` (enrolment and bundles are the regional hub's)."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
from starlette.middleware.gzip import GZipMiddleware

from hub import db
from hub.dependencies import MAX_BODY
from hub.errors import error_response, install_error_handlers
from hub.relay import store
from hub.relay.mirror import DEVICES_EVERY, INTERVAL, Mirror
from hub.relay.state import RelayDir
from hub.routes import attachments, devices, events, peers, time, updates
from sync import protocol

log = logging.getLogger(__name__)

NOT_ON_RELAY = "not_on_relay"
ROUTES = (time, events, peers, devices, updates, attachments)


def create_relay_app(directory: RelayDir, *, mirror: bool = True, interval: float = INTERVAL,
                     devices_every: dt.timedelta = DEVICES_EVERY) -> FastAPI:
    """The relay's service over the database in ``directory`` (set up by ``bianmin-hub relay``);
    with ``mirror`` a background thread keeps the device list and the laptops' events from upstream."""
    config = directory.config()
    engine = store.open_database(directory)
    db.require_current(engine)
    store.ensure_station(engine, config, protocol.b64(protocol.public_bytes(directory.device_key())))
    mirroring = Mirror(engine, directory, config, interval, devices_every) if mirror else None

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        if mirroring is not None:
            mirroring.start()
        try:
            yield
        finally:
            if mirroring is not None:
                mirroring.stop()
            engine.dispose()

    app = FastAPI(title="Bianmin centre relay", version=protocol.VERSION, max_body_size=MAX_BODY, lifespan=lifespan,
                  description="The centre's relay: the station protocol's push, peers, devices, updates, attachments "
                              "and time, for the windows of one centre. See docs/sync-protocol.md, "
                              "\"The centre's relay\".")
    app.state.engine = engine
    app.state.relay = config
    app.state.mirror = mirroring
    app.add_middleware(GZipMiddleware, minimum_size=1000)
    install_error_handlers(app)
    for module in ROUTES:
        app.include_router(module.router)

    @app.api_route("/{path:path}", methods=["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD"],
                   include_in_schema=False)
    async def elsewhere(request: Request, path: str) -> JSONResponse:
        return error_response(404, NOT_ON_RELAY, "the centre's relay serves /v1/time, /v1/events, /v1/peers, "
                                                 "/v1/devices, /v1/updates and /v1/attachments; the rest is the "
                                                 "regional hub's")

    return app
