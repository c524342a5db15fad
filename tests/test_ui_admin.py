"""The administrator's pages: 操作员 (operators) and 设置 (settings), through the real window."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication

from app.config import Paths
from app.errors import AccountLocked, UnknownOperator, WrongPassword
from app.keys import MAX_FAILURES, KeyFile
from app.models import Role
from app.services import settings as settings_service
from app.services.settings import StationSettings
from app.station import Station
from sync import engine
from tests.conftest import ADMIN_PASSWORD, FAST_KDF
from tests.uikit import close_window, open_window, wait_idle

CLERK = "zhuoma"
CLERK_PASSWORD = "clerk-pass-2026"


def reopen(paths: Paths, login: str = "admin", password: str = ADMIN_PASSWORD) -> Station:
    """The store as the window left it (after the window has been closed)."""
    return Station.open(paths, login, password, kdf=FAST_KDF, check="none")


def stored_settings(paths: Paths) -> StationSettings:
    st = reopen(paths)
    try:
        return settings_service.load(st)
    finally:
        st.close()


def stored_operators(paths: Paths) -> dict[str, Any]:
    st = reopen(paths)
    try:
        return {op.login: op for op in st.operators()}
    finally:
        st.close()


@pytest.fixture
def with_clerk(station: Station) -> Station:
    station.add_operator(CLERK, "卓玛", Role.clerk, CLERK_PASSWORD)
    return station


@pytest.fixture
def window(qtbot: Any, station: Station) -> Iterator[Any]:
    w = open_window(qtbot, station)
    yield w
    close_window(w)


def show(qtbot: Any, window: Any, name: str) -> Any:
    window.go(name)
    wait_idle(qtbot, window.session)
    return window.pages[name]


# -- 操作员 ------------------------------------------------------------------------------------------

def fill_add_dialog(page: Any, login: str, name: str, role: Role, password: str, repeat: str | None = None) -> Any:
    page.ask_add()
    dialog = page.dialog
    assert dialog is not None and dialog.isVisible()
    dialog.login_edit.setText(login)
    dialog.name_edit.setText(name)
    dialog.role_combo.setCurrentIndex(dialog.role_combo.findData(role.value))
    dialog.passwords.password_edit.setText(password)
    dialog.passwords.repeat_edit.setText(password if repeat is None else repeat)
    return dialog


def test_admin_sees_the_operators_and_adds_a_clerk_who_can_then_log_in(qtbot: Any, station: Station) -> None:
    paths = station.paths
    window = open_window(qtbot, station)
    try:
        page = show(qtbot, window, "operators")
        assert page.table.isVisible() and not page.denied.isVisible()
        assert [op.login for op in page.operators] == ["admin"]
        assert page.table.item(0, 2).text() == "管理员"

        dialog = fill_add_dialog(page, "tsering", "次仁", Role.clerk, "tsering-2026")
        dialog.submit()
        wait_idle(qtbot, window.session)
        qtbot.waitUntil(lambda: "tsering" in [op.login for op in page.operators], timeout=5000)
        row = [op.login for op in page.operators].index("tsering")
        assert [page.table.item(row, c).text() for c in range(4)] == ["tsering", "次仁", "窗口人员", "在用"]
        assert page.selected_login() == "tsering"
        assert "已添加操作员 tsering" in page.message.text()
    finally:
        close_window(window)

    ops = stored_operators(paths)
    assert ops["tsering"].role is Role.clerk and ops["tsering"].display_name == "次仁" and ops["tsering"].active
    clerk = reopen(paths, "tsering", "tsering-2026")
    try:
        assert clerk.operator.login == "tsering" and not clerk.is_admin
    finally:
        clerk.close()


def test_a_weak_password_is_refused_in_the_dialog_and_nothing_is_added(qtbot: Any, station: Station) -> None:
    paths = station.paths
    window = open_window(qtbot, station)
    try:
        page = show(qtbot, window, "operators")
        dialog = fill_add_dialog(page, "tsering", "次仁", Role.clerk, "short")
        dialog.submit()
        wait_idle(qtbot, window.session)
        message = dialog.passwords.message
        assert not message.isHidden()
        assert "密码太短" in message.text() and "8" in message.text()
        assert dialog.isVisible()  # still open: the admin types a better one
        assert dialog.passwords.password_edit.text() == "" and dialog.login_edit.text() == "tsering"
        assert [op.login for op in page.operators] == ["admin"]
        dialog.reject()
    finally:
        close_window(window)
    assert list(stored_operators(paths)) == ["admin"]
    with pytest.raises(UnknownOperator):
        reopen(paths, "tsering", "short")


def test_a_taken_login_and_mismatched_passwords_are_said_inline(qtbot: Any, with_clerk: Station) -> None:
    paths = with_clerk.paths
    window = open_window(qtbot, with_clerk)
    try:
        page = show(qtbot, window, "operators")
        dialog = fill_add_dialog(page, CLERK, "另一个卓玛", Role.admin, "another-pass-2026")
        dialog.submit()
        wait_idle(qtbot, window.session)
        assert not dialog.login_message.isHidden() and "已存在" in dialog.login_message.text()
        assert dialog.isVisible()

        dialog.login_edit.setText("pasang")
        dialog.passwords.password_edit.setText("pasang-2026")
        dialog.passwords.repeat_edit.setText("pasang-2025")
        dialog.submit()
        assert window.session._pending == 0  # refused before any work was sent to the worker
        assert "不一致" in dialog.passwords.message.text()
        dialog.reject()
        wait_idle(qtbot, window.session)
    finally:
        close_window(window)
    ops = stored_operators(paths)
    assert sorted(ops) == ["admin", CLERK]
    assert ops[CLERK].display_name == "卓玛" and ops[CLERK].role is Role.clerk


def test_a_clerk_sees_no_operator_data(qtbot: Any, with_clerk: Station, monkeypatch: pytest.MonkeyPatch) -> None:
    reads: list[str] = []
    original = Station.operators

    def counted(self: Station) -> Any:
        reads.append(self.operator.login)
        return original(self)

    monkeypatch.setattr(Station, "operators", counted)
    window = open_window(qtbot, with_clerk, CLERK, CLERK_PASSWORD)
    try:
        page = show(qtbot, window, "operators")
        assert page.denied.isVisible()
        assert "只有管理员可以管理操作员" in page.denied.text()
        assert not page.table.isVisible() and page.table.rowCount() == 0
        assert not page.add_button.isVisible() and not page.disable_button.isVisible()
        assert page.operators == []
        assert reads == []  # the list was never even read for a clerk
    finally:
        close_window(window)


def _lock_out(paths: Paths, login: str) -> None:
    keyfile = KeyFile.load(paths.keyfile)
    slot = keyfile.operator_slot_id(login)
    for _ in range(MAX_FAILURES):
        try:
            keyfile.unlock(slot, "wrong password")
        except WrongPassword:
            continue
        except AccountLocked:
            return
    raise AssertionError("not locked")


def test_admin_unlocks_a_locked_clerk_and_resets_the_password(qtbot: Any, with_clerk: Station) -> None:
    paths = with_clerk.paths
    _lock_out(paths, CLERK)
    window = open_window(qtbot, with_clerk)
    try:
        page = show(qtbot, window, "operators")
        row = [op.login for op in page.operators].index(CLERK)
        assert page.table.item(row, 4).text().startswith("已锁定")
        page.select(CLERK)
        assert page.unlock_button.isEnabled()
        page.unlock_selected()
        wait_idle(qtbot, window.session)
        assert page.table.item(row, 4).text() == "未锁定"
        assert not page.unlock_button.isEnabled()
        assert "已解锁操作员" in page.message.text()

        page.ask_reset()
        dialog = page.dialog
        dialog.passwords.password_edit.setText("123")
        dialog.passwords.repeat_edit.setText("123")
        dialog.submit()
        wait_idle(qtbot, window.session)
        assert "密码太短" in dialog.passwords.message.text() and dialog.isVisible()
        dialog.passwords.password_edit.setText("new-clerk-pass")
        dialog.passwords.repeat_edit.setText("new-clerk-pass")
        dialog.submit()
        wait_idle(qtbot, window.session)
        assert "已为 zhuoma 设置新密码" in page.message.text()
    finally:
        close_window(window)
    clerk = reopen(paths, CLERK, "new-clerk-pass")
    clerk.close()
    with pytest.raises(WrongPassword):
        reopen(paths, CLERK, CLERK_PASSWORD)


def test_admin_disables_a_clerk_but_not_themself(qtbot: Any, with_clerk: Station,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    paths = with_clerk.paths
    window = open_window(qtbot, with_clerk)
    try:
        page = show(qtbot, window, "operators")
        page.select("admin")
        assert not page.disable_button.isEnabled()  # one's own account: another admin does it
        page.select(CLERK)
        assert page.disable_button.isEnabled()
        asked: list[str] = []
        monkeypatch.setattr(page, "_confirm", lambda text: asked.append(text) or True)
        page.ask_disable()
        wait_idle(qtbot, window.session)
        assert asked and CLERK in asked[0]
        row = [op.login for op in page.operators].index(CLERK)
        assert page.table.item(row, 3).text() == "已停用"
        assert not page.disable_button.isEnabled() and not page.reset_button.isEnabled()
    finally:
        close_window(window)
    assert not stored_operators(paths)[CLERK].active
    with pytest.raises(UnknownOperator):
        reopen(paths, CLERK, CLERK_PASSWORD)


def test_operators_page_forgets_everything_at_logout(qtbot: Any, window: Any) -> None:
    page = show(qtbot, window, "operators")
    assert page.table.rowCount() == 1
    window.session.logout()
    assert page.table.rowCount() == 0 and page.operators == []


# -- 设置 -----------------------------------------------------------------------------------------

def test_font_scale_200_doubles_the_font_at_once_and_is_stored(qtbot: Any, station: Station) -> None:
    paths = station.paths
    window = open_window(qtbot, station)
    try:
        page = show(qtbot, window, "settings")
        base = QApplication.font().pointSizeF()
        assert window.appearance.scale == 100 and page.scale_spin.value() == 100
        heading = page.title.font().pointSizeF()
        page.scale_spin.setValue(200)
        qtbot.waitUntil(lambda: window.session.settings.font_scale == 200, timeout=5000)
        assert QApplication.font().pointSizeF() == pytest.approx(2 * base)
        assert window.appearance.scale == 200
        assert page.title.font().pointSizeF() == pytest.approx(2 * heading)  # headings follow the scale
        page.scale_spin.setValue(100)
        qtbot.waitUntil(lambda: window.session.settings.font_scale == 100, timeout=5000)
        assert QApplication.font().pointSizeF() == pytest.approx(base)
        page.scale_spin.setValue(200)
        page.apply_interface()  # without waiting for the pause after the last arrow press
        wait_idle(qtbot, window.session)
        assert QApplication.font().pointSizeF() == pytest.approx(2 * base)
    finally:
        close_window(window)
    assert QApplication.font().pointSizeF() == pytest.approx(11.0)
    stored = stored_settings(paths)
    assert stored.font_scale == 200 and stored.language == "zh"


def test_tibetan_is_stored_and_switching_back_to_chinese_works(qtbot: Any, station: Station) -> None:
    """With whatever translation the repository has: the setting is stored and applied as far as
    the .qm allows (the window stays Chinese, and says so, while there is no Tibetan file)."""
    from ui.i18n import translations_dir

    paths = station.paths
    has_qm = (translations_dir() / "bianmin_bo.qm").exists()
    window = open_window(qtbot, station)
    try:
        page = show(qtbot, window, "settings")
        page.language_combo.setCurrentIndex(page.language_combo.findData("bo"))
        wait_idle(qtbot, window.session)
        assert window.session.settings.language == "bo"
        assert window.appearance.language == ("bo" if has_qm else "zh")
        if not has_qm:
            assert "翻译文件缺失" in page.interface_message.text()
        assert stored_settings_while_open(qtbot, window) == "bo"
        page.language_combo.setCurrentIndex(page.language_combo.findData("zh"))
        wait_idle(qtbot, window.session)
        assert window.session.settings.language == "zh" and window.appearance.language == "zh"
        assert page.title.text() == "设置"
    finally:
        close_window(window)
    assert stored_settings(paths).language == "zh"


def stored_settings_while_open(qtbot: Any, window: Any) -> str:
    got: list[StationSettings] = []
    window.session.run(settings_service.load, got.append)
    wait_idle(qtbot, window.session)
    return got[0].language


@pytest.fixture
def tibetan_qm(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A tiny real Tibetan translation, so the switch is seen in the page's texts."""
    lrelease = shutil.which("pyside6-lrelease", path=str(Path(__file__).resolve().parent.parent / ".venv" / "bin"))
    lrelease = lrelease or shutil.which("pyside6-lrelease")
    if lrelease is None:
        pytest.skip("pyside6-lrelease not available")
    folder = tmp_path / "translations"
    folder.mkdir()
    ts = folder / "bianmin_bo.ts"
    ts.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n<TS version="2.1" language="bo">\n'
        "<context><name>SettingsPage</name>\n"
        "<message><source>设置</source><translation>སྒྲིག་འགོད།</translation></message>\n"
        "</context>\n</TS>\n", encoding="utf-8")
    subprocess.run([lrelease, str(ts), "-qm", str(folder / "bianmin_bo.qm")], check=True, capture_output=True)
    import ui.i18n
    import ui.settings_page

    monkeypatch.setattr(ui.i18n, "translations_dir", lambda: folder)
    monkeypatch.setattr(ui.settings_page, "translations_dir", lambda: folder)
    return folder


