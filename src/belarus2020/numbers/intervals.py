"""Interval arithmetic on estimates, so that sums and comparisons of hedged numbers stay honest.

An interval is (low, high) with high None for "no upper bound". Adding "some 1,500" to
"more than 10,000" gives at least 11,451 and no upper bound: that is all the words allow.
"""

from __future__ import annotations

Interval = tuple[int, "int | None"]


def add(a: Interval, b: Interval) -> Interval:
    """[a] + [b]."""
    high = None if a[1] is None or b[1] is None else a[1] + b[1]
    return a[0] + b[0], high


def subtract(a: Interval, b: Interval) -> Interval:
    """Every x - y with x in [a] and y in [b] (negative results clipped to 0)."""
    if b[1] is None:
        raise ValueError("cannot subtract an interval with no upper bound")
    high = None if a[1] is None else a[1] - b[0]
    return max(a[0] - b[1], 0), high


def overlap(a: Interval, b: Interval) -> Interval | None:
    """The values both intervals allow, or None if they contradict each other."""
    low = max(a[0], b[0])
    highs = [h for h in (a[1], b[1]) if h is not None]
    high = min(highs) if highs else None
    return None if high is not None and low > high else (low, high)
