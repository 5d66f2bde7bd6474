"""Checks on rendered report HTML: nothing loaded from another host, and tables that filter in a real
browser (headless Chromium, when installed)."""
from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

# Whatever makes a browser reach another host: an attribute with an absolute or protocol-relative URL,
# a CSS url(), a script import. (URLs of source articles are shown as text, never linked or loaded.)
_LOADS = [re.compile(p, re.I) for p in (
    r"""\b(?:src|href|action|poster|srcset|data|formaction|xlink:href)\s*=\s*["']?\s*(?:https?:)?//""",
    r"""url\(\s*["']?\s*(?:https?:)?//""",
    r"""\b(?:import|from)\s*\(?\s*["'](?:https?:)?//""",
    r"""@import\s+["']?(?:https?:)?//""",
)]


def external_urls(html: str) -> list[str]:
    """Every place the page would fetch or link something from another host."""
    return [html[max(m.start() - 40, 0): m.end() + 60] for p in _LOADS for m in p.finditer(html)]


def chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")


def run_in_browser(page: Path, actions: str, tmp: Path) -> str:
    """Open ``page`` in headless Chromium, run ``actions`` (JavaScript, after the page's own scripts)
    and return the DOM as the browser then has it."""
    html = page.read_text(encoding="utf-8")
    probe = ("<script>window.addEventListener('load', function () { setTimeout(function () {" + actions
             + "}, 0); });</script>")
    end = html.rfind("</body>")
    test_page = tmp / f"probe-{page.name}"
    test_page.write_text(html[:end] + probe + html[end:], encoding="utf-8")
    r = subprocess.run([chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--virtual-time-budget=5000", "--dump-dom", test_page.resolve().as_uri()],
                       capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr[-2000:]
    return r.stdout


def visible_rows(dom: str, table_index: int) -> list[list[str]]:
    """Cell texts of the rows of the ``table_index``-th pandas table that are not hidden."""
    from bs4 import BeautifulSoup

    table = BeautifulSoup(dom, "html.parser").select("table.dataframe")[table_index]
    rows = table.select("tbody tr")
    return [[c.get_text(strip=True) for c in r.find_all(["th", "td"])] for r in rows
            if "display: none" not in (r.get("style") or "")]


def type_into(selector_js: str, value: str) -> str:
    """JavaScript that types ``value`` into the element ``selector_js`` evaluates to."""
    return (f"var box = {selector_js}; box.value = {json.dumps(value)};"
            "box.dispatchEvent(new Event('input', {bubbles: true}));")
