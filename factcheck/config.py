"""Settings: one frozen record of every knob a check has."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import attrs

__all__ = ["Settings"]

_fraction = [attrs.validators.ge(0.0), attrs.validators.le(1.0)]


@attrs.frozen
class Settings:
    """How a check runs. Public functions take ``settings: Settings | None``.

    Attributes:
        discover: follow the article's links and publishers' feeds to find
            sources (needs HTTP fetching; without it only given sources count).
        offline: never touch the network; serve fetched pages from the cache only.
        allow_private_addresses: let URLs reach loopback, private and link-local
            addresses — an intranet source; off by default.
        allowed_networks: the narrower way: these networks only (CIDR, e.g.
            ``("127.0.0.0/8",)`` for a test server on loopback).
        allowed_hosts: host names whose private addresses may be reached
            (an intranet release server), by name.
        about_tolerance: how far "about 300" may be from the source's figure,
            as a fraction (0.05 → 285–315).
        quote_min_similarity: below this word-level similarity a quote is not
            the same quote at all (unsourced rather than altered).
        passage_min_similarity: below this a passage does not speak to a claim.
        cache_dir: where fetched pages are cached (None → the platform's user cache dir).
        cache_seconds: how long a fetched page is fresh when its server says nothing.
        timeout: (connect, read) seconds for each request.
        deadline: seconds for one page in all, however slowly it arrives.
        max_bytes: the largest page read, counted after decompression.
        retries: how many times a 429/5xx or a dropped connection is retried.
        retry_after_cap: the longest ``Retry-After`` honoured, in seconds.
        min_interval: seconds between two requests to the same host.
        max_redirects: redirects followed before giving up.
        workers: pages fetched at once.
        user_agent: sent with every request (None → factcheck's own, with the project URL).
        progress: show a progress bar on a terminal when several pages are fetched.
        baseline: a baseline file whose findings are accepted (hidden, and noted).
        registry: a publisher registry to use instead of the shipped one.
        extra_publishers: publisher entries added to the registry (from configuration).
        archive_path: the release archive (None → the platform's user data dir).
        discovery_days: how far from the story's date a release may be to be found.
        discovery_limit: how many discovered releases become sources.
    """

    discover: bool = True
    offline: bool = False
    allow_private_addresses: bool = False
    allowed_networks: tuple[str, ...] = ()
    allowed_hosts: tuple[str, ...] = ()
    about_tolerance: float = attrs.field(default=0.05, validator=_fraction)
    quote_min_similarity: float = attrs.field(default=0.6, validator=_fraction)
    passage_min_similarity: float = attrs.field(default=0.2, validator=_fraction)
    cache_dir: Path | None = None
    cache_seconds: float = 6 * 3600
    timeout: tuple[float, float] = (5.0, 20.0)
    deadline: float = 60.0
    max_bytes: int = 5 * 1024 * 1024
    retries: int = 3
    retry_after_cap: float = 30.0
    min_interval: float = 1.0
    max_redirects: int = 5
    workers: int = 4
    user_agent: str | None = None
    progress: bool = False
    baseline: Path | None = None
    registry: Path | None = None
    extra_publishers: tuple[Mapping[str, Any], ...] = ()
    archive_path: Path | None = None
    discovery_days: int = 30
    discovery_limit: int = 3
