"""--format markdown: a table for a pull-request comment."""

from __future__ import annotations

from typing import Any

from ..i18n import DEFAULT, translations
from ..models import Report
from . import omitted_note
from .safe import markdown, markdown_code
from .text import draft_entries, draft_heading, severity_word, summary_line


def render(report: Report, lang: str = DEFAULT, **_: Any) -> str:
    gettext = translations(lang).gettext
    articles = {a.id: a for a in report.articles}
    out = ["### factcheck", "", summary_line(report, lang), ""]
    if not report.findings:
        return "\n".join([*out, *_draft(report, lang)]) + "\n"
    headers = [gettext("severity"), gettext("rule"), gettext("finding"), gettext("figures")]
    out += ["| " + " | ".join(headers) + " |", "|---|---|---|---|"]
    for finding in report.findings:
        figures = []
        for evidence in finding.evidence:
            article = articles.get(evidence.article)
            where = article.file if article else evidence.path
            if article is not None and evidence.start is not None:
                where += f":{article.line_col(evidence.start)[0]}"
            figures.append(f"{markdown_code(evidence.text)} ({markdown(where)})")
        if finding.omitted:
            figures.append(markdown(omitted_note(finding, lang)))
        severity = severity_word(finding.severity, lang)
        message = markdown(finding.text(lang))
        out.append(f"| {severity} | {markdown(finding.rule)} | {message} | {'<br>'.join(figures)} |")
    return "\n".join([*out, *_draft(report, lang)]) + "\n"


def _draft(report: Report, lang: str) -> list[str]:
    """Draft mode: the draft's figures as a list under the table."""
    if report.draft is None:
        return []
    lines = ["", f"#### {draft_heading(report, lang)}", ""]
    entries = draft_entries(report, lang)
    lines += [f"- **{word}** {markdown_code(where)} {markdown(said)}" for _, word, where, said in entries]
    return lines
