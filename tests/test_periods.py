"""Periods and publication dates in Indonesian and English news."""

from __future__ import annotations

from datetime import date

import pytest

from factcheck.periods import find_datelines, find_periods, infer_year, resolve


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("Hingga Februari 2023, peserta", "2023-02"),
        ("per Februari 2022", "2022-02"),
        ("sampai September 2022", "2022-09"),
        ("tercatat 31 Januari 2024", "2024-01-31"),
        ("pada 2026", "2026"),
        ("akhir 2026", "2026-12"),  # a year-end position is December's
        ("kuartal I-2025", "2025-Q1"),
        ("semester I 2023", "2023-H1"),
        ("tahun ini", "2024"),
        ("tahun lalu", "2023"),
        ("as of March 2024", "2024-03"),
        ("by the end of 2024", "2024-12"),
        ("hingga pekan ke-20 tahun 2024", "2024-W20"),  # health reports count weeks of the year
        ("minggu epidemiologi ke-7 2025", "2025-W07"),
        ("in week 20 of 2024", "2024-W20"),
        ("minggu ketiga Mei 2024", "2024-05-W3"),  # a week of a month stays one
        ("pada semester I", "2024-H1"),  # a half without its year is the publication's
        ("semester kedua tahun lalu", "2023-H2"),
        ("kuartal III tahun lalu", "2023-Q3"),
        ("in the first half of 2023", "2023-H1"),
        ("in the first half of the year", "2024-H1"),
        ("in the second half of last year", "2023-H2"),
        ("in the third quarter of this year", "2024-Q3"),
        ("periode Januari-April", "2024-01/2024-04"),  # a month range without its year is the context's
        ("in January-April", "2024-01/2024-04"),
        ("Januari hingga Maret 2024", "2024-Q1"),  # the quarter it covers
        ("Februari-April 2024", "2024-02/2024-04"),
        ("April-Juni 2024", "2024-Q2"),
        ("Juli–Desember 2024", "2024-H2"),
        ("sembilan bulan pertama 2024", "2024-01/2024-09"),  # the months from January, counted
        ("in the first nine months of 2023", "2023-01/2023-09"),
        ("lima bulan pertama tahun lalu", "2023-01/2023-05"),
        ("laba 3Q24", "2024-Q3"),  # analysts' shorthand for a quarter or half of a two-digit year
        ("in 1H24", "2024-H1"),
        ("as of end-March", "2024-03"),  # an edge word joined by a hyphen
        ("by end-2023", "2023-12"),
        ("pekan lalu", "2024-W17"),  # the week before the publication's (1 May 2024 is in week 18)
        ("last week", "2024-W17"),
    ],
)
def test_period_expressions(text, label, lexicon):
    language = lexicon.language("en" if text.startswith(("as of", "by", "in ", "last")) else "id")
    found = [resolve(m, None, date(2024, 5, 1)) for m in find_periods(text, 0, language)]
    assert [p.label for p in found if p is not None] == [label]


def test_two_months_a_change_runs_between_are_no_range_without_a_year(lexicon):
    language = lexicon.language("id")
    found = [resolve(m, None, date(2024, 7, 1)) for m in find_periods("naik dari Maret ke Juni", 0, language)]
    assert [p.label for p in found if p is not None] == ["2024-03", "2024-06"]


def test_current_cues_resolve_to_the_publication_date(lexicon):
    (match,) = find_periods("yang saat ini baru berjumlah", 0, lexicon.language("id"))
    assert match.current_cue == "saat ini"
    period = resolve(match, None, date(2023, 10, 19))
    assert period is not None and period.end == date(2023, 10, 19)


def test_decimals_are_never_dates(lexicon):
    assert find_periods("ada 6,1 jutaan dan 35,3 juta", 0, lexicon.language("id")) == []


def test_a_bare_year_may_end_a_sentence_but_a_grouped_number_is_no_year(lexicon):
    language = lexicon.language("id")
    (year,) = find_periods("selama Operasi Ketupat 2024. Sebagian besar", 0, language)
    assert (year.year, year.granularity) == (2024, "year")
    assert find_periods("sebanyak 2024.500 orang", 0, language) == []


@pytest.mark.parametrize(
    ("text", "granularity", "part"),
    [("its third-quarter revenue rose", "quarter", 3), ("first-half 2024 profit", "half", 1)],
)
def test_an_english_quarter_or_half_before_a_noun_is_hyphenated(lexicon, text, granularity, part):
    (found,) = find_periods(text, 0, lexicon.language("en"))
    assert (found.granularity, found.part) == (granularity, part)


