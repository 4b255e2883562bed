"""Stage 4 — takes a Claim and the evidence Index; returns a Verdict.

Each kind is compared on its own fields (DESIGN.md): quantities on value
under the qualifier's meaning, counted noun and hedge; dates on the calendar;
quotes word by word and on speaker and title; statements on the bodies named,
what they did and any limiting words. A verdict always cites its passage.
"""

from __future__ import annotations

import logging

from factcheck._judge_dates import _judge_date
from factcheck._judge_quantities import _judge_quantity
from factcheck._judge_quotes import _judge_quote, _judge_term
from factcheck._judge_statements import _judge_statement
from factcheck.config import Settings
from factcheck.evidence import Index, about_another_round, released_then
from factcheck.records import (
    Claim,
    DateSpan,
    Label,
    Quantity,
    Quote,
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
    "base-changed": "the change is measured against another period than the source's (a year before, not a month)",
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
    "other-round-only": "only a release about another year's round of the operation speaks to the claim",
    "only-a-limit": "the source gives only a limit (younger than 45) that the figure fits, not the figure itself",
    "term-not-in-source": "no source uses the quoted term",
    "quote-not-in-source": "no source contains the quoted words",
}


def judge(claim: Claim, index: Index, settings: Settings | None = None) -> Verdict:
    """The verdict on one claim against every usable passage."""
    settings = settings or Settings()
    detail = claim.detail
    if isinstance(detail, Quantity):
        verdict = _judge_quantity(claim, detail, index, settings)
    elif isinstance(detail, DateSpan):
        verdict = _judge_date(claim, detail, index)
    elif isinstance(detail, Quote) and detail.term:
        verdict = _judge_term(claim, detail, index)
        if detail.words.strip("\u201c\u201d\"' ")[:1].isupper():
            return verdict  # a name ("We Will Find You") is the same from round to round
    elif isinstance(detail, Quote):
        verdict = _judge_quote(claim, detail, index, settings)
    else:
        verdict = _judge_statement(claim, detail, index)
    return _this_round(verdict, index)


def _this_round(verdict: Verdict, index: Index) -> Verdict:
    """Evidence only from another year's release ("Several of the cases involved sextortion", said of last year's
    operation) does not speak to this one — unless the sentence itself is about that year."""
    found = [index.other_rounds.get(e.source) for e in verdict.evidence]
    if not found or None in found:
        return verdict  # nothing cited, or something from this round's own releases
    dates = {d for d in found if d is not None}
    if about_another_round(verdict.claim, dates, index.reference):
        return verdict
    detail = verdict.claim.detail
    if (
        isinstance(detail, DateSpan)
        and detail.relation not in (None, "say")
        and verdict.label is Label.SUPPORTED
        and all(released_then(detail, d) for d in dates)
    ):
        return verdict  # "pleaded guilty last August": the event and the month of that release — it is the subject
    when = ", ".join(sorted(d.isoformat() for d in dates))
    why = f"only a release about another round of the operation ({when}) speaks to this; the story's own does not"
    return Verdict(verdict.claim, Label.UNSOURCED, verdict.score, why, "other-round-only")
