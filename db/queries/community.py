"""Community growth: members are artisans who attended at least one community event. Days and
months are Brussels ones: an evening at 00:05 on the 1st counts in the month it begins.

Members are read from community_members (each member's first attended community event, and
their commune and sector), which the database's triggers keep in line with the attendances
(migration 0009): a read need not work out every member's first attendance."""

from __future__ import annotations

import functools
from datetime import UTC, date, datetime, timedelta
from typing import Any, TypeVar

import pandas as pd
from sqlalchemy import BindParameter, Select, bindparam, case, func, select
from sqlalchemy.orm import Session

from db.clock import BRUSSELS
from db.models import Artisan, CommunityMember
from db.periods import Scope
from db.queries.event_lists import utc_day_start

Query = TypeVar("Query", bound=Select)  # type: ignore[type-arg]  # any row type


# Statements built once per shape of scope (a commune or not, a sector or not: see shape),
# the period and the place bound at each run (see bound): on a small registry, building and
# keying a statement cost as much as running it (0.45 against 0.4 ms for the per-event counts
# at scale 1), and a dashboard runs ten of them.
START: BindParameter[datetime] = bindparam("start")
END: BindParameter[datetime] = bindparam("end")
COMMUNE: BindParameter[str] = bindparam("commune")
SECTOR: BindParameter[str] = bindparam("sector")
Shape = tuple[bool, bool]
Statement = Select[*tuple[Any, ...]]  # a built statement, whatever its columns


def shape(scope: Scope) -> Shape:
    """Whether the scope names a commune and a sector: what a statement's text depends on."""
    return bool(scope.commune), bool(scope.sector)


def bound(scope: Scope, today: date) -> dict[str, Any]:
    """The values of a statement's parameters for a scope: its window and its place."""
    start, end = window(scope, today)
    return {"start": start, "end": end, "commune": scope.commune, "sector": scope.sector}


def members_in(place: Shape) -> list[Any]:
    """Conditions on CommunityMember: a member before :end, of :commune and :sector where the
    shape names them (the member's copies of the artisan's, kept by the triggers)."""
    conditions = [CommunityMember.first_at < END]
    if place[0]:
        conditions.append(CommunityMember.commune_nis == COMMUNE)
    if place[1]:
        conditions.append(CommunityMember.sector == SECTOR)
    return conditions


def artisans_in(place: Shape, artisan: Any = Artisan) -> list[Any]:
    """Conditions on Artisan (or anything with its commune_nis and sector: the steps' copies
    in label_steps) keeping :commune and :sector, where the shape names them."""
    return [c for c, named in ((artisan.commune_nis == COMMUNE, place[0]),
                               (artisan.sector == SECTOR, place[1])) if named]


def of_place(artisan_id: Any, place: Shape) -> list[Any]:
    """Rows of the artisans of :commune and :sector, as a condition: a correlated EXISTS, one
    lookup by primary key per row, for the queries where SQLite (without statistics) would loop
    over the commune's artisans inside the loop over the rows if joined; none for the Region."""
    conditions = artisans_in(place)
    if not conditions:
        return []
    return [select(Artisan.id).where(Artisan.id == artisan_id, *conditions).exists()]


def in_place(query: Query, artisan_id: Any, place: Shape) -> Query:
    """A query's rows kept to the artisans of :commune and :sector: joined to Artisan only when
    the shape names one of them (every row's artisan exists: a foreign key, and no artisan is
    ever deleted, erasure blanks them), which spares a lookup per row for the whole Region."""
    conditions = artisans_in(place)
    if not conditions:
        return query
    return query.join(Artisan, Artisan.id == artisan_id).where(*conditions)


def brussels_day(moment: datetime) -> date:
    """A stored moment's Brussels day (SQLite hands back naive UTC, PostgreSQL aware)."""
    return (moment if moment.tzinfo else moment.replace(tzinfo=UTC)).astimezone(BRUSSELS).date()


def day_after(day: date) -> datetime:
    """The UTC moment a Brussels day ends (the next one's midnight): an exclusive bound."""
    return utc_day_start(day + timedelta(days=1))


def month_starts(first: date, last: date) -> list[date]:
    """The first day of every month from first's month to last's month."""
    months, month = [], first.replace(day=1)
    while month <= last:
        months.append(month)
        month = (month + timedelta(days=32)).replace(day=1)
    return months


def window(scope: Scope, today: date) -> tuple[datetime, datetime]:
    """A scope's period as UTC moments [from, to): Brussels midnights, cut at the end of today
    (an event later in the period has not been held yet)."""
    return utc_day_start(scope.period.start), day_after(min(scope.period.end, today))


def _firsts(session: Session, statement: Statement,
            values: dict[str, Any] | None = None) -> list[tuple[date, int]]:
    """New members per Brussels day of their first attendance, oldest first, from a _firsts_of
    statement (and its parameters' values): counted per first moment in SQL (a row per event
    start at most, from the index), put in their day here."""
    return [(brussels_day(first_at), int(n))
            for first_at, n in session.execute(statement, values).all()]


