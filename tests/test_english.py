"""English copy at parity with Indonesian: the same figures meet, and messages write numbers back in English."""

from __future__ import annotations

import pytest

from factcheck.api import claims
from factcheck.check import Options, run_check

WIRE = """---
published: 2024-07-02
language: en
outlet: Jakarta Daily
---
JAKARTA — The number of poor people in Indonesia fell to 25.22 million in March 2024, """ + (
    "down 0.68 million from March 2023, Statistics Indonesia (BPS) said on Monday.\n"
)
DAILY = """---
published: 2024-07-05
language: en
outlet: Asia Wire
---
The number of poor people reached 25.9 million in March 2024, according to BPS.
"""
REVIEW = """---
published: 2024-07-09
language: en
outlet: Market Review
---
Poor people in Indonesia numbered 25.22 million in March 2024, according to BPS, """ + (
    "a fall of 4.5 percent from 25.90 million a year earlier.\n"
)


def test_english_articles_disagreeing_on_one_figure_are_flagged(write):
    report = run_check([str(write({"a.md": WIRE, "b.md": DAILY}))], Options())
    (conflict,) = [f for f in report.findings if f.rule == "FC101"]
    assert {" ".join(e.text.split()) for e in conflict.evidence} == {"25.22 million", "25.9 million"}


def test_a_computed_change_is_written_the_english_way(write):
    report = run_check([str(write({"c.md": REVIEW}))], Options())
    (change,) = [f for f in report.findings if f.rule == "FC501"]
    assert change.message.endswith("the values give -2.6%")  # not "-2,6 persen"


TRADE_WIRE = """---
published: 2024-11-15
language: en
outlet: Wire
---
JAKARTA, Nov 15 - Indonesia's exports in October rose 10.3% from a year earlier to $24.4 billion, Statistics """ + (
    "Indonesia said on Friday.\n\nImports rose 17.5% to $21.9 billion, leaving a trade surplus of $2.5 billion for "
    "the month, compared with $3.3 billion in September.\n"
)
TRADE_DAILY = """---
published: 2024-11-16
language: en
outlet: Daily
---
Indonesia booked a trade surplus of $2.9 billion in October, down from $3.3 billion in September, the statistics """ + (
    "agency reported on Friday.\n"
)


def test_a_base_compared_with_another_figure_is_not_the_changes(write):
    report = run_check([str(write({"a.md": TRADE_WIRE, "b.md": TRADE_DAILY}))], Options())
    assert not [f for f in report.findings if f.rule == "FC501"]  # 17.5% is no change from the surplus's $3.3 billion
    (conflict,) = [f for f in report.findings if f.rule == "FC101"]  # the October surplus, dated by the paragraph
    assert {" ".join(e.text.split()) for e in conflict.evidence} == {"$2.5 billion", "$2.9 billion"}


def test_english_province_names_are_scopes_and_recorded_counts_are_levels(write):
    from factcheck.api import claims

    text = (
        "---\npublished: 2024-09-12\nlanguage: en\n---\nIndonesia recorded 88,593 dengue cases as of week 36 of "
        "2024. In West Java the count reached 21,400 cases, and the Riau Islands reported 1,200.\n"
    )
    found, _ = claims([str(write({"a.md": text}))])
    by_text = {c.text: c for c in found}
    assert by_text["88,593"].modality == "actual"  # "recorded" a count: no change
    assert by_text["21,400"].scope == "Jawa Barat" and by_text["1,200"].scope == "Kepulauan Riau"


def test_the_one_date_of_a_sentence_dates_a_figure_after_it(write):
    wire = (
        "---\npublished: 2024-09-12\nlanguage: en\n---\nIndonesia recorded 88,593 dengue cases as of week 36 of "
        "2024, the health ministry said, up from 56,000 a year earlier, with 621 deaths.\n"
    )
    daily = (
        "---\npublished: 2024-09-13\nlanguage: en\n---\nThe health ministry reported 88,593 dengue cases "
        "nationwide as of week 36 of 2024, with 712 deaths.\n"
    )
    report = run_check([str(write({"a.md": wire, "b.md": daily}))], Options())
    (conflict,) = [f for f in report.findings if f.rule == "FC101"]
    assert {" ".join(e.text.split()) for e in conflict.evidence} == {"621", "712"}


