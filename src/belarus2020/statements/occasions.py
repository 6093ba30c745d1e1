"""From quoted passages to statements: one row per occasion (a speech, interview, document or post).

Sources quote a speech in pieces, and several outlets quote one report. Counting passages would
weigh a speech quoted three times three times as heavily as one quoted once, and a report carried
by four outlets four times, so every count and share of statements counts occasions (passages that
share an `occasion_id`), with the passages beside them. An occasion raises a theme when any of its
counted passages does.

The rule for weak rows is applied here, once, for everything that counts statements: a passage
marked `weak` (a third party's translation, a paraphrase, an inferred date) is not counted, and an
occasion known only through weak passages is left out of the counts (`left_out` lists them, so the
text can say how many). Copies (`copy_of`) are never counted again; their ids stand under the
passage they copy, as the record of how the words travelled.
"""

from __future__ import annotations

import pandas as pd

from belarus2020.counts import claims


def is_counted(statements: pd.DataFrame) -> pd.Series:
    """The rule, per row: a passage counts when it is not a copy and not weak."""
    return statements["copy_of"].isna() & (statements["reliability"] == "ok")


def counted_passages(statements: pd.DataFrame) -> pd.DataFrame:
    """The passages that count (`is_counted`), each with `statement_ids` (itself and its copies), in id order."""
    spoken = claims.utterances(statements)
    return spoken[is_counted(spoken)].reset_index(drop=True)


def _one_per_occasion(passages: pd.DataFrame) -> pd.DataFrame:
    """One row per occasion of `passages`: the first passage's columns (the loader makes date, kind of actor
    and speaker the same for all), with `statement_ids` and `source_ids` over all of them and `passages`."""
    ordered = passages.sort_values("statement_id")
    groups = ordered.groupby("occasion_id", sort=True)
    first = groups.head(1).set_index("occasion_id")

    def joined(column: str) -> pd.Series:
        return groups[column].agg(lambda values: ";".join(sorted({i for v in values for i in str(v).split(";")})))

    first["statement_ids"] = joined("statement_ids")
    first["source_ids"] = joined("source_ids" if "source_ids" in ordered else "source_id")
    first["passages"] = groups.size()
    first = first.drop(columns=["statement_id"])
    return first.reset_index()


def occasions(statements: pd.DataFrame) -> pd.DataFrame:
    """One row per occasion with at least one counted passage (see `counted_passages`), in occasion order.

    `statement_ids` lists the counted passages and their copies (what a count of the occasion stands on),
    `passages` how many passages count, `source_ids` the documents they were read in.
    """
    return _one_per_occasion(counted_passages(statements))


def left_out(statements: pd.DataFrame) -> pd.DataFrame:
    """The occasions not counted because every passage of theirs is weak, one row each, with their passages."""
    spoken = claims.utterances(statements)
    counted = set(spoken.loc[is_counted(spoken), "occasion_id"])
    return _one_per_occasion(spoken[~spoken["occasion_id"].isin(counted)])


def raised(matrix: pd.DataFrame, statements: pd.DataFrame) -> pd.DataFrame:
    """Occasions x themes from passages x themes (indexed by statement_id; True, False or NA for unknown).

    An occasion raises a theme when any of its counted passages does; it does not when every one of
    them is known not to; otherwise (none raises it, and one is not yet coded) it is NA, unknown.
    Passages that do not count (copies, weak rows) are not read.
    """
    passages = counted_passages(statements)
    occasion_of = passages.set_index("statement_id")["occasion_id"]
    rows = matrix.loc[matrix.index.intersection(occasion_of.index)].astype("boolean")
    groups = rows.groupby(occasion_of.reindex(rows.index).to_numpy())
    any_true = groups.agg(lambda column: bool(column.fillna(False).any()))
    any_unknown = groups.agg(lambda column: bool(column.isna().any()))
    result = any_true.astype("boolean").mask(~any_true & any_unknown, pd.NA)
    result.index.name, result.columns.name = "occasion_id", matrix.columns.name
    return result
