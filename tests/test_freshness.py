"""The committed notebooks and figures are what a fresh build makes; raw data is never written;
what readers download stays small."""

import asyncio
import hashlib
import json
import os
import re

import pytest

from belarus2020.publish import build
from belarus2020.data import paths


def digest_tree(folder):
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def fresh_run():
    """Execute every notebook into memory and compare with the committed files (nothing is written)."""
    raw_before = digest_tree(paths.RAW)
    results = asyncio.run(build.run(build.discover(), check=True, log=lambda line: None))
    return results, raw_before, digest_tree(paths.RAW)


def test_every_committed_notebook_and_figure_matches_a_fresh_run(fresh_run):
    results, _, _ = fresh_run
    assert len(results) >= 5
    differences = [d for r in results for d in r.differences] + build.orphans()
    assert not differences, "stale outputs; run `make analysis`:\n" + "\n".join(differences)


def test_a_full_build_never_writes_raw_data(fresh_run):
    _, before, after = fresh_run
    assert before and before == after


NOTEBOOKS = build.discover()


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def test_notebook_is_readable_on_github(path):
    nb = json.loads(path.read_text(encoding="utf-8"))
    assert path.stat().st_size < 1_000_000, "notebook over 1 MB"
    assert re.fullmatch(r"\d\d-[a-z]+(-[a-z0-9]+)+\.ipynb", path.name)
    assert nb["cells"][0]["cell_type"] == "markdown" and "**Question" in "".join(nb["cells"][0]["source"]) \
        or "**Questions" in "".join(nb["cells"][0]["source"])
    counts = [c["execution_count"] for c in nb["cells"] if c["cell_type"] == "code"]
    assert counts == list(range(1, len(counts) + 1))
    assert "widgets" not in nb["metadata"]
    text = json.dumps(nb)
    for leak in {str(paths.ROOT), os.path.expanduser("~")} - {"/"}:
        assert leak not in text
    for cell in nb["cells"]:
        for output in cell.get("outputs", []):
            assert output["output_type"] != "error"
            assert not any(k.startswith("application/vnd.jupyter.widget") or k == "application/javascript"
                           for k in output.get("data", {}))


@pytest.mark.parametrize("png", sorted((paths.ROOT / "figures").glob("*.png")), ids=lambda p: p.name)
def test_figure_png_is_under_300_kb(png):
    assert png.stat().st_size < 300_000
