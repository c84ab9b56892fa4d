"""The label uptake dashboard's figures for a period (and optionally one commune or sector of
the artisans), aggregated in SQL, by domain.md's definitions, on the period's last day (today
while the period runs), called "the day" below:
- certified: artisans holding a valid label on the day (a certification in the 6 years before,
  not marked expired since; a renewal does not count twice); erased artisans keep their label
  steps, an anonymous fact, and count;
- registry: artisans in the registry on the day (created by then; erased ones too, as
  anonymous facts, so that an erasure changes no figure);
- uptake rate: certified / registry;
- new certifications: certifications dated in the period of artisans without a valid label
  the day before (a first label, or one after an expiry); renewals: those of artisans still
  certified the day before; refusals: refusals dated in the period;
- median days to a decision: from the latest submission to the decision (certified or
  refused), over the decisions in the period that have a submission on record;
- certified over time: the certified count at each month end of the period (the day for the
  last month);
- funnel: artisans by the state of their latest step on or before the day (a certification of
  6 years before or more reads expired), those of the registry without a step as
  not_informed; artisans erased or registered later count with the step they had by then."""

from __future__ import annotations

import functools
from bisect import bisect_left
from datetime import date, timedelta
from itertools import accumulate
from statistics import median
from typing import Any

import pandas as pd
from sqlalchemy import BindParameter, Date, and_, bindparam, case, func, or_, select
from sqlalchemy.orm import Session

from db.models import Artisan, LabelStep
from db.periods import Scope
from db.queries.community import (
    END,
    Shape,
    Statement,
    artisans_in,
    day_after,
    shape,
)
from db.queries.label import certified, in_force, validity_start
from db.vocab import LABEL_STATES

# Statements built once per shape of scope (db.queries.community.shape), the place and the
# days bound at each read (_place, _on), as the community reads do: on a small registry,
# building and keying a statement cost as much as running it. The registry's moment is
# community's :end, the end of the day read on (as community.bound gives it).
DAY: BindParameter[date] = bindparam("day", type_=Date())  # read on (the last of several)
FIRST: BindParameter[date] = bindparam("first", type_=Date())  # the period's (days') first
VALID_AFTER: BindParameter[date] = bindparam("valid_after", type_=Date())  # validity_start


def as_of(scope: Scope, today: date) -> date:
    """The day a scope's stock figures are read on: its last day, or today if earlier."""
    return min(scope.period.end, today)


def _place(scope: Scope) -> dict[str, Any]:
    """The values of :commune and :sector for a scope."""
    return {"commune": scope.commune, "sector": scope.sector}


def _on(day: date) -> dict[str, Any]:
    """The values of a day read on: the day, the last certification day no longer valid on it
    (validity_start: those after it are) and the moment it ends."""
    return {"day": day, "valid_after": validity_start(day), "end": day_after(day)}


def _bound(scope: Scope, day: date) -> dict[str, Any]:
    """The values of a read's parameters: the place, the period's first day and the day."""
    return {**_place(scope), "first": scope.period.start, **_on(day)}


def _in_registry() -> Any:
    """Registered by :end (the end of the day); an erased artisan still counts (an anonymous
    fact, like their label: an erasure changes no figure)."""
    return Artisan.created_at < END


