"""The claims ledger's entries, read from the built notebooks: every printed number and the rows beneath it.

Notebooks record their numbers in their outputs' metadata (`prose.Paragraph`, `charts.save`);
this module only reads the committed notebooks (json and csv, no pandas, so a no-op build stays
fast) and gives each number a stable entry id: `<notebook number>-<paragraph or chart part>-<name>`,
e.g. `00-tallies-first` or `00-themes-by-actor-type-title-top-share`. The id is the anchor of the
number's evidence, cited in ANALYSIS.md and the HTML edition.
"""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from belarus2020.data import paths

TABLES = ("figures", "statements", "events", "sources", "states")
COLUMNS = ["entry", "notebook", "cell", "block", "printed", "sentence", "operation", "how", "value",
           "figure_ids", "statement_ids", "event_ids", "source_ids", "states"]
CHART_PARTS = {"title": "title", "caption": "caption", "alt_text": "alt"}


@dataclass
class Entry:
    entry: str
    notebook: str
    cell: int
    block: str
    printed: str
    sentence: str
    operation: str
    how: str
    value: str
    ids: dict = field(default_factory=dict)

    def row(self) -> dict:
        row = {c: getattr(self, c) for c in COLUMNS[:9]}
        for table, column in zip(TABLES, COLUMNS[9:]):
            row[column] = ";".join(self.ids.get(table, []))
        return row


@dataclass
class Piece:
    """A text of a notebook with numbers in it: a paragraph (Markdown) or a chart's title, caption or alt text (plain)."""

    notebook: str
    cell: int
    block: str
    text: str
    markdown: bool
    spans: list  # [(start, end, Entry)]
    chart: str | None = None
    part: str | None = None


@dataclass
class Notebook:
    name: str
    cells: list  # the notebook's cells as json
    pieces: list
    entries: list


def _sentence_breaks(text: str, spans) -> list[int]:
    inside = [(s, e) for s, e, _ in spans]
    breaks = [0]
    for m in re.finditer(r"(?<=[.!?])\s+(?=[A-Z'\"(*-])|\n(?=- )", text):
        if not any(s < m.start() < e for s, e in inside):
            breaks.append(m.end())
    return breaks + [len(text)]


def plain(markdown: str) -> str:
    """Markdown as the words a reader sees: escapes, emphasis and list marks dropped, spaces collapsed."""
    text = re.sub(r"^\s*- ", "", markdown, flags=re.M)
    text = re.sub(r"(?<!\\)\*\*|(?<!\\)\*|(?<!\\)`", "", text)
    text = re.sub(r"\\(.)", r"\1", text)
    return re.sub(r"\s+", " ", text).strip()


def sentence_at(text: str, start: int, spans, markdown: bool) -> str:
    """The sentence of `text` in which position `start` falls."""
    breaks = _sentence_breaks(text, spans)
    begin = max(b for b in breaks if b <= start)
    end = min(b for b in breaks if b > start)
    sentence = text[begin:end]
    return plain(sentence) if markdown else re.sub(r"\s+", " ", sentence).strip()


def read_notebook(path: Path) -> Notebook:
    """The notebook's pieces of text with numbers, each number made a ledger entry."""
    return notebook_entries(json.loads(path.read_text(encoding="utf-8")), path.name)


def notebook_entries(nb: dict, name: str) -> Notebook:
    """The pieces and entries of a notebook given as its json (`name` is its file name)."""
    number = name[:2]
    pieces, entries, taken = [], [], {}

    def entry_id(block: str, name: str) -> str:
        base = f"{number}-{block}-{name}".replace("_", "-").lower()
        taken[base] = taken.get(base, 0) + 1
        return base if taken[base] == 1 else f"{base}-{taken[base]}"

    for index, cell in enumerate(nb["cells"], 1):
        for output in cell.get("outputs", []):
            meta = output.get("metadata", {}).get("belarus2020")
            if not meta:
                continue
            if "paragraph" in meta:
                parts = [(meta["paragraph"], "".join(output["data"]["text/markdown"]), meta["numbers"], True, None)]
            else:
                parts = [(f"{meta['chart']}-{CHART_PARTS[p]}", meta[p]["text"], meta[p]["numbers"], False, p)
                         for p in CHART_PARTS]
            for block, text, numbers, markdown, part in parts:
                raw = [(n["start"], n["end"], None) for n in numbers]
                spans = []
                for n in numbers:
                    e = Entry(entry_id(block, n["name"]), name, index, block, n["text"],
                              sentence_at(text, n["start"], raw, markdown), n["operation"], n["how"], n["value"],
                              {t: n["ids"].get(t, []) for t in TABLES if n["ids"].get(t)})
                    spans.append((n["start"], n["end"], e))
                    entries.append(e)
                pieces.append(Piece(name, index, block, text, markdown, spans, meta.get("chart"), part))
    return Notebook(name, nb["cells"], pieces, entries)


def ledger_csv(notebooks: list[Notebook]) -> str:
    """analysis/ledger.csv: one row per printed number, in notebook and reading order."""
    out = io.StringIO()
    writer = csv.DictWriter(out, COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(e.row() for nb in notebooks for e in nb.entries)
    return out.getvalue()


def ledger_path() -> Path:
    return paths.ROOT / "analysis" / "ledger.csv"
