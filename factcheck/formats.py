"""Renderers of a run of Reports: text for people, json for programs, and what CI tools read.

Every format named in DESIGN.md is known here; one whose issue has not landed
yet says so plainly instead of printing something half-made.
"""

from __future__ import annotations

import json
import textwrap
from collections.abc import Callable, Sequence
from pathlib import Path

import attrs

from factcheck import _ci_formats
from factcheck.errors import UsageError
from factcheck.records import Label, Report, Verdict

__all__ = ["FORMATS", "Options", "render", "require"]

FORMATS = ("text", "json", "markdown", "sarif", "junit", "github", "claimreview", "html")

_ORDER = (Label.ALTERED, Label.UNSOURCED, Label.SUPPORTED)
_COLOURS = {Label.ALTERED: "31", Label.UNSOURCED: "33", Label.SUPPORTED: "32"}


@attrs.frozen
class Options:
    """How to render: colour on a terminal, which labels fail the run, how much to say."""

    colour: bool = False
    failing: tuple[Label, ...] = (Label.ALTERED,)
    quiet: bool = False
    root: Path = attrs.field(factory=Path.cwd)  # file paths in CI formats are relative to this


Renderer = Callable[[Sequence[Report], Options], str]


def require(fmt: str) -> Renderer:
    """The renderer of ``fmt``; UsageError for an unknown format or one not built yet."""
    renderers: dict[str, Renderer] = {
        "text": render_text,
        "json": render_json,
        "sarif": _ci_formats.render_sarif,
        "github": _ci_formats.render_github,
        "junit": _ci_formats.render_junit,
        "markdown": _ci_formats.render_markdown,
        "claimreview": _ci_formats.render_claimreview,
    }
    if fmt not in FORMATS:
        raise UsageError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    if fmt not in renderers:
        raise UsageError(f"format {fmt} is not available yet")
    return renderers[fmt]


def render(reports: Report | Sequence[Report], fmt: str, *, colour: bool = False, **options: object) -> str:
    """The report (or the run of reports) in format ``fmt``."""
    run = [reports] if isinstance(reports, Report) else list(reports)
    return require(fmt)(run, Options(colour=colour, **options))  # type: ignore[arg-type]


def render_json(reports: Sequence[Report], options: Options) -> str:
    """The contract: one report, or a JSON array of them when the run checked several articles."""
    data = [r.to_dict() for r in reports]
    return json.dumps(data[0] if len(data) == 1 else data, ensure_ascii=False, indent=2) + "\n"


def render_text(reports: Sequence[Report], options: Options) -> str:
    out = "\n".join(_text_one(r, options) for r in reports)
    if len(reports) > 1:
        out += "\n" + _ci_formats.summary_line(reports) + "\n"
    return out


def _text_one(report: Report, options: Options) -> str:
    """A report an editor reads top to bottom: what is wrong first, each with its citation."""

    def paint(code: str, text: str) -> str:
        return f"\x1b[{code}m{text}\x1b[0m" if options.colour else text

    article = report.article
    lines = [paint("1", article.title or article.location)]
    published = f", published {article.published.isoformat()}" if article.published else ""
    lines.append(f"{article.location}{published}")
    if not options.quiet:
        lines.append("")
        lines.append("Sources")
        for s in report.sources:
            if s.ok:
                meta = ", ".join(x for x in (s.publisher, s.published.isoformat() if s.published else None) if x)
                lines.append(f"  {s.id}  {s.title or s.location}" + (f" ({meta})" if meta else ""))
                lines.append(f"      {s.url}")
            else:
                lines.append(f"  {s.id}  {paint('31', 'failed')}: {s.location}: {s.error}")
        for note in report.notes:
            lines.extend(textwrap.wrap(f"note: {note}", 88, initial_indent="  ", subsequent_indent="    "))
    for label in _ORDER:
        verdicts = [v for v in report.verdicts if v.label is label]
        if not verdicts or (options.quiet and label not in options.failing):
            continue
        lines.append("")
        lines.append(paint(_COLOURS[label] + ";1", f"{label.value.upper()} ({len(verdicts)})"))
        for v in verdicts:
            lines.extend(_verdict_lines(v, report))
    lines.append("")
    counts = ", ".join(
        f"{report.count(label)} {label.value}" for label in (Label.SUPPORTED, Label.ALTERED, Label.UNSOURCED)
    )
    lines.append(f"{len(report.verdicts)} claims: {counts}")
    return "\n".join(lines) + "\n"


def _verdict_lines(v: Verdict, report: Report) -> list[str]:
    line, column = report.article.position(v.claim.start)
    out = [f"  {line}:{column}  {v.claim.kind.value:<9} {_clip(v.claim.text, 70)}"]
    for e in v.evidence:
        out.extend(
            textwrap.wrap(
                f"source {e.source}: “{_clip(e.passage, 200)}”",
                100,
                initial_indent="      ",
                subsequent_indent="        ",
            )
        )
    for d in v.differences:
        out.append(f"      differs in {d.field}: article {_show(d.article)}, source {_show(d.source)}")
    out.extend(textwrap.wrap(f"→ {v.explanation}", 100, initial_indent="      ", subsequent_indent="        "))
    return out


def _show(value: str | None) -> str:
    return "—" if value is None else f"“{value}”"


def _clip(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"
