"""The publisher registry: who issues releases, how stories name them, and where their releases are listed.

Shipped as data (``publishers.toml`` beside this module); a configuration
file adds to it with ``[[publishers]]`` tables. Every entry is validated when
loaded: a wrong entry is a ConfigError naming the publisher and the field.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Mapping
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import attrs
import soupsieve

from factcheck.errors import ConfigError

__all__ = ["Listing", "Publisher", "Registry", "load_registry", "parse_publisher"]

KINDS = ("json", "feed", "html")


@attrs.frozen
class Listing:
    """Where a publisher lists its releases, and how to read the list."""

    kind: str
    url: str
    items: str = ""  # json: dotted path to the list of items
    fields: Mapping[str, str] = attrs.field(factory=dict)  # json: url/title/date field names
    base: str = ""  # json: prefix for relative links
    selector: str = ""  # html: the element holding the listing


@attrs.frozen
class Publisher:
    id: str
    name: str
    aliases: tuple[str, ...]
    domains: tuple[str, ...]
    listings: tuple[Listing, ...]
    body: str = ""  # CSS selector for the release text on its pages, where the page layout misleads the generic reader

    def owns(self, host: str) -> bool:
        host = host.lower().rstrip(".")
        return any(host == d or host.endswith("." + d) for d in self.domains)


@attrs.frozen
class Registry:
    publishers: tuple[Publisher, ...]

    def for_host(self, host: str) -> Publisher | None:
        return next((p for p in self.publishers if p.owns(host)), None)

    def named_in(self, text: str) -> list[tuple[Publisher, str]]:
        """Publishers the text names, with the name it used. Abbreviations must be whole words, in capitals."""
        found = []
        for publisher in self.publishers:
            for alias in sorted(publisher.aliases, key=len, reverse=True):
                flags = 0 if alias.isupper() else re.IGNORECASE
                if re.search(rf"(?<![\w.]){re.escape(alias)}(?![\w])", text, flags):
                    found.append((publisher, alias))
                    break
        return found

    def get(self, publisher_id: str) -> Publisher:
        for publisher in self.publishers:
            if publisher.id == publisher_id:
                return publisher
        raise ConfigError(f"no publisher {publisher_id!r} (known: {', '.join(p.id for p in self.publishers)})")


def load_registry(path: Path | None = None, extra: Iterable[Mapping[str, Any]] = ()) -> Registry:
    """The shipped registry (or the file at ``path``), with ``extra`` entries added or replacing by id."""
    if path is None:
        text = resources.files("factcheck").joinpath("publishers.toml").read_text(encoding="utf-8")
        where = "the shipped publishers.toml"
    else:
        try:
            text = path.read_text(encoding="utf-8")
        except OSError as exc:
            raise ConfigError(f"cannot read the publisher registry {path}: {exc.strerror or exc}") from exc
        where = str(path)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{where} is not valid TOML: {exc}") from exc
    entries = {p.id: p for p in (parse_publisher(where, e) for e in data.get("publishers", []))}
    for entry in extra:
        publisher = parse_publisher("the configuration", entry)
        entries[publisher.id] = publisher
    return Registry(tuple(entries.values()))


def parse_publisher(where: str, entry: object) -> Publisher:
    """One [[publishers]] table, checked; ``where`` names the file for the error."""
    if not isinstance(entry, Mapping):
        raise ConfigError(f"{where}: a publisher must be a table")
    name = entry.get("id", "?")
    unknown = set(entry) - {"id", "name", "aliases", "domains", "listings", "body"}
    if unknown:
        raise ConfigError(f"{where}: publisher {name!r}: unknown field {sorted(unknown)[0]!r}")
    for field, kind in (("id", str), ("name", str)):
        if not isinstance(entry.get(field), kind) or not entry.get(field):
            raise ConfigError(f"{where}: publisher {name!r}: {field} must be a non-empty string")
    for field in ("aliases", "domains"):
        value = entry.get(field, [])
        if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
            raise ConfigError(f"{where}: publisher {name!r}: {field} must be a list of strings")
    listings = entry.get("listings", [])
    if not isinstance(listings, list):
        raise ConfigError(f"{where}: publisher {name!r}: listings must be a list of tables")
    body = entry.get("body", "")
    if body:
        _check_selector(where, name, "body", body)
    return Publisher(
        id=entry["id"],
        name=entry["name"],
        aliases=tuple(entry.get("aliases", [])) or (entry["name"],),
        domains=tuple(d.lower() for d in entry.get("domains", [])),
        listings=tuple(_listing(where, name, item) for item in listings),
        body=str(body),
    )


def _check_selector(where: str, name: str, field: str, selector: object) -> None:
    """A CSS selector that will not compile is a configuration error now, not a silent miss later."""
    if not isinstance(selector, str):
        raise ConfigError(f"{where}: publisher {name!r}: {field} must be a CSS selector string")
    try:
        soupsieve.compile(selector)
    except soupsieve.SelectorSyntaxError as exc:
        raise ConfigError(f"{where}: publisher {name!r}: {field} is not a CSS selector: {exc.args[0]}") from exc


def _listing(where: str, name: str, item: object) -> Listing:
    if not isinstance(item, Mapping):
        raise ConfigError(f"{where}: publisher {name!r}: a listing must be a table")
    kind, url = item.get("kind"), item.get("url")
    if kind not in KINDS:
        raise ConfigError(f"{where}: publisher {name!r}: listing kind must be one of {', '.join(KINDS)}, not {kind!r}")
    if not isinstance(url, str) or urlsplit(url).scheme not in {"http", "https"}:
        raise ConfigError(f"{where}: publisher {name!r}: listing url must be an http(s) URL")
    fields = item.get("fields", {})
    if kind == "json" and (not isinstance(fields, Mapping) or "url" not in fields):
        raise ConfigError(f"{where}: publisher {name!r}: a json listing needs fields.url (and title, date)")
    if item.get("selector"):
        _check_selector(where, name, "listing selector", item["selector"])
    unknown = set(item) - {"kind", "url", "items", "fields", "base", "selector"}
    if unknown:
        raise ConfigError(f"{where}: publisher {name!r}: unknown listing field {sorted(unknown)[0]!r}")
    return Listing(
        kind=str(kind),
        url=url,
        items=str(item.get("items", "")),
        fields=dict(fields),
        base=str(item.get("base", "")),
        selector=str(item.get("selector", "")),
    )
