"""Tag statements with themes from the lexicon in data/themes.csv.

A statement has a theme when its English text (the quote, or our translation of a non-English
quote) matches one of the theme's regular expressions, case-insensitively. The lexicon is data,
not code, so a reader can see and question every rule; this module only applies it.
"""

from __future__ import annotations

import re

import pandas as pd

from . import datasets


def load_lexicon() -> pd.DataFrame:
    """The theme lexicon, validated like every other table (bad regexes are reported too)."""
    return datasets.load_themes()


def english_text(statements: pd.DataFrame) -> pd.Series:
    """What the lexicon reads: our translation where there is one, else the quote."""
    return statements["translation_en_ours"].fillna(statements["quote"])


def tag(statements: pd.DataFrame, lexicon: pd.DataFrame) -> pd.DataFrame:
    """One row per (statement_id, theme) the statement raises, sorted; statements without a theme have no row."""
    text = english_text(statements)
    pairs = []
    for theme, rules in lexicon.groupby("theme", sort=True):
        pattern = re.compile("|".join(f"(?:{p})" for p in rules["pattern"]), re.IGNORECASE)
        hits = text.map(pattern.search).notna()
        pairs += [(sid, theme) for sid in statements.loc[hits, "statement_id"]]
    return (pd.DataFrame(pairs, columns=["statement_id", "theme"])
            .sort_values(["statement_id", "theme"], ignore_index=True))


def theme_matrix(statements: pd.DataFrame, lexicon: pd.DataFrame) -> pd.DataFrame:
    """Statements x themes, True where the statement raises the theme (every theme a column)."""
    tags = tag(statements, lexicon)
    themes = sorted(lexicon["theme"].unique())
    matrix = pd.crosstab(tags["statement_id"], tags["theme"]).reindex(
        index=statements["statement_id"], columns=themes, fill_value=0)
    return matrix.astype(bool)
