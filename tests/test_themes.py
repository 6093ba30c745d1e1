"""Theme tagging follows the lexicon, reads our translation for non-English quotes, and every
theme in the lexicon is raised by at least one statement."""

import pandas as pd

from belarus2020 import datasets, themes

LEXICON = pd.DataFrame({
    "theme": ["torture", "torture", "dialogue"],
    "pattern": [r"\btortur", "ill-treatment", r"\bdialog"],
    "note": ["", "", ""],
})


def statements(*rows):
    return pd.DataFrame(rows, columns=["statement_id", "quote", "translation_en_ours"]).astype("string")


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


def test_every_theme_of_the_real_lexicon_is_raised():
    matrix = themes.theme_matrix(datasets.load_statements(), themes.load_lexicon())
    assert (matrix.sum() > 0).all(), matrix.sum()
