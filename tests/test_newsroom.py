"""Factcheck in a newsroom repository: configuration, declared sources, accepted findings, the baseline."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from factcheck.accept import marked_lines
from factcheck.cli import main

from .conftest import CASES

CASE = CASES / "renewed-hope"


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A site repository: content/ with the Renewed Hope story in Markdown-free HTML, releases/ beside it."""
    (tmp_path / "content").mkdir()
    shutil.copy(CASE / "article.html", tmp_path / "content" / "renewed-hope.html")
    shutil.copytree(CASE / "sources", tmp_path / "releases")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _json(capsys: pytest.CaptureFixture[str]) -> dict[str, object]:
    return json.loads(capsys.readouterr().out)  # type: ignore[no-any-return]


# ------------------------------------------------------------- configuration


def test_factcheck_toml_is_found_and_used(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (repo / "factcheck.toml").write_text('sources = ["releases"]\nformat = "json"\nfail_on = "never"\n')
    assert main(["check", str(repo / "content" / "renewed-hope.html")]) == 0  # fail_on = never
    report = _json(capsys)
    assert report["summary"] == {"supported": 5, "altered": 8, "unsourced": 3}
    assert main(["check", str(repo / "content" / "renewed-hope.html"), "--fail-on", "altered"]) == 1  # flags win
    capsys.readouterr()


def test_pyproject_tool_table(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (repo / "pyproject.toml").write_text('[project]\nname = "site"\n\n[tool.factcheck]\nsources = ["releases"]\n')
    assert main(["check", "content/renewed-hope.html", "--format", "json"]) == 1
    assert _json(capsys)["summary"] == {"supported": 5, "altered": 8, "unsourced": 3}


def test_exclude_skips_articles(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (repo / "content" / "draft.md").write_text("---\ntitle: Draft\n---\n\nAgents seized 40 kilograms.\n")
    (repo / "factcheck.toml").write_text('sources = ["releases"]\nexclude = ["content/draft*"]\nformat = "json"\n')
    main(["check", "content"])
    report = _json(capsys)
    assert report["article"]["location"] == "content/renewed-hope.html"  # one report: the draft was skipped


BAD_CONFIGS = {
    "unknown key": ('fail_level = "altered"\n', "unknown key 'fail_level'"),
    "bad choice": ('fail_on = "sometimes"\n', "fail_on must be one of altered, unsourced, never"),
    "bad type": ("offline = 1\n", "offline must be true or false"),
    "bad threshold": ("about_tolerance = 2\n", "about_tolerance must be a number from 0 to 1"),
    "bad window": ("discovery_days = 0\n", "discovery_days must be a whole number from 1 to 3650"),
    "bad limit": ("discovery_limit = 2.5\n", "discovery_limit must be a whole number from 1 to 20"),
    "bad publisher": ('[[publishers]]\nid = "x"\nname = "X"\ncolour = 1\n', "publisher 'x': unknown field 'colour'"),
    "bad network": ('allowed_networks = ["intranet"]\n', "'intranet' is not an address or network"),
    "not toml": ("sources = [\n", "is not valid TOML"),
}


@pytest.mark.parametrize("case", list(BAD_CONFIGS))
def test_bad_configuration_is_one_line_and_exit_2(repo: Path, capsys: pytest.CaptureFixture[str], case: str) -> None:
    text, needle = BAD_CONFIGS[case]
    (repo / "factcheck.toml").write_text(text)
    assert main(["check", "content/renewed-hope.html", "--source", "releases"]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert len(err.strip().splitlines()) == 1
    assert needle in err


def test_thresholds_reach_the_matcher(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    story = repo / "content" / "about.md"
    story.write_text("---\ntitle: Figures\ndate: 2023-08-10\n---\n\nAbout 290 probable identifications were made.\n")
    main(["check", str(story), "--source", "releases", "--format", "json"])
    assert _json(capsys)["summary"]["altered"] == 1  # type: ignore[index]
    (repo / "factcheck.toml").write_text("about_tolerance = 0.1\n")
    main(["check", str(story), "--source", "releases", "--format", "json"])
    assert _json(capsys)["summary"]["supported"] == 1  # type: ignore[index]


# ---------------------------------------------------------- declared sources


def test_front_matter_sources_are_the_articles_own(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    story = repo / "content" / "declared.md"
    story.write_text(
        "---\ntitle: HSI operation\ndate: 2023-08-10\nsources:\n  - ../releases/ice-2023-08-09-renewed-hope.html\n"
        "---\n\nThe operation began on July 17, officials said.\n"
    )
    assert main(["check", str(story), "--format", "json"]) == 0  # no --source: the article names its own
    report = _json(capsys)
    assert [s["url"] for s in report["sources"]] == [  # type: ignore[index]
        "https://www.ice.gov/news/releases/hsi-partners-conduct-first-us-based-international-victim-identification-surge"
    ]
    assert report["summary"]["supported"] == 1  # type: ignore[index]


# -------------------------------------------------------- accepted findings


@pytest.mark.parametrize(
    ("raw", "lines"),
    [
        ("a\nb <!-- factcheck: ignore -->\nc\n", {2}),
        ("a\n<!-- factcheck: off -->\nb\nc\n<!-- factcheck: on -->\nd\n", {2, 3, 4, 5}),
        ("a\n<!--factcheck:OFF-->\nb\n", {2, 3}),
        ("nothing to see\n", set()),
    ],
    ids=["ignore", "off-on", "off-to-the-end", "none"],
)
def test_marked_lines(raw: str, lines: set[int]) -> None:
    assert marked_lines(raw) == lines


@pytest.mark.parametrize("suffix", [".md", ".html"])
def test_inline_markers_accept_findings(repo: Path, capsys: pytest.CaptureFixture[str], suffix: str) -> None:
    body = (
        "Agents made 312 probable identifications of victims. <!-- factcheck: ignore -->\n\n"
        "<!-- factcheck: off -->\n\nThe surge produced 14 possible positive contacts.\n\n<!-- factcheck: on -->\n\n"
        "Investigators identified 311 victims.\n"
    )
    if suffix == ".md":
        text = "---\ntitle: Markers\ndate: 2023-08-10\n---\n\n" + body
    else:
        paragraphs = "".join(f"<p>{p}</p>\n" if not p.startswith("<!--") else p + "\n" for p in body.split("\n\n"))
        text = f"<html><head><title>Markers</title></head><body><article>\n{paragraphs}</article></body></html>"
    story = repo / "content" / f"markers{suffix}"
    story.write_text(text)
    main(["check", str(story), "--source", "releases", "--format", "json"])
    claims = _json(capsys)["claims"]
    altered = [c["text"] for c in claims if c["verdict"] == "altered"]  # type: ignore[union-attr, index]
    assert altered == ["311 victims"]  # the other two are accepted by their markers


def test_baseline_hides_known_findings_until_they_change(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    story = repo / "content" / "renewed-hope.html"
    assert main(["baseline", str(story), "--source", "releases", "--output", "baseline.json"]) == 0
    assert "11 finding(s) from 1 article(s)" in capsys.readouterr().out
    assert main(["check", str(story), "--source", "releases", "--baseline", "baseline.json"]) == 0
    out = capsys.readouterr().out
    assert "ALTERED" not in out
    assert "11 finding(s) already in the baseline" in " ".join(out.split())
    story.write_text(story.read_text(encoding="utf-8").replace("311 children", "312 children"), encoding="utf-8")
    assert main(["check", str(story), "--source", "releases", "--baseline", "baseline.json", "--format", "json"]) == 1
    report = _json(capsys)
    assert [c["text"] for c in report["claims"] if c["verdict"] != "supported"] == ["312 children"]  # type: ignore[union-attr, index]


def test_a_file_that_is_not_a_baseline(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (repo / "baseline.json").write_text('{"findings": []}')
    assert main(["check", "content/renewed-hope.html", "--source", "releases", "--baseline", "baseline.json"]) == 2
    assert "is not a factcheck baseline" in capsys.readouterr().err
