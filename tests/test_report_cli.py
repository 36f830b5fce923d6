"""The report for pipelines and terminals: concise lines, per-rule counts, several outputs, the report's language."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from click.testing import CliRunner

from factcheck.cli import main
from factcheck.i18n import LOCALE, main_language

ROOT = Path(__file__).resolve().parent.parent
CORPUS = str(ROOT / "corpus")


def invoke(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def test_concise_is_one_line_a_finding_that_an_editor_can_jump_to():
    result = invoke("check", CORPUS, "--format", "concise")
    lines = result.stdout.splitlines()
    findings = json.loads(invoke("check", CORPUS, "--format", "json").stdout)["findings"]
    assert result.exit_code == 1 and len(lines) == len(findings)
    for line, finding in zip(lines, findings):
        match = re.match(r"^(\S+):(\d+):(\d+): (FC\d{3}) (.+)$", line)
        assert match, line
        path, row, column, rule, message = match.groups()
        assert rule == finding["rule"] and message == " ".join(finding["message"].split())
        first = finding["evidence"][0]
        assert (int(row), int(column)) == (first["line"], first["column"])
        if not path.endswith((".jsonl", ".html")):
            text = Path(path).read_text(encoding="utf-8").splitlines()[int(row) - 1]
            assert text[int(column) - 1 :].startswith(first["text"].split("\n")[0])
    assert "24 temuan" in result.stderr  # the summary stays off standard output


def test_statistics_count_findings_per_rule_most_first():
    result = invoke("check", CORPUS, "--statistics", "--lang", "en")
    rows = result.stdout.splitlines()
    assert rows[-1].startswith("24 findings (7 errors, 17 warnings, 0 info)")
    counts = {row.split()[1]: int(row.split()[0]) for row in rows[:-1]}
    findings = json.loads(invoke("check", CORPUS, "--format", "json").stdout)["findings"]
    assert counts == {rule: sum(1 for f in findings if f["rule"] == rule) for rule in {f["rule"] for f in findings}}
    assert list(counts.values()) == sorted(counts.values(), reverse=True)
    assert rows[0].split()[1:] == ["FC701", "parts-do-not-add-up", "warning"]  # 4, tied with FC901: ids break ties
    assert "FC101  conflicting-figures" in result.stdout and result.exit_code == 1


def test_report_words_follow_lang_and_default_to_the_corpus_language():
    indonesian = invoke("check", CORPUS).stdout
    summary = "24 temuan (7 kesalahan, 17 peringatan, 0 info) dalam 28 artikel, 121 klaim; 0 dilewati"
    assert indonesian.rstrip().endswith(summary)
    assert "  kesalahan  FC101 " in indonesian and "terbit 2024-01-25" in indonesian
    english = invoke("check", CORPUS, "--lang", "en").stdout
    summary = "24 findings (7 errors, 17 warnings, 0 info) in 28 articles, 121 claims; 0 skipped"
    assert english.rstrip().endswith(summary)
    assert "  error   FC101 " in english and "published 2024-01-25" in english
    assert main_language(["id", "en", "id"]) == "id" and main_language(["en"]) == "en" and main_language([]) == "en"


def test_an_english_corpus_gets_an_english_report(tmp_path: Path):
    (tmp_path / "a.md").write_text(
        "---\npublished: 2024-03-01\nlanguage: en\n---\nThe agency said on Friday that 4.2 million people were "
        "enrolled.\n",
        encoding="utf-8",
    )
    result = invoke("check", str(tmp_path))
    assert result.stdout.rstrip().endswith("0 findings (0 errors, 0 warnings, 0 info) in 1 article, 1 claim; 0 skipped")


def test_shipped_catalogs_are_compiled_from_their_po_files():
    for po in sorted(LOCALE.glob("*/LC_MESSAGES/*.po")):
        with po.open("rb") as handle:
            catalog = read_po(handle)
        compiled = io.BytesIO()
        write_mo(compiled, catalog)
        assert po.with_suffix(".mo").read_bytes() == compiled.getvalue(), f"{po}: run 'make catalogs'"


def test_several_outputs_in_one_run(tmp_path: Path):
    sarif, html, concise = tmp_path / "x.sarif", tmp_path / "report.html", tmp_path / "out.txt"
    result = invoke(
        "check", CORPUS, "--lang", "en", "-o", f"sarif:{sarif}", "-o", f"html:{html}", "-o", f"concise:{concise}"
    )
    assert result.exit_code == 1
    assert result.stdout.rstrip().endswith("0 skipped")  # standard output still has the text report
    assert len(json.loads(sarif.read_text(encoding="utf-8"))["runs"][0]["results"]) == 24
    assert html.read_text(encoding="utf-8").lstrip().lower().startswith("<!doctype html")
    # every report of the run speaks --lang
    assert concise.read_text(encoding="utf-8") == invoke("check", CORPUS, "--format", "concise", "--lang", "en").stdout
    # a plain -o FILE still takes --format and leaves standard output empty
    plain = tmp_path / "report.json"
    result = invoke("check", CORPUS, "--format", "json", "-o", str(plain), "-o", f"markdown:{tmp_path / 'r.md'}")
    assert result.stdout == "" and len(json.loads(plain.read_text(encoding="utf-8"))["findings"]) == 24
    assert (tmp_path / "r.md").read_text(encoding="utf-8").startswith("### factcheck")


def test_select_and_ignore_take_comma_lists():
    def rules(*args: str) -> set[str]:
        data = json.loads(invoke("check", CORPUS, "--format", "json", *args).stdout)
        return {f["rule"] for f in data["findings"]}

    assert invoke("check", CORPUS, "--select", "FC101,FC999").exit_code == 2
    assert rules("--select", "FC101,FC902") == {"FC101", "FC902"}
    assert rules("--select", "FC101,FC902", "--ignore", "FC902") == {"FC101"}
    everything = rules()
    assert rules("--ignore", "FC901, weekday-mismatch") == everything - {"FC901", "FC902"}


def test_explain_is_case_insensitive():
    assert invoke("explain", "fc201").output == invoke("explain", "FC201").output
    assert invoke("explain", "Stale-Current-Figure").output.startswith("FC201 stale-current-figure")


def test_github_annotates_every_file_a_finding_involves():
    lines = invoke("check", CORPUS, "--format", "github").stdout.splitlines()
    conflict = [line for line in lines if "title=FC101" in line and "37,9 juta" in line]  # one conflict, two files
    files = {re.search(r"file=([^,]+)", line).group(1) for line in conflict}  # type: ignore[union-attr]
    assert {Path(file).name for file in files} == {
        "2024-01-25-jurnal-sosial-akhir-2023.md",
        "2024-02-08-warta-nusantara-informal.md",
    }


UNDATED_DRAFT = (
    "---\ntitle: Peserta Aktif Akhir 2023\n---\n"
    "JAKARTA — Hingga Desember 2023, jumlah peserta aktif BPJS Ketenagakerjaan mencapai 39,4 juta pekerja, kata "
    "juru bicara. Dana investasi BPJS Ketenagakerjaan per Desember 2023 sebesar Rp 752 triliun.\n"
)


def test_draft_mode_dates_an_undated_draft_and_lists_what_the_archive_confirms(tmp_path: Path):
    draft = tmp_path / "draft.md"
    draft.write_text(UNDATED_DRAFT, encoding="utf-8")
    args = ["check", str(draft), "--against", CORPUS, "--published", "2024-02-20"]
    data = json.loads(invoke(*args, "--format", "json").stdout)
    article = next(a for a in data["articles"] if a["id"] == "draft.md")
    assert (article["published"], article["published_evidence"]) == ("2024-02-20", "draft: --published")
    status = {d["figure"]["text"]: d["status"] for d in data["draft"]}
    assert status == {"39,4 juta": "contradicted", "Rp 752 triliun": "confirmed"}
    confirmed = next(d for d in data["draft"] if d["status"] == "confirmed")
    assert confirmed["archive"][0]["article"] == "2024-03-20-kabar-ekonomi-februari.txt"
    assert "FC101" in next(d for d in data["draft"] if d["status"] == "contradicted")["rules"]
    text = invoke(*args, "--lang", "en").stdout
    assert "Draft figures: 1 confirmed, 1 contradicted" in text
    assert "confirmed     " in text and "the archive says Rp 752 triliun" in text
    assert "Angka dalam draf: 1 sesuai arsip, 1 bertentangan" in invoke(*args).stdout
    markdown = invoke(*args, "--format", "markdown", "--lang", "en").stdout
    assert "#### Draft figures: 1 confirmed, 1 contradicted" in markdown
    assert "- **contradicted** " in markdown and "39,4 juta (Desember 2023): FC101, FC301" in markdown


def test_an_undated_draft_is_dated_today(tmp_path: Path):
    from datetime import date

    draft = tmp_path / "draft.md"
    draft.write_text(UNDATED_DRAFT, encoding="utf-8")
    before = date.today().isoformat()
    data = json.loads(invoke("check", str(draft), "--against", CORPUS, "--format", "json").stdout)
    article = next(a for a in data["articles"] if a["id"] == "draft.md")
    assert article["published"] in {before, date.today().isoformat()}  # a run across midnight takes either day
    assert article["published_evidence"] == "draft: dated today"
    assert "draft" not in json.loads(invoke("check", CORPUS, "--format", "json").stdout)  # only in draft mode


def test_published_without_an_archive_is_a_usage_error():
    result = invoke("check", CORPUS, "--published", "2024-02-20")
    assert result.exit_code == 2 and "--published dates a draft" in result.output


def test_list_counts_count_every_item(tmp_path: Path):
    (tmp_path / "a.md").write_text(
        "---\npublished: 2024-03-01\n---\nProgram ini diperluas ke dua provinsi, yaitu Jawa Barat, Jawa Tengah, "
        "dan Jawa Timur, kata pejabat itu.\n",
        encoding="utf-8",
    )
    messages = [f["message"] for f in json.loads(invoke("check", str(tmp_path), "--format", "json").stdout)["findings"]]
    assert messages == ["disebut dua provinsi, tetapi yang dirinci 3: Jawa Barat, Jawa Tengah, dan Jawa Timur"]
    english = json.loads(invoke("check", str(tmp_path), "--format", "json", "--lang", "en").stdout)["findings"]
    assert [f["message"] for f in english] == [
        "dua provinsi are announced, but 3 are listed: Jawa Barat, Jawa Tengah and Jawa Timur"
    ]


def test_an_output_that_cannot_be_written_is_a_one_line_error(tmp_path: Path):
    result = invoke("check", CORPUS, "-o", f"sarif:{tmp_path / 'missing' / 'x.sarif'}")
    assert result.exit_code == 2
    assert result.stderr.strip().splitlines() == [
        f"factcheck: error: -o {tmp_path / 'missing' / 'x.sarif'}: folder {tmp_path / 'missing'} does not exist [E004]"
    ]
