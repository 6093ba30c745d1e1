"""The checker: a number read exactly or refused with the option that supplies the part it could not
read, then judged against small records made here by the reconciliation rules."""

import json
import re

import pandas as pd
import pytest
from hypothesis import given, settings, strategies as st

from belarus2020 import __main__
from belarus2020.counts import checker, claims, reconciliation
from belarus2020.data import datasets, paths
from belarus2020.numbers import estimates

from test_reconciliation import MEASURES_HERE, exact, floor, rows


def read(text, **flags):
    return checker.read(text, measures=MEASURES_HERE, **flags).row


def run(text, record, **flags):
    return checker.check(text, measures=MEASURES_HERE, record=record, **flags)


RECORD = rows(
    floor("F1", "OHCHR", "2020-12-04", 27000),
    floor("F2", "German Government", "2020-12-02", 30000, counter_type="government"),
    exact("F3", "Viasna", "2020-12-31", 25326),
    figure_row := floor("F4", "media", "2021-01-27", 35000),
)


def test_the_number_unit_and_date_are_read_from_the_words():
    row = read("more than 30,000 people detained by December 2020")
    assert (row["low"], row["high"], row["kind"], row["measure"], row["baseline"]) == \
        (30001, None, "lower_bound", "detained_cumulative", None)
    assert (row["period_end_first"], row["period_end_last"]) == (pd.Timestamp("2020-12-01"), pd.Timestamp("2020-12-31"))
    assert read("13,000 arrested on 5 November 2020")["period_end_last"] == pd.Timestamp("2020-11-05")
    assert read("more than 5,000 detentions by the end of 2020")["measure"] == "detentions_cumulative"


def test_a_period_from_election_day_is_a_value_of_the_since_election_total():
    row = read("some 13,500 people detained 9–14 August 2020")
    assert row["measure"] == "detained_window" and row["period_start_first"] == pd.Timestamp("2020-08-09")
    assert reconciliation.series(row, {"detained_cumulative"}) == ("detained_cumulative", "since_election")


def test_the_baseline_is_read_where_the_words_give_it():
    assert read("more than 33,000 people detained since May by 31 December 2020")["baseline"] == "since_campaign"
    row = read("more than 25,000 people detained since the election by 15 November 2020")
    assert row["baseline"] == "since_election" and row["period_start_first"] == pd.Timestamp("2020-08-09")
    assert read("around 13,000", measure="detained_cumulative", as_of="2020-11-05",
                baseline="since_campaign")["baseline"] == "since_campaign"


@pytest.mark.parametrize("text, flags, part, flag", [
    ("many people detained by December 2020", {}, "the number", "--language"),
    ("more than 30,000 by December 2020", {}, "what is counted", "--measure"),
    ("more than 30,000 people detained", {}, "the date", "--as-of"),
    ("more than 30,000 people detained on 5 November", {}, "the date 'on 5 November'", "--as-of"),
    ("more than 30,000 people detained 9–14 August", {}, "the period", "--period"),
    ("more than 30,000 people detained since June by December 2020", {}, "the baseline 'since June'", "--baseline"),
    ("more than 30,000 people detained in Minsk by December 2020", {}, "the words 'in Minsk'", "--measure"),
    ("more than 30,000", {"measure": "arrests_of_cats", "as_of": "2020-12"}, "the measure", "--measure"),
    ("more than 30,000 people detained", {"as_of": "5 Nov"}, "the date '5 Nov'", "--as-of"),
    ("10.000 people detained by December 2020", {}, "the number", "--language"),
])
def test_what_cannot_be_read_exactly_is_refused_naming_the_part_and_the_option(text, flags, part, flag):
    with pytest.raises(checker.Unreadable) as refused:
        read(text, **flags)
    assert refused.value.part.startswith(part) and flag in refused.value.flag
    result = run(text, RECORD, **flags)
    assert result.outcome == "unreadable" and result.exit_code == 2 and part in result.error


def verdicts(result):
    return {v.claim["figure_id"]: v.verdict for v in result.verdicts}


def test_each_verdict_kind_and_the_computed_summary():
    result = run("more than 30,000 people detained since the election by December 2020", RECORD)
    assert verdicts(result) == {"F1": "says less", "F2": "consistent", "F3": "contradicts", "F4": "says more"}
    assert result.summary == ("consistent with 3 claims by 3 counters (1 says more, 1 says less); "
                              "contradicted by 1 (Viasna, 25,326 people, 9 Aug–31 Dec 2020)")
    assert result.outcome == "contradicted" and result.exit_code == 1


def test_exit_codes_for_consistent_and_for_nothing_to_compare():
    consistent = run("more than 20,000 people detained since the election by 1 December 2020", RECORD)
    assert consistent.exit_code == 0 and set(verdicts(consistent).values()) <= {"consistent", "says more", "says less"}
    nothing = run("more than 30 criminal cases by December 2020", RECORD)
    assert nothing.exit_code == 3 and nothing.summary == "nothing in the record to compare with"


