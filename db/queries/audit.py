"""Reading the audit trail (admins only); nothing in the app edits or deletes it."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pandas as pd
from sqlalchemy import select
from sqlalchemy.orm import Session

from db.clock import BRUSSELS, day_start
from db.models import AuditEntry
from db.permissions import Actor, authorize

COLUMNS = ["id", "at", "username", "action", "entity", "entity_id", "before_json", "after_json"]


def _utc(moment: datetime) -> datetime:
    """The moment in UTC: SQLite compares its wall time with the stored naive UTC text,
    PostgreSQL compares the instant."""
    return moment.astimezone(UTC)


def audit_entries(session: Session, *, actor: Actor, username: str | None = None,
                  entity: str | None = None, start: date | None = None,
                  end: date | None = None, limit: int | None = 1000) -> pd.DataFrame:
    """Entries newest first, filtered by user, entity and days (both ends included)."""
    authorize(session, actor, "audit.read")
    query = select(*(getattr(AuditEntry, c) for c in COLUMNS)).order_by(AuditEntry.id.desc())
    if username:
        query = query.where(AuditEntry.username == username)
    if entity:
        query = query.where(AuditEntry.entity == entity)
    # Brussels days; SQLite stores CURRENT_TIMESTAMP as naive UTC.
    if start:
        query = query.where(AuditEntry.at >= _utc(day_start(start)))
    if end:
        query = query.where(AuditEntry.at < _utc(day_start(end + timedelta(days=1))))
    if limit:
        query = query.limit(limit)
    frame = pd.DataFrame(session.execute(query).all(), columns=COLUMNS)
    # SQLite hands back naive UTC, PostgreSQL aware times: show both as Brussels time.
    frame["at"] = pd.to_datetime(frame["at"], utc=True).dt.tz_convert(BRUSSELS)
    return frame.fillna({"before_json": "", "after_json": "", "entity_id": ""})


def audit_filter_values(session: Session, *, actor: Actor) -> dict[str, list[str]]:
    """Usernames and entities present in the trail, for the filter lists."""
    authorize(session, actor, "audit.read")
    users = session.scalars(select(AuditEntry.username).distinct().order_by(AuditEntry.username))
    entities = session.scalars(select(AuditEntry.entity).distinct().order_by(AuditEntry.entity))
    return {"username": list(users), "entity": list(entities)}
