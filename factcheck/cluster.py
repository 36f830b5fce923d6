"""Cluster stage: group claims that speak of the same thing.

Claims are blocked by entity, scope and unit, so that the fuzzy comparison
of metric names (rapidfuzz) only runs inside a block and the cost grows with
the corpus, not with its square. Canonical names are chosen
deterministically: the lexicon's id when there is one, else the most
frequent spelling, ties broken alphabetically.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from .models import Claim

FUZZY_METRIC_CUTOFF = 90


@dataclass
class Cluster:
    entity: str
    scope: str
    metric: str
    unit: str
    claims: list[Claim] = field(default_factory=list)

    @property
    def label(self) -> str:
        where = f"{self.entity} ({self.scope})" if self.scope else (self.entity or "unknown entity")
        return f"{where} · {self.metric}"


def scope_key(scope: str) -> str:
    return " ".join(scope.lower().split())


def canonical_metrics(claims: list[Claim], known: set[str]) -> dict[str, str]:
    """Map every metric spelling in a block to one canonical name."""
    counts = Counter(c.metric for c in claims if c.metric)
    canonical: dict[str, str] = {}
    anchors = sorted(m for m in counts if m in known)
    others = sorted((m for m in counts if m not in known), key=lambda m: (-counts[m], m))
    for metric in anchors:
        canonical[metric] = metric
    for metric in others:
        match = next((a for a in anchors if fuzz.ratio(metric, a) >= FUZZY_METRIC_CUTOFF), None)
        canonical[metric] = match or metric
        if match is None:
            anchors.append(metric)
    return canonical


def cluster_claims(claims: list[Claim], known_metrics: set[str]) -> list[Cluster]:
    blocks: dict[tuple[str, str, str], list[Claim]] = defaultdict(list)
    for claim in claims:
        if claim.metric:
            blocks[(claim.entity, scope_key(claim.scope), claim.unit)].append(claim)
    clusters: dict[tuple[str, str, str, str], Cluster] = {}
    for (entity, scope, unit), block in sorted(blocks.items()):
        names = canonical_metrics(block, known_metrics)
        for claim in block:
            metric = names[claim.metric]
            key = (entity, scope, metric, unit)
            if key not in clusters:
                clusters[key] = Cluster(entity, claim.scope, metric, unit)
            clusters[key].claims.append(claim)
    return [clusters[k] for k in sorted(clusters)]
