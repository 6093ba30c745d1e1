"""Project folders, computed from this file so that no notebook needs `../` or a working directory.

Reads of project data go through `record_read`, so that the build can check each notebook's
declared inputs against what it actually read.
"""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "data"
RAW = DATA / "raw"
NOTEBOOKS = ROOT / "notebooks"

RCFILE = ROOT / "matplotlibrc"  # house style and byte-stable output settings for every chart

READ_LOG_ENV = "BELARUS2020_READ_LOG"
FIGURES_ENV = "BELARUS2020_FIGURES_DIR"
NOTEBOOK_ENV = "BELARUS2020_NOTEBOOK"  # set by the build, so a saved chart is catalogued under its notebook


def figures_dir() -> Path:
    """Where charts are written: `figures/`, or a scratch folder the build names when checking."""
    override = os.environ.get(FIGURES_ENV)
    return Path(override) if override else ROOT / "figures"


def relative(path: Path) -> str:
    """A path as the project names it (POSIX, relative to the root): never a machine path."""
    return Path(path).resolve().relative_to(ROOT).as_posix()


def record_read(path: Path) -> Path:
    """Note that a notebook read `path` (when the build asks for a log) and return it."""
    log = os.environ.get(READ_LOG_ENV)
    if log:
        with open(log, "a", encoding="utf-8") as f:
            f.write(relative(path) + "\n")
    return path
