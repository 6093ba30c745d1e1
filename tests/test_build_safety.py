"""The build touches nothing outside notebooks/, figures/ and .build/, whatever the data says,
and a build stopped by bad data says so once, without tracebacks."""

import asyncio
import csv
import hashlib
import os
import subprocess
import sys

import nbformat
import pytest

from belarus2020.publish import build
from belarus2020.writing import catalogue
from belarus2020.data import paths

NOISE = ["Traceback", "Exception ignored", "unhandled exception", "DeadKernelError", "Kernel died",
         "AssertionError", "asyncio"]


def digest(folder):
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture
def project(tmp_path, monkeypatch):
    """A scratch project with raw data the build must never touch, and one notebook that saves a chart."""
    raw = tmp_path / "data" / "raw"
    raw.mkdir(parents=True)
    (raw / "sources.csv").write_text("source_id,publisher\nSRC001,AFP\n", encoding="utf-8")
    (tmp_path / "notebooks").mkdir()
    monkeypatch.setattr(paths, "ROOT", tmp_path)
    monkeypatch.setattr(paths, "DATA", tmp_path / "data")
    monkeypatch.setattr(paths, "RAW", raw)
    monkeypatch.setattr(paths, "NOTEBOOKS", tmp_path / "notebooks")
    monkeypatch.setattr(build, "STATE_FILE", tmp_path / ".build" / "state.json")
    monkeypatch.setattr(build, "_code_files", lambda: [])
    monkeypatch.delenv(paths.FIGURES_ENV, raising=False)
    return tmp_path


CHART = """
import pandas as pd
from belarus2020.writing import charts
fig, ax = charts.figure()
data = pd.DataFrame({"x": [1, 2], "y": [3, 4]})
ax.plot(data["x"], data["y"])
charts.save(fig, "small-chart", title="Y rises", caption="Two points.", alt_text="A line rising from 3 to 4.",
            source="Source: test", data=data)
"""


def notebook(project, name="01-chart.ipynb", *sources, inputs=()):
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_markdown_cell("# A test notebook")]
    nb.cells += [nbformat.v4.new_code_cell(s) for s in sources or ("1 + 1",)]
    nb.metadata["belarus2020"] = {"inputs": list(inputs)}
    path = project / "notebooks" / name
    nbformat.write(nb, path)
    return path


def run(*notebooks, **kw):
    return asyncio.run(build.run(list(notebooks), log=lambda line: None, **kw))


