"""Private: figures compared with what the sources state (part of stage 4, verdicts); dates are in _judge_dates."""

from __future__ import annotations

import itertools
import math
import re
from decimal import Decimal

from factcheck import _lexicon as lex
from factcheck._outcomes import (
    _describe,
    _evidence,
    _quoted,
    _unsourced,
    _verdict,
)
from factcheck._text import lemma, words
from factcheck.config import Settings
from factcheck.evidence import Index, Passage
from factcheck.records import Claim, Difference, Label, Quantity, Verdict

_FIELD_REASON = {
    "hedge": "hedge-changed",
    "qualifier": "qualifier-changed",
    "value": "number-changed",
    "noun": "counted-noun-changed",
    "action": "action-changed",
    "unit": "number-changed",
    "change": "meaning-changed",
    "base": "base-changed",
}


_MEASURES = lex.MONEY | {"percent", "kg", "lb", "t", "oz", "g", "rank"}
# Words around a measure that say nothing of what is measured ("38 percent higher", "$5 million each").
_NOT_MEASURED = frozenset(
    {"kilogram", "kilo", "kg", "pound", "lb", "tonne", "ton", "dollar", "euro", "rupee", "percent", "more", "higher",
     "lower", "fewer", "less", "up", "down", "increase", "decrease", "rise", "drop", "each", "worth", "money",
     "amount", "total", "sum", "all", "compar", "year"}
)  # fmt: skip
_PEOPLE = lex.NOUN_GROUPS[0] | lex.NOUN_GROUPS[1]
_ANYONE = frozenset({"person", "people", "individual"})
_FOOTAGE = lex.NOUN_GROUPS[4]
# Records about people or things, counted in their place ("reports of missing children", "tips about abuse").
_RECORDS = frozenset({"report", "case", "call", "tip", "referral", "complaint", "record", "entry", "file"})
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
    if not _same_unit(claim.unit, source.unit):
        return 0
    if _measured(claim):  # "$4.8 million in cash", "62kg of cocaine", "5.7 per 100,000": compare what is measured
        said, real = set(claim.lemmas) - _NOT_MEASURED, set(source.lemmas) - _NOT_MEASURED
        if not said or not real:  # nothing to compare but what was done with the money, or the context
            return _SAME if _sides(claim, source) == "same" else _UNKNOWN
        return _SAME if said & real or _same_group(said, real) or _derived(said, real) else 0
    if not claim.head:
        return 0
    if source.head in _RECORDS and claim.head not in _RECORDS and claim.head in source.lemmas:
        return _RELATED  # "31,402 reports of missing children" count reports: one child may have several
    if source.head in _DEVICES and _what_it_does(claim.head) in source.lemmas:
        return _SAME  # "11 skimmers" are "11 skimming devices"
    if claim.head != source.head and claim.head in _gerunds(source):
        return _RELATED  # "27 ships" for "27 shipping containers": containers are counted
    if claim.head != source.head and source.verb in _LINKING and claim.head in _after_to(source):
        return _RELATED  # "12 shootings" for "linked 12 of the recovered firearms to shootings": firearms are counted
    if claim.head in source.lemmas or any(claim.head in g and g & set(source.lemmas) for g in lex.SYNONYMS):
        return _SAME
    if not source.head:
        return _UNKNOWN  # "19 wanted for homicide", "eight of them": the context must say what
    # "arrested 84 people" counts the same as "84 arrests"
    if (claim.verb and claim.verb in (lex.COUNT_ACTION_OF.get(source.head), source.head)) or (
        source.verb and source.verb in (lex.COUNT_ACTION_OF.get(claim.head), claim.head)
    ):
        return _SAME
    if claim.verb and claim.verb == source.verb and _same_group({claim.head}, set(source.lemmas)):
        return _SAME
    if claim.verb and claim.verb == source.verb and claim.head in _ANYONE and source.head in _PEOPLE:
        return _SAME  # "arrested more than a dozen people" counts the "12 subjects arrested"
    if source.head in _ANYONE and source.verb in _ACCUSED and claim.head in _ACCUSED_PEOPLE:
        return _SAME  # "two of the suspects" are two of "the four people charged"
    if claim.verb and claim.verb == source.verb and {claim.head, source.head} <= _PEOPLE:
        return _RELATED  # "arrested 31 suspected traffickers" for "31 people arrested": a narrower group
    if claim.verb and source.verb and claim.verb != source.verb and not {claim.verb, source.verb} & _RESULT_VERBS:
        return 0  # "45 suspects questioned" is not "47 suspected predators arrested"
    return _RELATED if _same_group({claim.head}, set(source.lemmas)) else 0


# Things named by what they do: "skimming devices" are skimmers.
_DEVICES = frozenset({"device", "machine", "tool", "unit", "kit", "equipment"})


def _what_it_does(noun: str) -> str:
    """ "skimmer" -> "skim", "scanner" -> "scan": the verb of an agent noun, as ``lemma`` gives it."""
    if not noun.endswith("er") or len(noun) < 6:
        return ""
    stem = noun[:-2]
    return stem[:-1] if len(stem) > 2 and stem[-1] == stem[-2] else stem


# Verbs that tie what is counted to something else: "linked 12 firearms to shootings" counts no shootings.
_LINKING = frozenset({"link", "tie", "connect", "trace", "match", "attribute"})


