"""Tables a saved text flattened (ingest/flat_tables.py): one cell a line, or one row a line split by
bars or tabs, read back as one sentence a row. Every text here is invented (templates varying names,
figures, order and separators)."""
from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lishui_analysis import config
from lishui_analysis.ingest import clean, flat_tables
from lishui_analysis.ingest.flat_tables import rewrite_tables

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

PROJECTS = ["云岭县中心医院迁建工程", "星河精密轴承年产5万套项目", "青溪大道综合改造工程", "北湖文化中心"]
PROGRESS = ["3月开工，11月主体结顶", "5月竣工投产", "已完成桩基施工", "计划9月开工"]


def cell_table(rows, sep="\n", blank=False, title="2031年云岭县重点项目建设情况一览"):
    lines = [title, "", "序号", "项目名称", "总投资（亿元）", "建设进度"]
    for n, (name, money, progress) in enumerate(rows, 1):
        lines += [str(n), name, money, progress]
    lines += ["", "云岭县发展和改革局"]
    text = sep.join(lines)
    return text.replace("\n", "\n\n") if blank else text


@pytest.mark.parametrize("blank", [False, True])
@pytest.mark.parametrize("pick", [(0, 1), (2, 3), (3, 0, 1)])
def test_each_row_is_one_sentence_with_its_unit(pick, blank):
    rows = [(PROJECTS[p], f"{p + 1}.{p * 3 + 2}", PROGRESS[p]) for p in pick]
    out = rewrite_tables(cell_table(rows, blank=blank))
    for name, money, progress in rows:
        assert f"{name}，总投资{money}亿元，{progress}。" in out.split("\n")
    assert "序号" not in out and "建设进度" not in out
    assert out.split("\n")[0] == "2031年云岭县重点项目建设情况一览"
    assert out.rstrip().endswith("云岭县发展和改革局")


def test_land_table_without_row_numbers_and_with_bars():
    cells = "\n".join(["地块编号", "竞得人", "出让面积（平方米）", "成交价（万元）",
                       "云岭2031-07号", "云岭恒远机械有限公司", "18650", "2960",
                       "云岭2031-08号", "浙江青禾纺织有限公司", "9321.5", "1475"])
    bars = "序号｜地块编号｜竞得人｜出让面积（平方米）｜成交价（万元）\n1｜云岭2031-07号｜云岭恒远机械有限公司｜18650｜2960\n" \
           "2 | 云岭2031-08号 | 浙江青禾纺织有限公司 | 9321.5 | 1475"
    tabs = bars.replace("｜", "\t").replace(" | ", "\t")
    for text in (cells, bars, tabs):
        out = rewrite_tables("挂牌出让结果如下：\n" + text + "\n公示期为10个工作日。").split("\n")
        assert out[1] == "云岭2031-07号地块，竞得人：云岭恒远机械有限公司，出让面积18650平方米，成交价2960万元。", text
        assert out[2] == "浙江青禾纺织有限公司".join(["云岭2031-08号地块，竞得人：", "，出让面积9321.5平方米，成交价1475万元。"])
        assert out[0] == "挂牌出让结果如下：" and out[3] == "公示期为10个工作日。"


@pytest.mark.parametrize("gap", [" ", "  ", "\u3000"])
def test_rows_whose_cells_spaces_part(gap):
    head = gap.join(["序号", "项目名称", "总投资（亿元）", "建设进度"])
    rows = [gap.join(["1", PROJECTS[2], "4.2", "已完成桩基施工"]), gap.join(["2", PROJECTS[3], "2.05", "计划9月开工"])]
    out = rewrite_tables("\n".join(["重点项目进展如下：", head, *rows, "（数据截至6月底）"])).split("\n")
    assert out == ["重点项目进展如下：", f"{PROJECTS[2]}，总投资4.2亿元，已完成桩基施工。",
                   f"{PROJECTS[3]}，总投资2.05亿元，计划9月开工。", "（数据截至6月底）"]
    # a cell with a space of its own makes one cell too many: the table ends before that row
    broken = rewrite_tables("\n".join([head, rows[0], gap.join(["2", PROJECTS[3], "2.05", "计划9月", "开工"])]))
    assert broken.split("\n")[1].startswith("2" + gap)


def test_a_header_cell_with_a_space_still_heads_a_table_of_one_cell_a_line():
    text = "序号\n项目名称\n总投资 （亿元）\n建设进度\n1\n北湖文化中心\n3.5\n已开工"
    assert rewrite_tables(text) == "北湖文化中心，总投资3.5亿元，已开工。"


