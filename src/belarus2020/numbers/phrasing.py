"""Intervals and dates written back as English words, with their hedges kept.

The inverse of `estimates`: an interval is never rounded into false precision; a lower bound
reads "more than 10,000", an approximate figure says what it is about, a range gives both ends.
"""

from __future__ import annotations

from belarus2020.numbers.estimates import Estimate


def number(value: int) -> str:
    """12500 -> '12,500'."""
    return f"{value:,}"


def interval(low: int, high: int | None) -> str:
    """[low, high] in words: 'between 12,500 and 13,500', 'at least 10,001', '2,000'."""
    if high is None:
        return f"at least {number(low)}"
    if low == high:
        return number(low)
    if low == 0:
        return f"at most {number(high)}"
    return f"between {number(low)} and {number(high)}"


def estimate(est: Estimate) -> str:
    """An estimate as its source hedged it: 'more than 10,000', 'about 13,000', 'at least 1,578'."""
    if est.kind == "exact":
        return number(est.value)
    if est.kind == "approximate":
        word = "nearly" if est.low < est.value == est.high else "about"
        return f"{word} {number(est.value)}"
    if est.kind == "lower_bound":
        return f"more than {number(est.value)}" if est.low > est.value else f"at least {number(est.value)}"
    if est.kind == "upper_bound":
        return f"fewer than {number(est.value)}" if est.high < est.value else f"up to {number(est.value)}"
    return interval(est.low, est.high)


def estimate_with_interval(est: Estimate) -> str:
    """The hedge and, where it adds something, the interval we read it as."""
    words = estimate(est)
    if est.kind == "approximate" and est.low < est.high:
        return f"{words} (read as {interval(est.low, est.high)})"
    return words


def day(when, precision: str = "day") -> str:
    """A date as prose: '5 Nov 2020', or 'Nov 2020' when only the month is known."""
    if precision == "month":
        return f"{when:%b %Y}"
    if precision == "unknown":
        return "an unknown date"
    return f"{when.day} {when:%b %Y}"
