"""Private: the formats CI tools and bots read — SARIF, GitHub annotations, JUnit, Markdown, ClaimReview.

Each renders a run (one or more reports). A *finding* is a verdict that is
not supported; a failing finding is one at or above ``--fail-on``.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from collections.abc import Iterator, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from factcheck import __version__
from factcheck.records import Label, Report, Verdict
from factcheck.report import fingerprint
from factcheck.verdicts import REASONS

if TYPE_CHECKING:
    from factcheck.formats import Options

__all__ = [
    "render_claimreview",
    "render_github",
    "render_junit",
    "render_markdown",
    "render_sarif",
    "summary_line",
]

TOOL_URI = "https://pypi.org/project/factcheck-news/"
_LEVEL = {Label.ALTERED: "error", Label.UNSOURCED: "warning"}
_RATING = {Label.SUPPORTED: ("Supported", 3), Label.ALTERED: ("Altered", 1), Label.UNSOURCED: ("Unsourced", 2)}


def summary_line(reports: Sequence[Report]) -> str:
    totals = {label: sum(r.count(label) for r in reports) for label in Label}
    claims = sum(len(r.verdicts) for r in reports)
    articles = f"{len(reports)} article{'s' if len(reports) != 1 else ''}"
    return (
        f"factcheck: {claims} claims in {articles}: {totals[Label.SUPPORTED]} supported, "
        f"{totals[Label.ALTERED]} altered, {totals[Label.UNSOURCED]} unsourced"
    )


def _findings(report: Report) -> Iterator[Verdict]:
    return (v for v in report.verdicts if v.label is not Label.SUPPORTED)


def _path(report: Report, root: Path) -> str:
    """The article as CI tools want it: a path relative to the repository, with forward slashes."""
    location = report.article.location
    if "://" in location or location.startswith("<") or location == "-":
        return location
    path = Path(location).resolve()
    try:
        return path.relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def _region(v: Verdict, report: Report) -> dict[str, int]:
    line, column = report.article.position(v.claim.start)
    end_line, end_column = report.article.position(v.claim.end)
    if (end_line, end_column) <= (line, column):
        end_line, end_column = line, column + len(v.claim.text)
    return {"startLine": line, "startColumn": column, "endLine": end_line, "endColumn": end_column}


def _source_url(report: Report, source_id: str) -> str:
    return next((s.url for s in report.sources if s.id == source_id), source_id)


# --------------------------------------------------------------------- SARIF


def render_sarif(reports: Sequence[Report], options: Options) -> str:
    """SARIF 2.1.0 as GitHub code scanning reads it: a rule per reason, relative URIs, stable fingerprints."""
    used = sorted({v.reason for r in reports for v in _findings(r)})
    rules = [
        {
            "id": reason,
            "name": "".join(part.title() for part in reason.split("-")),
            "shortDescription": {"text": REASONS[reason].capitalize()},
            "fullDescription": {"text": f"factcheck marks a claim {_label_of(reason)} when {REASONS[reason]}."},
            "help": {
                "text": f"{REASONS[reason].capitalize()}. See the verdicts reference for what each field means.",
                "markdown": f"**{reason}**: {REASONS[reason]}. See [the verdicts reference]({TOOL_URI}).",
            },
            "helpUri": TOOL_URI,
            "defaultConfiguration": {"level": "warning" if _label_of(reason) == "unsourced" else "error"},
        }
        for reason in used
    ]
    index = {reason: n for n, reason in enumerate(used)}
    results = []
    for report in reports:
        uri = _path(report, options.root)
        for v in _findings(report):
            message = v.explanation
            if v.evidence:
                message += f" (source: {_source_url(report, v.evidence[0].source)})"
            results.append(
                {
                    "ruleId": v.reason,
                    "ruleIndex": index[v.reason],
                    "level": _LEVEL[v.label] if v.label in options.failing else "note",
                    "message": {"text": message},
                    "locations": [
                        {
                            "physicalLocation": {
                                "artifactLocation": {
                                    "uri": uri,
                                    **({"uriBaseId": "%SRCROOT%"} if "://" not in uri else {}),
                                },
                                "region": {**_region(v, report), "snippet": {"text": v.claim.text}},
                            }
                        }
                    ],
                    "partialFingerprints": {"factcheckFinding/v1": fingerprint(v, report)},
                    "properties": {"verdict": v.label.value, "kind": v.claim.kind.value, "score": v.score},
                }
            )
    sarif = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "factcheck",
                        "version": __version__,
                        "semanticVersion": __version__,
                        "informationUri": TOOL_URI,
                        "rules": rules,
                    }
                },
                "originalUriBaseIds": {"%SRCROOT%": {"uri": options.root.resolve().as_uri() + "/"}},
                "results": results,
            }
        ],
    }
    return json.dumps(sarif, ensure_ascii=False, indent=2) + "\n"


def _label_of(reason: str) -> str:
    if reason in {"no-source-passage", "term-not-in-source", "quote-not-in-source"}:
        return "unsourced"
    return "supported" if reason == "supported" else "altered"


# -------------------------------------------------------------------- GitHub


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render_github(reports: Sequence[Report], options: Options) -> str:
    """Workflow commands GitHub Actions turns into annotations on the diff, then one summary line."""
    lines = []
    for report in reports:
        path = _path(report, options.root)
        for v in _findings(report):
            command = _LEVEL[v.label] if v.label in options.failing else "notice"
            region = _region(v, report)
            props = {
                "file": path,
                "line": str(region["startLine"]),
                "col": str(region["startColumn"]),
                "endLine": str(region["endLine"]),
                "endColumn": str(region["endColumn"]),
                "title": f"factcheck: {v.label.value} {v.claim.kind.value} ({v.reason})",
            }
            joined = ",".join(f"{key}={_escape_property(value)}" for key, value in props.items())
            lines.append(f"::{command} {joined}::{_escape_data(v.claim.text + ' — ' + v.explanation)}")
    lines.append(summary_line(reports))
    return "\n".join(lines) + "\n"


# --------------------------------------------------------------------- JUnit


def render_junit(reports: Sequence[Report], options: Options) -> str:
    """One testsuite per article, one testcase per claim; a failing finding is a failure."""
    suites = ET.Element("testsuites", name="factcheck")
    total_tests = total_failures = 0
    for report in reports:
        name = _path(report, options.root)
        failing = [v for v in report.verdicts if v.label in options.failing]
        suite = ET.SubElement(
            suites, "testsuite", name=name, tests=str(len(report.verdicts)), failures=str(len(failing)), errors="0"
        )
        total_tests += len(report.verdicts)
        total_failures += len(failing)
        for v in report.verdicts:
            line, _ = report.article.position(v.claim.start)
            case = ET.SubElement(
                suite, "testcase", name=f"{v.claim.id} {v.claim.kind.value}: {v.claim.text[:100]}", classname=name
            )
            case.set("file", name)
            case.set("line", str(line))
            if v.label in options.failing:
                failure = ET.SubElement(case, "failure", message=v.explanation, type=v.reason)
                failure.text = _finding_text(v, report)
            elif v.label is not Label.SUPPORTED:
                ET.SubElement(case, "system-out").text = _finding_text(v, report)
    suites.set("tests", str(total_tests))
    suites.set("failures", str(total_failures))
    ET.indent(suites)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(suites, encoding="unicode") + "\n"


def _finding_text(v: Verdict, report: Report) -> str:
    lines = [f"{v.label.value}: {v.explanation}", f"article: {v.claim.text}"]
    for e in v.evidence:
        lines.append(f"source {e.source} ({_source_url(report, e.source)}): {e.passage}")
    lines.extend(f"differs in {d.field}: article {d.article!r}, source {d.source!r}" for d in v.differences)
    return "\n".join(lines)


# ------------------------------------------------------------------ Markdown


def _md(text: str) -> str:
    """Text safe inside a Markdown table cell or list item."""
    return " ".join(text.split()).replace("|", "\\|").replace("*", "\\*").replace("_", "\\_")


def render_markdown(reports: Sequence[Report], options: Options) -> str:
    """A comment a bot can post on a pull request: a summary table, then each finding with its citation."""
    lines = ["## factcheck", "", "| article | supported | altered | unsourced |", "| --- | ---: | ---: | ---: |"]
    for report in reports:
        counts = " | ".join(str(report.count(label)) for label in (Label.SUPPORTED, Label.ALTERED, Label.UNSOURCED))
        lines.append(f"| `{_path(report, options.root)}` | {counts} |")
    for report in reports:
        findings = [v for v in _findings(report) if not options.quiet or v.label in options.failing]
        if not findings:
            continue
        lines += ["", f"### {_md(report.article.title or _path(report, options.root))}", ""]
        for v in sorted(findings, key=lambda v: (v.label is not Label.ALTERED, v.claim.start)):
            line, _ = report.article.position(v.claim.start)
            mark = "❌ altered" if v.label is Label.ALTERED else "⚠️ unsourced"
            lines.append(f"- **{mark}**, line {line}: “{_md(v.claim.text)}”")
            for e in v.evidence[:1]:
                url = _source_url(report, e.source)
                lines.append(f"  - source ([{e.source}]({url})): “{_md(e.passage)}”")
            lines.append(f"  - {_md(v.explanation)}")
    for report in reports if not options.quiet else ():
        if report.notes:  # how the sources were found, and what failed: folded, for whoever asks
            lines += [
                "",
                f"<details><summary>Sources of <code>{_path(report, options.root)}</code>: notes</summary>",
                "",
            ]
            lines += [f"- {_md(note)}" for note in report.notes]
            lines += ["", "</details>"]
    lines += ["", summary_line(reports)]
    return "\n".join(lines) + "\n"


# --------------------------------------------------------------- ClaimReview


def render_claimreview(reports: Sequence[Report], options: Options) -> str:
    """schema.org ClaimReview JSON-LD, one per checked claim, for fact-check markup on a page."""
    reviews: list[dict[str, Any]] = []
    today = date.today().isoformat()
    for report in reports:
        article = report.article
        appearance: dict[str, Any] = {"@type": "CreativeWork", "url": article.url or article.location}
        if article.title:
            appearance["headline"] = article.title
        if article.published:
            appearance["datePublished"] = article.published.isoformat()
        for v in report.verdicts:
            name, value = _RATING[v.label]
            reviews.append(
                {
                    "@context": "https://schema.org",
                    "@type": "ClaimReview",
                    "url": f"{article.url or article.location}#{v.claim.id}",
                    "claimReviewed": v.claim.text,
                    "datePublished": today,
                    "author": {"@type": "Organization", "name": "factcheck", "url": TOOL_URI},
                    "reviewRating": {
                        "@type": "Rating",
                        "ratingValue": value,
                        "bestRating": 3,
                        "worstRating": 1,
                        "alternateName": name,
                        "ratingExplanation": v.explanation,
                    },
                    "itemReviewed": {
                        "@type": "Claim",
                        "appearance": [appearance],
                        "author": {"@type": "Organization", "name": _site(article.url or article.location)},
                        **({"datePublished": article.published.isoformat()} if article.published else {}),
                        "firstAppearance": appearance,
                    },
                }
            )
    return json.dumps(reviews, ensure_ascii=False, indent=2) + "\n"


def _site(location: str) -> str:
    return location.split("/")[2] if "://" in location else "the article's publisher"
