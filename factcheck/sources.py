"""Stage 2 — takes what the user named as sources; returns parsed Source records.

A release page becomes title, publisher, publication date, dateline and body
paragraphs. Local files and folders are read here; fetching over HTTP is its
own stage and not built yet, so a URL source is listed as failed, with why.
"""

from __future__ import annotations

import hashlib
import logging
import re
from collections.abc import Iterable, Iterator, Mapping
from datetime import date
from pathlib import Path

import attrs

from factcheck import _html
from factcheck import _lexicon as lex
from factcheck._dates import date_line
from factcheck._text import paragraphs
from factcheck.errors import ExtractionError, FetchError, InputError
from factcheck.fetch import Page
from factcheck.records import Source

log = logging.getLogger(__name__)

__all__ = ["load_sources", "source_from_html", "source_from_text"]

SOURCE_SUFFIXES = frozenset({".html", ".htm", ".xhtml", ".txt"})
_BODY_BLOCKS = ("h2", "h3", "h4", "p", "li", "blockquote", "pre", "tr")
_URL = re.compile(r"^[a-z][a-z0-9+.-]*://", re.IGNORECASE)

# "WASHINGTON —", "WASHINGTON, D.C. –", "OTTAWA, ON, Aug. 9, 2023 /CNW/ -", "LONDON -".
_DATELINE = re.compile(
    r"^(?P<dateline>[A-Z][A-Z.'\u2019 -]{1,40}[A-Z.](?:,\s*[A-Za-z.]+(?:\s[A-Za-z.]+)?){0,2}"
    r"(?:,\s*[A-Z][a-z]{2,8}\.?\s\d{1,2},\s\d{4})?(?:\s*/[A-Za-z ]+/)?)"
    r"\s*(?:\u2014|\u2013|--|-)\s+"
)


def load_sources(
    specs: Iterable[str | Path | Source], pages: Mapping[str, Page | FetchError] | None = None
) -> tuple[Source, ...]:
    """Sources from records, files, folders and fetched pages; unreadable ones are kept as failed.

    ``pages`` holds what fetching each URL among ``specs`` gave. A path that
    does not exist is the user's typo, not a finding: it raises.
    """
    found: list[Source] = []
    for spec in specs:
        if isinstance(spec, Source):
            found.append(spec)
        elif isinstance(spec, str) and _URL.match(spec):
            found.append(_from_fetch(spec, (pages or {}).get(spec)))
        else:
            found.extend(_load_path(Path(spec)))
    unique: dict[str, Source] = {}
    for source in found:
        key = source.sha256 or source.location or source.url
        if key in unique:
            log.info("skipping %s: same content as %s", source.location, unique[key].location)
            continue
        unique[key] = source
    return tuple(unique.values())


def _from_fetch(url: str, fetched: Page | FetchError | None) -> Source:
    if fetched is None:
        return Source.failed(url, "not fetched")
    if isinstance(fetched, FetchError):
        return Source.failed(url, fetched.reason)
    try:
        source = source_from_html(fetched.body, url=fetched.final_url, location=url)
    except InputError as exc:
        return Source.failed(url, exc.reason)
    return attrs.evolve(source, fetched_at=fetched.fetched_at, final_url=fetched.final_url)


def _load_path(path: Path) -> Iterator[Source]:
    if path.is_dir():
        files = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SOURCE_SUFFIXES)
        if not files:
            raise InputError(str(path), "the folder holds no .html or .txt release pages")
        for file in files:
            yield _load_file(file)
    elif path.exists():
        yield _load_file(path)
    else:
        raise InputError(str(path), "no such file or directory")


