"""Check stage: read, extract, cluster, run the rules, and build the Report."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from . import __version__
from .checks import Context, Rule, kind_function
from .cluster import cluster_claims
from .compact import Pool, share_findings, share_links
from .errors import ConfigError, InputError
from .lexicon import Lexicon, load_lexicon
from .load import Extracted, engine_runner, read_and_extract
from .models import Claim, Finding, Mention, Report, Skipped, severity_rank
from .read import Corpus
from .rule_split import run_rules

if TYPE_CHECKING:
    from .neighbourhood import Ahead, Neighbourhood

DEFAULT_TIME_BUDGET = 120.0


@dataclass
class Options:
    """Everything a run can be told; flags, config files and the API all fill this."""

    against: list[str] = field(default_factory=list)
    rule_dirs: list[str] = field(default_factory=list)
    enable: list[str] = field(default_factory=list)
    disable: list[str] = field(default_factory=list)
    select: list[str] = field(default_factory=list)  # only these rules (ruff's --select); empty: all enabled
    severities: dict[str, str] = field(default_factory=dict)
    rule_options: dict[str, dict[str, object]] = field(default_factory=dict)
    include: list[str] = field(default_factory=list)
    exclude: list[str] = field(default_factory=list)
    languages: list[str] = field(default_factory=list)
    fail_on: str = "warning"
    baseline: str | None = None
    graph: str | None = None
    draft_published: date | None = None  # with `against`: the date of an undated draft (default: today)
    jobs: int = 0  # worker processes for extraction; 0: the cores available
    db: str | None = None  # a claim archive: unchanged files are not read or extracted again
    progress: Callable[[int, int], None] | None = None
    time_budget: float = DEFAULT_TIME_BUDGET  # seconds per article; 0 for no limit
    allow_empty: bool = False  # a run that reads no article is an error unless this is set
    stdin_filename: str | None = None  # the name (and so the format) of the article read from "-"
    engine: str = "local"  # where reading and extraction run: "local" (this process, --jobs) or "dask"
    scheduler: str | None = None  # with engine "dask": a running cluster's address; None starts a LocalCluster
    # keep of each finding only its rule, kind and severity: all `--statistics` prints (a 100k-article archive
    # raises 180k findings, 340 MiB with their figures and messages); ignored with `against`, a baseline or a graph
    tally: bool = False

    config_path: str | None = None  # the file the settings came from, for -v

    @classmethod
    def resolve(
        cls, paths: list[str], config_file: str | None = None, use_config: bool = True, **flags: Any
    ) -> Options:
        """Defaults, then the config file (--config, or the nearest one found), then flags that were given.

        Everything is checked here, before any article is read: the file's keys
        and types, then its rule ids, options and languages (and those of the
        flags) against the rules it loads.
        """
        from pathlib import Path

        from .config import check_names, describe_source, find_config, load_config

        found = Path(config_file) if config_file else (find_config(paths) if use_config else None)
        settings = load_config(found) if found else {}
        options = cls(
            rule_dirs=list(settings.get("rules", [])),
            enable=list(settings.get("enable", [])),
            disable=list(settings.get("disable", [])),
            select=list(settings.get("select", [])),
            severities=dict(settings.get("severity", {})),
            rule_options=dict(settings.get("options", {})),
            include=list(settings.get("include", [])),
            exclude=list(settings.get("exclude", [])),
            languages=list(settings.get("languages", [])),
            fail_on=settings.get("fail-on", "warning"),
            baseline=settings.get("baseline"),
            config_path=str(found) if found else None,
            time_budget=settings.get("time-budget", DEFAULT_TIME_BUDGET),
        )
        if found is not None and options.rule_dirs:
            # rule folders in a config file are relative to that file
            options.rule_dirs = [str((found.parent / d).resolve()) for d in options.rule_dirs]
        for key, value in flags.items():
            if value is None or value == () or value == []:
                continue
            current = getattr(options, key)
            setattr(options, key, [*current, *value] if isinstance(current, list) else value)
        lexicon = load_lexicon(tuple(options.rule_dirs))
        languages = list(lexicon.languages)
        if found is not None:
            check_names(settings, describe_source(found), lexicon.rules, languages)
        for flag in ("enable", "disable", "select"):
            if flags.get(flag):
                check_names({flag: list(flags[flag])}, f"--{flag}", lexicon.rules, languages)
        return options


def active_rules(lexicon: Lexicon, options: Options) -> list[Rule]:
    rules = [Rule.from_dict(r) for r in lexicon.rules]
    known = {r.id for r in rules} | {r.name for r in rules}
    for wanted in [*options.enable, *options.disable, *options.select, *options.severities, *options.rule_options]:
        if wanted not in known:
            raise ConfigError("rules", f"unknown rule {wanted!r}; run 'factcheck rules' to list them")
    chosen = []
    for rule in rules:
        names = {rule.id, rule.name}
        enabled = rule.enabled
        if options.select:  # --select names the whole set; --disable/--ignore then take from it
            enabled = bool(names & set(options.select))
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


def _locate(findings: list[Finding], context: Context) -> None:
    """Each figure's line and column in its file, so a JSON reader need not count newlines itself."""
    for finding in findings:
        for evidence in finding.evidence:
            article = context.articles.get(evidence.article)
            if article is not None and evidence.start is not None:
                evidence.line, evidence.column = article.line_col(evidence.start)


