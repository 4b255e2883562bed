"""Private: quotations in text, in every mark style, with the speaker and title they are given.

Part of stage 1 (claims); the same finder reads sources, whose quotations the
article's are aligned with.
"""

from __future__ import annotations

import re

import attrs

from factcheck import _lexicon as lex
from factcheck._text import Span, paragraphs

__all__ = ["NAME_WORD", "UPPER", "QuoteSpan", "find_quotes"]


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


# Capital letters, accented ones included: "Álvaro Ferrándiz Peña", "Łukasz", "Şahin".
UPPER = "A-Z\u00c0-\u00d6\u00d8-\u00de" + "".join(chr(c) for c in range(0x100, 0x180) if chr(c).isupper())
NAME_WORD = rf"(?:[{UPPER}][\w'\u2019./-]*|[{UPPER}]\.|[a-z][{UPPER}][\w'\u2019.-]*)"  # "eSafety", "York/Newark"
_NAME_RUN = rf"{NAME_WORD}(?:\s+(?:of\s+|for\s+|de\s+|van\s+|in\s+(?=Charge))?{NAME_WORD})*"
# "… of the FBI's Denver Field Office": whom the speaker works for, not part of the name.
_ORG_TAIL = (
    rf"(?:\s+(?:of|at|with|from)\s+(?:the\s+)?(?:{_NAME_RUN}(?:['\u2019]s\s+{_NAME_RUN}(?:\s+\([A-Z]{{2,8}}\)\s+{_NAME_RUN})?)?"
    rf"|[a-z][\w'\u2019 -]{{2,80}}?(?=\s*[.;]|,\s)))"  # "… of the division's criminal enforcement program"
)
_SAID = r"(?:said|says|added|adds|stated|explained|noted|wrote|warned|described|told\s+[\w\s]{1,30}?)"
_AFTER_SAID_NAME = re.compile(
    rf"^\s*[,.!?]?\s*{_SAID}\s+(?P<who>{_NAME_RUN}(?:\s+and\s+{_NAME_RUN})?){_ORG_TAIL}?"
    rf"(?:\s+in\s+{NAME_WORD}(?:\s+{NAME_WORD})?)?"
    rf"(?:,\s+(?P<title>[^.,;\u201c\"]{{3,140}}?))?\s*[.,;]"  # "… said District Director Yolanda Reyes in Charlotte."
)
# "“…,” Coralink chief executive Dominic Harewell said": an employer and a title in lower case before the name
_AFTER_TITLED_NAME_SAID = re.compile(
    rf"^\s*[,.!?]?\s*(?P<title>{NAME_WORD}(?:\s+{NAME_WORD})?(?:\s+[a-z]+){{1,4}})\s+(?P<who>{_NAME_RUN})\s+{_SAID}\b"
)
_AFTER_NAME_SAID = re.compile(
    rf"^\s*[,.!?]?\s*(?P<who>{_NAME_RUN}|he|she|they)"
    rf"(?:,\s+(?P<title>[^.,;\u201c\"]{{3,140}}?),\s+{_SAID}\b|\s+{_SAID}\s*[.,;])"
)  # "…,” Ronan Acheson, director of the FTC's Bureau of Consumer Protection, said when …
# ", assistant director of the FBI's Cyber Division,": a title set off by commas after the name
# (or whom they work for, whose name may hold commas: ", of the CPS Serious Economic, Organised Crime …,")
_APPOSITIVE = (
    r"(?:,\s+(?P<title>(?:of|from|at|with)\s+[^.;\u201c\"]{3,140}?"
    r"|[^.,;\u201c\"]{3,140}?(?:,\s+[A-Z][^.,;\u201c\"]{2,80}?)?),)?"  # "Assistant Director, HMRC's Fraud …"
)
_BEFORE = re.compile(
    rf"(?P<who>{_NAME_RUN}|He|She|They){_APPOSITIVE}\s+{_SAID}"
    rf"(?:\s+(?:in\s+a\s+statement|in\s+an\s+interview|on\s+\w+|at\s+[\w\s]{{1,30}}))?\s*[:,]\s*$"
)
_SAID_THAT = re.compile(
    rf"(?:^|[.!?]\s+|\s)(?P<who>{_NAME_RUN}|He|She|They){_APPOSITIVE}\s+{_SAID}(?:\s+that)?\s[^\u201c\u201d\".!?]{{0,60}}$"
)
_PRONOUNS = {"he", "she", "they"}
_HONORIFIC_NAME = re.compile(
    rf"(?:Mr|Ms|Mrs|Miss|Madam|Dr|(?:Lieutenant |Major |Brigadier )?(?:General|Brigadier|Colonel|Captain|Major"
    rf"|Lieutenant|Sergeant|Inspector|Superintendent|Commissioner))\.?\s+({_NAME_RUN})"
)
_TITLE_BEFORE = re.compile(r"(?:^|[,;:]\s*|\bthe\s+)([A-Z][^,;:\u201c\"]*)$")


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
    titled = _AFTER_TITLED_NAME_SAID.match(after)
    if titled and not _is_title(titled.group("title")):
        titled = None
    if (m := _AFTER_SAID_NAME.match(after)) or (m := titled) or (m := _AFTER_NAME_SAID.match(after)):
        who, title = m.group("who"), m.group("title")
        if " and " in who and not _is_title(who):
            who = who.split(" and ")[0]  # "said John Smith and …": the first; "Wage and Hour Division Director …" whole
        attribution = (end, end + m.end())
        spans = [m.span("who")] + ([m.span("title")] if title else [])  # the title may come before the name
        who_span = (end + min(a for a, _ in spans), end + max(b for _, b in spans))
    elif (m := _BEFORE.search(before)) or (n_words > 2 and (m := _SAID_THAT.search(before))):
        # "Whitlock said:" before the quote; or "Whitlock said the case “shows what …”"
        who, title = m.group("who"), m.group("title")
        attribution = (before_start + m.start(), before_start + m.end())
        who_span = (before_start + m.start("who"), before_start + (m.end("title") if title else m.end("who")))
        attribution_before = True
        if title and (named_after := _HONORIFIC_NAME.fullmatch(title.strip())):
            # "the Assistant Commissioner (Boundary and Ports) of Customs, Mr Leung Chi-wah, said": the title
            # comes first, the name after an honorific, as Hong Kong and Singapore releases write it
            lead = _TITLE_BEFORE.search(before, 0, m.start("who"))
            first = lead.start(1) if lead else m.start("who")
            title, who = before[first : m.end("who")], named_after.group(1)
            who_span = (before_start + first, before_start + m.end("title"))
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
    """ "HSI Executive Associate Director Katrina W. Berger" → (name, title).

    After the title's last rank word come, in some order, the rest of the title ("of Field Operations"), the
    name, and whom the person works for ("of DEA's Office of …").
    """
    words = run.split()
    last_title = max((i for i, w in enumerate(words) if _is_rank(w)), default=-1)
    rank, rest = words[: last_title + 1], words[last_title + 1 :]
    joins = [i for i, w in enumerate(rest) if w in {"of", "for"}]
    if joins and joins[0] >= 2:  # "Administrator Lillian Okoro of DEA's Office of …": the name, then whose she is
        return " ".join(rest[: joins[0]]), " ".join(rank + rest[joins[0] :]) or None
    if not joins:
        return " ".join(rest) or None, " ".join(rank) or None
    # "Director of Field Operations Nathaniel Orozco [of CBP's Tucson Field Office]": the title's own "of …",
    # then the name — its last two words, three with an initial — then, maybe, whose he is
    end = joins[1] if len(joins) >= 2 and joins[1] >= 4 else len(rest)
    segment = rest[joins[0] + 1 : end]
    k = 3 if len(segment) >= 4 and re.fullmatch(r"[A-Z]\.", segment[-2]) else 2
    k = min(k, max(1, len(segment) - 1))
    name = segment[-k:]
    title = rank + rest[: joins[0] + 1] + segment[:-k] + rest[end:]
    return " ".join(name) or None, " ".join(title) or None


def _is_title(text: str) -> bool:
    return any(_is_rank(w) for w in text.split())


def _is_rank(word: str) -> bool:
    """ "Director", "Supt.", "Exec.": a word of a title."""
    w = word.lower().strip(".,")
    if "-" in w and not w.startswith("-"):  # "Investigator-in-Charge"
        return any(part in lex.TITLE_WORDS for part in w.split("-"))
    return w in lex.TITLE_WORDS or w in lex.TITLE_ABBREVIATIONS
