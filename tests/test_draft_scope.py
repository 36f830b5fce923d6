"""A draft against a claim archive loads only its neighbourhood, and reports exactly what the whole archive gives.

Each article of the corpus (and a few generated ones) is taken in turn as the
draft and checked against the archive, where only the articles sharing a
blocking key with it are loaded, and against the folder the archive was built
from, where every article is read and every rule runs on everything: the two
reports (findings, the draft's confirmed and contradicted figures, the
articles and claims counted) must be byte-identical.
"""

from __future__ import annotations

import json
import random
import shutil
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from factcheck.cli import main

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
DRAFTS = sorted(p for p in CORPUS.iterdir() if p.suffix in (".md", ".txt", ".html", ".jsonl"))


def invoke(*args: str) -> str:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    assert result.exit_code in (0, 1), result.output
    return result.stdout


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> str:
    db = str(tmp_path_factory.mktemp("archive") / "corpus.sqlite")
    invoke("index", str(CORPUS), "--db", db)
    return db


@pytest.mark.parametrize("source", DRAFTS, ids=[p.name for p in DRAFTS])
def test_each_corpus_article_as_a_draft_gets_the_report_the_whole_archive_gives(
    source: Path, archive: str, tmp_path: Path
) -> None:
    draft = tmp_path / source.name  # the same article, outside the folder: the archive holds it too
    shutil.copyfile(source, draft)
    against_files = invoke(
        "check", str(draft), "--against", str(CORPUS), "--format", "json", "--published", "2024-06-01"
    )
    against_archive = invoke("check", str(draft), "--against", archive, "--format", "json", "--published", "2024-06-01")
    assert against_archive == against_files


def test_a_draft_loads_only_the_articles_it_can_meet(archive: str, tmp_path: Path) -> None:
    from factcheck.lexicon import load_lexicon
    from factcheck.load import read_and_extract
    from factcheck.neighbourhood import load_neighbourhood

    lexicon = load_lexicon()
    draft = tmp_path / "stunting.md"
    shutil.copyfile(CORPUS / "2024-06-03-kabar-ekonomi-stunting.txt", draft)
    (drafts,) = read_and_extract([[str(draft)]], lexicon)
    scoped = load_neighbourhood(archive, drafts, lexicon)
    assert scoped is not None
    loaded = {a.path.rsplit("/", 1)[-1] for a in scoped.extracted.articles}
    assert "2024-05-20-sehat-stunting-provinsi.md" in loaded  # the same figure, another outlet
    assert "2024-01-25-jurnal-sosial-akhir-2023.md" not in loaded  # BPJS membership: nothing to compare
    assert len(scoped.catalogue([])) == 28 and scoped.claims == 121  # the report still counts the whole archive