def _rule_name(context: Context, rule_id: str) -> str:
    for rule in context.lexicon.rules:
        if rule["id"] == rule_id:
            return str(rule["name"])
    return rule_id


def _distinct(findings: list[Finding]) -> list[Finding]:
    """One of each finding: two paths of a rule that reach the same figures say it once, in the order found."""
    seen: set[tuple[object, ...]] = set()
    kept = []
    for finding in findings:
        # one flat tuple a finding (three items a figure), not one per figure: 55k weekday findings at 100k
        key = (finding.rule, finding.message, *[x for e in finding.evidence for x in (e.article, e.start, e.end)])
        if key not in seen:
            seen.add(key)
            kept.append(finding)
    return kept


def _tallied(findings: list[Finding]) -> list[Finding]:
    """Each finding as its rule, kind and severity alone, one object for each such triple (`Options.tally`).

    The list is as long as `findings`, so counts, the summary line and the exit status read it as they
    read the findings themselves; its items have no message and no figures.
    """
    tallies: dict[tuple[str, str, str], Finding] = {}
    kept = []
    for finding in findings:
        key = (finding.rule, finding.kind, finding.severity)
        if key not in tallies:
            tallies[key] = Finding(finding.rule, finding.kind, finding.severity, "", [])
        kept.append(tallies[key])
    return kept


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


def raise_empty(paths: list[str], skipped: list[Skipped]) -> None:
    """A run that reads nothing is almost always a wrong PATH or pattern: say so (exit 2)."""
    why = f"; {len(skipped)} skipped, first {skipped[0].path}: {skipped[0].reason}" if skipped else ""
    raise InputError(" ".join(paths) or "(no PATH)", f"no article to check{why} (--allow-empty accepts this)")


def combine(
    drafts: Extracted, archive: Extracted | None, languages: list[str]
) -> tuple[list[Claim], list[Mention], Corpus]:
    """The run's corpus: the drafts, then the archive (its ids marked where a draft has the same one)."""
    from .numbering import number_claims  # not from .extract: that imports spaCy

    corpus = Corpus(list(drafts.articles), list(drafts.skipped))
    found = list(drafts.found)
    if archive is not None:
        draft_ids = {a.id for a in drafts.articles}
        for article in archive.articles:
            if article.id in draft_ids:
                article.id = f"archive:{article.id}"
        archive.relabel()
        corpus.articles.extend(archive.articles)
        corpus.skipped.extend(archive.skipped)
        found.extend(archive.found)
    if languages:
        kept = [i for i, a in enumerate(corpus.articles) if a.language in languages]
        for article in corpus.articles:
            if article.language not in languages:
                corpus.skipped.append(Skipped(article.path, f"language '{article.language}' is not in languages"))
        corpus.articles = [corpus.articles[i] for i in kept]
        found = [found[i] for i in kept]
    claims, mentions = number_claims(found)
    return claims, mentions, corpus


def _scoped(options: Options) -> bool:
    """Whether a draft is checked against one claim archive, so that only its neighbourhood is loaded."""
    from .archive import is_archive

    return len(options.against) == 1 and is_archive(options.against[0]) and not (options.languages or options.graph)


def _ahead(options: Options, lexicon: Lexicon) -> Ahead | None:
    """The archive's counts, read in a thread beside the draft's extraction (neighbourhood.py `Ahead`)."""
    from .neighbourhood import Ahead

    return Ahead(options.against[0], lexicon) if _scoped(options) else None


def _neighbourhood(
    options: Options, drafts: Extracted, lexicon: Lexicon, rules: list[Rule], ahead: Ahead | None = None
) -> Neighbourhood | None:
    """A draft against one claim archive loads only the archived articles it can meet (draft.py).

    Anything else (folders, several archives, a language filter, a graph of the
    whole corpus) loads everything, as does an archive with stale entries.
    """
    from .neighbourhood import load_neighbourhood

    if not _scoped(options):
        return None
    # the name-variant rule's threshold decides which person names need their articles loaded
    repeated = [int(r.option("repeated_articles", 3)) for r in rules if r.kind == "name-variant"]
    return load_neighbourhood(options.against[0], drafts, lexicon, max(repeated) if repeated else None, ahead)


