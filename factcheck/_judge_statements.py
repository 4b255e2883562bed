"""Private: statements, lists and plain sentences of fact against the sources (part of stage 4)."""

from __future__ import annotations

import re

import attrs

from factcheck import _lexicon as lex
from factcheck._outcomes import (
    _describe,
    _evidence,
    _quoted,
    _unsourced,
    _verdict,
)
from factcheck._text import lemma, words
from factcheck.evidence import Index, Passage, mentions
from factcheck.records import Claim, Difference, Statement, Verdict

_GENERIC = frozenset({"online", "assorted", "various", "other", "several", "different", "many", "some", "the"})


def _item_found(item: str, passage: Passage) -> bool:
    """An item is named when its distinctive first word is, and half its words ("chat services" ~ "chat rooms")."""
    content = [lemma(w) for w in words(item) if w not in _GENERIC]
    hits = [w for w in content if _has_lemma(w, passage)]
    return bool(content) and content[0] in hits and len(hits) * 2 >= len(content)


def _has_lemma(word: str, passage: Passage) -> bool:
    return word in passage.lemma_set or (len(word) >= 3 and any(w.startswith(word) for w in passage.lemma_set))


def _action_in(action: str, passage: Passage) -> bool:
    """Whether the passage says the action was taken — not "if convicted", which says it may be."""
    return any(
        re.search(rf"(?<!\bif )(?<!\bunless )(?<!\bonce )\b{form}\b", passage.normalized)
        for form in lex.ACTIONS[action]
    )


def _judge_statement(claim: Claim, s: Statement, index: Index) -> Verdict:
    if s.items:
        return _judge_list(claim, s, index)
    if not s.action:
        return _judge_roll(claim, s, index) if len(s.entities) >= _ROLL else _judge_assertion(claim, s, index)
    forms = {name: index.canonical(name) for name in s.entities}
    by_source: dict[str, list[Passage]] = {}
    for passage in index.candidates(claim):
        by_source.setdefault(passage.source.id, []).append(passage)
    covers = [_cover(passages, forms, s.action, claim, index) for passages in by_source.values()]
    best = max(covers, key=lambda c: (c.primary, len(c.named) + c.acted, c.similarity), default=None)
    names = ", ".join(s.entities)
    found = best is not None and bool(best.passages) and len(best.named) * 2 >= len(forms)
    if best is None or not found or not best.acted:
        if len(s.entities) >= _ROLL:
            return _judge_roll(claim, s, index)  # the release may list them one a line, apart from the action
        if found:
            return _judge_assertion(claim, s, index)  # the bodies are there, in other words: judge what it says
        return _unsourced(claim, index, f"no source says that {names} {s.action}", "no-source-passage")
    chosen, covered = best.passages, best.named
    if unbacked := _record_words(claim.text, chosen):
        return _unsourced(claim, index, f"no source says {_quoted(unbacked)}", "no-source-passage")
    differences = [
        Difference("entity", name, None)
        for name in s.entities
        if name not in covered and not _same_body(name, covered, index)
    ]
    # Limiting words count where the claim's action is said, not in a passage chosen only for a name in it.
    differences += _limiters(s, [p for p in chosen if s.action and _action_in(s.action, p)] or chosen[:1])
    evidence = tuple(_evidence(p, index.similarity(claim.sentence, p)) for p in chosen)
    strength = len(covered) / max(1, len(forms))

    def explain(diffs: list[Difference]) -> tuple[str, str]:
        return f"{diffs[0].field}-changed" if diffs[0].field != "qualifier" else "qualifier-dropped", (
            "source " + "; ".join(_describe_statement(d) for d in diffs)
        )

    said = f' and says "{_action_form(s.action, chosen)}"' if s.action else ""
    return _verdict(claim, evidence, differences, strength, explain, f"source names {names}{said}")


# Words that make a sentence a record claim: the release must make it too.
_RECORD_CLAIMS = frozenset("largest biggest greatest highest lowest smallest unprecedented record".split())


def _record_words(text: str, passages: list[Passage]) -> str | None:
    """ "the largest seizure of privately made firearms in British Columbia": a superlative no passage makes."""
    said = [w for w in words(text) if w in _RECORD_CLAIMS]
    made = {w for p in passages for w in words(p.text)}
    return next((w for w in said if w not in made), None)


