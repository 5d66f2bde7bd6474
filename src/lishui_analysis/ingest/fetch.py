"""``lishui-analysis fetch``: download web pages from a list of URLs into the raw folder.

Each page is saved as it came (raw bytes, unchanged) under a name made from its URL, and gets a
row in ``sources.csv`` (``file``, ``url``, ``fetched_at``, ``sha256``); a URL already listed with
its file present is skipped, so a fetch can be re-run after a failure. The fetcher is polite:
one request at a time, a delay between two requests to the same host, the host's
``robots.txt`` obeyed, a User-Agent naming the package, a timeout, and retries with a growing
back-off on network errors, timeouts, 429 and 5xx replies (``Retry-After`` is honoured up to a
limit). A reply that is not a web page
(``application/pdf``, an image) or too large is not saved. Standard library only (urllib).
"""
from __future__ import annotations

import csv
import hashlib
import http.client
import io
import re
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from urllib.parse import urlsplit

from .. import __version__, config
from ..errors import InputError
from ..files import atomic_write_bytes
from .decode import decode_bytes
from .load import MANIFEST_NAME

USER_AGENT = f"lishui-analysis/{__version__} (research fetcher; +https://pypi.org/project/lishui-analysis/)"
SOURCE_COLUMNS = ("file", "url", "fetched_at", "sha256")
_HTML_TYPES = ("text/html", "application/xhtml+xml")
_RETRY_STATUS = frozenset({408, 425, 429, 500, 502, 503, 504})
_SLUG = re.compile(r"[^0-9A-Za-z]+")
_URL = re.compile(r"^https?://[^\s/]+", re.I)


@dataclass
class FetchReport:
    """What a fetch did: files saved, URLs skipped (already there) and failures with reasons."""

    saved: list[tuple[str, str]] = field(default_factory=list)    # (url, file)
    skipped: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)   # (url, why)

    def summary(self) -> str:
        lines = [f"fetched {len(self.saved)}, already there {len(self.skipped)}, failed {len(self.failed)}"]
        lines += [f"  failed: {url}: {why}" for url, why in self.failed]
        return "\n".join(lines)


