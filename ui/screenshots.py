"""``make screenshots``: every screen and dialog, in Chinese and in Tibetan, at 100 %, 150 % and
200 % font scale, in a 1366×768 window (a common station screen).

Runs the real window on a throw-away demo station (every person invented) under Xvfb and saves
``docs/screenshots/<screen>-<lang>-<scale>.png``; the layout audit (``ui/audit.py``) of every shot
is printed at the end. The same scenes drive ``tests/test_layout_audit.py`` (a ``Shooter`` whose
``shot`` audits instead of saving). Not part of the desktop build. Run as ``python -m
bianmin.screenshots``, which gives it the demo station's maker (``ui`` imports neither the entry
points nor the hub).
"""

from __future__ import annotations

import json
import logging
import os
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEventLoop, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from app.config import KdfParams, Paths
from ui import audit
from ui.demo import DemoMaker
from ui.i18n import Appearance
from ui.session import DemoInfo, Session
from ui.window import MainWindow

log = logging.getLogger(__name__)

FAST = KdfParams(time_cost=1, memory_kib=8192, parallelism=1)
# The window's size: a common station screen; BIANMIN_SHOT_SIZE=1920x1080 audits a larger one.
_W, _H = (int(n) for n in os.environ.get("BIANMIN_SHOT_SIZE", "1366x768").split("x"))
SIZE = (_W, _H)
SCALES = (100, 150, 200)
# Long, realistic text typed into the fields: Tibetan stacks (བསྒྲུབས་, སྒྲོལ་མ) and long Chinese.
NAME_BO = "བསྒྲུབས་པ་སྒྲོལ་མ་བཀྲ་ཤིས་"
ADDRESS = "拉萨市墨竹工卡县工卡镇帮堆村三组 བོད་ལྗོངས་ལྷ་ས་གྲོང་ཁྱེར་མལ་གྲོ་གུང་དཀར་རྫོང་ 12 号院"
LONG_TEXTS = ("次仁旺姆（代其母亲办理）申请人因病住院，材料由村委会代为核实 སྒྲོལ་མ་ཚེ་རིང་",
              "བསྒྲུབས་པའི་ཡིག་ཆ་ཚང་མ་སྤྲོད་ཟིན། 材料已全部补齐，申请人本人到场确认")


# Values that are data, not interface text (the demo's login shows in the window's top line).
DATA_WORDS = ("demo",)


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
        self.audits: dict[tuple[str, str, int], list[audit.Problem]] = {}

    def shot(self, name: str, widget: QWidget | None = None) -> None:
        idle(self.session)
        target = widget or self.window
        path = self.out / f"{name}-{self.suffix}.png"
        target.grab().save(str(path))
        self.taken.append(path)
        log.info("saved %s", path)
        self.check(name, target)

    def check(self, name: str, widget: QWidget | None = None) -> None:
        """Audit what is on the screen now (no picture: an empty dialog before its fields are filled)."""
        idle(self.session)
        target = widget or self.window
        self.audits[(name, self.language, self.scale)] = audit.audit(target, self.language, SIZE, DATA_WORDS)

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


def _consult(s: Shooter) -> None:
    """登记咨询 from the dashboard: the dialog, filled in with consent (name and phone enabled)."""
    from ui.dashboard import DashboardPage

    board = s.window.pages["dashboard"]
    assert isinstance(board, DashboardPage)
    s.window.go("dashboard")
    board.record_consultation()
    dialog = board.consult_dialog
    if dialog is None:
        return
    idle(s.session)
    dialog.consent.setChecked(True)
    fill(dialog)
    pump()
    s.shot("consult", dialog)
    dialog.reject()


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
        _case_dialogs(s)
        _print_menu_and_preview(s)
        _bad_rating(s)
        _conflict(s)


