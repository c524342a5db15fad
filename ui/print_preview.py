"""Print preview (QtPdf) and printing through QPrinter; nothing is written to disk.

The document is rendered to PDF bytes in memory, shown with QPdfView from a QBuffer, and sent to
the printer page by page as images at the printer's resolution.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QBuffer, QByteArray, QIODevice, QMarginsF, QSizeF
from PySide6.QtGui import QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

log = logging.getLogger(__name__)

PAPER_NAMES = {"a4": "A4", "a5": "A5", "80mm": QT_TRANSLATE_NOOP("PrintPreviewDialog", "80 mm 热敏纸")}
_POINTS_PER_MM = 72 / 25.4


class PrintFailed(Exception):
    pass


class PdfInMemory:
    """A QPdfDocument loaded from bytes through a QBuffer (kept alive with the document)."""

    def __init__(self, data: bytes, parent: QWidget | None = None) -> None:
        self.bytes = QByteArray(data)
        self.buffer = QBuffer(self.bytes)
        self.buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document = QPdfDocument(parent)
        self.document.load(self.buffer)
        if self.document.status() != QPdfDocument.Status.Ready:
            raise PrintFailed(f"pdf not loaded: {self.document.error()}")


def page_size_for(document: QPdfDocument) -> QPageSize:
    """The PDF's own first page size (A4, A5, or an 80 mm roll as long as the receipt)."""
    pts = document.pagePointSize(0)
    return QPageSize(QSizeF(pts.width() / _POINTS_PER_MM, pts.height() / _POINTS_PER_MM),
                     QPageSize.Unit.Millimeter, "bianmin", QPageSize.SizeMatchPolicy.FuzzyMatch)


def print_pdf(data: bytes, printer_name: str = "", title: str = "bianmin", dpi: int = 300) -> int:
    """Print PDF bytes on a printer (the default one when ``printer_name`` is empty); returns pages."""
    pdf = PdfInMemory(data)
    info = QPrinterInfo.printerInfo(printer_name) if printer_name else QPrinterInfo.defaultPrinter()
    if info.isNull():
        raise PrintFailed(f"no printer {printer_name!r}")
    printer = QPrinter(info, QPrinter.PrinterMode.HighResolution)
    printer.setDocName(title)
    printer.setResolution(dpi)
    printer.setFullPage(True)
    printer.setPageLayout(QPageLayout(page_size_for(pdf.document), QPageLayout.Orientation.Portrait,
                                      QMarginsF(0, 0, 0, 0)))
    painter = QPainter()
    if not painter.begin(printer):
        raise PrintFailed("the printer did not start")
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
    """Shows a document; the clerk picks printer and paper and prints.

    ``render(paper)`` returns the PDF bytes for a paper; ``on_printed(printer, paper)`` is called
    after a successful print (the caller journals it and remembers the choice).
    """

    def __init__(self, render: Callable[[str], bytes], on_printed: Callable[[str, str], None], *,
                 printer: str = "", paper: str = "a4", title: str = "bianmin", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._title = title
        self.setWindowTitle(self.tr("打印预览"))
        self.resize(760, 900)
        self._render = render
        self._on_printed = on_printed
        self._pdf: PdfInMemory | None = None

        self.printers = QComboBox()
        self.printers.addItem(self.tr("系统默认打印机"), "")
        for info in QPrinterInfo.availablePrinters():
            self.printers.addItem(info.description() or info.printerName(), info.printerName())
        index = self.printers.findData(printer)
        self.printers.setCurrentIndex(max(0, index))
        self.papers = QComboBox()
        for key, name in PAPER_NAMES.items():
            self.papers.addItem(self.tr(name), key)
        self.papers.setCurrentIndex(max(0, self.papers.findData(paper)))
        self.papers.currentIndexChanged.connect(self._reload)

        self.view = QPdfView(self)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.print_button = QPushButton(self.tr("打印(&P)"))
        self.print_button.setDefault(True)
        self.print_button.clicked.connect(self.do_print)
        close = QPushButton(self.tr("关闭"))
        close.clicked.connect(self.reject)

        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("打印机：")))
        bar.addWidget(self.printers, 2)
        bar.addWidget(QLabel(self.tr("纸张：")))
        bar.addWidget(self.papers, 1)
        bar.addWidget(self.print_button)
        bar.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)
        self._reload()

    @property
    def paper(self) -> str:
        return str(self.papers.currentData())

    @property
    def printer(self) -> str:
        return str(self.printers.currentData())

    def _reload(self) -> None:
        self._pdf = PdfInMemory(self._render(self.paper), self)
        self.view.setDocument(self._pdf.document)

    def do_print(self) -> bool:
        try:
            print_pdf(self._render(self.paper), self.printer, title=self._title)
        except PrintFailed as exc:
            log.warning("print failed: %s", exc)
            QMessageBox.warning(self, self.tr("打印失败"),
                                self.tr("打印机没有响应。请检查打印机是否开机、联机，或换一台打印机后重试。"))
            return False
        self._on_printed(self.printer, self.paper)
        self.accept()
        return True
