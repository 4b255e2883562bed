"""The command line: arguments and configuration → Settings → ``factcheck.check`` → a format → an exit status.

Exit status (DESIGN.md): 0 nothing at or above ``--fail-on``; 1 findings at
or above it; 2 the command could not run. Errors are one line on stderr,
never a traceback unless ``--debug``.
"""

from __future__ import annotations

import argparse
import fnmatch
import glob
import logging
import os
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import NoReturn

from tqdm import tqdm

from factcheck import __version__
from factcheck.accept import write_baseline
from factcheck.archive import Archive
from factcheck.config import Settings
from factcheck.discovery import update_archive
from factcheck.errors import ConfigError, FactcheckError, UsageError
from factcheck.fetch import Fetcher
from factcheck.formats import FORMATS, Options, require
from factcheck.pipeline import check, find_sources
from factcheck.publishers import load_registry
from factcheck.records import Label, Report
from factcheck.settings_file import FileConfig, find_config, load_config
from factcheck.sources import load_sources

__all__ = ["main"]

log = logging.getLogger("factcheck")

FAIL_LEVELS = {"altered": (Label.ALTERED,), "unsourced": (Label.ALTERED, Label.UNSOURCED), "never": ()}
ARTICLE_SUFFIXES = (".md", ".markdown", ".html", ".htm", ".txt")
DEFAULT_BASELINE = ".factcheck-baseline.json"


