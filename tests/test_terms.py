"""The lexicon's pattern language: what it matches, what it refuses (with file, row and column),
and why it cannot hang: terms compile to short word sequences, never to a regular expression."""

import re
import signal

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from belarus2020.statements import themes
from belarus2020.data import datasets, terms
from belarus2020.data.datasets import DataError

THEMES = "data/themes.csv"


def matches(pattern, text):
    return bool(terms.Matcher([("x", terms.parse(pattern))]).labels(text))


# --- what a term matches ---------------------------------------------------------------------

@pytest.mark.parametrize("pattern, text, expected", [
    ("tortur*", "They were TORTURED.", True),
    ("tortur*", "a distortion of the facts", False),             # a stem begins a word
    ("torture", "tortured", False),                               # a word is the whole word
    ("ill-treatment", "ill treatment in custody", True),          # hyphen = word break
    ("ill-treatment", "ill-treatment", True),
    ("Lukashenko's regime", "Lukashenko’s regime", True),         # straight or curly apostrophe
    ("free and fair", "not free, and fair", True),                # punctuation is not a word
    ("free and fair", "fair and free", False),                    # order matters
    ("hold ~3 account*", "hold perpetrators to account", True),   # 2 words in the gap
    ("hold ~3 account*", "hold those who did it to account", False),  # 4 words: too many
    ("hold ~3 account*", "hold account", True),                   # a gap may be empty
    ("new election*", "new\nelections", True),                    # line breaks are spaces
    ("fraud*", "", False),
])
def test_term_matches(pattern, text, expected):
    assert matches(pattern, text) is expected


def test_each_gap_counts_from_the_previous_part():
    assert matches("a1 ~1 b1 ~1 c1", "a1 x b1 y c1") and not matches("a1 ~1 b1 ~1 c1", "a1 x b1 y z c1")
    # the chain may continue from any earlier match, not only the first one
    assert matches("free ~2 fair", "free free x y z free fair")


# Reference: the same term as a regular expression over words joined by single spaces. Safe
# here because the test builds it from its own short inputs, never from data.
def reference(term, text):
    joined = " " + " ".join(terms.words(text)) + " "
    pieces = []
    for part in term.parts:
        gap = r"(?:\S+ ){0,%d}" % part.gap_before if pieces else ""
        pieces.append(gap + re.escape(part.word) + (r"\S*" if part.stem else "") + " ")
    return re.search(" " + "".join(pieces), joined) is not None


WORDS = ["free", "fair", "and", "not", "torture", "tortured", "tor", "account", "accountable", "hold", "x"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=12),
       st.lists(st.tuples(st.sampled_from(WORDS[:10]), st.booleans(), st.integers(0, 3)), min_size=1, max_size=3))
def test_matcher_agrees_with_a_regular_expression_reference(text_words, spec):
    pattern = " ".join((f"~{gap} " if gap and i else "") + (w + "*" if stem and len(w) >= 3 else w)
                       for i, (w, stem, gap) in enumerate(spec))
    try:
        term = terms.parse(pattern)
    except terms.TermError:  # e.g. only common words: refused, nothing to compare
        return
    text = " ".join(text_words)
    assert matches(pattern, text) == reference(term, text), (pattern, text)


# --- what a term may not be: refused at load, naming file, row and column ---------------------

def refused(scratch, value, words, row=3):
    scratch.set("themes.csv", row, "pattern", value)
    with pytest.raises(DataError) as error:
        datasets.load_themes()
    here = [p for p in error.value.problems if (p.file, p.row, p.column) == (THEMES, row, "pattern")]
    assert len(here) == 1, error.value  # one failure, one message
    assert re.search(words, here[0].message, re.I), here[0].message
    assert f"{THEMES}, row {row}, column 'pattern'" in str(error.value)


