"""Stage 3 — split a cleaned page into articles (kicker, headline, subheadline,
byline, body) and an article body into sentences.

Page layouts differ by outlet, so the rules are about shapes, not one page:

* a *byline* is ``本报讯（记者 …）``, a dateline ``本报宁波11月17日电 （记者 …）``,
  ``XX网讯 A、B、记者C报道``, or a line of its own ``记者 X 通讯员 Y``;
* a *title line* is short and does not end a sentence;
* an article starts at the title lines right above a byline, or at the top of
  the page; a byline with no title above it (a second dateline) stays in the
  article it is in;
* a page without bylines is one article whose title is its first lines.
"""
from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field

from .clean import ends_sentence, repair_breaks
from .vocab import regions_longest_first

log = logging.getLogger(__name__)

_H = r"\u4e00-\u9fff"
_PAREN = r"[（(](?P<paren>[^）)]{0,80})[）)]"
BYLINE_LEAD_RE = re.compile(
    rf"^(?P<outlet>本报讯|本报[{_H}]{{1,8}}\d{{1,2}}月\d{{1,2}}日电|"
    rf"(?:新华社|中新社|中新网|人民网|新华网)[{_H}]{{0,8}}\d{{1,2}}月\d{{1,2}}日电|"
    rf"[{_H}、]{{2,24}}?讯(?=[\s（(]))"
    rf"\s*(?:{_PAREN}|(?P<names>[^，。“”（(]{{2,40}}?报道))?\s*"
)
_PERSON_LABELS = ("本报记者", "见习记者", "特约记者", "实习记者", "首席记者", "记者", "通讯员", "实习生", "特约通讯员")
BYLINE_LINE_RE = re.compile(rf"^[（(]?(?:本报)?(?:见习|特约|实习|首席)?(?:记者|通讯员)[\s{_H}、，/]{{2,60}}[）)]?$")
META_RE = re.compile(
    r"^(?:(?:时间|来源|发布时间|发布日期|日期|作者|编辑|责任编辑|责编|审核|浏览次数|点击数|字号|摘要|分享到|原标题)\s*[：:]"
    r"|\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?(?:\s+\S{1,12}){0,3}$"
    rf"|.{{0,40}}[{_H}]{{2,4}}\s*/\s*摄$"
    r"|(?:首页|当前位置|您的位置|您现在的位置)\s*[>：:»].{0,60}$"
    r"|\d{4}年\d{1,2}月\d{1,2}日$"
    r"|(?:版权所有|Copyright|©).{0,60}$"
    r"|【[^】]{0,10}】$)"
)
TITLE_MAX = 50


@dataclass
class Article:
    seq: int
    kicker: str = ""
    headline: str = ""
    subheadline: str = ""
    byline: str = ""
    reporters: list[str] = field(default_factory=list)
    correspondents: list[str] = field(default_factory=list)
    body: str = ""
    pub_date: str = ""   # the article's own date line (发布时间：2024-12-09), YYYY[-MM[-DD]]
    source: str = ""     # the media it names as its source (来源：浙江日报)


_REPORTED = re.compile(r"报道$")
_NAME_SEP = re.compile(r"[\s、，,/]+")
_HAN_RUN = re.compile(rf"[{_H}]+")
_PERSON_NAME = re.compile(rf"[{_H}·]{{2,4}}")


def parse_byline_names(text: str) -> tuple[list[str], list[str]]:
    """Reporters and correspondents in a byline.

    Names after 记者 are reporters; names after 通讯员, 实习生 or a unit label
    (``共享联盟奉化站``), and unlabelled names before any label, are correspondents.

    >>> parse_byline_names("记者 廖玉晶 陈炜 通讯员 游千喻")
    (['廖玉晶', '陈炜'], ['游千喻'])
    """
    text = _REPORTED.sub("", text.strip())
    reporters: list[str] = []
    correspondents: list[str] = []
    role = "correspondent"
    regions = regions_longest_first()
    for token in _NAME_SEP.split(text):
        if not token:
            continue
        label = next((lab for lab in _PERSON_LABELS if token.startswith(lab)), None)
        if label:
            role = "reporter" if "记者" in label else "correspondent"
            token = token[len(label):]
            if not token:
                continue
        elif len(token) > 4 and _HAN_RUN.fullmatch(token):
            role = "correspondent"  # a unit label such as 共享联盟奉化站
            continue
        # "沈贞海浙江" — a name glued to the place the report is from
        for reg in regions:
            if token.endswith(reg) and len(token) - len(reg) >= 2:
                token = token[: -len(reg)]
                break
        if _PERSON_NAME.fullmatch(token):
            (reporters if role == "reporter" else correspondents).append(token)
    return reporters, correspondents


def _kind(para: str) -> str:
    if META_RE.match(para):
        return "meta"
    if BYLINE_LINE_RE.match(para) and len(para) <= 60:
        return "byline_line"
    if BYLINE_LEAD_RE.match(para):
        return "byline_lead"
    if len(para) <= TITLE_MAX and not ends_sentence(para):
        return "title"
    return "body"


