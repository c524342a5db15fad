"""The one place where errors become messages for people, in the window's language.

Core errors carry codes (``app/errors.py``); their sentences are the same table the command line
uses (``app/messages.py``), translated through Qt. Anything unexpected becomes one calm message
that says nothing already stored was lost, and the details go to the log (never personal data).
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from app.crash import frames_text
from app.errors import BianminError
from app.messages import describe

log = logging.getLogger(__name__)


def translate(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


def message_for(error: BaseException) -> str:
    """One sentence (and the problems, one a line) saying what happened and what to do next."""
    if isinstance(error, BianminError):
        return describe(error, translate)
    if isinstance(error, OSError):
        return QCoreApplication.translate(
            "Errors", "读写文件失败（{what}）。已保存的数据没有丢失。请检查磁盘或文件后重试。"
        ).format(what=error.strerror or type(error).__name__)
    # Where it happened, never the message (it may quote what was typed); all of it with -v only.
    log.error("unexpected error in the window: %s", frames_text(error))
    log.debug("the unexpected error", exc_info=error)
    return QCoreApplication.translate(
        "Errors", "出现意外错误，本次操作未完成，已保存的数据没有丢失。请重试；如果再次出现，请联系县级信息化人员。"
    )


def show_error(parent: QWidget | None, error: BaseException, title: str | None = None) -> None:
    QMessageBox.warning(parent, title or QCoreApplication.translate("Errors", "无法完成"), message_for(error))
