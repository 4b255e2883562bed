"""``nox -s bench``: matching speed against 10, 100 and 1,000 synthetic releases, and a naive baseline.

One ~1,500-word article is checked against releases of ~50 sentences each.
Timed in the same process: building the index (once per set of sources, as
an archive would keep it), matching every claim through it, and the naive
baseline that scores every claim's sentence against every passage with
rapidfuzz. Prints the times and their ratios. Run: ``python -m tests.bench``.
"""

from __future__ import annotations

import random
import sys
import time
from datetime import date

import attrs
from rapidfuzz import fuzz, process

from factcheck import Article, Source
from factcheck.claims import extract_claims
from factcheck.evidence import build_index
from factcheck.verdicts import judge

SIZES = (10, 100, 1000)
AGENCIES = ["the FBI", "Europol", "the RCMP", "HSI", "the Marshals Service", "the NCA", "the OPP", "Interpol"]
PLACES = ["Ohio", "Texas", "Ontario", "Quebec", "Spain", "Germany", "Florida", "Manitoba", "Wales", "Bavaria"]
NOUNS = ["suspects", "victims", "firearms", "devices", "vehicles", "warrants", "leads", "accounts", "parcels"]
VERBS = ["seized", "identified", "arrested", "located", "charged", "searched", "recovered", "examined"]
MONTHS = ["Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."]


def _words(rng: random.Random, n: int) -> str:
    syllables = ["ka", "lo", "mer", "tin", "sa", "vel", "dor", "ri", "pan", "tu", "es", "gor"]
    return " ".join("".join(rng.choice(syllables) for _ in range(rng.randint(2, 3))) for _ in range(n))


def _sentence(rng: random.Random) -> str:
    shape = rng.randrange(5)
    agency, place, noun, verb = rng.choice(AGENCIES), rng.choice(PLACES), rng.choice(NOUNS), rng.choice(VERBS)
    when = f"{rng.choice(MONTHS)} {rng.randint(1, 28)}"
    if shape == 0:
        return f"{agency.capitalize()} {verb} {rng.randint(2, 900)} {noun} in {place} on {when}."
    if shape == 1:
        return f"The {_words(rng, 1)} operation began on {when} and {verb} more than {rng.randint(10, 500)} {noun}."
    if shape == 2:
        return f"“{_words(rng, 6).capitalize()} {noun} {_words(rng, 4)},” said Director {_words(rng, 1).title()}."
    if shape == 3:
        return f"Officers from {agency}, {rng.choice(PLACES)} and {place} {verb} {_words(rng, 3)} {noun}."
    return f"{_words(rng, 8).capitalize()} in {place}, {_words(rng, 5)}."


def release(rng: random.Random, n: int) -> Source:
    body = "\n\n".join(" ".join(_sentence(rng) for _ in range(5)) for _ in range(10))
    return Source.from_text(f"Release {n}\n\nRelease Date: March {1 + n % 27}, 2024\n\n{body}\n", url=f"bench:{n}")


def article(rng: random.Random, truth: Source) -> Article:
    sentences = [s.strip() + "." for s in truth.text.split(".") if len(s.split()) > 4][:40]
    rng.shuffle(sentences)
    extra = [_sentence(rng) for _ in range(40)]
    paragraphs = [" ".join((sentences + extra)[i : i + 4]) for i in range(0, 80, 4)]
    return Article.from_text("Benchmark story\n\n" + "\n\n".join(paragraphs) + "\n", published=date(2024, 3, 30))


def run(size: int) -> dict[str, float]:
    rng = random.Random(size)
    sources = [attrs.evolve(release(rng, n), id=f"s{n + 1}") for n in range(size)]
    story = article(rng, sources[0])
    claims = extract_claims(story, reference=story.published)
    started = time.perf_counter()
    index = build_index(story, sources, claims)
    built = time.perf_counter()
    for claim in claims:
        judge(claim, index)
    matched = time.perf_counter()
    passages = [p.normalized for p in index.passages]
    queries = list(dict.fromkeys(c.sentence.lower() for c in claims))
    naive_start = time.perf_counter()
    for query in queries:  # every claim against every passage
        process.extract(query, passages, scorer=fuzz.token_set_ratio, processor=None, limit=5)
    naive = time.perf_counter() - naive_start
    return {
        "releases": size,
        "passages": len(index.passages),
        "claims": len(claims),
        "index": built - started,
        "match": matched - built,
        "naive": naive,
    }


def main() -> int:
    rows = [run(size) for size in SIZES]
    header = (("releases", 8), ("passages", 9), ("claims", 7), ("index s", 8), ("match s", 8), ("naive s", 8))
    print(" ".join(f"{name:>{width}}" for name, width in header) + f" {'match/naive':>12}")
    for r in rows:
        print(
            f"{r['releases']:>8} {r['passages']:>9} {r['claims']:>7} {r['index']:>8.3f} {r['match']:>8.3f}"
            f" {r['naive']:>8.3f} {r['match'] / max(r['naive'], 1e-9):>12.2f}"
        )
    growth = rows[-1]["match"] / max(rows[-2]["match"], 1e-9)
    naive_growth = rows[-1]["naive"] / max(rows[-2]["naive"], 1e-9)
    print(f"matching grows {growth:.1f}x from 100 to 1,000 releases (naive baseline: {naive_growth:.1f}x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
