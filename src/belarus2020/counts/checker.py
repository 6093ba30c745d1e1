"""Check a number met in a story ("more than 30,000 people detained by December 2020") against the record.

The number is read as strictly as the record's own rows: the phrase by the project's parser, what it
counts from the words (or `measure`), its date or period, and its baseline where the words give one.
What cannot be read exactly is refused, naming the part and the option that supplies it; nothing is
guessed. It is then set beside the claims of the same measure and baseline nearest before and after
its date, each judged by the rules of belarus2020.counts.reconciliation (contradicts: they cannot both hold)
or by their intervals (says more, says less: one contains the other; else consistent).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import pandas as pd

from belarus2020.counts import claims, periods, reconciliation
from belarus2020.numbers import phrasing
from belarus2020.numbers.estimates import Estimate, parse_estimate

MONTHS = {name: number for number, names in enumerate([
    ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",), ("june", "jun"),
    ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
    ("december", "dec")], 1) for name in names}
_MONTH = r"(" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_YEAR = r"(?:,?\s+(\d{4}))?"
_PERIOD = re.compile(rf"\b(?:from\s+|between\s+)?(\d{{1,2}})(?:\s+{_MONTH})?\s*(?:–|—|-|\bto\b|\band\b)\s*(\d{{1,2}})\s+{_MONTH}{_YEAR}\b", re.I)
_DAY = re.compile(rf"\b(?:by|on|as of|until|to)?\s*(?:the end of\s+)?(\d{{1,2}})\s+{_MONTH}{_YEAR}\b", re.I)
_MONTH_DATE = re.compile(rf"\b(by|in|as of|until|to)?\s*(the end of\s+)?{_MONTH}\s+(\d{{4}})\b", re.I)
_YEAR_END = re.compile(r"\bby the end of (\d{4})\b", re.I)
_ISO = re.compile(r"\b(?:by|on|as of)?\s*(\d{4}-\d{2}(?:-\d{2})?)\b", re.I)
_SINCE = re.compile(r"\bsince\s+(.*?)(?=\s+(?:by|on|as of|until|to)\b|\s*[,;]|\s*$)", re.I)
_ATTRIBUTION = re.compile(r"\s*(?:[,;]\s*)?(?:\.\.\.|…)?\s*\b(according to\b.*|citing\b.*)$", re.I)
BASELINES = (
    (re.compile(r"(?:the\s+)?(?:presidential\s+)?election(?:\s+(?:in\s+august|of\s+9\s+august|day))?(?:,?\s+2020)?"
                r"|(?:9\s+august|august\s+9)(?:,?\s+2020)?\b", re.I), "since_election"),
    (re.compile(r"(?:the\s+(?:start|beginning)\s+of\s+the\s+(?:election\s+)?campaign(?:\s+in\s+may)?"
                r"|the\s+campaign\s+began|may)(?:,?\s+2020)?\b", re.I), "since_campaign"),
)
# What the words say is counted -> (measure as of a date, measure over a period): the measures' vocabulary.
UNITS = (
    (r"(?:court rulings|administrative arrests|arrest rulings)", ("administrative_arrests", "administrative_arrests")),
    (r"(?:criminal cases)", ("criminal_cases", None)),
    (r"(?:political prisoners)", ("political_prisoners", None)),
    (r"(?:detentions|задержаний|затрыманняў)", ("detentions_cumulative", "detentions_window")),
    (r"(?:(?:people|persons|individuals|protesters|protestors)\s+)?(?:(?:have|has|had|were|was)\s+(?:been\s+)?)?"
     r"(?:detained|arrested|held)|people|protesters|protestors|arrests|задержанн\w*|задержан\w*|человек|затрыман\w*",
     ("detained_cumulative", "detained_window")),
)
ARRESTS = re.compile(r"\barrests\b", re.I)
FILLERS = re.compile(r"\b(?:in belarus|nationwide|in total)\b", re.I)
NEAR = pd.Timedelta(days=92)  # a claim within a quarter of the date is "near"
NEAR_OTHER = pd.Timedelta(days=31)  # claims of other units or baselines listed apart: within a month
# Counts a reader might take for the number's own: listed apart, never compared.
CONFUSABLE = {
    "detained_cumulative": ("detentions_cumulative", "detained_window", "detentions_window", "administrative_arrests",
                            "administrative_convictions"),
    "detentions_cumulative": ("detained_cumulative", "detained_window", "detentions_window", "administrative_arrests"),
    "administrative_arrests": ("administrative_convictions", "administrative_fines", "detained_cumulative"),
    "criminal_cases": ("criminal_defendants",),
    "political_prisoners": ("political_prisoners_recognised", "held_in_custody"),
}
UNIT_WORDS = {"person": "people", "detention": "detentions", "prisoner": "political prisoners", "case": "cases",
              "court ruling": "rulings"}
EXIT = {"consistent": 0, "contradicted": 1, "unreadable": 2, "nothing": 3}


class Unreadable(ValueError):
    """A part of the number that cannot be read exactly, and the option that supplies it."""

    def __init__(self, part: str, flag: str, why: str):
        super().__init__(f"cannot read {part}: {why}; give it with {flag}")
        self.part, self.flag = part, flag


@dataclass
class Reading:
    """The number checked, as read: a claim row the reconciliation rules accept, and what came from where."""

    text: str
    row: dict
    notes: list = field(default_factory=list)


@dataclass
class Verdict:
    claim: dict
    verdict: str  # consistent, contradicts, says more, says less
    rule: str = ""
    detail: str = ""


@dataclass
class Check:
    reading: Reading | None
    verdicts: list = field(default_factory=list)
    other: list = field(default_factory=list)  # (claim, why it is not compared)
    summary: str = ""
    outcome: str = "nothing"
    error: str = ""

    @property
    def exit_code(self) -> int:
        return EXIT[self.outcome]


# --- reading ---------------------------------------------------------------------------------

def _day(year, month, day=None) -> tuple[pd.Timestamp, pd.Timestamp, str]:
    if day is None:
        first = pd.Timestamp(int(year), int(month), 1)
        return first, first + pd.offsets.MonthEnd(0), "month"
    when = pd.Timestamp(int(year), int(month), int(day))
    return when, when, "day"


def _iso(text: str, flag: str) -> tuple[pd.Timestamp, pd.Timestamp, str]:
    m = re.fullmatch(r"(\d{4})-(\d{2})(?:-(\d{2}))?", text.strip())
    if not m:
        raise Unreadable(f"the date {text!r}", flag, "write it as YYYY-MM-DD or YYYY-MM")
    try:
        return _day(*m.groups())
    except ValueError:
        raise Unreadable(f"the date {text!r}", flag, "no such day") from None


def _month(name: str) -> int:
    return MONTHS[name.lower().rstrip(".")]


def _dates(text: str) -> tuple[str, tuple | None, tuple | None]:
    """The text without its date or period, and (start, end) read from it (each (first, last, precision))."""
    if m := _PERIOD.search(text):
        d1, m1, d2, m2, year = m.groups()
        if not year:
            raise Unreadable(f"the period {m.group().strip()!r}", "--period", "its year is not stated")
        start, end = _day(year, _month(m1 or m2), d1), _day(year, _month(m2), d2)
        if start[0] > end[0]:
            raise Unreadable(f"the period {m.group().strip()!r}", "--period", "it ends before it starts")
        return text[:m.start()] + text[m.end():], start, end
    for pattern in (_YEAR_END, _ISO, _DAY, _MONTH_DATE):
        m = pattern.search(text)
        if not m:
            continue
        if pattern is _YEAR_END:
            end = _day(m.group(1), 12, 31)
        elif pattern is _ISO:
            end = _iso(m.group(1), "--as-of")
        elif pattern is _DAY:
            day, month, year = m.groups()
            if not year:
                raise Unreadable(f"the date {m.group().strip()!r}", "--as-of", "its year is not stated")
            end = _day(year, _month(month), day)
        else:
            _, end_of, month, year = m.groups()
            end = _day(year, _month(month))
            if end_of:
                end = (end[1], end[1], "day")
        return text[:m.start()] + text[m.end():], None, end
    return text, None, None


def _baseline(text: str) -> tuple[str, str | None]:
    m = _SINCE.search(text)
    if not m:
        return text, None
    words = m.group(1)
    for pattern, baseline in BASELINES:
        if said := pattern.match(words):
            return text[:m.start()] + " " + text[m.start(1) + said.end():], baseline
    raise Unreadable(f"the baseline 'since {words.strip()}'", "--baseline", "only 'since the election' (9 Aug 2020) "
                     "and 'since May' (the campaign) are baselines of the record")


def _unit(text: str) -> tuple[str, tuple | None, str]:
    for pattern, measures in UNITS:
        m = re.search(rf"(?<!\w){pattern}(?!\w)", text, re.I)
        if m:
            return text[:m.start()] + " " + text[m.end():], measures, m.group()
    return text, None, ""


def _number(text: str, language: str | None) -> Estimate:
    """The number phrase, read whole: every word of what is left must belong to it."""
    text = re.sub(r"\s+", " ", FILLERS.sub(" ", text)).strip(" ,.;:")
    if not text:
        raise Unreadable("the number", "the number's own words", "the text has no number phrase")
    try:
        whole = parse_estimate(text, language)
    except ValueError as e:
        raise Unreadable(f"the number in {text!r}", "--language (the phrase's language)", str(e)) from None
    tokens = text.split(" ")
    for end in range(1, len(tokens) + 1):
        try:
            if parse_estimate(" ".join(tokens[:end]), language) == whole:
                break
        except ValueError:
            continue
    if tokens[end:]:
        raise Unreadable(f"the words {' '.join(tokens[end:])!r}", "--measure, --as-of, --period or --baseline",
                         "they are not part of the number, its unit, date or baseline")
    return whole


def read(text: str, *, measures: pd.DataFrame, language: str | None = None, measure: str | None = None,
         as_of: str | None = None, period: str | None = None, baseline: str | None = None) -> Reading:
    """The number in `text`, read exactly, or Unreadable naming the part and the option that supplies it."""
    notes = []
    rest = text
    if m := _ATTRIBUTION.search(rest):
        notes.append(f"not checked: who it is attributed to ({m.group(1).strip()!r})")
        rest = rest[:m.start()]
    rest = re.sub(r"\.\.\.|…", " ", rest)
    rest, said_baseline = _baseline(rest)
    rest, start, end = _dates(rest)
    if as_of or period:
        if period:
            first, _, last = period.partition("/")
            start, end = _iso(first, "--period START/END"), _iso(last, "--period START/END")
        else:
            start, end = None, _iso(as_of, "--as-of")
        notes.append("date from " + ("--period" if period else "--as-of"))
    if end is None:
        raise Unreadable("the date", "--as-of YYYY-MM-DD or --period START/END",
                         "the words give no date or period with its year")
    rest, unit_measures, unit_words = _unit(rest)
    estimate = _number(rest, language)
    known = set(measures["measure"])
    if measure:
        if measure not in known:
            raise Unreadable(f"the measure {measure!r}", "--measure", f"the measures are {', '.join(sorted(known))}")
        chosen = measure
        notes.append("measure from --measure")
    elif unit_measures is None:
        raise Unreadable("what is counted", "--measure", "the words name no unit the record counts (people "
                         "detained, detentions, court rulings, criminal cases, political prisoners)")
    else:
        chosen = unit_measures[1] if start is not None else unit_measures[0]
        if chosen is None:
            raise Unreadable(f"what is counted over a period ({unit_words!r})", "--measure",
                             "the record counts it only as of a date")
        if ARRESTS.fullmatch(unit_words.strip()):
            notes.append("'arrests' read as people detained, as the record files a count whose source does not "
                         "say whether it counts people or detentions")
    chosen_baseline = baseline or said_baseline
    if baseline and baseline not in reconciliation.BASELINE_DAYS:
        raise Unreadable(f"the baseline {baseline!r}", "--baseline", "use since_election or since_campaign")
    period_kind = measures.set_index("measure")["period"].get(chosen)
    if period_kind in ("moment", "single"):
        row_baseline = "stock" if period_kind == "moment" else "not_applicable"
    elif start is not None and chosen_baseline is None:
        row_baseline = "window"
    else:
        row_baseline = chosen_baseline
    if chosen_baseline and start is None and period_kind == "cumulative":
        day = reconciliation.BASELINE_DAYS[chosen_baseline]
        start = (day, day, "day")
    row = {
        "figure_id": None, "figure_ids": "", "counted_by": "the number checked", "counter_type": None,
        "measure": chosen, "baseline": row_baseline, "low": estimate.low, "high": estimate.high,
        "kind": estimate.kind, "value": estimate.value, "phrase": text, "excerpt": text, "caveat": "",
        "described": phrasing.estimate(estimate),
    }
    for name, when in (("period_start", start), ("period_end", end)):
        first, last, precision = when if when else (pd.NaT, pd.NaT, "unknown")
        row.update({f"{name}_first": first, f"{name}_last": last, f"{name}_precision": precision,
                    f"{name}_date": first + (last - first) / 2 if when else pd.NaT})
    row["series"] = reconciliation.series(row, set(measures.loc[measures["period"] == "cumulative", "measure"]))
    return Reading(text, row, notes)


# --- judging ---------------------------------------------------------------------------------

def judge(number: dict, claim: dict) -> Verdict:
    """One claim against the number: contradicts (by a reconciliation rule), says more or says less (one
    interval strictly inside the other), or consistent."""
    for conflict in (reconciliation.falls(claim, number), reconciliation.falls(number, claim),
                     reconciliation.same_period_disagree(number, claim)):
        if conflict:
            return Verdict(claim, "contradicts", conflict.rule, conflict.detail)
    a, b = (number["low"], number["high"]), (int(claim["low"]), None if pd.isna(claim["high"]) else int(claim["high"]))

    def inside(x, y):  # x within y
        return x[0] >= y[0] and (y[1] is None or (x[1] is not None and x[1] <= y[1]))
    if a != b and inside(b, a):
        return Verdict(claim, "says more")
    if a != b and inside(a, b):
        return Verdict(claim, "says less")
    return Verdict(claim, "consistent")


def _as_if(number: dict, baseline: str, cumulative: set) -> dict:
    """The number with a baseline: where the words gave none, as if it shared the claim's."""
    row = dict(number, baseline=baseline)
    if pd.isna(row["period_start_first"]) and baseline in reconciliation.BASELINE_DAYS and row["measure"] in cumulative:
        day = reconciliation.BASELINE_DAYS[baseline]
        row.update(period_start_first=day, period_start_last=day, period_start_date=day, period_start_precision="day")
    row["series"] = reconciliation.series(row, cumulative)
    return row


