"""Venues group into forums by ordered rules; a venue no rule covers is an error, not 'other'."""

import pytest

from belarus2020.statements import venues
from belarus2020.data import datasets


@pytest.mark.parametrize("venue, kind", [
    ("OSCE Moscow Mechanism report (as quoted by AFP)", "the OSCE report itself"),
    ("OSCE Permanent Council No. 1288, Vienna", "OSCE meetings and reactions"),
    ("UN Human Rights Council 45th session, urgent debate on Belarus", "UN Human Rights Council"),
    ("press briefing, Geneva", "other UN and Geneva"),
    ("statement to the House of Commons", "parliaments"),
    ("interview with Sputnik", "interviews, media, social media"),
    ("article on Belarus's Universal Periodic Review (Razam.ch)", "interviews, media, social media"),
    ("press release, Warsaw", "statements, speeches, press"),
])
def test_rules_in_order(venue, kind):
    assert venues.venue_kind(venue) == kind


def test_unknown_venue_is_an_error_naming_it():
    with pytest.raises(ValueError, match="carrier pigeon"):
        venues.venue_kind("carrier pigeon")


def test_every_venue_in_the_data_has_a_forum():
    statements = datasets.load_statements()
    kinds = statements["venue"].dropna().map(venues.venue_kind)
    assert set(kinds) <= set(venues.KINDS)


def test_an_unmatched_venue_in_the_table_is_reported_with_file_row_and_column():
    statements = datasets.load_statements()
    statements.loc[statements.index[4], "venue"] = "carrier pigeon"
    with pytest.raises(datasets.DataError) as error:
        venues.forums(statements)
    [problem] = error.value.problems
    assert (problem.file, problem.row, problem.column) == ("data/raw/statements.csv", 6, "venue")


def test_forums_keep_the_rows_of_the_table():
    statements = datasets.load_statements()
    forum = venues.forums(statements)
    assert forum.index.equals(statements.index) and forum.notna().sum() == statements["venue"].notna().sum()
