"""What each figure is about: metric, entity and scope, period, modality, links."""

from __future__ import annotations

import pytest


def test_metric_synonyms_and_the_nya_suffix(claims_of):
    (formal,) = claims_of("Dari seluruh peserta aktif, pekerja formalnya tercatat 27,8 juta pada Mei 2023.")
    assert formal.metric == "peserta-aktif pu"  # a segment of active participants
    (informal,) = claims_of("Jumlah pekerja bukan penerima upah (BPU) sebanyak 9,3 juta pada Desember 2023.")
    assert informal.metric == "peserta-aktif bpu"


def test_unknown_metric_keeps_its_head_noun(claims_of):
    (claim,) = claims_of("Program ini menjangkau 240 koperasi pada 2024.")
    assert claim.metric == "koperasi"


def test_target_and_actual(claims_of):
    target, actual = claims_of(
        "BPJS Ketenagakerjaan menargetkan 45 juta peserta aktif pada 2024. "
        "Hingga Januari 2024, peserta aktif tercatat 38,1 juta, kami optimis mencapai target."
    )
    assert (target.modality, target.period.label) == ("target", "2024")
    assert (actual.modality, actual.period.label) == ("actual", "2024-01")


def test_change_is_tied_to_its_level(claims_of):
    level, change = claims_of(
        "Hingga Maret 2024, peserta aktif sebanyak 39,1 juta atau meningkat 6,2 persen "
        "dari periode yang sama tahun sebelumnya.",
        published="2024-04-20",
    )
    assert (change.modality, change.direction, change.metric) == ("change", "rise", "peserta-aktif")
    assert change.period == level.period
    assert change.base_period is not None and change.base_period.label == "2023-03"  # the same month a year before


def test_share_is_tied_to_its_count(claims_of):
    share, count = claims_of("Yang terdaftar sebagai peserta baru 30 persen atau sekitar 330 ribu orang.")
    assert share.modality == "share"
    assert share.links["count"] == count.index and count.links["share"] == share.index
    assert count.metric == share.metric == "peserta"


def test_branch_scope_and_national_scope(claims_of):
    branch, national = claims_of(
        "Jumlah peserta aktif cabang Bandung hingga September 2023 sebanyak 412 ribu pekerja.\n\n"
        "Di tingkat nasional, hingga September 2023, jumlah peserta aktif BPJS Ketenagakerjaan adalah 37,2 juta."
    )
    assert branch.scope == "Bandung"
    assert national.scope == ""


def test_scope_in_a_speakers_title_is_not_the_figures(claims_of):
    (claim,) = claims_of(
        "Dana investasi BPJS Ketenagakerjaan per Desember 2023 mencapai Rp 752 triliun, kata "
        "Kepala Kantor Wilayah BPJS Ketenagakerjaan Jawa Timur Bambang Setiawan."
    )
    assert claim.scope == ""


def test_entity_aliases_map_to_one_name(claims_of):
    first, second = claims_of(
        "BPJAMSOSTEK mencatat 35,6 juta peserta aktif pada September 2022. "
        "BP Jamsostek menargetkan 70 juta peserta aktif pada 2026."
    )
    assert first.entity == second.entity == "BPJS Ketenagakerjaan"


def test_current_cue_with_an_old_date(claims_of):
    (claim,) = claims_of('"Peserta informal kini ada 8,4 juta per Maret 2023," ujarnya.', published="2024-04-10")
    assert claim.current_cue == "kini"
    assert claim.period.label == "2023-03"


def test_relative_periods_resolve_against_publication(claims_of):
    now, before = claims_of(
        "Peserta penerima upah sekarang 24,6 juta dibanding 22,1 juta tahun lalu.", published="2024-05-02"
    )
    assert now.period.granularity == "current"
    assert before.period.label == "2023"
    assert now.links["compared"] == before.index


def test_headline_figures_are_marked(claims_of):
    title, body = claims_of(
        "Hingga September 2023, jumlah peserta aktif mencapai 37,2 juta pekerja.",
        title="Peserta Aktif Tembus 37,2 Juta",
    )
    assert title.in_title and not body.in_title


def test_a_rate_keeps_its_base_in_the_unit(claims_of):
    (claim,) = claims_of("Angka kematian ibu (AKI) pada 2023 sebesar 189 per 100.000 kelahiran hidup.")
    assert (claim.text, claim.unit, claim.metric) == ("189 per 100.000", "per 100000", "angka-kematian-ibu")


def test_a_broad_metric_is_narrowed_by_its_noun(claims_of):
    health, education = claims_of(
        "Anggaran kesehatan pada 2024 sebesar Rp 186,4 triliun, sedangkan anggaran "
        "pendidikan pada 2024 sebesar Rp 665 triliun."
    )
    assert (health.metric, education.metric) == ("anggaran kesehatan", "anggaran pendidikan")
    spelled, short = claims_of(
        "Klaim Jaminan Hari Tua (JHT) sepanjang 2023 sebesar Rp 47 triliun. "
        "Klaim JHT sepanjang 2022 sebesar Rp 41,8 triliun."
    )
    assert spelled.metric == short.metric == "klaim jht"


def test_one_period_dates_the_whole_sentence(claims_of):
    money, people = claims_of(
        "BPJS Ketenagakerjaan membayar klaim Rp 47 triliun kepada 3,6 juta peserta sepanjang 2023."
    )
    assert money.period.label == people.period.label == "2023"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "Pemerintah menargetkan angka kemiskinan turun menjadi 7,5 persen pada 2025. "
            "Pada Februari, angka pengangguran tercatat 5,3 persen.",
            "id",
        ),
        (
            "The government aims to cut the poverty rate to 7.5 percent by 2025. "
            "Unemployment stood at 5.3 percent in February.",
            "en",
        ),
    ],
)
def test_a_target_year_does_not_date_the_actual_figures_after_it(claims_of, text, language):
    target, actual = claims_of(text, published="2024-07-02", language=language)
    assert (target.modality, target.period.label) == ("target", "2025")
    assert (actual.modality, actual.period.label) == ("actual", "2024-02")  # February before the article, not 2025's


