"""Sentences and layout: paragraphs, the title line, list rows, table rows and their headers.

Sets `doc._.sentences`. Reads `doc._.context` (the article: its title line and
boilerplate). A sentence ends at a line break and at ".", "!" or "?" before a
capital or a quote; a list row ("- Papua Barat: 30%", "1. Jawa Timur 3,9 juta
orang") and a table row ("12 | Jawa Barat | 4.855.121 |") are one sentence
each, with their label and the header they hang from, so that later
components can give a row's figures the label as scope and the header's
metric and period.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from itertools import compress
from typing import Any

import numpy
from spacy.attrs import SENT_START
from spacy.language import Language as SpacyLanguage
from spacy.tokens import Doc, Token

from ..lexicon import Language
from .doc import (
    Sentence,
    attribute_of,
    context_of,
    expanded_span,
    offsets_of,
    positions_in,
    spaces_of,
    text_of,
    texts_of,
    word_positions,
)

BULLET = re.compile(r"^[ \t]*(?:[-•*·▪►–]|\(?\d{1,3}[.)])[ \t]+")
LABEL = re.compile(r"^(?P<label>[^\d:|]{2,60}?|\d{4})\s*:\s*(?=\S)")
LEADING_NAME = re.compile(r"^(?P<label>(?:[A-Z][\w.'’-]*|dan|di|&)(?:[ \t]+(?:[A-Z][\w.'’-]*|dan|&))*)")
SENTENCE_END = (".", "!", "?", ".”", '."', "?”", "!”")
# "Bisnis.com, JAKARTA —", "Semarang (ANTARA) -", "Jakarta, IDN Times -", " date 2023-07-17": where and who, not what
DATELINE = re.compile(
    r"^\s*(?:date\s+\d{4}-\d{2}-\d{2}\s+"
    r"|(?:[\w.&-]*\.[\w.&-]+\s*,\s*|[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*){0,2}\s*,\s*)?"
    r"(?:[A-Z][\w.&-]*|[\w-]+\.[\w.]+)(?:\s+[A-Z][\w.&-]*){0,3}(?:\s*\([^()\n]{1,30}\))?"
    r"(?:\s*,?\s*(?:[0-3]?\d\s+[A-Z][a-z]+|[A-Z][a-z]+\.?\s+[0-3]?\d)(?:,?\s+\d{4})?(?:\s*\([^()\n]{1,30}\))?)?"
    # a hyphen glued to the next word ends a dateline only after capitals or a space ("JAKARTA-Kemnaker",
    # "Jakarta -Kemnaker"); "Prabowo-Gibran meraih" is a name
    r"\s*(?:[–—](?:\s+|(?=[A-Z]))|-\s+|(?<=[A-Z]{2})-(?=[A-Z])|(?<=\s)-(?=[A-Z]))(?!\d))"
)


@SpacyLanguage.factory("factcheck_structure")
def make_structure(nlp: SpacyLanguage, name: str) -> Any:
    return set_structure


def set_structure(doc: Doc) -> Doc:
    context = context_of(doc)
    article = context.article
    offset = context.offset
    body_start = max(0, article.body_start - offset)
    starts = _set_sentence_starts(doc, _abbreviations(context.language), body_start)
    text = text_of(doc)
    line_starts = [0] + [m.end() for m in re.finditer(r"\n", text)]
    sentences: list[Sentence] = []
    paragraph = 0
    previous_line_end = -1
    # the spans doc.sents would give, from the starts just set and the tokens' offsets (no Span made); a
    # Doc with no start set (an empty or all-space piece) is refused by doc.sents as before
    next(doc.sents, None)
    texts = texts_of(doc)
    offsets = offsets_of(doc)
    for begin, stop in zip(starts, starts[1:] + [len(doc)]):
        span = _Bounds(begin, stop)
        start_char = offsets[begin]
        written = text[start_char : offsets[stop - 1] + len(texts[stop - 1])]
        end_char = start_char + len(written.rstrip())
        if not written.strip():
            continue
        line_start = _line_start(line_starts, start_char)
        if previous_line_end >= 0 and "\n" in text[previous_line_end:start_char]:
            paragraph += 1  # scraped text puts each paragraph on a line of its own
        previous_line_end = end_char
        sentence = Sentence(
            index=len(sentences),
            start=span.start,
            end=span.end,
            start_char=offset + start_char,
            end_char=offset + end_char,
            paragraph=paragraph,
        )
        absolute = offset + start_char
        title_start = context.article.title_start
        # A front-matter line "title: ..." is one sentence that starts before the title itself.
        in_title = context.in_title(absolute) or (
            title_start is not None and absolute <= title_start < offset + end_char
        )
        if in_title:
            sentence.kind = "title"
        elif article.is_boilerplate(offset + start_char) and not in_title:  # front matter is a span too
            sentence.kind = "boilerplate"
        elif start_char == line_start or not text[line_start:start_char].strip():
            _read_row(text, line_start, sentence, offset)
        if start_char == line_start or not text[line_start:start_char].strip():
            sentence.body_start = _after_dateline(doc, text, start_char, span.end)
        if in_title and title_start is not None and title_start > absolute:
            # "title: TPT Agustus 2023 Turun Jadi 5,32 Persen": the key is not part of the headline
            first = expanded_span(doc, title_start - offset, title_start - offset + 1)
            if first is not None:
                sentence.body_start = min(first[0], span.end)
        sentences.append(sentence)
    _attach_headers(text, sentences, offset)
    doc._.sentences = sentences
    return doc


def _line_start(line_starts: list[int], position: int) -> int:
    low, high = 0, len(line_starts) - 1
    while low < high:
        middle = (low + high + 1) // 2
        if line_starts[middle] <= position:
            low = middle
        else:
            high = middle - 1
    return line_starts[low]


def _after_dateline(doc: Doc, text: str, start_char: int, limit: int) -> int:
    """The first token after a leading dateline ("TRIBUNNEWS.COM, JAKARTA - "), or the sentence's first token."""
    end = start_char
    for _ in range(2):  # "Samarinda.inews.id - JAKARTA - ..."
        window = text[end : end + 90]
        if not _may_hold_dateline(window):
            break
        match = DATELINE.match(window)
        if not match or match.end() > 80:
            break
        end += match.end()
    if end == start_char:
        first = expanded_span(doc, start_char, start_char + 1) if text[start_char : start_char + 1] else None
        return first[0] if first is not None else 0
    span = expanded_span(doc, end, min(len(text), end + 1))
    return min(span[0], limit) if span is not None else 0


