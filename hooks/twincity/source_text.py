"""The source article: the project's copy, its documented corrections, and the test
of whether an excerpt quotes it.

Every fact on the site rests on one Chinese news report, kept byte for byte in
`sources/source-article.zh.txt`. The article has a few misprints and layout
defects (see `sources/README.md`); the site quotes it with those corrected, so an
excerpt is compared with the *corrected* article. The comparison ignores
whitespace and the width of punctuation, because the article uses ASCII `,` `:`
`(` `)` where the site writes full-width `，` `：` `（` `）`.
"""

from __future__ import annotations

import functools
import hashlib
from dataclasses import dataclass
from pathlib import Path

# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

SOURCE_PATH = Path(__file__).resolve().parents[2] / "sources" / "source-article.zh.txt"

# SHA-256 of the article as received; a changed byte means the copy is no longer the source.
SOURCE_SHA256 = "6b12cdb27a2f7717b70ece167bd2fe6a10abe568f126c06f1cea96fb6f0891cc"

# The article's headline and subheadline (the layout printed them inside a sentence).
HEADLINE = "跨越山海牵手，烟台大连唱响“双城记”"
SUBHEADLINE = "两市“破圈”组局将为环渤海区域经济发展带来新机遇"
BYLINE = "李楠楠 烟台报道"

# The article names the framework agreement in two ways; both mean the same agreement.
FRAMEWORK_AGREEMENT_NAMES = (
    "《大连市人民政府与烟台市人民政府“双城联动”合作框架协议》",
    "《大连市、烟台市政府“双城联动”合作框架协议》",
)

# The article's ASCII punctuation and the full-width form the site uses.
_FULL_WIDTH = str.maketrans({",": "，", ":": "：", ";": "；", "(": "（", ")": "）",
                             "?": "？", "!": "！"})
_DASHES = "-‐‑‒–—―－"
# Characters that are not text: zero-width space (jieba's word break), soft hyphen, BOM.
_INVISIBLE = "\u200b\u00ad\ufeff"


@dataclass(frozen=True)
class Correction:
    """One documented correction of the article's text.

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
    reason_zh: str
    reason_en: str
    certain: bool = True


_HEADLINE_BLOCK = ("\n\n\n\n跨越山海牵手,烟台大连唱响“双城记”\n\n"
                   "两市“破圈”组局将为环渤海区域经济发展带来新机遇\n\n")

CORRECTIONS: tuple[Correction, ...] = (
    Correction(
        id="headline-inside-sentence",
        wrong="在经略海" + _HEADLINE_BLOCK + "洋上",
        right="在经略海洋上",
        times=1,
        printed="经略海|洋",
        corrected="经略海洋",
        reason_zh="排版把标题和副标题插在了“经略海洋”一词中间；本站把句子接回，标题放回文首。",
        reason_en="The layout put the headline and subheadline in the middle of the word "
                  "“经略海洋”; the site rejoins the sentence and puts the headline back at the top.",
    ),
    Correction(
        id="split-tui-dong",
        wrong="推\n\n动",
        right="推动",
        times=1,
        printed="推|动",
        corrected="推动",
        reason_zh="排版把一个词拆到了两段。",
        reason_en="The layout split one word across two paragraphs.",
    ),
    Correction(
        id="split-manufacturing",
        wrong="制造业和\n\n外贸出口",
        right="制造业和外贸出口",
        times=1,
        printed="制造业和|外贸出口",
        corrected="制造业和外贸出口",
        reason_zh="排版把一句话拆到了两段。",
        reason_en="The layout split one sentence across two paragraphs.",
    ),
    Correction(
        id="yantai-dalian-dash",
        wrong="烟台一大连",
        right="烟台—大连",
        times=3,
        printed="烟台一大连",
        corrected="烟台—大连",
        reason_zh="“一”是数字，此处应为连接两市的连接号。",
        reason_en="一 is the numeral “one”; a dash joining the two cities is meant.",
    ),
    Correction(
        id="ning-he",
        wrong="宁和",
        right="宁合",
        times=1,
        printed="宁和",
        corrected="宁合",
        reason_zh="南京与合肥简称“宁合”，原文前文也写作“宁合”。",
        reason_en="Nanjing–Hefei is abbreviated 宁合, as the article itself writes it earlier.",
    ),
    Correction(
        id="yanda-ro-ro",
        wrong="烟台大客滚",
        right="烟大客滚",
        times=1,
        printed="烟台大客滚",
        corrected="烟大客滚",
        reason_zh="很可能指烟台—大连（烟大）客滚运输航线；属可能的笔误。",
        reason_en="Most likely the Yantai–Dalian (烟大) ro-ro route; a probable misprint.",
        certain=False,
    ),
    Correction(
        id="yanda-one-family",
        wrong="烟台一家亲",
        right="烟大一家亲",
        times=1,
        printed="烟台一家亲",
        corrected="烟大一家亲",
        reason_zh="上下文讲两地亲缘，很可能是“烟大一家亲”；属可能的笔误。",
        reason_en="The passage is about kinship between the two cities, so 烟大 (Yantai–Dalian) "
                  "is most likely meant; a probable misprint.",
        certain=False,
    ),
    Correction(
        id="yanda-hand-in-hand",
        wrong="烟台携手",
        right="烟大携手",
        times=1,
        printed="烟台携手",
        corrected="烟大携手",
        reason_zh="小标题讲两市携手，很可能是“烟大携手”；属可能的笔误。",
        reason_en="The section heading is about the two cities joining hands, so 烟大 "
                  "(Yantai–Dalian) is most likely meant; a probable misprint.",
        certain=False,
    ),
)


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
    return (f"matches the source up to …{matched[-12:]!r}, then has {wanted[low:low + 12]!r} "
            f"where the source has {source[at + low:at + low + 12]!r}")
