"""Report, graph and baseline files: checked before the run, written atomically, never left truncated."""

from __future__ import annotations

import errno
import importlib
import json
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner

from factcheck.cli import main

ROOT = Path(__file__).resolve().parent.parent
# Two articles that disagree about one figure (an FC101 error), so every run has a finding to write.
PAIR = ("2024-01-25-jurnal-sosial-akhir-2023.md", "2024-02-08-warta-nusantara-informal.md")
PREVIOUS = "the previous report, which a failed run must leave alone\n"


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    for name in PAIR:
        shutil.copy(ROOT / "corpus" / name, folder / name)
    return folder


@pytest.fixture
def no_analysis(monkeypatch):
    """Fail the test if the run starts: these errors must come before any article is read."""

    def refuse(*_args, **_kwargs):
        raise AssertionError("the analysis ran before the output was checked")

    # the package attribute `factcheck.check` is the API function, so the stage module is taken by name
    monkeypatch.setattr(importlib.import_module("factcheck.check"), "run_check", refuse)
    monkeypatch.setattr(importlib.import_module("factcheck.api"), "claims", refuse)


def invoke(*args: str):
    return CliRunner().invoke(main, list(args))


def one_line_error(result, *fragments: str) -> None:
    assert result.exit_code == 2, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)  # no traceback
    assert len(result.output.strip().splitlines()) == 1, result.output
    assert result.output.startswith("factcheck: error: ")
    for fragment in fragments:
        assert fragment in result.output


@pytest.mark.parametrize("flag", ["-o", "--graph", "--write-baseline"])
def test_a_missing_folder_is_an_error_before_the_run(corpus: Path, tmp_path: Path, flag: str, no_analysis):
    target = tmp_path / "no-such-folder" / "out.file"
    one_line_error(invoke("check", str(corpus), flag, str(target)), flag, str(target), "does not exist")


def test_claims_output_is_checked_before_extraction(corpus: Path, tmp_path: Path, no_analysis):
    target = tmp_path / "missing" / "claims.jsonl"
    one_line_error(invoke("claims", str(corpus), "-o", str(target)), "-o", "does not exist")


def test_read_only_targets_and_folders_are_errors_before_the_run(corpus: Path, tmp_path: Path, no_analysis):
    report = tmp_path / "report.txt"
    report.write_text(PREVIOUS, encoding="utf-8")
    report.chmod(0o444)
    one_line_error(invoke("check", str(corpus), "-o", str(report)), "is read-only")
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o555)
    try:
        one_line_error(invoke("check", str(corpus), "--write-baseline", str(locked / "b.json")), "read-only")
    finally:
        locked.chmod(0o755)
    assert report.read_text(encoding="utf-8") == PREVIOUS


def test_a_full_disk_is_an_error_before_the_run(corpus: Path, tmp_path: Path, monkeypatch, no_analysis):
    monkeypatch.setattr("factcheck.output.shutil.disk_usage", lambda _: shutil._ntuple_diskusage(100, 100, 0))
    one_line_error(invoke("check", str(corpus), "-o", str(tmp_path / "r.txt")), "no space left")


def test_a_folder_or_one_file_for_two_outputs_is_refused(corpus: Path, tmp_path: Path, no_analysis):
    one_line_error(invoke("check", str(corpus), "-o", str(tmp_path)), "is a folder, not a file")
    same = str(tmp_path / "same.json")
    one_line_error(invoke("check", str(corpus), "-o", same, "--write-baseline", same), "--write-baseline", "-o")


