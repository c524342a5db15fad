"""A fault-injecting HTTP/1.1 proxy on loopback, for tests of sync over a bad link.

It runs in background threads of the test process, listens on ``127.0.0.1`` (a free port) and
forwards to the hub. It reads whole HTTP messages (Content-Length or chunked), so faults can be
chosen per request and cuts can land at any byte of a request or of a response::

    proxy = FaultProxy(hub.port).start()
    try:
        proxy.faults.set(fail_5xx=0.2, cut_request_p=0.1, cut_response_p=0.1, duplicate_request=0.2)
        ...                                  # the station syncs through proxy.url
        proxy.faults.cut(response_after=10)  # the next response stops after 10 bytes
        proxy.faults.heal()
    finally:
        proxy.close()

Faults (``Faults``: thread safe, changed at any moment, read once per request):

* ``delay`` — seconds added to each message, each way (a round trip costs twice this);
* ``bandwidth`` — bytes/s cap, both directions (requests to the hub, responses to the station);
* ``cut_request_after`` / ``cut_response_after`` — one-shot (``faults.cut(...)``, alias
  ``cut_after_bytes(upstream=, downstream=)``): the next request (upstream) or response
  (downstream) is cut after that many bytes, at most all but its last byte, and both sides are
  closed abruptly (RST). Per message rather than per connection: the station's keep-alive
  connection may carry many requests, and a "next connection" may never come;
  ``cut_request_p`` / ``cut_response_p`` — the same, per message, at a random byte of it.
  A cut request never reaches the hub's application (it never arrives whole); a cut response
  was fully handled by the hub and its answer is lost;
* ``fail_5xx`` — probability of answering ``503`` without contacting the hub, then closing;
* ``duplicate_request`` — probability of sending the request to the hub a second time on a new
  connection (a retransmission); the station gets the first answer, the copy's answer is
  discarded and recorded in ``stats.replays`` (a signed copy must be refused: 401 ``replayed``);
  with ``duplicate_together`` the copy races the original (both sent at once): the station gets
  the answer that is not the refusal of a replay, and when the original is cut on its way the
  copy alone reaches the hub (``stats.copies_only``);
* ``down`` — refuse the link: new connections are accepted and reset at once, requests on open
  connections are dropped the same way.

Counters are in ``proxy.stats`` (bytes forwarded each way, connections, requests, cuts, ...).
``close()`` stops everything within a few seconds.
"""

from __future__ import annotations

import json
import random
import socket
import struct
import threading
import time
from dataclasses import dataclass, field, fields, replace
from typing import Any

_CHUNK = 4096
_MAX_HEAD = 64 * 1024
_RANDOM = -1  # a cut at a random byte of the message


@dataclass(frozen=True)
class Plan:
    """What happens to one request (decided by ``Faults.plan``)."""

    down: bool = False
    fail_5xx: bool = False
    duplicate: bool = False
    duplicate_together: bool = False
    cut_request: int | None = None  # bytes of the request that reach the hub before the cut
    cut_response: int | None = None  # bytes of the response that reach the station before the cut
    delay: float = 0.0
    bandwidth: float | None = None


@dataclass
class FaultState:
    delay: float = 0.0
    bandwidth: float | None = None
    cut_request_after: int | None = None
    cut_response_after: int | None = None
    cut_request_p: float = 0.0
    cut_response_p: float = 0.0
    fail_5xx: float = 0.0
    duplicate_request: float = 0.0
    duplicate_together: bool = False
    down: bool = False


