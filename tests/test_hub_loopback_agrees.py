"""The self-test's stand-in platform (``sync.loopback``) answers pushes as the reference hub does.

The same batches go to a real ``bianmin-hub serve`` process and to a ``LoopbackHub``, signed by the
same station's key through the station's own client; every event gets the same answer from both
(both answer through ``protocol.answer_batch``: this checks what each holds and how it reads it).
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

from app.journal import EventType, event_hash
from sync import protocol
from sync.client import HubClient
from sync.loopback import LoopbackHub
from tests.hubproc import Hub
from tests.test_hub import Device, case_no, chain, received

STATION = "540127100201"
OTHER = "540127100202"


def _rehash(ev: Any, **changes: Any) -> Any:
    ev = dataclasses.replace(ev, **changes)
    return dataclasses.replace(ev, hash=event_hash(ev.prev_hash, ev.body()))


def batches() -> list[list[dict[str, Any]]]:
    dev = Device(station=STATION, key=protocol.new_device_key())
    c1, c2, theirs = case_no(STATION, 1), case_no(STATION, 2), case_no(OTHER, 1)
    first = chain(dev, [(c1, EventType.received, received(c1)), (c1, EventType.accepted, {}),
                        (theirs, EventType.received, received(theirs)),
                        (c2, EventType.received, {**received(c2), "note": "一\x00二"}),
                        (c2, EventType.received, received(c2))])
    fork = Device(station=STATION, key=dev.key, prev=first[0].hash, seq=1)
    forked = chain(fork, [(c1, EventType.in_progress, {}), (c2, EventType.accepted, {})])
    later = chain(dev, [(c1, EventType.received, received(c1, "另一人")), (c1, EventType.in_progress, {})])
    tampered = dataclasses.replace(later[1], payload={"changed": True})
    other_station = _rehash(first[1], station=OTHER, event_id="foreign")
    detached = _rehash(later[1], event_id="detached", seq=later[0].seq, prev_hash="cd" * 32)
    last = Device(station=STATION, key=dev.key, prev="ab" * 32, seq=2**63 - 2)  # the last position there is
    (top,) = chain(last, [(None, "station.note", {})])
    wire = protocol.event_to_wire
    unlinked = wire(later[1])
    # Devices: an event of another device's chain (01) from device 00; an intake whose number names
    # device 05, taken in by device 00 (its device field a device number).
    numbered = f"{STATION}20261118" + "05" + "001"
    other_chain = _rehash(later[1], event_id="other-chain", device="01")
    foreign = _rehash(first[0], event_id="foreign-device", device="00", case_no=numbered,
                      payload=received(numbered))
    return [[wire(e) for e in first], [wire(e) for e in first],
            [wire(e) for e in forked], [wire(later[0]), wire(tampered), wire(other_station), wire(detached)],
            [{**wire(later[1]), "operator": "clerk\u202e"}, wire(later[1])],
            [{**unlinked, "seq": "7"}, {k: v for k, v in unlinked.items() if k != "payload"}, 42,
             {**unlinked, "case_no": ""}, {**unlinked, "hash": "AB" * 32}, wire(top)],
            [wire(other_chain), wire(foreign)]]


def test_the_loopback_platform_answers_like_the_hub(hub: Hub, tmp_path: Path) -> None:
    key = protocol.new_device_key()
    real = HubClient(hub.url, STATION, key)
    real.enrol(hub.quick_code(STATION), "自检服务站", protocol.public_bytes(key))
    answers: list[list[tuple[str, str | None]]] = []
    with LoopbackHub() as loop:
        stand_in = HubClient(loop.url, STATION, key)
        stand_in.enrol(loop.code, "自检服务站", protocol.public_bytes(key))
        for batch in batches():
            ours = [(r["status"], r["reason"]) for r in real.push(batch)]
            theirs = [(r["status"], r["reason"]) for r in stand_in.push(batch)]
            assert ours == theirs, batch
            answers.append(ours)
    stored, duplicate, rejected = protocol.STORED, protocol.DUPLICATE, protocol.REJECTED
    R = protocol.Rejection
    assert answers == [
        [(stored, None), (stored, None), (rejected, R.foreign_case_no), (rejected, R.bad_text), (stored, None)],
        [(duplicate, None), (duplicate, None), (rejected, R.foreign_case_no), (rejected, R.bad_text),
         (duplicate, None)],
        [(rejected, R.seq_taken), (rejected, R.broken_chain)],
        [(rejected, R.duplicate_case_no), (rejected, R.bad_hash), (rejected, R.wrong_station),
         (rejected, R.broken_chain)],
        [(rejected, R.bad_text), (stored, None)],
        [(rejected, R.malformed), (rejected, R.malformed), (rejected, R.malformed), (rejected, R.malformed),
         (rejected, R.malformed), (stored, None)],
        [(rejected, R.wrong_device), (rejected, R.foreign_device)],
    ]
