"""The source article: the project's copy, its documented corrections, and the test
of whether an excerpt quotes it.

Every fact on the site rests on one Chinese news report, kept byte for byte in
`sources/source-article.zh.txt` (`sources/source.yml` describes it). The article has
a few misprints and layout defects, listed once in `data/corrections.yml`; the site
quotes it with those corrected, so an excerpt is compared with the *corrected* article. The comparison ignores
whitespace and the width of punctuation, because the article uses ASCII `,` `:`
`(` `)` where the site writes full-width `，` `：` `（` `）`.
"""

from __future__ import annotations

import functools
import hashlib
from dataclasses import dataclass
from pathlib import Path

import yaml

# -----------------------------------------------------------------------------
# Data: sources/source.yml says what the source is, data/corrections.yml how the
# site corrects it. Both are read here once; nothing about the source is typed twice.
# -----------------------------------------------------------------------------

ROOT = Path(__file__).resolve().parents[3]
_INFO = yaml.safe_load((ROOT / "sources" / "source.yml").read_text("utf-8"))

SOURCE_PATH = ROOT / "sources" / _INFO["file"]
# SHA-256 of the article as received; a changed byte means the copy is no longer the source.
SOURCE_SHA256: str = _INFO["sha256"]
# The article's headline, subheadline and byline (the layout printed the first two inside a sentence).
HEADLINE: str = _INFO["headline"]
SUBHEADLINE: str = _INFO["subheadline"]
BYLINE: str = _INFO["byline"]
# The article names the framework agreement in two ways; both mean the same agreement.
FRAMEWORK_AGREEMENT_NAMES: tuple[str, ...] = tuple(_INFO["framework_agreement_names"])

# The article's ASCII punctuation and the full-width form the site uses.
_FULL_WIDTH = str.maketrans({",": "，", ":": "：", ";": "；", "(": "（", ")": "）", "?": "？", "!": "！"})
_DASHES = "-‐‑‒–—―－"
# Characters that are not text: zero-width space (jieba's word break), soft hyphen, BOM.
_INVISIBLE = "\u200b\u00ad\ufeff"


@dataclass(frozen=True)
class Correction:
    """One documented correction of the article's text (an entry of data/corrections.yml).

    `wrong` is exactly what the article prints (newlines included) and occurs
    `times` times; `right` replaces it. `printed` and `corrected` are the short
    forms the sources page shows, with `|` where the layout split a word.
    """

    id: str
    wrong: str
    right: str
    times: int
    printed: str
    corrected: str
    reason: dict[str, str]
    certain: bool = True
    see: tuple[str, ...] = ()  # pages quoting the passage: 'outlook#trend'


def read_corrections(path: Path = ROOT / "data" / "corrections.yml") -> tuple[Correction, ...]:
    """The corrections as written in the data file (the build validates them as data too)."""
    return tuple(Correction(**entry) for entry in yaml.safe_load(path.read_text("utf-8")))


CORRECTIONS: tuple[Correction, ...] = read_corrections()


class SourceError(Exception):
    """The project's copy of the article is not the text the corrections were made for."""


# -----------------------------------------------------------------------------
# Functions
# -----------------------------------------------------------------------------


@functools.cache
def load_source() -> str:
    """The article exactly as received (`sources/source-article.zh.txt`)."""
    return SOURCE_PATH.read_text("utf-8")


def source_checksum() -> str:
    """SHA-256 of the project's copy of the article, to compare with SOURCE_SHA256."""
    return hashlib.sha256(SOURCE_PATH.read_bytes()).hexdigest()


def normalise(text: str) -> str:
    """`text` without whitespace, with full-width Chinese punctuation and one kind of dash.

    Full-width letters, digits and signs (`１` `＋`) become ASCII, then the article's
    ASCII `,` `:` `;` `(` `)` `?` `!` become `，` `：` `；` `（` `）` `？` `！`; every
    hyphen or dash, and a run of them (`——`), becomes `—`.
    """
    chars: list[str] = []
    for ch in text:
        if ch.isspace() or ch in _INVISIBLE:
            continue
        if ch in _DASHES:
            if chars and chars[-1] == "—":
                continue
            chars.append("—")
            continue
        if "\uff01" <= ch <= "\uff5e":
            ch = chr(ord(ch) - 0xFEE0)
        chars.append(ch)
    return "".join(chars).translate(_FULL_WIDTH)


@functools.cache
def corrected_source() -> str:
    """The article with every documented correction applied, headline at the top.

    Raises SourceError if a correction's printed form does not occur in the article
    as often as documented, which means the copy has changed.
    """
    text = load_source()
    for correction in CORRECTIONS:
        found = text.count(correction.wrong)
        if found != correction.times:
            raise SourceError(
                f"{SOURCE_PATH.name}: correction {correction.id!r} expects "
                f"{correction.printed!r} {correction.times} time(s), found {found}"
            )
        text = text.replace(correction.wrong, correction.right)
    return f"{HEADLINE}\n\n{SUBHEADLINE}\n\n{text.strip()}\n"


@functools.cache
def _normalised_source() -> str:
    return normalise(corrected_source())


def occurs_in_source(excerpt: str) -> bool:
    """Whether `excerpt` quotes the corrected article (ignoring whitespace and
    punctuation width). An empty excerpt quotes nothing."""
    wanted = normalise(excerpt)
    return bool(wanted) and wanted in _normalised_source()


def where_it_differs(excerpt: str) -> str:
    """A short explanation of where `excerpt` stops matching the article, for error messages."""
    wanted = normalise(excerpt)
    source = _normalised_source()
    if not wanted:
        return "the excerpt is empty"
    if wanted in source:
        return "it occurs in the source"
    # The longest start of the excerpt that the article contains.
    low, high = 0, len(wanted)
    while low < high:
        mid = (low + high + 1) // 2
        if wanted[:mid] in source:
            low = mid
        else:
            high = mid - 1
    if low == 0:
        return f"its first character {wanted[0]!r} never starts a match in the source"
    matched = wanted[:low]
    at = source.index(matched)
    return (
        f"matches the source up to …{matched[-12:]!r}, then has {wanted[low : low + 12]!r} "
        f"where the source has {source[at + low : at + low + 12]!r}"
    )
