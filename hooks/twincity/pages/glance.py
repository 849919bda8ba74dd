"""The 1+15 at a glance: the framework agreement and the specific agreements, group by
group, one square per agreement, counted from data/agreements.yml. Each row links to its
group on the agreements page. Positions are computed here; the SVG is `glance.html`, rendered by
`rendering.render_glance`."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, get_args

from ..data.models import AgreementGroup
from .schematic import LINE, MARGIN, WIDTH, wrap

GROUPS: tuple[str, ...] = get_args(AgreementGroup)
CELL = 14
CELL_GAP = 3
BIG_FONT = 30
PLUS_FONT = 20
COLUMN = 64  # the left column with the big “1” and “15”
ROW_GAP = 10
PLUS_GAP = 26  # between the framework agreement and the specific ones: room for the “+”


@dataclass
class Row:
    group: str
    count: int
    href: str
    top: float
    height: float
    cells: list[tuple[float, float]]
    label_x: float
    label_lines: list[tuple[float, str]]


@dataclass
class Glance:
    width: int
    height: float
    rows: list[Row]
    one_y: float
    plus_y: float
    fifteen_y: float
    bracket: tuple[float, float] | None
    specific: int
    framework: int


def layout(data, lang: str, t: dict[str, Any], links, number=str) -> Glance:
    """The picture's rows; `number` writes a count as the language does in running text."""
    counts = {g: sum(1 for a in data.agreements if a.group == g) for g in GROUPS}
    most = max(counts.values(), default=1) or 1
    per_line = min(most, 8)  # squares per line before they wrap
    label_x = COLUMN + per_line * (CELL + CELL_GAP) + 6
    rows: list[Row] = []
    y = MARGIN
    for group in GROUPS:
        n = counts[group]
        if not n:
            continue
        cell_lines = -(-n // per_line)
        cells_height = cell_lines * (CELL + CELL_GAP) - CELL_GAP
        label = t["group_count"].format(n=number(n), label=t["group"][group])
        lines = wrap(label, WIDTH - MARGIN - label_x)
        height = max(cells_height, len(lines) * LINE)
        cells = [
            (
                COLUMN + (i % per_line) * (CELL + CELL_GAP),
                y + (height - cells_height) / 2 + (i // per_line) * (CELL + CELL_GAP),
            )
            for i in range(n)
        ]
        first = y + (height - len(lines) * LINE) / 2
        label_lines = [(round(first + LINE * (k + 1) - 4, 1), line) for k, line in enumerate(lines)]
        rows.append(Row(group, n, links.page("agreements", f"group-{group}"), y, height, cells, label_x, label_lines))
        y += height + (PLUS_GAP if group == "framework" else ROW_GAP)
    height = y - ROW_GAP + MARGIN
    framework_row = next((r for r in rows if r.group == "framework"), None)
    specific_rows = [r for r in rows if r.group != "framework"]
    one_y = (framework_row.top + framework_row.height / 2 + BIG_FONT * 0.36) if framework_row else 0
    bracket = None
    fifteen_y = 0.0
    if specific_rows:
        top, bottom = specific_rows[0].top, specific_rows[-1].top + specific_rows[-1].height
        bracket = (top, bottom)
        fifteen_y = (top + bottom) / 2 + BIG_FONT * 0.36
    plus_y = (specific_rows[0].top - PLUS_GAP / 2 + PLUS_FONT * 0.36) if (framework_row and specific_rows) else 0
    return Glance(
        WIDTH,
        round(height, 1),
        rows,
        round(one_y, 1),
        round(plus_y, 1),
        round(fifteen_y, 1),
        bracket,
        sum(counts[g] for g in GROUPS[1:]),
        counts["framework"],
    )
