"""扫描件 of a case, from its page: the scans attached so far (viewed in the window, decrypted in memory
only: nothing is written to disk), a scan or photo added to one of the case's materials after intake
(a material supplied later), and a scanner's folder imported, its originals removed once each copy
is safely stored (the folder is then ready for the next applicant and holds no personal data)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QLocale, QSize, Qt, Signal
from PySide6.QtGui import QImage, QPixmap, QShowEvent
from PySide6.QtPdf import QPdfDocument
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.errors import ItemNotFound
from app.models import Case
from app.services import attachments, catalogue
from app.services.attachments import AttachmentInfo, FolderResult
from app.station import Station
from ui.errors import message_for
from ui.i18n import Retranslating
from ui.page import fit_to_screen
from ui.session import Session

log = logging.getLogger(__name__)

PAGE_WIDTH = 900  # pixels a PDF page is drawn at
MAX_PAGES = 20  # pages of a PDF shown (a scan is a few pages)


def page_images(data: bytes, mime: str) -> list[QImage]:
    """The scan as images, from its bytes in memory: an image, or a PDF's pages drawn."""
    if mime != "application/pdf":
        image = QImage()
        image.loadFromData(data)
        return [image] if not image.isNull() else []
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    doc = QPdfDocument()
    doc.load(buffer)
    images = []
    for n in range(min(doc.pageCount(), MAX_PAGES)):
        size = doc.pagePointSize(n)
        scale = PAGE_WIDTH / size.width() if size.width() else 1.0
        images.append(doc.render(n, QSize(PAGE_WIDTH, int(size.height() * scale))))
    doc.close()
    buffer.close()
    return images


class ScanViewer(Retranslating, QDialog):
    """One scan, shown from memory."""

    def __init__(self, info: AttachmentInfo, data: bytes, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.info = info
        self.images = page_images(data, info.mime)
        column = QVBoxLayout()
        inner = QWidget()
        inner.setLayout(column)
        for image in self.images:
            shown = QLabel()
            shown.setPixmap(QPixmap.fromImage(image).scaledToWidth(min(image.width(), PAGE_WIDTH),
                                                                    Qt.TransformationMode.SmoothTransformation))
            column.addWidget(shown)
        self.empty = QLabel()
        self.empty.setVisible(not self.images)
        column.addWidget(self.empty)
        scroll = QScrollArea()
        scroll.setWidget(inner)
        scroll.setWidgetResizable(True)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(close)
        self.resize(PAGE_WIDTH + 60, 700)
        self.retranslate()

    def showEvent(self, event: QShowEvent) -> None:  # Qt's name
        super().showEvent(event)
        fit_to_screen(self)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("扫描件：{name}").format(name=self.info.name))
        self.empty.setText(self.tr("无法显示此扫描件。"))


