"""Indonesian and English numerals as figures: values, units, intervals, qualifiers."""

from __future__ import annotations

import pytest

from factcheck.extract import parse_number


@pytest.mark.parametrize(
    ("text", "language", "value", "decimals"),
    [
        ("35,3", "id", 35.3, 1),
        ("83.000", "id", 83000, 0),
        ("55.678", "id", 55678, 0),
        ("1.306.000", "id", 1306000, 0),
        ("0,46", "id", 0.46, 2),
        ("35.3", "en", 35.3, 1),
        ("2,450", "en", 2450, 0),
    ],
)
def test_parse_number_reads_the_languages_decimal_mark(text, language, value, decimals, lexicon):
    parsed = parse_number(text, lexicon.language(language))
    assert parsed is not None
    assert float(parsed[0]) == pytest.approx(value)
    assert parsed[1] == decimals


@pytest.mark.parametrize(
    ("sentence", "figure", "value", "unit"),
    [
        ("Jumlah peserta aktif BPJS Ketenagakerjaan sebanyak 35,3 juta pekerja.", "35,3 juta", 35_300_000, "count"),
        ("Total klaim yang dibayarkan BPJS Ketenagakerjaan Rp 9 triliun.", "Rp 9 triliun", 9e12, "IDR"),
        ("Total klaim yang dibayarkan BPJS Ketenagakerjaan Rp9 triliun.", "Rp9 triliun", 9e12, "IDR"),
        ("Dana investasi BPJS Ketenagakerjaan Rp 812 T.", "Rp 812 T", 812e12, "IDR"),
        ("Sebanyak 805 ribu klaim dibayarkan.", "805 ribu", 805_000, "count"),
        ("Kampanye menyasar 83.000 desa.", "83.000", 83_000, "count"),
        ("Peserta naik 14,01 persen dibanding tahun sebelumnya.", "14,01 persen", 14.01, "percent"),
        ("Sebanyak 65% pekerja informal tinggal di desa.", "65%", 65, "percent"),
        ("Angka kemiskinan turun 0,46 persen poin.", "0,46 persen poin", 0.46, "pp"),
        ("Sosialisasi digelar di sembilan desa.", "sembilan", 9, "count"),
        ("Sebanyak dua juta pekerja belum terdaftar.", "dua juta", 2_000_000, "count"),
        ("Anggaran program ini Rp. 5 miliar.", "Rp. 5 miliar", 5e9, "IDR"),
        ("Anggaran program ini Rp.7 miliar.", "Rp.7 miliar", 7e9, "IDR"),
        ("Ekonomi daerah itu tumbuh -2,5 persen.", "-2,5 persen", -2.5, "percent"),
        ("Ekonomi daerah itu tumbuh minus 1,2 persen.", "minus 1,2 persen", -1.2, "percent"),
        ("Sebanyak 4.500-an pekerja ikut pelatihan.", "4.500-an", 4_500, "count"),
    ],
)
def test_figures_are_read_with_value_and_unit(claims_of, sentence, figure, value, unit):
    found = claims_of(sentence)
    assert [c.text for c in found] == [figure]
    assert found[0].value == pytest.approx(value)
    assert found[0].unit == unit


def test_written_precision_gives_the_interval(claims_of):
    (claim,) = claims_of("Jumlah peserta aktif sebanyak 35,3 juta pekerja.")
    assert claim.low == pytest.approx(35_250_000)
    assert claim.high == pytest.approx(35_350_000)


def test_jutaan_and_sekitar_widen_the_interval(claims_of):
    rounded, about = claims_of("Pekerja informal ada 6,1 jutaan orang, dan sekitar 580 ribu orang terdaftar.")
    assert rounded.qualifier == "about" and rounded.low < 6_000_000 and rounded.high > 6_300_000
    assert about.qualifier == "about" and about.low == pytest.approx(551_000)


def test_lebih_after_a_figure_reaches_the_next_digit(claims_of):
    (claim,) = claims_of("Jumlah pekerja di Provinsi Riau sebanyak 2,4 juta lebih.")
    assert claim.text == "2,4 juta lebih"
    assert (claim.low, claim.high) == (pytest.approx(2_400_000), pytest.approx(2_500_000))


