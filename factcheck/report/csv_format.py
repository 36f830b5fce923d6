"""--format csv: one row per finding and figure."""

from __future__ import annotations

import csv
import io
from typing import Any

from ..i18n import DEFAULT
from ..models import Report
from . import message_with_omitted
from .safe import csv_row

COLUMNS = [
    "finding",
    "rule",
    "kind",
    "severity",
    "message",
    "article",
    "path",
    "line",
    "column",
    "start",
    "end",
    "text",
    "value",
    "unit",
    "entity",
    "metric",
    "period",
    "modality",
    "sentence",
]


def render(report: Report, lang: str = DEFAULT, **_: Any) -> str:
    articles = {a.id: a for a in report.articles}
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    for number, finding in enumerate(report.findings, 1):
        for evidence in finding.evidence:
            line = column = None
            article = articles.get(evidence.article)
            if article is not None and evidence.start is not None:
                line, column = article.line_col(evidence.start)
            writer.writerow(
                csv_row(
                    {
                        "finding": number,
                        "rule": finding.rule,
                        "kind": finding.kind,
                        "severity": finding.severity,
                        "message": message_with_omitted(finding, lang),
                        "line": line,
                        "column": column,
                        **evidence.to_json(),
                    }
                )
            )
    return buffer.getvalue()
