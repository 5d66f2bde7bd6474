"""Holders of figures and milestones (extract/subjects.py), on texts written for the purpose.

Each test is one grammatical class (a counted batch, a project after its figure, a reference back,
an official's body, a zone as a place, lists, talk in general, conditions), its text a template
filled from rows of invented firms, projects, zones, people, figures, dates and separators — real
county names only where the rule reads the place list (``data/regions.csv``); no real report's."""
import pytest

from lishui_analysis.extract.dates import extract_dates
from lishui_analysis.extract.events import extract_events
from lishui_analysis.extract.organizations import extract_org_mentions
from lishui_analysis.extract.quantities import extract_quantities
from lishui_analysis.extract.subjects import find_holders
from lishui_analysis.ingest.segment import split_sentences


def quants(text, pub="2031-06-18", headline=""):
    orgs = extract_org_mentions(text)
    return extract_quantities(text, split_sentences(text), orgs, pub, find_holders(text, orgs, headline))


def events(text, pub="2031-06-18", headline=""):
    orgs = extract_org_mentions(text)
    return extract_events(text, split_sentences(text), extract_dates(text, pub), orgs, pub,
                          find_holders(text, orgs, headline))


def holder(qs, surface):
    q = next(q for q in qs if q.surface == surface)
    return q.subject, q.subject_type


def day_of(pub: str, md: str) -> str:
    """``pub``'s year with a written month and day (``3月6日``) or day (``6日``, ``pub``'s month)."""
    day = md.rstrip("日")
    month, day = day.split("月") if "月" in day else (pub[5:7], day)
    return f"{pub[:4]}-{int(month):02d}-{int(day):02d}"


def cases(template: str, rows: list[dict], *answers) -> list[tuple]:
    """One case per row: the template and each answer filled with the row (an answer is a
    template, a tuple of templates, or any other value, kept as it is)."""
    def fill(a, r):
        if isinstance(a, str):
            return a.format(**r)
        return tuple(fill(x, r) for x in a) if isinstance(a, tuple) else a
    return [(template.format(**r), *(fill(a, r) for a in answers)) for r in rows]


# Invented companies and zones; none is a real firm.
FIRMS = [
    {"co": "浙江澜岳新材料有限公司", "zone": "青溪经开区"},
    {"co": "丽水翠屿精工科技有限公司", "zone": "松岭高新区"},
    {"co": "岚舟电子股份有限公司", "zone": "梅川开发区"},
]


# ---- counted batches ------------------------------------------------------------------------

TOTALS = [dict(when="今年", area="全区", n=15, kind="重大", x="56.4"), dict(when="一季度", area="全县", n=8, kind="产业", x="23"),
          dict(when="上半年", area="全市", n=31, kind="重大产业", x="108.25")]
COUNTED = [
    # (an area's batch is named with the area, its count and its sum alike: holders.area_batches)
    *cases("{when}{area}共有{n}个{kind}项目集中开工，总投资{x}亿元。", TOTALS, "{x}亿元", ("{area}{n}个{kind}项目", "batch")),
    *cases("{when}{area}共有{n}个{kind}项目集中开工，总投资{x}亿元。", TOTALS, "{n}个", ("{area}{n}个{kind}项目", "batch")),
    *cases("其中{kind}项目{n}{m}{sep}总投资{x}亿元。",
           [dict(kind="先进制造业", n=9, m="项", sep="，", x="21.75"),
            dict(kind="基础设施", n=4, m="个", sep="，", x="6.2"),
            dict(kind="文化旅游", n=7, m="项", sep="；", x="8.3")],
           "{x}亿元", ("{kind}项目{n}{m}", "batch")),
    *cases("{where}现有{firms}{a}家，规上企业{b}家。",
           [dict(where="产业园", firms="入驻企业", a=88, b=35), dict(where="园区", firms="入园企业", a=216, b=47),
            dict(where="小镇", firms="落户企业", a=64, b=19)],
           "{b}家", ("规上企业{b}家", "batch")),
    *cases("其中{x}亿元以上项目{verb}{n}个。",
           [dict(x=10, verb="有", n=7), dict(x=5, verb="共", n=23), dict(x=20, verb="有", n=3)],
           "{n}个", ("{x}亿元以上项目{verb}{n}个", "batch")),
    *cases("{when}{v1}{a}个{sep}{v2}{b}个。",
           [dict(when="上半年", v1="新开工", a=29, sep="、", v2="投产", b=11),
            dict(when="今年", v1="新开工", a=36, sep="、", v2="竣工", b=12),
            dict(when="前三季度", v1="续建", a=52, sep="，", v2="投产", b=19)],
           "{b}个", ("{v2}{b}个", "batch")),
    *cases("{when}{verb}{n}个{noun}。",
           [dict(when="今年", verb="将建成", n=6, noun="数字车间"), dict(when="全年", verb="力争建成", n=12, noun="产业社区"),
            dict(when="年内", verb="将建成", n=9, noun="智慧街区")],
           "{n}个", ("{n}个{noun}", "batch")),
]


@pytest.mark.parametrize("text, surface, want", COUNTED)
def test_a_count_of_projects_or_companies_is_a_batch_and_holds_the_sum(text, surface, want):
    assert holder(quants(text), surface) == want


