"""outlier: along one metric's series over time, a value that breaks the series.

Two breaks are looked for: a drop in a count the lexicon marks as one that
grows (`grows: true` in rules/metrics.yml), and a jump far outside both
neighbours. Options: `drop_tolerance` (relative drop ignored, default 0.005),
`jump_factor` (default 3.0).
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter

from ..models import Claim, Finding
from . import Context, Rule
from ._util import figure, group_label


def _series(claims: list[Claim]) -> list[Claim]:
    points = [
        c for c in claims if c.modality == "actual" and c.period is not None and not c.in_title and not c.baseline
    ]
    return sorted(points, key=lambda c: (c.period.end if c.period else None, c.article_id, c.start))


def _stated_rise(context: Context, claim: Claim) -> Claim | None:
    rises = [c for c in context.changes_by_level.get(claim.index, []) if c.direction == "rise"]
    return rises[0] if rises else None


def run(context: Context, rule: Rule) -> list[Finding]:
    tolerance = float(rule.option("drop_tolerance", 0.005))
    factor = float(rule.option("jump_factor", 3.0))
    findings: list[Finding] = []
    for cluster in context.clusters:
        metric = context.lexicon.metric(cluster.metric)
        label = metric.label if metric else cluster.metric
        series = _series(cluster.claims)
        if len(series) < 2:
            continue
        if metric is not None and metric.grows and cluster.unit == "count":
            findings.extend(_drops(context, rule, series, tolerance, label))
        if len(series) >= 3:
            findings.extend(_jumps(context, rule, series, factor, label))
    return findings


def _drops(context: Context, rule: Rule, series: list[Claim], tolerance: float, label: str) -> list[Finding]:
    """Points below an earlier point of a growing count; a prefix maximum keeps this O(n log n)."""
    ends = [p.period.end for p in series if p.period is not None]
    best_low: list[float] = []
    for point in series:
        best_low.append(max(point.low, best_low[-1]) if best_low else point.low)
    findings = []
    for point in series:
        assert point.period is not None
        before = bisect_left(ends, point.period.start)  # points whose period ends before this one starts
        if before == 0 or not point.high < best_low[before - 1] * (1 - tolerance):
            continue
        index = next(i for i in range(before - 1, -1, -1) if point.high < series[i].low * (1 - tolerance))
        cited = series[index]
        while index > 0 and series[index - 1].period == cited.period:
            index -= 1
            if series[index].low > cited.low:
                cited = series[index]  # of several figures for that period, cite the highest
        rise = _stated_rise(context, point)
        message = (
            f"{label} fell from {figure(cited)} in {cited.article_id} to {figure(point)} "
            f"in {point.article_id}, for a count that only grows"
        )
        involved = [cited, point]
        if rise is not None:
            message += f"; the later article says it rose {' '.join(rise.text.split())}"
            involved.append(rise)
        findings.append(context.finding(rule, message, involved, group_label(point, label)))
    return findings


def _jumps(context: Context, rule: Rule, series: list[Claim], factor: float, label: str) -> list[Finding]:
    findings = []
    per_period = Counter(c.period.label if c.period else "" for c in series)
    for previous, point, following in zip(series, series[1:], series[2:]):
        periods = [c.period.label if c.period else "" for c in (previous, point, following)]
        if len(set(periods)) < 3 or per_period[periods[1]] > 1:
            continue  # figures for one period are the conflict and scale kinds' business
        values = [abs(previous.value), abs(point.value), abs(following.value)]
        if min(values) == 0:
            continue
        neighbours_agree = max(values[0], values[2]) / min(values[0], values[2]) < 1.5
        off = (
            min(values[1] / values[0], values[0] / values[1]) < 1 / factor
            and min(values[1] / values[2], values[2] / values[1]) < 1 / factor
        )
        if neighbours_agree and off:
            message = (
                f"{label} {figure(point)} in {point.article_id} is far outside its neighbours "
                f"{figure(previous)} and {figure(following)}"
            )
            findings.append(context.finding(rule, message, [previous, point, following], group_label(point, label)))
    return findings
