"""Private: dates compared with what the sources state (part of stage 4, verdicts)."""

from __future__ import annotations

import re
from datetime import date, timedelta

import attrs

from factcheck._outcomes import _evidence, _no_explain, _unsourced, _verdict
from factcheck.evidence import Index, Passage
from factcheck.records import Claim, DateSpan, Difference, Verdict


def _judge_date(claim: Claim, d: DateSpan, index: Index) -> Verdict:
    """The date against the dates the sources give for the same event, then against their own dates.

    The same event is the same verb ("began", "executed search warrants"),
    or, when either side has none, a passage much like the claim's sentence.
    A same-event date a few days off is a changed date, and beats a passage
    that happens to share the date for another event.
    """
    candidates = index.candidates(claim)
    ranked: list[tuple[int, bool, float, Passage, DateSpan]] = []
    weak = []  # the very day in the story's own release, in a passage little like the sentence
    for passage in candidates:
        similarity = index.similarity(claim.sentence, passage)
        for sd in passage.dates:
            if (sd.year_only or sd.bound) and not (d.year_only or d.bound):
                continue  # "in 2023" or "before March" says nothing of a day
            if (d.bound or sd.bound) and _overlap_only(d, sd):
                continue  # "before 2017" against "before 2016": neither borne out nor ruled out
            # "ran from 30 September to 7 October" against "30 September to 6 October": the same window
            same_window = d.explicit_range and sd.explicit_range and (d.start == sd.start or d.end == sd.end)
            same_event = _same_event(d.relation, sd.relation) or same_window
            agrees = _date_agrees(d, sd)
            exact_range = agrees and d.explicit_range and sd.explicit_range  # "Feb. 17–28" twice: rare enough
            # A limit ("by Jan. 6") holds many days: only a passage much like the sentence speaks to it.
            near = similarity >= 0.35 and (not d.relation or not sd.relation or similarity >= 0.45)
            near = near and (not d.bound or similarity >= 0.45)
            if d.relation in {"start", "end"} and sd.relation not in {None, d.relation}:
                near = False  # "in custody till August 18" is no day the court "produced" him on
            if not same_event and not near and not exact_range:
                one_day = d.start == d.end == sd.start == sd.end
                other_event = bool(d.relation and sd.relation and not _same_event(d.relation, sd.relation))
                if agrees and one_day and similarity >= 0.15 and index.is_primary(passage) and not other_event:
                    weak.append((1, True, similarity, passage, sd))
                continue
            if (
                not agrees
                and _days_apart(d, sd) > (_YEARS_APART if _loose(d, sd, same_event) else 10)
                and not ((same_event or similarity >= 0.45) and _year_changed(d, sd))
                and not (same_event and similarity >= 0.45)  # "convicted on 8 September 2023", said like the story
            ):
                continue
            # same event and date, same event, then a similar passage with the date
            rank = 3 if same_event and agrees else 2 if same_event else 1 if agrees else 0
            ranked.append((rank, index.is_primary(passage), similarity, passage, sd))
    # "on Tuesday, 21 May" / "on 21 May 2024": the day itself will do when no passage like the sentence
    # gives a date near it.
    ranked = ranked or weak
    written = d.written
    # This round's releases first: last year's "today released its report" is not this year's release date.
    best = max(ranked, key=lambda r: (index.speaks_for(claim, r[3]), *r[:3]), default=None)
    if best is not None and best[0] in (3, 1):
        _, _, similarity, passage, sd = best
        return _verdict(claim, (_evidence(passage, similarity),), [], 1.0, _no_explain, f'source says "{sd.written}"')
    if (
        not _YEAR.search(written)
        and not _WEEKDAY.search(written)  # "December 10th", not "on Wednesday": a weekday's year is the story's
        and not d.bound
        and (yearless := _in_the_sources_year(claim, d, index, candidates))
    ):
        return yearless
    if d.start == d.end and (d.relation in {None, "say"} or best is None):
        for passage in index.passages:  # "the FBI said Friday": the day the release came out (first passages)
            announced = d.relation in {None, "say"} or d.relation in passage.lemma_set  # "fined" for "fines"
            if passage.source.published == d.start and passage.start == 0 and announced:
                return _verdict(
                    claim, (_evidence(passage, 0.5),), [], 1.0, _no_explain,
                    f"the source was published that day ({d.start.isoformat()})",
                )  # fmt: skip
    if d.relation in {None, "say"} and d.start == d.end and (best is None or not index.speaks_for(claim, best[3])):
        for passage in index.passages:  # "UNODC said on Wednesday" of a release dated Thursday: another day
            published = passage.source.published
            if (
                passage.start == 0
                and index.is_primary(passage)
                and published
                and 0 < abs((published - d.start).days) <= 3
            ):
                released = DateSpan(published, published, published.isoformat())
                return _date_changed(claim, passage, 0.5, released, d, f"{d.written} ({_iso_range(d)})")
    month = not d.explicit_range and d.relation is None and 27 <= (d.end - d.start).days <= 31  # "In September 2023,"
    if (
        (month or (d.year_only and d.relation in {None, "say"}))
        and not d.bound
        and (dated := _dated_then(claim, d, index))
    ):
        return dated
    if best is not None:
        _, _, similarity, passage, sd = best
        return _date_changed(claim, passage, similarity, sd, d, f"{written} ({_iso_range(d)})")
    return _unsourced(claim, index, f"no source gives the date {written} ({_iso_range(d)})")


