"""The command line: exit statuses, formats, and bad input as one clear line, never a traceback."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from factcheck.cli import main


def _run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    status = main(argv)
    out, err = capsys.readouterr()
    return status, out, err


def test_text_report_groups_by_verdict(renewed_hope: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    article, sources = renewed_hope
    status, out, err = _run(["check", str(article), "--source", str(sources)], capsys)
    assert status == 1
    assert err == ""
    assert out.index("ALTERED (") < out.index("UNSOURCED (") < out.index("SUPPORTED (")
    assert "\x1b[" not in out  # no colour when stdout is not a terminal
    assert "differs in hedge" in out
    assert "“probable”" in out
    assert "https://www.ice.gov/news/releases/" in out
    assert "not used as evidence" in " ".join(out.split())  # the decoy, and why
    assert out.rstrip().endswith("claims: 5 supported, 8 altered, 3 unsourced")


def test_text_report_lines_point_into_the_file(
    renewed_hope: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    article, sources = renewed_hope
    _, out, _ = _run(["check", str(article), "--source", str(sources)], capsys)
    entry = next(line for line in out.splitlines() if "311 children" in line and "quantity" in line)
    line, column = (int(x) for x in entry.split()[0].split(":"))
    raw = article.read_text(encoding="utf-8").splitlines()
    assert raw[line - 1][column - 1 :].startswith("311 children")


@pytest.mark.parametrize(
    ("fail_on", "status"),
    [("altered", 1), ("unsourced", 1), ("never", 0)],
)
def test_fail_on(
    fail_on: str, status: int, renewed_hope: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    article, sources = renewed_hope
    assert _run(["check", str(article), "--source", str(sources), "--fail-on", fail_on], capsys)[0] == status


def test_exit_zero_when_everything_is_supported(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    release = tmp_path / "release.txt"
    release.write_text("Agency closes case\n\nRelease Date: May 2, 2024\n\nAgents seized 1,200 kilograms of cocaine.\n")
    story = tmp_path / "story.txt"
    story.write_text("Drug haul\n\nAgents seized 1,200 kilograms of cocaine, the agency said.\n")
    assert _run(["check", str(story), "--source", str(release)], capsys)[0] == 0
    story.write_text("Drug haul\n\nAgents seized 1,300 kilograms of cocaine, the agency said.\n")
    assert _run(["check", str(story), "--source", str(release)], capsys)[0] == 1
    story.write_text("Drug haul\n\nAgents questioned 40 suspects, the agency said.\n")
    assert _run(["check", str(story), "--source", str(release)], capsys)[0] == 0
    assert _run(["check", str(story), "--source", str(release), "--fail-on", "unsourced"], capsys)[0] == 1


def test_json_to_file_is_the_contract(
    renewed_hope: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str], report_schema: dict[str, Any]
) -> None:
    article, sources = renewed_hope
    target = tmp_path / "report.json"
    status, out, _ = _run(
        ["check", str(article), "--source", str(sources), "--format", "json", "--output", str(target)], capsys
    )
    assert status == 1
    assert out == ""
    report = json.loads(target.read_text(encoding="utf-8"))
    jsonschema.validate(report, report_schema)
    assert report["schema"] == "factcheck.report/1"
    assert report["summary"] == {"supported": 5, "altered": 8, "unsourced": 3}


def test_stdin(
    renewed_hope: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    article, sources = renewed_hope

    class _Stdin:
        buffer = io.BytesIO(article.read_bytes())

    monkeypatch.setattr(sys, "stdin", _Stdin())
    status, out, _ = _run(["check", "-", "--source", str(sources), "--format", "json"], capsys)
    report = json.loads(out)
    assert status == 1
    assert report["article"]["location"] == "-"
    assert report["summary"]["altered"] == 8


def _bad_inputs(tmp_path: Path, sources: Path) -> dict[str, tuple[list[str], str]]:
    binary = tmp_path / "photo.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    latin = tmp_path / "latin.txt"
    latin.write_bytes("Caf\xe9 owners say".encode("latin-1"))
    empty = tmp_path / "empty.md"
    empty.write_text("---\ntitle: Nothing\n---\n\n")
    junk_source = tmp_path / "junk"
    junk_source.mkdir()
    (junk_source / "blank.html").write_text("<html><body><nav>Home</nav></body></html>")
    story = tmp_path / "story.txt"
    story.write_text("Headline\n\nAgents seized 40 kilograms.\n")
    empty_folder = tmp_path / "no-articles"
    empty_folder.mkdir()
    (empty_folder / "notes.pdf").write_bytes(b"%PDF-1.4")
    return {
        "missing article": (["check", str(tmp_path / "nope.txt"), "--source", str(sources)], "nope.txt"),
        "binary article": (["check", str(binary), "--source", str(sources)], "binary"),
        "not UTF-8": (["check", str(latin), "--source", str(sources)], "UTF-8"),
        "no text": (["check", str(empty), "--source", str(sources)], "no article text"),
        "folder with no articles": (["check", str(empty_folder), "--source", str(sources)], "no articles to check"),
        "glob matching nothing": (
            ["check", str(tmp_path / "*.nothing"), "--source", str(sources)],
            "no article matches",
        ),
        "unknown format": (["check", str(story), "--source", str(sources), "--format", "yaml"], "unknown format"),
        "format not built yet": (
            ["check", str(story), "--source", str(sources), "--format", "html"],
            "format html is not available yet",
        ),
        "no sources": (["check", str(story)], "no sources"),
        "missing source": (["check", str(story), "--source", str(tmp_path / "gone")], "gone"),
        "every source failed": (["check", str(story), "--source", str(junk_source)], "every source failed"),
        "article at a private address": (
            ["check", "http://10.0.0.1/story", "--source", str(sources), "--cache-dir", str(tmp_path / "cache")],
            "private, loopback or reserved addresses are refused",
        ),
        "article URL of another scheme": (
            ["check", "ftp://news.example/story", "--source", str(sources), "--cache-dir", str(tmp_path / "cache")],
            "only http and https",
        ),
        "config file missing": (
            ["check", str(story), "--source", str(sources), "--config", "f.toml"],
            "no configuration file",
        ),
        "unknown flag": (["check", str(story), "--bogus"], "unrecognized arguments"),
        "bad fail-on": (["check", str(story), "--fail-on", "sometimes"], "invalid choice"),
        "no command": ([], "required"),
        "output over the article": (
            ["check", str(story), "--source", str(sources), "--output", str(story)],
            "overwrite",
        ),
    }


BAD = [
    "missing article", "binary article", "not UTF-8", "no text", "folder with no articles", "glob matching nothing",
    "unknown format",
    "format not built yet", "no sources", "missing source", "every source failed", "article at a private address",
    "article URL of another scheme", "config file missing",
    "unknown flag", "bad fail-on", "no command", "output over the article",
]  # fmt: skip


@pytest.mark.parametrize("name", BAD)
def test_bad_input_is_one_line_and_exit_2(
    name: str, tmp_path: Path, renewed_hope: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    argv, needle = _bad_inputs(tmp_path, renewed_hope[1])[name]
    before = {p: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()}
    try:
        status = main(argv)
    except SystemExit as exc:  # argparse's own errors exit from inside parse_args
        status = int(exc.code or 0)
    out, err = capsys.readouterr()
    assert status == 2
    assert out == ""
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("factcheck: error: ")
    assert needle in lines[0]
    assert "Traceback" not in err
    assert all(p.read_bytes() == data for p, data in before.items())  # nothing the user gave changed


def test_debug_shows_the_traceback(tmp_path: Path) -> None:
    with pytest.raises(Exception, match="No such file"):
        main(["check", str(tmp_path / "nope.txt"), "--source", str(tmp_path), "--debug"])


def test_failed_source_is_listed_with_its_error(
    renewed_hope: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    article, sources = renewed_hope
    broken = tmp_path / "broken.html"
    broken.write_text("<html><body><nav>Menu only</nav></body></html>")
    status, out, _ = _run(
        ["check", str(article), "--source", str(sources), "--source", str(broken), "--format", "json"], capsys
    )
    report = json.loads(out)
    failed = [s for s in report["sources"] if s["status"] == "error"]
    assert len(failed) == 1
    assert "no release text" in failed[0]["error"]
    assert status == 1


def test_python_dash_m_and_version(renewed_hope: tuple[Path, Path]) -> None:
    article, sources = renewed_hope
    run = subprocess.run(
        [sys.executable, "-m", "factcheck", "check", str(article), "--source", str(sources), "--format", "json"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 1, run.stderr
    assert json.loads(run.stdout)["summary"]["unsourced"] == 3
    version = subprocess.run(
        [sys.executable, "-m", "factcheck", "--version"], capture_output=True, text=True, check=False
    )
    assert version.returncode == 0
    assert version.stdout.startswith("factcheck ")
