"""Drawing periods and units: what a reader sees must match what the data say."""

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402

from belarus2020.writing import plots  # noqa: E402

from figure_rows import figure, frame  # noqa: E402


def period_lines(ax):
    return [line for line in ax.get_lines() if len(line.get_xdata()) == 2
            and line.get_ydata()[0] == line.get_ydata()[1]]


def test_each_period_is_a_line_from_its_first_to_its_last_day_and_unknown_starts_get_none():
    rows = frame(
        figure("F1", "detained_window", "OHCHR", "2020-08-09", "2020-08-14", 13450, 13550, "approximate", 13500),
        figure("F2", "detained_cumulative", "Viasna", "2020-08", "2020-12-31", 25326, 25326),
        figure("F3", "detained_cumulative", "UN", "", "2020-09-18", 10001, None, "lower_bound", value=10000),
    )
    fig, ax = plt.subplots()
    plots.draw_periods(ax, rows)
    lines = period_lines(ax)
    assert len(lines) == 2  # F3 states no start: marker only
    assert sorted(line.get_ydata()[0] for line in lines) == [13500, 25326]
    starts = sorted(pd.Timestamp(line.get_xdata()[0]) for line in lines)
    assert starts == [pd.Timestamp("2020-08-01"), pd.Timestamp("2020-08-09")]  # "2020-08" starts on the 1st
    plt.close(fig)


def test_retrospective_counts_are_ringed_and_the_legend_explains_the_ring():
    rows = frame(
        figure("F1", "detained_window", "OHCHR", "2020-08-09", "2020-08-14", 13450, 13550, "approximate", 13500),
        figure("F2", "detained_window", "Viasna", "2020-08-09", "2020-08-14", 7000, 7000),
    )
    flags = pd.Series([True, pd.NA], index=rows.index, dtype="boolean")
    fig, ax = plt.subplots()
    plots.draw_periods(ax, rows, retrospective=flags)
    rings = [c for c in ax.collections if list(c.get_facecolor()) == [] or c.get_facecolor()[0][3] == 0]
    assert len(rings) == 1
    plots.kind_legend(ax, rows["kind"], extra=plots.period_handles(rows, flags))
    texts = [t.get_text() for legend in ax.artists for t in legend.get_texts()]
    assert plots.RETROSPECTIVE_LABEL in texts and "period covered (first to last day)" in texts
    assert ax.get_legend() is None  # added once, as an artist, not also as the axes' own legend
    assert plots.RETROSPECTIVE_LABEL not in [h.get_label() for h in plots.period_handles(rows, flags.iloc[1:])]
    plt.close(fig)


def test_unit_panels_give_each_unit_its_own_scale_and_keep_steps_without_a_count():
    table = pd.DataFrame([
        {"unit": "person", "label": "Viasna", "low": 25326, "high": 25326, "kind": "exact", "value": 25326},
        {"unit": "person", "label": "OSCE", "low": 10001, "high": None, "kind": "lower_bound", "value": 10000},
        {"unit": "case", "label": "cases", "low": 900, "high": 900, "kind": "exact", "value": 900},
        {"unit": "prisoner", "label": "prisoners", "low": None, "high": None, "kind": None, "value": None},
    ])
    fig, axes = plots.unit_panels(table, group="unit", label="label")
    assert [ax.get_title(loc="left") for ax in axes] == ["person", "case", "prisoner"]
    assert axes[0].get_xlim()[1] > 25326 and axes[1].get_xlim()[1] < 25326  # no shared number axis
    assert [t.get_text().strip() for t in axes[2].texts] == ["no count"]
    assert [t.get_text() for t in axes[0].get_yticklabels()] == ["Viasna", "OSCE"]
    plt.close(fig)


def test_a_vague_number_is_drawn_as_the_span_its_words_allow_not_a_point():
    rows = frame(figure("F1", "injured", "media", "2020-08-09", "2020-08-12", 200, 999, "vague"))
    rows["value"] = pd.array([None], dtype="Int64")
    fig, ax = plt.subplots()
    plots.draw_estimates(ax, rows.assign(x=0), x="x")
    spans = [sorted(line.get_ydata()) for line in ax.get_lines()]
    assert [200, 999] in [[int(v) for v in span] for span in spans]
    plt.close(fig)


def test_markers_of_one_shape_are_one_scatter_and_a_floor_is_an_open_triangle_at_its_floor():
    rows = frame(
        figure("F1", "detained_cumulative", "Viasna", "2020-08-09", "2020-08-31", 7000, 7000),
        figure("F2", "detained_cumulative", "OHCHR", "2020-08-09", "2020-09-30", 12000, 12000),
        figure("F3", "detained_cumulative", "UN", "2020-08-09", "2020-10-31", 10001, None, "lower_bound", value=10000),
    )
    fig, ax = plt.subplots()
    plots.draw_estimates(ax, rows.assign(x=[0, 1, 2]), x="x")
    by_size = {round(float(c.get_sizes()[0])): c for c in ax.collections}
    dots, floors = by_size[40], by_size[55]
    assert [list(p) for p in dots.get_offsets()] == [[0, 7000], [1, 12000]]
    assert [list(p) for p in floors.get_offsets()] == [[2, 10001]]
    assert list(floors.get_facecolor()[0]) == [1, 1, 1, 1]  # open: a floor is not a count
    assert len(ax.collections) == 2
    plt.close(fig)
