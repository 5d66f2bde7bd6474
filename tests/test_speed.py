"""Construction speed from what the text says (issue 18, item 4): stated durations first, derived ones
second; no 0-day step from a ceremony's date; the 90-day target only where it is defined; planned against
achieved; a Gantt axis that one outlier does not stretch. Every text, name and number here is invented."""
import math

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from lishui_analysis.analysis import indicators as ind  # noqa: E402
from lishui_analysis.analysis import plots, selections, speed  # noqa: E402


@pytest.fixture(autouse=True)
def _close():
    yield
    plt.close("all")


class Corpus:
    """Articles, sentences and events written by hand: ``event`` finds its verb in the sentence, so the
    offsets are those a build would give."""

    def __init__(self):
        self.articles, self.sentences, self.events = [], [], []
        self._body: dict = {}

    def article(self, aid: str, pub: str, outlet: str, *sentences: str) -> "Corpus":
        self.articles.append({"doc_id": aid.split(":")[0], "article_id": aid, "pub_date": pub, "publication": outlet,
                              "source": "", "url": f"https://example.net/{aid.replace(':', '/')}.html",
                              "headline": f"{outlet}报道{aid[-2:]}"})
        pos = 0
        for i, s in enumerate(sentences, 1):
            self.sentences.append({"article_id": aid, "sentence_id": i, "start": pos, "end": pos + len(s), "text": s})
            pos += len(s)
        return self

    def event(self, aid: str, sid: int, surface: str, etype: str, subject: str, date: str = "", planned=False,
              stated=None, stype: str = "project", nth: int = 0) -> "Corpus":
        s = next(x for x in self.sentences if x["article_id"] == aid and x["sentence_id"] == sid)
        at = -1
        for _ in range(nth + 1):
            at = s["text"].index(surface, at + 1)
        n = sum(1 for e in self.events if e["article_id"] == aid) + 1
        self.events.append({"event_id": f"{aid}:e{n:03d}", "article_id": aid, "sentence_id": sid,
                            "start": s["start"] + at, "end": s["start"] + at + len(surface), "surface": surface,
                            "sentence": s["text"], "event_type": etype, "subject": subject, "subject_type": stype,
                            "entity_id": "E-" + subject, "org_id": "",
                            "date": date, "date_precision": {0: "", 4: "year", 7: "month", 10: "day"}[len(date)],
                            "planned": planned, "n_mentions": 1,
                            "stated_duration": float(stated) if stated is not None else math.nan})
        return self

    def tables(self) -> dict:
        ev = pd.DataFrame(self.events)
        names = sorted(set(ev["subject"]))
        types = dict(zip(ev["subject"], ev["subject_type"]))
        ent = pd.DataFrame([{"entity_id": "E-" + n, "name": n, "entity_type": types[n]} for n in names])
        return {"articles": pd.DataFrame(self.articles), "sentences": pd.DataFrame(self.sentences), "events": ev,
                "entities": ent, "quantities": pd.DataFrame(columns=["quantity_id", "article_id", "sentence_id"])}


YUN = "云岭精工新材料项目"
QING = "青禾光电产业园项目"
WU = "梧桐港冷链物流园"
SHI = "石溪智能装备项目"


def _steps(t, target=90.0):
    return speed.durations(selections.project_rows(t["events"]), t, target)


def _row(d, subject, basis, to_event, from_event=None):
    r = d[(d["subject"] == subject) & (d["basis"] == basis) & (d["to_event"] == to_event)]
    if from_event is not None:
        r = r[r["from_event"] == from_event]
    assert len(r) == 1, r
    return r.iloc[0]


# --- stated first, derived second ---------------------------------------------------------------

def stated_corpus() -> dict:
    c = Corpus()
    c.article("yl-01:01", "2023-10-08", "云岭日报",
              "云岭精工新材料项目于2023年2月开工，历时7个月完成主体结构封顶。",
              "项目从摘牌到开工仅用了38天。",
              "石溪智能装备项目从打桩到结顶只用了96天，创下当地纪录。")
    c.event("yl-01:01", 1, "开工", "construction_started", YUN, "2023-02")
    c.event("yl-01:01", 1, "封顶", "topped_out", YUN, "2023-09", stated=210)
    c.event("yl-01:01", 2, "开工", "construction_started", YUN, "2023-02", stated=38)
    c.event("yl-01:01", 2, "摘牌", "land_acquired", YUN, "")
    c.event("yl-01:01", 3, "结顶", "topped_out", SHI, "", stated=96)
    # a second outlet states the same 96 days: one row, both sentences
    c.article("sx-02:01", "2023-11-20", "石溪新闻", "据介绍，石溪智能装备项目从打桩到结顶只用了96天。")
    c.event("sx-02:01", 1, "结顶", "topped_out", SHI, "", stated=96)
    return c.tables()


