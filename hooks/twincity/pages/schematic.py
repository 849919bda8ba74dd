"""The schematic of the paired places across the Bohai Strait: a diagram, not a map.

Dalian's side is drawn above a plain band standing for the strait, Yantai's below;
each place is a dot and a text label linked to its agreement, ordered west to east by
the longitude of its source point (data/places.yml), evenly spaced: no coastline,
boundary, terrain or scale. The SVG and the table of pairs after it come from the
template `schematic.html`, rendered by `rendering.render_schematic`; this module only
computes positions.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from ..data.site_data import SIDES, SiteData

# Geometry, in SVG user units. The viewBox is WIDTH wide and shown at most 24rem wide;
# at 375 px the text of FONT units is still 12.4 px.
WIDTH = 360
MARGIN = 8
FONT = 13
LINE = 16
TITLE_FONT = 15
DOT = 5
GAP = 4  # between a label's interval and the next place


@dataclass
class Label:
    place: Any
    x: float  # of the dot
    cx: float = 0  # centre of the text
    lines: list[str] = field(default_factory=list)
    row: int = 0  # 0: next to the dots; 1: beyond the row 0 labels
    top: float = 0  # of the first line box
    href: str = ""
    sep: str = ""  # between its lines when read as text: a space where a Latin name was broken


@dataclass
class Side:
    name: str
    labels: list[Label]
    title_y: float = 0
    dot_y: float = 0


@dataclass
class Layout:
    width: int
    height: float
    sides: dict[str, Side]
    band_top: float
    band_height: float
    strait_y: float
    width_lines: list[tuple[float, str]]
    caveat_lines: list[tuple[float, str]]
    arrow_x: float
    not_a_map_y: float
    pairs: list[tuple[Any, Label, Label]]


def text_width(text: str, size: float = FONT) -> float:
    """An estimate of the drawn width: full width for CJK, a little over half for Latin."""
    total = 0.0
    for char in text:
        wide = unicodedata.east_asian_width(char) in ("W", "F")
        total += 1.0 if wide else (0.3 if char == " " else 0.58)
    return total * size


def wrap(text: str, max_width: float, size: float = FONT) -> list[str]:
    """Break at spaces (Latin) or between characters (CJK) so that each line fits."""
    if text_width(text, size) <= max_width:
        return [text]
    tokens = text.split(" ") if " " in text else list(text)
    joiner = " " if " " in text else ""
    lines: list[str] = []
    current = ""
    for token in tokens:
        candidate = f"{current}{joiner}{token}" if current else token
        if current and text_width(candidate, size) > max_width:
            lines.append(current)
            current = token
        else:
            current = candidate
    if current:
        lines.append(current)
    if joiner or len(lines) < 2:
        return lines
    # CJK: break after a comma when the parts fit, else into lines of even length (no single
    # character left on the last line); never start a line with closing punctuation.
    clauses = [part for part in _CLAUSE.split(text) if part]
    if len(clauses) == len(lines) and all(text_width(part, size) <= max_width for part in clauses):
        return clauses
    per_line = -(-len(text) // len(lines))
    lines = [text[i : i + per_line] for i in range(0, len(text), per_line)]
    for i in range(1, len(lines)):
        while lines[i] and lines[i][0] in _NO_LINE_START:
            lines[i - 1] += lines[i][0]
            lines[i] = lines[i][1:]
    return [line for line in lines if line]


_CLAUSE = re.compile(r"(?<=[，；、])")
_NO_LINE_START = "，。、；：？！）」』”’"


def layout(data: SiteData, lang: str, t: dict[str, Any], links) -> Layout:
    """Where everything goes, for one language (labels wrap differently in each)."""
    order = {p.id: i for i, p in enumerate(data.places)}
    sides: dict[str, Side] = {}
    for side_name in SIDES:
        side_places = sorted(
            (p for p in data.places if p.side == side_name), key=lambda p: (p.position.lon, order[p.id])
        )
        n = len(side_places)
        slot = (WIDTH - 2 * MARGIN) / max(n, 1)
        xs = [MARGIN + slot * (i + 0.5) for i in range(n)]
        labels = []
        for i, place in enumerate(side_places):
            lo = xs[i - 1] + GAP if i > 0 else MARGIN
            hi = xs[i + 1] - GAP if i < n - 1 else WIDTH - MARGIN
            lines = wrap(place.name[lang], hi - lo)
            w = max(text_width(line) for line in lines)
            cx = min(max(xs[i], lo + w / 2), hi - w / 2)
            naming = data.agreements_naming_place.get(place.id)
            href = links.page("agreements", naming[0]) if naming else links.page("agreements")
            sep = " " if " " in place.name[lang] else ""
            labels.append(Label(place, xs[i], cx, lines, href=href, sep=sep))
        # One row of labels if each fits its own slot; otherwise every other label one row further out.
        if any(text_width(line) > slot - 2 * GAP for label in labels for line in label.lines):
            for i, label in enumerate(labels):
                label.row = i % 2
        sides[side_name] = Side(side_name, labels)

    def rows_height(side: Side, row: int) -> float:
        heights = [len(label.lines) * LINE for label in side.labels if label.row == row]
        return max(heights, default=0)

    y = MARGIN + FONT  # the schematic label, first line
    not_a_map_y = y
    # Dalian: title, far row, near row, dots.
    north = sides[SIDES[0]]
    y += 10 + TITLE_FONT
    north.title_y = y
    y += 8
    far, near = rows_height(north, 1), rows_height(north, 0)
    for label in north.labels:
        label.top = y if label.row == 1 else y + (far + 6 if far else 0)
    y += (far + 6 if far else 0) + near + 8 + DOT
    north.dot_y = y
    # The strait band.
    band_top = y + DOT + 10
    strait_y = band_top + 8 + TITLE_FONT
    inner = WIDTH - 2 * MARGIN - 24
    width_lines = [(strait_y + LINE * (k + 1) + 2, line) for k, line in enumerate(wrap(t["width"], inner))]
    after = width_lines[-1][0] if width_lines else strait_y
    caveat_lines = [(after + LINE * (k + 1), line) for k, line in enumerate(wrap(t["width_caveat"], inner))]
    band_bottom = (caveat_lines[-1][0] if caveat_lines else after) + 12
    # Yantai: dots, near row, far row, title.
    south = sides[SIDES[1]]
    y = band_bottom + 10 + DOT
    south.dot_y = y
    y += DOT + 8
    near, far = rows_height(south, 0), rows_height(south, 1)
    for label in south.labels:
        label.top = y if label.row == 0 else y + (near + 6 if near else 0)
    y += near + (far + 6 if far else 0) + 4 + TITLE_FONT
    south.title_y = y
    height = y + MARGIN + 2

    by_id = {label.place.id: label for side in sides.values() for label in side.labels}
    pairs = [(a, by_id[d.id], by_id[yt.id]) for a, d, yt in data.place_pairs()]
    return Layout(
        WIDTH,
        round(height, 1),
        sides,
        band_top,
        band_bottom - band_top,
        strait_y,
        width_lines,
        caveat_lines,
        MARGIN + 12,
        not_a_map_y,
        pairs,
    )
