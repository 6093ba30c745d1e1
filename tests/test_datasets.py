"""The loaders: real tables load, seed material is all in, and every broken table is reported
with its file, row and column."""

import json
import re
from pathlib import Path

import pandas as pd
import pytest

from belarus2020.data import datasets, paths
from belarus2020.data.datasets import DataError

LOADERS = {
    "sources": datasets.load_sources, "figures": datasets.load_figures,
    "statements": datasets.load_statements, "events": datasets.load_events,
    "states": datasets.load_states, "measures": datasets.load_measures,
    "themes": datasets.load_themes, "forum_speakers": datasets.load_forum_speakers,
}


# --- the real tables -------------------------------------------------------------------------

@pytest.mark.parametrize("name, minimum", [
    ("sources", 100), ("figures", 120), ("statements", 80), ("events", 15), ("states", 17)])
def test_tables_load_with_enough_rows(name, minimum):
    df = LOADERS[name]()
    assert len(df) >= minimum


def test_seventeen_states_with_distinct_iso_codes():
    states = datasets.load_states()
    assert len(states) == 17
    assert states["iso_alpha2"].is_unique and states["iso_alpha3"].is_unique
    assert "DE" not in set(states["iso_alpha2"])  # Germany was not among the 17


def test_figures_carry_intervals():
    figures = datasets.load_figures()
    assert figures["low"].notna().all()
    assert (figures["high"].isna() | (figures["low"] <= figures["high"])).all()
    assert set(figures["kind"]) <= {"exact", "approximate", "lower_bound", "upper_bound", "range", "vague"}


@pytest.mark.parametrize("phrase, kind, low, high", [
    ("some 1,500", "approximate", 1450, 1550),
    ("more than 10,000", "lower_bound", 10001, None),
    ("around 13,000", "approximate", 12500, 13500),
    ("700 submissions", "exact", 700, 700),
    ("17 states", "exact", 17, 17),
])
def test_every_seed_figure_is_an_afp_row(phrase, kind, low, high):
    figures = datasets.load_figures()
    afp = figures[(figures["source_id"] == "SRC001") & (figures["phrase"] == phrase)]
    assert len(afp) == 1, phrase
    row = afp.iloc[0]
    assert (row["kind"], row["low"]) == (kind, low)
    assert (pd.isna(row["high"]) and high is None) or row["high"] == high


def test_seed_figures_stand_verbatim_in_the_seed(seed_text):
    figures = datasets.load_figures()
    excerpts = figures.loc[figures["source_id"] == "SRC001", "excerpt"]
    assert len(excerpts) >= 5
    for excerpt in excerpts:
        assert excerpt in seed_text


@pytest.mark.parametrize("speaker, words", [
    ("Wolfgang Benedek", "massive and systematic and proven beyond doubt"),
    ("Wolfgang Benedek", "not transparent, free or fair"),
    ("Dominic Raab", "a damning indictment of Lukashenko's regime"),
    ("James Gilmore", "such lawlessness and brutality is occurring with total impunity"),
    ("Svetlana Tikhanovskaya", "peaceful ways of resolving the political and economic crisis"),
])
def test_every_seed_quote_is_an_afp_row_naming_its_speaker(speaker, words):
    statements = datasets.load_statements()
    afp = statements[(statements["source_id"] == "SRC001") & statements["speaker"].str.contains(speaker)]
    assert afp["quote"].str.contains(words, regex=False).any(), (speaker, words)


def test_seed_quotes_stand_verbatim_in_the_seed(seed_text):
    statements = datasets.load_statements()
    for quote in statements.loc[statements["source_id"] == "SRC001", "quote"]:
        assert quote in seed_text


def test_every_non_english_row_has_our_english():
    figures, statements = datasets.load_figures(), datasets.load_statements()
    assert figures.loc[figures["language"] != "en", "phrase_en_ours"].notna().all()
    assert statements.loc[statements["language"] != "en", "translation_en_ours"].notna().all()


def test_every_source_is_used():
    used = set()
    for loader in (datasets.load_figures, datasets.load_statements, datasets.load_events, datasets.load_states,
                   datasets.load_forum_speakers):
        used |= set(loader()["source_id"])
    states = datasets.load_states()
    used |= {s for v in states["confirmed_by"].dropna() for s in v.split(";")}
    assert set(datasets.load_sources()["source_id"]) == used


def test_loaders_return_typed_columns():
    statements = datasets.load_statements()
    assert str(statements["date_date"].dtype).startswith("datetime64")
    assert set(statements["date_precision"].cat.categories) == {"day", "month", "unknown"}
    figures = datasets.load_figures()
    assert str(figures["low"].dtype) == "Int64"


# --- broken tables: one per rule, each error names file, row and column ----------------------

