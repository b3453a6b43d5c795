"""Control characters: pack text refuses them, and nothing prints them raw.

C0 and C1 control characters (tab and newline aside), written as YAML escapes such as
"\\e[2J", would reach the player's terminal as commands. Kept apart from the loader so
the UI can use it without importing YAML.
"""

from __future__ import annotations

import re

CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
