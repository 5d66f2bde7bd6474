"""Names that are names (issue #17 item 4), on invented text: a holder never starts with a
preposition, conjunction, particle, copula or adverb; a construction stage, a kind word or a size
class is no project's name; a project keeps its own name when its company is named inside it.
Templates vary the names, numbers, function words and punctuation."""
import itertools

import pytest

from lishui_analysis import config
from lishui_analysis.extract.holder_phrases import name_start
from lishui_analysis.extract.organizations import extract_org_mentions
from lishui_analysis.extract.quantities import extract_quantities
from lishui_analysis.extract.subjects import find_holders
from lishui_analysis.ingest.segment import split_sentences

NAMES = ["云岭新材料项目", "星河智造基地", "松阳星澜电池产业园", "青田瓯远精密轴承项目"]
# one word of each closed class: preposition, conjunction, particle, copula, adverb
LEADS = ["在", "于", "对", "由", "被", "与", "和", "暨", "及", "并", "则", "的", "是", "为", "已", "正", "也", "将"]


def projects(text):
    return [h.name for h in find_holders(text, extract_org_mentions(text)).items if h.kind == "project"]


# a function word followed by a name whose first character makes a longer dictionary word with it
# (将 + 星河… reads 将星): the word is kept, never cut — the known price of never cutting inside a word
AMBIGUOUS = {("将", "星河智造基地")}


def test_a_function_word_that_makes_a_word_with_the_name_stays():
    phrase = "将星河智造基地"
    assert name_start(phrase, 0, len(phrase) - 2) == 0


@pytest.mark.parametrize("lead,name", [p for p in itertools.product(LEADS, NAMES) if p not in AMBIGUOUS])
def test_a_name_never_starts_with_a_function_word(lead, name):
    text = name_start(lead + name, 0, len(lead + name) - 2)
    assert (lead + name)[text:] == name


@pytest.mark.parametrize("word", ["能源", "以色列", "经济", "和平", "同济", "地产"])
def test_a_function_character_that_begins_a_longer_word_stays(word):
    phrase = word + "星河项目"
    assert name_start(phrase, 0, len(phrase) - 2) == 0


@pytest.mark.parametrize("lead,name,amount,sep", [
    ("暨", "星河智造基地", "8.5", "，"),
    ("并", "松阳星澜电池产业园", "12", "，"),
    ("而", "云岭新材料项目", "3.2", ","),
])
def test_a_holder_after_a_conjunction_is_the_name_alone(lead, name, amount, sep):
    text = f"签约仪式上{sep}{lead}{name}总投资{amount}亿元。"
    assert name in projects(text)
    assert not any(p.startswith(lead) for p in projects(text))


@pytest.mark.parametrize("company", ["正岭电气有限公司", "正澜精工科技有限公司"])
def test_a_company_whose_first_character_is_a_function_word_keeps_it(company):
    # a trade name unknown to the dictionary loses its first character to name_start alone; the
    # organization the cut fell inside gives the phrase back its start
    text = f"{company}年产8万吨新材料项目总投资6亿元。"
    assert projects(text) == [company + "年产8万吨新材料项目"]


def test_the_step_can_be_switched_off():
    text = "暨星河智造基地总投资8亿元。"
    with config.steps_off("holders.name_start"):
        off = projects(text)
    assert projects(text) == ["星河智造基地"] and off != ["星河智造基地"]


@pytest.mark.parametrize("stage", ["桩基工程", "土石方工程", "地下室工程", "钢结构工程", "幕墙工程"])
@pytest.mark.parametrize("name", ["云岭新材料项目", "星河智造基地"])
def test_a_construction_stage_is_the_current_projects(stage, name):
    text = f"{name}总投资6亿元。目前，{stage}已完工，投资1.2亿元。"
    qs = extract_quantities(text, split_sentences(text), [], "2024-05-01", find_holders(text, []))
    q = next(q for q in qs if q.surface == "1.2亿元")
    assert q.subject == name


@pytest.mark.parametrize("kind_phrase", ["该类项目", "这类项目", "重大战略项目"])
def test_a_kind_is_no_name(kind_phrase):
    assert kind_phrase not in projects(f"今年，{kind_phrase}投资9亿元。")


