"""--format github: workflow commands that GitHub Actions shows as annotations."""

from __future__ import annotations

from typing import Any

from ..i18n import DEFAULT
from ..models import Report
from . import message_with_omitted

COMMAND = {"error": "error", "warning": "warning", "info": "notice"}


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render(report: Report, lang: str = DEFAULT, **_: Any) -> str:
    articles = {a.id: a for a in report.articles}
    lines = []
    for finding in report.findings:
        # One annotation in every file the finding involves, at its first figure there: a pull request
        # that touches only the second article still shows the conflict.
        annotated: set[str] = set()
        for evidence in finding.evidence:
            article = articles.get(evidence.article)
            file = article.file if article else evidence.path
            if file in annotated:
                continue
            annotated.add(file)
            properties = [f"file={_escape_property(file)}"]
            if article is not None and evidence.start is not None:
                line, column = article.line_col(evidence.start)
                properties += [f"line={line}", f"col={column}"]
            properties.append(f"title={_escape_property(finding.rule)}")
            said = _escape_data(message_with_omitted(finding, lang))
            lines.append(f"::{COMMAND[finding.severity]} {','.join(properties)}::{said}")
    return "".join(line + "\n" for line in lines)
