"""The claim archive: every file read and extracted once, kept in SQLite for later runs and for SQL.

`factcheck index PATH... --db archive.sqlite` reads and extracts only the
files that are new or changed since they were archived: a file is known by
its path, the SHA-256 of its bytes and the version of everything that turns
bytes into claims (the reading and extraction code and the rule and lexicon
files; see `extractor_version`). The database runs in WAL mode and each batch of files is
one transaction, so an interrupted run (Ctrl-C, kill -9) keeps every batch it
committed and the next run goes on from there.

Each file's row keeps what reading and extraction gave (articles, claims,
mentions, or the reason it was skipped) as one pickled blob, so that a report
built from the archive is byte-identical to one built from the files; the
`articles`, `claims`, `mentions` and `skipped` tables spell the same out as
columns for SQL. The README documents the schema. An archive holds pickles:
open only archives you trust, as you would run only code you trust.
"""

from __future__ import annotations

import hashlib
import pickle
import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from . import __version__
from .blocking import article_keys, block_entity
from .errors import FactcheckError
from .lexicon import Lexicon, default_rules_dir
from .models import Article, Claim, Mention, Skipped
from .stems import scope_key
from .workers import Runner, Unit, process_files

SCHEMA_VERSION = 2  # 2: blocking keys, spellings and one blob per article, for a draft's neighbourhood
COMMIT_EVERY = 16  # files per transaction
MAGIC = b"SQLite format 3\x00"

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS versions (
    version TEXT PRIMARY KEY, factcheck TEXT NOT NULL, sources INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS roots (seq INTEGER PRIMARY KEY, root TEXT NOT NULL UNIQUE);
CREATE TABLE IF NOT EXISTS files (
    path TEXT PRIMARY KEY, root INTEGER NOT NULL REFERENCES roots(seq), id TEXT NOT NULL,
    hash TEXT NOT NULL, version TEXT NOT NULL REFERENCES versions(version), unit BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS articles (
    file TEXT NOT NULL, position INTEGER NOT NULL, id TEXT NOT NULL, path TEXT NOT NULL,
    title TEXT, url TEXT, outlet TEXT, published TEXT, published_evidence TEXT, language TEXT, text TEXT,
    published_after TEXT, PRIMARY KEY (file, position));
CREATE TABLE IF NOT EXISTS claims (
    file TEXT NOT NULL, article TEXT NOT NULL, position INTEGER NOT NULL, start INTEGER, "end" INTEGER,
    text TEXT, value REAL, unit TEXT, low REAL, high REAL, qualifier TEXT, entity TEXT, scope TEXT,
    metric TEXT, period TEXT, period_start TEXT, period_end TEXT, modality TEXT, direction TEXT,
    published TEXT, sentence TEXT);
CREATE TABLE IF NOT EXISTS mentions (
    file TEXT NOT NULL, article TEXT NOT NULL, start INTEGER, "end" INTEGER, text TEXT, kind TEXT, canonical TEXT);
CREATE TABLE IF NOT EXISTS skipped (file TEXT NOT NULL, path TEXT NOT NULL, reason TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS article_units (
    file TEXT NOT NULL, position INTEGER NOT NULL, unit BLOB NOT NULL, PRIMARY KEY (file, position));
CREATE TABLE IF NOT EXISTS blocking (key TEXT NOT NULL, file TEXT NOT NULL, position INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS spellings (
    entity TEXT NOT NULL, scope TEXT NOT NULL, unit TEXT NOT NULL, metric TEXT NOT NULL, file TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS claims_file ON claims (file);
CREATE INDEX IF NOT EXISTS claims_metric ON claims (metric, entity);
CREATE INDEX IF NOT EXISTS mentions_file ON mentions (file);
CREATE INDEX IF NOT EXISTS skipped_file ON skipped (file);
CREATE INDEX IF NOT EXISTS blocking_key ON blocking (key, file, position);
CREATE INDEX IF NOT EXISTS blocking_file ON blocking (file);
CREATE INDEX IF NOT EXISTS spellings_block ON spellings (entity, scope, unit, metric);
CREATE INDEX IF NOT EXISTS spellings_file ON spellings (file);
"""


def is_archive(path: str) -> bool:
    """A SQLite file (by its first bytes), so `--against archive.sqlite` reads the archive, not the bytes."""
    try:
        with open(path, "rb") as handle:
            return handle.read(len(MAGIC)) == MAGIC
    except OSError:
        return False


# The code that turns a file's bytes into its articles, claims and mentions (and what stores them); the
# rules, the clustering and the reports are not in it, so editing a check keeps the archive valid.
EXTRACTOR_SOURCES = (
    "extract",
    "read.py",
    "dating.py",
    "periods.py",
    "lexicon.py",
    "schema.py",
    "models.py",
    "stems.py",
    "workers.py",
    "archive.py",
    "blocking.py",
)


def extractor_sources() -> list[Path]:
    package = Path(__file__).resolve().parent
    found: list[Path] = []
    for name in EXTRACTOR_SOURCES:
        path = package / name
        found.extend(sorted(path.rglob("*.py")) if path.is_dir() else [path])
    return found


def extractor_version(lexicon: Lexicon) -> str:
    """A digest of the reading and extraction code and of every rule and lexicon file: a change re-extracts."""
    digest = hashlib.sha256(f"{__version__} schema {SCHEMA_VERSION}".encode())
    sources = extractor_sources()
    folders = [default_rules_dir(), *(Path(d) for d in lexicon.extra_dirs)]
    rules = [p for folder in folders for p in sorted(folder.rglob("*.yml"))]
    for path in [*sources, *rules]:
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


def file_hash(path: Path) -> str:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return ""  # unreadable: read_file says why


@dataclass
class IndexResult:
    files: int = 0
    extracted: int = 0
    unchanged: int = 0
    removed: int = 0
    skipped: int = 0


class Archive:
    """One SQLite claim archive, opened for reading or for indexing."""

    def __init__(self, path: str, create: bool = False) -> None:
        self.path = path
        if not create and not is_archive(path):
            problem = "no such archive" if not Path(path).exists() else "not a factcheck archive (SQLite) file"
            raise FactcheckError(path, problem)
        try:
            self.db = sqlite3.connect(path, isolation_level=None)
            tables = {name for (name,) in self.db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            if not create and "meta" not in tables:
                self.db.close()
                raise FactcheckError(path, "not a factcheck archive (a SQLite file without its tables)")
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA synchronous=NORMAL")  # WAL keeps the database sound without a sync per commit
            self.db.executescript(SCHEMA)
            found = self.db.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()
        except sqlite3.DatabaseError as exc:
            raise FactcheckError(path, f"not a factcheck archive ({exc})") from exc
        if found is None:
            self.db.execute("INSERT OR IGNORE INTO meta VALUES ('schema', ?)", (str(SCHEMA_VERSION),))
        elif found[0] != str(SCHEMA_VERSION):
            raise FactcheckError(path, f"archive schema {found[0]}, this factcheck reads {SCHEMA_VERSION}")

    def close(self) -> None:
        self.db.close()

    def known(self) -> dict[str, tuple[str, str]]:
        """Path -> (content hash, version) of every archived file."""
        return {p: (h, v) for p, h, v in self.db.execute("SELECT path, hash, version FROM files")}

    def cached(self, version: str) -> Callable[[Path, str], Unit | None]:
        """A lookup for process_files: the archived Unit of a file whose bytes and version are unchanged."""
        known = self.known()

        def lookup(path: Path, article_id: str) -> Unit | None:
            entry = known.get(str(path))
            if entry is None or entry[1] != version or entry[0] != file_hash(path):
                return None
            row = self.db.execute("SELECT id, unit FROM files WHERE path = ?", (str(path),)).fetchone()
            if row is None or row[0] != article_id:
                return None
            return _load_unit(row[1])

        return lookup

    def units(self, version: str) -> Iterator[tuple[Path, str, Unit | None]]:
        """Every archived file in the order it was indexed (root, then path): its Unit, None when stale."""
        rows = self.db.execute(
            "SELECT files.path, files.id, files.version, roots.seq FROM files JOIN roots ON files.root = roots.seq"
        ).fetchall()
        rows.sort(key=lambda r: (r[3], Path(r[1]).parts))
        rows.reverse()
        while rows:
            # taken from the end, so a row is let go once read (100k of them were 30 MiB of a check's peak)
            path, article_id, stored, _ = rows.pop()
            if stored != version:
                yield Path(path), article_id, None
                continue
            (blob,) = self.db.execute("SELECT unit FROM files WHERE path = ?", (path,)).fetchone()
            yield Path(path), article_id, _load_unit(blob)

    def index(
        self,
        files: list[tuple[Path, str, str]],
        lexicon: Lexicon,
        jobs: int = 1,
        progress: Callable[[int, int], None] | None = None,
        runner: Runner | None = None,
    ) -> IndexResult:
        """Archive (file, id, root) triples: extract the new and changed ones, drop files gone from a root."""
        version = extractor_version(lexicon)
        result = IndexResult(files=len(files))
        self.db.execute(
            "INSERT OR IGNORE INTO versions VALUES (?, ?, ?)",
            (version, __version__, len(extractor_sources())),
        )
        known = self.known()
        roots: dict[str, int] = {}
        todo: list[tuple[Path, str]] = []
        hashes: dict[str, str] = {}
        for path, article_id, root in files:
            roots.setdefault(root, self._root(root))
            digest = hashes[str(path)] = file_hash(path)
            if known.get(str(path)) == (digest, version):
                result.unchanged += 1
            else:
                todo.append((path, article_id))
        owner = {str(p): roots[r] for p, _, r in files}
        pending: list[tuple[Path, str, Unit]] = []
        for (path, article_id), unit in zip(todo, process_files(todo, lexicon, jobs, progress=progress, runner=runner)):
            pending.append((path, article_id, unit))
            result.extracted += 1
            result.skipped += sum(isinstance(i, Skipped) for i in unit.items)
            if len(pending) >= COMMIT_EVERY:
                self._store(pending, owner, hashes, version, lexicon)
                pending = []
        self._store(pending, owner, hashes, version, lexicon)
        seen = {str(p) for p, _, _ in files}
        for seq in sorted(set(roots.values())):
            gone = [p for (p,) in self.db.execute("SELECT path FROM files WHERE root = ?", (seq,)) if p not in seen]
            result.removed += len(gone)
            self.db.execute("BEGIN")
            for path in gone:
                self._delete(path)
            self.db.execute("COMMIT")
        return result

    def _root(self, root: str) -> int:
        self.db.execute("INSERT OR IGNORE INTO roots (root) VALUES (?)", (root,))
        (seq,) = self.db.execute("SELECT seq FROM roots WHERE root = ?", (root,)).fetchone()
        return int(seq)

    def _delete(self, path: str) -> None:
        for table in ("files", "articles", "claims", "mentions", "skipped", "article_units", "blocking", "spellings"):
            column = "path" if table == "files" else "file"
            self.db.execute(f"DELETE FROM {table} WHERE {column} = ?", (path,))  # noqa: S608  (fixed names)

    def _store_neighbourhood(
        self,
        key: str,
        position: int,
        article: Article,
        claims: list[Claim],
        mentions: list[Mention],
        lexicon: Lexicon,
        statistics: set[str],
    ) -> None:
        """What a draft's check loads of this article alone: its blob, its blocking keys, its metric spellings."""
        db = self.db
        db.execute(
            "INSERT INTO article_units VALUES (?, ?, ?)",
            (key, position, pickle.dumps((article, claims, mentions), protocol=5)),
        )
        db.executemany(
            "INSERT INTO blocking VALUES (?, ?, ?)",
            [(k, key, position) for k in sorted(article_keys(claims, mentions, lexicon))],
        )
        db.executemany(
            "INSERT INTO spellings VALUES (?, ?, ?, ?, ?)",
            [(block_entity(c, statistics), scope_key(c.scope), c.unit, c.metric, key) for c in claims if c.metric],
        )

    def _store(
        self,
        pending: list[tuple[Path, str, Unit]],
        owner: dict[str, int],
        hashes: dict[str, str],
        version: str,
        lexicon: Lexicon,
    ) -> None:
        if not pending:
            return
        statistics = {m.id for m in lexicon.metrics if m.statistic}
        db = self.db
        db.execute("BEGIN")
        try:
            for path, article_id, unit in pending:
                key = str(path)
                self._delete(key)
                db.execute(
                    "INSERT INTO files VALUES (?, ?, ?, ?, ?, ?)",
                    (key, owner[key], article_id, hashes[key], version, pickle.dumps(unit, protocol=5)),
                )
                articles = [i for i in unit.items if isinstance(i, Article)]
                for position, (article, (claims, mentions)) in enumerate(zip(articles, unit.found)):
                    db.execute(
                        "INSERT INTO articles VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        (
                            key,
                            position,
                            article.id,
                            article.path,
                            article.title,
                            article.url,
                            article.outlet,
                            article.published.isoformat() if article.published else None,
                            article.published_evidence,
                            article.language,
                            article.text,
                            article.published_after.isoformat() if article.published_after else None,
                        ),
                    )
                    self._store_neighbourhood(key, position, article, claims, mentions, lexicon, statistics)
                    db.executemany(
                        "INSERT INTO claims VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        [
                            (
                                key,
                                article.id,
                                c.index,
                                c.start,
                                c.end,
                                c.text,
                                c.value,
                                c.unit,
                                c.low,
                                c.high,
                                c.qualifier,
                                c.entity,
                                c.scope,
                                c.metric,
                                c.period.label if c.period else None,
                                c.period.start.isoformat() if c.period else None,
                                c.period.end.isoformat() if c.period else None,
                                c.modality,
                                c.direction,
                                c.published.isoformat() if c.published else None,
                                c.sentence,
                            )
                            for c in claims
                        ],
                    )
                    db.executemany(
                        "INSERT INTO mentions VALUES (?, ?, ?, ?, ?, ?, ?)",
                        [(key, article.id, m.start, m.end, m.text, m.kind, m.canonical) for m in mentions],
                    )
                db.executemany(
                    "INSERT INTO skipped VALUES (?, ?, ?)",
                    [(key, i.path, i.reason) for i in unit.items if isinstance(i, Skipped)],
                )
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise


def _load_unit(blob: bytes) -> Unit:
    unit = pickle.loads(blob)  # noqa: S301  (an archive is trusted, as the module says)
    assert isinstance(unit, Unit)
    return unit
