"""HTTP client of the station protocol (requests), with signing, gzip and clock correction."""

from __future__ import annotations

import datetime as dt
import email.utils
import gzip
import json
import logging
from collections.abc import Callable, Sequence
from typing import Any

import requests
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from app.errors import HubProtocolError, HubRefused, LinkDown
from sync import protocol

log = logging.getLogger(__name__)

DEFAULT_TIMEOUT = (10.0, 60.0)  # connect, read: a 256 kbit/s link needs patience


class HubClient:
    """One hub, one device of one station. Every failure becomes LinkDown, HubRefused or HubProtocolError.

    Requests are signed with ``key_id``: ``<station>.<device>`` for a device the hub enrolled by its
    number, the bare station code (device 00 at the hub) for a station enrolled before devices existed.
    """

    def __init__(self, base_url: str, station_code: str, key: Ed25519PrivateKey | None = None, *,
                 key_id: str | None = None, ca_bundle: str | None = None,
                 timeout: tuple[float, float] = DEFAULT_TIMEOUT, session: requests.Session | None = None,
                 clock: Callable[[], dt.datetime] | None = None) -> None:
        self.base_url = base_url.rstrip("/")
        self.station_code = station_code
        self.key = key
        self.key_id = key_id or station_code
        self.timeout = timeout
        self.session = session or requests.Session()
        # TLS verification stays on; a regional CA bundle can replace the system's.
        self.session.verify = ca_bundle if ca_bundle else True
        self.clock_offset = dt.timedelta(0)
        # The station's own clock (``Station.clock.now``): what it believes the time is.
        self.now: Callable[[], dt.datetime] = clock or (lambda: dt.datetime.now(dt.UTC))
        self.bytes_sent = 0

    # -- plumbing ----------------------------------------------------------------------------
    def _learn_clock(self, response: requests.Response) -> None:
        date = response.headers.get("Date")
        if not date:
            return
        try:
            hub_now = email.utils.parsedate_to_datetime(date)
        except (TypeError, ValueError):
            return
        offset = hub_now - self.now()
        # Date has one-second resolution: only correct clocks that are clearly off.
        self.clock_offset = offset if abs(offset) > dt.timedelta(seconds=30) else dt.timedelta(0)

    def _exchange(self, method: str, path: str, body: bytes, params: dict[str, Any] | None,
                  headers: dict[str, str] | None, signed: bool) -> requests.Response:
        request = requests.Request(method, self.base_url + path, data=body if body else None, params=params,
                                   headers=headers or {})
        prepared = self.session.prepare_request(request)
        if signed:
            if self.key is None:
                raise HubRefused("no device key", reason="not_enrolled")
            # sign_request counts from the OS clock: sign at the station's time, corrected by the hub's.
            created = self.now() + self.clock_offset
            protocol.sign_request(prepared, body, self.key_id, self.key, created - dt.datetime.now(dt.UTC))
        try:
            response = self.session.send(prepared, timeout=self.timeout)
        except requests.exceptions.SSLError as exc:
            raise HubRefused(str(exc), reason="tls") from exc
        except requests.exceptions.RequestException as exc:
            raise LinkDown(str(exc)) from exc
        self.bytes_sent += len(body)
        self._learn_clock(response)
        return response

    @staticmethod
    def _refusal(response: requests.Response) -> str | None:
        try:
            data = response.json()
        except (ValueError, RecursionError):
            return None
        return str(data.get("error")) if isinstance(data, dict) and data.get("error") else None

    def _answer(self, method: str, path: str, body: bytes, params: dict[str, Any] | None,
                headers: dict[str, str] | None, signed: bool) -> requests.Response:
        """The hub's answer (signed once more after a stale refusal); a 5xx is LinkDown."""
        offset = self.clock_offset
        response = self._exchange(method, path, body, params, headers, signed)
        if (signed and response.status_code == 401 and self.clock_offset != offset
                and self._refusal(response) == "stale"):
            # Signed with a clock the hub finds too far off (a first request, or the PC's clock was
            # changed since the offset was learned): its answer told us its time; sign once more.
            log.info("hub refused a stale signature; signing again with the hub's clock (offset %s)",
                     self.clock_offset)
            response = self._exchange(method, path, body, params, headers, signed)
        if response.status_code >= 500:
            raise LinkDown(f"hub answered {response.status_code}", status=response.status_code)
        return response

    def _send(self, method: str, path: str, *, body: bytes = b"", params: dict[str, Any] | None = None,
              headers: dict[str, str] | None = None, signed: bool = True) -> dict[str, Any]:
        response = self._answer(method, path, body, params, headers, signed)
        try:
            data = response.json()
        except (ValueError, RecursionError) as exc:  # RecursionError: nested deeper than a parser goes
            if response.status_code >= 400:
                raise HubRefused(f"hub answered {response.status_code}", reason=str(response.status_code)) from exc
            raise HubProtocolError("answer is not JSON") from exc
        if response.status_code >= 400:
            reason = data.get("error") if isinstance(data, dict) else None
            raise HubRefused(f"hub answered {response.status_code}", reason=reason or str(response.status_code),
                             status=response.status_code)
        if not isinstance(data, dict):
            raise HubProtocolError("answer is not an object")
        return data

    # -- the protocol ------------------------------------------------------------------------
    def time(self) -> dict[str, Any]:
        """Unsigned and cheap: a probe for the link's return."""
        return self._send("GET", protocol.TIME, signed=False)

    def enrol(self, code: str, station_name: str, public_key: bytes, *, device: str | None = None,
              device_name: str | None = None, role: str | None = None, box_key: bytes | None = None) -> dict[str, Any]:
        """Unsigned: the one-time code vouches for the device. ``device`` None: an enrolment as before
        devices existed (the hub takes it as device 00)."""
        request = protocol.EnrolRequest(code=code.strip(), station_code=self.station_code, station_name=station_name,
                                        public_key=protocol.b64(public_key), device=device, device_name=device_name,
                                        role=role, box_key=None if box_key is None else protocol.b64(box_key))
        body = json.dumps(request.to_wire()).encode()
        return self._send("POST", protocol.ENROL, body=body, headers={"Content-Type": "application/json"},
                          signed=False)

    def send_events(self, events: Sequence[protocol.WireEvent | dict[str, Any]]) -> protocol.PushAnswer:
        """Push events (``protocol.PushBatch``); the hub's answer, one result per event. Events given
        as wire objects travel as they are (tools and tests send hand-made ones)."""
        doc = protocol.PushBatch(version=protocol.VERSION, station=self.station_code, events=()).to_wire()
        doc["events"] = [e.to_wire() if isinstance(e, protocol.WireEvent) else e for e in events]
        body = gzip.compress(json.dumps(doc, ensure_ascii=False, separators=(",", ":")).encode(), compresslevel=6)
        data = self._send("POST", protocol.EVENTS, body=body,
                          headers={"Content-Type": "application/json", "Content-Encoding": "gzip"})
        try:
            return protocol.PushAnswer.from_wire(data)
        except protocol.Malformed as exc:
            raise HubProtocolError(str(exc)) from exc

    def push(self, events: Sequence[protocol.WireEvent | dict[str, Any]]) -> list[dict[str, Any]]:
        """``send_events``, the results as they travel."""
        return [r.to_wire() for r in self.send_events(events).results]

    def pull(self, cursor: str | None, limit: int = 100) -> dict[str, Any]:
        params: dict[str, Any] = {"limit": limit}
        if cursor:
            params["cursor"] = cursor
        data = self._send("GET", protocol.UPDATES, params=params)
        try:
            protocol.UpdatePage.check_wire(data)  # each update is weighed alone, as it is applied
        except protocol.Malformed as exc:
            raise HubProtocolError(str(exc)) from exc
        return data

    def devices(self) -> protocol.DeviceList:
        """``GET /v1/devices``: the signer's station's devices as the hub knows them."""
        data = self._send("GET", protocol.DEVICES)
        try:
            return protocol.DeviceList.from_wire(data)
        except protocol.Malformed as exc:
            raise HubProtocolError(str(exc)) from exc

    def peers(self, after: int, limit: int = protocol.MAX_PEER_PAGE,
              chains: Sequence[str] | None = None) -> protocol.PeerPage:
        """``GET /v1/peers``: the station's events that its other devices wrote, after feed number ``after``
        (only those of ``chains`` when given: what the centre's relay mirrors)."""
        params: dict[str, Any] = {"after": after, "limit": limit}
        if chains is not None:
            params["chains"] = ",".join(chains)
        data = self._send("GET", protocol.PEERS, params=params)
        try:
            return protocol.PeerPage.from_wire(data)
        except protocol.Malformed as exc:
            raise HubProtocolError(str(exc)) from exc

    def attachment_data(self, sha256: str) -> bytes | None:
        """``GET /v1/attachments/{sha256}/data``: the content of one of the station's scans (another
        device's), or None while the hub has no complete copy of it."""
        response = self._answer("GET", f"{protocol.PREFIX}/attachments/{sha256}/data", b"", None, None, True)
        if response.status_code == 200:
            return response.content
        if response.status_code == 404 and self._refusal(response) == "not_found":
            return None
        reason = self._refusal(response) or str(response.status_code)
        raise HubRefused(f"hub answered {response.status_code}", reason=reason, status=response.status_code)
