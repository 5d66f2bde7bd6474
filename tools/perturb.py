"""Metamorphic evaluation: change scored texts in ways that keep the right answer, rebuild, score, compare.

    python tools/perturb.py --raw DIR --gold DIR --score PATH/score.py [--only names,dates] [--seed 17]
    make perturb EVAL=../shared/eval        # the development set, if you have it beside the repo

Each perturbation rewrites every raw text AND its gold json consistently (a temp dir; the inputs are
read only), the copy is built with ``lishui-analysis build --no-cache`` and scored with the given scorer;
the table lists per perturbation the macro F1, the part F1s (headlines, quantities, organizations,
events, events + subject) and subject right, each with its change from the unperturbed build, then the
documents whose misses grow most. Every perturbation is deterministic (``--seed``).

- ``names``: each trade name (the distinctive two to four characters of a company name before 科技,
  股份, 有限公司 …, or a project/company holder key) becomes an invented one of the same length,
  character by character from a fixed pool, in text and gold; places are kept.
- ``places``: Zhejiang city/county names of ``regions.csv`` become other ones of that list (the
  package knows them); ``places_out``: they become real counties of other provinces it does not list.
- ``org_paren``: a gold company named after a province or a city of Zhejiang with a legal form
  (浙江某某科技有限公司) has its place moved into parentheses before the form (某某科技（浙江）有限公司);
  ``places_level``: a gold organization named after a city of Zhejiang gets the province and the level
  (丽水某某开发区 → 浙江省丽水市某某开发区); ``province_first``: a gold body or zone named after a place of
  Zhejiang and mentioned twice or more gets 浙江省 at its first mention only (the gold name the long
  form, the old one an alias); ``org_group``: a gold company's 有限公司 becomes 集团有限公司 or 股份有限公司:
  the forms of other outlets, text and gold alike.
- ``numbers``: each figure of a gold quantity written in Arabic digits is multiplied by 3 (text,
  surface, value); a figure that is one end of a range or part of a longer number is left alone.
- ``dates``: every year (2019年, 2019-05-06, 二〇一九年) +3, gold dates and the publication date too.
- ``form.*``: punctuation variants (，↔, ；↔; “”→「」), full-width digits, body paragraphs (lines
  ending a sentence) re-wrapped at 22 characters as in a newspaper column, each indented
  (``form.wrap``; ``form.wrap_flat``: at 28, no indent), blank lines removed / added between body lines, a byline
  moved to the end, a short name's quotation marks dropped (``form.alias``: （以下简称某某）). Title lines (gold headline, kicker, subheadline) are never touched by the layout
  ones.

``check`` verifies that a perturbed gold still fits its perturbed text: every gold surface, name,
alias, key and headline found in the original text is found (whitespace and width aside) in the new
one. A development tool: nothing in the package imports it; ``tests/test_perturb.py`` checks the
transforms on invented texts.
"""
from __future__ import annotations

import argparse
import copy
import csv
import hashlib
import io
import json
import random
import re
import subprocess
import sys
import tempfile
import unicodedata
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from ablate import build  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
REGIONS = ROOT / "src" / "lishui_analysis" / "data" / "regions.csv"
PARTS = (("macro", "macro"), ("head", "headlines"), ("quant", "quantities"), ("orgs", "organizations"),
         ("events", "events"), ("e+s", "events_subject"), ("subj", "subject_acc"))

# gold keys whose strings are text surfaces (transformed like the text); the rest are labels
LABEL_KEYS = {"file", "unit", "kind", "metric", "type", "subject_type", "publication", "pub_date", "date",
              "value", "article", "forecast", "planned"}
QUOTES = str.maketrans({c: '"' for c in "“”「」『』‘’\"'"})


def norm(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text or "").translate(QUOTES).split())


