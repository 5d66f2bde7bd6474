"""Step ``holders.builders`` of :func:`.holders.find_holders`: the company a project is built by,
when the text ties them (the project's organization, its parent company in the entities table)."""
from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .holders import _Reading

#: What an owner does to its project, said right after it is named as the builder (由X牵头投资建设,
#: X投资建设的…项目). A contractor's words (承建, 施工) are not among them: a builder is no owner.
_BUILDS = r"(?:牵头)?(?:投资|出资|投建|建设|开发|兴建|实施|打造)+"
_BUILT_BY = re.compile("由")
_BUILDS_RE = re.compile(_BUILDS)
_BUILDS_OF_RE = re.compile(_BUILDS + "的")


def _builders(r: _Reading) -> None:
    """The company a project is built by, when the text says so in one of two forms — the project,
    then 由 and the company with an owner's verb (``星河轴承项目由浙江云岭精工有限公司投资建设``), or
    the company with an owner's verb and 的 right before the project (``浙江云岭精工有限公司投资建设的
    星河轴承项目``) — becomes the project's organization (its parent company in the entities table).

    >>> from .organizations import extract_org_mentions
    >>> from .holders import _Reading, _head_phrases, _organizations
    >>> text = "星河轴承项目由浙江云岭精工有限公司投资建设。"
    >>> r = _Reading(text, extract_org_mentions(text)); _head_phrases(r); _organizations(r); _builders(r)
    >>> [(h.name, h.org.name if h.org else "") for h in r.found if h.kind == "project"]
    [('星河轴承项目', '浙江云岭精工有限公司')]
    """
    text = r.text
    companies = {o.start: o for o in r.orgs if o.org_type in ("company", "fund")}
    if not companies:
        return
    by_end = {o.end: o for o in companies.values()}
    for k, h in enumerate(r.found):
        if h.kind != "project" or h.org is not None:
            continue
        owner = None
        if text.startswith("由", h.end):  # …项目由X投资建设
            o = companies.get(h.end + 1)
            if o is not None and _BUILDS_RE.match(text, o.end):
                owner = o
        if owner is None:  # X投资建设的…项目: an owner's verb (3 to 8 characters) and 的 right before it
            for width in range(3, 9):
                m = _BUILDS_OF_RE.fullmatch(text, max(0, h.start - width), h.start)
                if m is not None and m.start() in by_end:
                    owner = by_end[m.start()]
                    break
        if owner is not None:
            r.found[k] = replace(h, org=owner)
