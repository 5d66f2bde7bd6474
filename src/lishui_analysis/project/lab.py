"""``lishui-analysis lab``: JupyterLab at the project root, with a kernel that has the package.

The kernel is registered for the user (``ipykernel install --user``: ``~/.local/share/jupyter``,
or ``JUPYTER_DATA_DIR``), so a JupyterLab installed elsewhere lists it too; the project's
notebooks ask for it by name. Lab runs from this environment, rooted at the project (so
``data/``, ``notebooks/`` and ``reports/`` are all in reach), with ``--allow-root`` when run as
root; extra arguments go to Lab as they are.
"""
from __future__ import annotations

import importlib.util
import os
import sys
from pathlib import Path

from .. import config
from ..errors import InputError


def install_kernel() -> Path:
    """Register (or refresh) the kernel :data:`config.LAB_KERNEL_NAME` for this interpreter,
    for the current user; returns the kernel spec's folder."""
    from ipykernel.kernelspec import install

    return Path(install(user=True, kernel_name=config.LAB_KERNEL_NAME, display_name=config.LAB_KERNEL_NAME))


def lab_argv(root: Path, extra: list[str], euid: int | None = None) -> list[str]:
    """The command that opens JupyterLab at ``root``.

    >>> lab_argv(Path("/p"), ["--port", "9000"], euid=0)[1:]
    ['-m', 'jupyterlab', '--ServerApp.root_dir=/p', '--allow-root', '--port', '9000']
    >>> "--allow-root" in lab_argv(Path("/p"), [], euid=1000)
    False
    """
    if euid is None:
        euid = os.geteuid() if hasattr(os, "geteuid") else -1
    argv = [sys.executable, "-m", "jupyterlab", f"--ServerApp.root_dir={root}"]
    if euid == 0 and "--allow-root" not in extra:
        argv.append("--allow-root")
    return argv + list(extra)


def lab_env(root: Path) -> dict[str, str]:
    """Lab's environment: this one, with ``LISHUI_ROOT`` naming the project, so that every kernel
    Lab starts (in whichever folder its notebook is) uses the same project."""
    return {**os.environ, "LISHUI_ROOT": str(root)}


def open_lab(root: Path, extra: list[str]) -> int:
    if importlib.util.find_spec("jupyterlab") is None:
        raise InputError("jupyterlab", f"not installed in this environment ({sys.prefix}); "
                                       "pip install jupyterlab, or reinstall lishui-analysis")
    spec = install_kernel()
    print(f"kernel {config.LAB_KERNEL_NAME} registered in {spec}; JupyterLab at {root}", flush=True)
    argv = lab_argv(root, extra)
    os.chdir(root)
    sys.stderr.flush()
    # Lab takes this process's place: Ctrl-C and SIGTERM reach it, and its exit status is ours.
    os.execve(argv[0], argv, lab_env(root))
    return 0  # not reached
