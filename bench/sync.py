"""Sync benchmark: drain a station's journal and scanned attachments to a real hub over a bad link.

    .venv/bin/python bench/sync.py [--kbit 512] [--rtt-ms 300] [--cut-every 30] [--events 5000]
                                   [--attachments 30] [--attachment-kb 300] [--baseline-sample 0.2]
                                   [--no-baseline] [--seed 2026] [--json-out FILE]

A throw-away station (cheap Argon2id: unlocking is not measured, sample catalogue) gets demo cases
until its journal holds about ``--events`` events, and ``--attachments`` scan-like JPEGs of about
``--attachment-kb`` KB each *as stored* (noise images, recompressed by the station on import; the
real sizes are printed). A real hub process listens on loopback; the station talks to it through
``tests.faultproxy.FaultProxy`` capped at ``--kbit`` kbit/s each way, with ``delay = rtt / 2``
(the proxy adds its delay once before forwarding a request and once before forwarding the answer,
so one request/answer costs one RTT on top of the transfer time).

Every ``--cut-every`` seconds a timer arms a one-shot cut of the proxy (``faults.cut``), alternating
a request cut (at a random byte of the next request, at most all but its last byte: the hub never
gets it) and a response cut (at a random byte of the next answer: the hub handled it, the answer is
lost). The proxy decides faults per message when a request starts, so a cut lands on the request
that starts after the tick, not on the one in flight at that very instant.

Engine run: ``sync.engine.run_once`` in a loop until no event and no attachment is waiting. A round
that fails (LinkDown after a cut) is followed at once by the next: the scheduler's backoff is not
what is measured here.

Figures (printed with their targets; the script never asserts):

* link use = link-limited minimum / measured time, where the minimum is the compressed payload
  (gzip'd push bodies in batches of ``engine.BATCH``, computed here from the journal, plus the stored
  attachment bytes) divided by the bandwidth. Headers, answers and round trips are not in the
  minimum, so 100 % is out of reach. Target >= 80 %.
* re-sent per cut: body bytes the station sent again for data it had already sent (attachment bytes
  of a range already PATCHed; the share of a push body whose events were already pushed), counted
  from the requests the station made, attributed to the failed request (cut) that preceded them.
  Cross-checked with the engine's own ``SyncReport.upload_bytes_resent``. Target <= one chunk
  (``sync.attachments.CHUNK``) per cut.
* wire bytes / compressed payload: bytes the proxy forwarded (requests up + answers down; a cut
  message counts the part that crossed) against the compressed payload.

Naive baseline (same run, same station data, a fresh hub and a fresh proxy with the same link and
cuts): one request per case carrying that case's events as plain JSON (no gzip); each attachment as
a create (POST) then ONE PATCH with the whole content; no resume: after any failure the request is
made again, and an attachment starts again from byte 0 (the POST is repeated and tells the client
when the hub already has it all, e.g. after a lost answer; a cut PATCH never reaches the hub's
application, so the hub's offset is still 0). Requests are signed like the station's
(``sync.protocol.sign_request``) with a device key enrolled for the same station code at the fresh
hub. A full baseline takes about as long as the rest together, so by default only a sample runs
(``--baseline-sample``, the first fraction of the cases and of the attachments) and its time and
bytes are scaled up by cases and by attachments separately; the output says so. ``--baseline-sample 1``
runs it all.
"""

from __future__ import annotations

import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO_ROOT))

import argparse  # noqa: E402
import gzip  # noqa: E402
import io  # noqa: E402
import json  # noqa: E402
import os  # noqa: E402
import platform  # noqa: E402
import random  # noqa: E402
import shutil  # noqa: E402
import tempfile  # noqa: E402
import threading  # noqa: E402
import time  # noqa: E402
from dataclasses import dataclass, field  # noqa: E402
from typing import Any  # noqa: E402

import requests  # noqa: E402
from PIL import Image  # noqa: E402

