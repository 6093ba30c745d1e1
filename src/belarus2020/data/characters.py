"""Characters a reader cannot see or tell apart, named so that a message can point at them.

Copies from web pages, PDFs and spreadsheets bring no-break and zero-width spaces, soft
hyphens, curly quotes and control characters. In the verbatim columns (excerpts, quotes,
phrases) they are the source's own characters and are kept; everywhere they change what a
value means (an id, a date, a counter's name) they are refused, by name and position.
"""

from __future__ import annotations

import re
import unicodedata

NAMES = {
    "\t": "a tab", "\n": "a line break", " ": "a space",
    "\u00a0": "a no-break space", "\u00ad": "a soft hyphen", "\u2007": "a figure space",
    "\u2009": "a thin space", "\u200a": "a hair space", "\u200b": "a zero-width space",
    "\u200c": "a zero-width non-joiner", "\u200d": "a zero-width joiner", "\u200e": "a left-to-right mark",
    "\u200f": "a right-to-left mark", "\u2028": "a line separator", "\u2029": "a paragraph separator",
    "\u202f": "a narrow no-break space", "\u2060": "a word joiner", "\u3000": "an ideographic space",
    "\ufeff": "a byte-order mark (zero-width no-break space)", "\ufffd": "the replacement character",
    "\u2018": "a curly opening quote", "\u2019": "a curly closing quote or apostrophe",
    "\u201c": "a curly opening double quote", "\u201d": "a curly closing double quote",
    "\u2010": "a Unicode hyphen", "\u2011": "a non-breaking hyphen", "\u2012": "a figure dash",
    "\u2013": "an en dash", "\u2014": "an em dash", "\u2212": "a minus sign",
}

# Invisible or space-like characters that have no place in a one-line value (an id, a date, a name).
INVISIBLE = ("\t\n\u00a0\u00ad\u1680\u180e\u2000-\u200f\u2028-\u202f\u205f-\u206f\u3000\ufeff")
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ufffd]")  # never text, whatever the column
_CONTINUATION = ("\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014"
                 "\u2018-\u201a\u201c-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122")
# UTF-8 read as Windows-1252 and saved again: a lead byte (Ã, Ð, â ...) then continuation bytes.
MOJIBAKE = re.compile(f"(?:[\u00c2-\u00ef][{_CONTINUATION}]+)+")

# What a copy from the web swaps for what the author typed: folded away when comparing.
_FOLD = {ord(c): " " for c in "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009"
         "\u200a\u202f\u205f\u3000\t\n"}
_FOLD.update({ord(c): None for c in "\u00ad\u200b\u200c\u200d\u200e\u200f\u2060\ufeff"})
_FOLD.update({ord(c): "'" for c in "\u2018\u2019\u201a\u201b\u2032"})
_FOLD.update({ord(c): '"' for c in "\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb"})
_FOLD.update({ord(c): "-" for c in "\u2010\u2011\u2012\u2013\u2014\u2212"})


def name(ch: str) -> str:
    """'a no-break space (U+00A0)', 'the character CYRILLIC CAPITAL LETTER ES (U+0421)'."""
    if ch in NAMES:
        words = NAMES[ch]
    elif unicodedata.category(ch) == "Cc":
        words = "a NUL character" if ch == "\x00" else "a control character"
    else:
        words = f"the character {unicodedata.name(ch, 'without a name')}"
    return f"{words} (U+{ord(ch):04X})"


def garbled(value: str) -> tuple[str, str] | None:
    """(garbled, meant) when `value` holds UTF-8 text that was decoded as Windows-1252 and saved again."""
    for match in MOJIBAKE.finditer(value):
        try:
            meant = match[0].encode("cp1252").decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            continue
        return match[0], meant
    return None


def fold(text: str) -> tuple[str, list[int]]:
    """Text with invisible and look-alike characters folded away, and each kept character's index."""
    out, where = [], []
    for index, ch in enumerate(text):
        folded = ch.translate(_FOLD)
        if folded:
            out.append(folded)
            where.append(index)
    return "".join(out), where


def differences(phrase: str, excerpt: str, limit: int = 3) -> list[str] | None:
    """How `phrase` differs from the passage of `excerpt` it stands for, if only by characters
    a reader cannot see or tell apart; None when the words themselves differ."""
    folded_phrase, _ = fold(phrase)
    folded_excerpt, where = fold(excerpt)
    at = folded_excerpt.find(folded_phrase) if folded_phrase else -1
    if at < 0:
        return None
    passage = excerpt[where[at]:where[at + len(folded_phrase) - 1] + 1]
    found, i, j = [], 0, 0
    while (i < len(phrase) or j < len(passage)) and len(found) < limit:
        p = phrase[i] if i < len(phrase) else ""
        e = passage[j] if j < len(passage) else ""
        if p and p == e:
            i, j = i + 1, j + 1
        elif p and not p.translate(_FOLD):
            found.append(f"the phrase has {name(p)} at character {i + 1}, the excerpt nothing")
            i += 1
        elif e and not e.translate(_FOLD):
            found.append(f"the excerpt has {name(e)} where the phrase has nothing (after character {i})")
            j += 1
        elif p and e:
            found.append(f"the phrase has {name(p)} at character {i + 1} where the excerpt has {name(e)}")
            i, j = i + 1, j + 1
        else:
            break
    return found
