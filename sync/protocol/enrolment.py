"""Enrolment, the hub's clock and certificate, and refusals."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Any

from sync.protocol.base import DEVICE_NO, STATION_CODE, VERSION, Spec


@dataclass(frozen=True)
class EnrolRequest:
    """``POST /v1/enrol`` (unsigned: the one-time code vouches for the station)."""

    code: Annotated[str, Spec("one-time enrolment code (case, dashes and spaces are ignored)", min_length=1,
                              max_length=40)]
    station_code: Annotated[str, Spec("12-digit division code of the station", pattern=STATION_CODE)]
    station_name: Annotated[str, Spec(min_length=1, max_length=200)]
    public_key: Annotated[str, Spec("the station's Ed25519 device key: base64 of the raw 32 bytes", max_length=100)]
    device: Annotated[str | None, Spec("the device's number within the station, two digits; absent: 00",
                                       pattern=DEVICE_NO)] = None
    device_name: Annotated[str | None, Spec("what the counter calls this device (e.g. 3号窗口)", max_length=40)] = None
    role: Annotated[str | None, Spec("window, laptop or relay; absent: window")] = None
    box_key: Annotated[str | None, Spec("the device's X25519 box key: base64 of the raw 32 bytes (a work team's laptop "
                                        "seals its bundles' key to the windows' box keys); absent: none",
                                        max_length=100)] = None

    def to_wire(self) -> dict[str, Any]:
        doc = {"code": self.code, "station_code": self.station_code, "station_name": self.station_name,
               "public_key": self.public_key}
        for name in ("device", "device_name", "role", "box_key"):  # left out when absent: older requests unchanged
            if getattr(self, name) is not None:
                doc[name] = getattr(self, name)
        return doc


@dataclass(frozen=True)
class EnrolAnswer:
    """The hub's answer to an enrolment (and to ``GET /v1/certificate``, in part)."""

    station_code: str
    hub_signing_key: Annotated[str, Spec("the hub's Ed25519 public key, base64 of the raw 32 bytes")]
    hub_box_key: Annotated[str, Spec("the hub's X25519 public key, base64 of the raw 32 bytes")]
    time: str
    region: Annotated[str | None, Spec("the region this hub serves (6-digit division code)")] = None
    certificate: Annotated[dict[str, Any] | None, Spec(
        "the station's device certificate (bianmin-device-cert/1): the hub's Ed25519 signature over station, "
        "station_name, device_key, region, issued_at, hub_key")] = None
    device: Annotated[str | None, Spec("the device number the hub enrolled (absent from hubs before devices)")] = None

    def to_wire(self) -> dict[str, Any]:
        doc: dict[str, Any] = {"station_code": self.station_code, "hub_signing_key": self.hub_signing_key,
                               "hub_box_key": self.hub_box_key, "time": self.time}
        if self.region is not None:  # a platform without regions or certificates sends neither
            doc["region"] = self.region
        if self.certificate is not None:
            doc["certificate"] = self.certificate
        if self.device is not None:
            doc["device"] = self.device
        return doc


@dataclass(frozen=True)
class CertificateAnswer:
    """``GET /v1/certificate``: the signing station's device certificate, for stations enrolled before
    certificates existed."""

    region: str
    certificate: Annotated[dict[str, Any], Spec("bianmin-device-cert/1 of the signing station's device key")]

    def to_wire(self) -> dict[str, Any]:
        return {"region": self.region, "certificate": self.certificate}


@dataclass(frozen=True)
class TimeAnswer:
    """``GET /v1/time`` (unsigned): the hub's clock, and the link probe."""

    time: Annotated[str, Spec("the hub's clock, ISO 8601, UTC")]
    epoch: Annotated[int, Spec("the same instant in Unix seconds")]
    version: Annotated[str, Spec(examples=[VERSION])]

    def to_wire(self) -> dict[str, Any]:
        return {"time": self.time, "epoch": self.epoch, "version": self.version}


@dataclass(frozen=True)
class ErrorAnswer:
    """Every refused request: a stable code and, for some, a detail."""

    error: Annotated[str, Spec("unsigned, unknown_station, bad_signature, stale, replayed, bad_code, malformed, "
                               "bad_cursor, unsupported_version, unsupported_encoding, too_large, batch_too_large, "
                               "wrong_station, not_found, method_not_allowed, revoked_device")]
    detail: Any = None

    def to_wire(self) -> dict[str, Any]:
        return {"error": self.error} if self.detail is None else {"error": self.error, "detail": self.detail}