@pytest.mark.parametrize("size,amount,sep", [("30亿级", "96", "，"), ("百亿级", "210", ","), ("5亿元级", "47", "：")])
def test_a_size_class_is_a_batch(size, amount, sep):
    text = f"其中{sep}{size}项目投资{amount}亿元。"
    hs = find_holders(text, []).items
    assert [(h.name, h.kind) for h in hs if size in h.name] == [(size + "项目", "batch")]
    assert not any(h.kind == "project" and size in h.name for h in hs)


@pytest.mark.parametrize("company,project", [
    ("浙江云岭精工有限公司", "年产5万套精密轴承项目"),
    ("青田星澜新能源科技有限公司", "锂电池隔膜生产线项目"),
])
def test_a_project_keeps_its_own_name_when_its_company_is_named_inside_it(company, project):
    text = f"{company}{project}总投资6.5亿元。"
    assert projects(text) == [company + project]


@pytest.mark.parametrize("rank", ["第一条", "第3条", "一条"])
def test_one_counted_item_by_rank_or_indefinite_is_no_name(rank):
    text = f"云岭新材料项目总投资6亿元，{rank}生产线投资1.5亿元。"
    qs = extract_quantities(text, split_sentences(text), [], "2024-05-01", find_holders(text, []))
    assert next(q for q in qs if q.surface == "1.5亿元").subject == "云岭新材料项目"


# ---- product_list: a company's plant for several products is one project -------------------

@pytest.mark.parametrize("company", ["云岭科技股份有限公司", "浙江星澜新材料有限公司"])
@pytest.mark.parametrize("items", [("正极", "负极", "隔膜材料"), ("LED外延", "芯片", "衬底加工"), ("光纤", "光缆")])
@pytest.mark.parametrize("lead", ["总投资36亿元的", "签约落地", "近日，"])
def test_a_company_with_a_list_of_products_is_one_project(company, items, lead):
    listed = "、".join(items[:-1]) + "和" + items[-1]
    name = f"{company}{listed}项目"
    assert projects(f"{lead}{name}顺利开工。") == [name]


@pytest.mark.parametrize("text, first", [
    ("云岭科技电池项目、星河纸业包装项目和青溪食品加工项目开工。", "云岭科技电池项目"),  # each item has its head
    ("云和县星澜公司轴承项目开工。", "云和县星澜公司轴承项目"),                        # 和 inside a place
])
def test_no_product_list(text, first):
    assert projects(text)[0] == first


# ---- period_head: a place's projects of a period are a batch, never a plant ------------------

@pytest.mark.parametrize("place", ["云溪市", "全县", "星河区"])
@pytest.mark.parametrize("period", ["一季度", "上半年", "前三季度", "1-5月"])
@pytest.mark.parametrize("campaign", ["攻坚工程", "重点建设项目", "“双招双引”工程"])
def test_a_periods_projects_are_a_batch(place, period, campaign):
    text = f"{place}{period}{campaign}全面开工。"
    hs = find_holders(text, extract_org_mentions(text)).items
    assert not [h for h in hs if h.kind == "project"]


# ---- boundary: a side of a plot's boundary is no holder; build_verbs open no name ------------

@pytest.mark.parametrize("sides", [("东至云溪路", "南至星河高速", "西至规划用地", "北至岭拓大道"),
                                   ("北至青溪大桥", "南至星河高速")])
@pytest.mark.parametrize("sep", ["、", "，", "；"])
@pytest.mark.parametrize("lead, close", [("四至范围：", "。"), ("云溪B-12地块（", "）出让。"), ("园区四至为：", "。")])
def test_a_side_of_a_boundary_is_no_holder(sides, sep, lead, close):
    text = lead + sep.join(sides) + close
    assert projects(text) == []


def test_a_place_ending_in_a_direction_keeps_its_road():
    assert projects("星河公路青田县水南至岭拓段工程开工。") == ["星河公路青田县水南至岭拓段工程"]


@pytest.mark.parametrize("verb", ["新建", "扩建", "迁建"])
@pytest.mark.parametrize("name", ["云岭科技电池材料项目", "星河智造产业园"])
def test_a_construction_verb_opens_no_name(verb, name):
    assert projects(f"今年{verb}{name}开工。") == [name]


# ---- a one-character break right after a cut is the name's (的|深向…) -------------------------

@pytest.mark.parametrize("name", ["深向星河智慧工厂", "云向岭拓电池产业园"])
@pytest.mark.parametrize("lead", ["总投资66亿元的", "位于园区的", "已"])
def test_a_break_character_second_after_a_cut_stays_in_the_name(name, lead):
    assert projects(f"{lead}{name}完成桩基施工。") == [name]


