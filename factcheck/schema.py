"""JSON Schemas of the files under rules/, and one way to check a loaded file against them.

Every packaged or user-supplied rule file is validated here before it is
used; a bad file is one error naming the file, the key and what is allowed,
with a "did you mean" for a misspelt key.
"""

from __future__ import annotations

import difflib
from typing import Any

from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError, best_match

from .errors import RuleFileError

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
        "relative": RELATIVE,
        "same_period": WORDS,
        "year_over_year": WORDS,
        "month_over_month": WORDS,
        "cumulative": WORDS,
        "start": WORDS,
        "current": WORDS,
        "latest": WORDS,
        "reference": WORDS,
        "running_total": WORDS,
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
    "source_verbs",
    "source_cues",
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
    "demonstratives",
    "locative_prepositions",
    "strong_breaks",
    "abbreviations",
    "status_words",
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
                    "synonyms": {"type": "array", "items": {"type": "string"}, "minItems": 1},
                    "generic": {"type": "boolean"},
                    "population": {"type": "boolean"},
                    "flow": {"type": "boolean"},
                    "broad": {"type": "boolean"},
                    "specificity": {"type": "integer"},
                    "as_percent": {"type": "string"},
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


def validate(data: Any, schema: dict[str, Any], where: str) -> None:
    """Raise RuleFileError naming `where`, the key and what is allowed when `data` does not fit `schema`."""
    validator = Draft202012Validator(schema)
    error = best_match(validator.iter_errors(data))
    if error is None:
        return
    raise RuleFileError(where, describe(error))


def describe(error: ValidationError) -> str:
    path = ".".join(str(p) for p in error.absolute_path)
    at = f"'{path}' " if path else ""
    if error.validator == "additionalProperties" and isinstance(error.instance, dict):
        allowed = sorted(error.schema.get("properties", {}))
        unknown = sorted(set(error.instance) - set(allowed))
        key = unknown[0] if unknown else "?"
        close = difflib.get_close_matches(str(key), allowed, n=1)
        hint = f"; did you mean '{close[0]}'?" if close else ""
        where = f" in '{path}'" if path else ""
        return f"unknown key '{key}'{where}{hint} (allowed: {', '.join(allowed)})"
    if error.validator == "required":
        return f"{at}is missing: {error.message.split(' is a required')[0]}".replace("is missing: ", "is missing key ")
    if error.validator == "enum":
        choices = ", ".join(str(c) for c in error.validator_value)
        return f"{at}must be one of {choices}, not {error.instance!r}"
    if error.validator == "type":
        article = "an" if str(error.validator_value)[0] in "aeiou" else "a"
        return f"{at}must be {article} {error.validator_value}, not {type(error.instance).__name__}"
    return f"{at}{error.message}"
