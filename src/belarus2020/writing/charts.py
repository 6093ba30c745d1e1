"""House style and `save`: every chart as PNG + SVG + the data drawn, catalogued with alt text.

A chart leaves a notebook only through `save`, so each one has a stable id that an academic
can cite, a title that states the finding, a source line, alt text, and a CSV of exactly
what was drawn. Outputs are byte-stable: dates and software versions are dropped from the
file metadata, and the SVG ids are salted with a fixed string (see matplotlibrc).
"""

from __future__ import annotations

import base64
import contextlib
import io
import os
import re
import textwrap
from html import escape
from pathlib import Path

import matplotlib as mpl
import matplotlib.pyplot as plt
import pandas as pd
import resvg_py
from matplotlib.layout_engine import TightLayoutEngine
from matplotlib.transforms import Bbox

from belarus2020.writing import catalogue
from belarus2020.data import paths


# Okabe-Ito: distinguishable with the common forms of colour blindness.
PALETTE = {
    "blue": "#0072B2", "orange": "#E69F00", "green": "#009E73", "vermillion": "#D55E00",
    "purple": "#CC79A7", "sky": "#56B4E9", "yellow": "#F0E442", "black": "#000000",
    "grey": "#999999",
}
# One colour per kind of counter or speaker, the same in every chart.
ACTOR_COLOURS = {
    "belarus_authorities": PALETTE["vermillion"],
    "russia": PALETTE["purple"],
    "ngo": PALETTE["green"],
    "un": PALETTE["sky"],
    "osce": PALETTE["blue"],
    "government": PALETTE["orange"],
    "eu": PALETTE["yellow"],
    "intergovernmental": PALETTE["grey"],
    "opposition": PALETTE["black"],
    "media": PALETTE["grey"],
}

_SVG_METADATA = {"Date": None, "Creator": None}  # no date or software version: byte-stable


def use_house_style() -> None:
    """Apply matplotlibrc (fonts, palette, SVG salt), leaving the notebook's display backend alone."""
    params = mpl.rc_params_from_file(str(paths.RCFILE), use_default_template=False)
    mpl.rcParams.update({k: v for k, v in params.items() if k != "backend"})


def _notebook_name() -> str:
    name = os.environ.get(paths.NOTEBOOK_ENV)
    if name:
        return name
    with contextlib.suppress(Exception):
        from IPython import get_ipython

        session = get_ipython().user_ns.get("__session__")  # set by JupyterLab
        if session:
            return Path(session).name
    return "interactive"


def source_line(publishers, limit: int = 5) -> str:
    """'Source: A; B; C' from the publishers behind a chart, de-duplicated and sorted.

    Past `limit` names the line would swamp the chart, so it gives their number and points to
    the chart's CSV, which carries every row's source id. It names none of them: the first few
    in alphabetical order would read as the chart's main sources, which they need not be.
    """
    names = sorted({str(p) for p in publishers if pd.notna(p) and str(p)})
    if len(names) <= limit:
        return "Source: " + "; ".join(names)
    return f"Sources: {len(names)} documents, each row's source id in the chart's CSV"


def save(fig, chart_id: str, *, title, caption, alt_text, source: str, data: pd.DataFrame) -> "ChartImage":
    """Title the figure, add its source line, write PNG, SVG and CSV, record it in figures/index.csv.

    `title` states the finding; `caption` says what is drawn; `alt_text` describes the chart
    for someone who cannot see it; `data` is exactly what was drawn. Title, caption and alt text
    are `prose.fill` texts wherever they carry a number, so the ledger records each number.
    Returns the chart for display in the notebook, its alt text on the image and as plain text.
    """
    catalogue.check_chart_id(chart_id)
    texts = {"title": title, "caption": caption, "alt_text": alt_text}
    for name, text in {**texts, "source": source}.items():
        if not text or not str(text).strip():
            raise ValueError(f"chart {chart_id!r}: {name} is empty")
    if data.empty:
        raise ValueError(f"chart {chart_id!r}: no data to save")
    title, caption, alt_text = (str(t) for t in texts.values())

    title_lines = textwrap.wrap(title, 80)
    source_lines = textwrap.wrap(f"{source}. Chart {chart_id}, belarus2020.", 120)
    fig.suptitle("\n".join(title_lines), x=0.01, ha="left", fontweight="bold", fontsize=12)
    # the source line is the figure's bottom label, so that the tight layout leaves room for it and for
    # the title by itself. Without a rectangle (rect=None) it measures every artist once, not twice; run
    # rather than installed, it spares savefig a further layout pass.
    fig.supxlabel("\n".join(source_lines), x=0.01, ha="left", va="bottom", fontsize=7.5, color="#555555")
    TightLayoutEngine(rect=None).execute(fig)

    folder = paths.figures_dir()
    folder.mkdir(parents=True, exist_ok=True)
    # the saved image takes in legends placed outside the axes: the legends added to the figure's own
    # box (passing every artist to every axes instead cost a second per chart of many panels, same box)
    renderer = fig.canvas.get_renderer()
    legends = [a for ax in fig.axes for a in ax.get_children() if isinstance(a, mpl.legend.Legend)]
    inches = fig.dpi_scale_trans.inverted()
    bbox = Bbox.union([fig.get_tightbbox(renderer)]
                      + [legend.get_window_extent(renderer).transformed(inches) for legend in legends]).padded(0.15)
    drawn = io.BytesIO()
    with mpl.rc_context({"svg.hashsalt": f"belarus2020-{chart_id}", "svg.fonttype": "path"}):
        fig.savefig(drawn, format="svg", metadata=_SVG_METADATA, bbox_inches=bbox)
    svg = describe_svg(drawn.getvalue().decode("utf-8"), title, alt_text)
    dpi = fig.dpi if mpl.rcParams["savefig.dpi"] == "figure" else float(mpl.rcParams["savefig.dpi"])
    png = rasterise(svg, dpi=dpi, background=mpl.colors.to_hex(fig.get_facecolor()))
    plt.close(fig)
    catalogue.unlink_link(folder / f"{chart_id}.svg").write_bytes(svg.encode("utf-8"))
    catalogue.unlink_link(folder / f"{chart_id}.png").write_bytes(png)
    data.to_csv(catalogue.unlink_link(folder / f"{chart_id}.csv"), index=False, lineterminator="\n")

    row = {"chart_id": chart_id, "title": title, "caption": caption, "alt_text": alt_text,
           "sources": source, "notebook": _notebook_name()}
    rows = [r for r in catalogue.read() if r["chart_id"] != chart_id]
    catalogue.write(rows + [row])
    return ChartImage(png, chart_id, texts)


