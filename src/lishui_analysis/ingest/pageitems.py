"""Stage 3 — page steps that read a page's lines by their form around its titles: a post's title decorated
with an emoji, and the items of a page of short items (an e-paper page, a front page's digest) that no
byline above them starts — an item signed at its end, and an item with no byline at all.

:func:`.segment.segment_page` starts an article at the title lines above a byline; on a page of short
items the byline may close each item (……投产。（记者 林小雨）) or be missing from one of them. These
page steps (stage ``"segment"``, in :data:`.segment.PAGE_STEPS`) find those titles and items by the form
of the lines around them, never by their place on one page.
"""
from __future__ import annotations

import re
from typing import Callable

from .clean import TAIL_MAX, ends_sentence, is_subheading
from .furniture import is_pictograph_line, strip_start_pictographs
from .. import config
from .layoutvocab import _BULLETS
from .lines import _BYLINES, _SKIP, _kind, _layout, _surnamed, is_bullet_title, is_byline_line

#: Title lines an item may open with (a kicker, its headline, a subheadline).
ITEM_TITLES_MAX = 3


def _promote_decorated_title(page) -> None:
    """The page's first line (metadata, chrome and captions aside) led by a pictograph is its title when,
    the pictographs aside, it has a title's form (🎉云岭大桥今天通车): a post's title may open with an
    emoji, where a line led by one further down is a heading or a list item of the post's body.

    >>> from .segment import _Page
    >>> page = _Page(["来源：云岭发布", "🎉云岭大桥今天通车", "日前，大桥通车。"], ["meta", "body", "body"])
    >>> _promote_decorated_title(page); page.kinds
    ['meta', 'title', 'body']
    """
    first = page.first
    if first is not None and page.kinds[first] == "body" and is_pictograph_line(page.paras[first]):
        core = strip_start_pictographs(page.paras[first])
        if core and not is_pictograph_line(core) and _kind(core) == "title":
            page.kinds[first] = "title"


def _taken(page) -> set[int]:
    return {x for groups in page.starts.values() for g in groups for x in g}


def _signed_at_end(para: str) -> bool:
    """A paragraph closed by its author's labelled names in brackets (……投产。（记者 林小雨 通讯员 王大山）).

    >>> _signed_at_end("云岭大桥今天通车。（记者 林小雨）"), _signed_at_end("云岭大桥今天通车。")
    (True, False)

    Names alone in brackets (……通车。（王大山）, branch ``segment.bare_name_signatures``) and a spoken sign-off
    closing a transcript's paragraph (……通车。记者 林小雨 报道。, branch ``segment.closing_sign_off``) sign it too.

    >>> _signed_at_end("云岭大桥今天通车。（王大山）"), _signed_at_end("大桥今天通车。记者 林小雨 报道。"), _signed_at_end("大桥通车。（完）")
    (True, True, False)
    """
    lay = _layout()
    m = lay.trailing_byline.search(para)
    if m is None and config.step_on("segment", "bare_name_signatures"):
        # names alone, each with a surname, no word such as 完 (……公里。（王大山）): an e-paper's short item
        m = lay.trailing_names.search(para)
        if m and (m.group(1) in lay.not_names or not _surnamed(m.group(1))):
            m = None
    if m is None and para.endswith(_SIGN_OFF_ENDS) and config.step_on("segment", "closing_sign_off"):
        # a transcript's item closed by its spoken sign-off (……开工。记者 林小雨 报道。)
        cut = para.rfind("。", 0, len(para) - 1)
        return cut > 0 and is_byline_line(para[cut + 1:])
    return m is not None and m.start() > 0 and ends_sentence(para[: m.start()])


_SIGN_OFF_ENDS = ("报道。", "报导。")


def _title_block(page, i: int) -> tuple[list[int], int]:
    """The title lines from line ``i`` on (metadata, chrome and captions between them aside), at most
    :data:`ITEM_TITLES_MAX`, and the index of the first line after them that is none of those."""
    paras, kinds = page.paras, page.kinds
    block: list[int] = []
    j = i
    while j < len(paras):
        if kinds[j] in _SKIP:
            j += 1
        elif kinds[j] == "title" and len(block) < ITEM_TITLES_MAX:
            block.append(j)
            j += 1
        else:
            break
    return block, j


