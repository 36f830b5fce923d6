"""Reports of a hostile corpus: what an article or its file name says cannot act on whoever reads the report."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path
from urllib.parse import unquote

import networkx as nx
import pytest
from click.testing import CliRunner

from factcheck.cli import main
from factcheck.report.safe import csv_cell, markdown, markdown_code, terminal

ROOT = Path(__file__).resolve().parent.parent
FIRST, SECOND = "2024-01-25-jurnal-sosial-akhir-2023.md", "2024-02-08-warta-nusantara-informal.md"
# A file name that, printed raw, forges a GitHub workflow command on its own line
# and would ping a user, open HTML and start a formula in a spreadsheet.
EVIL_NAME = "jurnal\n::error file=x::forged <img src=x onerror=alert(1)> @octocat.md"
# A dateline that sets the terminal title (OSC), turns text red (CSI), reverses
# the reading order, and starts the sentence as a spreadsheet formula.
EVIL_LEAD = '=HYPERLINK("http://x")\x1b]0;pwned\x07 \x1b[31m\u202eJAKARTA, Jurnal Sosial —'


@pytest.fixture(scope="module")
def hostile(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("hostile")
    text = (ROOT / "corpus" / FIRST).read_text(encoding="utf-8")
    (folder / EVIL_NAME).write_text(text.replace("JAKARTA, Jurnal Sosial —", EVIL_LEAD), encoding="utf-8")
    shutil.copy(ROOT / "corpus" / SECOND, folder / SECOND)
    (folder / "empty\n::error::skipped.txt").write_text("", encoding="utf-8")
    return folder


def report(folder: Path, fmt: str):
    result = CliRunner().invoke(main, ["check", str(folder), "--format", fmt], catch_exceptions=False)
    assert result.exit_code == 1, result.output  # the conflict between the two articles is still found
    return result


def test_text_report_has_no_control_characters_and_no_forged_lines(hostile: Path):
    result = report(hostile, "text")
    assert "FC101" in result.stdout and "»37,9 juta«" in result.stdout
    for stream in (result.stdout, result.stderr):
        assert not any(ch in stream for ch in "\x1b\x07\u202e\r")
        assert not any(line.lstrip().startswith("::") for line in stream.splitlines())
    assert "jurnal\\n::error file=x::forged" in result.stdout
    assert "\\x07 \\x1b[31m\\u202eJAKARTA" in result.stdout  # shown, written out, not run
    assert "skipped" in result.stdout and "empty\\n::error::skipped.txt" in result.stdout


def test_github_annotations_are_one_line_each(hostile: Path):
    lines = report(hostile, "github").stdout.splitlines()
    findings = json.loads(report(hostile, "json").stdout)["findings"]
    # one annotation per finding and file it involves, none forged
    assert len(lines) == sum(len({e["path"] for e in f["evidence"]}) for f in findings)
    assert all(line.startswith(("::error ", "::warning ", "::notice ")) for line in lines)
    assert any("file=" in line and "jurnal%0A%3A%3Aerror file=x%3A%3Aforged" in line for line in lines)


def test_concise_report_is_one_line_per_finding(hostile: Path):
    lines = report(hostile, "concise").stdout.splitlines()
    assert len(lines) == len(json.loads(report(hostile, "json").stdout)["findings"])
    assert not any(line.startswith("::") for line in lines)
    assert any("jurnal\\n::error file=x::forged" in line for line in lines)


def test_csv_cells_that_would_run_as_formulas_are_neutralized(hostile: Path):
    rows = list(csv.DictReader(io.StringIO(report(hostile, "csv").stdout)))
    sentences = [row["sentence"] for row in rows if row["sentence"].lstrip("'").startswith("=HYPERLINK")]
    assert sentences and all(s.startswith("'=HYPERLINK") for s in sentences)
    claims = CliRunner().invoke(main, ["claims", str(hostile), "--format", "csv"], catch_exceptions=False)
    claim_rows = list(csv.DictReader(io.StringIO(claims.stdout)))
    assert any(row["sentence"].startswith("'=HYPERLINK") for row in claim_rows)
    assert all(not row["sentence"].startswith("=") for row in claim_rows)
    assert any(float(row["value"]) == 37_900_000 for row in claim_rows)  # numbers stay numbers


def test_markdown_escapes_html_and_mentions(hostile: Path):
    out = report(hostile, "markdown").stdout
    assert "FC101" in out
    assert "<img" not in out and "@octocat" not in out
    assert "&lt;img src=x onerror=alert(1)&gt; @&#8203;octocat" in out
    table = [line for line in out.splitlines() if "| FC101 |" in line]
    assert table and all(line.count(" | ") == 3 for line in table)  # no cell broke out of the table


def test_json_sarif_and_graphml_stay_valid(hostile: Path, tmp_path: Path):
    data = json.loads(report(hostile, "json").stdout)
    assert any(a["path"].endswith(EVIL_NAME) for a in data["articles"])
    sarif = json.loads(report(hostile, "sarif").stdout)
    uris = {
        loc["physicalLocation"]["artifactLocation"]["uri"]
        for result in sarif["runs"][0]["results"]
        for loc in result["locations"]
    }
    assert any(unquote(uri).endswith(EVIL_NAME) for uri in uris)  # percent-encoded, not dropped
    assert not any(ch in uri for uri in uris for ch in "\n <>@")
    graph_file = tmp_path / "g.graphml"
    CliRunner().invoke(main, ["check", str(hostile), "--graph", str(graph_file)], catch_exceptions=False)
    assert any(kind == "finding" for *_, kind in nx.read_graphml(graph_file).edges(data="kind"))


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("a\x1b[2Jb", "a\\x1b[2Jb"),
        ("x\r\ny", "x\\r\\ny"),
        ("\x9b31m", "\\x9b31m"),
        ("abc\u202edef", "abc\\u202edef"),
        ("Rp 9 triliun", "Rp 9 triliun"),
    ],
)
def test_terminal_text_writes_controls_out(text: str, shown: str):
    assert terminal(text) == shown


def test_cell_helpers():
    assert [csv_cell(v) for v in ("=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx", "35,3 juta", -5.0)] == [
        "'=1+1",
        "'+1",
        "'-1",
        "'@SUM(A1)",
        "'\tx",
        "'\rx",
        "35,3 juta",
        -5.0,
    ]
    assert markdown("[click](javascript:alert(1)) a|b *x*") == "\\[click\\](javascript:alert(1)) a\\|b \\*x\\*"
    assert markdown_code("37,9 juta") == "`37,9 juta`"
    assert markdown_code("a`b") == "`` a`b ``"
