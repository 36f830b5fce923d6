"""trend: the words say a figure rose while the figures fell, or the reverse.

Looks at a sentence that states one metric at two periods ("naik dari 7,99
juta pada Februari 2023 menjadi 7,20 juta pada Februari 2024") and at changes
tied to a level and a base ("naik 8 persen" of 27,8 juta against 25,3 juta).
"""

from __future__ import annotations

import re
from collections import defaultdict

from ..messages import message
from ..models import Article, Claim, Finding
from . import Context, Rule
from ._util import figure, group_label, metric_label

CONTRASTS = {
    "namun",
    "tetapi",
    "sedangkan",
    "sementara",
    "meski",
    "meskipun",
    "walaupun",
    "but",
    "while",
    "although",
    "whereas",
}


def run(context: Context, rule: Rule) -> list[Finding]:
    findings: list[Finding] = []
    flagged: set[int] = set()
    for change in context.claims:
        if change.modality != "change" or not change.direction or not context.reports(change.article_id):
            continue
        level_index, base_index = change.links.get("level"), change.links.get("base")
        if level_index is None or base_index is None:
            continue
        level, base = context.claims[level_index], context.claims[base_index]
        if _contradicts(change.direction, base, level):
            flagged.update({level.index, base.index})
            said = message(
                f"trend.change.{change.direction}",
                metric=metric_label(context.lexicon, change.metric),
                change=" ".join(change.text.split()),
                level=figure(level),
                base=figure(base),
            )
            findings.append(context.finding(rule, said, [change, level, base], group_label(level)))
    # the claims of each sentence, one article at a time, in the order of (article, sentence start): a table of
    # every sentence of the corpus at once was this rule's 38 MiB at 100k articles
    for article_id, claims_of_article in context.each_article():
        if not context.reports(article_id):
            continue
        by_sentence: dict[int, list[Claim]] = defaultdict(list)
        for claim in claims_of_article:
            by_sentence[claim.sentence_start].append(claim)
        article = context.articles[article_id]
        cues = context.lexicon.language(article.language).modality_cues
        for sentence_start in sorted(by_sentence):
            _levels_between(context, rule, article, by_sentence[sentence_start], cues, flagged, findings)
    return findings


def _levels_between(
    context: Context,
    rule: Rule,
    article: Article,
    claims: list[Claim],
    cues: dict[str, list[str]],
    flagged: set[int],
    findings: list[Finding],
) -> None:
    """One sentence's levels of one metric at two periods whose direction word says the opposite (into `findings`)."""
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
            direction = _direction_between(article.text, earlier, later, cues)
            if direction and _contradicts(direction, earlier, later):
                flagged.update({earlier.index, later.index})
                said = message(
                    f"trend.levels.{direction}",
                    metric=metric_label(context.lexicon, earlier.metric),
                    earlier=figure(earlier),
                    later=figure(later),
                )
                findings.append(context.finding(rule, said, [earlier, later], group_label(later)))


def _direction_between(text: str, first: Claim, second: Claim, cues: dict[str, list[str]]) -> str:
    """The one direction word that governs a pair: from just before the first figure to the second.

    A contrast word in that stretch ("namun", "sedangkan", "while") means the
    words may speak of something else, so no direction is taken.
    """
    start = max(0, min(first.start, second.start) - 40)
    stretch = text[start : max(first.end, second.end)].lower()
    words = set(re.findall(r"[\w-]+", stretch))
    if words & CONTRASTS:
        return ""
    found = {
        kind
        for kind in ("rise", "fall")
        for cue in [*cues.get(kind, []), *_adverb_comparisons(cues, kind)]
        if re.search(rf"(?<![\w-]){re.escape(cue)}(?![\w-])", stretch)
    }
    return found.pop() if len(found) == 1 else ""


def _adverb_comparisons(cues: dict[str, list[str]], kind: str) -> list[str]:
    """The comparisons a direction adverb opens: "down from", "up from".

    Alone the adverb is no direction ("sign up 45 million"); before its base it says which way the figure moved.
    """
    adverbs = set(cues.get(f"{kind}_adverbs", []))
    return [c for c in cues.get("comparison", []) if " " in c and c.split()[0] in adverbs]


def _contradicts(direction: str, before: Claim, after: Claim) -> bool:
    if direction == "rise":
        return after.high < before.low
    return after.low > before.high