from app.config import KdfParams, Paths  # noqa: E402
from app.errors import SyncError  # noqa: E402
from app.services import attachments as attachment_service  # noqa: E402
from app.services import catalogue  # noqa: E402
from app.station import Station  # noqa: E402
from app.store import attachments as attachment_store  # noqa: E402
from app.store import cases as case_store  # noqa: E402
from app.store import outbox  # noqa: E402
from bench.common import emit, err, kb, mark  # noqa: E402
from bianmin.demo import cases as demo  # noqa: E402
from sync import attachments as sync_attachments  # noqa: E402
from sync import engine, protocol  # noqa: E402
from sync.client import HubClient  # noqa: E402
from tests.faultproxy import FaultProxy, Faults  # noqa: E402
from tests.hubproc import start_hub  # noqa: E402

LINK_USE_TARGET = 0.80
CHEAP_KDF = KdfParams(time_cost=1, memory_kib=8192, parallelism=1)
EVENTS_PER_CASE_GUESS = 2.2  # demo cases without advance: received + accepted/..., sometimes concluded
TIMEOUT = (10.0, 60.0)
MAX_ROUNDS = 2000


# -- the station ----------------------------------------------------------------------------------
def make_station(home: Path) -> Station:
    station, _recovery = Station.init(
        Paths(home), station_code=demo.DEMO_STATION_CODE, station_name=demo.DEMO_STATION_NAME,
        admin_login="bench", admin_password="bench-password", kdf=CHEAP_KDF,
    )
    catalogue.import_sample(station)
    return station


def event_count(station: Station) -> int:
    return int(station.db.scalar("SELECT count(*) FROM events", default=0))


def fill_cases(station: Station, target_events: int, seed: int) -> int:
    """Demo cases (batch 500, advance=False) until the journal holds about ``target_events`` events."""
    rounds = 0
    while event_count(station) < target_events:
        missing = target_events - event_count(station)
        n = max(1, int(missing / EVENTS_PER_CASE_GUESS))
        demo.generate(station, n, seed=seed + rounds, batch=500, advance=False)
        rounds += 1
    return int(station.db.scalar("SELECT count(*) FROM cases", default=0))


def scan_like_jpeg(rng: random.Random, side: int) -> bytes:
    """A noisy colour page (as a camera 'scan' of a photo page): hardly compressible."""
    w, h = side, int(side * 1.414)
    noise = Image.frombytes("RGB", (w, h), rng.randbytes(w * h * 3))
    page = Image.new("RGB", (w, h), (236, 232, 220))
    img = Image.blend(page, noise, 0.55)
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=95)
    return buf.getvalue()


def sized_scan(rng: random.Random, target: int, side: int) -> tuple[bytes, int]:
    """Raw JPEG whose *stored* (recompressed) size is within 3 % of ``target``; and the side used."""
    raw = b""
    for _ in range(8):
        raw = scan_like_jpeg(rng, side)
        stored = len(attachment_service.prepare(raw, "scan.jpg").data)
        if abs(stored - target) <= 0.03 * target:
            break
        side = max(64, min(attachment_service.MAX_SIDE, int(side * (target / stored) ** 0.5)))
    return raw, side


def add_attachments(station: Station, n: int, size: int, seed: int) -> list[int]:
    rng = random.Random(seed)
    rows = station.db.all("SELECT id, case_no FROM cases ORDER BY id")
    step = max(1, len(rows) // max(1, n))
    sizes: list[int] = []
    side = 600
    for i in range(n):
        case_id, case_no = rows[min(len(rows) - 1, i * step)]
        material = case_store.get_materials(station.db, case_id)[0]
        raw, side = sized_scan(rng, size, side)
        info = attachment_service.add_bytes(station, case_no, material["item_code"], material["material_code"], raw,
                                            f"scan-{i + 1:03d}.jpg")
        sizes.append(info.size)
    return sizes


# -- the link -------------------------------------------------------------------------------------
class Cutter:
    """Every ``every`` seconds arm one cut, alternating request and response cuts."""

    def __init__(self, proxy: FaultProxy, every: float, seed: int) -> None:
        self.proxy, self.every = proxy, every
        self.rng = random.Random(seed)
        self.armed = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="bench-cutter", daemon=True)

    def start(self) -> Cutter:
        if self.every > 0:
            self._thread.start()
        return self

    def _run(self) -> None:
        while not self._stop.wait(self.every):
            if self.armed % 2 == 0:
                self.proxy.faults.cut(request_after=self.rng.randrange(1, sync_attachments.CHUNK))
            else:
                self.proxy.faults.cut(response_after=self.rng.randrange(0, 400))
            self.armed += 1

    def stop(self) -> None:
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join(2)
        # an armed cut that no request consumed stays out of the figures (counted from the proxy)
        state = self.proxy.faults.state
        self.proxy.faults.set(cut_request_after=None, cut_response_after=None, delay=state.delay,
                              bandwidth=state.bandwidth)


