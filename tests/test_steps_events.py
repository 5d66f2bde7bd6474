"""The named steps of extract_events (stage "events"): each step alone, and each switched off by name.

Every text here is invented (names, places, figures)."""
import pytest

from lishui_analysis import config
from lishui_analysis.extract import events as ev
from lishui_analysis.extract.dates import extract_dates
from lishui_analysis.extract.events import EVENT_STEPS, STAGE, extract_events
from lishui_analysis.extract.milestone_dates import carried_date, later, now_date, pick_date, span_told
from lishui_analysis.extract.organizations import extract_org_mentions
from lishui_analysis.ingest.segment import split_sentences

PUB = "2025-06-18"
XINGHE = "缙云县星河智能装备项目"


def rows(text, pub=PUB):
    return [(e.event_type, e.subject, e.date, e.planned, e.n_mentions) for e in
            extract_events(text, split_sentences(text), extract_dates(text, pub), extract_org_mentions(text), pub)]


def at(text, word, step, pub=PUB, nth=0):
    """The article and the ``nth`` statement of ``word``, as the driver hands it to ``step``: every
    statement before it went through all the steps, this one through the steps before ``step``."""
    art = ev._Article.of(text, extract_dates(text, pub), extract_org_mentions(text), pub)
    seen = 0
    for s in art.statements(split_sentences(text)):
        if s.word == word:
            if seen == nth:
                for before in EVENT_STEPS[:EVENT_STEPS.index(step)]:
                    assert before(art, s), before.__name__
                return art, s
            seen += 1
        for st in EVENT_STEPS:
            if not st(art, s):
                break
    raise LookupError(word)


def test_the_steps_and_their_names():
    names = [f.__name__.lstrip("_") for f in EVENT_STEPS]
    assert STAGE == "events"
    assert len(set(names)) == len(names)
    assert names[:3] == ["word_exceptions", "time_phrase", "condition"]
    assert names[-1] == "merge_mentions"
    assert config.active_steps(STAGE, EVENT_STEPS) is EVENT_STEPS  # nothing off: the tuple itself
    with config.steps_off("events.slogan", "events.holder"):
        left = [f.__name__ for f in config.active_steps(STAGE, EVENT_STEPS)]
    assert "_slogan" not in left and "_holder" not in left and len(left) == len(names) - 2


# ---- each step alone --------------------------------------------------------------------------

def test_word_exceptions():
    art, s = at(f"{XINGHE}3月开工率达到九成。", "开工", ev._word_exceptions)
    assert ev._word_exceptions(art, s) is False   # 开工率: a rate (not_after)
    art, s = at(f"{XINGHE}5月举行开竣工仪式。", "竣工", ev._word_exceptions)
    assert ev._word_exceptions(art, s) is False   # 开竣工: a ceremony's name (not_before)
    art, s = at(f"{XINGHE}3月开工。", "开工", ev._word_exceptions)
    assert ev._word_exceptions(art, s) is True


def test_time_phrase():
    art, s = at(f"{XINGHE}开工时，领导到场祝贺。", "开工", ev._time_phrase)
    assert ev._time_phrase(art, s) is False
    art, s = at(f"{XINGHE}5月8日开工。", "开工", ev._time_phrase)
    assert ev._time_phrase(art, s) is True
    art, s = at(f"{XINGHE}开工时间为5月8日。", "开工", ev._time_phrase)
    assert ev._time_phrase(art, s) is True   # a field and its value: the milestone and its date


def test_condition():
    art, s = at(f"{XINGHE}投产后将新增产值8.5亿元。", "投产", ev._condition)
    assert ev._condition(art, s) is False
    art, s = at(f"{XINGHE}预计2026年全部达产后将新增产值8.5亿元。", "达产", ev._condition)
    assert ev._condition(art, s) is True   # a dated plan
    art, s = at(f"{XINGHE}签约后，双方握手合影。", "签约", ev._condition)
    assert ev._condition(art, s) is True   # a step told in sequence


def test_question():
    art, s = at(f"{XINGHE}为何5月就开工？”", "开工", ev._question)
    assert ev._question(art, s) is False
    art, s = at(f"{XINGHE}5月开工。", "开工", ev._question)
    assert ev._question(art, s) is True


