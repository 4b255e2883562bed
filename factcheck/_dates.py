"""Private: dates and ranges in text, resolved against a reference date, with the event they mark.

Part of stage 1 (claims); the same finder reads sources.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date, datetime, timedelta

import attrs
from dateutil import parser as dateparser

from factcheck import _lexicon as lex
from factcheck._text import Span, lemma, overlaps
from factcheck.records import DateSpan

__all__ = ["find_dates"]


_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_FULL_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_DOTTED = (
    r"(?<![\d.])\d{1,2}\.\d{1,2}\.\d{4}(?![\d]|\.\d)"  # day first, as Indian and European releases write: 12.08.2025
)
_YEAR = r"(?:,?\s+\d{4})"
_ONE_DATE = (
    rf"(?:{_MONTH}\s+{_DAY}{_YEAR}?|{_DAY}\s+{_MONTH}{_YEAR}?|\d{{4}}-\d{{2}}-\d{{2}}|\d{{1,2}}/\d{{1,2}}/\d{{4}}"
    rf"|{_DOTTED})"
)
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_DATES = re.compile(
    rf"(?P<samemonth>(?P<sm_month>{_MONTH})\s+(?P<sm_a>\d{{1,2}})\s*(?:[-\u2013]|\s(?:and|to|through)\s)\s*"
    rf"(?P<sm_b>\d{{1,2}})(?P<sm_year>{_YEAR})?)\b"
    rf"|(?P<dayfirst>(?:from\s+|between\s+)?(?P<df_a>\d{{1,2}})\s*(?:[-\u2013]|to|and|until)\s*(?P<df_b>\d{{1,2}})\s+(?P<df_month>{_MONTH})(?P<df_year>\s+\d{{4}})?)\b"
    rf"|(?P<range>(?:from\s+|between\s+)?(?:{_WEEKDAY},?\s+)?(?P<r_a>{_ONE_DATE}),?\s+(?:to|through|until|till|and|-|\u2013)\s+"
    rf"(?:{_WEEKDAY},?\s+)?(?P<r_b>{_ONE_DATE}))\b"
    rf"|(?P<single>{_ONE_DATE})\b"
    rf"|(?P<months>(?:from\s+|between\s+)?(?P<mo_a>{_FULL_MONTH})(?P<mo_a_year>,?\s+\d{{4}})?"
    rf"\s+(?:to|through|until|-|\u2013|(?<=\d{{4}}\s)and)\s+"
    rf"(?P<mo_b>{_FULL_MONTH})(?P<mo_year>,?\s+\d{{4}})?)\b"
    rf"|(?P<month>(?:in\s+)?{_MONTH}\s+\d{{4}})\b"
    rf"|(?P<bare_month>\b(?:in|since)\s+(?P<bm>{_FULL_MONTH}))\b(?!\s*,?\s*\d|\s+(?:and|or)\s+{_FULL_MONTH}\s+\d)"
    rf"|(?P<years>\b(?:between|from)\s+(?P<ys_a>(?:1[89]|20)\d\d)\s+(?:and|to|through|until)\s+(?P<ys_b>(?:1[89]|20)\d\d))\b"
    rf"|(?P<year>\b(?:in|during|before|after|by)\s+(?:(?P<y_part>early|late|mid-?)\s*)?(?P<y_year>(?:1[89]|20)\d\d))"
    rf"(?![\d\u2013'-]|s\b)"
    rf"|(?P<relative>\b(?:yesterday|today|this\s+week|last\s+week|last\s+month|last\s+year"
    rf"|(?:last|this\s+past)\s+(?-i:{_FULL_MONTH})"
    rf"|(?:(?:on|last|this\s+past)\s+)?{_WEEKDAY}(?!\s*,?\s*(?:{_MONTH}\s+\d|\d{{1,2}}\s+{_MONTH}))))\b",
    re.IGNORECASE,
)
_DATES_AND_YEARS = re.compile(
    _DATES.pattern + r"|(?P<bare>(?<![\w$\u00a3\u20ac.,/-])(?:1[89]|20)\d\d(?![\w\u2013'/%-]|\.\d|,\d))", re.IGNORECASE
)
# Days of the week as opening hours, not dates: "Monday through Friday, 8 a.m. to 5 p.m."
_OPENING_HOURS = re.compile(
    rf"\b{_WEEKDAY}s?\s*(?:through|to|thru|-|\u2013)\s*{_WEEKDAY}s?\b(?!,?\s*(?:{_DAY}\s+)?{_MONTH})"
)
_FIRST_OF_TWO_MONTHS = re.compile(rf"\b(?P<first>{_MONTH})\s+(?:and|or)\s+(?={_MONTH}\s+(?P<year>\d{{4}})\b)")
_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
           "november", "december")  # fmt: skip
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def find_dates(
    text: str,
    reference: date,
    start: int = 0,
    end: int | None = None,
    *,
    masked: Iterable[Span] = (),
    bare_years: bool = False,
) -> list[tuple[int, int, DateSpan]]:
    """Dates and date ranges in ``text[start:end]``, resolved against ``reference``.

    ``bare_years`` also reads a year with no preposition ("his 2002 club hit", "the 2005 remake") — for
    sources, where it can bear out or rule out a year a story gives; in a story it is rarely the claim.
    """
    end = len(text) if end is None else end
    masked = list(masked) + [m.span() for m in _OPENING_HOURS.finditer(text, start, end)]
    found = []
    pattern = _DATES_AND_YEARS if bare_years else _DATES
    for m in pattern.finditer(text, start, end):
        if overlaps(m.span(), masked):
            continue
        try:
            span = _resolve(m, reference)
        except (ValueError, OverflowError):
            continue
        if span is None:
            continue
        s, e = m.span()
        if (bound := _bound(text, s)) and not span.explicit_range:  # "before May 14, 1998", "after 1932"
            s = bound[1]
            span = attrs.evolve(span, bound=bound[0], written=text[s:e])
        if span.written.split()[-1].lower() in _WEEKDAYS and _AHEAD.search(text, max(0, s - 60), s):
            ahead = timedelta(days=7 if span.start < reference else 0)  # "is scheduled to appear … on Friday"
            span = attrs.evolve(span, start=span.start + ahead, end=span.end + ahead)
        elif (
            span.start < reference
            and not re.search(r"\d{4}|\b(?:last|yesterday|ago)\b", span.written, re.IGNORECASE)
            and _AHEAD.search(text, max(0, s - 60), s)
        ):  # "a hearing has been set for 16 September": the one ahead
            span = attrs.evolve(span, start=_shift_year(span.start, 1), end=_shift_year(span.end, 1))
        relation, rel_start = _event(text, s, e)
        found.append((rel_start if relation else s, e, attrs.evolve(span, relation=relation)))
    for m in _FIRST_OF_TWO_MONTHS.finditer(text, start, end):  # "in October and December 2017": October too
        if not overlaps(m.span(), masked):
            span = _month(m.group("first"), f"{m.group('first')} {m.group('year')}", reference)
            found.append((m.start(), m.end("first"), attrs.evolve(span, relation=_relation(text, m.start())[0])))
    return sorted(found, key=lambda f: f[0])


# What may stand before a page's own date on its line: "Published: March 15, 2024", "Updated on 15 March 2024",
# "Dated: 21.09.2022", or the place it was issued from: "New Delhi, 12.08.2025".
_DATE_LINE_LEAD = re.compile(
    r"[ \t]*(?:(?:published|updated|posted|release date|dated|date)(?:[ \t]+on)?:?[ \t]*"
    r"|(?-i:[A-Z][A-Za-z.'\u2019-]+(?:[ \t][A-Z][A-Za-z.'\u2019-]+){0,2}"
    r"(?:,[ \t]*[A-Z][A-Za-z.'\u2019-]+(?:[ \t][A-Z][A-Za-z.'\u2019-]+){0,2})?),[ \t]*)?",  # "Long Island City, NY,"
    re.IGNORECASE,
)


def alone_on_its_line(text: str, start: int, end: int) -> bool:
    """Whether the date at ``text[start:end]`` is all its line says: a story's own date line, not a claim."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    return _DATE_LINE_LEAD.fullmatch(text, line_start, start) is not None and not text[end:line_end].strip()


