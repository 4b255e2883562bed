"""Stage 1 — takes an Article; returns its checkable Claims.

Four kinds (DESIGN.md): quantities with their qualifier, hedge and counted
noun; dates and ranges with the event they mark; quotations with speaker and
title; statements naming organisations and what they did, or listing things.
The finders also run over source text, so article and source are read alike.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable
from datetime import date

from factcheck import _lexicon as lex
from factcheck._dates import alone_on_its_line, find_dates
from factcheck._quantities import find_quantities
from factcheck._quotes import NAME_WORD, QuoteSpan, find_quotes
from factcheck._text import Span, overlaps, sentences
from factcheck.records import Article, Claim, Detail, Quote, Statement

log = logging.getLogger(__name__)

__all__ = [
    "QuoteSpan",
    "aliases",
    "extract_claims",
    "find_dates",
    "find_entities",
    "find_quantities",
    "find_quotes",
    "find_statement",
]


def extract_claims(article: Article, *, reference: date | None = None) -> tuple[Claim, ...]:
    """Every checkable claim of the article, in reading order, ids c1, c2, …

    ``reference`` resolves dates without a year ("July 17"); it defaults to
    the article's publication date.
    """
    text = article.text
    ref = reference or article.published or date.today()
    found: list[tuple[int, int, Detail]] = []
    sentence_spans = sentences(text)
    quotes = find_quotes(text)
    # Speech, and a scare-quoted term that is most of its sentence ("Police called the site a “superlab.”"); a
    # sentence with much besides its term ("… a tactic known as “double extortion.”") keeps its own claim.
    quoted = [(q.start, q.end) for q in quotes if not q.term or not _much_besides(text, q, sentence_spans)]
    for q in quotes:
        found.extend(_quote_claims(text, q))
    masked = [(q.start, q.end) for q in quotes]
    # "today" dates a release; in a story it is the story's own date, nothing to check.
    all_dates = find_dates(text, ref, masked=masked)
    masked += [(s, e) for s, e, _ in all_dates]
    date_lines = [d for d in all_dates if alone_on_its_line(text, d[0], d[1])]  # the story's own date: no claim
    dates = [
        d
        for d in all_dates
        if d[2].written.lower() != "today"
        and d not in date_lines
        and not _ASKED_FOR_COMMENT.search(_sentence_at(text, sentence_spans, d[0]))
    ]
    quantities = find_quantities(text, masked=masked)
    # a question or a conditional addressed to the reader states no figure ("If you have never heard of any of the
    # three …"); a modal does not stop one ("as little as two milligrams can be lethal")
    unasked = [
        (s, e) for s, e in sentence_spans if _TO_THE_READER.search(text[s:e]) or text[s:e].rstrip().endswith("?")
    ]
    quantities = [q for q in quantities if not overlaps((q[0], q[1]), unasked)]
    found.extend(quantities)
    # A year beside a figure dates the figure ("70,000 deaths in 2022"); on its own it is the fact ("born in 1969").
    counted = [(s, e) for s, e in sentence_spans if any(s <= q[0] < e for q in quantities)]
    dates = [d for d in dates if not (d[2].year_only and overlaps((d[0], d[1]), counted))]
    found.extend(dates)
    taken = [(s, e) for s, e, _ in dates + quantities + date_lines]
    for s_start, s_end in sentence_spans:
        if overlaps((s_start, s_end), quoted) or overlaps((s_start, s_end), taken):
            continue  # the sentence's own claims already carry its checkable facts
        statement = find_statement(text, s_start, s_end, masked)
        if statement:
            found.append(statement)
    found.sort(key=lambda f: (f[0], f[1]))
    claims = []
    for number, (start, end, detail) in enumerate(found, 1):
        sentence = _sentence_at(text, sentence_spans, start) or text[start:end]
        claims.append(
            Claim(id=f"c{number}", text=text[start:end], start=start, end=end, sentence=sentence, detail=detail)
        )
    log.debug("%d claims in %s", len(claims), article.location)
    return tuple(claims)


def _much_besides(text: str, q: QuoteSpan, sentence_spans: list[Span]) -> bool:
    """Whether the sentence around a quoted term says ten words or more of its own."""
    around = next(((s, e) for s, e in sentence_spans if s <= q.start < e), (q.start, q.end))
    rest = text[around[0] : q.start] + " " + text[q.end : around[1]]
    return len(re.findall(r"[A-Za-z]{2,}", rest)) >= _OWN_WORDS


_OWN_WORDS = 10


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

_ENTITY = re.compile(rf"\b(?:[A-Z]\.){{2,}}|{NAME_WORD}(?:\s+(?:of\s+the\s+|of\s+|for\s+|and\s+)?{NAME_WORD})*")
_PAREN_ALIAS = re.compile(r"\s*\(([A-Z][A-Za-z0-9&.]{1,12})\)")
_DATELINE_AT = re.compile(r"^[A-Z][A-Z .,'\u2019-]{2,40}\s*[\u2014\u2013-]{1,2}\s")


# The reporter's own inquiry: its day is nothing a release states ("did not respond to a request for comment on
# Wednesday").
_ASKED_FOR_COMMENT = re.compile(
    r"\b(?:request|requests) for comment\b|\bdid not (?:immediately )?respond\b|\bcould not be reached\b"
    r"|\bdeclined to comment\b|\bseeking comment\b"
)


def _sentence_at(text: str, spans: list[Span], at: int) -> str:
    """The sentence ``at`` falls in ("" when it falls between sentences)."""
    return next((text[s:e] for s, e in spans if s <= at < e), "")


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
    while words and (words[0].lower().strip(".") in lex.NOT_ENTITIES or words[0].endswith(("-led", "-based", "-run"))):
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
    """A run of capitalised words as the names in it: "Germany's Federal Criminal Police Office and Britain's
    National Crime Agency" is two bodies (a possessive starts a new name), "Customs and Border Protection" one."""
    whose = re.fullmatch(r"(.+?)['\u2019]s\s+(.+)", run)
    if (
        whose
        and " and " in whose.group(2)
        and not _a_body(whose.group(2).split(" and ")[0])
        and _a_unit(whose.group(2))
    ):
        rest = whose.start(2)  # "Police Scotland's Organised Crime and Counter Terrorism Unit": the owner, its unit
        return [(offset, offset + whose.end(1), whose.group(1)), (offset + rest, offset + len(run), whose.group(2))]
    owned = re.search(r"\s+and\s+(?=[A-Z][\w.]*['\u2019]s\s)", run)
    if owned:
        rest = owned.end()
        return _split_joined(run[: owned.start()], offset) + _split_joined(run[rest:], offset + rest)
    two = re.fullmatch(r"(.+?)\s+and\s+(.+)", run)
    if two and _a_body(two.group(1)) and re.fullmatch(r"[A-Z][a-z]+(?:an|ese|ish)", two.group(2)):
        return _split_joined(two.group(1), offset)  # "the Sheriff's Office and Mexican authorities": an adjective
    if two and all(_a_body(half) for half in two.groups()):  # "Homeland Security Investigations and IRS Criminal
        rest = two.start(2)  # Investigation": two bodies, each named in full
        return [(offset, offset + len(two.group(1)), two.group(1)), (offset + rest, offset + len(run), two.group(2))]
    parts = re.split(r"(\s+(?:of\s+the|of|for|and)\s+)", run)
    if len(parts) == 1 or any(w.lower() in lex.ORG_WORDS for w in run.split()):
        return [(offset, offset + len(run), run)]
    result, cursor = [], offset
    for part in parts:
        if part.strip() and part.strip().lower() not in {"of", "of the", "for", "and"}:
            result.append((cursor, cursor + len(part), part))
        cursor += len(part)
    return result


