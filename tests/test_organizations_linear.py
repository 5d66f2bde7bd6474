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


def _listed_reads(monkeypatch, n):
    calls = []
    real = orgs._name_of

    def counted(raw, suffix, function_prefix=True, listed=False):
        calls.append(listed)
        return real(raw, suffix, function_prefix, listed)

    monkeypatch.setattr(orgs, "_name_of", counted)
    text = "责任单位：" + "、".join(f"{lv}统计局" for lv in ["市", "县", "区"] * n) + "。"
    mentions = orgs.find_full_names(text)
    monkeypatch.undo()
    return sum(calls), len(mentions)


def test_a_list_of_bodies_is_read_once_whatever_its_length(monkeypatch):
    """Every body of a list starts a walk through it; each separator is crossed once (counted)."""
    reads10, found10 = _listed_reads(monkeypatch, 10)
    reads100, found100 = _listed_reads(monkeypatch, 100)
    assert (found10, found100) == (30, 300)
    assert reads100 <= 10 * reads10 + 10


def test_a_long_chain_of_dashed_places_is_read_in_bounded_steps():
    """甲-乙-丙-…: a park's name joins at most five places, so each place starts a bounded read."""
    for text in ("丽水-" * 3000, "甲丽水-" * 3000):
        assert orgs.find_full_names(text) == []
    assert [m.name for m in orgs.find_full_names("丽水-" * 50 + "，龙游-衢江山海协作产业园")] == ["龙游-衢江山海协作产业园"]


def _committee_zone_reads(monkeypatch, n):
    """Committees of n zones of unknown names, each zone also written alone: the committee's zone is compared
    with the zones the article names (counted)."""
    calls = []
    real = orgs.zone_core

    def counted(zone):
        calls.append(zone)
        return real(zone)

    han = "云岭星澜溪山青湾岚峰松柏梧桐翠屏"
    names = [han[i % 14] + han[(i // 14) % 14] + han[(i // 196) % 14] for i in range(n)]
    text = "".join(f"{x}新区管委会表示，{x}新区项目顺利。" for x in names)
    monkeypatch.setattr(orgs, "zone_core", counted)
    mentions = orgs.extract_org_mentions(text)
    monkeypatch.undo()
    return len(calls), mentions


def test_committee_zones_are_compared_in_bounded_steps(monkeypatch):
    few, m_few = _committee_zone_reads(monkeypatch, 8)
    many, _ = _committee_zone_reads(monkeypatch, 400)
    assert any(m.org_type == "development_zone" for m in m_few)
    assert many <= 50 * few + 50
