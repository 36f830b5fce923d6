"""Read stage: files and folders in, Articles (and what was skipped) out.

Formats: .txt (raw scraped text), .md/.txt with YAML front matter, .html/.htm
(main text and metadata through trafilatura), .jsonl (one article a line).
An article's `text` is the file's text as decoded (BOM stripped, nothing else
changed), so that claim offsets index it directly; for HTML it is the text
trafilatura extracts, and for JSON Lines the record's "text" field.
"""

from __future__ import annotations

import json
import os
import re
import stat
import sys
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime
from fnmatch import fnmatch
from pathlib import Path
from typing import Any

import yaml

from .budget import NO_BUDGET, Budget, OverBudget
from .dating import infer_publication
from .errors import InputError
from .lexicon import Lexicon
from .models import Article, Skipped, Span

SUPPORTED = {".txt", ".md", ".markdown", ".html", ".htm", ".jsonl"}
FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.DOTALL)
IGNORE_COMMENT = re.compile(r"<!--\s*factcheck-ignore:\s*([\w\-, ]+?)\s*-->")
BODY_MIN_WORDS = 12
# a full stop after a word, then a new sentence ("Breaking! BPS ..." is one headline)
SENTENCE_BREAK = re.compile(r"[^\W\d_]{2}\.\s+[A-Z]")
FINAL_STOP = re.compile(r"[.!?\"”)]\s*$")  # how a line of prose ends
LIST_MARKER = re.compile(r"(?:\d{1,2}[.)]|[-•*·])\s")  # "1. Jawa Barat ...", "- Jawa Barat ..."
LEAD_MIN_WORDS = 6  # a line that opens with the outlet's dateline is the lead, however short
# "KORANRB.ID – ...", "JAKARTA, KOMPAS.com - ...", "Semarang (ANTARA) - ...": an outlet or city dateline
LEAD_DATELINE = re.compile(
    r"^\s*(?:[A-Z][\w.&-]*\s*,\s*)?(?:[A-Z][A-Z0-9.&-]{2,}|[A-Z][a-z]+\s*\([A-Z][^()]{1,20}\))"
    r"(?:\s*,\s*[A-Z][\w.&-]+)?\s*[-–—]\s+\S"
)


@dataclass
class Corpus:
    articles: list[Article] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)


