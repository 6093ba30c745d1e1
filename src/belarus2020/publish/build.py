"""Execute the notebooks into committed, byte-stable outputs; or check that they are fresh.

One process runs every notebook (importing nbformat costs over a second per process), each
in its own kernel, as many at a time as there are cores to spare: no notebook reads another's
outputs, so they do not depend on each other. Each notebook writes its charts into a scratch
folder; only when all its cells succeed are the notebook and its charts put in place, so a
failing cell leaves the committed files untouched.

Each notebook declares the project files it reads in its metadata (`belarus2020.inputs`). The
build checks the declaration against the files the notebook actually read, and skips a
notebook whose source, inputs, package code and outputs are unchanged since its last build.

The build writes only notebooks/, figures/, its state folder .build/ and the files the article
step derives from the built notebooks (`belarus2020.publish.article`): every path it makes from
data (a notebook named on the command line, a chart id read back from a catalogue, a declared
input) is checked to stay in its folder before anything is read, deleted or written, and a
symbolic link is never written through. A failing notebook stops the build cleanly: notebooks
already running finish, none is started, and the failure is reported once, without tracebacks.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from belarus2020.counts import telegram
from belarus2020.publish import derived, fastimport
from belarus2020.writing import catalogue
from belarus2020.data import paths

STATE_FILE = paths.ROOT / ".build" / "state.json"
NOTEBOOK_NAME = re.compile(r"[0-9]{2}-[a-z0-9-]+\.ipynb")
KERNEL_SPEC = {"name": "python3", "display_name": "Python 3 (ipykernel)", "language": "python"}
LANGUAGE_INFO = {
    "name": "python", "file_extension": ".py", "mimetype": "text/x-python",
    "nbconvert_exporter": "python", "pygments_lexer": "ipython3",
    "codemirror_mode": {"name": "ipython", "version": 3},
}
CELL_TIMEOUT = 600


class BuildError(RuntimeError):
    """A notebook failed, read an undeclared file, or (when checking) differs from a fresh run."""


@dataclass
class Result:
    notebook: Path
    seconds: float = 0.0
    skipped: bool = False
    differences: list[str] = field(default_factory=list)


def discover() -> list[Path]:
    """The analysis notebooks, in their numbered order."""
    return sorted(paths.NOTEBOOKS.glob("[0-9][0-9]-*.ipynb"))


def declared_inputs(nb: dict) -> list[str]:
    return sorted(nb.get("metadata", {}).get("belarus2020", {}).get("inputs", []))


def _inside(path: Path, folder: Path) -> bool:
    """Whether `path`, symbolic links followed, is `folder` or lies inside it."""
    return path.resolve().is_relative_to(folder.resolve())


def check_notebook(path: Path) -> Path:
    """A notebook the build may run and rewrite: NN-name.ipynb, a regular file in notebooks/."""
    if path.resolve().parent != paths.NOTEBOOKS.resolve() or not NOTEBOOK_NAME.fullmatch(path.name) \
            or path.is_symlink() or not path.is_file():
        raise BuildError(f"{path}: the build runs only notebooks/NN-name.ipynb files (not links, not "
                         "files elsewhere)")
    return path


def check_inputs(path: Path, nb: dict) -> list[Path]:
    """The declared inputs as files under data/, the notebook's prose file (notebooks/*.prose.md),
    or files in the shared folder (named `../shared/...`): a declaration cannot point the build elsewhere."""
    files = []
    for name in declared_inputs(nb):
        shared = name.startswith(paths.SHARED_NAME + "/")
        rest = name[len(paths.SHARED_NAME) + 1:] if shared else name
        file = paths.from_relative(name)
        if shared:
            allowed = _inside(file, paths.shared_dir())
        else:
            allowed = _inside(file, paths.ROOT / "data") or (
                _inside(file, paths.ROOT / "notebooks") and name.endswith(".prose.md"))
        if "\\" in name or Path(rest).is_absolute() or ".." in Path(rest).parts or not allowed:
            raise BuildError(f"{paths.relative(path)}: metadata belarus2020.inputs lists {name!r}; inputs are "
                             "files under data/ and the notebook's prose file (notebooks/*.prose.md), named "
                             f"relative to the project root, or files in the shared folder named {paths.SHARED_NAME}/...")
        files.append(file)
    return files


def _figures_folder() -> Path:
    """figures/, refused when it is a link to somewhere else (the build deletes files there)."""
    folder = paths.figures_dir()
    if folder.is_symlink():
        raise BuildError(f"{folder.name}/ is a symbolic link; the build writes charts only into a real folder")
    return folder


def _replace(source: Path, target: Path) -> None:
    """Copy a file into place; a symbolic link at the target is removed, never written through."""
    shutil.copyfile(source, catalogue.unlink_link(target))


def _nbformat():
    """nbformat, imported only when a notebook must run or be compared (it is slow to import)."""
    fastimport.skip_iri_grammar()
    import nbformat

    return nbformat


def _digest(parts) -> str:
    h = hashlib.sha256()
    for part in parts:
        h.update(part if isinstance(part, bytes) else str(part).encode("utf-8"))
        h.update(b"\0")
    return h.hexdigest()


def _code_files() -> list[Path]:
    """What every notebook depends on besides its data: package code, style, pinned libraries."""
    package = sorted((paths.ROOT / "src" / "belarus2020").rglob("*.py"))
    return package + [paths.RCFILE, paths.ROOT / "requirements.lock"]


def input_digest(path: Path) -> str:
    """A hash of everything a notebook's outputs depend on: its cells, declared inputs and our code."""
    nb = json.loads(path.read_text(encoding="utf-8"))
    cells = [(c["cell_type"], "".join(c["source"])) for c in nb["cells"]]
    files = check_inputs(path, nb) + _code_files()
    return _digest([json.dumps(cells), json.dumps(declared_inputs(nb))]
                   + [f"{paths.relative(f)}:{_file_digest(f)}" for f in files])


