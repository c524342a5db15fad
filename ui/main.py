"""``bianmin`` with no command: the counter window.

``bianmin --demo`` (what ``make run`` does) sets up a demo station first when the data directory
has none, and starts a reference hub beside it; without ``--demo`` a machine with no station is
told how to set one up. The demo station is made outside ``ui``: the entry point (``bianmin.cli``)
passes a :class:`ui.demo.DemoMaker`.
"""

from __future__ import annotations

import logging
import signal
import sys

from PySide6.QtCore import QCoreApplication, QEvent, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from app.config import Paths, resources_dir
from ui import crash as ui_crash
from ui import desktop_libs
from ui.demo import DemoLogin, DemoMaker, DemoPreparation
from ui.errors import show_error
from ui.i18n import Appearance
from ui.session import DemoInfo, Session
from ui.splash import Splash, prepare_demo
from ui.window import MainWindow

log = logging.getLogger(__name__)


def program_icon() -> QIcon:
    icon = QIcon()
    for png in sorted((resources_dir() / "icons").glob("bianmin-*.png")):
        icon.addFile(str(png))
    return icon


def run(demo: bool = False, demo_maker: DemoMaker | None = None) -> int:
    """The window; ``demo``: set up a demo station when there is none, with ``demo_maker`` (the
    flags are parsed once, by ``bianmin.cli``). Without a maker the window knows no demo station."""
    if QApplication.instance() is None:
        desktop_libs.check()  # names the apt packages instead of Qt's "could not load the Qt platform plugin"
    app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else "bianmin"])
    assert isinstance(app, QApplication)
    app.setApplicationName("bianmin")
    app.setApplicationDisplayName("便民服务台")
    app.setDesktopFileName("bianmin")  # the desktop entry (packaging/linux/bianmin.desktop) it belongs to
    app.setWindowIcon(program_icon())
    appearance = Appearance(app)
    paths = Paths.default()
    notice = ui_crash.install(None, paths)  # a crash: a report without personal data, a plain message
    try:
        return _run(demo, demo_maker, app, appearance, paths)
    finally:
        notice.uninstall()


def _run(want_demo: bool, maker: DemoMaker | None, app: QApplication, appearance: Appearance, paths: Paths) -> int:
    demo: DemoLogin | None = None
    preparation: DemoPreparation | None = None  # the demo hub's thread; stopped with the window
    splash: Splash | None = None
    if want_demo and maker is not None and not paths.keyfile.exists():
        # First run: a splash at once, the demo station built (and its hub started) on a thread of
        # its own while the splash says what is being prepared.
        preparation, splash = prepare_demo(paths, maker)
        if splash.interrupted or preparation.demo is None:  # Ctrl+C in the terminal, or failed (it says why)
            splash.close()
            splash.deleteLater()
            if preparation.error is not None and not splash.interrupted:
                show_error(None, preparation.error)
            return 1
        demo = preparation.demo
    elif want_demo and maker is not None and maker.is_demo(paths):
        # Warm: the window at once; the hub starts beside it (the station is enrolled already).
        demo = maker.login_info(paths)
        preparation = maker.preparation(paths)
        preparation.start()
    elif not paths.keyfile.exists():
        QMessageBox.information(None, QApplication.translate("Main", "便民服务台"), QApplication.translate(
            "Main", "此电脑上还没有服务站（{home}）。\n请由管理员运行 bianmin init 建立服务站；"
            "试用请运行 make run（演示服务站）。").format(home=paths.home))
        return 1
    elif maker is not None and maker.is_demo(paths):
        demo = maker.login_info(paths)
    try:
        return _show(app, appearance, paths, demo, splash)
    finally:
        if preparation is not None:
            preparation.stop()


def _show(app: QApplication, appearance: Appearance, paths: Paths, demo: DemoLogin | None,
          splash: QWidget | None) -> int:
    info = DemoInfo(demo.login, demo.password) if demo else None
    session = Session(paths, demo=info)
    window = MainWindow(session, appearance, defer_work=True)
    window.show()
    if splash is not None:
        splash.close()
        splash.deleteLater()  # on this thread: never left to a collection on the hub's thread
    # Ctrl+C in the terminal of `make run` (and SIGTERM) close the window properly, hub included:
    # Python runs signal handlers only between bytecodes, so a timer wakes it now and then.
    # The handler only queues the close: run at once it could land in the middle of building the
    # work area and leave its threads running.
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, lambda *_: QTimer.singleShot(0, window.close))
    wake = QTimer()
    wake.timeout.connect(lambda: None)
    wake.start(500)
    try:
        return int(app.exec())
    finally:
        # The window's objects go now, on this thread: left to Python's collector they could be
        # collected later on another thread (the demo hub's), which Qt does not allow.
        wake.stop()
        window.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
