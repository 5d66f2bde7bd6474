"""Organizations in time linear in how often a name repeats: the short forms of a full name are
looked for once per distinct name, and an alias note finds its name by bisection, however many
times the article repeats them (counted, not timed)."""
from lishui_analysis.extract import organizations as orgs

SENTENCE = "青田县云岭精工机械有限公司（以下简称“云岭精工”）今年追加投资。云岭精工去年投产。"


def _count_scans(monkeypatch, text):
    calls = []
    real = orgs._occurrences

    def counted(t, sub):
        calls.append(sub)
        return real(t, sub)

    monkeypatch.setattr(orgs, "_occurrences", counted)
    mentions = orgs.extract_org_mentions(text)
    monkeypatch.undo()
    return len(calls), mentions


def test_a_repeated_full_name_is_searched_for_its_short_forms_once(monkeypatch):
    once, m1 = _count_scans(monkeypatch, SENTENCE)
    many, m200 = _count_scans(monkeypatch, SENTENCE * 200)
    assert once == many  # the same scans, whatever the number of repeats
    assert len(m200) == 200 * len(m1)
    assert {m.name for m in m200} == {"青田县云岭精工机械有限公司"}


def test_every_repeat_is_still_found_with_its_alias():
    ms = orgs.extract_org_mentions(SENTENCE * 50)
    assert sum(m.surface == "云岭精工" for m in ms) == 100
    assert all(m.name == "青田县云岭精工机械有限公司" for m in ms)
