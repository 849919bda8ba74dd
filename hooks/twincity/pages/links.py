"""Links from a generated block to other pages and to files at the site root.

The URLs come from MkDocs' own files (`File.url` of each page in the page's language),
made relative with MkDocs' `get_relative_url`, so a link is right whatever the
language's root and the page's depth, and a page that is not there is an error.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass, field

from mkdocs.utils import get_relative_url

from ..config.pages import page_slug
from ..errors import PageError


@dataclass(frozen=True, eq=False)
class PageLinks:
    """Where the page being rendered links to, relative to it."""

    page_url: str  # site-relative URL of the page: 'en/agreements/'
    targets: Mapping[str, str]  # page slug -> its site-relative URL in the page's language
    titles: Mapping[str, str] = field(default_factory=dict)  # page slug -> its title (nav) in the page's language

    @classmethod
    def from_files(cls, page, files, lang: str) -> PageLinks:
        """From MkDocs' files of the language being built (mkdocs-static-i18n gives each file its locale)."""
        targets, titles = {}, {}
        for file in files.documentation_pages():
            if getattr(file, "locale", lang) == lang:
                targets[page_slug(file.src_uri)] = file.url
                if getattr(file, "page", None) is not None and file.page.title:
                    titles[page_slug(file.src_uri)] = file.page.title
        return cls(page_url=page.url, targets=targets, titles=titles)

    def title(self, slug: str) -> str:
        if slug not in self.titles:
            raise PageError(
                f"{self.page_url or 'the home page'}: a generated link names the page {slug!r}, "
                "whose title this language does not give (nav in mkdocs.yml)"
            )
        return self.titles[slug]

    def page(self, slug: str, anchor: str | None = None) -> str:
        return self._to_page(slug) + (f"#{anchor}" if anchor else "")

    # One relative URL per target page: a timeline of 10,000 links asks for few. The links
    # of one page live as long as its rendering, so the cache holding them frees nothing late.
    @functools.lru_cache(maxsize=64)  # noqa: B019
    def _to_page(self, slug: str) -> str:
        if slug not in self.targets:
            raise PageError(
                f"{self.page_url or 'the home page'}: a generated link goes to the page {slug!r}, "
                f"which this language does not have (docs/{slug}.md)"
            )
        return get_relative_url(self.targets[slug], self.page_url)

    def site_file(self, path: str) -> str:
        """A file written at the site root (the open data), whatever the page's language."""
        return get_relative_url(path, self.page_url)