def _nearest(candidates: list, when: pd.Timestamp, near: pd.Timedelta = NEAR) -> list:
    """Per counter, its claim nearest before and nearest after `when`, within `near` (else the nearest overall)."""
    dated = [c for c in candidates if pd.notna(c["period_end_date"])]
    picked = []
    for side in (lambda c: c["period_end_date"] <= when, lambda c: c["period_end_date"] > when):
        rows = [c for c in dated if side(c)]
        close = [c for c in rows if abs(c["period_end_date"] - when) <= near] or \
            sorted(rows, key=lambda c: abs(c["period_end_date"] - when))[:1]
        nearest = {}
        for c in close:
            distance = abs(c["period_end_date"] - when)
            nearest[c["counted_by"]] = min(nearest.get(c["counted_by"], distance), distance)
        picked += [c for c in close if abs(c["period_end_date"] - when) == nearest[c["counted_by"]]]
    return picked


def compare(reading: Reading, record: pd.DataFrame, measures: pd.DataFrame) -> Check:
    """The reading against the record (claims from reconciliation.record)."""
    known = measures.set_index("measure")
    cumulative = set(known.index[known["period"] == "cumulative"])
    number = reading.row
    rows, other = record.to_dict("records"), []
    own = reconciliation.series(number, cumulative)
    family = own[0] if own else reconciliation.TOTAL_OF_WINDOW.get(number["measure"], number["measure"])
    unstated = own is None and number["measure"] in cumulative and number["baseline"] is None

    def comparable(claim) -> bool:
        if own is not None:
            return claim["series"] == own
        if unstated:  # judged as if the number shared the claim's baseline
            return claim["series"] is not None and claim["series"][0] == family
        return claim["series"] is None and claim["measure"] == number["measure"]

    same = [(claim, judge(_as_if(number, claim["series"][1], cumulative) if unstated else dict(number, series=own), claim))
            for claim in rows if comparable(claim)]
    contradicted = [v for _, v in same if v.verdict == "contradicts"]
    when = number["period_end_date"]
    shown = {id(c) for c in _nearest([c for c, _ in same], when)} | {id(v.claim) for v in contradicted}
    verdicts = sorted([v for c, v in same if id(c) in shown], key=lambda v: (v.claim["period_end_date"], v.claim["figure_id"]))
    ids = {v.claim["figure_id"] for v in verdicts}
    for claim in rows:
        if claim["figure_id"] in ids or pd.isna(claim["period_end_date"]) or abs(claim["period_end_date"] - when) > NEAR_OTHER:
            continue
        if comparable(claim):
            continue
        if claim["measure"] in CONFUSABLE.get(family, ()) and (claim["series"] or (claim["measure"],))[0] != family:
            unit = known["unit"].get(claim["measure"])
            other.append((claim, f"another unit: {unit}" if unit != known["unit"].get(number["measure"])
                          else f"another period: {claim['measure']}"))
        elif (claim["series"] or (None,))[0] == family:
            other.append((claim, f"another baseline: {claim['series'][1]}"))
    nearest = {id(c) for c in _nearest([c for c, _ in other], when, NEAR_OTHER)}
    other = [o for o in other if id(o[0]) in nearest]
    check = Check(reading, verdicts, sorted(other, key=lambda o: (o[0]["period_end_date"], o[0]["figure_id"])))
    check.outcome = "contradicted" if contradicted else ("consistent" if verdicts else "nothing")
    check.summary = summary(verdicts)
    return check


