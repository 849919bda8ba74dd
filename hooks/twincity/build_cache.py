"""What one build keeps for the next: `.cache/` beside mkdocs.yml (ignored by git; it
can be deleted at any time). TWINCITY_CACHE names another folder: the tests give the
copies of the project they build the checkout's own.

- `factsheet-pdf/`: the printed fact sheets (publish/pdf.py);
- `jinja/`: the compiled templates (pages/compiled_templates.py).

Each entry is kept under the key of everything it is made from, so what is found is
right; a cache that cannot be written makes a build slower, not different.
"""

from __future__ import annotations

import os
from pathlib import Path

from .pipeline import config_root

FOLDER = Path(".cache")


def cache_folder(config, name: str) -> Path:
    """The folder where builds of this project keep `name`."""
    root = config_root(config)
    return root / (os.environ.get("TWINCITY_CACHE") or FOLDER) / name  # a relative TWINCITY_CACHE: from mkdocs.yml
