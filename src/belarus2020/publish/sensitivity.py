"""How far each headline moves: the article's standfirst and chart titles recomputed on variants of the data.

A reader who cites "more than 30,000" wants to know whether it stands on one counter. So the
article's notebook is executed again, once per variant of the data, and each number of its
standfirst and of its chart titles is compared with the one the article prints:

- each counter in turn left out (every row it counted, and every copy of those rows);
- weak rows let in (as if every `weak` figure were `ok`);
- each copy link between two counters resolved the other way (the copy counted as a claim of
  its own counter).

The notebook runs in this process, cell after cell, on a scratch copy of `data/` (in `.build/`)
that carries the variant; its charts are not drawn (only their texts are kept), because only their numbers
are compared. `python -m belarus2020.publish.sensitivity` prints `analysis/sensitivity.csv`:
one row per headline entry and variant, with the value, the words printed and whether either
changed. The build runs it when the article's notebook or its data change.
"""

from __future__ import annotations

import ast
import contextlib
import csv
import io
import json
import shutil
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from belarus2020.data import paths
from belarus2020.publish import entries

NOTEBOOK = "00-explain-the-crackdown.ipynb"
COLUMNS = ["entry", "printed", "variant", "value", "printed_in_variant", "changed"]
FIGURES = ("raw", "figures.csv")


def output_path() -> Path:
    return paths.ROOT / "analysis" / "sensitivity.csv"


@dataclass(frozen=True)
class Variant:
    """A change to the figures table: `drop` removes rows, `relabel` sets cells (id -> {column: value})."""

    name: str
    drop: frozenset = frozenset()
    relabel: tuple = ()  # ((figure_id, column, value), ...)


def _figure_rows(data: Path) -> tuple[list[str], list[dict]]:
    with open(data.joinpath(*FIGURES), newline="", encoding="utf-8") as f:
        reader = csv.DictReader(f)
        return list(reader.fieldnames), list(reader)


def variants(data: Path, counters: list[str]) -> list[Variant]:
    """The variants for the counters beneath the headlines: each left out, weak rows in, cross-counter copies apart."""
    _, rows = _figure_rows(data)
    by_id = {r["figure_id"]: r for r in rows}
    found = []
    for counter in counters:
        own = {r["figure_id"] for r in rows if r["counted_by"] == counter}
        copies = {r["figure_id"] for r in rows if r["copy_of"] in own}
        found.append(Variant(f"without {counter}", frozenset(own | copies)))
    weak = tuple((r["figure_id"], "reliability", "ok") for r in rows if r["reliability"] == "weak")
    if weak:
        found.append(Variant("weak rows let in", relabel=weak))
    for row in rows:
        claim = by_id.get(row["copy_of"])
        if claim is not None and claim["counted_by"] != row["counted_by"]:
            found.append(Variant(f"{row['figure_id']} counted as {row['counted_by']}'s own claim, not a copy of "
                                 f"{claim['figure_id']}", relabel=((row["figure_id"], "copy_of", ""),)))
    return found


