"""Print preview (QtPdf), printing through QPrinter, and 保存为 PDF where the clerk chooses.

The document is rendered to PDF bytes in memory, shown with QPdfView from a QBuffer, and sent to
the printer page by page as images at the printer's resolution. Nothing is written to disk unless
the clerk saves the document as a PDF (the caller writes it owner-only and journals it).

The printers offered are ``QPrinterInfo.availablePrinters()`` (a caller may give the list); a PC
with none is told so, and 保存为 PDF is always offered.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QSizeF, QStandardPaths, Qt
from PySide6.QtGui import QPageLayout, QPageSize, QPainter, QShowEvent
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.keys import write_private_file
from ui.labels import label
from ui.page import FlowLayout, fit_to_screen, pair

log = logging.getLogger(__name__)

PAPERS = ("a4", "a5", "80mm")  # printing.Paper; their names are in ui/labels.py
PAPER_NAMES = PAPERS  # the older name
_POINTS_PER_MM = 72 / 25.4

# Why a print did not start (PrintFailed.reason).
NO_PRINTER = "no_printer"  # this PC has no printer set up
PRINTER_MISSING = "printer_missing"  # the chosen printer is not (or no longer) there
NO_DEFAULT = "no_default"  # printers exist, none is the system's default
NOT_STARTED = "not_started"  # the printer did not take the job

Printers = Sequence[tuple[str, str]]  # (printer name, description)
Finished = Callable[[Exception | None], None]
SaveFn = Callable[[Path, str, Finished], None]  # (file, paper, finished): write it (and journal it)


class PrintFailed(Exception):
    def __init__(self, reason: str, printer: str = "") -> None:
        super().__init__(f"{reason} {printer!r}" if printer else reason)
        self.reason = reason
        self.printer = printer


def available_printers() -> list[tuple[str, str]]:
    """The printers set up on this computer, as Qt sees them: (name, description)."""
    return [(info.printerName(), info.description() or info.printerName())
            for info in QPrinterInfo.availablePrinters()]


class PdfInMemory:
    """A QPdfDocument loaded from bytes through a QBuffer (kept alive with the document)."""

    def __init__(self, data: bytes, parent: QWidget | None = None) -> None:
        self.bytes = QByteArray(data)
        self.buffer = QBuffer(self.bytes)
        self.buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document = QPdfDocument(parent) if parent is not None else QPdfDocument()
        self.document.load(self.buffer)
        if self.document.status() != QPdfDocument.Status.Ready:
            raise PrintFailed(NOT_STARTED, f"pdf not loaded: {self.document.error()}")


def page_size_for(document: QPdfDocument) -> QPageSize:
    """The PDF's own first page size (A4, A5, or an 80 mm roll as long as the receipt)."""
    pts = document.pagePointSize(0)
    return QPageSize(QSizeF(pts.width() / _POINTS_PER_MM, pts.height() / _POINTS_PER_MM),
                     QPageSize.Unit.Millimeter, "bianmin", QPageSize.SizeMatchPolicy.FuzzyMatch)


def print_pdf(data: bytes, printer_name: str = "", title: str = "bianmin", dpi: int = 300, *,
              available: Sequence[str] | None = None) -> int:
    """Print PDF bytes on a printer (the default one when ``printer_name`` is empty); returns pages.

    ``available``: the names of the printers set up (``available_printers()`` when not given);
    with none, the default printer is not looked for and the reason is :data:`NO_PRINTER`.
    """
    names = [name for name, _ in available_printers()] if available is None else list(available)
    pdf = PdfInMemory(data)
    if printer_name:
        info = QPrinterInfo.printerInfo(printer_name)
        if info.isNull():
            raise PrintFailed(PRINTER_MISSING if names else NO_PRINTER, printer_name)
    else:
        if not names:
            raise PrintFailed(NO_PRINTER)
        info = QPrinterInfo.defaultPrinter()
        if info.isNull():
            raise PrintFailed(NO_DEFAULT)
    printer = QPrinter(info, QPrinter.PrinterMode.HighResolution)
    printer.setDocName(title)
    printer.setResolution(dpi)
    printer.setFullPage(True)
    printer.setPageLayout(QPageLayout(page_size_for(pdf.document), QPageLayout.Orientation.Portrait,
                                      QMarginsF(0, 0, 0, 0)))
    painter = QPainter()
    if not painter.begin(printer):
        raise PrintFailed(NOT_STARTED, printer_name)
    try:
        pages = pdf.document.pageCount()
        for i in range(pages):
            if i:
                printer.newPage()
            target = printer.pageRect(QPrinter.Unit.DevicePixel).toRect()
            image = pdf.document.render(i, target.size())
            painter.drawImage(target, image)
    finally:
        painter.end()
    log.info("printed %d page(s)", pages)
    return pages


