"""The I/O boundary — takes URLs; returns fetched pages, or says why a page could not be had.

The only module that touches the network. One ``requests`` session per
``Fetcher``: urllib3 ``Retry`` for 429/5xx (``Retry-After`` honoured, capped),
connect/read timeouts plus a deadline per page, a streamed body with a size
cap counted after decompression, an on-disk HTTP cache (requests-cache,
SQLite) that revalidates with ETag/Last-Modified, robots.txt, a minimum
interval per host, and an address guard: every connection — the first and
each redirect — goes to an address that was resolved and checked just
before, so a name cannot be re-pointed at a private address in between.
"""

from __future__ import annotations

import ipaddress
import logging
import socket
import sys
import threading
import time
import urllib.robotparser
from collections.abc import Callable, Iterable, Mapping
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import attrs
import platformdirs
import requests
import requests_cache
import urllib3.util.connection
from requests.adapters import HTTPAdapter
from tqdm import tqdm
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool
from urllib3.exceptions import ConnectTimeoutError, NewConnectionError
from urllib3.util.retry import Retry

from factcheck import __version__
from factcheck.config import Settings
from factcheck.errors import FetchError

log = logging.getLogger(__name__)

__all__ = ["USER_AGENT", "Fetcher", "Page", "fetch_all", "is_url"]

USER_AGENT = f"factcheck-news/{__version__} (+https://pypi.org/project/factcheck-news/; fact-checking bot)"
Resolver = Callable[[str, int], Iterable[str]]


def is_url(text: str) -> bool:
    return urlsplit(text).scheme.lower() in {"http", "https", "ftp", "file", "gopher", "data"} and "://" in text


@attrs.frozen
class Page:
    """A fetched page: what was asked, where it ended, when, and the bytes."""

    url: str
    final_url: str
    body: bytes
    content_type: str
    fetched_at: datetime
    from_cache: bool


class AddressRefused(FetchError):  # noqa: N818 — reads as the finding it reports
    """The address a URL leads to is not one the tool may connect to."""


# --------------------------------------------------------------------- guard


def _resolve(host: str, port: int) -> list[str]:
    return [str(info[4][0]) for info in socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)]


def allowed_address(address: str, allow_private: bool, networks: Iterable[str] = ()) -> bool:
    """Public unicast only, unless private addresses, or these networks, are allowed explicitly."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    if any(ip in ipaddress.ip_network(net, strict=False) for net in networks):
        return True
    if ip.is_multicast or ip.is_unspecified or ip.is_reserved:
        return False
    if ip.is_loopback or ip.is_private or ip.is_link_local or not ip.is_global:
        return allow_private
    return True


@attrs.frozen
class _Guard:
    allow_private: bool
    networks: tuple[str, ...]
    resolver: Resolver
    hosts: frozenset[str] = frozenset()

    def address_for(self, host: str, port: int) -> str:
        """The first resolved address of ``host`` that may be connected to; refuses otherwise."""
        try:
            literal = ipaddress.ip_address(host.strip("[]"))
            addresses = [str(literal)]
        except ValueError:
            try:
                addresses = list(self.resolver(host, port))
            except OSError as exc:
                raise FetchError(host, f"cannot resolve {host}: {exc}") from exc
        trusted = host.lower().rstrip(".") in self.hosts  # an intranet host the configuration names
        for address in addresses:
            if allowed_address(address, self.allow_private or trusted, self.networks):
                return address
        shown = ", ".join(addresses) or "nothing"
        raise AddressRefused(host, f"{host} resolves to {shown}: private, loopback or reserved addresses are refused")


def _guarded(connection: type[HTTPConnection], guard: _Guard) -> type[HTTPConnection]:
    class Guarded(connection):  # type: ignore[valid-type,misc]
        """Connects only to the address the guard approved, resolved right here."""

        def _new_conn(self) -> socket.socket:
            """urllib3's own, but connecting to the approved address; the name stays for Host and SNI."""
            approved = guard.address_for(self.host, self.port or 80)
            try:
                return urllib3.util.connection.create_connection(
                    (approved, self.port),
                    self.timeout,
                    source_address=self.source_address,
                    socket_options=self.socket_options,
                )
            except TimeoutError as exc:
                raise ConnectTimeoutError(self, f"Connection to {self.host} timed out") from exc
            except OSError as exc:
                raise NewConnectionError(self, f"Failed to establish a new connection: {exc}") from exc

    return Guarded


