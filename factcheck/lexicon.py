"""Load and validate the language data and rule packs under rules/.

Everything is read once per process (and per set of extra rule folders) and
shared by the pipeline stages.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from .errors import RuleFileError

PACKAGED_RULES = Path(__file__).resolve().parent.parent / "rules"
_INSTALLED_RULES = Path(sys.prefix) / "share" / "factcheck" / "rules"


def default_rules_dir() -> Path:
    """The rules/ folder of a source checkout, or the copy a wheel installs under share/."""
    return PACKAGED_RULES if (PACKAGED_RULES / "rules.yml").is_file() else _INSTALLED_RULES


def load_yaml(path: Path) -> Any:
    try:
        with path.open(encoding="utf-8") as handle:
            return yaml.safe_load(handle)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{path}:{mark.line + 1}" if mark is not None else str(path)
        raise RuleFileError(where, f"not valid YAML ({getattr(exc, 'problem', exc)})") from exc
    except OSError as exc:
        raise RuleFileError(str(path), f"cannot be read ({exc.strerror})") from exc


def _require(path: Path, data: Any, key: str, kind: type | tuple[type, ...]) -> Any:
    if not isinstance(data, dict) or key not in data:
        raise RuleFileError(str(path), f"missing key '{key}'")
    value = data[key]
    if not isinstance(value, kind):
        names = kind.__name__ if isinstance(kind, type) else " or ".join(k.__name__ for k in kind)
        raise RuleFileError(str(path), f"key '{key}' must be a {names}, not {type(value).__name__}")
    return value


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
    percent_words: list[str]
    percentage_point_words: list[str]
    months: dict[str, int]
    weekdays: dict[str, int]
    non_figure_units: set[str]
    ordinal_prefixes: set[str]
    non_figure_prefixes: set[str]
    period_cues: dict[str, Any]
    modality_cues: dict[str, list[str]]
    qualifiers: dict[str, str]
    postfix_qualifiers: dict[str, str]
    speech_verbs: set[str]
    role_words: set[str]
    stopwords: set[str]
    function_words: set[str]


LANGUAGE_KEYS: dict[str, type | tuple[type, ...]] = {
    "language": str,
    "decimal_mark": str,
    "group_mark": str,
    "number_words": dict,
    "magnitudes": dict,
    "approximate_magnitudes": list,
    "currency_only_magnitudes": list,
    "currencies": dict,
    "percent_words": list,
    "percentage_point_words": list,
    "months": dict,
    "weekdays": dict,
    "non_figure_units": list,
    "ordinal_prefixes": list,
    "non_figure_prefixes": list,
    "period_cues": dict,
    "modality_cues": dict,
    "qualifiers": dict,
    "postfix_qualifiers": dict,
    "speech_verbs": list,
    "role_words": list,
    "stopwords": list,
    "function_words": list,
}


def _load_language(path: Path) -> Language:
    data = load_yaml(path)
    for key, kind in LANGUAGE_KEYS.items():
        _require(path, data, key, kind)
    for key in ("number_words", "magnitudes"):
        for word, value in data[key].items():
            if not isinstance(value, (int, float)):
                raise RuleFileError(str(path), f"{key}.{word} must be a number, not {value!r}")
    for word, value in data["months"].items():
        if not isinstance(value, int) or not 1 <= value <= 12:
            raise RuleFileError(str(path), f"months.{word} must be 1-12, not {value!r}")
    for word, value in data["weekdays"].items():
        if not isinstance(value, int) or not 0 <= value <= 6:
            raise RuleFileError(str(path), f"weekdays.{word} must be 0 (Monday) to 6, not {value!r}")

    def kinds(table: dict[str, Any], key: str) -> dict[str, str]:
        out = {}
        for word, spec in table.items():
            if not isinstance(spec, dict) or "kind" not in spec:
                raise RuleFileError(str(path), f"{key}.{word} needs a 'kind'")
            out[str(word).lower()] = str(spec["kind"])
        return out

    return Language(
        code=data["language"],
        decimal_mark=data["decimal_mark"],
        group_mark=data["group_mark"],
        number_words={str(k).lower(): float(v) for k, v in data["number_words"].items()},
        magnitudes={str(k).lower(): float(v) for k, v in data["magnitudes"].items()},
        approximate_magnitudes={str(w).lower() for w in data["approximate_magnitudes"]},
        currency_only_magnitudes={str(w).lower() for w in data["currency_only_magnitudes"]},
        currencies={str(k).lower(): str(v) for k, v in data["currencies"].items()},
        percent_words=[str(w).lower() for w in data["percent_words"]],
        percentage_point_words=[str(w).lower() for w in data["percentage_point_words"]],
        months={str(k).lower(): int(v) for k, v in data["months"].items()},
        weekdays={str(k).lower(): int(v) for k, v in data["weekdays"].items()},
        non_figure_units={str(w).lower() for w in data["non_figure_units"]},
        ordinal_prefixes={str(w).lower() for w in data["ordinal_prefixes"]},
        non_figure_prefixes={str(w).lower() for w in data["non_figure_prefixes"]},
        period_cues=data["period_cues"],
        modality_cues={k: [str(w).lower() for w in v] for k, v in data["modality_cues"].items()},
        qualifiers=kinds(data["qualifiers"], "qualifiers"),
        postfix_qualifiers=kinds(data["postfix_qualifiers"], "postfix_qualifiers"),
        speech_verbs={str(w).lower() for w in data["speech_verbs"]},
        role_words={str(w).lower() for w in data["role_words"]},
        stopwords={str(w).lower() for w in data["stopwords"]},
        function_words={str(w).lower() for w in data["function_words"]},
    )


def _extend_language(languages: dict[str, Language], path: Path) -> None:
    """A user's lexicon/<code>.yml: a whole new language, or words added to a packaged one."""
    data = load_yaml(path)
    code = _require(path, data, "language", str)
    if code not in languages:
        languages[code] = _load_language(path)
        return
    language = languages[code]
    for key, value in data.items():
        if key == "language":
            continue
        if key not in LANGUAGE_KEYS:
            raise RuleFileError(f"{path}: {key}", f"unknown key; allowed: {', '.join(LANGUAGE_KEYS)}")
        current = getattr(language, key)
        if isinstance(current, dict) and isinstance(value, dict):
            if key in ("qualifiers", "postfix_qualifiers"):
                value = {
                    str(w).lower(): str(spec.get("kind", "")) for w, spec in value.items() if isinstance(spec, dict)
                }
            elif key not in ("period_cues", "modality_cues"):
                value = {str(w).lower(): v for w, v in value.items()}
            current.update(value)
        elif isinstance(current, (set, list)) and isinstance(value, list):
            words = [str(w).lower() for w in value]
            if isinstance(current, set):
                current.update(words)
            else:
                current.extend(w for w in words if w not in current)
        else:
            raise RuleFileError(f"{path}: {key}", f"must be a {type(current).__name__} like the packaged one")


