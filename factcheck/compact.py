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

from .messages import Items, Message, Number, Value
from .models import Article, Claim, Finding, Mention, Period, Span

T = TypeVar("T")

# the claim fields that hold text shared by many claims: names, metrics, units, modalities, paths, sentences
# (the rarely set ones, cues and directions among them, are in the claim's `rare` tuple: `Pool.rare`)
CLAIM_TEXT = (
    "article_id",
    "path",
    "text",
    "sentence",
    "unit",
    "entity",
    "entity_text",
    "scope",
    "metric",
    "metric_text",
    "noun",
    "modality",
)
MENTION_TEXT = ("article_id", "path", "text", "kind", "canonical", "sentence")
ARTICLE_TEXT = ("path", "language", "title", "url", "outlet", "published_evidence")
# offsets and values: an int above 256 or a float is an object of its own (28 and 24 bytes) in every claim
CLAIM_NUMBERS = ("start", "end", "sentence_start", "value", "low", "high", "significant", "index")
MENTION_NUMBERS = ("start", "end")
# read-only after reading: one empty list and dict for the articles without boilerplate or suppressions
EMPTY_RULES: list[str] = []
ATOMS = (str, int, float, bool, type(None))  # the values a shared dict may hold
EMPTY_LINES: dict[int, list[str]] = {}
EMPTY_SPANS: list[Span] = []
EMPTY_LINKS: dict[str, int] = {}


class Pool:
    """Equal values to one object each (strings, dates, periods, read-only dicts and tuples)."""

    def __init__(self) -> None:
        self.values: dict[Any, Any] = {}
        self.dicts: dict[tuple[tuple[Any, type, Any], ...], dict[Any, Any]] = {}
        self.ints: dict[int, int] = {}
        self.floats: dict[float, float] = {}
        self.spans: dict[tuple[int, int, str], Span] = {}
        self.span_lists: dict[tuple[int, ...], list[Span]] = {}
        self.rares: dict[tuple[Any, ...], tuple[Any, ...]] = {}
        self.parts: dict[Any, Any] = {}  # a message's or a list's parts -> the one Message or Items of them

    def one(self, value: T) -> T:
        found: T = self.values.setdefault(value, value)
        return found

    def mapping(self, value: dict[str, Any]) -> dict[str, Any]:
        """One dict for equal dicts (their order kept: it is the order JSON writes them in).

        A value's type is part of the key, so that `True` and `1` stay apart; a float is keyed by its exact
        bits (0.0 and -0.0 print apart); a dict holding anything but these, strings and None stays its own.
        """
        if not all(type(v) in ATOMS for v in value.values()):
            return value
        key = tuple((k, type(v), v.hex() if type(v) is float else v) for k, v in value.items())
        found = self.dicts.get(key)
        if found is None:
            found = self.dicts[key] = {self.one(k): self.one(v) if type(v) is str else v for k, v in value.items()}
        return found

    def number(self, value: T) -> T:
        """One object for equal ints and for equal floats, never one for both (1 and 1.0 print apart)."""
        if type(value) is int:
            found: T = self.ints.setdefault(value, value)  # type: ignore[arg-type, assignment]
            return found
        # 0.0 and -0.0 are equal but print apart, and NaN equals nothing: those stay as they are
        if type(value) is float and value == value and value != 0.0:
            kept: T = self.floats.setdefault(value, value)  # type: ignore[arg-type, assignment]
            return kept
        return value

    def span(self, span: Span) -> Span:
        """Boilerplate spans are read, never changed, once an article is read: equal ones as one object."""
        return self.spans.setdefault((span.start, span.end, span.reason), span)

    def spans_of(self, spans: list[Span]) -> list[Span]:
        """One list for equal boilerplate lists: an outlet's articles share their header and footer spans.

        At 100k generated articles, 100k lists (9 MiB) of a few dozen distinct ones; read, never changed,
        once an article is read (the span index is kept per list object and length, so sharing is safe).
        """
        shared = [self.span(span) for span in spans]
        if not shared:
            return EMPTY_SPANS
        # the spans are the pool's own objects, alive as long as it is: their ids tell equal lists
        return self.span_lists.setdefault(tuple(id(span) for span in shared), shared)

    def metadata(self, value: dict[str, Any]) -> dict[str, Any]:
        """Front matter as read: one dict for equal ones (when every value is a string, number or None)."""
        return self.mapping(value)

    def period(self, period: Period | None) -> Period | None:
        if period is None:
            return None
        return self.one(period)

    def rare(self, values: tuple[Any, ...]) -> tuple[Any, ...]:
        """One tuple for equal sets of a claim's rarely set fields (a cue, a direction, a base period, in a title)."""
        found = self.rares.get(values)
        if found is None:
            found = tuple(self.one(v) if type(v) is str else self.period(v) if type(v) is Period else v for v in values)
            self.rares[found] = found
        return found

    def day(self, day: date | None) -> date | None:
        return None if day is None else self.one(day)

    def unit(self, articles: list[Article], found: list[tuple[list[Claim], list[Mention]]]) -> None:
        """Share equal values between one file's articles, claims and mentions and those seen before (in place)."""
        for article in articles:
            for name in ARTICLE_TEXT:
                setattr(article, name, self.one(getattr(article, name)))
            article.published = self.day(article.published)
            article.published_after = self.day(article.published_after)
            article.boilerplate = self.spans_of(article.boilerplate)
            article._span_index = None  # rebuilt when asked for (an archived article's was pickled with it)
            article.metadata = self.metadata(article.metadata)
            if not article.ignore_rules:
                article.ignore_rules = EMPTY_RULES
            if not article.ignore_lines:
                article.ignore_lines = EMPTY_LINES
        for claims, mentions in found:
            for claim in claims:
                for name in CLAIM_TEXT:
                    setattr(claim, name, self.one(getattr(claim, name)))
                for name in CLAIM_NUMBERS:
                    setattr(claim, name, self.number(getattr(claim, name)))
                claim.evidence = self.mapping(claim.evidence)
                if not claim.links:  # most claims link to no other: one empty dict for them all
                    claim.links = EMPTY_LINKS
                claim.period = self.period(claim.period)
                if claim.rare is not None:
                    claim.rare = self.rare(claim.rare)
                claim.published = self.day(claim.published)
                claim.published_after = self.day(claim.published_after)
            for mention in mentions:
                for name in MENTION_TEXT:
                    setattr(mention, name, self.one(getattr(mention, name)))
                for name in MENTION_NUMBERS:
                    setattr(mention, name, self.number(getattr(mention, name)))
                mention.context = self.one(mention.context)
                mention.places = self.one(mention.places)


