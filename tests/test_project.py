"""A researcher's own project (issue #19, items 1 and 2): ``init``, the root found by its marker,
the notebooks shipped in the wheel, ``report``'s exit codes, and ``lab``'s command line and kernel."""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import pytest
import yaml

from conftest import ROOT
from lishui_analysis import cli, config
from lishui_analysis.errors import InputError

SRC = ROOT / "src"

#: An invented news text (no third-party text): one article with an investment figure.
INVENTED = """示例园区新材料项目开工

本报讯（记者 林一）5月18日，丽水经开区举行示例新材料产业园项目开工仪式。该项目由浙江示例新材料有限公司投资建设，总投资12.5亿元，用地面积150亩，计划于2025年6月竣工投产。

据介绍，该项目从签约到开工仅用时45天。
"""


#: A second invented text, added to the project after its first report.
INVENTED_LATER = """示例精工轴承项目封顶

本报讯（记者 郑二）6月2日，浙江示例精工轴承有限公司年产800万套精密轴承项目主体结构封顶，项目总投资4.6亿元。
"""


#: A third: the first text's plant under another name (a correction merges the two).
INVENTED_BASE = """示例新材料基地封顶

本报讯（记者 王三）9月28日，示例新材料基地主体结构顺利封顶，基地总投资12.5亿元。
"""


def _clean_env(**extra) -> dict:
    """This environment without what would point a child process elsewhere than asked."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("LISHUI_") and k != "PYTHONPATH"}
    return {**env, **extra}


def _cli(*args, cwd, **env):
    """``python -m lishui_analysis.cli ARGS`` with this checkout's package, in ``cwd``."""
    return subprocess.run([sys.executable, "-m", "lishui_analysis.cli", *map(str, args)], cwd=cwd,
                          env=_clean_env(PYTHONPATH=str(SRC), **env), capture_output=True, text=True, timeout=300)


def _one_line(text: str) -> str:
    lines = [ln for ln in text.splitlines() if ln.strip()]
    assert len(lines) == 1, text
    return lines[0]


# --- the project root: LISHUI_ROOT, then lishui.toml upward from the working folder, then a checkout, then cwd


def test_root_is_lishui_root_first(tmp_path, monkeypatch):
    (tmp_path / "p" / config.MARKER).parent.mkdir()
    (tmp_path / "p" / config.MARKER).write_text("")
    monkeypatch.setenv("LISHUI_ROOT", str(tmp_path / "elsewhere"))
    assert config._find_root(tmp_path / "p") == (tmp_path / "elsewhere").resolve()


def test_root_is_the_nearest_folder_above_the_working_folder_holding_the_marker(tmp_path, monkeypatch):
    monkeypatch.delenv("LISHUI_ROOT", raising=False)
    outer, inner = tmp_path / "outer", tmp_path / "outer" / "inner"
    (inner / "notebooks" / "deep").mkdir(parents=True)
    (outer / config.MARKER).write_text("")
    assert config._find_root(outer) == outer.resolve()
    assert config._find_root(inner / "notebooks" / "deep") == outer.resolve()
    (inner / config.MARKER).write_text("")
    assert config._find_root(inner / "notebooks" / "deep") == inner.resolve()


def test_root_without_a_marker_is_the_source_checkout_then_the_working_folder(tmp_path, monkeypatch):
    monkeypatch.delenv("LISHUI_ROOT", raising=False)
    (tmp_path / config.MARKER).mkdir()  # a folder of that name is no marker
    here = Path(config.__file__).resolve().parent
    if any((p / "pyproject.toml").exists() and (p / "notebooks").is_dir() for p in here.parents):
        assert config._find_root(tmp_path) == ROOT
    monkeypatch.setattr(config, "PACKAGE_DIR", tmp_path / "site-packages" / "lishui_analysis")
    assert config._find_root(tmp_path) == tmp_path.resolve()


