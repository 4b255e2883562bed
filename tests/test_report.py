"""The JSON report is the contract (DESIGN.md); the text report is for people."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from factcheck import Article, Label, Source, check
from factcheck.errors import UsageError
from factcheck.formats import render

RELEASE = Source.from_text(
    "Marshals close fugitive sweep\n\nRelease Date: May 2, 2024\n\n"
    "The sweep began April 1. Deputies arrested 212 fugitives, including 19 wanted for homicide.\n",
    url="https://www.usmarshals.gov/news/sweep",
)


@pytest.fixture
def report() -> Any:
    article = Article.from_text(
        "Fugitive sweep ends\n\nDeputies arrested 212 fugitives after the sweep began on April 1. "
        "Nineteen were wanted for murder, and 30 guns were seized.\n",
        published=date(2024, 5, 3),
    )
    return check(article, [RELEASE])


def test_to_dict_validates_against_the_schema(report: Any, report_schema: dict[str, Any]) -> None:
    data = report.to_dict()
    jsonschema.validate(data, report_schema)
    assert list(data) == ["schema", "article", "sources", "claims", "summary"]
    assert data["article"]["published"] == "2024-05-03"
    assert data["sources"][0] == {
        "id": "s1",
        "url": "https://www.usmarshals.gov/news/sweep",
        "title": "Marshals close fugitive sweep",
        "publisher": None,
        "published": "2024-05-02",
        "fetched_at": None,
        "sha256": data["sources"][0]["sha256"],
        "status": "ok",
        "error": None,
    }
    assert len(data["sources"][0]["sha256"]) == 64


def test_claim_fields(report: Any) -> None:
    claims = {c["text"]: c for c in report.to_dict()["claims"]}
    arrested = claims["212 fugitives"]
    assert arrested["kind"] == "quantity"
    assert arrested["verdict"] == "supported"
    assert arrested["differences"] == []
    assert arrested["evidence"][0]["source"] == "s1"
    passage = arrested["evidence"][0]
    assert RELEASE.text[passage["start"] : passage["end"]] == passage["passage"]
    assert (arrested["line"], arrested["column"]) == (3, 19)
    assert claims["30 guns"]["verdict"] == "unsourced"
    assert claims["30 guns"]["evidence"] == []


def test_summary_counts_every_verdict(report: Any) -> None:
    data = report.to_dict()
    assert sum(data["summary"].values()) == len(data["claims"])
    assert data["summary"]["supported"] == report.count(Label.SUPPORTED)


def test_failed_sources_are_listed(report_schema: dict[str, Any], tmp_path: Path) -> None:
    article = Article.from_text("Sweep\n\nDeputies arrested 212 fugitives.\n")
    failed = Source.failed("https://www.usmarshals.gov/gone", "fetching sources over HTTP is not available yet")
    data = check(article, [RELEASE, failed]).to_dict()
    jsonschema.validate(data, report_schema)
    assert data["sources"][1]["status"] == "error"
    assert data["sources"][1]["error"].startswith("fetching")


def test_text_has_colour_only_when_asked(report: Any) -> None:
    assert "\x1b[" not in render(report, "text")
    assert "\x1b[32;1mSUPPORTED" in render(report, "text", colour=True)


@pytest.mark.parametrize("fmt", ["html"])
def test_formats_not_built_yet_say_so(report: Any, fmt: str) -> None:
    with pytest.raises(UsageError, match=f"format {fmt} is not available yet"):
        render(report, fmt)