class Faults:
    """The faults of the link; every method is thread safe and takes effect at the next request."""

    def __init__(self, seed: int | None = None, **initial: Any) -> None:
        self._lock = threading.Lock()
        self._state = FaultState()
        self._rng = random.Random(seed)
        self.set(**initial)

    def set(self, **changes: Any) -> None:
        """Change some faults, e.g. ``set(fail_5xx=0.3, down=False)``; unknown names are an error."""
        known = {f.name for f in fields(FaultState)}
        unknown = set(changes) - known
        if unknown:
            raise TypeError(f"unknown faults: {sorted(unknown)}")
        with self._lock:
            self._state = replace(self._state, **changes)

    def cut(self, request_after: int | None = None, response_after: int | None = None) -> None:
        """Arm one-shot cuts: the next request after ``request_after`` bytes, the next response after
        ``response_after`` bytes (``None`` leaves that direction as it is)."""
        with self._lock:
            if request_after is not None:
                self._state = replace(self._state, cut_request_after=request_after)
            if response_after is not None:
                self._state = replace(self._state, cut_response_after=response_after)

    def cut_after_bytes(self, upstream: int | None = None, downstream: int | None = None) -> None:
        """``cut`` by the names of the directions: upstream = requests, downstream = responses."""
        self.cut(request_after=upstream, response_after=downstream)

    def heal(self) -> None:
        """A good link again: no fault at all."""
        with self._lock:
            self._state = FaultState()

    def seed(self, seed: int) -> None:
        with self._lock:
            self._rng.seed(seed)

    @property
    def state(self) -> FaultState:
        with self._lock:
            return replace(self._state)

    @property
    def down(self) -> bool:
        with self._lock:
            return self._state.down

    def plan(self) -> Plan:
        """Decide the faults of one request (consumes one-shot cuts)."""
        with self._lock:
            s, rng = self._state, self._rng
            if s.down:
                return Plan(down=True)
            if s.fail_5xx and rng.random() < s.fail_5xx:
                return Plan(fail_5xx=True, delay=s.delay, bandwidth=s.bandwidth)
            cut_request: int | None = None
            cut_response: int | None = None
            if s.cut_request_after is not None:
                cut_request = s.cut_request_after
                self._state = replace(self._state, cut_request_after=None)
            elif s.cut_request_p and rng.random() < s.cut_request_p:
                cut_request = _RANDOM
            if cut_request is None:  # a request that never arrived gets no response to cut
                if s.cut_response_after is not None:
                    cut_response = s.cut_response_after
                    self._state = replace(self._state, cut_response_after=None)
                elif s.cut_response_p and rng.random() < s.cut_response_p:
                    cut_response = _RANDOM
            duplicate = bool(s.duplicate_request and rng.random() < s.duplicate_request)
            return Plan(duplicate=duplicate, duplicate_together=duplicate and s.duplicate_together,
                        cut_request=cut_request, cut_response=cut_response, delay=s.delay,
                        bandwidth=s.bandwidth)

    def offset(self, size: int) -> int:
        """A random cut point inside a message of ``size`` bytes (0 = nothing of it arrives)."""
        with self._lock:
            return self._rng.randrange(max(1, size))


@dataclass
class Replay:
    """The hub's answer to a duplicated request, which the station never saw."""

    method: str
    path: str
    signed: bool
    status: int
    error: str | None


@dataclass
class Stats:
    connections: int = 0
    refused: int = 0  # connections reset because the link was down
    requests: int = 0
    forwarded: int = 0  # requests answered by the hub and passed on whole
    bytes_up: int = 0  # request bytes written to the hub (copies of duplicates not counted)
    bytes_down: int = 0  # response bytes written to the station
    cuts_up: int = 0
    cuts_down: int = 0
    fails_5xx: int = 0
    dropped: int = 0  # requests on an open connection while the link was down
    copies_only: int = 0  # duplicated requests whose original was cut: only the copy reached the hub
    replays: list[Replay] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)  # unexpected proxy-side failures (for diagnosis)


class _Closed(Exception):
    """The peer closed the connection before a whole message arrived."""


@dataclass
class _Message:
    raw: bytes
    head: bytes
    start_line: str
    headers: dict[str, str]

    @property
    def method(self) -> str:
        return self.start_line.split(" ", 1)[0]

    @property
    def path(self) -> str:
        parts = self.start_line.split(" ")
        return parts[1].split("?", 1)[0] if len(parts) > 1 else ""

    @property
    def status(self) -> int:
        parts = self.start_line.split(" ")
        return int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else 0

    def wants_close(self) -> bool:
        return "close" in self.headers.get("connection", "").lower()

    def body(self) -> bytes:
        return self.raw[len(self.head):]


