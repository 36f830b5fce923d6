"""Property tests over the number, date and front-matter grammars.

Any input is read without a crash, with bounded work, and every claim's offsets give back the figure
as written.

Texts are built from the pieces those grammars read ("35,3 juta", "Rp 9 triliun", "Kamis (19/10)",
"Hingga Februari 2023", a front matter block) mixed with noise: digits, marks, odd spaces and
line separators, control characters. Runs are derandomized, so a failure reproduces.
"""

from __future__ import annotations

import math

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck.budget import Budget
from factcheck.extract import PIECE, _pieces, extract, pipeline
from factcheck.extract.structure import MAX_SENTENCE_TOKENS, set_structure
from factcheck.models import Article, Skipped
from factcheck.read import read_file

NUMBERS = st.sampled_from(
    ["35,3 juta", "Rp 9 triliun", "805 ribu", "6,1 jutaan", "1.234.567", "5,2 persen", "0,5 poin", "US$ 3 miliar",
     "sekitar 1,3 juta lebih", "12%", "-2,5 persen", "dua juta", "Rp595.242,00", "7.300 orang", "1e308", "9" * 400]
)  # fmt: skip
DATES = st.sampled_from(
    ["Kamis (19/10)", "Hingga Februari 2023", "tahun lalu", "saat ini", "Desember 2023", "kuartal III 2024",
     "06/04/2023, 11:10 WIB", "Senin, 5 Juni 2023 14:00 WITA", "periode yang sama tahun lalu", "2020-2024",
     "31/02/2024", "Januari-Maret 2025", "semester I 2023", "Rabu (5/4/2023)"]
)  # fmt: skip
WORDS = st.sampled_from(
    ["jumlah peserta aktif", "BPJS Ketenagakerjaan", "naik", "turun", "menjadi", "dari", "target", "tercatat",
     "penduduk miskin", "di Jawa Barat", "kata", "BPS", "sebanyak", "atau", "dan", "yakni"]
)  # fmt: skip
NOISE = st.sampled_from(
    [" ", "  ", "\n", "\n\n", ", ", ". ", "\t", "\u2028", "\u00a0", "\x0b", "(", ")", "%", "...", "—", "\ufffd",
     "|", ":", "-", "1", "0", ".", ","]
)  # fmt: skip
BODY = st.lists(st.one_of(NUMBERS, DATES, WORDS, NOISE, st.text(max_size=6)), max_size=60).map(" ".join)
YAML_VALUES = st.one_of(
    st.text(max_size=20),
    DATES,
    st.sampled_from(["2024-01-25", "[FC201]", "[unclosed", "{a: 1}", "&a x", "*a", "!!python/object:os.system", "~"]),
)
FRONT = st.one_of(
    st.just(""),
    st.dictionaries(
        st.sampled_from(["title", "published", "outlet", "language", "factcheck-ignore", "url", "x"]), YAML_VALUES
    ).map(lambda d: "---\n" + "".join(f"{k}: {v}\n" for k, v in d.items()) + "---\n"),
)

PROPERTY = settings(
    max_examples=80,
    deadline=None,  # bounded work is asserted structurally below, never by the clock
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)


@PROPERTY
@given(front=FRONT, body=BODY, suffix=st.sampled_from([".md", ".txt"]))
def test_any_article_reads_without_crash_and_offsets_give_the_figure(lexicon, front, body, suffix):
    items = read_file(_path(suffix), "artikel" + suffix, lexicon, data=(front + body).encode("utf-8", "replace"))
    for item in items:
        if isinstance(item, Skipped):
            assert item.reason  # a reason, never an exception
            continue
        _check_article(item, lexicon)


@PROPERTY
@given(records=st.lists(st.fixed_dictionaries({"id": st.text(max_size=5), "text": BODY}), min_size=1, max_size=3))
def test_any_json_lines_record_reads_without_crash(lexicon, records):
    import json

    data = "".join(json.dumps(r, ensure_ascii=bool(i % 2)) + "\n" for i, r in enumerate(records)).encode()
    for item in read_file(_path(".jsonl"), "arsip.jsonl", lexicon, data=data):
        if not isinstance(item, Skipped):
            _check_article(item, lexicon)


@PROPERTY
@given(body=BODY, repeat=st.integers(min_value=1, max_value=400))
def test_work_per_sentence_is_bounded_however_long_the_line(lexicon, body, repeat):
    """No Doc is longer than a piece and no sentence longer than MAX_SENTENCE_TOKENS.

    The components look at a figure's sentence for each figure, so this bounds the work per figure
    and keeps time linear in the input.
    """
    text = (body + " ") * repeat
    article = Article("a", "a.txt", text)
    nlp = pipeline("id")
    from factcheck.extract.doc import Context

    for start, end in _pieces(text):
        assert end - start <= PIECE
        doc = nlp.make_doc(text[start:end])
        doc._.context = Context(article, lexicon, lexicon.language("id"), offset=start, published=None)
        doc = set_structure(doc)
        # a space token never starts a sentence, so one may follow the last word of a full sentence
        assert all(len(sentence) <= MAX_SENTENCE_TOKENS + 1 for sentence in doc.sents)


def _path(suffix: str):
    from pathlib import Path

    return Path("eigen" + suffix)


def _check_article(article: Article, lexicon) -> None:
    with Budget(60).article():  # a guard so that a regression fails the test instead of hanging it
        result = extract(article, lexicon)
    for claim in result.claims:
        assert article.text[claim.start : claim.end] == claim.text
        assert math.isfinite(claim.value) and math.isfinite(claim.low) and math.isfinite(claim.high)
