"""Periods in words, the days they can cover, and which counts came long after their period."""

import pandas as pd
import pytest

from belarus2020.counts import periods

from figure_rows import figure, frame


def row(start, end, baseline="window"):
    return pd.Series(figure("F1", "detained_window", "OHCHR", start, end, 1, 1, baseline=baseline))


@pytest.mark.parametrize("start, end, baseline, words", [
    ("2020-08-09", "2020-08-14", "window", "9–14 Aug 2020"),
    ("2020-08-09", "2020-12-31", "since_election", "9 Aug–31 Dec 2020"),
    ("2020-04-01", "2021-03-31", "window", "Apr 2020–Mar 2021"),
    ("2020-04-02", "2021-03-31", "window", "2 Apr 2020–31 Mar 2021"),
    ("2021-03-01", "2021-03-31", "window", "Mar 2021"),
    ("2021-01-01", "2021-12-31", "window", "Jan–Dec 2021"),
    ("2020-08", "2020-09", "window", "Aug–Sep 2020"),
    ("2020-08", "2020-12-04", "since_election", "Aug–4 Dec 2020"),
    ("2020-10-04", "2020-10-04", "window", "4 Oct 2020"),
    ("", "2020-12-31", "stock", "on 31 Dec 2020"),
    ("", "2020-11-05", "since_campaign", "to 5 Nov 2020"),
    ("", "2021-07", "stock", "to Jul 2021"),
    ("2020-08-09", "", "window", "from 9 Aug 2020, end not stated"),
    ("", "", "window", "period not stated"),
])
def test_label_says_the_period_as_precisely_as_the_source(start, end, baseline, words):
    assert periods.label(row(start, end, baseline)) == words


def test_label_reads_precision_off_the_date_when_a_claim_table_lacks_the_column():
    claim = row("2020-08", "2020-12-04").drop(["period_start_precision", "period_end_precision"])
    assert periods.label(claim) == "Aug–4 Dec 2020"


def test_a_month_only_date_covers_its_whole_month():
    assert periods.bounds(row("2020-08", "2020-09")) == (pd.Timestamp("2020-08-01"), pd.Timestamp("2020-09-30"))
    first, last = periods.bounds(row("", "2021-02"))
    assert pd.isna(first) and last == pd.Timestamp("2021-02-28")


def sources(*rows):
    df = pd.DataFrame(rows, columns=["source_id", "published"])
    days = [pd.Timestamp(p if len(p) == 10 else f"{p}-15") if p else pd.NaT for p in df["published"]]
    df["published_date"] = pd.to_datetime(days)
    df["published_precision"] = ["day" if len(p) == 10 else "month" if p else "unknown" for p in df["published"]]
    return df


def test_retrospective_means_published_more_than_180_days_after_the_period_ended():
    figures = frame(
        figure("F1", "detained_window", "OHCHR", "2020-08-09", "2020-08-14", 1, 1, source="LATE"),
        figure("F2", "detained_window", "OHCHR", "2020-08-09", "2020-08-14", 1, 1, source="EDGE"),
        figure("F3", "detained_window", "OHCHR", "2020-08-09", "2020-08-14", 1, 1, source="UNDATED"),
    )
    known = sources(("LATE", "2022-03-17"), ("EDGE", "2021-02-10"), ("UNDATED", ""))
    assert list(periods.publication_lag(figures, known).astype("object").fillna(-1)) == [580, 180, -1]
    flags = periods.retrospective(figures, known)
    assert bool(flags.iloc[0]) is True
    assert bool(flags.iloc[1]) is False
    assert pd.isna(flags.iloc[2])


def test_month_only_dates_make_a_count_retrospective_only_when_it_certainly_is():
    # published "2021-02": earliest 1 Feb 2021, 171 days after 14 Aug 2020, though its 15th is 185 days
    figures = frame(figure("F1", "detained_window", "OHCHR", "2020-08-09", "2020-08-14", 1, 1, source="S"))
    assert bool(periods.retrospective(figures, sources(("S", "2021-02"))).iloc[0]) is False
    # a period ending "2020-08" can run to 31 Aug: published 1 Mar 2021 is 182 days later
    figures = frame(figure("F1", "detained_window", "OHCHR", "2020-08", "2020-08", 1, 1, source="S"))
    assert bool(periods.retrospective(figures, sources(("S", "2021-03-01"))).iloc[0]) is True


def test_a_claim_with_several_sources_dates_from_its_first_publication():
    claims = pd.DataFrame({"source_ids": ["A;B", "B"]})
    first = periods.first_published(claims, sources(("A", "2020-09-01"), ("B", "2021-06")))
    assert list(first) == [pd.Timestamp("2020-09-01"), pd.Timestamp("2021-06-01")]


def test_the_latest_retrospective_count_is_set_beside_the_ministrys_total_by_its_period_end():
    figures = frame(
        figure("F1", "detained_window", "OHCHR", "2020-08-09", "2020-08-14", 13000, 14000, "approximate",
               value=13500, source="LATE"),
        figure("F2", "detained_cumulative", "Interior Ministry", "2020-08-09", "2020-08-13", 6700, 6700,
               baseline="since_election", counter_type="belarus_authorities", source="SOON"),
        figure("F3", "detained_cumulative", "Interior Ministry", "2020-08-09", "2020-09-30", 9000, 9000,
               baseline="since_election", counter_type="belarus_authorities", source="SOON"),  # after the window
        figure("F4", "detained_cumulative", "Viasna", "2020-05-06", "2020-10-31", 16001, None, "lower_bound",
               value=16000, baseline="since_campaign", source="SOON"),  # another baseline: not a count of these
    )
    known = sources(("LATE", "2022-03-17"), ("SOON", "2020-08-14"))
    people = periods.people_detained(figures, known)
    assert sorted(people["figure_id"]) == ["F1", "F2", "F3"]
    estimate, own = periods.latest_retrospective(people)
    assert (estimate["figure_id"], own["figure_id"]) == ("F1", "F2")
    assert periods.latest_retrospective(people[people["figure_id"] != "F1"]) is None
