"""Stage 2 — normalize raw text and repair print-layout breaks.

Pure functions of strings. ``normalize_text`` works on a whole page;
``repair_breaks`` rejoins paragraphs that a newspaper layout split in the
middle of a sentence (``市场`` / ``前景``) while keeping real paragraph breaks.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from functools import lru_cache

from .. import config
from . import flat_tables

_CJK = r"\u3400-\u9fff\uf900-\ufaff"
_CJK_RE = re.compile(f"[{_CJK}]")
# Sentence-final marks: a paragraph ending in one of them is complete.
TERMINAL = "。！？!?…；;：:"  # a colon ends a lead-in to a list (公示如下：), never a title
CLOSERS = "”’」』）)》】"
# Invisible characters, removed with a regex: str.translate with a dict takes the slow
# per-character path on non-ASCII text (0.6 ms a page against 0.01 ms).
_ZERO_WIDTH = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
# Paragraph openings that mark a heading-like line inside a body (never joined to what follows).
_SUBHEAD_RE = re.compile(r"^(?:[■●◆▲△◇□★☆▶►]|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）])")


@lru_cache(maxsize=1)
def _converter():
    import opencc

    return opencc.OpenCC("t2s")


def to_simplified(text: str) -> str:
    """Traditional → simplified Chinese with OpenCC (``經濟開發區`` → ``经济开发区``)."""
    return _converter().convert(text)


_FULLWIDTH_ALNUM = re.compile(r"[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a\uff05\uff0e]")
_SPACES = re.compile(r" {2,}")


def _halfwidth_alnum(text: str) -> str:
    # Full-width digits and Latin letters become ASCII (NFKC on those only: NFKC
    # on everything would also turn the Chinese full-width punctuation into ASCII).
    return _FULLWIDTH_ALNUM.sub(lambda m: unicodedata.normalize("NFKC", m.group()), text)


def _is_cjk(ch: str) -> bool:
    return bool(ch) and bool(_CJK_RE.match(ch))


_PUNCT_MAP = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）"}


_PUNCT_RE = re.compile(r"[,;:?!()]")


def normalize_punctuation(text: str) -> str:
    """Half-width punctuation in Chinese text becomes full-width; never inside numbers.

    >>> normalize_punctuation("投资1,200万元,用地(约)30亩")
    '投资1,200万元，用地（约）30亩'
    """
    n = len(text)

    def fix(m) -> str:
        ch, i = m.group(), m.start()
        prev = text[i - 1] if i else ""
        nxt = text[i + 1] if i + 1 < n else ""
        if ch in ",:" and prev.isdigit() and nxt.isdigit():
            return ch
        if ch in ",;:?!":
            chinese_context = _is_cjk(prev) or (prev != "" and prev in "”’）") or _is_cjk(nxt) or (nxt != "" and nxt in "“‘")
            if ch in ":?!" and not _is_cjk(prev) and not (prev and prev in "”’）%"):
                chinese_context = False
        else:  # parentheses: convert when next to or around Chinese text
            chinese_context = _is_cjk(prev) or _is_cjk(nxt)
        return _PUNCT_MAP[ch] if chinese_context else ch

    return _PUNCT_RE.sub(fix, text)


def _prepare(text: str) -> str:
    text = _ZERO_WIDTH.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
    if config.step_on("clean", "flat_tables"):  # before tabs go and column lines are joined
        text = flat_tables.rewrite_tables(text)
    text = text.replace("\u3000", " ").replace("\xa0", " ").replace("\t", " ")
    return join_column_lines(_halfwidth_alnum(text))


#: A page set in a column: at least this many lines of the same length (its width) run on into the
#: next line without ending a sentence, and as many full lines in a row; a width between these bounds (a web page's title lines or
#: metadata lines of one length are fewer, and a paragraph per line is no column).
COLUMN_MIN_LINES = 3
COLUMN_WIDTH = (10, 40)
#: A full line of the column is at most this many characters shorter (a line ending in a word that
#: did not fit) or longer (half-width digits and letters take half a place) than the width.
COLUMN_SLACK = (2, 4)


def join_column_lines(text: str) -> str:
    """Rejoin the lines of a paragraph that a newspaper column wrapped at its width, before lines are
    read as titles or bylines: the page's width is the length most of its run-on lines share (lines
    that end no sentence and go on in a next line: at least :data:`COLUMN_MIN_LINES` of that length,
    at least half of them full lines, and a paragraph of that many full lines in a row, so titles of
    one length make no column); a full line (the
    width, within :data:`COLUMN_SLACK`) goes on in the next line unless that one is blank or
    indented (a new paragraph), or ends a sentence on a page without indentation (where only that
    tells paragraphs apart). On a page with indentation only a paragraph that opens with an indent
    is joined (a title or a metadata line of the column's width stays a line of its own). A page
    without such a width is returned as it is.

    >>> page = "云岭大桥通车\\n\\n  日前，云岭大桥正式通车，这\\n座大桥全长两千米，总投资八亿元\\n，由市交通集团承建，历时三年建\\n成，今年已有车辆通行。\\n  大桥连接两岸。"
    >>> print(join_column_lines(page))
    云岭大桥通车
    <BLANKLINE>
      日前，云岭大桥正式通车，这座大桥全长两千米，总投资八亿元，由市交通集团承建，历时三年建成，今年已有车辆通行。
      大桥连接两岸。
    """
    lines = text.split("\n")
    n = len(lines)
    if n < COLUMN_MIN_LINES + 1:
        return text
    stripped = [line.strip() for line in lines]
    opens = [line.startswith("  ") and bool(s) for line, s in zip(lines, stripped)]  # opens with an indent
    indented = any(opens)

    def goes_on(i: int) -> bool:
        return i + 1 < n and bool(stripped[i]) and bool(stripped[i + 1]) and not opens[i + 1]

    widths = Counter(len(lines[i].rstrip()) for i in range(n) if goes_on(i) and not ends_sentence(stripped[i]))
    width, count = widths.most_common(1)[0] if widths else (0, 0)
    if count < COLUMN_MIN_LINES or not COLUMN_WIDTH[0] <= width <= COLUMN_WIDTH[1]:
        return text
    full = sum(c for w, c in widths.items() if width - COLUMN_SLACK[0] <= w <= width + COLUMN_SLACK[1])
    if 2 * full < sum(widths.values()):
        return text  # most lines that run on are of other lengths: titles and broken lines, no column
    run = longest = 0
    for i in range(n):
        run = run + 1 if goes_on(i) and width - COLUMN_SLACK[0] <= len(lines[i].rstrip()) <= width + COLUMN_SLACK[1] else 0
        longest = max(longest, run)
    if longest < COLUMN_MIN_LINES:
        return text  # no paragraph of three full lines: titles of one length stacked, no column
    # joins[i]: line i goes on in line i + 1 (on an indented page, within a paragraph opened by an indent)
    joins, opened = [False] * n, False
    for i in range(n):
        opened = opens[i] or (opened and i > 0 and joins[i - 1])
        joins[i] = (opened or not indented) and _joins(lines[i], width, indented) and goes_on(i)
    # a run of joined lines is a paragraph when the line that ends it ends a sentence (a title or a
    # metadata line of the column's width over a source line is no paragraph)
    end = n
    for i in range(n - 1, -1, -1):
        if not joins[i]:
            end = i
        elif end == i + 1 and not ends_sentence(stripped[end]):
            j = i
            while j >= 0 and joins[j]:
                joins[j] = False
                j -= 1
    out: list[str] = []
    for i, line in enumerate(lines):
        if i and joins[i - 1]:
            out[-1] += stripped[i]
        else:
            out.append(line)
    return "\n".join(out)


def _joins(line: str, width: int, indented: bool) -> bool:
    """``line`` is a full line of a column of ``width`` that the next line continues."""
    return (width - COLUMN_SLACK[0] <= len(line.rstrip()) <= width + COLUMN_SLACK[1]
            and (indented or not ends_sentence(line.strip())))


def _curly_quotes(text: str) -> str:
    # Corner brackets are the same quotation marks in another convention (traditional script,
    # some mainland sites: 签约「星河」项目 = 签约“星河”项目); extraction reads one kind. Only the
    # read text changes: a traditional page's titles are still quoted as written.
    return text.replace("「", "“").replace("」", "”").replace("『", "‘").replace("』", "’")


def _finish(text: str) -> str:
    text = normalize_punctuation(text)
    return "\n".join(_SPACES.sub(" ", line).strip() for line in text.split("\n"))


def normalize_text(text: str) -> str:
    """Normalize a whole page: newlines, invisible characters, widths, script, punctuation.

    Line structure is kept (segmentation needs it); runs of spaces inside a line
    collapse to one and lines are stripped.
    """
    return _finish(_curly_quotes(to_simplified(_prepare(text))))


def normalize_page(text: str) -> tuple[str, dict[str, str]]:
    """:func:`normalize_text` and, for a page in traditional script, ``{simplified line: the line
    as written}`` (empty for a simplified page: the usual case costs nothing more). Extraction
    reads the simplified text; titles are quoted as the page writes them (:func:`as_written`)."""
    prepared = _prepare(text)
    simplified = to_simplified(prepared)
    normalized = _finish(_curly_quotes(simplified))
    if simplified == prepared:
        return normalized, {}
    kept = _finish(prepared)
    return normalized, {a: b for a, b in zip(normalized.split("\n"), kept.split("\n")) if a != b}


def ends_sentence(para: str) -> bool:
    """True when a paragraph ends with sentence-final punctuation (closing quotes allowed)."""
    stripped = para.rstrip(CLOSERS + " ")
    if not stripped:
        return True
    # A closing quote alone does not end a sentence: titles end in quoted phrases (跑出“加速度”).
    return stripped[-1] in TERMINAL


def is_subheading(para: str) -> bool:
    """Short lines with a list or bullet marker are in-body headings, not broken sentences: a numbered
    marker (一、, （二）) or any symbol opening the line (Unicode category So: ■, ▍, ★, ▶, an emoji)."""
    return len(para) <= 30 and (bool(_SUBHEAD_RE.match(para)) or unicodedata.category(para[:1] or " ") == "So")


#: A paragraph shorter than this with no clause mark is a phrase of its own — a heading, a photo
#: caption, a table cell, a list item (项目简介, 仪式现场, 宗地名称, 华灿光电董事长周福云) — not a
#: sentence the layout broke, on a page whose breaks are mostly such phrases. A newspaper column
#: breaks sentences after a full line (26+ characters on the pages seen): where most unfinished
#: paragraphs are full lines, a short one is a broken line too (a line cut by a picture) and joins.
PHRASE_MAX = 26
_CLAUSE_MARK = re.compile("[，,、；;：:]")


#: The longest end of a sentence read as the rest of the line before (高。, 3.2公里。, 现营收2.06亿元。):
#: a sentence of its own after a heading is longer.
TAIL_MAX = 10
#: Characters that never open a sentence: a paragraph starting with one continues the one before.
CONTINUES = "的地得了着过们和与及等或、，,。；;：:）)”’"


def _is_phrase(text: str) -> bool:
    return len(text) < PHRASE_MAX and not _CLAUSE_MARK.search(text)


def _continues(para: str) -> bool:
    """``para`` is the rest of a sentence, not one of its own: it opens with a character no sentence
    opens with (的, 了, 、 …), or it is a short end of a sentence without a clause (高。, 现营收2亿元。: :data:`TAIL_MAX`)."""
    core = para.rstrip(CLOSERS + " ")
    return bool(para) and (para[0] in CONTINUES or (
        len(para) <= TAIL_MAX and _is_phrase(para) and bool(core) and core[-1] in TERMINAL))


def _is_sentence(para: str) -> bool:
    """A whole sentence of its own: longer than a phrase, a clause mark, a sentence end (a table's
    row as flat_tables writes it: 云岭大桥工程，总投资8亿元，计划2031年3月开工。): on a page whose breaks are
    phrases it continues no phrase before it (a table's caption, a signature line)."""
    return len(para) >= PHRASE_MAX and ends_sentence(para) and bool(_CLAUSE_MARK.search(para))


def _breaks_are_phrases(paragraphs: list[str]) -> bool:
    """Whether the unfinished paragraphs (no end of sentence, no comma) are mostly short phrases
    rather than full lines: headings and cells of a web page, not a newspaper's broken column."""
    short = full = 0
    for para in paragraphs[:-1]:
        core = para.rstrip(CLOSERS + " ")
        if core and core[-1] not in TERMINAL and core[-1] not in "，,":
            if len(para) >= PHRASE_MAX:
                full += 1
            else:
                short += 1
    return short >= full


def repair_breaks(paragraphs: list[str]) -> list[str]:
    """Rejoin paragraphs split inside a sentence by the page layout.

    A paragraph that does not end a sentence continues in the next one, unless it
    is an in-body heading or a phrase of its own (:data:`PHRASE_MAX`: short, no clause mark).

    >>> repair_breaks(["围绕园区规划、产业", "布局等话题交换了意见。", "第二段。"])
    ['围绕园区规划、产业布局等话题交换了意见。', '第二段。']
    >>> repair_breaks(["云岭园区项目简介", "云岭新材料产业园位于园区东侧。"])
    ['云岭园区项目简介', '云岭新材料产业园位于园区东侧。']
    >>> repair_breaks(["云岭新材料产业园位于园区东侧，占地面积约两百亩，是今年", "全市的重点项目。该园首根", "晶棒下线。"])
    ['云岭新材料产业园位于园区东侧，占地面积约两百亩，是今年全市的重点项目。该园首根晶棒下线。']

    Linear in the paragraphs: a paragraph being joined is kept as its pieces, with its length and
    its last character before closing marks (what :func:`ends_sentence` reads), and joined once.
    """
    out: list[str] = []
    pieces: list[str] = []   # the paragraph being joined, as pieces
    length, last = 0, ""     # its length and its last character that is not a closer or a space
    phrases_apart = _breaks_are_phrases(paragraphs)
    for para in paragraphs:
        if pieces and not (not last or last in TERMINAL) \
                and not (length <= 30 and is_subheading("".join(pieces))) and not is_subheading(para) \
                and not (phrases_apart and len(pieces) == 1 and _is_phrase(pieces[0]) and not _continues(para)) \
                and not (phrases_apart and _is_phrase(pieces[-1]) and _is_sentence(para)):
            pieces.append(para)
        else:
            if pieces:
                out.append("".join(pieces))
            pieces, length, last = [para], 0, ""
        length += len(para)
        core = para.rstrip(CLOSERS + " ")
        last = core[-1] if core else last
    if pieces:
        out.append("".join(pieces))
    return out


def as_written(title: str, lines: dict[str, str]) -> str:
    """A title (or a kicker, a subheadline) in the script the page wrote it in: the title is one
    line, or lines joined (a title broken over two lines), each mapped back.

    >>> as_written("经开区创新十强", {"经开区创新十强": "經開區創新十強"})
    '經開區創新十強'
    """
    if not lines or not title:
        return title
    if title in lines:
        return lines[title]
    for simplified, written in lines.items():  # a title joined from the start of a broken pair
        if simplified and title.startswith(simplified) and title[len(simplified):] in lines:
            return written + lines[title[len(simplified):]]
    return _map_chars(title, lines)


def _map_chars(title: str, lines: dict[str, str]) -> str:
    """Character by character through a line holding the title (OpenCC's t2s keeps lengths for
    the characters of titles; a title not found is returned as it is)."""
    for simplified, written in lines.items():
        i = simplified.find(title)
        if i >= 0 and len(simplified) == len(written):
            return written[i:i + len(title)]
    return title
