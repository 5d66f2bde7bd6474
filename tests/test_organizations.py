"""Organization names on sentences we wrote ourselves, one class of text per test (the shapes of
zone news: who visits, attracts, builds; officials' titles; credit lines; lists of firms)."""
import pytest

from lishui_analysis.extract.organizations import extract_org_mentions, find_full_names


def names(text):
    return [m.name for m in extract_org_mentions(text)]


# Invented zones, firms, institutes; a short name either given in 以下简称 or cut from the full
# name (trade name + one of its industry words, possibly skipping one: 鹿鸣智能装备制造 → 鹿鸣装备).
NAMED = [
    dict(zone="丽水经开区", zs="经开区", co="浙江岚峰智能科技有限公司", s="岚峰智能", inst="宁波理工大学丽水研究院",
         ag="国家药监局", co2="苏州澄禾医疗器械有限公司", s2="澄禾医疗", sep="，"),
    dict(zone="青田经济开发区", zs="开发区", co="杭州翠屿光电股份有限公司", s="翠屿光电", inst="浙江农林大学青田研究院",
         ag="国家知识产权局", co2="宁波沐川绿色能源开发有限公司", s2="沐川能源", sep="；"),
    dict(zone="松阳高新区", zs="高新区", co="丽水汀兰生物医药有限公司", s="汀兰生物", inst="温州医科大学松阳研究院",
         ag="省市场监管局", co2="常州鹿鸣智能装备制造有限公司", s2="鹿鸣装备", sep="，"),
]


@pytest.mark.parametrize("r", NAMED, ids=lambda r: r["s"])
def test_organizations_full_names_boundaries_and_short_names(r):
    text = ("{zone}企业{co}（以下简称“{s}”）与{inst}合作。{s}获得{ag}颁发的证书。"
            "{co2}实力很强{sep}{s2}将落户。{zs}表示欢迎。").format(**r)
    ms = extract_org_mentions(text)
    pairs = {(m.surface, m.name) for m in ms}
    assert {(r["co"], r["co"]), (r["s"], r["co"]), (r["inst"], r["inst"]), (r["ag"], r["ag"]),
            (r["s2"], r["co2"]), (r["zs"], r["zone"])} <= pairs
    assert not any(m.surface.startswith(("与", "企业")) for m in ms)
    assert all(text[m.start:m.end] == m.surface for m in ms)


@pytest.mark.parametrize("text", ["形成了上下游协同的产业格局。", "构建了研产销互补的业务格局。", "各职能部门通力合作。", "参观企业创伤医学博物馆。",
                                  "该公司是上市公司。", "项目由丽水市委常委主持。"])
def test_not_organizations(text):
    assert [m.surface for m in extract_org_mentions(text) if m.surface != "丽水市委"] == []


@pytest.mark.parametrize("full, short, verb", [("开发区经济发展局", "开发区经发局", "派人"),
                                               ("高新区投资促进局", "高新区投促局", "安排专人"),
                                               ("经开区投资促进部", "经开区投促部", "指定专员")])
def test_government_abbreviation_is_the_same_body(full, short, verb):
    text = f"{full}{verb}对接。记者在{short}看到一张图。"
    assert {(m.surface, m.name) for m in extract_org_mentions(text)} == {(full, full), (short, full)}


@pytest.mark.parametrize("text", ["聘请全国行业协会专家作为顾问。", "支持各上市公司发展。"])
def test_category_endings_are_not_names(text):
    assert extract_org_mentions(text) == []



# --- left boundaries: a name never starts with a verb, a preposition, a time word or a role ---

@pytest.mark.parametrize("text, name", [
    ("考察团一行到访宁波某某精工科技有限公司。", "宁波某某精工科技有限公司"),          # visiting
    ("今年以来共招引上海某某新能源集团等企业。", "上海某某新能源集团"),                # attracting
    ("项目承建单位中建某局集团有限公司介绍。", "中建某局集团有限公司"),                # role
    ("业主单位浙江某某交通集团表示。", "浙江某某交通集团"),                           # role
    ("投资方杭州某某材料股份有限公司已完成备案。", "杭州某某材料股份有限公司"),        # role
    ("其中生产企业以杭州某某制药有限公司为代表。", "杭州某某制药有限公司"),            # preposition
    ("目前宁波某某医院已投用。", "宁波某某医院"),                                     # time word
    ("今天签约的还有中国某某科技集团。", "中国某某科技集团"),                          # 还有
    ("会议紧扣市委部署，经温州市人民政府批准。", "温州市人民政府"),                     # 经 + place
])
def test_left_edge_cut_after_verbs_prepositions_time_words_and_roles(text, name):
    assert names(text) == [name]


