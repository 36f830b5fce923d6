"""count: a stated count disagrees with the items listed ("sembilan desa" followed by eight names).

The list follows the count in the same sentence ("tujuh kecamatan, yakni A, B
..."), or opens the next one ("Keenam desa itu, yakni ..."). Lists introduced as
partial ("antara lain", "seperti") are not counted. Options: `max_count`
(default 30), `max_item_words` (default 5).
"""

from __future__ import annotations

import re

from ..messages import Items, message
from ..models import Claim, Finding
from . import Context, Rule
from ._util import group_label


def run(context: Context, rule: Rule) -> list[Finding]:
    max_count = int(rule.option("max_count", 30))
    max_words = int(rule.option("max_item_words", 5))
    findings = []
    for claim in context.claims:
        if (
            claim.unit != "count"
            or claim.in_title
            or not 2 <= claim.value <= max_count
            or claim.value != int(claim.value)
        ):
            continue
        if not claim.noun or not context.reports(claim.article_id):
            continue
        article = context.articles[claim.article_id]
        language = context.lexicon.language(article.language)
        totals = set(language.statement.get("value_words", [])) | set(language.statement.get("measure_words", []))
        listed = _listed_items(article.text, claim, language.modality_cues, max_words, totals, language.function_words)
        if listed is None:
            continue
        items, most = listed
        if len(items) <= int(claim.value) <= most:
            continue
        said = message(
            "count.listed",
            figure=" ".join(claim.text.split()),
            noun=claim.noun,
            n=len(items),
            items=Items(tuple(items), "and"),
        )
        findings.append(context.finding(rule, said, [claim], group_label(claim)))
    return findings


def _listed_items(
    text: str,
    claim: Claim,
    cues: dict[str, list[str]],
    max_words: int,
    totals: frozenset[str] | set[str] = frozenset(),
    skipped: frozenset[str] | set[str] = frozenset(),
) -> tuple[list[str], int] | None:
    """The items as list grammar reads them ("A, B, C, dan D"), and the most a generous reading finds.

    Only the last comma-separated part is split on "dan"/"serta", so that
    "Kementerian Ketenagakerjaan dan Transmigrasi" inside a list stays one item;
    splitting every "dan" gives the upper bound, and a count between the two is
    not flagged. A decimal comma ("0,82 juta ton") splits nothing, and the list
    ends at its total ("..., atau total 2,31 juta ton").
    """
    intro = "|".join(re.escape(c) for c in sorted(cues.get("list_intro", []), key=len, reverse=True))
    partial = [p.lower() for p in cues.get("partial_list", [])]
    rest_of_sentence = _sentence_after(text, claim.end)
    noun = re.escape(claim.noun)
    same = re.match(rf"\s*{noun}\b[^.]*?,?\s*(?:{intro})\s+(.+)", rest_of_sentence, re.IGNORECASE | re.DOTALL)
    body = same.group(1) if same else None
    if body is None:
        next_sentence = _sentence_after(text, claim.end + len(rest_of_sentence) + 1).lstrip(" .")
        opener = re.match(
            rf"\s*(?:ke-?\s?\w+|kese\w+|kedua|ketiga|keempat|kelima|keenam|ketujuh|kedelapan|kesembilan|kesepuluh)"
            rf"\s+{noun}\s+(?:itu|tersebut)\s*,?\s*(?:{intro})\s+(.+)",
            next_sentence,
            re.IGNORECASE | re.DOTALL,
        )
        body = opener.group(1) if opener else None
    if body is None:
        return None
    head = text[max(0, claim.start - 40) : claim.end + 80].lower()
    if any(p in head for p in partial) or any(body.lower().startswith(p) for p in partial):
        return None
    if re.match(r"\s*[\d(]", body):
        return None  # "18 provinsi ... yaitu 21,6 persen": a figure, not a list of names
    body = re.split(r"[”\"]|,\s*(?:kata|ujar|jelas|tutur|ungkap|said|says)\b", body)[0]
    body = re.sub(r"\([^)]*\)", "", body).strip().rstrip(".,")
    conjunction = r"\b(?:dan|serta|and)\b"
    body = _before_total(body, totals, cues.get("share_links", []), skipped)
    parts = [p.strip() for p in LIST_COMMA.split(body) if p.strip()]
    if not parts:
        return None
    last = re.sub(rf"^{conjunction}\s*", "", parts[-1])
    items = parts[:-1] + [p.strip() for p in re.split(conjunction, last, maxsplit=1) if p.strip()]
    most = len([p for p in re.split(rf"{LIST_COMMA.pattern}|{conjunction}", body) if p.strip()])
    if len(items) < 2 or any(len(i.split()) > max_words for i in items):
        return None
    return items, most


LIST_COMMA = re.compile(r"(?<!\d),|,(?!\d)")  # a comma between digits is a decimal mark


def _before_total(
    body: str, totals: frozenset[str] | set[str], alternatives: list[str], skipped: frozenset[str] | set[str]
) -> str:
    """The list without the total that closes it ("A 0,82 juta, B 0,71 juta, atau total 2,31 juta")."""
    kept: list[str] = []
    for part in LIST_COMMA.split(body):
        words = part.lower().split()
        for alternative in sorted(alternatives, key=len, reverse=True):
            if words[: len(alternative.split())] == alternative.split():
                words = words[len(alternative.split()) :]
                break
        while words and words[0] in skipped and words[0] not in totals:
            words = words[1:]  # "or a total of"
        if words and words[0] in totals and kept:
            break
        kept.append(part)
    return ",".join(kept)


def _sentence_after(text: str, position: int) -> str:
    match = re.search(r"\.(?=\s+[A-Z\"“])|\n", text[position:])
    end = position + match.start() if match else len(text)
    return text[position:end]
