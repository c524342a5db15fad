"""The counter's documents: receipt, notices, commitment, authorisation, collection slip."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from enum import StrEnum

from app import labels as codes
from app.identity import IdType, mask_id, mask_phone
from app.models import Authorisation, Case, MaterialForm, MaterialState, Text
from printing.context import PrintContext
from printing.labels import code_label, label, sentence
from printing.layout import Paper, Sheet


class Kind(StrEnum):
    receipt = "receipt"
    correction = "correction"
    refusal = "refusal"
    deferral = "deferral"
    commitment = "commitment"
    authorisation = "authorisation"
    collection = "collection"
    revocation = "revocation"


def _masked(ctx: PrintContext) -> str:
    a = ctx.case.applicant
    return mask_id(a.id_number, IdType.uscc if a.id_type == IdType.uscc.value else IdType.resident_id)


def _date(d: date | None) -> str:
    return d.strftime("%Y年%m月%d日") if d else "—"


def _header(sheet: Sheet, ctx: PrintContext, kind: Kind, lang: str, copy_no: int) -> None:
    if copy_no:
        sheet.mark(f"{label('copy_mark', lang)} · {label('print_no', lang, n=copy_no + 1)}")
    sheet.para(ctx.station_name, small=True)
    sheet.title(label(kind.value, lang))


def _window(case: Case, lang: str) -> str:
    """The 窗口 a case was taken in at: the device's name as written, or, for a device nobody named,
    "NN号窗口" in the document's language (intake fills it; cases from before devices may have none)."""
    window = case.window
    if not window:
        return "—"
    number = codes.default_device_number(window)
    return code_label("default_name", "Device", lang, n=number) if number is not None else window


def _issued(ctx: PrintContext, lang: str, on: date | None = None) -> list[tuple[str, str]]:
    """A notice's issue date (the day of the decision unless told), the window and the clerk: the
    periods it names (补正, 复议, 诉讼) run from its receipt, so it says when and where it was made."""
    return [(label("issued_on", lang), _date(on or ctx.decided_on)), (label("window", lang), _window(ctx.case, lang)),
            (label("handler", lang), ctx.clerk)]


def _signed_for(sheet: Sheet, lang: str, first: str = "sign_applicant") -> None:
    """The applicant's signature and the date of receipt, the clerk's signature and the seal."""
    sheet.signatures([label(first, lang), label("receipt_date", lang), label("sign_clerk", lang)],
                     seal=label("seal", lang))


def _codes(sheet: Sheet, ctx: PrintContext, lang: str) -> None:
    case = ctx.case
    sheet.codes(case.case_no, f"{label('case_no', lang)}：{case.case_no}\n"
                              f"{label('verification_code', lang)}：{case.verification_code}")


def _party_rows(ctx: PrintContext, lang: str) -> list[tuple[str, str]]:
    case = ctx.case
    a = case.applicant
    name = a.name + (f"（{a.name_bo}）" if a.name_bo else "")
    rows = [(label("applicant", lang), name), (label("id_number", lang), _masked(ctx))]
    if a.phone:
        rows.append((label("phone", lang), mask_phone(a.phone)))
    rows.append((label("mode", lang), code_label(case.mode, None, lang)))
    if case.agent:
        ag = case.agent
        rows.append((label("agent", lang),
                     f"{ag.name}　{mask_id(ag.id_number)}　{code_label(ag.relation, None, lang)}"))
        if ag.phone:
            rows.append((label("agent_phone", lang), mask_phone(ag.phone)))
        rows.append((label("authorisation_given", lang), _authorisation_text(ag.authorisation, lang)))
    return rows


def _authorisation_text(auth: Authorisation, lang: str) -> str:
    """Kind, scope, valid until and number of the agent's authorisation, on one line."""
    parts = [code_label(auth.kind, "AuthorisationKind", lang)]
    if auth.scope:
        parts.append(label("auth_scope", lang, scope=auth.scope))
    if auth.valid_until:
        parts.append(label("auth_until", lang, until=_date(auth.valid_until)))
    if auth.document_ref:
        parts.append(label("auth_ref", lang, ref=auth.document_ref))
    return "；".join(parts)


def _items_text(ctx: PrintContext, lang: str) -> str:
    lines = []
    for i in ctx.items:
        name = f"{i.name_bo} {i.name}" if lang == "bo" and i.name_bo else i.name
        lines.append(f"{i.code}　{name}")
    return "\n".join(lines)


