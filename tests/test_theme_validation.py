"""The held-out split is fixed by the statement id alone, so tuning cannot move a statement
between halves."""

import pandas as pd
import pytest

from belarus2020.statements import theme_validation, themes
from belarus2020.data import datasets


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


def frame(**columns):
    return pd.DataFrame(columns, index=pd.Index([f"S{i}" for i in range(len(next(iter(columns.values()))))]))


def test_scores_count_agreement_per_theme():
    coded = frame(torture=[True, True, True, False, False], dialogue=[False] * 5)
    tagged = frame(torture=[True, True, False, True, False], dialogue=[False] * 5)
    table = theme_validation.scores(tagged, coded)
    t = table.loc["torture"]
    assert (t["true_pos"], t["false_pos"], t["false_neg"], t["n"]) == (2, 1, 1, 5)
    assert t["precision"] == pytest.approx(2 / 3) and t["recall"] == pytest.approx(2 / 3)
    assert t["f1"] == pytest.approx(2 * 2 / (2 * 2 + 1 + 1))
    d = table.loc["dialogue"]  # nothing coded, nothing tagged: nothing to divide by
    assert pd.isna(d["precision"]) and pd.isna(d["recall"]) and pd.isna(d["f1"])


def test_theme_tagged_but_never_coded_scores_zero_f1():
    table = theme_validation.scores(frame(t=[True, False]), frame(t=[False, False]))
    assert table.loc["t", "f1"] == 0 and table.loc["t", "precision"] == 0 and pd.isna(table.loc["t", "recall"])


def test_analysis_source_needs_the_target_on_the_held_out_half():
    table = pd.DataFrame({"f1": pd.array([0.8, 0.79, None, 0.1], dtype="Float64")},
                         index=pd.MultiIndex.from_tuples([("held_out", "a"), ("held_out", "b"), ("held_out", "c"),
                                                          ("tuning", "a")], names=["half", "theme"]))
    assert theme_validation.analysis_source(table).to_dict() == {
        "a": "lexicon", "b": "hand coding", "c": "hand coding"}


def statement_rows(*rows):
    return pd.DataFrame(rows, columns=["statement_id", "quote", "translation_en_ours", "copy_of"]).astype("string")


def test_validation_counts_coded_utterances_only():
    lexicon = pd.DataFrame({"theme": ["torture"], "pattern": ["tortur*"], "note": [""]})
    # S0001 (held out) and S0004 (held out) are coded; S0003 (tuning) is a copy; S0002 (tuning) is not yet coded
    st = statement_rows(("S0001", "torture", None, None), ("S0002", "torture", None, None),
                        ("S0003", "torture", None, "S0001"), ("S0004", "nothing", None, None))
    coding = pd.DataFrame({"statement_id": ["S0001", "S0003", "S0004"], "theme": ["torture", "none", "none"]})
    table = theme_validation.validation_table(st, lexicon, coding)
    assert table.loc[("held_out", "torture"), "n"] == 2 and table.loc[("held_out", "torture"), "f1"] == 1
    assert table.loc[("tuning", "torture"), "n"] == 0
    wrong = theme_validation.disagreements(st, lexicon, coding)
    assert wrong.empty  # the copy S0003 disagrees (coded none, tagged torture) but is not an utterance


def test_a_new_statement_is_not_yet_coded_everywhere(scratch):
    before = theme_validation.validation_table(datasets.load_statements(), themes.load_lexicon(), themes.load_coding())
    rows = scratch.rows("raw/statements.csv")
    header = rows[0]
    new = dict(zip(header, rows[1]))
    new.update(statement_id="S9990", copy_of="")
    scratch.write("raw/statements.csv", rows + [[new[c] for c in header]])
    statements, lexicon, coding = datasets.load_statements(), themes.load_lexicon(), themes.load_coding()
    assert themes.coding_status(statements, coding)["S9990"] == "not yet coded"
    table = theme_validation.validation_table(statements, lexicon, coding)
    pd.testing.assert_frame_equal(table, before)  # S9990 counts in neither half, as no theme nor any other
    source = theme_validation.analysis_source(table)
    matrix = themes.analysis_matrix(statements, lexicon, coding, source)
    for theme, where in source.items():
        value = matrix.loc["S9990", theme]
        assert pd.isna(value) if where == "hand coding" else value in (True, False)
