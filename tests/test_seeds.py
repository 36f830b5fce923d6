"""The five commissioning articles (../shared/seeds): skipped cleanly where they are absent."""

from __future__ import annotations

import sys

import pytest

from factcheck.check import Options, run_check

from .conftest import ROOT, seeds_or_skip

sys.path.insert(0, str(ROOT / "scripts"))

from score_extraction import score  # noqa: E402


@pytest.fixture(scope="module")
def seeds_report():
    return run_check([str(seeds_or_skip())], Options())


def _flagged(report, rule: str) -> list[set[str]]:
    return [{" ".join(e.text.split()) for e in f.evidence} for f in report.findings if f.rule == rule]


def test_extraction_on_the_seeds_matches_its_gold_file():
    seeds = seeds_or_skip()
    result = score(str(seeds), str(ROOT / "gold" / "seeds-claims.yml"))
    assert result["precision"] >= 0.95 and result["recall"] >= 0.95, (result["missed"], result["spurious"])
    assert result["value_accuracy"] == 1.0 and result["unit_accuracy"] == 1.0


def test_the_two_examples_the_product_was_specified_with(seeds_report):
    assert any("6,1 jutaan" in figures for figures in _flagged(seeds_report, "FC201"))
    assert any({"35,3 juta", "35,6 juta"} <= figures for figures in _flagged(seeds_report, "FC301"))


def test_the_other_discrepancies_in_the_seeds(seeds_report):
    assert any({"7 persen", "22,58 juta", "20,9 juta"} <= f for f in _flagged(seeds_report, "FC501"))
    assert any({"55 persen", "782 ribu", "1,3 juta lebih"} <= f for f in _flagged(seeds_report, "FC601"))
    # the two shares of Jambi's workers imply two wholes: 580 ribu's fits the stated 1,3 juta lebih, 782 ribu's not
    (share,) = [f for f in seeds_report.findings if f.rule == "FC601"]
    assert "not 782 ribu" in share.message and "580 ribu as 44 persen implies" in share.message
    names = _flagged(seeds_report, "FC901")
    assert any(len(f) == 2 and all(" Eko " in n for n in f) for f in names)  # one director, two spellings
    assert any(any(n.startswith("BOJS") for n in f) for f in names)


def test_no_flag_a_careful_editor_would_reject(seeds_report):
    everything = [f for figures in (_flagged(seeds_report, r) for r in ("FC101", "FC102", "FC801")) for f in figures]
    assert everything == []  # the 2026 target of 70 juta is consistent everywhere; no scale slips
    assert not any("not 580 ribu" in f.message for f in seeds_report.findings)  # 44 % of 1,3 juta lebih is fine
    assert not any("55.678" in f for f in _flagged(seeds_report, "FC301"))  # Surakarta is a branch
    assert len(seeds_report.findings) == 6
