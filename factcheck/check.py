"""Check stage: read, extract, cluster, run the rules, and build the Report."""

from __future__ import annotations

from dataclasses import dataclass, field

from . import __version__
from .checks import Context, Rule, kind_function
from .cluster import cluster_claims
from .errors import ConfigError
from .extract import extract_all
from .lexicon import Lexicon, load_lexicon
from .models import Finding, Report, severity_rank
from .read import read_corpus


@dataclass
class Options:
    """Everything a run can be told; flags, config files and the API all fill this."""

    against: list[str] = field(default_factory=list)
    rule_dirs: list[str] = field(default_factory=list)
    enable: list[str] = field(default_factory=list)
    disable: list[str] = field(default_factory=list)
    severities: dict[str, str] = field(default_factory=dict)
    rule_options: dict[str, dict[str, object]] = field(default_factory=dict)
    exclude: list[str] = field(default_factory=list)
    graph: str | None = None


def active_rules(lexicon: Lexicon, options: Options) -> list[Rule]:
    rules = [Rule.from_dict(r) for r in lexicon.rules]
    known = {r.id for r in rules} | {r.name for r in rules}
    for wanted in [*options.enable, *options.disable, *options.severities, *options.rule_options]:
        if wanted not in known:
            raise ConfigError("rules", f"unknown rule {wanted!r}; run 'factcheck rules' to list them")
    chosen = []
    for rule in rules:
        names = {rule.id, rule.name}
        enabled = rule.enabled
        if names & set(options.disable):
            enabled = False
        if names & set(options.enable):
            enabled = True
        if not enabled:
            continue
        for name in names:
            if name in options.severities:
                rule.severity = options.severities[name]
            if name in options.rule_options:
                rule.options.update(options.rule_options[name])
        chosen.append(rule)
    return chosen


def _suppressed(finding: Finding, context: Context) -> bool:
    """Front matter `factcheck-ignore: [ids]`, or `<!-- factcheck-ignore: ID -->` the line before a figure."""
    for evidence in finding.evidence:
        article = context.articles.get(evidence.article)
        if article is None:
            continue
        if finding.rule in article.ignore_rules or _rule_name(context, finding.rule) in article.ignore_rules:
            return True
        if evidence.start is not None:
            line, _ = article.line_col(evidence.start)
            ignored = article.ignore_lines.get(line, [])
            if finding.rule in ignored or _rule_name(context, finding.rule) in ignored or "all" in ignored:
                return True
    return False


def _rule_name(context: Context, rule_id: str) -> str:
    for rule in context.lexicon.rules:
        if rule["id"] == rule_id:
            return str(rule["name"])
    return rule_id


def sort_key(finding: Finding) -> tuple[object, ...]:
    first = finding.evidence[0] if finding.evidence else None
    return (
        finding.group,
        -severity_rank(finding.severity),
        finding.rule,
        first.article if first else "",
        first.start if first and first.start is not None else -1,
        finding.message,
    )


def run_check(paths: list[str], options: Options | None = None) -> Report:
    options = options or Options()
    lexicon = load_lexicon(tuple(options.rule_dirs))
    rules = active_rules(lexicon, options)
    corpus = read_corpus(paths, lexicon, exclude=options.exclude)
    draft_ids = {a.id for a in corpus.articles}
    if options.against:
        archive = read_corpus(options.against, lexicon, exclude=options.exclude)
        for article in archive.articles:
            if article.id in draft_ids:
                article.id = f"archive:{article.id}"
        corpus.articles.extend(archive.articles)
        corpus.skipped.extend(archive.skipped)
    claims, mentions = extract_all(corpus.articles, lexicon)
    clusters = cluster_claims(claims, {m.id for m in lexicon.metrics})
    context = Context(
        articles={a.id: a for a in corpus.articles},
        claims=claims,
        clusters=clusters,
        mentions=mentions,
        lexicon=lexicon,
    )
    findings: list[Finding] = []
    for rule in rules:
        findings.extend(kind_function(rule.kind)(context, rule))
    findings = [f for f in findings if not _suppressed(f, context)]
    if options.against:
        findings = [f for f in findings if any(e.article in draft_ids for e in f.evidence)]
    findings.sort(key=sort_key)
    report = Report(__version__, corpus.articles, claims, corpus.skipped, findings)
    if options.graph:
        from .graph import build_graph, write_graphml

        write_graphml(build_graph(corpus.articles, claims, clusters, findings), options.graph)
    return report