class _Adapter(HTTPAdapter):
    """Guarded connections, bounded bodies and per-host politeness, below the cache."""

    def __init__(self, settings: Settings, guard: _Guard) -> None:
        self._settings = settings
        self._guard = guard
        self._hosts: dict[str, float] = {}
        self._lock = threading.Lock()
        retry = _Retry(
            total=settings.retries,
            connect=settings.retries,
            read=settings.retries,
            status=settings.retries,
            backoff_factor=0.5,
            backoff_max=settings.retry_after_cap,
            status_forcelist=(429, 500, 502, 503, 504),
            allowed_methods=frozenset({"GET", "HEAD"}),
            respect_retry_after_header=True,
            raise_on_status=False,
        )
        retry.cap = settings.retry_after_cap
        super().__init__(max_retries=retry)

    def init_poolmanager(self, *args: Any, **kwargs: Any) -> None:
        super().init_poolmanager(*args, **kwargs)
        http = type("GuardedPool", (HTTPConnectionPool,), {"ConnectionCls": _guarded(HTTPConnection, self._guard)})
        https = type(
            "GuardedHTTPSPool", (HTTPSConnectionPool,), {"ConnectionCls": _guarded(HTTPSConnection, self._guard)}
        )
        self.poolmanager.pool_classes_by_scheme = {"http": http, "https": https}

    def send(self, request: requests.PreparedRequest, **kwargs: Any) -> requests.Response:  # type: ignore[override]
        host = urlsplit(request.url or "").hostname or ""
        self._wait_turn(host)
        started = time.monotonic()
        kwargs["stream"] = True
        response = super().send(request, **kwargs)
        response._content = self._read(response, started)
        return response

    def _wait_turn(self, host: str) -> None:
        """At most one request per ``min_interval`` seconds to any one host."""
        with self._lock:
            now = time.monotonic()
            ready = self._hosts.get(host, 0.0) + self._settings.min_interval
            self._hosts[host] = max(now, ready)
        if ready > now:
            time.sleep(ready - now)

    def _read(self, response: requests.Response, started: float) -> bytes:
        cap, deadline = self._settings.max_bytes, started + self._settings.deadline
        chunks: list[bytes] = []
        size = 0
        try:
            for chunk in response.raw.stream(64 * 1024, decode_content=True):
                size += len(chunk)
                if size > cap:  # counted after decompression: a gzip bomb stops here
                    raise FetchError(response.url, f"the page is larger than {cap:,} bytes")
                if time.monotonic() > deadline:
                    raise FetchError(response.url, f"the page took longer than {self._settings.deadline:g} s")
                chunks.append(chunk)
        finally:
            response.raw.close()
        return b"".join(chunks)


class _Retry(Retry):
    """urllib3's Retry, with ``Retry-After`` capped so a server cannot park the check."""

    cap: float = 30.0

    def new(self, **kw: Any) -> _Retry:
        retry = super().new(**kw)
        retry.cap = self.cap
        return retry

    def get_retry_after(self, response: Any) -> float | None:
        wait = super().get_retry_after(response)
        return None if wait is None else min(wait, self.cap)


# ------------------------------------------------------------------- fetcher


