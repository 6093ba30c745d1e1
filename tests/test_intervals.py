"""Interval arithmetic keeps hedges honest: floors stay open-ended, contradictions are found."""

import pytest

from belarus2020.numbers import intervals


def test_adding_a_floor_leaves_the_sum_unbounded():
    assert intervals.add((1450, 1550), (10001, None)) == (11451, None)
    assert intervals.add((1450, 1550), (12500, 13500)) == (13950, 15050)


def test_subtracting_gives_every_possible_difference():
    assert intervals.subtract((12500, 13500), (1450, 1550)) == (10950, 12050)
    assert intervals.subtract((10001, None), (1450, 1550)) == (8451, None)
    assert intervals.subtract((100, 200), (150, 300)) == (0, 50)


def test_subtracting_an_unbounded_interval_is_refused():
    with pytest.raises(ValueError):
        intervals.subtract((12500, 13500), (10001, None))


@pytest.mark.parametrize("a, b, common", [
    ((11451, None), (12500, 13500), (12500, 13500)),
    ((1450, 1550), (1578, None), None),
    ((1450, 1550), (1550, 1600), (1550, 1550)),
    ((10, None), (20, None), (20, None)),
])
def test_overlap(a, b, common):
    assert intervals.overlap(a, b) == common
    assert intervals.overlap(b, a) == common
