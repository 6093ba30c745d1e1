"""Turn a number phrase ("more than 10,000", "около 3 тысяч") into an interval estimate.

This is the one place where hedges and the ways of writing numbers are interpreted, so that a
source's "more than 10,000" stays a lower bound everywhere downstream and an Italian "25.000"
stays twenty-five thousand. The parser reads every number in the phrase exactly, in the
phrase's own language, or raises ValueError: it never returns a number other than the one the
phrase states. The conventions are the spec in data/README.md ("How number phrases are read").
Pure Python: no pandas.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from fractions import Fraction

from belarus2020.numbers import numberwords

KINDS = ("exact", "approximate", "lower_bound", "upper_bound", "range", "vague")


@dataclass(frozen=True)
class Estimate:
    """An interval [low, high] (high None = unbounded), how it was hedged, and the number as written."""

    low: int
    high: int | None
    kind: str
    value: int | None


class AmbiguousNumber(ValueError):
    """The digits have two readings ("10.000" in English, "1,500" in Russian): refused, never guessed.

    Unlike wording the parser does not cover, ambiguity is not resolved by our English rendering:
    the source's own digits do not say which number it meant.
    """


def unit_of(value: int) -> int:
    """Place value of the last non-zero digit: 13,000 -> 1,000; 1,500 -> 100; 231 -> 1."""
    if value == 0:
        return 1
    unit = 1
    while value % (unit * 10) == 0:
        unit *= 10
    return unit


def languages() -> tuple[str, ...]:
    """The ISO 639-1 codes whose number phrases the parser reads."""
    return tuple(sorted(numberwords.LANGUAGES))


def parse_estimate(phrase: str, language: str | None = None) -> Estimate:
    """Read a hedged number phrase, written in `language` (ISO 639-1; None = English).

    Raises ValueError (AmbiguousNumber for digits with two readings) rather than guess, and
    whenever any number in the phrase would be left out of the reading.
    """
    if not isinstance(phrase, str) or not phrase.strip():
        raise ValueError(f"empty number phrase: {phrase!r}")
    return _Reader(phrase, _conventions(language)).read()


class UnreadablePhrase(ValueError):
    """A figure's number cannot be read; `in_english` when our rendering, not the source, is at fault."""

    def __init__(self, message: str, in_english: bool):
        super().__init__(message)
        self.in_english = in_english


def read_figure(phrase: str | None, language: str | None, english: str | None) -> Estimate | None:
    """A figure's interval: the source's phrase read in its language, checked against our English.

    Both are read and must give the same interval; the source's reading is the one returned.
    Where the parser does not cover the source's wording ('well over 100'), the figure relies on
    our English; never where the source's digits are ambiguous ('10.000' in English), since our
    rendering cannot know which number the source meant.
    """
    original = None
    if phrase is not None:
        try:
            original = parse_estimate(phrase, language)
        except ValueError as e:
            if english is None or isinstance(e, AmbiguousNumber):
                raise UnreadablePhrase(f"cannot read the number: {e}", in_english=False) from None
    if english is None:
        return original
    try:
        ours = parse_estimate(english)
    except ValueError as e:
        raise UnreadablePhrase(f"cannot read the number: {e}", in_english=True) from None
    if original is not None and (original.low, original.high) != (ours.low, ours.high):
        raise UnreadablePhrase(
            f"{english!r} reads {_interval(ours)} but the phrase {phrase!r} ({language}) reads "
            f"{_interval(original)}: the two must agree", in_english=True)
    return original if original is not None else ours


def _interval(estimate: Estimate) -> str:
    high = "unbounded" if estimate.high is None else f"{estimate.high:,}"
    return f"[{estimate.low:,}, {high}] ({estimate.kind})"


# --- the ways of writing numbers ----------------------------------------------------------------