class ScansDialog(Retranslating, QDialog):
    """The case's scans: view, add a file to a material, import a scanner folder."""

    changed = Signal()  # a scan was added

    def __init__(self, session: Session, case: Case, names: dict[str, str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.case = case
        self.names = names
        self.infos: list[AttachmentInfo] = []
        self.viewer: ScanViewer | None = None
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.list = QListWidget()
        self.list.setObjectName("scans")
        self.list.itemActivated.connect(lambda _item: self.view_selected())
        self.view_button = QPushButton()
        self.view_button.clicked.connect(self.view_selected)
        self.tibetan: dict[str, str] = {}  # the materials' Tibetan names (read with the list)
        self.material = QComboBox()
        self.material.setObjectName("scanMaterial")
        self.material.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self._fill_materials()
        self.material_label = QLabel()
        self.material_label.setBuddy(self.material)
        self.add_button = QPushButton()
        self.add_button.clicked.connect(self._pick_files)
        self.folder_button = QPushButton()
        self.folder_button.clicked.connect(self._pick_folder)
        self.message = QLabel()
        self.message.setWordWrap(True)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.addRow(self.material_label, self.material)
        row = QHBoxLayout()
        row.addWidget(self.add_button)
        row.addWidget(self.folder_button)
        row.addStretch(1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        self.close_button = buttons.button(QDialogButtonBox.StandardButton.Close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.view_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addLayout(form)
        layout.addLayout(row)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.setModal(True)
        self.retranslate()
        self.reload()

    def showEvent(self, event: QShowEvent) -> None:  # Qt's name
        super().showEvent(event)
        fit_to_screen(self)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("扫描件 {case}").format(case=self.case.case_no))
        self.intro.setText(self.tr("本办件的扫描件。查看时只在内存中解密，不另存文件。补交的材料可在这里扫描添加。"))
        self.view_button.setText(self.tr("查看(&V)"))
        self.material_label.setText(self.tr("添加到材料(&M)："))
        self.add_button.setText(self.tr("添加文件(&A)…"))
        self.folder_button.setText(self.tr("从扫描仪文件夹导入(&I)…"))
        self.close_button.setText(self.tr("关闭"))
        self._show_list()

    # -- the list -----------------------------------------------------------------------------
    def reload(self) -> None:
        case_no, items = self.case.case_no, [(i.item_code, i.item_version) for i in self.case.items]

        def work(st: Station) -> tuple[list[AttachmentInfo], dict[str, str]]:
            tibetan: dict[str, str] = {}
            for code, version in items:
                try:
                    for m in catalogue.get_item(st, code, version).materials:
                        if m.name.bo:
                            tibetan.setdefault(m.code, m.name.bo)
                except ItemNotFound:
                    continue
            return attachments.list_for_case(st, case_no), tibetan

        self.session.run(work, self._loaded, on_error=self._failed)

    def _loaded(self, loaded: tuple[list[AttachmentInfo], dict[str, str]]) -> None:
        self.infos, self.tibetan = list(loaded[0]), loaded[1]
        self._fill_materials()
        self._show_list()

    def _name(self, code: str) -> str:
        """A material's name: Chinese, and in the Tibetan window its Tibetan name after it (when the
        catalogue has one)."""
        zh, bo = self.names.get(code, code), self.tibetan.get(code, "")
        tibetan_window = QLocale().language() == QLocale.Language.Tibetan
        return f"{zh} {bo}" if bo and tibetan_window else zh

    def _fill_materials(self) -> None:
        current = self.material.currentData()
        self.material.clear()
        for m in self.case.materials:
            self.material.addItem(self._name(m.material_code), (m.item_code, m.material_code))
        self.material.setCurrentIndex(max(0, self.material.findData(current)))

    def _show_list(self) -> None:
        self.list.clear()
        for info in self.infos:
            item = QListWidgetItem(self.tr("{material}：{name}（{added}）").format(
                material=self._name(info.material_code), name=info.name,
                added=info.added_at[:16].replace("T", " ")))
            item.setData(Qt.ItemDataRole.UserRole, info.sha256)
            self.list.addItem(item)
        if not self.infos:
            empty = QListWidgetItem(self.tr("还没有扫描件"))
            empty.setFlags(Qt.ItemFlag.NoItemFlags)
            self.list.addItem(empty)
        self.view_button.setEnabled(bool(self.infos))

    def view_selected(self) -> None:
        item = self.list.currentItem() or (self.list.item(0) if self.infos else None)
        sha = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        info = next((i for i in self.infos if i.sha256 == sha), None)
        if info is None:
            return
        case_no = self.case.case_no
        self.session.run(lambda st: attachments.read(st, info.sha256, case_no),
                         lambda data: self._show_scan(info, data), on_error=self._failed)

    def _show_scan(self, info: AttachmentInfo, data: bytes) -> None:
        self.viewer = ScanViewer(info, data, self)
        self.viewer.finished.connect(lambda _r: setattr(self, "viewer", None))
        self.viewer.open()

    # -- adding -------------------------------------------------------------------------------
    def _target(self) -> tuple[str, str] | None:
        data: Any = self.material.currentData()
        return (str(data[0]), str(data[1])) if data else None

    def _pick_files(self) -> None:
        names, _filter = QFileDialog.getOpenFileNames(self, self.tr("选择扫描件"), "",
                                                      self.tr("扫描件 (*.jpg *.jpeg *.png *.pdf);;所有文件 (*)"))
        if names:
            self.add_files([Path(n) for n in names])

    def add_files(self, paths: list[Path]) -> None:
        """Each file into the chosen material (its own transaction); what was refused is said."""
        target = self._target()
        if target is None:
            return
        case_no = self.case.case_no

        def work(st: Station) -> list[FolderResult]:
            out: list[FolderResult] = []
            for path in paths:
                try:
                    out.append(FolderResult(name=path.name, info=attachments.add_file(st, case_no, *target, path)))
                except attachments.AttachmentError as exc:
                    out.append(FolderResult(name=path.name, error=exc))
            return out

        self._run(work)

    def _pick_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("选择扫描仪保存文件的文件夹"))
        if not folder:
            return
        answer = QMessageBox.question(self, self.tr("导入扫描仪文件夹"), self.tr(
            "把这个文件夹里的扫描件全部导入本办件的“{material}”？每个文件安全存入后，会从文件夹中删除原文件"
            "（未能导入的文件保留）。").format(material=self.material.currentText()))
        if answer == QMessageBox.StandardButton.Yes:
            self.import_folder(Path(folder))

    def import_folder(self, folder: Path) -> None:
        target = self._target()
        if target is None:
            return
        case_no = self.case.case_no
        self._run(lambda st: attachments.add_folder(st, case_no, *target, folder, remove_originals=True))

    def _run(self, work: Callable[[Station], list[FolderResult]]) -> None:
        for w in (self.add_button, self.folder_button):
            w.setEnabled(False)
        self.message.setText(self.tr("正在导入…"))
        self.session.run(work, self._added, on_error=self._failed)

    def _added(self, results: list[FolderResult]) -> None:
        for w in (self.add_button, self.folder_button):
            w.setEnabled(True)
        done = [r for r in results if r.ok]
        lines = [self.tr("已添加 {n} 个扫描件。").format(n=len(done))]
        removed = sum(1 for r in results if r.removed)
        if removed:
            lines.append(self.tr("已从文件夹删除 {n} 个原文件。").format(n=removed))
        for r in results:
            if r.error is not None:
                lines.append(self.tr("{name}：未导入（{why}）").format(name=r.name, why=message_for(r.error)))
        self.message.setText("\n".join(lines))
        if done:
            self.changed.emit()
        self.reload()

    def _failed(self, exc: Exception) -> None:
        for w in (self.add_button, self.folder_button):
            w.setEnabled(True)
        self.message.setText(message_for(exc))
