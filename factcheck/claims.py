"""Stage 1 — takes an Article; returns its checkable Claims.

Four kinds (DESIGN.md): quantities with their qualifier, hedge and counted
noun; dates and ranges with the event they mark; quotations with speaker and
title; statements naming organisations and what they did, or listing things.
The finders also run over source text, so article and source are read alike.
"""

from __future__ import annotations

import logging
import math
import re
from collections.abc import Iterable
from datetime import date, datetime, timedelta

import attrs
from dateutil import parser as dateparser

from factcheck import _lexicon as lex
from factcheck._text import SCALES, lemma, number_word, paragraphs, sentences
from factcheck.records import Article, Claim, DateSpan, Detail, Quantity, Quote, Statement

log = logging.getLogger(__name__)

__all__ = ["extract_claims", "find_dates", "find_entities", "find_quantities", "find_quotes"]

Span = tuple[int, int]


def extract_claims(article: Article, *, reference: date | None = None) -> tuple[Claim, ...]:
    """Every checkable claim of the article, in reading order, ids c1, c2, …

    ``reference`` resolves dates without a year ("July 17"); it defaults to
    the article's publication date.
    """
    text = article.text
    ref = reference or article.published or date.today()
    found: list[tuple[int, int, Detail]] = []
    quotes = find_quotes(text)
    quoted = [(q.start, q.end) for q in quotes]
    for q in quotes:
        found.extend(_quote_claims(text, q))
    masked = [(q.start, q.end) for q in quotes]
    # "today" dates a release; in a story it is the story's own date, nothing to check.
    dates = [d for d in find_dates(text, ref, masked=masked) if d[2].written.lower() != "today"]
    found.extend(dates)
    masked += [(s, e) for s, e, _ in dates]
    quantities = find_quantities(text, masked=masked)
    found.extend(quantities)
    taken = [(s, e) for s, e, _ in dates + quantities]
    for s_start, s_end in sentences(text):
        if _overlaps((s_start, s_end), quoted) or _overlaps((s_start, s_end), taken):
            continue  # the sentence's own claims already carry its checkable facts
        statement = find_statement(text, s_start, s_end, masked)
        if statement:
            found.append(statement)
    found.sort(key=lambda f: (f[0], f[1]))
    sentence_spans = sentences(text)
    claims = []
    for number, (start, end, detail) in enumerate(found, 1):
        sentence = next((text[s:e] for s, e in sentence_spans if s <= start < e), text[start:end])
        claims.append(
            Claim(id=f"c{number}", text=text[start:end], start=start, end=end, sentence=sentence, detail=detail)
        )
    log.debug("%d claims in %s", len(claims), article.location)
    return tuple(claims)


def _overlaps(span: Span, others: Iterable[Span]) -> bool:
    return any(s < span[1] and span[0] < e for s, e in others)


# ------------------------------------------------------------------ quantities

_TOKEN = re.compile(
    r"(?P<num>(?<![\w.,/$\u00a3\u20ac])[$\u00a3\u20ac]?"
    r"(?:\d{1,3}(?:,\d{3})+(?!\d)|\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?!\d)|\d+)(?:\.\d+)?"
    r"(?:(?:bn|m|k|kg|lbs?)(?=\W|$))?(?:-[A-Za-z]+)*%?(?![\w/]))"
    r"|(?P<word>(?:[A-Z]\.){2,}|[A-Za-z]+(?:['\u2019][A-Za-z]+)*(?:-[A-Za-z0-9]+)*)"
    r"|(?P<other>\S)"
)
# Numbers that are not amounts: phone numbers, times, ordinals, ids, ranges of ids.
_NOT_AMOUNTS = re.compile(
    r"(?:\b1[-.\s])?\(?\b\d{3}\)?[-.\s]\d{3}[-.]\d{4}\b"
    r"|\b0\d{2,4}[\s-]\d{3,4}(?:[\s-]\d{3,4})?\b"  # UK and European phone numbers: 0800 555 111
    r"|\b\d{1,2}:\d{2}(?:\s*[ap]\.?m\.?)?"
    r"|\b\d{1,2}\s*[ap]\.m\."
    r"|\b\d+(?:st|nd|rd|th)\b"
    r"|\b\d+[-/]\d+[-/]\d+\b"
    r"|\b\d+/\d+\b"
    r"|\b(?:19|20)\d{2}[-\u2013/]\d{2}\b"  # seasons and fiscal years: 2019-20
    r"|\b\d+\s+[A-Z][a-z]+\s+(?:Street|St\.|Avenue|Ave\.|Road|Rd\.|Boulevard|Blvd\.|Drive|Dr\.|Lane|Way)"
)
_SPANS_OF_TIME = {
    "a decade": (10.0, "year"),
    "a year": (1.0, "year"),
    "a month": (1.0, "month"),
    "a week": (1.0, "week"),
    "a day": (1.0, "day"),
}
_BOUNDING = frozenset({"than", "over", "nearly", "almost", "about", "around", "roughly", "least", "under", "some"})
_CURRENCY = {"$": "usd", "\u00a3": "gbp", "\u20ac": "eur"}
_CURRENCY_CODES = {"USD": "usd", "US$": "usd", "GBP": "gbp", "EUR": "eur", "CAD": "cad", "C$": "cad"}
_SCALE_SUFFIX = {"bn": 1e9, "m": 1e6, "k": 1e3}
_MONEY = frozenset({"usd", "gbp", "eur", "cad"})
# Words that join a counted noun to its complement: "identifications of victims", "leads on traffickers".
_NP_LINKS = frozenset({"of", "on", "against", "involving"})
_CURRENCY_NOUNS = {"dollar": "usd", "usd": "usd", "sterling": "gbp", "euro": "eur", "eur": "eur"}
_WEIGHT_NOUNS = {"kilogram": "kg", "kilo": "kg", "kg": "kg", "pound": "lb", "lb": "lb", "tonne": "t", "ton": "t"}


