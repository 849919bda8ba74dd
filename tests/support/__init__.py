"""Helpers the tests share: the site's pages and languages, built sites, data copies,
project copies and page ids. Tests import them from here, never from each other."""
