"""Private: counted amounts in text — the number, its qualifier and hedge, the thing counted.

Part of stage 1 (claims); the same finder reads sources, so both are read alike.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable

import attrs

from factcheck import _lexicon as lex
from factcheck._text import SCALES, Span, lemma, number_word, overlaps, sentences
from factcheck.records import Quantity

__all__ = ["find_quantities"]


_TOKEN = re.compile(
    r"(?P<num>(?:(?<![\w.,/$\u00a3\u20ac\u20b9])|(?<=[A-Z])(?=\$)|(?<=\bRs\.)|(?<=\bR)(?=\d[\d,.]*\d))"
    r"[$\u00a3\u20ac\u20b9]?"
    r"(?:\d+,\d{1,2}(?=\s*(?:kg|kilograms?|grams?|tonnes?|million|billion|%|per cent)\b)"  # "1,8 kilograms"
    r"|\d{1,3}(?:,\d{3})+(?!\d)|\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?!\d)|\d+)(?:\.\d+)?"
    r"(?:(?:bn|m|k|K|M|kg|lbs?)(?=\W|$))?(?:-[A-Za-z]+)*(?:%|/100)?(?![\w/]))"
    r"|(?P<word>(?:[A-Z]\.){2,}|[A-Za-z]+(?:['\u2019][A-Za-z]+)*(?:-[A-Za-z0-9]+)*)"
    r"|(?P<other>\S)"
)
# Numbers that are not amounts: phone numbers, times, ordinals, ids, ranges of ids.
_NOT_AMOUNTS = re.compile(
    r"(?:\b1[-.\s])?\(?\b\d{3}\)?[-.\s]\d{3}[-.]\d{4}\b"
    r"|\b0\d{2,4}[\s-]\d{3,4}(?:[\s-]\d{3,4})?\b"  # UK and European phone numbers: 0800 555 111
    r"|\b1[38]00[\s-]?\d{3}[\s-]?\d{3}\b"  # Australian and Canadian toll-free numbers: 1800 333 000
    r"|\b\d+(?:\.\d+){2,}\b"  # versions and addresses: 7.2.1, 192.0.2.1
    r"|(?<=\bper )\d[\d,]*"  # the base of a rate: "per 100,000 inhabitants"
    r"|\b(?:[Cc]all|[Dd]ial|[Pp]hone|[Rr]ing)\s+(?:1\d\d|9\d\d|000)\b"  # "dial 999", "call 911"
    r"|\bon\s+(?:1\d\d|9\d\d|000)(?=\s*[.,;)]|$)"  # "contact police on 105."
    r"|\b(?:[Hh]elp ?line|[Hh]ot ?line|[Tt]ip ?line)\s+(?:on\s+|at\s+)?\d[\d -]{2,12}\d\b"  # "Helpline on 1799"
    r"|\(000\)"  # "call Triple Zero (000)"
    r"|\b(?:[Ff]ile|[Cc]ase|[Ii]ncident|[Rr]eport)\s+(?:number|No\.?|#)\s*[\d-]+"  # "file number 2025-4512"
    r"|\b(?:[Vv]ersion|[Pp]orts?|CVE-\d{4}-)\s*\d[\d.]*"  # "version 7.2", "port 3389", "CVE-2024-21762"
    r"|\b\d{1,2}:\d{2}(?:\s*[ap]\.?m\.?)?"
    r"|\b\d{1,2}\s*[ap]\.m\."
    r"|\b\d+(?:st|nd|rd|th)\b"
    r"|\b\d+[-/]\d+[-/]\d+\b"
    r"|\b\d+/(?!100\b)\d+\b"  # fractions and dates, but "72/100" is a score
    r"|\b(?:19|20)\d{2}[-\u2013/]\d{2}\b"  # seasons and fiscal years: 2019-20
    r"|\b\d+\s+[A-Z][a-z]+\s+(?:Street|St\.|Avenue|Ave\.|Road|Rd\.|Boulevard|Blvd\.|Drive|Dr\.|Lane|Way)"
)
# An age given as a decade of life, the Irish and British way: "aged in his 40s", "in her early 30s".
_AGE_DECADE = re.compile(r"\b(?:aged\s+)?in\s+(?:his|her|their)\s+(?P<part>early|mid-?|late)?\s*(?P<decade>[1-9]0)s\b")
# Two numbers joined by a dash: a range when the second is larger ("20-30"), else a score ("4-0", "2–1 win").
_PAIR = re.compile(r"(?<![\w.,-])(\d{1,3})\s?[-\u2013]\s?(\d{1,3})(?![\w.,-]|,\d)")
_SPANS_OF_TIME = {  # and of weight: "more than a tonne"
    "a tonne": (1.0, "t"),
    "a ton": (1.0, "t"),
    "a decade": (10.0, "year"),
    "a year": (1.0, "year"),
    "a month": (1.0, "month"),
    "a week": (1.0, "week"),
    "a day": (1.0, "day"),
}
_BOUNDING = frozenset({"than", "over", "nearly", "almost", "about", "around", "roughly", "least", "under", "some"})
_CURRENCY = {"$": "dollar", "\u00a3": "gbp", "\u20ac": "eur", "\u20b9": "inr"}
_CURRENCY_CODES = {"USD": "usd", "GBP": "gbp", "EUR": "eur", "CAD": "cad", "INR": "inr", "Rs": "inr"}
_SCALE_SUFFIX = {"bn": 1e9, "m": 1e6, "k": 1e3, "M": 1e6, "K": 1e3}
# Words that join a counted noun to its complement: "identifications of victims", "leads on traffickers".
_NP_LINKS = frozenset({"of", "on", "against", "involving", "to"})
# Words that end a counted noun phrase after its first word: adverbs of place and total, particles,
# irregular participles ("2 million copies worldwide", "hundreds of lines shut down", "240 deaths due to").
_NP_END = frozenset(
    """worldwide globally nationwide internationally domestically overseas abroad overall altogether
    respectively apiece due down up off out shut put set cut sold bought caught built offline""".split()
)
_WHERE_IN_ALL = frozenset("worldwide globally nationwide internationally overall altogether".split())
_DETERMINERS = frozenset({"the", "a", "an", "its", "their", "all", "those", "these", "them"})
_CURRENCY_NOUNS = {
    "dollar": "dollar", "usd": "usd", "sterling": "gbp", "euro": "eur", "eur": "eur", "rupee": "inr", "inr": "inr"
}  # fmt: skip
_WEIGHT_NOUNS = {
    "kilogram": "kg", "kilo": "kg", "kg": "kg", "pound": "lb", "lb": "lb", "tonne": "t", "ton": "t", "ounce": "oz",
    "gram": "g",
}  # fmt: skip


# Words before "half" or "quarter" that make it a part of a period, not a share: "the first half of 2025".
_PARTS_OF_TIME = frozenset({"first", "second", "third", "fourth", "latter", "last", "final", "opening", "past"})


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
    masked += [m.span() for m in _PAIR.finditer(text, start, end) if int(m.group(2)) < int(m.group(1))]
    found = []
    for s_start, s_end in sentences(text, start, end):
        tokens = [
            (m.lastgroup or "other", m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text, s_start, s_end)
        ]
        i = 0
        while i < len(tokens):
            num = _number_at(tokens, i)
            if num is not None and num.value is not None and (at := _rank_at(tokens, i)) is not None:
                found.append(_rank(text, tokens, at, num))
                i = num.next_token
                continue
            if (
                num is None
                or overlaps((num.start, num.end), masked)
                or _is_label(tokens, i)
                or _is_year(tokens, i, num)
            ):
                i += 1
                continue
            quantity = _quantity(text, tokens, i, num)
            if _is_age(tokens, i, num):
                quantity = (quantity[0], num.end, attrs.evolve(quantity[2], unit="age", noun="", head="", lemmas=()))
            i = num.next_token
            if (more := _and_more_time(text, tokens, quantity)) is not None:
                quantity, i = more
            found.append(quantity)
    for m in _AGE_DECADE.finditer(text, start, end):  # "a man aged in his 40s"
        if not overlaps(m.span(), masked):
            low = float(m.group("decade")) + {"early": 0, "mid": 3, "late": 6}.get(
                (m.group("part") or "").strip("-"), 0
            )
            high = low + (3 if m.group("part") else 9)
            found.append((m.start(), m.end(), Quantity(written=m.group(), low=low, high=high, value=None, unit="age")))
    return sorted(found, key=lambda f: f[0])


def _and_more_time(
    text: str, tokens: list[tuple[str, str, int, int]], found: tuple[int, int, Quantity]
) -> tuple[tuple[int, int, Quantity], int] | None:
    """ "six years and eight months": one term, in the smaller unit (80 months), and the token after it."""
    start, end, q = found
    k = next((n for n, t in enumerate(tokens) if t[2] >= end), len(tokens))
    if q.unit not in lex.TIME_UNITS or q.value is None or k + 2 >= len(tokens) or tokens[k][1] != "and":
        return None
    num = _number_at(tokens, k + 1)
    unit = lemma(tokens[num.next_token][1]) if num and num.next_token < len(tokens) else ""
    if num is None or num.value is None or unit not in lex.TIME_UNITS or lex.TIME_UNITS[unit] >= lex.TIME_UNITS[q.unit]:
        return None
    ratio = 12.0 if (q.unit, unit) == ("year", "month") else lex.TIME_UNITS[q.unit] / lex.TIME_UNITS[unit]
    value = round(q.value * ratio + num.value, 2)
    low, high, low_open = _interval(value, q.qualifier)
    end = tokens[num.next_token][3]
    term = attrs.evolve(
        q, written=text[start:end], value=value, low=low, high=high, low_open=low_open,
        unit=unit, noun=tokens[num.next_token][1], head=unit, lemmas=(unit,),
    )  # fmt: skip
    return (start, end, term), num.next_token + 1


def _number_at(tokens: list[tuple[str, str, int, int]], i: int) -> _Num | None:
    group, word, start, end = tokens[i]
    lowered = word.lower()
    unit: str | None = None
    value: float | None
    j = i + 1
    if group == "num":
        head, *suffix = word.split("-")
        out_of_100 = head.endswith("/100")  # "72/100": a score, read as a share
        head = head.removesuffix("/100")
        head = re.sub(r"^(\d+),(\d{1,2})$", r"\1.\2", head)  # a decimal comma: "1,8 kilograms"
        digits = re.sub(r"[,\s]", "", head.lstrip("$\u00a3\u20ac\u20b9").rstrip("%"))
        attached = re.sub(r"^[\d.]+", "", digits)
        unit = _CURRENCY.get(head[0]) or ("percent" if head.endswith("%") or out_of_100 else None)
        if attached in {"kg", "lb", "lbs"}:
            unit = "kg" if attached == "kg" else "lb"  # "62kg"
        elif attached and unit not in lex.MONEY:
            return None  # "100m", "5k": a distance or a label, not a count we can read
        try:
            value = round(float(digits[: len(digits) - len(attached)]) * _SCALE_SUFFIX.get(attached, 1.0), 6)
        except ValueError:
            return None
        code = i - 2 if i > 1 and tokens[i - 1][1] == "." and tokens[i - 2][1] == "Rs" else i - 1  # "Rs. 45 lakh"
        if unit is None and i > 0 and tokens[i - 1][1] == "R" and tokens[i - 1][3] == start:
            unit, start = "zar", tokens[i - 1][2]  # "R2.4 million", "R380,000": South African rand
        if unit is None and i > 0 and tokens[code][1] in _CURRENCY_CODES:
            unit, start = _CURRENCY_CODES[tokens[code][1]], tokens[code][2]  # "EUR 9.2 million"
        elif unit == "dollar" and i > 0 and _dollar_prefix(tokens[i - 1], start):
            unit, start = lex.DOLLAR_PREFIXES[tokens[i - 1][1]], tokens[i - 1][2]  # "NZ$30 billion"
        if suffix and _hyphen_unit(suffix) is None and not (len(suffix) == 1 and suffix[0] in _HYPHEN_NOUNS):
            return None  # "800-CALL-FBI", "4-H": a name, not an amount
        unit = _hyphen_unit(suffix) or unit
        low = high = value
        lead = (
            i - 2 if i >= 2 and tokens[i - 1][1] in lex.DOLLAR_PREFIXES and tokens[i - 1][3] == tokens[i][2] else i - 1
        )
        if i >= 4 and [t[1].lower() for t in tokens[i - 4 : i]] in (["between", "the", "ages", "of"],
                                                                     ["from", "the", "ages", "of"]):  # fmt: skip
            lead = i - 4  # "between the ages of 14 and 17"
        if (
            i > 0
            and tokens[lead][1].lower() in {"between", "from", "aged"}
            and j + 1 < len(tokens)
            and tokens[j][1].lower() in ({"and"} if tokens[lead][1].lower() == "between" else {"to", "through"})
            and (tokens[j + 1][0] == "num" or (j + 2 < len(tokens) and tokens[j + 1][1] in lex.DOLLAR_PREFIXES))
        ):
            other = _number_at(tokens, j + 1 if tokens[j + 1][0] == "num" else j + 2)  # "between A$45 and A$65"
            if other is not None and other.value is not None:  # "between 20 and 30", "from 10 to 17"
                return _Num(
                    tokens[lead][2], other.end, "", None, value, other.value, unit or other.unit, other.next_token
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
            previous = tokens[i - 1][1].lower() if i else ""
            if (
                phrase in lex.FRACTIONS
                and after in {"of", "were", "are", "was", "is"}
                and previous not in _PARTS_OF_TIME
            ):
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
        one_in = parts[0] == "one" and len(parts) == 1 and _share(tokens, i + 1, 1.0) is not None  # "one in 10"
        if (
            value is None
            or (parts[0] == "one" and len(parts) == 1 and not one_in)
            or (parts[0] == "zero" and len(parts) == 1)
        ):
            return None
        unit = _hyphen_unit(parts[used:])
        hyphen_noun = len(parts) == used + 1 and parts[used] in _HYPHEN_NOUNS
        if len(parts) > used and unit is None and not hyphen_noun:
            return None  # "two-thirds", "one-sided": not a count we can read; "six-vehicle" is
        low = high = value
    else:
        return None
    # "1.2 million", "two hundred", "40 percent", "20-30" / "20–30"
    if j < len(tokens) and tokens[j][1].lower() in SCALES:
        value = round(value * SCALES[tokens[j][1].lower()], 6)  # 186.42 crore is 1,864,200,000, not …199.9999998
        low = high = value
        end, j = tokens[j][3], j + 1
    if j < len(tokens) and tokens[j][1].lower() == "percent":
        unit, end, j = "percent", tokens[j][3], j + 1
    elif j + 1 < len(tokens) and tokens[j][1].lower() == "per" and tokens[j + 1][1].lower() == "cent":
        unit, end, j = "percent", tokens[j + 1][3], j + 2
    elif (out_of := _share(tokens, j, value)) is not None:  # "seven in 10 pills", "a score of 72 out of 100"
        value, unit, end, j = out_of[0], "percent", tokens[out_of[1] - 1][3], out_of[1]
        low = high = value
    elif j + 1 < len(tokens) and tokens[j][1] in "-\u2013" and tokens[j + 1][0] == "num" and tokens[j][2] == end:
        try:
            high = float(tokens[j + 1][1].replace(",", ""))
        except ValueError:
            return None
        value, end, j = None, tokens[j + 1][3], j + 2
    return _Num(start, end, "", value, low, high, unit, j)


def _share(tokens: list[tuple[str, str, int, int]], j: int, value: float) -> tuple[float, int] | None:
    """ "7 in 10", "seven out of 10", "72 out of 100": the share in percent, and the token after it."""
    k = j + 1 if j < len(tokens) and tokens[j][1].lower() == "in" else j + 2
    if [t[1].lower() for t in tokens[j:k]] not in (["in"], ["out", "of"]) or k >= len(tokens):
        return None
    base = (
        number_word(tokens[k][1]) if tokens[k][0] == "word" else float(tokens[k][1]) if tokens[k][1].isdigit() else None
    )
    after = lemma(tokens[k + 1][1]) if k + 1 < len(tokens) else ""
    if base is None or not (base in (10, 100, 1000) or (base == int(base) and 2 <= base <= 12)):
        return None  # "two in five", "one in four", "seven in 10"; not "2 in 2023"
    if value >= base or after in lex.TIME_UNITS or after in {"minute", "second"}:
        return None  # "7 in 10 minutes" is a pace, not a share
    return value * 100 / base, k + 1


def _dollar_prefix(token: tuple[str, str, int, int], start: int) -> bool:
    """Letters that make "$" another country's dollars: "NZ$30 billion", "NZ $30 billion" — but not the
    article in "A $5 million grant"."""
    prefix, gap = token[1], start - token[3]
    return prefix in lex.DOLLAR_PREFIXES and (gap == 0 or (len(prefix) > 1 and gap == 1))


def _hyphen_unit(parts: list[str]) -> str | None:
    if not parts:
        return None
    base = lemma(parts[0].lower())
    if base in lex.TIME_UNITS:
        return "age" if parts[-1].lower() == "old" else base
    return _WEIGHT_NOUNS.get(base) if len(parts) == 1 else None  # "a 12-ounce jar", "a 10-pound bag"


def _is_label(tokens: list[tuple[str, str, int, int]], i: int) -> bool:
    """A number after "Section", "No.", "#" names something; it counts nothing."""
    before = [t[1].lower() for t in tokens[max(0, i - 2) : i]]
    if before and before[-1] == "." and len(before) == 2:
        before = before[:1]  # "No. 4"
    prev = before[-1] if before else ""
    if prev in lex.LABELS or prev in {"#", "\u00a7"}:
        return True
    if [t[1] for t in tokens[i + 1 : i + 3]] == ["Most", "Wanted"]:
        return True  # "the 15 Most Wanted list": a name
    after = [t[1].lower() for t in tokens[i + 1 : i + 3]]
    if after[:1] in (["zip"], ["postcode"]) or after == ["area", "code"]:
        return True  # "the 11103 ZIP code", "the 212 area code"
    if (
        tokens[i][0] == "word"
        and tokens[i][1][:1].isupper()
        and i > 0
        and tokens[i - 1][1] not in {".", "!", "?", ":", "\u201c", '"'}
        and i + 1 < len(tokens)
        and tokens[i + 1][1][:1].isupper()
        and not _title_case(tokens)
    ):
        return True  # "a house in Four Oaks", "the Three Rivers district": a number word that begins a name
    # "Assault on Precinct 13", "Apollo 11", "Fantastic Four", "Fast Five": a number that ends a name is part of it
    digits = tokens[i][0] == "num" and tokens[i][1].isdigit()
    capitalised_word = tokens[i][0] == "word" and tokens[i][1][:1].isupper()
    titled = i == 1 and digits and i + 1 < len(tokens) and tokens[i + 1][1] == ":"  # "Goosebumps 2: Haunted …"
    word = tokens[i - 1] if (i >= 2 and digits) or (i >= 1 and capitalised_word) or titled else None
    return (
        word is not None
        and word[0] == "word"
        and word[1][:1].isupper()
        and word[1].lower() not in _NOT_NAMES | lex.NP_STOP | _BOUNDING | {"approximately", "roughly"}  # "Nearly 300"
        and not (i + 1 < len(tokens) and tokens[i + 1][1][:1].isupper())  # a headline: "Finds 225 Missing Children"
    )


def _title_case(tokens: list[tuple[str, str, int, int]]) -> bool:
    """A headline in title case ("Police Arrest Four Men"), where capitals name nothing."""
    found = [t[1] for t in tokens if t[0] == "word" and len(t[1]) > 3]
    return bool(found) and sum(w[:1].isupper() for w in found) > 0.6 * len(found)


# Words before "number 3", "No. 3", "#3" that make it a place in an order, not a name ("Case No. 3").
_RANKED = frozenset(
    {"ranked", "ranks", "rank", "placed", "at", "was", "is", "reached", "peaked", "finished", "debuted"}
)


def _rank(text: str, tokens: list[tuple[str, str, int, int]], at: int, num: _Num) -> tuple[int, int, Quantity]:
    """ "No. 1 for dollar losses": a place in an order, compared as a number, with what it ranks in."""
    j = num.next_token
    if j < len(tokens) and tokens[j][1].lower() in {"for", "among", "on", "in"}:
        j += 1
        while j < len(tokens) and tokens[j][1].lower() in _DETERMINERS:
            j += 1
    np_words, _, _ = _noun_phrase(tokens, j, None)
    value = num.value or 0.0
    rank = Quantity(
        written=text[tokens[at][2] : num.end],
        low=value, high=value, value=value, unit="rank",
        noun=text[np_words[0][1] : np_words[-1][2]] if np_words else "",
        lemmas=tuple(lemma(w) for w, _, _ in np_words if w.lower() not in _NP_LINKS),
    )  # fmt: skip
    return tokens[at][2], num.end, rank


def _rank_at(tokens: list[tuple[str, str, int, int]], i: int) -> int | None:
    """Where a rank begins ("number 91", "# 92", "No. 3" after "ranked", "placed", "peaked at"), or None.

    The first rank of a sentence follows a ranking word; a later one may follow "and"."""
    at = i - 1
    if at >= 1 and tokens[at][1] == "." and tokens[at - 1][1].lower() == "no":
        at -= 1
    if at < 1 or tokens[at][1].lower() not in {"number", "no", "#"} or tokens[i][0] != "num":
        return None
    if tokens[at - 1][1].lower() in _RANKED:
        return at
    # "ranked No. 3 among all scams and No. 1 for losses": the second rank of a sentence that ranks
    ranked_before = any(t[1].lower() in {"ranked", "ranks", "placed"} for t in tokens[: at - 1])
    return at if ranked_before and tokens[at - 1][1].lower() in {"and", ",", "but", "while"} else None


# Capitalised words a count may follow without being part of a name.
_NOT_NAMES = frozenset(
    """jan january feb february mar march apr april may jun june jul july aug august sep sept september
    oct october nov november dec december usd us gbp eur cad c inr rs""".split()
)


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
    owned = i > 0 and tokens[i - 1][1].lower() in {"its", "their", "his", "her", "our"}  # "its 2024 accounts"
    return owned or not (nxt.endswith("s") and nxt.islower() and len(nxt) > 3)


def _quantity(text: str, tokens: list[tuple[str, str, int, int]], i: int, num: _Num) -> tuple[int, int, Quantity]:
    start, qualifier, hedge = num.start, None, None
    first = i - 1 if i and num.start <= tokens[i - 1][2] else i  # "EUR 9.2 million", "between 20 and 30"
    if tokens[first][1] == "." and first and num.start <= tokens[first - 1][2]:
        first -= 1  # "Rs. 45 lakh"
    # Qualifier and hedge written before the number: "more than", "an estimated".
    before = [t[1].lower() for t in tokens[max(0, first - 3) : first]]
    for n in (3, 2, 1):
        phrase = " ".join(before[-n:]) if len(before) >= n else ""
        if phrase in lex.QUALIFIERS:
            qualifier = lex.QUALIFIERS[phrase]
            hedge = "estimated" if "estimated" in phrase else None
            start = tokens[first - n][2]
            break
    if qualifier is None and _approx_after(tokens, num.next_token):
        qualifier = "about"  # "Rs. 1.2 crore (approx.)"
    said_from = _start_token(tokens, start)  # before "more than" or "about", where they are written
    lead = [t[1].lower() for t in tokens[max(0, said_from - 10) : said_from]]
    if hedge is None and lead[-1:] == ["of"] and "estimated" in lead[-10:]:
        hedge = "estimated"  # "an estimated street value of $6.8 million", "an estimated MSRP of $34 million"
    # The counted noun phrase: "probable identifications of previously unknown victims".
    j = num.next_token
    lead_in = {"of", "in", "worth"} if num.unit in lex.MONEY else {"of"}
    placed = j + 1 < len(tokens) and tokens[j][1].lower() == "in" and tokens[j + 1][1].lower() in _DETERMINERS
    if j < len(tokens) and tokens[j][1].lower() in lead_in and not placed:  # "in its 2024 accounts": where, not what
        j += 1  # "40 percent of the material", "£45m of cocaine", "$4.8 million in cash", "300 of the victims"
        while j < len(tokens) and tokens[j][1].lower() in _DETERMINERS:
            j += 1
        if j + 1 < len(tokens) and re.fullmatch(r"\w+['\u2019]s", tokens[j][1]) and tokens[j + 1][0] == "num":
            j += 2  # "16,412 of the nation's 18,903 law enforcement agencies": agencies are counted
        elif (
            j < len(tokens)
            and (tokens[j][0] == "num" or number_word(tokens[j][1]) is not None)
            and tokens[j - 1][1].lower() in _DETERMINERS
        ):
            j += 1  # "16,412 of the 18,903 agencies", "Two of the four people charged"
    np_words, hedge, j = _noun_phrase(tokens, j, hedge)
    if not np_words and (k := _predicate_start(tokens, j)) is not None:
        np_words, hedge, _ = _noun_phrase(tokens, k, hedge)  # "37 were identified as potential victims"
    while np_words and np_words[-1][0].lower() in _NP_LINKS | {"and", "or"}:
        np_words.pop()
    if num.unit == "percent" and [w.lower() for w, _, _ in np_words[:1]] in (["year"], ["month"], ["quarter"]):
        np_words = []  # "8 percent year over year": the base, not what is measured
    if num.unit in lex.MONEY and np_words and np_words[0][0].lower().endswith("ed"):
        np_words = []  # "$1.3 million linked to the scheme", "$2 million stolen": a participle, not what it is
    unit_after = None
    if num.unit is None and j + 1 < len(tokens) and tokens[j][1].lower() == "per" and tokens[j + 1][0] == "num":
        unit_after = "per " + tokens[j + 1][1].replace(",", "")  # "368.6 offenses per 100,000": a rate
    noun = text[np_words[0][1] : np_words[-1][2]] if np_words else ""
    lemmas = tuple(lemma(w) for w, _, _ in np_words if w.lower() not in _NP_LINKS)
    head_words = [w for w, _, _ in np_words]
    links = [n for n, w in enumerate(head_words) if w.lower() in _NP_LINKS]
    if links:
        head_words = head_words[: links[0]]
    head = lemma(head_words[-1]) if head_words else ""
    joined = text[num.start : num.end].rsplit("-", 1)
    if len(joined) == 2 and joined[1].lower() in _HYPHEN_NOUNS:
        head = lemma(joined[1])  # "a six-vehicle crash" counts vehicles; "a 14-count indictment", counts
        lemmas = (head, *lemmas)
    if len(head_words) == 1 and head_words[0].lower().endswith("ed"):
        head = ""  # "19 wanted for homicide": a participle, the thing counted is implied
    if num.unit in lex.MONEY and not lemmas and j < len(tokens) and tokens[j][1].lower() in _WHERE_IN_ALL:
        lemmas = ("worldwide",)  # "less than $93.25 million worldwide": the whole, as "a worldwide total of"
    elif num.unit in lex.MONEY and not lemmas and (what := _sum_of(tokens, said_from)):
        lemmas = (what,)  # "a wrongful loss of Rs. 412.36 crore", "credit limits of Rs 350 crore": what the sum is
    unit = num.unit or unit_after
    lead_words = set(before) | {tokens[first][1].lower()}
    if unit is None and {"age", "ages", "aged"} & lead_words and num.value is None and not np_words:
        unit = "age"  # "ranged in age from 11 to 17", "aged 10 to 17"
    elif unit is None and head in lex.TIME_UNITS:
        unit = head
    elif unit is None and head in _CURRENCY_NOUNS:
        unit = _CURRENCY_NOUNS[head]
    elif unit is None and head in _WEIGHT_NOUNS:
        unit = _WEIGHT_NOUNS[head]
    end = np_words[-1][2] if np_words else num.end
    verb, verb_hedge = _governing_verb(tokens, first if start == num.start else _start_token(tokens, start), j)
    hedge = hedge or verb_hedge
    if qualifier == "more than" and before[-1:] == ["over"] and head in _OFFENCES:
        qualifier, start = None, num.start  # "jailed over £2.3m fraud": over, as in about
    lead_two = [t[1].lower() for t in tokens[max(0, first - 2) : first]]
    compared = lead_two in _COMPARED_WITH or (
        lead_two[-1:] == ["from"]
        and len(lead_two) == 2
        and (lead_two[0] in {"cent", "percent"} or lead_two[0][-1:].isdigit())
    )  # "to 5.8 per cent from 5.2 per cent in 2013"
    value, low, high, low_open = num.value, num.low, num.high, False
    if value is not None and _one_more(tokens, first, np_words):
        value += 1  # "Chris Long and four other players" are five players; "the FBI and three other agencies", four
    if value is not None:
        low, high, low_open = _interval(value, qualifier)
    elif num.unit == "percent" and qualifier in ("more than", "at least", "nearly", "fewer than"):
        # "more than three-quarters": the share bounded at its middle
        low, high, low_open = _interval((num.low + num.high) / 2, qualifier)
    written = num.written or text[num.start : num.end]
    change = _change(tokens, _start_token(tokens, start), head)
    return start, end, Quantity(
        written=written, low=low, high=high, value=value, qualifier=qualifier, hedge=hedge,
        noun=noun, head=head, lemmas=lemmas, unit=unit, low_open=low_open, verb=verb, compared=compared,
        change=change,
    )  # fmt: skip


def _change(tokens: list[tuple[str, str, int, int]], first: int, head: str) -> str | None:
    """The word that makes a figure a change ("rose 9.5%", "down 18.1 per cent", "rose by 300", "a 12% decrease")."""
    before = [t[1].lower() for t in tokens[max(0, first - 2) : first]]
    if before[-1:] in (["by"], ["of"]):
        before = before[:-1]  # "rose by 12%", "an increase of about 35 per cent"
    if before and before[-1] in lex.CHANGE_UP | lex.CHANGE_DOWN:
        return before[-1]
    return head if head in lex.CHANGE_UP | lex.CHANGE_DOWN else None


# Words before "of" that say how much, not what the sum is: "a total of", "to the tune of", "in excess of".
_HOW_MUCH = frozenset(
    {"total", "amount", "sum", "value", "worth", "tune", "excess", "region", "order", "upwards", "gross"}
)


_OVERALL = frozenset({"worldwide", "global", "overall", "combined", "national", "nationwide"})


def _sum_of(tokens: list[tuple[str, str, int, int]], first: int) -> str:
    """The noun a sum is "of" or is ("loss of", "limits of", "payment is"), as its lemma; "" for none."""
    if first < 2 or tokens[first - 1][1] not in {"of", "is", "was", "were", "are"} or tokens[first - 2][0] != "word":
        return ""  # "a loss of Rs. 412 crore", "the average payment is $70"
    word = tokens[first - 2][1]
    k = first - 2
    while k > 0 and k > first - 5 and lemma(tokens[k][1].lower()) in _HOW_MUCH:
        k -= 1
    if k < first - 2 and tokens[k][1].lower() in _OVERALL:
        return "worldwide"  # "a worldwide total of $93.4 million", "a global total gross of …": the whole
    if not word.islower() or word in lex.NP_STOP or lemma(word) in _HOW_MUCH or lemma(word) in _DETERMINERS:
        return ""
    return lemma(word)


def _approx_after(tokens: list[tuple[str, str, int, int]], k: int) -> bool:
    """ "(approx.)" or "(approximately)" right after a figure, as Indian releases write it."""
    said = [t[1].lower() for t in tokens[k : k + 4]]
    return said[:1] == ["("] and said[1:2] in (["approx"], ["approximately"]) and ")" in said[2:]


def _noun_phrase(
    tokens: list[tuple[str, str, int, int]], j: int, hedge: str | None
) -> tuple[list[tuple[str, int, int]], str | None, int]:
    """The words of the counted noun phrase from token ``j``, a hedge found in it, and the token after it."""
    np_words: list[tuple[str, int, int]] = []
    seen_of = False
    while j < len(tokens) and len(np_words) < 7:
        group, word, w_start, w_end = tokens[j]
        lowered = word.lower()
        if word == "," and np_words and (after := _modifier_list(tokens, j, np_words)) is not None:
            np_words.extend((t[1], t[2], t[3]) for t in tokens[j:after] if t[0] == "word")
            j = after  # "200 state, local, tribal and federal partner agencies"
            continue
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
        # "349 suspensions to drivers": the people a count of measures was given to
        link = lowered in _NP_LINKS and (lowered != "to" or _plural_word(tokens, j + 1))
        if np_words and seen_of and (group == "num" or number_word(lowered) is not None):
            break  # "a 14-count indictment against seven defendants": the next count is its own
        if not np_words and lowered in _WHERE_IN_ALL and not _plain_word_at(tokens, j + 1):
            break  # "298 million worldwide as …": where, not what ("a nationwide operation" is a noun's)
        if word in {"\u201c", "\u201d", '"'} and j + 1 < len(tokens) and tokens[j + 1][0] == "word":
            j += 1  # "9,400 “speculative” tickets": the marks around a word of the noun
            continue
        live = lowered == "live" and not np_words and _plural_word(tokens, j + 1)  # "1,200 live animals"
        if (
            group != "word"
            or (
                lowered in lex.NP_STOP
                and not in_name
                and not after_adverb
                and not (link and not seen_of and np_words)
                and not live
            )
            or (lowered in _NP_END and np_words)
        ):
            break
        if link:
            seen_of = True
        elif lowered in lex.HEDGES and lowered.endswith("ly") and np_words and _plural_word(tokens, j - 1):
            break  # "two men allegedly linked to …": the adverb goes with what follows the plural head
        elif lowered in lex.HEDGES and hedge is None:
            hedge = lowered
            j += 1
            continue
        elif lowered == "related" and np_words and _plain_word_at(tokens, j + 1):
            pass  # "coronavirus related deaths": a compound modifier, the noun follows
        elif lowered == "based" and j + 1 < len(tokens) and tokens[j + 1][1] in {"on", "upon"}:
            break  # "a 29% rating based on 14 reviews": what the figure rests on, not what it counts
        elif np_words and lowered.endswith("ed") and not seen_of and not after_adverb:
            break  # "300 victims identified": a verb, not part of the noun
        elif np_words and lowered.endswith("ing") and lemma(np_words[-1][0]) != np_words[-1][0].lower():
            break  # "312 devices containing …": a participle after the plural head
        elif word[0].isupper() and lowered in lex.NOT_ENTITIES and np_words:
            break  # "300 victims Tuesday"
        np_words.append((word, w_start, w_end))
        j += 1
    return np_words, hedge, j


def _modifier_list(tokens: list[tuple[str, str, int, int]], j: int, np_words: list[tuple[str, int, int]]) -> int | None:
    """At a comma after modifiers, the token after a list of them ("state, local, tribal and federal")."""
    if not all(w.islower() and lemma(w) == w for w, _, _ in np_words):
        return None  # "300 victims, 20 suspects": a plural head ends the phrase
    if lemma(np_words[-1][0]) in _WEIGHT_NOUNS | _CURRENCY_NOUNS | lex.TIME_UNITS:
        return None  # "2.8 kg, and documents": a unit is a head
    k = j
    while k + 1 < len(tokens) and tokens[k][1] == "," and _plain_word(tokens[k + 1]):
        k += 2
    k += k < len(tokens) and tokens[k][1] == ","  # the serial comma
    if k > j and k + 1 < len(tokens) and tokens[k][1] in {"and", "or"} and _plain_word(tokens[k + 1]):
        return k + 2
    return None


def _plain_word_at(tokens: list[tuple[str, str, int, int]], k: int) -> bool:
    return k < len(tokens) and _plain_word(tokens[k])


def _plural_word(tokens: list[tuple[str, str, int, int]], k: int) -> bool:
    return _plain_word_at(tokens, k) and lemma(tokens[k][1]) != tokens[k][1]


def _predicate_start(tokens: list[tuple[str, str, int, int]], j: int) -> int | None:
    """ "37 were victims", "37 were identified as potential victims": where the counted noun begins."""
    if j >= len(tokens) or tokens[j][1] not in {"were", "was", "are", "is"}:
        return None
    k = j + 1
    if k + 1 < len(tokens) and tokens[k][1].endswith("ed") and tokens[k + 1][1] == "as":
        k += 2
    while k < len(tokens) and tokens[k][1] in {"a", "an", "the"}:
        k += 1
    if k < len(tokens) and (_plain_word(tokens[k]) or tokens[k][1] in lex.HEDGES):
        return k
    return None


def _one_more(tokens: list[tuple[str, str, int, int]], first: int, np_words: list[tuple[str, int, int]]) -> bool:
    """ "<Name> and N other …": the count names one more than N."""
    return (
        bool(np_words)
        and np_words[0][0].lower() == "other"
        and first >= 2
        and tokens[first - 1][1] == "and"
        and tokens[first - 2][1][:1].isupper()
    )


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


# Nouns a number is joined to by a hyphen, the count of them: "a 14-count indictment", "a 12-member crew".
_HYPHEN_NOUNS = frozenset({"count", "member", "person", "vehicle", "car", "officer", "country", "nation", "state"})
# Words before the figure something is compared with: "up from 3,420 in fiscal year 2023".
_COMPARED_WITH = [["up", "from"], ["down", "from"], ["compared", "with"], ["compared", "to"], ["rising", "from"],
                  ["falling", "from"], ["increase", "from"], ["decrease", "from"], ["compares", "with"],
                  ["compares", "to"], ["rose", "from"], ["fell", "from"], ["grew", "from"], ["climbed", "from"],
                  ["increased", "from"], ["dropped", "from"], ["declined", "from"]]  # fmt: skip
# What a headline's "over" is about, when it is not "more than": "jailed over £2.3m fraud".
_OFFENCES = frozenset("fraud scam scheme swindle theft heist robbery plot con deal debt dispute row".split())
# Words that may stand between a verb and the sum it acts on.
_BETWEEN_VERB_AND_SUM = frozenset({"the", "a", "an", "remaining", "further", "another", "additional", "total", "of"})


def _governing_verb(tokens: list[tuple[str, str, int, int]], before: int, after: int) -> tuple[str | None, str | None]:
    """The action a count is the object or subject of, and a hedge on it.

    "arrested 84 people", "84 people were arrested", "potentially identified 118 children",
    "the probable identification of 43 suspects".
    """
    found: tuple[int, str] | None = None
    actions = lex.COUNT_ACTION_OF
    while before >= 2 and tokens[before - 1][1].lower() in _BETWEEN_VERB_AND_SUM:
        before -= 1  # "took the remaining £1.6 million", "put a total of £2.3 million"
    if before >= 1 and (canonical := actions.get(tokens[before - 1][1].lower())):
        found = (before - 1, canonical)
    elif before >= 2 and tokens[before - 1][1] == "of" and (canonical := actions.get(tokens[before - 2][1])):
        found = (before - 2, canonical)  # "the potential identification of 118 children": a noun for the action
    elif before >= 1 and re.fullmatch(r"[a-z]{3,}ed", tokens[before - 1][1]):
        found = (before - 1, lemma(tokens[before - 1][1]))  # "questioned 45 suspects": some other action
    elif (
        before >= 2
        and tokens[before - 1][1] in {"in", "into", "with", "aboard"}
        and re.fullmatch(r"[a-z]{3,}ed", tokens[before - 2][1])
    ):
        found = (before - 2, lemma(tokens[before - 2][1]))  # "arrived in more than a dozen unmarked vehicles"
    else:
        for k in range(after, min(after + 3, len(tokens))):
            if tokens[k][1].lower() in {"and", "or", ",", ";"}:
                break  # "made 186 arrests and recovered 540 phones": the next verb has its own object
            if canonical := actions.get(tokens[k][1].lower()):
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
