"""Stage 2: release pages and newswire text into Source records; folders, duplicates and failures."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from factcheck.errors import ExtractionError, InputError
from factcheck.records import Source
from factcheck.sources import load_sources, source_from_html, source_from_text

FIXTURES = Path(__file__).parent.parent / "fixtures"
RELEASES = FIXTURES / "releases"
DOJ = RELEASES / "doj-release.html"
RCMP = RELEASES / "rcmp-newswire.txt"
BROKEN = RELEASES / "broken.html"
ICE = FIXTURES / "cases" / "renewed-hope" / "sources"
ICE_2023 = ICE / "ice-2023-08-09-renewed-hope.html"
ICE_2024 = ICE / "ice-2024-03-12-renewed-hope-ii.html"
DOJ_URL = "https://www.justice.gov/opa/pr/two-florida-men-charged-31-million-medicare-genetic-testing-scheme"


def load_one(path: Path) -> Source:
    (source,) = load_sources([path])
    return source


def paragraphs_of(source: Source) -> list[str]:
    """The body paragraphs: the text starts with the release's headline, which is not body."""
    texts = [source.text[start:end] for start, end in source.paragraphs]
    return texts[1:] if source.title and texts and texts[0] == source.title else texts


def test_the_headline_opens_the_text() -> None:
    """Stories retell a release's headline, so it is part of what can be cited."""
    source = load_one(DOJ)
    assert source.title
    assert source.text.startswith(source.title + "\n\n")
    assert source.text[slice(*source.paragraphs[0])] == source.title


# ------------------------------------------------------------------- DOJ page


def test_doj_release_metadata() -> None:
    source = load_one(DOJ)
    assert source.ok, source.error
    assert source.url == DOJ_URL  # the canonical link, not the local path
    assert source.location == str(DOJ)
    assert source.final_url is None  # read from disk, not fetched
    assert source.title == "Two Florida Men Charged in $31 Million Medicare Genetic Testing Scheme"
    assert source.publisher == "United States Department of Justice"
    assert source.published == date(2024, 4, 30)  # the release's <time>, not the related items'
    assert source.dateline == "WASHINGTON"
    assert source.sha256 is not None
    assert len(source.sha256) == 64


def test_doj_release_body() -> None:
    source = load_one(DOJ)
    paragraphs = paragraphs_of(source)
    # Eight body paragraphs and the three charges of the bulleted list, in page order.
    assert len(paragraphs) == 11
    assert paragraphs[0].startswith("An indictment unsealed today in the Southern District of Florida")
    assert paragraphs[3] == "Both men are charged with:"
    assert paragraphs[4] == "one count of conspiracy to commit health care fraud and wire fraud;"
    assert "said Attorney General Eleanor M. Hayes." in paragraphs[7]
    assert paragraphs[-1].startswith("An indictment is merely an allegation.")
    assert "WASHINGTON" not in source.text


@pytest.mark.parametrize(
    "chrome",
    [
        "Press Release Number",
        "24-512",
        "For Immediate Release",
        "Office of Public Affairs",
        "Tuesday, April 30, 2024",
        "Updated April 30, 2024",
        "Criminal Fraud Section",
        "Related Content",
        "78 Defendants Charged",
        "sentenced to eight years",
        "official website of the United States government",
        "Skip to main content",
        "Careers",
        "Press Releases",  # breadcrumb
        "950 Pennsylvania Avenue",
        "dataLayer",
        "Test fixture",
    ],
)
def test_doj_release_chrome_is_dropped(chrome: str) -> None:
    assert chrome not in load_one(DOJ).text


def test_url_given_is_kept_as_final_url_but_canonical_wins() -> None:
    fetched = "https://www.justice.gov/opa/pr/two-florida-men?utm_source=newsletter"
    source = source_from_html(DOJ.read_bytes(), url=fetched)
    assert source.url == DOJ_URL
    assert source.final_url == fetched
    assert source.location == fetched


