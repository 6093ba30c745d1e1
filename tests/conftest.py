"""Shared fixtures: a scratch copy of the project's data (or of the whole project) that a test may break."""

import csv
import shutil

import pytest

from belarus2020.data import paths


class ScratchData:
    """A copy of data/ under a scratch project root, with helpers to break one cell or row."""

    def __init__(self, root):
        self.root = root
        shutil.copytree(paths.DATA, root / "data")

    def rows(self, name):
        with open(self.root / "data" / name, newline="", encoding="utf-8") as f:
            return list(csv.reader(f))

    def write(self, name, rows):
        with open(self.root / "data" / name, "w", newline="", encoding="utf-8") as f:
            csv.writer(f, lineterminator="\n").writerows(rows)

    def set(self, name, row, column, value):
        """Set a cell; `row` counts as a spreadsheet does (header = row 1)."""
        rows = self.rows(name)
        rows[row - 1][rows[0].index(column)] = value
        self.write(name, rows)

    def get(self, name, row, column):
        rows = self.rows(name)
        return rows[row - 1][rows[0].index(column)]


@pytest.fixture
def scratch(tmp_path, monkeypatch):
    data = ScratchData(tmp_path)
    monkeypatch.setattr(paths, "ROOT", tmp_path)
    monkeypatch.setattr(paths, "DATA", tmp_path / "data")
    monkeypatch.setattr(paths, "RAW", tmp_path / "data" / "raw")
    return data


def pytest_terminal_summary(terminalreporter):
    """Say plainly when the browser tests did not run, and how to make them run."""
    skipped = [r for r in terminalreporter.stats.get("skipped", []) if "Chromium" in str(r.longrepr)]
    if skipped:
        terminalreporter.write_line(
            f"NOTE: {len(skipped)} browser tests of the HTML edition were SKIPPED: Chromium or chromedriver is not "
            "installed. Install them (Debian/Ubuntu: `apt-get install chromium chromium-driver`) and run `make test` "
            "again.", yellow=True, bold=True)


@pytest.fixture
def scratch_project(tmp_path, monkeypatch):
    """A scratch copy of the project (package, data, notebooks, style) for running notebooks on
    broken or edited data. Kernels import the package from the copy (PYTHONPATH), so they read
    the scratch data too; charts go to the scratch figures/."""
    for folder in ("src", "data", "notebooks"):
        shutil.copytree(paths.ROOT / folder, tmp_path / folder, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(paths.RCFILE, tmp_path / paths.RCFILE.name)
    monkeypatch.setenv("PYTHONPATH", str(tmp_path / "src"))
    monkeypatch.setenv(paths.FIGURES_ENV, str(tmp_path / "figures"))
    for name, value in (("ROOT", tmp_path), ("DATA", tmp_path / "data"), ("RAW", tmp_path / "data" / "raw"),
                        ("NOTEBOOKS", tmp_path / "notebooks"), ("RCFILE", tmp_path / paths.RCFILE.name)):
        monkeypatch.setattr(paths, name, value)
    return tmp_path
