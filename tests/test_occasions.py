"""A statement is an occasion: passages of one speech count once, a theme is raised by any passage,
copies across outlets and weak rows are not counted again, and cut passages are read only on the
words we hold. Small tables made here, plus the loader's checks on a scratch copy of the data."""

import pandas as pd
import pytest

from belarus2020.data import datasets, paths
from belarus2020.statements import occasions, themes
from belarus2020.data.datasets import DataError

COLUMNS = ["statement_id", "occasion_id", "source_id", "date", "speaker", "organisation", "country", "actor_type",
           "venue", "quote", "translation_en_ours", "reliability", "copy_of", "cut_off"]
LEXICON = pd.DataFrame({"theme": ["torture", "dialogue"], "pattern": ["tortur*", "cooperat*"], "note": ["", ""]})


def passages(*rows):
    """Statement rows: (id, occasion, source, quote), then optional overrides as a dict."""
    base = {"date": "2020-11-05", "speaker": "A. Speaker", "organisation": "OSCE", "country": None,
            "actor_type": "osce", "venue": "a speech", "translation_en_ours": None, "reliability": "ok",
            "copy_of": None, "cut_off": None}
    records = [{**base, "statement_id": r[0], "occasion_id": r[1], "source_id": r[2], "quote": r[3],
                **(r[4] if len(r) > 4 else {})} for r in rows]
    return pd.DataFrame(records, columns=COLUMNS).astype("string")


def test_passages_of_one_speech_count_once_with_their_passages_beside_them():
    table = passages(("S1", "O0001", "SRC1", "first part"), ("S2", "O0001", "SRC1", "second part"),
                     ("S3", "O0003", "SRC2", "another speech"))
    said = occasions.occasions(table)
    assert said["occasion_id"].tolist() == ["O0001", "O0003"]
    assert said["passages"].tolist() == [2, 1]
    assert said["statement_ids"].tolist() == ["S1;S2", "S3"]


def test_a_copy_in_another_outlet_is_counted_once_and_listed_under_its_passage():
    table = passages(("S1", "O0001", "SRC1", "new elections"), ("S2", "O0001", "SRC2", "new elections",
                                                                 {"copy_of": "S1", "reliability": "weak"}))
    said = occasions.occasions(table)
    assert len(said) == 1 and said["passages"].iloc[0] == 1
    assert said["statement_ids"].iloc[0] == "S1;S2" and said["source_ids"].iloc[0] == "SRC1;SRC2"


def test_an_occasion_raises_a_theme_when_any_passage_does_and_is_unknown_only_if_none_does():
    table = passages(("S1", "O0001", "SRC1", "a"), ("S2", "O0001", "SRC1", "b"), ("S3", "O0003", "SRC1", "c"),
                     ("S4", "O0003", "SRC1", "d"), ("S5", "O0005", "SRC1", "e"))
    matrix = pd.DataFrame({"torture": [False, True, False, pd.NA, False]},
                          index=pd.Index(["S1", "S2", "S3", "S4", "S5"], name="statement_id")).astype("boolean")
    raised = occasions.raised(matrix, table)["torture"]
    assert raised["O0001"] == True  # noqa: E712 (a boolean NA-aware value)
    assert pd.isna(raised["O0003"])  # none raises it, one not yet coded: unknown, never False
    assert raised["O0005"] == False  # noqa: E712


def test_weak_passages_are_not_counted_and_an_occasion_known_only_through_them_is_left_out():
    table = passages(("S1", "O0001", "SRC1", "ok words"), ("S2", "O0001", "SRC2", "torture, in a paraphrase",
                                                             {"reliability": "weak"}),
                     ("S3", "O0003", "SRC3", "only a weak copy", {"reliability": "weak"}))
    assert occasions.occasions(table)["occasion_id"].tolist() == ["O0001"]
    assert occasions.left_out(table)["occasion_id"].tolist() == ["O0003"]
    matrix = themes.theme_matrix(table, LEXICON)
    assert matrix.loc["S2", "torture"]  # the weak passage says it ...
    assert not occasions.raised(matrix, table).loc["O0001", "torture"]  # ... but does not count