def test_page_without_canonical_uses_url_then_location() -> None:
    page = "<html><body><h1>Notice</h1><p>The office is closed on Monday.</p></body></html>"
    assert source_from_html(page, url="https://agency.example/notice").url == "https://agency.example/notice"
    assert source_from_html(page, location="notice.html").url == "notice.html"
    assert source_from_html(page).location == "<html>"


# --------------------------------------------------------------- other pages


def test_rcmp_newswire_text() -> None:
    source = load_one(RCMP)
    assert source.ok, source.error
    assert source.title == "RCMP lays charges after cross-border firearms smuggling investigation"
    assert source.published == date(2024, 6, 3)  # from the "Release Date:" line
    assert source.dateline == "OTTAWA, ON, June 3, 2024 /CNW/"
    assert source.publisher is None
    assert source.url == str(RCMP)
    paragraphs = paragraphs_of(source)
    assert len(paragraphs) == 4
    assert paragraphs[0].startswith("The Royal Canadian Mounted Police (RCMP) has charged three people")
    assert "Release Date" not in source.text
    assert "/CNW/" not in source.text
    assert source.text.startswith(f"{source.title}\n\n")


@pytest.mark.parametrize(
    ("path", "title", "published"),
    [
        (
            ICE_2023,
            "HSI, partners conduct first U.S.-based international victim identification surge",
            date(2023, 8, 9),
        ),
        (
            ICE_2024,
            "HSI wraps up second international victim identification surge, Operation Renewed Hope II",
            date(2024, 3, 12),
        ),
    ],
    ids=["renewed-hope", "renewed-hope-ii"],
)
def test_ice_releases(path: Path, title: str, published: date) -> None:
    source = load_one(path)
    assert source.ok, source.error
    assert source.title == title
    assert source.publisher == "U.S. Immigration and Customs Enforcement"
    assert source.published == published
    assert source.dateline == "WASHINGTON"
    assert source.url.startswith("https://www.ice.gov/news/releases/")
    for chrome in ["Related News", "Skip to main content", "Topics:", "Return to top", "Last Reviewed"]:
        assert chrome not in source.text, chrome


def test_ice_release_keeps_the_figures() -> None:
    text = load_one(ICE_2023).text
    assert "311 probable identifications of previously unknown victims" in text
    assert "The operation began July 17." in text


def test_broken_html_still_loads() -> None:
    """Truncated markup with stray and missing end tags is a page, not a failure."""
    source = load_one(BROKEN)
    assert source.ok, source.error
    assert source.title == "Coast Guard rescues four after fishing vessel sinks near Kodiak"
    assert "All four were wearing survival suits" in source.text
    assert "Share this page" not in source.text
    assert "Coast Guard News" not in source.text


def test_broken_html_keeps_both_paragraphs() -> None:
    """</p> is optional in HTML: a paragraph left open must not be lost."""
    source = load_one(BROKEN)
    assert source.dateline == "KODIAK, Alaska"
    assert paragraphs_of(source) == [
        "A Coast Guard helicopter crew hoisted four fishermen from a life raft early Sunday after their "
        "58-foot vessel took on water and sank about 30 miles south of Kodiak.",
        "All four were wearing survival suits and were flown to Kodiak in stable condition. "
        "The cause of the sinking is under investigation.",
    ]


@pytest.mark.parametrize("path", [DOJ, RCMP, BROKEN, ICE_2023, ICE_2024], ids=lambda p: p.stem)
def test_paragraph_offsets_are_consistent(path: Path) -> None:
    """Paragraph spans cut the text exactly: ascending, trimmed, joined by blank lines."""
    source = load_one(path)
    paragraphs = [source.text[start:end] for start, end in source.paragraphs]
    assert paragraphs
    assert "\n\n".join(paragraphs) == source.text
    assert all(p == p.strip() and p and "\n" not in p for p in paragraphs)
    ends = [end for _, end in source.paragraphs]
    starts = [start for start, _ in source.paragraphs]
    assert starts[0] == 0
    assert ends[-1] == len(source.text)
    assert all(start == end + 2 for end, start in zip(ends[:-1], starts[1:], strict=True))


