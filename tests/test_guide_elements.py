"""The further elements of a service item (issue 16, point 15, and the catalogue part of point 6).

The catalogue may carry an item's steps (办理流程), trips to the counter (到现场次数), booking
(预约), complaint channels (监督投诉, the 12345 hotline always named), place and hours, sample forms
(样表), common mistakes, its 告知承诺 terms (承诺内容, 违诺责任, 核查) and the stations entrusted
with it (委托受理). All are optional and bounded; the guide shows and prints them, and the
commitment letter prints the terms."""

from __future__ import annotations

import copy
import json
import re
import subprocess
from typing import Any

import pytest

from app.guide import HOTLINE, GuideElement, Word, elements, guide_for, item_guide
from app.models import Decision, ServiceItem
from app.services import cases, catalogue
from app.station import Station
from printing import guide as printed_guide
from printing import render_for
from printing.guide import LABELS as GUIDE_WORDS
from printing.layout import Paper
from tests.helpers import DIBAO, RESIDENCE_PROOF, request
from tests.uikit import close_window, open_window

BUSINESS = "540000-XZXK-0002"  # 个体工商户设立登记: 告知承诺 allowed, sample forms
PENSION = "540000-GGFW-0001"  # 城乡居民基本养老保险参保登记: none of the new elements
HAN = re.compile(r"[\u4e00-\u9fff]")
TIBETAN = re.compile(r"[\u0f00-\u0fff]")


def _sample() -> dict[str, Any]:
    return json.loads(catalogue.sample_catalogue_path().read_text("utf-8"))


def _item(doc: dict[str, Any], code: str) -> dict[str, Any]:
    return next(i for i in doc["items"] if i["code"] == code)


def _where(doc: dict[str, Any], code: str) -> str:
    return f"$.items[{next(n for n, i in enumerate(doc['items']) if i['code'] == code)}]"


def flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


def pdf_text(data: bytes) -> str:
    return flat(subprocess.run(["pdftotext", "-", "-"], input=data, capture_output=True, check=True).stdout.decode())


NEW_FIELDS = ("steps", "visits", "appointment", "supervision", "place", "hours", "sample_forms", "mistakes",
              "commitment", "entrusted")


# -- the schema ----------------------------------------------------------------------------------
def test_the_sample_fills_the_new_elements_and_a_catalogue_without_them_stays_valid() -> None:
    doc = _sample()
    assert catalogue.validate_document(doc) == []
    filled = [i["code"] for i in doc["items"] if all(k in i for k in ("steps", "visits", "hours", "supervision"))]
    assert len(filled) >= 4 and RESIDENCE_PROOF in filled and DIBAO in filled
    with_terms = [i for i in doc["items"] if "commitment" in i]
    assert {i["code"] for i in with_terms} >= {RESIDENCE_PROOF, BUSINESS}
    assert all(i["commitment_allowed"] for i in with_terms)
    old = copy.deepcopy(doc)
    for item in old["items"]:
        for key in NEW_FIELDS:
            item.pop(key, None)
    assert catalogue.validate_document(old) == []


def test_every_new_field_is_described_and_bounded_in_the_schema() -> None:
    schema = json.loads(catalogue.schema_path().read_text("utf-8"))
    props = schema["$defs"]["item"]["properties"]
    for key in NEW_FIELDS:
        assert key in props and key not in schema["$defs"]["item"]["required"], key
        text = json.dumps(props[key])
        assert "description" in props[key] or "$ref" in props[key], key
        assert "maxItems" in text or "maxLength" in text or "$ref" in text or "maximum" in text, key


def _refused(change: Any) -> list[dict[str, Any]]:
    doc = _sample()
    change(doc)
    return catalogue.validate_document(doc)


