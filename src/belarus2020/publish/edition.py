"""The HTML edition: the article as one self-contained page for publishing.

Charts are inline SVG (with their <title> and <desc>), every number is a link to its evidence
further down the same page (the rows beneath it, with their sources' words), and the page asks
for nothing from outside itself: no fonts, scripts, styles or images from elsewhere. It reads on
a phone: one column, text at a comfortable size, charts scaled to the screen. Data text is
escaped; the few Markdown forms our notebooks use are turned into HTML here.
"""

from __future__ import annotations

import re
from html import escape

from belarus2020.publish import article, evidence
from belarus2020.data import paths

STYLE = """
:root { color-scheme: light; }
body { margin: 0; font: 1.0625rem/1.6 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1a1a1a; background: #fff; }
main { max-width: 44rem; margin: 0 auto; padding: 1rem 1.25rem 4rem; }
h1 { font-size: 1.9rem; line-height: 1.2; margin: 1.5rem 0 1rem; }
h2 { font-size: 1.35rem; margin: 2.5rem 0 0.75rem; }
h3 { font-size: 1.05rem; margin: 1.5rem 0 0.25rem; }
.standfirst { font-size: 1.15rem; color: #333; }
.note { font-size: 0.9rem; color: #555; }
a { color: #0b5394; }
a.num { color: inherit; text-decoration: underline dotted #0b5394; text-underline-offset: 0.2em; }
a.num:hover, a.num:focus { background: #e8f0fb; }
figure { margin: 2rem 0; }
figure svg { width: 100%; height: auto; display: block; }
figcaption { font-size: 0.92rem; color: #333; margin-top: 0.5rem; }
details { margin-top: 0.4rem; }
code { font-size: 0.9em; background: #f3f3f3; padding: 0 0.2em; border-radius: 3px; overflow-wrap: anywhere; }
.evidence { border-top: 1px solid #ddd; padding: 0.5rem 0.5rem 1rem; scroll-margin-top: 1rem; }
.evidence:target { background: #fff8dc; outline: 2px solid #e6b800; }
.evidence ul { padding-left: 1.1rem; }
.evidence li { margin: 0.5rem 0; overflow-wrap: anywhere; }
.evidence .detail { display: block; font-size: 0.9rem; color: #444; }
.sentence { font-style: italic; }
ul.sources li { overflow-wrap: anywhere; font-size: 0.92rem; }
"""

_TOKEN = "\ue000{}\ue001"
ROOT = "../"  # the project root, seen from the edition's folder (analysis/)


def _inline(text: str) -> str:
    """Inline Markdown (escapes, code, links, bold, italic) as HTML; everything else escaped."""
    kept = []

    def keep(html: str) -> str:
        kept.append(html)
        return f"\ue010{len(kept) - 1}\ue011"

    text = re.sub(r"\\(.)", lambda m: keep(escape(m.group(1))), text)
    text = re.sub(r"`([^`]*)`", lambda m: keep(f"<code>{escape(m.group(1))}</code>"), text)
    text = escape(text, quote=False)
    text = re.sub(r"\[([^\]]+)\]\(([^)\s]+)\)",
                  lambda m: f'<a href="{escape(_relative(m.group(2)), quote=True)}">{m.group(1)}</a>', text)
    text = re.sub(r"\*\*(.+?)\*\*", r"<strong>\1</strong>", text)
    text = re.sub(r"\*(.+?)\*", r"<em>\1</em>", text)
    return re.sub("\ue010(\\d+)\ue011", lambda m: kept[int(m.group(1))], text)


def _relative(target: str) -> str:
    """A link written relative to the project root, as seen from the edition's folder."""
    return target if re.match(r"[a-z]+:|#", target) else ROOT + target


def markdown_html(text: str) -> str:
    """The Markdown of our cells and paragraphs (headings, paragraphs, lists) as HTML."""
    text, html = article.link_notebooks(text), []
    for block in re.split(r"\n\s*\n", text.strip()):
        heading = re.match(r"(#{1,6}) (.*)", block)
        if heading:
            level = len(heading.group(1))
            html.append(f"<h{level}>{_inline(heading.group(2))}</h{level}>")
        elif block.lstrip().startswith("- "):
            items = re.split(r"(?m)^\s*- ", block)[1:]
            html.append("<ul>" + "".join(f"<li>{_inline(' '.join(i.split()))}</li>" for i in items) + "</ul>")
        else:
            html.append(f"<p>{_inline(' '.join(block.split()))}</p>")
    return "\n".join(html)


def _number(entry, text: str) -> str:
    return f'<a class="num" id="n-{entry.entry}" href="#ev-{entry.entry}">{escape(text, quote=False)}</a>'


def piece_html(piece) -> str:
    """A paragraph or chart text as HTML, each number a link to its evidence on the page."""
    if piece.markdown:
        marked, at = [], 0
        for index, (start, end, _) in enumerate(piece.spans):
            marked += [piece.text[at:start], _TOKEN.format(index)]
            at = end
        html = markdown_html("".join(marked + [piece.text[at:]]))
    else:
        html, at = [], 0
        for index, (start, end, _) in enumerate(piece.spans):
            html += [escape(piece.text[at:start], quote=False), _TOKEN.format(index)]
            at = end
        html = "".join(html + [escape(piece.text[at:], quote=False)])
    return re.sub("\ue000(\\d+)\ue001", lambda m: _number(piece.spans[int(m.group(1))][2],
                                                            piece.spans[int(m.group(1))][2].printed), html)