def decode(data: bytes) -> str:
    """UTF-8 (BOM stripped), then cp1252, then latin-1, which never fails."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    for encoding in ("utf-8", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")


def _looks_binary(data: bytes) -> bool:
    head = data[:8192]
    if b"\x00" in head:
        return True
    control = sum(1 for b in head if b < 9 or 13 < b < 32)
    return bool(head) and control / len(head) > 0.05


STDIN = "-"
SURROGATE = re.compile("[\ud800-\udfff]")
JSON_MAX_DIGITS = 4000  # Python refuses to convert longer integers; such a field is dropped, not the file


def displayable(text: str) -> str:
    """A string every output can encode.

    Lone surrogates (a file name that is not UTF-8, "\\ud800" in JSON) become U+FFFD, one character
    for one, so offsets into the text stay right.
    """
    return SURROGATE.sub("\ufffd", text)


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a FIFO"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "not a regular file"


def _within(path: str, root: str) -> bool:
    return path == root or path.startswith(root.rstrip(os.sep) + os.sep)


def _walk(root: Path) -> tuple[list[tuple[Path, str]], list[Skipped]]:
    """Supported files under a folder, sorted; links that leave it, and what is not a file, are skipped."""
    files: list[tuple[Path, str]] = []
    skipped: list[Skipped] = []
    real_root = os.path.realpath(root)
    for folder, dirs, names in os.walk(root, followlinks=False):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        base = Path(folder)
        for name in dirs:
            if (base / name).is_symlink():
                skipped.append(Skipped(displayable(str(base / name)), "symbolic link to a folder, not followed"))
        for name in sorted(names):
            child = base / name
            if name.startswith(".") or child.suffix.lower() not in SUPPORTED:
                continue
            shown = displayable(str(child))
            if child.is_symlink():
                target = os.path.realpath(child)
                if not os.path.exists(target):
                    skipped.append(Skipped(shown, "dangling or looping symbolic link"))
                    continue
                if not _within(target, real_root):
                    skipped.append(Skipped(shown, f"symbolic link leaves {displayable(str(root))}, not followed"))
                    continue
            try:
                mode = child.stat().st_mode
            except OSError as exc:
                skipped.append(Skipped(shown, f"cannot be read ({exc.strerror})"))
                continue
            if not stat.S_ISREG(mode):
                skipped.append(Skipped(shown, f"{_kind(mode)}, not an article file"))
                continue
            files.append((child, child.relative_to(root).as_posix()))
    files.sort(key=lambda item: Path(item[1]).parts)  # the order Path sorting gave before: by folder level
    return files, skipped


def collect_files(paths: list[str]) -> tuple[list[tuple[Path, str]], list[Skipped]]:
    """(file, id) pairs in sorted order; ids are paths relative to the argument.

    A PATH that does not exist is a usage error; "-" is standard input (read by read_corpus).
    """
    files: list[tuple[Path, str]] = []
    skipped: list[Skipped] = []
    for raw in paths:
        if raw == STDIN:
            files.append((Path(STDIN), STDIN))
            continue
        path = Path(raw)
        if not os.path.lexists(path):
            raise InputError(displayable(str(path)), "no such file or folder")
        if path.is_dir():
            found, left = _walk(path)
            files.extend(found)
            skipped.extend(left)
        elif not path.exists():
            skipped.append(Skipped(displayable(str(path)), "dangling or looping symbolic link"))
        else:
            mode = path.stat().st_mode
            if stat.S_ISREG(mode):
                files.append((path, path.name))
            else:
                skipped.append(Skipped(displayable(str(path)), f"{_kind(mode)}, not an article file"))
    return files, skipped


def _matches(path: Path, article_id: str, patterns: list[str]) -> bool:
    return any(path.match(p) or Path(article_id).match(p) or fnmatch(article_id, p) for p in patterns)


def select_files(
    paths: list[str], include: list[str] | None = None, exclude: list[str] | None = None
) -> tuple[list[tuple[Path, str]], list[Skipped]]:
    """The files a run reads, in order, after the include and exclude patterns; and the paths not found."""
    files, skipped = collect_files(paths)
    kept = [
        (path, article_id)
        for path, article_id in files
        if (not include or _matches(path, article_id, include))
        and not (exclude and _matches(path, article_id, exclude))
    ]
    return kept, skipped


def read_corpus(
    paths: list[str],
    lexicon: Lexicon,
    include: list[str] | None = None,
    exclude: list[str] | None = None,
    *,
    seen: set[str] | None = None,
    stdin_filename: str | None = None,
    budget: Budget = NO_BUDGET,
) -> Corpus:
    """Read every article under `paths`; a file is read once however often it is named.

    `seen` (real paths already read) is shared between the draft and its archive, so a draft
    that sits inside the archive is not read twice.
    """
    corpus = Corpus()
    files, corpus.skipped = select_files(paths, include, exclude)
    seen = set() if seen is None else seen
    for path, article_id in files:
        data = None
        if str(path) == STDIN:
            name = stdin_filename or "stdin.txt"
            data = sys.stdin.buffer.read()
            path, article_id = Path(name), name
            key = f"<stdin>{name}"
        else:
            key = os.path.realpath(path)
        if key in seen:
            continue  # "corpus/ corpus/", a folder and a file in it: the same article is one article
        seen.add(key)
        for item in read_file(path, article_id, lexicon, data=data, budget=budget):
            if isinstance(item, Skipped):
                corpus.skipped.append(item)
            else:
                corpus.articles.append(item)
    unique_ids(corpus.articles)
    return corpus


def unique_ids(articles: list[Article]) -> None:
    """Two folders may both hold "a.md": such articles are known by their full path instead."""
    counts = Counter(a.id for a in articles)
    for article in articles:
        if counts[article.id] > 1:
            article.id = article.path if article.path != article.id else f"{article.path}#{article.id}"


def read_file(
    path: Path, article_id: str, lexicon: Lexicon, data: bytes | None = None, budget: Budget = NO_BUDGET
) -> list[Article | Skipped]:
    """The articles of one file, or why it was skipped; nothing in a file's content ends the run."""
    shown = displayable(str(path))
    article_id = displayable(article_id)
    if data is None:
        try:
            data = path.read_bytes()
        except OSError as exc:
            return [Skipped(shown, f"cannot be read ({exc.strerror})")]
    if not data.strip():
        return [Skipped(shown, "empty file")]
    if _looks_binary(data):
        return [Skipped(shown, "binary file, not text")]
    text = decode(data)
    suffix = path.suffix.lower()
    try:
        if suffix == ".jsonl":
            return _read_jsonl(shown, path.name, text, lexicon, budget)
        with budget.article():
            if suffix in (".html", ".htm"):
                return [_read_html(shown, article_id, text, lexicon)]
            return [_read_text(shown, article_id, text, lexicon)]
    except ValueError as exc:
        return [Skipped(shown, str(exc))]
    except OverBudget as exc:
        return [Skipped(shown, str(exc))]
    except RecursionError:
        return [Skipped(shown, "nested too deeply to read")]
    except MemoryError:
        return [Skipped(shown, "too large to read in memory")]