def _a_unit(name: str) -> bool:
    """A body's name that holds "and": "Organised Crime and Counter Terrorism Unit" (its last word a body's)."""
    return len(name.split()) >= 3 and name.rsplit(maxsplit=1)[-1].lower() in lex.ORG_WORDS


def _a_body(name: str) -> bool:
    """A body's whole name: an acronym, or two words or more, one of them a body's word, no "of"/"for" inside."""
    found = name.split()
    if len(found) == 1 and re.fullmatch(r"[A-Z]{2,6}", name):
        return True  # "ABF" in "the ABF and NSW Police"
    return (
        len(found) >= 2
        and not {"of", "for", "and"} & set(found)
        and any(w.lower() in lex.ORG_WORDS or w.lower() + "s" in lex.ORG_WORDS for w in found)
    )


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
    r"(?P<list>(?:[\w\u2019'-]+(?:\s+[\w\u2019'-]+){0,3},\s+){1,}(?:[\w\u2019'-]+(?:\s+[\w\u2019'-]+){0,3},?\s+)?(?:and|or)\s+[\w\u2019'-]+(?:\s+[\w\u2019'-]+){0,3}?)(?=[.;:,)]|\s+(?:to|that|which|who|in|on|at|from|for|with|were|was|are|is|as)\b|$)"
)


