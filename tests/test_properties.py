"""Property tests: extraction never raises on any text, and every span slices back to its claim."""

from __future__ import annotations

from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck import Article
from factcheck._text import sentences
from factcheck.claims import extract_claims, find_quotes
from factcheck.errors import FactcheckError

# Text that looks like news often enough to reach the interesting branches.
NEWSY = st.lists(
    st.one_of(
        st.sampled_from(
            [
                "311",
                "more than",
                "at least",
                "1,200",
                "$4.2 billion",
                "40%",
                "three-week",
                "several",
                "July 17",
                "Feb. 17\u201328",
                "last week",
                "\u201c",
                "\u201d",
                '"',
                "'",
                "\u2018",
                "\u2019",
                "said",
                "Katrina W. Berger,",
                "HSI",
                "U.S.",
                "led by",
                "arrested",
                "and",
                "of",
                ",",
                ".",
                "\n\n",
                "probable",
                "victims",
                "between",
                "a third of",
                "\u00a345m",
                "\u00ab",
                "\u00bb",
                "\u2026",
            ]
        ),
        st.text(min_size=1, max_size=12),
    ),
    max_size=60,
).map(" ".join)

SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(st.one_of(st.text(), NEWSY))
def test_extraction_never_raises_and_spans_slice_back(text: str) -> None:
    try:
        article = Article.from_text(text, published=date(2024, 3, 6))
    except FactcheckError:
        return  # blank text is refused with an error, which is right
    claims = extract_claims(article)
    assert [c.id for c in claims] == [f"c{n}" for n in range(1, len(claims) + 1)]
    for claim in claims:
        assert 0 <= claim.start < claim.end <= len(article.text)
        assert article.text[claim.start : claim.end] == claim.text
        line, column = article.position(claim.start)
        assert line >= 1
        assert column >= 1
    assert len({(c.kind, c.start, c.end) for c in claims}) == len(claims)  # nothing emitted twice


@SETTINGS
@given(st.one_of(st.text(), NEWSY))
def test_sentences_stay_inside_the_text(text: str) -> None:
    last = 0
    for start, end in sentences(text):
        assert last <= start < end <= len(text)
        assert text[start:end].strip() == text[start:end]
        last = end


@SETTINGS
@given(NEWSY)
def test_quotes_are_well_formed(text: str) -> None:
    for quote in find_quotes(text):
        assert quote.start < quote.end <= len(text)
        assert quote.start < quote.inner_start <= quote.inner_end <= quote.end


@SETTINGS
@given(st.one_of(st.text(), NEWSY))
def test_html_and_markdown_never_raise_anything_but_our_errors(text: str) -> None:
    for build in (Article.from_html, Article.from_markdown):
        try:
            article = build(text)
        except FactcheckError:
            continue
        for claim in extract_claims(article):
            assert article.text[claim.start : claim.end] == claim.text
            assert article.position(claim.start)[0] >= 1
