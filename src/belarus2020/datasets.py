"""Loaders for the raw tables: validate, then return typed DataFrames.

Each loader checks its table twice before anything reaches a notebook: against the Frictionless
schema in data/datapackage.json (columns, types, enums, unique and foreign keys) and against the
provenance rules the schema cannot express (the phrase stands in the excerpt, translations are
present, dates are real and in range, hedged numbers can be read). Every problem in the file is
collected and raised together as one DataError naming file, row and column: a journalist who
edits a CSV sees everything that is wrong in one go, and nothing is dropped silently.

Rows are numbered as in a spreadsheet: the header is row 1, the first data row is row 2.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from . import fastimport, paths, terms
from .estimates import UnreadablePhrase, read_figure

# Dates outside this window are typing mistakes for this story (2020 election to its aftermath).
# It ends with the month of the latest dated count we hold (Viasna's political prisoners,
# recognised since 2020 and held, on 21 May 2024): widen it only for a verified later figure.
DATE_RANGE = (dt.date(2020, 1, 1), dt.date(2024, 5, 31))
PUBLISHED_RANGE = (dt.date(2020, 1, 1), dt.date(2024, 12, 31))
_PARTIAL_DATE = re.compile(r"^(\d{4})-(\d{2})(?:-(\d{2}))?$")


@dataclass(frozen=True)
class Problem:
    """One thing wrong in a data file, located as a spreadsheet user would look for it."""

    file: str
    row: int | None
    column: str | None
    message: str
    structural: bool = False  # the row's shape is wrong (cells missing or extra)

    def __str__(self) -> str:
        where = [self.file]
        if self.row is not None:
            where.append(f"row {self.row}")
        if self.column:
            where.append(f"column {self.column!r}")
        return f"{', '.join(where)}: {self.message}"


class DataError(ValueError):
    """A data file broke the schema or a provenance rule; `problems` lists every finding."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        noun = "problem" if len(problems) == 1 else "problems"
        lines = "\n".join(f"  - {p}" for p in problems)
        super().__init__(f"{len(problems)} {noun} in the data:\n{lines}")


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


def _frictionless_problems(name: str) -> list[Problem]:
    """Validate one resource (with its foreign keys) against the package schema."""
    fastimport.skip_iri_grammar()
    from frictionless import Package  # imported here: only loading needs it

    package = Package(str(datapackage_path()), basepath=str(paths.DATA))
    resource = package.get_resource(name)
    for key in resource.schema.foreign_keys:
        other = key["reference"]["resource"]
        if other:
            paths.record_read(table_path(other))
    report = resource.validate()
    file = paths.relative(table_path(name))
    problems = []
    for task in report.tasks:
        for error in task.errors:
            row = getattr(error, "row_number", None) or (1 if "label" in error.type else None)
            column = (getattr(error, "field_name", None)
                      or next(iter(getattr(error, "field_names", None) or []), None))
            if error.type == "primary-key":
                column = resource.schema.primary_key[0]
            problems.append(Problem(file, row, column, _explain(error),
                                    structural=error.type in _STRUCTURAL or row is None))
    return list(dict.fromkeys(problems))  # a duplicate id breaks both "unique" and the primary key


_STRUCTURAL = {"extra-cell", "missing-cell", "blank-row", "source-error", "format-error",
               "encoding-error", "extra-label", "missing-label", "blank-label", "duplicate-label",
               "incorrect-label"}


def _explain(error) -> str:
    """Frictionless's note, worded for a person editing the CSV."""
    note = getattr(error, "note", "") or ""
    cell = getattr(error, "cell", None)
    if error.type == "constraint-error" and '"required"' in note:
        return "is empty but required"
    if error.type in ("unique-error", "primary-key") or '"unique"' in note:
        first = re.search(r"position \"?(\d+)", note)
        return "appears more than once; it must be unique" + (f" (also in row {first[1]})" if first else "")
    if error.type == "foreign-key":
        return f"refers to something that does not exist ({note})"
    title = error.title.lower()
    if cell not in (None, ""):
        return f"{title}: {cell!r} breaks the rule {note}" if note else f"{title}: {cell!r}"
    return f"{title} ({note})" if note else title


def _read(name: str) -> pd.DataFrame:
    """The CSV as strings, empty cells as missing, index = spreadsheet row number."""
    path = paths.record_read(table_path(name))
    df = pd.read_csv(path, dtype="string", keep_default_na=False, encoding="utf-8")
    df = df.replace("", pd.NA)
    df.index = pd.RangeIndex(2, len(df) + 2, name="row")
    return df


