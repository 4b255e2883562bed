"""Private: building a Verdict from evidence and differences, and saying it in words an editor reads."""

from __future__ import annotations

import re
from collections.abc import Callable

from factcheck import _lexicon as lex
from factcheck._text import fold, us_spelling
from factcheck.evidence import Index, Passage
from factcheck.records import Claim, Difference, Evidence, Label, Verdict


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
    if d.field in {"value", "date"}:
        return f"{d.article} where the source has {d.source}"
    if d.field == "change":
        return f'"{d.article}" where the source has "{d.source}": the change goes the other way'
    if d.field == "base":
        return f'measured "{d.article}" where the source measures it "{d.source}"'
    if d.field == "unit":
        return f"in {d.article} where the source has {d.source}"
    if d.field in {"title", "speaker", "name"}:
        return f"{d.field} {_quoted(d.article)} where the source has {_quoted(d.source)}"
    if d.field in {"entity", "item"}:
        return f'the source does not name "{d.article}"'
    return f"{_quoted(d.article)} where the source has {_quoted(d.source)}"


def _past(action: str | None) -> str:
    """ "recover" -> "recovered", for explanations."""
    if action is None:
        return "nothing"
    forms = lex.ACTIONS.get(action, ())
    return next((f for f in forms if f.endswith("ed")), action)


def _no_explain(diffs: list[Difference]) -> tuple[str, str]:
    return "supported", ""
