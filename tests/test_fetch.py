"""Fetching over real HTTP, against a server on loopback serving fixture pages and the bad cases.

The whole run may connect to loopback only (pytest-socket, see pyproject). The
cases about private addresses use a stubbed resolver and redirect targets the
guard must refuse before connecting, and assert that no connection was tried.
"""

from __future__ import annotations

import gzip
import json
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import urllib3.util.connection
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from factcheck import Label, Settings, check
from factcheck.errors import FetchError
from factcheck.fetch import Fetcher, allowed_address, fetch_all
from factcheck.sources import load_sources

from .conftest import CASES

LOOPBACK = ("127.0.0.0/8", "::1/128")
RELEASE = (CASES / "renewed-hope" / "sources" / "ice-2023-08-09-renewed-hope.html").read_bytes()
ARTICLE = (CASES / "renewed-hope" / "article.html").read_bytes()


def _settings(tmp_path: Path, **overrides: Any) -> Settings:
    base: dict[str, Any] = {
        "cache_dir": tmp_path / "cache",
        "allowed_networks": LOOPBACK,
        "min_interval": 0.0,
        "retries": 2,
        "retry_after_cap": 0.2,
        "timeout": (2.0, 2.0),
        "deadline": 5.0,
    }
    base.update(overrides)
    return Settings(**base)


@pytest.fixture
def fetcher(tmp_path: Path) -> Iterator[Fetcher]:
    with Fetcher(_settings(tmp_path)) as f:
        yield f


@pytest.fixture
def connections(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, int]]:
    """Every address a socket was opened to, in order."""
    seen: list[tuple[str, int]] = []
    real = urllib3.util.connection.create_connection

    def recording(address: tuple[str, int], *args: Any, **kwargs: Any) -> Any:
        seen.append(address)
        return real(address, *args, **kwargs)

    monkeypatch.setattr(urllib3.util.connection, "create_connection", recording)
    return seen


def _no_robots(server: HTTPServer) -> None:
    server.expect_request("/robots.txt").respond_with_data("not here", status=404)


def _page_requests(server: HTTPServer, path: str) -> int:
    return sum(1 for request, _ in server.log if request.path == path)


# ------------------------------------------------------------------ pages


def test_a_release_fetched_parses_as_the_file_does(httpserver: HTTPServer, fetcher: Fetcher) -> None:
    httpserver.expect_request("/news/release").respond_with_data(RELEASE, content_type="text/html; charset=utf-8")
    url = httpserver.url_for("/news/release")
    (fetched,) = load_sources([url], fetch_all(fetcher, [url]))
    (local,) = load_sources([CASES / "renewed-hope" / "sources" / "ice-2023-08-09-renewed-hope.html"])
    assert fetched.ok, fetched.error
    assert (fetched.title, fetched.publisher, fetched.published, fetched.text) == (
        local.title,
        local.publisher,
        local.published,
        local.text,
    )
    assert fetched.sha256 == local.sha256
    assert fetched.final_url == url
    assert fetched.fetched_at is not None
    assert fetched.url.startswith("https://www.ice.gov/")  # the canonical URL the page declares


def test_redirect_chain_ends_at_the_final_url(httpserver: HTTPServer, fetcher: Fetcher) -> None:
    httpserver.expect_request("/a").respond_with_data("", status=301, headers={"Location": "/b"})
    httpserver.expect_request("/b").respond_with_data("", status=302, headers={"Location": "/c"})
    httpserver.expect_request("/c").respond_with_data(RELEASE, content_type="text/html")
    page = fetcher.get(httpserver.url_for("/a"))
    assert page.final_url == httpserver.url_for("/c")
    assert page.body == RELEASE


def test_redirect_loop_is_an_error(httpserver: HTTPServer, fetcher: Fetcher) -> None:
    httpserver.expect_request("/loop").respond_with_data("", status=302, headers={"Location": "/loop"})
    with pytest.raises(FetchError, match="more than 5 redirects"):
        fetcher.get(httpserver.url_for("/loop"))


# ------------------------------------------------------------------- guard


