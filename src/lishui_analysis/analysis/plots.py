"""Chart helpers: one place sets the seaborn theme and a CJK font that pip installs.

The font is Noto Sans SC (SIL OFL), shipped by the ``pylopdf-fonts-zh-cn`` wheel,
so Chinese labels render as glyphs on any machine without root or system fonts.
"""
from __future__ import annotations

import weakref
from functools import lru_cache
from pathlib import Path

from .labels import short_label

#: Each chart's description (figure → text), given by :func:`describe`.
_ALT: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def describe(ax, text: str):
    """Give the chart of ``ax`` a description — its title and what is plotted — that the HTML report
    carries as the image's alt text (see :func:`install_alt_text`). Returns ``ax``."""
    _ALT[ax.figure] = " ".join(str(text).split())
    return ax


def _n(v) -> str:
    """A number as a description says it: 12,345, 679.1, 0.0625."""
    v = float(v)
    if abs(v) >= 1000:
        return f"{v:,.0f}"
    return f"{v:.1f}".rstrip("0").rstrip(".") if abs(v) >= 1 else f"{v:.3g}"


def alt_text(fig) -> str:
    """The description of a chart: the one :func:`describe` gave it, else one read from its axes (title
    and axis labels), so a chart drawn in a notebook without this module's functions has one too."""
    if fig in _ALT:
        return _ALT[fig]
    parts = []
    for ax in fig.axes:
        bits = [f"x axis: {ax.get_xlabel()}" if ax.get_xlabel() else "",
                f"y axis: {ax.get_ylabel()}" if ax.get_ylabel() else ""]
        bits = [b for b in bits if b]
        if ax.get_title() or bits:
            parts.append((ax.get_title() or "chart") + (f" ({'; '.join(bits)})" if bits else ""))
    title = fig._suptitle.get_text() if getattr(fig, "_suptitle", None) is not None else ""
    return "Chart: " + "; ".join(p for p in [title] + parts if p) if (title or parts) else "Chart without a title"


def install_alt_text() -> bool:
    """In a notebook kernel, make every matplotlib figure's PNG output carry its description as
    ``metadata['image/png']['alt']`` (the report's template writes it as the image's alt text).
    Wraps the PNG formatter the inline backend registered; True when installed."""
    try:
        from IPython import get_ipython
    except ImportError:
        return False
    ip = get_ipython()
    if ip is None:
        return False
    import matplotlib
    import matplotlib.pyplot as plt
    from matplotlib.figure import Figure

    formatter = ip.display_formatter.formatters["image/png"]
    try:
        base = formatter.lookup_by_type(Figure)
    except KeyError:
        # The inline backend registers its formatter when it is loaded, at the first figure: load it now
        # (no figure can be open yet, so switching to the backend already chosen closes none).
        plt.switch_backend(matplotlib.get_backend())
        try:
            base = formatter.lookup_by_type(Figure)
        except KeyError:
            return False
    if getattr(base, "lishui_alt", False):
        return True

    def png_with_alt(fig):
        data = base(fig)
        if data is None:
            return None
        data, md = data if isinstance(data, tuple) else (data, {})
        return data, {**(md or {}), "alt": alt_text(fig)}

    setattr(png_with_alt, "lishui_alt", True)
    formatter.for_type(Figure, png_with_alt)
    return True


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
        ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1), frameon=False, fontsize=9)  # beside: covers no bar
    ax.set_yticks(ax.get_yticks(), [t.get_text() if "\n" in t.get_text() else short_label(t.get_text(), 16)
                                    for t in ax.get_yticklabels()], fontsize=9)
    ax.set_title(title)
    ax.set_xlabel(xlabel)
    ax.set_ylabel("")
    plt.tight_layout()
    top = "; ".join(f"{short_label(n, 40, 1)} {_n(v)}" for n, v in zip(data[label].head(3), data[value].head(3)))
    line = f" A dashed line marks {threshold_label or _n(threshold)}." if threshold is not None else ""
    return describe(ax, f"{title}: horizontal bar chart of {len(data)} bar{'s' if len(data) != 1 else ''}, bar length {xlabel}. "
                        f"Largest: {top}.{line}")


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
    return describe(ax, f"{title}: empty chart, no data in the selection.")


