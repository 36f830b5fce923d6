"""The language-data cache: the next process reads the compiled lexicon instead of the rule files, never a stale one."""

from __future__ import annotations

import dataclasses
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from factcheck.errors import RuleFileError
from factcheck.lexicon import Lexicon, load_lexicon

ROOT = Path(__file__).resolve().parent.parent
_KEEP: list[Lexicon] = []  # components remember their structures by a lexicon's id(): no id is freed for reuse

METRIC = """metrics:
  - id: kursi-kereta
    synonyms: [kursi kereta]
"""
ARTICLE = "---\npublished: 2024-03-01\n---\nJumlah kursi kereta tercatat 5.000 unit pada Februari 2024.\n"


def load(extra_dirs: tuple[str, ...] = ()) -> Lexicon:
    """A lexicon read now (as a new process would), not the one this process already holds."""
    lexicon = load_lexicon.__wrapped__(extra_dirs)
    _KEEP.append(lexicon)
    return lexicon


def fields(lexicon: Lexicon) -> dict[str, Any]:
    return dataclasses.asdict(lexicon)


def entries(folder: Path) -> list[Path]:
    return sorted(folder.glob("lexicon-*.pickle"))


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("FACTCHECK_CACHE_DIR", str(folder))
    return folder


def test_the_next_load_reads_the_cache_and_gets_the_same_lexicon(cache: Path) -> None:
    built = load()
    assert len(entries(cache)) == 1
    again = load()
    assert again is not built and fields(again) == fields(built)


def test_a_lexicon_from_the_cache_extracts_what_a_built_one_does(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from factcheck.extract import extract
    from factcheck.read import read_file

    monkeypatch.setenv("FACTCHECK_NO_CACHE", "1")
    built = load()
    monkeypatch.delenv("FACTCHECK_NO_CACHE")
    load()  # writes the entry
    cached = load()
    for path in sorted((ROOT / "corpus").iterdir())[:8]:
        articles = [a for a in read_file(path, path.name, built) if hasattr(a, "text")]
        for article in articles:
            mine = [c.to_json() for c in extract(article, cached).claims]
            theirs = [c.to_json() for c in extract(article, built).claims]
            assert json.dumps(mine, default=str) == json.dumps(theirs, default=str)


def test_an_edited_rule_file_is_read_again(cache: Path, tmp_path: Path) -> None:
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "metrics.yml").write_text(METRIC, encoding="utf-8")
    assert load((str(rules),)).metric("kursi-kereta") is not None
    (rules / "metrics.yml").write_text(METRIC.replace("kursi-kereta", "kursi-kapal"), encoding="utf-8")
    edited = load((str(rules),))
    assert edited.metric("kursi-kereta") is None and edited.metric("kursi-kapal") is not None
    # the entry of the old file is gone, and the packaged rules' entry is another one, kept
    load()
    assert len(entries(cache)) == 2


def test_a_corrupt_entry_is_built_again_and_replaced(cache: Path) -> None:
    built = load()
    (entry,) = entries(cache)
    entry.write_bytes(entry.read_bytes()[:1000])  # cut short, as by a full disk
    assert fields(load()) == fields(built)
    assert fields(load()) == fields(built)
    entry.write_bytes(b"not a pickle")
    assert fields(load()) == fields(built)


def test_a_bad_rule_file_is_an_error_every_time(cache: Path, tmp_path: Path) -> None:
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "metrics.yml").write_text("metrics:\n  - id: x\n    synonim: [y]\n", encoding="utf-8")
    for _ in range(2):
        with pytest.raises(RuleFileError, match="metrics.yml"):
            load((str(rules),))
    assert entries(cache) == []


def test_no_cache_when_turned_off_or_unwritable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FACTCHECK_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("FACTCHECK_NO_CACHE", "1")
    load()
    assert not (tmp_path / "cache").exists()
    monkeypatch.delenv("FACTCHECK_NO_CACHE")
    monkeypatch.setenv("FACTCHECK_CACHE_DIR", "")
    load()
    blocker = tmp_path / "a-file"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("FACTCHECK_CACHE_DIR", str(blocker / "cache"))  # cannot be made: the lexicon is built
    assert load().metric("peserta-aktif") is not None


def test_a_check_reads_the_same_report_from_a_warm_cache_and_without_one(tmp_path: Path) -> None:
    (tmp_path / "news").mkdir()
    for name in ("2024-01-25-jurnal-sosial-akhir-2023.md", "2024-02-08-warta-nusantara-informal.md"):
        (tmp_path / "news" / name).write_bytes((ROOT / "corpus" / name).read_bytes())
    (tmp_path / "news" / "kereta.md").write_text(ARTICLE, encoding="utf-8")

    def run(**env: str) -> str:
        command = [sys.executable, "-m", "factcheck", "check", str(tmp_path / "news"), "--format", "json"]
        environment = {**os.environ, "PYTHONPATH": str(ROOT), "FACTCHECK_CACHE_DIR": str(tmp_path / "c"), **env}
        return subprocess.run(command, capture_output=True, text=True, env=environment, check=False).stdout

    cold, warm, off = run(), run(), run(FACTCHECK_NO_CACHE="1")
    assert entries(tmp_path / "c") and json.loads(cold)["findings"]
    assert cold == warm == off


def test_number_symbols_are_read_from_the_cache_and_rebuilt_when_corrupt(cache: Path) -> None:
    from decimal import Decimal

    from factcheck.extract.numbers import _number_symbols, parse_decimal

    _number_symbols.cache_clear()
    assert _number_symbols("id") == (".", ",")
    (entry,) = cache.glob("numbers-id-*.pickle")
    entry.write_bytes(b"\x80garbage")
    _number_symbols.cache_clear()
    assert parse_decimal("1.234,5", "id") == Decimal("1234.5")
    assert parse_decimal("1,234.5", "en") == Decimal("1234.5")


def test_a_process_with_a_warm_cache_neither_validates_nor_reads_pycountry(tmp_path: Path) -> None:
    code = (
        "import sys; from factcheck.lexicon import load_lexicon; load_lexicon(); "
        "print(sorted({m.split('.')[0] for m in sys.modules} & {'jsonschema', 'pycountry'}))"
    )
    environment = {**os.environ, "PYTHONPATH": str(ROOT), "FACTCHECK_CACHE_DIR": str(tmp_path)}

    def run() -> str:
        return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=environment).stdout

    assert run().strip() == "['jsonschema', 'pycountry']"  # the first builds the entry
    assert run().strip() == "[]"
