"""JSON Schemas of the files under rules/, and one way to check a loaded file against them.

Every packaged or user-supplied rule file is validated here before it is
used; a bad file is one error naming the file, the key and what is allowed,
with a "did you mean" for a misspelt key.
"""

from __future__ import annotations

import difflib
from typing import TYPE_CHECKING, Any

from .errors import FactcheckError, RuleFileError

if TYPE_CHECKING:
    from jsonschema.exceptions import ValidationError

WORDS = {"type": "array", "items": {"type": "string"}}
WORD_TABLE = {"type": "object", "additionalProperties": {"type": "string"}}
NUMBER_TABLE = {"type": "object", "additionalProperties": {"type": "number"}}
KIND_TABLE = {
    "type": "object",
    "additionalProperties": {
        "type": "object",
        "required": ["kind"],
        "properties": {"kind": {"type": "string"}},
        "additionalProperties": False,
    },
}
RELATIVE = {
    "type": "object",
    "additionalProperties": {
        "type": "object",
        "properties": {
            "years": {"type": "integer"},
            "months": {"type": "integer"},
            "weeks": {"type": "integer"},
            "anchor": {"enum": ["now", "context"]},
            "edge": {"type": "string"},
        },
        "additionalProperties": False,
    },
}

PERIOD_CUES = {
    "type": "object",
    "additionalProperties": False,
    "properties": {
        "as_of": WORDS,
        "edge": WORD_TABLE,
        "year_words": WORDS,
        "month_words": WORDS,
        "quarter_words": WORDS,
        "half_words": WORDS,
        "week_words": WORDS,
        "ordinal_numbers": {"type": "object", "additionalProperties": {"type": "integer", "minimum": 1}},
        "range_separators": WORDS,
        "dated_range_separators": WORDS,
        "day_prepositions": WORDS,
        "opening_months": WORDS,
        "range_openers": WORDS,
        "paired_separators": {"type": "object", "additionalProperties": WORDS},
        "relative": RELATIVE,
        "counted_relative": RELATIVE,
        "ordinal_suffixes": WORDS,
        "same_period": WORDS,
        "year_over_year": WORDS,
        "month_over_month": WORDS,
        "cumulative": WORDS,
        "start": WORDS,
        "current": WORDS,
        "latest": WORDS,
        "reference": WORDS,
        "running_total": WORDS,
        "basis": {
            "type": "object",
            "additionalProperties": False,
            "properties": {k: WORDS for k in ("yoy", "mtm", "ytd")},
        },
    },
}

MODALITY_KEYS = [
    "rise_adverbs",
    "fall_adverbs",
    "target_verbs",
    "target",
    "projection",
    "rise",
    "fall",
    "change_links",
    "result",
    "change_verbs",
    "change_nouns_after",
    "rise_comparatives",
    "fall_comparatives",
    "than",
    "baseline",
    "comparison",
    "share_links",
    "part_of",
    "gap",
    "consequence",
    "whole_of",
    "parts_total",
    "list_intro",
    "partial_list",
    "anaphora",
]
MODALITY_CUES = {
    "type": "object",
    "additionalProperties": False,
    "properties": {
        **{key: WORDS for key in MODALITY_KEYS},
        "extremes": {"type": "object", "additionalProperties": {"enum": ["highest", "lowest"]}},
    },
}
STATEMENT_KEYS = [
    "link_words",
    "measure_words",
    "classifiers",
    "unit_prefixes",
    "measure_units",
    "measured_links",
    "passive_prefixes",
    "passive_auxiliaries",
    "prefixed_units",
    "source_verbs",
    "source_cues",
    "pronouns",
    "clause_openers",
    "discourse",
    "predicate_links",
    "remainder_words",
    "relative_markers",
    "prepositions",
    "recipient_prepositions",
    "recipient_word",
    "role_words",
    "value_words",
    "capacity_words",
    "demonstratives",
    "definite_articles",
    "locative_prepositions",
    "strong_breaks",
    "abbreviations",
    "status_words",
    "verb_endings",
    "not_verb_endings",
    "not_verbs",
    "verbs",
    "compounds",
    "overall_words",
    "alias_links",
    "owner_pronouns",
    "noun_circumfixes",
]
STATEMENT = {
    "type": "object",
    "additionalProperties": False,
    "properties": {
        **{key: WORDS for key in STATEMENT_KEYS},
        "partitions": {"type": "object", "additionalProperties": WORDS},
        "partition_references": WORD_TABLE,
    },
}

