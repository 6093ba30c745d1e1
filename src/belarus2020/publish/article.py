"""The written analysis for readers, assembled from notebook 00's own outputs; and what the build writes with it.

ANALYSIS.md is the headline notebook read as an article: its title, its summary ("In short")
as the standfirst, its headings, paragraphs and charts in order, its methods note and caveats,
and the sources beneath its numbers. Nothing is written twice: the sentences are the notebook's
outputs, and every number links to its entry in the evidence page. `outputs()` is everything
the build derives from the committed notebooks: the claims ledger, the evidence pages, this
article, the HTML edition and the README's Findings; `write()` puts them in place and
`differences()` names any that are stale.
"""

from __future__ import annotations

import csv
import posixpath
import re
from dataclasses import dataclass, field
from pathlib import Path

from belarus2020.publish import entries, evidence
from belarus2020.data import paths
from belarus2020.writing.escape import markdown as markdown_escape

NOTEBOOK = "00-explain-the-crackdown.ipynb"
FINDINGS = ("<!-- findings: written by `make analysis` from the article's charts (figures/index.csv); edit notebook 00, not this -->",
            "<!-- end of findings -->")


@dataclass
class Block:
    kind: str  # "markdown" (a Markdown cell), "paragraph" or "chart"
    markdown: str = ""
    piece: entries.Piece | None = None
    parts: dict = field(default_factory=dict)  # a chart's title, caption and alt text, as pieces
    chart: str = ""


@dataclass
class Article:
    title: str
    standfirst: entries.Piece
    body: list
    methods: list
    notebook: entries.Notebook

    @property
    def entries(self) -> list:
        """The ledger entries of every number the article prints, in reading order."""
        pieces = [self.standfirst]
        for block in self.body + self.methods:
            pieces += [block.piece] if block.piece else [block.parts[k] for k in entries.CHART_PARTS if block.parts]
        return [e for p in pieces for _, _, e in p.spans]

    def source_ids(self, records: evidence.Records) -> list[str]:
        """The sources beneath the article's numbers, copies' sources included."""
        return sorted({s for e in self.entries for s in records.source_ids(e.ids)})


def source(cell) -> str:
    return "".join(cell["source"])


def assemble(notebook: entries.Notebook) -> Article:
    """The article's parts, in the notebook's order; cells tagged `notebook-only` stay out."""
    title = next(line[2:].strip() for line in source(notebook.cells[0]).splitlines() if line.startswith("# "))
    standfirst, body, methods = None, [], []
    for index, cell in enumerate(notebook.cells[1:], 2):
        tags = cell.get("metadata", {}).get("tags", [])
        if "notebook-only" in tags:
            continue
        target = methods if "methods" in tags else body
        if cell["cell_type"] == "markdown":
            target.append(Block("markdown", markdown=rebase(source(cell), "notebooks")))
            continue
        pieces = [p for p in notebook.pieces if p.cell == index]
        for piece in pieces:
            if piece.chart is None and "standfirst" in tags:
                standfirst = piece
            elif piece.chart is None:
                target.append(Block("paragraph", piece=piece))
        charts = {}
        for piece in pieces:
            if piece.chart:
                charts.setdefault(piece.chart, {})[piece.part] = piece
        target += [Block("chart", parts=parts, chart=chart) for chart, parts in charts.items()]
    if standfirst is None:
        raise ValueError(f"notebooks/{notebook.name}: no paragraph in a cell tagged 'standfirst'")
    return Article(title, standfirst, body, methods, notebook)


def rebase(markdown: str, folder: str) -> str:
    """Relative links of a Markdown text written in `folder`, rewritten relative to the project root."""
    def fix(m):
        target = m.group(2)
        if re.match(r"[a-z]+:|#|/", target):
            return m.group()
        return f"{m.group(1)}({posixpath.normpath(posixpath.join(folder, target))})"
    return re.sub(r"(\]\s?)\(([^)\s]+)\)", fix, markdown)


def linked(piece: entries.Piece, href) -> str:
    """The piece as Markdown with each number a link to its evidence; plain pieces escaped first."""
    out, at = [], 0
    for start, end, entry in piece.spans:
        before, number = piece.text[at:start], piece.text[start:end]
        if not piece.markdown:
            before, number = markdown_escape(before), markdown_escape(number)
        out += [before, f"[{number}]({href(entry)})"]
        at = end
    rest = piece.text[at:]
    out.append(rest if piece.markdown else markdown_escape(rest))
    return "".join(out)


