"""Settings: one frozen record of every knob a check has."""

from __future__ import annotations

from pathlib import Path

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
        allow_private_addresses: let URLs reach loopback/private hosts (tests).
        about_tolerance: how far "about 300" may be from the source's figure,
            as a fraction (0.05 → 285–315).
        quote_min_similarity: below this word-level similarity a quote is not
            the same quote at all (unsourced rather than altered).
        passage_min_similarity: below this a passage does not speak to a claim.
        cache_dir: where fetched pages are cached (None → the platform's default).
    """

    discover: bool = True
    offline: bool = False
    allow_private_addresses: bool = False
    about_tolerance: float = attrs.field(default=0.05, validator=_fraction)
    quote_min_similarity: float = attrs.field(default=0.6, validator=_fraction)
    passage_min_similarity: float = attrs.field(default=0.2, validator=_fraction)
    cache_dir: Path | None = None
