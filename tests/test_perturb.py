"""tools/perturb.py: every perturbation keeps the answer — the perturbed gold fits the perturbed text.

Invented texts only (names, figures and dates made up for these tests)."""
from __future__ import annotations

import copy
import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tools"))
import perturb  # noqa: E402

TEXT = """新园区项目传来好消息
缙云鸿钧精工科技年产8万台电机项目开工

记者 林小舟

2023年5月6日,缙云鸿钧精工科技有限公司年产8万台电机项目开工，总投资12.5亿元;项目用地86亩。
该项目计划于二〇二四年建成投产，“鸿钧”品牌将走向海外。全县今年已有1,200名工人到岗。
"""
GOLD = {
    "file": "x.txt", "pub_date": "2023-05-07", "publication": "某报",
    "articles": [{"headline": "缙云鸿钧精工科技年产8万台电机项目开工", "kicker": "新园区项目传来好消息",
                  "subheadline": None, "reporters": ["林小舟"], "correspondents": []}],
    "quantities": [
        {"article": 0, "surface": "8万台", "value": 80000, "unit": "piece", "kind": "capacity", "metric": "capacity",
         "subject": "缙云鸿钧精工科技年产8万台电机项目", "forecast": False, "subject_key": "鸿钧", "subject_type": "project"},
        {"article": 0, "surface": "12.5亿元", "value": 1250000000, "unit": "CNY", "kind": "money",
         "metric": "investment", "subject": "缙云鸿钧精工科技年产8万台电机项目", "forecast": False,
         "subject_key": "鸿钧", "subject_type": "project"},
        {"article": 0, "surface": "86亩", "value": 86, "unit": "mu", "kind": "land", "metric": "land",
         "subject": "缙云鸿钧精工科技年产8万台电机项目", "forecast": False, "subject_key": ["鸿钧", "缙云"],
         "subject_type": "project"},
    ],
    "organizations": [{"name": "缙云鸿钧精工科技有限公司", "aliases": ["鸿钧精工"], "type": "company"}],
    "events": [
        {"article": 0, "subject": "缙云鸿钧精工科技年产8万台电机项目", "type": "construction_started",
         "date": "2023-05-06", "surface": "年产8万台电机项目开工", "planned": False, "subject_key": "鸿钧",
         "subject_type": "project"},
        {"article": 0, "subject": "缙云鸿钧精工科技年产8万台电机项目", "type": "production_start", "date": "2024",
         "surface": "二〇二四年建成投产", "planned": True, "subject_key": "鸿钧", "subject_type": "project"},
    ],
}


@pytest.mark.parametrize("name", sorted(perturb.PERTURBATIONS))
def test_perturbed_gold_fits_perturbed_text(name):
    gold = copy.deepcopy(GOLD)
    text, new_gold, pub = perturb.PERTURBATIONS[name](TEXT, copy.deepcopy(gold), "2023-05-07", 17)
    assert gold == GOLD  # the input is not changed
    assert perturb.check(TEXT, GOLD, text, new_gold) == []
    again = perturb.PERTURBATIONS[name](TEXT, copy.deepcopy(gold), "2023-05-07", 17)
    assert again == (text, new_gold, pub)  # deterministic


def test_names_change_trade_names_only():
    text, gold, _ = perturb.perturb_names(TEXT, copy.deepcopy(GOLD), "", 17)
    assert "鸿钧" not in text and "鸿钧" not in json.dumps(gold, ensure_ascii=False)
    assert "缙云" in text and "科技有限公司" in text and "精工" not in text
    new = gold["organizations"][0]["name"]
    assert len(new) == len(GOLD["organizations"][0]["name"]) and new in text
    assert gold["quantities"][0]["subject_key"] in text


def test_places_swap_known_and_unknown_counties():
    for fn in (perturb.perturb_places, perturb.perturb_places_out):
        text, gold, _ = fn(TEXT, copy.deepcopy(GOLD), "", 17)
        assert "缙云" not in text
        new_place = gold["quantities"][2]["subject_key"][1]
        assert len(new_place) == 2 and new_place in text
        known = new_place in perturb.ZJ_PLACES
        assert known == (fn is perturb.perturb_places)


def test_numbers_times_three_in_text_surface_and_value():
    text, gold, _ = perturb.perturb_numbers(TEXT, copy.deepcopy(GOLD), "", 17)
    assert [q["surface"] for q in gold["quantities"]] == ["24万台", "37.5亿元", "258亩"]
    assert [q["value"] for q in gold["quantities"]] == [240000, 3750000000, 258]
    assert "1,200名" in text and "2023年5月6日" in text  # not gold figures: kept


def test_numbers_leave_a_range_end_alone():
    text = "项目用地30-86亩。"
    gold = {"file": "r.txt", "quantities": [{"surface": "86亩", "value": 86, "unit": "mu"}]}
    new_text, new_gold, _ = perturb.perturb_numbers(text, copy.deepcopy(gold), "", 17)
    assert new_text == text and new_gold == gold


