"""Dependencies run one way: records/errors/config ← stages ← pipeline ← cli (STYLE.md)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "factcheck"
STAGES = ["article", "claims", "sources", "evidence", "verdicts", "report", "formats"]
LEAVES = ["records", "errors", "config", "_text", "_lexicon", "_html"]


def _imports(module: str) -> set[str]:
    tree = ast.parse((PACKAGE / f"{module}.py").read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("factcheck"):
            found.add(node.module.split(".")[1] if "." in node.module else "")
            found.update(a.name for a in node.names if node.module == "factcheck")
    return found


ALL_BUT_TOP = sorted(p.stem for p in PACKAGE.glob("*.py") if p.stem not in {"cli", "pipeline", "__init__", "__main__"})


def test_the_lists_cover_every_public_stage() -> None:
    assert set(STAGES + LEAVES) <= set(ALL_BUT_TOP)


@pytest.mark.parametrize("module", ALL_BUT_TOP)
def test_no_stage_imports_the_cli_or_the_pipeline(module: str) -> None:
    assert not _imports(module) & {"cli", "pipeline"}


@pytest.mark.parametrize("module", ["errors", "config", "_text", "_lexicon"])
def test_leaves_import_no_stage(module: str) -> None:
    assert not _imports(module) & set(STAGES)


def test_cli_calls_the_library_entry_point() -> None:
    assert "pipeline" in _imports("cli")


@pytest.mark.parametrize("module", ALL_BUT_TOP)
def test_only_fetch_touches_the_network(module: str) -> None:
    """One module does I/O over the network; every other stage is a function of its inputs."""
    tree = ast.parse((PACKAGE / f"{module}.py").read_text(encoding="utf-8"))
    imported = {alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names} | {
        node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.module
    }
    network = {m for m in imported if m.split(".")[0] in {"requests", "requests_cache", "urllib3", "socket"}}
    network |= imported & {"http.client", "urllib.request"}
    assert not network or module == "fetch", network
