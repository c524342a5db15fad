"""Documents read back as a person and a machine would: text, fonts, QR code, coverage."""

from __future__ import annotations

import shutil
import subprocess
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from app.errors import MissingGlyphs
from app.journal import EventType
from app.models import Decision, Refusal
from app.services import cases
from app.station import Station
from printing import print_document, render_for
from printing.fonts import missing
from tests.helpers import applicant, deferred, request
from tests.helpers import missing as missing_material

TOOLS = ("pdftotext", "pdffonts", "pdftoppm", "zbarimg")
if not all(shutil.which(t) for t in TOOLS):  # pragma: no cover - .ci/run installs them
    raise RuntimeError(f"the printing tests need {TOOLS} (Debian: poppler-utils zbar-tools)")


def _text(pdf: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout


def _fonts(pdf: Path) -> list[list[str]]:
    out = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
    return [line.split() for line in out.splitlines()[2:] if line.strip()]


def _qr(pdf: Path, tmp: Path) -> list[str]:
    subprocess.run(["pdftoppm", "-r", "200", "-png", "-f", "1", "-l", "1", str(pdf), str(tmp / "page")], check=True)
    page = next(tmp.glob("page*.png"))
    out = subprocess.run(["zbarimg", "--raw", "-q", "-Sdisable", "-Sqrcode.enable", str(page)], capture_output=True,
                         text=True)
    return out.stdout.split()


@pytest.fixture
def tibetan_case(station: Station) -> str:
    person = applicant(name="扎西卓玛", name_bo="བཀྲ་ཤིས་སྒྲོལ་མ", seq=51)
    req = request(station, Decision.deferred_material, applicant=person,
                  except_={"M-INCOME-STATEMENT": deferred(date(2026, 11, 25))})
    return cases.submit(station, req).case_no


@pytest.mark.parametrize("paper", ["a4", "a5", "80mm"])
@pytest.mark.parametrize("lang", ["zh", "bo"])
def test_receipt_reads_back(station: Station, tibetan_case: str, tmp_path: Path, paper: str, lang: str) -> None:
    pdf = tmp_path / "receipt.pdf"
    print_document(station, "receipt", tibetan_case, paper=paper, lang=lang, out=pdf)
    text = _text(pdf)
    case = cases.get_case(station, tibetan_case)
    assert case.case_no in text and case.verification_code in text
    assert "受理凭证" in text and "扎西卓玛" in text
    assert case.applicant.id_number not in text  # masked
    assert case.applicant.id_number[:4] + "**********" + case.applicant.id_number[-4:] in text
    assert "本人银行卡或存折" in text or "银行" in text  # the deferred material and its due date
    assert "2026年11月25日" in text
    if lang == "bo":
        assert "ཁས་ལེན་ལག་ཁྱེར།" in text  # the Tibetan title
        assert "བཀྲ་ཤིས་སྒྲོལ་མ" in text  # the applicant's Tibetan name, as entered
    fonts = _fonts(pdf)
    assert fonts, "no fonts"
    for row in fonts:
        name, emb, sub = row[0], row[-5], row[-4]
        assert emb == "yes" and sub == "yes" and "+" in name, row
    assert _qr(pdf, tmp_path) == [case.case_no]
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
    if paper in ("a4", "a5") and lang == "zh":
        assert "Pages:           1" in info or "Pages:          1" in info, info  # a receipt is one sheet
    if paper == "80mm":
        width = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
        assert "226.77" in width  # 80 mm wide, as long as the content


def test_every_document_kind_renders(station: Station, tmp_path: Path) -> None:
    refused = cases.submit(station, request(station, Decision.refuse, refusal=Refusal(
        reason="申请人不属于本辖区户籍", review_authority="墨竹工卡县人民政府", court="墨竹工卡县人民法院")))
    correction = cases.submit(station, request(station, Decision.correction_notice,
                                               except_={"M-FAMILY-CHECK-AUTH": missing_material()},
                                               correction_due=date(2026, 11, 27)))
    expectations = {
        ("refusal", refused.case_no): ["不予受理通知书", "申请人不属于本辖区户籍", "行政复议", "墨竹工卡县人民法院"],
        ("correction", correction.case_no): ["一次性告知书", "2026年11月27日"],
    }
    for (kind, case_no), needles in expectations.items():
        for paper in ("a4", "a5", "80mm"):
            pdf = tmp_path / f"{kind}-{paper}.pdf"
            print_document(station, kind, case_no, paper=paper, lang="zh", out=pdf)
            text = _text(pdf)
            for needle in needles:
                assert needle in text, (kind, paper, needle)
    other = cases.submit(station, request(station)).case_no
    for kind in ("deferral", "commitment", "authorisation", "collection"):
        data, _ = render_for(station, kind, other, paper="a5", lang="bo")
        assert data.startswith(b"%PDF")


def test_reprints_are_marked_and_journaled(station: Station, tibetan_case: str, tmp_path: Path) -> None:
    first, second = tmp_path / "1.pdf", tmp_path / "2.pdf"
    assert print_document(station, "receipt", tibetan_case, paper="a4", lang="zh", out=first) == 0
    assert print_document(station, "receipt", tibetan_case, paper="a4", lang="zh", out=second) == 1
    assert "副本" not in _text(first)
    assert "副本" in _text(second) and "第 2 次打印" in _text(second)
    types = [e.type for e in cases.case_journal(station, tibetan_case)]
    assert types.count(EventType.printed) == 1 and types.count(EventType.reprinted) == 1


def test_rare_characters_render_and_unknown_ones_are_reported(station: Station, tmp_path: Path) -> None:
    assert missing("扎西䶮𠮷 བཀྲ་ཤིས ABC 123") == []
    assert missing("雪☃") == ["☃"]
    rare = cases.submit(station, request(station, applicant=applicant(name="刘䶮𠮷", seq=61))).case_no
    pdf = tmp_path / "rare.pdf"
    print_document(station, "receipt", rare, paper="a4", lang="zh", out=pdf)
    assert "刘䶮𠮷" in _text(pdf)
    assert any("BianminRareHan" in row[0] for row in _fonts(pdf))
    odd = cases.submit(station, request(station, applicant=applicant(name="雪☃人", seq=62))).case_no
    with pytest.raises(MissingGlyphs) as info:
        render_for(station, "receipt", odd, paper="a4", lang="zh")
    assert info.value.details["chars"] == ["U+2603"]
    assert cases.print_count(station, odd, "receipt") == 0  # nothing journaled for a failed print


def test_commitment_letter_states_conditions_commitment_and_liability(station: Station, tmp_path: Path) -> None:
    from app.services import catalogue
    from tests.helpers import RESIDENCE_PROOF

    case_no = cases.submit(station, request(station, Decision.commitment, items=[RESIDENCE_PROOF],
                                            commitment_text="本人承诺在本村居住满一年")).case_no
    pdf = tmp_path / "c.pdf"
    print_document(station, "commitment", case_no, paper="a4", lang="zh", out=pdf)
    text = _text(pdf).replace("\n", "").replace(" ", "")
    conditions = catalogue.get_item(station, RESIDENCE_PROOF).body["conditions"]["zh"]
    assert conditions[:12] in text
    assert "本人承诺在本村居住满一年" in text and "法律责任" in text


def test_long_tibetan_runs_get_break_points_at_syllable_ends() -> None:
    """A Tibetan run longer than a line was cut inside a syllable by ReportLab (the shaped stacks came
    apart into empty boxes on paper): it gets a space after every few syllables to wrap at instead."""
    from printing.layout import RUN, TSHEG, tibetan_break_points

    short = "ཁས་ལེན་བདེན་མིན་ན།"
    assert tibetan_break_points(short) == short  # a short run, and Chinese, as written
    assert tibetan_break_points("承诺不实的，撤销") == "承诺不实的，撤销"
    long_run = TSHEG.join(["ཁས", "ལེན", "བདེན", "མིན", "ཚེ", "སྲིད", "འཛིན", "ལས", "ཁུངས", "ཀྱིས", "ཁྲིམས", "ལྟར",
                           "འབྲེལ", "ཡོད"]) + "།"
    broken = tibetan_break_points(f"{long_run} {short}")
    assert broken.replace(" ", "") == f"{long_run}{short}"  # only spaces added
    pieces = broken.split(" ")
    assert all(p.endswith(TSHEG) or p.endswith("།") for p in pieces)  # each piece ends a syllable
    assert all(p.count(TSHEG) <= RUN for p in pieces)


def test_no_tibetan_word_is_cut_inside_a_syllable(station: Station, monkeypatch: pytest.MonkeyPatch) -> None:
    """The monthly sheet's column heads (narrow cells) wrapped 'བསྡུ་ལེན་གྲངས' inside 'གྲངས' and
    printed boxes for its stacks: ReportLab cuts a word too wide for its line between two letters.
    No Tibetan word of any document, on any paper, or of the monthly sheet is cut so: each wraps at
    a syllable's end (a break point after a tsheg)."""
    from reportlab.platypus import paragraph

    from app.reports import Period
    from bianmin.demo import cases as demo
    from bianmin.samples import make_cases
    from printing import render_monthly
    from printing.layout import Paper

    cut: list[str] = []

    def tibetan(text: str) -> bool:  # Tibetan letters, or glyphs HarfBuzz shaped of them
        return any("\u0f00" <= ch <= "\u0fff" or "\ue000" <= ch <= "\uf8ff" for ch in text)

    split_frag, split_word = paragraph._splitFragWord, paragraph._splitWord

    def frag_word(w: list[Any], *args: Any) -> Any:
        text = "".join(str(part[1]) for part in w[1:])
        if tibetan(text):
            cut.append(text)
        return split_frag(w, *args)

    def word(w: str, *args: Any, **kw: Any) -> Any:
        if tibetan(w):
            cut.append(w)
        return split_word(w, *args, **kw)

    monkeypatch.setattr(paragraph, "_splitFragWord", frag_word)
    monkeypatch.setattr(paragraph, "_splitWord", word)
    for kind, case_no in make_cases(station).items():
        for paper in Paper:
            render_for(station, kind.value, case_no, paper=paper.value, lang="bo")
    demo.generate(station, 60, seed=3, days_back=40)
    today = station.today()
    render_monthly(station, Period.month(today.year, today.month), "bo")
    assert not cut, (len(cut), cut[:10])
