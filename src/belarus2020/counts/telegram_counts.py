"""Counts read from a Telegram channel, and their check against the curated figures.

A channel's extractor (`ministry_counts`, `viasna_counts`) sorts every count it meets into
three piles: counts it takes, counts it skips (regional, sub-counts) and counts it refuses
(scope, day or number unsettled). `review` then holds the taken and refused ones against
our curation: each must stand in data/raw/figures.csv (same message, measure and interval,
and a period that contains the count's day) or in data/telegram_left_out.csv with a reason.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

import pandas as pd

from belarus2020.numbers.estimates import Estimate, parse_estimate


@dataclass(frozen=True)
class Count:
    """A count a channel posted, with the day it refers to."""

    channel: str
    message_id: int
    posted: dt.datetime  # Minsk time
    measure: str
    period_start: dt.date  # the day, or the evening a night began
    period_end: dt.date  # the same day, or the morning a night ended
    phrase: str  # the number with its hedge, verbatim
    estimate: Estimate
    sentence: str | None  # verbatim, where the channel's posts can be quoted (never Viasna's)


@dataclass(frozen=True)
class Left:
    """A count an extractor did not take, and why."""

    channel: str
    message_id: int
    measure: str
    phrase: str  # the number with its hedge, or the bare number tokens when none was recognised
    reason: str


@dataclass
class Extraction:
    channel: str
    messages_read: int = 0
    counts: list[Count] = field(default_factory=list)
    skipped: list[Left] = field(default_factory=list)
    refused: list[Left] = field(default_factory=list)

    def summary(self) -> dict[str, int]:
        regional = sum(s.reason.startswith("regional") for s in self.skipped)
        return {"messages read": self.messages_read, "nationwide counts": len(self.counts),
                "regional counts skipped": regional, "sub-counts skipped": len(self.skipped) - regional,
                "counts refused": len(self.refused)}

    def frame(self) -> pd.DataFrame:
        """The counts as a table, one row each, in message order."""
        columns = ["channel", "message_id", "posted", "measure", "period_start", "period_end", "phrase",
                   "low", "high", "kind", "value", "sentence"]
        return pd.DataFrame([{
            "channel": c.channel, "message_id": c.message_id, "posted": pd.Timestamp(c.posted),
            "measure": c.measure, "period_start": pd.Timestamp(c.period_start),
            "period_end": pd.Timestamp(c.period_end), "phrase": c.phrase, "low": c.estimate.low,
            "high": c.estimate.high, "kind": c.estimate.kind, "value": c.estimate.value, "sentence": c.sentence,
        } for c in self.counts], columns=columns).astype({"low": "Int64", "high": "Int64", "value": "Int64"})


def read_count_phrase(phrase: str, language: str) -> Estimate:
    """The one place where a Telegram count phrase ("свыше 350 человек") becomes an interval,
    read in the channel's language by the project's parser, exactly or not at all."""
    return parse_estimate(phrase, language=language)


_HEDGES = {
    "ru": {"около": "about", "примерно": "about", "порядка": "about", "почти": "nearly",
           "более": "more than", "свыше": "more than", "не менее": "at least", "как минимум": "at least",
           "минимум": "at least", "не более": "no more than", "до": "up to", "менее": "fewer than"},
    "be": {"каля": "about", "прыкладна": "about", "амаль": "nearly", "больш за": "more than",
           "больш чым": "more than", "звыш": "more than", "як мінімум": "at least", "мінімум": "at least",
           "не менш за": "at least", "не больш за": "no more than", "да": "up to"},
}
HEDGES = {language: "(?:" + "|".join(sorted(words, key=len, reverse=True)) + ")"
          for language, words in _HEDGES.items()}
# Words that, standing just before a number, could hedge it ("приблизительно 250", "более чем 300"):
# a count whose phrase would leave one of them behind is refused, never read as exact.
_MODIFIERS = {
    "ru": {"приблизительно", "ориентировочно", "примерно", "около", "порядка", "почти", "чуть", "более", "больше",
           "свыше", "менее", "меньше", "не", "до", "от", "сверх", "чем", "минимум", "максимум", "лишь", "только",
           "целых", "аж", "где-то", "под", "как"},
    "be": {"каля", "прыкладна", "амаль", "больш", "менш", "звыш", "чым", "да", "не", "мінімум", "максімум",
           "толькі", "пад", "недзе", "як", "за"},
}


def hedge_left_behind(before: str, language: str) -> str | None:
    """The word just before a number phrase if it could hedge the number (see _MODIFIERS), else None."""
    word = re.search(r"([^\W\d_][\w-]*)\W*$", before)
    return word[1] if word and word[1].lower() in _MODIFIERS[language] else None


COUNT_NOUNS = {
    "ru": r"человек[а]?|граждан(?:ин|ина|е)?|участник(?:а|ов)?|лиц",
    "be": r"чалавек|чалавекі|затрыманых|грамадзян",
}


def locator(channel: str, message_id: int) -> str:
    """How figures.csv locates a message: '@pressmvd message 2047'."""
    return f"@{channel} message {message_id}"


def curated(figures: pd.DataFrame, sources: pd.DataFrame, url: str, measures) -> pd.DataFrame:
    """The figures (from `datasets.load_figures`) read in the export at `url`, of the given measures."""
    source_ids = set(sources.loc[sources["url"] == url, "source_id"])
    return figures[figures["source_id"].isin(source_ids) & figures["measure"].isin(list(measures))]


def curated_matches(count: Count, figures: pd.DataFrame) -> pd.DataFrame:
    """The curated figures that carry this count: same message, measure and interval, and a
    period that contains the count's day (or night)."""
    start, end = pd.Timestamp(count.period_start), pd.Timestamp(count.period_end)
    high = figures["high"].fillna(-1)
    return figures[(figures["locator"] == locator(count.channel, count.message_id))
                   & (figures["measure"] == count.measure)
                   & (figures["low"] == count.estimate.low)
                   & (high == (-1 if count.estimate.high is None else count.estimate.high))
                   & (figures["period_start_date"] <= start) & (figures["period_end_date"] >= end)]


