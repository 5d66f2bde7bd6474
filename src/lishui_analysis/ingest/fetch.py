"""``lishui-analysis fetch``: download web pages from a list of URLs into the raw folder.

Each page is saved as it came (raw bytes, unchanged; only a ``Content-Encoding: gzip`` or
``deflate`` is undone) under a name made from its URL, and gets a row in ``sources.csv``
(``file``, ``url``, ``fetched_at``, ``sha256``); a URL already listed with its file present is
skipped, so a fetch can be re-run after a failure. A ``file`` that ``sources.csv`` names must be
a name (or relative path) inside the raw folder, else that row fails. The fetcher is polite:
one request at a time, a delay between two requests to the same host (longer where the host's
``robots.txt`` asks for a ``Crawl-delay``), the host's ``robots.txt`` obeyed (RFC 9309, parsed by
Protego: see :mod:`.robots`), a User-Agent naming the package, a deadline for the whole of each
request (connection, headers and body), and retries with a growing back-off on network errors,
timeouts, incomplete bodies, 429 and 5xx replies (``Retry-After``, in seconds or as an HTTP
date, is honoured up to a limit). A reply that is not a web page (``application/pdf``, an
image, whatever its Content-Type says), too large, or a redirect to anything but http(s) is
not saved. A bad URL fails alone; the other URLs go on.
"""
from __future__ import annotations

import csv
import functools
import hashlib
import http.client
import io
import re
import sys
import time
import urllib.error
import urllib.request
import zlib
from dataclasses import dataclass, field
from datetime import datetime, timezone
from email.utils import parsedate_to_datetime
from pathlib import Path, PurePosixPath, PureWindowsPath
from typing import cast
from urllib.parse import urlsplit

from .. import __version__, config
from ..errors import InputError
from ..files import atomic_write_bytes
from .decode import _BINARY_MAGIC, decode_bytes
from .load import MANIFEST_NAME
from .robots import ROBOTS_MAX_BYTES, Robots, robots_url

USER_AGENT = f"lishui-analysis/{__version__} (research fetcher; +https://pypi.org/project/lishui-analysis/)"
SOURCE_COLUMNS = ("file", "url", "fetched_at", "sha256")
_HTML_TYPES = ("text/html", "application/xhtml+xml")
_RETRY_STATUS = frozenset({408, 425, 429, 500, 502, 503, 504})
_SLUG = re.compile(r"[^0-9A-Za-z]+")
_URL = re.compile(r"^https?://[^\s/]+", re.I)
_CHUNK = 64 * 1024
RETRY_AFTER_CAP = 60.0


def _mb(n: int) -> str:
    """Bytes in MB as the README counts them (MiB: ``config.MAX_FILE_BYTES`` is "50 MB").

    >>> _mb(50 * 1024 * 1024), _mb(62_914_560), _mb(1_000_000), _mb(1_572_864)
    ('50', '60', '1', '1.5')
    """
    return f"{n / 2**20:.1f}".rstrip("0").rstrip(".")


def _url_problem(url: str) -> str | None:
    """Why ``url`` cannot be requested (an invalid IPv6 host, a port out of range, no host …),
    or None."""
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError when out of range or not a number
    except ValueError as exc:
        return f"bad URL ({exc})"
    if parts.scheme.lower() not in ("http", "https"):
        return "bad URL (not http or https)"
    if not parts.hostname:
        return "bad URL (no host)"
    return None


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
        fieldnames, records = _csv_records(text, path)
        cols = {(c or "").strip().lower(): c for c in fieldnames}
        if "url" not in cols:
            raise InputError(path, f"no 'url' column (columns: {', '.join(cols) or 'none'})", line=1)
        rows = [((r.get(cols["url"]) or "").strip(), n) for n, r in records]
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


def _csv_records(text: str, path: Path) -> tuple[list[str], list[tuple[int, dict]]]:
    """The header and ``(line, row)`` pairs of a CSV text; a malformed CSV (a field longer than
    ``csv.field_size_limit()``, 131,072 characters by default …) is an :class:`InputError`
    naming the file and line."""
    reader = csv.DictReader(io.StringIO(text))
    try:
        fieldnames = list(reader.fieldnames or [])
        records = [(reader.line_num, row) for row in reader]  # the line a row ends on
    except csv.Error as exc:
        problem = str(exc)
        if "field larger than field limit" in problem:
            problem = f"a field is longer than {csv.field_size_limit():,} characters (csv.field_size_limit)"
        # DictReader.line_num is the last line read whole; its csv.reader's, the line at fault
        raise InputError(path, f"not a readable CSV file: {problem}", line=reader.reader.line_num or 1) from None
    return fieldnames, records


