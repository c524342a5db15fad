"""The first window of a first run (``make run`` on a machine with no station): it appears at once
and says what is being prepared while the demo station is built on a thread of its own
(a :class:`ui.demo.DemoPreparation` that the entry point's maker gives), with a progress bar, so
the screen is never blank nor frozen.

    preparation, splash = prepare_demo(paths, maker)   # the splash, until the demo station and its hub are ready
"""

from __future__ import annotations

import logging
import signal

from PySide6.QtCore import QEventLoop, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLabel, QProgressBar, QVBoxLayout, QWidget

from app.config import Paths
from ui.demo import DemoMaker, DemoPreparation
from ui.i18n import Retranslating

log = logging.getLogger(__name__)

# Share of the bar for each step of a preparation (bianmin.demo.STEPS; the cases take most of the time).
_SPAN = {"station": (0, 10), "catalogue": (10, 20), "cases": (20, 90), "hub": (90, 100)}


class Splash(Retranslating, QWidget):
    """Says what is being prepared; the steps come from another thread through queued signals."""

    reported = Signal(str, int, int)  # step, done, total (emitted on the preparing thread)
    finished = Signal(object, object)  # Demo | None, Exception | None

    def __init__(self) -> None:
        super().__init__(None, Qt.WindowType.SplashScreen | Qt.WindowType.WindowStaysOnTopHint)
        self.setObjectName("splash")
        self.step = "station"
        self.step_done, self.step_total = 0, 1
        self.interrupted = False  # Ctrl+C or SIGTERM while it showed
        self.title = QLabel()
        self.title.setProperty("heading", "1")
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.headline = QLabel()
        self.headline.setObjectName("splashHeadline")
        self.headline.setProperty("heading", "2")
        self.headline.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.headline.setWordWrap(True)
        self.detail = QLabel()
        self.detail.setObjectName("splashStep")
        self.detail.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.detail.setWordWrap(True)
        self.bar = QProgressBar()
        self.bar.setRange(0, 100)
        self.bar.setValue(0)
        self.bar.setTextVisible(True)
        self.note = QLabel()
        self.note.setProperty("size", "small")
        self.note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 24, 32, 24)
        layout.addWidget(self.title)
        layout.addWidget(self.headline)
        layout.addSpacing(8)
        layout.addWidget(self.bar)
        layout.addWidget(self.detail)
        layout.addWidget(self.note)
        self.setStyleSheet("QWidget#splash { background: #ffffff; border: 1px solid #90a4ae; }")
        self.reported.connect(self.show_step)  # queued: the receiver lives on the GUI thread
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("正在准备演示服务站…"))
        self.title.setText(self.tr("便民服务台"))
        self.headline.setText(self.tr("正在准备演示服务站…"))
        self.note.setText(self.tr("只在第一次运行时准备，约需几秒钟；所有群众信息均为虚构。"))
        self._show_detail()

    @Slot(str, int, int)
    def show_step(self, step: str, done: int, total: int) -> None:
        self.step, self.step_done, self.step_total = step, done, max(1, total)
        low, high = _SPAN.get(step, (0, 100))
        self.bar.setValue(low + (high - low) * min(done, self.step_total) // self.step_total)
        self._show_detail()

    def _show_detail(self) -> None:
        if self.step == "station":
            text = self.tr("正在建立加密的服务站数据…")
        elif self.step == "catalogue":
            text = self.tr("正在导入事项目录…")
        elif self.step == "cases":
            text = self.tr("正在生成演示办件 {done}/{total}…").format(done=self.step_done, total=self.step_total)
        else:
            text = self.tr("正在启动演示平台并登记服务站…")
        self.detail.setText(text)

    def show_centred(self) -> None:
        self.adjustSize()
        screen = QGuiApplication.primaryScreen()
        if screen is not None:
            area = screen.availableGeometry()
            frame = self.frameGeometry()
            frame.moveCenter(area.center())
            self.move(frame.topLeft())
        self.show()
        self.raise_()


def prepare_demo(paths: Paths, maker: DemoMaker) -> tuple[DemoPreparation, Splash]:
    """Show the splash and build the demo station (and start its hub) on a thread of its own; the
    event loop turns until it is ready. The caller closes the splash once its window is shown,
    and stops the preparation (its hub) when the window closes; ``preparation.error`` is set
    when it failed."""
    splash = Splash()
    loop = QEventLoop()
    splash.finished.connect(loop.quit)  # queued, like the steps
    preparation = maker.preparation(paths, progress=splash.reported.emit, done=splash.finished.emit)

    def interrupt(*_: object) -> None:  # Ctrl+C in the terminal of `make run`, or SIGTERM
        splash.interrupted = True
        QTimer.singleShot(0, loop.quit)

    previous = {sig: signal.signal(sig, interrupt) for sig in (signal.SIGINT, signal.SIGTERM)}
    wake = QTimer()  # Python runs signal handlers only between bytecodes: wake it now and then
    wake.timeout.connect(lambda: None)
    wake.start(200)
    splash.show_centred()
    preparation.start()
    try:
        loop.exec()  # until ``finished`` arrives (queued: it is never missed, however early it comes)
    finally:
        wake.stop()
        for sig, handler in previous.items():
            signal.signal(sig, handler)
    return preparation, splash
