"""Every number printed in prose has a ledger entry that lists the rows beneath it.

Prose is every Markdown cell and Markdown output of the notebooks and every chart's title,
caption and alt text. A digit there must stand inside a number the notebook recorded (a
`belarus2020.writing.ledger` number, kept in the output's metadata) or be one the rule allows (a date,
a notebook or section reference: `prose.bare_digits`). The committed ledger is what the build
derives from those outputs (tests/test_article.py checks it is fresh); here its rows are checked
against the data.
"""

import csv
import json
import re

import pytest

from belarus2020.publish import build, entries, evidence
from belarus2020.writing import catalogue, escape, prose
from belarus2020.data import paths

NOTEBOOKS = build.discover()


def masked(text, numbers):
    """The text with each recorded number blanked out."""
    for n in numbers:
        assert text[n["start"]:n["end"]] == n["text"] or escape.markdown(n["text"]) == text[n["start"]:n["end"]], \
            f"recorded number {n['text']!r} is not where its metadata says"
        text = text[:n["start"]] + " " * (n["end"] - n["start"]) + text[n["end"]:]
    return text


def prose_of(path):
    """(where, text with recorded numbers blanked) for every piece of prose in a notebook."""
    nb = json.loads(path.read_text(encoding="utf-8"))
    for index, cell in enumerate(nb["cells"], 1):
        where = f"{path.name}, cell {index}"
        if cell["cell_type"] == "markdown":
            yield where, "".join(cell["source"])
        for output in cell.get("outputs", []):
            meta = output.get("metadata", {}).get("belarus2020", {})
            data = output.get("data", {})
            if "chart" in meta:
                for part in ("title", "caption", "alt_text"):
                    yield f"{where}, chart {meta['chart']} {part}", masked(meta[part]["text"], meta[part]["numbers"])
            elif "text/markdown" in data:
                yield where, masked("".join(data["text/markdown"]), meta.get("numbers", []))


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def test_every_number_in_a_notebooks_prose_has_a_ledger_entry(path):
    bare = [f"{where}: {prose.bare_digits(text)} in {text.strip()[:120]!r}"
            for where, text in prose_of(path) if prose.bare_digits(text)]
    assert not bare, ("numbers in prose without a ledger entry; compute them with belarus2020.writing.ledger and fill "
                      "them into a prose.Paragraph or prose.fill template:\n" + "\n".join(bare))


def test_the_scan_finds_a_typed_number():
    text = "Of 17 claims, 12 are floors"
    numbers = [{"start": 14, "end": 16, "text": "12"}]
    assert prose.bare_digits(masked(text, numbers)) == ["17"]


def test_chart_texts_in_the_catalogue_are_those_the_notebooks_recorded():
    recorded = {}
    for path in NOTEBOOKS:
        for cell in json.loads(path.read_text(encoding="utf-8"))["cells"]:
            for output in cell.get("outputs", []):
                meta = output.get("metadata", {}).get("belarus2020", {})
                if "chart" in meta:
                    recorded[meta["chart"]] = {p: meta[p]["text"] for p in ("title", "caption", "alt_text")}
    rows = catalogue.read(paths.ROOT / "figures" / "index.csv")
    assert {r["chart_id"]: {p: r[p] for p in ("title", "caption", "alt_text")} for r in rows} == recorded


def ledger_rows():
    with open(entries.ledger_path(), newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def test_the_ledger_has_its_documented_columns_and_one_row_per_entry():
    with open(entries.ledger_path(), newline="", encoding="utf-8") as f:
        assert next(csv.reader(f)) == entries.COLUMNS
    rows = ledger_rows()
    assert len({r["entry"] for r in rows}) == len(rows)
    readme = (paths.ROOT / "README.md").read_text(encoding="utf-8")
    for column in entries.COLUMNS:
        assert f"| `{column}` |" in readme, f"README does not document the ledger column {column}"


def test_every_ledger_entry_stands_on_rows_that_exist():
    records = evidence.Records.load()
    columns = dict(zip(entries.TABLES, entries.COLUMNS[9:]))
    for row in ledger_rows():
        ids = {t: [i for i in row[c].split(";") if i] for t, c in columns.items()}
        assert any(ids.values()), f"ledger entry {row['entry']} lists no rows"
        for table, found in ids.items():
            for rid in found:
                records.get(table, rid)  # raises naming the missing id


def test_a_count_of_statements_lists_every_statement_counted():
    counted = [r for r in ledger_rows() if r["operation"] == "count" and r["statement_ids"] and "/" not in r["value"]]
    assert counted
    for row in counted:
        assert len(row["statement_ids"].split(";")) == int(row["value"]), row["entry"]


def test_a_share_lists_its_whole():
    shares = [r for r in ledger_rows() if r["operation"] == "share"]
    assert shares
    for row in shares:
        part, whole = (int(x) for x in row["value"].split("/"))
        assert re.search(rf"\({part} of {whole}\)", row["printed"]), row["entry"]
        listed = len(row["statement_ids"].split(";")) if row["statement_ids"] else len(row["figure_ids"].split(";"))
        assert listed >= whole, f"{row['entry']}: {whole} in the share, {listed} rows listed"


PROSE_FILES = sorted(paths.NOTEBOOKS.glob("*.prose.md"))


@pytest.mark.parametrize("path", PROSE_FILES, ids=[p.name for p in PROSE_FILES])
def test_every_template_is_used_and_types_no_number(path):
    notebook = path.name.replace(".prose.md", ".ipynb")
    templates = prose.templates(notebook.removesuffix(".ipynb"))
    for key, template in templates.items():
        typed = re.sub(r"\{\w+\}", "", template.text)
        assert not prose.bare_digits(typed), f"{path.name}, section {key}: {prose.bare_digits(typed)}"
    nb = json.loads((paths.NOTEBOOKS / notebook).read_text(encoding="utf-8"))
    used = {output["metadata"]["belarus2020"]["paragraph"] for cell in nb["cells"] for output in cell.get("outputs", [])
            if "paragraph" in output.get("metadata", {}).get("belarus2020", {})}
    sub_templates = {k for k in templates if any(f'text["{k}"]' in "".join(c["source"]) for c in nb["cells"])}
    assert set(templates) <= used | sub_templates, f"{path.name}: sections no cell uses: {set(templates) - used - sub_templates}"