def test_english_targets_dates_and_currency_conversions(claims_of):
    found = claims_of(
        "JAKARTA, May 6 (Reuters) - The agency aims to sign up 45 million active members by the end of 2024. "
        "It paid out Rp 47 trillion (US$3 billion) in claims last year.",
        published="2024-05-06",
        language="en",
    )
    assert [c.text for c in found] == ["45 million", "Rp 47 trillion"]  # no "6" from the dateline, no conversion
    assert (found[0].modality, found[0].period.label) == ("target", "2024-end")


def test_an_undated_base_takes_the_articles_comparison(claims_of):
    found = claims_of(
        "Jumlah pengangguran pada Februari 2025 sebanyak 7,28 juta orang, naik 83 ribu orang "
        "dibandingkan Februari 2024.\n\n"
        "Tingkat partisipasi angkatan kerja (TPAK) naik dari 69,80 persen menjadi 70,60 persen.",
        published="2025-05-06",
    )
    base = next(c for c in found if c.text == "69,80 persen")
    assert base.baseline and base.period is not None and base.period.label == "2024-02"
    assert base.evidence["period"] == "article comparison"


def test_an_undated_base_stays_undated_when_the_article_compares_two_ways(claims_of):
    found = claims_of(
        "Jumlah pengangguran pada Februari 2025 sebanyak 7,28 juta orang, naik 83 ribu orang "
        "dibandingkan Februari 2024, dan naik 10 ribu orang dibandingkan Agustus 2024.\n\n"
        "TPAK naik dari 69,80 persen menjadi 70,60 persen.",
        published="2025-05-06",
    )
    base = next(c for c in found if c.text == "69,80 persen")
    assert base.period is None


def test_a_list_header_names_the_metric_and_the_years_of_its_rows(claims_of):
    found = claims_of(
        "Di provinsi dengan populasi terbanyak, angka stunting dari tahun 2021 ke 2022 turun sebagai berikut:\n\n"
        "1. Jawa Barat dari 24,5 persen menjadi 20,2 persen\n\n"
        "2. Jawa Timur 23,5 persen menjadi 19,2 persen.",
        published="2023-02-01",
    )
    rows = {c.text: c for c in found}
    assert rows["24,5 persen"].metric == rows["20,2 persen"].metric == "prevalensi-stunting"
    assert (rows["24,5 persen"].period.label, rows["20,2 persen"].period.label) == ("2021", "2022")
    assert rows["23,5 persen"].scope == "Jawa Timur"


def test_the_line_of_a_partition_is_the_reference_that_reaches_furthest(claims_of):
    (loose,) = claims_of(
        "Sebanyak 12 provinsi memiliki prevalensi stunting di atas rata-rata angka nasional pada 2023."
    )
    (plain,) = claims_of("Sebanyak 12 provinsi memiliki prevalensi stunting di atas rata-rata nasional pada 2023.")
    assert loose.metric == plain.metric == "wilayah above-nasional prevalensi-stunting"


def test_a_demonstrative_points_back_to_the_segment_named_before(claims_of):
    found = claims_of(
        "Program JHT dengan jumlah peserta terbanyak mengalami tren yang sama. "
        "Jumlah peserta program itu pada 2020 sebanyak 36,4 juta orang."
    )
    (claim,) = [c for c in found if c.text == "36,4 juta"]
    assert claim.metric == "peserta jht"


def test_without_a_segment_before_the_demonstrative_changes_nothing(claims_of):
    (claim,) = claims_of("Jumlah peserta program itu pada 2020 sebanyak 36,4 juta orang.")
    assert claim.metric == "peserta"


def test_person_names_after_titles_and_passive_speech(lexicon):
    from factcheck.extract import extract
    from factcheck.models import Article

    text = (
        "Hal itu disampaikan oleh Kepala Dinas Tenaga Kerja Kota Medan, Rizal Pratama Nasution, dalam rapat.\n\n"
        "Kepala Kantor Wilayah BPJS Ketenagakerjaan Jawa Timur Bambang Setiawan meninjau pelayanan.\n\n"
        "Kepala BPS Sebut Angka Pengangguran Turun Jadi 7,4 Juta Orang\n"
    )
    article = Article(id="a.md", path="a.md", text=text, published=None, language="id")
    persons = {m.text: m for m in extract(article, lexicon).mentions if m.kind == "person"}
    assert set(persons) == {"Rizal Pratama Nasution", "Bambang Setiawan"}  # a headline names nobody
    assert persons["Rizal Pratama Nasution"].places == ("Kota Medan",)  # the title's place, not the name's
    assert "BPJS Ketenagakerjaan" in persons["Bambang Setiawan"].context
    assert persons["Bambang Setiawan"].places == ("Jawa Timur",)


def test_a_restated_figure_and_its_parts_take_the_dated_statement(claims_of):
    found = claims_of(
        "Hingga April 2024, jumlah peserta terdaftar mencapai 40 juta peserta.\n\n"
        "Posisi hari ini, peserta telah mencapai sekitar 40 juta peserta.\n\n"
        "Dari total 40 juta peserta tersebut, sebanyak 26 juta di antaranya pekerja penerima upah (PU) "
        "dan 7 juta pekerja bukan penerima upah (BPU).",
        published="2024-06-03",
    )
    parts = {c.text: c for c in found if c.text in ("26 juta", "7 juta")}
    assert {c.period.label for c in parts.values()} == {"2024-04"}


def test_one_closing_period_dates_every_figure_of_its_sentence(claims_of):
    found = claims_of(
        "Total dana kelolaan mencapai Rp735 triliun dengan pembayaran klaim Rp53 triliun kepada 4,5 juta "
        "pekerja, serta beasiswa Rp347 miliar kepada 82.000 anak pekerja di tahun 2023.",
        published="2024-06-03",
    )
    assert {c.period.label for c in found} == {"2023"}
    assert found[0].metric == "dana-kelolaan"  # funds under management are not the invested funds


def test_a_closing_period_does_not_cross_a_strong_break(claims_of):
    found = claims_of(
        "Jumlah peserta mencapai 40 juta, sementara klaim yang dibayar Rp53 triliun pada 2023.",
        published="2024-06-03",
    )
    assert next(c for c in found if c.text == "40 juta").period.label != "2023"