@dataclass
class Metric:
    id: str
    label: str
    synonyms: list[str]
    generic: bool = False
    grows: bool = False
    population: bool = False
    flow: bool = False
    broad: bool = False
    specificity: int = 1


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
    places: dict[str, str]  # name or short name as written -> province
    breakdown_words: list[str]
    boilerplate: list[BoilerplatePattern]
    footers: list[re.Pattern[str]]
    qualifier_widths: dict[str, float] = field(default_factory=dict)
    metric_modifiers: list[str] = field(default_factory=list)
    extra_dirs: tuple[str, ...] = ()  # the user folders this lexicon was extended with
    rules: list[dict[str, Any]] = field(default_factory=list)
    rule_sources: dict[str, str] = field(default_factory=dict)

    def metric(self, metric_id: str) -> Metric | None:
        for metric in self.metrics:
            if metric.id == metric_id:
                return metric
        return None

    def language(self, code: str) -> Language:
        return self.languages.get(code) or self.languages["id"]


def _load_modifiers(path: Path) -> list[str]:
    data = load_yaml(path)
    modifiers = data.get("modifiers", []) if isinstance(data, dict) else []
    if not isinstance(modifiers, list):
        raise RuleFileError(str(path), "'modifiers' must be a list of words")
    return [str(m).lower() for m in modifiers]


