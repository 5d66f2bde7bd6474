"""Names that are names (issue #17 item 4), each class of form on invented text: a project's name never
starts with a verb, adverb, time word or pronoun as jieba's dictionary tags its first word
(``holders.first_word``), nor with a head noun or inside one (``holders.past_head``); a named road or
town before the works built on it is one name (``holders.name_inside``); counted facilities and
ordinals are the current project's (``holders.ranked_head``); a kind word before 项目 makes a batch
(``holders.kind_head``); a place's name is never cut (``holders.place_word``). Templates vary the
names, numbers, leading words and punctuation."""
import pytest

from lishui_analysis import config
from lishui_analysis.extract.holder_phrases import first_word_off, left_edge, past_head, vocab
from lishui_analysis.extract.organizations import extract_org_mentions
from lishui_analysis.extract.quantities import extract_quantities
from lishui_analysis.extract.subjects import find_holders
from lishui_analysis.ingest.segment import split_sentences


def holders(text):
    return [(h.name, h.kind) for h in find_holders(text, extract_org_mentions(text)).items]


def projects(text):
    return [n for n, k in holders(text) if k == "project"]


def phrase(text):
    """The phrase :func:`left_edge` reads before the last head of ``text``."""
    m = list(vocab()["head_re"].finditer(text))[-1]
    return text[left_edge(text, m.start(), 0):m.end()]


def quantity(text, surface):
    qs = extract_quantities(text, split_sentences(text), extract_org_mentions(text), "2024-05-01",
                            find_holders(text, extract_org_mentions(text)))
    q = next(q for q in qs if q.surface == surface)
    return q.subject, q.subject_type


# ---- the first word's class (jieba's dictionary) -------------------------------------------------

NAMED = ["青田星澜智造综合体", "松阳云岭电池产业园", "年产8万吨星河新材料生产基地", "遂昌瓯远精密轴承工厂"]
# a verb (建起, 建, 新开), an adverb with a verb (至少有), as a report writes them before a name
VERB_LEADS = ["建起", "建成了", "至少有", "拟建"]


@pytest.mark.parametrize("lead", VERB_LEADS)
@pytest.mark.parametrize("name", NAMED)
@pytest.mark.parametrize("before", ["，", "。明年", "；地块上将"])
def test_a_name_never_starts_with_a_verb_or_adverb(lead, name, before):
    assert phrase(f"据悉{before}{lead}{name}") == name


@pytest.mark.parametrize("name,head", [("停车综合体", "综合体"), ("引水工程", "工程"), ("创新中心项目", "项目")])
def test_a_verb_with_no_proper_name_after_it_is_the_names_own(name, head):
    # 停车/引水/创新 are verbs, but what follows them is a common noun: the verb modifies the head
    text = f"今年，星河{name}"
    e = len(text) - len(head)
    assert first_word_off(text, 5, e) == 5


@pytest.mark.parametrize("name", ["横岭飞云智造产业园", "骑星智能装备产业园"])
def test_one_character_before_an_unknown_word_stays(name):
    # the trade name is unknown to the dictionary: its first character is the name's, not a verb
    assert phrase(f"在{name}") == name


def test_the_first_word_step_can_be_switched_off():
    text = "明年，地块上将建起青田星澜智造综合体"
    with config.steps_off("holders.first_word"):
        off = phrase(text)
    assert phrase(text) == "青田星澜智造综合体" and off != "青田星澜智造综合体"


# ---- a head noun, or the end of one, never opens a name -------------------------------------------

@pytest.mark.parametrize("title", ["省重点工程", "市重点工程", "县重点工程"])
@pytest.mark.parametrize("name", ["云岭SEA智造工厂", "星河精工轴承基地"])
def test_a_name_after_an_appositive_head_starts_after_it(title, name):
    assert phrase(f"记者获悉，{title}{name}") == name


@pytest.mark.parametrize("zone", ["瓯远产业集聚区", "星河产业集聚区"])
@pytest.mark.parametrize("name", ["云岭生物科技产业园", "岚溪医疗器械产业园"])
def test_a_cut_inside_a_zone_head_moves_past_it(zone, name):
    text = f"其中，{zone}{name}"
    s = len("其中，") + len(zone) - 1  # the cut after the break word 集聚 leaves 区 in front
    m = list(vocab()["head_re"].finditer(text))[-1]
    assert text[past_head(text, s, m.start()):m.end()] == name


def test_a_dictionary_word_that_starts_with_a_head_stays():
    text = "工程机械产业园"
    assert past_head(text, 0, len(text) - 3) == 0


# ---- a road or town before the works built on it ------------------------------------------------

@pytest.mark.parametrize("road,stretch", [("330国道", "云岭至星河段改建工程"), ("42省道", "青溪县城段改建工程"),
                                          ("228国道", "岚山至瓯远段拓宽工程")])
@pytest.mark.parametrize("lead", ["开工的", "其中，", "今年，"])
def test_a_road_and_its_stretch_are_one_name(road, stretch, lead):
    text = f"{lead}{road}{stretch}总投资6.5亿元。"
    assert road + stretch in projects(text)
    assert road not in projects(text)
    with config.steps_off("holders.name_inside"):
        assert road + stretch not in projects(text)


@pytest.mark.parametrize("stage", ["土建工程", "主体工程"])
def test_a_stage_after_a_project_is_no_part_of_its_name(stage):
    text = f"星河精工五期项目{stage}已完工。"
    assert projects(text) == ["星河精工五期项目"]


