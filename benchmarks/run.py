"""Speed and memory, measured side by side in one run.

    python benchmarks/run.py [BENCH...] [--articles 2000] [--small 1000] [--large 10000]
        [--jobs-articles 1000] [--archive 10000] [--dask-articles 1000]
        [--scale-sizes 1000,10000,100000] [--draft-archive 100000]
    python benchmarks/run.py linear [--sizes 1,4,16,64] [--pathological 256]

BENCH is any of the sub-benchmarks below (all of them when none is named), so
that a slow one can run alone: `python benchmarks/run.py jobs`.

1. extraction: throughput on a generated corpus, as articles per second and as
   a ratio to spaCy's bare blank("id") tokenizer on the same texts (target: at
   least 0.5); the same ratio on the dev-set pages when ../shared is there.
2. check: the whole `check` on a small and a large generated corpus, each in
   its own process: the ratio of their times (near large/small means linear
   growth) and the peak memory of each.
3. jobs: the whole `factcheck check --jobs 2` against `--jobs 1` on the same
   corpus, each in its own process (target on 2 cores: at least 1.7x), and
   whether the reports are byte-identical.
4. archive: `factcheck index` of a generated corpus, a re-index after changing
   1 % of its files (target: at most 5 % of the full index time), and a draft
   checked `--against` the archive, whole process (target: at most 2 s).
5. dask: `check --engine dask` on a LocalCluster of 2 workers (the one the run starts itself, and one
   already running, given by --scheduler) against `check --jobs 2` on the same corpus, each in its
   own process, as a ratio (a figure, no target: it proves the engine, not a speed-up on one machine),
   and whether the reports are byte-identical.
6. peers: side by side on the articles of corpus/ (and the 14 dev-set pages of gold/devset-claims.yml
   when ../shared is there), dateparser's `search_dates` (dates, Indonesian and English) and quantulum3
   (English quantities) against factcheck: articles per second on the same texts, and how many of the
   gold's figures each finds (quantities) and dates as the gold does (periods). A peer that is not
   installed is skipped with a line saying so (`pip install -e '.[bench]'` installs both).
7. scale: for each size (1k, 10k, 100k generated articles): `index` once (reading and
   extraction), then `check --db --statistics` on the archive (clustering and the rules,
   measured apart from extraction and from a large report), each its whole process with its
   peak memory and CPU time; the
   time ratio of each size to the one before (near 10 means linear; target 100k/10k <= 10.5,
   peak <= 500 MB at 100k), and a draft checked `--against` each archive.
8. draft: a draft checked `--against` an archive of `--draft-archive` articles (default
   100k), whole process (target <= 2 s), with and without the language-data cache, how much of
   it is start-up (imports, the lexicon from the cache and built, the pipeline, the draft's
   extraction), and how many archived articles the draft's neighbourhood loads.

9. `linear` (run on its own, not with the others): reading and extracting one file of 1, 4, 16 and 64 MB of news
   text, and a set of pathological inputs (a stock table row, runs of spaces,
   a page of digits, one sentence of thousands of figures, ...) at a size and
   four times that size, each in its own process; it prints the time ratio of
   each step (near 4 means linear; quadratic would be near 16).

Articles are generated from corpus/ by varying every figure, every year and
the outlet, so that clusters and series grow the way an archive's do.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import subprocess
import sys
import tempfile
import time
import warnings
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

NUMBER = re.compile(r"(?<![\w/])(\d{1,3}(?:\.\d{3})+|\d+)(,\d+)?(?![\w/])")
YEAR = re.compile(r"\b20(2[2-5])\b")
ISO_DATE = re.compile(r"(\d{4}-\d{2}-\d{2})")


def _vary_figures(text: str, rng: random.Random) -> str:
    def figure(match: re.Match[str]) -> str:
        whole, decimals = match.group(1), match.group(2) or ""
        if len(whole) == 4 and whole.startswith("20"):
            return match.group(0)
        value = int(whole.replace(".", "")) * rng.uniform(0.8, 1.25)
        digits = f"{int(value):,}".replace(",", ".")
        if decimals:
            digits += "," + str(rng.randint(0, 10 ** (len(decimals) - 1) - 1)).zfill(len(decimals) - 1)
        return digits

    return NUMBER.sub(figure, text)


def _vary(text: str, rng: random.Random) -> str:
    """Every figure varied, every year drawn anew (the dense archive's copies, a draft's edits)."""
    text = _vary_figures(text, rng)
    return YEAR.sub(lambda m: str(2020 + rng.randint(0, 6)), text)


# Institutions of one kind: a template's institution is swapped for one of its kind, all read as entities
# (rules/entities.yml); one alone in its kind (BPS) keeps its name and may still speak for a region.
INSTITUTION_KINDS = (
    ("BPJS Ketenagakerjaan", "BPJS Kesehatan", "Taspen"),
    ("Badan Pusat Statistik",),
    ("Kementerian Kesehatan", "Kementerian Sosial", "Kementerian Ketenagakerjaan"),
    ("Bank Indonesia", "Otoritas Jasa Keuangan"),
)
NATIONAL_SHARE = 0.1  # of the articles about a national institution's figure, those that stay national
CAPITAL = "DKI Jakarta"  # where national institutions speak: not a figure's place, so never swapped
YEAR_SHIFTS = range(-5, 2)  # an article is moved by one of these years as a whole, so it stays consistent


@dataclass
class Pools:
    """What a generated article draws from: places by kind (gazetteer order shuffled once, Zipf-weighted)."""

    places: dict[str, list[str]]  # kind -> names written bare: province, kabupaten, kota
    weights: dict[str, list[float]]  # kind -> cumulative Zipf weights over that list (a few places are news hubs)
    kind_of: dict[str, str]  # a place name or form as written -> its kind
    any_place: re.Pattern[str]  # any of them
    institutions: dict[str, tuple[str, ...]]  # an entity alias as written -> the names of its kind
    aliases: dict[str, str]  # alias -> its entity's name


def _pools(rng: random.Random) -> Pools:
    import yaml

    gazetteer = yaml.safe_load((ROOT / "rules" / "gazetteer.yml").read_text(encoding="utf-8"))
    entities = yaml.safe_load((ROOT / "rules" / "entities.yml").read_text(encoding="utf-8"))["entities"]
    places: dict[str, list[str]] = {"province": [], "kabupaten": [], "kota": []}
    kind_of: dict[str, str] = {}
    for province in gazetteer["provinces"]:
        places["province"].append(province["name"])
        for form in [province["name"], *province.get("forms", [])]:
            kind_of[form] = "province" if province["name"] != CAPITAL else "capital"
    shared = {r["name"] for r in gazetteer["regencies"] if not r.get("bare", True)}
    for regency in gazetteer["regencies"]:
        name = regency["name"]
        if regency["province"] == CAPITAL:  # "di Jakarta Pusat": where it was said
            for form in [name, *regency.get("forms", [])]:
                kind_of[form] = "capital"
        elif regency.get("bare", True):  # a bare name that reads as that one place
            places[regency["kind"]].append(name)
            kind_of.setdefault(name, regency["kind"])
        elif name in shared and name not in kind_of:
            kind_of[name] = "kabupaten"  # "Cabang Bandung": either; a kabupaten's bare name replaces it
        for form in regency.get("forms", []):
            kind_of.setdefault(form, regency["kind"])
    for names in places.values():
        rng.shuffle(names)
    weights = {
        kind: list(_cumulative([1 / (rank + 1) for rank in range(len(names))])) for kind, names in places.items()
    }
    by_name = {e["name"]: [e["name"], *e.get("aliases", [])] for e in entities}
    institutions: dict[str, tuple[str, ...]] = {}
    aliases: dict[str, str] = {}
    for kind in INSTITUTION_KINDS:
        for name in kind:
            for alias in by_name[name]:
                institutions[alias] = kind
                aliases[alias] = name
    return Pools(places, weights, kind_of, _words(set(kind_of)), institutions, aliases)


def _cumulative(values: list[float]) -> list[float]:
    total, out = 0.0, []
    for value in values:
        total += value
        out.append(total)
    return out


def _words(names: set[str], capitals: bool = True) -> re.Pattern[str]:
    """Any of these names as whole words, longest first, as written or in capitals (a dateline: "GARUT,")."""
    forms = sorted(
        {n for name in names for n in ((name, name.upper()) if capitals else (name,))}, key=lambda n: (-len(n), n)
    )
    return re.compile(r"(?<![\w-])(" + "|".join(re.escape(f) for f in forms) + r")(?![\w-])")


@dataclass
class Template:
    """A corpus article and what of it a generated copy redraws."""

    name: str
    text: str
    places: dict[str, str]  # each place as written (any case) -> its kind
    place_pattern: re.Pattern[str] | None
    institution: re.Pattern[str] | None  # every alias of its institution
    acronym: re.Pattern[str] | None  # an alias in brackets after its name ("(BPS)"), dropped with the name
    kind: tuple[str, ...]  # the names its institution is drawn from


def _template(path: Path, pools: Pools) -> Template:
    text = path.read_text(encoding="utf-8")
    found = {m.group(1) for m in pools.any_place.finditer(text)}
    places = {w: pools.kind_of[w if w in pools.kind_of else w.title()] for w in found}
    places = {w: k for w, k in places.items() if k != "capital"}
    # the institution named first is the template's (the English one also cites BPS); sorted, so that the
    # choice does not hang on the order of a set (string hashes differ from one process to the next)
    named = sorted(
        (match.start(), -len(alias), alias)
        for alias in pools.institutions
        if (match := re.search(rf"(?<!\w){re.escape(alias)}(?!\w)", text))
    )
    first = pools.aliases[named[0][2]] if named else ""
    kind = pools.institutions[named[0][2]] if named else ()
    aliases = {a for a, n in pools.aliases.items() if n == first}
    return Template(
        path.name,
        text,
        places,
        _words(set(places)) if places else None,
        _words(aliases, capitals=False) if aliases else None,
        re.compile(r" \((?:" + "|".join(re.escape(a) for a in sorted(aliases)) + r")\)") if aliases else None,
        kind,
    )


def _draw(kind: str, pools: Pools, rng: random.Random) -> str:
    return rng.choices(pools.places[kind], cum_weights=pools.weights[kind])[0]


def _spread(template: Template, pools: Pools, rng: random.Random) -> str:
    """A copy of a template about another institution of its kind, other places of the same kinds, other years.

    Each place the template names is swapped for one drawn of its kind (a province for a province); a
    national institution's article is, but for NATIONAL_SHARE of them, made its office in a drawn province,
    kabupaten or kota ("BPJS Kesehatan Kabupaten Garut"), so that most figures are regional, as in a news
    archive; all years move by one drawn shift. The figures are then varied as in the dense archive.
    """
    text = template.text
    if template.place_pattern is not None:
        # one draw per place, whether written as a name or in a dateline's capitals
        chosen: dict[str, str] = {}
        for written, kind in sorted(template.places.items()):
            place = written.title() if written.isupper() else written
            if place not in chosen:
                chosen[place] = _draw(kind, pools, rng)
        swap = {w: chosen[w.title()].upper() if w.isupper() else chosen[w] for w in template.places}
        text = template.place_pattern.sub(lambda m: swap[m.group(1)], text)
    if template.institution is not None:
        name = rng.choices(template.kind, cum_weights=_cumulative([1 / (r + 1) for r in range(len(template.kind))]))[0]
        office = ""
        if not template.places and rng.random() >= NATIONAL_SHARE:
            kind = rng.choice(("province", "kabupaten", "kota"))
            office = f" {dict(province='Provinsi', kabupaten='Kabupaten', kota='Kota')[kind]} {_draw(kind, pools, rng)}"
        if template.acronym is not None:
            text = template.acronym.sub("", text)
        text = template.institution.sub(name + office, text)
    shift = rng.choice(YEAR_SHIFTS)
    text = re.sub(r"(?<!\d)20([12]\d)(?!\d)", lambda m: str(2000 + int(m.group(1)) + shift), text)
    # a date such as "published: 2024-06-12" stays a date (the dense archive varies its month and day)
    pieces = ISO_DATE.split(text)
    return "".join(piece if i % 2 else _vary_figures(piece, rng) for i, piece in enumerate(pieces))


DENSE = False  # --dense: every sub-benchmark's corpus is the old dense one (the draft's measures both)


def generate(count: int, folder: Path, seed: int = 7, dense: bool | None = None) -> list[str]:
    """`count` articles made from corpus/ in turn; `dense` is the old worst case (see README, Speed).

    Dense: every copy keeps its template's institution and places, so the 12 templates about one
    institution's national membership make one cluster of 40 % of the archive. Spread (the default):
    each copy draws its institution, places and years (`_spread`).
    """
    rng = random.Random(seed)
    paths = sorted(p for p in (ROOT / "corpus").iterdir() if p.suffix in (".md", ".txt"))
    pools = _pools(random.Random(seed)) if not (DENSE if dense is None else dense) else None
    templates = [_template(p, pools) for p in paths] if pools is not None else []
    texts = []
    for index in range(count):
        template = paths[index % len(paths)]
        if pools is None:
            text = _vary(template.read_text(encoding="utf-8"), rng)
        else:
            text = _spread(templates[index % len(paths)], pools, rng)
        text = text.replace("Warta Nusantara", f"Outlet {index % 97}")
        (folder / f"{index:05d}-{template.name}").write_text(text, encoding="utf-8")
        texts.append(text)
    return texts


def bench_extraction(count: int) -> None:
    import spacy

    from factcheck.extract import extract
    from factcheck.lexicon import load_lexicon
    from factcheck.read import read_corpus

    lexicon = load_lexicon()
    tokenizer = spacy.blank("id").tokenizer
    with tempfile.TemporaryDirectory() as tmp:
        texts = generate(count, Path(tmp))
        articles = read_corpus([tmp], lexicon).articles
        # warm caches and pipelines before timing either side: one article of each language at least, so that
        # the English pipeline's build (start-up, measured by `draft`) does not fall in the timed loop
        for article in [*articles[:20], *{a.language: a for a in articles}.values()]:
            extract(article, lexicon)
            tokenizer(article.text)
        tokenize_seconds, extract_seconds, claims = _extraction_times(list(zip(texts, articles)), lexicon, tokenizer)
    print(f"extraction on {count} generated articles ({claims} claims; per CPU second):")
    print(f"  blank('id') tokenizer  {count / tokenize_seconds:10.0f} articles/s")
    print(f"  factcheck extract      {count / extract_seconds:10.0f} articles/s")
    print(f"  ratio extract/tokenizer {tokenize_seconds / extract_seconds:.3f}  (target >= 0.5)")
    if DEVSET.is_dir():  # real pages: longer, with more figures per token than the generated articles
        pages = read_corpus([str(DEVSET)], lexicon).articles
        for page in pages[:5]:
            extract(page, lexicon)
        rounds = [(page.text, page) for _ in range(2) for page in pages]  # each page twice, both sides alike
        tokenize_seconds, extract_seconds, claims = _extraction_times(rounds, lexicon, tokenizer)
        print(f"extraction on the {len(pages)} dev-set pages, each twice ({claims} claims):")
        print(f"  ratio extract/tokenizer {tokenize_seconds / extract_seconds:.3f}")


def _extraction_times(items: list[tuple[str, Any]], lexicon: Any, tokenizer: Any) -> tuple[float, float, int]:
    """CPU seconds of the tokenizer and of extraction over the same texts, and the claims extracted."""
    from factcheck.extract import extract

    # article by article, each side timed alone, so that a neighbour's load falls on both alike; in CPU
    # seconds of this process, so that the neighbour's own work does not count
    tokenize_seconds = extract_seconds = 0.0
    claims = 0
    for text, article in items:
        started = time.process_time()
        tokenizer(text)
        tokenize_seconds += time.process_time() - started
        started = time.process_time()
        claims += len(extract(article, lexicon).claims)
        extract_seconds += time.process_time() - started
    return tokenize_seconds, extract_seconds, claims


CHILD = """
import sys, time, resource
sys.path.insert(0, {root!r})
from factcheck.check import run_check
started = time.perf_counter()
report = run_check([{folder!r}])
seconds = time.perf_counter() - started
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(f"{{seconds}} {{peak}} {{len(report.claims)}} {{len(report.findings)}}")
"""


def bench_check(sizes: list[int]) -> None:
    results = {}
    for size in sizes:
        with tempfile.TemporaryDirectory() as tmp:
            generate(size, Path(tmp))
            code = CHILD.format(root=str(ROOT), folder=tmp)
            seconds, peak, claims, findings = _child(code)
            results[size] = (float(seconds), float(peak))
            print(
                f"check on {size:>6} articles: {float(seconds):8.1f} s, peak {float(peak):7.0f} MiB, "
                f"{claims} claims, {findings} findings"
            )
    small, large = sizes[0], sizes[-1]
    ratio = results[large][0] / results[small][0]
    print(f"  time ratio {large}/{small} articles: {ratio:.1f}  (near {large / small:.0f} means linear)")


def _factcheck(*args: str) -> float:
    """Seconds the whole `factcheck ...` process takes (start-up included)."""
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "factcheck", *args],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT), "PYTHONHASHSEED": "0"},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        check=False,  # check exits 1 when it finds something
    )
    return time.perf_counter() - started


def _burn(count: int) -> int:
    total = 0
    for number in range(count):
        total += number * number
    return total


def machine_speedup() -> float:
    """What two processes gain over one on a pure CPU loop right now: the ceiling for --jobs 2 on a shared host."""
    import multiprocessing

    work = [4_000_000, 4_000_000]
    started = time.perf_counter()
    for item in work:
        _burn(item)
    serial = time.perf_counter() - started
    with multiprocessing.get_context("fork").Pool(2) as pool:
        started = time.perf_counter()
        pool.map(_burn, work)
        parallel = time.perf_counter() - started
    return serial / parallel


def _children_cpu() -> float:
    """CPU seconds (user and system) of every child process this one has waited for so far."""
    import resource

    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def bench_jobs(count: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "articles"
        folder.mkdir()
        generate(count, folder)
        times: dict[int, list[float]] = {1: [], 2: []}
        cpu: dict[int, list[float]] = {1: [], 2: []}
        for _ in range(2):  # alternate, so that a neighbour's load hits both sides alike
            for jobs in (1, 2):
                out = str(Path(tmp) / f"jobs{jobs}.json")
                before = _children_cpu()
                times[jobs].append(
                    _factcheck("check", str(folder), "-q", "--format", "json", "-o", out, "-j", str(jobs))
                )
                cpu[jobs].append(_children_cpu() - before)  # the process and its workers
        same = (Path(tmp) / "jobs1.json").read_bytes() == (Path(tmp) / "jobs2.json").read_bytes()
    one, two = min(times[1]), min(times[2])
    ceiling = machine_speedup()
    print(f"check on {count} articles: --jobs 1 {one:.1f} s, --jobs 2 {two:.1f} s (best of 2 each)")
    print(f"  speed-up --jobs 2 / --jobs 1: {one / two:.2f}x  (target >= 1.7 on 2 cores); reports identical: {same}")
    print(f"  two processes on a pure CPU loop, measured alongside: {ceiling:.2f}x (the host's ceiling right now)")
    # what the second process costs in work: on a loaded host, where wall times mislead, the least they can be
    print(f"  CPU seconds, all processes: --jobs 1 {min(cpu[1]):.1f}, --jobs 2 {min(cpu[2]):.1f} (best of 2 each)")


def bench_archive(count: int) -> None:
    rng = random.Random(11)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "articles"
        folder.mkdir()
        generate(count, folder)
        db = str(Path(tmp) / "archive.sqlite")
        full = _factcheck("index", str(folder), "--db", db)
        unchanged = _factcheck("index", str(folder), "--db", db)
        print(
            f"index of {count} generated articles: {full:.1f} s; again, nothing changed: {unchanged:.1f} s", flush=True
        )
        files = sorted(folder.iterdir())
        for path in rng.sample(files, max(1, count // 100)):
            path.write_text(_vary(path.read_text(encoding="utf-8"), rng), encoding="utf-8")
        changed = _factcheck("index", str(folder), "--db", db)
        print(
            f"  re-index after changing 1 % of the files: {changed:.1f} s = {100 * changed / full:.1f} % of the full"
            " index  (target <= 5 %)",
            flush=True,
        )
        draft = Path(tmp) / "draft.md"
        draft.write_text(_vary(files[0].read_text(encoding="utf-8"), rng), encoding="utf-8")
        against = _factcheck("check", str(draft), "--against", db, "-q")
        print(f"draft --against the archive of {count}: {against:.2f} s whole process (target <= 2 s at 100k)")


def _factcheck_peak(*args: str) -> tuple[float, float]:
    """Seconds and peak memory (MiB, the process or its largest descendant) of one `factcheck ...` process."""
    started = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-m", "factcheck", *args],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT), "PYTHONHASHSEED": "0"},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    _, _, usage = os.wait4(process.pid, 0)
    process.returncode = 0  # reaped here; Popen need not wait again
    return time.perf_counter() - started, usage.ru_maxrss / 1024


def bench_dask(count: int) -> None:
    try:
        from distributed import LocalCluster
    except ImportError:
        print("dask: skipped, dask.distributed is not installed (pip install 'factcheck-figures[dask]')")
        return
    with tempfile.TemporaryDirectory() as tmp:
        folder, quarter = Path(tmp) / "articles", Path(tmp) / "quarter"
        folder.mkdir()
        quarter.mkdir()
        generate(count, folder)
        generate(count // 4, quarter)
        with LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address=":0"
        ) as cluster:
            runs = {
                "jobs": ("-j", "2"),
                "dask": ("--engine", "dask", "-j", "2"),  # starts and stops its own LocalCluster
                "running": ("--engine", "dask", "--scheduler", cluster.scheduler_address),
            }
            times: dict[str, list[float]] = {name: [] for name in runs}
            peaks: dict[str, float] = {}
            for _ in range(2):  # alternate, so that a neighbour's load hits every side alike
                for name, flags in runs.items():
                    out = str(Path(tmp) / f"{name}.json")
                    seconds, peaks[name] = _factcheck_peak(
                        "check", str(folder), "-q", "--format", "json", "-o", out, *flags
                    )
                    times[name].append(seconds)
            # the client's memory as the corpus grows: the workers (not its descendants here) hold the spaCy Docs
            _, peak_quarter = _factcheck_peak(
                "check", str(quarter), "-q", "--format", "json", "-o", str(Path(tmp) / "q.json"), *runs["running"]
            )
        reports = {name: (Path(tmp) / f"{name}.json").read_bytes() for name in runs}
    best = {name: min(values) for name, values in times.items()}
    same = reports["dask"] == reports["jobs"] == reports["running"]
    print(f"check on {count} articles (best of 2 each, whole process): --jobs 2 {best['jobs']:.1f} s,", end=" ")
    print(f"--engine dask {best['dask']:.1f} s, --engine dask --scheduler (running) {best['running']:.1f} s")
    print(f"  dask / --jobs 2 time: {best['dask'] / best['jobs']:.2f} (own LocalCluster of 2 workers),", end=" ")
    print(f"{best['running'] / best['jobs']:.2f} (a running one); reports identical: {same}")
    print(
        f"  peak memory: --jobs 2 {peaks['jobs']:.0f} MiB (largest of parent and workers); dask client alone", end=" "
    )
    print(f"{peak_quarter:.0f} MiB at {count // 4} articles, {peaks['running']:.0f} MiB at {count}")


GOLD = ROOT / "gold" / "corpus-claims.yml"
DEVSET_GOLD = ROOT / "gold" / "devset-claims.yml"
DEVSET = ROOT.parent / "shared" / "devset" / "articles"
DATE_LABEL = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


@dataclass
class GoldFigure:
    """A figure the gold lists: where it stands in its article's text, its value and its period label."""

    start: int
    end: int
    value: float
    period: str | None