def test_year_of_a_weekday_dateline_from_the_years_mentioned():
    assert infer_year(19, 10, 3, [2026]) == 2023  # Kamis (19/10) in an article about a 2026 target
    assert infer_year(17, 3, 0, [2025]) == 2025
    assert infer_year(19, 10, 3, []) is None


def test_datelines(lexicon):
    found = find_datelines(
        "Kamis, 21 Maret 2024 / 03:05 WIB ... kata dia, Rabu (5/4/2023) dan Selasa (19/3).", lexicon.language("id")
    )
    assert [(d.day, d.month, d.year, d.weekday) for d in found] == [(21, 3, 2024, 3), (5, 4, 2023, 2), (19, 3, None, 1)]


def test_a_year_before_a_stretch_is_that_stretch_a_year_before(claims_of):
    """The base of "pada Januari-Juni ... setahun sebelumnya" is January-June of the year before, not the whole year."""
    for text, language in (
        (
            "Produksi batu bara mencapai 412 juta ton pada Januari-Juni, dibanding 398 juta ton setahun sebelumnya.",
            "id",
        ),
        ("Coal output reached 412 million tonnes in January-June, against 398 million tonnes a year earlier.", "en"),
    ):
        level, base = claims_of(text, published="2024-07-16", language=language)
        assert (level.period.label, base.period.label) == ("2024-H1", "2023-H1"), language


def test_a_change_with_no_level_in_its_sentence_takes_the_sentences_date(claims_of):
    (english,) = claims_of("Consumer prices fell 0.03 percent month-on-month in August 2024.", language="en")
    (indonesian,) = claims_of("Harga konsumen turun 0,03 persen secara bulanan (mtm) pada Agustus 2024.")
    for change in (english, indonesian):
        assert (change.period.label, change.base_period.label) == ("2024-08", "2024-07")


def test_a_counted_relative_date_shifts_by_its_count_and_is_no_figure(claims_of):
    english = claims_of(
        "Some 2.3 million people were in extreme poverty in September 2024, down from 3.1 million six months earlier.",
        language="en",
    )
    assert [(c.text, c.period.label) for c in english] == [("2.3 million", "2024-09"), ("3.1 million", "2024-03")]
    indonesian = claims_of(
        "Tingkat pengangguran 4,9 persen pada Agustus 2024, dibanding 5,4 persen dua tahun sebelumnya."
    )
    assert [(c.text, c.period.label) for c in indonesian] == [("4,9 persen", "2024-08"), ("5,4 persen", "2022-08")]


def test_an_ordinal_week_and_a_stretch_from_a_month_to_a_week_date_the_running_total(claims_of):
    for text, language, running in (
        ("Indonesia recorded 88,593 dengue cases from January to the 16th week of 2024.", "en", True),
        ("Indonesia recorded 88,593 dengue cases in the 16th week of 2024.", "en", False),
        ("Kemenkes mencatat 88.593 kasus DBD sejak Januari hingga minggu ke-16 tahun 2024.", "id", True),
    ):
        (cases,) = claims_of(text, published="2024-04-22", language=language)
        assert (cases.period.label, cases.period.cumulative) == ("2024-W16", running), text  # not January
    (flow,) = claims_of(
        "Indonesia recorded 88,593 dengue cases as of the 16th week.", published="2024-04-22", language="en"
    )
    assert (flow.period.label, flow.period.cumulative) == ("2024-W16", True)  # "as of" a week: the year so far


def test_a_count_since_a_month_runs_to_the_publication_not_that_month(claims_of):
    # "131 deaths since January", published in March: the running total as of the day, not January's figure
    for text, language in (
        ("The health office said 131 people had died of dengue since January.", "en"),
        ("Dinas kesehatan mencatat 131 kematian akibat DBD sejak Januari.", "id"),
    ):
        (deaths,) = claims_of(text, published="2024-03-13", language=language)
        assert deaths.period.label == "2024-03-13", text


def test_a_stretch_to_the_start_of_a_month_is_the_running_total_to_it(claims_of):
    for text, language in (
        ("West Java recorded 20,870 dengue cases from January to early March 2024.", "en"),
        ("Jawa Barat mencatat 20.870 kasus DBD sejak Januari hingga awal Maret 2024.", "id"),
    ):
        (cases,) = claims_of(text, published="2024-03-12", language=language)
        assert (cases.period.label, cases.period.cumulative) == ("2024-03", True), text


def test_a_day_a_running_total_reaches_dates_it_beside_a_speech_verb(claims_of):
    (total,) = claims_of(
        "Bapanas menyebut penyaluran beras hingga 20 Februari 2024 telah mencapai 1,6 juta ton.",
        published="2024-02-21",
    )
    assert total.period.label == "2024-02-20"  # not when Bapanas spoke
