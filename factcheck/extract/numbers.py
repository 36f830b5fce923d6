"""Figures: [currency] number [magnitude] [persen|%|poin] [lebih], with the interval they stand for.

Sets `doc._.figures`. Reads `doc._.context` (the language's number grammar) and
`doc._.sentences` (to mark figures in boilerplate and to look for the
magnitudes of neighbouring figures). "35,3 juta" is 35,25-35,35 juta;
"sekitar" widens by the tolerance in rules/tolerances.yml; "1,3 juta lebih"
is 1,3-1,4 juta; "6,1 jutaan" is approximate. Dates, ordinals, codes and
durations are not figures; "1.987 orang" is a count, not a year.
"""

from __future__ import annotations

import importlib.util
import re
from bisect import bisect_right
from collections.abc import Iterable
from contextlib import suppress
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from itertools import compress
from operator import itemgetter
from pathlib import Path
from typing import Any

from spacy.language import Language as SpacyLanguage
from spacy.tokens import Doc

from .. import langcache
from ..lexicon import Language
from .doc import (
    Figure,
    FigureList,
    attribute_of,
    context_of,
    lowers_of,
    next_position,
    next_word,
    previous_position,
    previous_word,
    sentences_of,
    spaces_of,
    text_of,
    texts_of,
)

RANGE_LINKS = {"dan", "hingga", "sampai", "and", "to", "-", "–"}
# "Rp582.932,-" and "Rp582.932,-/kapita": the dash closes a price; what follows a slash is its unit
PRICE_TAIL = re.compile(r"^(?P<number>\d[\d.,]*?)(?P<tail>,-|,–)?(?P<rest>/\D.*)?$")
GLUED_MAGNITUDE = re.compile(r"^(\d[\d.,]*?)([a-zA-Z]{1,3})$")
DENOMINATOR_START = re.compile(r"(?:,-)?\s*(?:/|\bper\b)\s*(?=[A-Za-z])", re.I)
WORD = re.compile(r"\s*([A-Za-z]+)")
DELIMITER = re.compile(r"\s*(?:/|\bper\b|[,.;:)\"”]|$)", re.I)


@lru_cache(maxsize=8)
def number_shape(decimal_mark: str, group_mark: str) -> re.Pattern[str]:
    group = re.escape(group_mark)
    decimal = re.escape(decimal_mark)
    return re.compile(rf"^(?:\d{{1,3}}(?:{group}\d{{3}})+|\d+)(?:{decimal}\d+)?$")


# No report states a figure with more digits than this (a quadrillion rupiah in full has 19); a longer
# run of digits is an ID, a hash or noise, and as a float it would overflow to inf and break every output.
MAX_DIGITS = 24
MAX_NUMERAL = 40  # characters, with group and decimal marks


@lru_cache(maxsize=8192)  # a pure function of the string, and Babel's locale work is slow: figures repeat
def parse_number(text: str, language: Language) -> tuple[Decimal, int] | None:
    """Value and number of decimals of a numeral as the language writes it.

    Indonesian "35,3" is 35.3 and "83.000" is 83000; English the reverse.
    Babel's parse_decimal does the locale work; the shape check keeps it
    from reading "2.45" as 245 in Indonesian, where a dot followed by fewer
    than three digits is a sloppy decimal point ("27.67%").
    """
    if len(text) > MAX_NUMERAL or sum(c.isdigit() for c in text) > MAX_DIGITS:
        return None
    if not number_shape(language.decimal_mark, language.group_mark).match(text):
        if language.decimal_mark == "," and re.match(r"^\d+\.\d{1,2}$", text):
            text = text.replace(".", ",")
        elif language.decimal_mark == "," and re.match(r"^\d{1,3}(?:\.\d{3})+,\d{2}$", text):
            pass  # "Rp595.242,00": cents after a comma
        else:
            return None
    try:
        value = parse_decimal(text, language.code)
    except (InvalidOperation, ValueError):
        return None
    decimals = len(text.split(language.decimal_mark, 1)[1]) if language.decimal_mark in text else 0
    return value, decimals