@pytest.mark.parametrize("text, surface, owner", cases("{co}拥有{n}项{what}，{metric}增长{p}%。", [
    dict(FIRMS[0], n=11, what="核心技术", metric="营收", p=26), dict(FIRMS[1], n=27, what="发明专利", metric="营收", p=12),
    dict(FIRMS[2], n=4, what="软件著作权", metric="利润", p=8)], "{n}项", "{co}"))
def test_counts_of_owned_things_are_the_owners(text, surface, owner):
    assert holder(quants(text), surface)[0] == owner


# ---- a project named after its figure -------------------------------------------------------

@pytest.mark.parametrize("text, surface, key", [
    *cases("总投资{x}亿元的{name}项目已{state}。", [
        dict(x="6.8", name="汽车铝合金轮毂", state="进入试生产阶段"),
        dict(x="8.4", name="新能源汽车电池壳体", state="进入设备安装阶段"),
        dict(x="23.5", name="高端轴承", state="完成桩基施工")], "{x}亿元", "{name}项目"),
    *cases("{investor}投资{x}亿元建设{name}。", [
        dict(investor="省农科院", x="3.6", name="现代种业研发基地"),
        dict(investor="青溪大学", x="6.2", name="智能农机研发基地"),
        dict(investor="岚舟集团", x="12", name="精密模具产业园")], "{x}亿元", "{name}"),
])
def test_a_project_after_its_figure(text, surface, key):
    subject, subject_type = holder(quants(text), surface)
    assert key in subject and subject_type == "project"


@pytest.mark.parametrize("name, x, first, cap, unit, year", [
    ("澜岳光电项目", "26", "首期建设项目", "80", "万片晶圆", "2033"), ("青溪翠屿储能项目", "15.5", "一期建设项目", "6", "万套电池包", "2035"),
    ("梅川岚舟芯片项目", "48", "首期项目", "36", "万片硅片", "2032"),
])
def test_a_reference_back_is_the_current_project(name, x, first, cap, unit, year):
    text = f"{name}总投资{x}亿元。{first}年产{cap}{unit}，该项目预计{year}年全部达产。"
    qs = quants(text)
    assert holder(qs, f"{cap}万{unit[1]}") == (name, "project")
    ev = events(text)
    assert [(e.event_type, e.subject, e.date) for e in ev] == [("full_capacity", name, year)]


@pytest.mark.parametrize("descriptions, named, facilities", [
    ("配套仓储基地、智能工厂已经完工，精品酒店也投用了。", "青溪机场、235省道和萤火虫小镇项目。", ["青溪机场", "235省道"]),
    ("高端酒店与商业综合体年内完工；现代化工厂也将投产。", "梅川大桥、松岭隧道及山海科创小镇项目。", ["梅川大桥", "松岭隧道"]),
    ("附属工厂和数字化基地都已建成，中高端酒店也开业了。", "泰顺机场、528国道、恐龙谷小镇项目。", ["泰顺机场", "528国道"]),
])
def test_descriptions_are_not_project_names(descriptions, named, facilities):
    h = find_holders(descriptions, [])
    assert not any(x.kind == "project" for x in h.items), [(x.name, x.kind) for x in h.items]
    kinds = {x.name: x.kind for x in find_holders(named, []).items}
    assert [kinds.get(f) for f in facilities] == ["project", "project"]


@pytest.mark.parametrize("firm, year, rev, x, mu", [
    (FIRMS[0], 2029, "1.87", "4.5", 66), (FIRMS[1], 2030, "3.42", "7", 120), (FIRMS[2], 2027, "11.8", "12.5", 215)])
def test_a_company_holds_its_revenue_its_plant_holds_the_investment(firm, year, rev, x, mu):
    co = firm["co"]
    text = f"{co}{year}年营收{rev}亿元。{co}新厂总投资{x}亿元，用地{mu}亩。"
    qs = quants(text)
    assert holder(qs, f"{rev}亿元") == (co, "company")
    assert holder(qs, f"{mu}亩") == (co, "project")


@pytest.mark.parametrize("firm, n, product, month, officials, x", [
    (FIRMS[0], 12, "高性能膜材", 8, "市国资公司董事长张三、市发改委主任李四", "6.5"), (FIRMS[1], 6, "锂电隔膜", 3, "区发改局局长王五、市投资集团总经理赵六", "9"),
    (FIRMS[2], 30, "电子元件", 11, "县经信局副局长周七、县城投公司总经理吴八", "14.5"),
])
def test_officials_and_bodies_are_never_holders(firm, n, product, month, officials, x):
    project = f"{firm['co']}年产{n}万吨{product}项目"
    text = f"{project}于{month}月开工。{officials}等出席开工仪式。项目总投资{x}亿元。"
    qs = quants(text)
    assert holder(qs, f"{x}亿元")[0] == project
    ev = events(text)
    assert [e.subject for e in ev if e.event_type == "construction_started"] == [project]
    assert ev[0].n_mentions == 2  # the groundbreaking and the ceremony where officials attended it


@pytest.mark.parametrize("body, verb, x", [("省经信厅", "下达技改资金", "380"), ("县经信局", "拨付技改补助资金", "86"),
                                           ("市商务局", "兑现奖励资金", "1200")])
