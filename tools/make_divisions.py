"""Write src/lishui_analysis/data/divisions.csv: China's administrative divisions (provinces, prefecture-
and county-level units) from the Ministry of Civil Affairs' code list (民政部 县级以上行政区划代码), as
packaged by cpca 0.5.5 (MIT licence, https://github.com/DQinYuan/chinese_province_city_area_mapper,
file cpca/resources/adcodes.csv, a 2020 snapshot).

Run once when the list is to be refreshed (network: the package index):

    python -m pip download cpca==0.5.5 --no-deps -d /tmp/cpca && python tools/make_divisions.py /tmp/cpca/cpca-0.5.5-py3-none-any.whl

Only the name and level are kept (no coordinates); the file is a vocabulary like regions.csv, read by the
organization finder (places of any province, extract/org_tables.py).
"""
from __future__ import annotations

import csv
import io
import sys
import zipfile
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src" / "lishui_analysis" / "data" / "divisions.csv"
HEADER = """# China's administrative divisions above township level: adcode (12 digits), name, level
# (province: xx0000…, prefecture: xxxx00…, county: the rest). Source: 民政部 县级以上行政区划代码 as packaged by
# cpca 0.5.5 (MIT licence; cpca/resources/adcodes.csv, a 2020 snapshot); written by tools/make_divisions.py.
"""


#: Rows of the code list that stand for a group, not a division (市辖区: a city's districts together).
PLACEHOLDERS = ("市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划")


def level(adcode: str) -> str:
    if adcode[2:] == "0" * 10:
        return "province"
    if adcode[4:] == "0" * 8:
        return "prefecture"
    return "county"


def main(wheel: str) -> None:
    with zipfile.ZipFile(wheel) as z:
        text = z.read("cpca/resources/adcodes.csv").decode("utf-8")
    rows = sorted((r["adcode"], r["name"]) for r in csv.DictReader(io.StringIO(text))
                  if r["adcode"][6:] == "0" * 6 and r["name"] not in PLACEHOLDERS)
    buf = io.StringIO()
    buf.write(HEADER)
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["adcode", "name", "level"])
    for code, name in rows:
        w.writerow([code, name, level(code)])
    OUT.write_text(buf.getvalue(), encoding="utf-8")
    print(f"wrote {OUT}: {len(rows)} divisions")


if __name__ == "__main__":
    main(sys.argv[1])
