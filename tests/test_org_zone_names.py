"""A development zone named after a prefecture-level city, and one zone under several names in one
article (with its province, its city, or neither): invented templates varying cities, zone names
and order."""
import itertools

import pytest

from lishui_analysis import config
from lishui_analysis.extract.organizations import extract_org_mentions

# prefecture-level cities of two, three and four characters
CITIES = ["长春", "宝鸡", "哈尔滨", "齐齐哈尔", "牡丹江", "石家庄"]
STEMS = ["北湖科技", "松花湾", "滨河智造"]


def names(text):
    return {m.name for m in extract_org_mentions(text)}


@pytest.mark.parametrize("city, stem", list(itertools.product(CITIES, STEMS)))
def test_a_prefecture_city_opens_a_zone_whatever_follows(city, stem):
    zone = f"{city}{stem}开发区"
    assert zone in names(f"11月25日，某某理工大学与{zone}签约，共建研究院。")


@pytest.mark.parametrize("city", CITIES)
def test_a_new_area_of_a_city_and_its_bureau(city):
    found = names(f"项目在{city}新区开工。{city}新区招商服务局为项目组建了专班。")
    assert {f"{city}新区", f"{city}新区招商服务局"} <= found


@pytest.mark.parametrize("city, own", [("宜宾", "三江"), ("绍兴", "滨海"), ("哈尔滨", "松北")])
@pytest.mark.parametrize("order", ["city_first", "own_first"])
def test_a_zone_with_and_without_its_city_is_one_zone(city, own, order):
    full, bare = f"{city}{own}新区", f"{own}新区"
    first, second = (full, bare) if order == "city_first" else (bare, full)
    found = names(f"{first}今年签约项目46个。去年，{second}完成地区生产总值410亿元。")
    assert full in found and bare not in found
    with config.steps_off("organizations.zone_city"):
        assert bare in names(f"{first}今年签约项目46个。去年，{second}完成地区生产总值410亿元。")


@pytest.mark.parametrize("province, city, own", [("福建", "厦门", "海沧台商投资区"), ("浙江省", "湖州", "莫干山高新区"),
                                                 ("四川", "宜宾", "三江新区")])
def test_a_zone_named_with_and_without_its_province_is_named_without(province, city, own):
    """Of two formal names of one zone, one with the province before it, the article's name is the
    one without: the province only locates it."""
    text = f"项目位于{province}{city}{own}。{city}{own}被称为最早的园区之一。"
    found = names(text)
    assert f"{city}{own}" in found and f"{province}{city}{own}" not in found
