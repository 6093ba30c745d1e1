"""ANALYSIS.md, the evidence pages, the ledger and the HTML edition are what the build derives from
the committed notebooks; every number in the article links to an anchor that exists and that
GitHub keeps; every image carries its alt text; data text is escaped."""

import json
import logging
import re
import unicodedata
import xml.etree.ElementTree as ET

import pytest

from belarus2020.publish import article, derived, entries, evidence
from belarus2020.writing import catalogue, prose
from belarus2020.data import paths

ANALYSIS = (paths.ROOT / "ANALYSIS.md").read_text(encoding="utf-8")
LEDGER = {r["entry"]: r for r in article.read_ledger()}
CHARTS = {r["chart_id"]: r for r in catalogue.read(paths.ROOT / "figures" / "index.csv")}


def test_derived_files_are_what_the_build_writes():
    assert derived.differences() == [], "derived files are stale; run `make analysis`"


def github_slug(heading: str) -> str:
    """GitHub's heading anchor (github-slugger): lower case, punctuation and symbols dropped, spaces to hyphens."""
    kept = "".join(c for c in heading.lower()
                   if c in " -_" or unicodedata.category(c)[0] in "LMN")
    return kept.replace(" ", "-")


@pytest.mark.parametrize("heading, slug", [
    ("How many were detained, and by whose count?", "how-many-were-detained-and-by-whose-count"),
    ("1.1 Header", "11-header"), ("What we couldn't reconcile", "what-we-couldnt-reconcile"),
    ("at least 6,700 (Interior Ministry, 12 Aug 2020)", "at-least-6700-interior-ministry-12-aug-2020"),
])
def test_the_slug_function_follows_githubs_rule(heading, slug):
    assert github_slug(heading) == slug


def anchors(markdown: str) -> set:
    """The fragments a Markdown page offers on GitHub: explicit anchors and heading slugs (duplicates numbered)."""
    explicit = set(re.findall(r'<a id="([^"]+)" name="\1"></a>', markdown))
    slugs, seen = set(), {}
    for heading in re.findall(r"^#{1,6} (.+)$", markdown, flags=re.M):
        slug = github_slug(re.sub(r"<[^>]+>|\\(.)", r"\1", heading))
        seen[slug] = seen.get(slug, -1) + 1
        slugs.add(slug if seen[slug] == 0 else f"{slug}-{seen[slug]}")
    assert not explicit & slugs, f"explicit anchors that a heading's slug shadows: {explicit & slugs}"
    return explicit | slugs


def links(markdown: str) -> list[tuple[str, str]]:
    return re.findall(r"\]\((?!https?:)([^)#\s]*)#([^)\s]+)\)", markdown)


@pytest.mark.parametrize("name", ["ANALYSIS.md", "README.md"])
def test_every_evidence_link_reaches_an_anchor_github_keeps(name):
    text = (paths.ROOT / name).read_text(encoding="utf-8")
    found = links(text)
    assert found
    pages = {}
    for target, fragment in found:
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", fragment), fragment
        if target not in pages:
            pages[target] = anchors((paths.ROOT / target).read_text(encoding="utf-8"))
        assert fragment in pages[target], f"{name}: {target}#{fragment} has no such anchor"
        assert fragment in LEDGER, f"{name}: #{fragment} is no ledger entry"


PAGES = sorted((paths.ROOT / "analysis" / "evidence").glob("*.md"))


@pytest.mark.parametrize("page", PAGES, ids=[p.name for p in PAGES])
def test_links_within_an_evidence_page_reach_its_records(page):
    text = page.read_text(encoding="utf-8")
    offered = anchors(text)
    for fragment in re.findall(r"\]\(<#([^>]+)>\)", text):
        assert fragment in offered, f"{page.name}: #{fragment} has no anchor"
    for entry in (e for e in LEDGER.values() if e["notebook"] == page.name.replace(".md", ".ipynb")):
        assert entry["entry"] in offered, f"{page.name}: no anchor for {entry['entry']}"