# ---------------------------------------------------------------- text releases


@pytest.mark.parametrize(
    ("first", "dateline", "rest"),
    [
        ("WASHINGTON — The agency said so.", "WASHINGTON", "The agency said so."),
        ("WASHINGTON, D.C. – The agency said so.", "WASHINGTON, D.C.", "The agency said so."),
        ("LONDON - The agency said so.", "LONDON", "The agency said so."),
        ("KODIAK, Alaska — A crew said so.", "KODIAK, Alaska", "A crew said so."),
        (
            "OTTAWA, ON, Aug. 9, 2023 /CNW/ - The agency said so.",
            "OTTAWA, ON, Aug. 9, 2023 /CNW/",
            "The agency said so.",
        ),
        ("The agency said on Monday - and only then - that it was so.", None, None),
        ("FBI agents said - briefly - that it was so.", None, None),
    ],
    ids=["em-dash", "en-dash-city-state", "hyphen", "city-state", "newswire", "no-dateline", "acronym-then-dash"],
)
def test_dateline_is_split_from_the_first_paragraph(first: str, dateline: str | None, rest: str | None) -> None:
    source = source_from_text(f"Agency notice\n\n{first}\n\nA second paragraph.")
    assert source.dateline == dateline
    assert paragraphs_of(source)[0] == (rest or first)


def test_text_release_joins_wrapped_lines() -> None:
    source = source_from_text("Agency notice\n\nThe office will close\nat noon on Friday.\n\nIt reopens Monday.\n")
    assert paragraphs_of(source) == ["The office will close at noon on Friday.", "It reopens Monday."]
    assert source.title == "Agency notice"


def test_crlf_text_release_matches_lf(tmp_path: Path) -> None:
    """A newswire release saved with Windows line endings reads the same as the original."""
    path = tmp_path / "rcmp-crlf.txt"
    path.write_bytes(RCMP.read_bytes().replace(b"\n", b"\r\n"))
    crlf, lf = load_one(path), load_one(RCMP)
    assert crlf.text == lf.text
    assert (crlf.title, crlf.published, crlf.dateline) == (lf.title, lf.published, lf.dateline)


@pytest.mark.parametrize(
    "text",
    ["", "   \n\n  ", "Release Date: June 3, 2024", "Agency notice\n\nRelease Date: June 3, 2024\n"],
    ids=["empty", "whitespace", "date-only", "title-and-date-only"],
)
def test_text_release_without_body_is_an_extraction_error(text: str) -> None:
    with pytest.raises(ExtractionError, match=r"notice\.txt"):
        source_from_text(text, location="notice.txt")


def test_html_without_paragraphs_is_an_extraction_error() -> None:
    page = "<html><body><nav><ul><li>Home</li></ul></nav><h1>Notice</h1></body></html>"
    with pytest.raises(ExtractionError, match=r"notice\.html"):
        source_from_html(page, location="notice.html")


def test_source_classmethods() -> None:
    """``Source.from_html``/``from_text`` are the same parsers as the module functions."""
    html_bytes = DOJ.read_bytes()
    from_str = Source.from_html(html_bytes.decode("utf-8"), "https://mirror.example/doj")
    from_bytes = source_from_html(html_bytes, url="https://mirror.example/doj")
    assert from_str == from_bytes  # same content as str or bytes: same record, same hash
    assert from_str.title == "Two Florida Men Charged in $31 Million Medicare Genetic Testing Scheme"

    text = RCMP.read_text(encoding="utf-8")
    release = Source.from_text(text, "https://newswire.example/rcmp", location="rcmp.txt")
    assert release == source_from_text(text, url="https://newswire.example/rcmp", location="rcmp.txt")
    assert release.url == "https://newswire.example/rcmp"
    assert release.location == "rcmp.txt"
    assert release.dateline == "OTTAWA, ON, June 3, 2024 /CNW/"