def problem_at(load, file, row, column, words):
    with pytest.raises(DataError) as error:
        load()
    matches = [p for p in error.value.problems
               if p.file == file and p.row == row and p.column == column]
    assert matches, f"no problem at {file} row {row} column {column}: {error.value}"
    assert any(re.search(words, p.message, re.I) for p in matches), str(error.value)
    assert f"{file}, row {row}, column {column!r}" in str(error.value)
    return error.value


SOURCES, FIGURES, STATEMENTS = "data/raw/sources.csv", "data/raw/figures.csv", "data/raw/statements.csv"
EVENTS, STATES, THEMES = "data/raw/events.csv", "data/raw/moscow_mechanism_states.csv", "data/themes.csv"


@pytest.mark.parametrize("file, loader, row, column, value, words", [
    (SOURCES, "sources", 4, "source_id", "SRC002", "more than once"),          # duplicate id
    (SOURCES, "sources", 5, "source_id", "source-5", "pattern"),               # malformed id
    (SOURCES, "sources", 6, "url", "ibtimes.com/story", "pattern"),             # not a URL
    (SOURCES, "sources", 7, "published", "2020-13-01", "not a real date"),     # impossible date
    (SOURCES, "sources", 8, "published", "2019-06-01", "outside"),             # out of range
    (SOURCES, "sources", 9, "kind", "blog", "enum"),                           # unknown kind
    (SOURCES, "sources", 10, "language", "", "empty but required"),            # missing value
    (FIGURES, "figures", 3, "source_id", "SRC999", "does not exist"),          # unknown source
    (FIGURES, "figures", 4, "measure", "arrested_total", "does not exist"),    # unknown measure
    (FIGURES, "figures", 5, "phrase", "exactly 99,999", "verbatim"),           # phrase not in excerpt
    (FIGURES, "figures", 6, "figure_id", "F0001", "more than once"),           # duplicate id
    (FIGURES, "figures", 7, "period_end", "5 Nov 2020", "pattern"),            # unreadable date
    (FIGURES, "figures", 8, "period_end", "2030-01-01", "outside"),            # date out of range
    (FIGURES, "figures", 9, "counter_type", "journalist", "enum"),             # unknown counter type
    (FIGURES, "figures", 10, "baseline", "since_may", "enum"),                 # unknown baseline
    (STATEMENTS, "statements", 3, "actor_type", "celebrity", "enum"),          # unknown actor type
    (STATEMENTS, "statements", 4, "source_id", "SRC000", "does not exist"),    # unknown source
    (STATEMENTS, "statements", 5, "quote", "", "empty but required"),          # quote missing
    (EVENTS, "events", 3, "date", "", "empty but required"),                   # undated event
    (EVENTS, "events", 4, "category", "sports", "enum"),                       # unknown category
    (STATES, "states", 3, "iso_alpha2", "be", "pattern"),                      # lower-case ISO code
    (STATES, "states", 4, "name_in_source", "Atlantis", "verbatim"),           # name not in excerpt
    (STATES, "states", 5, "confirmed_by", "SRC002;SRC999", "unknown source"),  # unknown confirming source
    (THEMES, "themes", 3, "pattern", "tortur(e", "regular expression"),        # broken regex
])
def test_broken_cell_is_reported_where_it_is(scratch, file, loader, row, column, value, words):
    scratch.set(file.removeprefix("data/"), row, column, value)
    problem_at(LOADERS[loader], file, row, column, words)


def test_unparseable_phrase_names_the_column_read(scratch):
    english = next(r for r in range(2, 50) if scratch.get("raw/figures.csv", r, "language") == "en"
                   and not scratch.get("raw/figures.csv", r, "phrase_en_ours"))
    excerpt = scratch.get("raw/figures.csv", english, "excerpt")
    scratch.set("raw/figures.csv", english, "excerpt", excerpt + " many")
    scratch.set("raw/figures.csv", english, "phrase", "many")
    problem_at(datasets.load_figures, FIGURES, english, "phrase", "cannot read the number")


def test_non_english_phrase_needs_our_english(scratch):
    row = next(r for r in range(2, 200) if scratch.get("raw/figures.csv", r, "language") != "en")
    scratch.set("raw/figures.csv", row, "phrase_en_ours", "")
    problem_at(datasets.load_figures, FIGURES, row, "phrase_en_ours", "not in English")


def test_non_english_quote_needs_our_translation(scratch):
    row = next(r for r in range(2, 200) if scratch.get("raw/statements.csv", r, "language") != "en")
    scratch.set("raw/statements.csv", row, "translation_en_ours", "")
    problem_at(datasets.load_statements, STATEMENTS, row, "translation_en_ours", "not in English")


