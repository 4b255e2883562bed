"""The one exception tree of factcheck.

Exceptions are raised only when a check *cannot run*; everything a check finds
out about a claim (including a source that failed to load) is data in the
report, never an exception::

    FactcheckError            base; the CLI turns it into one line and exit 2
    ├── InputError            an article or source that cannot be read (.location)
    │   └── ExtractionError   read, but no usable text in it
    ├── FetchError            a URL that could not be fetched (.url, .reason); a source
    │                         that fails so is listed with the reason, not raised
    ├── SourceError           no source left to check against
    ├── ConfigError           a configuration file with an unknown key or a wrong value
    └── UsageError            arguments that do not fit together
"""

from __future__ import annotations

__all__ = ["ConfigError", "ExtractionError", "FactcheckError", "FetchError", "InputError", "SourceError", "UsageError"]


class FactcheckError(Exception):
    """Base of every error factcheck raises on purpose."""


class InputError(FactcheckError):
    """An article or source the user named cannot be read."""

    def __init__(self, location: str, reason: str) -> None:
        super().__init__(f"cannot read {location!r}: {reason}")
        self.location = location
        self.reason = reason


class ExtractionError(InputError):
    """The input was read but holds no text to check."""


class FetchError(FactcheckError):
    """A URL that could not be fetched: refused, unreachable, too big, too slow, not 200."""

    def __init__(self, url: str, reason: str) -> None:
        super().__init__(f"cannot fetch {url}: {reason}")
        self.url = url
        self.reason = reason


class SourceError(FactcheckError):
    """There is no usable source: none given, or every one failed."""


class ConfigError(FactcheckError):
    """A configuration file that cannot be used as it is: unknown key, wrong value, not TOML."""


class UsageError(FactcheckError):
    """The request cannot be carried out as asked (e.g. a format not built yet)."""
