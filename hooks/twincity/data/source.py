"""The source article: the project's copy, its documented corrections, and the test
of whether an excerpt quotes it.

Every fact on the site rests on one Chinese news report, kept byte for byte in
`sources/` (`sources/source.yml` describes it: `SourceDescription`). The article has a
few misprints and layout defects, listed once in `data/corrections.yml`; the site
quotes it with those corrected, so an excerpt is compared with the *corrected*
article. The comparison ignores whitespace and the width of punctuation, because the
article uses ASCII `,` `:` `(` `)` where the site writes full-width `，` `：` `（` `）`.

Nothing is read here at import time: loading (`loading.load_site_data`) reads the
description, the article and the corrections with the rest of the data, reports every
problem with them as data problems, and hands the build a `Source`.
"""

from __future__ import annotations

import functools
import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import Problem, entry_label
from .models import Correction, SourceDescription

DESCRIPTION = "source.yml"  # in the sources folder, beside the article

# The article's ASCII punctuation and the full-width form the site uses.
_FULL_WIDTH = str.maketrans({",": "，", ":": "：", ";": "；", "(": "（", ")": "）", "?": "？", "!": "！"})
_DASHES = "-‐‑‒–—―－"
# Characters that are not text: zero-width space (jieba's word break), soft hyphen, BOM.
_INVISIBLE = "\u200b\u00ad\ufeff"


@dataclass(frozen=True, eq=False)
class Source:
    """The article as received, what sources/source.yml says of it, and the corrections applied."""

    info: SourceDescription
    text: str  # exactly as received
    corrections: tuple[Correction, ...]
    path: Path  # the project's copy
    corrected: str = field(init=False)  # headline at the top, every correction applied

    def __post_init__(self) -> None:
        text = self.text
        for correction in self.corrections:
            text = text.replace(correction.wrong, correction.right)
        object.__setattr__(self, "corrected", f"{self.info.headline}\n\n{self.info.subheadline}\n\n{text.strip()}\n")

    @functools.cached_property
    def _normalised(self) -> str:
        return normalise(self.corrected)

    def occurs(self, excerpt: str) -> bool:
        """Whether `excerpt` quotes the corrected article (ignoring whitespace and
        punctuation width). An empty excerpt quotes nothing."""
        wanted = normalise(excerpt)
        return bool(wanted) and wanted in self._normalised

    def where_it_differs(self, excerpt: str) -> str:
        """A short explanation of where `excerpt` stops matching the article, for error messages."""
        wanted = normalise(excerpt)
        source = self._normalised
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


def read_source(
    sources_dir: Path, info: SourceDescription, corrections: list[Correction], corrections_display: str
) -> tuple[Source | None, list[Problem]]:
    """The article described by `info`, checked against its checksum and every correction.

    A changed byte, or a correction whose printed form does not occur as often as
    documented, means the copy is no longer the text the site was checked against.
    """
    path = sources_dir / info.file
    display = f"{sources_dir.name}/{info.file}"
    try:
        data = path.read_bytes()
    except OSError as error:
        return None, [Problem(f"{sources_dir.name}/{DESCRIPTION}", f"{display}: {error.strerror or error}", "", "file")]
    digest = hashlib.sha256(data).hexdigest()
    if digest != info.sha256:
        return None, [
            Problem(
                display,
                f"its SHA-256 is {digest}, not the {info.sha256} of the article as received "
                f"({sources_dir.name}/{DESCRIPTION}, sha256): the copy has changed",
            )
        ]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return None, [Problem(display, "not UTF-8 text")]
    problems = []
    for index, correction in enumerate(corrections):
        found = text.count(correction.wrong)
        if found != correction.times:
            problems.append(
                Problem(
                    corrections_display,
                    f"{correction.printed!r} is expected {correction.times} time(s) in {display}, found {found}",
                    entry_label(index, {"id": correction.id}),
                    "times" if found else "wrong",
                )
            )
    if problems:
        return None, problems
    return Source(info, text, tuple(corrections), path), []


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
