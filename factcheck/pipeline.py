"""The only module that knows the order of the stages: load → claims → sources → evidence → verdicts → report."""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable, Iterable
from pathlib import Path
from urllib.parse import urlsplit

import attrs

from factcheck.accept import accept, baseline_entries
from factcheck.archive import Archive
from factcheck.article import article_from_html, load_article
from factcheck.claims import extract_claims
from factcheck.config import Settings
from factcheck.discovery import discover
from factcheck.errors import InputError, SourceError
from factcheck.evidence import build_index
from factcheck.fetch import Fetcher, fetch_all, is_url
from factcheck.publishers import load_registry
from factcheck.records import Article, Found, Report, Source
from factcheck.sources import load_sources
from factcheck.verdicts import judge

log = logging.getLogger(__name__)

__all__ = ["check", "find_sources"]


def _linked_pages(article: Article) -> list[str]:
    """Links in the story's text to a page on another site: what it cites. A link to a site's home page, or
    to the outlet's own pages, cites nothing in particular."""
    own = urlsplit(article.url or "").hostname
    pages = []
    for link in article.links:
        parts = urlsplit(link)
        if parts.hostname and parts.hostname != own and parts.path.strip("/"):
            pages.append(link)
    return pages


def _article(article: str | Path | Article, fetching: Callable[[], Fetcher]) -> Article:
    """The article as given: a record, a URL (fetched), or a path or "-" (read)."""
    if isinstance(article, Article):
        return article
    if isinstance(article, str) and is_url(article):
        page = fetching().get(article)
        return article_from_html(page.body, url=page.final_url, location=article)
    return load_article(article)


def check(
    article: str | Path | Article,
    sources: Iterable[str | Path | Source] = (),
    *,
    settings: Settings | None = None,
    fetcher: Fetcher | None = None,
) -> Report:
    """Check every claim of ``article`` against ``sources``.

    Args:
        article: a path (``.html``, ``.md``, ``.txt``), ``"-"`` for standard
            input, or an ``Article``.
        sources: paths of release pages or folders of them, or ``Source`` records.
        settings: how to check; ``Settings()`` when omitted.
        fetcher: fetches URLs; one is made (and closed) for the check when
            omitted and a URL is given.

    Returns:
        The ``Report``: the article, the sources (failed ones with their
        error) and one verdict per claim.

    Raises:
        InputError: the article, or a source path, cannot be read.
        SourceError: no source was given, or every source failed.
        FetchError: the article is a URL that could not be fetched.
        UsageError: something asked for is not available.
    """
    settings = settings or Settings()
    with contextlib.ExitStack() as stack:

        def fetching() -> Fetcher:
            """The caller's fetcher, or one made for this check (and closed after it) on first need."""
            nonlocal fetcher
            if fetcher is None:
                fetcher = stack.enter_context(Fetcher(settings))
            return fetcher

        article = _article(article, fetching)
        given = list(sources)
        linked = _linked_pages(article) if settings.discover else []
        declared = [*article.declared_sources, *linked]
        sources = [*given, *(s for s in dict.fromkeys(declared) if s not in given)]
        how = []  # each way a source came to be used is said in the report
        if article.declared_sources:
            how.append(f"the story declares its sources: {', '.join(article.declared_sources)}")
        if linked:
            how.append(f"the story links to pages elsewhere, used as sources: {', '.join(linked)}")
        urls = [s for s in sources if isinstance(s, str) and is_url(s)]
        pages = fetch_all(fetching(), urls, progress=settings.progress) if urls else {}
        found = None
        if settings.discover and not sources:  # nothing given, declared or linked: find the release
            found = _discover(article, settings, fetching(), stack)
            sources = list(found.sources)
    loaded = load_sources(sources, pages)
    if not loaded and not settings.discover:
        raise SourceError("no sources to check against: none given, and discovery is off (--no-discover)")
    if not loaded:
        why = "; ".join(found.notes) if found is not None and found.notes else "no publisher named or linked"
        raise SourceError(f"no sources to check against: none given, and discovery found none ({why})")
    numbered = tuple(attrs.evolve(s, id=f"s{n}") for n, s in enumerate(loaded, 1))
    if not any(s.ok for s in numbered):
        reasons = "; ".join(f"{s.location}: {s.error}" for s in numbered)
        raise SourceError(f"every source failed ({reasons})")
    reference = article.published or max((s.published for s in numbered if s.published), default=None)
    claims = extract_claims(article, reference=reference)
    index = build_index(article, numbered, claims, reference)
    verdicts = tuple(judge(claim, index, settings) for claim in claims)
    notes = tuple(f"{s.id} ({s.location}) failed: {s.error}" for s in numbered if not s.ok) + index.notes
    notes = (*how, *(found.notes if found is not None else ()), *notes)
    report = Report(article=article, sources=numbered, verdicts=verdicts, notes=notes)
    return accept(report, baseline_entries(settings.baseline) if settings.baseline else frozenset())


def find_sources(article: str | Path | Article, *, settings: Settings | None = None) -> Found:
    """What discovery finds for an article — ranked candidates with why, and notes — without judging claims."""
    settings = settings or Settings()
    with contextlib.ExitStack() as stack:
        fetcher = stack.enter_context(Fetcher(settings))
        return _discover(_article(article, lambda: fetcher), settings, fetcher, stack)


def _discover(article: Article, settings: Settings, fetcher: Fetcher, stack: contextlib.ExitStack) -> Found:
    """Discovery with the archive when it can be opened. The default archive that cannot be (a read-only
    home in a CI container) is done without, and said; one the user named must work."""
    registry = load_registry(settings.registry, settings.extra_publishers)
    try:
        archive: Archive | None = stack.enter_context(Archive(settings.archive_path))
    except InputError as exc:
        if settings.archive_path is not None:
            raise
        archive, unusable = None, f"the release archive is not used: {exc}"
    else:
        unusable = ""
    claims = extract_claims(article, reference=article.published)
    found = discover(article, claims, registry, fetcher=fetcher, archive=archive, settings=settings)
    return attrs.evolve(found, notes=(unusable, *found.notes)) if unusable else found
