"""How well the theme lexicon agrees with our hand coding, on a half it was not tuned on.

The statements are split into two halves by a hash of their `statement_id`, fixed before the
lexicon was tuned: the lexicon may be tuned on the `tuning` half only, and its precision,
recall and F1 are reported on the `held_out` half. A hash rather than a random draw keeps the
split the same on every machine and puts a new statement in a half without moving the others.
"""

from __future__ import annotations

import hashlib

import pandas as pd

from belarus2020.statements import themes
from belarus2020.counts import claims

HELD_OUT, TUNING = "held_out", "tuning"


def half(statement_id: str) -> str:
    """'held_out' when the first byte of SHA-256(statement_id, UTF-8) is odd, else 'tuning'."""
    return HELD_OUT if hashlib.sha256(statement_id.encode("utf-8")).digest()[0] % 2 else TUNING


def halves(statement_ids: pd.Series) -> pd.Series:
    """The half of each statement, aligned with `statement_ids`."""
    return statement_ids.map(half).astype("string")


F1_TARGET = 0.8  # below this on the held-out half, analysis uses the hand coding for the theme


def scores(tagged: pd.DataFrame, coded: pd.DataFrame) -> pd.DataFrame:
    """Per theme (column): how the lexicon's tags agree with the hand coding on the same statements.

    `coded` is the truth. Precision is undefined (NA) when the lexicon tags no statement, recall
    when we coded none, F1 when neither has any.
    """
    tagged = tagged.reindex(index=coded.index, columns=coded.columns)
    tp = (tagged & coded).sum()
    fp = (tagged & ~coded).sum()
    fn = (~tagged & coded).sum()
    table = pd.DataFrame({"n": len(coded), "coded": coded.sum(), "tagged": tagged.sum(),
                          "true_pos": tp, "false_pos": fp, "false_neg": fn})
    table["precision"] = _ratio(tp, tp + fp)
    table["recall"] = _ratio(tp, tp + fn)
    table["f1"] = _ratio(2 * tp, 2 * tp + fp + fn)
    table.index.name = "theme"
    return table


def _ratio(numerator: pd.Series, denominator: pd.Series) -> pd.Series:
    return (numerator / denominator.where(denominator > 0)).astype("Float64")


def validation_table(statements: pd.DataFrame, lexicon: pd.DataFrame, coding: pd.DataFrame) -> pd.DataFrame:
    """Scores per half and theme, over utterances (copies left out) that are hand-coded.

    Statements not yet coded are left out (they have no truth to compare with).
    """
    pool = claims.utterances(statements)
    names = sorted(lexicon["theme"].unique())
    coded = themes.coded_matrix(pool, coding, names)
    tagged = themes.theme_matrix(pool[pool["statement_id"].isin(coded.index)], lexicon)
    half_of = halves(coded.index.to_series())
    parts = [scores(tagged[half_of == h], coded[half_of == h]).assign(half=h) for h in (HELD_OUT, TUNING)]
    return pd.concat(parts).reset_index().set_index(["half", "theme"])


def disagreements(statements: pd.DataFrame, lexicon: pd.DataFrame, coding: pd.DataFrame) -> pd.DataFrame:
    """Coded utterances and themes where the lexicon and the hand coding differ, with each one's call and half."""
    pool = claims.utterances(statements)
    names = sorted(lexicon["theme"].unique())
    coded = themes.coded_matrix(pool, coding, names)
    tagged = themes.theme_matrix(pool[pool["statement_id"].isin(coded.index)], lexicon)
    long = pd.DataFrame({"lexicon": tagged.stack(), "hand": coded.stack()}).reset_index()
    long = long[long["lexicon"] != long["hand"]]
    return long.assign(half=halves(long["statement_id"]).to_numpy()).reset_index(drop=True)


def analysis_source(table: pd.DataFrame) -> pd.Series:
    """Per theme, 'lexicon' where its held-out F1 reaches F1_TARGET, else 'hand coding'."""
    f1 = table.loc[HELD_OUT, "f1"]
    return f1.ge(F1_TARGET).fillna(False).map({True: "lexicon", False: "hand coding"}).rename("source")
