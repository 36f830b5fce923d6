"""Reading a corpus: formats, encodings, boilerplate, publication dates, and what is skipped."""

from __future__ import annotations

import json
from datetime import date

import pytest

from factcheck.read import read_corpus

SCRAPED = """kabarkita.example
  \u2022 IHSG6.655,12 \u00a0 -12,40 \u00a0 -0,19%
  \u2022 EMAS1.052.000 +0,38%

Banjir Rob Rendam 1.200 Rumah
Banjir Rob Rendam 1.200 Rumah

Selasa, 5 Desember 2023 / 07:10 WIB

SEMARANG, Kabar Kita - Banjir rob merendam sedikitnya 1.200 rumah warga di pesisir utara Semarang, kata petugas.

Baca juga: Harga Beras Naik Rp 1.000 per Kilogram

Posko berada di Jl. Kakap Raya No.12, Semarang Utara.

Lorem ipsum dolor sit amet, 45 consectetur.

TINGGALKAN KOMENTAR
Silakan masukkan komentar anda! 99 orang sudah berkomentar.
"""


def test_scraped_text_keeps_the_article_and_drops_the_boilerplate(write, lexicon):
    from factcheck.extract import extract

    corpus = read_corpus([str(write({"rob.txt": SCRAPED}))], lexicon)
    (article,) = corpus.articles
    assert article.title == "Banjir Rob Rendam 1.200 Rumah"
    assert article.published == date(2023, 12, 5)
    assert article.published_evidence.startswith("dateline: Selasa, 5 Desember 2023")
    figures = [c.text for c in extract(article, lexicon).claims]
    assert figures == ["1.200", "1.200"]  # the headline and the lead, nothing from tickers, links, address, forms
    reasons = {s.reason for s in article.boilerplate}
    assert {"ticker", "read-also", "street-address", "lorem-ipsum", "footer"} <= reasons


TEASER_FIRST = (
    "JAKARTA - Dinas Perhubungan mencatat, hingga Juni 2024, jumlah penumpang bus kota mencapai 4,15 juta orang "
    "dengan pendapatan tiket Rp 12,4 miliar.\n"
    "Dishub Catat 4,15 Juta Penumpang Bus Kota, Pendapatan Tiket Rp 14,2 Miliar\n"
    "JAKARTA - Dinas Perhubungan mencatat, hingga Juni 2024, jumlah penumpang bus kota mencapai 4,15 juta orang "
    "dengan pendapatan tiket Rp 12,4 miliar.\n"
    "Kepala Dinas mengatakan jumlah armada akan ditambah tahun depan.\n"
)


def test_a_teaser_of_the_lead_before_the_headline_is_not_the_body(write, lexicon):
    """Scrapers often put the lead, then the headline, then the story that opens with the lead again."""
    from factcheck.extract import extract

    corpus = read_corpus([str(write({"bus.txt": TEASER_FIRST}))], lexicon)
    (article,) = corpus.articles
    assert article.title == "Dishub Catat 4,15 Juta Penumpang Bus Kota, Pendapatan Tiket Rp 14,2 Miliar"
    claims = extract(article, lexicon).claims
    # the teaser copy is not read twice; the headline's figures are the headline's
    assert [(c.text, c.in_title) for c in claims] == [
        ("4,15 Juta", True),
        ("Rp 14,2 Miliar", True),
        ("4,15 juta", False),
        ("Rp 12,4 miliar", False),
    ]


def test_a_repeated_paragraph_of_prose_is_not_taken_for_the_headline(write, lexicon):
    text = TEASER_FIRST.replace("Dishub Catat 4,15 Juta Penumpang Bus Kota, Pendapatan Tiket Rp 14,2 Miliar\n", "")
    (article,) = read_corpus([str(write({"bus.txt": text}))], lexicon).articles
    assert not article.title


CAPTION_FIRST = """Nikmati berita tanpa iklan. Daftar Warta+

Kepala Dinas Pariwisata, Rina Hartati saat meninjau Pantai Kuta pada Senin, 3 Juni 2024/Antara

Lihat Semua : galeri

Kunjungan Wisman ke Bali Tembus 2,6 Juta pada Semester I 2024

Laporan: Made Sudarsana
By Jane Doe and John Roe

DENPASAR - Jumlah kunjungan wisatawan mancanegara ke Bali pada semester I 2024 mencapai 2,6 juta orang, naik 22 persen.
"""


