"""Command line: `python -m belarus2020 build [--check] [--force] [notebooks...]`."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if not argv or argv[0] != "build":
        print("usage: python -m belarus2020 build [--check] [--force] [--jobs N] [notebooks...]",
              file=sys.stderr)
        return 2
    from belarus2020.publish import build  # imported here: nbformat is slow to import and only the build needs it

    return build.main(argv[1:])


if __name__ == "__main__":
    sys.exit(main())
