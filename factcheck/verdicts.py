"""Stage 4 — takes a Claim and the evidence Index; returns a Verdict.

Each kind is compared on its own fields (DESIGN.md): quantities on value
under the qualifier's meaning, counted noun and hedge; dates on the calendar;
quotes word by word and on speaker and title; statements on the bodies named,
what they did and any limiting words. A verdict always cites its passage.
"""

from __future__ import annotations

import difflib
import itertools
import logging
import math
import re
from collections.abc import Callable

import attrs
from rapidfuzz import fuzz

from factcheck import _lexicon as lex
from factcheck._text import fold, lemma, norm, number_word, sentences, us_spelling, words
from factcheck.config import Settings
from factcheck.evidence import Index, Passage, SourceQuote, mentions
from factcheck.records import (
    Claim,
    DateSpan,
    Difference,
    Evidence,
    Label,
    Quantity,
    Quote,
    Statement,
    Verdict,
)

log = logging.getLogger(__name__)

__all__ = ["REASONS", "judge"]

# Every reason code a verdict can carry, with what it means (docs/verdicts.md lists them all).
REASONS: dict[str, str] = {
    "supported": "a source states the same fact",
    "hedge-changed": "a hedge (probable, alleged, …) of the source is missing, or one was added",
    "qualifier-changed": "the figure is right but its qualifier (more than, at least, …) is not",
    "number-changed": "the source gives another figure for the same thing",
    "counted-noun-changed": "the figure counts another thing in the source (identifications, not children)",
    "action-changed": "the source counts something else done (located, not recovered; identified, not arrested)",
    "date-changed": "the source gives another date for the same event",
    "quote-reworded": "the quoted words are not the source's, though what they say is kept (as in translation)",
    "quote-changed": "the quote says something the source's words do not: a number, negation, name or modal changed",
    "speaker-changed": "the source attributes the quote to someone else",
    "name-changed": "the speaker's name is spelt differently",
    "title-changed": "the speaker's title differs from the source's",
    "entity-changed": "the statement names a body the source does not",
    "qualifier-dropped": "the source limits the statement (in some cases, …) and the article does not",
    "list-changed": "the list has items the source does not give",
    "meaning-changed": "a near-identical source sentence says the opposite: a negation or an antonym",
    "no-source-passage": "no passage of any usable source speaks to the claim",
    "term-not-in-source": "no source uses the quoted term",
    "quote-not-in-source": "no source contains the quoted words",
}


def judge(claim: Claim, index: Index, settings: Settings | None = None) -> Verdict:
    """The verdict on one claim against every usable passage."""
    settings = settings or Settings()
    detail = claim.detail
    if isinstance(detail, Quantity):
        return _judge_quantity(claim, detail, index, settings)
    if isinstance(detail, DateSpan):
        return _judge_date(claim, detail, index)
    if isinstance(detail, Quote):
        return _judge_term(claim, detail, index) if detail.term else _judge_quote(claim, detail, index, settings)
    return _judge_statement(claim, detail, index)


def _evidence(passage: Passage, similarity: float) -> Evidence:
    return Evidence(
        source=passage.source.id,
        passage=passage.text,
        start=passage.start,
        end=passage.end,
        similarity=round(max(0.0, min(1.0, similarity)), 2),
    )


def _verdict(
    claim: Claim,
    evidence: tuple[Evidence, ...],
    differences: list[Difference],
    strength: float,
    explain: Callable[[list[Difference]], tuple[str, str]],
    supported: str,
) -> Verdict:
    """Supported or altered on the given evidence; the score blends match and similarity.

    A regional spelling (Center for Centre) is told, never counted against the claim.
    """
    supported += _spelling_note(claim.text, [e.passage for e in evidence])
    similarity = max(e.similarity for e in evidence)
    score = round(max(0.0, min(1.0, 0.5 * similarity + 0.5 * strength)), 2)
    if differences:
        reason, explanation = explain(differences)
        return Verdict(claim, Label.ALTERED, score, explanation, reason, evidence, tuple(differences))
    return Verdict(claim, Label.SUPPORTED, score, supported, "supported", evidence, ())


def _spelling_note(text: str, passages: list[str]) -> str:
    said = set(re.findall(r"[a-z]+", fold(text).lower()))
    real = set(re.findall(r"[a-z]+", fold(" ".join(passages)).lower()))
    pairs = [
        (w, x) for w in sorted(said - real) for x in sorted(real - said) if us_spelling(w) == us_spelling(x) and w != x
    ]
    return "".join(f'; spelt "{w}" here, "{x}" in the source' for w, x in pairs[:3])


def _unsourced(claim: Claim, index: Index, explanation: str, reason: str = "no-source-passage") -> Verdict:
    best = index.similar(claim.sentence, limit=1)
    score = round(1.0 - (best[0][1] if best else 0.0) / 2, 2)
    return Verdict(claim, Label.UNSOURCED, score, explanation, reason)


def _quoted(text: str | None) -> str:
    return "nothing" if text is None else f'"{text}"'


# ------------------------------------------------------------------ quantities

_FIELD_REASON = {
    "hedge": "hedge-changed",
    "qualifier": "qualifier-changed",
    "value": "number-changed",
    "noun": "counted-noun-changed",
    "action": "action-changed",
}


