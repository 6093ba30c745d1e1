"""Read a CSV file as its author saved it, or say in one message what is wrong with its shape.

Journalists edit the tables in Excel, LibreOffice and text editors. What those programs do to a
file that is still correct is accepted: a byte-order mark (Excel's "CSV UTF-8"), LF, CRLF or CR
line endings, blank lines at the end. Line breaks inside a cell are normalised to LF. What would
make us read something other than what the author meant is refused before any cell is looked
at: another encoding, a header that does not name the schema's columns once each, a blank or
repeated header row in the middle, a row with too many or too few cells, an unclosed quote.
Each refusal names file, row and column and says how to fix it (codebook: "What the loaders
accept").
"""

from __future__ import annotations

import codecs
import csv
import difflib
import io
import re
from dataclasses import dataclass, field
from pathlib import Path

from belarus2020.data.problems import Problem

SAVE_AS_UTF8 = ("save it as CSV UTF-8 (Excel: Save As, 'CSV UTF-8 (Comma delimited)'; LibreOffice: "
                "Save As, Text CSV, character set 'Unicode (UTF-8)')")


@dataclass
class Table:
    """A CSV file's header and data rows, each row with its spreadsheet row and first editor line."""

    file: str
    header: list[str]
    records: list[list[str]] = field(default_factory=list)
    rows: list[int] = field(default_factory=list)
    lines: list[int] = field(default_factory=list)


def letter(index: int) -> str:
    """A spreadsheet's name for the column at 0-based `index`: A, B, ..., Z, AA, AB, ..."""
    name = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        name = chr(ord("A") + rest) + name
    return name


def read(path: Path, file: str, expected: list[str]) -> tuple[Table | None, list[Problem]]:
    """The table in `path` (named `file` in messages), checked against the `expected` columns.

    Returns (table, problems); the table is None when the file cannot be read as text at all.
    Every problem returned is structural: the cells cannot be trusted until it is fixed.
    """
    with open(path, "rb") as f:
        problems = _encoding_problems(f.read(200), file)
    if problems:
        return None, problems
    try:
        table, problems = _parse(path, file)
    except UnicodeDecodeError:  # read as a stream; find the first byte that is not UTF-8 in the whole file
        raw = path.read_bytes()
        return None, [_not_utf8(raw, _first_bad_byte(raw), file)]
    if problems:
        return table, problems
    problems = header_problems(table, expected)
    if problems:
        return table, problems
    return table, _row_problems(table)


# --- encoding -------------------------------------------------------------------------------

def _encoding_problems(head: bytes, file: str) -> list[Problem]:
    """UTF-32 and UTF-16 (Excel's 'Unicode Text'), told by their byte-order mark or their zero bytes."""
    if head.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        return [Problem(file, 1, None, f"is saved as UTF-32: {SAVE_AS_UTF8}", structural=True)]
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or head.count(0) > len(head) // 4:
        return [Problem(file, 1, None, "is saved as UTF-16 (Excel calls it 'Unicode Text'), not UTF-8: "
                        + SAVE_AS_UTF8, structural=True)]
    return []


def _first_bad_byte(raw: bytes) -> int:
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError as error:
        return error.start
    raise AssertionError("the stream reader and the whole file disagree on UTF-8")


def _not_utf8(raw: bytes, offset: int, file: str) -> Problem:
    """Where the first byte that is not UTF-8 sits, and the encoding the file was probably saved in."""
    before = raw[:offset].decode("utf-8", errors="replace").removeprefix("\ufeff")
    records = list(csv.reader(io.StringIO(before, newline=""))) or [[]]
    starts_row = before == "" or before.endswith(("\n", "\r"))
    row = len(records) + 1 if starts_row and before else len(records)
    cell = 0 if starts_row else max(len(records[-1]) - 1, 0)
    column = records[0][cell] if row > 1 and cell < len(records[0]) else None
    line = len(re.findall(r"\r\n|\r|\n", before)) + 1
    encoding, codec = _likely_encoding(raw)
    shown = raw[offset:offset + 1].decode(codec, errors="replace")
    return Problem(file, row, column,
                   f"is not UTF-8: the file looks saved as {encoding} (byte 0x{raw[offset]:02X} here is "
                   f"{shown!r} there): {SAVE_AS_UTF8}", structural=True, line=line)