def _action_form(action: str, passages: list[Passage]) -> str:
    for p in passages:
        for form in lex.ACTIONS[action]:
            if re.search(rf"\b{form}\b", p.normalized):
                return form
    return action


@attrs.frozen
class _Cover:
    passages: list[Passage]
    named: set[str]
    acted: bool
    similarity: float
    primary: bool


def _cover(
    passages: list[Passage], forms: dict[str, set[str]], action: str | None, claim: Claim, index: Index
) -> _Cover:
    """Up to three passages of one source that together name the most of the claim's bodies."""
    chosen: list[Passage] = []
    named: set[str] = set()
    acted = False
    for _ in range(3):
        gains = []
        for p in passages:
            new = {n for n, f in forms.items() if n not in named and _named(p, n, f)}
            act = bool(action and not acted and _action_in(action, p))
            gains.append((len(new) + act, index.similarity(claim.sentence, p), p, new, act))
        if not gains:
            break
        gain, _, passage, new, act = max(gains, key=lambda g: (g[0], g[1]))
        if gain == 0:
            break
        chosen.append(passage)
        named |= new
        acted = acted or act
    similarity = max((index.similarity(claim.sentence, p) for p in chosen), default=0.0)
    return _Cover(chosen, named, acted, similarity, any(index.is_primary(p) for p in chosen))


def _named(passage: Passage, name: str, forms: set[str]) -> bool:
    """Whether the passage names the body or person: a spelling of it, or a person's surname alone ("Kaling"
    for "Mindy Kaling") — but not the surname of someone else ("Pablo Hernandez" for "Pedro Hernandez"). The
    release's publisher, and the place it is datelined, are named by every passage of it ("…, CBP says",
    "THE HAGUE –")."""
    if mentions(passage, forms) or _in_words(name, passage):
        return True
    if _publishes(name, forms, passage) or _in_dateline(name, passage) or _the_company(name, forms, passage):
        return True
    parts = name.split()
    while len(parts) > 2 and parts[0].lower().strip(".") in lex.TITLE_WORDS | _HONORIFICS:
        parts = parts[1:]  # "Minister Tessa Whitcombe" is named as "Minister of Police Hon Tessa Whitcombe"
    if not (
        2 <= len(parts) <= 3
        and all(p[:1].isupper() for p in parts)
        and not {p.lower() for p in parts} & _NOT_PEOPLE
        and len(parts[-1]) > 3
    ):
        return False
    before = [m.group(1) for m in re.finditer(rf"(\S+)\s+{re.escape(parts[-1])}\b", passage.text)]
    alone = re.search(rf"(?:^|[^\w\s]\s*){re.escape(parts[-1])}\b", passage.text)
    others = [
        w
        for w in before
        if (w[:1].isupper() or w[:1].isdigit())
        and w[-1] not in ",;:"  # "Leiria, Patrício played": a comma parts the words from the name
        and w.lower().strip(".") not in _HONORIFICS
    ]
    return (bool(before) or bool(alone)) and all(w == parts[0] for w in others)


_THE_COMPANY = re.compile(r"\b[Tt]he (?:accused |said |same )?(?:company|firm)\b")


def _the_company(name: str, forms: set[str], passage: Passage) -> bool:
    """ "The accused company is engaged in …": a release names a company once, then calls it "the company"."""
    if not _THE_COMPANY.search(passage.text) or {w.lower() for w in name.split()} & lex.ORG_WORDS:
        return False
    text = passage.source.text
    return any(re.search(rf"(?<![\w.]){re.escape(f)}(?!\w)", text, re.IGNORECASE) for f in forms | {name} if f)


def _publishes(name: str, forms: set[str], passage: Passage) -> bool:
    publisher = (passage.source.publisher or "").lower()
    if not publisher:
        return False
    initials = "".join(w[0] for w in re.findall(r"[a-z]+", publisher) if w not in {"of", "and", "the", "for", "u", "s"})
    return name.lower() in {publisher, initials} or bool(forms & {publisher, initials})


def _in_words(name: str, passage: Passage) -> bool:
    """The name's words in a row, punctuation and a possessive aside: "the State Comptroller's Medicaid Fraud
    Division" is "the State Comptroller, Medicaid Fraud Division"."""
    said = [w.removesuffix("'s") for w in words(name)]
    if len(said) > 3 and words(name)[0].endswith("'s"):
        said = said[1:]  # "Germany's Federal Criminal Police Office" is "the German Federal Criminal Police Office"
    if len(said) < 3:
        return False
    # a middle initial the story leaves out is no other name: "Daniel Osei" is "Daniel K. Osei"
    real = [w.removesuffix("'s") for w in words(re.sub(r"(?<=[a-z])\s+[A-Z]\.(?=\s+[A-Z])", "", passage.text))]
    return any(real[i : i + len(said)] == said for i in range(len(real) - len(said) + 1))