def test_a_source_named_in_the_lead_owns_the_figures_it_reports(claims_of):
    found = claims_of(
        "Data Kementerian Ketenagakerjaan (Kemnaker) menunjukkan, terdapat 41 juta pekerja terdaftar "
        "pada Februari 2025.\n\n"
        "DKI Jakarta menjadi provinsi dengan jumlah peserta aktif BPJS Ketenagakerjaan terbanyak, yakni 8 juta orang.",
        published="2025-04-01",
    )
    assert {c.entity for c in found} == {"Kementerian Ketenagakerjaan"}


@pytest.mark.parametrize(
    ("teller", "entity"),
    [("Rina Wulandari merinci", "BPJS Ketenagakerjaan"), ("Dia menjelaskan", "Kementerian Ketenagakerjaan")],
)
def test_a_sentence_that_names_its_own_teller_leaves_the_leads_source(claims_of, teller, entity):
    # a named teller speaks for the organization beside the figure; a pronoun is the lead's source again
    found = claims_of(
        "Menurut data Kementerian Ketenagakerjaan (Kemnaker), angkatan kerja mencapai 140 juta orang "
        "pada Februari 2023.\n\n"
        "Direktur BPJS Ketenagakerjaan Rina Wulandari menilai perlindungan pekerja masih rendah.\n\n"
        f"{teller}, dari 36 juta peserta aktif BPJS Ketenagakerjaan, sebanyak 4 juta pekerja bukan penerima upah.",
        published="2023-05-01",
        title="Pekerja Informal Belum Terlindungi",
    )
    by_text = {c.text: c.entity for c in found}
    assert by_text["140 juta"] == "Kementerian Ketenagakerjaan"
    assert by_text["36 juta"] == entity


def test_a_source_named_mid_article_covers_only_its_paragraph(claims_of):
    found = claims_of(
        "BPJS Ketenagakerjaan terus memperluas kepesertaan pekerja informal di desa dan pasar "
        "tradisional di seluruh Indonesia.\n\n"
        "Berdasarkan data Badan Pusat Statistik (BPS), penduduk yang bekerja mencapai 135 juta orang.\n\n"
        "Hingga Februari, total peserta aktif BPJS Ketenagakerjaan mencapai 35,3 juta.",
        published="2023-05-01",
    )
    by_text = {c.text: c.entity for c in found}
    assert by_text == {"135 juta": "Badan Pusat Statistik", "35,3 juta": "BPJS Ketenagakerjaan"}


def test_english_the_number_of_names_what_is_counted(claims_of):
    found = claims_of(
        "JAKARTA, May 5 (Reuters) - The number of unemployed people rose by 83,000 to 7.28 million in February 2025, "
        "Statistics Indonesia said.",
        published="2025-05-05",
        language="en",
    )
    assert {c.metric for c in found} == {"pengangguran"}


def test_a_goal_sentence_dates_nothing_after_it(claims_of):
    found = claims_of(
        "Pemerintah menargetkan tingkat kemiskinan turun menjadi 5 persen pada 2029. "
        "Sekitar 23,85 juta orang masih hidup di bawah garis kemiskinan.",
        published="2025-08-01",
    )
    (count,) = [c for c in found if c.text == "23,85 juta"]
    assert count.period is None or count.period.label != "2029"


def test_the_count_of_a_share_of_a_population_is_a_part_of_it(claims_of):
    # "naik dari 30 persen menjadi 45 persen dari total jumlah pekerja atau 480 ribu orang":
    # the 480 ribu are participants (what the 30 persen counts), not the workers
    found = claims_of(
        "Jumlah pekerja di Kabupaten Banyumas saat ini sekitar 900 ribu orang. Tahun depan BPJS "
        "Ketenagakerjaan menargetkan jumlah peserta naik dari 30 persen menjadi 45 persen dari total "
        "jumlah pekerja atau sebanyak 480 ribu orang."
    )
    by_text = {c.text: c for c in found}
    assert by_text["900 ribu"].metric == "jumlah-pekerja"
    assert by_text["480 ribu"].metric == "peserta"
    assert by_text["45 persen"].population == "jumlah-pekerja"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("BPJS Ketenagakerjaan membayar 1,2 juta klaim JKK pada 2024, total Rp 3,4 triliun.", "id"),
        ("The agency paid 1.2 million claims in 2024, worth Rp 3.4 trillion.", "en"),
        ("Hingga Juni 2024 BPJS membayar 1,2 juta klaim dengan total manfaat Rp 3,4 triliun.", "id"),  # klaim manfaat
    ],
)
def test_an_amount_after_a_comma_and_a_value_word_is_the_value_of_the_count(claims_of, text, language):
    count, amount = claims_of(text, published="2025-01-10", language=language)
    assert amount.metric == count.metric and amount.evidence["metric"] == "value of"


def test_an_amount_after_with_a_total_of_is_the_value_of_the_count(claims_of):
    # the sentence before speaks of poverty; the amount is what the claims were worth
    found = claims_of(
        "Manfaat itu diharapkan menjaga pekerja agar tidak jatuh ke jurang kemiskinan. Hingga akhir Juni "
        "2024 BPJS Ketenagakerjaan telah membayarkan 610 ribu klaim manfaat dengan total mencapai Rp 7 triliun."
    )
    by_text = {c.text: c for c in found}
    assert by_text["Rp 7 triliun"].metric == by_text["610 ribu"].metric == "klaim"


def test_a_place_after_what_a_speaker_counts_is_the_figures_scope(claims_of):
    counted = claims_of(
        "BPS mencatat jumlah penduduk miskin di Provinsi Bengkulu pada September 2024 sebanyak 290,1 ribu orang."
    )
    assert [c.scope for c in counted] == ["Bengkulu"]
    said = claims_of("Jumlah peserta aktif mencapai 290,1 ribu orang, kata Dedi di Bengkulu, Senin.")
    assert [c.scope for c in said] == [""]  # where it was said, not what it counts


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "Tingkat pengangguran terbuka turun menjadi 4,76 persen pada Februari dari 4,82 persen setahun sebelumnya.",
            "id",
        ),
        ("The unemployment rate fell to 4.76% in February from 4.82% a year earlier.", "en"),
    ],
)
def test_a_year_earlier_than_a_month_without_its_year_is_that_month(claims_of, text, language):
    level, base = claims_of(text, published="2025-05-06", language=language)
    assert level.period.label == "2025-02"
    assert base.period.label == "2024-02"  # not the whole of 2024


