"""Stage 0: reading an article (.txt, .md, .html, stdin) into plain text that remembers its offsets."""

from __future__ import annotations

import io
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from types import SimpleNamespace

import pytest

from factcheck.article import article_from_html, article_from_markdown, article_from_text, load_article
from factcheck.errors import ExtractionError, InputError, UsageError
from factcheck.records import Article

FIXTURES = Path(__file__).parent.parent / "fixtures"
ARTICLES = FIXTURES / "articles"
STORY_TXT = ARTICLES / "sample-story.txt"
STORY_MD = ARTICLES / "sample-story.md"
NEWS_PAGE = ARTICLES / "news-page.html"
RENEWED_HOPE = FIXTURES / "cases" / "renewed-hope" / "article.html"


def points_at(article: Article, phrase: str) -> bool:
    """Whether the reported line/column of ``phrase`` in the text lands on it in the raw file."""
    offset = article.text.find(phrase)
    assert offset >= 0, f"{phrase!r} is not in the article text"
    line, column = article.position(offset)
    return article.raw.splitlines()[line - 1][column - 1 :].startswith(phrase)


# ------------------------------------------------------------------ plain text


def test_txt_is_kept_verbatim_with_file_offsets() -> None:
    """Plain text needs no extraction: the text is the file, so offsets are file offsets."""
    raw = STORY_TXT.read_text(encoding="utf-8")
    article = load_article(STORY_TXT)
    assert article.text == raw
    assert article.raw == raw
    assert article.location == str(STORY_TXT)
    assert article.title == "County keeps cooling centres open as heat warning is extended"
    assert article.published is None
    offset = raw.index("112 degrees")
    line, column = article.position(offset)
    assert raw.splitlines()[line - 1][column - 1 :].startswith("112 degrees")
    assert (line, column) == (5, raw.splitlines()[4].index("112 degrees") + 1)


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("Heat warning extended\n\nThe county said so.", "Heat warning extended"),
        ("  Heat warning extended  \n\nThe county said so.", "Heat warning extended"),
        ("The county extended its heat warning.\n\nIt said so.", None),
        ("Is the heat warning over?\n\nNo.", None),
        ("The county said:\n\nThe warning stays.", None),
        ("Heat warning\nextended again\n\nThe county said so.", None),
        ("Heat " * 40 + "\n\nThe county said so.", None),
    ],
    ids=["headline", "padded-headline", "sentence", "question", "colon", "two-line-block", "too-long"],
)
def test_txt_title_is_a_short_first_line_without_final_punctuation(text: str, title: str | None) -> None:
    """Only a headline-like first line becomes the title; a sentence is story text."""
    assert article_from_text(text).title == title


def test_txt_explicit_title_and_date_win() -> None:
    article = article_from_text("Some headline\n\nBody.", title="Given", published=date(2024, 1, 2))
    assert (article.title, article.published) == ("Given", date(2024, 1, 2))


def test_crlf_file_positions_are_in_the_original_file(tmp_path: Path) -> None:
    """Windows line endings are normalised in the text but line/column still match the file."""
    raw = (
        "Flood barrier opens\r\n\r\n"
        "Crews raised the barrier on Monday.\r\n"
        "The river crested at 5.2 metres overnight.\r\n"
    )
    path = tmp_path / "crlf.txt"
    path.write_bytes(raw.encode("utf-8"))
    article = load_article(path)
    assert "\r" not in article.text
    assert article.raw == raw
    assert article.title == "Flood barrier opens"
    for phrase, expected in [("Crews raised", (3, 1)), ("5.2 metres", (4, 22)), ("Monday", (3, 29))]:
        assert article.position(article.text.index(phrase)) == expected, phrase


@pytest.mark.parametrize(
    ("fixture", "phrase"),
    [
        (STORY_MD, "Wednesday"),
        (STORY_MD, "41 people wanted"),
        (STORY_MD, "investigators are still looking"),
        (NEWS_PAGE, "Prosecutors say"),
        (NEWS_PAGE, "filing says the money"),
        (NEWS_PAGE, "luxury cars and a yacht"),
    ],
    ids=["md-emphasis", "md-list", "md-wrapped", "html-paragraph", "html-after-entity", "html-continuation"],
)
def test_crlf_markdown_and_html_positions(tmp_path: Path, fixture: Path, phrase: str) -> None:
    """The same stories saved with Windows line endings still map to the right line and column."""
    path = tmp_path / fixture.name
    path.write_bytes(fixture.read_bytes().replace(b"\n", b"\r\n"))
    article = load_article(path)
    assert "\r" not in article.text
    assert points_at(article, phrase)


