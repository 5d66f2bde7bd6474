"""How each figure's and milestone's holder was found, as the reports use it (#17 item 8): the
``attributions`` parameter (``all``, or ``in_sentence``: only rows whose holder is named in their own
sentence) and the note each report prints on the weakest attributions (``subject_rule`` current_topic,
named_later: :data:`.review.OUTSIDE_SENTENCE_RULES`)."""
from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from .review import OUTSIDE_SENTENCE_RULES

#: Values of the ``attributions`` parameter: ``all`` keeps every figure and milestone; ``in_sentence`` keeps
#: those whose holder is named in their own sentence — ``subject_rule`` not one of
#: :data:`.review.OUTSIDE_SENTENCE_RULES` (the article's topic, a name after it) —, a check of whether a
#: finding stands without the weakest attributions.
ATTRIBUTIONS = ("all", "in_sentence")


@dataclass(frozen=True)
class LeftOut:
    """What ``attributions = "in_sentence"`` left out of a selection (:func:`in_sentence_only`): the ids of the
    figures and milestones whose holder was found outside their sentence, and how many of each."""
    ids: frozenset = frozenset()
    figures: int = 0
    milestones: int = 0


def in_sentence_only(out: dict) -> LeftOut:
    """Drops from ``out``'s quantities and events the rows whose holder was found outside their sentence
    (``attributions = "in_sentence"``); returns what it left out, for :func:`attribution_note`."""
    gone: set = set()
    counts = []
    for name, col in (("quantities", "quantity_id"), ("events", "event_id")):
        df = out[name]
        weak = df["subject_rule"].isin(OUTSIDE_SENTENCE_RULES) if "subject_rule" in df else pd.Series(False, index=df.index)
        gone |= set(df.loc[weak, col])
        out[name] = df[~weak].reset_index(drop=True)
        counts.append(int(weak.sum()))
    return LeftOut(frozenset(gone), *counts)


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
    attributions), and what the ``attributions`` parameter does about them (with ``in_sentence``, what the
    selection's ``left_out`` says: :func:`.selections.select`)."""
    q, e = tables["quantities"], tables["events"]
    if p.get("attributions") == "in_sentence":
        left = tables.get("left_out", LeftOut())
        return (f"Only figures and milestones whose holder is named in their own sentence: {left.figures} figures and "
                f"{left.milestones} milestones attributed from outside their sentence are left out (attributions = \"in_sentence\"); "
                "projects are assembled again without them, and conflicts resting on them are left out.")
    nq = int(q["subject_rule"].isin(OUTSIDE_SENTENCE_RULES).sum()) if "subject_rule" in q else 0
    ne = int(e["subject_rule"].isin(OUTSIDE_SENTENCE_RULES).sum()) if "subject_rule" in e else 0
    if not nq and not ne:
        return "Every figure and milestone selected has its holder named in its own sentence."
    return (f"{nq} of {len(q)} figures and {ne} of {len(e)} milestones have their holder found outside their own "
            "sentence (subject_rule current_topic or named_later: the article's topic, or a name after it) — the "
            "weakest attributions; the figure and milestone lists show each row's subject_rule, and the parameter "
            "attributions = \"in_sentence\" leaves them out.")
