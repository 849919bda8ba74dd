"""The site's languages, read once from mkdocs-static-i18n's `languages` in mkdocs.yml.

That list is the only place the languages are declared. `Languages.from_config` turns
it into one object that every other module asks: which languages there are, which is
the default, where each one's pages live (its URL root), its catalogue of texts, and
the language of the source the site quotes (`extra.twincity.source_language`).

Each language of the site is a site of its own in Material's eyes: Material's
JavaScript treats the `base` of a page (`__config.base`) as the root of the site the
page belongs to, and loads `<base>/search/search_index.json`. Every page therefore
gets its own language's root as its base (`/` for the default language, `/en/` for
English); `search_index.py` writes the index of each root.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

from ..errors import ConfigError
from .catalogue import Catalogue, load_catalogues

# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Language:
    """A built language: its code, where its pages live and its texts."""

    code: str  # the i18n locale: 'zh', 'en'
    name: str  # as the language switcher shows it: '中文', 'English'
    root: str  # URL prefix of its pages, relative to the site root: '' or 'en/'
    default: bool
    site_name: str
    copyright: str  # footer line (HTML from mkdocs.yml), may be empty
    palette_names: tuple[str, ...]  # names of the colour scheme toggles, in order
    texts: Catalogue

    def __str__(self) -> str:
        return self.code


@dataclass(frozen=True)
class Languages:
    """Every built language, the default first, and the site's address."""

    all: tuple[Language, ...]
    site_url: str  # absolute, ends with '/'
    source: str  # code of the language the source is written in

    @classmethod
    def from_config(cls, config) -> Languages:
        """Read mkdocs.yml's i18n languages; raise ConfigError on a configuration mistake."""
        site_url = config.site_url
        if not site_url:
            raise ConfigError("mkdocs.yml: site_url must be set: canonical, hreflang and 404 links are built from it")
        i18n = config.plugins.get("i18n")
        if i18n is None:
            raise ConfigError(
                "mkdocs.yml: the i18n plugin (mkdocs-static-i18n) must be configured; it declares the languages"
            )
        declared = built_languages(i18n.config.languages)
        codes = [lang.locale for lang in declared]
        settings = (config.extra or {}).get("twincity") or {}
        source = settings.get("source_language")
        if source not in codes:
            raise ConfigError(
                f"mkdocs.yml: extra.twincity.source_language must name the language the source is "
                f"written in, one of the i18n languages {codes} (found {source!r})"
            )
        if not settings.get("catalogues"):
            raise ConfigError(
                "mkdocs.yml: extra.twincity.catalogues must name the folder of the text catalogues "
                "(hooks/twincity/locales)"
            )
        folder = Path(config.config_file_path).resolve().parent / settings["catalogues"]
        catalogues = load_catalogues(codes, folder)
        languages = []
        # Without these, mkdocs-static-i18n shows the default language's on the language's pages.
        lacking = [
            f"mkdocs.yml: i18n language {lang.locale!r} needs its own {key} (else its pages show the "
            "default language's)"
            for lang in declared
            if not lang.default
            for key, value in (
                ("site_name", lang.site_name),
                ("site_description", lang.site_description),
                ("copyright", lang.copyright if config.copyright else True),
                ("theme.palette", (lang.theme or {}).get("palette") if config.theme.get("palette") else True),
            )
            if not value
        ]
        if lacking:
            raise ConfigError("\n".join(lacking))
        for lang in declared:
            palette = (lang.theme or {}).get("palette") or config.theme.get("palette") or []
            languages.append(
                Language(
                    code=lang.locale,
                    name=lang.name,
                    root=language_root(lang),
                    default=bool(lang.default),
                    site_name=lang.site_name or config.site_name,
                    copyright=lang.copyright or config.copyright or "",
                    palette_names=_toggle_names(palette),
                    texts=catalogues[lang.locale],
                )
            )
        return cls(all=tuple(languages), site_url=site_url if site_url.endswith("/") else site_url + "/", source=source)

    # -- asking -------------------------------------------------------------

    def __iter__(self) -> Iterator[Language]:
        return iter(self.all)

    def __len__(self) -> int:
        return len(self.all)

    @property
    def default(self) -> Language:
        return self.all[0]

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(language.code for language in self.all)

    def __getitem__(self, code: str) -> Language:
        for language in self.all:
            if language.code == code:
                return language
        raise ConfigError(f"language {code!r} is not among the i18n languages {list(self.codes)} in mkdocs.yml")

    def current(self, config) -> Language:
        """The language being built (mkdocs-static-i18n builds one at a time)."""
        return self[config.plugins["i18n"].current_language]

    def of_url(self, url: str) -> Language:
        """The language a site-relative URL ('en/agreements/', 'history/') belongs to."""
        for language in self.all:
            if language.root and url.startswith(language.root):
                return language
        return self.default

    def without_root(self, url: str) -> str:
        """A site-relative URL without its language root: the same in every language."""
        return url[len(self.of_url(url).root) :]

    def absolute(self, language: Language, url: str = "") -> str:
        """The absolute address of a language-neutral URL ('agreements/') in a language."""
        return urljoin(self.site_url, language.root + url)

    @property
    def site_path(self) -> str:
        """The path of the site on its host: '/' or '/twin/'."""
        return urlsplit(self.site_url).path.rstrip("/") + "/"

    def home_path(self, language: Language) -> str:
        """The absolute path of a language's home page: '/', '/en/'."""
        return self.site_path + language.root

    def page_base_url(self, base_url: str, page_url: str) -> str:
        """The base URL of a page: its language's root, relative to the page.

        `base_url` is what MkDocs gives the page (the site root, relative to it: '../..').
        The result ends with '/' when it is not the site root itself, so that the browser
        resolves it to the directory ('../../en/' from /en/agreements/ is /en/).
        """
        language = self.of_url(page_url)
        if not language.root:
            return base_url
        return posixpath.join(base_url, language.root)

    def texts(self, code: str) -> dict[str, Any]:
        return self[code].texts.tree


