"""Stage 0 — takes a file, stdin or a string; returns an Article (plain text + offsets).

HTML keeps only the story's main text; Markdown loses its markup and front
matter. Either way every character of ``Article.text`` remembers its offset
in the user's file, so line and column in the report land on the right spot.
"""

from __future__ import annotations

import hashlib
import logging
import re
import sys
from datetime import date, datetime
from pathlib import Path

import yaml

from factcheck import _html
from factcheck._dates import date_line
from factcheck.errors import ExtractionError, InputError, UsageError
from factcheck.records import Article

log = logging.getLogger(__name__)

__all__ = ["article_from_html", "article_from_markdown", "article_from_text", "load_article"]

HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
MARKDOWN_SUFFIXES = frozenset({".md", ".markdown", ".mdown"})


def load_article(spec: str | Path) -> Article:
    """Read the article the user named: a path, ``-`` for stdin; URLs need fetching."""
    location = str(spec)
    if isinstance(spec, str) and re.match(r"^[a-z][a-z0-9+.-]*://", spec, re.IGNORECASE):
        raise UsageError(f"cannot read {spec!r} as a file: URLs are fetched by factcheck.check")
    if location == "-":
        data = sys.stdin.buffer.read()
        suffix = _sniff(data)
    else:
        path = Path(spec)
        try:
            data = path.read_bytes()
        except IsADirectoryError:
            raise InputError(location, "it is a directory, not an article file") from None
        except OSError as exc:
            raise InputError(location, exc.strerror or str(exc)) from exc
        suffix = path.suffix.lower()
        if suffix not in HTML_SUFFIXES | MARKDOWN_SUFFIXES | {".txt"}:
            suffix = _sniff(data)
    if b"\x00" in data[:8192]:
        raise InputError(location, "it is a binary file, not an article (.html, .md or .txt)")
    if suffix in HTML_SUFFIXES:
        return article_from_html(data, location=location)
    text = _decode_text(data, location)
    if suffix in MARKDOWN_SUFFIXES:
        return article_from_markdown(text, location=location, sha256=_sha256(data))
    return article_from_text(text, location=location, sha256=_sha256(data))


def _sniff(data: bytes) -> str:
    head = data[:2048].lstrip().lower()
    if head.startswith((b"<!doctype html", b"<html", b"<?xml")) or b"<body" in head:
        return ".html"
    if head.startswith(b"---\n") or head.startswith(b"---\r\n") or head.startswith(b"# "):
        return ".md"
    return ".txt"


def _decode_text(data: bytes, location: str) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(location, f"it is not UTF-8 text (bad byte at offset {exc.start})") from None


def _sha256(data: str | bytes) -> str:
    return hashlib.sha256(data.encode("utf-8") if isinstance(data, str) else data).hexdigest()


def _require_text(text: str, location: str) -> None:
    if not text.strip():
        raise ExtractionError(location, "no article text found in it")


# ------------------------------------------------------------------ plain text


def article_from_text(
    text: str,
    *,
    location: str = "<text>",
    title: str | None = None,
    published: date | None = None,
    sha256: str | None = None,
) -> Article:
    """A plain-text story, kept as it is; a short first line with no full stop is its title."""
    raw = text.replace("\r\n", "\n")
    origin = None
    if raw != text:  # keep offsets pointing into the file as given
        origin = tuple(i for i, ch in enumerate(text) if not (ch == "\r" and text[i + 1 : i + 2] == "\n"))
    _require_text(raw, location)
    published = published or date_line(raw)  # "15 March 2024" under the byline
    if title is None:
        first = raw.strip().split("\n\n", 1)[0].strip()
        if "\n" not in first and len(first) <= 160 and not first.endswith((".", "!", "?", ":", "”", '"')):
            title = first
    return Article(
        text=raw,
        raw=text,
        location=location,
        title=title,
        published=published,
        sha256=sha256 or _sha256(text),
        origin=origin,
    )


# -------------------------------------------------------------------- markdown

_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.DOTALL)
_FENCE = re.compile(r"^\s{0,3}(```|~~~)")
_LINK_DEF = re.compile(r"^\s{0,3}\[[^\]]+\]:\s+\S")
_LINE_MARKER = re.compile(r"^(\s{0,3}(?:>\s?)*\s*(?:#{1,6}\s+|[-*+]\s+|\d{1,3}[.)]\s+)?)")
_HR = re.compile(r"^\s{0,3}([-*_])(\s*\1){2,}\s*$")
# Inline markup whose text is not article text, or is only punctuation.
_INLINE = re.compile(
    r"(?P<image>!\[[^\]]*\]\([^)]*\))"
    r"|(?P<link>\[(?P<label>[^\]]+)\](?:\([^)]*\)|\[[^\]]*\]))"
    r"|(?P<html><!--.*?-->|</?[A-Za-z][^>]*>)"
    r"|(?P<emph>\*{1,3}|(?<![A-Za-z0-9])_{1,3}|_{1,3}(?![A-Za-z0-9])|~~|`+)"
    r"|(?P<escape>\\(?=[^\sA-Za-z0-9]))"
)