# Where a clause starts, and the verbs that end the subject at its start.
_CLAUSE_START = re.compile(r"(?:^|[.;:]\s+|,\s+(?:while|and|but|whereas)\s+)")
_SUBJECT = re.compile(
    r"([A-Za-z][\w-]*)\s+([a-z][\w-]*?s)\b(?=\s*,|\s+(?:rose|fell|were|was|are|is|made|accounted"
    r"|totalled|totaled|numbered|climbed|dropped|increased|decreased|reached|stood|grew))"
)


_SHARE_OF = re.compile(
    r"(?:^|[.;:]\s+)(?P<subject>(?:[A-Za-z][\w-]*\s+){1,6}?)(?:accounted|account|accounts|made|make|makes"
    r"|reached|reach|reaches|represented|represent|represents|were|are|was|is)\b[^.;:]*$",
    re.IGNORECASE,
)


# Subjects that name no one in particular: "The number of charges was up 12 per cent", "The total is …".
_GENERIC_SUBJECTS = frozenset(
    "number total share proportion percentage rate figure amount level count it this that".split()
)


def _share_subject(text: str, figure: str) -> str:
    """Whose share a percentage is: "Women account for about a third of …" -> "woman", "Treatment services in the
    region reached …" -> "service"; "" when it cannot tell."""
    at = text.find(figure)
    m = _SHARE_OF.search(text, 0, at) if at >= 0 else None
    if m is None:
        return ""
    head = re.split(r"\s+(?:in|of|at|from|with|for|across)\s+", m.group("subject").strip(), maxsplit=1)[0].split()
    said = lemma(head[-1].lower()) if head else ""
    return "" if said in lex.NP_STOP or said in _GENERIC_SUBJECTS else said


def _subject(text: str, figure: str) -> tuple[str, str] | None:
    """The subject of the clause a figure is in, as (modifier, plural head): ("phishing", "scam")."""
    at = text.find(figure)
    if at < 0:
        return None
    starts = [m.end() for m in _CLAUSE_START.finditer(text, 0, at)]
    m = _SUBJECT.match(text, starts[-1] if starts else 0)
    if not m or m.end() > at or m.group(1).lower() in lex.NP_STOP | {"all", "total", "these", "those", "such"}:
        return None
    return m.group(1).lower(), lemma(m.group(2))


def _other_share_subject(said: str, passage: Passage, sq: Quantity) -> bool:
    """Whose share the source's is differs from whose the claim's is (``said``, from ``_share_subject``)."""
    real = _share_subject(passage.text, sq.written)
    return bool(said and real) and said != real and not _same_group({said}, {real})


def _other_subject(said: tuple[str, str] | None, passage: str, source_figure: str) -> bool:
    """The same kind of thing, another of it: "Phishing scams" (``said``, from ``_subject``) where the source's
    figure is the "Investment scams"'."""
    real = _subject(passage, source_figure)
    return said is not None and real is not None and said[1] == real[1] and said[0] != real[0]


_AGED = re.compile(r"([A-Z][\w'\u2019-]*),\s+(\d{1,3})(?=\s*[,;.)])")


def _ages_by_name(text: str) -> dict[str, float]:
    """Ages set off after names ("Adrian Ybarra, 29, of Houston"), by the name's last word."""
    return {m.group(1): float(m.group(2)) for m in _AGED.finditer(text)}


def _whose_age(claim: Claim, q: Quantity) -> str | None:
    """The last word of the name the claim's age is set off after, if it is."""
    return next((name for name, age in _ages_by_name(claim.sentence).items() if age == q.value), None)


def _lead(text: str, written: str) -> str | None:
    """The two words that lead into a figure ("cocaine with" 23 million), in lower case."""
    m = re.search(rf"(\w+\s+\w+)\s+{re.escape(written)}", text)
    return m.group(1).lower() if m else None


def _gerunds(q: Quantity) -> set[str]:
    """The lemmas of "-ing" words that modify a counted noun ("shipping containers"): what it is for, not what it is."""
    return {lemma(w) for w in words(q.noun) if w.endswith("ing")} - {q.head}


def _after_to(q: Quantity) -> set[str]:
    """The lemmas of a counted noun after its "to": where the things counted went, not what they are."""
    _, to, after = q.noun.partition(" to ")
    return {lemma(w) for w in words(after)} if to else set()


def _derived(said: set[str], real: set[str]) -> bool:
    """A word and its noun: "referred" and "referrals", "convicted" and "convictions" (lemmas "refer", "referral")."""
    return any(b in _nouns_of(a) or a in _nouns_of(b) for a in said for b in real if len(a) >= 4 and len(b) >= 4)


def _nouns_of(word: str) -> set[str]:
    return {word + suffix for suffix in ("al", "ral", "ion", "ation", "ment")}


def _measured(q: Quantity) -> bool:
    """Money, weights, shares, ranks and rates: what is measured is compared, not a counted head."""
    return q.unit in _MEASURES or (q.unit or "").startswith("per ")


def _same_unit(said: str | None, real: str | None) -> bool:
    """The same unit; "$" alone is any country's dollars ("C$3.1 million" for a Canadian release's "$3.1 million"),
    but "NZ$" is never "US$"; pounds, kilograms and tonnes weigh alike."""
    return said == real or ("dollar" in (said, real) and {said, real} <= lex.DOLLARS) or {said, real} <= set(_KILOGRAMS)