def plot_bars(df, value: str, label: str, title: str, xlabel: str, lang: str = "en", threshold=None,
              threshold_label: str = "", top_n: int | None = None):
    """Ranked horizontal bars, the ``top_n`` largest (all when None; the title says how many of how
    many); an empty frame gives a labelled empty chart instead of an error."""
    import matplotlib.pyplot as plt

    set_theme()
    if df.empty:
        _, ax = plt.subplots(figsize=(8, 2.5))
        ax.set_xlabel(xlabel)
        return _empty(ax, title, lang)
    if top_n and len(df) > top_n:
        title = f"{title} (top {top_n} of {len(df)})" if lang == "en" else f"{title}(前 {top_n} 个,共 {len(df)} 个)"
        df = df.nlargest(int(top_n), value)
    return plot_ranked_bars(df, value, label, title, xlabel, threshold, threshold_label)


def setup_notebook() -> None:
    """Theme for charts, alt text for every chart (:func:`install_alt_text`), and pandas tables shown
    whole (no ``...``): the HTML report makes them sortable and searchable instead of cutting rows or
    long sentences."""
    import pandas as pd

    set_theme()
    install_alt_text()
    for opt in ("display.max_rows", "display.max_columns", "display.max_colwidth"):
        pd.set_option(opt, None)
    pd.set_option("display.show_dimensions", False)
    pd.set_option("display.float_format", lambda v: f"{v:,.2f}".rstrip("0").rstrip("."))


def plot_timeline(tl, title: str, xlabel: str, lang: str = "en", top_n: int = 15, label_width: int = 12,
                  clip: bool = True):
    """Gantt chart of milestones: one row per project (``name``), the ``top_n`` projects with the most
    dated milestones; a grey line spans a project's first to last milestone, a marker stands at each
    (hollow when planned) over a bar covering the month or year a coarse date stands for. Labels are
    wrapped and shortened. The axis covers the milestones shown — with ``clip``, only those inside
    Tukey's fences (:func:`.speed.axis_window`): one founding year decades before the rest does not
    squeeze every other marker together; a milestone outside is an arrow at the edge, and a note under
    the chart (and its alt text) says what was clipped."""
    import matplotlib.dates as mdates
    import matplotlib.pyplot as plt
    import pandas as pd

    from .speed import axis_window, clip_note, gantt_rows

    set_theme()
    label_col = "name" if "name" in tl else "subject"
    tl, rows = gantt_rows(tl, top_n)
    fig, ax = plt.subplots(figsize=(11, 0.55 * max(len(rows), 2) + 2.0))
    if tl.empty:
        ax.set_xlabel(xlabel)
        return _empty(ax, title, lang)
    lo, hi, clipped = axis_window(tl) if clip else (tl["start"].min(), tl["end"].max(), tl.iloc[0:0])
    y = {s: i for i, s in enumerate(rows)}
    palette = plt.get_cmap("tab10")
    for name, g in tl.groupby(label_col):
        a, b = max(g["start"].min(), lo), min(g["end"].max(), hi)
        if a <= b:
            ax.hlines(y[name], a, b, color="#bbbbbb", linewidth=1.2, zorder=1)
    types = [t for t in EVENT_MARKERS if t in set(tl["event_type"])]
    out = set(clipped.index)
    for k, etype in enumerate(types):
        g = tl[tl["event_type"] == etype]
        color = palette(k % 10)
        for r in g.itertuples():
            if r.Index in out:
                continue
            yy = y[getattr(r, label_col)]
            ax.hlines(yy, r.start, r.end, color=color, linewidth=7, alpha=0.3, zorder=2)
            mid = r.start + (r.end - r.start) / 2
            ax.plot(mid, yy, marker=EVENT_MARKERS[etype], markersize=9, linestyle="none", zorder=3,
                    markerfacecolor="white" if r.planned else color, markeredgecolor=color)
        ax.plot([], [], marker=EVENT_MARKERS[etype], color=color, linestyle="none", label=etype.replace("_", " "))
    ax.plot([], [], marker="o", markerfacecolor="white", markeredgecolor="#333", linestyle="none", label="planned (hollow)")
    pad = max((hi - lo) * 0.04, pd.Timedelta(days=20))
    # outside the axis: an arrow at its edge, the dates beside it (one label per row and edge, so two
    # milestones past the same edge never print over each other)
    at_edge: dict[tuple[str, bool], list[str]] = {}
    for r in clipped.itertuples():
        at_edge.setdefault((getattr(r, label_col), bool(r.start < lo)), []).append(str(r.date))
    for (row, left), dates in at_edge.items():
        edge = lo - pad * 0.6 if left else hi + pad * 0.6
        ax.plot(edge, y[row], marker="<" if left else ">", markersize=8, color="#666", zorder=4, linestyle="none")
        ax.annotate(", ".join(dict.fromkeys(dates)), (edge, y[row]), xytext=(6 if left else -6, 7),
                    textcoords="offset points", ha="left" if left else "right", fontsize=7, color="#666")
    if len(clipped):
        ax.plot([], [], marker=">", color="#666", linestyle="none", label="outside the axis")
    ax.set_yticks(range(len(rows)))
    ax.set_yticklabels([short_label(s, label_width) for s in rows], fontsize=9)
    ax.invert_yaxis()
    ax.set_xlim(lo - pad, hi + pad)
    locator = mdates.AutoDateLocator(minticks=4, maxticks=9)
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
    ax.set_title(title)
    note = clip_note(clipped, lo, hi, lang)
    n = len(clipped)
    ax.set_xlabel(xlabel + (f"\nAxis clipped to {lo:%Y-%m} – {hi:%Y-%m}: {n} milestone{'s' if n != 1 else ''} outside "
                            "it (arrows at the edge; listed under the chart)" if lang == "en" else
                            f"\n时间轴截取 {lo:%Y-%m} 至 {hi:%Y-%m}：轴外 {n} 个节点（轴边箭头；见图下表）") if note else xlabel)
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1), fontsize=8, frameon=False)
    fig.tight_layout()
    names = ", ".join(short_label(r, 40, 1) for r in rows[:5]) + (", …" if len(rows) > 5 else "")
    return describe(ax, f"{title}: timeline with {xlabel} on the x axis from {lo:%Y-%m} to {hi:%Y-%m}, one row per "
                        f"project ({len(rows)}: {names}); a marker per milestone "
                        f"({', '.join(t.replace('_', ' ') for t in types)}), hollow when planned; a bar spans the "
                        "month or year a coarse date stands for." + (f" {note}" if note else ""))


