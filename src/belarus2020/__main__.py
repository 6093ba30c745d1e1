"""Command line: `python -m belarus2020 build [--check] [--force] [notebooks...]` and
`python -m belarus2020 check "<a number as a story gives it>" [--json] [...]`."""

from __future__ import annotations

import sys

USAGE = ("usage: python -m belarus2020 build [--check] [--force] [--jobs N] [notebooks...]\n"
         "       python -m belarus2020 check TEXT [--language L] [--measure M] [--as-of DATE] [--period START/END] "
         "[--baseline B] [--json]")


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if not argv or argv[0] not in ("build", "check"):
        print(USAGE, file=sys.stderr)
        return 2
    if argv[0] == "check":
        from . import checker

        return checker.main(argv[1:])
    from . import build  # imported here: nbformat is slow to import and only the build needs it

    return build.main(argv[1:])


if __name__ == "__main__":
    sys.exit(main())
