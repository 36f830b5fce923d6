"""Blocking keys: which archived articles a draft can meet in any rule, computed once at index time.

A draft checked against a large archive must not load the whole archive: only
the articles that could share a finding with it. Each article gets the keys of
everything a rule compares across articles, each key a plain string kept in an
indexed table (see archive.py):

- `c|entity|scope|head`: the cluster block (entity, or "" for a population
  statistic; the scope as cluster.py compares it) and the head of the metric's
  identity, for every unit, and for the twin metric of the other unit (a count
  and its rate: the scale kind's twins). Clusters never cross a head except by
  a typo, which the loader follows through the block's spellings.
- `m|entity|metric`: the metric as written, across scopes and units (the same
  figure in two magnitudes, a province above the nation, the whole of a share).
- `f|entity|family` of a share's count (one goal share given with two counts).
- `g|entity|unit|year` of a target (a gap backed by another article's figures).
- `p|i|name without word i` of a person, `pl|spelling` of a place near miss,
  `v|name without punctuation` of a venue (name variants).

Keys may be looser than the rules (a superset of articles is only slower),
never tighter: tests/test_draft_scope.py checks each corpus article as a draft
against the archive with every article loaded and with only its neighbourhood.
This module is part of the archive's version, since the keys are stored.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .lexicon import Lexicon
from .models import Claim, Mention
from .stems import metric_key, scope_key

PUNCTUATION = re.compile(r"['’`-]")  # as the name-variant kind strips a venue's name
SEP = "|"


def block_entity(claim: Claim, statistics: set[str]) -> str:
    """The entity a cluster is keyed by: none for a population statistic (BPS and a ministry state one figure)."""
    return "" if claim.metric.split()[0] in statistics else claim.entity


def head(metric: str) -> str:
    """The first word of a metric's identity: metrics of one cluster share it (but for a typo)."""
    identity = metric_key(metric, "id")
    return identity.split()[0] if identity else ""


def twin_names(metric: str, lexicon: Lexicon) -> set[str]:
    """The metric and its twins in the other unit, either way ("penduduk-miskin" and its rate; see scale.py)."""
    first, *rest = metric.split()
    names = {first} | {m.id for m in lexicon.metrics if m.as_percent == first}
    known = lexicon.metric(first)
    if known is not None and known.as_percent:
        names.add(known.as_percent)
    return {" ".join([name, *rest]) for name in names}


def cluster_key(entity: str, scope: str, metric_head: str) -> str:
    return SEP.join(("c", entity, scope, metric_head))


def claim_keys(claim: Claim, by_index: dict[int, Claim], lexicon: Lexicon, statistics: set[str]) -> set[str]:
    keys: set[str] = set()
    if claim.metric:
        entity, scope = block_entity(claim, statistics), scope_key(claim.scope)
        keys.update(cluster_key(entity, scope, head(name)) for name in twin_names(claim.metric, lexicon))
        keys.add(SEP.join(("m", claim.entity, claim.metric)))
    if claim.population:
        keys.add(SEP.join(("m", claim.entity, claim.population.split()[0])))
    if "count" in claim.links and claim.links["count"] in by_index:
        part = by_index[claim.links["count"]]
        keys.add(SEP.join(("f", part.entity, (part.metric.split() or [""])[0].split("-")[0])))
    if claim.modality == "target" and claim.period is not None:
        keys.add(SEP.join(("g", claim.entity, claim.unit, str(claim.period.end.year))))
    return keys


def mention_keys(mention: Mention) -> set[str]:
    written = " ".join(mention.text.split())
    if mention.kind == "person":
        words = written.split()
        return {SEP.join(("p", str(i), " ".join(words[:i] + words[i + 1 :]))) for i in range(len(words))}
    if mention.kind == "place":
        return {SEP.join(("pl", mention.text))}
    if mention.kind == "location":
        return {SEP.join(("v", PUNCTUATION.sub("", written.lower())))}
    return set()  # an organization's near miss is judged inside its own article


def article_keys(claims: list[Claim], mentions: Iterable[Mention], lexicon: Lexicon) -> set[str]:
    """Every key of one article's claims and mentions."""
    statistics = {m.id for m in lexicon.metrics if m.statistic}
    by_index = {c.index: c for c in claims}
    keys: set[str] = set()
    for claim in claims:
        keys |= claim_keys(claim, by_index, lexicon, statistics)
    for mention in mentions:
        keys |= mention_keys(mention)
    return keys
