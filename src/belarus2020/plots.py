"""Drawing hedged numbers as what they are, shared by the notebooks.

An exact number is a filled dot; an approximate one is a dot with its interval; a lower bound
is an open triangle pointing up at its smallest possible value ("more than 10,000" could be
far more); an upper bound is a triangle pointing down. The marker legend is part of every
chart that uses these, so a reader never mistakes a floor for a count.
"""

from __future__ import annotations

import matplotlib.dates as mdates
import pandas as pd
from matplotlib.lines import Line2D

from .charts import ACTOR_COLOURS

KIND_LABELS = {
    "exact": "exact count",
    "approximate": "approximate (bar: interval)",
    "range": "range",
    "lower_bound": "floor ('more than', 'at least')",
    "upper_bound": "ceiling ('up to', 'fewer than')",
}
ACTOR_LABELS = {
    "government": "governments",
    "eu": "EU",
    "un": "UN",
    "osce": "OSCE (bodies, rapporteur)",
    "intergovernmental": "other intergovernmental",
    "ngo": "NGOs",
    "opposition": "Belarusian opposition",
    "belarus_authorities": "Belarusian authorities",
    "russia": "Russia",
}
COUNTER_TYPE_LABELS = {
    "belarus_authorities": "Belarusian authorities",
    "ngo": "human rights NGOs",
    "un": "UN (OHCHR, rapporteurs, experts)",
    "osce": "OSCE rapporteur",
    "government": "governments",
    "media": "media",
}


def _marker(kind: str) -> dict:
    if kind == "lower_bound":
        return {"marker": "^", "facecolor": "white", "size": 55}
    if kind == "upper_bound":
        return {"marker": "v", "facecolor": "white", "size": 55}
    return {"marker": "o", "facecolor": None, "size": 40}


def draw_estimates(ax, rows: pd.DataFrame, x: str, colour: str = "counter_type", horizontal: bool = False) -> None:
    """Draw each row's estimate at position `x`: dot, interval bar or open triangle by kind.

    With horizontal=True the estimate runs along the x axis and `x` gives the y positions.
    """
    for _, row in rows.iterrows():
        col = ACTOR_COLOURS.get(row[colour], "#555555") if colour in rows else colour
        style = _marker(row["kind"])
        point = row["low"] if row["kind"] == "lower_bound" else (
            row["high"] if row["kind"] == "upper_bound" else (
                row["value"] if pd.notna(row["value"]) else (row["low"] + row["high"]) / 2))
        if row["kind"] in ("approximate", "range") and row["high"] > row["low"]:
            span = dict(color=col, linewidth=3, alpha=0.55, solid_capstyle="butt")
            if horizontal:
                ax.plot([row["low"], row["high"]], [row[x], row[x]], **span)
            else:
                ax.plot([row[x], row[x]], [row["low"], row["high"]], **span)
        face = style["facecolor"] or col
        xy = (point, row[x]) if horizontal else (row[x], point)
        marker = {"^": ">", "v": "<"}.get(style["marker"], style["marker"]) if horizontal else style["marker"]
        ax.scatter(*xy, marker=marker, s=style["size"], facecolors=face, edgecolors=col,
                   linewidths=1.5, zorder=3)


OUTSIDE = {"loc": "upper left", "bbox_to_anchor": (1.01, 1.0)}
OUTSIDE_LOW = {"loc": "lower left", "bbox_to_anchor": (1.01, 0.0)}


def kind_legend(ax, kinds, placement=None, horizontal: bool = False) -> None:
    """A legend of marker shapes for the kinds drawn, in grey (right of the axes unless placed)."""
    handles = []
    for kind in [k for k in KIND_LABELS if k in set(kinds)]:
        style = _marker(kind)
        marker = {"^": ">", "v": "<"}.get(style["marker"], style["marker"]) if horizontal else style["marker"]
        handles.append(Line2D([], [], marker=marker, linestyle="-" if kind in ("approximate", "range") else "",
                              color="#555555", markerfacecolor=style["facecolor"] or "#555555",
                              markersize=7, label=KIND_LABELS[kind]))
    ax.add_artist(ax.legend(handles=handles, title="how the source hedged", title_fontsize=8,
                            alignment="left", labelspacing=0.3, **(placement or OUTSIDE)))


def colour_legend(ax, types, placement=None) -> None:
    """A legend of who counted, by counter type (right of the axes, below the kinds, unless placed)."""
    handles = [Line2D([], [], marker="s", linestyle="", color=ACTOR_COLOURS[t], markersize=8,
                      label=COUNTER_TYPE_LABELS.get(t, t.replace("_", " ")))
               for t in COUNTER_TYPE_LABELS if t in set(types)]
    ax.add_artist(ax.legend(handles=handles, title="counted by", title_fontsize=8, alignment="left", labelspacing=0.3,
                            **(placement or OUTSIDE_LOW)))


def month_axis(ax, axis: str = "x") -> None:
    """Dates as abbreviated months ('Aug\n2020'): a tick a month, or every other month past eight."""
    target = ax.xaxis if axis == "x" else ax.yaxis
    low, high = ax.get_xlim() if axis == "x" else ax.get_ylim()
    target.set_major_locator(mdates.MonthLocator(interval=1 if high - low < 245 else 2))
    target.set_major_formatter(mdates.DateFormatter("%b\n%Y"))


def stacked_bars(ax, table: pd.DataFrame, colours: dict, labels: dict, horizontal: bool = False, **bar) -> None:
    """One bar per row of `table`, stacked by its columns in order, coloured and labelled by column."""
    base = pd.Series(0.0, index=table.index)
    positions = table.index.to_timestamp() if isinstance(table.index, pd.PeriodIndex) else table.index
    for column in table.columns:
        style = dict(color=colours[column], label=labels[column], edgecolor="white", linewidth=0.5, **bar)
        if horizontal:
            ax.barh(positions, table[column], left=base, **style)
        else:
            ax.bar(positions, table[column], bottom=base, **style)
        base += table[column]
    if horizontal:
        value_grid(ax, "x")


def value_grid(ax, axis: str = "y") -> None:
    """Grid lines across the value axis only."""
    ax.grid(axis=axis, visible=True)
    ax.grid(axis="y" if axis == "x" else "x", visible=False)