class _FrontMatterLoader(yaml.SafeLoader):
    """Safe YAML without aliases.

    Front matter never needs them, and "&a [*a, *a, ...]" nested a few times expands to gigabytes
    (a 545-byte file cost 55 s and 2.9 GB).
    """

    def compose_node(self, parent: Any, index: Any) -> Any:
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise yaml.MarkedYAMLError(None, None, "aliases (*name) are not allowed", event.start_mark)
        return super().compose_node(parent, index)


def _read_text(path: str, article_id: str, text: str, lexicon: Lexicon) -> Article:
    metadata: dict[str, Any] = {}
    body_start = 0
    boilerplate: list[Span] = []
    match = FRONT_MATTER.match(text)
    if match:
        try:
            loaded = yaml.load(match.group(1), Loader=_FrontMatterLoader)  # noqa: S506  (a SafeLoader)
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            line = f" line {mark.line + 2}" if mark is not None else ""
            problem = getattr(exc, "problem", None)
            detail = f": {problem}" if problem and "alias" in problem else ""
            raise ValueError(f"front matter is not valid YAML{line}{detail}") from exc
        if loaded is not None and not isinstance(loaded, dict):
            raise ValueError("front matter must be a mapping of keys to values")
        metadata = loaded or {}
        body_start = match.end()
        boilerplate.append(Span(0, body_start, "front-matter"))
    if not text[body_start:].strip():
        raise ValueError("no article text")
    article = Article(id=article_id, path=path, text=text, body_start=body_start, boilerplate=boilerplate)
    _apply_metadata(article, metadata)
    if article.title and article.title_start is None and match:
        # A title from front matter is located inside it, so its figures have real offsets.
        position = text.find(article.title, 0, body_start)
        article.title_start = position if position >= 0 else None
    finish_article(article, lexicon)
    return article


def _read_html(path: str, article_id: str, markup: str, lexicon: Lexicon) -> Article:
    from trafilatura import bare_extraction

    document = bare_extraction(markup, with_metadata=True, include_comments=False, favor_precision=True)
    if document is None:
        raise ValueError("no article text found in the HTML")
    extracted = document.as_dict() if hasattr(document, "as_dict") else dict(document)
    body = (extracted.get("text") or "").strip()
    if not body:
        raise ValueError("no article text found in the HTML")
    title = (extracted.get("title") or "").strip()
    text = body if not title or body.startswith(title) else f"{title}\n\n{body}"
    article = Article(id=article_id, path=path, text=displayable(text))
    metadata = {
        "title": title,
        "url": extracted.get("url") or "",
        "outlet": extracted.get("sitename") or extracted.get("hostname") or "",
        "published": extracted.get("date"),
        "language": extracted.get("language"),
    }
    _apply_metadata(article, metadata)
    if title:
        article.title_start = 0
    finish_article(article, lexicon)
    return article


def _json_int(digits: str) -> int | None:
    return int(digits) if len(digits) <= JSON_MAX_DIGITS else None


def _read_jsonl(path: str, name: str, text: str, lexicon: Lexicon, budget: Budget) -> list[Article | Skipped]:
    items: list[Article | Skipped] = []
    # Records end at "\n" only: U+2028, U+2029, U+0085 and a lone "\r" are text inside a record
    # (str.splitlines would cut a valid record in two).
    for number, line in enumerate(text.split("\n"), 1):
        line = line.removesuffix("\r")
        if not line.strip():
            continue
        where = f"{path}:{number}"
        try:
            record = json.loads(line, parse_int=_json_int)
        except json.JSONDecodeError as exc:
            items.append(Skipped(where, f"not valid JSON ({exc.msg} at column {exc.colno})"))
            continue
        except RecursionError:
            items.append(Skipped(where, "JSON nested too deeply to read"))
            continue
        if not isinstance(record, dict) or not isinstance(record.get("text"), str) or not record["text"].strip():
            items.append(Skipped(where, "record has no 'text' string"))
            continue
        record = {str(k): displayable(v) if isinstance(v, str) else v for k, v in record.items()}
        article_id = str(record.get("id") or f"{name}:{number}")
        try:
            with budget.article():
                article = Article(id=article_id, path=where, text=record["text"])
                _apply_metadata(article, record)
                article.metadata["jsonl_line"] = number
                if article.title:
                    position = article.text.find(article.title)
                    article.title_start = position if position >= 0 else None
                finish_article(article, lexicon)
        except OverBudget as exc:
            items.append(Skipped(where, str(exc)))
            continue
        except RecursionError:
            items.append(Skipped(where, "record nested too deeply to read"))
            continue
        items.append(article)
    return items