def map_strings(obj, fn, key=None):
    """Every surface string of a gold object through ``fn`` (labels, dates and values kept)."""
    if isinstance(obj, dict):
        return {k: (v if k in LABEL_KEYS else map_strings(v, fn, k)) for k, v in obj.items()}
    if isinstance(obj, list):
        return [map_strings(v, fn, key) for v in obj]
    return fn(obj) if isinstance(obj, str) else obj


def alternation(words) -> re.Pattern | None:
    words = sorted({w for w in words if w}, key=lambda w: (-len(w), w))
    return re.compile("|".join(map(re.escape, words))) if words else None


def replace_all(text: str, mapping: dict[str, str], guard: str = "") -> str:
    """One left-to-right pass, longest match first (linear), ``guard`` a lookbehind class."""
    pat = alternation(mapping)
    if pat is None:
        return text
    if guard:
        pat = re.compile(f"(?<![{guard}])(?:{pat.pattern})")
    return pat.sub(lambda m: mapping[m.group()], text)


def rng_for(seed: int, *parts: str) -> random.Random:
    return random.Random(int(hashlib.sha256("\x1f".join((str(seed),) + parts).encode()).hexdigest()[:16], 16))


# ---------------------------------------------------------------- places
def regions() -> list[tuple[str, str, str]]:
    rows = [line for line in REGIONS.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]
    return [(r["name"], r["level"], r["province"]) for r in csv.DictReader(io.StringIO("\n".join(rows)))]


ZJ_PLACES = [n for n, level, prov in regions() if prov == "浙江" and level in ("city", "county")]
# real county-level names of other provinces that regions.csv does not list (Ministry of Civil Affairs list)
OUT_PLACES = ["婺源", "修水", "宜丰", "安福", "泰和", "遂川", "崇义", "上犹", "铅山", "弋阳", "临泉", "涡阳",
              "蒙城", "宿松", "望江", "岳西", "霍山", "舒城", "庐江", "祁门", "休宁", "旌德",
              "政和", "松溪", "屏南", "寿宁", "柘荣", "周宁", "古田", "顺昌", "光泽", "泰宁", "将乐", "明溪"]
ALL_PLACES = sorted({n for n, _, _ in regions()} | set(ZJ_PLACES), key=len, reverse=True)


def perturb_places(text, gold, pub, seed, pool=None):
    pool = pool or ZJ_PLACES
    found = sorted({p for p in ZJ_PLACES if p in text}, key=lambda p: (-len(p), p))
    r = rng_for(seed, "places", gold.get("file", ""))
    blob = text + json.dumps(gold, ensure_ascii=False)
    free = [p for p in pool if p not in blob and p not in found]
    r.shuffle(free)
    mapping = {}
    for p in found:
        target = next((t for t in free if len(t) == len(p)), None)
        if target:
            free.remove(target)
            mapping[p] = target
    return replace_all(text, mapping), map_strings(gold, lambda s: replace_all(s, mapping)), pub


def perturb_places_out(text, gold, pub, seed):
    return perturb_places(text, gold, pub, seed, OUT_PLACES)


# ---------------------------------------------------------------- names
SUFFIXES = ("科技", "新材料", "材料", "股份", "有限", "集团", "实业", "电子", "半导体", "医药", "药业", "能源",
            "智能", "智造", "制造", "控股", "投资", "电气", "电器", "电机", "汽车", "光电", "精密", "机械", "机电",
            "装备", "工业", "工贸", "贸易", "化工", "纺织", "食品", "环保", "光伏", "技术", "信息", "网络",
            "数字", "生物", "健康", "传感", "微电子", "阀门", "包装", "金属", "轴承", "家居", "医疗", "通信",
            "光学", "陶瓷", "玻璃", "磁业", "电池", "动力", "储能", "建材", "钢业", "特钢", "铝业", "纸业", "塑业",
            "服饰", "鞋业", "家具", "制药", "工艺", "电缆", "线缆", "仪器", "仪表", "设备", "模具", "五金", "印染",
            "化纤", "木业", "农业", "酒业", "茶业", "物流", "供应链", "照明", "显示", "芯片", "集成电路", "电力",
            "燃气", "水务", "环境", "节能", "建设", "建工", "置业", "地产", "文旅", "旅游", "器械", "汽配", "车业",
            "航空", "船舶", "项目")