def certified_on_days(session: Session, scope: Scope, days: list[date]) -> list[int]:
    """Artisans certified on each of `days`. One day: the steps in force that day of those
    certified, counted. More: each step whose certification counts on one of the days, read
    once; it counts on a run of the days in order (from its day, before the artisan's next
    step and while its certification is less than 6 years old), and an artisan has one step
    in force a day, so the runs add up."""
    ordered = sorted(set(days))
    count_of, steps_of = _days_statements(shape(scope))
    if len(ordered) == 1:
        count = session.connection().execute(count_of, _place(scope) | _on(ordered[0]))
        return [int(count.scalar_one())] * len(days)
    if not ordered:
        return []
    since = [validity_start(d) for d in ordered]  # in order too: validity_start never goes back
    steps = session.connection().execute(steps_of, {  # Core: no ORM work per row
        **_place(scope), "valid_after": since[0], "day": ordered[-1], "first": ordered[0]}).all()
    change = [0] * (len(ordered) + 1)  # +1 where a step's run of days begins, -1 after it
    for on, next_on, certified_since in steps:
        assert certified_since is not None  # by the query
        first = bisect_left(ordered, on)  # the days on or after the step
        last = bisect_left(since, certified_since)  # those it is less than 6 years old on
        if next_on is not None:
            last = min(last, bisect_left(ordered, next_on))  # those before the next step
        if first < last:
            change[first] += 1
            change[last] -= 1
    on_day = dict(zip(ordered, accumulate(change[:-1]), strict=True))
    return [on_day[d] for d in days]


@functools.cache
def _days_statements(place: Shape) -> tuple[Statement, Statement]:
    """The certified steps on :day, counted; and the steps whose certification counts on one of
    the days from :first to :day (certified after :valid_after, validity_start(:first))."""
    count = (select(func.count()).select_from(LabelStep)
             .where(*certified(DAY, valid_after=VALID_AFTER), *_steps_in(place)))
    steps = (select(LabelStep.occurred_on, LabelStep.next_on, LabelStep.certified_since)
             .where(LabelStep.certified_since > VALID_AFTER, LabelStep.occurred_on <= DAY,
                    or_(LabelStep.next_on.is_(None), LabelStep.next_on > FIRST),
                    *_steps_in(place)))
    return count, steps


def _steps_in(place: Shape) -> list[Any]:
    """Conditions keeping the steps of the artisans of :commune and :sector, where the shape
    names them: on the copies of their commune and sector each step carries (kept by the
    database, migration 0011), so no step's artisan is looked up."""
    return artisans_in(place, LabelStep)


def _registry(session: Session, scope: Scope, day: date) -> int:
    """Artisans in the scope's registry on the day."""
    return int(session.scalar(_registry_statement(shape(scope)), _place(scope) | _on(day)) or 0)


@functools.cache
def _registry_statement(place: Shape) -> Statement:
    """The registry on :day. For the whole Region, all artisans less those registered later:
    SQLite counts a whole table without reading its rows one by one, and the later ones are
    few for a recent day (created_at is never NULL)."""
    if any(place):
        return (select(func.count()).select_from(Artisan)
                .where(_in_registry(), *artisans_in(place)))
    everyone = select(func.count()).select_from(Artisan).scalar_subquery()
    later = select(func.count()).select_from(Artisan).where(~_in_registry()).scalar_subquery()
    return select(everyone - later)


def _decisions(session: Session, scope: Scope, day: date) -> list[Any]:
    """Each decision of the period: its state and day, the latest submission on or before it,
    and the artisan's latest certification and expiry before it (kept on each step by the
    database, migration 0011: read from one index, no search per decision)."""
    return list(session.connection().execute(_decisions_statement(shape(scope)),
                                             _bound(scope, day)).all())


@functools.cache
def _decisions_statement(place: Shape) -> Statement:
    return (select(LabelStep.state, LabelStep.occurred_on, LabelStep.submitted_on,
                   LabelStep.certified_before, LabelStep.expired_before)
            .where(LabelStep.state.in_(("certified", "refused")),
                   LabelStep.occurred_on.between(FIRST, DAY), *_steps_in(place)))


def _renewal(day: date, previous: date | None, expired: date | None) -> bool:
    """A certification on `day` of an artisan still certified the day before."""
    eve = day - timedelta(days=1)
    return (previous is not None and previous > validity_start(eve)
            and (expired is None or expired <= previous))