def _material_name(ctx: PrintContext, code: str) -> str:
    return ctx.material_names.get(code, code)


def receipt(sheet: Sheet, ctx: PrintContext, lang: str) -> None:
    case = ctx.case
    _codes(sheet, ctx, lang)
    sheet.space(0.5)
    rows = [
        (label("station", lang), f"{ctx.station_name}（{ctx.station_code}）"),
        (label("window", lang), _window(case, lang)),
        (label("clerk", lang), ctx.clerk),
        (label("received_at", lang), case.created_at.strftime("%Y-%m-%d %H:%M")),
        *_party_rows(ctx, lang),
        (label("items", lang), _items_text(ctx, lang)),
    ]
    if all(i.instant for i in ctx.items):
        rows.append((label("legal_days", lang), label("instant", lang)))
    else:
        wd = label("working_days", lang)
        rows.append((label("legal_days", lang), f"{max(i.legal_days for i in ctx.items)} {wd}"))
        rows.append((label("promised_days", lang), f"{max(i.promised_days for i in ctx.items)} {wd}"))
        rows.append((label("promised_due", lang), _date(case.promised_due)))
    delivery = code_label(case.delivery.method, None, lang)
    if case.delivery.address:
        delivery += f"　{case.delivery.address}"
    rows.append((label("delivery", lang), delivery))
    phones = sorted({i.consult_phone for i in ctx.items if i.consult_phone})
    rows.append((label("progress", lang), "　".join([*phones, case.case_no])))
    sheet.fields(rows)
    received = [m for m in case.materials if m.state in (MaterialState.received, MaterialState.e_licence)]
    if received:
        sheet.space(0.5)
        sheet.para(label("materials", lang))
        body = []
        for m in received:
            if m.state is MaterialState.e_licence:
                grade = m.licence_grade.value if m.licence_grade else ""
                form = f"{code_label(MaterialState.e_licence, None, lang)} {grade}"
                count = "—"
            else:
                form = code_label(m.form or MaterialForm.original, "MaterialForm", lang)
                count = str(m.count)
            body.append([_material_name(ctx, m.material_code), form, count])
        sheet.grid([label("material", lang), label("form", lang), label("count", lang)], body, [0.62, 0.24, 0.14])
    deferred = [m for m in case.materials if m.state is MaterialState.deferred]
    if deferred:
        sheet.space(0.5)
        sheet.para(label("deferred", lang))
        sheet.grid([label("material", lang), label("due_date", lang)],
                   [[_material_name(ctx, m.material_code), _date(m.due_date)] for m in deferred], [0.62, 0.38])
    sheet.space(0.5)
    for line in sentence("receipt_note", lang):
        sheet.para(line, small=True)
    sheet.space(0.3)
    sheet.signatures([label("sign_applicant", lang), label("sign_clerk", lang)], seal=label("seal", lang))


def correction(sheet: Sheet, ctx: PrintContext, lang: str) -> None:
    case = ctx.case
    _codes(sheet, ctx, lang)
    sheet.fields([*_party_rows(ctx, lang), (label("items", lang), _items_text(ctx, lang)), *_issued(ctx, lang)])
    sheet.space(0.5)
    for line in sentence("correction_note", lang, due=_date(case.correction_due)):
        sheet.para(line)
    missing = [m for m in case.materials if m.state is MaterialState.missing]
    sheet.grid([label("missing", lang), label("due_date", lang)],
               [[_material_name(ctx, m.material_code) + (f"（{m.note}）" if m.note else ""),
                 _date(case.correction_due)] for m in missing], [0.7, 0.3])
    sheet.space()
    _signed_for(sheet, lang)


def refusal(sheet: Sheet, ctx: PrintContext, lang: str) -> None:
    case = ctx.case
    r = case.refusal
    _codes(sheet, ctx, lang)
    sheet.fields([*_party_rows(ctx, lang), (label("items", lang), _items_text(ctx, lang)), *_issued(ctx, lang)])
    sheet.space(0.5)
    for line in sentence("refusal_note", lang):
        sheet.para(line)
    rows = [(label("reason", lang), r.reason if r else "—")]
    if r and r.legal_basis:
        rows.append((label("legal_basis", lang), r.legal_basis))
    if r and r.competent_authority:
        rows.append((label("competent_authority", lang), r.competent_authority))
    sheet.fields(rows)
    if r:
        sheet.space(0.5)
        for line in sentence("refusal_remedies", lang, review_days=r.review_days, review_authority=r.review_authority,
                             litigation_months=r.litigation_months, court=r.court):
            sheet.para(line)
    sheet.space()
    _signed_for(sheet, lang)


