"""MkDocs build hook of the Yantai–Dalian site.

This file only wires MkDocs events to the modules in `hooks/twincity/`, where the
logic lives and is tested on its own. mkdocs-static-i18n builds the site once per
language, so every event below runs once per language.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.plugins import event_priority

from twincity import live
from twincity.build_cache import cache_folder
from twincity.config import report
from twincity.config.languages import all_languages_built
from twincity.head import a11y, last_updated, meta
from twincity.head.page_info import page_info
from twincity.head.readers import page_readers
from twincity.pages import compiled_templates, fill, rendering
from twincity.pipeline import config_root, keep_serving, set_up, site_of, stopped_page
from twincity.publish import feeds, not_found, pdf, redirects, search_index, search_worker, segmentation, site_check

# -----------------------------------------------------------------------------
# Hooks
# -----------------------------------------------------------------------------


# `make serve` (on_startup's command): a mistake is shown on every page instead of stopping the server.
SERVING = False


def on_startup(command, dirty):
    global SERVING
    SERVING = command == "serve"


def on_config(config):
    # `make serve`: modules edited since the last build are read afresh, and their names here rebound.
    live.refresh(globals())
    # The languages (from the i18n plugin's list), their catalogues, a translation of
    # every page and data/: any mistake stops the build before anything is written.
    site = set_up(config, serving=SERVING)
    if site.stopped:
        keep_serving(config)
        return config
    # Our blocks' compiled templates are kept for the next build (the pages are filled before on_env).
    compiled_templates.keep_compiled(rendering.ENV, cache_folder(config, compiled_templates.CACHE_NAME))
    # Material's search splits Chinese into words with our jieba-compatible module (rjieba).
    segmentation.use_for_search()
    # Material's browser storage (colour scheme) is shared by the languages' roots.
    config.extra.setdefault("scope", site.languages.site_path)
    # Last-updated dates are read from git afresh (mkdocs serve after a commit); say where reports go.
    last_updated.forget()
    report.say_where_reports_go(site.trust.settings)
    return config


def on_env(env, config, files):
    # The theme's compiled templates are kept for every language and the next build.
    return compiled_templates.keep_compiled(env, cache_folder(config, compiled_templates.CACHE_NAME))


def on_page_markdown(markdown, page, config, files):
    # Agreement index, timeline, quotes, glossary, open-data list, pictures and the fact
    # sheet's parts, in the page's language.
    site = site_of(config)
    if site.stopped:
        return stopped_page(site)
    return fill.fill_page(markdown, page, config, files, site.languages, site.data, site.trust)


def on_page_context(context, page, config, nav):
    site = site_of(config)
    if site.stopped:
        return context
    languages = site.languages
    # <head>: canonical, absolute hreflang alternates, Open Graph and Twitter card values.
    context["twincity_head"] = meta.page_head(page, config, languages)
    # Below the content and in <head>: last updated, report an error, cite this page, feed, schema.org.
    context["twincity_page"] = page_info(
        page, context["twincity_head"], languages.current(config), languages, site.data, site.trust, config_root(config)
    )
    # Reading mode, share panel (QR code, copy link) and footer filing numbers.
    context["twincity_readers"] = page_readers(context["twincity_head"], languages.current(config), config)
    # Search and Material's scripts treat the page's language root as the site root.
    context["base_url"] = languages.page_base_url(context["base_url"], page.url)
    return context


def on_post_page(output, page, config):
    if site_of(config).stopped:
        return output
    # Material's search dialog gets an accessible name in the page's language.
    return a11y.name_search_dialog(output, site_of(config).languages.current(config).texts["a11y.search_dialog"])


def on_post_template(output_content, template_name, config):
    if site_of(config).stopped:
        return output_content
    languages = site_of(config).languages
    # The same fix on 404.html, which is rendered as a template, not as a page.
    output_content = a11y.name_search_dialog(output_content, languages.current(config).texts["a11y.search_dialog"])
    # 404.html holds every language: written in the default language's pass only.
    return not_found.keep_default_language_404(output_content, template_name, config, languages)


def on_template_context(context, template_name, config):
    # 404.html: home links at absolute paths and every language's site name and texts.
    if template_name == not_found.TEMPLATE and not site_of(config).stopped:
        context["twincity_not_found"] = not_found.not_found_page(site_of(config).languages)
    return context


@event_priority(-200)  # after mkdocs-static-i18n (-100) has built every language
def on_post_build(config):
    site = site_of(config)
    if site.stopped:
        return
    pdfs = []
    # One search index per language, each at its language's root.
    if all_languages_built(config):
        search_index.write_language_indexes(Path(config.site_dir), site.languages)
        # Chinese queries keep their last word (a bound in Material's segmenter).
        search_worker.fix_query_segmentation(Path(config.site_dir))
        # A moved page redirects under every language's root, not the default's only.
        redirects.write_language_redirects(config, site.languages)
        # Each language's fact sheet printed to PDF by Chromium, beside its page.
        pdfs = pdf.publish(config, site.languages)
        # One Atom feed of the site's updates per language, at its root.
        feeds.write_feeds(Path(config.site_dir), site.languages, site.data, site.trust)
    # Open data: /data/*.json, *.csv and *.geojson, written once at the site root, with their licence.
    fill.publish_open_data(config, site.languages, site.data, site.trust.settings.licence)
    if all_languages_built(config):
        # Updates' anchors and every link of the built site, raw HTML included.
        site_check.check_built_site(config, site.languages, site.data, pdfs)
