"""One worker thread for database and network work; results come back to the GUI by signals.

Every task runs on the same worker thread, in order, so the station's single SQLite connection
is never used from two threads at once and the window never waits on it.
"""

from __future__ import annotations

import logging
import queue
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal

log = logging.getLogger(__name__)

_STOP = object()


class _Worker(QThread):
    finished_task = Signal(object, object, object)  # callback, result, error

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.tasks: queue.Queue[Any] = queue.Queue()

    def run(self) -> None:
        while True:
            item = self.tasks.get()
            if item is _STOP:
                return
            fn, callback = item
            try:
                result, error = fn(), None
            except Exception as exc:
                log.warning("task failed: %s", type(exc).__name__)
                result, error = None, exc
            self.finished_task.emit(callback, result, error)


class TaskRunner(QObject):
    """``submit(fn, done)`` runs ``fn()`` on the worker; ``done(result, error)`` runs on the GUI thread."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._worker = _Worker()
        self._worker.finished_task.connect(self._deliver)
        self._worker.start()

    def submit(self, fn: Callable[[], Any], done: Callable[[Any, Exception | None], None] | None = None) -> None:
        self._worker.tasks.put((fn, done))

    def _deliver(self, callback: Any, result: Any, error: Any) -> None:
        if callback is not None:
            callback(result, error)

    def stop(self, timeout_ms: int = 10_000) -> None:
        self._worker.tasks.put(_STOP)
        self._worker.wait(timeout_ms)
