import math

import pandas as pd
import pytest

from lishui_analysis.analysis import selections as analysis, indicators as ind
from lishui_analysis.analysis.params import validate
from lishui_analysis.errors import InputError


def test_intensities_and_ratios():
    assert ind.investment_intensity(2696000000, 397) == pytest.approx(679.09, abs=0.01)
    assert ind.per_mu(22890000, 100) == pytest.approx(22.89)
    assert ind.floor_area_ratio(250000, 224) == pytest.approx(250000 / (224 * 666.67), rel=1e-4)
    assert math.isnan(ind.investment_intensity(1e8, 0)) and math.isnan(ind.investment_intensity(None, 5))


def test_growth_and_share():
    assert ind.growth_pct(2.06e8, 2.65e8) == pytest.approx(28.64, abs=0.01)
    assert ind.share_pct(250e4, 625e4) == pytest.approx(40.0)
    assert math.isnan(ind.growth_pct(0, 5))


@pytest.mark.parametrize("a, b, expected", [
    ("2023-06", "2023-12-31", (184.0, 213.0, 198.5)),
    ("2024-04-01", "2024-04-11", (10.0, 10.0, 10.0)),
    ("2023", "2024", (1.0, 730.0, 365.5)),
])
def test_durations_carry_date_precision(a, b, expected):
    assert ind.duration_days(a, b) == expected


def test_building_rate():
    assert ind.building_rate(250000, 198.5) == pytest.approx(1259.4, abs=0.1)


def _q(**kw):
    base = dict(quantity_id="d:01:q001", article_id="d:01", value=1.0, unit="CNY", metric="investment",
                subject="甲公司", org_id="", forecast=False)
    return {**base, **kw}


def test_assemble_projects_keeps_provenance_and_prefers_stated_figures():
    q = pd.DataFrame([_q(quantity_id="d:01:q001", value=3e8), _q(quantity_id="d:01:q002", value=9e8, forecast=True),
                      _q(quantity_id="d:01:q003", value=50.0, unit="mu", metric="land")])
    e = pd.DataFrame([dict(event_id="d:01:e001", article_id="d:01", event_type="construction_started", subject="甲公司",
                           org_id="", date="2024-03", planned=False)])
    orgs = pd.DataFrame(columns=["org_id", "name", "industry"])
    (p,) = ind.assemble_projects(q, e, orgs).to_dict("records")
    assert p["investment_cny"] == 3e8 and p["land_mu"] == 50.0
    assert p["investment_intensity"] == pytest.approx(600.0)
    assert p["construction_started"] == "2024-03"
    assert p["quantity_ids"] == "d:01:q001;d:01:q003" and p["event_ids"] == "d:01:e001"


def test_growth_table_and_funding_shares():
    q = pd.DataFrame([_q(quantity_id="a", metric="revenue", value=2.06e8, period="2022"),
                      _q(quantity_id="b", metric="revenue", value=2.65e8, period="2023"),
                      _q(quantity_id="c", metric="investment", value=625e4, period=""),
                      _q(quantity_id="d", metric="funding", value=250e4, period="", forecast=True)])
    g = analysis.growth_table(q)
    assert g.loc[0, "growth_pct"] == pytest.approx(28.64, abs=0.01) and g.loc[0, "quantity_ids"] == "a;b"
    # a rate of the next year (产值增长12%) and an amount in another currency are no level of the same series
    more = pd.concat([q, pd.DataFrame([_q(quantity_id="e", metric="revenue", value=12.0, unit="percent", period="2024"),
                                       _q(quantity_id="f", metric="revenue", value=3e7, unit="USD", period="2024")])])
    assert analysis.growth_table(more)["quantity_ids"].tolist() == ["a;b"]
    f = analysis.funding_shares(q)
    assert f.loc[0, "share_pct"] == pytest.approx(40.0) and bool(f.loc[0, "forecast"])


@pytest.mark.parametrize("kw, message", [
    (dict(as_of="yesterday"), "as_of must be a date"),
    (dict(lang="fr"), "lang must be"),
    (dict(industries=["space"]), "unknown industry space"),
    (dict(investment_intensity_min="high"), "non-negative number"),
    (dict(date_from="2025-01-01", date_to="2024-01-01"), "after date_to"),
    (dict(colour="red"), "unknown parameter"),
])
def test_parameter_validation(kw, message):
    with pytest.raises(InputError, match=message):
        validate(**kw)


def test_selection_by_date_window(bundled_tables):
    t = bundled_tables[0]
    assert len(analysis.select(t, validate(date_from="2024-12-01"))["articles"]) == 6
    sel = analysis.select(t, validate(date_to="2024-11-30"))
    assert sel["articles"].empty and analysis.empty_note(sel)
    assert sel["projects"].empty and list(sel["projects"].columns) == list(t["projects"].columns)
