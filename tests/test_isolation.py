"""One document never stops a build: an exception, a value its table does not allow, or a loop in its
extraction fails that document alone, with a one-line reason naming it; the others are built."""
import json

import pandas as pd
import pytest

from lishui_analysis import config
from lishui_analysis.errors import InputError
from lishui_analysis.tables import document
from lishui_analysis.tables.corpus import build

GOOD = "云岭科技新厂开工\n本报讯（记者 林一木）云岭科技投资3亿元的新厂昨日开工，用地50亩。\n"
BAD = "青田阀门项目签约\n本报讯（记者 王二）青田阀门项目总投资2亿元，今年5月签约。TRIGGER\n"


@pytest.fixture
def corpus(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    for name in ("a_good", "c_good"):
        (raw / f"{name}.txt").write_text(GOOD.replace("云岭", "云岭" + name[0]), encoding="utf-8")
    (raw / "b_bad.txt").write_text(BAD, encoding="utf-8")
    return raw


def _fail_on_trigger(monkeypatch, behaviour):
    real = document.process_document

    def patched(doc, meta=None):
        if "TRIGGER" in doc.text:
            return behaviour(doc, meta, real)
        return real(doc, meta)

    monkeypatch.setattr(document, "process_document", patched)


def _raise(doc, meta, real):
    raise RuntimeError("an extractor met a layout it\nnever saw")


def _loop(doc, meta, real):
    while True:
        pass


def _unit_not_allowed(doc, meta, real):
    rows = real(doc, meta)
    for r in rows["quantities"]:
        r["unit"] = "XYZ"
    return rows


@pytest.mark.parametrize("behaviour, problem", [
    (_raise, "extraction failed: RuntimeError: an extractor met a layout it never saw"),
    (_unit_not_allowed, "column unit has values not allowed ['XYZ']"),
    (_loop, "extraction took more than 0.3 s of CPU"),
])
@pytest.mark.parametrize("jobs", [1, 2])
def test_a_failing_document_is_skipped_and_the_others_are_built(monkeypatch, tmp_path, corpus, behaviour, problem,
                                                                  jobs):
    monkeypatch.setattr(config, "DOC_BUDGET_MIN", 0.3)
    monkeypatch.setenv("LISHUI_DOC_BUDGET", "0.01")
    _fail_on_trigger(monkeypatch, behaviour)
    out = tmp_path / "out"
    build(corpus, out, skip_bad=True, jobs=jobs, use_cache=False)
    articles = pd.read_csv(out / "articles.csv", encoding="utf-8-sig")
    assert sorted(articles["doc_id"].unique()) == ["a_good", "c_good"]
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    [failure] = manifest["skipped"]
    assert failure["file"] == "b_bad.txt" and problem in failure["problem"]
    assert "\n" not in failure["problem"]


def test_without_skip_bad_every_failure_is_named_after_the_rest_is_built_and_nothing_is_written(
        monkeypatch, tmp_path, corpus):
    (corpus / "d_bad.txt").write_text(BAD.replace("青田", "松阳"), encoding="utf-8")
    (corpus / "e_empty.txt").write_text("   \n", encoding="utf-8")
    _fail_on_trigger(monkeypatch, _raise)
    out = tmp_path / "out"
    out.mkdir()
    (out / "articles.csv").write_text("previous\n", encoding="utf-8")
    with pytest.raises(InputError) as err:
        build(corpus, out)
    message = str(err.value)
    assert "3 file(s) failed" in message and "nothing written" in message
    for name in ("b_bad.txt", "d_bad.txt", "e_empty.txt"):
        assert name in message
    assert "\n" not in message
    assert (out / "articles.csv").read_text(encoding="utf-8") == "previous\n"


def test_a_failure_is_not_cached(monkeypatch, tmp_path, corpus):
    _fail_on_trigger(monkeypatch, _raise)
    out = tmp_path / "out"
    build(corpus, out, skip_bad=True)
    monkeypatch.undo()
    build(corpus, out, skip_bad=True)  # the layout is handled now: the file is extracted again
    articles = pd.read_csv(out / "articles.csv", encoding="utf-8-sig")
    assert "b_bad" in set(articles["doc_id"])


def test_the_budget_can_be_switched_off(monkeypatch, tmp_path, corpus):
    monkeypatch.setenv("LISHUI_DOC_BUDGET", "0")
    out = tmp_path / "out"
    build(corpus, out)
    assert len(pd.read_csv(out / "articles.csv", encoding="utf-8-sig")) == 3


@pytest.mark.slow
def test_the_budget_holds_on_a_dask_worker_thread(monkeypatch, tmp_path, corpus):
    """Dask runs tasks in worker threads, where no signal reaches: the budget still fails the document."""
    distributed = pytest.importorskip("distributed")
    monkeypatch.setattr(config, "DOC_BUDGET_MIN", 0.3)
    monkeypatch.setenv("LISHUI_DOC_BUDGET", "0.01")
    _fail_on_trigger(monkeypatch, _loop)
    with distributed.LocalCluster(n_workers=1, threads_per_worker=2, processes=False, dashboard_address=None) as cluster:
        build(corpus, tmp_path / "out", engine="dask", scheduler=cluster.scheduler_address, skip_bad=True,
              use_cache=False)
    manifest = json.loads((tmp_path / "out" / "manifest.json").read_text(encoding="utf-8"))
    assert [f["file"] for f in manifest["skipped"]] == ["b_bad.txt"]
    assert "extraction took more than 0.3 s of CPU" in manifest["skipped"][0]["problem"]


def test_the_first_document_of_a_fresh_process_is_not_charged_the_start_up_costs(tmp_path):
    """A short page read first by a new process fits a small budget: jieba's dictionary, the
    vocabularies and the patterns compiled on first use (seconds of CPU) are paid outside it."""
    import subprocess
    import sys

    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "only.txt").write_text(GOOD.replace("云岭", "青松"), encoding="utf-8")
    script = ("import sys\nfrom lishui_analysis import config\nfrom lishui_analysis.tables import document\n"
              "config.DOC_BUDGET_MIN = 0.5\n"
              "res = document.process_file(sys.argv[1], sys.argv[2], {})\n"
              "print(res.get('failed', {}).get('problem', 'built'))\n")
    done = subprocess.run([sys.executable, "-c", script, str(raw / "only.txt"), str(raw)], capture_output=True,
                          text=True, env={**__import__("os").environ, "LISHUI_DOC_BUDGET": "0.01"}, check=True)
    assert done.stdout.strip() == "built", done.stdout + done.stderr