def test_a_kernel_started_below_the_project_finds_its_folders(tmp_path):
    """What a notebook's kernel does in JupyterLab (its working folder is notebooks/): the
    project's data/raw and data/processed, not notebooks/data/raw."""
    assert _cli("init", "proj", cwd=tmp_path).returncode == 0
    proj = (tmp_path / "proj").resolve()
    code = ("from lishui_analysis import config; from lishui_analysis.analysis.params import validate; "
            "p = validate(); print(config.PROJECT_ROOT); print(p['raw_dir']); print(p['processed_dir'])")
    r = subprocess.run([sys.executable, "-c", code], cwd=proj / "notebooks", env=_clean_env(PYTHONPATH=str(SRC)),
                       capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    assert r.stdout.split() == [str(proj), str(proj / "data" / "raw"), str(proj / "data" / "processed")]


# --- init


def test_init_lays_out_a_project(tmp_path):
    r = _cli("init", "proj", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    proj = tmp_path / "proj"
    for folder in ("data/raw", "data/processed", "notebooks", "reports"):
        assert (proj / folder).is_dir(), folder
    for f in ("lishui.toml", "README.md", "params.yaml", "corrections.yaml", "data/raw/sources.csv", "vocab/README.md"):
        assert (proj / f).is_file(), f
    assert "created_with" in tomllib.loads((proj / "lishui.toml").read_text(encoding="utf-8"))["project"]
    corrections = (proj / "corrections.yaml").read_text(encoding="utf-8")
    assert yaml.safe_load(corrections) is None  # documented, every example commented out
    # each commented example is a valid corrections file once uncommented
    from lishui_analysis.tables.corrections import load_corrections

    lines = corrections.splitlines()
    after = lines[next(i for i, line in enumerate(lines) if line.startswith("# Examples")) + 1:]
    example = "\n".join(line[2:] for line in after)
    (tmp_path / "example.yaml").write_text(example, encoding="utf-8")
    assert len(load_corrections(tmp_path / "example.yaml").entries) == 6
    assert "lishui-analysis report" in (proj / "README.md").read_text(encoding="utf-8")
    assert str(proj.resolve()) in r.stdout


def test_init_copies_every_packaged_notebook_asking_for_the_lab_kernel(tmp_path):
    import nbformat

    from lishui_analysis.project.scaffold import init_project

    init_project(tmp_path / "proj")
    packaged = sorted(p.name for p in config.PACKAGED_NOTEBOOKS_DIR.glob("[0-9][0-9]_*.ipynb"))
    assert packaged and sorted(p.name for p in (tmp_path / "proj" / "notebooks").iterdir()) == packaged
    for name in packaged:
        copy = nbformat.read(str(tmp_path / "proj" / "notebooks" / name), as_version=4)
        original = nbformat.read(str(config.PACKAGED_NOTEBOOKS_DIR / name), as_version=4)
        assert [c.source for c in copy.cells] == [c.source for c in original.cells]
        assert copy.metadata.kernelspec.name == config.LAB_KERNEL_NAME


def test_init_params_yaml_lists_every_parameter_with_its_default_and_meaning(tmp_path):
    from lishui_analysis.analysis.params import REGISTRY, defaults, validate
    from lishui_analysis.project.scaffold import init_project
    from lishui_analysis.report.runner import collect_parameters

    init_project(tmp_path / "proj")
    text = (tmp_path / "proj" / "params.yaml").read_text(encoding="utf-8")
    assert yaml.safe_load(text) is None  # all commented out: the file as made changes nothing
    for name in REGISTRY:
        assert f"\n# {name} — " in text and f"\n# {name}: " in text, name
    assert "万元/亩" in text and "en" in text  # meanings come from the notebooks' parameter cells
    # every `# name: value` line uncommented is a valid parameters file holding the defaults
    opened = tmp_path / "all.yaml"
    opened.write_text(re.sub(r"(?m)^# (?=[a-z_]+: )", "", text), encoding="utf-8")
    values = collect_parameters(opened, [])
    assert set(values) == set(REGISTRY)
    for name, value in defaults().items():
        assert values[name] == value
    validate(**values)


def test_the_example_sources_row_is_ignored_by_build_and_fetch(tmp_path):
    from lishui_analysis.ingest.fetch import read_url_list
    from lishui_analysis.ingest.load import read_sources
    from lishui_analysis.project.scaffold import init_project

    init_project(tmp_path / "proj")
    raw = tmp_path / "proj" / "data" / "raw"
    text = (raw / "sources.csv").read_text(encoding="utf-8")
    assert len(text.splitlines()) == 2 and "example.com" in text
    assert read_sources(raw) == {}
    with pytest.raises(InputError, match="no URL to fetch"):
        read_url_list(raw / "sources.csv")


def test_init_refuses_a_folder_that_is_not_empty(tmp_path):
    proj = tmp_path / "proj"
    proj.mkdir()
    (proj / "notes.txt").write_text("mine", encoding="utf-8")
    r = _cli("init", "proj", cwd=tmp_path)
    assert r.returncode == 2
    assert "is not empty" in _one_line(r.stderr) and "--force" in r.stderr
    assert sorted(p.name for p in proj.iterdir()) == ["notes.txt"]


def test_init_force_adds_what_is_missing_and_never_overwrites(tmp_path):
    proj = tmp_path / "proj"
    (proj / "notebooks").mkdir(parents=True)
    (proj / "params.yaml").write_text("lang: zh\n", encoding="utf-8")
    (proj / "notebooks" / "00_corpus_overview.ipynb").write_text("my edits", encoding="utf-8")
    r = _cli("init", "proj", "--force", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert (proj / "params.yaml").read_text(encoding="utf-8") == "lang: zh\n"
    assert (proj / "notebooks" / "00_corpus_overview.ipynb").read_text(encoding="utf-8") == "my edits"
    assert (proj / "lishui.toml").is_file() and (proj / "notebooks" / "01_investment.ipynb").is_file()
    assert "kept as they were: params.yaml, notebooks/00_corpus_overview.ipynb" in r.stdout


def test_init_into_a_file_is_refused(tmp_path):
    (tmp_path / "proj").write_text("x", encoding="utf-8")
    r = _cli("init", "proj", cwd=tmp_path)
    assert r.returncode == 2 and "is a file" in _one_line(r.stderr)


# --- report: the project's notebooks, else the packaged ones; exit codes


def test_report_runs_the_projects_notebooks_else_the_packaged_ones(tmp_path, monkeypatch):
    from lishui_analysis.report import runner

    monkeypatch.setattr(config, "NOTEBOOKS_DIR", tmp_path / "notebooks")
    assert runner.notebooks_dir() == config.PACKAGED_NOTEBOOKS_DIR  # none in the project
    (tmp_path / "notebooks").mkdir()
    (tmp_path / "notebooks" / "README.md").write_text("")
    assert runner.notebooks_dir() == config.PACKAGED_NOTEBOOKS_DIR  # still none
    shutil.copy(config.PACKAGED_NOTEBOOKS_DIR / "00_corpus_overview.ipynb", tmp_path / "notebooks" / "07_mine.ipynb")
    assert runner.notebooks_dir() == tmp_path / "notebooks"
    assert runner.list_notebooks() == ["07_mine"]


def test_packaged_notebooks_are_the_repositorys_notebooks():
    """In a checkout report/notebooks is a link to notebooks/: the wheel ships what the repository holds."""
    ours = {p.name: p.read_bytes() for p in (ROOT / "notebooks").glob("*.ipynb")}
    shipped = {p.name: p.read_bytes() for p in config.PACKAGED_NOTEBOOKS_DIR.glob("*.ipynb")}
    assert ours and shipped == ours


def test_report_with_no_notebook_to_run_exits_non_zero(tmp_path, monkeypatch, capsys):
    (tmp_path / "raw").mkdir()
    (tmp_path / "raw" / "a.txt").write_text(INVENTED, encoding="utf-8")
    for name, path in (("NOTEBOOKS_DIR", tmp_path / "nb"), ("PACKAGED_NOTEBOOKS_DIR", tmp_path / "packaged"),
                       ("RAW_DIR", tmp_path / "raw"), ("PROCESSED_DIR", tmp_path / "processed")):
        monkeypatch.setattr(config, name, path, raising=False)
    rc = cli.main(["report", "--out", str(tmp_path / "reports")])
    assert rc == 2
    assert "no notebook to run" in _one_line(capsys.readouterr().err)
    assert not (tmp_path / "reports" / "index.html").exists()


def test_report_of_an_unknown_notebook_exits_non_zero_with_one_line(tmp_path, capsys):
    rc = cli.main(["report", "99_no_such", "--out", str(tmp_path / "reports")])
    assert rc == 2
    line = _one_line(capsys.readouterr().err)
    assert "99_no_such.ipynb: no such notebook (available: 00_corpus_overview," in line
    assert not (tmp_path / "reports").exists()


# --- lab: the command it runs and the kernel it registers (Lab itself is not started)


def test_lab_command_line_roots_lab_at_the_project_and_passes_arguments_through(tmp_path):
    from lishui_analysis.project.lab import lab_argv, lab_env

    argv = lab_argv(tmp_path, ["--no-browser", "--port", "9000"], euid=0)
    assert argv == [sys.executable, "-m", "jupyterlab", f"--ServerApp.root_dir={tmp_path}", "--allow-root",
                    "--no-browser", "--port", "9000"]
    assert "--allow-root" not in lab_argv(tmp_path, [], euid=1000)
    assert lab_argv(tmp_path, ["--allow-root"], euid=0).count("--allow-root") == 1
    assert lab_env(tmp_path)["LISHUI_ROOT"] == str(tmp_path)
    args = cli.parse_args(["lab", "--no-browser", "--ServerApp.token=x", "--port", "1"])
    assert args.lab_args == ["--no-browser", "--ServerApp.token=x", "--port", "1"]
    with pytest.raises(SystemExit):
        cli.parse_args(["build", "--no-browser"])  # only lab passes unknown arguments on


def test_lab_registers_a_user_kernel_that_runs_this_python(tmp_path, monkeypatch):
    from jupyter_client.kernelspec import KernelSpecManager

    from lishui_analysis.project.lab import install_kernel

    monkeypatch.setenv("JUPYTER_DATA_DIR", str(tmp_path / "jupyter"))
    spec_dir = install_kernel()
    kernel = json.loads((tmp_path / "jupyter" / "kernels" / config.LAB_KERNEL_NAME / "kernel.json").read_text())
    assert spec_dir == tmp_path / "jupyter" / "kernels" / config.LAB_KERNEL_NAME
    assert kernel["argv"][0] == sys.executable and "ipykernel_launcher" in kernel["argv"]
    assert config.LAB_KERNEL_NAME in KernelSpecManager().find_kernel_specs()


def test_lab_registers_the_kernel_then_hands_over_to_jupyterlab(tmp_path, monkeypatch, capsys):
    from lishui_analysis.project import lab

    monkeypatch.setenv("JUPYTER_DATA_DIR", str(tmp_path / "jupyter"))
    ran = {}
    monkeypatch.setattr(lab.os, "chdir", lambda path: ran.setdefault("cwd", path))
    monkeypatch.setattr(lab.os, "execve", lambda exe, argv, env: ran.update(exe=exe, argv=argv, env=env))
    assert cli.main(["lab", "--no-browser"]) == 0
    assert ran["argv"] == lab.lab_argv(config.PROJECT_ROOT, ["--no-browser"]) and ran["exe"] == sys.executable
    assert ran["cwd"] == config.PROJECT_ROOT and ran["env"]["LISHUI_ROOT"] == str(config.PROJECT_ROOT)
    assert (tmp_path / "jupyter" / "kernels" / config.LAB_KERNEL_NAME / "kernel.json").is_file()


def test_jupyterlab_is_a_regular_dependency():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert any(d.startswith("jupyterlab") for d in project["dependencies"])
    assert not any(d.startswith("jupyterlab") for d in project["optional-dependencies"]["dev"])


# --- from the wheel, in a fresh virtual environment


def _copy_source(dst: Path) -> None:
    """What a wheel is built from, copied (the checkout is left untouched by the build)."""
    dst.mkdir()
    for name in ("pyproject.toml", "README.md", "LICENSE"):
        shutil.copy2(ROOT / name, dst / name)
    ignore = shutil.ignore_patterns("__pycache__", "*.egg-info", ".ipynb_checkpoints")
    shutil.copytree(ROOT / "src", dst / "src", symlinks=True, ignore=ignore)
    shutil.copytree(ROOT / "notebooks", dst / "notebooks", ignore=ignore)


def _fresh_venv(path: Path) -> Path:
    """A new virtual environment whose dependencies are this one's, without network: ``venv
    --system-site-packages`` would see the base interpreter's packages, not those of the
    virtual environment the tests run in, so a .pth file names this environment's
    site-packages folders (plain paths: their .pth files, an editable install's among them,
    are not read)."""
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(path)], check=True, timeout=120)
    python = path / "bin" / "python"
    purelib = subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                             capture_output=True, text=True, check=True, env=_clean_env()).stdout.strip()
    ours = [p for p in sys.path if Path(p).name in ("site-packages", "dist-packages") and Path(p).is_dir()]
    Path(purelib, "_test_parent_env.pth").write_text("\n".join(ours) + "\n", encoding="utf-8")
    # Data files the dependencies installed beside them (nbconvert's templates …), kernels apart.
    shared = Path(sys.prefix, "share", "jupyter")
    if shared.is_dir():
        (path / "share" / "jupyter").mkdir(parents=True)
        for entry in shared.iterdir():
            if entry.name != "kernels":
                (path / "share" / "jupyter" / entry.name).symlink_to(entry)
    return python


