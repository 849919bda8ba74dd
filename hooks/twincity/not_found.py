"""One 404 page for both languages.

GitHub Pages serves the site's one `/404.html` for every missing path, `/en/…`
included, so the page holds both languages (`overrides/404.html`): a tiny script
shows the one the missing path belongs to, and without scripts both stay visible.
It is served at any depth, so its links are absolute paths from `site_url`.

mkdocs-static-i18n renders theme templates once per language into the same folder;
the 404 page is kept from the default language's pass (the first), so a later pass
cannot overwrite it with a page in one language.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

from mkdocs.config.defaults import MkDocsConfig

from twincity.language_root import site_languages

# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

TEMPLATE = "404.html"


@dataclass(frozen=True)
class NotFoundPage:
    """What overrides/404.html needs to know about the site, per language locale."""

    home: dict[str, str]  # absolute path of each language's home page: {'zh': '/', 'en': '/en/'}
    site_name: dict[str, str]
    copyright: dict[str, str]  # footer line of each language (HTML from mkdocs.yml, may be empty)
    palette_names: dict[str, list[str]]  # names of the colour scheme toggles, in order
    default: str  # locale shown when the path is in no other language's folder


# -----------------------------------------------------------------------------
# Functions
# -----------------------------------------------------------------------------


def not_found_page(config: MkDocsConfig) -> NotFoundPage:
    """Home links and site names of every language, for the 404 page."""
    if not config.site_url:
        raise ValueError("mkdocs.yml: site_url must be set, the 404 page links from its path")
    root = urlsplit(config.site_url).path.rstrip("/") + "/"
    languages = site_languages(config)
    i18n_languages = {lang.locale: lang for lang in config.plugins["i18n"].config.languages}
    site_names, copyrights, palette_names = {}, {}, {}
    for language in languages:
        i18n_language = i18n_languages[language.locale]
        if not i18n_language.site_name:
            raise ValueError(f"mkdocs.yml: i18n language {language.locale!r} needs a site_name for the 404 page")
        site_names[language.locale] = i18n_language.site_name
        copyrights[language.locale] = i18n_language.copyright or config.copyright or ""
        # The 404 page is rendered in the default language's pass, with its palette.
        palette = (i18n_language.theme or {}).get("palette") or config.theme.get("palette") or []
        palette_names[language.locale] = _toggle_names(palette)
    return NotFoundPage(
        home={language.locale: root + language.prefix for language in languages},
        site_name=site_names,
        copyright=copyrights,
        palette_names=palette_names,
        default=languages[0].locale,
    )


def _toggle_names(palette) -> list[str]:
    """The names of a palette's colour scheme toggles, as Material's palette.html lists them."""
    if isinstance(palette, dict):
        palette = [palette]
    return [option["toggle"]["name"] for option in palette if option.get("toggle")]


def keep_default_language_404(output: str, template_name: str, config: MkDocsConfig) -> str:
    """Nothing for 404.html in other languages' passes: MkDocs then skips writing it."""
    if template_name != TEMPLATE:
        return output
    current = config.plugins["i18n"].current_language
    if current != site_languages(config)[0].locale:
        return ""
    return output