_MEASURES = frozenset({"usd", "gbp", "eur", "cad", "percent", "kg", "lb", "t"})
# Words around a measure that say nothing of what is measured ("38 percent higher", "$5 million each").
_NOT_MEASURED = frozenset(
    {"kilogram", "kilo", "kg", "pound", "lb", "tonne", "ton", "dollar", "euro", "percent", "more", "higher",
     "lower", "fewer", "less", "up", "down", "increase", "decrease", "rise", "drop", "each", "worth"}
)  # fmt: skip
_PEOPLE = lex.NOUN_GROUPS[0] | lex.NOUN_GROUPS[1]
# Verbs that report a result rather than an act: "the work yielded 311 identifications".
_RESULT_VERBS = frozenset({"yield", "produce", "result", "generate", "include", "total", "reach", "bring", "report"})
# How well a source figure's counted thing matches the claim's, best last.
_RELATED = 1  # the same kind of thing ("children" / "victims"): reported as a difference
_CONTEXT = 2  # nothing named on one side, but the passage speaks of it ("19 wanted", "€240 000")
_SAME = 3  # the same thing, or a synonym ("homes" / "house searches")
_UNKNOWN = 4  # sentinel: the same unit, the thing counted unknown; the passage decides


def _noun_match(claim: Quantity, source: Quantity) -> int:
    """2: the same counted thing; 1: the same kind of thing ("children"/"victims"); 0: another thing."""
    if claim.unit in lex.TIME_UNITS or claim.unit == "age":
        return _duration_match(claim, source)
    if claim.unit != source.unit:
        return 0
    if claim.unit in _MEASURES:  # "$4.8 million in cash", "62kg of cocaine": compare what is measured
        said, real = set(claim.lemmas) - _NOT_MEASURED, set(source.lemmas) - _NOT_MEASURED
        if not said or not real:
            return _UNKNOWN  # nothing to compare: only the context can tell
        return _SAME if said & real or _same_group(said, real) else 0
    if not claim.head:
        return 0
    if claim.head in source.lemmas or any(claim.head in g and g & set(source.lemmas) for g in lex.SYNONYMS):
        return _SAME
    if not source.head:
        return _UNKNOWN  # "19 wanted for homicide", "eight of them": the context must say what
    # "arrested 84 people" counts the same as "84 arrests"
    if (claim.verb and claim.verb in (lex.ACTION_OF.get(source.head), source.head)) or (
        source.verb and source.verb in (lex.ACTION_OF.get(claim.head), claim.head)
    ):
        return _SAME
    if claim.verb and claim.verb == source.verb and _same_group({claim.head}, set(source.lemmas)):
        return _SAME
    if claim.verb and source.verb and claim.verb != source.verb and not {claim.verb, source.verb} & _RESULT_VERBS:
        return 0  # "45 suspects questioned" is not "47 suspected predators arrested"
    return _RELATED if _same_group({claim.head}, set(source.lemmas)) else 0


def _same_group(said: set[str], real: set[str]) -> bool:
    return any(group & said and group & real for group in (*lex.NOUN_GROUPS, *lex.SYNONYMS))


def _duration_match(claim: Quantity, source: Quantity) -> int:
    """Durations of the same thing: "an 11-day operation" and "a 12-day surge", not a prison term."""
    if source.unit != claim.unit and not (claim.unit in lex.TIME_UNITS and source.unit in lex.TIME_UNITS):
        return 0
    said_unit, real_unit = claim.head in lex.TIME_UNITS, source.head in lex.TIME_UNITS
    if said_unit and real_unit:  # "six years in prison" / "78 months": what the time is of must agree
        said = set(claim.lemmas) - set(lex.TIME_UNITS)
        real = set(source.lemmas) - set(lex.TIME_UNITS)
        return 0 if said and real and not said & real else _SAME
    if said_unit != real_unit:  # "eight months" and "an eight-month investigation"
        return _SAME if (claim.head in lex.EVENT_NOUNS or source.head in lex.EVENT_NOUNS) else 0
    if not claim.head or not source.head:
        return _SAME if claim.unit == source.unit else 0
    return _SAME if claim.head == source.head or _same_group({claim.head}, {source.head}) else 0


def _context_names(q: Quantity, passage: Passage, similarity: float, settings: Settings) -> bool:
    """A figure whose source gives no noun ("19 wanted", "€240 000") is the same fact only in a passage
    much like the claim's sentence that names what the claim counts, or something of its kind."""
    if similarity < settings.passage_min_similarity + 0.15:
        return False
    if q.unit in _MEASURES or not q.head:
        return True
    kinds = {q.head}.union(*(g for g in (*lex.NOUN_GROUPS, *lex.SYNONYMS) if q.head in g))
    if kinds & _PEOPLE:
        kinds |= _PEOPLE
    return bool(kinds & passage.lemma_set)


def _far_apart(q: Quantity, sq: Quantity) -> bool:
    """More than three times apart: too far to be the same figure misreported."""
    a = q.value if q.value is not None else (q.low + q.high) / 2 if q.high != math.inf else q.low
    b = sq.value if sq.value is not None else (sq.low + sq.high) / 2 if sq.high != math.inf else sq.low
    a, b = _in_days(q, a), _in_days(sq, b)
    return a > 0 and b > 0 and max(a, b) / min(a, b) > 3


def _in_days(q: Quantity, value: float) -> float:
    return value * lex.TIME_UNITS[q.unit] if q.unit in lex.TIME_UNITS else value


