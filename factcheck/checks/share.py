"""share: stated percentages that disagree with their part and their total, or with each other.

Four checks, all rounding-aware:
- "55 persen dari total jumlah pekerja ... atau 782 ribu" where the article (or
  another article, for the same period) states that total, or "2,1 juta orang.
  Namun yang baru terdaftar 36 persen atau 912 ribu" where the sentence before
  does: the percent of it is not the count;
- a share pair against the total of the figure it is part of ("program JP
  mencapai 22,9% mencapai Rp158,78 triliun" when the dana investasi is
  Rp712,3 triliun);
- two share pairs of one whole that imply totals that cannot agree ("580 ribu
  atau 44 persen" implies 1,32 juta, "55 persen atau 782 ribu" 1,42 juta);
- the shares of one breakdown (the segments of a total, for one period) that
  add up to more than 100 percent.
Options: `slack` (relative), `implied_total_slack` (relative; two implied
totals closer than this are one whole rounded two ways, default 0.002),
`max_total_percent` (default 100).
"""

from __future__ import annotations

from collections import defaultdict
from itertools import combinations

from ..messages import Items, Number, message
from ..models import Claim, Finding
from ..numfmt import interval
from . import Context, Rule
from ._util import figure, generic, group_label, language_of, metric_label, metric_strength, overlaps


def _place(claim: Claim) -> str:
    """The place a figure is for, without its breakdown or rank ("Jambi/perkotaan", "/highest")."""
    return claim.scope.split("/")[0].rstrip("?")


def _base(claim: Claim) -> str:
    return claim.metric.split()[0] if claim.metric else ""


def _implied_total(share: Claim, part: Claim) -> tuple[float, float] | None:
    if share.low <= 0 or share.high <= 0:
        return None
    return part.low * 100 / share.high, part.high * 100 / share.low


def find_total(context: Context, share: Claim, part: Claim) -> Claim | None:
    """The whole a share is of: its named population in the article, else in another article for that period."""
    population = share.population
    if not population:
        return None
    same_article = [c for c in context.by_article[share.article_id] if not c.in_title]
    whole = population.split()[0]
    named = [
        c
        for c in same_article
        if c.metric == whole  # the whole itself, not one of its segments ("dana-investasi jht")
        and c.unit == part.unit
        and c.start < share.start
        and _place(c) == _place(share)
        and c.modality in ("actual", "share")
        and c is not part
    ]
    if named:
        return named[-1]
    if share.period is None:
        return None
    elsewhere = [
        c
        for c in context.by_metric_period.get((whole, share.period.label), [])
        if c.article_id != share.article_id
        and c.unit == part.unit
        and c.modality == "actual"
        and not c.baseline
        and c.period is not None
        and c.period.label == share.period.label
        and _place(c) == _place(share)
        and c.entity == share.entity
        and metric_strength(c) == 2
    ]
    return elsewhere[0] if len({round(c.value, 6) for c in elsewhere}) == 1 else None


def run(context: Context, rule: Rule) -> list[Finding]:
    slack = float(rule.option("slack", 0.0))
    ceiling = float(rule.option("max_total_percent", 100.0))
    findings: list[Finding] = []
    pairs: list[tuple[Claim, Claim]] = []
    explained: set[str] = set()
    for share in context.claims:
        if share.unit != "percent" or "count" not in share.links or share.modality == "change" or share.baseline:
            continue
        part = context.claims[share.links["count"]]
        if part.modality != "change":
            pairs.append((share, part))
    # another pair that fits a stated whole is looked for in the share's own article, not in every pair
    in_article: dict[str, list[tuple[Claim, Claim]]] = {}
    for share, part in pairs:
        in_article.setdefault(share.article_id, []).append((share, part))
    for share, part in pairs:
        total = find_total(context, share, part)
        if total is None and "whole" in share.links:
            total = context.claims[share.links["whole"]]  # "Dari jumlah itu, 36 persen atau ...": the figure before
        if total is not None:
            finding = _against_total(context, rule, share, part, total, slack, in_article[share.article_id])
            if finding is not None:
                findings.append(finding)
                explained.add(share.uid)
                continue
        finding = _against_whole(context, rule, share, part, slack)
        if finding is not None:
            findings.append(finding)
            explained.add(share.uid)
    # a pair already shown wrong against its stated whole says nothing more by the whole it implies
    unexplained = [(s, p) for s, p in pairs if s.uid not in explained]
    findings.extend(
        _implied_totals(context, rule, unexplained, max(slack, float(rule.option("implied_total_slack", 0.002))))
    )
    findings.extend(_over_one_hundred(context, rule, ceiling))
    return findings


