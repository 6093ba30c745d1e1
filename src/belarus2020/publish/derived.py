"""The files the build derives from the built notebooks: the ledger, the evidence pages, the
article (Markdown and HTML) and the README's Findings; and from the data, the reconciliation
table. Each is written only when it changes.

Kept apart from `article` and `edition` so that both can be rendered from one assembled
article without importing each other.
"""

from __future__ import annotations

from pathlib import Path

from belarus2020.publish import article as articles
from belarus2020.publish import edition, entries, evidence
from belarus2020.writing import escape
from belarus2020.data import paths


def edition_path() -> Path:
    return paths.ROOT / "analysis" / "belarus-2020.html"


def outputs() -> dict[Path, str]:
    """Every file the build derives from the committed notebooks and data, with its content."""
    notebooks = [entries.read_notebook(p) for p in sorted(paths.NOTEBOOKS.glob("[0-9][0-9]-*.ipynb"))]
    records = evidence.Records.load()
    article = articles.assemble(next(nb for nb in notebooks if nb.name == articles.NOTEBOOK))
    files = {entries.ledger_path(): entries.ledger_csv(notebooks)}
    files.update({evidence.page_path(nb.name): evidence.page(nb, records) for nb in notebooks})
    files[paths.ROOT / "ANALYSIS.md"] = articles.markdown(article, records)
    files[edition_path()] = edition.html(article, records)
    files[paths.ROOT / "README.md"] = articles.readme((paths.ROOT / "README.md").read_text(encoding="utf-8"), article)
    files[reconciliation_path()] = reconciliation_csv()
    return files


def reconciliation_path() -> Path:
    return paths.ROOT / "analysis" / "reconciliation.csv"


def reconciliation_csv(found: list | None = None) -> str:
    """analysis/reconciliation.csv: the conflicts found by belarus2020.counts.reconciliation (in the data,
    unless given), every text cell safe to open in a spreadsheet."""
    import csv
    import io

    from belarus2020.counts import reconciliation  # pandas, imported only when the derived files are made
    from belarus2020.data import datasets

    if found is None:
        found = reconciliation.conflicts(reconciliation.record(datasets.load_figures(), datasets.load_measures()))
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(reconciliation.COLUMNS)
    for row in reconciliation.table(found).itertuples(index=False):
        writer.writerow([value if isinstance(value, int) else escape.spreadsheet(value) for value in row])
    return out.getvalue()


def _stale_pages(files: dict) -> list[Path]:
    folder = paths.ROOT / "analysis" / "evidence"
    return sorted(p for p in folder.glob("*.md") if p not in files) if folder.exists() else []


STATE_FILE = paths.ROOT / ".build" / "derived.txt"


def _state_digest() -> str:
    """A hash of every file the derived outputs are made from or consist of."""
    import hashlib

    folder = paths.ROOT / "analysis"
    files = (sorted(paths.NOTEBOOKS.glob("[0-9][0-9]-*.ipynb")) + evidence.data_files() + [paths.DATA / "measures.csv"]
             + sorted(paths.figures_dir().glob("*.svg")) + sorted((paths.ROOT / "src" / "belarus2020").rglob("*.py"))
             + [paths.ROOT / "ANALYSIS.md", paths.ROOT / "README.md"] + sorted(folder.rglob("*.*")))
    h = hashlib.sha256()
    for path in files:
        h.update(f"{paths.relative(path)}\0".encode())
        h.update(path.read_bytes() if path.exists() else b"missing")
    return h.hexdigest()


def refresh() -> list[str]:
    """write(), unless nothing it reads or writes changed since it last ran (a no-op build stays fast)."""
    if STATE_FILE.exists() and STATE_FILE.read_text() == _state_digest():
        return []
    written = write()
    STATE_FILE.parent.mkdir(exist_ok=True)
    STATE_FILE.write_text(_state_digest())
    return written


def write() -> list[str]:
    """Write what changed; remove evidence pages of notebooks that no longer exist. Returns the paths written."""
    files, written = outputs(), []
    for path, text in files.items():
        data = text.encode("utf-8")
        if not path.exists() or path.read_bytes() != data:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
            written.append(paths.relative(path))
    for stale in _stale_pages(files):
        stale.unlink()
        written.append(paths.relative(stale))
    return written


def differences() -> list[str]:
    """The derived files that differ from what the build would write now."""
    files = outputs()
    found = [f"{paths.relative(p)} differs from what the build writes (run `make analysis`)"
             for p, text in files.items() if not p.exists() or p.read_bytes() != text.encode("utf-8")]
    return found + [f"{paths.relative(p)} belongs to no notebook" for p in _stale_pages(files)]