# ---- builder_subject: a facility with no name of its own is its builder's project ------------

@pytest.mark.parametrize("builder", ["云岭能源股份有限公司", "星河农机研究院"])
@pytest.mark.parametrize("verb, facility", [("建设", "风力发电场"), ("打造国际领先的", "高端农业装备制造基地")])
@pytest.mark.parametrize("money", ["投资20亿元，在湖边", "将在云溪投资8.5亿元，"])
def test_a_facility_with_no_name_is_named_with_its_builder(builder, verb, facility, money):
    assert projects(f"{builder}{money}{verb}{facility}。") == [builder + facility]


@pytest.mark.parametrize("text, name", [
    ("云岭能源股份有限公司投资12亿元，建设岭拓风力发电场。", "岭拓风力发电场"),  # a name of its own
    ("云岭能源股份有限公司签约。园区将建设风力发电场。", "风力发电场"),          # another sentence's builder
])
def test_no_builder_in_the_name(text, name):
    assert projects(text) == [name]


# ---- short_forms: a plant named in full and without its brand in one article is one name -----

@pytest.mark.parametrize("brand, short", [("岭拓", "SEA智造工厂"), ("云溪药业", "海洋生物制剂项目"), ("丽水", "云岭创新中心项目")])
@pytest.mark.parametrize("full_first", [True, False])
def test_a_short_form_takes_the_full_name(brand, short, full_first):
    a, b = (brand + short, short) if full_first else (short, brand + short)
    text = f"{a}开工。总投资9亿元的{b}明年投产。"
    assert projects(text) == [brand + short, brand + short]


def test_a_tail_shared_by_two_plants_stays_short():
    text = "岭拓轴承生产基地和云溪轴承生产基地开工。轴承生产基地明年投产。"
    assert projects(text)[-1] == "轴承生产基地"


@pytest.mark.parametrize("zone", ["云溪新区", "星河经开区", "岭拓高新区"])
@pytest.mark.parametrize("head", ["项目", "工程"])
def test_a_zones_projects_are_a_batch(zone, head):
    text = f"{zone}{head}攻坚劲头足。"
    assert projects(text) == []


# ---- project_goal: what a project is to become describes it, it is no other plant ------------

@pytest.mark.parametrize("ref", ["该项目", "本项目"])
@pytest.mark.parametrize("verb", ["紧密结合打造", "将建成国内领先的", "着力打造"])
@pytest.mark.parametrize("goal", ["产学研一体化示范基地", "数字经济创新中心"])
def test_a_projects_goal_is_no_project(ref, verb, goal):
    text = f"云岭科技电池材料项目开工。{ref}{verb}{goal}，建筑面积3.4万平方米。"
    assert projects(text) == ["云岭科技电池材料项目"]
    assert holders_of_area(text) == "云岭科技电池材料项目"


def holders_of_area(text):
    qs = extract_quantities(text, split_sentences(text), extract_org_mentions(text))
    return next(q.subject for q in qs if q.surface == "3.4万平方米")


@pytest.mark.parametrize("place", ["全市", "云溪县", ""])
@pytest.mark.parametrize("rank", ["最大的", "最早的"])
@pytest.mark.parametrize("what", ["单体农业项目", "智能装备产业园"])
def test_a_project_by_its_rank_is_no_name(place, rank, what):
    assert projects(f"{place}{rank}{what}落地星河。") == []


@pytest.mark.parametrize("who", ["岭拓Ceramics集团", "星河集团"])
@pytest.mark.parametrize("after", ["之后", "以后"])
def test_a_plant_framed_by_ji_starts_after_ji(who, after):
    text = f"这是{who}继云岭晶圆项目{after}在华投资的第二大项目。"
    assert projects(text) == ["云岭晶圆项目"]


@pytest.mark.parametrize("name", ["瓯江将军山文旅综合体项目", "云溪和平路改造工程", "石湾都市农业示范园项目"])
@pytest.mark.parametrize("verb", ["正式开工", "完成投资1.2亿元"])
def test_a_break_character_opening_a_noun_of_the_lexicon_is_part_of_the_name(name, verb):
    """将|军, 和|平, 都|市: a one-character break word that begins a noun of jieba's dictionary inside the
    name is no cut (the name is not 军山文旅综合体项目)."""
    assert name in projects(f"5月8日，{name}{verb}。")


