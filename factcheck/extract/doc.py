"""What the extraction components put on a spaCy Doc, and small token helpers they share.

A Doc carries one article's text (or one piece of a very long one). The
components add, in pipeline order:

- `doc._.context`   the article the text belongs to (set before the pipeline runs)
- `doc._.sentences` sentences with their layout: paragraph, list row, table row, header
- `doc._.figures`   every figure, then its modality, period, scope, entity, metric and links
- `doc.spans[...]`  matches the components share ("entity", "cue", "place")

Every attribute a component sets on a figure comes with its evidence: where a
reader would say it came from ("clause", "sentence", "previous sentence",
"header", "row label", "anaphora", "publication date", "default", ...).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Container, Iterator
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from itertools import compress
from operator import not_
from typing import TYPE_CHECKING, Any

from spacy.tokens import Doc, Token
from spacy.vocab import Vocab

from ..models import Article, Mention, Period

if TYPE_CHECKING:
    from ..lexicon import Language, Lexicon
    from ..periods import PeriodMention


@dataclass
class Figure:
    """A number as written, and what the components learned about it."""

    start: int  # token index in the Doc
    end: int
    start_char: int  # offset in the article's text
    end_char: int
    value: float
    unit: str
    low: float
    high: float
    significant: int
    qualifier: str = ""
    magnitude: float = 1.0
    magnitude_missing: bool = False  # "4,2 penumpang" beside figures in juta
    sentence: int = 0
    skip: bool = False  # in boilerplate: read for context, never a claim
    # modality
    modality: str = "actual"  # actual, target, projection, change, gap, share
    direction: str = ""  # rise, fall
    baseline: bool = False  # the compared figure of "dibandingkan Maret 2023 yang sebesar 7,58 persen"
    modality_evidence: str = "default"
    rank: str = ""  # highest, lowest ("tertinggi 37,9 persen")
    # period
    period: Period | None = None
    period_evidence: str = ""
    base_period: Period | None = None
    current_cue: str = ""
    # scope
    scope: str = ""
    scope_evidence: str = "default"
    # entity
    entity: str = ""
    entity_text: str = ""
    entity_evidence: str = "default"
    # metric
    metric: str = ""
    metric_text: str = ""
    metric_evidence: str = ""
    noun: str = ""
    population: str = ""  # "55 persen dari jumlah pekerja": the total a share is taken of
    # links to other figures of the same Doc, by index in doc._.figures
    links: dict[str, int] = field(default_factory=dict)


@dataclass
class Sentence:
    """A sentence and where it stands in the article's layout."""

    index: int
    start: int  # token index
    end: int
    start_char: int  # offset in the article's text
    end_char: int
    paragraph: int
    kind: str = "prose"  # prose, title, item (a list row), row (a table row), boilerplate
    label: str = ""  # the label of a list or table row ("DKI Jakarta", "2013")
    label_end: int = -1  # where the label ends (offset in the article's text)
    header: int | None = None  # the sentence a list or table row hangs from
    body_start: int = -1  # the first token after a leading dateline ("Bisnis.com, JAKARTA —")
    cells: list[tuple[int, int]] = field(default_factory=list)  # a table row's cells (offsets)
    columns: list[str] = field(default_factory=list)  # the header's cells, for a table row
    figures: list[int] = field(default_factory=list)
    periods: list[PeriodMention] = field(default_factory=list)
    reference: Period | None = None  # the period in context when the sentence ends


@dataclass
class Context:
    """The article a Doc belongs to, as the components need it."""

    article: Article
    lexicon: Lexicon
    language: Language
    offset: int  # where the Doc's text starts in the article's text
    published: date | None
    published_after: date | None = None  # when only a lower bound of the publication date is known
    region: str = ""  # the province or regency a regional story is about
    mentions: list[Mention] = field(default_factory=list)
    learned_aliases: dict[str, str] = field(default_factory=dict)

    def in_title(self, offset: int) -> bool:
        article = self.article
        if article.title_start is None:
            return False
        end = article.text.find("\n", article.title_start)
        return article.title_start <= offset < (len(article.text) if end < 0 else end)


for _name, _default in (("context", None), ("sentences", None), ("figures", None)):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=_default)

# Where spaCy keeps `doc._.NAME` for an extension with a default and no getter: components read these
# attributes a few thousand times per Doc, and each `doc._` makes an Underscore object to look the key up
_CONTEXT, _SENTENCES, _FIGURES = (("._.", name, None, None) for name in ("context", "sentences", "figures"))


def _extension(doc: Doc, key: tuple[str, str, None, None]) -> Any:
    user_data: dict[Any, Any] = doc.user_data  # spaCy types its keys as str; extensions' keys are tuples
    return user_data.get(key)


