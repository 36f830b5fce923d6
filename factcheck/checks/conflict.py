"""conflict: one figure (entity, scope, metric, unit, period, level or target) stated with values that cannot agree.

Every pair of value groups that cannot agree is reported, with the value the
corpus backs (copies of one story count once). Across articles a figure needs
its metric and period from its own words or its context; inside one article,
where two values for one key are more often a breakdown the text names in a
way we missed, both must come from their own sentences. A figure for a whole
year that lies outside every figure for periods inside that year is reported
too ("6,33 persen (2024)" against 7,10 in March and 7,26 in September). One
goal share given with two counts in two articles ("Target 2025: 55 persen atau
674 ribu" against "55 persen, atau sekitar 782 ribu") is a conflict of counts.

Options: `mode` ("across" compares figures; "headline" compares a headline with
its body; "extreme" compares a stated highest or lowest value with the rows the
article lists), `slack` (relative widening of every interval), `scale_factors`
(ratios left to the scale kind), `max_groups_paired` (past this many value groups for one key,
each is compared only with the best supported one; default 8), `year_spread` (how far beyond the spread of a
year's figures a figure for the whole year may lie, as a multiple of that spread).
"""

from __future__ import annotations

from array import array
from collections import defaultdict
from dataclasses import dataclass
from datetime import timedelta
from itertools import combinations

from ..cluster import Cluster
from ..messages import Items, Message, Term, message
from ..models import Claim, Finding, Period
from . import Context, Rule
from ._util import (
    figure,
    figure_in,
    generic,
    group_label,
    metric_label,
    metric_strength,
    overlaps,
    period_strength,
    period_text,
    sources,
    written,
)

# figures quoted per value of a conflict: a national statistic repeated in thousands of articles is quoted
# through its first figures (and the one the message names), with a count of the others
MAX_QUOTED = 12
ROLES = {"actual": "level", "share": "share", "target": "target", "projection": "projection"}


def period_key(claim: Claim, flow: bool = False) -> str | None:
    """What "the same period" means for a figure; for a flow, "hingga Februari" is not "pada Februari"."""
    period = claim.period
    if period is None or period.granularity == "current":
        return None
    if claim.modality in ("target", "projection"):
        return str(period.end.year)  # "pada 2026" and "akhir 2026" name the same goal
    if period.granularity == "year":
        return period.label.replace("-end", "").replace("-start", "").replace("-mid", "")
    calendar = _calendar_stretch(period)
    if calendar == str(period.start.year):
        return calendar  # "Januari-Desember 2024" is 2024
    opening = period.start.month == 1 and period.start.day == 1 and period.start.year == period.end.year
    if flow and opening and period.granularity in ("range", "half", "quarter"):
        # "Januari-Agustus 2024" = "hingga Agustus"; "semester I" = "Januari-Juni"
        return f"{period.end.year}-{period.end.month:02d} (so far that year)"
    if flow and period.cumulative and period.granularity == "day" and (period.end + timedelta(days=1)).day == 1:
        # "sampai dengan 30 Juni 2024" = "hingga akhir Juni 2024"
        return f"{period.end.year}-{period.end.month:02d} (so far that year)"
    if calendar:
        return calendar  # "Januari-Juni 2024" is the first half, "Juli-September" the third quarter
    return period.label + (" (so far that year)" if flow and period.cumulative else "")


def _calendar_stretch(period: Period) -> str | None:
    """The half, quarter or year a range of whole months is ("2024-H1" for January-June 2024), if it is one."""
    start, end = period.start, period.end
    if period.granularity != "range" or start.year != end.year or start.day != 1:
        return None
    if (end + timedelta(days=1)).day != 1:
        return None  # ends inside a month
    months = (start.month, end.month)
    if months == (1, 12):
        return str(start.year)
    if months in ((1, 6), (7, 12)):
        return f"{start.year}-H{1 if start.month == 1 else 2}"
    if end.month - start.month == 2 and start.month % 3 == 1:
        return f"{start.year}-Q{(start.month + 2) // 3}"
    return None


