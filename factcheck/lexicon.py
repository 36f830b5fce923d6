"""Load and validate the language data and rule packs under rules/.

Everything is read once per process (and per set of extra rule folders) and
shared by the pipeline stages.
"""

from __future__ import annotations

import atexit
import hashlib
import importlib.util
import re
import shutil
import tempfile
from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

import yaml

from . import langcache, schema
from .errors import RuleFileError
from .regex_check import nested_quantifier
from .schema import validate

PACKAGED_RULES = Path(__file__).resolve().parent.parent / "rules"  # a source checkout or an editable install


@lru_cache(maxsize=1)
def default_rules_dir() -> Path:
    """The packaged rules: `factcheck/rules` inside an installed package, else the checkout's top-level rules/.

    A wheel carries rules/ as package data of `factcheck` (setup.cfg maps it),
    so it is found through importlib.resources wherever the package went:
    site-packages, --user, --target, or a zip file.
    """
    installed = resources.files("factcheck") / "rules"
    if installed.is_dir():
        return _on_disk(installed)
    return PACKAGED_RULES


def _on_disk(folder: Traversable) -> Path:
    """The folder itself when it is on disk; from a zipped install, a copy in a temporary folder."""
    if isinstance(folder, Path):
        return folder
    copy = Path(tempfile.mkdtemp(prefix="factcheck-rules-"))
    atexit.register(shutil.rmtree, copy, True)
    _copy_tree(folder, copy)
    return copy


def _copy_tree(folder: Traversable, target: Path) -> None:
    for item in folder.iterdir():
        if item.is_dir():
            (target / item.name).mkdir()
            _copy_tree(item, target / item.name)
        else:
            (target / item.name).write_bytes(item.read_bytes())


# libyaml's loader reads the same documents about five times faster (the gazetteer
# alone costs half a second in pure Python); it is absent from some builds.
_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_yaml(path: Path) -> Any:
    try:
        with path.open(encoding="utf-8") as handle:
            return yaml.load(handle, Loader=_LOADER)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{path}:{mark.line + 1}" if mark is not None else str(path)
        raise RuleFileError(where, f"not valid YAML ({getattr(exc, 'problem', exc)})") from exc
    except OSError as exc:
        raise RuleFileError(str(path), f"cannot be read ({exc.strerror})") from exc


@dataclass(eq=False)  # hashed by identity: loaded once, used as a cache key
class Language:
    code: str
    decimal_mark: str
    group_mark: str
    number_words: dict[str, float]
    magnitudes: dict[str, float]
    approximate_magnitudes: set[str]
    currency_only_magnitudes: set[str]
    currencies: dict[str, str]
    currency_words: dict[str, str]
    percent_words: list[str]
    percentage_point_words: list[str]
    basis_point_words: list[str]
    months: dict[str, int]
    weekdays: dict[str, int]
    non_figure_units: set[str]
    ordinal_prefixes: set[str]
    non_figure_prefixes: set[str]
    period_cues: dict[str, Any]
    modality_cues: dict[str, list[str]]
    extremes: dict[str, str]
    statement: dict[str, list[str]]
    partitions: dict[str, list[str]]  # side -> phrases ("above" -> "di atas", ...)
    partition_references: dict[str, str]  # phrase -> what the line is ("rata-rata nasional" -> "nasional")
    qualifiers: dict[str, str]
    postfix_qualifiers: dict[str, str]
    speech_verbs: set[str]
    role_words: set[str]
    stopwords: set[str]
    function_words: set[str]
    # for the names of people (extract/persons.py); optional, so a user's language file may leave them out
    speaker_cues: set[str] = field(default_factory=set)  # the speaker follows: "disampaikan oleh", "ungkap"
    agent_words: set[str] = field(default_factory=set)  # "oleh" between a speaker cue and the speaker
    title_words: set[str] = field(default_factory=set)  # a capitalized one opens a title before a name
    place_words: set[str] = field(default_factory=set)  # open a place or venue name, never in a person's
    unit_forms: dict[str, str] = field(default_factory=dict)  # "kilogram" -> "kg": one denominator, one spelling

    @property
    def strong_breaks(self) -> list[str]:
        return self.statement.get("strong_breaks", [])