# -------------------------------------------------------------------- markdown


def test_markdown_front_matter_gives_title_and_date() -> None:
    article = load_article(STORY_MD)
    assert article.title == "Marshals-led task force arrests 212 fugitives in six-week sweep"
    assert article.published == date(2024, 5, 2)
    assert article.raw == STORY_MD.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "absent",
    [
        "**",
        "_",
        "#",
        "](",
        ">",
        "x.png",
        "https://example.org",
        "Deputy marshals outside a house",  # image alt text
        "Editor's note",  # HTML comment
        "firearm count",  # second line of that comment
        "cms publish",  # fenced code block
        "```",
        "sources:",
        "Priya Raman",  # front matter value that is not the title
        "usmarshals.gov",
    ],
)
def test_markdown_markup_is_removed(absent: str) -> None:
    assert absent not in load_article(STORY_MD).text


@pytest.mark.parametrize(
    "present",
    [
        "A six-week operation led by the U.S. Marshals Service ended with 212 arrests across three states",
        "the agency said on Wednesday.",
        "according to the agency's Ohio office.",  # link text kept, target dropped
        "41 people wanted for homicide or attempted homicide",
        '"Every warrant we served stood for a victim who was still waiting," said U.S. Marshal Dana Whitfield',
        "investigators are still looking for 14 people",
    ],
    ids=["bold", "emphasis", "link", "list-item", "blockquote", "wrapped-line"],
)
def test_markdown_text_reads_as_prose(present: str) -> None:
    """Markup goes, words stay, and wrapped lines join with one space."""
    assert present in load_article(STORY_MD).text


def test_markdown_headline_is_not_doubled() -> None:
    """A story whose H1 repeats its front-matter title states the headline once, not twice."""
    article = load_article(STORY_MD)
    assert article.title is not None
    assert article.text.count(article.title) == 1


@pytest.mark.parametrize(
    "phrase",
    [
        "six-week",
        "Wednesday",
        "the agency's Ohio office",
        "Officers also seized 37",
        "41 people wanted",
        "19 sex offenders",
        "Every warrant we served",
        "said U.S. Marshal Dana Whitfield",
        "investigators are still looking",
    ],
)
def test_markdown_positions_point_into_the_file(phrase: str) -> None:
    """Line/column of text after removed markup still land on the phrase in the .md file."""
    assert points_at(load_article(STORY_MD), phrase)


@pytest.mark.parametrize(
    ("front_matter", "published"),
    [
        ("date: 2024-05-02", date(2024, 5, 2)),
        ('date: "May 2, 2024"', date(2024, 5, 2)),
        ("published: 2024-05-02T09:30:00", date(2024, 5, 2)),
        ("date: not a date at all", None),
        ("author: nobody", None),
    ],
    ids=["yaml-date", "written-date", "published-datetime", "unparseable", "missing"],
)
def test_markdown_front_matter_dates(front_matter: str, published: date | None) -> None:
    article = article_from_markdown(f"---\ntitle: Flood barrier opens\n{front_matter}\n---\n\nCrews raised it.\n")
    assert article.published == published
    assert article.title == "Flood barrier opens"


def test_markdown_without_front_matter() -> None:
    article = article_from_markdown("Crews raised the *barrier* on Monday.\n")
    assert (article.title, article.published) == (None, None)
    assert article.text == "Crews raised the barrier on Monday."


# ------------------------------------------------------------------------ HTML


@pytest.mark.parametrize(
    "chrome",
    [
        "Accept all cookies",
        "We use cookies",
        "Subscribe",
        "Most read",
        "Ferry fares",
        "Related coverage",
        "hospice billing",
        "Morning Brief",
        "Jordan Blake",  # byline
        "Photograph",  # figure caption
        "Sample tubes",  # image alt
        "Front page",  # navigation
        "All rights reserved",  # footer
        "trackPageview",  # script
        "font-size",  # style
        "Test fixture",  # HTML comment
    ],
)
def test_html_chrome_is_dropped(chrome: str) -> None:
    assert chrome not in load_article(NEWS_PAGE).text