# ------------------------------------------------------------------ load_sources


@pytest.fixture
def release_folder(tmp_path: Path) -> Path:
    """A folder of sources as a user might collect them: copies, a dud, a scan, notes."""
    folder = tmp_path / "sources"
    (folder / "more").mkdir(parents=True)
    shutil.copy(DOJ, folder / "a-doj.html")
    shutil.copy(RCMP, folder / "b-rcmp.txt")
    shutil.copy(DOJ, folder / "c-doj-copy.html")  # same bytes as a-doj.html
    (folder / "d-empty.html").write_text("<html><body><nav><a href='/'>Home</a></nav></body></html>")
    (folder / "e-scan.html").write_bytes(b"%PDF-1.7\n\x00\x00\x01binary")
    (folder / "f-latin1.txt").write_bytes("Agency notice\n\nCaf\u00e9 inspections resume.\n".encode("latin-1"))
    (folder / "notes.md").write_text("# my notes\n\nNot a release.\n")  # not a source type: ignored
    shutil.copy(ICE_2023, folder / "more" / "ice.html")  # sub-folders are searched too
    return folder


def test_load_sources_folder(release_folder: Path) -> None:
    sources = load_sources([release_folder])
    names = [Path(s.location).relative_to(release_folder).as_posix() for s in sources]
    assert names == ["a-doj.html", "b-rcmp.txt", "d-empty.html", "e-scan.html", "f-latin1.txt", "more/ice.html"]
    status = {name: s.status for name, s in zip(names, sources, strict=True)}
    assert status == {
        "a-doj.html": "ok",
        "b-rcmp.txt": "ok",
        "d-empty.html": "error",
        "e-scan.html": "error",
        "f-latin1.txt": "error",
        "more/ice.html": "ok",
    }


@pytest.mark.parametrize(
    ("name", "reason"),
    [("d-empty.html", "no release text"), ("e-scan.html", "binary"), ("f-latin1.txt", "UTF-8")],
    ids=["no-paragraphs", "binary", "not-utf8"],
)
def test_unparseable_file_is_kept_as_failed_source(release_folder: Path, name: str, reason: str) -> None:
    """A bad file is a finding for the report, not a crash: it stays, with why it failed."""
    (source,) = (s for s in load_sources([release_folder]) if s.location == str(release_folder / name))
    assert not source.ok
    assert source.status == "error"
    assert source.error is not None
    assert reason in source.error
    assert source.text == ""
    assert source.url == str(release_folder / name)


def test_duplicates_are_dropped_keeping_the_first(tmp_path: Path) -> None:
    copy = tmp_path / "saved-again.html"
    shutil.copy(DOJ, copy)
    sources = load_sources([copy, DOJ, str(DOJ)])
    assert [s.location for s in sources] == [str(copy)]


def test_records_pass_through_and_files_follow_spec_order(tmp_path: Path) -> None:
    given = Source.from_text("Agency notice\n\nThe office is closed on Monday.", location="given")
    sources = load_sources([RCMP, given, DOJ])
    assert sources[1] is given
    assert [s.location for s in sources] == [str(RCMP), "given", str(DOJ)]


@pytest.mark.parametrize(
    "url",
    ["https://www.justice.gov/opa/pr/some-release", "http://www.ice.gov/news/releases/x", "HTTPS://EXAMPLE.ORG/A"],
    ids=["https", "http", "upper-case"],
)
def test_url_source_not_fetched_is_a_failed_source(url: str) -> None:
    """URLs are fetched by the pipeline; a URL with no page handed over is listed as failed, not dropped."""
    (source,) = load_sources([url])
    assert source.status == "error"
    assert not source.ok
    assert (source.url, source.location, source.error) == (url, url, "not fetched")


