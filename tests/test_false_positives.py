"""Regressions for false alarms: statistics-release wording that must not be flagged.

An editor stops trusting a tool after a few false alarms; each case here is a
pattern common in poverty, labour and health coverage.
"""

from __future__ import annotations

from pathlib import Path

from factcheck.check import Options, run_check


def findings_of(tmp_path: Path, articles: dict[str, str]) -> list[str]:
    for name, text in articles.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    return [f"{f.rule}: {f.message}" for f in run_check([str(tmp_path)], Options()).findings]


POVERTY = (
    "---\npublished: 2023-07-17\n---\n"
    "JAKARTA — Badan Pusat Statistik (BPS) mencatat persentase penduduk miskin pada Maret 2023 sebesar 9,36 persen. "
    "Jumlah penduduk miskin pada Maret 2023 sebesar 25,90 juta orang.\n\n"
    "Persentase penduduk miskin perkotaan pada Maret 2023 sebesar 7,29 persen, sedangkan persentase penduduk miskin "
    "perdesaan sebesar 12,22 persen.\n\n"
    "Provinsi dengan persentase penduduk miskin tertinggi adalah Papua sebesar 26,03 persen, sedangkan terendah Bali "
    "4,25 persen. Jumlah penduduk miskin ekstrem pada Maret 2023 sebanyak 3,0 juta orang.\n"
)


def test_regional_and_urban_breakdowns_false_positive(tmp_path: Path):
    other = POVERTY.replace("2023-07-17", "2023-07-20").replace(
        "JAKARTA — Badan Pusat Statistik (BPS) mencatat", "Menurut BPS,"
    )
    assert findings_of(tmp_path, {"a.md": POVERTY, "b.md": other}) == []


def test_provinces_named_at_the_start_of_a_sentence_false_positive(tmp_path: Path):
    national = "---\npublished: 2023-11-06\n---\nTingkat pengangguran terbuka (TPT) Agustus 2023 sebesar 5,32 persen.\n"
    regional = (
        "---\npublished: 2023-11-07\n---\nDi Jawa Barat, TPT Agustus 2023 tercatat 7,44 persen. "
        "TPT perempuan Agustus 2023 sebesar 4,86 persen.\n"
    )
    assert findings_of(tmp_path, {"a.md": national, "b.md": regional}) == []


def test_a_narrower_metric_is_not_the_broader_one_false_positive(tmp_path: Path):
    broad = "---\npublished: 2024-01-10\n---\nJumlah penduduk miskin pada Maret 2023 sebesar 25,90 juta orang.\n"
    narrow = (
        "---\npublished: 2024-01-12\n---\nJumlah penduduk miskin ekstrem pada Maret 2023 sebanyak 3,0 juta orang.\n"
    )
    assert findings_of(tmp_path, {"a.md": broad, "b.md": narrow}) == []


def test_a_change_after_sementara_is_of_something_else_false_positive(tmp_path: Path):
    text = (
        "---\npublished: 2023-11-06\n---\nJumlah pengangguran turun dari 8,42 juta orang pada Agustus 2022 "
        "menjadi 7,86 juta orang pada Agustus 2023, sementara upah buruh naik 2,5 persen.\n"
    )
    assert findings_of(tmp_path, {"a.md": text}) == []


def test_a_share_of_another_stated_total_false_positive(tmp_path: Path):
    text = (
        "---\npublished: 2023-11-06\n---\nJumlah angkatan kerja pada Agustus 2023 sebanyak 147,71 juta orang, "
        "dan penduduk bekerja sebanyak 139,85 juta orang.\nSebanyak 59,11 persen atau 82,67 juta orang bekerja "
        "di sektor informal.\n"
    )
    assert findings_of(tmp_path, {"a.md": text}) == []


def test_a_lagging_official_statistic_called_current_false_positive(tmp_path: Path):
    text = (
        "---\npublished: 2024-01-10\n---\nSaat ini, berdasarkan data per Maret 2023, jumlah penduduk miskin "
        "25,9 juta orang, kata Badan Pusat Statistik.\n"
    )
    assert findings_of(tmp_path, {"a.md": text}) == []


def test_two_officials_with_near_identical_names_false_positive(tmp_path: Path):
    first = '---\npublished: 2024-02-01\n---\n"Kami siap," kata Kepala Dinas Kesehatan Kota Bogor Budi Santoso.\n'
    second = (
        "---\npublished: 2024-02-02\n---\nKepala Badan Pusat Statistik (BPS) Kabupaten Bogor Budi Santosa "
        "mengatakan data akan dirilis pekan depan.\n"
    )
    assert findings_of(tmp_path, {"a.md": first, "b.md": second}) == []


