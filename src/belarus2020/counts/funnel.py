"""The crackdown counted in six units, from detentions to political prisoners.

A funnel drawn on one axis would say that each step is a subset of the one before, counted by
the same people over the same days. Nothing of the kind holds here: detentions, people detained,
people kept in custody, court rulings of arrest, criminal cases and political prisoners are
counted by different counters, over different periods, in different units. So each step keeps
its own counter, period and unit; `differences` says why two steps cannot be set against each
other; and the few sums and shares that are honest (same counter, same period) are computed
by functions that refuse anything else.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from belarus2020.counts import periods
from belarus2020.numbers import intervals, phrasing
from belarus2020.counts.claims import distinct_claims, estimate_of


@dataclass(frozen=True)
class Step:
    """One step of the funnel: what it counts and, where only one counter counts it, whose count."""

    name: str
    measure: str
    counted_by: str | None = None  # None: any counter


STEPS = (
    Step("detentions", "detentions_cumulative", "Viasna"),
    Step("people detained", "detained_cumulative", "Viasna"),
    Step("people kept in custody", "custody_daily", "Interior Ministry"),
    Step("arrest rulings", "administrative_arrests", "Viasna"),
    Step("criminal cases", "criminal_cases"),
    Step("political prisoners", "political_prisoners", "Viasna"),
)

# Election day to the end of 2020: the period of Viasna's summary, the one count of both
# detentions and people. Each step takes the claim that best covers it (see `pick`).
WINDOW = (pd.Timestamp("2020-08-09"), pd.Timestamp("2020-12-31"))

# A running total with no start date in its text starts where its baseline does; used only to
# rank claims for a step, never written back.
BASELINE_STARTS = {"since_election": pd.Timestamp("2020-08-09"), "since_campaign": pd.Timestamp("2020-05-06")}


def claims(figures: pd.DataFrame, include_weak: bool = False) -> pd.DataFrame:
    """One row per reliable claim (`belarus2020.counts.claims`), with `copy_ids`: the rows that copy it,
    so a chart's data keeps every id behind each number."""
    own = distinct_claims(figures, sorted(figures["measure"].dropna().unique()), include_weak)
    own["copy_ids"] = [";".join(i for i in ids.split(";") if i != fid)
                       for fid, ids in zip(own["figure_id"], own["figure_ids"])]
    return own.drop(columns=["figure_ids", "source_ids", "copies"])


def _coverage(row, window) -> tuple[int, int]:
    """Days of the window a claim's period covers, and days it runs outside the window."""
    first, last = periods.bounds(row)
    if pd.isna(first):
        first = BASELINE_STARTS.get(row["baseline"], pd.NaT)
    if pd.isna(first) or pd.isna(last):
        return 0, 0
    inside = (min(last, window[1]) - max(first, window[0])).days + 1
    span = (last - first).days + 1
    return max(inside, 0), span - max(inside, 0)


def pick(candidates: pd.DataFrame, step: Step, period: str, window=WINDOW) -> pd.Series | None:
    """The claim that stands for `step` over `window`, or None if there is none.

    A count held on a day, or made over one day (`period` 'moment' or 'day' in measures.csv),
    is taken on the latest day in the window. Any other count is taken where it covers most of
    the window and runs least outside it (days inside minus days outside). Ties go to the later
    end, then the larger number, then the lower figure id, so the choice never depends on row order.
    """
    rows = candidates[(candidates["measure"] == step.measure) & candidates["period_end_date"].notna()]
    if step.counted_by:
        rows = rows[rows["counted_by"] == step.counted_by]
    if period in ("moment", "day"):
        rows = rows[rows["period_end_date"].between(*window)]
        ranked = rows.assign(score=0)
    else:
        cover = [_coverage(row, window) for _, row in rows.iterrows()]
        ranked = rows.assign(score=[inside - outside for inside, outside in cover],
                             inside=[inside for inside, _ in cover])
        ranked = ranked[ranked["inside"] > 0]
    if ranked.empty:
        return None
    ranked = ranked.sort_values(["score", "period_end_date", "low", "figure_id"],
                                ascending=[False, False, False, True])
    return ranked.iloc[0]


def _describe(row, step_name: str, unit: str, role: str) -> dict:
    inside, outside = _coverage(row, WINDOW)
    return {
        "step": step_name, "role": role, "measure": row["measure"], "unit": unit,
        "counted_by": row["counted_by"], "counter_type": row["counter_type"],
        "period": periods.label(row), "estimate": phrasing.estimate(estimate_of(row)),
        "low": row["low"], "high": row["high"], "kind": row["kind"], "value": row["value"],
        "days_in_window": inside, "days_outside_window": outside,
        "reliability": row["reliability"], "figure_id": row["figure_id"],
        "copy_ids": row["copy_ids"], "source_id": row["source_id"],
        "period_start_date": row["period_start_date"], "period_end_date": row["period_end_date"],
    }


