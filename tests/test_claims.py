"""Distinct claims: copies of one number count once, weak rows stay out, the latest per counter."""

import pandas as pd

from belarus2020 import claims

COLUMNS = ["figure_id", "source_id", "measure", "counted_by", "counter_type", "baseline", "period_start",
           "period_start_date", "period_end", "period_end_date", "period_end_precision", "phrase",
           "low", "high", "kind", "value", "reliability"]


def figure(fid, source, counter, end, low, high, kind, value, baseline="since_election", reliability="ok"):
    return (fid, source, "detained_cumulative", counter, "un", baseline, "2020-08-09", pd.Timestamp("2020-08-09"),
            end, pd.Timestamp(end), "day", f"phrase {fid}", low, high, kind, value, reliability)


FIGURES = pd.DataFrame([
    figure("F1", "S1", "OHCHR", "2020-12-04", 27001, None, "lower_bound", 27000),
    figure("F2", "S2", "OHCHR", "2020-12-04", 27001, None, "lower_bound", 27000),  # a copy of F1
    figure("F3", "S3", "OHCHR", "2020-11-15", 25001, None, "lower_bound", 25000),
    figure("F4", "S4", "Viasna", "2020-10-31", 16001, None, "lower_bound", 16000, baseline="since_campaign"),
    figure("F5", "S5", "Viasna", "2020-09-21", 12001, None, "lower_bound", 12000),
    figure("F6", "S6", "UN Special Rapporteur", "2020-09-30", 20000, 20000, "exact", 20000, reliability="weak"),
], columns=COLUMNS).astype({"low": "Int64", "high": "Int64", "value": "Int64"})


def test_copies_of_one_number_become_one_claim_and_weak_rows_stay_out():
    result = claims.distinct_claims(FIGURES, "detained_cumulative")
    assert len(result) == 4
    copied = result[result["figure_ids"] == "F1;F2"].iloc[0]
    assert copied["copies"] == 2 and copied["source_ids"] == "S1;S2"
    assert "F6" not in ";".join(result["figure_ids"])
    assert list(result["period_end"]) == sorted(result["period_end"])


def test_latest_claim_per_counter_and_baseline_on_a_date():
    result = claims.distinct_claims(FIGURES, "detained_cumulative")
    latest = claims.latest_by_counter(result, pd.Timestamp("2020-11-05"))
    assert sorted(zip(latest["counted_by"], latest["baseline"], latest["low"])) == [
        ("Viasna", "since_campaign", 16001), ("Viasna", "since_election", 12001)]


def test_describe_keeps_the_hedge_and_names_counter_and_date():
    row = claims.distinct_claims(FIGURES, "detained_cumulative").iloc[-1]
    assert claims.describe(row) == "more than 27,000 (OHCHR, 4 Dec 2020)"
    assert claims.describe(row, who=False, when=False) == "more than 27,000"
    assert claims.interval_of(row) == (27001, None)


def test_publishers_from_figures_and_claims_alike():
    sources = pd.DataFrame({"source_id": ["S1", "S2", "S5"], "publisher": ["AFP", "EFE", "AFP"]})
    mixed = pd.concat([FIGURES[FIGURES["source_id"] == "S5"][["source_id"]],
                       pd.DataFrame({"source_ids": ["S1;S2"]})])
    assert claims.publishers(mixed, sources) == ["AFP", "EFE"]
