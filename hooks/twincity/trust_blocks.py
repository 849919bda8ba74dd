"""The site's record of updates (data/updates.yml) on its updates page and as one Atom
feed per language, and the licence of its data on the sources page.

An update concerns pages (`agreements`) or entries on them (`agreements#maritime-affairs`);
the page and the feed link each one, labelled by the page's title (its `# heading`)
and, for an entry, its title in the data or its heading on the page.

A feed entry's id is a `urn:uuid` derived from the update's id and the feed's language
alone, so it never changes when the data is reordered, an entry is edited, or the site
moves to another address; the feed's own id likewise. The feeds are written from a
Jinja template (`templates/feed.xml`), newest first: `/feed.xml` for the default
language, `/<root>/feed.xml` (`/en/feed.xml`) for each other.
"""

from __future__ import annotations

import functools
import re
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from markupsafe import Markup

from .dates import PartialDate
from .errors import DataError, Problem
from .kinds import BY_NAME, KINDS
from .languages import Language, Languages
from .models import Update
# The one Jinja environment of the generated blocks, and its render step (rendering.py).
from .rendering import RenderContext, _ENV, _render
from .site_data import SiteData
from .trust import TrustSettings

FEED = "feed.xml"  # under each language's root
UPDATES_PAGE = "updates"
HOME_PAGE = "index"
# Every feed and entry id is a name-based UUID in this namespace (fixed once; never change it).
_NAMESPACE = uuid.UUID("5d0f6c2e-8a51-4f0e-9a55-2d1f1e7b6c3a")
_HEADING = re.compile(r"^#[ \t]+(.+?)\s*$", re.M)


@dataclass(frozen=True)
class TrustContext:
    """What the updates and licence blocks need beyond the data: the settings and the pages' titles."""

    settings: TrustSettings
    docs_dir: Path
    default: str  # the default language's code: its pages are docs/PAGE.md

    def page_file(self, slug: str, lang: str) -> Path:
        return self.docs_dir / (f"{slug}.md" if lang == self.default else f"{slug}.{lang}.md")

    def page_title(self, slug: str, lang: str, texts) -> str:
        if slug == HOME_PAGE:
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
            if not (docs_dir / f"{slug}.md").exists():
                problems.append(Problem(display, f"no page {slug!r} (docs/{slug}.md)", f"'{update.id}' (#{index + 1})",
                                        f"concerns[{n}]"))
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
    updates = [(u, [(_href(ctx, address), trust.label(address, ctx.lang, ctx.texts, ctx.data)) for address in u.concerns])
               for u in newest_first(ctx.data.updates)]
    return _render("updates.html", ctx, h=level, updates=updates)


def render_licence(ctx: RenderContext, level: int = 2) -> str:
    licence = _trust(ctx).settings.licence
    return _render("licence.html", ctx, h=level, licence=licence, licence_link=licence_link(licence))


def render_report_how(ctx: RenderContext, level: int = 2) -> str:
    """How to report an error, as true of this build: what the report link of every page does."""
    return _render("report-how.html", ctx, kind=_trust(ctx).settings.report.kind)


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
# Feeds
# -----------------------------------------------------------------------------


def entry_id(update_id: str, lang: str) -> str:
    """The feed entry's id: from the update's id and the feed's language only."""
    return uuid.uuid5(_NAMESPACE, f"update/{update_id}/{lang}").urn


def feed_id(lang: str) -> str:
    return uuid.uuid5(_NAMESPACE, f"feed/{lang}").urn


def feed_path(language: Language) -> str:
    """The feed's path from the site root: 'feed.xml', 'en/feed.xml'."""
    return f"{language.root}{FEED}"


def page_url(slug: str) -> str:
    """A page's language-neutral URL ('agreements/', '' for the home page), as MkDocs writes directory URLs."""
    return "" if slug == HOME_PAGE else f"{slug}/"


def render_feed(language: Language, languages: Languages, data: SiteData, trust: TrustContext) -> str:
    texts = language.texts
    updates_url = languages.absolute(language, page_url(UPDATES_PAGE))
    entries = []
    for update in newest_first(data.updates):
        concerns = []
        for address in update.concerns:
            slug, _, anchor = address.partition("#")
            url = languages.absolute(language, page_url(slug)) + (f"#{anchor}" if anchor else "")
            concerns.append((url, trust.label(address, language.code, texts, data)))
        entries.append({
            "id": entry_id(update.id, language.code),
            "title": update.title[language.code],
            "summary": update.summary[language.code],
            "updated": _timestamp(update.date),
            "link": f"{updates_url}#{update.id}",
            "concerns": concerns,
            # HTML as a string: the template escapes it once more, as Atom's type="html" wants.
            "content": _content(update.summary[language.code], concerns, texts),
        })
    licence = trust.settings.licence
    return _ENV.get_template("feed.xml").render(
        lang=language.code,
        id=feed_id(language.code),
        title=texts["updates.feed_title"].format(site_name=language.site_name),
        subtitle=texts["updates.feed_subtitle"],
        self_url=languages.absolute(language, FEED),
        page_url=updates_url,
        site_name=language.site_name,
        site_url=languages.absolute(language),
        updated=entries[0]["updated"] if entries else _timestamp("1970-01-01"),
        rights=texts["licence.footer"].format(licence=f"{licence.name} ({licence.url})"),
        licence_url=licence.url,
        entries=entries,
    )


def _content(summary: str, concerns: list[tuple[str, str]], texts) -> str:
    """An entry's content as HTML, in a plain string: the template escapes it once more, as type="html" wants."""
    html = Markup("<p>{}</p>").format(summary)
    if concerns:
        links = Markup(texts["punctuation.list_sep"]).join(Markup('<a href="{}">{}</a>').format(u, label) for u, label in concerns)
        html += Markup("<p>{}{}{}</p>").format(texts["updates.concerns"], texts["punctuation.colon"], links)
    return str(html)


def write_feeds(site_dir: Path, languages: Languages, data: SiteData, trust: TrustContext) -> list[Path]:
    written = []
    for language in languages:
        path = Path(site_dir) / feed_path(language)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(render_feed(language, languages, data, trust), "utf-8")
        written.append(path)
    return written


def _timestamp(day: str) -> str:
    """An update is dated to the day: Atom wants a time, so the start of that day (UTC)."""
    return f"{PartialDate.parse(day).iso}T00:00:00Z"


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
