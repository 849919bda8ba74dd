"""Chinese word segmentation for Material's search, through rjieba (jieba-rs).

Material's search plugin segments every run of Han characters of the search index with
`jieba.cut` when `import jieba` succeeds. jieba 0.42.1 (pure Python) loads its
dictionary in 0.8-2 s on every build; rjieba, the binding of jieba-rs (a port of jieba
with the same dictionary and the same algorithm: prefix dictionary, DAG, dynamic
programming, HMM for unknown words), starts in about a sixth of that and gives the same
tokens on the site's text (tests/test_segmentation.py compares them on every page).

This module is the part of jieba's interface that Material uses, on top of rjieba:
`cut` (Material passes UTF-8 bytes of a run of Han characters), and `set_dictionary` /
`load_userdict`, which Material calls only when `search.jieba_dict` or
`search.jieba_dict_user` is set in mkdocs.yml. Material binds `jieba` once, as a global
of its plugin module, when the plugin is loaded (before any hook is): `use_for_search()`,
called from `on_config`, points that global at this module. No module named `jieba` is
shadowed, and the site does not need jieba installed (only the token comparison does).
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import rjieba

# Material's plugin module and the name it reads at build time (`if jieba:`, `jieba.cut`).
MATERIAL_SEARCH = "material.plugins.search.plugin"
MATERIAL_NAME = "jieba"

# rjieba's own instance (made when rjieba is imported, with jieba's dictionary: making
# another costs as much again), until set_dictionary() replaces it. rjieba is imported on
# the first use: a build that stops in on_config does not load the dictionary (0.3 s).
_segmenter: rjieba.Jieba | None = None


def _active():
    return _segmenter or importlib.import_module("rjieba")


def cut(sentence: str | bytes, cut_all: bool = False, HMM: bool = True) -> Iterator[str]:  # noqa: N803 - jieba's name
    """The words of `sentence` in order, as `jieba.cut` gives them (accurate mode, HMM on by default)."""
    if cut_all:
        raise NotImplementedError("full mode (cut_all=True) is not used by Material and not provided here")
    text = sentence.decode("utf-8") if isinstance(sentence, bytes) else sentence
    return iter(_active().cut(text, hmm=HMM))


def load_userdict(path: str | Path) -> None:
    """Add the words of a jieba user dictionary (`word [frequency] [tag]` per line)."""
    for line in Path(path).read_text("utf-8").splitlines():
        parts = line.strip().split()
        if not parts:
            continue
        frequency = int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else None
        tag = parts[-1] if len(parts) > 1 and not parts[-1].isdigit() else None
        _active().add_word(parts[0], frequency, tag)


def set_dictionary(path: str | Path) -> None:
    """Replace the main dictionary by a jieba dictionary file (`word frequency [tag]` per line)."""
    global _segmenter
    _segmenter = importlib.import_module("rjieba").Jieba.empty()
    load_userdict(path)


def use_for_search() -> None:
    """Make Material's search plugin segment with this module instead of jieba (or nothing)."""
    plugin = sys.modules.get(MATERIAL_SEARCH)
    if plugin is None:  # the search plugin is not in use: nothing to segment for
        return
    setattr(plugin, MATERIAL_NAME, sys.modules[__name__])