LANGUAGE_PROPERTIES: dict[str, Any] = {
    "language": {"type": "string", "pattern": "^[a-z]{2,3}$"},
    "decimal_mark": {"type": "string", "minLength": 1, "maxLength": 1},
    "group_mark": {"type": "string", "minLength": 1, "maxLength": 1},
    "number_words": NUMBER_TABLE,
    "magnitudes": NUMBER_TABLE,
    "unit_forms": WORD_TABLE,
    "approximate_magnitudes": WORDS,
    "currency_only_magnitudes": WORDS,
    "currencies": WORD_TABLE,
    "currency_words": WORD_TABLE,
    "percent_words": WORDS,
    "percentage_point_words": WORDS,
    "basis_point_words": WORDS,
    "months": {"type": "object", "additionalProperties": {"type": "integer", "minimum": 1, "maximum": 12}},
    "weekdays": {"type": "object", "additionalProperties": {"type": "integer", "minimum": 0, "maximum": 6}},
    "non_figure_units": WORDS,
    "ordinal_prefixes": WORDS,
    "non_figure_prefixes": WORDS,
    "period_cues": PERIOD_CUES,
    "modality_cues": MODALITY_CUES,
    "statement": STATEMENT,
    "qualifiers": KIND_TABLE,
    "postfix_qualifiers": KIND_TABLE,
    "speech_verbs": WORDS,
    "role_words": WORDS,
    "stopwords": WORDS,
    "function_words": WORDS,
    "speaker_cues": WORDS,
    "agent_words": WORDS,
    "title_words": WORDS,
    "place_words": WORDS,
}
REQUIRED_LANGUAGE_KEYS = [
    "language",
    "decimal_mark",
    "group_mark",
    "number_words",
    "magnitudes",
    "currencies",
    "percent_words",
    "months",
    "weekdays",
    "period_cues",
    "modality_cues",
    "statement",
    "qualifiers",
    "postfix_qualifiers",
    "speech_verbs",
    "role_words",
    "stopwords",
    "function_words",
]
LANGUAGE = {
    "type": "object",
    "required": REQUIRED_LANGUAGE_KEYS,
    "additionalProperties": False,
    "properties": LANGUAGE_PROPERTIES,
}
# a user's lexicon/<code>.yml that adds words to a packaged language
LANGUAGE_EXTENSION = {
    "type": "object",
    "required": ["language"],
    "additionalProperties": False,
    "properties": LANGUAGE_PROPERTIES,
}

METRICS = {
    "type": "object",
    "required": ["metrics"],
    "additionalProperties": False,
    "properties": {
        "modifiers": WORDS,
        "noise": WORDS,
        "flow_heads": WORDS,
        "segments": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["id", "synonyms"],
                "additionalProperties": False,
                "properties": {
                    "id": {"type": "string", "minLength": 1},
                    "of": {"type": "string"},
                    "synonyms": {"type": "array", "items": {"type": "string"}, "minItems": 1},
                    "general": {"type": "array", "items": {"type": "string"}},
                },
            },
        },
        "metrics": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["id", "synonyms"],
                "additionalProperties": False,
                "properties": {
                    "id": {"type": "string", "minLength": 1},
                    "label": {"type": "string"},
                    "labels": {
                        "type": "object",
                        "propertyNames": {"pattern": "^[a-z]{2,3}$"},
                        "additionalProperties": {"type": "string", "minLength": 1},
                    },
                    "synonyms": {"type": "array", "items": {"type": "string"}, "minItems": 1},
                    "generic": {"type": "boolean"},
                    "population": {"type": "boolean"},
                    "flow": {"type": "boolean"},
                    "broad": {"type": "boolean"},
                    "specificity": {"type": "integer"},
                    "as_percent": {"type": "string"},
                    "change_is": {"type": "string"},
                    "statistic": {"type": "boolean"},
                    "within": WORDS,
                },
            },
        },
    },
}

ENTITIES = {
    "type": "object",
    "required": ["entities"],
    "additionalProperties": False,
    "properties": {
        "entities": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["name"],
                "additionalProperties": False,
                "properties": {"name": {"type": "string", "minLength": 1}, "aliases": WORDS},
            },
        },
        "scope_words": WORDS,
        "national_words": WORDS,
        "place_heads": WORDS,
        "organization_words": WORDS,
        "owner_words": WORDS,
        "company_marks": WORDS,
        "name_orders": {
            "type": "array",
            "items": {
                "type": "array",
                "items": {"type": "string", "pattern": "^[^{}]*\\{name\\}[^{}]*$"},
                "minItems": 2,
                "maxItems": 2,
            },
        },
    },
}

