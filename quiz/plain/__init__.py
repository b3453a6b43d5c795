"""The plain-text interface: a game line by line, for screen readers, pipes and scripts."""
