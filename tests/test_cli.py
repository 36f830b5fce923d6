"""The command line as a user meets it, through click's runner."""

from __future__ import annotations

import json
from pathlib import Path

import networkx as nx
import yaml
from click.testing import CliRunner

from factcheck.cli import main

ROOT = Path(__file__).resolve().parent.parent
CORPUS = str(ROOT / "corpus")

DRAFT = """---
title: Peserta Aktif Akhir 2023 Capai 39,4 Juta
published: 2024-02-20
---
JAKARTA — Hingga Desember 2023, jumlah peserta aktif BPJS Ketenagakerjaan mencapai 39,4 juta pekerja, kata juru bicara.
"""


def invoke(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def test_claims_as_json_lines_table_and_csv():
    lines = invoke("claims", CORPUS).output.splitlines()
    first = json.loads(lines[0])
    assert {"article", "start", "end", "text", "value", "unit", "metric", "period", "modality"} <= set(first)
    table = invoke("claims", CORPUS, "--format", "table").output
    assert "peserta-aktif" in table and "37,9 juta" in table
    rows = invoke("claims", CORPUS, "--format", "csv").output.splitlines()
    assert rows[0].startswith("article,start,end,text,value") and len(rows) == len(lines) + 1


def test_check_text_report_and_exit_status():
    result = invoke("check", CORPUS, "--lang", "en")
    assert result.exit_code == 1
    assert "FC101" in result.output and "38,6 juta" in result.output
    summary = result.output.rstrip().splitlines()[-1]
    planted = yaml.safe_load((ROOT / "gold" / "corpus-findings.yml").read_text(encoding="utf-8"))["expected"]
    errors = summary.split("(")[1].split()[0]
    assert summary.startswith(f"{len(planted)} findings ({errors} errors, ") and int(errors) > 0
    assert " in 28 articles, " in summary and summary.endswith("0 skipped")
    assert invoke("check", CORPUS, "--fail-on", "never").exit_code == 0


def test_check_json_follows_the_contract():
    data = json.loads(invoke("check", CORPUS, "--format", "json").stdout)
    assert set(data) == {"version", "articles", "claims", "skipped", "findings"}
    assert set(data["articles"][0]) == {"id", "path", "published", "published_evidence", "published_after", "language"}
    finding = data["findings"][0]
    assert set(finding) == {
        "rule",
        "kind",
        "severity",
        "message",
        "template",
        "params",
        "evidence",
        "support",
        "supported_value",
    }
    assert set(finding["evidence"][0]) == {
        "article",
        "path",
        "start",
        "end",
        "text",
        "sentence",
        "value",
        "unit",
        "entity",
        "metric",
        "period",
        "modality",
        "line",
        "column",
    }


def test_evidence_offsets_index_the_decoded_article_text():
    data = json.loads(invoke("check", CORPUS, "--format", "json").stdout)
    for finding in data["findings"]:
        for evidence in finding["evidence"]:
            text = (
                Path(evidence["path"]).read_text(encoding="utf-8")
                if not evidence["path"].endswith((".html", ".jsonl")) and ".jsonl:" not in evidence["path"]
                else None
            )
            if text is not None:
                assert text[evidence["start"] : evidence["end"]] == evidence["text"]
                line = text.splitlines()[evidence["line"] - 1]
                assert line[evidence["column"] - 1 :].startswith(evidence["text"].split("\n")[0])


def test_reports_are_byte_identical_across_runs():
    first = invoke("check", CORPUS, "--format", "json").stdout
    assert invoke("check", CORPUS, "--format", "json").stdout == first
    assert invoke("check", CORPUS).output == invoke("check", CORPUS).output


def test_draft_against_archive_reports_only_the_drafts_findings(tmp_path: Path):
    draft = tmp_path / "draft.md"
    draft.write_text(DRAFT, encoding="utf-8")
    data = json.loads(invoke("check", str(draft), "--against", CORPUS, "--format", "json").stdout)
    assert data["findings"], "the draft's 39,4 juta for December 2023 disagrees with the archive"
    for finding in data["findings"]:
        assert any(e["article"] == "draft.md" for e in finding["evidence"])
    assert any(f["rule"] == "FC101" for f in data["findings"])


def test_rules_and_explain():
    listing = invoke("rules").output.splitlines()
    pack = yaml.safe_load((ROOT / "rules" / "rules.yml").read_text(encoding="utf-8"))["rules"]
    assert len(listing) == len(pack) and listing[0].startswith("FC101  conflicting-figures")
    explained = invoke("explain", "stale-current-figure").output
    assert "Bad:" in explained and "Good:" in explained and "max_age_months" in explained
    assert invoke("explain", "FC999").exit_code == 2


def test_skipped_files_are_named_and_the_rest_is_checked(tmp_path: Path):
    (tmp_path / "empty.md").write_text("", encoding="utf-8")
    (tmp_path / "a.md").write_text(DRAFT, encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(tmp_path), "--lang", "en"])
    assert "skipped" in result.output and "empty.md: empty file" in result.output
    assert "in 1 article, " in result.output and "1 skipped" in result.output


