"""The sync indicator (always visible), "sync now", and the list of events the platform refused."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
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

from sync.status import LinkState, SyncStatus
from ui.i18n import Retranslating
from ui.labels import label, link_advice
from ui.sync_service import SyncState
from ui.tasks import TaskRunner

_COLOURS = {
    LinkState.online: "#2e7d32", LinkState.never_synced: "#f9a825", LinkState.not_enrolled: "#999",
    LinkState.offline: "#c62828", LinkState.refused: "#c62828", LinkState.protocol_error: "#c62828",
    LinkState.failed: "#c62828",
}


def link_colour(status: SyncStatus) -> str:
    """The dot's colour: green when all went, amber while something waits, red when it cannot go."""
    if status.state is LinkState.online and (status.waiting or status.attachments_waiting):
        return "#f9a825"
    return _COLOURS[status.state]


def last_success_text(status: SyncStatus) -> str:
    return status.last_success[:16].replace("T", " ")


class SyncIndicator(Retranslating, QWidget):
    """The link's state, waiting and refused counts, and a "sync now" button, in the status bar.

    It shows a :class:`ui.sync_service.SyncState` (the window's one source, which the dashboard
    shows too; without ``state`` it keeps its own). ``status_fn()`` returns ``sync.engine.status``
    and ``sync_fn()`` runs one round and returns its ``SyncReport``; both run on the task runner's
    worker thread. :meth:`refresh` reads the status into the state.
    """

    quarantine_requested = Signal()
    synced = Signal(object)  # the SyncReport of "sync now"

    def __init__(self, runner: TaskRunner, status_fn: Callable[[], SyncStatus], sync_fn: Any,
                 parent: QWidget | None = None, refresh_ms: int = 15_000, ready: Any = None,
                 state: SyncState | None = None) -> None:
        super().__init__(parent)
        self._ready = ready or (lambda: True)  # False: nothing to ask yet (no station open)
        self._runner = runner
        self._status_fn = status_fn
        self._sync_fn = sync_fn
        self._syncing = False
        self.state = state if state is not None else SyncState(self)
        self.state.changed.connect(self._show)
        self.dot = QLabel("●")
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.refused = QPushButton()
        self.refused.setFlat(True)
        self.refused.clicked.connect(self.quarantine_requested)
        self.refused.hide()
        self.sync_button = QPushButton()
        self.sync_button.clicked.connect(self.sync_now)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 0, 4, 0)
        layout.addWidget(self.dot)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.refused)
        layout.addWidget(self.sync_button)
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.refresh)
        if refresh_ms > 0:
            self._timer.start(refresh_ms)
        self.retranslate()
        self.refresh()

    @property
    def status(self) -> Mapping[str, Any]:
        """The status shown (a :class:`SyncStatus`), or an empty mapping before the first reading."""
        return self.state.status or {}

    def retranslate(self) -> None:
        self.sync_button.setText(self.tr("立即同步"))
        self.sync_button.setToolTip(self.tr("马上把待发送的记录发到平台（F5）"))
        self._show()

    def refresh(self) -> None:
        if self._ready():
            self._runner.submit(self._status_fn, self._read)

    def _read(self, status: SyncStatus | None, error: Exception | None) -> None:
        if error is None:
            self.state.set(status)

    def sync_now(self) -> None:
        self._syncing = True
        self.sync_button.setEnabled(False)
        self._show()
        self._runner.submit(self._sync_fn, self._synced)

    def _synced(self, report: Any, error: Exception | None) -> None:
        self._syncing = False
        self.sync_button.setEnabled(True)
        self._show()
        if report is not None:
            self.synced.emit(report)
        self.refresh()

    def _show(self) -> None:
        status = self.state.status
        if status is None:
            self.dot.setStyleSheet("color: #999")
            self.text.setText(self.tr("正在同步…") if self._syncing else self.tr("正在读取同步状态…"))
            self.text.setToolTip("")
            self.refused.hide()
            return
        state = status.state
        last = last_success_text(status) or self.tr("从未")
        # One line where it can be: the time of the last success only beside the short 在线; when
        # something is wrong the state is a sentence, and the time goes to the tooltip (and 工作台).
        if self._syncing:
            text = self.tr("正在同步…")
        elif state is LinkState.online:
            text = self.tr("{state} · 待发送 {n} 条 · 上次成功 {last}").format(
                state=label(state), n=status.waiting, last=last)
        elif state is LinkState.not_enrolled:
            text = label(state)
        else:
            text = self.tr("{state} · 待发送 {n} 条").format(state=label(state), n=status.waiting)
        relay = ""
        if status.relay_url and not self._syncing:  # the centre's relay: do the windows share their cases now?
            relay = self.tr("中继已连接") if status.relay_last_success and not status.relay_last_error \
                else self.tr("中继未连接")
            text += " · " + relay
        self.dot.setStyleSheet(f"color: {link_colour(status)}")
        self.text.setText(text)
        advice = link_advice(state, status.last_error_reason)
        if state is not LinkState.not_enrolled:
            advice += "\n" + self.tr("上次同步成功：{last}").format(last=last)
        if relay:
            advice += "\n" + self.tr("中心中继（本中心各窗口经它共享办件，区域平台断开时也可以）：{state}").format(
                state=relay)
        self.text.setToolTip(advice)
        refused = len(status.quarantined)
        self.refused.setVisible(refused > 0)
        self.refused.setText(self.tr("被拒 {n} 条").format(n=refused))


class QuarantineDialog(QDialog):
    """Events the platform refused, with the reason; "send again" once the cause is fixed."""

    def __init__(self, runner: TaskRunner, status_fn: Callable[[], SyncStatus], retry_fn: Any,
                 parent: QWidget | None = None) -> None:
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

    def _fill(self, status: SyncStatus | None, error: Exception | None) -> None:
        rows = status.quarantined if status is not None else []
        self.table.setRowCount(len(rows))
        for i, q in enumerate(rows):
            reason = label(str(q["reason"]), "Rejection")
            for j, value in enumerate((str(q["seq"]), q["case_no"] or "", label(str(q["type"]), "EventType"),
                                       reason)):
                item = QTableWidgetItem(value)
                item.setData(Qt.ItemDataRole.UserRole, q["seq"])
                self.table.setItem(i, j, item)
        self.retry_button.setEnabled(bool(rows))

    def retry(self) -> None:
        selected = sorted({int(i.data(Qt.ItemDataRole.UserRole)) for i in self.table.selectedItems()})
        self._runner.submit(lambda: self._retry_fn(selected or None), lambda _r, _e: self.reload())
