"""--format html: one self-contained page (no network) for editors.

The page is built from Jinja2 templates (factcheck/report/templates, shipped
as package data) with autoescape on: every piece of article text is
escaped, since a corpus can hold hostile HTML, and nothing from the corpus
is ever written inside the script. This module only turns the Report into
plain view objects; the templates decide the markup and chart.py the
geometry.

The page holds a summary, filters (severity, kind, entity, article by
outlet and headline) and a search box whose state lives in the URL's hash,
groups of findings with errors first, per group a chart of the figures over
their periods, each finding with an anchor, its rule's explanation and each
figure quoted in its sentence and linked to its source; and a view per
article of every figure it states and what each conflicts with.
Everything is sorted, so the same report gives byte-identical HTML.
"""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import cache
from typing import Any
from urllib.parse import quote

from jinja2 import Environment, PackageLoader, StrictUndefined

from ..i18n import DEFAULT as DEFAULT_LANG
from ..models import Article, Claim, Evidence, Finding, Report, severity_rank
from . import omitted_note
from .chart import Chart, build_chart, period_name
from .text import summary_line

MAX_CHARTS_PER_GROUP = 4
ZOOM_WIDTH = 380


@dataclass
class RuleDoc:
    id: str
    name: str
    summary: str
    why: str
    bad: str
    good: str


@dataclass
class Source:
    """Where a figure stands: the article's url when known, and always its file, line and column."""

    url: str
    where: str  # path:line:col
    href: str  # the url, else the file relative to where the report was made


@dataclass
class EvidenceView:
    article: str
    article_index: int  # the per-article view's anchor
    outlet: str
    headline: str
    before: str
    figure: str
    after: str
    source: Source
    details: str


@dataclass
class FindingView:
    anchor: str
    severity: str
    kind: str
    rule: str
    rule_doc: RuleDoc | None
    message: str
    entity: str
    articles: list[str]
    evidence: list[EvidenceView]
    omitted: str = ""  # "and 412 more figures" when the finding quotes a selection


@dataclass
class ChartView:
    title: str
    chart: Chart
    findings: list[str]  # anchors of the findings whose figures it draws: it shows while one of them does
    role: str  # series (a metric over its periods) or zoom (one period's disagreeing figures)


@dataclass
class GroupView:
    title: str
    severity: str  # the worst of its findings
    charts: list[ChartView]
    findings: list[FindingView]


@dataclass
class Against:
    anchor: str
    severity: str
    rule: str
    others: list[str]  # the other figures of the finding, with their outlets


@dataclass
class ClaimRow:
    figure: str
    what: str
    period: str
    modality: str
    source: Source
    findings: list[Against]


@dataclass
class ArticleView:
    index: int
    id: str
    outlet: str
    headline: str
    published: str
    source: Source
    claims: list[ClaimRow]
    findings: list[Against]  # findings of the article that no listed figure carries (names, weekdays)

    @property
    def option(self) -> str:
        """How the article filter names it: outlet, headline and date rather than a file name."""
        return f"{self.outlet} — {self.headline or self.id} ({self.published})"


@dataclass
class Page:
    summary: str
    articles: int
    claims: int
    findings: int
    counts: dict[str, int]
    kinds: list[tuple[str, int]]
    entities: list[str]
    groups: list[GroupView]
    article_views: list[ArticleView]
    rules: list[RuleDoc]
    skipped: list[tuple[str, str]] = field(default_factory=list)


