"""Scoring a fixture case: the tool's report against the case's expected.json.

Shared by the end-to-end test (which asserts each expected verdict) and the
``nox -s eval`` gate (which reports recall, precision and accuracy per case
and overall, and fails below the floors in fixtures/baseline.json).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from factcheck import Settings, check
from factcheck.article import load_article

ROOT = Path(__file__).resolve().parent.parent
CASES = ROOT / "fixtures" / "cases"
BASELINE = ROOT / "fixtures" / "baseline.json"
LABELS = ("supported", "altered", "unsourced")


@dataclass
class Outcome:
    """One expected claim and what the tool made of it."""

    case: str
    quote: str
    kind: str
    expected: str
    found: bool = False
    got: str | None = None
    explanation: str = ""

    @property
    def key(self) -> str:
        return f"{self.case}: {self.quote}"

    @property
    def correct(self) -> bool:
        return self.found and self.got == self.expected


@dataclass
class CaseScore:
    """Everything measured on one case."""

    name: str
    outcomes: list[Outcome] = field(default_factory=list)
    extracted: int = 0
    unlisted: list[str] = field(default_factory=list)
    report: dict[str, Any] = field(default_factory=dict)

    @property
    def recall(self) -> float:
        return sum(o.found for o in self.outcomes) / max(1, len(self.outcomes))

    @property
    def precision(self) -> float:
        return (self.extracted - len(self.unlisted)) / max(1, self.extracted)

    @property
    def accuracy(self) -> float:
        return sum(o.correct for o in self.outcomes) / max(1, len(self.outcomes))


def case_dirs() -> list[Path]:
    return sorted(p for p in CASES.iterdir() if (p / "expected.json").exists())


def article_of(case: Path) -> Path:
    found = [p for p in case.iterdir() if p.stem == "article" and p.suffix in {".html", ".htm", ".md", ".txt"}]
    if len(found) != 1:
        raise AssertionError(f"{case.name}: exactly one article.* file expected, found {found}")
    return found[0]


def score_case(case: Path, report: dict[str, Any] | None = None) -> CaseScore:
    """Match each expected claim to the extracted claims of the same kind whose span overlaps it."""
    article = article_of(case)
    if report is None:
        report = check(article, [case / "sources"], settings=Settings(discover=False, offline=True)).to_dict()
    text = load_article(article).text
    expected = json.loads((case / "expected.json").read_text(encoding="utf-8"))["claims"]
    score = CaseScore(case.name, extracted=len(report["claims"]), report=report)
    matched: set[str] = set()
    for want in expected:
        outcome = Outcome(case.name, want["quote"], want["kind"], want["verdict"])
        score.outcomes.append(outcome)
        at = text.find(want["quote"])
        if at < 0:
            outcome.explanation = "the quote is not in the article's text"
            continue
        end = at + len(want["quote"])
        claims = [c for c in report["claims"] if c["kind"] == want["kind"] and c["start"] < end and at < c["end"]]
        if not claims:
            continue
        outcome.found = True
        matched.update(c["id"] for c in claims)
        best = next((c for c in claims if c["verdict"] == want["verdict"]), claims[0])
        outcome.got = best["verdict"]
        outcome.explanation = best["explanation"]
    score.unlisted = [f"{c['kind']} {c['text']!r}" for c in report["claims"] if c["id"] not in matched]
    return score


def score_all() -> Iterator[CaseScore]:
    for case in case_dirs():
        yield score_case(case)


def baseline() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(BASELINE.read_text(encoding="utf-8"))
    return data