@attrs.frozen
class _Num:
    start: int
    end: int
    written: str
    value: float | None
    low: float
    high: float
    unit: str | None
    next_token: int  # index of the first token after the number


def find_quantities(
    text: str, start: int = 0, end: int | None = None, *, masked: Iterable[Span] = ()
) -> list[tuple[int, int, Quantity]]:
    """Counted amounts in ``text[start:end]``, skipping ``masked`` spans."""
    end = len(text) if end is None else end
    masked = list(masked) + [(m.start(), m.end()) for m in _NOT_AMOUNTS.finditer(text, start, end)]
    found = []
    for s_start, s_end in sentences(text, start, end):
        tokens = [
            (m.lastgroup or "other", m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text, s_start, s_end)
        ]
        i = 0
        while i < len(tokens):
            num = _number_at(tokens, i)
            if (
                num is None
                or _overlaps((num.start, num.end), masked)
                or _is_label(tokens, i)
                or _is_year(tokens, i, num)
            ):
                i += 1
                continue
            quantity = _quantity(text, tokens, i, num)
            if _is_age(tokens, i, num):
                quantity = (quantity[0], num.end, attrs.evolve(quantity[2], unit="age", noun="", head="", lemmas=()))
            found.append(quantity)
            i = num.next_token
    return found


def _number_at(tokens: list[tuple[str, str, int, int]], i: int) -> _Num | None:
    group, word, start, end = tokens[i]
    lowered = word.lower()
    unit: str | None = None
    value: float | None
    j = i + 1
    if group == "num":
        head, *suffix = word.split("-")
        digits = re.sub(r"[,\s]", "", head.lstrip("$\u00a3\u20ac").rstrip("%"))
        attached = re.sub(r"^[\d.]+", "", digits)
        unit = _CURRENCY.get(head[0]) or ("percent" if head.endswith("%") else None)
        if attached in {"kg", "lb", "lbs"}:
            unit = "kg" if attached == "kg" else "lb"  # "62kg"
        elif attached and unit not in _MONEY:
            return None  # "100m", "5k": a distance or a label, not a count we can read
        try:
            value = float(digits[: len(digits) - len(attached)]) * _SCALE_SUFFIX.get(attached, 1.0)
        except ValueError:
            return None
        if unit is None and i > 0 and tokens[i - 1][1] in _CURRENCY_CODES:
            unit, start = _CURRENCY_CODES[tokens[i - 1][1]], tokens[i - 1][2]  # "EUR 9.2 million"
        if suffix and _hyphen_unit(suffix) is None:
            return None  # "800-CALL-FBI", "4-H": a name, not an amount
        unit = _hyphen_unit(suffix) or unit
        low = high = value
        if (
            i > 0
            and tokens[i - 1][1].lower() in {"between", "from"}
            and j + 1 < len(tokens)
            and tokens[j][1].lower() in ({"and"} if tokens[i - 1][1].lower() == "between" else {"to", "through"})
            and tokens[j + 1][0] == "num"
        ):
            other = _number_at(tokens, j + 1)
            if other is not None and other.value is not None:  # "between 20 and 30", "from 10 to 17"
                return _Num(
                    tokens[i - 1][2], other.end, "", None, value, other.value, unit or other.unit, other.next_token
                )
    elif group == "word":
        two = " ".join(t[1].lower() for t in tokens[i : i + 2])
        three = " ".join(t[1].lower() for t in tokens[i : i + 3])
        if two in _SPANS_OF_TIME and i and tokens[i - 1][1].lower() in _BOUNDING:
            value, unit = _SPANS_OF_TIME[two]  # "more than a decade", "nearly a year"
            return _Num(start, tokens[i + 1][3], two, value, value, value, unit, i + 2)
        if m := re.fullmatch(r"(day|week|month|year)-long", lowered):
            return _Num(start, end, lowered, 1.0, 1.0, 1.0, m.group(1), i + 1)  # "a week-long operation"
        for phrase in (three, two, lowered):
            after = tokens[i + phrase.count(" ") + 1][1].lower() if i + phrase.count(" ") + 1 < len(tokens) else ""
            if phrase in lex.FRACTIONS and after == "of":  # "a third of the victims"
                share = lex.FRACTIONS[phrase]
                last = i + phrase.count(" ")
                return _Num(start, tokens[last][3], phrase, None, share - 1.5, share + 1.5, "percent", last + 1)
            if phrase in lex.VAGUE:
                low, high = lex.VAGUE[phrase]
                end = tokens[i + phrase.count(" ")][3]
                return _Num(
                    start,
                    end,
                    phrase,
                    12.0 if phrase == "a dozen" else None,
                    low,
                    high,
                    None,
                    i + phrase.count(" ") + 1,
                )
        parts = lowered.split("-")
        value = number_word("-".join(parts[:2])) if len(parts) >= 2 else None
        used = 2 if value is not None else 1
        if value is None:
            value = number_word(parts[0])
        if value is None or (parts[0] == "one" and len(parts) == 1) or (parts[0] == "zero" and len(parts) == 1):
            return None
        unit = _hyphen_unit(parts[used:])
        if len(parts) > used and unit is None:
            return None  # "two-thirds", "one-sided": not a count we can read
        low = high = value
    else:
        return None
    # "1.2 million", "two hundred", "40 percent", "20-30" / "20–30"
    if j < len(tokens) and tokens[j][1].lower() in SCALES:
        value *= SCALES[tokens[j][1].lower()]
        low = high = value
        end, j = tokens[j][3], j + 1
    if j < len(tokens) and tokens[j][1].lower() == "percent":
        unit, end, j = "percent", tokens[j][3], j + 1
    elif j + 1 < len(tokens) and tokens[j][1].lower() == "per" and tokens[j + 1][1].lower() == "cent":
        unit, end, j = "percent", tokens[j + 1][3], j + 2
    elif j + 1 < len(tokens) and tokens[j][1] in "-\u2013" and tokens[j + 1][0] == "num" and tokens[j][2] == end:
        try:
            high = float(tokens[j + 1][1].replace(",", ""))
        except ValueError:
            return None
        value, end, j = None, tokens[j + 1][3], j + 2
    return _Num(start, end, "", value, low, high, unit, j)