LIST_KEYS = (
    "approximate_magnitudes",
    "currency_only_magnitudes",
    "percent_words",
    "percentage_point_words",
    "basis_point_words",
    "non_figure_units",
    "ordinal_prefixes",
    "non_figure_prefixes",
    "speech_verbs",
    "role_words",
    "stopwords",
    "function_words",
    "speaker_cues",
    "agent_words",
    "title_words",
    "place_words",
)


def _lower_words(words: Any) -> list[str]:
    return [str(w).lower() for w in (words or [])]


def _load_language(path: Path) -> Language:
    data = load_yaml(path)
    validate(data, schema.LANGUAGE, str(path))

    def kinds(table: dict[str, Any]) -> dict[str, str]:
        return {str(word).lower(): str(spec["kind"]) for word, spec in table.items()}

    modality = dict(data["modality_cues"])
    extremes = {str(k).lower(): str(v) for k, v in (modality.pop("extremes", None) or {}).items()}
    return Language(
        code=data["language"],
        decimal_mark=data["decimal_mark"],
        group_mark=data["group_mark"],
        number_words={str(k).lower(): float(v) for k, v in data["number_words"].items()},
        magnitudes={str(k).lower(): float(v) for k, v in data["magnitudes"].items()},
        approximate_magnitudes=set(_lower_words(data.get("approximate_magnitudes"))),
        currency_only_magnitudes=set(_lower_words(data.get("currency_only_magnitudes"))),
        currencies={str(k).lower(): str(v) for k, v in data["currencies"].items()},
        currency_words={str(k).lower(): str(v) for k, v in (data.get("currency_words") or {}).items()},
        percent_words=_lower_words(data["percent_words"]),
        percentage_point_words=_lower_words(data.get("percentage_point_words")),
        basis_point_words=_lower_words(data.get("basis_point_words")),
        months={str(k).lower(): int(v) for k, v in data["months"].items()},
        weekdays={str(k).lower(): int(v) for k, v in data["weekdays"].items()},
        non_figure_units=set(_lower_words(data.get("non_figure_units"))),
        ordinal_prefixes=set(_lower_words(data.get("ordinal_prefixes"))),
        non_figure_prefixes=set(_lower_words(data.get("non_figure_prefixes"))),
        period_cues=data["period_cues"],
        modality_cues={k: _lower_words(v) for k, v in modality.items()},
        extremes=extremes,
        statement=_with_prefixed_units(
            {k: _lower_words(v) for k, v in data["statement"].items() if isinstance(v, list)}
        ),
        partitions={str(k): _lower_words(v) for k, v in (data["statement"].get("partitions") or {}).items()},
        partition_references={
            str(k).lower(): str(v) for k, v in (data["statement"].get("partition_references") or {}).items()
        },
        qualifiers=kinds(data["qualifiers"]),
        postfix_qualifiers=kinds(data["postfix_qualifiers"]),
        speech_verbs=set(_lower_words(data["speech_verbs"])),
        role_words=set(_lower_words(data["role_words"])),
        stopwords=set(_lower_words(data["stopwords"])),
        function_words=set(_lower_words(data["function_words"])),
        speaker_cues=set(_lower_words(data.get("speaker_cues"))),
        agent_words=set(_lower_words(data.get("agent_words"))),
        title_words=set(_lower_words(data.get("title_words"))),
        place_words=set(_lower_words(data.get("place_words"))),
        unit_forms={str(k).lower(): str(v).lower() for k, v in (data.get("unit_forms") or {}).items()},
    )