def _gold_articles() -> list[tuple[Any, list[GoldFigure]]]:
    """The gold's articles with their figures: corpus/ (nth occurrence of each text), then the dev-set pages."""
    import yaml

    from factcheck.lexicon import load_lexicon
    from factcheck.read import read_corpus

    lexicon = load_lexicon()
    found: list[tuple[Any, list[GoldFigure]]] = []
    gold = yaml.safe_load(GOLD.read_text(encoding="utf-8"))
    for article in read_corpus([str(ROOT / "corpus")], lexicon).articles:
        figures = []
        seen: dict[str, int] = {}
        for item in gold.get(article.id, []):
            pattern = r"\s+".join(re.escape(word) for word in str(item["text"]).split())
            nth = seen[pattern] = seen.get(pattern, 0) + 1
            matches = list(re.finditer(pattern, article.text))
            if len(matches) >= nth:
                match = matches[nth - 1]
                figures.append(GoldFigure(match.start(), match.end(), float(item["value"]), item.get("period")))
        if figures:
            found.append((article, figures))
    if DEVSET.is_dir():
        pages = yaml.safe_load(DEVSET_GOLD.read_text(encoding="utf-8"))["articles"]
        wanted = {page["id"]: page["claims"] for page in pages}
        paths = [str(DEVSET / f"{name}.txt") for name in sorted(wanted) if (DEVSET / f"{name}.txt").exists()]
        for article in read_corpus(paths, lexicon).articles:
            figures = [
                GoldFigure(c["start"], c["end"], float(c["value"]), c.get("period"))
                for c in wanted.get(Path(article.path).stem, [])
                if article.text[c["start"] : c["end"]] == c["text"]  # offsets into the text factcheck reads
            ]
            if figures:
                found.append((article, figures))
    return found