def link_faults(args: argparse.Namespace) -> dict[str, Any]:
    return {"bandwidth": args.kbit * 1000 / 8, "delay": args.rtt_ms / 1000 / 2}


# -- what the station sent ------------------------------------------------------------------------
@dataclass
class Attempt:
    at: float
    method: str
    path: str
    body: int
    ok: bool
    resent: int = 0


@dataclass
class Ledger:
    """Every request the engine's client made (wrapping ``HubClient._send``), with re-sent body bytes."""

    t0: float = field(default_factory=time.monotonic)
    attempts: list[Attempt] = field(default_factory=list)
    patched: dict[str, int] = field(default_factory=dict)  # furthest byte ever PATCHed, per upload path
    pushed: set[str] = field(default_factory=set)  # event ids ever pushed

    def wrap(self, client: HubClient) -> None:
        original = client._send

        def send(method: str, path: str, **kwargs: Any) -> dict[str, Any]:
            body: bytes = kwargs.get("body") or b""
            resent = 0
            if method == "PATCH":
                start = int((kwargs.get("headers") or {}).get("Upload-Offset", "0"))
                end = start + len(body)
                resent = max(0, min(end, self.patched.get(path, 0)) - start)
                self.patched[path] = max(end, self.patched.get(path, 0))
            elif method == "POST" and path == protocol.EVENTS:
                ids = [e["event_id"] for e in json.loads(gzip.decompress(body))["events"]]
                again = sum(1 for i in ids if i in self.pushed)
                resent = round(len(body) * again / max(1, len(ids)))
                self.pushed.update(ids)
            attempt = Attempt(time.monotonic() - self.t0, method, path, len(body), False, resent)
            self.attempts.append(attempt)
            result = original(method, path, **kwargs)
            attempt.ok = True
            return result

        client._send = send  # type: ignore[method-assign]

    def per_cut(self) -> list[int]:
        """Re-sent bytes after each failed request, up to the next failed one."""
        out: list[int] = []
        for a in self.attempts:
            if not a.ok:
                out.append(0)
            elif out:
                out[-1] += a.resent
        return out


def compressed_payload(events: list[Any], station_code: str) -> tuple[int, int]:
    """(gzip'd push bodies in engine.BATCH batches, the same as plain JSON), from the journal."""
    gz = plain = 0
    for i in range(0, len(events), engine.BATCH):
        wire = [protocol.event_to_wire(ev) for ev in events[i:i + engine.BATCH]]
        body = json.dumps({"version": protocol.VERSION, "station": station_code, "events": wire},
                          ensure_ascii=False, separators=(",", ":")).encode()
        plain += len(body)
        gz += len(gzip.compress(body, compresslevel=6))
    return gz, plain


def waiting(station: Station) -> tuple[int, int]:
    return outbox.pending_count(station.db), attachment_store.pending_upload_count(station.db)