def _hyphen_unit(parts: list[str]) -> str | None:
    if not parts:
        return None
    base = lemma(parts[0].lower())
    if base in lex.TIME_UNITS:
        return "age" if parts[-1].lower() == "old" else base
    return None


def _is_label(tokens: list[tuple[str, str, int, int]], i: int) -> bool:
    """A number after "Section", "No.", "#" names something; it counts nothing."""
    before = [t[1].lower() for t in tokens[max(0, i - 2) : i]]
    if before and before[-1] == "." and len(before) == 2:
        before = before[:1]  # "No. 4"
    prev = before[-1] if before else ""
    return prev in lex.LABELS or prev in {"#", "\u00a7"}


def _is_age(tokens: list[tuple[str, str, int, int]], i: int, num: _Num) -> bool:
    """ "Jose Valerio, 55, of Newark": an age set off by commas after a name."""
    if num.value is None or num.unit or not 0 < num.value < 120 or i < 2:
        return False
    after = tokens[num.next_token][1] if num.next_token < len(tokens) else ""
    return tokens[i - 1][1] == "," and tokens[i - 2][1][:1].isupper() and after in {",", ".", ";"}


def _is_year(tokens: list[tuple[str, str, int, int]], i: int, num: _Num) -> bool:
    word = tokens[i][1]
    if not (len(word) == 4 and word.isdigit() and 1800 <= int(word) <= 2100):
        return False
    nxt = tokens[num.next_token][1] if num.next_token < len(tokens) else ""
    return not (nxt.endswith("s") and nxt.islower() and len(nxt) > 3)


def _quantity(text: str, tokens: list[tuple[str, str, int, int]], i: int, num: _Num) -> tuple[int, int, Quantity]:
    start, qualifier, hedge = num.start, None, None
    first = i - 1 if i and num.start <= tokens[i - 1][2] else i  # "EUR 9.2 million", "between 20 and 30"
    # Qualifier and hedge written before the number: "more than", "an estimated".
    before = [t[1].lower() for t in tokens[max(0, first - 3) : first]]
    for n in (3, 2, 1):
        phrase = " ".join(before[-n:]) if len(before) >= n else ""
        if phrase in lex.QUALIFIERS:
            qualifier = lex.QUALIFIERS[phrase]
            hedge = "estimated" if "estimated" in phrase else None
            start = tokens[first - n][2]
            break
    # The counted noun phrase: "probable identifications of previously unknown victims".
    j = num.next_token
    lead_in = {"of", "in", "worth"} if num.unit in _MONEY else {"of"}
    if j < len(tokens) and tokens[j][1].lower() in lead_in:
        j += 1  # "40 percent of the material", "£45m of cocaine", "$4.8 million in cash", "300 of the victims"
        while j < len(tokens) and tokens[j][1].lower() in {"the", "a", "an", "its", "their", "all"}:
            j += 1
    np_words: list[tuple[str, int, int]] = []
    seen_of = False
    while j < len(tokens) and len(np_words) < 7:
        group, word, w_start, w_end = tokens[j]
        lowered = word.lower()
        in_name = (
            lowered == "and"
            and np_words
            and np_words[-1][0][0].isupper()
            and j + 1 < len(tokens)
            and tokens[j + 1][1][:1].isupper()
        )  # "350 Customs and Border Protection officers"
        in_name = in_name or (  # "58 federal and state search warrants"
            lowered in {"and", "or"}
            and 0 < len(np_words) <= 2
            and lemma(np_words[-1][0]) == np_words[-1][0].lower()  # a modifier, not a plural head
            and j + 2 < len(tokens)
            and all(_plain_word(tokens[k]) for k in (j + 1, j + 2))
        )
        after_adverb = bool(np_words) and np_words[-1][0].lower().endswith("ly")  # "privately made firearms"
        if group != "word" or (
            lowered in lex.NP_STOP
            and not in_name
            and not after_adverb
            and not (lowered in _NP_LINKS and not seen_of and np_words)
        ):
            break
        if lowered in _NP_LINKS:
            seen_of = True
        elif lowered in lex.HEDGES and hedge is None:
            hedge = lowered
            j += 1
            continue
        elif np_words and lowered.endswith("ed") and not seen_of and not after_adverb:
            break  # "300 victims identified": a verb, not part of the noun
        elif word[0].isupper() and lowered in lex.NOT_ENTITIES and np_words:
            break  # "300 victims Tuesday"
        np_words.append((word, w_start, w_end))
        j += 1
    while np_words and np_words[-1][0].lower() in _NP_LINKS | {"and", "or"}:
        np_words.pop()
    noun = text[np_words[0][1] : np_words[-1][2]] if np_words else ""
    lemmas = tuple(lemma(w) for w, _, _ in np_words if w.lower() not in _NP_LINKS)
    head_words = [w for w, _, _ in np_words]
    links = [n for n, w in enumerate(head_words) if w.lower() in _NP_LINKS]
    if links:
        head_words = head_words[: links[0]]
    head = lemma(head_words[-1]) if head_words else ""
    if len(head_words) == 1 and head_words[0].lower().endswith("ed"):
        head = ""  # "19 wanted for homicide": a participle, the thing counted is implied
    unit = num.unit
    if unit is None and head in lex.TIME_UNITS:
        unit = head
    elif unit is None and head in _CURRENCY_NOUNS:
        unit = _CURRENCY_NOUNS[head]
    elif unit is None and head in _WEIGHT_NOUNS:
        unit = _WEIGHT_NOUNS[head]
    end = np_words[-1][2] if np_words else num.end
    verb, verb_hedge = _governing_verb(tokens, first if start == num.start else _start_token(tokens, start), j)
    hedge = hedge or verb_hedge
    value, low, high, low_open = num.value, num.low, num.high, False
    if value is not None:
        low, high, low_open = _interval(value, qualifier)
    written = num.written or text[num.start : num.end]
    return start, end, Quantity(
        written=written, low=low, high=high, value=value, qualifier=qualifier, hedge=hedge,
        noun=noun, head=head, lemmas=lemmas, unit=unit, low_open=low_open, verb=verb,
    )  # fmt: skip


