"""--format concise: `path:line:col: FC101 message`, one line a finding, as ruff and ESLint print them.

Editors and CI log viewers turn `path:line:col:` into a link; the line is the finding's first
figure. The summary goes to standard error, so the output is only findings (grep, wc -l).
"""

from __future__ import annotations

from typing import Any

from ..i18n import DEFAULT
from ..models import Report
from .safe import terminal


def render(report: Report, lang: str = DEFAULT, **_: Any) -> str:
    articles = {a.id: a for a in report.articles}
    lines = []
    for finding in report.findings:
        where = finding.evidence[0].path if finding.evidence else ""
        if finding.evidence:
            evidence = finding.evidence[0]
            article = articles.get(evidence.article)
            if article is not None:
                where = article.file
                if evidence.start is not None:
                    line, column = article.line_col(evidence.start)
                    where += f":{line}:{column}"
        # one line a finding, whatever the file name or message holds (a newline would forge a second one)
        lines.append(terminal(f"{where}: {finding.rule} {' '.join(finding.text(lang).split())}"))
    return "".join(line + "\n" for line in lines)
