"""Benchmarks of the build's data pages (`make bench`)."""
