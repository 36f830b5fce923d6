"""A figure repeated in thousands of archived articles: bounded findings, and look-ups that give what scans gave.

A national statistic is restated for years, so an archive's clusters hold thousands of
claims. A conflict then quotes a bounded selection of each value's figures, and says in every
report how many it leaves out; the rules that looked for a figure's neighbours by scanning its
cluster now bisect sorted indexes, checked here against the scans they replace.
"""

from __future__ import annotations

import json
import random
from datetime import date, timedelta

import pytest

from factcheck.check import Options, run_check
from factcheck.checks import conflict, stale
from factcheck.checks._util import months_between
from factcheck.checks.scale import _Index, _near
from factcheck.models import Claim, Period
from factcheck.report import render

REPEATED = 30  # articles stating the backed value, more than a finding quotes


@pytest.fixture()
def many(write):
    files = {}
    for number in range(REPEATED):
        files[f"a{number:02d}.md"] = (
            f"---\npublished: 2024-01-{1 + number % 28:02d}\noutlet: Kabar {number}\n---\n"
            f"JAKARTA, Kabar {number} — Hingga Desember 2023, jumlah peserta aktif BPJS Ketenagakerjaan "
            f"tercatat 35,5 juta pekerja, kata pejabat ke-{number}.\n"
        )
    files["b.md"] = (
        "---\npublished: 2024-02-20\noutlet: Warta Lain\n---\n"
        "Per Desember 2023, peserta aktif BPJS Ketenagakerjaan sebanyak 38,2 juta orang.\n"
    )
    return run_check([str(write(files))], Options())


def test_a_value_stated_in_many_articles_is_quoted_through_a_bounded_selection(many) -> None:
    (finding,) = [f for f in many.findings if f.rule == "FC101"]
    quoted = [e for e in finding.evidence if e.text == "35,5 juta"]
    assert len(quoted) == conflict.MAX_QUOTED
    assert [e.text for e in finding.evidence].count("38,2 juta") == 1
    assert finding.omitted == REPEATED - conflict.MAX_QUOTED
    # the message still counts every outlet, not only the quoted ones
    assert f"35,5 juta (Desember 2023, {REPEATED} outlets)" in finding.message


def test_every_report_says_how_many_figures_a_finding_leaves_out(many) -> None:
    left = REPEATED - conflict.MAX_QUOTED
    assert f"and {left} more figures" in render(many, "text", lang="en")
    assert f"dan {left} angka lain" in render(many, "text", lang="id")
    for fmt in ("markdown", "html", "csv", "github", "sarif"):
        assert f"and {left} more figures" in render(many, fmt, lang="en"), fmt
    (found,) = [f for f in json.loads(render(many, "json", lang="en"))["findings"] if f["rule"] == "FC101"]
    assert found["omitted"] == left and len(found["evidence"]) == conflict.MAX_QUOTED + 1


def test_a_finding_that_quotes_every_figure_has_no_omitted_key(write) -> None:
    files = {
        "a.md": "---\npublished: 2024-01-10\n---\nHingga Desember 2023, peserta aktif BPJS Ketenagakerjaan "
        "tercatat 35,5 juta pekerja.\n",
        "b.md": "---\npublished: 2024-02-20\n---\nPer Desember 2023, peserta aktif BPJS Ketenagakerjaan "
        "sebanyak 38,2 juta orang.\n",
    }
    report = run_check([str(write(files))], Options())
    (found,) = [f for f in json.loads(render(report, "json", lang="en"))["findings"] if f["rule"] == "FC101"]
    assert "omitted" not in found
    assert "more figure" not in render(report, "text", lang="en")