def _holds(claim: Quantity, source: Quantity, tolerance: float) -> bool:
    """Whether everything the source allows is inside what the article says."""
    low, high = _in_days(claim, claim.low), _in_days(claim, claim.high)
    if claim.qualifier == "about" and claim.value is not None:
        value = _in_days(claim, claim.value)
        low, high = value * (1 - tolerance), value * (1 + tolerance)
    s_low, s_high = _in_days(source, source.low), _in_days(source, source.high)
    above = s_low > low or (s_low == low and (not claim.low_open or source.low_open))
    return above and s_high <= high


def _judge_quantity(claim: Claim, q: Quantity, index: Index, settings: Settings) -> Verdict:
    ranked: list[tuple[int, bool, bool, float, Passage, Quantity]] = []
    for passage in index.candidates(claim):
        for sq in passage.quantities:
            holds = _holds(q, sq, settings.about_tolerance)
            similarity = index.similarity(claim.sentence, passage)
            if q.head or q.unit:
                match = _noun_match(q, sq)
                if match == _UNKNOWN:
                    match = _CONTEXT if _context_names(q, passage, similarity, settings) else 0
            elif q.value is not None:  # "Nineteen were wanted": the thing counted is only in the context
                match = _CONTEXT if holds and not sq.unit and similarity >= settings.passage_min_similarity else 0
            else:
                match = 0  # "several" of nothing named cannot be matched to anything
            if match and not holds and _far_apart(q, sq) and not (q.head == sq.head and similarity >= 0.6):
                match = 0  # "$1 billion" against "$85 million": another fact, not a changed one
            if match:
                ranked.append((match, index.is_primary(passage), holds, similarity, passage, sq))
    if not ranked and q.unit in lex.TIME_UNITS:
        return _judge_duration(claim, q, index, settings)
    if not ranked:
        what = f"{q.written} {q.noun}".strip()
        return _unsourced(claim, index, f"no source gives a figure for {_quoted(what)}")
    # The story's own release first; then a figure the words allow; then the same counted thing.
    match, _primary, holds, similarity, passage, sq = max(ranked, key=lambda r: (r[1], r[2], r[0], r[3]))
    differences: list[Difference] = []
    note = ""
    if not holds:
        if claim_number(q) == claim_number(sq):
            differences.append(Difference("qualifier", q.qualifier, sq.qualifier))
        else:
            differences.append(Difference("value", claim_number(q), claim_number(sq)))
            note = _conflation(q, passage)
    if sq.hedge != q.hedge and (sq.hedge or q.hedge) and not _accused_alike(q, sq):
        differences.append(Difference("hedge", q.hedge, sq.hedge))
    said_action, real_action = _action_of(q), _action_of(sq)
    if said_action in _COUNTED_ACTIONS and real_action in _COUNTED_ACTIONS and said_action != real_action:
        differences.append(Difference("action", said_action, real_action))
    if match == _RELATED:
        differences.append(Difference("noun", q.noun or None, sq.noun or None))
    source_words = " ".join(x for x in (sq.qualifier, claim_number(sq), sq.hedge, sq.noun) if x)

    def explain(diffs: list[Difference]) -> tuple[str, str]:
        parts = [_describe(d) for d in diffs]
        return _FIELD_REASON[diffs[0].field], f'source says "{source_words}": ' + "; ".join(parts) + note

    return _verdict(
        claim, (_evidence(passage, similarity),), differences, 0.75 if match == _RELATED else 1.0, explain,
        f'source says "{source_words}"',
    )  # fmt: skip


def _conflation(q: Quantity, passage: Passage) -> str:
    """ " — 225 is 169 + 56: two of the source's counts added together", when it is so."""
    if q.value is None:
        return ""
    counts = [sq for sq in passage.quantities if sq.value is not None and sq.unit == q.unit]
    for size in (2, 3):
        for group in itertools.combinations(counts, size):
            if sum(sq.value or 0 for sq in group) == q.value:
                parts = " + ".join(f"{claim_number(sq)} {sq.noun}".strip() for sq in group)
                return f" — {claim_number(q)} is {parts}: separate counts added together"
    return ""


# How far a stated duration may be from a source's date range and still be the same.
_DURATION_SLACK = {"hour": 0, "day": 0, "week": 3, "month": 7, "year": 30}


def _judge_duration(claim: Claim, q: Quantity, index: Index, settings: Settings) -> Verdict:
    """ "The 11-day operation" against the date range a source gives (days counted inclusively)."""
    ranked = []
    for passage in index.candidates(claim):
        for d in passage.dates:
            if not d.explicit_range:
                continue
            similarity = index.similarity(claim.sentence, passage)
            timed = q.head in lex.EVENT_NOUNS or (q.head in lex.TIME_UNITS and len(q.lemmas) > 1)
            event = bool(passage.lemma_set & lex.EVENT_NOUNS)
            if timed and (event or similarity >= settings.passage_min_similarity + 0.1):
                ranked.append((event, similarity, passage, d))
    if not ranked or q.value is None or q.unit not in _DURATION_SLACK:
        return _unsourced(claim, index, f'no source gives a duration or date range for "{q.written} {q.noun}"')
    _, similarity, passage, d = max(ranked, key=lambda r: (r[0], r[1]))
    days = (d.end - d.start).days + 1
    stated = q.value * lex.TIME_UNITS[q.unit]
    span = f"{d.written} ({days} days)"
    differences = [] if abs(days - stated) <= _DURATION_SLACK[q.unit] else [Difference("value", f"{q.written}", span)]

    def explain(diffs: list[Difference]) -> tuple[str, str]:
        return "number-changed", f"source gives {span}, counted inclusively; not {q.written}"

    return _verdict(claim, (_evidence(passage, similarity),), differences, 0.9, explain, f"source gives {span}")


