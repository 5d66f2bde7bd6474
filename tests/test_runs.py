"""Fresh by default and scheduled runs that hold (issue #19, items 5 and 6).

* ``load_tables()`` and ``report`` rebuild the tables when data/raw (files added, removed, changed; its
  sources.csv), corrections.yaml or vocab/ changed since the build, saying so in one line; an explicit
  opt-out (``fresh=False``, ``LISHUI_NO_REBUILD``, ``report --no-rebuild``) uses them as they are.
* ``report --run-dir`` writes reports/runs/YYYY-MM-DD[-N]/ with changes.json against the last good run,
  reports/latest shows the last good run, a failed notebook never replaces a good report.
* The README's cron line, the systemd units and the CI workflow of examples/ run as written.

Every text here is invented for these tests.
"""
from __future__ import annotations

import datetime as dt
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import ROOT
from notebook_files import write_notebooks
from lishui_analysis import config
from lishui_analysis.errors import InputError
from lishui_analysis.report import rundirs
from lishui_analysis.report.runner import run_reports
from lishui_analysis.tables import corpus, freshness

TEXTS = {
    "2025-03-11_qingtian.txt": "青田示例复合材料项目开工\n本报讯（记者 王五 通讯员 赵六）3月10日，青田示例新材料有限公司"
                               "年产5万吨复合材料项目在经开区开工。该项目总投资8.4亿元，用地96亩，预计2026年6月投产。\n",
    "2025-04-02_jinyun.txt": "缙云示例智能装备厂房封顶\n本报讯（记者 孙七）4月1日，缙云示例智能装备有限公司厂房主体结构封顶，"
                             "项目总投资3.2亿元，比计划提前20天。\n",
}
ADDED = ("2025-05-06_songyang.txt", "松阳示例储能电池项目签约\n本报讯（记者 周八）5月5日，松阳示例储能电池有限公司"
                                    "年产2GWh储能电池项目签约落户经开区，计划总投资12亿元，用地150亩。\n")

BIN = Path(sys.executable).parent
#: The placeholders the examples and the README use for the project folder and the installed command.
PROJECT_PLACEHOLDER, EXE_PLACEHOLDER = "/srv/lishui-project", "/opt/lishui/bin/"


def _clean_env(**extra) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith("LISHUI_") and k != "PYTHONPATH"}
    return {**env, **extra}


@pytest.fixture
def project(tmp_path, monkeypatch):
    """A project folder (marker, data/raw with two invented texts) configured for this process."""
    root = tmp_path / "proj"
    for sub in ("data/raw", "data/processed", "reports", "notebooks"):
        (root / sub).mkdir(parents=True)
    (root / config.MARKER).write_text("[project]\n", encoding="utf-8")
    for name, text in TEXTS.items():
        (root / "data" / "raw" / name).write_text(text, encoding="utf-8")
    for var in ("LISHUI_ROOT", "LISHUI_RAW", "LISHUI_PROCESSED", "LISHUI_REPORTS", freshness.NO_REBUILD_ENV):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.chdir(root)
    _forget_vocabularies()
    monkeypatch.setattr(freshness, "_SAID", set())
    for attr, value in (("PROJECT_ROOT", root), ("RAW_DIR", root / "data" / "raw"),
                        ("PROCESSED_DIR", root / "data" / "processed"), ("REPORTS_DIR", root / "reports"),
                        ("NOTEBOOKS_DIR", root / "notebooks"), ("CORRECTIONS_FILE", root / "corrections.yaml"),
                        ("VOCAB_DIR", root / "vocab")):
        monkeypatch.setattr(config, attr, value)
    yield root
    _forget_vocabularies()  # read from this project's vocab/: not for the next test


def _forget_vocabularies() -> None:
    from lishui_analysis import vocab

    for f in vars(vocab).values():
        if hasattr(f, "cache_clear"):
            f.cache_clear()


def _err_lines(capsys) -> list[str]:
    """What stderr said, without the build's own warnings (names left apart …)."""
    return [ln for ln in capsys.readouterr().err.splitlines()
            if ln.strip() and not ln.startswith("WARNING") and "left apart as ambiguous" not in ln]


