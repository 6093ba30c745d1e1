"""Group the free-text `venue` of a statement into a few kinds of forum.

The raw table records where each statement was made in the source's own terms ("OSCE
Permanent Council No. 1288, Vienna"); charts need a handful of forums. The rules are ordered:
the first that matches wins, and a venue no rule matches is an error, so a new kind of forum
is noticed rather than silently lumped into "other".
"""

from __future__ import annotations

import re

import pandas as pd

RULES: list[tuple[str, str]] = [
    ("the OSCE report itself", r"Moscow Mechanism report \(as quoted"),
    ("OSCE meetings and reactions", r"\bOSCE\b"),
    ("UN Human Rights Council", r"Human Rights Council"),
    ("other UN and Geneva", r"United Nations|UN Security Council|UN Special Rapporteur|UN Watch|Geneva"),
    ("parliaments", r"Bundestag|House of Commons"),
    ("interviews, media, social media", r"interview|TV\b|Twitter|Telegram|blog|dispatch|report '|article\b"),
    ("statements, speeches, press", r"press|statement|appeal|meeting|call with|forum|speech"),
]


def venue_kind(venue: str) -> str:
    """The kind of forum a venue belongs to; ValueError for a venue no rule covers."""
    for kind, pattern in RULES:
        if re.search(pattern, venue, re.IGNORECASE):
            return kind
    raise ValueError(f"no venue rule matches {venue!r}: add one to belarus2020.statements.venues.RULES")


KINDS = [kind for kind, _ in RULES]



def forums(statements: pd.DataFrame) -> pd.Series:
    """The forum of every statement (rows as loaded); an unmatched venue is a DataError with file, row and column."""
    from belarus2020.data import datasets, paths

    file = paths.relative(datasets.table_path("statements"))
    problems, kinds = [], {}
    for row, venue in statements["venue"].items():
        try:
            kinds[row] = venue_kind(venue) if isinstance(venue, str) else None
        except ValueError as error:
            problems.append(datasets.Problem(file, row, "venue", str(error)))
    if problems:
        raise datasets.DataError(problems)
    return pd.Series(kinds, name="forum").reindex(statements.index)
