"""Loaders for the raw tables: validate, then return typed DataFrames.

Each loader checks its table before anything reaches a notebook: the file's shape (encoding,
header, rows; `csvfile`), every cell against the Table Schema in data/datapackage.json (types,
patterns, enums, unique and foreign keys; `schema`), and the provenance rules the schema cannot
express (the phrase stands in the excerpt, translations are present, dates are real and in
range, hedged numbers can be read). Every problem in the file is collected and raised together
as one DataError naming file, row and column, one message per cell: a journalist who edits a
CSV sees everything that is wrong in one go, and nothing is dropped silently. What the loaders
accept, normalise and refuse is listed in the codebook (data/README.md, "What the loaders
accept").

Rows come sorted by the table's primary key (ids in order; states by name; measures by name;
themes by theme, then pattern), whatever their order in the file, so that no analysis depends
on where a row was typed. The index is each row's number as a spreadsheet shows it (header =
row 1), so that a later message can still name the row.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pandas as pd

from . import characters, csvfile, paths, schema
from .estimates import parse_estimate
from .problems import DataError, Problem


# Dates outside this window are typing mistakes for this story (2020 election to its aftermath).
DATE_RANGE = (dt.date(2020, 1, 1), dt.date(2022, 12, 31))
PUBLISHED_RANGE = (dt.date(2020, 1, 1), dt.date(2024, 12, 31))
_PARTIAL_DATE = re.compile(r"^([0-9]{4})-([0-9]{2})(?:-([0-9]{2}))?$")

# Free-text columns whose values group or filter rows (who counted, who spoke, where): one line,
# no space at either end, no invisible characters, so that two values that look alike are alike.
ONE_LINE = {
    "sources": {"publisher"},
    "figures": {"locator", "counted_by"},
    "statements": {"speaker", "role", "organisation", "country", "venue"},
    "states": {"state"},
}


def datapackage_path() -> Path:
    return paths.DATA / "datapackage.json"


def _descriptor() -> dict:
    return json.loads(paths.record_read(datapackage_path()).read_text(encoding="utf-8"))


def _resource_descriptor(name: str) -> dict:
    for resource in _descriptor()["resources"]:
        if resource["name"] == name:
            return resource
    raise KeyError(f"no resource {name!r} in {paths.relative(datapackage_path())}")


def table_path(name: str) -> Path:
    """The CSV file behind a resource of the data package."""
    return paths.DATA / _resource_descriptor(name)["path"]


def _parse_partial_date(value: str) -> tuple[dt.date, str]:
    """'2020-11-05' -> (that day, 'day'); '2020-11' -> (15 Nov 2020, 'month')."""
    m = _PARTIAL_DATE.match(value)
    if not m:
        raise ValueError("write it as YYYY-MM-DD, or YYYY-MM when only the month is known")
    year, month, day = int(m[1]), int(m[2]), m[3]
    if day is None:
        return dt.date(year, month, 15), "month"
    return dt.date(year, month, int(day)), "day"


def _add_dates(df, column, file, problems, window=DATE_RANGE):
    """Add `<column>_date` (mid-month for month-only dates) and `<column>_precision`."""
    dates, precision = [], []
    for row, value in df[column].items():
        if pd.isna(value):
            dates.append(pd.NaT)
            precision.append("unknown")
            continue
        try:
            day, prec = _parse_partial_date(value)
        except ValueError as e:
            problems.append(Problem(file, row, column, f"{value!r} is not a real date ({e})"))
            dates.append(pd.NaT)
            precision.append("unknown")
            continue
        if not window[0] <= day <= window[1]:
            problems.append(Problem(
                file, row, column,
                f"{value!r} is outside {window[0]:%Y-%m-%d}..{window[1]:%Y-%m-%d}"))
        dates.append(pd.Timestamp(day))
        precision.append(prec)
    df[f"{column}_date"] = pd.to_datetime(pd.Series(dates, index=df.index))
    df[f"{column}_precision"] = pd.Categorical(precision, categories=["day", "month", "unknown"])


def _require_when(df, file, problems, column, condition, why):
    for row in df.index[condition & df[column].isna()]:
        problems.append(Problem(file, row, column, f"is empty but required {why}"))


def _table(name: str) -> csvfile.Table:
    """The rows of a table whose shape is right; a DataError naming the first structural problems otherwise."""
    path = paths.record_read(table_path(name))
    expected = [field["name"] for field in _resource_descriptor(name)["schema"]["fields"]]
    table, problems = csvfile.read(path, paths.relative(path), expected)
    if problems:
        raise DataError(problems)
    return table


def _key_values(name: str, column: str) -> set[str]:
    """The values of `column` in another table, for checking references to it."""
    table = _table(name)
    index = table.header.index(column)
    return {record[index] for record in table.records}


def _references(name: str, resource: dict, table: csvfile.Table) -> dict[str, tuple[str, set]]:
    """For each foreign-key column, the file it refers to and the values found there."""
    references = {}
    for key in resource["schema"].get("foreignKeys", []):
        column, target = (k if isinstance(k, str) else k[0] for k in (key["fields"], key["reference"]["fields"]))
        other = key["reference"]["resource"] or name
        if other == name:
            values = {record[table.header.index(target)] for record in table.records}
        else:
            values = _key_values(other, target)
        references[column] = (paths.relative(table_path(other)), values)
    return references


def _frame(table: csvfile.Table) -> pd.DataFrame:
    """The cells as strings, empty cells as missing, index = spreadsheet row number."""
    df = pd.DataFrame(table.records, columns=table.header, dtype="string")
    df = df.replace("", pd.NA)
    df.index = pd.Index(table.rows, name="row", dtype="int64")
    return df


def _one_per_cell(problems: list[Problem], columns: list[str]) -> list[Problem]:
    """The first problem found in each cell, in the order a reader scans the file."""
    first = {}
    for problem in problems:
        first.setdefault((problem.file, problem.row, problem.column), problem)
    order = {c: i for i, c in enumerate(columns)}
    return sorted(first.values(), key=lambda p: (p.row or 0, order.get(p.column, -1)))


def _load(name: str, check) -> pd.DataFrame:
    resource = _resource_descriptor(name)
    problems = schema.schema_problems(paths.relative(datapackage_path()), resource)
    if problems:
        raise DataError(problems)
    table = _table(name)
    references = _references(name, resource, table)
    problems = schema.cell_problems(table, resource, references, ONE_LINE.get(name, set()))
    df = _frame(table)
    check(df, table.file, problems)
    if problems:
        raise DataError(_one_per_cell(problems, table.header))
    key = resource["schema"].get("primaryKey") or table.header[:1]
    return df.sort_values([key] if isinstance(key, str) else list(key), kind="stable")


def _verbatim(df, file, problems, column, excerpt_column):
    """`column` must stand verbatim in `excerpt_column`; when only invisible or look-alike characters
    differ (a no-break space, a curly quote), the message says which and where."""
    for row, words, excerpt in zip(df.index, df[column], df[excerpt_column]):
        if pd.isna(words) or pd.isna(excerpt) or words in excerpt:
            continue
        message = f"{words!r} does not stand verbatim in the excerpt"
        found = characters.differences(words, excerpt)
        if found:
            message += (" because of characters that look alike or cannot be seen: " + "; ".join(found)
                        + ". Copy the words from the excerpt")
        problems.append(Problem(file, row, column, message))


def _check_sources(df, file, problems):
    _add_dates(df, "published", file, problems, PUBLISHED_RANGE)


def _no_further_rules(df, file, problems):
    """The schema says all there is to say about this table."""


def _check_figures(df, file, problems):
    _verbatim(df, file, problems, "phrase", "excerpt")
    _require_when(df, file, problems, "phrase_en_ours", df["language"] != "en",
                  "when the phrase is not in English")
    _require_when(df, file, problems, "caveat", df["reliability"] == "weak",
                  "when reliability is 'weak' (say why)")
    _add_dates(df, "period_start", file, problems)
    _add_dates(df, "period_end", file, problems)
    backwards = df["period_start_date"] > df["period_end_date"]
    for row in df.index[backwards.fillna(False)]:
        problems.append(Problem(file, row, "period_start", "is after period_end"))
    estimates = {}
    for row, record in df.iterrows():
        column = "phrase_en_ours" if pd.notna(record["phrase_en_ours"]) else "phrase"
        if pd.isna(record[column]):
            continue
        try:
            estimates[row] = parse_estimate(record[column])
        except ValueError as e:
            problems.append(Problem(file, row, column, f"cannot read the number: {e}"))
    for field in ("low", "high", "value"):
        df[field] = pd.array([getattr(estimates.get(r), field, None) for r in df.index], dtype="Int64")
    df["kind"] = pd.array([getattr(estimates.get(r), "kind", None) for r in df.index], dtype="string")


def _check_statements(df, file, problems):
    _require_when(df, file, problems, "translation_en_ours", df["language"] != "en",
                  "when the quote is not in English")
    _require_when(df, file, problems, "caveat", df["reliability"] == "weak",
                  "when reliability is 'weak' (say why)")
    _add_dates(df, "date", file, problems)


def _check_events(df, file, problems):
    _add_dates(df, "date", file, problems)


def _check_states(df, file, problems):
    _verbatim(df, file, problems, "name_in_source", "excerpt")
    known = _key_values("sources", "source_id")
    for row, value in df["confirmed_by"].dropna().items():
        for source_id in value.split(";"):
            if source_id.strip() not in known:
                problems.append(Problem(file, row, "confirmed_by", f"unknown source_id {source_id.strip()!r}"))


def _check_themes(df, file, problems):
    for row, pattern in df["pattern"].dropna().items():
        try:
            re.compile(pattern)
        except re.error as e:
            problems.append(Problem(file, row, "pattern", f"{pattern!r} is not a valid regular expression ({e})"))


def load_sources() -> pd.DataFrame:
    """Source documents, one row each, with `published_date` / `published_precision`."""
    return _load("sources", _check_sources)


def load_measures() -> pd.DataFrame:
    """The measure vocabulary (what a reported number counts)."""
    return _load("measures", _no_further_rules)


def load_figures() -> pd.DataFrame:
    """Reported numbers with their interval: `low`, `high` (NA = unbounded), `kind`, `value`."""
    return _load("figures", _check_figures)


def load_statements() -> pd.DataFrame:
    """Quoted statements, originals with our translations, with `date_date` / `date_precision`."""
    return _load("statements", _check_statements)


def load_events() -> pd.DataFrame:
    """The timeline of events, each with the words that establish it."""
    return _load("events", _check_events)


def load_states() -> pd.DataFrame:
    """The 17 states that invoked the Moscow Mechanism, with ISO 3166-1 codes."""
    return _load("states", _check_states)


def load_themes() -> pd.DataFrame:
    """The theme lexicon (data/themes.csv): theme, regular expression, note."""
    return _load("themes", _check_themes)
