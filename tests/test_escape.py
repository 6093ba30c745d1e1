"""Data text is shown as the words it is, never run as markup: in Markdown commentary, in
DataFrame tables, in SVG charts."""

import asyncio
import csv
import html
import re
import xml.etree.ElementTree as ET

import mistune
import pandas as pd
import pytest

from belarus2020.publish import build
from belarus2020.writing import charts, escape
from belarus2020.data import paths

HOSTILE = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "[click here](javascript:alert(1))",
    "![tracker](https://evil.example/pixel.png)",
    "<https://evil.example>",
    "a | b | c",
    "`code` and ``more``",
    "**bold** _italic_ ~struck~ x_y_z",
    "$x^2$ and $$y$$",
    "# not a heading",
    "1. not a list",
    "- not a bullet",
    "> not a quote",
    "&lt;b&gt; is not <b>",
    "back\\slash \\* star",
    "line one\n\n# line two",
    "<!-- comment --> tail",
]
RENDER = mistune.create_markdown(escape=False, plugins=["strikethrough", "table", "math", "url"])


def rendered_text(markdown_text):
    """What a reader sees: the HTML a Markdown renderer makes, and its text."""
    out = RENDER(markdown_text)
    return out, html.unescape(re.sub(r"<[^>]+>", "", out)).strip()


@pytest.mark.parametrize("text", HOSTILE)
def test_markdown_escape_shows_the_words_and_makes_no_markup(text):
    out, seen = rendered_text(f"Before {escape.markdown(text)} after.")
    assert re.sub(r"<p>|</p>", "", out).count("<") == 0, out  # no element but the paragraph
    assert seen == "Before " + re.sub(r"\s*\n\s*", " ", text) + " after."


@pytest.mark.parametrize("text", HOSTILE)
def test_markdown_escape_at_the_start_of_a_paragraph(text):
    out, seen = rendered_text(escape.markdown(text))
    assert re.sub(r"<p>|</p>", "", out).count("<") == 0, out
    assert seen == re.sub(r"\s*\n\s*", " ", text)


def test_ordinary_words_pass_unchanged():
    for text in ("more than 10,000 (Viasna, 31 Oct 2020)", "OSCE rapporteur", "як мінімум пра 1578",
                 "Czech Republic", "'arrested or detained'"):
        assert escape.markdown(text) == text


@pytest.mark.parametrize("text", HOSTILE)
def test_html_escape_leaves_no_tag_or_attribute(text):
    escaped = escape.html(text)
    assert "<" not in escaped and ">" not in escaped and '"' not in escaped
    assert html.unescape(escaped) == text


def test_dataframe_tables_escape_data():
    frame = pd.DataFrame({"quote": HOSTILE})
    table = frame._repr_html_()
    assert "<script" not in table and "<img" not in table and "<!--" not in table
    assert html.escape("<img src=x onerror=alert(1)>", quote=False) in table


def test_svg_chart_with_hostile_text_is_plain_xml(tmp_path, monkeypatch):
    monkeypatch.setenv(paths.FIGURES_ENV, str(tmp_path))
    fig, ax = charts.figure()
    data = pd.DataFrame({"label": HOSTILE[:4], "n": [1, 2, 3, 4]})
    ax.bar(data["label"], data["n"])
    charts.save(fig, "hostile-text", title=HOSTILE[0] + " -- " + HOSTILE[1], caption=HOSTILE[2],
                alt_text=HOSTILE[3] + " " + HOSTILE[1] + " and more words for the alt text",
                source="Source: " + HOSTILE[16], data=data)
    svg = (tmp_path / "hostile-text.svg").read_text(encoding="utf-8")
    root = ET.fromstring(svg)  # well-formed: no text broke out of its element or comment
    tags = {element.tag.split("}")[-1] for element in root.iter()}
    attributes = {name for element in root.iter() for name in element.attrib}
    assert "script" not in tags and "img" not in tags
    assert not any(name.lower().startswith("on") for name in attributes)


def weak_tally_row(data):
    with open(data / "raw" / "figures.csv", newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    header = rows[0]
    row = next(i for i, r in enumerate(rows[1:], 2) if r[header.index("measure")] == "detained_cumulative"
               and r[header.index("reliability")] == "weak")
    return rows, header, row


def test_a_hostile_caveat_reaches_notebook_01_as_words(scratch_project, tmp_path):
    """The reported case: a caveat holding an <img onerror> tag reached notebook 01 as live HTML."""
    rows, header, row = weak_tally_row(scratch_project / "data")
    hostile = "<img src=x onerror=alert(1)> [link](javascript:alert(1)) $x$ | `y`"
    rows[row - 1][header.index("caveat")] = hostile
    with open(scratch_project / "data" / "raw" / "figures.csv", "w", newline="", encoding="utf-8") as f:
        csv.writer(f, lineterminator="\n").writerows(rows)
    work = tmp_path / "work"
    work.mkdir()
    nb = asyncio.run(build.execute(scratch_project / "notebooks" / "01-compare-detention-tallies.ipynb", work))
    markdown = ["".join(o["data"]["text/markdown"]) for c in nb.cells for o in c.get("outputs", [])
                if "text/markdown" in o.get("data", {})]
    shown = [m for m in markdown if "onerror" in m]
    assert len(shown) == 1
    out, seen = rendered_text(shown[0])
    assert "<img" not in out and "<a " not in out and "<code" not in out
    assert hostile in seen