def _unit_of(claim) -> str:
    return UNIT_WORDS.get(claim.get("unit"), str(claim.get("unit")))


def summary(verdicts: list) -> str:
    """'consistent with 4 claims by 3 counters (1 says more, 2 say less); contradicted by 1 (Viasna, 25,326 people,
    9 Aug–31 Dec 2020)', computed from the verdicts."""
    if not verdicts:
        return "nothing in the record to compare with"
    agree = [v for v in verdicts if v.verdict != "contradicts"]
    against = [v for v in verdicts if v.verdict == "contradicts"]
    parts = []
    if agree:
        counters = len({v.claim["counted_by"] for v in agree})
        text = (f"consistent with {len(agree)} claim{'s' * (len(agree) != 1)} by {counters} "
                f"counter{'s' * (counters != 1)}")
        more = sum(v.verdict == "says more" for v in agree)
        less = sum(v.verdict == "says less" for v in agree)
        detail = [f"{n} {'says' if n == 1 else 'say'} {w}" for n, w in ((more, "more"), (less, "less")) if n]
        parts.append(text + (f" ({', '.join(detail)})" if detail else ""))
    if against:
        listed = "; ".join(f"{v.claim['counted_by']}, {claims.describe(v.claim, who=False, when=False)} "
                           f"{_unit_of(v.claim)}, {periods.label(v.claim)}" for v in against)
        parts.append(f"contradicted by {len(against)} ({listed})")
    return "; ".join(parts)


