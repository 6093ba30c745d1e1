"""The evidence beneath each number: the rows a ledger entry lists, with their sources' words.

One page per notebook (`analysis/evidence/<notebook>.md`), one anchor per ledger entry: the
number as printed, its sentence, how it was computed, and every row beneath it with its
verbatim phrase or quote, excerpt, source, date and URL, and the copies of each claim (rows
whose `copy_of` names it). Data text is escaped: a source's words never become Markdown.
Reads data/ with the csv module only (the notebooks have validated it), so the build stays fast.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from html import escape
from pathlib import Path

from belarus2020.data import paths
from belarus2020.writing.escape import markdown as markdown_escape

FILES = {
    "figures": ("raw/figures.csv", "figure_id"),
    "statements": ("raw/statements.csv", "statement_id"),
    "events": ("raw/events.csv", "event_id"),
    "sources": ("raw/sources.csv", "source_id"),
    "states": ("raw/moscow_mechanism_states.csv", "state"),
}


def data_files() -> list[Path]:
    return [paths.DATA / name for name, _ in FILES.values()]


@dataclass
class Records:
    """The raw rows by table and id, and the copies of each claim."""

    rows: dict  # table -> {id: row}
    copies: dict  # table -> {id: [copy ids]}

    @classmethod
    def load(cls) -> "Records":
        rows, copies = {}, {}
        for table, (name, key) in FILES.items():
            with open(paths.DATA / name, newline="", encoding="utf-8") as f:
                rows[table] = {r[key]: r for r in csv.DictReader(f)}
            copies[table] = {}
            for rid, row in rows[table].items():
                if row.get("copy_of"):
                    copies[table].setdefault(row["copy_of"], []).append(rid)
        return cls(rows, copies)

    def get(self, table: str, rid: str) -> dict:
        try:
            return self.rows[table][rid]
        except KeyError:
            raise KeyError(f"the ledger names {table} id {rid!r}, which is not in data/{FILES[table][0]}") from None

    def source_ids(self, ids: dict) -> list[str]:
        """The sources behind the given ids, copies' sources included."""
        found = set(ids.get("sources", []))
        for table in ("figures", "statements", "events", "states"):
            for rid in ids.get(table, []):
                row = self.get(table, rid)
                found.update(i for i in (row.get("source_id") or "").split(";") if i)
                found.update(i for i in (row.get("confirmed_by") or "").split(";") if i)
                for copy in self.copies[table].get(rid, []):
                    found.add(self.get(table, copy)["source_id"])
        return sorted(found)


class Markdown:
    """How evidence is written for GitHub: data text escaped, one line per item."""

    @staticmethod
    def text(value: str) -> str:
        return markdown_escape(re.sub(r"\s+", " ", value or "").strip())

    @staticmethod
    def bold(value: str) -> str:
        return f"**{value}**"

    @staticmethod
    def code(value: str) -> str:
        return f"`{value}`"

    @staticmethod
    def link(text: str, address: str) -> str:
        """A link whose destination survives spaces, brackets and angle brackets in the address."""
        return f"[{text}](<{address.replace('<', '%3C').replace('>', '%3E')}>)"


class Html:
    """How evidence is written for the HTML edition: data text escaped for HTML."""

    @staticmethod
    def text(value: str) -> str:
        return escape(re.sub(r"\s+", " ", value or "").strip(), quote=False)

    @staticmethod
    def bold(value: str) -> str:
        return f"<strong>{value}</strong>"

    @staticmethod
    def code(value: str) -> str:
        return f"<code>{value}</code>"

    @staticmethod
    def link(text: str, address: str) -> str:
        return f'<a href="{escape(address, quote=True)}">{text}</a>'


def source_line(records: Records, source_id: str, fmt=Markdown) -> str:
    s = records.get("sources", source_id)
    published = f", published {s['published']}" if s["published"] else ", date of publication not shown"
    return f"{source_id}: {fmt.text(s['publisher'])}, {fmt.link(fmt.text(s['title']), s['url'])}{published}"


def row_lines(records: Records, table: str, rid: str, fmt=Markdown) -> list[str]:
    """One row beneath a number: its words first, then excerpt, source, date, URL and copies."""
    r, t = records.get(table, rid), fmt.text
    if table == "figures":
        english = f' (our English: "{t(r["phrase_en_ours"])}")' if r["phrase_en_ours"] else ""
        head = (f'{fmt.bold(rid)}, {t(r["counted_by"])}, {fmt.code(r["measure"])}, as of '
                f'{r["period_end"] or "an unknown date"}: "{t(r["phrase"])}"{english}')
        lines = [f'excerpt: "{t(r["excerpt"])}"']
    elif table == "statements":
        english = f' Our translation: "{t(r["translation_en_ours"])}"' if r["translation_en_ours"] else ""
        who = ", ".join(t(r[c]) for c in ("speaker", "role", "organisation") if r[c])
        head = f'{fmt.bold(rid)}, {who}, {r["date"] or "undated"}, {t(r["venue"])}: "{t(r["quote"])}"{english}'
        lines = []
    elif table == "events":
        head = f'{fmt.bold(rid)}, {r["date"]}: {t(r["event"])}'
        lines = [f'excerpt: "{t(r["excerpt"])}"']
    elif table == "states":
        head = f'{fmt.bold(t(rid))} ({r["iso_alpha3"]}), named in the source as "{t(r["name_in_source"])}"'
        lines = [f'excerpt: "{t(r["excerpt"])}"']
        if r["confirmed_by"]:
            lines.append("also listed by: " + "; ".join(source_line(records, i, fmt) for i in r["confirmed_by"].split(";")))
    else:
        return [source_line(records, rid, fmt)]
    lines.append("source: " + source_line(records, r["source_id"], fmt))
    if r.get("reliability") == "weak":
        lines.append(f'weak: {t(r["caveat"])}')
    if r.get("copy_of"):
        lines.append(f'a copy of {r["copy_of"]}')
    copies = records.copies.get(table, {}).get(rid, [])
    if copies:
        lines.append("copies: " + "; ".join(
            f'{c} ("{t(records.get(table, c)["phrase" if table == "figures" else "quote"])}"; '
            f'{source_line(records, records.get(table, c)["source_id"], fmt)})' for c in copies))
    elif table in ("figures", "statements"):
        lines.append("copies: none in the data")
    return [head] + lines


