"""One search index per language.

mkdocs-static-i18n merges the search entries of every language into the one
`search/search_index.json` Material writes, so a search on a Chinese page returned
English pages too, and the other way round. Once every language is built, the merged
index is split: each language's root gets the index of its pages
(`search/search_index.json`, `en/search/search_index.json`), with the settings of its
catalogue. A page loads its own language's index because its base is its language's
root (see `languages.py`); the locations in it are therefore relative to that root.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ..config.languages import Languages
from ..errors import ConfigError
from .word_forms import other_forms, proper_nouns

# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

INDEX_PATH = "search/search_index.json"

# How lunr treats each language's words is a setting of its catalogue: `search.pipeline`
# (Material's worker removes every pipeline step not listed: trimmer, stopWordFilter,
# stemmer) and `search.word_forms`. A language with word forms gets one more field per
# section holding the other regular forms of its words (word_forms.py), weighted below
# the text itself: "cities" then finds "city" and "ferries" "ferry", while the
# unstemmed text keeps exact words first.
FORMS_FIELD = "forms"
FORMS_BOOST = 0.5


# -----------------------------------------------------------------------------
# Functions
# -----------------------------------------------------------------------------


def split_search_index(index: dict[str, Any], languages: Languages) -> dict[str, dict[str, Any]]:
    """The merged index split into one index per language, keyed by locale.

    Every document goes to the language its location belongs to, with the location
    made relative to that language's root; the order of documents is kept.
    """
    if set(index) - {"config", "docs"}:
        raise ConfigError(
            f"{INDEX_PATH}: unexpected keys {sorted(set(index) - {'config', 'docs'})}: "
            "Material's search index changed; see hooks/twincity/search_index.py"
        )
    indexes = {}
    for language in languages:
        config = dict(index["config"], lang=[language.code], pipeline=list(language.texts["search.pipeline"]))
        indexes[language.code] = {"config": config, "docs": []}
    for doc in index["docs"]:
        language = languages.of_url(doc["location"])
        located = dict(doc, location=doc["location"][len(language.root) :])
        indexes[language.code]["docs"].append(located)
    for language in languages:
        if language.texts["search.word_forms"]:
            _add_word_forms(indexes[language.code])
    return indexes


def _add_word_forms(index: dict[str, Any]) -> None:
    texts = [f"{doc['title']} {doc['text']}" for doc in index["docs"]]
    nouns = proper_nouns([doc["text"] for doc in index["docs"]])  # titles capitalise every word
    for doc, text in zip(index["docs"], texts):
        forms = other_forms(text, nouns)
        if forms:
            doc[FORMS_FIELD] = forms
    index["config"]["fields"] = dict(index["config"]["fields"], **{FORMS_FIELD: {"boost": FORMS_BOOST}})


def write_language_indexes(site_dir: Path, languages: Languages) -> dict[str, Path]:
    """Split the merged `search/search_index.json` of a built site into one per language."""
    merged = json.loads((site_dir / INDEX_PATH).read_text("utf-8"))
    written = {}
    for code, index in split_search_index(merged, languages).items():
        path = site_dir / languages[code].root / INDEX_PATH
        path.parent.mkdir(parents=True, exist_ok=True)
        # Written as Material writes it: compact, non-ASCII escaped.
        path.write_text(json.dumps(index, separators=(",", ":")), "utf-8")
        written[code] = path
    return written
