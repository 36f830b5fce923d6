"""Extract stage: every figure an article states, as a Claim that knows what it counts, where and when.

A blank spaCy pipeline (`id` or `en`, or `xx` for a language a user adds) with
one rule component per job, in this order; each reads only what the ones
before it set (see their docstrings):

    factcheck_structure  sentences, paragraphs, list and table rows, headers   structure.py
    factcheck_numbers    figures: value, unit, interval                        numbers.py
    factcheck_modality   level, change, gap, target, projection, share, base   modality.py
    factcheck_periods    period mentions, then each figure's period            periods.py
    factcheck_places     places and breakdowns; each figure's scope            places.py
    factcheck_entities   organizations and aliases; each figure's entity       entities.py
    factcheck_metric     the statement grammar; each figure's metric           metric.py
    factcheck_links      change to level and base, share to count              links.py
    factcheck_persons    people and their titles, for name variants            persons.py

`extract(article)` runs it and turns the figures into Claims.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache

import spacy

from ..budget import NO_BUDGET, Budget, OverBudget
from ..gcpause import long_lived
from ..lexicon import Lexicon, load_lexicon
from ..models import Article, Claim, Mention, Skipped
from ..numbering import number_claims
from . import entities, links, metric, modality, numbers, periods, persons, places, structure
from .blank import Blank, blank
from .doc import Context, Figure, figures_of, sentences_of, set_context
from .numbers import parse_number
from .tokenizer import build_tokenizer

# each component's name and factory (also registered with spaCy, for a pipeline a user builds with spaCy's own)
FACTORIES = (
    ("factcheck_structure", structure.make_structure),
    ("factcheck_numbers", numbers.make_numbers),
    ("factcheck_modality", modality.make_modality),
    ("factcheck_periods", periods.make_periods),
    ("factcheck_places", places.make_places),
    ("factcheck_entities", entities.make_entities),
    ("factcheck_metric", metric.make_metric),
    ("factcheck_links", links.make_links),
    ("factcheck_persons", persons.make_persons),
)
COMPONENTS = tuple(name for name, _ in FACTORIES)
# Characters per Doc: a longer text is read in pieces split at line breaks (else at a space). Several
# components look at every figure or cue of their Doc for each figure, so a piece's cost grows with its
# square; a news article is shorter than a piece, so pieces keep a long file linear without changing
# what one article's reading sees.
PIECE = 20_000


@lru_cache(maxsize=8)
def pipeline(language: str) -> Blank:
    """The blank pipeline for a language with the rule components (they read the run's lexicon from the Doc).

    Built as `spacy.blank` would build it, without spaCy's config machinery (blank.py).
    """
    with long_lived():  # cached for the process: the collector need not walk its objects again (gcpause.py)
        return blank(language if language in ("id", "en") else "xx", build_tokenizer, FACTORIES)


@dataclass
class Extraction:
    claims: list[Claim] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    learned_aliases: dict[str, str] = field(default_factory=dict)  # alias as written -> entity name
    region: str = ""  # the province or regency the story is about, if any


def extract(article: Article, lexicon: Lexicon | None = None, budget: Budget = NO_BUDGET) -> Extraction:
    lexicon = lexicon or load_lexicon()
    code = article.language if article.language in lexicon.languages else "id"
    language = lexicon.language(code)
    nlp = pipeline(code)
    result = Extraction()
    for start, end in _pieces(article.text):
        piece = article.text[start:end]
        doc = nlp.make_doc(piece)
        doc.user_data["factcheck_text"] = piece  # spaCy would join every token's text again for doc.text
        context = Context(
            article=article,
            lexicon=lexicon,
            language=language,
            offset=start,
            published=article.published,
            published_after=article.published_after,
        )
        set_context(doc, context)
        for _, component in nlp.pipeline:
            budget.check()
            doc = component(doc)
        offset = len(result.claims)
        figures = figures_of(doc)
        kept = [i for i, f in enumerate(figures) if not f.skip]
        position = {old: offset + new for new, old in enumerate(kept)}
        for old in kept:
            result.claims.append(_claim(figures[old], article, doc, position, lexicon))
        result.mentions.extend(context.mentions)
        for alias, name in context.learned_aliases.items():
            result.learned_aliases.setdefault(alias, name)
        result.region = result.region or context.region
    for index, claim in enumerate(result.claims):
        claim.index = index
    return result


def _pieces(text: str) -> list[tuple[int, int]]:
    if len(text) <= PIECE:
        return [(0, len(text))]
    pieces = []
    start = 0
    while start < len(text):
        end = min(len(text), start + PIECE)
        if end < len(text):
            cut = text.rfind("\n", start + PIECE // 2, end)
            if cut < 0:  # one long line: cut after a sentence, else between words, never inside a figure's words
                stop = text.rfind(". ", start + PIECE // 2, end)
                cut = stop + 1 if stop >= 0 else text.rfind(" ", start + PIECE // 2, end)
            end = cut + 1 if cut > start else end
        pieces.append((start, end))
        start = end
    return pieces


def _as_change(figure: Figure, lexicon: Lexicon) -> str:
    """ "PDB tumbuh 5,15 persen" is what "ekonomi tumbuh 5,15 persen" says: the metric its change is named as."""
    words = figure.metric.split()
    known = lexicon.metric(words[0]) if words else None
    if known is None or not known.change_is or figure.modality != "change" or figure.unit != "percent":
        return figure.metric
    return " ".join([known.change_is, *words[1:]])


def _claim(
    figure: Figure, article: Article, doc: spacy.tokens.Doc, position: dict[int, int], lexicon: Lexicon
) -> Claim:
    sentences = sentences_of(doc)  # spaCy's store, without an Underscore object per claim
    sentence = sentences[figure.sentence] if sentences else None
    text = article.text
    sentence_start = sentence.start_char if sentence else figure.start_char
    sentence_end = sentence.end_char if sentence else figure.end_char
    return Claim(
        article_id=article.id,
        path=article.path,
        start=figure.start_char,
        end=figure.end_char,
        text=text[figure.start_char : figure.end_char],
        sentence=" ".join(text[sentence_start:sentence_end].split()),
        sentence_start=sentence_start,
        value=figure.value,
        unit=figure.unit,
        low=figure.low,
        high=figure.high,
        significant=figure.significant,
        qualifier=figure.qualifier,
        entity=figure.entity,
        entity_text=figure.entity_text,
        scope=figure.scope,
        metric=_as_change(figure, lexicon),
        metric_text=figure.metric_text,
        noun=figure.noun,
        period=figure.period,
        current_cue=figure.current_cue,
        modality=figure.modality,
        direction=figure.direction,
        base_period=figure.base_period,
        baseline=figure.baseline,
        population=figure.population,
        in_title=bool(sentence and sentence.kind == "title"),
        published=article.published,
        published_after=article.published_after,
        links={k: position[v] for k, v in figure.links.items() if v in position},
        rank=figure.rank,
        magnitude_missing=figure.magnitude_missing,
        evidence={
            "metric": figure.metric_evidence or "none",
            "period": figure.period_evidence or "none",
            "scope": figure.scope_evidence,
            "entity": figure.entity_evidence,
            "modality": figure.modality_evidence,
        },
    )


def extract_all(
    articles: list[Article],
    lexicon: Lexicon | None = None,
    progress: Callable[[int, int], None] | None = None,
    skipped: list[Skipped] | None = None,
    budget: Budget = NO_BUDGET,
) -> tuple[list[Claim], list[Mention]]:
    """Claims and mentions of every article.

    With `skipped`, an article that runs over its time budget or fails is listed there (by its path)
    and the others are still read; without it such an error is raised.
    """
    lexicon = lexicon or load_lexicon()
    found = []
    for done, article in enumerate(articles, 1):
        if progress is not None:
            progress(done, len(articles))
        if skipped is None:
            with budget.article():
                result = extract(article, lexicon, budget)
        else:
            guarded = extract_guarded(article, lexicon, budget)
            if isinstance(guarded, Skipped):
                skipped.append(guarded)
                continue
            result = guarded
        found.append((result.claims, result.mentions))
    return number_claims(found)


def extract_guarded(article: Article, lexicon: Lexicon, budget: Budget = NO_BUDGET) -> Extraction | Skipped:
    """One article's extraction, or why it was skipped: over its time budget, or it broke the extractor.

    One article that breaks the extractor is one skipped article, not a run without a report.
    """
    try:
        with budget.article():
            return extract(article, lexicon, budget)
    except OverBudget as exc:
        return Skipped(article.path, str(exc))
    except (RecursionError, MemoryError, ValueError, OverflowError) as exc:
        return Skipped(article.path, f"could not be read ({type(exc).__name__}: {exc})"[:300])


__all__ = ["Extraction", "extract", "extract_all", "number_claims", "parse_number", "pipeline"]
