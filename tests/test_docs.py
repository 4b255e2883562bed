"""Docs that tests keep honest: the README's commands, the CLI flags, the API and the reason codes."""

from __future__ import annotations

import re
import shlex
import subprocess
import sys

import pytest

import factcheck
from factcheck.cli import _parser
from factcheck.verdicts import REASONS

from .conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
DOCS = ROOT / "docs"


def _quick_start() -> list[str]:
    section = README.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```sh\n(.*?)\n```", section, re.DOTALL)


def test_quick_start_has_exactly_two_commands() -> None:
    commands = _quick_start()
    assert len(commands) == 2
    assert all("\n" not in c for c in commands)


def test_ci_runs_the_readme_test_command_verbatim() -> None:
    assert _quick_start()[1] in (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()


def test_the_readme_check_command_runs_offline_and_prints_what_the_readme_shows() -> None:
    install, check = _quick_start()[0].split(" && ")
    assert install == "pip install ."
    argv = shlex.split(check)
    assert argv[0] == "factcheck"
    run = subprocess.run(
        [sys.executable, "-m", "factcheck", *argv[1:]], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert run.returncode == 1, run.stderr  # altered claims found, as the README says
    shown = README.split("What the first command reports, in part:", 1)[1].split("```", 2)[1]
    for line in shown.strip().splitlines()[1:]:
        assert line in run.stdout, line


def test_every_cli_flag_is_documented() -> None:
    cli_doc = (DOCS / "cli.md").read_text(encoding="utf-8")
    check = next(a for a in _parser()._actions if a.dest == "command").choices["check"]  # type: ignore[union-attr, index]
    for action in check._actions:
        for flag in action.option_strings:
            if flag not in {"-h", "--help"}:
                assert f"`{flag}" in cli_doc or f"`, `{flag}" in cli_doc, flag


@pytest.mark.parametrize("name", factcheck.__all__)
def test_every_public_name_is_documented(name: str) -> None:
    assert f"`{name}" in (DOCS / "api.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("code", list(REASONS))
def test_every_reason_code_is_documented(code: str) -> None:
    assert f"`{code}`" in (DOCS / "verdicts.md").read_text(encoding="utf-8")


def test_quickstart_example_runs() -> None:
    text = (DOCS / "quickstart.md").read_text(encoding="utf-8")
    code = re.findall(r"```python\n(.*?)```", text, re.DOTALL)[0]
    expected = re.search(r"# (\{.*\})", code)
    assert expected
    namespace: dict[str, object] = {}
    exec(compile(code.replace("print(", "result = ("), "quickstart.md", "exec"), namespace)
    assert str(namespace["result"]) == expected.group(1)


@pytest.mark.parametrize("page", sorted(p.name for p in DOCS.glob("*.md")))
def test_docs_index_links_every_page(page: str) -> None:
    if page != "index.md":
        assert f"({page})" in (DOCS / "index.md").read_text(encoding="utf-8")


def test_readme_names_the_distribution() -> None:
    name = re.search(r'^name = "(.+)"', (ROOT / "pyproject.toml").read_text(encoding="utf-8"), re.M)
    assert name
    assert f"**`{name.group(1)}`**" in README
