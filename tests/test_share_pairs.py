"""FC601 in a large archive: many shares of one whole are each compared with the middle of their year.

Every two share pairs of one whole whose implied wholes disagree used to be a finding: with one
outlying share among many that agree, that is a finding per agreeing share, and across a large
archive a report quadratic in its size. Past `MOST_PAIRED` pairs, the outlier is named once.
"""

from __future__ import annotations

from datetime import date

from factcheck.checks.share import MOST_PAIRED, _pairs_to_compare
from factcheck.models import Claim, Period

YEAR = Period(date(2025, 1, 1), date(2025, 12, 31), "year", "2025", "2025")


def pair(article: int, count: float) -> tuple[Claim, Claim]:
    """ "55 persen atau <count> pekerja" in article <article>: a share and the count it gives."""
    share = Claim(f"a{article}", "a.md", 0, 9, "55 persen", "", 0, 55.0, "percent", 54.95, 55.05, 2, period=YEAR)
    part = Claim(f"a{article}", "a.md", 15, 27, f"{count:g} pekerja", "", 0, count, "count", count, count, 3)
    return share, part


def test_a_few_shares_are_all_compared_with_each_other() -> None:
    members = [pair(i, 550_000.0) for i in range(5)]
    assert len(_pairs_to_compare(members)) == 10


def test_one_outlying_share_among_many_is_one_comparison_that_disagrees() -> None:
    members = [pair(i, 550_000.0) for i in range(3 * MOST_PAIRED)] + [pair(999, 900_000.0)]
    pairs = _pairs_to_compare(members)
    assert len(pairs) == len(members) - 1  # linear, not every two of them
    outlier = members[-1]
    assert sum(1 for a, b in pairs if outlier in (a, b)) == 1
