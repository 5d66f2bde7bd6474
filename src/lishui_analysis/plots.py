"""Chart helpers: one place sets the seaborn theme and a CJK font that pip installs.

The font is Noto Sans SC (SIL OFL), shipped by the ``pylopdf-fonts-zh-cn`` wheel,
so Chinese labels render as glyphs on any machine without root or system fonts.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path


def cjk_font_path() -> Path:
    """Noto Sans SC Regular as installed by pip (package pylopdf-fonts-zh-cn)."""
    import pylopdf_fonts_zh_cn

    return Path(pylopdf_fonts_zh_cn.__file__).parent / "NotoSansSC-Regular.otf"


@lru_cache(maxsize=1)
def cjk_font_name() -> str:
    """Register the bundled Noto Sans SC with matplotlib and return its family name."""
    from matplotlib import font_manager

    path = cjk_font_path()
    font_manager.fontManager.addfont(str(path))
    return font_manager.FontProperties(fname=str(path)).get_name()


def set_theme() -> None:
    """seaborn theme with the CJK font first in the fallback list."""
    import matplotlib as mpl
    import seaborn as sns

    font = cjk_font_name()
    sns.set_theme(style="whitegrid", context="notebook", rc={"figure.dpi": 110})
    mpl.rcParams["font.family"] = "sans-serif"
    mpl.rcParams["font.sans-serif"] = [font, "DejaVu Sans"]
    mpl.rcParams["axes.unicode_minus"] = False


def plot_ranked_bars(df, value: str, label: str, title: str, xlabel: str, threshold: float | None = None,
                     threshold_label: str = "", ax=None):
    """Horizontal bars sorted by ``value``, optional vertical threshold line."""
    import matplotlib.pyplot as plt
    import seaborn as sns

    set_theme()
    data = df.sort_values(value, ascending=False)
    if ax is None:
        _, ax = plt.subplots(figsize=(8, 0.45 * max(len(data), 2) + 1.2))
    sns.barplot(data=data, x=value, y=label, ax=ax, color="#4C72B0", orient="h")
    positive = data[value][data[value] > 0]
    if len(positive) > 1 and positive.max() / positive.min() > 50:
        ax.set_xscale("log")  # one outlier would flatten every other bar
        xlabel = f"{xlabel} (log scale)"
    if threshold is not None:
        ax.axvline(threshold, color="#C44E52", linestyle="--", label=threshold_label or f"{threshold:g}")
        ax.legend(loc="lower right")
    ax.set_title(title)
    ax.set_xlabel(xlabel)
    ax.set_ylabel("")
    plt.tight_layout()
    return ax


LABELS = {
    "en": {"no_data": "no data in the selection"},
    "zh": {"no_data": "所选范围内没有数据"},
}
EVENT_MARKERS = {"settled": "P", "land_acquired": "s", "permit_issued": "D", "construction_started": "^",
                 "topped_out": "v", "equipment_move_in": "<", "first_output": "*", "completed": "X",
                 "production_start": "o", "full_capacity": "h"}


def _empty(ax, title: str, lang: str):
    ax.text(0.5, 0.5, LABELS[lang]["no_data"], ha="center", va="center", transform=ax.transAxes, color="#666")
    ax.set_title(title)
    ax.set_xticks([])
    ax.set_yticks([])
    return ax


def plot_bars(df, value: str, label: str, title: str, xlabel: str, lang: str = "en", threshold=None,
              threshold_label: str = ""):
    """Ranked horizontal bars; an empty frame gives a labelled empty chart instead of an error."""
    import matplotlib.pyplot as plt

    set_theme()
    if df.empty:
        _, ax = plt.subplots(figsize=(8, 2.5))
        ax.set_xlabel(xlabel)
        return _empty(ax, title, lang)
    return plot_ranked_bars(df, value, label, title, xlabel, threshold, threshold_label)


def plot_timeline(tl, title: str, xlabel: str, lang: str = "en"):
    """Gantt-style milestones: one row per subject, a marker per milestone (hollow when planned),
    a bar spanning the month or year a coarse date stands for."""
    import matplotlib.dates as mdates
    import matplotlib.pyplot as plt

    set_theme()
    subjects = list(dict.fromkeys(tl["subject"])) if len(tl) else []
    _, ax = plt.subplots(figsize=(10, 0.7 * max(len(subjects), 2) + 1.8))
    if tl.empty:
        ax.set_xlabel(xlabel)
        return _empty(ax, title, lang)
    y = {s: i for i, s in enumerate(subjects)}
    palette = plt.get_cmap("tab10")
    types = [t for t in EVENT_MARKERS if t in set(tl["event_type"])]
    for k, etype in enumerate(types):
        g = tl[tl["event_type"] == etype]
        color = palette(k % 10)
        for r in g.itertuples():
            yy = y[r.subject]
            ax.hlines(yy, r.start, r.end, color=color, linewidth=6, alpha=0.35)
            mid = r.start + (r.end - r.start) / 2
            ax.plot(mid, yy, marker=EVENT_MARKERS[etype], markersize=9, linestyle="none",
                    markerfacecolor="white" if r.planned else color, markeredgecolor=color)
        ax.plot([], [], marker=EVENT_MARKERS[etype], color=color, linestyle="none", label=etype.replace("_", " "))
    ax.plot([], [], marker="o", markerfacecolor="white", markeredgecolor="#333", linestyle="none", label="planned (hollow)")
    ax.set_yticks(range(len(subjects)))
    ax.set_yticklabels([s[:20] for s in subjects])
    ax.invert_yaxis()
    locator = mdates.AutoDateLocator(minticks=3, maxticks=7)
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
    ax.set_title(title)
    ax.set_xlabel(xlabel)
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1), fontsize=8, frameon=False)
    plt.tight_layout()
    return ax


def plot_network(pairs, title: str, lang: str = "en"):
    """Organizations named in the same article, as a network (edge width = shared articles)."""
    import matplotlib.pyplot as plt
    import networkx as nx

    set_theme()
    _, ax = plt.subplots(figsize=(10, 8))
    if pairs.empty:
        return _empty(ax, title, lang)
    g = nx.Graph()
    for r in pairs.itertuples():
        g.add_edge(r.a, r.b, weight=r.articles)
    pos = nx.spring_layout(g, seed=7, k=1.2 / max(len(g) ** 0.5, 1))
    nx.draw_networkx_edges(g, pos, ax=ax, width=[0.6 + g[u][v]["weight"] for u, v in g.edges], alpha=0.35)
    nx.draw_networkx_nodes(g, pos, ax=ax, node_size=[80 + 40 * g.degree(n) for n in g.nodes], node_color="#4C72B0")
    nx.draw_networkx_labels(g, pos, ax=ax, labels={n: n[:14] for n in g.nodes}, font_size=8,
                            font_family=cjk_font_name())
    ax.set_title(title)
    ax.axis("off")
    plt.tight_layout()
    return ax
