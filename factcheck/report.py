"""Stage 5 — takes a Report; returns its JSON form (schema factcheck.report/1).

The JSON form is the contract other tools read (DESIGN.md): every key is
always present, dates are ISO 8601, and failed sources are listed with their
error rather than dropped.
"""

from __future__ import annotations

import hashlib
from typing import Any

from factcheck.records import Evidence, Label, Report, Source, Verdict, iso

__all__ = ["SCHEMA", "fingerprint", "report_to_dict"]

SCHEMA = "factcheck.report/1"


def report_to_dict(report: Report) -> dict[str, Any]:
    """The report as plain data, exactly as DESIGN.md specifies."""
    article = report.article
    return {
        "schema": SCHEMA,
        "article": {
            "location": article.location,
            "title": article.title,
            "published": iso(article.published),
            "sha256": article.sha256,
        },
        "sources": [_source(s) for s in report.sources],
        "claims": [_claim(v, report) for v in report.verdicts],
        "summary": {label.value: report.count(label) for label in Label},
    }


def fingerprint(verdict: Verdict, report: Report) -> str:
    """A finding's identity across runs: what the claim says, its kind and verdict, and what it was checked
    against — not where it sits, so an edit elsewhere in the file leaves it alone, and a change to the claim
    or to its source's words gives a new one."""
    claim = verdict.claim
    cited = {s.id: s.url for s in report.sources}
    evidence = "|".join(f"{cited.get(e.source, e.source)}:{' '.join(e.passage.split())}" for e in verdict.evidence)
    key = "\x1f".join((claim.kind.value, " ".join(claim.text.split()), verdict.reason, evidence))
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]


def _source(source: Source) -> dict[str, Any]:
    return {
        "id": source.id,
        "url": source.url,
        "title": source.title,
        "publisher": source.publisher,
        "published": iso(source.published),
        "fetched_at": iso(source.fetched_at),
        "sha256": source.sha256,
        "status": source.status,
        "error": source.error,
    }


def _claim(verdict: Verdict, report: Report) -> dict[str, Any]:
    claim = verdict.claim
    line, column = report.article.position(claim.start)
    return {
        "id": claim.id,
        "kind": claim.kind.value,
        "text": claim.text,
        "sentence": claim.sentence,
        "start": claim.start,
        "end": claim.end,
        "line": line,
        "column": column,
        "verdict": verdict.label.value,
        "score": verdict.score,
        "explanation": verdict.explanation,
        "evidence": [_evidence(e) for e in verdict.evidence],
        "differences": [{"field": d.field, "article": d.article, "source": d.source} for d in verdict.differences],
    }


def _evidence(evidence: Evidence) -> dict[str, Any]:
    return {
        "source": evidence.source,
        "passage": evidence.passage,
        "start": evidence.start,
        "end": evidence.end,
        "similarity": evidence.similarity,
    }
