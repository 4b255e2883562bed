"""The data model: frozen records passed from one pipeline stage to the next.

Data only, no I/O. Constructors that parse messy input (``Article.from_html``,
``Source.from_html`` …) live here as classmethods for discoverability but do
their work in the stage modules, imported lazily to keep this module a leaf.
"""

from __future__ import annotations

import enum
from datetime import date, datetime
from typing import Any

import attrs

__all__ = [
    "Article",
    "Candidate",
    "Claim",
    "DateSpan",
    "Difference",
    "Evidence",
    "Found",
    "Kind",
    "Label",
    "Quantity",
    "Quote",
    "Report",
    "Source",
    "Statement",
    "Verdict",
]


class Label(enum.Enum):
    """What a careful fact-checker decides about one claim."""

    SUPPORTED = "supported"
    ALTERED = "altered"
    UNSOURCED = "unsourced"


class Kind(enum.Enum):
    """The kinds of checkable claim; each is compared on its own fields."""

    QUANTITY = "quantity"
    DATE = "date"
    QUOTE = "quote"
    STATEMENT = "statement"


# --------------------------------------------------------------------- article


@attrs.frozen
class Article:
    """A news story reduced to plain text, remembering where each character came from.

    ``origin[i]`` is the offset in ``raw`` (the file as the user gave it) of
    ``text[i]``; ``None`` means the two are the same string.
    """

    text: str
    raw: str
    location: str = "<text>"
    title: str | None = None
    published: date | None = None
    sha256: str = ""
    url: str | None = None
    origin: tuple[int, ...] | None = attrs.field(default=None, repr=False)
    declared_sources: tuple[str, ...] = ()  # paths and URLs the article's front matter names
    links: tuple[str, ...] = ()  # absolute http(s) links in the story's own text

    @classmethod
    def from_text(
        cls,
        text: str,
        *,
        location: str = "<text>",
        title: str | None = None,
        published: date | None = None,
    ) -> Article:
        """A plain-text story; a short first line with no full stop is its headline."""
        from factcheck.article import article_from_text

        return article_from_text(text, location=location, title=title, published=published)

    @classmethod
    def from_markdown(cls, markdown: str, *, location: str = "<markdown>") -> Article:
        """A Markdown story; YAML front matter gives title and date."""
        from factcheck.article import article_from_markdown

        return article_from_markdown(markdown, location=location)

    @classmethod
    def from_html(cls, html: str | bytes, url: str | None = None, *, location: str | None = None) -> Article:
        """A news web page; only the story's main text is kept."""
        from factcheck.article import article_from_html

        return article_from_html(html, url=url, location=location)

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) in the user's file of the text offset ``offset``."""
        if self.origin is None:
            raw_offset = offset
        elif not self.origin:
            raw_offset = 0
        else:
            raw_offset = self.origin[min(offset, len(self.origin) - 1)]
        line = self.raw.count("\n", 0, raw_offset) + 1
        column = raw_offset - (self.raw.rfind("\n", 0, raw_offset) + 1) + 1
        return line, column


# ---------------------------------------------------------------------- claims


@attrs.frozen
class Quantity:
    """A counted amount as the text states it: value, range, qualifier and hedge."""

    written: str  # the number as written: "311", "three-week", "several"
    low: float  # the interval the words state, e.g. "more than 300" -> (300, inf)
    high: float
    value: float | None  # the number itself; None for vague amounts ("several")
    qualifier: str | None = None  # "more than", "at least", "about", …
    hedge: str | None = None  # "probable", "alleged", …
    noun: str = ""  # the counted noun phrase as written
    head: str = ""  # lemma of its head noun ("identification")
    lemmas: tuple[str, ...] = ()  # lemmas of every word of the noun phrase
    unit: str | None = None  # "day", "week", "month", "year", "age", "percent", "dollar", "cad", "rank"
    low_open: bool = False  # "more than 300" excludes 300 itself
    verb: str | None = None  # the action counted: "arrested 84 people" -> "arrest"
    compared: bool = False  # the figure compared with, not the one stated: "up from 3,420 in fiscal year 2023"
    change: str | None = None  # a change the figure measures, as written: "rose", "down", "decrease"


@attrs.frozen
class DateSpan:
    """A calendar date or range, and the event word that goes with it ("began")."""

    start: date
    end: date
    written: str
    relation: str | None = None  # canonical event word: "start", "end", or a verb lemma
    explicit_range: bool = False  # written as a range ("Feb. 17–28"), not a vague span ("last week")
    bound: str | None = None  # "before", "after" or "by": the date is a limit, not the day itself
    year_only: bool = False  # written as a year or part of one ("in 1969", "late 2017")


