"""Bad input as people make it, by hand, in a spreadsheet program, or by copying from a web page.

Each case breaks a scratch copy of data/ one way and checks that the loader refuses it with
exactly one message naming the file, the row (as a spreadsheet numbers it) and the column, and
saying what is wrong; that loading wrote nothing; and that the real data/raw is untouched.
What the codebook says is accepted ("What the loaders accept") must load to exactly the frame
the pristine file gives: nothing dropped, nothing altered.
"""

import codecs
import csv
import hashlib
import io
import re

import pandas as pd
import pytest

from belarus2020.data import datasets, paths
from belarus2020.data.datasets import DataError

REAL_DATA = paths.DATA
LOADERS = {
    "sources": datasets.load_sources, "figures": datasets.load_figures,
    "statements": datasets.load_statements, "events": datasets.load_events,
    "states": datasets.load_states, "measures": datasets.load_measures,
    "themes": datasets.load_themes,
}
SOURCES, FIGURES, STATEMENTS = "data/raw/sources.csv", "data/raw/figures.csv", "data/raw/statements.csv"
EVENTS, STATES = "data/raw/events.csv", "data/raw/moscow_mechanism_states.csv"
FILES = {"sources": SOURCES, "figures": FIGURES, "statements": STATEMENTS, "events": EVENTS, "states": STATES}


def digest(folder):
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def real_data_before():
    return digest(REAL_DATA)


@pytest.fixture(autouse=True)
def real_data_untouched(real_data_before):
    yield
    assert digest(REAL_DATA) == real_data_before, "a test changed the real data/"


@pytest.fixture(scope="module")
def pristine():
    return {name: load() for name, load in LOADERS.items()}


# --- ways to break a scratch file ----------------------------------------------------------

def path_of(scratch, name):
    if name in ("measures", "themes"):  # our classifications sit beside raw/, not in it
        return scratch.root / "data" / f"{name}.csv"
    return scratch.root / "data" / "raw" / {"states": "moscow_mechanism_states.csv"}.get(name, f"{name}.csv")


def cell(name, row, column, value):
    """Set one cell (row as a spreadsheet numbers it); `value` may be a function of the old value."""
    def mutate(scratch):
        rows = read_rows(scratch, name)
        index = rows[0].index(column)
        rows[row - 1][index] = value(rows[row - 1][index]) if callable(value) else value
        write_rows(scratch, name, rows)
    return mutate


def table(name, change):
    """Change the list of rows (header first) and write it back with the csv module."""
    def mutate(scratch):
        write_rows(scratch, name, change(read_rows(scratch, name)))
    return mutate


def text(name, change):
    """Change the file's text as a text editor would."""
    def mutate(scratch):
        path = path_of(scratch, name)
        path.write_bytes(change(path.read_bytes().decode("utf-8")).encode("utf-8"))
    return mutate


def raw(name, change):
    """Change the file's bytes, as saving in another encoding does."""
    def mutate(scratch):
        path = path_of(scratch, name)
        path.write_bytes(change(path.read_bytes()))
    return mutate


def both(*mutations):
    def mutate(scratch):
        for m in mutations:
            m(scratch)
    return mutate


def read_rows(scratch, name):
    with open(path_of(scratch, name), newline="", encoding="utf-8") as f:
        return list(csv.reader(f))


def write_rows(scratch, name, rows):
    with open(path_of(scratch, name), "w", newline="", encoding="utf-8") as f:
        csv.writer(f, lineterminator="\n").writerows(rows)


def move_column(rows, column, to):
    i = rows[0].index(column)
    return [r[:i] + r[i + 1:] for r in rows] if to is None else [
        (r[:i] + r[i + 1:])[:to] + [r[i]] + (r[:i] + r[i + 1:])[to:] for r in rows]