SUFFIX_RE = re.compile("|".join(sorted(SUFFIXES, key=len, reverse=True)))
PLACE_PREFIX = re.compile("^(?:(?:" + "|".join(map(re.escape, ALL_PLACES)) + ")(?:省|市|县|区)?|省|市|县|区)+")
CJK = re.compile(r"^[\u4e00-\u9fff]{2,4}$")
GENERIC = re.compile("项目|工程|产业|中心|基地|园|区|城|镇|厂|医院|学校|小学|铁路|公路|集团|公司|电池|电站|[0-9]")
# unremarkable characters of firm names: no numerals, places, units, verbs or function words
NAME_POOL = ("禾泓瑞锦晟昊骏澄铭朗峻弘琨珂璟煜锴钰韬祺淼翊赫霖岚沣桦楷枫榕栩柏桐梓杉楠"
             "琪瑜璐珈琦琰瑾璇玮珩珺琛瑄颀頔翎翀羿骐骅驰骢鸿鹏鹭雁燕莺鸥昕旻晔晖曦暄晗昶"
             "灏澜沅沁涵溪洵浩淳渝潇濠烨炜炫焱熠燊垚坤堃峤嵘岑崟嵩屹岱峥巍崴")


def _simplified_pool() -> str:
    """The pool without the characters that the package's script conversion (OpenCC t2s) changes:
    an invented name stays as written (頔 would become a character outside the basic CJK block)."""
    try:
        import opencc
    except ImportError:
        return NAME_POOL
    convert = opencc.OpenCC("t2s").convert
    return "".join(c for c in NAME_POOL if convert(c) == c)


def trade_names(text: str, gold: dict) -> list[str]:
    """The distinctive part of company names and project/company holder keys that the text contains."""
    names = set()
    for org in gold.get("organizations", []):
        if org.get("type") not in ("company", "fund"):
            continue
        for name in [org.get("name") or ""] + list(org.get("aliases") or []):
            rest = PLACE_PREFIX.sub("", name)
            m = SUFFIX_RE.search(rest)
            if m and CJK.match(rest[:m.start()] or "x"):
                names.add(rest[:m.start()])
    for row in gold.get("quantities", []) + gold.get("events", []):
        if row.get("subject_type") not in ("project", "company"):
            continue
        keys = row.get("subject_key")
        subject = PLACE_PREFIX.sub("", row.get("subject") or "")
        for key in [keys] if isinstance(keys, str) else (keys or []):
            m = SUFFIX_RE.search(key)  # a key with its line of business (某某生物): the trade name before it
            key = key[:m.start()] if m and m.start() >= 2 else key
            if CJK.match(key) and not GENERIC.search(key) and not any(p in key for p in ALL_PLACES) and (
                    subject.startswith(key) or re.search(re.escape(key) + f"(?:{SUFFIX_RE.pattern})", text)):
                names.add(key)
    return sorted(n for n in names if n in text and not any(p in n for p in ALL_PLACES))


def perturb_names(text, gold, pub, seed):
    names = trade_names(text, gold)
    chars = sorted({c for n in names for c in n})
    r = rng_for(seed, "names", gold.get("file", ""))
    pool = [c for c in _simplified_pool() if c not in chars]
    r.shuffle(pool)
    cmap = dict(zip(chars, pool))
    mapping = {}
    for n in names:
        new = "".join(cmap.get(c, c) for c in n)
        if len(new) == len(n) and all(c in cmap for c in n) and new not in text:
            mapping[n] = new
    return replace_all(text, mapping), map_strings(gold, lambda s: replace_all(s, mapping)), pub


