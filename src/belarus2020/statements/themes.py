"""Tag statements with themes, by the lexicon in data/themes.csv or by our hand coding.

A statement has a theme by the lexicon when its English text (the quote, or our translation of
a non-English quote) contains one of the theme's terms: words, stems and phrases of the small
language in `belarus2020.data.terms`, which cannot hang, crash or match everything. The hand coding
(data/theme_coding.csv) is our reading of every statement, rule by rule; the lexicon is checked
against it (`belarus2020.statements.theme_validation`). Both are data, not code, so a reader can see and
question every rule and every call; this module only applies them.

Analysis counts utterances, not rows: a row whose `copy_of` names another row is a copy.
"""

from __future__ import annotations

import pandas as pd

from belarus2020.data import datasets, terms

NO_THEME = "none"  # the hand coding's mark for a statement read and found to raise no theme
CODED, NOT_YET_CODED = "coded", "not yet coded"


def load_lexicon() -> pd.DataFrame:
    """The theme lexicon, validated like every other table (patterns outside the language are reported)."""
    return datasets.load_themes()


def load_coding() -> pd.DataFrame:
    """Our hand coding: one row per statement and theme, `none` for a statement with no theme."""
    return datasets.load_theme_coding()


def english_text(statements: pd.DataFrame) -> pd.Series:
    """What the lexicon reads: our translation where there is one, else the quote."""
    return statements["translation_en_ours"].fillna(statements["quote"])


def compile_lexicon(lexicon: pd.DataFrame) -> terms.Matcher:
    """A matcher labelled by theme; a pattern outside the language raises TermError naming it."""
    rules = []
    for theme, pattern in zip(lexicon["theme"], lexicon["pattern"]):
        try:
            rules.append((theme, terms.parse(pattern)))
        except terms.TermError as e:
            raise terms.TermError(f"theme {theme!r}, pattern {pattern!r} {e}") from None
    return terms.Matcher(rules)


def tag(statements: pd.DataFrame, lexicon: pd.DataFrame) -> pd.DataFrame:
    """One row per (statement_id, theme) the lexicon finds, sorted; statements without a theme have no row."""
    matcher = compile_lexicon(lexicon)
    pairs = [(sid, theme) for sid, text in zip(statements["statement_id"], english_text(statements))
             for theme in matcher.labels(text)]
    return (pd.DataFrame(pairs, columns=["statement_id", "theme"])
            .sort_values(["statement_id", "theme"], ignore_index=True))


def theme_matrix(statements: pd.DataFrame, lexicon: pd.DataFrame) -> pd.DataFrame:
    """Statements x themes, True where the lexicon finds the theme (every theme a column)."""
    return _matrix(tag(statements, lexicon), statements["statement_id"], sorted(lexicon["theme"].unique()))


def coding_status(statements: pd.DataFrame, coding: pd.DataFrame) -> pd.Series:
    """'coded' or 'not yet coded' per statement (indexed by statement_id): a statement the hand
    coding has not reached is never read as having no theme."""
    ids = statements["statement_id"]
    coded = ids.isin(set(coding["statement_id"]))
    return pd.Series(coded.map({True: CODED, False: NOT_YET_CODED}).to_numpy(), index=pd.Index(ids),
                     name="coding", dtype="string")


def coded_matrix(statements: pd.DataFrame, coding: pd.DataFrame, themes: list[str]) -> pd.DataFrame:
    """Hand-coded statements x themes, True where we coded the theme; statements not yet coded
    are left out (see `coding_status`), never filled with False."""
    status = coding_status(statements, coding)
    ids = status.index[status == CODED]
    pairs = coding[coding["theme"] != NO_THEME][["statement_id", "theme"]]
    return _matrix(pairs[pairs["statement_id"].isin(ids)], pd.Series(ids), themes)


def _matrix(pairs: pd.DataFrame, ids: pd.Series, themes: list[str]) -> pd.DataFrame:
    matrix = pd.crosstab(pairs["statement_id"], pairs["theme"]).reindex(index=ids, columns=themes, fill_value=0)
    matrix.index.name, matrix.columns.name = "statement_id", "theme"
    return matrix.astype(bool)


def analysis_matrix(statements: pd.DataFrame, lexicon: pd.DataFrame, coding: pd.DataFrame,
                    source: pd.Series) -> pd.DataFrame:
    """Statements x themes as the analysis reads them: each theme from its `source` ('lexicon'
    or 'hand coding', per theme). Where the hand coding is the source, a statement not yet coded
    is NA (unknown), never False."""
    names = list(source.index)
    tagged = theme_matrix(statements, lexicon).reindex(columns=names, fill_value=False)
    coded = coded_matrix(statements, coding, names).reindex(index=tagged.index)
    by_hand = [t for t in names if source[t] == "hand coding"]
    matrix = tagged.astype("boolean")
    matrix[by_hand] = coded[by_hand].astype("boolean")
    return matrix