PLACES = {
    "type": "object",
    "additionalProperties": False,
    "properties": {
        "places": {"type": "object", "additionalProperties": WORDS},
        "breakdown_words": WORDS,
        "breakdown_forms": WORD_TABLE,
        "location_words": WORDS,
        "venue_words": WORDS,
        "venue_words_after": WORDS,
        "subdivision_words": WORDS,
        "english_names": {
            "type": "object",
            "additionalProperties": False,
            "properties": {"compass": WORD_TABLE, "islands": WORD_TABLE, "archipelago": {"type": "string"}},
        },
    },
}

GAZETTEER = {
    "type": "object",
    "required": ["provinces", "regencies"],
    "additionalProperties": False,
    "properties": {
        "provinces": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["code", "name"],
                "additionalProperties": False,
                "properties": {"code": {"type": "string"}, "name": {"type": "string"}, "forms": WORDS},
            },
        },
        "regencies": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["code", "kind", "name", "province"],
                "additionalProperties": False,
                "properties": {
                    "code": {"type": "string"},
                    "kind": {"enum": ["kabupaten", "kota"]},
                    "name": {"type": "string"},
                    "province": {"type": "string"},
                    "bare": {"type": "boolean"},
                    "forms": WORDS,
                },
            },
        },
    },
}

BOILERPLATE = {
    "type": "object",
    "required": ["line"],
    "additionalProperties": False,
    "properties": {
        "line": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["name", "pattern"],
                "additionalProperties": False,
                "properties": {"name": {"type": "string"}, "pattern": {"type": "string"}},
            },
        },
        "footer": WORDS,
    },
}

TOLERANCES = {
    "type": "object",
    "required": ["qualifiers"],
    "additionalProperties": False,
    "properties": {
        "qualifiers": {
            "type": "object",
            "additionalProperties": {"type": "number", "minimum": 0, "exclusiveMaximum": 1},
        },
    },
}

RULES = {
    "type": "object",
    "required": ["rules"],
    "additionalProperties": False,
    "properties": {
        "rules": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["id", "name", "kind", "severity", "summary", "bad", "good"],
                "additionalProperties": False,
                "properties": {
                    "id": {"type": "string", "pattern": "^[A-Z]+[0-9]+$"},
                    "name": {"type": "string", "pattern": "^[a-z][a-z0-9-]*$"},
                    "kind": {"type": "string"},
                    "severity": {"enum": ["info", "warning", "error"]},
                    "summary": {"type": "string", "minLength": 1},
                    "why": {"type": "string"},
                    "bad": {"type": "string", "minLength": 1},
                    "good": {"type": "string", "minLength": 1},
                    "options": {"type": "object"},
                    "enabled": {"type": "boolean"},
                },
            },
        },
    },
}


SEVERITIES = ["info", "warning", "error"]
FAIL_ON = [*SEVERITIES, "never"]


def config_schema(rules: list[dict[str, Any]] | None = None, languages: list[str] | None = None) -> dict[str, Any]:
    """The one schema of every configuration source: setup.cfg, pyproject.toml, .factcheck.toml, --config, flags.

    Without `rules` and `languages` it checks keys and types only (enough to
    find the rule folders a file names); with the loaded rules and languages
    it also checks every rule id or name, each rule's options and their types,
    and the language codes, so that a misspelling is an error, not a no-op.
    """
    strings: dict[str, Any] = {"type": "array", "items": {"type": "string"}}
    rule_list: dict[str, Any] = strings
    severity: dict[str, Any] = {"type": "object", "additionalProperties": {"enum": SEVERITIES}}
    options: dict[str, Any] = {"type": "object", "additionalProperties": {"type": "object"}}
    language_list: dict[str, Any] = strings
    if rules is not None:
        names = sorted({str(r["id"]) for r in rules} | {str(r["name"]) for r in rules})
        rule_list = {"type": "array", "items": {"enum": names, "title": "rule"}}
        severity = {
            "type": "object",
            "title": "rule",
            "properties": {name: {"enum": SEVERITIES} for name in names},
            "additionalProperties": False,
        }
        per_rule: dict[str, Any] = {}
        for rule in rules:
            table = {
                "type": "object",
                "title": "option",
                "properties": {key: _option_type(value) for key, value in (rule.get("options") or {}).items()},
                "additionalProperties": False,
            }
            per_rule[str(rule["id"])] = per_rule[str(rule["name"])] = table
        options = {"type": "object", "title": "rule", "properties": per_rule, "additionalProperties": False}
    if languages is not None:
        language_list = {"type": "array", "items": {"enum": sorted(languages), "title": "language"}}
    return {
        "type": "object",
        "additionalProperties": False,
        "properties": {
            "rules": strings,
            "enable": rule_list,
            "disable": rule_list,
            "select": rule_list,
            "severity": severity,
            "options": options,
            "fail-on": {"enum": FAIL_ON},
            "languages": language_list,
            "include": strings,
            "exclude": strings,
            "baseline": {"type": "string"},
            "time-budget": {"type": "number", "minimum": 0},
        },
    }


