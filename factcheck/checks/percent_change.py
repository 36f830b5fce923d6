"""percent-change: a stated change disagrees with the two values it is computed from.

"27,8 juta dibanding 25,3 juta tahun lalu, naiknya 8 persen": the values give
9,9 persen. Relative changes (persen) of counts, differences in persen poin of
percentages, and absolute changes in the figure's own unit are all checked.
Options: `slack_points` (extra tolerance in percentage points, default 0.05).
"""

from __future__ import annotations

from ..models import Claim, Finding
from ..numfmt import amount, percent
from . import Context, Rule
from ._util import figure, group_label


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
    findings = []
    for change in context.claims:
        if change.modality != "change" or "level" not in change.links or "base" not in change.links:
            continue
        level, base = context.claims[change.links["level"]], context.claims[change.links["base"]]
        allowed = change_range(change, level, base)
        if allowed is None:
            continue
        low, high, unit = allowed
        sign = -1 if change.direction == "fall" else 1
        stated_low, stated_high = sorted((sign * change.low, sign * change.high))
        if (low > 0) != (stated_low > 0) and (high > 0) != (stated_high > 0):
            continue  # the direction itself is wrong: the trend kind reports that
        margin = slack if unit in ("percent", "pp") else 0.0
        if change.qualifier and unit in ("percent", "pp"):
            margin += float(rule.option("qualified_slack_points", 1.0))  # "sekitar 10 persen", "hampir 10 persen"
        if stated_high + margin >= low and stated_low - margin <= high:
            continue
        middle = (low + high) / 2
        computed = percent(middle) if unit == "percent" else amount(middle, unit)
        message = (
            f"stated change {' '.join(change.text.split())} does not fit {figure(level)} against "
            f"{figure(base)}: the values give {computed}"
        )
        findings.append(context.finding(rule, message, [change, level, base], group_label(level)))
    return findings
