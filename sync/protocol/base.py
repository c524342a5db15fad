"""The messages of ``bianmin-sync/1`` as types: one definition for the station (``sync``), the
reference hub (``hub``) and the self-test's stand-in platform (``sync.loopback``).

Each message is a frozen dataclass with ``to_wire()`` (the JSON object as it travels, key for key
in the order it always had) and, where a side reads it, ``from_wire()`` (raises ``Malformed``).
The station needs no web framework for them; the hub builds its OpenAPI document from the same
classes (pydantic reads the ``Spec`` of each field). This module holds the paths, the limits and
``Spec``; ``push``, ``updates`` and ``enrolment`` the messages. ``docs/sync-protocol.md`` says
what they mean.
"""

from __future__ import annotations

import re
from typing import Any

VERSION = "bianmin-sync/1"
PREFIX = "/v1"
ENROL = f"{PREFIX}/enrol"
EVENTS = f"{PREFIX}/events"
UPDATES = f"{PREFIX}/updates"
TIME = f"{PREFIX}/time"
CERTIFICATE = f"{PREFIX}/certificate"
BUNDLES = f"{PREFIX}/bundles"
DEVICES = f"{PREFIX}/devices"
PEERS = f"{PREFIX}/peers"
MAX_BATCH = 500
STATION_CODE = r"^[0-9]{12}$"
DEVICE_NO = r"^[0-9]{2}$"
FIRST_DEVICE = "00"  # the device every station enrolled before devices is (``app.journal.FIRST_DEVICE``)
MAX_PEER_PAGE = 500
HEX64 = re.compile(r"[0-9a-f]{64}")


class Malformed(ValueError):
    """A message (or one event of a push) is not what the protocol says; the text says what is wrong."""


class Spec:
    """What the protocol says of one field: a description and JSON Schema bounds (``min_length``,
    ``max_length``, ``pattern``, ``ge``, ``le``; ``examples``). Plain data for the station; the hub's
    pydantic reads it (the two ``__get_pydantic_*`` hooks) to check requests and describe them."""

    _BOUNDS = ("min_length", "max_length", "pattern", "ge", "le")

    def __init__(self, description: str | None = None, **keywords: Any) -> None:
        self.description = description
        self.bounds = {k: v for k, v in keywords.items() if k in self._BOUNDS}
        self.examples = keywords.get("examples")

    def __get_pydantic_core_schema__(self, source: Any, handler: Any) -> Any:
        schema = handler(source)
        schema.update(self.bounds)
        return schema

    def __get_pydantic_json_schema__(self, core_schema: Any, handler: Any) -> Any:
        schema = handler(core_schema)
        if self.description:
            schema["description"] = self.description
        if self.examples is not None:
            schema["examples"] = self.examples
        return schema
