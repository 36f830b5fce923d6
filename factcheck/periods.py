"""Dates and periods in news text: what a period expression says, and what interval it names.

Finding and resolving are apart. `find_periods` reads every expression
("Hingga Februari 2023", "kuartal I-2025", "Januari-Juni 2025", "Agustus tahun
lalu", "periode yang sama tahun sebelumnya", "(BPS, 2024)", "saat ini") into a
`PeriodMention` that says what it names relative to what; `resolve` turns a
mention into a `Period` given the reference a reader would use: the period
already in context for anaphoric words ("tahun sebelumnya", "periode yang
sama"), the publication date for deictic ones ("tahun lalu", "saat ini").
Patterns are built from the language data, so a new language needs only YAML.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from functools import lru_cache
from typing import Any

from .anchors import Anchors
from .lexicon import Language
from .models import Period

YEAR = r"(?<![\d.,])(?:19|20)\d{2}(?![\d]|[.,]\d)"


def _alternation(words: list[str] | set[str]) -> str:
    """A pattern for any of `words`, for case-insensitive patterns: a trie of their lowercase letters.

    It matches what the alternation of the words longest first matches, in the same order of preference
    (the words that match at one place are prefixes of one another, and the trie tries the longer first),
    but Python's engine tests each letter once instead of each word in turn: the period patterns scan
    every article, and with a trie they take about a third less time.
    """
    trie: dict[str, Any] = {}
    for word in {w.lower() for w in words}:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}  # a word ends here
    return _trie_pattern(trie) or r"(?!x)x"


def _trie_pattern(node: dict[str, Any]) -> str:
    branches = [re.escape(char) + _trie_pattern(child) for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"
    return f"(?:{body})?" if "" in node else body  # greedy: the longer word first, then the word that ends here


@dataclass
class PeriodMention:
    """A period expression as written, with what it says (not yet which interval it is)."""

    start: int
    end: int
    text: str
    kind: str  # absolute, month (no year), day (no year), deictic, anaphoric, same-period, current, range
    granularity: str  # day, week, month, quarter, half, year, range, current
    year: int | None = None
    month: int = 0
    day: int = 0
    part: int = 0  # the quarter, half or week number
    edge: str = ""  # end, start, middle ("akhir 2024")
    years: int = 0  # offset of a relative expression
    months: int = 0
    weeks: int = 0
    until: PeriodMention | None = None  # the end of a range
    cumulative: bool = False  # "hingga Februari 2024": from the start of the year up to then
    start_marker: bool = False  # "sejak 2013", "mulai Mei 2023": when something began, not a figure's period
    ends_stretch: bool = False  # "from January to the 16th week": the end of a stretch, not a date compared with
    role: str = ""  # label ("2021: ..."), citation ("(BPS, 2024)"), source ("SSGI 2022"), base ("yoy"), compared
    current_cue: str = ""
    period: Period | None = None  # set by whoever resolves the mention in its context

    @property
    def explicit(self) -> bool:
        """Whether the expression names its year itself (no reference needed)."""
        if self.kind == "range":
            return self.until is not None and self.until.explicit
        return self.kind == "absolute"


@dataclass
class Patterns:
    absolute: list[tuple[str, re.Pattern[str]]]
    ranges: list[re.Pattern[str]]
    dated_separators: frozenset[str]  # make a month range only with a year written ("Maret ke Juni 2024")
    month_relative: re.Pattern[str]
    relative: re.Pattern[str]
    same_period: re.Pattern[str]
    base_cues: re.Pattern[str]
    current: re.Pattern[str]
    month_only: re.Pattern[str]
    month_day: re.Pattern[str]
    week: re.Pattern[str]
    week_of_year: re.Pattern[str]
    quarter_only: re.Pattern[str]
    half_only: re.Pattern[str]
    opening_months: re.Pattern[str] | None  # "the first nine months of 2024", "lima bulan pertama tahun ini"
    shorthand_parts: re.Pattern[str]  # "3Q24", "1H24": analysts' quarters and halves
    citation: re.Pattern[str]
    source: re.Pattern[str]
    label: re.Pattern[str]
    bare_year: re.Pattern[str]
    code: re.Pattern[str]
    dateline_full: re.Pattern[str]
    dateline_numeric: re.Pattern[str]
    dateline_month_first: re.Pattern[str]
    relative_table: dict[str, dict[str, Any]] = field(default_factory=dict)
    week_ordinal: re.Pattern[str] | None = None  # "the 16th week of 2024", "the 36th epidemiological week"
    # "enam bulan sebelumnya", "two years earlier": a relative date counted, with the shift of one unit
    counted_relative: list[tuple[re.Pattern[str], dict[str, Any]]] = field(default_factory=list)
    # pattern -> words one of which every match contains (casefolded): a text with none of them is not
    # scanned (most articles name no quarter, half, week or weekday, and each scan reads the whole text)
    needs: dict[re.Pattern[str], tuple[str, ...]] = field(default_factory=dict)
    # the patterns that begin with one of a few words, found for all of them in one scan of the text
    anchors: Anchors | None = None
    # id(pattern) -> (the pattern, its needed words, whether anchored): see `scan`
    plans: dict[int, tuple[re.Pattern[str], tuple[str, ...] | None, bool]] = field(default_factory=dict)

    def scan(self, pattern: re.Pattern[str], text: str, folded: str, seen: dict[int, bool]) -> Any:
        """`pattern.finditer(text)`, or no match at all when `folded` (the text casefolded) lacks its words.

        `seen` (one per text) holds which sets of needed words the text has, by the set's id.
        """
        # what `needs` and `anchors` say of this pattern, by its id: hashing a compiled pattern hashes its
        # compiled code, microseconds for a long alternation, three times per pattern and text
        plan = self.plans.get(id(pattern))
        if plan is None or plan[0] is not pattern:
            anchored = self.anchors is not None and pattern in self.anchors
            words = self.needs.get(pattern)
            if words is not None:  # equal sets of words ("lalu" gates six patterns) are one tuple, tested once per text
                words = next((w for w in self.needs.values() if w == words), words)
            plan = self.plans[id(pattern)] = (pattern, words, anchored)
        _, words, anchored = plan
        if words is not None:
            key = id(words)  # the tuple lives in `needs`
            if key not in seen:
                seen[key] = any(map(folded.__contains__, words))  # the substring tests in C, no generator
            if not seen[key]:
                return iter(())
        if anchored and self.anchors is not None:
            return self.anchors.finditer(pattern, text)  # the same matches, tried only where a first word is
        return pattern.finditer(text)


def _needed(words: Any) -> tuple[str, ...]:
    """The casefolded words a gate tests for, without those that hold another of them.

    A word that holds another of the set ("maret" holds "mar", "bulan lalu" holds "lalu") is in a text only
    where that one is too, so the gate (is any of the words a substring of the text) says the same without
    it, in fewer substring searches of every text.
    """
    folded = sorted({str(w).casefold() for w in words})
    return tuple(w for w in folded if not any(v != w and v in w for v in folded))


@lru_cache(maxsize=16)
def _patterns(language: Language) -> Patterns:
    cues = language.period_cues
    months = _alternation(list(language.months))
    capitalized = "|".join(re.escape(m.capitalize()) for m in sorted(language.months, key=len, reverse=True))
    weekdays = _alternation(list(language.weekdays))
    edges = _alternation(list(cues.get("edge", {})))
    quarters = _alternation(cues.get("quarter_words", []))
    halves = _alternation(cues.get("half_words", []))
    as_of = _alternation(cues.get("as_of", []))
    year_words = _alternation(cues.get("year_words", []))
    month_words = _alternation(cues.get("month_words", []))
    ordinals = _alternation(list(cues.get("ordinal_numbers", {})))
    separators = _alternation(cues.get("range_separators", []))
    relative: dict[str, dict[str, Any]] = {str(k).lower(): v for k, v in cues.get("relative", {}).items()}
    year_relatives = _alternation([k for k, v in relative.items() if "years" in v])
    flags = re.IGNORECASE
    edge = rf"(?:(?P<edge>{edges})(?:\s+|-(?=\w)))?"  # "end 2024", "end-September", "mid-2024"
    year_word = rf"(?:(?:{year_words})\s+)?"
    month_word = rf"(?:(?:{month_words})\s+)?"
    year = rf"(?P<y>{YEAR})"
    edge_year = re.compile(rf"\b(?:the\s+)?(?P<edge>{edges})\s+(?:of\s+)?{year_word}{year}", flags)
    bracket_year = re.compile(rf"\(\s*{year}\s*\)", flags)
    absolute = [
        ("day", re.compile(rf"\b(?P<d>[0-3]?\d)\s+(?P<mon>{months})\.?\s+{year}", flags)),
        ("day", re.compile(rf"\b(?P<mon>{months})\.?\s+(?P<d>[0-3]?\d),\s+{year}", flags)),
        (
            "quarter",
            re.compile(
                rf"\b{edge}(?:{quarters})\s*(?P<q>iv|i{{1,3}}|[1-4]|{ordinals})\b\s*[-/]?\s*{year_word}{year}", flags
            ),
        ),
        (
            "quarter",
            re.compile(
                rf"\b(?:the\s+)?(?P<q>first|second|third|fourth)(?:\s+|-)(?:{quarters})\s+(?:of\s+)?{year}", flags
            ),
        ),
        ("half", re.compile(rf"\b(?:{halves})\s*(?P<h>ii|i|[12]|{ordinals})\b\s*[-/]?\s*{year_word}{year}", flags)),
        ("half", re.compile(rf"\b(?:the\s+)?(?P<h>{ordinals})(?:\s+|-)(?:{halves})\s+(?:of\s+)?{year}", flags)),
        ("month", re.compile(rf"\b{edge}{month_word}(?P<mon>{months})\.?\s*\(?\s*{year}\s*\)?", flags)),
        ("year", re.compile(rf"(?:\b(?:{as_of})\s+){edge}{year_word}{year}", flags)),
        ("year", edge_year),
        ("year", re.compile(rf"\b(?:{year_words})\s+{year}", flags)),
        ("year", bracket_year),
    ]
    paired = cues.get("paired_separators", {})
    # "between January and June 2024": the opener is part of the match, so that its separator counts only after it
    opener = rf"(?:(?P<open>{_alternation(list(paired))})\s+)?" if paired else ""
    paired_separators = _alternation([w for words in paired.values() for w in words])
    separator = rf"(?:{separators}|(?(open){paired_separators}|(?!x)x))" if paired else rf"(?:{separators})"
    month_range = re.compile(
        rf"\b{opener}(?P<mon>{months})\.?(?:\s+(?P<y>{YEAR}))?\s*(?P<sep>{separator})\s*(?P<mon2>{months})\.?(?:\s+(?P<y2>{YEAR}))?\b",
        flags,
    )
    year_range = re.compile(
        rf"{opener}(?P<y>{YEAR})\s*(?:{separator})\s*{year_word}(?P<y2>{YEAR})", flags
    )  # "2021 ke (tahun) 2022", "between 2020 and 2023"
    month_relative = re.compile(rf"\b{edge}{month_word}(?P<mon>{months})\s+(?P<rel>{year_relatives})\b", flags)
    relative_words = _alternation(list(relative))
    relative_pattern = re.compile(rf"\b{edge}(?P<rel>{relative_words})\b", flags)
    same = _alternation(cues.get("same_period", []))
    same_period = re.compile(
        rf"\b(?P<same>{same})(?:\s+(?:(?P<rel>{year_relatives})|(?:(?:of|in|pada|di)\s+)?{year_word}(?P<y>{YEAR})))?",
        flags,  # "the same period in 2023", "periode yang sama pada 2023"
    )
    base_cues = re.compile(
        rf"(?<!\w)(?P<yoy>{_alternation(cues.get('year_over_year', []))})(?!\w)"
        rf"|(?<!\w)(?P<mom>{_alternation(cues.get('month_over_month', []))})(?!\w)",
        flags,
    )
    current = re.compile(rf"(?<!\w)(?P<cur>{_alternation(cues.get('current', []))})(?!\w)", flags)
    month_only = re.compile(
        rf"(?:\b(?i:(?P<pre>{as_of}|{month_words})\s+(?:(?P<edge>{edges})\s+)?(?P<mon>{months}))\b"
        rf"|(?<![\w-])(?:(?i:(?P<edge2>{edges}))-)?(?P<cap>{capitalized})\b)"
        rf"(?!\s*\.?\s*\(?\s*(?:19|20)\d\d)(?!\s*[-/]?\s*\d)(?:\s+(?i:(?P<rel>ini|lalu|kemarin|last|this))\b)?"
    )
    month_day = re.compile(
        rf"\b(?:(?P<mon>{capitalized})\.?\s+(?P<d>[0-3]?\d)|(?P<d2>[0-3]?\d)\s+(?P<mon2>{capitalized}))\b"
        r"(?!,?\s*(?:19|20)\d\d)(?![\d.,]\d)"
    )
    week_words = _alternation(cues.get("week_words", []))
    # "the third quarter", and as English writes it before a noun, "third-quarter revenue"
    quarter_only = re.compile(
        rf"\b(?:(?:{quarters})\s+(?P<q>iv|i{{1,3}}|[1-4]|{ordinals})|(?:the\s+)?(?P<q2>{ordinals})(?:\s+|-)(?:{quarters}))\b"
        rf"(?:\s+of\s+the\s+(?:{year_words}))?(?!\s*[-/]?\s*(?:(?:{year_words})\s+|of\s+)?(?:19|20)\d\d)"
        rf"(?:\s+(?:of\s+)?(?P<rel>{year_relatives})\b)?",
        flags,
    )
    # "semester I", "the first half (of the year)": a half named without its year takes the year in context
    half_only = re.compile(
        rf"\b(?:(?:{halves})\s+(?P<h>ii|i|[12]|{ordinals})|(?:the\s+)?(?P<h2>{ordinals})(?:\s+|-)(?:{halves}))\b"
        rf"(?:\s+of\s+the\s+(?:{year_words}))?(?!\s*[-/]?\s*(?:(?:{year_words})\s+|of\s+)?(?:19|20)\d\d)"
        rf"(?:\s+(?:of\s+)?(?P<rel>{year_relatives})\b)?",
        flags,
    )
    opening_templates = cues.get("opening_months", [])
    opening_months = None
    if opening_templates:
        counts = _alternation([w for w, v in language.number_words.items() if 2 <= v <= 11])
        heads = "|".join(
            re.escape(t).replace(re.escape("{n}"), rf"(?P<n>{counts}|[2-9]|1[01])").replace(r"\ ", r"\s+")
            for t in sorted(opening_templates, key=len, reverse=True)
        )
        opening_months = re.compile(
            rf"\b(?:the\s+)?(?:{heads})\b(?:\s+(?:of\s+)?(?:(?:{year_words})\s+)?(?:(?P<y>{YEAR})|(?P<rel>{year_relatives})\b"
            rf"|the\s+(?:{year_words})\b))?",
            flags,
        )
    suffixes = _alternation(cues.get("ordinal_suffixes", []))
    week_ordinal = (
        re.compile(
            rf"\b(?:the\s+)?(?P<n>[1-5]?\d)(?:{suffixes})\s+(?:epidemiological\s+)?(?:{week_words})\b"
            rf"(?:\s+of(?:\s+the)?(?:\s+(?:{year_words}))?(?:\s+(?P<y>{YEAR}))?)?",
            flags,
        )
        if cues.get("ordinal_suffixes")
        else None
    )
    counted_relative = []
    counted_words: dict[re.Pattern[str], str] = {}  # the word every match of each ends with
    counts = _alternation([w for w, v in language.number_words.items() if 2 <= v <= 12])
    for template, shift in sorted(cues.get("counted_relative", {}).items(), key=lambda item: -len(item[0])):
        written = re.escape(str(template)).replace(re.escape("{n}"), rf"(?P<n>{counts}|[2-9]|1[0-2])")
        spaced = written.replace(r"\ ", r"\s+")
        pattern = re.compile(rf"\b{spaced}\b", flags)
        counted_relative.append((pattern, dict(shift)))
        counted_words[pattern] = str(template).split()[-1]
    # "laba 3Q24", "1H24": a quarter or half with its year in two digits, as analysts and company reports write
    shorthand_parts = re.compile(r"(?<![\w.,])(?P<n>[1-4])(?P<kind>[QH])(?P<y>\d{2})(?![\w.,]\w)")
    week = re.compile(
        rf"\b(?:{week_words})\s+(?:ke-?\s*(?P<n>[1-5])|(?P<w>{ordinals}))\b(?:\s+(?:bulan\s+)?(?P<mon>{months})\b(?:\s+(?P<y>{YEAR}))?)?",
        flags,
    )
    # "pekan ke-20 tahun 2024", "minggu epidemiologi ke-20", "week 20 of 2024": a week of the year (ISO weeks),
    # as health and price reports count; a week of a month ("minggu ketiga Mei") is the pattern above
    week_of_year = re.compile(
        rf"\b(?:epidemiological\s+)?(?:{week_words})(?:\s+epidemiologi)?\s+(?:ke-?\s*)?(?P<n>[1-5]?\d)\b"
        rf"(?!\s*(?:bulan\s+)?(?:{months})\b)(?!\s*[.,]\d)(?:\s*(?:of|tahun)?\s*(?P<y>{YEAR}))?",
        flags,
    )
    citation = re.compile(rf"\(\s*(?:[A-Z][\w.&/-]*:?\s+)*[A-Z][\w.&/-]*\s*,\s*(?P<y>{YEAR})\s*\)")
    source = re.compile(rf"\(?\b(?P<src>[A-Z]{{2,10}})\)?\s+(?:(?P<mon>{capitalized})\s+)?(?P<y>{YEAR})")
    label = re.compile(rf"(?:^|(?<=[.!?]\s))[ \t\-•*]*(?:(?P<tgt>[A-Z]\w+)\s+)?(?P<y>{YEAR})\s*:", re.MULTILINE)
    # a sentence's last word may be its year ("selama Operasi Ketupat 2024."), but "2024.500" is a number
    bare_year = re.compile(rf"(?:^|(?<=[\s(,]))(?P<y>{YEAR})(?=[\s),;:]|\.(?!\d)|$)")
    prefixes = _alternation(list(language.non_figure_prefixes))
    code = re.compile(rf"\b(?:{prefixes})\.?\s*[\w/.-]*\d[\w/.-]*\s+(?:{year_words})\s+{YEAR}", flags)
    dateline_full = re.compile(
        rf"\b(?P<wd>{weekdays})\s*,?\s*\(?\s*(?P<d>[0-3]?\d)\s+(?P<mon>{months})\s+(?P<y>{YEAR})", flags
    )
    dateline_numeric = re.compile(
        rf"\b(?P<wd>{weekdays})\s*,?\s*\(?\s*(?P<d>[0-3]?\d)\s*/\s*(?P<m>[01]?\d)(?:\s*/\s*(?P<y>\d{{2,4}}))?\s*\)?(?!\s*/)",
        flags,
    )
    # "Tuesday, February 3, 2025", "on Thursday (Jan. 9)": English puts the month first
    dateline_month_first = re.compile(
        rf"\b(?P<wd>{weekdays})\s*,?\s*\(?\s*(?P<mon>{months})\.?\s+(?P<d>[0-3]?\d)\b(?:\s*,\s*(?P<y>{YEAR}))?\s*\)?",
        flags,
    )

    needed = _needed
    month_names, weekday_names = needed(language.months), needed(language.weekdays)
    quarter_names = needed(cues.get("quarter_words", []))
    week_names = needed(cues.get("week_words", []))
    half_names = needed(cues.get("half_words", []))
    # the words each pattern's every match holds; by kind for the absolute ones (a quarter names a quarter word)
    by_kind = {"day": month_names, "month": month_names, "quarter": quarter_names, "half": half_names}
    needs = {pattern: by_kind[kind] for kind, pattern in absolute if kind in by_kind}
    needs.update(
        {
            month_range: month_names,
            # "Maret tahun lalu": the relative words are rarer than the months, and every match holds both
            month_relative: needed(k for k, v in relative.items() if "years" in v),
            edge_year: needed(cues.get("edge", {})),
            bracket_year: ("(",),
            citation: ("(",),
            label: (":",),
            relative_pattern: needed(relative),
            same_period: needed(cues.get("same_period", [])),
            base_cues: needed([*cues.get("year_over_year", []), *cues.get("month_over_month", [])]),
            current: needed(cues.get("current", [])),
            month_only: month_names,
            month_day: month_names,
            week: week_names,
            week_of_year: week_names,
            quarter_only: quarter_names,
            half_only: half_names,
            shorthand_parts: ("1q", "2q", "3q", "4q", "1h", "2h"),
            **({opening_months: needed(t.split()[-1] for t in opening_templates)} if opening_months else {}),
            **{pattern: needed([word]) for pattern, word in counted_words.items()},
            **({week_ordinal: week_names} if week_ordinal is not None else {}),
            code: needed(language.non_figure_prefixes),
            dateline_full: weekday_names,
            dateline_numeric: weekday_names,
            dateline_month_first: weekday_names,
        }
    )
    patterns = Patterns(
        absolute=absolute,
        ranges=[month_range, year_range],
        dated_separators=frozenset(w.lower() for w in cues.get("dated_range_separators", [])),
        month_relative=month_relative,
        relative=relative_pattern,
        same_period=same_period,
        base_cues=base_cues,
        current=current,
        month_only=month_only,
        month_day=month_day,
        week=week,
        week_of_year=week_of_year,
        quarter_only=quarter_only,
        half_only=half_only,
        opening_months=opening_months,
        shorthand_parts=shorthand_parts,
        counted_relative=counted_relative,
        week_ordinal=week_ordinal,
        citation=citation,
        source=source,
        label=label,
        bare_year=bare_year,
        code=code,
        dateline_full=dateline_full,
        dateline_numeric=dateline_numeric,
        dateline_month_first=dateline_month_first,
        relative_table=relative,
        needs=needs,
    )
    scanned = [pattern for _, pattern in absolute] + [month_range, year_range, *needs, source, label, bare_year]
    patterns.anchors = Anchors(scanned)
    return patterns


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _quarter_or_half(first: Period, last: Period, text: str) -> Period | None:
    """ "April-Juni 2024" is the second quarter, "January-June" the first half: the same figure as "kuartal II".

    One from January is the year so far whatever joins its months; another only when written with a dash, as
    "dari April hingga Juni" may be a move from one month to the other.
    """
    if first.granularity != "month" or last.granularity != "month" or first.start.year != last.start.year:
        return None
    if first.start.month != 1 and not re.search(r"\w\s*[-–—]\s*\w", text):
        return None
    start, end, year = first.start.month, last.start.month, first.start.year
    if end - start == 2 and start % 3 == 1:
        return make_period("quarter", text, year, part=(start + 2) // 3)
    if end - start == 5 and start in (1, 7):
        return make_period("half", text, year, part=1 if start == 1 else 2)
    return None


def make_period(kind: str, text: str, year: int, month: int = 0, day: int = 0, part: int = 0, edge: str = "") -> Period:
    if kind == "day":
        d = date(year, month, day)
        return Period(d, d, "day", text, d.isoformat())
    if kind == "week":
        first = min(7 * (part - 1) + 1, calendar.monthrange(year, month)[1])
        last = min(7 * part, calendar.monthrange(year, month)[1])
        return Period(date(year, month, first), date(year, month, last), "week", text, f"{year}-{month:02d}-W{part}")
    if kind == "isoweek":
        week = min(part, date(year, 12, 28).isocalendar()[1])  # a year has 52 or 53 ISO weeks
        first_day = date.fromisocalendar(year, week, 1)
        return Period(first_day, first_day + timedelta(days=6), "isoweek", text, f"{year}-W{week:02d}")
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


def _part(text: str, language: Language) -> int:
    word = text.lower()
    numbers = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "first": 1, "second": 2, "third": 3, "fourth": 4}
    numbers.update({str(k).lower(): int(v) for k, v in language.period_cues.get("ordinal_numbers", {}).items()})
    return numbers.get(word) or int(word)


def find_periods(text: str, offset: int, language: Language) -> list[PeriodMention]:
    """Every period expression in `text` (offsets shifted by `offset`), longest first on overlap."""
    p = _patterns(language)
    folded = text.casefold()
    seen: dict[int, bool] = {}  # which sets of needed words the text has

    def scan(pattern: re.Pattern[str]) -> Any:
        return p.scan(pattern, text, folded, seen)

    cues = language.period_cues
    edges = cues.get("edge", {})
    found: list[PeriodMention] = []
    masked = [(m.start(), m.end()) for m in scan(p.code)]  # "Nomor 8 Tahun 2025" is a law, not a period

    def add(m: re.Match[str], mention: PeriodMention) -> None:
        if any(a <= m.start() < b for a, b in masked):
            return
        mention.start, mention.end, mention.text = offset + m.start(), offset + m.end(), m.group(0)
        found.append(mention)

    def edge_of(m: re.Match[str]) -> str:
        groups = m.groupdict()
        return str(edges.get((groups.get("edge") or groups.get("edge2") or "").lower(), ""))

    for kind, pattern in p.absolute:
        for m in scan(pattern):
            g = m.groupdict()
            try:
                month = language.months[g["mon"].lower()] if g.get("mon") else 0
                part = _part(g.get("q") or g.get("h") or "0", language) if (g.get("q") or g.get("h")) else 0
                mention = PeriodMention(0, 0, "", "absolute", kind, int(g["y"]), month, int(g.get("d") or 0), part)
                mention.edge = edge_of(m)
                resolve(mention, None, None)  # raises on an impossible date
            except (ValueError, KeyError):
                continue
            add(m, mention)
    for m in scan(p.ranges[0]):
        g = m.groupdict()
        first_month, last_month = language.months[g["mon"].lower()], language.months[g["mon2"].lower()]
        written = g["y2"] or g["y"]
        if written is None:
            # "Januari-Juni", "January-June": the year is the context's, as for a month named alone
            if first_month < last_month and g["sep"].lower() not in p.dated_separators:
                last = PeriodMention(0, 0, "", "month", "month", None, last_month)
                add(m, PeriodMention(0, 0, "", "range", "range", None, first_month, until=last))
            continue
        end_year = int(written)
        first = PeriodMention(0, 0, "", "absolute", "month", int(g["y"] or end_year), first_month)
        last = PeriodMention(0, 0, "", "absolute", "month", end_year, last_month)
        if (first.year, first.month) < (last.year or 0, last.month):
            add(m, PeriodMention(0, 0, "", "range", "range", first.year, first.month, until=last))
    for m in scan(p.ranges[1]):
        first_year, last_year = int(m.group("y")), int(m.group("y2"))
        if first_year < last_year <= first_year + 30:
            last = PeriodMention(0, 0, "", "absolute", "year", last_year)
            add(m, PeriodMention(0, 0, "", "range", "range", first_year, until=last))
    for m in scan(p.month_relative):
        shift = p.relative_table[m.group("rel").lower()]
        mention = PeriodMention(0, 0, "", _anchor_kind(shift), "month", None, language.months[m.group("mon").lower()])
        mention.years, mention.edge = int(shift.get("years", 0)), edge_of(m)
        add(m, mention)
    for m in scan(p.same_period):
        mention = PeriodMention(0, 0, "", "same-period", "same")
        if m.group("rel"):
            shift = p.relative_table[m.group("rel").lower()]
            mention.years = int(shift.get("years", 0))
        elif m.group("y"):
            mention.year = int(m.group("y"))
        add(m, mention)
    for m in scan(p.relative):
        shift = p.relative_table[m.group("rel").lower()]
        mention = _shifted(shift)
        mention.edge = edge_of(m) or str(edges.get(str(shift.get("edge", "")), shift.get("edge", "")))
        add(m, mention)
    for m in scan(p.base_cues):
        mention = PeriodMention(0, 0, "", "same-period", "same", role="base")
        if m.group("yoy"):
            mention.years = -1
        else:
            mention.months = -1
        add(m, mention)
    for m in scan(p.week):
        number = int(m.group("n")) if m.group("n") else _part(m.group("w"), language)
        if not 1 <= number <= 5:
            continue
        month = language.months[m.group("mon").lower()] if m.group("mon") else 0
        if not month:
            continue
        year = int(m.group("y")) if m.group("y") else None
        add(m, PeriodMention(0, 0, "", "absolute" if year else "month", "week", year, month, part=number))
    for m in scan(p.week_of_year):
        number = int(m.group("n"))
        if not 1 <= number <= 53 or (number <= 5 and not m.group("y") and "ke" not in m.group(0).lower()):
            continue  # "minggu 3" alone is too loose to be a week of the year
        year = int(m.group("y")) if m.group("y") else None
        add(m, PeriodMention(0, 0, "", "absolute" if year else "month", "isoweek", year, 0, part=number))
    if p.week_ordinal is not None:
        for m in scan(p.week_ordinal):
            number = int(m.group("n"))
            if 1 <= number <= 53:
                year = int(m.group("y")) if m.group("y") else None
                add(m, PeriodMention(0, 0, "", "absolute" if year else "month", "isoweek", year, 0, part=number))
    for m in scan(p.quarter_only):
        try:
            part = _part(m.group("q") or m.group("q2"), language)
        except ValueError:
            continue
        if 1 <= part <= 4:
            add(m, _part_of_year(m, "quarter", part, 3 * part - 2, p.relative_table))  # "triwulan tiga"
    for m in scan(p.half_only):
        try:
            part = _part(m.group("h") or m.group("h2"), language)
        except ValueError:
            continue
        if part in (1, 2):
            add(m, _part_of_year(m, "half", part, 6 * part - 5, p.relative_table))
    if p.opening_months is not None:
        for m in scan(p.opening_months):
            written = m.group("n").lower()
            months = int(written) if written.isdigit() else int(language.number_words[written])
            if m.group("y"):
                last = PeriodMention(0, 0, "", "absolute", "month", int(m.group("y")), months)
                add(m, PeriodMention(0, 0, "", "range", "range", int(m.group("y")), 1, until=last))
                continue
            last = PeriodMention(0, 0, "", "month", "month", None, months)
            if m.group("rel"):
                shift = p.relative_table[m.group("rel").lower()]
                last = PeriodMention(0, 0, "", _anchor_kind(shift), "month", None, months)
                last.years = int(shift.get("years", 0))
            add(m, PeriodMention(0, 0, "", "range", "range", None, 1, until=last))
    for pattern, shift in p.counted_relative:
        for m in scan(pattern):
            written = m.group("n").lower()
            add(m, _shifted(shift, int(written) if written.isdigit() else int(language.number_words[written])))
    for m in scan(p.shorthand_parts):
        part, half = int(m.group("n")), m.group("kind") == "H"
        if half and part > 2:
            continue
        granularity = "half" if half else "quarter"
        add(m, PeriodMention(0, 0, "", "absolute", granularity, 2000 + int(m.group("y")), part=part))
    for m in scan(p.citation):
        add(m, PeriodMention(0, 0, "", "absolute", "year", int(m.group("y")), role="citation"))
    for m in scan(p.source):
        if m.group("src").lower() in language.months:
            continue
        month = language.months[m.group("mon").lower()] if m.group("mon") else 0
        kind = "month" if month else "year"
        mention = PeriodMention(0, 0, "", "absolute", kind, int(m.group("y")), month, role="source")
        add(m, mention)
        if found and found[-1] is mention:
            # "SKI 2023", "TPT Agustus 2023": the acronym names the survey or the metric, only the date is the period
            begin = m.start("mon") if m.group("mon") else m.start("y")
            mention.start, mention.text = offset + begin, text[begin : m.end()]
    for m in scan(p.label):
        target = (m.group("tgt") or "").lower()
        if target and target not in language.modality_cues.get("target", []):
            continue
        add(m, PeriodMention(0, 0, "", "absolute", "year", int(m.group("y")), role="target" if target else "label"))
    for m in scan(p.month_only):
        month_name = (m.group("mon") or m.group("cap") or "").lower()
        if month_name not in language.months:
            continue
        mention = PeriodMention(0, 0, "", "month", "month", None, language.months[month_name], edge=edge_of(m))
        rel = (m.group("rel") or "").lower()
        if rel in ("lalu", "kemarin", "last"):
            mention.kind, mention.role = "deictic", "last"  # "Maret lalu": the last March before now
        elif rel in ("ini", "this"):
            mention.kind = "deictic"
        add(m, mention)
    for m in scan(p.month_day):
        month = language.months[(m.group("mon") or m.group("mon2")).lower()]
        add(m, PeriodMention(0, 0, "", "month", "day", None, month, int(m.group("d") or m.group("d2"))))
    for m in scan(p.current):
        add(m, PeriodMention(0, 0, "", "current", "current", current_cue=m.group(0)))
    for m in scan(p.bare_year):
        add(m, PeriodMention(0, 0, "", "absolute", "year", int(m.group("y")), role="bare"))
    kept = _drop_overlaps(found)
    cumulative = tuple(str(c).lower() for c in cues.get("cumulative", []))
    starts = tuple(str(c).lower() for c in cues.get("start", []))
    openers = {str(c).lower() for c in cues.get("range_openers", [])}
    for mention in kept:
        before = text[max(0, mention.start - offset - 20) : mention.start - offset].lower().split()
        own_first = mention.text.lower().split()[:1]
        if mention.kind == "month" and own_first and own_first[0] in starts:
            before = [*before, own_first[0]]  # "sejak Januari": the start word is inside the month's match
        tail = " ".join(before[-2:])
        if before and (before[-1] in cumulative or tail in cumulative) and mention.kind != "range":
            mention.cumulative = True
        opens_range = mention.kind == "range" and bool(before) and before[-1] in openers
        if before and (before[-1] in starts or tail in starts) and not opens_range:
            mention.start_marker = True  # "sejak 2013"; but "from January to October" is the whole stretch
    separators = {str(c).lower() for c in cues.get("range_separators", [])}
    for first, second in zip(kept, kept[1:]):
        between = text[first.end - offset : second.start - offset].strip().lower()
        if (
            between in separators
            and first.granularity == "month"
            and (second.granularity in ("isoweek", "day") or (second.granularity == "month" and second.edge))
            and second.kind != "current"
        ):
            # "sejak Januari hingga minggu ke-16 tahun 2024", "from January to the 16th week of 2024", "from
            # January to early March 2024": a stretch the two kinds of date make no range of; its figure is the
            # running total up to the second
            first.start_marker, second.cumulative, second.ends_stretch = True, True, True
    return kept


def _shifted(shift: dict[str, Any], count: int = 1) -> PeriodMention:
    """A relative date ("tahun lalu", "six months earlier"): `count` times the shift of one unit."""
    granularity = "year" if "years" in shift else "isoweek" if "weeks" in shift else "month"
    mention = PeriodMention(0, 0, "", _anchor_kind(shift), granularity)
    mention.years, mention.months = count * int(shift.get("years", 0)), count * int(shift.get("months", 0))
    mention.weeks = count * int(shift.get("weeks", 0))
    return mention


def _part_of_year(
    m: re.Match[str], granularity: str, part: int, first_month: int, relative: dict[str, dict[str, Any]]
) -> PeriodMention:
    """A quarter or half named without its year: of the year in context, or of the one a relative names.

    It carries its first month: a part of the year already begun when the article appeared is this year's.
    """
    mention = PeriodMention(0, 0, "", "month", granularity, None, first_month, part=part)
    if m.group("rel"):  # "kuartal III tahun lalu", "the first half of last year"
        shift = relative[m.group("rel").lower()]
        mention.kind, mention.years = _anchor_kind(shift), int(shift.get("years", 0))
    return mention


def _anchor_kind(shift: dict[str, Any]) -> str:
    return "anaphoric" if str(shift.get("anchor", "now")) == "context" else "deictic"


def _drop_overlaps(matches: list[PeriodMention]) -> list[PeriodMention]:
    """Keep the longest of overlapping matches ("akhir Februari 2024" over "Februari 2024")."""
    kept: list[PeriodMention] = []
    # a range beats the dates inside it ("periode 2021-2022" is one range, not "periode 2021")
    for match in sorted(matches, key=lambda m: (m.kind != "range", -(m.end - m.start), m.start)):
        if all(match.end <= k.start or match.start >= k.end for k in kept):
            kept.append(match)
    return sorted(kept, key=lambda m: m.start)


def resolve(mention: PeriodMention, reference: Period | None, published: date | None) -> Period | None:
    """The interval a mention names: against `reference` (the period in context) or the publication date.

    Returns None when the mention needs a reference it does not have. Raises
    ValueError for an impossible date ("31 Februari 2024").
    """
    text = mention.text.strip()
    kind = mention.kind
    if kind == "current":
        if published is None:
            return None
        return Period(published, published, "current", text, published.isoformat())
    if kind == "range":
        assert mention.until is not None
        last = resolve(mention.until, reference, published)
        if last is None:
            return None
        first_year = mention.year if mention.year is not None else last.start.year
        first = make_period("month" if mention.month else "year", text, first_year, mention.month or 1)
        whole = _quarter_or_half(first, last, text)
        if whole is not None:
            return whole
        label = f"{first.label}/{last.label}"
        return Period(first.start, last.end, "range", text, label)
    if kind == "same-period":
        if reference is None or reference.granularity == "current":
            return None
        if mention.year is not None:
            return shift_period(reference, years=mention.year - reference.start.year, text=text)
        return shift_period(reference, years=mention.years, months=mention.months, text=text)
    year = mention.year
    if kind == "absolute":
        assert year is not None
    elif kind == "anaphoric":
        if (
            reference is not None
            and reference.granularity in ("month", "quarter", "half", "day", "range")
            and mention.granularity == "year"
            and not mention.edge
        ):
            return shift_period(
                reference, years=mention.years, text=text
            )  # "a year earlier" than March 2024 is March 2023, than January-June 2024 January-June 2023
        anchor = reference.start if reference is not None and reference.granularity != "current" else published
        if anchor is None:
            return None
        if mention.granularity == "isoweek":
            return _week_of(anchor + timedelta(weeks=mention.weeks), text)  # "sepekan sebelumnya"
        year = anchor.year + mention.years
        if mention.granularity == "month" and not mention.month:
            index = anchor.year * 12 + anchor.month - 1 + mention.months
            return make_period("month", text, index // 12, index % 12 + 1)
    elif kind == "deictic":
        if published is None:
            return None
        if mention.granularity == "isoweek":
            return _week_of(published + timedelta(weeks=mention.weeks), text)  # "pekan lalu"
        year = published.year + mention.years
        if mention.granularity == "month" and not mention.month:
            index = published.year * 12 + published.month - 1 + mention.months
            return make_period("month", text, index // 12, index % 12 + 1)
        if mention.role == "last" and mention.month >= published.month:
            year -= 1  # "Maret lalu" in a March article is last year's
    elif kind == "month":
        if reference is not None and reference.granularity != "current":
            year = reference.end.year
        elif published is not None:
            year = published.year
            if mention.month > published.month + (1 if mention.granularity == "day" else 0):
                year -= 1  # a month later than the article's is last year's
        else:
            return None
    assert year is not None
    granularity = mention.granularity
    if granularity == "year" and mention.edge == "end":
        return make_period("month", text, year, 12)  # "akhir 2024", "penghujung tahun lalu": the December position
    if granularity in ("year",):
        return make_period("year", text, year, edge=mention.edge)
    if granularity == "month" and not mention.month:
        return make_period("year", text, year, edge=mention.edge)
    if granularity == "month" and mention.edge == "end" and mention.day == 0:
        return make_period("month", text, year, mention.month)
    if granularity in ("quarter", "half") and kind == "month":
        return make_period(granularity, text, year, part=mention.part)
    return make_period(granularity, text, year, mention.month, mention.day, mention.part, mention.edge)


def _week_of(day: date, text: str) -> Period:
    year, week, _ = day.isocalendar()
    return make_period("isoweek", text, year, part=week)


def shift_period(period: Period, years: int = 0, months: int = 0, text: str = "") -> Period:
    """The same stretch of calendar moved by whole years or months ("periode yang sama tahun lalu")."""
    if period.granularity == "isoweek" and not months:
        # "pekan ke-20 ... periode yang sama tahun lalu": week 20 of the year before
        year, week = (int(part) for part in period.label.split("-W"))
        return make_period("isoweek", text or period.text, year + years, part=week)

    def shift(day: date, end: bool) -> date:
        index = day.year * 12 + day.month - 1 + years * 12 + months
        year, month = index // 12, index % 12 + 1
        last = calendar.monthrange(year, month)[1]
        return date(
            year, month, last if end and day.day == calendar.monthrange(day.year, day.month)[1] else min(day.day, last)
        )

    start, end = shift(period.start, False), shift(period.end, True)
    granularity = period.granularity
    if granularity == "month":
        label = f"{start.year}-{start.month:02d}"
    elif granularity == "year":
        label = period.label.replace(str(period.start.year), str(start.year), 1)
    elif granularity in ("quarter", "half"):
        label = f"{start.year}-{period.label.split('-', 1)[1]}"
    elif granularity == "range":
        label = "/".join(part.replace(str(period.start.year), str(start.year)) for part in period.label.split("/"))
        label = label.replace(str(period.end.year), str(end.year))
    else:
        label = start.isoformat() if granularity == "day" else f"{start.isoformat()}/{end.isoformat()}"
    return replace(period, start=start, end=end, label=label, text=text or period.text)


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
    """Weekday-dated expressions, in every dateline form news uses.

    "Kamis, 21 Maret 2024", "Rabu (5/4/2023)", "Selasa, (4/1/2025)", "Senin 3/2/2025",
    "Tuesday, February 3, 2025".
    """
    patterns = _patterns(language)
    found = []
    folded = text.casefold()
    seen: dict[int, bool] = {}  # which sets of needed words the text has
    matches = [
        *patterns.scan(patterns.dateline_full, text, folded, seen),
        *patterns.scan(patterns.dateline_numeric, text, folded, seen),
        *patterns.scan(patterns.dateline_month_first, text, folded, seen),
    ]
    for m in matches:
        groups = m.groupdict()
        raw_year = groups.get("y")
        year = None
        if raw_year:
            if len(raw_year) == 3:
                continue  # "(5/11/224)": a malformed year is not a date to check
            year = int(raw_year) if len(raw_year) == 4 else 2000 + int(raw_year)
        if groups.get("mon"):
            month = language.months[groups["mon"].lower()]
        else:
            month = int(groups["m"])
            if "(" not in m.group(0) and not raw_year:
                continue  # "Senin 3/2" without brackets or year is too loose
        if not 1 <= month <= 12:
            continue
        weekday = language.weekdays[m.group("wd").lower()]
        found.append(Dateline(m.start(), m.end(), m.group(0), weekday, int(m.group("d")), month, year))
    return sorted(found, key=lambda d: d.start)


def valid_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def infer_year(
    day: int, month: int, weekday: int, mentioned_years: list[int], not_before: int | None = None
) -> int | None:
    """The year in which day/month falls on weekday, chosen near the years an article mentions.

    `not_before` is the first year the article can be from (the year after the
    latest data it reports as past: "2020 ada penurunan" is written in 2021 or
    later). Otherwise articles mention future target years ("pada 2026") more
    often than years after their own date, so the latest fitting year not after
    the latest mentioned year wins; failing that, the earliest one after it.
    """
    if not mentioned_years and not_before is None:
        return None
    fitting = [y for y in range(2000, 2100) if (d := valid_date(y, month, day)) and d.weekday() == weekday]
    if not_before is not None:
        later = [y for y in fitting if not_before <= y <= not_before + 6]
        return later[0] if later else None
    latest = max(mentioned_years)
    earlier = [y for y in fitting if latest - 5 <= y <= latest]
    if earlier:
        return max(earlier)
    later = [y for y in fitting if latest < y <= latest + 1]
    return later[0] if later else None
