"""Charts: readable labels, the top_n shown, axes from the data, a network whose labels stay apart."""
import math

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from lishui_analysis.analysis import selections as analysis  # noqa: E402
from lishui_analysis.analysis import plots  # noqa: E402


@pytest.fixture(autouse=True)
def _close():
    yield
    plt.close("all")


def test_short_label_wraps_chinese_by_character_and_english_at_spaces():
    assert plots.short_label("浙江青溪岚峰光电半导体材料有限公司", 8) == "浙江青溪岚峰光电\n半导体材料有限…"
    assert plots.short_label("岚峰光电", 8) == "岚峰光电"
    label = plots.short_label("culture exhibition and media", 10)
    assert label.split("\n")[0] == "culture" and all(len(x) <= 14 for x in label.split("\n"))


def _timeline(n_projects: int) -> pd.DataFrame:
    events = []
    for i in range(n_projects):
        name = f"浙江第{i:02d}号新材料科技有限公司年产十万吨项目"
        for k, (etype, date) in enumerate((("construction_started", f"2023-{1 + i % 12:02d}"),
                                           ("topped_out", f"2024-{1 + i % 12:02d}-15"),
                                           ("production_start", "2025"))[: 1 + i % 3]):
            events.append({"event_id": f"a:{i:02d}:e{k}", "article_id": f"a:{i:02d}", "event_type": etype,
                           "subject": name, "subject_type": "company", "entity_id": "", "date": date,
                           "planned": etype == "production_start"})
    cols = ["event_id", "article_id", "event_type", "subject", "subject_type", "entity_id", "date", "planned"]
    return analysis.timeline(pd.DataFrame(events, columns=cols))


def test_gantt_shows_top_n_projects_one_row_each_with_short_labels_and_the_data_range():
    tl = _timeline(30)
    ax = plots.plot_timeline(tl, "Milestones", "date", top_n=8, label_width=12)
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert len(labels) == 8 and len(set(labels)) == 8  # one row per project
    assert all(len(line) <= 12 for lab in labels for line in lab.split("\n"))
    assert all(lab.count("\n") <= 1 for lab in labels)
    lo, hi = ax.get_xlim()
    shown = tl[tl["name"].isin(set(tl.groupby("name").size().sort_values(ascending=False).head(8).index))]
    first, last = matplotlib.dates.date2num(shown["start"].min()), matplotlib.dates.date2num(shown["end"].max())
    assert lo < first and hi > last
    assert (first - lo) < 0.1 * (last - first) + 25 and (hi - last) < 0.1 * (last - first) + 25  # no empty decades


def test_gantt_of_nothing_says_so():
    ax = plots.plot_timeline(_timeline(0), "Milestones", "date")
    assert any("no data" in t.get_text() for t in ax.texts)


def test_network_draws_only_the_strongest_ties_with_labels_apart():
    pairs = pd.DataFrame([{"a": f"机构{i}", "b": f"机构{j}", "articles": 1 + (i + j) % 4}
                          for i in range(20) for j in range(i + 1, 20)])
    pairs["association"] = 0.5
    ax = plots.plot_network(pairs, "Named together", top_n=12)
    top = analysis.strongest_ties(pairs, 12)
    assert len(top) == 12 and top["articles"].min() >= pairs["articles"].nlargest(12).min()
    nodes = set(top["a"]) | set(top["b"])
    labels = [t for t in ax.texts if t.get_text()]
    assert len(labels) == len(nodes)
    # labels sit outside the circle, each at its own angle
    angles = sorted(math.atan2(*reversed(t.get_position())) for t in labels)
    assert all(abs(math.hypot(*t.get_position()) - 1.06) < 1e-6 for t in labels)
    assert min(b - a for a, b in zip(angles, angles[1:])) > 2 * math.pi / len(nodes) * 0.99
    assert "12 strongest of 190" in ax.get_title()


def test_bars_keep_the_top_n_and_say_so():
    df = pd.DataFrame({"name": [f"项目{i}" for i in range(40)], "v": range(40)})
    ax = plots.plot_bars(df, "v", "name", "Investment", "亿元", top_n=10)
    assert len(ax.get_yticklabels()) == 10 and "top 10 of 40" in ax.get_title()
    assert {t.get_text() for t in ax.get_yticklabels()} == {f"项目{i}" for i in range(30, 40)}
