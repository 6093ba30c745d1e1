"""Check every cell of a table against its Table Schema in data/datapackage.json.

The schema is the contract a reuser without our code relies on (`frictionless validate`), so
its rules are read from the descriptor, not repeated here: required, pattern (matched against
the whole cell), enum, minLength, maxLength, minimum, maximum, unique, primary and foreign keys. A rule this module
does not know is itself an error, never silently skipped. Each cell gets at most one message,
the first thing wrong with it, worded for the person who typed it: what is wrong, where, and
what to write instead.

Columns come in two kinds. Verbatim and prose columns (excerpts, quotes, notes) keep every
character as written, line breaks included. Every other column holds one-line values that
group, filter or join rows (ids, dates, codes, names of counters and speakers): there a space
at either end, a line break, or an invisible character would make two values that look the
same differ, so they are refused by name and position.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
import unicodedata

from belarus2020.data import characters
from belarus2020.data.csvfile import Table
from belarus2020.data.problems import Problem

KNOWN_CONSTRAINTS = {"required", "unique", "pattern", "enum", "minLength", "maxLength", "minimum", "maximum"}
KNOWN_TYPES = {"string", "integer", "number", "boolean", "date"}
SPREADSHEET_ERRORS = {"#N/A", "#REF!", "#VALUE!", "#NAME?", "#DIV/0!", "#NUM!", "#NULL!", "#SPILL!",
                      "#CALC!", "#FIELD!", "#BLOCKED!", "#UNKNOWN!", "#CONNECT!", "#BUSY!", "#GETTING_DATA"}
_TYPES = {
    "integer": re.compile(r"[+-]?[0-9]+"),
    "number": re.compile(r"[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+)?"),
    "boolean": re.compile(r"true|false|True|False|TRUE|FALSE|1|0|yes|no"),
    "date": re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}"),
}
_BLANKS = " \t\n" + "".join(chr(c) for c in (0xA0, 0xAD, 0x200B, 0x200C, 0x200D, 0x2060, 0x202F, 0xFEFF))
_MOJIBAKE_LEAD = re.compile("[\u00c2-\u00ef]")  # cheap to look for; most cells have none
_INVISIBLE = re.compile(f"[{characters.INVISIBLE}]")


def _odd_text(value: str) -> bool:
    """Whether a cell needs a closer look; a few fast tests, since most cells need none."""
    return (characters.CONTROL.search(value) is not None or not value.strip(_BLANKS)
            or value.startswith(("#", "Err:"))
            or (_MOJIBAKE_LEAD.search(value) is not None and characters.MOJIBAKE.search(value) is not None))


def _odd_line(value: str) -> bool:
    return value != value.strip() or _INVISIBLE.search(value) is not None or _odd_text(value)


def schema_problems(descriptor_file: str, resource: dict) -> list[Problem]:
    """Rules in the descriptor that the loaders would not check: said, not skipped."""
    problems = []
    for spec in resource["schema"]["fields"]:
        where = f"resource {resource['name']!r}, field {spec['name']!r}"
        if spec.get("type", "string") not in KNOWN_TYPES:
            problems.append(Problem(descriptor_file, None, None, f"{where}: type {spec['type']!r} is not one the "
                                    f"loaders check ({', '.join(sorted(KNOWN_TYPES))})"))
        for rule in set(spec.get("constraints", {})) - KNOWN_CONSTRAINTS:
            problems.append(Problem(descriptor_file, None, None, f"{where}: constraint {rule!r} is not one the "
                                    f"loaders check ({', '.join(sorted(KNOWN_CONSTRAINTS))})"))
    return problems


def cell_problems(table: Table, resource: dict, references: dict[str, tuple[str, set]],
                  one_line: set[str]) -> list[Problem]:
    """Every broken cell of `table`, one problem per cell.

    `references` maps a foreign-key field to (file, values) of what it refers to; `one_line` names
    the free-text columns that nevertheless hold one-line values (names that group rows).
    """
    schema = resource["schema"]
    keys = _key_fields(schema)
    problems: dict[tuple[int, str], Problem] = {}
    for index, spec in enumerate(schema["fields"]):
        column = spec["name"]
        line_kind = column in one_line or column in keys or bool(
            {"pattern", "enum"} & set(spec.get("constraints", {})))
        check = _cell_rule(spec, line_kind)
        verdicts: dict[str, str | None] = {}  # codes, dates and names repeat: each value is judged once
        for row, line, record in zip(table.rows, table.lines, table.records):
            value = record[index]
            message = verdicts[value] if value in verdicts else verdicts.setdefault(value, check(value))
            if message:
                problems[row, column] = Problem(table.file, row, column, message, line=line)
    _unique_problems(table, schema, problems)
    _reference_problems(table, schema, references, problems)
    return sorted(problems.values(), key=lambda p: (p.row, [f["name"] for f in schema["fields"]].index(p.column)))


def _key_fields(schema: dict) -> set[str]:
    fields = _as_list(schema.get("primaryKey", []))
    for key in schema.get("foreignKeys", []):
        fields += _as_list(key["fields"])
    return set(fields)


def _as_list(value) -> list[str]:
    return [value] if isinstance(value, str) else list(value)


def _cell_rule(spec: dict, line_kind: bool):
    """A function from a cell's text to its first problem (None when the cell is right)."""
    rules = spec.get("constraints", {})
    required = rules.get("required", False)
    pattern = re.compile(rules["pattern"]) if "pattern" in rules else None
    enum = rules.get("enum")
    allowed = set(enum) if enum else None
    typed = _TYPES.get(spec.get("type", "string"))
    low, high = rules.get("minLength"), rules.get("maxLength")
    smallest, largest = rules.get("minimum"), rules.get("maximum")
    odd = _odd_line if line_kind else _odd_text

    def check(value: str) -> str | None:
        if value == "":
            return "is empty but required" if required else None
        if odd(value):
            message = _odd_characters(value, line_kind, required)
            if message:
                return message
        if typed and not typed.fullmatch(value):
            return f"{value!r} is not a {spec['type']}"
        if pattern and not pattern.fullmatch(value):
            return f"{value!r} does not match the pattern {pattern.pattern}" + _hint(value, pattern)
        if allowed is not None and value not in allowed:
            return f"{value!r} is not one of the allowed values (enum: {', '.join(enum)})" + _enum_hint(value, enum)
        if low is not None and len(value) < low:
            return f"{value!r} is shorter than {low} characters"
        if high is not None and len(value) > high:
            return f"{value!r} is longer than {high} characters"
        if smallest is not None and float(value) < smallest:
            return f"{value!r} is smaller than the minimum {smallest}"
        if largest is not None and float(value) > largest:
            return f"{value!r} is larger than the maximum {largest}"
        return None

    return check


