"""Draft mode (`check DRAFT --against ARCHIVE`): which of the draft's figures the archive confirms or contradicts.

A reporter checking a draft wants both answers: the figures to fix (those a finding involves)
and the figures already backed by what was published (the same entity, scope, metric, period
and modality, a value that can agree). Figures the archive says nothing about are counted, not
listed. An undated draft is dated the day it is checked, so "saat ini" and "tahun lalu" resolve
as they will on publication.

Against a claim archive, only the draft's neighbourhood is loaded: the archived
articles that share a blocking key with it (blocking.py), so that the rules run
on the clusters the draft falls in rather than on the whole archive, with the
same findings.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from .blocking import SEP, article_keys, block_entity, cluster_key, head
from .checks import Context
from .checks._util import overlaps
from .checks.conflict import ROLES, comparable, period_key
from .cluster import Block, Cluster, canonical_names
from .lexicon import Lexicon
from .load import Extracted
from .models import Article, Claim, DraftFigure, Evidence, Finding, Skipped
from .read import unique_ids
from .stems import scope_key


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


@dataclass
class Neighbourhood:
    """The part of an archive a draft can meet, and what the report needs of the rest (names and counts)."""

    extracted: Extracted  # the archived articles loaded in full, in archive order
    catalogue: list[Article]  # every archived article (stubs without text but for the loaded ones), in order
    skipped: list[Skipped]
    claims: int  # claims in the whole archive
    spellings: dict[Block, Counter[str]]  # each block's metric spellings over the draft and the whole archive
    complete: set[tuple[str, str, str]]  # (entity, scope, metric head) whose clusters are loaded whole


def load_neighbourhood(path: str, drafts: Extracted, lexicon: Lexicon) -> Neighbourhood | None:
    """The archived articles that share a blocking key with a draft (see blocking.py), loaded alone.

    None when the archive holds a file extracted by another version: the whole
    archive is then loaded and stale files are read again, as without drafts.
    """
    from .archive import Archive, extractor_version

    archive = Archive(path)
    try:
        if not archive.current(extractor_version(lexicon)):
            return None
        statistics = {m.id for m in lexicon.metrics if m.statistic}
        known = {m.id for m in lexicon.metrics}
        draft_claims = [c for claims, _ in drafts.found for c in claims]
        keys: set[str] = set()
        for claims, mentions in drafts.found:
            keys |= article_keys(claims, mentions, lexicon)
        cache: dict[tuple[str, str], dict[str, Counter[str]]] = {}

        def spellings(entity: str, scope: str) -> dict[str, Counter[str]]:
            if (entity, scope) not in cache:
                counted = archive.spellings(entity, scope)
                for claim in draft_claims:
                    if claim.metric and (block_entity(claim, statistics), scope_key(claim.scope)) == (entity, scope):
                        counted.setdefault(claim.unit, Counter())[claim.metric] += 1
                cache[(entity, scope)] = counted
            return cache[(entity, scope)]

        complete = _follow_typos(keys, spellings, known)
        keys |= {cluster_key(*block) for block in complete}
        wanted = archive.neighbours(keys)
        rows, skipped, total = archive.catalogue()
        catalogue = [stub for _, _, stub in rows]
        extracted = Extracted()
        for number, (file, position, _) in enumerate(rows):
            if (file, position) in wanted:
                article, claims, mentions = archive.article_unit(file, position)
                catalogue[number] = article
                extracted.articles.append(article)
                extracted.found.append((claims, mentions))
        unique_ids(catalogue)  # as reading the whole archive would name its articles
        draft_ids = {a.id for a in drafts.articles}
        for article in catalogue:
            if article.id in draft_ids:
                article.id = f"archive:{article.id}"
        extracted.relabel()
        loaded = [c for claims, _ in extracted.found for c in claims]
        blocks = {(block_entity(c, statistics), scope_key(c.scope)) for c in [*loaded, *draft_claims] if c.metric}
        counts = {
            (entity, scope, unit): counted
            for entity, scope in sorted(blocks)
            for unit, counted in spellings(entity, scope).items()
        }
        return Neighbourhood(extracted, catalogue, skipped, total, counts, complete)
    finally:
        archive.close()


def _follow_typos(
    keys: set[str], spellings: Callable[[str, str], dict[str, Counter[str]]], known: set[str]
) -> set[tuple[str, str, str]]:
    """(entity, scope, head) of every cluster a draft's claims fall in, with the heads typos join to theirs.

    Clusters never cross a metric head except where clustering joins two
    spellings as a typo of each other ("pengangguaran"); the block's spellings
    and their counts (the whole archive's, without loading its claims) say
    which, so those heads' articles are loaded too.
    """
    heads: dict[tuple[str, str], set[str]] = {}
    for key in keys:
        kind, *fields = key.split(SEP)
        if kind == "c" and len(fields) == 3:
            heads.setdefault((fields[0], fields[1]), set()).add(fields[2])
    for (entity, scope), wanted in heads.items():
        groups: list[set[str]] = []
        for counted in spellings(entity, scope).values():
            names = canonical_names(counted, known)
            by_name: dict[str, set[str]] = {}
            for metric, name in names.items():
                by_name.setdefault(name, set()).add(head(metric))
            groups.extend(by_name.values())
        grown = True
        while grown:
            grown = False
            for group in groups:
                if group & wanted and not group <= wanted:
                    wanted |= group
                    grown = True
    return {(entity, scope, h) for (entity, scope), wanted in heads.items() for h in wanted}


def in_neighbourhood(cluster: Cluster, complete: set[tuple[str, str, str]]) -> bool:
    """Whether a cluster was loaded whole (the others hold only claims of articles loaded for another key)."""
    scope = scope_key(cluster.scope)
    return any((cluster.entity, scope, head(c.metric)) in complete for c in cluster.claims)
