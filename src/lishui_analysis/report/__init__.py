"""Stage 5 — reports: notebooks run by papermill, rendered to self-contained HTML
(``runner``; the nbconvert template in ``templates/``, the tables' script and style in
``static/``), with the index page, per-report summaries and ``changes.json``."""
from __future__ import annotations

from .runner import (  # noqa: F401
    collect_parameters, list_notebooks, notebook_parameters, render_html, run_reports, write_summary,
)