def _start_token(tokens: list[tuple[str, str, int, int]], offset: int) -> int:
    return next(k for k, t in enumerate(tokens) if t[2] == offset)


def _plain_word(token: tuple[str, str, int, int]) -> bool:
    """A lower-case word that can sit inside a noun phrase (not a number, a verb form of "be", …)."""
    word = token[1]
    return (
        token[0] == "word"
        and word.islower()
        and word not in lex.NP_STOP
        and word not in lex.VAGUE
        and number_word(word) is None
    )


def _governing_verb(tokens: list[tuple[str, str, int, int]], before: int, after: int) -> tuple[str | None, str | None]:
    """The action a count is the object or subject of, and a hedge on it.

    "arrested 84 people", "84 people were arrested", "potentially identified 118 children".
    """
    found: tuple[int, str] | None = None
    if before >= 1 and (canonical := lex.ACTION_OF.get(tokens[before - 1][1].lower())):
        found = (before - 1, canonical)
    elif before >= 1 and re.fullmatch(r"[a-z]{3,}ed", tokens[before - 1][1]):
        found = (before - 1, lemma(tokens[before - 1][1]))  # "questioned 45 suspects": some other action
    else:
        for k in range(after, min(after + 3, len(tokens))):
            if canonical := lex.ACTION_OF.get(tokens[k][1].lower()):
                found = (k, canonical)
                break
    if found is None:
        return None, None
    k, canonical = found
    nearby = {tokens[n][1].lower() for n in range(max(0, k - 3), k)}
    hedge = next((h for h in sorted(nearby & lex.HEDGES)), None)
    return canonical, hedge


def _interval(value: float, qualifier: str | None, tolerance: float = 0.05) -> tuple[float, float, bool]:
    """The amounts a qualified figure allows: "more than 300" → (300, ∞), open at 300."""
    if qualifier == "more than":
        return value, math.inf, True
    if qualifier == "at least":
        return value, math.inf, False
    if qualifier == "nearly":
        return value * 0.9, value, False
    if qualifier == "about":
        return value * (1 - tolerance), value * (1 + tolerance), False
    if qualifier == "up to":
        return 0.0, value, False
    if qualifier == "fewer than":
        return 0.0, math.nextafter(value, 0.0), False
    return value, value, False


# ----------------------------------------------------------------------- dates

