"""End to end: every fixture case through the CLI, judged against its expected.json.

A case lists every checkable claim of its article (DESIGN.md), so this
measures extraction both ways — no expected claim missed, no claim extracted
that a fact-checker would not list — and the verdict on each. Disagreements
the project knows about are listed in fixtures/baseline.json ("known_misses")
and run as strict xfails: fixing one makes its test fail until the list is
updated, so the list cannot go stale.
"""

from __future__ import annotations

import contextlib
import io
import json
from functools import cache
from typing import Any

import jsonschema
import pytest

from factcheck.cli import main

from .scoring import CaseScore, article_of, baseline, case_dirs, score_case

CASES = case_dirs()
KNOWN = baseline()["known_misses"]


@cache
def _scored(name: str) -> CaseScore:
    """Run the case once through the CLI and score its JSON report."""
    case = next(c for c in CASES if c.name == name)
    with contextlib.redirect_stdout(io.StringIO()) as out:
        status = main(["check", str(article_of(case)), "--source", str(case / "sources"), "--format", "json"])
    report = json.loads(out.getvalue())
    assert status == (1 if any(c["verdict"] == "altered" for c in report["claims"]) else 0)
    return score_case(case, report)


def _expected_params() -> list[Any]:
    params = []
    for case in CASES:
        for want in json.loads((case / "expected.json").read_text(encoding="utf-8"))["claims"]:
            key = f"{case.name}: {want['quote']}"
            reason = KNOWN.get(case.name, {}).get(want["quote"])
            marks = [pytest.mark.xfail(reason=reason, strict=True)] if reason else []
            params.append(pytest.param(case.name, want["quote"], id=key, marks=marks))
    return params


@pytest.mark.parametrize(("case", "quote"), _expected_params())
def test_expected_claim(case: str, quote: str) -> None:
    outcome = next(o for o in _scored(case).outcomes if o.quote == quote)
    assert outcome.found, f"no {outcome.kind} claim covers {quote!r}"
    assert outcome.got == outcome.expected, f"expected {outcome.expected}, got {outcome.got}: {outcome.explanation}"


@pytest.mark.parametrize("case", [c.name for c in CASES])
def test_no_claim_nobody_listed(case: str) -> None:
    allowed = set(KNOWN.get(case, {}).get("<unlisted>", []))
    assert set(_scored(case).unlisted) <= allowed, "extracted claims not in expected.json"


@pytest.mark.parametrize("case", [c.name for c in CASES])
def test_report_is_the_contract(case: str, report_schema: dict[str, Any]) -> None:
    jsonschema.validate(_scored(case).report, report_schema)


def test_there_are_cases_to_run() -> None:
    assert CASES, "no fixture cases found"


def test_renewed_hope_chooses_the_2023_release_over_the_decoy() -> None:
    report = _scored("renewed-hope").report
    decoy = next(s["id"] for s in report["sources"] if "renewed-hope-ii" in s["url"])
    cited = {e["source"] for c in report["claims"] for e in c["evidence"]}
    assert cited
    assert decoy not in cited
    hedged = next(c for c in report["claims"] if c["text"] == "311 children")
    assert {"field": "hedge", "article": None, "source": "probable"} in hedged["differences"]
    assert "probable" in hedged["explanation"]
