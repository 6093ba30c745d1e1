"""Counts that cannot all be true: the pairs and groups of claims that contradict each other, found by rule.

Read side by side, the record holds numbers that cannot all hold: a running total that falls, an
exact count below an earlier floor, a since-May total whose since-election part leaves more
pre-election detentions than anyone counted. Each rule is a small pure function over claim rows
(`low`, `high`, `kind`, `measure`, `baseline`, `counted_by`, the period's `*_first`/`*_last` days,
and `series`, `unit` from `with_series`), so the checker (belarus2020.counts.checker) judges a number met
in a story by the same rules that write analysis/reconciliation.csv (belarus2020.publish.derived). A conflict names what would
explain it, read from the rows themselves (the words they count, how their period is stated, who
said them); it never decides which claim is wrong.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd

from belarus2020.counts import claims
from belarus2020.numbers import intervals, phrasing
from belarus2020.numbers.estimates import Estimate, unit_of

# The first day of each baseline: a window that starts on one is a running total from it.
BASELINE_DAYS = {"since_campaign": pd.Timestamp("2020-05-06"), "since_election": pd.Timestamp("2020-08-09")}
# Window measures that are values of a running total when they start on a baseline's first day
# (the pre-election count is the since-May total on 8 Aug).
TOTAL_OF_WINDOW = {"detained_window": "detained_cumulative", "detentions_window": "detentions_cumulative",
                   "detained_pre_election": "detained_cumulative"}
PRE_ELECTION = "detained_pre_election"
# (part, whole): every one of the first is counted in the second, by the same counter, over the same period.
PART_OF = (("detained_cumulative", "detentions_cumulative"), ("detained_window", "detentions_window"),
           ("custody_daily", "detained_daily"), ("administrative_arrests", "administrative_convictions"),
           ("administrative_fines", "administrative_convictions"))

RULES = {
    "below-earlier-count": "a running total cannot fall: a later count lies wholly below an earlier count "
                           "of the same unit and baseline by another counter",
    "total-fell": "a running total cannot fall: a counter's later count lies wholly below its own earlier one",
    "pre-election-remainder": "a counter's since-May total minus its since-election total is the pre-election "
                              "detentions, and the remainder disagrees with a pre-election count",
    "part-above-whole": "a part cannot exceed its whole: people detained above detentions, custody above "
                        "detentions of the day, or rulings of one kind above all rulings, by one counter over one period",
    "same-period-disagree": "two counts of the same measure over the same stated period whose intervals do not overlap",
}
# What a conflict is about, in a reader's words (the measures' own names elsewhere).
LABELS = {"detained_cumulative": "people detained", "detentions_cumulative": "detentions",
          "detained_pre_election": "people detained before the election", "criminal_cases": "criminal cases",
          "criminal_defendants": "people targeted by criminal cases", "political_prisoners": "political prisoners",
          "administrative_arrests": "rulings of administrative arrest", "custody_daily": "people placed in custody",
          "detained_daily": "people detained in a day or night"}
BASELINE_WORDS = {"since_campaign": "since the campaign began in May", "since_election": "since the election"}
COLUMNS = ["rule", "claims", "counters", "measure", "baseline", "gap", "detail", "explanation", "figure_ids"]


@dataclass(frozen=True)
class Conflict:
    """Claims that cannot all hold: the rule, the claims in the order the rule names them, and by how much."""

    rule: str
    rows: tuple
    gap: int
    detail: str


# --- claim rows ------------------------------------------------------------------------------

def with_series(rows: pd.DataFrame, measures: pd.DataFrame) -> pd.DataFrame:
    """Claim rows with their `unit` and `series` (the running total each is a value of, or None)."""
    known = measures.set_index("measure")
    cumulative = set(known.index[known["period"] == "cumulative"])
    out = rows.copy()
    out["unit"] = out["measure"].map(known["unit"])
    out["series"] = [series(row, cumulative) for row in out.to_dict("records")]
    return out


def series(row, cumulative: set) -> tuple | None:
    """(measure, baseline) of the running total a claim counts, or None: a cumulative measure from
    a known baseline, or a window that starts on a baseline's first day."""
    measure, baseline = row["measure"], row["baseline"]
    if measure in cumulative and baseline in BASELINE_DAYS:
        return measure, baseline
    total = TOTAL_OF_WINDOW.get(measure)
    if total is None:
        return None
    if measure == PRE_ELECTION and baseline in BASELINE_DAYS:
        return total, baseline
    start = row.get("period_start_first")
    if pd.notna(start) and start == row.get("period_start_last"):
        return next(((total, b) for b, day in BASELINE_DAYS.items() if start == day), None)
    return None