def plot_durations(d, title: str, xlabel: str, lang: str = "en", target_label: str = "", top_n: int | None = None):
    """Days per step (``d`` from :func:`.speed.charted`): one bar per step, dark when the text states it,
    light when derived from two dates with a whisker over the days a month or year date leaves open; the
    target as a dashed mark on the rows it is defined for only (``target_days``). The ``top_n`` fastest
    when there are more (the title says so)."""
    import matplotlib.pyplot as plt
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    from .speed import with_step_labels

    set_theme()
    if d.empty:
        _, ax = plt.subplots(figsize=(8, 2.5))
        ax.set_xlabel(xlabel)
        return _empty(ax, title, lang)
    d = with_step_labels(d).sort_values(["days_mid", "step"]).reset_index(drop=True)
    if top_n and len(d) > top_n:
        title = f"{title} (fastest {top_n} of {len(d)})" if lang == "en" else f"{title}(最快 {top_n} 个,共 {len(d)} 个)"
        d = d.head(int(top_n))
    fig, ax = plt.subplots(figsize=(9, 0.5 * max(len(d), 2) + 1.4))
    colors = {"stated": "#2F5D8C", "derived": "#9EC3E6"}
    ys = list(range(len(d)))
    ax.barh(ys, d["days_mid"], color=[colors[b] for b in d["basis"]], height=0.6, zorder=2)
    coarse = d[d["days_high"] > d["days_low"]]
    if len(coarse):
        ax.errorbar(coarse["days_mid"], coarse.index, xerr=[coarse["days_mid"] - coarse["days_low"],
                                                           coarse["days_high"] - coarse["days_mid"]],
                    fmt="none", ecolor="#333", elinewidth=1, capsize=3, zorder=3)
    rated = d[d["target_days"].notna()]
    for i, t in zip(rated.index, rated["target_days"]):
        ax.plot([t, t], [i - 0.42, i + 0.42], color="#C44E52", linestyle="--", linewidth=1.6, zorder=4)
    # a linear axis (bar length = days, so steps compare by eye) and each bar's days written at its end
    right = float(d["days_high"].max())
    for i, r in d.iterrows():
        said = f"{r['days_mid']:g}" if r["days_low"] == r["days_high"] else f"{r['days_low']:g}–{r['days_high']:g}"
        ax.text(r["days_high"] + right * 0.012, i, said, va="center", ha="left", fontsize=8, color="#333")
    ax.set_xlim(0, right * 1.15)
    ax.set_yticks(ys, d["step"], fontsize=9)
    ax.invert_yaxis()
    handles = [Patch(color=colors["stated"], label="stated in the text" if lang == "en" else "文中所述"),
               Patch(color=colors["derived"], label="derived from two dates" if lang == "en" else "由两个日期推算"),
               Line2D([], [], color="#333", marker="|", linestyle="-", label="range a month/year date leaves open"
                      if lang == "en" else "月/年精度日期的范围")]
    if len(rated):
        handles.append(Line2D([], [], color="#C44E52", linestyle="--", label=target_label or "target"))
    ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.01, 1), frameon=False, fontsize=8)
    ax.set_title(title)
    ax.set_xlabel(xlabel)
    ax.set_ylabel("")
    fig.tight_layout()
    first = "; ".join(f"{s.splitlines()[0]} {s.splitlines()[-1]} {_n(m)} ({b})"
                      for s, m, b in zip(d["step"].head(3), d["days_mid"].head(3), d["basis"].head(3)))
    n_stated = int((d["basis"] == "stated").sum())
    line = (f" A dashed mark shows {target_label or 'the target'} on the {len(rated)} step{'s' if len(rated) != 1 else ''} "
            "it is defined for." if len(rated) else " No step shown is one the target is defined for.")
    return describe(ax, f"{title}: horizontal bar chart of {len(d)} steps ({n_stated} stated in the text, "
                        f"{len(d) - n_stated} derived from two dates, with a whisker over a coarse date's range), "
                        f"bar length {xlabel}. Fastest: {first}.{line}")


