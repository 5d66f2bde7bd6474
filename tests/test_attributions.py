"""Reports filter attributions by how they were made (#17 item 8): the ``attributions`` parameter and
the note on the weakest attributions (``subject_rule`` current_topic, named_later). Invented corpora."""
from __future__ import annotations

import pytest

from lishui_analysis.analysis import attribution, overlaps, params, review, selections
from lishui_analysis.errors import InputError


@pytest.mark.parametrize("name,later,amount", [("翠峰新材料产业园项目", "据介绍，达产后预计年产值12亿元，", 8),
                                               ("星河智能装备基地项目", "另据了解，建成后可实现年产值30亿元，", 15)])
def test_in_sentence_leaves_out_the_topic_s_figures_and_reassembles_projects(build_texts, name, later, amount):
    t, raw = build_texts({
        "a": f"{name}开工\n\n本报讯 {name}3月开工，总投资{amount}亿元，用地120亩。\n{later}年底将封顶。\n",
        "b": "云岭精密轴承项目签约\n\n本报讯 浙江云岭精密轴承有限公司年产3万套轴承项目总投资5亿元，5月签约。\n"})
    q = t["quantities"]
    assert set(q.loc[q["subject"] == name, "subject_rule"]) >= {"current_topic"}  # the later sentence's figure
    everything = selections.select(t, params.validate(raw_dir=str(raw)))
    strict = selections.select(t, params.validate(attributions="in_sentence", raw_dir=str(raw)))
    weak = everything["quantities"]["subject_rule"].isin(["current_topic", "named_later"])
    assert weak.any() and not strict["quantities"]["subject_rule"].isin(["current_topic", "named_later"]).any()
    assert len(strict["quantities"]) == len(everything["quantities"]) - int(weak.sum())
    # the project keeps its in-sentence figures; its output value (told outside the sentence) is gone
    row = strict["projects"].set_index("subject").loc[name]
    assert row["investment_cny"] == amount * 1e8 and row["land_mu"] == 120
    assert everything["projects"].set_index("subject").loc[name, "output_value_cny"] > 0
    assert not row["output_value_cny"] > 0
    # investment totals are unchanged where every figure was named in its sentence
    inv = overlaps.investment_totals(strict)
    assert inv.loc[inv["counted"], "investment_yi_yuan"].sum() == pytest.approx(amount + 5)
    assert "subject_rule" in inv and "subject_rule" in selections.money_figures(strict)
    # the notes say what was done
    n_weak = int(weak.sum())
    assert f"{n_weak} of {len(everything['quantities'])} figures" in attribution.attribution_note(
        everything, params.validate(raw_dir=str(raw)))
    assert f"{n_weak} figures" in attribution.attribution_note(strict, params.validate(attributions="in_sentence"))
    # what was left out is returned with the selection, not kept on its tables
    left = strict["left_out"]
    assert (left.figures, len(left.ids)) == (n_weak, n_weak + left.milestones)
    assert left.ids == set(everything["quantities"].loc[weak, "quantity_id"]) | set(
        everything["events"].loc[everything["events"]["subject_rule"].isin(["current_topic", "named_later"]), "event_id"])
    assert everything["left_out"] == attribution.LeftOut() and not strict["quantities"].attrs


def test_a_corpus_with_every_holder_in_its_sentence_says_so(build_texts):
    t, raw = build_texts({
        "b": "云岭精密轴承项目签约\n\n本报讯 浙江云岭精密轴承有限公司年产3万套轴承项目总投资5亿元，5月签约。\n"})
    p = params.validate(raw_dir=str(raw))
    assert attribution.attribution_note(selections.select(t, p), p).startswith("Every figure and milestone")


@pytest.mark.parametrize("bad", ["strict", "", 1, None, ["all"]])
def test_attributions_parameter_is_checked(bad):
    with pytest.raises(InputError, match="attributions must be 'all' or 'in_sentence'"):
        params.validate(attributions=bad)


@pytest.mark.parametrize("co,amount", [("云岭", 40), ("星河", 12.5)])
def test_a_report_of_no_conflict_says_what_was_compared(build_texts, co, amount):
    one = f"{co}智能装备项目开工\n\n本报讯 {co}智能装备项目总投资{amount}亿元，今年3月开工。\n"
    again = f"{co}智能装备项目封顶\n\n本报讯 {co}智能装备项目总投资{amount}亿元，今年9月封顶。\n"
    other = "翠峰新材料项目签约\n\n本报讯 翠峰新材料产业园项目总投资8亿元，今年5月签约落户。\n"
    t, raw = build_texts({"a": one, "b": again, "c": other})
    s = selections.select(t, params.validate(raw_dir=str(raw)))
    assert selections.conflicts_table(s).empty and review.compared_attributes(s) == 1
    assert review.no_conflict_note(s).startswith("No disagreement: 1 attribute of a project")
    alone = selections.select(t, params.validate(raw_dir=str(raw), date_to="1990-01-01"))
    assert review.no_conflict_note(alone).startswith("Nothing to compare")
