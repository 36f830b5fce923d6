"""The real-news development set (../shared/devset, third-party pages): claims against our own gold.

gold/devset-claims.yml holds, for 14 dev pages, only offsets and what each
figure is (no sentence of the pages). These floors are the ones the "Real
news I" issue sets; the discrepancy scorer itself runs outside the tests.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DEVSET = ROOT.parent / "shared" / "devset" / "articles"
sys.path.insert(0, str(ROOT / "scripts"))

FLOORS = {"complete": 0.70, "metric": 0.80, "period": 0.80, "scope": 0.85, "with_metric_and_period": 0.70}


@pytest.fixture(scope="module")
def result():
    if not DEVSET.is_dir():
        pytest.skip("../shared/devset is absent on this machine")
    from score_claims import score

    return score(str(DEVSET), str(ROOT / "gold" / "devset-claims.yml"))


def test_nearly_every_gold_figure_is_found(result):
    assert result["recall"] >= 0.95, result["misses"]


@pytest.mark.parametrize("attribute", sorted(FLOORS))
def test_attribute_meets_its_floor(result, attribute):
    assert result[attribute] >= FLOORS[attribute], [w for w in result["wrong"] if attribute in w][:10]