def quote_all(name):
    """Every cell in double quotes, as some programs save CSV."""
    def mutate(scratch):
        rows = read_rows(scratch, name)
        with open(path_of(scratch, name), "w", newline="", encoding="utf-8") as f:
            csv.writer(f, quoting=csv.QUOTE_ALL, lineterminator="\n").writerows(rows)
        assert path_of(scratch, name).read_bytes().startswith(b'"')
    return mutate


def replace_in_row(row, old, new):
    def change(t):
        lines = t.split("\n")
        assert old in lines[row - 1], (old, lines[row - 1][:80])
        lines[row - 1] = lines[row - 1].replace(old, new, 1)
        return "\n".join(lines)
    return change


def reencode_cell(name, row, column, value, encoding):
    """A cell typed in another encoding (a paste into an editor set to Windows-1252, say)."""
    return both(cell(name, row, column, value),
                raw(name, lambda b: b.replace(value.encode("utf-8"), value.encode(encoding), 1)))


# --- what is refused: one message, naming file, row and column -----------------------------

NBSP, ZWSP, SHY = "\u00a0", "\u200b", "\u00ad"

REFUSED = [
    # encodings
    ("pasted-windows-1252", reencode_cell("sources", 4, "publisher", "Genève Times", "cp1252"),
     "sources", SOURCES, 4, "publisher",
     r"not UTF-8: the file looks saved as Windows-1252.*byte 0xE8 here is 'è'.*save it as CSV UTF-8"),
    ("pasted-latin-1", reencode_cell("statements", 6, "venue", "réunion, Paris", "latin-1"),
     "statements", STATEMENTS, 6, "venue", r"not UTF-8: the file looks saved as Windows-1252 or Latin-1 .*0xE9"),
    ("pasted-windows-1251", reencode_cell("statements", 3, "speaker", "Иван Носкевич", "cp1251"),
     "statements", STATEMENTS, 3, "speaker", r"not UTF-8.*Windows-1251 \(Cyrillic\).*CSV UTF-8"),
    ("header-in-windows-1252", raw("events", lambda b: b.replace(b"event_id", "évent_id".encode("cp1252"), 1)),
     "events", EVENTS, 1, None, r"not UTF-8.*byte 0xE9"),
    ("utf-16-le-with-bom", raw("events", lambda b: b.decode("utf-8").encode("utf-16")),
     "events", EVENTS, 1, None, r"UTF-16 .*'Unicode Text'.*save it as CSV UTF-8"),
    ("utf-16-be-with-bom", raw("events", lambda b: codecs.BOM_UTF16_BE + b.decode("utf-8").encode("utf-16-be")),
     "events", EVENTS, 1, None, r"^is saved as UTF-16"),
    ("utf-16-without-bom", raw("events", lambda b: b.decode("utf-8").encode("utf-16-le")),
     "events", EVENTS, 1, None, r"UTF-16 .*, not UTF-8"),
    ("utf-32", raw("events", lambda b: b.decode("utf-8").encode("utf-32")),
     "events", EVENTS, 1, None, r"UTF-32"),
    # the header
    ("duplicated-column", table("events", lambda rows: [r + [r[2]] for r in rows]),
     "events", EVENTS, 1, "event", r"appears twice in the header \(spreadsheet columns C and G\)"),
    ("trailing-comma-every-line", text("sources", lambda t: t.replace("\n", ",\n")),
     "sources", SOURCES, 1, None, r"spreadsheet column J has no name.*extra comma.*Delete the trailing commas"),
    ("trailing-comma-data-lines-only", text("sources", lambda t: t.replace("\n", ",\n").replace(",\n", "\n", 1)),
     "sources", SOURCES, 2, None, r"this row and [0-9]+ others end with an extra comma"),
    ("column-name-trailing-space", table("events", lambda rows: [[c + " " if c == "category" else c
                                                                   for c in rows[0]]] + rows[1:]),
     "events", EVENTS, 1, "category ", r"must read exactly 'category'"),
    ("column-name-capitals", table("events", lambda rows: [[c.upper() if c == "source_id" else c
                                                             for c in rows[0]]] + rows[1:]),
     "events", EVENTS, 1, "SOURCE_ID", r"write the column name as 'source_id'"),
    ("byte-order-mark-twice", raw("events", lambda b: codecs.BOM_UTF8 * 2 + b),
     "events", EVENTS, 1, "\ufeffevent_id", r"invisible.*must read exactly 'event_id'"),
    ("column-name-misspelt", table("figures", lambda rows: [[c.replace("reliability", "reliablity")
                                                              for c in rows[0]]] + rows[1:]),
     "figures", FIGURES, 1, "reliablity", r"did you mean 'reliability'"),
    ("column-missing", table("events", lambda rows: move_column(rows, "category", None)),
     "events", EVENTS, 1, "category", r"missing from the header"),
    ("columns-swapped", table("events", lambda rows: move_column(rows, "category", 1)),
     "events", EVENTS, 1, "category", r"must come in the order event_id, date, event, category"),
    ("column-not-in-schema", table("events", lambda rows: [rows[0] + ["notes"]] + [r + ["x"] for r in rows[1:]]),
     "events", EVENTS, 1, "notes", r"not in the schema"),
    ("semicolon-separated", text("events", lambda t: "\n".join(
        ";".join(r) for r in csv.reader(io.StringIO(t.split("\n", 1)[0]))) + "\n" + t.split("\n", 1)[1]),
     "events", EVENTS, 1, None, r"separates its columns with semicolons.*with commas"),
    ("tab-separated", table("events", lambda rows: [["\t".join(rows[0])]] + rows[1:]),
     "events", EVENTS, 1, None, r"separates its columns with tabs"),
    ("empty-file", raw("events", lambda b: b""), "events", EVENTS, 1, None, r"is empty"),
    ("unnamed-column-with-data", table("events", lambda rows: [rows[0] + [""]] + [r + ["x"] for r in rows[1:]]),
     "events", EVENTS, 1, None, r"spreadsheet column G has no name but holds data \(row 2: 'x'\)"),
    # rows
    ("blank-row-in-the-middle", table("sources", lambda rows: rows[:5] + [[]] + rows[5:]),
     "sources", SOURCES, 6, None, r"is blank: delete the row"),
    ("row-of-empty-cells", table("sources", lambda rows: rows[:7] + [[""] * 9] + rows[7:]),
     "sources", SOURCES, 8, None, r"is blank"),
    ("header-repeated-mid-file", table("sources", lambda rows: rows[:20] + [rows[0]] + rows[20:]),
     "sources", SOURCES, 21, None, r"repeats the header row"),
    ("row-split-across-lines", text("sources", replace_in_row(5, " Interior", "\nInterior")),
     "sources", SOURCES, 5, "publisher", r"split across two lines \(rows 5 and 6\)"),
    ("extra-cell", table("events", lambda rows: rows[:3] + [rows[3] + ["stray"]] + rows[4:]),
     "events", EVENTS, 4, None, r"has 7 cells but the header has 6.*spreadsheet column G"),
    ("missing-cell", table("events", lambda rows: rows[:5] + [rows[5][:-1]] + rows[6:]),
     "events", EVENTS, 6, "excerpt", r"has 5 cells but the header has 6: the cells from column 'excerpt' on"),
    ("unquoted-comma", text("sources", replace_in_row(4, "Belsat (interview", "Belsat, (interview")),
     "sources", SOURCES, 4, None, r"has 10 cells.*comma inside a cell"),
    ("curly-quotes-as-quotes", text("sources", replace_in_row(4, "Belsat (interview with Current Time)",
                                                              "“Belsat, interview with Current Time”")),
     "sources", SOURCES, 4, "publisher", r"Curly quotes .* do not group a cell"),
    ("unclosed-quote", text("sources", replace_in_row(6, ",https://", ',"https://')),
     "sources", SOURCES, 6, "url", r"opens a double quote .* not closed"),
    ("quote-in-the-middle-of-a-quoted-cell", text("sources", replace_in_row(2, '"OSCE condemns', '"OSCE" condemns')),
     "sources", SOURCES, 2, "title", r"double quote \(\"\) in the middle of a cell"),
    ("extra-comma-at-end-of-one-row", text("sources", lambda t: t.replace("\nSRC010,", "\nSRC010,", 1).replace(
        t.split("\n")[9], t.split("\n")[9] + ",", 1)),
     "sources", SOURCES, 10, None, r"ends with an extra comma after the last column"),
    # empty, spaces and invisible characters
    ("required-cell-only-spaces", cell("sources", 5, "publisher", "   "),
     "sources", SOURCES, 5, "publisher", r"only spaces .* but is required"),
    ("optional-cell-only-a-space", cell("figures", 4, "caveat", " "),
     "figures", FIGURES, 4, "caveat", r"only spaces .* leave it truly empty"),
    ("required-cell-only-no-break-space", cell("statements", 4, "quote", NBSP),
     "statements", STATEMENTS, 4, "quote", r"only spaces or invisible characters"),
    ("required-cell-empty", cell("sources", 10, "language", ""),
     "sources", SOURCES, 10, "language", r"is empty but required"),
    ("id-trailing-space", cell("figures", 6, "figure_id", "F0005 "),
     "figures", FIGURES, 6, "figure_id", r"ends with a space \(U\+0020\)"),
    ("id-leading-space", cell("events", 3, "event_id", " E002"),
     "events", EVENTS, 3, "event_id", r"starts with a space"),
    ("foreign-key-ending-in-line-break", cell("figures", 5, "source_id", "SRC001\n"),
     "figures", FIGURES, 5, "source_id", r"ends with a line break"),
    ("date-ending-in-line-break", cell("events", 4, "date", "2020-08-10\n"),
     "events", EVENTS, 4, "date", r"ends with a line break"),
    ("id-with-no-break-space", cell("statements", 5, "source_id", f"SRC{NBSP}102"),
     "statements", STATEMENTS, 5, "source_id", r"no-break space \(U\+00A0\) at character 4"),
    ("counter-with-no-break-space", cell("figures", 8, "counted_by", f"Viasna{NBSP}"),
     "figures", FIGURES, 8, "counted_by", r"ends with a no-break space"),
    ("counter-name-no-break-space-inside", cell("figures", 2, "counted_by", f"OSCE{NBSP}rapporteur"),
     "figures", FIGURES, 2, "counted_by", r"no-break space \(U\+00A0\) at character 5.*replace it with a plain space"),
    ("speaker-with-zero-width-space", cell("statements", 4, "speaker", f"Mike{ZWSP} Pompeo"),
     "statements", STATEMENTS, 4, "speaker", r"zero-width space \(U\+200B\) at character 5.*delete it"),
    ("id-with-soft-hyphen", cell("events", 5, "source_id", f"SRC{SHY}103"),
     "events", EVENTS, 5, "source_id", r"soft hyphen \(U\+00AD\)"),
    ("speaker-with-line-break", cell("statements", 7, "speaker", "World Organisation\nAgainst Torture (OMCT)"),
     "statements", STATEMENTS, 7, "speaker", r"line break .* one line"),
    ("country-with-tab", cell("statements", 3, "country", "Bela\trus"),
     "statements", STATEMENTS, 3, "country", r"a tab \(U\+0009\)"),
    ("enum-with-trailing-space", cell("statements", 7, "actor_type", "ngo "),
     "statements", STATEMENTS, 7, "actor_type", r"ends with a space"),
    ("enum-in-capitals", cell("statements", 7, "actor_type", "NGO"),
     "statements", STATEMENTS, 7, "actor_type", r"write 'ngo' \(values are case-sensitive\)"),
    ("enum-typo", cell("sources", 9, "kind", "goverment"),
     "sources", SOURCES, 9, "kind", r"did you mean 'government'"),
    # characters that are not text
    ("nul-in-text", cell("figures", 3, "excerpt", lambda v: v[:10] + "\x00" + v[10:]),
     "figures", FIGURES, 3, "excerpt", r"a NUL character \(U\+0000\) at character 11"),
    ("nul-in-id", cell("events", 6, "event_id", "E0\x0005"),
     "events", EVENTS, 6, "event_id", r"U\+0000"),
    ("vertical-tab-in-quote", cell("statements", 4, "quote", lambda v: v.replace(" ", "\x0b", 1)),
     "statements", STATEMENTS, 4, "quote", r"U\+000B"),
    ("replacement-character", cell("events", 7, "excerpt", lambda v: v[:5] + "\ufffd" + v[5:]),
     "events", EVENTS, 7, "excerpt", r"replacement character \(U\+FFFD\)"),
    ("c1-control-from-latin-1", cell("sources", 7, "title", lambda v: v + "\x92s"),
     "sources", SOURCES, 7, "title", r"U\+0092"),
    ("garbled-cyrillic", cell("figures", 7, "caveat", "Ð’Ð½Ð¾Ñ‡ÑŒ"),
     "figures", FIGURES, 7, "caveat", r"garbled by a wrong encoding"),
    ("garbled-apostrophe", cell("sources", 3, "publisher", "Viasnaâ€™s channel"),
     "sources", SOURCES, 3, "publisher", r"'â€™', which is '’' garbled"),
    ("spreadsheet-error-value", cell("figures", 9, "counted_by", "#REF!"),
     "figures", FIGURES, 9, "counted_by", r"spreadsheet error '#REF!'"),
    ("spreadsheet-error-in-text", cell("events", 8, "event", "#N/A"),
     "events", EVENTS, 8, "event", r"spreadsheet error '#N/A'"),
    ("libreoffice-error-value", cell("statements", 8, "venue", "Err:502"),
     "statements", STATEMENTS, 8, "venue", r"spreadsheet error 'Err:502'"),
    # ids and codes typed or rewritten
    ("full-width-digits-in-id", cell("figures", 6, "figure_id", "F０００５"),
     "figures", FIGURES, 6, "figure_id", r"FULLWIDTH DIGIT ZERO \(U\+FF10\), not one of the digits 0-9"),
    ("arabic-indic-digits-in-date", cell("events", 9, "date", "٢٠٢٠-٠٨-١٢"),
     "events", EVENTS, 9, "date", r"ARABIC-INDIC DIGIT TWO .* not one of the digits 0-9"),
    ("devanagari-digit-in-published", cell("sources", 2, "published", "2020-11-0५"),
     "sources", SOURCES, 2, "published", r"DEVANAGARI DIGIT FIVE"),
    ("cyrillic-look-alike-in-id", cell("statements", 9, "source_id", "SRС104"),
     "statements", STATEMENTS, 9, "source_id", r"CYRILLIC CAPITAL LETTER ES \(U\+0421\); it only looks like"),
    ("lower-case-id", cell("statements", 10, "source_id", "src104"),
     "statements", STATEMENTS, 10, "source_id", r"write it in capitals; write 'SRC104'"),
    ("id-without-leading-zeros", cell("events", 3, "source_id", "SRC4"),
     "events", EVENTS, 3, "source_id", r"leading zeros; write 'SRC004'"),
    ("id-with-thousands-separator", cell("figures", 10, "figure_id", "F1,234"),
     "figures", FIGURES, 10, "figure_id", r"no thousands separator; write 'F1234'"),
    ("id-in-smart-quotes", cell("events", 10, "source_id", "“SRC006”"),
     "events", EVENTS, 10, "source_id", r"quotation marks around it.*write 'SRC006'"),
    ("list-with-spaces", cell("states", 3, "confirmed_by", "SRC144; SRC118; SRC002"),
     "states", STATES, 3, "confirmed_by", r"without spaces; write 'SRC144;SRC118;SRC002'"),
    ("url-followed-by-words", cell("sources", 8, "url", lambda v: v + " (archived copy)"),
     "sources", SOURCES, 8, "url", r"there is more after 'https://"),
    ("url-without-scheme", cell("sources", 11, "url", lambda v: v.split("://", 1)[1]),
     "sources", SOURCES, 11, "url", r"starts with https://"),
    ("unknown-source", cell("figures", 3, "source_id", "SRC999"),
     "figures", FIGURES, 3, "source_id",
     r"refers to source_id 'SRC999', which does not exist in data/raw/sources.csv: add it there first, or correct "
     r"the value$"),
    ("measure-typo", cell("figures", 4, "measure", "detained_cumulativ"),
     "figures", FIGURES, 4, "measure", r"does not exist in data/measures.csv.*did you mean 'detained_cumulative'"),
    ("duplicate-id", cell("figures", 7, "figure_id", "F0001"),
     "figures", FIGURES, 7, "figure_id", r"appears more than once; it must be unique \(also in row 2\)"),
    ("duplicate-state", cell("states", 4, "state", "Belgium"),
     "states", STATES, 4, "state", r"appears more than once.*row 2"),
    # dates a spreadsheet or a person rewrote
    ("date-rewritten-ambiguous", cell("figures", 5, "period_end", "05/11/2020"),
     "figures", FIGURES, 5, "period_end", r"day and month cannot be told apart"),
    ("date-rewritten-day-first", cell("figures", 5, "period_end", "25/11/2020"),
     "figures", FIGURES, 5, "period_end", r"dates are written YYYY-MM-DD; write '2020-11-25'"),
    ("date-as-spreadsheet-number", cell("statements", 3, "date", "44053"),
     "statements", STATEMENTS, 3, "date", r"serial number for 2020-08-10"),
    ("date-in-words", cell("events", 6, "date", "5 Nov 2020"),
     "events", EVENTS, 6, "date", r"write '2020-11-05'"),
    ("date-month-first-in-words", cell("events", 6, "date", "November 5, 2020"),
     "events", EVENTS, 6, "date", r"'November 5, 2020' does not match .*write '2020-11-05'"),
    ("date-with-slashes", cell("sources", 6, "published", "2020/11/05"),
     "sources", SOURCES, 6, "published", r"write '2020-11-05'"),
    ("date-without-leading-zeros", cell("statements", 4, "date", "2020-8-9"),
     "statements", STATEMENTS, 4, "date", r"write '2020-08-09'"),
    ("date-impossible", cell("statements", 9, "date", "2020-02-30"),
     "statements", STATEMENTS, 9, "date", r"not a real date"),
    ("date-out-of-range", cell("figures", 8, "period_end", "2030-01-01"),
     "figures", FIGURES, 8, "period_end", r"outside"),
    # a phrase that differs from its excerpt by what a reader cannot see
    ("phrase-with-no-break-space", cell("figures", 2, "phrase", f"some{NBSP}1,500"),
     "figures", FIGURES, 2, "phrase",
     r"the phrase has a no-break space \(U\+00A0\) at character 5 where the excerpt has a space"),
    ("excerpt-with-no-break-space", cell("figures", 3, "excerpt", lambda v: v.replace("more than 10,000",
                                                                                      f"more{NBSP}than 10,000")),
     "figures", FIGURES, 3, "phrase", r"the phrase has a space \(U\+0020\) at character 5 where the excerpt has a "
                                      r"no-break space"),
    ("excerpt-with-zero-width-space", cell("figures", 4, "excerpt", lambda v: v.replace("around 13,000",
                                                                                        f"around 13,{ZWSP}000")),
     "figures", FIGURES, 4, "phrase", r"the excerpt has a zero-width space \(U\+200B\) where the phrase has nothing"),
    ("excerpt-with-soft-hyphen", cell("figures", 5, "excerpt", lambda v: v.replace("submissions",
                                                                                   f"submis{SHY}sions")),
     "figures", FIGURES, 5, "phrase", r"soft hyphen"),
    ("phrase-with-curly-apostrophe", both(cell("figures", 6, "excerpt", lambda v: v.replace("17 states",
                                                                                              "17 states'")),
                                          cell("figures", 6, "phrase", "17 states’")),
     "figures", FIGURES, 6, "phrase", r"curly closing quote or apostrophe \(U\+2019\) at character 10 where the "
                                      r"excerpt has the character APOSTROPHE"),
    ("excerpt-with-line-break", cell("figures", 3, "excerpt", lambda v: v.replace("more than 10,000",
                                                                                  "more than\n10,000")),
     "figures", FIGURES, 3, "phrase", r"at character 10 where the excerpt has a line break"),
    ("phrase-really-different", cell("figures", 5, "phrase", "exactly 99,999"),
     "figures", FIGURES, 5, "phrase", r"does not stand verbatim in the excerpt$"),
    ("state-name-with-no-break-space", cell("states", 4, "name_in_source", f"Czech{NBSP}Republic"),
     "states", STATES, 4, "name_in_source", r"no-break space \(U\+00A0\) at character 6"),
]