def with_figure_ids(extraction: Extraction, figures: pd.DataFrame) -> pd.DataFrame:
    """The extraction's counts with the ids of the curated figures that carry each one
    (`figure_ids`, ';'-separated, empty when none): what a reader cites."""
    frame = extraction.frame()
    frame["figure_ids"] = [";".join(curated_matches(c, figures)["figure_id"]) for c in extraction.counts]
    return frame


def cited(frame: pd.DataFrame, source_id: str) -> pd.DataFrame:
    """The counts (from `with_figure_ids`) as the claims ledger cites them: a count that curated
    figures carry stands on their ids; one that figures.csv does not carry (it is then listed, with
    the reason, in data/telegram_left_out.csv) stands on the export's source row, `source_id`."""
    return frame.assign(figure_ids=frame["figure_ids"].where(frame["figure_ids"] != ""), source_id=source_id)


def review(extraction: Extraction, figures: pd.DataFrame, left_out: pd.DataFrame,
           exhaustive: bool = True) -> list[str]:
    """What does not square between the extraction and our curation (empty when all does).

    `figures`: the curated figures of the channel's export and the extractor's measures
    (`curated`). `left_out`: data/telegram_left_out.csv. Every count taken must be curated
    or left out, every refusal left out, every left-out entry still be among them (and not
    curated). With `exhaustive` (the extractor reads every count of its measures in the
    channel) every curated figure must be among the counts; otherwise only those from
    messages the extractor read a count from.
    """
    problems = []
    listed = {(int(r.message_id), r.measure, r.phrase)
              for r in left_out[left_out["channel"] == extraction.channel].itertuples()}
    found_figures, found_left = set(), set()
    for count in extraction.counts:
        key = (count.message_id, count.measure, count.phrase)
        matches = curated_matches(count, figures)
        found_figures.update(matches["figure_id"])
        if matches.empty and key in listed:
            found_left.add(key)
        elif matches.empty:
            problems.append(f"{locator(count.channel, count.message_id)}: {count.measure} {count.phrase!r} "
                            f"({count.period_start:%d %b %Y}) is neither in figures.csv nor left out")
    for left in extraction.refused:
        key = (left.message_id, left.measure, left.phrase)
        if key in listed:
            found_left.add(key)
        else:
            problems.append(f"{locator(left.channel, left.message_id)}: refused {left.measure} {left.phrase!r} "
                            f"({left.reason}) is not listed as left out")
    for key in sorted(listed - found_left):
        problems.append(f"telegram_left_out.csv: {locator(extraction.channel, key[0])} {key[1]} {key[2]!r} is "
                        "listed, but it is curated or not among the extractor's counts and refusals")
    read = {locator(extraction.channel, c.message_id) for c in extraction.counts}
    for row in figures.itertuples():
        if row.figure_id not in found_figures and (exhaustive or row.locator in read):
            problems.append(f"{row.figure_id} ({row.locator}, {row.measure} {row.phrase!r}) is not among the "
                            "extractor's counts with the same measure, interval and day")
    return problems
