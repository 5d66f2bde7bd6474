"""Linear in every input (#16): each index that replaced a rescan gives the answer of the scan.

No test here times anything (the suite has none). Each compares an index, a kept answer or a
regular-expression shortcut with the straightforward definition it replaced — the old code, kept
as ``*_scan`` or ``pick_date`` in the package or written out here — on drawn inputs, or counts the
work a long input costs (regex calls, membership questions, items read) at two sizes: the count
grows with the input, not with its square. The time itself is measured by
``python benchmarks/bench_build.py --linear-only`` (``make bench`` runs it too).

Every text here is invented.
"""
from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lishui_analysis.extract import context, figure_holder, holders as holders_mod, listed, org_links, org_lists, organizations, quantities
from lishui_analysis.extract import milestone_dates as md
from lishui_analysis.extract.dates import extract_dates
from lishui_analysis.extract.events import extract_events
from lishui_analysis.extract.figure_holder import Resolved, _enumerated_scan, _pick, _pick_scan, enumerated
from lishui_analysis.extract.holder_phrases import vocab
from lishui_analysis.extract.occurrences import Occurrences, occurrences
from lishui_analysis.extract.milestone_dates import DatePicker, Taken, UsedDates, carried_date, pick_date, tally_year
from lishui_analysis.extract.organizations import extract_org_mentions
from lishui_analysis.extract.subjects import find_holders, project_after
from lishui_analysis.ingest import articles, clean, segment
from lishui_analysis.ingest.lines import _Meta
from lishui_analysis.ingest.segment import split_sentences

SETTINGS = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def texts_of(pieces, max_size=80):
    return st.lists(st.sampled_from(pieces), max_size=max_size).map("".join)


# ---- positions in a text: clause ends, lines, a character's offsets, word occurrences ------------

POS_PIECES = ["云岭", "开工", "将", "预计", "从", "，", "。", "；", "：", "、", "\n", "“", "”", "占", "甲", ",", ";", "？"]


def _clause_end_scan(text, pos, s_end):
    i = pos
    while i < s_end and text[i] not in "，,；;：:。！？!?":
        i += 1
    return i


@SETTINGS
@given(texts_of(POS_PIECES), st.data())
def test_any_text_position_lookups_agree_with_scans(text, data):
    n = len(text)
    lo = data.draw(st.integers(0, n + 2))
    hi = data.draw(st.integers(0, n + 2))
    assert context.clause_end(text, lo, min(hi, n)) == _clause_end_scan(text, lo, min(hi, n))
    for ch in ("、", "\n", "“", "占", "。"):
        assert context.rfind_in(text, ch, lo, hi) == text.rfind(ch, lo, hi)
        assert context.find_in(text, ch, lo, hi) == text.find(ch, lo, hi)
        assert context.find_in(text, ch, lo) == text.find(ch, lo)
        assert context.count_in(text, ch, lo, hi) == text.count(ch, lo, hi)
    assert context.line_start(text, lo) == text.rfind("\n", 0, lo) + 1
    assert context.line_end(text, lo) == text.find("\n", lo)
    for words in (("将", "预计"), ("从",), ("开工", "开", "工将"), ("云岭开工",)):
        assert context.occurs_within(text, words, lo, hi) == any(w in text[lo:hi] for w in words)
        rx = re.compile("|".join(words))
        assert context.occurs_within(text, words, lo, hi) == (rx.search(text, lo, hi) is not None)


def test_long_sentence_of_milestone_verbs_reads_each_word_list_once():
    """The clause and sentence questions of every verb come from one reading of each word list per
    body: as many readings for 2,000 verbs as for 1,000."""
    def readings(k):
        text = "云岭项目预计" + "开工后，" * k + "投产。"
        context._occurrences.cache_clear()
        extract_events(text, split_sentences(text), extract_dates(text, "2024-05-01"), (), "2024-05-01")
        return context._occurrences.cache_info().misses
    assert readings(2000) == readings(1000) <= 13  # (13: pending_words, a word list of its own)


# ---- the dates of milestones ----------------------------------------------------------------------

