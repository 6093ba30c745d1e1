"""How fast is our build, and against what? Wall-clock medians over N runs, side by side.

    .venv/bin/python benchmarks/build_speed.py [--runs N]      (or: make benchmark)

Steps, each timed as a whole (process start included), interleaved round by round so that
a slow moment of the machine does not land on one step only:

(a) build    `python -m belarus2020 build --force`: what `make analysis` costs when every
             notebook must run. One process, one kernel per notebook, 2 at a time. It
             rewrites notebooks and figures in place; on a fresh tree they come out
             byte-identical, so the tree is left unchanged (checked with git before and after).
(b) nbconvert `jupyter nbconvert --to notebook --execute --inplace` on each notebook in
             turn, one process each: the usual way, our baseline. Runs on copies in a
             temporary folder, charts redirected there too; the committed files are untouched.
(c) floor    the same kernels with the same parallelism, each running only its notebook's
             first (import and loading) code cell, from one process that imports nbclient and
             nbformat like (a). No build of these notebooks can be faster: a/c says how much
             of the build is the analysis itself rather than overhead.
(d) no-op    `python -m belarus2020 build` right after (a): every notebook skipped. What an
             author pays for `make analysis` when nothing changed.
(e) tests    `python -m pytest -q -p no:cacheprovider`: the other command run all day.
(f) loading  `datasets.load_figures()` on a generated figures table of 100,000 rows (the real
             rows, then copies with new ids and each excerpt made different; the id pattern
             widened to six digits in the temporary copy of data/ so that they are valid), in a
             fresh process: wall time of the loading call and of the whole process, and the
             process's peak memory (getrusage). Budget: under 15 s and 500 MB.

`--loading-only` runs (f) alone, once per run.

Stdout is a Markdown table; progress goes to stderr. Exit 2 if notebooks/, figures/ or data/
have uncommitted changes before the start (the build would overwrite them), 1 if a step
failed or the tree changed during the run.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PY = sys.executable
JUPYTER = str(Path(PY).parent / "jupyter")
JOBS = min(2, os.cpu_count() or 1)  # the build's default --jobs
WATCHED = ["notebooks", "figures", "data"]
BUILD, NBCONVERT, FLOOR = "(a) build --force", "(b) nbconvert, one process per notebook", "(c) floor: first cells only"


def notebooks() -> list[Path]:
    return sorted((ROOT / "notebooks").glob("[0-9][0-9]-*.ipynb"))  # as build.discover()


def base_env() -> dict:
    """This environment without any BELARUS2020_* redirection a caller may have left set."""
    return {k: v for k, v in os.environ.items() if not k.startswith("BELARUS2020_")}


def git_changes() -> str:
    result = subprocess.run(["git", "status", "--porcelain", "--", *WATCHED],
                            cwd=ROOT, capture_output=True, text=True)
    if result.returncode:
        sys.exit(f"git status failed: {result.stderr.strip()}")
    return result.stdout.rstrip()


def code_version() -> str:
    """HEAD and uncommitted changes to the code the build runs: a change mid-run spoils the timings."""
    head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True)
    src = subprocess.run(["git", "status", "--porcelain", "--", "src", "pyproject.toml", "requirements.lock",
                          "matplotlibrc"], cwd=ROOT, capture_output=True, text=True)
    return head.stdout.strip() + (" + uncommitted changes to " + src.stdout.strip() if src.stdout.strip() else "")


def timed(command: list[str], *, env: dict | None = None, must_pass: bool = True) -> tuple[float, bool]:
    start = time.perf_counter()
    result = subprocess.run(command, cwd=ROOT, env=env or base_env(), capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if result.returncode and must_pass:
        print(f"\nFAILED ({result.returncode}): {' '.join(command)}\n{result.stdout}{result.stderr}",
              file=sys.stderr)
        sys.exit(1)
    return seconds, result.returncode == 0


def build() -> float:
    return timed([PY, "-m", "belarus2020", "build", "--force"])[0]


def noop() -> float:
    return timed([PY, "-m", "belarus2020", "build"])[0]


def nbconvert() -> float:
    with tempfile.TemporaryDirectory(prefix="bench-nbconvert-") as tmp:
        env = {**base_env(), "PYTHONHASHSEED": "0", "BELARUS2020_FIGURES_DIR": str(Path(tmp) / "figures")}
        copies = [Path(shutil.copy(nb, tmp)) for nb in notebooks()]
        start = time.perf_counter()
        for copy in copies:
            timed([JUPYTER, "nbconvert", "--to", "notebook", "--execute", "--inplace", str(copy)], env=env)
        return time.perf_counter() - start


def floor() -> float:
    return timed([PY, __file__, "--floor-child"])[0]


def floor_child() -> None:
    """Run in its own process by (c): each notebook's first code cell, JOBS kernels at a time."""
    import asyncio

    from belarus2020.publish import build as b, fastimport
    from belarus2020.data import paths

    fastimport.skip_iri_grammar()  # as the build does before importing nbformat
    import nbformat
    from nbclient import NotebookClient

    async def first_cell(path: Path, gate: asyncio.Semaphore, tmp: Path) -> None:
        nb = nbformat.read(path, as_version=4)
        nb.cells = [next(c for c in nb.cells if c.cell_type == "code")]
        client = NotebookClient(nb, timeout=b.CELL_TIMEOUT, kernel_name="python3", record_timing=False,
                                shutdown_kernel="immediate",
                                resources={"metadata": {"path": str(paths.NOTEBOOKS)}})
        async with gate:
            await client.async_execute(env=b.kernel_env(path, tmp / path.stem, tmp / f"{path.stem}.reads"))

    async def main(tmp: Path) -> None:
        gate = asyncio.Semaphore(JOBS)
        await asyncio.gather(*(first_cell(p, gate, tmp) for p in b.discover()))

    with tempfile.TemporaryDirectory(prefix="bench-floor-") as tmp:
        asyncio.run(main(Path(tmp)))


