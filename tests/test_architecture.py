"""The import arrows point down: cli -> deliver -> pipeline -> (stages | edges) -> model / errors / config."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "digest"
LAYERS = {  # a module may import only from strictly lower layers (and its own package)
    "cli": 5, "__main__": 6, "deliver": 4, "pipeline": 3,
    "fetch": 2, "llmclient": 2, "store": 2, "mail": 2, "serve": 2, "send": 2, "esp": 2,
    "parse": 2, "extract": 2, "kinds": 1, "group": 2, "rank": 2, "summarise": 2, "render": 2, "schema": 2,
    "model": 0, "errors": 0, "emailtext": 0, "config": 1,
    "output": 1,  # the one atomic writer: send's outbox uses it too
    "guard": 1, "decoder": 1, "transport": 1, "throttle": 1, "memo": 1,
}


def imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = {a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and not node.level:
            names.add(node.module)
            if node.module == "digest":  # `from digest import pipeline` names a module too
                names |= {f"digest.{a.name}" for a in node.names}
    return {n.split(".")[1] for n in names if n.startswith("digest.")}


def test_imports_point_down():
    wrong = []
    for path in PACKAGE.rglob("*.py"):
        own = path.relative_to(PACKAGE).parts[0].removesuffix(".py")
        if own == "__init__":
            continue
        assert own in LAYERS, f"{own}: add the new module to LAYERS"
        for dep in imports(path) - {own}:
            if LAYERS.get(dep, 99) >= LAYERS[own] and not (own == "cli" and dep == "serve"):
                wrong.append(f"{path.relative_to(PACKAGE)} imports digest.{dep}")
    assert not wrong, "imports against the arrows:\n" + "\n".join(wrong)
