"""A failed build leaves no half-made site: `make build` and `make pages` build into a new
directory and only a build that succeeded replaces `site/` (the previous `site/` stays as
it was otherwise, and the half-made directory is removed).

    python -m tools.site_swap replace NEW site   # NEW becomes site/, the old site/ is removed
    python -m tools.site_swap discard NEW        # a failed build's directory is removed

Both renames happen within one folder, so each is atomic; between them `site/` is
missing for an instant, never half-written.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path


def replace(new: Path, target: Path) -> None:
    new, target = Path(new), Path(target)
    if not (new / "index.html").is_file():
        raise SystemExit(f"site_swap: {new} holds no built site (no index.html); {target} is left as it was")
    old = target.with_name(f"{target.name}.old-{os.getpid()}")
    if target.exists():
        target.rename(old)
    new.rename(target)
    shutil.rmtree(old, ignore_errors=True)


def discard(new: Path) -> None:
    shutil.rmtree(new, ignore_errors=True)


def main(argv: list[str]) -> int:
    if len(argv) == 3 and argv[0] == "replace":
        replace(Path(argv[1]), Path(argv[2]))
        return 0
    if len(argv) == 2 and argv[0] == "discard":
        discard(Path(argv[1]))
        return 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
