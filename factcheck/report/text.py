"""--format text: findings grouped by entity and metric, each figure quoted with its sentence."""

from __future__ import annotations

from itertools import groupby
from typing import Any

from ..catalogue import by_id
from ..i18n import DEFAULT, translations
from ..models import Article, Evidence, Finding, Report
from . import omitted_note
from .safe import terminal
from .styled import Printer, Styled

STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}
# what a figure is, beside its period; the catalog's ids (a literal per word, so the catalog can list them)
MODALITIES = {"target": "target", "projection": "projection", "change": "change", "share": "share", "gap": "gap"}


def severity_word(severity: str, lang: str = DEFAULT) -> str:
    """A severity in the report's language; the machine formats keep the English ids."""
    words = {"error": "error", "warning": "warning", "info": "info"}
    return translations(lang).gettext(words[severity]) if severity in words else severity


def summary_line(report: Report, lang: str = DEFAULT) -> str:
    catalog = translations(lang)
    _, n_ = catalog.gettext, catalog.ngettext
    counts = report.counts()
    total = len(report.findings)
    line = _("{findings} ({errors}, {warnings}, {info}) in {articles}, {claims}; {skipped}").format(
        findings=n_("{n} finding", "{n} findings", total).format(n=total),
        errors=n_("{n} error", "{n} errors", counts["error"]).format(n=counts["error"]),
        warnings=n_("{n} warning", "{n} warnings", counts["warning"]).format(n=counts["warning"]),
        info=n_("{n} info", "{n} info", counts["info"]).format(n=counts["info"]),
        articles=n_("{n} article", "{n} articles", len(report.articles)).format(n=len(report.articles)),
        claims=n_("{n} claim", "{n} claims", report.claim_total).format(n=report.claim_total),
        skipped=n_("{n} skipped", "{n} skipped", len(report.skipped)).format(n=len(report.skipped)),
    )
    if report.baseline_fixed:
        fixed = report.baseline_fixed
        line += "; " + n_(
            "{n} baseline finding no longer found", "{n} baseline findings no longer found", fixed
        ).format(n=fixed)
    return line


