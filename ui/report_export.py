"""导出 from the report page: the figures, the period's cases (办件清单) or its ratings (好差评数据), as
XLSX or CSV (``app.services.exports``; the file is written on the worker, owner-only).

ID numbers and phones are masked unless the administrator ticks 不遮盖 and gives a reason; the
dialog refuses an unmasked export without one before any file is chosen, and says that such an
export is journaled (who, when, which data, why). The figures name no citizen: no masking choice.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from app.reports import Period
from app.services import exports
from app.services.exports import REASON_MAX, Exported, ExportFormat, ExportKind
from ui.errors import message_for
from ui.page import FlowLayout, fit_to_screen, scrolling
from ui.session import Session

log = logging.getLogger(__name__)


class ExportDialog(QDialog):
    """What to export, in which format, masked or not (with the reason); then where (a file dialog)."""

    exported = Signal(object)  # app.services.exports.Exported

    def __init__(self, session: Session, period: Period, period_text: str, kind: ExportKind = ExportKind.report,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.period = period
        self.setWindowTitle(self.tr("导出"))
        self.heading = QLabel(self.tr("导出 {period} 的数据").format(period=period_text))
        self.heading.setProperty("heading", "2")
        self.heading.setWordWrap(True)

        self.kinds = QButtonGroup(self)
        self.kind_buttons: dict[ExportKind, QRadioButton] = {
            ExportKind.report: QRadioButton(self.tr("统计数据(&T)")),
            ExportKind.cases: QRadioButton(self.tr("办件清单(&L)")),
            ExportKind.evaluations: QRadioButton(self.tr("好差评数据(&V)")),
        }
        what = QLabel(self.tr("导出内容："))
        kind_row = QVBoxLayout()  # one choice a line: long names at 200 % and in Tibetan
        kind_row.addWidget(what)
        for button in self.kind_buttons.values():
            self.kinds.addButton(button)
            kind_row.addWidget(button)
        self.kind_buttons[kind].setChecked(True)

        self.formats = QButtonGroup(self)
        self.xlsx = QRadioButton(self.tr("电子表格（xlsx）(&X)"))
        self.csv = QRadioButton(self.tr("逗号分隔文本（csv）(&C)"))
        self.formats.addButton(self.xlsx)
        self.formats.addButton(self.csv)
        self.xlsx.setChecked(True)
        fmt_label = QLabel(self.tr("文件格式："))
        fmt_row = QVBoxLayout()
        fmt_row.addWidget(fmt_label)
        fmt_row.addWidget(self.xlsx)
        fmt_row.addWidget(self.csv)

        self.masked_note = QLabel(self.tr("证件号码和电话默认遮盖（例如 540127********0017）。"))
        self.masked_note.setWordWrap(True)
        self.unmasked = QCheckBox(self.tr("不遮盖证件号码和电话(&U)"))
        self.reason_label = QLabel(self.tr("原因(&R)："))
        self.reason = QLineEdit()
        self.reason.setMaxLength(REASON_MAX)
        self.reason_label.setBuddy(self.reason)
        self.reason_note = QLabel(self.tr("不遮盖的导出须写明原因（例如：民政局核对低保名单）。导出的时间、操作员、"
                                          "数据范围和原因都记入日志。"))
        self.reason_note.setWordWrap(True)
        self.reason_note.setProperty("size", "small")
        reason_row = QHBoxLayout()
        reason_row.addWidget(self.reason_label)
        reason_row.addWidget(self.reason, 1)

        self.problem = QLabel()
        self.problem.setObjectName("exportProblem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #c62828")
        self.problem.setTextFormat(Qt.TextFormat.PlainText)
        self.problem.hide()
        self.export_button = QPushButton(self.tr("导出(&E)…"))
        self.export_button.setDefault(True)
        self.export_button.clicked.connect(lambda: self.export())
        self.cancel_button = QPushButton(self.tr("取消"))
        self.cancel_button.clicked.connect(self.reject)
        buttons = FlowLayout(align_right=True)
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.cancel_button)

        content = QWidget()  # scrolls at 200 % in Tibetan; the problem and the buttons stay in view
        layout = QVBoxLayout(content)
        layout.addWidget(self.heading)
        layout.addLayout(kind_row)
        layout.addLayout(fmt_row)
        layout.addWidget(self.masked_note)
        layout.addWidget(self.unmasked)
        layout.addLayout(reason_row)
        layout.addWidget(self.reason_note)
        layout.addStretch(1)
        outer = QVBoxLayout(self)
        outer.addWidget(scrolling(content), 1)
        outer.addWidget(self.problem)
        outer.addLayout(buttons)

        self.kinds.buttonToggled.connect(lambda *_: self._update())
        self.unmasked.toggled.connect(lambda *_: self._update())
        self._busy = False
        self._update()

    def kind(self) -> ExportKind:
        return next(k for k, b in self.kind_buttons.items() if b.isChecked())

    def fmt(self) -> ExportFormat:
        return ExportFormat.csv if self.csv.isChecked() else ExportFormat.xlsx

    def _update(self) -> None:
        lists = self.kind() is not ExportKind.report  # the figures name no citizen
        for w in (self.masked_note, self.unmasked, self.reason_note):
            w.setVisible(lists)
        unmasked = lists and self.unmasked.isChecked()
        self.reason_label.setVisible(unmasked)
        self.reason.setVisible(unmasked)
        self.problem.hide()
        self.export_button.setEnabled(not self._busy)
        if self.isVisible():  # a line shown or hidden: as tall as the texts need again
            QTimer.singleShot(0, self, lambda: fit_to_screen(self))

    def _say(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.setVisible(bool(text))

    def file_name(self) -> str:
        names = {ExportKind.report: self.tr("统计数据"), ExportKind.cases: self.tr("办件清单"),
                 ExportKind.evaluations: self.tr("好差评数据")}
        period = self.period.key.replace("..", "-")
        return f"{names[self.kind()]}-{period}.{self.fmt().value}"

    def choose_file(self) -> Path | None:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation) or str(Path.home())
        pattern = self.tr("电子表格 (*.xlsx)") if self.fmt() is ExportFormat.xlsx else self.tr("逗号分隔文本 (*.csv)")
        chosen, _filter = QFileDialog.getSaveFileName(self, self.tr("导出到"), str(Path(folder) / self.file_name()),
                                                      pattern)
        return Path(chosen) if chosen else None

    def export(self, path: str | Path | None = None) -> bool:
        """Check the choice, ask where (unless ``path``), then export on the worker. False when
        refused here (an unmasked list without a reason) or no file was chosen."""
        masked = self.kind() is ExportKind.report or not self.unmasked.isChecked()
        reason = self.reason.text().strip()
        if not masked and not reason:
            self._say(self.tr("不遮盖证件号码和电话时，必须填写原因。"))
            self.reason.setFocus()
            return False
        target = Path(path) if path is not None else self.choose_file()
        if target is None:
            return False
        suffix = "." + self.fmt().value
        if target.suffix.lower() != suffix:
            target = target.with_name(target.name + suffix)
        kind, fmt, period = self.kind(), self.fmt(), self.period
        self._busy = True
        self.export_button.setEnabled(False)
        self._say("")

        def done(result: Exported) -> None:
            self._busy = False
            self.export_button.setEnabled(True)
            log.info("exported %s (%d rows)", kind.value, result.rows)
            self.exported.emit(result)
            self.accept()

        def failed(error: Exception) -> None:
            self._busy = False
            self.export_button.setEnabled(True)
            log.warning("export failed: %s", type(error).__name__)
            self._say(message_for(error))

        self.session.run(lambda st: exports.export(st, kind, period, fmt, target, masked=masked, reason=reason),
                         done, on_error=failed)
        return True

    def showEvent(self, event: QShowEvent) -> None:  # Qt's name
        super().showEvent(event)
        zero = self.fontMetrics().horizontalAdvance("0")
        self.resize(max(self.width(), 48 * zero), self.height())  # room for the notes to wrap in
        fit_to_screen(self)