# A sentence about an earlier period may cite the figure a source compares with.
_PAST_PERIOD = re.compile(
    r"\b(?:last|previous|prior) (?:year|fiscal year|quarter|month)|\ba year (?:earlier|before)"
    r"|\b(?:up|down|rising|falling) from\b|\bcompare[sd]? (?:with|to)\b",
    re.IGNORECASE,
)


def _same_count_renamed(q: Quantity, sq: Quantity, similarity: float, settings: Settings) -> bool:
    """The very same count (10 or more) of another named thing, in a passage of the story's own release that
    speaks to the sentence: the story's counted noun stands for the release's — a changed noun, not another fact."""
    return (
        q.value is not None
        and q.value == sq.value
        and q.value >= 10
        and q.unit == sq.unit is None
        and bool(q.head and sq.head)
        and similarity >= settings.passage_min_similarity
    )


def _same_group(said: set[str], real: set[str]) -> bool:
    return any(group & said and group & real for group in (*lex.NOUN_GROUPS, *lex.SYNONYMS))


def _duration_match(claim: Quantity, source: Quantity) -> int:
    """Durations of the same thing: "an 11-day operation" and "a 12-day surge", not a prison term."""
    if claim.unit == source.unit == "age":  # "a 61-year-old passenger" is "a 61-year-old woman … a passenger"
        return _SAME if claim.head == source.head or not claim.head or not source.head else _CONTEXT
    if source.unit != claim.unit and not (claim.unit in lex.TIME_UNITS and source.unit in lex.TIME_UNITS):
        return 0
    if bool(set(claim.lemmas) & _FOOTAGE) != bool(set(source.lemmas) & _FOOTAGE):
        return 0  # "1,000 hours of video" measures material, not an operation or a sentence
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


def _descriptions(claim: Claim, sq: Quantity, passage: Passage) -> tuple[list[str], list[str]] | None:
    """ "21 people wanted for homicide" against "19 wanted for homicide": no noun in the source, but the
    same description after the figure says the same group is counted. The two descriptions, or None."""
    if not sq.noun.endswith("ed"):
        return None
    said = re.search(re.escape(claim.text) + r"\s+([^,.;:()]+)", claim.sentence)
    real = re.search(  # "19 wanted for homicide", "64 were wanted for murder"
        rf"(?<![\d.,]){re.escape(sq.written)}\s+(?:(?:were|was|are|is)\s+)?{re.escape(sq.noun)}\b([^,.;:()]*)",
        passage.text,
    )
    if not said or not real:
        return None
    said_words, real_words = words(said.group(1)), words(sq.noun + real.group(1))
    n = min(len(said_words), len(real_words), 4)
    return (said_words, real_words) if n >= 3 and said_words[:n] == real_words[:n] else None


def _narrowed(claim: Claim, sq: Quantity, passage: Passage) -> Difference | None:
    """ "wanted for attempted murder" where the source says "… or aggravated assault": a group made smaller."""
    found = _descriptions(claim, sq, passage)
    if found is None:
        return None
    said, real = found
    k = next((i for i, (a, b) in enumerate(zip(said, real, strict=False)) if a != b), min(len(said), len(real)))
    if real[k : k + 1] in (["or"], ["and"]) and said[k : k + 2] != real[k : k + 2]:
        return Difference("noun", " ".join(said[:k]), " ".join(real))  # the source's group goes on
    return None


def _context_names(q: Quantity, sq: Quantity, passage: Passage, similarity: float, settings: Settings) -> bool:
    """A figure whose source gives no noun ("19 wanted", "€240 000") is the same fact only in a passage
    much like the claim's sentence that names what the claim counts, or something of its kind. The very
    same sum of money ("$34,000"), share with a decimal ("18.1%"), or change the same way ("up 10%"), is rarely a
    coincidence: a passage merely like the sentence will do."""
    same_range = _is_range(q) and (q.low, q.high) == (sq.low, sq.high)  # "from $149 to $999"
    same_sum = same_range or (
        q.unit in _MEASURES
        and q.value is not None
        and q.value == sq.value
        and (
            q.value >= 1000
            or (q.unit == "percent" and not q.value.is_integer())  # "18.1 per cent"
            or (_other_way(q.change) is not None and _other_way(q.change) == _other_way(sq.change))  # "up 10%"
        )
    )
    if not same_range and similarity < settings.passage_min_similarity + (0.0 if same_sum else 0.15):
        return False
    if _measured(q) or not q.head:
        return True
    kinds = {q.head}.union(*(g for g in (*lex.NOUN_GROUPS, *lex.SYNONYMS) if q.head in g))
    if kinds & _PEOPLE:
        kinds |= _PEOPLE
    return bool(kinds & passage.lemma_set)


def _far_apart(q: Quantity, sq: Quantity) -> bool:
    """More than three times apart: too far to be the same figure misreported."""
    a = q.value if q.value is not None else (q.low + q.high) / 2 if q.high != math.inf else q.low
    b = sq.value if sq.value is not None else (sq.low + sq.high) / 2 if sq.high != math.inf else sq.low
    a, b = _in_base(q, a), _in_base(sq, b)
    return a > 0 and b > 0 and max(a, b) / min(a, b) > 3


def _bare_time(q: Quantity) -> bool:
    """ "two years", with nothing said of what lasted them."""
    return q.unit in lex.TIME_UNITS and set(q.lemmas) <= set(lex.TIME_UNITS)