def _with_prefixed_units(statement: dict[str, list[str]]) -> dict[str, list[str]]:
    """Units of measure with every metric prefix of those that take one ("kwh", "mw", "gwp"), all classifiers."""
    units = statement.setdefault("measure_units", [])
    for prefix in statement.get("unit_prefixes", []):
        for unit in statement.get("prefixed_units", []):
            if prefix + unit not in units:
                units.append(prefix + unit)
    classifiers = statement.setdefault("classifiers", [])
    classifiers.extend(u for u in units if u not in classifiers)
    return statement


def _extend_language(languages: dict[str, Language], path: Path) -> None:
    """A user's lexicon/<code>.yml: a whole new language, or words added to a packaged one."""
    data = load_yaml(path)
    validate(data, schema.LANGUAGE_EXTENSION, str(path))
    code = data["language"]
    if code not in languages:
        languages[code] = _load_language(path)
        return
    language = languages[code]
    for key, value in data.items():
        if key == "language":
            continue
        if key in ("qualifiers", "postfix_qualifiers"):
            getattr(language, key).update({str(w).lower(): str(spec["kind"]) for w, spec in value.items()})
        elif key in ("period_cues",):
            for cue, words in value.items():
                current = language.period_cues.get(cue)
                if isinstance(current, list):
                    current.extend(w for w in words if w not in current)
                elif isinstance(current, dict):
                    current.update(words)
                else:
                    language.period_cues[cue] = words
        elif key in ("modality_cues", "statement"):
            table = language.modality_cues if key == "modality_cues" else language.statement
            for cue, words in value.items():
                if cue == "extremes":
                    language.extremes.update({str(k).lower(): str(v) for k, v in words.items()})
                    continue
                if cue == "partitions":
                    for side, phrases in words.items():
                        language.partitions.setdefault(str(side), []).extend(_lower_words(phrases))
                    continue
                if cue == "partition_references":
                    language.partition_references.update({str(k).lower(): str(v) for k, v in words.items()})
                    continue
                current = table.setdefault(cue, [])
                current.extend(w for w in _lower_words(words) if w not in current)
            _with_prefixed_units(language.statement)
        elif key in LIST_KEYS:
            current = getattr(language, key)
            words = _lower_words(value)
            if isinstance(current, set):
                current.update(words)
            else:
                current.extend(w for w in words if w not in current)
        else:
            getattr(language, key).update({str(w).lower(): v for w, v in value.items()})


@dataclass
class Metric:
    id: str
    label: str
    synonyms: list[str]
    generic: bool = False
    population: bool = False
    flow: bool = False
    broad: bool = False
    specificity: int = 1
    as_percent: str = ""  # the metric a percentage of this count is ("penduduk miskin" -> "tingkat kemiskinan")
    change_is: str = ""  # the metric a percentage change of this one is ("PDB tumbuh 5 persen" -> economic growth)
    statistic: bool = False  # a figure about a population, the same whichever organization reports it
    within: list[str] = field(default_factory=list)  # metrics (as claims spell them) this one is a part of
    labels: dict[str, str] = field(default_factory=dict)  # the label in other report languages ({"en": "revenue"})


@dataclass
class Segment:
    """A segment or programme a metric is split into ("PU", "JHT"), and the metric it counts when named alone."""

    id: str
    synonyms: list[str]
    of: str = ""
    # synonyms that are everyday words too ("pekerja informal"): alone they count `of` only where the text
    # names that metric, while a programme's own term ("BPU") always does
    general: list[str] = field(default_factory=list)


@dataclass
class Entity:
    name: str
    aliases: list[str]


@dataclass
class BoilerplatePattern:
    name: str
    pattern: re.Pattern[str]


