"""Configuration files: ``[tool.factcheck]`` in pyproject.toml, or factcheck.toml, read and checked.

Found by walking up from the current directory (``--config`` names one
instead). Every key is checked: an unknown key or a wrong value is a
ConfigError — one line, exit 2 — never silently ignored. Paths in the file
are relative to the file.
"""

from __future__ import annotations

import ipaddress
import tomllib
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import attrs

from factcheck.errors import ConfigError
from factcheck.publishers import parse_publisher

__all__ = ["FileConfig", "find_config", "load_config"]

FAIL_ON = ("altered", "unsourced", "never")


@attrs.frozen
class FileConfig:
    """What a configuration file says; None where it says nothing."""

    path: Path | None = None
    fail_on: str | None = None
    format: str | None = None
    sources: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    cache_dir: Path | None = None
    offline: bool | None = None
    baseline: Path | None = None
    allow_private_addresses: bool | None = None
    allowed_networks: tuple[str, ...] = ()
    allowed_hosts: tuple[str, ...] = ()
    registry: Path | None = None
    archive: Path | None = None
    publishers: tuple[Mapping[str, Any], ...] = ()
    thresholds: Mapping[str, float] = attrs.field(factory=dict)


def find_config(start: Path | None = None) -> Path | None:
    """The nearest factcheck.toml, or pyproject.toml with a [tool.factcheck] table, from ``start`` upwards."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        own = folder / "factcheck.toml"
        if own.is_file():
            return own
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file() and "factcheck" in _read(pyproject).get("tool", {}):
            return pyproject
    return None


def load_config(path: Path) -> FileConfig:
    """The checked contents of one configuration file."""
    data = _read(path)
    table = data.get("tool", {}).get("factcheck", {}) if path.name == "pyproject.toml" else data
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: [tool.factcheck] must be a table")
    unknown = sorted(set(table) - set(_KEYS))
    if unknown:
        raise ConfigError(f"{path}: unknown key {unknown[0]!r} (known: {', '.join(sorted(_KEYS))})")
    values: dict[str, Any] = {"path": path}
    thresholds: dict[str, float] = {}
    for key, value in table.items():
        parsed = _KEYS[key](path, key, value)
        if key in _TUNING:
            thresholds[key] = parsed
        else:
            values[key] = parsed
    return FileConfig(**values, thresholds=thresholds)


def _read(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ConfigError(f"cannot read {path}: {exc.strerror or exc}") from exc
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path} is not valid TOML: {exc}") from exc


def _choice(options: tuple[str, ...]) -> Callable[[Path, str, object], str]:
    def check(path: Path, key: str, value: object) -> str:
        if value not in options:
            raise ConfigError(f"{path}: {key} must be one of {', '.join(options)}, not {value!r}")
        return str(value)

    return check


def _boolean(path: Path, key: str, value: object) -> bool:
    if not isinstance(value, bool):
        raise ConfigError(f"{path}: {key} must be true or false, not {value!r}")
    return value


def _strings(path: Path, key: str, value: object) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{path}: {key} must be a list of strings")
    return tuple(value)


def _relative_paths(path: Path, key: str, value: object) -> tuple[str, ...]:
    return tuple(v if "://" in v else str((path.parent / v).resolve()) for v in _strings(path, key, value))


def _relative_path(path: Path, key: str, value: object) -> Path:
    if not isinstance(value, str) or not value:
        raise ConfigError(f"{path}: {key} must be a path")
    return (path.parent / value).resolve()


def _networks(path: Path, key: str, value: object) -> tuple[str, ...]:
    networks = _strings(path, key, value)
    for network in networks:
        try:
            ipaddress.ip_network(network, strict=False)
        except ValueError:
            raise ConfigError(f"{path}: {key}: {network!r} is not an address or network (CIDR)") from None
    return networks


def _tables(path: Path, key: str, value: object) -> tuple[Mapping[str, Any], ...]:
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        raise ConfigError(f"{path}: {key} must be a list of tables ([[publishers]])")
    for entry in value:
        parse_publisher(str(path), entry)  # checked now, not when discovery first needs them
    return tuple(value)


def _fraction(path: Path, key: str, value: object) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value <= 1:
        raise ConfigError(f"{path}: {key} must be a number from 0 to 1, not {value!r}")
    return float(value)


def _whole(low: int, high: int) -> Callable[[Path, str, object], int]:
    def check(path: Path, key: str, value: object) -> int:
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            raise ConfigError(f"{path}: {key} must be a whole number from {low} to {high}, not {value!r}")
        return value

    return check


_THRESHOLDS = ("about_tolerance", "quote_min_similarity", "passage_min_similarity")
_TUNING = (*_THRESHOLDS, "discovery_days", "discovery_limit")  # passed to Settings as they are
_KEYS: dict[str, Callable[[Path, str, object], Any]] = {
    "fail_on": _choice(FAIL_ON),
    "format": _choice(("text", "json", "markdown", "sarif", "junit", "github", "claimreview")),
    "sources": _relative_paths,
    "exclude": _strings,
    "cache_dir": _relative_path,
    "offline": _boolean,
    "baseline": _relative_path,
    "allow_private_addresses": _boolean,
    "allowed_networks": _networks,
    "allowed_hosts": _strings,
    "registry": _relative_path,
    "archive": _relative_path,
    "publishers": _tables,
    "discovery_days": _whole(1, 3650),
    "discovery_limit": _whole(1, 20),
    **dict.fromkeys(_THRESHOLDS, _fraction),
}
