"""Chinese search words come from rjieba through our `jieba`-compatible module
(hooks/twincity/publish/segmentation.py) and are exactly jieba 0.42.1's, on every page."""

from __future__ import annotations

import json
import sys

import jieba
import pytest
import rjieba
from backrefs import bre

from support.site import LANGUAGES, SITE_LANGUAGES
from twincity.publish import segmentation
from twincity.publish.search_index import INDEX_PATH

# What Material segments (material/plugins/search/plugin.py, _segment_chinese).
HAN_RUN = bre.compile(r"(\p{script: Han}+)", bre.UNICODE)
WORD_BREAK = "\u200b"


def _han_runs(built_site) -> set[str]:
    """Every run of Han characters in the titles and texts of every language's search index,
    as the pages hold it (the index joins the words with zero-width spaces)."""
    runs: set[str] = set()
    for lang in LANGUAGES:
        index = json.loads((built_site.dir / SITE_LANGUAGES[lang].root / INDEX_PATH).read_text("utf-8"))
        for doc in index["docs"]:
            for field in ("title", "text"):
                runs.update(HAN_RUN.findall(doc[field].replace(WORD_BREAK, "")))
    return runs


def test_our_segmenter_gives_jiebas_words_on_every_pages_text(built_site):
    jieba.setLogLevel(60)
    runs = sorted(_han_runs(built_site))
    assert len(runs) > 100, "too few Chinese runs: is the index still read right?"
    differences = {}
    for run in runs:
        expected = list(jieba.cut(run.encode("utf-8")))
        ours = list(segmentation.cut(run.encode("utf-8")))
        if ours != expected:
            differences[run] = (expected, ours)
    assert not differences, "\n".join(f"{run}: jieba {e} / ours {o}" for run, (e, o) in differences.items())


def test_the_built_index_holds_our_segmenters_words(built_site):
    """Material segmented with our module in the build (not with jieba, nor not at all)."""
    assert sys.modules["material.plugins.search.plugin"].jieba is segmentation
    index = json.loads((built_site.dir / SITE_LANGUAGES[LANGUAGES[0]].root / INDEX_PATH).read_text("utf-8"))
    checked = 0
    for doc in index["docs"]:
        segmented = WORD_BREAK + doc["text"] + WORD_BREAK  # Material strips the outer breaks
        for run in HAN_RUN.findall(doc["text"].replace(WORD_BREAK, "")):
            words = list(segmentation.cut(run))
            assert WORD_BREAK + WORD_BREAK.join(words) + WORD_BREAK in segmented, run
            checked += len(words) > 1
    assert checked > 100


def test_user_dictionary_words_are_kept_whole(tmp_path, monkeypatch):
    """`search.jieba_dict_user` (Material calls load_userdict) works as with jieba."""
    monkeypatch.setattr(segmentation, "_segmenter", rjieba.Jieba())  # restored after the test
    phrase = "烟大双城记"
    assert list(segmentation.cut(phrase)) != [phrase]
    words = tmp_path / "words.txt"
    words.write_text(f"{phrase} 100000 n\n", "utf-8")
    segmentation.load_userdict(words)
    assert list(segmentation.cut(phrase.encode("utf-8"))) == [phrase]


def test_full_mode_is_refused_rather_than_answered_wrongly():
    with pytest.raises(NotImplementedError):
        list(segmentation.cut("烟台", cut_all=True))
