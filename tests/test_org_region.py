"""The region of an organization (organizations.csv ``region``): a branch named after a place is in that
place, not in the place its parent's name starts with. Invented names."""
from __future__ import annotations

import pytest

from lishui_analysis.tables.corpus import _region_of


@pytest.mark.parametrize("parent", ["杭州云岭银行股份有限公司", "中国星河银行", "浙江翠峰建设有限公司"])
@pytest.mark.parametrize("place, region", [("丽水", "丽水"), ("丽水市", "丽水"), ("盐城", "盐城"), ("盐城市", "盐城"),
                                           ("莲都", "莲都"), ("鄂尔多斯", "鄂尔多斯")])
@pytest.mark.parametrize("branch", ["分行", "支行", "分公司"])
def test_a_branch_is_where_its_name_says(parent, place, region, branch):
    assert _region_of(f"{parent}{place}{branch}") == region


@pytest.mark.parametrize("name, region", [("浙江丽水云岭精密有限公司", "丽水"), ("云岭微视（丽水）科技有限公司", "丽水"),
                                          ("丽水翠峰农商银行营业部", "丽水"), ("翠峰云岭科技有限公司", "")])
def test_other_names_keep_their_leading_place(name, region):
    assert _region_of(name) == region