class PrintPreviewDialog(QDialog):
    """Shows a document; the clerk picks printer and paper and prints, or saves it as a PDF.

    ``render(paper)`` returns the PDF bytes for a paper; ``on_printed(printer, paper)`` is called
    after a successful print (the caller journals it and remembers the choice). ``on_save(path,
    paper, finished)`` writes the document where the clerk chose (owner-only) and journals it, then
    calls ``finished(error)``; without it the shown bytes are written here. ``printers`` (name,
    description) are those of :func:`available_printers` unless given.
    """

    def __init__(self, render: Callable[[str], bytes], on_printed: Callable[[str, str], object], *,
                 printer: str = "", paper: str = "a4", title: str = "bianmin", parent: QWidget | None = None,
                 on_save: SaveFn | None = None, printers: Printers | None = None, file_name: str = "") -> None:
        super().__init__(parent)
        self._title = title
        self._file_name = file_name or f"{title}.pdf"
        self.setWindowTitle(self.tr("打印预览"))
        self.resize(760, 900)
        self._render = render
        self._on_printed = on_printed
        self._on_save = on_save
        self._pdf: PdfInMemory | None = None
        self._available = list(available_printers() if printers is None else printers)
        self._remembered = printer

        self.printers = QComboBox()
        if self._available:
            self.printers.addItem(self.tr("系统默认打印机"), "")
            for name, description in self._available:
                self.printers.addItem(description or name, name)
        else:
            self.printers.addItem(self.tr("（本机没有打印机）"), "")
        index = self.printers.findData(printer) if printer else 0
        self.printers.setCurrentIndex(max(0, index))
        self.printers.currentIndexChanged.connect(self._printer_chosen)
        self.papers = QComboBox()
        for key in PAPERS:
            self.papers.addItem(label(key, "Paper"), key)
        self.papers.setCurrentIndex(max(0, self.papers.findData(paper)))
        self.papers.currentIndexChanged.connect(self._reload)

        self.view = QPdfView(self)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.print_button = QPushButton(self.tr("打印(&P)"))
        self.print_button.clicked.connect(self.do_print)
        self.save_button = QPushButton(self.tr("保存为 PDF(&S)…"))
        self.save_button.setToolTip(self.tr("把这份文书存成 PDF 文件，放到您选择的位置（例如 U 盘）"))
        self.save_button.clicked.connect(lambda: self.save_pdf())
        close = QPushButton(self.tr("关闭"))
        close.clicked.connect(self.reject)
        (self.print_button if self._available else self.save_button).setDefault(True)
        self.print_button.setEnabled(bool(self._available))

        self.notice = QLabel()  # what the clerk should know before printing (no printer, where a file went)
        self.notice.setWordWrap(True)
        self.notice.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.problem = QLabel()  # why the last print or save did not happen
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #c62828")
        self.problem.hide()

        for box in (self.printers, self.papers):  # never narrower than the longest choice
            box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        printer_label = QLabel(self.tr("打印机(&R)："))
        printer_label.setBuddy(self.printers)
        paper_label = QLabel(self.tr("纸张(&Z)："))
        paper_label.setBuddy(self.papers)
        # Printer and paper side by side while the width holds them, else one under the other (200 %).
        bar = FlowLayout()
        bar.addWidget(pair(printer_label, self.printers))
        bar.addWidget(pair(paper_label, self.papers))
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.save_button)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.notice)
        layout.addWidget(self.problem)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        self._show_notice()
        self._reload()

    def showEvent(self, event: QShowEvent) -> None:  # Qt's name
        super().showEvent(event)
        for box in (self.printers, self.papers):
            # Qt's size hint leaves out the style sheet's padding: one wide character more, measured
            # at the font the box has now (the scale's), so the longest choice shows whole.
            box.setMinimumWidth(box.sizeHint().width() + box.fontMetrics().horizontalAdvance("中"))
        fit_to_screen(self)  # 760×900 does not fit a 1366×768 station screen

    @property
    def paper(self) -> str:
        return str(self.papers.currentData())

    @property
    def printer(self) -> str:
        return str(self.printers.currentData())

    def _reload(self) -> None:
        self._pdf = PdfInMemory(self._render(self.paper), self)
        self.view.setDocument(self._pdf.document)

    def _show_notice(self) -> None:
        names = [name for name, _ in self._available]
        if not names:
            text = self.tr("本机没有设置打印机，不能直接打印。可以“保存为 PDF”，把文件拿到有打印机的电脑上打印。")
        elif self._remembered and self._remembered not in names:
            text = self.tr("上次使用的打印机“{name}”现在找不到，已改用系统默认打印机。"
                           "可以另选一台，或“保存为 PDF”。").format(name=self._remembered)
        else:
            text = ""
        self.notice.setText(text)
        self.notice.setVisible(bool(text))

    def _printer_chosen(self) -> None:
        self.problem.hide()

    def _say_problem(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.show()

    def _print_problem(self, exc: PrintFailed) -> str:
        if exc.reason == NO_PRINTER:
            return self.tr("打印失败：本机没有设置打印机。请点“保存为 PDF”把文件存下来"
                           "（例如存到 U 盘，拿到有打印机的电脑上打印），或请管理员在系统中添加打印机。")
        if exc.reason == PRINTER_MISSING:
            return self.tr("打印失败：找不到打印机“{name}”（可能已被删除、改名或没有连接）。"
                           "请在“打印机”中另选一台，或点“保存为 PDF”。").format(name=exc.printer)
        if exc.reason == NO_DEFAULT:
            return self.tr("打印失败：这台电脑没有设定默认打印机。请在“打印机”中选一台，或点“保存为 PDF”。")
        return self.tr("打印机没有响应。请检查打印机是否开机、联机，或换一台打印机后重试。")

    def do_print(self) -> bool:
        self.problem.hide()
        try:
            print_pdf(self._render(self.paper), self.printer, title=self._title,
                      available=[name for name, _ in self._available])
        except PrintFailed as exc:
            log.warning("print failed: %s", exc.reason)
            self._say_problem(self._print_problem(exc))
            return False
        self._on_printed(self.printer, self.paper)
        self.accept()
        return True

    # -- 保存为 PDF --------------------------------------------------------------------------------
    def choose_file(self) -> Path | None:
        """Where the clerk wants the file (a save dialog that asks before replacing a file)."""
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation) or str(Path.home())
        chosen, _filter = QFileDialog.getSaveFileName(self, self.tr("保存为 PDF"), str(Path(folder) / self._file_name),
                                                      self.tr("PDF 文件 (*.pdf)"))
        return Path(chosen) if chosen else None

    def save_pdf(self, path: str | Path | None = None) -> bool:
        """Save the document as a PDF at ``path`` (asked when not given); the write and the journal
        entry are the caller's (``on_save``). False when the clerk chose no file."""
        target = Path(path) if path is not None else self.choose_file()
        if target is None:
            return False
        if target.suffix.lower() != ".pdf":
            target = target.with_name(target.name + ".pdf")
        self.problem.hide()
        self.save_button.setEnabled(False)
        self.notice.setText(self.tr("正在保存…"))
        self.notice.show()

        def finished(error: Exception | None) -> None:
            self.save_button.setEnabled(True)
            if error is not None:
                from ui.errors import message_for

                log.warning("saving the PDF failed: %s", type(error).__name__)
                self._show_notice()
                self._say_problem(message_for(error))
                return
            self.notice.setText(self.tr("已保存为 PDF：{path}").format(path=str(target)))
            self.notice.show()

        if self._on_save is not None:
            self._on_save(target, self.paper, finished)
        else:
            try:
                write_private_file(target, self._render(self.paper))
            except OSError as exc:
                finished(exc)
            else:
                log.info("document saved as PDF (%s)", self.paper)
                finished(None)
        return True