def _against_total(
    context: Context,
    rule: Rule,
    share: Claim,
    part: Claim,
    total: Claim,
    slack: float,
    pairs: list[tuple[Claim, Claim]],
) -> Finding | None:
    low, high = share.low * total.low / 100, share.high * total.high / 100
    if overlaps(low, high, part.low, part.high, slack):
        return None
    if total.article_id == share.article_id and _another_total_fits(context, share, part, total):
        return None
    code = language_of(context, part)
    elsewhere = total.article_id != share.article_id
    said = message(
        "share.of-total.elsewhere" if elsewhere else "share.of-total",
        share=" ".join(share.text.split()),
        total=figure(total),
        **({"total_article": total.article_id} if elsewhere else {}),
        computed=interval(low, high, part.unit, code),
        part=" ".join(part.text.split()),
    )
    evidence = [share, part, total]
    fitting = _pair_that_fits(context, share, part, total, pairs, slack)
    if fitting is not None:
        # the editor learns which figure is the odd one: another share of that whole agrees with it
        other_share, other_part = fitting
        implied = _implied_total(other_share, other_part)
        assert implied is not None
        said = message(
            "share.other-fits",
            message=said,
            part=" ".join(other_part.text.split()),
            share=" ".join(other_share.text.split()),
            computed=interval(*implied, other_part.unit, code),
            total=" ".join(total.text.split()),
        )
        evidence += [other_share, other_part]
    return context.finding(rule, said, evidence, group_label(part))


def _pair_that_fits(
    context: Context, share: Claim, part: Claim, total: Claim, pairs: list[tuple[Claim, Claim]], slack: float
) -> tuple[Claim, Claim] | None:
    """Another share pair of the same article whose implied whole is the stated total."""
    whole = total.metric.split()[:1]
    for other_share, other_part in pairs:
        if other_share is share or other_share.article_id != share.article_id or other_part.unit != part.unit:
            continue
        of_total = (
            context.claims[other_share.links["whole"]] is total
            if "whole" in other_share.links
            else other_share.population.split()[:1] == whole
        )
        implied = _implied_total(other_share, other_part)
        if of_total and implied is not None and overlaps(*implied, total.low, total.high, slack):
            return other_share, other_part
    return None


def _against_whole(context: Context, rule: Rule, share: Claim, part: Claim, slack: float) -> Finding | None:
    """ "program JP mencapai 22,9% mencapai Rp158,78 triliun" against the dana investasi of that year."""
    words = part.metric.split()
    if len(words) < 2 or part.unit not in ("IDR", "USD") or part.period is None:
        return None
    wholes = [
        c
        for c in context.by_article[part.article_id]
        if c.metric == words[0]
        and c.unit == part.unit
        and c.modality == "actual"
        and not c.baseline
        and c.period is not None
        and c.period.label == part.period.label
        and c.high > part.high
    ]
    values = {round(c.value, 6) for c in wholes}
    if len(values) != 1:
        return None
    whole = wholes[0]
    low, high = share.low * whole.low / 100, share.high * whole.high / 100
    if overlaps(low, high, part.low, part.high, slack):
        return None
    code = language_of(context, part)
    said = message(
        "share.of-total",
        share=" ".join(share.text.split()),
        total=figure(whole),
        computed=interval(low, high, part.unit, code),
        part=" ".join(part.text.split()),
    )
    return context.finding(rule, said, [share, part, whole], group_label(part))


def _another_total_fits(context: Context, share: Claim, part: Claim, total: Claim) -> bool:
    """Whether the percent is of some other figure the article states (then we picked the wrong total)."""
    implied = _implied_total(share, part)
    if implied is None:
        return False
    return any(
        c is not total and c is not part and c.unit == part.unit and overlaps(c.low, c.high, *implied)
        for c in context.by_article[share.article_id]
    )


# Past this many share pairs of one whole, each is compared with one reference pair of its year only.
MOST_PAIRED = 16