_HONORIFICS = frozenset({"mr", "mrs", "ms", "dr", "sir", "dame", "agent", "officer", "judge", "detective"})
# Words that make a capitalised name a place, a body or a thing rather than a person.
_NOT_PEOPLE = lex.ORG_WORDS | frozenset(
    """county city state province street road river island lake mount mountain park university college
    school hospital company group party records festival award awards cup league club team church bank
    operation project airport station""".split()
)


def _same_body(name: str, covered: set[str], index: Index) -> bool:
    forms = index.canonical(name)
    return any(forms & index.canonical(other) for other in covered)


def _limiters(s: Statement, passages: list[Passage]) -> list[Difference]:
    found = []
    for limiter in lex.LIMITERS:
        if limiter in s.qualifiers:
            continue
        if any(re.search(rf"\b{limiter}\b", p.normalized) for p in passages):
            found.append(Difference("qualifier", None, limiter))
    return found


def _describe_statement(d: Difference) -> str:
    if d.field == "negation":
        return f"says it the other way ({_quoted(d.source)} against the article's {_quoted(d.article)})"
    if d.field == "wording":
        return f'says "{d.source}" where the article says "{d.article}"'
    if d.field == "value":
        return f"gives {d.source}, not {d.article}"
    if d.field == "qualifier":
        return f'limits it with "{d.source}", which the article drops'
    if d.field in {"entity", "item"}:
        return f'does not name "{d.article}"'
    return _describe(d)


_ROLL = 4  # bodies or people named in one sentence that make it a roll call, checked against a whole release


def _judge_roll(claim: Claim, s: Statement, index: Index) -> Verdict:
    """ "Participating forces included the Toronto Police Service, the Ottawa Police Service, …": a roll of
    names, which a release gives as a list of its own (one name a line), is checked against the whole release."""
    forms = {name: index.canonical(name) for name in s.entities}
    found_in = dict.fromkeys(p.source.id for p in index.candidates(claim))  # the index finds the releases
    best: tuple[bool, int, list[Passage], set[str]] | None = None
    for passages in map(index.of_source, found_in):
        naming = {n: next((p for p in passages if _named(p, n, f)), None) for n, f in forms.items()}
        named = {n for n, p in naming.items() if p is not None}
        cited = list(dict.fromkeys(p for p in naming.values() if p is not None))
        found = (index.is_primary(passages[0]), len(named), cited, named)
        if best is None or found[:2] > best[:2]:
            best = found
    if best is None or best[1] * 2 < len(forms):
        return _unsourced(claim, index, f"no source names {', '.join(s.entities)}", "no-source-passage")
    _, count, cited, named = best
    differences = [Difference("entity", n, None) for n in s.entities if n not in named]
    # limiting words where the roll is said, not in a passage cited only for one name of it
    differences += _limiters(s, [max(cited, key=lambda p: index.similarity(claim.sentence, p))])
    evidence = tuple(_evidence(p, index.similarity(claim.sentence, p)) for p in cited[:5])

    def explain(diffs: list[Difference]) -> tuple[str, str]:
        reason = "entity-changed" if diffs[0].field == "entity" else "qualifier-dropped"
        return reason, "source " + "; ".join(_describe_statement(d) for d in diffs)

    return _verdict(claim, evidence, differences, count / len(forms), explain, f"source names all {count}")


