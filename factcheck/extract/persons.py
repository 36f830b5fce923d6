"""Persons: people named beside a speech verb, with the titles before their names (for the name-variant rule).

Adds person mentions to `context.mentions`. Reads `doc.spans["entity"]` (an
organization inside a title is context, not part of the name) and the
language's speech verbs and role words: "kata Direktur Utama BPJS
Ketenagakerjaan Rahmat Hidayat Saputra", "Amalia Adininggar Widyasanti
menyampaikan".
"""

from __future__ import annotations

from typing import Any

from spacy.language import Language as SpacyLanguage
from spacy.tokens import Doc, Token

from ..models import Mention
from .doc import context_of, sentences_of


@SpacyLanguage.factory("factcheck_persons")
def make_persons(nlp: SpacyLanguage, name: str) -> Any:
    return find_persons


def find_persons(doc: Doc) -> Doc:
    context = context_of(doc)
    language = context.language
    entity_tokens = {i for s in doc.spans.get("entity", []) for i in range(s.start, s.end)}
    sentence_text = {}
    token_sentence = {}
    for sentence in sentences_of(doc):
        sentence_text[sentence.index] = " ".join(doc[sentence.start : sentence.end].text.split())
        for i in range(sentence.start, sentence.end):
            token_sentence[i] = sentence.index
    for token in doc:
        if token.lower_ not in language.speech_verbs or context.article.is_boilerplate(context.offset + token.idx):
            continue
        for candidate in (_run_before(doc, token.i), _run_after(doc, token.i)):
            name: list[Token] = []
            for part in reversed(candidate):
                if part.i in entity_tokens or part.lower_ in language.role_words or part.is_upper:
                    break
                name.insert(0, part)
            title = candidate[: len(candidate) - len(name)]
            roles = {t.lower_ for t in title if t.lower_ in language.role_words}
            organizations = {
                s.label_ for s in doc.spans.get("entity", []) if any(s.start <= t.i < s.end for t in title)
            }
            if len(name) < 2 or any(t.lower_ in language.weekdays or t.lower_ in language.months for t in name):
                continue
            start = context.offset + name[0].idx
            end = context.offset + name[-1].idx + len(name[-1].text)
            context.mentions.append(
                Mention(
                    context.article.id,
                    context.article.path,
                    start,
                    end,
                    context.article.text[start:end],
                    "person",
                    sentence=sentence_text.get(token_sentence.get(token.i, -1), ""),
                    context=tuple(sorted(roles | organizations)),
                )
            )
    return doc


def _capitalized(token: Token) -> bool:
    return (token.is_title or token.is_upper) and token.is_alpha


def _run_before(doc: Doc, index: int) -> list[Token]:
    run: list[Token] = []
    position = index - 1
    while position >= 0 and _capitalized(doc[position]):
        run.insert(0, doc[position])
        position -= 1
    return run


def _run_after(doc: Doc, index: int) -> list[Token]:
    run: list[Token] = []
    position = index + 1
    while position < len(doc) and _capitalized(doc[position]):
        run.append(doc[position])
        position += 1
    return run
