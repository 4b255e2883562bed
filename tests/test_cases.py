"""End to end: every fixture case through the CLI, judged against its expected.json.

A case lists every checkable claim of its article (DESIGN.md), so this
measures extraction both ways — no expected claim missed, no claim extracted
that a fact-checker would not list — and the verdict on each.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from factcheck.cli import main

from .conftest import CASES

CASE_DIRS = sorted(p for p in CASES.iterdir() if (p / "expected.json").exists())


def _article(case: Path) -> Path:
    found = [p for p in case.iterdir() if p.stem == "article" and p.suffix in {".html", ".htm", ".md", ".txt"}]
    assert len(found) == 1, f"{case.name}: exactly one article.* file expected, found {found}"
    return found[0]


def _run(case: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, dict[str, Any]]:
    status = main(["check", str(_article(case)), "--source", str(case / "sources"), "--format", "json"])
    return status, json.loads(capsys.readouterr().out)


def _overlaps(claim: dict[str, Any], start: int, end: int) -> bool:
    return claim["start"] < end and start < claim["end"]


@pytest.mark.parametrize("case", CASE_DIRS, ids=[p.name for p in CASE_DIRS])
def test_case(case: Path, capsys: pytest.CaptureFixture[str], report_schema: dict[str, Any]) -> None:
    status, report = _run(case, capsys)
    jsonschema.validate(report, report_schema)
    expected = json.loads((case / "expected.json").read_text(encoding="utf-8"))["claims"]
    text_of = _article_text(case)
    problems: list[str] = []
    matched: set[str] = set()
    for want in expected:
        at = text_of.find(want["quote"])
        if at < 0:
            problems.append(f"expected quote not in the article text: {want['quote']!r}")
            continue
        claims = [
            c for c in report["claims"] if c["kind"] == want["kind"] and _overlaps(c, at, at + len(want["quote"]))
        ]
        if not claims:
            problems.append(f"missed {want['kind']} claim {want['quote']!r}")
            continue
        matched.update(c["id"] for c in claims)
        verdicts = {c["verdict"] for c in claims}
        if want["verdict"] not in verdicts:
            got = "; ".join(f"{c['verdict']}: {c['explanation']}" for c in claims)
            problems.append(f"{want['quote']!r}: expected {want['verdict']}, got {got}")
    problems += [
        f"extracted a claim nobody listed: {c['kind']} {c['text']!r}"
        for c in report["claims"]
        if c["id"] not in matched
    ]
    assert not problems, "\n".join(problems)
    has_altered = any(c["verdict"] == "altered" for c in report["claims"])
    assert status == (1 if has_altered else 0)


def _article_text(case: Path) -> str:
    from factcheck.article import load_article

    return load_article(_article(case)).text


def test_there_is_a_case_to_run() -> None:
    assert CASE_DIRS, "no fixture cases found"


def test_renewed_hope_chooses_the_2023_release_over_the_decoy(
    renewed_hope: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    article, sources = renewed_hope
    main(["check", str(article), "--source", str(sources), "--format", "json"])
    report = json.loads(capsys.readouterr().out)
    decoy = next(s["id"] for s in report["sources"] if "renewed-hope-ii" in s["url"])
    cited = {e["source"] for c in report["claims"] for e in c["evidence"]}
    assert cited
    assert decoy not in cited
    hedged = next(c for c in report["claims"] if c["text"] == "311 children")
    assert {"field": "hedge", "article": None, "source": "probable"} in hedged["differences"]
    assert "probable" in hedged["explanation"]