def test_a_body_holds_the_funds_it_grants(body, verb, x):
    assert holder(quants(f"{body}{verb}{x}万元。"), f"{x}万元") == (body, "government")


@pytest.mark.parametrize("firm, verb, x, when", [
    (FIRMS[0], "实现规上工业产值", "187", "2030年11月"), (FIRMS[1], "完成工业投资", "46.5", "2029年3月"),
    (FIRMS[2], "实现规上工业产值", "212", "2027年9月")])
def test_a_zone_holds_a_figure_only_when_it_opens_the_clause(firm, verb, x, when):
    qs = quants(f"{firm['zone']}{verb}{x}亿元。")
    assert holder(qs, f"{x}亿元") == (firm["zone"], "zone")
    ev = events(f"{firm['co']}于{when}落户{firm['zone']}。")
    assert [(e.event_type, e.subject, e.subject_type) for e in ev] == [("settled", firm["co"], "company")]


# ---- lists ----------------------------------------------------------------------------------

@pytest.mark.parametrize("items, day, pub, when", [
    (["澜岳生物医药产业园（二期）", "235省道泰顺段", "翠屿商务大厦项目"], "4月3日", "2030-04-03", "今天"),
    (["梅川科技园", "岚舟智造工厂", "翠屿滨江综合体项目"], "11月20日", "2030-11-21", "当天"),
    (["512国道文成段", "青溪体育馆"], "6月28日", "2032-06-29", "当天"),
])
def test_each_listed_holder_gets_the_milestone(items, day, pub, when):
    ev = events(f"{day}，{'、'.join(items)}参加{when}的集中开工活动。", pub)
    assert [e.subject for e in ev] == items
    assert {e.date for e in ev} == {day_of(pub, day)}


@pytest.mark.parametrize("items, summary", [
    (["青溪农贸城", "岚舟冷链物流", "山海科创小镇"], "等一系列项目正式签约"), (["梅川康养小镇", "翠屿康养综合体"], "等一批项目集中签约"),
    (["松岭文旅综合体", "澜岳研发总部", "泰顺温泉酒店"], "等一系列项目签约"),
])
def test_items_before_a_plural_summary_are_the_holders(items, summary):
    ev = events(f"当天，{'、'.join(items)}{summary}。", "2033-07-26")
    assert [e.subject for e in ev] == items


@pytest.mark.parametrize("text", [
    "必须全力推进项目早开工、早见效。",                        # talk in general (推进)
    "要加快澜岳光电项目建成投产。",
    "一旦这个项目投产，将新增岗位600个。",                     # a condition (一旦)
    "这批项目的竣工投用，必将带动消费。",                      # many projects in general
    "为什么一批好项目选择落户青溪？",                          # a question
    "为何这么多优质项目扎堆落户磐安？",
    "翠屿精工科技有限公司项目建成达产后，可形成年产6万台的能力。",  # 建成达产后，可…: a condition
    "澜岳新材料有限公司项目建成投产后，可实现年产值9亿元。",
    "待新厂投产，预计新增年产值7.5亿元。",                     # 待…
    "春节后开工第一天，浙江澜岳新材料有限公司机器开工率达93%。",  # 开工率
    "节后复工首日，岚舟电子股份有限公司生产线开工率达85%。",
])
def test_talk_in_general_conditions_and_questions_are_no_milestones(text):
    assert [(e.event_type, e.subject) for e in events(text)] == []


@pytest.mark.parametrize("text, year", [("澜岳光电项目预计2034年全部达产后，年产值将超18.5亿元。", 2034),
                                        ("梅川岚舟储能项目计划2032年全面达产后新增产值7亿元。", 2032),
                                        ("青溪翠屿精密轴承项目力争2036年满负荷达产后年产值达26亿元。", 2036)])
def test_a_dated_plan_with_hou_is_a_milestone(text, year):
    ev = events(text)
    assert [(e.event_type, e.date, e.planned) for e in ev] == [("full_capacity", str(year), True)]


@pytest.mark.parametrize("text", [
    "丽水翠屿精工科技有限公司新厂从开工到整体结顶，只花了7个月。",
    "岚舟电子股份有限公司新厂从开工到主体结顶，只用了210天。",
    "浙江澜岳新材料有限公司二期厂房从开工到结顶仅用时5个月。",
])
def test_the_start_of_a_span_of_time_is_no_milestone(text):
    assert [e.event_type for e in events(text)] == ["topped_out"]


@pytest.mark.parametrize("firm, name, year, month, tail", [
    (FIRMS[0], "新材料项目", 2030, 4, "顺利封顶标志着项目进入装饰阶段。"), (FIRMS[1], "智造项目", 2027, 11, "厂房封顶意味着年内可以交付。"),
    (FIRMS[2], "研发大楼项目", 2028, 12, "主体封顶意味着建设进入新阶段。"),
])
def test_one_row_per_milestone_the_first_dated_statement_is_its_provenance(firm, name, year, month, tail):
    text = f"{firm['co']}{name}顺利封顶。该项目于{year}年{month}月封顶，{tail}"
    ev = [e for e in events(text) if e.event_type == "topped_out"]
    assert [(e.event_type, e.date, e.n_mentions) for e in ev] == [("topped_out", f"{year}-{month:02d}", 3)]
    assert text[ev[0].start:ev[0].end] == "封顶" and f"{year}年{month}月" in ev[0].sentence