def _split_titles(titles: list[str]) -> tuple[str, str, str]:
    if not titles:
        return "", "", ""
    if len(titles) == 1:
        return "", titles[0], ""
    if len(titles) == 2:
        if titles[1].startswith(("——", "—", "--")):
            return "", titles[0], titles[1].lstrip("—- ")
        return titles[0], titles[1], ""
    return titles[-3], titles[-2], titles[-1].lstrip("—- ")


def segment_page(text: str) -> list[Article]:
    """Split a cleaned page into articles.

    >>> arts = segment_page("标题一\\n\\n本报讯（记者 张三）正文。\\n\\n标题二\\n\\n本报讯（记者 李四）正文二。")
    >>> [(a.headline, a.reporters, a.body) for a in arts]
    [('标题一', ['张三'], '正文。'), ('标题二', ['李四'], '正文二。')]
    """
    paras = [p for p in text.split("\n") if p.strip()]
    kinds = [_kind(p) for p in paras]
    # An article starts at index s with title lines titles[s] (indices).
    starts: dict[int, list[int]] = {}
    first = next((i for i, k in enumerate(kinds) if k != "meta"), None)
    if first is None:
        return []
    lead = []
    i = first
    while i < len(paras) and len(lead) < 3 and kinds[i] in ("title", "meta"):
        if kinds[i] == "title":
            lead.append(i)
        i += 1
    # Leading lines are a title only if something other than titles follows them.
    if lead and i < len(paras):
        starts[lead[0]] = lead
    else:
        starts[first] = []
    for i, k in enumerate(kinds):
        if k not in ("byline_line", "byline_lead"):
            continue
        titles: list[int] = []
        j = i - 1
        while j >= 0 and len(titles) < 3:
            if kinds[j] == "meta":
                j -= 1
                continue
            if kinds[j] == "title":
                titles.insert(0, j)
                j -= 1
                continue
            break
        # The line above the title block must close a sentence, or the "title" is a broken body line.
        prev = next((paras[x] for x in range(j, -1, -1) if kinds[x] != "meta"), None) if j >= 0 else None
        if titles and (prev is None or ends_sentence(prev) or kinds[j] in ("byline_line", "byline_lead")):
            if titles[0] not in starts and not any(s <= titles[0] <= s + 3 and titles[0] in t for s, t in starts.items()):
                starts[titles[0]] = titles
    order = sorted(starts)
    articles: list[Article] = []
    for n, s in enumerate(order):
        end = order[n + 1] if n + 1 < len(order) else len(paras)
        titles = starts[s]
        kicker, headline, sub = _split_titles([paras[t] for t in titles])
        art = Article(seq=n + 1, kicker=kicker, headline=headline, subheadline=sub)
        body_paras: list[str] = []
        for idx in range(s, end):
            if idx in titles or kinds[idx] == "meta":
                continue
            para = paras[idx]
            if kinds[idx] == "byline_line":
                r, c = parse_byline_names(para.strip("（）()"))
                art.byline = art.byline or para
                _extend(art, r, c)
                continue
            if kinds[idx] == "byline_lead":
                m = BYLINE_LEAD_RE.match(para)
                names = m.group("paren") or m.group("names") or ""
                r, c = parse_byline_names(names)
                _extend(art, r, c)
                if not body_paras:
                    art.byline = art.byline + (" " if art.byline else "") + para[: m.end()].strip()
                    para = para[m.end():].strip()
                    if not para:
                        continue
            body_paras.append(para)
        art.body = "\n".join(repair_breaks(body_paras))
        articles.append(art)
    if len(articles) == 1 and not articles[0].headline:
        log.warning("no article title found: the page is one untitled article")
    return articles


def _extend(art: Article, reporters: list[str], correspondents: list[str]) -> None:
    art.reporters += [r for r in reporters if r not in art.reporters]
    art.correspondents += [c for c in correspondents if c not in art.correspondents]


_SENT_BREAK = re.compile(r"\n|[。！？!?；;…]+[”’」』）)]*")


def split_sentences(body: str) -> list[tuple[int, int, str]]:
    """Sentences of a body as ``(start, end, text)``, offsets into ``body``.

    >>> split_sentences("他说：“好。”然后走了。\\n下一段")
    [(0, 7, '他说：“好。”'), (7, 12, '然后走了。'), (13, 16, '下一段')]
    """
    out: list[tuple[int, int, str]] = []
    start = 0
    for m in _SENT_BREAK.finditer(body):
        if m.group() == "\n":
            _push(out, body, start, m.start())
        else:
            _push(out, body, start, m.end())
        start = m.end()
    _push(out, body, start, len(body))
    return out


def _push(out, body, start, end):
    while start < end and body[start] in " \n":
        start += 1
    while end > start and body[end - 1] in " \n":
        end -= 1
    if end > start:
        out.append((start, end, body[start:end]))
