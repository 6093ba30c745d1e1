"""The theme lexicon's pattern language: words, stems and phrases, matched in linear time.

A journalist edits `data/themes.csv` in a spreadsheet; a regular expression typed there could
hang the build (nested repetition), crash it (bad syntax) or tag every statement (an empty
alternative). So the lexicon holds terms of a small language instead, which can express none
of that:

- a word, `dialogue`: the whole word, in any case;
- a stem, `tortur*`: any word that begins with at least three letters (torture, tortured);
- a phrase, `free and fair`: words and stems one after another. A hyphen or apostrophe
  separates words (`ill-treatment` also matches "ill treatment"), and `~N` (N from 1 to 5)
  between two parts allows up to N other words between them (`hold ~3 account*`).

A text is read as its words (runs of letters and digits, case-folded). A term is a fixed,
short sequence of word tests with bounded gaps and no alternation or repetition, so matching
never backtracks: each word of a text is looked up once per prefix length the lexicon uses,
and each phrase part is checked against at most gap + 1 earlier positions.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from typing import Iterable

MIN_STEM, MAX_WORD, MAX_GAP, MAX_PARTS = 3, 40, 5, 6
_WORD = re.compile(r"[^\W_]+")  # one character class, no nesting: linear
_SEPARATORS = "-'’"
_ALLOWED = set(_SEPARATORS) | {"*", "~", " "}
# Words so common that a term made only of them would tag nearly every statement.
COMMON = frozenset("""a an the and or but of to in on at by for with from as into about than then
is are was were be been being has have had do does did it its this that these those there here
we our us they their them he she his her i you your not no nor all any will would shall should
can could may might must which who whom what when where also more most very so such""".split())


class TermError(ValueError):
    """A pattern outside the language; the message says how to write it instead."""


@dataclass(frozen=True)
class Part:
    """One word test: `word` exactly, or (stem) any word beginning with `word`."""

    word: str
    stem: bool = False
    gap_before: int = 0  # other words allowed between the previous part and this one


@dataclass(frozen=True)
class Term:
    text: str
    parts: tuple[Part, ...]


def words(text: str) -> list[str]:
    """The words a text is matched on: runs of letters and digits, case-folded."""
    return _WORD.findall(unicodedata.normalize("NFKC", text).casefold())


def parse(text: str) -> Term:
    """Read one pattern of the lexicon, or raise TermError saying what is wrong and how to fix it."""
    if not isinstance(text, str) or not text.strip():
        raise TermError("is empty: write a word, a stem such as tortur*, or a phrase such as free and fair")
    odd_space = next((ch for ch in text if ch.isspace() and ch != " "), None)
    if odd_space is not None:
        name = {"\t": "a tab", "\n": "a line break", "\r": "a line break"}.get(
            odd_space, f"an unusual space (U+{ord(odd_space):04X}, often pasted from a web page)")
        raise TermError(f"contains {name}: separate words with plain spaces only")
    text = unicodedata.normalize("NFKC", text)
    for ch in text:
        if not (ch.isalnum() or ch in _ALLOWED):
            raise TermError(
                f"contains {ch!r}: patterns are words, stems (tortur*) and phrases (free and fair), "
                "not regular expressions; use only letters, digits, spaces, - ' * and ~N")
    parts: list[Part] = []
    gap = None
    for chunk in text.split():
        if chunk.startswith("~"):
            if not re.fullmatch(r"~[1-9]\d*", chunk) or int(chunk[1:]) > MAX_GAP:
                raise TermError(f"{chunk!r} is not a gap: write ~1 to ~{MAX_GAP} (up to that many words in between)")
            if not parts or gap is not None:
                raise TermError(f"{chunk!r} must stand between two words")
            gap = int(chunk[1:])
            continue
        for i, piece in enumerate(_pieces(chunk)):
            before = gap if (i == 0 and gap is not None) else 0
            parts.append(Part(piece.rstrip("*").casefold(), piece.endswith("*"), before))
        gap = None
    if gap is not None:
        raise TermError("ends with a gap (~N): a gap must stand between two words")
    if len(parts) > MAX_PARTS:
        raise TermError(f"has {len(parts)} words; a phrase may have at most {MAX_PARTS}")
    if all(_common(p) for p in parts):
        raise TermError("is made only of words so common that it would tag nearly every statement: "
                        "add a word that carries the theme")
    return Term(text.strip(), tuple(parts))


def _pieces(chunk: str) -> list[str]:
    """'ill-treat*' -> ['ill', 'treat*']; refuses misplaced *, ~ and separators."""
    if "~" in chunk:
        raise TermError(f"{chunk!r}: ~N is a gap and must stand alone between two words, with spaces around it")
    if chunk == "*":
        raise TermError("a bare * would match every word: put at least "
                        f"{MIN_STEM} letters before it (tortur*)")
    if "*" in chunk[:-1]:
        raise TermError(f"{chunk!r}: * may only end a word (tortur*)")
    pieces = re.split(r"[-'’]", chunk)
    if any(p in ("", "*") for p in pieces):
        raise TermError(f"{chunk!r}: a hyphen or apostrophe must stand between two letters")
    if pieces[-1].endswith("*") and len(pieces[-1]) - 1 < MIN_STEM:
        raise TermError(f"{chunk!r}: a stem needs at least {MIN_STEM} letters before * ({pieces[-1]!r} would "
                        "match too many words)")
    if any(len(p.rstrip("*")) > MAX_WORD for p in pieces):
        raise TermError(f"{chunk!r}: a word may have at most {MAX_WORD} letters")
    return pieces


def _common(part: Part) -> bool:
    if part.stem:
        return any(w.startswith(part.word) for w in COMMON)
    return part.word in COMMON


class Matcher:
    """Labelled terms compiled for matching many texts; `labels(text)` says which labels match.

    Built from (label, Term) pairs: a label is a theme when tagging, or a row when checking
    which row of the lexicon matches what.
    """

    def __init__(self, rules: Iterable[tuple[object, Term]]):
        self.rules = list(rules)
        self._exact = {p.word for _, t in self.rules for p in t.parts if not p.stem}
        self._stems = {p.word for _, t in self.rules for p in t.parts if p.stem}
        self._stem_lengths = sorted({len(s) for s in self._stems})
        self._cache: dict[str, tuple[tuple[str, bool], ...]] = {}

    def _keys(self, word: str) -> tuple[tuple[str, bool], ...]:
        """The word tests a word passes: itself if the lexicon has it, and every lexicon stem it begins with."""
        keys = self._cache.get(word)
        if keys is None:
            found = [(word, False)] if word in self._exact else []
            found += [(word[:n], True) for n in self._stem_lengths if n <= len(word) and word[:n] in self._stems]
            keys = self._cache[word] = tuple(found)
        return keys

    def labels(self, text: str) -> set:
        """Labels with at least one term that stands in the text."""
        positions: dict[tuple[str, bool], list[int]] = defaultdict(list)
        for i, word in enumerate(words(text)):
            for key in self._keys(word):
                positions[key].append(i)
        return {label for label, term in self.rules if _found(term, positions)}


def _found(term: Term, positions: dict) -> bool:
    """Whether the parts stand in order with their gaps: positions reachable part by part."""
    reached = positions.get((term.parts[0].word, term.parts[0].stem))
    for part in term.parts[1:]:
        if not reached:
            return False
        before = set(reached)
        reached = [j for j in positions.get((part.word, part.stem), ())
                   if any(j - 1 - k in before for k in range(part.gap_before + 1))]
    return bool(reached)
