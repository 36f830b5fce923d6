"""Finding messages as a template id and its values, rendered in the report's language.

A check does not write a sentence: it names a template (`TEMPLATES`, English, the
gettext message ids) and gives its values, the figures already written the way
their article writes them ("37,9 juta", "Desember 2023"). The report renders the
message in its own language through the catalogs of `factcheck.i18n`, so one run
can write an Indonesian text report and an English SARIF file, and the JSON report
carries the id and the values for a tool to render it again.

A value is a string (a figure, a name, a file: never translated), an int, a
`Number` (computed by the tool, so written with the report language's digit
marks), a nested `Message` (a phrase of its own: "1 outlet", "di bawah"),
`Items` (a list, joined with ", ", "; ", " + " or the language's "and") or a
`Term` (a name the rules' data spell in several languages: a metric's label).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Union

from .i18n import translations

# id -> English template, or (singular, plural) chosen by the value `n`. Ids are stable: the wording
# may change, a tool that keys on the id does not break. Every id needs a msgstr in each catalog
# (tests/test_messages.py checks that).
TEMPLATES: dict[str, str | tuple[str, str]] = {
    # shared phrases
    "figure.in": "{figure} in {article}",
    "figure.outlets": ("{figure} ({period}, {n} outlet)", "{figure} ({period}, {n} outlets)"),
    "figure.outlets.undated": ("{figure} ({n} outlet)", "{figure} ({n} outlets)"),
    "period.later": "a later period",
    "date.unknown": "date unknown",
    "article.on": "{article} ({date})",
    # conflict
    "conflict.figures": "{metric}: {first} in {first_article} against {second} in {second_article}",
    "conflict.figures.target": "target for {metric}: {first} in {first_article} against {second} in {second_article}",
    "conflict.figures.projection": (
        "projection for {metric}: {first} in {first_article} against {second} in {second_article}"
    ),
    "conflict.figures.share": "share for {metric}: {first} in {first_article} against {second} in {second_article}",
    "conflict.change.rise": "{metric}, rise from {base}",
    "conflict.change.fall": "{metric}, fall from {base}",
    "conflict.backed": "{message}; the corpus backs {value}",
    "conflict.share-counts.target": "target {share} for {period} is {first} in {first_article} but {second} in "
    "{second_article}",
    "conflict.share-counts.projection": "projection {share} for {period} is {first} in {first_article} but {second} "
    "in {second_article}",
    "conflict.year": "{metric} {year}: {figure} in {article} is outside every figure for periods within {year}: "
    "{figures}",
    "conflict.headline": "headline says {metric} {headline}, the body says {figures}",
    "conflict.extreme.highest": "the highest {metric} is given as {figure}, but the article lists {place} at {value}",
    "conflict.extreme.lowest": "the lowest {metric} is given as {figure}, but the article lists {place} at {value}",
    # count
    "count.listed": (
        "{figure} {noun} are announced, but {n} is listed: {items}",
        "{figure} {noun} are announced, but {n} are listed: {items}",
    ),
    # name-variant
    "name.misspelling": "'{variant}' looks like a misspelling of '{reference}'",
    "name.misspelling.times": (
        "'{variant}' ({n} time) looks like a misspelling of '{reference}'",
        "'{variant}' ({n} times) looks like a misspelling of '{reference}'",
    ),
    "name.misspelling.in": "'{variant}' in {articles} looks like a misspelling of '{reference}'",
    "name.two-spellings": "'{variant}' in {articles} and '{reference}' in {article} spell one name two ways",
    "name.two-writings": "'{variant}' in {article} and '{reference}' in {reference_article} write one name two ways",
    # outlier
    "series.fell-said-rose": "{metric} fell from {earlier} in {earlier_article} to {later} in {later_article}, "
    "while the later article says it rose {rise}",
    "series.running-total": "cumulative {metric} fell from {earlier} in {earlier_article} to {later} in "
    "{later_article}; a running total cannot fall",
    "series.year-to-date": "{metric} so far in {year} fell from {earlier} in {earlier_article} to {later} in "
    "{later_article}; a total for the year so far cannot fall within the year",
    "series.jump": "{metric} {figure} in {article} is far outside its neighbours {previous} and {following}",
    # percent-change
    "change.mismatch": "stated change {change} does not fit {level} against {base}: the values give {computed}",
    "change.counted": "stated change {change} does not fit a change of {counted} to {level}: "
    "the values give {computed}",
    "change.mismatch.elsewhere": "stated change {change} does not fit {level} against {base} in {base_article}: "
    "the values give {computed}",
    # scale
    "scale.factor": "{small} in {small_article} and {large} in {large_article} differ by a factor of {factor}: "
    "a magnitude word is likely wrong",
    "scale.unit-swap": "{small} and {large} are the same number with different units: 'persen' where 'juta' is "
    "meant, or the reverse",
    "scale.series.missing": "{figure} in {article} has no magnitude word, and its series is {series}: it is likely "
    "{restored}",
    "scale.series.doubled": "{figure} in {article} reads as {value}, {factor} times its series {series}: '{word}' "
    "after {numeral}, a number already written in thousands, is likely one magnitude too many: {numeral} fits the "
    "series",
    "scale.series.zeros": "{figure} in {article} is {factor} times its series {series}: the digits likely stand for "
    "{meant}, written out with the zeros of the wrong magnitude",
    "scale.twin.percent": "{figure} in {article} is written as a percentage, but {reasons}: '{written}' is likely "
    "written for '{meant}'",
    "scale.twin.count": "{figure} in {article} is written as a count, but {reasons}: '{written}' is likely written "
    "for '{meant}'",
    "scale.twin.same-digits": "{figure} in {article} gives the same digits as {metric} for that period",
    "scale.twin.own-sentence": "its own sentence states {metric} as {figures}",
    "scale.twin.own-series": "{metric} itself is near {figure} in {article}",
    "scale.points.given": "{base} to {level} is {points} ({basis_points})",
    "scale.points.bp": "stated change {change} is {as_points}, but {given}: '{written}' is likely written for "
    "'{meant}'",
    "scale.points.pp": "stated change {change} does not fit: {given}: '{written}' is likely written for '{meant}'",
    # share
    "share.of-total": "{share} of {total} is {computed}, not {part}",
    "share.of-total.elsewhere": "{share} of {total} in {total_article} is {computed}, not {part}",
    "share.other-fits": "{message}; {part} as {share} implies {computed}, which fits {total}",
    "share.implied": "{first_part} as {first_share} implies a whole of {first_total}, but {second_part} as "
    "{second_share} implies {second_total}",
    "share.implied.elsewhere": "{first_part} as {first_share} implies a whole of {first_total}, but {second_part} as "
    "{second_share} in {second_article} implies {second_total}",
    "share.over": "the shares of one {metric} for {period} add up to more than {ceiling} percent: {shares}",
    # stale
    "stale.current": (
        "{figure} is presented as current ('{cue}') but is dated {period}, about {n} month before the article "
        "({published})",
        "{figure} is presented as current ('{cue}') but is dated {period}, about {n} months before the article "
        "({published})",
    ),
    "stale.current.undated": (
        "{figure} is presented as current ('{cue}') but is dated {period}, at least about {n} month before the "
        "article ({published})",
        "{figure} is presented as current ('{cue}') but is dated {period}, at least about {n} months before the "
        "article ({published})",
    ),
    "stale.current.newer": "{message}; {newer} for {period} was already published",
    "stale.latest": "{figure} is presented as the latest ('{cue}') in {article} ({published})",
    "stale.latest.matches": "{figure} is presented as the latest ('{cue}') in {article} ({published}) but matches "
    "{older} in {older_article}",
    "stale.latest.newer": (
        "{message}; {newer} had been published in {newer_article} on {date}, {n} day before",
        "{message}; {newer} had been published in {newer_article} on {date}, {n} days before",
    ),
    "stale.latest.also": "{message} (also in {articles})",
    # sum
    "sum.parts": "parts {parts} add up to {computed}, not the stated total {total}",
    "sum.gap": "target {target} minus {actual} leaves {computed}, not the stated gap {gap}",
    "sum.gap.echo": "{message}; {article} states {gap} for the same two figures",
    "sum.side.above": "{figure} above",
    "sum.side.below": "{figure} below",
    "sum.sides": "{sides} {line}",
    "sum.sides.over": "{sides} are more than the {whole} they are of",
    "sum.sides.short": "{sides} make {computed}, not the {whole} they are of",
    "sum.sides.on-line": "{message} (at most {allowed} can sit on the line or lack data)",
    "sum.segment": "segment {segment}",
    "sum.above-whole": "{part} ({relation}) is more than the whole it is part of, {whole}",
    "sum.above-nation": "{part} in {place} is more than the national {whole} in {whole_article}",
    # trend
    "trend.change.rise": "the text says {metric} rose ({change}), but {level} against {base} goes the other way",
    "trend.change.fall": "the text says {metric} fell ({change}), but {level} against {base} goes the other way",
    "trend.levels.rise": "the text says {metric} rose, but it went from {earlier} to {later}",
    "trend.levels.fall": "the text says {metric} fell, but it went from {earlier} to {later}",
    # weekday
    "weekday.mismatch": "'{dateline}': {date} fell on a {actual}, not a {stated}",
}

# How Items are joined; "and" is the language's own list ("A, B and C", "A, B, dan C").
SEPARATORS = {",": ", ", ";": "; ", "+": " + "}


@dataclass(frozen=True, slots=True)
class Number:
    """A number the tool computed (a ratio, a ceiling): written with the report language's marks."""

    value: float
    decimals: int = 0