LOADING_ROWS = 100_000


def generated_data(folder: Path, rows: int = LOADING_ROWS) -> Path:
    """A copy of data/ whose figures.csv has `rows` valid rows; returns the copy's root."""
    shutil.copytree(ROOT / "data", folder / "data")
    package = folder / "data" / "datapackage.json"
    descriptor = json.loads(package.read_text(encoding="utf-8"))
    figures = next(r for r in descriptor["resources"] if r["name"] == "figures")
    figure_id = next(f for f in figures["schema"]["fields"] if f["name"] == "figure_id")
    figure_id["constraints"]["pattern"] = "^F[0-9]{4,6}$"
    package.write_text(json.dumps(descriptor, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    path = folder / "data" / "raw" / "figures.csv"
    with open(path, newline="", encoding="utf-8") as f:
        header, *real = list(csv.reader(f))
    ids, copies, excerpt = header.index("figure_id"), header.index("copy_of"), header.index("excerpt")
    with open(path, "a", newline="", encoding="utf-8") as f:
        writer = csv.writer(f, lineterminator="\n")
        for n in range(rows - len(real)):
            row = list(real[n % len(real)])
            row[ids], row[copies] = f"F{100000 + n:06d}", ""
            row[excerpt] += f" (copy {n})"  # every excerpt different, as in real data
            writer.writerow(row)
    return folder


def loading() -> tuple[float, float, float]:
    """(loading call s, process s, peak MB) for load_figures on the generated table, in a fresh process."""
    with tempfile.TemporaryDirectory(prefix="bench-loading-") as tmp:
        root = generated_data(Path(tmp))
        start = time.perf_counter()
        child = subprocess.Popen([PY, __file__, "--loading-child", str(root)], cwd=ROOT, env=base_env(),
                                 stdout=subprocess.PIPE, text=True)
        output = child.stdout.read()
        _, status, usage = os.wait4(child.pid, 0)
        seconds = time.perf_counter() - start
        child.returncode = os.waitstatus_to_exitcode(status)
        if child.returncode:
            sys.exit(f"loading failed ({child.returncode}): {output}")
        loaded, call = output.split()
        if int(loaded) != LOADING_ROWS:
            sys.exit(f"loading returned {loaded} rows, not {LOADING_ROWS}")
        return float(call), seconds, usage.ru_maxrss / 1024  # ru_maxrss is in KiB on Linux


def loading_child(root: Path) -> None:
    """Run in its own process by (f): load the generated figures table, print rows and seconds."""
    from belarus2020.data import datasets, paths

    paths.ROOT, paths.DATA, paths.RAW = root, root / "data", root / "data" / "raw"
    start = time.perf_counter()
    figures = datasets.load_figures()
    print(len(figures), f"{time.perf_counter() - start:.3f}")


def tests(passed: list[bool]) -> float:
    seconds, ok = timed([PY, "-m", "pytest", "-q", "-p", "no:cacheprovider"], must_pass=False)
    passed.append(ok)
    return seconds


def print_loading(loads: list[tuple[float, float, float]]) -> None:
    """(f) as a Markdown table: medians and worst of the loading call, the process, peak memory."""
    print(f"(f) validating and loading {LOADING_ROWS:,} figure rows, {len(loads)} runs (budget: 15 s, 500 MB)\n")
    print("| measure | median | max |")
    print("|---|---:|---:|")
    for label, values in zip(("load_figures() s", "whole process s", "peak memory MB"), zip(*loads)):
        print(f"| {label} | {statistics.median(values):.1f} | {max(values):.1f} |")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=3, help="runs of each step (default: %(default)s)")
    parser.add_argument("--loading-only", action="store_true", help="run only (f), loading 100,000 figure rows")
    parser.add_argument("--floor-child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--loading-child", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.floor_child:
        floor_child()
        return 0
    if args.loading_child:
        loading_child(args.loading_child)
        return 0
    if args.loading_only:
        print_loading([loading() for _ in range(args.runs)])
        return 0

    if changes := git_changes():
        print(f"refusing to run: uncommitted changes in {', '.join(WATCHED)} "
              f"(step (a) rewrites them in place):\n{changes}", file=sys.stderr)
        return 2

    version = code_version()
    passed: list[bool] = []
    steps = {  # in the order they run each round; (d) must come right after (a)
        BUILD: build,
        "(d) no-op build": noop,
        NBCONVERT: nbconvert,
        FLOOR: floor,
        "(e) pytest": lambda: tests(passed),
    }
    times: dict[str, list[float]] = {name: [] for name in steps}
    for run in range(1, args.runs + 1):
        for name, step in steps.items():
            print(f"run {run}/{args.runs} {name} ...", end=" ", file=sys.stderr, flush=True)
            times[name].append(step())
            print(f"{times[name][-1]:.2f} s", file=sys.stderr)

    print(f"run {args.runs} x (f) loading ...", file=sys.stderr, flush=True)
    loads = [loading() for _ in range(args.runs)]
    changes = git_changes()
    median = {name: statistics.median(t) for name, t in times.items()}
    a, b, c = (median[n] for n in (BUILD, NBCONVERT, FLOOR))
    print(f"{len(notebooks())} notebooks, {JOBS} at a time in (a) and (c)\n")
    print("| step | median s | min s | max s | runs |")
    print("|---|---:|---:|---:|---:|")
    for name in sorted(times):
        t = times[name]
        print(f"| {name} | {median[name]:.2f} | {min(t):.2f} | {max(t):.2f} | {len(t)} |")
    print(f"\na/b = {a / b:.2f} (build vs nbconvert); a/c = {a / c:.2f} (build vs floor)")
    print(f"tests: {'passed' if all(passed) else 'FAILED'} in {sum(passed)} of {len(passed)} runs\n")
    print_loading(loads)
    print(f"code: {version}")
    if code_version() != version:
        print(f"WARNING: THE CODE CHANGED during the benchmark (now {code_version()}); timings mix versions")
    print(f"machine: {os.cpu_count()} CPUs, Python {platform.python_version()}, {platform.platform()}")
    if changes:
        warning = f"WARNING: THE TREE CHANGED during the benchmark (notebooks/figures/data):\n{changes}"
        print(warning)
        print(warning, file=sys.stderr)
        return 1
    print(f"tree unchanged: `git status --porcelain -- {' '.join(WATCHED)}` empty before and after")
    return 0


if __name__ == "__main__":
    sys.exit(main())
