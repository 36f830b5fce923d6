"""`check`, `rules` and `explain`, registered on the main command group."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import click

from .errors import FactcheckError
from .models import severity_rank


def register(group: click.Group) -> None:
    group.add_command(check)
    group.add_command(rules)
    group.add_command(explain)


FORMATS = ["text", "json", "html", "sarif", "github", "markdown", "csv"]


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option(
    "--against",
    "against",
    multiple=True,
    type=click.Path(),
    help="Archive to check the PATHS (a draft) against; only findings involving the draft are reported.",
)
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="text", show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write the report to FILE.")
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
@click.option("--enable", multiple=True, help="Enable a rule by id or name.")
@click.option("--disable", multiple=True, help="Disable a rule by id or name.")
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
@click.option("-q", "--quiet", is_flag=True, help="No progress bar.")
@click.option("--allow-empty", is_flag=True, help="Exit 0 when no article is read, instead of a usage error.")
@click.option("--stdin-filename", default=None, help="Name (and so format) of the article read from '-'.")
@click.option(
    "--time-budget",
    type=click.FloatRange(min=0),
    default=None,
    help="Seconds one article may take before it is skipped (0: no limit).  [default: 120]",
)
def check(
    paths: tuple[str, ...],
    against: tuple[str, ...],
    fmt: str,
    output: str | None,
    fail_on: str | None,
    config_file: str | None,
    rule_dirs: tuple[str, ...],
    enable: tuple[str, ...],
    disable: tuple[str, ...],
    baseline: str | None,
    write_baseline: str | None,
    graph: str | None,
    quiet: bool,
    allow_empty: bool,
    stdin_filename: str | None,
    time_budget: float | None,
) -> None:
    """Report where the articles' figures disagree.

    \b
    Examples:
      factcheck check corpus/
      factcheck check draft.md --against corpus/
      factcheck check corpus/ --format html -o report.html
      factcheck check corpus/ --write-baseline .factcheck-baseline.json
      factcheck check corpus/ --baseline .factcheck-baseline.json
    """
    from .baseline import write_baseline as save_baseline
    from .check import Options, run_check
    from .report import render

    try:
        options = Options.resolve(
            list(paths),
            config_file,
            against=list(against),
            rule_dirs=list(rule_dirs),
            enable=list(enable),
            disable=list(disable),
            fail_on=fail_on,
            baseline=None if write_baseline else baseline,
            graph=graph,
            allow_empty=allow_empty or None,
            stdin_filename=stdin_filename,
            time_budget=time_budget,
        )
        with _progress(quiet) as progress:
            options.progress = progress
            report = run_check(list(paths), options)
        if write_baseline:
            save_baseline(report, write_baseline)
    except FactcheckError as error:
        click.echo(f"factcheck: error: {error}", err=True)
        sys.exit(2)
    color = output is None and fmt == "text" and sys.stdout.isatty()
    text = render(report, fmt, color=color)
    if output:
        with open(output, "w", encoding="utf-8") as handle:
            handle.write(text)
    else:
        click.echo(text, nl=False)
    if fmt != "text" or output:
        for skipped in report.skipped:
            click.echo(f"factcheck: skipped {skipped.path}: {skipped.reason}", err=True)
    if output or fmt not in ("text", "markdown"):
        from .report.text import summary_line

        click.echo(summary_line(report), err=True)
    if write_baseline:
        click.echo(f"factcheck: wrote {len(report.findings)} findings to {write_baseline}", err=True)
        return
    if options.fail_on != "never" and any(
        severity_rank(f.severity) >= severity_rank(options.fail_on) for f in report.findings
    ):
        sys.exit(1)


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
    from .lexicon import load_lexicon

    try:
        lexicon = load_lexicon(tuple(rule_dirs))
    except FactcheckError as error:
        click.echo(f"factcheck: error: {error}", err=True)
        sys.exit(2)
    for data in lexicon.rules:
        rule = Rule.from_dict(data)
        click.echo(f"{rule.id}  {rule.name:<28} {rule.kind:<15} {rule.severity:<8} {rule.summary}")


@click.command()
@click.argument("rule_id")
@click.option("--rules", "rule_dirs", multiple=True, type=click.Path(file_okay=False))
def explain(rule_id: str, rule_dirs: tuple[str, ...]) -> None:
    """Show a rule's documentation with its bad and good examples.

    \b
    Example:
      factcheck explain FC201
    """
    from .checks import Rule, kind_function
    from .lexicon import load_lexicon

    lexicon = load_lexicon(tuple(rule_dirs))
    for data in lexicon.rules:
        rule = Rule.from_dict(data)
        if rule_id in (rule.id, rule.name):
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


def _indent(text: str) -> str:
    return "\n".join("  " + line for line in text.splitlines())