def test_noun_modifier():
    art, s = at(f"{XINGHE}投产计划已经制定。", "投产", ev._noun_modifier)
    assert ev._noun_modifier(art, s) is False
    art, s = at(f"{XINGHE}投产“一件事”办结。", "投产", ev._noun_modifier)
    assert ev._noun_modifier(art, s) is False
    art, s = at(f"{XINGHE}4月投产。", "投产", ev._noun_modifier)
    assert ev._noun_modifier(art, s) is True


def test_slogan():
    art, s = at(f"{XINGHE}提出“早投产”。", "投产", ev._slogan)
    assert ev._slogan(art, s) is False
    art, s = at(f"{XINGHE}要快签约、快落地。", "签约", ev._slogan)
    assert ev._slogan(art, s) is False
    art, s = at(f"{XINGHE}4月投产。", "投产", ev._slogan)
    assert ev._slogan(art, s) is True


def test_span_start():
    art, s = at(f"{XINGHE}从拿地到开工只用了60天。", "拿地", ev._span_start)
    assert ev._span_start(art, s) is False
    art, s = at(f"{XINGHE}从拿地到开工只用了60天。", "开工", ev._span_start)
    assert ev._span_start(art, s) is True


def test_batch_count():
    art, s = at("3月8日，缙云县集中开工12个重大项目。", "开工", ev._batch_count)
    assert ev._batch_count(art, s) is True
    assert (s.batch.subject, s.batch.subject_type) == ("12个重大项目", "batch")
    art, s = at(f"3月8日，{XINGHE}开工。", "开工", ev._batch_count)
    ev._batch_count(art, s)
    assert s.batch is None


def test_restatement():
    text = f"{XINGHE}3月8日开工。青田县云岭科技有限公司同时开工建设新厂房。"
    art, s = at(text, "开工", ev._restatement, nth=1)
    assert [e.n_mentions for e in art.out] == [1]
    assert ev._restatement(art, s) is False
    assert [e.n_mentions for e in art.out] == [2]   # one more mention of the start just reported
    art, s = at("3月8日，缙云县本次集中开工12个重大项目。", "开工", ev._restatement)
    assert ev._restatement(art, s) is True          # a batch of its own


def test_general_talk():
    art, s = at(f"{XINGHE}正加快推动投产。", "投产", ev._general_talk)
    assert ev._general_talk(art, s) is False
    art, s = at(f"{XINGHE}4月投产。", "投产", ev._general_talk)
    assert ev._general_talk(art, s) is True


@pytest.mark.parametrize("pivot", ["筛选", "引导", "鼓励", "邀请", "欢迎"])
@pytest.mark.parametrize("who, verb", [("高成长型企业", "入驻"), ("优质客商", "落户"), ("配套企业", "投产")])
def test_a_pivot_verb_makes_the_milestone_what_others_are_wanted_to_do(pivot, who, verb):
    """A park that selects, guides, encourages, invites or welcomes firms to settle or produce reports no
    milestone: not the article's firm's, nor anyone's (the verb's doer is wanted, not named)."""
    text = f"{XINGHE}今年4月投产。园区建好标准厂房，{pivot}{who}{verb}。"
    assert [r[0] for r in rows(text)] == ["production_start"]
    art, s = at(text, verb, ev._general_talk, nth=1 if verb == "投产" else 0)
    assert ev._general_talk(art, s) is False


def test_when_clause():
    art, s = at(f"{XINGHE}刚开工的时，工人不多。", "开工", ev._when_clause)
    assert ev._when_clause(art, s) is False
    art, s = at(f"{XINGHE}刚开工，工人不多。", "开工", ev._when_clause)
    assert ev._when_clause(art, s) is True


def test_planned_cue():
    art, s = at(f"{XINGHE}预计3月投产。", "投产", ev._planned_cue)
    assert ev._planned_cue(art, s) is True and s.planned is True
    art, s = at(f"{XINGHE}3月投产。", "投产", ev._planned_cue)
    ev._planned_cue(art, s)
    assert s.planned is False


