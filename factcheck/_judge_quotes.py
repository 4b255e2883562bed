"""Private: quotations aligned word by word with the sources', and who said them (part of stage 4)."""

from __future__ import annotations

import difflib
import re

from rapidfuzz import fuzz

from factcheck import _lexicon as lex
from factcheck._outcomes import (
    _describe,
    _evidence,
    _no_explain,
    _unsourced,
    _verdict,
)
from factcheck._text import norm, number_word, sentences, us_spelling, words
from factcheck.config import Settings
from factcheck.evidence import Index, SourceQuote
from factcheck.records import Claim, Difference, Evidence, Quote, Verdict


def _judge_term(claim: Claim, q: Quote, index: Index) -> Verdict:
    # "double extortion" is the "double-extortion model": hyphens and spaces join words alike
    phrase = r"[\s-]+".join(re.escape(w) for w in norm(q.words).replace("-", " ").split())
    found = [
        (index.speaks_for(claim, passage), index.is_primary(passage), index.similarity(claim.sentence, passage), n)
        for n, passage in enumerate(index.candidates(claim))
        if re.search(rf"(?<!\w){phrase}(?!\w)", passage.normalized)
    ]
    if found:  # this round's releases first: last year's use of the words is not this year's
        *_, similarity, n = max(found)
        passage = index.candidates(claim)[n]
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
        source_words = [us_spelling(norm_same_length(inner)[s:e]) for s, e in spans]  # "defence" as the story's
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
    """Titles agree when their rank words match in order ("Executive Associate Director"), and so do the other
    words they share ("Area Port Director").

    The employer is not the rank ("… of the FBI's Denver field office", "at the
    HHS inspector general's office", "who heads the NCLCC"), and a source that
    gives two titles ("Detective Chief Superintendent, head of the NCLCC")
    agrees with either.
    """
    real_parts = [(part, tuple(_title_words(part))) for part in _title_parts(real)]
    if not any(rank for _, rank in real_parts):
        return True
    said_brief, real_brief = _portfolio(said), _portfolio(real)
    if said_brief and real_brief and not said_brief & real_brief:
        return False  # "Immigration Minister" is not the "Minister for Safeguarding"
    said_post, real_post = _post(said), _post(real)
    if "(" in said + real and said_post and real_post and said_post != real_post:
        return False  # "for ports and boundary" is not the post "(Boundary and Ports)", a name in brackets
    said_of, real_of = _post_of(said), _post_of(real)
    if said_of and set(said_of) == set(real_of) and said_of != real_of:
        return (
            False  # "vice president of food safety and quality assurance" for "… of quality assurance and food safety"
        )
    return all(
        not rank or any(rank == real_rank and _in_order(part, real_part) for real_part, real_rank in real_parts)
        for part, rank in ((part, tuple(_title_words(part))) for part in _title_parts(said))
    )


def _portfolio(title: str) -> set[str]:
    """A minister's or secretary's brief: "Immigration Minister" → {"immigration"}."""
    found = words(title)
    if not {"minister", "secretary"} & set(found):
        return set()
    return {w for w in found if w not in lex.TITLE_WORDS and w not in lex.FILLER and w not in {"state", "hon", "mp"}}


def _post(title: str) -> list[str]:
    """A post named in brackets or after "for": "Assistant Commissioner (Boundary and Ports)" → [boundary, ports]."""
    m = re.search(r"\(([^)]{3,60})\)|\bfor\s+(?:the\s+)?([^,(]{3,60}?)(?=\s+(?:at|of|in)\s|,|$)", title)
    if m is None:
        return []
    return [w for w in words(m.group(1) or m.group(2)) if w not in lex.FILLER and w not in {"the", "and"}]


def _post_of(title: str) -> list[str]:
    """What a post is "of", in lower case, in order: "vice president of quality assurance and food safety"."""
    m = re.search(r"\bof\s+(?:the\s+)?([a-z][a-z ]{3,60}?)(?=\s+(?:at|for|in|with)\s|,|$)", title)
    return [w for w in words(m.group(1)) if w not in {"the", "and"}] if m else []


def _in_order(said: str, real: str) -> bool:
    """The words two titles share before their rank come in the same order: "Port Area Director" is not
    "Area Port Director" (where the employer stands — "HSI Dallas Special Agent in Charge" — may differ)."""
    said_words, real_words = _up_to_rank(said), _up_to_rank(real)
    shared = [w for w in dict.fromkeys(said_words) if w in real_words]
    at = [real_words.index(w) for w in shared]
    return at == sorted(at)


def _up_to_rank(title: str) -> list[str]:
    found = words(title)
    last = max((i for i, w in enumerate(found) if w in lex.TITLE_WORDS), default=-1)
    return found[: last + 1]


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
    return max(len(said), len(real)) >= 5


def _word_change(d: Difference) -> str:
    if d.article is None:
        return f'"{d.source}" dropped'
    if d.source is None:
        return f'"{d.article}" added'
    return f'"{d.source}" became "{d.article}"'


# Words before a name that are no part of it: titles, ranks and honorifics.
_RANKS = lex.TITLE_WORDS | {"mr", "mrs", "ms", "dr", "brigadier", "general", "lieutenant", "colonel", "major"}


def _name_difference(article: str, source: str) -> str | None:
    """None for the same person ("Berger", "Katrina Berger"); "name" for a misspelling; else "speaker"."""
    said = [w for w in words(article) if len(w) > 1 and w not in _RANKS]  # "Brigadier Vuyo Ndamase" is Vuyo Ndamase
    real = [w for w in words(source) if len(w) > 1 and w not in _RANKS]
    if said == real or (said and set(said) <= set(real) and said[-1] == real[-1]):
        return None
    if not said or not real:
        return "speaker"
    # The surname, and the given name where both give one; a middle initial left out is no difference
    # ("Marcus Hollings" for "Marcus T. Hollins" is a misspelt surname; "Kowalczik" for "Kowalczyk" too).
    if len(said) == len(real):
        pairs = list(zip(said, real, strict=True))  # "Sophie Marchant-Leduc" for "Sophie Marchand-Leduc"
    else:
        pairs = [(said[-1], real[-1])] + ([(said[0], real[0])] if len(said) > 1 and len(real) > 1 else [])
    found = [None if a == b else "name" if fuzz.ratio(a, b) >= 80 else "speaker" for a, b in pairs]
    if "speaker" in found:
        return "name" if fuzz.ratio(" ".join(said), " ".join(real)) >= 80 else "speaker"
    return "name" if "name" in found else None


def _title_words(title: str) -> list[str]:
    """The rank words of a title, in order: "Executive Associate Director"; "Supt." is "superintendent"."""
    expanded = " ".join(lex.TITLE_ABBREVIATIONS.get(w, w) for w in words(title))
    return [w for w in expanded.split() if w in lex.TITLE_WORDS]