@pytest.mark.parametrize("target", ["http://10.0.0.1/admin", "http://169.254.169.254/latest/meta-data/"])
def test_redirect_to_a_private_address_is_refused_before_connecting(
    httpserver: HTTPServer, fetcher: Fetcher, connections: list[tuple[str, int]], target: str
) -> None:
    httpserver.expect_request("/go").respond_with_data("", status=302, headers={"Location": target})
    with pytest.raises(FetchError, match="private, loopback or reserved addresses are refused"):
        fetcher.get(httpserver.url_for("/go"))
    host = target.split("/")[2]
    assert all(address[0] != host for address in connections)
    assert connections  # the loopback server itself was reached


def test_a_name_resolving_to_loopback_is_refused_when_loopback_is_not_allowed(
    tmp_path: Path, connections: list[tuple[str, int]]
) -> None:
    def resolver(host: str, port: int) -> list[str]:
        return ["127.0.0.1"] if host == "rebound.example" else []

    with (
        Fetcher(_settings(tmp_path, allowed_networks=()), resolver=resolver) as strict,
        pytest.raises(FetchError, match=r"rebound\.example resolves to 127\.0\.0\.1"),
    ):
        strict.get("http://rebound.example/release")
    assert connections == []


def test_redirect_to_a_name_resolving_to_loopback_is_refused(
    httpserver: HTTPServer, tmp_path: Path, connections: list[tuple[str, int]]
) -> None:
    """Only the test server's own address is allowed; a redirect to a name that resolves elsewhere on
    loopback is refused before any connection to it."""

    def resolver(host: str, port: int) -> list[str]:
        return {"rebound.example": ["127.0.0.2"]}.get(host, ["127.0.0.1"])

    httpserver.expect_request("/go").respond_with_data(
        "", status=302, headers={"Location": "http://rebound.example/admin"}
    )
    settings = _settings(tmp_path, allowed_networks=("127.0.0.1/32",))
    with (
        Fetcher(settings, resolver=resolver) as f,
        pytest.raises(FetchError, match=r"rebound\.example resolves to 127\.0\.0\.2"),
    ):
        f.get(f"http://localhost:{httpserver.port}/go")
    assert all(address != "127.0.0.2" for address, _ in connections)


def test_the_checked_address_is_the_one_connected_to(
    httpserver: HTTPServer, tmp_path: Path, connections: list[tuple[str, int]]
) -> None:
    """No DNS-rebinding gap: sockets go to the address the guard approved, whatever the name says later."""
    answers = iter([["127.0.0.1"]])

    def resolver(host: str, port: int) -> list[str]:
        return next(answers, ["10.0.0.7"])  # the name is re-pointed after the first lookup

    httpserver.expect_request("/release").respond_with_data(RELEASE, content_type="text/html")
    with Fetcher(_settings(tmp_path, allowed_networks=("127.0.0.0/8",)), resolver=resolver) as f:
        try:
            f.get(f"http://releases.example:{httpserver.port}/release")
        except FetchError as exc:  # a fresh connection would look the name up again, and be refused
            refused = exc.reason
        else:
            refused = "10.0.0.7 (not needed: the approved connection was reused)"
    assert "10.0.0.7" in refused
    assert {address for address, _ in connections} == {"127.0.0.1"}


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://example.org/release.txt", "gopher://example.org/"])
def test_other_schemes_are_refused(fetcher: Fetcher, url: str) -> None:
    with pytest.raises(FetchError, match="only http and https"):
        fetcher.get(url)


def test_redirect_to_another_scheme_is_refused(httpserver: HTTPServer, fetcher: Fetcher) -> None:
    httpserver.expect_request("/to-file").respond_with_data("", status=302, headers={"Location": "file:///etc/passwd"})
    with pytest.raises(FetchError, match="not http or https"):
        fetcher.get(httpserver.url_for("/to-file"))


@pytest.mark.parametrize(
    ("address", "allowed"),
    [("8.8.8.8", True), ("127.0.0.1", False), ("10.1.2.3", False), ("172.16.0.1", False), ("192.168.1.1", False),
     ("169.254.169.254", False), ("224.0.0.1", False), ("0.0.0.0", False), ("::1", False), ("fe80::1", False),
     ("fc00::1", False), ("::ffff:127.0.0.1", False), ("2001:4860:4860::8888", True), ("100.64.0.1", False)],
)  # fmt: skip
def test_address_policy(address: str, allowed: bool) -> None:
    assert allowed_address(address, allow_private=False) is allowed
    assert allowed_address(address, allow_private=False, networks=("0.0.0.0/0", "::/0")) is True


