"""Labels for charts and tables: long Chinese names shortened to fit (no plotting library needed,
so the selections can use it without importing the charts)."""
from __future__ import annotations

__all__ = ["short_label"]


def short_label(text: str, width: int = 12, lines: int = 2) -> str:
    r"""A label wrapped to ``lines`` lines of ``width`` characters, the rest cut with an ellipsis
    (Chinese has no spaces to wrap at, so it wraps by character).

    >>> short_label("浙江青溪岚峰光电半导体材料有限公司", 8)
    '浙江青溪岚峰光电\n半导体材料有限…'
    """
    import textwrap

    text = str(text)
    if text.isascii():  # English wraps at spaces
        parts = textwrap.wrap(text, width + 4) or [" "]
        if len(parts) > lines:
            parts = parts[:lines]
            parts[-1] = parts[-1][: width + 3] + "…"
        return "\n".join(parts)
    if len(text) > width * lines:
        text = text[: width * lines - 1] + "…"
    return "\n".join(text[i:i + width] for i in range(0, len(text), width)) or " "
