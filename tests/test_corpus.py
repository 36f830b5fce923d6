"""The bundled corpus: extraction against its gold file, and exactly the planted discrepancies."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
import yaml

from factcheck.check import Options, run_check

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from score_extraction import score  # noqa: E402

PRECISION_FLOOR = 0.95
RECALL_FLOOR = 0.95
ATTRIBUTE_FLOOR = 0.85


@pytest.fixture(scope="module")
def corpus_report():
    return run_check([str(ROOT / "corpus")], Options())


def test_extraction_meets_its_floors_on_the_gold_file():
    result = score(str(ROOT / "corpus"), str(ROOT / "gold" / "corpus-claims.yml"))
    assert result["precision"] >= PRECISION_FLOOR, result["spurious"]
    assert result["recall"] >= RECALL_FLOOR, result["missed"]
    for field in ("value", "unit", "metric", "modality", "period", "scope"):
        assert result[f"{field}_accuracy"] >= ATTRIBUTE_FLOOR, field


def _matches(finding, expected) -> bool:
    figures = {" ".join(e.text.split()) for e in finding.evidence}
    articles = {e.article for e in finding.evidence}
    return finding.rule == expected["rule"] and set(expected["figures"]) <= figures and expected["article"] in articles


def test_every_planted_discrepancy_is_found_and_nothing_else(corpus_report):
    expected = yaml.safe_load((ROOT / "gold" / "corpus-findings.yml").read_text(encoding="utf-8"))["expected"]
    missing = [e for e in expected if not any(_matches(f, e) for f in corpus_report.findings)]
    unexpected = [f.message for f in corpus_report.findings if not any(_matches(f, e) for e in expected)]
    assert missing == []
    assert unexpected == []
    assert len(corpus_report.findings) == len(expected)


def test_every_article_is_read(corpus_report):
    assert corpus_report.skipped == []
    assert len(corpus_report.articles) == 28  # 27 files, one of them a JSON Lines archive of two
    assert all(a.published is not None for a in corpus_report.articles)
