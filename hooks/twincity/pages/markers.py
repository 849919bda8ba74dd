"""The markers a page holds where the hook puts a generated block, in one table.

A page stays real Markdown; `<!-- twincity:NAME -->` on a line of its own is replaced
by the block for the page's language, and `<!-- twincity:quote ID -->` by one
quotation. A marker belongs on one page (which must hold it, once), or on any page
(`page` None): a block at most once on each page, a marker taking an id any number of
times. Markers inside code (a fenced block, an inline code span) are left as written, so
a page can show one. A wrong marker stops the build with the page's file and why.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from ..data.kinds import KINDS
from ..errors import PageError
from .rendering import (
    RenderContext,
    render_agreement_index,
    render_corrections,
    render_factsheet_dates,
    render_factsheet_pdf,
    render_factsheet_qr,
    render_glance,
    render_glossary,
    render_open_data,
    render_quotation,
    render_quotes,
    render_schematic,
    render_timeline,
)
from .updates import render_licence, render_report_how, render_updates


@dataclass(frozen=True)
class Marker:
    name: str
    page: str | None  # the page it belongs on (file name without language suffix and .md); None: any page
    takes_id: bool
    render: Callable[..., str]  # (ctx, level=…) for a page block; (ctx, id) for one taking an id
    example: str  # for messages
    several_ids: bool = False  # takes a list of ids, separated by spaces
    reads: tuple[str, ...] = ()  # the data kinds its block shows


# `reads`: the data kinds the marker's block shows; a page's last-updated date is that of
# the newest commit touching the page or one of their files (last_updated.py).
MARKERS: tuple[Marker, ...] = (
    Marker(
        "agreement-index",
        "agreements",
        False,
        render_agreement_index,
        "<!-- twincity:agreement-index -->",
        reads=("agreements", "people", "timeline", "quotes"),
    ),
    Marker(
        "timeline", "timeline", False, render_timeline, "<!-- twincity:timeline -->", reads=("timeline", "agreements")
    ),
    Marker(
        "quotes", "quotes", False, render_quotes, "<!-- twincity:quotes -->", reads=("quotes", "people", "agreements")
    ),
    Marker("glossary", "glossary", False, render_glossary, "<!-- twincity:glossary -->", reads=("glossary", "people")),
    Marker(
        "open-data",
        "sources",
        False,
        render_open_data,
        "<!-- twincity:open-data -->",
        reads=tuple(kind.name for kind in KINDS),
    ),  # every file, its fields and its count
    Marker(
        "corrections", "sources", False, render_corrections, "<!-- twincity:corrections -->", reads=("corrections",)
    ),
    Marker(
        "quote",
        None,
        True,
        render_quotation,
        "<!-- twincity:quote chen-shared-roots --> (a quotation from data/quotes.yml)",
        reads=("quotes", "people"),
    ),
    # The pictures: on any page, once each (home, agreements and the fact sheet hold them).
    Marker("schematic", None, False, render_schematic, "<!-- twincity:schematic -->", reads=("places", "agreements")),
    Marker("glance", None, False, render_glance, "<!-- twincity:glance -->", reads=("agreements",)),
    # The fact sheet: its QR code and key dates; the link to its PDF on any page, once.
    Marker("factsheet-qr", "factsheet", False, render_factsheet_qr, "<!-- twincity:factsheet-qr -->"),
    Marker(
        "factsheet-dates",
        "factsheet",
        True,
        render_factsheet_dates,
        "<!-- twincity:factsheet-dates conference-2025 goal-2035 --> (timeline ids)",
        several_ids=True,
        reads=("timeline",),
    ),
    Marker("factsheet-pdf", None, False, render_factsheet_pdf, "<!-- twincity:factsheet-pdf -->"),
    Marker("updates", "updates", False, render_updates, "<!-- twincity:updates -->", reads=("updates",)),
    Marker("licence", "sources", False, render_licence, "<!-- twincity:licence -->"),
    # How to report an error: what every page's report link does in this build (extra.twincity.report).
    Marker("report-how", "sources", False, render_report_how, "<!-- twincity:report-how -->"),
)
BY_NAME = {marker.name: marker for marker in MARKERS}


def data_files_shown(markdown: str) -> tuple[str, ...]:
    """The data files (data/NAME.yml) the markers of a page's Markdown show."""
    names = {
        kind
        for match in MARKER.finditer(markdown)
        if match.group(2) in BY_NAME
        for kind in BY_NAME[match.group(2)].reads
    }
    return tuple(sorted(f"{name}.yml" for name in names))


# Any comment that starts like a marker, in any letter case: `<!-- twincity:NAME [ID] -->`.
MARKER = re.compile(r"<!--\s*(twincity):([^\s>]*)(?:[ \t]+([^\s>]+(?:[ \t]+[^\s>]+)*))?\s*-->", re.I)
# Code, where a marker is text: fenced blocks and inline code spans. (Indented text is
# not taken for code: in an admonition or a list it is the page's own content.)
# Anything that starts like one of our markers; each must be exactly a marker (a misspelt
# prefix, `<!-- twincty:quote … -->`, would otherwise leave a hole in the page silently).
_LOOKS_LIKE_MARKER = re.compile(r"<!--\s*twinc", re.I)
_FENCED = re.compile(r"^[ \t]{0,3}(`{3,}|~{3,})[^\n]*\n.*?(?:^[ \t]{0,3}\1[ \t]*$|\Z)", re.M | re.S)
_CODE_SPAN = re.compile(r"(?<!`)(`+)(?!`).+?(?<!`)\1(?!`)", re.S)


