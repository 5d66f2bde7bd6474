"""Members a text lists for a batch that reached a milestone (extract/batch_members.py, step
events.batch_members). Every text here is invented: names, places, counts and dates are drawn from
templates, in several orders and punctuations."""
import pytest

from lishui_analysis import config
from lishui_analysis.extract.batch_members import count_of, member_kind, members_listed
from lishui_analysis.extract.dates import extract_dates
from lishui_analysis.extract.events import extract_events
from lishui_analysis.extract.organizations import extract_org_mentions
from lishui_analysis.extract.subjects import find_holders
from lishui_analysis.ingest.segment import split_sentences

PUB = "2026-05-20"
PROJECTS = ["云溪大桥改建工程", "星河新材料智能制造项目", "南湖小学迁建", "青岚湾游艇码头", "白鹭洲污水处理厂扩建工程"]
VERBS = [("集中开工", "construction_started"), ("集中签约", "settled"), ("集中竣工", "completed")]


def events(text, pub=PUB):
    return [(e.event_type, e.subject, e.subject_type, e.date, e.subject_rule)
            for e in extract_events(text, split_sentences(text), extract_dates(text, pub), extract_org_mentions(text), pub)]


@pytest.mark.parametrize("verb, etype", VERBS)
@pytest.mark.parametrize("k", [2, 3, 5])
@pytest.mark.parametrize("comma, end", [("，", "等，总投资12.5亿元。"), (",", "。"), ("，其中", "等。")])
def test_members_after_the_batch_in_its_sentence(verb, etype, k, comma, end):
    names = PROJECTS[:k]
    text = f"5月18日，云溪县举行重大项目活动。{verb}项目{k + 4}个{comma}包括{'、'.join(names)}{end}"
    got = [e for e in events(text) if e[0] == etype]
    members = [e for e in got if e[4] == "members_listed"]
    assert [e[1] for e in members] == names
    assert {(e[2], e[3]) for e in members} == {("project", "2026-05-18")}
    assert [e[1] for e in got if e[2] == "batch"] == [f"{verb}项目{k + 4}个"]


@pytest.mark.parametrize("lead", ["这些项目中，", "这批项目中,", "上述项目中，"])
def test_members_in_the_next_sentence_referring_back(lead):
    a, b, c, d = PROJECTS[:4]
    text = (f"昨日，星河区集中开工8个重大项目，总投资达66亿元。{lead}既有{a}、{b}等民生项目，"
            f"也有{c}等产业项目，更有{d}等配套工程。")
    members = [e[1] for e in events(text, "2026-03-02") if e[4] == "members_listed"]
    assert members == [a, b, c, d]


def test_count_restated_splits_the_last_pair_only_to_that_count():
    text = f"近日，云溪县两个项目参加全市重大项目集中开工。两个项目为云溪县科创中心和{PROJECTS[1]}。"
    assert [e[1] for e in events(text) if e[4] == "members_listed"] == ["云溪县科创中心", PROJECTS[1]]
    # one project's name with 和 in it: splitting does not give the count (4), so it stays whole
    text = "本次开工项目4个，包括星河体育馆和游泳馆、南湖小学迁建等。"
    assert [e[1] for e in events(text) if e[4] == "members_listed"] == ["星河体育馆和游泳馆", "南湖小学迁建"]


def test_a_last_item_after_he_is_a_member_when_a_holder_starts_there():
    text = f"集中竣工项目3个，包括{PROJECTS[0]}、{PROJECTS[4]}和{PROJECTS[1]}。"
    assert [e[1] for e in events(text) if e[4] == "members_listed"] == [PROJECTS[0], PROJECTS[4], PROJECTS[1]]


def test_counted_categories_are_no_members():
    text = "本轮集中开工项目包括民生类项目6项，总投资9.6亿元；工业类项目4项，总投资7.3亿元。"
    assert not [e for e in events(text) if e[4] == "members_listed"]


@pytest.mark.parametrize("text", [
    # 包括 after something that is no batch with a milestone
    "本次全县有12个项目纳入省重点建设计划，包括云溪大桥改建工程、南湖小学迁建等。",
    # a project (not a batch) that reached a milestone, then a list of its parts
    "星河新材料智能制造项目5月开工，包括生产车间、研发楼和仓库等。",
    # the sentence after a batch that is not about its members
    "此次集中开工11个重点项目。这些项目建成后，将新增产值30亿元。",
])
def test_no_members_without_the_frame(text):
    assert not [e for e in events(text) if e[4] == "members_listed"]


