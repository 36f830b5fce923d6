"""outlier: along one metric's series over time, a value that breaks the series.

Three breaks are looked for, each only where the words say the series cannot
move that way:
- a cumulative figure ("kumulatif", or a flow counted "hingga" a month of the
  year) that is lower in a later month of the same year;
- a fall between two reports while the later one says the figure rose
  ("35,3 juta ... meningkat 14,01 persen" after 35,6 juta five months before);
- a value far outside both of its neighbours (a factor of `jump_factor`), all
  three stated plainly.
No metric is assumed to only grow: membership falls (2020, 2025).
Options: `drop_tolerance` (relative drop ignored, default 0.005), `jump_factor` (default 3.0),
`max_gap_days` (how far back a fall contradicts a stated rise, default 160: a year-on-year rise
allows a seasonal fall from half a year before).
"""

from __future__ import annotations

from collections import Counter

from ..models import Claim, Finding
from . import Context, Rule
from ._util import figure, group_label, metric_strength, period_strength

CUMULATIVE_WORDS = ("kumulatif", "cumulative", "secara kumulatif", "akumulasi", "total sejak")


def _series(claims: list[Claim]) -> list[Claim]:
    points = [
        c
        for c in claims
        if c.modality == "actual"
        and c.period is not None
        and c.period.granularity not in ("current", "range")
        and not c.in_title
        and not c.baseline
        and metric_strength(c) == 2
        and period_strength(c) >= 1
    ]
    return sorted(points, key=lambda c: (c.period.end if c.period else None, c.article_id, c.start))


def _stated_rise(context: Context, claim: Claim) -> Claim | None:
    rises = [c for c in context.changes_by_level.get(claim.index, []) if c.direction == "rise"]
    return rises[0] if rises else None


def _cumulative(claim: Claim, flow: bool) -> bool:
    sentence = claim.sentence.lower()
    if any(word in sentence for word in CUMULATIVE_WORDS):
        return True
    return flow and claim.period is not None and claim.period.cumulative


def run(context: Context, rule: Rule) -> list[Finding]:
    tolerance = float(rule.option("drop_tolerance", 0.005))
    factor = float(rule.option("jump_factor", 3.0))
    max_gap = int(rule.option("max_gap_days", 160))
    findings: list[Finding] = []
    for cluster in context.clusters:
        metric = context.lexicon.metric(cluster.metric.split()[0])
        label = metric.label + cluster.metric[len(metric.id) :] if metric else cluster.metric
        series = _series(cluster.claims)
        if len(series) < 2:
            continue
        flow = bool(metric and metric.flow)
        findings.extend(_drops(context, rule, series, tolerance, label, flow, max_gap))
        if len(series) >= 3:
            findings.extend(_jumps(context, rule, series, factor, label))
    return findings


def _drops(
    context: Context, rule: Rule, series: list[Claim], tolerance: float, label: str, flow: bool, max_gap: int
) -> list[Finding]:
    findings = []
    reported: set[tuple[str, str]] = set()
    for later in series:
        rise = _stated_rise(context, later)
        cumulative = _cumulative(later, flow)
        if rise is None and not cumulative:
            continue
        assert later.period is not None
        earlier = [
            c
            for c in series
            if c.period is not None
            and c.period.end < later.period.start
            and c.article_id != later.article_id
            and later.high < c.low * (1 - tolerance)
            and (rise is not None or (_cumulative(c, flow) and c.period.end.year == later.period.end.year))
        ]
        if rise is not None and later.period is not None:
            # a rise stated over a year allows a seasonal fall from a point half a year before
            earlier = [c for c in earlier if c.period is not None and (later.period.end - c.period.end).days <= max_gap]
        if not earlier:
            continue
        cited = max(earlier, key=lambda c: (c.low, c.article_id))
        key = (cited.uid, later.uid)
        if key in reported:
            continue
        reported.add(key)
        involved = [cited, later]
        if rise is not None:
            message = (
                f"{label} fell from {figure(cited)} in {cited.article_id} to {figure(later)} in {later.article_id}, "
                f"while the later article says it rose {' '.join(rise.text.split())}"
            )
            involved.append(rise)
        else:
            message = (
                f"cumulative {label} fell from {figure(cited)} in {cited.article_id} to {figure(later)} "
                f"in {later.article_id}; a running total cannot fall"
            )
        findings.append(context.finding(rule, message, involved, group_label(later, label)))
    return findings


def _jumps(context: Context, rule: Rule, series: list[Claim], factor: float, label: str) -> list[Finding]:
    findings = []
    per_period = Counter(c.period.label if c.period else "" for c in series)
    per_article = Counter(c.article_id for c in series)
    for previous, point, following in zip(series, series[1:], series[2:]):
        periods = [c.period.label if c.period else "" for c in (previous, point, following)]
        if len(set(periods)) < 3 or per_period[periods[1]] > 1 or per_article[point.article_id] > 1:
            continue  # figures for one period are the conflict and scale kinds' business
        if period_strength(point) < 2:
            continue
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
