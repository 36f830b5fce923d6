"""conflict: the same figure (entity, scope, metric, unit, modality, period) stated with values that cannot agree.

Options: `mode` ("across" compares articles and sentences; "headline" compares
a headline figure with the body of its own article), `slack` (relative
widening of every interval), `scale_factors` (ratios left to the scale kind).
"""

from __future__ import annotations

from collections import defaultdict

from ..models import Claim, Finding
from . import Context, Rule
from ._util import figure, group_label, overlaps


def period_key(claim: Claim, flow: bool = False) -> str | None:
    """What "the same period" means for a figure; for a flow, "hingga Februari" is not "pada Februari"."""
    period = claim.period
    if period is None or period.granularity == "current":
        return None
    if claim.modality in ("target", "projection"):
        return str(period.end.year)  # "pada 2026" and "akhir 2026" name the same goal
    if period.granularity == "year":
        return period.label.replace("-end", "").replace("-start", "").replace("-mid", "")
    return period.label + (" (so far that year)" if flow and period.cumulative else "")


def explained_by_scale(a: Claim, b: Claim, factors: list[float]) -> bool:
    if a.unit != b.unit or min(abs(a.value), abs(b.value)) == 0:
        return False
    ratio = max(abs(a.value), abs(b.value)) / min(abs(a.value), abs(b.value))
    return any(abs(ratio / f - 1) <= 0.02 for f in factors)


def value_groups(claims: list[Claim], slack: float) -> list[list[Claim]]:
    """Chain claims whose intervals overlap; more than one chain means a disagreement."""
    ordered = sorted(claims, key=lambda c: (c.low, c.high, c.article_id, c.start))
    groups: list[list[Claim]] = []
    reach = float("-inf")  # the highest upper bound of the current chain
    for claim in ordered:
        if groups and overlaps(claim.low, claim.high, claim.low, reach, slack):
            groups[-1].append(claim)
        else:
            groups.append([claim])
            reach = claim.high
        reach = max(reach, claim.high)
    return groups


def run(context: Context, rule: Rule) -> list[Finding]:
    if rule.option("mode", "across") == "headline":
        return _headlines(context, rule)
    slack = float(rule.option("slack", 0.0))
    factors = [float(f) for f in rule.option("scale_factors", [1e3, 1e6, 1e9])]
    findings = []
    for cluster in context.clusters:
        by_key: dict[tuple[str, str], list[Claim]] = defaultdict(list)
        metric = context.lexicon.metric(cluster.metric)
        flow = bool(metric and metric.flow)
        for claim in cluster.claims:
            key = period_key(claim, flow)
            if key is None or claim.in_title or claim.modality in ("change",) or claim.baseline:
                continue
            by_key[(claim.modality, key)].append(claim)
        for (modality, key), claims in sorted(by_key.items()):
            if len({c.article_id for c in claims}) < 1 or len(claims) < 2:
                continue
            groups = value_groups(claims, slack)
            if len(groups) < 2:
                continue
            first, *others = groups
            for other in others:
                pair = [first[0], other[0]]
                if explained_by_scale(pair[0], pair[1], factors):
                    continue
                if len({c.article_id for c in first + other}) < 2:
                    # Two values for one key inside one body are far more often a breakdown
                    # the text names in a way we missed than a contradiction.
                    continue
                involved = first + other
                metric = context.lexicon.metric(cluster.metric)
                label = metric.label if metric else cluster.metric
                kind = {"target": "target for ", "projection": "projection for "}.get(modality, "")
                message = (
                    f"{kind}{label} {key}: {figure(first[0])} in {first[0].article_id} cannot agree with "
                    f"{figure(other[0])} in {other[0].article_id}"
                )
                findings.append(context.finding(rule, message, involved, group_label(first[0], label)))
    return findings


def _parts_make_it(headline: Claim, body: list[Claim], slack: float) -> bool:
    """A headline total the body states only as parts ("JHT Rp 6 triliun dan JKK Rp 3 triliun")."""
    by_sentence: dict[int, list[Claim]] = defaultdict(list)
    for claim in body:
        by_sentence[claim.sentence_start].append(claim)
    return any(
        len(parts) > 1
        and overlaps(headline.low, headline.high, sum(p.low for p in parts), sum(p.high for p in parts), slack)
        for parts in by_sentence.values()
    )


def _headlines(context: Context, rule: Rule) -> list[Finding]:
    slack = float(rule.option("slack", 0.0))
    by_article: dict[str, list[Claim]] = defaultdict(list)
    for claim in context.claims:
        by_article[claim.article_id].append(claim)
    findings = []
    for article_id in sorted(by_article):
        claims = by_article[article_id]
        for headline in (c for c in claims if c.in_title and c.metric and c.modality in ("actual", "target")):
            body = [
                c
                for c in claims
                if not c.in_title
                and c.metric == headline.metric
                and c.unit == headline.unit
                and c.modality == headline.modality
                and not c.baseline
                and (headline.period is None or c.period is None or c.period.label == headline.period.label)
            ]
            if not body or any(overlaps(headline.low, headline.high, c.low, c.high, slack) for c in body):
                continue
            if _parts_make_it(headline, body, slack):
                continue
            metric = context.lexicon.metric(headline.metric)
            label = metric.label if metric else headline.metric
            stated = ", ".join(figure(c) for c in body[:3])
            message = f"headline says {label} {' '.join(headline.text.split())}, the body says {stated}"
            findings.append(context.finding(rule, message, [headline, *body[:3]], group_label(headline, label)))
    return findings
