"""Ledger numbers: each prints as the prose needs it and lists every row beneath it; shares come
with their n, and a group too small for a share gets its count only."""

import pandas as pd
import pytest

from belarus2020.writing import ledger

CLAIMS = pd.DataFrame({
    "figure_ids": ["F1;F2", "F3", "F4", "F5", "F6", "F7"],
    "counted_by": ["OHCHR", "Viasna", "Viasna", "UN", "media", "ARTICLE 19"],
    "kind": ["lower_bound", "lower_bound", "exact", "lower_bound", "approximate", "lower_bound"],
    "low": pd.array([27001, 12001, 16000, 10001, 6500, 35001], dtype="Int64"),
    "high": pd.array([None, None, 16000, None, 7500, None], dtype="Int64"),
    "value": pd.array([27000, 12000, 16000, 10000, 7000, 35000], dtype="Int64"),
    "period_end_date": pd.to_datetime(["2020-12-04", "2020-09-21", "2020-11-30", "2020-09-18", "2020-08-13", "2021-07-19"]),
    "period_end_precision": ["day"] * 6,
})
STATEMENTS = pd.DataFrame({"statement_id": ["S1", "S2", "S3"], "actor_type": ["russia", "russia", "ngo"],
                           "source_id": ["SRC1", "SRC2", "SRC3"]})


def test_a_claim_prints_with_its_hedge_counter_and_date_and_lists_all_its_copies():
    number = ledger.claim(CLAIMS.iloc[0])
    assert number.text == "more than 27,000 (OHCHR, 4 Dec 2020)"
    assert number.ids_of("figures") == ["F1", "F2"]
    assert ledger.estimate(CLAIMS.iloc[0]).text == "more than 27,000"


def test_a_count_lists_every_row_counted():
    number = ledger.count(CLAIMS)
    assert number.text == "6" and number.operation == "count"
    assert number.ids_of("figures") == ["F1", "F2", "F3", "F4", "F5", "F6", "F7"]
    assert ledger.count(STATEMENTS).ids_of("statements") == ["S1", "S2", "S3"]


def test_a_share_gives_its_n_and_lists_the_whole():
    floors = CLAIMS[CLAIMS["kind"] == "lower_bound"]
    number = ledger.share(floors, CLAIMS)
    assert number.text == "67% (4 of 6)" and number.operation == "share"
    assert number.ids_of("figures") == ledger.count(CLAIMS).ids_of("figures")


def test_a_group_smaller_than_five_gets_its_count_not_a_percentage():
    russia = STATEMENTS[STATEMENTS["actor_type"] == "russia"]
    number = ledger.share(russia.iloc[:1], russia)
    assert number.text == "1 of 2" and number.operation == "count"
    assert "%" not in number.text


def test_a_share_refuses_a_part_from_outside_its_whole():
    with pytest.raises(ValueError, match="drawn from its whole"):
        ledger.share(CLAIMS.iloc[:2], CLAIMS.iloc[2:])


def test_a_sum_of_floors_and_an_interval_list_every_row():
    total = ledger.total(CLAIMS.iloc[:2])
    assert total.text == "39,002" and total.ids_of("figures") == ["F1", "F2", "F3"]
    summed = ledger.interval((11451, None), CLAIMS.iloc[0], CLAIMS.iloc[1], operation="sum")
    assert summed.text == "at least 11,451" and summed.value == "[11451, ]"


def test_a_quotation_must_stand_verbatim_in_an_excerpt():
    row = pd.Series({"figure_id": "F9", "excerpt": 'The report says "some 1,500 persons were arrested"'})
    assert ledger.quote("some 1,500 persons", row).ids == (("figures", "F9"),)
    with pytest.raises(ValueError, match="verbatim"):
        ledger.quote("some 1,600 persons", row)


