"""Stage 3 — takes the article and its Sources; returns an index of candidate passages.

A passage is one sentence of a source, read with the same finders as the
article (quantities, dates, quotes), so the comparison stage compares like
with like. Sources that cannot be the origin of the story (published after
it) are left out here, once, with a note saying so.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable
from datetime import date, timedelta
from functools import cached_property

import attrs
from rapidfuzz import fuzz, process

from factcheck import _lexicon as lex
from factcheck._text import lemma, lemmas, norm, sentences, words
from factcheck.claims import QuoteSpan, aliases, find_dates, find_entities, find_quantities, find_quotes
from factcheck.records import Article, Claim, DateSpan, Quantity, Source

log = logging.getLogger(__name__)

__all__ = ["Index", "Passage", "build_index"]


@attrs.frozen
class Passage:
    """One sentence of a source, with the facts it states."""

    source: Source
    start: int
    end: int
    text: str
    quantities: tuple[Quantity, ...] = ()
    dates: tuple[DateSpan, ...] = ()

    @cached_property
    def normalized(self) -> str:
        return norm(self.text)

    @cached_property
    def lemma_set(self) -> frozenset[str]:
        return frozenset(lemmas(self.text))


@attrs.frozen
class SourceQuote:
    """A quotation in a source, with its speaker, for aligning the article's quotes."""

    source: Source
    span: QuoteSpan
    text: str


@attrs.frozen
class Index:
    """Every passage of every usable source, searchable by similarity."""

    passages: tuple[Passage, ...]
    quotes: tuple[SourceQuote, ...]
    aliases: dict[str, str]
    notes: tuple[str, ...] = ()
    primary: frozenset[str] = frozenset()  # ids of the sources the story most likely retells

    def is_primary(self, passage: Passage) -> bool:
        return passage.source.id in self.primary

    def is_primary_source(self, source_id: str) -> bool:
        return source_id in self.primary

    @cached_property
    def _choices(self) -> list[str]:
        return [p.normalized for p in self.passages]

    def similar(self, query: str, limit: int | None = None) -> list[tuple[Passage, float]]:
        """Passages ranked by similarity (0–1) to ``query``, best first."""
        if not self.passages:
            return []
        ranked = process.extract(norm(query), self._choices, scorer=fuzz.WRatio, processor=None, limit=limit)
        return [(self.passages[i], score / 100) for _, score, i in ranked]

    def similarity(self, query: str, passage: Passage) -> float:
        """How much of what ``query`` says a passage also says: half its content words found, half spelling.

        Content words keep a short claim from matching any long passage that
        happens to contain it (rapidfuzz's partial scores alone would).
        """
        content = _content(query)
        covered = len(content & passage.lemma_set) / len(content) if content else 0.0
        spelling = fuzz.token_sort_ratio(norm(query), passage.normalized) / 100
        return round(0.7 * covered + 0.3 * spelling, 4)

    def canonical(self, name: str) -> set[str]:
        """The spellings a name may take in a source: itself, its alias, known variants."""
        key = norm(name)
        forms = {key, lex.ALIASES.get(key, key)}
        if key in self.aliases:
            forms.add(self.aliases[key])
        return forms


def _content(text: str) -> frozenset[str]:
    return frozenset(lemma(w) for w in words(text) if w not in lex.FILLER and not w.isdigit() and len(w) > 1)


def usable(source: Source, article: Article, latest_mentioned: date | None = None) -> str | None:
    """Why a source cannot be the story's origin, or None when it can.

    A release published after the story cannot be what it retells. When the
    story carries no date, the latest date it mentions stands in for one, with
    a month's grace.
    """
    if not source.ok or source.published is None:
        return None
    if article.published and source.published > article.published + timedelta(days=1):
        return (
            f"{source.id} was published on {source.published.isoformat()}, after the article "
            f"({article.published.isoformat()}), so it is not used as evidence"
        )
    if article.published is None and latest_mentioned and source.published > latest_mentioned + timedelta(days=31):
        return (
            f"{source.id} was published on {source.published.isoformat()}, more than a month after the latest "
            f"date the undated article mentions ({latest_mentioned.isoformat()}), so it is not used as evidence"
        )
    return None


def build_index(
    article: Article, sources: Iterable[Source], claims: Iterable[Claim] = (), reference: date | None = None
) -> Index:
    """Split usable sources into passages and read their facts; rank sources by what they share with the story."""
    claims = tuple(claims)
    latest = max((c.detail.end for c in claims if isinstance(c.detail, DateSpan)), default=None)
    passages: list[Passage] = []
    quotes: list[SourceQuote] = []
    notes: list[str] = []
    table: dict[str, str] = {}
    for source in sources:
        if not source.ok:
            continue
        if reason := usable(source, article, latest):
            notes.append(reason)
            log.info(reason)
            continue
        ref = source.published or reference or article.published or date.today()
        text = source.text
        table.update(aliases(text))
        for start, end in sentences(text):
            dates = find_dates(text, ref, start, end)
            quantities = find_quantities(text, start, end, masked=[(s, e) for s, e, _ in dates])
            passages.append(
                Passage(
                    source=source,
                    start=start,
                    end=end,
                    text=text[start:end],
                    quantities=tuple(q for _, _, q in quantities),
                    dates=tuple(d for _, _, d in dates),
                )
            )
        quotes.extend(SourceQuote(source, q, text) for q in find_quotes(text) if not q.term)
    table.update(aliases(article.text))
    primary = _primary_sources(article, claims, passages)
    return Index(passages=tuple(passages), quotes=tuple(quotes), aliases=table, notes=tuple(notes), primary=primary)


def _anchors(quantities: Iterable[Quantity], dates: Iterable[DateSpan], text: str) -> set[str]:
    """What identifies one operation rather than another: its figures, dates and names."""
    found = {f"{q.value:g}" for q in quantities if q.value is not None}
    found |= {d.start.isoformat() for d in dates}
    found |= {name.lower() for _, _, name in find_entities(text) if len(name) > 3}
    return found


def _primary_sources(article: Article, claims: tuple[Claim, ...], passages: list[Passage]) -> frozenset[str]:
    """The sources that share most of the story's figures, dates and names: what it most likely retells.

    A decoy (last year's operation, a later update) shares the topic and the
    words but not the figures, so evidence is taken from these first.
    """
    story = _anchors(
        (c.detail for c in claims if isinstance(c.detail, Quantity)),
        (c.detail for c in claims if isinstance(c.detail, DateSpan)),
        article.text,
    )
    by_source: dict[str, set[str]] = {}
    for p in passages:
        anchors = by_source.setdefault(p.source.id, set())
        anchors |= _anchors(p.quantities, p.dates, p.text)
    shared = {sid: len(story & anchors) for sid, anchors in by_source.items()}
    best = max(shared.values(), default=0)
    return frozenset(sid for sid, n in shared.items() if best and n >= 0.6 * best)


def mentions(passage: Passage, forms: set[str]) -> bool:
    """Whether the passage names any of ``forms`` as whole words."""
    return any(re.search(rf"(?<![\w.]){re.escape(f)}(?![\w])", passage.normalized) for f in forms if f)