def explained_by_scale(a: Claim, b: Claim, factors: list[float]) -> bool:
    if a.unit != b.unit or min(abs(a.value), abs(b.value)) == 0:
        return False
    ratio = max(abs(a.value), abs(b.value)) / min(abs(a.value), abs(b.value))
    return any(abs(ratio / f - 1) <= 0.05 for f in factors)


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


def comparable(claim: Claim, context: Context) -> bool:
    """Whether a claim knows enough of itself to be compared with another article's figure."""
    if claim.in_title or claim.modality in ("change", "gap") or claim.magnitude_missing:
        return False
    return not (generic(claim, context.lexicon) or metric_strength(claim) == 0 or period_strength(claim) == 0)


OWN_WORDS = {"subject", "noun after the figure", "predicate", "column header", "header"}
OWN_PLACE = {"clause", "row label", "respectively"}


def firm(claim: Claim, carried: bool = False) -> bool:
    """Whether a claim's own words name its metric, date it and place it (for two values inside one article).

    With `carried`, its date may come from the sentences before it.
    """
    return (
        claim.evidence.get("metric") in OWN_WORDS
        and period_strength(claim) >= (1 if carried else 2)
        and claim.evidence.get("period") != "level"
        and claim.evidence.get("scope") in OWN_PLACE
    )


def run(context: Context, rule: Rule) -> list[Finding]:
    if rule.option("mode", "across") == "headline":
        return _headlines(context, rule)
    if rule.option("mode", "across") == "extreme":
        return _extremes(context, rule)
    slack = float(rule.option("slack", 0.0))
    factors = [float(f) for f in rule.option("scale_factors", [1e3, 1e6, 1e9])]
    spread = float(rule.option("year_spread", 1.0))
    findings = []
    for cluster in context.clusters:
        flow = context.lexicon.is_flow(cluster.metric)
        label = metric_label(context.lexicon, cluster.metric)
        by_key: dict[tuple[str, str], list[Claim]] = defaultdict(list)
        periods: dict[str, set[str | None]] = defaultdict(set)  # article -> the periods it gives this figure
        for claim in cluster.claims:
            key = period_key(claim, flow)
            periods[claim.article_id].add(key)
            role = "level" if claim.baseline else ROLES.get(claim.modality)
            if role == "share" and claim.population:
                # "Rp 507,8 triliun atau 2,29 persen PDB" and "defisit 2,29 persen dari PDB": a percentage of a named
                # whole is one figure however the sentence pairs it
                role = "level"
            if claim.modality == "change":
                role = _change_role(claim, context)
            elif not comparable(claim, context):
                continue
            if key is None or role is None:
                continue
            by_key[(role, key)].append(claim)
        for (role, key), claims in sorted(by_key.items()):
            groups = value_groups(claims, slack)
            if len(groups) < 2:
                continue
            ambiguous = _ambiguous_articles(groups)
            # a pair without a figure of a reported article gives a finding that would be dropped
            reported = {id(g) for g in groups if any(context.reports(c.article_id) for c in g)}
            sides: dict[int, _Side] = {}  # the best supported group meets every other: read it once
            for first, second in _pairs_to_compare(groups, int(rule.option("max_groups_paired", 8))):
                if id(first) not in reported and id(second) not in reported:
                    continue
                finding = _pair(context, rule, first, second, role, key, label, factors, ambiguous, sides, periods)
                if finding is not None:
                    findings.append(finding)
        if cluster.unit == "percent" and not flow:
            findings.extend(_year_against_months(context, rule, by_key, label, spread))
    findings.extend(_one_share_two_counts(context, rule, slack))
    return findings


def _change_role(claim: Claim, context: Context) -> str | None:
    """ "tumbuh 5,05 persen (yoy)" against "5,08 persen (yoy)": one rate of change, from one base period.

    A relative change is a figure of its own when its base period is known (a
    year-on-year growth of one quarter); without it "naik 5 persen" may be
    measured from anywhere.
    """
    if claim.in_title or claim.unit not in ("percent", "pp") or claim.base_period is None or not claim.direction:
        return None
    if generic(claim, context.lexicon) or metric_strength(claim) == 0 or period_strength(claim) == 0:
        return None
    return f"change {claim.direction} from {claim.base_period.label}"


