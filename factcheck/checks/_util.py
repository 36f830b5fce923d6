"""Small helpers shared by the check kinds: intervals, how firmly a claim knows its attributes, support."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date
from functools import lru_cache
from itertools import islice
from typing import TYPE_CHECKING

from ..lexicon import Language, Lexicon
from ..messages import Message, Term, message
from ..models import Article, Claim
from ..numfmt import amount

if TYPE_CHECKING:
    from . import Context

WORD = re.compile(r"\S+")

# Where an attribute came from, by how much a rule may lean on it (see factcheck/extract/doc.py).
STRONG_METRIC = {
    "subject",
    "noun after the figure",
    "predicate",
    "column header",
    "header",
    "part of a total",
    "level",
    "compared level",
    "share",
    "count",
    "compared",
    "anaphora",
    "segment pointed back to",
    "value of",
}
MEDIUM_METRIC = {"sentence", "previous sentence"}
STRONG_PERIOD = {"clause", "sentence", "row label", "header", "respectively", "label", "level", "range start"}
MEDIUM_PERIOD = {
    "citation",
    "anaphora",
    "previous sentence",
    "previous paragraph",
    "article",
    "range start (carried)",
    "article comparison",
    "part of a total",
}


def metric_strength(claim: Claim) -> int:
    """2: the sentence names the metric; 1: it is carried from nearby; 0: a generic noun or nothing."""
    evidence = claim.evidence.get("metric", "")
    if evidence in STRONG_METRIC:
        return 2
    return 1 if evidence in MEDIUM_METRIC else 0


def period_strength(claim: Claim) -> int:
    """2: the sentence dates the figure; 1: the date is carried from context; 0: the publication date or none."""
    evidence = claim.evidence.get("period", "")
    if evidence in STRONG_PERIOD:
        return 2
    return 1 if evidence in MEDIUM_PERIOD else 0


def generic(claim: Claim, lexicon: Lexicon) -> bool:
    """Whether the claim counts only "orang" or "pekerja": such a metric names nothing to compare."""
    words = claim.metric.split()
    metric = lexicon.metric(words[0]) if words else None
    return not words or bool(metric and metric.generic and len(words) == 1)


def overlaps(low_a: float, high_a: float, low_b: float, high_b: float, slack: float = 0.0) -> bool:
    """Whether two intervals can agree, each widened by a relative slack."""
    width_a = abs(high_a) * slack
    width_b = abs(high_b) * slack
    return low_a - width_a <= high_b + width_b and low_b - width_b <= high_a + width_a


def period_text(claim: Claim) -> str:
    if claim.period is None:
        return "no period"
    return " ".join((claim.period.text.strip() or claim.period.label).split())


def figure(claim: Claim) -> str:
    """The figure as the article wrote it, with its period: "35,3 juta (Hingga Februari 2023)"."""
    text = " ".join(claim.text.split())
    return f"{text} ({period_text(claim)})" if claim.period else text


def short_article(claim: Claim) -> str:
    return claim.article_id


def value_text(value: float, claim: Claim) -> str:
    return amount(value, claim.unit, "id")


def language_of(context: Context, claim: Claim) -> str:
    """The language a figure is written back in ("13,2 juta" or "13.2 million")."""
    article = context.articles.get(claim.article_id)
    return article.language if article is not None else "id"


MONTH_DAYS = 30.44  # an average month, in days


def months_between(earlier: date, later: date) -> float:
    return (later - earlier).days / MONTH_DAYS


def metric_label(lexicon: Lexicon, metric: str, qualifiers: bool = True) -> str | Term:
    """A metric as a report names it, in the report's language: "pendapatan-usaha jht" is "pendapatan jht".

    In English it is "revenue jht"; a metric the lexicon does not know is named as the claims spell it.
    """
    known = lexicon.metric(metric.split()[0]) if metric.split() else None
    if known is None:
        return metric
    tail = metric[len(known.id) :] if qualifiers else ""
    return Term(known.label + tail, tuple(sorted((code, text + tail) for code, text in known.labels.items())))


def group_label(claim: Claim, metric_label: str | Term = "") -> str:
    where = f"{claim.entity} ({claim.scope})" if claim.scope else (claim.entity or "unknown entity")
    named = metric_label.text if isinstance(metric_label, Term) else metric_label  # groups keep the lexicon's label
    return f"{where} · {named or claim.metric}"


def sources(claims: Iterable[Claim]) -> int:
    """How many independent sources state a figure: copies of one story (the same sentence) count once."""
    seen: set[str] = set()
    for claim in claims:
        seen.add(re.sub(r"\W+", " ", claim.sentence.lower()).strip())
    return len(seen)


def written(claim: Claim) -> str:
    """The figure as the article wrote it, on one line: "37,9 juta"."""
    return " ".join(claim.text.split())


def figure_in(claim: Claim) -> Message:
    """ "37,9 juta (Desember 2023) in a.md", in the report's language."""
    return message("figure.in", figure=figure(claim), article=claim.article_id)