def _file_digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.exists() else "missing"


def output_digest(path: Path) -> str:
    rows = [r for r in _catalogue() if r["notebook"] == path.name]
    files = [path] + catalogue.chart_files(rows, paths.figures_dir())
    return _digest([json.dumps(rows, sort_keys=True)] + [_file_digest(f) for f in files])


def normalise(nb) -> None:
    """Strip what differs between runs and machines: kernel details, timings, cell ids."""
    nbformat = _nbformat()
    nb.metadata = nbformat.from_dict({
        "kernelspec": KERNEL_SPEC,
        "language_info": LANGUAGE_INFO,
        **({"belarus2020": nb.metadata["belarus2020"]} if "belarus2020" in nb.metadata else {}),
    })
    count = 0
    for index, cell in enumerate(nb.cells, 1):
        cell.id = f"cell-{index:02d}"
        cell.metadata = nbformat.from_dict({k: v for k, v in cell.metadata.items() if k == "tags"})
        if cell.cell_type == "code":
            count += 1
            cell.execution_count = count
            for output in cell.outputs:
                if "execution_count" in output:
                    output.execution_count = count


def kernel_env(notebook: Path, figures_dir: Path, read_log: Path) -> dict:
    env = dict(os.environ)
    env.update({
        "PYTHONHASHSEED": "0",
        "SOURCE_DATE_EPOCH": "0",
        "MATPLOTLIBRC": str(paths.RCFILE),
        paths.NOTEBOOK_ENV: notebook.name,
        paths.FIGURES_ENV: str(figures_dir),
        paths.READ_LOG_ENV: str(read_log),
    })
    return env


async def execute(path: Path, scratch: Path):
    """Run one notebook in a fresh kernel; its charts go to `scratch`. Returns the notebook."""
    nbformat = _nbformat()
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError

    nb = nbformat.read(path, as_version=4)
    for index, cell in enumerate(nb.cells, 1):
        if cell.cell_type == "code" and not cell.source.strip():
            raise BuildError(f"{paths.relative(path)}, cell {index}: empty code cell; delete it")
    read_log = scratch / "reads.txt"
    read_log.touch()
    client = NotebookClient(
        nb, timeout=CELL_TIMEOUT, kernel_name="python3", record_timing=False,
        shutdown_kernel="immediate", resources={"metadata": {"path": str(paths.NOTEBOOKS)}},
        extra_arguments=["--IPKernelApp.log_level=ERROR"],  # not the TCP-transport notice per kernel
    )
    try:
        await client.async_execute(env=kernel_env(path, scratch / "figures", read_log))
    except CellExecutionError as error:
        raise BuildError(_failure(path, nb, error)) from None
    except CellTimeoutError:
        raise BuildError(f"{paths.relative(path)}: a cell ran longer than {CELL_TIMEOUT} s") from None
    except DeadKernelError:
        raise BuildError(f"{paths.relative(path)}: the kernel died (out of memory, or killed)") from None
    for index, cell in enumerate(nb.cells, 1):
        for output in cell.get("outputs", []):
            if output.get("name") == "stderr":  # warnings carry temp paths and process ids
                raise BuildError(f"{paths.relative(path)}, cell {index}: wrote to stderr (fix the cause): "
                                 f"{output.text.strip().splitlines()[-1]}")
    reads = set(read_log.read_text(encoding="utf-8").split())
    declared = set(declared_inputs(nb))
    if reads != declared:
        raise BuildError(
            f"{paths.relative(path)}: metadata belarus2020.inputs must list exactly the files it "
            f"reads; missing {sorted(reads - declared)}, never read {sorted(declared - reads)}")
    normalise(nb)
    return nb