def options_of(row) -> dict:
    """The options that give a figure's or claim's own measure, date and baseline, to check its phrase with."""
    options = {"measure": row["measure"], "language": row.get("language")}
    if row["baseline"] in reconciliation.BASELINE_DAYS:
        options["baseline"] = row["baseline"]
    if row["baseline"] == "window" and pd.notna(row["period_start"]):
        options["period"] = f"{row['period_start']}/{row['period_end']}"
    else:
        options["as_of"] = row["period_end"]
    return options


def check(text: str, *, measures: pd.DataFrame, figures: pd.DataFrame | None = None, language: str | None = None,
          measure: str | None = None, as_of: str | None = None, period: str | None = None,
          baseline: str | None = None, record: pd.DataFrame | None = None) -> Check:
    """Check `text` against the record (the claims of `figures`, or `record` from reconciliation.record);
    an unreadable number gives a Check with outcome 'unreadable' and the reason."""
    try:
        reading = read(text, measures=measures, language=language, measure=measure, as_of=as_of, period=period,
                       baseline=baseline)
    except Unreadable as error:
        return Check(None, outcome="unreadable", error=str(error), summary=str(error))
    record = reconciliation.record(figures, measures) if record is None else record
    return compare(reading, record, measures)


# --- output ----------------------------------------------------------------------------------

