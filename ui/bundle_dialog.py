"""导入离线包: a work team's bundle, checked and forwarded to the platform from this station.

A standalone dialog (the main window opens it; it needs only the session)::

    dialog = BundleDialog(session, parent)
    dialog.set_path("/media/usb/work-team.bmb")   # or the 选择文件 button (QFileDialog)
    dialog.exec()

Choosing a file checks it (``sync.bundles.inspect``: certificate, region, every byte, signature;
nothing decrypted, nothing stored) and shows whose work it carries, how many cases, events and
scans, and how big it is. 导入 forwards it (``sync.bundles.import_bundle``, resumable) with a
progress bar and says what the platform received and where its acknowledgement was written. A
refusal is shown in the dialog, in the sentence the command line prints too.

Reading a large bundle and forwarding it over a slow link take minutes: that work runs on the
dialog's own worker thread with its own connection to the store (``Station.companion()``, opened
on the session's worker), like the window's sync, so the clerk's other work never waits for it.
The connection and the thread end when the dialog closes (not while a forward is under way).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.errors import SyncError
from app.station import Station
from sync import bundles
from ui.errors import message_for
from ui.i18n import Retranslating
from ui.session import Session
from ui.tasks import TaskRunner

log = logging.getLogger(__name__)


class _Progress(QObject):
    """Emitted on the worker thread, delivered on the GUI thread (queued)."""

    moved = Signal(object, object)  # bytes the platform has, bytes in all (Python ints: files > 2 GiB)


def _mb(n: int) -> str:
    return f"{n / 1_000_000:.1f}"


class BundleDialog(Retranslating, QDialog):
    """Check an offline bundle and forward it to the platform; ``imported`` carries the ImportResult."""

    imported = Signal(object)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.path: str | None = None
        self.summary: bundles.BundleSummary | None = None
        self.import_result: bundles.ImportResult | None = None
        self._busy = False
        self._runner: TaskRunner | None = None
        self._companion: Station | None = None
        self._progress = _Progress(self)
        self._progress.moved.connect(self._moved)
        session.logged_out.connect(self.shutdown)

        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.file_label = QLabel()
        self.path_edit = QLineEdit()
        self.path_edit.setReadOnly(True)
        self.file_label.setBuddy(self.path_edit)
        self.browse_button = QPushButton()
        self.browse_button.clicked.connect(self.browse)
        file_row = QHBoxLayout()
        file_row.addWidget(self.path_edit, 1)
        file_row.addWidget(self.browse_button)

        self.form = QFormLayout()
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)  # labels above fields when narrow
        self.station_label, self.station_value = QLabel(), QLabel()
        self.created_label, self.created_value = QLabel(), QLabel()
        self.cases_label, self.cases_value = QLabel(), QLabel()
        self.attachments_label, self.attachments_value = QLabel(), QLabel()
        self.size_label, self.size_value = QLabel(), QLabel()
        self.check_label, self.check_value = QLabel(), QLabel()
        for label, value in ((self.station_label, self.station_value), (self.created_label, self.created_value),
                             (self.cases_label, self.cases_value), (self.attachments_label, self.attachments_value),
                             (self.size_label, self.size_value), (self.check_label, self.check_value)):
            value.setWordWrap(True)
            self.form.addRow(label, value)

        self.progress = QProgressBar()
        self.progress.setRange(0, 1000)
        self.progress.hide()
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #b00020;")
        self.error_label.hide()

        self.import_button = QPushButton()
        self.import_button.setEnabled(False)
        self.import_button.setDefault(True)
        self.import_button.clicked.connect(self.start_import)
        self.close_button = QPushButton()
        self.close_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.file_label)
        layout.addLayout(file_row)
        layout.addLayout(self.form)
        layout.addWidget(self.progress)
        layout.addWidget(self.status_label)
        layout.addWidget(self.error_label)
        layout.addStretch(1)
        layout.addLayout(buttons)
        self.setTabOrder(self.browse_button, self.import_button)
        self.setTabOrder(self.import_button, self.close_button)
        self.setModal(True)
        self.retranslate()


    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("导入离线包"))
        self.intro.setText(self.tr("驻村工作队带回的离线包（U 盘或笔记本电脑上的 .bmb 文件）由本站转交平台。"
                                   "本服务站工作队的离线包，其中的办件同时收入本机记录（断网时也可以），"
                                   "可以在本窗口继续办理；其他离线包已加密，本站无法读取。"
                                   "校验通过后才会转交，平台只保留一份。"))
        self.file_label.setText(self.tr("离线包文件(&F)："))
        self.browse_button.setText(self.tr("选择文件(&B)…"))
        self.station_label.setText(self.tr("来自服务站："))
        self.created_label.setText(self.tr("导出时间："))
        self.cases_label.setText(self.tr("办件："))
        self.attachments_label.setText(self.tr("扫描材料："))
        self.size_label.setText(self.tr("文件大小："))
        self.check_label.setText(self.tr("校验："))
        self.import_button.setText(self.tr("导入并转交平台(&I)"))
        self.close_button.setText(self.tr("关闭(&C)"))
        self._show_summary()
        self._show_result()

    def _show_summary(self) -> None:
        s = self.summary
        values = (self.station_value, self.created_value, self.cases_value, self.attachments_value,
                  self.size_value, self.check_value)
        if s is None:
            for value in values:
                value.setText("—")
            return
        self.station_value.setText(self.tr("{name}（{code}）").format(name=s.station_name, code=s.station))
        self.created_value.setText(s.created_at[:16].replace("T", " "))
        self.cases_value.setText(self.tr("{cases} 件（日志事件 {events} 条）").format(cases=s.cases, events=s.events))
        self.attachments_value.setText(self.tr("{n} 份（{mb} MB）").format(n=s.attachments,
                                                                        mb=_mb(s.attachment_bytes)))
        self.size_value.setText(self.tr("{mb} MB").format(mb=_mb(s.size)))
        if s.state == "delivered":
            check = self.tr("签名和完整性校验通过；本站已于 {at} 将它送达平台").format(
                at=(s.delivered_at or "")[:16].replace("T", " "))
        elif s.state == "uploading":
            check = self.tr("签名和完整性校验通过；上次转交中断（平台已收到 {pct}%），导入将从断点继续").format(
                pct=s.offset * 100 // max(1, s.size))
        else:
            check = self.tr("签名和完整性校验通过")
        if s.readable:
            check += self.tr("（内容已加密，平台和本机能读取：导入时其办件收入本机记录）")
        self.check_value.setText(check)

    def _taken_text(self, taken: bundles.TakenIn) -> str:
        return self.tr("已收入本机记录：工作队（{device}号设备）的办件 {cases} 件，新日志事件 {events} 条，"
                       "扫描材料 {scans} 份；可在本机查找、继续办理和出件").format(
            device=taken.device, cases=taken.cases, events=taken.events, scans=taken.scans)

    def _show_result(self) -> None:
        r = self.import_result
        if r is None:
            return
        taken = self._taken_text(r.taken) + "\n" if r.taken.read else ""
        self.status_label.setText(taken + self.tr(
            "已转交平台：平台新收日志事件 {stored} 条，此前已有 {duplicate} 条，拒收 {rejected} 条；"
            "扫描材料 {attachments} 份。平台回执已写入 {ack}，请交给工作队，在原电脑上导入回执。").format(
            stored=r.stored, duplicate=r.duplicate, rejected=r.rejected, attachments=r.attachments, ack=r.ack_path))

    # -- choosing and checking -------------------------------------------------------------------
    def browse(self) -> None:
        start = str(Path(self.path).parent) if self.path else ""
        path, _filter = QFileDialog.getOpenFileName(self, self.tr("选择离线包"), start,
                                                    self.tr("离线包 (*.bmb);;所有文件 (*)"))
        if path:
            self.set_path(path)

    def set_path(self, path: str) -> None:
        """Take this file (the picker calls it; tests too) and check it on the worker."""
        self.path = str(path)
        self.path_edit.setText(self.path)
        self.summary = None
        self.import_result = None
        self._show_summary()
        self.status_label.setText(self.tr("正在校验离线包…"))
        self.error_label.hide()
        self.import_button.setEnabled(False)
        self.progress.hide()
        wanted = self.path

        def check(station: Station) -> bundles.BundleSummary:
            return bundles.inspect(station, wanted)

        self._work(check, lambda summary: self._checked(wanted, summary), lambda exc: self._failed(wanted, exc))

    def _checked(self, path: str, summary: bundles.BundleSummary) -> None:
        if path != self.path:  # another file was chosen meanwhile
            return
        self.summary = summary
        self._show_summary()
        self.status_label.setText("")
        self.import_button.setEnabled(summary.state != "delivered")

    def _failed(self, path: str, exc: Exception) -> None:
        if path != self.path:
            return
        self._busy = False
        self.browse_button.setEnabled(True)
        self.close_button.setEnabled(True)
        self.status_label.setText("")
        self.error_label.setText(message_for(exc))
        self.error_label.show()
        if isinstance(exc, SyncError):  # the link was cut: what was taken into this device's records stays
            self._work(lambda station: bundles.inspect_record(station, path), self._show_taken_record,
                       lambda _exc: None)
        # A cut link can be tried again (the forward resumes); a refused bundle cannot.
        self.import_button.setEnabled(self.summary is not None and isinstance(exc, SyncError))

    def _show_taken_record(self, record: dict[str, Any] | None) -> None:
        taken = record.get("taken_in") if record else None
        if isinstance(taken, dict) and taken.get("read"):
            fields = {k: taken[k] for k in ("read", "reason", "device", "events", "known", "refused", "cases",
                                             "scans") if k in taken}
            self.status_label.setText(self._taken_text(bundles.TakenIn(**fields)))

    # -- importing -------------------------------------------------------------------------------
    def start_import(self) -> None:
        if self._busy or self.path is None or self.summary is None:
            return
        self._busy = True
        self.error_label.hide()
        self.import_button.setEnabled(False)
        self.browse_button.setEnabled(False)
        self.close_button.setEnabled(False)
        self.progress.setValue(0)
        self.progress.show()
        self.status_label.setText(self.tr("正在转交平台…"))
        path, moved = self.path, self._progress.moved

        def forward(station: Station) -> bundles.ImportResult:
            return bundles.import_bundle(station, path, progress=lambda at, size: moved.emit(at, size))

        self._work(forward, self._imported, lambda exc: self._failed(path, exc))

    def _moved(self, at: Any, size: Any) -> None:
        self.progress.setValue(int(1000 * int(at) / max(1, int(size))))

    def _imported(self, result: bundles.ImportResult) -> None:
        self._busy = False
        self.import_result = result
        self.summary = result.summary
        self.progress.setValue(1000)
        self.browse_button.setEnabled(True)
        self.close_button.setEnabled(True)
        self._show_result()
        self.imported.emit(result)

    # -- the dialog's own worker and connection ---------------------------------------------------
    def _work(self, fn: Callable[[Station], Any], done: Callable[[Any], None],
              failed: Callable[[Exception], None]) -> None:
        """``fn(companion station)`` on the dialog's worker; ``done`` or ``failed`` on the GUI thread."""

        def deliver(result: Any, error: Exception | None) -> None:
            if error is not None:
                failed(error)
            else:
                done(result)

        if self._companion is not None and self._runner is not None:
            companion = self._companion
            self._runner.submit(lambda: fn(companion), deliver)
            return

        def opened(companion: Station) -> None:
            if self._runner is None:
                self._runner = TaskRunner(self)
            self._companion = companion
            self._runner.submit(lambda: fn(companion), deliver)

        # Opening the connection reads the store: on the session's worker, never here.
        self.session.run(lambda station: station.companion(), opened, on_error=failed)

    def shutdown(self) -> None:
        """Close the dialog's connection and stop its worker (waits for a forward under way: what the
        platform confirmed is kept, so an interrupted forward resumes next time)."""
        runner, companion = self._runner, self._companion
        self._runner = self._companion = None
        if runner is not None:
            if companion is not None:
                runner.submit(companion.close)
            runner.stop(timeout_ms=60_000)

    def done(self, result: int) -> None:  # Qt's name: every way of closing the dialog ends here
        if self._busy:  # a forward is under way: let it finish (the window can still be used)
            return
        self.shutdown()
        super().done(result)

    def closeEvent(self, event: Any) -> None:  # Qt's name
        if self._busy:
            event.ignore()
            return
        super().closeEvent(event)