@pytest.mark.parametrize("value, words", [
    (r"(\w+\s*)+regime", "not regular expressions"),   # nested repetition: hung tagging
    ("tortur(?i)e", "not regular expressions"),        # inline flag mid-pattern: crashed with re.error
    ("tortur|", "not regular expressions"),            # empty alternative: tagged every statement
    ("tortur(e", "regular expression"),                # unbalanced bracket
    ("*", "bare \\*"),                                 # matches every word
    ("   ", "empty|only spaces"),                      # spaces only
    ("to*", "at least 3 letters"),                     # a stem too short to mean anything
    ("tor*ure", "may only end a word"),
    ("the", "so common"),                              # a word in nearly every statement
    ("of the*", "so common"),
    ("hold ~9 account", "~1 to ~5"),
    ("hold ~ account", "not a gap"),
    ("~2 account", "between two words"),
    ("hold ~2", "ends with a gap"),
    ("hold~2 account", "must stand alone"),
    ("-treatment", "between two letters"),
    ("ill--treatment", "between two letters"),
    ("tortur*\n", "line break"),                       # a cell ending in a line break
    ("free\u00a0and fair", "U\\+00A0"),                # a no-break space pasted from a web page
    ("free\tand fair", "a tab"),
    ("a b c d e f g", "at most 6"),
])
def test_pattern_outside_the_language_is_refused_where_it_is(scratch, value, words):
    refused(scratch, value, words)


def test_term_matching_every_statement_is_refused(scratch):
    rows = scratch.rows("raw/statements.csv")
    keep = [r for r in rows[1:] if r[0] in ("S0040", "S0041")]  # both speak of "thousands of arrests"
    scratch.write("raw/statements.csv", [rows[0]] + keep)
    refused(scratch, "thousands of arrests", "matches every one of the 2 statements")


def test_a_refused_term_never_reaches_tagging(scratch):
    scratch.set("themes.csv", 2, "pattern", "tortur|")
    with pytest.raises(DataError):
        themes.load_lexicon()


# --- why it cannot hang ------------------------------------------------------------------------

def test_real_lexicon_compiles_to_short_word_sequences():
    lexicon = themes.load_lexicon()
    for pattern in lexicon["pattern"]:
        term = terms.parse(pattern)
        assert 1 <= len(term.parts) <= terms.MAX_PARTS
        for part in term.parts:
            assert part.word and terms.words(part.word) == [part.word]  # one plain word, nothing else
            assert 0 <= part.gap_before <= terms.MAX_GAP
            assert not part.stem or len(part.word) >= terms.MIN_STEM


def test_tagging_never_builds_a_regular_expression_from_the_data(monkeypatch):
    lexicon = themes.load_lexicon()
    statements = datasets.load_statements()
    compiled = []
    real = re._compile
    monkeypatch.setattr(re, "_compile", lambda pattern, flags: compiled.append(pattern) or real(pattern, flags))
    themes.theme_matrix(statements, lexicon)
    from_data = [p for p in compiled if isinstance(p, str) and any(t in p for t in lexicon["pattern"])]
    assert not from_data


@pytest.mark.skipif(not hasattr(signal, "SIGALRM"), reason="the guard uses SIGALRM")
def test_tagging_ten_thousand_long_adversarial_statements_finishes():
    """A guard, not a benchmark: the limit is many times what the run takes (a few seconds)."""
    words = ("hold the belarusian authorities to account not free and fair torture tortured regime "
             "aaaaaaaaaaaaaaaaaaaaaaaa new elections " * 20).split()
    texts = [" ".join(words[i % 7:] + words[:i % 7]) for i in range(10_000)]
    statements = pd.DataFrame({"statement_id": [f"S{i:05d}" for i in range(10_000)], "quote": texts,
                               "translation_en_ours": pd.NA}).astype("string")
    lexicon = pd.concat([themes.load_lexicon(), pd.DataFrame(
        {"theme": "x", "pattern": ["regime ~5 regime ~5 regime ~5 regime ~5 regime ~5 regime", "aaa*"]})])

    def too_slow(*_):
        raise TimeoutError("tagging took more than 120 s")
    previous = signal.signal(signal.SIGALRM, too_slow)
    signal.alarm(120)
    try:
        matrix = themes.theme_matrix(statements, lexicon)
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
    assert matrix.shape == (10_000, lexicon["theme"].nunique())
    assert matrix["x"].all() and matrix["torture"].all() and not matrix["sovereignty"].any()