# -- the engine run -------------------------------------------------------------------------------
def engine_run(args: argparse.Namespace, station: Station, work: Path) -> tuple[dict[str, Any], list[Any]]:
    hub = start_hub(work / "hub-engine")
    proxy = FaultProxy(hub.port, faults=Faults(seed=args.seed)).start()
    try:
        engine.enrol(station, proxy.url, hub.quick_code(station.station_code))
        client = engine.client_for(station)
        client.timeout = TIMEOUT
        events = outbox.pending(station.db, 10**9)
        gz_events, plain_events = compressed_payload(events, station.station_code)
        attachment_bytes = int(station.db.scalar("SELECT coalesce(sum(a.size), 0) FROM attachment_uploads u "
                                                 "JOIN attachments a ON a.sha256 = u.sha256 WHERE u.state = ?",
                                                 (attachment_store.PENDING,), default=0))
        payload = gz_events + attachment_bytes
        bandwidth = link_faults(args)["bandwidth"]
        minimum = payload / bandwidth
        print(f"payload: {len(events)} events = {kb(gz_events)} gzip'd in batches of {engine.BATCH} "
              f"({kb(plain_events)} as plain JSON), attachments {kb(attachment_bytes)}; "
              f"total {kb(payload)} -> link-limited minimum {minimum:.1f} s at {args.kbit} kbit/s", flush=True)

        ledger = Ledger()
        ledger.wrap(client)
        proxy.faults.set(**link_faults(args))
        proxy.reset_stats()
        cutter = Cutter(proxy, args.cut_every, args.seed + 1)
        rounds: list[engine.SyncReport] = []
        errors: dict[str, int] = {}
        t0 = time.monotonic()
        ledger.t0 = t0
        cutter.start()
        try:
            while any(waiting(station)) and len(rounds) < MAX_ROUNDS:
                report = engine.run_once(station, client)
                rounds.append(report)
                if report.error:
                    errors[report.error] = errors.get(report.error, 0) + 1
                    err(f"  [engine] round {len(rounds)} failed at {time.monotonic() - t0:.1f} s: {report.error} "
                        f"(waiting {waiting(station)})")
        finally:
            elapsed = time.monotonic() - t0
            cutter.stop()
        stats = proxy.reset_stats()
    finally:
        proxy.close()
        hub.stop()

    left = waiting(station)
    cuts = stats.cuts_up + stats.cuts_down
    per_cut = ledger.per_cut()
    failed_requests = sum(1 for a in ledger.attempts if not a.ok)
    resent_total = sum(a.resent for a in ledger.attempts)
    wire = stats.bytes_up + stats.bytes_down
    by_kind: dict[str, int] = {}
    for a in ledger.attempts:
        kind = f"{a.method} {'/v1/attachments/…' if a.path.startswith(sync_attachments.BASE + '/') else a.path}"
        by_kind[kind] = by_kind.get(kind, 0) + 1
    figures = {
        "events": len(events), "attachment_bytes": attachment_bytes, "payload_gzip_events": gz_events,
        "payload_plain_events": plain_events, "payload_bytes": payload, "minimum_s": round(minimum, 2),
        "seconds": round(elapsed, 2), "link_use": round(minimum / elapsed, 4) if elapsed else None,
        "rounds": len(rounds), "failed_rounds": sum(1 for r in rounds if r.error), "round_errors": errors,
        "left_waiting": {"events": left[0], "attachments": left[1]},
        "pushed": sum(r.pushed for r in rounds), "duplicates": sum(r.duplicates for r in rounds),
        "rejected": sum(r.rejected for r in rounds), "uploaded": sum(r.uploaded for r in rounds),
        "upload_failed": sum(r.upload_failed for r in rounds),
        "engine_upload_bytes_resent": sum(r.upload_bytes_resent for r in rounds),
        "cuts": cuts, "cuts_up": stats.cuts_up, "cuts_down": stats.cuts_down, "cuts_armed": cutter.armed,
        "failed_requests": failed_requests, "requests": len(ledger.attempts), "requests_by_kind": by_kind,
        "resent_bytes": resent_total, "resent_per_cut": per_cut, "resent_max_per_cut": max(per_cut, default=0),
        "chunk": sync_attachments.CHUNK,
        "wire_up": stats.bytes_up, "wire_down": stats.bytes_down, "wire_total": wire,
        "wire_over_payload": round(wire / payload, 4), "wire_up_over_payload": round(stats.bytes_up / payload, 4),
        "client_bytes_sent": 0, "proxy_errors": stats.errors[:5],
    }
    figures["client_bytes_sent"] = client.bytes_sent
    return figures, events


