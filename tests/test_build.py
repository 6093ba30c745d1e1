"""The build: clean metadata, a failing cell reported and harmless, declared inputs enforced,
and only notebooks whose inputs changed are rebuilt."""

import asyncio
import json
import re
import shutil

import nbformat
import pytest

from belarus2020.publish import build
from belarus2020.data import paths

REAL_DATA = paths.DATA


def notebook(path, *sources, inputs=()):
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_markdown_cell("# A test notebook")]
    nb.cells += [nbformat.v4.new_code_cell(s) for s in sources]
    nb.metadata["belarus2020"] = {"inputs": list(inputs)}
    nbformat.write(nb, path)
    return path


@pytest.fixture
def project(tmp_path, monkeypatch):
    """A scratch project root whose notebooks the build may run and rewrite."""
    (tmp_path / "notebooks").mkdir()
    monkeypatch.setattr(paths, "ROOT", tmp_path)
    monkeypatch.setattr(paths, "NOTEBOOKS", tmp_path / "notebooks")
    monkeypatch.setattr(build, "STATE_FILE", tmp_path / ".build" / "state.json")
    monkeypatch.setenv(paths.FIGURES_ENV, str(tmp_path / "figures"))
    monkeypatch.setattr(build, "_code_files", lambda: [])
    return tmp_path


def run(paths_, **kw):
    return asyncio.run(build.run(paths_, log=lambda line: None, **kw))


def test_failing_cell_names_notebook_cell_and_error_and_leaves_the_file_untouched(project):
    path = notebook(project / "notebooks" / "01-fails.ipynb", "x = 1", "1 / 0", "y = 2")
    before = path.read_bytes()
    with pytest.raises(build.BuildError) as error:
        run([path])
    assert re.search(r"notebooks/01-fails\.ipynb, cell 3: ZeroDivisionError", str(error.value))
    assert path.read_bytes() == before


def test_built_notebook_has_clean_stable_metadata(project):
    path = notebook(project / "notebooks" / "01-ok.ipynb", "print('a')", "2 + 2", "import sys")
    run([path])
    nb = json.loads(path.read_text())
    assert set(nb["metadata"]) == {"kernelspec", "language_info", "belarus2020"}
    assert "version" not in nb["metadata"]["language_info"]
    code = [c for c in nb["cells"] if c["cell_type"] == "code"]
    assert [c["execution_count"] for c in code] == [1, 2, 3]
    assert all(c["metadata"] == {} for c in nb["cells"])
    assert "".join(code[1]["outputs"][0]["data"]["text/plain"]) == "4"
    first = path.read_bytes()
    run([path], force=True)
    assert path.read_bytes() == first


def test_reading_an_undeclared_file_fails_the_build(project):
    shutil.copytree(REAL_DATA, project / "data")
    path = notebook(project / "notebooks" / "01-reads.ipynb",
                    "from belarus2020.data import paths\npaths.record_read(paths.ROOT / 'data' / 'themes.csv')")
    with pytest.raises(build.BuildError, match=r"missing \['data/themes.csv'\]"):
        run([path])


def test_unchanged_notebook_is_skipped_and_a_changed_one_rebuilt(project):
    path = notebook(project / "notebooks" / "01-ok.ipynb", "1 + 1")
    assert [r.skipped for r in run([path])] == [False]
    assert [r.skipped for r in run([path])] == [True]
    assert [r.skipped for r in run([path], force=True)] == [False]
    nb = nbformat.read(path, as_version=4)
    nb.cells[1].source = "1 + 2"
    nbformat.write(nb, path)
    assert [r.skipped for r in run([path])] == [False]


def test_check_reports_the_first_stale_cell_and_writes_nothing(project):
    path = notebook(project / "notebooks" / "01-ok.ipynb", "1 + 1", "2 + 2")
    run([path])
    nb = nbformat.read(path, as_version=4)
    nb.cells[2].outputs[0]["data"]["text/plain"] = "5"
    nbformat.write(nb, path)
    stale = path.read_bytes()
    [result] = run([path], check=True)
    assert result.differences == ["notebooks/01-ok.ipynb: cell 3 differs from a fresh run (outputs)"]
    assert path.read_bytes() == stale


def test_editing_statements_changes_only_the_digests_of_notebooks_that_read_them(tmp_path, monkeypatch):
    shutil.copytree(paths.DATA, tmp_path / "data")
    shutil.copytree(paths.NOTEBOOKS, tmp_path / "notebooks")
    monkeypatch.setattr(paths, "ROOT", tmp_path)
    monkeypatch.setattr(build, "_code_files", lambda: [])
    notebooks = sorted((tmp_path / "notebooks").glob("[0-9][0-9]-*.ipynb"))
    before = {p.name: build.input_digest(p) for p in notebooks}
    statements = tmp_path / "data" / "raw" / "statements.csv"
    statements.write_text(statements.read_text().replace("Dominic Raab", "Dominic Raab ", 1))
    changed = {p.name for p in notebooks if build.input_digest(p) != before[p.name]}
    readers = {p.name for p in notebooks
               if "data/raw/statements.csv" in build.declared_inputs(nbformat.read(p, as_version=4))}
    assert changed == readers
    assert readers and readers != set(before)


def test_a_warning_in_a_cell_fails_the_build(project):
    path = notebook(project / "notebooks" / "01-warns.ipynb", "import warnings\nwarnings.warn('careful')")
    with pytest.raises(build.BuildError, match=r"cell 2: wrote to stderr .*careful"):
        run([path])


def test_a_file_in_the_shared_folder_is_declared_and_digested_by_its_project_name(project, monkeypatch):
    shared = project.parent / "elsewhere"
    (shared / "sources").mkdir(parents=True)
    export = shared / "sources" / "export.json"
    export.write_text("[1]")
    monkeypatch.setenv(paths.SHARED_ENV, str(shared))
    reads = "from belarus2020.data import paths\npaths.record_read(paths.shared_dir() / 'sources' / 'export.json')"
    undeclared = notebook(project / "notebooks" / "01-reads.ipynb", reads)
    with pytest.raises(build.BuildError, match=r"missing \['\.\./shared/sources/export\.json'\]"):
        run([undeclared])
    path = notebook(project / "notebooks" / "01-reads.ipynb", reads, inputs=["../shared/sources/export.json"])
    run([path])
    before = build.input_digest(path)
    export.write_text("[2]")
    assert build.input_digest(path) != before