def built_languages(entries) -> list:
    """The languages mkdocs.yml's i18n `languages` list builds, the default first: the one
    reading of that list. `entries` are the i18n plugin's language settings, or the same
    entries as plain mappings (read from mkdocs.yml without loading MkDocs, as the tools do).
    ConfigError unless exactly one built language is the default."""
    declared = [lang for lang in entries if _setting(lang, "build", True)]
    defaults = [lang for lang in declared if _setting(lang, "default", False)]
    if len(defaults) != 1:
        raise ConfigError(
            f"mkdocs.yml: the i18n plugin needs exactly one default language that is built (found {len(defaults)})"
        )
    return sorted(declared, key=lambda lang: not _setting(lang, "default", False))


def built_codes(config) -> tuple[str, ...]:
    """The codes of the built languages of a loaded configuration, the default first."""
    return tuple(_setting(lang, "locale") for lang in built_languages(config.plugins["i18n"].config.languages))


def language_root(entry) -> str:
    """The URL prefix of a language's pages from the site root: '' for the default, 'en/'."""
    if _setting(entry, "default", False):
        return ""
    link = (_setting(entry, "link") or f"/{_setting(entry, 'locale')}/").strip("/")
    return f"{link}/" if link else ""


def _setting(entry, key: str, default: Any = None) -> Any:
    value = entry.get(key, default) if isinstance(entry, Mapping) else getattr(entry, key, default)
    return default if value is None else value


def _toggle_names(palette) -> tuple[str, ...]:
    """The names of a palette's colour scheme toggles, as Material's palette.html lists them."""
    if isinstance(palette, dict):
        palette = [palette]
    return tuple(option["toggle"]["name"] for option in palette if option.get("toggle"))


def all_languages_built(config) -> bool:
    """Whether the build has finished every language.

    mkdocs-static-i18n builds the other languages from inside its own `on_post_build`
    of the default language and is `building` while they run.
    """
    return not config.plugins["i18n"].building