# --------------------------------------------------------- retries, limits


def test_429_with_retry_after_then_200(httpserver: HTTPServer, fetcher: Fetcher) -> None:
    answers = iter([Response("slow down", status=429, headers={"Retry-After": "3600"}), Response(RELEASE)])
    httpserver.expect_request("/busy").respond_with_handler(lambda request: next(answers))
    started = time.monotonic()
    page = fetcher.get(httpserver.url_for("/busy"))
    assert page.body == RELEASE
    assert _page_requests(httpserver, "/busy") == 2
    assert time.monotonic() - started < 30  # the hour the server asked for was capped


@pytest.mark.parametrize(("retries", "ok"), [(3, True), (2, False)])
def test_503_three_times(httpserver: HTTPServer, tmp_path: Path, retries: int, ok: bool) -> None:
    answers = iter([Response("down", status=503)] * 3 + [Response(RELEASE)])
    httpserver.expect_request("/flaky").respond_with_handler(lambda request: next(answers))
    with Fetcher(_settings(tmp_path, retries=retries, retry_after_cap=0.05)) as f:
        if ok:
            assert f.get(httpserver.url_for("/flaky")).body == RELEASE
        else:
            with pytest.raises(FetchError, match="answered 503"):
                f.get(httpserver.url_for("/flaky"))


def test_slow_drip_past_the_deadline(httpserver: HTTPServer, tmp_path: Path) -> None:
    def drip(request: Request) -> Response:
        def body() -> Iterator[bytes]:
            for _ in range(40):
                time.sleep(0.05)
                yield b"<p>x</p>"

        return Response(body(), content_type="text/html")

    httpserver.expect_request("/drip").respond_with_handler(drip)
    with Fetcher(_settings(tmp_path, deadline=0.5)) as f, pytest.raises(FetchError, match=r"longer than 0\.5 s"):
        f.get(httpserver.url_for("/drip"))


def test_body_over_the_cap(httpserver: HTTPServer, tmp_path: Path) -> None:
    httpserver.expect_request("/big").respond_with_data(b"<p>" + b"x" * 50_000 + b"</p>", content_type="text/html")
    with Fetcher(_settings(tmp_path, max_bytes=10_000)) as f, pytest.raises(FetchError, match="larger than 10,000"):
        f.get(httpserver.url_for("/big"))


def test_gzip_bomb_is_stopped_by_the_decompressed_size(httpserver: HTTPServer, fetcher: Fetcher) -> None:
    bomb = gzip.compress(b"<html>" + b" " * 30_000_000)
    assert len(bomb) < 100_000
    httpserver.expect_request("/bomb").respond_with_data(
        bomb, content_type="text/html", headers={"Content-Encoding": "gzip"}
    )
    with pytest.raises(FetchError, match="larger than 5,242,880 bytes"):
        fetcher.get(httpserver.url_for("/bomb"))


def test_connection_refused_is_an_error(tmp_path: Path) -> None:
    with Fetcher(_settings(tmp_path, retries=0)) as f, pytest.raises(FetchError, match=r"refused|Failed to establish"):
        f.get("http://127.0.0.1:9/release")


# ---------------------------------------------------------------- encodings


LATIN = (
    "<html><head><title>Communiqué</title></head><body><main><h1>Arrestations à Montréal</h1>{}</main></body></html>"
)


@pytest.mark.parametrize(
    ("body", "content_type"),
    [
        (LATIN.format("<p>La Sûreté a arrêté 12 personnes — « une opération réussie » — après une enquête.</p>" * 5)
         .encode("cp1252"), "text/html"),
        (LATIN.format("<p>La Sûreté a arrêté 12 personnes — « une opération réussie » — après une enquête.</p>" * 5)
         .encode("cp1252"), "text/html; charset=utf-8"),
        (b"\xef\xbb\xbf" + LATIN.format("<p>La Sûreté a arrêté 12 personnes après une enquête.</p>").encode("utf-8"),
         "text/html"),
    ],
    ids=["windows-1252-undeclared", "windows-1252-declared-utf-8", "utf-8-with-bom"],
)  # fmt: skip
def test_charsets_are_read_from_the_bytes(
    httpserver: HTTPServer, fetcher: Fetcher, body: bytes, content_type: str
) -> None:
    httpserver.expect_request("/fr").respond_with_data(body, content_type=content_type)
    url = httpserver.url_for("/fr")
    (source,) = load_sources([url], fetch_all(fetcher, [url]))
    assert source.ok, source.error
    assert "Sûreté a arrêté 12 personnes" in source.text
    assert source.title == "Arrestations à Montréal"