def find_signed_items(page, group: Callable[[list[int], list[str]], list[list[int]]]) -> None:
    """An item signed at its end (……投产。（记者 林小雨）) ends there: the title lines right after it,
    above a paragraph, start the next item with those titles (a digest of short items, each closed by
    its reporter's name, with no byline above any).

    >>> from .segment import _Page
    >>> page = _Page(["云岭大桥通车", "日前，大桥通车。（记者 林小雨）", "瓯江隧道贯通", "次日，隧道贯通。"],
    ...              ["title", "body", "title", "body"], starts={0: [[0]]})
    >>> find_signed_items(page, lambda block, paras: [block]); page.starts
    {0: [[0]], 2: [[2]]}
    """
    kinds, taken = page.kinds, _taken(page)
    for i, k in enumerate(kinds):
        if k != "body" or not _signed_at_end(page.paras[i]):
            continue
        block, after = _title_block(page, i + 1)
        if block and after < len(kinds) and kinds[after] not in ("title", *_SKIP) and not taken & set(block):
            page.starts[block[0]] = group(block, page.paras)
            taken.update(block)


_SENTENCE_END = re.compile(r"[。！？!?；;]")
_BANG_END = re.compile(r"[！？!?]$")  # (a question or an exclamation standing alone in a body is no item's title)


def _opens_with_tail(para: str) -> bool:
    """A paragraph opening with the end of a sentence (表格。去年秋天……, 高。云岭……): the line above it is
    the sentence's start, which the layout broke, not a title (:data:`.clean.TAIL_MAX` characters at most).

    >>> _opens_with_tail("表格。去年秋天，这块地还是一片荒滩。"), _opens_with_tail("据统计，工业投资增长12%。")
    (True, False)
    """
    m = _SENTENCE_END.search(para, 0, TAIL_MAX + 1)
    return m is not None


_LIST_NUMBER = re.compile(r"^\d{1,2}\s*[.．、]\s*\S")
DIGEST_ITEMS_MIN = 2


def _digest_above(page, s: int, x: int) -> bool:
    """Is the text of the article starting at ``s`` above line ``x`` a digest, a numbered list of short items
    (1．……。 2．……。, two or more, nothing else)? A weekly brief's list, then a story of its own under its title.

    >>> from .segment import _Page
    >>> page = _Page(["一周速览", "1.5日，星河项目开工。", "2.6日，瓯江隧道贯通。", "星河项目开工"],
    ...              ["title", "body", "body", "title"])
    >>> _digest_above(page, 0, 3)
    True
    """
    text = [y for y in range(s, x) if page.kinds[y] not in ("title", *_SKIP)]
    return len(text) >= DIGEST_ITEMS_MIN and all(
        page.kinds[y] == "body" and _LIST_NUMBER.match(page.paras[y]) and ends_sentence(page.paras[y]) for y in text)


