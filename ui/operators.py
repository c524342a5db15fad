"""操作员: the station's operators, for administrators only.

A table of every operator (login, name, role, active, lock state) and the actions an administrator
takes: add an operator (login, display name, role, password twice), disable one, unlock one after
too many wrong passwords, and reset a password. Every read and change runs on the worker
(``Station.operators()`` reads the key file for the lock states). A clerk sees only a sentence
saying that administrators manage operators, and no data is loaded for them.

Passwords stay in the dialogs' fields and in the task's closure; they are never logged and the
fields are emptied when a dialog closes.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.errors import ValidationError, WeakPassword
from app.messages import PROBLEMS
from app.models import Operator, Role
from app.station import Station
from ui.errors import message_for
from ui.i18n import Retranslating
from ui.labels import choices, label
from ui.page import FlowLayout, Page
from ui.session import Session

log = logging.getLogger(__name__)

ERROR_STYLE = "color: #c62828"
OK_STYLE = "color: #2e7d32"


def problem_text(error: BaseException) -> tuple[str, str] | None:
    """(field, translated problem) of a ValidationError about one field, else None."""
    if not isinstance(error, ValidationError):
        return None
    problem = str(error.details.get("problem", ""))
    if not problem:
        return None
    text = PROBLEMS.get(problem, problem)
    return str(error.details.get("field", "")), QCoreApplication.translate("Problems", text)


def _message_label() -> QLabel:
    message = QLabel()
    message.setWordWrap(True)
    message.setStyleSheet(ERROR_STYLE)
    message.hide()
    return message


def _show(message: QLabel, text: str) -> None:
    message.setText(text)
    message.setVisible(bool(text))


class PasswordFields(QObject):
    """A password typed twice, with its labels (shared by the add and reset dialogs); the widgets
    go into the dialog's form with :meth:`add_rows`."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.password_edit = QLineEdit()
        self.password_edit.setObjectName("password")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat_edit = QLineEdit()
        self.repeat_edit.setObjectName("passwordRepeat")
        self.repeat_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_label = QLabel()
        self.password_label.setBuddy(self.password_edit)
        self.repeat_label = QLabel()
        self.repeat_label.setBuddy(self.repeat_edit)
        self.message = _message_label()
        self.message.setObjectName("passwordMessage")

    def retranslate(self) -> None:
        self.password_label.setText(self.tr("密码(&W)"))
        self.repeat_label.setText(self.tr("再输一次(&G)"))
        self.password_edit.setToolTip(self.tr("至少 8 个字符"))

    def add_rows(self, form: QFormLayout) -> None:
        form.addRow(self.password_label, self.password_edit)
        form.addRow(self.repeat_label, self.repeat_edit)
        form.addRow("", self.message)

    def value(self) -> str | None:
        """The password when both fields agree, else None (and a message)."""
        password = self.password_edit.text()
        if password != self.repeat_edit.text():
            _show(self.message, self.tr("两次输入的密码不一致，请重新输入。"))
            self.clear()
            self.password_edit.setFocus()
            return None
        _show(self.message, "")
        return password

    def refused(self, text: str) -> None:
        _show(self.message, text)
        self.clear()
        self.password_edit.setFocus()

    def clear(self) -> None:
        self.password_edit.clear()
        self.repeat_edit.clear()


