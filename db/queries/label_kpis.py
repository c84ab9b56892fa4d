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

from bisect import bisect_left
from datetime import date, timedelta
from itertools import accumulate
from statistics import median
from typing import Any

import pandas as pd
from sqlalchemy import and_, case, func, or_, select
from sqlalchemy.orm import Session

from db.models import Artisan, LabelStep
from db.periods import Scope
from db.queries.community import scope_artisans
from db.queries.event_lists import utc_day_start
from db.queries.label import certified, in_force, validity_start
from db.vocab import LABEL_STATES


def as_of(scope: Scope, today: date) -> date:
    """The day a scope's stock figures are read on: its last day, or today if earlier."""
    return min(scope.period.end, today)


def _in_registry(day: date) -> Any:
    """Registered by the end of the day; an erased artisan still counts (an anonymous fact,
    like their label: an erasure changes no figure)."""
    return Artisan.created_at < utc_day_start(day + timedelta(1))


def certified_on_days(session: Session, scope: Scope, days: list[date]) -> list[int]:
    """Artisans certified on each of `days`. One day: the steps in force that day of those
    certified, counted. More: each step whose certification counts on one of the days, read
    once; it counts on a run of the days in order (from its day, before the artisan's next
    step and while its certification is less than 6 years old), and an artisan has one step
    in force a day, so the runs add up."""
    ordered = sorted(set(days))
    if len(ordered) == 1:
        count = select(func.count()).select_from(LabelStep).where(*certified(ordered[0]),
                                                                  *_of_scope(scope))
        return [int(session.connection().execute(count).scalar_one())] * len(days)
    if not ordered:
        return []
    since = [validity_start(d) for d in ordered]  # in order too: validity_start never goes back
    steps = session.connection().execute(  # Core: no ORM work per row
        select(LabelStep.occurred_on, LabelStep.next_on, LabelStep.certified_since)
        .where(LabelStep.certified_since > since[0], LabelStep.occurred_on <= ordered[-1],
               or_(LabelStep.next_on.is_(None), LabelStep.next_on > ordered[0]),
               *_of_scope(scope))).all()
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


def _of_scope(scope: Scope) -> list[Any]:
    """Conditions keeping the steps of the scope's artisans: on the copies of their commune and
    sector each step carries (kept by the database, migration 0011), so no step's artisan is
    looked up."""
    return scope_artisans(scope, LabelStep)


def _registry(session: Session, scope: Scope, day: date) -> int:
    """Artisans in the scope's registry on the day. For the whole Region, all artisans less
    those registered later: SQLite counts a whole table without reading its rows one by one,
    and the later ones are few for a recent day (created_at is never NULL)."""
    if scope_artisans(scope):
        return int(session.scalar(select(func.count()).select_from(Artisan)
                                  .where(_in_registry(day), *scope_artisans(scope))) or 0)
    everyone = select(func.count()).select_from(Artisan).scalar_subquery()
    later = select(func.count()).select_from(Artisan).where(~_in_registry(day)).scalar_subquery()
    return int(session.scalar(select(everyone - later)) or 0)


def _decisions(session: Session, scope: Scope, day: date) -> list[Any]:
    """Each decision of the period: its state and day, the latest submission on or before it,
    and the artisan's latest certification and expiry before it (kept on each step by the
    database, migration 0011: read from one index, no search per decision)."""
    return list(session.connection().execute(
        select(LabelStep.state, LabelStep.occurred_on, LabelStep.submitted_on,
               LabelStep.certified_before, LabelStep.expired_before)
        .where(LabelStep.state.in_(("certified", "refused")),
               LabelStep.occurred_on.between(scope.period.start, day),
               *_of_scope(scope))).all())


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
    # Each artisan's step on the day: of their steps on or before it, the one whose next step
    # (next_on) comes after it or that has none; with the copy of their registry moment. One
    # pass over an index (migrations 0010 and 0011), no search for every artisan's latest step
    # and no look-up of its artisan.
    latest = (select(LabelStep.state, LabelStep.occurred_on, LabelStep.registered_at)
              .where(*in_force(day), *_of_scope(scope)).subquery())
    state = case((and_(latest.c.state == "certified",
                       latest.c.occurred_on <= validity_start(day)), "expired"),
                 else_=latest.c.state).label("state")
    # Those with a step count by it (registered later or not); the registry's others, without
    # one, are not_informed: the registry less its artisans with a step, i.e. less those with
    # a step who were registered by the day.
    later = latest.c.registered_at >= utc_day_start(day + timedelta(1))
    rows = session.execute(select(state, func.count(), func.count(case((later, 1))))
                           .group_by(state)).all()
    counts = {str(state): int(n) for state, n, _ in rows}
    registered_with_step = sum(int(n) - int(after) for _, n, after in rows)
    counts["not_informed"] = (counts.get("not_informed", 0) + _registry(session, scope, day)
                              - registered_with_step)
    return pd.DataFrame({"state": list(LABEL_STATES),
                         "count": [int(counts.get(s, 0)) for s in LABEL_STATES]})


def certified_by_place(session: Session, scope: Scope, today: date) -> pd.DataFrame:
    """Certified artisans on the day per commune and sector together (columns commune_nis,
    sector, count; None where unknown): one pass for both breakdowns of the dashboard."""
    rows = session.execute(  # the copies on the steps: no look-up of each one's artisan
        select(LabelStep.commune_nis, LabelStep.sector, func.count())
        .where(*certified(as_of(scope, today)), *_of_scope(scope))
        .group_by(LabelStep.commune_nis, LabelStep.sector)).all()
    return pd.DataFrame(rows, columns=["commune_nis", "sector", "count"])