def test_english_poverty_counts_and_their_changes(claims_of):
    level, change = claims_of(
        "The number of poor people fell to 25.22 million in March 2024, down 0.68 million from March 2023.",
        language="en",
    )
    assert level.metric == change.metric == "penduduk-miskin"  # "people" completes "poor people"
    assert (change.modality, change.direction) == ("change", "fall")
    (eased,) = claims_of("Urban poverty eased to 7.09% in March 2024.", language="en")
    assert eased.scope == "/perkotaan" and eased.period.label == "2024-03"


def test_up_before_a_count_is_no_change_without_a_base(claims_of):
    found = claims_of("About 45 million workers signed up 2 million more from the informal sector.", language="en")
    assert [c.modality for c in found] == ["actual", "actual"]


def test_a_line_wrapped_inside_a_sentence_is_one_sentence(claims_of):
    # Markdown drafts wrap long lines; the figure keeps the metric and period the line before names
    (figure,) = claims_of("Jumlah peserta aktif BPJS Ketenagakerjaan hingga Desember 2023\ntercatat 37,9 juta pekerja.")
    assert (figure.metric, figure.period.label) == ("peserta-aktif", "2023-12")


def test_an_acronym_in_brackets_names_the_words_it_spells(claims_of):
    spelled, short = claims_of(
        "Jumlah kasus demam berdarah dengue (DBD) di Banten mencapai 6.150 kasus. Kasus DBD di Lebak 900 kasus."
    )
    assert spelled.metric == short.metric == "kasus dbd"  # "berdarah" does not end the phrase


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "Jumlah kunjungan wisatawan mancanegara (wisman) ke Lombok pada Maret 2024 mencapai 81.200 kunjungan. "
            "Sebanyak 12.400 kunjungan wisman asal Singapura tercatat pada bulan itu.",
            "id",
        ),
        (
            "Foreign tourist arrivals on Lombok reached 81,200 in March 2024. "
            "The number of foreign tourists from Singapore was 12,400 in March 2024.",
            "en",
        ),
    ],
)
def test_visits_count_the_visitors_and_a_syllable_acronym_names_its_words(claims_of, text, language):
    total, one_origin = claims_of(text, published="2024-05-02", language=language)
    # "kunjungan" and "arrivals" measure the visitors, as "jumlah" does; "wisman" spells "wisatawan mancanegara"
    from factcheck.stems import metric_key

    assert metric_key(total.metric, language) == metric_key(one_origin.metric, language) == "wisman"


def test_a_unit_of_measure_is_no_metric_and_the_change_after_it_keeps_its_level(claims_of):
    level, amount, share = claims_of(
        "Produksi padi pada 2024 diperkirakan sebesar 51,3 juta ton, turun 1,1 juta ton atau 2,1 persen "
        "dibandingkan 2023."
    )
    assert level.metric == amount.metric == share.metric == "produksi padi"  # not "ton"
    assert (amount.modality, share.modality) == ("change", "change")


def test_the_day_of_a_date_between_subject_and_amount_is_no_figure(claims_of):
    (amount,) = claims_of(
        "Pemerintah Kota Medan mencatat realisasi belanja APBD Tahun Anggaran 2024 hingga 31 Desember 2024 "
        "sebesar Rp 6,12 triliun.",
        published="2025-01-20",
    )
    assert (amount.metric, amount.scope, amount.period.label) == (
        "belanja apbd",
        "Kota Medan",
        "2024",
    )  # the fiscal year


def test_a_gloss_in_brackets_does_not_name_the_metric(claims_of):
    (rate,) = claims_of("Sementara itu, inflasi bulanan (month to month) tercatat 0,08 persen pada Oktober 2024.")
    assert rate.metric == "inflasi mtm"  # the words are the basis of the rate, not a metric of their own
    (segment,) = claims_of(
        "Peserta aktif dari golongan Jasa Konstruksi (Jakon) mencapai 4,6 juta orang per April 2025."
    )
    assert segment.metric == "peserta-aktif jakon"  # a bracketed name of a segment still counts


def test_words_that_alone_end_a_phrase_stay_inside_a_compound_or_a_known_metric(claims_of):
    accidents, deaths, spending = claims_of(
        "Selama operasi mudik 2024, polisi mencatat kecelakaan lalu lintas sebanyak 1.870 kejadian. "
        "Korban meninggal dunia pada 2024 mencapai 295 orang. "
        "Realisasi belanja daerah hingga Mei 2024 baru Rp 2,4 triliun.",
        published="2024-06-10",
    )
    assert accidents.metric == "kecelakaan lalu lintas"  # "lalu" is no clause opener here, "kejadian" only counts
    assert deaths.metric == "kematian"  # "korban meninggal dunia": not "dunia" after a verb-looking word
    assert spending.metric == "belanja daerah"  # "baru" before a figure is "only", not "new"


def test_an_appositive_after_a_place_is_not_what_the_figure_counts(claims_of):
    (figure,) = claims_of("Produksi padi di Jawa Tengah, lumbung pangan utama, pada 2023 tercatat 9,1 juta ton.")
    assert figure.metric == "produksi padi" and figure.scope == "Jawa Tengah"


def test_a_count_then_or_a_percent_is_a_share_though_the_counts_noun_comes_between(claims_of):
    count, share = claims_of("Partai Hijau meraih 1.200.000 suara atau 45,2 persen pada pemilu 2024.")
    assert (share.modality, share.links.get("count")) == ("share", 0)
    assert share.metric == count.metric == "suara"


def test_a_contrast_clause_naming_only_a_place_or_a_time_keeps_the_metric(claims_of):
    found = claims_of(
        "Harga cabai naik tajam. Tingkat pengangguran terbuka Jawa Barat 7,4 persen, sedangkan Jawa Tengah "
        "5,1 persen. Inflasi tahunan April 2024 sebesar 3,00 persen, sedangkan Maret 2024 sebesar 3,05 persen.",
        published="2024-05-10",
    )
    west, central, april, march = found
    assert west.metric == central.metric == "tingkat-pengangguran-terbuka"
    assert (central.scope, central.evidence["metric"]) == ("Jawa Tengah", "sentence")
    assert april.metric == march.metric == "inflasi yoy"  # not the previous sentence's metric