def _failure(path: Path, nb, error) -> str:
    for index, cell in enumerate(nb.cells, 1):
        for output in cell.get("outputs", []):
            if output.output_type == "error":
                return (f"{paths.relative(path)}, cell {index}: "
                        f"{output.ename}: {output.evalue}")
    return f"{paths.relative(path)}: {str(error).strip().splitlines()[-1]}"


def _catalogue(where: Path | None = None) -> list[dict]:
    """The catalogue's rows, each checked; a row the build cannot use safely stops it."""
    try:
        return catalogue.read(where)
    except catalogue.CatalogueError as error:
        raise BuildError(str(error)) from None


def install(path: Path, nb, scratch: Path) -> None:
    """Put a freshly executed notebook and its charts in place of the old ones."""
    folder = _figures_folder()
    new_rows = _catalogue(scratch / "figures" / "index.csv")
    rows = _catalogue()
    taken = {r["chart_id"]: r["notebook"] for r in rows if r["notebook"] != path.name}
    for row in new_rows:
        if row["chart_id"] in taken:
            raise BuildError(f"{paths.relative(path)}: chart id {row['chart_id']!r} is already "
                             f"saved by {taken[row['chart_id']]}")
    for stale in catalogue.chart_files([r for r in rows if r["notebook"] == path.name], folder):
        stale.unlink(missing_ok=True)
    folder.mkdir(parents=True, exist_ok=True)
    for fresh in catalogue.chart_files(new_rows, scratch / "figures"):
        _replace(fresh, folder / fresh.name)
    catalogue.write([r for r in rows if r["notebook"] != path.name] + new_rows)
    _nbformat().write(nb, check_notebook(path))


def compare(path: Path, nb, scratch: Path) -> list[str]:
    """Where the committed notebook and charts differ from a fresh run (empty if fresh)."""
    nbformat = _nbformat()
    name = paths.relative(path)
    committed = nbformat.read(path, as_version=4)
    differences = []
    if nbformat.writes(committed) != nbformat.writes(nb):
        for index, (old, new) in enumerate(zip(committed.cells, nb.cells), 1):
            if old != new:
                part = "outputs" if old.get("source") == new.get("source") else "source"
                differences.append(f"{name}: cell {index} differs from a fresh run ({part})")
                break
        else:
            differences.append(
                f"{name}: differs from a fresh run "
                f"({len(committed.cells)} cells committed, {len(nb.cells)} fresh; or metadata)")
    old_rows = [r for r in _catalogue() if r["notebook"] == path.name]
    new_rows = _catalogue(scratch / "figures" / "index.csv")
    if sorted(old_rows, key=str) != sorted(new_rows, key=str):
        differences.append(f"{name}: its rows in figures/index.csv differ from a fresh run")
    for fresh in catalogue.chart_files(new_rows, scratch / "figures"):
        kept = paths.figures_dir() / fresh.name
        if not kept.exists() or kept.read_bytes() != fresh.read_bytes():
            differences.append(f"figures/{fresh.name} differs from a fresh run of {name}")
    return differences


def orphans() -> list[str]:
    """Files in figures/ that no notebook's catalogue row accounts for."""
    folder = paths.figures_dir()
    known = {f.name for f in catalogue.chart_files(_catalogue(), folder)} | {"index.csv"}
    return sorted(f"figures/{f.name} is in no notebook's catalogue rows"
                  for f in folder.glob("*") if f.is_file() and f.name not in known
                  and not f.name.startswith("."))


def _load_state() -> dict:
    return json.loads(STATE_FILE.read_text()) if STATE_FILE.exists() else {}