class _Reader:
    """Buffered reads of HTTP/1.1 messages from one socket."""

    def __init__(self, sock: socket.socket) -> None:
        self.sock = sock
        self.buf = b""

    def _fill(self) -> None:
        data = self.sock.recv(65536)
        if not data:
            raise _Closed()
        self.buf += data

    def _take(self, n: int) -> bytes:
        while len(self.buf) < n:
            self._fill()
        out, self.buf = self.buf[:n], self.buf[n:]
        return out

    def _line(self) -> bytes:
        while b"\r\n" not in self.buf:
            if len(self.buf) > _MAX_HEAD:
                raise _Closed()
            self._fill()
        i = self.buf.index(b"\r\n") + 2
        out, self.buf = self.buf[:i], self.buf[i:]
        return out

    def _head(self) -> bytes:
        while b"\r\n\r\n" not in self.buf:
            if len(self.buf) > _MAX_HEAD:
                raise _Closed()
            self._fill()
        i = self.buf.index(b"\r\n\r\n") + 4
        out, self.buf = self.buf[:i], self.buf[i:]
        return out

    def _chunked(self) -> bytes:
        out = b""
        while True:
            line = self._line()
            out += line
            size = int(line.split(b";", 1)[0].strip() or b"0", 16)
            if size == 0:
                while True:  # trailers, up to the empty line
                    trailer = self._line()
                    out += trailer
                    if trailer == b"\r\n":
                        return out
            out += self._take(size + 2)

    def _to_eof(self) -> bytes:
        while True:
            try:
                self._fill()
            except _Closed:
                out, self.buf = self.buf, b""
                return out

    def message(self, *, response: bool = False, request_method: str = "") -> _Message | None:
        """The next whole message; None when the peer closed cleanly between messages."""
        if not self.buf:
            try:
                self._fill()
            except (_Closed, TimeoutError):  # closed, or idle too long, between messages
                return None
        raw = b""
        while True:
            head = self._head()
            start_line, headers = _parse_head(head)
            raw += head
            status = int(start_line.split(" ")[1]) if response and len(start_line.split(" ")) > 1 else 0
            if response and 100 <= status < 200:  # 100 Continue and friends: the real answer follows
                continue
            break
        if "chunked" in headers.get("transfer-encoding", "").lower():
            body = self._chunked()
        elif "content-length" in headers:
            body = self._take(int(headers["content-length"]))
        elif response and request_method != "HEAD" and status not in (204, 304):
            body = self._to_eof()
        else:
            body = b""
        return _Message(raw=raw + body, head=head, start_line=start_line, headers=headers)


def _parse_head(head: bytes) -> tuple[str, dict[str, str]]:
    lines = head.decode("latin-1").split("\r\n")
    headers: dict[str, str] = {}
    for line in lines[1:]:
        if ":" in line:
            name, value = line.split(":", 1)
            headers[name.strip().lower()] = value.strip()
    return lines[0], headers


def _error_of(answer: _Message) -> str | None:
    """The ``error`` of a JSON error answer, if it is one."""
    try:
        doc = json.loads(answer.body() or b"null")
    except ValueError:
        return None
    error = doc.get("error") if isinstance(doc, dict) else None
    return error if isinstance(error, str) else None


def _abort(sock: socket.socket | None) -> None:
    """Close abruptly: the peer sees a reset, not an orderly end."""
    if sock is None:
        return
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    except OSError:
        pass
    try:
        sock.close()
    except OSError:
        pass


def _close(sock: socket.socket) -> None:
    """An orderly close: whatever was written still arrives."""
    try:
        sock.shutdown(socket.SHUT_WR)
    except OSError:
        pass
    try:
        sock.close()
    except OSError:
        pass


_FAIL_BODY = json.dumps({"error": "proxy_unavailable"}).encode()
_FAIL_RESPONSE = (b"HTTP/1.1 503 Service Unavailable\r\nContent-Type: application/json\r\n"
                  b"Content-Length: " + str(len(_FAIL_BODY)).encode() + b"\r\nConnection: close\r\n\r\n" + _FAIL_BODY)


