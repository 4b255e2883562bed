"""Finding the release a story does not link, against a loopback server playing several publishers at once:
a DOJ-style JSON API, RSS 2.0, RSS 1.0, Atom, and a paginated listing page — with decoys, and one feed down."""

from __future__ import annotations

import json
import re
import shlex
from datetime import date
from pathlib import Path
from typing import Any

import attrs
import pytest
from pytest_httpserver import HTTPServer

from factcheck import Settings, Source, check
from factcheck.archive import Archive
from factcheck.cli import main
from factcheck.discovery import update_archive
from factcheck.errors import ConfigError, SourceError
from factcheck.fetch import Fetcher
from factcheck.pipeline import find_sources
from factcheck.publishers import load_registry, parse_publisher

from .conftest import CASES, ROOT

CASE = CASES / "renewed-hope"
TRUE = (CASE / "sources" / "ice-2023-08-09-renewed-hope.html").read_bytes()
DECOY = (CASE / "sources" / "ice-2024-03-12-renewed-hope-ii.html").read_bytes()
UNRELATED = CASES / "doj-fentanyl-takedown" / "sources" / "doj-2023-05-16-operation-crosswind.html"
FBI_DECOY = CASES / "fbi-child-predator-sweep" / "sources" / "fbi-denver-2023-08-03-operation-safe-passage-2023.html"
EUROPOL_DECOY = CASES / "europol-victim-identification-taskforce" / "sources" / "europol-2023-11-17-vidtf-14.html"
USMS_SWEEP = (
    ROOT / "fixtures" / "discovery" / "usms-2023-08-03-fugitive-sweep.html"
)  # "related news" names the operation


def _rss2(items: list[tuple[str, str, str]]) -> str:
    body = "".join(
        f"<item><title>{t}</title><link>{u}</link><pubDate>{d}</pubDate><description>{t}</description></item>"
        for t, u, d in items
    )
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>News</title>{body}</channel></rss>'


def _rss1(items: list[tuple[str, str, str]]) -> str:
    body = "".join(
        f'<item rdf:about="{u}"><title>{t}</title><link>{u}</link><dc:date>{d}</dc:date></item>' for t, u, d in items
    )
    return (
        '<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
        'xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">'
        f'<channel rdf:about="x"><title>News</title></channel>{body}</rdf:RDF>'
    )


def _atom(items: list[tuple[str, str, str]]) -> str:
    body = "".join(
        f'<entry><title>{t}</title><link href="{u}"/><id>{u}</id><updated>{d}</updated></entry>' for t, u, d in items
    )
    return f'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>News</title>{body}</feed>'


