"""Turn a number phrase ("more than 10,000", "some 1,500") into an interval estimate.

This is the one place where hedges are interpreted, so that a source's "more than 10,000"
stays a lower bound everywhere downstream. The conventions are the spec in data/README.md
("How number phrases are read"). Pure Python: no pandas.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

KINDS = ("exact", "approximate", "lower_bound", "upper_bound", "range", "vague")


@dataclass(frozen=True)
class Estimate:
    """An interval [low, high] (high None = unbounded), how it was hedged, and the number as written."""

    low: int
    high: int | None
    kind: str
    value: int | None


# Hedge prefixes -> (kind, rule). Longest first, so "just under" wins over "under".
_PREFIXES: list[tuple[str, str, str]] = sorted(
    [
        *[(p, "approximate", "around") for p in (
            "about", "around", "approximately", "roughly", "some", "an estimated",
            "estimated at", "~")],
        *[(p, "approximate", "below") for p in ("nearly", "almost", "close to", "just under")],
        *[(p, "lower_bound", "exclusive") for p in (
            "more than", "over", "above", "in excess of", "exceeded")],
        *[(p, "lower_bound", "inclusive") for p in ("at least", "no fewer than", "a minimum of")],
        *[(p, "upper_bound", "exclusive") for p in ("fewer than", "less than", "under", "below")],
        *[(p, "upper_bound", "inclusive") for p in ("up to", "at most", "no more than")],
    ],
    key=lambda item: -len(item[0]),
)

_VAGUE = {
    "hundreds of thousands": (200_000, 999_999),
    "tens of thousands": (20_000, 99_999),
    "dozens": (24, 99),
    "hundreds": (200, 999),
    "thousands": (2_000, 9_999),
}

_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}
_SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000}

_SEP = "[, \u00a0\u202f]"
_DIGITS = re.compile(
    rf"(?P<num>\d{{1,3}}(?:{_SEP}\d{{3}})+(?!\d)|\d+(?:\.\d+)?)"
    rf"(?:\s+(?P<scale>thousand|million)\b)?(?P<plus>\+)?"
)
_WORD = "|".join(sorted([*_UNITS, *_SCALES, "a"], key=len, reverse=True))
_WORDS = re.compile(rf"(?P<words>(?:(?:{_WORD})\b[\s-]*)+)")
_CURRENCY = re.compile(r"[€$£]\s*")


def _read_number(text: str, phrase: str) -> tuple[int, str, bool]:
    """Read one number at the start of `text`: (value, rest of text, trailing plus)."""
    text = _CURRENCY.sub("", text, count=1) if _CURRENCY.match(text) else text
    m = _DIGITS.match(text)
    if m:
        digits = re.sub(_SEP, "", m["num"])
        scale = _SCALES.get(m["scale"] or "", 1)
        scaled = float(digits) * scale
        if scaled != int(scaled):
            raise ValueError(f"not a whole number in {phrase!r}")
        return int(scaled), text[m.end():], bool(m["plus"])
    m = _WORDS.match(text.lower())
    if m:
        return _words_value(m["words"], phrase), text[m.end():], False
    raise ValueError(f"no number where one was expected in {phrase!r}")


def _words_value(words: str, phrase: str) -> int:
    """English number words to an int: 'Seventy-four' -> 74, 'a thousand' -> 1000."""
    total = current = 0
    tokens = re.split(r"[\s-]+", words.strip())
    for i, token in enumerate(tokens):
        if token == "a":
            if i + 1 >= len(tokens) or tokens[i + 1] not in _SCALES:
                raise ValueError(f"'a' must stand before hundred/thousand/million in {phrase!r}")
            current = max(current, 1)
        elif token in _UNITS:
            current += _UNITS[token]
        elif token == "hundred":
            current = max(current, 1) * 100
        else:
            total += max(current, 1) * _SCALES[token]
            current = 0
    return total + current


def unit_of(value: int) -> int:
    """Place value of the last non-zero digit: 13,000 -> 1,000; 1,500 -> 100; 231 -> 1."""
    if value == 0:
        return 1
    unit = 1
    while value % (unit * 10) == 0:
        unit *= 10
    return unit


def parse_estimate(phrase: str) -> Estimate:
    """Read a hedged number phrase into an Estimate; raise ValueError rather than guess."""
    if not isinstance(phrase, str) or not phrase.strip():
        raise ValueError(f"empty number phrase: {phrase!r}")
    text = " ".join(phrase.split())
    lowered = text.lower()

    for word, (low, high) in _VAGUE.items():
        if lowered == word or lowered.startswith(word + " "):
            return Estimate(low, high, "vague", None)

    if lowered.startswith("a total of "):
        text, lowered = text[len("a total of "):], lowered[len("a total of "):]

    if lowered.startswith("between "):
        first, rest, _ = _read_number(text[len("between "):].lstrip(), phrase)
        if not rest.lower().lstrip().startswith("and "):
            raise ValueError(f"'between' without 'and' in {phrase!r}")
        second, _, _ = _read_number(rest.lstrip()[len("and "):].lstrip(), phrase)
        return _range(first, second, phrase)

    for prefix, kind, rule in _PREFIXES:
        if lowered.startswith(prefix) and (
            prefix == "~" or lowered[len(prefix):len(prefix) + 1] in (" ", "")
        ):
            value, _, _ = _read_number(text[len(prefix):].lstrip(), phrase)
            return _hedged(value, kind, rule)

    value, rest, plus = _read_number(text, phrase)
    if plus:
        return Estimate(value, None, "lower_bound", value)
    dash = re.match(r"\s*[-\u2013]\s*", rest)
    if dash:
        second, _, _ = _read_number(rest[dash.end():], phrase)
        return _range(value, second, phrase)
    return Estimate(value, value, "exact", value)


def _hedged(value: int, kind: str, rule: str) -> Estimate:
    half = unit_of(value) // 2
    low, high = {
        "around": (value - half, value + half),
        "below": (value - half, value),
        ("lower_bound", "exclusive"): (value + 1, None),
        ("lower_bound", "inclusive"): (value, None),
        ("upper_bound", "exclusive"): (0, value - 1),
        ("upper_bound", "inclusive"): (0, value),
    }[rule if kind == "approximate" else (kind, rule)]
    return Estimate(low, high, kind, value)


def _range(first: int, second: int, phrase: str) -> Estimate:
    if first > second:
        raise ValueError(f"range runs backwards in {phrase!r}")
    return Estimate(first, second, "range", None)