def test_a_past_verb_ends_the_subject_and_a_participle_names_what_is_counted(claims_of):
    found = claims_of(
        "West Java accounted for the highest number of dengue cases, with 21,400. "
        "The number of confirmed cases reached 3,400 in May. "
        "About 7.2 million people were unemployed in February.",
        published="2024-07-02",
        language="en",
    )
    assert [(c.text, c.metric) for c in found] == [
        ("21,400", "dengue cases"),
        ("3,400", "confirmed cases"),
        ("7.2 million", "pengangguran"),  # a word the lexicon's metrics use is no verb, whatever its ending
    ]


def test_one_years_inflation_in_english_and_indonesian_meets(write):
    english = (
        "---\npublished: 2024-05-03\nlanguage: en\n---\nAnnual inflation eased to 3.00 percent in April 2024, "
        "the statistics agency said.\n"
    )
    indonesian = "---\npublished: 2024-05-04\n---\nInflasi April 2024 sebesar 3,20 persen (yoy), menurut BPS.\n"
    report = run_check([str(write({"a.md": english, "b.md": indonesian}))], Options())
    (conflict,) = [f for f in report.findings if f.rule == "FC101"]
    assert {" ".join(e.text.split()) for e in conflict.evidence} == {"3.00 percent", "3,20 persen"}


def test_a_possessive_and_an_inflation_rate_do_not_lengthen_the_metric(claims_of):
    rate, policy, mothers = claims_of(
        "Indonesia's annual inflation rate slowed to 2.84% in April 2024. "
        "Bank Indonesia kept its benchmark rate unchanged at 6.25% in April 2024. "
        "The maternal mortality rate stood at 189 per 100,000 live births in 2020.",
        published="2024-05-02",
        language="en",
    )
    assert (rate.metric, policy.metric) == ("inflasi yoy", "suku-bunga-acuan")
    assert mothers.metric == "angka-kematian-ibu"


def test_a_present_linking_verb_ends_the_subject(claims_of):
    ratio, victims = claims_of(
        "The electrification ratio stands at 99.7 percent. The number of victims now totals 45 people.",
        published="2024-07-02",
        language="en",
    )
    assert (ratio.metric, victims.metric) == ("electrification ratio", "victims")


def test_an_airport_named_before_its_venue_word_is_the_scope_and_two_reports_of_it_meet(write):
    wire = (
        "---\npublished: 2024-07-18\nlanguage: en\n---\nSoekarno-Hatta International Airport handled "
        "26.3 million passengers in the first half of 2024, the operator said.\n"
    )
    daily = (
        "---\npublished: 2024-07-25\nlanguage: en\n---\nPassenger numbers at Soekarno-Hatta International "
        "Airport rose to 28.1 million in the first half of 2024. Juanda International Airport in Surabaya "
        "served 9.2 million passengers.\n"
    )
    report = run_check([str(write({"a.md": wire, "b.md": daily}))], Options())
    (conflict,) = [f for f in report.findings if f.rule == "FC101"]
    assert {" ".join(e.text.split()) for e in conflict.evidence} == {"26.3 million", "28.1 million"}


def test_what_a_unit_of_measure_measures_is_the_metric(claims_of):
    imported, sold, produced = claims_of(
        "Indonesia imported 2.1 million tonnes of rice in 2023. PLN sold 70.4 TWh of electricity in 2024. "
        "Rice production reached 31.5 million tonnes in 2023.",
        published="2024-07-02",
        language="en",
    )
    assert (imported.metric, sold.metric, produced.metric) == ("rice", "electricity", "rice production")
    (beras, hutan) = claims_of("Indonesia mengimpor 2,1 juta ton beras pada 2023. Kebakaran melanda 500 hektare hutan.")
    assert (beras.metric, hutan.metric) == ("beras", "hutan")


def test_a_bound_before_a_figure_is_neither_a_comparison_nor_its_subject(claims_of):
    more, least = claims_of(
        "More than 30 patients died in March. At least 12 people died in April.",
        published="2024-07-02",
        language="en",
    )
    assert (more.metric, more.period.label, more.baseline) == ("kematian", "2024-03", False)
    assert (least.metric, least.scope, least.period.label) == ("kematian", "", "2024-04")


