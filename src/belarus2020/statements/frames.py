"""Sampling frames: who is known to have spoken at four forums, and how many of them we quote.

Our statements are whatever the sources happened to quote. To say what that collection covers,
each of four meetings has a frame (data/forum_speakers.csv): the delegations and organisations
that a meeting record, press release or report shows took the floor there. Coverage sets the
two side by side, forum by forum. It describes our collection against what is known; a speaker
no source names is in neither, so coverage is never a share of everyone who spoke.

A statement counts for a forum when it was made on the forum's day at a venue whose wording
starts with the forum's name (so "press release on OSCE Permanent Council of 5 Nov 2020" is a
reaction, not a speech at the meeting), and only utterances count: rows with an empty
`copy_of`. A statement and a frame row are the same speaker when their kind of actor and their
speaker key agree: the state or group of states for governments and for Belarusian and Russian
officials, the organisation for everyone else (so the Belarusian opposition is never mistaken
for the Belarusian government).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd


@dataclass(frozen=True)
class Forum:
    label: str
    date: pd.Timestamp
    venue: str  # regular expression the statement's venue must start with (case-insensitive)


FORUMS: dict[str, Forum] = {
    "pc-special-2020-08-28": Forum("OSCE special Permanent Council", pd.Timestamp("2020-08-28"),
                                   r"OSCE Special Permanent Council"),
    "hrc-urgent-debate-2020-09-18": Forum("Human Rights Council urgent debate", pd.Timestamp("2020-09-18"),
                                          r"UN Human Rights Council 45th session, urgent debate"),
    "upr-2020-11-02": Forum("Universal Periodic Review of Belarus", pd.Timestamp("2020-11-02"),
                            r"UN Human Rights Council Universal Periodic Review"),
    "pc-1288-2020-11-05": Forum("OSCE Permanent Council No. 1288", pd.Timestamp("2020-11-05"),
                                r"OSCE Permanent Council( No\. 1288)?, Vienna"),
}

# Kinds of actor that speak for a state: the frame names them by the state (or group of states).
STATE_ACTORS = frozenset({"government", "belarus_authorities", "russia"})


def speaker_key(statements: pd.DataFrame) -> pd.Series:
    """Who each statement speaks for, in the frames' terms: the country for state actors, else the organisation."""
    by_state = statements["actor_type"].isin(STATE_ACTORS) & statements["country"].notna()
    return statements["country"].where(by_state, statements["organisation"]).rename("speaker")


def forum_of(statements: pd.DataFrame) -> pd.Series:
    """The frame forum each statement was made at, or NA: the forum's day and a venue starting with its name."""
    found = pd.Series(pd.NA, index=statements.index, dtype="string", name="forum")
    for forum, spec in FORUMS.items():
        pattern = re.compile(spec.venue, re.IGNORECASE)
        same_day = (statements["date_date"] == spec.date) & (statements["date_precision"] == "day")
        at_venue = statements["venue"].map(lambda v: isinstance(v, str) and bool(pattern.match(v)))
        found[same_day & at_venue.astype(bool)] = forum
    return found


def at_forums(statements: pd.DataFrame) -> pd.DataFrame:
    """Each utterance made at a frame forum (copies left out): its forum, kind of actor and speaker key,
    indexed like `statements`."""
    utterances = statements[statements["copy_of"].isna()]
    said = pd.DataFrame({"forum": forum_of(utterances), "actor_type": utterances["actor_type"],
                         "speaker": speaker_key(utterances)})
    return said.dropna(subset=["forum"])


def in_frame(said: pd.DataFrame, forum_speakers: pd.DataFrame) -> pd.Series:
    """For each row of `at_forums`, whether its forum's frame knows the speaker."""
    known = set(map(tuple, forum_speakers[["forum", "actor_type", "speaker"]].to_numpy()))
    return pd.Series([tuple(r) in known for r in said[["forum", "actor_type", "speaker"]].to_numpy()],
                     index=said.index, dtype=bool)


def coverage(statements: pd.DataFrame, forum_speakers: pd.DataFrame) -> pd.DataFrame:
    """Per forum: speakers known, how many of them we quote (utterances only), the share, and who is missing.

    `unquoted` lists known speakers we do not quote; `quoted_not_in_frame` lists speakers we quote
    at the forum whom the frame lacks (each is a gap in the frame, to be filled from a source).
    """
    unknown = set(forum_speakers["forum"]) - set(FORUMS)
    if unknown:
        raise ValueError(f"forum_speakers names forums with no definition in belarus2020.statements.frames.FORUMS: {sorted(unknown)}")
    said = at_forums(statements)
    rows = []
    for forum, spec in FORUMS.items():
        known = set(map(tuple, forum_speakers.loc[forum_speakers["forum"] == forum, ["actor_type", "speaker"]].to_numpy()))
        quoted = set(map(tuple, said.loc[said["forum"] == forum, ["actor_type", "speaker"]].to_numpy()))
        rows.append({
            "forum": forum,
            "label": spec.label,
            "date": spec.date,
            "statements": int((said["forum"] == forum).sum()),
            "known": len(known),
            "quoted": len(known & quoted),
            "share": len(known & quoted) / len(known) if known else float("nan"),
            "unquoted": sorted(name for _, name in known - quoted),
            "quoted_not_in_frame": sorted(name for _, name in quoted - known),
        })
    return pd.DataFrame(rows)
