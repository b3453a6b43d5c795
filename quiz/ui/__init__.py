"""The Textual user interface: renders a game session and forwards the player's input."""