@pytest.mark.parametrize("mutate, loader, file, row, column, words",
                         [pytest.param(*case[1:], id=case[0]) for case in REFUSED])
def test_refused_with_one_message_naming_file_row_and_column(scratch, mutate, loader, file, row, column, words):
    mutate(scratch)
    files = digest(scratch.root / "data")
    with pytest.raises(DataError) as error:
        LOADERS[loader]()
    problems = error.value.problems
    assert len(problems) == 1, str(error.value)
    [problem] = problems
    assert (problem.file, problem.row, problem.column) == (file, row, column), str(error.value)
    assert re.search(words, problem.message), problem.message
    assert str(problem) in str(error.value)
    assert digest(scratch.root / "data") == files  # loading wrote nothing


def test_the_refused_cases_are_distinct():
    """Each case expects its own message at its own place: no case is another under a new name."""
    assert len({case[0] for case in REFUSED}) == len(REFUSED)
    assert len({(file, row, column, words) for _, _, _, file, row, column, words in REFUSED}) == len(REFUSED)
    assert len(REFUSED) + len(ACCEPTED) >= 80


# --- what is accepted: loads to the very frame the pristine file gives ------------------------

ACCEPTED = [
    ("byte-order-mark", "figures", raw("figures", lambda b: codecs.BOM_UTF8 + b)),
    ("crlf-line-endings", "sources", raw("sources", lambda b: b.replace(b"\n", b"\r\n"))),
    ("cr-line-endings", "states", raw("states", lambda b: b.replace(b"\n", b"\r"))),
    ("crlf-everywhere-with-multi-line-cells", "events", raw("events", lambda b: b.replace(b"\n", b"\r\n"))),
    ("excel-csv-utf-8", "statements", raw("statements", lambda b: codecs.BOM_UTF8 + b.replace(b"\n", b"\r\n"))),
    ("trailing-blank-lines", "events", raw("events", lambda b: b + b"\n\n\n")),
    ("trailing-rows-of-empty-cells", "sources", raw("sources", lambda b: b + b",,,,,,,,\n,,,,,,,,\n")),
    ("no-newline-at-the-end", "measures", raw("measures", lambda b: b.rstrip(b"\n"))),
    ("every-cell-quoted", "figures", quote_all("figures")),
]


