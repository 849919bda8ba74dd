"""MkDocs build hook of the Yantai–Dalian site.

This file only wires MkDocs events to the modules in `hooks/twincity/`, where the
logic lives and is tested on its own. mkdocs-static-i18n builds the site once per
language, so every event below runs once per language.
"""

from __future__ import annotations

# -----------------------------------------------------------------------------
# Hooks
# -----------------------------------------------------------------------------