@pytest.mark.parametrize(
    ("sentence", "figure", "value", "unit"),
    [
        ("Active participants reached 35.3 million in 2023.", "35.3 million", 35_300_000, "count"),
        ("The fund grew to $1.2bn last year.", "$1.2bn", 1.2e9, "USD"),
        ("Unemployment stood at 14% in February 2024.", "14%", 14, "percent"),
        ("Unemployment stood at 4.8 per cent in February 2024.", "4.8 per cent", 4.8, "percent"),  # not a rate
        ("Investment reached Rp204.4tn in the first quarter.", "Rp204.4tn", 204.4e12, "IDR"),  # glued symbol
        ("Investment reached IDR12.5 trillion in 2023.", "IDR12.5 trillion", 12.5e12, "IDR"),
    ],
)
def test_english_figures(claims_of, sentence, figure, value, unit):
    found = claims_of(sentence, language="en")
    assert [c.text for c in found] == [figure]
    assert found[0].value == pytest.approx(value)
    assert found[0].unit == unit


@pytest.mark.parametrize(
    "sentence",
    [
        "Rayakan HUT Ke-46, perusahaan menggelar lomba.",
        "Hal itu diatur dalam Pasal 5 undang-undang tersebut.",
        "Kampanye akan diteruskan hingga 2–3 tahun ke depan.",
        "Program berjalan selama 2 tahun terakhir.",
        "Rapat digelar Kamis (19/10) pukul 10.00.",
        "Aturan baru berlaku pada 2026.",
    ],
)
def test_labels_dates_and_durations_are_not_figures(claims_of, sentence):
    assert claims_of(sentence) == []


def test_offsets_point_at_the_figure_as_written(write):
    from factcheck.api import claims

    text = "\ufeffJakarta \u2014 Peserta\u00a0aktif tercatat\u00a035,3\u00a0juta pekerja.\r\nKlaim Rp 9 triliun.\r\n"
    folder = write({"a.txt": text.encode("utf-8")})
    found, _ = claims([str(folder)])
    decoded = text[1:]  # the BOM is stripped, nothing else
    assert [decoded[c.start : c.end] for c in found] == ["35,3\u00a0juta", "Rp 9 triliun"]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Harga beras pada 3 Juni 2024 Rp 13.500 per kilogram. Harga gula pada 3 Juni 2024 Rp 17.000 per kg.", "id"),
        ("Rice cost Rp 13,500 per kilogram on June 3, 2024. Sugar cost Rp 17,000 per kg on June 3, 2024.", "en"),
    ],
)
def test_spellings_of_one_denominator_are_one_unit(claims_of, text, language):
    first, second = claims_of(text, published="2024-06-04", language=language)
    assert first.unit == second.unit == "IDR/kg"


@pytest.mark.parametrize(
    ("sentence", "language", "unit"),
    [
        ("Harga beras medium rata-rata Rp 14.200/kg pada pekan ketiga Februari 2024.", "id", "IDR/kg"),
        ("Harga gula pasir naik menjadi Rp18.000/kilogram pada Februari 2024.", "id", "IDR/kg"),
        ("The price of medium rice averaged Rp 14,200/kg in the third week of February 2024.", "en", "IDR/kg"),
    ],
)
def test_a_price_per_unit_written_with_a_slash_is_a_figure(claims_of, sentence, language, unit):
    (price,) = claims_of(sentence, published="2024-02-21", language=language)
    assert price.unit == unit


@pytest.mark.parametrize(
    ("sentence", "language"),
    [
        ("Surat edaran Nomor 123/SK/2024 berlaku pada Februari 2024.", "id"),
        ("Harga itu di atas HET zona 1 yang ditetapkan pemerintah.", "id"),
        ("Iuran peserta kelas 3 tidak naik pada 2024.", "id"),
        ("The city moved its schools to zone 2 in July 2021.", "en"),
    ],
)
def test_a_number_naming_one_of_a_series_is_no_figure(claims_of, sentence, language):
    assert claims_of(sentence, published="2024-02-21", language=language) == []
