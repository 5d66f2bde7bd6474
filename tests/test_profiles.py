"""Report 05's project profiles: one anchored section per project or company, every input text escaped,
and the link the other reports' ``profile`` cells make. Invented texts."""
from __future__ import annotations

import re

import pytest

from lishui_analysis.analysis.profiles import PAGE, profile_html, profile_link, profiled
from lishui_analysis.tables.corpus import build, load_tables


@pytest.fixture(scope="module")
def tables(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("profiles")
    raw = tmp / "raw"
    raw.mkdir()
    (raw / "a.txt").write_text(
        "云岭智能装备项目开工\n\n本报讯 浙江云岭智能科技有限公司年产5万台智能装备项目总投资12亿元，用地80亩，"
        "于今年3月开工，历时6个月于9月封顶。\n\n<b>翠峰</b>新材料项目签约\n\n本报讯 <b>翠峰</b>新材料产业园项目"
        "总投资8亿元，今年5月签约落户经开区。\n", encoding="utf-8")
    (raw / "sources.csv").write_text("file,pub_date,publication,url\na.txt,2031-10-02,甲报,\n", encoding="utf-8")
    build(raw, tmp / "out")
    return load_tables(tmp / "out", raw)


def test_each_project_gets_one_anchored_section_with_its_figures_and_milestones(tables):
    listed = profiled(tables)
    assert len(listed) >= 2 and (listed["n_figures"] + listed["n_milestones"] > 0).all()
    page = profile_html(tables)
    ids = re.findall(r'<section class="ls-entity" id="(E[0-9a-f]{10})">', page)
    assert sorted(ids) == sorted(listed["entity_id"]) and len(set(ids)) == len(ids)
    plant = listed[listed["name"].str.contains("智能装备项目")]["entity_id"].iloc[0]
    section = page[page.index(f'id="{plant}"'):].split("</section>")[0]
    assert "12亿元" in section and "80亩" in section and "topped_out" in section and ">180<" in section
    assert "甲报" in section  # the source of each row


def test_input_text_is_escaped_never_markup(tables):
    page = profile_html(tables)
    assert "<b>翠峰</b>" not in page and "&lt;b&gt;翠峰&lt;/b&gt;" in page


def test_one_entity_and_the_link_pattern(tables):
    eid = profiled(tables)["entity_id"].iloc[0]
    assert profile_html(tables, [eid]).count("<section") == 1
    assert profile_link(eid) == f"{PAGE}#{eid}"
    assert profile_link("javascript:alert(1)") == "" and profile_link("") == ""