def rasterise(svg: str, *, dpi: float, background: str) -> bytes:
    """The PNG of an SVG chart at `dpi` pixels per inch on a `background` colour.

    The chart is drawn once, as SVG, and resvg turns that into the PNG: the two files show the
    same picture, and the build does not pay for a second drawing in Agg, whose text is drawn a
    glyph at a time. The text must already be paths (svg.fonttype "path"): resvg is given no
    fonts, so that the PNG cannot depend on the fonts of the machine, and text left as text is
    refused rather than dropped.
    """
    if re.search(r"<text\b", svg):
        raise ValueError("the SVG has <text> elements: draw it with svg.fonttype 'path' before rasterising")
    return resvg_py.svg_to_bytes(svg_string=svg, dpi=dpi, skip_system_fonts=True, background=background)


def describe_svg(svg: str, title: str, description: str) -> str:
    """The SVG with a <title> and <desc> as the root's first children, so screen readers announce it."""
    opening = re.search(r"<svg\b[^>]*>", svg)
    if not opening:
        raise ValueError("not an SVG document: no <svg> element")
    tag = opening.group()
    if "role=" not in tag:
        tag = tag[:-1] + ' role="img">'
    described = f"\n <title>{escape(title)}</title>\n <desc>{escape(description)}</desc>"
    return svg[:opening.start()] + tag + described + svg[opening.end():]


class ChartImage:
    """A saved chart as the notebook shows it: the PNG in an <img> whose alt is the chart's alt text.

    An HTML <img> rather than a bare PNG output, because nbconvert's default (lab) template and
    other HTML renderers ignore an alt text kept only in the output's metadata. The metadata keeps
    it too (`alt`, as nbconvert's classic template and the Jupyter proposal read it), with each
    number of the title, caption and alt text and what it stands on, for the ledger.
    """

    def __init__(self, png: bytes, chart_id: str, texts: dict):
        self.png, self.chart_id, self.texts = png, chart_id, texts
        self.alt_text = str(texts["alt_text"])

    def _repr_mimebundle_(self, include=None, exclude=None):
        image = base64.b64encode(self.png).decode("ascii")
        html = f'<img src="data:image/png;base64,{image}" alt="{escape(self.alt_text, quote=True)}"/>'
        parts = {}
        for name, text in self.texts.items():
            plain, spans = text.render(markdown=False) if hasattr(text, "render") else (str(text), [])
            parts[name] = {"text": plain, "numbers": [s.record() for s in spans]}
        metadata = {"alt": self.alt_text, "belarus2020": {"chart": self.chart_id, **parts}}
        return {"text/html": html, "text/plain": self.alt_text}, metadata


def figure(height: float = 4.5, width: float = 8.0):
    """A new figure and axes in the house style."""
    use_house_style()
    return plt.subplots(figsize=(width, height))


def thousands(ax, axis: str = "y") -> None:
    """Format an axis with thousands separators (12,000 rather than 12000)."""
    formatter = mpl.ticker.FuncFormatter(lambda v, _: f"{v:,.0f}")
    (ax.yaxis if axis == "y" else ax.xaxis).set_major_formatter(formatter)
