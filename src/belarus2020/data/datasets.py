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

from belarus2020.data import characters, csvfile, paths, schema, terms
from belarus2020.numbers.estimates import UnreadablePhrase, read_figure
from belarus2020.data.problems import DataError, Problem


# Dates outside this window are typing mistakes for this story (2020 election to its aftermath).
# It ends with the month of the latest dated count we hold (Viasna's political prisoners,
# recognised since 2020 and held, on 21 May 2024): widen it only for a verified later figure.
DATE_RANGE = (dt.date(2020, 1, 1), dt.date(2024, 5, 31))
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


def _table(name: str) -> csvfile.Table:
    """The rows of a table whose shape is right; a DataError naming the first structural problems otherwise."""
    path = paths.record_read(table_path(name))
    expected = [field["name"] for field in _resource_descriptor(name)["schema"]["fields"]]
    table, problems = csvfile.read(path, paths.relative(path), expected)
    if problems:
        raise DataError(problems)
    return table


def _read(name: str) -> pd.DataFrame:
    """Another table's cells, for a check that spans tables (a DataError if its shape is wrong)."""
    return _frame(_table(name))


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
    backwards = df["period_start_first"] > df["period_end_last"]  # only when no day of one precedes the other
    for row in df.index[backwards.fillna(False)]:
        problems.append(Problem(file, row, "period_start", "is after period_end"))
    estimates = {}
    columns = (df[c].astype(object).where(df[c].notna(), None) for c in ("phrase", "phrase_en_ours", "language"))
    for row, phrase, english, language in zip(df.index, *columns):  # iterrows is slow on large tables
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
    flagged = {p.row for p in problems if p.file == file}  # a broken claim is reported once, not again per copy
    by_id = df.assign(row=df.index).set_index("figure_id", drop=False)
    by_id = by_id[~by_id.index.duplicated()]
    for row, record in df[df["copy_of"].notna()].iterrows():
        if record["copy_of"] not in by_id.index or record["copy_of"] == record["figure_id"]:
            continue
        claim = by_id.loc[record["copy_of"]]
        if claim["row"] in flagged or row in flagged:
            continue
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
    _verbatim(df, file, problems, "name_in_source", "excerpt")
    known = _key_values("sources", "source_id")
    for row, value in df["confirmed_by"].dropna().items():
        for source_id in value.split(";"):
            if source_id.strip() not in known:
                problems.append(Problem(file, row, "confirmed_by", f"unknown source_id {source_id.strip()!r}"))


def _check_forum_speakers(df, file, problems):
    _verbatim(df, file, problems, "name_in_excerpt", "excerpt")
    _require_when(df, file, problems, "note", df["name_in_excerpt"].isna(),
                  "when the excerpt does not name the speaker (say why)")
    _require_when(df, file, problems, "excerpt_en_ours", df["language"] != "en", "when the excerpt is not in English")


def _check_themes(df, file, problems):
    """Every pattern is a term of the lexicon's language (belarus2020.data.terms), and none matches every statement.

    Where the schema's pattern constraint and this check both refuse a cell, only this
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
                                               and "does not match the pattern" in p.message)]
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
    """The theme lexicon (data/themes.csv): theme, pattern (a word, stem or phrase; see belarus2020.data.terms), note."""
    return _load("themes", _check_themes)


def load_theme_coding() -> pd.DataFrame:
    """Our hand coding of themes (data/theme_coding.csv): statement_id, theme, evidence, coder, note."""
    return _load("theme_coding", _check_theme_coding)


def load_telegram_left_out() -> pd.DataFrame:
    """Counts read from the Telegram exports that are not in figures.csv, with our reason (data/telegram_left_out.csv)."""
    return _load("telegram_left_out", _no_further_rules)
