"""The sync indicator (always visible), "sync now", and the list of events the platform refused."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ui.i18n import Retranslating
from ui.tasks import TaskRunner

_REASONS = {
    "bad_hash": QT_TRANSLATE_NOOP("QuarantineDialog", "内容与日志哈希不符（可能被改动）"),
    "malformed": QT_TRANSLATE_NOOP("QuarantineDialog", "格式不对"),
    "wrong_station": QT_TRANSLATE_NOOP("QuarantineDialog", "不属于本服务站"),
    "conflict": QT_TRANSLATE_NOOP("QuarantineDialog", "与平台已有记录冲突"),
    "foreign_case": QT_TRANSLATE_NOOP("QuarantineDialog", "该办件属于其他服务站"),
    "bad_text": QT_TRANSLATE_NOOP("QuarantineDialog", "含有不允许的控制字符"),
    "foreign_case_no": QT_TRANSLATE_NOOP("QuarantineDialog", "办件编号不属于本服务站"),
    "seq_taken": QT_TRANSLATE_NOOP("QuarantineDialog", "平台在该序号上已有另一条记录（可能恢复过旧备份）"),
    "broken_chain": QT_TRANSLATE_NOOP("QuarantineDialog", "与平台已收到的日志接不上（哈希链断开）"),
    "duplicate_case_no": QT_TRANSLATE_NOOP("QuarantineDialog", "平台已有该办件编号的另一次受理"),
}


class SyncIndicator(Retranslating, QWidget):
    """在线/离线, last success, waiting and refused counts, and a "sync now" button.

    ``status_fn()`` returns ``sync.engine.status(station)``; ``sync_fn()`` runs one round and
    returns its ``SyncReport``. Both run on the task runner's worker thread.
    """

    quarantine_requested = Signal()
    synced = Signal(object)  # the SyncReport of "sync now"

    def __init__(self, runner: TaskRunner, status_fn: Any, sync_fn: Any, parent: QWidget | None = None,
                 refresh_ms: int = 15_000, ready: Any = None) -> None:
        super().__init__(parent)
        self._ready = ready or (lambda: True)  # False: nothing to ask yet (no station open)
        self._runner = runner
        self._status_fn = status_fn
        self._sync_fn = sync_fn
        self.status: dict[str, Any] = {}
        self.dot = QLabel("●")
        self.text = QLabel(self.tr("正在读取同步状态…"))
        self.refused = QPushButton()
        self.refused.setFlat(True)
        self.refused.clicked.connect(self.quarantine_requested)
        self.refused.hide()
        self.sync_button = QPushButton(self.tr("立即同步"))
        self.sync_button.clicked.connect(self.sync_now)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 0, 4, 0)
        layout.addWidget(self.dot)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.refused)
        layout.addWidget(self.sync_button)
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.refresh)
        self._timer.start(refresh_ms)
        self.refresh()

    def retranslate(self) -> None:
        self.sync_button.setText(self.tr("立即同步"))
        if self.status:
            self._show(self.status, None)

    def refresh(self) -> None:
        if self._ready():
            self._runner.submit(self._status_fn, self._show)

    def sync_now(self) -> None:
        self.sync_button.setEnabled(False)
        self.text.setText(self.tr("正在同步…"))
        self._runner.submit(self._sync_fn, self._synced)

    def _synced(self, report: Any, error: Exception | None) -> None:
        self.sync_button.setEnabled(True)
        if report is not None:
            self.synced.emit(report)
        self.refresh()

    def _show(self, status: dict[str, Any] | None, error: Exception | None) -> None:
        if error is not None or status is None:
            self.dot.setStyleSheet("color: #999")
            self.text.setText(self.tr("同步状态不可用"))
            return
        self.status = status
        if not status["enrolled"]:
            color, text = "#999", self.tr("未登记到平台")
        elif status["last_error"]:
            color = "#c62828"
            text = self.tr("离线 · 待发送 %1 条 · 上次成功 %2").replace("%1", str(status["waiting"])).replace(
                "%2", status["last_success"][:16].replace("T", " ") or self.tr("从未"))
        elif not status["last_success"]:
            color = "#f9a825"
            text = self.tr("尚未与平台同步 · 待发送 %1 条").replace("%1", str(status["waiting"]))
        else:
            color = "#2e7d32" if status["waiting"] == 0 else "#f9a825"
            text = self.tr("在线 · 待发送 %1 条 · 上次成功 %2").replace("%1", str(status["waiting"])).replace(
                "%2", status["last_success"][:16].replace("T", " ") or self.tr("从未"))
        self.dot.setStyleSheet(f"color: {color}")
        self.text.setText(text)
        refused = len(status["quarantined"])
        self.refused.setVisible(refused > 0)
        self.refused.setText(self.tr("被拒 %1 条").replace("%1", str(refused)))


class QuarantineDialog(QDialog):
    """Events the platform refused, with the reason; "send again" once the cause is fixed."""

    def __init__(self, runner: TaskRunner, status_fn: Any, retry_fn: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("平台拒收的记录"))
        self.resize(720, 420)
        self._runner = runner
        self._status_fn = status_fn
        self._retry_fn = retry_fn
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels([self.tr("序号"), self.tr("办件"), self.tr("记录"), self.tr("原因")])
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.retry_button = QPushButton(self.tr("重新发送(&R)"))
        self.retry_button.clicked.connect(self.retry)
        close = QPushButton(self.tr("关闭"))
        close.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.retry_button)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("以下记录被平台拒收，其他记录照常同步。查明原因后可重新发送。")))
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.reload()

    def reload(self) -> None:
        self._runner.submit(self._status_fn, self._fill)

    def _fill(self, status: dict[str, Any] | None, error: Exception | None) -> None:
        rows = (status or {}).get("quarantined", [])
        self.table.setRowCount(len(rows))
        for i, q in enumerate(rows):
            reason = self.tr(_REASONS.get(q["reason"], q["reason"]))
            for j, value in enumerate((str(q["seq"]), q["case_no"] or "", q["type"], reason)):
                item = QTableWidgetItem(value)
                item.setData(Qt.ItemDataRole.UserRole, q["seq"])
                self.table.setItem(i, j, item)
        self.retry_button.setEnabled(bool(rows))

    def retry(self) -> None:
        selected = sorted({int(i.data(Qt.ItemDataRole.UserRole)) for i in self.table.selectedItems()})
        self._runner.submit(lambda: self._retry_fn(selected or None), lambda _r, _e: self.reload())
