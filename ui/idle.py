"""Locks the counter after an idle time: any key press, input-method text, mouse or wheel use, in
any window of the program (dialogs and the citizen's rating window included), resets the clock.

The watcher filters the events of the whole application (``watch(app)``), so a window or dialog
made later counts as well. Its time source is injectable (``clock``): tests move time on without
waiting, and ``check()`` is what the one-second timer runs.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Signal

ACTIVITY = frozenset({
    QEvent.Type.KeyPress, QEvent.Type.InputMethod,  # typing, also through a pinyin or Tibetan input method
    QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonDblClick, QEvent.Type.MouseMove, QEvent.Type.Wheel,
    QEvent.Type.TouchBegin, QEvent.Type.TouchUpdate, QEvent.Type.TabletPress,
})


class IdleWatcher(QObject):
    idle = Signal()

    def __init__(self, minutes: float = 5, parent: QObject | None = None, *,
                 clock: Callable[[], float] = time.monotonic) -> None:
        super().__init__(parent)
        self.clock = clock
        self.seconds = minutes * 60
        self.last = clock()
        self.enabled = False
        self._watched: QObject | None = None
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.check)
        self._timer.start(1000)

    def watch(self, app: QObject | None = None) -> None:
        """See the events of every window of ``app`` (the running application by default)."""
        target = app or QCoreApplication.instance()
        if target is None or target is self._watched:
            return
        self.unwatch()
        target.installEventFilter(self)
        self._watched = target

    def unwatch(self) -> None:
        if self._watched is not None:
            self._watched.removeEventFilter(self)
            self._watched = None

    def set_minutes(self, minutes: float) -> None:
        self.seconds = minutes * 60

    def reset(self) -> None:
        self.last = self.clock()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # Qt's name
        if event.type() in ACTIVITY:
            self.last = self.clock()
        return False

    def check(self) -> None:
        """Emit ``idle`` when nothing happened for the idle time (the timer calls this every second)."""
        if self.enabled and self.clock() - self.last >= self.seconds:
            self.last = self.clock()
            self.idle.emit()