def read_url_list(path: Path) -> list[str]:
    """URLs from a text file (one a line; blank lines and ``#`` comments ignored) or from the
    ``url`` column of a CSV file (such as ``sources.csv``), in order, without repeats."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(path, f"cannot read the URL list ({exc.strerror or exc})") from None
    text, _ = decode_bytes(data, path)
    first = text.lstrip().split("\n", 1)[0]
    urls: list[str] = []
    if path.suffix.lower() == ".csv" or ("," in first and "url" in [c.strip().lower() for c in first.split(",")]):
        reader = csv.DictReader(io.StringIO(text))
        cols = {(c or "").strip().lower(): c for c in reader.fieldnames or []}
        if "url" not in cols:
            raise InputError(path, f"no 'url' column (columns: {', '.join(cols) or 'none'})", line=1)
        rows = [((r.get(cols["url"]) or "").strip(), n) for n, r in enumerate(reader, start=2)]
    else:
        rows = [(ln.strip(), n) for n, ln in enumerate(text.splitlines(), start=1)]
    for url, line in rows:
        if not url or url.startswith("#"):
            continue
        if not _URL.match(url):
            raise InputError(path, f"not an http(s) URL: {url!r}", line=line)
        if url not in urls:
            urls.append(url)
    if not urls:
        raise InputError(path, "no URL to fetch")
    return urls


def file_name_for(url: str) -> str:
    """A readable, unique file name for a URL: host and path, and a short hash of the URL.

    >>> file_name_for("https://news.example.com/2024/0315/a1.html?from=rss")
    'news.example.com_2024_0315_a1_0a890e9e.html'
    """
    parts = urlsplit(url)
    path = re.sub(r"\.(?:s?html?|php|aspx?|jsp)$", "", parts.path, flags=re.I)
    slug = _SLUG.sub("_", path).strip("_")[-60:].strip("_")
    host = re.sub(r"[^0-9A-Za-z.\-]+", "_", parts.hostname or "page")
    digest = hashlib.sha1(url.encode("utf-8")).hexdigest()[:8]
    return f"{host}_{slug}_{digest}.html" if slug else f"{host}_{digest}.html"


def _read_manifest(path: Path) -> tuple[list[str], list[dict]]:
    if not path.exists():
        return list(SOURCE_COLUMNS), []
    text, _ = decode_bytes(path.read_bytes(), path)  # UTF-8 (with or without BOM) or GB18030 …
    reader = csv.DictReader(io.StringIO(text))
    fields = [f.strip() for f in reader.fieldnames or []]
    rows = [{(k or "").strip(): (v or "").strip() for k, v in r.items() if k is not None} for r in reader]
    return fields + [c for c in SOURCE_COLUMNS if c not in fields], rows


def _write_manifest(path: Path, fields: list[str], rows: list[dict]) -> None:
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=fields, extrasaction="ignore", lineterminator="\n")
    w.writeheader()
    for r in rows:
        w.writerow({k: r.get(k, "") for k in fields})
    atomic_write_bytes(path, buf.getvalue().encode("utf-8"))


class _Refused(Exception):
    """A reply that will not get better by asking again (404, not a web page, too large)."""


def _download(url: str, timeout: float, max_bytes: int, user_agent: str) -> bytes:
    req = urllib.request.Request(url, headers={"User-Agent": user_agent, "Accept": "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5"})
    with urllib.request.urlopen(req, timeout=timeout) as resp:  # noqa: S310 - http(s) checked by read_url_list
        ctype = (resp.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        if ctype and ctype not in _HTML_TYPES:
            raise _Refused(f"not a web page (Content-Type: {ctype})")
        length = resp.headers.get("Content-Length")
        if length and length.isdigit() and int(length) > max_bytes:
            raise _Refused(f"page is {int(length) / 1e6:.0f} MB, above the {max_bytes / 1e6:.0f} MB limit")
        data = resp.read(max_bytes + 1)
        if len(data) > max_bytes:
            raise _Refused(f"page is above the {max_bytes / 1e6:.0f} MB limit")
        return data


def _retry_after(exc: urllib.error.HTTPError, default: float, cap: float) -> float:
    value = (exc.headers.get("Retry-After") or "").strip() if exc.headers else ""
    return min(float(value), cap) if value.isdigit() else default


def fetch_one(url: str, *, timeout: float = 20.0, retries: int = 3, backoff: float = 2.0,
              max_bytes: int = config.MAX_FILE_BYTES, user_agent: str = USER_AGENT,
              sleep=time.sleep) -> bytes:
    """The bytes of one page, after up to ``retries`` retries (waiting ``backoff``, then twice
    that, …); raises :class:`RuntimeError` with the reason when it cannot be had."""
    wait = backoff
    for attempt in range(retries + 1):
        try:
            return _download(url, timeout, max_bytes, user_agent)
        except _Refused as exc:
            raise RuntimeError(str(exc)) from None
        except urllib.error.HTTPError as exc:
            why = f"HTTP {exc.code} {exc.reason}"
            if exc.code not in _RETRY_STATUS or attempt == retries:
                raise RuntimeError(why) from None
            pause = _retry_after(exc, wait, cap=60.0)
        except ValueError as exc:  # not a URL urllib can request
            raise RuntimeError(f"bad URL ({exc})") from None
        except (urllib.error.URLError, TimeoutError, ConnectionError, OSError, http.client.HTTPException) as exc:
            reason = getattr(exc, "reason", exc)
            why = "timed out" if isinstance(reason, TimeoutError) or "timed out" in str(reason) else f"network error ({reason})"
            if attempt == retries:
                raise RuntimeError(f"{why} after {retries + 1} attempts") from None
            pause = wait
        sleep(pause)
        wait *= 2
    raise RuntimeError("unreachable")  # pragma: no cover


def _robots(url: str, timeout: float, user_agent: str):
    """The host's robots.txt rules (a ``RobotFileParser``), or None where it has none or it
    cannot be read (then nothing is disallowed)."""
    from urllib.robotparser import RobotFileParser

    parts = urlsplit(url)
    robots_url = f"{parts.scheme}://{parts.netloc}/robots.txt"
    try:
        req = urllib.request.Request(robots_url, headers={"User-Agent": user_agent})
        with urllib.request.urlopen(req, timeout=timeout) as resp:  # noqa: S310 - http(s) only
            text = resp.read(500_000).decode("utf-8", errors="replace")
    except (urllib.error.URLError, TimeoutError, ConnectionError, OSError, ValueError):
        return None
    rules = RobotFileParser(robots_url)
    rules.parse(text.splitlines())
    return rules


def fetch(urls: list[str], raw_dir=None, *, delay: float = 2.0, timeout: float = 20.0, retries: int = 3,
          backoff: float = 2.0, max_bytes: int = config.MAX_FILE_BYTES, user_agent: str = USER_AGENT,
          progress: bool = False, robots: bool = True) -> FetchReport:
    """Download ``urls`` into ``raw_dir`` and list them in its ``sources.csv``.

    A URL listed in ``sources.csv`` whose file exists is skipped, and so is one the host's
    ``robots.txt`` disallows (read once per host, with ``robots``). Requests go one at a time;
    two requests to the same host are at least ``delay`` seconds apart. ``sources.csv`` is
    written after every saved page, so an interrupted fetch keeps what it got.
    """
    raw_dir = Path(raw_dir or config.RAW_DIR)
    raw_dir.mkdir(parents=True, exist_ok=True)
    manifest = raw_dir / MANIFEST_NAME
    fields, rows = _read_manifest(manifest)
    by_url = {r.get("url", ""): r for r in rows if r.get("url")}
    report = FetchReport()
    last_request: dict[str, float] = {}
    rules: dict[str, object] = {}

    def wait_for(host: str) -> None:
        since = time.monotonic() - last_request.get(host, float("-inf"))
        if since < delay:
            time.sleep(delay - since)

    total = len(urls)
    for n, url in enumerate(urls, start=1):
        if progress and sys.stderr.isatty():
            width = 30
            done = int(width * (n - 1) / total)
            sys.stderr.write(f"\r[{'#' * done}{'.' * (width - done)}] {n - 1}/{total} pages")
            sys.stderr.flush()
        row = by_url.get(url)
        if row and row.get("file") and (raw_dir / row["file"]).exists():
            report.skipped.append(url)
            continue
        host = (urlsplit(url).hostname or "").lower()
        if robots and host not in rules:
            rules[host] = _robots(url, timeout, user_agent)
            last_request[host] = time.monotonic()
        if rules.get(host) is not None and not rules[host].can_fetch(user_agent, url):
            report.failed.append((url, "disallowed by the site's robots.txt"))
            continue
        wait_for(host)
        try:
            data = fetch_one(url, timeout=timeout, retries=retries, backoff=backoff, max_bytes=max_bytes,
                             user_agent=user_agent)
        except RuntimeError as exc:
            report.failed.append((url, str(exc)))
            continue
        finally:
            last_request[host] = time.monotonic()
        name = (row or {}).get("file") or file_name_for(url)
        atomic_write_bytes(raw_dir / name, data)
        stamp = datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
        if row is None:
            row = {"url": url}
            rows.append(row)
            by_url[url] = row
        row.update(file=name, fetched_at=stamp, sha256=hashlib.sha256(data).hexdigest())
        _write_manifest(manifest, fields, rows)
        report.saved.append((url, name))
    if progress and sys.stderr.isatty():
        sys.stderr.write(f"\r[{'#' * 30}] {total}/{total} pages\n")
    return report
