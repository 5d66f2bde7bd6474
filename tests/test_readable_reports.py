"""Reports a reader can follow (issue 18, item 6): every chart described in its alt text, tables that keep
their sentence and source columns in view, a time axis where "over time" is promised, building rates with
their sentences. Data invented for these tests."""
import json
import subprocess

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import nbformat  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402
from bs4 import BeautifulSoup  # noqa: E402

from html_checks import chromium  # noqa: E402
from lishui_analysis.analysis import plots, selections  # noqa: E402
from lishui_analysis.report import runner  # noqa: E402


@pytest.fixture(autouse=True)
def _close():
    yield
    plt.close("all")


def _page(tmp_path, outputs, name="nb") -> str:
    nb = nbformat.v4.new_notebook()
    cell = nbformat.v4.new_code_cell("x")
    cell.outputs = outputs
    nb.cells = [nbformat.v4.new_markdown_cell("# 测试"), cell]
    path = tmp_path / f"{name}.ipynb"
    nbformat.write(nb, path)
    page = tmp_path / f"{name}.html"
    page.write_bytes(runner.render_html(path, with_code=False))
    return page


PNG = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="


def test_a_charts_description_is_its_alt_text_escaped(tmp_path):
    described = nbformat.v4.new_output("display_data", {"image/png": PNG},
                                       metadata={"image/png": {"alt": 'Investment: bars of 亿元 "甲" <b>乙</b>'}})
    html = _page(tmp_path, [described]).read_text(encoding="utf-8")
    (img,) = BeautifulSoup(html, "html.parser").find_all("img")
    assert img["alt"] == 'Investment: bars of 亿元 "甲" <b>乙</b>'
    assert "<b>乙</b>" not in html.split("<img", 1)[1].split(">", 1)[0]  # escaped inside the attribute


BARS = pd.DataFrame({"name": ["入园招商项目14个", "入园项目18个", "8个项目"], "v": [679.1, 310.2, 445.7]})


def test_every_chart_says_its_title_and_what_it_plots():
    ax = plots.plot_bars(BARS, "v", "name", "Investment intensity of batches and zones", "万元/亩", threshold=270,
                         threshold_label="标准地 floor 270 万元/亩")
    alt = plots.alt_text(ax.figure)
    assert alt.startswith("Investment intensity of batches and zones: horizontal bar chart of 3 bars, bar length 万元/亩")
    assert "入园招商项目14个 679.1; 8个项目 445.7; 入园项目18个 310.2" in alt and "标准地 floor 270 万元/亩" in alt
    empty = plots.plot_bars(BARS.iloc[0:0], "v", "name", "Investment", "亿元")
    assert plots.alt_text(empty.figure) == "Investment: empty chart, no data in the selection."
    tl = selections.timeline(pd.DataFrame([
        {"event_id": f"a:e{i}", "article_id": "a", "event_type": t, "subject": "浙江甲科技有限公司", "subject_type": "company",
         "entity_id": "", "date": d, "planned": p}
        for i, (t, d, p) in enumerate((("construction_started", "2023-01", False), ("topped_out", "2023-08-15", False),
                                       ("production_start", "2024", True)))]))
    alt = plots.alt_text(plots.plot_timeline(tl, "Milestones by project", "date").figure)
    assert alt.startswith("Milestones by project: timeline with date on the x axis from 2023-01 to 2024-12")
    assert "construction started, topped out, production start" in alt and "hollow when planned" in alt
    pairs = pd.DataFrame([{"a": "甲", "b": "乙", "articles": 3, "association": 1.0}, {"a": "甲", "b": "丙", "articles": 1, "association": 0.5}])
    alt = plots.alt_text(plots.plot_network(pairs, "Organizations named together").figure)
    assert "network of 3 organizations" in alt and "甲 – 乙 (3)" in alt
    cov = pd.DataFrame([{"project": "甲项目", "sources": 2, "articles": 3, "云和新闻": 2, "松阳新闻": 1}])
    alt = plots.alt_text(plots.plot_coverage(cov, "Articles per project and outlet").figure)
    assert "one row per project (1), one column per outlet (2)" in alt and "甲项目 (2 outlets, 3 articles)" in alt
    fig, ax = plt.subplots()
    ax.set_title("a chart of the researcher's own")
    ax.set_xlabel("year")
    assert plots.alt_text(fig) == "Chart: a chart of the researcher's own (x axis: year)"