def _headlines(t) -> set:
    return set(t["articles"]["headline"])


# --- fresh by default -------------------------------------------------------------------------------------------------

def test_a_text_added_to_data_raw_is_in_the_next_load_and_one_line_says_why(project, capsys):
    assert len(corpus.load_tables()["articles"]) == 2
    assert _err_lines(capsys) == ["no tables in data/processed: building them from data/raw …"]
    (project / "data" / "raw" / ADDED[0]).write_text(ADDED[1], encoding="utf-8")
    t = corpus.load_tables()
    assert "松阳示例储能电池项目签约" in _headlines(t) and len(t["articles"]) == 3
    assert _err_lines(capsys) == ["data/raw changed (1 file added): rebuilding data/processed from data/raw …"]
    corpus.load_tables()  # nothing changed since: no rebuild, nothing said
    assert _err_lines(capsys) == []


def test_removed_and_changed_files_are_counted_in_the_line(project, capsys):
    corpus.load_tables()
    capsys.readouterr()
    raw = project / "data" / "raw"
    (raw / "2025-04-02_jinyun.txt").unlink()
    (raw / "2025-03-11_qingtian.txt").write_text(TEXTS["2025-03-11_qingtian.txt"].replace("8.4亿元", "9.1亿元"),
                                                 encoding="utf-8")
    (raw / ADDED[0]).write_text(ADDED[1], encoding="utf-8")
    (raw / "notes.txt.bak").write_text("not a text the build reads", encoding="utf-8")
    t = corpus.load_tables()
    assert _err_lines(capsys) == ["data/raw changed (1 file added, 1 removed, 1 changed): rebuilding data/processed "
                                  "from data/raw …"]
    assert set(t["articles"]["doc_id"]) == {"2025-03-11_qingtian", "2025-05-06_songyang"}
    assert 910_000_000 in set(t["quantities"]["value"]) and 840_000_000 not in set(t["quantities"]["value"])


def test_sources_csv_corrections_and_vocab_overrides_are_inputs_too(project, capsys):
    corpus.load_tables()
    capsys.readouterr()
    (project / "data" / "raw" / "sources.csv").write_text(
        "file,pub_date,publication\n2025-04-02_jinyun.txt,2025-04-03,示例日报\n", encoding="utf-8")
    t = corpus.load_tables()
    assert _err_lines(capsys) == ["data/raw changed (sources.csv added): rebuilding data/processed from data/raw …"]
    assert t["articles"].set_index("doc_id").loc["2025-04-02_jinyun", "publication"] == "示例日报"
    org = "青田示例新材料有限公司"
    assert t["organizations"].set_index("name").loc[org, "industry"] == "materials"
    (project / "corrections.yaml").write_text("# nothing yet\n", encoding="utf-8")
    (project / "vocab").mkdir()  # the materials industry without its word 材料
    (project / "vocab" / "industries.yaml").write_text("- id: materials\n  name_zh: 新材料\n  leading: false\n"
                                                       "  keywords: [聚氨酯]\n", encoding="utf-8")
    t = corpus.load_tables()
    # this process read the vocabularies before vocab/ changed: the check and the rebuild run in a new one
    assert _err_lines(capsys) == [
        "vocab/ changed since this process read it: the tables are checked in a new process (restart this kernel "
        "for its own functions to use the new vocabularies)",
        "corrections.yaml added; vocab/ changed (1 file added): rebuilding data/processed from data/raw …"]
    assert t["organizations"].set_index("name").loc[org, "industry"] == "unclassified"
    (project / "corrections.yaml").write_text("# merge nothing yet\n", encoding="utf-8")
    corpus.load_tables()
    assert _err_lines(capsys) == ["corrections.yaml changed: rebuilding data/processed from data/raw …"]
    _forget_vocabularies()  # a process that reads vocab/ as it is now: no new process needed
    (project / "vocab" / "industries.yaml").write_text("- id: materials\n  name_zh: 新材料\n  leading: false\n"
                                                       "  keywords: [材料]\n", encoding="utf-8")
    t = corpus.load_tables()
    assert _err_lines(capsys) == ["vocab/ changed (1 file changed): rebuilding data/processed from data/raw …"]
    assert t["organizations"].set_index("name").loc[org, "industry"] == "materials"
    state = json.loads((project / "data" / "processed" / "manifest.json").read_text(encoding="utf-8"))["input_state"]
    assert state["raw"] == "data/raw" and sorted(state["files"]) == sorted(TEXTS)
    assert state["corrections.yaml"] and list(state["vocab"]) == ["industries.yaml"]