def _may_hold_dateline(window: str) -> bool:
    """Whether DATELINE can match: each of its branches ends with (or, for " date 2023-07-17", holds) a dash.

    Most sentences hold none in their first 90 characters, and the pattern backtracks over their words.
    """
    return "-" in window or "—" in window or "–" in window


def _read_row(text: str, line_start: int, sentence: Sentence, offset: int) -> None:
    """A list row or a table row: its label, and for a table its cells."""
    line_end = text.find("\n", line_start)
    line = text[line_start : len(text) if line_end < 0 else line_end]
    if line.count("|") >= 2:
        sentence.kind = "row"
        position = line_start
        for cell in line.split("|"):
            stripped = cell.strip()
            if stripped:
                begin = position + cell.index(stripped)
                sentence.cells.append((offset + begin, offset + begin + len(stripped)))
            position += len(cell) + 1
        for begin, end in sentence.cells:
            cell_text = text[begin - offset : end - offset]
            if not re.fullmatch(r"[\d.,%\s-]+", cell_text):
                sentence.label, sentence.label_end = cell_text, end
                break
        return
    bullet = BULLET.match(line)
    body_start = bullet.end() if bullet else 0
    body = line[body_start:]
    label = LABEL.match(body)
    if label and (bullet or re.fullmatch(r"\d{4}", label.group("label").strip())):
        sentence.kind = "item"
        sentence.label = label.group("label").strip()
        sentence.label_end = offset + line_start + body_start + label.end("label")
        return
    if bullet:
        sentence.kind = "item"
        name = LEADING_NAME.match(body)
        if name:
            words = name.group("label").split()
            while words and words[-1] in ("dan", "di", "&"):
                words.pop()
            sentence.label = " ".join(words)
            sentence.label_end = offset + line_start + body_start + len(" ".join(words))


def _attach_headers(text: str, sentences: list[Sentence], offset: int) -> None:
    """A row hangs from the sentence before its list: "Berikut daftar ...:" or a table's first row."""
    header: int | None = None
    table_header: Sentence | None = None
    for position, sentence in enumerate(sentences):
        if sentence.kind in ("item", "row"):
            if sentence.kind == "row":
                if table_header is None:
                    table_header = sentence
                    sentence.kind = "header-row"
                    header = position
                    continue
                sentence.columns = [text[b - offset : e - offset] for b, e in table_header.cells]
            if header is None and position > 0 and sentences[position - 1].kind == "prose":
                header = position - 1
            sentence.header = header
            continue
        table_header = None
        stripped = text[sentence.start_char - offset : sentence.end_char - offset].rstrip()
        opens_list = stripped.endswith((":", ";")) or _says_list_follows(stripped)
        header = position if opens_list and sentence.kind == "prose" else None


LIST_FOLLOWS = re.compile(r"(?i)\b(?:sebagai berikut|berikut ini|as follows|the following)\b")