_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_YEAR = r"(?:,?\s+\d{4})"
_ONE_DATE = (
    rf"(?:{_MONTH}\s+{_DAY}{_YEAR}?|{_DAY}\s+{_MONTH}{_YEAR}?|\d{{4}}-\d{{2}}-\d{{2}}|\d{{1,2}}/\d{{1,2}}/\d{{4}})"
)
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_DATES = re.compile(
    rf"(?P<samemonth>(?P<sm_month>{_MONTH})\s+(?P<sm_a>\d{{1,2}})\s*[-\u2013]\s*(?P<sm_b>\d{{1,2}})(?P<sm_year>{_YEAR})?)\b"
    rf"|(?P<dayfirst>(?:from\s+|between\s+)?(?P<df_a>\d{{1,2}})\s*(?:[-\u2013]|to|and|until)\s*(?P<df_b>\d{{1,2}})\s+(?P<df_month>{_MONTH})(?P<df_year>\s+\d{{4}})?)\b"
    rf"|(?P<range>(?:from\s+|between\s+)?(?P<r_a>{_ONE_DATE}),?\s+(?:to|through|until|till|and|-|\u2013)\s+(?P<r_b>{_ONE_DATE}))\b"
    rf"|(?P<single>{_ONE_DATE})\b"
    rf"|(?P<month>(?:in\s+)?{_MONTH}\s+\d{{4}})\b"
    rf"|(?P<relative>\b(?:yesterday|today|this\s+week|last\s+week|last\s+month|last\s+year"
    rf"|(?:(?:on|last|this\s+past)\s+)?{_WEEKDAY}(?!\s*,?\s*(?:{_MONTH}\s+\d|\d{{1,2}}\s+{_MONTH}))))\b",
    re.IGNORECASE,
)
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def find_dates(
    text: str, reference: date, start: int = 0, end: int | None = None, *, masked: Iterable[Span] = ()
) -> list[tuple[int, int, DateSpan]]:
    """Dates and date ranges in ``text[start:end]``, resolved against ``reference``."""
    end = len(text) if end is None else end
    masked = list(masked)
    found = []
    for m in _DATES.finditer(text, start, end):
        if _overlaps(m.span(), masked):
            continue
        try:
            span = _resolve(m, reference)
        except (ValueError, OverflowError):
            continue
        if span is None:
            continue
        s, e = m.span()
        relation, rel_start = _relation(text, s)
        found.append((rel_start if relation else s, e, attrs.evolve(span, relation=relation)))
    return found


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
        if b < a and not re.search(r"\d{4}", m.group("r_a")):
            a = a.replace(year=a.year - 1)
        return DateSpan(start=a, end=b, written=written, explicit_range=True)
    if m.group("single"):
        day = _one(m.group("single"), ref)
        return DateSpan(start=day, end=day, written=written)
    if m.group("month"):
        first = (
            dateparser.parse(
                re.sub(r"^in\s+", "", written, flags=re.I).replace(".", ""), default=datetime(ref.year, 1, 1)
            )
            .date()
            .replace(day=1)
        )
        nxt = (first.replace(day=28) + timedelta(days=4)).replace(day=1)
        return DateSpan(start=first, end=nxt - timedelta(days=1), written=written)
    words = written.lower().split()
    if words in (["yesterday"], ["today"]):
        day = ref - timedelta(days=1 if words == ["yesterday"] else 0)
        return DateSpan(start=day, end=day, written=written)
    if words == ["this", "week"]:
        return DateSpan(start=ref - timedelta(days=ref.weekday()), end=ref, written=written)
    if words[-1] == "year":
        return DateSpan(start=date(ref.year - 1, 1, 1), end=date(ref.year - 1, 12, 31), written=written)
    if words[-1] == "week":
        monday = ref - timedelta(days=ref.weekday() + 7)
        return DateSpan(start=monday, end=monday + timedelta(days=6), written=written)
    if words[-1] == "month":
        last = ref.replace(day=1) - timedelta(days=1)
        return DateSpan(start=last.replace(day=1), end=last, written=written)
    if words[-1] in _WEEKDAYS:  # the latest such day on or before the reference; "last" excludes it
        back = (ref.weekday() - _WEEKDAYS.index(words[-1])) % 7
        if words[0] in {"last", "past"} and back == 0:
            back = 7
        day = ref - timedelta(days=back)
        return DateSpan(start=day, end=day, written=written)
    return None


def _one(written: str, ref: date) -> date:
    """One written date; without a year, the one nearest the reference (within half a year either way)."""
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


def _relation(text: str, start: int) -> tuple[str | None, int]:
    """The event word just before a date ("began on July 17") and where it starts."""
    m = re.search(
        r"([A-Za-z]+)(?:\s+(?:up|off|guilty|out|down))?\s+(?:on|in|from|since|by|through|until)?\s*$",
        text[max(0, start - 40) : start],
    )
    if not m:
        return None, start
    word = m.group(1).lower()
    if word in lex.DATE_RELATIONS:
        return lex.DATE_RELATIONS[word], max(0, start - 40) + m.start(1)
    if word in lex.SAYING:
        return "say", max(0, start - 40) + m.start(1)
    if word.endswith("ed") and word not in {"named", "called", "dubbed"}:
        return lemma(word), max(0, start - 40) + m.start(1)
    return None, start


# ---------------------------------------------------------------------- quotes


@attrs.frozen
class QuoteSpan:
    """A quotation in some text: marks included, its words, and who said it."""

    start: int
    end: int
    inner_start: int
    inner_end: int
    speaker: str | None = None
    title: str | None = None
    attribution: Span | None = None
    attribution_before: bool = False
    term: bool = False
    named: bool = False  # the attribution names the speaker (not "she said")
    who: Span | None = None  # where the name and title are written


_NAME_WORD = r"(?:[A-Z][\w'\u2019.-]*|[A-Z]\.)"
_NAME_RUN = rf"{_NAME_WORD}(?:\s+(?:of\s+|for\s+|de\s+|van\s+|in\s+(?=Charge))?{_NAME_WORD})*"
# "… of the FBI's Denver Field Office": whom the speaker works for, not part of the name.
_ORG_TAIL = rf"(?:\s+(?:of|at|with|from)\s+(?:the\s+)?{_NAME_RUN}(?:['\u2019]s\s+{_NAME_RUN})?)"
_SAID = r"(?:said|says|added|adds|stated|explained|noted|wrote|warned|told\s+[\w\s]{1,30}?)"
_AFTER_SAID_NAME = re.compile(
    rf"^\s*[,.!?]?\s*{_SAID}\s+(?P<who>{_NAME_RUN}){_ORG_TAIL}?(?:,\s+(?P<title>[^.,;\u201c\"]{{3,140}}?))?\s*[.,;]"
)
_AFTER_NAME_SAID = re.compile(rf"^\s*[,.!?]?\s*(?P<who>{_NAME_RUN}|he|she|they)\s+{_SAID}\s*[.,;]")
_BEFORE = re.compile(
    rf"(?P<who>{_NAME_RUN}|He|She|They)(?:,\s+(?P<title>[^.,;\u201c\"]{{3,140}}?),)?\s+{_SAID}"
    rf"(?:\s+(?:in\s+a\s+statement|in\s+an\s+interview|on\s+\w+|at\s+[\w\s]{{1,30}}))?\s*[:,]\s*$"
)
_SAID_THAT = re.compile(
    rf"(?:^|[.!?]\s+|\s)(?P<who>{_NAME_RUN}|He|She|They)\s+{_SAID}(?:\s+that)?\s[^\u201c\u201d\".!?]{{0,60}}$"
)
_PRONOUNS = {"he", "she", "they"}