def test_the_opt_outs_use_the_tables_as_they_are(project, capsys, monkeypatch):
    corpus.load_tables()
    (project / "data" / "raw" / ADDED[0]).write_text(ADDED[1], encoding="utf-8")
    capsys.readouterr()
    assert len(corpus.load_tables(fresh=False)["articles"]) == 2
    monkeypatch.setenv(freshness.NO_REBUILD_ENV, "1")
    assert len(corpus.load_tables()["articles"]) == 2
    assert _err_lines(capsys) == []
    corpus.ensure_tables(fresh=False, verbose=True)  # what report --no-rebuild says
    assert _err_lines(capsys) == ["data/raw changed (1 file added) since data/processed was built: not rebuilt "
                                  "(--no-rebuild)"]
    assert len(corpus.load_tables(fresh=True)["articles"]) == 3


def test_read_only_tables_are_read_as_they_are_and_the_line_says_why(project, capsys, monkeypatch):
    corpus.load_tables()
    (project / "data" / "raw" / ADDED[0]).write_text(ADDED[1], encoding="utf-8")
    processed = project / "data" / "processed"
    access = os.access  # as a read-only mount answers (chmod would not stop root, who runs these tests here)
    monkeypatch.setattr(os, "access", lambda p, mode, **kw: False if Path(p) == processed and mode & os.W_OK
                        else access(p, mode, **kw))
    capsys.readouterr()
    assert len(corpus.load_tables()["articles"]) == 2
    assert _err_lines(capsys) == ["data/raw changed (1 file added) since data/processed was built: not rebuilt "
                                  "(the folder is not writable)"]


def test_tables_built_from_another_raw_folder_are_not_compared_with_data_raw(project, capsys, monkeypatch):
    other = project.parent / "corpus"
    other.mkdir()
    (other / "2025-06-01_other.txt").write_text(ADDED[1], encoding="utf-8")
    corpus.build(other, project / "data" / "processed")
    (project / "data" / "raw" / ADDED[0]).write_text(ADDED[1], encoding="utf-8")  # data/raw changes: not ours
    monkeypatch.setattr(corpus, "build", lambda *a, **k: pytest.fail("rebuilt from data/raw"))
    capsys.readouterr()
    assert set(corpus.load_tables()["articles"]["doc_id"]) == {"2025-06-01_other"}
    corpus.ensure_tables(verbose=True)
    (line,) = _err_lines(capsys)
    assert line.startswith(f"note: data/processed was built from {other.resolve().as_posix()}, not data/raw: "
                           "not checked for changes")


def test_an_unchanged_file_is_not_hashed_again_and_a_rewrite_with_the_same_stat_is_still_seen(project, monkeypatch):
    raw = project / "data" / "raw"
    past = dt.datetime(2025, 1, 1).timestamp()
    for p in raw.iterdir():
        os.utime(p, (past, past))  # older than the stat cache by far: its entries are trusted
    corpus.load_tables()
    assert freshness.check(config.PROCESSED_DIR).changed == ""  # writes the stat cache
    hashed = []
    real = freshness.load.file_sha256
    monkeypatch.setattr(freshness.load, "file_sha256", lambda p, r=None: hashed.append(Path(p).name) or real(p, r))
    assert freshness.check(config.PROCESSED_DIR).changed == "" and hashed == []
    # same length, same modification time: the inode's change time still differs, so it is hashed
    target = raw / "2025-04-02_jinyun.txt"
    text = target.read_text(encoding="utf-8")
    target.write_text(text.replace("20天", "30天"), encoding="utf-8")
    os.utime(target, (past, past))
    assert freshness.check(config.PROCESSED_DIR).changed == "data/raw changed (1 file changed)"
    assert hashed == ["2025-04-02_jinyun.txt"]


