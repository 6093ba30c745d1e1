"""Drawing hedged numbers as what they are, shared by the notebooks.

An exact number is a filled dot; an approximate one is a dot with its interval; a lower bound
is an open triangle pointing up at its smallest possible value ("more than 10,000" could be
far more); an upper bound is a triangle pointing down. The marker legend is part of every
chart that uses these, so a reader never mistakes a floor for a count.
"""

from __future__ import annotations

import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.legend import Legend
from matplotlib.lines import Line2D

from belarus2020.writing import charts
from belarus2020.counts import periods
from belarus2020.writing.charts import ACTOR_COLOURS

KIND_LABELS = {
    "exact": "exact count",
    "approximate": "approximate (bar: interval)",
    "range": "range",
    "lower_bound": "floor ('more than', 'at least')",
    "upper_bound": "ceiling ('up to', 'fewer than')",
    "vague": "vague ('tens of thousands'; bar: what the words allow)",
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


SPANNED = ("approximate", "range", "vague")  # kinds drawn with the interval their words allow


def _marker(kind: str) -> dict:
    if kind == "lower_bound":
        return {"marker": "^", "facecolor": "white", "size": 55}
    if kind == "upper_bound":
        return {"marker": "v", "facecolor": "white", "size": 55}
    return {"marker": "o", "facecolor": None, "size": 40}


def _point(row) -> float:
    """Where a hedged number is drawn: a floor at its floor, a ceiling at its ceiling, else its value
    (or the middle of its interval when the words give no value)."""
    if row["kind"] == "lower_bound":
        return row["low"]
    if row["kind"] == "upper_bound":
        return row["high"]
    return row["value"] if pd.notna(row["value"]) else (row["low"] + row["high"]) / 2


def draw_estimates(ax, rows: pd.DataFrame, x: str, colour: str = "counter_type", horizontal: bool = False) -> None:
    """Draw each row's estimate at position `x`: dot, interval bar or open triangle by kind.

    With horizontal=True the estimate runs along the x axis and `x` gives the y positions.
    The markers of one shape are drawn as one scatter: one artist per row made every chart of
    many claims slow to lay out and save, for the same picture.
    """
    shapes: dict[str, list[tuple]] = {}  # marker -> (x, y, size, face, edge) of each point
    for _, row in rows.iterrows():
        col = ACTOR_COLOURS.get(row[colour], "#555555") if colour in rows else colour
        style = _marker(row["kind"])
        point = _point(row)
        if row["kind"] in SPANNED and row["high"] > row["low"]:
            span = dict(color=col, linewidth=3, alpha=0.55, solid_capstyle="butt")
            if horizontal:
                ax.plot([row["low"], row["high"]], [row[x], row[x]], **span)
            else:
                ax.plot([row[x], row[x]], [row["low"], row["high"]], **span)
        xy = (point, row[x]) if horizontal else (row[x], point)
        shapes.setdefault(_turned(style["marker"], horizontal), []).append(
            (*xy, style["size"], style["facecolor"] or col, col))
    for marker, points in shapes.items():
        xs, ys, sizes, faces, edges = zip(*points)
        ax.scatter(xs, ys, marker=marker, s=sizes, facecolors=faces, edgecolors=edges, linewidths=1.5, zorder=3)


def _turned(marker: str, horizontal: bool) -> str:
    """A floor's or ceiling's triangle pointing along the value axis: right and left when it runs across."""
    return {"^": ">", "v": "<"}.get(marker, marker) if horizontal else marker


OUTSIDE = {"loc": "upper left", "bbox_to_anchor": (1.01, 1.0)}
OUTSIDE_LOW = {"loc": "lower left", "bbox_to_anchor": (1.01, 0.0)}


def _add_legend(ax, handles, **options) -> None:
    """Add a legend as an artist of its own, so several can stand beside each other and none is
    drawn twice (`ax.legend` would also keep the last one as the axes' own legend)."""
    ax.add_artist(Legend(ax, handles, [h.get_label() for h in handles], **options))


def kind_legend(ax, kinds, placement=None, horizontal: bool = False, extra=(), title="how the source hedged") -> None:
    """A legend of marker shapes for the kinds drawn, in grey (right of the axes unless placed),
    followed by any `extra` handles (such as `period_handles`)."""
    handles = []
    for kind in [k for k in KIND_LABELS if k in set(kinds)]:
        style = _marker(kind)
        handles.append(Line2D([], [], marker=_turned(style["marker"], horizontal),
                              linestyle="-" if kind in SPANNED else "", color="#555555",
                              markerfacecolor=style["facecolor"] or "#555555", markersize=7, label=KIND_LABELS[kind]))
    _add_legend(ax, handles + list(extra), title=title, title_fontsize=8, alignment="left", labelspacing=0.3,
                **(placement or OUTSIDE))


def colour_legend(ax, types, placement=None) -> None:
    """A legend of who counted, by counter type (right of the axes, below the kinds, unless placed)."""
    handles = [Line2D([], [], marker="s", linestyle="", color=ACTOR_COLOURS[t], markersize=8,
                      label=COUNTER_TYPE_LABELS.get(t, t.replace("_", " ")))
               for t in COUNTER_TYPE_LABELS if t in set(types)]
    _add_legend(ax, handles, title="counted by", title_fontsize=8, alignment="left", labelspacing=0.3,
                **(placement or OUTSIDE_LOW))


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


RETROSPECTIVE_LABEL = (f"retrospective estimate: published more than "
                       f"{periods.RETROSPECTIVE_AFTER.days} days after its period ended")


def _is_true(flag) -> bool:
    """A flag from a nullable boolean Series: unknown (NA) counts as not set."""
    return flag is not None and not pd.isna(flag) and bool(flag)


def draw_periods(ax, rows: pd.DataFrame, colour: str = "counter_type", retrospective: pd.Series | None = None) -> None:
    """Each row's period as what it is, on a time axis: a line at the row's number from the first
    to the last day its period can cover, its estimate drawn at that last day (dot, interval or
    floor, as in `draw_estimates`). A row whose start the source does not state gets no line.
    Rows flagged in `retrospective` (see `periods.retrospective`) are ringed in black.
    """
    ends = []
    for index, row in rows.iterrows():
        first, last = periods.bounds(row)
        ends.append(last)
        col = ACTOR_COLOURS.get(row[colour], "#555555") if colour in rows else colour
        if pd.notna(first) and pd.notna(last) and last > first:
            ax.plot([first, last], [_point(row)] * 2, color=col, linewidth=1.4, alpha=0.6,
                    solid_capstyle="butt", zorder=2)
        if retrospective is not None and _is_true(retrospective.get(index)):
            ax.scatter(last, _point(row), marker="o", s=170, facecolors="none", edgecolors="black",
                       linewidths=0.9, zorder=4)
    draw_estimates(ax, rows.assign(period_last_day=ends), x="period_last_day", colour=colour)


def period_handles(rows: pd.DataFrame, retrospective: pd.Series | None = None) -> list:
    """Legend entries for `draw_periods`: what a line means, a marker without one, and the ring."""
    handles = [Line2D([], [], color="#555555", linewidth=1.4, alpha=0.6, label="period covered (first to last day)")]
    if any(pd.isna(periods.bounds(row)[0]) for _, row in rows.iterrows()):
        handles.append(Line2D([], [], marker="o", linestyle="", color="#555555", markersize=6,
                              label="no line: period start not stated"))
    if retrospective is not None and any(_is_true(flag) for flag in retrospective):
        handles.append(Line2D([], [], marker="o", linestyle="", markersize=11, markerfacecolor="none",
                              markeredgecolor="black", label=RETROSPECTIVE_LABEL))
    return handles


def unit_panels(table: pd.DataFrame, group: str, label: str, colour: str = "counter_type", width: float = 8.0,
                annotate: str | None = None):
    """Small multiples, one stacked panel per value of `group` (a step, a unit), each with its own
    number scale starting at zero: rows of different units are never read off one axis.

    Each panel draws its rows' estimates horizontally (as `draw_estimates`), labelled by `label`;
    a row with no number (`low` missing) is written 'no count' rather than dropped; with
    `annotate`, that column's words (e.g. 'at least 26,577') stand beside each marker.
    Returns the figure and its axes, one per group, in order.
    """
    charts.use_house_style()
    groups = list(dict.fromkeys(table[group]))
    sizes = [int((table[group] == g).sum()) for g in groups]
    fig, axes = plt.subplots(len(groups), 1, figsize=(width, 0.8 + 0.42 * sum(sizes) + 0.45 * len(groups)),
                             gridspec_kw={"height_ratios": sizes}, squeeze=False)
    axes = list(axes[:, 0])
    for ax, name in zip(axes, groups):
        part = table[table[group] == name].reset_index(drop=True)
        part = part.assign(position=range(len(part)))
        counted = part[part["low"].notna()]
        draw_estimates(ax, counted, x="position", colour=colour if colour in table else "#555555", horizontal=True)
        tops = [row["high"] if pd.notna(row["high"]) else row["low"] for _, row in counted.iterrows()]
        ax.set_xlim(0, 1.3 * max(tops) if tops else 1)
        if annotate:
            for _, row in counted.iterrows():
                ax.annotate(row[annotate], (_point(row), row["position"]), xytext=(8, 0), textcoords="offset points",
                            va="center", fontsize=8, color="#333333")
        for _, row in part[part["low"].isna()].iterrows():
            ax.text(0, row["position"], "  no count", va="center", fontsize=8, color="#555555")
        ax.set_yticks(part["position"], part[label])
        ax.set_ylim(len(part) - 0.5, -0.5)
        ax.set_title(str(name), loc="left", fontsize=9)
        charts.thousands(ax, "x")
        value_grid(ax, "x")
    return fig, axes
