"""Shared fixtures: a scratch copy of the project's data (or of the whole project) that a test may break."""

import csv
import os
import shutil

import pytest

from belarus2020.counts import telegram
from belarus2020.data import paths

NOT_RUN = "was not run"  # how a skip for missing shared material reads, so the summary can gather them
SEED = ("seed", "afp-2020-11-05-osce-belarus-report.txt")  # the AFP story, AFP's: kept outside the repository


def in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


def require(what: str, present: bool, how: str) -> None:
    """Skip a check whose material is outside the repository and absent, saying how to run it;
    in CI (CI=true), where ../shared is laid beside the clone, fail instead: nothing may be skipped."""
    if present:
        return
    message = f"{what} {NOT_RUN}: its material is not here; {how}"
    if in_ci():
        pytest.fail(f"CI=true, but {message}")
    pytest.skip(message)


@pytest.fixture(scope="session")
def telegram_exports():
    """The raw Telegram exports, for the checks of our extract against them."""
    require("a check of data/telegram/ against the raw Telegram exports", telegram.exports_present(),
            telegram.HOW_TO_GET)


@pytest.fixture(scope="session")
def seed_text():
    """The AFP story the project started from (shared/seed), for checks that our rows quote it verbatim."""
    path = paths.shared_dir().joinpath(*SEED)
    require("a check of the AFP rows against the seed story", path.is_file(),
            f"put it at {paths.SHARED_NAME}/{'/'.join(SEED)} (or set {paths.SHARED_ENV})")
    return path.read_text(encoding="utf-8")


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
    """Say plainly, once each, which checks did not run, and how to make them run."""
    reasons = {}
    for report in terminalreporter.stats.get("skipped", []):
        reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else str(report.longrepr)
        if NOT_RUN in reason:
            reasons.setdefault(reason.removeprefix("Skipped: "), []).append(report)
    for reason, reports in sorted(reasons.items()):
        terminalreporter.write_line(f"NOTE: {len(reports)} tests SKIPPED: {reason}", yellow=True, bold=True)
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