def _same_value(found: float, wanted: float) -> bool:
    return abs(found - wanted) <= 0.005 * max(1.0, abs(wanted))


def _finds_figure(spans: list[tuple[int, int, float]], figure: GoldFigure) -> bool:
    """A quantity over the figure's characters with its value (within half a percent)."""
    return any(a < figure.end and figure.start < b and _same_value(v, figure.value) for a, b, v in spans)


def _dates_as_gold(day: date | None, label: str) -> bool:
    """Whether a date names the gold's period at the gold's precision: its year, its month or its day."""
    match = DATE_LABEL.fullmatch(label)
    if day is None or match is None:
        return False
    year, month, dom = (int(g) if g else 0 for g in match.groups())
    return day.year == year and (not month or day.month == month) and (not dom or day.day == dom)


def _peer_date(search: Any, article: Any, figure: GoldFigure) -> date | None:
    """The date dateparser reads for a figure: the last one before the figure in its line, else the first after.

    As a reader takes the nearest date that precedes a figure; the publication date resolves relative dates.
    """
    from datetime import datetime

    text = article.text
    line_start = text.rfind("\n", 0, figure.start) + 1
    line_end = text.find("\n", figure.end)
    line = text[line_start : len(text) if line_end < 0 else line_end]
    settings: dict[str, Any] = {"PREFER_DAY_OF_MONTH": "first"}
    if article.published is not None:
        settings["RELATIVE_BASE"] = datetime(article.published.year, article.published.month, article.published.day)
    found = search(line, languages=[article.language], settings=settings) or []
    before: date | None = None
    after: date | None = None
    cursor = 0
    for written, when in found:
        at = line.find(written, cursor)
        if at < 0:
            continue
        cursor = at + len(written)
        if line_start + cursor <= figure.start:
            before = when.date()
        elif after is None and line_start + at >= figure.end:
            after = when.date()
    return before or after


