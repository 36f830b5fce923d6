"""weekday: a weekday that does not match its date ("Jumat (25/5/2025)" fell on a Sunday).

A date without a year ("Selasa (19/3)") takes the publication year; a dateline
the publication date was inferred from is not checked against itself.
"""

from __future__ import annotations

from datetime import date

from ..messages import message
from ..models import Evidence, Finding
from ..periods import find_datelines, valid_date
from . import Context, Rule

SKIPPED_REGIONS = {"teaser", "read-also", "footer", "ticker", "preamble-teaser", "comment-form", "lorem-ipsum"}


def run(context: Context, rule: Rule) -> list[Finding]:
    findings = []
    for article_id in sorted(context.articles):
        if not context.reports(article_id):
            continue
        article = context.articles[article_id]
        language = context.lexicon.language(article.language)
        names: dict[int, str] = {}
        for name, number in language.weekdays.items():
            names.setdefault(number, name)  # the first spelling listed is the usual one
        for dateline in find_datelines(article.text, language):
            if any(s.reason in SKIPPED_REGIONS for s in article.boilerplate_at(dateline.start)):
                continue
            year = dateline.year
            if year is None:
                if article.published is None or dateline.text.split("(")[0].strip() in article.published_evidence:
                    continue
                year = article.published.year
                # "Selasa (2/1)" in a December article may be next January, "Jumat (29/12)" in a
                # January one last December: flag only a weekday that fits none of the three years.
                nearby = [valid_date(y, dateline.month, dateline.day) for y in (year - 1, year, year + 1)]
                if any(d is not None and d.weekday() == dateline.weekday for d in nearby):
                    continue
            day = valid_date(year, dateline.month, dateline.day)
            if day is None or day.weekday() == dateline.weekday:
                continue
            said = message(
                "weekday.mismatch",
                dateline=" ".join(dateline.text.split()),
                date=day.isoformat(),
                actual=names.get(day.weekday(), str(day.weekday())).capitalize(),  # the article's own weekday names
                stated=names.get(dateline.weekday, "").capitalize(),
            )
            evidence = Evidence(
                article=article.id,
                path=article.path,
                start=dateline.start,
                end=dateline.end,
                text=article.text[dateline.start : dateline.end],
                sentence="",
            )
            if context.figures:  # a tally's figure is its place and text alone: 55k datelines at 100k articles
                evidence.sentence = _line(article.text, dateline.start)
                evidence.published = article.published.isoformat() if isinstance(article.published, date) else None
            findings.append(context.quoting(rule, said, [evidence], group="dates"))
    return findings


def _line(text: str, position: int) -> str:
    start = text.rfind("\n", 0, position) + 1
    end = text.find("\n", position)
    return " ".join(text[start : end if end >= 0 else len(text)].split())