@pytest.mark.slow
def test_charts_drawn_in_a_kernel_carry_their_description(tmp_path):
    from nbclient import NotebookClient

    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell("from lishui_analysis.analysis import plots\nimport pandas as pd\nplots.setup_notebook()"),
                nbformat.v4.new_code_cell("ax = plots.plot_bars(pd.DataFrame({'n': ['甲', '乙'], 'v': [1.0, 2.0]}), 'v', 'n', 'T', 'x')"),
                nbformat.v4.new_code_cell("import matplotlib.pyplot as plt\nf, a = plt.subplots()\na.set_title('own chart')")]
    NotebookClient(nb, kernel_name="python3", timeout=300).execute()
    alts = [o["metadata"]["image/png"]["alt"] for c in nb.cells for o in c.outputs if "image/png" in o.get("data", {})]
    assert alts == ["T: horizontal bar chart of 2 bars, bar length x. Largest: 乙 2; 甲 1.", "Chart: own chart"]


def test_industries_over_time_are_counted_per_year_on_a_year_axis():
    articles = pd.DataFrame({"article_id": ["a", "b", "c", "d"], "pub_date": ["2017-03-01", "2017-11", "2019", ""]})
    orgs = pd.DataFrame({"org_id": ["o1", "o2"], "industry": ["semiconductor", "health_medicine"]})
    mentions = pd.DataFrame({"article_id": ["a", "a", "b", "c", "d"], "org_id": ["o1", "o1", "o1", "o2", "o2"]})
    ot = selections.industries_over_time(articles, orgs, mentions)
    assert ot.to_dict("records") == [
        {"year": 2017, "month": "2017-03", "industry": "semiconductor", "articles": 1},
        {"year": 2017, "month": "2017-11", "industry": "semiconductor", "articles": 1},
        {"year": 2019, "month": "2019", "industry": "health_medicine", "articles": 1}]  # undated d left out
    by_year = selections.per_year(ot)
    assert by_year.to_dict("records") == [{"year": 2017, "industry": "semiconductor", "articles": 2},
                                          {"year": 2019, "industry": "health_medicine", "articles": 1}]
    ax = plots.plot_by_year(by_year, "industry", "Articles per year naming each industry", "year of publication")
    assert [t.get_text() for t in ax.get_xticklabels()] == ["2017", "2018", "2019"]  # the empty year too
    assert ax.get_xlabel() == "year of publication"
    assert "2017–2019" in selections.over_time_takeaway(by_year, "industry")


def test_building_rates_carry_the_sentences_of_their_figure_and_milestones():
    sentences = pd.DataFrame([{"article_id": "a:01", "sentence_id": 1, "text": "该项目建筑面积12万平方米。"},
                              {"article_id": "a:01", "sentence_id": 2, "text": "项目于2023年3月开工，同年9月结顶。"}])
    quantities = pd.DataFrame([{"quantity_id": "a:01:q001", "article_id": "a:01", "sentence_id": 1, "metric": "building_area"},
                               {"quantity_id": "a:01:q002", "article_id": "a:01", "sentence_id": 1, "metric": "investment"}])
    events = pd.DataFrame([{"event_id": "a:01:e001", "article_id": "a:01", "sentence_id": 2, "event_type": "construction_started"},
                           {"event_id": "a:01:e002", "article_id": "a:01", "sentence_id": 2, "event_type": "topped_out"},
                           {"event_id": "a:01:e003", "article_id": "a:01", "sentence_id": 2, "event_type": "settled"}])
    articles = pd.DataFrame([{"article_id": "a:01", "doc_id": "a", "headline": "新厂房结顶", "publication": "云和新闻", "source": "",
                              "pub_date": "2023-10-01", "url": ""}])
    t = {"sentences": sentences, "quantities": quantities, "events": events, "articles": articles}
    projects = pd.DataFrame([{"subject": "甲项目", "floor_area_m2": 120000.0, "construction_started": "2023-03",
                              "topped_out": "2023-09", "quantity_ids": "a:01:q002;a:01:q001",
                              "event_ids": "a:01:e003;a:01:e001;a:01:e002"}])
    rates = selections.provenance(selections.building_rates(projects, t), t, "ids")
    row = rates.iloc[0]
    assert row["ids"] == "a:01:q001;a:01:e001;a:01:e002"
    assert row["sentence"] == "该项目建筑面积12万平方米。 ‖ 项目于2023年3月开工，同年9月结顶。" and "《新厂房结顶》" in row["source"]


needs_chromium = pytest.mark.skipif(chromium() is None, reason="headless Chromium not installed "
                                    "(apt-get install -y chromium)")

SENTENCE = ("招商服务中心有关负责人说，到10月底，东片区二期累计落地签约项目17个，投资总额31.84亿元，用地共455亩；"
            "其中已开工建设项目15个，入库纳统项目12个，当年完成固定资产投资6215万元，正加快推进建设。")