def _says_list_follows(sentence: str) -> bool:
    """Whether LIST_FOLLOWS matches, its pattern run only on a sentence that can hold one of its words.

    Every match holds "berikut" or "follow" in any case; `(?i)` also equates a few non-ASCII letters with
    ASCII ones ("ſ" with "s", the Kelvin sign with "k"), so a sentence that is not ASCII is searched whole.
    """
    if sentence.isascii():
        lowered = sentence.lower()
        if "berikut" not in lowered and "follow" not in lowered:
            return False
    return LIST_FOLLOWS.search(sentence) is not None


MAX_SENTENCE_TOKENS = 300  # a news sentence is far shorter; see _set_sentence_starts


@dataclass
class _Bounds:
    """A sentence's first token and the token after its last, as `Span.start` and `Span.end` say them."""

    start: int
    end: int


@lru_cache(maxsize=16)
def _abbreviations(language: Language) -> frozenset[str]:
    return frozenset(language.statement.get("abbreviations", []))


def _set_sentence_starts(
    doc: Doc, abbreviations: frozenset[str] | set[str], body_start: int = 0, fast: bool = True
) -> list[int]:
    """Sentences end at line breaks and at ., ! or ? before a capital or a quote; returns where each starts.

    Non-breaking spaces become their own tokens in spaCy, so the previous
    *word* is what decides, not the previous token. `fast=False` decides every word the long way (for
    the test of the short one).
    """
    found = _starts_at_decisions(doc, abbreviations, body_start) if fast else None
    marks, first_tokens = found if found is not None else _starts_by_token(doc, abbreviations, body_start, fast)
    if len(doc):
        # spaCy stores "not a start" as -1 in an unsigned array: the cast wraps it the same way
        starts_array = numpy.array(marks, dtype="int64").reshape(len(doc), 1)
        doc.from_array([SENT_START], starts_array.astype("uint64"))  # type: ignore[arg-type]
    return first_tokens


SENTENCE_ENDS = frozenset(SENTENCE_END)


def _starts_at_decisions(
    doc: Doc, abbreviations: frozenset[str] | set[str], body_start: int
) -> tuple[list[int], list[int]] | None:
    """`_starts_by_token`'s marks and starts, the full test run only on the words it can start a sentence at.

    Those are the first word, the first word after a space token holding a line break, and a word after a
    sentence end; every other token is marked -1 (a space at 0 is 0), as the token loop marks it. The
    lists of words and sentence ends are found in C (`word_positions`, `positions_in`), so the Python loop
    runs over a few words per sentence instead of every token. A stretch of more than MAX_SENTENCE_TOKENS
    tokens without a start could be cut inside: None then, and the token loop decides.
    """
    count = len(doc)
    texts, spaces, offsets = texts_of(doc), spaces_of(doc), offsets_of(doc)
    words = word_positions(doc)
    if not words:
        return [0 if i == 0 else -1 for i in range(count)], [0] if count else []
    word_texts = list(map(texts.__getitem__, words))
    decisions = {words[0]}
    decisions.update(words[k + 1] for k in positions_in(word_texts, SENTENCE_ENDS) if k + 1 < len(words))
    for i in compress(range(count), spaces):
        if "\n" in texts[i]:
            after = bisect_right(words, i)
            if after < len(words):
                decisions.add(words[after])
    trailing = attribute_of(doc, "SPACY")
    title, upper, numeric = attribute_of(doc, "IS_TITLE"), attribute_of(doc, "IS_UPPER"), attribute_of(doc, "LIKE_NUM")
    marks = [-1] * count
    if spaces[0]:
        marks[0] = 0
    first_tokens = [0]
    last_start = 0  # where the current sentence started: its length is the tokens since
    for i in sorted(decisions):
        if i - last_start > MAX_SENTENCE_TOKENS:
            return None  # a word inside that stretch may be cut at by length
        at = bisect_right(words, i) - 1
        previous = words[at - 1] if at > 0 else -1
        between = "".join(texts[previous + 1 : i])  # the space tokens since the previous word
        after_break = previous < 0 or "\n" in between
        gap = ((" " if trailing[previous] else "") + between) if previous >= 0 else between
        broken = after_break
        if broken and offsets[i] > body_start and _soft_wrap(doc[previous] if previous >= 0 else None, doc[i], gap):
            broken = False
        starts = (
            broken
            or previous < 0
            or _sentence_ends_between(doc, previous, i, (texts, title, upper, numeric), abbreviations)
            or i - last_start >= MAX_SENTENCE_TOKENS
        )
        marks[i] = 1 if starts else -1
        if starts:
            last_start = i
            if i > 0:
                first_tokens.append(i)
    if count - last_start > MAX_SENTENCE_TOKENS:
        return None
    return marks, first_tokens


