"""How each figure's and milestone's holder was found, as the reports use it (#17 item 8): the
``attributions`` parameter (``all``, or ``in_sentence``: only rows whose holder is named in their own
sentence) and the note each report prints on the weakest attributions (``subject_rule`` current_topic,
named_later: :data:`.review.OUTSIDE_SENTENCE_RULES`)."""
from __future__ import annotations

import pandas as pd

from .review import OUTSIDE_SENTENCE_RULES

#: Values of the ``attributions`` parameter: ``all`` keeps every figure and milestone; ``in_sentence`` keeps
#: those whose holder is named in their own sentence — ``subject_rule`` not one of
#: :data:`.review.OUTSIDE_SENTENCE_RULES` (the article's topic, a name after it) —, a check of whether a
#: finding stands without the weakest attributions.
ATTRIBUTIONS = ("all", "in_sentence")


def in_sentence_only(out: dict) -> set:
    """Drops from ``out``'s quantities and events the rows whose holder was found outside their sentence
    (``attributions = "in_sentence"``); returns their ids. The number left out of each table is kept in
    its ``attrs["outside_sentence"]`` for :func:`attribution_note`."""
    gone: set = set()
    for name, col in (("quantities", "quantity_id"), ("events", "event_id")):
        df = out[name]
        weak = df["subject_rule"].isin(OUTSIDE_SENTENCE_RULES) if "subject_rule" in df else pd.Series(False, index=df.index)
        gone |= set(df.loc[weak, col])
        out[name] = df[~weak].reset_index(drop=True)
        out[name].attrs["outside_sentence"] = int(weak.sum())
    return gone


def projects_in_sentence(tables: dict) -> pd.DataFrame:
    """The projects table assembled again from the corpus's figures and milestones whose holder is named in
    their own sentence (what the build assembles from all of them: :func:`.tables.projects.assemble_projects`)."""
    from ..tables.projects import assemble_projects

    q, e = (tables[n][~tables[n]["subject_rule"].isin(OUTSIDE_SENTENCE_RULES)] if "subject_rule" in tables[n]
            else tables[n] for n in ("quantities", "events"))
    pr = assemble_projects(q, e, tables["organizations"], tables.get("entities"))
    return pr if len(pr) else tables["projects"].iloc[0:0]


def attribution_note(tables: dict, p: dict) -> str:
    """How many of the selection's figures and milestones have a holder found outside their own sentence
    (``subject_rule`` current_topic, named_later: the article's topic or a name after it — the weakest
    attributions), and what the ``attributions`` parameter does about them."""
    q, e = tables["quantities"], tables["events"]
    if p.get("attributions") == "in_sentence":
        nq, ne = q.attrs.get("outside_sentence", 0), e.attrs.get("outside_sentence", 0)
        return (f"Only figures and milestones whose holder is named in their own sentence: {nq} figures and "
                f"{ne} milestones attributed from outside their sentence are left out (attributions = \"in_sentence\"); "
                "projects are assembled again without them, and conflicts resting on them are left out.")
    nq = int(q["subject_rule"].isin(OUTSIDE_SENTENCE_RULES).sum()) if "subject_rule" in q else 0
    ne = int(e["subject_rule"].isin(OUTSIDE_SENTENCE_RULES).sum()) if "subject_rule" in e else 0
    if not nq and not ne:
        return "Every figure and milestone selected has its holder named in its own sentence."
    return (f"{nq} of {len(q)} figures and {ne} of {len(e)} milestones have their holder found outside their own "
            "sentence (subject_rule current_topic or named_later: the article's topic, or a name after it) — the "
            "weakest attributions; the figure and milestone lists show each row's subject_rule, and the parameter "
            "attributions = \"in_sentence\" leaves them out.")
