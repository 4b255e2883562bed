"""Stage 3 — takes the article and its Sources; returns an index of candidate passages.

A passage is one sentence of a source, read with the same finders as the
article (quantities, dates, quotes), so the comparison stage compares like
with like. Sources that cannot be the origin of the story (published after
it) are left out here, once, with a note saying so.
"""

from __future__ import annotations

import functools
import heapq
import logging
import math
import re
from collections.abc import Callable, Iterable
from datetime import date, timedelta
from functools import cached_property

import attrs
from rapidfuzz import fuzz

from factcheck import _lexicon as lex
from factcheck._text import lemma, lemmas, norm, sentences, words
from factcheck.claims import QuoteSpan, aliases, find_dates, find_entities, find_quantities, find_quotes
from factcheck.records import Article, Claim, DateSpan, Quantity, Source

log = logging.getLogger(__name__)

__all__ = ["Index", "Passage", "about_another_round", "build_index", "on_the_day", "released_then"]

_LIMIT = 60  # candidates per claim
_KEY_WEIGHT = 5.0  # a shared figure or date outweighs any shared word
_RANGE_KEY = "@range"


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
    passage_keys: tuple[str, ...] = ()  # the passages it lies in, as "source id:start"


@attrs.frozen
class Index:
    """Every passage of every usable source, searchable by similarity."""

    passages: tuple[Passage, ...]
    quotes: tuple[SourceQuote, ...]
    aliases: dict[str, str]
    notes: tuple[str, ...] = ()
    primary: frozenset[str] = frozenset()  # ids of the sources the story most likely retells
    # ids of sources about another round of the operation: dated far from a release of the story's own weeks
    other_rounds: dict[str, date] = attrs.field(factory=dict)
    reference: date | None = None  # the story's date, that "last August" in its sentences is resolved against
    postings: dict[str, tuple[int, ...]] = attrs.field(factory=dict, repr=False)  # word or figure -> passages
    _found: dict[str, list[Passage]] = attrs.field(factory=dict, repr=False, eq=False)  # claim id -> candidates
    _by_source: dict[str, list[Passage]] = attrs.field(factory=dict, repr=False, eq=False)  # source id -> passages

    def of_source(self, source_id: str) -> list[Passage]:
        """Every passage of one source, in reading order: a release read whole."""
        if not self._by_source:
            for passage in self.passages:
                self._by_source.setdefault(passage.source.id, []).append(passage)
        return self._by_source.get(source_id, [])

    def is_primary(self, passage: Passage) -> bool:
        return passage.source.id in self.primary

    def is_primary_source(self, source_id: str) -> bool:
        return source_id in self.primary

    def speaks_for(self, claim: Claim, passage: Passage) -> bool:
        """Whether the passage's release may speak to the claim: one of this round's, or of the round the
        sentence speaks of."""
        when = self.other_rounds.get(passage.source.id)
        return when is None or about_another_round(claim, {when}, self.reference)

    def round_rank(self, claim: Claim, passage: Passage) -> int:
        """2: a release about a round the sentence is about ("Last year's edition involved 126 countries", "When
        police published half-way figures on 2 October, …"); 1: the story's own release; 0: any other."""
        when = self.other_rounds.get(passage.source.id)
        if when is not None and (
            _of_that_round(claim.sentence, when.year) or in_its_month(claim.sentence, when, self.reference)
        ):
            return 2
        if (published := passage.source.published) is not None and (
            on_the_day(claim.sentence, published)
            or (not self.is_primary(passage) and framed_by(claim.sentence, published))
        ):
            return 2
        return 1 if self.is_primary(passage) else 0

    def candidates(self, claim: Claim) -> list[Passage]:
        """The passages that may speak to a claim, found through the index, best first.

        A passage is a candidate when it shares the claim's sentence's rarer
        content words (weighted by how rare) or one of its figures or dates.
        Cost grows with the matches, not with the number of sources.
        """
        if claim.id not in self._found:
            self._found[claim.id] = self._lookup(claim.sentence, _keys_of(claim.detail))
        return self._found[claim.id]

    def similar(self, query: str, limit: int = 1) -> list[tuple[Passage, float]]:
        """Passages ranked by similarity (0–1) to ``query``, best first."""
        ranked = [(p, self.similarity(query, p)) for p in self._lookup(query, ())]
        return sorted(ranked, key=lambda r: -r[1])[:limit]

    def quotes_like(self, words_: str) -> list[SourceQuote]:
        """Source quotations sharing rarer words with ``words_``: where a quote can be aligned."""
        found: dict[int, SourceQuote] = {}
        for passage in self._lookup(words_, (), limit=_LIMIT):
            for q in self._quotes_in.get(f"{passage.source.id}:{passage.start}", ()):
                found[id(q)] = q
        return list(found.values())

    def quotes_by(self, same_person: Callable[[str], bool]) -> list[SourceQuote]:
        """Source quotations whose speaker passes ``same_person``, each distinct speaker tested once."""
        return [q for speaker, quotes in self._speakers.items() if same_person(speaker) for q in quotes]

    @cached_property
    def _quotes_in(self) -> dict[str, list[SourceQuote]]:
        table: dict[str, list[SourceQuote]] = {}
        for q in self.quotes:
            for key in q.passage_keys:
                table.setdefault(key, []).append(q)
        return table

    @cached_property
    def _speakers(self) -> dict[str, list[SourceQuote]]:
        table: dict[str, list[SourceQuote]] = {}
        for q in self.quotes:
            if q.span.speaker:
                table.setdefault(q.span.speaker, []).append(q)
        return table

    def _lookup(self, text: str, keys: Iterable[str], limit: int = _LIMIT) -> list[Passage]:
        scores: dict[int, float] = {}
        total = len(self.passages)
        common = max(_LIMIT, total // 50)  # a word in one passage in fifty tells little apart
        for word in _content(text):
            hits = self.postings.get(word, ())
            if hits and len(hits) <= common:
                weight = math.log(1 + total / len(hits))
                for i in hits:
                    scores[i] = scores.get(i, 0.0) + weight
        for key in keys:
            for i in self.postings.get(key, ()):
                scores[i] = scores.get(i, 0.0) + _KEY_WEIGHT
        return [self.passages[i] for i in heapq.nlargest(limit, scores, key=scores.__getitem__)]

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


def _figure_key(value: float) -> str:
    return f"#{value:g}"


def _passage_keys(passage: Passage) -> set[str]:
    keys = {_figure_key(q.value) for q in passage.quantities if q.value is not None}
    keys |= {_figure_key(q.low) for q in passage.quantities if q.value is None and q.low}
    keys |= {f"@{d.start.isoformat()}" for d in passage.dates} | {f"@{d.end.isoformat()}" for d in passage.dates}
    if any(d.explicit_range for d in passage.dates):
        keys.add(_RANGE_KEY)  # where a stated duration can be checked
    return keys


def _keys_of(detail: object) -> set[str]:
    """The figure and date keys a claim can be looked up by."""
    if isinstance(detail, Quantity):
        keys = {_figure_key(v) for v in (detail.value, detail.low, detail.high) if v and v != math.inf}
        return keys | ({_RANGE_KEY} if detail.unit in lex.TIME_UNITS else set())
    if isinstance(detail, DateSpan):
        return {f"@{detail.start.isoformat()}", f"@{detail.end.isoformat()}"}
    return set()


@functools.lru_cache(maxsize=4096)
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
            dates = find_dates(text, ref, start, end, bare_years=True)
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
        own = [p for p in passages if p.source is source]
        for q in find_quotes(text):
            if not q.term:  # remember which passages a quotation lies in, to find it through them
                keys = tuple(f"{source.id}:{p.start}" for p in own if p.start < q.end and q.start < p.end)
                quotes.append(SourceQuote(source, q, text, keys))
    table.update(aliases(article.text))
    primary, other_rounds = _primary_sources(article, claims, passages)
    postings: dict[str, list[int]] = {}
    for i, passage in enumerate(passages):
        for key in passage.lemma_set | _passage_keys(passage):
            postings.setdefault(key, []).append(i)
    return Index(
        passages=tuple(passages),
        quotes=tuple(quotes),
        aliases=table,
        notes=tuple(notes),
        primary=primary,
        other_rounds=other_rounds,
        reference=reference or article.published,
        postings={k: tuple(v) for k, v in postings.items()},
    )


def _anchors(quantities: Iterable[Quantity], dates: Iterable[DateSpan], text: str) -> set[str]:
    """What identifies one operation rather than another: its figures, dates and names."""
    found = {f"{q.value:g}" for q in quantities if q.value is not None}
    found |= {d.start.isoformat() for d in dates}
    found |= {name.lower() for _, _, name in find_entities(text) if len(name) > 3}
    return found


def _primary_sources(
    article: Article, claims: tuple[Claim, ...], passages: list[Passage]
) -> tuple[frozenset[str], dict[str, date]]:
    """The sources that share most of the story's figures, dates and names: what it most likely retells;
    and, when one of those is from the story's own weeks, the sources dated in another year, with their dates.

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
    primary = {sid for sid, n in shared.items() if best and n >= 0.6 * best}
    published = {p.source.id: d for p in passages if (d := p.source.published) is not None}
    days = {published[sid] for sid in primary if sid in published}
    # A companion issued within a day of it (the bank's statement, the U.S. Attorney's release) retells it too.
    primary |= {sid for sid, d in published.items() if any(abs((d - day).days) <= 1 for day in days)}
    if article.published is None:
        return frozenset(primary), {}
    # Last year's operation loses to a release from the story's own weeks, however many figures it shares.
    gap = {sid: abs((article.published - d).days) for sid, d in published.items()}
    if not any(gap[sid] <= _SAME_WEEKS for sid in primary if sid in gap):
        return frozenset(primary), {}
    other = {sid: published[sid] for sid, days in gap.items() if days > _ANOTHER_YEAR}
    return frozenset(primary - set(other)), other


_SAME_WEEKS = 45  # days between a story and the release it retells
_ANOTHER_YEAR = 180  # days beyond which a release is about another round of the operation


def mentions(passage: Passage, forms: set[str]) -> bool:
    """Whether the passage names any of ``forms`` as whole words."""
    return any(re.search(rf"(?<![\w.]){re.escape(f)}(?![\w])", passage.normalized) for f in forms if f)


def about_another_round(claim: Claim, rounds: set[date], reference: date | None = None) -> bool:
    """Whether the sentence speaks of another round's year ("Last year's sweep …", "In 2023, …") or its release's
    day or month ("pleaded guilty last August") — in its own words: a claim's date in that year ("released in June
    2023") is what is being checked, not a pointer — unless it opens the sentence, framing all of it ("In November
    2023, gardaí seized …")."""
    opens = claim.sentence.lstrip().startswith(claim.text)  # "In November 2023, gardaí seized …": the frame
    sentence = claim.sentence if opens else claim.sentence.replace(claim.text, " ")
    lowered = sentence.lower()
    return (
        any(str(d.year) in lowered for d in rounds)
        or re.search(r"\b(?:last|previous) year\b|\ba year (?:ago|earlier|before)\b", lowered) is not None
        or any(on_the_day(sentence, d) or in_its_month(sentence, d, reference) for d in rounds)
    )


def released_then(span: DateSpan, day: date) -> bool:
    """Whether a release of ``day`` reports what a span of time names: within it, or up to two weeks after it
    (a seizure "in June" announced on 9 July)."""
    return span.start <= day <= span.end + timedelta(days=14)


@functools.lru_cache(maxsize=1 << 12)
def in_its_month(sentence: str, day: date, reference: date | None) -> bool:
    """Whether the sentence names the month of that day, or the month just before it ("pleaded guilty last August"
    for a release of 20 August last year, "ended last July" for one of 1 August): it speaks of what was done then."""
    return reference is not None and any(
        released_then(d, day) and (d.end - d.start).days <= 31 and d.start.day == 1
        for _, _, d in find_dates(sentence, reference)
        if d.start != d.end
    )


@functools.lru_cache(maxsize=1 << 12)
def framed_by(sentence: str, day: date) -> bool:
    """Whether the sentence opens with a month or year that holds the day, or ends two weeks before it ("In
    November, a 38-year-old man was charged …" for a release of 28 November): it is about what was done then.
    A stated range ("Between October 2022 and March 2023, …") is the period figures cover, not a frame."""
    found = find_dates(sentence, day, 0, min(len(sentence), 40))
    return any(
        start <= 3 and sentence[end : end + 1] == "," and released_then(d, day)
        for start, end, d in found
        if d.start != d.end and not d.explicit_range
    )


def on_the_day(sentence: str, day: date) -> bool:
    """Whether the sentence gives that day, within three days ("When police published half-way figures on 2
    October, …"): it speaks of what was said then."""
    return any(abs((start - day).days) <= 3 and abs((end - day).days) <= 3 for start, end in _days(sentence, day))


@functools.lru_cache(maxsize=1 << 12)
def _days(sentence: str, reference: date) -> tuple[tuple[date, date], ...]:
    """The days a sentence writes out (not "today" or "on Tuesday", which any reference satisfies); cached, as
    every candidate passage of a claim asks of the same sentence."""
    return tuple(
        (d.start, d.end)
        for _, _, d in find_dates(sentence, reference)
        if re.search(r"\d", d.written) and not d.year_only
    )


_COMPARING = re.compile(
    r"\b(?:up|down|from|than|compared|increase[sd]?|decrease[sd]?|rose|fell|rise|drop(?:ped)?|versus|vs)\b",
    re.IGNORECASE,
)


def _of_that_round(sentence: str, year: int) -> bool:
    """The sentence is about that round, not compared with it: it begins "Last year's edition …", "In 2023, …",
    "The 2023 operation …", or says the round was "held last year" without comparing — not "up 12 per cent from
    the previous year's campaign", nor "seized in 2023", the year the figures are of."""
    last = r"(?:the\s+)?(?:last|previous) year['\u2019]s\b"
    opening = rf"^\s*(?:{last}|(?:in|during) (?:[A-Z][a-z]+\.? )?{year}\b|the {year} (?:edition|operation|round))"
    if re.search(opening, sentence, re.IGNORECASE):
        return True
    # "The first edition, held last year, led to 54 probable identifications" — not a comparison with it
    mentions = re.search(
        r"\b(?:held|run|ran|carried out|conducted) (?:last|the previous) year\b", sentence, re.IGNORECASE
    )
    return mentions is not None and not _COMPARING.search(sentence)