def date_line(text: str, head: int = 600) -> date | None:
    """The day a date line near the top of ``text`` gives, written with its year ("15 March 2024")."""
    for start, end, d in find_dates(text, date.today(), 0, min(len(text), head)):
        if d.start == d.end and re.search(r"\d{4}", d.written) and alone_on_its_line(text, start, end):
            return d.start
    return None


_AHEAD = re.compile(
    r"\b(?:will|scheduled|(?<!was )(?<!were )due|expected to|set to|next|set for|listed for|adjourned)\b[^.;]*$",
    re.IGNORECASE,
)  # "were due to appear on Monday" is past: the Monday gone
_BOUND = re.compile(r"\b(before|after|by)\s+$", re.IGNORECASE)


def _bound(text: str, start: int) -> tuple[str, int] | None:
    """The word that makes the date at ``start`` a limit ("before", "after", "by"), and where it starts."""
    if m := re.match(r"(before|after|by)\s", text[start : start + 7], re.IGNORECASE):
        return m.group(1).lower(), start  # "after 1932": the word is part of the match
    at = max(0, start - 8)
    if m := _BOUND.search(text, at, start):
        return m.group(1).lower(), m.start(1)
    return None


def _resolve(m: re.Match[str], ref: date) -> DateSpan | None:
    written = m.group()
    if m.group("samemonth"):
        year = m.group("sm_year") or ""
        a = _one(f"{m.group('sm_month')} {m.group('sm_a')}{year}", ref)
        b = _one(f"{m.group('sm_month')} {m.group('sm_b')}{year}", ref)
        return DateSpan(start=a, end=b, written=written, explicit_range=True)
    if m.group("dayfirst"):
        year = m.group("df_year") or ""
        a = _one(f"{m.group('df_a')} {m.group('df_month')}{year}", ref)
        b = _one(f"{m.group('df_b')} {m.group('df_month')}{year}", ref)
        return DateSpan(start=a, end=b, written=written, explicit_range=True)
    if m.group("range"):
        a, b = _one(m.group("r_a"), ref), _one(m.group("r_b"), ref)
        if not re.search(r"\d{4}", m.group("r_a")):  # "from 13 July to 20 December 2024": the end's year
            a = _shift_year(a, (b.year if re.search(r"\d{4}", m.group("r_b")) else a.year) - a.year)
            if b < a:
                a = _shift_year(a, -1)
        return DateSpan(start=a, end=b, written=written, explicit_range=True)
    if m.group("single"):
        day = _one(m.group("single"), ref)
        return DateSpan(start=day, end=day, written=written)
    if m.group("months") or m.group("bare_month"):
        first, last = (m.group("mo_a"), m.group("mo_b")) if m.group("months") else (m.group("bm"), m.group("bm"))
        if not (first[0].isupper() and last[0].isupper()):
            return None  # "in may", "march to …": not the months
        # The year given, or the one that puts the last month nearest the reference ("from January to September")
        year = int((m.group("mo_year") or "").strip(", ") or _one(f"{last} 15", ref).year)
        if written.lower().startswith("since") and date(year, _MONTHS.index(last.lower()) + 1, 1) > ref:
            year -= 1  # "since November": a month gone by
        until = _month(written, f"{last} {year}", ref)
        first_year = (m.group("mo_a_year") or "").strip(", ") if m.group("months") else ""
        since = _month(written, f"{first} {first_year or year}", ref)
        if since.start > until.start:  # "from November to February": the first month in the year before
            since = _month(written, f"{first} {year - 1}", ref)
        return DateSpan(start=since.start, end=until.end, written=written, explicit_range=bool(m.group("months")))
    if m.group("month"):
        return _month(written, re.sub(r"^in\s+", "", written, flags=re.I), ref)
    if m.lastgroup == "bare":
        year = int(written)
        return DateSpan(start=date(year, 1, 1), end=date(year, 12, 31), written=written, year_only=True)
    if m.group("years"):  # "between 2017 and 2021"
        first, last = int(m.group("ys_a")), int(m.group("ys_b"))
        if last < first:
            return None
        return DateSpan(date(first, 1, 1), date(last, 12, 31), written, explicit_range=True, year_only=True)
    if m.group("year"):
        year = int(m.group("y_year"))
        months = {"early": (1, 4), "mid": (5, 8), "mid-": (5, 8), "late": (9, 12)}.get(
            (m.group("y_part") or "").lower(), (1, 12)
        )
        first = date(year, months[0], 1)
        nxt = date(year + 1, 1, 1) if months[1] == 12 else date(year, months[1] + 1, 1)
        return DateSpan(start=first, end=nxt - timedelta(days=1), written=written, year_only=True)
    words = written.lower().split()
    if words in (["yesterday"], ["today"]):
        day = ref - timedelta(days=1 if words == ["yesterday"] else 0)
        return DateSpan(start=day, end=day, written=written)
    if words == ["this", "week"]:
        return DateSpan(start=ref - timedelta(days=ref.weekday()), end=ref, written=written)
    if words[-1] == "year":
        return DateSpan(start=date(ref.year - 1, 1, 1), end=date(ref.year - 1, 12, 31), written=written, year_only=True)
    if words[-1] == "week":
        monday = ref - timedelta(days=ref.weekday() + 7)
        return DateSpan(start=monday, end=monday + timedelta(days=6), written=written)
    if words[-1] == "month":
        last = ref.replace(day=1) - timedelta(days=1)
        return DateSpan(start=last.replace(day=1), end=last, written=written)
    if words[-1] in _MONTHS:  # "last August": the latest August before the reference's month
        month = _MONTHS.index(words[-1]) + 1
        return _month(written, f"{words[-1]} {ref.year - (month >= ref.month)}", ref)
    if words[-1] in _WEEKDAYS:  # the latest such day on or before the reference; "last" excludes it
        back = (ref.weekday() - _WEEKDAYS.index(words[-1])) % 7
        if words[0] in {"last", "past"} and back == 0:
            back = 7
        day = ref - timedelta(days=back)
        return DateSpan(start=day, end=day, written=written)
    return None


