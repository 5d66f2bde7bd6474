"""The company a project is built by (holders.builders): 项目由X投资建设 and X投资建设的…项目 make X the
project's organization, hence its parent company in the entities table. Invented names; the step switched
off, the link is gone; a contractor (承建) is never the owner."""
from __future__ import annotations

import pytest

from lishui_analysis import config
from lishui_analysis.extract.organizations import extract_org_mentions
from lishui_analysis.extract.subjects import find_holders
from lishui_analysis.tables.corpus import build, load_tables

FORMS = [
    "{project}由{company}投资建设，总投资{x}亿元。",
    "{project}由{company}牵头投资建设，总投资{x}亿元。",
    "{company}投资建设的{project}总投资{x}亿元。",
    "{company}投建的{project}总投资{x}亿元。",
    "{company}在澜岳经济开发区投资建设的{project}总投资{x}亿元。",       # where it builds, between
    "{company}（简称“岭拓”）于青溪高新区建设的{project}总投资{x}亿元。",  # and its short name's note
]
NAMES = [("星河精密轴承项目", "浙江云岭精工有限公司"), ("翠峰新材料产业园项目", "岚舟新材料科技股份有限公司")]


def _project_org(text):
    hs = find_holders(text, extract_org_mentions(text))
    return {h.name: (h.org.name if h.org else "") for h in hs.items if h.kind == "project"}


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize("project, company", NAMES)
def test_the_owner_named_with_the_project_is_its_organization(form, project, company):
    text = form.format(project=project, company=company, x="12.5")
    assert _project_org(text).get(project) == company


@pytest.mark.parametrize("project, company", NAMES)
def test_a_site_phrase_too_long_or_broken_ties_no_owner(project, company):
    for text in (f"{company}在澜岳，经济开发区建设的{project}开工。",  # a clause break inside
                 f"{company}在澜岳经济开发区和青溪高新区以及翠峰产业园等多个园区持续建设的{project}开工。"):  # too long a phrase
        with config.steps_off("holders.sole_owner"):  # (the builders form alone)
            assert _project_org(text).get(project, "") == ""


@pytest.mark.parametrize("project, company", NAMES)
def test_a_contractor_is_no_owner(project, company):
    text = f"{project}由{company}承建，总投资8亿元。"
    assert _project_org(text).get(project, "") == ""


@pytest.mark.parametrize("project, company", NAMES)
def test_the_owner_becomes_the_parent_and_off_it_does_not(tmp_path, monkeypatch, project, company):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "a.txt").write_text(f"项目开工\n\n本报讯 {project}由{company}投资建设，总投资9亿元，今年3月开工。\n",
                               encoding="utf-8")
    build(raw, tmp_path / "on")
    e = load_tables(tmp_path / "on", raw)["entities"]
    parent = e.loc[e["name"] == project, "parent_id"].iloc[0]
    assert parent and e.loc[e["entity_id"] == parent, "name"].iloc[0] == company
    monkeypatch.setattr(config, "STEPS_OFF", frozenset({"holders.builders", "holders.sole_owner"}))
    build(raw, tmp_path / "off", use_cache=False)
    e = load_tables(tmp_path / "off", raw)["entities"]
    assert e.loc[e["name"] == project, "parent_id"].iloc[0] == ""


# ---- holders.sole_owner: the one company an article names owns its projects with no owner told ------

@pytest.mark.parametrize("project, company", NAMES)
def test_the_sole_company_of_an_article_owns_its_projects(project, company):
    text = f"记者走进{company}的车间。{project}今年3月开工，总投资8亿元。"
    assert _project_org(text).get(project) == company


@pytest.mark.parametrize("project, company", NAMES)
def test_a_bank_does_not_count_as_a_second_company(project, company):
    text = f"记者走进{company}的车间。{project}今年3月开工，星河银行云岭支行为项目授信5亿元。"
    assert _project_org(text).get(project) == company


@pytest.mark.parametrize("project, company", NAMES)
def test_two_companies_leave_a_project_without_an_owner(project, company):
    text = f"记者走进{company}的车间，青溪重工股份有限公司也来参观。{project}今年3月开工。"
    assert _project_org(text).get(project, "") == ""
    with config.steps_off("holders.sole_owner"):
        assert _project_org(f"记者走进{company}的车间。{project}今年3月开工。").get(project, "") == ""


PUBLIC_WORKS = ["星河机场", "云岭至青溪铁路", "澜岳至翠峰公路改建工程", "青溪国道翠峰段改建工程", "岚舟大桥", "青溪水利枢纽工程"]