def _past(action: str | None) -> str:
    """ "recover" -> "recovered", for explanations."""
    if action is None:
        return "nothing"
    forms = lex.ACTIONS.get(action, ())
    return next((f for f in forms if f.endswith("ed")), action)


# Actions whose swap changes what a count means ("recovered" is not "located").
_COUNTED_ACTIONS = frozenset({"recover", "locate", "rescue", "identify", "arrest", "charge", "convict", "sentence"})
_ACCUSATION = frozenset({"suspected", "alleged", "accused"})
_ACCUSED = frozenset({"suspect", "defendant", "accused", "arrest", "charge"})


def _accused_alike(q: Quantity, sq: Quantity) -> bool:
    """The hedges of accusation agree in substance.

    "38 suspected smugglers" for the release's "38 arrests" adds what an
    arrest implies; "four suspects" keeps "4 suspected offenders". But "47
    child predators" for "47 suspected child predators" drops the presumption
    of innocence, and that is a finding.
    """
    if sq.hedge in _ACCUSATION and not q.hedge:
        return q.head in _ACCUSED  # the noun itself carries the hedge
    if q.hedge in _ACCUSATION and not sq.hedge:
        return bool({sq.head, sq.verb} & _ACCUSED)
    return q.hedge in _ACCUSATION and sq.hedge in _ACCUSATION


def _action_of(q: Quantity) -> str | None:
    """What was done to what is counted: "recovered 225 children" -> recover, "311 identifications" -> identify."""
    return q.verb or lex.ACTION_OF.get(q.head) or lex.ACTION_OF.get(q.head + "s")


def claim_number(q: Quantity) -> str:
    if q.value is None:
        return q.written
    return f"{q.value:,.0f}" if float(q.value).is_integer() else f"{q.value:,}"


def _describe(d: Difference) -> str:
    if d.field == "hedge":
        if d.article is None:
            return f'the hedge "{d.source}" is missing'
        if d.source is None:
            return f'the hedge "{d.article}" was added'
        return f'hedge "{d.article}" where the source has "{d.source}"'
    if d.field == "qualifier":
        if d.article is None:
            return f'the qualifier "{d.source}" is missing'
        if d.source is None:
            return f'"{d.article}" was added to an exact figure'
        return f'"{d.article}" where the source has "{d.source}"'
    if d.field == "noun":
        return f'it counts "{d.source}", not "{d.article}"'
    if d.field == "action":
        return f"what it counts was {_past(d.source)}, not {_past(d.article)}"
    if d.field == "value":
        return f"{d.article} where the source has {d.source}"
    if d.field == "date":
        return f"{d.article} where the source has {d.source}"
    if d.field in {"title", "speaker", "name"}:
        return f"{d.field} {_quoted(d.article)} where the source has {_quoted(d.source)}"
    if d.field in {"entity", "item"}:
        return f'the source does not name "{d.article}"'
    return f"{_quoted(d.article)} where the source has {_quoted(d.source)}"


# ----------------------------------------------------------------------- dates


def _judge_date(claim: Claim, d: DateSpan, index: Index) -> Verdict:
    """The date against the dates the sources give for the same event, then against their own dates.

    The same event is the same verb ("began", "executed search warrants"),
    or, when either side has none, a passage much like the claim's sentence.
    A same-event date a few days off is a changed date, and beats a passage
    that happens to share the date for another event.
    """
    ranked: list[tuple[int, bool, float, Passage, DateSpan]] = []
    for passage in index.candidates(claim):
        similarity = index.similarity(claim.sentence, passage)
        for sd in passage.dates:
            same_event = bool(d.relation and sd.relation and d.relation == sd.relation)
            agrees = _date_agrees(d, sd)
            exact_range = agrees and d.explicit_range and sd.explicit_range  # "Feb. 17–28" twice: rare enough
            near = similarity >= 0.35 and (not d.relation or not sd.relation or similarity >= 0.45)
            if not same_event and not near and not exact_range:
                continue
            if not agrees and abs((sd.start - d.start).days) > 10:
                continue
            # same event and date, same event, then a similar passage with the date
            rank = 3 if same_event and agrees else 2 if same_event else 1 if agrees else 0
            ranked.append((rank, index.is_primary(passage), similarity, passage, sd))
    written = d.written
    best = max(ranked, key=lambda r: r[:3], default=None)
    if best is not None and best[0] in (3, 1):
        _, _, similarity, passage, sd = best
        return _verdict(claim, (_evidence(passage, similarity),), [], 1.0, _no_explain, f'source says "{sd.written}"')
    if d.relation in {None, "say"} and not d.explicit_range:
        for passage in index.passages:  # "the FBI said Friday": the day the release came out (first passages)
            if passage.source.published == d.start and passage.start == 0:
                return _verdict(
                    claim, (_evidence(passage, 0.5),), [], 1.0, _no_explain,
                    f"the source was published that day ({d.start.isoformat()})",
                )  # fmt: skip
    if best is not None:
        _, _, similarity, passage, sd = best
        diff = [Difference("date", _iso_range(d), _iso_range(sd))]

        def explain(diffs: list[Difference]) -> tuple[str, str]:
            return "date-changed", f'source says "{sd.written}" ({_iso_range(sd)}), not {written} ({_iso_range(d)})'

        return _verdict(claim, (_evidence(passage, similarity),), diff, 0.75, explain, "")
    return _unsourced(claim, index, f"no source gives the date {written} ({_iso_range(d)})")


