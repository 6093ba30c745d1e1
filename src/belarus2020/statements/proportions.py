"""Shares with their uncertainty: how many of a group's statements raise a theme, and how sure
that share is.

A share of a handful of statements says little, so each share carries its n and a 95% Wilson
score interval, which stays inside [0, 1] and is honest for shares near 0 or 1 and small n
(where the textbook p ± 1.96·sqrt(p(1-p)/n) interval collapses to a point). Groups smaller than
MIN_GROUP get their counts and nothing more: no share, no interval, no claim.
"""

from __future__ import annotations

from math import sqrt

import pandas as pd

CONFIDENCE = 0.95
Z95 = 1.959963984540054  # the standard normal quantile for a two-sided 95% interval
MIN_GROUP = 5


def wilson(k: int, n: int, z: float = Z95) -> tuple[float, float]:
    """The Wilson score interval for k successes in n trials (95% by default)."""
    if n <= 0 or not 0 <= k <= n:
        raise ValueError(f"need 0 <= k <= n and n > 0, got k={k}, n={n}")
    p = k / n
    denominator = 1 + z * z / n
    centre = (p + z * z / (2 * n)) / denominator
    half_width = z * sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / denominator
    low = 0.0 if k == 0 else max(0.0, centre - half_width)
    high = 1.0 if k == n else min(1.0, centre + half_width)
    return low, high


def shares_by_group(matrix: pd.DataFrame, groups: pd.Series, min_group: int = MIN_GROUP) -> pd.DataFrame:
    """Per group and theme: n (statements whose theme is known), k (raising it), and for groups of
    at least `min_group` the share and its 95% Wilson interval (NA otherwise).

    `matrix` is statements x themes (True / False / NA for unknown), indexed like `groups`.
    """
    rows = []
    for group, members in matrix.groupby(groups.reindex(matrix.index), sort=False):
        for theme in matrix.columns:
            known = members[theme].dropna()
            n, k = len(known), int(known.sum())
            share = low = high = pd.NA
            if n >= min_group:
                share, (low, high) = k / n, wilson(k, n)
            rows.append({"group": group, "theme": theme, "n": n, "k": k, "share": share, "low": low, "high": high})
    table = pd.DataFrame(rows)
    for column in ("share", "low", "high"):
        table[column] = table[column].astype("Float64")
    return table