def _high(row) -> int | None:
    return None if pd.isna(row["high"]) else int(row["high"])


def _interval(row) -> intervals.Interval:
    return int(row["low"]), _high(row)


def surely_before(a, b) -> bool:
    """Whether claim a's period ends no later than b's, whatever the precision of their dates."""
    return pd.notna(a["period_end_last"]) and pd.notna(b["period_end_first"]) and a["period_end_last"] <= b["period_end_first"]


def same_period(a, b) -> bool:
    """Whether two claims state the same period, start and end, to the same precision."""
    def ends(row):
        return tuple(row.get(c) for c in ("period_start_first", "period_start_last", "period_end_first", "period_end_last"))
    return all((pd.isna(x) and pd.isna(y)) or (pd.notna(x) and pd.notna(y) and x == y) for x, y in zip(ends(a), ends(b))) \
        and pd.notna(a["period_end_last"])


def describe(row) -> str:
    """'more than 27,000 (OHCHR, 4 Dec 2020)', or the checked number's own words."""
    return row["described"] if isinstance(row.get("described"), str) else claims.describe(row)


def subject(conflict: Conflict) -> str:
    """What the claims of a conflict count, in words: 'People detained since the election'."""
    text = LABELS[PRE_ELECTION] if conflict.rule == "pre-election-remainder" else label(conflict.rows[0])
    return text[:1].upper() + text[1:]


def label(row) -> str:
    """What a claim counts, in words: 'people detained since the election', 'criminal cases'."""
    if row["series"] is not None:
        measure, baseline = row["series"]
        return f"{LABELS.get(measure, measure.replace('_', ' '))} {BASELINE_WORDS[baseline]}"
    return LABELS.get(row["measure"], row["measure"].replace("_", " "))


def _words(low: int, rows) -> str:
    """A computed lower bound in words, no more precise than the rows: 'more than 4,000'."""
    return phrasing.estimate(at_least(low, rows))


# --- the rules -------------------------------------------------------------------------------

def falls(earlier, later) -> Conflict | None:
    """A later value of a running total whose upper end is below an earlier value's lower end."""
    if earlier["series"] is None or earlier["series"] != later["series"] or not surely_before(earlier, later):
        return None
    high = _high(later)
    if high is None or high >= int(earlier["low"]):
        return None
    rule = "total-fell" if earlier["counted_by"] == later["counted_by"] else "below-earlier-count"
    gap = int(earlier["low"]) - high
    return Conflict(rule, (earlier, later), gap,
                    f"{describe(later)} lies {_words(gap, (earlier, later))} below the lower end of {describe(earlier)}, "
                    "a count of the same running total to the same or an earlier day")


def remainder(since_may, since_election) -> intervals.Interval | None:
    """The pre-election detentions a since-May and a since-election total of one counter leave between
    them, or None if they bound nothing. Each may be dated differently: a since-election total dated no
    earlier than the since-May one bounds the remainder from below, one dated no later bounds it from above."""
    low = 0
    if _high(since_election) is not None and surely_before(since_may, since_election):
        low = int(since_may["low"]) - _high(since_election)
    high = None
    if _high(since_may) is not None and surely_before(since_election, since_may):
        high = _high(since_may) - int(since_election["low"])
    if low <= 0 and high is None:
        return None
    return max(low, 0), high


