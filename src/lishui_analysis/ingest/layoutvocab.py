"""The page-layout vocabularies of ``data/layout.yaml`` (metadata labels, chrome, photo credits,
byline labels, media names), as sets and patterns compiled once (:func:`_layout`); read by
:mod:`.lines` (what one line is) and :mod:`.furniture` (the lines that are never a title).
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..vocab import load_yaml

_H = r"\u4e00-\u9fff"
_BULLETS = "■□●○◆◇▲△▶►★☆◎"
_PAREN = r"[（(](?P<paren>[^）)]{0,80})[）)]"
_NAME_RUN = rf"[{_H}·]{{2,4}}"


def _alt(words) -> str:
    """Regex alternation of literal words, longest first."""
    return "|".join(map(re.escape, sorted(set(words), key=len, reverse=True)))


class _Layout:
    """The vocabularies of data/layout.yaml as sets and compiled patterns (built once)."""

    def __init__(self, v: dict):
        labels = _alt(v["meta_labels"])
        # a field's label and its colon, or the bar a WeChat post prints instead (来源 | 云岭日报)
        self.label_start = re.compile(rf"^[（(【\[]?\s*(?:{labels})\s*[：:|｜丨]|^【\s*(?:{labels})\s*】"
                                      rf"|^[（(【\[]?\s*(?:{_alt(v['spaced_labels'])})\s+[^\s：:。，]{{1,12}}[】\]）)]?$")
        # a label inside a line: at its start or after a space, bar, bracket or digit (…09:40:45来源：)
        self.label_any = re.compile(rf"(?:^|(?<=[\s|｜丨/（(【\[\d]))(?P<label>{labels})\s*[：:|｜丨]")
        self.source_labels = frozenset(v["source_labels"])
        self.author_labels = frozenset(v["author_labels"])
        self.source_ignore = frozenset(w.lower() for w in v["source_ignore"])
        self.chrome_words = frozenset(w.lower() for w in v["chrome_words"])
        self.chrome_phrase = re.compile(_alt(v["chrome_phrases"]))
        self.notice_phrase = re.compile(_alt(v["notice_phrases"]))
        self.end_markers = frozenset(w.upper() for w in v["end_markers"])
        ends = [w for w in v["photo_credit_ends"] if w not in ("摄", "摄影")]
        self.caption_end = re.compile(
            rf"(?:(?:{_NAME_RUN}|[A-Za-z][A-Za-z .]{{1,30}})\s*[/／]?\s*摄影?|{_alt(ends)}"
            rf"|[。！]\s*(?:来源|图源|图片来源)[：:]\s*\S{{1,20}})$")
        # the credit closing a caption sentence: ……座谈。来源：温州发布 / ……现场。孙杨洋 摄
        self.credit_end = re.compile(
            rf"(?<=[。！？])\s*(?:(?:{_NAME_RUN}|[A-Za-z][A-Za-z .]{{1,30}})\s*[/／]?\s*摄影?"
            rf"|(?:来源|图源|图片来源)[：:]\s*\S{{1,20}}|[（(](?:{_alt(ends)})[）)])$")
        self.caption_start = re.compile(rf"^(?:{_alt(v['photo_credit_starts'])})")
        self.caption_mark = re.compile(rf"^(?:{_alt(v['caption_marks'])})\s*(?:{_alt(v['photo_credit_starts'])})?")
        self.reporter_labels = tuple(sorted(v["reporter_labels"], key=len, reverse=True))
        self.correspondent_labels = tuple(sorted(v["correspondent_labels"], key=len, reverse=True))
        self.person_labels = tuple(sorted(self.reporter_labels + self.correspondent_labels, key=len, reverse=True))
        self.person_label = re.compile(_alt(self.person_labels))
        self.author_words = frozenset(v["author_words"])
        self.photographer_words = frozenset(v["photographer_words"])
        units = _alt(v["unit_suffixes"])
        self.unit_then_name = re.compile(rf"^([{_H}]+?(?:{units}))([{_H}·]{{2,3}})$")
        # a medium or unit, its reporter label and a name run together (星河广播电视台记者林小雨, 星河日报记者王大山)
        self.unit_label_name = re.compile(rf"^[{_H}]{{2,14}}?(?:{units}|台|社|报|网)(?P<label>{_alt(self.person_labels)})"
                                          rf"(?P<name>[{_H}·]{{2,3}})$")
        self.sub_leads = tuple(v["subheadline_leads"])
        self.column_nouns = tuple(v["column_nouns"])
        self.record_nouns = tuple(v["record_nouns"])
        self.media_name = re.compile(rf"[{_H}A-Za-z]{{1,12}}?(?:{_alt(v['media_suffixes'])})")
        self.not_media = tuple(v["not_media"])
        self.staff_labels = frozenset(v["staff_labels"])
        self.staff_start = re.compile(rf"^[（(【\[ ]*(?:{_alt(v['staff_labels'])})")
        self.genre_nouns = tuple(v["genre_nouns"])
        self.topic_name_ends = tuple(v["topic_name_ends"])
        self.topic_verb_ends = tuple(v["topic_verb_ends"])
        person = _alt(self.person_labels)
        self.trailing_byline = re.compile(rf"[（(]\s*(?:本报)?(?:{person})[^（）()]{{1,50}}[）)]$")
        # （林筱） closing an article: its author's names in brackets, no label
        self.trailing_names = re.compile(rf"[（(]\s*([{_H}·]{{2,3}}(?:[\s、，,]+[{_H}·]{{2,3}}){{0,3}})\s*[）)]$")
        self.not_names = frozenset(v["trailing_not_names"])
        self.byline_lead = re.compile(
            rf"^【?(?P<outlet>本报讯|本报消息|本报综合消息|本报电|本报[{_H}]{{1,8}}\d{{1,2}}月\d{{1,2}}日电|"
            rf"[{_H}]{{2,12}}?(?:社|网|台|报|频道|客户端)[{_H}]{{0,8}}\d{{1,2}}月\d{{1,2}}日电|"
            rf"[{_H}]{{2,12}}?\d{{1,2}}月\d{{1,2}}日讯|"
            rf"[{_H}、]{{2,24}}?(?:讯|网消息|台消息|报消息)(?=[\s（(：:】])|"
            rf"(?=[（(]\s*(?:{person})))(?:(?<=[讯息电])】)?[：:]?"  # (an unnamed outlet: （记者 林小雨）5月6日，…;
            # an outlet in brackets: 【本报消息】, the Hong Kong and Macau papers' form)
            rf"\s*(?:{_PAREN}|(?P<names>[^，。“”（(]{{2,40}}?报道)"
            rf"|(?P<bare>(?:(?:{person})\s*(?:{_NAME_RUN}[\s、]+)+)+))?\s*")
        # date lines by form: a date after a date word (发布于 2031-05-06), a relative time (3小时前)
        self.date_word = re.compile(rf"^(?:{_alt(v['date_words'])})\s*[：:]?\s*(?=\d)")
        counted = [w for w in v["relative_times"] if w.endswith("前")]
        bare = [w for w in v["relative_times"] if not w.endswith("前")]
        self.relative_time = re.compile(rf"^(?:\d{{1,3}}\s*(?:{_alt(counted)})|(?:{_alt(bare)}))$")
        self.post_marks = frozenset(v["post_marks"])
        roles = v["title_roles"]
        # (a label in 【】 as a transcript prints it: 【标题】星河项目开工)
        self.title_role = re.compile(rf"^(?:【(?P<blabel>{_alt(w for ws in roles.values() for w in ws)})】\s*"
                                     rf"|(?P<label>{_alt(w for ws in roles.values() for w in ws)})\s*(?:[：:]\s*|\s+))")
        self.role_of = {w: role for role, ws in roles.items() for w in ws}
        self.document_genres = tuple(v["document_genres"])
        self.portal_owners = tuple(w for w in v["issuer_suffixes"] if len(w) >= 2)  # (…_云岭县人民政府)
        self.issuers = tuple(v["issuer_suffixes"])
        self.commentator_outlets = frozenset(v["commentator_outlets"])
        self.platform_name = re.compile(_alt(v["platform_names"]))
        self.commentator = re.compile(rf"^(?P<outlet>[{_H}]{{0,10}}?)\s*(?:{_alt(v['commentator_labels'])})$")
        self.transcript_role = re.compile(rf"^【(?:{_alt(v['transcript_roles'])})】\s*\S")
        self.transcript_role_words = frozenset(v["transcript_roles"])
        # (a part of the script in round or square brackets: （口播）…, [同期]…)
        self.transcript_role_paren = re.compile(rf"^[（(\[](?:{_alt(v['transcript_roles'])})[）)\]]\s*\S")
        self.doc_masthead = re.compile(rf"^[{_H}（）()]{{2,24}}(?:{_alt(v['issuer_suffixes'])})\s*文\s*件$")
        parts = _alt(v["day_parts"])
        self.lead_opening = re.compile(
            rf"^(?:(?:{_alt(v['lead_time_words'])})(?:{parts})?|\d{{1,2}}月\d{{1,2}}日(?:{parts})?"
            rf"|记者[^，。]{{1,20}}?(?:获悉|了解到|看到))[，,]")
        self.surnames = frozenset(v["surnames"])
        self.compound_surnames = tuple(v["compound_surnames"])
        self.column_label = re.compile(rf"^(?:{_alt(v['column_labels'])})\s*[：:]")
        self.short_item_paragraphs = int(v["short_item_paragraphs"])
        self.kicker_max = int(v["kicker_max"])
        self.counter_words = frozenset(v["counter_words"])
        self.disclosure_field = re.compile(rf"(?:{_alt(v['disclosure_labels'])})[：:]")
        self.jump_line = re.compile(rf"^[（(]?\s*(?:{_alt(v['jump_words'])})\s*第?\s*[A-Za-z]?[\d一二三四五六七八九十]{{1,3}}\s*版"
                                    rf"\s*[）)]?$")


@lru_cache(maxsize=1)
def _layout() -> _Layout:
    return _Layout(load_yaml("layout.yaml"))
