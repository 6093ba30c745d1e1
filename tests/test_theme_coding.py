"""The hand coding's loader: every wrong row is reported with file, row and column."""

import re

import pytest

from belarus2020.data import datasets
from belarus2020.data.datasets import DataError

CODING = "data/theme_coding.csv"


def problem_at(scratch, row, column, words):
    with pytest.raises(DataError) as error:
        datasets.load_theme_coding()
    here = [p for p in error.value.problems if (p.file, p.row, p.column) == (CODING, row, column)]
    assert here, str(error.value)
    assert any(re.search(words, p.message, re.I) for p in here), str(error.value)
    assert f"{CODING}, row {row}, column {column!r}" in str(error.value)


def row_of(scratch, predicate):
    rows = scratch.rows("theme_coding.csv")
    header = rows[0]
    return next(i + 1 for i, r in enumerate(rows) if i and predicate(dict(zip(header, r))))


def test_unknown_theme(scratch):
    row = row_of(scratch, lambda r: r["theme"] == "torture")
    scratch.set("theme_coding.csv", row, "theme", "tortures")
    problem_at(scratch, row, "theme", "not a theme of data/themes.csv")


def test_unknown_statement(scratch):
    scratch.set("theme_coding.csv", 2, "statement_id", "S9999")
    problem_at(scratch, 2, "statement_id", "does not exist")


def test_same_statement_and_theme_twice(scratch):
    rows = scratch.rows("theme_coding.csv")
    scratch.write("theme_coding.csv", rows + [rows[1]])
    problem_at(scratch, len(rows) + 1, "statement_id", "more than once")


def test_none_beside_a_theme(scratch):
    rows = scratch.rows("theme_coding.csv")
    themed = rows[1]
    scratch.write("theme_coding.csv", rows + [[themed[0], "none", "", "coder-1", ""]])
    problem_at(scratch, len(rows) + 1, "theme", "says 'none' but")


def test_evidence_must_stand_in_the_english_text(scratch):
    scratch.set("theme_coding.csv", 2, "evidence", "words nobody said")
    problem_at(scratch, 2, "evidence", "does not stand verbatim")


def test_evidence_is_required_for_a_theme(scratch):
    row = row_of(scratch, lambda r: r["theme"] != "none")
    scratch.set("theme_coding.csv", row, "evidence", "")
    problem_at(scratch, row, "evidence", "empty but required")


def test_no_evidence_for_none(scratch):
    row = row_of(scratch, lambda r: r["theme"] == "none")
    scratch.set("theme_coding.csv", row, "evidence", "something")
    problem_at(scratch, row, "evidence", "must be empty")


def test_coder_is_required(scratch):
    scratch.set("theme_coding.csv", 3, "coder", "")
    problem_at(scratch, 3, "coder", "empty but required")


def test_evidence_of_a_translated_quote_is_read_in_our_translation(scratch):
    # S0001 is Finnish: its evidence is English words of our translation, not of the quote
    coding = datasets.load_theme_coding()
    statements = datasets.load_statements().set_index("statement_id")
    row = coding[coding["statement_id"] == "S0001"].iloc[0]
    assert statements.loc["S0001", "language"] != "en"
    assert row["evidence"] in statements.loc["S0001", "translation_en_ours"]
    assert row["evidence"] not in statements.loc["S0001", "quote"]


@pytest.mark.parametrize("column", ["theme", "statement_id"])
def test_empty_key_cell_is_reported_not_crashed_on(scratch, column):
    scratch.set("theme_coding.csv", 4, column, "")
    problem_at(scratch, 4, column, "empty but required")