def test_a_reference_after_a_road_is_no_part_of_its_name():
    assert "330国道该项目" not in projects("330国道该项目总投资3亿元。")


# ---- counted facilities and ordinals: the current project's ---------------------------------------

@pytest.mark.parametrize("count", ["4个体育馆", "3个游泳馆", "首个体育馆", "2座体育馆"])
@pytest.mark.parametrize("name,x", [("星河运动综合体项目", "12"), ("云岭体育中心项目", "7.5")])
def test_counted_facilities_are_the_current_projects(count, name, x):
    text = f"{name}总投资{x}亿元，建设{count}，其中主馆座位3000座。"
    assert count not in projects(text)
    assert quantity(text, "3000座") == (name, "project")


@pytest.mark.parametrize("open_", ["（即", "(即"])
def test_a_name_never_opens_with_a_bracket_left_open(open_):
    text = f"星河运动综合体项目分两期建设{open_}3个游泳馆与2个体育馆）。"
    assert not any(n.startswith(("（", "(")) for n in projects(text))


# ---- kinds of project and a place's projects: batches ----------------------------------------------

@pytest.mark.parametrize("kind", ["重大项目", "战略性项目", "标志性项目", "重点项目"])
@pytest.mark.parametrize("field", ["智能传感", "海洋医药", "精密机床"])
def test_a_kind_word_before_the_head_is_no_projects_name(kind, field):
    text = f"当天下午还有{field}{kind}集中落地。"
    assert not any(field in n for n in projects(text))
    if kind != "重点项目":  # (重点 is a break word: the phrase is never read whole)
        assert (field + kind, "batch") in holders(text)
        with config.steps_off("holders.kind_head"):
            assert (field + kind, "project") in holders(text)


@pytest.mark.parametrize("place", ["松阳县", "青田县", "云和", "莲都"])
@pytest.mark.parametrize("lead", ["3月8日，", "今天，", "上午，"])
def test_a_place_opening_a_kind_phrase_names_its_batch(place, lead):
    assert (place + "重大项目", "batch") in holders(f"{lead}{place}重大项目开工率达九成。")


@pytest.mark.parametrize("place", ["云和", "莲都"])  # 和 and 都 are break words, and end these names
def test_a_place_ending_in_a_break_character_is_never_cut(place):
    text = f"5月20日，{place}重大项目开工率达九成。"
    with config.steps_off("holders.place_word"):
        off = holders(text)
    assert (place + "重大项目", "batch") in holders(text) and (place + "重大项目", "batch") not in off


@pytest.mark.parametrize("size,x", [("百亿", "120"), ("千亿", "1500"), ("十亿", "15")])
def test_a_round_size_before_the_head_is_a_class_of_size(size, x):
    hs = holders(f"今年，{size}项目投资{x}亿元。")
    assert (size + "项目", "batch") in hs


# ---- a zone before works with no name of their own; places listed before their count ---------------

@pytest.mark.parametrize("zone", ["云岭至星河新区", "岚溪经济开发区", "瓯远高新区"])
@pytest.mark.parametrize("works", ["引水工程", "排涝工程"])
def test_a_zone_before_works_with_no_proper_name_is_part_of_their_name(zone, works):
    text = f"作为市重点工程，{zone}{works}已完成管道铺设。"
    assert zone + works in projects(text)
    with config.steps_off("holders.name_inside"):
        assert zone + works not in projects(text)


@pytest.mark.parametrize("zone,name", [("瓯远高新区", "星河智造项目"), ("岚溪产业集聚区", "云岭精密轴承项目")])
def test_a_zone_before_a_named_project_stays_apart(zone, name):
    text = f"今年，{zone}{name}总投资8亿元。"
    assert name in projects(text) and zone + name not in projects(text)


@pytest.mark.parametrize("places,count", [(["云和", "松阳", "龙泉"], "三县"), (["遂昌县", "景宁县"], "两县"),
                                          (["青田", "缙云", "庆元", "莲都"], "四县（市）")])
@pytest.mark.parametrize("works", ["城乡供水一体化工程", "污水处理提标工程"])
def test_places_listed_before_their_count_name_one_batch(places, count, works):
    name = "、".join(places) + count + works
    assert (name, "batch") in holders(f"目前，{name}均已开工建设。")
    with config.steps_off("holders.place_list"):
        assert (name, "batch") not in holders(f"目前，{name}均已开工建设。")


@pytest.mark.parametrize("verb", ["保障", "推进", "加快", "服务", "支持"])
def test_a_verb_alone_before_xiangmu_is_its_object_not_a_name(verb):
    """全力保障项目建设: 保障项目 is no project; 项目 refers back to the project named before."""
    from lishui_analysis.extract.dates import extract_dates
    from lishui_analysis.extract.events import extract_events
    from lishui_analysis.extract.organizations import extract_org_mentions
    from lishui_analysis.ingest.segment import split_sentences
    text = (f"宁波澜岳精工年产8万套轴承项目总投资6亿元。管委会表示，将全力{verb}项目建设。"
            "澜岳精工负责人表示，项目预计明年投产。")
    events = extract_events(text, split_sentences(text), extract_dates(text, "2024-05-01"), extract_org_mentions(text),
                            "2024-05-01")
    assert [(e.event_type, e.subject) for e in events] == [("production_start", "宁波澜岳精工年产8万套轴承项目")]
