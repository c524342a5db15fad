"""``make screenshots``: every main screen, in Chinese and in Tibetan, at 100 % and 200 % font scale.

Runs the real window on a throw-away demo station (every person invented) under Xvfb and saves
``docs/screenshots/<screen>-<lang>-<scale>.png``. Not part of the desktop build.
"""

from __future__ import annotations

import logging
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEventLoop, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from app.config import KdfParams, Paths
from ui import demo as demo_mode
from ui.i18n import Appearance
from ui.session import DemoInfo, Session
from ui.window import MainWindow

log = logging.getLogger(__name__)

FAST = KdfParams(time_cost=1, memory_kib=8192, parallelism=1)
SIZE = (1440, 900)


def pump(ms: int = 150) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def wait_for(condition: Callable[[], bool], timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError("the window did not get there in time")
        pump(50)


def idle(session: Session) -> None:
    wait_for(lambda: session._pending == 0)
    pump(200)


class Shooter:
    def __init__(self, out: Path, window: MainWindow) -> None:
        self.out = out
        self.window = window
        self.session = window.session
        self.suffix = ""
        self.language = "zh"
        self.scale = 100
        self.taken: list[Path] = []

    def shot(self, name: str, widget: QWidget | None = None) -> None:
        idle(self.session)
        target = widget or self.window
        path = self.out / f"{name}-{self.suffix}.png"
        target.grab().save(str(path))
        self.taken.append(path)
        log.info("saved %s", path)

    def login(self, login: str, password: str) -> None:
        page = self.window.login_page
        page.login_edit.setText(login)
        page.password_edit.setText(password)
        page.submit()
        wait_for(lambda: self.window.screens.currentWidget() is self.window.work)
        idle(self.session)
        # This run's language and scale, saved as the settings page would (it then shows them).
        self.session.set_interface(self.language, self.scale)
        idle(self.session)


def scenes(s: Shooter, demo: DemoInfo) -> None:
    w = s.window
    w.session.logout()
    w.login_page.show_login()
    s.shot("login")
    s.login(demo.login, demo.password)
    w.go("dashboard")
    s.shot("dashboard")
    for hook in SCENES:
        hook(s)
    w.session.lock()
    pump()
    s.shot("lock")
    s.login(demo.login, demo.password)


def _cases(s: Shooter) -> None:
    s.window.go("cases")
    s.shot("cases")


def _case(s: Shooter) -> None:
    s.window.go("cases")
    idle(s.session)
    page = s.window.pages["cases"]
    model = getattr(page, "model", None)
    if model is not None and model.rowCount() > 0:
        case_no = model.data(model.index(0, 0), Qt.ItemDataRole.DisplayRole)
        s.window.show_case(str(case_no))
        s.shot("case")


def _intake(s: Shooter) -> None:
    """The flow for 最低生活保障 by a proxy (代办), one screen a step, then the citizen's evaluation."""
    from app.identity import make_resident_id
    from app.models import Decision, HandlingMode
    from ui.intake import IntakePage

    w = s.window
    w.go("intake")
    page = w.pages["intake"]
    assert isinstance(page, IntakePage)
    if page.dirty or page.case is not None:
        page.new_intake()
    page.find.search.setText("低保")
    wait_for(lambda: page.find.results.count() > 0)
    page.find.search.setFocus()
    QTest.keyClick(page.find.search, Qt.Key.Key_Return)
    wait_for(lambda: page.find.chosen is not None)
    s.shot("intake-1-item")
    page.go_next()
    wait_for(lambda: page.current() == 1)
    a = page.applicant
    a.name.setText("扎西顿珠")
    a.id_number.setText(make_resident_id("540127", date(1968, 3, 4), 17))
    a.phone.setText("13908901234")
    a.village.setText("帮堆村")
    a.mode.setCurrentIndex(a.mode.findData(HandlingMode.proxy.value))
    a.agent_name.setText("次仁卓玛")
    a.agent_id_number.setText(make_resident_id("540127", date(1985, 6, 1), 42))
    pump()
    s.shot("intake-2-applicant")
    page.go_next()
    wait_for(lambda: page.current() == 2)
    page.materials.mark_rest_received()  # what Alt+A does
    pump()
    s.shot("intake-3-materials")
    page.go_next()
    wait_for(lambda: page.current() == 3)
    idle(s.session)
    pump(400)
    s.shot("intake-4-decision")
    if page.decision.decision() is not Decision.accept:
        return
    page.go_next()
    wait_for(lambda: page.current() == 4)
    s.shot("intake-5-delivery")
    page.go_next()
    wait_for(lambda: page.case is not None, timeout=30)
    s.shot("intake-6-done")
    w.ask_evaluation(page.case.case_no)
    pump(400)
    s.shot("evaluation", w.evaluation)
    w.evaluation.hide()


def _guide(s: Shooter) -> None:
    """The consulting window: a citizen asks about 低保; Enter shows the first hit's guide."""
    w = s.window
    w.go("guide")
    page = w.pages["guide"]
    page.search.setText("低保")
    wait_for(lambda: page.results.count() > 0)
    idle(s.session)
    page.search.setFocus()
    QTest.keyClick(page.search, Qt.Key.Key_Return)
    idle(s.session)
    s.shot("guide")


def _simple(name: str) -> Callable[[Shooter], None]:
    def take(s: Shooter) -> None:
        s.window.go(name)
        s.shot(name)
    return take


SCENES: list[Callable[[Shooter], None]] = [_cases, _case, _intake, _guide,
                                           _simple("operators"), _simple("settings")]


def main(argv: list[str]) -> int:
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    out = Path(argv[0] if argv else "docs/screenshots")
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication(["bianmin"])
    assert isinstance(app, QApplication)
    appearance = Appearance(app)
    with tempfile.TemporaryDirectory(prefix="bianmin-shots-") as tmp:
        paths = Paths(Path(tmp) / "station")
        made = demo_mode.prepare(paths, kdf=FAST, cases=120)
        try:
            demo = DemoInfo(made.login, made.password, made.hub_url)
            session = Session(paths, kdf=FAST, demo=demo)
            window = MainWindow(session, appearance)
            window.resize(*SIZE)
            window.show()
            shooter = Shooter(out, window)
            try:
                for language in ("zh", "bo"):
                    for scale in (100, 200):
                        appearance.set_language(language)
                        appearance.set_scale(scale)
                        QCoreApplication.processEvents()
                        shooter.suffix = f"{language}-{scale}"
                        shooter.language, shooter.scale = language, scale
                        scenes(shooter, demo)
            finally:
                window.close()
        finally:
            made.stop()
    log.info("%d screenshots in %s", len(shooter.taken), out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