@pytest.mark.parametrize("firm, quote, pub, when", [
    (FIRMS[0], "照现在的进度，明年3月就能正式投用。", "2029-10-02", "2030-03"),
    (FIRMS[1], "只要设备按时到货，明年8月就能正式投用。", "2031-06-18", "2032-08"),
    (FIRMS[2], "如果一切顺利，明年5月就能正式投用！", "2035-01-20", "2036-05"),
])
def test_a_quotation_opening_an_article_belongs_to_the_speakers_company(firm, quote, pub, when):
    ev = events(f"“{quote}”{firm['co']}负责人张三说。", pub)
    assert [(e.event_type, e.date, e.subject, e.subject_type) for e in ev] == [
        ("production_start", when, firm["co"], "project")]


@pytest.mark.parametrize("where, code, area, x, per", [
    ("青溪", "C-11-07", "35210", "26500", "420"), ("梅川工业", "A-2-15c", "120880", "90000", "610"),
    ("松岭三期", "D-06-4a", "18647", "12000", "380")])
def test_a_plot_named_by_its_code_holds_a_sale_notices_figures(where, code, area, x, per):
    text = (f"本次出让{where}{code}地块，出让面积{area}平方米。"
            f"其他要求：项目总投资{x}万元，固定资产投资强度{per}万元/亩。")
    qs = quants(text)
    for surface in (f"{area}平方米", f"{x}万元", f"{per}万元/亩"):
        subject, subject_type = holder(qs, surface)
        assert code in subject and subject_type == "other", surface


@pytest.mark.parametrize("county, code, town, price, mu", [
    ("文成县", "203117", "梅岭镇", "0.86", "140.2"), ("泰顺县", "201864", "溪口乡", "2.3", "88.45"),
    ("磐安县", "205046", "云山镇", "1.12", "57")])
def test_a_plot_named_by_its_notice_number_holds_its_area(county, code, town, price, mu):
    qs = quants(f"{county}工{code}国有建设用地位于{town}，起始总价约{price}亿元。地块占地约{mu}亩。")
    assert code in holder(qs, f"约{mu}亩")[0]


@pytest.mark.parametrize("items, when, pub", [
    (["澜岳制药原料药项目", "翠屿生物项目", "岚舟医疗器械项目"], "今年以来", "2032-10-09"), (["梅川冷链物流项目", "青溪智慧仓储项目"], "上月", "2030-11-21"),
    (["泰顺康养小镇项目", "松岭光伏项目", "翠屿新材料项目"], "日前", "2029-03-14"),
])
def test_quoted_projects_side_by_side_each_get_the_milestone(items, when, pub):
    ev = events(f"{when}，{''.join(f'“{i}”' for i in items)}签约落地。", pub)
    assert [e.subject for e in ev] == items


@pytest.mark.parametrize("first, others, day, pub", [
    ("云栖大厦项目", ["溪口路停车综合体", "青梅学校", "滨江人才房二期"], "5月9日", "2031-05-10"),
    ("澜岳科创园项目", ["梅川中学", "翠屿工业园"], "9月30日", "2029-10-01"),
    ("松岭医院项目", ["泰顺体育馆", "岚舟大桥", "青溪码头"], "3月2日", "2034-03-02"),
])
def test_holders_listed_after_the_verb(first, others, day, pub):
    text = f"{day}，{first}开工。当天同步开工的，还有{'、'.join(others)}等项目。"
    ev = events(text, pub)
    assert [e.subject for e in ev] == [first, *others]
    assert {e.date for e in ev} == {day_of(pub, day)}


@pytest.mark.parametrize("dateline, pub, want", [
    ("本报青溪3月4日电", "2033-03-06", "2033-03-04"), ("本报上海7月15日电", "2030-07-16", "2030-07-15"),
    ("本报梅川12月30日电", "2035-01-01", "2034-12-30"), ("本报讯（记者 张三）", "2030-07-16", ""),
])
def test_today_counts_from_the_dateline_kept_in_the_byline(dateline, pub, want):
    from lishui_analysis.tables.document import dateline_day

    assert dateline_day(dateline, pub) == want
    if want:
        ds = extract_dates("今天与青溪县签约的还有岚舟集团。", pub, want)
        assert [(d.surface, d.date) for d in ds] == [("今天", want)]


# ---- zones, places and trade names ----------------------------------------------------------

@pytest.mark.parametrize("zone, n, then, x, sep", [
    ("青溪经开区", 96, "截至2030年底，固定资产投资完成{}亿元，为年度目标的112.3%。", "12.6", "\n"),
    ("梅川高新区", 57, "2028年全年，完成工业投资{}亿元，占全年计划的98.6%。", "3.05", ""),
    ("松岭开发区", 203, "截至2033年底，累计完成固定资产投资{}亿元；年度任务完成率101.2%。", "27.48", "\n")])
