"""The held-out split is fixed by the statement id alone, so tuning cannot move a statement
between halves."""

import pandas as pd

from belarus2020 import datasets, theme_validation


def test_split_is_the_documented_hash_rule():
    # SHA-256 first bytes: S0001 -> 0xd5 (odd), S0002 -> 0x36, S0003 -> 0xb2 (even), S0004 -> 0x77 (odd)
    assert [theme_validation.half(i) for i in ["S0001", "S0002", "S0003", "S0004"]] == [
        "held_out", "tuning", "tuning", "held_out"]


def test_split_does_not_depend_on_row_order_or_other_rows():
    ids = pd.Series(["S0004", "S0001", "S0002", "S0003"])
    shuffled = theme_validation.halves(ids)
    alone = [theme_validation.halves(pd.Series([i])).iloc[0] for i in ids]
    assert shuffled.tolist() == alone
    assert theme_validation.halves(ids[::-1]).tolist() == shuffled[::-1].tolist()


def test_real_statements_fall_in_two_halves_of_similar_size():
    halves = theme_validation.halves(datasets.load_statements()["statement_id"])
    shares = halves.value_counts(normalize=True)
    assert set(shares.index) == {"held_out", "tuning"}
    assert shares.between(0.35, 0.65).all(), shares