def test_the_lexicon_does_not_read_the_word_our_copy_cut_off():
    table = passages(("S1", "O0001", "SRC1", "rules out benevolent cooperat", {"cut_off": "our_copy"}),
                     ("S2", "O0002", "SRC1", "rules out benevolent cooperat"))
    tags = themes.tag(table, LEXICON)
    assert tags.values.tolist() == [["S2", "dialogue"]]


# --- the loader, on a scratch copy of the data --------------------------------------------------

STATEMENTS = "data/raw/statements.csv"


def rows_by_id(scratch):
    rows = scratch.rows("raw/statements.csv")
    return rows, rows[0], {r[0]: i + 1 for i, r in enumerate(rows) if i}


def problems(loader=datasets.load_statements):
    with pytest.raises(DataError) as error:
        loader()
    return error.value.problems


def test_a_passage_dated_apart_from_its_occasion_is_refused_at_its_row(scratch):
    rows, header, row = rows_by_id(scratch)
    first, other = "S0091", "S0092"  # one oral update, quoted in two passages
    assert rows[row[first] - 1][header.index("occasion_id")] == rows[row[other] - 1][header.index("occasion_id")]
    scratch.set("raw/statements.csv", row[other], "date", "2020-12-05")
    [found] = problems()
    assert (found.file, found.row, found.column) == (STATEMENTS, row[other], "occasion_id")
    assert first in found.message and "share date" in found.message


def test_a_passage_of_another_speaker_is_refused(scratch):
    rows, header, row = rows_by_id(scratch)
    scratch.set("raw/statements.csv", row["S0003"], "occasion_id", rows[row["S0002"] - 1][header.index("occasion_id")])
    [found] = problems()
    assert (found.row, found.column) == (row["S0003"], "occasion_id") and "kind of actor" in found.message


def test_a_copy_has_the_occasion_of_the_passage_it_copies(scratch):
    rows, header, row = rows_by_id(scratch)
    copy = next(r[0] for r in rows[1:] if r[header.index("copy_of")])
    scratch.set("raw/statements.csv", row[copy], "occasion_id", "O9999")
    [found] = problems()
    assert (found.row, found.column) == (row[copy], "occasion_id") and "the passage this row copies" in found.message


def test_hand_coding_of_a_cut_passage_may_not_rest_on_its_cut_word(scratch):
    rows, header, _ = rows_by_id(scratch)
    cut = next(r for r in rows[1:] if r[header.index("cut_off")] == "our_copy" and r[header.index("translation_en_ours")])
    last_words = " ".join(cut[header.index("translation_en_ours")].split()[-2:])
    coding = scratch.rows("theme_coding.csv")
    coding.append([cut[0], "violence", last_words, "coder-1", ""])  # a theme the passage is not yet coded with
    scratch.write("theme_coding.csv", coding)
    [found] = [p for p in problems(datasets.load_theme_coding) if p.row == len(coding)]
    assert found.column == "evidence" and "cut off" in found.message


def test_every_printed_number_resting_on_a_weak_passage_says_so():
    """The weak-row rule over the ledger: a number whose rows include a weak passage that is not a copy
    is about the rows left out as weak (its sentence says 'weak'), or belongs to the lexicon's validation,
    which scores passages, weak ones included, or is a setting of the method. Counts of statements never
    rest on one."""
    statements = datasets.load_statements()
    weak = set(statements.loc[(statements["reliability"] == "weak") & statements["copy_of"].isna(), "statement_id"])
    ledger = pd.read_csv(paths.ROOT / "analysis" / "ledger.csv", dtype="string").fillna("")
    resting = ledger[ledger["statement_ids"].map(lambda ids: bool(weak & set(ids.split(";"))))]
    assert len(resting)  # the left-out statements are counted, so the check has something to read
    lexicon = (resting["block"] == "themes-validation") | (resting["operation"] == "setting")
    silent = resting[~resting["sentence"].str.contains(r"\bweak\b", case=False, regex=True) & ~lexicon]
    assert silent.empty, silent[["entry", "sentence"]].to_string()
