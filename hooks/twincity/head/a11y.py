"""Accessibility fixes to Material's HTML that its templates offer no setting for."""

from __future__ import annotations

from markupsafe import escape

from ..errors import ConfigError

# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

# Material's search dialog has role="dialog" but no accessible name (axe: aria-dialog-name).
SEARCH_DIALOG = '<div class="md-search" data-md-component="search" role="dialog">'

# -----------------------------------------------------------------------------
# Functions
# -----------------------------------------------------------------------------


def name_search_dialog(html: str, name: str) -> str:
    """Give the search dialog an accessible name (the catalogue's `a11y.search_dialog`).

    Raises if the page has a search box but Material's markup is not the one this fix
    knows, so an upgrade that changes it cannot silently undo the fix.
    """
    if 'data-md-component="search"' not in html:
        return html
    if SEARCH_DIALOG not in html:
        raise ConfigError("a11y: Material's search dialog markup changed; update hooks/twincity/a11y.py")
    named = SEARCH_DIALOG.replace('role="dialog"', f'role="dialog" aria-label="{escape(name)}"')
    return html.replace(SEARCH_DIALOG, named, 1)