@pytest.mark.parametrize(("name", "change", "where", "problem"), [
    ("step too long", lambda d: _item(d, RESIDENCE_PROOF)["steps"][0].__setitem__("zh", "步" * 501),
     ".steps[0].zh", "too_long"),
    ("step with a control character", lambda d: _item(d, RESIDENCE_PROOF)["steps"][1].__setitem__("bo", "ཀ\u0007"),
     ".steps[1].bo", "control_character"),
    ("step with a line break", lambda d: _item(d, RESIDENCE_PROOF)["steps"][0].__setitem__("zh", "到村\n申请"),
     ".steps[0].zh", "control_character"),
    ("channel with a bidi override", lambda d: _item(d, DIBAO)["supervision"][0]["channel"].__setitem__(
        "zh", "热线\u202e"), ".supervision[0].channel.zh", "bidi_control"),
    ("contact too long", lambda d: _item(d, DIBAO)["supervision"][0].__setitem__("contact", "1" * 201),
     ".supervision[0].contact", "too_long"),
    ("hours with a lone surrogate", lambda d: _item(d, DIBAO)["hours"].__setitem__("zh", "周一\ud800"),
     ".hours.zh", "lone_surrogate"),
    ("mistake with C1", lambda d: _item(d, DIBAO)["mistakes"][0].__setitem__("zh", "漏报\u0085"),
     ".mistakes[0].zh", "control_character"),
    ("sample form note isolate", lambda d: _item(d, DIBAO)["sample_forms"][0]["note"].__setitem__("bo", "ཀ\u2066"),
     ".sample_forms[0].note.bo", "bidi_control"),
    ("commitment liability too long", lambda d: _item(d, RESIDENCE_PROOF)["commitment"]["liability"].__setitem__(
        "bo", "ཀ" * 12_001), ".commitment.liability.bo", "too_long"),
    ("commitment content with NUL", lambda d: _item(d, RESIDENCE_PROOF)["commitment"]["content"].__setitem__(
        "zh", "承诺\x00"), ".commitment.content.zh", "control_character"),
    ("too many visits", lambda d: _item(d, DIBAO).__setitem__("visits", 6), ".visits", "maximum"),
    ("too many steps", lambda d: _item(d, DIBAO).__setitem__("steps", [{"zh": "步骤"}] * 31), ".steps", "too_many"),
    ("a station code of 11 digits", lambda d: _item(d, DIBAO)["entrusted"][0].__setitem__("code", "54012710020"),
     ".entrusted[0].code", "pattern"),
    ("a station entrusted twice", lambda d: _item(d, DIBAO)["entrusted"].append(
        copy.deepcopy(_item(d, DIBAO)["entrusted"][0])), ".entrusted[3].code", "duplicate"),
    ("an unknown key in a step", lambda d: _item(d, DIBAO)["steps"][0].__setitem__("en", "apply"),
     ".steps[0]", "additionalProperties"),
    ("commitment terms on an item without 告知承诺", lambda d: _item(d, DIBAO).__setitem__(
        "commitment", copy.deepcopy(_item(d, RESIDENCE_PROOF)["commitment"])), ".commitment", "commitment_not_allowed"),
    ("commitment terms without the liability", lambda d: _item(d, RESIDENCE_PROOF)["commitment"].pop("liability"),
     ".commitment", "required"),
])
def test_the_new_fields_are_checked_like_every_text(name: str, change: Any, where: str, problem: str) -> None:
    problems = _refused(change)
    assert problems, name
    code = DIBAO if f"{_where(_sample(), DIBAO)}." in problems[0]["where"] + "." else RESIDENCE_PROOF
    assert problems[0]["where"] == _where(_sample(), code) + where, problems
    assert problems[0]["problem"] == problem, problems
    assert problems[0]["entry"] == code


def test_line_breaks_are_allowed_in_the_commitment_terms_only() -> None:
    def change(d: dict[str, Any]) -> None:
        _item(d, RESIDENCE_PROOF)["commitment"]["content"]["zh"] = "一、实际居住；\n二、用途真实。"
    assert _refused(change) == []


def test_the_largest_bound_is_still_the_one_the_shape_check_reads() -> None:
    assert catalogue._longest_text() == 12_000