def plot_network(pairs, title: str, lang: str = "en", top_n: int = 30, label_width: int = 12):
    """Who is named with whom: the ``top_n`` strongest ties (most shared articles) on a circle, each
    label outside its node along the radius so no two labels overlap; edge width = shared articles."""
    import math

    import matplotlib.pyplot as plt
    import networkx as nx

    set_theme()
    fig, ax = plt.subplots(figsize=(10, 10))
    if pairs.empty:
        return _empty(ax, title, lang)
    from .selections import strongest_ties

    top = strongest_ties(pairs, top_n)
    g = nx.Graph()
    for r in top.itertuples():
        g.add_edge(r.a, r.b, weight=r.articles)
    # Around the circle by community, so most ties are short chords, not lines across the middle.
    order = [n for c in nx.algorithms.community.greedy_modularity_communities(g, weight="weight")
             for n in sorted(c, key=lambda n: (-g.degree(n), n))]
    pos = {n: (math.cos(2 * math.pi * i / len(order)), math.sin(2 * math.pi * i / len(order))) for i, n in enumerate(order)}
    weights = [g[u][v]["weight"] for u, v in g.edges]
    wmax = max(weights)
    nx.draw_networkx_edges(g, pos, ax=ax, width=[0.8 + 3.5 * w / wmax for w in weights], alpha=0.35, edge_color="#4C72B0")
    nx.draw_networkx_nodes(g, pos, ax=ax, node_size=[60 + 30 * g.degree(n) for n in g.nodes], node_color="#4C72B0")
    for n, (x, yy) in pos.items():
        angle = math.degrees(math.atan2(yy, x))
        right = -90 <= angle <= 90
        ax.text(1.06 * x, 1.06 * yy, short_label(n, label_width, 1), rotation=angle if right else angle - 180,
                ha="left" if right else "right", va="center", rotation_mode="anchor", fontsize=8,
                fontfamily=cjk_font_name())
    ax.set_xlim(-1.7, 1.7)
    ax.set_ylim(-1.7, 1.7)
    ax.set_aspect("equal")
    shown = f"{len(top)} strongest of {len(pairs)} ties" if lang == "en" else f"最强的 {len(top)} 条(共 {len(pairs)} 条)"
    ax.set_title(f"{title} — {shown}")
    ax.axis("off")
    fig.tight_layout()
    ties = "; ".join(f"{r.a} – {r.b} ({r.articles})" for r in top.head(3).itertuples())
    return describe(ax, f"{title} — {shown}: network of {g.number_of_nodes()} organizations on a circle, a line "
                        f"between two named in the same article, wider for more shared articles. Strongest: {ties}.")


