"""扫描件 from the case page (issue 16, point 13): a scan added to a material after intake, viewed in the
window from memory (no file written), and a scanner folder imported with its originals removed."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from app.services import cases
from app.station import Station
from tests.helpers import request
from tests.test_attachments import make_pdf, noise_image, save_jpeg
from tests.uikit import close_window, open_window, wait_idle
from ui import case_actions


def test_scans_are_added_viewed_and_a_folder_is_imported_from_the_case_page(
        qtbot: Any, station: Station, tmp_path: Path) -> None:
    case = cases.submit(station, request(station))
    photo = save_jpeg(noise_image(640, 480, seed=5), tmp_path / "supplied.jpg")
    folder = tmp_path / "scanner"
    folder.mkdir()
    make_pdf(folder / "scan1.pdf", pages=2)
    save_jpeg(noise_image(400, 300, seed=6), folder / "scan2.jpg")
    (folder / "scan3.jpg").write_bytes(b"not an image")
    home = station.paths.home
    window = open_window(qtbot, station)
    try:
        window.show_case(case.case_no)
        detail = window.case_detail
        qtbot.waitUntil(lambda: detail.view is not None and detail.view.case.case_no == case.case_no, timeout=10_000)
        assert detail.buttons[case_actions.SCANS].isVisible()
        detail.buttons[case_actions.SCANS].click()
        dialog = detail.scans_dialog
        assert dialog is not None and dialog.isVisible()
        wait_idle(qtbot, window.session)
        assert dialog.list.item(0).text() == "还没有扫描件" and not dialog.view_button.isEnabled()

        bank = next(i for i in range(dialog.material.count()) if dialog.material.itemData(i)[1] == "M-BANK-CARD")
        assert dialog.material.itemText(bank).startswith("本人银行卡或存折")  # (and its Tibetan name after)
        dialog.material.setCurrentIndex(bank)
        dialog.add_files([photo])
        wait_idle(qtbot, window.session)
        qtbot.waitUntil(lambda: len(dialog.infos) == 1, timeout=5000)
        assert "已添加 1 个扫描件" in dialog.message.text()
        assert dialog.infos[0].material_code == "M-BANK-CARD" and photo.exists()  # a single file stays

        before = {p for p in home.rglob("*") if p.is_file()}
        dialog.list.setCurrentRow(0)
        dialog.view_selected()
        wait_idle(qtbot, window.session)
        qtbot.waitUntil(lambda: dialog.viewer is not None and dialog.viewer.isVisible(), timeout=5000)
        assert len(dialog.viewer.images) == 1 and dialog.viewer.images[0].width() > 0
        assert {p for p in home.rglob("*") if p.is_file()} <= before | {p for p in home.rglob("*.log*")}
        dialog.viewer.reject()

        dialog.import_folder(folder)
        wait_idle(qtbot, window.session)
        qtbot.waitUntil(lambda: len(dialog.infos) == 3, timeout=10_000)
        text = dialog.message.text()
        assert "已添加 2 个扫描件" in text and "已从文件夹删除 2 个原文件" in text and "scan3.jpg：未导入" in text
        assert sorted(p.name for p in folder.iterdir()) == ["scan3.jpg"]
        pdf = next(i for i in dialog.infos if i.name == "scan1.pdf")
        dialog.list.setCurrentRow(dialog.infos.index(pdf))
        dialog.view_selected()
        wait_idle(qtbot, window.session)
        qtbot.waitUntil(lambda: dialog.viewer is not None and dialog.viewer.isVisible(), timeout=5000)
        assert len(dialog.viewer.images) == 2  # both pages drawn from memory
        dialog.viewer.reject()
        dialog.reject()
        qtbot.waitUntil(lambda: any("添加扫描件" in t for t in detail.timeline_texts()), timeout=5000)
    finally:
        close_window(window)