def _sentence_ends_between(
    doc: Doc,
    previous: int,
    i: int,
    columns: tuple[list[str], list[int], list[int], list[int]],
    abbreviations: frozenset[str] | set[str],
) -> bool:
    """ "... naik. Pada 2024": a sentence end after the previous word, and a word that can open one at `i`."""
    texts, title, upper, numeric = columns
    return (
        texts[previous] in SENTENCE_END
        and bool(title[i] or upper[i] or texts[i] in ("“", '"') or numeric[i])
        and not _abbreviation(doc[previous], abbreviations)
        and not _list_number(doc[previous])
    )


def _starts_by_token(
    doc: Doc, abbreviations: frozenset[str] | set[str], body_start: int, fast: bool
) -> tuple[list[int], list[int]]:
    """Every token in turn: the marks for SENT_START and where each sentence starts."""
    first_tokens = [0] if len(doc) else []  # as doc.sents reads the Doc: token 0, then every token marked 1
    after_break = True
    previous = -1  # the previous word's token index
    gap = ""  # the whitespace since the previous word
    length = 0  # tokens since the sentence started
    # Written in one array: Token.is_sent_start's setter scans the whole Doc each time (quadratic); kept as a
    # list until then, since setting an item of a numpy array costs several times a list's
    marks = [0] * len(doc)
    # token attributes as lists (a Token is made only where a line break or a sentence end needs one)
    texts, spaces, offsets = texts_of(doc), spaces_of(doc), offsets_of(doc)
    trailing = attribute_of(doc, "SPACY")  # Token.whitespace_ is " " when set, else ""
    title, upper, numeric = attribute_of(doc, "IS_TITLE"), attribute_of(doc, "IS_UPPER"), attribute_of(doc, "LIKE_NUM")
    for i, text in enumerate(texts):
        if spaces[i]:
            gap += text
            if "\n" in text:
                after_break = True
            marks[i] = -1 if i > 0 else 0
            length += 1
            continue
        if (
            fast
            and not after_break
            and previous >= 0
            and length < MAX_SENTENCE_TOKENS
            and texts[previous] not in SENTENCE_END
        ):
            # most words: no line break before them and no sentence end, so no start (as the test below finds;
            # the gap is read only at a break)
            length += 1
            marks[i] = -1
            previous = i
            gap = ""
            continue
        whitespace = (" " if trailing[previous] else "") if previous >= 0 else ""
        if previous >= 0:
            gap = whitespace + gap
        broken = after_break or previous >= 0 and "\n" in whitespace
        if broken and offsets[i] > body_start and _soft_wrap(doc[previous] if previous >= 0 else None, doc[i], gap):
            broken = False
        starts = (
            broken
            or previous < 0
            or _sentence_ends_between(doc, previous, i, (texts, title, upper, numeric), abbreviations)
            # Components read a figure's whole sentence for each figure in it: a run-on "sentence" (a
            # table flattened into one line, a page of digits) is cut so that work stays linear.
            or length >= MAX_SENTENCE_TOKENS
        )
        length = 1 if starts else length + 1
        marks[i] = 1 if starts else -1
        if starts and i > 0:
            first_tokens.append(i)
        after_break = False
        previous = i
        gap = ""
    return marks, first_tokens


def _soft_wrap(previous: Token | None, token: Token, gap: str) -> bool:
    """A line wrapped inside a sentence ("... hingga Desember 2023\ntercatat 37,9 juta"), as Markdown allows.

    One line break, no blank line, the line before not closed by a sentence end
    or a colon, and the next line going on in lower case.
    """
    if previous is None or gap.count("\n") != 1:
        return False
    if previous.text in SENTENCE_END or previous.text in (":", ";") or previous.is_space:
        return False
    return token.is_alpha and token.is_lower


def _list_number(token: Token) -> bool:
    """ "1. Jawa Barat ...": the dot of a list number at the start of a line."""
    if token.text != "." or token.i == 0:
        return False
    number = token.doc[token.i - 1]
    if not number.like_num or number.whitespace_:
        return False
    before = token.doc[number.i - 1] if number.i > 0 else None
    return before is None or "\n" in before.text or "\n" in before.whitespace_ or before.is_space


def _abbreviation(token: Token, abbreviations: frozenset[str] | set[str]) -> bool:
    """ "Kep. Bangka", "Rp. 5 miliar", "No. 8": a dot that closes an abbreviation, not a sentence."""
    if token.text != "." or token.i == 0:
        return False
    before = token.doc[token.i - 1]
    return not before.whitespace_ and before.lower_ in abbreviations
