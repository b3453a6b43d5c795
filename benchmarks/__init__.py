"""Benchmarks: scripts that measure, print a table and exit 0 (run: python benchmarks/run.py)."""