def _apply_metadata(article: Article, metadata: dict[str, Any]) -> None:
    article.metadata = {k: v for k, v in metadata.items() if k != "text"}
    article.title = str(metadata.get("title") or "").strip()
    article.url = str(metadata.get("url") or "")
    article.outlet = str(metadata.get("outlet") or "")
    if metadata.get("language"):
        article.language = str(metadata["language"]).lower()[:2]
        article.metadata["language_evidence"] = "metadata"
    ignore = metadata.get("factcheck-ignore") or []
    article.ignore_rules = [str(r) for r in (ignore if isinstance(ignore, list) else [ignore])]
    published = metadata.get("published") or metadata.get("date")
    parsed = _parse_date(published)
    if parsed:
        article.published = parsed
        article.published_evidence = f"metadata: {published}"


def _parse_date(value: Any) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str) and value.strip():
        try:
            return date.fromisoformat(value.strip()[:10])
        except ValueError:
            return None
    return None


def detect_language(text: str, lexicon: Lexicon) -> str:
    """The language whose function words the text uses most; Indonesian, the first language, on a tie.

    Glosses in brackets ("tumbuh 5,05 persen secara tahunan (year on year/yoy)") are left out: they are
    the other language's words inside this one's sentence.
    """
    text = re.sub(r"\([^()\n]{0,60}\)", " ", text[:20000])
    words = Counter(re.findall(r"[a-z]+", text.lower()))
    scores = {
        code: sum(words[w] for w in set(lang.stopwords) | set(lang.function_words))
        for code, lang in lexicon.languages.items()
    }
    best = max(sorted(scores), key=lambda code: (scores[code], code == "id"))
    return best if scores[best] > 0 else "id"


def finish_article(article: Article, lexicon: Lexicon) -> None:
    """Language, boilerplate, title and publication date: what every reader shares."""
    if "language_evidence" not in article.metadata:
        article.language = detect_language(article.text[article.body_start :], lexicon)
    mark_boilerplate(article, lexicon)
    _collect_ignore_comments(article)
    if article.published is None:
        infer_publication(article, lexicon)


def _lines(text: str, start: int) -> list[tuple[int, int, str]]:
    lines = []
    position = start
    for line in text[start:].splitlines(keepends=True):
        stripped = line.rstrip("\r\n")
        lines.append((position, position + len(stripped), stripped))
        position += len(line)
    return lines


def _normal(line: str) -> str:
    return " ".join(line.replace("\xa0", " ").split())


def mark_boilerplate(article: Article, lexicon: Lexicon) -> None:
    """Mark lines that are not the article's voice: tickers, links, forms, preamble, footer."""
    lines = [ln for ln in _lines(article.text, article.body_start) if ln[2].strip()]
    reasons: dict[int, str] = {}
    for index, (_, _, line) in enumerate(lines):
        for pattern in lexicon.boilerplate:
            if pattern.pattern.search(line):
                reasons[index] = pattern.name
                break
    # A teaser excerpt ("...") follows the headline of another story.
    for index in range(len(lines)):
        if reasons.get(index) == "teaser" and index > 0 and len(lines[index - 1][2].split()) <= 20:
            reasons.setdefault(index - 1, "teaser")
    footer_at = len(lines)
    body_at = _first_body_line(lines, reasons)
    for index in range(body_at, len(lines)):
        if any(f.search(lines[index][2]) for f in lexicon.footers):
            footer_at = index
            break
    title_index = _find_title(article, lines, reasons, body_at)
    title_norm = _normal(article.title) if article.title else ""  # _find_title may have just set it
    for index, (start, end, line) in enumerate(lines):
        reason = reasons.get(index)
        if index >= footer_at:
            reason = "footer"
        elif index < body_at and index != title_index:
            reason = reason or "preamble"
        elif title_norm and index != title_index and _normal(line).startswith(title_norm):
            reason = "repeated-title"
        if reason:
            article.boilerplate.append(Span(start, end, reason))
    article.boilerplate.sort(key=lambda s: s.start)


