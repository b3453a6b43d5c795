"""Question packs: the model, the loader, the schema and excerpt checks (no Textual)."""
