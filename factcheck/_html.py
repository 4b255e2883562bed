"""Private HTML helpers shared by article and release parsing.

BeautifulSoup picks the blocks that carry a page's main text; a small
walker over the raw markup then maps each character of that text back to
its offset in the file, so the report can point at a line and column.
"""

from __future__ import annotations

import html as htmllib
import json
import logging
import re
import warnings
from collections.abc import Iterator
from datetime import date

from bs4 import BeautifulSoup, Comment, MarkupResemblesLocatorWarning, Tag
from bs4.dammit import UnicodeDammit
from dateutil import parser as dateparser

from factcheck.errors import InputError

log = logging.getLogger(__name__)

__all__ = [
    "BeautifulSoup",
    "Locator",
    "Tag",
    "block_text",
    "blocks",
    "clean_title",
    "decode",
    "json_ld",
    "link_href",
    "main_container",
    "meta",
    "page_date",
    "page_title",
    "parse_date",
    "parse_page",
    "soup_of",
]

# Elements that never hold a story's or a release's own words.
CHROME = (
    "script, style, noscript, template, svg, nav, aside, footer, form, button, figure, "
    "figcaption, iframe, dialog, [role=navigation], [role=banner], [role=contentinfo], "
    "[aria-hidden=true], .breadcrumb, .breadcrumbs, .cookie-banner, .cookie, .share, "
    ".social, .related, .byline, .tags, .advert, .ad, .newsletter"
)
# Containers that usually hold the main text, most specific first.
CONTAINERS = (
    "[itemprop=articleBody]",
    ".field--name-body",
    ".story-body",
    ".article-body",
    ".entry-content",
    ".body-text",
    "article",
    "main",
    "[role=main]",
    "#content",
    "body",
)
BLOCKS = ("h1", "h2", "h3", "h4", "p", "li", "blockquote", "pre", "dd")


def decode(data: str | bytes) -> str:
    """Text of an HTML document: BOM, <meta charset> and detection, via UnicodeDammit."""
    if isinstance(data, str):
        return data
    dammit = UnicodeDammit(data, is_html=True)
    if dammit.unicode_markup is None:
        raise ValueError("cannot tell the page's character encoding")
    return dammit.unicode_markup


def soup_of(markup: str) -> BeautifulSoup:
    """The parsed page. A page whose whole text looks like a URL or a file name ("http:") is still a page:
    bs4's warning about it is for callers who meant to fetch the URL, which we never do here."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", MarkupResemblesLocatorWarning)
        return BeautifulSoup(markup, "html.parser")


def parse_page(html: str | bytes, location: str) -> tuple[str, BeautifulSoup, str | None]:
    """The decoded markup, its tree, and the site's name; InputError when the bytes cannot be read."""
    try:
        markup = decode(html)
    except ValueError as exc:
        raise InputError(location, str(exc)) from None
    soup = soup_of(markup)
    return markup, soup, meta(soup, "og:site_name")


def page_title(soup: BeautifulSoup, site: str | None) -> str | None:
    """The page's title from its metadata, without the site's name."""
    return clean_title(meta(soup, "og:title", "twitter:title") or (soup.title.get_text() if soup.title else None), site)


def meta(soup: BeautifulSoup, *names: str) -> str | None:
    """The first non-empty <meta> content among property/name ``names``."""
    for name in names:
        tag = soup.find("meta", attrs={"property": name}) or soup.find("meta", attrs={"name": name})
        if isinstance(tag, Tag):
            content = tag.get("content")
            if isinstance(content, str) and content.strip():
                return " ".join(content.split())
    return None


def link_href(soup: BeautifulSoup, rel: str) -> str | None:
    for tag in soup.find_all("link", href=True):
        rels = tag.get("rel")
        if rels is not None and rel in (rels if isinstance(rels, list) else [rels]):
            href = tag.get("href")
            if isinstance(href, str) and href.strip():
                return href.strip()
    return None


def json_ld(soup: BeautifulSoup) -> list[dict[str, object]]:
    """Every JSON-LD object of the page (broken blocks are skipped, not fatal)."""
    found: list[dict[str, object]] = []
    for tag in soup.find_all("script", type="application/ld+json"):
        try:
            data = json.loads(tag.get_text())
        except ValueError:
            log.debug("skipping a JSON-LD block that is not JSON")
            continue
        stack = data if isinstance(data, list) else [data]
        while stack:
            item = stack.pop()
            if isinstance(item, dict):
                found.append(item)
                graph = item.get("@graph")
                if isinstance(graph, list):
                    stack.extend(graph)
    return found


def parse_date(text: str | None) -> date | None:
    """A calendar date from ISO or written forms; None when there is none."""
    if not text:
        return None
    try:
        return dateparser.parse(text.strip(), fuzzy=False).date()
    except (ValueError, OverflowError):
        return None


