"""Private text helpers shared by the stages: normalising, sentences, words, lemmas."""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable

# Typographic characters news text is full of, folded to what people type.
_FOLD = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2013": "-",
        "\u2014": "-",
        "\u2012": "-",
        "\u2212": "-",
        "\u00a0": " ",
        "\u2009": " ",
        "\u202f": " ",
        "\u2026": "...",
    }
)

OPEN_QUOTES = "\u201c\u201e\u00ab"
CLOSE_QUOTES = "\u201d\u00bb"
QUOTE_CHARS = "\"'\u2018\u2019\u201c\u201d\u00ab\u00bb"


Span = tuple[int, int]


def overlaps(span: Span, others: Iterable[Span]) -> bool:
    """Whether ``span`` overlaps any of ``others`` (half-open offsets)."""
    return any(s < span[1] and span[0] < e for s, e in others)


def fold(text: str) -> str:
    """Typographic quotes, dashes and spaces replaced by plain ones; same length.

    Every replacement is one character for one, except the ellipsis, so
    callers that need offsets must not rely on it for text with "…".
    """
    return unicodedata.normalize("NFC", text).translate(_FOLD)


@functools.lru_cache(maxsize=1 << 14)
def norm(text: str) -> str:
    """Lower-case, folded, single-spaced, one spelling per word: the form strings are compared in."""
    return us_spelling(" ".join(fold(text).lower().split()))


_WORD = re.compile(r"[a-z0-9]+(?:'[a-z0-9]+)*")


def words(text: str) -> list[str]:
    """Lower-case words in one spelling; hyphens and punctuation split them."""
    return list(_words(text))


@functools.lru_cache(maxsize=1 << 14)
def _words(text: str) -> tuple[str, ...]:
    """Cached: the same speakers' names and short phrases are compared against each other many times."""
    return tuple(_WORD.findall(us_spelling(fold(text).lower())))


# British and American spellings of the same word: matched as one, reported where they differ.
_SPELLINGS = (
    (re.compile(r"\b(cent|met|theat|lit)re(s?)\b"), r"\1er\2"),
    (
        re.compile(
            r"\b(organi|recogni|authori|criti|emphasi|reali|apologi|mobili|priori|speciali)s(e|ed|es|ing|ation|ations)\b"
        ),
        r"\1z\2",
    ),
    (re.compile(r"\b(def|off|lic|pret)ence(s?)\b"), r"\1ense\2"),
    (re.compile(r"\bprogramme(s?)\b"), r"program\1"),
    (re.compile(r"\b(lab|col|fav|hon|behavi|neighb|harb|rum)our(s|ed|ing)?\b"), r"\1or\2"),
    (re.compile(r"\btravell(ed|ing|er|ers)\b"), r"travel\1"),
)


def us_spelling(text: str) -> str:
    """ "centre", "organisation", "defence" written the American way, for matching only."""
    for pattern, replacement in _SPELLINGS:
        text = pattern.sub(replacement, text)
    return text


_IRREGULAR = {
    "children": "child",
    "people": "person",
    "men": "man",
    "women": "woman",
    "police": "police",
    "series": "series",
    "news": "news",
    "analyses": "analysis",
    "led": "lead",
    "data": "data",
    "scored": "score",  # "-ored" is "score" as often as "monitor": the rule cannot tell
    "scoring": "score",
    "fined": "fine",  # not "fin"
    "fining": "fine",
}


def lemma(word: str) -> str:
    """A crude, predictable lemma: plural and -ed/-ing endings stripped.

    Good enough to see that "victims" and "victim", "arrests" and
    "arrested" are the same word; not a linguist.
    """
    w = word.lower().replace("\u2019", "'").strip("'")
    if w in _IRREGULAR:
        return _IRREGULAR[w]
    if len(w) <= 3:
        return w
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith(("sses", "shes", "ches", "xes")):
        return w[:-2]
    if w.endswith("s") and not w.endswith(("ss", "us", "is")):
        w = w[:-1]
    if w.endswith("ied") and len(w) > 4:
        return w[:-3] + "y"  # "identified" -> "identify"
    for suffix in ("ed", "ing"):
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            return _restore_e(w[: -len(suffix)])
    return w


def _restore_e(stem: str) -> str:
    """Undo the spelling changes of -ed/-ing: doubled consonants, the silent e."""
    if len(stem) > 2 and stem[-1] == stem[-2] and stem[-1] not in "lsz":
        return stem[:-1]  # "committed" -> "commit"
    if stem.endswith(("c", "v", "z", "u", "at", "rg", "ur", "os", "ag", "ov")):
        return stem + "e"  # "announced", "rescued", "located", "charged"
    if len(stem) > 2 and stem[-1] == "s" and stem[-2] in "aeiou":
        return stem + "e"  # "released", "caused"
    return stem


def lemmas(text: str) -> list[str]:
    return [lemma(w) for w in words(text)]


# Words that end no sentence although a full stop follows them.
_ABBREVIATIONS = frozenset(
    """mr mrs ms dr st jr sr prof gen col lt sgt capt cpl gov sen rep rev hon
    jan feb mar apr jun jul aug sep sept oct nov dec no nos vol inc ltd co corp
    dept det insp supt const u.s u.k e.g i.e vs etc approx est fig mt ft rs""".split()
)

_SENTENCE_END = re.compile(r"[.!?]+[\"'\u201d\u2019)\]]*(?=\s+[\"'\u201c\u2018(\[A-Z0-9])")


def sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Sentence spans (start, end) within ``text[start:end]``, paragraph breaks included.

    A full stop ends a sentence unless it closes an abbreviation ("Feb.",
    "U.S.") or an initial ("Katrina W. Berger").
    """
    end = len(text) if end is None else end
    spans: list[tuple[int, int]] = []
    for para_start, para_end in paragraphs(text, start, end):
        cursor = para_start
        for m in _SENTENCE_END.finditer(text, para_start, para_end):
            before = text[cursor : m.start()].rsplit(None, 1)
            last = before[-1].lower().rstrip(".") if before else ""
            if text[m.start()] == "." and (last in _ABBREVIATIONS or (len(last) == 1 and last.isalpha())):
                continue
            spans.append(_trim(text, cursor, m.end()))
            cursor = m.end()
        if text[cursor:para_end].strip():
            spans.append(_trim(text, cursor, para_end))
    return spans


def paragraphs(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Spans of the non-blank blocks of ``text`` separated by blank lines."""
    end = len(text) if end is None else end
    spans = []
    for m in re.finditer(r"(?:[^\n]|\n(?![ \t]*\n))+", text[start:end]):
        if m.group().strip():
            spans.append(_trim(text, start + m.start(), start + m.end()))
    return spans


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


# Numbers spelled out, as stories write them.
ONES = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}  # fmt: skip
TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}  # fmt: skip
SCALES = {
    "dozen": 12, "hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
    "lakh": 100_000, "lakhs": 100_000, "crore": 10_000_000, "crores": 10_000_000,  # Indian releases: "Rs. 412.36 crore"
}  # fmt: skip


def number_word(text: str) -> float | None:
    """The value of "seven", "twenty-five", "ninety"; None for anything else."""
    parts = text.lower().split("-")
    if len(parts) == 1:
        return ONES.get(parts[0], TENS.get(parts[0]))
    if len(parts) == 2 and parts[0] in TENS and parts[1] in ONES and 0 < ONES[parts[1]] < 10:
        return TENS[parts[0]] + ONES[parts[1]]
    return None
