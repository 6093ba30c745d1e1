"""From reported figures to distinct claims: one row per number a counter put out.

The same number often reaches us through several copies (a UN statement reported by EFE,
Sputnik and a Russian translation). Counting those as separate data points would overweight
whoever is most syndicated, so charts and comparisons use claims: figures grouped by who
counted, what, since when, as of when and with which interval, keeping every figure id.
Rows marked weak are left out of claims; `weak_figures` lists them so notebooks can say so.
"""

from __future__ import annotations

import pandas as pd

from . import prose
from .estimates import Estimate

CLAIM_KEYS = ["counted_by", "counter_type", "measure", "baseline", "period_end", "low", "high", "kind"]


def weak_figures(figures: pd.DataFrame) -> pd.DataFrame:
    """The figures we do not stand behind, with their caveats."""
    return figures[figures["reliability"] == "weak"]


def distinct_claims(figures: pd.DataFrame, measures: list[str] | str) -> pd.DataFrame:
    """One row per distinct claim of the given measure(s) among reliable figures, sorted by date."""
    measures = [measures] if isinstance(measures, str) else measures
    rows = figures[figures["measure"].isin(measures) & (figures["reliability"] == "ok")]
    grouped = rows.groupby(CLAIM_KEYS, dropna=False, sort=False)
    claims = grouped.agg(
        value=("value", "first"),
        phrase=("phrase", "first"),
        period_start=("period_start", "first"),
        period_start_date=("period_start_date", "first"),
        period_end_date=("period_end_date", "first"),
        period_end_precision=("period_end_precision", "first"),
        figure_ids=("figure_id", ";".join),
        source_ids=("source_id", lambda s: ";".join(sorted(set(s)))),
        copies=("figure_id", "size"),
    ).reset_index()
    return claims.sort_values(["period_end_date", "counted_by", "low"], ignore_index=True)


def latest_by_counter(claims: pd.DataFrame, on: pd.Timestamp) -> pd.DataFrame:
    """Each counter's most recent claim per baseline dated on or before `on` (the largest, if several)."""
    known = claims[claims["period_end_date"].notna() & (claims["period_end_date"] <= on)]
    ordered = known.sort_values(["counted_by", "baseline", "period_end_date", "low"])
    return ordered.groupby(["counted_by", "baseline"]).tail(1).sort_values("low", ignore_index=True)


def publishers(frame: pd.DataFrame, sources: pd.DataFrame) -> list[str]:
    """The publishers behind the rows of `frame` (its `source_id` or `source_ids`), for a source line."""
    columns = [c for c in ("source_id", "source_ids") if c in frame]
    ids = {i for c in columns for value in frame[c].dropna() for i in str(value).split(";")}
    return sorted(sources.set_index("source_id").loc[sorted(ids), "publisher"].unique())


def estimate_of(row) -> Estimate:
    """A figure's or claim's interval as an Estimate (pandas NA becomes None)."""
    def whole(x):
        return None if pd.isna(x) else int(x)
    return Estimate(int(row["low"]), whole(row["high"]), row["kind"], whole(row["value"]))


def describe(row, who: bool = True, when: bool = True) -> str:
    """'more than 27,000 (OHCHR, 4 Dec 2020)': the number with its hedge, its counter and date."""
    words = prose.estimate(estimate_of(row))
    details = []
    if who:
        details.append(row["counted_by"])
    if when and pd.notna(row["period_end_date"]):
        details.append(prose.day(row["period_end_date"], row["period_end_precision"]))
    return f"{words} ({', '.join(details)})" if details else words


def interval_of(row) -> tuple[int, int | None]:
    """A figure's or claim's (low, high), high None when unbounded, for belarus2020.intervals."""
    return int(row["low"]), None if pd.isna(row["high"]) else int(row["high"])