# The day of an enforcement action: warrants are executed, homes searched and suspects arrested together.
_ACTION_DAY = frozenset({"search", "arrest", "seize", "execute"})


def _loose(d: DateSpan, sd: DateSpan, same_event: bool) -> bool:
    """Whether a year or a limit may be compared with a date years away ("born in 1956" for 1945): against
    another year or limit, or the same event — not "opened in 2020" against the day of a seizure."""
    return (d.year_only or d.bound is not None) and (sd.year_only or sd.bound is not None or same_event)


def _same_event(said: str | None, real: str | None) -> bool:
    return said is not None and (said == real or {said, real} <= _ACTION_DAY)


def _dated_then(claim: Claim, d: DateSpan, index: Index) -> Verdict | None:
    """ "In 2022, the CBI had booked a ferro alloys maker", "In September 2023, …": a release of that year or month
    that speaks to the sentence."""
    found = [
        (similarity, passage)
        for passage in index.candidates(claim)
        if (published := passage.source.published) is not None
        and d.start <= published <= d.end
        and (similarity := index.similarity(claim.sentence, passage)) >= 0.3
    ]
    if not found:
        return None
    similarity, passage = max(found, key=lambda f: f[0])
    why = f"the source was published then ({passage.source.published})"
    return _verdict(claim, (_evidence(passage, similarity),), [], 1.0, _no_explain, why)


def _in_the_sources_year(claim: Claim, d: DateSpan, index: Index, candidates: list[Passage]) -> Verdict | None:
    """ "Announced on December 10th", the year only inferred: the source's year for the same day decides."""
    near_miss = None
    for passage in candidates:
        for sd in passage.dates:
            same_day = _in_year(d, sd.start.year)
            if same_day is None or sd.start.year == d.start.year:
                continue  # the same year was compared already
            same_event = _same_event(d.relation, sd.relation)
            agrees = _date_agrees(same_day, sd)
            if not agrees and not (same_event and abs((sd.start - same_day.start).days) <= 10):
                continue
            similarity = index.similarity(claim.sentence, passage)
            if agrees and (same_event or similarity >= 0.35):
                why = f'source says "{sd.written}" (the story gives no year)'
                return _verdict(claim, (_evidence(passage, similarity),), [], 1.0, _no_explain, why)
            if same_event and not agrees and near_miss is None:
                near_miss = (similarity, passage, sd, same_day)
    if near_miss is None:
        return None
    similarity, passage, sd, same_day = near_miss
    return _date_changed(claim, passage, similarity, sd, same_day, d.written)