def _likely_encoding(raw: bytes) -> tuple[str, str]:
    """Judged on the bytes that are not UTF-8: Cyrillic saved by Windows comes in runs of them
    (whole words), West European text in single ones (an accented letter between plain ones)."""
    text = raw.decode("utf-8", errors="surrogateescape")
    bad = [i for i, ch in enumerate(text) if "\udc80" <= ch <= "\udcff"]
    marks = set(bad)
    in_runs = sum(1 for i in bad if i - 1 in marks or i + 1 in marks)
    if in_runs / len(bad) > 0.5:
        return "Windows-1251 (Cyrillic)", "cp1251"
    undecodable = bytes(ord(text[i]) - 0xDC00 for i in bad)
    try:
        undecodable.decode("cp1252")
        return "Windows-1252 or Latin-1 (Western European)", "cp1252"
    except UnicodeDecodeError:
        return "Latin-1 (ISO 8859-1)", "latin-1"


# --- rows -----------------------------------------------------------------------------------

def _parse(path: Path, file: str) -> tuple[Table, list[Problem]]:
    """Split the file into rows, reading it as a stream (a whole decoded copy would cost memory);
    a quote left open or misplaced is a problem, not a guess."""
    csv.field_size_limit(max(csv.field_size_limit(), path.stat().st_size + 1))  # an open quote may hold the rest
    records, lines, end = [], [], 0
    with open(path, encoding="utf-8-sig", newline="") as f:  # utf-8-sig: one byte-order mark is dropped
        reader = csv.reader(f, strict=True)
        try:
            for record in reader:
                lines.append(end + 1)
                end = reader.line_num
                records.append([cell.replace("\r\n", "\n").replace("\r", "\n") if "\r" in cell else cell
                                for cell in record])
        except csv.Error:
            return Table(file, []), [_quote_problem(path.read_text(encoding="utf-8-sig"), file, reader.line_num)]
    while records and _blank(records[-1]):  # blank lines at the end are how many editors save
        records.pop()
        lines.pop()
    if not records:
        return Table(file, []), [Problem(file, 1, None, "is empty: the first row must name the columns",
                                         structural=True)]
    table = Table(file, records[0], records[1:], list(range(2, len(records) + 1)), lines[1:])
    return table, []


def _quote_problem(text: str, file: str, line: int) -> Problem:
    """Locate the cell whose double quotes the csv reader could not make sense of (it stopped at `line`).

    A quote opened and never closed swallows the following rows into one cell, so the first row
    read with the wrong number of cells is where it opened, in its longest multi-line cell. Otherwise
    a quote stands in the middle of a cell of the row the reader stopped in.
    """
    reader = csv.reader(io.StringIO(text, newline=""))  # lenient: reads on past the faulty quote
    header, end = None, 0
    for row, record in enumerate(reader, 1):
        start, end = end + 1, reader.line_num
        header = header or record
        if row > 1 and len(record) != len(header) and start < end and start <= line:
            cell = max(range(len(record)), key=lambda i: ("\n" in record[i], len(record[i])))
            return Problem(file, row, header[cell] if cell < len(header) else None,
                           f"opens a double quote (\") that is not closed where the cell ends, so the rows after "
                           f"it, up to line {end}, were read into this one cell: close the quote, and write a "
                           f"\" inside a cell as \"\"", structural=True, line=start)
        if end >= line:
            raw = "\n".join(text.splitlines()[start - 1:end])
            cell = _misplaced_quote_cell(raw)
            return Problem(file, row, header[cell] if row > 1 and cell < len(header) else None,
                           "has a double quote (\") in the middle of a cell: a cell that contains a \" must be "
                           "wrapped in double quotes, with each \" inside written twice (\"\")",
                           structural=True, line=start)
    return Problem(file, 1, None, "has a double quote (\") the reader cannot place", structural=True)


def _misplaced_quote_cell(raw: str) -> int:
    """The 0-based cell of `raw` (one row's text) where a closing quote is followed by more text."""
    cell, quoted, i = 0, False, 0
    while i < len(raw):
        ch = raw[i]
        if quoted:
            if ch == '"' and raw[i + 1:i + 2] == '"':
                i += 1
            elif ch == '"':
                if raw[i + 1:i + 2] not in ("", ",", "\n", "\r"):
                    return cell
                quoted = False
        elif ch == '"' and (i == 0 or raw[i - 1] == ","):
            quoted = True
        elif ch == ",":
            cell += 1
        i += 1
    return cell


def _blank(record: list[str]) -> bool:
    return all(not cell.strip() for cell in record)


