"""What is wrong in a data file, said so that a person editing it in a spreadsheet can find it.

Rows are numbered as in a spreadsheet: the header is row 1, the first data row is row 2. Where
a cell holds line breaks, a text editor numbers lines differently; the message then gives the
editor's line as well.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One thing wrong in a data file, located as a spreadsheet user would look for it."""

    file: str
    row: int | None
    column: str | None
    message: str
    structural: bool = False  # the file or the row's shape is wrong (encoding, cells missing or extra)
    line: int | None = None  # the line a text editor shows, when it differs from the row

    def __str__(self) -> str:
        where = [self.file]
        if self.row is not None:
            where.append(f"row {self.row}")
        if self.column:
            where.append(f"column {self.column!r}")
        editor = f" (line {self.line} in a text editor)" if self.line not in (None, self.row) else ""
        return f"{', '.join(where)}{editor}: {self.message}"


class DataError(ValueError):
    """A data file broke the schema or a provenance rule; `problems` lists every finding.

    The message counts every problem but lists only the first SHOWN, and says so: a file
    whose every row is wrong would otherwise bury the first, most useful, lines.
    """

    SHOWN = 50

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        noun = "problem" if len(problems) == 1 else "problems"
        lines = [f"  - {p}" for p in problems[:self.SHOWN]]
        if len(problems) > self.SHOWN:
            lines.append(f"  ... and {len(problems) - self.SHOWN} more not shown here: fix the first "
                         f"{self.SHOWN} and load again (DataError.problems lists all {len(problems)})")
        super().__init__(f"{len(problems)} {noun} in the data:\n" + "\n".join(lines))