def _date_agrees(claim: DateSpan, source: DateSpan) -> bool:
    """Same start for "began", same end for "ended"; ranges must match whole; a day must fall inside."""
    if claim.relation == "start" and source.start == claim.start:
        return True
    if claim.relation == "end" and source.end == claim.end:
        return True
    if claim.explicit_range or source.explicit_range:
        return (claim.start, claim.end) == (source.start, source.end)
    return claim.start <= source.start and source.end <= claim.end


def _iso_range(d: DateSpan) -> str:
    return d.start.isoformat() if d.start == d.end else f"{d.start.isoformat()}/{d.end.isoformat()}"


def _no_explain(diffs: list[Difference]) -> tuple[str, str]:
    return "supported", ""


# ---------------------------------------------------------------------- quotes


def _judge_term(claim: Claim, q: Quote, index: Index) -> Verdict:
    phrase = norm(q.words)
    for passage in index.candidates(claim):
        similarity = index.similarity(claim.sentence, passage)
        if re.search(rf"(?<!\w){re.escape(phrase)}(?!\w)", passage.normalized):
            return _verdict(
                claim, (_evidence(passage, similarity),), [], 1.0, _no_explain, f'source uses the words "{q.words}"'
            )
    return _unsourced(claim, index, f'no source uses the words "{q.words}"', "term-not-in-source")


_ELLIPSIS = re.compile(r"\s*(?:\.\s?\.\s?\.|\u2026)\s*")
_GAP = "\x00gap"


def _quote_words(text: str) -> list[str]:
    parts = _ELLIPSIS.split(text)
    out: list[str] = []
    for n, part in enumerate(parts):
        if n:
            out.append(_GAP)
        out.extend(words(part))
    return out


_Op = tuple[str, int, int, int, int]


def _align(
    article: list[str], source: list[str], window_at: tuple[int, int] | None = None
) -> tuple[float, int, int, list[_Op]]:
    """Best window of ``source`` for ``article`` (or the given one): (ratio, window start, end, opcodes)."""
    if window_at is None:
        matcher = difflib.SequenceMatcher(None, article, source, autojunk=False)
        blocks = [b for b in matcher.get_matching_blocks() if b.size]
        if not blocks:
            return 0.0, 0, 0, []
        lo = max(0, blocks[0].b - blocks[0].a)
        hi = min(len(source), blocks[-1].b + blocks[-1].size + (len(article) - blocks[-1].a - blocks[-1].size))
    else:
        lo, hi = window_at
    window = source[lo:hi]
    matcher = difflib.SequenceMatcher(None, article, window, autojunk=False)
    gaps = sum(1 for w in article if w == _GAP)
    matched = sum(b.size for b in matcher.get_matching_blocks())
    ratio = 2 * matched / max(1, len(article) - gaps + len(window))
    ops: list[_Op] = [
        (tag, i1, i2, lo + j1, lo + j2) for tag, i1, i2, j1, j2 in matcher.get_opcodes() if tag != "equal"
    ]
    return min(1.0, ratio), lo, hi, ops


def _judge_quote(claim: Claim, q: Quote, index: Index, settings: Settings) -> Verdict:
    article_words = _quote_words(q.words)
    best: (
        tuple[float, SourceQuote, list[str], list[tuple[int, int]], int, int, list[tuple[str, int, int, int, int]]]
        | None
    ) = None
    for sq in index.quotes_like(q.words):
        inner = sq.text[sq.span.inner_start : sq.span.inner_end]
        spans = [(m.start(), m.end()) for m in re.finditer(r"[a-z0-9]+(?:'[a-z0-9]+)*", norm_same_length(inner))]
        source_words = [norm_same_length(inner)[s:e] for s, e in spans]
        ratio, lo, hi, ops = _align(article_words, source_words)
        if best is None or ratio > best[0]:
            best = (ratio, sq, source_words, spans, lo, hi, ops)
    if q.attributed_here:
        return _judge_attribution(
            claim, q, index, best[1] if best and best[0] >= settings.quote_min_similarity else None
        )
    if best is None or best[0] < settings.quote_min_similarity:
        return _unsourced(claim, index, "no source contains these words as a quotation", "quote-not-in-source")
    ratio, sq, source_words, spans, lo, hi, ops = best
    if _whole_sentence(q.words):  # a full sentence in quotation marks must be the source's whole sentence
        lo, hi = _sentence_window(sq, spans, lo, hi)
        ratio, lo, hi, ops = _align(article_words, source_words, (lo, hi))
    base = sq.span.inner_start
    start, end = base + spans[lo][0], base + spans[max(lo, hi - 1)][1]
    passage = sq.text[start:end]
    evidence = Evidence(sq.source.id, passage, start, end, round(ratio, 2))
    differences: list[Difference] = []
    for _tag, i1, i2, j1, j2 in ops:
        said = [w for w in article_words[i1:i2] if w != _GAP]
        if i2 - i1 and not said:
            continue  # a marked ellipsis stands for the words it leaves out
        real = source_words[j1:j2]
        field = "quote" if _substantive(said, real, q.words) else "wording"
        differences.append(Difference(field, " ".join(said) or None, " ".join(real) or None))
    if q.speaker and sq.span.speaker and _name_difference(q.speaker, sq.span.speaker) == "speaker":
        differences.append(Difference("speaker", q.speaker, sq.span.speaker))
    speaker = sq.span.speaker or "an unnamed speaker"

    def explain(diffs: list[Difference]) -> tuple[str, str]:
        substance = [d for d in diffs if d.field == "quote"]
        wording = [d for d in diffs if d.field == "wording"]
        parts = []
        if substance:
            parts.append(f"the quote says something else: {_changes(substance)}")
        if wording:
            kept = "the meaning is kept, " if not substance else ""
            parts.append(f"reworded ({kept}the words are not the source's): {_changes(wording)}")
        parts.extend(_describe(d) for d in diffs if d.field not in {"quote", "wording"})
        reason = "quote-changed" if substance else "quote-reworded" if wording else f"{diffs[0].field}-changed"
        return reason, f"source quotes {speaker}: " + "; ".join(parts)

    return _verdict(claim, (evidence,), differences, ratio, explain, f"verbatim in the source, said by {speaker}")