def label_figures(session: Session, scope: Scope, today: date) -> dict[str, float | None]:
    """Certified, registry, uptake rate, new certifications, renewals, refusals, decisions and
    the median days from submission to decision (None when nothing to measure)."""
    day = as_of(scope, today)
    certified = certified_on_days(session, scope, [day])[0]
    registry = _registry(session, scope, day)
    decisions = _decisions(session, scope, day)
    granted = [d for d in decisions if d[0] == "certified"]
    renewals = sum(_renewal(d[1], d[3], d[4]) for d in granted)
    timed = [(d[1] - d[2]).days for d in decisions if d[2] is not None]
    return {
        "certified": certified, "registry": registry,
        "uptake_rate": certified / registry if registry else None,
        "new_certified": len(granted) - renewals, "renewals": renewals,
        "refusals": len(decisions) - len(granted), "decisions": len(decisions),
        "decisions_timed": len(timed),
        "median_days_to_decision": float(median(timed)) if timed else None,
    }


def certified_by_month(session: Session, scope: Scope, today: date) -> pd.DataFrame:
    """Certified artisans at each month end of the period up to the day (the day itself for its
    month): columns month (first day), certified."""
    day = as_of(scope, today)
    if day < scope.period.start:
        return pd.DataFrame({"month": pd.to_datetime([]), "certified": pd.Series(dtype=int)})
    months = pd.date_range(pd.Timestamp(scope.period.start).to_period("M").to_timestamp(), day,
                           freq="MS")
    ends = [min((m + pd.offsets.MonthEnd(0)).date(), day) for m in months]
    return pd.DataFrame({"month": months,
                         "certified": certified_on_days(session, scope, ends)})


def label_funnel(session: Session, scope: Scope, today: date) -> pd.DataFrame:
    """Artisans per label state on the day, every state in journey order: columns state, count."""
    day = as_of(scope, today)
    rows = session.execute(_funnel_statement(shape(scope)), _place(scope) | _on(day)).all()
    counts = {str(state): int(n) for state, n, _ in rows}
    registered_with_step = sum(int(n) - int(after) for _, n, after in rows)
    counts["not_informed"] = (counts.get("not_informed", 0) + _registry(session, scope, day)
                              - registered_with_step)
    return pd.DataFrame({"state": list(LABEL_STATES),
                         "count": [int(counts.get(s, 0)) for s in LABEL_STATES]})


@functools.cache
def _funnel_statement(place: Shape) -> Statement:
    # Each artisan's step on :day: of their steps on or before it, the one whose next step
    # (next_on) comes after it or that has none; with the copy of their registry moment. One
    # pass over an index (migrations 0010 and 0011), no search for every artisan's latest step
    # and no look-up of its artisan.
    latest = (select(LabelStep.state, LabelStep.occurred_on, LabelStep.registered_at)
              .where(*in_force(DAY), *_steps_in(place)).subquery())
    state = case((and_(latest.c.state == "certified",
                       latest.c.occurred_on <= VALID_AFTER), "expired"),
                 else_=latest.c.state).label("state")
    # Those with a step count by it (registered later or not); the registry's others, without
    # one, are not_informed: the registry less its artisans with a step, i.e. less those with
    # a step who were registered by the day (by :end).
    later = latest.c.registered_at >= END
    return select(state, func.count(), func.count(case((later, 1)))).group_by(state)


def certified_by_place(session: Session, scope: Scope, today: date) -> pd.DataFrame:
    """Certified artisans on the day per commune and sector together (columns commune_nis,
    sector, count; None where unknown): one pass for both breakdowns of the dashboard."""
    rows = session.execute(_by_place(shape(scope)),
                           _place(scope) | _on(as_of(scope, today))).all()
    return pd.DataFrame(rows, columns=["commune_nis", "sector", "count"])


@functools.cache
def _by_place(place: Shape) -> Statement:
    # the copies on the steps: no look-up of each one's artisan
    return (select(LabelStep.commune_nis, LabelStep.sector, func.count())
            .where(*certified(DAY, valid_after=VALID_AFTER), *_steps_in(place))
            .group_by(LabelStep.commune_nis, LabelStep.sector))