@dataclass
class Lexicon:
    languages: dict[str, Language]
    metrics: list[Metric]
    entities: list[Entity]
    scope_words: list[str]
    national_words: list[str]
    place_heads: list[str]
    organization_words: list[str]
    owner_words: list[str]  # a company or a party: the figures it states are its own
    company_marks: frozenset[str]  # a company's legal form ("PT", "Tbk"), not part of the name articles share
    places: dict[str, str]  # a place as written -> its canonical name ("Jabar" -> "Jawa Barat")
    breakdown_words: list[str]
    boilerplate: list[BoilerplatePattern]
    footers: list[re.Pattern[str]]
    qualifier_widths: dict[str, float] = field(default_factory=dict)
    metric_modifiers: list[str] = field(default_factory=list)
    extra_dirs: tuple[str, ...] = ()  # the user folders this lexicon was extended with
    rules: list[dict[str, Any]] = field(default_factory=list)
    rule_sources: dict[str, str] = field(default_factory=dict)
    place_kinds: dict[str, str] = field(
        default_factory=dict
    )  # canonical name -> province, kabupaten, kota, regency (either), country
    place_provinces: dict[str, str] = field(default_factory=dict)  # a regency's canonical name -> its province
    location_words: list[str] = field(default_factory=list)
    venue_words: list[str] = field(default_factory=list)  # "Pasar", "Bandara": with the name after them, a scope
    venue_words_after: list[str] = field(default_factory=list)  # "Airport": with the name before it ("Juanda Airport")
    subdivision_words: list[str] = field(default_factory=list)  # "Kecamatan": the name after it is no city
    segments: list[Segment] = field(default_factory=list)
    metric_noise: list[str] = field(default_factory=list)
    flow_heads: list[str] = field(default_factory=list)  # heads of metrics the lexicon lacks that count a flow
    breakdown_forms: dict[str, str] = field(default_factory=dict)

    def metric(self, metric_id: str) -> Metric | None:
        return self._metrics_by_id.get(metric_id)

    def is_flow(self, metric: str) -> bool:
        """Whether a metric (as claims spell it) is counted over a period: the lexicon's `flow`, else its head.

        "penerimaan pajak", "realisasi belanja", "tax revenue" are flows the lexicon need not list one by one:
        "hingga Juni" is the year so far for them, as for "ekspor".
        """
        words = metric.split()
        if not words:
            return False
        known = self.metric(words[0])
        if known is not None:
            return known.flow
        return words[0] in self._flow_heads or words[-1] in self._flow_heads  # Indonesian heads first, English last

    @cached_property
    def _flow_heads(self) -> frozenset[str]:
        return frozenset(self.flow_heads)

    @cached_property
    def _metrics_by_id(self) -> dict[str, Metric]:
        found: dict[str, Metric] = {}
        for metric in self.metrics:
            found.setdefault(metric.id, metric)
        return found

    def language(self, code: str) -> Language:
        return self.languages.get(code) or self.languages["id"]


def _load_metrics(path: Path) -> tuple[list[Metric], list[str], list[Segment], list[str], list[str]]:
    data = load_yaml(path)
    validate(data, schema.METRICS, str(path))
    segments = [
        Segment(
            id=str(item["id"]),
            synonyms=_lower_words(item["synonyms"]),
            of=str(item.get("of", "")),
            general=_lower_words(item.get("general")),
        )
        for item in data.get("segments", [])
    ]
    metrics = [
        Metric(
            id=item["id"],
            label=str(item.get("label", item["id"])),
            synonyms=[str(s).lower() for s in item["synonyms"]],
            generic=bool(item.get("generic", False)),
            population=bool(item.get("population", False)),
            flow=bool(item.get("flow", False)),
            broad=bool(item.get("broad", False)),
            specificity=int(item.get("specificity", 1)),
            as_percent=str(item.get("as_percent", "")),
            change_is=str(item.get("change_is", "")),
            statistic=bool(item.get("statistic", False)),
            within=[str(w).lower() for w in item.get("within", [])],
            labels={str(k): str(v) for k, v in (item.get("labels") or {}).items()},
        )
        for item in data["metrics"]
    ]
    return (
        metrics,
        _lower_words(data.get("modifiers")),
        segments,
        _lower_words(data.get("noise")),
        _lower_words(data.get("flow_heads")),
    )