def test_companies_of_a_batch_of_firms():
    text = "5月8日，会上集中签约3家企业，包括云溪精工有限公司、星河新材料股份有限公司和南湖电子科技有限公司。"
    members = [e for e in events(text) if e[4] == "members_listed"]
    assert [e[1] for e in members] == ["云溪精工有限公司", "星河新材料股份有限公司", "南湖电子科技有限公司"]
    assert {e[2] for e in members} == {"company"}


def test_the_step_switched_off_lists_no_members():
    text = f"集中开工项目3个，包括{PROJECTS[0]}、{PROJECTS[1]}等。"
    with config.steps_off("events.batch_members"):
        assert not [e for e in events(text) if e[4] == "members_listed"]
    assert [e[1] for e in events(text) if e[4] == "members_listed"] == PROJECTS[:2]


@pytest.mark.parametrize("phrase, n", [("集中开工项目18个", 18), ("我县两个项目", 2), ("三十五个项目", 35),
                                       ("十个项目", 10), ("二十个", 20), ("一批项目", None), ("9个重大项目", 9)])
def test_count_of(phrase, n):
    assert count_of(phrase) == n


@pytest.mark.parametrize("phrase, kind", [("签约企业6家", "company"), ("8家", "company"), ("开工项目9个", "project"),
                                          ("一批重大项目", "project")])
def test_member_kind(phrase, kind):
    assert member_kind(phrase) == kind


def test_long_list_is_read_in_one_pass():
    """A list of n items costs one reading of each: the items found grow with n, nothing reads the
    sentence again per item (members_listed reads at most a bounded window of it)."""
    for n in (10, 40):
        names = [f"云溪{i}号厂房项目" for i in range(n)]
        text = f"集中开工项目{n}个，包括{'、'.join(names)}。"
        got = members_listed(find_holders(text), text.index("，"), len(text), n)
        assert 0 < len(got) <= n
        assert [r.subject for r in got] == names[:len(got)]


from hypothesis import given, settings, strategies as st  # noqa: E402

PIECES = ["包括", "这些项目中", "既有", "也有", "两个项目为", "、", "和", "及", "等", "，", "。", "\n",
          "云溪大桥改建工程", "南湖小学", "5项", "3个", "项目", "有限公司", "星河"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=60).map("".join), st.data())
def test_any_text_members_are_spans_of_it_in_order(text, data):
    """On any text the members are spans of it, as written (or split at 和/及), in text order and
    not overlapping, each 2-60 characters."""
    end = data.draw(st.integers(0, len(text)))
    s_end = data.draw(st.integers(end, len(text)))
    got = members_listed(find_holders(text), end, s_end, data.draw(st.sampled_from([None, 2, 3])))
    last = -1
    for r in got:
        assert text[r.start:r.end] == r.subject and 2 <= len(r.subject) <= 60
        assert r.start >= max(last, end)
        last = r.end


@pytest.mark.parametrize("among", ["其中，", "其中,", "其中"])
def test_members_after_qizhong_when_a_list_follows(among):
    a, b, c = PROJECTS[1], PROJECTS[3], PROJECTS[0]
    text = f"6月3日，此次开工18个项目中，有9个位于新区。{among}{a}、{b}、{c}等均投资5亿元以上。"
    assert [e[1] for e in events(text) if e[4] == "members_listed"] == [a, b, c]


@pytest.mark.parametrize("text", [
    # one project singled out is no list of members
    "6月3日，星河区集中开工项目12个。其中，星河新材料智能制造项目为省重点项目。",
    # a part of the batch counted: a sub-tally, not members
    "6月3日，星河区集中开工12个项目，其中工业项目8个，总投资30亿元。",
])
def test_no_members_after_qizhong_without_a_list(text):
    assert not [e for e in events(text) if e[4] == "members_listed"]


def test_a_list_with_a_milestone_verb_of_its_own_is_that_verbs():
    a, b = PROJECTS[0], PROJECTS[1]
    text = f"6月3日，全市共组织30个项目参加集中开工活动。其中，{a}、{b}参加今天的集中开工活动。"
    got = events(text)
    assert not [e for e in got if e[4] == "members_listed"]
    assert {e[1] for e in got if e[0] == "construction_started" and e[2] == "project"} == {a, b}


def test_a_name_ending_the_item_is_the_member_without_kind_words_before_it():
    text = ("6月3日，此次开工18个项目中，有9个位于新区。其中，省重点项目星河年产8万吨新材料项目、"
            "市重大项目云溪智能装备项目等均投资5亿元以上。")
    assert [e[1] for e in events(text) if e[4] == "members_listed"] == ["星河年产8万吨新材料项目", "云溪智能装备项目"]