def test_a_code_takes_the_noun_its_column_names_once():
    text = "宗地编号\n土地用途\n出让年限（年）\n起始价（万元）\nYL2031-3宗地\n工业用地\n50\n880\nYL2031-4\n仓储用地\n40\n615"
    assert rewrite_tables(text).split("\n") == ["YL2031-3宗地，土地用途：工业用地，出让年限50年，起始价880万元。",
                                                "YL2031-4宗地，土地用途：仓储用地，出让年限40年，起始价615万元。"]


def test_a_unit_not_listed_stays_in_the_column_name():
    text = "序号\n地块位置\n土地面积（m2）\n起始价（万元）\n1\n青溪路北侧\n7420\n512"
    assert rewrite_tables(text) == "青溪路北侧，土地面积（m2）：7420，起始价512万元。"


def test_a_cell_that_already_has_its_unit_or_no_unit_column():
    text = "序号\n项目名称\n总投资\n建设进度\n1\n北湖文化中心\n3.5亿元\n已开工\n2\n青溪大道综合改造工程\n1.2亿元\n完成30%"
    # no unit in the header: no figure column to check, but the row numbers count up
    out = rewrite_tables(text).split("\n")
    assert out == ["北湖文化中心，总投资：3.5亿元，已开工。", "青溪大道综合改造工程，总投资：1.2亿元，完成30%。"]


@pytest.mark.parametrize("text", [
    # rows that do not fit: a word where the header promises a number
    "序号\n项目名称\n总投资（亿元）\n建设进度\n1\n北湖文化中心\n待定\n已开工",
    # a row number out of order (the first row fits, the second does not: see the next test)
    "序号\n项目名称\n总投资（亿元）\n建设进度\n一\n北湖文化中心\n3.5\n已开工",
    # two column-like lines only
    "项目名称\n建设进度\n北湖文化中心\n已开工",
    # no row number and no figure column: the rows cannot be checked
    "项目名称\n建设单位\n建设地点\n北湖文化中心\n云岭文旅集团\n北湖街道",
    # a header with nothing under it
    "序号\n项目名称\n总投资（亿元）\n建设进度\n",
    # ordinary prose
    "云岭县今年安排重点项目45个。\n其中新开工项目12个，总投资86亿元。",
])
def test_what_is_no_table_stays_as_it_is(text):
    assert rewrite_tables(text) == text


def test_a_table_ends_at_the_first_row_that_does_not_fit():
    text = "序号\n项目名称\n总投资（亿元）\n建设进度\n1\n北湖文化中心\n3.5\n已开工\n注：以上数据截至6月底。"
    assert rewrite_tables(text).split("\n") == ["北湖文化中心，总投资3.5亿元，已开工。", "注：以上数据截至6月底。"]
    skipped = "序号\n项目名称\n总投资（亿元）\n建设进度\n4\n北湖文化中心\n3.5\n已开工\n6\n青溪大道综合改造工程\n2\n已开工"
    assert rewrite_tables(skipped).split("\n")[:2] == ["北湖文化中心，总投资3.5亿元，已开工。", "6"]


def test_the_step_runs_in_cleaning_and_can_be_switched_off():
    text = cell_table([(PROJECTS[1], "6.8", PROGRESS[1])])
    assert "星河精密轴承年产5万套项目，总投资6.8亿元，5月竣工投产。" in clean.normalize_text(text)
    with config.steps_off("clean.flat_tables"):
        assert "总投资6.8亿元" not in clean.normalize_text(text)


# ---- any text: no error, idempotent, cells kept, work linear in the lines ----------------------

PIECES = ["序号", "项目名称", "总投资（亿元）", "建设进度", "竞得人", "面积（平方米）", "1", "2", "3", "12.5",
          "北湖文化中心", "已开工", "｜", "\t", "\n", "\n", "\n", "。", "，", " ", "（", "）", "亿元", "价", "人",
          "计划开工", "竣工时间", "续建", "待定", "2031年3月", "2031.03", "\u3000"]


def texts(max_size=120):
    return st.lists(st.sampled_from(PIECES), max_size=max_size).map("".join)


@SETTINGS
@given(texts())
def test_any_text_rewrites_once_and_keeps_the_lines_outside_tables(text):
    out = rewrite_tables(text)
    assert rewrite_tables(out) == out
    rows = {line for line in out.split("\n") if line.endswith("。") and line not in text.split("\n")}
    assert all(line in text.split("\n") for line in out.split("\n") if line not in rows)