# ---------------------------------------------------------------- organization forms
ZJ_CITIES = [n for n, level, prov in regions() if prov == "浙江" and level == "city"]
PROVINCES = [n for n, level, _ in regions() if level in ("province", "municipality")]
LEGAL_FORM = re.compile("(股份有限公司|有限责任公司|有限公司)$")


def _org_names(gold: dict, types=None) -> list[str]:
    return sorted({o.get("name") or "" for o in gold.get("organizations", [])
                   if types is None or o.get("type") in types} - {""})


def _rename_orgs(text, gold, pub, rename):
    """Each gold organization name found in the text through ``rename`` (``None``: kept), in text and gold."""
    mapping = {}
    for name in _org_names(gold):
        new = None if "（" in name or "(" in name else rename(name)
        if new and new != name and name in text and new not in text:
            one = {name: new}  # (left alone when a gold key holds a part of it: 浙江某某 of 浙江某某科技有限公司)
            if not check(text, gold, replace_all(text, one), map_strings(gold, lambda s: replace_all(s, one))):
                mapping[name] = new
    return replace_all(text, mapping), map_strings(gold, lambda s: replace_all(s, mapping)), pub


def perturb_org_paren(text, gold, pub, seed):
    """A company's place moved into parentheses before its legal form, as companies registered under
    another province's trade name are written (浙江某某科技有限公司 → 某某科技（浙江）有限公司)."""
    places = "|".join(sorted(map(re.escape, PROVINCES + ZJ_CITIES), key=len, reverse=True))
    head = re.compile(f"^({places})[省市]?(?=[\u4e00-\u9fff]{{2}})")

    def rename(name):
        m, form = head.match(name), LEGAL_FORM.search(name)
        rest = name[m.end():form.start()] if m and form else ""
        return f"{rest}（{m.group(1)}）{form.group()}" if len(rest) >= 2 else None
    return _rename_orgs(text, gold, pub, rename)


def perturb_org_group(text, gold, pub, seed):
    """A company's legal form made that of a group or a joint-stock company (某某科技有限公司 → 某某科技集团有限公司,
    某某材料有限公司 → 某某材料股份有限公司, by turns), as other firms of a sector are named."""
    forms = ("集团有限公司", "股份有限公司")
    r = rng_for(seed, "org_group", gold.get("file", ""))

    def rename(name):
        plain = name.endswith("有限公司") and not name.endswith(("股份有限公司", "集团有限公司", "有限责任公司"))
        return name[:-4] + forms[r.randrange(2)] if plain else None
    return _rename_orgs(text, gold, pub, rename)


def perturb_places_level(text, gold, pub, seed):
    """A body or company named after a city of Zhejiang written with its province and level, as
    national outlets do (丽水某某开发区 → 浙江省丽水市某某开发区, 丽水市某某局 → 浙江省丽水市某某局)."""
    cities = "|".join(sorted(map(re.escape, ZJ_CITIES), key=len, reverse=True))
    head = re.compile(f"^(?:浙江省?)?({cities})市?(?=[\u4e00-\u9fff])")

    def rename(name):
        m = head.match(name)
        return f"浙江省{m.group(1)}市{name[m.end():]}" if m else None
    return _rename_orgs(text, gold, pub, rename)


