"""Command line: `factcheck claims`, `factcheck check`, `factcheck rules`, `factcheck explain`."""

from __future__ import annotations

import csv
import io
import json
import sys
from typing import Any

import click

from . import __version__
from .commands import engine_options
from .errors import FactcheckError
from .models import Claim, Skipped
from .output import Target, check_target, encode, write_target
from .report.safe import csv_row, terminal

JOBS_HELP = "Extract in N worker processes (same output for any N).  [default: the cores available]"


def _fail(error: FactcheckError) -> None:
    click.echo(terminal(f"factcheck: error: {error}"), err=True)
    sys.exit(2)


def _write(text: str, output: Target | None) -> None:
    """To the checked target (atomically), or to stdout as UTF-8 that cannot fail to encode."""
    if output is not None:
        write_target(output, text)
    else:
        click.echo(encode(text), nl=False)


def _report_skipped(skipped: list[Skipped]) -> None:
    for item in skipped:
        click.echo(terminal(f"factcheck: skipped {item.path}: {item.reason}"), err=True)


class _Main(click.Group):
    """The command group, marking a process that ends with its command.

    Run on the process's own arguments (the console script, `python -m factcheck`; a test's runner
    passes its own), the process exits after the command: a bulk load may be kept out of the cyclic
    collector for good (gcpause.py `one_shot`).
    """

    def main(self, args: Any = None, *more: Any, **options: Any) -> Any:
        if args is None:
            from .gcpause import one_shot

            one_shot()
        return super().main(args, *more, **options)


@click.group(cls=_Main, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="factcheck")
def main() -> None:
    """Find where news articles disagree about their own figures.

    \b
    Example:
      factcheck check corpus/
      factcheck claims corpus/ --format table
    """
    from .spacy_cli import defer

    defer()  # spaCy's command-line package costs a tenth of a draft's check, and no command uses it


CLAIM_COLUMNS = [
    "article",
    "start",
    "end",
    "text",
    "value",
    "unit",
    "qualifier",
    "entity",
    "scope",
    "metric",
    "period",
    "period_start",
    "period_end",
    "period_granularity",
    "period_text",
    "modality",
    "direction",
    "current_cue",
    "metric_evidence",
    "period_evidence",
    "scope_evidence",
    "published",
    "sentence",
]


def render_claims(found: list[Claim], fmt: str, color: bool) -> str:
    if fmt == "jsonl":
        return "".join(json.dumps(c.to_json(), ensure_ascii=False) + "\n" for c in found)
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=CLAIM_COLUMNS, extrasaction="ignore", lineterminator="\n")
        writer.writeheader()
        for claim in found:
            writer.writerow(csv_row(claim.to_row()))
        return buffer.getvalue()
    from rich.console import Console
    from rich.table import Table

    table = Table(show_lines=False, header_style="bold")
    for column in ("article", "figure", "value", "unit", "entity (scope)", "metric", "period", "modality", "from"):
        table.add_column(column, overflow="fold")
    for claim in found:
        row = claim.to_row()
        period = str(row["period"] or "")
        if claim.current_cue:
            period += f" [{claim.current_cue}]"
        modality = (
            claim.modality + (f" {claim.direction}" if claim.direction else "") + (" base" if claim.baseline else "")
        )
        table.add_row(
            claim.article_id,
            claim.text + (" (judul)" if claim.in_title else ""),
            f"{row['value']:,}",
            claim.unit,
            claim.entity + (f" ({claim.scope})" if claim.scope else ""),
            claim.metric,
            period,
            modality,
            f"m: {row['metric_evidence']}; p: {row['period_evidence']}; s: {row['scope_evidence']}",
        )
    buffer = io.StringIO()
    console = Console(file=buffer, force_terminal=color, width=160, color_system="standard" if color else None)
    console.print(table)
    return buffer.getvalue()


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--format", "fmt", type=click.Choice(["jsonl", "table", "csv"]), default="jsonl", show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write to FILE instead of standard output.")
@click.option(
    "--rules", "rule_dirs", multiple=True, type=click.Path(file_okay=False), help="Extra rule/lexicon folder."
)
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None, help=JOBS_HELP)
@click.option("--allow-empty", is_flag=True, help="Exit 0 when no article is read, instead of a usage error.")
@click.option("--stdin-filename", default=None, help="Name (and so format) of the article read from '-'.")
@click.option("--time-budget", type=click.FloatRange(min=0), default=None, help="Seconds per article (0: no limit).")
@engine_options
def claims(
    paths: tuple[str, ...],
    fmt: str,
    output: str | None,
    rule_dirs: tuple[str, ...],
    allow_empty: bool,
    stdin_filename: str | None,
    time_budget: float | None,
    jobs: int | None,
    engine: str | None,
    scheduler: str | None,
) -> None:
    """List every figure the articles state, one claim per line.

    \b
    Example:
      factcheck claims ../shared/seeds --format table
    """
    from .api import claims as extract_claims

    try:
        target = check_target(output, "-o") if output else None  # before the run, not after it
        found, skipped = extract_claims(
            list(paths),
            rule_dirs,
            jobs=jobs or 0,
            allow_empty=allow_empty,
            stdin_filename=stdin_filename,
            time_budget=time_budget,
            engine=engine or "local",
            scheduler=scheduler,
        )
        color = output is None and sys.stdout.isatty()
        _write(render_claims(found, fmt, color), target)
    except FactcheckError as error:
        _fail(error)
        return
    _report_skipped(skipped)
    click.echo(f"{len(found)} claims; {len(skipped)} skipped", err=True)


def _register_check_commands() -> None:
    from .commands import register

    register(main)


_register_check_commands()
