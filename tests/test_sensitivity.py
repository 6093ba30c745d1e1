"""Sensitivity of the headlines: the variants of the data, a notebook run in-process on them, and
the headline entries compared; each rule proved on small tables made here."""

import csv

from belarus2020.data import paths
from belarus2020.publish import entries, sensitivity

COLUMNS = ["figure_id", "counted_by", "reliability", "copy_of", "phrase"]


def table(tmp_path, rows):
    (tmp_path / "raw").mkdir(parents=True)
    with open(tmp_path / "raw" / "figures.csv", "w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(dict(zip(COLUMNS, r)) for r in rows)
    (tmp_path / "measures.csv").write_text("measure\n", encoding="utf-8")
    return tmp_path


ROWS = [("F1", "Viasna", "ok", "", "more than 30,000"), ("F2", "UN experts", "ok", "F1", "more than 30,000"),
        ("F3", "Viasna", "weak", "", "about 7,000"), ("F4", "OHCHR", "ok", "", "more than 27,000"),
        ("F5", "Viasna", "ok", "F1", "over 30,000")]


def test_a_counter_left_out_takes_its_rows_and_every_copy_of_them(tmp_path):
    found = {v.name: v for v in sensitivity.variants(table(tmp_path, ROWS), ["Viasna", "OHCHR"])}
    assert found["without Viasna"].drop == {"F1", "F2", "F3", "F5"}  # F2, another counter's copy of F1, goes too
    assert found["without OHCHR"].drop == {"F4"}


def test_weak_rows_are_let_in_and_cross_counter_copies_resolved_the_other_way(tmp_path):
    found = {v.name: v for v in sensitivity.variants(table(tmp_path, ROWS), [])}
    assert found["weak rows let in"].relabel == (("F3", "reliability", "ok"),)
    flips = [v for v in found.values() if v.relabel and v.relabel[0][1] == "copy_of"]
    assert [v.relabel for v in flips] == [(("F2", "copy_of", ""),)]  # F5 copies its own counter: no variant
    assert "F2 counted as UN experts's own claim" in flips[0].name


def test_a_variant_is_applied_to_a_copy_and_never_to_the_data(tmp_path):
    data = table(tmp_path / "data", ROWS)
    before = (data / "raw" / "figures.csv").read_bytes()
    variant = sensitivity.Variant("test", drop=frozenset({"F4"}), relabel=(("F3", "reliability", "ok"),))
    sensitivity.apply(variant, data, tmp_path / "variant")
    with open(tmp_path / "variant" / "raw" / "figures.csv", newline="", encoding="utf-8") as f:
        rows = {r["figure_id"]: r for r in csv.DictReader(f)}
    assert set(rows) == {"F1", "F2", "F3", "F5"} and rows["F3"]["reliability"] == "ok"
    assert (tmp_path / "variant" / "measures.csv").exists()
    assert (data / "raw" / "figures.csv").read_bytes() == before


def paragraph_cell(key, number, tags=()):
    """A code cell showing a paragraph with one ledger number, as notebooks do."""
    source = ("from belarus2020.writing import ledger, prose\n"
              f"prose.Paragraph('The count is {{n}}.', key={key!r}, n=ledger.Number({number!r}, 'count', "
              f"(('figures', 'F1'),), 'test', {number!r}))")
    return {"cell_type": "code", "metadata": {"tags": list(tags)}, "source": source, "outputs": [],
            "execution_count": None}


def test_a_notebook_runs_in_process_and_keeps_what_ran_before_a_failure():
    notebook = {"cells": [paragraph_cell("standfirst-para", "7", ["standfirst"]),
                          {"cell_type": "code", "metadata": {}, "source": "raise ValueError('no such counter')",
                           "outputs": [], "execution_count": None},
                          paragraph_cell("later", "8")], "metadata": {}}
    ran, failure = sensitivity.execute(notebook)
    assert failure == "ValueError: no such counter"
    assert [len(c["outputs"]) for c in ran["cells"]] == [1, 0, 0]  # the cell after the failure did not run
    found = sensitivity.headlines(entries.notebook_entries(ran, "00-test.ipynb"))
    assert list(found) == ["00-standfirst-para-n"] and found["00-standfirst-para-n"].printed == "7"


def test_only_the_standfirst_and_chart_titles_are_headlines():
    notebook = {"cells": [paragraph_cell("body", "5"), paragraph_cell("lede", "6", ["standfirst"])], "metadata": {}}
    ran, failure = sensitivity.execute(notebook)
    assert failure == ""
    assert list(sensitivity.headlines(entries.notebook_entries(ran, "00-test.ipynb"))) == ["00-lede-n"]


def test_every_headline_of_the_article_is_tried_under_every_variant():
    with open(sensitivity.output_path(), newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    article = entries.read_notebook(paths.NOTEBOOKS / sensitivity.NOTEBOOK)
    heads = sensitivity.headlines(article)
    variants = {r["variant"] for r in rows}
    assert heads and len(variants) >= 2
    assert {(r["entry"], r["variant"]) for r in rows} == {(e, v) for e in heads for v in variants}
    for row in rows:  # the committed words are the article's, and "no" means exactly that
        assert row["printed"] == heads[row["entry"]].printed
        if row["changed"] == "no":
            assert (row["value"], row["printed_in_variant"]) == (heads[row["entry"]].value, row["printed"])
