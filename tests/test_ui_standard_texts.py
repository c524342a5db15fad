"""Qt's own buttons and dialogs speak the interface language (issue 13, point 6): a message box with
Yes/No, a button box with every standard button and Qt's (non-native) file dialog show no English,
in Chinese (Qt's qtbase_zh_CN.qm) and in Tibetan (bianmin_bo.qm)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDialogButtonBox,
    QFileDialog,
    QFileSystemModel,
    QLabel,
    QMessageBox,
    QTreeView,
    QWidget,
)

from ui.i18n import Appearance

ENGLISH = re.compile(r"[A-Za-z]{2,}")  # a word; a mnemonic "(&Y)" is one letter
SCRIPT = {"zh": re.compile(r"[\u4e00-\u9fff]"), "bo": re.compile(r"[\u0f00-\u0fff]")}
BUTTONS = QDialogButtonBox.StandardButton


@pytest.fixture(params=["zh", "bo"])
def language(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    appearance = Appearance(qapp)
    assert appearance.set_language(request.param)
    yield request.param
    appearance.set_language("zh")


def wrong(texts: list[str], language: str) -> list[str]:
    """The texts that hold an English word or lack the language's script."""
    return [t for t in texts if t and (ENGLISH.search(t) or not SCRIPT[language].search(t))]


def button_texts(widget: QWidget) -> list[str]:
    return [b.text() for b in widget.findChildren(QAbstractButton) if b.isVisible() and b.text()]


def test_message_box_buttons(qtbot: Any, language: str) -> None:
    box = QMessageBox(QMessageBox.Icon.Question, "放弃本次受理", "已填写的内容将不保存。确定放弃吗？",
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    box.setDetailedText("…")
    qtbot.addWidget(box)
    box.show()
    qtbot.waitExposed(box)
    texts = button_texts(box)
    assert len(texts) >= 3  # Yes, No, Show Details…
    assert wrong(texts, language) == [], texts


def test_every_standard_button(qtbot: Any, language: str) -> None:
    kinds = [BUTTONS.Ok, BUTTONS.Cancel, BUTTONS.Yes, BUTTONS.No, BUTTONS.Save, BUTTONS.Close, BUTTONS.Open,
             BUTTONS.Discard, BUTTONS.Apply, BUTTONS.Reset, BUTTONS.Help, BUTTONS.RestoreDefaults,
             BUTTONS.SaveAll, BUTTONS.YesToAll, BUTTONS.NoToAll, BUTTONS.Abort, BUTTONS.Retry, BUTTONS.Ignore]
    box = QDialogButtonBox()
    qtbot.addWidget(box)
    for kind in kinds:
        box.addButton(kind)
    texts = [box.button(kind).text() for kind in kinds]
    assert wrong(texts, language) == [], texts
    # Qt's translators answer only for Qt's texts: the window's own stay as they are.
    assert QCoreApplication.translate("NoSuchContext", "没有译文的句子") == "没有译文的句子"


@pytest.mark.parametrize("mode", [QFileDialog.AcceptMode.AcceptOpen, QFileDialog.AcceptMode.AcceptSave])
def test_file_dialog(qtbot: Any, tmp_path: Path, language: str, mode: QFileDialog.AcceptMode) -> None:
    (tmp_path / "扫描件").mkdir()
    dialog = QFileDialog(None, "", str(tmp_path))
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    dialog.setAcceptMode(mode)
    dialog.setViewMode(QFileDialog.ViewMode.Detail)
    qtbot.addWidget(dialog)
    model = dialog.findChild(QFileSystemModel)
    assert model is not None
    with qtbot.waitSignal(model.directoryLoaded, timeout=10_000, raising=False):
        dialog.show()
    qtbot.waitExposed(dialog)

    texts = [dialog.windowTitle()]
    texts += [lab.text() for lab in dialog.findChildren(QLabel) if lab.isVisible() and lab.text()]
    texts += button_texts(dialog)
    texts += [b.toolTip() for b in dialog.findChildren(QAbstractButton) if b.isVisible() and b.toolTip()]
    texts += [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    folder = model.index(str(tmp_path / "扫描件"))
    qtbot.waitUntil(lambda: bool(model.data(folder.siblingAtColumn(2))), timeout=10_000)
    texts.append(model.data(folder.siblingAtColumn(2)))  # its type: 文件夹 / ཡིག་ཁུག
    texts += [dialog.findChild(QTreeView).model().headerData(c, Qt.Orientation.Horizontal)  # type: ignore[union-attr]
              for c in range(4)]
    assert wrong([t for t in texts if t], language) == [], texts