WALLS = {
    "login page": "<html><head><title>Sign in</title></head><body><main><form><p>Please sign in to continue.</p>"
    "<input type='password' name='pw'></form></main></body></html>",
    "bot check": "<html><head><title>Just a moment...</title></head><body><main><p>Checking your browser before "
    "accessing the site. Enable JavaScript and cookies to continue.</p></main></body></html>",
}


@pytest.mark.parametrize("kind", list(WALLS))
def test_a_page_that_is_not_a_release_is_reported(httpserver: HTTPServer, fetcher: Fetcher, kind: str) -> None:
    httpserver.expect_request("/wall").respond_with_data(WALLS[kind], content_type="text/html")
    url = httpserver.url_for("/wall")
    (source,) = load_sources([url], fetch_all(fetcher, [url]))
    assert source.status == "error"
    assert source.error == f"the page is a {kind}, not a release"


# ------------------------------------------------------------------- cache


def test_a_recheck_within_the_freshness_window_makes_no_request(httpserver: HTTPServer, tmp_path: Path) -> None:
    _no_robots(httpserver)
    httpserver.expect_request("/fresh").respond_with_data(
        RELEASE, content_type="text/html", headers={"Cache-Control": "max-age=3600"}
    )
    url = httpserver.url_for("/fresh")
    with Fetcher(_settings(tmp_path)) as first:
        assert not first.get(url).from_cache
    before = len(httpserver.log)
    with Fetcher(_settings(tmp_path)) as second:
        page = second.get(url)
    assert page.from_cache
    assert page.body == RELEASE
    assert len(httpserver.log) == before  # not even robots.txt: it is cached too


def test_etag_revalidation_is_served_from_the_cache(httpserver: HTTPServer, tmp_path: Path) -> None:
    def handler(request: Request) -> Response:
        if request.headers.get("If-None-Match") == '"v1"':
            return Response(status=304, headers={"ETag": '"v1"', "Cache-Control": "no-cache"})
        return Response(RELEASE, content_type="text/html", headers={"ETag": '"v1"', "Cache-Control": "no-cache"})

    httpserver.expect_request("/etag").respond_with_handler(handler)
    url = httpserver.url_for("/etag")
    with Fetcher(_settings(tmp_path)) as f:
        assert not f.get(url).from_cache
        page = f.get(url)
    assert page.from_cache
    assert page.body == RELEASE
    validated = [r for r, _ in httpserver.log if r.path == "/etag" and r.headers.get("If-None-Match")]
    assert len(validated) == 1


def test_offline_serves_the_cache_and_nothing_else(httpserver: HTTPServer, tmp_path: Path) -> None:
    httpserver.expect_request("/cached").respond_with_data(
        RELEASE, content_type="text/html", headers={"Cache-Control": "max-age=3600"}
    )
    with Fetcher(_settings(tmp_path)) as online:
        online.get(httpserver.url_for("/cached"))
    before = len(httpserver.log)
    with Fetcher(_settings(tmp_path, offline=True)) as offline:
        assert offline.get(httpserver.url_for("/cached")).body == RELEASE
        with pytest.raises(FetchError, match="not in the cache"):
            offline.get(httpserver.url_for("/never-fetched"))
    assert len(httpserver.log) == before


def test_robots_txt_is_honoured(httpserver: HTTPServer, fetcher: Fetcher) -> None:
    httpserver.expect_request("/robots.txt").respond_with_data("User-agent: *\nDisallow: /private/\n")
    httpserver.expect_request("/private/release").respond_with_data(RELEASE, content_type="text/html")
    with pytest.raises(FetchError, match=r"robots\.txt"):
        fetcher.get(httpserver.url_for("/private/release"))
    assert _page_requests(httpserver, "/private/release") == 0