@dataclass(frozen=True, slots=True)
class Items:
    """A list of values joined by `join`: ",", ";", "+" or "and"."""

    items: tuple[Value, ...]
    join: str = ","


@dataclass(frozen=True, slots=True)
class Term:
    """A name from the rules' data, in each language they spell it: "pendapatan" and, in English, "revenue"."""

    text: str  # as the lexicon's label writes it: the name in any language without its own
    translations: tuple[tuple[str, str], ...] = ()

    def in_language(self, lang: str) -> str:
        return next((text for code, text in self.translations if code == lang), self.text)


Value = Union[str, int, Number, "Message", Items, Term]


@dataclass(frozen=True, slots=True)  # slots: a 100k-article check's findings hold a million messages
class Message:
    id: str
    params: dict[str, Value] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.id not in TEMPLATES:
            raise KeyError(f"no message template {self.id!r}")

    def to_json(self) -> dict[str, Any]:
        return {"template": self.id, "params": {k: _json(v) for k, v in self.params.items()}}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Message:
        """The message back from a JSON report's `template` and `params`, to render it in another language."""
        return cls(str(data["template"]), {k: _value(v) for k, v in dict(data.get("params") or {}).items()})


def message(template: str, **params: Value) -> Message:
    return Message(template, dict(params))