@pytest.mark.parametrize("make", ["missing-file", "missing-folder", "empty-folder"])
def test_bad_path_raises_input_error(tmp_path: Path, make: str) -> None:
    """A path that is not there (or holds nothing to read) is the user's mistake: the check stops."""
    spec = {
        "missing-file": tmp_path / "no-such-release.html",
        "missing-folder": tmp_path / "no-such-folder",
        "empty-folder": tmp_path / "empty",
    }[make]
    if make == "empty-folder":
        spec.mkdir()
        (spec / "notes.md").write_text("nothing here")
    with pytest.raises(InputError) as raised:
        load_sources([DOJ, spec])
    assert type(raised.value) is InputError
    assert str(spec) in str(raised.value)
    assert raised.value.location == str(spec)


def test_a_release_on_letterhead_names_its_issuer_and_date() -> None:
    text = (
        "Konkan National Bank\n(A Government of India Undertaking)\nHead Office: Nariman Point, Mumbai\n\n"
        "PRESS STATEMENT\n\nMumbai, 12.08.2025\n\n"
        "The Bank has reported the account as fraud to the Reserve Bank of India.\n"
    )
    source = Source.from_text(text, url="https://bank.example/statement")
    assert (source.publisher, source.published) == ("Konkan National Bank", date(2025, 8, 12))
    assert source.text == "The Bank has reported the account as fraud to the Reserve Bank of India."


def test_a_headline_naming_a_body_is_no_letterhead() -> None:
    source = Source.from_text("Police arrest 12 in fraud\n\nPolice arrested 12 people on Monday.\n", url="x")
    assert (source.publisher, source.title) == (None, "Police arrest 12 in fraud")


def test_a_page_s_date_line_in_its_body() -> None:
    html = (
        "<html><body><main><h1>CBI registers case</h1><div>New Delhi, 12.08.2025</div>"
        "<p>The Central Bureau of Investigation has registered a case against a company.</p></main></body></html>"
    )
    assert Source.from_html(html, url="https://cbi.example/pr").published == date(2025, 8, 12)


def test_a_table_row_names_its_columns_and_currency() -> None:
    html = (
        "<html><body><main><h1>Commission fines cartel</h1><p>The fines are as follows.</p><table>"
        "<thead><tr><th>Company</th><th>Reduction</th><th>Fine (EUR)</th></tr></thead>"
        "<tbody><tr><td>Falkenrath AG (Germany)</td><td>45%</td><td>412 760 000</td></tr></tbody>"
        "</table></main></body></html>"
    )
    text = Source.from_html(html, url="https://ec.example/pr").text
    assert "Company: Falkenrath AG (Germany); Reduction: 45%; Fine (EUR): EUR 412 760 000." in text
    assert "Company" not in text.split("\n\n")[1]  # the row of headings says nothing of its own


def test_an_issuer_line_under_the_title() -> None:
    text = (
        "Aviation Investigation Preliminary Report: Robinson R44 II\n\nDate: May 8, 2025\n\n"
        "National Transportation Safety Board, Office of Aviation Safety\n\nThe helicopter departed at 2:41 p.m.\n"
    )
    source = Source.from_text(text, url="https://ntsb.example/report")
    assert (source.publisher, source.published) == ("National Transportation Safety Board", date(2025, 5, 8))


def test_a_company_statement_on_letterhead_with_a_two_part_place() -> None:
    text = (
        "BRIGHTSEAT TICKETS LLC\nPress statement\n\nLong Island City, New York, May 20, 2025\n\n"
        "The agreement contains no admission of wrongdoing.\n"
    )
    source = Source.from_text(text, url="https://brightseat.example/statement")
    assert (source.publisher, source.published) == ("BRIGHTSEAT TICKETS LLC", date(2025, 5, 20))