def test_the_dead_written_as_a_state_of_people_are_one_count(write):
    daily = (
        "---\npublished: 2024-04-15\n---\nDinas Kesehatan Provinsi Jawa Tengah mencatat 8.412 kasus DBD "
        "sepanjang Januari-Maret 2024. Dari jumlah tersebut, 97 pasien meninggal dunia.\n"
    )
    weekly = (
        "---\npublished: 2024-04-18\n---\nHingga akhir Maret 2024, tercatat 8.412 kasus DBD di Jawa Tengah "
        "dengan 79 kematian sepanjang Januari-Maret 2024.\n"
    )
    report = run_check([str(write({"a.md": daily, "b.md": weekly}))], Options())
    (conflict,) = [f for f in report.findings if f.rule == "FC101"]
    assert {" ".join(e.text.split()) for e in conflict.evidence} == {"97", "79"}


def test_a_new_level_after_its_change_takes_the_changes_subject(claims_of):
    profit, change, loans = claims_of(
        "The bank booked a net profit of Rp 45.4 trillion in 2024.\n\n"
        "Total loans grew 8.2 percent to Rp 1,330 trillion.",
        published="2024-10-30",
        language="en",
    )
    assert (profit.metric, change.metric, loans.metric) == ("laba-bersih", "kredit", "kredit")


def test_a_stretch_opened_by_from_and_a_base_after_from_keep_their_subjects(claims_of):
    surplus, base, level, part = claims_of(
        "From January to October, the country booked a cumulative surplus of US$25.9 billion.\n\n"
        "Exports fell from US$24 billion in September to US$22.1 billion in October. "
        "Non-oil exports accounted for US$20.9 billion in October.",
        published="2024-11-15",
        language="en",
    )
    assert (surplus.period.label, surplus.baseline) == ("2024-01/2024-10", False)
    assert (base.metric, base.baseline, level.metric) == ("ekspor", True, "ekspor")
    assert part.metric != surplus.metric  # "accounted for" links its own subject, not the sentence before


def test_people_and_what_they_did_name_the_count_not_the_sentence_before(claims_of):
    rain, dead, evacuated = claims_of(
        "Rainfall reached 150 millimeters in 24 hours. Two people died in the floods. "
        "In East Jakarta, where 1,850 people were evacuated, water reached the roofs.",
        published="2025-01-30",
        language="en",
    )
    assert rain.metric == "rainfall"  # a unit of measure is no metric
    assert dead.metric == "kematian"
    assert evacuated.metric == "pengungsi"  # not "where", not the rainfall


def test_an_english_ministry_in_either_order_is_the_indonesian_one_and_a_ministers_title_no_misspelling(write):
    english = (
        "---\npublished: 2024-09-10\nlanguage: en\n---\nThe Health Ministry said 4.2 million children had received "
        "the polio vaccine as of September 8, 2024.\n\nHealth Minister Budi Santoso said the ministry aims to reach "
        "95 percent coverage by the end of September.\n"
    )
    headline = (
        "---\ntitle: Cakupan Imunisasi Polio Capai 82 Persen\npublished: 2024-09-11\n---\nMenurut data terbaru.\n"
    )
    folder = write({"a.md": english, "b.md": headline})
    found, _ = claims([str(folder)])
    assert {c.entity for c in found if c.article_id == "a.md"} == {"Kementerian Kesehatan"}
    assert [c.entity for c in found if c.article_id == "b.md"] == [""]  # a headline's capitals name no one
    report = run_check([str(folder)], Options())
    assert not [f for f in report.findings if f.rule == "FC901"]  # "Health Minister" is a title, no misspelling


def test_an_expectation_is_a_projection_and_a_target_a_goal(claims_of):
    expected, targeted = claims_of(
        "The provincial government expects tourism revenue of Rp 107 trillion in 2025. "
        "The ministry targets 14 million foreign tourists in 2025.",
        published="2024-10-21",
        language="en",
    )
    assert (expected.modality, targeted.modality) == ("projection", "target")


