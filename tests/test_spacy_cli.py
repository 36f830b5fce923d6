"""spaCy's command-line package is not imported by a check, and still works when something uses it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

CHECK = """
import sys
from factcheck.cli import main
try:
    main(["check", "corpus/2024-06-03-kabar-ekonomi-stunting.txt", "--against", "corpus/", "--published", "2024-06-01"])
except SystemExit:
    pass
print("LOADED", sorted({m.split(".")[0] for m in sys.modules} & {"spacy", "weasel", "typer", "requests"}))
"""

INDONESIAN = """
import sys
from factcheck.cli import main
try:
    draft, archive = "corpus/2024-06-03-kabar-ekonomi-stunting.txt", "corpus/2024-09-26-sehat-stunting.html"
    main(["check", draft, "--against", archive])
except SystemExit:
    pass
print("TRAINED", sorted(m for m in sys.modules if m.startswith("spacy.pipeline.") and "_parser_internals" not in m))
"""

LATER = """
import sys
from factcheck.spacy_cli import defer
defer()
import spacy
from spacy.cli import download
import spacy.cli.train
train = spacy.cli.train.__file__
print(sorted(spacy.info())[:2], callable(download), train.endswith("train.py"), "weasel" in sys.modules)
"""


PIPES = """
from factcheck.spacy_cli import defer
defer()
import spacy
from factcheck.extract import pipeline
print([t.text for t in pipeline("id").make_doc("Naik 5,2 persen.")])
from spacy.pipeline import EntityRuler
nlp = spacy.blank("en")
nlp.add_pipe("entity_ruler").add_patterns([{"label": "ORG", "pattern": "BPS"}])
print(EntityRuler.__name__, [e.text for e in nlp("BPS said so").ents], spacy.pipeline.Sentencizer.__name__)
"""


def run(code: str) -> str:
    env = {"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin", "FACTCHECK_CACHE_DIR": os.environ["FACTCHECK_CACHE_DIR"]}
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, env=env, check=True)
    return result.stdout


def test_a_check_imports_spacy_without_its_command_line_package() -> None:
    output = run(CHECK)
    assert "21,5 persen" in output  # the check ran and read the figures
    assert output.strip().splitlines()[-1] == "LOADED ['spacy']"


def test_a_check_of_indonesian_articles_imports_none_of_spacy_s_trained_components() -> None:
    # spaCy's parser, tagger, entity linker, ... (extract/blank.py); English's lemmatizer imports them all
    assert run(INDONESIAN).strip().splitlines()[-1] == "TRAINED []"


def test_spacy_s_command_line_package_is_imported_when_used() -> None:
    assert run(LATER).split() == ["['location',", "'pipelines']", "True", "True", "True"]


def test_spacy_s_trained_components_are_imported_when_used() -> None:
    assert run(PIPES).splitlines() == ["['Naik', '5,2', 'persen', '.']", "EntityRuler ['BPS'] Sentencizer"]