def _judge_attribution(claim: Claim, q: Quote, index: Index, aligned: SourceQuote | None) -> Verdict:
    """Is the speaker who the article says, with that name and title? Checked where the source quotes them.

    Whether this person said these words is the quote's own claim; here only
    the name and title are compared, so a wrong speaker is reported once.
    """
    speaker = q.speaker or ""
    same = index.quotes_by(lambda name: _name_difference(speaker, name) != "speaker")
    if aligned is not None and aligned in same:
        same.remove(aligned)
        same.insert(0, aligned)
    same.sort(key=lambda sq: not index.is_primary_source(sq.source.id))
    if not same:
        return _unsourced(claim, index, f"no source quotes {speaker}", "quote-not-in-source")
    sq = same[0]
    start, end = sq.span.inner_start, sq.span.inner_end
    similarity = 1.0 if sq is aligned else 0.5
    evidence = Evidence(sq.source.id, sq.text[start:end], start, end, similarity)
    differences = _attribution_differences(q, sq, index)
    return _verdict(claim, (evidence,), differences, similarity, _explain_attribution, f"the source quotes {_who(sq)}")


def _attribution_differences(q: Quote, sq: SourceQuote, index: Index) -> list[Difference]:
    """Name and title of the speaker, against the source's attribution of the same quote."""
    differences = []
    if q.speaker and sq.span.speaker:
        field = _name_difference(q.speaker, sq.span.speaker)
        if field:
            differences.append(Difference(field, q.speaker, sq.span.speaker))
    same_person = not differences or differences[0].field == "name"
    if same_person and q.title and sq.span.title and not _same_rank(q.title, sq.span.title):
        differences.append(Difference("title", q.title, sq.span.title))
    return differences


def _same_rank(said: str, real: str) -> bool:
    """Titles agree when their rank words match in order ("Executive Associate Director").

    The employer is not the rank ("… of the FBI's Denver field office", "at the
    HHS inspector general's office", "who heads the NCLCC"), and a source that
    gives two titles ("Detective Chief Superintendent, head of the NCLCC")
    agrees with either.
    """
    ranks = {tuple(_title_words(part)) for part in _title_parts(real)}
    said_ranks = [tuple(_title_words(part)) for part in _title_parts(said)]
    return all(not r or r in ranks for r in said_ranks) or not any(ranks)


def _title_parts(title: str) -> list[str]:
    employer = r"\s+(?:who|which|that)\s+|\s+(?:of|at|for|with|in)\s+the\s+|\s+at\s+"
    return [re.split(employer, part)[0] for part in title.split(",")]


def _who(sq: SourceQuote) -> str:
    return ", ".join(x for x in (sq.span.speaker, sq.span.title) if x) or "nobody"


def _explain_attribution(diffs: list[Difference]) -> tuple[str, str]:
    return f"{diffs[0].field}-changed", "; ".join(_describe(d) for d in diffs)


def _whole_sentence(words_: str) -> bool:
    """“We will keep looking until every child is home.” is a sentence; “a turning point” is a fragment."""
    stripped = words_.strip()
    return bool(stripped) and stripped[0].isupper() and len(stripped.split()) >= 6 and not _ELLIPSIS.search(stripped)


def _sentence_window(sq: SourceQuote, spans: list[tuple[int, int]], lo: int, hi: int) -> tuple[int, int]:
    """Widen a word window to the whole source sentence(s) it lies in."""
    inner = sq.text[sq.span.inner_start : sq.span.inner_end]
    bounds = sentences(inner)
    if not spans or not bounds or hi <= lo:
        return lo, hi
    first = next((s for s, e in bounds if s <= spans[lo][0] < e), spans[lo][0])
    last = next((e for s, e in bounds if s <= spans[hi - 1][0] < e), spans[hi - 1][1])
    new_lo = next(k for k, (s, _) in enumerate(spans) if s >= first)
    new_hi = max(k for k, (s, _) in enumerate(spans) if s < last) + 1
    return min(lo, new_lo), max(hi, new_hi)


def norm_same_length(text: str) -> str:
    """Lower-case with typographic apostrophes folded, offsets unchanged."""
    return text.lower().replace("\u2019", "'").replace("\u2018", "'")


def _changes(diffs: list[Difference]) -> str:
    more = f" and {len(diffs) - 4} more" if len(diffs) > 4 else ""
    return "; ".join(_word_change(d) for d in diffs[:4]) + more


# Words whose change alters what a quote says, not only how: modals, hedges, quantifiers.
_WEIGHTY = (
    lex.NEGATIONS
    | lex.HEDGES
    | frozenset(
        """will would may might must can could should shall all every none some any always never only
    more less most least fewer""".split()
    )
)