class AddOperatorDialog(Retranslating, QDialog):
    """New operator: login, display name, role, password twice. The core checks everything; its
    refusals (weak password, login taken, bad login) show under the field they are about."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.added: Operator | None = None
        self.login_edit = QLineEdit()
        self.login_edit.setObjectName("newLogin")
        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("newName")
        self.role_combo = QComboBox()
        self.role_combo.setObjectName("newRole")
        self.login_label = QLabel()
        self.login_label.setBuddy(self.login_edit)
        self.name_label = QLabel()
        self.name_label.setBuddy(self.name_edit)
        self.role_label = QLabel()
        self.role_label.setBuddy(self.role_combo)
        self.login_message = _message_label()
        self.login_message.setObjectName("loginMessage")
        self.passwords = PasswordFields(self)
        self.message = _message_label()
        self.message.setObjectName("dialogMessage")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)

        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)  # labels above fields when narrow
        form.addRow(self.login_label, self.login_edit)
        form.addRow("", self.login_message)
        form.addRow(self.name_label, self.name_edit)
        form.addRow(self.role_label, self.role_combo)
        self.passwords.add_rows(form)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.setTabOrder(self.login_edit, self.name_edit)
        self.setTabOrder(self.name_edit, self.role_combo)
        self.setTabOrder(self.role_combo, self.passwords.password_edit)
        self.setTabOrder(self.passwords.password_edit, self.passwords.repeat_edit)
        self.retranslate()


    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("添加操作员"))
        self.login_label.setText(self.tr("账号(&L)"))
        self.login_edit.setToolTip(self.tr("2–32 个字母、数字或 _ . -，登录时使用"))
        self.name_label.setText(self.tr("姓名(&N)"))
        self.role_label.setText(self.tr("角色(&R)"))
        current = self.role_combo.currentData() or Role.clerk.value
        self.role_combo.clear()
        for code, name in choices("Role"):
            self.role_combo.addItem(name, code)
        self.role_combo.setCurrentIndex(max(0, self.role_combo.findData(current)))
        self.passwords.retranslate()
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("添加(&A)"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))

    def submit(self) -> None:
        _show(self.login_message, "")
        _show(self.message, "")
        password = self.passwords.value()
        if password is None:
            return
        login = self.login_edit.text().strip()
        name = self.name_edit.text().strip()
        role = Role(self.role_combo.currentData() or Role.clerk.value)
        self.buttons.setEnabled(False)
        self.session.run(lambda st: st.add_operator(login, name, role, password), self._added,
                         on_error=self._refused)

    def _added(self, operator: Operator) -> None:
        self.buttons.setEnabled(True)
        self.added = operator
        self.passwords.clear()
        self.accept()

    def _refused(self, error: Exception) -> None:
        self.buttons.setEnabled(True)
        if isinstance(error, WeakPassword):
            self.passwords.refused(message_for(error))
            return
        field = problem_text(error)
        if field is not None and field[0] == "login":
            _show(self.login_message, self.tr("账号：{problem}").format(problem=field[1]))
            self.login_edit.setFocus()
            self.login_edit.selectAll()
            return
        _show(self.message, message_for(error))

    def done(self, result: int) -> None:  # Qt's name: every way of closing empties the passwords
        self.passwords.clear()
        super().done(result)


class ResetPasswordDialog(Retranslating, QDialog):
    """An administrator sets a new password for an operator (who forgot theirs)."""

    def __init__(self, session: Session, login: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.login = login
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.passwords = PasswordFields(self)
        self.message = _message_label()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)  # labels above fields when narrow
        self.passwords.add_rows(form)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.retranslate()


    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("重置密码"))
        self.intro.setText(self.tr("为操作员 {login} 设置新密码。请当面告诉本人，并提醒其妥善保管。")
                           .format(login=self.login))
        self.passwords.retranslate()
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("设置新密码(&S)"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))

    def submit(self) -> None:
        _show(self.message, "")
        password = self.passwords.value()
        if password is None:
            return
        login = self.login
        self.buttons.setEnabled(False)
        self.session.run(lambda st: st.change_password(login, password), lambda _: self._changed(),
                         on_error=self._refused)

    def _changed(self) -> None:
        self.buttons.setEnabled(True)
        self.accept()

    def _refused(self, error: Exception) -> None:
        self.buttons.setEnabled(True)
        if isinstance(error, WeakPassword):
            self.passwords.refused(message_for(error))
        else:
            _show(self.message, message_for(error))

    def done(self, result: int) -> None:  # Qt's name
        self.passwords.clear()
        super().done(result)


class OperatorsPage(Page):
    COLUMNS = 5

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.operators: list[Operator] = []
        self.dialog: QDialog | None = None
        self.title = QLabel()
        self.title.setObjectName("pageTitle")
        self.title.setProperty("heading", "1")  # sized by the application's style sheet (ui/i18n.py)
        self.denied = QLabel()
        self.denied.setObjectName("adminOnly")
        self.denied.setWordWrap(True)
        self.denied.hide()
        self.table = QTableWidget(0, self.COLUMNS)
        self.table.setObjectName("operators")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.add_button = QPushButton()
        self.add_button.clicked.connect(self.ask_add)
        self.disable_button = QPushButton()
        self.disable_button.clicked.connect(self.ask_disable)
        self.unlock_button = QPushButton()
        self.unlock_button.clicked.connect(self.unlock_selected)
        self.reset_button = QPushButton()
        self.reset_button.clicked.connect(self.ask_reset)
        self.message = QLabel()
        self.message.setObjectName("operatorsMessage")
        self.message.setWordWrap(True)

        self.action_bar = QWidget()
        buttons = FlowLayout(self.action_bar)  # onto a second line rather than past the edge (200 %, Tibetan)
        buttons.setContentsMargins(0, 0, 0, 0)
        for b in (self.add_button, self.disable_button, self.unlock_button, self.reset_button):
            buttons.addWidget(b)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.denied)
        layout.addWidget(self.action_bar)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        self.setTabOrder(self.add_button, self.disable_button)
        self.setTabOrder(self.disable_button, self.unlock_button)
        self.setTabOrder(self.unlock_button, self.reset_button)
        self.setTabOrder(self.reset_button, self.table)
        self._set_admin_view(False)
        self.retranslate()

    # -- texts ----------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.title.setText(self.tr("操作员"))
        self.denied.setText(self.tr("只有管理员可以管理操作员。如需添加账号、解锁或重置密码，请联系本服务站的管理员。"))
        self.table.setHorizontalHeaderLabels([self.tr("账号"), self.tr("姓名"), self.tr("角色"), self.tr("状态"),
                                              self.tr("锁定")])
        self.add_button.setText(self.tr("添加操作员(&A)…"))
        self.disable_button.setText(self.tr("停用(&D)"))
        self.unlock_button.setText(self.tr("解锁(&U)"))
        self.reset_button.setText(self.tr("重置密码(&R)…"))
        self._fill()

    # -- loading --------------------------------------------------------------------------------
    def _is_admin(self) -> bool:
        station = self.session.station
        return station is not None and station.is_admin

    def _set_admin_view(self, admin: bool) -> None:
        self.denied.setVisible(not admin and self.session.station is not None)
        self.action_bar.setVisible(admin)
        self.table.setVisible(admin)
        self.message.setVisible(admin)

    def refresh(self) -> None:
        admin = self._is_admin()
        self._set_admin_view(admin)
        if not admin:  # a clerk gets nothing: not even the list is read
            self.operators = []
            self._fill()
            return
        self.session.run(lambda st: st.operators(), self._loaded, on_error=self._failed)

    def _loaded(self, operators: list[Operator]) -> None:
        if not self._is_admin():
            return
        self.operators = operators
        self._fill()

    def _fill(self) -> None:
        selected = self.selected_login()
        self.table.setRowCount(len(self.operators))
        for row, op in enumerate(self.operators):
            cells = [op.login, op.display_name, label(op.role),
                     self.tr("在用") if op.active else self.tr("已停用"), self._lock_text(op)]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, op.login)
                self.table.setItem(row, col, item)
            if op.login == selected:
                self.table.selectRow(row)
        self._update_buttons()

    def _lock_text(self, op: Operator) -> str:
        if not op.active:
            return "—"
        if op.locked_until:
            until = datetime.fromtimestamp(op.locked_until).strftime("%H:%M")
            return self.tr("已锁定（至 {time}）").format(time=until)
        if op.failed_attempts:
            return self.tr("密码输错 {n} 次").format(n=op.failed_attempts)
        return self.tr("未锁定")

    def selected_login(self) -> str | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        if not rows:
            return None
        item = self.table.item(rows[0].row(), 0)
        return None if item is None else str(item.data(Qt.ItemDataRole.UserRole))

    def select(self, login: str) -> None:
        for row, op in enumerate(self.operators):
            if op.login == login:
                self.table.selectRow(row)
                return

    def _selected(self) -> Operator | None:
        login = self.selected_login()
        return next((op for op in self.operators if op.login == login), None)

    def _update_buttons(self) -> None:
        op = self._selected()
        me = self.session.station.operator.login if self.session.station else ""
        active = op is not None and op.active
        # Disabling your own account mid-session would lock you out: another administrator does it.
        self.disable_button.setEnabled(active and op is not None and op.login != me)
        self.unlock_button.setEnabled(active and op is not None and bool(op.locked_until or op.failed_attempts))
        self.reset_button.setEnabled(active)

    def _say(self, text: str, error: bool = False) -> None:
        self.message.setStyleSheet(ERROR_STYLE if error else OK_STYLE)
        self.message.setText(text)

    def _failed(self, error: Exception) -> None:
        self._say(message_for(error), error=True)

    # -- actions ----------------------------------------------------------------------------------
    def ask_add(self) -> None:
        dialog = AddOperatorDialog(self.session, self)
        dialog.accepted.connect(lambda: self._after_add(dialog))
        dialog.finished.connect(lambda _r: dialog.deleteLater())
        self.dialog = dialog
        dialog.open()

    def _after_add(self, dialog: AddOperatorDialog) -> None:
        op = dialog.added
        if op is not None:
            self._say(self.tr("已添加操作员 {login}（{role}）。").format(login=op.login, role=label(op.role)))
            self._then_refresh(op.login)

    def _confirm(self, text: str) -> bool:
        answer = QMessageBox.question(self, self.tr("请确认"), text)
        return answer == QMessageBox.StandardButton.Yes

    def ask_disable(self) -> None:
        login = self.selected_login()
        if login and self._confirm(self.tr("停用操作员 {login}？停用后该账号不能再登录，其办理过的办件记录保留。")
                                   .format(login=login)):
            self.disable(login)

    def disable(self, login: str) -> None:
        self._act(lambda st: st.disable_operator(login), self.tr("已停用操作员 {login}。").format(login=login), login)

    def unlock_selected(self) -> None:
        login = self.selected_login()
        if login:
            self.unlock(login)

    def unlock(self, login: str) -> None:
        self._act(lambda st: st.unlock_operator(login), self.tr("已解锁操作员 {login}。").format(login=login), login)

    def ask_reset(self) -> None:
        login = self.selected_login()
        if not login:
            return
        dialog = ResetPasswordDialog(self.session, login, self)
        dialog.accepted.connect(lambda: self._say(self.tr("已为 {login} 设置新密码。").format(login=login)))
        dialog.accepted.connect(lambda: self._then_refresh(login))
        dialog.finished.connect(lambda _r: dialog.deleteLater())
        self.dialog = dialog
        dialog.open()

    def _act(self, fn: Callable[[Station], object], done_text: str, login: str) -> None:
        self._say("")

        def done(_result: object) -> None:
            self._say(done_text)
            self._then_refresh(login)

        self.session.run(fn, done, on_error=self._failed)

    def _then_refresh(self, login: str) -> None:
        def loaded(operators: list[Operator]) -> None:
            self._loaded(operators)
            self.select(login)

        if self._is_admin():
            self.session.run(lambda st: st.operators(), loaded, on_error=self._failed)

    def clear(self) -> None:
        if self.dialog is not None:
            try:
                self.dialog.reject()
            except RuntimeError:  # already deleted
                pass
            self.dialog = None
        self.operators = []
        self.table.setRowCount(0)
        self.message.clear()
        self._set_admin_view(False)

