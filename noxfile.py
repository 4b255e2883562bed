"""Every check CI runs, one session each: ``nox`` runs them all, ``nox -s NAME`` one."""

from __future__ import annotations

import nox

nox.options.sessions = ["tests", "eval", "lint", "typecheck"]
nox.options.reuse_existing_virtualenvs = True
nox.options.error_on_missing_interpreters = True

LINT = ["ruff>=0.6"]
TYPES = ["mypy>=1.11", "types-python-dateutil", "types-PyYAML", "types-requests", "types-tqdm", "nox"]


@nox.session
def tests(session: nox.Session) -> None:
    """The test suite, offline, against the installed package."""
    session.install(".[test]")
    session.run("pytest", *session.posargs)


@nox.session
def eval(session: nox.Session) -> None:
    """The fixture gate and the outside benchmarks, each held to its floor in fixtures/baseline.json."""
    session.install(".[test]")
    session.run("python", "-m", "tests.eval")
    session.run("python", "-m", "tests.benchmarks")


@nox.session
def bench(session: nox.Session) -> None:
    """Matching speed against 10, 100 and 1,000 synthetic releases, beside a naive all-pairs baseline."""
    session.install(".[test]")
    session.run("python", "-m", "tests.bench")


@nox.session
def lint(session: nox.Session) -> None:
    """ruff: lint rules and formatting."""
    session.install(*LINT)
    session.run("ruff", "check", "factcheck", "tests", "noxfile.py")
    session.run("ruff", "format", "--check", "factcheck", "tests", "noxfile.py")


@nox.session
def typecheck(session: nox.Session) -> None:
    """mypy --strict on the package and this file."""
    session.install(".", *TYPES)
    session.run("mypy", "--strict", "factcheck", "noxfile.py")