def _load_peer(module: str, package: str) -> Any:
    import importlib

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # quantulum3 warns that its optional classifier is missing
            return importlib.import_module(module)
    except ImportError:
        print(f"  {package}: not installed, skipped (pip install -e '.[bench]')")
        return None


def bench_peers() -> None:
    from factcheck.extract import extract

    articles = _gold_articles()
    figures = sum(len(f) for _, f in articles)
    dated = [(a, f) for a, fs in articles for f in fs if f.period and DATE_LABEL.fullmatch(f.period)]
    english = [(a, f) for a, fs in articles if a.language == "en" for f in fs]
    print(
        f"peers on {len(articles)} articles with gold figures ({figures} figures, {len(english)} in English; "
        f"{len(dated)} dated by a year, month or day):"
    )

    def timed(work: Any) -> tuple[float, list[Any]]:
        """Articles per second and what `work` gave for each article.

        CPU time of this process: other work on the shared machine then counts less.
        """
        work(articles[0][0])  # load models and caches before timing
        started = time.process_time()
        results = [work(article) for article, _ in articles]
        return len(articles) / max(time.process_time() - started, 1e-9), results

    speed, extractions = timed(lambda article: extract(article).claims)
    claims = {id(article): found for (article, _), found in zip(articles, extractions)}
    quantities = sum(
        _finds_figure([(c.start, c.end, c.value) for c in claims[id(a)]], f) for a, fs in articles for f in fs
    )
    english_found = sum(_finds_figure([(c.start, c.end, c.value) for c in claims[id(a)]], f) for a, f in english)

    def claim_period(article: Any, figure: GoldFigure) -> str | None:
        for claim in claims[id(article)]:
            if claim.start < figure.end and figure.start < claim.end and _same_value(claim.value, figure.value):
                return claim.period.label if claim.period else None
        return None

    periods = sum(claim_period(a, f) == f.period for a, f in dated)
    print(
        f"  factcheck        {speed:8.1f} articles/s; figures {quantities}/{figures} "
        f"({english_found}/{len(english)} English); periods {periods}/{len(dated)}"
    )
    search_module = _load_peer("dateparser.search", "dateparser")
    if search_module is not None:
        search = search_module.search_dates
        speed, _ = timed(lambda article: search(article.text, languages=[article.language]))
        found = sum(_dates_as_gold(_peer_date(search, a, f), str(f.period)) for a, f in dated)
        print(f"  dateparser       {speed:8.1f} articles/s; periods {found}/{len(dated)} (search_dates, id and en)")
    quantulum = _load_peer("quantulum3.parser", "quantulum3")
    if quantulum is not None:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # quantulum3 warns on some units it cannot tell apart
            speed, parsed = timed(lambda article: quantulum.parse(article.text))
        spans = {
            id(article): [(q.span[0], q.span[1], float(q.value)) for q in found]
            for (article, _), found in zip(articles, parsed)
        }
        quantities = sum(_finds_figure(spans[id(a)], f) for a, fs in articles for f in fs)
        english_found = sum(_finds_figure(spans[id(a)], f) for a, f in english)
        print(
            f"  quantulum3       {speed:8.1f} articles/s; figures {quantities}/{figures} "
            f"({english_found}/{len(english)} English)"
        )


