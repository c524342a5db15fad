"""What the window needs of a demo station, as the entry point gives it (``bianmin --demo``).

The demo station is made, and its reference hub started, outside ``ui`` (``bianmin.demo``: the
window imports neither the entry points nor the hub). ``bianmin.cli`` passes a :class:`DemoMaker`
to ``ui.main.run``; the splash (``ui.splash``) runs its :class:`DemoPreparation` while it shows
how far it is. No Qt here.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from app.config import KdfParams, Paths

# step ("station", "catalogue", "cases", "hub": bianmin.demo.STEPS, in this order), done, total
Progress = Callable[[str, int, int], None]


class DemoLogin(Protocol):
    """What the login page shows of a demo station."""

    @property
    def login(self) -> str: ...

    @property
    def password(self) -> str: ...


class RunningDemo(DemoLogin, Protocol):
    """A demo station whose hub runs (when the hub is installed) until :meth:`stop`."""

    @property
    def hub_url(self) -> str: ...

    def stop(self) -> None: ...


class DemoPreparation(Protocol):
    """The demo station made (when there is none) and its hub started, on a thread of its own that
    keeps the hub until :meth:`stop`; ``done(demo, error)`` is called on that thread."""

    @property
    def demo(self) -> DemoLogin | None: ...

    @property
    def error(self) -> Exception | None: ...

    def start(self) -> None: ...

    def stop(self, timeout: float = 30.0) -> None: ...


Done = Callable[[DemoLogin | None, Exception | None], None]


class DemoMaker(Protocol):
    """Tells a demo station, reads its login, makes one and starts its hub (``bianmin.demo.Maker``)."""

    def is_demo(self, paths: Paths) -> bool: ...

    def login_info(self, paths: Paths) -> DemoLogin: ...

    def preparation(self, paths: Paths, *, progress: Progress | None = None,
                    done: Done | None = None) -> DemoPreparation: ...

    def prepare(self, paths: Paths, *, kdf: KdfParams | None = None, cases: int | None = None) -> RunningDemo:
        """On this thread; the hub lives as long as the thread (``make screenshots``)."""
        ...