def evidence_href(entry: entries.Entry) -> str:
    """Where a number's evidence is, from the project root."""
    return f"analysis/evidence/{Path(entry.notebook).stem}.md#{entry.entry}"


def chart_markdown(block: Block, href) -> list[str]:
    parts = block.parts
    alt = markdown_escape(parts["alt_text"].text)
    return [
        f"![{alt}](figures/{block.chart}.png)", "",
        f"**{linked(parts['title'], href)}.** {linked(parts['caption'], href)} Chart `{block.chart}`; "
        f"the data drawn: [`figures/{block.chart}.csv`](figures/{block.chart}.csv).", "",
        "<details><summary>The chart in words</summary>", "",
        linked(parts["alt_text"], href), "", "</details>", "",
    ]


def sources_markdown(article: Article, records: evidence.Records) -> list[str]:
    return ["## Sources", "",
            "The documents beneath the numbers above, with the copies of each claim we found; "
            "`data/raw/sources.csv` describes each one.", ""] + [
        f"- {evidence.source_line(records, i)}" for i in article.source_ids(records)]


def markdown(article: Article, records: evidence.Records) -> str:
    """ANALYSIS.md."""
    href = evidence_href
    page = f"analysis/evidence/{Path(article.notebook.name).stem}.md"
    lines = [
        f"<!-- Written by `make analysis` from notebooks/{article.notebook.name} and its prose file; "
        "edit those, not this file. -->",
        f"# {article.title}", "",
        f"*{linked(article.standfirst, href)}*", "",
        f"Every number below links to the rows it stands on and the words of their sources ([all of them]({page})). "
        f"The same analysis for publishing: [`analysis/belarus-2020.html`](analysis/belarus-2020.html), one "
        "self-contained page.", "",
    ]
    for block in article.body:
        lines += block_markdown(block, href)
    lines += ["## Methods", ""]
    for block in article.methods:
        lines += block_markdown(block, href)
    lines += [
        f"This article is [`notebooks/{article.notebook.name}`](notebooks/{article.notebook.name}) read as "
        "prose: its paragraphs and charts, in order, as the build last ran it. Each number is recorded in the "
        "claims ledger, `analysis/ledger.csv`, with the operation that made it and every row beneath it; a "
        "derived number lists all of its rows. The other notebooks and `data/README.md` give the details.", "",
    ]
    lines += sources_markdown(article, records)
    return "\n".join(lines).rstrip() + "\n"


def block_markdown(block: Block, href) -> list[str]:
    if block.kind == "markdown":
        return [link_notebooks(block.markdown), ""]
    if block.kind == "paragraph":
        return [link_notebooks(linked(block.piece, href)), ""]
    return chart_markdown(block, href)


def link_notebooks(markdown: str, root: str = "") -> str:
    """'(notebook 01)' in the article becomes a link to that notebook."""
    names = {p.name[:2]: p.name for p in paths.NOTEBOOKS.glob("[0-9][0-9]-*.ipynb")}
    return re.sub(r"\bnotebook (\d\d)\b", lambda m: f"[notebook {m.group(1)}]({root}notebooks/{names[m.group(1)]})"
                  if m.group(1) in names else m.group(), markdown)


def findings(article: Article) -> str:
    """The README's Findings: the article's charts, titles linked to their evidence, images with alt text."""
    lines = [FINDINGS[0], ""]
    for block in article.body:
        if block.kind == "chart":
            lines += [f"**{linked(block.parts['title'], evidence_href)}.**", "",
                      f"![{markdown_escape(block.parts['alt_text'].text)}](figures/{block.chart}.png)", ""]
    return "\n".join(lines + [FINDINGS[1]])


def readme(text: str, article: Article) -> str:
    """README.md with its Findings replaced by what the build writes."""
    start, end = text.find(FINDINGS[0]), text.find(FINDINGS[1])
    if start < 0 or end < start:
        raise ValueError(f"README.md must keep the Findings markers:\n{FINDINGS[0]}\n{FINDINGS[1]}")
    return text[:start] + findings(article) + text[end + len(FINDINGS[1]):]


def read_ledger(path: Path | None = None) -> list[dict]:
    with open(path or entries.ledger_path(), newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))