def test_a_regional_story_that_moves_to_the_nation_does_not_place_national_figures_in_the_region(claims_of):
    found = claims_of(
        "Jumlah wisman ke Bali sepanjang 2023 mencapai 5,3 juta kunjungan.\n\n"
        "Ekonomi Indonesia pada 2023 tumbuh 5,05 persen, menurut BPS.\n\n"
        "Ekspor sepanjang 2023 tercatat 258,82 miliar dolar AS.",
        published="2024-02-06",
    )
    tourists, growth, exports = found
    assert (tourists.scope, growth.scope) == ("Bali", "")
    assert exports.scope == ""  # not "Bali?": the story moved on to the nation


def test_a_tickets_share_is_the_tickets_and_its_name_drops_the_word_before_it(claims_of):
    count, share = claims_of("Pasangan Budi-Santo meraih 1.204.100 suara atau 52,4 persen pada Pilkada 2024.")
    assert count.entity == share.entity == "Budi-Santo"  # "Pasangan Budi-Santo" and "Budi-Santo" are one ticket


def test_market_prices_read_as_editors_write_them(claims_of):
    cabai, base, bawang, passive, dated = claims_of(
        "Harga cabai rawit di Semarang mencapai Rp 80.000 per kg, naik dari Rp 60.000 per kilogram pekan lalu. "
        "Harga bawang merah stabil di Rp 35.000 per kg. Di Pasar Peterongan, cabai rawit dijual Rp 75.000 per kg. "
        "Harga cabai keriting mencapai Rp 50.000 per kg pada Senin (4/3/2024).",
        published="2024-03-05",
    )
    assert (cabai.unit, cabai.period.label) == ("IDR/kg", "2024-03-05")  # the week before dates the base only
    assert (base.unit, base.baseline, base.period.label) == ("IDR/kg", True, "2024-W09")
    assert bawang.metric == "harga bawang merah"  # "stabil di" links, as "mencapai" does
    assert (passive.metric, passive.scope) == ("cabai rawit", "Pasar Peterongan")  # a passive verb's subject
    assert dated.period.label == "2024-03-04"  # "pada Senin (4/3/2024)" is the day the price is of


def test_a_stretch_of_months_compared_with_the_same_stretch_a_year_before(claims_of):
    cases, base = claims_of(
        "Dinkes mencatat 8.412 kasus DBD sepanjang Januari-Maret 2024. "
        "Jumlah itu naik dibanding periode yang sama tahun lalu sebanyak 4.390 kasus."
    )
    assert (cases.period.label, base.period.label) == ("2024-Q1", "2023-Q1")


def test_an_index_spelled_out_before_its_acronym_is_the_acronym_and_its_level_is_dated(claims_of):
    change, level = claims_of(
        "JAKARTA - Indeks Harga Saham Gabungan (IHSG) ditutup menguat 0,52 persen ke level 7.250,31 pada "
        "perdagangan Selasa (14/5/2024).",
        published="2024-05-15",
    )
    assert (change.metric, level.metric) == ("ihsg", "ihsg")  # not "indeks ihsg": the capitals are no place
    assert (level.evidence["modality"].startswith("new level"), level.period.label) == (True, "2024-05-14")


def test_a_rates_basis_written_with_hyphens_or_opening_the_sentence_qualifies_it(claims_of):
    yearly, monthly = claims_of(
        "Inflasi y-on-y Kota Jambi pada Oktober 2024 sebesar 1,21 persen. "
        "Secara bulanan (m-to-m), Provinsi Jambi pada Oktober 2024 mengalami deflasi 0,08 persen.",
        published="2024-11-01",
    )
    assert (yearly.metric, monthly.metric) == ("inflasi yoy", "deflasi mtm")


def test_a_noun_that_starts_like_a_me_verb_stays_in_the_phrase(claims_of):
    medium, premium = claims_of(
        "Harga beras medium di Pasar Induk Beras Cipinang mencapai Rp 14.200 per kg, "
        "sedangkan harga beras premium Rp 16.500 per kg."
    )
    assert (medium.metric, premium.metric) == ("harga beras medium", "harga beras premium")


def test_a_weekday_date_set_off_before_the_linking_word_dates_the_figure(claims_of):
    price, said = claims_of(
        "Harga cabai rawit di Pasar Johar, Semarang, Senin (4/3/2024), mencapai Rp 80.000 per kg.\n\n"
        "Harga bawang merah Rp 30.000 per kg pada Februari, kata Budi, Senin (4/3/2024).",
        published="2024-03-06",
    )
    assert price.period.label == "2024-03-04"
    assert said.period.label == "2024-02"  # the day Budi spoke dates nothing


def test_a_surplus_of_money_is_the_balance_and_a_surplus_of_percent_a_rise(claims_of):
    (balance,) = claims_of("Neraca perdagangan pada September 2024 mengalami surplus sebesar US$3,26 miliar.")
    assert (balance.modality, balance.metric) == ("actual", "neraca-perdagangan")
    (index,) = claims_of("Sepekan IHSG surplus 0,93 persen pada perdagangan pekan lalu.")
    assert (index.modality, index.direction) == ("change", "rise")


def test_a_demonstrative_change_takes_the_narrower_metric_named_before(claims_of):
    level, change = claims_of(
        "Penerimaan pajak hingga Oktober 2024 mencapai Rp 1.517,5 triliun.\n\n"
        "Menteri Keuangan mengatakan, penerimaan tersebut tumbuh 0,1 persen dibandingkan periode yang sama tahun lalu.",
        published="2024-11-08",
        title="Penerimaan Pajak Tumbuh Tipis",
    )
    assert change.metric == level.metric == "penerimaan pajak"
    assert change.period == level.period