def run_check(paths: list[str], options: Options | None = None) -> Report:
    from .gcpause import paused
    from .heap import give_back, keep_large_blocks_apart

    options = options or Options()
    keep_large_blocks_apart()  # what loading and each rule build and drop is returned, not kept (heap.py)
    lexicon = load_lexicon(tuple(options.rule_dirs))
    rules = active_rules(lexicon, options)
    runner = engine_runner(options.engine, options.scheduler)  # before any article is read

    def load(group: list[str], draft: tuple[date, str] | None = None) -> Extracted:
        (extracted,) = read_and_extract(
            [group],
            lexicon,
            include=options.include,
            exclude=options.exclude,
            jobs=options.jobs,
            languages=options.languages,
            progress=options.progress,
            db=options.db,
            draft=draft,
            seen=seen,
            stdin_filename=options.stdin_filename,
            time_budget=options.time_budget,
            runner=runner,
        )
        return extracted

    seen: set[str] = set()  # a file is read once, even when the draft sits inside its archive

    archive = None
    scoped: Neighbourhood | None = None
    if options.against:
        # an undated draft is dated before extraction: "saat ini" and "tahun ini" resolve against it
        when = options.draft_published
        ahead = _ahead(options, lexicon)
        drafts = load(paths, (when or date.today(), "draft: --published" if when else "draft: dated today"))
        scoped = _neighbourhood(options, drafts, lexicon, rules, ahead)
        archive = scoped.extracted if scoped is not None else load(options.against)
    else:
        drafts = load(paths)
    claims, mentions, corpus = combine(drafts, archive, options.languages)
    draft_claims = sum(len(found) for found, _ in drafts.found)
    # each article's own lists of its claims and mentions, now in the two lists of the run: 27 MiB at 100k
    drafts.found = []
    if archive is not None:
        archive.found = []
    share_links(claims)
    draft_ids = {a.id for a in drafts.articles}
    from .config import check_ignores

    check_ignores(corpus.articles, lexicon.rules)
    if not corpus.articles and not options.allow_empty:
        raise_empty(paths, corpus.skipped)
    tally = options.tally and not (options.against or options.baseline or options.graph)
    known, statistics = {m.id for m in lexicon.metrics}, {m.id for m in lexicon.metrics if m.statistic}
    if scoped is not None:
        from .neighbourhood import in_neighbourhood

        # only the clusters loaded whole; the others hold a few claims of articles loaded for another key
        clustered = cluster_claims(claims, known, statistics, scoped.spellings)
        clusters = [c for c in clustered if in_neighbourhood(c, scoped.complete)]
    else:
        clusters = cluster_claims(claims, known, statistics)
    context = Context(
        articles={a.id: a for a in corpus.articles},
        claims=claims,
        clusters=clusters,
        mentions=mentions,
        lexicon=lexicon,
        focus=draft_ids if options.against else None,
        person_articles=scoped.person_articles if scoped is not None else {},
        figures=not tally,
    )
    findings: list[Finding] = []
    pool = Pool()
    give_back()  # loading's buffers: before the rule processes are forked, each counting what this one holds

    def run_rule(rule: Rule) -> list[Finding]:
        # the collector paused: a rule makes no garbage cycles (tests/test_check_cpu.py), and each full collection
        # its allocations set off walked the run's indexes of every claim, more walks the larger the corpus
        with paused():
            found = _distinct([f for f in kind_function(rule.kind)(context, rule) if not _suppressed(f, context)])
        context.rule_done()
        kept = _tallied(found) if tally else found  # tallied where the rule ran: less to send back
        del found
        give_back()  # the rule's working set, before the next rule (or this process's others) adds its own
        return kept

    from .workers import workers_for

    # the cores that extracted run the rules too (rule_split.py); dask's client stays one process
    processes = workers_for(options.jobs, len(corpus.articles)) if runner is None else 0
    for found in run_rules(rules, [rule.kind for rule in rules], run_rule, max(1, processes)):
        if tally:
            findings.extend(found)
            continue
        share_findings(found, pool)  # each rule's at once: a large archive's findings repeat their parts
        findings.extend(found)
    if options.against:
        findings = [f for f in findings if any(e.article in draft_ids for e in f.evidence)]
    findings.sort(key=sort_key)
    _locate(findings, context)
    report = Report(__version__, corpus.articles, claims, corpus.skipped, findings, clusters=clusters)
    if scoped is not None:
        # the report names and counts the whole archive, as it would with every article loaded
        report.articles = scoped.catalogue(drafts.articles)
        report.skipped = [*drafts.skipped, *scoped.skipped]
        report.claim_count = draft_claims + scoped.claims
    if options.against:
        from .draft import review_draft

        report.draft = review_draft(context, draft_ids, findings, slack=0.0)
    if options.baseline:
        from .baseline import apply_baseline, read_baseline

        apply_baseline(report, read_baseline(options.baseline))
    if options.graph:
        from .graph import build_graph, write_graphml

        write_graphml(build_graph(corpus.articles, claims, clusters, findings), options.graph)
    return report