@lru_cache(maxsize=16)
def _number_symbols(code: str) -> tuple[str, str]:
    """The locale's group and decimal symbols, as Babel's parse_decimal looks them up on every call.

    Kept in the language-data cache: reading Babel's locale data for two characters costs 0.04 to 0.08 s
    of CPU, the first figure of every process. The entry is named by Babel's locale file for the code.
    """
    return langcache.cached(f"numbers-{code}", langcache.digest([], [], _locale_files(code)), lambda: _symbols(code))


def _symbols(code: str) -> tuple[str, str]:
    from babel import Locale
    from babel.numbers import LC_NUMERIC, get_decimal_symbol, get_group_symbol

    locale = Locale.parse(code or LC_NUMERIC)
    return get_group_symbol(locale), get_decimal_symbol(locale)


def _locale_files(code: str) -> list[str]:
    """Babel's package and its locale files for `code` and the root, by path, size and time (found, not imported)."""
    spec = importlib.util.find_spec("babel")
    found = [f"babel {spec.origin if spec else None} {code}"]
    if spec is not None and spec.origin:
        data = Path(spec.origin).parent / "locale-data"
        for name in sorted({code or "root", code.split("_")[0] if code else "root", "root"}):
            with suppress(OSError):
                stat = (data / f"{name}.dat").stat()
                found.append(f"{name} {stat.st_size} {stat.st_mtime_ns}")
    return found


def parse_decimal(text: str, code: str) -> Decimal:
    """`babel.numbers.parse_decimal(text, locale=code, strict=False)`, the locale's symbols looked up once.

    Babel spends about 16 microseconds a call finding the symbols and a fraction of one replacing them
    (its steps, here). A locale that groups digits with a kind of space is left to Babel itself: how it
    reads other spaces then differs between its versions.
    """
    group, decimal = _number_symbols(code)
    if group.isspace():
        from babel.numbers import parse_decimal as babel_parse_decimal

        return babel_parse_decimal(text, locale=code, strict=False)
    return Decimal(text.replace(group, "").replace(decimal, "."))


def _significant_digits(text: str) -> int:
    return len(re.sub(r"\D", "", text).lstrip("0")) or 1


@SpacyLanguage.factory("factcheck_numbers")
def make_numbers(nlp: SpacyLanguage, name: str) -> Any:
    return find_figures


def find_figures(doc: Doc) -> Doc:
    context = context_of(doc)
    finder = _finder(context.language, tuple(sorted(context.lexicon.qualifier_widths.items())))
    figures = list(finder.find(doc, context.offset))
    sentences = sentences_of(doc)
    by_token = {}
    for sentence in sentences:
        for position in range(sentence.start, sentence.end):
            by_token[position] = sentence.index
    for index, figure in enumerate(figures):
        figure.sentence = by_token.get(figure.start, 0)
        home = sentences[figure.sentence] if sentences else None
        if home is not None:
            figure.skip = home.kind in ("boilerplate", "header-row")
            if not figure.skip:
                home.figures.append(index)
    _mark_missing_magnitudes(doc, figures)
    doc._.figures = FigureList(figures)
    return doc


def _numeral_starts(texts: list[str], lowers: list[str], starts: set[str]) -> list[int]:
    """The tokens that can start a numeral: a digit, a sign or a dot first, or a number word; found in C.

    `[i for i, t in enumerate(texts) if t[:1].isdigit() or t[:1] in "-−." or lowers[i] in starts]`: most
    tokens are words, and testing each in a Python loop cost more than reading the few numerals.
    """
    firsts = [*map(itemgetter(slice(0, 1)), texts)]
    found = {*compress(range(len(texts)), map(str.isdigit, firsts))}
    signs = frozenset(("", "-", "−", "."))  # "" as `"" in "-−."` holds, for an empty text
    found.update(compress(range(len(texts)), map(signs.__contains__, firsts)))
    found.update(compress(range(len(texts)), map(starts.__contains__, lowers)))
    return sorted(found)


@lru_cache(maxsize=16)
def _finder(language: Language, widths: tuple[tuple[str, float], ...]) -> FigureFinder:
    return FigureFinder(language, dict(widths))