def plot_coverage(matrix, title: str, lang: str = "en", top_n: int = 25, label_width: int = 14):
    """Which outlets cover which projects: a heat map of article counts, the ``top_n`` projects
    covered by the most outlets (``matrix`` from :func:`analysis.coverage_matrix`)."""
    import matplotlib.pyplot as plt
    import seaborn as sns

    set_theme()
    outlets = [c for c in matrix.columns if c not in ("project", "sources", "articles")]
    if matrix.empty or not outlets:
        _, ax = plt.subplots(figsize=(8, 2.5))
        return _empty(ax, title, lang)
    m = matrix.head(int(top_n)).set_index("project")[outlets]
    m = m.loc[:, (m != 0).any()]  # outlets that cover none of the projects shown take no column
    outlets = list(m.columns)
    upright = len(outlets) > 8  # many outlets: names read upwards instead of overlapping
    fig, ax = plt.subplots(figsize=(min(3 + 0.9 * len(outlets), 16), 0.45 * len(m) + 2.5))
    sns.heatmap(m, annot=True, fmt="d", cmap="Blues", cbar=False, linewidths=0.5, linecolor="#eee", ax=ax,
                mask=m == 0)
    ax.set_yticks([i + 0.5 for i in range(len(m))], [short_label(s, label_width, 1) for s in m.index], rotation=0, fontsize=9)
    ax.set_xticks([i + 0.5 for i in range(len(outlets))], [short_label(s, 10) for s in outlets],
                  rotation=90 if upright else 0, fontsize=8)
    ax.grid(False)
    ax.xaxis.tick_top()
    ax.set_xlabel("")
    ax.set_ylabel("")
    if len(matrix) > len(m):
        title = f"{title} (top {len(m)} of {len(matrix)})" if lang == "en" else f"{title}(前 {len(m)} 个,共 {len(matrix)} 个)"
    ax.set_title(title, pad=90 if upright else 28)
    fig.tight_layout()
    most = "; ".join(f"{short_label(r.project, 40, 1)} ({r.sources} outlets, {r.articles} articles)"
                     for r in matrix.head(3).itertuples())
    return describe(ax, f"{title}: heat map, one row per project ({len(m)}), one column per outlet ({len(outlets)}), "
                        f"each cell the number of the outlet's articles about the project. Most covered: {most}.")


def plot_by_year(df, series: str, title: str, xlabel: str, value: str = "articles", lang: str = "en",
                 top_n: int | None = None, label_width: int = 14):
    """Counts over time: a heat map with the year on the x axis (every year from the first to the last,
    an empty one included) and one row per ``series`` value (the ``top_n`` largest totals), each cell
    annotated with its ``value`` (``df``: columns ``year``, ``series``, ``value``)."""
    import matplotlib.pyplot as plt
    import seaborn as sns

    set_theme()
    if df.empty:
        _, ax = plt.subplots(figsize=(8, 2.5))
        ax.set_xlabel(xlabel)
        return _empty(ax, title, lang)
    wide = df.pivot_table(index=series, columns="year", values=value, aggfunc="sum", fill_value=0)
    years = list(range(int(min(wide.columns)), int(max(wide.columns)) + 1))
    wide = wide.reindex(columns=years, fill_value=0)
    totals = wide.sum(axis=1).sort_values(ascending=False, kind="stable")
    if top_n and len(totals) > top_n:
        title = f"{title} (top {top_n} of {len(totals)})" if lang == "en" else f"{title}(前 {top_n} 个,共 {len(totals)} 个)"
        totals = totals.head(int(top_n))
    wide = wide.loc[totals.index]
    fig, ax = plt.subplots(figsize=(min(3.5 + 0.55 * len(years), 12), 0.42 * len(wide) + 1.8))
    sns.heatmap(wide, annot=True, fmt="d", cmap="Blues", cbar=False, linewidths=0.5, linecolor="#eee", ax=ax,
                mask=wide == 0)
    ax.set_yticks([i + 0.5 for i in range(len(wide))], [short_label(s, label_width, 2) for s in wide.index],
                  rotation=0, fontsize=9)
    ax.set_xticks([i + 0.5 for i in range(len(years))], [str(y) for y in years], rotation=0, fontsize=9)
    ax.grid(False)
    ax.set_xlabel(xlabel)
    ax.set_ylabel("")
    ax.set_title(title)
    fig.tight_layout()
    busiest = "; ".join(f"{short_label(n, 40, 1)} {int(t)}" for n, t in totals.head(3).items())
    return describe(ax, f"{title}: heat map with {xlabel} on the x axis ({years[0]}–{years[-1]}) and one row per "
                        f"{series.replace('_', ' ')} ({len(wide)}); each cell the {value} of that year. "
                        f"Largest totals: {busiest}.")
