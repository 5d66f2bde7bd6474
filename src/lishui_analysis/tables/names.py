"""Names of entities: one job — turn a subject or organization name into the keys that
entity resolution compares, each a pure function of the name alone (no corpus, no I/O).

* :func:`normalize_name` — simplified script, no quotes or spaces (“云嶺科技” → 云岭科技);
* :func:`company_core`, :func:`trade_name` — a company name without places, region in
  parentheses and legal form, and its 字号 (浙江青田云岭新材料有限公司 → 云岭新材料 → 云岭);
* :func:`zone_key`, :func:`region_key`, :func:`project_core`, :func:`phases` — the same for
  zones, regions and projects;
* :func:`infer_type`, :func:`is_scoped`, :func:`row_scoped` — a subject's type from its shape,
  and whether it means something only inside its article (全市, 管委会, 12个重点项目);
* :func:`entity_key`, :func:`subject_key` — the stable ids the tables carry.

``vocab()`` (data/entities.yaml, compiled once) is the word lists of the whole entities stage:
resolution (:mod:`.resolution`) and conflicts (:mod:`.conflicts`) read it from here.
"""
from __future__ import annotations

import hashlib
import re
from functools import lru_cache

from ..ingest.clean import to_simplified
from ..vocab import leading_regions, load_yaml, regions

ENTITY_TYPES = ("company", "project", "batch", "zone", "region", "government", "other")
#: organization type → entity type
ORG_ENTITY_TYPE = {"company": "company", "fund": "company", "development_zone": "zone", "government": "government"}


@lru_cache(maxsize=1)
def vocab() -> dict:
    """The word lists of data/entities.yaml, with the patterns built from them compiled once."""
    v = dict(load_yaml("entities.yaml"))
    v["legal_suffixes"] = tuple(sorted(v["legal_suffixes"], key=len, reverse=True))
    v["zone_suffixes"] = tuple(sorted(((s, c) for c, ss in v["zone_classes"].items() for s in ss),
                                      key=lambda sc: -len(sc[0])))
    v["relative_prefixes"] = tuple(v["relative_prefixes"])
    v["industry_re"] = re.compile("(?:" + "|".join(map(re.escape, sorted(v["industry_words"], key=len, reverse=True)))
                                  + ")+$")
    v["type_res"] = {t: re.compile(p) for t, p in v["type_patterns"].items()}
    v["lead_noise_re"] = re.compile(v["project_lead_noise"])
    v["phase_re"] = re.compile("|".join(map(re.escape, v["phase_words"])))
    return v


_QUOTES = re.compile(r"[“”\"「」『』‘’《》\s]")
_PAREN = re.compile(r"[（(]([^（()）]{1,8})[）)]")


@lru_cache(maxsize=65536)
def normalize_name(name: str) -> str:
    """Simplified script, no quotes or spaces, full-width parentheses: ``“中欣晶圓”`` → ``中欣晶圆``."""
    return _PAREN.sub(lambda m: f"（{m.group(1)}）", _QUOTES.sub("", to_simplified(name)))


def _strip_regions(name: str) -> tuple[str, str]:
    """(name without its leading places, the most specific of them): 浙江丽水中欣… → (中欣…, 丽水)."""
    chain = leading_regions(name)
    if not chain or len(name) - chain[-1][1] < 2:
        return name, ""
    return name[chain[-1][1]:], chain[-1][0]


def _strip_paren_region(name: str) -> tuple[str, str]:
    """岚峰微视（丽水）科技有限公司 → (岚峰微视科技有限公司, 丽水)."""
    m = _PAREN.search(name)
    if m and (m.group(1) in regions() or m.group(1).rstrip("省市县区") in regions()):
        return name[:m.start()] + name[m.end():], m.group(1).rstrip("省市县区")
    return name, ""


def legal_suffix(name: str) -> str:
    return next((s for s in vocab()["legal_suffixes"] if name.endswith(s) and len(name) > len(s)), "")


@lru_cache(maxsize=65536)
def company_core(name: str) -> tuple[str, bool]:
    """(core, full): the name without places, region in parentheses and legal form; ``full``
    when it carries a limited-liability form (a legal name, not a short one).

    >>> company_core("岚峰微视（丽水）科技有限公司")
    ('岚峰微视科技', True)
    >>> company_core("银轮公司")
    ('银轮', False)
    """
    n, _ = _strip_paren_region(normalize_name(name))
    suffix = legal_suffix(n)
    n = n[: len(n) - len(suffix)] if suffix else n
    core, _ = _strip_regions(n)
    return core, "有限" in suffix