def test_the_whole_of_a_share_is_no_base_of_a_change(tmp_path):
    from factcheck.check import Options, run_check

    (tmp_path / "a.md").write_text(
        "---\npublished: 2024-11-08\ntitle: Penerimaan Pajak Tumbuh Tipis\n---\n"
        "Penerimaan pajak hingga Oktober 2024 mencapai Rp 1.517,5 triliun atau 76,3 persen dari target APBN 2024 "
        "sebesar Rp 1.988,9 triliun.\n\n"
        "Penerimaan tersebut tumbuh 0,1 persen dibandingkan periode yang sama tahun lalu.\n",
        encoding="utf-8",
    )
    report = run_check([str(tmp_path)], Options())
    assert [f.rule for f in report.findings] == []  # not "rose, but 1.517,5 against 1.988,9 goes the other way"


def test_a_subdistrict_named_like_a_city_is_not_that_city(claims_of):
    found = claims_of(
        "Dinas Kesehatan Kabupaten Sleman mencatat 1.204 kasus DBD hingga Mei 2024. "
        "Kasus terbanyak ada di Kecamatan Depok dengan 187 kasus.\n\n"
        "Kasus DBD di Kota Depok hingga Mei 2024 mencapai 2.310 kasus.",
        published="2024-05-17",
        title="Kasus DBD Sleman Naik",
    )
    scopes = {c.text: c.scope for c in found}
    assert scopes["187"] == "Kecamatan Depok"
    assert scopes["2.310"] == "Kota Depok"


@pytest.mark.parametrize(
    ("text", "language", "metric"),
    [
        ("Jumlah nasabah tabungan emas hingga Juni 2024 tercatat 2,4 juta rekening.", "id", "nasabah tabungan emas"),
        (
            "The number of gold savings customers reached 2.4 million accounts in June 2024.",
            "en",
            "gold savings customers",
        ),
    ],
)
def test_a_measured_subject_names_what_an_unknown_noun_after_the_count_counts_in(claims_of, text, language, metric):
    # "rekening"/"accounts" is what the customers are counted in; two outlets that count in different words meet
    (found,) = claims_of(text, language=language)
    assert found.metric == metric


def test_a_name_given_once_does_not_own_the_figures_stated_before_it(claims_of):
    found = claims_of(
        "Jumlah nasabah tabungan emas hingga Juni 2024 tercatat 2,4 juta orang.\n\n"
        "Sementara itu, aset perbankan syariah yang diawasi Otoritas Jasa Keuangan mencapai Rp 900 triliun.",
        published="2024-07-10",
        title="Nasabah Tabungan Emas Bertambah",
    )
    entities = {c.text: c.entity for c in found}
    assert entities["2,4 juta"] == ""
    assert entities["Rp 900 triliun"] == "Otoritas Jasa Keuangan"


def test_a_long_names_acronym_keeps_the_word_before_the_name(claims_of):
    # five words fill a phrase; the acronym after them still replaces the four it spells, not the head
    found = claims_of(
        "Kementerian mencatat penyaluran Bantuan Subsidi Upah Pekerja (BSUP) hingga Juni 2024 mencapai "
        "1,2 juta orang.\n\nHingga Juni 2024, penyaluran BSUP mencapai 1,1 juta orang.",
        published="2024-07-02",
    )
    assert {c.text: c.metric for c in found} == {"1,2 juta": "penyaluran bsup", "1,1 juta": "penyaluran bsup"}


def test_an_amount_worth_a_count_of_units_is_the_value_of_that_count(claims_of):
    (count, amount) = claims_of(
        "Penjualan mobil listrik hingga Mei 2024 mencapai 9.500 unit mobil senilai Rp 4,3 triliun."
    )
    assert amount.metric == count.metric == "penjualan mobil listrik"


@pytest.mark.parametrize(
    ("text", "language", "metric"),
    [
        ("Banjir menewaskan sedikitnya 12 warga.", "id", "kematian"),
        ("The landslide killed at least 12 people.", "en", "kematian"),
        ("Sebanyak 2.400 warga mengungsi akibat banjir.", "id", "pengungsi"),
        ("The floods have displaced 2,400 residents.", "en", "pengungsi"),
        ("About 2,400 people had been displaced by the floods.", "en", "pengungsi"),
    ],
)
def test_people_counted_by_what_was_done_to_them(claims_of, text, language, metric):
    # the verb says what the people are, whichever noun counts them and whichever voice states it
    (found,) = claims_of(text, language=language)
    assert found.metric == metric


def test_a_dated_weekday_after_hingga_dates_the_figure(claims_of):
    (found,) = claims_of("Sebanyak 2.400 warga mengungsi hingga Rabu (6/3).", published="2024-03-07")
    assert found.period is not None and found.period.label == "2024-03-06"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Produk domestik bruto (PDB) Indonesia tumbuh 5,15 persen (yoy) pada kuartal II 2024.", "id"),
        ("Indonesia's gross domestic product expanded 5.15 percent year-on-year in April-June 2024.", "en"),
    ],
)
def test_a_percentage_change_of_gdp_is_economic_growth(claims_of, text, language):
    # "PDB tumbuh" and "ekonomi tumbuh" state one figure; the quarter is the same written either way
    (found,) = claims_of(text, published="2024-08-06", language=language)
    assert (found.metric, found.modality, found.period.label) == ("ekonomi", "change", "2024-Q2")


def test_growth_slowing_from_a_rate_makes_that_rate_growths_own(claims_of):
    found = claims_of(
        "Indonesia's economy grew 5.05 percent in the second quarter of 2024, slowing from 5.11 percent "
        "in the first quarter.",
        published="2024-08-06",
        language="en",
    )
    assert [c.metric for c in found] == ["ekonomi", "ekonomi"]


def test_a_companys_name_after_its_metric_owns_the_figure(tmp_path):
    # two companies' profits, each named only after the metric, are two figures, not one in conflict
    from factcheck.check import Options, run_check

    for name, company, amount in (("a.md", "Sinarmas", "26,4"), ("b.md", "Nusaperdana", "4,5")):
        (tmp_path / name).write_text(
            f"---\npublished: 2024-04-02\ntitle: Laba {company}\n---\n"
            f"Laba bersih {company} pada 2023 sebesar Rp {amount} triliun.\n",
            encoding="utf-8",
        )
    report = run_check([str(tmp_path)], Options())
    assert [f.rule for f in report.findings] == []