def _load_entities(path: Path) -> tuple[list[Entity], dict[str, list[str]]]:
    data = load_yaml(path)
    validate(data, schema.ENTITIES, str(path))
    entities = []
    orders = [(str(a), str(b)) for a, b in data.get("name_orders", [])]
    for item in data["entities"]:
        names = [item["name"], *[str(a) for a in item.get("aliases", [])]]
        names += [_reordered(name, orders) for name in names]
        entities.append(Entity(name=item["name"], aliases=[n for n in dict.fromkeys(names) if n]))
    words = {
        key: [str(w) for w in data.get(key, [])]
        for key in (
            "scope_words",
            "national_words",
            "place_heads",
            "organization_words",
            "owner_words",
            "company_marks",
        )
    }
    return entities, words


def _reordered(name: str, orders: list[tuple[str, str]]) -> str:
    """ "Ministry of Health" as "Health Ministry": the other order a language writes one name in, if any."""
    for written, other in orders:
        head, tail = written.split("{name}")
        if name.startswith(head) and name.endswith(tail) and len(name) > len(head) + len(tail):
            return other.replace("{name}", name[len(head) : len(name) - len(tail)])
    return ""


def _refuse_backtracking(path: Path, what: str, pattern: str) -> None:
    """Every line of every article meets these patterns: one that can backtrack exponentially hangs a run."""
    problem = nested_quantifier(pattern)
    if problem:
        raise RuleFileError(
            str(path), f"{what} has a nested quantifier ({problem}); make the outer one possessive (*+, ++)"
        )


def _load_boilerplate(path: Path) -> tuple[list[BoilerplatePattern], list[re.Pattern[str]]]:
    data = load_yaml(path)
    validate(data, schema.BOILERPLATE, str(path))
    patterns = []
    for item in data["line"]:
        _refuse_backtracking(path, f"line pattern {item['name']!r}", item["pattern"])
        try:
            patterns.append(BoilerplatePattern(str(item["name"]), re.compile(item["pattern"])))
        except re.error as exc:
            raise RuleFileError(str(path), f"bad line pattern {item['name']!r}: {exc}") from exc
    footers = []
    for item in data.get("footer", []):
        _refuse_backtracking(path, f"footer pattern {item!r}", item)
        try:
            footers.append(re.compile(item))
        except re.error as exc:
            raise RuleFileError(str(path), f"bad footer pattern {item!r}: {exc}") from exc
    return patterns, footers


def _load_rule_pack(path: Path) -> list[dict[str, Any]]:
    data = load_yaml(path)
    validate(data, schema.RULES, str(path))
    return [{**item, "options": item.get("options") or {}, "source": str(path)} for item in data["rules"]]


@dataclass
class Places:
    forms: dict[str, str] = field(default_factory=dict)
    kinds: dict[str, str] = field(default_factory=dict)
    provinces: dict[str, str] = field(default_factory=dict)
    breakdown_words: list[str] = field(default_factory=list)
    location_words: list[str] = field(default_factory=list)
    venue_words: list[str] = field(default_factory=list)
    venue_words_after: list[str] = field(default_factory=list)
    subdivision_words: list[str] = field(default_factory=list)
    breakdown_forms: dict[str, str] = field(default_factory=dict)

    def add(self, canonical: str, kind: str, forms: list[str], province: str = "") -> None:
        self.kinds.setdefault(canonical, kind)
        if province:
            self.provinces.setdefault(canonical, province)
        for form in forms:
            self.forms.setdefault(form, canonical)