def test_stated_durations_come_first_with_the_start_the_text_names():
    t = stated_corpus()
    d = _steps(t)
    yun = d[d["subject"] == YUN]
    assert list(yun["basis"]) == ["stated", "stated", "derived"]              # stated first, then derived
    top = _row(d, YUN, "stated", "topped_out")
    assert top["from_event"] == "construction_started" and top["from_date"] == "2023-02"  # told before it in the sentence
    assert (top["days_low"], top["days_high"]) == (210.0, 210.0)
    assert "历时7个月" in top["sentence"] and "云岭日报" in top["source"]
    land = _row(d, YUN, "stated", "construction_started")
    assert (land["from_event"], land["from_said"], land["days_mid"]) == ("land_acquired", "摘牌", 38.0)
    shi = _row(d, SHI, "stated", "topped_out")
    assert (shi["from_event"], shi["from_said"], shi["days_mid"]) == ("", "打桩", 96.0)   # 打桩 is no milestone type
    assert shi["sentence"].count("96天") == 2 and "云岭日报" in shi["source"] and "石溪新闻" in shi["source"]


def test_a_step_the_text_states_is_charted_once_as_stated_and_the_dates_stay_beside_it():
    d = _steps(stated_corpus())
    derived = _row(d, YUN, "derived", "topped_out", "construction_started")
    # 2023-02 → 2023-09: anything from 185 to 241 days; the text says 210
    assert (derived["days_low"], derived["days_high"]) == (185.0, 241.0)
    assert derived["flag"] == "stated in text" and derived["note"] == "the text states 210 days"
    assert _row(d, YUN, "stated", "topped_out")["note"].startswith("dates give 185–241 days")
    shown = speed.charted(d)
    assert len(shown[(shown["subject"] == YUN) & (shown["to_event"] == "topped_out")]) == 1
    assert set(shown["basis"]) == {"stated"}
    assert "3 steps as the texts state them and 0 derived" in speed.durations_takeaway(d, 90)


def test_tables_without_stated_durations_still_give_derived_steps():
    t = stated_corpus()
    t["events"] = t["events"].drop(columns=["stated_duration"])
    d = _steps(t)
    assert set(d["basis"]) == {"derived"} and d["flag"].eq("").all()


# --- no 0-day steps -------------------------------------------------------------------------------

def same_day_corpus() -> dict:
    c = Corpus()
    # a signing ceremony: the signing and a "groundbreaking the same day" both carry the ceremony's date
    c.article("qh-01:01", "2024-03-19", "青禾晚报",
              "3月18日上午，青禾光电产业园项目在重大项目集中签约仪式上签约。",
              "3月18日，项目随即开工建设。",
              "按计划，项目将于2025年6月建成投产。")
    c.event("qh-01:01", 1, "签约", "settled", QING, "2024-03-18", nth=1)
    c.event("qh-01:01", 2, "开工", "construction_started", QING, "2024-03-18")
    # the publication day alone marks the report's own date
    c.article("wt-01:01", "2024-05-06", "梧桐周报",
              "梧桐港冷链物流园今天落地。",
              "今天，物流园一期也已动工。",
              "2024年10月，一期主体完工，12月投用。")
    c.event("wt-01:01", 1, "落地", "settled", WU, "2024-05-06")
    c.event("wt-01:01", 2, "动工", "construction_started", WU, "2024-05-06")
    c.event("wt-01:01", 3, "完工", "completed", WU, "2024-10")
    c.event("wt-01:01", 3, "投用", "production_start", WU, "2024-12")
    # one sentence tells two milestones of one date (竣工投产); two sentences give the same day; a month and a day in it
    c.article("sx-01:01", "2025-01-15", "石溪新闻",
              "石溪智能装备项目2023年3月4日拿地。",
              "项目2023年3月4日开工。",
              "2023年8月，项目竣工投产。",
              "东岱二厂2022年1月开工，1月20日即已结顶。")
    c.event("sx-01:01", 1, "拿地", "land_acquired", SHI, "2023-03-04")
    c.event("sx-01:01", 2, "开工", "construction_started", SHI, "2023-03-04")
    c.event("sx-01:01", 3, "竣工", "completed", SHI, "2023-08")
    c.event("sx-01:01", 3, "投产", "production_start", SHI, "2023-08")
    c.event("sx-01:01", 4, "开工", "construction_started", "东岱二厂", "2022-01")
    c.event("sx-01:01", 4, "结顶", "topped_out", "东岱二厂", "2022-01-20")
    return c.tables()


