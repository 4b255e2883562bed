"""Finding the release a story does not link — takes an Article; returns candidate sources, ranked, each with why.

In order: links in the story to a registered publisher's site; then the
publishers the story names, whose releases from around the story's date are
taken from the local archive first and from their listings (JSON API,
RSS/Atom via feedparser, listing pages) only for what the archive lacks;
ranked by the story's distinctive terms (operation names, figures, people,
places) they share. The best few are fetched and become sources.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from datetime import date, timedelta
from typing import Any
from urllib.parse import urljoin, urlsplit

import attrs
import feedparser  # type: ignore[import-untyped]  # feedparser ships no type information

from factcheck import _html
from factcheck.archive import Archive
from factcheck.claims import find_entities
from factcheck.config import Settings
from factcheck.errors import FetchError, InputError
from factcheck.fetch import Fetcher
from factcheck.publishers import Listing, Publisher, Registry
from factcheck.records import Article, Candidate, Claim, DateSpan, Found, Quantity, Quote, Source
from factcheck.sources import source_from_html

__all__ = ["discover", "distinctive_terms", "update_archive"]

_MAX_PAGES = 3
_READ_PER_PUBLISHER = 5  # listed releases read in full, per publisher named in the story
_CONVINCING = 4.0  # an operation's name, or several names and figures, shared


def distinctive_terms(
    article: Article, claims: tuple[Claim, ...], registry: Registry | None = None
) -> dict[str, float]:
    """What tells this story's release from others: operation names, quoted terms, names, figures.

    The publishers' own names are left out: every release a publisher lists carries them.
    Figures under 100 are left out too: "10 countries" is in half of all releases.
    """
    terms: dict[str, float] = {}
    for m in re.finditer(r"\bOperation\s+(?:[A-Z][\w'’-]+\s?){1,4}", article.text):
        terms[m.group().strip()] = 4.0
    for claim in claims:
        detail = claim.detail
        if isinstance(detail, Quote) and detail.term and detail.words[:1].isupper():
            terms.setdefault(detail.words, 3.0)
        if isinstance(detail, Quantity) and detail.value is not None and detail.value >= 100:
            value = float(detail.value)
            terms.setdefault(f"{value:,.0f}" if value.is_integer() else str(value), 1.5)
    for _, _, name in find_entities(article.text):
        if len(name) > 3 and " " in name and not (registry and registry.named_in(name)):
            terms.setdefault(name, 2.0)
    return terms


def discover(
    article: Article,
    claims: tuple[Claim, ...],
    registry: Registry,
    *,
    fetcher: Fetcher | None,
    archive: Archive | None,
    settings: Settings,
) -> Found:
    """Candidate releases for a story, best first, and the chosen ones as sources."""
    notes: list[str] = []
    candidates: dict[str, Candidate] = {}
    for link in article.links:
        parts = urlsplit(link)
        publisher = registry.for_host(parts.hostname or "")
        if publisher and parts.path.strip("/"):
            candidates[link] = Candidate(
                link, publisher.id, "", None, 100.0, f"the story links to it ({publisher.name})"
            )
    named = registry.named_in(article.text)
    terms = distinctive_terms(article, claims, registry)
    around = article.published or max((c.detail.end for c in claims if isinstance(c.detail, DateSpan)), default=None)
    window = (
        (around - timedelta(days=settings.discovery_days), around + timedelta(days=settings.discovery_days))
        if around
        else None
    )
    if named:
        notes.append("publishers the story names: " + ", ".join(f"{p.name} (as {alias!r})" for p, alias in named))
    archived = {p.id: _from_archive(archive, p, terms, window) for p, _ in named}
    enough = any(c.score >= _CONVINCING for found in archived.values() for c in found)
    if enough:
        notes.append("the archive holds a release that shares the story's distinctive terms: no listing is read")
    for publisher, _ in named:
        found = archived[publisher.id]
        if not enough and fetcher is not None and not settings.offline:
            found = [*found, *_from_listings(fetcher, archive, publisher, terms, window, notes)]
        elif not enough:
            notes.append(f"{publisher.name}: nothing convincing in the archive, and the network is not used (offline)")
        for candidate in found:
            if candidate.url not in candidates or candidates[candidate.url].score < candidate.score:
                candidates[candidate.url] = candidate
    ranked = sorted(candidates.values(), key=lambda c: -c.score)
    chosen = [c for c in ranked if c.score >= _CONVINCING][: settings.discovery_limit]
    sources = []
    for rank, candidate in enumerate(chosen, 1):
        source = candidate.source or _fetch(fetcher, archive, candidate.url, registry.get(candidate.publisher), notes)
        if source is not None:
            sources.append(source)
            notes.append(f"discovered #{rank}: {candidate.url} — {candidate.why}")
    return Found(tuple(ranked), tuple(sources), tuple(notes))


def _score(
    text: str, terms: dict[str, float], published: date | None, window: tuple[date, date] | None
) -> tuple[float, list[str]]:
    shared = [t for t in terms if re.search(rf"(?<!\w){re.escape(t)}(?!\w)", text, re.IGNORECASE)]
    score = sum(terms[t] for t in shared)
    if window and published:
        middle = window[0] + (window[1] - window[0]) / 2
        span = max(1, (window[1] - window[0]).days / 2)
        score += max(0.0, 1 - abs((published - middle).days) / span)  # nearer the story, a little better
    return score, shared


def _in_window(published: date | None, window: tuple[date, date] | None) -> bool:
    return window is None or published is None or window[0] <= published <= window[1]


def _from_archive(archive: Archive | None, publisher: Publisher, terms: dict[str, float],
                  window: tuple[date, date] | None) -> list[Candidate]:  # fmt: skip
    if archive is None:
        return []
    found = []
    hits = archive.search(terms, publisher=publisher.id, since=window[0] if window else None,
                          until=window[1] if window else None)  # fmt: skip
    for source, _ in hits:
        score, shared = _score(f"{source.title} {source.text}", terms, source.published, window)
        if score > 0:
            why = f"in the archive, from {publisher.name}; shares " + ", ".join(repr(t) for t in shared[:5])
            found.append(Candidate(source.url, publisher.id, source.title or "", source.published, score, why, source))
    return found


def _from_listings(fetcher: Fetcher, archive: Archive | None, publisher: Publisher, terms: dict[str, float],
                   window: tuple[date, date] | None, notes: list[str]) -> list[Candidate]:  # fmt: skip
    """Releases a publisher lists around the story's date, judged on their full text.

    A listing's title rarely carries the operation's name ("HSI, partners conduct…"), so the
    entries whose titles share the most with the story, then the nearest in date, are read in
    full — at most ``_READ_PER_PUBLISHER`` of them — and scored on what they say.
    """
    kept: dict[str, tuple[str, date | None, float]] = {}
    for listing, entries in _listed(fetcher, publisher, notes):
        near = [e for e in entries if _in_window(e[2], window)]
        notes.append(
            f"{publisher.name}: {len(entries)} release(s) listed at {listing.url}, "
            f"{len(near)} from around the story's date"
        )
        for url, title, published, summary in near:
            score, _ = _score(f"{title} {summary} {url.replace('-', ' ')}", terms, published, window)
            if url not in kept or kept[url][2] < score:
                kept[url] = (title, published, score)
    found = []
    ordered = sorted(kept.items(), key=lambda item: -item[1][2])
    for url, (title, published, _) in ordered[:_READ_PER_PUBLISHER]:
        source = _fetch(fetcher, archive, url, publisher, notes)
        if source is None:
            continue
        score, shared = _score(f"{source.title} {source.text}", terms, source.published or published, window)
        if shared:
            why = f"listed by {publisher.name}; its text shares " + ", ".join(repr(t) for t in shared[:5])
            found.append(Candidate(url, publisher.id, source.title or title, source.published or published,
                                   score, why, source))  # fmt: skip
    return found


def _entries(fetcher: Fetcher, listing: Listing) -> Iterator[tuple[str, str, date | None, str]]:
    """(url, title, date, summary) of each release a listing shows."""
    if listing.kind == "json":
        data: Any = json.loads(fetcher.get(listing.url).body)
        for key in filter(None, listing.items.split(".")):
            data = data.get(key) if isinstance(data, dict) else None
        if not isinstance(data, list):
            raise ValueError(f"the JSON holds no list of releases at {listing.items or 'its top level'!r}")
        for item in data:
            if not isinstance(item, dict):
                continue  # an entry that is not an object names no release
            link = str(item.get(listing.fields.get("url", "url"), ""))
            yield (
                urljoin(listing.base or listing.url, link),
                str(item.get(listing.fields.get("title", "title"), "")),
                _html.parse_date(str(item.get(listing.fields.get("date", "date"), "")) or None),
                str(item.get(listing.fields.get("summary", "summary"), "") or ""),
            )
    elif listing.kind == "feed":
        feed = feedparser.parse(fetcher.get(listing.url).body)
        if not feed.entries and (feed.get("bozo") or not feed.get("version")):
            why = feed.get("bozo_exception") or "no RSS or Atom in it"
            raise ValueError(f"not a feed ({why})")
        for entry in feed.entries:
            stamp = entry.get("published_parsed") or entry.get("updated_parsed")
            yield (
                str(entry.get("link", "")),
                str(entry.get("title", "")),
                date(*stamp[:3]) if stamp else None,
                _html.block_text(_html.soup_of(str(entry.get("summary", "")))) if entry.get("summary") else "",
            )
    else:
        next_page: str | None = listing.url
        for _ in range(_MAX_PAGES):
            if not next_page:
                break
            page = fetcher.get(next_page)
            _, soup, _ = _html.parse_page(page.body, next_page)
            box = soup.select_one(listing.selector) if listing.selector else None
            for anchor in (box or soup).find_all("a", href=True):
                href = urljoin(page.final_url, str(anchor["href"]))
                holder = anchor.find_parent(["li", "article", "tr", "div"]) or anchor
                stamp = holder.find("time")
                when = _html.parse_date(str(stamp.get("datetime") or stamp.get_text())) if stamp else None
                title = " ".join(anchor.get_text().split())
                if title and urlsplit(href).path.strip("/") and "rel" not in anchor.attrs:
                    yield href, title, when, ""
            following = soup.find("a", rel="next") or soup.find("link", rel="next")
            next_page = urljoin(page.final_url, str(following["href"])) if following and following.get("href") else None


def _fetch(fetcher: Fetcher | None, archive: Archive | None, url: str, publisher: Publisher,
           notes: list[str]) -> Source | None:  # fmt: skip
    """A release from the archive if it is there, else from its publisher (and then archived)."""
    if archive is not None and (kept := archive.get(url)):
        return kept
    if fetcher is None:
        return None
    try:
        page = fetcher.get(url)
        source = attrs.evolve(
            source_from_html(page.body, url=page.final_url, location=url, body=publisher.body),
            fetched_at=page.fetched_at,
            final_url=page.final_url,
        )
    except (FetchError, InputError) as exc:
        notes.append(f"{url} (from {publisher.name}) could not be used: {exc.reason}")
        return None
    if archive is not None:
        archive.add(source, publisher.id)
    return source


def _listed(fetcher: Fetcher, publisher: Publisher,
            notes: list[str]) -> Iterator[tuple[Listing, list[tuple[str, str, date | None, str]]]]:  # fmt: skip
    """Each of a publisher's listings that can be read, with its entries; the others are noted."""
    for listing in publisher.listings:
        try:
            entries = list(_entries(fetcher, listing))
        except (FetchError, InputError, ValueError) as exc:
            reason = exc.reason if isinstance(exc, FetchError | InputError) else str(exc)
            notes.append(f"{publisher.name}: its {listing.kind} listing {listing.url} could not be read: {reason}")
            continue
        yield listing, entries


def update_archive(
    archive: Archive, fetcher: Fetcher, publishers: Iterable[Publisher], *, since: date | None = None
) -> tuple[int, list[str]]:
    """Pull each publisher's listed releases (since ``since``) into the archive; (how many, what failed).

    A release already archived is not fetched again: the archive keeps what it said when first read.
    """
    added, problems = 0, list[str]()
    for publisher in publishers:
        for _, entries in _listed(fetcher, publisher, problems):
            for url, _, published, _ in entries:
                if (since and published and published < since) or archive.get(url):
                    continue
                if _fetch(fetcher, archive, url, publisher, problems) is not None:
                    added += 1
    return added, problems
