"""figures/index.csv: the catalogue of charts (id, title, caption, alt text, sources, notebook).

Kept apart from `charts` so that reading it needs only the csv module: the build consults it
on every run, including the no-op runs that should take a fraction of a second.
"""

from __future__ import annotations

import csv
from pathlib import Path

from . import paths

COLUMNS = ["chart_id", "title", "caption", "alt_text", "sources", "notebook"]


def path() -> Path:
    return paths.figures_dir() / "index.csv"


def read(where: Path | None = None) -> list[dict]:
    """The catalogue as a list of rows (empty if there is none yet)."""
    where = where or path()
    if not where.exists():
        return []
    with open(where, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def write(rows: list[dict], where: Path | None = None) -> None:
    """Write the catalogue sorted by chart id, so the file does not depend on build order."""
    where = where or path()
    where.parent.mkdir(parents=True, exist_ok=True)
    with open(where, "w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(sorted(rows, key=lambda r: r["chart_id"]))


def chart_files(rows: list[dict], folder: Path) -> list[Path]:
    """The PNG, SVG and CSV of each catalogued chart."""
    return [folder / f"{r['chart_id']}.{ext}" for r in rows for ext in ("png", "svg", "csv")]
