"""`check --db` keeps no article text in memory: it reads a text from the archive when a rule or report needs it."""

from __future__ import annotations

import shutil
from dataclasses import fields
from pathlib import Path

from click.testing import CliRunner

from factcheck.cli import main
from factcheck.lexicon import load_lexicon
from factcheck.load import read_and_extract
from factcheck.models import Article
from factcheck.texts import RECENT, ArchivedArticle

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
FORMATS = ("concise", "csv", "sarif", "github", "markdown", "html")  # text and json: test_archive.py


def invoke(*args: str) -> str:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    assert result.exit_code in (0, 1), result.output
    return result.stdout


def test_every_report_on_the_archive_equals_the_report_on_the_files(tmp_path: Path) -> None:
    # the rules that read texts (lists, datelines, sums, trends, "data terbaru") and every report's line:column
    folder = tmp_path / "corpus"
    shutil.copytree(CORPUS, folder)
    db = str(tmp_path / "archive.sqlite")
    invoke("index", str(folder), "--db", db)
    for run, given in (("files", [str(folder)]), ("archive", ["--db", db])):
        targets = [f"{fmt}:{tmp_path / f'{run}.{fmt}'}" for fmt in FORMATS]
        invoke("check", *given, "--format", "concise", *(a for t in targets for a in ("-o", t)))
    for fmt in FORMATS:
        assert (tmp_path / f"archive.{fmt}").read_bytes() == (tmp_path / f"files.{fmt}").read_bytes(), fmt


def test_an_archived_article_reads_its_text_from_the_archive(tmp_path: Path) -> None:
    folder = tmp_path / "corpus"
    shutil.copytree(CORPUS, folder)
    db = str(tmp_path / "arsip #1?.sqlite")  # characters a URI would read as its fragment and query
    invoke("index", str(folder), "--db", db)
    (archived,) = read_and_extract([[db]], load_lexicon())
    (on_files,) = read_and_extract([[str(folder)]], load_lexicon())
    assert len(archived.articles) == len(on_files.articles) == 28
    for article, original in zip(archived.articles, on_files.articles):
        assert isinstance(article, ArchivedArticle)
        assert "text" not in vars(article)  # not held, but read when asked for
        same = [f.name for f in fields(Article) if f.compare]
        assert [getattr(article, name) for name in same] == [getattr(original, name) for name in same]
        offsets = range(0, len(original.text) + 1, 7)
        assert [article.line_col(o) for o in offsets] == [original.line_col(o) for o in offsets]


def test_line_and_column_are_those_of_the_text(tmp_path: Path) -> None:
    text = "Judul\r\n\nBaris tiga 35,3 juta\n\n"
    (tmp_path / "a.txt").write_bytes(text.encode("utf-8"))
    db = str(tmp_path / "archive.sqlite")
    invoke("index", str(tmp_path / "a.txt"), "--db", db)
    (archived,) = read_and_extract([[db]], load_lexicon())
    (article,) = archived.articles
    # a check that prints only counts never asks for a line: the line starts are not found until asked for
    assert vars(article)["_line_starts"] is None
    plain = Article(id="a.txt", path="a.txt", text=article.text)
    assert [article.line_col(o) for o in range(len(article.text) + 1)] == [
        plain.line_col(o) for o in range(len(article.text) + 1)
    ]
    assert article.line_col(article.text.index("35,3")) == (3, 12)
    assert vars(article)["_line_starts"] is not None  # kept once found: a report asks for every figure's line


def test_only_the_last_texts_read_are_kept(tmp_path: Path) -> None:
    folder = tmp_path / "many"
    folder.mkdir()
    for number in range(RECENT + 10):
        (folder / f"{number:03d}.txt").write_text(
            f"Artikel {number}: peserta 35,{number % 10} juta.\n", encoding="utf-8"
        )
    db = str(tmp_path / "archive.sqlite")
    invoke("index", str(folder), "--db", db)
    (archived,) = read_and_extract([[db]], load_lexicon())
    assert [a.text.split(":")[0] for a in archived.articles] == [f"Artikel {n}" for n in range(RECENT + 10)]
    texts = vars(archived.articles[0])["_texts"]
    assert len(texts._recent) == RECENT
