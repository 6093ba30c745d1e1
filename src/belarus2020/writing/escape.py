"""Data text made safe for Markdown and HTML: shown as the words it is, never read as markup.

Quotes, excerpts, names and caveats come from web pages and people's typing. Put into Markdown
as they are, `<img src=x onerror=...>` becomes live HTML, `[a](http://...)` a link, `*` or `_`
emphasis, a backtick code, `|` a new table cell, `$` mathematics (Jupyter and GitHub render it).
Every piece of data text that reaches Markdown (a notebook's commentary, a generated page) goes
through `markdown`; everything that reaches HTML or XML through `html`. Our own wording around
it stays Markdown.
"""

from __future__ import annotations

import html as _html
import re

# The ASCII punctuation that has a meaning inline in CommonMark, GitHub Flavored Markdown or
# Jupyter (math): each is written with a backslash, which CommonMark renders as the character.
_INLINE = re.compile(r"([\\`*_\[\]<>&|~$])")
# At the start of a line these open a heading, quote, list or rule ("1." an ordered list).
_LINE_START = re.compile(r"^(\s*)(?:([#>+=-])|([0-9]+)(?=[.)]))")


def markdown(text) -> str:
    """`text` as literal words inside Markdown: inline syntax escaped, line breaks made spaces
    (Markdown shows a single line break as a space anyway; a blank line would start a block)."""
    return _LINE_START.sub(_literal_line_start, markdown_inline(text), count=1)


def markdown_inline(text) -> str:
    """`markdown` for words that cannot start a line (they follow other words of a sentence):
    a leading '1.' or '-' there opens no list, so it is left as written."""
    flat = re.sub(r"\s*[\r\n]+\s*", " ", str(text))
    escaped = _INLINE.sub(r"\\\1", flat)
    return re.sub(r"(?<=[A-Za-z]):(?=//)", r"\\:", escaped)  # no automatic link from a bare URL


def _literal_line_start(match) -> str:
    indent, mark, number = match.groups()
    return f"{indent}\\{mark}" if mark else f"{indent}{number}\\"


def html(text) -> str:
    """`text` as literal words in HTML or XML (element content or a quoted attribute)."""
    return _html.escape(str(text), quote=True)


def spreadsheet(text) -> str:
    """`text` for a CSV cell that a spreadsheet shows as text: a leading = + - @ (or tab, return) would
    make it a formula, so such a cell starts with an apostrophe, which spreadsheets hide."""
    text = str(text)
    return f"'{text}" if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text