def find_unsigned_items(page, group: Callable[[list[int], list[str]], list[list[int]]]) -> None:
    """On a page of two or more items (or of one whose text above the line is a numbered digest,
    :func:`_digest_above`), a title line standing alone between a finished paragraph and the
    next paragraph — the only title line in its item's body, with no marker of an in-body heading, over
    ``short_item_paragraphs`` paragraphs at most (``layout.yaml``: a line over more is rather a caption or
    a heading of the article it stands in) — starts an item of its own (a short item printed with no
    byline: 云岭县前两月工业投资增长12% over 据统计，…). An article with headings in its body has more than one.

    >>> from .segment import _Page
    >>> page = _Page(["云岭大桥通车", "本报讯 日前，大桥通车。", "瓯江隧道贯通", "本报讯 次日，隧道贯通。",
    ...               "前两月云岭县工业投资增长12%", "据统计，工业投资同比增长12%。"],
    ...              ["title", "byline_lead", "title", "byline_lead", "title", "body"], starts={0: [[0]], 2: [[2]]})
    >>> find_unsigned_items(page, lambda block, paras: [block]); sorted(page.starts)
    [0, 2, 4]
    """
    if not page.starts:
        return
    paras, kinds, taken = page.paras, page.kinds, _taken(page)
    one = len(page.starts) == 1  # (one article: a digest's list above the line makes it a page of items)
    order = sorted(page.starts)
    found: list[list[int]] = []
    for n, s in enumerate(order):
        stop = order[n + 1] if n + 1 < len(order) else len(paras)
        inner = [x for x in range(s, stop) if kinds[x] == "title" and x not in taken]
        if len(inner) != 1:
            continue  # none, or the headings of one article's body
        x = inner[0]
        before = next((y for y in range(x - 1, s - 1, -1) if kinds[y] not in _SKIP), None)
        after = next((y for y in range(x + 1, stop) if kinds[y] not in _SKIP), None)
        if before is None or after is None or kinds[before] not in ("body", *_BYLINES) \
                or not ends_sentence(paras[before]) or kinds[after] != "body" or is_subheading(paras[x]) \
                or _opens_with_tail(paras[after]) or _BANG_END.search(paras[x]) \
                or sum(kinds[y] not in _SKIP for y in range(x + 1, stop)) > _layout().short_item_paragraphs \
                or (one and not _digest_above(page, s, x)):
            continue
        found.append([x])
    for block in found:
        page.starts[block[0]] = group(block, page.paras)


BULLET_ITEMS_MIN = 2


def find_bullet_items(page, group: Callable[[list[int], list[str]], list[list[int]]]) -> None:
    """On a bulletin whose items each open with a bullet and a title wholly in 【】 (◆【星河项目封顶】 /
    8月28日，…。 / ▲【一周速览】 / 1. …), two or more such lines on the page, each over a paragraph starts
    an item with that title alone; the bulletin's name above the first (云岭开发区要闻（第5期）) heads no item.

    >>> from .segment import _Page
    >>> page = _Page(["要闻速递", "◆【星河项目封顶】", "日前，项目封顶。", "▲【一周速览】", "1. 隧道贯通。"],
    ...              ["title", "title", "body", "title", "body"], starts={0: [[0]]})
    >>> find_bullet_items(page, lambda block, paras: [block]); page.starts
    {1: [[1]], 3: [[3]]}
    """
    paras, kinds = page.paras, page.kinds
    lines = [i for i, p in enumerate(paras) if kinds[i] == "title" and is_bullet_title(p)]
    if len(lines) < BULLET_ITEMS_MIN:
        return
    owner = {x: s for s, groups in page.starts.items() for g in groups for x in g}
    text = next((y for y in range(lines[0] - 1, -1, -1) if kinds[y] != "title" and kinds[y] not in _SKIP), -1)
    for s in [s for s in page.starts if text < s < lines[0]]:
        del page.starts[s]  # (the bulletin's name and dateline over its first item: no item of their own)
    for x in lines:
        after = next((y for y in range(x + 1, len(paras)) if kinds[y] not in _SKIP), None)
        if after is None or kinds[after] != "body":
            continue
        s = owner.get(x)
        if s is not None and s != x:
            page.starts.pop(s, None)  # (the bulletin's name over its first item's title)
        page.starts[x] = group([x], paras)
    page.starts = dict(sorted(page.starts.items()))


PHOTO_ITEMS_MIN = 2


def _is_caption(para: str) -> bool:
    """A photo's caption pointing at it (图为……, 上图：……; ``photo_credit_starts`` of ``layout.yaml``)."""
    return bool(_layout().caption_start.match(para.strip("（()） ")))