def _judge_assertion(claim: Claim, s: Statement, index: Index) -> Verdict:
    """A plain sentence of fact: a passage must carry most of its words and every body it names."""
    content = {lemma(w) for w in words(claim.text) if w not in lex.FILLER and not w.isdigit()}
    if not content:
        return _unsourced(claim, index, "the sentence says nothing a source could state", "no-source-passage")
    forms = {name: index.canonical(name) for name in s.entities}
    ranked = []
    for passage in index.candidates(claim):
        coverage = len(content & passage.lemma_set) / len(content)
        named = {n for n, f in forms.items() if _named(passage, n, f)}
        ranked.append((coverage, index.is_primary(passage), index.similarity(claim.text, passage), passage, named))
    if not ranked:
        return _unsourced(claim, index, "no source says this", "no-source-passage")
    coverage, _, similarity, passage, named = max(ranked, key=lambda r: (r[0] + 0.1 * r[1], r[2]))
    if forms and not named and coverage >= 0.75:
        # "In Ontario, investigators found …": the passage says it all but the place, which the release is about
        named = {n for n, f in forms.items() if any(_named(p, n, f) for p in index.of_source(passage.source.id))}
    swapped = {n: sub for n in s.entities if n not in named and (sub := _in_its_place(claim.text, n, passage))}
    # "Action Fraud … will be replaced, and SIM farms … will be banned": a sentence of two clauses, the other
    # in another passage of the same release, which names the body with words of the sentence this one lacks
    also = _the_rest(content, passage, forms, set(named) | set(swapped), index)
    named = set(named) | {n for n, f in forms.items() if any(_named(p, n, f) for p in also)}
    if swapped:  # what is said around the names must be there: "is the brother of …"
        plain = content - {lemma(w) for n in s.entities for w in words(n)}
        coverage = max(coverage, len(plain & passage.lemma_set) / len(plain) if plain else 0.0)
    if coverage < 0.5 or (forms and not named and not swapped):
        return _unsourced(claim, index, "no source says this", "no-source-passage")
    if unbacked := _record_words(claim.text, [passage]):
        return _unsourced(claim, index, f"no source says {_quoted(unbacked)}", "no-source-passage")
    differences = [Difference("entity", n, swapped.get(n)) for n in s.entities if n not in named]
    differences += _limiters(s, [passage])
    differences += _contradictions(claim.text, passage)
    missing = sorted(content - passage.lemma_set - {w for p in also for w in p.lemma_set})

    def explain(diffs: list[Difference]) -> tuple[str, str]:
        reason = {"entity": "entity-changed", "qualifier": "qualifier-dropped", "value": "number-changed"}
        return reason.get(diffs[0].field, "meaning-changed"), (
            "source " + "; ".join(_describe_statement(d) for d in diffs)
        )

    said = f"source says much the same ({coverage:.0%} of its words"
    said += f"; not: {', '.join(missing[:5])})" if missing else ")"
    evidence = (_evidence(passage, similarity), *(_evidence(p, index.similarity(claim.text, p)) for p in also))
    return _verdict(claim, evidence, differences, coverage, explain, said)


def _in_dateline(name: str, passage: Passage) -> bool:
    """ "THE HAGUE – …": the place a release is datelined is where it all happened, for every passage of it."""
    dateline = (passage.source.dateline or "").upper()
    return re.search(rf"\b{re.escape(name.upper())}\b", dateline) is not None


def _the_rest(
    content: set[str], passage: Passage, forms: dict[str, set[str]], named: set[str], index: Index
) -> list[Passage]:
    """Passages of the same release that name a body ``passage`` does not, with two or more of the sentence's
    words that ``passage`` lacks."""
    lacking = content - passage.lemma_set
    found = []
    for name, f in forms.items():
        if name in named:
            continue
        name_words = {lemma(w) for w in words(name)}
        for other in index.of_source(passage.source.id):
            if other is not passage and len((lacking - name_words) & other.lemma_set) >= 2 and _named(other, name, f):
                found.append(other)
                break
    return found


def _in_its_place(text: str, name: str, passage: Passage) -> str | None:
    """The name the source gives where the article gives ``name``: "the brother of Brandy Norwood" against
    "the brother of recording artist Colleen Nolan", "led by HSI" against "led by the FBI"."""
    m = re.search(rf"(\w+)\s+(\w+)\s+(?:the\s+)?{re.escape(name)}", text)
    if not m:
        return None
    before = [m.group(1), m.group(2)] if m.group(2).lower() in lex.FILLER else [m.group(2)]
    if all(w.lower() in lex.FILLER for w in before):
        return None  # "in the", "of a": no place of its own to find again
    lead = r"\s+".join(re.escape(w) for w in before)
    found = re.search(rf"\b{lead}\s+(?:[a-z]+\s+){{0,4}}?([A-Z][\w'.-]*(?:\s+[A-Z][\w'.-]*)*)", passage.text)
    other = found.group(1).rstrip(".") if found else ""
    if not other or other == name or other.split()[-1] == name.rsplit(maxsplit=1)[-1]:
        return None
    return other


