"""`check`, `rules` and `explain`, registered on the main command group."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

import click

from .errors import FactcheckError, OutputError
from .models import severity_rank
from .output import Target
from .report.safe import terminal


def register(group: click.Group) -> None:
    group.add_command(check)
    group.add_command(rules)
    group.add_command(explain)
    group.add_command(index)


def engine_options(command: Callable[..., None]) -> Callable[..., None]:
    """`--engine` and `--scheduler`, the same for check, claims and index (load.engine_runner checks them)."""
    command = click.option(
        "--scheduler",
        metavar="ADDRESS",
        default=None,
        help="With --engine dask: a running dask.distributed scheduler (tcp://host:8786).  "
        "[default: a LocalCluster of --jobs workers]",
    )(command)
    return click.option(
        "--engine",
        type=click.Choice(["local", "dask"]),
        default=None,
        help="Where to read and extract: this machine's processes, or dask.distributed (pip install "
        "'factcheck-figures[dask]').  [default: local]",
    )(command)


FORMATS = ["text", "json", "html", "sarif", "github", "markdown", "csv", "concise"]


def _comma_list(_ctx: click.Context, _param: click.Parameter, values: tuple[str, ...]) -> tuple[str, ...]:
    """`--select FC101,FC102 --select FC201`: repeated and comma-separated alike, as ruff takes them."""
    return tuple(item.strip() for value in values for item in value.split(",") if item.strip())


def _absolute_uri(url: str) -> bool:
    """A base a SARIF viewer can follow: a scheme and a host, or a file: URL."""
    from urllib.parse import urlsplit

    parts = urlsplit(url)
    return bool(parts.scheme) and (bool(parts.netloc) or parts.scheme == "file") and not any(c.isspace() for c in url)


def split_outputs(values: tuple[str, ...], fmt: str) -> tuple[list[tuple[str, str]], bool]:
    """`-o FILE` writes --format to FILE; `-o FORMAT:FILE` writes one more format in the same run.

    Returns the (format, file) pairs and whether --format itself went to a file (then standard
    output stays empty, as with a single `-o FILE`).
    """
    outputs = []
    main_to_file = False
    for value in values:
        prefix, sep, rest = value.partition(":")
        if sep and prefix in FORMATS and rest:
            outputs.append((prefix, rest))
        else:
            outputs.append((fmt, value))
            main_to_file = True
    return outputs, main_to_file


@click.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option(
    "--db",
    type=click.Path(dir_okay=False),
    default=None,
    help="Claim archive (factcheck index): check its articles, or take unchanged PATHS from it.",
)
@click.option(
    "--against",
    "against",
    multiple=True,
    type=click.Path(),
    help="Archive (folder, file or claim archive) to check the PATHS (a draft) against; only findings "
    "involving the draft are reported.",
)
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="text", show_default=True)
@click.option(
    "-o",
    "--output",
    "outputs",
    multiple=True,
    metavar="FILE|FORMAT:FILE",
    help="Write the report to FILE, or another format with FORMAT:FILE (repeatable: one run, several reports).",
)
@click.option(
    "--lang",
    type=click.Choice(["id", "en"]),
    default=None,
    help="Language of the report's own words.  [default: the corpus's main language]",
)
@click.option(
    "--docs-url",
    default=None,
    help="Base URL of the rule docs (the repository's docs/) for SARIF helpUri.  [default: the Documentation URL]",
)
@click.option("--statistics", is_flag=True, help="Print how many findings each rule raised instead of the report.")
@click.option(
    "--published",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    default=None,
    help="With --against: the date of an undated draft (YYYY-MM-DD).  [default: today]",
)
@click.option(
    "--fail-on",
    type=click.Choice(["info", "warning", "error", "never"]),
    default=None,
    help="Exit 1 when a finding at or above this severity is reported.  [default: warning]",
)
@click.option(
    "--config",
    "config_file",
    type=click.Path(dir_okay=False),
    help="Config file (setup.cfg [factcheck] or pyproject.toml [tool.factcheck]); default: the checked folder's.",
)
@click.option(
    "--rules",
    "rule_dirs",
    multiple=True,
    type=click.Path(file_okay=False),
    help="Extra folder with rules.yml, metrics.yml or entities.yml.",
)
@click.option(
    "--enable", multiple=True, metavar="RULES", callback=_comma_list, help="Enable rules by id or name (comma list)."
)
@click.option(
    "--disable", multiple=True, metavar="RULES", callback=_comma_list, help="Disable rules by id or name (comma list)."
)
@click.option(
    "--select", multiple=True, metavar="RULES", callback=_comma_list, help="Run only these rules (comma list)."
)
@click.option("--ignore", multiple=True, metavar="RULES", callback=_comma_list, help="Same as --disable (comma list).")
@click.option(
    "--baseline",
    type=click.Path(dir_okay=False),
    default=None,
    help="Report and fail only on findings not in this baseline file.",
)
@click.option(
    "--write-baseline",
    type=click.Path(dir_okay=False),
    default=None,
    help="Write every finding of this run to a baseline file.",
)
@click.option("--graph", "graph", type=click.Path(dir_okay=False), help="Write the claim graph as GraphML.")
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=1),
    default=None,
    help="Extract in N worker processes (same report for any N).  [default: the cores available]",
)
@click.option("-q", "--quiet", is_flag=True, help="No progress bar.")
@click.option("--no-config", is_flag=True, help="Ignore every config file found above the PATHS.")
@click.option("-v", "--verbose", is_flag=True, help="Say which config file was used.")
@click.option("--allow-empty", is_flag=True, help="Exit 0 when no article is read, instead of a usage error.")
@click.option("--stdin-filename", default=None, help="Name (and so format) of the article read from '-'.")
@click.option(
    "--time-budget",
    type=click.FloatRange(min=0),
    default=None,
    help="Seconds one article may take before it is skipped (0: no limit).  [default: 120]",
)
@engine_options
def check(
    paths: tuple[str, ...],
    db: str | None,
    against: tuple[str, ...],
    fmt: str,
    outputs: tuple[str, ...],
    lang: str | None,
    docs_url: str | None,
    statistics: bool,
    published: datetime | None,
    fail_on: str | None,
    config_file: str | None,
    rule_dirs: tuple[str, ...],
    enable: tuple[str, ...],
    disable: tuple[str, ...],
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    baseline: str | None,
    write_baseline: str | None,
    graph: str | None,
    jobs: int | None,
    quiet: bool,
    no_config: bool,
    verbose: bool,
    allow_empty: bool,
    stdin_filename: str | None,
    time_budget: float | None,
    engine: str | None,
    scheduler: str | None,
) -> None:
    """Report where the articles' figures disagree.

    \b
    Examples:
      factcheck check corpus/
      factcheck check draft.md --against corpus/
      factcheck check corpus/ --format html -o report.html
      factcheck check corpus/ --format concise -o sarif:factcheck.sarif -o html:report.html
      factcheck check corpus/ --statistics --select FC101,FC201
      factcheck check corpus/ --write-baseline .factcheck-baseline.json
      factcheck check corpus/ --baseline .factcheck-baseline.json
      factcheck check --db archive.sqlite
      factcheck check draft.md --against archive.sqlite
    """
    if not paths and not db:
        raise click.UsageError("give a PATH to check, or --db ARCHIVE")
    archive_only = not paths
    if not paths:
        paths = (db,) if db else ()
        db = None  # the archive is the corpus, not a cache of it
    from .baseline import write_baseline as save_baseline
    from .catalogue import languages
    from .check import Options, run_check
    from .i18n import main_language
    from .output import check_target, encode, write_target
    from .report import render

    if published is not None and not against:
        raise click.UsageError("--published dates a draft: give the archive with --against")
    if docs_url is not None and not _absolute_uri(docs_url):
        raise click.UsageError(f"--docs-url {docs_url!r} is not an absolute URL (https://..., file:///...)")
    try:
        # Every file the run will write is checked before the run: a typo in a
        # folder name should cost seconds, not the whole analysis.
        file_outputs, main_to_file = split_outputs(outputs, fmt)
        reports = [(target_fmt, check_target(path, "-o")) for target_fmt, path in file_outputs]
        others = [t for t in (_checked(graph, "--graph"), _checked(write_baseline, "--write-baseline")) if t]
        _refuse_shared_targets([target for _, target in reports] + others)
        if no_config and config_file:
            raise click.UsageError("--config and --no-config contradict each other; give one")
        if archive_only or db:
            from .archive import Archive

            Archive(db or paths[0]).close()  # a one-line error for a missing or foreign file
        options = Options.resolve(
            list(paths),
            config_file,
            use_config=not no_config,
            against=list(against),
            rule_dirs=list(rule_dirs),
            enable=list(enable),
            disable=[*disable, *ignore],
            select=list(select),
            draft_published=published.date() if published else None,
            fail_on=fail_on,
            baseline=None if write_baseline else baseline,
            graph=graph,
            jobs=jobs,
            db=db,
            allow_empty=allow_empty or None,
            stdin_filename=stdin_filename,
            time_budget=time_budget,
            engine=engine,
            scheduler=scheduler,
            # only counts are printed: the run need not keep its findings' figures and messages
            tally=statistics and not reports and not write_baseline,
        )
        if verbose:
            _say_config(options.config_path, no_config)
        with _progress(quiet) as progress:
            options.progress = progress
            report = run_check(list(paths), options)
        if write_baseline:
            save_baseline(report, write_baseline)
    except FactcheckError as error:
        click.echo(terminal(f"factcheck: error: {error}"), err=True)
        sys.exit(2)
    to_stdout = None if main_to_file else fmt
    lang = lang or main_language(languages(report.articles))
    for target_fmt, target in reports:
        try:
            write_target(target, render(report, target_fmt, color=False, lang=lang, docs_url=docs_url))
        except FactcheckError as error:  # the disk filled up during the run: the previous file is intact
            click.echo(terminal(f"factcheck: error: {error}"), err=True)
            sys.exit(2)
    if statistics:
        from .report.statistics import render as render_statistics

        click.echo(encode(render_statistics(report, _rule_names(options.rule_dirs), lang=lang)), nl=False)
    elif to_stdout is not None:
        color = to_stdout == "text" and sys.stdout.isatty()
        click.echo(encode(render(report, to_stdout, color=color, lang=lang, docs_url=docs_url)), nl=False)
    if statistics or to_stdout != "text":  # the text report lists what it skipped itself
        for skipped in report.skipped:
            click.echo(terminal(f"factcheck: skipped {skipped.path}: {skipped.reason}"), err=True)
    if not statistics and to_stdout not in ("text", "markdown"):  # those end with the summary
        from .report.text import summary_line

        click.echo(summary_line(report, lang), err=True)
    if write_baseline:
        click.echo(terminal(f"factcheck: wrote {len(report.findings)} findings to {write_baseline}"), err=True)
        return
    if options.fail_on != "never" and any(
        severity_rank(f.severity) >= severity_rank(options.fail_on) for f in report.findings
    ):
        sys.exit(1)


def _say_config(path: str | None, no_config: bool) -> None:
    if path:
        from pathlib import Path

        from .config import describe_source

        click.echo(terminal(f"factcheck: config: {describe_source(Path(path))}"), err=True)
    else:
        click.echo(f"factcheck: config: {'none (--no-config)' if no_config else 'none found'}", err=True)


def _checked(given: str | None, flag: str) -> Target | None:
    from .output import check_target

    return check_target(given, flag) if given else None


def _refuse_shared_targets(targets: list[Target]) -> None:
    """Two outputs into one file would leave only the last; say so before the run."""
    seen: dict[Path, str] = {}
    for target in targets:
        if target.path in seen and not target.direct:
            raise OutputError(f"{target.flag} {target.given}", f"is also the file of {seen[target.path]}")
        seen[target.path] = target.flag


def _rule_names(rule_dirs: list[str]) -> dict[str, str]:
    from .lexicon import load_lexicon

    return {str(data["id"]): str(data["name"]) for data in load_lexicon(tuple(rule_dirs)).rules}


@contextmanager
def _progress(quiet: bool) -> Iterator[Callable[[int, int], None] | None]:
    """A progress bar on stderr for long runs; none when stderr is not a terminal or with --quiet."""
    if quiet or not sys.stderr.isatty():
        yield None
        return
    import time

    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    started = time.monotonic()
    bar = Progress(
        TextColumn("reading articles"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        transient=True,
        console=None,
    )
    task = None

    def update(done: int, total: int) -> None:
        nonlocal task
        if task is None:
            if time.monotonic() - started < 2.0 and done < total * 0.5:
                return  # short runs finish before a bar would help
            bar.start()
            task = bar.add_task("extract", total=total)
        bar.update(task, completed=done)

    try:
        yield update
    finally:
        if task is not None:
            bar.stop()


@click.command()
@click.option("--rules", "rule_dirs", multiple=True, type=click.Path(file_okay=False))
def rules(rule_dirs: tuple[str, ...]) -> None:
    """List every rule: id, name, kind, default severity and summary.

    \b
    Example:
      factcheck rules --rules my-rules/
    """
    from .checks import Rule
    from .lexicon import load_rules

    try:
        packs = load_rules(tuple(rule_dirs))
    except FactcheckError as error:
        click.echo(terminal(f"factcheck: error: {error}"), err=True)
        sys.exit(2)
    for data in packs:
        rule = Rule.from_dict(data)
        click.echo(f"{rule.id}  {rule.name:<28} {rule.kind:<15} {rule.severity:<8} {rule.summary}")


@click.command()
@click.argument("rule_id")
@click.option("--rules", "rule_dirs", multiple=True, type=click.Path(file_okay=False))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "markdown"]),
    default="text",
    help="markdown: the rule's page as docs/rules/<id>.md holds it.",
)
def explain(rule_id: str, rule_dirs: tuple[str, ...], fmt: str) -> None:
    """Show a rule's documentation with its bad and good examples.

    \b
    Example:
      factcheck explain FC201
      factcheck explain FC101 --format markdown
    """
    from .checks import Rule, kind_function
    from .lexicon import load_rules

    try:
        packs = load_rules(tuple(rule_dirs))
    except FactcheckError as error:  # a bad rule folder is one line, as for `check` and `rules`
        click.echo(terminal(f"factcheck: error: {error}"), err=True)
        sys.exit(2)
    for data in packs:
        rule = Rule.from_dict(data)
        if rule_id.casefold() in (rule.id.casefold(), rule.name.casefold()):  # "fc201" finds FC201
            if fmt == "markdown":
                from .ruledocs import markdown

                click.echo(markdown(rule), nl=False)
                return
            doc = (
                kind_function(rule.kind).__module__ and sys.modules[kind_function(rule.kind).__module__].__doc__
            ) or ""
            click.echo(f"{rule.id} {rule.name} ({rule.kind}, default severity {rule.severity})\n")
            click.echo(rule.summary + "\n")
            if rule.why:
                click.echo("Why it matters: " + rule.why + "\n")
            click.echo("Bad:\n" + _indent(rule.bad) + "\n")
            click.echo("Good:\n" + _indent(rule.good) + "\n")
            if rule.options:
                click.echo("Options: " + ", ".join(f"{k}={v}" for k, v in rule.options.items()) + "\n")
            click.echo("How the check works:\n" + _indent(doc.strip()))
            return
    click.echo(f"factcheck: error: unknown rule {rule_id!r}; run 'factcheck rules' to list them", err=True)
    sys.exit(2)


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--db", type=click.Path(dir_okay=False), required=True, help="The claim archive (SQLite) to update.")
@click.option("--rules", "rule_dirs", multiple=True, type=click.Path(file_okay=False), help="Extra rule folder.")
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=1),
    default=None,
    help="Extract in N worker processes.  [default: the cores available]",
)
@engine_options
def index(
    paths: tuple[str, ...],
    db: str,
    rule_dirs: tuple[str, ...],
    jobs: int | None,
    engine: str | None,
    scheduler: str | None,
) -> None:
    """Read and extract new or changed articles into a claim archive (SQLite).

    Files whose bytes and extractor version are unchanged are not read again; an
    interrupted run keeps what it committed and the next one resumes.

    \b
    Examples:
      factcheck index corpus/ --db archive.sqlite
      factcheck check --db archive.sqlite
      factcheck check draft.md --against archive.sqlite
    """
    from .archive import Archive
    from .lexicon import load_lexicon
    from .load import engine_runner
    from .read import collect_files

    try:
        runner = engine_runner(engine or "local", scheduler)
        lexicon = load_lexicon(tuple(rule_dirs))
        archive = Archive(db, create=True)
    except FactcheckError as error:
        click.echo(f"factcheck: error: {error}", err=True)
        sys.exit(2)
    files: list[tuple[Path, str, str]] = []
    for root in paths:
        found, missing = collect_files([root])
        for item in missing:
            click.echo(f"factcheck: skipped {item.path}: {item.reason}", err=True)
        files.extend((path, article_id, root) for path, article_id in found)
    try:
        result = archive.index(files, lexicon, jobs=jobs or 0, runner=runner)
        from .neighbourhood import prepare

        prepare(archive)  # what a draft's check reads the archive by, made once here rather than by the first draft
    except FactcheckError as error:  # a --scheduler that cannot be reached
        click.echo(f"factcheck: error: {error}", err=True)
        sys.exit(2)
    finally:
        archive.close()
    click.echo(
        f"{db}: {result.files} files, {result.extracted} read and extracted, {result.unchanged} unchanged, "
        f"{result.removed} removed; {result.skipped} skipped",
        err=True,
    )


def _indent(text: str) -> str:
    return "\n".join("  " + line for line in text.splitlines())