def test_nearest_date():
    art, s = at(f"{XINGHE}于2025年3月投产。", "投产", ev._nearest_date)
    assert ev._nearest_date(art, s) is True
    assert (s.date.date, s.date.precision) == ("2025-03", "month")
    # a date that dated a start in another clause does not date the topping out
    art, s = at(f"{XINGHE}于2024年3月开工，仅用十个月就封顶。", "封顶", ev._nearest_date)
    ev._nearest_date(art, s)
    assert s.date is None


def test_now_date():
    art, s = at(f"{XINGHE}刚刚投产。", "投产", ev._now_date)
    assert s.date is None
    assert ev._now_date(art, s) is True
    assert (s.date.date, s.date.kind) == ("2025-06", "now")


def test_carried_date():
    art, s = at(f"2025年3月，{XINGHE}建成。项目随后投产。", "投产", ev._carried_date)
    assert s.date is None
    assert ev._carried_date(art, s) is True
    assert (s.date.date, s.carried) == ("2025-03", True)
    art, s = at(f"2025年3月，{XINGHE}签约。新厂房历时10个月建成。", "建成", ev._carried_date)
    ev._carried_date(art, s)
    assert s.date is None   # how long it took is told, not when


@pytest.mark.parametrize("lead, pub, year", [
    ("近日，云溪县举行重点项目推进大会。\n", "2023-04-11", "2023"),          # only a "now" before: its year
    ("2022年，全区项目建设提速。\n", "2023-01-20", "2022"),                  # the year the text is about
    ("", "2021-09-30", "2021"),                                             # nothing told: the publication's
])
@pytest.mark.parametrize("tally, word, etype", [
    ("其中开工项目{n}个，竣工项目{m}个。", "竣工", "completed"),
    ("其中，新开工{n}个，结顶{m}个。", "结顶", "topped_out"),
    ("全年新开工项目{n}个；竣工投产项目{m}个。", "投产", "production_start"),
])
def test_tally_period(lead, pub, year, tally, word, etype):
    text = lead + tally.format(n=7, m=13)
    art, s = at(text, word, ev._tally_period, pub=pub)
    assert s.tally and s.date is None
    assert ev._tally_period(art, s) is True
    assert (s.date.date, s.date.precision, s.carried) == (year, "year", True)
    got = [r for r in rows(text, pub) if r[0] == etype]
    assert [(r[1].endswith("13个"), r[2]) for r in got] == [(True, year)]


def test_tally_period_only_for_tallies():
    # a batch counted before its noun is an event of that batch, not a tally: no period is given
    text = "在刚闭幕的论坛上，星河新区还签约了5个项目。"
    art, s = at(text, "签约", ev._tally_period, pub="2024-11-02")
    assert not s.tally
    ev._tally_period(art, s)
    assert s.date is None
    # a planned tally takes the plan's year (milestone_dates.plan_year); a dated tally keeps its own
    assert [r[2] for r in rows("全市计划新开工项目12个。", "2024-11-02")] == ["2024"]
    assert [r[2] for r in rows("截至9月底，全市已开工项目12个。", "2024-11-02")] == ["2024"]  # a span's year
    assert [r[2] for r in rows("9月，全区新开工项目12个。", "2024-11-02")] == ["2024-09"]


@pytest.mark.parametrize("join", ["和", "及", "以及"])
@pytest.mark.parametrize("verb, etype", [("签约入驻", "settled"), ("开工", "construction_started"), ("正式投产", "production_start")])
def test_pair_before(join, verb, etype):
    a, b = "南湖电子科技有限公司", "白鹭洲智能装备股份有限公司"
    got = [(r[0], r[1], r[2]) for r in rows(f"4月2日，{a}{join}{b}{verb}。", "2026-04-03")]
    assert (etype, a, "2026-04-02") in got and (etype, b, "2026-04-02") in got