def test_the_budget_deficit_in_english_and_indonesian_meets(write):
    indonesian = (
        "---\npublished: 2025-01-07\n---\nKementerian Keuangan mencatat defisit APBN 2024 sebesar Rp 507,8 triliun. "
        "Realisasi pendapatan negara mencapai Rp 2.842,5 triliun.\n"
    )
    english = (
        "---\npublished: 2025-01-07\nlanguage: en\n---\nIndonesia's state budget deficit in 2024 reached "
        "Rp 570.8 trillion, the Finance Ministry said. State revenue totalled Rp 2,842.5 trillion.\n"
    )
    report = run_check([str(write({"a.md": indonesian, "b.md": english}))], Options())
    (conflict,) = [f for f in report.findings if f.rule == "FC101"]
    assert {" ".join(e.text.split()) for e in conflict.evidence} == {"Rp 507,8 triliun", "Rp 570.8 trillion"}


def test_a_month_earlier_is_the_month_before_the_one_the_paragraph_named(write):
    text = (
        "---\npublished: 2024-05-20\nlanguage: en\n---\nExports of crude palm oil reached 310,000 tonnes in March, "
        "the association said. Export value climbed to US$2.1 billion from US$1.6 billion a month earlier.\n"
    )
    folder = write({"a.md": text})
    found, _ = claims([str(folder)])
    assert [(c.text, c.period.label) for c in found if c.unit == "USD"] == [
        ("US$2.1 billion", "2024-03"),
        ("US$1.6 billion", "2024-02"),
    ]
    report = run_check([str(folder)], Options())
    assert not report.findings  # "climbed to X from Y": no fall


def test_the_bounds_of_an_age_group_are_no_figures(claims_of):
    found = claims_of(
        "The labour force participation rate rose to 69.80 percent in February 2024.\n\n"
        "Youth unemployment, among those aged 15-24, stood at 16.4 percent.",
        published="2024-05-06",
        language="en",
    )
    assert [(c.text, c.metric) for c in found] == [
        ("69.80 percent", "tingkat-partisipasi-angkatan-kerja"),
        ("16.4 percent", "youth unemployment"),
    ]


def test_a_present_verb_before_its_figure_is_no_part_of_the_subject(claims_of):
    (rice,) = claims_of(
        "Each household receives 10 kilograms of rice per month.", published="2024-03-12", language="en"
    )
    assert rice.metric == "rice"


def test_an_adjective_before_people_names_what_they_are_counted_as(write):
    jobless = (
        "---\npublished: 2024-11-08\nlanguage: en\noutlet: Harbour Post\n---\n"
        "The number of jobless Indonesians fell to 7.74 million in August 2024, according to BPS.\n"
    )
    unemployed = (
        "---\npublished: 2024-11-06\nlanguage: en\noutlet: Capital Wire\n---\n"
        "Indonesia's unemployed people numbered 7.47 million in August 2024, Statistics Indonesia (BPS) said.\n"
    )
    report = run_check([str(write({"a.md": jobless, "b.md": unemployed}))], Options())
    (conflict,) = [f for f in report.findings if f.rule == "FC101"]
    # "Indonesians" counts the jobless, it does not narrow them
    assert {e.text for e in conflict.evidence} == {"7.74 million", "7.47 million"}


def test_a_present_tense_headline_verb_is_a_change_and_after_opens_a_clause(claims_of):
    (slip,) = claims_of("Indonesia's coal exports slip 4 percent in first half of 2024", language="en")
    assert (slip.modality, slip.direction) == ("change", "fall")
    (earnings,) = claims_of(
        "Miners brace for a weak second half after export earnings fell to US$14.6 billion in the first half of 2024.",
        language="en",
    )
    assert earnings.metric == "ekspor"  # not "after export earnings"


def test_people_who_remained_in_a_state_are_counted_as_it(claims_of):
    (remained,) = claims_of("Some 2.3 million people remained in extreme poverty in September 2024.", language="en")
    assert remained.metric == "penduduk-miskin extreme"  # a count of the extreme poor, not of "people"


