"""Saved history and settings in SQLite (no Textual)."""