def test_pair_before_across_a_chain_and_its_object():
    a, b = "南湖电子科技有限公司", "白鹭洲智能装备股份有限公司"
    got = [(r[0], r[1]) for r in rows(f"目前，{a}和{b}已入驻园区投入生产。", "2026-04-03")]
    assert {("settled", a), ("settled", b), ("production_start", a), ("production_start", b)} <= set(got)
    # more than a few words between: not the pair's verb
    got = [(r[0], r[1]) for r in rows(f"{a}和{b}的负责人表示项目将于明年开工。", "2026-04-03")]
    assert len([g for g in got if g[0] == "construction_started"]) <= 1


@pytest.mark.parametrize("text", [
    "4月2日，南湖电子科技有限公司与白鹭洲智能装备股份有限公司签约。",     # 与: the parties of one signing
    "4月2日，云溪经开区管委会和白鹭洲智能装备股份有限公司签约。",          # a body is no settler
])
def test_pair_before_needs_two_companies_joined_by_he(text):
    assert len([r for r in rows(text, "2026-04-03") if r[0] == "settled"]) <= 1


@pytest.mark.parametrize("subject, planned", [
    ("计划建成投产的两个项目均提前", False),       # the plan is the noun's: the deed is done
    ("计划总投资8亿元的云溪大桥改建工程已顺利", False),
    ("拟建设的星河新材料项目已", False),
    ("星河新材料项目计划明年", True),             # the plan is the verb's
    ("力争年内有10个项目", True),                 # a goal, no adverb closing the noun
])
def test_a_plan_word_inside_the_subject_is_the_nouns(subject, planned):
    got = [r for r in rows(f"{subject}完工。", "2025-06-18") if r[0] == "completed"]
    assert got and {r[3] for r in got} == {planned}


@pytest.mark.parametrize("verb", ["签下了", "签下", "签约", "签约了"])
@pytest.mark.parametrize("project", ["年产8万吨新材料项目", "云溪智能装备产业园项目"])
def test_signed_object(verb, project):
    got = rows(f"6月7日，星河精工有限公司与云溪经开区管委会{verb}{project}。")
    assert [(r[0], r[1]) for r in got if r[0] == "settled"] == [("settled", project)]


@pytest.mark.parametrize("party", ["云溪农商银行", "瓯江银行云溪支行", "中国某某银行云溪分行", "云溪理工大学",
                                   "瓯江职业技术学院", "某省科学院", "某某材料研究所"])
@pytest.mark.parametrize("form", ["6月7日，{p}与{z}签订战略合作协议。", "6月7日，{z}与{p}签署合作协议，共建实验室。",
                                  "6月7日，{p}在{z}签约。"])
def test_a_lender_or_a_school_settles_nothing(party, form):
    assert rows(form.format(p=party, z="云溪经济开发区")) == []


def test_a_signing_keeps_its_other_parties():
    got = rows("6月7日，云溪农商银行、星河精工有限公司和翠峰新材料有限公司签约。")
    assert [r[1] for r in got] == ["星河精工有限公司", "翠峰新材料有限公司"]
    got = rows("6月7日，云溪理工大学新型储能研究院落户云溪经济开发区。")  # settling, no signing: kept
    assert [(r[0], r[1]) for r in got] == [("settled", "云溪理工大学新型储能研究院")]


def test_a_signing_without_a_project_after_it_stays_the_signers():
    got = rows("6月7日，星河精工有限公司在云溪签约，总投资8亿元。")
    assert [(r[0], r[1]) for r in got] == [("settled", "星河精工有限公司")]


@pytest.mark.parametrize("verbs, counts, want", [
    ("新开工、新竣工重点产业项目分别为", "31个和17个", [("construction_started", "重点产业项目31个"),
                                                         ("completed", "重点产业项目17个")]),
    ("开工、结顶、投产的重点项目分别为", "9个、4个和3个", [("construction_started", "重点项目9个"),
                                                          ("topped_out", "重点项目4个"), ("production_start", "重点项目3个")]),
])
def test_respective(verbs, counts, want):
    got = rows(f"今年以来，云溪县{verbs}{counts}。", "2025-05-23")
    assert [(r[0], r[1]) for r in got] == want


def test_respective_needs_as_many_counts_as_verbs():
    got = rows("今年以来，云溪县开工、竣工项目分别达12个、8个和5个。", "2025-05-23")
    assert not any(r[1].endswith(("12个", "8个")) and r[1].startswith("项目") for r in got)