def _load_gazetteer(path: Path, places: Places) -> None:
    """Provinces, regencies and cities as news writes them ("Provinsi Jambi", "Kab. Bekasi", "Kota Jambi")."""
    data = load_yaml(path)
    validate(data, schema.GAZETTEER, str(path))
    provinces = {p["name"] for p in data["provinces"]}
    for province in data["provinces"]:
        name = province["name"]
        forms = [name, *province.get("forms", [])]
        written = [f"{head} {form}" for form in forms for head in ("Provinsi", "provinsi", "Prov.", "Pemprov")]
        places.add(name, "province", [*forms, *written])
    for regency in data["regencies"]:
        if regency["province"] not in provinces:
            raise RuleFileError(f"{path}: {regency['code']}", f"unknown province {regency['province']!r}")
        name = regency["name"]
        kind = regency["kind"]
        canonical = f"{'Kabupaten' if kind == 'kabupaten' else 'Kota'} {name}"
        variants = [name, *regency.get("forms", [])]
        heads = (
            ("Kabupaten", "kabupaten", "Kab.", "Kab", "Pemkab") if kind == "kabupaten" else ("Kota", "kota", "Pemkot")
        )
        forms = [f"{head} {variant}" for variant in variants for head in heads]
        if regency.get("bare", True):
            forms += variants
        else:
            forms += regency.get("forms", [])  # abbreviations such as "Tangsel" are unambiguous
        places.add(canonical, kind, forms, regency["province"])
    _add_shared_names(data, places)


def _add_shared_names(data: dict[str, Any], places: Places) -> None:
    """A name a kabupaten and a kota share ("cabang Bandung") is a place, just not resolved to either."""
    province_forms = {f.lower() for p in data["provinces"] for f in [p["name"], *p.get("forms", [])]}
    by_name: dict[str, list[dict[str, Any]]] = {}
    for regency in data["regencies"]:
        by_name.setdefault(regency["name"], []).append(regency)
    for name, regencies in sorted(by_name.items()):
        provinces = {r["province"] for r in regencies}
        kinds = {r["kind"] for r in regencies}
        if len(provinces) == 1 and kinds == {"kabupaten", "kota"} and name.lower() not in province_forms:
            places.add(name, "regency", [name], provinces.pop())


def _add_countries(places: Places) -> None:
    """Countries, in English and in Indonesian, from pycountry (rows such as "1. Malaysia: 214.080")."""
    import gettext

    import pycountry

    translate: Callable[[str], str] = str
    with suppress(OSError):  # pycountry ships its catalogs; without one, names stay English
        translate = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["id"]).gettext
    for country in pycountry.countries:
        if country.alpha_2 == "ID":
            continue  # Indonesia is the national scope, not a place inside it
        name = getattr(country, "common_name", None) or country.name
        forms = {name, country.name, translate(country.name), name.split(",")[0], translate(country.name).split(",")[0]}
        places.add(name, "country", sorted(f for f in forms if len(f) > 3))


def _add_islands(places: Places) -> None:
    """The main islands and island groups ("Pulau Jawa", "wilayah Maluku dan Papua"), from pycountry."""
    import pycountry

    for unit in pycountry.subdivisions.get(country_code="ID") or []:
        if unit.type != "Geographical unit":
            continue
        name = unit.name
        forms = [f"{head} {name}" for head in ("Pulau", "pulau", "Kepulauan", "kepulauan", "wilayah", "Wilayah")]
        if places.kinds.get(name) is None:
            forms.append(name)  # "Jawa", "Sumatera": no province is called so
        places.add(f"Pulau {name}", "island", forms)


def _load_places(path: Path, places: Places) -> None:
    data = load_yaml(path)
    validate(data, schema.PLACES, str(path))
    for name, written in (data.get("places") or {}).items():
        places.add(str(name), places.kinds.get(str(name), "place"), [str(w) for w in written])
    places.breakdown_words += _lower_words(data.get("breakdown_words"))
    places.location_words += _lower_words(data.get("location_words"))
    places.venue_words += [str(w) for w in data.get("venue_words") or []]
    places.venue_words_after += [str(w) for w in data.get("venue_words_after") or []]
    places.subdivision_words += [str(w) for w in data.get("subdivision_words") or []]
    places.breakdown_forms.update(
        {str(k).lower(): str(v).lower() for k, v in (data.get("breakdown_forms") or {}).items()}
    )
    if data.get("english_names"):
        _add_english_names(places, data["english_names"])


