"""Stage 3b — an article's kicker (引题), headline and subheadline (副题) from its title lines, by the form of each
line: a role label, a dash, brackets, figures, a slogan or a quotation, a theme, a title glued to its subheadline, an
alternate title in Latin letters, an exclamation over a statement. :func:`.articles._name_titles` (step
``segment.name_titles``) calls :func:`_split_titles`; the branches are named steps of stage ``"segment"``.
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from .. import config
from .lines import _layout, is_field_line, is_media_name, unwrap_bullet_title

# ---------------------------------------------------------------- titles
# Of two stacked title lines, the form of each tells kicker (引题) / headline / subheadline (副题) apart:
# a subheadline is marked (a leading dash, brackets around it), or states figures, or explains at length;
# a kicker is a slogan of parallel phrases or a quotation. Branches of ``segment.name_titles``.
_DASH_LEAD = re.compile(r"^(?:[—―–]+|[-－]{2,})\s*")
_BRACKETED = re.compile(r"^[（(【\[]([^（）()【】\[\]]{10,})[）)】\]]$")  # a clause in brackets, not （一期）
_H = r"\u4e00-\u9fff"
# a short label and an amount, one or more (总投资8.5亿元 全长3.2公里; 年产值超20亿元、用地150亩)
_FIGURE = rf"[{_H}]{{1,5}}(?:约|超|近|逾|达|超过)?\d[\d.]*\s*(?:[万亿千百]+)?[{_H}A-Za-z%]{{1,3}}(?:以上|左右|多)?"
_FIGURES_ONLY = re.compile(rf"^{_FIGURE}(?:\s*[，,、；;\s]\s*{_FIGURE})*$")
# parallel phrases of one length, two or more (山水筑底 创新赋能 共富先行): quotes aside
_PHRASES = re.compile(r"\s+")
_QUOTED = re.compile(r"^[“\"「『][^“”\"「」『』]+[”\"」』][！!？?]?$")


def _parallel_phrases(line: str) -> bool:
    """A slogan of two or more space-separated phrases of one length, 2 to 8 characters each.

    >>> _parallel_phrases("山水筑底 创新赋能 共富先行"), _parallel_phrases("云岭大桥今天通车 总投资8.5亿元")
    (True, False)
    """
    parts = [p.strip("“”\"「」") for p in _PHRASES.split(line.strip()) if p]
    return (len(parts) >= 2 and len({len(p) for p in parts}) == 1 and 2 <= len(parts[0]) <= 8
            and all(re.fullmatch(rf"[{_H}]+", p) for p in parts))


def _is_kicker_form(line: str) -> bool:
    """A kicker by its form: a slogan of parallel phrases or a whole quotation (“拼经济 抓项目”)."""
    return _parallel_phrases(line) or bool(_QUOTED.match(line))


def _is_subheadline(a: str, b: str) -> bool:
    """Of two title lines, is the second a subheadline (副题) rather than the headline under a kicker?
    By the form of each: ``b`` led by a dash or a subheadline lead (总投资…), wholly in brackets
    (branch ``segment.bracketed_subheadline``), made of figures only (``segment.figure_subheadline``),
    both in one genre (…公告 over …公告); else not when ``a`` is a kicker by its form
    (``segment.kicker_form``: a slogan, a quotation); else when ``b`` is much the longer.

    >>> _is_subheadline("云岭大桥通车", "（全长3.2公里的跨江通道建成）"), _is_subheadline("云岭大桥通车", "年产值超20亿元")
    (True, True)
    >>> _is_subheadline("山水筑底 创新赋能", "云岭县三个重大产业项目集中开工总投资逾二十亿元")
    False
    """
    lay = _layout()
    if _DASH_LEAD.match(b) or b.startswith(lay.sub_leads):
        return True
    if config.step_on("segment", "bracketed_subheadline") and _BRACKETED.match(b):
        return True
    if config.step_on("segment", "figure_subheadline") and _FIGURES_ONLY.match(b):
        return True
    if any(a.endswith(g) and b.endswith(g) for g in lay.genre_nouns):
        return True
    if config.step_on("segment", "kicker_form") and _is_kicker_form(a):
        return False
    return len(b) >= 20 and len(b) >= 1.6 * len(a)


def count_over_figures(a: str, b: str) -> bool:
    """Is title line ``a`` closed by a count (…开工项目37个) over a line of figures alone (总投资达128亿元)? Then
    the count ends the headline and the figures are its subheadline, where a count closing a line otherwise
    leaves a title broken before its noun (云岭县22个 / 重大项目集中开工). Branch ``segment.count_over_figures``.

    >>> count_over_figures("云岭县一季度开工项目37个", "总投资达128亿元"), count_over_figures("云岭县22个", "重大项目集中开工")
    (True, False)
    """
    return config.step_on("segment", "count_over_figures") and bool(_FIGURES_ONLY.match(b))


_VERB_LIKE = ("v", "p", "d", "c")   # tags of the general lexicon a topic never opens with (打造, 在, 奋力, 并)
_TOPIC_MAX = 12                     # characters of a place, zone or park named alone


def topic_over_predicate(a: str, b: str) -> bool:
    """Is title line ``a`` a place, zone or park named alone (云岭县星河工业园, ``topic_name_ends`` of
    ``layout.yaml``, its first word no verb, adverb, preposition or conjunction of jieba's dictionary) over a
    line that says what happened there (12个项目集中竣工投产)? Then the two are one headline the layout broke
    after its topic: a kicker says something (打造星河新材料产业园, 创造历史). Branch ``segment.topic_over_predicate``.

    >>> topic_over_predicate("云岭县星河工业园", "12个项目集中竣工投产"), topic_over_predicate("打造星河新材料产业园", "云岭县项目开工")
    (True, False)
    >>> topic_over_predicate("云岭县数字经济产业园开园", "首批入驻企业28家")
    False
    """
    if not config.step_on("segment", "topic_over_predicate") or not 3 <= len(a) <= _TOPIC_MAX \
            or not a.endswith(_layout().topic_name_ends) or a.endswith(_layout().topic_verb_ends) or not re.fullmatch(rf"[{_H}]+", a) or "的" in a \
            or _is_kicker_form(b) or _DASH_LEAD.match(b) or _BRACKETED.match(b) or len(b) < 4:
        return False
    # (a first character alone only as a preposition or conjunction, 在星河新区: 松溪镇's 松 is a verb alone)
    pairs, singles = _verb_like_words()
    return a[:2] not in pairs and a[:1] not in singles


@lru_cache(maxsize=1)
def _verb_like_words() -> tuple[frozenset[str], frozenset[str]]:
    """Words of jieba's dictionary (``dict.txt``: word, frequency, part-of-speech tag) that a topic never opens
    with: two-character verbs, verbal nouns, adverbs, prepositions and conjunctions (打造, 建设, 奋力, 通过), and
    one-character prepositions and conjunctions (在, 为, 与). Read once per process, when a line first has a topic's
    form; the same dictionary :mod:`..extract.lexicon` reads whole (stage ``extract``, later than this one)."""
    import jieba
    fields = Path(jieba.__file__).with_name("dict.txt").read_text(encoding="utf-8").split()
    pairs = frozenset(w for w, t in zip(fields[0::3], fields[2::3]) if len(w) == 2 and (t.startswith(_VERB_LIKE)))
    singles = frozenset(w for w, t in zip(fields[0::3], fields[2::3]) if len(w) == 1 and t.startswith(("p", "c")))
    return pairs, singles


def _as_subheadline(line: str) -> str:
    """A subheadline without the dash before it or the brackets around it."""
    line = _DASH_LEAD.sub("", line)
    m = _BRACKETED.match(line)
    return m.group(1).strip() if m and config.step_on("segment", "bracketed_subheadline") else line


def _repeats(a: str, b: str) -> bool:
    """Is title line ``a`` the next one, ``b``, again with something before or after it (a site's name,
    a label: 云岭大桥通车_云岭网, 正在阅读：云岭大桥通车)?

    >>> _repeats("正在阅读：云岭大桥通车", "云岭大桥通车"), _repeats("瓯江口新区", "瓯江口新区")
    (True, True)
    """
    return a.startswith(b) or (len(b) >= 6 and a.endswith(b))


def _by_role_labels(titles: list[str]) -> tuple[str, str, str] | None:
    """Kicker, headline and subheadline of title lines labelled with their role (引题：… 主题：… 副题：…,
    ``title_roles`` of ``layout.yaml``; branch ``segment.title_role_labels``), wherever each stands; an
    unlabelled line takes the first role left, the headline first. None when no line is labelled.

    >>> _by_role_labels(["副题：总投资8.5亿元", "主题：云岭大桥通车", "引题：拼经济 抓项目"])
    ('拼经济 抓项目', '云岭大桥通车', '总投资8.5亿元')
    """
    lay = _layout()
    roles: dict[str, str] = {}
    plain: list[str] = []
    for t in titles:
        m = lay.title_role.match(t)
        if m and m.group("blabel") and not config.step_on("segment", "labelled_items"):
            m = None  # (【标题】…: a label in 【】, as a transcript prints it)
        if m and len(t) > m.end():
            roles.setdefault(lay.role_of[m.group("label") or m.group("blabel")], t[m.end():].strip())
        else:
            plain.append(t)
    if not roles or not config.step_on("segment", "title_role_labels"):
        return None
    for t in plain:
        role = next((r for r in ("headline", "kicker", "subheadline") if r not in roles), None)
        if role:
            roles[role] = t
    return roles.get("kicker", ""), roles.get("headline", ""), roles.get("subheadline", "")


# a title that names no event: a noun phrase closed by 的 and a noun (……的幕后故事, 一座新城的成长故事)
_NOUN_PHRASE = re.compile(rf"^.*的[{_H}]{{2,4}}$")
_CLAUSE_MARK = re.compile(r"[\s，,、；;：:]")  # (one phrase: no space, comma or colon in it)
_VERB_AFTER_DE = re.compile(r"的(?:是|有|在|让|把|被|将|要|就|也|都)")  # (最难的是开头: a clause)


def _is_noun_phrase(line: str) -> bool:
    """A title line that is a noun phrase headed by 的 and a noun of two to four characters, no verb after
    the 的 (“云岭速度”的幕后故事): a theme, never the event an article reports.

    >>> _is_noun_phrase("“云岭速度”的幕后故事"), _is_noun_phrase("云岭大桥今天通车"), _is_noun_phrase("最难的是开头")
    (True, False, False)
    """
    return not _CLAUSE_MARK.search(line) and bool(_NOUN_PHRASE.match(line)) \
        and not _VERB_AFTER_DE.search(line[line.rfind("的"):])


def _theme_under_event(a: str, b: str) -> bool:
    """Of two title lines, is the lower a noun phrase (a theme: ……的幕后故事) under a line that is not
    one and is no kicker by its form? Then the upper is the headline and the lower its subheadline (branch
    ``segment.theme_subheadline``).

    >>> _theme_under_event("云岭大桥从开工到通车仅用9个月", "“云岭速度”的幕后故事")
    True
    """
    return (config.step_on("segment", "theme_subheadline") and _is_noun_phrase(b) and not _is_noun_phrase(a)
            and not _is_kicker_form(a))


_GLUE_DASH = ("——", "--")
_GLUED_SUB_MIN = 8   # characters of a subheadline glued by a dash: more than a medium's name (标题——云岭网)


def _split_glued_subheadline(kicker: str, headline: str, sub: str) -> tuple[str, str, str]:
    """A headline and its subheadline on one line, glued by a double dash: the part after the dash, eight
    characters or more and no medium's name, is the subheadline if none is (branch ``glued_subheadline``).

    >>> _split_glued_subheadline("", "云岭大桥九个月建成通车——访云岭县交通局局长林小雨", "")[1:]
    ('云岭大桥九个月建成通车', '访云岭县交通局局长林小雨')
    """
    cut = min((i for i in (headline.find(d) for d in _GLUE_DASH) if i >= 0), default=-1)
    right = _DASH_LEAD.sub("", headline[cut:]).strip() if cut >= 4 else ""
    if sub or len(right) < _GLUED_SUB_MIN or any(d in right for d in _GLUE_DASH) or is_media_name(right) \
            or not config.step_on("segment", "glued_subheadline"):
        return kicker, headline, sub
    return kicker, headline[:cut].rstrip(), right


def _split_titles(titles: list[str]) -> tuple[str, str, str]:
    """Kicker, headline and subheadline of an article's titles (see :func:`_is_subheadline`)."""
    return _split_glued_subheadline(*_stacked_titles([unwrap_bullet_title(t) for t in titles]))


_HAN = re.compile(rf"[{_H}]")
_BANG_HEADLINE_MIN = 8   # characters of an exclamation that is a headline, not an interjection over it (喜报！, 重磅！)
_ASKS_OR_BANGS = ("！", "!", "？", "?")


def _bang_over_statement(a: str, b: str) -> bool:
    """Of two title lines, is the upper an exclamation of a whole clause (村口的新厂房终于动工了！) over a statement
    (星河园区后年能用工1500人)? Then the upper is the headline and the lower its subheadline, as an evening paper sets
    them; a short interjection over a title (喜报！) stays its kicker (branch ``segment.bang_headline``).

    >>> _bang_over_statement("村口的新厂房终于动工了！", "星河园区后年能用工1500人"), _bang_over_statement("喜报！", "星河园区开工")
    (True, False)
    """
    return (config.step_on("segment", "bang_headline") and a.endswith(("！", "!")) and len(a) >= _BANG_HEADLINE_MIN
            and not b.endswith(_ASKS_OR_BANGS) and not _is_kicker_form(a) and not _is_kicker_form(b))


def _stacked_titles(titles: list[str]) -> tuple[str, str, str]:
    """Kicker, headline and subheadline of title lines stacked one over the other."""
    # a page title repeated with the site's name or a label (标题_某某网 or 正在阅读：标题 over 标题) is one title
    titles = [t for n, t in enumerate(titles) if not (n + 1 < len(titles) and _repeats(t, titles[n + 1]))]
    if config.step_on("segment", "unmark_field_lines"):
        titles = [t for t in titles if not is_field_line(t)]  # a record's header (证券代码：… 简称：…)
    if config.step_on("segment", "latin_alternate_title"):
        # a title in Latin letters over the Chinese one is its translation (a line in Latin letters under it stays)
        first = next((n for n, t in enumerate(titles) if _HAN.search(t)), 0)
        titles = titles[first:]
    if not titles:
        return "", "", ""
    labelled = _by_role_labels(titles)
    if labelled:
        return labelled
    if len(titles) == 1:
        return "", titles[0], ""
    if len(titles) == 2:
        if _is_subheadline(titles[0], titles[1]) or _theme_under_event(titles[0], titles[1]) \
                or _bang_over_statement(titles[0], titles[1]):
            return "", titles[0], _as_subheadline(titles[1])
        return titles[0], titles[1], ""
    a, b, c = titles[-3:]
    if config.step_on("segment", "kicker_form") and _is_kicker_form(b) and not _is_subheadline(b, c):
        return b, c, ""  # a slogan over the headline, under a line the page prints above both
    return a, b, _as_subheadline(c)