@pytest.mark.slow
def test_wheel_in_a_fresh_venv_inits_a_project_and_reports_from_its_notebooks_folder(tmp_path):
    import setuptools

    if int(setuptools.__version__.split(".")[0]) < 77:
        pytest.fail(f"setuptools {setuptools.__version__} cannot build this package offline (>= 77 needed, "
                    "a dev dependency): pip install -e '.[dev]'")
    _copy_source(tmp_path / "source")
    built = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--no-index",
                            "-w", str(tmp_path / "wheel"), str(tmp_path / "source")],
                           capture_output=True, text=True, timeout=600, env=_clean_env())
    assert built.returncode == 0, built.stdout + built.stderr
    (wheel,) = (tmp_path / "wheel").glob("lishui_analysis-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    for nb in (ROOT / "notebooks").glob("*.ipynb"):
        assert f"lishui_analysis/report/notebooks/{nb.name}" in names
    assert "lishui_analysis/project/templates/lishui.toml" in names

    python = _fresh_venv(tmp_path / "venv")
    env = _clean_env(JUPYTER_DATA_DIR=str(tmp_path / "jupyter"))
    subprocess.run([str(python), "-m", "pip", "install", "--quiet", "--no-deps", "--no-index", str(wheel)],
                   check=True, timeout=300, env=env)
    where = subprocess.run([str(python), "-c", "import lishui_analysis; print(lishui_analysis.__file__)"],
                           capture_output=True, text=True, check=True, cwd=tmp_path, env=env).stdout
    assert where.startswith(str(tmp_path / "venv")), where

    exe = tmp_path / "venv" / "bin" / "lishui-analysis"
    run = lambda *args, cwd: subprocess.run([str(exe), *args], cwd=cwd, env=env, capture_output=True,  # noqa: E731
                                            text=True, timeout=600)
    r = run("init", "proj", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    proj = tmp_path / "proj"
    (proj / "data" / "raw" / "2024-05-20_invented.txt").write_text(INVENTED, encoding="utf-8")

    r = run("report", "00_corpus_overview", cwd=proj / "notebooks")
    assert r.returncode == 0, r.stdout + r.stderr
    assert (proj / "reports" / "00_corpus_overview.html").stat().st_size > 0
    assert (proj / "data" / "processed" / "manifest.json").is_file()
    assert not (proj / "notebooks" / "data").exists() and not (proj / "notebooks" / "reports").exists()
    summary = json.loads((proj / "reports" / "00_corpus_overview.json").read_text(encoding="utf-8"))
    assert (summary["n_files"], summary["n_articles"]) == (1, 1)

    r = run("report", "99_no_such", cwd=proj / "notebooks")
    assert r.returncode != 0 and "no such notebook" in _one_line(r.stderr)

    # a text added later is in the next report without a build (issue #19, item 5), a dated run kept
    (proj / "data" / "raw" / "2024-06-03_later.txt").write_text(INVENTED_LATER, encoding="utf-8")
    r = run("report", "00_corpus_overview", "--run-dir", cwd=proj)
    assert r.returncode == 0, r.stdout + r.stderr
    assert "data/raw changed (1 file added): rebuilding data/processed from data/raw …" in r.stderr.splitlines()
    summary = json.loads((proj / "reports" / "latest" / "00_corpus_overview.json").read_text(encoding="utf-8"))
    assert (summary["n_files"], summary["n_articles"]) == (2, 2)

    # a correction merging two names of one plant gives one entity, in the tables and the reports, and
    # survives the rebuild a later text brings (issue #19, item 3)
    (proj / "data" / "raw" / "2024-09-30_base.txt").write_text(INVENTED_BASE, encoding="utf-8")
    (proj / "corrections.yaml").write_text(
        "merge:\n  - names: [示例新材料产业园项目, 示例新材料基地]\n    reason: one plant, two names\n", encoding="utf-8")
    for _ in range(2):
        r = run("report", "05_project_profiles", cwd=proj)
        assert r.returncode == 0, r.stdout + r.stderr
        entities = (proj / "data" / "processed" / "entities.csv").read_text(encoding="utf-8-sig").splitlines()
        plant = [e for e in entities if "示例新材料产业园项目" in e or "示例新材料基地" in e]
        assert len(plant) == 1 and "示例新材料产业园项目" in plant[0] and "示例新材料基地" in plant[0], plant
        profiles = json.loads((proj / "reports" / "05_project_profiles.json").read_text(encoding="utf-8"))["profiles"]
        assert "示例新材料基地" not in profiles and profiles["示例新材料产业园项目"]["milestones"] >= 2
        (proj / "data" / "raw" / "2024-10-08_more.txt").write_text(INVENTED_LATER.replace("6月2日", "10月6日"),
                                                                   encoding="utf-8")