def _read_manifest(path: Path) -> tuple[list[str], list[dict]]:
    if not path.exists():
        return list(SOURCE_COLUMNS), []
    try:
        data = path.read_bytes()
    except OSError as exc:  # a folder named sources.csv, no permission …
        raise InputError(path, f"cannot read the list of sources ({exc.strerror or exc})") from None
    text, _ = decode_bytes(data, path)  # UTF-8 (with or without BOM) or GB18030 …
    fieldnames, records = _csv_records(text, path)
    fields = [f.strip() for f in fieldnames]
    rows = [{(k or "").strip(): (v or "").strip() for k, v in r.items() if k is not None} for _, r in records]
    return fields + [c for c in SOURCE_COLUMNS if c not in fields], rows


def _write_manifest(path: Path, fields: list[str], rows: list[dict]) -> None:
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=fields, extrasaction="ignore", lineterminator="\n")
    w.writeheader()
    for r in rows:
        w.writerow({k: r.get(k, "") for k in fields})
    try:
        atomic_write_bytes(path, buf.getvalue().encode("utf-8"))
    except OSError as exc:
        raise InputError(path, f"cannot write the list of sources ({exc.strerror or exc})") from None


def _target(raw_dir: Path, name: str) -> tuple[Path | None, str | None]:
    """Where the page of a ``sources.csv`` row whose ``file`` is ``name`` goes: a name or a
    relative path that stays inside ``raw_dir`` (symbolic links followed), and not the
    manifest itself; else ``(None, reason)``.

    >>> _target(Path("/data/raw"), "../site-packages/x.pth")[1]
    "sources.csv names the file '../site-packages/x.pth', which is not inside the raw folder"
    """
    outside = (None, f"{MANIFEST_NAME} names the file {name!r}, which is not inside the raw folder")
    posix, windows = PurePosixPath(name), PureWindowsPath(name)
    if posix.is_absolute() or windows.anchor or ".." in posix.parts or ".." in windows.parts or "\x00" in name:
        return outside
    try:
        root = raw_dir.resolve()
        target = (root / name).resolve()
    except (OSError, RuntimeError, ValueError):  # a symbolic-link loop …
        return outside
    if target == root or root not in target.parents:
        return outside
    if target == root / MANIFEST_NAME:
        return None, f"{MANIFEST_NAME} names itself as the file of this URL"
    return target, None


class _Refused(Exception):
    """A reply that will not get better by asking again (404, not a web page, too large)."""


class _Incomplete(Exception):
    """A body cut short (fewer bytes than its Content-Length): asking again may help."""


def _left(deadline: float) -> float:
    left = deadline - time.monotonic()
    if left <= 0:
        raise TimeoutError("timed out")
    return left


class _DeadlineIO(io.RawIOBase):
    """The socket reader of a reply, where no read goes past the request's deadline: a server
    sending a byte a second (headers or body) is cut off when the deadline comes."""

    def __init__(self, raw, sock, deadline: float):
        super().__init__()
        self._raw, self._sock, self._deadline = raw, sock, deadline

    def readable(self) -> bool:
        return True

    def readinto(self, b) -> int | None:
        self._sock.settimeout(_left(self._deadline))
        return self._raw.readinto(b)

    def close(self) -> None:
        self._raw.close()
        super().close()


class _DeadlineResponse(http.client.HTTPResponse):
    def __init__(self, sock, *args, deadline: float, **kwargs):
        super().__init__(sock, *args, **kwargs)
        # the socket's own reader (it keeps the socket open while the reply is read), wrapped
        self.fp = io.BufferedReader(_DeadlineIO(self.fp.detach(), sock, deadline), _CHUNK)


class _Deadline(http.client.HTTPConnection):
    """A connection (HTTP or HTTPS, mixed in before it) whose connect and reply share one deadline."""

    def __init__(self, *args, deadline: float, **kwargs):
        super().__init__(*args, **kwargs)
        self._deadline = deadline
        self.response_class = cast(type[http.client.HTTPResponse],
                                   functools.partial(_DeadlineResponse, deadline=deadline))

    def connect(self) -> None:
        self.timeout = _left(self._deadline)
        super().connect()