def test_tally_chain():
    # a chain of milestone verbs before the tally: each verb counts the same projects
    got = rows("2024年，全县竣工投产项目18个，建成达产项目6个。", "2025-01-08")
    assert ("completed", "全县竣工投产项目18个", "2024", False, 1) in got
    assert ("production_start", "全县竣工投产项目18个", "2024", False, 1) in got
    assert ("full_capacity", "建成达产项目6个", "2024", False, 1) in got
    assert ("completed", "建成达产项目6个", "2024", False, 1) in got


def test_later_is_planned():
    art, s = at(f"{XINGHE}于2025年10月投产。", "投产", ev._later_is_planned)
    assert s.planned is False
    assert ev._later_is_planned(art, s) is True and s.planned is True


def test_items_after():
    text = f"3月8日，{XINGHE}签约，签约的还有青田县云岭科技有限公司、龙泉市瓯源阀门有限公司等。"
    art, s = at(text, "签约", ev._items_after, nth=1)
    assert ev._items_after(art, s) is True
    assert [r.subject for r in s.after] == ["青田县云岭科技有限公司", "龙泉市瓯源阀门有限公司"]
    assert s.holder.subject == "青田县云岭科技有限公司"


def test_holder():
    art, s = at(f"3月8日，{XINGHE}开工。", "开工", ev._holder)
    assert s.holder is None
    assert ev._holder(art, s) is True
    assert (s.holder.subject, s.holder.subject_type) == (XINGHE, "project")
    art, s = at("3月8日，缙云县集中开工12个重大项目。", "开工", ev._holder)
    ev._holder(art, s)
    assert s.holder is s.batch


def test_items_before():
    art, s = at("3月8日，“星河智能装备项目”“云岭数控机床项目”签约落地。", "签约落地", ev._items_before)
    assert s.holder.subject == "星河智能装备项目"
    assert ev._items_before(art, s) is True
    assert s.holder.subject == "云岭数控机床项目"   # the last item of the list before the verb


def test_list_items():
    art, s = at("3月8日，星河智能装备项目、云岭数控机床项目、瓯源阀门项目参加开工。", "开工", ev._list_items)
    assert s.holder.subject == "瓯源阀门项目" and s.listed == []
    assert ev._list_items(art, s) is True
    assert [r.subject for r in s.listed] == ["星河智能装备项目", "云岭数控机床项目"]


def test_concrete_holder():
    art, s = at(f"{XINGHE}3月签约。如今大批的项目陆续开工。", "开工", ev._concrete_holder)
    assert s.holder.subject == XINGHE
    assert ev._concrete_holder(art, s) is False    # projects in general
    art, s = at(f"3月8日，{XINGHE}开工。", "开工", ev._concrete_holder)
    assert ev._concrete_holder(art, s) is True


def test_project_named_after():
    art, s = at("青田县云岭科技有限公司3月摘得地块，计划建设年产8万台智能装备项目。", "摘得", ev._project_named_after)
    assert s.holder.subject == "青田县云岭科技有限公司"
    assert ev._project_named_after(art, s) is True
    assert (s.holder.subject, s.holder.org.name) == ("年产8万台智能装备项目", "青田县云岭科技有限公司")


def test_batch_chain():
    art, s = at("3月8日，全县32个重大项目集中开工投产。", "开工", ev._batch_chain)
    assert s.holder.subject_type == "batch"
    assert ev._batch_chain(art, s) is False
    art, s = at("3月8日，缙云县集中开工12个重大项目。", "开工", ev._batch_chain)
    assert ev._batch_chain(art, s) is True          # the batch counted after the verb


def test_remember_date():
    art, s = at(f"{XINGHE}于2024年3月开工，仅用十个月就封顶。", "开工", ev._remember_date)
    assert art.used_dates == {}
    assert ev._remember_date(art, s) is True
    assert art.used_dates == {s.date.start: (s.cstart, "construction_started")}