def _first_body_line(lines: list[tuple[int, int, str]], reasons: dict[int, str]) -> int:
    """The lead: a long line that reads as prose (a headline has no final stop and is often repeated)."""
    counts = Counter(_normal(line) for _, _, line in lines)
    last = {_normal(line): index for index, (_, _, line) in enumerate(lines)}
    headlines_only = True  # every line so far is boilerplate or title-cased
    for index, (_, _, line) in enumerate(lines):
        if index:
            headlines_only = headlines_only and (index - 1 in reasons or _title_cased(lines[index - 1][2]))
        words = len(line.split())
        # a repeated headline is never the lead; a repeated paragraph is a teaser of the lead before the
        # headline ("lead / headline / lead, rest of the story"), so its last copy starts the body
        if index in reasons or (counts[_normal(line)] > 1 and (last[_normal(line)] != index or _headline_like(line))):
            continue
        stops = FINAL_STOP.search(line.strip())
        if words >= LEAD_MIN_WORDS and stops and LEAD_DATELINE.match(line):
            return index
        if words >= LEAD_MIN_WORDS and _one_sentence_of_prose(line) and headlines_only:
            # a short lead after nothing but headlines ("Kredit yang disalurkan hingga Juni tercatat Rp 7.748
            # triliun."); after a line of prose it is a row or a caption of a page not yet begun
            return index
        if words < BODY_MIN_WORDS:
            continue
        if words >= 20 or FINAL_STOP.search(line.strip()):
            return index
    return 0


def _one_sentence_of_prose(line: str) -> bool:
    """One sentence with its final stop, in sentence case: no headline, prompt or caption reads like that."""
    stripped = line.strip()
    return (
        stripped[-1:] == "."
        and not LIST_MARKER.match(stripped)
        and not SENTENCE_BREAK.search(stripped)
        and not _title_cased(stripped)
        and any(w.islower() and len(w) > 3 for w in stripped.split()[1:])
    )


def _headline_like(line: str) -> bool:
    """A headline is one sentence with no final stop, or too short to be a paragraph of prose."""
    if SENTENCE_BREAK.search(line):  # "Baca berita tanpa iklan. Gabung ...", "Dok. Foto: ..."
        return False
    return len(line.split()) < BODY_MIN_WORDS or not FINAL_STOP.search(line.strip())


def _title_cased(line: str) -> bool:
    """Headlines capitalize their words ("Kejar Target 70 Juta Peserta"); captions and prompts do not."""
    words = [w for w in re.findall(r"[^\W\d_][\w'’-]*", line) if len(w) >= 4]
    return len(words) >= 2 and sum(w[0].isupper() for w in words) >= 0.75 * len(words)


def _find_title(
    article: Article, lines: list[tuple[int, int, str]], reasons: dict[int, str], body_at: int
) -> int | None:
    if article.title:
        title = _normal(article.title)
        for index, (start, _, line) in enumerate(lines):
            if _normal(line).startswith(title):
                if article.title_start is None:
                    article.title_start = start
                return index
        return None
    candidates = [
        i for i in range(body_at) if i not in reasons and len(lines[i][2].split()) >= 3 and _headline_like(lines[i][2])
    ]
    counts = Counter(_normal(lines[i][2]) for i in candidates)
    repeated = [i for i in candidates if counts[_normal(lines[i][2])] > 1]
    # A headline is repeated by many sites; otherwise it is the first line of four or more words
    # (section names and site banners are shorter, bylines and datelines are marked already).
    headline_like = [i for i in candidates if len(lines[i][2].split()) >= 4 and "|" not in lines[i][2]]
    # a title-cased line before the body is the headline rather than a caption or a prompt above it
    # ("Kepala BPS ... saat menyampaikan laporan", "Lihat Semua : infografis"); sentence-case sites keep the first
    title_cased = [i for i in headline_like if _title_cased(lines[i][2])]
    ranked = repeated or title_cased or headline_like
    chosen = ranked[0] if ranked else None
    if chosen is not None:
        article.title = _normal(lines[chosen][2])
        article.title_start = lines[chosen][0]
    return chosen


def _collect_ignore_comments(article: Article) -> None:
    line, counted = 1, 0  # lines counted so far, not from the start for each comment (quadratic)
    for match in IGNORE_COMMENT.finditer(article.text):
        line += article.text.count("\n", counted, match.end())
        counted = match.end()
        next_line = line + 1
        rules = [r.strip() for r in match.group(1).split(",") if r.strip()]
        article.ignore_lines.setdefault(next_line, []).extend(rules)