def pre_election_remainder(since_may, since_election, pre) -> Conflict | None:
    """A counter's since-May total minus its since-election total, against a count of the pre-election detentions."""
    if since_may["series"] is None or since_election["series"] is None or pre["measure"] != PRE_ELECTION:
        return None
    (total, may_baseline), (other, election_baseline) = since_may["series"], since_election["series"]
    if (may_baseline, election_baseline) != ("since_campaign", "since_election") or total != other \
            or since_may["measure"] == PRE_ELECTION or since_may["counted_by"] != since_election["counted_by"]:
        return None
    left = remainder(since_may, since_election)
    if pre["series"] is None or pre["series"][0] != total:
        return None
    if left is None or intervals.overlap(left, _interval(pre)) is not None:
        return None
    pre_low, pre_high = _interval(pre)
    gap = left[0] - pre_high if pre_high is not None and left[0] > pre_high else pre_low - left[1]
    rows = (since_may, since_election, pre)
    words = _words(left[0], rows[:2]) if left[1] is None else f"{left[0]:,} to {left[1]:,}"
    return Conflict("pre-election-remainder", rows, gap,
                    f"{describe(since_may)} minus {describe(since_election)} leaves {words} detained before the "
                    f"election, {_words(gap, rows)} beyond {describe(pre)}")


def part_above_whole(part, whole) -> Conflict | None:
    """A count of a part (people; custody; one kind of ruling) above the same counter's count of its whole."""
    if (part["measure"], whole["measure"]) not in PART_OF or part["counted_by"] != whole["counted_by"] \
            or part["baseline"] != whole["baseline"] or not same_period(part, whole):
        return None
    high = _high(whole)
    if high is None or int(part["low"]) <= high:
        return None
    gap = int(part["low"]) - high
    return Conflict("part-above-whole", (part, whole), gap,
                    f"{describe(part)} is {_words(gap, (part, whole))} more than {describe(whole)}, which counts every one of them")


def same_period_disagree(a, b) -> Conflict | None:
    """Two counts of one measure, not a running total, over the same stated period, that cannot both hold."""
    if a["series"] is not None or a["measure"] != b["measure"] or a["baseline"] != b["baseline"] \
            or not same_period(a, b):
        return None
    if intervals.overlap(_interval(a), _interval(b)) is not None:
        return None
    low, high = sorted((a, b), key=lambda row: int(row["low"]))
    gap = int(high["low"]) - _high(low)
    return Conflict("same-period-disagree", (low, high), gap,
                    f"{describe(low)} and {describe(high)} count the same thing over the same period, "
                    f"{_words(gap, (low, high))} apart")


# --- what would explain a conflict -----------------------------------------------------------

_EVENTS = re.compile(r"^\W*(arrests|detentions|cases of detention|задержаний|затрыманняў|выпадкаў)\b", re.I)
_EVENTS_BEFORE = re.compile(r"(number of arrests|number of detentions|количество задержаний)\W+(\w+\W+){0,10}$", re.I)
_PEOPLE = re.compile(r"\W*\b(people|persons|individuals|protesters|protestors|человек|чалавек)\b", re.I)
_SPOKEN = re.compile(r"\b(interview|oral update|speech|briefing)\b", re.I)
_INCOMPLETE = re.compile(r"\b(incomplete|names known|known to)\b", re.I)
_RETROSPECTIVE = re.compile(r"\bretrospective\b", re.I)


def _counts_events(row) -> str | None:
    """The word naming events ('arrests', 'cases') that the source puts to the row's number, if any."""
    phrase, excerpt = str(row.get("phrase") or ""), str(row.get("excerpt") or "")
    tail = re.search(r"(arrests|detentions|cases)\W*$", phrase, re.I)
    if tail:
        return tail.group(1).lower()
    at = excerpt.find(phrase) if phrase else -1
    if at < 0:
        return None
    after = excerpt[at + len(phrase):]
    if _PEOPLE.search(phrase) or _PEOPLE.match(after):
        return None
    found = _EVENTS.match(after) or _EVENTS_BEFORE.search(excerpt[:at])
    return found.group(1).lower() if found else None