def set_context(doc: Doc, context: Context) -> None:
    """`doc._.context = context`, written where spaCy keeps it, without an Underscore object."""
    user_data: dict[Any, Any] = doc.user_data
    user_data[_CONTEXT] = context


def sentence_before(sentence: Sentence, sentences: list[Sentence]) -> Sentence | None:
    """The sentence before this one, boilerplate in between skipped."""
    position = sentence.index - 1
    while position >= 0 and sentences[position].kind == "boilerplate":
        position -= 1
    return sentences[position] if position >= 0 else None


def text_of(doc: Doc) -> str:
    """The Doc's text, built once: spaCy joins every token's text again on each `doc.text`."""
    cached = doc.user_data.get("factcheck_text")
    if cached is None:
        cached = doc.user_data["factcheck_text"] = doc.text
    return str(cached)


@lru_cache(maxsize=4096)
def _word_pattern(word: str) -> re.Pattern[str]:
    return re.compile(rf"(?:^|\W){re.escape(word)}(?:\W|$)")


def has_word(text: str, word: str) -> bool:
    r"""Whether `word` stands in `text` between non-word characters or the ends: `(?:^|\W)word(?:\W|$)`.

    The substring test goes first: most cue words are in no given sentence, and it costs a fraction of
    building and running the pattern.
    """
    return word in text and _word_pattern(word).search(text) is not None


def word_matches(text: str, word: str) -> Iterator[re.Match[str]]:
    r"""Every match of `(?:^|\W)word(?:\W|$)` in `text`, as `re.finditer` gives them."""
    return _word_pattern(word).finditer(text) if word in text else iter(())


def texts_of(doc: Doc) -> list[str]:
    """Every token's text, built once per Doc: `doc[i]` makes a new Token object on each call.

    Cut from the Doc's text: the tokens tile it, each token's text followed by its trailing space, so a
    token's text ends where the next token starts, less that space; slicing a string costs less than
    making a Token to read `text` from the string store.
    """
    cached: list[str] | None = doc.user_data.get("factcheck_texts")
    if cached is None:
        text, offsets, trailing = text_of(doc), offsets_of(doc), attribute_of(doc, "SPACY")
        ends = [following - space for following, space in zip([*offsets[1:], len(text)], trailing)]
        cached = doc.user_data["factcheck_texts"] = [text[a:b] for a, b in zip(offsets, ends)]
    return cached


def lowers_of(doc: Doc) -> list[str]:
    """Every token's lowercase text, built once per Doc (as `texts_of`).

    From the token texts: spaCy's LOWER of a lexeme is `str.lower()` of its text (the `lower` getter of
    `spacy.lang.lex_attrs`, the one the blank `id`, `en` and `xx` vocabularies use), and lowering a list of
    strings costs less than making a Token for each one to read `lower_`.
    """
    cached: list[str] | None = doc.user_data.get("factcheck_lowers")
    if cached is None:
        cached = doc.user_data["factcheck_lowers"] = list(map(str.lower, texts_of(doc)))
    return cached


# The attributes the components read, fetched from spaCy in one array on the first request for any of them:
# one call to to_array per attribute cost more than the reading
ATTRIBUTES = ("IDX", "IS_SPACE", "SPACY", "IS_ALPHA", "IS_TITLE", "IS_UPPER", "LIKE_NUM")
POSSESSIVES = ("'s", "’s")  # the English possessive, a token of its own
# Of these, the flags are the lexeme's (a function of the text in a vocabulary): each text's are read once
# per vocabulary and remembered, rather than from a column of to_array for every token of every Doc (that
# array cost more than the rest of the attribute reading); the offsets and trailing spaces are the token's.
_TOKEN_ATTRIBUTES = ("IDX", "SPACY")
_FLAGS = ("IS_SPACE", "IS_ALPHA", "IS_TITLE", "IS_UPPER", "LIKE_NUM")
_FLAG_ROWS: dict[int, tuple[Vocab, dict[str, tuple[int, int, int, int, int]]]] = {}  # id(vocab), vocab kept alive
_MAX_TEXTS = 200_000  # texts remembered per vocabulary (numbers vary without end)


_KEYS = {name: f"factcheck_{name}" for name in ATTRIBUTES}  # built once: components ask ~100 times per Doc


def _flag_rows(doc: Doc) -> dict[str, tuple[int, int, int, int, int]]:
    vocab = doc.vocab
    found = _FLAG_ROWS.get(id(vocab))
    if found is None or found[0] is not vocab:
        if len(_FLAG_ROWS) >= 8:
            _FLAG_ROWS.clear()
        found = _FLAG_ROWS[id(vocab)] = (vocab, {})
    rows = found[1]
    if len(rows) >= _MAX_TEXTS:
        rows.clear()
    return rows