def _family(claim: Claim) -> str:
    """ "peserta-aktif pu" and "peserta" are one family: the thing counted, whatever its status."""
    return (claim.metric.split() or [""])[0].split("-")[0]


def _one_share_two_counts(context: Context, rule: Rule, slack: float) -> list[Finding]:
    """One goal share, two counts: "55 persen atau 674 ribu" in one article, "55 persen atau 782 ribu" in another.

    The same percent of the same whole (same entity, place, year and kind of
    thing counted) must be the same count.
    """
    groups: dict[tuple[str, str, str, str, str, float], list[tuple[Claim, Claim]]] = defaultdict(list)
    pairs = [
        (c, context.claims[c.links["count"]]) for c in context.claims if c.unit == "percent" and "count" in c.links
    ]
    for share, part in pairs:
        if share.period is None or share.modality not in ("target", "projection") or generic(part, context.lexicon):
            continue
        key = (share.modality, part.entity, part.scope.rstrip("?"), share.period.label, _family(part), share.value)
        groups[key].append((share, part))
    findings = []
    for key in sorted(groups):
        for (share_a, part_a), (share_b, part_b) in combinations(groups[key], 2):
            if share_a.article_id == share_b.article_id or part_a.unit != part_b.unit:
                continue
            if overlaps(part_a.low, part_a.high, part_b.low, part_b.high, slack):
                continue
            said = message(
                f"conflict.share-counts.{key[0]}",
                share=written(share_a),
                period=key[3],
                first=written(part_a),
                first_article=share_a.article_id,
                second=written(part_b),
                second_article=share_b.article_id,
            )
            findings.append(context.finding(rule, said, [share_a, part_a, share_b, part_b], group_label(part_a)))
    return findings


@dataclass
class _Side:
    """One value group of a key as a conflict reads it, computed once however many pairs it is in."""

    claims: list[Claim]  # without the articles that give the key two values
    articles: set[str]
    dated: bool  # some figure is dated in its own words
    about: bool  # some figure is dated by what its article is about and names its metric itself
    representative: Claim | None
    support: int

    @classmethod
    def of(cls, group: list[Claim], ambiguous: set[str]) -> _Side:
        kept = [c for c in group if c.article_id not in ambiguous]
        return cls(
            kept,
            {c.article_id for c in kept},
            any(period_strength(c) == 2 for c in kept),
            any(c.evidence.get("period") == "article" and c.evidence.get("metric") in OWN_WORDS for c in kept),
            _representative(kept) if kept else None,
            sources(kept),
        )


