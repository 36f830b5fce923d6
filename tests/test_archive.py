"""The claim archive: incremental indexing, resumable after kill -9, reports byte-identical to runs on the files."""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from contextlib import closing
from pathlib import Path

import pytest
from click.testing import CliRunner

from factcheck.cli import main

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"


def invoke(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def report(*args: str) -> str:
    result = invoke("check", *args, "--format", "json")
    assert result.exit_code in (0, 1), result.output
    return result.stdout


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    copy = tmp_path / "corpus"
    shutil.copytree(CORPUS, copy)
    return copy


def test_check_on_the_archive_is_byte_identical_to_check_on_the_files(folder: Path, tmp_path: Path) -> None:
    db = str(tmp_path / "archive.sqlite")
    first = invoke("index", str(folder), "--db", db)
    assert "27 files, 27 read and extracted, 0 unchanged" in first.stderr
    for fmt in ("json", "text"):
        on_files = invoke("check", str(folder), "--format", fmt).stdout
        assert invoke("check", "--db", db, "--format", fmt).stdout == on_files
        assert invoke("check", str(folder), "--db", db, "--format", fmt).stdout == on_files
    with closing(sqlite3.connect(db)) as reader:
        counts = reader.execute("SELECT (SELECT count(*) FROM claims), (SELECT count(*) FROM articles)").fetchone()
    assert counts == (121, 28)  # the JSON Lines file holds two articles


def test_reindex_reads_only_new_and_changed_files_and_drops_removed_ones(folder: Path, tmp_path: Path) -> None:
    db = str(tmp_path / "archive.sqlite")
    invoke("index", str(folder), "--db", db)
    assert "0 read and extracted, 27 unchanged, 0 removed" in invoke("index", str(folder), "--db", db).stderr
    changed = folder / "2024-01-25-jurnal-sosial-akhir-2023.md"
    changed.write_text(changed.read_text(encoding="utf-8").replace("37,9 juta", "38,6 juta"), encoding="utf-8")
    (folder / "2023-10-20-suara-daerah-cabang-bandung.md").unlink()
    again = invoke("index", str(folder), "--db", db).stderr
    assert "26 files, 1 read and extracted, 25 unchanged, 1 removed" in again
    assert report("--db", db) == report(str(folder))


def test_a_stale_archive_entry_is_read_again_from_the_file(folder: Path, tmp_path: Path) -> None:
    db = str(tmp_path / "archive.sqlite")
    invoke("index", str(folder), "--db", db)
    changed = folder / "2024-01-25-jurnal-sosial-akhir-2023.md"
    changed.write_text(changed.read_text(encoding="utf-8").replace("37,9 juta", "38,6 juta"), encoding="utf-8")
    assert report(str(folder), "--db", db) == report(str(folder))
    assert "37,9 juta" not in report(str(folder), "--db", db)


def test_a_draft_against_the_archive_is_byte_identical_to_one_against_the_files(write, tmp_path: Path) -> None:
    db = str(tmp_path / "archive.sqlite")
    invoke("index", str(CORPUS), "--db", db)
    drafts = write(
        {
            "draft.md": "---\ntitle: Peserta Aktif Capai 39,4 Juta\npublished: 2024-02-20\n---\n"
            "JAKARTA — Hingga Desember 2023, jumlah peserta aktif BPJS Ketenagakerjaan mencapai 39,4 juta pekerja.\n"
        }
    )
    draft = str(drafts / "draft.md")
    against_files = report(draft, "--against", str(CORPUS))
    assert '"rule": "FC101"' in against_files
    assert report(draft, "--against", db) == against_files


def test_a_file_that_is_not_an_archive_is_a_one_line_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["check", "--db", str(CORPUS / "2024-01-25-jurnal-sosial-akhir-2023.md")])
    assert result.exit_code == 2
    assert "not a factcheck archive" in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert CliRunner().invoke(main, ["check"]).exit_code == 2  # neither PATH nor --db


def test_kill_9_mid_index_loses_nothing_committed_and_the_next_run_resumes(tmp_path: Path) -> None:
    big = tmp_path / "big"
    big.mkdir()
    sources = sorted(p for p in CORPUS.iterdir() if p.suffix in (".md", ".txt"))
    for copy in range(6):
        for source in sources:
            (big / f"{copy}-{source.name}").write_bytes(source.read_bytes())
    total = len(list(big.iterdir()))
    db = tmp_path / "archive.sqlite"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    command = [sys.executable, "-m", "factcheck", "index", str(big), "--db", str(db), "--jobs", "1"]
    child = subprocess.Popen(command, env=env, cwd=tmp_path, stderr=subprocess.DEVNULL)
    committed = 0
    deadline = time.monotonic() + 120
    while committed == 0 and child.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
        if db.exists():
            try:
                with closing(sqlite3.connect(db, timeout=1)) as reader:
                    committed = reader.execute("SELECT count(*) FROM files").fetchone()[0]
            except sqlite3.OperationalError:
                continue  # the schema is being created
    assert child.poll() is None, "the index finished before it could be interrupted"
    child.send_signal(signal.SIGKILL)
    child.wait()
    with closing(sqlite3.connect(db)) as reader:
        assert reader.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        kept = reader.execute("SELECT count(*) FROM files").fetchone()[0]
    assert 0 < kept < total
    resumed = subprocess.run(command, env=env, cwd=tmp_path, capture_output=True, text=True, check=True)
    assert f"{total - kept} read and extracted, {kept} unchanged" in resumed.stderr
    assert report("--db", str(db)) == report(str(big))


def test_editing_a_rule_or_a_report_keeps_the_archive_valid() -> None:
    from factcheck.archive import extractor_sources

    sources = {path.relative_to(ROOT / "factcheck").as_posix() for path in extractor_sources()}
    assert {"extract/numbers.py", "extract/tokenizer.py", "read.py", "lexicon.py"} <= sources
    assert not any(s.startswith(("checks/", "report/")) or s in ("check.py", "cluster.py") for s in sources)


def test_a_draft_against_a_sqlite_file_that_is_not_an_archive_is_a_one_line_error(tmp_path: Path) -> None:
    # the archive's counts are read in a thread beside the draft's extraction: its error still ends the run
    other = tmp_path / "other.sqlite"
    sqlite3.connect(other).execute("CREATE TABLE notes (x)").connection.commit()
    draft = str(CORPUS / "2024-01-25-jurnal-sosial-akhir-2023.md")
    result = CliRunner().invoke(main, ["check", draft, "--against", str(other)])
    assert result.exit_code == 2
    assert "not a factcheck archive" in result.stderr and len(result.stderr.strip().splitlines()) == 1