def clause_around(claim: Claim, article: Article, language: Language, since: int = 0) -> tuple[str, str]:
    """The words of the figure's clause before and after it, lowercased, cut at the clause's strong breaks.

    A cue in the same sentence but behind "sementara" or ";" speaks of another figure:
    for "Klaim secara kumulatif Rp 9 triliun, sementara peserta 35 juta" the clause of
    "35 juta" is ("peserta", ""), so "secara kumulatif" does not reach it. `since` (an
    offset into the text) cuts the words before further, e.g. after the previous figure.
    """
    text = article.text
    count = len(claim.sentence.split())
    # the sentence's words only, not every word to the end of the text: a rule asks this of every figure
    words = list(islice(WORD.finditer(text, claim.sentence_start), count))
    sentence_end = words[count - 1].end() if 0 < count <= len(words) else claim.end  # an offset into the text
    before = text[max(claim.sentence_start, min(since, claim.start)) : claim.start].lower()
    after = text[claim.end : max(claim.end, sentence_end)].lower()
    pattern = _breaks(tuple(language.strong_breaks))
    if pattern is not None:
        cuts = list(pattern.finditer(before))
        if cuts:
            before = before[cuts[-1].end() :]
        cut = pattern.search(after)
        if cut:
            after = after[: cut.start()]
    return " ".join(before.split()), " ".join(after.split())


def cue_before(before: str, cues: Iterable[str], max_words: int) -> str:
    """The cue that stands at most `max_words` words before the figure (the end of `before`).

    `cue_before("lebih rendah dari rata-rata nasional", ["rata-rata nasional"], 4)`
    is "rata-rata nasional". The caller cuts `before` after any other figure, whose cue it would be.
    """
    for cue, pattern in cue_patterns(tuple(cues)):
        for found in pattern.finditer(before):
            if len(before[found.end() :].split()) <= max_words:
                return cue
    return ""


@lru_cache(maxsize=64)
def _breaks(breaks: tuple[str, ...]) -> re.Pattern[str] | None:
    """A language's strong clause breaks as one pattern, built once (the longest first), or None."""
    if not breaks:
        return None
    escaped = sorted((re.escape(b.lower()) for b in breaks), key=len, reverse=True)
    return re.compile(r"(?:;|(?<!\w)(?:" + "|".join(escaped) + r")(?!\w))")


@lru_cache(maxsize=64)
def cue_patterns(cues: tuple[str, ...]) -> list[tuple[str, re.Pattern[str]]]:
    """Each cue, lowercased, the longest first, with its whole-word pattern: built once per list of cues."""
    ordered = sorted({c.lower() for c in cues}, key=len, reverse=True)
    return [(cue, re.compile(r"(?<!\w)" + re.escape(cue) + r"(?!\w)")) for cue in ordered]
