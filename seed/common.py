"""Small helpers shared by the generators: dates, weights, enterprise numbers."""

from __future__ import annotations

import random
import unicodedata
from datetime import date, datetime, time, timedelta

from db.clock import BRUSSELS

PLAN_START = date(2023, 1, 1)


def enterprise_number(body: int) -> str:
    """A valid 10-digit enterprise number: 8 digits then 97 - (those 8 digits mod 97)."""
    return f"{body:08d}{97 - body % 97:02d}"


def day_between(rng: random.Random, start: date, end: date) -> date:
    """A uniformly drawn day in [start, end]."""
    return start + timedelta(days=rng.randint(0, max((end - start).days, 0)))


def at(day: date, hour: int, minute: int = 0) -> datetime:
    """A Brussels local time on a day, timezone-aware."""
    return datetime.combine(day, time(hour, minute), tzinfo=BRUSSELS)


def months(start: date, end: date) -> list[date]:
    """First days of every month from start's month to end's month."""
    out, d = [], start.replace(day=1)
    while d <= end:
        out.append(d)
        d = (d.replace(day=28) + timedelta(days=4)).replace(day=1)
    return out


def nth_weekday(first_of_month: date, weekday: int, n: int) -> date:
    """The n-th given weekday (0 = Monday) of the month starting at first_of_month."""
    offset = (weekday - first_of_month.weekday()) % 7
    return first_of_month + timedelta(days=offset + 7 * (n - 1))


def slug(text: str) -> str:
    """Lower-case ASCII letters only, for e-mail addresses."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return "".join(ch for ch in ascii_text.lower() if ch.isalnum())
