"""Helpers of the fetch tests: a web server of invented pages on the loopback address, and the rows of the
``sources.csv`` a fetch writes."""
from __future__ import annotations

import csv
import threading
from contextlib import contextmanager
from http.server import ThreadingHTTPServer


@contextmanager
def local_server(handler, **attrs):
    """A server on ``127.0.0.1`` (a free port) answering with ``handler`` from a thread of its own, shut down at
    the end of the ``with`` block. Its ``url`` is its address; ``lock``, ``log`` and ``hits`` are for the
    handler to record requests in, and ``attrs`` set more of what the handler reads."""
    srv = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    srv.daemon_threads = True
    srv.lock, srv.log, srv.hits = threading.Lock(), [], {}
    for name, value in attrs.items():
        setattr(srv, name, value)
    threading.Thread(target=srv.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
    srv.url = f"http://127.0.0.1:{srv.server_address[1]}"
    try:
        yield srv
    finally:
        srv.shutdown()
        srv.server_close()


def read_sources(raw) -> dict:
    """The rows of ``raw``'s sources.csv, by URL."""
    with open(raw / "sources.csv", encoding="utf-8", newline="") as fh:
        return {r["url"]: r for r in csv.DictReader(fh)}
