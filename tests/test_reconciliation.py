"""The reconciliation rules, each proved on a small table made here: counts that cannot all hold are
found, counts that can are not, and the table is safe to open in a spreadsheet."""

import csv
import io

import pandas as pd

from belarus2020.counts import claims, reconciliation
from belarus2020.numbers import phrasing
from belarus2020.publish import derived

from figure_rows import MEASURES, figure, frame

MEASURES_HERE = pd.concat([MEASURES, pd.DataFrame([
    ("detained_pre_election", "person", "window"), ("detained_window", "person", "window"),
], columns=["measure", "unit", "period"])], ignore_index=True)


def bounds(df):
    """The loader's first and last possible day of each date (a month-only date is the whole month)."""
    for column in ("period_start", "period_end"):
        dates, precision = df[f"{column}_date"], df[f"{column}_precision"]
        month = precision == "month"
        df[f"{column}_first"] = dates.where(~month, dates - pd.offsets.MonthBegin(1))
        df[f"{column}_last"] = dates.where(~month, dates + pd.offsets.MonthEnd(0))
    return df


def rows(*figures):
    """Claims of the figures, as the reconciliation reads them."""
    df = bounds(frame(*figures))
    df["excerpt"], df["caveat"] = df["phrase"], ""
    return reconciliation.with_series(claims.distinct_claims(df, list(MEASURES_HERE["measure"])), MEASURES_HERE)


def found(*figures):
    return [(c.rule, [r["figure_id"] for r in c.rows], c.gap) for c in reconciliation.conflicts(rows(*figures))]


def floor(fid, counter, end, value, **kw):
    return figure(fid, "detained_cumulative", counter, kw.pop("start", "2020-08-09"), end, value + 1, None,
                  "lower_bound", value, baseline=kw.pop("baseline", "since_election"), **kw)


def exact(fid, counter, end, value, **kw):
    return figure(fid, kw.pop("measure", "detained_cumulative"), counter, kw.pop("start", "2020-08-09"), end,
                  value, value, baseline=kw.pop("baseline", "since_election"), **kw)


def test_an_exact_count_below_an_earlier_floor_of_another_counter_is_found_with_its_gap():
    assert found(floor("F1", "OHCHR", "2020-12-04", 27000), exact("F2", "Viasna", "2020-12-31", 25326)) == \
        [("below-earlier-count", ["F1", "F2"], 1675)]


def test_a_later_count_that_can_hold_is_not_a_conflict():
    assert found(floor("F1", "OHCHR", "2020-12-04", 27000), exact("F2", "Viasna", "2020-12-31", 27001)) == []
    # a floor set after the exact count says nothing against it
    assert found(exact("F1", "Viasna", "2020-12-01", 25326), floor("F2", "OHCHR", "2020-12-04", 27000)) == []


def test_dates_that_may_overlap_do_not_order_the_claims():
    # "Dec 2020" may be any day of December: not surely before or after 4 Dec
    assert found(floor("F1", "OHCHR", "2020-12", 27000), exact("F2", "Viasna", "2020-12-04", 25326)) == []


def test_other_baselines_and_units_are_not_compared():
    assert found(floor("F1", "Viasna", "2020-12-04", 30000, start="2020-05-06", baseline="since_campaign"),
                 exact("F2", "Viasna", "2020-12-31", 25326)) == []
    assert found(figure("F1", "detentions_cumulative", "Viasna", "2020-08-09", "2020-12-04", 30001, None,
                        "lower_bound", 30000, baseline="since_election"),
                 exact("F2", "OHCHR", "2020-12-31", 25326)) == []


def test_a_counter_whose_own_running_total_falls_is_its_own_rule():
    assert found(exact("F1", "Viasna", "2020-11-01", 20000), exact("F2", "Viasna", "2020-12-01", 19000)) == \
        [("total-fell", ["F1", "F2"], 1000)]


def test_a_window_from_election_day_is_a_value_of_the_since_election_total():
    window = figure("F1", "detained_window", "OHCHR", "2020-08-09", "2020-08-14", 13450, 13550, "approximate", 13500)
    later = exact("F2", "UN experts", "2020-09-01", 6700)
    assert found(window, later) == [("below-earlier-count", ["F1", "F2"], 6750)]
    elsewhere = figure("F1", "detained_window", "OHCHR", "2020-08-10", "2020-08-14", 13450, 13550, "approximate", 13500)
    assert found(elsewhere, later) == []