DATE_PIECES = ["2023年", "2024年", "5月", "6月8日", "12月", "今年", "明年", "年底", "目前", "近日", "首批", "年度",
               "开工", "封顶", "投产", "，", "。", "；", "\n", "云岭项目", "将", "历时", "从", "到", "同日", "当月"]
PUBS = ["", "2024", "2024-05-01", "2023-12"]


@SETTINGS
@given(texts_of(DATE_PIECES), st.sampled_from(PUBS), st.data())
def test_any_body_dates_picked_by_index_are_those_pick_date_picks(text, pub, data):
    dates = extract_dates(text, pub)
    picker = DatePicker(text, dates, pub)
    sents = split_sentences(text) or [(0, len(text), text)]
    starts = sorted({d.start for d in dates} | {0, 1, 5})
    for _ in range(12):
        s_start, s_end, sentence = data.draw(st.sampled_from(sents))
        pos = data.draw(st.integers(s_start, s_end))
        cstart = context.clause_start(text, pos, s_start)
        not_before = data.draw(st.sampled_from(["", pub or "2024-05-01"]))
        used = set(data.draw(st.lists(st.sampled_from(starts), max_size=4)))
        assert picker.pick(pos, cstart, s_start, s_end, not_before, used) == \
            pick_date(text, dates, pos, cstart, s_start, s_end, not_before, used)
        etype = data.draw(st.sampled_from(["settled", "topped_out"]))
        anaphora = data.draw(st.sampled_from([(), ("此次", "同时")]))
        assert picker.carried(s_start, etype, sentence, anaphora) == \
            carried_date(dates, text, s_start, etype, sentence, anaphora, pub)
        lo, hi = sorted((data.draw(st.integers(0, len(text))), data.draw(st.integers(0, len(text)))))
        assert picker.dated_between(lo, hi) == any(lo <= d.start < hi for d in dates if d.date)
        assert picker.tally_year(pos) == tally_year(dates, text, pos, pub)


@SETTINGS
@given(texts_of(DATE_PIECES, 120), st.data())
def test_any_order_of_used_dates_skip_pointers_agree_with_stepping_back(text, data):
    """Dates used by milestones as they are read (``UsedDates``), asked about for statements of
    other clauses and types (``Taken``): the skip pointers give the date stepping back gives."""
    pub = "2024-05-01"
    dates = extract_dates(text, pub)
    picker, used = DatePicker(text, dates, pub), UsedDates()
    sents = split_sentences(text) or [(0, len(text), text)]
    for _ in range(25):
        s_start, s_end, _ = data.draw(st.sampled_from(sents))
        pos = data.draw(st.integers(s_start, s_end))
        cstart = context.clause_start(text, pos, s_start)
        etype = data.draw(st.sampled_from(["construction_started", "topped_out", "settled"]))
        if dates and data.draw(st.booleans()):
            d = data.draw(st.sampled_from(dates))
            used.setdefault(d.start, (cstart, etype))
        taken = Taken(used, cstart, etype)
        not_before = data.draw(st.sampled_from(["", pub]))
        assert picker.pick(pos, cstart, s_start, s_end, not_before, taken) == \
            pick_date(text, dates, pos, cstart, s_start, s_end, not_before, taken)


def test_long_sentence_of_milestones_on_used_dates_asks_no_date_one_by_one(monkeypatch):
    """Statements after many dated milestones of another type in one sentence (云岭项目2024年5月开工，…
    云岭项目封顶，…) find their date past the used ones by skip pointers: no used date is asked
    about one by one (the old step back asked about each, for each statement)."""
    asked = []
    real = Taken.__contains__
    monkeypatch.setattr(Taken, "__contains__", lambda self, start: asked.append(start) or real(self, start))
    text = "云岭项目2024年5月开工，" * 300 + "云岭项目封顶，" * 300 + "。"
    events = extract_events(text, split_sentences(text), extract_dates(text, "2024-06-01"), (), "2024-06-01")
    assert {e.event_type for e in events} == {"construction_started", "topped_out"}
    assert asked == []


# ---- the holder of a figure: clause candidates, earlier clauses, lists ---------------------------

