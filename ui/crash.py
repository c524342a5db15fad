"""The clerk's side of a crash: a plain message naming the report, one at a time, from any thread.

``install(parent, paths)`` (after the QApplication exists, on the GUI thread) routes every uncaught
exception to :func:`app.crash.install`, which writes the report and logs it; this module only
shows the message. PySide6 reports an exception raised in a slot through ``sys.excepthook`` and
carries on, so the window keeps running. The report may come from a worker thread: the path goes
to the GUI thread through a queued signal. While one message is open, later crashes are reported
to disk and log but add no second message.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal, Slot
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from app import crash
from app.config import Paths

log = logging.getLogger(__name__)

ParentGetter = Callable[[], QWidget | None]


def message(report: Path | None) -> str:
    """What the clerk reads: nothing technical but where the report is."""
    if report is None:
        return QCoreApplication.translate("Crash", "程序出了问题，刚才的操作可能没有完成。已保存的办件不会丢失。\n"
                                          "问题报告没能保存（磁盘可能已满）。如果再次出现，请联系县级信息化人员。")
    return QCoreApplication.translate("Crash", "程序出了问题，刚才的操作可能没有完成。已保存的办件不会丢失。\n"
                                      "问题报告已保存在：{path}\n请把这个文件交给县级信息化人员。"
                                      ).format(path=report)


class CrashNotice(QObject):
    """Lives on the GUI thread; ``crashed`` may be emitted from any thread."""

    crashed = Signal(str)  # the report's path, "" when none could be written

    def __init__(self, parent_getter: ParentGetter | None, paths: Paths | Path,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._parent_getter = parent_getter or QApplication.activeWindow
        self.box: QMessageBox | None = None
        self.shown = 0
        self.crashed.connect(self._show, Qt.ConnectionType.QueuedConnection)
        self._uninstall = crash.install(paths, self._on_crash)

    def _on_crash(self, report: Path | None) -> None:  # any thread
        self.crashed.emit(str(report) if report else "")

    @Slot(str)
    def _show(self, report: str) -> None:
        if self.box is not None:  # a storm: one message at a time
            return
        try:
            parent = self._parent_getter()
            title = QCoreApplication.translate("Crash", "程序出错")
            box = QMessageBox(QMessageBox.Icon.Critical, title, message(Path(report) if report else None),
                              QMessageBox.StandardButton.Ok, parent)
            box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            box.setWindowModality(Qt.WindowModality.ApplicationModal)
            box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            box.finished.connect(self._closed)
            box.destroyed.connect(self._closed)  # also when its window goes away first
            self.box = box
            self.shown += 1
            box.show()
        except Exception as exc:  # raising here would report again and loop
            log.error("crash message not shown: %s", type(exc).__name__)
            self.box = None

    @Slot()
    def _closed(self) -> None:
        self.box = None

    def uninstall(self) -> None:
        """Put back the exception hooks that were there before (tests; the end of the program)."""
        self._uninstall()


def install(parent_getter: ParentGetter | None, paths: Paths | Path) -> CrashNotice:
    """Report uncaught exceptions and tell the clerk; call on the GUI thread once the app exists.

    ``parent_getter`` returns the window the message belongs to (None: the active window).
    """
    return CrashNotice(parent_getter, paths, QCoreApplication.instance())