@attrs.frozen
class Quote:
    """Words put in someone's mouth, or a short quoted term with no speaker."""

    words: str
    speaker: str | None = None
    title: str | None = None
    attributed_here: bool = False  # the claim is the attribution itself: name and title, for the quote in ``words``
    term: bool = False  # a scare-quoted term ("dark web"), not speech


@attrs.frozen
class Statement:
    """Named organisations/places, what they did, or a list of things."""

    entities: tuple[str, ...] = ()
    action: str | None = None  # canonical action ("arrest", "lead", …)
    items: tuple[str, ...] = ()  # an enumeration ("forums", "websites", …)
    qualifiers: tuple[str, ...] = ()  # limiting words the article kept ("in some cases")


Detail = Quantity | DateSpan | Quote | Statement

_KIND_OF: dict[type, Kind] = {
    Quantity: Kind.QUANTITY,
    DateSpan: Kind.DATE,
    Quote: Kind.QUOTE,
    Statement: Kind.STATEMENT,
}


@attrs.frozen
class Claim:
    """One checkable statement of the article, located by offsets into ``Article.text``."""

    id: str
    text: str
    start: int
    end: int
    sentence: str
    detail: Detail

    @property
    def kind(self) -> Kind:
        return _KIND_OF[type(self.detail)]


# --------------------------------------------------------------------- sources


@attrs.frozen
class Source:
    """A primary source (a release page), parsed; or one that failed, with its error.

    ``url`` is where an editor can click: the page's canonical URL when it
    declares one, else the URL or path it was read from (``location``).
    """

    url: str
    text: str = ""
    id: str = ""
    location: str = ""
    title: str | None = None
    publisher: str | None = None
    published: date | None = None
    dateline: str | None = None
    paragraphs: tuple[tuple[int, int], ...] = ()  # (start, end) offsets into text
    fetched_at: datetime | None = None
    final_url: str | None = None
    sha256: str | None = None
    status: str = "ok"
    error: str | None = None

    @classmethod
    def from_html(cls, html: str | bytes, url: str = "", *, location: str | None = None) -> Source:
        """A release page: title, publisher, date, dateline and body paragraphs."""
        from factcheck.sources import source_from_html

        return source_from_html(html, url=url, location=location)

    @classmethod
    def from_text(cls, text: str, url: str = "", *, location: str | None = None) -> Source:
        """A release as plain text: first line the title, blank lines between paragraphs."""
        from factcheck.sources import source_from_text

        return source_from_text(text, url=url, location=location)

    @classmethod
    def failed(cls, location: str, error: str) -> Source:
        """A source that could not be loaded: listed in the report with its error."""
        return cls(url=location, location=location, status="error", error=error)

    @property
    def ok(self) -> bool:
        return self.status == "ok"


# -------------------------------------------------------------------- verdicts


@attrs.frozen
class Evidence:
    """The passage a claim was checked against, with where it sits in its source."""

    source: str  # source id
    passage: str
    start: int
    end: int
    similarity: float


@attrs.frozen
class Difference:
    """One field where the article and the source disagree; ``None`` means absent."""

    field: str
    article: str | None
    source: str | None


@attrs.frozen
class Verdict:
    """The decision on one claim, with its citation and what differs."""

    claim: Claim
    label: Label
    score: float
    explanation: str
    reason: str  # stable code, e.g. "hedge-dropped", "quote-reworded", "no-source-passage"
    evidence: tuple[Evidence, ...] = ()
    differences: tuple[Difference, ...] = ()


@attrs.frozen
class Report:
    """Everything one check found: the article, its sources, a verdict per claim."""

    article: Article
    sources: tuple[Source, ...]
    verdicts: tuple[Verdict, ...]
    notes: tuple[str, ...] = ()  # run-level remarks for people (not in the JSON contract)

    def count(self, label: Label) -> int:
        return sum(1 for v in self.verdicts if v.label is label)

    def to_dict(self) -> dict[str, Any]:
        """The JSON report, schema ``factcheck.report/1`` (DESIGN.md)."""
        from factcheck.report import report_to_dict

        return report_to_dict(self)


def iso(value: date | datetime | None) -> str | None:
    """ISO 8601 text of a date, or of a (UTC) datetime with a trailing Z."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%dT%H:%M:%SZ")
    return value.isoformat()


@attrs.frozen
class Candidate:
    """A release discovery proposes, with its rank, score and the reason it was chosen."""

    url: str
    publisher: str
    title: str
    published: date | None
    score: float
    why: str
    source: Source | None = None  # already in hand (from the archive), else fetched when chosen


@attrs.frozen
class Found:
    """What discovery found for a story: every candidate, the ones chosen as sources, and why."""

    candidates: tuple[Candidate, ...]  # best first
    sources: tuple[Source, ...]  # the chosen ones, parsed
    notes: tuple[str, ...]  # every step, said in words
