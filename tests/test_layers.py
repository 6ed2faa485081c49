"""The generator's packages are its stages, and imports run one way: from a stage to the stages
before it, never back up and never in a cycle (docs/architecture.md)."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "generator"

# Lowest first; a module may import from its own layer and the layers before it.
LAYERS = (
    "runtime",
    "core",
    "spec",
    "ir",
    "render",
    "output",
    "pipeline",
    "diff",
    "upstream",
    "cli",
)
TOP_LEVEL = {"__init__.py", "__main__.py", "cli.py", "pipeline.py"}


def _layer(module: str) -> str:
    """The layer of ``generator.x.y`` (the package root and __main__ count as the CLI)."""
    parts = module.split(".")
    if len(parts) == 1 or parts[1] == "__main__":
        return "cli"
    return parts[1]


def _module(path: Path) -> tuple[str, str]:
    """(module name, the package a relative import starts from)."""
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
        return ".".join(parts), ".".join(parts)
    return ".".join(parts), ".".join(parts[:-1])


def _modules() -> set[str]:
    return {_module(path)[0] for path in PACKAGE.rglob("*.py")}


def _imports() -> list[tuple[str, str, int]]:
    """(importing module, imported module, line) for every import of the generator's own code,
    type-checking-only imports included: they are dependencies all the same."""
    modules = _modules()
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        module, package = _module(path)
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom):
                if node.level:
                    base = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                    target = ".".join([*base, *([node.module] if node.module else [])])
                else:
                    target = node.module or ""
                # `from generator.spec import load` imports the submodule.
                targets = [
                    f"{target}.{alias.name}" if f"{target}.{alias.name}" in modules else target
                    for alias in node.names
                ]
            elif isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            else:
                continue
            found += [(module, t, node.lineno) for t in targets if t.startswith("generator.")]
    return found


def test_only_the_entry_points_sit_at_the_top() -> None:
    modules = {p.name for p in PACKAGE.glob("*.py")}
    assert modules == TOP_LEVEL
    packages = {p.name for p in PACKAGE.iterdir() if (p / "__init__.py").exists()}
    assert packages == set(LAYERS) - {"pipeline", "cli"}


def test_every_stage_package_says_what_it_takes_and_gives() -> None:
    for layer in set(LAYERS) - {"pipeline", "cli"}:
        assert ast.get_docstring(ast.parse((PACKAGE / layer / "__init__.py").read_text()))


def test_no_import_points_back_up_a_layer() -> None:
    upward = [
        f"{module}:{line} imports {target}"
        for module, target, line in _imports()
        if LAYERS.index(_layer(target)) > LAYERS.index(_layer(module))
    ]
    assert upward == []


def test_no_module_imports_itself_back_through_others() -> None:
    modules = _modules()
    graph: dict[str, set[str]] = {module: set() for module in modules}
    for module, target, _ in _imports():
        # `from .x import Name` names a module or something in one.
        graph[module].add(target if target in modules else target.rpartition(".")[0])
    cycles = [
        component
        for component in _strongly_connected(graph)
        if len(component) > 1 or component[0] in graph[component[0]]
    ]
    assert cycles == []


def test_the_checks_see_the_imports_they_judge() -> None:
    assert ("generator.pipeline", "generator.spec.load", 0) in {
        (module, target, 0) for module, target, _ in _imports()
    }
    assert _strongly_connected({"a": {"b"}, "b": {"a"}, "c": {"a"}}) == [["b", "a"], ["c"]]


def _strongly_connected(graph: dict[str, set[str]]) -> list[list[str]]:
    """Tarjan's algorithm: the graph's strongly connected components."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    components: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for successor in sorted(graph.get(node, ())):
            if successor not in index:
                visit(successor)
                low[node] = min(low[node], low[successor])
            elif successor in stack:
                low[node] = min(low[node], index[successor])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                component.append(member)
                if member == node:
                    break
            components.append(component)

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return components
