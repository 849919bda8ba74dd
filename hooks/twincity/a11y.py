"""Accessibility fixes to Material's HTML that its templates offer no setting for."""

from __future__ import annotations

# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

# Material's search dialog has role="dialog" but no accessible name (axe: aria-dialog-name).
SEARCH_DIALOG = '<div class="md-search" data-md-component="search" role="dialog">'
SEARCH_DIALOG_NAME = {"zh": "搜索", "en": "Search"}

# -----------------------------------------------------------------------------
# Functions
# -----------------------------------------------------------------------------


def name_search_dialog(html: str, lang: str) -> str:
    """Give the search dialog an accessible name in the page's language.

    Raises if the page has a search box but Material's markup is not the one this fix
    knows, so an upgrade that changes it cannot silently undo the fix.
    """
    if 'data-md-component="search"' not in html:
        return html
    if SEARCH_DIALOG not in html:
        raise ValueError("a11y: Material's search dialog markup changed; update twincity/a11y.py")
    if lang not in SEARCH_DIALOG_NAME:
        raise ValueError(f"a11y: no search dialog name for language {lang!r}")
    named = SEARCH_DIALOG.replace('role="dialog"', f'role="dialog" aria-label="{SEARCH_DIALOG_NAME[lang]}"')
    return html.replace(SEARCH_DIALOG, named, 1)
