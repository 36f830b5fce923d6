"""Check kinds. A rule in rules/*.yml picks one kind and sets its options.

Each kind is a module with a `run(context, rule)` function returning
findings; the module docstring says what it looks for.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from ..cluster import Cluster
from ..compact import Pool
from ..lexicon import Lexicon
from ..messages import Message, render
from ..models import Article, Claim, Evidence, Finding, Mention


@dataclass
class Rule:
    id: str
    name: str
    kind: str
    severity: str
    summary: str
    bad: str
    good: str
    why: str = ""
    options: dict[str, Any] = field(default_factory=dict)
    enabled: bool = True
    source: str = ""

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Rule:
        return cls(
            id=data["id"],
            name=data["name"],
            kind=data["kind"],
            severity=data["severity"],
            summary=data["summary"].strip(),
            bad=data["bad"].rstrip(),
            good=data["good"].rstrip(),
            why=str(data.get("why", "")).strip(),
            options=dict(data.get("options") or {}),
            enabled=bool(data.get("enabled", True)),
            source=str(data.get("source", "")),
        )

    def option(self, key: str, default: Any) -> Any:
        return self.options.get(key, default)


@dataclass
class Context:
    articles: dict[str, Article]
    claims: list[Claim]
    clusters: list[Cluster]
    mentions: list[Mention]
    lexicon: Lexicon
    # the articles whose findings are reported (a draft checked against an archive); None: every article.
    # A check that compares an article only with itself skips the others: their findings would be dropped.
    focus: set[str] | None = None
    # person name -> the articles naming it in the whole run, where the context holds only some of them (a
    # draft's neighbourhood loads a name's articles only when the name-variant rule could pair it)
    person_articles: dict[str, int] = field(default_factory=dict)
    # False: a finding quotes each figure by its place and text alone, no sentence, value or period (a run
    # that prints only counts, `Options.tally`: what tells findings apart and what suppresses one is kept)
    figures: bool = True

    def reports(self, article_id: str) -> bool:
        return self.focus is None or article_id in self.focus

    @cached_property
    def by_article(self) -> dict[str, list[Claim]]:
        """Claims of each article in text order; rules look up neighbours here, not in the whole corpus."""
        grouped: dict[str, list[Claim]] = defaultdict(list)
        for claim in self.claims:
            grouped[claim.article_id].append(claim)
        return grouped

    def each_article(self) -> Iterator[tuple[str, list[Claim]]]:
        """Each article's claims in corpus order, articles sorted by id: `sorted(by_article.items())`, one at a time.

        A rule that reads one article after another needs no table of every article's claims: at 100k
        articles the trend rule's table of every sentence's claims was 38 MiB above the rest of the check.
        An article's claims are runs of the corpus's list (one run, as the check numbers them).
        """
        claims = self.claims
        starts = [i for i in range(len(claims)) if i == 0 or claims[i].article_id != claims[i - 1].article_id]
        ends = [*starts[1:], len(claims)]
        runs = sorted(range(len(starts)), key=lambda r: claims[starts[r]].article_id)  # stable: corpus order kept
        position = 0
        while position < len(runs):
            article_id = claims[starts[runs[position]]].article_id
            found: list[Claim] = []
            while position < len(runs) and claims[starts[runs[position]]].article_id == article_id:
                found.extend(claims[starts[runs[position]] : ends[runs[position]]])
                position += 1
            yield article_id, found

    @cached_property
    def by_metric(self) -> dict[str, list[Claim]]:
        """Claims of each metric, corpus-wide: a rule that looks elsewhere looks here, not at every claim."""
        grouped: dict[str, list[Claim]] = defaultdict(list)
        for claim in self.claims:
            grouped[claim.metric].append(claim)
        return grouped

    @cached_property
    def by_metric_period(self) -> dict[tuple[str, str], list[Claim]]:
        """Claims of each metric and period label, corpus-wide, in corpus order (a share's whole looks here)."""
        grouped: dict[tuple[str, str], list[Claim]] = defaultdict(list)
        for claim in self.claims:
            if claim.period is not None:
                grouped[(claim.metric, claim.period.label)].append(claim)
        return grouped

    @cached_property
    def targets(self) -> dict[tuple[str, str, int], list[str]]:
        """(unit, entity, year) -> the articles stating a dated target of it, sorted: a gap looks there for echoes."""
        found: dict[tuple[str, str, int], set[str]] = defaultdict(set)
        for claim in self.claims:
            if claim.modality == "target" and claim.period is not None:
                found[(claim.unit, claim.entity, claim.period.end.year)].add(claim.article_id)
        return {key: sorted(ids) for key, ids in found.items()}

    @cached_property
    def actuals_by_month(self) -> dict[tuple[str, str, int, int], tuple[list[float], list[Claim], float]]:
        """(unit, entity, year, month) -> that month's actual figures sorted by low end, and their widest interval.

        A rule that needs the figures overlapping an interval bisects them instead of scanning every claim.
        """
        grouped: dict[tuple[str, str, int, int], list[Claim]] = defaultdict(list)
        for claim in self.claims:
            if claim.modality == "actual" and claim.period is not None:
                end = claim.period.end
                grouped[(claim.unit, claim.entity, end.year, end.month)].append(claim)
        found = {}
        for key, claims in grouped.items():
            claims.sort(key=lambda c: c.low)
            found[key] = ([c.low for c in claims], claims, max(c.high - c.low for c in claims))
        return found

    def actuals_overlapping(
        self, unit: str, entity: str, year: int, month: int, low: float, high: float
    ) -> list[Claim]:
        """The actual figures of that month, unit and entity whose intervals overlap [low, high] (any order)."""
        lows, claims, widest = self.actuals_by_month.get((unit, entity, year, month), ([], [], 0.0))
        # widened by a hair against rounding: a figure whose low end is below `low` still reaches into it
        start = bisect_left(lows, low - widest - 1e-9 * (abs(low) + widest + 1))
        return [c for c in claims[start : bisect_right(lows, high)] if c.low <= high and low <= c.high]

    def cluster_of(self, claim: Claim) -> Cluster | None:
        """The cluster a claim is in (None: it is in none), found by the claim's number.

        A list by number, not a dict by `id(claim)`: three rules each built such a dict of every claim,
        35 MiB at 100k articles (an int object and a slot per claim), one more copy of it in every process.
        """
        table = self._cluster_by_number
        number = claim.index
        if 0 <= number < len(table) and self.claims[number] is claim:
            return table[number]
        return self._cluster_unnumbered.get(id(claim))

    @cached_property
    def _cluster_by_number(self) -> list[Cluster | None]:
        table: list[Cluster | None] = [None] * len(self.claims)
        unnumbered = self._cluster_unnumbered
        for cluster in self.clusters:
            for claim in cluster.claims:
                number = claim.index
                if 0 <= number < len(table) and self.claims[number] is claim:
                    table[number] = cluster
                else:  # a claim whose number is not its place in `claims` (none, as the check numbers them)
                    unnumbered[id(claim)] = cluster
        return table

    @cached_property
    def _cluster_unnumbered(self) -> dict[int, Cluster]:
        return {}

    @cached_property
    def changes_by_level(self) -> dict[int, list[Claim]]:
        grouped: dict[int, list[Claim]] = defaultdict(list)
        for claim in self.claims:
            if claim.modality == "change" and "level" in claim.links:
                grouped[claim.links["level"]].append(claim)
        return grouped

    def finding(self, rule: Rule, message: Message, claims: list[Claim], group: str = "") -> Finding:
        if " · " in group:
            where, metric_id = group.rsplit(" · ", 1)
            metric = self.lexicon.metric(metric_id)
            group = f"{where} · {metric.label}" if metric else group
        return self.quoting(rule, message, [self.evidence(c) for c in claims], group)

    def quoting(self, rule: Rule, message: Message, evidence: list[Evidence], group: str = "") -> Finding:
        """A finding that quotes `evidence` (a rule that quotes what is not a claim, a dateline, makes its own)."""
        if not self.figures:
            # a tally tells findings apart by their text alone: not the message's tree of parts (a third of FC101's
            # findings at 10k). Its "the corpus backs" ending (`retell`) is left off; the figures and their counts of
            # sources, which decide it, are in the text already, so the same findings stay apart
            return Finding(rule.id, rule.kind, rule.severity, render(message), evidence, group)
        return Finding.of(rule.id, rule.kind, rule.severity, message, evidence, group)

    def evidence(self, claim: Claim) -> Evidence:
        """The claim as findings quote it: one Evidence per claim, however many findings quote it.

        Nothing edits an Evidence once made but for its line and column, which are the claim's
        (check.py sets them), so findings share it; a large archive's findings quote 500k figures.
        """
        known = self._evidence.get(claim.index)
        if not self.figures:
            # one per claim here too: a rule's findings quote the same figures again and again (the first 12 of a
            # national statistic in every one of its pairs: at 100k, FC101's 378k quotes of far fewer figures)
            if known is None or known.article is not claim.article_id or known.start != claim.start:
                known = Evidence(claim.article_id, claim.path, claim.start, claim.end, claim.text, "")
                self._evidence[claim.index] = known
            return known
        if known is not None and known.article is claim.article_id and known.start == claim.start:
            return known
        found = Evidence.of_claim(claim)
        if known is None:
            self._evidence[claim.index] = found
        pool = self._pool
        if found.period_detail is not None:  # a period many figures share: one copy of it and its words
            found.period_detail = pool.mapping(found.period_detail)
        found.entity, found.published = pool.one(found.entity), pool.one(found.published)
        return found

    def rule_done(self) -> None:
        """Forget what one rule alone needed: a tally's figures are kept while their rule runs, not for the next one."""
        if not self.figures:
            self._evidence.clear()

    @cached_property
    def _pool(self) -> Pool:
        return Pool()

    @cached_property
    def _evidence(self) -> dict[int, Evidence]:
        # by the claim's number, unique in a run (its int is the claim's own: no key or pair to hold per
        # figure); a claim that is not the one numbered so (same number, other article or offset) gets its own
        return {}


CheckFunction = Callable[[Context, Rule], list[Finding]]


def _kinds() -> dict[str, CheckFunction]:
    from . import conflict, count, name_variant, outlier, percent_change, scale, share, stale, trend, weekday
    from . import sum as sum_check

    return {
        "conflict": conflict.run,
        "stale": stale.run,
        "outlier": outlier.run,
        "trend": trend.run,
        "percent-change": percent_change.run,
        "share": share.run,
        "sum": sum_check.run,
        "scale": scale.run,
        "name-variant": name_variant.run,
        "weekday": weekday.run,
        "count": count.run,
    }


KINDS = (
    "conflict",
    "stale",
    "outlier",
    "trend",
    "percent-change",
    "share",
    "sum",
    "scale",
    "name-variant",
    "weekday",
    "count",
)


def kind_function(kind: str) -> CheckFunction:
    return _kinds()[kind]
