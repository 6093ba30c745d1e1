"""The README's first screen says what the project is, links the article and gives the two
commands; its Findings are what the build writes from the article's charts, so a correct change
of the data never needs a hand edit here."""

import re

from belarus2020.publish import article, build, entries
from belarus2020.data import paths

README = (paths.ROOT / "README.md").read_text(encoding="utf-8")


def test_first_screen_links_the_article_first_and_has_the_two_commands():
    first_screen = "\n".join(README.splitlines()[:30])
    assert "make analysis" in first_screen and "make test" in first_screen
    assert "Belarus" in first_screen
    links = re.findall(r"\]\(([^)]+)\)", README)
    assert links[0] == "ANALYSIS.md"


def test_findings_are_what_the_build_writes():
    notebook = entries.read_notebook(paths.NOTEBOOKS / article.NOTEBOOK)
    expected = article.readme(README, article.assemble(notebook))
    if README != expected:
        ours, theirs = README.splitlines(), expected.splitlines()
        line = next((i for i, (a, b) in enumerate(zip(ours, theirs)) if a != b), min(len(ours), len(theirs)))
        raise AssertionError(f"README.md line {line + 1} differs from what the build writes; run `make analysis`.\n"
                             f"  README: {ours[line] if line < len(ours) else '(end)'}\n"
                             f"  build:  {theirs[line] if line < len(theirs) else '(end)'}")


def test_findings_show_each_chart_of_the_article_with_its_alt_text():
    start, end = README.index(article.FINDINGS[0]), README.index(article.FINDINGS[1])
    findings = README[start:end]
    images = re.findall(r"!\[([^\n]+?)\]\(figures/([a-z0-9-]+)\.png\)", findings)
    notebook = entries.read_notebook(paths.NOTEBOOKS / article.NOTEBOOK)
    charts = [p for p in notebook.pieces if p.part == "alt_text"]
    assert [chart_id for _, chart_id in images] == [p.chart for p in charts]
    assert all(len(alt) >= 60 for alt, _ in images)


def test_findings_must_keep_their_markers():
    import pytest

    notebook = entries.read_notebook(paths.NOTEBOOKS / article.NOTEBOOK)
    with pytest.raises(ValueError, match="markers"):
        article.readme(README.replace(article.FINDINGS[1], ""), article.assemble(notebook))


def test_every_notebook_is_in_the_readme_table():
    for path in build.discover():
        assert f"(notebooks/{path.name})" in README, path.name


def test_ci_runs_the_readme_test_command():
    assert "make test" in (paths.ROOT / ".ci" / "run").read_text()


def test_citation_carries_the_latest_changelog_version():
    changelog = (paths.ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    latest = re.search(r"^## (\d+\.\d+\.\d+) \(", changelog, re.M)[1]
    citation = (paths.ROOT / "CITATION.cff").read_text(encoding="utf-8")
    assert re.search(r"^version: (\S+)$", citation, re.M)[1] == latest, "update CITATION.cff's version"
