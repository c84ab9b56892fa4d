"""Reporting periods of the dashboards: the quick picks, the previous period of equal length,
and the change between two values (percent for counts, percentage points for rates, "n/a"
when the previous value is 0), as domain.md defines period comparisons."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

PLAN_START, PLAN_END = date(2023, 1, 1), date(2024, 12, 31)
QUICK_PICKS = ("this_month", "this_quarter", "this_year", "plan", "custom")
# A partner's periods: fixed ones, none overlapping another (see partner_periods).
PARTNER_PICKS = ("this_year", "plan")
EARLIEST, LATEST = date(2000, 1, 1), date(2100, 12, 31)


@dataclass(frozen=True)
class Period:
    """Days from start to end, both included."""

    start: date
    end: date

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ValueError(f"a period cannot end before it starts: {self}")

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def previous(self) -> Period:
        """The period of equal length that ends the day before this one starts."""
        end = self.start - timedelta(days=1)
        return Period(end - timedelta(days=self.days - 1), end)

    def __contains__(self, day: object) -> bool:
        return isinstance(day, date) and self.start <= day <= self.end


@dataclass(frozen=True)
class Scope:
    """What a dashboard looks at: a period, and optionally the artisans of one commune or of
    one craft sector."""

    period: Period
    commune: str | None = None
    sector: str | None = None


def quick_period(pick: str, today: date) -> Period:
    """A quick pick as a period: this month, quarter or year so far (to today), or the plan
    2023-2024 (whole). Raises ValueError for 'custom' or an unknown pick."""
    if pick == "this_month":
        return Period(today.replace(day=1), today)
    if pick == "this_quarter":
        return Period(date(today.year, 3 * ((today.month - 1) // 3) + 1, 1), today)
    if pick == "this_year":
        return Period(date(today.year, 1, 1), today)
    if pick == "plan":
        return Period(PLAN_START, PLAN_END)
    raise ValueError(f"not a quick pick: {pick!r}")


def partner_picks(today: date) -> tuple[str, ...]:
    """The quick picks a partner may choose today: this year and the plan 2023-2024, less any
    whose period or previous period overlaps those of a pick before it (this year, in 2024 or
    2025). Overlapping periods would let a partner subtract one from the other and pin a count
    that rounding hides (the plan minus 2023 is 2024; a day's figures are two periods' gap)."""
    kept: list[str] = []
    taken: list[Period] = []
    for pick in PARTNER_PICKS:
        period = quick_period(pick, today)
        pair = (period, period.previous())
        if not any(a.start <= b.end and b.start <= a.end for a in pair for b in taken):
            kept.append(pick)
            taken += pair
    return tuple(kept)


def partner_periods(today: date) -> frozenset[Period]:
    """Every period a partner's figures may cover today: each of partner_picks and the
    previous period of equal length that its changes compare with."""
    periods = (quick_period(pick, today) for pick in partner_picks(today))
    return frozenset(p for period in periods for p in (period, period.previous()))


@dataclass(frozen=True)
class Change:
    """The change of a figure against the previous period: `value` in percent (counts) or in
    percentage points (rates); None is "n/a" (previous value 0, or either value missing)."""

    value: float | None
    points: bool  # True: percentage points (a rate), False: percent (a count)


def change(now: float | None, before: float | None, rate: bool = False) -> Change:
    """The change from `before` to `now`: a rate (a share from 0 to 1) in percentage points, a
    count in percent of the previous value; "n/a" (None) whenever the previous value is 0, as
    domain.md says, for a rate too."""
    if now is None or before is None or before == 0:
        return Change(None, rate)
    if rate:
        return Change(100 * (now - before), True)
    return Change(100 * (now - before) / before, False)
