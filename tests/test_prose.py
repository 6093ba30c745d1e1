"""The prose formatter writes each kind of estimate with its hedge intact; templates take numbers
only from the ledger, and remember where each one stands."""

import pytest

from belarus2020.writing import ledger, prose
from belarus2020.numbers import phrasing
from belarus2020.numbers.estimates import parse_estimate


@pytest.mark.parametrize("phrase, words", [
    ("13,000", "13,000"),
    ("around 13,000", "about 13,000"),
    ("nearly 7,000", "nearly 7,000"),
    ("more than 10,000", "more than 10,000"),
    ("at least 1578", "at least 1,578"),
    ("fewer than 100", "fewer than 100"),
    ("up to 2,000", "up to 2,000"),
    ("between 12,500 and 13,500", "between 12,500 and 13,500"),
    ("thousands", "between 2,000 and 9,999"),
])
def test_each_kind_keeps_its_hedge(phrase, words):
    assert phrasing.estimate(parse_estimate(phrase)) == words


def test_approximate_figures_can_show_how_we_read_them():
    assert phrasing.estimate_with_interval(parse_estimate("some 1,500")) == "about 1,500 (read as between 1,450 and 1,550)"
    assert phrasing.estimate_with_interval(parse_estimate("more than 10,000")) == "more than 10,000"


@pytest.mark.parametrize("low, high, words", [
    (12500, 13500, "between 12,500 and 13,500"), (10001, None, "at least 10,001"),
    (700, 700, "700"), (0, 2000, "at most 2,000")])
def test_intervals_in_words(low, high, words):
    assert phrasing.interval(low, high) == words


# --- the rule for typed digits ----------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "since 9 August 2020", "the night of 9-10 Aug", "in Aug 2020", "by the end of 2020", "on 2020-11-05",
    "(notebook 01)", "notebooks 01 to 05", "(section 2)", "the `belarus2020` package", "[the codebook](data/README2.md)",
    "November 5, 2020", "the lexicon's F1 on the held-out half",
])
def test_dates_and_references_may_be_typed(text):
    assert prose.bare_digits(text) == []


@pytest.mark.parametrize("text, bare", [
    ("17 distinct claims", ["17"]), ("71% are floors", ["71%"]), ("at least 6,152", ["6,152"]),
    ("in 1999", ["1999"]), ("9 August 2020 and 12 claims", ["12"]), ("between 5 and 6", ["5", "6"]),
    ("an F1 of 0.8", ["0.8"]),
])
def test_any_other_digit_is_bare(text, bare):
    assert prose.bare_digits(text) == bare


def number(text="17", ids=(("figures", "F0001"),)):
    return ledger.Number(text, "count", tuple(ids), "a test", text)


def test_fill_refuses_a_typed_number_a_bare_int_or_words_with_digits():
    with pytest.raises(ValueError, match="digits typed"):
        prose.fill("Of 17 claims, {n} are floors", n=number())
    with pytest.raises(TypeError, match="ledger"):
        prose.fill("{n} claims", n=17)
    with pytest.raises(ValueError, match="has a digit"):
        prose.fill("{n} claims", n="17")
    with pytest.raises(ValueError, match="not used"):
        prose.fill("{n} claims", n=number(), m=number())
    with pytest.raises(KeyError):
        prose.fill("{n} claims")


def test_filled_text_knows_where_each_number_stands_and_escapes_data_words():
    text = prose.fill("Since 9 August 2020, {n} claims by *{who}*; {n} again.", n=number(), who="A_B [x]")
    markdown, spans = text.render(markdown=True)
    assert markdown == r"Since 9 August 2020, 17 claims by *A\_B \[x\]*; 17 again."
    assert [markdown[s.start:s.end] for s in spans] == ["17", "17"]
    assert text.plain == "Since 9 August 2020, 17 claims by *A_B [x]*; 17 again."


def test_join_and_nesting_keep_every_number():
    inner = [prose.fill("{who}: {n}", who=w, n=number(t)) for w, t in (("UN", "5"), ("NGOs", "12"))]
    text = prose.fill("Counts: {list}.", list=prose.join("; ", inner))
    plain, spans = text.render(markdown=False)
    assert plain == "Counts: UN: 5; NGOs: 12."
    assert [plain[s.start:s.end] for s in spans] == ["5", "12"]


def test_paragraph_offers_the_same_words_as_markdown_and_plain_text_with_its_numbers_in_the_metadata():
    data, metadata = prose.Paragraph("More than **{n}** claims.", key="claims", n=number())._repr_mimebundle_()
    assert data == {"text/markdown": "More than **17** claims.", "text/plain": "More than **17** claims."}
    [recorded] = metadata["belarus2020"]["numbers"]
    assert metadata["belarus2020"]["paragraph"] == "claims"
    assert recorded["name"] == "n" and data["text/markdown"][recorded["start"]:recorded["end"]] == "17"
    assert recorded["ids"] == {"figures": ["F0001"]} and recorded["operation"] == "count"


def test_templates_are_the_sections_of_the_prose_file(tmp_path, monkeypatch):
    from belarus2020.data import paths

    monkeypatch.setattr(paths, "ROOT", tmp_path)
    monkeypatch.setattr(paths, "NOTEBOOKS", tmp_path)
    (tmp_path / "99-test.prose.md").write_text(
        "<!-- a note with {braces} -->\n\n## first\n\nOne {n}.\n\n## second-one\n\nTwo\nlines.\n", encoding="utf-8")
    found = prose.templates("99-test")
    assert {k: t.text for k, t in found.items()} == {"first": "One {n}.", "second-one": "Two\nlines."}
    assert prose.Paragraph(found["first"], n=number()).key == "first"
    (tmp_path / "99-test.prose.md").write_text("## a\n\nx\n\n## a\n\ny\n", encoding="utf-8")
    with pytest.raises(ValueError, match="appears twice"):
        prose.templates("99-test")


def test_data_words_open_no_block_at_a_line_start_and_keep_their_digits_mid_line():
    number = ledger.Number("0.8", "setting", (("statements", "S1"),), "a threshold")
    mid = prose.fill("an F1 of at least {target}", target=number)
    assert mid.markdown == "an F1 of at least 0.8"
    start = prose.fill("{name} said so", name=ledger.words("1. a list?", {"statement_id": "S1"}))
    assert start.markdown.startswith("1\\. a list?")
