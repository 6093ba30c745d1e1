"""How well the theme lexicon agrees with our hand coding, on a half it was not tuned on.

The statements are split into two halves by a hash of their `statement_id`, fixed before the
lexicon was tuned: the lexicon may be tuned on the `tuning` half only, and its precision,
recall and F1 are reported on the `held_out` half. A hash rather than a random draw keeps the
split the same on every machine and puts a new statement in a half without moving the others.
"""

from __future__ import annotations

import hashlib

import pandas as pd

HELD_OUT, TUNING = "held_out", "tuning"


def half(statement_id: str) -> str:
    """'held_out' when the first byte of SHA-256(statement_id, UTF-8) is odd, else 'tuning'."""
    return HELD_OUT if hashlib.sha256(statement_id.encode("utf-8")).digest()[0] % 2 else TUNING


def halves(statement_ids: pd.Series) -> pd.Series:
    """The half of each statement, aligned with `statement_ids`."""
    return statement_ids.map(half).astype("string")