def _add_english_names(places: Places, names: dict[str, Any]) -> None:
    """ "Jawa Barat" is "West Java", "Kepulauan Riau" the "Riau Islands": English puts the compass word first."""
    compass = {str(k): str(v) for k, v in (names.get("compass") or {}).items()}
    islands = {str(k): str(v) for k, v in (names.get("islands") or {}).items()}
    archipelago = str(names.get("archipelago") or "")
    for canonical, kind in list(places.kinds.items()):
        if kind != "province":
            continue
        words = canonical.split()
        english = ""
        for size in (2, 1):
            direction = " ".join(words[-size:])
            if len(words) > size and direction in compass:
                island = " ".join(words[:-size])
                english = f"{compass[direction]} {islands.get(island, island)}"
                break
        if not english and archipelago and words[0] == archipelago and len(words) > 1:
            english = f"{' '.join(words[1:])} Islands"
        if english:
            places.add(canonical, kind, [english, f"{english} province", f"{english} Province"])


@lru_cache(maxsize=8)
def load_lexicon(extra_dirs: tuple[str, ...] = ()) -> Lexicon:
    """Read rules/ plus any extra folders; later folders extend earlier ones.

    What they compile to is kept in the language-data cache (langcache.py) for the next process that
    reads the same files with the same code.
    """
    folders = [str(default_rules_dir()), *extra_dirs]
    files = [path for folder in folders for path in sorted(Path(folder).rglob("*.yml"))]
    key = langcache.digest([Path(__file__).resolve().parent / name for name in BUILDERS], files, _data_versions())
    which = hashlib.sha256("\0".join(folders).encode()).hexdigest()[:12]  # one entry per set of folders
    lexicon = langcache.cached(f"lexicon-{which}", key, lambda: _build_lexicon(extra_dirs))
    _check_rules(lexicon.rules)  # against the rule kinds of this code, which the key does not cover
    return lexicon


# the code that makes a Lexicon from the rule files (what `load_lexicon`'s cache entries depend on)
BUILDERS = ("lexicon.py", "schema.py", "regex_check.py", "langcache.py")


def _data_versions() -> list[str]:
    """What else a lexicon is made of: pycountry's countries and their Indonesian names, by file size and time."""
    spec = importlib.util.find_spec("pycountry")  # found, not imported: a cached lexicon needs no pycountry
    found = [f"pycountry {spec.origin if spec else None}"]
    if spec is not None and spec.origin:
        package = Path(spec.origin).parent
        for name in ("databases/iso3166-1.json", "databases/iso3166-2.json", "locales/id/LC_MESSAGES/iso3166-1.mo"):
            with suppress(OSError):
                stat = (package / name).stat()
                found.append(f"{name} {stat.st_size} {stat.st_mtime_ns}")
    return found


