"""设置: the station's details and platform enrolment, printing, the interface, the idle lock, and
an "about" section.

Who may change what (settings are per station, kept in the encrypted store):

- **Interface language and font scale: any operator.** A clerk with poor eyesight must be able to
  enlarge the text, and a Tibetan-speaking clerk to switch the language, without calling an
  administrator. They take effect at once (saved on the worker, then ``session.apply_settings``,
  which the window applies) and are stored for the station, like the top bar's language button.
- **Printer, paper and idle-lock minutes: administrators only** ("保存" is disabled for clerks and
  the save task checks ``require_admin`` on the worker as well). Enrolling the station with the
  platform is for administrators too (``sync.engine.enrol`` checks it).

Each save re-reads the stored settings on the worker and changes only its own fields, so a clerk's
font-scale change never writes the printer fields and an administrator's unsaved edits of the
printing fields are not overwritten by a font change.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QCoreApplication, Qt, QTimer, qVersion
from PySide6.QtPrintSupport import QPrinterInfo
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.buildinfo import build_info
from app.errors import ValidationError
from app.messages import PROBLEMS
from app.services import settings as settings_service
from app.services.settings import PAPERS, StationSettings
from app.station import Station
from sync import engine
from sync.status import SyncStatus
from ui.devices import Devices, local_time, read_devices, role_text
from ui.errors import message_for
from ui.i18n import translations_dir
from ui.page import Page
from ui.session import Session

log = logging.getLogger(__name__)

ERROR_STYLE = "color: #c62828"
OK_STYLE = "color: #2e7d32"
# Language names are written in their own language, never translated.
LANGUAGE_NAMES = (("zh", "中文"), ("bo", "བོད་ཡིག"))
SCALE_STEP = 10
SCALE_DELAY_MS = 400  # a font-scale change is saved once the clerk stops pressing the arrows


@dataclass(frozen=True)
class StationFacts:
    code: str
    name: str
    enrolled: bool
    hub_url: str
    settings: StationSettings
    devices: Devices | None = None  # this device and the station's others (the platform's list)


def _facts(st: Station) -> StationFacts:
    status = engine.status(st)
    return StationFacts(code=st.station_code, name=st.station_name, enrolled=status.enrolled,
                        hub_url=status.hub_url, settings=settings_service.load(st), devices=read_devices(st))


def _save_station(st: Station, printer: str, paper: str, idle_lock_minutes: int,
                  correction_days: int | None = None, rectify_days: int | None = None) -> StationSettings:
    st.require_admin()
    current = settings_service.load(st)
    return settings_service.save(st, replace(
        current, printer=printer, paper=paper, idle_lock_minutes=idle_lock_minutes,
        correction_days=current.correction_days if correction_days is None else correction_days,
        rectify_days=current.rectify_days if rectify_days is None else rectify_days))


def _enrol(st: Station, url: str, code: str) -> SyncStatus:
    engine.enrol(st, url, code)
    return engine.status(st)


def _error_label() -> QLabel:
    message = QLabel()
    message.setWordWrap(True)
    message.setStyleSheet(ERROR_STYLE)
    message.hide()
    return message


def _show(message: QLabel, text: str, error: bool = True) -> None:
    message.setStyleSheet(ERROR_STYLE if error else OK_STYLE)
    message.setText(text)
    message.setVisible(bool(text))


class SettingsPage(Page):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.facts: StationFacts | None = None
        self.title = QLabel()
        self.title.setObjectName("pageTitle")
        self.title.setProperty("heading", "1")  # sized by the application's style sheet (ui/i18n.py)

        # -- station and platform --
        self.station_box = QGroupBox()
        self.code_label, self.code_value = QLabel(), QLabel()
        self.name_label, self.name_value = QLabel(), QLabel()
        self.name_value.setWordWrap(True)
        self.enrol_label, self.enrol_state = QLabel(), QLabel()
        self.enrol_state.setObjectName("enrolState")
        self.enrol_state.setWordWrap(True)
        self.hub_edit = QLineEdit()
        self.hub_edit.setObjectName("hubUrl")
        self.hub_edit.setPlaceholderText("https://")
        self.hub_label = QLabel()
        self.hub_label.setBuddy(self.hub_edit)
        self.enrol_code_edit = QLineEdit()
        self.enrol_code_edit.setObjectName("enrolCode")
        self.enrol_code_label = QLabel()
        self.enrol_code_label.setBuddy(self.enrol_code_edit)
        self.enrol_button = QPushButton()
        self.enrol_button.clicked.connect(self.enrol)
        self.enrol_code_edit.returnPressed.connect(self.enrol)
        self.enrol_message = _error_label()
        self.enrol_message.setObjectName("enrolMessage")
        self.enrol_form = QWidget()
        enrol_form = QFormLayout(self.enrol_form)
        enrol_form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)  # labels above fields when narrow
        enrol_form.setContentsMargins(0, 0, 0, 0)
        enrol_form.addRow(self.hub_label, self.hub_edit)
        enrol_form.addRow(self.enrol_code_label, self.enrol_code_edit)
        enrol_form.addRow("", self.enrol_button)
        station_form = QFormLayout(self.station_box)
        station_form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)  # labels above fields when narrow
        station_form.addRow(self.code_label, self.code_value)
        station_form.addRow(self.name_label, self.name_value)
        station_form.addRow(self.enrol_label, self.enrol_state)
        station_form.addRow(self.enrol_form)
        station_form.addRow(self.enrol_message)

        # -- devices: this one and the station's others, as the platform last listed them --
        self.devices_box = QGroupBox()
        self.devices_box.setObjectName("devices")
        self.this_label, self.this_value = QLabel(), QLabel()
        self.this_value.setObjectName("thisDevice")
        self.this_value.setWordWrap(True)
        self.others_label = QLabel()
        self.others_label.setWordWrap(True)
        self.others = QWidget()
        self.others.setObjectName("otherDevices")
        self.others_column = QVBoxLayout(self.others)  # a device a label: its name, then when last heard from
        self.others_column.setContentsMargins(0, 0, 0, 0)
        self.devices_note = QLabel()
        self.devices_note.setWordWrap(True)
        self.devices_note.setProperty("size", "small")
        devices_form = QFormLayout(self.devices_box)
        devices_form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        devices_form.addRow(self.this_label, self.this_value)
        devices_form.addRow(self.others_label)
        devices_form.addRow(self.others)
        devices_form.addRow(self.devices_note)
        self.device_rows: list[QLabel] = []

        # -- interface: any operator, applied at once --
        self.interface_box = QGroupBox()
        self.language_combo = QComboBox()
        self.language_combo.setObjectName("language")
        for code, name in LANGUAGE_NAMES:
            self.language_combo.addItem(name, code)
        self.language_label = QLabel()
        self.language_label.setBuddy(self.language_combo)
        self.scale_spin = QSpinBox()
        self.scale_spin.setObjectName("fontScale")
        self.scale_spin.setRange(100, 200)
        self.scale_spin.setSingleStep(SCALE_STEP)
        self.scale_spin.setSuffix(" %")
        self.scale_spin.setAccelerated(False)
        self.scale_label = QLabel()
        self.scale_label.setBuddy(self.scale_spin)
        self.interface_note = QLabel()
        self.interface_note.setWordWrap(True)
        self.interface_note.setProperty("size", "small")
        self.interface_message = _error_label()
        self.interface_message.setObjectName("interfaceMessage")
        self._scale_timer = QTimer(self)
        self._scale_timer.setSingleShot(True)
        self._scale_timer.setInterval(SCALE_DELAY_MS)
        self._scale_timer.timeout.connect(self.apply_interface)
        self.language_combo.currentIndexChanged.connect(lambda _i: self.apply_interface())
        self.scale_spin.valueChanged.connect(lambda _v: self._scale_timer.start())
        interface_form = QFormLayout(self.interface_box)
        interface_form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)  # labels above fields when narrow
        interface_form.addRow(self.language_label, self.language_combo)
        interface_form.addRow(self.scale_label, self.scale_spin)
        interface_form.addRow(self.interface_note)
        interface_form.addRow(self.interface_message)

        # -- station-wide: printing and the idle lock, administrators only --
        self.counter_box = QGroupBox()
        self.printer_combo = QComboBox()
        self.printer_combo.setObjectName("printer")
        self.printer_label = QLabel()
        self.printer_label.setBuddy(self.printer_combo)
        self.paper_combo = QComboBox()
        self.paper_combo.setObjectName("paper")
        self.paper_label = QLabel()
        self.paper_label.setBuddy(self.paper_combo)
        self.idle_spin = QSpinBox()
        self.idle_spin.setObjectName("idleMinutes")
        self.idle_spin.setRange(1, 120)
        self.idle_label = QLabel()
        self.idle_label.setBuddy(self.idle_spin)
        self.correction_spin = QSpinBox()
        self.correction_spin.setObjectName("correctionDays")
        self.correction_spin.setRange(1, settings_service.CORRECTION_DAYS_MAX)
        self.correction_label = QLabel()
        self.correction_label.setBuddy(self.correction_spin)
        self.rectify_spin = QSpinBox()  # 差评整改期限: working days a bad rating gives to rectify
        self.rectify_spin.setObjectName("rectifyDays")
        self.rectify_spin.setRange(1, settings_service.RECTIFY_DAYS_MAX)
        self.rectify_label = QLabel()
        self.rectify_label.setBuddy(self.rectify_spin)
        self.save_button = QPushButton()
        self.save_button.clicked.connect(self.save)
        self.counter_note = QLabel()
        self.counter_note.setWordWrap(True)
        self.counter_note.setProperty("size", "small")
        self.counter_message = _error_label()
        self.counter_message.setObjectName("counterMessage")
        self.field_messages: dict[str, QLabel] = {
            name: _error_label() for name in ("printer", "paper", "idle_lock_minutes", "correction_days",
                                               "rectify_days", "language", "font_scale")
        }
        counter_form = QFormLayout(self.counter_box)
        counter_form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)  # labels above fields when narrow
        counter_form.addRow(self.printer_label, self.printer_combo)
        counter_form.addRow("", self.field_messages["printer"])
        counter_form.addRow(self.paper_label, self.paper_combo)
        counter_form.addRow("", self.field_messages["paper"])
        counter_form.addRow(self.idle_label, self.idle_spin)
        counter_form.addRow("", self.field_messages["idle_lock_minutes"])
        counter_form.addRow(self.correction_label, self.correction_spin)
        counter_form.addRow("", self.field_messages["correction_days"])
        counter_form.addRow(self.rectify_label, self.rectify_spin)
        counter_form.addRow("", self.field_messages["rectify_days"])
        save_row = QHBoxLayout()
        save_row.addWidget(self.save_button)
        save_row.addStretch(1)
        counter_form.addRow(save_row)
        counter_form.addRow(self.counter_note)
        counter_form.addRow(self.counter_message)
        interface_form.insertRow(1, "", self.field_messages["language"])
        interface_form.insertRow(3, "", self.field_messages["font_scale"])

        # -- about --
        self.about_box = QGroupBox()
        self.about_text = QLabel()
        self.about_text.setObjectName("about")
        self.about_text.setWordWrap(True)
        self.about_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        QVBoxLayout(self.about_box).addWidget(self.about_text)

        content = QWidget()
        column = QVBoxLayout(content)
        column.addWidget(self.title)
        for box in (self.interface_box, self.counter_box, self.station_box, self.devices_box, self.about_box):
            box.setProperty("heading", "2")  # the section's title; its fields keep the base size
            column.addWidget(box)
        column.addStretch(1)
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setWidget(content)
        QVBoxLayout(self).addWidget(self.scroll_area)

        for a, b in ((self.language_combo, self.scale_spin), (self.scale_spin, self.printer_combo),
                     (self.printer_combo, self.paper_combo), (self.paper_combo, self.idle_spin),
                     (self.idle_spin, self.correction_spin), (self.correction_spin, self.rectify_spin),
                     (self.rectify_spin, self.save_button),
                     (self.save_button, self.hub_edit),
                     (self.hub_edit, self.enrol_code_edit), (self.enrol_code_edit, self.enrol_button)):
            self.setTabOrder(a, b)

        session.settings_changed.connect(self._settings_changed)
        self._show_role()
        self.retranslate()

    # -- texts ----------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.title.setText(self.tr("设置"))
        self.station_box.setTitle(self.tr("服务站"))
        self.code_label.setText(self.tr("服务站代码"))
        self.name_label.setText(self.tr("服务站名称"))
        self.enrol_label.setText(self.tr("平台登记"))
        self.hub_label.setText(self.tr("平台地址(&H)"))
        self.enrol_code_label.setText(self.tr("登记码(&C)"))
        self.enrol_code_edit.setToolTip(self.tr("平台管理员给出的一次性登记码"))
        self.enrol_button.setText(self.tr("登记到平台(&E)"))

        self.devices_box.setTitle(self.tr("设备"))
        self.this_label.setText(self.tr("本机"))
        self.others_label.setText(self.tr("本服务站的其他设备（最近一次与平台或中心中继联系的时间）"))
        self.devices_note.setText(self.tr("设备由平台登记；其他设备的名称和联系时间随同步更新，联系时间最多晚半小时左右。"))

        self.interface_box.setTitle(self.tr("界面"))
        self.language_label.setText(self.tr("界面语言(&J)"))
        self.scale_label.setText(self.tr("字号(&Z)"))
        self.scale_spin.setToolTip(self.tr("100 % 为标准大小，最大 200 %"))
        self.interface_note.setText(self.tr("界面语言和字号任何操作员都可以更改，立即生效，本服务站的所有操作员共用。"))

        self.counter_box.setTitle(self.tr("打印与自动锁定"))
        self.printer_label.setText(self.tr("打印机(&P)"))
        self.paper_label.setText(self.tr("纸张(&Y)"))
        self.idle_label.setText(self.tr("无操作自动锁定(&I)"))
        self.idle_spin.setSuffix(self.tr(" 分钟"))
        self.correction_label.setText(self.tr("一次性告知的补正期限(&G)"))
        self.correction_spin.setSuffix(self.tr(" 个工作日"))
        self.correction_spin.setToolTip(self.tr("受理时未另填补正期限的，告知书写明自当日起这么多个工作日"))
        self.rectify_label.setText(self.tr("差评整改期限（工作日）(&K)"))
        self.rectify_spin.setSuffix(self.tr(" 个工作日"))
        self.rectify_spin.setToolTip(self.tr("申请人给出差评后，本站须在这么多个工作日内整改，整改后回访"))
        self.save_button.setText(self.tr("保存(&S)"))
        self.counter_note.setText(self.tr("只有管理员可以更改打印机、纸张和自动锁定时间。"))

        self.about_box.setTitle(self.tr("关于"))
        info = build_info()
        built = (self.tr("构建于 {when}").format(when=info.built_at.replace("T", " ")[:16]) if info.built_at
                 else self.tr("开发版本（从源代码运行）"))
        about = self.tr("便民服务台 版本 {version}，{built}\n数据目录：{home}\n日志：{logs}\nQt {qt} · PySide6 {pyside}")  # noqa: E501
        self.about_text.setText(about.format(version=info.version, built=built, home=str(self.session.paths.home),
                                             logs=str(self.session.paths.logs), qt=qVersion(), pyside=pyside_version))

        self._fill_papers()
        self._fill_printers()
        self._show_station()

    def _fill_papers(self) -> None:
        names = {"a4": self.tr("A4"), "a5": self.tr("A5"), "80mm": self.tr("80 毫米小票（热敏打印机）")}
        current = self.paper_combo.currentData() or (self.facts.settings.paper if self.facts else "a4")
        self.paper_combo.blockSignals(True)
        self.paper_combo.clear()
        for code in PAPERS:
            self.paper_combo.addItem(names.get(code, code), code)
        self.paper_combo.setCurrentIndex(max(0, self.paper_combo.findData(current)))
        self.paper_combo.blockSignals(False)

    def _fill_printers(self, chosen: str | None = None) -> None:
        """The printers the system knows (read on the GUI thread: no store involved)."""
        if chosen is None:
            data = self.printer_combo.currentData()
            chosen = str(data) if data is not None else (self.facts.settings.printer if self.facts else "")
        default = QPrinterInfo.defaultPrinterName()
        self.printer_combo.blockSignals(True)
        self.printer_combo.clear()
        self.printer_combo.addItem(self.tr("系统默认打印机（{name}）").format(name=default or self.tr("未设置")), "")
        for name in QPrinterInfo.availablePrinterNames():
            self.printer_combo.addItem(name, name)
        if chosen and self.printer_combo.findData(chosen) < 0:
            self.printer_combo.addItem(self.tr("{name}（未连接）").format(name=chosen), chosen)
        self.printer_combo.setCurrentIndex(max(0, self.printer_combo.findData(chosen)))
        self.printer_combo.blockSignals(False)

    def _show_station(self) -> None:
        facts = self.facts
        self.code_value.setText(facts.code if facts else "—")
        self.name_value.setText(facts.name if facts else "—")
        if facts is None:
            self.enrol_state.setText("—")
        elif facts.enrolled:
            self.enrol_state.setText(self.tr("已登记，平台地址 {url}").format(url=facts.hub_url))
        else:
            self.enrol_state.setText(self.tr("尚未登记到平台，办件只保存在本机。"))
        self._show_devices()

    def _show_devices(self) -> None:
        devices = self.facts.devices if self.facts else None
        for row in self.device_rows:
            self.others_column.removeWidget(row)
            row.deleteLater()
        self.device_rows = []
        if devices is None:
            self.this_value.setText("—")
            return
        this = devices.this
        self.this_value.setText(self.tr("{name}（编号 {number}）").format(name=this.shown_name, number=this.number))
        rows: list[tuple[str, str]] = []
        for d in devices.others:
            name = self.tr("{name}（编号 {number}，{role}）").format(name=d.shown_name, number=d.number,
                                                                 role=role_text(d.role))
            if d.revoked:
                state = self.tr("已注销（{when}），不再同步").format(when=local_time(d.revoked_at))
            elif d.last_seen_at:
                state = self.tr("最近联系：{when}").format(when=local_time(d.last_seen_at))
            else:
                state = self.tr("从未联系")
            rows.append((d.number, f"{name}\n{state}"))
        if not devices.others:
            rows.append(("", self.tr("平台尚未列出本服务站的其他设备（登记并同步后显示）。")))
        for number, text in rows:
            row = QLabel(text)
            row.setWordWrap(True)
            row.setProperty("device", number)
            self.others_column.addWidget(row)
            self.device_rows.append(row)

    def show_devices(self) -> None:
        """Scroll to the station's devices."""
        self.scroll_area.ensureWidgetVisible(self.devices_box, 0, 0)

    # -- who may do what ---------------------------------------------------------------------------
    def _is_admin(self) -> bool:
        station = self.session.station
        return station is not None and station.is_admin

    def _show_role(self) -> None:
        admin = self._is_admin()
        for w in (self.printer_combo, self.paper_combo, self.idle_spin, self.correction_spin, self.rectify_spin,
                  self.save_button):
            w.setEnabled(admin)
        self.counter_note.setVisible(not admin)
        self.enrol_form.setVisible(admin)

    # -- loading ----------------------------------------------------------------------------------
    def refresh(self) -> None:
        self._show_role()
        self.session.run(_facts, self._loaded)

    def _loaded(self, facts: StationFacts) -> None:
        self.facts = facts
        self._show_station()
        s = facts.settings
        self._fill_printers(s.printer)
        self.paper_combo.setCurrentIndex(max(0, self.paper_combo.findData(s.paper)))
        self.idle_spin.setValue(int(s.idle_lock_minutes))
        self.correction_spin.setValue(int(s.correction_days))
        self.rectify_spin.setValue(int(s.rectify_days))
        if self.facts.enrolled and not self.hub_edit.text():
            self.hub_edit.setText(facts.hub_url)
        self._show_interface(s)

    def _settings_changed(self, new: object) -> None:
        if isinstance(new, StationSettings):
            self._show_interface(new)
            self._show_role()

    def _show_interface(self, s: StationSettings) -> None:
        if self._scale_timer.isActive():
            return  # the clerk is still choosing a size: keep what they see
        self.language_combo.blockSignals(True)
        self.language_combo.setCurrentIndex(max(0, self.language_combo.findData(s.language)))
        self.language_combo.blockSignals(False)
        self.scale_spin.blockSignals(True)
        self.scale_spin.setValue(int(s.font_scale))
        self.scale_spin.blockSignals(False)

    # -- saving -----------------------------------------------------------------------------------
    def apply_interface(self) -> None:
        """Language and font scale: saved for the station, then applied by the window at once."""
        self._scale_timer.stop()
        language = str(self.language_combo.currentData() or "zh")
        scale = int(self.scale_spin.value())
        if language == self.session.settings.language and scale == self.session.settings.font_scale:
            return
        self._clear_messages()
        self.session.run(lambda st: settings_service.save_interface(st, language, scale), self._saved_interface,
                         on_error=lambda e: self._refused(e, self.interface_message))

    def _saved_interface(self, new: StationSettings) -> None:
        self.session.apply_settings(new)
        if new.language == "bo" and not (translations_dir() / "bianmin_bo.qm").exists():
            _show(self.interface_message, self.tr("已保存。藏文界面的翻译文件缺失，界面暂时仍显示中文。"))

    def save(self) -> None:
        """Printer, paper and idle lock (administrators)."""
        printer = str(self.printer_combo.currentData() or "")
        paper = str(self.paper_combo.currentData() or "a4")
        self.store_counter_settings(printer, paper, int(self.idle_spin.value()),
                                    correction_days=int(self.correction_spin.value()),
                                    rectify_days=int(self.rectify_spin.value()))

    def store_counter_settings(self, printer: str, paper: str, idle_lock_minutes: int, *,
                               correction_days: int | None = None, rectify_days: int | None = None) -> None:
        if self._scale_timer.isActive():
            self.apply_interface()  # the worker runs tasks in order: the font change is saved first
        self._clear_messages()
        self.save_button.setEnabled(False)
        self.session.run(lambda st: _save_station(st, printer, paper, idle_lock_minutes, correction_days,
                                                  rectify_days),
                         self._saved_counter,
                         on_error=lambda e: self._refused(e, self.counter_message))

    def _saved_counter(self, new: StationSettings) -> None:
        self._show_role()
        if self.facts is not None:
            self.facts = replace(self.facts, settings=new)
        _show(self.counter_message, self.tr("已保存。"), error=False)
        self.session.apply_settings(new)

    def _clear_messages(self) -> None:
        for label in (*self.field_messages.values(), self.counter_message, self.interface_message):
            _show(label, "")

    def _refused(self, error: Exception, general: QLabel) -> None:
        self._show_role()
        problems = error.details.get("problems") if isinstance(error, ValidationError) else None
        shown = False
        for p in problems or []:
            if isinstance(p, dict) and p.get("field") in self.field_messages:
                text = PROBLEMS.get(str(p.get("problem", "")), str(p.get("problem", "")))
                _show(self.field_messages[str(p["field"])], QCoreApplication.translate("Problems", text))
                shown = True
        if not shown:
            _show(general, message_for(error))
        # What the window shows stays what is stored.
        self._show_interface(self.session.settings)

    # -- enrolment ----------------------------------------------------------------------------------
    def enrol(self) -> None:
        url = self.hub_edit.text().strip()
        code = self.enrol_code_edit.text().strip()
        if not url or not code:
            _show(self.enrol_message, self.tr("请填写平台地址和登记码。"))
            (self.hub_edit if not url else self.enrol_code_edit).setFocus()
            return
        _show(self.enrol_message, self.tr("正在登记…"), error=False)
        self.enrol_button.setEnabled(False)
        self.session.run(lambda st: _enrol(st, url, code), self._enrolled, on_error=self._enrol_failed)

    def _enrolled(self, status: SyncStatus) -> None:
        self.enrol_button.setEnabled(True)
        self.enrol_code_edit.clear()
        if self.facts is not None:
            self.facts = replace(self.facts, enrolled=status.enrolled, hub_url=status.hub_url)
        self._show_station()
        _show(self.enrol_message, self.tr("已登记到平台，可以同步了。"), error=False)

    def _enrol_failed(self, error: Exception) -> None:
        self.enrol_button.setEnabled(True)
        _show(self.enrol_message, message_for(error))

    def clear(self) -> None:
        self._scale_timer.stop()
        self.facts = None
        self.enrol_code_edit.clear()
        self.hub_edit.clear()
        self._clear_messages()
        _show(self.enrol_message, "")
        self._show_station()
        self._show_role()