def test_a_bad_rule_folder_is_a_one_line_error_with_exit_2(tmp_path: Path):
    (tmp_path / "rules.yml").write_text("rules:\n  - id: X1\n    kind: nonsense\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["check", CORPUS, "--rules", str(tmp_path)])
    assert result.exit_code == 2
    assert "rules.yml" in result.output and "missing key 'name'" in result.output


def test_unknown_rule_in_disable_is_an_error():
    result = CliRunner().invoke(main, ["check", CORPUS, "--disable", "FC000"])
    assert result.exit_code == 2 and "unknown rule 'FC000'" in result.output


def test_graphml_holds_articles_claims_and_findings(tmp_path: Path):
    out = tmp_path / "corpus.graphml"
    invoke("check", CORPUS, "--graph", str(out), "--fail-on", "never")
    graph = nx.read_graphml(out)
    kinds = {data["kind"] for _, data in graph.nodes(data=True)}
    assert kinds == {"article", "entity", "metric", "claim"}
    assert sum(1 for *_, data in graph.edges(data=True) if data["kind"] == "finding") >= 14


def test_a_user_rule_pack_adds_a_rule_without_python(tmp_path: Path):
    (tmp_path / "rules.yml").write_text(
        "rules:\n  - id: NEWS1\n    name: stale-after-a-quarter\n    kind: stale\n    severity: info\n"
        "    summary: Current figures older than three months.\n    options: {max_age_months: 1}\n"
        "    bad: old\n    good: new\n",
        encoding="utf-8",
    )
    data = json.loads(invoke("check", CORPUS, "--rules", str(tmp_path), "--format", "json").stdout)
    assert any(f["rule"] == "NEWS1" for f in data["findings"])


def test_a_user_lexicon_adds_words_without_python(tmp_path: Path):
    (tmp_path / "lexicon").mkdir()
    (tmp_path / "lexicon" / "id.yml").write_text("language: id\nmagnitudes:\n  juta-an: 1000000\n", encoding="utf-8")
    (tmp_path / "metrics.yml").write_text(
        "metrics:\n  - id: nelayan\n    label: nelayan terlindungi\n    synonyms: [nelayan terlindungi]\n",
        encoding="utf-8",
    )
    article = tmp_path / "a.md"
    article.write_text(
        "---\npublished: 2024-05-01\n---\nJumlah nelayan terlindungi mencapai 1,2 juta pada 2024.\n", encoding="utf-8"
    )
    first = json.loads(invoke("claims", str(article), "--rules", str(tmp_path)).stdout.splitlines()[0])
    assert (first["metric"], first["value"]) == ("nelayan", 1_200_000)
    bad = tmp_path / "bad"
    (bad / "lexicon").mkdir(parents=True)
    (bad / "lexicon" / "id.yml").write_text("language: id\nmonthz: {}\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["claims", str(article), "--rules", str(bad)])
    assert result.exit_code == 2 and "monthz" in result.output and "unknown key" in result.output
