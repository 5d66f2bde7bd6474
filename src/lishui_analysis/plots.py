"""Chart helpers: one place sets the seaborn theme and a CJK font that pip installs.

The font is Noto Sans SC (SIL OFL), shipped by the ``pylopdf-fonts-zh-cn`` wheel,
so Chinese labels render as glyphs on any machine without root or system fonts.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path


@lru_cache(maxsize=1)
def cjk_font_name() -> str:
    """Register the bundled Noto Sans SC with matplotlib and return its family name."""
    import pylopdf_fonts_zh_cn
    from matplotlib import font_manager

    path = Path(pylopdf_fonts_zh_cn.__file__).parent / "NotoSansSC-Regular.otf"
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
    if threshold is not None:
        ax.axvline(threshold, color="#C44E52", linestyle="--", label=threshold_label or f"{threshold:g}")
        ax.legend(loc="lower right")
    ax.set_title(title)
    ax.set_xlabel(xlabel)
    ax.set_ylabel("")
    plt.tight_layout()
    return ax
