"""The standard-land floor applies to industrial land (analysis/selections.py intensity_table): a project
whose name says it is no plant is listed, not compared. Invented names."""
from __future__ import annotations

import math

import pandas as pd
import pytest

from lishui_analysis.analysis import selections


def _projects(rows):
    return pd.DataFrame([{"subject": s, "investment_cny": inv * 1e8, "land_mu": mu, "investment_intensity": inv * 1e4 / mu,
                          "quantity_ids": f"d:01:q{i:03d}"} for i, (s, inv, mu) in enumerate(rows)])


@pytest.mark.parametrize("building", ["云栖商务大厦项目", "松阳县职业技能培训中心项目", "丽星运动公园项目", "青禾安置房项目"])
def test_a_building_that_is_no_plant_is_listed_but_not_compared(building):
    t = selections.intensity_table(_projects([("云岭精密轴承项目", 3, 100), ("翠峰新材料产业园项目", 1, 100), (building, 9, 30)]), 270.0)
    row = t.set_index("subject").loc[building]
    assert not row["floor_applies"] and row["meets_threshold"] is None and math.isnan(row["ratio_to_threshold"])
    plants = t[t["floor_applies"]]
    assert list(plants["meets_threshold"]) == [True, False]
    text = selections.intensity_takeaway(t, 270.0)
    assert text.startswith("1 of 2 industrial projects meet the 270 万元/亩") and building in text


def test_only_buildings_say_there_is_no_industrial_project():
    t = selections.intensity_table(_projects([("东升写字楼项目", 5, 10)]), 270.0)
    assert selections.intensity_takeaway(t, 270.0).startswith("No industrial project states")
