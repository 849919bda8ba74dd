"""Every link of a built site resolves (the check the build itself runs once every
language is written: hooks/twincity/publish/link_check.py, where the rules are).

    python -m tools.link_check site/ http://127.0.0.1:8000/

Prints one line a problem and exits 1 when there is any.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from twincity.publish.link_check import Checker, Parsed, Reference, check_site  # noqa: E402

__all__ = ["Checker", "Parsed", "Reference", "check_site", "main"]


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    problems, count = check_site(Path(args[0]), args[1])
    for problem in problems:
        print(f"error: {problem}", file=sys.stderr)
    print(f"{count} addresses checked, {len(problems)} broken")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
