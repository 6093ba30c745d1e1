"""Copies are linked to their claim and checked; dates keep their precision.

Each test breaks one cell of a scratch copy of the data and expects one problem naming file,
row and column; rows are looked up by id, so a correct edit elsewhere in the data never
breaks these tests.
"""

import pandas as pd
import pytest

from belarus2020.data import datasets
from belarus2020.data.datasets import DataError

FIGURES = "data/raw/figures.csv"
STATEMENTS = "data/raw/statements.csv"


def row_of(scratch, name, ident):
    """The spreadsheet row number (header = 1) of the row whose first cell is `ident`."""
    return next(i for i, r in enumerate(scratch.rows(name), 1) if r[0] == ident)


def first(scratch, name, condition):
    """The id of the first data row for which condition(row as dict) holds."""
    rows = scratch.rows(name)
    return next(r[0] for r in rows[1:] if condition(dict(zip(rows[0], r))))


def problems_of(load):
    with pytest.raises(DataError) as error:
        load()
    return error.value.problems


def claim_and_copy(scratch):
    copy = first(scratch, "raw/figures.csv", lambda r: r["copy_of"])
    return scratch.get("raw/figures.csv", row_of(scratch, "raw/figures.csv", copy), "copy_of"), copy


def test_every_copy_names_a_claim_with_the_same_counter_measure_and_baseline():
    figures = datasets.load_figures()
    claims = figures.set_index("figure_id")
    copies = figures[figures["copy_of"].notna()]
    assert len(copies) > 0
    for _, copy in copies.iterrows():
        claim = claims.loc[copy["copy_of"]]
        assert pd.isna(claim["copy_of"])
        assert (copy["counted_by"], copy["measure"], copy["baseline"]) == (
            claim["counted_by"], claim["measure"], claim["baseline"])


@pytest.mark.parametrize("target, message", [
    ("F9999", "is not a figure_id"),
    ("self", "this row itself"),
])
def test_copy_of_must_name_another_existing_row(scratch, target, message):
    _, copy = claim_and_copy(scratch)
    row = row_of(scratch, "raw/figures.csv", copy)
    scratch.set("raw/figures.csv", row, "copy_of", copy if target == "self" else target)
    found = problems_of(datasets.load_figures)
    assert [(p.file, p.row, p.column) for p in found] == [(FIGURES, row, "copy_of")]
    assert message in found[0].message


def test_copy_of_must_not_name_a_copy(scratch):
    claim, copy = claim_and_copy(scratch)
    other = first(scratch, "raw/figures.csv", lambda r: not r["copy_of"] and r["figure_id"] != claim)
    row = row_of(scratch, "raw/figures.csv", other)
    for column in ("counted_by", "measure", "baseline", "period_start", "period_end", "phrase", "phrase_en_ours",
                   "excerpt", "language"):  # make it a faithful copy in every other respect
        scratch.set("raw/figures.csv", row, column,
                    scratch.get("raw/figures.csv", row_of(scratch, "raw/figures.csv", copy), column))
    scratch.set("raw/figures.csv", row, "copy_of", copy)
    found = problems_of(datasets.load_figures)
    assert [(p.file, p.row, p.column) for p in found] == [(FIGURES, row, "copy_of")]
    assert "itself a copy" in found[0].message


@pytest.mark.parametrize("column, value", [
    ("measure", "torture_reports"),
    ("counted_by", "Somebody Else"),
    ("baseline", "stock"),
])
def test_a_copy_reports_the_same_claim(scratch, column, value):
    claim, copy = claim_and_copy(scratch)
    row = row_of(scratch, "raw/figures.csv", copy)
    scratch.set("raw/figures.csv", row, column, value)
    found = problems_of(datasets.load_figures)
    assert [(p.file, p.row, p.column) for p in found] == [(FIGURES, row, column)]
    assert claim in found[0].message


def test_a_copy_whose_number_its_claim_cannot_allow_is_refused(scratch):
    claim, copy = claim_and_copy(scratch)
    row = row_of(scratch, "raw/figures.csv", copy)
    for column, value in (("phrase", "1"), ("phrase_en_ours", ""), ("excerpt", "exactly 1 person"), ("language", "en")):
        scratch.set("raw/figures.csv", row, column, value)
    found = problems_of(datasets.load_figures)
    assert [(p.file, p.row, p.column) for p in found] == [(FIGURES, row, "phrase")]
    assert "do not overlap" in found[0].message


def test_a_statement_copy_must_name_an_utterance(scratch):
    copy = first(scratch, "raw/statements.csv", lambda r: r["copy_of"])
    other = first(scratch, "raw/statements.csv", lambda r: not r["copy_of"])
    row = row_of(scratch, "raw/statements.csv", other)
    scratch.set("raw/statements.csv", row, "copy_of", copy)
    found = problems_of(datasets.load_statements)
    assert [(p.file, p.row, p.column) for p in found] == [(STATEMENTS, row, "copy_of")]


def test_a_month_only_date_is_an_interval(scratch):
    fid = first(scratch, "raw/figures.csv", lambda r: r["period_start"] and r["period_end"] == "2020-08-10")
    row = row_of(scratch, "raw/figures.csv", fid)
    scratch.set("raw/figures.csv", row, "period_start", "2020-08")
    figures = datasets.load_figures().set_index("figure_id")
    assert str(figures.loc[fid, "period_start_first"].date()) == "2020-08-01"
    assert str(figures.loc[fid, "period_start_last"].date()) == "2020-08-31"
    assert figures.loc[fid, "period_start_precision"] == "month"


def test_a_period_that_surely_runs_backwards_is_refused(scratch):
    fid = first(scratch, "raw/figures.csv", lambda r: r["period_start"] and r["period_end"] == "2020-08-10")
    row = row_of(scratch, "raw/figures.csv", fid)
    scratch.set("raw/figures.csv", row, "period_start", "2020-09")
    found = problems_of(datasets.load_figures)
    assert [(p.file, p.row, p.column) for p in found] == [(FIGURES, row, "period_start")]


@pytest.mark.parametrize("value, first_day, last_day", [
    ("2020-02", "2020-02-01", "2020-02-29"),
    ("2020-12", "2020-12-01", "2020-12-31"),
    ("2021-02-03", "2021-02-03", "2021-02-03"),
])
def test_partial_dates_read_as_their_days(value, first_day, last_day):
    first_, last, _ = datasets._parse_partial_date(value)
    assert (str(first_), str(last)) == (first_day, last_day)