HOLDER_PIECES = ["云岭科技有限公司", "丽水市人民政府", "经开区", "青田", "云岭新材料项目", "该项目", "9个重点项目", "规上企业",
                 "投资", "3亿元", "产值", "开工", "、", "，", "。", "；", "占", "等", "“", "”", "其中", "的", "\n",
                 "入驻企业35家", "建设", "年产8万台智能装备项目", "这批项目"]


@SETTINGS
@given(texts_of(HOLDER_PIECES), st.data())
def test_any_clause_candidates_read_once_pick_what_the_scan_picks(text, data):
    hs = find_holders(text, extract_org_mentions(text))
    for _ in range(15):
        pos = data.draw(st.integers(0, len(text)))
        floor = data.draw(st.integers(0, pos))
        role = data.draw(st.sampled_from(["project", "company", "government"]))
        event = data.draw(st.booleans())
        c = context.clause_start(text, pos, floor)
        assert _pick(hs, c, pos, role, event) == _pick_scan(hs, c, pos, role, event)
        if c > floor:  # an earlier clause, as figure_holder._earlier asks it
            c0 = context.clause_start(text, c - 1, floor)
            assert _pick(hs, c0, c, role, event) == _pick_scan(hs, c0, c, role, event)


def _earlier_scan(hs, c, lower, role, event):
    while c > lower:
        hi, c = c, context.clause_start(hs.text, c - 1, lower)
        h = _pick_scan(hs, c, hi, role, event)
        if h is not None:
            return figure_holder._answer(hs, h, role)
    return None


@SETTINGS
@given(texts_of(HOLDER_PIECES), st.data())
def test_any_sentence_earlier_clauses_kept_answer_as_walking_back(text, data):
    hs = find_holders(text, extract_org_mentions(text))
    for _ in range(10):
        pos = data.draw(st.integers(0, len(text)))
        lower = data.draw(st.integers(0, pos))
        role = data.draw(st.sampled_from(["project", "company"]))
        c = context.clause_start(text, pos, lower)
        assert figure_holder._earlier(hs, c, lower, role, False) == _earlier_scan(hs, c, lower, role, False)


LIST_PIECES = ["甲项目", "乙项目", "云岭科技有限公司", "“丙项目”", "开工", "、", "、", "等", "一批项目", "，", "“", "”", "签约",
               "丁", "戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥"]


@SETTINGS
@given(texts_of(LIST_PIECES), st.data())
def test_any_list_items_read_as_a_chain_are_those_the_scan_reads(text, data):
    hs = find_holders(text, extract_org_mentions(text))
    cands = [Resolved(h.name, h.kind, h.org, h.start, h.end) for h in hs.items]
    cands += [Resolved("x", "project", None, p, p + 1) for p in range(len(text)) if text[p - 1:p] in ("等", "、")]
    for _ in range(15):
        if not cands:
            break
        r = data.draw(st.sampled_from(cands))
        sent_start = data.draw(st.integers(0, max(0, r.start)))
        assert enumerated(hs, r, sent_start) == _enumerated_scan(hs, r, sent_start)