_SINCE = re.compile(r"\bsince\s+(?:[A-Z][a-z]+\.?\s+)?((?:19|20)\d\d)\b")
# "at approximately 3:15 p.m.", "451 Dowd Avenue": a time or an address, no figure
_TIMES = re.compile(
    r"\b\d{1,2}:\d{2}\b|\b\d+\s+[A-Z][a-z]+\s+(?:Street|St\.|Avenue|Ave\.|Road|Rd\.|Boulevard|Drive|Lane|Way)\b"
)


def _contradictions(text: str, passage: Passage) -> list[Difference]:
    """What a near-identical sentence says the other way: a negation, an opposite word, another number."""
    said = words(text.replace("n't", " n't"))
    # a negation of words the story does not say ("…, which has not yet scheduled a hearing") is not its own
    real = words(passage.text.replace("n't", " n't"))
    found = []
    if _negations(said, real) % 2 != _negations(real, said) % 2:
        found.append(Difference("negation", _negation(said), _negation(real)))
    said_set, real_set = set(said), set(real)
    for a, b in lex.ANTONYMS:
        for x, y in ((a, b), (b, a)):
            if x in said_set and y in real_set and x not in real_set and y not in said_set:
                found.append(Difference("wording", x, y))
    said_ordinals, real_ordinals = said_set & _ORDINALS, real_set & _ORDINALS
    if said_ordinals and real_ordinals and not said_ordinals & real_ordinals:  # "fourth studio album" / "third"
        found.append(Difference("value", ", ".join(sorted(said_ordinals)), ", ".join(sorted(real_ordinals))))
    said_since, real_since = _SINCE.findall(text), _SINCE.findall(passage.text)
    if said_since and real_since and not set(said_since) & set(real_since):  # "since 2019" / "since August 2020"
        found.append(Difference("value", ", ".join(said_since), ", ".join(real_since)))
    said_numbers = {
        w for w in words(_TIMES.sub(" ", text)) if w.isdigit() and not (len(w) == 4 and 1800 <= int(w) <= 2100)
    }
    real_numbers = {w for w in real if w.isdigit()}
    if said_numbers and real_numbers and said_numbers - real_numbers:
        found.append(
            Difference("value", ", ".join(sorted(said_numbers - real_numbers)), ", ".join(sorted(real_numbers)))
        )
    return found


_ORDINALS = frozenset("second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth".split())


_NEGATED_AUX = frozenset("be been being have has had yet ever always also even only do does did".split())


def _negations(tokens: list[str], other: list[str]) -> int:
    """The negations of one side whose verb the other side also says: "software they did not need" negates
    "need", which a story that never mentions needing does not say the other way."""
    other_lemmas = {lemma(w) for w in other}
    count = 0
    for i, w in enumerate(tokens):
        if w not in lex.NEGATIONS:
            continue
        negated = [t for t in tokens[i + 1 : i + 4] if t not in _NEGATED_AUX]
        content = [t for t in negated if t not in lex.NP_STOP] or negated[:1]  # "did not take part in": not "in"
        count += not negated or any(lemma(t) in other_lemmas for t in content)  # "no postcrash fire": fire
    return count


def _negation(tokens: list[str]) -> str | None:
    return next((w for w in tokens if w in lex.NEGATIONS), None)


def _judge_list(claim: Claim, s: Statement, index: Index) -> Verdict:
    ranked = []
    for passage in index.candidates(claim):
        found = [item for item in s.items if _item_found(item, passage)]
        ranked.append(
            (len(found), index.is_primary(passage), index.similarity(claim.sentence, passage), passage, found)
        )
    if not ranked:
        return _unsourced(claim, index, "no source lists these", "no-source-passage")
    enough = [r for r in ranked if r[0] * 2 >= len(s.items)]
    count, _, similarity, passage, found = max(enough or ranked, key=lambda r: (r[1], r[0], r[2]))
    if count * 2 < len(s.items):
        return _unsourced(claim, index, "no source lists " + ", ".join(s.items), "no-source-passage")
    differences = [Difference("item", item, None) for item in s.items if item not in found]
    differences += _limiters(s, [passage])

    def explain(diffs: list[Difference]) -> tuple[str, str]:
        return "list-changed", "source " + "; ".join(_describe_statement(d) for d in diffs)

    return _verdict(
        claim, (_evidence(passage, similarity),), differences, count / len(s.items), explain,
        f"source lists the same {len(found)} things",
    )  # fmt: skip