def _bad_rating(s: Shooter) -> None:
    """A case rated 差评 whose 整改期限 has passed, rectified late and waiting for its revisit (shown,
    not stored): its page's work item with long notes, and the 差评回访 action."""
    from dataclasses import replace

    from app.casefacts import Facts
    from ui import case_actions

    page = s.window.case_detail
    view = page.view
    if view is None:
        return
    facts = Facts(case_no=view.case.case_no, rating="very_dissatisfied", rated_at="2026-11-02T10:05:00+08:00",
                  ratings=1, bad="very_dissatisfied", bad_at="2026-11-02T10:05:00+08:00", rectify_due="2026-11-09",
                  rectified_at="2026-11-12T15:30:00+08:00", rectified_by="demo", rectify_note=LONG_TEXTS[1])
    page.view = replace(view, facts=facts, rated=True,
                        actions=case_actions.available_actions(view.case, view.events, facts=facts))
    page._show()
    s.shot("case-bad-rating")
    page.refresh()  # the case as stored again


def _conflict(s: Shooter) -> None:
    """A case in conflict (shown, not stored: the demo station is one device): its page's panel with
    both actions, and the 处理冲突 dialog, empty then filled in."""
    from dataclasses import replace

    from app.journal import EventType
    from app.models import CaseConflict, CaseStatus, ConflictAction, Outcome
    from ui import case_actions

    page = s.window.case_detail
    view = page.view
    if view is None:
        return
    this, other = view.devices.this.number or "00", "02" if view.devices.this.number != "02" else "03"
    conflict = CaseConflict(actions=(
        ConflictAction(hash="a" * 64, type=EventType.concluded.value, status=CaseStatus.concluded,
                       outcome=Outcome.approved.value, at="2026-11-18T10:05:00+08:00", operator="demo", device=this),
        ConflictAction(hash="b" * 64, type=EventType.withdrawn.value, status=CaseStatus.withdrawn, outcome=None,
                       at="2026-11-18T10:07:00+08:00", operator="demo", device=other),
    ))
    shown = replace(view.case, conflict=conflict)
    page.view = replace(view, case=shown, actions=case_actions.available_actions(shown, view.events))
    page._show()
    s.shot("case-conflict")
    dialog = case_actions.make_dialog(case_actions.RESOLVE, s.session, shown, view.material_names, page,
                                      devices=view.devices)
    dialog.open()
    pump()
    s.check("case-resolve-empty", dialog)
    fill(dialog)
    pump()
    s.shot("case-resolve", dialog)
    dialog.reject()
    page.refresh()  # the case as stored again


def fill(widget: QWidget) -> None:
    """Long Chinese and Tibetan text in every empty free-text field of ``widget``."""
    from PySide6.QtWidgets import QLineEdit, QPlainTextEdit

    n = 0
    for edit in widget.findChildren(QLineEdit):
        free = edit.echoMode() == QLineEdit.EchoMode.Normal and not edit.inputMask() and edit.validator() is None
        if free and edit.isVisible() and not edit.isReadOnly() and not edit.text() \
                and not edit.placeholderText()[:1].isdigit():
            edit.setText(LONG_TEXTS[n % 2])
            n += 1
    for plain in widget.findChildren(QPlainTextEdit):
        if plain.isVisible() and not plain.isReadOnly() and not plain.toPlainText():
            plain.setPlainText(LONG_TEXTS[n % 2])
            n += 1


def _case_dialogs(s: Shooter) -> None:
    """Each action of a case (补正, 补交, 办结, 送达, 撤回, 撤销受理, 更正, 承诺核查, 差评整改, 差评回访) in its
    dialog: empty, then filled in."""
    from ui import case_actions

    page = s.window.case_detail
    view = page.view
    if view is None:
        return
    for action in (case_actions.CORRECTION, case_actions.SUPPLY, case_actions.CONCLUDE, case_actions.DELIVER,
                   case_actions.WITHDRAW, case_actions.REVOKE, case_actions.AMEND, case_actions.CHECK,
                   case_actions.RECTIFY, case_actions.REVISIT):
        dialog = case_actions.make_dialog(action, s.session, view.case, view.material_names, page)
        dialog.open()
        pump()
        s.check(f"case-{action}-empty", dialog)
        fill(dialog)
        pump()
        s.shot(f"case-{action}", dialog)
        dialog.reject()  # (no deleteLater here: a wrapper deleted under PySide's feet crashes it at times)
    # 扫描件: the case's scans (none yet in the demo) and the controls to add some.
    from ui.scans import ScansDialog

    scans = ScansDialog(s.session, view.case, view.material_names, page)
    scans.open()
    pump()
    s.shot("case-scans", scans)
    scans.reject()