def test_html_story_text_and_metadata() -> None:
    article = load_article(NEWS_PAGE)
    paragraphs = article.text.split("\n\n")
    assert paragraphs[0] == "Two Miami-area men charged in $31 million Medicare fraud scheme"  # the <h1>
    assert paragraphs[1].startswith("Two men from the Miami area have been charged")
    assert paragraphs[-1].endswith("did not respond to requests for comment.")
    assert len(paragraphs) == 6
    # The split paragraph is one paragraph with one space, and entities are decoded.
    assert "The department’s filing says the money went on property, luxury cars and a yacht." in article.text
    assert "“Medicare exists to care for older Americans" in article.text
    assert "&rsquo;" not in article.text
    assert "&ldquo;" not in article.text
    assert article.title == "Miami-area men accused of billing Medicare $31 million for unneeded tests"  # og:title
    assert article.published == date(2024, 4, 30)  # JSON-LD datePublished; related <time>s are older
    assert article.url == "https://www.dailyharbor.example/health/2024/04/30/medicare-genetic-testing-indictment"


@pytest.mark.parametrize(
    "phrase",
    [
        "Two Miami-area men charged",
        "Prosecutors say Luis Ortega Pardo",
        "filing says the money",
        "luxury cars and a yacht",
        "Medicare exists to care",
        "Lawyers for the two men",
    ],
    ids=["headline", "paragraph", "after-entity", "continuation-line", "after-quote-entity", "last-paragraph"],
)
def test_html_positions_point_into_the_file(phrase: str) -> None:
    assert points_at(load_article(NEWS_PAGE), phrase)


def test_html_position_of_continuation_line() -> None:
    """The second half of a paragraph split across source lines is reported on its own line."""
    article = load_article(NEWS_PAGE)
    raw_lines = article.raw.splitlines()
    line, _ = article.position(article.text.index("luxury cars"))
    assert raw_lines[line - 1].strip() == "luxury cars and a yacht.</p>"
    line_before, _ = article.position(article.text.index("went on property"))
    assert line_before == line - 1


def test_html_bytes_use_the_declared_charset() -> None:
    """Old pages in windows-1252: curly quotes and dashes must not turn into mojibake."""
    page = (
        b'<html><head><meta charset="windows-1252"></head>'
        b"<body><article><p>It\x92s open \x96 for now.</p></article></body></html>"
    )
    assert article_from_html(page).text == "It’s open – for now."


def test_html_title_falls_back_to_title_tag_without_site_suffix() -> None:
    page = (
        "<html><head><title>Barrier opens | The Daily Harbor</title></head><body><p>Crews raised it.</p></body></html>"
    )
    article = article_from_html(page, url="https://news.example/barrier")
    assert article.title == "Barrier opens"
    assert article.url == "https://news.example/barrier"
    assert article.location == "https://news.example/barrier"
    assert article.text == "Crews raised it."


def test_renewed_hope_article_keeps_only_the_story() -> None:
    article = load_article(RENEWED_HOPE)
    assert article.published == date(2023, 8, 10)
    assert article.title == "Global police sweep finds more than 300 young victims of online child abuse"
    assert article.text.startswith("Global police sweep finds more than 300 young victims")
    assert article.text.endswith("run by the Canadian Centre for Child Protection.")
    assert "311 children" in article.text
    for chrome in [
        "Accept all",
        "We use cookies",
        "Privacy settings",
        "Skip to story",
        "Subscribe",
        "Most read",
        "Related stories",
        "Share this story",
        "Tags",
        "Marta Ruiz",
        "Translated from Italian",
        "Kaur Kristjan",
        "Breaking",
        "Wildfire forces",
        "Council approves",
        "The Morning Courier",
        "All rights reserved",
        "lcAds",
    ]:
        assert chrome not in article.text, chrome


# ----------------------------------------------------------------------- stdin


@pytest.mark.parametrize(
    ("data", "title", "starts"),
    [
        (b"Barrier opens\n\nCrews raised it on Monday.\n", "Barrier opens", "Barrier opens"),
        (b"---\ntitle: Barrier opens\n---\n\nCrews raised it on **Monday**.\n", "Barrier opens", "Barrier opens"),
        (
            b"<!DOCTYPE html><html><head><title>Barrier opens</title></head>"
            b"<body><nav><a>Home</a></nav><p>Crews raised it on Monday.</p></body></html>",
            "Barrier opens",
            "Crews raised it on Monday.",
        ),
    ],
    ids=["text", "markdown", "html"],
)
def test_stdin_is_read_and_sniffed(monkeypatch: pytest.MonkeyPatch, data: bytes, title: str, starts: str) -> None:
    """``-`` reads bytes from stdin and guesses the format from them."""
    monkeypatch.setattr(sys, "stdin", SimpleNamespace(buffer=io.BytesIO(data)))
    article = load_article("-")
    assert article.location == "-"
    assert article.title == title
    assert article.text.startswith(starts)
    assert "Monday" in article.text
    assert "**" not in article.text
    assert "Home" not in article.text


# ---------------------------------------------------------------------- errors