def deferral(sheet: Sheet, ctx: PrintContext, lang: str) -> None:
    case = ctx.case
    deferred = [m for m in case.materials if m.state is MaterialState.deferred]
    for n, copy_label in enumerate(("applicant_copy", "archive_copy")):
        if n:
            sheet.new_page()
            sheet.title(label("deferral", lang))
        sheet.mark(label(copy_label, lang))
        _codes(sheet, ctx, lang)
        sheet.fields([*_party_rows(ctx, lang), (label("items", lang), _items_text(ctx, lang)),
                      *_issued(ctx, lang)])
        sheet.space(0.5)
        for line in sentence("deferral_note", lang):
            sheet.para(line)
        sheet.grid([label("material", lang), label("due_date", lang)],
                   [[_material_name(ctx, m.material_code), _date(m.due_date)] for m in deferred], [0.62, 0.38])
        sheet.space(0.5)
        sheet.para(label("deferral_pledge", lang), small=False)
        for line in sentence("deferral_pledge", lang):
            sheet.para(line, small=True)
        _signed_for(sheet, lang)


def _catalogue_text(t: Text, lang: str) -> str:
    """A text of the catalogue: the Chinese, or its Tibetan above it on a bilingual document."""
    return f"{t.bo}\n{t.zh}" if lang == "bo" and t.bo and t.bo != t.zh else t.zh


def _terms_rows(ctx: PrintContext, lang: str) -> list[tuple[str, str]]:
    """What the applicant commits to, the liability and the check, as the catalogue states them for
    each item that allows 告知承诺 (named when the letter covers several items)."""
    terms = [(i, c) for i in ctx.items if i.commitment_allowed and (c := i.commitment) is not None]
    rows: list[tuple[str, str]] = []
    for i, c in terms:
        named = f"{i.name}：" if len(terms) > 1 else ""
        check = _catalogue_text(c.check, lang)
        if c.check_days:
            check += "\n" + label("check_days", lang, n=c.check_days)
        rows += [(label("commitment_content", lang), named + _catalogue_text(c.content, lang)),
                 (label("commitment_liability", lang), named + _catalogue_text(c.liability, lang)),
                 (label("commitment_check", lang), named + check)]
    return rows


def commitment(sheet: Sheet, ctx: PrintContext, lang: str) -> None:
    """告知承诺书: the conditions told, the catalogue's commitment content, liability for breach and
    check after approval (核查) for each item that allows 告知承诺, the note, and what the clerk typed
    as the applicant's further commitment (or, for items the catalogue gives no terms for, as the
    commitment itself)."""
    _codes(sheet, ctx, lang)
    sheet.fields([*_party_rows(ctx, lang), (label("items", lang), _items_text(ctx, lang)), *_issued(ctx, lang)])
    sheet.space(0.5)
    conditions = "\n".join(f"{i.name}：{i.conditions}" for i in ctx.items if i.conditions)
    sheet.fields([(label("conditions", lang), conditions or "—")])
    sheet.space(0.5)
    terms = _terms_rows(ctx, lang)
    if terms:
        sheet.fields(terms)
        sheet.space(0.5)
    for line in sentence("commitment_note", lang):
        sheet.para(line)
    if not terms:
        sheet.fields([(label("commitment_text", lang), ctx.commitment_text or "—")])
    elif ctx.commitment_text:
        sheet.fields([(label("commitment_extra", lang), ctx.commitment_text)])
    sheet.space()
    _signed_for(sheet, lang)