@cache
def _environment() -> Environment:
    # PackageLoader finds the templates in an installed package as well as in a checkout.
    return Environment(
        loader=PackageLoader("factcheck.report", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def _rule_docs(rules: list[Any] | None) -> dict[str, RuleDoc]:
    if rules is None:  # the packaged rule pack; a caller with its own rules passes them
        from ..checks import Rule
        from ..lexicon import load_lexicon

        rules = [Rule.from_dict(r) for r in load_lexicon().rules]
    return {r.id: RuleDoc(r.id, r.name, r.summary, r.why, r.bad, r.good) for r in rules}


def _entity(finding: Finding) -> str:
    return finding.group.split(" · ")[0] if finding.group else ""


def _outlet(article: Article | None, article_id: str) -> str:
    return (article.outlet if article is not None else "") or article_id


def _source(article: Article | None, path: str, offset: int | None) -> Source:
    where = article.file if article is not None else path
    if article is not None and offset is not None:
        line, column = article.line_col(offset)
        where = f"{where}:{line}:{column}"
    url = article.url if article is not None and article.url.startswith(("http://", "https://")) else ""
    href = url or quote(article.file if article is not None else path)
    return Source(url, where, href)


def _quote(evidence: Evidence) -> tuple[str, str, str]:
    sentence = " ".join(evidence.sentence.split())
    figure = " ".join(evidence.text.split())
    at = sentence.find(figure) if figure else -1
    if at < 0:
        return sentence, "", ""
    return sentence[:at], figure, sentence[at + len(figure) :]


def _anchors(findings: list[Finding]) -> dict[int, str]:
    """A stable anchor per finding: from its fingerprint, so a link survives edits elsewhere."""
    anchors: dict[int, str] = {}
    seen: Counter[str] = Counter()
    for finding in findings:
        base = "f-" + hashlib.sha1(finding.fingerprint.encode("utf-8")).hexdigest()[:10]
        seen[base] += 1
        anchors[id(finding)] = base if seen[base] == 1 else f"{base}-{seen[base]}"
    return anchors


def _language(report: Report) -> str:
    languages = Counter(a.language for a in report.articles)
    return min(languages, key=lambda lang: (-languages[lang], lang)) if languages else "id"


def build_page(report: Report, rules: list[Any] | None = None, lang: str = DEFAULT_LANG) -> Page:
    """The Report as the plain objects the template renders."""
    docs = _rule_docs(rules)
    articles = {a.id: a for a in report.articles}
    index_of = {a.id: i for i, a in enumerate(sorted(report.articles, key=lambda a: a.id))}
    outlet_of = {a.id: _outlet(a, a.id) for a in report.articles}
    anchors = _anchors(report.findings)
    language = _language(report)
    cluster_of: dict[tuple[str, int], Any] = {}
    for cluster in report.clusters:
        for claim in cluster.claims:
            cluster_of[(claim.article_id, claim.start)] = cluster
    claim_findings: dict[tuple[str, int], list[Finding]] = defaultdict(list)
    article_findings: dict[str, list[Finding]] = defaultdict(list)
    for finding in report.findings:
        for evidence in finding.evidence:
            if evidence.start is not None:
                claim_findings[(evidence.article, evidence.start)].append(finding)
            if finding not in article_findings[evidence.article]:
                article_findings[evidence.article].append(finding)

    def evidence_view(evidence: Evidence) -> EvidenceView:
        article = articles.get(evidence.article)
        published = article.published_text if article is not None else (evidence.published or "unknown")
        details = [f"published {published}"]
        if evidence.period:
            details.append(f"period {evidence.period}")
        if evidence.modality and evidence.modality != "actual":
            details.append(evidence.modality)
        before, figure, after = _quote(evidence)
        return EvidenceView(
            article=evidence.article,
            article_index=index_of.get(evidence.article, -1),
            outlet=_outlet(article, evidence.article),
            headline=article.title if article is not None else "",
            before=before,
            figure=figure,
            after=after,
            source=_source(article, evidence.path, evidence.start),
            details=", ".join(details),
        )

    def finding_view(finding: Finding) -> FindingView:
        return FindingView(
            anchor=anchors[id(finding)],
            severity=finding.severity,
            kind=finding.kind,
            rule=finding.rule,
            rule_doc=docs.get(finding.rule),
            message=finding.text(lang),
            entity=_entity(finding),
            articles=sorted({e.article for e in finding.evidence}),
            evidence=[evidence_view(e) for e in finding.evidence],
            omitted=omitted_note(finding, lang),
        )

    grouped: dict[str, list[Finding]] = defaultdict(list)
    for finding in report.findings:
        grouped[finding.group or "other"].append(finding)
    groups: list[GroupView] = []
    for title, findings in grouped.items():
        # errors first inside a group, the report's order otherwise (sorted() is stable)
        findings = sorted(findings, key=lambda f: -severity_rank(f.severity))
        charts = _charts(findings, cluster_of, anchors, outlet_of, language)
        groups.append(GroupView(title, findings[0].severity, charts, [finding_view(f) for f in findings]))
    # errors first, then by entity and metric (a group's title starts with its entity)
    groups.sort(key=lambda g: (-severity_rank(g.severity), g.title))

    def against(finding: Finding, article_id: str, start: int | None) -> Against:
        others = [
            f"{' '.join(e.text.split())} ({outlet_of.get(e.article, e.article)})"
            for e in finding.evidence
            if not (e.article == article_id and e.start == start)
        ]
        return Against(anchors[id(finding)], finding.severity, finding.rule, others)

    claims_of: dict[str, list[Claim]] = defaultdict(list)
    for claim in report.claims:
        claims_of[claim.article_id].append(claim)
    article_views = []
    for article in sorted(report.articles, key=lambda a: a.id):
        rows = []
        carried: set[int] = set()
        for claim in sorted(claims_of[article.id], key=lambda c: c.start):
            involved = claim_findings.get((article.id, claim.start), [])
            carried.update(id(f) for f in involved)
            rows.append(
                ClaimRow(
                    figure=" ".join(claim.text.split()),
                    what=_what(claim),
                    period=period_name(claim.period) if claim.period else "",
                    modality=claim.modality,
                    source=_source(article, article.path, claim.start),
                    findings=[against(f, article.id, claim.start) for f in involved],
                )
            )
        rest = [against(f, article.id, None) for f in article_findings.get(article.id, []) if id(f) not in carried]
        article_views.append(
            ArticleView(
                index=index_of[article.id],
                id=article.id,
                outlet=_outlet(article, article.id),
                headline=article.title,
                published=article.published_text,
                source=_source(article, article.path, None),
                claims=rows,
                findings=rest,
            )
        )
    counts = report.counts()
    kinds = Counter(f.kind for f in report.findings)
    return Page(
        summary=summary_line(report, lang),
        articles=len(report.articles),
        claims=report.claim_total,
        findings=len(report.findings),
        counts=counts,
        kinds=sorted(kinds.items()),
        entities=sorted({_entity(f) for f in report.findings if _entity(f)}),
        groups=groups,
        article_views=article_views,
        rules=[docs[r] for r in sorted({f.rule for f in report.findings}) if r in docs],
        skipped=[(s.path, s.reason) for s in report.skipped],
    )


def _what(claim: Claim) -> str:
    entity = claim.entity + (f" ({claim.scope})" if claim.scope else "")
    return " · ".join(part for part in (entity, claim.metric) if part)


def _charts(
    findings: list[Finding],
    cluster_of: dict[tuple[str, int], Any],
    anchors: dict[int, str],
    outlet_of: dict[str, str],
    language: str,
) -> list[ChartView]:
    involved = {(e.article, e.start) for f in findings for e in f.evidence if e.start is not None}
    clusters: list[Any] = []
    for key in sorted(involved):
        cluster = cluster_of.get(key)
        if cluster is not None and all(cluster is not c for c in clusters):
            clusters.append(cluster)
    views = []
    for cluster in clusters:
        chart = build_chart(cluster.claims, involved, cluster.unit, outlet_of, language)
        if chart is None:
            continue
        members = {(c.article_id, c.start) for c in cluster.claims}
        shown_by = [anchors[id(f)] for f in findings if any((e.article, e.start) in members for e in f.evidence)]
        title = f"{cluster.metric} ({cluster.unit})"
        views.append(ChartView(f"{title} by period", chart, shown_by, "series"))
        for claims in chart.conflicts:
            # over a long series a 2 % gap is a few pixels: the close-up has its own value axis
            close = build_chart(claims, involved, cluster.unit, outlet_of, language, width_min=ZOOM_WIDTH)
            if close is None or claims[0].period is None:
                continue
            keys = {(c.article_id, c.start) for c in claims}
            by = [anchors[id(f)] for f in findings if any((e.article, e.start) in keys for e in f.evidence)]
            views.append(
                ChartView(f"{title}, {period_name(claims[0].period)}: the figures that disagree", close, by, "zoom")
            )
        if len(views) >= MAX_CHARTS_PER_GROUP:
            break
    return views


def render(report: Report, rules: list[Any] | None = None, lang: str = DEFAULT_LANG, **_: Any) -> str:
    return _environment().get_template("report.html.j2").render(page=build_page(report, rules, lang))
