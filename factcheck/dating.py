"""When an article was published, from what its text shows, or the earliest it can have been.

In order: a byline or timestamp line ("Kompas.com - 06/04/2023, 11:10 WIB",
"Selasa 18 Mar 2025 - 10:14 WIB", " date 2023-07-17", "Jakarta, 30 Januari
2024 -"); else the latest event date the text gives ("Rabu (5/4/2023)",
"Senin (18/1)" with its year from the weekday, "ujar Hendra, 21 Agustus
2024"); else only a lower bound, the start of the latest period the text
reports as past. A data period's end is never taken for the publication
date: statistics are published months after their period.
"""

from __future__ import annotations

import re
from datetime import date

from .lexicon import Language, Lexicon
from .models import Article
from .periods import find_datelines, find_periods, infer_year, resolve, valid_date

YEAR_MENTION = re.compile(r"(?<![\d.,])(?:19|20)\d{2}(?![\d.,]\d)")
ISO_LINE = re.compile(
    r"(?m)^\s*(?:date|tanggal|published|diterbitkan|posted|dipublikasikan|diposting)(?:\s+(?:on|pada))?"
    r"\s*:?\s*(\d{4})-(\d{2})-(\d{2})\b",
    re.I,
)
# "15th November 2023", "November 15th, 2023": English writes a day as an ordinal
ORDINAL_DAY = r"(?:st|nd|rd|th)?"
WIRE_NAME = r"(?:\([^)\n]{1,30}\)\s*)?"  # "(Reuters)", "(ANTARA)"
HEADER_CHARS = 300  # how far past the title a page's date line may stand
NUMERIC_STAMP = re.compile(r"(?<![\d/])(\d{1,2})/(\d{1,2})/(\d{4}),?\s+\d{1,2}[:.]\d{2}\b")
TIME = r"\s*[-|,]?\s*\d{1,2}[:.]\d{2}(?:\s*(?:WIB|WITA|WIT|AM|PM|am|pm))?"


def infer_publication(article: Article, lexicon: Lexicon) -> None:
    """Set `published`, `published_after` and their evidence on an article that has no date in its metadata."""
    if article.published is not None:
        return
    language = lexicon.language(article.language)
    languages = [language, *[other for code, other in sorted(lexicon.languages.items()) if code != language.code]]
    stamp = _timestamp(article, languages)
    if stamp is not None:
        article.published, article.published_evidence = stamp
        return
    future = _future_cues(language)
    bound = _data_bound(article, language, future)
    event = _latest_event(article, language, future, bound[0] if bound else None)
    wire = _wire_dateline(article, languages, bound[0] if bound else None)
    if wire is not None and (event is None or wire[0] >= event[0]):
        event = wire
    if event is not None and (bound is None or event[0] >= bound[0]):
        article.published, article.published_evidence = event
        return
    if bound is not None:
        article.published_after = bound[0]
        article.published_evidence = f"latest date the text states as past: {bound[1]} (published no earlier)"


def _timestamp(article: Article, languages: list[Language]) -> tuple[date, str] | None:
    """A publication line: an ISO date line, a date followed by a time, or a dateline that opens the lead."""
    text = article.text
    match = ISO_LINE.search(text)
    if match and (found := valid_date(int(match.group(1)), int(match.group(2)), int(match.group(3)))):
        return found, f"byline: {match.group(0).strip()}"
    match = NUMERIC_STAMP.search(text)
    if match and (found := valid_date(int(match.group(3)), int(match.group(2)), int(match.group(1)))):
        return found, f"byline: {match.group(0).strip()}"
    for language in languages:
        months = "|".join(re.escape(m) for m in sorted(language.months, key=len, reverse=True))
        weekdays = "|".join(re.escape(w) for w in sorted(language.weekdays, key=len, reverse=True))
        full = (
            rf"(?:(?:{weekdays}),?\s+)?(?P<d>[0-3]?\d){ORDINAL_DAY}\s+(?:of\s+)?(?P<mon>{months})\.?,?\s+"
            rf"(?P<y>(?:19|20)\d\d)"
        )
        english = (
            rf"(?:(?:{weekdays}),?\s+)?(?P<mon2>{months})\.?\s+(?P<d2>[0-3]?\d){ORDINAL_DAY},?\s+(?P<y2>(?:19|20)\d\d)"
        )
        for pattern, reach in (
            (re.compile(rf"(?:{full}|{english}){TIME}", re.I), len(text)),
            # a dateline that opens the lead, the wire's name in brackets or not
            (re.compile(rf"(?m)^[^\n.]{{0,40}}?,\s*(?:{full}|{english})\s*{WIRE_NAME}[-–—]", re.I), len(text)),
            # a line that is a date and nothing else, in the page's header ("Rabu, 15 November 2023",
            # "November 15th, 2023"); further down such a line heads a table or an agenda
            (re.compile(rf"(?m)^[ \t]*(?:{full}|{english})[ \t]*$", re.I), article.body_start + HEADER_CHARS),
        ):
            match = pattern.search(text, 0, reach)
            if not match:
                continue
            groups = match.groupdict()
            day = int(groups.get("d") or groups.get("d2") or 0)
            month = language.months.get((groups.get("mon") or groups.get("mon2") or "").lower(), 0)
            year = int(groups.get("y") or groups.get("y2") or 0)
            found = valid_date(year, month, day) if month else None
            if found:
                return found, f"byline: {' '.join(match.group(0).split())}"
    return None


