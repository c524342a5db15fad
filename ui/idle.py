"""Locks the counter after an idle time: any key press or mouse use anywhere resets the clock."""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, QObject, QTimer, Signal

_ACTIVITY = {QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove, QEvent.Type.Wheel,
             QEvent.Type.TouchBegin}


class IdleWatcher(QObject):
    idle = Signal()

    def __init__(self, minutes: float = 5, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.seconds = minutes * 60
        self.last = time.monotonic()
        self.enabled = False
        self._timer = QTimer(self)
        self._timer.timeout.connect(self._check)
        self._timer.start(1000)

    def set_minutes(self, minutes: float) -> None:
        self.seconds = minutes * 60

    def reset(self) -> None:
        self.last = time.monotonic()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() in _ACTIVITY:
            self.last = time.monotonic()
        return False

    def _check(self) -> None:
        if self.enabled and time.monotonic() - self.last >= self.seconds:
            self.last = time.monotonic()
            self.idle.emit()