def _parse_partial_date(value: str) -> tuple[dt.date, dt.date, str]:
    """'2020-11-05' -> (that day, that day, 'day'); '2020-11' -> (1 Nov 2020, 30 Nov 2020, 'month').

    A date keeps its precision: a month-only date is the interval of its days, never its 15th.
    """
    m = _PARTIAL_DATE.match(value)
    if not m:
        raise ValueError("write it as YYYY-MM-DD, or YYYY-MM when only the month is known")
    year, month, day = int(m[1]), int(m[2]), m[3]
    if day is None:
        first = dt.date(year, month, 1)
        last = dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)
        return first, last, "month"
    return dt.date(year, month, int(day)), dt.date(year, month, int(day)), "day"


def _add_dates(df, column, file, problems, window=DATE_RANGE):
    """Add the interval `<column>_first`..`<column>_last`, a chart position `<column>_date` and
    `<column>_precision`.

    The position is the interval's middle day (the 15th or 16th of a month-only date): a
    convention for drawing and ordering only. Checks and comparisons use the interval.
    """
    firsts, lasts, precision = [], [], []
    for row, value in df[column].items():
        first = last = pd.NaT
        prec = "unknown"
        if pd.notna(value):
            try:
                first, last, prec = _parse_partial_date(value)
            except ValueError as e:
                problems.append(Problem(file, row, column, f"{value!r} is not a real date ({e})"))
                first = last = pd.NaT
            else:
                if not (window[0] <= first and last <= window[1]):
                    problems.append(Problem(
                        file, row, column,
                        f"{value!r} is outside {window[0]:%Y-%m-%d}..{window[1]:%Y-%m-%d}"))
        firsts.append(pd.Timestamp(first))
        lasts.append(pd.Timestamp(last))
        precision.append(prec)
    df[f"{column}_first"] = pd.to_datetime(pd.Series(firsts, index=df.index))
    df[f"{column}_last"] = pd.to_datetime(pd.Series(lasts, index=df.index))
    df[f"{column}_date"] = df[f"{column}_first"] + (df[f"{column}_last"] - df[f"{column}_first"]) / 2
    df[f"{column}_date"] = df[f"{column}_date"].dt.floor("D")
    df[f"{column}_precision"] = pd.Categorical(precision, categories=["day", "month", "unknown"])


def _require_when(df, file, problems, column, condition, why):
    for row in df.index[condition & df[column].isna()]:
        problems.append(Problem(file, row, column, f"is empty but required {why}"))


def _header_problems(name: str) -> list[Problem]:
    """Columns missing, unexpected or out of order: said plainly, before any row is read."""
    path = table_path(name)
    file = paths.relative(path)
    with open(path, newline="", encoding="utf-8") as f:
        header = next(csv.reader(f), [])
    expected = [field["name"] for field in _resource_descriptor(name)["schema"]["fields"]]
    problems = [Problem(file, 1, c, "column is missing from the header") for c in expected if c not in header]
    problems += [Problem(file, 1, c, "column is not in the schema (data/datapackage.json)")
                 for c in header if c not in expected]
    if not problems and header != expected:
        first = next(h for h, e in zip(header, expected) if h != e)
        problems.append(Problem(file, 1, first, f"columns must come in the order {', '.join(expected)}"))
    return problems


def _load(name: str, check) -> pd.DataFrame:
    problems = _header_problems(name)
    if problems:
        raise DataError(problems)
    problems = _frictionless_problems(name)
    if any(p.structural for p in problems):  # the rows cannot be read as a table
        raise DataError(problems)
    df = _read(name)
    check(df, paths.relative(table_path(name)), problems)
    if problems:
        raise DataError(sorted(problems, key=lambda p: (p.row or 0, p.column or "")))
    return df


def _check_sources(df, file, problems):
    _add_dates(df, "published", file, problems, PUBLISHED_RANGE)


def _no_further_rules(df, file, problems):
    """The schema says all there is to say about this table."""