def test_switching_to_tibetan_installs_the_translator_live(qtbot: Any, station: Station, tibetan_qm: Path) -> None:
    paths = station.paths
    window = open_window(qtbot, station)
    try:
        page = show(qtbot, window, "settings")
        assert page.title.text() == "设置"
        page.language_combo.setCurrentIndex(page.language_combo.findData("bo"))
        wait_idle(qtbot, window.session)
        assert window.appearance.language == "bo" and window.session.settings.language == "bo"
        qtbot.waitUntil(lambda: page.title.text() == "སྒྲིག་འགོད།", timeout=3000)
        assert page.interface_message.isHidden()
        assert page.language_combo.currentData() == "bo"  # the page's own texts were re-set, not its choice
        page.language_combo.setCurrentIndex(page.language_combo.findData("zh"))
        wait_idle(qtbot, window.session)
        assert window.appearance.language == "zh"
        qtbot.waitUntil(lambda: page.title.text() == "设置", timeout=3000)
    finally:
        close_window(window)
    assert stored_settings(paths).language == "zh"


def test_a_language_switch_has_retranslated_every_page_when_it_returns(qtbot: Any, station: Station,
                                                                      tibetan_qm: Path) -> None:
    """Qt posts LanguageChange to the windows; the switch delivers it before returning, so nothing
    that runs after it (the page's own message, a test, a screenshot) sees the old language."""
    window = open_window(qtbot, station)
    try:
        page = show(qtbot, window, "settings")
        assert window.appearance.set_language("bo")
        assert page.title.text() == "སྒྲིག་འགོད།"  # no turn of the event loop in between
        assert window.appearance.set_language("zh")
        assert page.title.text() == "设置"
    finally:
        close_window(window)


