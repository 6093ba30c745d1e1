"""Wilson intervals against values worked by hand, and shares that say nothing for small groups."""

import math

import pandas as pd
import pytest

from belarus2020.statements import proportions

# Worked by hand with z = 1.96 (z² = 3.8416), n = 10: the denominator is 1 + z²/n = 1.38416.
# 0 of 10: centre = (0 + z²/20) / 1.38416 = 0.13877; half-width = z·sqrt(0 + z²/400) / 1.38416
#          = 1.96 · 0.098 / 1.38416 = 0.13877, so [0, 0.2775].
# 5 of 10: centre = 0.5; half-width = 1.96 · sqrt(0.025 + 0.009604) / 1.38416 = 0.26341,
#          so [0.2366, 0.7634].
# 10 of 10 mirrors 0 of 10: [0.7225, 1].


@pytest.mark.parametrize("k, n, low, high", [
    (0, 10, 0.0, 0.2775), (5, 10, 0.2366, 0.7634), (10, 10, 0.7225, 1.0),
])
def test_wilson_matches_hand_computation(k, n, low, high):
    got = proportions.wilson(k, n)
    assert got[0] == pytest.approx(low, abs=5e-5) and got[1] == pytest.approx(high, abs=5e-5)


def test_wilson_at_the_edges_is_exactly_zero_or_one():
    assert proportions.wilson(0, 7)[0] == 0.0 and proportions.wilson(7, 7)[1] == 1.0


@pytest.mark.parametrize("k, n", [(1, 3), (2, 9), (13, 50), (49, 50)])
def test_wilson_is_symmetric_contains_the_share_and_narrows_with_n(k, n):
    low, high = proportions.wilson(k, n)
    mirror = proportions.wilson(n - k, n)
    assert low == pytest.approx(1 - mirror[1]) and high == pytest.approx(1 - mirror[0])
    assert 0 <= low < k / n < high <= 1
    low4, high4 = proportions.wilson(4 * k, 4 * n)
    assert high4 - low4 < high - low


@pytest.mark.parametrize("k, n", [(0, 0), (3, 2), (-1, 5)])
def test_wilson_refuses_impossible_counts(k, n):
    with pytest.raises(ValueError):
        proportions.wilson(k, n)


def test_small_groups_get_counts_only_and_unknowns_are_not_counted():
    ids = [f"S{i}" for i in range(9)]
    matrix = pd.DataFrame({"torture": pd.array([True, True, False, False, True, True, False, pd.NA, True],
                                               dtype="boolean")}, index=ids)
    groups = pd.Series(["big"] * 6 + ["small"] * 3, index=ids)
    table = proportions.shares_by_group(matrix, groups).set_index("group")
    big, small = table.loc["big"], table.loc["small"]
    assert (big["n"], big["k"], big["share"]) == (6, 4, pytest.approx(4 / 6))
    assert (big["low"], big["high"]) == pytest.approx(proportions.wilson(4, 6))
    assert (small["n"], small["k"]) == (2, 1)  # S7 is unknown: neither in n nor in k
    assert pd.isna(small["share"]) and pd.isna(small["low"]) and pd.isna(small["high"])


def test_a_group_of_exactly_the_minimum_gets_a_share():
    matrix = pd.DataFrame({"t": [True, False, False, False, False]}, index=list("abcde"))
    row = proportions.shares_by_group(matrix, pd.Series("g", index=list("abcde"))).iloc[0]
    assert row["n"] == proportions.MIN_GROUP and math.isclose(row["share"], 0.2)