def _timed(*args: str, env: dict[str, str] | None = None) -> tuple[float, float, float]:
    """Whole-process wall seconds, peak resident memory (MiB) and CPU seconds of `factcheck ...` (/usr/bin/time).

    On a shared host the wall time carries the neighbours' load; the CPU time (user and system, the
    process's own, workers not counted) is what the work itself costs. `env` adds to the environment.
    """
    with tempfile.NamedTemporaryFile("r", suffix=".time") as out:
        subprocess.run(
            ["/usr/bin/time", "-f", "%e %M %U %S", "-o", out.name, sys.executable, "-m", "factcheck", *args],
            cwd=ROOT,
            env={**os.environ, "PYTHONPATH": str(ROOT), "PYTHONHASHSEED": "0", **(env or {})},
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            check=False,  # check exits 1 when it finds something
        )
        seconds, kilobytes, user, system = out.read().split()[-4:]
    return float(seconds), float(kilobytes) / 1024, float(user) + float(system)


def _draft_of(folder: Path, tmp: Path) -> Path:
    """A new article made from the archive's first one, its figures varied again: what an editor would check."""
    draft = tmp / "draft.md"
    first = sorted(folder.iterdir())[0]
    draft.write_text(_vary(first.read_text(encoding="utf-8"), random.Random(11)), encoding="utf-8")
    return draft