def _in_base(q: Quantity, value: float) -> float:
    """A duration in days, a weight in kilograms, anything else as it is."""
    if q.unit in lex.TIME_UNITS:
        return value * lex.TIME_UNITS[q.unit]
    return value * _KILOGRAMS.get(q.unit or "", 1.0)


_KILOGRAMS = {"kg": 1.0, "lb": 0.45359237, "t": 1000.0, "oz": 0.028349523125, "g": 0.001}
_WEIGHT_WORDS = frozenset({"kilogram", "kilo", "kg", "pound", "lb", "tonne", "ton", "ounce", "oz", "gram"})


def _holds(claim: Quantity, source: Quantity, tolerance: float) -> bool:
    """Whether everything the source allows is inside what the article says."""
    low, high = _in_base(claim, claim.low), _in_base(claim, claim.high)
    if claim.unit != source.unit and claim.unit in _KILOGRAMS and claim.qualifier is None and claim.value:
        half = _last_place(claim.value) / 2  # "660 kilograms" for "1,456 pounds": a conversion, rounded
        low, high = _in_base(claim, claim.value - half), _in_base(claim, claim.value + half)
    if _approximate(claim) and claim.value is not None:
        value = _in_base(claim, claim.value)
        low, high = value * (1 - tolerance), value * (1 + tolerance)
    s_low, s_high = _in_base(source, source.low), _in_base(source, source.high)
    if _approximate(source) and _approximate(claim) and source.value is not None:
        # "an estimated 1.25 million" for "an estimated 1,245,310": the claim's own margin allows the figure
        s_low = s_high = _in_base(source, source.value)
    if source.value and source.qualifier in ("more than", "at least") and claim.qualifier in ("fewer than", "up to"):
        # "over $196 million": $196–197 million, short of 197
        s_high = _in_base(source, math.nextafter(source.value + _last_place(source.value), 0.0))
    if _is_range(claim) and _is_range(source):
        return (low, high) == (s_low, s_high)  # "from 10 to 17" is not "from 11 to 17"
    above = s_low > low or (s_low == low and (not claim.low_open or source.low_open))
    return above and s_high <= high


def _approximate(q: Quantity) -> bool:
    """ "About $46 million", or "an estimated value of $46 million": a figure given as near enough."""
    return q.qualifier == "about" or (q.qualifier is None and q.hedge == "estimated")


def _last_place(value: float) -> float:
    """What the last written digit counts: 100 for 4,700, a million for 196 million, 0.1 for 95.5. A source's
    "more than 4,700" is a figure rounded down to it, so below 4,800: "fewer than 4,800" agrees."""
    exponent = Decimal(repr(value)).normalize().as_tuple().exponent
    return 10.0**exponent if isinstance(exponent, int) else 1.0


def _share_label(sq: Quantity, passage: Passage) -> str | None:
    """What a share in brackets is of: "criminal exploitation (29%)", "were male (77%)" -> "male"."""
    if sq.unit != "percent" or sq.lemmas:
        return None
    m = re.search(rf"((?:[a-z][\w-]*\s+)?[a-z][\w-]*)\s*\(\s*{re.escape(sq.written)}\s*\)", passage.text)
    if m is None:
        return None
    label = " ".join(w for w in m.group(1).split() if w not in lex.NP_STOP)
    return label or None


def _owner(claim: Claim, q: Quantity, labels: set[str]) -> str | None:
    """Which of a passage's bracketed labels the claim gives its figure for: one in its counted words ("three-
    quarters were male"), else the nearest before it ("sexual exploitation for 29 per cent"); None for none."""
    if inside := [x for x in labels if x in q.noun.lower()]:
        return max(inside, key=len)
    sentence = claim.sentence.lower()
    at = sentence.find(claim.text.lower())
    before = [(sentence.rfind(x, 0, at), x) for x in labels if sentence.rfind(x, 0, at) >= 0]
    return max(before)[1] if before else None


def _listed_for(sq: Quantity, passage: Passage) -> str | None:
    """The name a figure is given for in a list: "Arrests were made in Austria (11), Germany (8)" -> "Germany"."""
    return _place_of(sq.written, passage.text)


def _place_of(written: str, text: str) -> str | None:
    m = re.search(rf"([A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*)*)\s*\(\s*{re.escape(written)}\s*\)", text)
    return m.group(1) if m else None


_LISTED = re.compile(r"[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*)*\s*\(\s*\d[\d,]*\s*\)")


def _near_claim(name: str, claim: Claim) -> bool:
    """Whether the claim names ``name`` for its figure: "Spain (7)" in its own list, or close to the figure
    ("followed by Germany with nine")."""
    if (own := _place_of(claim.text, claim.sentence)) is not None:
        return own == name
    at = max(0, claim.sentence.find(claim.text))
    around = claim.sentence[max(0, at - 40) : at + len(claim.text) + 40]
    return re.search(rf"\b{re.escape(name.rsplit(maxsplit=1)[-1])}\b", around) is not None


def _not_in_the_list(claim: Claim, index: Index, settings: Settings) -> Verdict | None:
    """ "Poland (2)" where the release's list of figures by country has no Poland: a place added to the list."""
    place = _place_of(claim.text, claim.sentence)
    if place is None:
        return None
    for passage in index.candidates(claim):
        listed = _LISTED.findall(passage.text)
        similarity = index.similarity(claim.sentence, passage)
        if len(listed) >= 2 and similarity >= settings.passage_min_similarity and not _place_of_any(place, listed):
            shown = ", ".join(" ".join(x.split()) for x in listed)

            def explain(diffs: list[Difference], shown: str = shown) -> tuple[str, str]:
                return "entity-changed", f'source lists "{shown}": no figure for "{place}"'

            return _verdict(claim, (_evidence(passage, similarity),), [Difference("entity", place, None)], 0.75,
                            explain, "")  # fmt: skip
    return None