# Opening marks and the closing marks that may end them. Single quotes count only
# at word edges, so the apostrophe of "children’s" never opens or closes one.
_CLOSERS = {
    "\u201c": "\u201d\u201c",  # “…” and, in some styles, “…“
    "\u201e": "\u201c\u201d",  # „…“ / „…”
    "\u00ab": "\u00bb",  # «…»
    '"': '"',
    "\u2018": "\u2019",  # ‘…’
    "'": "'",
}


def _marks(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Quotation spans (open, close + 1) in a paragraph; an unclosed one runs to ``end``."""
    spans: list[tuple[int, int]] = []
    i = start
    while i < end:
        ch = text[i]
        if ch in _CLOSERS and _opens(text, i, start):
            j = i + 1
            while j < end and not (text[j] in _CLOSERS[ch] and _closes(text, j, end, ch)):
                j += 1
            spans.append((i, min(j + 1, end)))
            i = j + 1
            continue
        i += 1
    return spans


def _opens(text: str, i: int, start: int) -> bool:
    ch = text[i]
    before = text[i - 1] if i > start else " "
    if ch in "'\u2018":  # a single quote opens only after a space or a dash, before a letter
        return (before.isspace() or before in "(\u2014\u2013") and text[i + 1 : i + 2].isalpha()
    return not before.isalnum()


def _closes(text: str, j: int, end: int, opener: str) -> bool:
    after = text[j + 1] if j + 1 < end else " "
    if opener in "'\u2018":
        return not after.isalnum()
    return True


def find_quotes(text: str) -> list[QuoteSpan]:
    """Quotations with their speaker, in order: “ ” „ “ « » " " ‘ ’ and ' '.

    A quote left open at a paragraph's end runs to its end, and the next
    paragraph's opening quote continues it (news style for long quotes), with
    the same speaker. "He said" takes the last named speaker.
    """
    spans: list[QuoteSpan] = []
    last_speaker: tuple[str | None, str | None] = (None, None)
    carried: QuoteSpan | None = None
    lead_in: Span | None = None  # the paragraph before: "The minister said:" introduces a quote below it
    for p_start, p_end in paragraphs(text):
        prev_quote: QuoteSpan | None = None
        for open_at, close_at in _marks(text, p_start, p_end):
            if _runs_on(text, close_at, p_end) and len(text[open_at:close_at].split()) < 3:
                continue  # a stray mark (5" screens), not a quotation
            if carried is not None and open_at == p_start:
                prev_quote = carried  # the same quotation, carried on from the last paragraph
            quote = _attribute(
                text, start=open_at, end=close_at, p_start=p_start, p_end=p_end, last=last_speaker, prev=prev_quote,
                lead_in=lead_in if open_at == p_start else None,
            )  # fmt: skip
            spans.append(quote)
            prev_quote = quote
            if quote.speaker:
                last_speaker = (quote.speaker, quote.title)
        last = spans[-1] if spans else None
        carried = last if last is prev_quote and last is not None and _runs_on(text, last.end, p_end) else None
        lead_in = (p_start, p_end) if text[p_end - 1] == ":" else None
    return spans


def _runs_on(text: str, end: int, p_end: int) -> bool:
    """Whether a quotation ending at ``end`` was left open at its paragraph's end."""
    return end == p_end and text[end - 1] not in "\u201d\u201c\u00bb\"\u2019'"


def _attribute(
    text: str,
    *,
    start: int,
    end: int,
    p_start: int,
    p_end: int,
    last: tuple[str | None, str | None],
    prev: QuoteSpan | None,
    lead_in: Span | None = None,
) -> QuoteSpan:
    closed = not _runs_on(text, end, p_end) and end - start > 1
    inner_start, inner_end = start + 1, end - 1 if closed else end
    inner = text[inner_start:inner_end].strip(" ,.;:")
    n_words = len(inner.split())
    after = text[end:p_end]
    before_start = max(p_start, prev.end if prev else p_start)
    before = text[before_start:start]
    if lead_in is not None and prev is None:  # "Home Secretary Rebecca Ashworth said:" ¶ “…”
        before_start, before = lead_in[0], text[lead_in[0] : lead_in[1]] + " "
    who = title = None
    attribution: Span | None = None
    who_span: Span | None = None
    attribution_before = False
    if m := _AFTER_SAID_NAME.match(after):
        who, title = m.group("who"), m.group("title")
        attribution = (end, end + m.end())
        who_span = (end + m.start("who"), end + (m.end("title") if title else m.end("who")))
    elif m := _AFTER_NAME_SAID.match(after):
        who = m.group("who")
        attribution = (end, end + m.end())
        who_span = (end + m.start("who"), end + m.end("who"))
    elif m := _BEFORE.search(before):
        who, title = m.group("who"), m.group("title")
        attribution = (before_start + m.start(), before_start + m.end())
        who_span = (before_start + m.start("who"), before_start + (m.end("title") if title else m.end("who")))
        attribution_before = True
    elif n_words > 4 and (m := _SAID_THAT.search(before)):  # "Whitlock said the case “shows what …”"
        who = m.group("who")
        attribution = (before_start + m.start(), before_start + m.end())
        who_span = (before_start + m.start("who"), before_start + m.end("who"))
        attribution_before = True
    if who is None and n_words <= 4 and closed:
        return QuoteSpan(start, end, inner_start, inner_end, term=True)
    speaker, run_title = _split_name(who) if who else (None, None)
    if who is not None and who.lower() in _PRONOUNS:
        speaker, run_title = last
    elif who is None and prev is not None:
        speaker, run_title = prev.speaker, prev.title  # a quote running on from the last
    appositive = " ".join(title.split()) if title and _is_title(title) else None
    title = ", ".join(t for t in (run_title, appositive) if t) or None
    named = who is not None and who.lower() not in _PRONOUNS
    return QuoteSpan(
        start, end, inner_start, inner_end, speaker, title, attribution, attribution_before, named=named, who=who_span
    )


def _split_name(run: str) -> tuple[str | None, str | None]:
    """ "HSI Executive Associate Director Katrina W. Berger" → (name, title)."""
    words = run.split()
    last_title = max((i for i, w in enumerate(words) if _is_rank(w)), default=-1)
    rest = words[last_title + 1 :]
    cut = max((i + 1 for i, w in enumerate(rest) if w in {"of", "for"}), default=0)
    cut = min(cut + (1 if cut and len(rest) - cut > 2 else 0), len(rest))  # "… of Operations Teresa M. Villanueva"
    name = " ".join(rest[cut:]) or None
    title = " ".join(words[: last_title + 1 + cut]) or None
    return name, title


def _is_title(text: str) -> bool:
    return any(_is_rank(w) for w in text.split())


def _is_rank(word: str) -> bool:
    """ "Director", "Supt.", "Exec.": a word of a title."""
    w = word.lower().strip(".,")
    return w in lex.TITLE_WORDS or w in lex.TITLE_ABBREVIATIONS


def _quote_claims(text: str, q: QuoteSpan) -> list[tuple[int, int, Detail]]:
    """One claim per quoted sentence, and one for the attribution when it names the speaker.

    The words and who said them are separate facts: a verbatim quote under a
    garbled title is a supported quote and an altered attribution.
    """
    if q.term:
        words = text[q.inner_start : q.inner_end].strip(" ,.;:")
        return [(q.start, q.end, Quote(words=words, term=True))]
    parts = sentences(text, q.inner_start, q.inner_end) or [(q.inner_start, q.inner_end)]
    claims: list[tuple[int, int, Detail]] = []
    for n, (s, e) in enumerate(parts):
        words = text[s:e].strip(' ,;:\u201c\u201d"')
        claims.append((q.start if n == 0 else s, e, Quote(words=words, speaker=q.speaker, title=q.title)))
    if q.named and q.who is not None and (q.title or len((q.speaker or "").split()) > 1):
        # "Berger said" names nobody new; "Katrina W. Berger, HSI Executive Associate Director" is a claim
        all_words = text[q.inner_start : q.inner_end].strip(' ,;:\u201c\u201d"')
        detail = Quote(words=all_words, speaker=q.speaker, title=q.title, attributed_here=True)
        claims.append((q.who[0], q.who[1], detail))
    return claims


# ------------------------------------------------------------------ statements

_ENTITY = re.compile(rf"\b(?:[A-Z]\.){{2,}}|{_NAME_WORD}(?:\s+(?:of\s+the\s+|of\s+|for\s+|and\s+)?{_NAME_WORD})*")
_PAREN_ALIAS = re.compile(r"\s*\(([A-Z][A-Za-z0-9&.]{1,12})\)")
_DATELINE_AT = re.compile(r"^[A-Z][A-Z .,'\u2019-]{2,40}\s*[\u2014\u2013-]{1,2}\s")


def find_entities(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int, str]]:
    """Named organisations, places and people: capitalised runs and acronyms.

    Runs joined by "of"/"for"/"and" are kept whole only when they name a body
    ("National Center for Missing and Exploited Children"), so that "Canada
    and the United States" stays two places.
    """
    end = len(text) if end is None else end
    found: list[tuple[int, int, str]] = []
    for m in _ENTITY.finditer(text, start, end):
        for piece_start, _, piece in _split_joined(m.group(), m.start()):
            entity = _entity(text, piece_start, piece)
            if entity and not _capitalised_only_by_position(text, entity):
                found.append(entity)
    return found