NEIGHBOURHOOD = """
import sys
sys.path.insert(0, {root!r})
from factcheck.neighbourhood import load_neighbourhood
from factcheck.lexicon import load_lexicon
from factcheck.load import read_and_extract
lexicon = load_lexicon()
(drafts,) = read_and_extract([[{draft!r}]], lexicon)
scoped = load_neighbourhood({db!r}, drafts, lexicon)
loaded = sum(len(c) for c, _ in scoped.extracted.found)
print(len(scoped.extracted.articles), len(scoped.catalogue([])), loaded, scoped.claims)
"""

WARM = """
import sys
sys.path.insert(0, {root!r})
from factcheck.lexicon import load_lexicon
load_lexicon()
"""

STARTUP = """
import os, sys, time
clock = time.process_time  # CPU seconds of this process: on a shared host less noisy than the wall clock
started = clock()
sys.path.insert(0, {root!r})
import factcheck.check, factcheck.draft, factcheck.archive
from factcheck.spacy_cli import defer
imported = clock()
defer()  # as the command line does: spaCy without its command-line package
import spacy
spacy_imported = clock()
from factcheck.lexicon import load_lexicon
lexicon = load_lexicon()  # from the language-data cache, as a check reads it
loaded = clock()
from factcheck.extract import extract, pipeline
pipeline("id")
built = clock()
from factcheck.load import read_and_extract
read_and_extract([[{draft!r}]], lexicon)
extracted = clock()
os.environ["FACTCHECK_NO_CACHE"] = "1"
load_lexicon.__wrapped__(())  # built from the rule files, as without the cache (and on a cache miss)
rebuilt = clock()
print(imported - started, spacy_imported - imported, loaded - spacy_imported, built - loaded, extracted - built,
      rebuilt - extracted)
"""


def _child(code: str) -> list[str]:
    output = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "PYTHONHASHSEED": "0"},
    )
    return output.stdout.split()


def _draft_line(folder: Path, db: str, tmp: Path, size: int) -> Path:
    draft = _draft_of(folder, tmp)
    command = ("check", str(draft), "--against", db, "-q")
    _child(WARM.format(root=str(ROOT)))  # the cache entry made, if this is the first run with these rule files
    # with the language-data cache (as every run but a user's first) and without it, alternately
    runs = [_timed(*command, env={"FACTCHECK_NO_CACHE": "1"} if i % 2 else None) for i in range(4)]
    (seconds, peak, cpu), (cold, _, cold_cpu), (again, _, again_cpu), (cold2, _, cold2_cpu) = runs
    articles, total, claims, all_claims = _child(NEIGHBOURHOOD.format(root=str(ROOT), draft=str(draft), db=db))
    ratio = (cpu + again_cpu) / (cold_cpu + cold2_cpu)
    print(
        f"  draft --against the {size} archive: {seconds:.2f} s whole process ({cpu:.2f} s CPU), again {again:.2f} s"
        f" ({again_cpu:.2f} s CPU), peak {peak:.0f} MiB; without the language-data cache {cold:.2f} s and"
        f" {cold2:.2f} s ({cold_cpu:.2f} s and {cold2_cpu:.2f} s CPU; with it {ratio:.2f}"
        f" of that CPU); its neighbourhood {articles} of {total} articles"
        f" ({100 * int(articles) / int(total):.1f} %), {claims} of {all_claims} claims",
        flush=True,
    )
    return draft