def test_generated_drafts_against_a_generated_archive(tmp_path: Path) -> None:
    """Copies with varied figures make large clusters, long series, near values: the cases blocking must keep."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from run import _vary, generate  # type: ignore[import-not-found]

    folder = tmp_path / "articles"
    folder.mkdir()
    generate(90, folder)
    db = str(tmp_path / "archive.sqlite")
    invoke("index", str(folder), "--db", db)
    rng = random.Random(5)
    files = sorted(folder.iterdir())
    for source in files[:: len(files) // 6][:6]:
        draft = tmp_path / f"draft-{source.name}"
        draft.write_text(_vary(source.read_text(encoding="utf-8"), rng), encoding="utf-8")
        args = ("--format", "json", "--published", "2025-06-01")
        assert invoke("check", str(draft), "--against", db, *args) == invoke(
            "check", str(draft), "--against", str(folder), *args
        )


def test_generated_drafts_against_a_dense_archive(tmp_path: Path) -> None:
    """The dense archive (every copy keeps its template's institution and places) makes the largest clusters."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from run import _vary, generate

    folder = tmp_path / "articles"
    folder.mkdir()
    generate(60, folder, dense=True)
    db = str(tmp_path / "archive.sqlite")
    invoke("index", str(folder), "--db", db)
    rng = random.Random(3)
    for source in sorted(folder.iterdir())[:3]:
        draft = tmp_path / f"draft-{source.name}"
        draft.write_text(_vary(source.read_text(encoding="utf-8"), rng), encoding="utf-8")
        args = ("--format", "json", "--published", "2025-06-01")
        assert invoke("check", str(draft), "--against", db, *args) == invoke(
            "check", str(draft), "--against", str(folder), *args
        )


def test_a_regional_draft_loads_neither_other_places_nor_its_speakers_other_articles(tmp_path: Path) -> None:
    """A figure for one regency meets the nation's and its own place's, not every place's of its metric."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from run import _vary, generate

    from factcheck.blocking import article_keys
    from factcheck.lexicon import load_lexicon
    from factcheck.load import read_and_extract
    from factcheck.neighbourhood import load_neighbourhood

    folder = tmp_path / "articles"
    folder.mkdir()
    generate(120, folder)
    db = str(tmp_path / "archive.sqlite")
    invoke("index", str(folder), "--db", db)
    draft = tmp_path / "draft.md"
    draft.write_text(_vary(sorted(folder.iterdir())[0].read_text(encoding="utf-8"), random.Random(11)), "utf-8")
    lexicon = load_lexicon()
    (drafts,) = read_and_extract([[str(draft)]], lexicon)
    assert {c.scope.rstrip("?") for c in drafts.found[0][0]} == {"Kota Sabang"}  # the first copy is regional
    scoped = load_neighbourhood(db, drafts, lexicon)
    assert scoped is not None
    keys = article_keys(*drafts.found[0], lexicon)
    sharing = set()
    for source in folder.iterdir():
        (archived,) = read_and_extract([[str(source)]], lexicon)
        if keys & article_keys(*archived.found[0], lexicon):
            sharing.add(source.name)
    loaded = {a.path.rsplit("/", 1)[-1] for a in scoped.extracted.articles}
    assert loaded < sharing and len(loaded) <= len(sharing) // 2
    args = ("--published", "2025-06-01")
    for fmt in ("json", "text"):
        assert invoke("check", str(draft), "--against", db, "--format", fmt, *args) == invoke(
            "check", str(draft), "--against", str(folder), "--format", fmt, *args
        )


def test_a_draft_names_archived_articles_two_folders_share_a_name_of_as_the_whole_archive_does(tmp_path: Path) -> None:
    """Two indexed folders both hold one file name, and so does the draft: ids as with every article loaded.

    `--graph` loads the whole archive (the graph is of every article), so it is the reference here.
    """
    first, second = tmp_path / "first", tmp_path / "second"
    for folder in (first, second):
        folder.mkdir()
        shutil.copyfile(CORPUS / "2024-01-25-jurnal-sosial-akhir-2023.md", folder / "akhir.md")
    shutil.copyfile(CORPUS / "2024-02-08-warta-nusantara-informal.md", second / "informal.md")
    db = str(tmp_path / "archive.sqlite")
    invoke("index", str(first), str(second), "--db", db)
    draft = tmp_path / "akhir.md"  # the draft's own id is an archived one's too
    shutil.copyfile(CORPUS / "2023-11-02-harian-pekerja-september.md", draft)
    args = ("--published", "2024-06-01")
    graph = str(tmp_path / "whole.graphml")
    for fmt in ("json", "text"):
        scoped = invoke("check", str(draft), "--against", db, "--format", fmt, *args)
        assert scoped == invoke("check", str(draft), "--against", db, "--graph", graph, "--format", fmt, *args)
        assert "first/akhir.md" in scoped or fmt == "text"


@pytest.mark.parametrize("published", ["2024-05-07", "2024-08-01"])
def test_an_archived_figure_presented_as_latest_is_reported_when_it_quotes_the_draft(
    published: str, archive: str, tmp_path: Path
) -> None:
    """A Semarang article of 2024-07-15 gives 5,32 persen as the national rate; 4,82 persen was out in May.

    A draft stating 4,82 persen before that article is one of the releases the finding names; one published
    after it is not, and the finding, quoting archived articles only, is not the draft's.
    """
    source = (CORPUS / "2024-05-07-bps-pengangguran.md").read_text(encoding="utf-8")
    draft = tmp_path / "tpt.md"
    draft.write_text(source.replace("published: 2024-05-07", f"published: {published}"), encoding="utf-8")
    against_archive = invoke("check", str(draft), "--against", archive, "--format", "json")
    assert against_archive == invoke("check", str(draft), "--against", str(CORPUS), "--format", "json")
    stale = [f for f in json.loads(against_archive)["findings"] if f["rule"] == "FC201"]
    if published == "2024-05-07":
        (finding,) = stale
        assert [e["article"] for e in finding["evidence"]][0] == "2024-07-15-suara-daerah-tpt-semarang.md"
        assert "tpt.md" in [e["article"] for e in finding["evidence"]]
    else:
        assert stale == []
