"""The number-phrase conventions of data/README.md, one assertion per rule, plus properties."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from belarus2020.estimates import Estimate, parse_estimate, unit_of


@pytest.mark.parametrize("phrase, low, high, kind, value", [
    # bare numbers and the ways of writing them
    ("231", 231, 231, "exact", 231),
    ("13,000", 13000, 13000, "exact", 13000),
    ("4 644 complaints", 4644, 4644, "exact", 4644),
    ("4\u202f644", 4644, 4644, "exact", 4644),
    ("27\u00a0000", 27000, 27000, "exact", 27000),
    ("6.7 thousand", 6700, 6700, "exact", 6700),
    ("1.5 million", 1500000, 1500000, "exact", 1500000),
    ("seventeen", 17, 17, "exact", 17),
    ("Seventy-four", 74, 74, "exact", 74),
    ("a thousand", 1000, 1000, "exact", 1000),
    ("700 submissions of evidence", 700, 700, "exact", 700),
    ("a total of 30,000", 30000, 30000, "exact", 30000),
    # approximate: [x - u/2, x + u/2]
    ("some 1,500", 1450, 1550, "approximate", 1500),
    ("around 13,000", 12500, 13500, "approximate", 13000),
    ("about 3 thousand", 2500, 3500, "approximate", 3000),
    ("approximately 60", 55, 65, "approximate", 60),
    ("roughly 700", 650, 750, "approximate", 700),
    ("an estimated 2,000", 1500, 2500, "approximate", 2000),
    ("estimated at 30,000", 25000, 35000, "approximate", 30000),
    ("~7000", 6500, 7500, "approximate", 7000),
    # approximate from below: [x - u/2, x]
    ("nearly 7,000", 6500, 7000, "approximate", 7000),
    ("almost 12,000", 11500, 12000, "approximate", 12000),
    ("close to 400", 350, 400, "approximate", 400),
    ("just under 500", 450, 500, "approximate", 500),
    # lower bounds
    ("more than 10,000", 10001, None, "lower_bound", 10000),
    ("over 6,000", 6001, None, "lower_bound", 6000),
    ("above 400", 401, None, "lower_bound", 400),
    ("in excess of 100", 101, None, "lower_bound", 100),
    ("exceeded 1,000", 1001, None, "lower_bound", 1000),
    ("at least 1578", 1578, None, "lower_bound", 1578),
    ("no fewer than 30", 30, None, "lower_bound", 30),
    ("a minimum of 68", 68, None, "lower_bound", 68),
    ("7000+", 7000, None, "lower_bound", 7000),
    ("at least four", 4, None, "lower_bound", 4),
    # upper bounds
    ("fewer than 100", 0, 99, "upper_bound", 100),
    ("less than 50", 0, 49, "upper_bound", 50),
    ("under 20", 0, 19, "upper_bound", 20),
    ("below 10", 0, 9, "upper_bound", 10),
    ("up to 2,000", 0, 2000, "upper_bound", 2000),
    ("at most 5", 0, 5, "upper_bound", 5),
    ("no more than 3,000", 0, 3000, "upper_bound", 3000),
    # ranges
    ("between 12,500 and 13,500", 12500, 13500, "range", None),
    ("300-400", 300, 400, "range", None),
    ("300\u2013400", 300, 400, "range", None),
    # vague
    ("dozens", 24, 99, "vague", None),
    ("hundreds", 200, 999, "vague", None),
    ("thousands", 2000, 9999, "vague", None),
    ("tens of thousands of protesters", 20000, 99999, "vague", None),
    ("hundreds of thousands", 200000, 999999, "vague", None),
])
def test_conventions(phrase, low, high, kind, value):
    assert parse_estimate(phrase) == Estimate(low, high, kind, value)


@pytest.mark.parametrize("phrase", [
    "many", "several", "", "   ", "well over 100", "reaching 900", "1.100", "6.700",
    "overwhelming 5", "between 5 and", "400-300", "numerous detainees",
])
def test_unreadable_phrases_raise_with_the_phrase(phrase):
    with pytest.raises(ValueError) as error:
        parse_estimate(phrase)
    assert repr(phrase) in str(error.value)


@pytest.mark.parametrize("value, unit", [(13000, 1000), (1500, 100), (231, 1), (10000, 10000), (6700, 100)])
def test_unit_is_the_place_of_the_last_nonzero_digit(value, unit):
    assert unit_of(value) == unit


counts = st.integers(min_value=1, max_value=10_000_000)


@given(counts)
def test_formatting_a_number_and_reading_it_back(n):
    for written in (f"{n:,}", f"{n:,}".replace(",", " "), f"{n:,}".replace(",", "\u202f"), str(n)):
        assert parse_estimate(written) == Estimate(n, n, "exact", n)


@given(counts, st.sampled_from(["about", "around", "some", "nearly", "almost", "more than", "over",
                                "at least", "up to", "fewer than", "no more than"]))
def test_interval_holds_the_number_as_written(n, hedge):
    est = parse_estimate(f"{hedge} {n:,}")
    assert est.value == n
    assert est.low <= (est.high if est.high is not None else est.low)
    if est.kind == "approximate":
        assert est.low <= n <= est.high
    elif est.kind == "lower_bound":
        assert est.high is None and est.low in (n, n + 1)
    else:
        assert est.low == 0 and est.high in (n - 1, n)


@given(counts, counts)
def test_ranges_keep_both_ends(a, b):
    low, high = sorted((a, b))
    assert parse_estimate(f"between {low:,} and {high:,}") == Estimate(low, high, "range", None)