def _quote(sentence: str, figures: list[str], color: bool, width: int = 220) -> Styled:
    """The sentence once, every figure of the finding it holds marked (cut to `width` around them)."""
    marks: list[tuple[int, int]] = []
    for figure in figures:
        at = sentence.find(figure)
        while at >= 0 and any(start <= at < end for start, end in marks):
            at = sentence.find(figure, at + 1)
        if at >= 0:
            marks.append((at, at + len(figure)))
    if not marks:
        return Styled(f'"{terminal(sentence[:width])}"', style="dim")
    marks.sort()
    start = max(0, marks[0][0] - width // 2)
    end = min(len(sentence), marks[-1][1] + width // 2)
    text = Styled('"' + ("…" if start else ""), style="dim")
    cursor = start
    for mark_start, mark_end in marks:
        if mark_start < cursor:
            continue  # overlapping figures: the first mark stands
        text.append(terminal(sentence[cursor:mark_start]), style="dim")
        figure = terminal(sentence[mark_start:mark_end])
        # Off a terminal there is no reverse video, so the figure is bracketed instead.
        text.append(figure if color else f"»{figure}«", style="bold reverse")
        cursor = mark_end
    text.append(terminal(sentence[cursor:end]) + ("…" if end < len(sentence) else "") + '"', style="dim")
    return text


def _evidence_line(evidence: Evidence, articles: dict[str, Article], lang: str) -> Styled:
    _ = translations(lang).gettext
    where = evidence.path
    article = articles.get(evidence.article)
    if article is not None and evidence.start is not None:
        line, column = article.line_col(evidence.start)
        where = f"{article.file}:{line}:{column}"
    published = article.published_text if article is not None else (evidence.published or _("unknown"))
    if published == "unknown":
        published = _("unknown")
    details = [_("published {date}").format(date=published)]
    period = _period_words(evidence)
    if period:
        details.append(_("period {period}").format(period=period))
    if evidence.modality and evidence.modality != "actual":
        details.append(_(MODALITIES[evidence.modality]) if evidence.modality in MODALITIES else evidence.modality)
    text = Styled("    ")
    text.append(terminal(where), style="bold")
    text.append("  " + terminal(", ".join(details)), style="dim")
    return text


def _period_words(evidence: Evidence) -> str:
    """The period as the article wrote it ("Desember 2023"), its label only when nothing was written."""
    detail = evidence.period_detail or {}
    written = " ".join(str(detail.get("text") or "").split())
    return written or (evidence.period or "")


def render(report: Report, color: bool = False, width: int = 120, lang: str = DEFAULT, **_: Any) -> str:
    return _render(report, Printer(color, width), lang)


def _render(report: Report, console: Printer, lang: str) -> str:
    gettext = translations(lang).gettext
    line_of = by_id(report.articles)
    for group, findings in groupby(report.findings, key=lambda f: f.group):
        console.print(Styled(terminal(group) if group else gettext("(no group)"), style="bold underline"))
        for finding in findings:
            _print_finding(console, finding, line_of, lang)
        console.print()
    if report.draft is not None:
        _print_draft(console, report, lang)
    for skipped in report.skipped:
        message = gettext("skipped {path}: {reason}").format(path=skipped.path, reason=skipped.reason)
        console.print(Styled(terminal(message), style="yellow"))
    console.print(Styled(summary_line(report, lang), style="bold"))
    return console.getvalue()


def _print_finding(console: Printer, finding: Finding, line_of: dict[str, Article], lang: str) -> None:
    head = Styled("  ")
    pad = max(len(severity_word(s, lang)) for s in STYLE)  # severities line up in either language
    head.append(f"{severity_word(finding.severity, lang):<{pad}}", style=STYLE.get(finding.severity, ""))
    head.append(f" {finding.rule} ", style="bold")
    head.append(terminal(finding.text(lang)))
    console.print(head)
    # Figures that share a sentence are listed together under one quote of it: an editor reads
    # each sentence once per finding, with every figure it holds marked.
    by_sentence: dict[tuple[str, str], list[Evidence]] = {}
    for evidence in finding.evidence:
        by_sentence.setdefault((evidence.article, evidence.sentence), []).append(evidence)
    for (_, sentence), group in by_sentence.items():
        for evidence in group:
            console.print(_evidence_line(evidence, line_of, lang))
        quote = Styled("      ")
        quote.append_text(_quote(sentence, [" ".join(e.text.split()) for e in group], console.is_terminal))
        console.print(quote)
    note = omitted_note(finding, lang)
    if note:
        console.print(Styled(f"    … {note}", style="dim"))


def draft_heading(report: Report, lang: str = DEFAULT) -> str:
    """ "Draft figures: 1 confirmed, 1 contradicted" in the report's language."""
    catalog = translations(lang)
    draft = report.draft or []
    confirmed = sum(1 for d in draft if d.status == "confirmed")
    contradicted = sum(1 for d in draft if d.status == "contradicted")
    return catalog.gettext("Draft figures: {confirmed}, {contradicted}").format(
        confirmed=catalog.ngettext("{n} confirmed", "{n} confirmed", confirmed).format(n=confirmed),
        contradicted=catalog.ngettext("{n} contradicted", "{n} contradicted", contradicted).format(n=contradicted),
    )


def draft_entries(report: Report, lang: str = DEFAULT) -> list[tuple[str, str, str, str]]:
    """The draft's figures, contradicted first: (status, status word, path:line:col, what the archive says)."""
    catalog = translations(lang)
    articles = by_id(report.articles)
    draft = report.draft or []
    entries = []
    for figure in [d for d in draft if d.status == "contradicted"] + [d for d in draft if d.status == "confirmed"]:
        evidence = figure.evidence
        where = f"{evidence.path}:{evidence.line}:{evidence.column}" if evidence.line else evidence.path
        period = _period_words(evidence)
        what = " ".join(evidence.text.split()) + (f" ({period})" if period else "")
        if figure.status == "contradicted":
            said = ", ".join(figure.rules)
        else:
            sources = []
            for other in figure.archive:
                article = articles.get(other.article)
                name = article.outlet or article.id if article else other.article
                sources.append(f"{' '.join(other.text.split())} ({name})")
            said = catalog.gettext("the archive says {figures}").format(figures=", ".join(sources))
        entries.append((figure.status, catalog.gettext(figure.status), where, f"{what}: {said}"))
    return entries


def _print_draft(console: Printer, report: Report, lang: str) -> None:
    """Draft mode: the draft's figures the archive contradicts, then those it confirms."""
    console.print(Styled(draft_heading(report, lang), style="bold underline"))
    entries = draft_entries(report, lang)
    pad = max((len(word) for _, word, _, _ in entries), default=0)
    for status, word, where, said in entries:
        line = Styled("  ")
        line.append(f"{word:<{pad}}", style=STYLE["error"] if status == "contradicted" else "green")
        line.append(terminal(f"  {where}  {said}"))
        console.print(line)
    console.print()