def ignore_schema(rules: list[dict[str, Any]]) -> dict[str, Any]:
    """`factcheck-ignore` in front matter or a comment: rule ids or names (or `all`), as in the config's lists."""
    names = sorted({str(r["id"]) for r in rules} | {str(r["name"]) for r in rules})
    items = {"enum": [*names, "all"], "title": "rule"}
    return {"type": "object", "properties": {"factcheck-ignore": {"type": "array", "items": items}}}


def _option_type(default: Any) -> dict[str, Any]:
    """An option takes the type of its packaged default: a tolerance of 0.0 takes 1, a count of 12 takes no 1.5."""
    if isinstance(default, bool):
        return {"type": "boolean"}
    if isinstance(default, int):
        return {"type": "integer"}
    if isinstance(default, float):
        return {"type": "number"}
    if isinstance(default, str):
        return {"type": "string"}
    return {}


def validate(data: Any, schema: dict[str, Any], where: str, error_class: type[FactcheckError] = RuleFileError) -> None:
    """Raise `error_class` naming `where`, the key and what is allowed when `data` does not fit `schema`."""
    # imported here: a run whose rule files come from the language-data cache validates none (0.07 s less)
    from jsonschema import Draft202012Validator
    from jsonschema.exceptions import best_match

    validator = Draft202012Validator(schema)
    error = best_match(validator.iter_errors(data))
    if error is None:
        return
    raise error_class(where, describe(error))


def describe(error: ValidationError) -> str:
    path = ".".join(str(p) for p in error.absolute_path)
    at = f"'{path}' " if path else ""
    if error.validator == "additionalProperties" and isinstance(error.instance, dict):
        allowed = sorted(error.schema.get("properties", {}))
        unknown = sorted(set(error.instance) - set(allowed))
        key = unknown[0] if unknown else "?"
        close = difflib.get_close_matches(str(key), allowed, n=1, cutoff=0.7)
        hint = f"; did you mean '{close[0]}'?" if close else ""
        where = f" in '{path}'" if path else ""
        noun = error.schema.get("title", "key")  # a schema names what its keys are: a rule, an option
        return f"unknown {noun} '{key}'{where}{hint} (allowed: {', '.join(allowed)})"
    if error.validator == "required":
        return f"{at}is missing: {error.message.split(' is a required')[0]}".replace("is missing: ", "is missing key ")
    if error.validator == "enum":
        choices = [str(c) for c in error.validator_value]
        close = difflib.get_close_matches(str(error.instance), choices, n=1, cutoff=0.7)
        hint = f"; did you mean '{close[0]}'?" if close else ""
        if "title" in error.schema:
            # an item of a list: "unknown rule 'FC2O1' in 'disable'", as for an unknown key
            parent = ".".join(str(p) for p in list(error.absolute_path)[:-1])
            inside = f" in '{parent}'" if parent else ""
            noun = error.schema["title"]
            return f"unknown {noun} {error.instance!r}{inside}{hint} (allowed: {', '.join(choices)})"
        return f"{at}must be one of {', '.join(choices)}, not {error.instance!r}{hint}"
    if error.validator == "type":
        article = "an" if str(error.validator_value)[0] in "aeiou" else "a"
        return f"{at}must be {article} {error.validator_value}, not {type(error.instance).__name__}"
    return f"{at}{error.message}"