def render(msg: Message, lang: str = "en") -> str:
    """The message in `lang` (English, the ids' language, when the catalog lacks it)."""
    catalog = translations(lang)
    source = TEMPLATES[msg.id]
    if isinstance(source, tuple):
        n = msg.params.get("n", 0)
        text = catalog.ngettext(source[0], source[1], n if isinstance(n, int) else 0)
    else:
        text = catalog.gettext(source)
    return text.format(**{key: _text(value, lang) for key, value in msg.params.items()})


def _text(value: Value, lang: str) -> str:
    if isinstance(value, Message):
        return render(value, lang)
    if isinstance(value, Items):
        parts = [_text(item, lang) for item in value.items]
        if value.join != "and":
            return SEPARATORS[value.join].join(parts)
        if len(parts) < 2:
            return "".join(parts)
        catalog = translations(lang)
        if len(parts) == 2:
            return catalog.gettext("{first} and {second}").format(first=parts[0], second=parts[1])
        # English writes "A, B and C"; Indonesian "A, B, dan C": the catalog holds the serial comma
        return catalog.gettext("{most} and {last}").format(most=", ".join(parts[:-1]), last=parts[-1])
    if isinstance(value, Number):
        return number(value.value, value.decimals, lang)
    if isinstance(value, Term):
        return value.in_language(lang)
    return str(value)


def number(value: float, decimals: int, lang: str) -> str:
    """1000 -> "1,000" in English, "1.000" in Indonesian."""
    text = f"{value:,.{decimals}f}"
    if lang == "id":
        text = text.replace(",", "\0").replace(".", ",").replace("\0", ".")
    return text


def _json(value: Value) -> Any:
    if isinstance(value, Message):
        return value.to_json()
    if isinstance(value, Items):
        return {"items": [_json(item) for item in value.items], "join": value.join}
    if isinstance(value, Number):
        return {"number": value.value, "decimals": value.decimals}
    if isinstance(value, Term):
        return {"term": value.text, "translations": dict(value.translations)}
    return value


def _value(data: Any) -> Value:
    if isinstance(data, dict) and "template" in data:
        return Message.from_json(data)
    if isinstance(data, dict) and "items" in data:
        return Items(tuple(_value(item) for item in data["items"]), str(data.get("join", ",")))
    if isinstance(data, dict) and "number" in data:
        return Number(float(data["number"]), int(data.get("decimals", 0)))
    if isinstance(data, dict) and "term" in data:
        translations = dict(data.get("translations") or {})
        return Term(str(data["term"]), tuple(sorted((str(k), str(v)) for k, v in translations.items())))
    return data if isinstance(data, int) else str(data)