# -- the guide model -----------------------------------------------------------------------------
def test_the_guide_model_carries_the_new_elements(station: Station) -> None:
    g = guide_for(station, "item", RESIDENCE_PROOF).items[0]
    assert g.steps[0].zh.startswith("到村（居）便民服务站提出申请")
    assert all(s.bo and TIBETAN.search(s.bo) for s in g.steps)
    assert g.visits == 1 and g.appointment is False
    assert "9:30—13:00" in g.hours.zh and "15:30—18:00" in g.hours.zh and g.hours.bo
    assert g.place.zh == "村（居）便民服务站综合受理窗口"
    assert g.supervision[0].contact == "12345"
    assert g.sample_forms and g.mistakes
    assert g.commitment is not None and g.commitment.check_days == 20
    assert "实际居住" in g.commitment.content.zh and "信用" in g.commitment.liability.zh
    assert "入户走访" in g.commitment.check.zh
    dibao = guide_for(station, "item", DIBAO).items[0]
    assert [e.code for e in dibao.entrusted] == ["540127100201", "540127100202", "540127100203"]
    assert dibao.appointment is True and "上门" in dibao.appointment_how.zh and dibao.commitment is None
    fields = [e.field for e in elements(dibao)]
    assert fields == [GuideElement.steps, GuideElement.visits, GuideElement.appointment, GuideElement.hours,
                      GuideElement.entrusted, GuideElement.sample_forms, GuideElement.mistakes,
                      GuideElement.supervision]


def test_every_guide_names_the_12345_hotline_once(station: Station) -> None:
    plain = guide_for(station, "item", PENSION).items[0]
    assert not plain.steps and plain.visits is None and plain.commitment is None
    [only] = elements(plain)
    assert only.field is GuideElement.supervision and only.lines == ((HOTLINE.channel, "12345"),)
    dibao = elements(guide_for(station, "item", DIBAO).items[0])[-1]
    assert [line[1] for line in dibao.lines].count("12345") == 1


def test_terms_on_an_item_without_commitment_are_not_shown() -> None:
    doc = _sample()
    raw = copy.deepcopy(_item(doc, RESIDENCE_PROOF))
    raw["commitment_allowed"] = False  # a body as stored cannot have it, but the guide does not trust that
    assert item_guide(ServiceItem.from_json(raw, doc["version"])).commitment is None


# -- the printed guide ---------------------------------------------------------------------------
def test_the_printed_guide_states_the_new_elements_in_chinese_and_tibetan(station: Station) -> None:
    guide = guide_for(station, "item", RESIDENCE_PROOF)
    zh = pdf_text(printed_guide.render(guide, Paper.a4, "zh"))
    for words in ("办理流程", "1.到村（居）便民服务站提出申请", "4.村（居）民委员会当场出具居住证明", "到现场次数",
                  "1次", "预约办理", "无需预约", "办理时间", "周一至周五9:30—13:00，15:30—18:00",
                  "村（居）便民服务站综合受理窗口", "承诺内容", "违诺责任", "核查方式", "批准后20个工作日内核查",
                  "样表", "居住情况告知承诺书（样表）", "常见错误", "监督投诉",
                  "12345政务服务便民热线12345", "0891-6812399"):
        assert words in zh, words
    bo = pdf_text(printed_guide.render(guide, Paper.a5, "bo"))
    for zh_word, bo_word in [GUIDE_WORDS[k] for k in ("steps", "visits", "hours", "commitment_content",
                                                       "commitment_liability", "commitment_check", "supervision")]:
        assert flat(bo_word) in bo and zh_word in bo, bo_word
    terms = guide.items[0].commitment
    assert terms is not None and flat(terms.content.bo or "") in bo
    assert flat(guide.items[0].steps[0].bo or "") in bo
    dibao = pdf_text(printed_guide.render(guide_for(station, "item", DIBAO), Paper.a4, "zh"))
    assert "委托受理站点" in dibao and "工卡镇塔巴村便民服务站540127100201" in dibao
    assert "可以预约" in dibao and "上门服务" in dibao


