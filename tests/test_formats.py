"""The CI formats, each checked against what its consumer accepts: the SARIF schema and GitHub's needs,
workflow-command syntax, JUnit XML, a Markdown comment, schema.org ClaimReview, the JSON contract."""

from __future__ import annotations

import json
import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from factcheck import Article, Label, Source, check
from factcheck.cli import main
from factcheck.formats import render
from factcheck.records import Report

from .conftest import CASES, SHARED

SARIF_SCHEMA = SHARED / "schemas" / "sarif-schema-2.1.0.json"
CASE = CASES / "renewed-hope"


@pytest.fixture(scope="module")
def report() -> Report:
    return check(CASE / "article.html", [CASE / "sources"])


def _sarif(reports: Report | list[Report], **options: Any) -> dict[str, Any]:
    return json.loads(render(reports, "sarif", **options))  # type: ignore[no-any-return]


# --------------------------------------------------------------------- SARIF


def test_sarif_is_valid_and_has_what_github_needs(report: Report) -> None:
    sarif = _sarif(report)
    jsonschema.validate(sarif, json.loads(SARIF_SCHEMA.read_text(encoding="utf-8")))
    run = sarif["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert rules
    assert len({r["id"] for r in rules}) == len(rules)  # one rule per finding type
    for rule in rules:
        assert rule["shortDescription"]["text"]
        assert rule["fullDescription"]["text"]
        assert rule["help"]["text"]
    findings = [v for v in report.verdicts if v.label is not Label.SUPPORTED]
    assert len(run["results"]) == len(findings)
    for result in run["results"]:
        location = result["locations"][0]["physicalLocation"]
        uri = location["artifactLocation"]["uri"]
        assert uri == "fixtures/cases/renewed-hope/article.html"  # relative to the repository
        region = location["region"]
        assert {"startLine", "startColumn", "endLine", "endColumn"} <= set(region)
        assert (region["endLine"], region["endColumn"]) > (region["startLine"], region["startColumn"])
        assert re.fullmatch(r"[0-9a-f]{32}", result["partialFingerprints"]["factcheckFinding/v1"])
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]


def test_sarif_levels_follow_the_fail_level(report: Report) -> None:
    levels = {r["properties"]["verdict"]: r["level"] for r in _sarif(report)["runs"][0]["results"]}
    assert levels == {"altered": "error", "unsourced": "note"}
    strict = {r["properties"]["verdict"]: r["level"] for r in _sarif(report, failing=(Label.ALTERED, Label.UNSOURCED))[
        "runs"][0]["results"]}  # fmt: skip
    assert strict == {"altered": "error", "unsourced": "warning"}


def _fingerprints(article: Path) -> dict[str, str]:
    sarif = _sarif(check(article, [CASE / "sources"]))
    return {
        r["locations"][0]["physicalLocation"]["region"]["snippet"]["text"]: r["partialFingerprints"][
            "factcheckFinding/v1"
        ]
        for r in sarif["runs"][0]["results"]
    }


def test_fingerprints_are_stable_and_ignore_unrelated_edits(tmp_path: Path) -> None:
    first = _fingerprints(CASE / "article.html")
    assert first == _fingerprints(CASE / "article.html")  # across runs
    edited = tmp_path / "article.html"
    html = (CASE / "article.html").read_text(encoding="utf-8")
    marker = '<div class="story-body">'
    assert marker in html
    edited.write_text(
        html.replace(
            marker, marker + "\n<p>Readers can write to the newsroom with any correction they may have.</p>\n" * 3
        ),
        encoding="utf-8",
    )
    assert _fingerprints(edited) == first  # lines moved, findings did not
    changed = tmp_path / "changed.html"
    changed.write_text(html.replace("311 children", "312 children"), encoding="utf-8")
    after = _fingerprints(changed)
    assert "312 children" in after
    assert after["312 children"] != first["311 children"]  # the claim changed: a new finding


# -------------------------------------------------------------------- GitHub


COMMAND = re.compile(
    r"^::(error|warning|notice) file=[^,:]+,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=[^:,\n]+::[^\n]+$"
)


def test_github_annotations_then_a_summary(report: Report) -> None:
    lines = render(report, "github").splitlines()
    findings = [v for v in report.verdicts if v.label is not Label.SUPPORTED]
    assert len(lines) == len(findings) + 1
    for line in lines[:-1]:
        assert COMMAND.match(line), line
    assert lines[-1] == "factcheck: 16 claims in 1 article: 5 supported, 8 altered, 3 unsourced"


def test_github_escapes_what_would_break_a_command() -> None:
    article = Article.from_text("Story\n\nPolice said 40% of the 1,200 kilograms: seized.\nMore.\n")
    source = Source.from_text("Release\n\nPolice said 30% of the 1,200 kilograms were seized.\n", url="u")
    line = render(check(article, [source]), "github").splitlines()[0]
    assert "%25" in line  # the percent sign of "40%"
    assert "\n" not in line
    props = line.split("::")[1]
    assert "title=factcheck%3A altered" in props  # a colon in a property is escaped


# --------------------------------------------------------------------- JUnit


