"""The public surface is exactly ``factcheck.__all__``; anything else may change without notice."""

from __future__ import annotations

import factcheck

PUBLIC = [
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


def test_all_is_the_sorted_public_names() -> None:
    assert factcheck.__all__ == sorted(PUBLIC)


def test_every_public_name_resolves() -> None:
    for name in factcheck.__all__:
        assert getattr(factcheck, name) is not None


def test_records_are_frozen() -> None:
    import attrs
    import pytest

    source = factcheck.Source(url="https://example.gov/r")
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        source.url = "elsewhere"  # type: ignore[misc]
    assert attrs.evolve(source, id="s1").id == "s1"


def test_settings_reject_fractions_out_of_range() -> None:
    import pytest

    with pytest.raises(ValueError, match="about_tolerance"):
        factcheck.Settings(about_tolerance=1.5)
