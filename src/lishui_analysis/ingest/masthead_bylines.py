"""Stage 3a — header lines of a page that read as metadata by the parts they join (issue #17 item 5, round 6):
a line that prints where and when an article appears and then who wrote it (``瓯江周刊 2031-05-06 第19期
文/本刊记者 林小雨``: its head alone is metadata, a medium's name and a date, and its tail alone a byline; branch
``segment.masthead_bylines``, :func:`.lines.parse_meta_line` reads its date and its reporters), and a broadcast
transcript's masthead naming its station and programme (``云岭电视台《云岭新闻》2031年5月6日 文字稿``: a date and the
record's genre closing the line; branch ``segment.transcript_mastheads``). Both are branches of
:func:`.lines._title_or_furniture`. And a line of a bilingual page that is a sentence in Latin letters, however
short its length as a title's (``Yunling, May 6, 2031 – Starlight Materials broke ground on its plant today.``;
branch ``segment.latin_sentences`` of :func:`.lines._kind`): body, never a subheadline; and a date written in
English (``May 6, 2031``, ``6 May 2031``; branch ``segment.latin_dates``): metadata, never a title.
"""
from __future__ import annotations

import re
from typing import Callable

from .layoutvocab import _layout

_SPACE = re.compile(r"\s+")
# a periodical's issue closing the masthead (第19期, 2031年第19期, 第2031年第19期, 总第320期)
_ISSUE = re.compile(r"\s*(?:总)?第?(?:\d{4}年)?第?\d{1,4}期$")
_MAX_CUTS = 6   # spaces tried from the left: a masthead has a name, a date, an issue and a page at most


def is_masthead_byline(para: str, kind: Callable[[str], str], is_byline_line: Callable[[str], bool]) -> bool:
    """Is ``para`` a medium's masthead or dateline (metadata alone, by ``kind``: :func:`.lines._kind`) followed by a
    byline (``is_byline_line``) on one line? Each of the first few spaces is tried as the cut (a line of title
    length: linear). :mod:`.lines` passes its own readers of a line (it imports this module).

    >>> from .lines import _kind, is_byline_line
    >>> [is_masthead_byline(x, _kind, is_byline_line) for x in ("瓯江周刊 2031-05-06 第19期 文/本刊记者 林小雨",
    ...  "云岭日报 2031年5月6日 记者 王大山", "云岭大桥今天通车 记者 王大山", "瓯江周刊 2031-05-06")]
    [True, True, False, False]
    """
    for n, m in enumerate(_SPACE.finditer(para)):
        if n >= _MAX_CUTS:
            break
        head, tail = _ISSUE.sub("", para[:m.start()]), para[m.end():]
        if head and tail and is_byline_line(tail) and kind(head) == "meta":
            return True
    return False


_DATED = re.compile(r"\d{4}\s*(?:年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|[-/.]\d{1,2}[-/.]\d{1,2})")
_MASTHEAD_MAX = 45   # characters of a transcript's masthead (a station, a programme, a date, a genre)


def is_transcript_masthead(para: str) -> bool:
    """A broadcast transcript's masthead: a line closed by the record's genre (文字稿, 实录: ``record_nouns`` of
    ``layout.yaml``) that carries a full date — the station, the programme and the day it aired.

    >>> is_transcript_masthead("云岭电视台《云岭新闻》2031年5月6日 文字稿"), is_transcript_masthead("星河新闻 2031-05-06 文字稿")
    (True, True)
    >>> is_transcript_masthead("云岭县新闻发布会实录"), is_transcript_masthead("云岭大桥通车")
    (False, False)
    """
    return len(para) <= _MASTHEAD_MAX and para.rstrip().endswith(_layout().record_nouns) and bool(_DATED.search(para))


_LATIN_WORDS = re.compile(r"[A-Za-z][A-Za-z'’&-]*")
_LATIN_SENTENCE_WORDS = 8   # words of a sentence in Latin letters (an English title or subheadline is shorter)


def is_latin_sentence(para: str) -> bool:
    """A sentence in Latin letters: eight words or more, closed by a full stop, no Han character.

    >>> is_latin_sentence("Yunling, May 6, 2031 – Starlight Materials today broke ground on its new plant.")
    True
    >>> is_latin_sentence("Starlight Materials Breaks Ground in Yunling"), is_latin_sentence("星河项目开工. Starlight breaks ground")
    (False, False)
    """
    text = para.rstrip()
    return text.endswith(".") and not _HAN.search(text) and len(_LATIN_WORDS.findall(text)) >= _LATIN_SENTENCE_WORDS


_HAN = re.compile(r"[\u4e00-\u9fff]")


_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?"
          r"|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
_LATIN_DATE = re.compile(rf"^(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?(?:{_MONTH}\s+\d{{1,2}},?|\d{{1,2}}\s+{_MONTH})"
                         rf"\s+\d{{4}}(?:\s+\d{{1,2}}:\d{{2}}(?:\s*[AaPp]\.?[Mm]\.?)?)?$")


def is_latin_date(para: str) -> bool:
    """A date written in English on a line of its own (May 6, 2031; Tuesday, May 6, 2031; 6 May 2031 10:20).

    >>> is_latin_date("May 6, 2031"), is_latin_date("6 May 2031"), is_latin_date("May Day in Yunling")
    (True, True, False)
    """
    return bool(_LATIN_DATE.match(para.strip()))