def _pair(
    context: Context,
    rule: Rule,
    first: list[Claim],
    second: list[Claim],
    role: str,
    key: str,
    label: str | Term,
    factors: list[float],
    ambiguous: set[str],
    sides: dict[int, _Side],
    periods: dict[str, set[str | None]],
) -> Finding | None:
    if explained_by_scale(first[0], second[0], factors):
        return None  # a magnitude slip: the scale kind reports it
    if len({c.article_id for c in first} | {c.article_id for c in second}) < 2:
        one, other = [c for c in first if firm(c)], [c for c in second if firm(c)]
        if bool(one) != bool(other) and len(periods.get(first[0].article_id, ())) == 1:
            # the article speaks of this figure for one period only, so a date carried from the sentences
            # before cannot be another year's: prose against its own table ("masing-masing 34,6% dan 32,7%"
            # above the row "Papua Barat: 30%")
            one = one or [c for c in first if firm(c, carried=True)]
            other = other or [c for c in second if firm(c, carried=True)]
        if not one or not other or one[0].sentence_start == other[0].sentence_start:
            return None
        side_a, side_b = _Side.of(one, set()), _Side.of(other, set())
        across = False
    else:
        # an article that gives this key two values names a breakdown we could not read: leave it out
        side_a = sides.get(id(first)) or sides.setdefault(id(first), _Side.of(first, ambiguous))
        side_b = sides.get(id(second)) or sides.setdefault(id(second), _Side.of(second, ambiguous))
        if (
            not side_a.claims
            or not side_b.claims
            or side_a.articles == side_b.articles == {side_a.claims[0].article_id}
        ):
            return None
        if not (side_a.dated or side_b.dated) and not (side_a.about and side_b.about):
            return None  # at least one side must be dated in its own words
        across = True
    first, second = side_a.claims, side_b.claims
    a, b = side_a.representative, side_b.representative
    assert a is not None and b is not None  # both sides hold a figure
    if a.article_id == b.article_id and across:
        others = (c for c in second if c.article_id != a.article_id)
        b = next(others, b)
    support_a, support_b = side_a.support, side_b.support
    suffix = {"target": ".target", "projection": ".projection", "share": ".share"}.get(role, "")
    template = "conflict.figures" + suffix
    metric: str | Message | Term = label
    group = label.text if isinstance(label, Term) else label  # findings are grouped by the lexicon's label
    if role.startswith("change"):
        # "ekonomi, rise from 2023-Q2": the role names the direction and the base period's label
        group = f"{group}, {role.split()[1]} from {role.rsplit(' ', 1)[-1]}"
        metric = message(f"conflict.change.{role.split()[1]}", metric=metric, base=_base_words(a))
    # Each figure as written, with its period in the article's words and how many outlets state it,
    # so the editor sees which figure to check: "37,9 juta (Desember 2023, 1 outlet) against ...".
    said = message(
        template,
        metric=metric,
        first=_figure_with_outlets(a, support_a),
        first_article=a.article_id,
        second=_figure_with_outlets(b, support_b),
        second_article=b.article_id,
    )
    shown = [*_selection(first, a, MAX_QUOTED), *_selection(second, b, MAX_QUOTED)]
    involved = _dedupe(shown)
    finding = context.finding(rule, said, involved, group_label(a, group))
    # the groups partition the key's figures, so what is not shown is not counted twice
    finding.omitted = len(first) + len(second) - len(shown)
    _support(finding, a, side_b.representative or b, support_a, support_b)
    return finding


def _selection(claims: list[Claim], named: Claim, most: int) -> list[Claim]:
    """The figures of a value group a finding quotes: the first `most` in the group's order, and the one it names."""
    if len(claims) <= most:
        return claims
    return [c for i, c in enumerate(claims) if i < most or c is named]


def _base_words(claim: Claim) -> str:
    """The base period of a change as the article names it ("kuartal I-2024"), else as a chart names it ("Q2 2023").

    "tumbuh 5,05 persen secara tahunan" names its base only as "secara tahunan": the period it means is written out.
    """
    from ..report.chart import period_name

    base = claim.base_period
    if base is None:
        return ""
    written = " ".join(base.text.split())
    return written if any(ch.isdigit() for ch in written) else period_name(base)


def _figure_with_outlets(claim: Claim, count: int) -> Message:
    if claim.period:
        return message("figure.outlets", figure=written(claim), period=period_text(claim), n=count)
    return message("figure.outlets.undated", figure=written(claim), n=count)


def _pairs_to_compare(groups: list[list[Claim]], most: int) -> list[tuple[list[Claim], list[Claim]]]:
    """Every pair of value groups; past `most` groups, each against the one most sources state.

    An archive can hold hundreds of values for one figure; every pair would be
    a quadratic report no editor reads, while each value against the best
    supported one says the same thing once per value.
    """
    if len(groups) <= most:
        return list(combinations(groups, 2))
    backed = max(groups, key=lambda g: (sources(g), len(g), -g[0].value))
    return [(backed, g) if backed[0].value <= g[0].value else (g, backed) for g in groups if g is not backed]


def _ambiguous_articles(groups: list[list[Claim]]) -> set[str]:
    seen: dict[str, int] = {}
    ambiguous = set()
    for number, group in enumerate(groups):
        for claim in group:
            if seen.setdefault(claim.article_id, number) != number:
                ambiguous.add(claim.article_id)
    return ambiguous


def _representative(claims: list[Claim]) -> Claim:
    """The figure to quote for a group: one dated in its own clause, from the article that states it most plainly."""
    return sorted(claims, key=lambda c: (-period_strength(c), -metric_strength(c), c.baseline, c.article_id, c.start))[
        0
    ]