class _DeadlineHTTP(_Deadline, http.client.HTTPConnection):
    pass


class _DeadlineHTTPS(_Deadline, http.client.HTTPSConnection):
    pass


class _HTTPHandler(urllib.request.HTTPHandler):
    def __init__(self, deadline: float):
        super().__init__()
        self._deadline = deadline

    def http_open(self, req):
        return self.do_open(functools.partial(_DeadlineHTTP, deadline=self._deadline), req)


class _HTTPSHandler(urllib.request.HTTPSHandler):
    def __init__(self, deadline: float):
        super().__init__()
        self._deadline = deadline

    def https_open(self, req):
        # _context: the SSL context HTTPSHandler.__init__ keeps (private, not in its type stubs)
        return self.do_open(functools.partial(_DeadlineHTTPS, deadline=self._deadline), req,
                            context=self._context)  # type: ignore[attr-defined]


class _Redirects(urllib.request.HTTPRedirectHandler):
    """Redirects to http(s) URLs only (urllib alone would follow one to ``ftp://``)."""

    def http_error_302(self, req, fp, code, msg, headers):
        location = (headers.get("location") or headers.get("uri") or "").strip()
        try:
            scheme = urlsplit(location).scheme.lower()
        except ValueError:
            fp.close()
            raise _Refused(f"redirected to a bad URL ({location[:200]!r})") from None
        if scheme not in ("", "http", "https"):
            fp.close()
            raise _Refused(f"redirected to a non-http(s) URL ({location[:200]})")
        return super().http_error_302(req, fp, code, msg, headers)

    http_error_301 = http_error_303 = http_error_307 = http_error_308 = http_error_302


def _read_body(resp, max_bytes: int) -> bytes:
    """At most ``max_bytes + 1`` bytes of the body, in chunks (each read bound by the
    deadline); a body shorter than its Content-Length raises :class:`_Incomplete`."""
    chunks, got = [], 0
    while got <= max_bytes:
        chunk = resp.read(min(_CHUNK, max_bytes + 1 - got))
        if not chunk:
            break
        chunks.append(chunk)
        got += len(chunk)
    length = (resp.headers.get("Content-Length") or "").strip()
    if got <= max_bytes and length.isdigit() and got < int(length):
        raise _Incomplete(f"incomplete reply ({got:,} of {int(length):,} bytes)")
    return b"".join(chunks)


def _decompress(data: bytes, encoding: str, max_bytes: int) -> bytes:
    """``data`` with its ``Content-Encoding`` (gzip, deflate, in the order listed) undone, at
    most ``max_bytes`` once decompressed; any other encoding is refused."""
    for coding in reversed([c.strip().lower() for c in encoding.split(",") if c.strip()]):
        if coding == "identity":
            continue
        if coding not in ("gzip", "x-gzip", "deflate"):
            raise _Refused(f"compressed as {coding!r} (Content-Encoding), which the fetcher does not read")
        wbits = 16 + zlib.MAX_WBITS if coding != "deflate" else (zlib.MAX_WBITS if data[:1] == b"\x78" else -zlib.MAX_WBITS)
        out, rest = [], data
        size = 0
        while rest:  # gzip members one after another make one body
            d = zlib.decompressobj(wbits)
            try:
                piece = d.decompress(rest, max_bytes + 1 - size)
            except zlib.error as exc:
                raise _Refused(f"body is not valid {coding} ({exc})") from None
            out.append(piece)
            size += len(piece)
            if size > max_bytes:
                raise _Refused(f"page is above the {_mb(max_bytes)} MB limit once decompressed")
            if not d.eof:
                raise _Incomplete(f"incomplete {coding} body")
            rest = d.unused_data if coding != "deflate" else b""
        data = b"".join(out)
    return data


