"""Step 1: find the item or bundle (search as you type) and read its guide to the citizen.

Keyboard: type in the search field (Chinese, pinyin or its initials, Tibetan, item code); ↑/↓ and
PgUp/PgDn move in the results without leaving the field; Enter chooses and shows the guide; Enter
again on the chosen line (or Ctrl+Enter, Alt+→) goes on.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.models import SearchHit
from app.services import catalogue
from ui.errors import message_for
from ui.intake import draft
from ui.intake.draft import Chosen
from ui.intake.fields import HINT_STYLE, ProblemLabel, Step, problem_text
from ui.intake.guide_view import GuideView
from ui.session import Session

log = logging.getLogger(__name__)

DEBOUNCE_MS = 150
_FORWARDED_KEYS = (Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown)


class FindStep(Step):
    chosen_changed = Signal(object)  # Chosen | None
    proceed = Signal()  # Enter on the chosen line: go to the next step

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.chosen: Chosen | None = None
        self._search_gen = 0  # the newest search; older answers are dropped
        self._choose_gen = 0
        self._pending: tuple[str, str] | None = None  # (kind, code) being loaded

        self.search_label = QLabel()
        self.search = QLineEdit()
        self.search.setObjectName("intakeSearch")
        self.search.setClearButtonEnabled(True)
        self.search_label.setBuddy(self.search)
        self.search.installEventFilter(self)
        self.search.textChanged.connect(self._text_changed)
        self.search.returnPressed.connect(self._activate)
        self.results_label = QLabel()
        self.results = QListWidget()
        self.results.setObjectName("intakeResults")
        self.results_label.setBuddy(self.results)
        self.results.itemActivated.connect(lambda _item: self._activate())
        self.results.setWordWrap(True)
        self.results.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.results.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.search_hint = QLabel()
        self.search_hint.setWordWrap(True)
        self.search_hint.setStyleSheet(HINT_STYLE)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setStyleSheet(HINT_STYLE)
        self.problem = ProblemLabel()
        self.chosen_label = QLabel()
        self.chosen_label.setWordWrap(True)
        self.guide_label = QLabel()
        self.guide = GuideView()
        self.guide.setObjectName("intakeGuide")
        self.guide_label.setBuddy(self.guide)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self._run_search)

        left = QVBoxLayout()
        left.addWidget(self.search_label)
        left.addWidget(self.search)
        left.addWidget(self.search_hint)
        left.addWidget(self.results_label)
        left.addWidget(self.results, 1)
        left.addWidget(self.status)
        left.addWidget(self.problem)
        right = QVBoxLayout()
        right.addWidget(self.chosen_label)
        right.addWidget(self.guide_label)
        right.addWidget(self.guide, 1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(left, 2)
        layout.addLayout(right, 3)
        self.search_label.setWordWrap(True)
        self.results_label.setWordWrap(True)
        self.retranslate()

    # -- texts --------------------------------------------------------------------------------
    def title(self) -> str:
        return self.tr("找事项")

    def retranslate(self) -> None:
        self.search_label.setText(self.tr("查找事项(&F)"))
        self.search.setPlaceholderText(self.tr("如：低保、zdshbz、出生、540000-XZGF-0003"))
        self.search_hint.setText(self.tr("可输入中文、拼音首字母、藏文或事项编码；↑↓ 选择，回车确定"))
        self.results_label.setText(self.tr("查找结果(&L)"))
        self.guide_label.setText(self.tr("办事指南(&G)"))
        self._show_chosen_label()
        self._show_count()

    def _show_chosen_label(self) -> None:
        if self.chosen is None:
            self.chosen_label.setText(self.tr("尚未选择事项"))
        else:
            kind = self.tr("一件事") if self.chosen.bundle else self.tr("事项")
            self.chosen_label.setText(self.tr("已选{kind}：{name}（再按回车或 Ctrl+回车 进入下一步）")
                                      .format(kind=kind, name=self.chosen.name.zh))

    def _show_count(self) -> None:
        if not self.search.text().strip():
            self.status.setText("")
        elif self.results.count() == 0 and not self._timer.isActive():
            self.status.setText(self.tr("没有找到事项，请换个说法或用事项编码查找"))
        else:
            self.status.setText(self.tr("找到 {n} 项").format(n=self.results.count()))

    def first_field(self) -> QWidget:
        return self.search

    # -- search as you type ------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # Qt's name
        if watched is self.search and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            if event.key() in _FORWARDED_KEYS:
                QApplication.sendEvent(self.results, QKeyEvent(event.type(), event.key(), event.modifiers()))
                return True
        return super().eventFilter(watched, event)

    def _text_changed(self, _text: str) -> None:
        self.problem.clear_text()
        self.changed.emit()
        self._timer.start()

    def _run_search(self) -> None:
        query = self.search.text()
        self._search_gen += 1
        gen = self._search_gen
        if not query.strip():
            self._show_hits(gen, [])
            return
        self.session.run(lambda st: catalogue.search(st, query, limit=30),
                         lambda hits: self._show_hits(gen, hits),
                         on_error=lambda exc: self._search_failed(gen, exc))

    def _show_hits(self, gen: int, hits: list[SearchHit]) -> None:
        if gen != self._search_gen:
            return  # a newer search is on its way
        self.results.clear()
        for hit in hits:
            text = hit.name.zh
            if hit.kind == "bundle":
                text = self.tr("【一件事】{name}").format(name=text)
            if hit.name.bo:
                text += f"\n{hit.name.bo}"
            text += f"\n{hit.code}"
            row = QListWidgetItem(text)
            row.setData(Qt.ItemDataRole.UserRole, (hit.kind, hit.code))
            self.results.addItem(row)
        if hits:
            self.results.setCurrentRow(0)
        self._show_count()

    def _search_failed(self, gen: int, exc: Exception) -> None:
        if gen == self._search_gen:
            self.problem.show_text(message_for(exc))

    # -- choosing ---------------------------------------------------------------------------
    def _current_key(self) -> tuple[str, str] | None:
        row = self.results.currentItem()
        if row is None:
            return None
        kind, code = row.data(Qt.ItemDataRole.UserRole)
        return str(kind), str(code)

    def _activate(self) -> None:
        if self._timer.isActive():  # Enter typed before the debounce ran: search now, choose after
            self._timer.stop()
            self._run_search()
            self.session.run(lambda st: None, lambda _r: self._activate())
            return
        key = self._current_key()
        if key is None:
            if self.chosen is not None and not self.search.text().strip():
                self.proceed.emit()
            return
        if self.chosen is not None and (self.chosen.kind, self.chosen.code) == key:
            self.proceed.emit()
            return
        self.choose(*key)

    def choose(self, kind: str, code: str) -> None:
        """Load the item or bundle (on the worker) and show its guide."""
        self._choose_gen += 1
        gen = self._choose_gen
        self._pending = (kind, code)
        self.session.run(lambda st: draft.load_choice(st, kind, code), lambda chosen: self._loaded(gen, chosen),
                         on_error=lambda exc: self._load_failed(gen, exc))

    def _loaded(self, gen: int, chosen: Chosen) -> None:
        if gen != self._choose_gen:
            return
        self._pending = None
        self.chosen = chosen
        self.problem.clear_text()
        self.guide.show_chosen(chosen)
        self._show_chosen_label()
        self.chosen_changed.emit(chosen)
        self.changed.emit()

    def _load_failed(self, gen: int, exc: Exception) -> None:
        if gen == self._choose_gen:
            self._pending = None
            self.problem.show_text(message_for(exc))

    @property
    def loading(self) -> bool:
        return self._pending is not None

    # -- the flow ---------------------------------------------------------------------------
    def check(self) -> bool:
        if self.chosen is None:
            self.problem.show_text(self.tr("请先查找并选择一个事项（回车确定）"))
            self.search.setFocus()
            return False
        return True

    def show_problems(self, problems: list[dict[str, str]]) -> list[dict[str, str]]:
        mine = [p for p in problems if p.get("field", "").startswith("items")]
        if mine:
            self.problem.show_text("\n".join(problem_text(p) for p in mine))
        return [p for p in problems if p not in mine]

    def reset(self) -> None:
        self._timer.stop()
        self._search_gen += 1
        self._choose_gen += 1
        self._pending = None
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        self.results.clear()
        self.problem.clear_text()
        self.chosen = None
        self.guide.show_chosen(None)
        self._show_chosen_label()
        self._show_count()