def _claim_record(claim: dict, sources: pd.DataFrame | None) -> dict:
    publisher = None
    if sources is not None and claim["source_id"] in sources.index:
        publisher = sources.loc[claim["source_id"], "publisher"]
    return {"figure_id": claim["figure_id"], "counter": claim["counted_by"], "claim": claims.describe(claim, who=False, when=False),
            "unit": _unit_of(claim), "measure": claim["measure"], "baseline": claim["baseline"],
            "period": periods.label(claim), "phrase": claim["phrase"], "source_id": claim["source_id"],
            "source": publisher, "figure_ids": claim["figure_ids"].split(";"), "copies": int(claim["copies"])}


def as_json(result: Check, sources: pd.DataFrame | None = None) -> dict:
    """The check for tools: the reading, each claim with its verdict, the other units, the summary, the exit code."""
    reading = None
    if result.reading:
        row = result.reading.row
        reading = {"text": result.reading.text, "number": row["described"], "low": row["low"], "high": row["high"],
                   "kind": row["kind"], "measure": row["measure"], "baseline": row["baseline"],
                   "period": periods.label(row), "notes": result.reading.notes}
    return {"reading": reading, "error": result.error or None,
            "claims": [dict(_claim_record(v.claim, sources), verdict=v.verdict, rule=v.rule or None, detail=v.detail or None)
                       for v in result.verdicts],
            "other_units": [dict(_claim_record(c, sources), why=why) for c, why in result.other],
            "summary": result.summary, "exit_code": result.exit_code}