def test_a_noun_inside_a_name_is_kept_when_only_the_suffix_would_be_left():
    # 企业 is a role before a name (…企业浙江…) but part of the trade name in 某某企业有限公司
    assert names("杭州某某企业有限公司落户。") == ["杭州某某企业有限公司"]
    assert names("骨干企业温州某某电器有限公司落户。") == ["温州某某电器有限公司"]


def test_a_verb_before_a_bare_suffix_leaves_no_name():
    assert names("环境让大家对医院更有信心。手把手指导公司人员办证。") == []


def test_conjunction_inside_a_body_domain_is_not_a_break():
    assert names("县住房和城乡建设局、衢州市自然资源和规划局联合发文。") == ["县住房和城乡建设局", "衢州市自然资源和规划局"]


# --- government bodies from officials' titles ---

def test_province_before_a_city_body_is_dropped():
    assert names("浙江丽水市委书记出席。") == ["丽水市委"]
    assert names("浙江省委常委、金华市委书记出席。") == ["浙江省委", "金华市委"]


def test_city_before_a_county_zone_is_dropped_but_the_provincial_zone_name_stays():
    assert names("4月1日，温州乐清经开区项目开工。") == ["乐清经开区"]
    assert names("浙江庆元经济开发区成立于2006年。") == ["浙江庆元经济开发区"]


def test_juxtaposed_bodies_are_split_and_unnamed_city_bodies_are_generic():
    # 瑞安市委 is named; 市政府 (of which city?) is a generic reference, like 市委 alone
    assert names("多年来，瑞安市委市政府坚持招商为先。") == ["瑞安市委"]
    assert names("近年来，龙泉市委市政府始终把产业放在首位。") == ["龙泉市委"]
    assert names("全面落实市委、市政府决策。") == []
    assert names("深入贯彻县委、县政府部署。") == []


def test_a_body_inside_a_title_or_before_its_party_organ():
    assert names("嘉兴市人大常委会副主任出席。市国资委党委书记讲话。") == ["嘉兴市人大常委会", "市国资委"]


def test_county_places_and_places_with_their_level_name_bodies():
    assert names("龙湾区人民政府初审。临安区委书记强调。") == ["龙湾区人民政府", "临安区委"]
    assert names("李家巷镇人民政府牵头，芜湖市发展和改革委员会批复。") == ["李家巷镇人民政府", "芜湖市发展和改革委员会"]


def test_a_credit_line_is_not_an_actor():
    assert names("图为新厂区。台州市黄岩区委宣传部供图") == []
    assert names("（来源：台州市黄岩区委宣传部）") == []


# --- generic and descriptive phrases are not names ---

@pytest.mark.parametrize("text", ["当地一家大型高科技企业集团落户。", "这是全国首家绿色金融实践学院。",
                                  "浙江省委通报全省开发区考核结果。", "在意大利建立分公司。", "构建新发展格局。",
                                  "位于城市北部的园区。", "打造浙南闽北特色产业集聚区。", "获评国家工程研究中心。",
                                  "建设研发实验室。", "这是国家级经济技术开发区。"])
def test_descriptive_phrases_are_not_names(text):
    assert [m.name for m in find_full_names(text) if m.name != "浙江省委"] == []


def test_named_zones_and_labs_need_a_distinctive_stem():
    assert names("项目落地青山湖科技城，之江实验室参与。") == ["青山湖科技城", "之江实验室"]
    assert names("瓯江口产业集聚区位于温州。") == ["瓯江口产业集聚区"]


# --- recall: lists of firms by short name, boards, bare zone words ---