def _check_figures(df, file, problems):
    for row, record in df.iterrows():
        phrase, excerpt = record["phrase"], record["excerpt"]
        if pd.notna(phrase) and pd.notna(excerpt) and phrase not in excerpt:
            problems.append(Problem(file, row, "phrase", f"{phrase!r} does not stand verbatim in the excerpt"))
    _require_when(df, file, problems, "phrase_en_ours", df["language"] != "en",
                  "when the phrase is not in English")
    _require_when(df, file, problems, "caveat", df["reliability"] == "weak",
                  "when reliability is 'weak' (say why)")
    _add_dates(df, "period_start", file, problems)
    _add_dates(df, "period_end", file, problems)
    backwards = df["period_start_first"] > df["period_end_last"]  # only when no day of one precedes the other
    for row in df.index[backwards.fillna(False)]:
        problems.append(Problem(file, row, "period_start", "is after period_end"))
    estimates = {}
    for row, record in df.iterrows():
        phrase, english, language = (None if pd.isna(record[c]) else record[c]
                                     for c in ("phrase", "phrase_en_ours", "language"))
        try:
            estimates[row] = read_figure(phrase, language, english)
        except UnreadablePhrase as e:
            problems.append(Problem(file, row, "phrase_en_ours" if e.in_english else "phrase", str(e)))
    for field in ("low", "high", "value"):
        df[field] = pd.array([getattr(estimates.get(r), field, None) for r in df.index], dtype="Int64")
    df["kind"] = pd.array([getattr(estimates.get(r), "kind", None) for r in df.index], dtype="string")
    _check_figure_copies(df, file, problems)


def _check_copies(df, file, problems, id_column):
    """`copy_of` names an existing row of the same table that is itself a claim, not a copy."""
    known = set(df[id_column].dropna())
    claims = set(df.loc[df["copy_of"].isna(), id_column].dropna())
    for row, record in df[df["copy_of"].notna()].iterrows():
        target = record["copy_of"]
        if target == record[id_column]:
            problems.append(Problem(file, row, "copy_of", f"{target!r} is this row itself; leave it empty for a claim"))
        elif target not in known:
            problems.append(Problem(file, row, "copy_of", f"{target!r} is not a {id_column} in this file"))
        elif target not in claims:
            problems.append(Problem(file, row, "copy_of", f"{target!r} is itself a copy; name the row it copies instead"))


def _check_figure_copies(df, file, problems):
    """A figure's copy reports the same claim: same counter, measure and baseline, and a number
    its claim allows (overlapping intervals, or the same number with another hedge)."""
    _check_copies(df, file, problems, "figure_id")
    by_id = df.set_index("figure_id", drop=False)
    by_id = by_id[~by_id.index.duplicated()]
    for row, record in df[df["copy_of"].notna()].iterrows():
        if record["copy_of"] not in by_id.index or record["copy_of"] == record["figure_id"]:
            continue
        claim = by_id.loc[record["copy_of"]]
        for column in ("counted_by", "measure", "baseline"):
            if record[column] != claim[column]:
                problems.append(Problem(file, row, column, f"{record[column]!r} differs from its claim "
                                        f"{claim['figure_id']} ({claim[column]!r}); a copy reports the same claim"))
        if pd.isna(record["low"]) or pd.isna(claim["low"]):
            continue
        low = max(record["low"], claim["low"])
        highs = [h for h in (record["high"], claim["high"]) if pd.notna(h)]
        same_number = pd.notna(record["value"]) and record["value"] == claim["value"]
        if highs and low > min(highs) and not same_number:
            problems.append(Problem(file, row, "phrase", f"{record['phrase']!r} cannot be the same number as its "
                                    f"claim {claim['figure_id']} ({claim['phrase']!r}): the intervals do not overlap"))


def _check_statements(df, file, problems):
    _require_when(df, file, problems, "translation_en_ours", df["language"] != "en",
                  "when the quote is not in English")
    _require_when(df, file, problems, "caveat", df["reliability"] == "weak",
                  "when reliability is 'weak' (say why)")
    _add_dates(df, "date", file, problems)
    _check_copies(df, file, problems, "statement_id")


def _check_events(df, file, problems):
    _add_dates(df, "date", file, problems)


def _check_states(df, file, problems):
    for row, record in df.iterrows():
        name, excerpt = record["name_in_source"], record["excerpt"]
        if pd.notna(name) and pd.notna(excerpt) and name not in excerpt:
            problems.append(Problem(file, row, "name_in_source", f"{name!r} does not stand verbatim in the excerpt"))
    known = set(_read("sources")["source_id"].dropna())
    for row, value in df["confirmed_by"].dropna().items():
        for source_id in value.split(";"):
            if source_id.strip() not in known:
                problems.append(Problem(file, row, "confirmed_by", f"unknown source_id {source_id.strip()!r}"))