def _topics(db: str) -> str:
    """How often a topic, (entity, place, metric head), recurs over the archive's articles: a line to print."""
    import sqlite3
    import statistics

    connection = sqlite3.connect(db)
    rows = connection.execute(
        "SELECT entity, rtrim(substr(scope, 1, instr(scope || '/', '/') - 1), '?') AS place,"
        " substr(metric, 1, instr(metric || ' ', ' ') - 1) AS head, count(DISTINCT file)"
        " FROM claims WHERE metric != '' GROUP BY entity, place, head"
    ).fetchall()
    connection.close()
    sizes = sorted((int(r[3]) for r in rows), reverse=True)
    return (
        f"{len(sizes)} topics (entity, place, metric); articles per topic: largest {', '.join(map(str, sizes[:5]))};"
        f" median {statistics.median(sizes):g}; {sum(s >= 1000 for s in sizes)} in 1000 or more,"
        f" {sum(100 <= s < 1000 for s in sizes)} in 100-999, {sum(10 <= s < 100 for s in sizes)} in 10-99,"
        f" {sum(s < 10 for s in sizes)} in fewer"
    )


def bench_scale(sizes: list[int]) -> None:
    """`index` once per size, then `check --db` (the check stage alone), each a whole process with its peak memory."""
    previous: tuple[int, float, float] | None = None
    for size in sizes:
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp) / "articles"
            folder.mkdir()
            generate(size, folder)
            db = str(Path(tmp) / "archive.sqlite")
            indexed, index_peak, _ = _timed("index", str(folder), "--db", db)  # its CPU is in the workers
            # --statistics: the check stage (clustering and the rules) with a one-line-per-rule report, since the
            # JSON of tens of thousands of findings costs more memory than the check itself
            checked, check_peak, check_cpu = _timed("check", "--db", db, "-q", "--statistics")
            ratio = ""
            if previous is not None:
                ratio = (
                    f"; ratio to {previous[0]}: index {indexed / previous[1]:.1f}, "
                    f"check --db {checked / previous[2]:.1f} (x{size / previous[0]:g} articles)"
                )
            print(
                f"scale, {size:>6} articles: index {indexed:7.1f} s (peak {index_peak:5.0f} MiB), "
                f"check --db {checked:7.1f} s ({check_cpu:.1f} s CPU, peak {check_peak:5.0f} MiB){ratio}",
                flush=True,
            )
            _draft_line(folder, db, Path(tmp), size)
            previous = (size, indexed, checked)
    print("  targets: check --db time ratio 100k/10k <= 10.5, peak <= 500 MB at 100k")


def bench_draft(size: int, dense: bool = False, keep: Path | None = None) -> None:
    """A draft against an archive of `size` generated articles, and what its whole process spends on start-up.

    The archive spreads over institutions, places and years (`generate`); with `dense`, the old archive of
    plain copies is measured too, as the worst case (its draft's clusters hold 44 % of it). With `keep`, the
    spread archive is made in that folder (`articles/`, `archive.sqlite`) and used again by the next run:
    `index` then reads only what changed, where a new 100k archive takes most of an hour.
    """
    for kind in ("spread", "dense") if dense else ("spread",):
        with tempfile.TemporaryDirectory() as tmp:
            home = keep if keep is not None and kind == "spread" else Path(tmp)
            folder = home / "articles"
            if not (folder.is_dir() and len(list(folder.iterdir())) == size):
                folder.mkdir(parents=True, exist_ok=True)
                generate(size, folder, dense=kind == "dense")
            db = str(home / "archive.sqlite")
            indexed, _, _ = _timed("index", str(folder), "--db", db)
            print(f"draft: index of {size} generated articles ({kind}) {indexed:.1f} s; {_topics(db)}", flush=True)
            draft = _draft_line(folder, db, Path(tmp), size)
            startup = STARTUP.format(root=str(ROOT), draft=str(draft))
            imported, spacy_imported, loaded, built, extracted, rebuilt = (float(x) for x in _child(startup))
    print(
        f"  of which, in a process of its own, CPU: importing factcheck {imported:.2f} s, spaCy {spacy_imported:.2f} s,"
        f" the lexicon {loaded:.2f} s from the cache ({rebuilt:.2f} s built from the rule files), building the"
        f" Indonesian pipeline {built:.2f} s, reading and extracting the draft {extracted:.2f} s"
        "  (target: whole process <= 2 s at 100k)"
    )


BENCHES = ("extraction", "check", "jobs", "archive", "dask", "peers", "scale", "draft")


LINEAR_CHILD = """
import sys, time, resource
from pathlib import Path
sys.path.insert(0, {root!r})
from factcheck.extract import extract
from factcheck.lexicon import load_lexicon
from factcheck.read import read_file
lexicon = load_lexicon()
path = Path({path!r})
warm = read_file(Path("warm.txt"), "warm.txt", lexicon, data=b"Jumlah peserta 5 juta orang pada Januari 2024.")
extract(warm[0], lexicon)
started = time.perf_counter()
items = read_file(path, path.name, lexicon)  # no time budget: the benchmark measures the whole work
read = time.perf_counter() - started
started = time.perf_counter()
claims = sum(len(extract(item, lexicon).claims) for item in items if hasattr(item, "text"))
extracted = time.perf_counter() - started
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
skipped = [item.reason for item in items if not hasattr(item, "text")]
print(read, extracted, peak, claims, len(skipped))
"""


