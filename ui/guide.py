"""事项指南: the catalogue at the consulting window.

Search as you type (Chinese, pinyin or its initials, Tibetan, code) over the items and 一件事
bundles of the active catalogue; the chosen one's guide in large text written to be read aloud
to a citizen (a toggle makes it larger still, another adds the Tibetan of the catalogue); and
"打印指南", which renders the guide as PDF on the worker (``printing.guide``) and previews it.
Every read of the catalogue runs on the worker; nothing is written to disk.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from html import escape

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.guide import BUNDLE, ITEM, Guide, GuideField, GuideMaterial, ItemGuide, elements, facts, guide_for
from app.models import Text
from app.services import catalogue
from app.station import Station
from printing import guide as guide_printing
from printing.layout import Paper
from ui.documents import Rendered, render_papers, show_pdfs
from ui.intake.guide_view import element_html, element_title, material_html, text_html, title, value_html
from ui.page import Page
from ui.print_preview import PrintPreviewDialog
from ui.session import Session

log = logging.getLogger(__name__)

SEARCH_DELAY_MS = 150
# Sizes relative to the window's font (and so to the font scale): the guide is read across the desk.
NORMAL_SIZE = "large"
LARGE_SIZE = "xx-large"


@dataclass(frozen=True)
class Entry:
    kind: str  # ITEM or BUNDLE
    code: str
    name: str
    name_bo: str


def all_entries(station: Station) -> list[Entry]:
    """Runs on the worker: bundles first (one visit does several things), then the items."""
    out = [Entry(BUNDLE, b.code, b.name.zh, b.name.bo or "") for b in catalogue.list_bundles(station)]
    out += [Entry(ITEM, i.code, i.name.zh, i.name.bo or "") for i in catalogue.list_items(station)]
    return out


def search_entries(station: Station, query: str) -> list[Entry]:
    """Runs on the worker."""
    return [Entry(h.kind, h.code, h.name.zh, h.name.bo or "") for h in catalogue.search(station, query, limit=40)]


def render_all(station: Station, guide: Guide) -> Rendered:
    """Runs on the worker: the guide on every paper, in the station's document language."""
    import printing

    lang = printing.station_language(station)
    return render_papers(station, lambda paper: guide_printing.render(guide, Paper(paper), lang))


