"""The house stays as built: every import points down the stages, and no import circle forms.

The package's imports are read with ``ast`` (no module is imported), every one of them: at
the top of a module, inside a function, under ``TYPE_CHECKING``. A few milliseconds.
"""

from __future__ import annotations

import ast
from functools import cache
from pathlib import Path

from conftest import ROOT

PACKAGE = ROOT / "quizgen"

# the folders from the bottom up; a module may import from its own folder and those below it.
# Modules directly in quizgen/ (cli, pipeline, batch, ...) are the drivers, on top.
LAYERS = ("base", "quiz", "read", "text", "items", "export")
TOP = len(LAYERS)
APPS = {"review"}  # folders that sit on top beside the drivers
# upward imports owed a move, each with its reason; the test fails when one is no longer there
OWED: dict[tuple[str, str], str] = {}


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def modules() -> dict[str, Path]:
    """Every module of the package, by dotted name."""
    return {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def _resolve(name: str, known: set[str]) -> str | None:
    """The module a dotted name imports: itself, or the package that holds the attribute."""
    while name and name not in known:
        name = name.rpartition(".")[0]
    return name or None


def imports(name: str, path: Path, known: set[str]) -> set[str]:
    """The package's modules that one module imports, wherever in it the import stands."""
    found: set[str] = set()
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            targets = [f"{base}.{alias.name}" for alias in node.names]
        else:
            continue
        for target in targets:
            if target.split(".")[0] == "quizgen":
                module = _resolve(target, known)
                if module is not None and module != name:
                    found.add(module)
    return found


@cache
def graph() -> dict[str, set[str]]:
    """Module -> the package's modules it imports."""
    found = modules()
    known = set(found)
    return {name: imports(name, path, known) for name, path in found.items()}


def layer(module: str) -> int:
    """0 for base/ up to TOP for the drivers; -1 for a folder not placed yet (see below)."""
    parts = module.split(".")
    if len(parts) == 1 or (len(parts) == 2 and parts[1] not in LAYERS and parts[1] not in APPS):
        return TOP  # the package itself, or a driver module directly in quizgen/
    folder = parts[1]
    if folder in APPS:
        return TOP
    return LAYERS.index(folder) if folder in LAYERS else -1


def circles(edges: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected groups of more than one module (Tarjan), each a circle or more."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(edges.get(node, ())):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for node in sorted(edges):
        if node not in index:
            visit(node)
    return found


def test_no_import_circle():
    assert circles(graph()) == []


def test_every_import_points_down_the_stages():
    upward = {
        (source, target)
        for source, targets in graph().items()
        for target in targets
        if layer(target) > layer(source)
    }
    assert sorted(upward - set(OWED)) == []
    assert sorted(set(OWED) - upward) == [], "paid: take it off OWED"


def test_every_folder_has_its_place_in_the_layers():
    folders = {p.name for p in PACKAGE.iterdir() if (p / "__init__.py").is_file()}
    assert folders - set(LAYERS) - APPS == set(), "add the new folder to LAYERS or APPS"


def test_the_walk_sees_a_circle_and_an_upward_import():
    """The checks above would catch what they are for: a circle, and text/ reaching into items/."""
    edges = {"quizgen.text.a": {"quizgen.items.b"}, "quizgen.items.b": {"quizgen.text.a"}}
    assert circles(edges) == [["quizgen.items.b", "quizgen.text.a"]]
    assert layer("quizgen.items.b") > layer("quizgen.text.a")
    assert layer("quizgen.cli") == TOP and layer("quizgen.base.errors") == 0


def test_the_walk_finds_imports_inside_functions():
    edges = graph()
    assert "quizgen.pipeline" in edges["quizgen.cli"] or "quizgen.batch" in edges["quizgen.cli"]
    assert "quizgen.text.nlp" in edges["quizgen.text.lexicon"]  # imported inside _tables()
