"""Fuzzing the running hub from its own OpenAPI document (schemathesis): nothing a client sends is a 500.

Every operation of ``/openapi.json`` gets generated requests twice: as they come (the signed
operations must then answer 401, never 500), and signed with a real enrolled station's key, so that
the generated bodies, queries and paths reach the handlers behind the signature check (pushes get
the signer's station and version, and correct hashes, often enough to be stored).

Two requests that gave a 500 (fixed) are below as regression tests.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
import zlib
from collections import Counter
from collections.abc import Callable
from typing import Any

import pytest
import requests
import schemathesis
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error

from app.journal import event_hash
from sync import protocol
from sync.client import HubClient
from tests.hubproc import Hub, module_hub

STATION = "540127100077"
# Attachment chunks (tus PATCH bodies) are raw bytes: send them as schemathesis sends octet streams.
schemathesis.serializer.alias("application/offset+octet-stream", "application/octet-stream")
EXAMPLES = 30  # per operation and per test

pytestmark = pytest.mark.timeout(300)


hub = module_hub("fuzz-hub")


@pytest.fixture(scope="module")
def device_key(hub: Hub) -> Ed25519PrivateKey:
    """The key of a station enrolled at the hub (the fuzz signs with it)."""
    key = protocol.new_device_key()
    HubClient(hub.url, STATION).enrol(hub.quick_code(STATION), "模糊测试站", protocol.public_bytes(key))
    return key


@pytest.fixture(scope="module")
def hub_schema(hub: Hub) -> Any:
    """The hub's OpenAPI document as the running hub serves it."""
    return schemathesis.openapi.from_url(f"{hub.url}/openapi.json", timeout=10)


def _is_signed(case: Any) -> bool:
    security = case.operation.definition.raw.get("security") or []
    return any("stationSignature" in requirement for requirement in security)


def _strategy(operation: Any) -> Any:
    """Valid and invalid requests (negative generation, where the operation has anything to get wrong)."""
    positive = operation.as_strategy(GenerationMode.POSITIVE)
    try:
        return st.one_of(positive, operation.as_strategy(GenerationMode.NEGATIVE))
    except Exception:  # nothing to make invalid
        return positive


def _fuzz(hub_schema: Any, send: Callable[[Any], None]) -> list[str]:
    """``send`` every generated case of every operation; the failures, one per operation, all reported."""
    failures, labels = [], []
    for result in hub_schema.get_all_operations():
        operation = result.ok()
        labels.append(operation.label)

        @settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck),
                  phases=[Phase.explicit, Phase.generate, Phase.shrink], database=None)
        @given(case=_strategy(operation))
        def run(case: Any) -> None:
            send(case)

        try:
            run()
        except Exception as exc:
            failures.append(f"{operation.label}: {type(exc).__name__}: {exc}"[:3000])
    # The document describes the protocol's calls (and whatever was added since): all were fuzzed.
    assert {"GET /v1/time", "POST /v1/enrol", "POST /v1/events", "GET /v1/updates"} <= set(labels), labels
    return failures


def test_unsigned_fuzz_is_never_a_server_error(hub: Hub, hub_schema: Any) -> None:
    def send(case: Any) -> None:
        response = case.call(base_url=hub.url, timeout=10)
        case.validate_response(response, checks=[not_a_server_error])
        if _is_signed(case):
            # Without a signature nothing but the refusal (or a body too large to even read).
            assert response.status_code in (401, 413), (response.status_code, response.text)
            if case.method.upper() != "HEAD":
                assert response.json()["error"] in ("unsigned", "bad_signature", "unknown_station", "too_large")

    failures = _fuzz(hub_schema, send)
    assert not failures, "\n\n".join(failures) + "\n--- hub log ---\n" + hub.log()[-4000:]


_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def _clean(value: Any, depth: int = 0) -> Any:
    """``value`` without the control characters the hub refuses (``protocol.has_control_text``)."""
    if isinstance(value, str):
        return _CONTROL.sub("", value)
    if depth > 50:
        return value
    if isinstance(value, dict):
        return {_clean(k, depth + 1): _clean(v, depth + 1) for k, v in value.items()}
    if isinstance(value, list):
        return [_clean(v, depth + 1) for v in value]
    return value


