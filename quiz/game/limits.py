"""Limits on what a player types, shared by every interface (a module of its own so the
full screen's first question needs nothing else)."""

# The longest typed answer taken, in characters: far above any real answer, and what
# every interface stops at (so a pasted file is never judged, echoed or saved whole).
MAX_ANSWER = 1000