def _conventions(language: str | None) -> numberwords.Language:
    code = "en" if language is None else str(language).strip().lower().split("-")[0]
    try:
        return numberwords.language(code)
    except KeyError:
        raise ValueError(
            f"no number conventions for language {language!r} (read: {', '.join(languages())})"
        ) from None


_SEPARATOR = "[.,\u066b\u066c ]"
_DIGITS = re.compile(rf"\d+(?:{_SEPARATOR}\d+)*")
_CURRENCY = re.compile(r"[€$£₽]\s?")
_DASH = re.compile(r"\s?[-\u2010-\u2015]\s?")
_TOKEN = re.compile(r"[^\W\d_]+(?:['-][^\W\d_]+)*\.?")


@dataclass(frozen=True)
class _Amount:
    value: Fraction
    scale: int | None  # the multiplier written after it, if any ("3 thousand" -> 1000)


# Hedge rule -> kind and interval as a function of the number x and its unit u.
_RULES = {
    "around": ("approximate", lambda x, u: (x - u // 2, x + u // 2)),
    "nearly": ("approximate", lambda x, u: (x - u // 2, x)),
    "more_than": ("lower_bound", lambda x, u: (x + 1, None)),
    "at_least": ("lower_bound", lambda x, u: (x, None)),
    "fewer_than": ("upper_bound", lambda x, u: (0, x - 1)),
    "up_to": ("upper_bound", lambda x, u: (0, x)),
}


class _Reader:
    """One pass over a normalised phrase, left to right, with a cursor."""

    def __init__(self, phrase: str, lang: numberwords.Language):
        self.phrase, self.lang = phrase, lang
        self.text = numberwords.normalise(phrase)
        self.pos = 0

    def fail(self, why: str, error=ValueError):
        raise error(f"{why} in {self.phrase!r} ({self.lang.name})")

    # the phrase: [total] (vague | between | [hedge] amount [range] [+]) [suffix hedge] rest
    def read(self) -> Estimate:
        self.refuse_ambiguous_digits()
        self.take_any(self.lang.totals)
        vague = self.take_any(self.lang.vague)
        if vague:
            self.check_rest(self.text[self.pos:])
            return Estimate(*self.lang.vague[vague], "vague", None)
        between = self.between()
        if between:
            return between
        hedge = self.take_any(self.lang.hedges)
        first = self.amount(after_hedge=bool(hedge))
        if first is None:
            self.fail("no number where one was expected (or words before it that we do not read)")
        second = self.range_end()
        if second is not None:
            if hedge:
                self.fail(f"a hedged range ({hedge!r}) is not a convention we read")
            self.check_rest(self.text[self.pos:])
            return self.range(first, second)
        value = self.whole(first)
        plus = self.text.startswith("+", self.pos)
        self.pos += plus
        rest, suffix = self.suffix_hedge(self.text[self.pos:])
        self.check_rest(rest)
        rules = [r for r in (hedge and self.lang.hedges[hedge], suffix, plus and "at_least") if r]
        if len(rules) > 1:
            self.fail("two hedges on one number")
        if not rules:
            return Estimate(value, value, "exact", value)
        kind, bounds = _RULES[rules[0]]
        return Estimate(*bounds(value, unit_of(value)), kind, value)

    def refuse_ambiguous_digits(self) -> None:
        """A decimal mark followed by exactly three digits, anywhere in the phrase: even where the
        wording around it is not read, our English must not decide which number it is."""
        for m in _DIGITS.finditer(self.text):
            marks = re.findall(_SEPARATOR, m.group())
            if (marks and marks[-1] in self.lang.decimal and marks.count(marks[-1]) == 1
                    and len(re.split(_SEPARATOR, m.group())[-1]) == 3):
                self.fail(f"{m.group()!r} is ambiguous: {marks[-1]!r} followed by three digits is "
                          f"a decimal mark in {self.lang.name} but groups thousands elsewhere",
                          AmbiguousNumber)

    def take_any(self, phrases) -> str | None:
        """Consume the first of `phrases` (longest first) standing at the cursor as whole words."""
        for phrase in phrases:
            if self.text.startswith(phrase, self.pos):
                end = self.pos + len(phrase)
                if end == len(self.text) or not phrase[-1].isalnum() or not self.text[end].isalnum():
                    self.pos = end + (self.text[end:end + 1] == " ")
                    return phrase
        return None

    def between(self) -> Estimate | None:
        for opening, joint in self.lang.between:
            if self.take_any([opening]):
                first = self.amount()
                self.pos += self.text.startswith(" ", self.pos)
                if first is None or not self.take_any([joint]):
                    self.fail(f"{opening!r} without two numbers joined by {joint!r}")
                second = self.amount()
                if second is None:
                    self.fail(f"{opening!r} without two numbers joined by {joint!r}")
                self.check_rest(self.text[self.pos:])
                return self.range(first, second)
        return None

    def range_end(self) -> _Amount | None:
        """The second number of 'x-y' or 'x to y', or None (the cursor stays) if there is none."""
        start = self.pos
        dash = _DASH.match(self.text, self.pos)
        if dash:
            self.pos = dash.end()
        else:
            self.pos += self.text.startswith(" ", self.pos)
            if not self.take_any(self.lang.range_words):
                self.pos = start
                return None
        second = self.amount()
        if second is None:  # '58-page report': a hyphenated word, not a range
            self.pos = start
        return second

    def range(self, first: _Amount, second: _Amount) -> Estimate:
        if first.scale is None and second.scale is not None:  # '3-4 thousand' shares its multiplier
            first = _Amount(first.value * second.scale, second.scale)
        low, high = self.whole(first), self.whole(second)
        if low > high:
            self.fail("range runs backwards")
        return Estimate(low, high, "range", None)

    def whole(self, amount: _Amount) -> int:
        if amount.value.denominator != 1:
            self.fail(f"{float(amount.value):g} is not a whole number")
        return int(amount.value)

    # one number: digits (with separators and a multiplier) or number words
    def amount(self, after_hedge: bool = False) -> _Amount | None:
        currency = _CURRENCY.match(self.text, self.pos)
        if currency:
            self.pos = currency.end()
        digits = _DIGITS.match(self.text, self.pos)
        if digits:
            self.pos = digits.end()
            return self.multiplied(self.digits(digits.group()))
        if currency:
            self.fail("no number after the currency sign")
        return self.words(after_hedge)

    def digits(self, written: str) -> Fraction:
        """'13,000' -> 13000 in English; '2.000' -> 2000 and '1,5' -> 3/2 in Italian."""
        runs = re.split(_SEPARATOR, written)
        marks = re.findall(_SEPARATOR, written)
        fraction = ""
        if marks and marks[-1] in self.lang.decimal:
            if marks.count(marks[-1]) > 1:
                self.fail(f"{written!r} groups thousands with {marks[-1]!r}, the decimal mark in "
                          f"{self.lang.name}")
            fraction, runs, marks = runs[-1], runs[:-1], marks[:-1]
        if marks:
            if len(set(marks)) > 1 or not (marks[0] == " " or marks[0] in self.lang.groups):
                self.fail(f"{written!r} mixes separators or uses one that does not group thousands "
                          f"in {self.lang.name}")
            if len(runs[0]) > 3 or runs[0].startswith("0") or any(len(run) != 3 for run in runs[1:]):
                self.fail(f"{written!r} is not grouped in threes")
        value = Fraction("".join(runs) + ("." + fraction if fraction else ""))
        if fraction and not self.lang.scale_at(self.text, self.pos):
            self.fail(f"{written!r} has a decimal part but no multiplier (thousand, million)")
        glued = re.match(r"[^\W\d_]", self.text[self.pos:self.pos + 1])
        if glued and not self.lang.scale_at(self.text, self.pos):
            self.fail(f"letters glued to the number {written!r}")
        return value

    def multiplied(self, value: Fraction) -> _Amount:
        scale = self.lang.scale_at(self.text, self.pos)
        if not scale:
            return _Amount(value, None)
        end, form, multiplier = scale
        if value >= 1000:
            self.fail(f"a multiplier ({form!r}) after a number of a thousand or more")
        self.pos = end
        return _Amount(value * multiplier, multiplier)

    def words(self, after_hedge: bool) -> _Amount | None:
        """Number words ('seventy-four', 'двух тысяч', 'a thousand'), or None if none stand here."""
        tokens, ends, end = [], [], self.pos
        while m := _TOKEN.match(self.text, end):
            token = m.group()
            if token.endswith(".") and not self.lang.is_word(token):
                token = token[:-1]
            pieces = [token] if self.lang.is_word(token) else token.split("-")
            if not all(self.lang.is_word(piece) for piece in pieces):
                break
            tokens += pieces
            ends += [m.start() + len(token)] * len(pieces)
            end = ends[-1] + (self.text[ends[-1]:ends[-1] + 1] == " ")
        while tokens and tokens[-1] in self.lang.articles:  # the 'a' of 'a hundred', never alone
            tokens.pop()
            ends.pop()
        if not tokens:
            return None
        value, scale = self.combine(tokens, after_hedge)
        self.pos = ends[-1]
        return _Amount(value, scale)

    def combine(self, tokens: list[str], after_hedge: bool) -> tuple[Fraction, int | None]:
        lang = self.lang
        total, group, last, largest, scale = Fraction(0), None, None, None, None
        for i, token in enumerate(tokens):
            following = tokens[i + 1] if i + 1 < len(tokens) else None
            if token in lang.articles:
                if group is not None or not (following in lang.hundreds or following in lang.scales):
                    self.fail(f"{token!r} reads as one only before hundred or a multiplier")
                group = last = Fraction(1)
            elif token in lang.numbers:
                number = lang.numbers[token]
                if group is not None and not number < _place(last):
                    self.fail(f"number words out of order ({token!r})")
                group, last = (group or 0) + number, number
            elif token in lang.hundreds:
                if group is None and token in lang.alone:
                    group = Fraction(1)
                if group is None or group >= 100:
                    self.fail(f"{token!r} needs a number below a hundred before it")
                group = last = group * 100
            else:
                multiplier = lang.scales[token]
                if group is None:
                    if not (token in lang.alone or (after_hedge and token in lang.after_hedge)):
                        self.fail(f"{token!r} does not say how many on its own")
                    group = Fraction(1)
                if group >= 1000 or (largest is not None and multiplier >= largest):
                    self.fail(f"number words out of order ({token!r})")
                total += group * multiplier
                group, last, largest, scale = None, None, multiplier, multiplier
        if group is not None and largest is not None and group >= largest:
            self.fail("number words out of order")
        return total + (group or 0), scale if group is None else None

    # what follows the number
    def suffix_hedge(self, rest: str) -> tuple[str, str | None]:
        for phrase in self.lang.suffixes:
            if rest == phrase or rest.endswith(" " + phrase):
                return rest[: len(rest) - len(phrase)], self.lang.suffixes[phrase]
        return rest, None

    def check_rest(self, rest: str) -> None:
        """Words after the number may name what is counted, never another number or hedge."""
        if any(unicodedata.category(char).startswith("N") for char in rest):
            self.fail(f"a number the reading would leave out ({rest.strip()!r})")
        left = self.lang.leftover(rest)
        if left:
            self.fail(f"{left!r} after the number is not part of the reading")


def _place(previous: Fraction) -> int:
    """What may follow a number word: units after tens (twenty-five), tens after hundreds."""
    if previous.denominator != 1:
        return 0
    value = int(previous)
    if value % 100 == 0:
        return 100
    return 10 if value % 10 == 0 and value >= 20 else 0
