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
from factcheck._text import lemmas, norm, sentences
from factcheck.claims import QuoteSpan, aliases, find_dates, find_quantities, find_quotes
from factcheck.records import Article, DateSpan, Quantity, Source

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
        return float(fuzz.WRatio(norm(query), passage.normalized)) / 100

    def canonical(self, name: str) -> set[str]:
        """The spellings a name may take in a source: itself, its alias, known variants."""
        key = name.lower().strip()
        forms = {key, lex.ALIASES.get(key, key)}
        if key in self.aliases:
            forms.add(self.aliases[key])
        return forms


def usable(source: Source, article: Article) -> str | None:
    """Why a source cannot be the story's origin, or None when it can."""
    if not source.ok:
        return None
    if article.published and source.published and source.published > article.published + timedelta(days=1):
        return (
            f"{source.id} was published on {source.published.isoformat()}, after the article "
            f"({article.published.isoformat()}), so it is not used as evidence"
        )
    return None


def build_index(article: Article, sources: Iterable[Source], reference: date | None = None) -> Index:
    """Split usable sources into passages and read their facts."""
    passages: list[Passage] = []
    quotes: list[SourceQuote] = []
    notes: list[str] = []
    table: dict[str, str] = {}
    for source in sources:
        if not source.ok:
            continue
        if reason := usable(source, article):
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
    return Index(passages=tuple(passages), quotes=tuple(quotes), aliases=table, notes=tuple(notes))


def mentions(passage: Passage, forms: set[str]) -> bool:
    """Whether the passage names any of ``forms`` as whole words."""
    return any(re.search(rf"(?<![\w.]){re.escape(f)}(?![\w])", passage.normalized) for f in forms if f)