def _date_changed(
    claim: Claim, passage: Passage, similarity: float, sd: DateSpan, said: DateSpan, written: str
) -> Verdict:
    """The same event on another day: a changed date, with the source's words and dates."""
    diff = [Difference("date", _iso_range(said), _iso_range(sd))]

    def explain(diffs: list[Difference]) -> tuple[str, str]:
        return "date-changed", f'source says "{sd.written}" ({_iso_range(sd)}), not {written}'

    return _verdict(claim, (_evidence(passage, similarity),), diff, 0.75, explain, "")


_WEEKDAY = re.compile(r"\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b", re.IGNORECASE)
_YEAR = re.compile(r"\b(1[89]|20)\d\d\b|'\d\d\b")


def _in_year(d: DateSpan, year: int) -> DateSpan | None:
    """The same written date placed in another year (None for 29 February in a common year)."""
    try:
        return attrs.evolve(
            d, start=d.start.replace(year=year), end=d.end.replace(year=year + d.end.year - d.start.year)
        )
    except ValueError:
        return None


def _year_changed(claim: DateSpan, source: DateSpan) -> bool:
    """ "January 1891" for "January 31, 1892": the same month or day, a year or two off."""
    shifted = _in_year(claim, source.start.year)
    return shifted is not None and abs(source.start.year - claim.start.year) <= 2 and _date_agrees(shifted, source)


def _date_agrees(claim: DateSpan, source: DateSpan) -> bool:
    """Same start for "began", same end for "ended"; stated ranges must match whole; a day or a range must
    fall inside a month or year, or on the right side of "before" or "after"."""
    if claim.bound or source.bound:
        (low, high), (s_low, s_high) = _allowed(claim), _allowed(source)
        return low <= s_low and s_high <= high
    if claim.relation == "start" and claim.start <= source.start <= claim.end:
        return True  # "began in May" for "ran from 6 May to 28 July"
    if claim.relation == "end" and claim.start <= source.end <= claim.end:
        return True  # "ended last July" for "ran from 6 May to 28 July 2024"
    if claim.explicit_range:
        return (claim.start, claim.end) == (source.start, source.end)
    if source.explicit_range and claim.start == claim.end:
        return False  # a day is not a range; "last month" does hold "Feb. 17–28"
    return claim.start <= source.start and source.end <= claim.end


def _allowed(d: DateSpan) -> tuple[date, date]:
    """The days a date allows: "before 2017" ends on 31 December 2016, "by 2025" on 31 December 2025."""
    if d.bound == "before":
        return date.min, d.start - timedelta(days=1)
    if d.bound == "after":
        return d.end + timedelta(days=1), date.max
    if d.bound == "by":
        return date.min, d.end
    return d.start, d.end


def _days_apart(claim: DateSpan, source: DateSpan) -> int:
    """How far what the source allows is from what the claim allows (0 where they meet)."""
    (low, high), (s_low, s_high) = _allowed(claim), _allowed(source)
    return max((low - s_high).days, (s_low - high).days, 0)


def _overlap_only(claim: DateSpan, source: DateSpan) -> bool:
    """The two allow some of the same days, but the source's are not all inside the claim's."""
    return not _date_agrees(claim, source) and _days_apart(claim, source) == 0


_YEARS_APART = 366 * 30  # a year or a limit may be off by decades ("born in 1956" for 1945) and still be the fact


def _iso_range(d: DateSpan) -> str:
    if d.bound == "before":
        return f"before {d.start.isoformat()}"
    if d.bound == "after":
        return f"after {d.end.isoformat()}"
    if d.bound == "by":
        return f"by {d.end.isoformat()}"
    return d.start.isoformat() if d.start == d.end else f"{d.start.isoformat()}/{d.end.isoformat()}"
