"""Numbers that know what they stand on: the claims ledger's entries, made where the prose is made.

Every number printed in commentary, a chart title or an alt text is one of these. It carries
the text as printed, the operation that made it (a claim as reported, a count, a sum, a share,
...) and every row beneath it: the figure ids of the claims, the statement ids counted, the
events or sources a date comes from. The build collects them from the notebooks' outputs into
`analysis/ledger.csv`, and the article links each number to the verbatim words of those rows.

A share comes with its n ("71% (12 of 17)"); of a group smaller than `MIN_GROUP` only the count
is given ("1 of 2"), because a percentage of two statements says nothing beyond the count.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from belarus2020.statements import proportions
from belarus2020.counts import claims
from belarus2020.numbers import phrasing

MIN_GROUP = proportions.MIN_GROUP  # one rule for every share the project prints
TABLES = ("figures", "statements", "events", "sources", "states")


@dataclass(frozen=True)
class Number:
    text: str
    operation: str
    ids: tuple  # ((table, id), ...) sorted, tables from TABLES
    how: str = ""
    value: str = ""

    def __str__(self) -> str:
        return self.text

    def __format__(self, spec: str) -> str:
        return self.text

    def ids_of(self, table: str) -> list[str]:
        return [i for t, i in self.ids if t == table]

    def record(self) -> dict:
        """What the notebook's output metadata keeps about this number."""
        return {"text": self.text, "operation": self.operation, "how": self.how, "value": self.value,
                "ids": {t: self.ids_of(t) for t in TABLES if self.ids_of(t)}}


def _split(value) -> list[str]:
    return [] if pd.isna(value) else [i for i in str(value).split(";") if i]


def _row_ids(row) -> list[tuple[str, str]]:
    """The ids a row stands for: its figures (a claim's copies included, from `figure_ids` or `copy_ids`),
    statement, event, state or source."""
    get = row.get
    if get("figure_ids") is not None and not pd.isna(get("figure_ids")):
        return [("figures", i) for i in _split(get("figure_ids"))]
    if get("copy_ids") is not None and isinstance(get("figure_id"), str) and get("figure_id"):  # a claim with its copies (belarus2020.counts.funnel)
        return [("figures", i) for i in [str(get("figure_id"))] + _split(get("copy_ids"))]
    for column, table in (("figure_id", "figures"), ("statement_id", "statements"), ("event_id", "events")):
        if get(column) is not None and not pd.isna(get(column)):
            return [(table, str(get(column)))]
    if get("iso_alpha3") is not None and get("state") is not None:
        return [("states", str(get("state")))]
    if get("source_id") is not None and not pd.isna(get("source_id")):
        return [("sources", i) for i in _split(get("source_id"))]
    raise ValueError(f"no id to record in this row (columns {sorted(row.keys())}); "
                     "give rows with figure_ids, figure_id, statement_id, event_id, state or source_id")


_ID_COLUMNS = ("figure_ids", "copy_ids", "figure_id", "statement_id", "event_id", "iso_alpha3", "state", "source_id")


def _records(frame: pd.DataFrame) -> list[dict]:
    """The frame's rows as dicts of the columns `_row_ids` reads, built from whole columns: iterrows is
    too slow for large frames, and selecting columns into a new frame too slow for the many small ones."""
    columns = {c: frame[c].tolist() for c in _ID_COLUMNS if c in frame.columns}
    return [{c: values[i] for c, values in columns.items()} for i in range(len(frame))]


def ids_of(*rows) -> tuple:
    """Every id beneath the given rows: DataFrames, rows (Series or dicts), or lists of them."""
    found = set()
    for item in rows:
        if isinstance(item, pd.DataFrame):
            found.update(pair for row in _records(item) for pair in _row_ids(row))
        elif isinstance(item, (pd.Series, dict)):
            found.update(_row_ids(item))
        elif isinstance(item, Number):
            found.update(item.ids)
        elif isinstance(item, (list, tuple)):
            found.update(ids_of(*item))
        else:
            raise TypeError(f"cannot find ids in {type(item).__name__}")
    return tuple(sorted(found, key=lambda pair: (TABLES.index(pair[0]), pair[1])))