@pytest.mark.parametrize("loader, mutate", [pytest.param(c[1], c[2], id=c[0]) for c in ACCEPTED])
def test_accepted_and_read_exactly_as_the_pristine_file(scratch, pristine, loader, mutate):
    before = path_of(scratch, loader).read_bytes()
    mutate(scratch)
    assert path_of(scratch, loader).read_bytes() != before  # the case really changed the file
    files = digest(scratch.root / "data")
    pd.testing.assert_frame_equal(LOADERS[loader](), pristine[loader])
    assert digest(scratch.root / "data") == files


def test_line_breaks_inside_cells_are_normalised_to_lf(scratch, pristine):
    rows = read_rows(scratch, "events")
    multi = next(i for i, r in enumerate(rows) if any("\n" in c for c in r))
    rows[multi] = [c.replace("\n", "\r\n") for c in rows[multi]]
    write_rows(scratch, "events", rows)
    assert b"\r\n" in path_of(scratch, "events").read_bytes()
    pd.testing.assert_frame_equal(datasets.load_events(), pristine["events"])


# --- many problems: every one counted, the message says how many it leaves out -------------

def test_more_problems_than_the_message_shows_are_all_counted(scratch):
    rows = read_rows(scratch, "statements")
    template = rows[1]
    sid = rows[0].index("statement_id")
    actor = rows[0].index("actor_type")
    extra = []
    for n in range(1200):
        row = list(template)
        row[sid], row[actor] = f"S{5000 + n}", "celebrity"
        extra.append(row)
    write_rows(scratch, "statements", rows + extra)
    with pytest.raises(DataError) as error:
        datasets.load_statements()
    assert len(error.value.problems) == 1200
    message = str(error.value)
    assert message.startswith("1200 problems in the data:")
    assert "... and 1150 more not shown here" in message
    assert message.count("\n  - ") == DataError.SHOWN


