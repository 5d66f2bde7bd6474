"""fetch.py against a local HTTP server started here (127.0.0.1 only): redirects, 404, 500 then
success, a slow server past the timeout, a GBK page, a 10 MB page, a non-HTML reply; politeness
(User-Agent, one request at a time per host with a delay) and re-runs that skip what is there."""
import hashlib
import time
from http.server import BaseHTTPRequestHandler

import pytest

from fetch_server import local_server, read_sources
from lishui_analysis import cli
from lishui_analysis.ingest import fetch, load

PAGE = ("<html><head><meta charset='utf-8'><title>经开区项目开工_示例网</title></head><body><h1>经开区项目开工</h1>"
        "<div class='content'><p>经开区项目开工，总投资5亿元。今年新签约项目六个，达产后年产值超十亿元。</p></div>"
        "</body></html>").encode("utf-8")
GBK_PAGE = ("<html><head><meta charset='gbk'><title>丽水新闻标题</title></head><body><h1>丽水新闻标题</h1>"
            "<p>丽水经开区新材料产业园一期封顶，总投资十五亿元，建成后可容纳二十余家企业。</p></body></html>").encode("gbk")
BIG_PAGE = b"<html><body><div>" + "<p>经开区项目开工，总投资5亿元。</p>".encode("utf-8") * 250_000 + b"</div></body></html>"


class _Handler(BaseHTTPRequestHandler):
    def log_message(self, *args):  # quiet
        pass

    def _send(self, status, body=b"", ctype="text/html; charset=utf-8", headers=()):
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        for k, v in headers:
            self.send_header(k, v)
        self.end_headers()
        try:
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass

    def do_GET(self):
        srv = self.server
        with srv.lock:
            srv.log.append((self.path, time.monotonic(), self.headers.get("User-Agent", "")))
            srv.hits[self.path] = srv.hits.get(self.path, 0) + 1
            hits = srv.hits[self.path]
        if self.path in ("/page.html", "/a.html", "/b.html"):
            self._send(200, PAGE)
        elif self.path == "/old":
            self._send(301, b"", headers=[("Location", "/page.html")])
        elif self.path == "/missing":
            self._send(404, b"not here")
        elif self.path == "/flaky":
            self._send(500, b"oops") if hits == 1 else self._send(200, PAGE)
        elif self.path == "/busy":
            self._send(429, b"", headers=[("Retry-After", "0")]) if hits == 1 else self._send(200, PAGE)
        elif self.path == "/slow":
            time.sleep(1.0)
            self._send(200, PAGE)
        elif self.path == "/gbk.html":
            self._send(200, GBK_PAGE, ctype="text/html; charset=gbk")
        elif self.path == "/big.html":
            self._send(200, BIG_PAGE)
        elif self.path == "/robots.txt":
            self._send(200, b"User-agent: *\nDisallow: /private/\n", ctype="text/plain")
        elif self.path == "/private/page.html":
            self._send(200, PAGE)
        elif self.path == "/doc.pdf":
            self._send(200, b"%PDF-1.4 ...", ctype="application/pdf")
        else:
            self._send(404)


@pytest.fixture
def server():
    with local_server(_Handler) as srv:
        yield srv


FAST = dict(delay=0.0, timeout=0.5, retries=2, backoff=0.01)


def test_pages_are_saved_unchanged_and_listed_in_sources(server, tmp_path):
    urls = [server.url + p for p in ("/page.html", "/gbk.html", "/big.html", "/old")]
    rep = fetch.fetch(urls, tmp_path, **FAST)
    assert not rep.failed and len(rep.saved) == 4
    rows = read_sources(tmp_path)
    for url, body in zip(urls, (PAGE, GBK_PAGE, BIG_PAGE, PAGE)):  # /old redirects to the page
        saved = (tmp_path / rows[url]["file"]).read_bytes()
        assert saved == body  # raw bytes, not re-encoded
        assert rows[url]["sha256"] == hashlib.sha256(body).hexdigest()
        assert rows[url]["fetched_at"].endswith("Z")
    assert len(BIG_PAGE) > 10_000_000
    # the saved pages build: the GBK page reads as GBK
    doc = load.read_document(tmp_path / rows[urls[1]]["file"], tmp_path)
    assert doc.encoding == "gb18030" and doc.page["title"] == "丽水新闻标题"
    assert all(ua.startswith("lishui-analysis/") for _, _, ua in server.log)


def test_failures_are_reported_with_their_reason(server, tmp_path):
    urls = [server.url + p for p in ("/missing", "/doc.pdf", "/slow")]
    rep = fetch.fetch(urls, tmp_path, **{**FAST, "timeout": 0.2, "retries": 1})
    why = dict(rep.failed)
    assert why[urls[0]] == "HTTP 404 Not Found"
    assert why[urls[1]] == "not a web page (Content-Type: application/pdf)"
    assert why[urls[2]].startswith("timed out")
    assert server.hits["/missing"] == 1  # a 404 is not retried
    assert server.hits["/slow"] == 2     # a timeout is, once here
    assert not rep.saved and not (tmp_path / "sources.csv").exists()
    assert "failed 3" in rep.summary() and "/missing: HTTP 404" in rep.summary()


