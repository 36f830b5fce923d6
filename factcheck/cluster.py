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
from .stems import metric_key, scope_key

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


def metric_identity(metric: str, code: str = "id") -> str:
    """What two metric names must share to be one metric (stems, lexicon id and sorted qualifiers)."""
    return metric_key(metric, code)


def canonical_metrics(claims: list[Claim], known: set[str]) -> dict[str, str]:
    """Map every metric spelling in a block to one canonical name (see canonical_names)."""
    return canonical_names(Counter(c.metric for c in claims if c.metric), known)


def canonical_names(spellings: Counter[str], known: set[str]) -> dict[str, str]:
    """Map every metric spelling of a block (with how many claims use it) to one canonical name.

    Spellings with the same identity (stems and qualifiers) are one metric;
    a phrase no lexicon entry names is joined to another only when their
    identities are near-identical (a typo), never by a looser likeness. Only
    the counts matter, so a draft checked against an archive names its
    clusters from the archive's counts without loading the archive's claims.
    """
    identity = {metric: metric_identity(metric) for metric in spellings}
    counts: Counter[str] = Counter()
    for metric, count in spellings.items():
        counts[identity[metric]] += count
    spelling: dict[str, str] = {}
    for metric in sorted(identity, key=lambda m: (m.split()[0] not in known, -counts[identity[m]], m)):
        spelling.setdefault(identity[metric], metric)
    lexicon_named = {identity[m] for m in identity if m.split()[0] in known}  # "peserta pu" keys as "serta pu"
    canonical: dict[str, str] = {}
    anchors: list[str] = []
    for key in sorted(counts, key=lambda k: (k not in lexicon_named, -counts[k], k)):
        match = next(
            (a for a in anchors if a not in lexicon_named and key not in lexicon_named and _typo_apart(key, a)),
            None,
        )
        target = match or key
        if match is None:
            anchors.append(key)
        canonical[key] = spelling[target]
    return {metric: canonical[identity[metric]] for metric in identity}


def _typo_apart(one: str, other: str) -> bool:
    """Whether two metric keys differ only by a typo in a long word ("pengangguaran"), never a code ("pu", "bpu")."""
    words_one, words_other = one.split(), other.split()
    if len(words_one) != len(words_other) or fuzz.ratio(one, other) < FUZZY_METRIC_CUTOFF:
        return False
    return all(a == b or min(len(a), len(b)) >= 5 for a, b in zip(words_one, words_other, strict=True))


Block = tuple[str, str, str]  # (entity, or "" for a statistic; scope_key; unit)


def cluster_claims(
    claims: list[Claim],
    known_metrics: set[str],
    statistics: set[str] | None = None,
    spellings: dict[Block, Counter[str]] | None = None,
) -> list[Cluster]:
    """Group claims by entity, scope, metric and unit.

    For a population statistic (`statistics`: poverty, unemployment) the
    entity is left out of the key: BPS, a ministry and a newspaper report the
    same national figure. `spellings` gives a block's metric spellings with
    their counts when `claims` is only part of the corpus (a draft's
    neighbourhood in an archive), so that canonical names are the whole
    corpus's.
    """
    statistics = statistics or set()
    blocks: dict[Block, list[Claim]] = defaultdict(list)
    for claim in claims:
        if claim.metric:
            entity = "" if claim.metric.split()[0] in statistics else claim.entity
            blocks[(entity, scope_key(claim.scope), claim.unit)].append(claim)
    clusters: dict[tuple[str, str, str, str], Cluster] = {}
    for (entity, scope, unit), block in sorted(blocks.items()):
        counted = spellings.get((entity, scope, unit)) if spellings is not None else None
        names = canonical_names(counted, known_metrics) if counted else canonical_metrics(block, known_metrics)
        for claim in block:
            metric = names[claim.metric]
            key = (entity, scope, metric, unit)
            if key not in clusters:
                clusters[key] = Cluster(entity, claim.scope, metric, unit)
            clusters[key].claims.append(claim)
    return [clusters[k] for k in sorted(clusters)]
