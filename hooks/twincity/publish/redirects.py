"""Moved pages redirect in every language.

mkdocs-redirects writes a redirect page for each `redirect_maps` entry (old.md: new.md)
of the default language only: with mkdocs-static-i18n it writes none under another
language's root (mkdocs-redirects issue #33). Once every language is built, the same
redirect page is written at each other language's root, pointing at the new page in
that language, with the plugin's own markup.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs_redirects.plugin import get_html_path, get_relative_html_path, write_html

from ..config.languages import Languages


def write_language_redirects(config, languages: Languages) -> list[Path]:
    plugin = config.plugins.get("redirects")
    if plugin is None:
        return []
    use_directory_urls = config.use_directory_urls
    written = []
    for old, new in (plugin.config.get("redirect_maps") or {}).items():
        if str(new).lower().startswith(("http://", "https://")):
            continue  # the same outside address in every language: the plugin's page serves
        new_page, _, fragment = str(new).partition("#")
        new_url = get_html_path(new_page, use_directory_urls).removesuffix("index.html")
        for language in languages:
            if language.default:
                continue
            old_path = language.root + get_html_path(old, use_directory_urls)
            target = get_relative_html_path(
                language.root + old, language.root + new_url + (f"#{fragment}" if fragment else ""), use_directory_urls
            )
            write_html(config.site_dir, old_path, target)
            written.append(Path(config.site_dir) / old_path)
    return written
