"""factcheck: check a news article's claims against the primary sources they come from.

>>> import factcheck
>>> report = factcheck.check("story.html", ["releases/"])   # doctest: +SKIP
>>> report.to_dict()["summary"]                              # doctest: +SKIP
{'supported': 7, 'altered': 5, 'unsourced': 3}

Only the names in ``__all__`` are public; anything else may change without notice.
"""

from __future__ import annotations

import logging

__version__ = "0.1.0"

from factcheck.config import Settings
from factcheck.errors import FactcheckError
from factcheck.pipeline import check, find_sources
from factcheck.records import (
    Article,
    Candidate,
    Claim,
    Difference,
    Evidence,
    Found,
    Kind,
    Label,
    Report,
    Source,
    Verdict,
)

__all__ = [
    "Article",
    "Candidate",
    "Claim",
    "Difference",
    "Evidence",
    "FactcheckError",
    "Found",
    "Kind",
    "Label",
    "Report",
    "Settings",
    "Source",
    "Verdict",
    "check",
    "find_sources",
]

logging.getLogger(__name__).addHandler(logging.NullHandler())