@pytest.mark.parametrize("ref", ["该项目", "此项目", "这个项目"])
@pytest.mark.parametrize("road", ["330国道云溪段", "S26省道石湾段"])
def test_a_demonstrative_before_the_head_makes_a_reference_not_part_of_a_name(ref, road):
    """路段该项目: 该项目 refers back (to the road named right before it); no holder named 云溪段该项目."""
    text = f"{road}{ref}主线全长约8.2公里。"
    assert not any(ref in p and p != ref for p in projects(text))


@pytest.mark.parametrize("verb", ["扩建", "改扩建", "新建", "续建"])
@pytest.mark.parametrize("lead", ["", "同日开工的", "总投资3.5亿元的"])
def test_a_build_verb_right_before_the_head_is_the_project_s_kind(verb, lead):
    name = f"松溪饲料年产30万吨水产饲料{verb}项目"
    assert name in projects(f"{lead}{name}开工，进展顺利。")


@pytest.mark.parametrize("verb", ["新建", "扩建"])
def test_a_build_verb_with_an_object_still_starts_the_name_after_it(verb):
    assert "云岭厂区项目" in projects(f"星河镇决定{verb}云岭厂区项目。")


@pytest.mark.parametrize("size", ["10GWh", "1万吨", "年产2000台", "500MW"])
@pytest.mark.parametrize("head", ["产线", "生产线"])
def test_a_line_named_by_its_size_alone_is_the_project_s_part_not_a_project(size, head):
    text = f"云岭储能电池项目进展顺利，一期{size}{head}去年3月封顶。"
    assert f"{size}{head}" not in projects(text)


@pytest.mark.parametrize("name", ["远科10GWh储能电池项目", "330国道改建工程", "5G基站项目"])
def test_a_name_with_a_size_and_words_of_its_own_stays_a_project(name):
    assert any(p.startswith(name[:5]) for p in projects(f"{name}开工，进展顺利。"))


@pytest.mark.parametrize("jobs", ["创造就业岗位3000个", "新增就业岗位800个", "可提供岗位1200个"])
def test_jobs_a_project_brings_are_its_figure_not_a_batch(jobs):
    text = f"云岭储能电池项目总投资65亿元，投产后{jobs}。"
    q = [x for x in extract_quantities(text, split_sentences(text), extract_org_mentions(text)) if x.unit == "count"]
    assert q and q[0].subject == "云岭储能电池项目"


@pytest.mark.parametrize("label", ["项目选址：", "建设地点：", "项目位于", "，选址", "，坐落于", "，地处"])
def test_a_zone_named_as_a_site_holds_none_of_the_figures_after_it(label):
    text = f"云岭精工年产5万台减速机项目总投资12亿元。{label}石湾经济开发区北区，拟用地约120亩。"
    q = [x for x in extract_quantities(text, split_sentences(text), extract_org_mentions(text)) if x.unit == "mu"]
    assert q and q[0].subject_type != "zone"
    assert not [m.name for m in extract_org_mentions(text) if not m.name.startswith("石湾")]  # 选址 is no part of it


@pytest.mark.parametrize("stat", ["完成工业投资150亿元", "技改投资80亿元", "完成制造业投资150亿元"])
def test_an_area_s_target_in_a_work_report_is_the_area_s_not_the_last_project_s(stat):
    text = f"云岭精工扩产项目于8月16日完成设备安装。\n力争全区规上工业增加值增长7%以上，{stat}。"
    q = [x for x in extract_quantities(text, split_sentences(text), extract_org_mentions(text)) if x.unit == "CNY"]
    assert q and all(x.subject_type == "region" for x in q)


@pytest.mark.parametrize("company", ["中建云岭第三工程局有限公司", "星河建设工程有限公司", "松阳星澜产业园开发有限公司",
                                     "青田瓯远科创基地运营有限公司"])
@pytest.mark.parametrize("tail", ["投资5亿元建设厂房。", "，中标金额2.4亿元。"])
def test_a_head_word_inside_a_company_name_makes_no_project(company, tail):
    """工程, 产业园, 基地 inside a company's legal name are part of the name: the company holds the figure."""
    text = company + tail
    hs = find_holders(text, extract_org_mentions(text)).items
    assert [(h.name, h.kind) for h in hs] == [(company, "company")]