def test_a_status_word_before_an_amount_stays_in_the_metric(claims_of):
    (found,) = claims_of("Perseroan membukukan laba bersih Rp 4,6 triliun sepanjang 2023.")
    assert found.metric == "laba-bersih"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Bank Indonesia mempertahankan suku bunga acuan sebesar 6,25 persen pada Juni 2024.", "id"),
        ("Bank Indonesia held its benchmark interest rate at 6.25 percent in June 2024.", "en"),
        ("Bank Indonesia kept its key policy rate at 6.25 percent in June 2024.", "en"),
    ],
)
def test_the_central_banks_rate_is_one_metric_however_it_is_named(claims_of, text, language):
    (found,) = claims_of(text, published="2024-06-21", language=language)
    assert found.metric == "suku-bunga-acuan"


def test_a_level_after_a_relative_base_period_is_the_base(claims_of):
    # "naik 18 persen dari tahun sebelumnya sebanyak ...": the level after the base period is last year's,
    # not a second figure of this year against the one before it
    total, change, base = claims_of(
        "Bandara itu melayani 12,4 juta penumpang sepanjang 2023. "
        "Jumlah itu naik 18 persen dari tahun sebelumnya sebanyak 10,5 juta penumpang.",
        published="2024-01-15",
    )
    assert (change.modality, change.base_period.label) == ("change", "2022")
    assert base.baseline and base.period is not None and base.period.label == "2022"
    assert total.period is not None and total.period.label == "2023"


def test_a_superlative_inside_a_name_before_its_acronym_is_no_rank(claims_of):
    # "harga eceran tertinggi (HET)" is a ceiling price's name, not the highest of several figures
    (ceiling,) = claims_of("Harga eceran tertinggi (HET) beras medium zona 1 ditetapkan Rp 10.900 per kg.")
    assert ceiling.rank == ""
    (highest,) = claims_of("Harga beras tertinggi tercatat di Papua sebesar Rp 18.500 per kg.")
    assert highest.rank != ""


def test_a_measure_word_inside_a_metric_phrase_is_skipped(claims_of):
    inside, before = claims_of(
        "Harga rata-rata beras medium mencapai Rp 14.200 per kg pada Februari 2024. "
        "Rata-rata harga beras medium mencapai Rp 14.300 per kg pada Maret 2024.",
        published="2024-04-02",
    )
    assert inside.metric == before.metric == "harga beras medium"


def test_a_head_alone_is_the_metric_the_article_named_in_full(claims_of):
    actual, target = claims_of(
        "Produksi batu bara nasional sepanjang 2023 mencapai 775,2 juta ton. "
        "Untuk 2024, pemerintah menargetkan produksi 710 juta ton.",
        published="2024-01-16",
    )
    assert target.metric == actual.metric == "produksi batu bara"
    # two full names with that head leave it alone, and so does a word meaning all of it
    _, _, alone = claims_of(
        "Produksi batu bara mencapai 775 juta ton pada 2023. Produksi nikel mencapai 1,8 juta ton pada 2023. "
        "Pemerintah menargetkan produksi 710 juta ton pada 2024.",
        published="2024-01-16",
    )
    assert alone.metric == "produksi"
    _, overall = claims_of(
        "Produksi batu bara mencapai 775 juta ton pada 2023. Total produksi mencapai 900 juta ton pada 2023.",
        published="2024-01-16",
    )
    assert overall.metric != "produksi batu bara"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Dari jumlah itu, sebanyak 518 juta ton diekspor pada 2023.", "id"),
        ("Of that, 518 million tonnes were exported in 2023.", "en"),
    ],
)
def test_a_passive_verb_after_measured_goods_names_the_metric(claims_of, text, language):
    (exported,) = claims_of(text, published="2024-01-16", language=language)
    assert exported.metric == "ekspor"


@pytest.mark.parametrize(
    ("text", "company"),
    [
        (
            "PT Telkom Indonesia (Persero) Tbk (TLKM) membukukan laba bersih Rp 24,56 triliun sepanjang 2023.",
            "Telkom Indonesia",
        ),
        (
            "PT Bank Rakyat Indonesia (Persero) Tbk atau BRI mencatat laba bersih Rp 60,4 triliun pada 2023.",
            "Bank Rakyat Indonesia",
        ),
        ("Emiten semen PT Semen Indonesia (Persero) Tbk mencatat penjualan 39 juta ton pada 2023.", "Semen Indonesia"),
        ("Pendapatan Telkom tumbuh 1,3 persen menjadi Rp 152,2 triliun pada 2023.", "Telkom"),
    ],
)
def test_a_company_named_with_a_place_or_after_a_noun_owns_its_figures(claims_of, text, company):
    # the place inside the name, the legal form, the ticker and the short form are no name of their own
    assert {c.entity for c in claims_of(text, published="2024-03-02")} == {company}


def test_a_companys_results_are_one_metric_in_both_languages(claims_of):
    (english,) = claims_of(
        "PT Telkom Indonesia (Persero) Tbk booked a net profit of Rp 24.56 trillion in 2023.",
        published="2024-03-01",
        language="en",
    )
    (indonesian,) = claims_of("PT Telkom Indonesia (Persero) Tbk membukukan laba bersih Rp 24,56 triliun pada 2023.")
    assert english.metric == indonesian.metric == "laba-bersih"
    assert english.entity == indonesian.entity == "Telkom Indonesia"


@pytest.mark.parametrize(
    ("text", "owner"),
    [
        (
            "Bank Rakyat Nusantara's net profit rose to Rp 47.1 trillion in January-September 2024.",
            "Bank Rakyat Nusantara",
        ),
        ("Telkom's revenue grew to Rp 149.2 trillion in 2023.", "Telkom"),
    ],
)
def test_an_english_possessive_names_whose_figure_it_is(claims_of, text, owner):
    (found,) = claims_of(text, published="2024-10-30", language="en")
    assert found.entity == owner