def _check_forum_speakers(df, file, problems):
    for row, record in df.iterrows():
        name, excerpt = record["name_in_excerpt"], record["excerpt"]
        if pd.notna(name) and pd.notna(excerpt) and name not in excerpt:
            problems.append(Problem(file, row, "name_in_excerpt", f"{name!r} does not stand verbatim in the excerpt"))
    _require_when(df, file, problems, "note", df["name_in_excerpt"].isna(),
                  "when the excerpt does not name the speaker (say why)")
    _require_when(df, file, problems, "excerpt_en_ours", df["language"] != "en", "when the excerpt is not in English")


def _check_themes(df, file, problems):
    """Every pattern is a term of the lexicon's language (belarus2020.terms), and none matches every statement.

    Where Frictionless's pattern constraint and this check both refuse a cell, only this
    check's message, which says how to write the term, is kept.
    """
    parsed, refused = {}, set()
    for row, pattern in df["pattern"].dropna().items():
        try:
            parsed[row] = terms.parse(pattern)
        except terms.TermError as e:
            refused.add(row)
            problems.append(Problem(file, row, "pattern", f"{pattern!r} {e}"))
    problems[:] = [p for p in problems if not (p.file == file and p.column == "pattern" and p.row in refused
                                               and p.message.startswith("constraint error"))]
    try:
        statements = _read("statements")
        texts = statements["translation_en_ours"].fillna(statements["quote"]).dropna()
    except (ValueError, KeyError):  # statements.csv is broken: its own loader says how
        return
    if texts.empty:
        return
    matcher = terms.Matcher(parsed.items())
    everywhere = set(parsed)
    for text in texts:
        everywhere &= matcher.labels(text)
        if not everywhere:
            return
    for row in sorted(everywhere):
        problems.append(Problem(file, row, "pattern", f"{df.at[row, 'pattern']!r} matches every one of the "
                                f"{len(texts)} statements, so it tells none apart: use a word that carries the theme"))


def _check_theme_coding(df, file, problems):
    """Themes come from the lexicon (or 'none' alone), and the evidence stands verbatim in the English text."""
    try:
        known = set(_read("themes")["theme"].dropna()) | {"none"}
        statements = _read("statements").drop_duplicates("statement_id").set_index("statement_id")
        english = statements["translation_en_ours"].fillna(statements["quote"])
    except (ValueError, KeyError):  # themes.csv or statements.csv is broken: their own loaders say how
        return
    for row, theme in df["theme"].dropna().items():
        if theme not in known:
            problems.append(Problem(file, row, "theme", f"{theme!r} is not a theme of data/themes.csv (nor 'none')"))
    themes_of = df[df["theme"].notna()].groupby("statement_id")["theme"].agg(set)
    for row, record in df[df["theme"].eq("none").fillna(False)].iterrows():
        if len(themes_of.get(record["statement_id"], set())) > 1:
            problems.append(Problem(file, row, "theme", f"says 'none' but {record['statement_id']} has other themes "
                                    "in this file: remove this row or those"))
    for row, record in df[df["theme"].notna()].iterrows():
        evidence, theme = record["evidence"], record["theme"]
        if theme == "none":
            if pd.notna(evidence):
                problems.append(Problem(file, row, "evidence", "must be empty when the theme is 'none'"))
        elif pd.isna(evidence):
            problems.append(Problem(file, row, "evidence", "is empty but required: quote the words that carry the theme"))
        elif record["statement_id"] in english.index and evidence not in english[record["statement_id"]]:
            problems.append(Problem(file, row, "evidence", f"{evidence!r} does not stand verbatim in the English text "
                                    f"of {record['statement_id']} (its translation_en_ours, else its quote)"))


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


def load_forum_speakers() -> pd.DataFrame:
    """The sampling frames (data/forum_speakers.csv): who is known to have spoken at each of four forums."""
    return _load("forum_speakers", _check_forum_speakers)


def load_themes() -> pd.DataFrame:
    """The theme lexicon (data/themes.csv): theme, pattern (a word, stem or phrase; see belarus2020.terms), note."""
    return _load("themes", _check_themes)


def load_theme_coding() -> pd.DataFrame:
    """Our hand coding of themes (data/theme_coding.csv): statement_id, theme, evidence, coder, note."""
    return _load("theme_coding", _check_theme_coding)


def load_telegram_left_out() -> pd.DataFrame:
    """Counts read from the Telegram exports that are not in figures.csv, with our reason (data/telegram_left_out.csv)."""
    return _load("telegram_left_out", _no_further_rules)