def test_admin_saves_printer_paper_and_idle_lock(qtbot: Any, station: Station) -> None:
    paths = station.paths
    window = open_window(qtbot, station)
    try:
        page = show(qtbot, window, "settings")
        assert page.save_button.isEnabled() and not page.counter_note.isVisible()
        assert page.printer_combo.currentData() == ""  # the system default
        assert [page.paper_combo.itemData(i) for i in range(page.paper_combo.count())] == ["a4", "a5", "80mm"]
        page.paper_combo.setCurrentIndex(page.paper_combo.findData("80mm"))
        page.idle_spin.setValue(30)
        assert page.correction_spin.value() == 5  # the default working days of a 一次性告知
        page.correction_spin.setValue(7)
        page.save()
        wait_idle(qtbot, window.session)
        assert page.counter_message.text() == "已保存。"
        assert window.session.settings.idle_lock_minutes == 30 and window.idle.seconds == 30 * 60
        assert window.session.settings.correction_days == 7

        page.store_counter_settings("", "a3", 0)  # what the widgets cannot produce: the core refuses
        wait_idle(qtbot, window.session)
        assert not page.field_messages["paper"].isHidden() and "未知" in page.field_messages["paper"].text()
        assert "超出允许范围" in page.field_messages["idle_lock_minutes"].text()
        assert page.save_button.isEnabled()
    finally:
        close_window(window)
    stored = stored_settings(paths)
    assert (stored.paper, stored.idle_lock_minutes, stored.printer, stored.correction_days) == ("80mm", 30, "", 7)


