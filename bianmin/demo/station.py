"""Demo mode (``make run`` on a machine with no station yet): a working counter at once.

The first run makes a demo station in the data directory: the sample catalogue, demo cases made
through the real services, and one demo operator whose password the login screen shows (in demo
mode only; every person in it is invented). When the reference hub is installed (it is with
``make run``, not in the desktop build), a hub is started on loopback beside it at every run, and
the demo station is enrolled with it, so sync works out of the box.

No Qt here. The window runs :class:`Preparation`: :func:`prepare` on a thread of its own, so that
a splash can say what is being made (``progress(step, done, total)``, steps :data:`STEPS`) while
the event loop keeps turning; the same thread then keeps the hub until the window closes. The
window does not import this module (``ui`` imports neither ``bianmin`` nor ``hub``): the entry
point hands it a :class:`Maker`, which is what ``ui.demo.DemoMaker`` asks for.
"""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.config import KdfParams, Paths

log = logging.getLogger(__name__)

STATION_CODE = "540127100000"
STATION_NAME = "工卡镇便民服务中心（演示）"
LOGIN = "demo"
PASSWORD = "demo-2026"
DEMO_CASES = 300
HUB_PORT = 8766
CASE_BATCH = 25  # demo cases per transaction, and per progress report
STEPS = ("station", "catalogue", "cases", "hub")  # what prepare() reports, in this order
Progress = Callable[[str, int, int], None]  # step, done, total


@dataclass
class Demo:
    login: str
    password: str
    hub: Any = None  # hub.local.Hub while it runs

    @property
    def hub_url(self) -> str:
        return str(getattr(self.hub, "url", ""))

    def stop(self) -> None:
        if self.hub is not None:
            self.hub.stop()
            self.hub = None


def _file(paths: Paths) -> Path:
    return paths.home / "demo.json"


def is_demo(paths: Paths) -> bool:
    return _file(paths).exists()


def login_info(paths: Paths) -> Demo:
    """What the login page shows, from the demo station's file (no hub, nothing opened)."""
    info = json.loads(_file(paths).read_text("utf-8"))
    return Demo(login=info["login"], password=info["password"])


def prepare(paths: Paths, *, kdf: KdfParams | None = None, cases: int = DEMO_CASES,
            with_hub: bool = True, progress: Progress | None = None) -> Demo:
    """Make the demo station when there is none; start its hub; return what the login page shows.

    The hub's process gets a signal when the thread that started it ends (``hub.local``): call
    this on a thread that lives as long as the hub should (the main thread, or a
    :class:`Preparation`)."""
    report = progress or (lambda step, done, total: None)
    if not paths.keyfile.exists():
        _create(paths, kdf or KdfParams(), cases, report)
    result = login_info(paths)
    if with_hub:
        report("hub", 0, 1)
        result.hub = _start_hub(paths, json.loads(_file(paths).read_text("utf-8")), kdf)
        report("hub", 1, 1)
    return result


def _create(paths: Paths, kdf: KdfParams, cases: int, report: Progress) -> None:
    from app.keys import write_private_file
    from app.services import catalogue  # only when a demo station is made (keeps the start light)
    from app.station import Station
    from bianmin.demo import cases as demo_cases

    log.info("making the demo station in %s", paths.home)
    report("station", 0, 1)
    station, recovery = Station.init(paths, station_code=STATION_CODE, station_name=STATION_NAME,
                                     admin_login=LOGIN, admin_password=PASSWORD, admin_name="演示管理员", kdf=kdf)
    try:
        report("catalogue", 0, 1)
        catalogue.import_sample(station)
        report("cases", 0, cases)
        demo_cases.generate(station, cases, batch=CASE_BATCH, progress=lambda made: report("cases", made, cases))
    finally:
        station.close()
    info = {"login": LOGIN, "password": PASSWORD, "recovery_code": recovery, "hub_port": HUB_PORT,
            "note": "演示服务站：所有群众信息均为虚构。demo station: every person in it is invented."}
    write_private_file(_file(paths), json.dumps(info, ensure_ascii=False, indent=1).encode("utf-8"))


def _start_hub(paths: Paths, info: dict[str, Any], kdf: KdfParams | None) -> Any:
    from app.keys import write_private_file

    try:
        from hub.local import start_hub
    except ImportError:  # the desktop build carries no hub
        log.info("no reference hub installed: the demo station works offline")
        return None
    try:
        hub = start_hub(paths.home / "demo-hub", port=int(info.get("hub_port", HUB_PORT)))
    except (RuntimeError, OSError) as exc:
        log.warning("demo hub did not start: %s", exc)
        return None
    if hub.port != info.get("hub_port"):  # the usual port was taken: remember where it is now
        info["hub_port"] = hub.port
        write_private_file(_file(paths), json.dumps(info, ensure_ascii=False, indent=1).encode("utf-8"))
    try:
        _enrol_once(paths, hub, kdf)
    except Exception as exc:  # the demo still works offline
        log.warning("demo station not enrolled: %s", exc)
    return hub


def _enrol_once(paths: Paths, hub: Any, kdf: KdfParams | None) -> None:
    from app.station import Station
    from sync import engine

    station = Station.open(paths, LOGIN, PASSWORD, kdf=kdf, check="none")
    try:
        status = engine.status(station)
        if status["enrolled"] and status["hub_url"] == hub.url:
            return
        if status["enrolled"]:
            engine.set_hub_url(station, hub.url)
            return
        engine.enrol(station, hub.url, hub.quick_code(station.station_code))
        log.info("demo station enrolled with the hub at %s", hub.url)
    finally:
        station.close()