def test_claims_so_far_this_year_are_not_the_months_claims_false_positive(tmp_path: Path):
    year_to_date = (
        "---\npublished: 2024-03-21\n---\nHingga Februari 2024, BPJS Ketenagakerjaan membayarkan "
        "805 ribu klaim manfaat.\n"
    )
    month = "---\npublished: 2024-03-25\n---\nPada Februari 2024, BPJS Ketenagakerjaan membayarkan 410 ribu klaim.\n"
    assert findings_of(tmp_path, {"a.md": year_to_date, "b.md": month}) == []


def test_a_direction_word_across_a_contrast_false_positive(tmp_path: Path):
    text = (
        "---\npublished: 2024-07-02\n---\nJumlah penduduk miskin pada Maret 2024 sebesar 25,22 juta, dibanding "
        "25,90 juta pada Maret 2023, namun persentase penduduk miskin perkotaan naik.\n"
    )
    assert findings_of(tmp_path, {"a.md": text}) == []


def test_a_short_date_in_next_january_false_positive(tmp_path: Path):
    text = (
        "---\npublished: 2023-12-28\n---\nPendaftaran dibuka lagi Selasa (2/1) di semua kantor cabang, kata juru "
        "bicara BPJS Ketenagakerjaan.\n"
    )
    assert findings_of(tmp_path, {"a.md": text}) == []


def test_a_list_item_with_dan_inside_false_positive(tmp_path: Path):
    text = (
        "---\npublished: 2024-02-01\n---\nData dihimpun dari tiga lembaga, yakni Badan Pusat Statistik, "
        "Kementerian Ketenagakerjaan dan Transmigrasi, serta BPJS Ketenagakerjaan.\n"
    )
    assert findings_of(tmp_path, {"a.md": text}) == []


def test_a_headline_total_the_body_gives_as_parts_false_positive(tmp_path: Path):
    text = (
        "---\ntitle: BPJS Ketenagakerjaan Bayar Klaim Rp 9 Triliun\npublished: 2024-03-21\n---\n"
        "Hingga Februari 2024, BPJS Ketenagakerjaan membayar klaim JHT Rp 6 triliun dan klaim JKK Rp 3 triliun.\n"
    )
    assert findings_of(tmp_path, {"a.md": text}) == []


def test_two_companies_figures_are_not_one_figure_false_positive(tmp_path: Path):
    # no list names these companies: whose figure it is comes from the name that is the clause's subject
    one = "---\npublished: 2024-02-20\n---\nPT Sinar Jaya Makmur Tbk mencatat laba bersih Rp 3,8 triliun pada 2023.\n"
    other = (
        "---\npublished: 2024-02-21\n---\nPT Bank Nusa Timur (Persero) Tbk membukukan laba bersih Rp 5,1 triliun "
        "pada 2023.\n"
    )
    english = (
        "---\npublished: 2024-02-22\nlanguage: en\n---\nKarya Motor sold 120,000 cars in 2023, "
        "while Prima Auto Group sold 90,000 cars in 2023.\n"
    )
    votes = "---\npublished: 2024-03-21\n---\nPasangan Budi-Santo meraih 1.204.100 suara pada Pilkada 2024.\n"
    rival = "---\npublished: 2024-03-22\n---\nAdi-Rahman memperoleh 980.250 suara pada Pilkada 2024.\n"
    found = findings_of(tmp_path, {"a.md": one, "b.md": other, "c.md": english, "d.md": votes, "e.md": rival})
    assert found == []


def test_one_company_stating_two_profits_is_still_flagged(tmp_path: Path):
    one = "---\npublished: 2024-02-20\n---\nPT Sinar Jaya Makmur Tbk mencatat laba bersih Rp 3,8 triliun pada 2023.\n"
    other = "---\npublished: 2024-02-21\n---\nPT Sinar Jaya Makmur Tbk membukukan laba bersih Rp 3,2 triliun pada 2023."
    assert [f.split(":")[0] for f in findings_of(tmp_path, {"a.md": one, "b.md": other})] == ["FC101"]


def test_one_company_under_its_legal_form_its_ticker_or_its_plain_name_is_one_company(tmp_path: Path):
    # the name's figures go on to the sentences after it, and to the figures after it in its sentence
    full = (
        "---\npublished: 2024-07-25\n---\nPT Bank Tani Makmur (Persero) Tbk membukukan laba bersih "
        "Rp 4,3 triliun pada semester I 2024.\n\n"
        "Penyaluran kredit tumbuh 9 persen menjadi Rp 201 triliun per Juni 2024.\n"
    )
    ticker = (
        "---\npublished: 2024-07-26\n---\nPT Bank Tani Makmur Tbk (BTNM) mencatatkan laba bersih Rp 4,3 triliun "
        "sepanjang semester I 2024, dengan penyaluran kredit Rp 210 triliun per Juni 2024.\n"
    )
    found = findings_of(tmp_path, {"a.md": full, "b.md": ticker})
    assert [f.split(":")[0] for f in found] == ["FC101"]
    assert "201" in found[0] and "210" in found[0]


