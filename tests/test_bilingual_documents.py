"""A bilingual document says the same in both languages (issue 16, point 7): every pair of the
printed words and sentences has both halves, the same placeholders and the same numbers, and no
Tibetan half is Chinese copied over; the Tibetan notes say what the Chinese ones say."""

from __future__ import annotations

import re
import string

import pytest

from printing import guide, monthly
from printing.labels import LABELS, SENTENCES

HAN = re.compile(r"[\u4e00-\u9fff\u3000-\u303f\uff00-\uffef]")  # Han, and Chinese punctuation
NUMBER = re.compile(r"\d+")


def _placeholders(text: str) -> list[str]:
    return sorted(name for _lit, name, _spec, _conv in string.Formatter().parse(text) if name is not None)


def _numbers(text: str) -> list[str]:
    return sorted(NUMBER.findall(re.sub(r"\{[^}]*\}", "", text)))


PAIRS = [("sentence", k, zh, bo) for k, (zh, bo) in SENTENCES.items()] + \
        [("label", k, zh, bo) for k, (zh, bo) in LABELS.items()] + \
        [("guide", k, zh, bo) for k, (zh, bo) in guide.LABELS.items()] + \
        [("monthly", k, zh, bo) for k, (zh, bo) in monthly.LABELS.items()]


@pytest.mark.parametrize(("kind", "key", "zh", "bo"), PAIRS, ids=[f"{p[0]}:{p[1]}" for p in PAIRS])
def test_both_halves_are_filled_and_keep_the_placeholders_and_numbers(kind: str, key: str, zh: str, bo: str) -> None:
    assert zh.strip() and bo.strip(), key
    assert _placeholders(zh) == _placeholders(bo), key
    assert _numbers(zh) == _numbers(bo), key
    assert not HAN.search(re.sub(r"\{[^}]*\}", "", bo)), f"{key}: Chinese in the Tibetan half: {bo}"


def test_the_tibetan_notes_say_what_the_chinese_ones_say() -> None:
    """The points the Chinese makes and the old Tibetan left out (a spot check of meaning, by phrase)."""
    bo = {k: v[1] for k, v in SENTENCES.items()}
    assert "བསྐྱར་དུ་རྩིས" in bo["correction_note"]  # the time limit counts again from the day all is supplied
    assert "ཐེངས་གཅིག" in bo["correction_note"]  # 一次性告知: every material at once
    assert "འཚོལ་ཞིབ" in bo["receipt_note"] and "ཨང་རྟགས" in bo["receipt_note"]  # how to query the progress
    assert "སྟོན" in bo["receipt_note"]  # show the receipt when collecting
    assert "མེད་པར་བཟོ" in bo["deferral_note"] and "མེད་པར་བཟོ" in bo["deferral_pledge"]  # revoked when overdue
    assert "བདེན་མིན" in bo["deferral_pledge"]  # answers for the truth of the materials
    assert "ཡིད་རྟོན" in bo["commitment_note"] and "ཁྲིམས" in bo["commitment_note"]  # credit record, legal liability
    assert bo["refusal_remedies"].count("ལག་ཏུ་འབྱོར") == 2  # both periods run from the notice's receipt
    assert "ངོས་ལེན" in bo["authorisation_note"]  # the principal accepts what the agent does within the scope
