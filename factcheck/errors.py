"""The one exception tree of factcheck.

Exceptions are raised only when a check *cannot run*; everything a check finds
out about a claim (including a source that failed to load) is data in the
report, never an exception::

    FactcheckError            base; the CLI turns it into one line and exit 2
    ├── InputError            an article or source that cannot be read (.location)
    │   └── ExtractionError   read, but no usable text in it
    ├── SourceError           no source left to check against
    └── UsageError            arguments that do not fit together
"""

from __future__ import annotations

__all__ = ["ExtractionError", "FactcheckError", "InputError", "SourceError", "UsageError"]


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


class SourceError(FactcheckError):
    """There is no usable source: none given, or every one failed."""


class UsageError(FactcheckError):
    """The request cannot be carried out as asked (e.g. a format not built yet)."""