def _place_of_any(place: str, listed: list[str]) -> bool:
    return any(item.split("(")[0].strip() == place for item in listed)


def _is_range(q: Quantity) -> bool:
    """A stated range ("between 20 and 30", "from 11 to 17"), not a bound or a figure."""
    return q.value is None and q.qualifier is None and q.low < q.high != math.inf


def _judge_quantity(claim: Claim, q: Quantity, index: Index, settings: Settings) -> Verdict:
    ranked: list[tuple[int, int, bool, float, Passage, Quantity]] = []
    # What the claim's sentence says around its figure, read once: its subject, whose share or age it is, the
    # words that lead into it, and whether it speaks of people falling ill or of an earlier period.
    said_subject = _subject(claim.sentence, claim.text)
    said_share = _share_subject(claim.sentence, q.written) if q.unit == "percent" else ""
    whose = _whose_age(claim, q) if q.unit == "age" else None
    said_lead = _lead(claim.sentence, q.written)
    fell_ill = q.head in _ANYONE and _FELL_ILL.search(claim.sentence) is not None
    past_period = _PAST_PERIOD.search(claim.sentence) is not None
    for passage in index.candidates(claim):
        similarity = index.similarity(claim.sentence, passage)
        round_rank = index.round_rank(claim, passage) if passage.quantities else 0
        labels = [_share_label(sq, passage) for sq in passage.quantities]  # "criminal exploitation (29%)"
        owner = _owner(claim, q, {x for x in labels if x}) if any(labels) else None
        for sq, label in zip(passage.quantities, labels, strict=True):
            holds = _holds(q, sq, settings.about_tolerance)
            if q.head or q.unit:
                match = _noun_match(q, sq)
                if not match and index.is_primary(passage) and _same_count_renamed(q, sq, similarity, settings):
                    match = _RELATED  # "arrested 23 people" where the release counts "23 separate seizure incidents"
                if not match and fell_ill and sq.head in _ILLNESS:
                    match = _SAME  # "nine people have become ill" count "reports of nine illnesses"
                if not match and _other_currency(q, sq) and similarity >= settings.passage_min_similarity:
                    match = _RELATED  # "$4,051.5 million" for the release's "Rs 4,051.5 million"
                if match == _UNKNOWN and _descriptions(claim, sq, passage):
                    match = _SAME
                elif match == _UNKNOWN:
                    match = _CONTEXT if _context_names(q, sq, passage, similarity, settings) else 0
            elif q.value is not None:  # "Nineteen were wanted": the thing counted is only in the context
                match = _CONTEXT if holds and not sq.unit and similarity >= settings.passage_min_similarity else 0
                if (
                    not match
                    and not sq.unit
                    and similarity >= 0.5
                    and said_lead
                    and said_lead == _lead(passage.text, sq.written)
                ):
                    match = _CONTEXT  # "… and cocaine with 23 million" where the release has "cocaine with 25 million"
            else:
                match = 0  # "several" of nothing named cannot be matched to anything
            # A bound is not borne out by a figure far beyond it: "up to 20 years" by "3 years", "more than a
            # dozen people" by the "more than 130" arrested nationwide.
            bound = q.qualifier in ("up to", "fewer than", "more than", "at least")
            same_side = _sides(q, sq) == "same"  # "collected" and "paid": the same money
            if (
                match
                and (bound or not holds)
                and _far_apart(q, sq)
                and not (q.head and q.head == sq.head and similarity >= 0.6)
                and not same_side
                and not (q.unit != sq.unit and {q.unit, sq.unit} <= set(_KILOGRAMS))  # "850 kg" for "386 pounds"
                and not _shifted(q, sq)
            ):
                match = 0  # "$1 billion" against "$85 million": another fact, not a changed one
            if match and q.written.lower() in lex.VAGUE and similarity < settings.passage_min_similarity:
                match = 0  # "several defendants" is in any passage with nine: only a like one speaks to it
            if match and _bare_time(q) and not _bare_time(sq) and similarity < settings.passage_min_similarity + 0.1:
                match = 0  # "for about two years" of something else than the "eight-month investigation"
            if label is not None and owner is not None:
                match = _SAME if owner == label else 0  # "sexual exploitation (18%)", not the 29% beside it
            if (place := _listed_for(sq, passage)) is not None and similarity >= settings.passage_min_similarity:
                match = _SAME if _near_claim(place, claim) else 0  # "Spain (15)" counts Spain's, not Germany's
            if match and whose is not None:
                ages = _ages_by_name(passage.text)
                match = match if not ages or ages.get(whose) == sq.value else 0  # "Adrian Ybarra, 29; … Whitlow, 27"
            if match and said_share and _other_share_subject(said_share, passage, sq):
                match = 0  # "Women account for about a third" is not "Treatment reached one in three people"
            if match and _other_subject(said_subject, passage.text, sq.written):
                match = 0  # "Phishing scams … 2,087 cases" is not the "Investment scams rose to 2,087 cases"
            if match and sq.compared and not q.compared and not past_period:
                match = 0  # "up from 3,420 in fiscal year 2023" is last year's figure, not this year's
            if match and _sides(q, sq) == "other":
                match = 0  # "collected $11.6 million" is not the "$11.6 million in claims" submitted
            if match:
                ranked.append((match, round_rank, holds, similarity, passage, sq))
    if q.unit in lex.TIME_UNITS and all(r[4].source.id in index.other_rounds for r in ranked):
        ranked = []  # last year's "45-day surge" says nothing of this year's: this year's dates may
    if not ranked and q.unit in lex.TIME_UNITS:
        return _judge_duration(claim, q, index, settings)
    if not ranked and (unlisted := _not_in_the_list(claim, index, settings)) is not None:
        return unlisted
    if not ranked:
        what = f"{q.written} {q.noun}".strip()
        return _unsourced(claim, index, f"no source gives a figure for {_quoted(what)}")
    # The story's own release first; then a figure the words allow; then the same counted thing.
    # A bound ("under 114,000 cases") is not borne out by any smaller figure the passage happens to hold
    # ("5,800 were classified as serious"): the same counted thing, named, is compared first. Without a
    # bound, a figure matched by context may be a part ("29 of the arrests") and keeps its place.
    named = q.qualifier not in (None, "", "about") and any(r[0] == _SAME for r in ranked)
    # Of the same figure said twice, the hedged saying is the careful one: a headline's "118 children" is
    # the body's "potential identification of 118 children" cut short.
    # A claim that names nothing ("less than $127 million") speaks of the figure it writes, when the passage
    # has it, not of another one that happens to fit ("$59 million in the United States"); so does a bound on a
    # named thing ("fewer than 1,900 people died" is about the "more than 1,900 of those deaths", not "1,312").
    bare = all(r[0] == _CONTEXT for r in ranked)
    # Money the claim says was paid or asked for is the sum the source says so of, when it says so.
    side = _money_side(q)
    match, _primary, holds, similarity, passage, sq = max(
        ranked,
        key=lambda r: (
            r[1],
            side is not None and _money_side(r[5]) == side,
            (bare or (named and r[0] == _SAME)) and r[5].value == q.value,
            r[2] and not (named and r[0] == _CONTEXT),
            r[0],
            r[5].hedge is not None,
            r[3],
        ),
    )
    if _more_exact(q, sq) and q.unit in lex.TIME_UNITS:
        counted = _judge_duration(claim, q, index, settings)  # "an 18-day operation": the dates may tell
        if counted.label is not Label.UNSOURCED:
            return counted
    if _more_exact(q, sq):
        why = f'source gives only "{_as_written(sq, passage)}": it neither confirms nor rules out {q.written}'
        return _unsourced(claim, index, why, "only-a-limit")  # the contract: an unsourced verdict cites nothing
    differences: list[Difference] = []
    note = ""
    if not holds:
        if claim_number(q) == claim_number(sq):
            differences.append(Difference("qualifier", q.qualifier, sq.qualifier))
        else:
            differences.append(Difference("value", claim_number(q), claim_number(sq)))
            note = _conflation(q, passage) or _converted(q, sq) or _shift_note(q, sq)
    if _other_way(q.change) and _other_way(sq.change) and _other_way(q.change) != _other_way(sq.change):
        differences.append(Difference("change", q.change, sq.change))  # "fell 9.5 per cent" for "rose 9.5%"
    if based := _other_base(claim, q, passage, sq):
        differences.append(based)
    if _other_currency(q, sq):
        differences.append(Difference("unit", lex.CURRENCY_NAMES[q.unit or ""], lex.CURRENCY_NAMES[sq.unit or ""]))
    if sq.hedge != q.hedge and (sq.hedge or q.hedge) and not _accused_alike(q, sq):
        differences.append(Difference("hedge", q.hedge, sq.hedge))
    said_action, real_action = _action_of(q), _action_of(sq)
    # "found" covers "recovered" and "located"; "recovered" for the "225 found" is a narrower claim
    if (
        said_action in _COUNTED_ACTIONS
        and real_action in _COUNTED_ACTIONS
        and said_action not in (real_action, "find")
        and not _both_done(said_action, real_action, passage.text)
    ):
        differences.append(Difference("action", said_action, real_action))
    if match == _RELATED and not _other_currency(q, sq):
        differences.append(Difference("noun", q.noun or None, sq.noun or None))
    elif narrowed := _narrowed(claim, sq, passage):
        differences.append(narrowed)
    place = _listed_for(sq, passage)
    source_words = f"{place} ({sq.written})" if place else _as_written(sq, passage)

    def explain(diffs: list[Difference]) -> tuple[str, str]:
        parts = [_describe(d) for d in diffs]
        return _FIELD_REASON[diffs[0].field], f'source says "{source_words}": ' + "; ".join(parts) + note

    return _verdict(
        claim, (_evidence(passage, similarity),), differences, 0.75 if match == _RELATED else 1.0, explain,
        f'source says "{source_words}"',
    )  # fmt: skip


