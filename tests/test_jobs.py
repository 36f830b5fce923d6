"""--jobs: reading and extraction in worker processes give the same output, byte for byte, as one process."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from factcheck.cli import main
from factcheck.workers import MIN_AUTO, available_cores, workers_for

ROOT = Path(__file__).resolve().parent.parent
CORPUS = str(ROOT / "corpus")


def invoke(*args: str) -> str:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    assert result.exit_code in (0, 1), result.output
    return result.stdout


@pytest.mark.parametrize("fmt", ["json", "text"])
def test_check_report_is_the_same_for_one_and_several_workers(fmt: str) -> None:
    one = invoke("check", CORPUS, "--format", fmt, "--jobs", "1")
    assert one == invoke("check", CORPUS, "--format", fmt, "--jobs", "2")
    assert one == invoke("check", CORPUS, "--format", fmt, "--jobs", "3")


def test_claims_are_the_same_for_one_and_several_workers() -> None:
    one = invoke("claims", CORPUS, "--jobs", "1")
    assert one.count("\n") > 100
    assert one == invoke("claims", CORPUS, "--jobs", "2")


def test_a_draft_against_an_archive_is_the_same_with_workers(tmp_path: Path) -> None:
    # the draft shares its file name with an archive article, so the archive's copy is renamed
    draft = tmp_path / "2024-01-25-jurnal-sosial-akhir-2023.md"
    source = Path(CORPUS) / draft.name
    draft.write_text(source.read_text(encoding="utf-8").replace("37,9 juta", "39,9 juta"), encoding="utf-8")
    one = invoke("check", str(draft), "--against", CORPUS, "--format", "json", "--jobs", "1")
    assert '"archive:2024-01-25-jurnal-sosial-akhir-2023.md"' in one
    assert one == invoke("check", str(draft), "--against", CORPUS, "--format", "json", "--jobs", "2")


def test_skipped_files_and_languages_keep_their_order_with_workers(write) -> None:
    folder = write(
        {
            "a.md": "---\nlanguage: en\npublished: 2024-01-02\n---\nThe agency said 5 million joined in 2023.\n",
            "b.txt": "",
            "c.md": "---\npublished: 2024-01-03\n---\nJAKARTA — Jumlah peserta aktif mencapai 37,9 juta pada 2023.\n",
            "setup.cfg": "[factcheck]\nlanguages = id\n",
        }
    )
    one = invoke("check", str(folder), "--format", "json", "--jobs", "1")
    assert '"reason": "empty file"' in one and "is not in languages" in one
    assert one == invoke("check", str(folder), "--format", "json", "--jobs", "2")


def test_jobs_must_be_positive() -> None:
    result = CliRunner().invoke(main, ["check", CORPUS, "--jobs", "0"])
    assert result.exit_code == 2 and "--jobs" in result.output


def test_by_default_small_runs_stay_in_process_and_large_ones_use_every_core() -> None:
    assert workers_for(0, 25) == 0  # starting workers would cost more than they save
    assert workers_for(0, MIN_AUTO) == (available_cores() if available_cores() > 1 else 0)
    assert workers_for(1, 10_000) == 0
    assert workers_for(2, 25) == 2  # asked for explicitly


def test_files_read_ahead_while_the_pipeline_is_built_give_what_the_workers_would(lexicon) -> None:
    from factcheck.read import collect_files, read_file
    from factcheck.workers import ReadAhead

    files, _ = collect_files([CORPUS])
    ahead = ReadAhead(files, lexicon, 0.0)
    read = ahead.receive.recv()  # not told to stop: it reads every file
    ahead.process.join()
    assert len(read) == len(files) > 20
    assert read == [read_file(path, article_id, lexicon) for path, article_id in files]
    stopped = ReadAhead(files, lexicon, 0.0).finish()  # told to stop at once: the files it had read by then
    assert stopped == read[: len(stopped)]


@pytest.mark.parametrize("ahead", [0, 5, 1000])
def test_a_run_is_the_same_however_many_files_were_read_ahead(monkeypatch, ahead: int) -> None:
    from factcheck import workers

    finish = workers.ReadAhead.finish
    monkeypatch.setattr(workers.ReadAhead, "finish", lambda self: finish(self)[:ahead])  # the rest read by workers
    one = invoke("check", CORPUS, "--format", "json", "--jobs", "1")
    assert one == invoke("check", CORPUS, "--format", "json", "--jobs", "2")


def test_a_json_lines_file_first_is_the_same_with_workers(write) -> None:
    # the parent extracts the first file itself only when it is one article; a JSON Lines file goes to a worker
    text = "JAKARTA — Jumlah peserta aktif mencapai {}9 juta pada 2023."
    lines = [
        json.dumps({"id": f"n{n}", "published": f"2024-01-0{n + 1}", "text": text.format(30 + n)}) for n in range(3)
    ]
    folder = write(
        {
            "a.jsonl": "\n".join(lines) + "\n",
            "b.md": "---\npublished: 2024-01-03\n---\n" + text.format(37) + "\n",
        }
    )
    one = invoke("check", str(folder), "--format", "json", "--jobs", "1")
    assert len(json.loads(one)["articles"]) == 4
    assert one == invoke("check", str(folder), "--format", "json", "--jobs", "2")


def test_the_time_budget_reaches_the_worker_processes(monkeypatch, write) -> None:
    # no machine reads and extracts an article in a microsecond: every article is skipped, as in one process
    from factcheck import workers

    monkeypatch.setattr(workers.ReadAhead, "finish", lambda self: [])  # every file read by the workers
    text = "---\npublished: 2024-01-0{}\n---\nJAKARTA — Jumlah peserta aktif mencapai 37,9 juta pada 2023.\n"
    folder = write({f"{n}.md": text.format(n) for n in range(1, 6)})
    args = ("check", str(folder), "--format", "json", "--time-budget", "0.000001", "--allow-empty")
    one = invoke(*args, "--jobs", "1")
    assert one == invoke(*args, "--jobs", "2")
    skipped = json.loads(one)["skipped"]
    assert len(skipped) == 5 and all("time budget of 1e-06 s" in item["reason"] for item in skipped)


FULL_COLLECTIONS = """
import gc, os, sys
from click.testing import CliRunner
from factcheck.cli import main
parent, full = os.getpid(), []


def importing_spacy():  # spaCy is in, factcheck.extract (which imports it) not yet done
    extract = sys.modules.get("factcheck.extract")
    return "spacy" in sys.modules and not hasattr(extract, "pipeline")


gc.callbacks.append(lambda phase, info: phase == "stop" and info["generation"] == 2 and os.getpid() == parent
                    and importing_spacy() and full.append(1))
CliRunner().invoke(main, ["check", sys.argv[1], "--format", "json", "--jobs", sys.argv[2]])
print(len(full))
"""


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_spacy_is_imported_without_full_collections_with_or_without_workers(jobs: str) -> None:
    # with the collector paused: two full walks of its objects, a tenth of a second, had been the parent's
    # alone while the forked reader waited for the pipeline (the same import in one process was paused)
    command = [sys.executable, "-c", FULL_COLLECTIONS, CORPUS, jobs]
    assert subprocess.run(command, capture_output=True, text=True, check=True).stdout.strip() == "0"