def perturb_province_first(text, gold, pub, seed):
    """A body or zone named after a place of Zhejiang gets the province at its first mention only, the
    later ones kept, as other outlets introduce a body (浙江省某某经济开发区管理委员会 …, then 某某经开区管委会):
    the gold name becomes the long one, the old name one of its aliases (one body, whatever its forms)."""
    head = re.compile("^(?:" + "|".join(sorted(map(re.escape, ZJ_PLACES), key=len, reverse=True)) + ")")
    names = _org_names(gold)
    if len(gold.get("articles", [])) > 1:
        return text, gold, pub  # (a page of several articles: each would introduce its own)
    for org in gold.get("organizations", []):
        name = org.get("name") or ""
        if org.get("type") not in ("government", "development_zone") or not head.match(name):
            continue
        at = next((m.start() for m in re.finditer(re.escape(name), text)  # (title lines kept)
                   if not _is_title(text[text.rfind("\n", 0, m.start()) + 1:].split("\n", 1)[0], title_lines(gold))), -1)
        if at < 0 or text.count(name) < 2 or text[max(0, at - 2):at].endswith(("浙江", "省")) or any(
                o != name and name in o and (k := text.find(o, max(0, at - len(o)))) >= 0 and k <= at < k + len(o)
                for o in names):
            continue  # (not when the first mention is inside another name of the gold)
        new_text = text[:at] + "浙江省" + text[at:]
        new_gold = copy.deepcopy(gold)
        o = next(x for x in new_gold["organizations"] if x.get("name") == name)
        o["name"], o["aliases"] = "浙江省" + name, list(o.get("aliases") or []) + [name]
        if not check(text, gold, new_text, new_gold):
            text, gold = new_text, new_gold
    return text, gold, pub


# ---------------------------------------------------------------- numbers
NUM = re.compile(r"[0-9]+(?:\.[0-9]+)?")
RANGE_BEFORE = "0-9.．,，~～\\-—–至到"


def times(s: str, k: int) -> str:
    return NUM.sub(lambda m: str(Decimal(m.group()) * k), s)


def perturb_numbers(text, gold, pub, seed, k=3):
    surfaces = {q.get("surface") or "" for q in gold.get("quantities", [])}
    ok = {}
    for s in surfaces:
        if not NUM.search(s) or re.search(r"[0-9][,，][0-9]", s) or s not in text:
            continue
        before = {text[m.start() - 1] if m.start() else "" for m in re.finditer(re.escape(s), text)}
        if s[0].isdigit() and before & set("0123456789.．,，~～-—–至到"):
            continue
        ok[s] = times(s, k)
    new_text = replace_all(text, ok, RANGE_BEFORE)
    new_gold = map_strings(gold, lambda s: replace_all(s, ok, RANGE_BEFORE))
    for q, old in zip(new_gold.get("quantities", []), gold.get("quantities", [])):
        if old.get("surface") in ok and isinstance(old.get("value"), (int, float)):
            v = Decimal(str(old["value"])) * k
            q["value"] = int(v) if v == v.to_integral_value() else float(v)
    return new_text, new_gold, pub


# ---------------------------------------------------------------- dates
YEAR = re.compile(r"(?<![0-9.．])(19[5-9][0-9]|20[0-4][0-9])(?=\s*年|[-/][0-9]{1,2}|[.．][0-9]{1,2}(?![0-9万亿千百元%]))")
CN_DIGITS = "〇一二三四五六七八九"
CN_YEAR = re.compile(r"[〇零○一二三四五六七八九]{4}(?=年)")


def _cn_year(m: re.Match, k: int) -> str:
    s = m.group()
    zero = next((c for c in s if c in "〇零○"), "〇")
    try:
        y = int("".join(str(CN_DIGITS.index(c) if c in CN_DIGITS else 0) for c in s))
    except ValueError:
        return s
    if not 1950 <= y <= 2049:
        return s
    return "".join(CN_DIGITS[int(d)] if d != "0" else zero for d in str(y + k))


def shift_years(s: str, k: int = 3) -> str:
    s = YEAR.sub(lambda m: str(int(m.group()) + k), s)
    return CN_YEAR.sub(lambda m: _cn_year(m, k), s)