def test_firms_listed_by_short_name_after_an_inclusion_verb():
    assert names("产业链涵盖了华盛新材料、宏达化工等5家龙头企业。") == ["华盛新材料", "宏达化工"]


def test_a_latin_name_before_a_board_is_a_company():
    assert names("这被Sunmax（中国）董事局主席称为壮举。") == ["Sunmax（中国）"]
    assert names("该集团副董事长表示。") == []


def test_bare_zone_word_is_the_zone_when_the_article_names_none():
    assert names("7月12日，开发区一宗工业用地成交。今年以来，开发区推进招商。") == ["开发区", "开发区"]
    assert names("该园区是省级开发区。") == []


# --- names that hold a break word, ministries, people's organizations ---

def test_a_one_character_break_inside_the_trade_name_after_a_place_is_kept():
    assert names("浙江新和成股份有限公司在上虞投资。") == ["浙江新和成股份有限公司"]
    assert names("在杭州的公司集团。") == []  # 的 right after the place is a break


def test_a_place_inside_a_place_name_is_not_a_run_of_places():
    assert names("宁波杭州湾新区开发建设管理委员会发文。") == ["宁波杭州湾新区开发建设管理委员会"]


def test_ministries_and_peoples_organizations():
    assert names("商务部、工信部联合发文，省商务部门落实。") == ["商务部", "工信部"]
    assert names("市科学技术局（市科协）参与。") == ["市科学技术局", "市科协"]
    assert names("中共丽水市委组织部发布公告，丽水海关提供服务。") == ["中共丽水市委组织部", "丽水海关"]


def test_short_name_after_a_county_place_links_to_the_full_name():
    text = "浙江乐清华盛电气有限公司开工。华盛电气负责人表示满意。"
    assert {(m.surface, m.name) for m in extract_org_mentions(text)} == {
        ("浙江乐清华盛电气有限公司", "浙江乐清华盛电气有限公司"), ("华盛电气", "浙江乐清华盛电气有限公司")}


def test_a_function_character_second_in_a_trade_name_is_kept():
    # 为 in 信为 is part of the name; 和 after 我 is a conjunction; 经 after 月 is 'through'
    assert names("信为技术有限公司落户。") == ["信为技术有限公司"]
    assert names("我和丽水某某有限公司合作。") == ["丽水某某有限公司"]
    assert names("2019年6月经省政府批准。") == ["省政府"]
    assert names("9月经省政府批复，园区扩容。") == ["省政府"]


def test_the_body_of_a_named_zone():
    assert names("瓯江口产业集聚区管委会主任介绍。") == ["瓯江口产业集聚区管委会"]
    assert names("全省开发区管委会参加。") == []


def test_a_medium_in_the_body_counts_but_not_in_a_byline():
    assert names("新华社杭州3月5日电 丽水日报记者 张某 报道") == []
    assert names("据新华社报道，项目开工。") == ["新华社"]


def test_a_body_of_a_zone_keeps_its_city_and_free_trade_zones_are_zones():
    assert names("杭州钱塘新区管理委员会发文。") == ["杭州钱塘新区管理委员会"]
    # a free trade zone's area is named in full (its official name: …自由贸易试验区宁波片区)
    assert names("中国（浙江）自由贸易试验区宁波片区挂牌。") == ["中国（浙江）自由贸易试验区宁波片区"]
    assert names("据丽水经开区招商服务中心负责人介绍。") == ["丽水经开区招商服务中心"]


@pytest.mark.parametrize("text", ["园区集聚了电子信息、生物医药等产业的龙头企业。", "引进了光伏、储能等一批企业。",
                                  "包括半导体、新能源等领域企业。", "涵盖了研发、生产等环节的企业。"])
def test_a_list_of_industries_or_activities_is_no_list_of_firms(text):
    assert names(text) == []


def test_have_is_a_break_but_not_inside_names_and_a_measure_word_starts_no_name():
    assert names("签约项目有浙江某某有限公司投资的项目。") == ["浙江某某有限公司"]
    assert names("中国有色金属工业协会发布。") == ["中国有色金属工业协会"]
    assert names("其中有3家是浙江某某集团的子公司。") == ["浙江某某集团"]