def _dedupe(claims: list[Claim]) -> list[Claim]:
    seen: set[str] = set()
    kept = []
    for claim in claims:
        if claim.uid not in seen:
            seen.add(claim.uid)
            kept.append(claim)
    return kept


def _support(finding: Finding, a: Claim, b: Claim, count_a: int, count_b: int) -> None:
    """Which value the corpus backs: the one more independent sources state (`a` and `b` quote each)."""
    if finding.template is None:
        return  # a tally's finding (`Context.finding`): counted, never printed, so not weighed either
    finding.support = [{"value": " ".join(c.text.split()), "sources": n} for c, n in ((a, count_a), (b, count_b))]
    if count_a != count_b:
        finding.supported_value = " ".join((a if count_a > count_b else b).text.split())
        if finding.template is not None:
            finding.retell(message("conflict.backed", message=finding.template, value=finding.supported_value))


def _year_against_months(
    context: Context, rule: Rule, by_key: dict[tuple[str, str], list[Claim]], label: str | Term, spread: float
) -> list[Finding]:
    """A rate for a whole year outside every rate stated for periods inside that year."""
    findings = []
    for (role, key), claims in sorted(by_key.items()):
        if role != "level" or not key.isdigit():
            continue
        inside = [
            c
            for (other_role, other_key), group in by_key.items()
            if other_role == "level" and other_key[:4] == key and other_key != key
            for c in group
        ]
        periods = {c.period.label for c in inside if c.period is not None}
        if len(periods) < 2:
            continue  # one month alone may be the year's figure
        low, high = min(c.low for c in inside), max(c.high for c in inside)
        width = (high - low) * spread
        for claim in claims:
            if claim.high < low - width or claim.low > high + width:
                chosen = sorted(inside, key=lambda c: (c.period.end if c.period else None, c.article_id))
                said = message(
                    "conflict.year",
                    metric=label,
                    year=key,
                    figure=figure(claim),
                    article=claim.article_id,
                    figures=Items(tuple(figure_in(c) for c in chosen[:3])),
                )
                findings.append(context.finding(rule, said, [claim, *chosen[:3]], group_label(claim, label)))
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
    """A headline figure the body does not support: the body states the same metric with other values only."""
    slack = float(rule.option("slack", 0.0))
    # a claim's cluster and where it stands in it, by article and offset (what Claim.uid spells): the body is
    # read from the article's own claims, in cluster order, instead of scanning the whole cluster for every
    # headline (a long series made that quadratic).
    # by the article's id and the claim's own offset, not by a uid string made per claim: 100k archived articles
    # made 900k such strings at once (150 MiB). Each article's table is made when its turn comes, from the claims'
    # clusters and their places in them (a table of every article's at once was 34 MiB at 100k)
    places = _places_in_clusters(context)
    rank = {id(cluster): r for r, cluster in enumerate(context.clusters)}
    findings = []
    for article_id in sorted(context.by_article):
        if not context.reports(article_id):
            continue
        claims = context.by_article[article_id]
        here = _placed(context, claims, places, rank)
        for headline in (
            c for c in claims if c.in_title and c.modality in ("actual", "target") and not generic(c, context.lexicon)
        ):
            found = here.get(headline.start)
            if found is None:
                continue
            cluster = found[0]
            # the article's claims in this cluster (a claim's uid is in a cluster only where it is placed)
            same = [(place[1], c) for c in claims if (place := here.get(c.start)) is not None and place[0] is cluster]
            body = [
                c
                for _, c in sorted(same, key=lambda pair: pair[0])
                if c.article_id == article_id
                and not c.in_title
                and c.modality == headline.modality
                and not c.baseline
                and metric_strength(c) == 2
                and (headline.period is None or c.period is None or c.period.label == headline.period.label)
            ]
            # a headline rounds or truncates: "283 Ribu" for 283,82 ribu, "Level 7.250" for 7.250,31
            low, truncated_high = headline.low, headline.high + (headline.high - headline.low) / 2
            if headline.low == headline.high:
                low, truncated_high = headline.value - 0.5, headline.value + 0.999
            if not body or any(overlaps(low, truncated_high, c.low, c.high, slack) for c in body):
                continue
            if _parts_make_it(headline, body, slack):
                continue
            label = metric_label(context.lexicon, cluster.metric, qualifiers=False)
            said = message(
                "conflict.headline",
                metric=label,
                headline=written(headline),
                figures=Items(tuple(figure(c) for c in body[:3])),
            )
            findings.append(context.finding(rule, said, [headline, *body[:3]], group_label(headline, label)))
    return findings