class FigureFinder:
    """The number grammar of one language."""

    def __init__(self, language: Language, widths: dict[str, float]) -> None:
        self.language = language
        self.widths = widths
        self.percent_words = {w for w in language.percent_words if " " not in w}
        # "15.5 per cent": British spelling is two words, and "per" alone starts a rate
        self.percent_phrases = sorted((tuple(w.split()) for w in language.percent_words if " " in w), key=len)[::-1]
        self.pp_words = sorted((tuple(w.split()) for w in language.percentage_point_words), key=len, reverse=True)
        self.bp_words = sorted((tuple(w.split()) for w in language.basis_point_words), key=len, reverse=True)
        # the lowercase words a number word can start with: any other token that does not start with a digit
        # (or a sign or dot before one) is no numeral, and most tokens are such words
        self.number_starts = {w.split(" ", 1)[0] for w in language.number_words} | set(language.number_words)
        # words that end a denominator, and calendar words that are a date rather than one ("per Juni 2022")
        self.denominator_stops = language.stopwords | set(language.statement.get("link_words", []))
        self.units = set(language.statement.get("measure_units", [])) | set(language.unit_forms)
        self.calendar = set(language.months) | set(language.weekdays) | set(language.period_cues.get("edge", {}))

    def find(self, doc: Doc, offset: int) -> Iterable[Figure]:
        language = self.language
        index = 0
        n = len(doc)
        texts, lowers, starts = texts_of(doc), lowers_of(doc), self.number_starts
        offsets, trailing = attribute_of(doc, "IDX"), attribute_of(doc, "SPACY")
        candidates = _numeral_starts(texts, lowers, starts)
        while index < n:
            first = texts[index][:1]
            if not (first.isdigit() or first in "-−.") and lowers[index] not in starts:
                # what _numeral would say, without making a Token: on to the next token that can start one
                later = bisect_right(candidates, index)
                index = candidates[later] if later < len(candidates) else n
                continue
            parsed = self._numeral(doc, index)
            if parsed is None:
                index += 1
                continue
            value, decimals, end, magnitude, approximate, numeral_trim, written = parsed
            magnitude_trim = 0
            start = index
            rate_after_slash = self._slash_rate(doc, start, end, numeral_trim)
            if rate_after_slash is None and (
                self._is_label(doc, start, end, numeral_trim) or self._is_conversion(doc, start)
            ):
                index = end
                continue
            currency = ""
            # the neighbours by position, read from the Doc's lists: a Token for each cost more than the reading
            previous = previous_position(doc, start)
            if previous is not None and texts[previous] == "." and previous > 0:
                before_dot = previous - 1
                if lowers[before_dot] in language.currencies and not trailing[before_dot]:
                    previous = before_dot  # "Rp. 5 miliar"
            if previous is not None and lowers[previous] in language.currencies:
                currency = language.currencies[lowers[previous]]
                start = previous
            elif previous is not None and lowers[previous] in ("minus", "negatif", "negative") and value > 0:
                value, start = -value, previous
            following = next_position(doc, end - 1) if not numeral_trim else None
            magnitude_end = -1
            if magnitude == 1.0 and following is not None:
                word = lowers[following]
                cut = 0
                if word.endswith(".") and word[:-1] in language.magnitudes:
                    word, cut = word[:-1], 1  # the tokenizer keeps "T." of a sentence end together
                if word in language.magnitudes and (currency or word not in language.currency_only_magnitudes):
                    magnitude = language.magnitudes[word]
                    approximate = word in language.approximate_magnitudes
                    end = following + 1
                    magnitude_end, magnitude_trim = end, cut
                    following = next_position(doc, end - 1)
            unit = currency or "count"
            if following is not None and not currency:
                word = lowers[following]
                pair = f"{word} {lowers[following + 1]}" if following + 1 < n else ""
                if pair in language.currency_words or word in language.currency_words:
                    key = pair if pair in language.currency_words else word
                    unit = language.currency_words[key]
                    end = following + (2 if key == pair else 1)
                    following = next_position(doc, end - 1)
            if following is not None and unit == "count":
                points = self._phrase(doc, following, self.pp_words)
                basis = self._phrase(doc, following, self.bp_words)
                if basis:
                    unit, end = "bp", basis
                elif points and self._points_mean_percent(doc, following, points):
                    unit, end = "pp", points
                elif lowers[following] in self.percent_words or self._phrase(doc, following, self.percent_phrases):
                    unit, end = "percent", self._phrase(doc, following, self.percent_phrases) or following + 1
                    after = next_position(doc, end - 1)
                    if after is not None:
                        tail = self._phrase(doc, after, self.pp_words)
                        if tail:
                            unit, end = "pp", tail  # "0,21% poin"
            if unit == "count" and magnitude == 1.0 and not currency:
                unit, magnitude = self._range_partner(doc, end, unit, magnitude)
            if rate_after_slash is not None:
                unit, end = rate_after_slash
                numeral_trim = 0
            elif unit == "count":
                rate = self._rate(doc, end)
                if rate is not None:
                    unit, end = rate  # "189 per 100.000 kelahiran hidup": a rate, and its base is not a figure
            denominator = self._denominator(doc, end, written, numeral_trim, index)
            if denominator and not unit.startswith("per "):
                unit = f"{unit}/{denominator}"  # "Rp650.155 per kapita per bulan" is not "Rp3,08 juta per rumah tangga"
            after = next_position(doc, end - 1)
            if (
                unit == "count"
                and magnitude == 1.0
                and after is not None
                and lowers[after] in language.non_figure_units
                and not self._relative_period_follows(doc, after)
            ):
                index = end
                continue
            if (
                unit == "count"
                and magnitude == 1.0
                and 1900 <= value <= 2100
                and decimals == 0
                and language.group_mark not in written
            ):
                # A bare year-like number with no magnitude and no group mark is a year
                # ("2024- 2029"); "1.987 orang" is a count.
                index = end
                continue
            step = (10.0**-decimals) * magnitude
            scaled = value * magnitude
            low, high = scaled - step / 2, scaled + step / 2
            if magnitude == 1.0 and decimals == 0 and abs(scaled) >= 1000:
                low, high = scaled, scaled  # "83.000" written in full is exact
            qualifier = ""
            postfix = next_position(doc, end - 1)
            if (
                postfix is not None
                and texts[postfix] == "-"
                and not trailing[end - 1]
                and postfix + 1 < n
                and f"-{lowers[postfix + 1]}" in language.postfix_qualifiers
            ):
                width = self.widths.get("approximate_magnitude", 0.05)  # "4.500-an pekerja"
                qualifier, end = "about", postfix + 2
                low, high = min(low, scaled * (1 - width)), max(high, scaled * (1 + width))
            elif postfix is not None and lowers[postfix] in language.postfix_qualifiers:
                qualifier = language.postfix_qualifiers[lowers[postfix]]
                end = postfix + 1
                low, high = scaled, scaled + step
            if approximate:
                qualifier = qualifier or "about"
                width = self.widths.get("approximate_magnitude", 0.05)
                low, high = min(low, scaled * (1 - width)), max(high, scaled * (1 + width))
            prefix = self._prefix_qualifier(doc, start)
            if prefix:
                qualifier = prefix
                low, high = self._widen(prefix, scaled, low, high)
            char_end = offsets[end - 1] + len(texts[end - 1])
            if end - 1 == index:
                char_end -= numeral_trim
            elif end == magnitude_end:
                char_end -= magnitude_trim
            yield Figure(
                start=start,
                end=end,
                start_char=offset + offsets[start],
                end_char=offset + char_end,
                value=scaled,
                unit=unit,
                low=low,
                high=high,
                significant=_significant_digits(written),
                qualifier=qualifier,
                magnitude=magnitude,
            )
            index = end

    def _numeral(self, doc: Doc, index: int) -> tuple[float, int, int, float, bool, int, str] | None:
        """(value, decimals, end token, magnitude, approximate, characters to trim, numeral as written)."""
        texts, lowers = texts_of(doc), lowers_of(doc)
        text = texts[index]
        language = self.language
        sign = 1.0
        if text[:1] in "-−" and text[1:2].isdigit() and (index == 0 or attribute_of(doc, "SPACY")[index - 1]):
            text, sign = text[1:], -1.0  # "tumbuh -2,5 persen"
        elif text[:1] == "." and text[1:2].isdigit() and index > 0 and lowers[index - 1] in language.currencies:
            text = text[1:]  # "Rp.7 miliar": the tokenizer keeps the currency's dot on the number
        if text[:1].isdigit():
            trim = 0
            price = PRICE_TAIL.match(text)
            if price and (price.group("tail") or price.group("rest")):
                trim = len(price.group("tail") or "") + len(price.group("rest") or "")
                text = price.group("number")
            parsed = parse_number(text, language)
            if parsed is not None:
                return sign * float(parsed[0]), parsed[1], index + 1, 1.0, False, trim, text
            glued = GLUED_MAGNITUDE.match(text)
            if glued and glued.group(2).lower() in language.magnitudes:
                parsed = parse_number(glued.group(1), language)
                if parsed is not None:
                    word = glued.group(2).lower()
                    return (
                        float(parsed[0]),
                        parsed[1],
                        index + 1,
                        language.magnitudes[word],
                        word in language.approximate_magnitudes,
                        0,
                        glued.group(1),
                    )
            return None
        lower = lowers[index]
        if index + 1 < len(doc):
            pair = f"{lower} {lowers[index + 1]}"
            if pair in language.number_words:
                return language.number_words[pair], 0, index + 2, 1.0, False, 0, pair
        if lower in language.number_words:
            value = language.number_words[lower]
            following = next_position(doc, index)
            # "satu" and "one" are pronouns as often as figures; keep them only before a magnitude.
            if value < 2 and (following is None or lowers[following] not in language.magnitudes):
                return None
            if following is None or not attribute_of(doc, "IS_ALPHA")[following]:
                return None
            return value, 0, index + 1, 1.0, False, 0, texts[index]
        return None

    def _is_label(self, doc: Doc, start: int, end: int, trim: int) -> bool:
        """Ordinals ("Ke-9"), dates ("19/10"), codes ("Pasal 5"), list numbers ("2.") and tickers are not figures."""
        language = self.language
        # from the Doc's lists: a Token per neighbour cost more than the tests
        texts, lowers, trailing = texts_of(doc), lowers_of(doc), attribute_of(doc, "SPACY")
        n = len(texts)
        before = start - 1 if start > 0 else None
        if before is not None and not trailing[before] and texts[before] in "-/":
            return True
        if not trim and end < n and not trailing[end - 1] and texts[end] in ("/", ":"):
            # "Rp 14.200/kg", "Rp 3.000/hari": a lowercase word after the slash is what the amount is per; a
            # digit ("19/10") or a code ("123/SK/2024") after it is no figure
            per_word = texts[end] == "/" and end + 1 < n and not trailing[end] and texts[end + 1].isalpha()
            if not (per_word and texts[end + 1].islower()):
                return True
        if before is not None and lowers[before].rstrip(".") in language.non_figure_prefixes:
            return True
        bracketed = before is not None and texts[before] == "(" and end < n and texts[end] == ")"
        if bracketed and start >= 2:
            title, alpha = attribute_of(doc, "IS_TITLE"), attribute_of(doc, "IS_ALPHA")
            if title[start - 2] and alpha[start - 2]:
                return True  # "Kurniawan (35)": an age after a name
        if end < n and self._line_start(doc, start):
            after = texts[end]
            if (after in (".", ")") and not trailing[end - 1]) or after == "|":
                return True  # "2. Jawa Timur ...", "1 | Aceh |": a row number
        return bool(
            before is not None and texts[before] == "-" and start > 1 and lowers[start - 2] in language.ordinal_prefixes
        )

    def _denominator(self, doc: Doc, end: int, written: str, trim: int, index: int) -> str:
        """ "per kapita per bulan", "/rumah tangga miskin/bulan", "per hari": what an amount is counted per.

        A denominator is one word, or up to three when a delimiter ("/", "per",
        punctuation, a function word) closes them.
        """
        stop = self.denominator_stops
        calendar = self.calendar  # "7,2 juta per Juni 2022": a date, not a denominator ("per tahun" is one)
        if trim and end - 1 == index:
            token = doc[index]
            start_char = token.idx + len(token.text) - trim
        else:
            start_char = doc[end - 1].idx + len(doc[end - 1].text)
        text = text_of(doc)[start_char : start_char + 120]
        parts: list[str] = []
        position = 0
        while len(parts) < 3:
            match = DENOMINATOR_START.match(text, position)
            if not match:
                break
            words: list[str] = []
            cursor = match.end()
            closed = False
            for word in WORD.finditer(text, cursor):
                if word.start() != cursor or len(words) == 3:
                    break
                lower = word.group(1).lower()
                if not words and lower in calendar:
                    break
                if lower in stop or lower == "per":
                    closed = True
                    break
                words.append(lower)
                cursor = word.end()
                if len(words) == 1 and lower in self.units:
                    closed = True  # "per kilogram pekan lalu": a unit of measure is the whole denominator
                    break
                if DELIMITER.match(text, cursor):
                    closed = True
                    break
            else:
                closed = True
            if not words:
                break
            if not closed:
                words = words[:1]
                cursor = match.end() + len(words[0])
            joined = " ".join(words)
            parts.append(self.language.unit_forms.get(joined, joined))
            position = cursor
        return "/".join(parts)

    @staticmethod
    def _line_start(doc: Doc, index: int) -> bool:
        position = index - 1
        spaces, texts = spaces_of(doc), texts_of(doc)
        while position >= 0 and spaces[position] and "\n" not in texts[position]:
            position -= 1
        # a trailing space (SPACY) is a single " ", never a line break
        return position < 0 or "\n" in texts[position]

    def _slash_rate(self, doc: Doc, start: int, end: int, trim: int) -> tuple[str, int] | None:
        """ "12/100.000 penduduk", "12/100 ribu": a rate written with a slash (a date has small parts)."""
        texts, trailing = texts_of(doc), attribute_of(doc, "SPACY")  # asked for every numeral: no Token each
        if trim or end + 1 >= len(texts) or trailing[end - 1] or texts[end] != "/":
            return None
        if start > 0 and texts[start - 1] == "/" and not trailing[start - 1]:
            return None  # the month of "5/4/2023"
        parsed = self._numeral(doc, end + 1)
        if parsed is None:
            return None
        value, _, base_end, magnitude, _, _, _ = parsed
        if base_end < len(doc) and doc[base_end].text == "/":
            return None  # "4/1/2025"
        after = next_word(doc, base_end - 1)
        if after is not None and after.lower_ in self.language.magnitudes:
            magnitude, base_end = self.language.magnitudes[after.lower_], after.i + 1
        if value * magnitude <= 31 or 1900 <= value * magnitude <= 2100:
            return None
        return f"per {value * magnitude:g}", base_end

    def _is_conversion(self, doc: Doc, start: int) -> bool:
        """ "Rp 47 triliun (US$3 billion)": a currency conversion in brackets restates the figure before it."""
        previous = previous_word(doc, start)
        if previous is None or previous.lower_ not in self.language.currencies:
            return False
        opening = previous_word(doc, previous.i)
        if opening is None or opening.text != "(":
            return False
        before = previous_word(doc, opening.i)
        return before is not None and (before.lower_ in self.language.magnitudes or before.like_num)

    def _rate(self, doc: Doc, end: int) -> tuple[str, int] | None:
        """ "per 100.000 kelahiran hidup", "per 1.000 penduduk": the unit of a rate, and where it ends."""
        per = next_word(doc, end - 1)
        if per is None or per.lower_ != "per":
            return None
        base = next_word(doc, per.i)
        parsed = self._numeral(doc, base.i) if base is not None else None
        if base is None or parsed is None or parsed[0] < 10:
            return None
        value, _, base_end, magnitude, _, _, _ = parsed
        after = next_word(doc, base_end - 1)
        if after is not None and after.lower_ in self.language.magnitudes:
            magnitude, base_end = self.language.magnitudes[after.lower_], after.i + 1
        return f"per {value * magnitude:g}", base_end

    def _range_partner(self, doc: Doc, end: int, unit: str, magnitude: float) -> tuple[str, float]:
        """ "antara 6,5 dan 7,5 persen", "3–4 juta": the first figure of a range takes the unit of the second.

        "dan"/"and" make a range only after "antara"/"between", and "to" only
        after "from": "rose by 83,000 to 7.28 million" is a change and its level.
        """
        link = next_word(doc, end - 1)
        if link is None or link.lower_ not in RANGE_LINKS:
            return unit, magnitude
        before = set(lowers_of(doc)[max(0, end - 5) : end])
        if link.lower_ in ("dan", "and") and not before & {"antara", "between"}:
            return unit, magnitude
        if link.lower_ in ("to", "hingga", "sampai") and not before & {"from", "dari", "antara", "between"}:
            return unit, magnitude
        if self.language.group_mark in doc[end - 1].text:
            return unit, magnitude
        other = next_word(doc, link.i)
        if other is None or self._numeral(doc, other.i) is None:
            return unit, magnitude
        after = next_word(doc, other.i)
        if after is None:
            return unit, magnitude
        if after.lower_ in self.percent_words or self._phrase(doc, after.i, self.percent_phrases):
            return "percent", magnitude
        if after.lower_ in self.language.magnitudes and after.lower_ not in self.language.currency_only_magnitudes:
            return unit, self.language.magnitudes[after.lower_]
        return unit, magnitude

    def _relative_period_follows(self, doc: Doc, index: int) -> bool:
        """ "2 tahun" is a duration, but "20,9 juta tahun lalu" is a figure and a period."""
        following = next_word(doc, index)
        if following is None:
            return False
        phrase = f"{doc[index].lower_} {following.lower_}"
        return phrase in self.language.period_cues.get("relative", {})

    @staticmethod
    def _phrase(doc: Doc, index: int, phrases: list[tuple[str, ...]]) -> int | None:
        lowers = lowers_of(doc)
        first = lowers[index]
        for words in phrases:
            if words[0] != first:
                continue  # most figures are followed by no unit phrase at all
            spaces = spaces_of(doc)
            span = [i for i in range(index, min(len(lowers), index + len(words) + 2)) if not spaces[i]][: len(words)]
            if len(span) == len(words) and tuple(lowers[i] for i in span) == words:
                return span[-1] + 1
        return None

    def _points_mean_percent(self, doc: Doc, index: int, end: int) -> bool:
        """ "turun 2,8 poin" after a prevalence is percentage points; "IHSG turun 50 poin" is index points."""
        if end - index > 1 or doc[index].lower_ in ("pp", "ppt"):
            return True  # "persen poin", "poin persentase", "pp"
        window = set(lowers_of(doc)[max(0, index - 60) : index])
        return bool(window & self.percent_words)

    def _prefix_qualifier(self, doc: Doc, start: int) -> str:
        words: list[str] = []
        position = start - 1
        spaces, lowers = spaces_of(doc), lowers_of(doc)
        while position >= 0 and len(words) < 2:
            if not spaces[position]:
                words.insert(0, lowers[position])
            position -= 1
        for size in (2, 1):
            phrase = " ".join(words[-size:])
            if phrase in self.language.qualifiers:
                return self.language.qualifiers[phrase]
        return ""

    def _widen(self, kind: str, value: float, low: float, high: float) -> tuple[float, float]:
        width = self.widths.get(kind, 0.0)
        if kind in ("about", "reached"):
            return min(low, value * (1 - width)), max(high, value * (1 + width))
        if kind in ("more_than", "at_least"):
            return value, value * (1 + width)
        if kind in ("almost", "less_than"):
            return value * (1 - width), value
        return low, high


def _mark_missing_magnitudes(doc: Doc, figures: list[Figure]) -> None:
    """ "4,2 penumpang" beside "3,9 juta penumpang": a fractional count whose magnitude word is missing.

    A count cannot be fractional, so one written with decimals and no magnitude,
    in a paragraph whose other counts carry one, lost its "juta". Averages
    ("rata-rata 4,78 orang") are fractional by nature and are left alone.
    """
    sentences = sentences_of(doc)
    averages = {"rata-rata", "rerata", "average", "mean", "per", "setiap", "tiap"}
    for figure in figures:
        if figure.unit != "count" or figure.magnitude != 1.0 or float(figure.value).is_integer():
            continue
        paragraph = sentences[figure.sentence].paragraph if sentences else 0
        neighbours = [
            other
            for other in figures
            if other is not figure
            and other.unit == "count"
            and other.magnitude > 1.0
            and sentences
            and sentences[other.sentence].paragraph == paragraph
        ]
        before = set(lowers_of(doc)[max(0, figure.start - 6) : figure.start])
        if neighbours and not before & averages:
            figure.magnitude_missing = True
