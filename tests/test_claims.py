"""Distinct claims: copies of one number count once, weak rows stay out, the latest per counter."""

import pandas as pd

from belarus2020.counts import claims

COLUMNS = ["figure_id", "source_id", "measure", "counted_by", "counter_type", "baseline", "period_start",
           "period_start_date", "period_end", "period_end_date", "period_end_last", "period_end_precision",
           "phrase", "low", "high", "kind", "value", "reliability", "copy_of"]


def figure(fid, source, counter, end, low, high, kind, value, baseline="since_election", reliability="ok",
           copy_of=None, last=None):
    return (fid, source, "detained_cumulative", counter, "un", baseline, "2020-08-09", pd.Timestamp("2020-08-09"),
            end, pd.Timestamp(end), pd.Timestamp(last or end), "day", f"phrase {fid}", low, high, kind, value,
            reliability, copy_of)


FIGURES = pd.DataFrame([
    figure("F1", "S1", "OHCHR", "2020-12-04", 27001, None, "lower_bound", 27000),
    figure("F2", "S2", "OHCHR", "2020-12-03", 27000, None, "lower_bound", 27000, copy_of="F1"),  # re-dated, re-hedged
    figure("F3", "S3", "OHCHR", "2020-11-15", 25001, None, "lower_bound", 25000),
    figure("F4", "S4", "Viasna", "2020-10-31", 16001, None, "lower_bound", 16000, baseline="since_campaign"),
    figure("F5", "S5", "Viasna", "2020-09-21", 12001, None, "lower_bound", 12000),
    figure("F6", "S6", "UN Special Rapporteur", "2020-09-30", 20000, 20000, "exact", 20000, reliability="weak"),
    figure("F7", "S7", "UN Special Rapporteur", "2020-10-30", 20000, None, "lower_bound", 20000, copy_of="F6"),
    figure("F8", "S8", "Viasna", "2020-11-15", 20001, None, "lower_bound", 20000, last="2020-11-30"),  # month only
], columns=COLUMNS).astype({"low": "Int64", "high": "Int64", "value": "Int64"})


def test_copies_count_once_even_when_their_words_and_dates_differ():
    result = claims.distinct_claims(FIGURES, "detained_cumulative")
    assert sorted(result["figure_id"]) == ["F1", "F3", "F4", "F5", "F8"]
    copied = result[result["figure_id"] == "F1"].iloc[0]
    assert copied["figure_ids"] == "F1;F2" and copied["copies"] == 2 and copied["source_ids"] == "S1;S2"
    assert list(result["period_end_date"]) == sorted(result["period_end_date"])


def test_a_weak_claim_stays_out_with_its_copies_and_is_listed_once():
    result = claims.distinct_claims(FIGURES, "detained_cumulative")
    assert not {"F6", "F7"} & set(";".join(result["figure_ids"]).split(";"))
    assert list(claims.weak_figures(FIGURES)["figure_id"]) == ["F6"]


def test_utterances_keep_the_ids_of_their_copies():
    statements = pd.DataFrame({"statement_id": ["S3", "S1", "S2"], "source_id": ["A", "B", "C"],
                               "copy_of": [None, None, "S1"]})
    result = claims.utterances(statements)
    assert list(result["statement_id"]) == ["S1", "S3"]
    assert list(result["statement_ids"]) == ["S1;S2", "S3"] and list(result["copies"]) == [2, 1]


def test_latest_claim_per_counter_and_baseline_on_a_date():
    result = claims.distinct_claims(FIGURES, "detained_cumulative")
    latest = claims.latest_by_counter(result, pd.Timestamp("2020-11-05"))
    assert sorted(zip(latest["counted_by"], latest["baseline"], latest["low"])) == [
        ("Viasna", "since_campaign", 16001), ("Viasna", "since_election", 12001)]


def test_a_month_only_count_is_not_taken_as_known_on_a_day_inside_its_month():
    result = claims.distinct_claims(FIGURES, "detained_cumulative")
    assert "F8" not in set(claims.latest_by_counter(result, pd.Timestamp("2020-11-20"))["figure_id"])
    assert "F8" in set(claims.latest_by_counter(result, pd.Timestamp("2020-11-30"))["figure_id"])


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


def _claim_roots():
    """Every figure and statement id mapped to the id of the claim it belongs to."""
    from belarus2020.data import datasets

    roots = {}
    for frame, column in ((datasets.load_figures(), "figure_id"), (datasets.load_statements(), "statement_id")):
        roots.update(zip(frame[column], frame["copy_of"].fillna(frame[column])))
    return roots


def test_no_chart_counts_two_copies_of_one_claim_as_two():
    import csv

    from belarus2020.data import paths

    roots = _claim_roots()
    id_columns = ("figure_id", "figure_ids", "statement_id", "statement_ids")
    for path in sorted((paths.ROOT / "figures").glob("*.csv")):
        if path.name == "index.csv":
            continue
        with open(path, newline="", encoding="utf-8") as f:
            rows = list(csv.DictReader(f))
        seen = {}
        for number, row in enumerate(rows, 2):
            ids = {i for c in id_columns if row.get(c) for i in row[c].split(";")}
            for root in {roots[i] for i in ids if i in roots}:
                assert root not in seen, f"{path.name}: rows {seen.get(root)} and {number} count claim {root} twice"
                seen[root] = number
            missing = {roots[i] for i in ids if i in roots} - ids
            assert not missing, f"{path.name}, row {number}: shows a copy without its claim {sorted(missing)}"