def test_a_zone_speaking_as_subject_holds_the_figures_that_follow(zone, n, then, x, sep):
    text = f"{zone}现有入园企业{n}家。{sep}" + then.format(x)
    qs = quants(text)
    assert holder(qs, f"{n}家") == (f"{zone}入园企业{n}家", "batch")  # (the zone's batch: holders.area_batches)
    assert holder(qs, f"{x}亿元") == (zone, "zone")
    qs = quants(f"{zone}现有入园企业{n}家。{FIRMS[0]['co']}完成产值{x}亿元。")
    assert holder(qs, f"{x}亿元")[0] == FIRMS[0]["co"]


@pytest.mark.parametrize("day, official, partner, pub", [
    ("4月2日", "青溪经开区管委会副主任李四", "岚舟控股集团", "2032-04-03"), ("12月15日", "梅川高新区管委会主任王五", "翠屿实业集团", "2029-12-18"),
    ("7月7日", "松岭开发区管委会主任赵六", "澜岳投资集团", "2033-07-08"),
])
def test_a_step_told_in_sequence_is_a_milestone_a_condition_is_none(day, official, partner, pub):
    ev = events(f"{day}，{official}与{partner}签约后，露出了笑容。", pub)
    assert [(e.event_type, e.subject, e.date) for e in ev] == [("settled", partner, day_of(pub, day))]
    assert events(f"{FIRMS[1]['co']}项目投产后将年产{len(day)}万吨。") == []


@pytest.mark.parametrize("place, campaign, site, day, pub", [
    ("金华市磐安县", "重大产业投资", "澜岳智造基地", "8日", "2032-05-09"), ("温州市文成县", "民间投资", "翠屿科创园", "26日", "2030-08-27"),
    ("台州市仙居县", "扩大有效投资", "青溪大桥工程", "3日", "2034-12-03"),
])
def test_a_places_projects_are_one_batch(place, campaign, site, day, pub):
    ev = events(f"{day}上午，{place}{campaign}重大项目集中开工活动在{site}现场举行。", pub)
    assert [(e.subject, e.subject_type, e.date) for e in ev] == [(f"{place}{campaign}重大项目", "batch", day_of(pub, day))]


@pytest.mark.parametrize("day, n, pub, ceremony", [
    ("9月5日", 21, "2033-09-06", "浙江举行全省重大项目签约活动"), ("10月8日", 46, "2030-10-09", "全省举行重大项目集中签约仪式"),
    ("5月27日", 13, "2031-05-28", "全市举行重大项目集中签约仪式")])
def test_a_ceremony_and_its_detail_share_their_day(day, n, pub, ceremony):
    ev = events(f"{day}，{ceremony}，{'现场' if n % 2 else '共'}签约{n}个项目。", pub)
    assert {(e.subject, e.date) for e in ev} == {(f"{n}个项目", day_of(pub, day))}


@pytest.mark.parametrize("n, a, chain", [(52, 30, "开工投产投运"), (38, 19, "开工竣工投产"), (64, 27, "开工投运")])
def test_mixed_milestones_of_a_whole_batch_are_none(n, a, chain):
    ev = events(f"当天，{n}个重大项目集中{chain}。其中新开工{a}个。", "2034-04-11")
    assert [(e.event_type, e.subject) for e in ev] == [("construction_started", f"开工{a}个")]


@pytest.mark.parametrize("name, place, yuan, usd", [
    ("澜岳亚太研发中心项目", "磐安", "21.5", "3.1"), ("岚舟全球供应链总部项目", "文成", "34.2", "4.9"), ("翠屿华南结算中心项目", "仙居", "9.8", "1.4")])
def test_a_figure_restated_in_another_currency_and_a_copula_naming_the_project(name, place, yuan, usd):
    qs = quants(f"最大外资项目是{place}的{name}，总投资为{yuan}亿元（{usd}亿美元）。", "2031-06-10")
    assert [(q.surface, q.subject, q.metric) for q in qs] == [
        (f"{yuan}亿元", name, "investment"), (f"{usd}亿美元", name, "investment")]


@pytest.mark.parametrize("trade, town, area, what", [
    ("杭州澜岳", "青溪镇", "约8.5万平方米", "建起一个建筑面积{}的高标准智能产业园，计划2034年投用"),
    ("宁波岚舟", "梅川街道", "约12万平方米", "新建建筑面积{}的数字产业园，预计2033年建成"),
    ("苏州翠屿", "松岭乡", "约3.6万平方米", "建设一座总建筑面积{}的现代化工厂，2032年投产")])
def test_a_trade_name_opening_a_clause_holds_what_follows(trade, town, area, what):
    qs = quants(f"{trade}将在{town}" + what.format(area) + "。")
    assert holder(qs, area) == (trade, "project")


@pytest.mark.parametrize("region, years, x", [("泰顺", 30, "412.5"), ("文成", 18, "233.07"), ("仙居", 22, "318")])
def test_a_place_opening_a_clause_holds_what_follows(region, years, x):
    qs = quants(f"回望来路，{region}用{years}年的跨越式发展，地区生产总值增长到{x}亿元。")
    assert holder(qs, f"{x}亿元") == (region, "region")


PLOTS = [("青溪东区地块", "浙江澜岳新材料有限公司", 8, "锂电隔膜"), ("梅川B区地块", "岚舟电子股份有限公司", 300, "功率器件"),
         ("松岭北区地块", "丽水翠屿精工科技有限公司", 20, "精密轴承")]