def _check_state_file() -> None:
    if STATE_FILE.parent.is_symlink() or STATE_FILE.is_symlink():
        raise BuildError(f"{STATE_FILE.parent.name}/ or its {STATE_FILE.name} is a symbolic link; the build keeps "
                         "its state only in a real folder")


def _save_state(state: dict) -> None:
    _check_state_file()
    STATE_FILE.parent.mkdir(exist_ok=True)
    STATE_FILE.write_text(json.dumps(state, indent=1, sort_keys=True) + "\n")


async def run(notebooks: list[Path], *, check: bool = False, force: bool = False,
              jobs: int = 2, log=print) -> list[Result]:
    """Build (or, with check, verify) the notebooks, `jobs` at a time.

    After a failure no further notebook starts; those running finish (so that every kernel shuts
    down in order), and the failure is raised as one BuildError, a failure several notebooks met
    in the same words named once.
    """
    for path in notebooks:
        check_notebook(path)
    _catalogue()  # every row checked before any notebook runs or any file is deleted
    if not check:
        _figures_folder()
        _check_state_file()
    state = {} if check else _load_state()
    gate = asyncio.Semaphore(jobs)
    total = len(notebooks)
    done = 0
    failures: list[tuple[Path, Exception]] = []

    async def one(path: Path) -> Result:
        nonlocal done
        key = paths.relative(path)
        digest = input_digest(path)
        if not (check or force) and state.get(key) == [digest, output_digest(path)]:
            done += 1
            log(f"[{done}/{total}] {key}: unchanged, skipped")
            return Result(path, skipped=True)
        async with gate:
            if failures:
                done += 1
                log(f"[{done}/{total}] {key}: not run, the build stopped")
                return Result(path, skipped=True)
            start = time.perf_counter()
            with tempfile.TemporaryDirectory(prefix="belarus2020-") as tmp:
                nb = await execute(path, Path(tmp))
                result = Result(path, time.perf_counter() - start)
                if check:
                    result.differences = compare(path, nb, Path(tmp))
                else:
                    install(path, nb, Path(tmp))
                    state[key] = [digest, output_digest(path)]
        done += 1
        verdict = ("fresh" if not result.differences else "STALE") if check else "built"
        log(f"[{done}/{total}] {key}: {verdict} in {result.seconds:.1f} s")
        return result

    async def guarded(path: Path) -> Result | None:
        nonlocal done
        try:
            return await one(path)
        except Exception as error:  # every task ends normally, so no kernel is left to the event loop's shutdown
            failures.append((path, error))
            done += 1
            log(f"[{done}/{total}] {paths.relative(path)}: FAILED")
            return None

    try:
        results = await asyncio.gather(*(guarded(p) for p in notebooks))
    finally:
        if not check:
            _save_state(state)
    unexpected = [error for _, error in failures if not isinstance(error, BuildError)]
    if unexpected:
        raise unexpected[0]  # a bug, not a failure of the data or a notebook: its traceback helps
    if failures:
        raise BuildError(_one_message(failures))
    return results


def _one_message(failures: list[tuple[Path, Exception]]) -> str:
    """The failures, each distinct message once; notebooks that failed in the same words named together."""
    by_message: dict[str, list[str]] = {}
    for path, error in sorted(failures, key=lambda failure: failure[0].name):
        text = str(error)
        where = paths.relative(path)
        if text.startswith(where):  # "notebooks/01-x.ipynb, cell 2: DataError: ..."
            place, _, text = text.partition(": ")
        else:
            place = where
        by_message.setdefault(text, []).append(place)
    return "\n".join(f"{' and '.join(places)}: {text}" for text, places in by_message.items())


TELEGRAM_STATE = paths.ROOT / ".build" / "telegram-verified.txt"


def verify_telegram_extract() -> list[str]:
    """The committed Telegram extract (data/telegram/) checked against the raw exports, where they
    are present; where they are not, said once. A check already passed on the same exports,
    extract and extractor code is not run again, so a no-op build stays fast."""
    if not telegram.exports_present():
        print(f"note: data/telegram/ was not verified against the raw Telegram exports, which are not here; to "
              f"verify it, {telegram.HOW_TO_GET}")
        return []
    files = ([telegram.export_path(e) for e in telegram.EXPORTS] + sorted((paths.DATA / "telegram").glob("*.csv"))
             + sorted((paths.ROOT / "src" / "belarus2020" / "counts").glob("*.py")))
    digest = _digest(f.read_bytes() for f in files)
    if TELEGRAM_STATE.exists() and TELEGRAM_STATE.read_text() == digest:
        return []
    from belarus2020.counts import telegram_extract  # pandas and the extractors, only when a check must run

    problems = telegram_extract.verify()
    if not problems:
        TELEGRAM_STATE.parent.mkdir(exist_ok=True)
        TELEGRAM_STATE.write_text(digest)
    return problems