def _print_menu_and_preview(s: Shooter) -> None:
    """打印 / 补打: the menu of documents, then the preview of the first one."""
    from ui.print_preview import PrintPreviewDialog

    page = s.window.case_detail
    menu = page.print_menu
    if page.view is None or not menu.actions():
        return
    button = page.buttons.get("print")
    menu.popup(button.mapToGlobal(button.rect().bottomLeft()) if button is not None else s.window.pos())
    pump()
    s.shot("case-print-menu", menu)
    menu.hide()
    menu.actions()[0].trigger()
    wait_for(lambda: any(isinstance(w, PrintPreviewDialog) and w.isVisible() for w in QApplication.topLevelWidgets()),
             timeout=30)
    idle(s.session)
    pump(300)
    preview = next(w for w in QApplication.topLevelWidgets() if isinstance(w, PrintPreviewDialog) and w.isVisible())
    s.shot("print-preview", preview)
    preview.reject()


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
    a.name_bo.setText(NAME_BO)
    a.id_number.setText(make_resident_id("540127", date(1968, 3, 4), 17))
    a.phone.setText("13908901234")
    a.village.setText("帮堆村")
    a.address.setText(ADDRESS)
    a.mode.setCurrentIndex(a.mode.findData(HandlingMode.proxy.value))
    a.agent_name.setText("次仁卓玛 སྒྲོལ་མ")
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
    assert page.case is not None
    s.shot("intake-6-done")
    w.ask_evaluation(page.case.case_no)
    pump(400)
    s.shot("evaluation", w.evaluation)
    w.evaluation.hide()
    w.go("intake")


def _guide(s: Shooter) -> None:
    """The consulting window: a citizen asks about 低保; Enter shows the first hit's guide."""
    from ui.guide import GuidePage

    w = s.window
    w.go("guide")
    page = w.pages["guide"]
    assert isinstance(page, GuidePage)
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


def _settings(s: Shooter) -> None:
    """The settings page, then scrolled to the station's devices."""
    from ui.settings_page import SettingsPage

    s.window.go("settings")
    s.shot("settings")
    page = s.window.pages["settings"]
    if isinstance(page, SettingsPage):
        page.show_devices()
        pump()
        s.shot("settings-devices")


def _dashboard_charts(s: Shooter) -> None:
    """The dashboard scrolled down to its small charts (cases per day, the rating levels)."""
    from PySide6.QtWidgets import QScrollArea

    from ui.dashboard import DashboardPage

    s.window.go("dashboard")
    board = s.window.pages["dashboard"]
    assert isinstance(board, DashboardPage)
    wait_for(lambda: board.trend is not None, timeout=30)
    idle(s.session)
    area = board.findChild(QScrollArea)
    if area is not None:
        area.ensureWidgetVisible(board.trend_ratings, 0, 0)
    pump(300)
    s.shot("dashboard-charts")
    if area is not None:
        area.verticalScrollBar().setValue(0)


def _reports(s: Shooter) -> None:
    """统计报表 for this month: the figures, then scrolled to the charts and to the table; the export
    dialog with 不遮盖 ticked and a reason typed."""
    from ui.reports import ReportsPage

    page = s.window.open_reports()
    assert isinstance(page, ReportsPage)
    wait_for(lambda: page.loaded, timeout=60)
    pump(300)
    s.shot("reports")
    area = s.window.stack._areas.get(page)
    table_end = page.hidden_note if page.hidden_note.isVisible() else page.table
    for name, targets in (("reports-charts", (page.per_day, page.items)), ("reports-table", (page.table, table_end))):
        if area is not None:
            for target in targets:  # the first's top, then as much of the last as the screen holds
                area.ensureWidgetVisible(target, 0, 0)
        pump(300)
        s.shot(name)
    if area is not None:
        area.verticalScrollBar().setValue(0)
    from app.services.exports import ExportKind

    page.open_export(ExportKind.cases)
    dialog = getattr(page, "export_dialog", None)
    if dialog is None:
        return
    dialog.unmasked.setChecked(True)
    pump()
    fill(dialog)
    pump()
    s.shot("reports-export", dialog)
    dialog.reject()