def test_the_headline_is_the_title_cased_line_not_a_prompt_or_caption_above_it(write, lexicon):
    (article,) = read_corpus([str(write({"bali.txt": CAPTION_FIRST}))], lexicon).articles
    assert article.title == "Kunjungan Wisman ke Bali Tembus 2,6 Juta pada Semester I 2024"
    reasons = {article.text[s.start : s.end]: s.reason for s in article.boilerplate}
    assert reasons["Laporan: Made Sudarsana"] == "byline"
    assert reasons["By Jane Doe and John Roe"] == "byline"
    assert reasons[CAPTION_FIRST.splitlines()[2]] == "caption"


def test_a_short_lead_of_one_sentence_is_read_not_taken_for_preamble(write, lexicon):
    from factcheck.extract import extract

    text = (
        "---\npublished: 2024-07-20\n---\nKredit Perbankan Tumbuh 12 Persen\n\n"
        "Kredit yang disalurkan bank hingga Juni 2024 tercatat Rp 7.748 triliun.\n\n"
        "Otoritas Jasa Keuangan menyebut pertumbuhan itu ditopang kredit investasi dan kredit modal kerja.\n"
    )
    (article,) = read_corpus([str(write({"kredit.md": text}))], lexicon).articles
    assert article.title == "Kredit Perbankan Tumbuh 12 Persen"
    assert [c.text for c in extract(article, lexicon).claims] == ["12 Persen", "Rp 7.748 triliun"]


def test_front_matter_metadata(write, lexicon):
    folder = write(
        {
            "a.md": "---\ntitle: Judul\nurl: https://x.example/a\noutlet: Warta\npublished: 2024-02-08\n"
            "language: id\n---\nIsi berita yang cukup panjang untuk dibaca sebagai paragraf pertama.\n"
        }
    )
    (article,) = read_corpus([str(folder)], lexicon).articles
    assert (article.title, article.url, article.outlet, article.published) == (
        "Judul",
        "https://x.example/a",
        "Warta",
        date(2024, 2, 8),
    )
    assert article.published_evidence == "metadata: 2024-02-08"


def test_encodings_bom_cp1252_crlf(write, lexicon):
    folder = write(
        {
            "bom.txt": "\ufeffPeserta aktif tercatat 35,3 juta pekerja pada Februari 2023.\r\n".encode(),
            "cp1252.txt": "Caf\xe9 \u201cBaru\u201d mencatat 1.200 pengunjung sepanjang Januari 2024.".encode("cp1252"),
        }
    )
    corpus = read_corpus([str(folder)], lexicon)
    texts = {a.id: a.text for a in corpus.articles}
    assert texts["bom.txt"].startswith("Peserta")
    assert "\u201cBaru\u201d" in texts["cp1252.txt"]
    assert corpus.skipped == []


def test_bad_files_are_skipped_with_a_reason_and_the_rest_is_read(write, lexicon):
    folder = write(
        {
            "empty.txt": "",
            "binary.txt": b"\x00\x01\x02PNG\x00\x00",
            "broken.md": "---\ntitle: [unclosed\n---\nIsi.\n",
            "good.md": "---\npublished: 2024-01-01\n---\nIsi berita tentang 12 desa yang cukup panjang untuk dibaca.\n",
            "lines.jsonl": '{"id": "ok", "text": "Isi 5 desa."}\nnot json\n{"id": "no-text"}\n',
        }
    )
    corpus = read_corpus([str(folder)], lexicon)
    assert sorted(a.id for a in corpus.articles) == ["good.md", "ok"]
    reasons = {s.path.split("/")[-1]: s.reason for s in corpus.skipped}
    assert reasons["empty.txt"] == "empty file"
    assert reasons["binary.txt"] == "binary file, not text"
    assert reasons["broken.md"].startswith("front matter is not valid YAML")
    assert reasons["lines.jsonl:2"].startswith("not valid JSON")
    assert reasons["lines.jsonl:3"] == "record has no 'text' string"


