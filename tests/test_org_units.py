"""A university's or academy's school, institute or laboratory named after it is one organization
(invented names)."""
from __future__ import annotations

import pytest

from lishui_analysis.extract.organizations import extract_org_mentions


def names(text: str) -> list[str]:
    return [m.name for m in extract_org_mentions(text)]


@pytest.mark.parametrize("body", ["云溪理工大学", "星河农林大学", "中国科学院"])
@pytest.mark.parametrize("unit", ["材料科学与工程学院", "化学化工学院", "海洋生物研究所", "机械与能源工程学院",
                                  "先进制造重点实验室", "上海微纳系统与信息技术研究所"])
@pytest.mark.parametrize("lead,tail", [("项目与", "开展合作。"), ("", "提供技术支持。"), ("此外，", "、星河研究院参与研发。")])
def test_a_school_or_institute_after_its_university_is_one_name(body, unit, lead, tail):
    assert names(f"{lead}{body}{unit}{tail}")[0] == body + unit


@pytest.mark.parametrize("text,first", [
    ("云溪理工大学与星河市共建研究院。", "云溪理工大学"),            # a conjunction opening the run: two bodies
    ("云溪理工大学和企业联合成立研究院。", "云溪理工大学"),
    ("云溪理工大学牵头组建实验室。", "云溪理工大学"),                # a verb in the run
])
def test_a_verb_or_a_second_party_after_the_university_makes_no_unit(text, first):
    assert names(text)[0] == first