SCENES: list[Callable[[Shooter], None]] = [_dashboard_charts, _consult, _cases, _case, _intake, _guide,
                                           _simple("operators"), _settings, _reports]


def run(shooter_class: type[Shooter], out: Path, runs: list[tuple[str, int]], maker: DemoMaker,
        cases: int = 120) -> Shooter:
    """Every scene for each (language, scale) of ``runs`` on a throw-away demo station."""
    app = QApplication.instance() or QApplication(["bianmin"])
    assert isinstance(app, QApplication)
    appearance = Appearance(app)
    with tempfile.TemporaryDirectory(prefix="bianmin-shots-") as tmp:
        paths = Paths(Path(tmp) / "station")
        made = maker.prepare(paths, kdf=FAST, cases=cases)
        try:
            demo = DemoInfo(made.login, made.password, made.hub_url)
            session = Session(paths, kdf=FAST, demo=demo)
            window = MainWindow(session, appearance)
            window.resize(*SIZE)
            window.show()
            shooter = shooter_class(out, window)
            try:
                for language, scale in runs:
                    appearance.set_language(language)
                    appearance.set_scale(scale)
                    QCoreApplication.processEvents()
                    shooter.suffix = f"{language}-{scale}"
                    shooter.language, shooter.scale = language, scale
                    scenes(shooter, demo)
            finally:
                window.close()
                appearance.set_language("zh")
                appearance.set_scale(100)
        finally:
            made.stop()
    return shooter


class Auditor(Shooter):
    """The scenes without pictures: only the audit of each (``--audit``)."""

    def shot(self, name: str, widget: QWidget | None = None) -> None:
        idle(self.session)
        # Drawn as for a picture (thrown away), so that the audit sees the layout a picture would: a
        # page whose width just changed lays its word-wrapped labels out again when it is drawn.
        (widget or self.window).grab()
        self.check(name, widget)


def main(argv: list[str], maker: DemoMaker) -> int:
    """``python -m bianmin.screenshots [DIR]``: pictures and the audit table; ``--audit OUT.json
    [--runs zh:100,bo:200] [--cases N]``: the audit alone, its problems written to OUT.json (the
    test runs this in a process of its own, on a 1366×768 offscreen screen)."""
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    args = list(argv)
    options: dict[str, str] = {}
    for flag in ("--audit", "--runs", "--cases"):
        if flag in args:
            i = args.index(flag)
            options[flag] = args[i + 1]
            del args[i:i + 2]
    runs = [(language, scale) for language in ("zh", "bo") for scale in SCALES]
    if "--runs" in options:
        runs = [(r.split(":")[0], int(r.split(":")[1])) for r in options["--runs"].split(",")]
    cases = int(options.get("--cases", "120"))
    if "--audit" in options:
        with tempfile.TemporaryDirectory(prefix="bianmin-audit-") as tmp:
            shooter = run(Auditor, Path(tmp), runs, maker, cases=cases)
        found = [{"screen": name, "language": language, "scale": scale, "kind": p.kind, "widget": p.widget,
                  "detail": p.detail} for (name, language, scale), problems in shooter.audits.items()
                 for p in problems]
        screens = [[name, language, scale] for name, language, scale in shooter.audits]
        Path(options["--audit"]).write_text(json.dumps({"screens": screens, "problems": found}, ensure_ascii=False),
                                            encoding="utf-8")
        return 0
    out = Path(args[0] if args else "docs/screenshots")
    out.mkdir(parents=True, exist_ok=True)
    shooter = run(Shooter, out, runs, maker, cases=cases)
    log.info("%d screenshots in %s", len(shooter.taken), out)
    log.info("layout audit:\n%s", audit.table(shooter.audits))
    return 0

