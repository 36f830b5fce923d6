"""Finding messages: a template and its values, rendered in the report's language.

Every template has an Indonesian wording with the same placeholders; no corpus
finding read under `--lang id` keeps an English word of its template; the JSON
report's template and params render the message again, in either language.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from click.testing import CliRunner

from factcheck.check import Options, run_check
from factcheck.cli import main
from factcheck.messages import TEMPLATES, Items, Message, Number, Term, Value, message, render

ROOT = Path(__file__).resolve().parent.parent
CATALOG = ROOT / "factcheck" / "locale" / "id" / "LC_MESSAGES" / "factcheck.po"
PLACEHOLDER = re.compile(r"\{(\w+)\}")


@pytest.fixture(scope="module")
def corpus_findings():
    return run_check([str(ROOT / "corpus")], Options()).findings


def _catalog() -> dict[str, str]:
    with CATALOG.open("rb") as handle:
        catalog = read_po(handle)
    found = {}
    for entry in catalog:
        if entry.id:
            key = entry.id[0] if isinstance(entry.id, tuple) else entry.id
            found[key] = entry.string[0] if isinstance(entry.string, tuple) else entry.string
    return found


def _sources(template: str | tuple[str, str]) -> list[str]:
    return list(template) if isinstance(template, tuple) else [template]


@pytest.mark.parametrize("template_id", sorted(TEMPLATES))
def test_every_template_has_an_indonesian_wording_with_its_placeholders(template_id: str):
    catalog = _catalog()
    source = _sources(TEMPLATES[template_id])[0]
    assert catalog.get(source), f"{template_id}: no msgstr in {CATALOG.name}"
    wanted = {name for text in _sources(TEMPLATES[template_id]) for name in PLACEHOLDER.findall(text)}
    assert set(PLACEHOLDER.findall(catalog[source])) == wanted, template_id


def _skeleton(value: Value) -> Value:
    """The message with every value from an article (a figure, a name, a file) blanked: only template words stay."""
    if isinstance(value, Message):
        return Message(value.id, {k: v if k == "n" else _skeleton(v) for k, v in value.params.items()})
    if isinstance(value, Items):
        return Items(tuple(_skeleton(item) for item in value.items), value.join)
    if isinstance(value, str):
        return "§"
    return value


def _words(text: str) -> set[str]:
    return {w.lower() for w in re.findall(r"[A-Za-z]+", PLACEHOLDER.sub(" ", text))}


def _english_words() -> set[str]:
    """Words of the English templates that Indonesian does not share ("target", "persen", "juta" it does)."""
    english = {w for t in TEMPLATES.values() for s in _sources(t) for w in _words(s)}
    return english - {w for s in _catalog().values() for w in _words(s)}


def test_no_corpus_finding_under_lang_id_keeps_an_english_template_word(corpus_findings):
    english = _english_words()
    assert {"against", "outlet", "looks", "fell", "listed"} <= english  # the scan looks for real words
    assert len(corpus_findings) == 24
    for finding in corpus_findings:
        assert finding.template is not None, finding.message
        words = set(re.findall(r"[a-z]+", render(_skeleton(finding.template), "id").lower()))  # type: ignore[arg-type]
        assert not words & english, (finding.rule, render(finding.template, "id"))
        assert finding.text("id") != finding.text("en")


def test_a_conflict_reads_naturally_in_indonesian_with_outlets_counted(corpus_findings):
    conflict = next(f for f in corpus_findings if f.rule == "FC101" and "37,9 juta" in f.message)
    assert conflict.text("id") == (
        "peserta aktif: 37,9 juta (Desember 2023, 1 media) di 2024-01-25-jurnal-sosial-akhir-2023.md berbeda dengan "
        "38,6 juta (Desember 2023, 1 media) di 2024-02-08-warta-nusantara-informal.md"
    )
    assert "(Desember 2023, 1 outlet)" in conflict.text("en")


def test_plurals_and_lists_in_both_languages():
    one = message("figure.outlets", figure="37,9 juta", period="Desember 2023", n=1)
    three = message("figure.outlets", figure="38,6 juta", period="Desember 2023", n=3)
    assert [render(one), render(three)] == [
        "37,9 juta (Desember 2023, 1 outlet)",
        "38,6 juta (Desember 2023, 3 outlets)",
    ]
    assert [render(one, "id"), render(three, "id")] == [
        "37,9 juta (Desember 2023, 1 media)",
        "38,6 juta (Desember 2023, 3 media)",
    ]
    three_items = Items(("Jawa Barat", "Jawa Tengah", "Jawa Timur"), "and")
    listed = message("count.listed", figure="dua", noun="provinsi", n=3, items=three_items)
    assert (
        render(listed, "id") == "disebut dua provinsi, tetapi yang dirinci 3: Jawa Barat, Jawa Tengah, dan Jawa Timur"
    )
    assert render(listed) == "dua provinsi are announced, but 3 are listed: Jawa Barat, Jawa Tengah and Jawa Timur"
    single = message("count.listed", figure="dua", noun="provinsi", n=1, items=Items(("Aceh",), "and"))
    assert render(single) == "dua provinsi are announced, but 1 is listed: Aceh"
    assert render(message("name.misspelling.times", variant="Gaurt", n=2, reference="Garut"), "id") == (
        "'Gaurt' (2 kali) tampaknya salah tulis dari 'Garut'"
    )


def test_a_number_the_tool_computes_takes_the_report_languages_marks():
    factor = message("scale.factor", small="a", small_article="x", large="b", large_article="y", factor=Number(1000))
    assert "a factor of 1,000" in render(factor)
    assert "berselisih 1.000 kali lipat" in render(factor, "id")


def test_json_carries_template_and_params_that_render_the_message_again():
    runner = CliRunner()
    first = runner.invoke(main, ["check", str(ROOT / "corpus"), "--format", "json"], catch_exceptions=False).stdout
    again = runner.invoke(main, ["check", str(ROOT / "corpus"), "--format", "json"], catch_exceptions=False).stdout
    assert first == again  # byte for byte
    english = json.loads(
        runner.invoke(main, ["check", str(ROOT / "corpus"), "--format", "json", "--lang", "en"]).stdout
    )["findings"]
    findings = json.loads(first)["findings"]
    for finding, in_english in zip(findings, english):
        assert finding["template"] in TEMPLATES
        rebuilt = Message.from_json(finding)
        assert render(rebuilt, "id") == finding["message"]  # the corpus is Indonesian: so is the report
        assert render(rebuilt, "en") == in_english["message"]


def test_a_metric_is_named_in_the_report_language_and_survives_json():
    revenue = Term("pendapatan jht", (("en", "revenue jht"),))
    said = message(
        "conflict.figures", metric=revenue, first="Rp 1", first_article="a.md", second="Rp 2", second_article="b.md"
    )
    assert render(said, "en").startswith("revenue jht: ")
    assert render(said, "id").startswith("pendapatan jht: ")
    again = Message.from_json(json.loads(json.dumps(said.to_json())))
    assert again == said and render(again, "en") == render(said, "en")


def test_every_lexicon_metric_has_an_english_name(lexicon):
    # an English report names no metric in Indonesian
    assert [m.id for m in lexicon.metrics if "en" not in m.labels] == []