@SETTINGS
@given(st.lists(st.sampled_from(PIECES), min_size=1, max_size=60))
def test_the_work_grows_with_the_lines_not_their_square(pieces):
    calls = [0]
    real = flat_tables._header

    def counted(cell):
        calls[0] += 1
        return real(cell)

    flat_tables._header = counted
    try:
        for repeat in (1, 8):
            calls[0] = 0
            text = "".join(pieces * repeat)
            rewrite_tables(text)
            cells = text.count("\n") + text.count("｜") + text.count("\t") + text.count(" ") + text.count("\u3000") + 1
            assert calls[0] <= 4 * cells + 4
    finally:
        flat_tables._header = real


@pytest.mark.parametrize("html", [False, True])
def test_a_figure_of_a_row_is_a_span_of_the_body_with_its_unit(tmp_path, html):
    from lishui_analysis.ingest import load
    from lishui_analysis.tables.document import process_document

    rows = [(PROJECTS[1], "6.8", PROGRESS[1]), (PROJECTS[0], "12.5", PROGRESS[0])]
    if html:
        cells = "".join(f"<tr><td>{n}</td><td>{a}</td><td>{b}</td><td>{c}</td></tr>" for n, (a, b, c) in enumerate(rows, 1))
        text = ("<html><head><meta charset='utf-8'><title>云岭县重点项目进展一览</title></head><body><div class='article'>"
                "<h1>云岭县重点项目进展一览</h1><p>发布时间：2031-07-02</p><p>今年以来，重点项目有序推进，进展如下：</p>"
                "<table><tr><td>序号</td><td>项目名称</td><td>总投资（亿元）</td><td>建设进度</td></tr>"
                f"{cells}</table><p>下一步，将继续加快项目建设。</p></div></body></html>")
        path = tmp_path / "p.html"
    else:
        text = cell_table(rows, blank=True)
        path = tmp_path / "p.txt"
    path.write_text(text, encoding="utf-8")
    out = process_document(load.read_document(path, tmp_path))
    bodies = {a["article_id"]: a["body"] for a in out["articles"]}
    figures = {q["surface"]: q for q in out["quantities"]}
    for surface in ("6.8亿元", "12.5亿元"):
        q = figures[surface]
        assert bodies[q["article_id"]][q["start"]:q["end"]] == surface
    assert figures["6.8亿元"]["subject"] == PROJECTS[1]


# ---- plan tables whose cells single spaces part, with milestone columns (issue 17, round 2) -------

PLAN_ROWS = [  # (project, builder, investment, start cell, completion cell) — all invented
    ("绵州年产3万吨特种纤维项目", "绵州川纺新材料有限公司", "18.6", "2031年4月", "2032年9月"),
    ("许昌智能网联装备产业园", "许昌中原智造发展有限公司", "7.5", "续建", "2031年11月"),
    ("柳江冷链物流中心二期", "柳江桂运物流股份有限公司", "3.2", "2031.06", "2032.3"),
    ("宁川储能电池扩产项目", "宁川锂安能源科技有限公司", "26", "2031-5", "2032年底"),
]


def plan_table(columns, rows, gap=" ", numbered=True):
    """A plan table flattened into one line a row (header and cells parted by ``gap``)."""
    head = (["序号"] if numbered else []) + columns
    lines = [gap.join(head)]
    for n, row in enumerate(rows, 1):
        lines.append(gap.join(([str(n)] if numbered else []) + list(row)))
    return "\n".join(lines)


@pytest.mark.parametrize("gap", [" ", "\u3000"])
@pytest.mark.parametrize("numbered", [True, False])
def test_a_plan_table_parted_by_single_spaces_dates_its_milestones(gap, numbered):
    cols = ["项目名称", "建设单位", "总投资（亿元）", "计划开工", "计划竣工"]
    out = rewrite_tables("附件：\n" + plan_table(cols, PLAN_ROWS, gap, numbered) + "\n某某县发展和改革局").split("\n")
    assert out[0] == "附件：" and out[-1] == "某某县发展和改革局"
    assert out[1:-1] == [
        "绵州年产3万吨特种纤维项目，建设单位：绵州川纺新材料有限公司，总投资18.6亿元，计划2031年4月开工，计划2032年9月竣工。",
        "许昌智能网联装备产业园，建设单位：许昌中原智造发展有限公司，总投资7.5亿元，续建，计划2031年11月竣工。",
        "柳江冷链物流中心二期，建设单位：柳江桂运物流股份有限公司，总投资3.2亿元，计划2031年6月开工，计划2032年3月竣工。",
        "宁川储能电池扩产项目，建设单位：宁川锂安能源科技有限公司，总投资26亿元，计划2031年5月开工，计划2032年底竣工。"]


