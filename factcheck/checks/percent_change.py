"""percent-change: a stated change disagrees with the two values it is computed from.

The base value is the one the sentence compares with, or, for "naik 5,2 persen
dari periode yang sama tahun lalu", a figure of the same metric for that
period in any article of the corpus (all such figures must disagree).

"27,8 juta dibanding 25,3 juta tahun lalu, naiknya 8 persen": the values give
9,9 persen. Relative changes (persen) of counts, differences in persen poin of
percentages, and absolute changes in the figure's own unit are all checked.
A percentage given beside the count of the same change ("meningkat 83.000 orang
yang naik 1,11%") is checked against the count and the level it leads to.
Options: `slack_points` (extra tolerance in percentage points, default 0.05),
`counted_slack_points` (the same, for a percentage beside its count, default 0.01).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ..cluster import Cluster
from ..messages import message
from ..models import Claim, Finding
from ..numfmt import amount, percent
from . import Context, Rule
from ._util import figure, group_label, language_of
from .scale import points_slip


def change_range(change: Claim, level: Claim, base: Claim) -> tuple[float, float, str] | None:
    """The range of the change the two values allow, in the stated change's unit."""
    if change.unit == "percent" and level.unit != "percent" and base.low > 0:
        candidates = [(lv - bv) / bv * 100 for lv in (level.low, level.high) for bv in (base.low, base.high)]
        return min(candidates), max(candidates), "percent"
    if change.unit == "pp" and level.unit == base.unit == "percent":
        return level.low - base.high, level.high - base.low, "pp"
    if change.unit == level.unit == base.unit and change.unit != "percent":
        return level.low - base.high, level.high - base.low, change.unit
    return None


def run(context: Context, rule: Rule) -> list[Finding]:
    slack = float(rule.option("slack_points", 0.05))
    cluster_of = context.cluster_of
    by_period: dict[int, dict[str, list[Claim]]] = {}  # per cluster, its dated actuals by period label
    findings = []
    for change in context.claims:
        if change.modality != "change" or "level" not in change.links:
            continue
        if change.evidence.get("modality") == "in brackets after another figure":
            continue  # "1,16 juta (0,46 persen)": a restatement in another unit, not a change to recompute
        level = context.claims[change.links["level"]]
        if "counted" in change.links and "base" not in change.links:
            counted = context.claims[change.links["counted"]]
            # every input's rounding is in its interval already: the extra slack is for the arithmetic alone
            slack_counted = float(rule.option("counted_slack_points", 0.01))
            elsewhere = _same_change_elsewhere(counted, cluster_of)
            finding = _against_counted(context, rule, change, level, counted, slack_counted, elsewhere)
            if finding is not None:
                findings.append(finding)
            continue
        if "base" in change.links:
            bases = [context.claims[change.links["base"]]]
        else:
            bases = _bases_elsewhere(change, level, cluster_of, by_period)
        if "base" in change.links and points_slip(change, level, context.claims[change.links["base"]]):
            continue  # "19 persen poin" for 19 basis poin: a unit slip, the scale kind's
        language = language_of(context, change)
        kept: list[Claim] = []
        verdicts: list[str] = []
        fits = False
        for candidate in bases:
            # a base of another metric is another comparison in the same sentence ("... compared with $3.26 billion")
            if _slipped(level, candidate) or not _same_metric(level, candidate):
                continue
            verdict = _verdict(change, level, candidate, slack, rule, language)
            if verdict is None:
                fits = True  # one base that fits settles it: a long series need not be computed to its end
                break
            kept.append(candidate)
            verdicts.append(verdict)
        if fits or not verdicts:
            continue  # some base fits, or none could be computed
        bases = kept
        base = bases[0]
        said = message(
            "change.mismatch" if base.article_id == level.article_id else "change.mismatch.elsewhere",
            change=" ".join(change.text.split()),
            level=figure(level),
            base=figure(base),
            **({} if base.article_id == level.article_id else {"base_article": base.article_id}),
            computed=str(verdicts[0]),
        )
        findings.append(context.finding(rule, said, [change, level, *bases[:3]], group_label(level)))
    return findings