class FaultProxy:
    """A proxy from ``127.0.0.1:<free port>`` to ``target_host:target_port`` (loopback only)."""

    def __init__(self, target_port: int, target_host: str = "127.0.0.1", faults: Faults | None = None,
                 io_timeout: float = 30.0) -> None:
        if target_host not in ("127.0.0.1", "localhost", "::1"):
            raise ValueError("the fault proxy only forwards to loopback")
        self.target = (target_host, target_port)
        self.faults = faults or Faults()
        self.stats = Stats()
        self.io_timeout = io_timeout
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._sockets: set[socket.socket] = set()
        self._threads: list[threading.Thread] = []
        self._listener: socket.socket | None = None
        self.port = 0

    # -- life ------------------------------------------------------------------------------------
    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> FaultProxy:
        listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(("127.0.0.1", 0))
        listener.listen(64)
        listener.settimeout(0.1)
        self._listener = listener
        self.port = int(listener.getsockname()[1])
        thread = threading.Thread(target=self._accept_loop, name=f"faultproxy-{self.port}", daemon=True)
        thread.start()
        self._threads.append(thread)
        return self

    def close(self, timeout: float = 5.0) -> None:
        """Stop accepting, reset every open connection, and wait (bounded) for the threads."""
        self._stop.set()
        if self._listener is not None:
            try:
                self._listener.close()
            except OSError:
                pass
        with self._lock:
            open_sockets = list(self._sockets)
            self._sockets.clear()
        for sock in open_sockets:
            try:
                sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            _abort(sock)
        deadline = time.monotonic() + timeout
        for thread in list(self._threads):
            thread.join(max(0.0, deadline - time.monotonic()))

    def __enter__(self) -> FaultProxy:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.close()

    def reset_stats(self) -> Stats:
        """The counters so far; counting starts again from zero."""
        with self._lock:
            old, self.stats = self.stats, Stats()
        return old

    # -- plumbing --------------------------------------------------------------------------------
    def _count(self, **increments: int) -> None:
        with self._lock:
            for name, n in increments.items():
                setattr(self.stats, name, getattr(self.stats, name) + n)

    def _track(self, sock: socket.socket) -> None:
        with self._lock:
            if self._stop.is_set():
                raise OSError("proxy closed")
            self._sockets.add(sock)

    def _untrack(self, sock: socket.socket | None) -> None:
        if sock is not None:
            with self._lock:
                self._sockets.discard(sock)

    def _accept_loop(self) -> None:
        assert self._listener is not None
        while not self._stop.is_set():
            try:
                client, _addr = self._listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            self._count(connections=1)
            if self.faults.down:
                self._count(refused=1)
                _abort(client)
                continue
            client.settimeout(self.io_timeout)
            try:
                self._track(client)
            except OSError:
                _abort(client)
                return
            thread = threading.Thread(target=self._serve, args=(client,), name=f"faultproxy-conn-{self.port}",
                                      daemon=True)
            thread.start()
            with self._lock:
                self._threads = [t for t in self._threads if t.is_alive()]
                self._threads.append(thread)

    def _sleep(self, seconds: float) -> None:
        if seconds > 0:
            self._stop.wait(seconds)
        if self._stop.is_set():
            raise OSError("proxy closed")

    def _send(self, sock: socket.socket, data: bytes, bandwidth: float | None, counter: str | None) -> None:
        """Write ``data`` at most ``bandwidth`` bytes/s (in slices, sleeping between them)."""
        if not bandwidth:
            sock.sendall(data)
            if counter:
                self._count(**{counter: len(data)})
            return
        step = max(1, min(_CHUNK, int(bandwidth / 20)))
        for i in range(0, len(data), step):
            piece = data[i:i + step]
            sock.sendall(piece)
            if counter:
                self._count(**{counter: len(piece)})
            self._sleep(len(piece) / bandwidth)

    def _connect(self) -> socket.socket:
        upstream = socket.create_connection(self.target, timeout=self.io_timeout)
        try:
            self._track(upstream)
        except OSError:
            _abort(upstream)
            raise
        return upstream

    def _exchange(self, request: _Message, plan: Plan | None = None) -> _Message | None:
        """Send a request to the hub on a new connection and read the answer (None: cut on the way)."""
        upstream = self._connect()
        try:
            if plan is None:  # a duplicate's copy: sent plainly
                upstream.sendall(request.raw)
            elif plan.cut_request is not None:
                size = len(request.raw)
                k = self.faults.offset(size) if plan.cut_request == _RANDOM else min(plan.cut_request, size - 1)
                self._send(upstream, request.raw[:max(0, k)], plan.bandwidth, "bytes_up")
                self._count(cuts_up=1)
                return None
            else:
                self._send(upstream, request.raw, plan.bandwidth, "bytes_up")
            answer = _Reader(upstream).message(response=True, request_method=request.method)
            if answer is None:
                raise _Closed()
            return answer
        finally:
            self._untrack(upstream)
            if plan is not None and plan.cut_request is not None:
                _abort(upstream)
            else:
                _close(upstream)

    def _record_replay(self, request: _Message, discarded: _Message) -> None:
        with self._lock:
            self.stats.replays.append(Replay(method=request.method, path=request.path,
                                             signed="signature" in request.headers, status=discarded.status,
                                             error=_error_of(discarded)))

    def _duplicate(self, request: _Message, first: _Message) -> _Message:
        """Send the same bytes again, after the first answer came; the station gets the first answer."""
        try:
            second = self._exchange(request)
        except (OSError, _Closed, ValueError) as exc:
            with self._lock:
                self.stats.errors.append(f"duplicate of {request.method} {request.path}: {exc!r}")
            return first
        assert second is not None
        self._record_replay(request, second)
        return first

    def _racing(self, request: _Message, plan: Plan) -> _Message | None:
        """Send the original (with its faults) and a plain copy at the same moment; keep the answer that is
        not the refusal of a replay (whichever copy the hub took first)."""
        copy: dict[str, Any] = {}

        def send_copy() -> None:
            try:
                copy["answer"] = self._exchange(request)
            except (OSError, _Closed, ValueError) as exc:
                copy["error"] = exc

        thread = threading.Thread(target=send_copy, name=f"faultproxy-copy-{self.port}", daemon=True)
        thread.start()
        try:
            answer = self._exchange(request, plan)
        finally:
            thread.join(self.io_timeout + 5)
        other: _Message | None = copy.get("answer")
        if other is None:
            if not self._stop.is_set():
                with self._lock:
                    self.stats.errors.append(f"racing copy of {request.method} {request.path}: {copy.get('error')!r}")
            return answer
        if answer is None:  # the original was cut: the hub saw the copy only, the station sees the cut
            self._count(copies_only=1)
            return None
        if answer.status == 401 and _error_of(answer) == "replayed" and _error_of(other) != "replayed":
            answer, other = other, answer
        self._record_replay(request, other)
        return answer

    def _serve(self, client: socket.socket) -> None:
        reader = _Reader(client)
        graceful = False  # an orderly close (FIN) only after a whole answer; every fault resets
        try:
            while not self._stop.is_set():
                request = reader.message()
                if request is None:
                    graceful = True
                    return
                self._count(requests=1)
                plan = self.faults.plan()
                if plan.down:
                    self._count(dropped=1)
                    return
                self._sleep(plan.delay)
                if plan.fail_5xx:
                    self._count(fails_5xx=1)
                    self._send(client, _FAIL_RESPONSE, plan.bandwidth, "bytes_down")
                    graceful = True
                    return
                if plan.duplicate_together:
                    answer = self._racing(request, plan)
                else:
                    answer = self._exchange(request, plan)
                    if answer is not None and plan.duplicate:
                        answer = self._duplicate(request, answer)
                if answer is None:  # the request was cut on its way to the hub
                    return
                self._sleep(plan.delay)
                if plan.cut_response is not None:
                    size = len(answer.raw)
                    k = self.faults.offset(size) if plan.cut_response == _RANDOM else min(plan.cut_response, size - 1)
                    self._send(client, answer.raw[:max(0, k)], plan.bandwidth, "bytes_down")
                    self._count(cuts_down=1)
                    return
                self._send(client, answer.raw, plan.bandwidth, "bytes_down")
                self._count(forwarded=1)
                if request.wants_close() or answer.wants_close():
                    graceful = True
                    return
        except (OSError, _Closed, ValueError) as exc:
            if not self._stop.is_set() and not isinstance(exc, _Closed | TimeoutError | ConnectionError):
                with self._lock:
                    self.stats.errors.append(repr(exc))
        finally:
            self._untrack(client)
            if graceful:
                _close(client)
            else:
                _abort(client)
