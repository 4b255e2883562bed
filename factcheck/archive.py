"""The local release archive: releases as parsed when fetched, searchable offline (SQLite with FTS5).

``factcheck archive update`` fills it from the publishers' listings;
discovery searches it before going to the network, and a check months later
cites exactly what a release said when it was archived (text and sha256).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from datetime import date, datetime
from pathlib import Path

import platformdirs

from factcheck.errors import InputError
from factcheck.records import Source

__all__ = ["Archive", "default_archive_path"]

_SCHEMA = """
create table if not exists releases (
    url text primary key, publisher text, title text, published text, text text not null,
    sha256 text, fetched_at text, final_url text, publisher_name text
);
create virtual table if not exists releases_fts using fts5(url unindexed, title, text);
"""


def default_archive_path() -> Path:
    return Path(platformdirs.user_data_dir("factcheck")) / "releases.sqlite"


class Archive:
    """Releases by URL, with full-text search over title and text. Use as a context manager."""

    def __init__(self, path: Path | None = None, *, create: bool = True) -> None:
        self.path = path or default_archive_path()
        if not create and not self.path.is_file():
            raise InputError(str(self.path), "no archive there yet ('factcheck archive update' or 'add' makes one)")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(self.path, check_same_thread=False)
            self._db.executescript(_SCHEMA)
        except OSError as exc:
            raise InputError(str(self.path), exc.strerror or str(exc)) from exc
        except sqlite3.DatabaseError as exc:  # not SQLite, or read-only, or locked
            raise InputError(str(self.path), f"not usable as a release archive: {exc}") from exc

    def __enter__(self) -> Archive:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._db.close()

    def add(self, source: Source, publisher: str = "") -> None:
        """Store (or replace) a parsed release under its URL, with the id of the publisher it came from."""
        row = (
            source.url, publisher, source.title, _iso(source.published), source.text,
            source.sha256, _iso(source.fetched_at), source.final_url, source.publisher,
        )  # fmt: skip
        with self._db:
            self._db.execute("delete from releases_fts where url = ?", (source.url,))
            self._db.execute("insert or replace into releases values (?, ?, ?, ?, ?, ?, ?, ?, ?)", row)
            self._db.execute(
                "insert into releases_fts (url, title, text) values (?, ?, ?)", (source.url, source.title, source.text)
            )

    def get(self, url: str) -> Source | None:
        found = self._db.execute("select * from releases where url = ? or final_url = ?", (url, url)).fetchone()
        return _source(found) if found else None

    def __len__(self) -> int:
        return int(self._db.execute("select count(*) from releases").fetchone()[0])

    def search(
        self,
        terms: Iterable[str],
        *,
        publisher: str | None = None,
        since: date | None = None,
        until: date | None = None,
        limit: int = 20,
    ) -> list[tuple[Source, str]]:
        """Releases matching any of ``terms`` (best first), with their publisher id."""
        phrases = ['"' + t.replace('"', " ") + '"' for t in terms if t.strip()]
        if not phrases:
            return []
        sql = (
            "select r.*, bm25(releases_fts) as score from releases_fts join releases r on r.url = releases_fts.url "
            "where releases_fts match ?"
        )
        args: list[object] = [" OR ".join(phrases)]
        if publisher:
            sql += " and r.publisher = ?"
            args.append(publisher)
        if since:
            sql += " and (r.published is null or r.published >= ?)"
            args.append(since.isoformat())
        if until:
            sql += " and (r.published is null or r.published <= ?)"
            args.append(until.isoformat())
        sql += " order by score limit ?"
        args.append(limit)
        return [(_source(row[:9]), str(row[1])) for row in self._db.execute(sql, args)]


def _iso(value: date | datetime | None) -> str | None:
    return value.isoformat() if value else None


def _source(row: tuple[object, ...]) -> Source:
    url, _, title, published, text, sha256, fetched_at, final_url, publisher = row
    text = str(text)
    spans, cursor = [], 0
    for part in text.split("\n\n"):
        spans.append((cursor, cursor + len(part)))
        cursor += len(part) + 2
    return Source(
        url=str(url),
        location=str(url),
        text=text,
        title=str(title) if title else None,
        publisher=str(publisher) if publisher else None,
        published=date.fromisoformat(str(published)) if published else None,
        paragraphs=tuple(spans),
        fetched_at=datetime.fromisoformat(str(fetched_at)) if fetched_at else None,
        final_url=str(final_url) if final_url else None,
        sha256=str(sha256) if sha256 else None,
    )
