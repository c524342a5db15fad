"""Demo mode (``make run`` on a machine with no station yet): a working counter at once.

The first run makes a demo station in the data directory: the sample catalogue, demo cases made
through the real services, and one demo operator whose password the login screen shows (in demo
mode only; every person in it is invented). When the reference hub is installed (it is with
``make run``, not in the desktop build), a hub is started on loopback beside it at every run, and
the demo station is enrolled with it, so sync works out of the box.

No Qt here: the window calls :func:`prepare` before it opens.
"""

from __future__ import annotations

import json
import logging
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


def prepare(paths: Paths, *, kdf: KdfParams | None = None, cases: int = DEMO_CASES,
            with_hub: bool = True) -> Demo:
    """Make the demo station when there is none; start its hub; return what the login page shows."""
    if not paths.keyfile.exists():
        _create(paths, kdf or KdfParams(), cases)
    info = json.loads(_file(paths).read_text("utf-8"))
    result = Demo(login=info["login"], password=info["password"])
    if with_hub:
        result.hub = _start_hub(paths, info, kdf)
    return result


def _create(paths: Paths, kdf: KdfParams, cases: int) -> None:
    from app.keys import write_private_file
    from app.services import catalogue, demo  # only when a demo station is made (keeps the start light)
    from app.station import Station

    log.info("making the demo station in %s", paths.home)
    station, recovery = Station.init(paths, station_code=STATION_CODE, station_name=STATION_NAME,
                                     admin_login=LOGIN, admin_password=PASSWORD, admin_name="演示管理员", kdf=kdf)
    try:
        catalogue.import_sample(station)
        demo.generate(station, cases, batch=50)
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