def test_jsonl_records_become_articles(write, lexicon):
    record = {
        "id": "arsip/1",
        "url": "https://x.example/1",
        "title": "T",
        "published": "2025-01-15",
        "text": "T\n\nHingga Desember 2024, jumlah peserta aktif mencapai 41,5 juta pekerja di seluruh Indonesia.",
    }
    folder = write({"a.jsonl": json.dumps(record) + "\n"})
    (article,) = read_corpus([str(folder)], lexicon).articles
    assert (article.id, article.published, article.url) == ("arsip/1", date(2025, 1, 15), "https://x.example/1")


def test_html_main_text_and_metadata_through_trafilatura(write, lexicon):
    html = (
        "<html><head><title>Stunting Turun</title><meta property='article:published_time' content='2024-09-26'>"
        "</head><body><nav>Beranda Kesehatan Olahraga</nav><article><h1>Stunting Turun</h1>"
        "<p>Kementerian Kesehatan mencatat prevalensi stunting pada 2023 sebesar 21,5 persen, turun dari tahun "
        "sebelumnya menurut survei nasional.</p></article></body></html>"
    )
    (article,) = read_corpus([str(write({"a.html": html}))], lexicon).articles
    assert article.published == date(2024, 9, 26)
    assert "21,5 persen" in article.text and "Olahraga" not in article.text


def test_year_of_a_short_dateline_is_inferred(write, lexicon):
    text = (
        "Judul Berita Tentang Target\n\nBPJS Ketenagakerjaan menargetkan 70 juta pekerja terlindungi pada 2026, "
        "kata kepala cabang, Kamis (19/10), di hadapan para kepala desa.\n"
    )
    (article,) = read_corpus([str(write({"a.txt": text}))], lexicon).articles
    assert article.published == date(2023, 10, 19)
    assert "from the weekday" in article.published_evidence


def test_same_file_name_in_two_folders_gets_two_ids(tmp_path, lexicon):
    for folder in ("x", "y"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "a.md").write_text("---\npublished: 2024-01-01\n---\nIsi 5 desa.\n", encoding="utf-8")
    corpus = read_corpus([str(tmp_path / "x"), str(tmp_path / "y")], lexicon)
    assert len({a.id for a in corpus.articles}) == 2


def test_an_indonesian_article_with_english_glosses_is_indonesian():
    from factcheck.lexicon import load_lexicon
    from factcheck.read import detect_language

    text = (
        "BPS melaporkan ekonomi Indonesia pada kuartal II-2024 tumbuh 5,05 persen secara tahunan "
        "(year on year/yoy). Secara kuartalan (q-to-q), ekonomi tumbuh 3,79 persen."
    )
    assert detect_language(text, load_lexicon(())) == "id"
    assert (
        detect_language("The economy grew 5.05% in the second quarter from a year earlier.", load_lexicon(())) == "en"
    )


@pytest.mark.parametrize(
    "header",
    [
        "15th November 2023",  # an ordinal day
        "Wednesday, November 15th, 2023",  # a header line that is the date and nothing else
        "Rabu, 15 November 2023",
        "Posted on 2023-11-15",
        "Jakarta, Nov. 16, 2023 - Exports fell.",  # an English dateline, month first
    ],
)
def test_a_page_header_dates_the_article(write, lexicon, header):
    text = f"Exports Slow Down\n\n{header}\n\nExports rose 4.2% to $22.15 billion in October, the bureau said.\n"
    (article,) = read_corpus([str(write({"a.txt": text}))], lexicon).articles
    assert article.published is not None
    assert (article.published.year, article.published.month) == (2023, 11)


def test_a_date_line_deep_in_the_body_does_not_date_the_page(write, lexicon):
    body = "Ekspor naik 4,2 persen menjadi 22,15 miliar dolar AS pada Oktober 2024, kata BPS. " * 8
    text = f"Jadwal Rilis Data\n\n{body}\n\nRabu, 15 November 2023\n\nRilis berikutnya.\n"
    (article,) = read_corpus([str(write({"a.txt": text}))], lexicon).articles
    assert article.published != date(2023, 11, 15)


def test_reading_time_beside_the_byline_is_no_figure(claims_of):
    found = claims_of("Oleh Redaksi · 3 min read\n\nWaktu baca 2 menit\n\nBPS mencatat 5 desa terendam banjir.")
    assert [c.text for c in found] == ["5"]