SOURCE = "《园区建设日新月异》 · 云和新闻 · 2024-12 · https://example.invalid/yunhe/2024-12/content_20241220_123456.html"


def _measure(page, tmp_path, width=1400):
    """Open ``page`` at ``width`` px in headless Chromium; per table: its box's client and scroll widths and
    the right edge of its last two header cells."""
    # measured once the fonts are in (the page lays its tables out again then, after its own handler)
    probe = ("<script>window.addEventListener('load', function () { document.fonts.ready.then(function () {"
             "var out = Array.from(document.querySelectorAll('table.dataframe')).map(function (t) {"
             "var box = t.closest('.ls-scroll'); var th = t.tHead.rows[0].cells;"
             "return {cls: t.className, client: box.clientWidth, scroll: box.scrollWidth, boxRight: box.getBoundingClientRect().right,"
             "right: [th[th.length - 2].getBoundingClientRect().right, th[th.length - 1].getBoundingClientRect().right]}; });"
             "var pre = document.createElement('pre'); pre.id = 'probe'; pre.textContent = JSON.stringify(out);"
             "document.body.appendChild(pre); }); });</script>")
    html = page.read_text(encoding="utf-8")
    end = html.rfind("</body>")
    test_page = tmp_path / f"probe-{page.name}"
    test_page.write_text(html[:end] + probe + html[end:], encoding="utf-8")
    r = subprocess.run([chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        f"--window-size={width},1000", "--virtual-time-budget=5000", "--dump-dom", test_page.resolve().as_uri()],
                       capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr[-2000:]
    return json.loads(BeautifulSoup(r.stdout, "html.parser").select_one("#probe").get_text())


@needs_chromium
def test_sentence_and_source_columns_stay_in_view(tmp_path):
    """Tables as the reports show them — a money figures table of twelve columns, a steps table of seventeen —
    fit a 1400-pixel window: the sentence and source columns are not pushed off to the right."""
    money = pd.DataFrame([{"quantity_id": f"lishui-edz-2024-12:02:q{i:03d}", "subject": "签约项目17个", "subject_type": "batch",
                           "metric": "investment", "surface": "31.84亿元", "amount_wan_yuan": 318400.0, "unit": "CNY",
                           "period": "", "forecast": False, "approximate": False, "sentence": SENTENCE, "source": SOURCE}
                          for i in range(3)])
    steps = pd.DataFrame([{"entity_id": "E82e853d878", "subject": "浙江某某半导体材料有限公司", "from_event": "construction_started",
                           "to_event": "equipment_move_in", "from_date": "2023-06", "to_date": "2023-12-31", "days_low": 184.0,
                           "days_high": 213.0, "days_mid": 198.5, "planned": False,
                           "event_ids": "lishui-edz-2024-12:06:e003;lishui-edz-2024-12:06:e004", "flag": "",
                           "target_days": 90.0, "within_target": False, "sentence": SENTENCE, "source": SOURCE}])
    outputs = [nbformat.v4.new_output("execute_result", {"text/html": df.to_html(), "text/plain": "df"}, execution_count=1)
               for df in (money, steps)]
    for table in _measure(_page(tmp_path, outputs, "wide"), tmp_path):
        assert table["scroll"] <= table["client"] + 1, table  # no horizontal scrolling needed
        assert max(table["right"]) <= table["boxRight"] + 1 and table["boxRight"] <= 1400, table


def test_figures_the_extractor_could_not_place_are_listed_with_their_sentence():
    from lishui_analysis.analysis import overview

    articles = pd.DataFrame([{"article_id": "a:01", "doc_id": "a", "headline": "新厂房结顶", "publication": "云和新闻",
                              "source": "", "pub_date": "2023-10-01", "url": ""}])
    quantities = pd.DataFrame([{"quantity_id": "a:01:q001", "article_id": "a:01", "sentence_id": 1, "surface": "3个",
                                "value": 3.0, "unit": "count", "metric": "other", "subject": ""},
                               {"quantity_id": "a:01:q002", "article_id": "a:01", "sentence_id": 1, "surface": "5亿元",
                                "value": 5e8, "unit": "CNY", "metric": "investment", "subject": "甲项目"}])
    sentences = pd.DataFrame([{"article_id": "a:01", "sentence_id": 1, "text": "3个车间投资5亿元。"}])
    t = {"articles": articles, "quantities": quantities, "sentences": sentences}
    rows = overview.unresolved_quantities(quantities, articles, t).to_dict("records")
    assert [(r["quantity_id"], r["sentence"]) for r in rows] == [("a:01:q001", "3个车间投资5亿元。")]
    assert "《新厂房结顶》" in rows[0]["source"]