_MONTH_NAME = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_AGAINST = r"(?:from|on|over|than|compared (?:with|to)|versus|vs\.?)\s+(?:(?:during|in)\s+)?(?:the\s+)?"
# What a change is measured against: the same period a year before, or the period just before.
_BASES = (
    ("a year before", re.compile(
        r"\byear[- ](?:over|on)[- ]year\b|\bannual(?:ly)?\b"
        rf"|{_AGAINST}(?:same (?:period|month|quarter|half|time)\b[^.;]{{0,20}}?"
        r"\b(?:last year|a year (?:earlier|ago|before)|the previous year|\d{4})"
        r"|(?:last|previous|prior|preceding) year|a year (?:earlier|ago|before)"
        r"|[^.;]{0,40}?\bin (?:the (?:first|second) half|the (?:first|second|third|fourth) quarter|"
        rf"{_MONTH_NAME}) (?:of )?\d{{4}}|\d{{4}}\b)"
    )),
    ("the period before", re.compile(
        r"\b(?:month|quarter|week)[- ](?:over|on)[- ](?:month|quarter|week)\b"
        rf"|{_AGAINST}(?:previous|prior|last|preceding)"
        r" (?:(?:three|six) months|month|quarter|half[- ]year|half|period|week)"
        rf"|{_AGAINST}{_MONTH_NAME}\b(?!\s*,?\s*\d{{4}})"
    )),
)  # fmt: skip