def test_dates_shift_years_and_publication_date():
    text, gold, pub = perturb.perturb_dates(TEXT, copy.deepcopy(GOLD), "2023-05-07", 17)
    assert "2026年5月6日" in text and "二〇二七年" in text
    assert [e["date"] for e in gold["events"]] == ["2026-05-06", "2027"]
    assert pub == "2026-05-07" and gold["pub_date"] == "2026-05-07"
    assert "12.5亿元" in text and "1,200名" in text


def test_dates_leave_a_leap_day_document():
    text = "2024年2月29日开工。"
    assert perturb.perturb_dates(text, {"file": "l.txt"}, "2024-03-01", 17) == (text, {"file": "l.txt"}, "2024-03-01")


def test_layout_keeps_title_lines():
    for fn in (perturb.perturb_wrap, perturb.perturb_blank_add, perturb.perturb_blank_del):
        text, _, _ = fn(TEXT, GOLD, "", 17)
        lines = [ln for ln in text.split("\n")]
        assert lines[:2] == TEXT.split("\n")[:2]
    wrapped, _, _ = perturb.perturb_wrap(TEXT, GOLD, "", 17)
    assert max(len(ln) for ln in wrapped.split("\n")[2:]) <= 22


def test_byline_moves_to_the_end():
    text, _, _ = perturb.perturb_byline(TEXT, GOLD, "", 17)
    assert text.rstrip().endswith("记者 林小舟") and text.count("林小舟") == 1


def test_punct_keeps_thousands_separator():
    text, _, _ = perturb.perturb_punct(TEXT, GOLD, "", 17)
    assert "1,200名" in text and "开工,总投资" in text and "12.5亿元；项目" in text and "「鸿钧」" in text


FIRM = "2023年5月6日，浙江禾泓科技有限公司在丽水禾泓经济开发区签约，禾泓科技将建厂。"
FIRM_GOLD = {"file": "f.txt", "organizations": [
    {"name": "浙江禾泓科技有限公司", "aliases": ["禾泓科技"], "type": "company"},
    {"name": "丽水禾泓经济开发区", "aliases": [], "type": "development_zone"}]}


def test_org_paren_moves_the_place_before_the_legal_form():
    text, gold, _ = perturb.perturb_org_paren(FIRM, copy.deepcopy(FIRM_GOLD), "", 17)
    assert "禾泓科技（浙江）有限公司在" in text and gold["organizations"][0]["name"] == "禾泓科技（浙江）有限公司"
    assert gold["organizations"][1] == FIRM_GOLD["organizations"][1]
    assert perturb.check(FIRM, FIRM_GOLD, text, gold) == []


def test_places_level_writes_province_and_city_level():
    text, gold, _ = perturb.perturb_places_level(FIRM, copy.deepcopy(FIRM_GOLD), "", 17)
    assert gold["organizations"][1]["name"] == "浙江省丽水市禾泓经济开发区" and "在浙江省丽水市禾泓经济开发区签约" in text
    assert gold["organizations"][0] == FIRM_GOLD["organizations"][0]  # (浙江…: no city after the province)


def test_province_first_only_at_the_first_mention_in_the_body():
    text = "丽水禾泓经济开发区签约\n\n日前，丽水禾泓经济开发区签约3个项目。丽水禾泓经济开发区负责人表示满意。\n"
    gold = {"file": "p.txt", "articles": [{"headline": "丽水禾泓经济开发区签约"}],
            "organizations": [{"name": "丽水禾泓经济开发区", "aliases": ["禾泓经开区"], "type": "development_zone"}]}
    new_text, new_gold, _ = perturb.perturb_province_first(text, copy.deepcopy(gold), "", 17)
    assert new_text.split("\n")[0] == "丽水禾泓经济开发区签约"  # the title line kept
    assert new_text.count("浙江省丽水禾泓经济开发区") == 1 and "，浙江省丽水禾泓经济开发区签约" in new_text
    assert new_gold["organizations"][0] == {"name": "浙江省丽水禾泓经济开发区", "aliases": ["禾泓经开区", "丽水禾泓经济开发区"],
                                            "type": "development_zone"}


def test_alias_drops_the_quotation_marks_of_a_short_name_in_text_and_gold():
    text = "浙江禾泓茶业有限公司（以下简称“禾泓茶业”）落户。"
    gold = {"file": "a.txt", "events": [{"surface": "（以下简称“禾泓茶业”）落户"}]}
    new_text, new_gold, _ = perturb.perturb_alias(text, copy.deepcopy(gold), "", 17)
    assert new_text == "浙江禾泓茶业有限公司（以下简称禾泓茶业）落户。"
    assert new_gold["events"][0]["surface"] == "（以下简称禾泓茶业）落户"


def test_org_group_changes_the_legal_form_in_text_and_gold():
    text, gold, _ = perturb.perturb_org_group(FIRM, copy.deepcopy(FIRM_GOLD), "", 17)
    new = gold["organizations"][0]["name"]
    assert new in ("浙江禾泓科技集团有限公司", "浙江禾泓科技股份有限公司") and new in text
    assert perturb.check(FIRM, FIRM_GOLD, text, gold) == []