def authorisation(sheet: Sheet, ctx: PrintContext, lang: str) -> None:
    """A letter the two parties sign: their full ID numbers (it is printed on purpose, and every
    print of it is logged as an export of personal data: ``cases.record_print``), the items and the
    scope, and room for each to sign and press a fingerprint (按手印)."""
    case = ctx.case
    a = case.applicant
    ag = case.agent
    id_type = code_label(a.id_type, "IdType", lang)
    rows = [(label("principal", lang), f"{a.name}　{id_type} {a.id_number}")]
    if ag:
        rows.append((label("trustee", lang), f"{ag.name}　{code_label('resident_id', 'IdType', lang)} {ag.id_number}　"
                                             f"{code_label(ag.relation, None, lang)}"))
        rows.append((label("auth_items", lang), _items_text(ctx, lang)))
        rows.append((label("scope", lang), ag.authorisation.scope or "—"))
        rows.append((label("term", lang), _date(ag.authorisation.valid_until)))
    else:
        rows += [(label("trustee", lang), ""), (label("auth_items", lang), _items_text(ctx, lang)),
                 (label("scope", lang), ""), (label("term", lang), "")]
    rows.append((label("case_no", lang), case.case_no))
    for line in sentence("authorisation_note", lang):
        sheet.para(line)
    sheet.fields(rows)
    sheet.para(label("full_id_note", lang), small=True)
    sheet.space()
    sheet.signatures([label("sign_principal", lang), label("sign_trustee", lang)], tall=True)
    sheet.signatures([label("date", lang)])


def collection(sheet: Sheet, ctx: PrintContext, lang: str) -> None:
    case = ctx.case
    _codes(sheet, ctx, lang)
    outcome = code_label(case.outcome, None, lang) if case.outcome else "—"
    results = "；".join(i.result for i in ctx.items if i.result)
    rows = [*_party_rows(ctx, lang), (label("items", lang), _items_text(ctx, lang)),
            (label("result", lang), f"{outcome}　{results}"),
            (label("delivery", lang), code_label(case.delivery.method, None, lang)
             + (f"　{case.delivery.address}" if case.delivery.address else ""))]
    done = ctx.delivered
    if done.get("recipient"):
        rows.append((label("recipient", lang), done["recipient"]))
    if done.get("tracking_no"):
        rows.append((label("tracking_no", lang), done["tracking_no"]))
    if done.get("at"):
        rows.append((label("delivered_at", lang), done["at"]))
    delivered_on = date.fromisoformat(done["at"][:10]) if done.get("at") else ctx.printed_on
    sheet.fields([*rows, *_issued(ctx, lang, on=delivered_on)])
    sheet.space(0.5)
    for line in sentence("collection_note", lang):
        sheet.para(line)
    _signed_for(sheet, lang, first="recipient")


def revocation(sheet: Sheet, ctx: PrintContext, lang: str) -> None:
    """撤销受理决定通知书: the 容缺 acceptance revoked for deferred materials not supplied in time."""
    case = ctx.case
    revoked_on = date.fromisoformat(ctx.revoked["at"]) if ctx.revoked.get("at") else ctx.printed_on
    accepted = _date(case.accepted_at.date() if case.accepted_at else ctx.decided_on)
    _codes(sheet, ctx, lang)
    sheet.fields([*_party_rows(ctx, lang), (label("items", lang), _items_text(ctx, lang)),
                  (label("accepted_on", lang), accepted), *_issued(ctx, lang, on=revoked_on)])
    sheet.space(0.5)
    for line in sentence("revocation_note", lang, accepted=accepted):
        sheet.para(line)
    overdue = [m for m in case.materials if m.state is MaterialState.deferred]
    sheet.grid([label("material", lang), label("due_date", lang)],
               [[_material_name(ctx, m.material_code), _date(m.due_date)] for m in overdue], [0.62, 0.38])
    sheet.fields([(label("revocation_reason", lang), ctx.revoked.get("reason") or "—")])
    sheet.space(0.5)
    for line in sentence("revocation_remedies", lang):
        sheet.para(line)
    sheet.space()
    _signed_for(sheet, lang)


BUILDERS: dict[Kind, Callable[[Sheet, PrintContext, str], None]] = {
    Kind.receipt: receipt,
    Kind.correction: correction,
    Kind.refusal: refusal,
    Kind.deferral: deferral,
    Kind.commitment: commitment,
    Kind.authorisation: authorisation,
    Kind.collection: collection,
    Kind.revocation: revocation,
}


def render(kind: Kind, ctx: PrintContext, paper: Paper, lang: str = "zh", copy_no: int = 0) -> bytes:
    """The document as PDF bytes (never written to disk here)."""
    sheet = Sheet(paper)
    _header(sheet, ctx, kind, lang, copy_no)
    BUILDERS[kind](sheet, ctx, lang)
    return sheet.render(title=f"{label(kind.value, 'zh')} {ctx.case.case_no}", subject=kind.value)
