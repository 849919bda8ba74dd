"""MkDocs build hook of the Yantai–Dalian site.

This file only wires MkDocs events to the modules in `hooks/twincity/`, where the
logic lives and is tested on its own. mkdocs-static-i18n builds the site once per
language, so every event below runs once per language.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.plugins import event_priority

from twincity import a11y, data_pages, head, language_root, not_found, search_index, search_worker

# -----------------------------------------------------------------------------
# Hooks
# -----------------------------------------------------------------------------


def on_config(config):
    # Load and validate data/ before anything is written: a data mistake stops the build.
    data_pages.load_data(config)
    # Material's browser storage (colour scheme) is shared by the languages' roots.
    config.extra.setdefault("scope", language_root.storage_scope(config))
    return config


def on_page_markdown(markdown, page, config, files):
    # Agreement index, timeline, quotes, glossary and open-data list, in the page's language.
    return data_pages.fill_page(markdown, page, config)


def on_page_context(context, page, config, nav):
    # <head>: canonical, absolute hreflang alternates, Open Graph and Twitter card values.
    context["twincity_head"] = head.page_head(page, config)
    # Search and Material's scripts treat the page's language root as the site root.
    languages = language_root.site_languages(config)
    context["base_url"] = language_root.page_base_url(context["base_url"], page.url, languages)
    return context


def on_post_page(output, page, config):
    # Material's search dialog gets an accessible name in the page's language.
    return a11y.name_search_dialog(output, config.plugins["i18n"].current_language)


def on_post_template(output_content, template_name, config):
    # The same fix on 404.html, which is rendered as a template, not as a page.
    output_content = a11y.name_search_dialog(output_content, config.plugins["i18n"].current_language)
    # 404.html holds both languages: written in the default language's pass only.
    return not_found.keep_default_language_404(output_content, template_name, config)


def on_template_context(context, template_name, config):
    # 404.html: home links at absolute paths and both site names.
    if template_name == not_found.TEMPLATE:
        context["twincity_not_found"] = not_found.not_found_page(config)
    return context


@event_priority(-200)  # after mkdocs-static-i18n (-100) has built every language
def on_post_build(config):
    # One search index per language, each at its language's root.
    if language_root.all_languages_built(config):
        languages = language_root.site_languages(config)
        search_index.write_language_indexes(Path(config.site_dir), languages)
        # Chinese queries keep their last word (a bound in Material's segmenter).
        search_worker.fix_query_segmentation(Path(config.site_dir))
    # Open data: /data/*.json and /data/*.csv, written once at the site root.
    data_pages.publish_open_data(config)
