"""Findings an editor has accepted: inline markers in the article, and a baseline file.

``<!-- factcheck: ignore -->`` on a claim's line, or ``<!-- factcheck: off -->``
… ``<!-- factcheck: on -->`` around a block (Markdown or HTML), hides the
findings there. A baseline file lists findings by their stable fingerprint:
one already in it is hidden, and comes back when the claim or its source
changes, because the fingerprint does.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from pathlib import Path

import attrs

from factcheck.errors import ConfigError
from factcheck.records import Label, Report
from factcheck.report import fingerprint

__all__ = ["BASELINE_SCHEMA", "accept", "baseline_entries", "marked_lines", "write_baseline"]

BASELINE_SCHEMA = "factcheck.baseline/1"
_MARKER = re.compile(r"<!--\s*factcheck:\s*(ignore|off|on)\s*-->", re.IGNORECASE)


def marked_lines(raw: str) -> frozenset[int]:
    """The 1-based lines of the user's file whose findings are accepted."""
    lines: set[int] = set()
    off_since: int | None = None
    for number, line in enumerate(raw.splitlines(), 1):
        for m in _MARKER.finditer(line):
            word = m.group(1).lower()
            if word == "ignore":
                lines.add(number)
            elif word == "off" and off_since is None:
                off_since = number
            elif word == "on" and off_since is not None:
                lines.update(range(off_since, number + 1))
                off_since = None
        if off_since is not None:
            lines.add(number)
    return frozenset(lines)


def article_key(location: str) -> str:
    """An article as a baseline names it: a path relative to here, with forward slashes, or its URL."""
    if "://" in location or location in {"-", "<text>", "<html>", "<markdown>"}:
        return location
    path = Path(location).resolve()
    try:
        return path.relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def accept(report: Report, baseline: frozenset[tuple[str, str]] = frozenset()) -> Report:
    """The report without the findings its article's markers or the baseline accept (noted, not lost)."""
    marked = marked_lines(report.article.raw)
    key = article_key(report.article.location)
    kept, by_marker, by_baseline = [], 0, 0
    for verdict in report.verdicts:
        if verdict.label is Label.SUPPORTED:
            kept.append(verdict)
        elif report.article.position(verdict.claim.start)[0] in marked:
            by_marker += 1
        elif (key, fingerprint(verdict, report)) in baseline:
            by_baseline += 1
        else:
            kept.append(verdict)
    notes = list(report.notes)
    if by_marker:
        notes.append(f"{by_marker} finding(s) accepted by factcheck markers in the article")
    if by_baseline:
        notes.append(f"{by_baseline} finding(s) already in the baseline")
    return attrs.evolve(report, verdicts=tuple(kept), notes=tuple(notes))


def baseline_entries(path: Path) -> frozenset[tuple[str, str]]:
    """(article, fingerprint) pairs of a baseline file; ConfigError when it is not one."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ConfigError(f"cannot read the baseline {path}: {exc.strerror or exc}") from exc
    except ValueError as exc:
        raise ConfigError(f"the baseline {path} is not JSON: {exc}") from exc
    valid = isinstance(data, dict) and data.get("schema") == BASELINE_SCHEMA and isinstance(data.get("findings"), list)
    if not valid:
        raise ConfigError(f"{path} is not a factcheck baseline (schema {BASELINE_SCHEMA})")
    try:
        return frozenset((str(f["article"]), str(f["fingerprint"])) for f in data["findings"])
    except (KeyError, TypeError) as exc:
        raise ConfigError(f"{path}: a finding without article and fingerprint") from exc


def write_baseline(path: Path, reports: Sequence[Report]) -> int:
    """Write every current finding of ``reports`` to ``path``; returns how many."""
    findings = [
        {
            "article": article_key(report.article.location),
            "fingerprint": fingerprint(v, report),
            "verdict": v.label.value,
            "claim": v.claim.text,
            "reason": v.reason,
        }
        for report in reports
        for v in report.verdicts
        if v.label is not Label.SUPPORTED
    ]
    data = {"schema": BASELINE_SCHEMA, "findings": sorted(findings, key=lambda f: (f["article"], f["fingerprint"]))}
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return len(findings)