def _claim(rng: random.Random, number: int, day: date) -> Claim:
    end = day + timedelta(days=rng.randint(-400, 400))
    period = Period(end.replace(day=1), end, "month", end.isoformat(), end.isoformat()[:7])
    value = rng.choice([1.0, 10.0, 100.0]) * rng.uniform(0.5, 1.5)
    published = end + timedelta(days=rng.randint(0, 300))
    return Claim(
        article_id=f"a{rng.randint(0, 40):02d}",
        path="p",
        start=number,
        end=number + 4,
        text=f"{value:.1f} juta",
        sentence="",
        sentence_start=0,
        value=value,
        unit="count",
        low=value - 0.05,
        high=value + 0.05,
        significant=3,
        metric="peserta-aktif",
        period=period,
        published=published,
        evidence={"metric": "subject", "period": "clause", "scope": "clause"},
    )


def _claims(seed: int, count: int = 400) -> list[Claim]:
    rng = random.Random(seed)
    return [_claim(rng, number, date(2023, 6, 15)) for number in range(count)]


@pytest.mark.parametrize("seed", range(5))
def test_the_newest_earlier_release_is_the_one_a_scan_of_the_cluster_finds(seed: int) -> None:
    cluster = _claims(seed)

    def scanned(claim: Claim) -> Claim | None:  # what FC201 did before, for every figure
        assert claim.period is not None and claim.published is not None
        candidates = [
            c
            for c in cluster
            if stale._release(c)
            and c.period is not None
            and c.period.end > claim.period.end
            and c.published is not None
            and c.published <= claim.published
            and c.article_id != claim.article_id
        ]
        return max(candidates, key=lambda c: (c.period.end, c.article_id)) if candidates else None  # type: ignore[union-attr]

    index = stale._Newest(cluster)
    assert all(index.newer(c) is scanned(c) for c in cluster)


class _Cluster:
    def __init__(self, claims: list[Claim]) -> None:
        self.claims, self.metric = claims, "peserta-aktif"


@pytest.mark.parametrize("seed", range(5))
def test_a_figures_own_series_is_read_as_a_scan_of_the_window_read_it(seed: int, lexicon) -> None:
    from factcheck.checks import Context

    claims = _claims(seed)
    context = Context(articles={}, claims=claims, clusters=[], mentions=[], lexicon=lexicon)
    index = _Index(_Cluster(claims), context)  # type: ignore[arg-type]
    for suspect in claims[:80]:
        assert suspect.period is not None
        window = [
            p
            for p in index.levels
            if p.period is not None and abs(months_between(p.period.end, suspect.period.end)) <= 12
        ]
        near = {id(p) for p in window if _near(suspect.value, p.value, 0.2)}
        assert {id(p) for p in index.valued(suspect, 12, 0.2)} == near
        wanted = [p for p in window if p is not suspect and p.value > suspect.value]
        closest = index.closest(suspect, 12, lambda p, s=suspect: p is not s and p.value > s.value)
        expected = min(
            wanted,
            key=lambda p: (abs(months_between(p.period.end, suspect.period.end)), p.article_id, p.start),  # type: ignore[union-attr]
            default=None,
        )
        assert closest is expected


@pytest.mark.parametrize("seed", range(3))
def test_the_actuals_overlapping_an_interval_are_those_a_scan_finds(seed: int, lexicon) -> None:
    from factcheck.checks import Context

    claims = _claims(seed)
    context = Context(articles={}, claims=claims, clusters=[], mentions=[], lexicon=lexicon)
    rng = random.Random(seed)
    for _ in range(200):
        probe = rng.choice(claims)
        assert probe.period is not None
        end = probe.period.end
        low = probe.value * rng.uniform(0.9, 1.0)
        high = low + rng.choice([0.0, 0.1, 5.0])
        found = context.actuals_overlapping("count", "", end.year, end.month, low, high)
        expected = [
            c
            for c in claims
            if c.period is not None
            and (c.period.end.year, c.period.end.month) == (end.year, end.month)
            and c.low <= high
            and low <= c.high
        ]
        assert sorted(id(c) for c in found) == sorted(id(c) for c in expected)
