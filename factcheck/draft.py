"""Draft mode (`check DRAFT --against ARCHIVE`): which of the draft's figures the archive confirms or contradicts.

A reporter checking a draft wants both answers: the figures to fix (those a finding involves)
and the figures already backed by what was published (the same entity, scope, metric, period
and modality, a value that can agree). Figures the archive says nothing about are counted, not
listed. An undated draft is dated the day it is checked, so "saat ini" and "tahun lalu" resolve
as they will on publication.

Against a claim archive, only the draft's neighbourhood is loaded: the archived
articles that share a blocking key with it (neighbourhood.py), so that the rules run
on the clusters the draft falls in rather than on the whole archive, with the
same findings.
"""

from __future__ import annotations

from datetime import date

from .checks import Context
from .checks._util import overlaps
from .checks.conflict import ROLES, comparable, period_key
from .models import Article, Claim, DraftFigure, Evidence, Finding


def date_drafts(drafts: list[Article], when: date | None) -> None:
    """Give every undated draft a publication date: `when` (--published), else today."""
    for article in drafts:
        if article.published is None:
            article.published = when or date.today()
            article.published_evidence = "draft: --published" if when else "draft: dated today"
            article.published_after = None


def review_draft(context: Context, draft_ids: set[str], findings: list[Finding], slack: float) -> list[DraftFigure]:
    """The draft's figures the findings involve (contradicted) or the archive states alike (confirmed)."""
    flagged: dict[tuple[str, int | None], list[str]] = {}
    for finding in findings:
        for evidence in finding.evidence:
            if evidence.article in draft_ids:
                rules = flagged.setdefault((evidence.article, evidence.start), [])
                if finding.rule not in rules:
                    rules.append(finding.rule)
    reviewed: list[DraftFigure] = []
    for cluster in context.clusters:
        metric = context.lexicon.metric(cluster.metric.split()[0])
        flow = bool(metric and metric.flow)
        for claim in cluster.claims:
            if claim.article_id not in draft_ids:
                continue
            involved = flagged.get((claim.article_id, claim.start), [])
            if involved:
                reviewed.append(DraftFigure(_evidence(claim, context), "contradicted", sorted(involved), []))
                continue
            agreeing = _agreeing(claim, cluster.claims, draft_ids, flow, context, slack)
            if agreeing:
                reviewed.append(DraftFigure(_evidence(claim, context), "confirmed", [], agreeing))
    reviewed.sort(key=lambda d: (d.evidence.article, d.evidence.start or 0))
    return reviewed


def _agreeing(
    claim: Claim, others: list[Claim], draft_ids: set[str], flow: bool, context: Context, slack: float
) -> list[Evidence]:
    key = period_key(claim, flow)
    role = ROLES.get(claim.modality)
    if key is None or role is None or not comparable(claim, context):
        return []
    found = [
        other
        for other in others
        if other.article_id not in draft_ids
        and ROLES.get(other.modality) == role
        and period_key(other, flow) == key
        and comparable(other, context)
        and overlaps(claim.low, claim.high, other.low, other.high, slack)
    ]
    return [_evidence(c, context) for c in sorted(found, key=lambda c: (c.article_id, c.start))[:3]]


def _evidence(claim: Claim, context: Context) -> Evidence:
    evidence = Evidence.of_claim(claim)
    article = context.articles.get(claim.article_id)
    if article is not None:
        evidence.line, evidence.column = article.line_col(claim.start)
    return evidence
