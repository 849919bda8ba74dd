"""Each language of the site is a site of its own in Material's eyes.

Material's JavaScript treats the `base` of a page (`__config.base`, from the template's
`base_url`) as the root of the site the page belongs to: it loads
`<base>/search/search_index.json` for search and resolves the search results' locations
against it. mkdocs-static-i18n builds the English pages into `en/` of the one site, so
out of the box they get the site root as their base and load the Chinese-and-English
index.

Here every page gets its own language's root as its base (`/` for Chinese, `/en/` for
English); `search_index.py` writes the index of each root.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from urllib.parse import urlsplit

from mkdocs.config.defaults import MkDocsConfig

# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Language:
    """A built language and where its pages live."""

    locale: str
    prefix: str  # URL prefix of its pages, relative to the site root: '' or 'en/'
    default: bool


# -----------------------------------------------------------------------------
# Functions
# -----------------------------------------------------------------------------


def site_languages(config: MkDocsConfig) -> list[Language]:
    """The languages mkdocs-static-i18n builds, the default one first."""
    languages = []
    for lang in config.plugins["i18n"].config.languages:
        if not lang.build:
            continue
        link = (lang.link or "/").strip("/")
        prefix = f"{link}/" if link and not lang.default else ""
        languages.append(Language(locale=lang.locale, prefix=prefix, default=bool(lang.default)))
    languages.sort(key=lambda language: not language.default)
    if not languages or not languages[0].default:
        raise ValueError("mkdocs.yml: the i18n plugin needs exactly one default language that is built")
    return languages


def language_of_url(url: str, languages: list[Language]) -> Language:
    """The language a site-relative URL ('en/agreements/', 'history/') belongs to."""
    for language in languages:
        if language.prefix and url.startswith(language.prefix):
            return language
    return languages[0]


def page_base_url(base_url: str, page_url: str, languages: list[Language]) -> str:
    """The base URL of a page: its language's root, relative to the page.

    `base_url` is what MkDocs gives the page (the site root, relative to it: '../..').
    The result ends with '/' when it is not the site root itself, so that the browser
    resolves it to the directory ('../../en/' from /en/agreements/ is /en/).
    """
    language = language_of_url(page_url, languages)
    if not language.prefix:
        return base_url
    return posixpath.join(base_url, language.prefix)


def storage_scope(config: MkDocsConfig) -> str:
    """The path Material keys its browser storage by (`extra.scope`): the site root.

    Material defaults it to the base URL; with a base per language, a reader's colour
    scheme would not follow them from one language to the other.
    """
    if not config.site_url:
        raise ValueError("mkdocs.yml: site_url must be set, the site's path comes from it")
    return urlsplit(config.site_url).path.rstrip("/") + "/"


def all_languages_built(config: MkDocsConfig) -> bool:
    """Whether the build has finished every language.

    mkdocs-static-i18n builds the other languages from inside its own `on_post_build`
    of the default language and is `building` while they run.
    """
    return not config.plugins["i18n"].building