def attribute_of(doc: Doc, name: str) -> list[int]:
    """A numeric token attribute ("IS_TITLE", "IDX", ...) of every token, from one array built once per Doc."""
    key = _KEYS.get(name) or f"factcheck_{name}"
    cached: list[int] | None = doc.user_data.get(key)
    if cached is None:
        if name in _TOKEN_ATTRIBUTES:
            columns = doc.to_array(list(_TOKEN_ATTRIBUTES)).T.tolist() if len(doc) else [[] for _ in _TOKEN_ATTRIBUTES]
            for attribute, column in zip(_TOKEN_ATTRIBUTES, columns):
                doc.user_data.setdefault(f"factcheck_{attribute}", column)
        elif name in _FLAGS:
            rows = _flag_rows(doc)
            texts = texts_of(doc)
            found: list[tuple[int, int, int, int, int] | None] = list(map(rows.get, texts))  # in C, as `texts_of`
            if None in found:  # texts not seen before in this vocabulary
                for position, row in enumerate(found):
                    if row is None:
                        text = texts[position]
                        lexeme = doc.vocab[text]  # the token's own lexeme: spaCy made it from this text
                        flags = (lexeme.is_space, lexeme.is_alpha, lexeme.is_title, lexeme.is_upper, lexeme.like_num)
                        found[position] = rows[text] = (
                            int(flags[0]),
                            int(flags[1]),
                            int(flags[2]),
                            int(flags[3]),
                            int(flags[4]),
                        )
            columns = list(map(list, zip(*found))) if found else [[] for _ in _FLAGS]
            for attribute, column in zip(_FLAGS, columns):
                doc.user_data.setdefault(f"factcheck_{attribute}", column)
        else:
            doc.user_data[key] = doc.to_array(name).tolist() if len(doc) else []
        cached = doc.user_data[key]
    return cached


def spaces_of(doc: Doc) -> list[int]:
    """Whether each token is whitespace (1) or not (0)."""
    cached: list[int] | None = doc.user_data.get("factcheck_IS_SPACE")  # the most asked: no second call
    return cached if cached is not None else attribute_of(doc, "IS_SPACE")


def offsets_of(doc: Doc) -> list[int]:
    """Each token's character offset in the Doc's text."""
    cached: list[int] | None = doc.user_data.get("factcheck_IDX")
    return cached if cached is not None else attribute_of(doc, "IDX")


def span_text(doc: Doc, start: int, end: int) -> str:
    """`doc[start:end].text`, cut from the Doc's text: a Span's text makes a Token for each of its tokens."""
    length = len(doc)
    start = min(max(0, start + length if start < 0 else start), length)  # as spaCy normalizes a slice
    end = min(max(start, end + length if end < 0 else end), length)
    if end == start:
        return ""
    texts, offsets = texts_of(doc), offsets_of(doc)
    return text_of(doc)[offsets[start] : offsets[end - 1] + len(texts[end - 1])]


def expanded_span(doc: Doc, start_idx: int, end_idx: int) -> tuple[int, int] | None:
    """`doc.char_span(start_idx, end_idx, alignment_mode="expand")` as (start, end) token indices, no Span made.

    spaCy finds the token holding a character (its text and its trailing space) by bisection on the
    tokens' offsets; the tokens tile the text, so `bisect_right` on the offsets list finds the same one.
    """
    offsets = offsets_of(doc)
    length = len(offsets)
    if not length:
        return None
    texts, trailing = texts_of(doc), attribute_of(doc, "SPACY")
    last = length - 1
    limit = offsets[last] + len(texts[last]) + trailing[last]  # the first character after the Doc's text
    if not 0 <= start_idx < limit or not 0 <= end_idx - 1 < limit:
        return None
    start = bisect_right(offsets, start_idx) - 1
    end = bisect_right(offsets, end_idx - 1) - 1
    if start_idx == offsets[start] + len(texts[start]):
        start += 1  # the trailing space is not part of the token before it
    return start, end + 1


def words_between(doc: Doc, start: int, end: int, lower: bool = True) -> list[str]:
    """`[t.lower_ for t in doc[start:end] if not t.is_space]` (`t.text` with `lower=False`), from the Doc's lists.

    A Span and a Token for each of its words cost more than the reading did; the bounds are normalized as
    spaCy normalizes a slice.
    """
    length = len(doc)
    start = min(max(0, start + length if start < 0 else start), length)
    end = min(max(start, end + length if end < 0 else end), length)
    words, spaces = (lowers_of(doc) if lower else texts_of(doc)), spaces_of(doc)
    return [words[i] for i in range(start, end) if not spaces[i]]


