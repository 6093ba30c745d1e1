"""Numbers for the commentary, written out with their hedges; commentary filled from templates.

Every number in a notebook's prose goes through here, so that an interval is never rounded
into false precision: a lower bound reads "more than 10,000", an approximate figure says what
it is about, a range gives both ends.

A paragraph is a Markdown template (kept in the notebook's `.prose.md` file, so a reader of the
rendered notebook sees each sentence once) whose `{placeholders}` are filled with numbers from
`belarus2020.writing.ledger`. The filled text remembers where each number stands and what it was computed
from; the build turns that into the claims ledger and the links of the article. A digit typed
into a template, or passed in as a bare int or string, is refused: only dates and references to
notebooks or sections may be typed (`bare_digits` states the rule, and the tests apply it to all
prose).
"""

from __future__ import annotations

import re
import string
from dataclasses import dataclass

from belarus2020.writing import escape
from belarus2020.data import paths


# --- the rule for digits typed into prose -----------------------------------------------------

_MONTH = (r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*")
_DAYS = r"\d{1,2}(?:\s?[-–]\s?\d{1,2})?"
_YEAR = r"(?:2019|202[0-6])"
# What may carry a digit without a ledger entry: a date (9 August 2020, 9-10 Aug, Aug 2020,
# 2020-08-09, 2020), a reference to a notebook or a section (notebook 01, notebooks 01 to 05,
# section 2), the package's name (belarus2020.statements.venues), the name of the F1 score, code in backticks,
# and the target of a link.
TYPED_DIGITS_ALLOWED = re.compile("|".join([
    rf"\b{_DAYS}\s{_MONTH}(?:\s{_YEAR})?\b",
    rf"\b{_MONTH}\s{_DAYS}(?:,?\s{_YEAR})?\b",
    rf"\b{_MONTH}\s{_YEAR}\b",
    rf"\b{_YEAR}-\d{{2}}(?:-\d{{2}})?\b",
    rf"\b{_YEAR}\b",
    r"\bnotebooks?\s`?\d\d`?(?:\s(?:to|and|-)\s`?\d\d`?)?",
    r"\bsections?\s\d+(?:\s(?:to|and)\s\d+)?\b",
    r"\bbelarus2020(?:\.\w+)*",
    r"\bF1\b",
    r"`[^`\n]*`",
    r"\]\([^)\s]*\)",
    r"<https?://[^>\s]*>",
]))


def bare_digits(text: str) -> list[str]:
    """The digits in `text` that the rule does not allow: each needs a ledger entry."""
    allowed = TYPED_DIGITS_ALLOWED.sub(lambda m: " " * len(m.group()), text)
    return re.findall(r"\S*\d\S*", allowed)


# --- filled text -----------------------------------------------------------------------------

def _is_number(value) -> bool:
    return hasattr(value, "operation") and hasattr(value, "ids")


@dataclass(frozen=True)
class Span:
    """Where a number stands in a rendered text, under which placeholder name."""

    name: str
    start: int
    end: int
    number: object  # a belarus2020.writing.ledger.Number

    def record(self) -> dict:
        return {"name": self.name, "start": self.start, "end": self.end, **self.number.record()}


class Text:
    """Template text filled with numbers (each remembered with its place) and words from the data."""

    def __init__(self, segments: list[tuple]):
        self.segments = segments  # ("literal", str) | ("words", str) | ("number", name, Number)

    def render(self, markdown: bool) -> tuple[str, list[Span]]:
        """The text, and where each number stands in it; data words escaped when `markdown`."""
        parts, spans, at = [], [], 0
        for segment in self.segments:
            kind, value = segment[0], segment[-1]
            text = value if kind == "literal" else (value if kind == "words" else value.text)
            if kind != "literal" and markdown:  # data words; only at a line's start can they open a block
                starts_line = not parts or parts[-1].endswith("\n")
                text = escape.markdown(text) if starts_line else escape.markdown_inline(text)
            if kind == "number":
                spans.append(Span(segment[1], at, at + len(text), value))
            parts.append(text)
            at += len(text)
        return "".join(parts), spans

    @property
    def plain(self) -> str:
        return self.render(markdown=False)[0]

    @property
    def markdown(self) -> str:
        return self.render(markdown=True)[0]

    def __str__(self) -> str:
        return self.plain

    def __add__(self, other) -> "Text":
        return Text(self.segments + _segments("", other))

    def __radd__(self, other) -> "Text":
        return Text(_segments("", other) + self.segments)


def _segments(name: str, value) -> list[tuple]:
    if isinstance(value, Text):
        return list(value.segments)
    if _is_number(value):
        return [("number", name, value)]
    if isinstance(value, str):
        if re.search(r"\d", value):
            raise ValueError(f"{{{name}}}: {value!r} has a digit; pass it as a belarus2020.writing.ledger number "
                             f"(ledger.words for a name or words from the data) so the ledger records it")
        return [("words", value)]
    raise TypeError(f"{{{name}}}: {type(value).__name__} {value!r} cannot go into prose; "
                    f"make it a belarus2020.writing.ledger number, which records what it was computed from")


def fill(template, **values) -> Text:
    """The template (text, or a section of a prose file) with each {name} replaced by its value.

    Digits typed into the template must be dates or references (see `bare_digits`).
    """
    template = getattr(template, "text", template)
    typed = "".join(literal for literal, *_ in string.Formatter().parse(template))
    if bare := bare_digits(typed):
        raise ValueError(f"digits typed into the template: {bare}; compute them and pass them as "
                         f"ledger numbers (only dates and notebook or section references may be typed)")
    segments = []
    for literal, name, spec, conversion in string.Formatter().parse(template):
        if literal:
            segments.append(("literal", literal))
        if name is None:
            continue
        if spec or conversion or not name.isidentifier():
            raise ValueError(f"{{{name}}}: write a plain name; the value brings its own format")
        if name not in values:
            raise KeyError(f"the template needs {{{name}}}; values given: {sorted(values)}")
        segments += _segments(name, values[name])
    unused = set(values) - {name for _, name, _, _ in string.Formatter().parse(template) if name}
    if unused:
        raise ValueError(f"values not used by the template: {sorted(unused)}")
    return Text(segments)


def join(separator: str, items) -> Text:
    """Texts, numbers or words joined with a separator (which may not contain digits)."""
    segments = []
    for index, item in enumerate(items):
        if index:
            segments.append(("literal", separator))
        segments += _segments("item", item)
    return Text(segments)


# --- paragraphs from the notebook's prose file -----------------------------------------------

@dataclass(frozen=True)
class Template:
    key: str
    text: str


def prose_file(notebook: str):
    return paths.NOTEBOOKS / f"{notebook}.prose.md"


def templates(notebook: str) -> dict[str, Template]:
    """The paragraph templates of a notebook: each `## key` section of `notebooks/<notebook>.prose.md`."""
    path = paths.record_read(prose_file(notebook))
    text = re.sub(r"<!--.*?-->", "", path.read_text(encoding="utf-8"), flags=re.S)
    found, key, lines = {}, None, []
    for line in text.splitlines() + ["## "]:
        if line.startswith("## "):
            if key is not None:
                found[key] = Template(key, "\n".join(lines).strip())
            key, lines = line[3:].strip(), []
            if key and not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", key):
                raise ValueError(f"{paths.relative(path)}: section '## {key}': name it in lower-case words joined by hyphens")
            if key in found:
                raise ValueError(f"{paths.relative(path)}: section '## {key}' appears twice")
        elif key is not None:
            lines.append(line)
    return found


class Paragraph(Text):
    """A paragraph of commentary: Markdown where it renders, the same words where it doesn't.

    The output's metadata records the paragraph's key and, for each number, where it stands and
    what it stands on; the build reads it from the notebook to write the ledger and the article.
    IPython's Markdown object would fall back to a placeholder as plain text, so this offers the
    words themselves in both forms.
    """

    def __init__(self, template: Template | str, key: str | None = None, **values):
        if isinstance(template, Template):
            key, template = key or template.key, template.text
        if not key or not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", key):
            raise ValueError(f"a paragraph needs a key in lower-case words joined by hyphens, not {key!r}")
        super().__init__(fill(template, **values).segments)
        self.key = key

    def _repr_mimebundle_(self, include=None, exclude=None):
        text, spans = self.render(markdown=True)
        metadata = {"belarus2020": {"paragraph": self.key, "numbers": [s.record() for s in spans]}}
        return {"text/markdown": text, "text/plain": text}, metadata
