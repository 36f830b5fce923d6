"""--format text: findings grouped by entity and metric, each figure quoted with its sentence."""

from __future__ import annotations

import io
from itertools import groupby
from typing import Any

from rich.console import Console
from rich.text import Text

from ..models import Article, Evidence, Finding, Report
from .safe import terminal

STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}


def summary_line(report: Report) -> str:
    counts = report.counts()
    total = len(report.findings)
    line = (
        f"{total} finding{'s' if total != 1 else ''} ({counts['error']} errors, {counts['warning']} warnings, "
        f"{counts['info']} info) in {len(report.articles)} articles, {len(report.claims)} claims; "
        f"{len(report.skipped)} skipped"
    )
    if report.baseline_fixed:
        line += f"; {report.baseline_fixed} baseline findings no longer found"
    return line


def _quote(evidence: Evidence, color: bool, width: int = 220) -> Text:
    sentence = evidence.sentence
    figure = " ".join(evidence.text.split())
    at = sentence.find(figure)
    if at < 0:
        return Text(f'"{terminal(sentence[:width])}"', style="dim")
    start = max(0, at - width // 2)
    end = min(len(sentence), at + len(figure) + width // 2)
    text = Text('"' + ("…" if start else ""), style="dim")
    text.append(terminal(sentence[start:at]), style="dim")
    # Off a terminal there is no reverse video, so the figure is bracketed instead.
    text.append(terminal(figure) if color else f"»{terminal(figure)}«", style="bold reverse")
    text.append(terminal(sentence[at + len(figure) : end]) + ("…" if end < len(sentence) else "") + '"', style="dim")
    return text


def _evidence_line(evidence: Evidence, articles: dict[str, Article]) -> Text:
    where = evidence.path
    article = articles.get(evidence.article)
    if article is not None and evidence.start is not None:
        line, column = article.line_col(evidence.start)
        where = f"{article.file}:{line}:{column}"
    published = article.published_text if article is not None else (evidence.published or "unknown")
    details = [f"published {published}"]
    if evidence.period:
        details.append(f"period {evidence.period}")
    if evidence.modality and evidence.modality != "actual":
        details.append(evidence.modality)
    text = Text("    ")
    text.append(terminal(where), style="bold")
    text.append("  " + terminal(", ".join(details)), style="dim")
    return text


def render(report: Report, color: bool = False, width: int = 120, **_: Any) -> str:
    buffer = io.StringIO()
    console = Console(
        file=buffer,
        force_terminal=color,
        no_color=not color,
        width=width,
        color_system="standard" if color else None,
        highlight=False,
        soft_wrap=not color,  # piped text keeps one line per item, for grep and diffs
    )
    line_of = {a.id: a for a in report.articles}
    for group, findings in groupby(report.findings, key=lambda f: f.group):
        console.print(Text(terminal(group) if group else "(no group)", style="bold underline"))
        for finding in findings:
            _print_finding(console, finding, line_of)
        console.print()
    for skipped in report.skipped:
        console.print(Text(terminal(f"skipped {skipped.path}: {skipped.reason}"), style="yellow"))
    console.print(Text(summary_line(report), style="bold"))
    return buffer.getvalue()


def _print_finding(console: Console, finding: Finding, line_of: dict[str, Article]) -> None:
    head = Text("  ")
    head.append(f"{finding.severity:<7}", style=STYLE.get(finding.severity, ""))
    head.append(f" {finding.rule} ", style="bold")
    head.append(terminal(finding.message))
    console.print(head)
    for evidence in finding.evidence:
        console.print(_evidence_line(evidence, line_of))
        quote = Text("      ")
        quote.append_text(_quote(evidence, console.is_terminal))
        console.print(quote)
