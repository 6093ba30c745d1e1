"""Over what period a count runs, and how long after that period it was published.

A count for 9-14 Aug 2020 and a running total from 9 Aug to 31 Dec 2020 are different things,
even in the same unit; so every comparison shows each claim's period. And a number stated in
March 2022 about August 2020 is a retrospective estimate, made with hindsight and sources the
first counts did not have: charts mark it, so that it is not read as what was known at the time.

Dates keep their precision: a month-only date is the whole month. A claim is retrospective only
when it certainly is: when even its earliest possible publication day comes more than
RETROSPECTIVE_AFTER after the latest possible last day of its period.
"""

from __future__ import annotations

import pandas as pd


# Monthly reviews, annual reports and court tallies routinely come weeks after their period
# ends; half a year later a count is no longer news but a reconstruction.
RETROSPECTIVE_AFTER = pd.Timedelta(days=180)


def _month_bounds(when: pd.Timestamp, precision: str) -> tuple[pd.Timestamp, pd.Timestamp]:
    """The first and last day a date can mean: the day itself, or its whole month."""
    if precision == "month":
        first = when.replace(day=1)
        return first, first + pd.offsets.MonthEnd(0)
    return when, when


def first_published(rows: pd.DataFrame, sources: pd.DataFrame) -> pd.Series:
    """For each row (a figure with `source_id`, or a claim with `source_ids`), the earliest day
    any of its documents can have been published; NaT where no document shows a date."""
    dated = sources.set_index("source_id")
    earliest = {}
    for source_id, row in dated.iterrows():
        if pd.notna(row["published_date"]):
            earliest[source_id] = _month_bounds(row["published_date"], row["published_precision"])[0]
    column = "source_ids" if "source_ids" in rows else "source_id"
    days = [min((earliest[s] for s in str(value).split(";") if s in earliest), default=pd.NaT)
            for value in rows[column]]
    return pd.Series(pd.to_datetime(days), index=rows.index, name="first_published")


def _period_end_latest(rows: pd.DataFrame) -> pd.Series:
    return pd.Series(pd.to_datetime([bounds(row)[1] for _, row in rows.iterrows()]), index=rows.index)


def publication_lag(rows: pd.DataFrame, sources: pd.DataFrame) -> pd.Series:
    """Days from the latest possible end of each row's period to its earliest publication
    (NA where either date is unknown)."""
    lag = (first_published(rows, sources) - _period_end_latest(rows)).dt.days
    return lag.astype("Int64").rename("publication_lag_days")


def retrospective(rows: pd.DataFrame, sources: pd.DataFrame) -> pd.Series:
    """True where a row was published more than RETROSPECTIVE_AFTER after its period ended,
    False where it was not, NA where a date needed to tell is unknown."""
    return (publication_lag(rows, sources) > RETROSPECTIVE_AFTER.days).rename("retrospective")


def _precision(row, column: str) -> str:
    """A date column's precision: the loader's `<column>_precision`, or read off the date as written."""
    known = row.get(f"{column}_precision")
    if isinstance(known, str):
        return known
    written = row.get(column)
    return "month" if isinstance(written, str) and len(written) == 7 else "day"


def _part(when: pd.Timestamp, precision: str, year: bool) -> str:
    """One end of a period, as precise as the source was: '9 Aug', 'Aug', '9 Aug 2020', 'Aug 2020'."""
    text = f"{when:%b}" if precision == "month" else f"{when.day} {when:%b}"
    return f"{text} {when:%Y}" if year else text


def label(row) -> str:
    """A claim's period in words: '9–14 Aug 2020', '9 Aug–31 Dec 2020', 'Mar 2021', 'Jan–Dec 2021',
    '4 Oct 2020', 'on 31 Dec 2020' (a count held on a day), 'to 5 Nov 2020' (start not stated)."""
    start, end = row["period_start_date"], row["period_end_date"]
    start_precision, end_precision = _precision(row, "period_start"), _precision(row, "period_end")
    if pd.isna(end):
        return f"from {_part(start, start_precision, True)}, end not stated" if pd.notna(start) else "period not stated"
    if pd.isna(start):
        word = "on" if row.get("baseline") == "stock" and end_precision == "day" else "to"
        return f"{word} {_part(end, end_precision, True)}"
    first, last = bounds(row)
    if first == last:
        return _part(end, "day", True)
    if first.day == 1 and last == last + pd.offsets.MonthEnd(0):  # whole calendar months
        if (first.year, first.month) == (last.year, last.month):
            return f"{last:%b %Y}"
        return f"{first:%b}–{last:%b %Y}" if first.year == last.year else f"{first:%b %Y}–{last:%b %Y}"
    if start_precision == end_precision == "day" and (first.year, first.month) == (last.year, last.month):
        return f"{first.day}–{_part(end, 'day', True)}"
    return f"{_part(start, start_precision, first.year != last.year)}–{_part(end, end_precision, True)}"


def bounds(row) -> tuple[pd.Timestamp, pd.Timestamp]:
    """The first and last day a claim's period can cover (NaT where the source does not say)."""
    ends = []
    for column in ("period_start", "period_end"):
        when = row[f"{column}_date"]
        ends.append(_month_bounds(when, _precision(row, column)) if pd.notna(when) else (pd.NaT, pd.NaT))
    return ends[0][0], ends[1][1]


def people_detained(claims: pd.DataFrame, sources: pd.DataFrame) -> pd.DataFrame:
    """The dated claims of people detained, in a window or since election day, that can be set
    side by side on a time axis: each with its period label, publication lag and whether it is
    retrospective (`claims` from belarus2020.counts.funnel.claims or claims.distinct_claims)."""
    since_election = (claims["measure"] == "detained_cumulative") & (claims["baseline"] == "since_election")
    people = claims[(claims["measure"] == "detained_window") | since_election]
    people = people[people["period_end_date"].notna() & (people["kind"] != "vague")].copy()
    people["period"] = [label(row) for _, row in people.iterrows()]
    people["publication_lag_days"] = publication_lag(people, sources)
    people["retrospective"] = retrospective(people, sources)
    return people


def retrospective_claims(people: pd.DataFrame) -> pd.DataFrame:
    """The rows of `people_detained` that are retrospective, the latest published last."""
    return people[people["retrospective"].fillna(False).astype(bool)].sort_values(["publication_lag_days", "figure_id"])


def latest_retrospective(people: pd.DataFrame, counter: str = "Interior Ministry"):
    """The count published longest after its period, and `counter`'s own latest running total
    by that period's end, to set beside it: (estimate, contemporary), or None if either is missing."""
    late = retrospective_claims(people)
    if late.empty:
        return None
    estimate = late.iloc[-1]
    own = people[(people["counted_by"] == counter) & (people["measure"] == "detained_cumulative")
                 & (people["period_end_date"] <= estimate["period_end_date"])]
    if own.empty:
        return None
    return estimate, own.sort_values(["period_end_date", "low", "figure_id"]).iloc[-1]