def _load_metrics(path: Path) -> list[Metric]:
    data = load_yaml(path)
    items = _require(path, data, "metrics", list)
    metrics = []
    for position, item in enumerate(items, 1):
        if not isinstance(item, dict) or not isinstance(item.get("id"), str):
            raise RuleFileError(f"{path}: metrics[{position}]", "needs an 'id' string")
        synonyms = item.get("synonyms")
        if not isinstance(synonyms, list) or not synonyms:
            raise RuleFileError(f"{path}: metric {item['id']}", "needs a non-empty 'synonyms' list")
        unknown = set(item) - {
            "id",
            "label",
            "synonyms",
            "generic",
            "grows",
            "population",
            "flow",
            "broad",
            "specificity",
        }
        if unknown:
            raise RuleFileError(f"{path}: metric {item['id']}", f"unknown key(s) {sorted(unknown)}")
        metrics.append(
            Metric(
                id=item["id"],
                label=str(item.get("label", item["id"])),
                synonyms=[str(s).lower() for s in synonyms],
                generic=bool(item.get("generic", False)),
                grows=bool(item.get("grows", False)),
                population=bool(item.get("population", False)),
                flow=bool(item.get("flow", False)),
                broad=bool(item.get("broad", False)),
                specificity=int(item.get("specificity", 1)),
            )
        )
    return metrics


def _load_entities(path: Path) -> tuple[list[Entity], list[str], list[str], list[str], list[str]]:
    data = load_yaml(path)
    items = _require(path, data, "entities", list)
    entities = []
    for position, item in enumerate(items, 1):
        if not isinstance(item, dict) or not isinstance(item.get("name"), str):
            raise RuleFileError(f"{path}: entities[{position}]", "needs a 'name' string")
        aliases = item.get("aliases", [])
        if not isinstance(aliases, list):
            raise RuleFileError(f"{path}: entity {item['name']}", "'aliases' must be a list")
        names = [item["name"], *[str(a) for a in aliases]]
        entities.append(Entity(name=item["name"], aliases=list(dict.fromkeys(names))))
    scope_words = [str(w) for w in data.get("scope_words", [])]
    national_words = [str(w) for w in data.get("national_words", [])]
    place_heads = [str(w) for w in data.get("place_heads", [])]
    organization_words = [str(w) for w in data.get("organization_words", [])]
    return entities, scope_words, national_words, place_heads, organization_words


def _load_boilerplate(path: Path) -> tuple[list[BoilerplatePattern], list[re.Pattern[str]]]:
    data = load_yaml(path)
    patterns = []
    for item in _require(path, data, "line", list):
        try:
            patterns.append(BoilerplatePattern(str(item["name"]), re.compile(item["pattern"])))
        except (KeyError, TypeError, re.error) as exc:
            raise RuleFileError(str(path), f"bad line pattern {item!r}: {exc}") from exc
    footers = []
    for item in data.get("footer", []):
        try:
            footers.append(re.compile(item))
        except re.error as exc:
            raise RuleFileError(str(path), f"bad footer pattern {item!r}: {exc}") from exc
    return patterns, footers


RULE_KEYS = {"id", "name", "kind", "severity", "summary", "why", "bad", "good", "options", "enabled"}