def test_server_errors_and_429_are_retried_until_success(server, tmp_path):
    rep = fetch.fetch([server.url + "/flaky", server.url + "/busy"], tmp_path, **FAST)
    assert not rep.failed and len(rep.saved) == 2
    assert server.hits["/flaky"] == 2 and server.hits["/busy"] == 2


def test_a_page_above_the_size_limit_is_not_saved(server, tmp_path):
    rep = fetch.fetch([server.url + "/big.html"], tmp_path, **FAST, max_bytes=1_000_000)
    assert "above the 1 MB limit" in rep.failed[0][1] and not list(tmp_path.glob("*.html"))


def test_one_request_at_a_time_per_host_with_a_delay(server, tmp_path):
    urls = [server.url + p for p in ("/page.html", "/a.html", "/b.html")]
    fetch.fetch(urls, tmp_path, **{**FAST, "delay": 0.15})
    times = [t for _, t, _ in server.log]  # robots.txt first, then the three pages
    assert [p for p, _, _ in server.log] == ["/robots.txt", "/page.html", "/a.html", "/b.html"]
    assert all(b - a >= 0.14 for a, b in zip(times, times[1:]))


def test_robots_txt_is_read_once_per_host_and_obeyed(server, tmp_path):
    urls = [server.url + "/page.html", server.url + "/private/page.html"]
    rep = fetch.fetch(urls, tmp_path, **FAST)
    assert [u for u, _ in rep.saved] == urls[:1]
    assert rep.failed == [(urls[1], "disallowed by the site's robots.txt")]
    assert server.hits["/robots.txt"] == 1 and "/private/page.html" not in server.hits


def test_rerun_skips_what_is_there_and_fetches_what_is_missing(server, tmp_path):
    urls = [server.url + "/page.html", server.url + "/flaky"]
    fetch.fetch(urls[:1], tmp_path, **FAST)
    rep = fetch.fetch(urls, tmp_path, **FAST)
    assert rep.skipped == urls[:1] and [u for u, _ in rep.saved] == urls[1:]
    assert server.hits["/page.html"] == 1 and server.hits["/robots.txt"] == 2  # once per fetch run
    assert set(read_sources(tmp_path)) == set(urls)


def test_url_column_of_sources_csv_is_a_url_list(server, tmp_path):
    # a manifest of URLs still to fetch, with the researcher's own columns: kept, and the build
    # can run before every row has its file
    (tmp_path / "sources.csv").write_text(
        f"file,url,publication\n,{server.url}/page.html,示例网\n,{server.url}/missing,另一网\n", encoding="utf-8")
    urls = fetch.read_url_list(tmp_path / "sources.csv")
    assert urls == [server.url + "/page.html", server.url + "/missing"]
    fetch.fetch(urls, tmp_path, **FAST)
    rows = read_sources(tmp_path)
    assert rows[urls[0]]["publication"] == "示例网" and rows[urls[0]]["file"].endswith(".html")
    assert rows[urls[1]]["file"] == "" and rows[urls[1]]["publication"] == "另一网"
    assert list(load.read_sources(tmp_path)) == [rows[urls[0]]["file"]]


def test_url_list_text_file_and_its_errors(tmp_path):
    p = tmp_path / "urls.txt"
    p.write_text("# zone news\nhttps://a.example/1.html\n\nhttps://a.example/1.html\nhttp://b.example/2\n", encoding="utf-8")
    assert fetch.read_url_list(p) == ["https://a.example/1.html", "http://b.example/2"]
    p.write_text("https://a.example/1.html\nftp://b.example/x\n", encoding="utf-8")
    with pytest.raises(Exception, match=r"urls.txt:2: not an http\(s\) URL"):
        fetch.read_url_list(p)


def test_file_names_are_unique_and_safe():
    a = fetch.file_name_for("https://news.example.com/a/b.html?x=1")
    b = fetch.file_name_for("https://news.example.com/a/b.html?x=2")
    assert a != b and a.endswith(".html") and "/" not in a and "?" not in a


def test_cli_fetch_prints_a_summary_and_fails_when_a_page_failed(server, tmp_path, capsys):
    lst = tmp_path / "urls.txt"
    lst.write_text(f"{server.url}/page.html\n{server.url}/missing\n", encoding="utf-8")
    raw = tmp_path / "raw"
    code = cli.main(["fetch", str(lst), "--raw", str(raw), "--delay", "0", "--timeout", "1", "--retries", "0"])
    out = capsys.readouterr().out
    assert code == 1 and "fetched 1, already there 0, failed 1" in out and "HTTP 404" in out
    assert len(list(raw.glob("*.html"))) == 1


def test_a_gbk_sources_csv_is_read_and_kept(server, tmp_path):
    (tmp_path / "sources.csv").write_bytes(f"file,url,publication\n,{server.url}/page.html,丽水日报\n".encode("gb18030"))
    urls = fetch.read_url_list(tmp_path / "sources.csv")
    fetch.fetch(urls, tmp_path, **FAST)
    assert read_sources(tmp_path)[urls[0]]["publication"] == "丽水日报"