def test_since_may_minus_since_election_against_the_pre_election_count():
    since_may = floor("F1", "Viasna", "2020-12-31", 33000, start="2020-05-06", baseline="since_campaign")
    since_election = exact("F2", "Viasna", "2020-12-31", 25326)
    about = figure("F3", "detained_pre_election", "Viasna", "", "2020-08-08", 1650, 1750, "approximate", 1700,
                   baseline="since_campaign")
    at_least = figure("F4", "detained_pre_election", "Viasna", "2020-05-06", "2020-08-08", 1578, None,
                      "lower_bound", 1578, baseline="since_campaign")
    assert found(since_may, since_election, about, at_least) == [("pre-election-remainder", ["F1", "F2", "F3"], 5925)]
    other_counter = exact("F2", "OHCHR", "2020-12-31", 25326)
    assert found(since_may, other_counter, about) == []


def test_the_remainder_is_bounded_only_in_the_directions_the_dates_allow():
    r = rows(exact("F1", "Viasna", "2020-11-30", 30000, start="2020-05-06", baseline="since_campaign"),
             exact("F2", "Viasna", "2020-12-31", 25326), exact("F3", "Viasna", "2020-11-15", 25000)).set_index("figure_id")
    may, later, earlier = (r.loc[i].to_dict() for i in ("F1", "F2", "F3"))
    assert reconciliation.remainder(may, later) == (4674, None)  # the since-election total can only have grown since
    assert reconciliation.remainder(may, earlier) == (0, 5000)  # and it was at least this much already


def test_a_part_above_its_whole_is_found():
    people = exact("F1", "Viasna", "2020-12-31", 27000)
    detentions = figure("F2", "detentions_cumulative", "Viasna", "2020-08-09", "2020-12-31", 26577, 26577,
                        baseline="since_election")
    assert found(people, detentions) == [("part-above-whole", ["F1", "F2"], 423)]
    assert found(exact("F1", "Viasna", "2020-12-31", 25326), detentions) == []


def test_two_counts_of_one_period_that_do_not_overlap():
    a = figure("F1", "political_prisoners", "Viasna", "", "2020-12-31", 481, 481, baseline="stock")
    b = figure("F2", "political_prisoners", "Viasna", "", "2020-12-31", 486, 486, baseline="stock")
    c = figure("F3", "political_prisoners", "Viasna", "", "2020-12-30", 400, 400, baseline="stock")
    assert found(a, b, c) == [("same-period-disagree", ["F1", "F2"], 5)]


def test_copies_and_weak_rows_are_not_claims_of_their_own():
    floor_row = floor("F1", "OHCHR", "2020-12-04", 27000)
    assert found(floor_row, exact("F2", "Viasna", "2020-12-31", 25326, reliability="weak")) == []
    copy = exact("F3", "OHCHR", "2020-12-31", 27001, copy_of="F1")
    assert found(floor_row, copy) == []


def test_the_explanation_is_read_from_the_rows_words():
    r = rows(floor("F1", "German Government", "2020-12-02", 30000, counter_type="government"),
             exact("F2", "Viasna", "2020-12-31", 25326))
    r.loc[0, "phrase"], r.loc[0, "excerpt"] = "over 30,000 arrests", "there have been over 30,000 arrests"
    r.loc[1, "caveat"] = "Viasna calls its data incomplete"
    text = reconciliation.explain(r.to_dict("records"))
    assert "F1 counts arrests" in text and "F1 is a round figure in a government's statement" in text
    assert "F2 counts only the cases known to Viasna, which calls its data incomplete" in text
    r.loc[0, "phrase"], r.loc[0, "excerpt"] = "over 30,000", "over 30,000 people were arrested"
    r.loc[0, "counter_type"], r.loc[1, "caveat"] = "ngo", ""
    assert reconciliation.explain(r.to_dict("records")) == reconciliation.NOTHING_FOUND


def test_a_computed_bound_is_no_more_precise_than_its_inputs():
    inputs = [{"kind": "lower_bound", "value": 30000, "low": 30001}, {"kind": "exact", "value": 25326, "low": 25326}]
    assert phrasing.estimate(reconciliation.at_least(4675, inputs)) == "more than 4,000"
    assert phrasing.estimate(reconciliation.at_least(4674, inputs[1:])) == "at least 4,674"
    assert phrasing.estimate(reconciliation.at_least(50, [{"kind": "approximate", "value": 900, "low": 850}])) == "at least 50"


def test_the_table_is_stable_and_safe_to_open_in_a_spreadsheet():
    named = floor("F1", "=HYPERLINK(1)", "2020-12-04", 27000)
    text = derived.reconciliation_csv(reconciliation.conflicts(rows(named, exact("F2", "-Viasna", "2020-12-31", 25326))))
    assert text == derived.reconciliation_csv(reconciliation.conflicts(rows(named, exact("F2", "-Viasna", "2020-12-31", 25326))))
    table = list(csv.reader(io.StringIO(text)))
    assert table[0] == reconciliation.COLUMNS and len(table) == 2
    assert all(cell[:1] not in "=+-@" for row in table for cell in row)
    assert table[1][reconciliation.COLUMNS.index("counters")] == "'=HYPERLINK(1);-Viasna"
