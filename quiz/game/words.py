"""How times and dates are said to the player, in any interface: m:ss, '3 March 2025'."""

from __future__ import annotations

import datetime as dt


def nice_date(iso: str) -> str:
    """'2025-03-03' as '3 March 2025'; anything unparsable is returned as given."""
    try:
        day = dt.date.fromisoformat(iso)
    except ValueError:
        return iso
    return f"{day.day} {day:%B %Y}"


def duration(seconds: float) -> str:
    """Seconds as m:ss (or h:mm:ss past an hour)."""
    whole = max(0, round(seconds))
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02}:{secs:02}" if hours else f"{minutes}:{secs:02}"
