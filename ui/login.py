"""Login and lock screen: one page, two modes.

At login any operator may sign in. When the counter is locked (idle, or Ctrl+L) the same page
shows who locked it; that operator unlocks with the password, and a different operator may sign in
instead (the first one's unsaved intake is then dropped). Nothing personal is on this page.
In demo mode the page shows the demo operator's password.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.errors import BianminError, WrongPassword
from ui.errors import message_for
from ui.i18n import Retranslating
from ui.page import scrolling
from ui.session import Session


class LoginPage(Retranslating, QWidget):
    done = Signal()

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.locked_by: str | None = None
        self.title = QLabel()
        self.title.setProperty("heading", "1")
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.subtitle = QLabel()
        self.subtitle.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.subtitle.setWordWrap(True)
        self.login_edit = QLineEdit()
        self.login_edit.setObjectName("login")
        self.password_edit = QLineEdit()
        self.password_edit.setObjectName("password")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.login_label = QLabel()
        self.password_label = QLabel()
        self.login_label.setBuddy(self.login_edit)
        self.password_label.setBuddy(self.password_edit)
        self.message = QLabel()
        self.message.setObjectName("loginMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #c62828")
        self.demo_hint = QLabel()
        self.demo_hint.setWordWrap(True)
        self.demo_hint.setStyleSheet("background: #fff8e1; border: 1px solid #f9a825; padding: 8px")
        self.button = QPushButton()
        self.button.setDefault(True)
        self.button.clicked.connect(self.submit)
        self.password_edit.returnPressed.connect(self.submit)
        self.login_edit.returnPressed.connect(self.password_edit.setFocus)

        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)  # labels above fields when narrow
        form.addRow(self.login_label, self.login_edit)
        form.addRow(self.password_label, self.password_edit)
        box = QWidget()
        inner = QVBoxLayout(box)
        inner.addWidget(self.title)
        inner.addWidget(self.subtitle)
        inner.addSpacing(16)
        inner.addLayout(form)
        inner.addWidget(self.message)
        inner.addWidget(self.button)
        inner.addSpacing(12)
        inner.addWidget(self.demo_hint)
        # The box takes three fifths of the width (no fixed width: Tibetan and 200 % need more), and
        # the page scrolls when the screen is too low for it (200 %, Tibetan, the demo's hint).
        middle = QHBoxLayout()
        middle.addStretch(1)
        middle.addWidget(box, 3)
        middle.addStretch(1)
        page = QWidget()
        rows = QVBoxLayout(page)
        rows.addStretch(1)
        rows.addLayout(middle)
        rows.addStretch(2)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        area = scrolling(page)
        area.viewport().setAutoFillBackground(False)  # see-through: the page itself is painted (the window
        page.setAutoFillBackground(False)  # builds its work area after the login page's first paint)
        outer.addWidget(area)
        self.retranslate()


    def retranslate(self) -> None:
        self.login_label.setText(self.tr("账号(&U)"))
        self.password_label.setText(self.tr("密码(&P)"))
        if self.locked_by:
            self.title.setText(self.tr("柜台已锁定"))
            self.subtitle.setText(self.tr("为保护群众信息，柜台已锁定。请 {login} 输入密码解锁，或换其他操作员登录。")
                                  .format(login=self.locked_by))
            self.button.setText(self.tr("解锁"))
        else:
            self.title.setText(self.tr("便民服务台"))
            self.subtitle.setText(self.tr("请输入操作员账号和密码登录"))
            self.button.setText(self.tr("登录"))
        demo = self.session.demo
        self.demo_hint.setVisible(demo is not None and not self.locked_by)
        if demo is not None:
            self.demo_hint.setText(self.tr("演示模式：这是一个演示服务站，所有群众信息均为虚构。"
                                           "演示账号 {login}，密码 {password}。").format(login=demo.login,
                                                                                  password=demo.password))

    def show_login(self) -> None:
        self.locked_by = None
        self.password_edit.clear()
        self.message.clear()
        if self.session.demo is not None and not self.login_edit.text():
            self.login_edit.setText(self.session.demo.login)
        self.retranslate()
        (self.password_edit if self.login_edit.text() else self.login_edit).setFocus()

    def show_locked(self, login: str) -> None:
        self.locked_by = login
        self.login_edit.setText(login)
        self.password_edit.clear()
        self.message.clear()
        self.retranslate()
        self.password_edit.setFocus()

    def submit(self) -> None:
        login = self.login_edit.text().strip()
        password = self.password_edit.text()
        if not login or not password:
            self.message.setText(self.tr("请输入账号和密码。"))
            return
        self.button.setEnabled(False)
        self.message.setText(self.tr("正在验证…"))
        if self.locked_by and login == self.locked_by:
            self.session.unlock(password, self._finished)
        else:
            self.session.login(login, password, self._finished)

    def _finished(self, error: Exception | None) -> None:
        self.button.setEnabled(True)
        self.password_edit.clear()
        if error is None:
            self.message.clear()
            self.locked_by = None
            self.done.emit()
            return
        if isinstance(error, BianminError) and error.code in ("auth.unknown_operator", "auth.wrong_password"):
            # The same message for both: a stranger learns nothing about which accounts exist.
            remaining = error.details.get("remaining") if isinstance(error, WrongPassword) else None
            text = self.tr("账号或密码不对。")
            if remaining is not None:
                text += self.tr("再错 {n} 次将锁定 5 分钟。").format(n=remaining)
            self.message.setText(text)
        else:
            self.message.setText(message_for(error))
        self.password_edit.setFocus()