def test_milestones_of_one_day_make_no_step_and_the_flag_says_why():
    d = _steps(same_day_corpus())
    flags = {(r.subject, r.from_event, r.to_event): r.flag for r in d[d["basis"] == "derived"].itertuples()}
    assert flags[(QING, "settled", "construction_started")] == "ceremony date"      # told at a signing ceremony
    assert flags[(WU, "settled", "construction_started")] == "ceremony date"        # dated by the report's day
    assert flags[(SHI, "land_acquired", "construction_started")] == "same date"
    assert flags[(SHI, "completed", "production_start")] == "one statement"          # 竣工投产
    assert flags[("东岱二厂", "construction_started", "topped_out")] == "dates overlap"  # 2022-01 and 2022-01-20
    assert flags[(SHI, "construction_started", "completed")] == ""
    assert flags[(WU, "construction_started", "completed")] == ""                    # a real step after the ceremony
    shown = speed.charted(d)
    assert len(shown) and (shown["days_low"] > 0).all()
    text = speed.durations_takeaway(d, 90)
    assert " in 0 days" not in text and " in 0–" not in text
    assert "5 more are in the table, not charted (2 ceremony date, 1 dates overlap, 1 one statement, 1 same date)" in text


def test_ceremony_dated_milestones():
    t = same_day_corpus()
    ids = speed.ceremony_dated(t["events"], t["articles"])
    ev = t["events"].set_index("event_id")
    assert set(ev.loc[sorted(ids), "subject"]) == {QING, WU}
    assert "wt-01:01:e003" not in ids                                               # 2024-10: its own date


# --- the 90-day target only where it is defined ---------------------------------------------------

def target_corpus() -> dict:
    c = Corpus()
    c.article("yl-03:01", "2024-12-02", "云岭日报",
              "云岭精工新材料项目2024年3月1日摘牌，3月20日开工，7月1日结顶，11月20日竣工。",
              "石溪智能装备项目从拿地到竣工仅用了85天。")
    for surface, etype, date in (("摘牌", "land_acquired", "2024-03-01"), ("开工", "construction_started", "2024-03-20"),
                                 ("结顶", "topped_out", "2024-07-01"), ("竣工", "completed", "2024-11-20")):
        c.event("yl-03:01", 1, surface, etype, YUN, date)
    c.event("yl-03:01", 2, "竣工", "completed", SHI, "", stated=85)
    return c.tables()


def test_the_target_is_set_only_on_the_steps_it_is_defined_for():
    assert speed.target_applies("land_acquired", "completed")
    assert not speed.target_applies("construction_started", "topped_out")
    d = _steps(target_corpus(), 90.0)
    span = _row(d, YUN, "derived", "completed", "land_acquired")                 # not consecutive: derived for the target
    assert span["days_mid"] == 264.0 and span["target_days"] == 90.0 and span["within_target"] == "no"
    assert span["note"] == "span over 2 milestones between"
    stated = _row(d, SHI, "stated", "completed")
    assert stated["from_said"] == "拿地" and stated["target_days"] == 90.0 and stated["within_target"] == "yes"
    others = d[~((d["from_event"] == "land_acquired") & (d["to_event"] == "completed"))]
    assert len(others) == 3 and others["target_days"].isna().all() and others["within_target"].eq("").all()
    text = speed.durations_takeaway(d, 90.0)
    assert "land acquired → completed only): 1 of 2 such steps within it" in text


def test_the_chart_marks_the_target_only_on_its_rows():
    d = speed.charted(_steps(target_corpus(), 90.0))
    ax = plots.plot_durations(d, "Days per step", "days", target_label="90-day target (land acquired → completed)")
    alt = plots.alt_text(ax.figure)
    assert "5 steps (1 stated in the text, 4 derived from two dates" in alt
    assert "90-day target (land acquired → completed) on the 2 steps it is defined for" in alt
    no_target = d[d["target_days"].isna()]
    alt = plots.alt_text(plots.plot_durations(no_target, "Days per step", "days").figure)
    assert "No step shown is one the target is defined for." in alt
    assert plots.alt_text(plots.plot_durations(d.iloc[0:0], "Days", "days").figure) == "Days: empty chart, no data in the selection."