def _odd_characters(value: str, line_kind: bool, required: bool) -> str | None:
    """What is wrong with the characters of a cell, if anything."""
    if control := characters.CONTROL.search(value):
        return (f"holds {characters.name(control[0])} at character {control.start() + 1}, which is not text "
                "(a damaged file, a conversion between encodings, or a copy from a PDF): delete it, or copy "
                "the words again from the source")
    if not value.strip(_BLANKS):
        return ("holds only spaces or invisible characters, but is required: fill it in" if required else
                "holds only spaces or invisible characters: leave it truly empty, or fill it in")
    if found := characters.garbled(value):
        return (f"holds {found[0]!r}, which is {found[1]!r} garbled by a wrong encoding (the file was once "
                "opened as Windows-1252 and saved again): copy the words again from the source")
    if value.strip() in SPREADSHEET_ERRORS or re.fullmatch(r"Err:\d{3}", value.strip()):
        return f"holds the spreadsheet error {value.strip()!r}, not data: restore what the cell held"
    if not line_kind:
        return None
    if value != value.lstrip():
        return f"starts with {characters.name(value[0])}: delete it"
    if value != value.rstrip():
        return f"ends with {characters.name(value[-1])}: delete it"
    invisible = _INVISIBLE.search(value)
    if invisible:
        fix = "replace it with a plain space" if invisible[0].isspace() and invisible[0] != "\n" else "delete it"
        return (f"holds {characters.name(invisible[0])} at character {invisible.start() + 1}; this column takes "
                f"one line of plain text: {fix}")
    return None


def _hint(value: str, pattern: re.Pattern) -> str:
    """Why a value misses its pattern, when a person can be told: a look-alike character, a date a
    spreadsheet rewrote, a thousands separator, words after a URL, ..."""
    dated = "{4}-" in pattern.pattern  # a date column: YYYY-MM(-DD)
    for candidate, why in _rewrites(value, dated):
        if candidate != value and pattern.fullmatch(candidate):
            return f": {why}; write {candidate!r}"
    foreign = next((ch for ch in value if ord(ch) > 127), None)
    if foreign is not None:
        if unicodedata.decimal(foreign, None) is not None:
            return (f": {foreign!r} is {characters.name(foreign)}, not one of the digits 0-9; type it again as "
                    f"{unicodedata.decimal(foreign)}")
        return f": {foreign!r} is {characters.name(foreign)}; it only looks like a plain letter or sign, type it again"
    if dated and (date := _date_hint(value)):
        return f": {date}"
    return ""


def _rewrites(value: str, dated: bool):
    """Ways a correct value gets disguised, each undone: (candidate, what was wrong)."""
    yield value.upper(), "write it in capitals"
    yield value.strip("\"'“”‘’«»"), "the quotation marks around it are not part of the value"
    yield re.sub(r"(?<=[0-9])[,.' \u00a0\u202f](?=[0-9]{3})", "", value), "ids take no thousands separator"
    digits = re.fullmatch(r"([A-Za-z]*)([0-9]+)", value)
    if digits:
        for width in (3, 4):
            yield f"{digits[1].upper()}{int(digits[2]):0{width}d}", "the number in an id is written with leading zeros"
    yield re.sub(r"\s*;\s*", ";", value), "lists are separated by ';' without spaces"
    first = value.split()[0] if value.split() else value
    yield first, f"there is more after {first!r}, which belongs in another column"
    if not value.startswith(("http://", "https://")):
        yield "https://" + value, "a web address starts with https:// (or http://)"
    for candidate in _date_candidates(value) if dated else ():
        yield candidate, "dates are written YYYY-MM-DD"