def test_a_name_with_digits_becomes_a_ledger_entry_and_other_names_stay_words():
    assert ledger.name("Viasna", CLAIMS.iloc[1]) == "Viasna"
    article = ledger.name("ARTICLE 19", CLAIMS.iloc[5])
    assert isinstance(article, ledger.Number) and article.ids_of("figures") == ["F7"]


def test_rows_without_an_id_are_refused():
    with pytest.raises(ValueError, match="no id"):
        ledger.count(pd.DataFrame({"x": [1]}))


def test_a_claim_from_the_funnel_lists_its_copies_from_copy_ids():
    row = pd.Series({"figure_id": "F9", "copy_ids": "F10;F11", "counted_by": "Viasna", "kind": "exact",
                     "low": 5, "high": 5, "value": 5, "period_end_date": pd.Timestamp("2020-10-04"),
                     "period_end_precision": "day"})
    assert ledger.estimate(row).ids_of("figures") == ["F10", "F11", "F9"]
    assert ledger.estimate(row.drop("copy_ids")).ids_of("figures") == ["F9"]


def test_a_ratio_of_two_claims_is_read_as_intervals_and_refuses_an_open_one():
    about = pd.Series({"figure_id": "F1", "low": 13000, "high": 14000})
    exact = pd.Series({"figure_id": "F2", "low": 6700, "high": 6700})
    number = ledger.ratio(about, exact)
    assert number.text == "1.9 to 2.1" and number.operation == "ratio" and number.ids_of("figures") == ["F1", "F2"]
    with pytest.raises(ValueError, match="bounded"):
        ledger.ratio(about.replace(14000, None), exact)


def test_a_fraction_of_people_gives_both_numbers_and_only_the_count_below_five():
    number = ledger.fraction(544, 774, CLAIMS.iloc[:2], operation="maximum")
    assert number.text == "70% (544 of 774)" and number.value == "544/774"
    assert number.ids_of("figures") == ["F1", "F2", "F3"]
    assert ledger.fraction(3, 4, CLAIMS.iloc[0], operation="minimum").text == "3 of 4"


def test_a_night_and_a_posting_time_print_as_dates_from_their_rows():
    night = ledger.night("2020-08-09", "2020-08-10", CLAIMS.iloc[1])
    assert night.text == "9-10 Aug 2020" and night.operation == "date" and night.ids_of("figures") == ["F3"]
    assert ledger.night("2020-08-31", "2020-09-01", CLAIMS.iloc[1]).text == "31 Aug-1 Sep 2020"
    posted = ledger.date(pd.Timestamp("2020-08-10 09:58:26"), CLAIMS.iloc[1], style="time")
    assert posted.text == "09:58 on 10 Aug 2020"


def test_a_quotient_prints_two_decimals_and_keeps_its_exact_fraction():
    number = ledger.quotient(4, 6, STATEMENTS, operation="F1", how="a test")
    assert (number.text, number.value, number.operation) == ("0.67", "4/6", "F1")
    assert number.ids_of("statements") == ["S1", "S2", "S3"]


def test_a_wilson_interval_lists_the_whole_and_is_refused_for_a_small_group():
    whole = pd.DataFrame({"statement_id": [f"S{i}" for i in range(1, 14)]})
    number = ledger.wilson(whole.iloc[:8], whole)
    assert number.text == "36% to 82%" and number.operation == "interval"
    assert len(number.ids_of("statements")) == 13
    with pytest.raises(ValueError, match="too small"):
        ledger.wilson(STATEMENTS.iloc[:1], STATEMENTS)
    with pytest.raises(ValueError, match="drawn from its whole"):
        ledger.wilson(pd.DataFrame({"statement_id": ["S99"]}), whole)


def test_a_setting_lists_the_rows_it_is_applied_to():
    number = ledger.setting("0.8", STATEMENTS, how="a threshold")
    assert (number.text, number.operation) == ("0.8", "setting")
    assert number.ids_of("statements") == ["S1", "S2", "S3"]