def find_statement(text: str, start: int, end: int, masked: Iterable[Span] = ()) -> tuple[int, int, Statement] | None:
    """A sentence's claim about who did what, or its list of things.

    In order: named bodies and an action ("HSI led …"), a list of three or
    more things, or else any plain declarative sentence of fact — not advice,
    not a question, not a conditional — checked by what it says.
    """
    sentence = text[start:end]
    if _not_an_assertion(sentence) or sentence.rstrip().endswith("?"):
        return None  # advice, a question, a conditional: nothing a source could state
    entities = [(s, e, n) for s, e, n in find_entities(text, start, end) if not overlaps((s, e), masked)]
    action = _action(sentence, start)
    qualifiers = tuple(q for q in lex.LIMITERS if re.search(rf"\b{q}\b", sentence, re.I))
    if re.search(r"\ballege[sd]?\b|\ballegations?\b", sentence, re.I) and "allegedly" not in qualifiers:
        qualifiers += ("allegedly",)  # "Police allege the men were linked …" keeps the release's "allegedly"
    names = tuple(dict.fromkeys(n for _, _, n in entities))
    listed = _ENUMERATION.search(text, start, end)
    things = _list_items(listed.group("list")) if listed else []
    if (
        len(things) < 3
        or _clauses(things)
        or not things[0].split()[-1].islower()
        or any(not item.islower() or re.search(r"\b(?:also|\w+ed)\b", item) for item in things[1:-1])
    ):
        things = []  # a list of things, not of names ("cash, luxury watches, designer handbags and a Range Rover")
    if action and entities and not things:
        spans = [(s, e) for s, e, _ in entities] + [action[:2]]
        s = min(x for x, _ in spans)
        e = max(y for _, y in spans)
        return s, e, Statement(entities=names, action=action[2], qualifiers=qualifiers)
    if listed:
        items = _list_items(listed.group("list"))
        if len(items) >= 3 and not _clauses(items):
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


# Advice, conditionals, predictions and the reporter's own doings: modal verbs (lower case: "Cape May County"
# is a place), a request at the start of a sentence ("Call 1-866 …", "Contact your local police" — "used
# platforms to contact minors" is a fact), a call seeking comment.
# A modal makes a sentence advice or conjecture — unless it sits in a clause about someone or something
# ("owners who could not travel", "agreed which company would win").
_TO_THE_READER = re.compile(r"^\W*(?:[Ii]f you|[Ii]f your)\b")
_MODAL = re.compile(r"\b(?:should|could|can|may|might|must|would)\b")
_RELATIVE = frozenset({"who", "which", "that", "whether", "whom", "whose"})
# A clause of time or cause ending just before a modal: "When Brightseat could not get the tickets, …".
_SUBORDINATE = re.compile(
    r"\b(?:when|because|after|since|although|though|once|while|until|as)\s+(?:\S+\s+){0,3}$", re.IGNORECASE
)
_REPORTED = re.compile(r"\b(?:said|says|warned|argued|added|told)\b")
_NOT_ASSERTIONS = re.compile(
    r"^\W*Anyone who\b"  # "Anyone who has information …"; "a serious view of anyone who …" is a fact
    r"|\b(?:[Ii]f you|[Aa]nyone with information|(?:is|are) asked to (?:call|contact)|[Pp]lease"
    r"|expects?|predicts?)\b"
    r"|^\W*If\b[^,]*,\s*(?:call|contact|visit|report|phone|dial)\b"  # "If a child is in danger, call Triple Zero"
    r"|^\W*(?:[Cc]all|[Vv]isit|[Cc]ontact|[Rr]eport it|[Cc]an|[Mm]ay|[Cc]ould|[Ss]hould|[Ww]ould|[Mm]ust"
    r"|Think of|Keep your|Write to|Check your|Make sure|Remember|Never|Don't|Do not|Update your|Talk to"
    r"|Watch out|Beware|Be wary|Be careful|Look out)\b"
    r"|^\W*(?:How|Why|What|Where|When|Who)\b(?![^,]*,)"  # a heading that asks: "How the problem was found"
    r"|\b(?:seeking|for|to requests? for) comment\b"  # the reporter's own calls: nothing a release states
)