def _missing(tmp_path: Path) -> str:
    return str(tmp_path / "no-such-story.txt")


def _directory(tmp_path: Path) -> str:
    folder = tmp_path / "stories.html"
    folder.mkdir()
    return str(folder)


def _binary(tmp_path: Path) -> str:
    path = tmp_path / "photo.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(64))
    return str(path)


def _latin1(tmp_path: Path) -> str:
    path = tmp_path / "story.txt"
    path.write_bytes("Caf\u00e9 owners said the heat warning hurt trade.\n".encode("latin-1"))
    return str(path)


def _empty(tmp_path: Path) -> str:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    return str(path)


def _whitespace(tmp_path: Path) -> str:
    path = tmp_path / "blank.md"
    path.write_text("\n   \n\t\n", encoding="utf-8")
    return str(path)


def _front_matter_only(tmp_path: Path) -> str:
    path = tmp_path / "draft.md"
    path.write_text("---\nauthor: Priya Raman\n---\n\n<!-- story goes here -->\n", encoding="utf-8")
    return str(path)


def _chrome_only(tmp_path: Path) -> str:
    path = tmp_path / "index.html"
    path.write_text("<html><body><nav><ul><li>Home</li></ul></nav><footer><p>© 2024</p></footer></body></html>")
    return str(path)


def _bad_yaml(tmp_path: Path) -> str:
    path = tmp_path / "story.md"
    path.write_text("---\ntitle: [unclosed\ndate: 2024-05-02\n---\n\nCrews raised it.\n", encoding="utf-8")
    return str(path)


def _yaml_not_mapping(tmp_path: Path) -> str:
    path = tmp_path / "story.md"
    path.write_text("---\n- just\n- a list\n---\n\nCrews raised it.\n", encoding="utf-8")
    return str(path)


def _url(tmp_path: Path) -> str:
    return "https://news.example/2024/05/02/marshals-sweep"


@pytest.mark.parametrize(
    ("make", "error"),
    [
        (_missing, InputError),
        (_directory, InputError),
        (_binary, InputError),
        (_latin1, InputError),
        (_empty, ExtractionError),
        (_whitespace, ExtractionError),
        (_front_matter_only, ExtractionError),
        (_chrome_only, ExtractionError),
        (_bad_yaml, InputError),
        (_yaml_not_mapping, InputError),
        (_url, UsageError),
    ],
    ids=[
        "missing",
        "directory",
        "binary",
        "not-utf8",
        "empty",
        "whitespace",
        "front-matter-only",
        "chrome-only-html",
        "bad-yaml",
        "yaml-not-mapping",
        "url",
    ],
)
def test_load_errors_name_the_file(tmp_path: Path, make: Callable[[Path], str], error: type[Exception]) -> None:
    """Each unreadable input raises its own error type, and the message says which file."""
    spec = make(tmp_path)
    with pytest.raises(error) as raised:
        load_article(spec)
    assert type(raised.value) is error
    assert spec in str(raised.value)
    if isinstance(raised.value, InputError):
        assert raised.value.location == spec


def test_a_rail_of_other_headlines_does_not_pull_in_the_page() -> None:
    """The story's <article> holds 85 % of the page's paragraph text; the rest is a rail of other headlines
    in a plain <div>. The article is still the story, not <body>."""
    story = "".join(f"<p>Paragraph {n} of the story says what agents found in the sweep.</p>" for n in range(6))
    rail = "".join(f"<p>Other headline number {n} here</p>" for n in range(3))
    page = f"<html><body><div class='rail'>{rail}</div><article>{story}</article></body></html>"
    article = article_from_html(page)
    assert article.text.startswith("Paragraph 0")
    assert "Other headline" not in article.text


def test_a_page_that_looks_like_a_url_is_still_a_page() -> None:
    """Found by hypothesis: bs4 warns on markup like "http:" (it suspects a URL to fetch); under
    ``filterwarnings = error`` that warning escaped instead of our own error."""
    with pytest.raises(ExtractionError):
        article_from_html("http:")


@pytest.mark.parametrize(
    ("text", "published"),
    [
        ("Three jailed over fraud\n\nBy A. Writer\n15 March 2024\n\nLONDON — Three people were jailed.\n",
         date(2024, 3, 15)),
        ("Three jailed\n\nPublished: March 15, 2024\n\nThree people were jailed on Friday.\n", date(2024, 3, 15)),
        ("Three jailed\n\nThree people were jailed on 15 March 2024 in London.\n", None),
    ],
)  # fmt: skip
def test_a_plain_text_story_s_date_line(text: str, published: date | None) -> None:
    assert article_from_text(text).published == published
