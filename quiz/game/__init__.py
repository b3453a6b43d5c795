"""The game engine: selection, sessions, scoring and answer matching (no Textual)."""
