"""Brussels time: the programme's days start and end in Brussels, whatever the server's zone."""

from __future__ import annotations

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

BRUSSELS = ZoneInfo("Europe/Brussels")


def today() -> date:
    """Today's date in Brussels."""
    return datetime.now(BRUSSELS).date()


def day_start(day: date) -> datetime:
    """Midnight in Brussels at the start of a day, timezone-aware."""
    return datetime.combine(day, time.min, tzinfo=BRUSSELS)
