"""Reading a QR code as a phone would: from a screenshot Chromium took of it."""

from __future__ import annotations

import base64

import zxingcpp


def decode_png(page, png: bytes) -> list[str]:
    """Decode a QR code in a screenshot: Chromium turns the PNG into grey pixels, zxing-cpp reads them."""
    width, height, grey = page.evaluate(
        """async (data) => {
        const img = new Image(); img.src = 'data:image/png;base64,' + data; await img.decode();
        const c = document.createElement('canvas'); c.width = img.width; c.height = img.height;
        const g = c.getContext('2d'); g.drawImage(img, 0, 0);
        const px = g.getImageData(0, 0, c.width, c.height).data;
        let s = ''; for (let i = 0; i < px.length; i += 4) s += String.fromCharCode(px[i + 1]);
        return [c.width, c.height, btoa(s)]; }""",
        base64.b64encode(png).decode(),
    )
    pixels = memoryview(base64.b64decode(grey)).cast("B", (height, width))
    return [result.text for result in zxingcpp.read_barcodes(pixels)]
