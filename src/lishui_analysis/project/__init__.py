"""A researcher's own project, outside a clone of this repository.

``scaffold`` lays out a project folder (``lishui-analysis init DIR``): ``lishui.toml``, the
marker every command and notebook finds by searching upward (``config._find_root``),
``data/raw`` with an example ``sources.csv``, ``data/processed``, ``reports``, editable copies
of the packaged notebooks, ``params.yaml`` and a README. ``lab`` opens JupyterLab at the
project root with a kernel registered for the user (``lishui-analysis lab``).
"""
