"""Theme tagging follows the lexicon, reads our translation for non-English quotes, and every
theme in the lexicon is raised by at least one statement; the hand coding is read without
ever taking a statement not yet coded for one with no theme."""

import pandas as pd
import pytest

from belarus2020.statements import themes
from belarus2020.data import datasets, terms

LEXICON = pd.DataFrame({
    "theme": ["torture", "torture", "dialogue"],
    "pattern": ["tortur*", "ill-treatment", "dialogue"],
    "note": ["", "", ""],
})


def statements(*rows):
    frame = pd.DataFrame(rows, columns=["statement_id", "quote", "translation_en_ours"]).astype("string")
    return frame.assign(copy_of=pd.Series([pd.NA] * len(frame), dtype="string"))


def test_tags_follow_the_lexicon_case_insensitively():
    st = statements(("S1", "Torture is used", None), ("S2", "We call for DIALOGUE", None),
                    ("S3", "Nothing relevant", None))
    assert themes.tag(st, LEXICON).values.tolist() == [["S1", "torture"], ["S2", "dialogue"]]


def test_non_english_quotes_are_read_through_our_translation():
    st = statements(("S1", "Пытки применялись", "Torture was used"), ("S2", "torture (in a foreign quote)", "Nothing"))
    assert themes.tag(st, LEXICON).values.tolist() == [["S1", "torture"]]


def test_matrix_has_every_theme_and_every_statement():
    st = statements(("S1", "ill-treatment and dialogue", None), ("S2", "nothing", None))
    matrix = themes.theme_matrix(st, LEXICON)
    assert list(matrix.columns) == ["dialogue", "torture"]
    assert matrix.loc["S1"].tolist() == [True, True] and matrix.loc["S2"].tolist() == [False, False]


def test_a_regular_expression_in_a_hand_made_lexicon_is_refused_with_its_theme():
    lexicon = pd.DataFrame({"theme": ["torture"], "pattern": [r"\btortur"], "note": [""]})
    with pytest.raises(terms.TermError, match=r"theme 'torture', pattern '\\\\btortur'"):
        themes.tag(statements(("S1", "torture", None)), lexicon)


def test_every_theme_of_the_real_lexicon_is_raised():
    matrix = themes.theme_matrix(datasets.load_statements(), themes.load_lexicon())
    assert (matrix.sum() > 0).all(), matrix.sum()


# --- the hand coding -------------------------------------------------------------------------

CODING = pd.DataFrame({"statement_id": ["S1", "S1", "S2"], "theme": ["torture", "dialogue", "none"]})


def test_statement_without_coding_is_not_yet_coded_not_themeless():
    st = statements(("S1", "x", None), ("S2", "y", None), ("S3", "z", None))
    assert themes.coding_status(st, CODING).to_dict() == {"S1": "coded", "S2": "coded", "S3": "not yet coded"}
    matrix = themes.coded_matrix(st, CODING, ["dialogue", "torture"])
    assert list(matrix.index) == ["S1", "S2"]  # S3 is absent, not a row of False
    assert matrix.loc["S1"].all() and not matrix.loc["S2"].any()


def test_coded_matrix_keeps_every_theme_even_when_no_statement_has_it():
    st = statements(("S2", "y", None))
    matrix = themes.coded_matrix(st, CODING, ["dialogue", "sovereignty", "torture"])
    assert list(matrix.columns) == ["dialogue", "sovereignty", "torture"] and not matrix.any().any()


def test_real_coding_reads_a_status_for_every_statement():
    st, coding = datasets.load_statements(), themes.load_coding()
    status = themes.coding_status(st, coding)
    assert status.index.tolist() == st["statement_id"].tolist()
    assert set(status) <= {"coded", "not yet coded"} and (status == "coded").any()


def test_analysis_reads_each_theme_from_its_source_and_leaves_uncoded_unknown():
    st = statements(("S1", "torture and dialogue", None), ("S2", "nothing", None), ("S3", "torture", None))
    coding = pd.DataFrame({"statement_id": ["S1", "S2"], "theme": ["torture", "dialogue"]})
    source = pd.Series({"dialogue": "hand coding", "torture": "lexicon"})
    matrix = themes.analysis_matrix(st, LEXICON, coding, source)
    assert matrix["torture"].tolist() == [True, False, True]          # the lexicon, for every statement
    assert matrix["dialogue"].tolist()[:2] == [False, True]           # our coding, where the lexicon differs
    assert pd.isna(matrix.loc["S3", "dialogue"])                      # not yet coded: unknown