class _Parser(argparse.ArgumentParser):
    """argparse, but a bad argument is one line on stderr, like every other error."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"factcheck: error: {message} (see '{self.prog} --help')\n")


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="factcheck", description="Check a news article's claims against the primary sources.")
    parser.add_argument("--version", action="version", version=f"factcheck {__version__}")
    stores = _Parser(add_help=False)  # what every command that reads releases shares
    stores.add_argument(
        "--offline", action="store_true", default=None, help="never use the network: pages come from the cache only"
    )
    stores.add_argument(
        "--cache-dir", metavar="DIR", type=Path, help="where fetched pages are cached (default: the user cache dir)"
    )
    stores.add_argument("--archive", metavar="FILE", type=Path, help="the release archive (default: the user data dir)")
    stores.add_argument("--registry", metavar="FILE", type=Path, help="a publisher registry instead of the shipped one")
    stores.add_argument("--config", metavar="FILE", type=Path, help="a configuration file (default: found upwards)")
    stores.add_argument("--debug", action="store_true", help="show tracebacks and debug logging")
    stores.add_argument("-v", "--verbose", action="store_true", help="log what each stage does")
    common = _Parser(add_help=False, parents=[stores])
    common.add_argument(
        "articles",
        metavar="ARTICLE",
        nargs="+",
        help="a .html, .htm, .md or .txt file, a folder or glob of them, a URL, or - for standard input",
    )
    common.add_argument("--source", dest="sources", metavar="SRC", action="append", default=[],
                        help="a release page (URL or file) or a folder of them; may repeat")  # fmt: skip
    common.add_argument("--no-discover", action="store_true", help="use only the sources given")
    common.add_argument("-q", "--quiet", action="store_true", help="only the findings that fail the run, no progress")
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    run = commands.add_parser(
        "check", parents=[common], help="check articles", description="Check each article's claims against its sources."
    )
    run.add_argument("--format", metavar="FMT", help=f"one of: {', '.join(FORMATS)} (default: text)")
    run.add_argument("--output", metavar="FILE", help="write the report to FILE instead of standard output")
    run.add_argument("--fail-on", choices=tuple(FAIL_LEVELS),
                     help="exit 1 when a claim is at or above this level (default: altered)")  # fmt: skip
    run.add_argument("--baseline", metavar="FILE", type=Path, help="hide the findings already in this baseline file")
    accept = commands.add_parser(
        "baseline",
        parents=[common],
        help="accept today's findings",
        description="Write every current finding to a baseline file, so later checks show only new ones.",
    )
    accept.add_argument("--output", metavar="FILE", default=DEFAULT_BASELINE, help=f"(default: {DEFAULT_BASELINE})")
    found = commands.add_parser(
        "sources",
        parents=[stores],
        help="show the sources discovery finds",
        description="Show the releases discovery finds for an article, ranked, with why — without judging claims.",
    )
    found.add_argument("article", metavar="ARTICLE", help="a .html, .md or .txt file, or a URL")
    archive = commands.add_parser("archive", help="the local release archive", description="The local release archive.")
    actions = archive.add_subparsers(dest="action", required=True, parser_class=_Parser)
    update = actions.add_parser("update", parents=[stores], help="pull releases from the publishers' listings")
    update.add_argument("--publisher", metavar="ID", action="append", default=[], help="only this publisher (repeat)")
    update.add_argument("--since", metavar="DATE", help="only releases published on or after DATE (YYYY-MM-DD)")
    search = actions.add_parser("search", parents=[stores], help="search the archive")
    search.add_argument("query", metavar="QUERY", help='words or a phrase, e.g. "Renewed Hope"')
    add = actions.add_parser("add", parents=[stores], help="add saved release pages to the archive")
    add.add_argument("paths", metavar="PATH", nargs="+", help="release pages (.html, .txt) or folders of them")
    add.add_argument("--publisher", metavar="ID", default="", help="the publisher's id in the registry")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    args = _parser().parse_args(argv)
    logging.basicConfig(
        level=logging.DEBUG if args.debug else logging.INFO if args.verbose else logging.WARNING,
        format="factcheck: %(levelname)s: %(message)s",
    )
    try:
        config = _config(args.config)
        commands = {"baseline": _baseline, "check": _check, "sources": _sources, "archive": _archive}
        return commands[args.command](args, config)
    except FactcheckError as exc:
        if args.debug:
            raise
        print(f"factcheck: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("factcheck: interrupted", file=sys.stderr)
        return 130


def _config(path: Path | None) -> FileConfig:
    if path is not None:
        if not path.is_file():
            raise ConfigError(f"no configuration file at {path}")
        return load_config(path)
    found = find_config()
    return load_config(found) if found else FileConfig()


def _settings(
    args: argparse.Namespace, config: FileConfig, *, progress: bool = False, baseline: Path | None = None
) -> Settings:
    """The one place arguments and configuration become Settings; arguments win."""
    return Settings(
        discover=not getattr(args, "no_discover", False),
        offline=bool(args.offline if args.offline is not None else config.offline),
        cache_dir=args.cache_dir or config.cache_dir,
        allow_private_addresses=bool(config.allow_private_addresses),
        allowed_networks=config.allowed_networks,
        allowed_hosts=config.allowed_hosts,
        registry=args.registry or config.registry,
        extra_publishers=config.publishers,
        archive_path=args.archive or config.archive,
        progress=progress,
        baseline=baseline,
        **config.thresholds,  # type: ignore[arg-type]  # checked fractions, named as Settings fields
    )


def _run(
    args: argparse.Namespace, config: FileConfig, *, progress: bool, baseline: Path | None
) -> tuple[list[Report], int]:
    """Check every article; an article that cannot be checked is reported and the rest go on."""
    articles = [a for a in expand_articles(args.articles) if not _excluded(a, config)]
    if not articles:
        raise UsageError("every article named is excluded by the configuration")
    _refuse_overwrite(getattr(args, "output", None), [*articles, *args.sources])
    settings = _settings(args, config, progress=progress, baseline=baseline)
    sources = [*args.sources, *config.sources]
    reports: list[Report] = []
    failed = 0
    for article in tqdm(articles, desc="checking", unit="article", disable=not progress or len(articles) <= 3):
        try:
            reports.append(check(article, sources, settings=settings))
        except FactcheckError as exc:
            if len(articles) == 1 or args.debug:
                raise
            print(f"factcheck: error: {exc}", file=sys.stderr)
            failed += 1
    return reports, failed


def _check(args: argparse.Namespace, config: FileConfig) -> int:
    fmt = args.format or config.format or "text"
    renderer = require(fmt)
    fail_on = args.fail_on or config.fail_on or "altered"
    on_terminal = sys.stderr.isatty() and "CI" not in os.environ and not args.quiet
    baseline = args.baseline or config.baseline
    if not args.baseline and baseline is not None and not baseline.exists():
        log.warning("the configured baseline %s does not exist yet: no findings are accepted by it", baseline)
        baseline = None  # `factcheck baseline` writes it; until then the configuration stays valid
    reports, failed = _run(args, config, progress=fmt == "text" and on_terminal, baseline=baseline)
    if reports:
        options = Options(colour=_colour(fmt) and not args.output, failing=FAIL_LEVELS[fail_on], quiet=args.quiet)
        _write(renderer(reports, options), args.output)
    return 2 if failed or not reports else exit_status(reports, fail_on)


def _baseline(args: argparse.Namespace, config: FileConfig) -> int:
    reports, failed = _run(args, config, progress=False, baseline=None)
    written = write_baseline(Path(args.output), reports)
    if not args.quiet:
        print(f"factcheck: {written} finding(s) from {len(reports)} article(s) written to {args.output}")
    return 2 if failed else 0


def _sources(args: argparse.Namespace, config: FileConfig) -> int:
    settings = _settings(args, config)
    found = find_sources(args.article, settings=settings)
    for note in found.notes:
        print(f"  {note}")
    if not found.candidates:
        print("no candidate sources found")
        return 0
    for rank, c in enumerate(found.candidates, 1):
        when = c.published.isoformat() if c.published else "undated"
        print(f"{rank:>3}. [{c.score:5.1f}] {when}  {c.title or c.url}")
        print(f"       {c.url}")
        print(f"       {c.why}")
    return 0


def _archive(args: argparse.Namespace, config: FileConfig) -> int:
    settings = _settings(args, config)
    registry = load_registry(settings.registry, settings.extra_publishers)
    with Archive(settings.archive_path, create=args.action != "search") as archive:
        if args.action == "search":
            hits = archive.search(args.query.split() if '"' not in args.query else [args.query.strip('"')])
            for source, publisher in hits:
                when = source.published.isoformat() if source.published else "undated"
                print(f"{when}  {publisher or '-':<9} {source.title or ''}\n            {source.url}")
            print(f"{len(hits)} release(s) match")
            return 0
        if args.action == "add":
            if args.publisher:
                registry.get(args.publisher)
            added = 0
            for source in load_sources(args.paths):
                if source.ok:
                    archive.add(source, args.publisher)
                    added += 1
                else:
                    print(f"factcheck: error: {source.location}: {source.error}", file=sys.stderr)
            print(f"{added} release(s) added to {archive.path}")
            return 0
        since = _date_argument(args.since)
        publishers = [registry.get(p) for p in args.publisher] or list(registry.publishers)
        with Fetcher(settings) as fetcher:
            added, problems = update_archive(archive, fetcher, publishers, since=since)
        for problem in problems:
            print(f"factcheck: error: {problem}", file=sys.stderr)
        print(f"{added} release(s) added to {archive.path}")
        return 2 if problems and not added else 0


def _date_argument(text: str | None) -> date | None:
    if text is None:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise UsageError(f"--since must be a date like 2024-03-01, not {text!r}") from None


def _write(text: str, output: str | None) -> None:
    if not output:
        sys.stdout.write(text)
        return
    try:
        Path(output).write_text(text, encoding="utf-8")
    except OSError as exc:
        raise UsageError(f"cannot write {output!r}: {exc.strerror or exc}") from exc


def exit_status(reports: Report | Sequence[Report], fail_on: str) -> int:
    """1 when any verdict of the run is at or above the fail level, else 0."""
    failing = FAIL_LEVELS[fail_on]
    run = [reports] if isinstance(reports, Report) else reports
    return 1 if any(v.label in failing for r in run for v in r.verdicts) else 0


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


def _excluded(article: str, config: FileConfig) -> bool:
    """Whether a configured ``exclude`` pattern (relative to the configuration file) covers the article."""
    if not config.exclude or "://" in article or article == "-":
        return False
    base = config.path.parent if config.path else Path.cwd()
    path = Path(article).resolve()
    try:
        relative = path.relative_to(base.resolve()).as_posix()
    except ValueError:
        relative = path.as_posix()
    return any(fnmatch.fnmatch(relative, pattern) for pattern in config.exclude)


def _colour(fmt: str) -> bool:
    return fmt == "text" and sys.stdout.isatty() and "NO_COLOR" not in os.environ and os.environ.get("TERM") != "dumb"


def _refuse_overwrite(output: str | None, inputs: list[str]) -> None:
    """Never write the report over what the user gave us to read."""
    if not output:
        return
    target = Path(output).resolve()
    for given in inputs:
        if given == "-" or "://" in given:
            continue
        path = Path(given).resolve()
        if target == path or (path.is_dir() and path in target.parents):
            raise UsageError(f"--output {output!r} would overwrite the input {given!r}")
