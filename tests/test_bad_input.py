"""Hostile and broken input: each bad file is one skipped file, the good article is still checked.

Every case runs `factcheck check` on a folder holding one good article (which has two findings of
its own) and one bad input, and asserts the exit status, the reason the bad input was skipped (or
how it was read), the good article's findings, and that no traceback reached the user.
"""

from __future__ import annotations

import json
import os
import re
import sys
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner

from factcheck.cli import main

ROOT = Path(__file__).resolve().parent.parent
GOOD_NAME = "2024-01-25-jurnal-sosial-akhir-2023.md"
GOOD = (ROOT / "corpus" / GOOD_NAME).read_text(encoding="utf-8")
LEAD = "Jumlah peserta aktif BPJS Ketenagakerjaan tercatat 41,2 juta orang pada Maret 2024, kata juru bicara.\n"


def run(*args: str, stdin: bytes | None = None) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args), input=stdin)
    output = result.output  # standard output and error, as a terminal shows them
    assert "Traceback" not in output, output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, output


def report_of(folder: Path, *extra: str) -> tuple[int, dict, str]:
    target = folder.parent / f"{folder.name}-report.json"
    code, output = run("check", str(folder), "--format", "json", "-o", str(target), *extra)
    report = json.loads(target.read_text(encoding="utf-8"), parse_constant=_no_constants) if code in (0, 1) else {}
    return code, report, output


def _no_constants(name: str) -> object:
    raise AssertionError(f"JSON output holds {name}")


def skipped(report: dict) -> dict[str, str]:
    return {Path(s["path"]).name: s["reason"] for s in report["skipped"]}


def good_findings(report: dict) -> list[str]:
    return sorted(f["rule"] for f in report["findings"] if f["evidence"][0]["article"] == GOOD_NAME)


@pytest.fixture
def corpus(write):
    """A folder with the good article and `files` beside it."""

    def _corpus(files: dict[str, str | bytes]) -> Path:
        return write({f"in/{GOOD_NAME}": GOOD, **{f"in/{name}": content for name, content in files.items()}}) / "in"

    return _corpus


@pytest.fixture(scope="module")
def alone(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    folder = tmp_path_factory.mktemp("alone")
    (folder / GOOD_NAME).write_text(GOOD, encoding="utf-8")
    code, output = run("check", str(folder), "--format", "json", "-o", str(folder.parent / "alone.json"))
    report = json.loads((folder.parent / "alone.json").read_text(encoding="utf-8"))
    assert code == 1 and good_findings(report)
    return good_findings(report)


def test_backtracking_rows_are_read_not_hung_on(corpus, alone):
    ticker = "IHSG " + "  ".join(f"{n}.{n:03d}" for n in range(1, 27)) + "  ditutup melemah x"
    folder = corpus({"pasar.txt": ticker + "\n" + " " * 800 + "x\n" + "1" * 30_000 + "\n" + LEAD})
    code, report, _ = report_of(folder)
    assert code == 1 and "pasar.txt" not in skipped(report)
    assert "pasar.txt" in {a["id"] for a in report["articles"]}
    assert good_findings(report) == alone


def test_a_text_longer_than_a_piece_is_read_in_pieces_with_true_offsets(monkeypatch, write, lexicon):
    import factcheck.extract as extract_module
    from factcheck.api import claims

    assert extract_module.pipeline("id").max_length >= extract_module.PIECE  # spaCy never sees a longer Doc
    monkeypatch.setattr(extract_module, "PIECE", 400)
    line = "Jumlah peserta aktif tercatat 5 juta orang pada Januari 2024 menurut data resmi lembaga itu."
    folder = write({"panjang.txt": " ".join([line] * 30) + "\n" + (line + "\n") * 30})
    found, skipped_files = claims(str(folder))
    text = (folder / "panjang.txt").read_text(encoding="utf-8")
    assert not skipped_files and len(found) == 60
    assert all(text[c.start : c.end] == c.text == "5 juta" for c in found)


def test_a_lone_surrogate_in_json_lines_is_replaced_not_fatal(corpus, alone):
    record = '{"id": "s1", "text": "Jumlah peserta \\ud800 aktif 5 juta orang pada Januari 2024."}\n'
    code, report, _ = report_of(corpus({"arsip.jsonl": record}))
    assert code == 1 and not report["skipped"]
    assert "s1" in {a["id"] for a in report["articles"]}
    assert good_findings(report) == alone


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("dalam.jsonl", '{"id": "d", "text": "x", "m": ' + "[" * 100_000 + "]" * 100_000 + "}\n", "nested too deeply"),
        ("dalam.md", "---\ntitle: " + "[" * 50_000 + "]" * 50_000 + "\n---\n" + LEAD, "nested too deeply"),
        (
            "bom.md",
            "---\nfactcheck-ignore: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a]\n"
            "c: [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n---\n" + LEAD,
            "aliases (*name) are not allowed",
        ),
    ],
)
def test_nesting_and_alias_bombs_are_skipped_with_their_reason(corpus, alone, name, content, reason):
    code, report, _ = report_of(corpus({name: content}))
    assert code == 1
    assert reason in skipped(report)[name if not name.endswith(".jsonl") else f"{name}:1"]
    assert good_findings(report) == alone