def _interval(row) -> str:
    low, high = claims.interval_of(row)
    return f"[{low}, {'' if high is None else high}]"


def claim(row, who: bool = True, when: bool = True) -> Number:
    """A claim as its source hedged it, with its counter and date: 'more than 27,000 (OHCHR, 4 Dec 2020)'."""
    return Number(claims.describe(row, who=who, when=when), "claim", ids_of(row),
                  "the claim as reported, read as an interval", _interval(row))


def estimate(row) -> Number:
    """A claim's number alone: 'more than 27,000'."""
    return claim(row, who=False, when=False)


def phrase(row) -> Number:
    """The source's own words for a figure: 'around 13,000'."""
    return Number(str(row["phrase"]), "phrase", ids_of(row), "the verbatim phrase", _interval(row))


def quote(words: str, *rows) -> Number:
    """Words quoted from the rows' excerpts; refused unless they stand verbatim in one of them."""
    frame = pd.concat([r if isinstance(r, pd.DataFrame) else pd.DataFrame([r]) for r in rows])
    if not any(words in str(excerpt) for excerpt in frame["excerpt"]):
        raise ValueError(f"{words!r} does not stand verbatim in the excerpts of {ids_of(*rows)}")
    return Number(words, "quotation", ids_of(*rows), "verbatim words from the excerpt")


def count(*rows, how: str = "") -> Number:
    """How many rows (claims, statements, events, states ...): '17'; every one of them is listed."""
    ids = ids_of(*rows)
    n = sum(len(r) if isinstance(r, pd.DataFrame) else 1 for r in rows)
    return Number(phrasing.number(n), "count", ids, how or "number of rows", str(n))


def total(rows: pd.DataFrame, how: str = "") -> Number:
    """The sum of the rows' lowest values: what 'at least' their total is."""
    value = int(sum(int(x) for x in rows["low"]))
    return Number(phrasing.number(value), "sum", ids_of(rows), how or "sum of the lowest values the words allow",
                  str(value))


def _counted(part, whole) -> tuple[int, int]:
    """(k, n) of a part drawn from its whole, both given as rows."""
    part, whole = _members(part), _members(whole)
    if not set(part) <= set(whole):
        raise ValueError("the part of a share must be drawn from its whole")
    return len(part), len(whole)


def _share_text(k: int, n: int) -> str:
    """'71% (12 of 17)', or only '1 of 2' below MIN_GROUP."""
    return f"{k} of {n}" if n < MIN_GROUP else f"{round(100 * k / n)}% ({k} of {n})"


def share(part, whole, how: str = "") -> Number:
    """'71% (12 of 17)': the part's share of the whole with its n; only '1 of 2' below MIN_GROUP."""
    k, n = _counted(part, whole)
    if n < MIN_GROUP:
        return Number(_share_text(k, n), "count", ids_of(whole), how or f"group of fewer than {MIN_GROUP}: count only",
                      f"{k}/{n}")
    return Number(_share_text(k, n), "share", ids_of(whole), how or "share of the rows listed", f"{k}/{n}")


def _members(rows) -> list:
    if isinstance(rows, pd.DataFrame):
        return [tuple(_row_ids(r)) for r in _records(rows)]
    return [tuple(_row_ids(r)) for r in rows]


def interval(span: tuple, *rows, operation: str, how: str = "") -> Number:
    """An interval computed from the rows' intervals (a sum, a difference): 'at least 11,451'."""
    low, high = span
    return Number(phrasing.interval(low, high), operation, ids_of(*rows), how, f"[{low}, {'' if high is None else high}]")


def ratio(a, b, how: str = "") -> Number:
    """How many times claim `b` claim `a` is, read as intervals: '2.0', or '1.9 to 2.1' where the ends differ."""
    (a_low, a_high), (b_low, b_high) = claims.interval_of(a), claims.interval_of(b)
    if a_high is None or b_high is None or b_low == 0:
        raise ValueError(f"a ratio needs bounded, non-zero intervals: {ids_of(a)} is [{a_low}, {a_high}], "
                         f"{ids_of(b)} is [{b_low}, {b_high}]")
    low, high = a_low / b_high, a_high / b_low
    text = f"{low:.1f}" if f"{low:.1f}" == f"{high:.1f}" else f"{low:.1f} to {high:.1f}"
    return Number(text, "ratio", ids_of(a, b), how or "interval ratio: the first claim's interval over the second's",
                  f"[{low:.2f}, {high:.2f}]")