def test_merge_mentions():
    text = f"{XINGHE}3月8日开工。{XINGHE}开工以来进展顺利。"
    art, s = at(text, "开工", ev._merge_mentions, nth=1)
    assert [(e.subject, e.n_mentions) for e in art.out] == [(XINGHE, 1)]
    assert ev._merge_mentions(art, s) is False      # its rows are added: none left for the driver
    assert [(e.subject, e.date, e.n_mentions) for e in art.out] == [(XINGHE, "2025-03-08", 2)]


# ---- the dating helpers -----------------------------------------------------------------------

def test_milestone_dates_helpers():
    assert later("2026-03", PUB) and not later("2025", PUB) and not later("2026", "")
    assert span_told("新厂房仅用90天建成", 0, 9) and not span_told("新厂房5月建成", 0, 7)
    assert (now_date(PUB, 5).date, now_date("", 5).precision) == ("2025-06", "")
    text = "5月8日，签约仪式在青田举行。会上签约项目7个。"
    dates = extract_dates(text, PUB)
    s2 = text.index("会上")
    assert carried_date(dates, text, s2, "settled", text[s2:], (), PUB).date == "2025-05-08"
    # a year in the clause, a finer date of that year earlier in the sentence: the finer one
    text = "3月8日上午，星河项目2025年开工。"
    pos, cstart = text.index("开工"), text.index("星河")
    assert pick_date(text, extract_dates(text, PUB), pos, cstart, 0, len(text)).surface == "3月8日"
    # no date before it in its sentence: the one just after it in its clause
    text = "星河项目开工于2025年3月。"
    pos = text.index("开工")
    assert pick_date(text, extract_dates(text, PUB), pos, 0, 0, len(text)).date == "2025-03"


# ---- each step switched off by name -----------------------------------------------------------

OFF_CASES = [
    ("word_exceptions", f"{XINGHE}5月举行开竣工仪式。"),
    ("time_phrase", f"{XINGHE}开工时正值5月。"),
    ("condition", f"{XINGHE}投产后将新增产值8.5亿元。"),
    ("question", f"{XINGHE}为何5月就开工？"),
    ("noun_modifier", f"{XINGHE}投产计划已经制定。"),
    ("slogan", f"{XINGHE}提出“早投产”。"),
    ("span_start", f"{XINGHE}从拿地到开工只用了60天。"),
    ("batch_count", "3月8日，缙云县集中开工12个重大项目。"),
    ("restatement", f"{XINGHE}3月8日开工。青田县云岭科技有限公司同时开工建设新厂房。"),
    ("general_talk", f"{XINGHE}正加快推动投产。"),
    ("when_clause", f"{XINGHE}刚开工的时，工人不多。"),
    ("planned_cue", f"{XINGHE}预计3月投产。"),
    ("nearest_date", f"{XINGHE}于2025年3月投产。"),
    ("now_date", f"{XINGHE}刚刚投产。"),
    ("carried_date", f"2025年3月，{XINGHE}建成。项目随后投产。"),
    ("pair_before", "3月8日，星河精工有限公司和云溪新材料有限公司签约入驻。"),
    ("respective", "今年以来，全县开工、竣工、投产项目分别为12个、8个和5个。"),
    ("signed_object", "6月7日，星河精工有限公司与云溪经开区管委会签下了年产8万吨新材料项目。"),
    ("signing_party", "6月7日，云溪农商银行与星河精工有限公司签订战略合作协议。"),
    ("batch_members", "集中开工项目3个，包括云溪大桥改建工程、南湖小学迁建等。"),
    ("tally_period", "2024年，全县项目建设提速。\n其中开工项目7个，竣工项目13个。"),
    ("later_is_planned", f"{XINGHE}于2025年10月投产。"),
    ("items_after", f"3月8日，{XINGHE}签约，签约的还有青田县云岭科技有限公司、龙泉市瓯源阀门有限公司等。"),
    ("holder", f"3月8日，{XINGHE}开工。"),
    ("items_before", "3月8日，“星河智能装备项目”“云岭数控机床项目”签约落地。"),
    ("list_items", "3月8日，星河智能装备项目、云岭数控机床项目、瓯源阀门项目参加开工。"),
    ("concrete_holder", f"{XINGHE}3月签约。如今大批的项目陆续开工。"),
    ("project_named_after", "青田县云岭科技有限公司3月摘得地块，计划建设年产8万台智能装备项目。"),
    ("batch_chain", "3月8日，全县32个重大项目集中开工投产。"),
    ("remember_date", f"{XINGHE}于2024年3月开工，随后顺利封顶。"),
    ("merge_mentions", f"{XINGHE}3月8日开工。{XINGHE}开工以来进展顺利。"),
]


