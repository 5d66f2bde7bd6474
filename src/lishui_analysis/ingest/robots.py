"""A host's ``robots.txt`` for the fetcher: parsed by Protego, read as RFC 9309 says.

Protego understands what the standard library's ``urllib.robotparser`` does not: wildcards in
rules (``Disallow: /*?from=``, ``Disallow: /*.pdf$``), the longest-match precedence of
``Allow`` over ``Disallow``, and ``Crawl-delay``. What a reply means (RFC 9309, 2.3.1):

* 2xx: the rules in the file (the first :data:`ROBOTS_MAX_BYTES` of it, as Google reads 500 KiB);
* 4xx ("unavailable"): no rules, every URL may be fetched, except 429 (too many requests),
  which is a server asking to slow down and is taken as "unreachable", as Google does;
* 5xx or a network failure ("unreachable", after the fetcher's retries): every URL of the site
  is disallowed for this run.

``Crawl-delay`` is honoured as the least number of seconds between two requests to the host,
capped at :data:`CRAWL_DELAY_CAP`. This module only interprets a reply; the fetcher gets it.
"""
from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

from protego import Protego

#: bytes of robots.txt read (RFC 9309 asks crawlers to read at least 500 KiB)
ROBOTS_MAX_BYTES = 512 * 1024
#: a longer Crawl-delay than this (seconds) is taken as this
CRAWL_DELAY_CAP = 60.0
DISALLOWED = "disallowed by the site's robots.txt"


def robots_url(url: str) -> str:
    """The robots.txt URL of the site (scheme, host and port) of ``url``."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}/robots.txt"


def product_token(user_agent: str) -> str:
    """The product token that robots.txt ``User-agent`` lines name (RFC 9309 2.2.1), e.g.
    ``lishui-analysis`` for ``lishui-analysis/0.1.0 (research fetcher; …)``.

    >>> product_token("lishui-analysis/0.1.0 (research fetcher; +https://pypi.org/)")
    'lishui-analysis'
    """
    return (user_agent.split("/", 1)[0].split() or ["*"])[0]


@dataclass
class Robots:
    """What a site's robots.txt allows: ``rules`` (None: no rules), or everything refused
    with the reason in ``unreachable``."""

    rules: Protego | None = None
    unreachable: str | None = None

    @classmethod
    def from_text(cls, data: bytes) -> Robots:
        text = data[:ROBOTS_MAX_BYTES].decode("utf-8", errors="replace")
        return cls(rules=Protego.parse(text))

    @classmethod
    def from_status(cls, status: int | None, why: str) -> Robots:
        """The robots.txt could not be had: ``status`` is the HTTP status (None: network
        failure or timeout) and ``why`` the fetcher's reason."""
        if status is not None and 400 <= status < 500 and status != 429:
            return cls()
        return cls(unreachable=f"robots.txt unreachable ({why}): the site is taken as disallowing all (RFC 9309)")

    def refusal(self, url: str, user_agent: str) -> str | None:
        """Why ``url`` may not be fetched, or None when it may."""
        if self.unreachable:
            return self.unreachable
        if self.rules is not None and not self.rules.can_fetch(url, product_token(user_agent)):
            return DISALLOWED
        return None

    def crawl_delay(self, user_agent: str) -> float:
        """The site's ``Crawl-delay`` for this user agent in seconds (0 without one), capped."""
        if self.rules is None:
            return 0.0
        value = self.rules.crawl_delay(product_token(user_agent))
        return min(float(value), CRAWL_DELAY_CAP) if value else 0.0