def test_junit_suite_per_article_case_per_claim(report: Report) -> None:
    root = ET.fromstring(render([report, report], "junit"))
    assert root.tag == "testsuites"
    suites = root.findall("testsuite")
    assert len(suites) == 2
    cases = suites[0].findall("testcase")
    assert len(cases) == len(report.verdicts)
    failures = [c for c in cases if c.find("failure") is not None]
    assert len(failures) == report.count(Label.ALTERED) == int(suites[0].get("failures", "-1"))
    failure = failures[0].find("failure")
    assert failure is not None
    assert failure.get("message")
    assert failure.text
    assert "source s1" in failure.text
    strict = ET.fromstring(render(report, "junit", failing=(Label.ALTERED, Label.UNSOURCED)))
    assert strict.get("failures") == str(report.count(Label.ALTERED) + report.count(Label.UNSOURCED))


# ------------------------------------------------------------------ Markdown


def test_markdown_comment(report: Report) -> None:
    text = render(report, "markdown")
    assert "| article | supported | altered | unsourced |" in text
    assert "| `fixtures/cases/renewed-hope/article.html` | 5 | 8 | 3 |" in text
    assert "❌ altered" in text
    assert "“311 children”" in text
    assert "(https://www.ice.gov/news/releases/" in text  # the source, as a link
    assert render(report, "markdown", quiet=True).count("⚠️ unsourced") == 0
    assert "- s2 was published on 2024-03-12, after the article" in text  # the notes, folded under <details>
    assert text.index("<details>") < text.index("- s2 was published") < text.index("</details>")
    assert "<details>" not in render(report, "markdown", quiet=True)


# --------------------------------------------------------------- ClaimReview


def test_claimreview_per_claim(report: Report) -> None:
    reviews = json.loads(render(report, "claimreview"))
    assert len(reviews) == len(report.verdicts)
    for review in reviews:
        assert review["@context"] == "https://schema.org"
        assert review["@type"] == "ClaimReview"
        assert review["claimReviewed"]
        assert review["reviewRating"]["@type"] == "Rating"
        assert review["reviewRating"]["alternateName"] in {"Supported", "Altered", "Unsourced"}
        item = review["itemReviewed"]
        assert item["@type"] == "Claim"
        assert item["appearance"][0]["url"]
        assert item["author"]["name"]
        assert item["datePublished"] == "2023-08-10"
        assert review["url"].endswith(("#c1", "#c2")) or "#c" in review["url"]
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", review["datePublished"])


# ---------------------------------------------------- several articles, CLI


@pytest.fixture
def newsroom(tmp_path: Path) -> Path:
    """A content folder with two stories and one file that is not an article."""
    content = tmp_path / "content" / "2023"
    content.mkdir(parents=True)
    shutil.copy(CASE / "article.html", content / "renewed-hope.html")
    (content / "short.md").write_text(
        "---\ntitle: HSI operation\ndate: 2023-08-11\n---\n\nThe operation began on July 17, officials said.\n"
    )
    (content / "photo.jpg").write_bytes(b"\xff\xd8\xff")
    return tmp_path


def test_several_articles_from_a_glob_give_a_json_array(
    newsroom: Path, capsys: pytest.CaptureFixture[str], report_schema: dict[str, Any]
) -> None:
    status = main(["check", str(newsroom / "content" / "**" / "*.*"), "--source", str(CASE / "sources"), "--format",
                   "json"])  # fmt: skip
    out = capsys.readouterr().out
    reports = json.loads(out)
    assert isinstance(reports, list)
    assert len(reports) == 2  # the .jpg is not an article
    for data in reports:
        jsonschema.validate(data, report_schema)
    assert status == 1


def test_a_folder_is_its_articles_and_a_bad_one_does_not_stop_the_rest(
    newsroom: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (newsroom / "content" / "2023" / "broken.txt").write_bytes(b"\x00\x01binary")
    status = main(["check", str(newsroom / "content"), "--source", str(CASE / "sources"), "--format", "github"])
    out, err = capsys.readouterr()
    assert status == 2  # one article could not be checked
    assert err.count("factcheck: error:") == 1
    assert "broken.txt" in err
    assert out.splitlines()[-1].startswith("factcheck: 17 claims in 2 articles:")


def test_quiet_keeps_only_what_fails(capsys: pytest.CaptureFixture[str]) -> None:
    status = main(["check", str(CASE / "article.html"), "--source", str(CASE / "sources"), "--quiet"])
    out = capsys.readouterr().out
    assert status == 1
    assert "ALTERED (8)" in out
    assert "SUPPORTED" not in out
    assert "UNSOURCED" not in out
    assert "Sources" not in out


@pytest.mark.parametrize("fmt", ["sarif", "github", "junit", "markdown", "claimreview", "json", "text"])
def test_every_format_from_the_cli(fmt: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / f"report.{fmt}"
    status = main(["check", str(CASE / "article.html"), "--source", str(CASE / "sources"), "--format", fmt,
                   "--output", str(target)])  # fmt: skip
    assert status == 1
    assert capsys.readouterr().out == ""
    assert target.read_text(encoding="utf-8").strip()