def fraction(part: int, whole: int, *rows, operation: str, how: str = "") -> Number:
    """One number as a share of another ('70% (544 of 774)': people in custody of those detained), with both
    given; only 'k of n' when n is below MIN_GROUP. Rows-of-rows shares are `share`."""
    part, whole = int(part), int(whole)
    return Number(_share_text(part, whole), operation, ids_of(*rows), how, f"{part}/{whole}")


def amount(value: int, *rows, operation: str, how: str = "") -> Number:
    """Any other whole number computed from rows (a difference, a largest value): '28'."""
    return Number(phrasing.number(int(value)), operation, ids_of(*rows), how, str(int(value)))


def quotient(numerator: int, denominator: int, *rows, operation: str, how: str = "") -> Number:
    """A quotient of two counts to two decimals (an F1 score, a precision): '0.67', kept exactly as '4/6'."""
    return Number(f"{numerator / denominator:.2f}", operation, ids_of(*rows), how, f"{int(numerator)}/{int(denominator)}")


def wilson(part, whole, how: str = "") -> Number:
    """The 95% Wilson score interval of the part's share of the whole: '36% to 82%'.

    Refused for a group smaller than MIN_GROUP, which gets its count only (see `share`).
    """
    k, n = _counted(part, whole)
    if n < MIN_GROUP:
        raise ValueError(f"a group of {n} is too small for an interval (fewer than {MIN_GROUP}): give its count only")
    low, high = proportions.wilson(k, n)
    return Number(f"{low:.0%} to {high:.0%}", "interval", ids_of(whole),
                  how or f"{proportions.CONFIDENCE:.0%} Wilson score interval of the share {k}/{n}",
                  f"[{low:.4f}, {high:.4f}]")


def setting(text: str, *rows, how: str) -> Number:
    """A setting of the method printed in prose (a threshold, a confidence level), with the rows it is applied to."""
    return Number(str(text), "setting", ids_of(*rows), how, str(text))


def date(when, *rows, precision: str = "day", style: str = "day", how: str = "") -> Number:
    """A date taken from the rows: '5 Nov 2020', 'Nov 2020' (style 'month'), 'November 2020' ('month_long'),
    '09:58 on 10 Aug 2020' (style 'time', when the hour a count was posted matters)."""
    when = pd.Timestamp(when)
    if style == "time":
        return Number(f"{when:%H:%M} on {phrasing.day(when)}", "date", ids_of(*rows), how or "date and time from the rows",
                      f"{when:%Y-%m-%d %H:%M}")
    if style == "month_long":
        text = f"{when:%B %Y}"
    elif style == "month":
        text = f"{when:%b %Y}"
    else:
        text = phrasing.day(when, precision)
    return Number(text, "date", ids_of(*rows), how or "date from the rows", f"{when:%Y-%m-%d}")


def night(start, end, *rows, how: str = "") -> Number:
    """A night from the rows, as the Interior Ministry dated its first counts: '9-10 Aug 2020'."""
    start, end = pd.Timestamp(start), pd.Timestamp(end)
    first = f"{start.day}" if (start.year, start.month) == (end.year, end.month) else \
        (f"{start.day} {start:%b}" if start.year == end.year else phrasing.day(start))
    return Number(f"{first}-{phrasing.day(end)}", "date", ids_of(*rows), how or "the night the rows count",
                  f"{start:%Y-%m-%d}/{end:%Y-%m-%d}")


def words(text: str, *rows, how: str = "words from the data") -> Number:
    """Words from the data that contain digits (a name such as '37 OSCE participating States', a caveat)."""
    return Number(str(text), "words", ids_of(*rows), how)


def name(text: str, *rows):
    """A name from the data for prose: the name itself, or, if it has digits ('ARTICLE 19'), a ledger entry."""
    text = str(text)
    return words(text, *rows, how="a name as the data give it") if any(c.isdigit() for c in text) else text