def _deepen(body: Any) -> Any:
    """A generated push, made to pass the batch checks (often) and the hash check (whenever it can)."""
    if not isinstance(body, dict):
        return body
    if zlib.crc32(repr(body).encode()) % 4 == 0:  # some batches stay as generated
        return body
    body = {**body, "version": protocol.VERSION, "station": STATION}
    events = body.get("events")
    if isinstance(events, list):
        fixed = []
        for ev in events:
            if isinstance(ev, dict) and all(k in ev for k in ("seq", "event_id", "case_no", "type", "at", "operator",
                                                               "device", "payload", "prev_hash")):
                ev = {**ev, "station": STATION}
                if zlib.crc32(repr(ev).encode("utf-8", "replace")) % 3:  # most without control characters
                    ev = _clean(ev)
                if isinstance(ev["case_no"], str):  # a case number of the signer's (its first 12 digits)
                    ev["case_no"] = (STATION + ev["case_no"])[:40]
                if isinstance(ev["prev_hash"], str) and isinstance(ev["payload"], dict):
                    # Any position but the first follows some event (the hub holds one chain per station).
                    prev = ev["prev_hash"] if re.fullmatch(r"[0-9a-f]{64}", ev["prev_hash"]) else \
                        hashlib.sha256(repr(ev["seq"]).encode()).hexdigest()
                    ev["prev_hash"] = prev
                    fields = ("seq", "event_id", "station", "case_no", "type", "at", "operator", "device", "payload")
                    try:
                        ev["hash"] = event_hash(prev, {k: ev[k] for k in fields})
                    except (UnicodeEncodeError, ValueError, TypeError):
                        pass
            fixed.append(ev)
        body["events"] = fixed
    return body


def test_signed_fuzz_is_never_a_server_error(hub: Hub, hub_schema: Any, device_key: Ed25519PrivateKey) -> None:
    stored = []
    answers: Counter[str] = Counter()

    def send(case: Any) -> None:
        if case.path == protocol.EVENTS and case.method.upper() == "POST":
            case.body = _deepen(case.body)
        kwargs = case.as_transport_kwargs(base_url=hub.url)
        kwargs.pop("cookies", None)
        with requests.Session() as session:
            prepared = session.prepare_request(requests.Request(**kwargs))
            body = prepared.body or b""
            if isinstance(body, str):
                body = body.encode("utf-8")
            protocol.sign_request(prepared, body, STATION, device_key)
            response = session.send(prepared, timeout=10)
        case.validate_response(response, checks=[not_a_server_error])
        if _is_signed(case) and case.method.upper() != "HEAD":
            assert response.status_code != 401 or response.json()["error"] != "bad_signature", response.text
        if case.path == protocol.EVENTS:
            answers.update([f"http_{response.status_code}"])
        if case.path == protocol.EVENTS and response.status_code == 200:
            stored.extend(r for r in response.json()["results"] if r["status"] == "stored")
            answers.update(str(r["reason"] or r["status"]) for r in response.json()["results"])

    failures = _fuzz(hub_schema, send)
    assert not failures, "\n\n".join(failures) + "\n--- hub log ---\n" + hub.log()[-4000:]
    assert stored, f"no generated event was stored: the signed fuzz did not reach the store ({dict(answers)})"


# -- real bugs: a 500 for a signed request ---------------------------------------------------
def _signed(hub: Hub, key: Ed25519PrivateKey, method: str, path: str, body: bytes = b"",
            params: dict[str, str] | None = None) -> requests.Response:
    headers = {"Content-Type": "application/json"} if body else {}
    with requests.Session() as session:
        prepared = session.prepare_request(requests.Request(method, hub.url + path, data=body or None,
                                                            params=params, headers=headers))
        protocol.sign_request(prepared, body, STATION, key)
        return session.send(prepared, timeout=10)


def test_a_cursor_past_the_largest_update_id_is_a_400(hub: Hub, device_key: Ed25519PrivateKey) -> None:
    cursor = base64.urlsafe_b64encode(json.dumps({"after": 2**64}).encode()).decode().rstrip("=")
    response = _signed(hub, device_key, "GET", protocol.UPDATES, params={"cursor": cursor})
    assert response.status_code == 400 and response.json()["error"] == "bad_cursor", response.text


def test_an_event_with_a_lone_surrogate_is_rejected_not_a_500(hub: Hub, device_key: Ed25519PrivateKey) -> None:
    event = {"seq": 1, "event_id": "e-\ud800", "station": STATION, "case_no": None, "type": "station.note",
             "at": "2026-11-18T10:00:00.000+08:00", "operator": "admin", "device": "d1", "payload": {},
             "prev_hash": "0" * 64, "hash": "0" * 64}
    body = json.dumps({"version": protocol.VERSION, "station": STATION, "events": [event]}).encode()  # \\ud800
    response = _signed(hub, device_key, "POST", protocol.EVENTS, body)
    assert response.status_code == 200, response.text
    assert response.json()["results"][0]["status"] == "rejected"


def test_the_bug_reproductions_need_a_signature(hub: Hub) -> None:
    """Unsigned, the same request is refused before it can do harm: the 500s need an enrolled station's key."""
    cursor = base64.urlsafe_b64encode(json.dumps({"after": 2**64}).encode()).decode().rstrip("=")
    response = requests.get(hub.url + protocol.UPDATES, params={"cursor": cursor}, timeout=10)
    assert response.status_code == 401 and response.json()["error"] == "unsigned"