def _not_an_assertion(sentence: str) -> bool:
    """Advice, a request, conjecture: a modal in the main clause, or a request's words."""
    if _NOT_ASSERTIONS.search(sentence):
        return True
    for m in _MODAL.finditer(sentence):
        before = [
            w for w in re.findall(r"[A-Za-z']+", sentence[max(0, m.start() - 40) : m.start()])[-3:] if w.islower()
        ]
        reported = _REPORTED.search(sentence, 0, m.start())  # "… but said bins alone would not stop …"
        # "When Brightseat could not get the tickets, it offered …": a modal in a clause of time or cause
        subordinate = _SUBORDINATE.search(sentence, 0, m.start())
        if not {w.lower() for w in before} & _RELATIVE and not reported and not subordinate:
            return True
    return False


def _is_assertion(sentence: str) -> bool:
    """A declarative sentence of fact: long enough (five words, or four naming someone), not advice, a question or
    a conditional."""
    if sentence.rstrip().endswith("?") or _not_an_assertion(sentence):
        return False
    count = len(re.findall(r"[A-Za-z]{2,}", sentence))
    names_someone = re.search(r"\s[A-Z]", sentence.strip()) is not None  # "Shawn Carlson is American"
    return count >= 5 or (count == 4 and names_someone)


_AUXILIARIES = frozenset("will would was were is are has have had can could may might must shall should".split())
_PREPOSITIONS = frozenset("near in at on by from into after before during outside inside across against".split())


def _clauses(items: list[str]) -> bool:
    """ "… lab near Tweed, lay drug and gun charges": commas between clauses, not a list — the first "item"
    ends in a place phrase ("near Tweed") that no other item has, or an item is a verb phrase or says who said it."""
    placed = [bool(_PREPOSITIONS & set(item.lower().split())) for item in items]
    # "the reporting service, will be replaced, and …": an item that starts with a verb's auxiliary
    return (
        (placed[0] and not any(placed[1:]))
        or any(item.split()[0].lower() in _AUXILIARIES for item in items)
        or any(_REPORTED.search(item) for item in items)  # "…, the agency said, and anyone who asks …"
    )


def _list_items(listed: str) -> list[str]:
    pieces = [p.strip() for p in re.split(r",\s*|\s+(?:and|or)\s+", listed) if p.strip()]
    if pieces and len(last := pieces[-1].split()) >= 3 and re.fullmatch(r"[a-z]+ed", last[-1]):
        pieces[-1] = " ".join(last[:-1])  # "… and file hashes tied to …": the participle is not the item
    # The first piece carries the words that lead into the list ("traces on online forums").
    if pieces:
        lead = re.split(r"\s+(?:on|in|at|by|with|through|via|from|including|like|such as|as|used|using)\s+", pieces[0])
        longest = max((len(p.split()) for p in pieces[1:]), default=1)
        pieces[0] = " ".join(lead[-1].split()[-longest:])
    return [re.sub(r"^(?:and|or)\s+", "", p) for p in pieces]