def _load_file(path: Path) -> Source:
    location = str(path)
    try:
        data = path.read_bytes()
        if b"\x00" in data[:8192]:
            raise InputError(location, "it is a binary file, not a release page")
        if path.suffix.lower() == ".txt":
            try:
                text = data.decode("utf-8-sig")
            except UnicodeDecodeError:
                raise InputError(location, "it is not UTF-8 text") from None
            return source_from_text(text, url="", location=location, sha256=_sha256(data))
        return source_from_html(data, url="", location=location)
    except InputError as exc:
        log.warning("source %s failed: %s", location, exc.reason)
        return Source.failed(location, exc.reason)
    except OSError as exc:
        return Source.failed(location, exc.strerror or str(exc))


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def source_from_html(html: str | bytes, *, url: str = "", location: str | None = None, body: str = "") -> Source:
    """Parse a release page: canonical URL, title, publisher, date, dateline, paragraphs.

    ``body`` is a publisher's CSS selector for the release text (from the registry); when it
    matches nothing, the generic main-content reader is used, so a redesign degrades, not breaks.
    """
    location = location or url or "<html>"
    _, soup, site = _html.parse_page(html, location)
    container = (soup.select_one(body) if body else None) or _html.main_container(soup)
    headline = container.find("h1") or soup.find("h1")
    title = (
        _html.block_text(headline)
        if isinstance(headline, _html.Tag) and _html.block_text(headline)
        else _html.page_title(soup, site)
    )
    publisher = _issuer(soup) or site or _html.meta(soup, "publisher", "author", "dcterms.publisher")
    if publisher is None:
        for item in _html.json_ld(soup):
            pub = item.get("publisher")
            if isinstance(pub, dict) and isinstance(pub.get("name"), str):
                publisher = str(pub["name"])
                break
    texts = [
        _row(tag) if tag.name == "tr" else _quoted_if_blockquote(tag, _html.block_text(tag, _BODY_BLOCKS))
        for tag in _html.blocks(container, _BODY_BLOCKS)
        if tag is not headline
    ]
    texts = [t for t in texts if t and not _is_metadata_line(t)]
    if wall := _wall(soup, texts):
        raise ExtractionError(location, f"the page is {wall}, not a release")
    if not texts:
        raise ExtractionError(location, "no release text found in the page")
    canonical = _html.link_href(soup, "canonical") or _html.meta(soup, "og:url")
    return _build(
        texts,
        url=canonical or url or location,
        location=location,
        title=title,
        publisher=publisher,
        published=_html.page_date(soup) or date_line(container.get_text("\n"), head=2000),
        sha256=_sha256(html.encode("utf-8") if isinstance(html, str) else html),
        final_url=url or None,
    )


_WALLS = re.compile(
    r"just a moment|attention required|verify (?:you are|that you are) (?:a )?human|are you a robot|captcha"
    r"|access denied|enable javascript and cookies|checking your browser|request unsuccessful",
    re.IGNORECASE,
)


def _wall(soup: _html.BeautifulSoup, texts: list[str]) -> str | None:
    """A login form or a bot check where a release should be: reported, never read as one."""
    if soup.find("input", attrs={"type": "password"}) and sum(len(t) for t in texts) < 1500:
        return "a login page"
    title = soup.title.get_text() if soup.title else ""
    if _WALLS.search(title) or (_WALLS.search(" ".join(texts[:5])) and sum(len(t) for t in texts) < 1500):
        return "a bot check"
    return None


def _issuer(soup: _html.BeautifulSoup) -> str | None:
    """Who issued a release carried by someone else's site: a newswire's "News provided by",
    GOV.UK's "From:" department. The site's own name is only the carrier."""
    text = soup.get_text("\n")
    m = re.search(r"(?:NEWS PROVIDED BY|^From:)\s*\n\s*([^\n]{3,80})", text, re.IGNORECASE | re.MULTILINE)
    return " ".join(m.group(1).split()) if m else None


_COLUMN_CURRENCY = re.compile(r"\((EUR|USD|GBP|CAD|AUD|NZD|INR|\u20ac|\$|\u00a3)\)")


def _row(row: _html.Tag) -> str:
    """A table row as a sentence that names each cell's column: "Company: Falkenrath AG; Fine (EUR): EUR 412 760
    000." — the column says what a figure is, and in what currency. A row of headings says nothing itself."""
    cells = row.find_all(["td", "th"], recursive=False)
    if not cells or all(cell.name == "th" for cell in cells):
        return ""
    table = row.find_parent("table")
    first = table.find("tr") if table is not None else None
    heads = (
        [" ".join(h.get_text(" ").split()) for h in first.find_all(["th", "td"], recursive=False)]
        if isinstance(first, _html.Tag) and first is not row and first.find("th") is not None
        else []
    )
    parts = []
    for n, cell in enumerate(cells):
        text = " ".join(cell.get_text(" ").split())
        head = heads[n] if n < len(heads) else ""
        if (unit := _COLUMN_CURRENCY.search(head)) and re.fullmatch(r"\d[\d ,.]*", text):
            code = unit.group(1)
            text = f"{code}{text}" if code in "\u20ac$\u00a3" else f"{code} {text}"
        parts.append(f"{head}: {text}" if head and text else text)
    return "; ".join(p for p in parts if p) + "."


def _quoted_if_blockquote(tag: _html.Tag, text: str) -> str:
    """GOV.UK sets statements as "X said:" and a blockquote without marks: the marks are implied."""
    inside = tag.name == "blockquote" or tag.find_parent("blockquote") is not None
    if inside and text and text[0] not in '\u201c"\u00ab\u201e':
        return f"\u201c{text}\u201d"
    return text