# -- the naive baseline ---------------------------------------------------------------------------
class Naive:
    """One signed request at a time with plain ``requests``; every failure is tried again at once."""

    def __init__(self, url: str, station_code: str, key: Any) -> None:
        self.url, self.station_code, self.key = url.rstrip("/"), station_code, key
        self.session = requests.Session()
        self.failures = 0
        self.requests = 0

    def send(self, method: str, path: str, body: bytes, headers: dict[str, str]) -> requests.Response | None:
        prepared = self.session.prepare_request(requests.Request(method, self.url + path, data=body,
                                                                 headers=headers))
        protocol.sign_request(prepared, body, self.station_code, self.key)
        self.requests += 1
        try:
            response = self.session.send(prepared, timeout=TIMEOUT)
        except requests.RequestException:
            self.failures += 1
            return None
        if response.status_code >= 500:
            self.failures += 1
            return None
        return response

    def push_case(self, events: list[dict[str, Any]]) -> None:
        body = json.dumps({"version": protocol.VERSION, "station": self.station_code, "events": events},
                          ensure_ascii=False, separators=(",", ":")).encode()
        for _ in range(100):
            r = self.send("POST", protocol.EVENTS, body, {"Content-Type": "application/json"})
            if r is not None:
                if r.status_code != 200:
                    raise RuntimeError(f"naive push refused: {r.status_code} {r.text[:200]}")
                return
        raise RuntimeError("naive push: 100 failures in a row")

    def upload(self, sha256: str, data: bytes, mime: str) -> None:
        create = json.dumps({"sha256": sha256, "size": len(data), "mime": mime}, separators=(",", ":")).encode()
        for _ in range(100):
            r = self.send("POST", sync_attachments.BASE, create, {"Content-Type": "application/json"})
            if r is None:
                continue
            answer = r.json()
            if r.status_code >= 400:
                raise RuntimeError(f"naive create refused: {r.status_code} {answer}")
            if answer.get("complete") is True:
                return
            r = self.send("PATCH", f"{sync_attachments.BASE}/{sha256}", data,
                          {"Content-Type": sync_attachments.OCTETS, "Upload-Offset": "0", "Tus-Resumable": "1.0.0"})
            if r is not None and r.status_code < 400 and r.json().get("complete") is True:
                return
        raise RuntimeError("naive upload: 100 failures in a row")


def baseline_run(args: argparse.Namespace, station: Station, events: list[Any], work: Path) -> dict[str, Any]:
    groups: dict[str, list[dict[str, Any]]] = {}
    for ev in events:  # one request per case, in journal order; events of no case in one request of their own
        groups.setdefault(ev.case_no or "", []).append(protocol.event_to_wire(ev))
    keys = list(groups)
    shas = [r[0] for r in station.db.all(
        "SELECT u.sha256, min(l.rowid) AS first FROM attachment_uploads u "
        "JOIN case_attachments l ON l.sha256 = u.sha256 GROUP BY u.sha256 ORDER BY first")]
    frac = min(1.0, max(0.0, args.baseline_sample))
    n_cases = max(1, round(len(keys) * frac)) if keys else 0
    n_att = max(1, round(len(shas) * frac)) if shas else 0
    sample_keys, sample_shas = keys[:n_cases], shas[:n_att]
    sample_events = sum(len(groups[k]) for k in sample_keys)

    hub = start_hub(work / "hub-naive")
    proxy = FaultProxy(hub.port, faults=Faults(seed=args.seed)).start()
    try:
        key = protocol.new_device_key()
        HubClient(proxy.url, station.station_code).enrol(hub.quick_code(station.station_code),
                                                         station.station_name, protocol.public_bytes(key))
        naive = Naive(proxy.url, station.station_code, key)
        proxy.faults.set(**link_faults(args))
        proxy.reset_stats()
        cutter = Cutter(proxy, args.cut_every, args.seed + 1).start()
        try:
            t0 = time.monotonic()
            for k in sample_keys:
                naive.push_case(groups[k])
            t_events = time.monotonic() - t0
            s_events = proxy.reset_stats()
            t1 = time.monotonic()
            for sha in sample_shas:
                meta = attachment_store.content_meta(station.db, sha) or {}
                data = attachment_store.content(station.db, sha)
                assert data is not None
                naive.upload(sha, data, str(meta.get("mime") or "image/jpeg"))
            t_att = time.monotonic() - t1
            s_att = proxy.reset_stats()
        finally:
            cutter.stop()
    finally:
        proxy.close()
        hub.stop()
    scale_e = len(keys) / n_cases if n_cases else 0.0
    scale_a = len(shas) / n_att if n_att else 0.0
    wire_e = s_events.bytes_up + s_events.bytes_down
    wire_a = s_att.bytes_up + s_att.bytes_down
    return {
        "sample": frac, "cases_sent": n_cases, "cases_total": len(keys), "events_sent": sample_events,
        "attachments_sent": n_att, "attachments_total": len(shas),
        "events_seconds_measured": round(t_events, 2), "attachments_seconds_measured": round(t_att, 2),
        "seconds_measured": round(t_events + t_att, 2),
        "seconds": round(t_events * scale_e + t_att * scale_a, 2),
        "wire_total_measured": wire_e + wire_a, "wire_total": round(wire_e * scale_e + wire_a * scale_a),
        "wire_up": round(s_events.bytes_up * scale_e + s_att.bytes_up * scale_a),
        "wire_down": round(s_events.bytes_down * scale_e + s_att.bytes_down * scale_a),
        "requests_measured": naive.requests, "failed_requests_measured": naive.failures,
        "cuts_measured": s_events.cuts_up + s_events.cuts_down + s_att.cuts_up + s_att.cuts_down,
        "extrapolated": frac < 1.0,
    }