@pytest.fixture
def publishers(httpserver: HTTPServer, tmp_path: Path) -> Path:
    """Five publishers on one loopback server, and a registry pointing at them."""
    url = httpserver.url_for
    httpserver.expect_request("/robots.txt").respond_with_data("", status=404)
    # ICE: RSS 2.0 with the true release, a decoy from the next year, and an unrelated release
    httpserver.expect_request("/ice/rss.xml").respond_with_data(_rss2([
        ("HSI, partners conduct first U.S.-based international victim identification surge",
         url("/ice/releases/renewed-hope"), "Wed, 09 Aug 2023 10:30:00 -0400"),
        ("HSI wraps up Operation Renewed Hope II", url("/ice/releases/renewed-hope-ii"),
         "Tue, 12 Mar 2024 09:00:00 -0400"),
        ("ICE removes fugitive wanted in Honduras", url("/ice/releases/removal"), "Fri, 04 Aug 2023 09:00:00 -0400"),
    ]), content_type="application/rss+xml")  # fmt: skip
    httpserver.expect_request("/ice/releases/renewed-hope").respond_with_data(TRUE, content_type="text/html")
    httpserver.expect_request("/ice/releases/renewed-hope-ii").respond_with_data(DECOY, content_type="text/html")
    httpserver.expect_request("/ice/releases/removal").respond_with_data(
        UNRELATED.read_bytes(), content_type="text/html"
    )
    # FBI: RSS 1.0; Europol: Atom; DOJ: JSON API; Marshals: a listing page in two pages; DHS: down
    httpserver.expect_request("/fbi/rss1.xml").respond_with_data(_rss1([
        ("Operation Safe Passage results announced", url("/fbi/safe-passage"), "2023-08-03T12:00:00Z"),
    ]), content_type="application/rdf+xml")  # fmt: skip
    httpserver.expect_request("/europol/atom.xml").respond_with_data(_atom([
        ("Victim Identification Taskforce meets for the 14th time", url("/europol/vidtf"), "2023-11-17T09:00:00Z"),
    ]), content_type="application/atom+xml")  # fmt: skip
    httpserver.expect_request("/doj/api.json").respond_with_json({"results": [
        {"url": "/doj/pr/crosswind", "title": "Operation Crosswind charges", "date": "2023-05-16"},
    ]})  # fmt: skip
    httpserver.expect_request("/usms/news", query_string="page=2").respond_with_data(
        '<html><body><main><ul><li><a href="/usms/news/older">Older sweep</a><time datetime="2023-07-01">'
        "July 1</time></li></ul></main></body></html>",
        content_type="text/html",
    )
    httpserver.expect_request("/usms/news").respond_with_data(
        '<html><body><main><ul><li><a href="/usms/news/sweep">Fugitive sweep ends</a><time datetime="2023-08-03">'
        'Aug 3</time></li></ul><a rel="next" href="/usms/news?page=2">Next</a></main></body></html>',
        content_type="text/html",
    )
    for path, page in (("/fbi/safe-passage", FBI_DECOY), ("/europol/vidtf", EUROPOL_DECOY),
                       ("/doj/pr/crosswind", UNRELATED), ("/usms/news/sweep", USMS_SWEEP)):  # fmt: skip
        httpserver.expect_request(path).respond_with_data(page.read_bytes(), content_type="text/html")
    httpserver.expect_request("/dhs/rss.xml").respond_with_data("down", status=503)
    registry = tmp_path / "publishers.toml"
    registry.write_text(f"""
[[publishers]]
id = "ice"
name = "U.S. Immigration and Customs Enforcement"
aliases = ["ICE", "Homeland Security Investigations", "HSI"]
domains = ["ice.gov"]
listings = [{{ kind = "feed", url = "{url('/ice/rss.xml')}" }}]

[[publishers]]
id = "fbi"
name = "FBI"
aliases = ["FBI"]
listings = [{{ kind = "feed", url = "{url('/fbi/rss1.xml')}" }}]

[[publishers]]
id = "europol"
name = "Europol"
aliases = ["Europol"]
listings = [{{ kind = "feed", url = "{url('/europol/atom.xml')}" }}]

[[publishers]]
id = "doj"
name = "Department of Justice"
aliases = ["Department of Justice", "DOJ"]
[[publishers.listings]]
kind = "json"
url = "{url('/doj/api.json')}"
items = "results"
fields = {{ url = "url", title = "title", date = "date" }}

[[publishers]]
id = "usms"
name = "U.S. Marshals Service"
aliases = ["Marshals Service", "Interpol"]
body = "div.usms-release-body"
listings = [{{ kind = "html", url = "{url('/usms/news')}", selector = "main" }}]

[[publishers]]
id = "dhs"
name = "Department of Homeland Security"
aliases = ["Department of Homeland Security", "DHS"]
listings = [{{ kind = "feed", url = "{url('/dhs/rss.xml')}" }}]
""")  # fmt: skip
    return registry


def _settings(tmp_path: Path, registry: Path, **overrides: Any) -> Settings:
    base: dict[str, Any] = {
        "registry": registry,
        "archive_path": tmp_path / "archive.sqlite",
        "cache_dir": tmp_path / "cache",
        "allowed_networks": ("127.0.0.0/8", "::1/128"),
        "min_interval": 0.0,
        "retries": 0,
    }
    base.update(overrides)
    return Settings(**base)


def test_an_unlinked_story_finds_its_release(publishers: Path, tmp_path: Path, httpserver: HTTPServer) -> None:
    report = check(CASE / "article.html", [], settings=_settings(tmp_path, publishers))
    assert [s.final_url for s in report.sources] == [httpserver.url_for("/ice/releases/renewed-hope")]
    with_source = check(CASE / "article.html", [CASE / "sources"])
    assert (
        report.to_dict()["summary"]
        == with_source.to_dict()["summary"]
        == {
            "supported": 5,
            "altered": 8,
            "unsourced": 3,
        }
    )
    assert [v.label for v in report.verdicts] == [v.label for v in with_source.verdicts]
    notes = " ".join(report.notes)
    assert "publishers the story names:" in notes
    assert "discovered #1:" in notes
    assert "Department of Homeland Security: its feed listing" in notes  # the feed that is down is reported
    assert "503" in notes


