"""Sampling frames: which statements count for a forum, how speakers are matched, and the frame table's own checks."""

import json

import pandas as pd
import pytest

from belarus2020.statements import frames
from belarus2020.data import datasets, paths
from belarus2020.data.datasets import DataError

UPR, PC = "upr-2020-11-02", "pc-1288-2020-11-05"
UPR_VENUE = "UN Human Rights Council Universal Periodic Review, Geneva"


def statements(*rows):
    """A statements table with only the columns coverage reads; each row a dict of overrides."""
    base = {"date": "2020-11-02", "precision": "day", "venue": UPR_VENUE, "actor_type": "government",
            "country": None, "organisation": None, "copy_of": None}
    table = pd.DataFrame([{**base, **row} for row in rows])
    table["date_date"] = pd.to_datetime(table.pop("date"))
    table["date_precision"] = table.pop("precision")
    return table


def frame(*rows):
    return pd.DataFrame([{"forum": f, "actor_type": a, "speaker": s} for f, a, s in rows])


def row_of(result, forum):
    return result.set_index("forum").loc[forum]


def test_known_quoted_share_and_unquoted():
    said = statements({"country": "United States"}, {"country": "Lithuania"})
    known = frame((UPR, "government", "United States"), (UPR, "government", "Lithuania"),
                  (UPR, "government", "Canada"), (UPR, "government", "Fiji"))
    upr = row_of(frames.coverage(said, known), UPR)
    assert (upr["known"], upr["quoted"], upr["share"]) == (4, 2, 0.5)
    assert upr["unquoted"] == ["Canada", "Fiji"]
    assert upr["statements"] == 2


def test_two_statements_by_one_speaker_quote_one_speaker():
    said = statements({"country": "Belarus", "actor_type": "belarus_authorities"},
                      {"country": "Belarus", "actor_type": "belarus_authorities"})
    upr = row_of(frames.coverage(said, frame((UPR, "belarus_authorities", "Belarus"))), UPR)
    assert (upr["statements"], upr["quoted"]) == (2, 1)


def test_copies_do_not_count():
    said = statements({"country": "Russia", "actor_type": "russia", "copy_of": "S0001"})
    upr = row_of(frames.coverage(said, frame((UPR, "russia", "Russia"))), UPR)
    assert (upr["statements"], upr["quoted"], upr["unquoted"]) == (0, 0, ["Russia"])


@pytest.mark.parametrize("override", [
    {"venue": "UN Watch press release on Belarus UPR, Geneva"},         # about the forum, not at it
    {"venue": "press release on UN Human Rights Council Universal Periodic Review"},  # names it, does not start with it
    {"date": "2020-11-03"},                                               # another day
    {"date": "2020-11-15", "precision": "month"},                        # only the month is known
])
def test_only_statements_made_at_the_forum_count(override):
    said = statements({"country": "Lithuania", **override})
    upr = row_of(frames.coverage(said, frame((UPR, "government", "Lithuania"))), UPR)
    assert upr["quoted"] == 0 and upr["statements"] == 0


def test_the_opposition_is_not_the_government_it_opposes():
    said = statements({"actor_type": "opposition", "country": "Belarus", "organisation": "Belarusian democratic opposition"})
    known = frame((UPR, "belarus_authorities", "Belarus"))
    upr = row_of(frames.coverage(said, known), UPR)
    assert upr["quoted"] == 0
    assert upr["quoted_not_in_frame"] == ["Belarusian democratic opposition"]


def test_venue_match_ignores_case_and_picks_the_right_forum():
    said = statements({"date": "2020-11-05", "venue": "osce permanent council no. 1288, vienna", "actor_type": "eu",
                       "organisation": "European Union"})
    result = frames.coverage(said, frame((PC, "eu", "European Union"), (UPR, "eu", "European Union")))
    assert row_of(result, PC)["quoted"] == 1 and row_of(result, UPR)["quoted"] == 0


def test_a_forum_with_no_known_speaker_has_no_share():
    result = frames.coverage(statements({"country": "Lithuania"}), frame((UPR, "government", "Lithuania")))
    assert pd.isna(row_of(result, PC)["share"]) and row_of(result, PC)["known"] == 0