# --- planned against achieved ---------------------------------------------------------------------

def slip_corpus() -> dict:
    c = Corpus()
    c.article("wt-10:01", "2022-05-10", "梧桐周报",
              "梧桐港冷链物流园力争2023年投用。", "物流园二期计划2024年6月15日竣工。", "物流园三期计划2024年6月完工。")
    c.event("wt-10:01", 1, "投用", "production_start", WU, "2023", planned=True)
    c.event("wt-10:01", 2, "竣工", "completed", WU, "2024-06-15", planned=True)
    c.event("wt-10:01", 3, "完工", "completed", WU, "2024-06", planned=True)
    c.article("wt-11:01", "2022-09-01", "海港新闻", "据悉，梧桐港冷链物流园将于2023年建成投用。")
    c.event("wt-11:01", 1, "投用", "production_start", WU, "2023", planned=True)
    c.article("wt-12:01", "2024-07-03", "梧桐周报", "2024年2月26日，梧桐港冷链物流园正式投用。", "6月，物流园二期竣工。")
    c.event("wt-12:01", 1, "投用", "production_start", WU, "2024-02-26")
    c.event("wt-12:01", 2, "竣工", "completed", WU, "2024-06")
    # planned and achieved in one article: no comparison; a plan stated after the achievement: none either
    c.article("qh-10:01", "2023-04-01", "青禾晚报", "青禾光电产业园项目已于2023年3月开工，计划2023年12月开工二期。")
    c.event("qh-10:01", 1, "开工", "construction_started", QING, "2023-03")
    c.event("qh-10:01", 1, "开工", "construction_started", QING, "2023-12", planned=True, nth=1)
    c.article("qh-11:01", "2023-06-01", "青禾晚报", "青禾光电产业园项目力争2024年投产。")
    c.event("qh-11:01", 1, "投产", "production_start", QING, "2024", planned=True)
    c.article("qh-09:01", "2023-01-05", "青禾晚报", "青禾光电产业园项目2022年12月试产。")
    c.event("qh-09:01", 1, "试产", "production_start", QING, "2022-12")
    return c.tables()


def test_planned_in_one_article_achieved_in_a_later_one():
    s = speed.slippage(selections.project_rows(slip_corpus()["events"]), slip_corpus())
    assert s["subject"].tolist() == [WU, WU, WU]
    late = s[s["event_type"] == "production_start"].iloc[0]
    # "2023" is a deadline at 2023-12-31; achieved 2024-02-26: 57 days late
    assert (late["planned_date"], late["achieved_date"], late["slip_days_low"], late["slip_days_high"], late["status"]) == (
        "2023", "2024-02-26", 57.0, 57.0, "late")
    assert late["planned_in"] == "2022-05-10"                                   # the first article to state the target
    assert "力争2023年投用" in late["planned_sentence"] and "将于2023年建成投用" in late["planned_sentence"]
    assert "海港新闻" in late["planned_source"] and "正式投用" in late["achieved_sentence"]
    done = s[s["event_type"] == "completed"].set_index("planned_date")
    assert done.loc["2024-06", "status"] == "on time" and done.loc["2024-06", "slip_days_high"] == 0.0
    assert done.loc["2024-06-15", "status"] == "around the deadline"            # achieved some day of June
    assert (done.loc["2024-06-15", "slip_days_low"], done.loc["2024-06-15", "slip_days_high"]) == (-14.0, 15.0)
    text = speed.slippage_takeaway(s)
    assert text.startswith("3 planned milestones reported achieved later: 1 late, 1 on time, 1 around the deadline")
    assert f"Largest slip: {WU} production start planned for 2023, achieved 2024-02-26 (57 days late)." in text
    assert speed.slippage_summary(s)[1] == {"subject": WU, "event_type": "completed", "planned_date": "2024-06",
                                            "achieved_date": "2024-06", "slip_days_low": -29.0, "slip_days_high": 0.0}


def test_no_planned_milestone_achieved_later_says_so():
    t = stated_corpus()
    s = speed.slippage(selections.project_rows(t["events"]), t)
    assert s.empty and "no planned-vs-achieved comparison" in speed.slippage_takeaway(s)