def test_the_decoy_ranks_below_the_true_release(publishers: Path, tmp_path: Path, httpserver: HTTPServer) -> None:
    found = find_sources(CASE / "article.html", settings=_settings(tmp_path, publishers, discovery_days=400))
    urls = [c.url for c in found.candidates]
    true, decoy = httpserver.url_for("/ice/releases/renewed-hope"), httpserver.url_for("/ice/releases/renewed-hope-ii")
    assert true in urls
    assert decoy in urls  # within a 400-day window, the 2024 operation is a candidate…
    assert urls.index(true) < urls.index(decoy)  # …ranked below the release the story retells
    removal = httpserver.url_for("/ice/releases/removal")  # an unrelated release that shares only "United States"
    assert urls.index(removal) > urls.index(decoy)
    assert removal not in [s.final_url for s in found.sources]  # too little in common to be chosen


def test_every_listing_kind_is_read(publishers: Path, tmp_path: Path) -> None:
    found = find_sources(CASE / "article.html", settings=_settings(tmp_path, publishers, discovery_days=60))
    notes = "\n".join(found.notes)
    for listed in ("/ice/rss.xml", "/fbi/rss1.xml", "/europol/atom.xml", "/usms/news"):
        assert re.search(rf"release\(s\) listed at http://localhost:\d+{re.escape(listed)},", notes), listed
    assert "U.S. Marshals Service: 2 release(s) listed" in notes  # both pages of the listing


def test_a_json_api_listing_fills_the_archive(publishers: Path, tmp_path: Path, httpserver: HTTPServer) -> None:
    """The DOJ-style API: items under "results", relative links resolved against the API's address."""
    registry = load_registry(publishers)
    settings = _settings(tmp_path, publishers)
    with Archive(settings.archive_path) as archive, Fetcher(settings) as fetcher:
        added, problems = update_archive(archive, fetcher, [registry.get("doj")])
        kept = archive.get(httpserver.url_for("/doj/pr/crosswind"))
    assert (added, problems) == (1, [])
    assert kept is not None
    assert "Crosswind" in kept.title


@pytest.mark.parametrize(
    ("kind", "body", "problem"),
    [
        ("json", '{"results": "none today"}', "holds no list of releases at 'results'"),
        ("json", "<html>maintenance</html>", "Expecting value"),
        ("feed", "<html><body>maintenance</body></html>", "not a feed"),
    ],
)
def test_a_broken_listing_is_a_problem_not_a_crash(
    httpserver: HTTPServer, tmp_path: Path, kind: str, body: str, problem: str
) -> None:
    httpserver.expect_request("/robots.txt").respond_with_data("", status=404)
    httpserver.expect_request("/broken").respond_with_data(body, content_type="application/json")
    entry = {"id": "x", "name": "X", "listings": [{"kind": kind, "url": httpserver.url_for("/broken"),
                                                   "items": "results", "fields": {"url": "url"}}]}  # fmt: skip
    if kind == "feed":
        del entry["listings"][0]["items"], entry["listings"][0]["fields"]  # type: ignore[index]
    settings = _settings(tmp_path, tmp_path / "unused.toml")
    with Archive(settings.archive_path) as archive, Fetcher(settings) as fetcher:
        added, problems = update_archive(archive, fetcher, [parse_publisher("test", entry)])
    assert added == 0
    assert len(problems) == 1
    assert problem in problems[0]


def test_a_publishers_body_hint_keeps_sidebars_out(publishers: Path, tmp_path: Path, httpserver: HTTPServer) -> None:
    """The Marshals page's "related news" box names Operation Renewed Hope; the registry's body selector
    keeps it out, so the page neither matches the story nor is archived with text it does not say."""
    settings = _settings(tmp_path, publishers, discovery_days=60)
    found = find_sources(CASE / "article.html", settings=settings)
    sweep = httpserver.url_for("/usms/news/sweep")
    assert sweep not in [c.url for c in found.candidates if c.score >= 4]
    with Archive(settings.archive_path) as archive:
        kept = archive.get(sweep)
    assert kept is not None
    assert "214 people" in kept.text
    assert "Renewed Hope" not in kept.text


def test_without_the_body_hint_the_sidebar_would_match(
    publishers: Path, tmp_path: Path, httpserver: HTTPServer
) -> None:
    """The control for the test above: the same page read generically shares the operation's name."""
    publishers.write_text(publishers.read_text().replace('body = "div.usms-release-body"\n', ""))
    found = find_sources(CASE / "article.html", settings=_settings(tmp_path, publishers, discovery_days=60))
    sweep = next(c for c in found.candidates if c.url == httpserver.url_for("/usms/news/sweep"))
    assert "'Operation Renewed Hope'" in sweep.why