def test_a_month_on_month_rate_is_not_the_year_on_year_one_false_positive(tmp_path: Path):
    monthly = "---\npublished: 2024-05-02\n---\nBPS mencatat inflasi April 2024 sebesar 0,25 persen (mtm).\n"
    yearly = "---\npublished: 2024-05-03\n---\nInflasi tahunan pada April 2024 sebesar 3,00 persen.\n"
    to_date = "---\npublished: 2024-05-03\n---\nInflasi April 2024 tercatat 1,19 persen secara tahun kalender (ytd).\n"
    assert findings_of(tmp_path, {"a.md": monthly, "b.md": yearly, "c.md": to_date}) == []


def test_a_months_arrivals_are_no_fall_from_a_years_false_positive(tmp_path: Path):
    year = "---\npublished: 2024-02-06\n---\nBali dikunjungi 5,3 juta wisatawan mancanegara sepanjang 2023.\n"
    month = (
        "---\npublished: 2024-04-03\n---\nKunjungan wisman ke Bali pada Februari 2024 mencapai 420.037 kunjungan, "
        "naik 28,5 persen dibandingkan Februari 2023.\n"
    )
    assert findings_of(tmp_path, {"a.md": year, "b.md": month}) == []


def test_two_markets_prices_are_not_one_price_false_positive(tmp_path: Path):
    one = (
        "---\npublished: 2024-06-20\n---\nHarga cabai rawit di Pasar Kramat Jati pada 20 Juni 2024 Rp 80.000 per kg.\n"
    )
    other = (
        "---\npublished: 2024-06-21\n---\nHarga cabai rawit di Pasar Induk Cibitung pada 20 Juni 2024 Rp 65.000 per kg."
    )
    assert findings_of(tmp_path, {"a.md": one, "b.md": other}) == []


def test_who_allocates_an_amount_is_not_what_the_amount_counts_false_positive(tmp_path: Path):
    head_en = "---\npublished: 2024-09-03\nlanguage: en\n---\n"
    head_id = "---\npublished: 2024-09-05\n---\n"
    articles = {
        "a.md": head_en + "The government allocated Rp 20 trillion for school repairs in 2025.\n",
        "b.md": head_en + "The government allocated Rp 9 trillion for road repairs in 2025.\n",
        "c.md": head_id + "Kementerian itu mengalokasikan Rp 12 triliun untuk perbaikan jalan pada 2025.\n",
        "d.md": head_id + "Kementerian itu mengalokasikan Rp 4 triliun untuk beasiswa pada 2025.\n",
    }
    assert findings_of(tmp_path, articles) == []


def test_a_quota_is_not_the_count_it_bounds_false_positive(tmp_path: Path):
    # the quota set for a season and the pilgrims who left are two quantities of the same noun
    quota = (
        "---\npublished: 2024-06-20\n---\nKementerian Agama menetapkan kuota haji Indonesia tahun 2024 sebanyak "
        "241.000 jemaah.\n"
    )
    departed = (
        "---\npublished: 2024-06-22\n---\nPada musim haji 2024, Kementerian Agama memberangkatkan 213.275 jemaah.\n"
    )
    assert findings_of(tmp_path, {"a.md": quota, "b.md": departed}) == []


def test_an_airports_capacity_is_not_its_traffic_false_positive(tmp_path: Path):
    traffic = (
        "---\npublished: 2024-01-18\nlanguage: en\n---\nJuanda International Airport handled 21.4 million passengers "
        "in 2023, the operator said.\n"
    )
    capacity = (
        "---\npublished: 2024-01-25\nlanguage: en\n---\nJuanda International Airport had a capacity of 30 million "
        "passengers in 2023, the operator said.\n"
    )
    assert findings_of(tmp_path, {"a.md": traffic, "b.md": capacity}) == []


def test_a_province_is_no_part_larger_than_a_segment_of_the_national_figure(write):
    text = (
        "---\npublished: 2023-07-03\n---\nKPU menetapkan DPT Pemilu 2024 sebanyak 204,8 juta pemilih. Dari jumlah "
        "tersebut, pemilih luar negeri tercatat 1,75 juta orang.\n\nJawa Barat menjadi provinsi dengan DPT terbanyak, "
        "yakni 35,71 juta pemilih, disusul Jawa Timur 31,4 juta pemilih.\n"
    )
    report = run_check([str(write({"a.md": text}))], Options())
    assert not [f for f in report.findings if f.rule == "FC701"]