def test_every_broken_cell_of_a_file_is_reported_once_in_reading_order(scratch):
    cell("statements", 9, "date", "2020-02-30")(scratch)  # pattern fine, date impossible
    cell("statements", 3, "actor_type", "celebrity")(scratch)
    cell("statements", 3, "source_id", "SRC000")(scratch)
    cell("statements", 12, "date", "5 Nov 2020")(scratch)  # pattern and date rule: one message
    with pytest.raises(DataError) as error:
        datasets.load_statements()
    where = [(p.row, p.column) for p in error.value.problems]
    assert where == [(3, "source_id"), (3, "actor_type"), (9, "date"), (12, "date")]


def test_a_row_below_a_multi_line_cell_also_names_its_text_editor_line(scratch):
    rows = read_rows(scratch, "events")
    last = len(rows)
    cell("events", last, "category", "sports")(scratch)
    with pytest.raises(DataError) as error:
        datasets.load_events()
    [problem] = error.value.problems
    text_ = path_of(scratch, "events").read_text(encoding="utf-8")
    editor_line = text_.count("\n")  # the last row is on the last line
    assert problem.row == last and problem.line == editor_line > last
    assert f"{EVENTS}, row {last}, column 'category' (line {editor_line} in a text editor):" in str(error.value)


def test_a_broken_file_referred_to_is_named_when_loading_the_other(scratch):
    raw("sources", lambda b: b.decode("utf-8").encode("utf-16"))(scratch)
    with pytest.raises(DataError) as error:
        datasets.load_events()
    [problem] = error.value.problems
    assert problem.file == SOURCES and "UTF-16" in problem.message


def test_an_unknown_schema_rule_is_an_error_not_skipped(scratch):
    import json

    path = scratch.root / "data" / "datapackage.json"
    descriptor = json.loads(path.read_text(encoding="utf-8"))
    events = next(r for r in descriptor["resources"] if r["name"] == "events")
    events["schema"]["fields"][0]["constraints"]["exclusiveMaximum"] = 3
    path.write_text(json.dumps(descriptor), encoding="utf-8")
    with pytest.raises(DataError, match=r"constraint 'exclusiveMaximum' is not one the loaders check"):
        datasets.load_events()
