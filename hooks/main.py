"""MkDocs build hook of the Yantai–Dalian site.

This file only wires MkDocs events to the modules in `hooks/twincity/`, where the
logic lives and is tested on its own. mkdocs-static-i18n builds the site once per
language, so every event below runs once per language.
"""

from __future__ import annotations

from twincity import a11y, data_pages, head

# -----------------------------------------------------------------------------
# Hooks
# -----------------------------------------------------------------------------


def on_config(config):
    # Load and validate data/ before anything is written: a data mistake stops the build.
    data_pages.load_data(config)
    return config


def on_page_markdown(markdown, page, config, files):
    # Agreement index, timeline, quotes, glossary and open-data list, in the page's language.
    return data_pages.fill_page(markdown, page, config)


def on_page_context(context, page, config, nav):
    # <head>: canonical, absolute hreflang alternates, Open Graph and Twitter card values.
    context["twincity_head"] = head.page_head(page, config)
    return context


def on_post_page(output, page, config):
    # Material's search dialog gets an accessible name in the page's language.
    return a11y.name_search_dialog(output, config.plugins["i18n"].current_language)


def on_post_template(output_content, template_name, config):
    # The same fix on 404.html, which is rendered as a template, not as a page.
    return a11y.name_search_dialog(output_content, config.plugins["i18n"].current_language)


def on_post_build(config):
    # Open data: /data/*.json and /data/*.csv, written once at the site root.
    data_pages.publish_open_data(config)