def _wire_dateline(article: Article, languages: list[Language], bound: date | None) -> tuple[date, str] | None:
    """ "JAKARTA, May 5 (Reuters) -", "JAKARTA, 5 Mei (ANTARA) -": a wire dateline without its year."""
    head = article.text[article.body_start : article.body_start + 2000]
    for language in languages:
        months = "|".join(re.escape(m) for m in sorted(language.months, key=len, reverse=True))
        pattern = re.compile(
            rf"(?m)^\s*[A-Z][A-Z .'-]{{2,30}},\s*"
            rf"(?:(?P<mon>{months})\.?\s+(?P<d>[0-3]?\d)|(?P<d2>[0-3]?\d)\s+(?P<mon2>{months}))"
            rf"\s*(?:\([^)]{{1,30}}\))?\s*[-–—]",
            re.I,
        )
        match = pattern.search(head)
        if not match:
            continue
        month = language.months[(match.group("mon") or match.group("mon2")).lower()]
        day = int(match.group("d") or match.group("d2"))
        year = bound.year if bound is not None else None
        if year is None:
            years = mentioned_years(article)
            year = max(years) if years else None
        if year is None:
            return None
        found = valid_date(year, month, day)
        if found is not None and bound is not None and found < bound:
            found = valid_date(year + 1, month, day)
        if found is not None:
            return (
                found,
                f"dateline: {' '.join(match.group(0).split())}, year {found.year} from the periods the article reports",
            )
    return None


def _future_cues(language: Language) -> re.Pattern[str]:
    cues = language.modality_cues
    words = cues.get("target_verbs", []) + cues.get("target", []) + cues.get("projection", [])
    words += ["akan", "mulai", "rencana", "will", "plan", "depan", "mendatang", "next"]
    return re.compile(r"\b(?:" + "|".join(re.escape(c) for c in words) + r")\b", re.IGNORECASE)


def _past_sentences(article: Article, future: re.Pattern[str]) -> list[tuple[int, str]]:
    found = []
    position = article.body_start
    for line in article.text[article.body_start :].splitlines(keepends=True):
        if line.strip() and not article.is_boilerplate(position):
            for sentence in re.finditer(r"\S.*?(?:[.!?](?=\s|$)|$)", line):
                if not future.search(sentence.group(0)):
                    found.append((position + sentence.start(), sentence.group(0)))
        position += len(line)
    return found


HAS_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")


def _data_bound(article: Article, language: Language, future: re.Pattern[str]) -> tuple[date, str] | None:
    """The start of the latest period the text reports as past: the article cannot be older."""
    best: tuple[date, str] | None = None
    for _, sentence in _past_sentences(article, future):
        if not HAS_YEAR.search(sentence):
            continue  # only a written year makes a period absolute
        for mention in find_periods(sentence, 0, language):
            if mention.kind not in ("absolute", "range") or mention.start_marker:
                continue
            try:
                period = resolve(mention, None, None)
            except ValueError:
                continue
            if period is not None and (best is None or period.start > best[0]):
                best = (period.start, " ".join(mention.text.split()))
    return best


def _latest_event(
    article: Article, language: Language, future: re.Pattern[str], bound: date | None
) -> tuple[date, str] | None:
    """The latest day the text says something happened: weekday datelines and full dates in past sentences."""
    events: list[tuple[date, str]] = []
    skipped = ("caption", "teaser", "read-also", "footer")
    usable = [
        d
        for d in find_datelines(article.text, language)
        if not any(s.reason in skipped for s in article.boilerplate_at(d.start))
    ]
    not_before = bound.year if bound is not None else None
    years = mentioned_years(article)
    for dateline in usable:
        text = " ".join(dateline.text.split())
        if dateline.year is not None:
            found = valid_date(dateline.year, dateline.month, dateline.day)
            if found and found.weekday() == dateline.weekday:
                events.append((found, f"dateline: {text}"))
            continue
        year = infer_year(dateline.day, dateline.month, dateline.weekday, years, not_before)
        if year is not None:
            shown = ", ".join(str(y) for y in sorted(set(years)))
            events.append(
                (
                    date(year, dateline.month, dateline.day),
                    f"dateline: {text}, year {year} from the weekday and the years the article mentions ({shown})",
                )
            )
    for _, sentence in _past_sentences(article, future):
        if not HAS_YEAR.search(sentence):
            continue
        for mention in find_periods(sentence, 0, language):
            if mention.kind == "absolute" and mention.granularity == "day":
                period = resolve(mention, None, None)
                if period is not None:
                    events.append((period.start, f"date in the text: {' '.join(mention.text.split())}"))
    if not events:
        return None
    return max(events, key=lambda e: (e[0], e[1]))


def mentioned_years(article: Article) -> list[int]:
    years = []
    for match in YEAR_MENTION.finditer(article.text, article.body_start):
        if not article.is_boilerplate(match.start()):
            years.append(int(match.group(0)))
    return years
