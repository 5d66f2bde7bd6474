"""Stage 2 — a table the saved text flattened, read back as one sentence a row.

Official pages carry tables that a saved text keeps as one cell per line: a header of short
column names, then every row as the same number of lines, its row number first when the header
has one::

    序号 / 项目名称 / 总投资（亿元） / 建设进度 / 1 / 云溪县人民医院迁建工程 / 12.5 / 3月开工，11月主体结顶 / 2 / …

or as one line a row with its cells split by bars, tabs or spaces (``1｜云溪2031-05号｜12000｜3600``). Read as
text, the cells run into each other (``…主体结顶2恒泰精密铸造…``), a bare ``12.5`` has lost the unit its
header gives, and a milestone in a progress cell belongs to no project. :func:`rewrite_tables`
finds such a table by its FORM — at least :data:`MIN_COLUMNS` header lines each naming a column
(``table_columns`` of ``data/layout.yaml``), then groups of as many lines whose shape fits the
header (a row number counting up under ``序号``, a number under a column with a unit, a date under
a milestone's column) — and writes each row as one line a sentence reader understands::

    云溪县人民医院迁建工程，总投资12.5亿元，3月开工，11月主体结顶。

Every cell's text is kept verbatim and in its column's order; the header line goes (it is no
sentence) and so does a row number. A row's name that is a code (a column ``地块编号``: ``云岭2031-07号``)
takes the noun its column names (``云岭2031-07号地块``: the figures after it then have a holder). A bare number takes its column's name before it and the unit
the header names after it (``总投资（亿元）`` → ``总投资12.5亿元``) — only for the units of
``table_units``, and only when the cell is a bare number; a cell of a clause column (进度, 内容, …)
is written without its header (with the year a column of one year's aims names, ``2031年进度目标`` /
``6月开工`` → ``2031年6月开工``, unless the cell names a year); any other cell as ``name：cell`` (``竞得人：某某有限公司``). A
column that names a milestone (``计划开工``, ``竣工时间``: ``table_milestone_columns``) writes a date
cell as a sentence dates a milestone — its plan word, the date, the verb (``计划开工`` / ``2031.3`` →
``计划2031年3月开工``, the one wording the event extractor dates whatever the column's name; a date
written with dots or dashes is written with 年 and 月, which the date reader reads) — and a cell of
work under way (``续建``: no start) as it is; a cell that dates nothing (``待定``) is left out::

    序号 项目名称 总投资（万元） 建设单位 计划开工 计划竣工
    1 云溪精密轴承项目 8600 云溪恒远机械有限公司 2031年3月 2032年6月
    2 云溪物流园二期 5200 云溪交投物流有限公司 续建 2031年9月
    →  云溪精密轴承项目，总投资8600万元，建设单位：云溪恒远机械有限公司，计划2031年3月开工，计划2032年6月竣工。
       云溪物流园二期，总投资5200万元，建设单位：云溪交投物流有限公司，续建，计划2031年9月竣工。

A table whose rows do not fit (a cell missing, a row number out of order, a word where the header promises a
number) is left as it was from the first row that does not fit.

Why this is safe for provenance: the rewrite runs on the raw page text before
:func:`.clean.normalize_text`, like the other cleaning steps (``join_column_lines`` rejoins lines,
widths and punctuation change). Nothing downstream keeps an offset into the raw text: a sentence's
``start``/``end`` and a quantity's or event's ``start``/``end`` are offsets into the article's
``body``, which is built from the cleaned text, so they index the rewritten rows and ``surface`` is
always a span of ``body`` (``12.5亿元``: the page's own unit, moved). The only characters added are
the page's own column names, units, coded nouns and milestone words, 年/月/日 in a dotted date, and
``，``/``：``/``。`` between cells. A text without such a
table is returned unchanged (the same object). Linear in the text: each line is looked at a
bounded number of times (a header run is read once; each row consumes its lines).

>>> print(rewrite_tables("一览\\n序号\\n项目名称\\n总投资（亿元）\\n建设进度\\n1\\n云溪大桥工程\\n12.5\\n3月开工\\n结尾。"))
一览
云溪大桥工程，总投资12.5亿元，3月开工。
结尾。
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..vocab import load_yaml

#: A table has at least this many columns (two short lines in a row are too common to be one).
MIN_COLUMNS = 3
#: A header cell is at most this long (without its bracketed unit), and a row's cell at most
#: :data:`MAX_CELL` characters (a longer line is a paragraph, not a cell).
MAX_HEADER = 12
MAX_CELL = 160
#: A header cell ends in a column noun after at most this many characters (出让面积, 计划开工时间).
MAX_PREFIX = 6

_H = r"\u3400-\u9fff"
_SPLIT = re.compile(r"\s*[｜|]\s*|\t+")
_SPACES = re.compile(r"[ \u3000\xa0]+")  # a row whose cells only spaces part (a text copied from a PDF)
#: The longest line read as a header of cells parted by spaces.
MAX_SPACED_HEADER = 120
_NUMBER = re.compile(r"^[约≥≤>＜<＞]?\d[\d,，.]*$")
_EMPTY = frozenset(["-", "—", "－", "/", "／", "——", "--", "无"])
_ROW_NUMBER = re.compile(r"^\d{1,3}[.、．]?$")
#: A cell that is a date (2031年3月, 2031.03, 3月, 年底, 下半年 …), under a milestone column.
_DATE = re.compile(r"^(?:\d{4}(?:年|[.\-/]\d)|\d{1,2}月|[今明]年|年[底内中初]|[上下]半年)")
#: A column named for a year (2031年进度目标, 2031年度目标), and a cell that names a year itself.
_YEAR_LABEL = re.compile(r"(\d{4})年度?")
_YEAR_CELL = re.compile(r"\d{4}|[今明去]年|[前后]年")
#: A year and month (and day) written with dots, dashes or slashes (2031.03, 2031-3-18).
_DOTTED = re.compile(r"^(\d{4})[.\-/](\d{1,2})(?:[.\-/](\d{1,2}))?$")


def _alternation(words) -> str:
    return "|".join(map(re.escape, sorted(set(words), key=len, reverse=True)))


class _Vocab:
    def __init__(self, v: dict) -> None:
        m = v["table_milestone_columns"]
        # a milestone column is named by its verb alone or with a plan word, never another prefix (已开工
        # is a cell, not a column)
        milestone = (rf"(?P<plan>{_alternation(m['plans'])})?(?:{_alternation(m['facts'])})?"
                     rf"(?P<verb>{_alternation(m['words'])})(?:时间|日期)?")
        self.milestone = re.compile(milestone)
        # (a column of one year's figures or aims names the year first: 2031年进度目标, 2031年度计划投资)
        self.header = re.compile(rf"^(?P<label>{milestone}|(?:\d{{4}}年度?)?[{_H}A-Za-z]{{0,{MAX_PREFIX}}}?"
                                 rf"(?:{_alternation(v['table_columns'])}))"
                                 rf"\s*(?:[（(]\s*(?P<unit>[^（）()]{{1,8}}?)\s*[）)])?$")
        self.numbers = frozenset(v["table_number_columns"])
        self.clauses = tuple(v["table_clause_columns"])
        self.units = frozenset(v["table_units"])
        self.codes = tuple(v["table_code_columns"])
        self.states = frozenset(m["states"])
        self.unset = frozenset(m["unset"])


@lru_cache(maxsize=1)
def _vocab() -> _Vocab:
    return _Vocab(load_yaml("layout.yaml"))


class _Column:
    """One header cell: its name, its unit if the header gives one, and how its cells are read."""

    __slots__ = ("label", "unit", "number", "clause", "text", "plan", "verb", "year")

    def __init__(self, text: str, m: re.Match[str], v: _Vocab) -> None:
        self.text = text
        unit = m.group("unit")
        self.unit = unit if unit in v.units else ""
        # a unit not moved stays in the column's name (土地面积（m2）：8858)
        self.label = m.group("label") if self.unit or not unit else text
        self.number = m.group("label") in v.numbers
        self.clause = m.group("label").endswith(v.clauses)
        # a clause column of one year's aims (2031年进度目标): its cells are that year's (6月开工 → 2031年6月开工)
        year = _YEAR_LABEL.match(m.group("label"))
        self.year = year.group(1) if year and self.clause else ""
        # a milestone column (计划开工, 竣工时间): its verb, and 计划 if the header plans it
        milestone = v.milestone.fullmatch(m.group("label")) if not unit else None
        self.verb = milestone.group("verb") if milestone else ""
        self.plan = (milestone.group("plan") or "") if milestone else ""


def _header(cell: str) -> _Column | None:
    cell = cell.strip()
    if not cell or len(cell) > MAX_HEADER + 10:
        return None
    v = _vocab()
    m = v.header.match(cell)
    if m is None or len(m.group("label")) > MAX_HEADER:
        return None
    return _Column(cell, m, v)


def _fits(columns: list[_Column], cells: list[str], expected: int | None, lines: bool = True) -> bool:
    """The cells make a row of this header: every cell a line of a cell's length, the row number
    the one expected (or any to start), a number (or a dash) under a column with a unit, a date (or a
    state, 续建) under a milestone's column. No cell of a table of one cell a line (``lines``) is a
    column's name (a next table's header starts there); a row of one line is a header only when all
    its cells are (a short name, 北湖轴承项目, is a cell)."""
    if not lines and all(_header(cell) is not None for cell in cells):
        return False
    for col, cell in zip(columns, cells):
        if not cell or len(cell) > MAX_CELL or (lines and _header(cell) is not None):
            return False
        if col.number:
            if not _ROW_NUMBER.match(cell):
                return False
            if expected is not None and int(cell.rstrip(".、．")) != expected:
                return False
        elif col.unit and not (_NUMBER.match(cell) or cell in _EMPTY or cell[:1].isdigit()):
            return False
        elif col.verb and not (_DATE.match(cell) or cell in _EMPTY or cell in _vocab().states
                               or cell in _vocab().unset):
            return False
    return True


def _checked(columns: list[_Column]) -> bool:
    """A header whose rows can be checked: a row number column first, or a column of figures or of
    dates (a milestone's)."""
    return len(columns) >= MIN_COLUMNS and (columns[0].number or any(c.unit or c.verb for c in columns))


def _row(columns: list[_Column], cells: list[str]) -> str:
    """One row as a sentence: cells in their order, the row number dropped, a bare number with its
    column's name and unit, a date under a milestone column as a sentence says it (:func:`_milestone`),
    a clause cell as it is, any other cell after its column's name; the first cell that is no number
    and no date names the row (it stands alone); a cell that dates nothing (待定) is left out."""
    unset = _vocab().unset
    parts: list[str] = []
    named = False
    for col, cell in zip(columns, cells):
        if col.number or cell in _EMPTY or (col.verb and cell in unset):
            continue
        if not named and not col.unit and not col.verb:
            noun = _coded(col.label)
            parts.append(cell if not noun or cell.endswith(noun) else cell + noun)
            named = True
        elif col.unit and _NUMBER.match(cell):
            parts.append(f"{col.label}{cell}{col.unit}")
        elif col.verb and _DATE.match(cell):
            parts.append(_milestone(col, cell))
        elif col.verb:  # a state (续建): a clause of its own
            parts.append(cell)
        elif col.clause and col.year and not _YEAR_CELL.match(cell):
            parts.append(f"{col.year}年{cell}")
        elif col.clause or cell.startswith(col.label):
            parts.append(cell)
        else:
            parts.append(f"{col.label}：{cell}")
    text = "，".join(p.rstrip("。；;，,") for p in parts)
    return text + "。" if text else ""


def _milestone(col: _Column, cell: str) -> str:
    """A date under a milestone column said as a sentence says it: its plan word, the date (a year and
    month written with a dot, a dash or a slash as 年 and 月: 2031.03 → 2031年3月; no month 13), the verb
    (``计划开工`` / ``2031.03`` → ``计划2031年3月开工``); a cell that says the verb itself keeps it."""
    m = _DOTTED.match(cell)
    if m and 1 <= int(m.group(2)) <= 12 and (not m.group(3) or 1 <= int(m.group(3)) <= 31):
        day = f"{int(m.group(3))}日" if m.group(3) else ""
        cell = f"{m.group(1)}年{int(m.group(2))}月{day}"
    plan = col.plan if not cell.startswith(col.plan) else ""
    return f"{plan}{cell}{'' if cell.endswith(col.verb) else col.verb}"


def _coded(label: str) -> str:
    """The noun a column of codes names (地块编号 → 地块: its cell ``云岭2031-07号`` is a 地块), else ''."""
    for suffix in _vocab().codes:
        if label.endswith(suffix) and len(label) > len(suffix):
            return label[:-len(suffix)]
    return ""


def _cell_table(lines: list[str], keep: list[int], i: int) -> tuple[int, int, list[str]]:
    """A table of one cell per line whose header run starts at ``keep[i]`` (``keep``: the indices of
    the non-blank lines): (index in ``keep`` of its header's first line, index after its last row,
    the rows written); no rows when there is no table."""
    columns: list[_Column] = []
    j = i
    while j < len(keep):
        col = _header(lines[keep[j]])
        if col is None:
            break
        columns.append(col)
        j += 1
    firsts = [n for n, c in enumerate(columns) if c.number]
    first = firsts[-1] if firsts else 0  # a header begins at its row number column
    columns = columns[first:]
    if not _checked(columns):
        return i, j, []
    k, rows, expected = len(columns), [], None
    while j + k <= len(keep):
        cells = [lines[keep[j + c]].strip() for c in range(k)]
        if not _fits(columns, cells, expected):
            break
        rows.append(_row(columns, cells))
        if columns[0].number:
            expected = int(cells[0].rstrip(".、．")) + 1
        j += k
    return i + first, j, rows


def _row_table(lines: list[str], keep: list[int], i: int, split: re.Pattern[str]) -> tuple[int, int, list[str]]:
    """A table of one line a row, cells parted by ``split`` (bars or tabs, or spaces), whose
    header is ``keep[i]``."""
    columns: list[_Column] = []
    for cell in split.split(lines[keep[i]].strip().strip("｜|")):
        col = _header(cell)
        if col is None:  # every cell of a header names a column
            return i, i + 1, []
        columns.append(col)
    if not _checked(columns):
        return i, i + 1, []
    j, rows, expected = i + 1, [], None
    while j < len(keep):
        cells = [c.strip() for c in split.split(lines[keep[j]].strip().strip("｜|"))]
        if len(cells) != len(columns) or not _fits(columns, cells, expected, lines=False):
            break
        rows.append(_row(columns, cells))
        if columns[0].number:
            expected = int(cells[0].rstrip(".、．")) + 1
        j += 1
    return i, j, rows


def _splitter(line: str) -> re.Pattern[str] | None:
    """How a line that may head a table of one line a row parts its cells, or None."""
    core = line.strip("｜|")
    if core.count("｜") + core.count("|") + core.count("\t") >= MIN_COLUMNS - 1:
        return _SPLIT
    if len(line) <= MAX_SPACED_HEADER and (" " in line or "\u3000" in line or "\xa0" in line) \
            and len(_SPACES.findall(line)) >= MIN_COLUMNS - 1:
        return _SPACES
    return None


def rewrite_tables(text: str) -> str:
    """Every flattened table of ``text`` written as one line a row (see the module docstring);
    lines outside tables, blank lines included, are kept as they are."""
    if "\n" not in text:
        return text
    lines = text.split("\n")
    keep = [n for n, line in enumerate(lines) if line.strip()]
    out: list[str] = []
    done = 0  # the lines before this index are written out or replaced
    i = 0
    while i < len(keep):
        line = lines[keep[i]].strip()
        split = _splitter(line)
        start, j, rows = _row_table(lines, keep, i, split) if split else (i, i, [])
        if not rows and len(line) <= MAX_HEADER + 20:  # (a longer line is a paragraph, no header cell)
            start, j, rows = _cell_table(lines, keep, i)
        if rows:  # the lines before the header, then the rows (the header is no sentence)
            out.extend(lines[done:keep[start]])
            out.extend(rows)
            done = keep[j - 1] + 1
        i = max(j, i + 1)
    if done == 0:
        return text
    out.extend(lines[done:])
    return "\n".join(out)
