"""sum: parts stated as making up a total do not add up, or a stated gap is not the difference.

Parts: "37,9 juta, terdiri atas 28,1 juta ... dan 9,3 juta ..." (the total is the
figure before the cue, or after "Jumlah itu" the last larger figure before).
Gaps: "menargetkan 45 juta ..., sehingga masih kurang 8,1 juta": the target
minus the latest actual of the same metric in the article. Options: `slack`.
"""

from __future__ import annotations

import re

from ..models import Claim, Finding
from ..numfmt import interval
from . import Context, Rule
from ._util import figure, group_label, overlaps


def _cue_positions(text: str, cues: list[str]) -> list[int]:
    """Where the cues start; a shorter cue inside a longer one ("kurang" in "masih kurang") counts once."""
    taken: list[tuple[int, int]] = []
    for cue in sorted(cues, key=len, reverse=True):
        for match in re.finditer(rf"(?<!\w){re.escape(cue)}(?!\w)", text, re.IGNORECASE):
            if not any(start <= match.start() < end for start, end in taken):
                taken.append((match.start(), match.end()))
    return sorted(start for start, _ in taken)


def run(context: Context, rule: Rule) -> list[Finding]:
    slack = float(rule.option("slack", 0.0))
    findings: list[Finding] = []
    by_sentence: dict[tuple[str, int], list[Claim]] = {}
    for claim in context.claims:
        by_sentence.setdefault((claim.article_id, claim.sentence_start), []).append(claim)
    for (article_id, sentence_start), claims in sorted(by_sentence.items()):
        article = context.articles[article_id]
        language = context.lexicon.language(article.language)
        cues = language.modality_cues
        sentence_end = max(c.end for c in claims)
        sentence_text = article.text[sentence_start:sentence_end]
        for position in _cue_positions(sentence_text, cues.get("parts_total", [])):
            finding = _parts(
                context, rule, article_id, claims, sentence_start + position, slack, cues.get("anaphora", [])
            )
            if finding:
                findings.append(finding)
        for position in _cue_positions(sentence_text, cues.get("gap", [])):
            finding = _gap(context, rule, article_id, claims, sentence_start + position, slack)
            if finding:
                findings.append(finding)
    return findings


def _parts(
    context: Context, rule: Rule, article_id: str, claims: list[Claim], cue_at: int, slack: float, anaphora: list[str]
) -> Finding | None:
    parts = [c for c in claims if c.start > cue_at and c.modality in ("actual", "target") and c.unit != "percent"]
    if len(parts) < 2 or len({c.unit for c in parts}) != 1:
        return None
    before = [c for c in claims if c.end <= cue_at and c.unit == parts[0].unit and c.modality == parts[0].modality]
    total = before[-1] if before else None
    sentence = claims[0].sentence.lower()
    if total is None and any(sentence.startswith(a) for a in anaphora):
        earlier = [
            c
            for c in context.by_article[article_id]
            if c.start < claims[0].sentence_start
            and not c.in_title
            and c.unit == parts[0].unit
            and c.modality == "actual"
            and c.high >= sum(p.low for p in parts) * 0.5
        ]
        total = earlier[-1] if earlier else None
    if total is None:
        return None
    low, high = sum(p.low for p in parts), sum(p.high for p in parts)
    if overlaps(low, high, total.low, total.high, slack):
        return None
    named = " + ".join(" ".join(p.text.split()) for p in parts)
    message = f"parts {named} add up to {interval(low, high, total.unit)}, not the stated total {figure(total)}"
    return context.finding(rule, message, [total, *parts], group_label(total))


def _gap(
    context: Context, rule: Rule, article_id: str, claims: list[Claim], cue_at: int, slack: float
) -> Finding | None:
    after = [c for c in claims if c.start >= cue_at and c.unit != "percent" and c.modality != "change"]
    if not after:
        return None
    gap = after[0]
    targets = [c for c in claims if c.modality == "target" and c.end <= cue_at and c.unit == gap.unit]
    if not targets:
        return None
    target = targets[-1]
    actuals = [
        c
        for c in context.by_article[article_id]
        if c.metric == target.metric
        and c.unit == target.unit
        and c.modality == "actual"
        and not c.in_title
        and c.period is not None
        and c.scope == target.scope
    ]
    if gap.period is not None:
        matching = [c for c in actuals if c.period is not None and c.period.end.year == gap.period.end.year]
        actuals = matching or actuals
    if not actuals:
        return None
    actual = max(actuals, key=lambda c: (c.period.end if c.period else None, c.start))
    low, high = target.low - actual.high, target.high - actual.low
    if overlaps(low, high, gap.low, gap.high, slack):
        return None
    message = (
        f"target {figure(target)} minus {figure(actual)} leaves {interval(low, high, gap.unit)}, "
        f"not the stated gap {' '.join(gap.text.split())}"
    )
    return context.finding(rule, message, [target, actual, gap], group_label(target))