def _month(written: str, month_and_year: str, ref: date) -> DateSpan:
    first = dateparser.parse(month_and_year.replace(".", ""), default=datetime(ref.year, 1, 1)).date().replace(day=1)
    nxt = (first.replace(day=28) + timedelta(days=4)).replace(day=1)
    return DateSpan(start=first, end=nxt - timedelta(days=1), written=written)


def _one(written: str, ref: date) -> date:
    """One written date; without a year, the one nearest the reference (within half a year either way)."""
    if m := re.fullmatch(r"(\d{1,2})\.(\d{1,2})\.(\d{4})", written):
        return date(int(m.group(3)), int(m.group(2)), int(m.group(1)))  # "12.08.2025" is the 12th of August
    cleaned = re.sub(r"(\d)(st|nd|rd|th)\b", r"\1", written).replace(".", "")
    day = dateparser.parse(cleaned, default=datetime(ref.year, 1, 1)).date()
    if not re.search(r"\d{4}", written):
        if (day - ref).days > 183:
            day = _shift_year(day, -1)
        elif (ref - day).days > 183:
            day = _shift_year(day, 1)
    return day


def _shift_year(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


_COURT_STEPS = re.compile(
    r"\b(found guilty|pleaded guilty|pled guilty|convicted|sentenced|jailed|charged|indicted|arrested|acquitted"
    r"|returned (?:the |an |a \S+ )?indictment|unsealed)\b"
    r"[^,;.!?\n]*$",
    re.IGNORECASE,
)
_FIRST_PUBLISHED = re.compile(r"\b(?:first|originally) (?:published|released|issued)\b[^;.!?\n]*$", re.IGNORECASE)


def _event(text: str, start: int, end: int) -> tuple[str | None, int]:
    """The event a date marks, and where its word starts: the word just before it ("began on July 17"), else a
    past-tense verb right after it ("the division today released …"), else the step of a case named earlier in
    its clause ("found guilty of conspiracy to defraud on 14 March"). A first publication is its own event
    ("first published the advisory, designated AA24-131A, on May 10"), not the update's."""
    relation, at = _relation(text, start)
    if relation in (None, "say") and _FIRST_PUBLISHED.search(text, max(0, start - 80), start):
        return "first-publish", at
    if relation is None:
        after = re.match(r"\s+([a-z]+)\b", text[end : end + 30])
        relation = (_relation_of(after.group(1), after=True) if after else None) or _court_step(text, start)
    return relation, at


# Searches name their places before the day, often as a list: "executed search warrants at four addresses in
# Wishaw, Motherwell, Bellshill and Coatbridge on Tuesday, 13 May".
_SEARCHES = re.compile(r"\b(?:raided|searched|executed (?:\S+ ){0,3}warrants)\b[^;.!?\n]*$", re.IGNORECASE)


def _court_step(text: str, start: int) -> str | None:
    if _SEARCHES.search(text, max(0, start - 140), start):
        return "search"
    m = _COURT_STEPS.search(text, max(0, start - 80), start)
    if not m:
        return None
    word = m.group(1).lower()
    if word.startswith("returned") or word == "indicted":
        return "indict"  # "the grand jury returned the indictment under seal on June 4"
    if word in {"found guilty", "convicted"}:
        return "convict"
    if word == "jailed":
        return "sentence"
    return "plead" if "guilty" in word else lemma(word.split()[0])


def _relation(text: str, start: int) -> tuple[str | None, int]:
    """The event word just before a date ("began on July 17") and where it starts."""
    m = re.search(
        r"([A-Za-z]+)(?:\s+(?:up|off|guilty|out|down))?\s+(?P<prep>on|in|from|since|by|through|until|till)?\s*$",
        text[max(0, start - 40) : start],
    )
    relation = _relation_of(m.group(1).lower()) if m else None
    if m and relation is None and m.group("prep") in {"until", "till"}:
        return "end", max(0, start - 40) + m.start("prep")  # "remanded in custody till August 18": when it ends
    return (relation, max(0, start - 40) + m.start(1)) if m and relation else (None, start)


def _relation_of(word: str, *, after: bool = False) -> str | None:
    """The canonical event of a word: "began" → start, "said" → say, "arrested" → arrest. After a date only a
    verb in the past counts ("today released"); before it, "born" too."""
    if word in lex.DATE_RELATIONS:
        return lex.DATE_RELATIONS[word]
    if word in lex.SAYING:
        return "say"
    if word == "born" and not after:
        return "born"
    if word.endswith("ed") and word not in {"named", "called", "dubbed"} and (not after or len(word) > 4):
        return lemma(word)
    return None
