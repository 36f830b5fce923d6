"""trend: the words say a figure rose while the figures fell, or the reverse.

Looks at a sentence that states one metric at two periods ("naik dari 7,99
juta pada Februari 2023 menjadi 7,20 juta pada Februari 2024") and at changes
tied to a level and a base ("naik 8 persen" of 27,8 juta against 25,3 juta).
"""

from __future__ import annotations

from collections import defaultdict

from ..models import Claim, Finding
from . import Context, Rule
from ._util import figure, group_label

WORD = {"rise": "rose", "fall": "fell"}


def run(context: Context, rule: Rule) -> list[Finding]:
    findings: list[Finding] = []
    flagged: set[int] = set()
    for change in context.claims:
        if change.modality != "change" or not change.direction:
            continue
        level_index, base_index = change.links.get("level"), change.links.get("base")
        if level_index is None or base_index is None:
            continue
        level, base = context.claims[level_index], context.claims[base_index]
        if _contradicts(change.direction, base, level):
            flagged.update({level.index, base.index})
            message = (
                f"the text says {change.metric} {WORD[change.direction]} ({' '.join(change.text.split())}), "
                f"but {figure(level)} against {figure(base)} goes the other way"
            )
            findings.append(context.finding(rule, message, [change, level, base], group_label(level)))
    by_sentence: dict[tuple[str, int], list[Claim]] = defaultdict(list)
    for claim in context.claims:
        by_sentence[(claim.article_id, claim.sentence_start)].append(claim)
    for (_, _), claims in sorted(by_sentence.items()):
        directions = {c.direction for c in claims if c.direction}
        if len(directions) != 1:
            continue
        direction = directions.pop()
        levels = [c for c in claims if c.modality == "actual" and c.period is not None and c.metric]
        for earlier in levels:
            for later in levels:
                if (
                    earlier is later
                    or earlier.metric != later.metric
                    or earlier.unit != later.unit
                    or earlier.period is None
                    or later.period is None
                    or not earlier.period.end < later.period.start
                    or {earlier.index, later.index} <= flagged
                ):
                    continue
                if _contradicts(direction, earlier, later):
                    flagged.update({earlier.index, later.index})
                    message = (
                        f"the text says {earlier.metric} {WORD[direction]}, but it went from {figure(earlier)} "
                        f"to {figure(later)}"
                    )
                    findings.append(context.finding(rule, message, [earlier, later], group_label(later)))
    return findings


def _contradicts(direction: str, before: Claim, after: Claim) -> bool:
    if direction == "rise":
        return after.high < before.low
    return after.low > before.high