def test_a_frame_row_for_an_undefined_forum_is_an_error():
    with pytest.raises(ValueError, match="pc-9999"):
        frames.coverage(statements({"country": "Lithuania"}), frame(("pc-9999", "government", "Lithuania")))


@pytest.mark.parametrize("actor_type, country, organisation, key", [
    ("government", "United Kingdom", "UK Government", "United Kingdom"),
    ("russia", "Russia", "Russian Ministry of Foreign Affairs", "Russia"),
    ("eu", "", "European Union", "European Union"),
    ("ngo", "", "Razam.ch", "Razam.ch"),
    ("opposition", "Belarus", "Belarusian democratic opposition", "Belarusian democratic opposition"),
    ("government", None, "Nordic foreign ministers", "Nordic foreign ministers"),
])
def test_speaker_key(actor_type, country, organisation, key):
    table = pd.DataFrame([{"actor_type": actor_type, "country": country or None, "organisation": organisation}])
    assert frames.speaker_key(table).iloc[0] == key


# --- the real frame table ----------------------------------------------------------------------

def test_every_frame_row_names_its_speaker_in_the_excerpt_or_says_why_not():
    table = datasets.load_forum_speakers()
    for _, row in table.iterrows():
        if pd.isna(row["name_in_excerpt"]):
            assert pd.notna(row["note"]) and row["note"].strip(), row["speaker"]
        else:
            assert row["name_in_excerpt"] in row["excerpt"], row["speaker"]


def test_the_schema_lists_exactly_the_defined_forums():
    descriptor = json.loads((paths.DATA / "datapackage.json").read_text(encoding="utf-8"))
    resource = next(r for r in descriptor["resources"] if r["name"] == "forum_speakers")
    field = next(f for f in resource["schema"]["fields"] if f["name"] == "forum")
    assert field["constraints"]["enum"] == list(frames.FORUMS)


def test_every_forum_has_a_frame_with_its_speakers_matched_to_statements():
    table, said = datasets.load_forum_speakers(), datasets.load_statements()
    result = frames.coverage(said, table)
    assert (result["known"] > 0).all()
    assert (result["quoted"] <= result["known"]).all()
    assert (result["known"] - result["quoted"] == result["unquoted"].map(len)).all()


# --- broken frame tables: each error names file, row and column --------------------------------

FILE = "data/forum_speakers.csv"


def broken(scratch, row, column, value, words):
    scratch.set("forum_speakers.csv", row, column, value)
    with pytest.raises(DataError) as error:
        datasets.load_forum_speakers()
    assert f"{FILE}, row {row}, column {column!r}" in str(error.value)
    assert words in str(error.value)


def test_a_name_missing_from_the_excerpt_is_reported(scratch):
    broken(scratch, 3, "name_in_excerpt", "Atlantis", "does not stand verbatim in the excerpt")


def test_an_excerpt_that_does_not_name_the_speaker_needs_a_note(scratch):
    scratch.set("forum_speakers.csv", 2, "name_in_excerpt", "")
    broken(scratch, 2, "note", "", "does not name the speaker")


def test_an_unknown_forum_is_reported(scratch):
    broken(scratch, 4, "forum", "g7-2020", "enum")


def test_a_speaker_listed_twice_for_one_forum_is_reported(scratch):
    rows = scratch.rows("forum_speakers.csv")
    scratch.write("forum_speakers.csv", rows + [rows[1]])
    with pytest.raises(DataError, match="forum_speakers.csv"):
        datasets.load_forum_speakers()


def test_a_non_english_excerpt_needs_our_english(scratch):
    row = next(r for r in range(2, 80) if scratch.get("forum_speakers.csv", r, "language") != "en")
    broken(scratch, row, "excerpt_en_ours", "", "not in English")


def test_at_forums_keeps_utterances_at_a_forum_and_in_frame_matches_kind_and_speaker():
    said = statements({"country": "United States"}, {"country": "Canada"},
                      {"country": "Russia", "actor_type": "russia", "copy_of": "S0001"},
                      {"country": "Fiji", "date": "2020-11-03"})
    found = frames.at_forums(said)
    assert list(found.index) == [0, 1] and set(found["forum"]) == {UPR}
    known = frame((UPR, "government", "United States"), (UPR, "ngo", "Canada"))
    assert list(frames.in_frame(found, known)) == [True, False]
