"""Stage 3a — header lines of a page that read as metadata by the parts they join (issue #17 item 5, round 6):
a line that prints where and when an article appears and then who wrote it (``瓯江周刊 2031-05-06 第19期
文/本刊记者 林小雨``: its head alone is metadata, a medium's name and a date, and its tail alone a byline; branch
``segment.masthead_bylines``, :func:`.lines.parse_meta_line` reads its date and its reporters), and a broadcast
transcript's masthead naming its station and programme (``云岭电视台《云岭新闻》2031年5月6日 文字稿``: a date and the
record's genre closing the line; branch ``segment.transcript_mastheads``). Both are branches of
:func:`.lines._title_or_furniture`.
"""
from __future__ import annotations

import re

_SPACE = re.compile(r"\s+")
# a periodical's issue closing the masthead (第19期, 2031年第19期, 第2031年第19期, 总第320期)
_ISSUE = re.compile(r"\s*(?:总)?第?(?:\d{4}年)?第?\d{1,4}期$")
_MAX_CUTS = 6   # spaces tried from the left: a masthead has a name, a date, an issue and a page at most


def is_masthead_byline(para: str) -> bool:
    """Is ``para`` a medium's masthead or dateline (metadata alone) followed by a byline (a byline alone) on one
    line? Each of the first few spaces is tried as the cut (a line of title length: linear).

    >>> is_masthead_byline("瓯江周刊 2031-05-06 第19期 文/本刊记者 林小雨"), is_masthead_byline("云岭日报 2031年5月6日 记者 王大山")
    (True, True)
    >>> is_masthead_byline("云岭大桥今天通车 记者 王大山"), is_masthead_byline("瓯江周刊 2031-05-06")
    (False, False)
    """
    from .lines import _kind, is_byline_line   # (lines calls this module: imported at call time)
    for n, m in enumerate(_SPACE.finditer(para)):
        if n >= _MAX_CUTS:
            break
        head, tail = _ISSUE.sub("", para[:m.start()]), para[m.end():]
        if head and tail and is_byline_line(tail) and _kind(head) == "meta":
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
    from .lines import _layout
    return len(para) <= _MASTHEAD_MAX and para.rstrip().endswith(_layout().record_nouns) and bool(_DATED.search(para))
