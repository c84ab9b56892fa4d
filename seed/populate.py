"""Fill a database from the generators: python -m seed, the demo app and the tests share it."""

from __future__ import annotations

import random
import secrets
from collections.abc import Iterable
from datetime import UTC, date, datetime

from sqlalchemy import delete, func, insert, select, text
from sqlalchemy.orm import Session

from db import clock
from db import models as m
from db.permissions import SYSTEM
from db.queries.users import create_user
from db.runmode import is_production
from db.versioning import bump
from db.vocab import AREAS
from seed.accounts import COACHES, DEMO_USERS
from seed.common import BRUSSELS
from seed.events import generate_attendances, generate_events
from seed.follow_ups import generate_follow_ups
from seed.label import current_states, generate_label_steps
from seed.people import generate_artisans
from seed.programme import (
    generate_campaign,
    generate_sessions,
    generate_targets,
    generate_track_attendance,
    generate_tracks,
)

# Children before parents, so deleting in this order never breaks a foreign key.
DATA_TABLES = (m.AuditEntry, m.FollowUp, m.CoachingSession, m.TrackEnrolment,
               m.TrackSession, m.CoachingTrack, m.LabelStep, m.Attendance, m.Event,
               m.EventSeries, m.CampaignMetric, m.Campaign, m.KpiTarget, m.Artisan,
               m.User, m.LoginThrottle)


class SeedRefused(RuntimeError):
    """The database already holds data and no reset was asked for."""


def has_data(session: Session) -> bool:
    """True when any artisan or user exists."""
    return bool(session.scalar(select(func.count()).select_from(m.Artisan))
                or session.scalar(select(func.count()).select_from(m.User)))


def reset(session: Session) -> None:
    """Delete every row of every data table (reference lists stay)."""
    for table in DATA_TABLES:
        session.execute(delete(table))
    bump(session, *AREAS)


def populate(session: Session, *, scale: float = 1, seed: int = 2023,
             today: date | None = None, reset_first: bool = False) -> dict[str, int]:
    """Generate the demo data set and insert it; returns row counts per table."""
    if is_production():  # demo logins and a wiped database have no place in production
        raise SeedRefused("APP_ENV=production: the demo data set (with its published demo "
                          "logins) is never created, nor reset, in production; "
                          "create the first admin with `make admin`")
    if has_data(session):
        if not reset_first:
            raise SeedRefused("the database already holds data; pass --reset to replace it")
        reset(session)
    today = today or clock.today()
    now = datetime.now(BRUSSELS) if today == clock.today() else datetime.combine(
        today, datetime.max.time(), tzinfo=BRUSSELS)
    rng = random.Random(seed)
    whole = max(1, round(scale))
    users = [create_user(session=session, actor=SYSTEM, username=u, display_name=n, role=r,
                         password=p, email=f"{u}@hub.brussels") for u, n, r, p in DEMO_USERS]
    for _ in COACHES:  # these draws once made guessable passwords; kept so the data stays the same
        rng.getrandbits(64)
    users += [create_user(session=session, actor=SYSTEM, username=u, display_name=n,
                          role="staff", password=secrets.token_urlsafe(24),
                          email=f"{u}@hub.brussels") for u, n in COACHES]
    coaches = {u.id: u.username for u in users if u.role in ("staff", "manager")}
    manager = next(u.username for u in users if u.role == "manager")

    artisans = generate_artisans(rng, int(5000 * scale), today)
    for i, a in enumerate(artisans, start=1):
        a["id"] = i
    series, events = generate_events(rng, whole, today)
    attendances = generate_attendances(rng, events, artisans, now)
    steps = generate_label_steps(rng, artisans, scale, today)
    states = current_states(steps)
    for a in artisans:  # the registry filters on the current state, as record_label_step keeps it
        a["label_state"], a["label_state_on"] = states.get(a["id"], (None, None))
    artisan_ids = [a["id"] for a in artisans]
    tracks, planned = generate_tracks(whole, today, manager)
    enrolments, sessions = generate_track_attendance(rng, tracks, planned, artisan_ids,
                                                     coaches, today, now)
    sessions += generate_sessions(rng, artisan_ids, coaches, scale, today, now)
    for i, s in enumerate(sessions, start=1):
        s["id"] = i
    follow_ups = generate_follow_ups(rng, sessions, coaches, today)
    campaign, metrics = generate_campaign(rng, whole)
    counts = {}
    for model, rows in ((m.Artisan, artisans), (m.EventSeries, series), (m.Event, events),
                        (m.Attendance, attendances), (m.LabelStep, steps),
                        (m.CoachingTrack, tracks), (m.TrackSession, planned),
                        (m.TrackEnrolment, enrolments), (m.CoachingSession, sessions),
                        (m.FollowUp, follow_ups), (m.Campaign, [campaign]),
                        (m.CampaignMetric, metrics),
                        (m.KpiTarget, generate_targets(whole, today))):
        counts[model.__tablename__] = _insert(session, model, rows)
    counts["users"] = len(users)
    _sync_sequences(session)
    bump(session, *AREAS)
    return counts


def _utc(row: dict) -> dict:
    """Moments in UTC, as the app writes them: SQLite keeps no zone, so a Brussels wall time
    stored as such would read back one or two hours off."""
    return {k: v.astimezone(UTC) if isinstance(v, datetime) and v.tzinfo else v
            for k, v in row.items()}


def _insert(session: Session, model: type[m.Base], rows: Iterable[dict],
            chunk: int = 5000) -> int:
    batch, total = [], 0
    for row in rows:
        batch.append(_utc(row))
        if len(batch) == chunk:
            session.execute(insert(model), batch)
            total, batch = total + len(batch), []
    if batch:
        session.execute(insert(model), batch)
        total += len(batch)
    return total


def _sync_sequences(session: Session) -> None:
    """After inserts with explicit ids, move PostgreSQL's id sequences past them."""
    if session.get_bind().dialect.name != "postgresql":
        return
    for table in DATA_TABLES:
        name = table.__tablename__
        if "id" not in table.__table__.c:
            continue
        session.execute(text(
            f"SELECT setval(pg_get_serial_sequence('{name}', 'id'), "
            f"COALESCE((SELECT MAX(id) FROM {name}), 0) + 1, false)"))
