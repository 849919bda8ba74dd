"""Re-pin requirements/*.txt from requirements/*.in, with hashes (run through `make lock`).

`uv pip compile --generate-hashes` (uv is pinned in dev.in) resolves build.in (the build
tools of dev.txt's one source-only package) into build.txt, site.in into site.txt, then
dev.in (which includes site.in) into dev.txt, constrained to site.txt so both files pin
the site packages alike. Every line carries the sha256 of each of its
files, so `pip install --require-hashes` refuses anything else. Packages named in
requirements/excludes.txt (MkDocs, which ProperDocs replaces) are left out of the
resolution; the lock files are the whole set, installed with `--no-deps`.

The current pins are kept unless a `.in` file asks otherwise (uv reads the existing
output file as its preferences); pass `--upgrade` to move everything to the newest
versions the `.in` files allow.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REQUIREMENTS = ROOT / "requirements"
# The oldest Python the site runs on: CI's machine has 3.11.7, the workflows the newest
# 3.11 (pymdown-extensions 13 needs 3.11.5 or later).
PYTHON_VERSION = "3.11.7"


def _uv() -> str:
    beside = Path(sys.executable).with_name("uv")
    if beside.exists():
        return str(beside)
    found = shutil.which("uv")
    if not found:
        raise SystemExit("uv is not installed: run `make lock`, which installs requirements/dev.txt first")
    return found


def compile_lock(name: str, *extra: str, upgrade: bool = False) -> Path:
    """Write requirements/<name>.txt from <name>.in; touch it only when its text changes."""
    target = REQUIREMENTS / f"{name}.txt"
    # Beside the target, so that relative includes in it (`-r site.txt`) resolve.
    out = REQUIREMENTS / f".{name}.txt.tmp"
    try:
        if target.exists():  # uv keeps the pins it finds in the output file
            shutil.copy2(target, out)
        command = [
            _uv(),
            "pip",
            "compile",
            f"requirements/{name}.in",
            "--output-file",
            str(out),
            "--generate-hashes",
            "--python-version",
            PYTHON_VERSION,
            "--excludes",
            "requirements/excludes.txt",
            "--custom-compile-command",
            "make lock",
            "--no-config",
            "--quiet",
            *extra,
        ]
        if upgrade:
            command.append("--upgrade")
        subprocess.run(command, check=True, cwd=ROOT)
        text = out.read_text("utf-8")
    finally:
        out.unlink(missing_ok=True)
    if not target.exists() or target.read_text("utf-8") != text:  # keep the mtime: make reinstalls on it
        target.write_text(text, "utf-8")
    pins = sum(1 for line in text.splitlines() if line and not line[0].isspace() and "==" in line)
    print(f"{target.relative_to(ROOT)}: {pins} packages, with hashes")
    return target


def main(argv: list[str] | None = None) -> int:
    upgrade = "--upgrade" in (sys.argv[1:] if argv is None else argv)
    compile_lock("build", upgrade=upgrade)
    compile_lock("site", upgrade=upgrade)
    compile_lock("dev", "--constraints", "requirements/site.txt", upgrade=upgrade)
    return 0


if __name__ == "__main__":
    sys.exit(main())
