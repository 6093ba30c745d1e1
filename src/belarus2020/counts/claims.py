"""From reported rows to claims: one row per number a counter put out, one per utterance.

The same number often reaches us through several copies (a UN statement reported by EFE,
Sputnik and a Russian translation). The data link each copy to the row that stands for the
claim (`copy_of`), so charts, sums and sentences count claims, never copies: counting copies
would overweight whoever is most syndicated. Each claim keeps the ids and sources of all its
copies, the record of how the number travelled. The same holds for quoted statements.
Claims whose own row is marked weak are left out; `weak_figures` lists them so notebooks can
say so.
"""

from __future__ import annotations

import pandas as pd

from belarus2020.numbers import phrasing
from belarus2020.numbers.estimates import Estimate


def weak_figures(figures: pd.DataFrame) -> pd.DataFrame:
    """The claims we do not stand behind, with their caveats (copies are not counted again)."""
    return figures[(figures["reliability"] == "weak") & figures["copy_of"].isna()]


def _with_copies(rows: pd.DataFrame, id_column: str) -> pd.DataFrame:
    """Each claim row (empty `copy_of`), with `<id>s`, `source_ids` and `copies` over it and its copies."""
    members: dict[str, list[int]] = {}  # each claim's row positions, grouped in plain Python: a pandas
    for position, claim in enumerate(rows["copy_of"].fillna(rows[id_column])):  # groupby cost more than the rows
        members.setdefault(claim, []).append(position)
    claims = rows[rows["copy_of"].isna()].copy()

    def joined(column: str) -> list[str]:
        values = rows[column].tolist()
        return [";".join(sorted({values[i] for i in members[claim]})) for claim in claims[id_column]]

    claims[f"{id_column}s"] = joined(id_column)
    if "source_id" in rows:
        claims["source_ids"] = joined("source_id")
    claims["copies"] = claims[f"{id_column}s"].str.count(";") + 1
    return claims


def distinct_claims(figures: pd.DataFrame, measures: list[str] | str, include_weak: bool = False) -> pd.DataFrame:
    """One row per claim of the given measure(s) whose own row is reliable (or any, with
    include_weak), sorted by date. `figure_ids` lists the claim and all its copies; `copies` counts them.
    """
    measures = [measures] if isinstance(measures, str) else measures
    rows = figures[figures["measure"].isin(measures)]
    claims = _with_copies(rows, "figure_id")
    if not include_weak:
        claims = claims[claims["reliability"] == "ok"]
    return claims.sort_values(["period_end_date", "counted_by", "low", "figure_id"], ignore_index=True)


def utterances(statements: pd.DataFrame) -> pd.DataFrame:
    """One row per utterance: statements that are not copies of another row, in id order.

    `statement_ids` lists the utterance and all its copies (other outlets, translations).
    """
    return _with_copies(statements, "statement_id").sort_values("statement_id", ignore_index=True)


def latest_by_counter(claims: pd.DataFrame, on: pd.Timestamp) -> pd.DataFrame:
    """Each counter's most recent claim per baseline dated on or before `on` (the largest, if several)."""
    known = claims[claims["period_end_last"].notna() & (claims["period_end_last"] <= on)]  # surely by then
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
    words = phrasing.estimate(estimate_of(row))
    details = []
    if who:
        details.append(row["counted_by"])
    if when and pd.notna(row["period_end_date"]):
        details.append(phrasing.day(row["period_end_date"], row["period_end_precision"]))
    return f"{words} ({', '.join(details)})" if details else words


def interval_of(row) -> tuple[int, int | None]:
    """A figure's or claim's (low, high), high None when unbounded, for belarus2020.numbers.intervals."""
    return int(row["low"]), None if pd.isna(row["high"]) else int(row["high"])