def test_the_manifest_records_the_inputs_the_same_way_on_every_build(project, tmp_path):
    corpus.load_tables()
    first = (project / "data" / "processed" / "manifest.json").read_bytes()
    shutil.rmtree(project / "data" / "processed" / ".cache")
    corpus.load_tables(rebuild=True)
    assert (project / "data" / "processed" / "manifest.json").read_bytes() == first


def test_an_emptied_raw_folder_is_a_change_whose_rebuild_fails_with_one_line(project, capsys):
    corpus.load_tables()
    for p in (project / "data" / "raw").iterdir():
        p.unlink()
    with pytest.raises(InputError, match="no .txt or .html file to read"):
        corpus.load_tables()
    assert (project / "data" / "processed" / "articles.parquet").exists()  # the tables stay as they were


# --- run folders -------------------------------------------------------------------------------------------------------

def test_run_folders_are_named_by_day_then_numbered(tmp_path):
    runs = tmp_path / "runs"
    runs.mkdir()
    day = dt.date(2026, 3, 9)
    assert rundirs.new_run_folder(runs, day).name == "2026-03-09"
    assert rundirs.new_run_folder(runs, day).name == "2026-03-09-2"
    for name in ("2026-03-09-9", "2026-03-08", "notes", "2026-3-9"):
        (runs / name).mkdir()
    assert rundirs.new_run_folder(runs, day).name == "2026-03-09-10"  # after the highest, never a reused number
    assert [p.name for p in rundirs.runs_in_order(runs)] == ["2026-03-08", "2026-03-09", "2026-03-09-2",
                                                             "2026-03-09-9", "2026-03-09-10"]
    assert rundirs.new_run_folder(runs, dt.date(2026, 3, 10)).name == "2026-03-10"