@pytest.mark.parametrize("plot, firm, n, product, sales, after", [
    (*PLOTS[0], "12.6", "该项目全面投产后预计年销售收入{}亿元。"), (*PLOTS[1], "3.75", "该项目满产后，年产值可达{}亿元。"),
    (*PLOTS[2], "6.4", "这个项目达产后年产值{}亿元。")])
def test_a_figure_inside_a_project_name_and_figures_of_that_project(plot, firm, n, product, sales, after):
    text = f"8月3日，{plot}由{firm}摘得，计划建设年产{n}亿套{product}生产基地项目。" + after.format(sales)
    qs = quants(text)
    assert product in holder(qs, f"{n}亿套")[0] and product in holder(qs, f"{sales}亿元")[0]


@pytest.mark.parametrize("text", [
    "项目快开工、快投产，离不开专班的全程服务。",      # a slogan
    "企业快签约、快落地，靠的是一流的营商环境。",
    "澜岳光电项目达产后亩均税收60万元/亩。",           # an outcome after 达产后
    "翠屿精工项目投产后亩均产值480万元/亩。",
    "持续做好南岸更新加快开工工程专班的工作。",        # a name holding a verb
])
def test_slogans_outcomes_and_names_holding_a_verb_are_no_milestones(text):
    assert events("浙江岚舟电子有限公司新厂。" + text) == []


@pytest.mark.parametrize("day, name, what, months, pub", [
    ("9月1日", "青溪县第二人民医院", "医院", 26, "2031-09-02"), ("6月20日", "梅川实验学校", "学校", 14, "2029-06-21"),
    ("1月8日", "泰顺县中医医院", "医院", 31, "2033-01-09")])
def test_how_long_a_milestone_took_gives_it_no_date(day, name, what, months, pub):
    ev = {(e.event_type, e.date) for e in events(f"{day}，{name}启用。该{what}历时{months}个月建设完成。", pub)}
    assert ("production_start", day_of(pub, day)) in ev and ("completed", "") in ev


@pytest.mark.parametrize("name, where, mu", [
    ("澜岳新能源产业园（二期）", "青溪经开区", "约64亩"), ("岚舟智造基地", "梅川高新区", "约230亩"), ("翠屿生物科技产业园（一期）", "松岭产业集聚区", "约97亩")])
def test_a_place_a_holder_stands_at_is_not_its_holder(name, where, mu):
    qs = quants(f"{name}位于{where}，总用地面积{mu}。")
    assert holder(qs, mu)[0] == name


@pytest.mark.parametrize("items, x", [
    (["澜岳生物医药产业园", "235省道泰顺段", "翠屿商务中心项目"], "超12亿元"), (["梅川科技园", "岚舟智造工厂"], "约8.6亿元"),
    (["青溪体育馆", "512国道文成段", "松岭医院项目"], "超过20亿元"),
])
def test_a_figure_after_a_list_of_holders_is_the_lists_sum(items, x):
    qs = quants(f"其中，{'、'.join(items)}参加当天的集中开工活动，总投资{x}。")
    subject, subject_type = holder(qs, x)
    assert subject_type == "batch" and items[0] in subject and items[-1] in subject


@pytest.mark.parametrize("zone, x, name, stage", [  # names holding a one-character break word (和, 向, 正)
    ("青溪经济开发区", "18", "和瑞储能电池工厂", "主体结构施工"), ("梅川高新区", "7.5", "岚向精密模具基地", "基坑开挖"),
    ("松岭经济技术开发区", "41", "正晖智能驾驶工厂", "桩基施工")])
def test_a_name_after_de_keeps_characters_a_one_character_break_cut_off(zone, x, name, stage):
    qs = quants(f"在{zone}，总投资{x}亿元的{name}已完成{stage}。")
    assert holder(qs, f"{x}亿元") == (name, "project")


@pytest.mark.parametrize("firm, when, pub", [(FIRMS[0], "今年年底", "2031-08-01"), (FIRMS[1], "明年年初", "2029-05-12"),
                                             (FIRMS[2], "年底前", "2034-02-20")])
def test_moving_into_a_new_plant_is_a_planned_start(firm, when, pub):
    ev = events(f"{firm['co']}预计{when}就可以搬入新厂房。", pub)
    assert [(e.event_type, e.planned) for e in ev] == [("production_start", True)]


@pytest.mark.parametrize("place, year, n, pub", [("泰顺", 2032, 17, "2032-01-05"), ("文成", 2030, 35, "2030-01-04"),
                                                 ("仙居", 2035, 9, "2035-01-03")])
def test_a_year_naming_a_batch_dates_it(place, year, n, pub):
    ev = events(f"{year}年第一个工作日，{place}举行{year}年第一批重大项目集中签约活动，{n}个重大项目现场签约。", pub)
    assert (f"{n}个重大项目", f"{year}-01") in {(e.subject, e.date) for e in ev}


@pytest.mark.parametrize("text", ["泰顺累计签约数字经济项目42个。", "文成历年累计开工工业项目310个。",
                                  "仙居累计落地新能源项目57个。"])
def test_cumulative_counts_are_no_milestones(text):
    assert events(text, "2032-07-20") == []


