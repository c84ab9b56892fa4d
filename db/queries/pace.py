"""The pace projection of a target: where an indicator ends its period if it keeps its pace."""

from __future__ import annotations

from datetime import date

# Counted to date (a value on a day); the others are flows (a count over the period).
CUMULATIVE = frozenset({"community_members", "certified_artisans"})


def projection(*, cumulative: bool, start: date, end: date, today: date, at_start: float,
               now: float) -> float | None:
    """The value expected at the end of the period at the current pace, linearly.

    Days are counted whole and both ends included: `now` is the value at the end of `today`
    (at the end of `end` once the period is over), `at_start` the value at the end of the day
    before `start` (0 for a flow). A cumulative indicator extrapolates its gain since the start
    and adds it to `at_start`; a flow extrapolates its count so far over the whole period.

    - before the period starts: None (no pace to speak of);
    - on its first day: None (one partial day is no pace yet);
    - on its last day and after it: `now`, the actual value;
    - nothing happened: the value does not move (a flow projects 0, a stock its start value);
    - a falling stock (labels expiring) is projected falling, never below 0.
    """
    if today < start or today == start < end:
        return None
    if today >= end:
        return now
    total = (end - start).days + 1
    elapsed = (today - start).days + 1
    if cumulative:
        return max(0.0, at_start + (now - at_start) * total / elapsed)
    return max(0.0, now * total / elapsed)