@pytest.mark.parametrize("head", ["产业园", "基地", "工厂", "综合体"])
@pytest.mark.parametrize("det", ["该", "这个"])
def test_a_reference_back_by_any_project_head_is_the_current_project(head, det):
    """该产业园, 这个基地 refer back like 该项目: not to a company named in a clause between."""
    text = (f"星河智造{head}主体完工。云岭建设集团有限公司项目经理王某介绍，{det}{head}总投资8.5亿元，"
            f"由星河城投集团有限公司投资建设。")
    q = [x for x in extract_quantities(text, split_sentences(text), extract_org_mentions(text)) if x.unit == "CNY"]
    assert [(x.subject, x.subject_type) for x in q] == [(f"星河智造{head}", "project")]


@pytest.mark.parametrize("role", ["项目经理", "项目部", "项目负责人"])
def test_a_projects_people_after_a_company_are_no_project(role):
    text = f"云岭建设集团有限公司{role}表示，工程进展顺利。"
    assert [m.name for m in extract_org_mentions(text)] == ["云岭建设集团有限公司"]
    assert not projects(text)


@pytest.mark.parametrize("lead", ["2023年", "今年1—9月，", "上半年，", ""])
@pytest.mark.parametrize("area", ["", "星河新区", "云溪县"])
@pytest.mark.parametrize("industry,verb", [("钛材料产业", "产值突破560亿元"), ("电子信息产业", "完成产值486亿元"),
                                          ("锂电产业", "规模突破500亿元")])
def test_an_industry_after_a_period_or_its_area_holds_its_output(lead, area, industry, verb):
    """An industry opening a clause before its output is a batch of its firms, after a period (2023年,
    今年1—9月) and with the area it is of (某某新区电子信息产业) — not the zone named before it."""
    text = f"星河新区集聚企业540余家。{lead}{area}{industry}{verb}。"
    q = [x for x in extract_quantities(text, split_sentences(text), extract_org_mentions(text)) if x.unit == "CNY"]
    assert q and q[0].subject_type == "batch" and q[0].subject.endswith(industry)


@pytest.mark.parametrize("area,title,holder", [
    ("星河高新区", "{a}2025年1—9月主要经济指标简况", ("星河高新区", "zone")),
    ("石湾经济开发区", "{a}上半年经济运行情况", ("石湾经济开发区", "zone")),
    ("松阳县", "{a}上半年经济运行情况", ("松阳", "region"))])
def test_a_bulletins_statistics_with_no_owner_are_its_headlines_area(area, title, holder):
    body = "一、工业生产\n规上工业总产值完成896.3亿元，同比增长9.8%。"
    hs = find_holders(body, extract_org_mentions(body), headline=title.format(a=area))
    q = [x for x in extract_quantities(body, split_sentences(body), extract_org_mentions(body), holders=hs)
         if x.unit == "CNY"]
    assert [(x.subject, x.subject_type) for x in q] == [holder]


@pytest.mark.parametrize("noun,n", [("问题", "32个"), ("诉求", "23项"), ("难题", "15个")])
def test_things_a_body_handles_counted_are_no_batch(noun, n):
    """协调解决用地、环评等问题32个: the handler's figure, never a batch of projects or firms."""
    text = f"星河街道办事处组建服务专班，累计协调解决用地、环评等{noun}{n}。"
    q = [x for x in extract_quantities(text, split_sentences(text), extract_org_mentions(text)) if x.surface == n]
    assert q and q[0].subject_type != "batch"


@pytest.mark.parametrize("verb", ["在建"])   # (在谈, 在产 are no words of the lexicon: read as before)
@pytest.mark.parametrize("area", ["星河高新区", "全市"])
def test_a_batch_keeps_the_progressive_zai_of_its_verb(verb, area):
    """在建重大项目86个: 在 is the progressive of 建 there, not a preposition cut off the batch's name."""
    text = f"目前，{area}{verb}重大项目86个，总投资1260亿元。"
    hs = find_holders(text, extract_org_mentions(text)).items
    assert f"{area}{verb}重大项目86个" in [h.name for h in hs if h.kind == "batch"]


def test_a_small_firms_park_is_a_project():
    text = "松阳县小微企业园二期由县城投集团投资建设，总投资4.6亿元，已入驻企业41家。"
    assert projects(text) == ["松阳县小微企业园二期"]
