"""Numbering claims across a corpus: apart from the extractor, so a check of an archive never imports spaCy.

`check --db` loads claims that were extracted long before; importing the
extract package for this one function brought in spaCy, thinc and numpy, about
70 MiB of the check's memory and a second of its start-up.
"""

from __future__ import annotations

from collections.abc import Iterable

from .models import Claim, Mention


def number_claims(found: Iterable[tuple[list[Claim], list[Mention]]]) -> tuple[list[Claim], list[Mention]]:
    """One list of claims from each article's, numbered across the corpus (links follow the numbers)."""
    claims: list[Claim] = []
    mentions: list[Mention] = []
    for article_claims, article_mentions in found:
        offset = len(claims)
        for claim in article_claims:
            claim.index += offset
            if claim.links:  # an empty one stays (a large archive's claims share one: compact.py)
                claim.links = {k: v + offset for k, v in claim.links.items()}
        claims.extend(article_claims)
        mentions.extend(article_mentions)
    return claims, mentions
