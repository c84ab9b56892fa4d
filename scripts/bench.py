"""Benchmark: seed time, Overview reads, registry searches and a busy artisan's profile at a
given scale (figures for the README).

Usage: python scripts/bench.py [--scale 20] [--repeat 5]   (DATABASE_URL picks the database;
unset means a throwaway SQLite file)."""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

UNCACHED = "(uncached SQL; a cached read costs one data_versions lookup)"


def _median_ms(engine: Engine, query: Callable[[Session], Any], repeat: int) -> float:
    """The median wall time of a read in a fresh session, in milliseconds."""
    from db.engine import session_scope

    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        with session_scope(engine) as s:
            query(s)
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times)


def _registry_cases(engine: Engine) -> list[tuple[str, Callable[[Session], Any]]]:
    """Searches staff type: a name fragment, part of an enterprise number, two filters, none."""
    from db import clock
    from db.engine import session_scope
    from db.identity import fold
    from db.models import Artisan
    from db.queries.registry import RegistryFilter, search_artisans

    with session_scope(engine) as s:
        name, number = s.execute(select(Artisan.last_name, Artisan.enterprise_number)
                                 .where(Artisan.enterprise_number.is_not(None))
                                 .order_by(Artisan.id).limit(1)).one()
    today = clock.today()
    cases = {
        f"name fragment {fold(name)[:4]!r}": RegistryFilter(text=fold(name)[:4]),
        f"enterprise number 'BE {number[:4]}.{number[4:7]}'":
            RegistryFilter(text=f"BE {number[:4]}.{number[4:7]}"),
        "commune 21004 + label certified": RegistryFilter(commune_nis="21004",
                                                          label_state="certified"),
        "empty search, first page": RegistryFilter(),
    }
    out: list[tuple[str, Callable[[Session], Any]]] = [
        (f"registry_search {label}", lambda s, f=f: search_artisans(s, f, today))
        for label, f in cases.items()]
    for sort in ("business", "label"):
        out.append((f"registry_search empty search, sort {sort} descending",
                    lambda s, sort=sort: search_artisans(s, RegistryFilter(), today, sort, True)))
    return out


def _profile_cases(engine: Engine) -> list[tuple[str, Callable[[Session], Any]]]:
    """The profile and the timeline of the artisan with the most event attendances."""
    from db import clock
    from db.engine import session_scope
    from db.models import Attendance
    from db.queries.profile import artisan_profile, artisan_timeline

    with session_scope(engine) as s:
        busy = s.execute(select(Attendance.artisan_id, func.count()).group_by(
            Attendance.artisan_id).order_by(func.count().desc()).limit(1)).one()
        rows = len(artisan_timeline(s, busy[0]))
    return [(f"artisan_profile (artisan {busy[0]})",
             lambda s: artisan_profile(s, busy[0], clock.today())),
            (f"artisan_timeline (artisan {busy[0]}, {rows} touchpoints)",
             lambda s: artisan_timeline(s, busy[0]))]


def _checkin_cases(engine: Engine) -> list[tuple[str, Callable[[Session], Any]]]:
    """The door on the busiest networking event: a search for three letters of a name, and a
    tap (check_in of a no-show, rolled back so every run does the same write)."""
    from datetime import UTC, datetime, timedelta

    from db.engine import session_scope
    from db.identity import fold
    from db.models import Artisan, Attendance, Event
    from db.permissions import Actor
    from db.queries.checkin import check_in, checkin_candidates
    from db.queries.registry import text_match

    with session_scope(engine) as s:
        event_id, starts_at = s.execute(select(Attendance.event_id, Event.starts_at).join(Event)
            .where(Event.kind == "networking", Event.starts_at < datetime.now(UTC))
            .group_by(Attendance.event_id, Event.starts_at)
            .order_by(func.count().desc(), Attendance.event_id).limit(1)).one()
        artisan_id, name = s.execute(select(Artisan.id, Artisan.last_name).join(
            Attendance, Attendance.artisan_id == Artisan.id).where(
            Attendance.event_id == event_id, Attendance.status != "attended")
            .order_by(Artisan.id).limit(1)).one()
        attendees = select(Attendance.artisan_id).where(Attendance.event_id == event_id)
        strangers = s.scalars(select(Artisan.first_name).where(~Artisan.id.in_(attendees))
                              .order_by(Artisan.id).limit(100)).all()
        # Three letters no registration of the event matches: the search's slowest path.
        stranger = next(n for n in strangers if not s.scalar(select(func.count()).where(
            Artisan.id.in_(attendees), text_match(fold(n)[:3]))))
    staff = Actor("staff", "staff", datetime.now(UTC))

    def search(fragment: str) -> Callable[[Session], Any]:
        return lambda s: checkin_candidates(s, event_id, fragment)

    # During the evening: the door refuses a tap on an evening that is over.
    during = (starts_at if starts_at.tzinfo else starts_at.replace(tzinfo=UTC)) + timedelta(
        minutes=30)

    def tap(s: Session) -> None:
        check_in(session=s, actor=staff, event_id=event_id, artisan_id=artisan_id, now=during)
        s.rollback()

    # A registered person's name usually fills the list from the event's own registrations;
    # a stranger's needs the second query, over the whole registry.
    return [*((f"checkin_candidates {fold(text)[:3]!r} ({who}, event {event_id})",
               search(fold(text)[:3])) for who, text in (("a registered name", name),
                                                         ("a stranger's name", stranger))),
            (f"check_in + rollback (event {event_id}, artisan {artisan_id})", tap)]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--scale", type=float, default=20)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    if not os.environ.get("DATABASE_URL"):
        path = Path(tempfile.mkdtemp()) / "bench.sqlite3"
        os.environ["DATABASE_URL"] = f"sqlite:///{path}"
    from db import clock
    from db.engine import get_engine, session_scope, upgrade_to_head
    from db.queries.community import members_by_month
    from db.queries.overview import overview_figures
    from seed.populate import populate

    engine = get_engine()
    upgrade_to_head(engine)
    started = time.perf_counter()
    with session_scope(engine) as s:
        counts = populate(s, scale=args.scale, seed=2023, reset_first=True)
    seeded = time.perf_counter() - started
    print(f"database: {engine.url.get_backend_name()}, scale {args.scale:g}: "
          f"{counts['artisans']:,} artisans, {counts['attendances']:,} attendances, "
          f"{counts['label_steps']:,} label steps, {counts['coaching_sessions']:,} sessions")
    print(f"seed: {seeded:.1f} s")
    for name, query in (("overview_figures", overview_figures),
                        ("members_by_month", members_by_month)):
        ms = _median_ms(engine, lambda s, q=query: q(s, clock.today()), args.repeat)
        print(f"{name}: median {ms:.1f} ms over {args.repeat} runs {UNCACHED}")
    for name, read in (*_registry_cases(engine), *_profile_cases(engine),
                       *_checkin_cases(engine)):
        ms = _median_ms(engine, read, args.repeat)
        print(f"{name}: median {ms:.1f} ms over {args.repeat} runs")


if __name__ == "__main__":
    main()