def _firsts_of(conditions: list[Any]) -> Statement:
    """The members meeting `conditions` per moment of their first attendance."""
    return (select(CommunityMember.first_at, func.count()).where(*conditions)
            .group_by(CommunityMember.first_at).order_by(CommunityMember.first_at))


@functools.cache
def _scope_firsts(place: Shape) -> Statement:
    return _firsts_of(members_in(place))


def _per_month(firsts: list[tuple[date, int]], months: list[date]) -> list[int]:
    """New members in each of `months` (first days, in order, covering every day of firsts)."""
    index = {month: i for i, month in enumerate(months)}
    new = [0] * len(months)
    for day, n in firsts:
        new[index[day.replace(day=1)]] += n
    return new


def members_to_date(session: Session, on: date) -> int:
    """Unique artisans who attended a community event up to the end of `on` (Brussels)."""
    return int(session.scalar(select(func.count()).select_from(CommunityMember)
                              .where(CommunityMember.first_at < day_after(on))) or 0)


def members_on_days(session: Session, days: list[date]) -> list[int]:
    """members_to_date on each of `days`, in one query."""
    if not days:
        return []
    first = CommunityMember.first_at
    row = session.execute(select(*(
        func.coalesce(func.sum(case((first < day_after(d), 1), else_=0)), 0)
        for d in days)).select_from(CommunityMember)).one()
    return [int(n) for n in row]


def members_by_month(session: Session, on: date) -> pd.DataFrame:
    """New and cumulative community members per Brussels month that had new members, up to
    `on` (columns month, new, total)."""
    firsts = _firsts(session, _firsts_of([CommunityMember.first_at < day_after(on)]))
    if not firsts:
        return pd.DataFrame({"month": pd.to_datetime([]), "new": pd.Series([], dtype="int64"),
                             "total": pd.Series([], dtype="int64")})
    months = month_starts(firsts[0][0], on)
    counts = [(m, n) for m, n in zip(months, _per_month(firsts, months), strict=True) if n]
    frame = pd.DataFrame({"month": pd.to_datetime([m for m, _ in counts]),
                          "new": [n for _, n in counts]})
    frame["total"] = frame["new"].cumsum()
    return frame


def members_by_commune(session: Session, on: date) -> pd.DataFrame:
    """Community members to date per commune of their workshop (columns commune_nis, count).

    Members without a commune form a row whose commune_nis is None, so the counts add up to
    members_to_date: the privacy audit checks the cells against that disclosed total."""
    rows = session.execute(
        select(CommunityMember.commune_nis, func.count().label("count"))
        .where(CommunityMember.first_at < day_after(on))
        .group_by(CommunityMember.commune_nis).order_by(func.count().desc())
    ).all()
    return pd.DataFrame(rows, columns=["commune_nis", "count"])


def members_growth(session: Session, scope: Scope, today: date) -> pd.DataFrame:
    """The scope's members to date at the end of every Brussels month (columns month, new,
    total), from the first member's month (or the period's, if earlier) to the period's end:
    the whole history, so that new members stay differences of totals once disclosed."""
    firsts = _firsts(session, _scope_firsts(shape(scope)), bound(scope, today))
    last = min(scope.period.end, today)
    if not firsts or last < scope.period.start:
        return pd.DataFrame({"month": pd.to_datetime([]), "new": pd.Series([], dtype="int64"),
                             "total": pd.Series([], dtype="int64")})
    months = month_starts(min(firsts[0][0], scope.period.start), last)
    frame = pd.DataFrame({"month": pd.to_datetime(months), "new": _per_month(firsts, months)})
    frame["total"] = frame["new"].cumsum()
    return frame


def members_by_place(session: Session, scope: Scope, today: date) -> pd.DataFrame:
    """The scope's members to date at the period's end per commune and sector of their
    workshop together (columns commune_nis, sector, count; None where unknown): one pass for
    both breakdowns of the dashboard, each summed by per(). The counts add up to the members
    card (the privacy audit checks the cells against it)."""
    rows = session.execute(_by_place(shape(scope)), bound(scope, today)).all()
    return pd.DataFrame([tuple(r) for r in rows], columns=["commune_nis", "sector", "count"])


@functools.cache
def _by_place(place: Shape) -> Statement:
    return (select(CommunityMember.commune_nis, CommunityMember.sector, func.count())
            .where(*members_in(place))
            .group_by(CommunityMember.commune_nis, CommunityMember.sector))


def per(places: pd.DataFrame, column: str) -> pd.DataFrame:
    """Counts per commune_nis and sector together (members_by_place, certified_by_place) per
    `column` alone (columns `column`, count), most first then by name, None (unknown) last
    among equals: the counts add up to the whole."""
    counts: dict[Any, int] = {}
    for key, count in zip(places[column], places["count"], strict=True):
        key = None if pd.isna(key) else key
        counts[key] = counts.get(key, 0) + int(count)
    order = sorted(counts, key=lambda k: (-counts[k], k is None, k or ""))
    return pd.DataFrame([(k, counts[k]) for k in order], columns=[column, "count"])