def perturb_dates(text, gold, pub, seed, k=3):
    if re.search(r"2\s*月\s*29|二月二十九|-02-29", text + json.dumps(gold)) or (pub or "")[5:10] == "02-29":
        return text, gold, pub  # no leap day three years on: this document is left as it is
    new_gold = map_strings(gold, lambda s: shift_years(s, k))
    for old, new in zip(gold.get("events", []), new_gold.get("events", [])):
        if old.get("date"):
            new["date"] = str(int(old["date"][:4]) + k) + old["date"][4:]
    if gold.get("pub_date"):
        new_gold["pub_date"] = str(int(gold["pub_date"][:4]) + k) + gold["pub_date"][4:]
    new_pub = str(int(pub[:4]) + k) + pub[4:] if pub and pub[:4].isdigit() else pub
    return shift_years(text, k), new_gold, new_pub


# ---------------------------------------------------------------- form
def title_lines(gold: dict) -> set[str]:
    return {norm(a.get(k) or "") for a in gold.get("articles", []) for k in ("headline", "kicker", "subheadline")} - {""}


def perturb_punct(text, gold, pub, seed):
    swap = str.maketrans({"，": ",", ",": "，", "；": ";", ";": "；", "“": "「", "”": "」"})

    def fn(s):  # a comma between digits (1,200) is a thousands separator and stays
        return "".join(c if c == "," and 0 < i < len(s) - 1 and s[i - 1].isdigit() and s[i + 1].isdigit()
                       else c.translate(swap) for i, c in enumerate(s))
    return fn(text), map_strings(gold, fn), pub


def perturb_width(text, gold, pub, seed):
    table = str.maketrans({**{str(d): chr(0xFF10 + d) for d in range(10)}, "%": "％"})

    def fn(s):
        return s.translate(table)
    return fn(text), map_strings(gold, fn), pub


_QUOTED_ALIAS = re.compile(r"(简称\s*)[“\"「]([^”\"」]{2,12})[”\"」]")


def perturb_alias(text, gold, pub, seed):
    """A short name introduced without quotation marks (（以下简称某某）), as other outlets write it."""
    def fn(s):
        return _QUOTED_ALIAS.sub(r"\1\2", s)
    return fn(text), map_strings(gold, fn), pub


def _is_title(line: str, titles: set[str]) -> bool:
    return norm(line) in titles


# a body paragraph ends a sentence (metadata, source and 原标题 lines do not: left as they are)
_BODY_END = re.compile(r"[。！？；…][”’」』)）]*$")


def perturb_wrap(text, gold, pub, seed, width=22, indent="\u3000\u3000"):
    titles, out = title_lines(gold), []
    for line in text.split("\n"):
        body = line.strip()
        if len(body) <= width or _is_title(line, titles) or not _BODY_END.search(body):
            out.append(line)
            continue
        out.append(indent + body[:width - len(indent)])
        out.extend(body[i:i + width] for i in range(width - len(indent), len(body), width))
    return "\n".join(out), gold, pub


def perturb_wrap_flat(text, gold, pub, seed):
    """A wider column (28) without paragraph indents: paragraphs told apart by their last line only."""
    return perturb_wrap(text, gold, pub, seed, width=28, indent="")


def perturb_blank_del(text, gold, pub, seed):
    titles, lines, out = title_lines(gold), text.split("\n"), []
    for i, line in enumerate(lines):
        near_title = any(_is_title(lines[j], titles) for j in (i - 1, i + 1) if 0 <= j < len(lines))
        if line.strip() or near_title or not out:
            out.append(line)
    return "\n".join(out), gold, pub


def perturb_blank_add(text, gold, pub, seed):
    titles, lines, out = title_lines(gold), text.split("\n"), []
    for i, line in enumerate(lines):
        out.append(line)
        nxt = lines[i + 1] if i + 1 < len(lines) else ""
        if line.strip() and nxt.strip() and not _is_title(line, titles) and not _is_title(nxt, titles):
            out.append("")
    return "\n".join(out), gold, pub