def test_the_archive_makes_a_second_run_network_free(publishers: Path, tmp_path: Path, httpserver: HTTPServer) -> None:
    settings = _settings(tmp_path, publishers)
    first = check(CASE / "article.html", [], settings=settings)
    requests_before = len(httpserver.log)
    second = check(CASE / "article.html", [], settings=attrs.evolve(settings, cache_dir=tmp_path / "fresh-cache"))
    assert len(httpserver.log) == requests_before  # not even the feeds were read
    assert [s.url for s in second.sources] == [s.url for s in first.sources]
    assert second.sources[0].sha256 == first.sources[0].sha256  # what the release said when it was archived


def test_sources_command_shows_ranks_and_why(
    publishers: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "factcheck.toml").write_text('allowed_networks = ["127.0.0.0/8"]\n')
    monkeypatch.chdir(tmp_path)
    status = main(["sources", str(CASE / "article.html"), "--registry", str(publishers), "--archive",
                   str(tmp_path / "a.sqlite"), "--cache-dir", str(tmp_path / "c")])  # fmt: skip
    out = capsys.readouterr().out
    assert status == 0
    assert "  1. [" in out
    assert "/ice/releases/renewed-hope" in out
    assert "shares 'Operation Renewed Hope'" in out


def test_archive_update_search_and_add(
    publishers: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "factcheck.toml").write_text('allowed_networks = ["127.0.0.0/8"]\n')
    monkeypatch.chdir(tmp_path)
    store = ["--registry", str(publishers), "--archive", str(tmp_path / "a.sqlite"), "--cache-dir", str(tmp_path / "c")]
    assert main(["archive", "update", "--publisher", "ice", "--since", "2023-08-05", *store]) == 0
    assert "2 release(s) added" in capsys.readouterr().out  # the 2023 release and the 2024 decoy; not the removal
    assert main(["archive", "search", '"Renewed Hope"', *store]) == 0
    out = capsys.readouterr().out
    assert "2 release(s) match" in out
    assert "2023-08-09  ice" in out
    assert main(["archive", "add", str(CASES / "doj-fentanyl-takedown" / "sources"), "--publisher", "doj", *store]) == 0
    assert "2 release(s) added" in capsys.readouterr().out
    assert main(["archive", "update", "--since", "yesterday", *store]) == 2
    assert "--since must be a date" in capsys.readouterr().err