def table(figures: pd.DataFrame, measures: pd.DataFrame, steps=STEPS, window=WINDOW) -> pd.DataFrame:
    """One row per step (its claim, or 'no count' if none), then the OSCE report's people counts
    placed beside the step they share a unit with, marked by `role`."""
    vocabulary = measures.set_index("measure")
    reliable = claims(figures)
    rows = []
    for step in steps:
        unit, period = vocabulary.loc[step.measure, ["unit", "period"]]
        chosen = pick(reliable, step, period, window)
        if chosen is None:
            rows.append({"step": step.name, "role": "step", "measure": step.measure, "unit": unit,
                         "counted_by": step.counted_by or "", "estimate": "no count", "period": "",
                         "figure_id": "", "copy_ids": ""})
        else:
            rows.append(_describe(chosen, step.name, unit, "step"))
    own = claims(figures, include_weak=True)
    osce = own[(own["counter_type"] == "osce") & own["measure"].map(vocabulary["unit"]).eq("person")
               & own["measure"].str.startswith("detained")]
    for _, row in osce.sort_values("figure_id").iterrows():
        step = next((s.name for s in steps if vocabulary.loc[s.measure, "unit"] == "person"), "")
        rows.append(_describe(row, step, "person", "OSCE report, as quoted by AFP"))
    return pd.DataFrame(rows)


def differences(a, b, measures: pd.DataFrame) -> list[str]:
    """Why claim `b` cannot be read as a part or a multiple of claim `a` (empty if it can)."""
    units = measures.set_index("measure")["unit"]
    reasons = []
    if units[a["measure"]] != units[b["measure"]]:
        reasons.append(f"units differ ({units[a['measure']]} vs {units[b['measure']]})")
    if a["counted_by"] != b["counted_by"]:
        reasons.append(f"counters differ ({a['counted_by']} vs {b['counted_by']})")
    if periods.bounds(a) != periods.bounds(b):
        reasons.append(f"periods differ ({periods.label(a)} vs {periods.label(b)})")
    return reasons


def _same_count(a, b, what: str) -> None:
    if a["counted_by"] != b["counted_by"] or periods.bounds(a) != periods.bounds(b):
        raise ValueError(f"{what} needs one counter and one period: {a['figure_id']} is "
                         f"{a['counted_by']}, {periods.label(a)}; {b['figure_id']} is "
                         f"{b['counted_by']}, {periods.label(b)}")


def detentions_and_people(claims: pd.DataFrame):
    """One counter's count of detentions and of people detained over the same period (the latest
    such pair): (detentions, people), or None. Only such a pair shows how many were detained again."""
    people = claims[claims["measure"] == "detained_cumulative"]
    for _, detentions in claims[claims["measure"] == "detentions_cumulative"].sort_values(
            ["period_end_date", "figure_id"], ascending=[False, True]).iterrows():
        same = people[(people["counted_by"] == detentions["counted_by"])
                      & (people["period_start"] == detentions["period_start"])
                      & (people["period_end"] == detentions["period_end"])]
        if len(same):
            return detentions, same.sort_values("figure_id").iloc[0]
    return None


def repeat_detentions(detentions, people) -> intervals.Interval:
    """Detentions beyond each person's first: detention events minus people detained, from one
    counter over one period (the only subtraction across these two units that means anything)."""
    _same_count(detentions, people, "counting repeat detentions")
    return intervals.subtract((int(detentions["low"]), _high(detentions)), (int(people["low"]), _high(people)))


def share(part, whole) -> float:
    """`part` as a share of `whole`: exact counts of one counter on one day or period only."""
    _same_count(part, whole, "a share")
    if part["kind"] != "exact" or whole["kind"] != "exact":
        raise ValueError(f"a share needs exact counts: {part['figure_id']} is {part['kind']}, "
                         f"{whole['figure_id']} is {whole['kind']}")
    return int(part["value"]) / int(whole["value"])


def parts_add_up(total, parts) -> bool:
    """Whether the parts (e.g. arrest and fine rulings) can sum to the total (convictions)."""
    summed = (0, 0)
    for part in parts:
        _same_count(total, part, "adding parts to a total")
        summed = intervals.add(summed, (int(part["low"]), _high(part)))
    return intervals.overlap(summed, (int(total["low"]), _high(total))) is not None


def _high(row) -> int | None:
    return None if pd.isna(row["high"]) else int(row["high"])


def counts_from_day(figures: pd.DataFrame, measures: pd.DataFrame, day: pd.Timestamp) -> pd.DataFrame:
    """Every claim whose period starts on `day` (that day's counts and the rulings that follow
    them), with its unit and period: units in the funnel's order, the largest number first."""
    units = measures.set_index("measure")["unit"]
    rows = claims(figures)
    rows = rows[rows["period_start_date"] == day].copy()
    rows["unit"] = rows["measure"].map(units)
    rows["period"] = [periods.label(row) for _, row in rows.iterrows()]
    order = {units[s.measure]: i for i, s in enumerate(STEPS)}
    rows["unit_order"] = rows["unit"].map(order).fillna(len(order))
    return (rows.sort_values(["unit_order", "low", "figure_id"], ascending=[True, False, True])
            .drop(columns="unit_order"))
