"""The funnel: one claim per step by a stated rule, and arithmetic only where one counter
counted one period."""

import pandas as pd
import pytest

from belarus2020.counts import funnel

from figure_rows import MEASURES, figure, frame

FIGURES = frame(
    figure("F1", "detentions_cumulative", "Viasna", "2020-08-09", "2020-12-31", 26577, None, "lower_bound",
           baseline="since_election"),
    figure("F2", "detained_cumulative", "Viasna", "2020-08-09", "2020-12-31", 25326, 25326, baseline="since_election"),
    figure("F3", "detained_cumulative", "Viasna", "2020-05-06", "2020-12-31", 33001, None, "lower_bound",
           value=33000, baseline="since_campaign"),  # runs 95 days before the window
    figure("F4", "detained_cumulative", "Viasna", "2020-08-09", "2020-12-31", 25326, 25326,
           baseline="since_election", copy_of="F2", source="S2"),
    figure("F5", "custody_daily", "Interior Ministry", "2020-10-04", "2020-10-04", 258, 258,
           counter_type="belarus_authorities"),
    figure("F6", "custody_daily", "Interior Ministry", "2021-03-27", "2021-03-27", 90, 90,
           counter_type="belarus_authorities"),  # after the window
    figure("F7", "custody_daily", "Interior Ministry", "2020-09-13", "2020-09-13", 544, 544,
           counter_type="belarus_authorities"),
    figure("F8", "political_prisoners", "Viasna", "", "2020-12-31", 169, 169, baseline="stock"),
    figure("F9", "political_prisoners", "Viasna", "", "2021-01-31", 220, 220, baseline="stock"),
    figure("F10", "political_prisoners", "Viasna", "", "2020-11-30", 300, 300, baseline="stock",
           reliability="weak"),
    figure("F11", "detained_cumulative", "OSCE rapporteur", "2020-08-09", "2020-11-05", 10001, None,
           "lower_bound", value=10000, baseline="since_election", reliability="weak", counter_type="osce"),
)


def test_claims_leave_out_copies_and_weak_rows_and_name_the_copies():
    result = funnel.claims(FIGURES).set_index("figure_id")
    assert "F4" not in result.index and "F10" not in result.index
    assert result.loc["F2", "copy_ids"] == "F4" and result.loc["F1", "copy_ids"] == ""


def test_a_running_count_is_taken_where_it_covers_the_window_best():
    step = funnel.Step("people detained", "detained_cumulative", "Viasna")
    assert funnel.pick(funnel.claims(FIGURES), step, "cumulative")["figure_id"] == "F2"


def test_a_count_on_a_day_or_a_stock_is_taken_on_the_latest_day_in_the_window():
    claims = funnel.claims(FIGURES)
    custody = funnel.pick(claims, funnel.Step("custody", "custody_daily", "Interior Ministry"), "day")
    prisoners = funnel.pick(claims, funnel.Step("prisoners", "political_prisoners", "Viasna"), "moment")
    assert (custody["figure_id"], prisoners["figure_id"]) == ("F5", "F8")


def test_the_choice_does_not_depend_on_row_order():
    step = funnel.Step("custody", "custody_daily")
    twin = frame(figure("F12", "custody_daily", "Interior Ministry", "2020-10-04", "2020-10-04", 300, 300))
    rows = funnel.claims(pd.concat([FIGURES, twin], ignore_index=True))
    first = funnel.pick(rows, step, "day")["figure_id"]
    assert first == "F12"  # same day as F5, larger number
    assert funnel.pick(rows.iloc[::-1], step, "day")["figure_id"] == first


def test_a_step_that_no_counter_counted_says_so():
    steps = (funnel.Step("people detained", "detained_cumulative", "Viasna"),
             funnel.Step("criminal cases", "criminal_cases"))
    table = funnel.table(FIGURES, MEASURES, steps).set_index("step")
    assert table.loc["criminal cases", "estimate"] == "no count"
    assert table.loc["criminal cases", "unit"] == "case"