def test_the_guide_words_are_bilingual() -> None:
    for key, (zh, bo) in GUIDE_WORDS.items():
        assert zh.strip() and bo.strip() and not HAN.search(re.sub(r"\{[^}]*\}", "", bo)), key
        assert re.findall(r"\{\w+\}", zh) == re.findall(r"\{\w+\}", bo), key
    words = {w.key for e in elements(item_guide(ServiceItem.from_json(_item(_sample(), BUSINESS), "x")))
             for line in e.lines for w in line if isinstance(w, Word)}
    assert words and all(f"w_{k}" in GUIDE_WORDS for k in words | {"visits", "no_visit", "appointment",
                                                                    "no_appointment", "check_days"})


# -- the commitment letter -----------------------------------------------------------------------
@pytest.mark.parametrize("lang", ["zh", "bo"])
def test_the_commitment_letter_prints_the_catalogues_terms(station: Station, lang: str) -> None:
    case_no = cases.submit(station, request(station, Decision.commitment, items=[RESIDENCE_PROOF],
                                            commitment_text="本人另承诺按时回复核查电话")).case_no
    text = pdf_text(render_for(station, "commitment", case_no, paper="a4", lang=lang)[0])
    terms = catalogue.get_item(station, RESIDENCE_PROOF).body["commitment"]
    for key in ("content", "liability", "check"):
        assert flat(terms[key]["zh"]) in text, key
        if lang == "bo":
            assert flat(terms[key]["bo"]) in text, key
    assert "承诺内容" in text and "违诺责任" in text and "核查方式和时限" in text and "批准后20个工作日内核查" in text
    assert "申请人补充承诺" in text and "本人另承诺按时回复核查电话" in text
    if lang == "bo":
        assert "ཁས་ལེན་གྱི་ནང་དོན" in text and "ཞུ་སྐུལ་བའི་ཁས་ལེན་ཁ་སྣོན" in text and "ལས་ཉིན་20ནང" in text


def test_without_terms_or_typed_text_the_letter_is_as_before(station: Station) -> None:
    case_no = cases.submit(station, request(station, Decision.commitment, items=[RESIDENCE_PROOF],
                                            commitment_text="")).case_no
    text = pdf_text(render_for(station, "commitment", case_no, paper="a4", lang="zh")[0])
    assert "承诺内容" in text and "申请人补充承诺" not in text


# -- the window ----------------------------------------------------------------------------------
def test_the_windows_guides_show_the_new_elements(qtbot: Any, station: Station) -> None:
    from ui.intake.guide_view import GuideView

    item = catalogue.get_item(station, DIBAO)
    window = open_window(qtbot, station)
    try:
        window.go("guide")
        page = window.pages["guide"]
        page.open_guide("item", RESIDENCE_PROOF)
        qtbot.waitUntil(lambda: page.guide is not None and page.guide.code == RESIDENCE_PROOF, timeout=10_000)
        text = flat(page.text.toPlainText())
        for words in ("办理流程：", "1.到村（居）便民服务站提出申请", "到现场次数：1次", "预约办理：无需预约",
                      "办理时间：周一至周五", "受理地点：工卡镇便民服务中心", "村（居）便民服务站综合受理窗口",
                      "承诺内容：本人承诺在本村", "违诺责任：", "核查方式：", "批准后20个工作日内核查", "样表：",
                      "常见错误：", "监督投诉：", "12345政务服务便民热线", "0891-6812399"):
            assert words in text, words
        assert flat(page.guide.items[0].steps[0].bo or "") in text  # the Tibetan of the catalogue, shown
        page.tibetan.click()  # 显示藏文 off: the Chinese alone
        assert flat(page.guide.items[0].steps[0].bo or "") not in flat(page.text.toPlainText())
    finally:
        close_window(window)
    view = GuideView()
    qtbot.addWidget(view)
    view.setHtml(view._item_facts(item))
    shown = flat(view.toPlainText())
    assert "委托受理站点" in shown and "工卡镇塔巴村便民服务站" in shown and "540127100201" in shown
    assert "办理流程" in shown and "监督投诉" in shown