def perturb_byline(text, gold, pub, seed):
    arts = gold.get("articles", [])
    people = [p for a in arts for p in (a.get("reporters") or []) + (a.get("correspondents") or [])]
    if len(arts) != 1 or not people:
        return text, gold, pub
    lines = text.split("\n")
    hits = [i for i, ln in enumerate(lines) if len(ln.strip()) <= 30 and any(p in ln for p in people)
            and not _is_title(ln, title_lines(gold))]
    if len(hits) != 1:
        return text, gold, pub
    line = lines.pop(hits[0])
    return "\n".join(lines).rstrip("\n") + "\n\n" + line.strip() + "\n", gold, pub


PERTURBATIONS = {
    "names": perturb_names, "places": perturb_places, "places_out": perturb_places_out,
    "org_paren": perturb_org_paren, "places_level": perturb_places_level, "org_group": perturb_org_group, "province_first": perturb_province_first,
    "numbers": perturb_numbers, "dates": perturb_dates, "form.punct": perturb_punct, "form.width": perturb_width,
    "form.wrap": perturb_wrap, "form.wrap_flat": perturb_wrap_flat, "form.blank_del": perturb_blank_del, "form.blank_add": perturb_blank_add,
    "form.byline": perturb_byline, "form.alias": perturb_alias,
}


def check(text: str, gold: dict, new_text: str, new_gold: dict) -> list[str]:
    """What no longer fits: gold surfaces/names/keys found in the old text but not (normalized) in the new."""
    old_t, new_t, bad = norm(text), norm(new_text), []

    def walk(a, b, key=None):
        if isinstance(a, dict):
            for k in a:
                if k not in LABEL_KEYS:
                    walk(a[k], b.get(k), k)
        elif isinstance(a, list):
            for x, y in zip(a, b or []):
                walk(x, y, key)
        elif isinstance(a, str) and key not in ("reporters", "correspondents", "subject") and norm(a) \
                and norm(a) in old_t and norm(b or "") not in new_t:
            bad.append(f"{key}: {a} -> {b}")
    walk(gold, new_gold)
    return bad


# ---------------------------------------------------------------- runner
def read_sources(raw: Path) -> tuple[list[str], list[dict]]:
    path = raw / "sources.csv"
    if not path.exists():
        return [], []
    with path.open(encoding="utf-8-sig", newline="") as fh:
        reader = csv.DictReader(fh)
        return list(reader.fieldnames or []), list(reader)


def write_set(raw: Path, gold: Path, out: Path, name: str, seed: int) -> list[str]:
    """The perturbed copy of a scored set under out/raw and out/gold; returns the check's complaints."""
    fn = PERTURBATIONS.get(name)
    (out / "raw").mkdir(parents=True)
    (out / "gold").mkdir()
    fields, sources = read_sources(raw)
    pubs = {r.get("file"): r.get("pub_date", "") for r in sources}
    golds = {json.loads(p.read_text(encoding="utf-8"))["file"]: p for p in sorted(gold.glob("*.json"))}
    bad, new_pubs = [], {}
    for path in sorted(raw.iterdir()):
        if path.name == "sources.csv" or not path.is_file():
            continue
        text = path.read_text(encoding="utf-8")
        g = json.loads(golds[path.name].read_text(encoding="utf-8")) if path.name in golds else {"file": path.name}
        pub = pubs.get(path.name, "")
        if fn is not None:
            new_text, new_g, new_pub = fn(text, copy.deepcopy(g), pub, seed)
            bad += [f"{path.name}: {b}" for b in check(text, g, new_text, new_g)]
        else:
            new_text, new_g, new_pub = text, g, pub
        (out / "raw" / path.name).write_text(new_text, encoding="utf-8")
        new_pubs[path.name] = new_pub
        if path.name in golds:
            (out / "gold" / golds[path.name].name).write_text(json.dumps(new_g, ensure_ascii=False, indent=1),
                                                             encoding="utf-8")
    if fields:
        with (out / "raw" / "sources.csv").open("w", encoding="utf-8", newline="") as fh:
            w = csv.DictWriter(fh, fields)
            w.writeheader()
            for r in sources:
                w.writerow({**r, "pub_date": new_pubs.get(r.get("file"), r.get("pub_date"))})
    return bad


