"""Numbers written back the way the article's language writes them ("8,0 persen", "715 ribu")."""

from __future__ import annotations

MAGNITUDES = {
    "id": [(1e12, "triliun"), (1e9, "miliar"), (1e6, "juta"), (1e3, "ribu")],
    "en": [(1e12, "trillion"), (1e9, "billion"), (1e6, "million"), (1e3, "thousand")],
}


def _digits(value: float, decimals: int, language: str) -> str:
    text = f"{value:,.{decimals}f}"
    if language == "id":
        text = text.replace(",", "\0").replace(".", ",").replace("\0", ".")
    return text


def amount(value: float, unit: str = "count", language: str = "id") -> str:
    """A figure with a magnitude word: 715000 -> "715 ribu", 35300000 -> "35,3 juta"."""
    if unit == "percent":
        return percent(value, language)
    if unit == "pp":
        return _digits(value, 2, language).rstrip("0").rstrip(",.") + (" persen poin" if language == "id" else " pp")
    prefix = "Rp " if unit == "IDR" else ("$" if unit == "USD" else "")
    size = abs(value)
    for threshold, word in MAGNITUDES.get(language, MAGNITUDES["id"]):
        if size >= threshold:
            scaled = value / threshold
            decimals = 0 if abs(scaled) >= 100 else (1 if abs(scaled) >= 10 else 2)
            text = _digits(scaled, decimals, language)
            if "," in text or "." in text:
                mark = "," if language == "id" else "."
                if mark in text:
                    text = text.rstrip("0").rstrip(mark)
            return f"{prefix}{text} {word}"
    return prefix + _digits(value, 0 if value == int(value) else 2, language)


def percent(value: float, language: str = "id", decimals: int = 1) -> str:
    text = _digits(value, decimals, language)
    return f"{text} persen" if language == "id" else f"{text}%"


def interval(low: float, high: float, unit: str = "count", language: str = "id") -> str:
    """A computed value for an editor: one figure, the middle of what the written figures allow.

    "28,1 juta + 9,3 juta" allows 37,3–37,5 juta; an editor compares "37,4 juta" with the stated
    total more readily than a range (a rule fires only when the whole range misses, so the
    middle never hides a difference).
    """
    return amount((low + high) / 2, unit, language)