def _news_text(size: int, rng: random.Random) -> str:
    """About `size` characters of article bodies from corpus/, figures and years varied."""
    from factcheck.lexicon import load_lexicon
    from factcheck.models import Article
    from factcheck.read import finish_article

    lexicon = load_lexicon()
    bodies = []
    for template in sorted(p for p in (ROOT / "corpus").iterdir() if p.suffix in (".md", ".txt")):
        text = template.read_text(encoding="utf-8")
        if text.startswith("---"):
            text = text.split("\n---", 2)[-1].split("\n", 1)[-1]
        body = text.strip() + "\n\n"
        article = Article("b", "b.txt", body)
        finish_article(article, lexicon)
        if not any(span.reason == "footer" for span in article.boilerplate):
            bodies.append(body)  # a footer line would end the long text and mark all the rest
    pieces: list[str] = []
    total = 0
    while total < size:
        piece = _vary(bodies[len(pieces) % len(bodies)], rng)
        pieces.append(piece)
        total += len(piece)
    return "".join(pieces)[:size]


def _row(n: int) -> str:
    return "IHSG " + "  ".join(f"{i % 997}.{i % 1000:03d}" for i in range(n)) + "  x\n"


# name -> text of about `size` characters; each once made a stage quadratic or worse (issue 9)
PATHOLOGICAL = {
    "stock-table rows": lambda size: "".join(_row(26) for _ in range(size // 300 + 1))[:size],
    "leading spaces": lambda size: ((" " * 800 + "x\n") * (size // 802 + 1))[:size],
    "one run of digits": lambda size: "1" * size + "\n",
    "one sentence of figures": lambda size: (
        "Jumlah peserta " + ", ".join(f"{i % 999 + 1} juta" for i in range(size // 10)) + ".\n"
    )[:size],
    "one line, no spaces": lambda size: ("ab.," * (size // 4)) + "\n",
    "brackets and dots": lambda size: ("((...)) [19/10] " * (size // 16)) + "\n",
}


def _measure(text: str, name: str) -> tuple[float, float, float, int, int]:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / name
        path.write_text(text, encoding="utf-8")
        read, extracted, peak, claims, skipped = _child(LINEAR_CHILD.format(root=str(ROOT), path=str(path)))
    return float(read), float(extracted), float(peak), int(claims), int(skipped)


def bench_linear(sizes_mb: list[int], pathological_kb: int) -> None:
    if sizes_mb:
        print("reading and extracting one file of news text (each in its own process):")
    previous: tuple[int, float] | None = None
    for size in sizes_mb:
        text = _news_text(size * 1_000_000, random.Random(11))
        read, extracted, peak, claims, _ = _measure(text, f"news-{size}mb.txt")
        total = read + extracted
        ratio = (
            f"  ratio to {previous[0]} MB: {total / previous[1]:5.2f} (size x{size / previous[0]:g})"
            if previous
            else ""
        )
        print(
            f"  {size:>3} MB: read {read:7.1f} s, extract {extracted:7.1f} s, {claims:>7} claims, "
            f"peak {peak:6.0f} MiB{ratio}"
        )
        previous = (size, total)
    small = pathological_kb * 1000
    print(f"pathological inputs, {pathological_kb} kB against {4 * pathological_kb} kB (near 4 means linear):")
    for name, make in PATHOLOGICAL.items():
        times = []
        for size in (small, 4 * small):
            read, extracted, _, claims, skipped = _measure(make(size), "pathological.txt")
            times.append(read + extracted)
        print(f"  {name:<24} {times[0]:6.2f} s, {times[1]:6.2f} s: ratio {times[1] / max(times[0], 1e-9):5.2f}")


def main_linear(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(prog="run.py linear", description="time linear in the input")
    parser.add_argument("--sizes", default="1,4,16,64", help="megabytes, comma-separated ('' for none)")
    parser.add_argument("--pathological", type=int, default=256, help="kilobytes of the smaller input")
    args = parser.parse_args(argv)
    bench_linear([int(s) for s in args.sizes.split(",") if s], args.pathological)


def main() -> None:
    if sys.argv[1:2] == ["linear"]:
        main_linear(sys.argv[2:])
        return
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("benches", nargs="*", choices=[[], *BENCHES], metavar="BENCH", help=", ".join(BENCHES))
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--small", type=int, default=1000)
    parser.add_argument("--large", type=int, default=10000)
    parser.add_argument("--jobs-articles", type=int, default=1000)
    parser.add_argument("--archive", type=int, default=10000)
    parser.add_argument("--dask-articles", type=int, default=1000)
    parser.add_argument("--scale-sizes", default="1000,10000,100000", help="articles, comma-separated")
    parser.add_argument("--draft-archive", type=int, default=100000, help="articles in the draft's archive")
    parser.add_argument(
        "--draft-keep",
        type=Path,
        help="draft: make the spread archive in this folder, or use the one a previous run made there",
    )
    parser.add_argument(
        "--dense",
        action="store_true",
        help="generate the old archive of plain copies (the worst case); draft measures both",
    )
    args = parser.parse_args()
    chosen = args.benches or BENCHES
    global DENSE
    DENSE = args.dense
    if "extraction" in chosen:
        bench_extraction(args.articles)
    if "check" in chosen:
        bench_check([args.small, args.large])
    if "jobs" in chosen:
        bench_jobs(args.jobs_articles)
    if "archive" in chosen:
        bench_archive(args.archive)
    if "dask" in chosen:
        bench_dask(args.dask_articles)
    if "peers" in chosen:
        bench_peers()
    if "scale" in chosen:
        bench_scale([int(n) for n in args.scale_sizes.split(",") if n])
    if "draft" in chosen:
        bench_draft(args.draft_archive, args.dense, args.draft_keep)


if __name__ == "__main__":
    main()