def share_links(claims: list[Claim]) -> None:
    """One empty dict for every claim linked to no other (numbering the claims gave each a new one)."""
    for claim in claims:
        if not claim.links:
            claim.links = EMPTY_LINKS


EMPTY_SUPPORT: list[dict[str, Any]] = []


def share_findings(findings: list[Finding], pool: Pool) -> None:
    """One object for equal groups, support entries and messages across findings (in place).

    A large archive's conflicts repeat the same sides: "38,6 juta (Desember 2023, 3 media)" is one
    message part, one support entry and one group label in every pair it is in (10k generated articles:
    47 MB of findings, half of it such copies). Nothing edits a finding's parts once the rule that made
    it returns (`retell` replaces the message), so sharing them changes no report.
    """
    messages = pool.parts
    for finding in findings:
        finding.group = pool.one(finding.group)
        finding.supported_value = pool.one(finding.supported_value)
        finding.support = [pool.mapping(entry) for entry in finding.support] if finding.support else EMPTY_SUPPORT
        if finding.template is not None:
            finding.template = _message(finding.template, pool, messages)


def _message(message: Message, pool: Pool, known: dict[Any, Any]) -> Message:
    params = {pool.one(k): _value(v, pool, known) for k, v in message.params.items()}
    key = ("message", message.id, tuple((k, _key(v)) for k, v in params.items()))
    found = known.get(key)
    if found is None:
        found = known[key] = Message(pool.one(message.id), params)
    assert isinstance(found, Message)
    return found


def _key(value: object) -> Any:
    """What makes two values one: the object for shared parts, the type beside numbers (1, 1.0 and -0.0 print apart)."""
    if isinstance(value, (Message, Items)):
        return id(value)  # already shared: equal parts are one object
    if isinstance(value, Number):
        return (Number, _key(value.value), value.decimals)
    if isinstance(value, float):
        return (float, value.hex())
    return (type(value), value)


def _value(value: Value, pool: Pool, known: dict[Any, Any]) -> Value:
    if isinstance(value, Message):
        return _message(value, pool, known)
    if isinstance(value, Items):
        items = tuple(_value(item, pool, known) for item in value.items)
        key = ("items", value.join, tuple(_key(item) for item in items))
        found = known.get(key)
        if found is None:
            found = known[key] = Items(items, value.join)
        assert isinstance(found, Items)
        return found
    if isinstance(value, str):
        return pool.one(value)
    return value