def inline_svg(chart_id: str) -> str:
    """The chart's SVG for inlining: no XML prologue or metadata, ids made unique on the page, scalable."""
    svg = (paths.figures_dir() / f"{chart_id}.svg").read_text(encoding="utf-8")
    svg = svg[svg.index("<svg"):]
    svg = re.sub(r"<metadata>.*?</metadata>\s*", "", svg, flags=re.S)
    svg = re.sub(r'\bid="([^"]+)"', lambda m: f'id="{chart_id}-{m.group(1)}"', svg)
    svg = re.sub(r'href="#([^"]+)"', lambda m: f'href="#{chart_id}-{m.group(1)}"', svg)
    svg = re.sub(r"url\(#([^)]+)\)", lambda m: f"url(#{chart_id}-{m.group(1)})", svg)
    svg = re.sub(r"<title>", f'<title id="{chart_id}-title">', svg, count=1)
    svg = re.sub(r"<desc>", f'<desc id="{chart_id}-desc">', svg, count=1)
    opening = re.match(r"<svg\b[^>]*>", svg).group()
    tag = re.sub(r'\s(width|height)="[^"]*"', "", opening)
    tag = tag[:-1] + f' aria-labelledby="{chart_id}-title {chart_id}-desc">'
    return tag + svg[len(opening):]


def figure_html(block) -> str:
    parts = block.parts
    return (f'<figure id="chart-{block.chart}">\n{inline_svg(block.chart)}\n<figcaption>'
            f"<strong>{piece_html(parts['title'])}.</strong> {piece_html(parts['caption'])} "
            f'Chart <code>{block.chart}</code>; <a href="{ROOT}figures/{block.chart}.csv">the data drawn</a>.'
            f"<details><summary>The chart in words</summary><p>{piece_html(parts['alt_text'])}</p></details>"
            "</figcaption>\n</figure>")


def block_html(block) -> str:
    if block.kind == "markdown":
        return markdown_html(block.markdown)
    if block.kind == "paragraph":
        return piece_html(block.piece)
    return figure_html(block)


def evidence_html(entry, records) -> str:
    """One number's evidence: its sentence, how it was made, and each row beneath it with its words."""
    rows = []
    for head, *rest in evidence.entry_lines(entry, records, evidence.Html):
        rows.append(f"<li>{head}" + "".join(f'<span class="detail">{line}</span>' for line in rest) + "</li>")
    how = f" ({escape(entry.how)})" if entry.how else ""
    count = sum(len(v) for v in entry.ids.values())
    return (f'<section class="evidence" id="ev-{entry.entry}">\n<h3>{escape(entry.printed)}</h3>\n'
            f'<p class="sentence">{escape(entry.sentence)}</p>\n'
            f'<p class="note">Entry <code>{entry.entry}</code>. {escape(entry.operation.capitalize())}{how}; '
            f'rows beneath it: {count}. <a href="#n-{entry.entry}">Back to the text</a></p>\n'
            f'<ul>{"".join(rows)}</ul>\n</section>')


def record_html(table: str, rid: str, records) -> str:
    head, *rest = evidence.row_lines(records, table, rid, evidence.Html)
    return (f'<li class="evidence" id="{evidence.row_anchor(table, rid)}">{head}'
            + "".join(f'<span class="detail">{line}</span>' for line in rest) + "</li>")


def html(analysis: article.Article, records) -> str:
    """The HTML edition of the analysis."""
    body = [block_html(b) for b in analysis.body]
    methods = [block_html(b) for b in analysis.methods]
    standfirst = piece_html(analysis.standfirst).replace("<p>", '<p class="standfirst">', 1)
    return "\n".join([
        "<!doctype html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(analysis.title)}</title>",
        '<link rel="icon" href="data:,">',
        f"<style>{STYLE}</style>",
        "</head>",
        "<body>",
        "<main>",
        "<article>",
        f"<h1>{escape(analysis.title)}</h1>",
        standfirst,
        '<p class="note">Every underlined number opens the rows it stands on and the words of their '
        "sources, further down this page.</p>",
        *body,
        "<h2>Methods</h2>",
        *methods,
        "</article>",
        '<section id="evidence">',
        "<h2>Evidence for every number</h2>",
        *(evidence_html(e, records) for e in analysis.entries),
        "<h3>The rows of the larger groups</h3>",
        '<ul class="rows">' + "".join(record_html(table, rid, records) for table, rid in evidence.listed(analysis.entries))
        + "</ul>",
        "</section>",
        '<section id="sources">',
        "<h2>Sources</h2>",
        '<ul class="sources">' + "".join(f"<li>{evidence.source_line(records, i, evidence.Html)}</li>"
                                         for i in analysis.source_ids(records)) + "</ul>",
        "</section>",
        "</main>",
        "</body>",
        "</html>",
    ]) + "\n"
