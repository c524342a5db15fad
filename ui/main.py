"""``bianmin`` with no command: the counter window.

``bianmin --demo`` (what ``make run`` does) sets up a demo station first when the data directory
has none, and starts a reference hub beside it; without ``--demo`` a machine with no station is
told how to set one up.
"""

from __future__ import annotations

import logging
import signal
import sys

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox, QSplashScreen

from app.config import Paths, resources_dir
from ui import crash as ui_crash
from ui import demo as demo_mode
from ui.i18n import Appearance
from ui.session import DemoInfo, Session
from ui.window import MainWindow

log = logging.getLogger(__name__)


def program_icon() -> QIcon:
    icon = QIcon()
    for png in sorted((resources_dir() / "icons").glob("bianmin-*.png")):
        icon.addFile(str(png))
    return icon


def run(demo: bool = False) -> int:
    """The window; ``demo``: set up a demo station when there is none (the flags are parsed once,
    by ``app.cli``)."""
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
        return _run(demo, app, appearance, paths)
    finally:
        notice.uninstall()


def _run(want_demo: bool, app: QApplication, appearance: Appearance, paths: Paths) -> int:
    demo: demo_mode.Demo | None = None
    if want_demo and (not paths.keyfile.exists() or demo_mode.is_demo(paths)):
        splash = QSplashScreen()
        splash.showMessage(QApplication.translate("Main", "正在准备演示服务站…"),
                           Qt.AlignmentFlag.AlignCenter)
        splash.resize(480, 160)
        splash.show()
        app.processEvents()
        demo = demo_mode.prepare(paths)
        splash.close()
    elif not paths.keyfile.exists():
        QMessageBox.information(None, QApplication.translate("Main", "便民服务台"), QApplication.translate(
            "Main", "此电脑上还没有服务站（{home}）。\n请由管理员运行 bianmin init 建立服务站；"
            "试用请运行 make run（演示服务站）。").format(home=paths.home))
        return 1
    elif demo_mode.is_demo(paths):
        demo = demo_mode.prepare(paths, with_hub=False)
    info = DemoInfo(demo.login, demo.password, demo.hub_url) if demo else None
    session = Session(paths, demo=info)
    window = MainWindow(session, appearance, defer_work=True)
    window.show()
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
        if demo is not None:
            demo.stop()