def test_latest_is_a_relative_link_else_a_copy_and_either_is_replaced_whole(tmp_path, monkeypatch):
    out = tmp_path / "reports"
    a, b = out / "runs" / "2026-03-09", out / "runs" / "2026-03-09-2"
    for folder in (a, b):
        folder.mkdir(parents=True)
        rundirs.write_record(folder, {"run": folder.name, "status": "ok"})
        (folder / "index.html").write_text(folder.name, encoding="utf-8")
    assert rundirs.point_latest(out, a) == "link"
    assert os.readlink(out / "latest") == "runs/2026-03-09" and rundirs.latest_run(out) == "2026-03-09"

    def no_links(*args, **kwargs):
        raise OSError(1, "Operation not permitted")

    monkeypatch.setattr(os, "symlink", no_links)
    assert rundirs.point_latest(out, b) == "copy"
    assert not (out / "latest").is_symlink() and (out / "latest" / "index.html").read_text() == "2026-03-09-2"
    assert rundirs.latest_run(out) == "2026-03-09-2"
    monkeypatch.undo()
    assert rundirs.point_latest(out, a) == "link" and rundirs.latest_run(out) == "2026-03-09"
    assert sorted(p.name for p in out.iterdir()) == ["latest", "runs"]  # no temporary or old copy left
    (out / "latest").unlink()
    (out / "latest").mkdir()  # a folder of the researcher's own there: never removed
    (out / "latest" / "notes.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(InputError, match="not a copy of a run"):
        rundirs.point_latest(out, b)
    assert (out / "latest" / "notes.txt").read_text(encoding="utf-8") == "mine"


# Invented notebooks: one counts the articles, one fails while a file BREAK is in the project folder.
COUNT = ("import lishui_analysis as la\n"
         "t = la.load_tables()\n"
         "la.report.write_summary('01_count', {'n_articles': int(len(t['articles'])),\n"
         "                        'headlines': sorted(t['articles']['headline'])}, report_dir or None)\n")
FRAGILE = ("import pathlib\n"
           "import lishui_analysis as la\n"
           "la.report.write_summary('02_fragile', {'attempt': pathlib.Path('ATTEMPT').read_text()}, report_dir or None)\n"
           "assert not pathlib.Path('BREAK').exists(), 'broken on purpose'\n"
           "print('attempt', pathlib.Path('ATTEMPT').read_text())\n")


@pytest.fixture
def reporting(project):
    write_notebooks(project / "notebooks", {"01_count": COUNT, "02_fragile": FRAGILE})
    (project / "ATTEMPT").write_text("one", encoding="utf-8")
    return project


def _json(path: Path):
    return json.loads(path.read_text(encoding="utf-8"))


@pytest.mark.slow
def test_run_folders_compare_with_the_last_good_run_and_latest_never_shows_a_failed_one(reporting, capsys):
    out = reporting / "reports"
    assert run_reports([], {}, out_dir=out, jobs=2, run_dir=True) == 0
    first = rundirs.last_good(out / "runs")
    assert first.name == dt.date.today().isoformat() and rundirs.latest_run(out) == first.name
    assert _json(first / "changes.json")["first_run"] is True and _json(first / "run.json")["status"] == "ok"
    assert (out / "latest" / "01_count.html").is_file()

    # a text added, and a notebook that fails: the run is marked failed, latest stays on the first run
    (reporting / "data" / "raw" / ADDED[0]).write_text(ADDED[1], encoding="utf-8")
    (reporting / "BREAK").touch()
    capsys.readouterr()
    assert run_reports([], {}, out_dir=out, jobs=2, run_dir=True) == 1
    err = capsys.readouterr().err
    assert "data/raw changed (1 file added): rebuilding data/processed from data/raw …" in err
    failed = out / "runs" / f"{first.name}-2"
    run = _json(failed / "run.json")
    assert run["status"] == "failed" and run["previous_run"] == first.name
    assert "02_fragile" in run["error"] and "broken on purpose" in run["notebooks"][1]["error"]
    assert (failed / "02_fragile.failed.html").is_file() and not (failed / "02_fragile.html").exists()
    assert rundirs.latest_run(out) == first.name and f"still shows {first.name}" in err

    # fixed: the next run compares with the last good run (the first), not with the failed one
    (reporting / "BREAK").unlink()
    assert run_reports([], {}, out_dir=out, jobs=2, run_dir=True) == 0
    third = out / "runs" / f"{first.name}-3"
    changes = _json(third / "changes.json")
    assert changes["previous_run_dir"] == first.name and not changes["first_run"]
    assert [a["headline"] for a in changes["new_articles"]] == ["松阳示例储能电池项目签约"]
    assert any(t["metric"] == "n_articles" and (t["before"], t["after"]) == (2, 3) for t in changes["totals"])
    assert rundirs.latest_run(out) == third.name and _json(third / "run.json")["previous_run"] == first.name
    ipynb = (third / "01_count.ipynb").read_text(encoding="utf-8")
    assert str(third.resolve()) in ipynb and ".running-" not in ipynb  # the run folder, not the staging one
    assert not list(third.glob(".running-*"))


@pytest.mark.slow
def test_a_failing_notebook_never_replaces_the_last_good_report(reporting, capsys):
    out = reporting / "reports"
    assert run_reports(["02_fragile"], {}, out_dir=out) == 0
    good = {n: (out / n).read_bytes() for n in ("02_fragile.html", "02_fragile.ipynb", "02_fragile.json")}
    (reporting / "ATTEMPT").write_text("two", encoding="utf-8")
    (reporting / "BREAK").touch()
    assert run_reports(["02_fragile"], {}, out_dir=out) == 1
    assert {n: (out / n).read_bytes() for n in good} == good  # html, notebook and summary of the good run
    assert "broken on purpose" in (out / "02_fragile.failed.html").read_text(encoding="utf-8")
    index = (out / "index.html").read_text(encoding="utf-8")
    assert 'href="02_fragile.html"' in index and 'href="02_fragile.failed.html"' in index
    assert "the last good one, kept" in index
    assert "the last good report is kept" in capsys.readouterr().out
    (reporting / "BREAK").unlink()
    assert run_reports(["02_fragile"], {}, out_dir=out) == 0
    assert _json(out / "02_fragile.json") == {"attempt": "two"}
    assert not (out / "02_fragile.failed.html").exists() and not (out / "02_fragile.failed.ipynb").exists()
    assert not list(out.glob(".running-*"))


@pytest.mark.slow
def test_a_run_stopped_by_bad_input_is_marked_failed_and_leaves_latest(reporting, capsys):
    from lishui_analysis.cli import main

    out = reporting / "reports"
    assert main(["report", "01_count", "--run-dir"]) == 0
    good = rundirs.latest_run(out)
    (reporting / "data" / "raw" / "broken.txt").write_bytes(b"")  # an empty file: refused by the build
    capsys.readouterr()
    assert main(["report", "01_count", "--run-dir"]) == 2
    err = capsys.readouterr().err
    assert err.splitlines()[-1].startswith("error: ") and "broken.txt" in err.splitlines()[-1]
    stopped = rundirs.runs_in_order(out / "runs")[-1]
    assert stopped.name == f"{good}-2" and _json(stopped / "run.json")["status"] == "failed"
    assert "broken.txt" in _json(stopped / "run.json")["error"] and rundirs.latest_run(out) == good


# --- the scheduled runs of the README and examples/, as written ----------------------------------------------------------

@pytest.fixture(scope="module")
def scheduled(tmp_path_factory):
    """A project made by ``init`` with one invented text and one notebook (00_corpus_overview), and a home
    folder of its own (cron and systemd start with little more than HOME and PATH)."""
    base = tmp_path_factory.mktemp("scheduled")
    subprocess.run([str(BIN / "lishui-analysis"), "init", "proj"], cwd=base, check=True, env=_clean_env(),
                   capture_output=True, timeout=300)
    proj = base / "proj"
    for nb in (proj / "notebooks").glob("*.ipynb"):
        if nb.stem != "00_corpus_overview":
            nb.unlink()
    name = next(iter(TEXTS))
    (proj / "data" / "raw" / name).write_text(TEXTS[name], encoding="utf-8")
    (base / "home").mkdir()
    return proj, base / "home"


def _as_installed(text: str, proj: Path) -> str:
    """A command or unit as written, with the two placeholders for where things are on this machine."""
    assert PROJECT_PLACEHOLDER in text and EXE_PLACEHOLDER in text, text
    return text.replace(PROJECT_PLACEHOLDER, str(proj)).replace(EXE_PLACEHOLDER, f"{BIN}/")


def _minimal_env(home: Path, **extra) -> dict:
    """The environment cron gives a job (and about what systemd gives a service)."""
    return {"HOME": str(home), "LOGNAME": "lishui", "SHELL": "/bin/sh", "PATH": "/usr/bin:/bin", **extra}


def _runs(proj: Path) -> list[str]:
    return [p.name for p in rundirs.runs_in_order(proj / "reports" / "runs")]


def _assert_new_good_run(proj: Path, before: list[str]) -> None:
    after = _runs(proj)
    assert len(after) == len(before) + 1, (before, after)
    new = proj / "reports" / "runs" / after[-1]
    assert _json(new / "run.json")["status"] == "ok"
    assert (new / "00_corpus_overview.html").stat().st_size > 0 and (new / "changes.json").is_file()
    assert rundirs.latest_run(proj / "reports") == after[-1]
    assert (proj / "reports" / "latest" / "index.html").is_file()


def test_the_readme_cron_line_is_a_valid_crontab_entry():
    (line,) = [ln for ln in _readme_crontab_lines() if not ln.startswith("#")]
    fields = line.split(None, 5)
    assert fields[:5] == ["0", "6", "*", "*", "1"] and "%" not in fields[5]  # cron would cut the command at a %


def _readme_crontab_lines() -> list[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Scheduled runs", 1)[1].split("\n## ", 1)[0]
    block = re.search(r"```crontab\n(.*?)```", section, re.S)
    assert block, "the Scheduled runs section has a crontab block"
    return [ln for ln in block.group(1).splitlines() if ln.strip()]


@pytest.mark.slow
def test_the_readme_cron_line_runs_as_written(scheduled):
    proj, home = scheduled
    (line,) = [ln for ln in _readme_crontab_lines() if not ln.startswith("#")]
    command = _as_installed(line.split(None, 5)[5], proj)
    before = _runs(proj)
    r = subprocess.run(["/bin/sh", "-c", command], env=_minimal_env(home), cwd="/", capture_output=True, text=True,
                       timeout=600)
    log = proj / "logs" / "report.log"
    assert r.returncode == 0, r.stdout + r.stderr + (log.read_text(encoding="utf-8") if log.exists() else "")
    assert "00_corpus_overview: ok" in log.read_text(encoding="utf-8")
    _assert_new_good_run(proj, before)


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("systemd-analyze") is None, reason="systemd-analyze not installed")
def test_the_systemd_units_verify_and_their_command_runs(scheduled, tmp_path):
    proj, home = scheduled
    units = ROOT / "examples" / "systemd"
    service = _as_installed((units / "lishui-report.service").read_text(encoding="utf-8"), proj)
    (tmp_path / "lishui-report.service").write_text(service, encoding="utf-8")
    shutil.copy(units / "lishui-report.timer", tmp_path / "lishui-report.timer")
    r = subprocess.run(["systemd-analyze", "verify", "--man=no", str(tmp_path / "lishui-report.service"),
                        str(tmp_path / "lishui-report.timer")], capture_output=True, text=True, timeout=120)
    assert r.returncode == 0 and not r.stderr.strip(), r.stdout + r.stderr
    cal = subprocess.run(["systemd-analyze", "calendar", "Mon *-*-* 06:00:00"], capture_output=True, text=True)
    assert cal.returncode == 0
    settings = dict(ln.split("=", 1) for ln in service.splitlines() if "=" in ln and not ln.startswith("#"))
    before = _runs(proj)
    r = subprocess.run(shlex.split(settings["ExecStart"]), cwd=settings["WorkingDirectory"], env=_minimal_env(home),
                       capture_output=True, text=True, timeout=600)
    assert r.returncode == 0, r.stdout + r.stderr
    _assert_new_good_run(proj, before)


def test_the_ci_workflow_is_well_formed():
    wf = yaml.safe_load((ROOT / "examples" / "github-actions" / "lishui-report.yml").read_text(encoding="utf-8"))
    on = wf.get("on", wf.get(True))  # YAML 1.1 reads the key `on` as true
    (schedule,) = on["schedule"]
    assert len(schedule["cron"].split()) == 5
    steps = wf["jobs"]["report"]["steps"]
    cache = next(s for s in steps if s.get("uses", "").startswith("actions/cache@"))
    assert {"data/processed", "reports/runs"} <= set(cache["with"]["path"].split())  # change tracking between runs
    assert any("lishui-analysis report --run-dir" in s.get("run", "") for s in steps)


@pytest.mark.slow
def test_the_ci_workflow_steps_run_as_written(scheduled):
    proj, home = scheduled
    wf = yaml.safe_load((ROOT / "examples" / "github-actions" / "lishui-report.yml").read_text(encoding="utf-8"))
    runs = [s["run"] for s in wf["jobs"]["report"]["steps"] if "lishui-analysis" in s.get("run", "")
            and "pip install" not in s["run"]]
    assert runs
    before = _runs(proj)
    for script in runs:  # as GitHub runs a step: bash -e, in the checkout, the environment's bin on PATH
        r = subprocess.run(["bash", "-e", "-c", script], cwd=proj, env=_minimal_env(home, PATH=f"{BIN}:/usr/bin:/bin"),
                           capture_output=True, text=True, timeout=600)
        assert r.returncode == 0, r.stdout + r.stderr
    _assert_new_good_run(proj, before)