def find_photo_items(page, group: Callable[[list[int], list[str]], list[list[int]]]) -> None:
    """On a page of photo items (图片新闻: a title, its photo's caption 图为……, a paragraph; two or more such
    titles right over a caption), each title line over a caption, after a finished paragraph and over a
    paragraph, starts an item of its own (瓯江隧道贯通 / 图为隧道施工现场。记者 林小雨 摄 / 次日，隧道贯通。).

    >>> from .segment import _Page
    >>> page = _Page(["星河项目封顶", "图为项目现场。", "日前，项目封顶。", "瓯江隧道贯通", "图为隧道现场。", "次日，隧道贯通。"],
    ...              ["title", "chrome", "body", "title", "chrome", "body"], starts={0: [[0]]})
    >>> find_photo_items(page, lambda block, paras: [block]); sorted(page.starts)
    [0, 3]
    """
    paras, kinds = page.paras, page.kinds
    lines = [x for x in range(len(paras) - 1) if kinds[x] == "title" and kinds[x + 1] in _SKIP
             and _is_caption(paras[x + 1])]
    if len(lines) < PHOTO_ITEMS_MIN:
        return
    taken = _taken(page)
    for x in lines:
        before = next((y for y in range(x - 1, -1, -1) if kinds[y] not in _SKIP), None)
        after = next((y for y in range(x + 1, len(paras)) if kinds[y] not in _SKIP), None)
        if x in taken or before is None or after is None or kinds[after] != "body" \
                or kinds[before] not in ("body", *_BYLINES) or not ends_sentence(paras[before]):
            continue
        page.starts[x] = group([x], paras)


# a transcript's speaker alone on a line: a role, the name in brackets, a colon (发布人（林小雨）：)
_SPEAKER_LINE = re.compile(r"^[\u4e00-\u9fff]{2,8}[（(][^（）()]{1,20}[）)][：:]$")


def find_read_documents(page, group: Callable[[list[int], list[str]], list[list[int]]]) -> None:
    """In a transcript, a title line right under a speaker's line (a role, the name in brackets, a colon:
    发布人（林小雨）：) and over a paragraph is the title of the document the speaker reads (关于……的发布),
    an item of its own.

    >>> from .segment import _Page
    >>> page = _Page(["云岭县发布会", "主持人：欢迎。", "发布人（林小雨）：", "关于星河项目的发布", "日前，项目开工。"],
    ...              ["title", "body", "body", "title", "body"], starts={0: [[0]]})
    >>> find_read_documents(page, lambda block, paras: [block]); sorted(page.starts)
    [0, 3]
    """
    paras, kinds, taken = page.paras, page.kinds, _taken(page)
    for x in range(1, len(paras) - 1):
        if kinds[x] == "title" and x not in taken and kinds[x + 1] == "body" and _SPEAKER_LINE.match(paras[x - 1]):
            page.starts[x] = group([x], paras)


TRANSCRIPT_PARTS_MIN = 2
_SCRIPT_NOTE = ("【", "[", "（", "(")  # (a note of the script in brackets, 【画面：车间全景】, is no item's title)


def find_transcript_items(page, group: Callable[[list[int], list[str]], list[list[int]]]) -> None:
    """In a broadcast's transcript (two or more paragraphs opening with a part of its script in 【】: 【主持人】,
    【导语】, 【同期】 …, ``transcript_roles`` of ``layout.yaml``), a title line standing alone after a finished
    paragraph or a byline and over a paragraph opening with such a part starts an item of its own (the
    programme's items, each titled on screen: 【主持人】观众朋友… / 星河新区：项目开工 / 【导语】日前，…).

    >>> from .segment import _Page
    >>> page = _Page(["【主持人】观众朋友，晚上好。", "星河新区：项目开工", "【导语】日前，项目开工。", "（记者 林小雨）",
    ...               "瓯江隧道贯通", "【口播】次日，隧道贯通。"], ["body", "title", "body", "byline_line", "title", "body"],
    ...              starts={0: []})
    >>> find_transcript_items(page, lambda block, paras: [block]); sorted(page.starts)
    [0, 1, 4]
    """
    paras, kinds = page.paras, page.kinds
    lay = _layout()
    paren = config.step_on("segment", "paren_transcript_roles")  # (（口播）…, [同期]…: a script's part in other brackets)

    def role_at(p: str) -> bool:
        return bool(lay.transcript_role.match(p) or paren and lay.transcript_role_paren.match(p))
    parts = [y for y, p in enumerate(paras) if kinds[y] == "body" and role_at(p)]
    if len(parts) < TRANSCRIPT_PARTS_MIN:
        return
    taken = _taken(page)
    before = -1  # the last line above each that is not metadata, chrome or a caption
    for x in range(len(paras) - 1):
        if kinds[x] == "title" and x not in taken and before >= 0 and not paras[x].startswith(_SCRIPT_NOTE) \
                and (kinds[before] in _BYLINES or kinds[before] == "body" and ends_sentence(paras[before])):
            after = next((y for y in range(x + 1, len(paras)) if kinds[y] not in _SKIP), None)
            if after is not None and kinds[after] == "body" and role_at(paras[after]):
                page.starts[x] = group([x], paras)
        if kinds[x] not in _SKIP:
            before = x
    page.starts = dict(sorted(page.starts.items()))


