"""--engine dask: reading and extraction on dask.distributed give the report, byte for byte, of --jobs 1."""

from __future__ import annotations

import importlib.util
import json
import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from factcheck.cli import main

ROOT = Path(__file__).resolve().parent.parent
CORPUS = str(ROOT / "corpus")
LEAD = (
    "---\npublished: 2024-02-01\n---\n"
    "Hingga Desember 2023, jumlah peserta aktif BPJS Ketenagakerjaan tercatat 37,9 juta pekerja di seluruh negeri.\n"
)


def needs_dask() -> None:
    """Skip where the dask extra is absent; CI installs it with the test extra, so there it must run."""
    if importlib.util.find_spec("distributed") is None:
        if os.environ.get("CI"):
            pytest.fail("dask.distributed is missing: pip install -e '.[test]' installs it")
        pytest.skip("dask.distributed is not installed (pip install 'factcheck-figures[dask]')")


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def invoke(*args: str) -> str:
    code, stdout, stderr = run(*args)
    assert code in (0, 1), stderr
    return stdout


@pytest.fixture(scope="module")
def scheduler() -> Iterator[str]:
    """One LocalCluster of two worker processes for the module: starting one costs seconds."""
    needs_dask()
    from distributed import LocalCluster

    with LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address=":0"
    ) as cluster:
        yield cluster.scheduler_address


@pytest.mark.parametrize("fmt", ["json", "text"])
def test_check_report_on_dask_is_the_report_of_one_process(scheduler: str, fmt: str) -> None:
    one = invoke("check", CORPUS, "--format", fmt, "--jobs", "1")
    assert one == invoke("check", CORPUS, "--format", fmt, "--engine", "dask", "--scheduler", scheduler)


def test_claims_on_a_local_cluster_the_run_starts_itself() -> None:
    needs_dask()
    one = invoke("claims", CORPUS, "--jobs", "1")
    assert one.count("\n") > 100
    assert one == invoke("claims", CORPUS, "--engine", "dask", "--jobs", "2")


def test_a_bad_file_under_dask_is_a_skipped_entry_as_in_one_process(scheduler: str, write) -> None:
    folder = write(
        {
            "a-baik.md": LEAD,
            "b-kosong.txt": "",
            "c-biner.txt": b"\x00\x01\x02binary\x00",
            "d-arsip.jsonl": '{"id": "x", "text": "Peserta aktif mencapai 5 juta pada 2023."}\n{not json\n',
            "e-baik.md": LEAD.replace("37,9 juta", "38,6 juta").replace("02-01", "02-03"),
        }
    )
    one = invoke("check", str(folder), "--format", "json", "--jobs", "1")
    on_dask = invoke("check", str(folder), "--format", "json", "--engine", "dask", "--scheduler", scheduler)
    assert on_dask == one
    reasons = {item["path"].rsplit("/", 1)[-1]: item["reason"] for item in json.loads(on_dask)["skipped"]}
    assert reasons["b-kosong.txt"] == "empty file" and reasons["c-biner.txt"] == "binary file, not text"
    assert any(name.startswith("d-arsip.jsonl") for name in reasons)  # the bad line, not the whole file
    assert json.loads(on_dask)["findings"], "the good articles are still checked"


def test_the_time_budget_reaches_the_workers(scheduler: str, write) -> None:
    # no machine reads and extracts an article in a microsecond: every article is skipped, as in one process
    folder = write({"a.md": LEAD, "b.md": LEAD.replace("02-01", "02-03")})
    args = ("check", str(folder), "--format", "json", "--time-budget", "0.000001", "--allow-empty")
    one = invoke(*args, "--jobs", "1")
    assert one == invoke(*args, "--engine", "dask", "--scheduler", scheduler)
    skipped = json.loads(one)["skipped"]
    assert len(skipped) == 2 and all("time budget of 1e-06 s" in item["reason"] for item in skipped)


def test_an_archive_indexed_on_dask_gives_the_report_of_the_files(scheduler: str, tmp_path: Path) -> None:
    db = str(tmp_path / "archive.sqlite")
    code, _, stderr = run("index", CORPUS, "--db", db, "--engine", "dask", "--scheduler", scheduler)
    assert code == 0 and "27 read and extracted" in stderr, stderr
    assert invoke("check", "--db", db, "--format", "json") == invoke("check", CORPUS, "--format", "json", "--jobs", "1")


def test_each_worker_builds_the_pipeline_once_for_every_run(scheduler: str) -> None:
    from distributed import Client

    def built() -> int:
        from factcheck.extract import pipeline

        return pipeline.cache_info().misses

    invoke("claims", CORPUS, "--engine", "dask", "--scheduler", scheduler)
    invoke("claims", CORPUS, "--engine", "dask", "--scheduler", scheduler)
    with Client(scheduler, set_as_default=False) as client:
        per_worker = client.run(built)
    assert len(per_worker) == 2
    assert all(misses == 2 for misses in per_worker.values()), per_worker  # id and en, however many runs


def test_without_dask_the_engine_says_how_to_install_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "distributed", None)  # importing it now fails, as where it is absent
    monkeypatch.delitem(sys.modules, "factcheck.engine_dask", raising=False)
    code, stdout, stderr = run("check", CORPUS, "--engine", "dask")
    assert code == 2 and not stdout
    assert stderr.count("\n") == 1 and "pip install 'factcheck-figures[dask]'" in stderr


def test_a_scheduler_needs_the_dask_engine() -> None:
    code, _, stderr = run("check", CORPUS, "--scheduler", "tcp://127.0.0.1:8786")
    assert code == 2 and stderr.strip() == "factcheck: error: --scheduler: needs --engine dask [E002]"


def test_a_scheduler_that_cannot_be_reached_is_one_line(monkeypatch: pytest.MonkeyPatch) -> None:
    needs_dask()
    from factcheck import engine_dask

    monkeypatch.setattr(engine_dask, "CONNECT_TIMEOUT", 0.5)
    code, stdout, stderr = run("claims", CORPUS, "--engine", "dask", "--scheduler", "tcp://127.0.0.1:9")
    assert code == 2 and not stdout
    assert stderr.count("\n") == 1 and "--scheduler tcp://127.0.0.1:9: cannot connect" in stderr
    code, _, stderr = run("claims", CORPUS, "--engine", "dask", "--scheduler", "http://127.0.0.1:8786")
    assert code == 2 and stderr.count("\n") == 1 and "not a scheduler address (unknown address scheme" in stderr


def test_a_worker_in_another_folder_reads_the_clients_files_and_sends_back_no_spacy_object(
    lexicon, write, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    needs_dask()
    import pickle

    from factcheck import engine_dask

    write({"berita/a.md": LEAD, "berita/kosong.txt": ""})
    elsewhere = tmp_path / "worker"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)  # as a worker on another machine, started in its own folder
    state = engine_dask.RunState(lexicon, (), None, 0.0, root=str(tmp_path))
    monkeypatch.setitem(engine_dask._runs, "run", state)
    done = engine_dask.extract_partition([(0, "berita/a.md", "a.md"), (1, "berita/kosong.txt", "kosong.txt")], "run")
    (_, first), (_, second) = done
    assert [item.path for item in first.items] == ["berita/a.md"]  # named as the user gave it
    assert [claim.text for claim in first.found[0][0]] == ["37,9 juta"]
    assert [(item.path, item.reason) for item in second.items] == [("berita/kosong.txt", "empty file")]
    assert b"spacy" not in pickle.dumps(done)  # only articles and claims travel back: no Doc, Span or Token