def test_a_clerk_may_change_font_scale_but_not_the_station_settings(qtbot: Any, with_clerk: Station) -> None:
    paths = with_clerk.paths
    window = open_window(qtbot, with_clerk, CLERK, CLERK_PASSWORD)
    try:
        page = show(qtbot, window, "settings")
        assert not page.save_button.isEnabled() and not page.idle_spin.isEnabled()
        assert page.counter_note.isVisible() and not page.enrol_form.isVisible()
        assert page.scale_spin.isEnabled() and page.language_combo.isEnabled()
        page.scale_spin.setValue(150)
        page.apply_interface()
        wait_idle(qtbot, window.session)
        assert window.appearance.scale == 150
        assert QApplication.font().pointSizeF() == pytest.approx(11.0 * 1.5)

        page.store_counter_settings("", "a5", 60)  # even if the button were pressed somehow
        wait_idle(qtbot, window.session)
        assert "管理员权限" in page.counter_message.text()
        assert window.session.settings.paper == "a4"
    finally:
        close_window(window)
    stored = stored_settings(paths)
    assert (stored.font_scale, stored.paper, stored.idle_lock_minutes) == (150, "a4", 5)


def test_station_details_and_about(qtbot: Any, window: Any) -> None:
    page = show(qtbot, window, "settings")
    assert page.code_value.text() == "540127100000"
    assert page.name_value.text() == "工卡镇便民服务中心"
    assert "尚未登记" in page.enrol_state.text()
    about = page.about_text.text()
    assert "0.1" in about and str(window.session.paths.home) in about
    page.enrol()  # nothing filled in
    assert "请填写平台地址和登记码" in page.enrol_message.text()
    window.session.logout()
    assert page.code_value.text() == "—" and page.enrol_code_edit.text() == ""


def test_admin_enrols_the_station_with_the_platform(qtbot: Any, station: Station, tmp_path: Path) -> None:
    from tests.hubproc import start_hub

    paths = station.paths
    hub = start_hub(tmp_path / "hub")
    try:
        code = hub.run_cli("enrol-code", station.station_code).stdout.strip().splitlines()[-1]
        window = open_window(qtbot, station)
        try:
            page = show(qtbot, window, "settings")
            page.hub_edit.setText(hub.url)
            page.enrol_code_edit.setText("WRONG-CODE")
            page.enrol()
            wait_idle(qtbot, window.session, timeout=20_000)
            assert "平台拒绝" in page.enrol_message.text() and "尚未登记" in page.enrol_state.text()
            page.enrol_code_edit.setText(code)
            page.enrol()
            wait_idle(qtbot, window.session, timeout=20_000)
            assert page.enrol_message.text() == "已登记到平台，可以同步了。"
            assert hub.url in page.enrol_state.text() and page.enrol_code_edit.text() == ""
        finally:
            close_window(window)
    finally:
        hub.stop()
    st = reopen(paths)
    try:
        status = engine.status(st)
        assert status["enrolled"] and status["hub_url"] == hub.url
    finally:
        st.close()