@pytest.mark.parametrize("first, second, speaker, quote, tail", [
    ("澜岳固态电池项目", "翠屿光学镀膜项目", "招商科科长李四介绍", "签约后21天摘牌，如今桩基已经在施工", "是今年第一批签约的项目之一"),
    ("岚舟功率芯片项目", "青溪智能传感项目", "项目专班成员王五说", "签约后9天摘牌，眼下正在打桩", "属于首批签约项目"),
    ("梅川氢能装备项目", "松岭碳纤维项目", "招商局干部赵六说", "签约后12天摘牌，现在厂房已开始打桩", "作为首批签约项目之一"),
])
def test_a_reference_in_a_quotation_opening_its_paragraph_is_the_project_named_after_it(first, second, speaker, quote,
                                                                                          tail):
    text = f"{first}去年签约。\n“这个项目{quote}。”{speaker}，{second}{tail}。"
    ev = events(text, "2033-01-20")
    assert {e.subject for e in ev if e.event_type == "land_acquired"} == {second}


@pytest.mark.parametrize("text, code, mu", [("8月3日，青溪东区D-07-3面积88.2亩的工业地块顺利出让。", "D-07-3", "88.2"),
                                            ("梅川工业园M-21-15号面积126.75亩工业地块已挂牌。", "M-21-15", "126.75"),
                                            ("近日，松岭新城S-3-2b面积31亩工业地块成功出让。", "S-3-2b", "31")])
def test_a_figure_inside_a_coded_plot_is_the_plots(text, code, mu):
    qs = quants(text)
    assert code in holder(qs, f"{mu}亩")[0]


@pytest.mark.parametrize("items, floor, x", [
    (["青溪机场", "梅川大桥", "松岭隧道工程"], "5亿元以上", "87.5"), (["岚舟码头", "翠屿水库工程"], "亿元以上", "19"),
    (["泰顺抽水蓄能电站", "文成大桥", "仙居机场"], "20亿元以上", "146"),
])
def test_a_list_summed_up_by_a_count_holds_the_figure(items, floor, x):
    batch = f"{'、'.join(items)}等一批{floor}项目"
    qs = quants(f"{batch}有序推进，预计完成投资{x}亿元。")
    assert holder(qs, f"{x}亿元") == (batch, "batch")


@pytest.mark.parametrize("plot, firm, n, product, pub", [
    (*PLOTS[0], "2031-08-15"), (*PLOTS[1], "2029-08-13"), (*PLOTS[2], "2033-08-04")])
def test_a_companys_milestone_for_the_project_it_names(plot, firm, n, product, pub):
    ev = events(f"8月3日，{plot}挂牌出让，由{firm}摘得，计划建设年产{n}亿套{product}生产基地项目。", pub)
    assert [(e.event_type, e.subject) for e in ev] == [("land_acquired", f"年产{n}亿套{product}生产基地项目")]


@pytest.mark.parametrize("day, place, n, this, pub", [
    ("3日", "泰顺县", 12, "本次开工{}个重大项目，总投资48亿元", "2031-11-04"),
    ("21日", "文成县", 6, "本次共开工{}个重大项目，计划投资33.5亿元", "2029-04-22"),
    ("9日", "仙居县", 15, "本次集中开工{}个重大项目（投资总额72.6亿元）", "2034-06-10")])
def test_a_batch_named_after_ben_ci(day, place, n, this, pub):
    ev = events(f"{day}，{place}举行重大项目集中开工仪式。" + this.format(n) + "。", pub)
    assert ("construction_started", f"{n}个重大项目", day_of(pub, day)) in {
        (e.event_type, e.subject, e.date) for e in ev}


@pytest.mark.parametrize("label", ["新质生产力", "双招双引", "链长制"])
def test_a_quoted_label_before_a_bare_xiangmu_names_nothing(label):
    assert events(f"这个“{label}”项目签约落地。") == []


@pytest.mark.parametrize("investor, place, x, modifier, name", [
    ("澜岳控股集团", "青溪", "9.6", "", "智能网联汽车零部件基地"), ("岚舟科技集团", "梅川", "30", "", "第三代半导体产业园"),
    ("翠屿实业集团", "泰顺", "4.2", "", "竹木精深加工基地"),
    ("澜岳集团", "青溪", "7.2", "国内一流的", "智能家居产业园"), ("岚舟集团", "梅川", "25", "全球领先的", "储能电池基地"),
    ("翠屿集团", "泰顺", "3.3", "长三角领先的", "竹木新材料基地")])
def test_a_purpose_clause_after_a_figure_names_its_project_a_modifier_with_de_aside(investor, place, x, modifier, name):
    qs = quants(f"按照协议，{investor}将在{place}投资{x}亿元，打造{modifier}{name}。")
    # a facility with no name of its own is named with its builder when the builder is an
    # organization found (holders.builder_subject: …控股集团; 澜岳集团 alone is none)
    got = holder(qs, f"{x}亿元")
    assert got[1] == "project" and got[0] in (name, investor + name) and "的" not in got[0]


