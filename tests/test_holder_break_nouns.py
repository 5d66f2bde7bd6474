"""A noun opening with a one-character left break (正极, cathode) keeps a project's name whole
(``break_nouns`` of subjects.yaml): 年产5万吨磷酸铁锂正极材料项目, never 极材料项目. Invented templates
varying the company, the capacity and the material; the adverb 正 still breaks (…项目正式投产)."""
import pytest

from lishui_analysis.extract.holders import find_holders
from lishui_analysis.extract.organizations import extract_org_mentions


def names(text):
    return [h.name for h in find_holders(text, extract_org_mentions(text)).items if h.kind == "project"]


@pytest.mark.parametrize("company", ["云岭锂能科技有限公司", "星河新能源材料股份有限公司"])
@pytest.mark.parametrize("product", ["年产5万吨磷酸铁锂正极材料项目", "年产12万吨三元正极材料项目二期", "8万吨锂电正极材料项目"])
def test_a_cathode_material_project_keeps_its_name(company, product):
    text = f"{company}{product}已于上月18日投产。"
    got = names(text)
    assert got and got[0].endswith(product)


@pytest.mark.parametrize("project", ["云岭新材料项目", "星河智能装备产业园"])
def test_the_adverb_still_breaks(project):
    assert names(f"记者获悉，{project}正式开工。") == [project]
