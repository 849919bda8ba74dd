"""One Atom feed of the site's updates per language, at its root.

A feed entry's id is a `urn:uuid` derived from the update's id and the feed's language
alone, so it never changes when the data is reordered, an entry is edited, or the site
moves to another address; the feed's own id likewise. The feeds are written from a
Jinja template (`templates/feed.xml`), newest first: `/feed.xml` for the default
language, `/<root>/feed.xml` (`/en/feed.xml`) for each other.
"""

from __future__ import annotations

import uuid
from pathlib import Path

from markupsafe import Markup

from ..config.languages import Language, Languages
from ..config.pages import UPDATES, page_url
from ..data.dates import PartialDate
from ..data.site_data import SiteData
from ..pages.rendering import ENV
from ..pages.updates import TrustContext, newest_first

FEED = "feed.xml"  # under each language's root
# Every feed and entry id is a name-based UUID in this namespace (fixed once; never change it).
_NAMESPACE = uuid.UUID("5d0f6c2e-8a51-4f0e-9a55-2d1f1e7b6c3a")


def entry_id(update_id: str, lang: str) -> str:
    """The feed entry's id: from the update's id and the feed's language only."""
    return uuid.uuid5(_NAMESPACE, f"update/{update_id}/{lang}").urn


def feed_id(lang: str) -> str:
    return uuid.uuid5(_NAMESPACE, f"feed/{lang}").urn


def feed_path(language: Language) -> str:
    """The feed's path from the site root: 'feed.xml', 'en/feed.xml'."""
    return f"{language.root}{FEED}"


def render_feed(language: Language, languages: Languages, data: SiteData, trust: TrustContext) -> str:
    texts = language.texts
    updates_url = languages.absolute(language, page_url(UPDATES))
    entries = []
    for update in newest_first(data.updates):
        concerns = []
        for address in update.concerns:
            slug, _, anchor = address.partition("#")
            url = languages.absolute(language, page_url(slug)) + (f"#{anchor}" if anchor else "")
            concerns.append((url, trust.label(address, language.code, texts, data)))
        entries.append(
            {
                "id": entry_id(update.id, language.code),
                "title": update.title[language.code],
                "summary": update.summary[language.code],
                "updated": _timestamp(update.date),
                "link": f"{updates_url}#{update.id}",
                "concerns": concerns,
                # HTML as a string: the template escapes it once more, as Atom's type="html" wants.
                "content": _content(update.summary[language.code], concerns, texts),
            }
        )
    licence = trust.settings.licence
    return ENV.get_template("feed.xml").render(
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
        links = Markup(texts["punctuation.list_sep"]).join(
            Markup('<a href="{}">{}</a>').format(u, label) for u, label in concerns
        )
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