def test_a_year_that_ends_its_sentence_dates_the_figure(claims_of):
    (found,) = claims_of(
        "Korlantas Polri mencatat 492 orang meninggal dunia akibat kecelakaan selama Operasi Ketupat 2024.",
        published="2024-04-20",
    )
    assert found.period is not None and found.period.label == "2024"


def test_a_dateline_dash_is_no_hyphen_of_the_venue_after_it(claims_of):
    found = claims_of(
        "JAKARTA - Soekarno-Hatta International Airport handled 58.2 million passengers in 2023.",
        published="2024-01-18",
        language="en",
    )
    assert [c.scope for c in found] == ["Soekarno-Hatta International Airport"]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "The operator plans a new wing at Juanda International Airport. The airport served 21.4 million "
            "passengers last year.",
            "en",
        ),
        (
            "Operator berencana membangun terminal baru di Bandara Juanda. Bandara tersebut melayani 21,4 juta "
            "penumpang tahun lalu.",
            "id",
        ),
    ],
)
def test_a_venue_named_again_by_its_word_keeps_its_figures(claims_of, text, language):
    # "the airport" points back to the airport just named, though the sentence before it states no figure
    (found,) = claims_of(text, published="2024-03-02", language=language)
    assert found.scope in ("Juanda International Airport", "Bandara Juanda")


def test_the_word_alone_names_no_venue_that_was_not_named(claims_of):
    (found,) = claims_of("The airport served 21.4 million passengers last year.", published="2024-03-02", language="en")
    assert found.scope == ""


@pytest.mark.parametrize(
    ("text", "language", "metric"),
    [
        ("Kementerian Agama menetapkan kuota haji tahun 2024 sebanyak 241.000 jemaah.", "id", "kuota haji"),
        ("Bandara Juanda berkapasitas 30 juta penumpang per tahun.", "id", "berkapasitas penumpang"),
        ("Perluasan terminal akan menambah kapasitas 10 juta penumpang.", "id", "kapasitas penumpang"),
        ("Juanda International Airport has a capacity of 30 million passengers.", "en", "capacity passengers"),
        ("Indonesia's hajj quota for 2024 is 241,000 pilgrims.", "en", "hajj quota"),
    ],
)
def test_a_quota_or_a_capacity_is_a_metric_of_its_own(claims_of, text, language, metric):
    # a bound on the noun after the figure, not a count of it
    (found,) = claims_of(text, published="2024-01-10", language=language)
    assert found.metric == metric


def test_the_nation_named_after_the_noun_outranks_the_government_before_it(claims_of):
    (quota,) = claims_of("Pemerintah Arab Saudi menetapkan kuota haji Indonesia tahun 2024 sebesar 214.000 jemaah.")
    assert quota.scope == ""
    # a national yardstick is no scope of the province's figure
    (jakarta,) = claims_of("DKI Jakarta masih sedikit berada di atas target nasional 2024 yaitu 14,8 persen balita.")
    assert jakarta.scope == "DKI Jakarta"


def test_a_company_that_says_its_figure_owns_it(claims_of):
    found = claims_of(
        "Apex Motors said its third-quarter revenue rose 12% to $4.7 billion.", published="2024-10-25", language="en"
    )
    assert {(c.entity, c.period.label if c.period else None) for c in found} == {("Apex Motors", "2024-Q3")}


def test_a_superlative_after_a_possessive_describes_the_subject(claims_of):
    # "Southeast Asia's largest economy" is Indonesia: no owner, and no rank of the growth figure
    (growth,) = claims_of(
        "Southeast Asia's largest economy expanded 5.11% in April-June from a year earlier.",
        published="2024-08-06",
        language="en",
    )
    assert (growth.entity, growth.scope, growth.rank) == ("", "", "")


@pytest.mark.parametrize(
    ("text", "metric"),
    [
        ("Bank Indonesia kept its benchmark BI-Rate at 6.25% in July 2024.", "suku-bunga-acuan"),
        ("Indonesia's rice exports reached 2.1 million tons in 2023.", "rice exports"),
        ("The youth unemployment rate was 16.4% in August 2024.", "youth unemployment rate"),
    ],
)
def test_an_english_phrase_names_a_known_metric_by_its_last_word_unless_narrowed(claims_of, text, metric):
    (found,) = claims_of(text, published="2024-08-06", language="en")
    assert found.metric == metric


@pytest.mark.parametrize(
    ("text", "language", "published", "day"),
    [
        ("Bank Indonesia kept its benchmark rate at 6.25% on Wednesday.", "en", "2024-07-18", "2024-07-17"),
        ("Bank Indonesia menahan suku bunga acuan di level 6,25 persen pada Rabu.", "id", "2024-07-19", "2024-07-17"),
    ],
)
def test_a_weekday_without_its_date_is_the_last_one_before_publication(claims_of, text, language, published, day):
    (rate,) = claims_of(text, published=published, language=language)
    assert rate.period is not None and rate.period.label == day


def test_a_weekday_someone_spoke_on_does_not_date_the_figure(claims_of):
    (found,) = claims_of(
        "Floods have displaced 24,000 residents, the disaster agency said on Tuesday.",
        published="2024-03-20",
        language="en",
    )
    assert found.evidence["period"] == "publication date (undated)"


def test_a_segment_in_everyday_words_counts_participants_only_where_the_text_names_them(claims_of):
    labour = claims_of("Pekerja informal mencapai 59,17 persen dari seluruh pekerja pada Februari 2024, kata BPS.")
    fund = claims_of(
        "Jumlah peserta aktif BPJS Ketenagakerjaan mencapai 40 juta pada Februari 2024. "
        "Pekerja informal tercatat 9,3 juta pada Februari 2024."
    )
    assert not labour[0].metric.startswith("peserta")
    assert fund[-1].metric == "peserta-aktif bpu"


def test_a_breakdown_word_right_after_a_figure_is_that_figures(claims_of):
    found = claims_of(
        "DPT Pemilu 2024 terdiri atas 203.056.748 pemilih di dalam negeri dan 1.750.474 pemilih di luar negeri. "
        "Penduduk miskin di perkotaan 11,64 juta dan di perdesaan 13,58 juta pada Maret 2024."
    )
    assert [c.scope for c in found] == ["/dalam negeri", "/luar negeri", "/perkotaan", "/perdesaan"]