def test_national_offices_are_one_entity_in_either_language_and_any_of_their_names(write):
    from factcheck.api import claims as claims_of_paths

    folder = write(
        {
            "a.md": "---\npublished: 2024-07-16\nlanguage: en\n---\n"
            "The Energy and Mineral Resources Ministry said coal output reached 412 million tonnes in January-June.\n",
            "b.md": "---\npublished: 2024-07-16\n---\n"
            "Kementerian ESDM mencatat produksi batu bara Januari-Juni 2024 mencapai 412 juta ton.\n",
            "c.md": "---\npublished: 2024-07-16\n---\n"
            "Badan Nasional Penanggulangan Bencana (BNPB) mencatat 1.210 bencana pada Januari-Juni 2024.\n",
            "d.md": "---\npublished: 2024-07-16\nlanguage: en\n---\n"
            "The National Disaster Management Agency recorded 1,210 disasters in January-June.\n",
            "e.md": "---\npublished: 2024-05-22\nlanguage: en\n---\n"
            "BPJS Employment had 42.5 million active members in April 2024, and 6.9 million non-wage earners.\n",
        }
    )
    found, _ = claims_of_paths([str(folder)])
    assert [c.entity for c in found] == [
        "Kementerian ESDM",
        "Kementerian ESDM",
        "BNPB",
        "BNPB",
        *["BPJS Ketenagakerjaan"] * 2,
    ]
    assert found[-1].metric == "peserta-aktif bpu"  # non-wage earners are the informal segment


def test_a_relative_clause_set_off_by_commas_is_no_subject(claims_of):
    (core,) = claims_of(
        "Core inflation, which strips out volatile food and administered prices, stood at 2.02 percent in August 2024.",
        language="en",
    )
    assert core.metric == "inflasi inti"  # not "administered prices"
    (inti,) = claims_of("Inflasi inti, yang tidak memasukkan harga bergejolak, mencapai 2,02 persen pada Agustus 2024.")
    assert inti.metric == "inflasi inti"  # not "harga"


def test_a_synonym_with_a_function_word_inside_is_found_as_a_phrase_reads_it(claims_of):
    (poor,) = claims_of("People in poverty numbered 24.06 million in September 2024.", language="en")
    assert poor.metric == "penduduk-miskin"  # "people in poverty", though the phrase drops "in"
    (funds,) = claims_of("Dana yang dikelola BPJS Ketenagakerjaan mencapai Rp 745 triliun pada April 2024.")
    assert funds.metric == "dana-kelolaan"


@pytest.mark.parametrize(
    "subject", ["People living in poverty", "The number of people who live in poverty", "Indonesians living in poverty"]
)
def test_a_clause_that_puts_the_noun_in_a_state_names_the_metric(claims_of, subject):
    (poor,) = claims_of(f"{subject} fell to 24.06 million in September 2024.", language="en")
    assert poor.metric == "penduduk-miskin"  # not "people living", "live"


def test_a_clause_that_only_places_the_noun_changes_nothing(claims_of):
    (urban,) = claims_of("Penduduk yang tinggal di perkotaan mencapai 150 juta orang pada 2024.")
    assert urban.metric.split()[0] == "penduduk"


def test_core_inflation_is_inflasi_inti_and_core_alone_names_nothing(claims_of):
    (core,) = claims_of("Core inflation stood at 2.02 percent in August 2024.", language="en")
    (inti,) = claims_of("Inflasi inti pada Agustus 2024 sebesar 2,02 persen.")
    assert core.metric == inti.metric == "inflasi inti"
    (capital,) = claims_of("The core capital ratio was 25.1 percent in June 2024.", language="en")
    assert capital.metric == "core capital ratio"  # a component word before an unknown metric is part of its name