def reasons(rows) -> list[tuple]:
    """What in the rows could explain a conflict, as (row, words about it): a different unit, a loosely
    stated baseline, a figure spoken rather than counted, a count its counter calls incomplete, a
    retrospective estimate."""
    found = []
    for row in rows:
        events = _counts_events(row) if row.get("unit") == "person" else None
        if events:
            found.append((row, f"counts {events}, in which one person can count more than once, not people"))
        caveat = str(row.get("caveat") or "")
        if row.get("series") and row["series"][1] == "since_election" and (
                pd.isna(row.get("period_start_first")) or row.get("period_start_first") != row.get("period_start_last")):
            found.append((row, "does not state the day it counts from: counted from May, it would include what "
                               "came before the election"))
        if row.get("counter_type") == "government":
            found.append((row, "is a round figure in a government's statement, citing no count of its own"))
        elif _SPOKEN.search(caveat):
            found.append((row, f"was spoken ({_SPOKEN.search(caveat).group(1)}), not published as a count"))
        if _INCOMPLETE.search(caveat):
            found.append((row, f"counts only the cases known to {row['counted_by']}"
                               + (", which calls its data incomplete" if "incomplete" in caveat else "")))
        if _RETROSPECTIVE.search(caveat):
            found.append((row, "is a retrospective estimate, made later with evidence the first counts lacked"))
    return found


NOTHING_FOUND = "nothing in the rows: one of the counts is wrong, or they count different things"


def explain(rows) -> str:
    """`reasons` in one line, each after the id of its claim (or 'the number checked')."""
    found = [f"{row.get('figure_id') or 'the number checked'} {words}" for row, words in reasons(rows)]
    return "; ".join(found) if found else NOTHING_FOUND


def at_least(low: int, rows) -> Estimate:
    """A lower bound computed from the rows, no more precise than the least precise of them: a gap of
    4,675 from 'more than 30,000' is 'more than 4,000' (rounded down, so it stays a lower bound)."""
    hedged = [unit_of(int(r["value"] if pd.notna(r.get("value")) else r["low"])) for r in rows if r["kind"] != "exact"]
    unit = min(max(hedged, default=1), 10 ** (len(str(low)) - 1) if low > 0 else 1)
    value = low // unit * unit
    return Estimate(value if value == low else value + 1, None, "lower_bound", value)


# --- the table -------------------------------------------------------------------------------

def record(figures: pd.DataFrame, measures: pd.DataFrame) -> pd.DataFrame:
    """Every reliable claim (copies counted once) of every measure, with its unit and series."""
    return with_series(claims.distinct_claims(figures, list(measures["measure"])), measures)


def conflicts(rows: pd.DataFrame) -> list[Conflict]:
    """Every conflict among the claim rows (from `record` or `with_series`), each found once, in a stable order."""
    records = rows.to_dict("records")
    found = []
    for a in records:
        for b in records:
            if a is b:
                continue
            found += [c for c in (falls(a, b), part_above_whole(a, b)) if c]
            if a["figure_id"] < b["figure_id"]:
                found += [c for c in [same_period_disagree(a, b)] if c]
            for pre in records:
                if pre["measure"] == PRE_ELECTION and pre is not a and pre is not b:
                    found += [c for c in [pre_election_remainder(a, b, pre)] if c]
    order = list(RULES)
    return sorted(found, key=lambda c: (order.index(c.rule), [r["figure_id"] for r in c.rows]))


def table(found: list[Conflict]) -> pd.DataFrame:
    """One row per conflict: ids, rule, gap and what would explain it (columns COLUMNS)."""
    def joined(values):
        return ";".join(dict.fromkeys(values))
    return pd.DataFrame([{
        "rule": c.rule, "claims": joined(r["figure_id"] for r in c.rows),
        "counters": joined(r["counted_by"] for r in c.rows), "measure": joined(r["measure"] for r in c.rows),
        "baseline": joined(r["baseline"] for r in c.rows), "gap": c.gap, "detail": c.detail,
        "explanation": explain(c.rows), "figure_ids": ";".join(sorted({i for r in c.rows for i in r["figure_ids"].split(";")})),
    } for c in found], columns=COLUMNS)