def _capitalised_only_by_position(text: str, entity: tuple[int, int, str]) -> bool:
    """ "Suspects were …": one ordinary word, capitalised because a sentence starts there."""
    start, _, name = entity
    if " " in name or name.isupper() or any(c.isdigit() for c in name):
        return False
    before = text[:start].rstrip()
    if before and before[-1] not in '.!?:\u201d"\u2014\n':
        return False
    return not re.search(
        rf"(?<![.!?:]\s)(?<!^)\b{re.escape(name)}\b", text[:start] + " " * len(name) + text[start + len(name) :], re.M
    )


def _entity(text: str, start: int, name: str) -> tuple[int, int, str] | None:
    """A capitalised run as an entity, without sentence-initial words; None if nothing is left."""
    words = name.split()
    line_start = text.rfind("\n", 0, start) + 1
    if _DATELINE_AT.match(text[line_start : line_start + 60]) and start < line_start + 45 and name.isupper():
        return None  # "WASHINGTON —"
    while words and words[0].lower().strip(".") in lex.NOT_ENTITIES:
        start += len(words[0]) + 1
        words = words[1:]
    if not words or (len(words) == 1 and words[0].lower().strip(".") in lex.NOT_ENTITIES):
        return None
    cleaned = " ".join(words)
    if not re.fullmatch(r"(?:[A-Z]\.){2,}|[A-Z][a-z]{0,2}\.", words[-1]):
        cleaned = cleaned.rstrip(".,")  # a full stop that ends the sentence, not "U.S." or "Jr."
    if cleaned.endswith(("'s", "\u2019s")):
        cleaned = cleaned[:-2]
    if cleaned.lower() in {"canadian", "american", "european", "british"}:
        return None
    return start, start + len(cleaned), cleaned