def render(result: Check, sources: pd.DataFrame | None = None) -> str:
    """The check as a readable table."""
    data = as_json(result, sources)
    if data["reading"] is None:
        return f"not readable: {data['error']}\n"
    r = data["reading"]
    baseline = r["baseline"] or "baseline not stated: compared as if it shared each claim's; --baseline fixes one"
    high = "no upper bound" if r["high"] is None else f"{r['high']:,}"
    lines = [f"checked: {r['text']}",
             f"read as: {r['number']} [{r['low']:,}, {high}] {r['measure']} ({baseline}), {r['period']}"]
    lines += [f"  note: {n}" for n in r["notes"]]
    columns = ("verdict", "counter", "claim", "period", "figure_id", "copies", "source", "phrase")

    def cell(value, width=40):
        text = re.sub(r"\s+", " ", str(value))
        return text if len(text) <= width else text[:width - 1] + "…"

    def table(records, first):
        records = [{c: cell(x[c]) for c in columns} for x in records]
        widths = {c: max([len(c)] + [len(str(x[c])) for x in records]) for c in columns}
        head = [first] + list(columns[1:])
        out = ["  " + "  ".join(h.ljust(widths[c]) for h, c in zip(head, columns))]
        out += ["  " + "  ".join(str(x[c]).ljust(widths[c]) for c in columns) for x in records]
        return out
    if data["claims"]:
        lines += ["", "claims of the same measure nearest before and after it:"] + table(data["claims"], "verdict")
        lines += [f"  {c['figure_id']} contradicts it ({c['rule']}): {c['detail']}" for c in data["claims"] if c["rule"]]
    if data["other_units"]:
        lines += ["", "not compared (another unit or baseline, near the same date):"]
        lines += table([dict(o, verdict=o["why"]) for o in data["other_units"]], "why")
    lines += ["", data["summary"]]
    return "\n".join(line.rstrip() for line in lines) + "\n"


def main(argv: list[str]) -> int:
    """`python -m belarus2020 check "more than 30,000 people detained by December 2020" [options]`."""
    import argparse
    import json

    from belarus2020.data import datasets

    parser = argparse.ArgumentParser(prog="python -m belarus2020 check", description=__doc__.split("\n")[0])
    parser.add_argument("text", help="the number as the story gives it, with what it counts and its date")
    parser.add_argument("--language", help="the phrase's language (ISO 639-1; default English)")
    parser.add_argument("--measure", help="what it counts, as a measure of data/measures.csv")
    parser.add_argument("--as-of", help="the date it counts to: YYYY-MM-DD or YYYY-MM")
    parser.add_argument("--period", help="the period it counts: START/END, each YYYY-MM-DD or YYYY-MM")
    parser.add_argument("--baseline", choices=sorted(reconciliation.BASELINE_DAYS), help="what a running total counts from")
    parser.add_argument("--json", action="store_true", help="print JSON for tools")
    args = parser.parse_args(argv)
    sources = datasets.load_sources().set_index("source_id", drop=False)
    result = check(args.text, figures=datasets.load_figures(), measures=datasets.load_measures(),
                   language=args.language, measure=args.measure, as_of=args.as_of, period=args.period,
                   baseline=args.baseline)
    if args.json:
        print(json.dumps(as_json(result, sources), ensure_ascii=False, indent=1, default=str))
    else:
        print(render(result, sources), end="")
    return result.exit_code
