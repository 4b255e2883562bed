"""The integrations as documented: the pre-commit hook and the CI jobs of docs/ci.md, run against a fixture
repository with git, offline. What cannot run here (the runners themselves) is the YAML around them."""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from factcheck.cli import main

from .conftest import CASES, ROOT, SHARED

DOC = (ROOT / "docs" / "ci.md").read_text(encoding="utf-8")
CASE = CASES / "renewed-hope"


def _blocks(language: str) -> list[str]:
    return re.findall(rf"```{language}\n(.*?)```", DOC, re.DOTALL)


def _git(repo: Path, *args: str) -> str:
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@e", "GIT_COMMITTER_NAME": "t",
           "GIT_COMMITTER_EMAIL": "t@e"}  # fmt: skip
    return subprocess.run(["git", *args], cwd=repo, env=env, check=True, capture_output=True, text=True).stdout


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A site repository on a branch that changes one article and adds another, over a main branch."""
    if shutil.which("git") is None:
        pytest.fail("git is needed to exercise the CI jobs")
    repo = tmp_path / "site"
    (repo / "content").mkdir(parents=True)
    shutil.copytree(CASE / "sources", repo / "releases")
    (repo / "factcheck.toml").write_text('sources = ["releases"]\n')
    (repo / "content" / "old.md").write_text(
        "---\ntitle: Old\ndate: 2023-08-10\n---\n\nThe operation began on July 17.\n"
    )
    (repo / "content" / "untouched.md").write_text("---\ntitle: Other\n---\n\nAgents seized 3 cars.\n")
    _git(repo, "init", "-q", "-b", "main")
    _git(repo, "add", ".")
    _git(repo, "commit", "-q", "-m", "base")
    _git(repo, "checkout", "-q", "-b", "story")
    shutil.copy(CASE / "article.html", repo / "content" / "renewed-hope.html")
    (repo / "content" / "old.md").write_text(
        "---\ntitle: Old\ndate: 2023-08-10\n---\n\nThe operation began on July 18.\n"
    )
    _git(repo, "add", ".")
    _git(repo, "commit", "-q", "-m", "story")
    monkeypatch.chdir(repo)
    return repo


def _run(command: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    argv = shlex.split(command)
    assert argv[0] == "factcheck"
    status = main(argv[1:])
    return status, capsys.readouterr().out


def test_pre_commit_hook_runs_on_the_files_it_is_given(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (hook,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hook["id"] == "factcheck"
    assert {"markdown", "html"} <= set(hook["types_or"])
    assert hook["require_serial"] is True
    assert hook["language"] == "python"
    status, out = _run(hook["entry"] + " content/renewed-hope.html content/old.md", capsys)  # as pre-commit passes
    assert status == 1
    assert "ALTERED" in out
    assert "SUPPORTED" not in out  # --quiet


def test_documented_local_hook_matches_the_shipped_one() -> None:
    local = next(yaml.safe_load(b) for b in _blocks("yaml") if "repo: local" in b)
    (hook,) = local["repos"][0]["hooks"]
    (shipped,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert {k: hook[k] for k in ("id", "entry", "types_or", "require_serial")} == {
        k: shipped[k] for k in ("id", "entry", "types_or", "require_serial")
    }


def _workflow() -> dict[str, Any]:
    return next(yaml.safe_load(b) for b in _blocks("yaml") if "upload-sarif" in b)  # type: ignore[no-any-return]


def test_github_workflow_commands(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    steps = _workflow()["jobs"]["factcheck"]["steps"]
    changed = next(s["run"] for s in steps if s.get("id") == "changed")
    diff = changed.split("files=$(", 1)[1].split(" | tr", 1)[0].replace("origin/${{ github.base_ref }}", "main")
    files = " ".join(_git(site, *shlex.split(diff)[1:]).split())
    assert files == "content/old.md content/renewed-hope.html"  # untouched.md is not checked
    commands = [
        s["run"].replace("${{ steps.changed.outputs.files }}", files)
        for s in steps
        if "factcheck check" in s.get("run", "")
    ]
    annotate, sarif = commands
    status, out = _run(annotate, capsys)
    assert status == 1
    assert out.count("::error file=content/renewed-hope.html") == 8
    assert "::error file=content/old.md,line=6" in out  # July 18: the release says July 17
    status, _ = _run(sarif, capsys)
    assert status == 0  # --fail-on never: the upload step still runs
    data = json.loads((site / "factcheck.sarif").read_text(encoding="utf-8"))
    jsonschema.validate(data, json.loads((SHARED / "schemas" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8")))
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in data["runs"][0]["results"]}
    assert uris == {"content/old.md", "content/renewed-hope.html"}


def test_gitlab_job_writes_a_junit_report(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    job = next(yaml.safe_load(b) for b in _blocks("yaml") if "junit:" in b)["factcheck"]
    script = job["script"]
    diff = next(line for line in script if line.startswith("FILES=")).split("$(", 1)[1].rsplit(")", 1)[0]
    diff = diff.replace('"origin/$CI_MERGE_REQUEST_TARGET_BRANCH_NAME...HEAD"', "main...HEAD")
    files = " ".join(_git(site, *shlex.split(diff)[1:]).split())
    command = next(line for line in script if "factcheck check" in line).split("|| ", 1)[1].replace("$FILES", files)
    status, _ = _run(command, capsys)
    assert status == 1
    report = ET.parse(site / job["artifacts"]["reports"]["junit"]).getroot()
    assert [s.get("name") for s in report.findall("testsuite")] == ["content/old.md", "content/renewed-hope.html"]
    assert report.get("failures") == "9"


def test_documented_configuration_is_valid(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (config,) = _blocks("toml")
    (site / "factcheck.toml").write_text(config)
    (site / "content" / "drafts").mkdir()
    status, out = _run("factcheck check content/renewed-hope.html --quiet", capsys)
    assert status == 1  # the documented keys load; sources and the rest apply
    assert "ALTERED (8)" in out