@pytest.mark.parametrize(
    ("text", "direction"),
    [
        ("Exports posted a 5.2 percent rise in June 2024.", "rise"),
        ("Car sales marked an 8% drop in June 2024.", "fall"),
        ("The economy grew 5.05 percent in 2023, after a 5.31-percent expansion in 2022.", "rise"),
    ],
)
def test_a_direction_noun_after_a_percentage_names_its_change(claims_of, text, direction):
    found = claims_of(text, language="en")
    assert found[-1].modality == "change" and found[-1].direction == direction


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("In June 2024 Bali welcomed 522,141 foreign tourists, a 4.1 percent increase from May.", "en"),
        ("Pada Juni 2024 kunjungan wisman ke Bali tercatat 522.141 kunjungan, naik 4,1 persen dibandingkan Mei.", "id"),
    ],
)
def test_a_month_named_without_its_year_after_from_is_the_base_of_the_change(claims_of, text, language):
    level, change = claims_of(text, language=language)
    assert change.modality == "change"
    assert change.period.label == level.period.label == "2024-06"  # not May, what the change is measured from


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Bali recorded 2.65 million international arrivals between January and June 2024.", "en"),
        ("Kunjungan wisman ke Bali antara Januari dan Juni 2024 mencapai 2,65 juta kunjungan.", "id"),
    ],
)
def test_between_two_months_is_the_stretch_from_one_to_the_other(claims_of, text, language):
    (arrivals,) = claims_of(text, language=language)
    assert arrivals.period.label == "2024-H1"
    assert arrivals.metric == "wisman"  # "international arrivals": the measure word completes the name


def test_two_months_joined_by_and_without_between_are_no_stretch(claims_of):
    (exports,) = claims_of("Exports reached 20 billion dollars in January and June 2024.", language="en")
    assert exports.period.label not in ("2024-01/2024-06", "2024-H1")


def test_a_change_against_a_year_is_dated_with_its_level_not_the_year_compared(claims_of):
    level, change, base = claims_of(
        "BPS memperkirakan produksi beras sepanjang 2024 mencapai 30,34 juta ton, turun 2,43 persen dibandingkan "
        "2023 yang sebesar 31,10 juta ton."
    )
    assert (level.period.label, change.period.label, base.period.label) == ("2024", "2024", "2023")
    assert change.base_period is not None and change.base_period.label == "2023"


def test_a_projected_new_level_is_still_the_level_its_change_leads_to(claims_of):
    change, level = claims_of("Produksi beras diperkirakan turun 2,43 persen pada tahun ini menjadi 30,34 juta ton.")
    assert level.modality == "projection" and level.metric == change.metric == "produksi beras"
    assert "level" in change.links


def test_an_estimated_figure_has_no_reporter_before_it(claims_of):
    level, base = claims_of(
        "Rice output will decline to an estimated 30.34 million tonnes in 2024 from 31.1 million tonnes in 2023.",
        language="en",
    )
    assert level.metric == base.metric == "rice output"  # "estimated" reports nothing here
    assert level.modality == "projection"


def test_a_headlines_present_tense_movement_is_no_part_of_the_metric(claims_of):
    (headline, body) = claims_of(
        "Indonesia's open unemployment rate fell to 5.32 percent in August 2023.",
        published="2023-11-06",
        language="en",
        title="Unemployment rate edges down to 5.32%",
    )
    assert headline.in_title and headline.metric == body.metric


def test_a_level_foreseen_by_someone_is_a_projection_not_a_second_reading(claims_of):
    found = claims_of(
        "Indonesia posted a trade surplus of $2.41 billion in October 2023, smaller than the $3.1 billion "
        "expected by analysts in a Reuters poll. Some 5 million people estimated to live on the coast were warned.",
        language="en",
    )
    modality = {c.text: c.modality for c in found}
    assert modality["$2.41 billion"] == "actual"
    assert modality["$3.1 billion"] == "projection"
    assert modality["5 million"] == "actual"  # an estimate with no one named who made it is the figure itself


def test_an_indonesian_forecast_after_the_figure_is_a_projection(claims_of):
    found = claims_of(
        "Surplus neraca perdagangan Oktober 2023 sebesar 2,41 miliar dolar AS, di bawah 3,1 miliar dolar AS "
        "yang diperkirakan oleh para ekonom."
    )
    assert {c.text: c.modality for c in found}["3,1 miliar dolar AS"] == "projection"


def test_the_same_period_of_a_named_year_is_that_years_stretch(claims_of):
    found = claims_of(
        "From January to July 2024, foreign arrivals reached 7.46 million, a 20.2 percent increase from the "
        "same period in 2023.",
        published="2024-08-02",
        language="en",
    )
    (change,) = [c for c in found if c.unit == "percent"]
    assert change.base_period is not None and change.base_period.label == "2023-01/2023-07"


