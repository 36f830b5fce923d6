"""outlier: along one metric's series over time, a value that breaks the series.

Three breaks are looked for, each only where the words say the series cannot
move that way; no metric is assumed to only grow (membership falls, as in 2020
and 2025):
- a running total that is lower in a later report: a total since a start (cue
  `running_total` in the figure's clause: "secara kumulatif", "total sejak 2015"),
  compared across years, or a flow counted "hingga"/"sampai dengan" a month of
  the year (a metric with `flow: true`), compared within that year;
- a fall between two reports while the later one says the figure rose
  ("35,3 juta ... meningkat 14,01 persen" after 35,6 juta five months before);
- a value far outside both of its neighbours (a factor of `jump_factor`), all
  three stated plainly: the metric named and the date given in their own
  sentence, a place that is not a guess, three different periods.
Options: `drop_tolerance` (relative drop ignored, default 0.005), `jump_factor` (default 3.0),
`max_gap_days` (how far back a fall contradicts a stated rise, default 160: a year-on-year rise
allows a seasonal fall from half a year before).

Example: "Secara kumulatif, penerima beasiswa ... per Desember 2022 mencapai 612
ribu orang" and, a year later, "secara kumulatif ... per Desember 2023 mencapai
587 ribu orang" is flagged; 36,1 juta peserta aktif in Desember 2022 and 35,8 juta
in April 2023 is not, unless the later article says the count grew.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from datetime import date, timedelta

from ..messages import Term, Value, message
from ..models import Claim, Finding
from . import Context, Rule
from ._util import clause_around, cue_patterns, figure, group_label, metric_label, metric_strength, period_strength


def _series(claims: list[Claim], ranges: bool = False) -> list[Claim]:
    """The plainly stated actual figures of a cluster, oldest first.

    `ranges` keeps figures over a stretch of time ("sejak 2015 hingga Desember 2023"),
    which only a running total is compared by: its end is the date it counts up to.
    """
    excluded = ("current",) if ranges else ("current", "range")
    points = [
        c
        for c in claims
        if c.modality == "actual"
        and c.period is not None
        and c.period.granularity not in excluded
        and not c.in_title
        and not c.baseline
        and "?" not in c.scope  # a regional story's unplaced figure may be the national one
        and metric_strength(c) == 2
        and period_strength(c) >= 1
    ]
    return sorted(points, key=lambda c: (c.period.end if c.period else None, c.article_id, c.start))


def _stated_rise(context: Context, claim: Claim) -> Claim | None:
    rises = [c for c in context.changes_by_level.get(claim.index, []) if c.direction == "rise"]
    return rises[0] if rises else None


def _running_total(context: Context, claim: Claim, cued: dict[str, bool]) -> bool:
    """Whether the figure's own clause calls it a total since a start ("secara kumulatif", "total sejak 2015").

    The cue must stand in the figure's clause: in "klaim secara kumulatif Rp 9 triliun,
    sementara peserta aktif 35 juta" only the first figure is a running total. `cued` remembers
    which articles hold every word of a cue anywhere in their text: a clause's words are the text's,
    so the clauses of an article without them need not be cut (most of a large cluster's articles).
    """
    article = context.articles.get(claim.article_id)
    if article is None:
        return False
    language = context.lexicon.language(article.language)
    cues = cue_patterns(tuple(str(cue) for cue in language.period_cues.get("running_total", [])))
    if claim.article_id not in cued:
        lowered = article.text.lower()
        cued[claim.article_id] = any(all(word in lowered for word in cue.split()) for cue, _ in cues)
    if not cued[claim.article_id]:
        return False
    before, after = clause_around(claim, article, language)
    clause = f" {before} {after} "
    return any(pattern.search(clause) for _, pattern in cues)


def _year_to_date(claim: Claim, flow: bool) -> bool:
    """A flow counted "hingga Februari 2024": the year so far, which can only grow until December."""
    return flow and claim.period is not None and claim.period.cumulative


def run(context: Context, rule: Rule) -> list[Finding]:
    tolerance = float(rule.option("drop_tolerance", 0.005))
    factor = float(rule.option("jump_factor", 3.0))
    max_gap = int(rule.option("max_gap_days", 160))
    findings: list[Finding] = []
    cued: dict[str, bool] = {}  # article -> whether its text holds a running total's cue (see _running_total)
    for cluster in context.clusters:
        if not any(context.reports(c.article_id) for c in cluster.claims):
            continue  # a drop or a jump quotes figures of its cluster only: none of them reported
        label = metric_label(context.lexicon, cluster.metric)
        flow = context.lexicon.is_flow(cluster.metric)
        totals = [c for c in _series(cluster.claims, ranges=True) if _running_total(context, c, cued)]
        series = _series(cluster.claims)
        findings.extend(_drops(context, rule, series, totals, tolerance, label, flow, max_gap))
        if len(series) >= 3:
            findings.extend(_jumps(context, rule, series, factor, label))
    return findings


def _span(claim: Claim) -> tuple[date, date]:
    assert claim.period is not None  # the series holds dated figures only
    return claim.period.start, claim.period.end


def _drops(
    context: Context,
    rule: Rule,
    series: list[Claim],
    totals: list[Claim],
    tolerance: float,
    label: str | Term,
    flow: bool,
    max_gap: int,
) -> list[Finding]:
    """Falls the words rule out: against a stated rise, in a running total, in a flow's year so far."""
    findings = []
    in_series = {c.uid for c in series}
    in_totals = {c.uid for c in totals}
    points = sorted({c.uid: c for c in [*series, *totals]}.values(), key=lambda c: (_span(c)[1], c.uid))
    rises = _Highest([c for c in points if c.uid in in_series])
    running = _Highest([c for c in points if c.uid in in_totals])
    so_far = _Highest([c for c in points if c.uid in in_series and _year_to_date(c, flow)])
    for later in points:
        start, end = _span(later)
        rise = _stated_rise(context, later) if later.uid in in_series else None
        year_to_date = later.uid in in_series and _year_to_date(later, flow)
        if rise is None and later.uid not in in_totals and not year_to_date:
            continue  # nothing rules out a fall here
        # Each reason cites the highest earlier figure of another article, by (low, article) as a scan
        # of every earlier figure would: a range query per figure keeps a long series linear.
        candidates: list[tuple[str, Claim | None]] = []
        if rise is not None:
            # a rise stated over a year allows a seasonal fall from a point half a year before
            candidates.append(("rise", rises.highest(end - timedelta(days=max_gap), start, later.article_id)))
        if later.uid in in_totals:
            candidates.append(("total", running.highest(date.min, start, later.article_id)))  # it cannot fall
        if year_to_date:
            # the year so far starts afresh each January
            candidates.append(("year", so_far.highest(date(end.year, 1, 1), start, later.article_id)))
        found = next(
            (
                (kind, c)
                for kind, c in candidates
                if c is not None
                and later.high < c.low * (1 - tolerance)
                and (not flow or _same_stretch(c, later))  # a month's arrivals are no fall from a year's
            ),
            None,
        )
        if found is None:
            continue  # one finding per later figure, for the strongest reason
        kind, cited = found
        involved = [cited, later]
        fall: dict[str, Value] = {
            "metric": label,
            "earlier": figure(cited),
            "earlier_article": cited.article_id,
            "later": figure(later),
            "later_article": later.article_id,
        }
        if kind == "rise" and rise is not None:
            said = message("series.fell-said-rose", **fall, rise=" ".join(rise.text.split()))
            involved.append(rise)
        elif kind == "total":
            said = message("series.running-total", **fall)
        else:
            said = message("series.year-to-date", **fall, year=str(end.year))
        findings.append(context.finding(rule, said, involved, group_label(later, label)))
    return findings


def _same_stretch(one: Claim, other: Claim) -> bool:
    """Whether two figures of a flow count over stretches of one length (two months, two years)."""
    assert one.period is not None and other.period is not None
    return one.period.granularity == other.period.granularity or bool(one.period.cumulative and other.period.cumulative)


class _Highest:
    """Figures sorted by the end of their period; the highest (by low, then article) in a span of ends.

    A segment tree keeps, per stretch, the highest figure and the highest of another article, so
    that the highest of any article but one is found in a logarithmic number of steps. Among equal
    keys the first in order wins, as `max` over the figures in order would choose.
    """

    def __init__(self, claims: list[Claim]) -> None:
        self.claims = claims
        self.ends = [_span(c)[1] for c in claims]
        self.size = 1
        while self.size < max(len(claims), 1):
            self.size *= 2
        self.tree: list[tuple[int, ...]] = [()] * (2 * self.size)
        for position in range(len(claims)):
            self.tree[self.size + position] = (position,)
        for node in range(self.size - 1, 0, -1):
            self.tree[node] = self._merge(self.tree[2 * node] + self.tree[2 * node + 1])

    def _key(self, position: int) -> tuple[float, str, int]:
        claim = self.claims[position]
        return claim.low, claim.article_id, -position

    def _merge(self, positions: tuple[int, ...]) -> tuple[int, ...]:
        if not positions:
            return ()
        best = max(positions, key=self._key)
        others = [p for p in positions if self.claims[p].article_id != self.claims[best].article_id]
        return (best, max(others, key=self._key)) if others else (best,)

    def highest(self, since: date, before: date, article_id: str) -> Claim | None:
        """The highest figure whose period ends on or after `since` and before `before`, not of `article_id`."""
        low = bisect_left(self.ends, since) + self.size
        high = bisect_left(self.ends, before) + self.size
        found: tuple[int, ...] = ()
        while low < high:
            if low & 1:
                found = self._merge(found + self.tree[low])
                low += 1
            if high & 1:
                high -= 1
                found = self._merge(found + self.tree[high])
            low //= 2
            high //= 2
        for position in found:
            if self.claims[position].article_id != article_id:
                return self.claims[position]
        return None


def _jumps(context: Context, rule: Rule, series: list[Claim], factor: float, label: str | Term) -> list[Finding]:
    findings = []
    per_period = Counter(c.period.label if c.period else "" for c in series)
    per_article = Counter(c.article_id for c in series)
    for previous, point, following in zip(series, series[1:], series[2:]):
        periods = [c.period.label if c.period else "" for c in (previous, point, following)]
        if len(set(periods)) < 3 or per_period[periods[1]] > 1 or per_article[point.article_id] > 1:
            continue  # figures for one period are the conflict and scale kinds' business
        if any(period_strength(c) < 2 for c in (previous, point, following)):
            continue  # a date carried from elsewhere is too weak to call a value far off
        values = [abs(previous.value), abs(point.value), abs(following.value)]
        if min(values) == 0:
            continue
        neighbours_agree = max(values[0], values[2]) / min(values[0], values[2]) < 1.5
        off = (
            min(values[1] / values[0], values[0] / values[1]) < 1 / factor
            and min(values[1] / values[2], values[2] / values[1]) < 1 / factor
        )
        if neighbours_agree and off:
            said = message(
                "series.jump",
                metric=label,
                figure=figure(point),
                article=point.article_id,
                previous=figure(previous),
                following=figure(following),
            )
            findings.append(context.finding(rule, said, [previous, point, following], group_label(point, label)))
    return findings