def catalogue_with(project, chart_id, notebook_name="01-chart.ipynb", column="chart_id"):
    row = {c: "x" for c in catalogue.COLUMNS}
    row.update({"chart_id": "old-chart", "notebook": notebook_name})
    row[column] = chart_id
    folder = project / "figures"
    folder.mkdir(exist_ok=True)
    with open(folder / "index.csv", "w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, catalogue.COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerow(row)


TRAVERSALS = [
    "../data/raw/sources",
    "../../data/raw/sources",
    "..\\data\\raw\\sources",
    "%2e%2e%2fdata%2fraw%2fsources",
    "..%2fdata%2fraw%2fsources",
    "figures/../../data/raw/sources",
    "sources\n",
    "..",
    ".",
    "",
    "Sources",
    "./sources",
    "sources.csv",
]


@pytest.mark.parametrize("chart_id", TRAVERSALS + ["ABSOLUTE"])
def test_a_chart_id_read_back_from_the_catalogue_cannot_reach_outside_figures(project, chart_id):
    if chart_id == "ABSOLUTE":
        chart_id = str(project / "data" / "raw" / "sources")
    raw = digest(project / "data")
    catalogue_with(project, chart_id)
    path = notebook(project)
    with pytest.raises(build.BuildError, match=r"figures/index.csv, row 2, column 'chart_id'"):
        run(path, force=True)
    assert digest(project / "data") == raw


@pytest.mark.parametrize("name", ["../data/raw/sources.csv", "..\\..\\x.ipynb", "a/b.ipynb", ".."])
def test_a_notebook_name_in_the_catalogue_must_be_a_file_name(project, name):
    catalogue_with(project, name, column="notebook")
    with pytest.raises(build.BuildError, match=r"column 'notebook'"):
        run(notebook(project), force=True)


@pytest.mark.parametrize("chart_id", ["../data/raw/sources", "Bad Id"])
def test_a_chart_id_a_notebook_writes_into_its_own_catalogue_is_checked_too(project, chart_id):
    raw = digest(project / "data")
    cell = (f"from belarus2020.writing import catalogue\n"
            f"catalogue.write([dict(chart_id={chart_id!r}, title='t', caption='c', alt_text='a', sources='s', "
            f"notebook='01-chart.ipynb')])")
    with pytest.raises(build.BuildError, match=r"index.csv, row 2, column 'chart_id'"):
        run(notebook(project, "01-chart.ipynb", cell), force=True)
    assert digest(project / "data") == raw


def test_a_link_in_figures_is_replaced_never_written_through(project):
    raw = digest(project / "data")
    (project / "figures").mkdir()
    link = project / "figures" / "small-chart.png"
    link.symlink_to(project / "data" / "raw" / "sources.csv")
    run(notebook(project, "01-chart.ipynb", CHART), force=True)
    assert digest(project / "data") == raw
    assert not link.is_symlink() and link.read_bytes().startswith(b"\x89PNG")


def test_an_old_chart_file_that_is_a_link_is_removed_as_a_link(project):
    catalogue_with(project, "old-chart")
    target = project / "data" / "raw" / "sources.csv"
    (project / "figures" / "old-chart.csv").symlink_to(target)
    raw = digest(project / "data")
    run(notebook(project), force=True)
    assert digest(project / "data") == raw and not (project / "figures" / "old-chart.csv").exists()


def test_figures_as_a_link_to_raw_data_is_refused(project):
    (project / "figures").symlink_to(project / "data" / "raw")
    raw = digest(project / "data")
    with pytest.raises(build.BuildError, match=r"figures/ is a symbolic link"):
        run(notebook(project, "01-chart.ipynb", CHART), force=True)
    assert digest(project / "data") == raw


def test_the_state_folder_as_a_link_to_raw_data_is_refused(project):
    (project / ".build").symlink_to(project / "data" / "raw")
    raw = digest(project / "data")
    with pytest.raises(build.BuildError, match=r"symbolic link"):
        run(notebook(project), force=True)
    assert digest(project / "data") == raw


@pytest.mark.parametrize("where", ["../data/raw/01-x.ipynb", "data/raw/01-x.ipynb", "notebooks/link.ipynb",
                                   "notebooks/01-link.ipynb", "notebooks/not-numbered.ipynb"])
def test_only_notebooks_in_notebooks_are_run_and_rewritten(project, where):
    real = notebook(project, "01-real.ipynb")
    path = project / where
    path.parent.mkdir(parents=True, exist_ok=True)
    if "link" in where:
        path.symlink_to(project / "data" / "raw" / "sources.csv")
    else:
        path.write_bytes(real.read_bytes())
    raw = digest(project / "data")
    with pytest.raises(build.BuildError, match=r"runs only notebooks/NN-name.ipynb"):
        run(path.absolute(), force=True)
    assert digest(project / "data") == raw


@pytest.mark.parametrize("name", ["../outside.csv", "/etc/hostname", "data/../../outside.csv",
                                  "data\\raw\\sources.csv", "notebooks/01-chart.ipynb"])
def test_declared_inputs_must_be_files_under_data(project, name):
    with pytest.raises(build.BuildError, match=r"inputs are files under data/"):
        run(notebook(project, "01-chart.ipynb", inputs=[name]), force=True)


def test_a_data_error_stops_the_build_with_one_message_and_no_traceback(scratch_project):
    path = scratch_project / "data" / "raw" / "figures.csv"
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    rows[5][rows[0].index("measure")] = "arrested_total"
    with open(path, "w", newline="", encoding="utf-8") as f:
        csv.writer(f, lineterminator="\n").writerows(rows)
    before = digest(scratch_project / "data")
    result = subprocess.run([sys.executable, "-m", "belarus2020", "build", "--force", "--jobs", "2"],
                            cwd=scratch_project, capture_output=True, text=True, timeout=600,
                            env=dict(os.environ, PYTHONPATH=str(scratch_project / "src")))
    assert result.returncode == 1
    assert "data/raw/figures.csv, row 6, column 'measure'" in result.stderr
    assert result.stderr.startswith("build failed: notebooks/")
    assert result.stderr.count("arrested_total") == 1, result.stderr  # several notebooks, one message
    for noise in NOISE:
        assert noise not in result.stderr, result.stderr
    assert digest(scratch_project / "data") == before


def test_saving_a_chart_never_writes_through_a_link(tmp_path, monkeypatch):
    """Outside the build too (a chart saved from JupyterLab): links in figures/ are replaced."""
    import pandas as pd

    from belarus2020.writing import charts

    raw = tmp_path / "raw.csv"
    raw.write_text("source_id\nSRC001\n", encoding="utf-8")
    folder = tmp_path / "figures"
    folder.mkdir()
    for name in ("small-chart.png", "small-chart.svg", "small-chart.csv"):
        (folder / name).symlink_to(raw)
    monkeypatch.setenv(paths.FIGURES_ENV, str(folder))
    fig, ax = charts.figure()
    data = pd.DataFrame({"x": [1, 2], "y": [3, 4]})
    ax.plot(data["x"], data["y"])
    charts.save(fig, "small-chart", title="Y rises", caption="Two points.", alt_text="A line rising from 3 to 4.",
                source="Source: test", data=data)
    assert raw.read_text(encoding="utf-8") == "source_id\nSRC001\n"
    assert not any(f.is_symlink() for f in folder.iterdir())
