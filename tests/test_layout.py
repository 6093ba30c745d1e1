"""The package is laid out by concern, and imports run one way: from the top of LAYERS down.

A module may import its own sub-package and any sub-package below it, never one above, and no
chain of imports (at module level or inside a function) comes back to where it started.
"""

import ast
from pathlib import Path

import pytest

from belarus2020.data import paths

PACKAGE = paths.ROOT / "src" / "belarus2020"
LAYERS = ["publish", "writing", "statements", "counts", "data", "numbers"]  # the one allowed direction: down


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports(path: Path) -> set[str]:
    """The project modules `path` imports, anywhere in it, as dotted names."""
    here = module_name(path)
    package = here if path.name == "__init__.py" else here.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name.startswith("belarus2020")}
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                origin = ".".join(base + ([node.module] if node.module else []))
            else:
                origin = node.module or ""
            if not origin.startswith("belarus2020"):
                continue
            for alias in node.names:  # `from belarus2020.counts import claims` imports the module claims
                candidate = f"{origin}.{alias.name}"
                found.add(candidate if (PACKAGE.parent / Path(*candidate.split("."))).with_suffix(".py").exists()
                          else origin)
    return found - {here}


def concern(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if len(parts) > 2 or (len(parts) == 2 and parts[1] in LAYERS) else None


MODULES = {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}
GRAPH = {name: imports(path) for name, path in MODULES.items()}


def direction_problems(graph: dict[str, set[str]]) -> list[str]:
    problems = []
    for module, targets in sorted(graph.items()):
        mine = concern(module)
        for target in sorted(targets):
            theirs = concern(target)
            if mine is None or theirs is None:
                continue
            if LAYERS.index(theirs) < LAYERS.index(mine):
                problems.append(f"{module} imports {target}: {mine} may import only {LAYERS[LAYERS.index(mine):]}")
    return problems


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    found, state = [], {}

    def visit(node, trail):
        state[node] = "open"
        for target in sorted(graph.get(node, ())):
            if state.get(target) == "open":
                found.append(trail[trail.index(target):] + [target])
            elif target not in state:
                visit(target, trail + [target])
        state[node] = "done"

    for node in sorted(graph):
        if node not in state:
            visit(node, [node])
    return found


def test_every_module_lives_in_a_concern():
    loose = [m for m in MODULES if concern(m) is None and m not in ("belarus2020", "belarus2020.__main__")]
    assert loose == [], f"modules outside the sub-packages {LAYERS}: {loose}"
    assert {concern(m) for m in MODULES} - {None} == set(LAYERS)


def test_each_sub_package_says_what_it_owns_and_what_it_must_never_import():
    for layer in LAYERS:
        doc = ast.get_docstring(ast.parse((PACKAGE / layer / "__init__.py").read_text(encoding="utf-8")))
        assert doc and len(doc.splitlines()) >= 2, f"belarus2020.{layer} opens with no docstring of a few lines"
        assert "never" in doc or "nothing" in doc, f"belarus2020.{layer}'s docstring does not say what it must never import"


def test_imports_run_one_way():
    assert direction_problems(GRAPH) == []


def test_no_import_comes_back_to_where_it_started():
    assert cycles(GRAPH) == []


@pytest.mark.parametrize("graph, expected", [
    ({"belarus2020.data.paths": {"belarus2020.writing.prose"}}, 1),  # data reaching up into writing
    ({"belarus2020.writing.prose": {"belarus2020.data.paths"}}, 0),
    ({"belarus2020.counts.claims": {"belarus2020.statements.themes"}}, 1),
])
def test_the_direction_rule_catches_an_upward_import(graph, expected):
    assert len(direction_problems(graph)) == expected


def test_the_cycle_rule_catches_a_circle():
    circle = {"belarus2020.publish.article": {"belarus2020.publish.edition"},
              "belarus2020.publish.edition": {"belarus2020.publish.article"}}
    assert cycles(circle) and cycles({"belarus2020.publish.edition": {"belarus2020.publish.article"}}) == []


def test_imports_inside_functions_are_read_too():
    assert "belarus2020.publish.build" in GRAPH["belarus2020.__main__"]  # imported inside main()
