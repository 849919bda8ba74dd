"""Data: the kinds, their models, loading and validation, the source article and its corrections, citations."""