@pytest.mark.parametrize("header, cells, want", [
    # 开工时间 / 竣工时间 have no plan word: the date and the verb
    (["项目名称", "开工时间", "竣工时间"], ["云岭轴承项目", "2031年3月", "2031年12月"],
     "云岭轴承项目，2031年3月开工，2031年12月竣工。"),
    # 预计投产, 计划开工时间: the plan word kept, the field noun dropped; 万元 moved from the header
    (["项目名称", "投资额（万元）", "计划开工时间", "预计投产"], ["青禾纺织项目", "8600", "2031.3", "2032年6月"],
     "青禾纺织项目，投资额8600万元，计划2031年3月开工，预计2032年6月投产。"),
    # another order: the builder first names the row, the project after it; 实际 (a fact) is dropped
    (["建设单位", "项目名称", "实际开工", "计划建成"], ["北湖置业有限公司", "北湖创新大厦", "2030年10月", "2031年8月"],
     "北湖置业有限公司，项目名称：北湖创新大厦，2030年10月开工，计划2031年8月建成。"),
    # a cell that says its verb keeps it once; 待定 dates nothing and is left out
    (["项目名称", "计划开工", "计划投产"], ["星河电子项目", "2031年5月开工", "待定"],
     "星河电子项目，计划2031年5月开工。"),
    # a day written with dots
    (["项目名称", "签约时间", "计划开工"], ["江淮新能源整车项目", "2031.2.18", "在建"],
     "江淮新能源整车项目，2031年2月18日签约，在建。"),
    # a dotted figure that is no month stays as it is
    (["项目名称", "计划开工", "计划竣工"], ["江淮新能源整车项目", "2031.13", "2032/4"],
     "江淮新能源整车项目，计划2031.13开工，计划2032年4月竣工。"),
])
def test_milestone_columns_are_written_as_a_sentence_dates_them(header, cells, want):
    for numbered in (True, False):
        assert rewrite_tables(plan_table(header, [cells], numbered=numbered)) == want


@pytest.mark.parametrize("text", [
    # a milestone column's cell that is no date nor a state: not a row of this table
    "项目名称 计划开工 计划竣工\n云岭轴承项目 尽快 2031年12月",
    # no row number, no figure, no milestone column: nothing to check the rows by
    "项目名称 建设单位 建设地点\n云岭轴承项目 云岭机械有限公司 北湖街道",
    # a line of words that are states, no header
    "续建 在建 已开工\n1 云岭轴承项目 2031年3月",
    # 已开工 is a cell, never a column's name
    "项目名称 已开工 已竣工\n云岭轴承项目 2031年3月 2031年12月",
])
def test_what_is_no_plan_table_stays_as_it_is(text):
    assert rewrite_tables(text) == text


def test_a_short_name_ending_in_a_column_noun_is_a_cell_of_a_row_of_one_line():
    # 北湖轴承项目 alone would read as a column name (…项目); among cells that are none it is a row's name
    text = plan_table(["项目名称", "总投资（亿元）", "计划开工"], [("北湖轴承项目", "2.5", "2031年7月")])
    assert rewrite_tables(text) == "北湖轴承项目，总投资2.5亿元，计划2031年7月开工。"
    # a second header (every cell a column's name) ends the table
    two = text + "\n序号 项目名称 总投资（亿元） 计划竣工"
    assert rewrite_tables(two).split("\n")[1] == "序号 项目名称 总投资（亿元） 计划竣工"


def test_a_plan_table_of_one_cell_a_line_dates_its_milestones_too():
    text = "\n".join(["序号", "项目名称", "计划开工", "计划竣工", "1", "南岭物流园", "2031年8月", "2032年8月"])
    assert rewrite_tables(text) == "南岭物流园，计划2031年8月开工，计划2032年8月竣工。"


