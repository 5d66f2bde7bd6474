"""Notebooks written for the report tests: each a parameters cell (``report_dir``, which every report takes)
and one cell of code, on the project's kernel."""
from __future__ import annotations

from pathlib import Path


def write_notebooks(folder: Path, cells: dict[str, str]) -> None:
    """Writes ``NAME.ipynb`` into ``folder`` for each ``NAME: code`` of ``cells``."""
    import nbformat

    from lishui_analysis import config

    for name, code in cells.items():
        nb = nbformat.v4.new_notebook()
        nb.metadata["kernelspec"] = {"name": config.KERNEL_NAME, "display_name": "lishui-analysis", "language": "python"}
        params = nbformat.v4.new_code_cell('report_dir = ""')
        params.metadata["tags"] = ["parameters"]
        nb.cells = [params, nbformat.v4.new_code_cell(code)]
        nbformat.write(nb, folder / f"{name}.ipynb")
