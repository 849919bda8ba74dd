"""Publishing after the pages: open data, feeds, search indexes, redirects, the fact-sheet PDFs, the 404 page."""