def _base(text: str, written: str) -> tuple[str, str] | None:
    """What the change at ``written`` is measured against, as (kind, the words), when the text says."""
    at = text.find(written)
    if at < 0:
        return None
    after = re.split(r"(?<=[.;])\s", text[at + len(written) : at + len(written) + 90])[0]
    found = [(m.start(), kind, m.group().strip()) for kind, pattern in _BASES if (m := pattern.search(after))]
    return min(found)[1:] if found else None


def _other_base(claim: Claim, q: Quantity, passage: Passage, sq: Quantity) -> Difference | None:
    """ "down 8 percent year over year" where the source's 8 percent is "from September": another base."""
    if q.unit != "percent" or not (q.change or sq.change):
        return None
    said, real = _base(claim.sentence, q.written), _base(passage.text, sq.written)
    return Difference("base", said[1], real[1]) if said and real and said[0] != real[0] else None


def _other_way(change: str | None) -> str | None:
    """Which way a change goes: "up", "down", or None when the figure is no change."""
    return "up" if change in lex.CHANGE_UP else "down" if change in lex.CHANGE_DOWN else None


def _other_currency(q: Quantity, sq: Quantity) -> bool:
    """The same sum in another currency: a changed unit, not another fact (a conversion changes the figure)."""
    return (
        q.value is not None
        and q.value == sq.value
        and q.unit in lex.MONEY
        and sq.unit in lex.MONEY
        and not _same_unit(q.unit, sq.unit)
    )


def _sides(q: Quantity, sq: Quantity) -> str | None:
    """ "same" when both sums were asked for, paid or kept alike; "other" when both say and differ; else None."""
    said, real = _money_side(q), _money_side(sq)
    if said is None or real is None:
        return None
    return "same" if said == real else "other"


def _money_side(q: Quantity) -> int | None:
    """Which of ``lex.MONEY_ACTIONS`` a sum's verb is in: asked for (0), paid (1), kept (2); None for none."""
    if q.unit not in lex.MONEY:
        return None  # "recovered 169 children" is no sum paid
    return next((n for n, verbs in enumerate(lex.MONEY_ACTIONS) if q.verb in verbs), None)


def _more_exact(q: Quantity, sq: Quantity) -> bool:
    """ "39 years old" where the source says only "younger than 45": a figure the limit allows but does not give."""
    limits = ("more than", "fewer than", "up to", "at least")
    return (
        q.qualifier is None
        and q.value is not None
        and sq.qualifier in limits
        and sq.value != q.value
        and _in_base(sq, sq.low) <= _in_base(q, q.value) <= _in_base(sq, sq.high)  # in days: "18 days", "3 weeks"
    )


def _converted(q: Quantity, sq: Quantity) -> str:
    """ " (about 175 kg)": the source's weight in the claim's unit, when they differ."""
    if q.unit == sq.unit or q.unit not in _KILOGRAMS or sq.unit not in _KILOGRAMS or sq.value is None:
        return ""
    return f" (about {_in_base(sq, sq.value) / _KILOGRAMS[q.unit]:,.0f} {q.unit})"


def _shift(q: Quantity, sq: Quantity) -> int:
    """The power of ten between a sum or weight and the source's, when the digits agree (41.2 billion rupees
    for Rs. 412.36 crore): a misplaced decimal point or a wrong scale word, not another fact. 0 for none."""
    if not (_measured(q) and q.unit in lex.MONEY | set(_KILOGRAMS)) or not q.value or not sq.value:
        return 0
    ratio = _in_base(q, q.value) / _in_base(sq, sq.value)
    power = round(math.log10(ratio))
    return power if power and abs(ratio / 10**power - 1) <= 0.01 else 0


def _shifted(q: Quantity, sq: Quantity) -> bool:
    return _shift(q, sq) != 0


def _shift_note(q: Quantity, sq: Quantity) -> str:
    power = _shift(q, sq)
    return f" — {10 ** abs(power):,} times too {'large' if power > 0 else 'small'}" if power else ""


