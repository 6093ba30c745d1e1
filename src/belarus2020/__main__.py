"""Command line: `python -m belarus2020 build [--check] [--force] [notebooks...]`, `check "<a number>"`,
`extract`, `sources`."""

from __future__ import annotations

import sys

USAGE = """usage: python -m belarus2020 build [--check] [--force] [--jobs N] [notebooks...]
       python -m belarus2020 check TEXT [--language L] [--measure M] [--as-of DATE] [--period START/END]
                                 [--baseline B] [--json]   check a number against the record
       python -m belarus2020 extract    write data/telegram/ from the raw Telegram exports
       python -m belarus2020 sources    download the raw Telegram exports at the pinned commit"""


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    command = argv[0] if argv else None
    if command == "build":
        from belarus2020.publish import build  # imported here: nbformat is slow to import and only the build needs it

        return build.main(argv[1:])
    if command == "check":
        from belarus2020.counts import checker

        return checker.main(argv[1:])
    if command in ("extract", "sources") and len(argv) == 1:
        from belarus2020.counts import telegram, telegram_extract

        try:
            written = telegram_extract.write() if command == "extract" else telegram.download()
        except (telegram.ExportError, OSError) as error:
            print(f"{command} failed: {error}", file=sys.stderr)
            return 1
        print(f"wrote {', '.join(str(w) for w in written)}" if written else "nothing to write: already up to date")
        return 0
    print(USAGE, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main())