def _substantive(said: list[str], real: list[str], quote: str) -> bool:
    """Whether a changed run of words changes what is said: a number, a negation, a name, a modal or
    quantifier, an opposite, or a long rewrite. Otherwise it is wording, as translation produces."""
    changed = set(said) ^ set(real)
    if any(w.isdigit() or number_word(w) is not None for w in changed):
        return True
    if changed & _WEIGHTY:
        return True
    if any(a in changed and b in changed for a, b in lex.ANTONYMS):
        return True
    names = {w.lower() for w in re.findall(r"(?<![.!?]\s)(?<!^)\b[A-Z][a-z]+", quote)}
    if changed & names:
        return True
    return max(len(said), len(real)) >= 4


def _word_change(d: Difference) -> str:
    if d.article is None:
        return f'"{d.source}" dropped'
    if d.source is None:
        return f'"{d.article}" added'
    return f'"{d.source}" became "{d.article}"'


def _name_difference(article: str, source: str) -> str | None:
    """None for the same person ("Berger", "Katrina Berger"); "name" for a misspelling; else "speaker"."""
    said = [w for w in words(article) if len(w) > 1]
    real = [w for w in words(source) if len(w) > 1]
    if said == real or (said and set(said) <= set(real) and said[-1] == real[-1]):
        return None
    if fuzz.ratio(" ".join(said), " ".join(real)) >= 80:
        return "name"
    return "speaker"


def _title_words(title: str) -> list[str]:
    """The rank words of a title, in order: "Executive Associate Director"; "Supt." is "superintendent"."""
    expanded = " ".join(lex.TITLE_ABBREVIATIONS.get(w, w) for w in words(title))
    return [w for w in expanded.split() if w in lex.TITLE_WORDS]


# ------------------------------------------------------------------ statements


_GENERIC = frozenset({"online", "assorted", "various", "other", "several", "different", "many", "some", "the"})


def _item_found(item: str, passage: Passage) -> bool:
    """An item is named when its distinctive first word is, and half its words ("chat services" ~ "chat rooms")."""
    content = [lemma(w) for w in words(item) if w not in _GENERIC]
    hits = [w for w in content if _has_lemma(w, passage)]
    return bool(content) and content[0] in hits and len(hits) * 2 >= len(content)


def _has_lemma(word: str, passage: Passage) -> bool:
    return word in passage.lemma_set or (len(word) >= 3 and any(w.startswith(word) for w in passage.lemma_set))


def _action_in(action: str, passage: Passage) -> bool:
    return any(re.search(rf"\b{form}\b", passage.normalized) for form in lex.ACTIONS[action])


def _judge_statement(claim: Claim, s: Statement, index: Index) -> Verdict:
    if s.items:
        return _judge_list(claim, s, index)
    if not s.action:
        return _judge_assertion(claim, s, index)
    forms = {name: index.canonical(name) for name in s.entities}
    by_source: dict[str, list[Passage]] = {}
    for passage in index.candidates(claim):
        by_source.setdefault(passage.source.id, []).append(passage)
    covers = [_cover(passages, forms, s.action, claim, index) for passages in by_source.values()]
    best = max(covers, key=lambda c: (c.primary, len(c.named) + c.acted, c.similarity), default=None)
    names = ", ".join(s.entities)
    if best is not None and best.passages and s.action and not best.acted and len(best.named) * 2 >= len(forms):
        return _judge_assertion(claim, s, index)  # the bodies are there, in other words: judge what it says
    if best is None or not best.passages or (s.action and not best.acted) or len(best.named) * 2 < len(forms):
        doing = f" {s.action}" if s.action else ""
        return _unsourced(claim, index, f"no source says that {names}{doing}", "no-source-passage")
    chosen, covered = best.passages, best.named
    differences = [
        Difference("entity", name, None)
        for name in s.entities
        if name not in covered and not _same_body(name, covered, index)
    ]
    differences += _limiters(s, chosen)
    evidence = tuple(_evidence(p, index.similarity(claim.sentence, p)) for p in chosen)
    strength = len(covered) / max(1, len(forms))

    def explain(diffs: list[Difference]) -> tuple[str, str]:
        return f"{diffs[0].field}-changed" if diffs[0].field != "qualifier" else "qualifier-dropped", (
            "source " + "; ".join(_describe_statement(d) for d in diffs)
        )

    said = f' and says "{_action_form(s.action, chosen)}"' if s.action else ""
    return _verdict(claim, evidence, differences, strength, explain, f"source names {names}{said}")


def _action_form(action: str, passages: list[Passage]) -> str:
    for p in passages:
        for form in lex.ACTIONS[action]:
            if re.search(rf"\b{form}\b", p.normalized):
                return form
    return action


@attrs.frozen
class _Cover:
    passages: list[Passage]
    named: set[str]
    acted: bool
    similarity: float
    primary: bool


def _cover(
    passages: list[Passage], forms: dict[str, set[str]], action: str | None, claim: Claim, index: Index
) -> _Cover:
    """Up to three passages of one source that together name the most of the claim's bodies."""
    chosen: list[Passage] = []
    named: set[str] = set()
    acted = False
    for _ in range(3):
        gains = []
        for p in passages:
            new = {n for n, f in forms.items() if n not in named and mentions(p, f)}
            act = bool(action and not acted and _action_in(action, p))
            gains.append((len(new) + act, index.similarity(claim.sentence, p), p, new, act))
        if not gains:
            break
        gain, _, passage, new, act = max(gains, key=lambda g: (g[0], g[1]))
        if gain == 0:
            break
        chosen.append(passage)
        named |= new
        acted = acted or act
    similarity = max((index.similarity(claim.sentence, p) for p in chosen), default=0.0)
    return _Cover(chosen, named, acted, similarity, any(index.is_primary(p) for p in chosen))