# --- the Gantt axis ---------------------------------------------------------------------------------

def _tl(rows):
    cols = ["event_id", "article_id", "event_type", "subject", "subject_type", "entity_id", "date", "planned"]
    return selections.timeline(pd.DataFrame([
        {"event_id": f"g:{i:02d}:e1", "article_id": f"g:{i:02d}", "event_type": e, "subject": s, "subject_type": "company",
         "entity_id": "", "date": d, "planned": p} for i, (s, e, d, p) in enumerate(rows)], columns=cols))


SPREAD = [(f"浙江澄{i}科技有限公司", e, d, False) for i in range(6) for e, d in
          (("construction_started", f"202{1 + i % 3}-0{1 + i}"), ("topped_out", f"202{2 + i % 3}-1{i % 3}"))]


def test_one_outlier_does_not_stretch_the_axis_and_the_note_names_it():
    tl = _tl(SPREAD + [("浙江澄0科技有限公司", "settled", "1996", False)])
    lo, hi, clipped = speed.axis_window(tl)
    assert list(clipped["date"]) == ["1996"] and lo.year == 2021 and hi.year == 2024
    note = speed.clip_note(clipped, lo, hi)
    assert note.startswith("Axis clipped to 2021-01 – 2024-12; 1 milestone outside it")
    assert note.endswith("浙江澄0科技有限公司 settled 1996.")
    ax = plots.plot_timeline(tl, "Milestones", "date")
    left, _ = ax.get_xlim()
    assert left > matplotlib.dates.date2num(pd.Timestamp("2020-06-01"))
    assert "Axis clipped to 2021-01 – 2024-12" in ax.get_xlabel() and "settled 1996" in plots.alt_text(ax.figure)


def test_spread_out_dates_are_not_clipped():
    tl = _tl(SPREAD)
    assert speed.axis_window(tl)[2].empty
    ax = plots.plot_timeline(tl, "Milestones", "date")
    assert ax.get_xlabel() == "date" and "clipped" not in plots.alt_text(ax.figure)
    few = _tl([("甲公司", "construction_started", "1990", False), ("甲公司", "topped_out", "2024-05", False)])
    assert speed.axis_window(few)[2].empty                                          # too few to call one an outlier


def test_clipped_milestones_carry_sentence_and_source():
    c = Corpus()
    c.article("dd-01:01", "2024-12-01", "东岱日报", "东岱精密成立于1998年。", "东岱精密新厂2023年4月开工，2024年1月结顶，9月投产。")
    c.event("dd-01:01", 1, "成立", "settled", "东岱精密新厂", "1998")
    for surface, etype, date in (("开工", "construction_started", "2023-04"), ("结顶", "topped_out", "2024-01"),
                                 ("投产", "production_start", "2024-09")):
        c.event("dd-01:01", 2, surface, etype, "东岱精密新厂", date)
    c.article("dd-02:01", "2024-12-05", "东岱日报", "东岱二厂2023年6月开工，2024年3月封顶。")
    c.event("dd-02:01", 1, "开工", "construction_started", "东岱二厂", "2023-06")
    c.event("dd-02:01", 1, "封顶", "topped_out", "东岱二厂", "2024-03")
    t = c.tables()
    tl = selections.timeline(selections.project_rows(t["events"]), t)
    out = speed.clipped_milestones(tl, 15, t)
    assert out[["name", "event_type", "date"]].values.tolist() == [["东岱精密新厂", "settled", "1998"]]
    assert out.loc[0, "sentence"] == "东岱精密成立于1998年。" and "东岱日报" in out.loc[0, "source"]


def test_overlapping_dates_are_no_step_at_the_indicator_level():
    ev = pd.DataFrame([
        {"event_id": "x:01:e1", "article_id": "x:01", "event_type": "construction_started", "subject": YUN,
         "subject_type": "project", "entity_id": "E1", "org_id": "", "date": "2024-06", "date_precision": "month",
         "planned": False, "sentence": ""},
        {"event_id": "x:01:e2", "article_id": "x:01", "event_type": "topped_out", "subject": YUN, "subject_type": "project",
         "entity_id": "E1", "org_id": "", "date": "2024-06-30", "date_precision": "day", "planned": False, "sentence": ""}])
    assert ind.milestone_steps(ev)["flag"].tolist() == ["dates overlap"]
    assert ind.milestone_durations(ev).empty