def test_the_readme_demo_works_from_the_archive(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The commands docs/discovery.md shows: fill the archive from the fixtures, check with no --source, offline."""
    doc = (ROOT / "docs" / "discovery.md").read_text(encoding="utf-8")
    demo = doc.split("```sh\n", 1)[1].split("```", 1)[0].strip().splitlines()
    article = "fixtures/cases/renewed-hope/article.html"
    assert [line.split()[:3] for line in demo] == [["factcheck", "archive", "add"], ["factcheck", "check", article]]
    archive = ["--archive", str(tmp_path / "a.sqlite"), "--cache-dir", str(tmp_path / "c")]
    assert main([*shlex.split(demo[0])[1:], *archive]) == 0
    capsys.readouterr()
    status = main([*shlex.split(demo[1])[1:], *archive, "--format", "json"])
    report = json.loads(capsys.readouterr().out)
    assert status == 1  # altered claims: the documented exit code for "something to fix"
    assert report["summary"] == {"supported": 5, "altered": 8, "unsourced": 3}
    assert [s["published"] for s in report["sources"]] == ["2023-08-09"]  # the 2024 sequel stays out


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        ('id = "x"\nname = "X"\nlistings = [{ kind = "soap", url = "https://x.example/" }]', "kind must be one of"),
        ('id = "x"\nname = "X"\nlistings = [{ kind = "feed", url = "ftp://x.example/" }]', "http(s) URL"),
        ('id = "x"\nname = "X"\ncolour = "red"', "unknown field 'colour'"),
        ('id = "x"\nname = "X"\nbody = "div[class="', "body is not a CSS selector"),
        ('id = "x"\naliases = ["X"]', "name must be a non-empty string"),
        ('id = "x"\nname = "X"\nlistings = [{ kind = "json", url = "https://x.example/" }]', "needs fields.url"),
    ],
)
def test_registry_is_validated_when_loaded(tmp_path: Path, entry: str, message: str) -> None:
    bad = tmp_path / "publishers.toml"
    bad.write_text(f"[[publishers]]\n{entry}\n")
    with pytest.raises(ConfigError, match=message.replace("(", r"\(").replace(")", r"\)")):
        load_registry(bad)


def test_the_shipped_registry_covers_the_publishers() -> None:
    registry = load_registry()
    ids = {p.id for p in registry.publishers}
    assert {"doj", "fbi", "dhs", "ice", "usms", "europol", "interpol", "rcmp", "opp", "govuk", "nca"} <= ids
    assert all(p.listings for p in registry.publishers)
    named = {p.id for p, _ in registry.named_in("The RCMP and the OPP worked with Europol and the FBI.")}
    assert named == {"rcmp", "opp", "europol", "fbi"}
    assert registry.named_in("the ice on the lake") == []  # abbreviations are whole words in capitals
    assert date(2023, 8, 9)


def test_a_story_that_links_its_release_uses_it(tmp_path: Path, httpserver: HTTPServer) -> None:
    """A link in the story's text to a page on another site is what it cites: fetched, used, and said so."""
    httpserver.expect_request("/robots.txt").respond_with_data("", status=404)
    httpserver.expect_request("/news/renewed-hope").respond_with_data(TRUE, content_type="text/html")
    release = httpserver.url_for("/news/renewed-hope")
    story = (CASE / "article.html").read_text(encoding="utf-8")
    linked = story.replace("Operation Renewed Hope", f'<a href="{release}">Operation Renewed Hope</a>', 1)
    assert linked != story
    (tmp_path / "story.html").write_text(linked, encoding="utf-8")
    settings = _settings(tmp_path, tmp_path / "no-registry.toml")  # the registry is never needed
    report = check(tmp_path / "story.html", [], settings=settings)
    assert [s.final_url for s in report.sources] == [release]
    assert f"the story links to pages elsewhere, used as sources: {release}" in report.notes
    assert report.to_dict()["summary"] == {"supported": 5, "altered": 8, "unsourced": 3}
    with pytest.raises(SourceError, match="none given, and discovery is off"):
        check(tmp_path / "story.html", [], settings=attrs.evolve(settings, discover=False))


def test_a_weak_archive_hit_does_not_stop_the_search(publishers: Path, tmp_path: Path, httpserver: HTTPServer) -> None:
    """An archived release from around the story's date that shares little with it is no reason to skip the feeds."""
    settings = _settings(tmp_path, publishers)
    with Archive(settings.archive_path) as archive:
        weak = Source.from_text("ICE removed a fugitive wanted in Honduras from the United States.\n",
                                url="https://www.ice.gov/news/removal")  # fmt: skip
        archive.add(attrs.evolve(weak, published=date(2023, 8, 4)), "ice")  # shares only "United States"
    report = check(CASE / "article.html", [], settings=settings)
    assert [s.final_url for s in report.sources] == [httpserver.url_for("/ice/releases/renewed-hope")]
    assert any("release(s) listed at" in note and "/ice/rss.xml" in note for note in report.notes)


def test_a_bad_archive_is_one_line_and_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    not_sqlite = tmp_path / "notes.sqlite"
    not_sqlite.write_text("not a database\n")
    missing = tmp_path / "nowhere" / "a.sqlite"
    article = str(CASE / "article.html")
    for argv, needle in (
        (["archive", "search", "Renewed", "--archive", str(not_sqlite)], "not usable as a release archive"),
        (["check", article, "--archive", str(not_sqlite), "--offline"], "not usable as a release archive"),
        (["archive", "search", "Renewed", "--archive", str(missing)], "no archive there yet"),
    ):
        assert main(argv) == 2
        err = capsys.readouterr().err
        assert err.count("\n") == 1
        assert needle in err
    assert not_sqlite.read_text() == "not a database\n"  # left as it was
    assert not missing.parent.exists()  # a search creates nothing


def test_an_unusable_default_archive_is_done_without(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A read-only or broken default archive (a CI container's home) does not stop a check: it is said, and
    discovery goes on without it."""
    data = tmp_path / "data"
    (data / "factcheck").mkdir(parents=True)
    (data / "factcheck" / "releases.sqlite").write_text("not a database\n")
    monkeypatch.setenv("XDG_DATA_HOME", str(data))
    found = find_sources(CASE / "article.html", settings=Settings(offline=True, cache_dir=tmp_path / "c"))
    assert found.notes[0].startswith("the release archive is not used: cannot read")
    assert found.sources == ()