def _same_body(name: str, covered: set[str], index: Index) -> bool:
    forms = index.canonical(name)
    return any(forms & index.canonical(other) for other in covered)


def _limiters(s: Statement, passages: list[Passage]) -> list[Difference]:
    found = []
    for limiter in lex.LIMITERS:
        if limiter in s.qualifiers:
            continue
        if any(re.search(rf"\b{limiter}\b", p.normalized) for p in passages):
            found.append(Difference("qualifier", None, limiter))
    return found


def _describe_statement(d: Difference) -> str:
    if d.field == "negation":
        return f"says it the other way ({_quoted(d.source)} against the article's {_quoted(d.article)})"
    if d.field == "wording":
        return f'says "{d.source}" where the article says "{d.article}"'
    if d.field == "value":
        return f"gives {d.source}, not {d.article}"
    if d.field == "qualifier":
        return f'limits it with "{d.source}", which the article drops'
    if d.field in {"entity", "item"}:
        return f'does not name "{d.article}"'
    return _describe(d)


def _judge_assertion(claim: Claim, s: Statement, index: Index) -> Verdict:
    """A plain sentence of fact: a passage must carry most of its words and every body it names."""
    content = {lemma(w) for w in words(claim.text) if w not in lex.FILLER and not w.isdigit()}
    if not content:
        return _unsourced(claim, index, "the sentence says nothing a source could state", "no-source-passage")
    forms = {name: index.canonical(name) for name in s.entities}
    ranked = []
    for passage in index.candidates(claim):
        coverage = len(content & passage.lemma_set) / len(content)
        named = {n for n, f in forms.items() if mentions(passage, f)}
        ranked.append((coverage, index.is_primary(passage), index.similarity(claim.text, passage), passage, named))
    if not ranked:
        return _unsourced(claim, index, "no source says this", "no-source-passage")
    coverage, _, similarity, passage, named = max(ranked, key=lambda r: (r[0] + 0.1 * r[1], r[2]))
    if coverage < 0.5 or (forms and not named):
        return _unsourced(claim, index, "no source says this", "no-source-passage")
    differences = [Difference("entity", n, None) for n in s.entities if n not in named]
    differences += _limiters(s, [passage])
    differences += _contradictions(claim.text, passage)
    missing = sorted(content - passage.lemma_set)

    def explain(diffs: list[Difference]) -> tuple[str, str]:
        reason = {"entity": "entity-changed", "qualifier": "qualifier-dropped", "value": "number-changed"}
        return reason.get(diffs[0].field, "meaning-changed"), (
            "source " + "; ".join(_describe_statement(d) for d in diffs)
        )

    said = f"source says much the same ({coverage:.0%} of its words"
    said += f"; not: {', '.join(missing[:5])})" if missing else ")"
    return _verdict(claim, (_evidence(passage, similarity),), differences, coverage, explain, said)


def _contradictions(text: str, passage: Passage) -> list[Difference]:
    """What a near-identical sentence says the other way: a negation, an opposite word, another number."""
    said = words(text.replace("n't", " n't"))
    real = words(passage.text.replace("n't", " n't"))
    found = []
    if sum(w in lex.NEGATIONS for w in said) % 2 != sum(w in lex.NEGATIONS for w in real) % 2:
        found.append(Difference("negation", _negation(said), _negation(real)))
    said_set, real_set = set(said), set(real)
    for a, b in lex.ANTONYMS:
        for x, y in ((a, b), (b, a)):
            if x in said_set and y in real_set and x not in real_set and y not in said_set:
                found.append(Difference("wording", x, y))
    said_numbers = {w for w in said if w.isdigit() and not (len(w) == 4 and 1800 <= int(w) <= 2100)}  # not years
    real_numbers = {w for w in real if w.isdigit()}
    if said_numbers and real_numbers and said_numbers - real_numbers:
        found.append(
            Difference("value", ", ".join(sorted(said_numbers - real_numbers)), ", ".join(sorted(real_numbers)))
        )
    return found


def _negation(tokens: list[str]) -> str | None:
    return next((w for w in tokens if w in lex.NEGATIONS), None)


def _judge_list(claim: Claim, s: Statement, index: Index) -> Verdict:
    ranked = []
    for passage in index.candidates(claim):
        found = [item for item in s.items if _item_found(item, passage)]
        ranked.append(
            (len(found), index.is_primary(passage), index.similarity(claim.sentence, passage), passage, found)
        )
    if not ranked:
        return _unsourced(claim, index, "no source lists these", "no-source-passage")
    enough = [r for r in ranked if r[0] * 2 >= len(s.items)]
    count, _, similarity, passage, found = max(enough or ranked, key=lambda r: (r[1], r[0], r[2]))
    if count * 2 < len(s.items):
        return _unsourced(claim, index, "no source lists " + ", ".join(s.items), "no-source-passage")
    differences = [Difference("item", item, None) for item in s.items if item not in found]
    differences += _limiters(s, [passage])

    def explain(diffs: list[Difference]) -> tuple[str, str]:
        return "list-changed", "source " + "; ".join(_describe_statement(d) for d in diffs)

    return _verdict(
        claim, (_evidence(passage, similarity),), differences, count / len(s.items), explain,
        f"source lists the same {len(found)} things",
    )  # fmt: skip