def trade_name(core: str) -> str:
    """The 字号 of a company core: without its trailing industry words (中欣晶圆半导体科技 → 中欣晶圆)."""
    m = vocab()["industry_re"].search(core)
    return core[: m.start()] if m and m.start() >= 2 else core


@lru_cache(maxsize=65536)
def zone_key(name: str) -> tuple[str, str]:
    """(place, zone class): 丽水经开区 → ('丽水', 'economic'); ('', …) for a name without a place."""
    n = normalize_name(name)
    cls = ""
    for s, c in vocab()["zone_suffixes"]:
        if n.endswith(s):
            n, cls = n[: -len(s)], c
            break
    chain = leading_regions(n)
    # leading provinces go (浙江庆元 → 庆元); a city or county is the zone's place
    while chain and regions()[chain[0][0]]["level"] in ("province", "country") and len(n) > chain[0][1]:
        n = n[chain[0][1]:]
        chain = leading_regions(n)
    n = n.rstrip("省市县区")
    return n, cls


@lru_cache(maxsize=65536)
def region_key(name: str) -> str:
    n = normalize_name(name)
    for s in vocab()["region_suffixes"]:
        if n.endswith(s) and n[: -len(s)] in regions():
            return n[: -len(s)]
    return n


@lru_cache(maxsize=65536)
def project_core(name: str) -> tuple[str, str]:
    """(core, region): 2024年丽水东旭高端光电半导体材料项目 → ('东旭高端光电半导体材料项目', '丽水')."""
    n = vocab()["lead_noise_re"].sub("", normalize_name(name))
    n, place = _strip_regions(n)
    n = n.lstrip("市县区省")
    return n, place


def phases(name: str) -> tuple[str, ...]:
    return tuple(sorted(set(vocab()["phase_re"].findall(name))))


@lru_cache(maxsize=65536)
def infer_type(subject: str, org_type: str = "") -> str:
    """A subject's type when the extractor left it empty: from its organization's type, else its shape.

    >>> infer_type("89个大项目"), infer_type("丽水东旭高端光电半导体材料项目"), infer_type("丽水")
    ('batch', 'project', 'region')
    """
    if org_type:
        return ORG_ENTITY_TYPE.get(org_type, "other")
    n = normalize_name(subject)
    r = vocab()["type_res"]
    if r["batch"].search(n):
        return "batch"
    if r["zone"].search(n):
        return "zone"
    if r["project"].search(n):
        return "project"
    if legal_suffix(n):
        return "company"
    if region_key(n) in regions() or n in ("全市", "全省", "全县", "全区"):
        return "region"
    return "other"


@lru_cache(maxsize=65536)
def is_scoped(entity_type: str, subject: str) -> bool:
    """True for a name that means something only in its article: a batch, or a name relative
    to the place the article is about (市政府, 经开区, 全市) — one entity per article."""
    if entity_type == "batch":
        return True
    n = normalize_name(subject)
    if entity_type == "zone":
        return not zone_key(n)[0]
    if entity_type == "company":
        return False
    if entity_type == "region":
        return region_key(n) not in regions()
    return n.startswith(vocab()["relative_prefixes"]) and not leading_regions(n)


def entity_key(entity_type: str, name: str, scope: str = "") -> str:
    """Stable entity id: the same type, canonical name (and article, for an article-scoped
    entity) give the same id in every build."""
    text = f"{entity_type}:{scope}:{name}" if scope else f"{entity_type}:{name}"
    return "E" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:10]


def subject_key(subject_type: str, subject: str, article_id: str = "") -> str:
    """The per-name key of a row's subject, decided per file from the subject alone (and its
    article, for an article-scoped name: a batch, 市政府): what ``entity_id`` holds until the
    corpus-wide resolution maps it to its entity. Empty for no subject.

    >>> subject_key("company", "中欣晶圆") == entity_key("company", "中欣晶圆")
    True
    """
    if not subject:
        return ""
    return entity_key(subject_type, subject, article_id if row_scoped(subject_type, subject) else "")


@lru_cache(maxsize=65536)
def row_scoped(subject_type: str, subject: str) -> bool:
    """Whether a row's subject is article-scoped (its type inferred from its shape when empty)."""
    return is_scoped(subject_type or infer_type(subject), subject)