def header_problems(table: Table, expected: list[str]) -> list[Problem]:
    """The header must name each of the schema's columns once, exactly, in order."""
    file, header = table.file, table.header

    def problem(column, message):
        return Problem(file, 1, column, message, structural=True)

    if len(header) == 1 and len(expected) > 1:
        for sep, name in ((";", "semicolons"), ("\t", "tabs"), ("|", "vertical bars")):
            if sep in header[0]:
                return [problem(None, f"separates its columns with {name}, not commas (a spreadsheet set to "
                                      "some languages saves CSV this way): save it as CSV UTF-8 with commas "
                                      "(Excel: 'CSV UTF-8 (Comma delimited)'; LibreOffice: field delimiter ',')")]
    problems, explained = [], set()
    seen: dict[str, int] = {}
    for index, name in enumerate(header):
        if name in seen:
            problems.append(problem(name, f"appears twice in the header (spreadsheet columns "
                                          f"{letter(seen[name])} and {letter(index)}): delete or rename one"))
            explained.add(name)
            continue
        seen[name] = index
        if not name.strip():
            problems.append(_unnamed(table, index))
            continue
        if name in expected:
            continue
        clean = re.sub(r"[\s\u00ad\u200b-\u200f\u2060\ufeff]", "", name)
        if clean in expected and clean != name:
            problems.append(problem(name, f"the column name holds invisible or space characters; it must read "
                                          f"exactly {clean!r}"))
            explained.add(clean)
        elif name.lower() in {e.lower() for e in expected}:
            right = next(e for e in expected if e.lower() == name.lower())
            problems.append(problem(name, f"write the column name as {right!r} (column names are case-sensitive)"))
            explained.add(right)
        else:
            near = difflib.get_close_matches(name, [e for e in expected if e not in header], n=1)
            hint = f": did you mean {near[0]!r}?" if near else ""
            problems.append(problem(name, "column is not in the schema (data/datapackage.json)" + hint))
            explained.update(near)
    problems += [problem(c, "column is missing from the header") for c in expected
                 if c not in header and c not in explained]
    if not problems and header != expected:
        first = next(h for h, e in zip(header, expected) if h != e)
        problems.append(problem(first, f"columns must come in the order {', '.join(expected)}"))
    return problems


def _unnamed(table: Table, index: int) -> Problem:
    filled = next(((row, rec[index]) for row, rec in zip(table.rows, table.records)
                   if index < len(rec) and rec[index].strip()), None)
    where = f"spreadsheet column {letter(index)}"
    if filled is None:
        message = (f"{where} has no name and no data: the lines end with an extra comma. Delete the trailing "
                   "commas (in a spreadsheet, delete the empty column)")
    else:
        message = (f"{where} has no name but holds data (row {filled[0]}: {filled[1][:40]!r}): "
                   "move the data into a named column and delete this one")
    return Problem(table.file, 1, None, message, structural=True)


def _row_problems(table: Table) -> list[Problem]:
    """Blank rows, repeated headers, rows with too many or too few cells (a row split in two)."""
    file, header, width = table.file, table.header, len(table.header)
    problems, trailing_commas = [], []
    skip = False
    for i, (row, line, record) in enumerate(zip(table.rows, table.lines, table.records)):
        if skip:
            skip = False
            continue

        def problem(column, message):
            return Problem(file, row, column, message, structural=True, line=line)

        if _blank(record):
            problems.append(problem(None, "is blank: delete the row (only the end of a file may have blank lines)"))
        elif record == header:
            problems.append(problem(None, "repeats the header row: delete it"))
        elif len(record) < width:
            following = table.records[i + 1] if i + 1 < len(table.records) else None
            if following is not None and len(record) + len(following) - 1 == width:
                problems.append(problem(
                    header[len(record) - 1],
                    f"is split across two lines (rows {row} and {row + 1}): a line break inside a cell that is "
                    "not in double quotes. Join the two lines, or wrap the cell in double quotes"))
                skip = True
            else:
                problems.append(problem(
                    header[len(record)],
                    f"has {len(record)} cells but the header has {width}: the cells from column "
                    f"{header[len(record)]!r} on are missing (a deleted cell, or a missing comma)"))
        elif len(record) > width:
            if not any(cell.strip() for cell in record[width:]):
                trailing_commas.append(problem(None, "ends with an extra comma after the last column: delete it"))
                continue
            curly = next((header[j] for j, cell in enumerate(record[:width])
                          if cell.startswith(("“", "”", "„", "«"))), None)
            hint = (f" Curly quotes (“ ”) do not group a cell, as in column {curly!r}: use straight double quotes"
                    if curly else "")
            problems.append(problem(
                curly, f"has {len(record)} cells but the header has {width}: the row runs into spreadsheet "
                       f"column {letter(width)}, beyond {header[-1]!r}. A comma inside a cell splits it unless "
                       f"the cell is wrapped in double quotes.{hint}"))
    if len(trailing_commas) > 3:
        first = trailing_commas[0]
        problems.append(Problem(file, first.row, None,
                                f"this row and {len(trailing_commas) - 1} others end with an extra comma after "
                                "the last column: delete the trailing commas", structural=True, line=first.line))
    else:
        problems += trailing_commas
    return sorted(problems, key=lambda p: p.row)