def _against_counted(
    context: Context, rule: Rule, change: Claim, level: Claim, counted: Claim, slack: float, elsewhere: list[Claim]
) -> Finding | None:
    """ "7,28 juta orang ... meningkat 83.000 orang yang naik 1,11%": the base is the level less the count."""
    if counted.unit != level.unit or level.low <= 0:
        return None
    sign = -1 if change.direction == "fall" else 1
    base_low, base_high = level.low - sign * counted.high, level.high - sign * counted.low
    if base_low > base_high:
        base_low, base_high = base_high, base_low
    if base_low <= 0:
        return None
    low, high = counted.low / base_high * 100, counted.high / base_low * 100
    margin = slack + (float(rule.option("qualified_slack_points", 1.0)) if change.qualifier else 0.0)
    if change.high + margin >= low and change.low - margin <= high:
        return None
    language = language_of(context, change)
    said = message(
        "change.counted",
        change=" ".join(change.text.split()),
        counted=" ".join(counted.text.split()),
        level=figure(level),
        # as precisely as the stated one: "1,11%" against "1,15 persen", not "1,2 persen"
        computed=percent((low + high) / 2, language, max(1, _decimals(change.text))),
    )
    return context.finding(rule, said, [change, counted, level, *elsewhere], group_label(level))


def _same_change_elsewhere(counted: Claim, cluster_of: Callable[[Claim], Cluster | None]) -> list[Claim]:
    """The same change as other articles state it ("naik sekitar 83,45 ribu orang"): what an editor checks against."""
    cluster = cluster_of(counted)
    if cluster is None:
        return []
    same = [
        c
        for c in cluster.claims
        if c.article_id != counted.article_id
        and c.modality == "change"
        and c.unit == counted.unit
        and c.direction == counted.direction
        and c.period is not None
        and counted.period is not None
        and c.period.label == counted.period.label
        and abs(c.value - counted.value) <= 0.01 * abs(counted.value)
    ]
    # one figure an article, the most precisely written first: the one an editor checks the percentage with
    best: dict[str, Claim] = {}
    for claim in sorted(same, key=lambda c: (c.high - c.low, c.article_id, c.start)):
        best.setdefault(claim.article_id, claim)
    return list(best.values())[:3]


def _decimals(written: str) -> int:
    digits = re.search(r"\d+(?:[.,](\d+))?", written)
    return len(digits.group(1)) if digits and digits.group(1) else 0


def _slipped(level: Claim, base: Claim) -> bool:
    """Levels a thousandfold apart: a magnitude slip (the scale kind's), not a change to recompute."""
    if level.unit != base.unit or min(abs(level.value), abs(base.value)) == 0:
        return False
    ratio = max(abs(level.value), abs(base.value)) / min(abs(level.value), abs(base.value))
    return ratio > 100


def _bases_elsewhere(
    change: Claim,
    level: Claim,
    cluster_of: Callable[[Claim], Cluster | None],
    by_period: dict[int, dict[str, list[Claim]]],
) -> list[Claim]:
    """Figures of the level's metric for the change's base period, in any article (in cluster order)."""
    cluster = cluster_of(level)
    if cluster is None or change.base_period is None or change.base_period.granularity in ("year", "current"):
        return []
    if id(cluster) not in by_period:  # grouped once per cluster, not scanned once per change
        grouped: dict[str, list[Claim]] = {}
        for c in cluster.claims:
            if c.modality == "actual" and c.period is not None and not c.in_title:
                grouped.setdefault(c.period.label, []).append(c)
        by_period[id(cluster)] = grouped
    return by_period[id(cluster)].get(change.base_period.label, [])


def _verdict(change: Claim, level: Claim, base: Claim, slack: float, rule: Rule, language: str) -> str | None:
    """None when the stated change fits the two values; else the change they give, written out."""
    allowed = change_range(change, level, base)
    if allowed is None:
        return None
    low, high, unit = allowed
    sign = -1 if change.direction == "fall" else 1
    stated_low, stated_high = sorted((sign * change.low, sign * change.high))
    if (low > 0) != (stated_low > 0) and (high > 0) != (stated_high > 0):
        return None  # the direction itself is wrong: the trend kind reports that
    margin = slack if unit in ("percent", "pp") else 0.0
    if change.qualifier and unit in ("percent", "pp"):
        margin += float(rule.option("qualified_slack_points", 1.0))  # "sekitar 10 persen", "hampir 10 persen"
    if stated_high + margin >= low and stated_low - margin <= high:
        return None
    middle = (low + high) / 2
    return percent(middle, language) if unit == "percent" else amount(middle, unit, language)


def _same_metric(level: Claim, base: Claim) -> bool:
    return not base.metric or not level.metric or base.metric.split()[0] == level.metric.split()[0]