# -- main -----------------------------------------------------------------------------------------
def parse_args(argv: list[str] | None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--kbit", type=float, default=512, help="link bandwidth each way, kbit/s (default 512)")
    ap.add_argument("--rtt-ms", type=float, default=300, help="round trip added per request, ms (default 300)")
    ap.add_argument("--cut-every", type=float, default=30, help="seconds between cuts; 0 = none (default 30)")
    ap.add_argument("--events", type=int, default=5000, help="journal events to drain, about (default 5000)")
    ap.add_argument("--attachments", type=int, default=30, help="attachments (default 30)")
    ap.add_argument("--attachment-kb", type=float, default=300, help="stored size of each, KB (default 300)")
    ap.add_argument("--baseline-sample", type=float, default=0.2,
                    help="fraction of the cases and of the attachments the naive baseline really sends; its "
                         "figures are scaled up from it (default 0.2; 1 = all)")
    ap.add_argument("--no-baseline", action="store_true", help="skip the naive baseline")
    ap.add_argument("--seed", type=int, default=2026, help="data and cut positions (default 2026)")
    ap.add_argument("--keep", type=Path, metavar="DIR", help="make the station and hubs in DIR and keep them")
    ap.add_argument("--json-out", type=Path, metavar="FILE", help="also write the JSON figures to FILE")
    args = ap.parse_args(argv)
    if args.kbit <= 0 or args.rtt_ms < 0 or args.cut_every < 0 or args.events < 1 or args.attachments < 0 \
            or args.attachment_kb <= 0 or not 0 < args.baseline_sample <= 1:
        ap.error("bad option value")
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    work = args.keep or Path(tempfile.mkdtemp(prefix="bianmin-bench-sync-"))
    work.mkdir(parents=True, exist_ok=True)
    figures: dict[str, Any] = {
        "env": {"python": platform.python_version(), "platform": platform.platform(), "cpus": os.cpu_count(),
                "loadavg_start": [round(x, 2) for x in os.getloadavg()]},
        "args": {k: (str(v) if isinstance(v, Path) else v) for k, v in vars(args).items()},
    }
    bandwidth = link_faults(args)["bandwidth"]
    print(f"Bianmin sync benchmark  python {platform.python_version()}  {os.cpu_count()} CPUs  "
          f"load {figures['env']['loadavg_start']}")
    print(f"link: {args.kbit:g} kbit/s = {bandwidth:.0f} B/s each way, RTT {args.rtt_ms:g} ms "
          f"(proxy delay {args.rtt_ms / 2:g} ms per message each way), a cut every {args.cut_every:g} s "
          f"(alternating request / response, one-shot, random byte); chunk {sync_attachments.CHUNK} B")
    print(f"work dir {work}{' (kept)' if args.keep else ' (temporary)'}; cheap Argon2id, unlocking not measured")
    station: Station | None = None
    try:
        t0 = time.monotonic()
        station = make_station(work / "station")
        # the enrolment adds one event, each attachment one
        n_cases = fill_cases(station, args.events - args.attachments - 1, args.seed)
        sizes = add_attachments(station, args.attachments, int(args.attachment_kb * 1000), args.seed)
        figures["data"] = {"cases": n_cases, "events_before_enrol": event_count(station),
                           "attachment_sizes": sizes, "setup_s": round(time.monotonic() - t0, 1)}
        if sizes:
            print(f"station: {n_cases} demo cases, {event_count(station)} journal events (+1 at enrolment), "
                  f"{len(sizes)} JPEG attachments stored at {min(sizes) / 1000:.0f}-{max(sizes) / 1000:.0f} KB "
                  f"(mean {sum(sizes) / len(sizes) / 1000:.0f} KB, target {args.attachment_kb:g}); "
                  f"made in {figures['data']['setup_s']} s")
        else:
            print(f"station: {n_cases} demo cases, {event_count(station)} journal events, no attachments")

        print("\n== Engine: sync.engine.run_once in a loop until nothing waits (a failed round is retried at once)",
              flush=True)
        eng, events = engine_run(args, station, work)
        figures["engine"] = eng
        use = eng["link_use"] or 0.0
        print(f"link use: {use:.0%} (target >= {LINK_USE_TARGET:.0%}) {mark(use >= LINK_USE_TARGET)} | "
              f"{eng['seconds']:.0f} s vs minimum {eng['minimum_s']:.0f} s")
        chunks = eng["resent_max_per_cut"] / sync_attachments.CHUNK
        print(f"re-sent per cut: {chunks:.2f} chunk max (target <= 1 chunk) "
              f"{mark(eng['resent_max_per_cut'] <= sync_attachments.CHUNK)} | {eng['cuts']} cuts "
              f"({eng['cuts_up']} request, {eng['cuts_down']} response), {eng['failed_requests']} failed requests, "
              f"re-sent {kb(eng['resent_bytes'])} in all ({kb(eng['resent_bytes'] / max(1, eng['cuts']))} per cut); "
              f"engine's upload_bytes_resent {kb(eng['engine_upload_bytes_resent'])}")
        print(f"wire bytes vs compressed payload: {eng['wire_over_payload']:.2f}x | up {kb(eng['wire_up'])} "
              f"({eng['wire_up_over_payload']:.2f}x), down {kb(eng['wire_down'])}, payload {kb(eng['payload_bytes'])}")
        print(f"  rounds {eng['rounds']} ({eng['failed_rounds']} failed: {eng['round_errors']}); requests "
              f"{eng['requests']} {eng['requests_by_kind']}; pushed {eng['pushed']} (+{eng['duplicates']} duplicates, "
              f"{eng['rejected']} rejected), uploaded {eng['uploaded']}; left waiting {eng['left_waiting']}")
        if eng["proxy_errors"]:
            print(f"  proxy errors: {eng['proxy_errors']}")

        if not args.no_baseline:
            sample = "all of it" if args.baseline_sample >= 1 else (
                f"a sample: the first {args.baseline_sample:.0%} of the cases and of the attachments, scaled up")
            print(f"\n== Naive baseline: one plain-JSON request per case, whole attachments, no resume ({sample})",
                  flush=True)
            base = baseline_run(args, station, events, work)
            figures["baseline"] = base
            est = " (extrapolated)" if base["extrapolated"] else ""
            print(f"naive time: {base['seconds']:.0f} s{est} vs engine {eng['seconds']:.0f} s "
                  f"({base['seconds'] / eng['seconds']:.1f}x) | measured {base['seconds_measured']:.0f} s for "
                  f"{base['cases_sent']}/{base['cases_total']} case requests ({base['events_sent']} events, "
                  f"{base['events_seconds_measured']:.0f} s) + {base['attachments_sent']}/{base['attachments_total']} "
                  f"attachments ({base['attachments_seconds_measured']:.0f} s)")
            print(f"naive wire bytes: {kb(base['wire_total'])}{est} = {base['wire_total'] / eng['payload_bytes']:.2f}x "
                  f"the compressed payload, vs engine {kb(eng['wire_total'])} ({eng['wire_over_payload']:.2f}x) | "
                  f"measured {kb(base['wire_total_measured'])}, {base['requests_measured']} requests, "
                  f"{base['failed_requests_measured']} failed, {base['cuts_measured']} cuts")
    finally:
        if station is not None:
            station.close()
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)

    figures["env"]["loadavg_end"] = [round(x, 2) for x in os.getloadavg()]
    emit(figures, args.json_out)
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except SyncError as exc:
        err(f"sync failed outside a round: {exc!r}")
        sys.exit(1)
