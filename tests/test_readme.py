"""The README's first screen says what the project is and gives the two commands; its findings
quote the charts' catalogue exactly, so README and data cannot drift apart."""

import csv
import re

from belarus2020 import build, paths

README = (paths.ROOT / "README.md").read_text(encoding="utf-8")


def catalogue():
    with open(paths.ROOT / "figures" / "index.csv", newline="", encoding="utf-8") as f:
        return {r["chart_id"]: r for r in csv.DictReader(f)}


def test_first_screen_has_the_two_commands():
    first_screen = "\n".join(README.splitlines()[:30])
    assert "make analysis" in first_screen and "make test" in first_screen
    assert "Belarus" in first_screen


def test_findings_quote_the_catalogue_titles_and_alt_texts():
    charts = catalogue()
    findings = re.findall(r"\*\*([^*\n]+?)\.\*\*\n\n!\[([^\]\n]+)\]\(figures/([a-z0-9-]+)\.png\)", README)
    assert 3 <= len(findings) <= 5
    for title, alt_text, chart_id in findings:
        assert chart_id in charts, chart_id
        assert title == charts[chart_id]["title"], f"README title of {chart_id} is stale"
        assert alt_text == charts[chart_id]["alt_text"], f"README alt text of {chart_id} is stale"


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