def fill_markers(markdown: str, *, page_slug: str, ctx: RenderContext) -> str:
    """Replace every marker of the page with its generated block; raise PageError on a wrong marker."""
    src = ctx.src
    code = _code_spans(markdown)
    found = [m for m in MARKER.finditer(markdown) if not any(a <= m.start() < b for a, b in code)]
    starts = {m.start() for m in found}
    for near in _LOOKS_LIKE_MARKER.finditer(markdown):
        if near.start() not in starts and not _inside(near.start(), code):
            raise PageError(
                f"{src}: line {_line(markdown, near.start())}: {_snippet(markdown, near.start())} looks like a marker "
                "but is not one: write <!-- twincity:NAME --> (or <!-- twincity:NAME ID -->), "
                "with the prefix twincity and a colon, and close it with -->"
            )
    for match in found:
        line_start = markdown.rfind("\n", 0, match.start()) + 1
        line_end = markdown.find("\n", match.end())
        before = markdown[line_start : match.start()]
        after = markdown[match.end() : len(markdown) if line_end < 0 else line_end]
        # Indentation is allowed (in an admonition or a list), nothing else.
        if before.strip(" \t") or after.strip():
            raise PageError(
                f"{src}: line {_line(markdown, match.start())}: the marker {match.group(0)} must stand on a line "
                "of its own (it is replaced by a whole block, not by words in a sentence)"
            )
    names = [m.group(2) for m in found]
    for match in found:
        prefix, name, given_id = match.group(1), match.group(2), match.group(3)
        if prefix != "twincity" or name != name.lower():
            raise PageError(
                f"{src}: the marker {match.group(0)} must be written in lower case: "
                f"<!-- twincity:{name.lower()}{' ' + given_id if given_id else ''} -->"
            )
        marker = BY_NAME.get(name)
        if marker is None:
            known = ", ".join(m.example for m in MARKERS)
            raise PageError(f"{src}: unknown marker <!-- twincity:{name} --> (known markers: {known})")
        if given_id is not None and not marker.takes_id:
            raise PageError(f"{src}: the marker <!-- twincity:{name} --> takes no id (given {given_id!r})")
        if marker.page is not None and marker.page != page_slug:
            raise PageError(
                f"{src}: the marker <!-- twincity:{name} --> belongs on docs/{marker.page}.md "
                f"(and its translations), not on this page"
            )
        if marker.takes_id:
            if given_id is None:
                raise PageError(f"{src}: the marker <!-- twincity:{name} --> needs an id: {marker.example}")
            if len(given_id.split()) > 1 and not marker.several_ids:
                raise PageError(f"{src}: the marker <!-- twincity:{name} --> takes one id (given {given_id!r})")
            continue
        if names.count(name) > 1:
            raise PageError(
                f"{src}: the marker <!-- twincity:{name} --> is given {names.count(name)} times; give it once"
            )
    for marker in MARKERS:
        if marker.page == page_slug and marker.name not in names:
            raise PageError(
                f"{src}: the marker <!-- twincity:{marker.name} --> is missing; "
                "the page must hold it on a line of its own"
            )
    if not found:
        return markdown

    pieces, last = [], 0
    for match in found:
        marker = BY_NAME[match.group(2)]
        if marker.takes_id:
            block = "\n\n" + marker.render(ctx, match.group(3)).strip() + "\n\n"
        else:
            level = heading_level_below(markdown[: match.start()])
            block = "\n" + marker.render(ctx, level=level).strip() + "\n"
        pieces += [markdown[last : match.start()], block]
        last = match.end()
    pieces.append(markdown[last:])
    return "".join(pieces)


def _line(markdown: str, position: int) -> int:
    return markdown.count("\n", 0, position) + 1


def _snippet(markdown: str, position: int) -> str:
    end = markdown.find("-->", position)
    line_end = markdown.find("\n", position)
    stop = min(x for x in (end + 3 if end >= 0 else len(markdown), line_end if line_end >= 0 else len(markdown)))
    return markdown[position:stop][:80]


def _code_spans(markdown: str) -> list[tuple[int, int]]:
    """(start, end) of every stretch of code in the Markdown."""
    spans = [m.span() for m in _FENCED.finditer(markdown)]
    spans += [m.span() for m in _CODE_SPAN.finditer(markdown) if not _inside(m.start(), spans)]
    return spans


def _inside(position: int, spans: list[tuple[int, int]]) -> bool:
    return any(a <= position < b for a, b in spans)


_ATX_HEADING = re.compile(r"^(#{1,6})[ \t]", re.M)


def heading_level_below(markdown_before: str) -> int:
    """The level for generated headings: one below the last heading before the marker (at least 2, at most 5)."""
    text = _FENCED.sub("", markdown_before)
    levels = [len(m.group(1)) for m in _ATX_HEADING.finditer(text)]
    return min(max((levels[-1] if levels else 1) + 1, 2), 5)