def test_a_figure_beyond_float_range_is_no_claim_and_outputs_stay_valid(corpus, alone):
    folder = corpus({"besar.txt": "Jumlah peserta aktif tercatat " + "9" * 400 + " juta orang pada Januari 2024.\n"})
    code, report, _ = report_of(folder)
    assert code == 1 and good_findings(report) == alone
    code, output = run("claims", str(folder))
    assert code == 0
    values = [
        json.loads(line, parse_constant=_no_constants)["value"] for line in output.splitlines() if line[:1] == "{"
    ]
    assert values and all(abs(v) < 1e30 for v in values)


def test_an_oversized_integer_loses_its_field_not_the_record(corpus, alone):
    record = '{"id": "b1", "published": ' + "9" * 5000 + ', "text": "' + LEAD.strip() + '"}\n'
    code, report, _ = report_of(corpus({"arsip.jsonl": record}))
    assert code == 1 and not report["skipped"]
    assert "b1" in {a["id"] for a in report["articles"]}
    assert good_findings(report) == alone


def test_json_lines_split_on_newlines_only(corpus, alone):
    records = [
        {"id": "u1", "text": "Jumlah peserta\u2028aktif 5 juta orang pada Januari 2024."},
        {"id": "u2", "text": "Jumlah peserta\u2029aktif 6 juta orang pada Februari 2024."},
        {"id": "u3", "text": "Jumlah\u0085peserta aktif 7 juta orang pada Maret 2024.\rSelesai."},
    ]
    lines = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
    code, report, _ = report_of(corpus({"arsip.jsonl": lines}))
    assert code == 1 and not report["skipped"]
    assert {"u1", "u2", "u3"} <= {a["id"] for a in report["articles"]}
    assert good_findings(report) == alone


@pytest.mark.skipif(sys.platform == "darwin", reason="macOS refuses file names that are not UTF-8")
def test_a_file_name_that_is_not_utf8_is_read_and_reported(corpus, alone):
    folder = corpus({})
    with open(os.path.join(os.fsencode(folder), b"berita-\xff.txt"), "wb") as handle:
        handle.write(LEAD.encode())
    code, report, _ = report_of(folder)
    assert code == 1
    assert "berita-\ufffd.txt" in {a["id"] for a in report["articles"]}
    assert good_findings(report) == alone


def test_control_characters_in_a_title_still_give_a_graph(corpus, tmp_path):
    folder = corpus({"judul.md": '---\ntitle: "Peserta \\x01\\x1b[31m 41,2 Juta"\n---\n' + LEAD})
    graph = tmp_path / "claims.graphml"
    code, _ = run("check", str(folder), "--graph", str(graph))
    assert code == 1
    labels = [data.get("label", "") for _, data in nx.read_graphml(graph).nodes(data=True)]
    assert any(label.startswith("Peserta \ufffd\ufffd[31m") for label in labels)


def test_a_path_that_does_not_exist_is_a_usage_error(tmp_path):
    code, output = run("check", str(tmp_path / "tidak-ada"))
    assert code == 2
    assert output.strip().splitlines() == [f"factcheck: error: {tmp_path / 'tidak-ada'}: no such file or folder [E003]"]
    assert run("claims", str(tmp_path / "tidak-ada"))[0] == 2


def test_a_run_that_reads_no_article_is_a_usage_error_unless_allowed(tmp_path):
    (tmp_path / "kosong.txt").write_text("")
    code, output = run("check", str(tmp_path))
    assert code == 2 and "no article to check" in output and "kosong.txt: empty file" in output
    assert run("check", str(tmp_path), "--allow-empty")[0] == 0
    assert run("claims", str(tmp_path))[0] == 2
    assert run("claims", str(tmp_path), "--allow-empty")[0] == 0


def test_stdin_is_one_article_named_by_stdin_filename():
    code, output = run("claims", "-", "--stdin-filename", "draf.md", stdin=GOOD.encode())
    assert code == 0
    articles = {json.loads(line)["article"] for line in output.splitlines() if line[:1] == "{"}
    assert articles == {"draf.md"}
    assert run("check", "-", "--stdin-filename", "draf.md", stdin=GOOD.encode())[0] == 1


def test_the_same_file_given_twice_is_read_once(corpus, alone):
    folder = corpus({})
    once = report_of(folder)[1]
    code, output = run("check", str(folder), str(folder), str(folder / GOOD_NAME), "--format", "json")
    twice = json.loads(output[output.index("{") : output.rindex("}") + 1])
    assert code == 1 and len(twice["articles"]) == 1
    assert [f["message"] for f in twice["findings"]] == [f["message"] for f in once["findings"]]


