"""The layers hold: core imports no capability, only the site knows them all,
nothing but tests and benchmarks imports the demo, and no module of Sangam
imports one that imports it back (imports inside functions count too)."""

import ast
from pathlib import Path

import sangam
from sangam.core import registry

ROOT = Path(sangam.__file__).parent


def _modules():
    found = {}
    for path in ROOT.rglob("*.py"):
        if "migrations" in path.parts:
            continue
        parts = ["sangam", *path.relative_to(ROOT).with_suffix("").parts]
        if parts[-1] == "__init__":
            parts.pop()
        found[".".join(parts)] = path
    return found


MODULES = _modules()


def _resolve(name):
    while name and name not in MODULES:
        name = name.rpartition(".")[0]
    return name


def _imports():
    graph = {}
    for module, path in MODULES.items():
        targets = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("sangam"):
                for alias in node.names:
                    targets.add(_resolve(f"{node.module}.{alias.name}"))
            elif isinstance(node, ast.Import):
                targets |= {_resolve(a.name) for a in node.names if a.name.startswith("sangam")}
        graph[module] = targets - {module, ""}
    return graph


GRAPH = _imports()


def _app(module):
    return module.split(".")[1] if module.count(".") else ""


def test_core_imports_no_capability_nor_the_site_or_the_demo():
    above = {c.label for c in registry.capabilities()} | {"site", "demo"}
    wrong = {
        (m, t) for m, targets in GRAPH.items() if _app(m) == "core" for t in targets
        if _app(t) in above
    }  # fmt: skip
    assert not wrong


def test_only_the_demo_imports_the_demo():
    wrong = {
        (m, t) for m, targets in GRAPH.items() if _app(m) != "demo" for t in targets
        if _app(t) == "demo"
    }  # fmt: skip
    assert not wrong


def test_no_module_imports_one_that_imports_it_back():
    state, cycle = {}, []

    def visit(module, path):
        state[module] = "open"
        for target in sorted(GRAPH.get(module, ())):
            if state.get(target) == "open":
                cycle.extend([*path, module, target])
                return True
            if target not in state and visit(target, [*path, module]):
                return True
        state[module] = "done"
        return False

    for module in sorted(GRAPH):
        if module not in state and visit(module, []):
            break
    assert not cycle, " -> ".join(cycle)


def test_the_graph_sees_the_imports_it_judges():
    assert "sangam.core.access" in GRAPH["sangam.core.models"]
    assert "sangam.demo.people" in GRAPH["sangam.demo.agencies"]