FULL_ROWS = 12  # an entry shows up to this many rows in full; a larger group is listed by name


def rows(records: Records, ids: dict, fmt=Markdown) -> list[list[str]]:
    """The rows beneath an entry, each as its lines, tables in a fixed order."""
    return [row_lines(records, table, rid, fmt) for table, rid in pairs(ids)]


def pairs(ids: dict) -> list[tuple[str, str]]:
    return [(table, rid) for table in ("figures", "statements", "events", "states", "sources") for rid in ids.get(table, [])]


def row_anchor(table: str, rid: str) -> str:
    """The anchor of a row's full record: 'row-f0023', 'row-united-kingdom'."""
    return "row-" + re.sub(r"[^a-z0-9]+", "-", rid.lower()).strip("-")


def short_line(records: Records, table: str, rid: str, fmt=Markdown) -> str:
    """A row in one line, linked to its full record: who, when and, for a figure, its phrase."""
    r, t = records.get(table, rid), fmt.text
    label = fmt.link(fmt.bold(t(rid)), f"#{row_anchor(table, rid)}")
    if table == "figures":
        return f'{label}, {t(r["counted_by"])}, as of {r["period_end"] or "an unknown date"}: "{t(r["phrase"])}"'
    if table == "statements":
        return f'{label}, {t(r["speaker"] or r["organisation"])}, {r["date"] or "undated"}'
    if table == "events":
        return f'{label}, {r["date"]}: {t(r["event"])}'
    if table == "states":
        return label
    return f'{label}: {t(r["publisher"])}'


def shown_in_full(ids: dict) -> bool:
    return sum(len(v) for v in ids.values()) <= FULL_ROWS



def anchor(name: str) -> str:
    """An anchor GitHub keeps (it prefixes the id with `user-content-` and scrolls to it) and browsers use."""
    if not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", name):
        raise ValueError(f"anchor {name!r}: anchors are lower-case letters, digits and hyphens")
    return f'<a id="{name}" name="{name}"></a>'


def page_path(notebook: str) -> Path:
    return paths.ROOT / "analysis" / "evidence" / f"{Path(notebook).stem}.md"


def entry_lines(e, records: Records, fmt=Markdown) -> list[list[str]]:
    """The rows beneath an entry: in full, or for a larger group one line each, linked to its record."""
    if shown_in_full(e.ids):
        return rows(records, e.ids, fmt)
    return [[short_line(records, table, rid, fmt)] for table, rid in pairs(e.ids)]


def listed(notebook_entries) -> list[tuple[str, str]]:
    """The rows listed by name (in larger groups), each once, in table and id order."""
    found = {pair for e in notebook_entries if not shown_in_full(e.ids) for pair in pairs(e.ids)}
    order = ("figures", "statements", "events", "states", "sources")
    return sorted(found, key=lambda p: (order.index(p[0]), p[1]))


def page(notebook, records: Records) -> str:
    """The evidence page of one notebook: every number of its prose, chart titles and alt texts."""
    lines = [
        f"# Evidence: `notebooks/{notebook.name}`", "",
        "Every number printed in the notebook's commentary, chart titles, captions and alt texts, with the "
        "rows beneath it and the words of their sources. A number that stands on a few rows shows them in "
        "full; a larger group is listed by name, each row linked to its record at the end of the page. "
        "Written by the build from the notebook's outputs and `data/`; `analysis/ledger.csv` has the same "
        "entries, one row each. Do not edit: run `make analysis`.", "",
    ]
    for e in notebook.entries:
        n = sum(len(v) for v in e.ids.values())
        lines += [
            anchor(e.entry),
            f"### {Markdown.text(e.printed)}", "",
            f"> {Markdown.text(e.sentence)}", "",
            f"Entry `{e.entry}`: {e.block.replace('-', ' ')}, cell {e.cell}. Operation: {e.operation}"
            + (f" ({Markdown.text(e.how)})" if e.how else "") + (f"; value {Markdown.text(e.value)}" if e.value else "")
            + f". Rows beneath it: {n}.", "",
        ]
        for head, *rest in entry_lines(e, records):
            lines += [f"- {head}"] + [f"  - {line}" for line in rest]
        lines.append("")
    records_listed = listed(notebook.entries)
    if records_listed:
        lines += ["## The rows of the larger groups", ""]
        for table, rid in records_listed:
            head, *rest = row_lines(records, table, rid)
            lines += [anchor(row_anchor(table, rid)), f"- {head}"] + [f"  - {line}" for line in rest] + [""]
    return "\n".join(lines).rstrip() + "\n"