def _split_joined(run: str, offset: int) -> list[tuple[int, int, str]]:
    parts = re.split(r"(\s+(?:of\s+the|of|for|and)\s+)", run)
    if len(parts) == 1 or any(w.lower() in lex.ORG_WORDS for w in run.split()):
        return [(offset, offset + len(run), run)]
    result, cursor = [], offset
    for part in parts:
        if part.strip() and part.strip().lower() not in {"of", "of the", "for", "and"}:
            result.append((cursor, cursor + len(part), part))
        cursor += len(part)
    return result


def aliases(text: str) -> dict[str, str]:
    """ "Homeland Security Investigations (HSI)" → {"hsi": "homeland security investigations", …}."""
    table: dict[str, str] = {}
    for _, e, name in find_entities(text):
        m = _PAREN_ALIAS.match(text, e)
        if m:
            table[m.group(1).lower()] = name.lower()
            table[name.lower()] = m.group(1).lower()
    return table


_ENUMERATION = re.compile(
    r"(?P<list>(?:[\w\u2019'-]+(?:\s+[\w\u2019'-]+){0,3},\s+){1,}(?:[\w\u2019'-]+(?:\s+[\w\u2019'-]+){0,3},?\s+)?(?:and|or)\s+[\w\u2019'-]+(?:\s+[\w\u2019'-]+){0,3}?)(?=[.;:,)]|\s+(?:to|that|which|who|in|on|at|from|for|with)\b|$)"
)


def find_statement(text: str, start: int, end: int, masked: Iterable[Span] = ()) -> tuple[int, int, Statement] | None:
    """A sentence's claim about who did what, or its list of things.

    In order: named bodies and an action ("HSI led …"), a list of three or
    more things, or else any plain declarative sentence of fact — not advice,
    not a question, not a conditional — checked by what it says.
    """
    sentence = text[start:end]
    if _NOT_ASSERTIONS.search(sentence) or sentence.rstrip().endswith("?"):
        return None  # advice, a question, a conditional: nothing a source could state
    entities = [(s, e, n) for s, e, n in find_entities(text, start, end) if not _overlaps((s, e), masked)]
    action = _action(sentence, start)
    qualifiers = tuple(q for q in lex.LIMITERS if re.search(rf"\b{q}\b", sentence, re.I))
    names = tuple(dict.fromkeys(n for _, _, n in entities))
    if action and entities:
        spans = [(s, e) for s, e, _ in entities] + [action[:2]]
        s = min(x for x, _ in spans)
        e = max(y for _, y in spans)
        return s, e, Statement(entities=names, action=action[2], qualifiers=qualifiers)
    listed = _ENUMERATION.search(text, start, end)
    if listed:
        items = _list_items(listed.group("list"))
        if len(items) >= 3:
            first = listed.start() + listed.group().find(items[0])
            return (
                first,
                listed.end(),
                Statement(items=tuple(items), action=action[2] if action else None, qualifiers=qualifiers),
            )
    if _is_assertion(sentence):
        trimmed = sentence.rstrip(" .")
        return start, start + len(trimmed), Statement(entities=names, qualifiers=qualifiers)
    return None


def _action(sentence: str, offset: int) -> tuple[int, int, str] | None:
    """The first action a sentence reports ("led", "took part", "pleaded guilty"), canonical."""
    found: tuple[int, int, str] | None = None
    for canonical, forms in lex.ACTIONS.items():
        for form in forms:
            m = re.search(rf"\b{form}\b", sentence, re.IGNORECASE)
            if m and (found is None or m.start() < found[0] - offset):
                found = (offset + m.start(), offset + m.end(), canonical)
    return found


_NOT_ASSERTIONS = re.compile(
    r"\b(?:should|could|can|may|might|must|would|if you|anyone who|please|call|visit|contact|report it"
    r"|expects?|predicts?)\b",
    re.I,
)


def _is_assertion(sentence: str) -> bool:
    """A declarative sentence of fact: long enough, not advice, a question or a conditional."""
    if sentence.rstrip().endswith("?") or _NOT_ASSERTIONS.search(sentence):
        return False
    return len(re.findall(r"[A-Za-z]{2,}", sentence)) >= 5


def _list_items(listed: str) -> list[str]:
    pieces = [p.strip() for p in re.split(r",\s*|\s+(?:and|or)\s+", listed) if p.strip()]
    # The first piece carries the words that lead into the list ("traces on online forums").
    if pieces:
        lead = re.split(r"\s+(?:on|in|at|by|with|through|via|from|including|like|such as|as|used|using)\s+", pieces[0])
        longest = max((len(p.split()) for p in pieces[1:]), default=1)
        pieces[0] = " ".join(lead[-1].split()[-longest:])
    return [re.sub(r"^(?:and|or)\s+", "", p) for p in pieces]
