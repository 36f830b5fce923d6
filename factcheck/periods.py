"""Dates and periods in news text.

"Hingga Februari 2023", "kuartal I-2025", "tahun lalu", "saat ini", "Kamis (19/10)":
patterns are built from the language data (month names, cue words) so that a
new language needs only a YAML file.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache

from .lexicon import Language
from .models import Period

YEAR = r"(?P<y>(?:19|20)\d{2})"
ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


@dataclass
class PeriodMatch:
    start: int
    end: int
    text: str
    kind: str  # absolute, relative, current
    period: Period | None
    current_cue: str = ""
    edge: str = ""


@dataclass
class Patterns:
    absolute: list[tuple[str, re.Pattern[str]]]
    relative: re.Pattern[str]
    current: re.Pattern[str]
    month_only: re.Pattern[str]
    month_day: re.Pattern[str]
    dateline_full: re.Pattern[str]
    dateline_numeric: re.Pattern[str]


@lru_cache(maxsize=8)
def _patterns(language: Language) -> Patterns:
    months = _alternation(list(language.months))
    weekdays = _alternation(list(language.weekdays))
    cues = language.period_cues
    edges = _alternation(list(cues.get("edge", {})))
    quarters = _alternation(cues.get("quarter_words", []))
    halves = _alternation(cues.get("half_words", []))
    as_of = _alternation(cues.get("as_of", []))
    edge = rf"(?:(?P<edge>{edges})\s+)?" if edges else ""
    flags = re.IGNORECASE
    absolute = [
        ("day", re.compile(rf"\b(?P<d>[0-3]?\d)\s+(?P<mon>{months})\.?\s+{YEAR}\b", flags)),
        ("day", re.compile(rf"\b(?P<mon>{months})\.?\s+(?P<d>[0-3]?\d),\s+{YEAR}\b", flags)),
        (
            "quarter",
            re.compile(rf"\b(?:{quarters})\s*(?P<q>iv|i{{1,3}}|[1-4])\b\s*[-/]?\s*(?:tahun\s+|of\s+)?{YEAR}\b", flags),
        ),
        ("half", re.compile(rf"\b(?:{halves})\s*(?P<h>ii|i|[12])\b\s*[-/]?\s*(?:tahun\s+|of\s+)?{YEAR}\b", flags)),
        ("month", re.compile(rf"\b{edge}(?:bulan\s+)?(?P<mon>{months})\.?\s*\(?\s*{YEAR}\s*\)?(?![\d.,]\d)", flags)),
        ("year", re.compile(rf"(?:\b(?:{as_of})\s+){edge}(?:tahun\s+)?{YEAR}\b(?![.,]\d)", flags)),
        (
            "year",
            re.compile(rf"\b(?P<edge>{edges})\s+(?:tahun\s+)?{YEAR}\b(?![.,]\d)", flags)
            if edges
            else re.compile(r"(?!x)x"),
        ),
        ("year", re.compile(rf"\(\s*{YEAR}\s*\)", flags)),
        (
            "year",
            re.compile(rf"\b(?:the\s+)?(?P<edge>{edges})\s+of\s+{YEAR}\b", flags) if edges else re.compile(r"(?!x)x"),
        ),
    ]
    relative = re.compile(rf"\b(?P<rel>{_alternation(list(cues.get('relative', {})))})\b", flags)
    current = re.compile(rf"(?<!\w)(?P<cur>{_alternation(cues.get('current', []))})(?!\w)", flags)
    month_only = re.compile(
        rf"\b(?:{as_of}|bulan)\s+(?P<mon>{months})\b(?!\s*\(?\s*(?:19|20)\d\d)(?:\s+(?P<rel>lalu|ini|kemarin|last|this))?",
        flags,
    )
    # "May 6", "6 Mei": a day without its year (the year comes from the publication date)
    capitalized = "|".join(re.escape(m.capitalize()) for m in sorted(language.months, key=len, reverse=True))
    month_day = re.compile(
        rf"\b(?:(?P<mon>{capitalized})\.?\s+(?P<d>[0-3]?\d)|(?P<d2>[0-3]?\d)\s+(?P<mon2>{capitalized}))\b"
        r"(?!,?\s*(?:19|20)\d\d)(?![\d.,]\d)"
    )
    dateline_full = re.compile(rf"\b(?P<wd>{weekdays})\s*,\s*(?P<d>[0-3]?\d)\s+(?P<mon>{months})\s+{YEAR}\b", flags)
    dateline_numeric = re.compile(
        rf"\b(?P<wd>{weekdays})\s*\(\s*(?P<d>[0-3]?\d)\s*/\s*(?P<m>[01]?\d)(?:\s*/\s*(?P<y>(?:19|20)?\d{{2}}))?\s*\)",
        flags,
    )
    return Patterns(absolute, relative, current, month_only, month_day, dateline_full, dateline_numeric)


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def make_period(kind: str, text: str, year: int, month: int = 0, day: int = 0, part: int = 0, edge: str = "") -> Period:
    if kind == "day":
        d = date(year, month, day)
        return Period(d, d, "day", text, d.isoformat())
    if kind == "month":
        return Period(date(year, month, 1), _month_end(year, month), "month", text, f"{year}-{month:02d}")
    if kind == "quarter":
        first = 3 * (part - 1) + 1
        return Period(date(year, first, 1), _month_end(year, first + 2), "quarter", text, f"{year}-Q{part}")
    if kind == "half":
        first = 6 * (part - 1) + 1
        return Period(date(year, first, 1), _month_end(year, first + 5), "half", text, f"{year}-H{part}")
    suffix = {"end": "-end", "start": "-start", "middle": "-mid"}.get(edge, "")
    return Period(date(year, 1, 1), date(year, 12, 31), "year", text, f"{year}{suffix}")


def find_periods(text: str, offset: int, language: Language, published: date | None) -> list[PeriodMatch]:
    """Every period expression in `text` (offsets shifted by `offset`), longest first on overlap."""
    patterns = _patterns(language)
    edges = language.period_cues.get("edge", {})
    found: list[PeriodMatch] = []
    period: Period | None
    for kind, pattern in patterns.absolute:
        for m in pattern.finditer(text):
            groups = m.groupdict()
            try:
                year = int(groups["y"])
                month = language.months[groups["mon"].lower()] if groups.get("mon") else 0
                day = int(groups["d"]) if groups.get("d") else 0
                part = 0
                if groups.get("q"):
                    q = groups["q"].lower()
                    part = ROMAN.get(q) or int(q)
                if groups.get("h"):
                    h = groups["h"].lower()
                    part = ROMAN.get(h) or int(h)
                edge = edges.get((groups.get("edge") or "").lower(), "")
                period = make_period(kind, m.group(0).strip(), year, month, day, part, edge)
            except (ValueError, KeyError):
                continue
            found.append(PeriodMatch(offset + m.start(), offset + m.end(), m.group(0), "absolute", period, edge=edge))
    for m in patterns.relative.finditer(text):
        shift = language.period_cues["relative"][m.group("rel").lower()]
        period = None
        if published is not None:
            if "years" in shift:
                period = make_period("year", m.group(0), published.year + int(shift["years"]))
            else:
                month_index = published.year * 12 + published.month - 1 + int(shift.get("months", 0))
                period = make_period("month", m.group(0), month_index // 12, month_index % 12 + 1)
        found.append(PeriodMatch(offset + m.start(), offset + m.end(), m.group(0), "relative", period))
    for m in patterns.month_only.finditer(text):
        month = language.months[m.group("mon").lower()]
        period = None  # resolved only when the publication date is known
        if published is not None:
            year = published.year
            rel = (m.group("rel") or "").lower()
            if month > published.month or (rel in ("lalu", "kemarin", "last") and month >= published.month):
                year -= 1
            period = make_period("month", m.group(0), year, month)
        found.append(PeriodMatch(offset + m.start(), offset + m.end(), m.group(0), "relative", period))
    for m in patterns.month_day.finditer(text):
        month = language.months[(m.group("mon") or m.group("mon2")).lower()]
        day_number = int(m.group("d") or m.group("d2"))
        period = None
        if published is not None:
            year = published.year - (1 if month > published.month + 1 else 0)
            if valid_date(year, month, day_number):
                period = make_period("day", m.group(0), year, month, day_number)
        found.append(PeriodMatch(offset + m.start(), offset + m.end(), m.group(0), "relative", period))
    for m in patterns.current.finditer(text):
        period = None  # resolved only when the publication date is known
        if published is not None:
            period = Period(published, published, "current", m.group(0), published.isoformat())
        found.append(
            PeriodMatch(offset + m.start(), offset + m.end(), m.group(0), "current", period, current_cue=m.group(0))
        )
    cumulative = tuple(str(c).lower() for c in language.period_cues.get("cumulative", []))
    kept = _drop_overlaps(found)
    for match in kept:
        before = text[max(0, match.start - offset - 16) : match.start - offset].lower().split()
        if match.period is not None and before and (before[-1] in cumulative or " ".join(before[-2:]) in cumulative):
            match.period = replace(match.period, cumulative=True)
    return kept


def _drop_overlaps(matches: list[PeriodMatch]) -> list[PeriodMatch]:
    """Keep the longest of overlapping matches ("akhir Februari 2024" over "Februari 2024")."""
    kept: list[PeriodMatch] = []
    for match in sorted(matches, key=lambda m: (-(m.end - m.start), m.start)):
        if all(match.end <= k.start or match.start >= k.end for k in kept):
            kept.append(match)
    return sorted(kept, key=lambda m: m.start)


@dataclass
class Dateline:
    start: int
    end: int
    text: str
    weekday: int
    day: int
    month: int
    year: int | None


def find_datelines(text: str, language: Language) -> list[Dateline]:
    """Weekday-dated expressions: "Kamis, 21 Maret 2024", "Rabu (5/4/2023)", "Selasa (19/3)"."""
    patterns = _patterns(language)
    found = []
    for m in [*patterns.dateline_full.finditer(text), *patterns.dateline_numeric.finditer(text)]:
        groups = m.groupdict()
        year = groups.get("y")
        full_year = None
        if year:
            full_year = int(year) if len(year) == 4 else 2000 + int(year)
        month = language.months[groups["mon"].lower()] if groups.get("mon") else int(groups["m"])
        weekday = language.weekdays[m.group("wd").lower()]
        found.append(Dateline(m.start(), m.end(), m.group(0), weekday, int(m.group("d")), month, full_year))
    return sorted(found, key=lambda d: d.start)


def valid_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def infer_year(day: int, month: int, weekday: int, mentioned_years: list[int]) -> int | None:
    """The year in which day/month falls on weekday, chosen near the years an article mentions.

    Articles mention future target years ("pada 2026") more often than years
    after their own date, so the latest fitting year not after the latest
    mentioned year wins; failing that, the earliest fitting year after it.
    """
    if not mentioned_years:
        return None
    fitting = [y for y in range(2000, 2100) if (d := valid_date(y, month, day)) and d.weekday() == weekday]
    latest = max(mentioned_years)
    # Targets reach a few years ahead of the article, so look back up to five years.
    earlier = [y for y in fitting if latest - 5 <= y <= latest]
    if earlier:
        return max(earlier)
    later = [y for y in fitting if latest < y <= latest + 1]
    return later[0] if later else None