def test_weak_row_needs_a_caveat(scratch):
    scratch.set("raw/figures.csv", 2, "reliability", "weak")
    scratch.set("raw/figures.csv", 2, "caveat", "")
    problem_at(datasets.load_figures, FIGURES, 2, "caveat", "weak")


def test_period_running_backwards(scratch):
    scratch.set("raw/figures.csv", 2, "period_start", "2021-12-31")
    scratch.set("raw/figures.csv", 2, "period_end", "2021-01-01")
    problem_at(datasets.load_figures, FIGURES, 2, "period_start", "after period_end")


def test_missing_column_is_reported_on_the_header_row(scratch):
    rows = scratch.rows("raw/events.csv")
    drop = rows[0].index("category")
    scratch.write("raw/events.csv", [r[:drop] + r[drop + 1:] for r in rows])
    problem_at(datasets.load_events, EVENTS, 1, "category", "missing")


def test_row_with_an_extra_cell(scratch):
    rows = scratch.rows("raw/events.csv")
    rows[3].append("stray")
    scratch.write("raw/events.csv", rows)
    with pytest.raises(DataError) as error:
        datasets.load_events()
    assert any(p.file == EVENTS and p.row == 4 and "has 7 cells but the header has 6" in p.message
               for p in error.value.problems)


def test_row_with_a_missing_cell(scratch):
    rows = scratch.rows("raw/events.csv")
    rows[5] = rows[5][:-1]
    scratch.write("raw/events.csv", rows)
    with pytest.raises(DataError) as error:
        datasets.load_events()
    assert any(p.file == EVENTS and p.row == 6 and "missing" in p.message for p in error.value.problems)


def test_all_problems_in_a_file_are_reported_together(scratch):
    scratch.set("raw/statements.csv", 3, "actor_type", "celebrity")
    scratch.set("raw/statements.csv", 9, "date", "2020-02-30")
    scratch.set("raw/statements.csv", 12, "source_id", "SRC000")
    with pytest.raises(DataError) as error:
        datasets.load_statements()
    where = {(p.row, p.column) for p in error.value.problems}
    assert {(3, "actor_type"), (9, "date"), (12, "source_id")} <= where
    assert "3 problems" in str(error.value)


def test_loading_never_writes_the_data(scratch):
    before = {p: p.read_bytes() for p in Path(scratch.root, "data").rglob("*") if p.is_file()}
    for load in LOADERS.values():
        load()
    after = {p: p.read_bytes() for p in Path(scratch.root, "data").rglob("*") if p.is_file()}
    assert before == after


def test_codebook_documents_every_column_and_measure():
    codebook = (paths.DATA / "README.md").read_text(encoding="utf-8")
    descriptor = json.loads((paths.DATA / "datapackage.json").read_text(encoding="utf-8"))
    for resource in descriptor["resources"]:
        for field in resource["schema"]["fields"]:
            assert f"| `{field['name']}` |" in codebook, (resource["name"], field["name"])
    for measure in datasets.load_measures()["measure"]:
        assert f"| `{measure}` |" in codebook, measure


def test_frictionless_reads_the_schema_as_the_loaders_do(scratch):
    """The descriptor is for reuse without our code: `frictionless validate` must accept the real
    tables and refuse the same broken cells our loaders refuse."""
    from belarus2020.publish import fastimport

    fastimport.skip_iri_grammar()
    from frictionless import Package

    def frictionless_cells():
        package = Package(str(scratch.root / "data" / "datapackage.json"), basepath=str(scratch.root / "data"))
        report = package.validate()
        return {(task.name, error.row_number, getattr(error, "field_name", None) or error.field_names[0])
                for task in report.tasks for error in task.errors}

    assert frictionless_cells() == set()
    broken = [("raw/sources.csv", "sources", 5, "published", "2020-11-0५"),   # a non-ASCII digit
              ("raw/sources.csv", "sources", 6, "url", "https://x.org/a page"),  # words after a URL
              ("raw/figures.csv", "figures", 4, "source_id", "src001"),          # a key in lower case
              ("raw/figures.csv", "figures", 7, "figure_id", "F０００６"),           # full-width digits
              ("raw/statements.csv", "statements", 3, "actor_type", "NGO"),
              ("raw/moscow_mechanism_states.csv", "states", 3, "confirmed_by", "SRC144; SRC118")]
    for file, _, row, column, value in broken:
        scratch.set(file, row, column, value)
    expected = {(name, row, column) for _, name, row, column, _ in broken}
    assert expected <= frictionless_cells()
    ours = set()
    for name in {b[1] for b in broken}:
        with pytest.raises(DataError) as error:
            LOADERS[name]()
        ours |= {(name, p.row, p.column) for p in error.value.problems}
    assert ours == expected