def test_every_step_has_an_off_case():
    assert sorted(name for name, _ in OFF_CASES) == sorted(f.__name__.lstrip("_") for f in EVENT_STEPS)


NORMAL = {
    "word_exceptions": [],
    "time_phrase": [],
    "condition": [],
    "question": [],
    "noun_modifier": [],
    "slogan": [],
    "span_start": [("construction_started", XINGHE, "", False, 1)],
    "batch_count": [("construction_started", "12个重大项目", "2025-03-08", False, 1)],
    "restatement": [("construction_started", XINGHE, "2025-03-08", False, 2)],
    "general_talk": [],
    "when_clause": [],
    "planned_cue": [("production_start", XINGHE, "2025-03", True, 1)],
    "nearest_date": [("production_start", XINGHE, "2025-03", False, 1)],
    "now_date": [("production_start", XINGHE, "2025-06", False, 1)],
    "carried_date": [("completed", XINGHE, "2025-03", False, 1), ("production_start", XINGHE, "2025-03", False, 1)],
    "pair_before": [("settled", "星河精工有限公司", "2025-03-08", False, 2),
                    ("settled", "云溪新材料有限公司", "2025-03-08", False, 2)],
    "respective": [("construction_started", "项目12个", "2025", False, 1), ("completed", "项目8个", "2025", False, 1),
                   ("production_start", "项目5个", "2025", False, 1)],
    "signed_object": [("settled", "年产8万吨新材料项目", "2025-06-07", False, 1)],
    "signing_party": [],
    "batch_members": [("construction_started", "集中开工项目3个", "2025", False, 1),
                      ("construction_started", "云溪大桥改建工程", "2025", False, 1),
                      ("construction_started", "南湖小学迁建", "2025", False, 1)],
    "tally_period": [("construction_started", "开工项目7个", "2024", False, 1), ("completed", "竣工项目13个", "2024", False, 1)],
    "later_is_planned": [("production_start", XINGHE, "2025-10", True, 1)],
    "items_after": [("settled", XINGHE, "2025-03-08", False, 1),
                    ("settled", "青田县云岭科技有限公司", "2025-03-08", False, 1),
                    ("settled", "龙泉市瓯源阀门有限公司", "2025-03-08", False, 1)],
    "holder": [("construction_started", XINGHE, "2025-03-08", False, 1)],
    "items_before": [("settled", "星河智能装备项目", "2025-03-08", False, 1),
                     ("settled", "云岭数控机床项目", "2025-03-08", False, 1)],
    "list_items": [("construction_started", "星河智能装备项目", "2025-03-08", False, 1),
                   ("construction_started", "云岭数控机床项目", "2025-03-08", False, 1),
                   ("construction_started", "瓯源阀门项目", "2025-03-08", False, 1)],
    "concrete_holder": [("settled", XINGHE, "2025-03", False, 1)],
    "project_named_after": [("land_acquired", "年产8万台智能装备项目", "2025-03", False, 1)],
    "batch_chain": [],
    "remember_date": [("construction_started", XINGHE, "2024-03", False, 1), ("topped_out", XINGHE, "", False, 1)],
    "merge_mentions": [("construction_started", XINGHE, "2025-03-08", False, 2)],
}


@pytest.mark.parametrize("name, text", OFF_CASES, ids=[n for n, _ in OFF_CASES])
def test_switching_a_step_off_changes_the_result(name, text):
    normal = rows(text)
    assert normal == NORMAL[name]
    with config.steps_off(f"{STAGE}.{name}"):
        off = rows(text)
    assert off != normal
    assert rows(text) == normal   # back on after the block
