"""The hub's OpenAPI document, built from the protocol's own types (``sync.protocol``).

The classes below only give the protocol's messages the names the document has always used
(``EnrolIn`` is ``protocol.EnrolRequest`` seen from the hub, ``EventsIn`` a ``protocol.PushBatch``,
and so on); pydantic reads their fields and each field's ``protocol.Spec``. Nothing here defines
a message a second time.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi
from pydantic import TypeAdapter

from sync import protocol


class _Named:
    """A protocol message under the hub document's name for it, described by the message's own docstring."""

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        cls.__doc__ = next(base for base in cls.__bases__ if base is not _Named).__doc__


class EnrolIn(_Named, protocol.EnrolRequest):
    pass


class EnrolOut(_Named, protocol.EnrolAnswer):
    pass


class CertificateOut(_Named, protocol.CertificateAnswer):
    pass


class TimeOut(_Named, protocol.TimeAnswer):
    pass


class EventsIn(_Named, protocol.PushBatch):
    pass


class EventsOut(_Named, protocol.PushAnswer):
    pass


class UpdatesOut(_Named, protocol.UpdatePage):
    pass


class ErrorOut(_Named, protocol.ErrorAnswer):
    pass


class DevicesOut(_Named, protocol.DeviceList):
    pass


class PeersOut(_Named, protocol.PeerPage):
    pass


@dataclass(frozen=True)
class HealthOut:
    ok: bool


# The OpenAPI ``security`` of a route that takes only signed requests.
SIGNED: dict[str, Any] = {"security": [{"stationSignature": []}]}


def openapi(app: FastAPI) -> dict[str, Any]:
    """The document, made once: the routes' own, plus the push body (read by hand, event by event,
    so not declared as a parameter) and the signature scheme."""
    if app.openapi_schema:
        return app.openapi_schema
    schema = get_openapi(title=app.title, version=app.version, description=app.description, routes=app.routes)
    components = schema.setdefault("components", {})
    schemas = components.setdefault("schemas", {})
    events_schema = TypeAdapter(EventsIn).json_schema(ref_template="#/components/schemas/{model}")
    schemas.update(events_schema.pop("$defs", {}))
    schemas["EventsIn"] = events_schema
    components.setdefault("securitySchemes", {})["stationSignature"] = {
        "type": "apiKey", "in": "header", "name": "Signature",
        "description": "RFC 9421 HTTP Message Signature (Ed25519, label any, tag "
                       f"\"{protocol.SIGNATURE_TAG}\", keyid = <station>.<device>; a bare station code is device "
                       "00) covering "
                       f"{', '.join(protocol.COVERED)} with created and nonce; sent with Signature-Input and "
                       "Content-Digest. Requests older than MAX_AGE or replayed are refused.",
    }
    app.openapi_schema = schema
    return schema