def test_a_write_that_fails_leaves_the_previous_file_and_no_temporary(corpus: Path, tmp_path: Path, monkeypatch):
    report = tmp_path / "report.json"
    report.write_text(PREVIOUS, encoding="utf-8")

    def disk_full(_fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr("factcheck.output.os.fsync", disk_full)
    result = invoke("check", str(corpus), "--format", "json", "-o", str(report))
    one_line_error(result, "-o", "No space left on device", "previous file is intact")
    assert report.read_text(encoding="utf-8") == PREVIOUS
    assert sorted(p.name for p in tmp_path.iterdir()) == ["corpus", "report.json"]


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full on this system")
def test_a_device_that_is_full_at_write_time_is_a_one_line_error(corpus: Path):
    one_line_error(invoke("check", str(corpus), "-o", "/dev/full"), "/dev/full", "No space left on device")


def test_a_new_report_replaces_the_old_one_keeping_its_mode_and_symlink(corpus: Path, tmp_path: Path):
    report = tmp_path / "report.json"
    report.write_text(PREVIOUS, encoding="utf-8")
    report.chmod(0o640)
    link = tmp_path / "latest.json"
    link.symlink_to(report.name)
    assert invoke("check", str(corpus), "--format", "json", "-o", str(link)).exit_code == 1
    assert link.is_symlink() and json.loads(report.read_text(encoding="utf-8"))["findings"]
    assert report.stat().st_mode & 0o777 == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == ["corpus", "latest.json", "report.json"]


# A run killed at the worst moment: its new file complete on disk, just before
# it takes the old one's place. The audit hook sees the rename before it happens.
KILLED_AT_RENAME = """
import os, signal, sys
target = os.path.realpath(sys.argv[1])
def hook(event, args):
    if event == "os.rename" and os.path.realpath(os.fsdecode(args[1])) == target:
        os.kill(os.getpid(), signal.SIGKILL)
sys.addaudithook(hook)
from factcheck.cli import main
main(sys.argv[2:])
"""


def run_killed(target: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    command = [sys.executable, "-c", KILLED_AT_RENAME, str(target), *args]
    return subprocess.run(command, capture_output=True, text=True, env=env, timeout=300, check=False)


@pytest.mark.parametrize(
    ("flag", "extra"),
    [("-o", ("--format", "json")), ("--write-baseline", ()), ("--graph", ())],
)
def test_a_killed_run_leaves_the_previous_file_intact(corpus: Path, tmp_path: Path, flag: str, extra: tuple[str, ...]):
    target = tmp_path / "previous.out"
    target.write_text(PREVIOUS, encoding="utf-8")
    killed = run_killed(target, "check", str(corpus), "-q", flag, str(target), *extra)
    assert killed.returncode == -signal.SIGKILL, killed.stderr  # it really was killed, while writing
    assert target.read_text(encoding="utf-8") == PREVIOUS
    # and a run that is not killed writes the file whole
    assert invoke("check", str(corpus), "-q", flag, str(target), *extra).exit_code in (0, 1)
    written = target.read_text(encoding="utf-8")
    if flag == "--graph":
        assert any(k == "finding" for *_, k in nx.read_graphml(target).edges(data="kind"))
    else:
        assert json.loads(written)["findings"]


def test_graphml_stays_valid_xml_with_control_characters_in_a_title(tmp_path: Path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name in PAIR:
        text = (ROOT / "corpus" / name).read_text(encoding="utf-8")
        title = next(line for line in text.splitlines() if line.startswith("title:"))
        (corpus / name).write_text(text.replace(title, 'title: "Bel\\x07 \\x1b[31mme\\x0brah"'), encoding="utf-8")
    graph_file = tmp_path / "g.graphml"
    assert invoke("check", str(corpus), "--graph", str(graph_file)).exit_code == 1
    graph = nx.read_graphml(graph_file)
    labels = [data["label"] for _, data in graph.nodes(data=True) if data.get("kind") == "article"]
    assert labels == ["Bel\ufffd \ufffd[31mme\ufffdrah"] * 2


def test_dev_stdout_is_written_through_not_replaced(corpus: Path):
    """`-o /dev/stdout` into a pipe, as in `factcheck check ... -o /dev/stdout | jq`, still reaches the pipe."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    command = [sys.executable, "-m", "factcheck", "check", str(corpus), "-q", "--format", "json", "-o", "/dev/stdout"]
    piped = subprocess.run(command, capture_output=True, text=True, env=env, timeout=300, check=False)
    assert piped.returncode == 1, piped.stderr
    assert json.loads(piped.stdout)["findings"]
