"""Read stage: files and folders in, Articles (and what was skipped) out.

Formats: .txt (raw scraped text), .md/.txt with YAML front matter, .html/.htm
(main text and metadata through trafilatura), .jsonl (one article a line).
An article's `text` is the file's text as decoded (BOM stripped, nothing else
changed), so that claim offsets index it directly; for HTML it is the text
trafilatura extracts, and for JSON Lines the record's "text" field.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime
from fnmatch import fnmatch
from pathlib import Path
from typing import Any

import yaml

from .dating import infer_publication
from .lexicon import Lexicon
from .models import Article, Skipped, Span

SUPPORTED = {".txt", ".md", ".markdown", ".html", ".htm", ".jsonl"}
FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.DOTALL)
IGNORE_COMMENT = re.compile(r"<!--\s*factcheck-ignore:\s*([\w\-, ]+?)\s*-->")
BODY_MIN_WORDS = 12
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


def collect_files(paths: list[str]) -> tuple[list[tuple[Path, str]], list[Skipped]]:
    """(file, id) pairs in sorted order; ids are paths relative to the argument."""
    files: list[tuple[Path, str]] = []
    skipped: list[Skipped] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file()):
                relative = child.relative_to(path)
                if any(part.startswith(".") for part in relative.parts):
                    continue
                if child.suffix.lower() in SUPPORTED:
                    files.append((child, relative.as_posix()))
        elif path.is_file():
            files.append((path, path.name))
        else:
            skipped.append(Skipped(str(path), "no such file or folder"))
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
    paths: list[str], lexicon: Lexicon, include: list[str] | None = None, exclude: list[str] | None = None
) -> Corpus:
    corpus = Corpus()
    files, corpus.skipped = select_files(paths, include, exclude)
    for path, article_id in files:
        for item in read_file(path, article_id, lexicon):
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


def read_file(path: Path, article_id: str, lexicon: Lexicon) -> list[Article | Skipped]:
    try:
        data = path.read_bytes()
    except OSError as exc:
        return [Skipped(str(path), f"cannot be read ({exc.strerror})")]
    if not data.strip():
        return [Skipped(str(path), "empty file")]
    if _looks_binary(data):
        return [Skipped(str(path), "binary file, not text")]
    text = decode(data)
    suffix = path.suffix.lower()
    try:
        if suffix == ".jsonl":
            return _read_jsonl(path, text, lexicon)
        if suffix in (".html", ".htm"):
            return [_read_html(path, article_id, text, lexicon)]
        return [_read_text(path, article_id, text, lexicon)]
    except ValueError as exc:
        return [Skipped(str(path), str(exc))]


def _read_text(path: Path, article_id: str, text: str, lexicon: Lexicon) -> Article:
    metadata: dict[str, Any] = {}
    body_start = 0
    boilerplate: list[Span] = []
    match = FRONT_MATTER.match(text)
    if match:
        try:
            loaded = yaml.safe_load(match.group(1))
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            line = f" line {mark.line + 2}" if mark is not None else ""
            raise ValueError(f"front matter is not valid YAML{line}") from exc
        if loaded is not None and not isinstance(loaded, dict):
            raise ValueError("front matter must be a mapping of keys to values")
        metadata = loaded or {}
        body_start = match.end()
        boilerplate.append(Span(0, body_start, "front-matter"))
    if not text[body_start:].strip():
        raise ValueError("no article text")
    article = Article(id=article_id, path=str(path), text=text, body_start=body_start, boilerplate=boilerplate)
    _apply_metadata(article, metadata)
    if article.title and article.title_start is None and match:
        # A title from front matter is located inside it, so its figures have real offsets.
        position = text.find(article.title, 0, body_start)
        article.title_start = position if position >= 0 else None
    finish_article(article, lexicon)
    return article


def _read_html(path: Path, article_id: str, markup: str, lexicon: Lexicon) -> Article:
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
    article = Article(id=article_id, path=str(path), text=text)
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


def _read_jsonl(path: Path, text: str, lexicon: Lexicon) -> list[Article | Skipped]:
    items: list[Article | Skipped] = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        where = f"{path}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            items.append(Skipped(where, f"not valid JSON ({exc.msg} at column {exc.colno})"))
            continue
        if not isinstance(record, dict) or not isinstance(record.get("text"), str) or not record["text"].strip():
            items.append(Skipped(where, "record has no 'text' string"))
            continue
        article_id = str(record.get("id") or f"{path.name}:{number}")
        article = Article(id=article_id, path=where, text=record["text"])
        _apply_metadata(article, record)
        article.metadata["jsonl_line"] = number
        if article.title:
            position = article.text.find(article.title)
            article.title_start = position if position >= 0 else None
        finish_article(article, lexicon)
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
    for index, (_, _, line) in enumerate(lines):
        words = len(line.split())
        if index in reasons or counts[_normal(line)] > 1:
            continue
        stops = re.search(r"[.!?\"”)]\s*$", line.strip())
        if words >= LEAD_MIN_WORDS and stops and LEAD_DATELINE.match(line):
            return index
        if words < BODY_MIN_WORDS:
            continue
        if words >= 20 or re.search(r"[.!?\"”)]\s*$", line.strip()):
            return index
    return 0


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
    candidates = [i for i in range(body_at) if i not in reasons and len(lines[i][2].split()) >= 3]
    counts = Counter(_normal(lines[i][2]) for i in candidates)
    repeated = [i for i in candidates if counts[_normal(lines[i][2])] > 1]
    # A headline is repeated by many sites; otherwise it is the first line of four or more words
    # (section names and site banners are shorter, bylines and datelines are marked already).
    headline_like = [i for i in candidates if len(lines[i][2].split()) >= 4 and "|" not in lines[i][2]]
    chosen = repeated[0] if repeated else (headline_like[0] if headline_like else None)
    if chosen is not None:
        article.title = _normal(lines[chosen][2])
        article.title_start = lines[chosen][0]
    return chosen


def _collect_ignore_comments(article: Article) -> None:
    for match in IGNORE_COMMENT.finditer(article.text):
        next_line = article.text.count("\n", 0, match.end()) + 2
        rules = [r.strip() for r in match.group(1).split(",") if r.strip()]
        article.ignore_lines.setdefault(next_line, []).extend(rules)
