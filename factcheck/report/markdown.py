"""--format markdown: a table for a pull-request comment."""

from __future__ import annotations

from typing import Any

from ..models import Report
from .safe import markdown, markdown_code
from .text import summary_line


def render(report: Report, **_: Any) -> str:
    articles = {a.id: a for a in report.articles}
    out = ["### factcheck", "", summary_line(report), ""]
    if not report.findings:
        return "\n".join(out) + "\n"
    out += ["| severity | rule | finding | figures |", "|---|---|---|---|"]
    for finding in report.findings:
        figures = []
        for evidence in finding.evidence:
            article = articles.get(evidence.article)
            where = article.file if article else evidence.path
            if article is not None and evidence.start is not None:
                where += f":{article.line_col(evidence.start)[0]}"
            figures.append(f"{markdown_code(evidence.text)} ({markdown(where)})")
        message = markdown(finding.message)
        out.append(f"| {finding.severity} | {markdown(finding.rule)} | {message} | {'<br>'.join(figures)} |")
    return "\n".join(out) + "\n"
