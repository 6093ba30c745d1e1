"""The prose formatter writes each kind of estimate with its hedge intact."""

import pytest

from belarus2020 import prose
from belarus2020.estimates import parse_estimate


@pytest.mark.parametrize("phrase, words", [
    ("13,000", "13,000"),
    ("around 13,000", "about 13,000"),
    ("nearly 7,000", "nearly 7,000"),
    ("more than 10,000", "more than 10,000"),
    ("at least 1578", "at least 1,578"),
    ("fewer than 100", "fewer than 100"),
    ("up to 2,000", "up to 2,000"),
    ("between 12,500 and 13,500", "between 12,500 and 13,500"),
    ("thousands", "between 2,000 and 9,999"),
])
def test_each_kind_keeps_its_hedge(phrase, words):
    assert prose.estimate(parse_estimate(phrase)) == words


def test_approximate_figures_can_show_how_we_read_them():
    assert prose.estimate_with_interval(parse_estimate("some 1,500")) == "about 1,500 (read as between 1,450 and 1,550)"
    assert prose.estimate_with_interval(parse_estimate("more than 10,000")) == "more than 10,000"


@pytest.mark.parametrize("low, high, words", [
    (12500, 13500, "between 12,500 and 13,500"), (10001, None, "at least 10,001"),
    (700, 700, "700"), (0, 2000, "at most 2,000")])
def test_intervals_in_words(low, high, words):
    assert prose.interval(low, high) == words


def test_paragraph_offers_the_same_words_as_markdown_and_plain_text():
    bundle = prose.Paragraph("More than **10,000**.")._repr_mimebundle_()
    assert bundle == {"text/markdown": "More than **10,000**.", "text/plain": "More than **10,000**."}
