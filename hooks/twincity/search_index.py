"""One search index per language.

mkdocs-static-i18n merges the search entries of every language into the one
`search/search_index.json` Material writes, so a search on a Chinese page returned
English pages too, and the other way round. Once every language is built, the merged
index is split: `search/search_index.json` keeps the Chinese pages and
`en/search/search_index.json` gets the English ones, each with the settings that suit
its language. English pages load the English index because their base is the English
root (see `language_root.py`); the locations in it are therefore relative to `/en/`.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from twincity.language_root import Language, language_of_url
from twincity.word_forms import other_forms, proper_nouns

# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

INDEX_PATH = "search/search_index.json"

# How lunr treats each language's words (Material's worker removes every pipeline step
# not listed: trimmer, stopWordFilter, stemmer).
# - zh: jieba has split Chinese into words at build time (joined by \u200b, which the
#   separator in mkdocs.yml splits on); lunr's zh trimmer and stop-word filter would
#   drop Chinese words, its stemmer changes nothing. Material's default for Chinese.
# - en: Material adds a trailing wildcard to every query term and lunr does not stem
#   wildcard terms, so a stemmed index never finds "agreements" (stored as
#   "agreement"). Unstemmed, "agreement" finds "agreement" and "agreements" alike.
#   The stop-word filter keeps "the", "of" from matching everything.
PIPELINES = {
    "zh": ["stemmer"],
    "en": ["stopWordFilter"],
}

# English sections also hold the other regular forms of their words (word_forms.py), in
# a field of their own, weighted below the text itself: "cities" then finds "city" and
# "ferries" "ferry", while the unstemmed text keeps exact words first.
FORMS_FIELD = "forms"
FORMS_BOOST = 0.5
WORD_FORMS_LANGUAGES = {"en"}


# -----------------------------------------------------------------------------
# Functions
# -----------------------------------------------------------------------------


def split_search_index(index: dict[str, Any], languages: list[Language]) -> dict[str, dict[str, Any]]:
    """The merged index split into one index per language, keyed by locale.

    Every document goes to the language its location belongs to, with the location
    made relative to that language's root; the order of documents is kept.
    """
    if set(index) - {"config", "docs"}:
        raise ValueError(f"{INDEX_PATH}: unexpected keys {sorted(set(index) - {'config', 'docs'})}")
    indexes = {}
    for language in languages:
        if language.locale not in PIPELINES:
            raise ValueError(f"search: no search settings for language {language.locale!r} (PIPELINES)")
        config = dict(index["config"], lang=[language.locale], pipeline=PIPELINES[language.locale])
        indexes[language.locale] = {"config": config, "docs": []}
    for doc in index["docs"]:
        language = language_of_url(doc["location"], languages)
        located = dict(doc, location=doc["location"][len(language.prefix) :])
        indexes[language.locale]["docs"].append(located)
    for locale in WORD_FORMS_LANGUAGES & indexes.keys():
        _add_word_forms(indexes[locale])
    return indexes


def _add_word_forms(index: dict[str, Any]) -> None:
    texts = [f"{doc['title']} {doc['text']}" for doc in index["docs"]]
    nouns = proper_nouns([doc["text"] for doc in index["docs"]])  # titles capitalise every word
    for doc, text in zip(index["docs"], texts):
        forms = other_forms(text, nouns)
        if forms:
            doc[FORMS_FIELD] = forms
    index["config"]["fields"] = dict(index["config"]["fields"], **{FORMS_FIELD: {"boost": FORMS_BOOST}})


def write_language_indexes(site_dir: Path, languages: list[Language]) -> dict[str, Path]:
    """Split the merged `search/search_index.json` of a built site into one per language."""
    merged = json.loads((site_dir / INDEX_PATH).read_text("utf-8"))
    written = {}
    for locale, index in split_search_index(merged, languages).items():
        prefix = next(language.prefix for language in languages if language.locale == locale)
        path = site_dir / prefix / INDEX_PATH
        path.parent.mkdir(parents=True, exist_ok=True)
        # Written as Material writes it: compact, non-ASCII escaped.
        path.write_text(json.dumps(index, separators=(",", ":")), "utf-8")
        written[locale] = path
    return written