def test_other_units_and_baselines_are_listed_apart_and_not_judged():
    record = rows(exact("F1", "Viasna", "2020-12-31", 25326),
                  figure_row, floor("F5", "Viasna", "2020-12-31", 33000, start="2020-05-06", baseline="since_campaign"),
                  exact("F6", "Viasna", "2020-12-31", 26577, measure="detentions_cumulative"))
    result = run("more than 30,000 people detained since the election by December 2020", record)
    assert set(verdicts(result)) == {"F1", "F4"}
    assert {c["figure_id"]: why for c, why in result.other} == {
        "F5": "another baseline: since_campaign", "F6": "another unit: detention"}


def test_without_a_baseline_each_claim_is_judged_as_if_the_number_shared_its_own():
    record = rows(exact("F1", "Viasna", "2020-12-31", 25326),
                  floor("F5", "Viasna", "2020-12-31", 33000, start="2020-05-06", baseline="since_campaign"))
    assert verdicts(run("more than 30,000 people detained by December 2020", record)) == \
        {"F1": "contradicts", "F5": "says more"}


LANGUAGE_PHRASES = {
    "en": "more than 30 000", "de": "mehr als 30 000", "it": "più di 30 000", "es": "más de 30 000",
    "pt": "mais de 30 000", "fr": "plus de 30 000", "nl": "meer dan 30 000", "pl": "ponad 30 000",
    "ro": "peste 30 000", "ru": "более 30 000", "be": "больш за 30 000", "uk": "більше ніж 30 000",
    "et": "rohkem kui 30 000", "fi": "yli 30 000", "ar": "أكثر من 30 000",
}


def test_a_phrase_is_read_in_every_language_the_parser_reads():
    assert set(LANGUAGE_PHRASES) == set(estimates.languages())
    for language, phrase in LANGUAGE_PHRASES.items():
        result = run(phrase, RECORD, language=language, measure="detained_cumulative", as_of="2020-12",
                     baseline="since_election")
        assert (result.reading.row["low"], result.reading.row["high"]) == (30001, None), language
        assert verdicts(result)["F3"] == "contradicts", language


def test_russian_words_for_people_detained_are_read():
    assert read("более 30 тысяч задержанных", language="ru", as_of="2020-12")["measure"] == "detained_cumulative"


def own_check(claim, record, measures):
    """The claim as we print it, checked against the record with its own measure, date and baseline."""
    return checker.check(claims.describe(claim, who=False, when=False), measures=measures, record=record,
                         **checker.options_of(claim) | {"language": None})  # our English words


day = st.dates(min_value=pd.Timestamp("2020-08-10").date(), max_value=pd.Timestamp("2021-12-31").date())


@settings(max_examples=25, deadline=None)
@given(st.lists(st.tuples(st.integers(1, 50_000), st.integers(0, 5_000), st.sampled_from(["exact", "lower_bound", "range"]),
                          day, st.sampled_from(["A", "B", "C"])), min_size=1, max_size=6))
def test_a_claim_checked_against_a_record_finds_itself_consistent(specs):
    figures = []
    for i, (low, width, kind, when, counter) in enumerate(specs, 1):
        high = {"exact": low, "lower_bound": None, "range": low + width + 1}[kind]
        figures.append(exact(f"F{i}", counter, when.isoformat(), low) | {"high": high, "kind": kind, "value": low})
    record = rows(*figures)
    for claim in record.to_dict("records"):
        found = verdicts(own_check(claim, record, MEASURES_HERE))
        assert found[claim["figure_id"]] == "consistent"


def test_every_claim_of_the_record_read_back_is_judged_consistent_with_itself():
    measures = datasets.load_measures()
    record = reconciliation.record(datasets.load_figures(), measures)
    dated = record[record["period_end"].notna()]
    assert len(dated) > 100
    cumulative = set(measures.loc[measures["period"] == "cumulative", "measure"])
    for claim in dated.to_dict("records"):  # read and judged by the rules (the selection is proved above)
        options = checker.options_of(claim) | {"language": None}  # the claim in our English words
        number = checker.read(claims.describe(claim, who=False, when=False), measures=measures, **options).row
        number["series"] = reconciliation.series(number, cumulative)
        assert number["series"] == claim["series"], claim["figure_id"]
        assert checker.judge(number, claim).verdict == "consistent", claim["figure_id"]


def test_the_command_line_prints_a_table_or_json_and_returns_the_exit_code(capsys):
    assert __main__.main(["check", "many people detained by December 2020"]) == 2
    assert "not readable: cannot read the number" in capsys.readouterr().out
    code = __main__.main(["check", "more than 30,000 people detained by December 2020", "--json"])
    out = json.loads(capsys.readouterr().out)
    assert out["exit_code"] == code and out["reading"]["low"] == 30001 and out["summary"]
    assert all(c["verdict"] in ("consistent", "contradicts", "says more", "says less") for c in out["claims"])


def test_the_readme_example_is_what_the_command_prints(capsys):
    readme = (paths.ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split("<!-- checker example:", 1)[1].split("```text\n", 1)[1].split("```", 1)[0]
    command, printed = block.split("\n", 1)
    text = re.fullmatch(r'\$ python -m belarus2020 check "(.+)"', command).group(1)
    __main__.main(["check", text])
    assert capsys.readouterr().out == printed, "README's checker example is stale: paste the command's output"