def test_every_number_in_the_article_links_to_its_evidence():
    prose_part = ANALYSIS[:ANALYSIS.index("\n## Sources")]
    text = re.sub(r"<!--.*?-->", "", prose_part, flags=re.S)
    text = re.sub(r"!\[(?:\\.|[^\]\\])*\]\([^)]*\)", "", text)  # alt texts: checked in the notebooks and catalogue
    text = re.sub(r"\[((?:\\.|[^\]\\])*)\]\(analysis/evidence/[^)#]+\.md#[a-z0-9-]+\)", "", text)
    assert prose.bare_digits(text) == []
    linked = re.findall(r"\]\(analysis/evidence/[^)#]+\.md#([a-z0-9-]+)\)", prose_part)
    article_entries = [e.entry for e in article.assemble(entries.read_notebook(paths.NOTEBOOKS / article.NOTEBOOK)).entries]
    assert sorted(linked) == sorted(article_entries)


def test_the_article_shows_each_chart_with_its_catalogued_alt_text():
    images = re.findall(r"!\[((?:\\.|[^\]\\])*)\]\(figures/([a-z0-9-]+)\.png\)", ANALYSIS)
    assert len(images) >= 3
    for alt, chart_id in images:
        assert re.sub(r"\\(.)", r"\1", alt) == CHARTS[chart_id]["alt_text"]


def test_the_evidence_shows_each_rows_words_source_and_url():
    records = evidence.Records.load()
    page = evidence.page_path(article.NOTEBOOK).read_text(encoding="utf-8")
    for entry in LEDGER.values():
        if not entry["notebook"] == article.NOTEBOOK:
            continue
        assert f'<a id="{entry["entry"]}"' in page
        for fid in [i for i in entry["figure_ids"].split(";") if i]:
            row = records.get("figures", fid)
            assert evidence.Markdown.text(row["phrase"]) in page
            assert evidence.Markdown.text(row["excerpt"]) in page
            assert records.get("sources", row["source_id"])["url"] in page


def test_data_text_is_escaped_in_markdown_and_html():
    hostile = 'a *b* [c](javascript:x) <script>alert(1)</script> | $x$ & more'
    markdown = evidence.Markdown.text(hostile)
    assert "<script>" not in markdown and "[c](" not in markdown and "*b*" not in markdown
    html = evidence.Html.text(hostile)
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert evidence.Markdown.link("t", "https://x.org/a b>c") == "[t](<https://x.org/a b%3Ec>)"


def test_every_svg_has_a_title_and_description_matching_the_catalogue():
    for chart_id, row in CHARTS.items():
        root = ET.parse(paths.ROOT / "figures" / f"{chart_id}.svg").getroot()
        ns = {"svg": "http://www.w3.org/2000/svg"}
        assert root.find("svg:title", ns).text == row["title"]
        assert root.find("svg:desc", ns).text == row["alt_text"]
        assert root.get("role") == "img"


def test_every_chart_in_a_notebook_carries_its_alt_text():
    for path in sorted(paths.NOTEBOOKS.glob("[0-9][0-9]-*.ipynb")):
        for cell in json.loads(path.read_text(encoding="utf-8"))["cells"]:
            for output in cell.get("outputs", []):
                data = output.get("data", {})
                assert "image/png" not in data, f"{path.name}: a PNG without alt text; show charts with charts.save"
                if "chart" in output.get("metadata", {}).get("belarus2020", {}):
                    alt = CHARTS[output["metadata"]["belarus2020"]["chart"]]["alt_text"]
                    assert output["metadata"]["alt"] == alt
                    assert re.search(r'<img src="data:image/png;base64,[^"]+" alt="[^"]+"', "".join(data["text/html"]))


def test_nbconvert_finds_no_image_without_alt_text(caplog):
    import nbformat
    from nbconvert import HTMLExporter

    exporter = HTMLExporter()
    for path in sorted(paths.NOTEBOOKS.glob("[0-9][0-9]-*.ipynb")):
        with caplog.at_level(logging.WARNING):
            html, _ = exporter.from_notebook_node(nbformat.read(path, as_version=4))
        assert "Alternative text is missing" not in caplog.text, path.name
        assert "No description has been provided" not in html, path.name
