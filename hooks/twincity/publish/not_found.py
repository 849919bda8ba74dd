"""One 404 page for every language.

GitHub Pages serves the site's one `/404.html` for every missing path, `/en/…`
included, so the page holds every language (`overrides/404.html`): a tiny script
shows the one the missing path belongs to, and without scripts all stay visible.
It is served at any depth, so its links are absolute paths from `site_url`.

mkdocs-static-i18n renders theme templates once per language into the same folder;
the 404 page is kept from the default language's pass (the first), so a later pass
cannot overwrite it with a page in one language.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..config.languages import Languages

TEMPLATE = "404.html"


@dataclass(frozen=True)
class NotFoundLanguage:
    code: str
    home: str  # absolute path of its home page: '/', '/en/'
    site_name: str
    copyright: str  # footer line (HTML from mkdocs.yml, may be empty)
    palette_names: tuple[str, ...]
    texts: dict[str, Any]  # the catalogue's `not_found`
    title_pattern: str  # the catalogue's `head.title_pattern`: "{page} – {site}"


@dataclass(frozen=True)
class NotFoundPage:
    """What overrides/404.html needs to know: every language, the default first."""

    languages: tuple[NotFoundLanguage, ...]

    @property
    def default(self) -> NotFoundLanguage:
        return self.languages[0]

    @property
    def homes(self) -> dict[str, str]:
        return {lang.code: lang.home for lang in self.languages}

    @property
    def titles(self) -> dict[str, str]:
        return {
            lang.code: lang.title_pattern.format(page=lang.texts["title"], site=lang.site_name)
            for lang in self.languages
        }

    @property
    def palettes(self) -> dict[str, list[str]]:
        return {lang.code: list(lang.palette_names) for lang in self.languages}


def not_found_page(languages: Languages) -> NotFoundPage:
    return NotFoundPage(
        tuple(
            NotFoundLanguage(
                code=lang.code,
                home=languages.home_path(lang),
                site_name=lang.site_name,
                copyright=lang.copyright,
                palette_names=lang.palette_names,
                texts=lang.texts["not_found"],
                title_pattern=lang.texts["head.title_pattern"],
            )
            for lang in languages
        )
    )


def keep_default_language_404(output: str, template_name: str, config, languages: Languages) -> str:
    """Nothing for 404.html in other languages' passes: MkDocs then skips writing it."""
    if template_name != TEMPLATE:
        return output
    if languages.current(config) is not languages.default:
        return ""
    return output