def test_the_user_agent_names_the_project(httpserver: HTTPServer, fetcher: Fetcher) -> None:
    httpserver.expect_request("/ua").respond_with_data(RELEASE, content_type="text/html")
    fetcher.get(httpserver.url_for("/ua"))
    (request,) = [r for r, _ in httpserver.log if r.path == "/ua"]
    assert request.headers["User-Agent"].startswith("factcheck-news/")
    assert "https://pypi.org/project/factcheck-news/" in request.headers["User-Agent"]


# ---------------------------------------------------------------- pipeline


def test_check_over_http_with_a_failed_source(
    httpserver: HTTPServer, tmp_path: Path, report_schema: dict[str, Any], capsys: pytest.CaptureFixture[str]
) -> None:
    httpserver.expect_request("/story").respond_with_data(ARTICLE, content_type="text/html")
    httpserver.expect_request("/release").respond_with_data(RELEASE, content_type="text/html")
    httpserver.expect_request("/gone").respond_with_data("gone", status=404)
    settings = _settings(tmp_path, progress=True)
    report = check(
        httpserver.url_for("/story"), [httpserver.url_for("/release"), httpserver.url_for("/gone")], settings=settings
    )
    data = report.to_dict()
    jsonschema.validate(data, report_schema)
    assert data["article"]["location"] == httpserver.url_for("/story")
    assert data["summary"] == {"supported": 5, "altered": 8, "unsourced": 3}
    ok, failed = data["sources"]
    assert ok["status"] == "ok"
    assert ok["fetched_at"]
    assert failed == {**failed, "status": "error", "error": "the server answered 404 NOT FOUND"}
    assert capsys.readouterr().err == ""  # no progress bar when stderr is not a terminal
    json.dumps(data)


def test_every_source_failing_over_http_stops_the_check(httpserver: HTTPServer, tmp_path: Path) -> None:
    from factcheck.errors import SourceError

    httpserver.expect_request("/gone").respond_with_data("gone", status=410)
    with pytest.raises(SourceError, match="every source failed"):
        check(CASES / "renewed-hope" / "article.html", [httpserver.url_for("/gone")], settings=_settings(tmp_path))


def test_pages_the_story_links_to_are_its_sources(httpserver: HTTPServer, tmp_path: Path) -> None:
    httpserver.expect_request("/news/releases/renewed-hope").respond_with_data(RELEASE, content_type="text/html")
    story = tmp_path / "story.md"
    story.write_text(
        "---\ntitle: Linked\ndate: 2023-08-10\n---\n\n"
        f"The operation [began on July 17]({httpserver.url_for('/news/releases/renewed-hope')}), "
        f"the [agency]({httpserver.url_for('/')}) said.\n"
    )
    report = check(story, [], settings=_settings(tmp_path))
    assert [s.final_url for s in report.sources] == [httpserver.url_for("/news/releases/renewed-hope")]
    assert report.count(Label.SUPPORTED) == 1
    from factcheck.errors import SourceError

    with pytest.raises(SourceError, match="no sources"):  # without discovery the link is not followed
        check(story, [], settings=_settings(tmp_path, discover=False))


def test_an_intranet_host_allowed_by_name(httpserver: HTTPServer, tmp_path: Path) -> None:
    def resolver(host: str, port: int) -> list[str]:
        return ["127.0.0.1"]

    httpserver.expect_request("/release").respond_with_data(RELEASE, content_type="text/html")
    url = f"http://releases.intranet:{httpserver.port}/release"
    with Fetcher(
        _settings(tmp_path, allowed_networks=(), allowed_hosts=("releases.intranet",)), resolver=resolver
    ) as f:
        assert f.get(url).body == RELEASE
    (request,) = [r for r, _ in httpserver.log if r.path == "/release"]
    assert request.headers["Host"] == f"releases.intranet:{httpserver.port}"  # the name, not the pinned address
    with (
        Fetcher(_settings(tmp_path, allowed_networks=(), allowed_hosts=("other.intranet",)), resolver=resolver) as f,
        pytest.raises(FetchError, match="refused"),
    ):
        f.get(url)