class Fetcher:
    """Fetches pages for one check; use it as a context manager so its session is closed.

    Args:
        settings: timeouts, caps, cache directory, offline mode, address policy.
        resolver: how host names become addresses (tests pass a stub).
    """

    def __init__(self, settings: Settings | None = None, *, resolver: Resolver = _resolve) -> None:
        self.settings = settings or Settings()
        cache_dir = Path(self.settings.cache_dir or platformdirs.user_cache_dir("factcheck"))
        cache_dir.mkdir(parents=True, exist_ok=True)
        self.session = requests_cache.CachedSession(
            str(cache_dir / "http-cache.sqlite"),
            backend="sqlite",
            expire_after=self.settings.cache_seconds,
            cache_control=True,
            allowable_codes=(200, 404),  # a missing robots.txt is remembered too
            stale_if_error=False,
        )
        self.session.headers["User-Agent"] = self.settings.user_agent or USER_AGENT
        self.session.max_redirects = self.settings.max_redirects
        self._guard = _Guard(
            self.settings.allow_private_addresses,
            self.settings.allowed_networks,
            resolver,
            frozenset(h.lower().rstrip(".") for h in self.settings.allowed_hosts),
        )
        adapter = _Adapter(self.settings, self._guard)
        self.session.mount("http://", adapter)
        self.session.mount("https://", adapter)
        self._robots: dict[str, urllib.robotparser.RobotFileParser | None] = {}
        self._robots_lock = threading.Lock()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.session.close()  # type: ignore[no-untyped-call]  # requests-cache leaves close() unannotated

    def get(self, url: str) -> Page:
        """The page at ``url``; FetchError (with the URL) when it cannot be had."""
        scheme = urlsplit(url).scheme.lower()
        if scheme not in {"http", "https"}:
            raise FetchError(url, f"{scheme or 'this'}: URLs are not fetched, only http and https")
        if not self.settings.offline and not self._robots_allow(url):
            raise FetchError(url, "robots.txt asks bots like this one not to fetch it")
        try:
            response = self.session.get(url, timeout=self.settings.timeout, only_if_cached=self.settings.offline)
        except FetchError:
            raise
        except requests.TooManyRedirects as exc:
            raise FetchError(url, f"more than {self.settings.max_redirects} redirects (a loop?)") from exc
        except requests.exceptions.InvalidSchema as exc:
            raise FetchError(url, f"redirected to a URL that is not http or https ({exc})") from exc
        except requests.Timeout as exc:
            raise FetchError(url, f"no answer within {self.settings.timeout[1]:g} s") from exc
        except requests.RequestException as exc:
            raise FetchError(url, _reason(exc)) from exc
        if self.settings.offline and response.status_code == 504:  # requests-cache's "Not Cached"
            raise FetchError(url, "not in the cache, and --offline forbids the network")
        if response.status_code != 200:
            raise FetchError(url, f"the server answered {response.status_code} {response.reason or ''}".strip())
        from_cache = bool(getattr(response, "from_cache", False))
        created = getattr(response, "created_at", None) if from_cache else None
        return Page(
            url=url,
            final_url=response.url,
            body=response.content,
            content_type=response.headers.get("Content-Type", ""),
            fetched_at=(created or datetime.now(UTC)).astimezone(UTC).replace(tzinfo=None),
            from_cache=from_cache,
        )

    def _robots_allow(self, url: str) -> bool:
        parts = urlsplit(url)
        root = f"{parts.scheme}://{parts.netloc}"
        with self._robots_lock:
            if root not in self._robots:
                self._robots[root] = self._read_robots(root)
            rules = self._robots[root]
        return rules is None or rules.can_fetch(str(self.session.headers["User-Agent"]), url)

    def _read_robots(self, root: str) -> urllib.robotparser.RobotFileParser | None:
        """robots.txt through the same guarded, cached session; none or unreadable means allowed."""
        try:
            response = self.session.get(root + "/robots.txt", timeout=self.settings.timeout)
        except FetchError:
            raise
        except requests.RequestException as exc:
            log.info("no robots.txt from %s (%s): fetching allowed", root, _reason(exc))
            return None
        if response.status_code != 200:
            return None
        rules = urllib.robotparser.RobotFileParser()
        rules.parse(response.text.splitlines())
        return rules


def _reason(exc: BaseException) -> str:
    """The innermost cause of a requests error, said in one line."""
    while exc.__context__ is not None and not isinstance(exc, FetchError):
        exc = exc.__context__
    if isinstance(exc, FetchError):
        return exc.reason
    text = str(exc).split(": ")[-1] if ": " in str(exc) else str(exc)
    return text or exc.__class__.__name__


def fetch_all(fetcher: Fetcher, urls: Iterable[str], *, progress: bool = False) -> Mapping[str, Page | FetchError]:
    """Every URL fetched, a few at a time, each to its page or to the error that stopped it."""
    urls = list(dict.fromkeys(urls))
    results: dict[str, Page | FetchError] = {}

    def one(url: str) -> tuple[str, Page | FetchError]:
        try:
            return url, fetcher.get(url)
        except FetchError as exc:
            log.warning("%s: %s", url, exc.reason)
            return url, exc

    bar = _progress(len(urls)) if progress else None
    with ThreadPoolExecutor(max_workers=max(1, fetcher.settings.workers)) as pool:
        for url, result in pool.map(one, urls):
            results[url] = result
            if bar is not None:
                bar.update(1)
    if bar is not None:
        bar.close()
    return results


def _progress(total: int) -> Any:
    return tqdm(
        total=total, desc="fetching", unit="page", file=sys.stderr, disable=total <= 3 or not sys.stderr.isatty()
    )
