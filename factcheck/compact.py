"""One object for each equal value a check holds: what keeps a large archive's claims small in memory.

Each archived file is unpickled on its own, so the metric "peserta-aktif", the evidence
{"metric": "subject", ...}, the period "Desember 2023" and the date 2023-12-31 come back as
new objects in every file that states them: at 10k generated articles, 620k strings and 144k
dicts, most of them equal to another. As each file is loaded, the run keeps one of each. These values
are read, never changed, once extraction is over (a claim's `links` are replaced, not edited,
when claims are numbered), so sharing them changes no report.
"""

from __future__ import annotations

from datetime import date
from typing import Any, TypeVar

from .models import Article, Claim, Mention, Period

T = TypeVar("T")

# the claim fields that hold text shared by many claims: names, metrics, units, cues, paths, sentences
CLAIM_TEXT = (
    "article_id",
    "path",
    "text",
    "sentence",
    "unit",
    "qualifier",
    "entity",
    "entity_text",
    "scope",
    "metric",
    "metric_text",
    "noun",
    "current_cue",
    "modality",
    "direction",
    "population",
    "rank",
)
MENTION_TEXT = ("article_id", "path", "text", "kind", "canonical", "sentence")
ARTICLE_TEXT = ("path", "language", "outlet", "published_evidence")


class Pool:
    """Equal values to one object each (strings, dates, periods, read-only dicts and tuples)."""

    def __init__(self) -> None:
        self.values: dict[Any, Any] = {}
        self.dicts: dict[tuple[tuple[Any, type, Any], ...], dict[Any, Any]] = {}

    def one(self, value: T) -> T:
        found: T = self.values.setdefault(value, value)
        return found

    def mapping(self, value: dict[str, Any]) -> dict[str, Any]:
        """One dict for equal dicts (their order kept: it is the order JSON writes them in).

        A value's type is part of the key, so that `True` and `1` stay apart.
        """
        key = tuple((k, type(v), v) for k, v in value.items())
        found = self.dicts.get(key)
        if found is None:
            found = self.dicts[key] = {self.one(k): self.one(v) if type(v) is str else v for k, v in value.items()}
        return found

    def period(self, period: Period | None) -> Period | None:
        if period is None:
            return None
        return self.one(period)

    def day(self, day: date | None) -> date | None:
        return None if day is None else self.one(day)

    def unit(self, articles: list[Article], found: list[tuple[list[Claim], list[Mention]]]) -> None:
        """Share equal values between one file's articles, claims and mentions and those seen before (in place)."""
        for article in articles:
            for name in ARTICLE_TEXT:
                setattr(article, name, self.one(getattr(article, name)))
            article.published = self.day(article.published)
            article.published_after = self.day(article.published_after)
        for claims, mentions in found:
            for claim in claims:
                for name in CLAIM_TEXT:
                    setattr(claim, name, self.one(getattr(claim, name)))
                claim.evidence = self.mapping(claim.evidence)
                claim.period = self.period(claim.period)
                claim.base_period = self.period(claim.base_period)
                claim.published = self.day(claim.published)
                claim.published_after = self.day(claim.published_after)
            for mention in mentions:
                for name in MENTION_TEXT:
                    setattr(mention, name, self.one(getattr(mention, name)))
                mention.context = self.one(mention.context)
                mention.places = self.one(mention.places)


EMPTY_LINKS: dict[str, int] = {}


def share_links(claims: list[Claim]) -> None:
    """One empty dict for every claim linked to no other (numbering the claims gave each a new one)."""
    for claim in claims:
        if not claim.links:
            claim.links = EMPTY_LINKS