def test_a_draft_inside_its_archive_keeps_its_findings():
    draft = str(ROOT / "corpus" / "2024-02-08-warta-nusantara-informal.md")
    code, output = run("check", draft, "--against", str(ROOT / "corpus"), "--format", "json")
    inside = json.loads(output[output.index("{") : output.rindex("}") + 1])
    assert code == 1
    assert any(
        e["article"] == "2024-01-25-jurnal-sosial-akhir-2023.md" for f in inside["findings"] for e in f["evidence"]
    )
    assert not any(a["id"].startswith("archive:") for a in inside["articles"])


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs symlinks and FIFOs")
def test_links_leaving_the_root_fifos_and_dangling_links_are_skipped(corpus, alone, tmp_path):
    secret = tmp_path / "rahasia.txt"
    secret.write_text("Kata sandi rahasia 1234 tersimpan di sini dan tidak boleh dibaca oleh siapa pun.\n")
    folder = corpus({})
    (folder / "bocor.txt").symlink_to(secret)
    (folder / "hilang.txt").symlink_to(tmp_path / "tidak-ada.txt")
    (folder / "putar.txt").symlink_to(folder / "putar.txt")
    os.mkfifo(folder / "pipa.txt")
    (folder / "dalam.txt").symlink_to(folder / GOOD_NAME)  # inside the root: the same file, read once
    code, report, _ = report_of(folder)
    reasons = skipped(report)
    assert code == 1
    assert reasons["bocor.txt"].startswith("symbolic link leaves")
    assert reasons["hilang.txt"] == reasons["putar.txt"] == "dangling or looping symbolic link"
    assert reasons["pipa.txt"] == "a FIFO, not an article file"
    assert "rahasia" not in json.dumps(report)
    assert len(report["articles"]) == 1 and good_findings(report) == alone


def test_the_api_takes_a_str_or_a_path_as_one_path():
    from factcheck import check, claims

    as_list = check([str(ROOT / "corpus")])
    assert len(check(str(ROOT / "corpus")).findings) == len(as_list.findings) == 24
    assert len(check(ROOT / "corpus").articles) == 28
    found, _ = claims(str(ROOT / "corpus"))
    assert len(found) == 121


def test_an_article_over_its_time_budget_is_skipped_with_that_reason(monkeypatch, corpus, alone):
    import factcheck.extract as extract_module
    from factcheck.budget import OverBudget

    real = extract_module.extract

    def slow(article, lexicon=None, budget=None):
        if article.id == "lambat.txt":
            raise OverBudget(5)
        return real(article, lexicon, budget)

    monkeypatch.setattr(extract_module, "extract", slow)
    code, report, _ = report_of(corpus({"lambat.txt": LEAD}), "--time-budget", "5")
    assert code == 1
    assert skipped(report)["lambat.txt"] == "took longer than the time budget of 5 s per article"
    assert "lambat.txt" not in {a["id"] for a in report["articles"]}
    assert good_findings(report) == alone


@pytest.mark.skipif(not hasattr(__import__("signal"), "setitimer"), reason="needs a timer signal")
def test_the_budget_interrupts_a_pattern_that_backtracks():
    from factcheck.budget import Budget, OverBudget

    with pytest.raises(OverBudget), Budget(0.2).article():
        re.search(r"^(a+)+$", "a" * 40 + "b")  # about 2**40 steps without the budget


def test_the_time_budget_is_a_setting(tmp_path):
    (tmp_path / "setup.cfg").write_text("[factcheck]\ntime-budget = lama\n")
    (tmp_path / "a.md").write_text(GOOD)
    code, output = run("check", str(tmp_path))
    assert code == 2 and "time-budget" in output and len(output.strip().splitlines()) == 1


def test_user_patterns_with_nested_quantifiers_are_refused(tmp_path):
    (tmp_path / "boilerplate.yml").write_text("line:\n  - name: jebakan\n    pattern: '^(\\w+\\s?)*$'\n")
    code, output = run("check", str(ROOT / "corpus"), "--rules", str(tmp_path))
    assert code == 2
    assert "jebakan" in output and "nested quantifier" in output


def test_the_old_ticker_pattern_would_be_refused_and_the_packaged_ones_pass(lexicon):
    from factcheck.regex_check import nested_quantifier

    old_ticker = r"^\s*(?:•|\|)?\s*[A-Z][A-Z.\- ]{0,25}[A-Z0-9]?\s?-?\d[\d.,]*(?:\s+[-+]?[\d.,]+\s*%?)*\s*%?\s*$"
    assert nested_quantifier(old_ticker)  # exponential in a stock row's columns: 26 columns ran past 120 s
    assert nested_quantifier(r"(?:\d{1,3}\.?)+") and not nested_quantifier(r"(?:\d{1,3}\.?)++")
    assert not nested_quantifier(r"(?>\w+\s?)*")
    assert all(nested_quantifier(p.pattern.pattern) is None for p in lexicon.boilerplate)