LABELLED_ITEMS_MIN = 2


def find_labelled_items(page, group: Callable[[list[int], list[str]], list[list[int]]]) -> None:
    """On a page whose items each label their headline (a transcript's script: 标题：星河项目开工 / 导语：… / 记者：林小雨 /
    标题：瓯江隧道贯通 …, or 【标题】…; ``title_roles`` of ``layout.yaml``), two or more such lines, each such line after
    a finished paragraph or a byline starts an item (branch ``segment.labelled_items``).

    >>> from .segment import _Page
    >>> page = _Page(["标题：星河项目开工", "导语：日前，项目开工。", "标题：瓯江隧道贯通", "导语：次日，隧道贯通。"],
    ...              ["title", "body", "title", "body"], starts={0: [[0]]})
    >>> find_labelled_items(page, lambda block, paras: [block]); sorted(page.starts)
    [0, 2]
    """
    if not config.step_on("segment", "labelled_items"):
        return
    paras, kinds, lay = page.paras, page.kinds, _layout()
    lines = [i for i, p in enumerate(paras) if kinds[i] == "title" and (m := lay.title_role.match(p))
             and lay.role_of[m.group("label") or m.group("blabel")] == "headline"]
    if len(lines) < LABELLED_ITEMS_MIN:
        return
    for x in lines:
        before = next((y for y in range(x - 1, -1, -1) if kinds[y] not in _SKIP), None)
        if before is not None and x not in page.starts and (
                kinds[before] in _BYLINES or kinds[before] == "body" and ends_sentence(paras[before])):
            page.starts[x] = group([x], paras)
    page.starts = dict(sorted(page.starts.items()))


# a digest's item number (1. 2．3、 一、) before its title (2.5亿元… is no number)
_ITEM_NUMBER = re.compile(r"^(\d{1,2}|[一二三四五六七八九十]{1,3})\s*[.．、]\s*(?=[^\d\s])")
_CN_NUMBERS = {c: n for n, c in enumerate("一二三四五六七八九十", 1)}
# a bulletin's item: a bullet before a title (● 星河项目封顶), or a title wholly in 【】 (【星河项目封顶】)
_BULLET_LEAD = re.compile(rf"^([{_BULLETS}•])\s*(?=[^\s{_BULLETS}•【])")
_BRACKETED_TITLE = re.compile(r"^【([^【】]{5,30})】$")
# a digest's count of its items in its name (本周园区要闻5则, 今日快讯8条)
_ITEM_COUNT = re.compile(r"(\d{1,2})\s*[则条]")
_HEADER_SPLIT = re.compile(r"[\s|｜丨·•]+")
_FIELD_MARK = re.compile(r"[：:]")


def _item_number(mark: str) -> int:
    """The number of a digest's item mark (3, 十二 → 12); 0 for none it reads."""
    if mark.isdigit():
        return int(mark)
    tens, _, ones = mark.partition("十") if "十" in mark else ("", "", mark)
    if "十" not in mark:
        return _CN_NUMBERS.get(mark, 0) if len(mark) == 1 else 0
    return (_CN_NUMBERS.get(tens, 0) if tens else 1) * 10 + (_CN_NUMBERS.get(ones, 0) if ones else 0)


def _digest_header(line: str, items: int) -> bool:
    """Does a title line name a digest of ``items`` news items: it counts them (本周园区要闻5则) or a part of it is a
    column's name (园区速递 | 一周要闻, ``column_nouns`` of ``layout.yaml``)?"""
    counts = [int(m.group(1)) for m in _ITEM_COUNT.finditer(line)]
    # (a field's value is no column: 来源：云岭新闻)
    return items in counts or any(t.endswith(_layout().column_nouns) and not _FIELD_MARK.search(t)
                                  for t in _HEADER_SPLIT.split(line) if t)


