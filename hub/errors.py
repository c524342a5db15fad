"""Refusals as the hub answers them: ``{"error": code, "detail": …}`` (``protocol.ErrorAnswer``)
with a 4xx status. Nothing a client sends leads to a 500; an unexpected fault is logged and
answered ``internal``."""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from hub.schemas import ErrorOut
from sync import protocol

log = logging.getLogger(__name__)

HTTP_ERRORS = {400: "malformed", 404: "not_found", 405: "method_not_allowed", 413: "too_large"}


class HubError(Exception):
    """A refusal: raised anywhere in a request, answered by the handler below."""

    def __init__(self, status: int, error: str, detail: Any = None) -> None:
        super().__init__(error)
        self.status = status
        self.error = error
        self.detail = detail


def error_response(status: int, error: str, detail: Any = None, headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse(protocol.ErrorAnswer(error, detail).to_wire(), status_code=status, headers=headers)


def error_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """The OpenAPI ``responses`` of a route that may refuse with these statuses."""
    return {status: {"model": ErrorOut} for status in statuses}


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(HubError)
    async def hub_error(request: Request, exc: HubError) -> JSONResponse:
        return error_response(exc.status, exc.error, exc.detail)

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> JSONResponse:
        detail = [{"loc": [str(p) for p in e.get("loc", ())], "msg": str(e.get("msg", ""))} for e in exc.errors()]
        return error_response(422, "malformed", detail)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        return error_response(exc.status_code, HTTP_ERRORS.get(exc.status_code, f"http_{exc.status_code}"))

    @app.exception_handler(Exception)
    async def internal_error(request: Request, exc: Exception) -> JSONResponse:
        log.exception("unexpected error on %s %s", request.method, request.url.path)
        return error_response(500, "internal")
