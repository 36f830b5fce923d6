"""stale: a figure presented as current ("sekarang", "saat ini") whose own period is long before the article.

Statistics are released with a lag, so a figure is flagged when it is older
than `max_age_months` (default 12), or older than `newer_available_months`
(default 6) while the corpus holds a newer figure of the same metric that was
published before the article.
"""

from __future__ import annotations

from ..models import Claim, Finding
from . import Context, Rule
from ._util import group_label, months_between


def run(context: Context, rule: Rule) -> list[Finding]:
    limit = float(rule.option("max_age_months", 12))
    newer_limit = float(rule.option("newer_available_months", 6))
    cluster_of = {id(c): cluster for cluster in context.clusters for c in cluster.claims}
    findings = []
    for claim in context.claims:
        period = claim.period
        published = claim.published or claim.published_after  # a lower bound gives a lower bound on the age
        if not claim.current_cue or period is None or period.granularity == "current" or published is None:
            continue
        if claim.modality not in ("actual", "share"):
            continue
        age = months_between(period.end, published)
        newer = None
        if age > newer_limit and id(claim) in cluster_of and claim.published is not None:
            newer = _newer_figure(claim, cluster_of[id(claim)].claims)
        if age <= limit and newer is None:
            continue
        message = (
            f"{' '.join(claim.text.split())} is presented as current ('{claim.current_cue}') but is dated "
            f"{period.text.strip()}, {'at least ' if claim.published is None else ''}about {age:.0f} months "
            f"before the article ({'≥' if claim.published is None else ''}{published.isoformat()})"
        )
        involved = [claim]
        if newer is not None:
            when = newer.period.text.strip() if newer.period else "a later period"
            message += f"; {' '.join(newer.text.split())} for {when} was already published"
            involved.append(newer)
        findings.append(context.finding(rule, message, involved, group_label(claim)))
    return findings


def _newer_figure(claim: Claim, cluster: list[Claim]) -> Claim | None:
    """A figure of the same metric for a later period, published no later than this article."""
    assert claim.period is not None and claim.published is not None
    candidates = [
        c
        for c in cluster
        if c.modality == "actual"
        and c.period is not None
        and c.period.granularity != "current"
        and c.period.end > claim.period.end
        and c.published is not None
        and c.published <= claim.published
        and c.article_id != claim.article_id
    ]
    return max(candidates, key=lambda c: (c.period.end, c.article_id)) if candidates else None  # type: ignore[union-attr]
