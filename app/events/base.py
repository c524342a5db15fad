"""The base of every journal event payload: a frozen dataclass that encodes to the very dict the
journal stores (and hashes) and decodes from any payload a station ever wrote.

A field is stored under its own name, or under ``key`` (``from`` is no Python name). An *optional*
field is left out of the payload when it is ``None``: keys written only when they apply
(``outcome``, ``extended_by``) or added after the first release (``source`` on a resumed
correction). Keys the fields do not name are kept in ``extra`` as they came, so that
``encode(decode(p)) == p`` for every payload: the bytes the journal stores, and so its hashes, stay
the same whatever program version reads them.

Every payload is declared as a plain subclass of :class:`Payload` (its docstring, ``TYPES`` and its
fields): the subclass is made a frozen dataclass here, once for the case events and the station
events, so no payload can miss it (an undecorated one would encode none of its fields)."""

from __future__ import annotations

import dataclasses
import types
from collections.abc import Mapping
from typing import Any, ClassVar, Self, Union, dataclass_transform, get_args, get_origin, get_type_hints

from app.errors import EventMalformed

_KEY = "key"
_OPTIONAL = "optional"


def stored_as(key: str) -> Any:
    """A required field stored under ``key`` in the payload."""
    return dataclasses.field(metadata={_KEY: key})


def optional(key: str | None = None) -> Any:
    """A field that may be missing from a payload; left out when it is ``None``."""
    metadata: dict[str, Any] = {_OPTIONAL: True}
    if key is not None:
        metadata[_KEY] = key
    return dataclasses.field(default=None, metadata=metadata)


# ``stored_as`` names a field the payload must have; ``optional()`` reads to the checker as what it
# is, a default (None).
@dataclass_transform(frozen_default=True, field_specifiers=(dataclasses.field, stored_as))
@dataclasses.dataclass(frozen=True)
class Payload:
    """One journal event payload. ``TYPES``: the event types that carry this payload. A subclass
    is a frozen dataclass without saying so (``__init_subclass__``)."""

    TYPES: ClassVar[tuple[str, ...]] = ()

    # The hashes of the case's latest events, from other devices of the station, that the writing
    # device held when it wrote this one (``app.merge``): what this action knew of. Left out when the
    # case had no other device's events, so every payload written before devices existed is unchanged.
    after: list[str] | None = dataclasses.field(default=None, kw_only=True, metadata={_OPTIONAL: True})

    # Keys this program does not name (written by another version), kept as they came.
    extra: dict[str, Any] = dataclasses.field(default_factory=dict, kw_only=True, repr=False)

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        dataclasses.dataclass(frozen=True)(cls)  # in place: the class itself, its fields in order

    @classmethod
    def fits(cls, payload: Mapping[str, Any]) -> bool:
        """Whether ``payload`` has this shape (for types with more than one payload shape)."""
        return True

    def encode(self) -> dict[str, Any]:
        """The payload as the journal stores it (a JSON object)."""
        out: dict[str, Any] = {}
        for f in _fields(type(self)):
            value = getattr(self, f.name)
            if value is None and f.metadata.get(_OPTIONAL):
                continue
            out[f.metadata.get(_KEY, f.name)] = value
        out.update(self.extra)
        return out

    @classmethod
    def decode(cls, payload: Mapping[str, Any]) -> Self:
        """This payload from a stored one; raises EventMalformed when a key is missing or of the
        wrong kind (nothing this program ever wrote)."""
        if not isinstance(payload, Mapping):
            raise EventMalformed("payload is not an object", payload=cls.__name__, key="")
        hints = _hints(cls)
        values: dict[str, Any] = {}
        extra: dict[str, Any] = {}
        named: set[str] = set()
        for f in _fields(cls):
            key = f.metadata.get(_KEY, f.name)
            named.add(key)
            if key not in payload:
                if f.metadata.get(_OPTIONAL):
                    continue
                raise EventMalformed(f"{cls.__name__}: no {key}", payload=cls.__name__, key=key)
            value = payload[key]
            if value is None and f.metadata.get(_OPTIONAL):
                extra[key] = None  # an optional key written as null: kept as written
                continue
            if not conforms(value, hints[f.name]):
                raise EventMalformed(f"{cls.__name__}: {key} of the wrong kind", payload=cls.__name__, key=key)
            values[f.name] = value
        extra.update((k, v) for k, v in payload.items() if k not in named)
        return cls(**values, extra=extra)


def _fields(cls: type[Payload]) -> tuple[dataclasses.Field[Any], ...]:
    return tuple(f for f in dataclasses.fields(cls) if f.name != "extra")


_HINTS: dict[type, dict[str, Any]] = {}


def _hints(cls: type[Payload]) -> dict[str, Any]:
    if cls not in _HINTS:
        _HINTS[cls] = get_type_hints(cls)
    return _HINTS[cls]


def conforms(value: Any, hint: Any) -> bool:
    """Whether a JSON value is of the annotated kind (str, int, float, bool, None, list, dict, Any
    and unions of them)."""
    if hint is Any:
        return True
    origin = get_origin(hint)
    if origin is Union or origin is types.UnionType:
        return any(conforms(value, h) for h in get_args(hint))
    if hint is type(None):
        return value is None
    if hint is bool:
        return isinstance(value, bool)
    if hint is int:
        return isinstance(value, int) and not isinstance(value, bool)
    if hint is float:
        return isinstance(value, int | float) and not isinstance(value, bool)
    if hint is str:
        return isinstance(value, str)
    if origin is list:
        (item,) = get_args(hint) or (Any,)
        return isinstance(value, list) and all(conforms(v, item) for v in value)
    if origin is dict:
        _, item = get_args(hint) or (str, Any)
        return isinstance(value, dict) and all(isinstance(k, str) and conforms(v, item) for k, v in value.items())
    raise TypeError(f"unsupported payload annotation {hint!r}")
