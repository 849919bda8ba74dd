"""Pages: markers, the renderers and their templates, links between pages, the pictures."""
