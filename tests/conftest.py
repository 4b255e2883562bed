"""Shared paths and helpers. The network is blocked for the whole run (pytest-socket, see pyproject)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
CASES = FIXTURES / "cases"
SHARED = ROOT.parent / "shared"
REPORT_SCHEMA = SHARED / "schemas" / "report-1.schema.json"


@pytest.fixture(autouse=True)
def _own_user_dirs(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """The HTTP cache and the release archive default to the user's own dirs: never the real ones in tests."""
    home = tmp_path_factory.mktemp("user-dirs")
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / "cache"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))


@pytest.fixture(scope="session")
def report_schema() -> dict[str, Any]:
    """The JSON report contract, read from the project's shared folder."""
    if not REPORT_SCHEMA.exists():
        pytest.fail(f"the shared report schema is missing: {REPORT_SCHEMA}")
    return json.loads(REPORT_SCHEMA.read_text(encoding="utf-8"))


@pytest.fixture
def renewed_hope() -> tuple[Path, Path]:
    """The Renewed Hope case: (article, sources folder)."""
    case = CASES / "renewed-hope"
    return case / "article.html", case / "sources"
