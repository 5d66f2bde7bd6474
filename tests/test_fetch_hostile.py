"""fetch.py against hostile input (issue #16): a sources.csv naming files outside the raw folder,
servers that drip bytes, cut bodies short, send gzip or a PNG as HTML, redirect to ftp://, ask to
wait until an HTTP date, or have robots.txt with wildcards, Crawl-delay or a 5xx reply; bad URLs
and unreadable sources.csv files. All against a local server on 127.0.0.1 started here, each
test bounded to a few seconds."""
import gzip
import socket
import time
from datetime import datetime, timedelta, timezone
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler
from itertools import pairwise

import pytest

from fetch_server import local_server, read_sources
from lishui_analysis import cli, config
from lishui_analysis.errors import InputError
from lishui_analysis.ingest import fetch, robots

PAGE = ("<html><head><meta charset='utf-8'><title>经开区项目开工</title></head><body>"
        "<p>经开区项目开工，总投资5亿元。</p></body></html>").encode("utf-8")
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):  # quiet
        pass

    def _send(self, status, body=b"", ctype="text/html; charset=utf-8", headers=(), length=None):
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body) if length is None else length))
        self.send_header("Connection", "close")
        for k, v in headers:
            self.send_header(k, v)
        self.end_headers()
        self._write(body)

    def _write(self, data):
        try:
            self.wfile.write(data)
            self.wfile.flush()
            return True
        except OSError:
            return False

    def _drip(self, data, every=0.05):
        """One byte every ``every`` seconds, until the client hangs up (bounded by len(data))."""
        for i in range(len(data)):
            if not self._write(data[i:i + 1]):
                return
            time.sleep(every)

    def do_GET(self):
        srv = self.server
        with srv.lock:
            srv.log.append((self.path, time.monotonic()))
            srv.hits[self.path] = srv.hits.get(self.path, 0) + 1
            hits = srv.hits[self.path]
        path = self.path.split("?")[0]
        if path == "/robots.txt":
            status, body = srv.robots
            self._send(status, body, ctype="text/plain")
        elif path.startswith(("/page", "/news/", "/sub")):
            self._send(200, PAGE)
        elif path == "/drip-headers":  # 60 header bytes at 20 a second: 3 s without a deadline
            self._drip(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nX-Slow: " + b"a" * 20 + b"\r\n\r\n")
        elif path == "/drip-body":
            body = PAGE + b" " * 60
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self._drip(body, every=0.02)
        elif path == "/short":  # says 1,000 bytes, sends 500 and hangs up
            self._send(200, b"<html>" + b"x" * 494, length=1000)
        elif path == "/short-once":
            body = PAGE if hits > 1 else PAGE[:40]
            self._send(200, body, length=len(PAGE))
        elif path == "/gzip":
            self._send(200, gzip.compress(PAGE), headers=[("Content-Encoding", "gzip")])
        elif path == "/gzip-bomb":  # 2 MB of spaces in 2 KB
            self._send(200, gzip.compress(b"<html>" + b" " * 2_000_000), headers=[("Content-Encoding", "gzip")])
        elif path == "/brotli":
            self._send(200, b"\x0b\x02\x80hello\x03", headers=[("Content-Encoding", "br")])
        elif path == "/png-as-html":
            self._send(200, PNG)
        elif path == "/to-ftp":
            self._send(302, headers=[("Location", "ftp://127.0.0.1/page.html")])
        elif path == "/to-file":
            self._send(302, headers=[("Location", "file:///etc/passwd")])
        elif path == "/huge":  # announces 60 MiB, sends nothing
            self._send(200, b"", length=60 * 1024 * 1024)
        elif path == "/busy-until":
            when = datetime.now(timezone.utc) + timedelta(seconds=srv.retry_in)
            self._send(503, b"", headers=[("Retry-After", format_datetime(when, usegmt=True))]) if hits == 1 \
                else self._send(200, PAGE)
        elif path.endswith(".pdf"):
            self._send(200, PAGE)
        else:
            self._send(404, b"")


@pytest.fixture
def server():
    with local_server(_Handler, robots=(404, b""), retry_in=2) as srv:
        yield srv


FAST = dict(delay=0.0, timeout=1.0, retries=1, backoff=0.01)


# 1. sources.csv's `file` column ------------------------------------------------------------

def test_sources_path_outside_raw_is_refused(server, tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (raw / "linked").symlink_to(outside, target_is_directory=True)
    bad = {"/page1": "../evil.pth", "/page2": str(tmp_path / "abs.pth"), "/page3": "sub/../../x.pth",
           "/page4": "linked/x.html", "/page5": "..\\..\\win.pth", "/page6": "sources.csv", "/page7": "."}
    good = {"/page8": "sub/dir/ok.html", "/page9": "plain.html", "/page10": ""}
    lines = ["file,url"] + [f"{f},{server.url}{p}" for p, f in {**bad, **good}.items()]
    (raw / "sources.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    rep = fetch.fetch(fetch.read_url_list(raw / "sources.csv"), raw, **FAST)
    why = dict(rep.failed)
    for p, f in bad.items():
        assert "\n" not in why[server.url + p]
        if f == "sources.csv":
            assert why[server.url + p] == "sources.csv names itself as the file of this URL"
        else:
            assert why[server.url + p] == f"sources.csv names the file {f!r}, which is not inside the raw folder"
        assert p not in server.hits  # not even requested
    assert sorted(u for u, _ in rep.saved) == sorted(server.url + p for p in good)
    assert (raw / "sub" / "dir" / "ok.html").read_bytes() == PAGE and (raw / "plain.html").read_bytes() == PAGE
    assert not list(tmp_path.glob("*.pth")) and not list(outside.iterdir()) and not list(raw.glob("*.pth"))
    assert read_sources(raw)[server.url + "/page1"]["file"] == "../evil.pth"  # the row is kept as it was


def test_sources_file_that_is_a_folder_fails_alone(server, tmp_path):
    (tmp_path / "folder.html").mkdir()
    (tmp_path / "sources.csv").write_text(f"file,url\nfolder.html,{server.url}/page1\n,{server.url}/page2\n",
                                          encoding="utf-8")
    rep = fetch.fetch([server.url + "/page1", server.url + "/page2"], tmp_path, **FAST)
    assert rep.failed == [(server.url + "/page1", "sources.csv names the file 'folder.html', which is a folder")]
    assert [u for u, _ in rep.saved] == [server.url + "/page2"]


# 5. a deadline for the whole request -------------------------------------------------------

@pytest.mark.parametrize("path", ["/drip-headers", "/drip-body"])
def test_slow_drip_server_is_cut_off_at_the_request_deadline(server, tmp_path, path):
    t0 = time.monotonic()
    rep = fetch.fetch([server.url + path], tmp_path, **{**FAST, "timeout": 0.5, "retries": 0})
    took = time.monotonic() - t0
    assert rep.failed == [(server.url + path, "timed out after 1 attempts")]
    assert took < 1.2  # the drip would last 3 s (headers) or 2.6 s (body)
    assert not list(tmp_path.glob("*.html")) and not (tmp_path / "sources.csv").exists()


# 7. a body shorter than its Content-Length -------------------------------------------------

def test_short_body_is_refused_and_retried(server, tmp_path):
    rep = fetch.fetch([server.url + "/short", server.url + "/short-once"], tmp_path, **FAST)
    assert rep.failed == [(server.url + "/short", "incomplete reply (500 of 1,000 bytes) after 2 attempts")]
    assert server.hits["/short"] == 2
    assert [u for u, _ in rep.saved] == [server.url + "/short-once"] and server.hits["/short-once"] == 2
    rows = read_sources(tmp_path)
    assert list(rows) == [server.url + "/short-once"]
    assert (tmp_path / rows[server.url + "/short-once"]["file"]).read_bytes() == PAGE


# 14. compressed bodies, binary bodies named HTML, redirects to ftp:// -----------------------

def test_gzip_body_is_saved_decompressed(server, tmp_path):
    rep = fetch.fetch([server.url + "/gzip"], tmp_path, **FAST)
    assert not rep.failed
    assert (tmp_path / read_sources(tmp_path)[server.url + "/gzip"]["file"]).read_bytes() == PAGE


def test_gzip_bomb_and_unknown_encoding_are_refused(server, tmp_path):
    urls = [server.url + "/gzip-bomb", server.url + "/brotli"]
    rep = fetch.fetch(urls, tmp_path, **FAST, max_bytes=1_000_000)
    assert dict(rep.failed) == {
        urls[0]: "page is above the 1 MB limit once decompressed",
        urls[1]: "compressed as 'br' (Content-Encoding), which the fetcher does not read"}
    assert server.hits["/gzip-bomb"] == 1 and not rep.saved


def test_binary_body_named_html_is_refused(server, tmp_path):
    rep = fetch.fetch([server.url + "/png-as-html"], tmp_path, **FAST)
    assert rep.failed == [(server.url + "/png-as-html", "not a web page (the body is a PNG image)")]
    assert not list(tmp_path.glob("*.html"))


def test_redirect_to_non_http_scheme_is_refused(server, tmp_path):
    urls = [server.url + "/to-ftp", server.url + "/to-file"]
    rep = fetch.fetch(urls, tmp_path, **FAST)
    assert dict(rep.failed) == {urls[0]: "redirected to a non-http(s) URL (ftp://127.0.0.1/page.html)",
                                urls[1]: "redirected to a non-http(s) URL (file:///etc/passwd)"}
    assert server.hits["/to-ftp"] == 1 and not rep.saved


# 15. bad URLs and unreadable sources.csv ---------------------------------------------------

def test_invalid_url_fails_alone(server, tmp_path):
    urls = ["http://[::1/x", "http://127.0.0.1:99999/x", server.url + "/page1"]
    rep = fetch.fetch(urls, tmp_path, **FAST)
    assert dict(rep.failed) == {urls[0]: "bad URL (Invalid IPv6 URL)",
                                urls[1]: "bad URL (Port out of range 0-65535)"}
    assert [u for u, _ in rep.saved] == urls[2:]
    with pytest.raises(RuntimeError, match=r"^bad URL \(Invalid IPv6 URL\)$"):
        fetch.fetch_one(urls[0])


def test_cli_invalid_url_is_a_failed_row_not_an_internal_error(server, tmp_path, capsys):
    lst = tmp_path / "urls.txt"
    lst.write_text(f"http://[::1/x\n{server.url}/page1\n", encoding="utf-8")
    code = cli.main(["fetch", str(lst), "--raw", str(tmp_path / "raw"), "--delay", "0", "--retries", "0"])
    captured = capsys.readouterr()
    assert code == 1 and "internal error" not in captured.err
    assert "fetched 1, already there 0, failed 1" in captured.out and "http://[::1/x: bad URL" in captured.out


def test_sources_csv_that_is_a_folder_is_an_input_error(server, tmp_path, capsys):
    raw = tmp_path / "raw"
    (raw / "sources.csv").mkdir(parents=True)
    with pytest.raises(InputError, match=r"sources\.csv: cannot read the list of sources"):
        fetch.fetch([server.url + "/page1"], raw, **FAST)
    lst = tmp_path / "urls.txt"
    lst.write_text(f"{server.url}/page1\n", encoding="utf-8")
    code = cli.main(["fetch", str(lst), "--raw", str(raw), "--delay", "0"])
    err = capsys.readouterr().err
    assert code == 2 and err.count("\n") == 1
    assert err.startswith(f"error: {raw / 'sources.csv'}: cannot read") and "internal error" not in err
    code = cli.main(["fetch", "--raw", str(raw), "--delay", "0"])  # sources.csv as the URL list
    err = capsys.readouterr().err
    assert code == 2 and err.startswith(f"error: {raw / 'sources.csv'}: cannot read")


def test_sources_csv_with_a_huge_field_is_an_input_error(server, tmp_path, capsys):
    big = "长" * 140_000
    (tmp_path / "sources.csv").write_text(f"file,url,note\n,{server.url}/page1,ok\n,{server.url}/page2,{big}\n",
                                          encoding="utf-8")
    for call in (lambda: fetch.read_url_list(tmp_path / "sources.csv"),
                 lambda: fetch.fetch([server.url + "/page1"], tmp_path, **FAST)):
        with pytest.raises(InputError) as exc:
            call()
        assert str(exc.value) == (f"{tmp_path / 'sources.csv'}:3: not a readable CSV file: a field is longer "
                                  "than 131,072 characters (csv.field_size_limit)")
    code = cli.main(["fetch", "--raw", str(tmp_path), "--delay", "0"])
    err = capsys.readouterr().err
    assert code == 2 and err == f"error: {tmp_path / 'sources.csv'}:3: not a readable CSV file: a field is longer " \
                                "than 131,072 characters (csv.field_size_limit)\n"
    assert server.hits == {}


# 16. Retry-After as an HTTP date; the size limit in MB --------------------------------------

def test_retry_after_http_date_is_honoured(server):
    pauses = []
    data = fetch.fetch_one(server.url + "/busy-until", retries=1, backoff=0.01, timeout=1, sleep=pauses.append)
    assert data == PAGE and len(pauses) == 1
    assert 1.0 <= pauses[0] <= 2.0  # the date is 2 s ahead, to the second: not the 0.01 s back-off
    server.hits.clear()
    server.retry_in = 3600  # capped as a number of seconds is
    pauses.clear()
    fetch.fetch_one(server.url + "/busy-until", retries=1, backoff=0.01, timeout=1, sleep=pauses.append)
    assert pauses == [fetch.RETRY_AFTER_CAP] == [60.0]


def test_size_limit_message_says_50_mb(server, tmp_path):
    assert config.MAX_FILE_BYTES == 52_428_800
    rep = fetch.fetch([server.url + "/huge"], tmp_path, **FAST)
    assert rep.failed == [(server.url + "/huge", "page is 60 MB, above the 50 MB limit")]


# 17. robots.txt: wildcards, Crawl-delay, RFC 9309's unreachable rule ----------------------

def test_robots_wildcard_rules_are_obeyed(server, tmp_path):
    server.robots = (200, b"User-agent: *\nDisallow: /*?from=\nDisallow: /*.pdf$\n"
                          b"User-agent: lishui-analysis\nDisallow: /*?from=\nDisallow: /*.pdf$\nAllow: /news/\n")
    urls = [server.url + p for p in ("/news/a.html?from=rss", "/files/report.pdf", "/files/report.pdf?x=1",
                                     "/news/b.html")]
    rep = fetch.fetch(urls, tmp_path, **FAST)
    assert dict(rep.failed) == {urls[0]: "disallowed by the site's robots.txt",
                                urls[1]: "disallowed by the site's robots.txt"}
    assert sorted(u for u, _ in rep.saved) == sorted(urls[2:])
    assert set(server.hits) == {"/robots.txt", "/files/report.pdf?x=1", "/news/b.html"}


def test_robots_crawl_delay_is_a_minimum_delay(server, tmp_path):
    server.robots = (200, b"User-agent: *\nCrawl-delay: 0.3\n")
    fetch.fetch([server.url + p for p in ("/page1", "/page2", "/page3")], tmp_path, **FAST)
    times = [t for p, t in server.log]
    assert [p for p, _ in server.log] == ["/robots.txt", "/page1", "/page2", "/page3"]
    assert all(b - a >= 0.29 for a, b in pairwise(times))


def test_robots_crawl_delay_is_capped(server, tmp_path, monkeypatch):
    assert robots.CRAWL_DELAY_CAP == 60.0
    monkeypatch.setattr(robots, "CRAWL_DELAY_CAP", 0.2)  # stands for the minute
    server.robots = (200, b"User-agent: *\nCrawl-delay: 3600\n")
    t0 = time.monotonic()
    fetch.fetch([server.url + "/page1", server.url + "/page2"], tmp_path, **FAST)
    times = [t for _, t in server.log]
    assert times[2] - times[1] >= 0.19 and time.monotonic() - t0 < 2


def test_robots_unreachable_5xx_disallows_the_site(server, tmp_path):
    server.robots = (503, b"")
    urls = [server.url + "/page1", server.url + "/page2"]
    rep = fetch.fetch(urls, tmp_path, **FAST)
    reason = ("robots.txt unreachable (HTTP 503 Service Unavailable): the site is taken as disallowing all "
              "(RFC 9309)")
    assert rep.failed == [(urls[0], reason), (urls[1], reason)]
    assert server.hits == {"/robots.txt": 2}  # asked again once (retries=1), no page requested


def test_robots_network_failure_disallows_the_site(tmp_path):
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()  # nothing listens there: connection refused
    rep = fetch.fetch([f"http://127.0.0.1:{port}/page1"], tmp_path, **{**FAST, "retries": 0})
    (_url, why), = rep.failed
    assert why.startswith("robots.txt unreachable (network error (") and why.endswith("(RFC 9309)")


def test_robots_4xx_allows_all(server, tmp_path):
    for status in (404, 403):
        server.robots = (status, b"User-agent: *\nDisallow: /\n")
        rep = fetch.fetch([server.url + f"/page{status}"], tmp_path, **FAST)
        assert not rep.failed and len(rep.saved) == 1


def test_robots_product_token():
    assert robots.product_token(fetch.USER_AGENT) == "lishui-analysis"
    rules = robots.Robots.from_text(b"User-agent: fetcher\nDisallow: /\n")  # a word of the UA comment
    assert rules.refusal("http://x.example/a", fetch.USER_AGENT) is None