def test_the_osce_report_is_placed_beside_the_step_of_its_unit_and_marked():
    steps = (funnel.Step("detentions", "detentions_cumulative", "Viasna"),
             funnel.Step("people detained", "detained_cumulative", "Viasna"))
    table = funnel.table(FIGURES, MEASURES, steps)
    placed = table[table["role"] != "step"]
    assert list(placed["figure_id"]) == ["F11"]
    assert placed.iloc[0]["step"] == "people detained" and placed.iloc[0]["reliability"] == "weak"
    assert placed.iloc[0]["estimate"] == "more than 10,000" and placed.iloc[0]["period"] == "9 Aug–5 Nov 2020"


def rows(*ids):
    indexed = FIGURES.set_index("figure_id", drop=False)
    return [indexed.loc[i] for i in ids]


def test_differences_name_unit_counter_and_period():
    detentions, people, custody = rows("F1", "F2", "F5")
    assert funnel.differences(people, people, MEASURES) == []
    assert funnel.differences(detentions, people, MEASURES) == ["units differ (detention vs person)"]
    reasons = funnel.differences(people, custody, MEASURES)
    assert [r.split(" (")[0] for r in reasons] == ["units differ", "counters differ", "periods differ"]


def test_repeat_detentions_only_from_one_counter_and_period():
    detentions, people, other = rows("F1", "F2", "F3")
    assert funnel.repeat_detentions(detentions, people) == (1251, None)
    with pytest.raises(ValueError, match="one counter and one period"):
        funnel.repeat_detentions(detentions, other)


def test_a_share_needs_exact_counts_of_one_counter_on_one_day():
    detained = figure("F20", "detained_daily", "Interior Ministry", "2020-10-04", "2020-10-04", 317, 317)
    custody, other_day = rows("F5", "F7")
    assert funnel.share(custody, pd.Series(detained)) == pytest.approx(258 / 317)
    with pytest.raises(ValueError, match="one counter and one period"):
        funnel.share(other_day, pd.Series(detained))
    floor = dict(detained, kind="lower_bound", high=None)
    with pytest.raises(ValueError, match="exact"):
        funnel.share(custody, pd.Series(floor))


def test_parts_add_up_to_a_total_or_do_not():
    day = ("2020-10-04", "2020-10-06")
    convictions = pd.Series(figure("C", "administrative_convictions", "Viasna", *day, 188, 188))
    arrests = pd.Series(figure("A", "administrative_arrests", "Viasna", *day, 63, 63))
    fines = pd.Series(figure("B", "administrative_fines", "Viasna", *day, 125, 125))
    assert funnel.parts_add_up(convictions, [arrests, fines])
    assert not funnel.parts_add_up(convictions.copy().replace({188: 190}), [arrests, fines])
    some_fines = pd.Series(figure("B", "administrative_fines", "Viasna", *day, 101, None, "lower_bound", value=100))
    assert funnel.parts_add_up(convictions, [arrests, some_fines])
    assert not funnel.parts_add_up(convictions, [arrests, pd.Series(figure(
        "B", "administrative_fines", "Viasna", *day, 130, None, "lower_bound", value=129))])


def test_counts_from_a_day_are_its_claims_in_funnel_order():
    day = pd.Timestamp("2020-10-04")
    extra = frame(
        figure("F21", "administrative_arrests", "Viasna", "2020-10-04", "2020-10-06", 63, 63),
        figure("F24", "administrative_convictions", "Viasna", "2020-10-04", "2020-10-06", 188, 188),
        figure("F22", "detained_daily", "Interior Ministry", "2020-10-04", "2020-10-04", 317, 317),
        figure("F23", "detained_daily", "Interior Ministry", "2020-10-04", "2020-10-04", 317, 317, copy_of="F22"),
    )
    result = funnel.counts_from_day(pd.concat([FIGURES, extra], ignore_index=True), MEASURES, day)
    assert list(result["figure_id"]) == ["F22", "F5", "F24", "F21"]  # units in funnel order, largest first
    assert list(result["unit"]) == ["person", "person in custody", "court ruling", "court ruling"]
    assert result.iloc[0]["copy_ids"] == "F23"


def test_detentions_and_people_come_from_one_counter_over_one_period():
    detentions, people = funnel.detentions_and_people(funnel.claims(FIGURES))
    assert (detentions["figure_id"], people["figure_id"]) == ("F1", "F2")
    assert funnel.detentions_and_people(funnel.claims(FIGURES[FIGURES["figure_id"] != "F2"])) is None
