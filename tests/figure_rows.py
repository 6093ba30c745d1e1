"""Small figure tables for tests, shaped as `datasets.load_figures` returns them."""

import pandas as pd


def _date(text):
    """As the loader reads a date: (day, precision); a month-only date on its 15th."""
    if not text:
        return pd.NaT, "unknown"
    if len(text) == 7:
        return pd.Timestamp(f"{text}-15"), "month"
    return pd.Timestamp(text), "day"


def figure(fid, measure, counter, start, end, low, high, kind="exact", value=None, *, baseline="window",
           reliability="ok", copy_of=None, source="S1", counter_type="ngo"):
    start_date, start_precision = _date(start)
    end_date, end_precision = _date(end)
    return {
        "figure_id": fid, "source_id": source, "measure": measure, "counted_by": counter,
        "counter_type": counter_type, "baseline": baseline,
        "period_start": start or None, "period_start_date": start_date, "period_start_precision": start_precision,
        "period_end": end or None, "period_end_date": end_date, "period_end_precision": end_precision,
        "phrase": f"phrase {fid}", "low": low, "high": high, "kind": kind,
        "value": value if value is not None else (low if kind in ("exact", "lower_bound") else None),
        "reliability": reliability, "copy_of": copy_of,
    }


def frame(*rows):
    df = pd.DataFrame(list(rows))
    for column in ("low", "high", "value"):
        df[column] = df[column].astype("Int64")
    return df


MEASURES = pd.DataFrame([
    ("detentions_cumulative", "detention", "cumulative"),
    ("detained_cumulative", "person", "cumulative"),
    ("detained_daily", "person", "day"),
    ("custody_daily", "person in custody", "day"),
    ("administrative_arrests", "court ruling", "window"),
    ("administrative_fines", "court ruling", "window"),
    ("administrative_convictions", "court ruling", "window"),
    ("criminal_cases", "case", "cumulative"),
    ("political_prisoners", "prisoner", "moment"),
], columns=["measure", "unit", "period"])
