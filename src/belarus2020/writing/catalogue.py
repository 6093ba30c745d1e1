"""figures/index.csv: the catalogue of charts (id, title, caption, alt text, sources, notebook).

Kept apart from `charts` so that reading it needs only the csv module: the build consults it
on every run, including the no-op runs that should take a fraction of a second.

The build makes file names from chart ids read back from this file, and deletes the files of a
notebook's old charts: a chart id is therefore checked whenever the catalogue is read, so that
no row (typed by hand, merged badly, or written by a notebook) can name a file outside figures/.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

from belarus2020.data import paths

COLUMNS = ["chart_id", "title", "caption", "alt_text", "sources", "notebook"]
CHART_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")  # matched against the whole id: no '.', '/', '\\'
_FILE_NAME = re.compile(r"[^/\\\x00-\x1f]+")  # a notebook's name: one file name, no folder


class CatalogueError(ValueError):
    """A catalogue row the build cannot use safely; the message names file, row and column."""


def check_chart_id(chart_id: str) -> str:
    """The id, if it can be part of a file name in figures/; ValueError otherwise."""
    if not isinstance(chart_id, str) or not CHART_ID.fullmatch(chart_id):
        raise ValueError(f"chart id {chart_id!r}: use lower-case words and digits joined by hyphens")
    return chart_id


def path() -> Path:
    return paths.figures_dir() / "index.csv"


def read(where: Path | None = None) -> list[dict]:
    """The catalogue as a list of rows (empty if there is none yet); CatalogueError for a row the
    build could not use safely."""
    where = where or path()
    if not where.exists():
        return []
    with open(where, newline="", encoding="utf-8") as f:
        reader = csv.DictReader(f)
        rows = list(reader)
    name = _name(where)
    if reader.fieldnames != COLUMNS:
        raise CatalogueError(f"{name}, row 1: the header must be {','.join(COLUMNS)}")
    for number, row in enumerate(rows, 2):
        try:
            check_chart_id(row["chart_id"])
        except ValueError as error:
            raise CatalogueError(f"{name}, row {number}, column 'chart_id': {error}; the build makes file "
                                 "names from it") from None
        notebook = row["notebook"]
        if not isinstance(notebook, str) or not _FILE_NAME.fullmatch(notebook) or notebook in (".", ".."):
            raise CatalogueError(f"{name}, row {number}, column 'notebook': {notebook!r} is not a notebook's "
                                 "file name")
    return rows


def _name(where: Path) -> str:
    try:
        return paths.relative(where)
    except ValueError:  # a scratch catalogue outside the project
        return f"{where.parent.name}/{where.name}"


def write(rows: list[dict], where: Path | None = None) -> None:
    """Write the catalogue sorted by chart id, so the file does not depend on build order."""
    where = where or path()
    where.parent.mkdir(parents=True, exist_ok=True)
    unlink_link(where)
    with open(where, "w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(sorted(rows, key=lambda r: r["chart_id"]))


def unlink_link(file: Path) -> Path:
    """Remove `file` if it is a symbolic link, so that writing it cannot write wherever it points."""
    if file.is_symlink():
        file.unlink()
    return file


def chart_files(rows: list[dict], folder: Path) -> list[Path]:
    """The PNG, SVG and CSV of each catalogued chart: files directly inside `folder`, nowhere else."""
    return [folder / f"{check_chart_id(r['chart_id'])}.{ext}" for r in rows for ext in ("png", "svg", "csv")]