def _build_lexicon(extra_dirs: tuple[str, ...]) -> Lexicon:
    base = default_rules_dir()
    languages = {}
    for path in sorted((base / "lexicon").glob("*.yml")):
        language = _load_language(path)
        languages[language.code] = language
    metrics, modifiers, segments, noise, flow_heads = _load_metrics(base / "metrics.yml")
    entities, words = _load_entities(base / "entities.yml")
    boilerplate, footers = _load_boilerplate(base / "boilerplate.yml")
    rules = _load_rule_pack(base / "rules.yml")
    qualifier_widths = _load_tolerances(base / "tolerances.yml")
    places = Places()
    _load_gazetteer(base / "gazetteer.yml", places)
    _load_places(base / "places.yml", places)
    _add_islands(places)
    _add_countries(places)
    for extra in extra_dirs:
        folder = Path(extra)
        if not folder.is_dir():
            raise RuleFileError(extra, "rule folder does not exist")
        if (folder / "metrics.yml").exists():
            more_metrics, more_modifiers, more_segments, more_noise, more_flows = _load_metrics(folder / "metrics.yml")
            metrics = more_metrics + metrics
            modifiers += more_modifiers
            segments = more_segments + segments
            noise += more_noise
            flow_heads += more_flows
        if (folder / "entities.yml").exists():
            more, more_words = _load_entities(folder / "entities.yml")
            entities = more + entities
            for key, values in more_words.items():
                words[key] += values
        if (folder / "rules.yml").exists():
            rules += _load_rule_pack(folder / "rules.yml")
        for path in sorted((folder / "lexicon").glob("*.yml")):
            _extend_language(languages, path)
        if (folder / "boilerplate.yml").exists():
            more_lines, more_footers = _load_boilerplate(folder / "boilerplate.yml")
            boilerplate += more_lines
            footers += more_footers
        if (folder / "gazetteer.yml").exists():
            _load_gazetteer(folder / "gazetteer.yml", places)
        if (folder / "places.yml").exists():
            _load_places(folder / "places.yml", places)
    return Lexicon(
        languages=languages,
        metrics=metrics,
        entities=entities,
        scope_words=words["scope_words"],
        national_words=words["national_words"],
        place_heads=words["place_heads"],
        organization_words=words["organization_words"],
        owner_words=words["owner_words"],
        company_marks=frozenset(words["company_marks"]),
        places=places.forms,
        breakdown_words=places.breakdown_words,
        boilerplate=boilerplate,
        footers=footers,
        qualifier_widths=qualifier_widths,
        metric_modifiers=modifiers,
        extra_dirs=extra_dirs,
        rules=rules,
        place_kinds=places.kinds,
        place_provinces=places.provinces,
        location_words=places.location_words,
        venue_words=places.venue_words,
        venue_words_after=places.venue_words_after,
        subdivision_words=places.subdivision_words,
        segments=segments,
        metric_noise=noise,
        flow_heads=flow_heads,
        breakdown_forms=places.breakdown_forms,
    )


def _check_rules(rules: list[dict[str, Any]]) -> None:
    """Every rule names a known kind and a unique id."""
    from .checks import KINDS  # checks import lexicon types; import late to avoid a cycle

    seen: dict[str, str] = {}
    for rule in rules:
        if rule["kind"] not in KINDS:
            raise RuleFileError(
                f"{rule['source']}: rule {rule['id']}",
                f"unknown kind {rule['kind']!r}; kinds are {', '.join(sorted(KINDS))}",
            )
        if rule["id"] in seen:
            raise RuleFileError(rule["source"], f"rule id {rule['id']} is already defined in {seen[rule['id']]}")
        seen[rule["id"]] = rule["source"]


@lru_cache(maxsize=8)
def load_rules(extra_dirs: tuple[str, ...] = ()) -> list[dict[str, Any]]:
    """Only the rule packs (rules/rules.yml and each folder's): all `factcheck rules` and `explain` need.

    Reading the whole lexicon (gazetteer, countries, lexicons) would triple their start-up time.
    """
    rules = _load_rule_pack(default_rules_dir() / "rules.yml")
    for extra in extra_dirs:
        folder = Path(extra)
        if not folder.is_dir():
            raise RuleFileError(extra, "rule folder does not exist")
        if (folder / "rules.yml").exists():
            rules += _load_rule_pack(folder / "rules.yml")
    _check_rules(rules)
    return rules


def _load_tolerances(path: Path) -> dict[str, float]:
    data = load_yaml(path)
    validate(data, schema.TOLERANCES, str(path))
    return {str(k): float(v) for k, v in data["qualifiers"].items()}
