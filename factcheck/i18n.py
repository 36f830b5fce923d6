"""The report's own words in the reader's language, through gettext catalogs.

Catalogs live in `factcheck/locale/<lang>/LC_MESSAGES/factcheck.po` (edited by hand) and are
compiled with Babel to the `.mo` files shipped beside them (`make catalogs`; a test fails when a
`.mo` is older than its `.po`). English is the source language: its words are the message ids, so
`en` needs no catalog. Finding messages are written by the checks and are not translated here.
"""

from __future__ import annotations

import gettext
from collections import Counter
from collections.abc import Iterable
from functools import cache
from pathlib import Path

LOCALE = Path(__file__).parent / "locale"
DOMAIN = "factcheck"
LANGUAGES = ("id", "en")
DEFAULT = "en"


@cache
def translations(lang: str) -> gettext.NullTranslations:
    """The catalog for `lang`; English (and any language without a catalog) passes the ids through."""
    return gettext.translation(DOMAIN, LOCALE, languages=[lang], fallback=True)


def main_language(languages: Iterable[str]) -> str:
    """The language most articles are in (ties go to the first of LANGUAGES); English for an empty corpus."""
    counts = Counter(lang for lang in languages if lang in LANGUAGES)
    if not counts:
        return DEFAULT
    return max(LANGUAGES, key=lambda lang: (counts[lang], -LANGUAGES.index(lang)))
