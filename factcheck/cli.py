"""The command line: arguments → Settings → ``factcheck.check`` → a format → an exit status.

Exit status (DESIGN.md): 0 nothing at or above ``--fail-on``; 1 findings at
or above it; 2 the command could not run. Errors are one line on stderr,
never a traceback unless ``--debug``.
"""

from __future__ import annotations

import argparse
import glob
import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

from tqdm import tqdm

from factcheck import __version__
from factcheck.config import Settings
from factcheck.errors import FactcheckError, UsageError
from factcheck.formats import FORMATS, Options, require
from factcheck.pipeline import check
from factcheck.records import Label, Report

__all__ = ["main"]

log = logging.getLogger("factcheck")

FAIL_LEVELS = {"altered": (Label.ALTERED,), "unsourced": (Label.ALTERED, Label.UNSOURCED), "never": ()}


class _Parser(argparse.ArgumentParser):
    """argparse, but a bad argument is one line on stderr, like every other error."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"factcheck: error: {message} (see '{self.prog} --help')\n")


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="factcheck", description="Check a news article's claims against the primary sources.")
    parser.add_argument("--version", action="version", version=f"factcheck {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    run = commands.add_parser(
        "check", help="check articles", description="Check each article's claims against its sources."
    )
    run.add_argument(
        "articles",
        metavar="ARTICLE",
        nargs="+",
        help="a .html, .htm, .md or .txt file, a folder or glob of them, a URL, or - for standard input",
    )
    run.add_argument("--source", dest="sources", metavar="SRC", action="append", default=[],
                     help="a release page (URL or file) or a folder of them; may repeat")  # fmt: skip
    run.add_argument("--format", default="text", metavar="FMT", help=f"one of: {', '.join(FORMATS)} (default: text)")
    run.add_argument("--output", metavar="FILE", help="write the report to FILE instead of standard output")
    run.add_argument("--fail-on", choices=tuple(FAIL_LEVELS), default="altered",
                     help="exit 1 when a claim is at or above this level (default: altered)")  # fmt: skip
    run.add_argument(
        "--offline", action="store_true", help="never use the network: fetched pages come from the cache only"
    )
    run.add_argument("--no-discover", action="store_true", help="use only the sources given")
    run.add_argument(
        "--cache-dir", metavar="DIR", type=Path, help="where fetched pages are cached (default: the user cache dir)"
    )
    run.add_argument("--config", metavar="FILE", help="a configuration file")
    run.add_argument("-q", "--quiet", action="store_true", help="only the findings that fail the run, no progress")
    run.add_argument("--debug", action="store_true", help="show tracebacks and debug logging")
    run.add_argument("-v", "--verbose", action="store_true", help="log what each stage does")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    args = _parser().parse_args(argv)
    logging.basicConfig(
        level=logging.DEBUG if args.debug else logging.INFO if args.verbose else logging.WARNING,
        format="factcheck: %(levelname)s: %(message)s",
    )
    try:
        return _check(args)
    except FactcheckError as exc:
        if args.debug:
            raise
        print(f"factcheck: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("factcheck: interrupted", file=sys.stderr)
        return 130


def _check(args: argparse.Namespace) -> int:
    renderer = require(args.format)
    if args.config:
        raise UsageError("configuration files (--config) are not available yet")
    articles = expand_articles(args.articles)
    _refuse_overwrite(args.output, [*articles, *args.sources])
    on_terminal = sys.stderr.isatty() and "CI" not in os.environ and not args.quiet
    settings = Settings(
        discover=not args.no_discover,
        offline=args.offline,
        cache_dir=args.cache_dir,
        progress=args.format == "text" and on_terminal,
    )
    reports: list[Report] = []
    failed = 0
    for article in tqdm(articles, desc="checking", unit="article", disable=not on_terminal or len(articles) <= 3):
        try:
            reports.append(check(article, args.sources, settings=settings))
        except FactcheckError as exc:
            if len(articles) == 1 or args.debug:
                raise
            print(f"factcheck: error: {exc}", file=sys.stderr)  # the others are still checked
            failed += 1
    options = Options(
        colour=_colour(args.format) and not args.output, failing=FAIL_LEVELS[args.fail_on], quiet=args.quiet
    )
    if reports:
        text = renderer(reports, options)
        if args.output:
            try:
                Path(args.output).write_text(text, encoding="utf-8")
            except OSError as exc:
                raise UsageError(f"cannot write {args.output!r}: {exc.strerror or exc}") from exc
        else:
            sys.stdout.write(text)
    return 2 if failed or not reports else exit_status(reports, args.fail_on)


def exit_status(reports: Report | Sequence[Report], fail_on: str) -> int:
    """1 when any verdict of the run is at or above the fail level, else 0."""
    failing = FAIL_LEVELS[fail_on]
    run = [reports] if isinstance(reports, Report) else reports
    return 1 if any(v.label in failing for r in run for v in r.verdicts) else 0


ARTICLE_SUFFIXES = (".md", ".markdown", ".html", ".htm", ".txt")


def expand_articles(specs: Sequence[str]) -> list[str]:
    """Paths, folders and globs (``content/**/*.md``) to article files; URLs and ``-`` as they are."""
    found: list[str] = []
    for spec in specs:
        path = Path(spec)
        if spec == "-" or "://" in spec or path.is_file():
            found.append(spec)
        elif path.is_dir():
            found.extend(
                str(p) for p in sorted(path.rglob("*")) if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES
            )
        elif glob.has_magic(spec):
            matches = sorted(
                p for p in glob.glob(spec, recursive=True) if Path(p).is_file() and p.lower().endswith(ARTICLE_SUFFIXES)
            )
            if not matches:
                raise UsageError(f"no article matches {spec!r}")
            found.extend(matches)
        else:
            found.append(spec)  # not there: reading it says so, in one line
    if not found:
        raise UsageError("no articles to check in " + ", ".join(repr(s) for s in specs))
    return list(dict.fromkeys(found))


def _colour(fmt: str) -> bool:
    return fmt == "text" and sys.stdout.isatty() and "NO_COLOR" not in os.environ and os.environ.get("TERM") != "dumb"


def _refuse_overwrite(output: str | None, inputs: list[str]) -> None:
    """Never write the report over what the user gave us to read."""
    if not output:
        return
    target = Path(output).resolve()
    for given in inputs:
        if given == "-":
            continue
        path = Path(given).resolve()
        if target == path or (path.is_dir() and path in target.parents):
            raise UsageError(f"--output {output!r} would overwrite the input {given!r}")