def positions_in(words: list[str], keys: Container[str]) -> list[int]:
    """`[i for i, w in enumerate(words) if w in keys]`, the loop in C (`compress` over the membership tests).

    Components look every token of a Doc up in a small table of first words; most tokens start nothing,
    and a Python loop that asks for each one cost more than the work on the few that do.
    """
    return list(compress(range(len(words)), map(keys.__contains__, words)))


def word_positions(doc: Doc) -> list[int]:
    """The indexes of the Doc's words (its non-space tokens), built once per Doc."""
    cached: list[int] | None = doc.user_data.get("factcheck_words")
    if cached is None:
        spaces = spaces_of(doc)
        cached = doc.user_data["factcheck_words"] = list(compress(range(len(spaces)), map(not_, spaces)))
    return cached


def context_of(doc: Doc) -> Context:
    context = _extension(doc, _CONTEXT)
    assert isinstance(context, Context), "run the pipeline through factcheck.extract.extract()"
    return context


class FigureList(list[Figure]):
    """The figures of a Doc, with an index by sentence built on first use.

    Components ask for "the other figures of this figure's sentence" once per figure; filtering the
    whole Doc's list each time made a page of figures quadratic.
    """

    _index: tuple[int, dict[int, list[Figure]]] | None = None

    def in_sentence(self, sentence: int) -> list[Figure]:
        if self._index is None or self._index[0] != len(self):
            by_sentence: dict[int, list[Figure]] = {}
            for figure in self:
                by_sentence.setdefault(figure.sentence, []).append(figure)
            self._index = (len(self), by_sentence)
        return self._index[1].get(sentence, [])


def in_sentence(figures: list[Figure], sentence: int) -> list[Figure]:
    """The figures of one sentence, in order (through the index when `figures` is a Doc's)."""
    if isinstance(figures, FigureList):
        return figures.in_sentence(sentence)
    return [f for f in figures if f.sentence == sentence]


def figures_of(doc: Doc) -> list[Figure]:
    return _extension(doc, _FIGURES) or []


def sentences_of(doc: Doc) -> list[Sentence]:
    return _extension(doc, _SENTENCES) or []


def previous_word(doc: Doc, index: int) -> Token | None:
    position = previous_position(doc, index)
    return doc[position] if position is not None else None


def next_word(doc: Doc, index: int) -> Token | None:
    position = next_position(doc, index)
    return doc[position] if position is not None else None


def previous_position(doc: Doc, index: int) -> int | None:
    """The index of the non-space token before `index` (`previous_word(...).i`), no Token made."""
    spaces = spaces_of(doc)
    position = index - 1
    while position >= 0 and spaces[position]:
        position -= 1
    return position if position >= 0 else None


def next_position(doc: Doc, index: int) -> int | None:
    """The index of the non-space token after `index` (`next_word(...).i`), no Token made."""
    spaces = spaces_of(doc)
    position = index + 1
    while position < len(spaces) and spaces[position]:
        position += 1
    return position if position < len(spaces) else None


def _positions_before(doc: Doc, index: int, limit: int, floor: int = 0) -> list[int]:
    spaces = spaces_of(doc)
    found: list[int] = []
    position = index - 1
    while position >= floor and len(found) < limit:
        if not spaces[position]:
            found.append(position)
        position -= 1
    return found[::-1]


def words_before(doc: Doc, index: int, limit: int, floor: int = 0) -> list[Token]:
    """Up to `limit` non-space tokens before `index`, nearest last, not before `floor`."""
    return [doc[position] for position in _positions_before(doc, index, limit, floor)]


def phrase_before(doc: Doc, index: int, phrases: list[str] | set[str], floor: int = 0, within: int = 4) -> str:
    """The longest of `phrases` (lowercase words) that ends right before token `index`."""
    lowers = lowers_of(doc)
    words = [lowers[position] for position in _positions_before(doc, index, within, floor)]
    best = ""
    for size in range(min(len(words), within), 0, -1):
        candidate = " ".join(words[-size:])
        if candidate in phrases and len(candidate) > len(best):
            best = candidate
    return best


def phrase_after(
    doc: Doc, index: int, phrases: list[str] | set[str], ceiling: int | None = None, within: int = 4
) -> str:
    """The longest of `phrases` that starts at token `index` (or the first word after it)."""
    ceiling = len(doc) if ceiling is None else ceiling
    spaces, lowers = spaces_of(doc), lowers_of(doc)
    words: list[str] = []
    position = index
    while position < ceiling and len(words) < within:
        if not spaces[position]:
            words.append(lowers[position])
        position += 1
    best = ""
    for size in range(len(words), 0, -1):
        candidate = " ".join(words[:size])
        if candidate in phrases and len(candidate) > len(best):
            best = candidate
    return best