def page_date(soup: BeautifulSoup) -> date | None:
    """The page's publication date from its metadata, most reliable first."""
    found = parse_date(
        meta(soup, "article:published_time", "og:published_time", "datePublished", "date", "dc.date", "DC.date.issued")
    )
    if found:
        return found
    for item in json_ld(soup):
        value = item.get("datePublished")
        if isinstance(value, str) and (found := parse_date(value)):
            return found
    for tag in soup.find_all("time", datetime=True):
        if isinstance(value := tag.get("datetime"), str) and (found := parse_date(value)):
            return found
    text = soup.get_text(" ")
    m = re.search(r"(?:Release Date|Published|Date)\s*:\s*([A-Z][a-z]+\.? \d{1,2},? \d{4})", text)
    return parse_date(m.group(1)) if m else None


def clean_title(title: str | None, site: str | None) -> str | None:
    """A page title without its " | Site name" suffix."""
    if not title:
        return None
    title = " ".join(title.split())
    parts = re.split(r"\s+[|\u2013\u2014-]\s+", title)
    if len(parts) > 1 and (site is None or len(parts[-1]) <= 40 or parts[-1] == site):
        title = " - ".join(parts[:-1])
    return title or None


def main_container(soup: BeautifulSoup) -> Tag:
    """The most specific element that holds nearly all of the page's paragraph text.

    ``<body>`` is the measure only when no article-like container holds at least half of it: a
    page's rail of other headlines is body text too, and must not decide which container wins.
    """
    candidates: list[tuple[Tag, int]] = []
    for selector in CONTAINERS:
        for tag in soup.select(selector):
            size = sum(len(p.get_text(strip=True)) for p in tag.find_all("p") if not _in_chrome(p, tag))
            candidates.append((tag, size))
    if not candidates:
        body = soup.body or soup
        return body if isinstance(body, Tag) else soup
    whole = max(size for _, size in candidates)
    specific = [(tag, size) for tag, size in candidates if tag.name != "body"]
    if specific and max(size for _, size in specific) >= 0.5 * whole:
        candidates = specific
    best_len = max(size for _, size in candidates)
    # Selectors are tried most specific first: take the first that holds ~all.
    return next(tag for tag, size in candidates if size >= 0.9 * best_len)


def _in_chrome(tag: Tag, top: Tag) -> bool:
    for parent in tag.parents:
        if parent is top:
            return False
        if parent.name in {"nav", "aside", "footer", "form", "figure", "header"} and parent.name != top.name:
            return True
    return False


def blocks(container: Tag, names: tuple[str, ...] = BLOCKS) -> list[Tag]:
    """The text blocks of a container, in order, outside any chrome.

    A block that holds other blocks counts for its own words only: html.parser
    nests a ``<p>`` left unclosed around the next one, and both must be kept.
    """
    chrome = set(map(id, container.select(CHROME)))
    found: list[Tag] = []
    for tag in container.find_all(names):
        if any(id(p) in chrome for p in [tag, *tag.parents]):
            continue
        if block_text(tag, names):
            found.append(tag)
    return found


def block_text(tag: Tag, names: tuple[str, ...] = BLOCKS) -> str:
    """The block's own words, whitespace collapsed, without those of blocks inside it."""
    parts: list[str] = []
    for string in tag.find_all(string=True):
        if isinstance(string, Comment) or string.find_parent(["script", "style", "template"]):
            continue
        owner = string.find_parent(names)
        if owner is tag:
            parts.append(str(string))
    return " ".join("".join(parts).split())


class Locator:
    """Maps text of a block back to offsets in the raw markup it was parsed from."""

    def __init__(self, markup: str) -> None:
        self.markup = markup
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", markup)]

    def tag_offset(self, tag: Tag) -> int:
        line = tag.sourceline or 1
        column = tag.sourcepos or 0
        return self.line_starts[min(line, len(self.line_starts)) - 1] + column

    def origins(self, tag: Tag, text: str) -> list[int]:
        """For each character of ``text`` (the tag's collapsed text), its raw offset."""
        start = self.tag_offset(tag)
        visible = _visible(self.markup, start)
        result: list[int] = []
        last = start
        for ch in text:
            if ch.isspace():
                result.append(last)
                continue
            for raw_ch, offset in visible:
                if raw_ch == ch:
                    last = offset
                    break
            else:  # ran off the end: keep pointing at the last match
                visible = iter(())
            result.append(last)
        return result


_ENTITY = re.compile(r"&(?:#\d+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);?")
_RAW_TEXT = re.compile(r"<(script|style)\b", re.IGNORECASE)


def _visible(markup: str, pos: int) -> Iterator[tuple[str, int]]:
    """Visible characters of ``markup`` from ``pos`` with their offsets."""
    n = len(markup)
    i = pos
    while i < n:
        ch = markup[i]
        if ch == "<":
            if markup.startswith("<!--", i):
                end = markup.find("-->", i)
                i = n if end < 0 else end + 3
                continue
            m = _RAW_TEXT.match(markup, i)
            if m:
                end = markup.lower().find(f"</{m.group(1).lower()}", i)
                i = n if end < 0 else end
            end = markup.find(">", i)
            i = n if end < 0 else end + 1
            continue
        if ch == "&":
            m = _ENTITY.match(markup, i)
            if m:
                for decoded in htmllib.unescape(m.group()):
                    yield decoded, i
                i = m.end()
                continue
        yield ch, i
        i += 1