_MONTHS = {m: i for i, m in enumerate(["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct",
                                          "nov", "dec"], 1)}


def _date_candidates(value: str):
    """The ISO form of a date written in an unambiguous other form (2020/11/05, 5 Nov 2020, 2020-8-9)."""
    v = value.strip()
    m = re.fullmatch(r"([0-9]{4})[-/.]([0-9]{1,2})[-/.]([0-9]{1,2})", v)
    if m:
        yield f"{m[1]}-{int(m[2]):02d}-{int(m[3]):02d}"
    m = re.fullmatch(r"([0-9]{1,2})\s+([A-Za-z]{3})[a-z]*\.?,?\s+([0-9]{4})", v)
    if m and m[2].lower() in _MONTHS:
        yield f"{m[3]}-{_MONTHS[m[2].lower()]:02d}-{int(m[1]):02d}"
    m = re.fullmatch(r"([A-Za-z]{3})[a-z]*\.?\s+([0-9]{1,2}),?\s+([0-9]{4})", v)
    if m and m[1].lower() in _MONTHS:
        yield f"{m[3]}-{_MONTHS[m[1].lower()]:02d}-{int(m[2]):02d}"
    m = re.fullmatch(r"([0-9]{1,2})[/.]([0-9]{1,2})[/.]([0-9]{4})", v)
    if m and int(m[1]) > 12 >= int(m[2]):  # only day-first can be meant
        yield f"{m[3]}-{int(m[2]):02d}-{int(m[1]):02d}"
    if m and int(m[2]) > 12 >= int(m[1]):  # only month-first can be meant
        yield f"{m[3]}-{int(m[1]):02d}-{int(m[2]):02d}"


def _date_hint(value: str) -> str | None:
    """The hint for dates that cannot be turned into YYYY-MM-DD without asking the source."""
    m = re.fullmatch(r"([0-9]{1,2})[/.]([0-9]{1,2})[/.]([0-9]{2,4})", value.strip())
    if m:
        return ("a spreadsheet wrote this date in its own format; day and month cannot be told apart here, "
                "so check the source and write YYYY-MM-DD")
    if re.fullmatch(r"[0-9]{5}", value) and 43831 <= int(value) <= 46022:  # 2020-01-01 .. 2025-12-31
        day = dt.date(1899, 12, 30) + dt.timedelta(days=int(value))
        return (f"this is a spreadsheet's serial number for {day:%Y-%m-%d}: format the column as text and write "
                "YYYY-MM-DD")
    return None


def _enum_hint(value: str, enum: list[str]) -> str:
    same = [e for e in enum if e.lower() == value.lower()]
    if same:
        return f": write {same[0]!r} (values are case-sensitive)"
    near = difflib.get_close_matches(value, enum, n=1, cutoff=0.75)
    return f": did you mean {near[0]!r}?" if near else ""


def _unique_problems(table: Table, schema: dict, problems: dict) -> None:
    """Unique columns and the primary key; a cell already wrong is not counted twice."""
    names = [f["name"] for f in schema["fields"]]
    keys = [[f["name"]] for f in schema["fields"] if f.get("constraints", {}).get("unique")]
    primary = _as_list(schema.get("primaryKey", []))
    if primary and primary not in keys:
        keys.append(primary)
    for key in keys:
        columns = [names.index(c) for c in key]
        seen: dict[tuple, int] = {}
        for row, line, record in zip(table.rows, table.lines, table.records):
            value = tuple(record[c] for c in columns)
            if any(v == "" for v in value) or any((row, c) in problems for c in key):
                continue
            if value in seen:
                what = ("appears more than once" if len(key) == 1
                        else f"the combination of {', '.join(key)} appears more than once")
                problems[row, key[0]] = Problem(table.file, row, key[0],
                                                f"{what}; it must be unique (also in row {seen[value]})", line=line)
            else:
                seen[value] = row


def _reference_problems(table: Table, schema: dict, references: dict, problems: dict) -> None:
    names = [f["name"] for f in schema["fields"]]
    for key in schema.get("foreignKeys", []):
        [column] = _as_list(key["fields"])  # every key in our package is one column
        target_file, known = references[column]
        target = _as_list(key["reference"]["fields"])[0]
        index = names.index(column)
        for row, line, record in zip(table.rows, table.lines, table.records):
            value = record[index]
            if value == "" or value in known or (row, column) in problems:
                continue
            # a near id would be a guess at a different source: suggest only for words (measures)
            near = [] if re.search("[0-9]", value) else difflib.get_close_matches(value, known, n=1, cutoff=0.8)
            hint = f"; did you mean {near[0]!r}?" if near else ""
            problems[row, column] = Problem(
                table.file, row, column,
                f"refers to {target} {value!r}, which does not exist in {target_file}: add it there first, "
                f"or correct the value{hint}", line=line)
