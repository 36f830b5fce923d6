"""A draft's report names every archived article; the list is built only when a report lists them."""

from __future__ import annotations

from collections import Counter

from factcheck.catalogue import Catalogue, by_id, languages
from factcheck.i18n import main_language
from factcheck.models import Article


def _catalogue(built: list[int]) -> Catalogue:
    draft = Article("draft.md", "draft.md", "Draft.", language="en")
    loaded = Article("a.md", "a.md", "Loaded.")

    def build() -> list[Article]:
        built.append(1)
        return [loaded, Article("b.md", "b.md", ""), Article("c.md", "c.md", "")]

    return Catalogue([draft], {"draft.md": draft, "a.md": loaded}, 3, Counter({"id": 3}), build)


def test_counting_naming_and_looking_up_do_not_build_the_list() -> None:
    built: list[int] = []
    catalogue = _catalogue(built)
    assert len(catalogue) == 4 and catalogue
    assert main_language(languages(catalogue)) == "id"  # three archived articles in Indonesian, one draft in English
    assert set(by_id(catalogue)) == {"draft.md", "a.md"}  # what findings can quote: the draft and the loaded
    assert built == []


def test_listing_builds_the_whole_list_once_with_the_drafts_first() -> None:
    built: list[int] = []
    catalogue = _catalogue(built)
    assert [a.id for a in catalogue] == ["draft.md", "a.md", "b.md", "c.md"]
    assert catalogue[-1].id == "c.md" and len(catalogue) == 4 and [*catalogue][1].text == "Loaded."
    assert sorted(catalogue, key=lambda a: a.id)[0].id == "a.md"
    assert built == [1]
