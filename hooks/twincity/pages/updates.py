"""The site's record of updates (data/updates.yml) on its updates page, and the licence
of its data on the sources page (the feeds of the same updates: publish/feeds.py).

An update concerns pages (`agreements`) or entries on them (`agreements#maritime-affairs`);
the page and the feed link each one, labelled by the page's title (its `# heading`)
and, for an entry, its title in the data or its heading on the page.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from markupsafe import Markup

from ..config.pages import HOME, SUFFIX, page_file
from ..config.report import TrustSettings
from ..data.dates import PartialDate
from ..data.kinds import BY_NAME, KINDS
from ..data.models import Update
from ..data.site_data import SiteData
from ..errors import DataError, Problem

# The one Jinja environment of the generated blocks, and its render step (rendering.py).
from .rendering import RenderContext, render_template

_HEADING = re.compile(r"^#[ \t]+(.+?)\s*$", re.M)


@dataclass(frozen=True)
class TrustContext:
    """What the updates and licence blocks need beyond the data: the settings and the pages' titles."""

    settings: TrustSettings
    docs_dir: Path
    default: str  # the default language's code: its pages are docs/PAGE.md

    def page_file(self, slug: str, lang: str) -> Path:
        return page_file(self.docs_dir, slug, lang, self.default)

    def page_title(self, slug: str, lang: str, texts) -> str:
        if slug == HOME:
            return texts["updates.home"]
        return _first_heading(self.page_file(slug, lang))

    def label(self, address: str, lang: str, texts, data: SiteData) -> str:
        """“Page title” or “Page title: entry” for an update's concern."""
        slug, _, anchor = address.partition("#")
        title = self.page_title(slug, lang, texts)
        if not anchor:
            return title
        entry = _entry_title(data, slug, anchor, lang) or _anchor_heading(self.page_file(slug, lang), anchor)
        return f"{title}{texts['punctuation.colon']}{entry}" if entry else title


# -----------------------------------------------------------------------------
# Checks (at set-up, with the data)
# -----------------------------------------------------------------------------


def check_updates(data: SiteData, docs_dir: Path) -> None:
    """Every page an update concerns exists; DataError naming file, entry and field otherwise."""
    display = f"data/{BY_NAME['updates'].filename}"
    problems = []
    for index, update in enumerate(data.updates):
        for n, address in enumerate(update.concerns):
            slug = address.partition("#")[0]
            if not (docs_dir / f"{slug}{SUFFIX}").exists():
                problems.append(
                    Problem(
                        display, f"no page {slug!r} (docs/{slug}.md)", f"'{update.id}' (#{index + 1})", f"concerns[{n}]"
                    )
                )
    if problems:
        raise DataError(problems)


# The data fields that name places on pages ('agreements#maritime-affairs'): each anchor is
# checked against the built page in every language.
PAGE_REFERENCES = (("updates", "concerns"), ("corrections", "see"))


def check_concern_anchors(data: SiteData, ids_of, codes: tuple[str, ...]) -> None:
    """After the build: every anchor an update concerns (or a correction's `see` names)
    is an id on its page in every language (`ids_of(slug, lang)`: the ids of the built
    page, None when it is not built)."""
    problems = []
    for kind, field_name in PAGE_REFERENCES:
        display = f"data/{BY_NAME[kind].filename}"
        for index, entry in enumerate(data.entries(kind)):
            for n, address in enumerate(getattr(entry, field_name)):
                slug, _, anchor = address.partition("#")
                if not anchor:
                    continue
                built = {code: ids_of(slug, code) for code in codes}
                if all(ids is None for ids in built.values()):
                    problems.append(
                        Problem(
                            display,
                            f"no page {slug!r} in the built site",
                            f"'{entry.id}' (#{index + 1})",
                            f"{field_name}[{n}]",
                        )
                    )
                    continue
                lacking = [code for code, ids in built.items() if anchor not in (ids or set())]
                if lacking:
                    problems.append(
                        Problem(
                            display,
                            f"no anchor #{anchor} on the page {slug!r} (built, in {', '.join(lacking)}): "
                            "name an id the page has (a heading's {#id} or a data entry's id)",
                            f"'{entry.id}' (#{index + 1})",
                            f"{field_name}[{n}]",
                        )
                    )
    if problems:
        raise DataError(problems)


# -----------------------------------------------------------------------------
# Renderers (markers.py)
# -----------------------------------------------------------------------------


def newest_first(updates: list[Update]) -> list[Update]:
    """By day, newest first; updates of one day by id, so that the page and the feeds do
    not change when the file is reordered."""
    by_id = sorted(updates, key=lambda u: u.id)
    return sorted(by_id, key=lambda u: PartialDate.parse(u.date).sort_key, reverse=True)


def render_updates(ctx: RenderContext, level: int = 2) -> str:
    trust = _trust(ctx)
    updates = [
        (u, [(_href(ctx, address), trust.label(address, ctx.lang, ctx.texts, ctx.data)) for address in u.concerns])
        for u in newest_first(ctx.data.updates)
    ]
    return render_template("updates.html", ctx, h=level, updates=updates)


def render_licence(ctx: RenderContext, level: int = 2) -> str:
    licence = _trust(ctx).settings.licence
    return render_template("licence.html", ctx, h=level, licence=licence, licence_link=licence_link(licence))


def render_report_how(ctx: RenderContext, level: int = 2) -> str:
    """How to report an error, as true of this build: what the report link of every page does."""
    return render_template("report-how.html", ctx, kind=_trust(ctx).settings.report.kind)


def licence_link(licence) -> Markup:
    return Markup('<a href="{}" rel="license">{}</a>').format(licence.url, licence.name)


def _trust(ctx: RenderContext) -> TrustContext:
    if ctx.trust is None:
        raise ValueError("the updates and licence blocks need the RenderContext's trust (TrustContext)")
    return ctx.trust


def _href(ctx: RenderContext, address: str) -> str:
    slug, _, anchor = address.partition("#")
    return ctx.links.page(slug, anchor or None)


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------


def _first_heading(path: Path) -> str:
    return _heading_of(path, path.stat().st_mtime_ns)


@functools.lru_cache(maxsize=256)  # by modification time: `mkdocs serve` sees an edited title
def _heading_of(path: Path, _mtime: int) -> str:
    found = _HEADING.search(path.read_text("utf-8"))
    return _strip_attributes(found.group(1)) if found else path.stem


def _anchor_heading(path: Path, anchor: str) -> str:
    for line in path.read_text("utf-8").splitlines():
        if line.startswith("#") and re.search(r"\{[^}]*#" + re.escape(anchor) + r"\b[^}]*\}\s*$", line):
            return _strip_attributes(line.lstrip("#").strip())
    return ""


def _strip_attributes(heading: str) -> str:
    return re.sub(r"\s*\{[^}]*\}\s*$", "", heading).strip()


def _entry_title(data: SiteData, slug: str, entry_id: str, lang: str) -> str:
    """The title (or term, or name) of the data entry whose anchor this is, if any."""
    for kind in KINDS:
        if kind.page != slug:
            continue
        for entry in data.entries(kind.name):
            if entry.id == entry_id:
                for attribute in ("title", "term", "name"):
                    text: Any = getattr(entry, attribute, None)
                    if text is not None and hasattr(text, "root"):
                        return text[lang]
    return ""