class Preparation:
    """:func:`prepare` on a thread of its own, which then keeps the hub it started until :meth:`stop`.

    ``progress(step, done, total)`` and ``done(demo, error)`` are called on that thread. The thread
    stays because the hub's process is told to end when the thread that started it ends (Linux's
    parent-death signal follows the thread, not the process); it is a daemon, so a program that
    ends without :meth:`stop` is not held up, and the hub then ends with it."""

    def __init__(self, paths: Paths, *, kdf: KdfParams | None = None, cases: int = DEMO_CASES,
                 with_hub: bool = True, progress: Progress | None = None,
                 done: Callable[[Demo | None, Exception | None], None] | None = None) -> None:
        self.paths = paths
        self.kdf = kdf
        self.cases = cases
        self.with_hub = with_hub
        self.progress = progress
        self.done = done
        self.demo: Demo | None = None
        self.error: Exception | None = None
        self.finished = threading.Event()  # prepare() has returned or failed
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._main, name="demo-preparation", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self, timeout: float = 30.0) -> None:
        """Stop the hub (on the thread that started it) and let the thread end."""
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join(timeout)

    def _main(self) -> None:
        try:
            self.demo = prepare(self.paths, kdf=self.kdf, cases=self.cases, with_hub=self.with_hub,
                                progress=self.progress)
        except Exception as exc:  # the window says so; nothing of a half-made station is used
            log.warning("demo station not prepared: %s", type(exc).__name__)
            self.error = exc
        self.finished.set()
        if self.done is not None:
            self.done(self.demo, self.error)
        self._stop.wait()
        if self.demo is not None:
            self.demo.stop()


class Maker:
    """What the window is given (``ui.main.run(demo_maker=...)``, the protocol ``ui.demo.DemoMaker``)
    to tell a demo station, read its login, and make one and start its hub."""

    def __init__(self, *, kdf: KdfParams | None = None, cases: int = DEMO_CASES) -> None:
        self.kdf = kdf
        self.cases = cases

    def is_demo(self, paths: Paths) -> bool:
        return is_demo(paths)

    def login_info(self, paths: Paths) -> Demo:
        return login_info(paths)

    def preparation(self, paths: Paths, *, progress: Progress | None = None,
                    done: Callable[[Demo | None, Exception | None], None] | None = None) -> Preparation:
        """A :class:`Preparation` (not started)."""
        return Preparation(paths, kdf=self.kdf, cases=self.cases, progress=progress, done=done)

    def prepare(self, paths: Paths, *, kdf: KdfParams | None = None, cases: int | None = None) -> Demo:
        """:func:`prepare` on this thread (the hub's process lives as long as this thread)."""
        return prepare(paths, kdf=kdf or self.kdf, cases=self.cases if cases is None else cases)


def add_other_window(paths: Paths, *, kdf: KdfParams | None = None, cases: int = 4,
                     device_no: str = "02", device_name: str = "2号窗口") -> list[str]:
    """For pictures of a centre (``make screenshots``): a second window of the demo station, set up
    beside it (``paths.home/window-NN``), takes ``cases`` cases in today; the demo station takes
    them as a sync would bring them and lists that window as the platform would. Returns their numbers.

    The demo station stays enrolled as device 00 alone at its hub: a real sync round then lists
    only it again, and the cases stay named by their device's number."""
    import random
    from dataclasses import replace

    from app.services import cases as case_service
    from app.services import catalogue
    from app.services.cases import sharing
    from app.station import Station
    from app.store import journal as journal_store
    from app.store import outbox
    from bianmin.demo import cases as demo_cases
    from sync import state as sync_state

    kdf = kdf or KdfParams()
    demo = Station.open(paths, LOGIN, PASSWORD, kdf=kdf, check="none")
    other, _recovery = Station.init(Paths(paths.home / f"window-{device_no}"), station_code=demo.station_code,
                                    station_name=demo.station_name, admin_login=LOGIN, admin_password=PASSWORD,
                                    kdf=kdf, device_no=device_no, device_name=device_name)
    try:
        catalogue.import_sample(other)
        rng = random.Random(device_no)
        items = [i for i in catalogue.list_items(other) if "person" in i.body.get("applicants", {}).get("kinds", [])]
        made = [case_service.submit(other, demo_cases.make_request(rng, other, items, [], other.today())).case_no
                for _ in range(cases)]
        sharing.take_peer_events(demo, list(journal_store.iter_events(other.db)), source="hub")
        stamp = demo.clock.stamp()
        listed = (sync_state.KnownDevice(device=demo.device_no, name=demo.device_name, role="window",
                                         enrolled_at=stamp, last_seen_at=stamp),
                  sync_state.KnownDevice(device=device_no, name=device_name, role="window", enrolled_at=stamp,
                                         last_seen_at=stamp))
        with demo.db.transaction():
            kept = sync_state.load(demo.db)
            sync_state.save(demo.db, replace(kept, devices=sync_state.Roster(devices=listed, checked_at=stamp)))
            # A notice from the regional office, as the dashboard lists it until an administrator reads it.
            outbox.add_notice(demo.db, "demo-1", stamp, {
                "kind": "message", "title": "关于元旦期间办件时限的说明",
                "text": "元旦假期（1月1日）不计入办理时限，请各服务站提前告知群众。"})
        return made
    finally:
        other.close()
        demo.close()