def test_list_whose_items_each_carry_a_verb_reads_each_item_once(monkeypatch):
    """甲项目开工、乙项目开工、…: each verb's list is every item before it; the items are read once per
    sentence (a chain), not once per verb."""
    reads = []
    real = listed._item
    monkeypatch.setattr(listed, "_item", lambda *a: reads.append(a[1:3]) or real(*a))
    chars = "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥"

    def items_read(k):
        reads.clear()
        text = "".join(chars[i % len(chars)] + chars[i // len(chars) % len(chars)] + "项目开工、" for i in range(k)) + "。"
        extract_events(text, split_sentences(text), extract_dates(text, "2024-05-01"), extract_org_mentions(text))
        return len(reads)
    assert items_read(400) <= 2 * 400 and items_read(800) <= 2 * 800


@pytest.mark.parametrize("k", [60, 240])
def test_verbs_each_opening_a_list_list_only_their_own_items(monkeypatch, k):
    """开工的有甲公司、开工的有乙公司、… in one sentence: each verb's list ends where the next milestone
    verb starts, so each verb lists its own company only — not every company to the sentence's end
    (which made the items listed grow with the square of the sentence)."""
    from lishui_analysis.extract import events as events_mod, subjects
    listed_items = []
    real = subjects.listed_after
    monkeypatch.setattr(events_mod, "listed_after",
                        lambda *a, **kw: (r := real(*a, **kw), listed_items.append([x.subject for x in r]))[0])
    chars = "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥东南西北"
    names = [f"浙江{chars[i % len(chars)]}{chars[i // len(chars)]}精密机械有限公司" for i in range(k)]
    text = "今年3月，" + "".join(f"开工的有{n}、" for n in names) + "。"
    extract_events(text, split_sentences(text), extract_dates(text, "2024-05-01"), extract_org_mentions(text), "2024-05-01")
    assert len(listed_items) == k
    assert listed_items == [[n] for n in names]


def test_list_after_a_verb_still_takes_every_item_up_to_the_next_verb():
    """签约的还有甲公司、乙公司和丙项目等，投产的有丁公司、戊公司: the first verb lists its three, the
    second its two."""
    text = ("今年5月，签约的还有浙江甲辰精密机械有限公司、丽水乙巳新材料有限公司、丙午智能装备项目等，"
            "投产的有松阳丁未科技有限公司、缙云戊申电子有限公司。")
    evs = extract_events(text, split_sentences(text), extract_dates(text, "2024-06-01"), extract_org_mentions(text), "2024-06-01")
    by_type = {}
    for e in evs:
        by_type.setdefault(e.event_type, []).append(e.subject)
    assert by_type["production_start"] == ["松阳丁未科技有限公司", "缙云戊申电子有限公司"]
    assert by_type["settled"] == ["浙江甲辰精密机械有限公司", "丽水乙巳新材料有限公司", "丙午智能装备项目"]


def _opens_clause_copying(text, h, cstart):
    lead = text[cstart:h.start].lstrip("“‘ ")
    opening = vocab()["lead_re"].match(lead)
    rest = lead[opening.end():] if opening else lead
    return len(rest) <= 3 and not any(ch in rest for ch in "在到向从于") and not vocab()["break_re"].search(rest)


@SETTINGS
@given(texts_of(["其中", "今年", "“", "‘", " ", "在", "丽水经开区", "青田", "落地", "，", "、", "累计", "新增", "共"]),
       st.data())
def test_any_clause_opening_read_in_place_agrees_with_copying_it(text, data):
    from lishui_analysis.extract.holder_phrases import Holder, opens_clause
    for _ in range(10):
        start = data.draw(st.integers(0, len(text)))
        cstart = data.draw(st.integers(0, len(text)))
        h = Holder(start, start + 2, "丽水", "region")
        assert opens_clause(text, h, cstart) == _opens_clause_copying(text, h, cstart)


def _project_after_scan(hs, company, end, s_end, role):
    for h in hs.between(end, s_end):
        if h.kind == "project" and vocab()["builds_re"].search(hs.text, max(end, h.start - 6), h.start):
            return figure_holder.Resolved(h.name, figure_holder.subject_type(h, role), h.org or company.org,
                                          h.start, h.end)
    return None


@SETTINGS
@given(texts_of(HOLDER_PIECES + ["建设", "打造", "用于"]), st.data())
def test_any_sentence_holder_lookups_by_kind_agree_with_between(text, data):
    hs = find_holders(text, extract_org_mentions(text))
    company = Resolved("云岭科技有限公司", "company", None, 0, 0)
    for _ in range(10):
        lo = data.draw(st.integers(0, len(text)))
        hi = data.draw(st.integers(lo, len(text)))
        for kinds in (("project", "company"), ("company",), ("project",)):
            for affiliated in (True, False):
                want = next((h for h in hs.between(lo, hi) if h.kind in kinds and (affiliated or not h.affiliation)),
                            None)
                assert hs.first_between(lo, hi, kinds, affiliated) == want
        assert project_after(hs, company, lo, hi, "project") == _project_after_scan(hs, company, lo, hi, "project")


def test_long_clause_of_figures_reads_its_candidates_once_per_role():
    """云岭精密投资五亿元建设…项目并于六月开工, repeated with no break: one clause, hundreds of figures
    and verbs; its candidate holders are read once per role it is asked for, not once per figure."""
    text = "云岭精密投资五亿元建设年产十万台机械项目并于六月开工" * 300 + "。"
    hs = find_holders(text, extract_org_mentions(text))
    quantities.extract_quantities(text, split_sentences(text), (), "2024-05-01", hs)
    extract_events(text, split_sentences(text), extract_dates(text, "2024-05-01"), (), "2024-05-01", hs)
    clauses = [k for k in hs.memo if k[0] == "clause"]
    assert 0 < len(clauses) <= 6  # (one clause; three roles, figure or milestone)


@pytest.mark.parametrize("n", [40, 400])
def test_figures_after_one_list_read_the_list_once(monkeypatch, n):
    """A long list spelled out before 分别 and its many figures, and a long list closed by 等 before
    many totals: each list is read once (:func:`figure_holder._respective_items`,
    :func:`figure_holder._batch_spelled_out`), not once per figure."""
    reads = []
    for name in ("_respective_items", "_batch_spelled_out"):
        real = getattr(figure_holder, name)
        monkeypatch.setattr(figure_holder, name, lambda *a, _real=real, _name=name: reads.append(_name) or _real(*a))
    items = "、".join(f"甲{k}产业" for k in range(n))
    figs = "、".join(f"{k % 9 + 1}.5%" for k in range(n))
    text = (f"全县{items}产值分别增长{figs}。本次签约项目9个，包括{items}等，" + "，".join(["总投资5亿元"] * n) + "。")
    hs = find_holders(text, extract_org_mentions(text))
    qs = quantities.extract_quantities(text, split_sentences(text), (), "2024-05-01", hs)
    assert sum(q.subject_rule == "respective" for q in qs) == n
    assert reads.count("_respective_items") == 1 and reads.count("_batch_spelled_out") == 1


# ---- regular expressions that read a run again from each of its characters ----------------------

class Counting:
    """A compiled pattern that counts the calls made to it."""

    def __init__(self, rx):
        self.rx, self.calls = rx, 0

    def __getattr__(self, name):
        method = getattr(self.rx, name)

        def counted(*args, **kwargs):
            self.calls += 1
            return method(*args, **kwargs)
        return counted


def _spans(matches):
    return [(m.span(), m.groupdict()) for m in matches]


FIGURE_PIECES = ["九", "九九九九", "一", "二十", "百", "千", "万", "亿", "1", "111", "0", ".", ",", "，", "约", "近", "个",
                 "元", "亩", "米", "千米", "的", "、", "。", "至", "-", "%", "余", "多", "个月"]


@SETTINGS
@given(texts_of(FIGURE_PIECES, 60), st.sampled_from(["", "九" * 30, "1" * 30, "一二三四五六七八九十" * 4]), st.data())
def test_any_run_of_numerals_figures_found_past_it_are_those_finditer_finds(text, run, data):
    text = run + text + run + "的"
    lo = data.draw(st.integers(0, len(text)))
    hi = data.draw(st.integers(lo, len(text)))
    pat, _ = quantities._pattern()
    assert _spans(quantities._figures(pat, text, lo, hi, skip_runs=True)) == _spans(pat.finditer(text, lo, hi))


def test_run_of_chinese_numerals_is_tried_once_not_from_each_numeral():
    """九九九…九的: no figure anywhere; the pattern is tried at the run's start, not at each of its
    numerals over the rest of it (the square of the run inside one regex call)."""
    pat, _ = quantities._pattern()
    for n in (2_000, 4_000):
        counting = Counting(pat)
        text = "九" * n + "的"
        assert list(quantities._figures(counting, text, 0, len(text))) == []
        assert counting.calls <= 2


PLOT_PIECES = ["1", "12", "A", "B1", "-", "—", "-", "12345", "号", "地块", "宗地", "国有建设用地", "用", "，", "。", " ", "云岭"]


@SETTINGS
@given(texts_of(PLOT_PIECES, 60), st.integers(0, 30))
def test_any_chain_of_codes_plots_found_reading_it_once_are_those_finditer_finds(text, k):
    text = "1-" * k + text
    rx = vocab()["plot_re"]
    assert _spans(holders_mod.plot_matches(text, rx, chains=True)) == _spans(rx.finditer(text))


def test_long_chain_of_codes_is_read_once(monkeypatch):
    """1-1-1-…-1 with no 地块 after it: each part of the chain is tried within 29 characters, not
    over the rest of the chain."""
    rx = vocab()["plot_re"]
    seen = []
    for n in (2_000, 4_000):
        counting = Counting(rx)
        text = "1-" * n
        assert list(holders_mod.plot_matches(text, counting)) == []
        seen.append(counting.calls)
    assert seen[1] <= 2 * seen[0] + 2


LIST_ITEM_PIECES = ["甲乙", "丙丁戊", "甲乙丙丁戊己庚", "、", "、", "等", "企业", "公司", "等企业", "等一批企业", "，", "如",
                    "包括", "吸引了", "涵盖"]


@SETTINGS
@given(texts_of(LIST_ITEM_PIECES, 80), st.integers(0, 30))
def test_any_long_list_enumerations_found_reading_it_once_are_those_finditer_finds(text, k):
    text = "如甲乙、" * k + text
    rx = organizations._tables()["enum_re"]
    assert _spans(organizations.enumerations(text, long_lists=True)) == _spans(rx.finditer(text))


def test_long_list_holding_many_enumeration_verbs_is_read_once(monkeypatch):
    """如甲乙、如丙丁、…: each item is read once for all the verbs whose list it continues."""
    seen = []
    for k in (1_000, 2_000):
        counting = Counting(org_lists._ITEM)
        monkeypatch.setattr(org_lists, "_ITEM", counting)
        text = "".join("如" + "甲乙丙丁戊己庚辛"[i % 8] + "子丑寅卯辰巳午未"[i // 8 % 8] + "、" for i in range(k))
        assert list(organizations.enumerations(text)) == []
        seen.append(counting.calls)
    assert seen[1] <= 2 * seen[0] + 2 and seen[1] <= 3 * 2_000


# ---- organizations: many names -------------------------------------------------------------------

@SETTINGS
@given(texts_of(["甲", "乙", "丙", "甲甲", "乙丙"], 100),
       st.lists(texts_of(["甲", "乙", "丙"], 5).filter(bool), max_size=80), st.integers(0, 40))
def test_any_many_names_found_in_one_pass_are_those_find_finds(text, subs, expected):
    finder = Occurrences(text)
    finder.expect(subs[:expected])
    for sub in subs + [a + b for a in "甲乙丙" for b in "甲乙丙"]:
        assert finder.occurrences(sub) == list(occurrences(text, sub))


@SETTINGS
@given(st.lists(texts_of(["丽水", "市", "县", "委", "政府", "缙云", "局", "中共"], 5).filter(bool), max_size=40, unique=True))
def test_any_government_bodies_short_forms_agree_with_comparing_every_pair(names):
    gov = sorted(names, key=len)
    place_re = organizations._tables()["place_re"]

    def places(name):
        return set(place_re.findall(name))
    want = {a: b for i, a in enumerate(gov) for b in gov[i + 1:]
            if len(a) < len(b) and a[0] == b[0] and a[-1] == b[-1] and org_links.is_subsequence(a, b)
            and places(b) <= places(a)}
    assert org_links.short_bodies(gov, place_re) == want


# ---- figures: the metric of a sentence's keywords --------------------------------------------------

METRIC_PIECES = ["总投资", "投资", "投资额", "资额", "产值", "年产值", "年产", "产能", "营收", "，", "的", "3亿元", "增长"]


@SETTINGS
@given(texts_of(METRIC_PIECES, 60), st.data())
def test_any_sentence_metric_from_its_keywords_read_once_is_the_rescan_metric(text, data):
    lo = data.draw(st.integers(0, len(text)))
    s_end = data.draw(st.integers(lo, len(text)))
    for _ in range(8):
        hi = data.draw(st.integers(lo, s_end))
        assert quantities._nearest_metric(text, lo, hi, s_end) == quantities._nearest_metric(text, lo, hi)


# ---- pages: broken paragraphs, bylines of many names -----------------------------------------------

def _repair_breaks_joining(paragraphs):
    apart = clean._breaks_are_phrases(paragraphs)  # a page whose unfinished paragraphs are mostly phrases
    out, pieces, prev = [], [], ""
    for para in paragraphs:
        if out and not clean.ends_sentence(out[-1]) and not clean.is_subheading(out[-1]) \
                and not clean.is_subheading(para) \
                and not (apart and pieces[-1] == 1 and clean._is_phrase(out[-1]) and not clean._continues(para)) \
                and not (apart and clean._is_phrase(prev) and clean._is_sentence(para)):
            out[-1] = out[-1] + para
            pieces[-1] += 1
        else:
            out.append(para)
            pieces.append(1)
        prev = para
    return out


@SETTINGS
@given(st.lists(texts_of(["云岭", "。", "”", "）", " ", "一、", "■", "二", "、", "投资", "？", "一二三",
                          "云岭大桥工程总投资八亿元", "，"], 6), max_size=30))
def test_any_broken_paragraphs_joined_once_are_those_joined_one_by_one(paragraphs):
    assert clean.repair_breaks(paragraphs) == _repair_breaks_joining(paragraphs)


@SETTINGS
@given(st.lists(st.tuples(st.lists(st.sampled_from(["张三", "李四", "王五", "赵六"]), max_size=4),
                          st.lists(st.sampled_from(["张三", "钱七"]), max_size=3)), max_size=8))
def test_any_bylines_names_added_by_set_are_those_added_by_scanning(calls):
    d = articles.Draft([], [], range(0))
    want_r, want_c = [], []
    for r, c in calls:
        articles._extend(d, r, c)
        want_r += [x for x in r if x not in want_r]   # (a name twice in one byline stays twice, as before)
        want_c += [x for x in c if x not in want_c]
    assert (d.art.reporters, d.art.correspondents) == (want_r, want_c)


def _find_header_titles_stepping(page):
    """segment._find_header_titles as it was: a header steps back over metadata lines one by one."""
    paras, kinds, metas = page.paras, page.kinds, page.metas
    taken = {x for groups in page.starts.values() for g in groups for x in g}
    for i, k in enumerate(kinds):
        if k not in segment._BYLINES and not (k == "meta" and i in metas and metas[i].heads_an_article):
            continue
        block, j = [], i - 1
        while j >= 0 and len(block) < 5:
            if kinds[j] in segment._SKIP:
                j -= 1
                continue
            if kinds[j] == "title":
                block.insert(0, j)
                j -= 1
                continue
            break
        if block and (j < 0 or clean.ends_sentence(paras[j]) or kinds[j] in segment._BYLINES) and not taken & set(block):
            groups = segment._group_titles(block, paras)
            page.starts[groups[0][0]] = groups
            taken |= {x for g in groups for x in g}


LINE_KINDS = ["title", "title", "title", "meta", "meta", "chrome", "captioned", "body", "byline_line", "byline_lead"]


@SETTINGS
@given(st.lists(st.tuples(st.sampled_from(LINE_KINDS), st.sampled_from(["云岭大桥通车", "正文。", "来源：云岭日报", "记者 林小雨"]),
                          st.booleans()), max_size=40))
def test_any_page_of_metadata_lines_headers_find_the_titles_stepping_finds(lines):
    def page():
        return segment._Page([t for _, t, _ in lines], [k for k, _, _ in lines],
                             metas={x: _Meta(source="云岭日报" if heads else "") for x, (k, _, heads) in enumerate(lines)
                                    if k == "meta"})
    fast, slow = page(), page()
    segment._find_header_titles(fast)
    _find_header_titles_stepping(slow)
    assert fast.starts == slow.starts


def test_page_of_many_metadata_lines_steps_back_over_them_at_once(monkeypatch):
    """来源：… 记者 X on every line: each heads an article and steps back to the last line that is not
    metadata — at once, not line by line (the kinds read grow with the page, not its square)."""
    def reads(k):
        n = [0]

        class Kinds(list):
            def __getitem__(self, i):
                n[0] += 1
                return super().__getitem__(i)
        lines = ["云岭大桥通车"] + ["来源：云岭日报 记者 林小雨"] * k
        page = segment._Page(lines, Kinds(["title"] + ["meta"] * k), metas={x: _Meta(source="云岭日报") for x in range(1, k + 1)})
        segment._find_header_titles(page)
        return n[0]
    assert reads(2000) <= 2 * reads(1000) + 10


def test_used_dates_changed_other_than_by_setdefault_is_read_as_a_plain_mapping():
    text = "云岭项目2024年5月开工，云岭项目封顶。"
    dates = extract_dates(text, "2024-06-01")
    used = UsedDates()
    used[dates[0].start] = (0, "construction_started")   # not by setdefault: the log would miss it
    assert used.dirty
    picker = DatePicker(text, dates, "2024-06-01")
    s_end = len(text)
    pos = text.index("封顶")
    cstart = context.clause_start(text, pos)
    taken = Taken(used, cstart, "topped_out")
    assert picker.pick(pos, cstart, 0, s_end, "", taken) == pick_date(text, dates, pos, cstart, 0, s_end, "", taken) \
        is None


@pytest.mark.parametrize("body", ["当月，项目开工。2024年3月，当月签约。", "5月8日，同日开工。今天投产。"])
def test_dates_told_again_take_the_last_date_named(body):
    """当月 repeats the month last named, 同日 the last day (kept as the dates are read, not looked up)."""
    ds = [(d.surface, d.date) for d in extract_dates(body, "2024-06-01")]
    if "当月" in body:
        assert ds == [("当月", "2024-06"), ("2024年3月", "2024-03"), ("当月", "2024-03")]
    else:
        assert ds == [("5月8日", "2024-05-08"), ("同日", "2024-05-08"), ("今天", "2024-06-01")]


# ---- a timeline's bare months (dates.chronology): marks found once per body --------------------------

_OLD_PLAN_CUE = re.compile(r"计划|预计|将|力争|争取|拟|有望|确保|目标|要|日前|月前|底前|之前")


def _timeline_year_scan(body, stated, start, mo, d, py, pm, pd_):
    """The step as it scanned the text for each month (from the year stated to the month, and on)."""
    if stated[1] is None or mo < stated[1] or not py or stated[0] >= py or re.compile(r"\n").search(body, stated[2], start):
        return False
    if (mo, d or 1) <= (pm or 12, pd_ or 31):
        return False
    group = max(body.rfind(c, stated[2], start) for c in "；;。！？")
    after = re.compile(r"[，,。；;！？!?\n]").search(body, start)
    return _OLD_PLAN_CUE.search(body, group + 1, after.start() if after else len(body)) is None


TIMELINE_PIECES = ["12月", "签约", "计划", "力争", "争取", "力", "争", "将", "日前", "日", "前", "，", "。", "；", "\n",
                   "!", "封顶", "要", "目标", "目"]


@SETTINGS
@given(texts_of(TIMELINE_PIECES), st.data())
def test_any_timeline_month_judged_by_bisection_is_judged_as_by_scanning(body, data):
    from lishui_analysis.extract.dates import _timeline_year

    n = len(body)
    stated_end = data.draw(st.integers(0, n))
    start = data.draw(st.integers(stated_end, n))
    stated = (2022, data.draw(st.sampled_from([None, 1, 6, 12])), stated_end)
    mo, d = data.draw(st.integers(1, 12)), data.draw(st.sampled_from([None, 1, 20]))
    args = (body, stated, start, mo, d, 2024, data.draw(st.sampled_from([None, 3, 11])), None)
    assert _timeline_year(*args) == _timeline_year_scan(*args)


@pytest.mark.parametrize("body, told", [
    ("2022年3月签约；12月20日封顶。", True),           # a past timeline: the stated year goes on
    ("2022年3月签约；计划12月20日封顶。", False),     # a plan: not a told past
    ("2022年3月签约\n12月20日封顶。", False),         # another line: not the same paragraph
    ("2022年3月签约；12月20日前，封顶。", False),      # a deadline whose cue ends its clause
])
def test_timeline_month_continues_the_year_told_before_it(body, told):
    from lishui_analysis.extract.dates import _timeline_year

    stated = (2022, 3, body.index("签约"))
    assert _timeline_year(body, stated, body.index("12月"), 12, 20, 2024, 5, 1) is told