def build_and_score(scorer: Path, out: Path) -> tuple[dict, Counter, dict]:
    build(out / "raw", out / "pred")  # (tools/ablate.py's build: --no-cache, --skip-bad, no step off)
    r = subprocess.run([sys.executable, str(scorer), "--gold", str(out / "gold"), "--pred", str(out / "pred"),
                        "--json", "--misses"], check=True, capture_output=True, text=True)
    figures = json.loads(next(line for line in r.stdout.splitlines() if line.startswith("{")))
    per_doc, lines = Counter(), {}
    for line in r.stdout.splitlines():
        m = re.match(r"  (\S+): (.+)$", line)
        if m:
            per_doc[m.group(1)] += 1
            lines.setdefault(m.group(1), []).append(m.group(2))
    return figures, per_doc, lines


class _Kept:
    """A directory used like a TemporaryDirectory, but kept (``--keep``)."""

    def __init__(self, path: Path):
        self.path = path

    def __enter__(self) -> str:
        return str(self.path)

    def __exit__(self, *exc) -> None:
        return None


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--raw", type=Path, required=True)
    ap.add_argument("--gold", type=Path, required=True)
    ap.add_argument("--score", type=Path, required=True, help="the scorer (score.py)")
    ap.add_argument("--only", help="comma-separated perturbations (default: all)")
    ap.add_argument("--seed", type=int, default=17)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--docs", type=int, default=3, help="documents listed per perturbation")
    ap.add_argument("--json", type=Path, help="also write the results here")
    ap.add_argument("--keep", type=Path, help="keep the perturbed sets and builds here (a new directory)")
    args = ap.parse_args(argv)
    names = args.only.split(",") if args.only else list(PERTURBATIONS)
    if args.keep:
        args.keep.mkdir(parents=True)
    with (tempfile.TemporaryDirectory() if not args.keep else _Kept(args.keep)) as tmp:
        def one(name):
            out = Path(tmp) / name
            bad = write_set(args.raw, args.gold, out, name, args.seed)
            return (name, bad) + build_and_score(args.score, out)
        with ThreadPoolExecutor(args.jobs) as pool:
            results = list(pool.map(one, ["baseline"] + names))
    _, _, base, base_docs, _ = results[0]
    print("perturbation    " + " ".join(f"{label:>13s}" for label, _ in PARTS) + "   (value, change)")
    record = {"baseline": base}
    for name, bad, fig, docs, lines in results:
        cells = []
        for _, key in PARTS:
            v, b = fig.get(key), base.get(key)
            cells.append(f"{v:6.3f} {v - b:+6.3f}" if v is not None and b is not None else f"{'-':>13s}")
        print(f"{name:15s} " + " ".join(cells) + (f"   ({len(bad)} unchecked)" if bad else ""))
        record[name] = {**fig, "unchecked": bad}
    base_lines = results[0][4]
    for name, bad, fig, docs, lines in results[1:]:
        grown = sorted(((docs[d] - base_docs.get(d, 0), d) for d in docs), key=lambda x: (-x[0], x[1]))
        grown = [(n, d) for n, d in grown if n > 0][:args.docs]
        if grown:
            print(f"\n{name}: documents with most new misses (kinds of miss that grew)")
        for n, d in grown:
            kinds = Counter(m.split(":")[0] for m in lines[d]) - Counter(m.split(":")[0] for m in base_lines.get(d, []))
            print(f"  {d} +{n}: " + " | ".join([m for m in lines[d] if m.split(":")[0] in kinds][:4]))
        for b in bad[:5]:
            print(f"  unchecked {b}")
        record[name]["docs"] = {d: n for n, d in grown}
    if args.json:
        args.json.write_text(json.dumps(record, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