def article_from_markdown(markdown: str, *, location: str = "<markdown>", sha256: str | None = None) -> Article:
    """A Markdown story: front matter gives title and date; markup is dropped."""
    meta: dict[str, object] = {}
    body_start = 0
    m = _FRONT_MATTER.match(markdown)
    if m:
        try:
            loaded = yaml.safe_load(m.group(1))
        except yaml.YAMLError as exc:
            raise InputError(location, f"its front matter is not valid YAML ({exc.__class__.__name__})") from None
        if loaded is not None and not isinstance(loaded, dict):
            raise InputError(location, "its front matter is not a mapping of keys to values")
        meta = loaded or {}
        body_start = m.end()
    title = meta.get("title")
    title = " ".join(str(title).split()) if title else None
    declared = _declared_sources(meta.get("sources"), location)
    published = _front_matter_date(meta.get("date") or meta.get("published"))

    out: list[str] = []
    origin: list[int] = []
    repeated = title and re.match(rf"\s*#{{1,6}}\s+{re.escape(title)}\s*$", markdown[body_start:], re.M)
    if title and not repeated and (pos := markdown.find(title, 0, body_start)) >= 0:
        _emit(out, origin, title, pos)
    headline_end = len(out)
    in_fence = False
    in_comment = False
    offset = body_start
    for line in markdown[body_start:].splitlines(keepends=True):
        line_start, offset = offset, offset + len(line)
        stripped = line.rstrip("\r\n")
        if _FENCE.match(stripped):
            in_fence = not in_fence
            continue
        if in_fence:
            continue
        if in_comment:
            end = stripped.find("-->")
            if end < 0:
                continue
            in_comment = False
            stripped, line_start = stripped[end + 3 :], line_start + end + 3
        if "<!--" in stripped and "-->" not in stripped[stripped.find("<!--") :]:
            in_comment = True
            stripped = stripped[: stripped.find("<!--")]
        if not stripped.strip() or _HR.match(stripped) or _LINK_DEF.match(stripped):
            _paragraph_break(out, origin, line_start)
            continue
        marker = _LINE_MARKER.match(stripped)
        skip = len(marker.group(1)) if marker else 0
        if skip and stripped[:skip].strip():  # a heading or list item starts a block
            _paragraph_break(out, origin, line_start)
        elif out and out[-1] != "\n":
            _emit(out, origin, " ", line_start)
        _emit_inline(out, origin, stripped[skip:], line_start + skip)
        if re.match(r"^\s{0,3}#", stripped):
            _paragraph_break(out, origin, offset)
    text = "".join(out).rstrip()
    _require_text(text[headline_end:], location)  # a title alone is not a story
    return Article(
        text=text,
        raw=markdown,
        location=location,
        title=title,
        published=published,
        sha256=sha256 or _sha256(markdown),
        origin=tuple(origin[: len(text)]),
        declared_sources=declared,
        links=tuple(dict.fromkeys(re.findall(r"\]\((https?://[^)\s]+)\)", markdown[body_start:]))),
    )


def _declared_sources(value: object, location: str) -> tuple[str, ...]:
    """Front matter ``sources:`` — URLs as they are, paths relative to the article's folder."""
    if value is None:
        return ()
    items = [value] if isinstance(value, str) else value
    if not isinstance(items, list) or not all(isinstance(i, str) for i in items):
        raise InputError(location, "its front matter 'sources' must be a list of paths or URLs")
    base = Path(location).parent if not location.startswith("<") and location != "-" else Path.cwd()
    return tuple(i if "://" in i else str(base / i) for i in items)


def _front_matter_date(value: object) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    return _html.parse_date(str(value)) if value else None


def _emit(out: list[str], origin: list[int], text: str, start: int) -> None:
    out.extend(text)
    origin.extend(range(start, start + len(text)))


def _paragraph_break(out: list[str], origin: list[int], at: int) -> None:
    while out and out[-1] == " ":
        out.pop()
        origin.pop()
    if out and out[-1] != "\n":
        out.extend("\n\n")
        origin.extend((at, at))


def _emit_inline(out: list[str], origin: list[int], line: str, start: int) -> None:
    cursor = 0
    for m in _INLINE.finditer(line):
        _emit(out, origin, line[cursor : m.start()], start + cursor)
        if m.group("link"):
            _emit_inline(out, origin, m.group("label"), start + m.start("label"))
        cursor = m.end()
    _emit(out, origin, line[cursor:].rstrip(), start + cursor)


# ------------------------------------------------------------------------ HTML


def _links(blocks: list[_html.Tag]) -> list[str]:
    found = []
    for tag in blocks:
        for anchor in tag.find_all("a", href=True):
            href = anchor.get("href")
            if isinstance(href, str) and re.match(r"https?://", href.strip(), re.IGNORECASE):
                found.append(href.strip())
    return found


def article_from_html(html: str | bytes, *, url: str | None = None, location: str | None = None) -> Article:
    """A news page: the story's headline and paragraphs, no navigation or footers."""
    location = location or url or "<html>"
    markup, soup, site = _html.parse_page(html, location)
    title = _html.page_title(soup, site)
    container = _html.main_container(soup)
    blocks = _html.blocks(container)
    headline = soup.find("h1")
    if isinstance(headline, _html.Tag) and headline not in blocks and _html.block_text(headline):
        blocks.insert(0, headline)  # the headline is part of what the story says
    locator = _html.Locator(markup)
    out: list[str] = []
    origin: list[int] = []
    for tag in blocks:
        text = _html.block_text(tag)
        if not text:
            continue
        if out:
            out.append("\n\n")
            origin.extend((origin[-1], origin[-1]))
        out.append(text)
        origin.extend(locator.origins(tag, text))
    text = "".join(out)
    _require_text(text, location)
    if title is None and isinstance(headline, _html.Tag):
        title = _html.block_text(headline) or None
    return Article(
        text=text,
        raw=markup,
        location=location,
        title=title,
        published=_html.page_date(soup),
        sha256=_sha256(html),
        url=url or _html.link_href(soup, "canonical"),
        origin=tuple(origin),
        links=tuple(dict.fromkeys(_links(blocks))),
    )