def _places_in_clusters(context: Context) -> tuple[array[int], dict[int, int]]:
    """Each claim's place in its cluster's list: by the claim's number, and by `id` for a claim not at its number."""
    claims = context.claims
    by_number = array("q", [-1]) * len(claims)
    by_id: dict[int, int] = {}
    for cluster in context.clusters:
        for i, c in enumerate(cluster.claims):
            if 0 <= c.index < len(claims) and claims[c.index] is c:
                by_number[c.index] = i
            else:
                by_id[id(c)] = i
    return by_number, by_id


def _placed(
    context: Context, claims: list[Claim], places: tuple[array[int], dict[int, int]], rank: dict[int, int]
) -> dict[int, tuple[Cluster, int]]:
    """An article's claims by offset: their cluster and place in it (of two at one offset, the later in clusters)."""
    by_number, by_id = places
    found: list[tuple[int, int, int, Cluster]] = []
    for c in claims:
        cluster = context.cluster_of(c)
        if cluster is not None:
            number = c.index
            place = by_number[number] if 0 <= number < len(by_number) and context.claims[number] is c else by_id[id(c)]
            found.append((rank[id(cluster)], place, c.start, cluster))
    found.sort(key=lambda entry: (entry[0], entry[1]))  # the order a walk over every cluster meets them in
    return {start: (cluster, place) for _, place, start, cluster in found}


def _extremes(context: Context, rule: Rule) -> list[Finding]:
    """ "tertinggi sebesar 37,9%" while the article lists "Papua Tengah (38,4%)": a row beyond the stated extreme.

    Only inside one article, for one metric, period and unit: the extreme is
    stated without a place of its own, the rows each with a place.
    """
    slack = float(rule.option("slack", 0.0))
    findings = []
    for article_id in sorted(context.by_article):
        if not context.reports(article_id):
            continue
        claims = [c for c in context.by_article[article_id] if not c.in_title and not c.baseline]
        for extreme in claims:
            place = extreme.scope.split("/")[0].rstrip("?")
            if extreme.rank not in ("highest", "lowest") or place or extreme.modality != "actual" or not extreme.metric:
                continue
            if extreme.period is None or metric_strength(extreme) == 0:
                continue
            rows = [
                c
                for c in claims
                if c is not extreme
                and c.metric.split()[:1] == extreme.metric.split()[:1]
                and c.unit == extreme.unit
                and c.modality == "actual"
                and c.period is not None
                and c.period.label == extreme.period.label
                and c.scope.split("/")[0].rstrip("?")
            ]
            if extreme.rank == "highest":
                beyond = [
                    c
                    for c in rows
                    if c.low > extreme.high and not overlaps(c.low, c.high, extreme.low, extreme.high, slack)
                ]
                word = "highest"
            else:
                beyond = [
                    c
                    for c in rows
                    if c.high < extreme.low and not overlaps(c.low, c.high, extreme.low, extreme.high, slack)
                ]
                word = "lowest"
            if not beyond:
                continue
            worst = max(beyond, key=lambda c: c.value) if word == "highest" else min(beyond, key=lambda c: c.value)
            name = metric_label(context.lexicon, extreme.metric, qualifiers=False)
            said = message(
                f"conflict.extreme.{word}",
                metric=name,
                figure=figure(extreme),
                place=worst.scope.split("/")[0].rstrip("?"),
                value=written(worst),
            )
            findings.append(context.finding(rule, said, [extreme, worst], group_label(extreme, name)))
    return findings
