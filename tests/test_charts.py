"""charts.save writes PNG, SVG, CSV and a catalogue row, byte-identically run to run; the
committed catalogue and figures/ agree."""

import csv
import io
import os
import re
import subprocess
import sys

import matplotlib as mpl
import pandas as pd
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from PIL import Image

from belarus2020.writing import catalogue, charts
from belarus2020.data import paths

DRAW = """
import pandas as pd
from belarus2020.writing import charts
fig, ax = charts.figure()
data = pd.DataFrame({"month": ["Aug", "Sep", "Oct"], "detained": [7500, 3500, 3000]})
ax.bar(data["month"], data["detained"])
charts.save(fig, "test-chart", title="Detentions fell after August", caption="Monthly detentions.",
            alt_text="Bar chart: 7,500 in August, 3,500 in September, 3,000 in October.",
            source="Source: test", data=data)
"""


def draw_in_a_new_process(folder):
    folder.mkdir()
    env = dict(os.environ, **{paths.FIGURES_ENV: str(folder), "PYTHONHASHSEED": "0"})
    subprocess.run([sys.executable, "-c", DRAW], env=env, check=True, cwd=folder)
    return {f.name: f.read_bytes() for f in folder.iterdir() if f.is_file()}


def test_same_chart_twice_in_separate_processes_gives_identical_bytes(tmp_path):
    first = draw_in_a_new_process(tmp_path / "a")
    second = draw_in_a_new_process(tmp_path / "b")
    assert set(first) == {"test-chart.png", "test-chart.svg", "test-chart.csv", "index.csv"}
    assert first == second


def test_outputs_carry_no_date_or_software_version(tmp_path):
    files = draw_in_a_new_process(tmp_path / "c")
    for name in ("test-chart.png", "test-chart.svg"):
        assert mpl.__version__.encode() not in files[name]
    assert b"<dc:date>" not in files["test-chart.svg"]


@pytest.fixture
def figures_dir(tmp_path, monkeypatch):
    monkeypatch.setenv(paths.FIGURES_ENV, str(tmp_path))
    monkeypatch.setenv(paths.NOTEBOOK_ENV, "99-test.ipynb")
    return tmp_path


def small_chart(chart_id="small-chart", **overrides):
    fig, ax = charts.figure()
    data = pd.DataFrame({"x": [1, 2], "y": [3, 4]})
    ax.plot(data["x"], data["y"])
    args = dict(title="Y rises with x", caption="Two points.", alt_text="A line rising from 3 to 4.",
                source="Source: test", data=data)
    args.update(overrides)
    return charts.save(fig, chart_id, **args)


def test_save_writes_three_files_and_one_catalogue_row(figures_dir):
    image = small_chart()
    assert {f.name for f in figures_dir.iterdir()} == {"small-chart.png", "small-chart.svg", "small-chart.csv", "index.csv"}
    assert pd.read_csv(figures_dir / "small-chart.csv").to_dict("list") == {"x": [1, 2], "y": [3, 4]}
    rows = catalogue.read()
    assert rows == [{"chart_id": "small-chart", "title": "Y rises with x", "caption": "Two points.",
                     "alt_text": "A line rising from 3 to 4.", "sources": "Source: test", "notebook": "99-test.ipynb"}]
    bundle, metadata = image._repr_mimebundle_()
    assert bundle["text/plain"] == "A line rising from 3 to 4."
    assert bundle["text/html"].startswith('<img src="data:image/png;base64,iVBOR')
    assert bundle["text/html"].endswith('alt="A line rising from 3 to 4."/>')
    assert metadata["alt"] == "A line rising from 3 to 4."
    assert metadata["belarus2020"]["chart"] == "small-chart"


def test_numbers_in_chart_texts_are_recorded_and_the_svg_describes_the_chart(figures_dir):
    from belarus2020.writing import ledger, prose

    n = ledger.Number("2", "count", (("figures", "F0001"),), "points", "2")
    image = small_chart(title=prose.fill("{n} points & <rising>", n=n), alt_text="A line rising from 3 to 4, \"quoted\".")
    _, metadata = image._repr_mimebundle_()
    [recorded] = metadata["belarus2020"]["title"]["numbers"]
    assert metadata["belarus2020"]["title"]["text"] == "2 points & <rising>"
    assert (recorded["start"], recorded["end"], recorded["ids"]) == (0, 1, {"figures": ["F0001"]})
    assert catalogue.read()[0]["title"] == "2 points & <rising>"
    svg = (figures_dir / "small-chart.svg").read_text()
    assert "<title>2 points &amp; &lt;rising&gt;</title>" in svg
    assert "<desc>A line rising from 3 to 4, &quot;quoted&quot;.</desc>" in svg


