"""A QR code as SVG path data, made offline by segno (no service, no image file)."""

from __future__ import annotations

import segno


def qr_path(url: str, border: int = 2) -> tuple[int, str]:
    """(size in modules including the quiet zone, path data of the dark modules, one
    rectangle per horizontal run). Error correction M survives a print of modest quality."""
    code = segno.make(url, error="m", micro=False, boost_error=False)
    matrix = code.matrix
    size = len(matrix) + 2 * border
    parts = []
    for y, row in enumerate(matrix):
        x = 0
        while x < len(row):
            if row[x]:
                start = x
                while x < len(row) and row[x]:
                    x += 1
                parts.append(f"M{start + border} {y + border}h{x - start}v1h-{x - start}z")
            else:
                x += 1
    return size, "".join(parts)
