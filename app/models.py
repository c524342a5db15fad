"""Domain models, named by the brief's vocabulary (DESIGN.md section 2)."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import Enum, StrEnum
from typing import Any


class Role(StrEnum):
    clerk = "clerk"
    admin = "admin"


class HandlingMode(StrEnum):
    in_person = "in_person"
    assisted = "assisted"  # 帮办
    proxy = "proxy"  # 代办
    home_visit = "home_visit"  # 上门服务


class AgentRelation(StrEnum):
    family = "family"
    village_cadre = "village_cadre"
    work_team = "work_team"  # 驻村工作队
    agency_clerk = "agency_clerk"  # 帮办代办员
    other = "other"


class PartyKind(StrEnum):
    person = "person"
    organisation = "organisation"


class MaterialState(StrEnum):
    received = "received"
    e_licence = "e_licence"  # replaced by an electronic licence
    deferred = "deferred"  # 容缺: supplied later by a due date
    missing = "missing"
    committed = "committed"  # covered by the applicant's written commitment (告知承诺)
    not_applicable = "not_applicable"  # 无此情形: a situational material that does not apply to this applicant


class SpecialGroup(StrEnum):
    """特殊群体: an applicant the counter serves first or goes with (优先办, 陪同办, 绿色通道)."""

    elderly = "elderly"  # 老年人
    disabled = "disabled"  # 残疾人
    military = "military"  # 军人、军属、退役军人等优抚对象
    pregnant = "pregnant"  # 孕妇
    seriously_ill = "seriously_ill"  # 重病患者
    hardship = "hardship"  # 困难群众（低保、特困）


class CommitmentResult(StrEnum):
    """告知承诺核查: what the check after approval found."""

    fulfilled = "fulfilled"  # 已履行承诺
    breached = "breached"  # 违反承诺（承诺不实）


class Evaluation(StrEnum):
    """好差评: the five levels of the national rating (非常满意 … 非常不满意); the last two are 差评."""

    very_satisfied = "very_satisfied"
    satisfied = "satisfied"
    basically_satisfied = "basically_satisfied"
    dissatisfied = "dissatisfied"
    very_dissatisfied = "very_dissatisfied"


BAD_RATINGS = frozenset({Evaluation.dissatisfied, Evaluation.very_dissatisfied})


class RevisitResult(StrEnum):
    """差评回访: what the citizen said when asked again after the rectification."""

    satisfied = "satisfied"  # 满意
    basically_satisfied = "basically_satisfied"  # 基本满意
    dissatisfied = "dissatisfied"  # 仍不满意


class RevisitMethod(StrEnum):
    phone = "phone"  # 电话回访
    visit = "visit"  # 上门回访
    window = "window"  # 来窗口时回访


class ConsultAnswer(StrEnum):
    """How a consultation (咨询) at the window was answered."""

    answered = "answered"  # 当场解答
    checklist = "checklist"  # 告知办理条件和材料清单
    referred = "referred"  # 引导至其他部门或窗口
    online = "online"  # 指导网上、掌上办理
    callback = "callback"  # 约定回复
    other = "other"  # 其他


class MaterialForm(StrEnum):
    original = "original"
    copy = "copy"


class LicenceGrade(StrEnum):
    A = "A"
    B = "B"
    C = "C"
    D = "D"


class Decision(StrEnum):
    accept = "accept"
    deferred_material = "deferred_material"
    commitment = "commitment"
    correction_notice = "correction_notice"
    refuse = "refuse"


class CaseStatus(StrEnum):
    received = "received"
    accepted = "accepted"
    refused = "refused"
    correction_requested = "correction_requested"
    in_progress = "in_progress"
    special_procedure = "special_procedure"
    concluded = "concluded"
    delivered = "delivered"
    withdrawn = "withdrawn"
    revoked = "revoked"  # a 容缺 acceptance revoked: a deferred material was not supplied in time


class Outcome(StrEnum):
    approved = "approved"
    denied = "denied"


class DeliveryMethod(StrEnum):
    counter = "counter"
    post = "post"
    electronic = "electronic"


class ItemType(StrEnum):
    licensing = "licensing"
    confirmation = "confirmation"
    payment = "payment"
    reward = "reward"
    ruling = "ruling"
    other_power = "other_power"
    public_service = "public_service"


class Handling(StrEnum):
    instant = "instant"
    promised = "promised"


# -- catalogue ---------------------------------------------------------------------------------
@dataclass(frozen=True)
class Text:
    zh: str
    bo: str | None = None

    @classmethod
    def of(cls, data: dict[str, str] | None) -> Text:
        data = data or {}
        return cls(zh=data.get("zh", ""), bo=data.get("bo"))


@dataclass(frozen=True)
class Material:
    code: str
    name: Text
    form: str
    originals: int
    copies: int
    required: bool
    deferrable: bool
    e_licence_type: str | None = None
    notes: str = ""

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> Material:
        return cls(
            code=d["code"],
            name=Text.of(d["name"]),
            form=d["form"],
            originals=int(d["originals"]),
            copies=int(d["copies"]),
            required=bool(d["required"]),
            deferrable=bool(d["deferrable"]),
            e_licence_type=d.get("e_licence_type"),
            notes=d.get("notes", ""),
        )


@dataclass(frozen=True)
class ServiceItem:
    code: str
    version: str
    name: Text
    type: ItemType
    level: str
    handling: Handling
    legal_days: int
    promised_days: int
    commitment_allowed: bool
    department: Text
    materials: tuple[Material, ...]
    body: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)

    @property
    def instant(self) -> bool:
        return self.handling is Handling.instant

    def material(self, code: str) -> Material | None:
        return next((m for m in self.materials if m.code == code), None)

    @classmethod
    def from_json(cls, d: dict[str, Any], version: str) -> ServiceItem:
        return cls(
            code=d["code"],
            version=version,
            name=Text.of(d["name"]),
            type=ItemType(d["type"]),
            level=d["level"],
            handling=Handling(d["handling"]),
            legal_days=int(d["legal_days"]),
            promised_days=int(d["promised_days"]),
            commitment_allowed=bool(d["commitment_allowed"]),
            department=Text.of(d["department"]),
            materials=tuple(Material.from_json(m) for m in d.get("materials", [])),
            body=d,
        )


@dataclass(frozen=True)
class Bundle:
    code: str
    version: str
    name: Text
    item_codes: tuple[str, ...]
    body: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)


@dataclass(frozen=True)
class CatalogueVersion:
    version: str
    region: str
    title: str
    published: str
    imported_at: str
    items: int
    bundles: int
    active: bool
    source: str = "platform"  # "platform" (published, through sync) or "local" (a file imported here)


@dataclass(frozen=True)
class SearchHit:
    kind: str  # "item" or "bundle"
    code: str
    version: str
    name: Text
    score: float


# -- people ------------------------------------------------------------------------------------
@dataclass
class Address:
    division_code: str = ""  # 12-digit code down to the village, when known
    prefecture: str = ""
    county: str = ""
    township: str = ""
    village: str = ""
    detail: str = ""

    def is_empty(self) -> bool:
        return not any(dataclasses.astuple(self))


@dataclass
class Party:
    """An applicant (申请人): a person or an organisation."""

    kind: PartyKind
    name: str
    id_type: str
    id_number: str
    name_bo: str = ""
    phone: str = ""
    address: Address = field(default_factory=Address)


@dataclass
class Authorisation:
    """授权委托: how the agent is authorised to act for the applicant."""

    kind: str = "written"  # written (书面委托书), notarised, statutory (法定代理), village_certified
    scope: str = ""
    valid_until: date | None = None
    document_ref: str = ""


@dataclass
class Agent:
    """代办人: someone who acts for the applicant with an authorisation."""

    name: str
    id_type: str
    id_number: str
    relation: AgentRelation
    phone: str = ""
    authorisation: Authorisation = field(default_factory=Authorisation)


@dataclass
class MaterialEntry:
    item_code: str
    material_code: str
    state: MaterialState
    form: MaterialForm | None = None
    count: int = 0
    licence_type: str | None = None
    licence_grade: LicenceGrade | None = None
    due_date: date | None = None
    note: str = ""


@dataclass
class Refusal:
    reason: str
    legal_basis: str = ""
    competent_authority: str = ""  # where to apply instead, if anywhere
    review_authority: str = ""  # 行政复议机关
    review_days: int = 60
    court: str = ""  # 人民法院
    litigation_months: int = 6


@dataclass
class Delivery:
    method: DeliveryMethod = DeliveryMethod.counter
    address: str = ""
    recipient: str = ""
    phone: str = ""


@dataclass
class CrossRegion:
    """异地代收代办: the case is taken in here and handled elsewhere."""

    intake_site: str
    handling_site: str
    handling_site_name: str = ""
    tracking_no: str = ""


@dataclass
class IntakeRequest:
    applicant: Party
    mode: HandlingMode
    decision: Decision
    item_codes: list[str] = field(default_factory=list)
    bundle_code: str | None = None
    agent: Agent | None = None
    materials: list[MaterialEntry] = field(default_factory=list)
    delivery: Delivery = field(default_factory=Delivery)
    refusal: Refusal | None = None
    correction_due: date | None = None
    commitment_text: str = ""
    cross_region: CrossRegion | None = None
    window: str = ""
    note: str = ""
    special_groups: list[SpecialGroup] = field(default_factory=list)  # 特殊群体, served first


@dataclass
class CaseItem:
    item_code: str
    item_version: str
    name: str
    legal_days: int
    promised_days: int
    instant: bool


@dataclass
class Case:
    case_no: str
    station_code: str
    status: CaseStatus
    decision: Decision
    mode: HandlingMode
    applicant: Party
    agent: Agent | None
    items: list[CaseItem]
    materials: list[MaterialEntry]
    delivery: Delivery
    created_at: datetime
    accepted_at: datetime | None
    clock_start: date | None
    legal_due: date | None
    promised_due: date | None
    verification_code: str
    bundle_code: str | None = None
    outcome: Outcome | None = None
    refusal: Refusal | None = None
    correction_due: date | None = None
    cross_region: CrossRegion | None = None
    platform_no: str = ""
    window: str = ""
    operator: str = ""
    trips: int = 1
    updated_at: datetime | None = None
    origin: str = "00"  # the device (number) that took the case in
    conflict: CaseConflict | None = None  # actions of two devices that cannot both stand (app.merge)
    special_groups: list[SpecialGroup] = field(default_factory=list)  # 特殊群体 (SpecialGroup), chosen at intake


@dataclass(frozen=True)
class ConflictAction:
    """One of the concurrent actions of a case in conflict: its event (``hash``, ``type``), the status
    and outcome it led to, when and by whom, and on which device (chain number)."""

    hash: str
    type: str
    status: CaseStatus
    outcome: str | None
    at: str
    operator: str
    device: str


@dataclass(frozen=True)
class CaseConflict:
    """A case's open conflict: the actions a clerk chooses between (``cases.resolve_conflict``)."""

    actions: tuple[ConflictAction, ...]


@dataclass(frozen=True)
class CaseSummary:
    """A row of a case list; the ID number is already masked."""

    case_no: str
    status: CaseStatus
    applicant_name: str
    id_masked: str
    items: str
    created_at: str
    promised_due: str | None
    due_state: str | None
    origin: str = "00"  # the device (number) that took the case in
    in_conflict: bool = False


@dataclass(frozen=True)
class Operator:
    login: str
    display_name: str
    role: Role
    active: bool
    created_at: str
    failed_attempts: int = 0
    locked_until: float = 0.0


def to_jsonable(value: Any) -> Any:
    """Dataclasses, enums, dates and containers to plain JSON values."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_jsonable(getattr(value, f.name)) for f in dataclasses.fields(value) if f.name != "body"}
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): to_jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [to_jsonable(v) for v in value]
    return value