def _pairs_to_compare(members: list[tuple[Claim, Claim]]) -> list[tuple[tuple[Claim, Claim], tuple[Claim, Claim]]]:
    """Every two share pairs of one whole; past MOST_PAIRED, each against the median implied whole of its year.

    An archive holds thousands of shares of one whole (a membership goal restated every month): every
    pair that disagrees was a finding, a report quadratic in the archive that no editor reads, while
    each share against the middle of its year's implied wholes names every outlying share once.
    """
    if len(members) <= MOST_PAIRED:
        return list(combinations(members, 2))
    position = {id(member): number for number, member in enumerate(members)}
    by_year: dict[str, list[tuple[Claim, Claim]]] = defaultdict(list)
    for member in members:
        by_year[member[0].period.label[:4] if member[0].period else ""].append(member)
    pairs = []
    for _, group in sorted(by_year.items()):
        known = [(total, m) for m in group if (total := _implied_total(*m)) is not None]
        if not known:
            continue
        known.sort(key=lambda item: (sum(item[0]) / 2, position[id(item[1])]))
        reference = known[len(known) // 2][1]
        for member in group:
            if member is not reference:
                first, second = sorted((reference, member), key=lambda m: position[id(m)])
                pairs.append((first, second))
    return sorted(pairs, key=lambda pair: (position[id(pair[0])], position[id(pair[1])]))


def _implied_totals(context: Context, rule: Rule, pairs: list[tuple[Claim, Claim]], slack: float) -> list[Finding]:
    """Two share pairs of one whole whose implied totals cannot agree."""
    groups: dict[tuple[str, str, str], list[tuple[Claim, Claim]]] = defaultdict(list)
    for share, part in pairs:
        if generic(part, context.lexicon) and not share.population:
            continue
        if share.population:
            whole = share.population.split()[0]
        elif "whole" in share.links:
            whole = _base(context.claims[share.links["whole"]])  # "1,3 juta lebih. Namun ... 44 persen atau 580 ribu"
        else:
            whole = _base(part)
        groups[(part.entity, part.scope.rstrip("?"), whole)].append((share, part))
    findings = []
    for key in sorted(groups):
        members = groups[key]
        for (share_a, part_a), (share_b, part_b) in _pairs_to_compare(members):
            if (
                part_a.unit != part_b.unit
                or share_a.article_id == share_b.article_id
                and share_a.sentence_start == share_b.sentence_start
            ):
                continue
            if share_a.period and share_b.period and share_a.period.label[:4] != share_b.period.label[:4]:
                continue  # the whole of another year is another whole
            total_a, total_b = _implied_total(share_a, part_a), _implied_total(share_b, part_b)
            if total_a is None or total_b is None or overlaps(*total_a, *total_b, slack):
                continue
            elsewhere = share_b.article_id != share_a.article_id
            code = language_of(context, part_a)
            said = message(
                "share.implied.elsewhere" if elsewhere else "share.implied",
                first_part=" ".join(part_a.text.split()),
                first_share=" ".join(share_a.text.split()),
                first_total=interval(*total_a, part_a.unit, code),
                second_part=" ".join(part_b.text.split()),
                second_share=" ".join(share_b.text.split()),
                **({"second_article": share_b.article_id} if elsewhere else {}),
                second_total=interval(*total_b, part_b.unit, code),
            )
            findings.append(context.finding(rule, said, [share_a, part_a, share_b, part_b], group_label(part_a)))
    return findings


def _over_one_hundred(context: Context, rule: Rule, ceiling: float) -> list[Finding]:
    """The shares of the segments of one total, for one period, that add up to more than the whole."""
    segments = {s.id for s in context.lexicon.segments}
    groups: dict[tuple[str, str, str, str], dict[str, Claim]] = defaultdict(dict)
    for claim in context.claims:
        words = claim.metric.split()
        if claim.unit != "percent" or claim.modality not in ("actual", "share") or claim.baseline or len(words) != 2:
            continue
        if words[1] not in segments or claim.period is None:
            continue
        key = (claim.article_id, words[0], claim.period.label, claim.scope)
        groups[key].setdefault(words[1], claim)
    findings = []
    for key in sorted(groups):
        shares = list(groups[key].values())
        if len(shares) < 3:
            continue
        low = sum(c.low for c in shares)
        if low <= ceiling:
            continue
        said = message(
            "share.over",
            metric=metric_label(context.lexicon, key[1]),
            period=key[2],
            ceiling=Number(ceiling, 0 if float(ceiling).is_integer() else 1),
            shares=Items(tuple(" ".join(c.text.split()) for c in shares), "+"),
        )
        findings.append(context.finding(rule, said, shares, group_label(shares[0])))
    return findings