def _download(url: str, timeout: float, max_bytes: int, user_agent: str, page: bool = True) -> bytes:
    """The body of ``url``; the whole request (connection, headers, redirects, body) must be
    done within ``timeout`` seconds. With ``page``, a reply that is not a web page is refused;
    else (robots.txt) the body is only cut at ``max_bytes``."""
    deadline = time.monotonic() + timeout
    opener = urllib.request.build_opener(_HTTPHandler(deadline), _HTTPSHandler(deadline), _Redirects)
    accept = "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5" if page else "text/plain,*/*;q=0.5"
    req = urllib.request.Request(url, headers={"User-Agent": user_agent, "Accept": accept})
    with opener.open(req, timeout=timeout) as resp:  # http(s) checked by _url_problem
        ctype = (resp.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        if page and ctype and ctype not in _HTML_TYPES:
            raise _Refused(f"not a web page (Content-Type: {ctype})")
        length = (resp.headers.get("Content-Length") or "").strip()
        if page and length.isdigit() and int(length) > max_bytes:
            raise _Refused(f"page is {_mb(int(length))} MB, above the {_mb(max_bytes)} MB limit")
        data = _read_body(resp, max_bytes)
        if len(data) > max_bytes:
            if not page:
                data = data[:max_bytes]
            else:
                raise _Refused(f"page is above the {_mb(max_bytes)} MB limit")
        data = _decompress(data, resp.headers.get("Content-Encoding") or "", max_bytes)
    if page:
        for magic, what in _BINARY_MAGIC.items():
            if data.startswith(magic):
                raise _Refused(f"not a web page (the body is {what})")
    return data


def _retry_after(exc: urllib.error.HTTPError, default: float, cap: float) -> float:
    """The wait a ``Retry-After`` header asks for, in seconds or as an HTTP date (RFC 9110
    10.2.3), at most ``cap``; ``default`` without one."""
    value = (exc.headers.get("Retry-After") or "").strip() if exc.headers else ""
    if value.isdigit():
        return min(float(value), cap)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return default
    if when.tzinfo is None:  # "-0000": UTC
        when = when.replace(tzinfo=timezone.utc)
    return min(max((when - datetime.now(timezone.utc)).total_seconds(), 0.0), cap)


class FetchError(RuntimeError):
    """A URL that could not be had; ``status`` is the HTTP status of the last reply, if any."""

    def __init__(self, why: str, status: int | None = None):
        super().__init__(why)
        self.status = status


def fetch_one(url: str, *, timeout: float = 20.0, retries: int = 3, backoff: float = 2.0,
              max_bytes: int = config.MAX_FILE_BYTES, user_agent: str = USER_AGENT,
              sleep=time.sleep, page: bool = True) -> bytes:
    """The bytes of one page, after up to ``retries`` retries (waiting ``backoff``, then twice
    that, …); each attempt must be done within ``timeout`` seconds. Raises :class:`FetchError`
    (a :class:`RuntimeError`) with the reason when it cannot be had."""
    problem = _url_problem(url)
    if problem:
        raise FetchError(problem)
    wait = backoff
    for attempt in range(retries + 1):
        try:
            return _download(url, timeout, max_bytes, user_agent, page=page)
        except _Refused as exc:
            raise FetchError(str(exc)) from None
        except _Incomplete as exc:
            why = str(exc)
            if attempt == retries:
                raise FetchError(f"{why} after {retries + 1} attempts") from None
            pause = wait
        except urllib.error.HTTPError as exc:
            why = f"HTTP {exc.code} {exc.reason}"
            if exc.code not in _RETRY_STATUS or attempt == retries:
                raise FetchError(why, exc.code) from None
            pause = _retry_after(exc, wait, cap=RETRY_AFTER_CAP)
        except (ValueError, http.client.InvalidURL) as exc:  # not a URL urllib can request
            raise FetchError(f"bad URL ({exc})") from None
        except (urllib.error.URLError, TimeoutError, ConnectionError, OSError, http.client.HTTPException) as exc:
            reason = getattr(exc, "reason", exc)
            why = "timed out" if isinstance(reason, TimeoutError) or "timed out" in str(reason) else f"network error ({reason})"
            if attempt == retries:
                raise FetchError(f"{why} after {retries + 1} attempts") from None
            pause = wait
        sleep(pause)
        wait *= 2
    raise RuntimeError("unreachable")  # pragma: no cover


def read_robots(url: str, *, timeout: float = 20.0, retries: int = 3, backoff: float = 2.0,
                user_agent: str = USER_AGENT, sleep=time.sleep) -> Robots:
    """The robots.txt of ``url``'s site, read as RFC 9309 says (see :mod:`.robots`): a 4xx
    reply allows everything; a 5xx reply or a network failure, after the retries, disallows
    everything."""
    try:
        data = fetch_one(robots_url(url), timeout=timeout, retries=retries, backoff=backoff,
                         max_bytes=ROBOTS_MAX_BYTES, user_agent=user_agent, sleep=sleep, page=False)
    except FetchError as exc:
        return Robots.from_status(exc.status, str(exc))
    return Robots.from_text(data)


def fetch(urls: list[str], raw_dir=None, *, delay: float = 2.0, timeout: float = 20.0, retries: int = 3,
          backoff: float = 2.0, max_bytes: int = config.MAX_FILE_BYTES, user_agent: str = USER_AGENT,
          progress: bool = False, robots: bool = True) -> FetchReport:
    """Download ``urls`` into ``raw_dir`` and list them in its ``sources.csv``.

    A URL listed in ``sources.csv`` whose file exists is skipped, and so is one the site's
    ``robots.txt`` disallows (read once per site, with ``robots``). Requests go one at a time;
    two requests to the same host are at least ``delay`` seconds apart (or the site's
    ``Crawl-delay``, up to a minute, where it is longer); each must be done within ``timeout``
    seconds. A URL that cannot be requested, or whose row names a ``file`` outside ``raw_dir``,
    fails alone. ``sources.csv`` is written after every saved page, so an interrupted fetch
    keeps what it got.
    """
    raw_dir = Path(raw_dir or config.RAW_DIR)
    try:
        raw_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise InputError(raw_dir, f"cannot make the raw folder ({exc.strerror or exc})") from None
    manifest = raw_dir / MANIFEST_NAME
    fields, rows = _read_manifest(manifest)
    by_url = {r.get("url", ""): r for r in rows if r.get("url")}
    report = FetchReport()
    last_request: dict[str, float] = {}
    gap: dict[str, float] = {}          # host → least seconds between two requests
    rules: dict[str, Robots] = {}       # site (scheme://host:port) → its robots.txt

    def wait_for(host: str) -> None:
        since = time.monotonic() - last_request.get(host, float("-inf"))
        if since < gap.get(host, delay):
            time.sleep(gap.get(host, delay) - since)

    for url in _progress(urls, progress):
        problem = _url_problem(url)
        if problem:
            report.failed.append((url, problem))
            continue
        row = by_url.get(url)
        target: Path | None = None
        if row and row.get("file"):
            target, why = _target(raw_dir, row["file"])
            if why is None and cast(Path, target).is_dir():
                why = f"{MANIFEST_NAME} names the file {row['file']!r}, which is a folder"
            if why:
                report.failed.append((url, why))
                continue
            if cast(Path, target).exists():  # (why is None: _target gave a path)
                report.skipped.append(url)
                continue
        parts = urlsplit(url)
        host, site = (parts.hostname or "").lower(), f"{parts.scheme}://{parts.netloc}".lower()
        if robots and site not in rules:
            wait_for(host)
            rules[site] = read_robots(url, timeout=timeout, retries=retries, backoff=backoff, user_agent=user_agent)
            last_request[host] = time.monotonic()
            gap[host] = max(gap.get(host, delay), rules[site].crawl_delay(user_agent))
        why = rules[site].refusal(url, user_agent) if site in rules else None
        if why:
            report.failed.append((url, why))
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
        if target is None:
            target = raw_dir / file_name_for(url)
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            atomic_write_bytes(target, data)
        except OSError as exc:
            report.failed.append((url, f"cannot save the page as {target.name} ({exc.strerror or exc})"))
            continue
        name = (row or {}).get("file") or target.name
        stamp = datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
        if row is None:
            row = {"url": url}
            rows.append(row)
            by_url[url] = row
        row.update(file=name, fetched_at=stamp, sha256=hashlib.sha256(data).hexdigest())
        _write_manifest(manifest, fields, rows)
        report.saved.append((url, name))
    return report


def _progress(urls: list[str], enabled: bool):
    """``urls``, with a progress bar on stderr (tqdm: pages done, rate, time left) when ``enabled``
    and stderr is a terminal, as the build's."""
    if not enabled or not sys.stderr.isatty():
        return urls
    from tqdm import tqdm

    return tqdm(urls, unit="page", file=sys.stderr, dynamic_ncols=True)