SENSITIVITY_STATE = paths.ROOT / ".build" / "sensitivity.txt"


def refresh_sensitivity(check: bool) -> list[str]:
    """analysis/sensitivity.csv made again (or, with `check`, compared) when the article's notebook,
    the data or the code changed since it was last made; run in a process of its own, because it
    executes the article's notebook once per variant of the data."""
    from belarus2020.publish import sensitivity

    target = sensitivity.output_path()
    inputs = [paths.NOTEBOOKS / sensitivity.NOTEBOOK] + sorted(p for p in paths.DATA.rglob("*") if p.is_file())
    digest = _digest([p.read_bytes() for p in inputs + _code_files()] + [target.read_bytes() if target.exists() else b""])
    if SENSITIVITY_STATE.exists() and SENSITIVITY_STATE.read_text() == digest:
        return []
    made = subprocess.run([sys.executable, "-m", "belarus2020.publish.sensitivity"], capture_output=True, text=True,
                          env=dict(os.environ, PYTHONHASHSEED="0"), cwd=paths.ROOT)
    if made.returncode != 0:
        raise BuildError(f"{paths.relative(target)} could not be made: {made.stderr.strip().splitlines()[-1]}")
    current = target.read_text(encoding="utf-8") if target.exists() else None
    if current != made.stdout:
        if check:
            return [f"{paths.relative(target)} differs from what the build writes (run `make analysis`)"]
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(made.stdout, encoding="utf-8")
        print(f"wrote {paths.relative(target)}")
    SENSITIVITY_STATE.parent.mkdir(exist_ok=True)
    SENSITIVITY_STATE.write_text(_digest([p.read_bytes() for p in inputs + _code_files()] + [made.stdout.encode()]))
    return []


def main(argv: list[str]) -> int:
    import argparse

    parser = argparse.ArgumentParser(prog="python -m belarus2020 build", description=__doc__.split("\n")[0])
    parser.add_argument("notebooks", nargs="*", type=Path, help="notebooks to build (default: all)")
    parser.add_argument("--check", action="store_true",
                        help="execute into memory and compare with the committed notebooks and figures; write nothing")
    parser.add_argument("--force", action="store_true", help="rebuild even if nothing changed")
    parser.add_argument("--jobs", type=int, default=min(2, os.cpu_count() or 1),
                        help="notebooks run at the same time (default: %(default)s)")
    args = parser.parse_args(argv)
    notebooks = [p.absolute() for p in args.notebooks] or discover()
    start = time.perf_counter()
    problems = verify_telegram_extract()
    if problems:
        print("build failed: the Telegram extract differs from the raw exports:\n"
              + "\n".join(f"  - {p}" for p in problems), file=sys.stderr)
        return 1
    try:
        results = asyncio.run(run(notebooks, check=args.check, force=args.force, jobs=args.jobs))
        problems = [d for r in results for d in r.differences]
        if args.check and not args.notebooks:
            problems += orphans()
    except BuildError as error:
        print(f"build failed: {error}", file=sys.stderr)
        return 1
    if not args.notebooks:
        try:
            problems += refresh_sensitivity(args.check)
        except BuildError as error:
            print(f"build failed: {error}", file=sys.stderr)
            return 1
    if args.check and not args.notebooks:
        problems += derived.differences()
    elif not args.check:
        try:  # the ledger, evidence pages, ANALYSIS.md, the HTML edition and the README's Findings
            written = derived.refresh()
        except (ValueError, KeyError) as error:
            print(f"build failed: {error}", file=sys.stderr)
            return 1
        if written:
            print(f"wrote {', '.join(written)}")
    for problem in problems:
        print(f"  - {problem}", file=sys.stderr)
    elapsed = time.perf_counter() - start
    built = sum(not r.skipped for r in results)
    print(f"{'checked' if args.check else 'built'} {built} of {len(results)} notebooks in {elapsed:.1f} s"
          + (f"; {len(problems)} differences" if args.check else ""))
    return 1 if problems else 0
