"""share: a stated percentage disagrees with its part and its total.

"Jumlah pekerja sektor informal sebanyak 2,1 juta orang ... 36 persen atau
sekitar 912 ribu orang": 36 persen of 2,1 juta is 728-785 ribu. The total is
the population the percent names ("dari total jumlah pekerja") or, failing
that, the count stated just before in the same paragraph and scope.
Options: `slack` (relative).
"""

from __future__ import annotations

from ..models import Claim, Finding
from ..numfmt import interval
from . import Context, Rule
from ._util import figure, group_label, overlaps


def find_total(context: Context, share: Claim, part: Claim) -> Claim | None:
    same_article = [c for c in context.by_article[share.article_id] if not c.in_title]
    if share.population:
        named = [
            c
            for c in same_article
            if c.metric == share.population
            and c.unit == part.unit
            and c.start < share.start
            and c.scope == share.scope
            and c.modality in ("actual", "share")
        ]
        return named[-1] if named else None
    article = context.articles.get(share.article_id)
    if article is None:
        return None
    paragraph_start = article.text.rfind("\n", 0, share.sentence_start) + 1
    earlier = [
        c
        for c in same_article
        if paragraph_start <= c.start < share.sentence_start
        and c.unit == part.unit
        and c.high > part.high
        and c.scope == share.scope
        and c.modality == "actual"
        and "share" not in c.links
        and "count" not in c.links
    ]
    return earlier[-1] if earlier else None


def run(context: Context, rule: Rule) -> list[Finding]:
    slack = float(rule.option("slack", 0.0))
    findings = []
    for share in context.claims:
        if share.unit != "percent" or "count" not in share.links or share.modality == "change":
            continue
        part = context.claims[share.links["count"]]
        total = find_total(context, share, part)
        if total is None:
            continue
        low, high = share.low * total.low / 100, share.high * total.high / 100
        if overlaps(low, high, part.low, part.high, slack):
            continue
        if _another_total_fits(context, share, part, total):
            continue
        message = (
            f"{' '.join(share.text.split())} of {figure(total)} is {interval(low, high, part.unit)}, "
            f"not {' '.join(part.text.split())}"
        )
        findings.append(context.finding(rule, message, [share, part, total], group_label(part)))
    return findings


def _another_total_fits(context: Context, share: Claim, part: Claim, total: Claim) -> bool:
    """Whether the percent is of some other figure the article states (then we picked the wrong total)."""
    if share.low <= 0:
        return False
    implied_low, implied_high = part.low * 100 / share.high, part.high * 100 / share.low
    return any(
        c is not total and c is not part and c.unit == part.unit and overlaps(c.low, c.high, implied_low, implied_high)
        for c in context.by_article[share.article_id]
    )