@pytest.mark.parametrize("work", PUBLIC_WORKS)
@pytest.mark.parametrize("project, company", NAMES)
def test_a_public_work_is_no_company_s_by_nearness(work, project, company):
    """An airport, railway, road, bridge or reservoir is the state's: the sole company of an article or of the
    work's paragraph does not own it (its own plant still does); an owner the text states still does."""
    sole = f"记者走进{company}的车间。{project}今年3月开工。18日，{work}正式建成。"
    para = f"青溪重工股份有限公司今年营收增长。\n记者走进{company}的车间。{work}今年3月开工。\n"
    for text in (sole, para):
        assert _project_org(text).get(work, "") == ""
    assert _project_org(sole).get(project) == company
    assert _project_org(f"{work}由{company}投资建设，总投资8亿元。").get(work) == company


# ---- holders.paragraph_owner: several companies, one in the project's paragraph --------------------

@pytest.mark.parametrize("project, company", NAMES)
def test_the_one_company_of_a_projects_paragraph_owns_it(project, company):
    text = f"青溪重工股份有限公司今年营收增长。\n记者走进{company}的车间。{project}今年3月开工。\n"
    assert _project_org(text).get(project) == company
    with config.steps_off("holders.paragraph_owner"):
        assert _project_org(text).get(project, "") == ""


@pytest.mark.parametrize("project, company", NAMES)
def test_a_paragraph_of_two_companies_or_a_contractor_owns_nothing(project, company):
    two = f"青溪重工股份有限公司今年营收增长。\n{company}与翠峰电子有限公司合作，{project}今年3月开工。\n"
    builder = f"青溪重工股份有限公司今年营收增长。\n{project}由{company}承建，今年3月开工。\n"
    assert _project_org(two).get(project, "") == "" and _project_org(builder).get(project, "") == ""


@pytest.mark.parametrize("project, company", NAMES)
def test_a_project_named_before_the_sole_company_in_another_paragraph_is_not_its(project, company):
    text = f"今年全区推进{project}等重点项目建设。\n记者走进{company}的车间，企业今年营收增长。\n"
    assert _project_org(text).get(project, "") == ""


def test_a_project_bearing_the_sole_companys_trade_name_is_its_wherever_named():
    text = "今年全区推进岭拓智能柔性膜项目等重点项目建设。\n记者走进浙江岭拓光电有限公司的车间。\n"
    assert _project_org(text).get("岭拓智能柔性膜项目") == "浙江岭拓光电有限公司"


DESCRIBED = ["年产30万套光学模组项目", "卫生用品智能制造基地", "年产8万吨改性塑料生产线"]
OTHER = "瓯江星光激光技术股份有限公司"  # (a second company in the paragraph: no sole owner)


@pytest.mark.parametrize("project", DESCRIBED)
@pytest.mark.parametrize("company", ["湖北岚汉光电科技有限公司", "福建星安集团有限公司"])
def test_a_company_and_de_before_a_project_own_it(project, company):
    text = f"{OTHER}、{company}（简称“岚星”）等9家企业已签约入驻，其中岚星的{project}上月已开始设备安装。"
    assert _project_org(text)[project] == company


@pytest.mark.parametrize("project", DESCRIBED)
@pytest.mark.parametrize("lead, build", [("7月12日，", "，投资20亿元建设"), ("", "，新增投资2.5亿美元，建设"), ("", "，新建")])
def test_the_company_opening_the_sentence_builds_the_project_after_a_build_verb(project, lead, build):
    company = "福建星安集团有限公司"
    text = f"{lead}{company}与云岭经济开发区管理委员会签约{build}{project}，用地260亩。{OTHER}也在园区设立研发中心。"
    assert _project_org(text)[project] == company
    with config.steps_off("holders.subject_owner"):
        assert _project_org(text)[project] == ""


@pytest.mark.parametrize("project", DESCRIBED)
def test_a_company_later_in_the_sentence_or_no_build_verb_owns_nothing(project):
    text = f"云岭经开区与福建星安集团有限公司签约，投资20亿元建设{project}。{OTHER}也在园区设立研发中心。"
    assert _project_org(text).get(project, "") == ""  # (the zone opens the sentence: no company is its subject)
    text = f"福建星安集团有限公司与云岭经开区签约。{project}用地260亩，{OTHER}参与。"
    assert _project_org(text)[project] == ""
