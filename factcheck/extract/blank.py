"""The extraction pipeline as spaCy's blank one would be, built without a spaCy `Language`.

`spacy.blank(code)` reads and validates a whole training config (thinc's registry, pydantic
schemas) and its `Language.__init__` imports every trained component spaCy has (the parser, the
entity linker, the text categorizer, ...) to register their factories: work for a pipeline that
is only a tokenizer and rule components, and, in a draft's check (`check DRAFT --against`),
about a tenth of the whole process. Here the vocabulary is made by spaCy's own `create_vocab`
from the language's defaults, as `Language.__init__` makes it, the tokenizer by tokenizer.py,
and each component by its factory: the same tokens, lexeme attributes and components
(tests/test_blank.py compares them with `spacy.blank`'s).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc
from spacy.util import get_lang_class
from spacy.vocab import Vocab, create_vocab

# spaCy's own default (Language.__init__): a longer text is refused, as spaCy refuses it
MAX_LENGTH = 1_000_000


@dataclass
class Blank:
    """What extraction and its components use of a spaCy `Language`: its language, vocabulary and tokenizer."""

    lang: str
    Defaults: Any  # noqa: N815  (spaCy's name, which tokenizer.py and the tests read)
    vocab: Vocab
    tokenizer: Tokenizer | None = None
    pipeline: list[tuple[str, Callable[[Doc], Doc]]] = field(default_factory=list)
    max_length: int = MAX_LENGTH

    def make_doc(self, text: str) -> Doc:
        """The text's Doc, tokenized and nothing else (as `Language.make_doc`)."""
        if len(text) > self.max_length:
            raise ValueError(f"text of length {len(text)} exceeds the maximum of {self.max_length}")
        assert self.tokenizer is not None
        return self.tokenizer(text)


def blank(
    code: str,
    tokenizer: Callable[[Any], Tokenizer],
    factories: Sequence[tuple[str, Callable[[Any, str], Callable[[Doc], Doc]]]],
) -> Blank:
    """A blank pipeline for `code` with this tokenizer and these components, in this order."""
    language = get_lang_class(code)
    nlp = Blank(code, language.Defaults, create_vocab(code, language.Defaults))
    nlp.tokenizer = tokenizer(nlp)
    nlp.pipeline = [(name, make(nlp, name)) for name, make in factories]
    return nlp