def _load_rule_pack(path: Path) -> list[dict[str, Any]]:
    data = load_yaml(path)
    items = _require(path, data, "rules", list)
    rules = []
    for position, item in enumerate(items, 1):
        where = f"{path}: rules[{position}]"
        if not isinstance(item, dict):
            raise RuleFileError(where, "each rule must be a mapping")
        for key in ("id", "name", "kind", "severity", "summary", "bad", "good"):
            if not isinstance(item.get(key), str) or not item[key].strip():
                raise RuleFileError(where, f"rule needs a non-empty '{key}' string")
        unknown = set(item) - RULE_KEYS
        if unknown:
            raise RuleFileError(where, f"unknown key(s) {sorted(unknown)}; allowed: {sorted(RULE_KEYS)}")
        if item["severity"] not in ("info", "warning", "error"):
            raise RuleFileError(where, f"severity must be info, warning or error, not {item['severity']!r}")
        options = item.get("options", {}) or {}
        if not isinstance(options, dict):
            raise RuleFileError(where, "'options' must be a mapping")
        rules.append({**item, "options": options, "source": str(path)})
    return rules


@lru_cache(maxsize=8)
def load_lexicon(extra_dirs: tuple[str, ...] = ()) -> Lexicon:
    """Read rules/ plus any extra folders; later folders extend earlier ones."""
    from .checks import KINDS  # checks import lexicon types; import late to avoid a cycle

    base = default_rules_dir()
    languages = {}
    for path in sorted((base / "lexicon").glob("*.yml")):
        language = _load_language(path)
        languages[language.code] = language
    metrics = _load_metrics(base / "metrics.yml")
    entities, scope_words, national_words, place_heads, organization_words = _load_entities(base / "entities.yml")
    boilerplate, footers = _load_boilerplate(base / "boilerplate.yml")
    rules = _load_rule_pack(base / "rules.yml")
    qualifier_widths = _load_tolerances(base / "tolerances.yml")
    metric_modifiers = _load_modifiers(base / "metrics.yml")
    places, breakdown_words = _load_places(base / "places.yml")
    for extra in extra_dirs:
        folder = Path(extra)
        if not folder.is_dir():
            raise RuleFileError(extra, "rule folder does not exist")
        if (folder / "metrics.yml").exists():
            metrics = _load_metrics(folder / "metrics.yml") + metrics
        if (folder / "entities.yml").exists():
            more, more_scope, more_national, more_heads, more_orgs = _load_entities(folder / "entities.yml")
            entities = more + entities
            organization_words += more_orgs
            scope_words += more_scope
            national_words += more_national
            place_heads += more_heads
        if (folder / "rules.yml").exists():
            rules += _load_rule_pack(folder / "rules.yml")
        for path in sorted((folder / "lexicon").glob("*.yml")):
            _extend_language(languages, path)
        if (folder / "boilerplate.yml").exists():
            more_lines, more_footers = _load_boilerplate(folder / "boilerplate.yml")
            boilerplate += more_lines
            footers += more_footers
        if (folder / "places.yml").exists():
            more_places, more_breakdown = _load_places(folder / "places.yml")
            places.update(more_places)
            breakdown_words += more_breakdown
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
    return Lexicon(
        languages=languages,
        metrics=metrics,
        entities=entities,
        scope_words=scope_words,
        national_words=national_words,
        place_heads=place_heads,
        organization_words=organization_words,
        places=places,
        breakdown_words=breakdown_words,
        boilerplate=boilerplate,
        footers=footers,
        qualifier_widths=qualifier_widths,
        metric_modifiers=metric_modifiers,
        extra_dirs=extra_dirs,
        rules=rules,
    )


def _load_places(path: Path) -> tuple[dict[str, str], list[str]]:
    data = load_yaml(path)
    table = _require(path, data, "places", dict)
    places: dict[str, str] = {}
    for name, written in table.items():
        if not isinstance(written, list):
            raise RuleFileError(f"{path}: places.{name}", "must be a list of the ways the place is written")
        for form in written:
            places[str(form)] = str(name)
    words = _require(path, data, "breakdown_words", list)
    return places, [str(w).lower() for w in words]


def _load_tolerances(path: Path) -> dict[str, float]:
    data = load_yaml(path)
    widths = _require(path, data, "qualifiers", dict)
    for key, value in widths.items():
        if not isinstance(value, (int, float)) or not 0 <= value < 1:
            raise RuleFileError(str(path), f"qualifiers.{key} must be a fraction between 0 and 1, not {value!r}")
    return {str(k): float(v) for k, v in widths.items()}