@pytest.mark.parametrize("pick", [(0, 1), (2, 3, 0), (1, 3)])
def test_a_plan_tables_rows_give_planned_dated_milestones_and_figures(tmp_path, pick):
    from lishui_analysis.ingest import load
    from lishui_analysis.tables.document import process_document

    rows = [PLAN_ROWS[p] for p in pick]
    table = plan_table(["项目名称", "建设单位", "总投资（亿元）", "计划开工", "计划竣工"], rows)
    text = "\n".join(["某某市2031年第二批重大产业项目实施计划", "", "发布日期：2031-01-15", "",
                      "各有关单位：", "现将2031年第二批重大产业项目实施计划印发给你们，请抓好落实。", "",
                      "附件：2031年第二批重大产业项目实施计划表", "", "某某市发展和改革委员会", "2031年1月14日", "",
                      "附件", "2031年第二批重大产业项目实施计划表", table, ""])
    path = tmp_path / "plan.txt"
    path.write_text(text, encoding="utf-8")
    out = process_document(load.read_document(path, tmp_path))
    money = {q["surface"]: q for q in out["quantities"] if q["unit"] == "CNY"}
    events = {(e["event_type"], e["date"]) for e in out["events"] if e["planned"] in (True, "true", "True")}
    for name, builder, amount, start, done in rows:
        assert f"{amount}亿元" in money
        holder = money[f"{amount}亿元"]["subject"]
        assert holder in (name, builder) or name.endswith(holder), (holder, name)
        if start == "续建":
            assert not any(e["event_type"] == "construction_started" and e["subject"] in (name, builder)
                           for e in out["events"])
        elif start[:4].isdigit():
            year, month = start[:4], start[5:].rstrip("月").lstrip("0")
            assert ("construction_started", f"{year}-{int(month):02d}") in events, (start, events)
        if done.endswith("月"):
            assert ("completed", f"{done[:4]}-{int(done[5:-1]):02d}") in events
    names = {o["name"] for o in out["org_names"]}
    assert all(builder in names for _, builder, *_ in rows)


def test_two_columns_and_a_row_number_make_a_table_two_alone_do_not():
    text = plan_table(["项目名称", "计划竣工"], [("湘潭电机配套产业园", "2031年10月"), ("湘潭新材料研究院", "2032年4月")])
    assert rewrite_tables(text).split("\n") == ["湘潭电机配套产业园，计划2031年10月竣工。", "湘潭新材料研究院，计划2032年4月竣工。"]
    bare = plan_table(["项目名称", "计划竣工"], [("湘潭电机配套产业园", "2031年10月")], numbered=False)
    assert rewrite_tables(bare) == bare


@pytest.mark.parametrize("year", ["2031年", "2031年度"])
@pytest.mark.parametrize("pick", [(0, 1), (2, 3, 0)])
def test_a_column_named_after_a_year_and_a_period_of_years(year, pick):
    """A header cell may name the year of its figures or aims (2031年进度目标); a cell of a period of
    years (建设起止年限 2030-2032) is kept for the milestone reader (a start and a completion)."""
    head = "\t".join(["序号", "项目名称", "总投资（亿元）", "建设起止年限", f"{year}进度目标"])
    lines = ["云岭县重点建设项目计划表", head]
    for n, p in enumerate(pick, 1):
        lines.append("\t".join([str(n), PROJECTS[p], f"{p + 2}.5", f"20{30 + p}-20{32 + p}", PROGRESS[p]]))
    out = rewrite_tables("\n".join(lines)).split("\n")
    for p in pick:
        assert f"{PROJECTS[p]}，总投资{p + 2}.5亿元，建设起止年限：20{30 + p}-20{32 + p}，2031年{PROGRESS[p]}。" in out


@pytest.mark.parametrize("year", ["2031", "2032"])
@pytest.mark.parametrize("aim, written", [("6月开工", "{y}年6月开工"), ("主体完工", "{y}年主体完工"),
                                          ("年底投产", "{y}年年底投产"), ("2033年竣工", "2033年竣工"),
                                          ("明年投产", "明年投产")])
def test_a_cell_of_a_year_s_aims_takes_the_year(year, aim, written):
    """A clause column named for a year (2031年进度目标) dates its cells with that year unless one names its own."""
    head = "\t".join(["序号", "项目名称", "总投资（亿元）", f"{year}年进度目标"])
    text = "\n".join(["云岭县重点建设项目计划表", head, "\t".join(["1", PROJECTS[0], "3.5", aim])])
    out = rewrite_tables(text).split("\n")
    assert f"{PROJECTS[0]}，总投资3.5亿元，{written.format(y=year)}。" in out