def _conflation(q: Quantity, passage: Passage) -> str:
    """ " — 225 is 169 + 56: two of the source's counts added together", when it is so."""
    if q.value is None:
        return ""
    # Counts of named things ("169 missing children", "56 others"); a list of bare figures sums by chance.
    counts = [sq for sq in passage.quantities if sq.value is not None and _same_unit(sq.unit, q.unit) and sq.noun]
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
            timed = timed and not set(q.lemmas) & _FOOTAGE  # "1,000 hours of video" is no operation's length
            # "the intensification week ran from 30 September to 6 October": the range is named by the unit
            event = bool(passage.lemma_set & (lex.EVENT_NOUNS | {q.unit or ""}))
            if timed and (event or similarity >= settings.passage_min_similarity + 0.1):
                # the range of the thing the claim names ("the scheme ran …"), before the week of action's
                named = bool(q.head) and re.search(rf"\b{re.escape(q.head)}\w*\b[^.]{{0,25}}?{re.escape(d.written)}",
                                                   passage.text, re.IGNORECASE) is not None  # fmt: skip
                ranked.append((index.is_primary(passage), named, event, similarity, passage, d))
    if not ranked or q.value is None or q.unit not in _DURATION_SLACK:
        return _unsourced(claim, index, f'no source gives a duration or date range for "{q.written} {q.noun}"')
    *_, similarity, passage, d = max(ranked, key=lambda r: r[:4])
    days = (d.end - d.start).days + 1
    stated = q.value * lex.TIME_UNITS[q.unit]
    span = f"{d.written} ({days} days)"
    differences = [] if abs(days - stated) <= _DURATION_SLACK[q.unit] else [Difference("value", f"{q.written}", span)]

    def explain(diffs: list[Difference]) -> tuple[str, str]:
        return "number-changed", f"source gives {span}, counted inclusively; not {q.written}"

    return _verdict(claim, (_evidence(passage, similarity),), differences, 0.9, explain, f"source gives {span}")


# Actions whose swap changes what a count means ("recovered" is not "located").
_COUNTED_ACTIONS = frozenset(
    {
        "recover",
        "locate",
        "rescue",
        "identify",
        "arrest",
        "charge",
        "convict",
        "sentence",
        "find",
        "remove",
        "investigate",
        "detain",
    }
)
_ACCUSATION = frozenset({"suspected", "alleged", "accused"})
_ACCUSED = frozenset({"suspect", "defendant", "accused", "arrest", "charge"})
_ACCUSED_PEOPLE = frozenset({"suspect", "defendant", "accused"})
_FELL_ILL = re.compile(r"\b(?:became|become|fell|fallen|got|were|are) (?:ill|sick)\b|\bsickened\b")
_ILLNESS = frozenset({"illness", "sickness"})


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


def _both_done(said: str, real: str, text: str) -> bool:
    """ "has been arrested and charged", "identified two men … and arrested both": the source says both were done."""
    forms = {a: "|".join(re.escape(f) for f in lex.ACTIONS.get(a, (a,))) for a in (said, real)}
    return (
        re.search(rf"\b(?:{forms[real]})\s+and\s+(?:{forms[said]})\b", text, re.IGNORECASE) is not None
        or re.search(rf"\b(?:{forms[said]})\s+(?:both|all|all of them|the two|them all)\b", text, re.IGNORECASE)
        is not None  # "identified two men … and arrested both men"
    )


def _action_of(q: Quantity) -> str | None:
    """What was done to what is counted: "recovered 225 children" -> recover, "311 identifications" -> identify."""
    return q.verb or lex.COUNT_ACTION_OF.get(q.head) or lex.COUNT_ACTION_OF.get(q.head + "s")


def _as_written(sq: Quantity, passage: Passage) -> str:
    """The source's figure in its own order: "311 probable identifications", "the potential
    identification of 118 children" (a hedge on the action, not on the children)."""
    number = claim_number(sq) + ("%" if sq.unit == "percent" and sq.value is not None else "")
    if sq.unit in _KILOGRAMS and sq.value is not None and sq.head not in _WEIGHT_WORDS:
        number += f" {sq.unit}"  # "210kg of herbal cannabis", not "210 herbal cannabis"
    if ("-" in sq.written and sq.unit in lex.TIME_UNITS) or sq.unit in lex.MONEY:
        number = sq.written  # "seven-day enforcement period", not "7 enforcement period"; "Rs. 412.36 crore"
    counted = " ".join(x for x in (sq.qualifier, number, sq.noun) if x)
    if sq.hedge and (
        m := re.search(rf"\b{re.escape(sq.hedge)}\s+(\w+)\s+of\s+(?:the\s+)?{re.escape(sq.written)}", passage.text)
    ):
        return f"{sq.hedge} {m.group(1)} of {counted}"
    before_figure = rf"\b{re.escape(sq.hedge or '')}\b[^.;]{{0,40}}?(?=[$\u00a3\u20ac]?{re.escape(sq.written)})"
    if sq.hedge and (m := re.search(before_figure, passage.text)):
        if sq.qualifier and re.search(rf"\b{re.escape(sq.qualifier)}\s*$", m.group(0)):
            counted = counted.removeprefix(f"{sq.qualifier} ")  # "… of about $46 million", said once
        return f"{m.group(0)}{counted}"  # "estimated street value of 6,800,000", "allegedly found 1,120 kilograms"
    hedge = None if sq.hedge and re.search(rf"\b{re.escape(sq.hedge)}\b", sq.noun) else sq.hedge  # said in the noun
    return " ".join(x for x in (sq.qualifier, number, hedge, sq.noun) if x)


def claim_number(q: Quantity) -> str:
    if q.value is None:
        return q.written
    return f"{q.value:,.0f}" if float(q.value).is_integer() else f"{round(q.value, 2):,}"