def source_from_text(text: str, *, url: str = "", location: str | None = None, sha256: str | None = None) -> Source:
    """A release as plain text: title line, optional date line, then paragraphs."""
    location = location or url or "<text>"
    text = text.replace("\r\n", "\n")
    blocks = [" ".join(text[s:e].split()) for s, e in paragraphs(text)]
    if not blocks:
        raise ExtractionError(location, "no release text found in it")
    publisher, published, body = _letterhead(text)
    if publisher is not None:
        blocks = [" ".join(body[s:e].split()) for s, e in paragraphs(body)]
    title = blocks.pop(0) if len(blocks) > 1 and len(blocks[0]) <= 200 and not blocks[0].endswith(".") else None
    while blocks and (_is_metadata_line(blocks[0]) or (publisher is None and _issuer_line(blocks[0].split(",")[0]))):
        if not _is_metadata_line(blocks[0]):
            publisher = blocks[0].split(",")[0]  # "National Transportation Safety Board, Office of Aviation Safety"
        published = published or _html.parse_date(blocks[0].split(":", 1)[-1])
        blocks.pop(0)
    if not blocks:
        raise ExtractionError(location, "no release text found in it")
    published = published or date_line(text)  # "New Delhi, 27.11.2025" under the title
    return _build(
        blocks,
        url=url or location,
        location=location,
        title=title,
        publisher=publisher,
        published=published,
        sha256=sha256 or _sha256(text.encode("utf-8")),
        final_url=url or None,
    )


# Lines of a letterhead under the issuer's name: "Press Release", "(A Government of India Undertaking)".
_LETTERHEAD = re.compile(
    r"^(?:(?:press|news|media) (?:release|statement)|for immediate release|\(.{3,80}\)"
    r"|(?:head|registered) office\b.{0,120})$",
    re.IGNORECASE,
)


def _letterhead(text: str) -> tuple[str | None, date | None, str]:
    """A release typed on letterhead: the issuer's name on the first line, then lines such as "PRESS STATEMENT"
    and "Mumbai, 12.08.2025". The issuer, the date, and the text after them; (None, None, text) for none."""
    lines = text.split("\n")
    filled = [(n, line.strip()) for n, line in enumerate(lines) if line.strip()]
    if len(filled) < 3 or not _issuer_line(filled[0][1]):
        return None, None, text
    if not (_LETTERHEAD.match(filled[1][1]) or date_line(filled[1][1])):
        return None, None, text
    published, last = None, filled[0][0]
    for n, line in filled[1:]:
        if not _LETTERHEAD.match(line) and (day := date_line(line)) is None:
            break
        published, last = published or (None if _LETTERHEAD.match(line) else day), n
    return filled[0][1], published, "\n".join(lines[last + 1 :])


# Words that end a company's or a bank's name on its letterhead: "Konkan National Bank", "Brightseat Tickets LLC".
_ISSUER_WORDS = frozenset(
    "bank board investigation llc inc ltd limited plc corp corporation company co group gmbh ag nv bv sa".split()
)


def _issuer_line(text: str) -> bool:
    """A letterhead's first line: a short name of a body ("Central Bureau of Investigation", "Konkan National Bank")."""
    words = text.split()
    return (
        0 < len(words) <= 8
        and not text.endswith(".")
        and ":" not in text  # "Aviation Investigation Preliminary Report: …" is a headline
        and all(w[:1].isupper() or w in {"of", "and", "for", "the"} for w in words)
        and bool({w.lower().strip(".,") for w in words} & (lex.ORG_WORDS | _ISSUER_WORDS))
    )


def _is_metadata_line(text: str) -> bool:
    return bool(re.match(r"^(Release Date|Date|Published|For Immediate Release|Contact)\b\s*:?", text, re.I)) and (
        len(text) < 80
    )


def _build(texts: list[str], *, url: str, location: str, **fields: object) -> Source:
    dateline = None
    m = _DATELINE.match(texts[0])
    if m and len(texts[0]) > m.end():
        dateline = m.group("dateline").strip()
        texts = [texts[0][m.end() :], *texts[1:]]
    title = fields.get("title")
    if isinstance(title, str) and title:
        texts = [title, *texts]  # the headline is part of what a release says, and stories retell it
    spans: list[tuple[int, int]] = []
    cursor = 0
    for text in texts:
        spans.append((cursor, cursor + len(text)))
        cursor += len(text) + 2
    return Source(
        url=url,
        location=location,
        text="\n\n".join(texts),
        dateline=dateline,
        paragraphs=tuple(spans),
        **fields,  # type: ignore[arg-type]  # keyword fields of Source, checked by attrs
    )
