"""Plain data passed between the pipeline stages."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import InitVar, dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from .messages import Message, render


@dataclass
class Span:
    """A region of an article's text that is not the article's own voice."""

    start: int
    end: int
    reason: str


@dataclass
class Article:
    id: str
    path: str
    text: str
    language: str = "id"
    title: str = ""
    title_start: int | None = None
    url: str = ""
    outlet: str = ""
    published: date | None = None
    published_evidence: str = "unknown"
    published_after: date | None = None  # when only a lower bound is known
    body_start: int = 0
    boilerplate: list[Span] = field(default_factory=list)
    ignore_rules: list[str] = field(default_factory=list)
    ignore_lines: dict[int, list[str]] = field(default_factory=dict)
    metadata: dict[str, Any] = field(default_factory=dict)

    # ((list id, length) it was built from, starts, running maximum of ends, spans sorted by start):
    # rebuilt when spans are added or the list is replaced, so a lookup is a bisection, not a scan of
    # every span (a scan per line or per year made reading a long file quadratic)
    _span_index: tuple[tuple[int, int], list[int], list[int], list[Span]] | None = field(
        default=None, init=False, repr=False, compare=False
    )

    def _spans(self) -> tuple[list[int], list[int], list[Span]]:
        index = self._span_index
        key = (id(self.boilerplate), len(self.boilerplate))
        if index is None or index[0] != key:
            ordered = sorted(self.boilerplate, key=lambda s: (s.start, s.end))
            reach: list[int] = []
            for span in ordered:
                reach.append(max(span.end, reach[-1]) if reach else span.end)
            index = (key, [s.start for s in ordered], reach, ordered)
            self._span_index = index
        return index[1], index[2], index[3]

    def boilerplate_at(self, offset: int) -> list[Span]:
        """The boilerplate spans that cover `offset` (most often none or one)."""
        starts, reach, ordered = self._spans()
        found = []
        position = bisect_right(starts, offset) - 1
        while position >= 0 and reach[position] > offset:
            if ordered[position].end > offset:
                found.append(ordered[position])
            position -= 1
        return found

    def is_boilerplate(self, offset: int) -> bool:
        starts, reach, _ = self._spans()
        position = bisect_right(starts, offset) - 1
        return position >= 0 and reach[position] > offset

    @property
    def published_text(self) -> str:
        """The publication date for people: "≥2022-09-01" when only a lower bound is known."""
        if self.published is not None:
            return self.published.isoformat()
        if self.published_after is not None:
            return f"≥{self.published_after.isoformat()}"
        return "unknown"

    def line_col(self, offset: int) -> tuple[int, int]:
        """1-based line and column of a character offset in the file (a JSON Lines record: its line)."""
        record_line = self.metadata.get("jsonl_line")
        if isinstance(record_line, int):
            return record_line, 1
        line = self.text.count("\n", 0, offset) + 1
        col = offset - (self.text.rfind("\n", 0, offset) + 1) + 1
        return line, col

    @property
    def file(self) -> str:
        """The file the article came from (a JSON Lines record's path is "file:line")."""
        return self.path.rsplit(":", 1)[0] if isinstance(self.metadata.get("jsonl_line"), int) else self.path


@dataclass(frozen=True, slots=True)  # slots: an archive's check holds hundreds of thousands
class Period:
    """The interval a figure is about, resolved against the publication date."""

    start: date
    end: date
    granularity: str  # day, month, quarter, half, year, current
    text: str
    label: str
    cumulative: bool = False  # "hingga Februari 2024": from the start of the year up to then

    def to_json(self, evidence: str | None = None) -> dict[str, Any]:
        found: dict[str, Any] = {
            "label": self.label,
            "start": self.start.isoformat(),
            "end": self.end.isoformat(),
            "granularity": self.granularity,
            "cumulative": self.cumulative,
            "text": self.text,
        }
        if evidence is not None:
            found["evidence"] = evidence
        return found


@dataclass(slots=True)  # no per-claim __dict__: a 100k-article check holds about 450k claims
class Claim:
    """One figure an article states, with what it is about."""

    article_id: str
    path: str
    start: int
    end: int
    text: str
    sentence: str
    sentence_start: int
    value: float
    unit: str  # count, percent, pp, IDR, USD, ...
    low: float
    high: float
    significant: int
    entity: str = ""
    entity_text: str = ""
    scope: str = ""
    metric: str = ""
    metric_text: str = ""
    noun: str = ""
    period: Period | None = None
    modality: str = "actual"  # actual, target, projection, change, share
    published: date | None = None
    published_after: date | None = None  # a lower bound, when the article's date is not known
    index: int = 0
    links: dict[str, int] = field(default_factory=dict)
    # where each attribute came from: clause, sentence, previous sentence, header, row label, anaphora,
    # publication date, default, ...
    evidence: dict[str, str] = field(default_factory=dict)
    # the fields above marked InitVar, in RARE's order, or None when each is its default: most claims set none
    # of them (each under 15 % of a generated archive's claims), and nine slots of every claim were 27 MiB at
    # 100k articles; equal tuples are one object once loaded (compact.py)
    rare: tuple[Any, ...] | None = field(default=None, repr=False)
    # keyword arguments and attributes as before; kept in `rare` (`_Rare` below), so to a type checker plain fields
    if TYPE_CHECKING:
        qualifier: str = ""
        current_cue: str = ""
        direction: str = ""  # rise, fall
        base_period: Period | None = None
        baseline: bool = False
        population: str = ""  # "55 persen dari jumlah pekerja": the metric the percent is taken of
        in_title: bool = False
        rank: str = ""  # highest, lowest: "tertinggi 37,9 persen"
        magnitude_missing: bool = False  # "4,2 penumpang" beside figures in juta
    else:
        qualifier: InitVar[str] = ""
        current_cue: InitVar[str] = ""
        direction: InitVar[str] = ""  # rise, fall
        base_period: InitVar[Period | None] = None
        baseline: InitVar[bool] = False
        population: InitVar[str] = ""  # "55 persen dari jumlah pekerja": the metric the percent is taken of
        in_title: InitVar[bool] = False
        rank: InitVar[str] = ""  # highest, lowest: "tertinggi 37,9 persen"
        magnitude_missing: InitVar[bool] = False  # "4,2 penumpang" beside figures in juta

    def __post_init__(  # type: ignore[override]  # its InitVars are fields to mypy
        self,
        qualifier: str,
        current_cue: str,
        direction: str,
        base_period: Period | None,
        baseline: bool,
        population: str,
        in_title: bool,
        rank: str,
        magnitude_missing: bool,
    ) -> None:
        given = (
            qualifier,
            current_cue,
            direction,
            base_period,
            baseline,
            population,
            in_title,
            rank,
            magnitude_missing,
        )
        self.rare = None if _all_default(given) else given

    def to_row(self) -> dict[str, Any]:
        """The claim as one flat row (CSV, tables): the period's fields spelt out."""
        row = self.to_json()
        period = self.period
        row.update(
            period=period.label if period else None,
            period_start=period.start.isoformat() if period else None,
            period_end=period.end.isoformat() if period else None,
            period_granularity=period.granularity if period else None,
            period_text=period.text if period else None,
            metric_evidence=self.evidence.get("metric", ""),
            period_evidence=self.evidence.get("period", ""),
            scope_evidence=self.evidence.get("scope", ""),
        )
        return row

    def period_json(self) -> dict[str, Any] | None:
        return self.period.to_json(self.evidence.get("period", "")) if self.period else None

    @property
    def uid(self) -> str:
        return f"{self.article_id}:{self.start}"

    def to_json(self) -> dict[str, Any]:
        return {
            "article": self.article_id,
            "path": self.path,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "sentence": self.sentence,
            "value": _clean_number(self.value),
            "unit": self.unit,
            "low": _clean_number(self.low),
            "high": _clean_number(self.high),
            "qualifier": self.qualifier,
            "entity": self.entity,
            "entity_text": self.entity_text,
            "scope": self.scope,
            "metric": self.metric,
            "metric_text": self.metric_text,
            "period": self.period_json(),
            "current_cue": self.current_cue,
            "modality": self.modality,
            "direction": self.direction,
            "baseline": self.baseline,
            "base_period": self.base_period.to_json() if self.base_period else None,
            "population": self.population,
            "rank": self.rank,
            "magnitude_missing": self.magnitude_missing,
            "links": dict(sorted(self.links.items())),
            "in_title": self.in_title,
            "published": self.published.isoformat() if self.published else None,
            "evidence": dict(sorted(self.evidence.items())),
        }


# Claim's rarely set fields, in the order of its `rare` tuple, with their defaults
RARE = (
    "qualifier",
    "current_cue",
    "direction",
    "base_period",
    "baseline",
    "population",
    "in_title",
    "rank",
    "magnitude_missing",
)
RARE_DEFAULTS: tuple[Any, ...] = ("", "", "", None, False, "", False, "", False)


def _all_default(values: tuple[Any, ...]) -> bool:
    # by type too: a claim given 0 for False keeps what it was given
    return all(v == d and type(v) is type(d) for v, d in zip(values, RARE_DEFAULTS, strict=True))


class _Rare:
    """A Claim field kept in its `rare` tuple: read as an attribute, set as one (unpickling an archive sets it so)."""

    __slots__ = ("place", "default")

    def __init__(self, place: int) -> None:
        self.place = place
        self.default = RARE_DEFAULTS[place]

    def __get__(self, claim: Claim | None, owner: type | None = None) -> Any:
        if claim is None:
            return self
        rare = claim.rare
        return self.default if rare is None else rare[self.place]

    def __set__(self, claim: Claim, value: Any) -> None:
        try:
            rare = claim.rare
        except AttributeError:  # an archived claim being unpickled: its slots are set one by one
            rare = None
        if rare is None:
            if value == self.default and type(value) is type(self.default):
                claim.rare = None
                return
            rare = RARE_DEFAULTS
        given = (*rare[: self.place], value, *rare[self.place + 1 :])
        claim.rare = None if _all_default(given) else given


if not TYPE_CHECKING:  # to a type checker they are the fields Claim declares for it
    for _place, _name in enumerate(RARE):
        setattr(Claim, _name, _Rare(_place))


def _clean_number(value: float) -> float | int:
    rounded = round(value, 6)
    return int(rounded) if rounded == int(rounded) and abs(rounded) < 1e15 else rounded


@dataclass(slots=True)
class Mention:
    """A name (person, organization, place or venue) as written, for the name-variant rule."""

    article_id: str
    path: str
    start: int
    end: int
    text: str
    kind: str  # person, entity, place (a gazetteer near miss), location (a name after "di")
    canonical: str = ""  # the entity, or the gazetteer form a place near miss almost spells
    sentence: str = ""
    context: tuple[str, ...] = ()  # role words and organizations written before a person's name
    places: tuple[str, ...] = ()  # places in that title ("Kepala BPS Kabupaten Bogor"), canonical names


@dataclass(slots=True)  # no per-figure __dict__: a large archive's findings quote hundreds of thousands
class Evidence:
    article: str
    path: str
    start: int | None
    end: int | None
    text: str
    sentence: str
    value: float | int | None = None
    unit: str | None = None
    entity: str | None = None
    metric: str | None = None
    period: str | None = None
    modality: str | None = None
    published: str | None = None
    line: int | None = None
    column: int | None = None
    period_detail: dict[str, Any] | None = None

    @classmethod
    def of_claim(cls, claim: Claim) -> Evidence:
        return cls(
            article=claim.article_id,
            path=claim.path,
            start=claim.start,
            end=claim.end,
            text=claim.text,
            sentence=claim.sentence,
            value=_clean_number(claim.value),
            unit=claim.unit,
            entity=claim.entity + (f" ({claim.scope})" if claim.scope else ""),
            metric=claim.metric,
            period=claim.period.label if claim.period else None,
            modality=claim.modality,
            published=claim.published.isoformat() if claim.published else None,
            period_detail=claim.period_json(),
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "article": self.article,
            "path": self.path,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "sentence": self.sentence,
            "value": self.value,
            "unit": self.unit,
            "entity": self.entity,
            "metric": self.metric,
            "period": self.period_detail if self.period_detail is not None else self.period,
            "modality": self.modality,
            # added after the first contract: 1-based, in the file (a JSON Lines record: its line, column 1)
            "line": self.line,
            "column": self.column,
        }


@dataclass(slots=True)  # no per-finding __dict__: a 100k-article archive raises 180k findings
class Finding:
    rule: str
    kind: str
    severity: str
    message: str
    evidence: list[Evidence]
    group: str = ""
    supported_value: str | None = None  # the value the corpus backs, when one side has more sources
    support: list[dict[str, Any]] = field(default_factory=list)  # each value with how many sources state it
    # the message as a template and its values; `message` is its English rendering (sorting, baselines)
    template: Message | None = None
    # figures the finding involves beyond those it quotes: a value stated in thousands of articles is quoted
    # through a bounded selection, and every report says how many more there are
    omitted: int = 0

    @classmethod
    def of(
        cls, rule: str, kind: str, severity: str, template: Message, evidence: list[Evidence], group: str = ""
    ) -> Finding:
        return cls(rule, kind, severity, render(template), evidence, group=group, template=template)

    def retell(self, template: Message) -> None:
        """Replace the message (a check that adds to what it found: "...; the corpus backs 38,6 juta")."""
        self.template = template
        self.message = render(template)

    def text(self, lang: str = "en") -> str:
        """The message in the report's language."""
        return render(self.template, lang) if self.template is not None else self.message

    @property
    def fingerprint(self) -> str:
        """Identity that survives edits elsewhere in the articles (for baselines)."""
        figures = sorted(f"{e.article}|{e.text}|{e.value}|{e.unit}" for e in self.evidence)
        return f"{self.rule}::" + "::".join(figures)

    def to_json(self, lang: str = "en") -> dict[str, Any]:
        template = self.template.to_json() if self.template is not None else {"template": None, "params": {}}
        return {
            "rule": self.rule,
            "kind": self.kind,
            "severity": self.severity,
            "message": self.text(lang),
            # added after the first contract: the message's template id and values, to render it again
            **template,
            "supported_value": self.supported_value,
            "support": self.support,
            "evidence": [e.to_json() for e in self.evidence],
            # added after the first contract, only when the evidence is a selection: how many figures it leaves out
            **({"omitted": self.omitted} if self.omitted else {}),
        }


@dataclass
class DraftFigure:
    """A draft's figure in draft mode: what the archive says of it."""

    evidence: Evidence
    status: str  # confirmed, contradicted
    rules: list[str]  # the rules whose findings involve it (contradicted)
    archive: list[Evidence]  # archive figures that agree with it (confirmed), at most three

    def to_json(self) -> dict[str, Any]:
        return {
            "status": self.status,
            "rules": self.rules,
            "figure": self.evidence.to_json(),
            "archive": [e.to_json() for e in self.archive],
        }


@dataclass
class Skipped:
    path: str
    reason: str


SEVERITIES = ("info", "warning", "error")


def severity_rank(severity: str) -> int:
    return SEVERITIES.index(severity) if severity in SEVERITIES else len(SEVERITIES)


@dataclass
class Report:
    version: str
    articles: list[Article]
    claims: list[Claim]
    skipped: list[Skipped]
    findings: list[Finding]
    baseline_fixed: int = 0
    clusters: list[Any] = field(default_factory=list)  # for the HTML charts; not part of the JSON contract
    draft: list[DraftFigure] | None = None  # draft mode only: the draft's confirmed and contradicted figures
    # claims in the run when `claims` holds only part of them (a draft's neighbourhood in an archive)
    claim_count: int | None = None

    @property
    def claim_total(self) -> int:
        return len(self.claims) if self.claim_count is None else self.claim_count

    def counts(self) -> dict[str, int]:
        return {s: sum(1 for f in self.findings if f.severity == s) for s in SEVERITIES}

    def to_dict(self, lang: str | None = None) -> dict[str, Any]:
        """The JSON contract; messages in `lang`, by default the corpus's main language (as the CLI)."""
        if lang is None:
            from .i18n import main_language

            lang = main_language(a.language for a in self.articles)
        return {
            "version": self.version,
            "articles": [
                {
                    "id": a.id,
                    "path": a.path,
                    "published": a.published.isoformat() if a.published else None,
                    "published_after": a.published_after.isoformat() if a.published_after else None,
                    "published_evidence": a.published_evidence,
                    "language": a.language,
                }
                for a in self.articles
            ],
            "claims": self.claim_total,
            "skipped": [{"path": s.path, "reason": s.reason} for s in self.skipped],
            "findings": [f.to_json(lang) for f in self.findings],
            **({"draft": [d.to_json() for d in self.draft]} if self.draft is not None else {}),
        }

    def to_json(self, lang: str | None = None) -> str:
        from .json_text import dumps  # json.dumps(..., ensure_ascii=False, indent=2), twice as fast

        return dumps(self.to_dict(lang)) + "\n"