@pytest.mark.parametrize("title, status, total, grant, treasury", [
    ("澜岳高比能固态电池电解质材料研发与产业化", "入选省级星火计划项目", "880", "300", "市财政"),
    ("翠屿精密轴承智能检测系统研制", "获评市级优秀科技项目", "410", "120", "省财政"), ("岚舟车规级功率模块封装可靠性研究", "列入省重点研发计划", "1260", "450", "县财政"),
])
def test_a_long_quoted_project_name_and_a_treasurys_grant(title, status, total, grant, treasury):
    # the project the quotation names, not the title it earns (入选/获评…项目: an honour, not a holder)
    text = (f"“{title}”项目{status}。"
            f"项目计划投资{total}万元，获批{treasury}拟拨款经费{grant}万元。")
    qs = quants(text)
    assert holder(qs, f"{total}万元") == (f"“{title}”项目", "project")
    assert holder(qs, f"{grant}万元") == (treasury, "government")


@pytest.mark.parametrize("text, x, tax", [
    ("截至2033年底，投产企业88家。1-12月，投产企业实现工业产值41.6亿元，同比增长5.2%；缴纳税收8120.5万元。", "41.6", "8120.5"),
    ("到2030年末，投产企业205家。1—12月，投产企业共完成产值126.07亿元，增长11.4%；实现税收30211万元。", "126.07", "30211"),
    ("2035年底，共有投产企业61家。去年投产企业完成产值23.9亿元；入库税收4410.26万元。", "23.9", "4410.26"),
])
def test_a_category_of_firms_holds_its_figures_across_a_semicolon(text, x, tax):
    qs = quants(text)
    assert holder(qs, f"{x}亿元") == ("投产企业", "batch") and holder(qs, f"{tax}万元") == ("投产企业", "batch")


@pytest.mark.parametrize("text, top, share", [
    ("今年前三季度，排名前20的规上企业产值占全部248家规上企业产值的52%。", 20, "52"), ("1-6月，排名前50的规上企业实现产值占612家规上企业的37.25%。", 50, "37.25"),
    ("去年，排名前10的规上企业营收占135家规上企业营收总额的61.5%。", 10, "61.5"),
])
def test_a_ranked_category_of_firms_holds_its_share(text, top, share):
    qs = quants(text)
    assert holder(qs, f"{share}%") == (f"排名前{top}的规上企业", "batch")


@pytest.mark.parametrize("region, industry, x", [("泰顺县", "精密制造产业", "86.4"), ("文成县", "数字经济产业", "152"),
                                                 ("仙居县", "医药化工产业", "211.3")])
def test_an_industry_holds_its_output(region, industry, x):
    qs = quants(f"2031年，{region}{industry}完成产值{x}亿元，比上年增长8.7%。")
    assert holder(qs, f"{x}亿元") == (f"{region}{industry}", "batch")


@pytest.mark.parametrize("place, campaign, this, x", [
    ("台州市仙居县", "扩大有效投资", "此次集中开工项目共11项，总投资", "64.8"), ("温州市文成县", "民间投资", "本次开工项目有7个，计划总投资", "29"),
    ("金华市磐安县", "重大产业投资", "本次开工重大项目共16个；总投资", "103.5")])
def test_a_batch_of_ci_ci_is_the_batch_named_before(place, campaign, this, x):
    qs = quants(f"21日，{place}{campaign}重大项目集中开工活动举行。{this}{x}亿元。")
    assert holder(qs, f"{x}亿元") == (f"{place}{campaign}重大项目", "batch")


@pytest.mark.parametrize("investor, x, where, name, out", [
    ("澜岳新能源股份有限公司", "6.5", "在青溪湾", "光伏电站", "1.2亿度"), ("岚舟能源集团有限公司", "14", "在梅川沿海", "海上风电场", "5.6亿度"),
    ("翠屿绿能科技有限公司", "3.8", "在松岭山区", "风力发电场", "0.9亿度"),
])
def test_a_purpose_clause_with_a_place_names_the_project(investor, x, where, name, out):
    qs = quants(f"其中，{investor}投资{x}亿元，{where}建设{name}，年发电量将达{out}。")
    # named with its builder where the facility is read as a head phrase (holders.builder_subject)
    assert holder(qs, f"{x}亿元")[0] in (name, investor + name) and holder(qs, out)[0] == holder(qs, f"{x}亿元")[0]


@pytest.mark.parametrize("zone, label, firm, line, then, year, sales", [
    ("青溪经开区", "标杆项目", "浙江澜岳光电有限公司", "光学薄膜生产线项目二期工程", "项目满产后每月可生产膜材800万平方米。",
     2033, "3.6亿元"),
    ("梅川高新区", "一号工程", "岚舟电子股份有限公司", "车规芯片封测线项目一期工程", "该项目达产后月产芯片1.2亿颗。", 2031, "12亿元"),
    ("松岭开发区", "头号工程", "丽水翠屿精工科技有限公司", "精密轴承加工线项目三期工程", "项目建成后每月加工轴承40万套。",
     2036, "2.5亿元"),
])
def test_a_project_after_a_dash_and_its_companys_later_sales(zone, label, firm, line, then, year, sales):
    text = (f"{zone}的{label}——{firm}{line}正式通线投产。"
            f"{then}到{year}年，年销售规模超过{sales}。")
    qs = quants(text, f"{year - 1}-01-10")
    assert holder(qs, f"超过{sales}")[0] == f"{firm}{line}"