def test_saving_again_replaces_the_row_and_keeps_the_catalogue_sorted(figures_dir):
    small_chart("zeta")
    small_chart("alpha")
    small_chart("zeta", title="Changed")
    rows = catalogue.read()
    assert [r["chart_id"] for r in rows] == ["alpha", "zeta"]
    assert rows[1]["title"] == "Changed"


@pytest.mark.parametrize("chart_id, overrides, words", [
    ("Bad Id", {}, "lower-case"),
    ("ok-id", {"alt_text": " "}, "alt_text is empty"),
    ("ok-id", {"title": ""}, "title is empty"),
    ("ok-id", {"data": pd.DataFrame()}, "no data"),
])
def test_save_refuses_a_chart_a_reader_could_not_use(figures_dir, chart_id, overrides, words):
    with pytest.raises(ValueError, match=words):
        small_chart(chart_id, **overrides)


def test_the_png_is_the_svg_rasterised_at_the_house_resolution_on_an_opaque_background(figures_dir):
    small_chart()
    svg = (figures_dir / "small-chart.svg").read_text()
    width, height = (float(v) for v in re.search(r'<svg[^>]* width="([0-9.]+)pt" height="([0-9.]+)pt"', svg).groups())
    png = Image.open(io.BytesIO((figures_dir / "small-chart.png").read_bytes()))
    scale = mpl.rcParams["savefig.dpi"] / 72  # SVG sizes are in points
    assert abs(png.width - width * scale) < 1 and abs(png.height - height * scale) < 1
    assert png.getchannel("A").getextrema() == (255, 255)
    assert "<text" not in svg  # the text is drawn as paths, so no font is needed to rasterise it


def test_rasterise_refuses_text_it_would_have_no_font_for():
    svg = '<svg xmlns="http://www.w3.org/2000/svg" width="10pt" height="10pt"><text>12,000</text></svg>'
    with pytest.raises(ValueError, match="fonttype 'path'"):
        charts.rasterise(svg, dpi=100, background="#ffffff")


def test_the_title_and_the_source_line_stand_in_the_saved_image_above_and_below_the_axes(figures_dir):
    fig, ax = charts.figure()
    ax.plot([1, 2], [3, 4])
    charts.save(fig, "laid-out", title="Y rises with x", caption="Two points.", alt_text="A line rising from 3 to 4.",
                source="Source: test", data=pd.DataFrame({"x": [1, 2]}))
    renderer = FigureCanvasAgg(fig).get_renderer()  # save closed the figure: measure it on a canvas of its own
    title, source, axes = (a.get_window_extent(renderer) for a in (fig._suptitle, fig._supxlabel, ax))
    assert title.y0 > axes.y1 and source.y1 < ax.xaxis.get_tightbbox(renderer).y0
    assert fig.get_layout_engine() is None  # laid out once, not again by savefig


def test_source_line_lists_each_publisher_once_sorted():
    assert charts.source_line(["Viasna", "AFP", "Viasna", None]) == "Source: AFP; Viasna"


def test_a_long_source_line_gives_the_number_of_documents_and_names_none_of_them():
    line = charts.source_line([f"Publisher {i}" for i in range(8)], limit=5)
    assert line == "Sources: 8 documents, each row's source id in the chart's CSV"


# --- the committed catalogue ----------------------------------------------------------------

def committed_catalogue():
    with open(paths.ROOT / "figures" / "index.csv", newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def test_every_catalogued_chart_has_its_files_and_every_file_is_catalogued():
    rows = committed_catalogue()
    expected = {f"{r['chart_id']}.{ext}" for r in rows for ext in ("png", "svg", "csv")} | {"index.csv"}
    present = {f.name for f in (paths.ROOT / "figures").iterdir() if f.is_file() and not f.name.startswith(".")}
    assert present == expected


def test_every_chart_is_described_for_readers():
    rows = committed_catalogue()
    assert len(rows) >= 8
    notebooks = {p.name for p in paths.NOTEBOOKS.glob("*.ipynb")}
    for row in rows:
        assert all(row[k].strip() for k in catalogue.COLUMNS), row["chart_id"]
        assert row["notebook"] in notebooks
        assert len(row["alt_text"]) >= 60 and "a chart" not in row["alt_text"].lower(), row["chart_id"]
        assert row["sources"].startswith("Source")
