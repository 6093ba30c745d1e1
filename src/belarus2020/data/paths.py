"""Project folders, computed from this file so that no notebook needs `../` or a working directory.

Reads of project data go through `record_read`, so that the build can check each notebook's
declared inputs against what it actually read.

Some inputs are too large or not ours to commit (the Telegram exports): they live in a shared
folder beside the project, `../shared/`, or wherever BELARUS2020_SHARED points. The project
names such a file by its place under that folder (`../shared/sources/telegram/pressmvd.json`),
so notebooks declare the same name on every machine.
"""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
DATA = ROOT / "data"
RAW = DATA / "raw"
NOTEBOOKS = ROOT / "notebooks"

RCFILE = ROOT / "matplotlibrc"  # house style and byte-stable output settings for every chart

READ_LOG_ENV = "BELARUS2020_READ_LOG"
FIGURES_ENV = "BELARUS2020_FIGURES_DIR"
NOTEBOOK_ENV = "BELARUS2020_NOTEBOOK"  # set by the build, so a saved chart is catalogued under its notebook
SHARED_ENV = "BELARUS2020_SHARED"
SHARED_NAME = "../shared"  # how the project names the shared folder, wherever it really is


def figures_dir() -> Path:
    """Where charts are written: `figures/`, or a scratch folder the build names when checking."""
    override = os.environ.get(FIGURES_ENV)
    return Path(override) if override else ROOT / "figures"


def shared_dir() -> Path:
    """The shared source folder: BELARUS2020_SHARED if set, else `shared/` beside the project root."""
    override = os.environ.get(SHARED_ENV)
    return Path(override) if override else ROOT.parent / "shared"


def telegram_dir() -> Path:
    """Where the Telegram channel exports are (see their PROVENANCE.md)."""
    return shared_dir() / "sources" / "telegram"


def relative(path: Path) -> str:
    """A path as the project names it (POSIX, relative to the root): never a machine path.

    A file in the shared folder is named `../shared/...` even when BELARUS2020_SHARED moves it.
    """
    resolved = Path(path).resolve()
    if resolved.is_relative_to(ROOT.resolve()):
        return resolved.relative_to(ROOT.resolve()).as_posix()
    shared = shared_dir().resolve()
    if resolved.is_relative_to(shared):
        return f"{SHARED_NAME}/{resolved.relative_to(shared).as_posix()}"
    raise ValueError(f"{path} is neither in the project nor in the shared folder ({SHARED_ENV})")


def from_relative(name: str) -> Path:
    """The file behind a name that `relative` gave: the inverse, for declared inputs."""
    if name.startswith(SHARED_NAME + "/"):
        return shared_dir() / name[len(SHARED_NAME) + 1:]
    return ROOT / name


def record_read(path: Path) -> Path:
    """Note that a notebook read `path` (when the build asks for a log) and return it."""
    log = os.environ.get(READ_LOG_ENV)
    if log:
        with open(log, "a", encoding="utf-8") as f:
            f.write(relative(path) + "\n")
    return path