def apply(variant: Variant, source: Path, target: Path) -> None:
    """Copy `source` (a data/ folder) to `target` with the variant applied to the figures table."""
    shutil.copytree(source, target)
    columns, rows = _figure_rows(source)
    cells = {}
    for figure_id, column, value in variant.relabel:
        cells.setdefault(figure_id, {})[column] = value
    kept = [{**r, **cells.get(r["figure_id"], {})} for r in rows if r["figure_id"] not in variant.drop]
    with open(target.joinpath(*FIGURES), "w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, columns, lineterminator="\n")
        writer.writeheader()
        writer.writerows(kept)


class _Displayed:
    """What a cell shows, as the notebook's outputs would carry it."""

    def __init__(self):
        self.outputs = []

    def __call__(self, *objects, **_):
        for obj in objects:
            self.show(obj)

    def show(self, obj) -> None:
        if hasattr(obj, "_repr_mimebundle_"):
            data, metadata = obj._repr_mimebundle_()
            self.outputs.append({"output_type": "display_data", "data": data, "metadata": metadata})


def _texts_only(fig, chart_id, *, title, caption, alt_text, source, data):
    """charts.save without the drawing: the chart's texts, for their numbers."""
    import matplotlib.pyplot as plt

    from belarus2020.writing import charts

    plt.close(fig)
    return charts.ChartImage(b"", chart_id, {"title": title, "caption": caption, "alt_text": alt_text})


def execute(notebook: dict) -> tuple[dict, str]:
    """The notebook with each code cell's displayed outputs, run in this process on the current data,
    and the error that stopped it ('' when none): the cells before it keep their outputs."""
    from belarus2020.writing import charts

    shown, namespace, failure = [], {"__name__": "__main__"}, ""
    saved = charts.save
    charts.save = _texts_only
    try:
        for cell in notebook["cells"]:
            outputs = _Displayed()
            namespace["display"] = outputs
            if cell["cell_type"] == "code" and not failure:
                tree = ast.parse("".join(cell["source"]))
                last = tree.body.pop() if tree.body and isinstance(tree.body[-1], ast.Expr) else None
                try:
                    with contextlib.redirect_stdout(io.StringIO()):
                        exec(compile(tree, "<cell>", "exec"), namespace)
                        if last is not None:
                            outputs.show(eval(compile(ast.Expression(last.value), "<cell>", "eval"), namespace))
                except Exception as error:  # a variant the notebook cannot compute is a finding, not a crash
                    failure = f"{type(error).__name__}: {error}".splitlines()[0]
            shown.append({**cell, "outputs": outputs.outputs})
    finally:
        charts.save = saved
    return {**notebook, "cells": shown}, failure


def headlines(notebook: entries.Notebook) -> dict[str, entries.Entry]:
    """The entries of the standfirst (the paragraph in the cell tagged 'standfirst') and of every chart title."""
    standfirst = {i for i, c in enumerate(notebook.cells, 1) if "standfirst" in c.get("metadata", {}).get("tags", [])}
    return {e.entry: e for piece in notebook.pieces for _, _, e in piece.spans
            if piece.part == "title" or (piece.chart is None and piece.cell in standfirst)}


def counters_beneath(found: dict[str, entries.Entry], data: Path) -> list[str]:
    _, rows = _figure_rows(data)
    counted = {r["figure_id"]: r["counted_by"] for r in rows}
    return sorted({counted[i] for e in found.values() for i in e.ids.get("figures", []) if i in counted})


def run() -> list[dict]:
    """Every headline entry under every variant, against the committed article notebook."""
    path = paths.NOTEBOOKS / NOTEBOOK
    committed = entries.read_notebook(path)
    base = headlines(committed)
    source = json.loads(path.read_text(encoding="utf-8"))
    rows = []
    real_data, real_raw = paths.DATA, paths.RAW
    work = paths.ROOT / ".build"  # inside the project, so that every file read is named as the project names it
    work.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory(dir=work, prefix="sensitivity-") as scratch:
        for number, variant in enumerate(variants(real_data, counters_beneath(base, real_data))):
            target = Path(scratch) / f"variant-{number}"
            apply(variant, real_data, target)
            paths.DATA, paths.RAW = target, target / "raw"
            try:
                ran, failure = execute(source)
                found = headlines(entries.notebook_entries(ran, NOTEBOOK))
            finally:
                paths.DATA, paths.RAW = real_data, real_raw
            for entry_id, entry in base.items():
                other = found.get(entry_id)
                if other is None:
                    rows.append({"entry": entry_id, "printed": entry.printed, "variant": variant.name, "value": "",
                                 "printed_in_variant": f"not computed: {failure}" if failure else "not printed",
                                 "changed": "gone"})
                    continue
                changed = other.value != entry.value or other.printed != entry.printed
                rows.append({"entry": entry_id, "printed": entry.printed, "variant": variant.name, "value": other.value,
                             "printed_in_variant": other.printed, "changed": "yes" if changed else "no"})
    return rows


def csv_text(rows: list[dict]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def main() -> int:
    """Print analysis/sensitivity.csv as it should be; the build writes it, or compares it with `--check`."""
    sys.stdout.write(csv_text(run()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
