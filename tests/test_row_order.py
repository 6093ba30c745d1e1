"""No analysis depends on the order of rows in a file: loaders return rows sorted by primary key,
and a row appended at the end (where people add rows) runs through the notebooks."""

import asyncio
import csv
import random

import pandas as pd
import pytest

from belarus2020.publish import build
from belarus2020.data import datasets

LOADERS = {
    "sources": datasets.load_sources, "figures": datasets.load_figures,
    "statements": datasets.load_statements, "events": datasets.load_events,
    "states": datasets.load_states, "measures": datasets.load_measures,
    "themes": datasets.load_themes,
}


def shuffle_rows(path, seed):
    with open(path, newline="", encoding="utf-8") as f:
        header, *rows = list(csv.reader(f))
    shuffled = rows[:]
    random.Random(seed).shuffle(shuffled)
    assert shuffled != rows
    with open(path, "w", newline="", encoding="utf-8") as f:
        csv.writer(f, lineterminator="\n").writerows([header] + shuffled)
    return header, shuffled


@pytest.fixture(scope="module")
def pristine():
    return {name: load() for name, load in LOADERS.items()}


@pytest.mark.parametrize("name", LOADERS)
def test_shuffled_rows_load_to_the_same_frame(scratch, pristine, name):
    path = datasets.table_path(name)
    header, shuffled = shuffle_rows(path, seed=len(name))
    frame = LOADERS[name]()
    pd.testing.assert_frame_equal(frame.reset_index(drop=True), pristine[name].reset_index(drop=True))
    key = header[0]
    for row, value in zip(frame.index, frame[key]):  # the index still names each row's place in the file
        assert shuffled[row - 2][0] == value


@pytest.mark.parametrize("name", LOADERS)
def test_rows_come_sorted_by_the_primary_key(pristine, name):
    descriptor = datasets._resource_descriptor(name)["schema"]
    key = descriptor["primaryKey"]
    key = [key] if isinstance(key, str) else key
    frame = pristine[name]
    assert list(frame[key].itertuples(index=False)) == sorted(frame[key].itertuples(index=False))


def append_like(path, row_number, **changes):
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    new = list(rows[row_number - 1])
    for column, value in changes.items():
        new[rows[0].index(column)] = value
    with open(path, "a", newline="", encoding="utf-8") as f:
        csv.writer(f, lineterminator="\n").writerow(new)


def test_timeline_runs_with_shuffled_files_and_an_early_statement_appended(scratch_project):
    """The reported crash: a statement appended at the end of statements.csv, dated before the
    others, made notebook 05 fail with a KeyError."""
    raw = scratch_project / "data" / "raw"
    for seed, name in enumerate(("statements.csv", "events.csv", "figures.csv", "sources.csv")):
        shuffle_rows(raw / name, seed)
    append_like(raw / "statements.csv", 4, statement_id="S9001", date="2020-08-09")
    append_like(raw / "events.csv", 3, event_id="E901", date="2020-08-09")
    notebook = scratch_project / "notebooks" / "05-draw-timeline.ipynb"
    [result] = asyncio.run(build.run([notebook], check=True, log=lambda line: None))
    assert result.differences  # it ran, and the new statement changed what it shows