class GuidePage(Page):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.entries: list[Entry] = []
        self.guide: Guide | None = None
        self.preview: PrintPreviewDialog | None = None
        self.last_pdfs: dict[str, bytes] = {}
        self._all: list[Entry] | None = None
        self._query_no = 0
        self._wanted: tuple[str, str] | None = None

        self.search_label = QLabel()
        self.search_label.setWordWrap(True)
        self.search = QLineEdit()
        self.search.setObjectName("guideSearch")
        self.search.setClearButtonEnabled(True)
        self.search_label.setBuddy(self.search)
        self.results = QListWidget()
        self.results.setObjectName("guideResults")
        self.results.setWordWrap(True)
        self.count = QLabel()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self._search)
        self.search.textChanged.connect(lambda _t: self._timer.start())
        self.search.returnPressed.connect(self._first)
        self.results.currentItemChanged.connect(self._picked)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.count)
        left_layout.addWidget(self.results, 1)

        self.large = QCheckBox()
        self.large.setObjectName("largeText")
        self.large.toggled.connect(lambda _on: self._show_guide())
        self.tibetan = QCheckBox()
        self.tibetan.setObjectName("showTibetan")
        self.tibetan.setChecked(True)
        self.tibetan.toggled.connect(lambda _on: self._show_guide())
        self.print_button = QPushButton()
        self.print_button.setObjectName("printGuide")
        self.print_button.setEnabled(False)
        self.print_button.clicked.connect(self.print_guide)
        self.text = QTextBrowser()
        self.text.setObjectName("guideText")
        self.text.setOpenLinks(False)
        self.results.itemActivated.connect(lambda _i: self.text.setFocus())
        bar = QHBoxLayout()
        bar.addWidget(self.large)
        bar.addWidget(self.tibetan)
        bar.addStretch(1)
        bar.addWidget(self.print_button)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addLayout(bar)
        right_layout.addWidget(self.text, 1)

        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(left)
        split.addWidget(right)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(self.search_label)  # the whole width: the explanation wraps in few lines
        layout.addWidget(self.search)
        layout.addWidget(split, 1)

        QWidget.setTabOrder(self.search, self.results)
        QWidget.setTabOrder(self.results, self.large)
        QWidget.setTabOrder(self.large, self.tibetan)
        QWidget.setTabOrder(self.tibetan, self.print_button)
        QWidget.setTabOrder(self.print_button, self.text)
        focus = QShortcut(QKeySequence("Ctrl+K"), self)
        focus.activated.connect(self.search.setFocus)
        self.retranslate()

    # -- texts ----------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.search_label.setText(self.tr("查找事项(&F)：名称、拼音或首字母、藏文、事项编码"))
        self.search.setPlaceholderText(self.tr("例如：低保、dibao、zdshbz"))
        self.large.setText(self.tr("大字(&B)"))
        self.tibetan.setText(self.tr("显示藏文(&T)"))
        self.print_button.setText(self.tr("打印指南(&P)"))
        self._fill(self.entries)
        self._show_guide()

    # -- the list -------------------------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:  # Qt's name
        super().showEvent(event)
        if self._all is None:
            self.refresh()

    def refresh(self) -> None:
        if self.session.station is None:
            return
        if self.search.text().strip():
            self._search()
            return

        def loaded(entries: list[Entry]) -> None:
            self._all = entries
            if not self.search.text().strip():
                self._fill(entries)

        self.session.run(all_entries, loaded)

    def _search(self) -> None:
        query = self.search.text().strip()
        if not query:
            if self._all is not None:
                self._fill(self._all)
            else:
                self.refresh()
            return
        self._query_no += 1
        number = self._query_no

        def found(entries: list[Entry]) -> None:
            if number == self._query_no:  # an answer to an older query is dropped
                self._fill(entries)

        self.session.run(lambda st: search_entries(st, query), found)

    def _fill(self, entries: list[Entry]) -> None:
        self.entries = list(entries)
        current = (self.guide.kind, self.guide.code) if self.guide else None
        self.results.blockSignals(True)
        self.results.clear()
        for e in entries:
            kind = self.tr("一件事") if e.kind == BUNDLE else e.code
            text = f"{e.name}\n{kind}"
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, (e.kind, e.code))
            item.setToolTip(e.name_bo)
            self.results.addItem(item)
            if (e.kind, e.code) == current:
                self.results.setCurrentItem(item)
        self.results.blockSignals(False)
        if self.search.text().strip():
            self.count.setText(self.tr("找到 {n} 项").format(n=len(entries)) if entries
                               else self.tr("没有找到。可以换个说法，或输入拼音首字母。"))
        else:
            self.count.setText(self.tr("共 {n} 项").format(n=len(entries)))

    def _first(self) -> None:
        self._timer.stop()
        if self.results.count():
            self.results.setCurrentRow(0)
            self.results.setFocus()

    def _picked(self, item: QListWidgetItem | None, _previous: QListWidgetItem | None = None) -> None:
        if item is None:
            return
        kind, code = item.data(Qt.ItemDataRole.UserRole)
        self.open_guide(kind, code)

    def open_guide(self, kind: str, code: str) -> None:
        """Load and show the guide of an item or bundle."""
        self._wanted = (kind, code)

        def loaded(guide: Guide) -> None:
            if self._wanted == (kind, code):
                self.guide = guide
                self.print_button.setEnabled(True)
                self._show_guide()

        self.session.run(lambda st: guide_for(st, kind, code), loaded)

    # -- the guide, read aloud: the facts of app/guide.py, rendered like the intake's guide ---------
    def _t(self, t: Text) -> str:
        """A catalogue text, with its Tibetan after it when asked for."""
        return text_html(t, self.tibetan.isChecked())

    def _time(self, i: ItemGuide) -> str:
        if i.instant:
            return self.tr("这是即办件：材料齐全的，当场办好。")
        return self.tr("法定办结时限 {legal} 个工作日，我们承诺 {promised} 个工作日内办好。").format(
            legal=i.legal_days, promised=i.promised_days)

    def _material(self, n: int, m: GuideMaterial) -> str:
        return f"<p><b>{n}. {self._t(m.name)}</b><br/>{material_html(m, self.tibetan.isChecked())}</p>"

    def _facts(self, i: ItemGuide, station_name: str) -> list[str]:
        """Each fact as "title：value"; the time limits as one sentence to read aloud."""
        out = []
        for fact in facts(i, station_name):
            if fact.field in (GuideField.time, GuideField.legal_time):
                out.append(escape(self._time(i)))
            elif fact.field is not GuideField.promised_time:
                out.append(self.tr("{title}：{value}").format(
                    title=title(fact.field), value=value_html(fact, self.tibetan.isChecked())))
        for e in elements(i):  # steps, visits, booking, hours, commitment, entrusted, forms, mistakes, 12345
            value = element_html(e, self.tibetan.isChecked())
            if len(e.lines) > 1 or e.numbered:
                value = "<br/>" + value  # a list starts on its own line
            out.append(self.tr("{title}：{value}").format(title=element_title(e.field), value=value))
        return out

    def guide_html(self) -> str:
        g = self.guide
        if g is None:
            return ""
        html = [f"<h1>{escape(g.name.zh)}</h1>"]
        if g.name.bo:
            html.append(f"<h2>{escape(g.name.bo)}</h2>")
        html.append(f"<p>{escape(g.code)}</p>")
        if g.kind == BUNDLE:
            if g.description.zh:
                html.append(f"<p>{self._t(g.description)}</p>")
            html.append("<p>" + escape(self.tr("这件事一次办理以下 {n} 个事项：").format(n=len(g.items))) + "</p><ul>")
            html += [f"<li>{escape(i.name.zh)}：{escape(self._time(i))}</li>" for i in g.items]
            html.append("</ul>")
        else:
            html += [f"<p>{fact}</p>" for fact in self._facts(g.items[0], g.station_name)]
        html.append("<h2>" + escape(self.tr("需要带的材料（共 {n} 项）").format(n=len(g.materials))) + "</h2>")
        html += [self._material(n, m) for n, m in enumerate(g.materials, 1)]
        if g.kind == BUNDLE:
            for i in g.items:
                html.append(f"<h2>{escape(i.name.zh)}</h2>")
                html += [f"<p>{fact}</p>" for fact in self._facts(i, g.station_name)]
        html.append("<p>" + escape(self.tr("材料不齐的，窗口会一次性告诉您还需要补哪些材料。")) + "</p>")
        return "".join(html)

    def _show_guide(self) -> None:
        if not hasattr(self, "text"):
            return
        if self.guide is None:
            self.text.setPlainText(self.tr("在左边查找并选择一个事项，这里显示它的办事指南。"))
            return
        bar = self.text.verticalScrollBar()
        at = bar.value()
        size = LARGE_SIZE if self.large.isChecked() else NORMAL_SIZE
        self.text.setHtml(f'<div style="font-size: {size}">{self.guide_html()}</div>')
        bar.setValue(at)

    # -- printing -------------------------------------------------------------------------------
    def print_guide(self) -> None:
        guide = self.guide
        if guide is None:
            return
        self.print_button.setEnabled(False)

        def shown(dialog: PrintPreviewDialog, rendered: Rendered) -> None:
            self.print_button.setEnabled(True)
            self.last_pdfs = rendered[0]
            self.preview = dialog

        def failed(error: Exception) -> None:
            self.print_button.setEnabled(True)
            from ui.errors import show_error

            show_error(self, error)

        show_pdfs(self.session, lambda st: render_all(st, guide), f"guide-{guide.code}", self, shown=shown,
                  on_error=failed)

    def clear(self) -> None:
        # Nothing personal is on this page; the catalogue is read again at the next login.
        self._all = None
        if self.preview is not None:
            self.preview.close()
            self.preview = None
        self.last_pdfs = {}