def _marked_items(page) -> tuple[list[int], str]:
    """The item lines of a digest and how they are marked: numbered counting up from 1 (``"number"``), led by one
    bullet (``"bullet"``) or wholly in 【】 that is no column's label (``"bracket"``); two or more, else none."""
    paras, kinds = page.paras, page.kinds
    numbered = [(i, m) for i, p in enumerate(paras) if kinds[i] == "title" and (m := _ITEM_NUMBER.match(p))]
    if [_item_number(m.group(1)) for _, m in numbered] == list(range(1, len(numbered) + 1)) \
            and len(numbered) >= DIGEST_ITEMS_MIN:
        return [i for i, _ in numbered], "number"
    if not config.step_on("segment", "marked_digest_items"):
        return [], ""
    bullets = [(i, m.group(1)) for i, p in enumerate(paras) if kinds[i] == "title" and (m := _BULLET_LEAD.match(p))]
    if len(bullets) >= DIGEST_ITEMS_MIN and len({b for _, b in bullets}) == 1:
        return [i for i, _ in bullets], "bullet"
    lay = _layout()
    brackets = [i for i, p in enumerate(paras) if kinds[i] in ("title", "chrome") and (m := _BRACKETED_TITLE.match(p))
                and not m.group(1).endswith(lay.column_nouns) and m.group(1) not in lay.transcript_role_words]
    return (brackets, "bracket") if len(brackets) >= DIGEST_ITEMS_MIN else ([], "")


def find_digest_items(page, group: Callable[[list[int], list[str]], list[list[int]]]) -> None:
    """On a digest of short news items, each item's title line marked — numbered counting up from 1 under a header
    naming the digest (园区速递 | 本周园区要闻3则 / 1. 云岭县：星河项目封顶 / 日前，…。 / 2. …), or led by one bullet
    (● 星河项目封顶) or wholly in 【】 (【星河项目封顶】, branch ``segment.marked_digest_items``), with no paragraph above
    the first — each marked line over a paragraph starts an item with its title, the mark dropped; the header heads
    none. A document's numbered sections (1. 招标条件 under …招标公告) have no such header; a feature's bulleted
    headings stand under its first paragraphs.

    >>> from .segment import _Page
    >>> page = _Page(["园区速递 | 本周要闻2则", "1. 云岭县：星河项目封顶", "日前，项目封顶。", "2. 喜讯！", "瓯江隧道贯通。"],
    ...              ["title", "title", "body", "title", "body"], starts={0: [[0, 1]]})
    >>> find_digest_items(page, lambda block, paras: [block]); page.starts, page.paras[1]
    ({1: [[1]], 3: [[3]]}, '云岭县：星河项目封顶')
    """
    paras, kinds = page.paras, page.kinds
    lines, how = _marked_items(page)
    if not lines or any(kinds[y] == "body" or how != "number" and kinds[y] in _BYLINES for y in range(lines[0])):
        return   # (the header may read as any line but a paragraph: 一周快讯（3条） as a byline's lead; bullets under a
        # byline are a feature's headings)
    if how == "number" and not any(_digest_header(paras[y], len(lines)) for y in range(lines[0])):
        return
    for x in lines:
        after = next((y for y in range(x + 1, len(paras)) if kinds[y] not in _SKIP), None)
        if after is None or kinds[after] != "body":
            return   # (an item is a title over a paragraph)
    for s in [s for s in page.starts if s < lines[0]]:
        del page.starts[s]  # (the digest's name over its first item: no item of its own)
    for x in lines:
        if how == "bracket":
            paras[x] = paras[x][1:-1].strip()
            kinds[x] = "title"
        else:
            paras[x] = (_ITEM_NUMBER if how == "number" else _BULLET_LEAD).sub("", paras[x])
        page.starts[x] = group([x], paras)
    page.starts = dict(sorted(page.starts.items()))