def test_the_words_before_number_of_do_not_name_what_is_counted(claims_of):
    found = claims_of(
        "Indonesia received 1.03 million foreign arrivals in July 2024. The cumulative number of foreign arrivals "
        "in January-July stood at 7.46 million, while the average number of foreign arrivals per day was 34,000.",
        published="2024-08-02",
        language="en",
    )
    metric = {c.text: c.metric for c in found}
    assert metric["7.46 million"] == metric["1.03 million"]  # "cumulative" is said by the period
    assert metric["34,000"] != metric["1.03 million"]  # an average is another figure


def test_there_is_no_metric(claims_of):
    found = claims_of(
        "Foreign tourist visits totaled 1.03 million in July 2024, up 18.5 percent from July 2023, when there were "
        "0.87 million visits.",
        published="2024-08-02",
        language="en",
    )
    assert len({c.metric for c in found}) == 1


def test_a_place_does_not_reach_past_while_into_the_next_clause(claims_of):
    found = claims_of(
        "Foreign arrivals to Indonesia rose in July 2024. Bali alone received 625,665 foreign visitors in July, the "
        "ministry said, while foreign arrivals in January-July stood at 7.46 million.",
        published="2024-08-02",
        language="en",
    )
    scope = {c.text: c.scope for c in found}
    assert scope["625,665"] == "Bali" and not scope["7.46 million"].startswith("Bali")


def test_prices_of_two_goods_are_two_metrics(write):
    head = "---\npublished: 2024-04-02\nlanguage: en\n---\n"
    first = head + "The price of medium rice rose to Rp 13,500 per kg in March 2024.\n"
    second = head + "The price of premium rice reached Rp 15,200 per kg in March 2024.\n"
    report = run_check([str(write({"a.md": first, "b.md": second}))], Options())
    assert not [f for f in report.findings if f.rule == "FC101"]


def test_the_rate_of_a_thing_is_the_things_rate(claims_of):
    (claim,) = claims_of("The rate of unemployment stood at 4.8 percent in August 2024.", language="en")
    assert claim.metric == "tingkat-pengangguran-terbuka"


def test_a_count_fewer_than_before_is_a_fall_of_the_figure_named_before(claims_of):
    found = claims_of(
        "There were 7.20 million unemployed people in February 2024, 790,000 fewer than in February 2023.",
        language="en",
    )
    level, change = found
    assert (change.modality, change.direction, change.metric) == ("change", "fall", level.metric)


def test_a_place_after_the_sentence_that_named_a_speaker_is_a_scope(claims_of):
    found = claims_of(
        "JAKARTA - Indonesia's unemployment rate was 4.82 percent in February 2024, BPS said.\n\n"
        "In Jakarta, the unemployment rate stood at 6.03 percent.",
        language="en",
    )
    assert [c.scope for c in found] == ["", "DKI Jakarta"]


def test_down_from_a_lower_figure_is_a_rise_called_a_fall(write):
    text = (
        "---\npublished: 2024-11-15\nlanguage: en\n---\nIndonesia posted a trade surplus of $3.26 billion in "
        "October 2024, down from $2.78 billion in September, the statistics bureau said.\n"
    )
    honest = text.replace("$3.26 billion", "$2.41 billion")
    report = run_check([str(write({"a.md": text, "b.md": honest.replace("a.md", "b.md")}))], Options())
    (trend,) = [f for f in report.findings if f.rule == "FC401"]
    assert "a.md" in {e.article for e in trend.evidence}
    assert "trade balance fell" in trend.message  # the metric named in the report's language


def test_what_follows_a_possessive_is_what_is_counted(claims_of):
    found = claims_of(
        "The bank's non-performing loan ratio improved to 1.03 percent in June 2024. Its loan book expanded "
        "19.5 percent to Rp 1,545 trillion as of June 2024.",
        language="en",
    )
    assert {c.text: c.metric for c in found} == {
        "1.03 percent": "npl",
        "19.5 percent": "kredit",
        "Rp 1,545 trillion": "kredit",
    }
