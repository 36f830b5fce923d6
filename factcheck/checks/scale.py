"""scale: the same figure off by a power of a thousand, or "persen" where "juta" is meant.

Options: `factors` (ratios that count as a slip, default 1e3, 1e6, 1e9) and
`tolerance` (how close to the factor, relative, default 0.02).
"""

from __future__ import annotations

from collections import defaultdict

from ..models import Claim, Finding
from . import Context, Rule
from ._util import figure, group_label, overlaps
from .conflict import period_key


def run(context: Context, rule: Rule) -> list[Finding]:
    factors = [float(f) for f in rule.option("factors", [1e3, 1e6, 1e9])]
    tolerance = float(rule.option("tolerance", 0.005))
    groups: dict[tuple[str, str, str, str, str], list[Claim]] = defaultdict(list)
    for claim in context.claims:
        metric = context.lexicon.metric(claim.metric)
        period = period_key(claim, bool(metric and metric.flow))
        if period is None or claim.in_title or not claim.metric or claim.modality == "change" or claim.baseline:
            continue
        groups[(claim.entity, claim.scope.lower(), claim.metric, claim.modality, period)].append(claim)
    findings = []
    for key in sorted(groups):
        ordered = sorted(groups[key], key=lambda c: (c.value, c.unit, c.article_id, c.start))
        # one representative per distinct figure keeps the pairing small in a large archive
        first_of: dict[tuple[float, str], Claim] = {}
        for claim in ordered:
            first_of.setdefault((claim.value, claim.unit), claim)
        claims = list(first_of.values())
        reported: set[tuple[float, float, str]] = set()
        for small in claims:
            for large in claims:
                if small.value <= 0 or large.value <= small.value:
                    continue
                ratio = large.value / small.value
                same_unit = small.unit == large.unit
                slip = same_unit and any(abs(ratio / f - 1) <= tolerance for f in factors)
                unit_swap = {small.unit, large.unit} == {"percent", "count"} and overlaps(
                    *_as_written(small), *_as_written(large)
                )
                signature = (small.value, large.value, small.unit + large.unit)
                if not (slip or unit_swap) or signature in reported or small.article_id == large.article_id:
                    continue
                reported.add(signature)
                if slip:
                    message = (
                        f"{figure(small)} in {small.article_id} and {figure(large)} in {large.article_id} "
                        f"differ by a factor of {ratio:,.0f}: a magnitude word is likely wrong"
                    )
                else:
                    message = (
                        f"{figure(small)} and {figure(large)} are the same number with different units: "
                        "'persen' where 'juta' is meant, or the reverse"
                    )
                findings.append(context.finding(rule, message, [small, large], group_label(small)))
    return findings


def _as_written(claim: Claim) -> tuple[float, float]:
    """The number as the article writes it, without its magnitude (35,3 juta -> 35,3)."""
    if claim.unit == "percent" or claim.value == 0:
        return claim.low, claim.high
    magnitude = 10 ** (3 * int(_thousands(claim.value)))
    return claim.low / magnitude, claim.high / magnitude


def _thousands(value: float) -> int:
    count = 0
    while abs(value) >= 1000:
        value /= 1000
        count += 1
    return count
